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
//
// Near-copies (`copies` > 0): that share of the articles, drawn at random, are
// re-published copies of an earlier article of the last few days, as a second
// outlet syndicates a wire story: another source, the same title, the same or
// the next day, and one sentence changed (a clause of kind `update` from
// templates.tsv appended to it). The other articles are the ones the corpus
// without copies has at the same place, byte for byte (copies draw from their
// own random stream), so a run with copies compares with one without.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

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

  /// Article `copy` (its place in the corpus, id "gen-<copy>") is a near-copy of article `original`.
  struct Copy {
    uint64_t copy = 0, original = 0;
  };

  /// Writes `n` articles as JSONL (id, url, source, published, title, text),
  /// published over about n / kArticlesPerDay days from 2023-01-01, of which
  /// about `copies` * n (0 <= copies < 1) are near-copies of earlier ones (see
  /// above). Returns the copies written, in corpus order. An original is never
  /// itself a copy.
  std::vector<Copy> write_jsonl(uint64_t n, std::ostream& out, double copies = 0.0);

  struct Impl;

 private:
  explicit CorpusGenerator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
