#include "pipeline/pipeline.h"

#include <algorithm>
#include <condition_variable>
#include <ctime>
#include <deque>
#include <exception>
#include <fstream>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>
#include <variant>

#include "core/hash.h"
#include "core/paths.h"
#include "knowledge/petrarch/petrarch.h"
#include "store/store.h"
#include "story/story.h"

namespace dyad {

namespace {

template <class T>
void append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// Reads every --dictionary file, in either dyad's TSV or the TABARI/PETRARCH format.
Result<KnowledgeSpecs> read_dictionaries(const std::vector<std::string>& paths, std::vector<Error>& warnings) {
  KnowledgeSpecs all;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path, 0, "cannot open dictionary"};
    std::string head(8192, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    Result<KnowledgeSpecs> specs = KnowledgeSpecs{};
    if (is_petrarch_dictionary(path, head)) {
      PetrarchReport report;
      specs = read_petrarch_dictionary(path, report);
      append(warnings, report.warnings);
    } else {
      specs = read_dyad_dictionary(path);
    }
    if (!specs.ok()) return specs.error();
    append(all.actors, specs->actors);
    append(all.agents, specs->agents);
    append(all.verbs, specs->verbs);
    append(all.discards, specs->discards);
  }
  return all;
}

// A statement (01x) takes the speaker the quotation layer found for a quotation in its sentence (docs/gkg.md),
// when it found one speaker code there: the coder's subject can be an adjective ("..., the Kenyan state outlet
// relayed": "Kenyan"). An "according to X" statement there is no statement of X's but the attribution of the
// speaker's ("“...,” Y told reporters, according to the X agency"): X becomes the attributed_to of Y's statement,
// the one coded or, when none is, this one, which then happened (the quotation's own mode words are no mode of
// the telling). Other statements are left alone when the sentence codes statements of different speakers ("A and
// B said"): the quotation cannot tell whose is whose.
void statements_take_quote_speakers(Document& doc) {
  const auto statement = [](const Event& e) { return e.cameo.starts_with("01"); };
  const auto according = [](const Event& e) { return e.rule.find("according to") != std::string::npos; };
  std::vector<bool> drop(doc.events.size(), false);
  for (size_t i = 0; i < doc.events.size(); ++i) {
    Event& e = doc.events[i];
    if (!statement(e) || e.sentence >= doc.text.sentences.size()) continue;
    const Span s = doc.text.sentences[e.sentence].span;
    const Actor* speaker = nullptr;
    bool ambiguous = false;
    for (const Quote& q : doc.quotes) {
      if (q.scare || q.speaker.code.empty()) continue;
      if (q.span.offset >= s.offset + s.length || q.span.offset + q.span.length <= s.offset) continue;
      ambiguous = ambiguous || (speaker != nullptr && speaker->code != q.speaker.code);
      speaker = &q.speaker;
    }
    if (speaker == nullptr || ambiguous || speaker->code == e.source.code) continue;
    const auto same_sentence = [&](const Event& o) { return &o != &e && o.sentence == e.sentence && statement(o); };
    if (according(e)) {
      const std::string outlet = e.source.canonical.empty() ? e.source.text : e.source.canonical;
      auto own = std::find_if(doc.events.begin(), doc.events.end(),
                              [&](const Event& o) { return same_sentence(o) && o.source.code == speaker->code; });
      if (own != doc.events.end()) {
        if (own->attributed_to.empty()) own->attributed_to = outlet;
        drop[i] = true;
        continue;
      }
      e.attributed_to = outlet;
      e.mode = EventMode::happened;
    } else if (std::any_of(doc.events.begin(), doc.events.end(), [&](const Event& o) {
                 return same_sentence(o) && !according(o) && o.source.code != e.source.code;
               })) {
      continue;
    }
    e.source = *speaker;
    e.rule += " (speaker from the quotation)";
  }
  size_t kept = 0;
  for (size_t i = 0; i < doc.events.size(); ++i)
    if (!drop[i]) {
      if (kept != i) doc.events[kept] = std::move(doc.events[i]);
      ++kept;
    }
  doc.events.resize(kept);
}

}  // namespace

// The load runs on two threads: the name finder's word lists (NameLexicon), the verb patterns
// (EventCoder) and the tone lexicon, about half of the work and independent of the rest, load on a
// second thread while this one loads the text rules, the actors (which need the text rules), quotes
// and the gazetteer (docs/performance.md, "Seventh pass"). Each part keeps its own warnings, joined in the serial
// order; the first error in that order is returned, so the result is the same as a serial load's.
Result<Knowledge> Knowledge::load(const KnowledgeOptions& options) {
  const std::string dir = options.data_dir.empty() ? data_dir() : options.data_dir;
  std::vector<Error> dictionary_warnings;
  auto extra = read_dictionaries(options.dictionaries, dictionary_warnings);

  struct Side {
    Result<std::shared_ptr<const NameLexicon>> words = std::shared_ptr<const NameLexicon>();
    Result<std::shared_ptr<const EventCoder>> coder = std::shared_ptr<const EventCoder>();
    Result<std::shared_ptr<const ToneModel>> tone = std::shared_ptr<const ToneModel>();
    std::vector<Error> warnings, tone_warnings;
  };
  // The future of std::async waits for its thread when destroyed, so an early return waits too.
  std::future<Side> side_load;
  if (extra.ok()) {
    side_load = std::async(std::launch::async, [&] {
      Side side;
      side.words = NameLexicon::load(NameLexicon::default_dir(), side.warnings);
      side.coder = EventCoder::load(dir, extra->verbs, extra->discards, options.no_default_dictionaries);
      const std::string lexicon =
          options.sentiment_lexicon.empty() ? ToneModel::default_lexicon_path() : options.sentiment_lexicon;
      side.tone = ToneModel::load(dir, lexicon, side.tone_warnings);
      return side;
    });
  }

  Knowledge k;
  auto text = TextRules::load(dir);
  if (!text.ok()) return text.error();
  k.text = std::move(text.value());
  if (!extra.ok()) return extra.error();
  k.warnings = std::move(dictionary_warnings);
  auto actors = ActorIndex::load(dir, *extra, options.no_default_dictionaries, *k.text);
  if (!actors.ok()) return actors.error();
  k.actors = std::move(actors.value());
  auto gkg = GkgRules::load(dir);
  const std::string gazetteer = options.gazetteer.empty() ? Gazetteer::default_path() : options.gazetteer;
  auto g = gkg.ok() ? Gazetteer::load(gazetteer) : Result<std::shared_ptr<const Gazetteer>>{nullptr};

  Side side = side_load.get();
  if (!side.words.ok()) return side.words.error();
  append(k.warnings, side.warnings);
  auto names = NameFinder::load(dir, std::move(side.words.value()));
  if (!names.ok()) return names.error();
  k.names = std::move(names.value());
  if (!side.coder.ok()) return side.coder.error();
  k.coder = std::move(side.coder.value());
  if (!gkg.ok()) return gkg.error();
  k.gkg = std::move(gkg.value());
  if (!side.tone.ok()) return side.tone.error();
  append(k.warnings, side.tone_warnings);
  k.tone = std::move(side.tone.value());
  if (g.ok()) {
    k.gazetteer = std::move(g.value());
  } else {
    Error e = g.error();
    e.warning = true;
    e.message += " (places will have no coordinates)";
    k.warnings.push_back(std::move(e));
  }
  return k;
}

std::string article_hash(const Article& article) {
  std::string key;
  key.reserve(article.source.size() + article.id.size() + article.title.size() + article.text.size() + 3);
  key.append(article.source).push_back('\0');
  key.append(article.id).push_back('\0');
  key.append(article.title).push_back('\0');
  key.append(article.text);
  return content_hash(key);
}

Document code_article(const Knowledge& knowledge, Article article) {
  return code_article(knowledge, std::move(article), CodeOptions{});
}

namespace {

// code_article with the run's date for articles that carry none (--published, IngestOptions::published): a date
// the input gives wins over it, and so does one read off the text (an embedded post's), which pipeline::run
// therefore applies here, after the text is read, and not at ingest.
Document code_dated_article(const Knowledge& knowledge, Article article, const CodeOptions& options,
                            const std::optional<Date>& fallback) {
  Document doc;
  doc.article = std::move(article);
  doc.hash = article_hash(doc.article);
  analyze_text(*knowledge.text, doc.article, doc.text);
  if (!doc.article.published.known()) {
    if (auto d = date_from_posts(doc.text)) {
      doc.article.published = *d;
      doc.article.published_origin = DateOrigin::text;
    } else if (fallback && fallback->known()) {
      doc.article.published = *fallback;
      doc.article.published_origin = DateOrigin::input;
    }
  }
  if (knowledge.actors) knowledge.actors->find(doc, knowledge.gazetteer.get());
  if (knowledge.gazetteer) knowledge.gazetteer->resolve(doc);
  if (knowledge.names) knowledge.names->find(doc, knowledge.actors.get(), knowledge.gazetteer.get());
  if (knowledge.coder) knowledge.coder->code(doc, options);
  if (knowledge.gkg) {
    annotate_gkg(*knowledge.gkg, doc);
    statements_take_quote_speakers(doc);
  }
  if (knowledge.tone) knowledge.tone->analyze(doc);
  return doc;
}

}  // namespace

Document code_article(const Knowledge& knowledge, Article article, const CodeOptions& options) {
  return code_dated_article(knowledge, std::move(article), options, std::nullopt);
}

namespace {

// CPU seconds of the calling thread so far.
double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Thrown to end the run early: from the ingest callback on a fatal store error, and after ingest
// returned when a stop was requested.
struct StopRequested {};

// Coding threads between the reader and the writer. The reader submits articles
// with consecutive sequence numbers; workers code them in any order; the writer
// takes them back by sequence number, so it sees them in input order. The pool
// does not bound itself: the caller keeps the number in flight (submitted, not
// yet taken) small, which bounds both the queue and the finished results.
class CodingPool {
 public:
  // `prepare`: also run the store-free part of filing (prepare_document) on the coding threads.
  // `fallback`: the run's date for articles that carry none (code_dated_article).
  CodingPool(const Knowledge& knowledge, size_t threads, bool prepare, std::optional<Date> fallback)
      : knowledge_(knowledge), prepare_(prepare), fallback_(std::move(fallback)) {
    workers_.reserve(threads);
    for (size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
  }
  CodingPool(const CodingPool&) = delete;
  CodingPool& operator=(const CodingPool&) = delete;
  ~CodingPool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closing_ = true;
      queue_.clear();
    }
    work_ready_.notify_all();
    for (std::thread& t : workers_) t.join();
  }

  // CPU seconds the workers spent coding, all together.
  [[nodiscard]] double coding_cpu_seconds() {
    std::lock_guard<std::mutex> lock(mutex_);
    return coding_cpu_;
  }

  void submit(uint64_t seq, Article&& article) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.emplace_back(seq, std::move(article));
    }
    work_ready_.notify_one();
  }

  [[nodiscard]] bool done(uint64_t seq) {
    std::lock_guard<std::mutex> lock(mutex_);
    return finished_.count(seq) != 0;
  }

  // Waits for article `seq`; rethrows what coding it threw.
  Document take(uint64_t seq) {
    std::unique_lock<std::mutex> lock(mutex_);
    result_ready_.wait(lock, [&] { return finished_.count(seq) != 0; });
    auto node = finished_.extract(seq);
    lock.unlock();
    if (node.mapped().failure) std::rethrow_exception(node.mapped().failure);
    return std::move(*node.mapped().doc);
  }

 private:
  struct Coded {
    std::optional<Document> doc;
    std::exception_ptr failure;
  };

  void work() {
    for (;;) {
      std::pair<uint64_t, Article> job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        work_ready_.wait(lock, [&] { return closing_ || !queue_.empty(); });
        if (closing_) return;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      Coded coded;
      const double start = thread_cpu_seconds();
      try {
        coded.doc = code_dated_article(knowledge_, std::move(job.second), CodeOptions{}, fallback_);
        if (prepare_) prepare_document(*coded.doc);
      } catch (...) {
        coded.failure = std::current_exception();
      }
      const double spent = thread_cpu_seconds() - start;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        finished_.emplace(job.first, std::move(coded));
        coding_cpu_ += spent;
      }
      result_ready_.notify_all();
    }
  }

  const Knowledge& knowledge_;
  const bool prepare_;
  const std::optional<Date> fallback_;
  std::mutex mutex_;
  std::condition_variable work_ready_, result_ready_;
  std::deque<std::pair<uint64_t, Article>> queue_;
  std::unordered_map<uint64_t, Coded> finished_;
  double coding_cpu_ = 0;
  bool closing_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace

Result<RunStats> run(const Knowledge& knowledge, const RunOptions& options) {
  RunStats stats;
  const double cpu_start = thread_cpu_seconds();
  std::unique_ptr<Store> store;
  if (!options.db_path.empty()) {
    auto opened = Store::open(options.db_path);
    if (!opened.ok()) return opened.error();
    store = std::move(opened.value());
  }
  size_t in_batch = 0;
  auto commit = [&]() -> Status {
    if (!store || in_batch == 0) return {};
    in_batch = 0;
    return store->commit();
  };
  auto report = [&](const Error& e) {
    (e.warning ? stats.warnings : stats.errors) += 1;
    if (options.on_error) options.on_error(e);
  };
  std::optional<Error> fatal;

  // The writer: everything after coding, one article at a time in input order.
  auto write = [&](Document& doc) {
    ++stats.articles;
    stats.bytes += doc.article.text.size();
    stats.sentences += doc.text.sentences.size();
    stats.tokens += doc.text.tokens.size();
    stats.posts += doc.text.posts.size();
    stats.events += doc.events.size();
    stats.entities += doc.entities.size();
    stats.quotes += doc.quotes.size();
    if (store) {
      if (store->contains(doc.hash)) {
        ++stats.already_stored;
      } else {
        if (in_batch == 0) {
          if (Status s = store->begin(); !s.ok()) {
            fatal = s.error();
            throw StopRequested{};
          }
        }
        if (auto filed = file_document(*store, doc); !filed.ok()) {
          Error e = filed.error();
          if (e.file.empty()) e.file = doc.article.origin;
          report(e);
        } else {
          ++stats.stored;
          stats.merged += filed->merged;
          stats.links += filed->links;
          if (!doc.duplicate_of.empty()) ++stats.duplicates;
        }
        if (++in_batch >= options.batch_size) {
          if (Status s = commit(); !s.ok()) {
            fatal = s.error();
            throw StopRequested{};
          }
        }
      }
    }
    if (options.on_document) options.on_document(doc);
    if (options.on_progress) options.on_progress(stats);
  };

  size_t threads = options.threads != 0 ? options.threads : std::thread::hardware_concurrency();
  if (threads == 0) threads = 1;
  std::optional<CodingPool> pool;
  // --published dates the articles that carry no date, after their text is read (code_dated_article)
  const std::optional<Date> fallback = options.ingest.published;
  if (threads > 1) pool.emplace(knowledge, threads, store != nullptr, fallback);
  // Read but not yet written, in input order: an article's sequence number, or
  // an ingest problem, which is reported in its place so the order of errors and
  // documents is what one thread gives.
  std::deque<std::variant<uint64_t, Error>> pending;
  const size_t max_in_flight = 4 * threads;
  size_t in_flight = 0;
  uint64_t next_seq = 0;
  auto report_pending_errors = [&] {
    while (!pending.empty() && std::holds_alternative<Error>(pending.front())) {
      Error e = std::move(std::get<Error>(pending.front()));
      pending.pop_front();
      report(e);
    }
  };
  // Writes the oldest article read, waiting for its coding to finish.
  auto write_next = [&] {
    report_pending_errors();
    if (pending.empty()) return;
    Document doc = pool->take(std::get<uint64_t>(pending.front()));
    pending.pop_front();
    --in_flight;
    write(doc);
    report_pending_errors();
  };
  // Writes the oldest articles for as long as they are already coded.
  auto write_done = [&] {
    report_pending_errors();
    while (!pending.empty() && pool->done(std::get<uint64_t>(pending.front()))) write_next();
  };
  auto write_all = [&] {
    while (!pending.empty()) write_next();
  };

  // After a stop, ingest hands on only what it had already read from a pipe (a regular file
  // delivers nothing more, a re-run reads it again): it is coded and written like the rest.
  auto on_article = [&](Article&& article) {
    if (!pool) {
      const double start = thread_cpu_seconds();
      Document doc = code_dated_article(knowledge, std::move(article), CodeOptions{}, fallback);
      if (store) prepare_document(doc);
      stats.coding_cpu_seconds += thread_cpu_seconds() - start;
      write(doc);
      return;
    }
    pool->submit(next_seq, std::move(article));
    pending.emplace_back(next_seq++);
    ++in_flight;
    write_done();
    while (in_flight >= max_in_flight) write_next();
  };
  auto on_ingest_error = [&](const Error& e) {
    if (pending.empty()) {
      report(e);
    } else {
      pending.emplace_back(e);
    }
  };

  try {
    IngestOptions ingest = options.ingest;
    ingest.published.reset();    // applied after the text is read (code_dated_article)
    ingest.stop = options.stop;  // a stop also ends a read that waits on a pipe or never ends
    ingest_paths(options.inputs, ingest, on_article, on_ingest_error);
    if (options.stop != nullptr && options.stop->load()) throw StopRequested{};
    write_all();
  } catch (const StopRequested&) {
    if (!fatal) {
      stats.interrupted = true;
      try {
        write_all();  // the articles already read
      } catch (const StopRequested&) {
      }
    }
  }
  if (pool) stats.coding_cpu_seconds = pool->coding_cpu_seconds();
  pool.reset();
  if (fatal) {
    if (store) store->rollback();
    return *fatal;
  }
  if (Status s = commit(); !s.ok()) return s.error();
  stats.writer_cpu_seconds = thread_cpu_seconds() - cpu_start - (threads > 1 ? 0.0 : stats.coding_cpu_seconds);
  return stats;
}

}  // namespace dyad
