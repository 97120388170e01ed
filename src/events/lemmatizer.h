// English lemmatizer for pattern matching: a word form -> its candidate lemmas.
//
// Irregular forms come from data/lexicon/irregular_{verbs,nouns}.tsv; regular
// inflections (-s, -es, -ies, -ed, -ied, -ing, doubled consonants, dropped -e)
// are undone by rule. Without a part-of-speech tagger a form may have several
// readings ("left" -> leave, left; "making" -> make, mak), so the lemmatizer
// returns every candidate and the matcher keeps the first one it knows.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"

namespace dyad {

class Lemmatizer {
 public:
  /// Reads data_dir/lexicon/irregular_verbs.tsv and irregular_nouns.tsv. A
  /// missing file or malformed row is an Error naming file and line.
  static Result<Lemmatizer> load(const std::string& data_dir);

  /// Candidate lemmas of a case-folded word form, most likely first; the form
  /// itself is always the first candidate. Never empty.
  [[nodiscard]] std::vector<std::string> candidates(std::string_view form) const;

  /// True when `lemma` is one of candidates(form), without building the list (no allocation for
  /// a form of up to 15 bytes): for callers that test one lemma, e.g. a phrase word against a token.
  [[nodiscard]] bool has_candidate(std::string_view form, std::string_view lemma) const;

  /// True when `form` is a past tense or past participle form (irregular
  /// table or regular "-ed"); used for tense and passive voice.
  [[nodiscard]] bool is_past_form(std::string_view form) const;
  /// True when `form` is a past participle by the irregular table or "-ed".
  [[nodiscard]] bool is_participle(std::string_view form) const;
  /// True when `form` is a past participle of the irregular table that is no past tense of
  /// any verb there and no base form ("taken", "beaten", "thrown"; not "held", "put", "arrested",
  /// nor "run" or "come", present tenses too).
  [[nodiscard]] bool is_participle_only(std::string_view form) const;

  /// Irregular forms recorded for `lemma` (e.g. meet -> met); empty if none.
  [[nodiscard]] std::vector<std::string> irregular_forms(std::string_view lemma) const;

  /// Adds one irregular form (used by load and by tests).
  void add_irregular(std::string_view form, std::string_view lemma, bool past, bool participle);

 private:
  struct Entry {
    std::vector<std::string> lemmas;
    bool past = false;
    bool participle = false;
    bool simple_past = false;  // listed in the past-tense column
  };
  std::unordered_map<std::string, Entry> irregular_;
  std::unordered_map<std::string, std::vector<std::string>> forms_;  // lemma -> irregular forms
};

}  // namespace dyad
