// The event coder alone: EventCoder::code over an article written for the
// benchmark (sentences/s), after the text, actor and name stages have run once.
// This is the pattern matcher's hot path (anchor index, prefilter, backtracking
// over the rest of each reading); `dyad bench` measures the whole pipeline.
#include <benchmark/benchmark.h>

#include <string>

#include "bench_util.h"
#include "pipeline/pipeline.h"

namespace {

using dyad::bench::knowledge;

std::string article(size_t paragraphs) {
  // Written for this benchmark: reporting verbs, passives, compounds, nominal events,
  // expectations, negation, and clauses that anchor no pattern.
  std::string s;
  for (size_t i = 0; i < paragraphs; ++i)
    s += "Russian Foreign Minister Sergey Lavrov met Chinese officials in Beijing on Tuesday and signed an agreement "
         "on energy cooperation, the Kremlin said. Ukrainian forces were attacked by Russian troops near Kharkiv. "
         "The United States and Germany called for talks with Iran, while Israel threatened to impose sanctions. "
         "Police detained dozens of protesters outside the parliament after the rally turned violent. "
         "The president is expected to visit Poland next week, but the trip could be postponed. "
         "Officials did not comment on the weather, which stayed mild for most of the week.\n";
  return s;
}

void BM_EventCoder(benchmark::State& state) {
  const dyad::Knowledge& k = knowledge();
  if (!k.coder) {
    state.SkipWithError("knowledge did not load");
    return;
  }
  dyad::Article a;
  a.id = "bench";
  a.text = article(static_cast<size_t>(state.range(0)));
  a.published = dyad::Date::ymd(2024, 5, 14);
  dyad::Document doc = dyad::code_article(k, a);
  size_t events = 0;
  for (auto _ : state) {
    k.coder->code(doc);
    events = doc.events.size();
    benchmark::DoNotOptimize(doc.events.data());
  }
  const auto sentences = static_cast<double>(doc.text.sentences.size());
  state.counters["events"] = static_cast<double>(events);
  state.counters["sentences/s"] =
      benchmark::Counter(sentences * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EventCoder)->Arg(8)->Arg(64)->Unit(benchmark::kMillisecond);

}  // namespace
