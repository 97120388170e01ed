#include <benchmark/benchmark.h>

#include <string>

#include "core/hash.h"
#include "core/unicode.h"

namespace {

std::string sample_text(size_t paragraphs) {
  std::string s;
  for (size_t i = 0; i < paragraphs; ++i)
    s += "The foreign minister said on Thursday that talks with the delegation would continue in Geneva. ";
  return s;
}

void BM_ContentHash(benchmark::State& state) {
  std::string text = sample_text(64);
  for (auto _ : state) benchmark::DoNotOptimize(dyad::content_hash(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ContentHash);

void BM_NormalizeText(benchmark::State& state) {
  std::string text = sample_text(64);
  for (auto _ : state) benchmark::DoNotOptimize(dyad::normalize_text(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_NormalizeText);

}  // namespace
