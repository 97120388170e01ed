// dyad: the command-line front end. A thin layer over the library: parse
// options, load knowledge, call pipeline::run or the store, print.
//
// Exit codes (see README): 0 all input coded; 1 fatal error (bad options,
// knowledge or store cannot be loaded); 2 finished, but some input was skipped
// (each skip reported on stderr with file and line); 130 interrupted.
#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "api/api.h"
#include "core/paths.h"
#include "eval/eval.h"
#include "events/coder.h"
#include "events/verb_suggest.h"
#include "output/writers.h"
#include "pipeline/corpus.h"
#include "pipeline/pipeline.h"
#include "store/store.h"
#include "story/report.h"

namespace {

std::atomic<bool> g_stop{false};

extern "C" void on_signal(int /*sig*/) { g_stop.store(true); }

constexpr int kExitOk = 0;
constexpr int kExitFatal = 1;
constexpr int kExitSkipped = 2;
constexpr int kExitInterrupted = 130;

int fail(const std::string& message) {
  std::cerr << "dyad: " << message << '\n';
  return kExitFatal;
}

// The store of a reading command (query, story, explain): it must exist; opening a path
// that names no file would create an empty store and answer "nothing" from it. An older
// schema is still migrated on open, as `dyad code` would.
dyad::Result<std::unique_ptr<dyad::Store>> open_existing_store(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return dyad::Error{path, 0, "cannot open store: no such file (dyad code --db creates one)", false};
  return dyad::Store::open(path);
}

// A one-line progress display on stderr, only when it is a terminal and the run is long.
class Progress {
 public:
  Progress() : enabled_(isatty(STDERR_FILENO) != 0), start_(std::chrono::steady_clock::now()) {}
  void update(const dyad::RunStats& s) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\r\033[K%llu articles  %llu sentences  %.0f articles/s",
                 static_cast<unsigned long long>(s.articles), static_cast<unsigned long long>(s.sentences),
                 static_cast<double>(s.articles) / secs);
    shown_ = true;
  }
  void finish() {
    if (shown_) std::fputs("\r\033[K", stderr);
  }

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

struct CodeArgs {
  std::vector<std::string> inputs;
  std::string format;
  std::string db = "dyad.db";
  bool no_db = false;
  std::string published;
  std::string input_format = "auto";
  std::vector<std::string> dictionaries;
  bool no_default_dictionaries = false;
  size_t batch = 64;
  size_t show = 5;
  size_t threads = 0;
};

void print_summary(const dyad::RunStats& s, const CodeArgs& a, double seconds) {
  std::printf("coded %llu articles (%llu sentences, %llu posts, %llu events) in %.2f s\n",
              static_cast<unsigned long long>(s.articles), static_cast<unsigned long long>(s.sentences),
              static_cast<unsigned long long>(s.posts), static_cast<unsigned long long>(s.events), seconds);
  if (!a.no_db)
    std::printf("store %s: %llu new articles, %llu already stored\n", a.db.c_str(),
                static_cast<unsigned long long>(s.stored), static_cast<unsigned long long>(s.already_stored));
  if (!a.no_db)
    std::printf("across articles: %llu events merged into stored ones, %llu near-duplicate articles, %llu links\n",
                static_cast<unsigned long long>(s.merged), static_cast<unsigned long long>(s.duplicates),
                static_cast<unsigned long long>(s.links));
  if (s.errors + s.warnings > 0)
    std::printf("%llu inputs skipped, %llu warnings (see stderr)\n", static_cast<unsigned long long>(s.errors),
                static_cast<unsigned long long>(s.warnings));
}

// `limit` 0 shows none (EventQuery's limit 0 is "no limit": every stored event was read and printed).
void print_events(dyad::Store& store, size_t limit) {
  if (limit == 0) return;
  dyad::EventQuery q;
  q.limit = limit;
  auto events = store.events(q);
  if (!events.ok() || events->empty()) return;
  std::printf("\nfirst %zu stored events:\n", events->size());
  for (const dyad::StoredEvent& se : *events) {
    const dyad::Event& e = se.event;
    std::printf("  %-10s %-8s -> %-8s %s %-9s %s\n", e.date.iso().c_str(), e.source.code.c_str(),
                e.target ? e.target->code.c_str() : "-", e.cameo.c_str(), std::string(dyad::to_string(e.mode)).c_str(),
                se.article_id.c_str());
  }
}

int run_code(const CodeArgs& a) {
  dyad::KnowledgeOptions ko;
  ko.dictionaries = a.dictionaries;
  ko.no_default_dictionaries = a.no_default_dictionaries;
  auto knowledge = dyad::Knowledge::load(ko);
  if (!knowledge.ok()) return fail(knowledge.error().str());
  for (const dyad::Error& w : knowledge->warnings) std::cerr << "dyad: warning: " << w.str() << '\n';

  dyad::RunOptions ro;
  ro.inputs = a.inputs.empty() ? std::vector<std::string>{"-"} : a.inputs;
  auto fmt = dyad::parse_input_format(a.input_format);
  if (!fmt) return fail("unknown --input-format '" + a.input_format + "'");
  ro.ingest.format = *fmt;
  if (!a.published.empty()) {
    ro.ingest.published = dyad::parse_date(a.published);
    if (!ro.ingest.published) return fail("cannot read --published date '" + a.published + "'");
  }
  if (!a.no_db) ro.db_path = a.db;
  ro.batch_size = a.batch == 0 ? 1 : a.batch;
  ro.threads = a.threads;
  std::unique_ptr<dyad::RecordWriter> writer;
  if (!a.format.empty()) {
    auto w = dyad::make_writer(a.format, std::cout);
    if (!w.ok()) return fail(w.error().message);
    writer = std::move(w.value());
    ro.on_document = [&writer](const dyad::Document& doc) { writer->write(doc); };
  }
  ro.on_error = [](const dyad::Error& e) {
    std::cerr << (e.warning ? "dyad: warning: " : "dyad: error: ") << e.str() << '\n';
  };
  Progress progress;
  ro.on_progress = [&progress](const dyad::RunStats& s) { progress.update(s); };
  ro.stop = &g_stop;

  auto start = std::chrono::steady_clock::now();
  auto stats = dyad::run(*knowledge, ro);
  if (writer) writer->finish();
  progress.finish();
  std::cout.flush();
  if (!stats.ok()) return fail(stats.error().str());
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (a.format.empty()) {
    print_summary(*stats, a, secs);
    if (!a.no_db) {
      if (auto store = dyad::Store::open(a.db); store.ok()) print_events(**store, a.show);
    }
  }
  if (stats->interrupted) {
    std::cerr << "dyad: interrupted; stored work is committed (from a pipe: every whole line read before the "
                 "signal), re-run on the same input to finish\n";
    return kExitInterrupted;
  }
  return stats->errors > 0 ? kExitSkipped : kExitOk;
}

struct QueryArgs {
  std::string db = "dyad.db";
  std::string format = "jsonl";
  std::string actor, cameo, from, to, mode, article;
  size_t limit = 0;
  bool links = false;
};

int run_query(const QueryArgs& a) {
  if (a.links) {
    auto store = open_existing_store(a.db);
    if (!store.ok()) return fail(store.error().str());
    if (dyad::Status s = dyad::write_links(**store, std::cout); !s.ok()) return fail(s.error().str());
    return kExitOk;
  }
  dyad::EventQuery q;
  q.actor = a.actor;
  q.cameo = a.cameo;
  q.article = a.article;
  q.limit = a.limit;
  if (!a.from.empty() && !(q.from = dyad::parse_date(a.from))) return fail("cannot read --from date '" + a.from + "'");
  if (!a.to.empty() && !(q.to = dyad::parse_date(a.to))) return fail("cannot read --to date '" + a.to + "'");
  if (!a.mode.empty()) {
    for (auto m :
         {dyad::EventMode::happened, dyad::EventMode::expected, dyad::EventMode::negated, dyad::EventMode::possible})
      if (dyad::to_string(m) == a.mode) q.mode = m;
    if (!q.mode) return fail("unknown --mode '" + a.mode + "' (happened, expected, negated, possible)");
  }
  q.each_mention = a.format == "mentions";  // the GDELT mentions table has a row per report
  auto writer = dyad::make_writer(a.format, std::cout);
  if (!writer.ok()) return fail(writer.error().message);
  auto store = open_existing_store(a.db);
  if (!store.ok()) return fail(store.error().str());
  auto events = (*store)->events(q);
  if (!events.ok()) return fail(events.error().str());
  for (const dyad::StoredEvent& se : *events) (*writer)->write(se);
  (*writer)->finish();
  return kExitOk;
}

struct BenchArgs {
  std::vector<std::string> corpus;
  uint64_t articles = 1000;
  uint64_t seed = 42;
  size_t batch = 256;
  size_t threads = 0;
  double copies = 0;
};

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// The near-copies of a generated corpus (`dyad bench --copies`) and how many the story stage found: a copy is found
// when it is stored as a copy of its own original (or of the article that original was stored as a copy of). Documents
// arrive in corpus order, originals before their copies; only the hashes of originals still to be copied are kept.
class CopyCheck {
 public:
  explicit CopyCheck(const std::vector<dyad::CorpusGenerator::Copy>& copies) {
    for (const auto& c : copies) {
      original_of_[c.copy] = c.original;
      ++pending_[c.original];
    }
  }
  uint64_t made() const { return original_of_.size(); }
  void see(const dyad::Document& d) {
    const uint64_t index = corpus_index(d.article.id);
    if (auto c = original_of_.find(index); c != original_of_.end()) {
      auto h = hash_.find(c->second);
      if (h != hash_.end()) {
        if (!d.duplicate_of.empty() && d.duplicate_of == h->second) ++found;
        if (--pending_[c->second] == 0) hash_.erase(h);
      }
    } else if (pending_.count(index) != 0) {
      hash_[index] = d.duplicate_of.empty() ? d.hash : d.duplicate_of;  // a copy of a copy points at the first
    }
  }
  uint64_t found = 0;

 private:
  static uint64_t corpus_index(const std::string& id) {  // "gen-<index>"
    return id.rfind("gen-", 0) == 0 ? std::strtoull(id.c_str() + 4, nullptr, 10) : UINT64_MAX;
  }
  std::unordered_map<uint64_t, uint64_t> original_of_;  // copy -> original
  std::unordered_map<uint64_t, uint32_t> pending_;      // original -> copies not yet seen
  std::unordered_map<uint64_t, std::string> hash_;      // original -> its hash, while copies are pending
};

// Whole-pipeline throughput: ingest -> text -> coding -> SQLite store, against `wc -w` on the same bytes.
int run_bench(const BenchArgs& a) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::temp_directory_path() / ("dyad-bench-" + std::to_string(getpid()));
  fs::create_directories(dir, ec);
  if (ec) return fail("cannot create " + dir.string() + ": " + ec.message());
  struct Cleanup {
    fs::path p;
    ~Cleanup() {
      std::error_code e;
      fs::remove_all(p, e);
    }
  } cleanup{dir};

  std::vector<std::string> inputs = a.corpus;
  std::vector<dyad::CorpusGenerator::Copy> copies;
  if (inputs.empty()) {
    auto gen = dyad::CorpusGenerator::load(dyad::data_dir(), a.seed);
    if (!gen.ok()) return fail(gen.error().str());
    fs::path file = dir / "corpus.jsonl";
    std::ofstream out(file, std::ios::binary);
    copies = (*gen)->write_jsonl(a.articles, out, a.copies);
    if (!out) return fail("cannot write the generated corpus to " + file.string());
    inputs.push_back(file.string());
  }
  uint64_t input_bytes = 0;
  std::string quoted;
  for (const std::string& f : inputs) {
    input_bytes += fs::file_size(f, ec);
    if (ec) return fail(f + ": " + ec.message());
    quoted += " '" + f + "'";
  }

  auto t = std::chrono::steady_clock::now();
  if (std::system(("wc -w" + quoted + " >/dev/null").c_str()) != 0) return fail("wc -w failed");
  double wc_seconds = seconds_since(t);

  t = std::chrono::steady_clock::now();
  auto knowledge = dyad::Knowledge::load({});
  if (!knowledge.ok()) return fail(knowledge.error().str());
  double load_seconds = seconds_since(t);

  dyad::RunOptions ro;
  ro.inputs = inputs;
  ro.db_path = (dir / "bench.db").string();
  ro.batch_size = a.batch;
  ro.threads = a.threads != 0 ? a.threads : std::max(1U, std::thread::hardware_concurrency());
  ro.on_error = [](const dyad::Error& e) { std::cerr << "dyad: " << e.str() << '\n'; };
  // SIGINT / SIGTERM end a long run early: the articles read are stored, the figures are of those, and the
  // temporary directory is removed (it was left behind, several GB at 100k articles, when the run was killed).
  ro.stop = &g_stop;
  // Copies made and found: each copy's duplicate_of should be its original's hash (the original comes first).
  CopyCheck check(copies);
  if (!copies.empty()) ro.on_document = [&check](const dyad::Document& d) { check.see(d); };
  t = std::chrono::steady_clock::now();
  auto stats = dyad::run(*knowledge, ro);
  double run_seconds = seconds_since(t);
  if (!stats.ok()) return fail(stats.error().str());

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double mb = static_cast<double>(input_bytes) / 1e6;
  if (stats->interrupted) std::printf("stopped early    by a signal: the figures are of the articles stored\n");
  std::printf("corpus           %s (%.1f MB, %llu articles, %llu sentences)\n",
              a.corpus.empty() ? "generated" : "given", mb, static_cast<unsigned long long>(stats->articles),
              static_cast<unsigned long long>(stats->sentences));
  std::printf("knowledge load   %.0f ms\n", load_seconds * 1e3);
  std::printf("pipeline         %.3f s (ingest -> store, %zu coding thread%s)\n", run_seconds, ro.threads,
              ro.threads == 1 ? "" : "s");
  std::printf("articles/s       %.0f\n", static_cast<double>(stats->articles) / run_seconds);
  std::printf("sentences/s      %.0f\n", static_cast<double>(stats->sentences) / run_seconds);
  std::printf("MB/s             %.2f\n", mb / run_seconds);
  std::printf("events           %llu\n", static_cast<unsigned long long>(stats->events));
  if (a.copies > 0)
    std::printf("copies           %llu made, %llu found with their original; %llu articles stored as copies\n",
                static_cast<unsigned long long>(check.made()), static_cast<unsigned long long>(check.found),
                static_cast<unsigned long long>(stats->duplicates));
  // Thread CPU clocks: other processes on a shared machine do not count. The writer (one thread: reading, story
  // stage, store) bounds the wall time however many coding threads there are.
  std::printf(
      "CPU              coding %.3f s, writer %.3f s (writer share %.0f%%)\n", stats->coding_cpu_seconds,
      stats->writer_cpu_seconds,
      100.0 * stats->writer_cpu_seconds / std::max(1e-9, stats->coding_cpu_seconds + stats->writer_cpu_seconds));
  std::printf("peak RSS         %.1f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
  std::printf("wc -w            %.3f s  (pipeline / wc -w = %.1fx)\n", wc_seconds,
              wc_seconds > 0 ? run_seconds / wc_seconds : 0.0);
  return kExitOk;
}

struct StoryArgs {
  std::string db = "dyad.db";
  int64_t id = 0;
  std::string actor, from, to, html;
};

// Lists stories, or prints the chosen ones as timelines (Markdown, or one HTML page).
int run_story(const StoryArgs& a) {
  auto store = open_existing_store(a.db);
  if (!store.ok()) return fail(store.error().str());
  dyad::StoryQuery q;
  q.id = a.id;
  q.actor = a.actor;
  if (!a.from.empty() && !(q.from = dyad::parse_date(a.from))) return fail("cannot read --from date '" + a.from + "'");
  if (!a.to.empty() && !(q.to = dyad::parse_date(a.to))) return fail("cannot read --to date '" + a.to + "'");
  auto stories = (*store)->stories(q);
  if (!stories.ok()) return fail(stories.error().str());
  if (stories->empty())
    return fail(a.id != 0 ? "no story " + std::to_string(a.id) + " in " + a.db : "no story matches in " + a.db);
  if (!a.html.empty()) {
    std::ofstream out(a.html, std::ios::binary);
    if (!out) return fail("cannot write " + a.html);
    std::vector<int64_t> ids;
    for (const dyad::StoryInfo& st : *stories) ids.push_back(st.id);
    if (dyad::Status s = dyad::write_story_html(**store, ids, out); !s.ok()) return fail(s.error().str());
    out.close();
    if (!out) return fail("cannot write " + a.html);
    std::printf("wrote %zu stories to %s\n", ids.size(), a.html.c_str());
    return kExitOk;
  }
  if (a.id == 0 && a.actor.empty() && a.from.empty() && a.to.empty()) {
    for (const dyad::StoryInfo& st : *stories)
      std::printf("%6lld  %-23s %3u articles %4u events  %s\n", static_cast<long long>(st.id),
                  (st.first.known() ? st.first.iso() + (st.last == st.first ? "" : " - " + st.last.iso())
                                    : std::string("undated"))
                      .c_str(),
                  st.articles, st.events, st.title.c_str());
    return kExitOk;
  }
  bool first = true;
  for (const dyad::StoryInfo& st : *stories) {
    if (!first) std::cout << "\n---\n\n";
    first = false;
    if (dyad::Status s = dyad::write_story_markdown(**store, st.id, std::cout); !s.ok()) return fail(s.error().str());
  }
  return kExitOk;
}

struct ExplainArgs {
  std::string db = "dyad.db";
  std::vector<std::string> ids;
  std::vector<std::string> dictionaries;
  bool no_default_dictionaries = false;
};

// Re-codes the stored article of each event and prints the coder's account of it.
int run_explain(const ExplainArgs& a) {
  auto store = open_existing_store(a.db);
  if (!store.ok()) return fail(store.error().str());
  dyad::KnowledgeOptions ko;
  ko.dictionaries = a.dictionaries;
  ko.no_default_dictionaries = a.no_default_dictionaries;
  auto knowledge = dyad::Knowledge::load(ko);
  if (!knowledge.ok()) return fail(knowledge.error().str());
  int rc = kExitOk;
  for (const std::string& id : a.ids) {
    dyad::EventQuery q;
    q.id = id;
    auto found = (*store)->events(q);
    if (!found.ok()) return fail(found.error().str());
    if (found->empty()) {
      std::cerr << "dyad: no stored event with id " << id << '\n';
      rc = kExitSkipped;
      continue;
    }
    const dyad::StoredEvent& se = found->front();
    auto stored = (*store)->article(se.article_hash);
    if (!stored.ok()) return fail(stored.error().str());
    if (!stored->has_value()) return fail("event " + id + ": its article is not in the store");
    dyad::Document doc = dyad::code_article(*knowledge, (*stored)->article);
    const dyad::Event* again = nullptr;
    for (const dyad::Event& e : doc.events)
      if (e.id == id) again = &e;
    std::cout << "event " << id << " (article " << se.article_id << ")\n";
    if (again == nullptr) {
      std::cout << "  the current knowledge no longer codes this event; as stored:\n  sentence: " << se.sentence_text
                << "\n  rule: " << se.event.rule << "\n";
      continue;
    }
    std::cout << knowledge->coder->explain(doc, *again) << '\n';
  }
  return rc;
}

struct VerbsArgs {
  std::string wordnet = "/usr/share/wordnet";
  std::vector<std::string> files;
  size_t senses = 3;
  size_t min_support = 2;
};

// Prints WordNet's synonyms of each pattern row's verbs as TSV, for review (docs/verbs.md).
int run_verbs_suggest(VerbsArgs a) {
  auto wordnet = dyad::WordNetVerbs::load(a.wordnet);
  if (!wordnet.ok()) return fail(wordnet.error().str());
  if (a.files.empty()) a.files.push_back(dyad::data_dir() + "/verbs/cameo.tsv");
  auto words = dyad::ClauseWords::load(dyad::data_dir());
  if (!words.ok()) return fail(words.error().str());
  std::vector<dyad::VerbPatternSpec> patterns;
  for (const std::string& f : a.files) {
    auto rows = dyad::read_verb_patterns(f, *words);
    if (!rows.ok()) return fail(rows.error().str());
    patterns.insert(patterns.end(), rows->begin(), rows->end());
  }
  const auto suggestions = dyad::suggest_verbs(patterns, *wordnet, {a.senses, a.min_support});
  std::cout << "origin\tcode\tsupport\tword\tused_by\tlisted\tgloss\n";
  for (const dyad::VerbSuggestion& s : suggestions) {
    std::string listed;
    for (const std::string& w : s.listed) listed += (listed.empty() ? "" : "|") + w;
    std::string used;
    for (const std::string& c : s.used_by) used += (used.empty() ? "" : ",") + c;
    std::cout << s.origin << '\t' << s.code << '\t' << s.support << '\t' << s.word << '\t' << used << '\t' << listed
              << '\t' << s.gloss << '\n';
  }
  std::cerr << "dyad: " << suggestions.size() << " suggestions for " << patterns.size() << " pattern rows from "
            << wordnet->num_synsets() << " WordNet verb synsets\n";
  return kExitOk;
}

struct ServeArgs {
  std::string db = "dyad.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::vector<std::string> dictionaries;
  bool no_default_dictionaries = false;
};

// The HTTP API and its page over a read-only store, until SIGINT / SIGTERM.
int run_serve(const ServeArgs& a) {
  // One read-only connection per core: that many requests read the store at once.
  std::vector<std::unique_ptr<dyad::Store>> stores;
  for (unsigned i = 0; i < std::max(2U, std::thread::hardware_concurrency()); ++i) {
    auto store = dyad::Store::open_read_only(a.db);
    if (!store.ok()) return fail(store.error().str());
    stores.push_back(std::move(store.value()));
  }
  dyad::KnowledgeOptions ko;  // explanations re-code the stored article, as dyad explain does
  ko.dictionaries = a.dictionaries;
  ko.no_default_dictionaries = a.no_default_dictionaries;
  auto knowledge = dyad::Knowledge::load(ko);
  if (!knowledge.ok()) return fail(knowledge.error().str());
  dyad::api::Service service(std::move(stores), &*knowledge);
  dyad::api::ServerOptions so;
  so.host = a.host;
  so.port = a.port;
  so.log = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
  dyad::api::Server server(service, so);
  auto port = server.bind();
  if (!port.ok()) return fail(port.error().message);
  std::fprintf(stderr, "dyad: serving %s at http://%s:%d/ (Ctrl-C stops)\n", a.db.c_str(), a.host.c_str(), *port);
  std::atomic<bool> done{false};
  std::thread watcher([&] {
    while (!done.load()) {
      if (g_stop.load()) server.stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  const bool ok = server.run();
  done.store(true);
  watcher.join();
  if (g_stop.load()) {
    std::fprintf(stderr, "dyad: stopped\n");
    return kExitOk;
  }
  return ok ? kExitOk : fail("the server stopped unexpectedly");
}

std::string default_shared_dir() {
  namespace fs = std::filesystem;
  // ../shared beside the checkout: next to the source tree, or to the data dir's parent.
  for (const fs::path& p : {fs::path(DYAD_DATA_DIR).parent_path().parent_path() / "shared",
                            fs::path(dyad::data_dir()).parent_path().parent_path() / "shared"}) {
    std::error_code ec;
    if (fs::exists(p / "eval", ec)) return p.string();
  }
  return "../shared";
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);

  CLI::App app{"dyad: political event data from news text (who did what to whom, when, where)"};
  app.set_version_flag("--version", std::string("dyad ") + DYAD_VERSION);
  app.require_subcommand(1);

  CodeArgs code;
  CLI::App* c = app.add_subcommand("code", "Code articles into events and store them");
  c->add_option("inputs", code.inputs, "Files, directories (walked) or - for stdin");
  c->add_option("--format", code.format, "Print records to stdout: jsonl, csv, gdelt, mentions, plover, gkg");
  c->add_option("--db", code.db, "SQLite store to write (default dyad.db)");
  c->add_flag("--no-db", code.no_db, "Do not store anything");
  c->add_option("--published", code.published, "Publication date for articles that carry none (YYYY-MM-DD)");
  c->add_option("--input-format", code.input_format, "auto, text, jsonl, json, html, feed, warc");
  c->add_option("--dictionary", code.dictionaries, "Extra dictionary file (repeatable)");
  c->add_flag("--no-default-dictionaries", code.no_default_dictionaries, "Use only --dictionary files");
  c->add_option("--batch", code.batch, "Articles per store transaction (default 64)");
  c->add_option("--show", code.show, "Events to show in the summary (default 5; 0: none)");
  c->add_option("--threads", code.threads,
                "Coding threads (default: one per core); output and store are the same for any number");

  QueryArgs query;
  CLI::App* q = app.add_subcommand("query", "Print stored events, filtered");
  q->add_option("--db", query.db, "SQLite store to read (default dyad.db)");
  q->add_option("--format", query.format, "jsonl (default), csv, gdelt, mentions, plover");
  q->add_option("--actor", query.actor, "Source or target actor code prefix or name");
  q->add_option("--code", query.cameo, "CAMEO code prefix (04 = all consult events)");
  q->add_option("--from", query.from, "Events on or after this date");
  q->add_option("--to", query.to, "Events on or before this date");
  q->add_option("--mode", query.mode, "happened, expected, negated or possible");
  q->add_option("--article", query.article, "Events of one article id");
  q->add_option("--limit", query.limit, "At most this many events");

  q->add_flag("--links", query.links,
              "List expected events with their status (confirmed, contradicted, pending, unconfirmed) and the "
              "sentences on both sides");

  StoryArgs story;
  CLI::App* st = app.add_subcommand("story", "List story threads, or print one as a timeline");
  st->add_option("id", story.id, "Story id (from dyad story); without it and filters, list the stories");
  st->add_option("--db", story.db, "SQLite store to read (default dyad.db)");
  st->add_option("--actor", story.actor, "Stories with events involving this actor (code prefix or name)");
  st->add_option("--from", story.from, "Stories reported on or after this date");
  st->add_option("--to", story.to, "Stories reported on or before this date");
  st->add_option("--html", story.html, "Write the stories as one self-contained HTML page to this file");

  BenchArgs bench;
  CLI::App* b = app.add_subcommand("bench", "Measure whole-pipeline throughput (ingest to store) against wc -w");
  CLI::Option* bench_corpus =
      b->add_option("--corpus", bench.corpus, "Corpus files (JSONL, text, ...); default: a generated wire corpus");
  b->add_option("--articles", bench.articles, "Articles to generate (default 1000)");
  b->add_option("--seed", bench.seed, "Generator seed (default 42)");
  b->add_option("--batch", bench.batch, "Articles per store transaction (default 256)");
  b->add_option("--threads", bench.threads, "Coding threads (default: one per core)");
  b->add_option("--copies", bench.copies,
                "Share of the generated articles that are near-copies of an earlier one (another outlet, the same "
                "or the next day, a sentence changed); prints the copies made and found (default 0)")
      ->check(CLI::Range(0.0, 0.99))
      ->excludes(bench_corpus);  // for the generated corpus only: both given is a usage error (64)

  ExplainArgs explain;
  CLI::App* x = app.add_subcommand("explain", "Show why a stored event was coded: pattern, clause, mode, date, place");
  x->add_option("ids", explain.ids, "Event ids (from dyad query or --format jsonl)")->required();
  x->add_option("--db", explain.db, "SQLite store to read (default dyad.db)");
  x->add_option("--dictionary", explain.dictionaries, "Extra dictionary file (repeatable), as given to dyad code");
  x->add_flag("--no-default-dictionaries", explain.no_default_dictionaries, "Use only --dictionary files");

  ServeArgs serve;
  CLI::App* sv =
      app.add_subcommand("serve", "Serve the store read-only: an HTTP API (JSON) and a web page (docs/api.md)");
  sv->add_option("--db", serve.db, "SQLite store to read (default dyad.db)");
  sv->add_option("--host", serve.host, "Address to listen on (default 127.0.0.1: this machine only)");
  sv->add_option("--port", serve.port, "Port (default 8080; 0 = any free port)")->check(CLI::Range(0, 65535));
  sv->add_option("--dictionary", serve.dictionaries, "Extra dictionary file (repeatable), as given to dyad code");
  sv->add_flag("--no-default-dictionaries", serve.no_default_dictionaries, "Use only --dictionary files");

  VerbsArgs verbs;
  CLI::App* vb = app.add_subcommand("verbs", "Verb-pattern dictionary tools (docs/verbs.md)");
  vb->require_subcommand(1);
  CLI::App* vs = vb->add_subcommand(
      "suggest", "Print WordNet synonyms of each pattern row's verbs as TSV, for a person to review (never automatic)");
  vs->add_option("files", verbs.files, "Verb-pattern files (default: the bundled data/verbs/cameo.tsv)");
  vs->add_option("--wordnet", verbs.wordnet,
                 "WordNet database folder (default /usr/share/wordnet, package wordnet-base)");
  vs->add_option("--senses", verbs.senses, "Look at each listed verb's first N senses (default 3)")
      ->check(CLI::Range(1, 100));
  vs->add_option("--min-support", verbs.min_support, "A synset must hold at least N of the row's verbs (default 2)")
      ->check(CLI::Range(1, 100));

  dyad::EvalOptions eval;
  bool eval_write = false;
  CLI::App* ev = app.add_subcommand("eval", "Score the coder against gold data; print precision, recall and F1");
  ev->add_option("--suite", eval.suites,
                 "Suite to run (repeatable): petrarch2, udpetrarch, udpetrarch-gsr, plover, india-police, "
                 "gum-news-ner, wikigold-ner; default all");
  ev->add_option("--limit", eval.limit, "At most this many records per suite");
  ev->add_flag("--verbose", eval.verbose, "Print every error with gold and predicted codings");
  ev->add_option("--split", eval.verbose_split,
                 "With --verbose: print only this split's errors (dev or held-out; suites with no split print all)")
      ->check(CLI::IsMember({"dev", "held-out"}));
  ev->add_option("--shared", eval.shared_dir, "The shared material folder (default ../shared beside the checkout)");
  ev->add_flag("--write", eval_write, "Rewrite docs/accuracy.md with the figures");
  ev->add_option("--write-markdown", eval.write_markdown, "Write the Markdown report to this path");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : 64;
  }
  if (c->parsed()) return run_code(code);
  if (q->parsed()) return run_query(query);
  if (b->parsed()) return run_bench(bench);
  if (st->parsed()) return run_story(story);
  if (x->parsed()) return run_explain(explain);
  if (sv->parsed()) return run_serve(serve);
  if (vs->parsed()) return run_verbs_suggest(verbs);
  if (ev->parsed()) {
    if (eval.shared_dir.empty()) eval.shared_dir = default_shared_dir();
    if (eval_write && eval.write_markdown.empty())
      eval.write_markdown = (std::filesystem::path(DYAD_DATA_DIR).parent_path() / "docs" / "accuracy.md").string();
    eval.command_line.clear();
    for (int i = 0; i < argc; ++i) eval.command_line += (i ? " " : "") + std::string(i ? argv[i] : "dyad");
    return dyad::run_eval(eval, std::cout);
  }
  return kExitOk;
}
