// Actor knowledge: load time of the full default dictionaries and of the name finder's word lists, and find()
// throughput (tokens/s) of the actor index and of the name finder on articles written for the benchmark. Peak RSS after
// loading is reported as a counter (from /proc/self/status, Linux).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>

#include "geo/gazetteer.h"
#include "knowledge/actors.h"
#include "knowledge/lexicon.h"
#include "knowledge/names.h"
#include "text/text.h"

namespace {

const std::string kData = DYAD_DATA_DIR;

const dyad::TextRules& rules() {
  static std::shared_ptr<const dyad::TextRules> r = dyad::TextRules::load(kData).value();
  return *r;
}

double rss_mb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(field, 0) == 0) return std::stod(line.substr(std::string(field).size())) / 1024.0;
  return 0;
}

void BM_KnowledgeLoad(benchmark::State& state) {
  const dyad::TextRules& r = rules();
  double before = rss_mb("VmRSS:");
  size_t phrases = 0;
  for (auto _ : state) {
    auto ix = dyad::ActorIndex::load(kData, {}, false, r);
    if (!ix.ok()) {
      state.SkipWithError(ix.error().str().c_str());
      return;
    }
    phrases = ix.value()->stats().phrases;
    benchmark::DoNotOptimize(ix);
  }
  state.counters["phrases"] = static_cast<double>(phrases);
  state.counters["rss_mb"] = rss_mb("VmRSS:");
  state.counters["rss_growth_mb"] = rss_mb("VmRSS:") - before;
  state.counters["peak_rss_mb"] = rss_mb("VmHWM:");
}
BENCHMARK(BM_KnowledgeLoad)->Unit(benchmark::kMillisecond)->Iterations(5);

// The name finder's word lists (common words, given names, companies) from the npm data packages.
void BM_NameLexiconLoad(benchmark::State& state) {
  size_t words = 0;
  for (auto _ : state) {
    std::vector<dyad::Error> warnings;
    auto lex = dyad::NameLexicon::load(dyad::NameLexicon::default_dir(), warnings);
    if (!lex.ok()) {
      state.SkipWithError(lex.error().str().c_str());
      return;
    }
    words = lex.value()->size();
    benchmark::DoNotOptimize(lex);
  }
  state.counters["words"] = static_cast<double>(words);
}
BENCHMARK(BM_NameLexiconLoad)->Unit(benchmark::kMillisecond)->Iterations(5);

// A text of an article dated 2024-05-16, analysed (tokens, sentences) as the pipeline does before the actors.
dyad::Document analysed(const dyad::TextRules& r, std::string text) {
  dyad::Document doc;
  doc.article.text = std::move(text);
  doc.article.published = dyad::Date::ymd(2024, 5, 16);
  dyad::analyze_text(r, doc.article, doc.text);
  return doc;
}

// Tokens per second of the loop over `doc`, as items and as a rate counter.
void count_tokens(benchmark::State& state, const dyad::Document& doc) {
  const auto tokens = static_cast<double>(state.iterations() * doc.text.tokens.size());
  state.SetItemsProcessed(static_cast<int64_t>(tokens));
  state.counters["tokens/s"] = benchmark::Counter(tokens, benchmark::Counter::kIsRate);
}

std::string article(size_t paragraphs) {
  // Written for this benchmark: titles, metonyms, places, agents, possessives.
  std::string s;
  for (size_t i = 0; i < paragraphs; ++i)
    s += "Russian Foreign Minister Sergey Lavrov met Chinese officials in Beijing on Tuesday, and the Kremlin said "
         "the talks went well. Washington imposed new sanctions while the Pentagon sent troops to Poland. "
         "Putin's spokesman told reporters that the defence minister would travel to Harbin. Police detained "
         "protesters near the parliament, and Ukraine's president thanked the United Nations.\n";
  return s;
}

void BM_FindMentions(benchmark::State& state) {
  const dyad::TextRules& r = rules();
  static std::shared_ptr<const dyad::ActorIndex> ix = dyad::ActorIndex::load(kData, {}, false, r).value();
  dyad::Document doc = analysed(r, article(static_cast<size_t>(state.range(0))));
  for (auto _ : state) {
    ix->find(doc);
    benchmark::DoNotOptimize(doc.mentions.data());
  }
  count_tokens(state, doc);
  state.counters["mentions"] = static_cast<double>(doc.mentions.size());
}
BENCHMARK(BM_FindMentions)->Arg(8)->Arg(64);

// NameFinder::find on an article written for this benchmark: unknown people, companies, bands, teams and places
// next to dictionary actors, with the default dictionaries, the gazetteer (when built) and the word lists. The
// actor index and the gazetteer run once before the loop, so only the name finder is timed.
std::string names_article(size_t paragraphs) {
  std::string s;
  for (size_t i = 0; i < paragraphs; ++i)
    s += "Marta Kowalczyk, chief executive of Brenton Shipping Company, told the Harbour Ledger on Monday that "
         "the firm would open an office in Fremont. Her rival Ilya Brodsky said he had signed with Northgate "
         "Pressing after the band Velvet Lanterns toured with The Copper Owls across Ohio. The Kellow Falcons "
         "beat the St. Marlow Kestrels at Ashgrove Park, and Dr. Anna Painter of the University of Grenzmark "
         "said she would move to Lake Ohrid. Shares of QuantexaSoft fell after President Putin visited Beijing.\n";
  return s;
}

void BM_NameFinder(benchmark::State& state) {
  const dyad::TextRules& r = rules();
  static std::shared_ptr<const dyad::ActorIndex> ix = dyad::ActorIndex::load(kData, {}, false, r).value();
  static std::shared_ptr<const dyad::NameFinder> names = dyad::NameFinder::load(kData).value();
  // $DYAD_GAZETTEER, else the build tree's gazetteer.bin.
  static std::shared_ptr<const dyad::Gazetteer> gaz = []() -> std::shared_ptr<const dyad::Gazetteer> {
    const std::string path = dyad::Gazetteer::default_path();
    auto g = dyad::Gazetteer::load(path);
    return g.ok() ? g.value() : nullptr;
  }();
  dyad::Document doc = analysed(r, names_article(static_cast<size_t>(state.range(0))));
  ix->find(doc);
  if (gaz) gaz->resolve(doc);
  const size_t known = doc.entities.size();
  size_t references = 0;
  for (auto _ : state) {
    doc.entities.resize(known);  // find() appends the entities it names
    names->find(doc, ix.get(), gaz.get());
    references = doc.references.size();
    benchmark::DoNotOptimize(doc.references.data());
  }
  count_tokens(state, doc);
  state.counters["references"] = static_cast<double>(references);
  state.counters["gazetteer"] = gaz != nullptr ? 1.0 : 0.0;
}
BENCHMARK(BM_NameFinder)->Arg(8)->Arg(64);

}  // namespace
