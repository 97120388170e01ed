// A seeded generator of realistic wire-style articles for benchmarks.
//
// Sentence templates come from data/bench/templates.tsv; the actors, places
// and office holders that fill them come from data/knowledge/, so generated
// text exercises the same knowledge the coder uses. The same seed gives the
// same corpus, byte for byte.
//
// Dates grow with the corpus, as a news stream does: article i is published on
// day i / kArticlesPerDay after 2023-01-01, minus a random 0-2 days (wires file
// slightly out of order). So any number of articles has the same density of
// articles (and match keys) per day, and the per-article cost of the story
// stage can be compared across corpus sizes.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>

#include "core/error.h"

namespace dyad {

class CorpusGenerator {
 public:
  static Result<std::unique_ptr<CorpusGenerator>> load(const std::string& data_dir, uint64_t seed);
  ~CorpusGenerator();
  CorpusGenerator(const CorpusGenerator&) = delete;
  CorpusGenerator& operator=(const CorpusGenerator&) = delete;

  /// Articles per generated day (see the note above).
  static constexpr uint64_t kArticlesPerDay = 10;

  /// Writes `n` articles as JSONL (id, url, source, published, title, text),
  /// published over about n / kArticlesPerDay days from 2023-01-01.
  void write_jsonl(uint64_t n, std::ostream& out);

  struct Impl;

 private:
  explicit CorpusGenerator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
