// WordNet's verb synsets (Princeton WordNet 3.x database files, as Debian's
// wordnet-base installs them in /usr/share/wordnet): which synonym sets a verb
// lemma belongs to, most frequent sense first. Used by `dyad verbs suggest`
// (docs/verbs.md) to propose verbs for review; never read by the coder.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"

namespace dyad {

/// One synonym set: its offset in data.verb, its words (lower case, phrases with
/// spaces: "set off") and its gloss.
struct WordNetSynset {
  std::string offset;
  std::vector<std::string> words;
  std::string gloss;
};

class WordNetVerbs {
 public:
  /// Reads DIR/index.verb and DIR/data.verb. Errors name the file and line.
  static Result<WordNetVerbs> load(const std::string& dir);

  /// The synsets of a verb lemma ("set off" or "set_off"), most frequent sense
  /// first; empty when WordNet does not know it.
  [[nodiscard]] std::vector<const WordNetSynset*> senses(std::string_view lemma) const;
  [[nodiscard]] size_t num_synsets() const { return synsets_.size(); }
  [[nodiscard]] size_t num_lemmas() const { return index_.size(); }

 private:
  std::vector<WordNetSynset> synsets_;
  std::unordered_map<std::string, size_t> by_offset_;           // offset -> synsets_ index
  std::unordered_map<std::string, std::vector<size_t>> index_;  // lemma (spaces) -> synsets_ indexes
};

}  // namespace dyad
