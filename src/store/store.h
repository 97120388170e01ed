// The store: coded documents -> SQLite (WAL), with a versioned schema.
//
// Articles are keyed by their content hash, so coding the same input twice
// adds nothing. Writes happen in explicit transactions (one per batch of
// articles); a run killed mid-batch leaves the database as it was at the last
// commit, and re-running codes the missing articles again.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/error.h"

namespace dyad {

/// The schema version this build writes; PRAGMA user_version holds it.
inline constexpr int kSchemaVersion = 11;

/// Filters for Store::events(); empty fields do not filter.
struct EventQuery {
  std::string actor;         // matches source or target code prefix, or actor text/canonical (case-insensitive)
  std::string cameo;         // code prefix: "04" matches 040-046
  std::string plover;        // PLOVER event type, exact (case-insensitive): "CONSULT"
  std::optional<Date> from;  // event date on or after
  std::optional<Date> to;    // event date on or before
  std::optional<EventMode> mode;
  std::string article;        // article id
  std::string id;             // one event id
  int64_t story = 0;          // events mentioned in this story's articles; 0 = any
  bool each_mention = false;  // one row per stored mention instead of one per event
  size_t limit = 0;           // 0 = no limit (rows)
  size_t offset = 0;          // rows to skip first (pagination), in the same order
};

/// What the story stage needs of a stored event to decide a merge or a link.
struct EventCandidate {
  std::string id;
  EventMode mode = EventMode::happened;
  Date date;
  std::string date_basis;
  Date first_seen;  // publication date of the earliest article reporting it
  std::optional<Place> location;
};

/// A stored article that may be a copy of a new one (shares a fingerprint band).
struct FingerprintMatch {
  std::string hash;
  std::vector<uint32_t> fingerprint;
  std::string duplicate_of;  // the article it copies itself, "" if none
};

/// A story thread: articles grouped by what they report.
struct StoryInfo {
  int64_t id = 0;
  std::string title;  // the title of its first article
  Date first, last;   // publication dates of its earliest and latest articles
  uint32_t articles = 0;
  uint32_t events = 0;
};

struct StoryQuery {
  int64_t id = 0;            // one story
  std::string actor;         // stories with an event involving this actor (as EventQuery::actor)
  std::optional<Date> from;  // stories whose dates overlap [from, to]
  std::optional<Date> to;
  size_t limit = 0;
};

/// A quote as stored, with the article it is in.
struct StoredQuote {
  Quote quote;
  std::string text;  // the quoted words
  std::string article_id;
  Date published;
};

/// An event as stored: the Event plus the article it came from.
struct StoredEvent {
  Event event;
  std::string article_id;
  std::string article_hash;
  std::string sentence_text;
  // Merged across every article that reported the event:
  uint32_t num_mentions = 0;       // mentions stored
  uint32_t num_articles = 0;       // distinct articles
  uint32_t num_sources = 0;        // distinct outlets (Article::source)
  std::string first_seen;          // earliest / latest publication date (ISO) of those
  std::string last_seen;           // articles; "" when none had a known date
  std::optional<double> avg_tone;  // mean tone of those articles that have one (docs/tone.md)
};

/// An expected event and a report that bears on it, both as stored.
struct StoredLink {
  std::string relation;  // "confirms" / "contradicts"
  StoredEvent expected;
  StoredEvent outcome;
};

/// An article as stored, with its key and when it was written.
struct StoredArticle {
  std::string hash;
  Article article;          // origin is not stored and comes back empty
  std::string ingested_at;  // UTC, "YYYY-MM-DDTHH:MM:SSZ"
};

struct StoreCounts {
  uint64_t articles = 0, events = 0, mentions = 0, entities = 0, quotes = 0, posts = 0, amounts = 0, links = 0;
  uint64_t references = 0;  // rows of entity_mentions: every reference to an entity (schema version 4)
};

/// An article's entities and every reference to them, as stored (schema version 4).
struct ArticleEntities {
  std::vector<Entity> entities;             // in the order the document held them
  std::vector<EntityReference> references;  // in text order; `entity` indexes `entities`
};

class Store {
 public:
  /// Opens or creates the database at `path` (":memory:" for tests), sets WAL,
  /// creates or migrates the schema. A newer schema than this build knows is an Error.
  static Result<std::unique_ptr<Store>> open(const std::string& path);
  /// Opens an existing store for reading only (front ends that must not write: `dyad serve`).
  /// Nothing is created or migrated: a missing file, a file without the dyad schema, or a
  /// schema other than kSchemaVersion is an Error naming the file; every write then fails.
  static Result<std::unique_ptr<Store>> open_read_only(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  /// True when an article with this content hash is stored.
  [[nodiscard]] bool contains(std::string_view hash);

  /// Starts a write transaction (BEGIN IMMEDIATE: takes the write lock now,
  /// waiting up to the busy timeout). Error when one is already open.
  Status begin();
  /// Makes everything put since begin() durable. Error when none is open. When a key or band table is due to move
  /// (docs/store.md, schema v11), the rows move after, in a second transaction; an error from that one says the
  /// batch is stored and the rows stay where they were (a later commit moves them).
  Status commit();
  /// Discards everything put since begin(); a no-op when none is open.
  void rollback();

  /// Writes one coded document (article, sentences, posts, entities, events with
  /// their mentions, quotes, amounts). Must be inside begin()/commit().
  /// A document whose hash is already stored is left alone (returns ok).
  Status put(const Document& doc);

  [[nodiscard]] StoreCounts counts();
  [[nodiscard]] int schema_version();

  /// The writer's in-memory copies of store rows (the story stage's key index and story rows, docs/store.md):
  /// both are bounded, so a long run's memory does not grow with the store. The key index keeps at most about
  /// `key_index_entries` entries (whole months, the least recently used dropped at a commit; one month is always
  /// kept whole, however large); each of the two generations of story rows keeps at most about `story_entries`.
  static constexpr size_t kKeyIndexEntries = size_t{1} << 20;
  static constexpr size_t kStoryCacheEntries = 65536;
  struct WriterCaches {
    size_t key_index_entries = 0;  // over the loaded months
    size_t key_index_months = 0;
    size_t story_keys = 0;   // both generations
    size_t story_dates = 0;  // both generations
  };
  [[nodiscard]] WriterCaches writer_caches() const;
  /// Sets the two bounds above (tests set small ones to exercise the eviction); takes effect at the next commit.
  void set_writer_cache_limits(size_t key_index_entries, size_t story_entries);

  /// Schema v9 and v11 (docs/store.md): a commit moves the LSH band rows of the articles stored since the last move
  /// into the middle band table once there are at least `rows` of them, and the middle table's rows into the large
  /// one once it holds at least `rows`; 0 (the default) is a pair of limits that grow with the cube root of the stored
  /// band rows. Answers never depend on them; tests set a small one to exercise the moves.
  /// `middle_rows` (not 0) sets the middle table's limit apart, so tests can keep rows in all three tables.
  void set_recent_band_limit(size_t rows, size_t middle_rows = 0);
  /// Schema v10 and v11: the same for the event ids and the article hashes (one pair of limits for both key tables).
  void set_recent_key_limit(size_t rows, size_t middle_rows = 0);

  /// Stored events matching `q`, ordered by date (unknown dates last) then id.
  /// One row per event: with q.article set, the mention in that article;
  /// otherwise the first mention stored. With q.each_mention, one row per
  /// mention (of that article when q.article is set), in stored order, each with the
  /// rule that coded that mention. Date filters keep an event whose date
  /// interval (a month-precision "2024-05" covers May 1-31) overlaps
  /// [from.first_day(), to.last_day()]; an event with no date never matches one.
  [[nodiscard]] Result<std::vector<StoredEvent>> events(const EventQuery& q);
  /// How many rows events(q) returns without its limit and offset (the total for pagination).
  [[nodiscard]] Result<uint64_t> count_events(const EventQuery& q);

  /// The stored article with this content hash, or nullopt.
  [[nodiscard]] Result<std::optional<StoredArticle>> article(std::string_view hash);
  /// The first stored article whose input id is `id`, or nullopt.
  [[nodiscard]] Result<std::optional<StoredArticle>> article_by_id(std::string_view id);

  /// Stored articles in the order they were written; `limit` 0 = all.
  /// With `with_text` false the text is left empty (cheap listing).
  [[nodiscard]] Result<std::vector<StoredArticle>> articles(size_t limit = 0, bool with_text = true);

  /// The embedded posts of the article with this hash, in text order.
  [[nodiscard]] Result<std::vector<Post>> posts(std::string_view hash);

  /// The entities of the article with this hash and their references (Document::references), as put:
  /// entity indexes, spans, kinds, sentences, token ranges, mention indexes and rules come back unchanged.
  /// An article stored before schema version 4 has entities and no references.
  [[nodiscard]] Result<ArticleEntities> entities(std::string_view hash);

  /// Records that `outcome_event` follows up `expected_event` (relation
  /// "confirms" or "contradicts"). Idempotent on the pair: true when the link
  /// is new. Both events must be stored. Works inside a transaction or on its own.
  Result<bool> link(std::string_view relation, std::string_view expected_event, std::string_view outcome_event);

  // ---- across articles (the story stage, story/story.h) ----

  /// Stored events whose match key (story/dedup.h) is `key`, whose date
  /// interval overlaps the days [from, to] and whose mode is one of `modes`
  /// (empty: any), oldest first. Undated events are never returned. The
  /// connection's in-memory index of the events by month and key (a month loaded
  /// from the events_date index when a window first needs it, then kept by put();
  /// dropped when another connection committed; the least recently used months
  /// dropped past kKeyIndexEntries) bounds the work to the window's months and the modes.
  [[nodiscard]] Result<std::vector<EventCandidate>> events_by_key(std::string_view key, const Date& from,
                                                                  const Date& to,
                                                                  const std::vector<EventMode>& modes = {});
  /// Stored articles sharing at least `min_bands` LSH bands (story/dedup.h) with `fingerprint`, oldest first.
  /// Only those articles' rows are read: the story stage asks for kMinSharedBands, the fewest a copy shares.
  [[nodiscard]] Result<std::vector<FingerprintMatch>> fingerprint_matches(const std::vector<uint32_t>& fingerprint,
                                                                          size_t min_bands = 1);
  /// For each of `keys`, the stories holding it whose dates overlap [from, to]
  /// (all stories when the dates are unknown), at most the 32 newest per key:
  /// (story, key) rows.
  [[nodiscard]] Result<std::vector<std::pair<int64_t, std::string>>> stories_with_keys(
      const std::vector<std::string>& keys, const Date& from, const Date& to);
  /// The latest last date of any story: the day the stored stories reach (unknown when no story has a date). The
  /// story stage takes it as the date of an undated article (docs/story.md, "Undated expectations").
  [[nodiscard]] Result<Date> latest_story_date();
  /// Whether any story holds a key starting with `prefix` (an index seek; inside a transaction the answer is kept and
  /// updated by file_in_story).
  [[nodiscard]] Result<bool> holds_story_key_prefix(std::string_view prefix);
  /// The last date of the story holding the stored article `hash` (unknown when it has none or is in no story).
  [[nodiscard]] Result<Date> story_last_date(std::string_view hash);
  /// Files the stored article `hash` in story `story` (0: a new story titled
  /// `title`) and adds `keys` to it; returns the story id.
  [[nodiscard]] Result<int64_t> file_in_story(int64_t story, std::string_view hash, std::string_view title,
                                              const Date& published, const std::vector<std::string>& keys);
  /// Stories matching `q`, by first date then id.
  [[nodiscard]] Result<std::vector<StoryInfo>> stories(const StoryQuery& q);
  /// The stored articles of a story, oldest first (text left empty).
  [[nodiscard]] Result<std::vector<StoredArticle>> story_articles(int64_t story);
  /// Links, each with both events; `story` != 0 keeps links touching that story's articles.
  [[nodiscard]] Result<std::vector<StoredLink>> links(int64_t story = 0);
  /// Links whose expected or outcome event is `event_id`, by link id (index lookups, no scan).
  [[nodiscard]] Result<std::vector<StoredLink>> links_of_event(std::string_view event_id);
  /// Quotations (not scare quotes) of the story's articles, in article then text order.
  [[nodiscard]] Result<std::vector<StoredQuote>> quotes(int64_t story);
  /// The latest publication date stored: the "now" of the store.
  [[nodiscard]] Result<Date> latest_published();

  /// Runs PRAGMA integrity_check; "ok" when the file is sound, else SQLite's report.
  [[nodiscard]] Result<std::string> integrity_check();

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  struct LinkRow {
    std::string relation, expected, outcome;    // event ids
    int64_t expected_seq = 0, outcome_seq = 0;  // their integer keys (events.seq)
  };
  Result<std::vector<StoredLink>> resolve_links(const std::vector<LinkRow>& rows);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
