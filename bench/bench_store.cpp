// The writer alone: generated articles are coded once, then filed into a fresh
// store file per iteration, as `dyad code` does (one transaction per batch, WAL).
//
//  - BM_StorePut: Store::put only (article, sentences, entities, references,
//    quotes, events and mentions, tone): the row and index inserts.
//  - BM_FileDocument: the whole story stage (story/story.h): near-duplicate
//    lookup, event merging, Store::put, links, story filing.
//
// Counters are articles/s and events/s; the coder is not timed. `dyad bench`
// measures the whole pipeline.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "bench_util.h"
#include "ingest/ingest.h"
#include "pipeline/corpus.h"
#include "pipeline/pipeline.h"
#include "store/store.h"
#include "story/story.h"

namespace {

namespace fs = std::filesystem;

using dyad::bench::knowledge;

// `n` generated articles (seed 7), coded once and kept for every benchmark that asks for `n`.
const std::vector<dyad::Document>& coded(size_t n) {
  static std::vector<std::pair<size_t, std::vector<dyad::Document>>> cache;
  for (const auto& [size, docs] : cache)
    if (size == n) return docs;
  std::vector<dyad::Document> docs;
  auto gen = dyad::CorpusGenerator::load(DYAD_DATA_DIR, 7);
  if (gen.ok()) {
    std::stringstream jsonl;
    (*gen)->write_jsonl(n, jsonl);
    dyad::read_jsonl(
        "bench.jsonl", jsonl, {},
        [&](dyad::Article&& a) { docs.push_back(dyad::code_article(knowledge(), std::move(a))); },
        [](const dyad::Error&) {});
  }
  cache.emplace_back(n, std::move(docs));
  return cache.back().second;
}

std::string store_path() {
  return (fs::temp_directory_path() / ("dyad-bench-store-" + std::to_string(getpid()) + ".db")).string();
}

void remove_store(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix, ec);
}

// Files `docs` into a new store file in batches of 256, as pipeline::run does.
template <class File>
void run_writer(benchmark::State& state, File&& file) {
  const auto& docs = coded(static_cast<size_t>(state.range(0)));
  if (docs.empty() || !knowledge().coder) {
    state.SkipWithError("knowledge or corpus did not load");
    return;
  }
  size_t events = 0;
  for (const auto& d : docs) events += d.events.size();
  const std::string path = store_path();
  for (auto _ : state) {
    state.PauseTiming();
    remove_store(path);
    std::vector<dyad::Document> copy = docs;  // the story stage rewrites event ids
    auto store = dyad::Store::open(path);
    state.ResumeTiming();
    if (!store.ok()) {
      state.SkipWithError("cannot open the store");
      break;
    }
    for (size_t i = 0; i < copy.size(); ++i) {
      if (i % 256 == 0 && !(*store)->begin().ok()) state.SkipWithError("begin failed");
      if (!file(**store, copy[i])) state.SkipWithError("a document was not stored");
      if (i % 256 == 255 || i + 1 == copy.size()) {
        if (!(*store)->commit().ok()) state.SkipWithError("commit failed");
      }
    }
  }
  remove_store(path);
  const auto iterations = static_cast<double>(state.iterations());
  state.counters["articles/s"] =
      benchmark::Counter(static_cast<double>(docs.size()) * iterations, benchmark::Counter::kIsRate);
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(events) * iterations, benchmark::Counter::kIsRate);
}

void BM_StorePut(benchmark::State& state) {
  run_writer(state, [](dyad::Store& store, dyad::Document& doc) { return store.put(doc).ok(); });
}
BENCHMARK(BM_StorePut)->Arg(500)->Unit(benchmark::kMillisecond);

void BM_FileDocument(benchmark::State& state) {
  run_writer(state, [](dyad::Store& store, dyad::Document& doc) { return dyad::file_document(store, doc).ok(); });
}
BENCHMARK(BM_FileDocument)->Arg(500)->Arg(2000)->Unit(benchmark::kMillisecond);

}  // namespace
