// A seeded generator of realistic wire-style articles for benchmarks.
//
// Sentence templates come from data/bench/templates.tsv; the actors, places
// and office holders that fill them come from data/knowledge/, so generated
// text exercises the same knowledge the coder uses. The same seed gives the
// same corpus, byte for byte.
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

  /// Writes `n` articles as JSONL (id, url, source, published, title, text).
  void write_jsonl(uint64_t n, std::ostream& out);

  struct Impl;

 private:
  explicit CorpusGenerator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
