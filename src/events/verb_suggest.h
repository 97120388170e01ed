// `dyad verbs suggest`: verbs WordNet lists beside a pattern's own verbs, for a
// person to review before adding them to data/verbs (docs/verbs.md, "Growing the
// dictionary"). Nothing here is read by the coder: a suggestion becomes knowledge
// only when somebody writes it into a data file.
#pragma once

#include <string>
#include <vector>

#include "knowledge/specs.h"
#include "knowledge/wordnet.h"

namespace dyad {

struct VerbSuggestion {
  std::string origin;                // the pattern row, "data/verbs/cameo.tsv:530"
  std::string code;                  // its CAMEO code
  std::vector<std::string> listed;   // the row's own verbs (its first group)
  std::string word;                  // the proposed verb ("touch down")
  size_t support = 0;                // how many listed verbs share the synset
  std::string gloss;                 // the synset's gloss, for the reviewer
  std::vector<std::string> used_by;  // codes of other rows whose first group already has the word
};

struct VerbSuggestOptions {
  size_t senses = 3;       // only a listed verb's first N senses (WordNet orders them by frequency)
  size_t min_support = 2;  // a synset must hold at least this many of the row's verbs
};

/// For every pattern whose first element (after its slots) is a group of plain
/// verbs, the words of the WordNet synsets shared by at least `min_support` of
/// them, each once per row, strongest support first. A group of verbs repeated on
/// later rows is looked at once, on its first row. Rows whose pattern does not
/// parse are skipped (the coder's loader reports them).
std::vector<VerbSuggestion> suggest_verbs(const std::vector<VerbPatternSpec>& patterns, const WordNetVerbs& wordnet,
                                          const VerbSuggestOptions& options = {});

}  // namespace dyad
