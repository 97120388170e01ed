// Tone and stance: load time of the word lists and the AFINN lexicon (when
// installed), and analyze() throughput (tokens/s) on a text written for the
// benchmark, after the text layer (mentions left empty: the tone stage's own
// cost).
#include <benchmark/benchmark.h>

#include <string>

#include "text/text.h"
#include "tone/tone.h"

namespace {

const std::string kData = DYAD_DATA_DIR;

void BM_ToneLoad(benchmark::State& state) {
  size_t entries = 0;
  for (auto _ : state) {
    std::vector<dyad::Error> warnings;
    auto m = dyad::ToneModel::load(kData, dyad::ToneModel::default_lexicon_path(), warnings);
    if (!m.ok()) {
      state.SkipWithError(m.error().str().c_str());
      return;
    }
    entries = m.value()->lexicon_size();
    benchmark::DoNotOptimize(m);
  }
  state.counters["lexicon_entries"] = static_cast<double>(entries);
}
BENCHMARK(BM_ToneLoad)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_ToneAnalyze(benchmark::State& state) {
  static auto rules = dyad::TextRules::load(kData).value();
  std::vector<dyad::Error> warnings;
  auto model = dyad::ToneModel::load(kData, dyad::ToneModel::default_lexicon_path(), warnings).value();
  dyad::Document doc;
  for (int64_t i = 0; i < state.range(0); ++i)
    doc.article.text +=
        "The regime's troops attacked the town, killing three civilians, officials claimed on Monday. We will "
        "not accept this, the minister said, adding that the peace talks had failed but were not dead. "
        "Leaders welcomed the strong support and praised the so-called partnership as a great success.\n";
  dyad::analyze_text(*rules, doc.article, doc.text);
  for (auto _ : state) {
    model->analyze(doc);
    benchmark::DoNotOptimize(doc.tone);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(doc.text.tokens.size()));
  state.counters["has_lexicon"] = model->has_lexicon() ? 1 : 0;
}
BENCHMARK(BM_ToneAnalyze)->Arg(8)->Arg(64);

}  // namespace
