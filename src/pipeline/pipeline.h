// The driver: inputs -> ingest -> text -> (entities, events, gkg) -> store / output.
//
// Knowledge is loaded once, immutable, and shared; code_article() is a pure
// function of (knowledge, article) so any article can be coded alone, in any
// order, on any thread. run() is the whole loop: ingest on the calling thread,
// coding on RunOptions::threads workers, and one ordered writer (the calling
// thread again) for the store and the callbacks, so output never depends on
// the number of threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "events/coder.h"
#include "geo/gazetteer.h"
#include "gkg/gkg.h"
#include "ingest/ingest.h"
#include "knowledge/actors.h"
#include "knowledge/names.h"
#include "text/text.h"
#include "tone/tone.h"

namespace dyad {

struct KnowledgeOptions {
  std::string data_dir;                   // bundled knowledge; empty = data_dir()
  std::vector<std::string> dictionaries;  // --dictionary files, in order
  bool no_default_dictionaries = false;   // --no-default-dictionaries
  std::string gazetteer;                  // compiled gazetteer; empty = Gazetteer::default_path()
  std::string sentiment_lexicon;          // AFINN JSON; empty = ToneModel::default_lexicon_path()
};

/// Everything the coder knows, loaded and validated at start.
struct Knowledge {
  std::shared_ptr<const TextRules> text;
  std::shared_ptr<const ActorIndex> actors;
  std::shared_ptr<const NameFinder> names;     // names no dictionary knows, references (docs/entities.md)
  std::shared_ptr<const Gazetteer> gazetteer;  // null when the compiled gazetteer is absent
  std::shared_ptr<const EventCoder> coder;
  std::shared_ptr<const GkgRules> gkg;    // quotes and amounts
  std::shared_ptr<const ToneModel> tone;  // tone (empty without a lexicon) and stance markers
  std::vector<Error> warnings;            // load problems that did not stop the load

  static Result<Knowledge> load(const KnowledgeOptions& options);
};

/// The store key of an article: a hash over its source, id, title and text,
/// so the same input coded twice is the same key.
std::string article_hash(const Article& article);

/// Codes one article. Fills hash, text analysis, a publication date read off
/// the text when the input gave none, and whatever later stages find.
Document code_article(const Knowledge& knowledge, Article article);
/// The same with the event coder's per-call options (e.g. PETRARCH's require_dyad).
Document code_article(const Knowledge& knowledge, Article article, const CodeOptions& options);

struct RunStats {
  uint64_t articles = 0;        // articles read and coded
  uint64_t stored = 0;          // new articles written to the store
  uint64_t already_stored = 0;  // articles the store had already (skipped writing)
  uint64_t sentences = 0, tokens = 0, posts = 0, events = 0, entities = 0, quotes = 0;
  uint64_t merged = 0;       // events stored as one more mention of an event already stored
  uint64_t links = 0;        // expectation -> outcome links made
  uint64_t duplicates = 0;   // articles stored as copies of an earlier one
  uint64_t bytes = 0;        // article text bytes
  uint64_t errors = 0;       // input records or files skipped
  uint64_t warnings = 0;     // problems reported, nothing skipped
  bool interrupted = false;  // stopped early by request (SIGINT/SIGTERM)
  // CPU seconds (thread CPU clocks, so other processes on the machine do not count): coding (code_article, on
  // every coding thread together) and the calling thread's other work (reading, the story stage, the store,
  // callbacks). With n cores the run cannot take less wall time than max(writer, (coding + writer) / n).
  double coding_cpu_seconds = 0;
  double writer_cpu_seconds = 0;
};

struct RunOptions {
  std::vector<std::string> inputs;  // files, directories, "-"
  IngestOptions ingest;
  std::string db_path;                               // empty = no store
  size_t batch_size = 64;                            // articles per store transaction
  std::function<void(const Document&)> on_document;  // output, called in input order
  std::function<void(const Error&)> on_error;        // every ingest/store problem
  std::function<void(const RunStats&)> on_progress;  // called after each article
  const std::atomic<bool>* stop = nullptr;           // set to stop after the articles already read
  size_t threads = 0;  // coding threads; 0 = std::thread::hardware_concurrency(); 1 = code on the calling thread
};

/// Reads, codes, stores and outputs every input. A store that cannot be opened
/// is an Error; problems with single inputs are reported and counted.
/// Articles are coded on options.threads workers, but the store, the stats and
/// every callback (on_document, on_error, on_progress) see them in input order,
/// one at a time, on the calling thread: the output and the store are the same
/// whatever the number of threads. At most a few articles per thread are in
/// flight (read but not yet written). After a stop request, the articles already
/// read are finished and written, nothing more is read; a read waiting on a pipe or
/// FIFO (or reading an input with no end) stops within a fraction of a second.
Result<RunStats> run(const Knowledge& knowledge, const RunOptions& options);

}  // namespace dyad
