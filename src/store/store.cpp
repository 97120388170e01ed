// The store: coded documents -> SQLite through the C API.
//
// Design:
//  - One connection per Store, opened with WAL journaling, synchronous=NORMAL
//    (a commit is durable against a process crash; an OS crash can lose the
//    last commits but never corrupts the file), foreign_keys=ON and a busy
//    timeout so a second writer waits instead of failing at once.
//  - The schema is versioned with PRAGMA user_version. kMigrations is a list of
//    steps, step i taking the schema from version i to i+1; open() applies the
//    missing steps in one transaction. Version 2 is added by appending a step.
//  - Every SQL text is prepared once and cached in the Impl (keyed by its text);
//    a borrowed statement is reset when the Stmt guard goes out of scope.
//  - Articles are keyed by content hash: put() looks the hash up in every
//    part of its key table (article_hashes, _middle and _recent; schema v10,
//    v11) and writes nothing when it is there; else it inserts the row and key.
//    Each put runs inside a SAVEPOINT so a failed document leaves no partial
//    rows in the surrounding batch transaction.
//  - Events are shared between articles: the first put inserts the row, later
//    ones add a mention and bump the counters (mentions, distinct articles,
//    distinct outlets, first/last seen).
//  - Internal helpers throw DbError; every public method catches it and
//    returns an Error naming the database path. put() also catches any other
//    exception, undoes its savepoint and rethrows it.
#include "store/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include "core/hash.h"
#include "core/unicode.h"
#include "story/dedup.h"

namespace dyad {
namespace {

struct DbError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// ---- schema ---------------------------------------------------------------

// Version 1. Dates are ISO strings ("2024-05-16", "2024-05", "2024") with the
// precision beside them; NULL when unknown. Spans are byte offsets/lengths
// into articles.text.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  id TEXT NOT NULL,
  url TEXT NOT NULL,
  source TEXT NOT NULL,
  published TEXT,
  date_precision TEXT,
  published_origin TEXT NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  metadata TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_id ON articles(id);

CREATE TABLE sentences (
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  offset INTEGER NOT NULL,
  length INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  flags INTEGER NOT NULL,
  post INTEGER,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE posts (
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  handle TEXT NOT NULL,
  name TEXT NOT NULL,
  date TEXT,
  date_precision TEXT,
  offset INTEGER NOT NULL,
  length INTEGER NOT NULL,
  body_offset INTEGER NOT NULL,
  body_length INTEGER NOT NULL,
  url TEXT NOT NULL,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  type TEXT NOT NULL,
  offset INTEGER NOT NULL,
  length INTEGER NOT NULL,
  text TEXT NOT NULL,
  canonical TEXT NOT NULL,
  code TEXT NOT NULL,
  place_name TEXT,
  country TEXT,
  lat REAL,
  lon REAL,
  geonameid INTEGER
);
CREATE INDEX entities_article ON entities(article);
CREATE INDEX entities_code ON entities(code);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  cameo TEXT NOT NULL,
  plover TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  mode TEXT NOT NULL,
  date TEXT,
  date_precision TEXT,
  date_basis TEXT NOT NULL,
  source_text TEXT NOT NULL,
  source_canonical TEXT NOT NULL,
  source_code TEXT NOT NULL,
  source_country TEXT NOT NULL,
  source_sector TEXT NOT NULL,
  target_text TEXT,
  target_canonical TEXT,
  target_code TEXT,
  target_country TEXT,
  target_sector TEXT,
  location_name TEXT,
  location_country TEXT,
  location_lat REAL,
  location_lon REAL,
  location_geonameid INTEGER,
  attributed_to TEXT NOT NULL,
  rule TEXT NOT NULL,
  num_mentions INTEGER NOT NULL DEFAULT 1,
  num_articles INTEGER NOT NULL DEFAULT 1,
  num_sources INTEGER NOT NULL DEFAULT 1,
  first_seen TEXT,
  last_seen TEXT
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_cameo ON events(cameo);
CREATE INDEX events_source_code ON events(source_code);
CREATE INDEX events_target_code ON events(target_code);

CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  event TEXT NOT NULL REFERENCES events(id),
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  offset INTEGER NOT NULL,
  length INTEGER NOT NULL,
  mode TEXT NOT NULL,
  outlet TEXT NOT NULL,
  rule TEXT NOT NULL,
  source_offset INTEGER NOT NULL,
  source_length INTEGER NOT NULL,
  target_offset INTEGER,
  target_length INTEGER,
  location_offset INTEGER,
  location_length INTEGER,
  UNIQUE (event, article, offset)
);
CREATE INDEX mentions_article ON mentions(article);

CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  offset INTEGER NOT NULL,
  length INTEGER NOT NULL,
  speaker_text TEXT NOT NULL,
  speaker_canonical TEXT NOT NULL,
  speaker_code TEXT NOT NULL,
  verb TEXT NOT NULL,
  scare INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes(article);

CREATE TABLE amounts (
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  object TEXT NOT NULL,
  offset INTEGER NOT NULL,
  length INTEGER NOT NULL
);
CREATE INDEX amounts_article ON amounts(article);

CREATE TABLE links (
  id INTEGER PRIMARY KEY,
  relation TEXT NOT NULL,
  expected TEXT NOT NULL REFERENCES events(id),
  outcome TEXT NOT NULL REFERENCES events(id),
  created TEXT NOT NULL,
  UNIQUE (expected, outcome)
);
CREATE INDEX links_outcome ON links(outcome);
)sql";

// Version 2 (tone and stance, docs/tone.md): the article's V1.5TONE as word
// counts plus the derived percentages, the counts of each sentence with a
// lexicon hit, and the writer's stance markers with the actor each is attached
// to. An article coded without a sentiment lexicon has no article_tone row.
constexpr const char* kSchemaV2Tone = R"sql(
CREATE TABLE article_tone (
  article INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
  tone REAL NOT NULL,
  positive REAL NOT NULL,
  negative REAL NOT NULL,
  polarity REAL NOT NULL,
  activity REAL NOT NULL,
  self_group REAL NOT NULL,
  words INTEGER NOT NULL,
  positive_words INTEGER NOT NULL,
  negative_words INTEGER NOT NULL,
  polar_words INTEGER NOT NULL,
  activity_words INTEGER NOT NULL,
  self_group_words INTEGER NOT NULL,
  valence INTEGER NOT NULL
);

CREATE TABLE sentence_tone (
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  words INTEGER NOT NULL,
  positive_words INTEGER NOT NULL,
  negative_words INTEGER NOT NULL,
  polar_words INTEGER NOT NULL,
  activity_words INTEGER NOT NULL,
  self_group_words INTEGER NOT NULL,
  valence INTEGER NOT NULL,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;

CREATE TABLE stance (
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  kind TEXT NOT NULL,
  word TEXT NOT NULL,
  offset INTEGER NOT NULL,
  length INTEGER NOT NULL,
  actor_text TEXT,
  actor_canonical TEXT,
  actor_code TEXT
);
CREATE INDEX stance_article ON stance(article);
CREATE INDEX stance_actor_code ON stance(actor_code);
)sql";

// Version 3: events across articles (docs/story.md). Events carry their match
// key (story/dedup.h: base code and actor keys) so reports of one event find
// each other through an index; articles carry a MinHash fingerprint (32 x u32,
// little-endian), its LSH bands in article_bands, and the article they copy; stories group articles, story_keys holds
// what a story is about (event ids, actor pairs, entities) for matching new articles. Rows written by version 1 get
// their match key computed here.
constexpr const char* kSchemaV3Story = R"sql(
ALTER TABLE events ADD COLUMN match_key TEXT NOT NULL DEFAULT '';
UPDATE events SET match_key = substr(cameo, 1, 3) || '|' ||
  (CASE WHEN source_country <> '' THEN source_country WHEN source_code <> '' THEN source_code
        WHEN source_canonical <> '' THEN dyad_fold(source_canonical) ELSE dyad_fold(source_text) END) || '|' ||
  (CASE WHEN target_text IS NULL THEN '' WHEN target_country <> '' THEN target_country
        WHEN target_code <> '' THEN target_code WHEN target_canonical <> '' THEN dyad_fold(target_canonical)
        ELSE dyad_fold(target_text) END);
CREATE INDEX events_match_key ON events(match_key, date);

ALTER TABLE articles ADD COLUMN fingerprint BLOB;
ALTER TABLE articles ADD COLUMN duplicate_of TEXT;
CREATE TABLE article_bands (
  band INTEGER NOT NULL,
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  PRIMARY KEY (band, article)
) WITHOUT ROWID;

CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  first_date TEXT,
  last_date TEXT,
  articles INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stories_last_date ON stories(last_date);

CREATE TABLE story_articles (
  story INTEGER NOT NULL REFERENCES stories(id),
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  PRIMARY KEY (story, article)
) WITHOUT ROWID;
CREATE INDEX story_articles_article ON story_articles(article);

CREATE TABLE story_keys (
  key TEXT NOT NULL,
  story INTEGER NOT NULL REFERENCES stories(id),
  PRIMARY KEY (key, story)
) WITHOUT ROWID;
)sql";

// Version 4: every reference to an entity (Document::references, docs/entities.md): the name, role noun,
// pronoun or country adjective, its span and sentence, its kind and the rule that found it. `idx` is the
// reference's place in text order; `token_first`/`token_end` index the article's tokens; `mention` is the
// index of the actor mention it lies in (-1 when none). Articles stored by version 3 have no rows here.
constexpr const char* kSchemaV4References = R"sql(
CREATE TABLE entity_mentions (
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  offset INTEGER NOT NULL,
  length INTEGER NOT NULL,
  text TEXT NOT NULL,
  token_first INTEGER NOT NULL,
  token_end INTEGER NOT NULL,
  mention INTEGER NOT NULL,
  rule TEXT NOT NULL,
  PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE INDEX entity_mentions_entity ON entity_mentions(entity);
)sql";

// Version 5: the writer's cost (docs/store.md, docs/performance.md). Indexes no query reads are dropped: every
// index is one more B-tree insert per row, and the events row was the writer's largest cost. `dyad query` filters
// actor and CAMEO code by prefix expressions (substr, instr over dyad_fold) that no index serves and orders by an
// expression of the date; the story stage seeks events by (match_key, date); nothing looks entities or stance
// markers up by code. Checked with EXPLAIN QUERY PLAN on every statement in this file. The story stage's index
// takes the mode before the date: a search wants one mode (merging) or the other side's modes (linking: an outcome
// looks for the rare expectations in two months of its key), so it reads only the rows of those modes. Rows are
// unchanged.
constexpr const char* kSchemaV5WriterIndexes = R"sql(
DROP INDEX IF EXISTS events_cameo;
DROP INDEX IF EXISTS events_source_code;
DROP INDEX IF EXISTS events_target_code;
DROP INDEX IF EXISTS entities_code;
DROP INDEX IF EXISTS stance_actor_code;
DROP INDEX IF EXISTS events_match_key;
CREATE INDEX IF NOT EXISTS events_key_mode ON events(match_key, mode, date);
)sql";

// Version 6: an integer event key in insertion order (docs/store.md). `events.seq` names the row's rowid (the stored
// order it always had), and the child rows that referred to an event by its text id (a 16-hex-digit hash) refer to
// it by `seq`: `mentions.event`, `links.expected` and `links.outcome`. The mentions' unique index (event, article,
// offset), the largest hash-keyed index, then takes a new event's mentions at its end instead of on a random page.
// The text id stays the public id (UNIQUE, looked up by merging and by `--id`). SQLite cannot change a table's
// primary key, so the three tables are rebuilt: copied into new tables (rowids, mention ids and link ids kept),
// the old ones dropped (children first, so no foreign key is broken) and the new ones renamed (which rewrites the
// children's REFERENCES to `events`).
constexpr const char* kSchemaV6EventSeq = R"sql(
CREATE TABLE events_v6 (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  cameo TEXT NOT NULL,
  plover TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  mode TEXT NOT NULL,
  date TEXT,
  date_precision TEXT,
  date_basis TEXT NOT NULL,
  source_text TEXT NOT NULL,
  source_canonical TEXT NOT NULL,
  source_code TEXT NOT NULL,
  source_country TEXT NOT NULL,
  source_sector TEXT NOT NULL,
  target_text TEXT,
  target_canonical TEXT,
  target_code TEXT,
  target_country TEXT,
  target_sector TEXT,
  location_name TEXT,
  location_country TEXT,
  location_lat REAL,
  location_lon REAL,
  location_geonameid INTEGER,
  attributed_to TEXT NOT NULL,
  rule TEXT NOT NULL,
  num_mentions INTEGER NOT NULL DEFAULT 1,
  num_articles INTEGER NOT NULL DEFAULT 1,
  num_sources INTEGER NOT NULL DEFAULT 1,
  first_seen TEXT,
  last_seen TEXT,
  match_key TEXT NOT NULL DEFAULT ''
);
INSERT INTO events_v6 (seq, id, cameo, plover, quad_class, goldstein, mode, date, date_precision, date_basis,
  source_text, source_canonical, source_code, source_country, source_sector,
  target_text, target_canonical, target_code, target_country, target_sector,
  location_name, location_country, location_lat, location_lon, location_geonameid,
  attributed_to, rule, num_mentions, num_articles, num_sources, first_seen, last_seen, match_key)
SELECT rowid, id, cameo, plover, quad_class, goldstein, mode, date, date_precision, date_basis,
  source_text, source_canonical, source_code, source_country, source_sector,
  target_text, target_canonical, target_code, target_country, target_sector,
  location_name, location_country, location_lat, location_lon, location_geonameid,
  attributed_to, rule, num_mentions, num_articles, num_sources, first_seen, last_seen, match_key
FROM events ORDER BY rowid;

CREATE TABLE mentions_v6 (
  id INTEGER PRIMARY KEY,
  event INTEGER NOT NULL REFERENCES events_v6(seq),
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  sentence INTEGER NOT NULL,
  offset INTEGER NOT NULL,
  length INTEGER NOT NULL,
  mode TEXT NOT NULL,
  outlet TEXT NOT NULL,
  rule TEXT NOT NULL,
  source_offset INTEGER NOT NULL,
  source_length INTEGER NOT NULL,
  target_offset INTEGER,
  target_length INTEGER,
  location_offset INTEGER,
  location_length INTEGER,
  UNIQUE (event, article, offset)
);
INSERT INTO mentions_v6 (id, event, article, sentence, offset, length, mode, outlet, rule, source_offset,
  source_length, target_offset, target_length, location_offset, location_length)
SELECT m.id, e.rowid, m.article, m.sentence, m.offset, m.length, m.mode, m.outlet, m.rule, m.source_offset,
  m.source_length, m.target_offset, m.target_length, m.location_offset, m.location_length
FROM mentions m JOIN events e ON e.id = m.event ORDER BY m.id;

CREATE TABLE links_v6 (
  id INTEGER PRIMARY KEY,
  relation TEXT NOT NULL,
  expected INTEGER NOT NULL REFERENCES events_v6(seq),
  outcome INTEGER NOT NULL REFERENCES events_v6(seq),
  created TEXT NOT NULL,
  UNIQUE (expected, outcome)
);
INSERT INTO links_v6 (id, relation, expected, outcome, created)
SELECT l.id, l.relation, x.rowid, y.rowid, l.created
FROM links l JOIN events x ON x.id = l.expected JOIN events y ON y.id = l.outcome ORDER BY l.id;

DROP TABLE links;
DROP TABLE mentions;
DROP TABLE events;
ALTER TABLE events_v6 RENAME TO events;
ALTER TABLE mentions_v6 RENAME TO mentions;
ALTER TABLE links_v6 RENAME TO links;
CREATE INDEX events_date ON events(date);
CREATE INDEX events_key_mode ON events(match_key, mode, date);
CREATE INDEX mentions_article ON mentions(article);
CREATE INDEX links_outcome ON links(outcome);
)sql";

// Version 7: the story stage's event index moves into the writer (docs/store.md). events_key_mode (match_key, mode,
// date) took every new event on a random page (the match key first), the largest of the hash-ordered indexes; the
// writer's in-memory index of each key's events (Store::Impl::key_months, loaded by month) answers
// events_by_key, its only reader, and names the rows to read by rowid. Rows are unchanged.
constexpr const char* kSchemaV7NoKeyIndex = R"sql(
DROP INDEX IF EXISTS events_key_mode;
)sql";

// Version 8: a story's events by their integer key (docs/store.md). Every stored event's "e:<id>" story key was a
// story_keys row keyed by the event's text id, a hash, so each new event took a random page of that index (nine in
// ten of its rows). story_events holds them by events.seq, in insertion order: a new event's row goes at the end.
// story_keys keeps the other keys, and an "e:" key whose event is not stored. Rows move; none is added or lost.
constexpr const char* kSchemaV8StoryEvents = R"sql(
CREATE TABLE story_events (
  event INTEGER NOT NULL REFERENCES events(seq),
  story INTEGER NOT NULL REFERENCES stories(id),
  PRIMARY KEY (event, story)
) WITHOUT ROWID;
INSERT INTO story_events (event, story)
SELECT e.seq, k.story FROM story_keys k JOIN events e ON e.id = substr(k.key, 3)
WHERE k.key >= 'e:' AND k.key < 'e;' ORDER BY 1, 2;
DELETE FROM story_keys WHERE key >= 'e:' AND key < 'e;' AND substr(key, 3) IN (SELECT id FROM events);
)sql";

// Version 9: new LSH band rows go to a small table first (docs/store.md). article_bands is ordered by the band, a
// hash, so each of an article's 8 rows took a random page of it, and once it outgrew a batch's rows every commit wrote
// about one page per row. article_bands_recent holds the rows of the articles stored since the last move, a few hundred
// pages that every batch dirties again; Store::commit() moves them into article_bands, sorted by band, once they are
// many (Impl::settle), which writes each page of article_bands once for thousands of articles. A lookup reads
// both tables. The rows of a version 8 store stay where they are.
constexpr const char* kSchemaV9RecentBands = R"sql(
CREATE TABLE article_bands_recent (
  band INTEGER NOT NULL,
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  PRIMARY KEY (band, article)
) WITHOUT ROWID;
)sql";

// Version 10: the event id and the article hash are looked up in key tables with a recent and a settled part, as the
// bands of version 9 (docs/store.md). Both were UNIQUE constraints of their tables, B-trees ordered by a hash: each new
// event and article took a random page of them, and the two were the largest share of a batch's page writes left
// (docs/performance.md, thirteenth pass). SQLite cannot drop a table constraint, so `events` and `articles` are rebuilt
// without it (rowids kept: every child row still points at the same row); the rebuild runs with foreign keys off and
// is checked by PRAGMA foreign_key_check before the migration commits (Impl::migrate). The stored keys go to the
// settled tables, sorted; the recent tables start empty and Store::commit() moves their rows (Impl::settle).
constexpr const char* kSchemaV10RecentKeys = R"sql(
CREATE TABLE articles_v10 (
  seq INTEGER PRIMARY KEY,
  hash TEXT NOT NULL,
  id TEXT NOT NULL,
  url TEXT NOT NULL,
  source TEXT NOT NULL,
  published TEXT,
  date_precision TEXT,
  published_origin TEXT NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  metadata TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  fingerprint BLOB,
  duplicate_of TEXT
);
INSERT INTO articles_v10 (seq, hash, id, url, source, published, date_precision, published_origin, title, text,
  metadata, ingested_at, fingerprint, duplicate_of)
SELECT seq, hash, id, url, source, published, date_precision, published_origin, title, text,
  metadata, ingested_at, fingerprint, duplicate_of FROM articles ORDER BY seq;
DROP TABLE articles;
ALTER TABLE articles_v10 RENAME TO articles;
CREATE INDEX articles_id ON articles(id);

CREATE TABLE events_v10 (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  cameo TEXT NOT NULL,
  plover TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  mode TEXT NOT NULL,
  date TEXT,
  date_precision TEXT,
  date_basis TEXT NOT NULL,
  source_text TEXT NOT NULL,
  source_canonical TEXT NOT NULL,
  source_code TEXT NOT NULL,
  source_country TEXT NOT NULL,
  source_sector TEXT NOT NULL,
  target_text TEXT,
  target_canonical TEXT,
  target_code TEXT,
  target_country TEXT,
  target_sector TEXT,
  location_name TEXT,
  location_country TEXT,
  location_lat REAL,
  location_lon REAL,
  location_geonameid INTEGER,
  attributed_to TEXT NOT NULL,
  rule TEXT NOT NULL,
  num_mentions INTEGER NOT NULL DEFAULT 1,
  num_articles INTEGER NOT NULL DEFAULT 1,
  num_sources INTEGER NOT NULL DEFAULT 1,
  first_seen TEXT,
  last_seen TEXT,
  match_key TEXT NOT NULL DEFAULT ''
);
INSERT INTO events_v10 (seq, id, cameo, plover, quad_class, goldstein, mode, date, date_precision, date_basis,
  source_text, source_canonical, source_code, source_country, source_sector,
  target_text, target_canonical, target_code, target_country, target_sector,
  location_name, location_country, location_lat, location_lon, location_geonameid,
  attributed_to, rule, num_mentions, num_articles, num_sources, first_seen, last_seen, match_key)
SELECT seq, id, cameo, plover, quad_class, goldstein, mode, date, date_precision, date_basis,
  source_text, source_canonical, source_code, source_country, source_sector,
  target_text, target_canonical, target_code, target_country, target_sector,
  location_name, location_country, location_lat, location_lon, location_geonameid,
  attributed_to, rule, num_mentions, num_articles, num_sources, first_seen, last_seen, match_key
FROM events ORDER BY seq;
DROP TABLE events;
ALTER TABLE events_v10 RENAME TO events;
CREATE INDEX events_date ON events(date);

CREATE TABLE article_hashes (
  hash TEXT PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE article_hashes_recent (
  hash TEXT PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT INTO article_hashes (hash, article) SELECT hash, seq FROM articles ORDER BY hash;
CREATE TABLE event_ids (
  id TEXT PRIMARY KEY,
  event INTEGER NOT NULL REFERENCES events(seq)
) WITHOUT ROWID;
CREATE TABLE event_ids_recent (
  id TEXT PRIMARY KEY,
  event INTEGER NOT NULL REFERENCES events(seq)
) WITHOUT ROWID;
INSERT INTO event_ids (id, event) SELECT id, seq FROM events ORDER BY id;
)sql";

// Version 11: a middle part between each recent and settled key table (docs/store.md). A move of version 9/10 rewrote
// every page of the settled table (its keys are hashes, so the sorted rows land on all of them), and the recent table
// had to grow with the square root of the settled one to keep the moves rare: both costs per row grew as sqrt(stored
// rows), the whole growth of the writer's page writes from 5,000 to 50,000 articles (docs/performance.md, fifteenth
// pass). With a middle table the recent one moves into the middle (a table of a few hundred pages) and the middle into
// the settled one rarely; each cost grows as the cube root (Impl::settle). Lookups read the three parts. No row moves.
constexpr const char* kSchemaV11MiddleKeys = R"sql(
CREATE TABLE article_bands_middle (
  band INTEGER NOT NULL,
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
  PRIMARY KEY (band, article)
) WITHOUT ROWID;
CREATE TABLE article_hashes_middle (
  hash TEXT PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE event_ids_middle (
  id TEXT PRIMARY KEY,
  event INTEGER NOT NULL REFERENCES events(seq)
) WITHOUT ROWID;
)sql";

// The integer key of an article by its hash (?1) and of an event by its id (?1), from both parts of the key tables
// (schema v10; v11 adds the middle part). A key is in one of the three; the recent part is read first.
#define DYAD_ARTICLE_BY_HASH(P)                                          \
  "SELECT article FROM article_hashes_recent WHERE hash = " P            \
  " UNION ALL SELECT article FROM article_hashes_middle WHERE hash = " P \
  " UNION ALL SELECT article FROM article_hashes WHERE "                 \
  "hash = " P " LIMIT 1"
#define DYAD_EVENTS_BY_ID(P)                         \
  "SELECT event FROM event_ids_recent WHERE id = " P \
  " UNION ALL SELECT event FROM event_ids_middle "   \
  "WHERE id = " P " UNION ALL SELECT event FROM event_ids WHERE id = " P

// kMigrations[i] takes the schema from version i to version i + 1.
constexpr std::array<const char*, 11> kMigrations = {
    kSchemaV1,           kSchemaV2Tone,       kSchemaV3Story,       kSchemaV4References,  kSchemaV5WriterIndexes,
    kSchemaV6EventSeq,   kSchemaV7NoKeyIndex, kSchemaV8StoryEvents, kSchemaV9RecentBands, kSchemaV10RecentKeys,
    kSchemaV11MiddleKeys};
static_assert(kMigrations.size() == static_cast<size_t>(kSchemaVersion),
              "every schema version needs exactly one migration step");

// ---- small helpers ----------------------------------------------------------

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string_view origin_name(DateOrigin o) {
  switch (o) {
    case DateOrigin::input:
      return "input";
    case DateOrigin::text:
      return "text";
    case DateOrigin::unknown:
      break;
  }
  return "unknown";
}

DateOrigin origin_from(std::string_view s) {
  if (s == "input") return DateOrigin::input;
  if (s == "text") return DateOrigin::text;
  return DateOrigin::unknown;
}

EventMode mode_from(std::string_view s) {
  if (s == "expected") return EventMode::expected;
  if (s == "negated") return EventMode::negated;
  if (s == "possible") return EventMode::possible;
  return EventMode::happened;
}

Date date_from(std::string_view iso) {
  if (iso.empty()) return {};
  return parse_date(iso).value_or(Date{});
}

// The first and last day a stored ISO date covers, as ISO day strings, in SQL.
// "2024-05" -> "2024-05-01" .. "2024-05-31"; the upper bound may name a day the
// month lacks ("2024-02-31"), which still orders correctly against real days.
constexpr const char* kDateLo =
    "(CASE length(e.date) WHEN 4 THEN e.date || '-01-01' WHEN 7 THEN e.date || '-01' ELSE e.date END)";
constexpr const char* kDateHi =
    "(CASE length(e.date) WHEN 4 THEN e.date || '-12-31' WHEN 7 THEN e.date || '-31' ELSE e.date END)";

// dyad_fold(text): full Unicode case folding, for case-insensitive actor search.
void sql_fold(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const int n = sqlite3_value_bytes(argv[0]);
  std::string out;
  fold_case_append(std::string_view(p == nullptr ? "" : p, static_cast<size_t>(n)), out);
  sqlite3_result_text(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

std::string encode_fingerprint(const std::vector<uint32_t>& f) {
  std::string out;
  out.reserve(f.size() * 4);
  for (uint32_t v : f)
    for (int byte = 0; byte < 4; ++byte) out.push_back(static_cast<char>((v >> (8 * byte)) & 0xFFU));
  return out;
}

std::vector<uint32_t> decode_fingerprint(std::string_view b) {
  std::vector<uint32_t> out(b.size() / 4);
  for (size_t i = 0; i < out.size(); ++i)
    for (size_t byte = 0; byte < 4; ++byte)
      out[i] |= static_cast<uint32_t>(static_cast<unsigned char>(b[i * 4 + byte])) << (8 * byte);
  return out;
}

// SQL's `basis LIKE 'expression%'` (LIKE folds ASCII case).
bool like_expression(std::string_view basis) {
  constexpr std::string_view kPrefix = "expression";
  if (basis.size() < kPrefix.size()) return false;
  for (size_t i = 0; i < kPrefix.size(); ++i) {
    char c = basis[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kPrefix[i]) return false;
  }
  return true;
}

// A cached prepared statement borrowed for one use; reset when the guard dies.
class Stmt {
 public:
  Stmt(sqlite3* db, sqlite3_stmt* s) : db_(db), s_(s) {}
  ~Stmt() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  Stmt& text(int i, std::string_view v) {
    check(sqlite3_bind_text(s_, i, v.data() == nullptr ? "" : v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    return *this;
  }
  // Binds without copying, for strings that live in the caller's objects: they outlive
  // this guard, which resets the statement and clears its bindings when it dies. A
  // temporary does not compile.
  Stmt& text_ref(int i, const std::string& v) {
    check(sqlite3_bind_text(s_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_STATIC));
    return *this;
  }
  Stmt& text_ref(int i, std::string&& v) = delete;
  // Binds NULL for an empty string.
  Stmt& text_or_null(int i, std::string_view v) { return v.empty() ? null(i) : text(i, v); }
  Stmt& integer(int i, int64_t v) {
    check(sqlite3_bind_int64(s_, i, v));
    return *this;
  }
  Stmt& real(int i, double v) {
    check(sqlite3_bind_double(s_, i, v));
    return *this;
  }
  Stmt& blob(int i, std::string_view v) {
    check(sqlite3_bind_blob(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    return *this;
  }
  Stmt& null(int i) {
    check(sqlite3_bind_null(s_, i));
    return *this;
  }

  // True when a row is ready; false when done. Throws on error.
  bool step() {
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw DbError(sqlite3_errmsg(db_));
  }
  void run() {
    while (step()) {
    }
  }

  [[nodiscard]] bool is_null(int c) const { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
  [[nodiscard]] int64_t col_int(int c) const { return sqlite3_column_int64(s_, c); }
  [[nodiscard]] uint32_t col_u32(int c) const { return static_cast<uint32_t>(sqlite3_column_int64(s_, c)); }
  [[nodiscard]] double col_real(int c) const { return sqlite3_column_double(s_, c); }
  [[nodiscard]] std::string col_text(int c) const {
    const auto* p = sqlite3_column_blob(s_, c);
    const int n = sqlite3_column_bytes(s_, c);
    return p == nullptr ? std::string() : std::string(static_cast<const char*>(p), static_cast<size_t>(n));
  }
  // The column's bytes without a copy, valid until the next step() or the guard's end.
  [[nodiscard]] std::string_view col_view(int c) const {
    const auto* p = sqlite3_column_blob(s_, c);
    const int n = sqlite3_column_bytes(s_, c);
    return p == nullptr ? std::string_view() : std::string_view(static_cast<const char*>(p), static_cast<size_t>(n));
  }

 private:
  void check(int rc) const {
    if (rc != SQLITE_OK) throw DbError(sqlite3_errmsg(db_));
  }
  sqlite3* db_;
  sqlite3_stmt* s_;
};

}  // namespace

struct Store::Impl {
  sqlite3* db = nullptr;
  std::string path;
  bool in_txn = false;
  std::unordered_map<std::string, sqlite3_stmt*> cache;          // owns the statements
  std::unordered_map<const char*, sqlite3_stmt*> literal_cache;  // borrows from `cache`

  // The story stage's index of the stored events by match key (schema v7 has no SQL index for it): per month, per
  // key and mode, each event's integer key (events.seq) and the days its date covers, so events_by_key reads only
  // the rows of the key, the modes and the window, by rowid. A month is loaded when a window first asks for it, by
  // one range of the events_date index (the rows dated in the month or in its year), then kept up to date by
  // put_event: every event put adds an entry to each loaded month its date touches (a merged report that refines
  // the stored date adds one with the new date), so a loaded month holds at least an entry of every stored event
  // dated in it, with its current date, never fewer. Entries of rolled-back rows or of dates since refined stay:
  // events_by_key checks each row it reads (key, mode, date), so they only cost a read. Another connection's commit
  // (PRAGMA data_version, at begin() or, outside a transaction, at each use) drops every month.
  //
  // Bounded (docs/performance.md, twelfth pass): loaded whole, the index grew by a few hundred bytes per stored
  // article for the whole run. At a commit, while the loaded months hold more than key_index_limit entries, the
  // month used least recently is dropped; a window that needs it again loads it again. Entries are filed by a
  // 64-bit hash of (match key, mode): a collision only adds rows that events_by_key's own test drops.
  struct KeyEvent {
    int64_t seq;
    int32_t first, last;  // day numbers; a date this index cannot read covers every day
    bool operator==(const KeyEvent&) const = default;
  };
  struct KeyMonth {
    std::unordered_map<uint64_t, std::vector<KeyEvent>> by_key;  // hash of (match key, mode) -> events
    size_t entries = 0;
    uint64_t used = 0;  // key_tick at the last window that read it
  };
  size_t key_index_limit = Store::kKeyIndexEntries;
  std::unordered_map<int32_t, KeyMonth> key_months;  // month number -> the month's events, loaded months only
  size_t key_entries = 0;                            // over all loaded months
  uint64_t key_tick = 0;
  int64_t data_version = -1;

  // The integer keys (events.seq) of the events of the document being filed, by id: those the story stage read
  // (events_by_key, inside a transaction) and those put_event wrote or found. A merged report's event is nearly
  // always one of them, so put_event knows its row without an INSERT that does nothing and a SELECT by id (about
  // half of the events of a generated corpus are merged reports). Only rows this transaction has seen are entered,
  // and the map is emptied at the end of every put() (also one that throws), at commit and whenever rows may have
  // gone (rollback, another connection's commit), so it never names a row that is not there.
  std::unordered_map<std::string, int64_t> seen_events;
  // seen_events of the document the last put() stored, kept until the next put() (emptied like seen_events): the
  // story stage files that document next, and its "e:" story keys name these events (event_story_seq).
  std::unordered_map<std::string, int64_t> put_events;

  // The rows of an LSH band, counted up to band_row_limit (story/dedup.h, kMaxBandArticles), of the bands this
  // transaction has read (fingerprint_matches) or written (put_doc): put_doc adds an article to a band only while it
  // holds fewer, and the story stage looks the document's bands up just before storing it, so put_doc reads none of
  // them again. Emptied with seen_events (commit, rollback, a failed put, another connection's commit).
  std::unordered_map<int64_t, size_t> band_rows;
  size_t band_row_limit = kMaxBandArticles;

  void forget_events() {
    seen_events.clear();
    put_events.clear();
    band_rows.clear();
  }

  // The rows of `band` in its three parts, counted up to band_row_limit.
  size_t count_band_rows(int64_t band) {
    auto it = band_rows.find(band);
    if (it != band_rows.end()) return it->second;
    Stmt s = stmt(
        "SELECT count(*) FROM (SELECT 1 FROM article_bands WHERE band = ?1 UNION ALL "
        "SELECT 1 FROM article_bands_middle WHERE band = ?1 UNION ALL "
        "SELECT 1 FROM article_bands_recent WHERE band = ?1 LIMIT ?2)");
    s.integer(1, band).integer(2, static_cast<int64_t>(band_row_limit));
    const size_t n = s.step() ? static_cast<size_t>(s.col_int(0)) : 0;
    band_rows[band] = n;
    return n;
  }

  // The writer's copy of the story rows file_story reads (stories_with_keys): per story key the stories holding it,
  // per story its first and last dates, each read on first use inside a transaction and then kept equal to the
  // rows by file_in_story. Unlike key_months it must never hold more than the rows (a story that does not hold a key
  // would score), so it is dropped with every transaction that does not commit, on any error, and like key_months
  // when another connection committed.
  struct StoryDates {
    std::optional<std::string> first, last;  // ISO days, nullopt for NULL
  };
  //
  // Both are bounded: an article asks for about twenty keys, most of them new ("e:" keys of its new events), so a
  // copy kept for the run grew by about 1 KB per stored article (docs/performance.md, twelfth pass). Each map has
  // an older generation: at a commit, a map holding story_cache_limit entries becomes the older one (the older one
  // is dropped), and an entry found in the older generation moves back to the current one. Dropping entries is
  // always safe (they are read again on first use); file_in_story keeps both generations equal to the rows.
  size_t story_cache_limit = Store::kStoryCacheEntries;
  std::unordered_map<std::string, std::vector<int64_t>> story_keys_held, story_keys_older;  // ascending story ids
  std::unordered_map<int64_t, StoryDates> story_dates, story_dates_older;
  // Whether story_keys holds any "e:" row (schema v8 keeps there only those of events not stored): unknown until
  // first asked in a transaction. While it holds none, an event's stories are read from story_events alone.
  std::optional<bool> event_keys_in_text;
  // Per key prefix asked of holds_story_key_prefix inside a transaction: whether story_keys holds a key with it.
  std::map<std::string, bool, std::less<>> key_prefix_held;

  void forget_stories() {
    key_prefix_held.clear();
    story_keys_held.clear();
    story_keys_older.clear();
    story_dates.clear();
    story_dates_older.clear();
    event_keys_in_text.reset();
  }

  // At a commit: a full generation of the story copies becomes the older one (see story_cache_limit).
  void age_stories() {
    if (story_keys_held.size() >= story_cache_limit) {
      story_keys_older = std::move(story_keys_held);
      story_keys_held = {};
    }
    if (story_dates.size() >= story_cache_limit) {
      story_dates_older = std::move(story_dates);
      story_dates = {};
    }
  }

  // The copy of a story key's rows, moved back from the older generation if it is there; nullptr when not read.
  std::vector<int64_t>* held_copy(const std::string& key) {
    if (auto it = story_keys_held.find(key); it != story_keys_held.end()) return &it->second;
    auto old = story_keys_older.find(key);
    if (old == story_keys_older.end()) return nullptr;
    std::vector<int64_t>& held = story_keys_held.emplace(key, std::move(old->second)).first->second;
    story_keys_older.erase(old);
    return &held;
  }

  // The copy of a story's dates, moved back from the older generation if it is there; nullptr when not read.
  StoryDates* dates_copy(int64_t story) {
    if (auto it = story_dates.find(story); it != story_dates.end()) return &it->second;
    auto old = story_dates_older.find(story);
    if (old == story_dates_older.end()) return nullptr;
    StoryDates& d = story_dates.emplace(story, std::move(old->second)).first->second;
    story_dates_older.erase(old);
    return &d;
  }

  // The integer key of the stored event an "e:<id>" story key names (schema v8: its stories are story_events rows),
  // or nullopt for any other key or an event not stored.
  std::optional<int64_t> event_story_seq(std::string_view key) {
    if (key.size() <= 2 || key[0] != 'e' || key[1] != ':') return std::nullopt;
    const std::string id(key.substr(2));
    if (auto it = put_events.find(id); it != put_events.end()) return it->second;
    return event_seq(id);
  }

  bool text_event_keys() {
    if (!event_keys_in_text) {
      Stmt s = stmt("SELECT 1 FROM story_keys WHERE key >= 'e:' AND key < 'e;' LIMIT 1");
      event_keys_in_text = s.step();
    }
    return *event_keys_in_text;
  }

  std::vector<int64_t>& stories_holding(const std::string& key) {
    if (std::vector<int64_t>* copy = held_copy(key)) return *copy;
    std::vector<int64_t> held;
    const std::optional<int64_t> event = event_story_seq(key);
    if (event) {
      Stmt s = stmt("SELECT story FROM story_events WHERE event = ?1 ORDER BY story");
      s.integer(1, *event);
      while (s.step()) held.push_back(s.col_int(0));
    }
    if (!event || text_event_keys()) {
      const size_t from_events = held.size();
      Stmt s = stmt("SELECT story FROM story_keys WHERE key = ?1 ORDER BY story");
      s.text(1, key);
      while (s.step()) held.push_back(s.col_int(0));
      if (from_events != 0 && held.size() != from_events) {
        std::inplace_merge(held.begin(), held.begin() + static_cast<std::ptrdiff_t>(from_events), held.end());
        held.erase(std::unique(held.begin(), held.end()), held.end());
      }
    }
    return story_keys_held.emplace(key, std::move(held)).first->second;
  }

  const StoryDates& dates_of_story(int64_t story) {
    if (const StoryDates* copy = dates_copy(story)) return *copy;
    StoryDates d;
    Stmt s = stmt("SELECT first_date, last_date FROM stories WHERE id = ?1");
    s.integer(1, story);
    if (s.step()) {
      if (!s.is_null(0)) d.first = s.col_text(0);
      if (!s.is_null(1)) d.last = s.col_text(1);
    }
    return story_dates.emplace(story, std::move(d)).first->second;
  }

  ~Impl() {
    for (auto& [sql, s] : cache) sqlite3_finalize(s);
    if (db != nullptr) {
      if (sqlite3_get_autocommit(db) == 0) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      sqlite3_close_v2(db);
    }
  }

  Error error(std::string message) const { return Error{path, 0, std::move(message), false}; }

  void exec(const char* sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
      std::string m = msg != nullptr ? msg : sqlite3_errmsg(db);
      sqlite3_free(msg);
      throw DbError(m);
    }
  }

  // SQL given as a string literal: cached by its address, so a lookup neither
  // copies nor hashes the text (the literal lives as long as the program).
  Stmt stmt(const char* sql) {
    auto it = literal_cache.find(sql);
    if (it == literal_cache.end()) it = literal_cache.emplace(sql, prepare(sql)).first;
    return Stmt(db, it->second);
  }
  Stmt stmt(const std::string& sql) { return Stmt(db, prepare(sql)); }

  // A document's child rows of one table (sentences, references, ...) go in as one
  // multi-row INSERT of up to kRowsPerInsert rows instead of one statement per row: each
  // statement costs a VDBE start and halt and journals every page it first writes (its
  // statement journal), so one statement per chunk writes the same rows for much less.
  // Rows go in in the order given, as the single-row statements did.
  static constexpr size_t kRowsPerInsert = 32;
  struct RowInsert {
    const char* head;                                         // "INSERT INTO t (a, b)"
    const char* tail;                                         // after the VALUES, e.g. " ON CONFLICT DO NOTHING"
    int width;                                                // columns per row
    std::array<sqlite3_stmt*, kRowsPerInsert + 1> by_rows{};  // borrowed from `cache`
  };
  // Inserts `n` rows; fill(stmt, row, base) binds row `row`'s columns as base + 1 .. base + width.
  template <class Fill>
  void insert_rows(RowInsert& ri, size_t n, Fill&& fill) {
    for (size_t done = 0; done < n;) {
      const size_t k = std::min(n - done, kRowsPerInsert);
      sqlite3_stmt*& prepared = ri.by_rows[k];
      if (prepared == nullptr) {
        std::string sql = std::string(ri.head) + " VALUES ";
        for (size_t r = 0; r < k; ++r) {
          sql += r == 0 ? "(" : ", (";
          for (int c = 0; c < ri.width; ++c) {
            if (c > 0) sql += ", ";
            sql += "?" + std::to_string(static_cast<int>(r) * ri.width + c + 1);
          }
          sql += ")";
        }
        sql += ri.tail;
        prepared = prepare(sql);
      }
      Stmt s(db, prepared);
      for (size_t r = 0; r < k; ++r) fill(s, done + r, static_cast<int>(r) * ri.width);
      s.run();
      done += k;
    }
  }
  RowInsert bands_insert{"INSERT INTO article_bands_recent (band, article)", " ON CONFLICT DO NOTHING", 2};
  RowInsert sentences_insert{"INSERT INTO sentences (article, idx, offset, length, paragraph, flags, post)", "", 7};
  RowInsert references_insert{
      "INSERT INTO entity_mentions (article, idx, entity, kind, sentence, offset, length, text, token_first, "
      "token_end, mention, rule)",
      "", 12};
  RowInsert amounts_insert{"INSERT INTO amounts (article, value, unit, object, offset, length)", "", 6};
  RowInsert sentence_tone_insert{
      "INSERT INTO sentence_tone (article, idx, words, positive_words, negative_words, polar_words, "
      "activity_words, self_group_words, valence)",
      "", 9};

  sqlite3_stmt* prepare(const std::string& sql) {
    auto it = cache.find(sql);
    if (it == cache.end()) {
      sqlite3_stmt* s = nullptr;
      if (sqlite3_prepare_v3(db, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &s, nullptr) !=
          SQLITE_OK)
        throw DbError(sqlite3_errmsg(db));
      it = cache.emplace(sql, s).first;
    }
    return it->second;
  }

  static int32_t day_number(std::chrono::sys_days d) { return static_cast<int32_t>(d.time_since_epoch().count()); }

  static int32_t month_number(std::chrono::sys_days d) {
    const std::chrono::year_month_day ymd{d};
    return static_cast<int32_t>(ymd.year()) * 12 + static_cast<int32_t>(static_cast<unsigned>(ymd.month())) - 1;
  }

  static uint64_t key_mode_hash(std::string_view key, EventMode mode) {
    return hash64(key) ^ ((static_cast<uint64_t>(mode) + 1) * 0x9E3779B97F4A7C15ULL);
  }

  // Adds an entry to a loaded month; an entry already there (the same event reported again) is not added twice.
  void add_key_event(KeyMonth& month, uint64_t key_mode, const KeyEvent& e) {
    std::vector<KeyEvent>& events = month.by_key[key_mode];
    if (std::find(events.begin(), events.end(), e) != events.end()) return;
    events.push_back(e);
    ++month.entries;
    ++key_entries;
  }

  static KeyEvent key_event(int64_t seq, const Date& date) {
    if (!date.known())  // a stored date this index cannot read: a candidate for every window of its month
      return KeyEvent{seq, std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max()};
    return KeyEvent{seq, day_number(date.first_day()), day_number(date.last_day())};
  }

  static std::string month_iso(int32_t month) {
    char buf[32];
    const int32_t year = month >= 0 ? month / 12 : (month - 11) / 12;
    std::snprintf(buf, sizeof buf, "%04d-%02d", static_cast<int>(year), static_cast<int>(month - year * 12 + 1));
    return buf;
  }

  // The month, loaded first if it is not: the rows whose date sorts in ["YYYY-MM", the next month) and those dated
  // by its year alone. Every stored date string events_by_key can accept for a window is in the months of the
  // window: a string between the window's first and last days sorts within its months, and the window's first
  // month and year strings are asked for by name.
  KeyMonth& key_month(int32_t month) {
    auto it = key_months.find(month);
    if (it != key_months.end()) return it->second;
    KeyMonth& m = key_months[month];
    const std::string from = month_iso(month);
    const std::string to = month_iso(month + 1);
    Stmt s = stmt("SELECT seq, match_key, mode, date FROM events WHERE (date >= ?1 AND date < ?2) OR date = ?3");
    s.text(1, from).text(2, to).text(3, from.substr(0, 4));
    while (s.step())
      add_key_event(m, key_mode_hash(s.col_view(1), mode_from(s.col_view(2))),
                    key_event(s.col_int(0), date_from(s.col_view(3))));
    return m;
  }

  void forget_key_months() {
    key_months.clear();
    key_entries = 0;
  }

  // At a commit: drops the months used least recently while the index holds more than key_index_limit entries.
  void bound_key_months() {
    while (key_entries > key_index_limit && key_months.size() > 1) {
      auto oldest = key_months.begin();
      for (auto it = key_months.begin(); it != key_months.end(); ++it)
        if (it->second.used < oldest->second.used) oldest = it;
      key_entries -= oldest->second.entries;
      key_months.erase(oldest);
    }
  }

  // Schema v9 to v11: at a commit, moves the rows of a recent table (article_bands_recent, article_hashes_recent,
  // event_ids_recent) into its middle table, and the middle table's into the settled one, each sorted by the key, so
  // each page of the larger table is written once per move. A table keyed by a hash takes a move's rows on all its
  // pages, so a move costs the pages of the table moved into; a batch of b rows dirties every page of the recent
  // table. With x rows a recent move, y a middle move and S settled rows (r rows a page), the pages per row are about
  // x / (2 r b) (the recent table, half full on average, dirtied by each batch) + y / (2 r x) (the middle table, half
  // full, rewritten by each recent move) + 2 S / (r y) (the settled table, rewritten by each middle move, and written
  // again at the checkpoint: the recent pages are dirtied many times between two checkpoints, so the checkpoint
  // writes them about once). The sum is least at x = cbrt(4 S b^2) and y = 2 sqrt(S x) = x^2 / b, where it is
  // 3x / (2 r b): it grows as the cube root of S. Left out: the checkpoint also writes the middle table, once for the
  // recent moves since the last checkpoint; from about 400,000 articles a recent move is rarer than a checkpoint, so
  // the middle term is paid twice (docs/performance.md, nineteenth pass: 0.4, 0.9 and 1.5 KB an article measured at
  // 9,500, 77,000 and 156,000 articles; limits that count it would write about 5% less, still a cube root). Version 10
  // had no middle table (the same reasoning gives sqrt(S / b) growth: about 14 KB an article at 100,000 articles, the
  // whole growth of the writes, docs/performance.md, fifteenth pass). b: 8 band rows an article and about 7 event ids,
  // 2,048 a batch of 256 articles; one article hash, 256. At 100,000 articles the event ids move into the middle every
  // ~3,700 articles and into the settled table every ~38,000. The least recent limit keeps a small store from moving at
  // all (1,000 articles: none), and while the settled table is no larger than a recent move the middle one is left out.
  // `limit` (tests) sets both limits, `middle_limit` the second apart.
  struct RecentTable {
    const char* count_recent;
    const char* count_middle;
    const char* count_settled;
    const char* to_middle;
    const char* to_settled_direct;  // the recent rows straight into the settled table (a small one)
    const char* empty_recent;
    const char* to_settled;
    const char* empty_middle;
    int64_t min_rows;                // the least default limit of the recent table
    double batch_rows;               // b above
    size_t* limit;                   // rows; 0: the default (tests set a small one)
    size_t* middle_limit;            // the middle table's, when `limit` is set; 0: `limit`
    std::optional<int64_t> middle;   // rows of the middle table, counted once per connection, then kept
    std::optional<int64_t> settled;  // rows of the settled table, likewise
  };
  size_t recent_band_limit = 0, middle_band_limit = 0;
  size_t recent_key_limit = 0, middle_key_limit = 0;
  std::array<RecentTable, 3> recent_tables{{
      {"SELECT count(*) FROM article_bands_recent", "SELECT count(*) FROM article_bands_middle",
       "SELECT count(*) FROM article_bands",
       "INSERT OR IGNORE INTO article_bands_middle (band, article) SELECT band, article FROM article_bands_recent "
       "ORDER BY band, article",
       "INSERT OR IGNORE INTO article_bands (band, article) SELECT band, article FROM article_bands_recent "
       "ORDER BY band, article",
       "DELETE FROM article_bands_recent",
       "INSERT OR IGNORE INTO article_bands (band, article) SELECT band, article FROM article_bands_middle "
       "ORDER BY band, article",
       "DELETE FROM article_bands_middle", 16384, 2048.0, &recent_band_limit, &middle_band_limit, std::nullopt,
       std::nullopt},
      {"SELECT count(*) FROM event_ids_recent", "SELECT count(*) FROM event_ids_middle",
       "SELECT count(*) FROM event_ids",
       "INSERT INTO event_ids_middle (id, event) SELECT id, event FROM event_ids_recent ORDER BY id",
       "INSERT INTO event_ids (id, event) SELECT id, event FROM event_ids_recent ORDER BY id",
       "DELETE FROM event_ids_recent",
       "INSERT INTO event_ids (id, event) SELECT id, event FROM event_ids_middle ORDER BY id",
       "DELETE FROM event_ids_middle", 16384, 2048.0, &recent_key_limit, &middle_key_limit, std::nullopt, std::nullopt},
      {"SELECT count(*) FROM article_hashes_recent", "SELECT count(*) FROM article_hashes_middle",
       "SELECT count(*) FROM article_hashes",
       "INSERT INTO article_hashes_middle (hash, article) SELECT hash, article FROM article_hashes_recent ORDER BY "
       "hash",
       "INSERT INTO article_hashes (hash, article) SELECT hash, article FROM article_hashes_recent ORDER BY hash",
       "DELETE FROM article_hashes_recent",
       "INSERT INTO article_hashes (hash, article) SELECT hash, article FROM article_hashes_middle ORDER BY hash",
       "DELETE FROM article_hashes_middle", 4096, 256.0, &recent_key_limit, &middle_key_limit, std::nullopt,
       std::nullopt},
  }};
  int64_t count(const char* sql) {
    Stmt s = stmt(sql);
    return s.step() ? s.col_int(0) : 0;
  }
  // The kept row counts are recounted after a transaction that did not commit (its moves were rolled back) and
  // after another connection's commit (it may have moved rows).
  void forget_part_counts() {
    for (RecentTable& t : recent_tables) {
      t.middle.reset();
      t.settled.reset();
    }
  }
  // With `move` false, only tells whether a move is due (the commit then runs settle(true) in a transaction of its
  // own, with the foreign keys off: Store::commit()).
  bool settle(bool move) {
    bool due = false;
    for (RecentTable& t : recent_tables) {
      const int64_t recent = count(t.count_recent);
      if (recent == 0) continue;
      if (!t.settled) t.settled = count(t.count_settled);
      if (!t.middle) t.middle = count(t.count_middle);
      const double settled = static_cast<double>(*t.settled);
      const int64_t to_middle =
          *t.limit != 0
              ? static_cast<int64_t>(*t.limit)
              : std::max(t.min_rows, static_cast<int64_t>(std::cbrt(4.0 * settled * t.batch_rows * t.batch_rows)));
      if (recent < to_middle) continue;
      due = true;
      if (!move) continue;
      if (*t.limit == 0 && *t.middle == 0 && *t.settled <= to_middle) {
        // A settled table no larger than the move: a middle table would only write the rows twice (the sum above
        // is less with it only when S > x), so the rows go to the settled table, as in version 10.
        exec(t.to_settled_direct);
        exec(t.empty_recent);
        *t.settled += recent;
        continue;
      }
      exec(t.to_middle);
      exec(t.empty_recent);
      *t.middle += recent;
      const int64_t to_settled =
          *t.limit != 0
              ? static_cast<int64_t>(*t.middle_limit != 0 ? *t.middle_limit : *t.limit)
              : std::max(to_middle, static_cast<int64_t>(2.0 * std::sqrt(settled * static_cast<double>(to_middle))));
      if (*t.middle < to_settled) continue;
      exec(t.to_settled);
      exec(t.empty_middle);
      *t.settled += *t.middle;
      *t.middle = 0;
    }
    return due;
  }

  // Another connection committed since this one last looked (PRAGMA data_version): the key index and
  // the story caches may miss its rows, so both are dropped. Every check goes through here, so
  // none can take in a new version while leaving one of the caches stale.
  void sync_data_version() {
    Stmt s = stmt("PRAGMA data_version");
    const int64_t version = s.step() ? s.col_int(0) : -1;
    if (version != data_version || version < 0) {
      forget_key_months();
      forget_stories();
      forget_events();
      forget_part_counts();
    }
    data_version = version;
  }

  // Records that an event of `key` with this mode and date is stored as row `seq` (put_event), in each loaded month
  // its date touches (a month not loaded reads it when it is).
  void note_event(const std::string& key, EventMode mode, int64_t seq, const Date& date) {
    if (!date.known() || key_months.empty()) return;
    const KeyEvent e = key_event(seq, date);
    const uint64_t key_mode = key_mode_hash(key, mode);
    const int32_t last = month_number(date.last_day());
    for (int32_t month = month_number(date.first_day()); month <= last; ++month)
      if (auto it = key_months.find(month); it != key_months.end()) add_key_event(it->second, key_mode, e);
  }

  // The rows (seq, ascending, each once) of `key` with one of `modes` (empty: any) that may overlap the days
  // [lo, hi] (either order): every row that does (the index holds an entry with each stored event's current date),
  // and perhaps a few that no longer do (an entry of a date since refined), which events_by_key's own test drops.
  // Without a day of slack: events_by_key's test is exactly the overlap of the two day intervals (a month or year
  // covers its days), so a row one day outside was read only to be dropped (docs/performance.md, ninth pass).
  std::vector<int64_t> key_candidates(std::string_view key, const std::vector<EventMode>& modes,
                                      std::chrono::sys_days lo, std::chrono::sys_days hi) {
    if (!in_txn) sync_data_version();  // another connection may have written since the last use
    std::vector<int64_t> seqs;
    const int32_t from = day_number(std::min(lo, hi));
    const int32_t to = day_number(std::max(lo, hi));
    const int32_t first_month = month_number(std::chrono::sys_days{std::chrono::days{from}});
    const int32_t last_month = month_number(std::chrono::sys_days{std::chrono::days{to}});
    std::array<uint64_t, 4> key_modes{};
    size_t n = 0;
    for (size_t m = 0; m < key_modes.size(); ++m)
      if (modes.empty() || std::find(modes.begin(), modes.end(), static_cast<EventMode>(m)) != modes.end())
        key_modes[n++] = key_mode_hash(key, static_cast<EventMode>(m));
    ++key_tick;
    for (int32_t month = first_month; month <= last_month; ++month) {
      KeyMonth& km = key_month(month);
      km.used = key_tick;
      for (size_t i = 0; i < n; ++i) {
        auto it = km.by_key.find(key_modes[i]);
        if (it == km.by_key.end()) continue;
        for (const KeyEvent& e : it->second)
          if (e.first <= to && from <= e.last) seqs.push_back(e.seq);
      }
    }
    std::sort(seqs.begin(), seqs.end());
    seqs.erase(std::unique(seqs.begin(), seqs.end()), seqs.end());
    return seqs;
  }

  int user_version() {
    Stmt s = stmt("PRAGMA user_version");
    return s.step() ? static_cast<int>(s.col_int(0)) : 0;
  }

  void configure(bool read_only = false) {
    sqlite3_extended_result_codes(db, 1);
    if (sqlite3_busy_timeout(db, 10000) != SQLITE_OK) throw DbError(sqlite3_errmsg(db));
    // The first statement reads the header: a non-database file fails here.
    if (read_only) {
      user_version();
    } else {
      exec("PRAGMA journal_mode=WAL");
      exec("PRAGMA synchronous=NORMAL");
    }
    exec("PRAGMA foreign_keys=ON");
    // A write transaction of a batch of articles dirties thousands of pages (the
    // events table and its three indexes alone); with SQLite's default 2 MB cache they spill to
    // the WAL mid-transaction and are written again and again. 64 MB holds a
    // batch of 256 generated articles and is enough for a reader.
    //
    // The writer needs more on long runs: the indexes keyed by hashes (event ids, match keys, story
    // keys, LSH bands) take each new row on a random page, and past about 10,000 articles they no
    // longer fit 64 MB, so every batch read its pages back from the file (docs/performance.md, sixth
    // pass). SQLite allocates cache pages as it uses them: a small store costs no more.
    exec(read_only ? "PRAGMA cache_size=-65536" : "PRAGMA cache_size=-262144");
    // Those random pages are dirtied again by nearly every batch; checkpointing after every commit (the
    // default 1,000 pages is less than one batch) wrote each of them into the file once per batch.
    // Every 32,768 pages (128 MB of WAL) a checkpoint writes each page once for many batches.
    if (!read_only) exec("PRAGMA wal_autocheckpoint=32768");
    // Statement journals (the undo of one statement inside the transaction)
    // stay in memory: on disk they were most of the run's write calls.
    exec("PRAGMA temp_store=MEMORY");
    if (sqlite3_create_function_v2(db, "dyad_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                   &sql_fold, nullptr, nullptr, nullptr) != SQLITE_OK)
      throw DbError(sqlite3_errmsg(db));
  }

  // Brings the schema to kSchemaVersion; throws for a newer schema.
  void migrate() {
    int v = user_version();
    if (v > kSchemaVersion)
      throw DbError("schema version " + std::to_string(v) + " is newer than this build supports (" +
                    std::to_string(kSchemaVersion) + "); upgrade dyad");
    if (v == kSchemaVersion) return;
    // Steps that rebuild a table (v6, v10) drop a parent of other tables' rows and rename its copy to its name, which
    // foreign keys would refuse (SQLite's documented procedure for a table change: keys off, then checked before the
    // commit). PRAGMA foreign_keys cannot change inside a transaction, so it is set around it.
    exec("PRAGMA foreign_keys=OFF");
    exec("BEGIN IMMEDIATE");
    try {
      v = user_version();  // another process may have migrated meanwhile
      if (v > kSchemaVersion) throw DbError("schema version " + std::to_string(v) + " is newer than this build");
      for (int step = v; step < kSchemaVersion; ++step) exec(kMigrations[static_cast<size_t>(step)]);
      if (v < kSchemaVersion) {
        Stmt s = stmt(std::string("PRAGMA foreign_key_check"));
        if (s.step())
          throw DbError("the migration broke a foreign key (table " + std::string(s.col_view(0)) +
                        "); nothing changed");
      }
      exec(("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str());
      exec("COMMIT");
    } catch (...) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      sqlite3_exec(db, "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr);
      throw;
    }
    exec("PRAGMA foreign_keys=ON");
  }

  // The integer key (events.seq) of the stored event with this text id, or nullopt.
  std::optional<int64_t> event_seq(std::string_view id) {
    Stmt s = stmt(DYAD_EVENTS_BY_ID("?1") " LIMIT 1");
    s.text(1, id);
    if (!s.step()) return std::nullopt;
    return s.col_int(0);
  }

  // The integer key (articles.seq) of the stored article with this content hash, or nullopt.
  std::optional<int64_t> article_seq(std::string_view hash) {
    Stmt s = stmt(DYAD_ARTICLE_BY_HASH("?1"));
    s.text(1, hash);
    if (!s.step()) return std::nullopt;
    return s.col_int(0);
  }

  // Writes one document; false when its hash was already stored.
  bool put_doc(const Document& doc);
  // `mentioned`: the events this put has written a mention of (of this article), in and out.
  void put_event(const Document& doc, int64_t seq, const std::string& published, const Event& ev,
                 std::vector<int64_t>& mentioned);
  int64_t insert_event(const Event& ev, const std::string& published, const std::string& key);
  void put_tone(const Document& doc, int64_t seq);
  StoredArticle read_article(Stmt& s, bool with_text) const;
  // The first article (with its text) that `where` (one parameter, ?1 = value) selects.
  Result<std::optional<StoredArticle>> first_article(const char* where, std::string_view value);
};

bool Store::Impl::put_doc(const Document& doc) {
  const Article& a = doc.article;
  const std::string published = a.published.iso();
  if (article_seq(doc.hash)) return false;
  {
    Stmt s = stmt(
        "INSERT INTO articles (hash, id, url, source, published, date_precision, published_origin, title, text, "
        "metadata, ingested_at, fingerprint, duplicate_of) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    s.text(1, doc.hash).text(2, a.id).text(3, a.url).text(4, a.source).text_or_null(5, published);
    if (a.published.known())
      s.text(6, to_string(a.published.precision));
    else
      s.null(6);
    s.text(7, origin_name(a.published_origin)).text(8, a.title).text(9, a.text);
    s.text(10, a.metadata.empty() ? std::string_view("{}") : std::string_view(a.metadata)).text(11, utc_now());
    if (!doc.fingerprint.empty()) s.blob(12, encode_fingerprint(doc.fingerprint));
    s.text_or_null(13, doc.duplicate_of);
    s.run();
  }
  const int64_t seq = sqlite3_last_insert_rowid(db);
  {
    Stmt s = stmt("INSERT INTO article_hashes_recent (hash, article) VALUES (?1, ?2)");
    s.text(1, doc.hash).integer(2, seq);
    s.run();
  }
  // A band that holds band_row_limit articles takes no more (story/dedup.h, kMaxBandArticles): boilerplate.
  std::vector<int64_t> bands = lsh_bands(doc.fingerprint);
  std::erase_if(bands, [&](int64_t band) {
    const size_t n = count_band_rows(band);
    if (n >= band_row_limit) return true;
    band_rows[band] = n + 1;
    return false;
  });
  insert_rows(bands_insert, bands.size(),
              [&](Stmt& s, size_t i, int b) { s.integer(b + 1, bands[i]).integer(b + 2, seq); });

  const auto& sentences = doc.text.sentences;
  insert_rows(sentences_insert, sentences.size(), [&](Stmt& s, size_t i, int b) {
    const Sentence& x = sentences[i];
    s.integer(b + 1, seq).integer(b + 2, static_cast<int64_t>(i)).integer(b + 3, x.span.offset);
    s.integer(b + 4, x.span.length).integer(b + 5, x.paragraph).integer(b + 6, x.flags);
    if (x.post >= 0)
      s.integer(b + 7, x.post);
    else
      s.null(b + 7);
  });
  const auto& posts = doc.text.posts;
  for (size_t i = 0; i < posts.size(); ++i) {
    const Post& p = posts[i];
    Stmt s = stmt(
        "INSERT INTO posts (article, idx, handle, name, date, date_precision, offset, length, body_offset, "
        "body_length, url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    s.integer(1, seq).integer(2, static_cast<int64_t>(i)).text(3, p.handle).text(4, p.name);
    s.text_or_null(5, p.date.iso());
    if (p.date.known())
      s.text(6, to_string(p.date.precision));
    else
      s.null(6);
    s.integer(7, p.span.offset).integer(8, p.span.length).integer(9, p.body.offset).integer(10, p.body.length);
    s.text(11, p.url).run();
  }
  std::vector<int64_t> entity_ids;
  entity_ids.reserve(doc.entities.size());
  for (const Entity& e : doc.entities) {
    Stmt s = stmt(
        "INSERT INTO entities (article, type, offset, length, text, canonical, code, place_name, country, lat, lon, "
        "geonameid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    s.integer(1, seq).text(2, to_string(e.type)).integer(3, e.span.offset).integer(4, e.span.length);
    s.text(5, e.span.of(a.text)).text(6, e.canonical).text(7, e.code);
    if (e.place) {
      s.text(8, e.place->name).text(9, e.place->country).real(10, e.place->lat).real(11, e.place->lon);
      s.integer(12, e.place->geonameid);
    }
    s.run();
    entity_ids.push_back(sqlite3_last_insert_rowid(db));
  }
  std::vector<size_t> refs;  // the references with a stored entity
  refs.reserve(doc.references.size());
  for (size_t i = 0; i < doc.references.size(); ++i) {
    const int32_t e = doc.references[i].entity;
    if (e >= 0 && static_cast<size_t>(e) < entity_ids.size()) refs.push_back(i);
  }
  insert_rows(references_insert, refs.size(), [&](Stmt& s, size_t j, int b) {
    const size_t i = refs[j];
    const EntityReference& r = doc.references[i];
    s.integer(b + 1, seq).integer(b + 2, static_cast<int64_t>(i));
    s.integer(b + 3, entity_ids[static_cast<size_t>(r.entity)]).text(b + 4, to_string(r.kind));
    s.integer(b + 5, r.sentence).integer(b + 6, r.span.offset).integer(b + 7, r.span.length);
    s.text(b + 8, r.span.of(a.text)).integer(b + 9, r.first_token).integer(b + 10, r.token_end);
    s.integer(b + 11, r.mention).text(b + 12, r.rule);
  });
  for (const Quote& q : doc.quotes) {
    Stmt s = stmt(
        "INSERT INTO quotes (article, offset, length, speaker_text, speaker_canonical, speaker_code, verb, scare) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    s.integer(1, seq).integer(2, q.span.offset).integer(3, q.span.length).text(4, q.speaker.text);
    s.text(5, q.speaker.canonical).text(6, q.speaker.code).text(7, q.verb).integer(8, q.scare ? 1 : 0).run();
  }
  insert_rows(amounts_insert, doc.amounts.size(), [&](Stmt& s, size_t i, int b) {
    const Amount& m = doc.amounts[i];
    s.integer(b + 1, seq).real(b + 2, m.value).text(b + 3, m.unit).text(b + 4, m.object);
    s.integer(b + 5, m.span.offset).integer(b + 6, m.span.length);
  });
  std::vector<int64_t> mentioned;  // events with a mention of this article (put_event)
  mentioned.reserve(doc.events.size());
  for (const Event& ev : doc.events) put_event(doc, seq, published, ev, mentioned);
  put_tone(doc, seq);
  return true;
}

void Store::Impl::put_tone(const Document& doc, int64_t seq) {
  if (doc.tone) {
    const Tone& t = *doc.tone;
    Stmt s = stmt(
        "INSERT INTO article_tone (article, tone, positive, negative, polarity, activity, self_group, words, "
        "positive_words, negative_words, polar_words, activity_words, self_group_words, valence) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    s.integer(1, seq).real(2, t.tone()).real(3, t.positive()).real(4, t.negative()).real(5, t.polarity());
    s.real(6, t.activity()).real(7, t.self_group()).integer(8, t.words).integer(9, t.positive_words);
    s.integer(10, t.negative_words).integer(11, t.polar_words).integer(12, t.activity_words);
    s.integer(13, t.self_group_words).integer(14, t.valence).run();
  }
  std::vector<size_t> hits;  // only sentences with a lexicon hit, as in the JSONL tone record
  for (size_t i = 0; i < doc.sentence_tone.size(); ++i)
    if (doc.sentence_tone[i].polar_words != 0) hits.push_back(i);
  insert_rows(sentence_tone_insert, hits.size(), [&](Stmt& s, size_t j, int b) {
    const Tone& t = doc.sentence_tone[hits[j]];
    s.integer(b + 1, seq).integer(b + 2, static_cast<int64_t>(hits[j])).integer(b + 3, t.words);
    s.integer(b + 4, t.positive_words).integer(b + 5, t.negative_words).integer(b + 6, t.polar_words);
    s.integer(b + 7, t.activity_words).integer(b + 8, t.self_group_words).integer(b + 9, t.valence);
  });
  for (const StanceMarker& m : doc.stance) {
    Stmt s = stmt(
        "INSERT INTO stance (article, sentence, kind, word, offset, length, actor_text, actor_canonical, actor_code) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    s.integer(1, seq).integer(2, m.sentence).text(3, to_string(m.kind)).text(4, m.word).integer(5, m.span.offset);
    s.integer(6, m.span.length);
    if (m.mention >= 0) s.text(7, m.actor.text).text(8, m.actor.canonical).text(9, m.actor.code);
    s.run();
  }
}

// Inserts the row of an event whose id is not stored, and its id into event_ids_recent; returns its seq.
int64_t Store::Impl::insert_event(const Event& ev, const std::string& published, const std::string& key) {
  Stmt s = stmt(
      "INSERT INTO events (id, cameo, plover, quad_class, goldstein, mode, date, date_precision, date_basis, "
      "source_text, source_canonical, source_code, source_country, source_sector, "
      "target_text, target_canonical, target_code, target_country, target_sector, "
      "location_name, location_country, location_lat, location_lon, location_geonameid, "
      "attributed_to, rule, first_seen, last_seen, match_key) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, "
      "?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?27, ?28)");
  s.text_ref(1, ev.id).text_ref(2, ev.cameo).text_ref(3, ev.plover).integer(4, ev.quad_class).real(5, ev.goldstein);
  s.text(6, to_string(ev.mode)).text_or_null(7, ev.date.iso());
  if (ev.date.known())
    s.text(8, to_string(ev.date.precision));
  else
    s.null(8);
  s.text_ref(9, ev.date_basis);
  s.text_ref(10, ev.source.text).text_ref(11, ev.source.canonical).text_ref(12, ev.source.code);
  s.text_ref(13, ev.source.country).text_ref(14, ev.source.sector);
  if (ev.target) {
    s.text_ref(15, ev.target->text).text_ref(16, ev.target->canonical).text_ref(17, ev.target->code);
    s.text_ref(18, ev.target->country).text_ref(19, ev.target->sector);
  }
  if (ev.location) {
    s.text_ref(20, ev.location->name).text_ref(21, ev.location->country).real(22, ev.location->lat);
    s.real(23, ev.location->lon).integer(24, ev.location->geonameid);
  }
  s.text_ref(25, ev.attributed_to).text_ref(26, ev.rule).text_or_null(27, published).text_ref(28, key);
  s.run();
  const int64_t seq = sqlite3_last_insert_rowid(db);
  Stmt k = stmt("INSERT INTO event_ids_recent (id, event) VALUES (?1, ?2)");
  k.text_ref(1, ev.id).integer(2, seq);
  k.run();
  return seq;
}

void Store::Impl::put_event(const Document& doc, int64_t seq, const std::string& published, const Event& ev,
                            std::vector<int64_t>& mentioned) {
  if (ev.id.empty()) throw DbError("event without an id");
  const std::string& outlet = doc.article.source;
  const std::string key = match_key(ev);
  // A stored event this transaction has seen needs no INSERT (nothing keeps a second row out but this lookup and
  // the one in event_seq below: events.id has no UNIQUE index since schema v10) nor a SELECT of its key.
  const auto seen = seen_events.find(ev.id);
  // The event's integer key (schema v6): the stored row's, or the new row's.
  bool new_event = false;
  int64_t event_seq = 0;
  if (seen != seen_events.end()) {
    event_seq = seen->second;
  } else {
    if (auto stored = this->event_seq(ev.id)) {
      event_seq = *stored;
    } else {
      event_seq = insert_event(ev, published, key);
      new_event = true;
    }
    seen_events.emplace(ev.id, event_seq);
  }
  // New, merged (its date may refine the stored one) or the same mention twice: the index may only grow.
  note_event(key, ev.mode, event_seq, ev.date);
  bool article_new = true;
  bool outlet_new = true;
  if (!new_event) {
    // The article's row is this put's own (put_doc stops at a stored hash), so its mentions are those this put
    // wrote: `mentioned` answers "does the event have a mention in this article" without a SELECT, and an article
    // that has one also gave the outlet.
    article_new = std::find(mentioned.begin(), mentioned.end(), event_seq) == mentioned.end();
    if (article_new) {
      Stmt s = stmt("SELECT 1 FROM mentions WHERE event = ?1 AND outlet = ?2 LIMIT 1");
      s.integer(1, event_seq).text_ref(2, outlet);
      outlet_new = !s.step();
    } else {
      outlet_new = false;
    }
  }
  {
    Stmt s = stmt(
        "INSERT INTO mentions (event, article, sentence, offset, length, mode, outlet, rule, source_offset, "
        "source_length, target_offset, target_length, location_offset, location_length) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
        "ON CONFLICT(event, article, offset) DO NOTHING");
    s.integer(1, event_seq)
        .integer(2, seq)
        .integer(3, ev.sentence)
        .integer(4, ev.span.offset)
        .integer(5, ev.span.length);
    s.text(6, to_string(ev.mode)).text_ref(7, outlet).text_ref(8, ev.rule);
    s.integer(9, ev.source.span.offset).integer(10, ev.source.span.length);
    if (ev.target) s.integer(11, ev.target->span.offset).integer(12, ev.target->span.length);
    if (ev.location) s.integer(13, ev.location->span.offset).integer(14, ev.location->span.length);
    s.run();
    if (sqlite3_changes(db) == 0) return;  // the same mention twice in one document
    mentioned.push_back(event_seq);
  }
  if (new_event) return;
  // A report can refine the stored date only when it names a date of its own (its basis is an expression). Any
  // other report updates the counters alone: an UPDATE that assigns `date` rewrites the entries of both date
  // indexes even when the value stays, which was most of the cost of a merged report.
  if (!ev.date.known() || !like_expression(ev.date_basis)) {
    Stmt s = stmt(
        "UPDATE events SET num_mentions = num_mentions + 1, num_articles = num_articles + ?2, "
        "num_sources = num_sources + ?3, "
        "first_seen = CASE WHEN ?4 IS NULL THEN first_seen WHEN first_seen IS NULL OR ?4 < first_seen THEN ?4 "
        "ELSE first_seen END, "
        "last_seen = CASE WHEN ?4 IS NULL THEN last_seen WHEN last_seen IS NULL OR ?4 > last_seen THEN ?4 "
        "ELSE last_seen END "
        "WHERE seq = ?1");
    s.integer(1, event_seq).integer(2, article_new ? 1 : 0).integer(3, outlet_new ? 1 : 0).text_or_null(4, published);
    s.run();
    return;
  }
  Stmt s = stmt(
      "UPDATE events SET num_mentions = num_mentions + 1, num_articles = num_articles + ?2, "
      "num_sources = num_sources + ?3, "
      "first_seen = CASE WHEN ?4 IS NULL THEN first_seen WHEN first_seen IS NULL OR ?4 < first_seen THEN ?4 "
      "ELSE first_seen END, "
      "last_seen = CASE WHEN ?4 IS NULL THEN last_seen WHEN last_seen IS NULL OR ?4 > last_seen THEN ?4 "
      "ELSE last_seen END, "
      // A later report that names the date refines an event dated only by its first article.
      "date = CASE WHEN ?5 IS NOT NULL AND date_basis NOT LIKE 'expression%' AND ?6 LIKE 'expression%' "
      "THEN ?5 ELSE date END, "
      "date_precision = CASE WHEN ?5 IS NOT NULL AND date_basis NOT LIKE 'expression%' AND ?6 LIKE 'expression%' "
      "THEN ?7 ELSE date_precision END, "
      "date_basis = CASE WHEN ?5 IS NOT NULL AND date_basis NOT LIKE 'expression%' AND ?6 LIKE 'expression%' "
      "THEN ?6 ELSE date_basis END "
      "WHERE seq = ?1");
  s.integer(1, event_seq).integer(2, article_new ? 1 : 0).integer(3, outlet_new ? 1 : 0).text_or_null(4, published);
  s.text_or_null(5, ev.date.iso()).text(6, ev.date_basis).text(7, to_string(ev.date.precision));
  s.run();
}

constexpr const char* kArticleColumns =
    "hash, id, url, source, published, published_origin, title, metadata, ingested_at";

StoredArticle Store::Impl::read_article(Stmt& s, bool with_text) const {
  StoredArticle r;
  r.hash = s.col_text(0);
  r.article.id = s.col_text(1);
  r.article.url = s.col_text(2);
  r.article.source = s.col_text(3);
  r.article.published = date_from(s.col_text(4));
  r.article.published_origin = origin_from(s.col_text(5));
  r.article.title = s.col_text(6);
  r.article.metadata = s.col_text(7);
  r.ingested_at = s.col_text(8);
  if (with_text) r.article.text = s.col_text(9);
  return r;
}

// ---- public API ---------------------------------------------------------------

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::open(const std::string& path) {
  // SQLite's memory statistics take a global mutex on every allocation and free (about
  // 3% of a coding run); dyad never reads them. Only possible before SQLite's first use
  // in the process: later it is a no-op returning SQLITE_MISUSE, which is fine.
  static const int memstatus_off = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)memstatus_off;
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &impl->db, flags, nullptr) != SQLITE_OK) {
    std::string msg = impl->db != nullptr ? sqlite3_errmsg(impl->db) : "out of memory";
    return impl->error("cannot open store: " + msg);
  }
  try {
    impl->configure();
    impl->migrate();
  } catch (const DbError& e) {
    return impl->error(std::string("cannot open store: ") + e.what());
  }
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Result<std::unique_ptr<Store>> Store::open_read_only(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Error{path, 0, "cannot open store: no such file", false};
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  const int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &impl->db, flags, nullptr) != SQLITE_OK) {
    std::string msg = impl->db != nullptr ? sqlite3_errmsg(impl->db) : "out of memory";
    return impl->error("cannot open store: " + msg);
  }
  try {
    impl->configure(true);
    const int v = impl->user_version();
    if (v == 0) return impl->error("not a dyad store (no dyad schema in this SQLite file)");
    if (v > kSchemaVersion)
      return impl->error("schema version " + std::to_string(v) + " is newer than this build supports (" +
                         std::to_string(kSchemaVersion) + "); upgrade dyad");
    if (v < kSchemaVersion)
      return impl->error("schema version " + std::to_string(v) + " is older than this build's (" +
                         std::to_string(kSchemaVersion) + "); open it once with a writing command (dyad code) to " +
                         "migrate it");
  } catch (const DbError& e) {
    return impl->error(std::string("cannot open store: ") + e.what());
  }
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

bool Store::contains(std::string_view hash) {
  try {
    return impl_->article_seq(hash).has_value();
  } catch (const DbError&) {
    return false;
  }
}

Status Store::begin() {
  if (impl_->in_txn) return impl_->error("begin(): a transaction is already open");
  try {
    impl_->exec("BEGIN IMMEDIATE");
    impl_->sync_data_version();
  } catch (const DbError& e) {
    return impl_->error(std::string("cannot begin a transaction: ") + e.what());
  }
  impl_->in_txn = true;
  return {};
}

Status Store::commit() {
  if (!impl_->in_txn) return impl_->error("commit(): no transaction is open");
  bool move = false;
  try {
    move = impl_->settle(false);
    impl_->exec("COMMIT");
  } catch (const DbError& e) {
    // A failed COMMIT (e.g. disk full) may leave the transaction open; drop it.
    if (sqlite3_get_autocommit(impl_->db) == 0) sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
    impl_->in_txn = false;
    impl_->forget_stories();
    impl_->forget_events();
    impl_->forget_part_counts();
    return impl_->error(std::string("cannot commit: ") + e.what());
  }
  impl_->in_txn = false;
  impl_->forget_events();  // rows seen in this transaction: nothing carries over to the next
  impl_->age_stories();
  impl_->bound_key_months();
  if (!move) return {};
  // The key and band rows move in a transaction of their own, with the foreign keys off (docs/store.md): every row
  // moved was checked when put() wrote it into a recent table, and with the keys on SQLite checked each row again
  // (a seek in articles or events per row inserted) and emptied a recent or middle table row by row instead of at
  // once (docs/performance.md, sixteenth pass). PRAGMA foreign_keys cannot change inside a transaction. A process
  // stopped between the two commits leaves the rows in the recent table, which a later commit moves.
  try {
    impl_->exec("PRAGMA foreign_keys=OFF");
    impl_->exec("BEGIN IMMEDIATE");
    impl_->settle(true);
    impl_->exec("COMMIT");
    impl_->exec("PRAGMA foreign_keys=ON");
  } catch (const DbError& e) {
    if (sqlite3_get_autocommit(impl_->db) == 0) sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_exec(impl_->db, "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr);
    impl_->forget_part_counts();
    return impl_->error(std::string("the batch is stored, but its key rows could not be moved: ") + e.what());
  }
  return {};
}

void Store::rollback() {
  if (!impl_->in_txn) return;
  if (sqlite3_get_autocommit(impl_->db) == 0) sqlite3_exec(impl_->db, "ROLLBACK", nullptr, nullptr, nullptr);
  impl_->in_txn = false;
  impl_->forget_stories();
  impl_->forget_events();
  impl_->forget_part_counts();
}

Status Store::put(const Document& doc) {
  const auto fail = [&](const std::string& why) {
    return Error{doc.article.origin, 0,
                 "store " + impl_->path + ": cannot store article '" + doc.article.id + "': " + why, false};
  };
  if (!impl_->in_txn) return fail("put() outside a transaction; call begin() first");
  if (doc.hash.empty()) return fail("the document has no content hash");
  try {
    impl_->stmt("SAVEPOINT dyad_put").run();
  } catch (const DbError& e) {
    return fail(e.what());
  }
  try {
    impl_->put_doc(doc);
    impl_->stmt("RELEASE dyad_put").run();
    impl_->put_events.swap(impl_->seen_events);  // the story stage files this document next
    impl_->seen_events.clear();
  } catch (const DbError& e) {
    impl_->forget_events();
    if (sqlite3_get_autocommit(impl_->db) != 0) {
      impl_->in_txn = false;  // SQLite rolled the whole transaction back (I/O error, disk full)
      impl_->forget_stories();
      return fail(std::string(e.what()) + " (the batch was rolled back)");
    }
    sqlite3_exec(impl_->db, "ROLLBACK TO dyad_put; RELEASE dyad_put", nullptr, nullptr, nullptr);
    return fail(e.what());
  } catch (...) {
    // Anything else (std::bad_alloc, ...) is not ours to report: leave the store as a DbError would
    // (the savepoint undone, the rows the put saw forgotten), then let it go on up.
    impl_->forget_events();
    if (sqlite3_get_autocommit(impl_->db) != 0) {
      impl_->in_txn = false;
      impl_->forget_stories();
    } else {
      sqlite3_exec(impl_->db, "ROLLBACK TO dyad_put; RELEASE dyad_put", nullptr, nullptr, nullptr);
    }
    throw;
  }
  return {};
}

StoreCounts Store::counts() {
  StoreCounts c;
  const std::pair<const char*, uint64_t*> tables[] = {
      {"SELECT count(*) FROM articles", &c.articles},
      {"SELECT count(*) FROM events", &c.events},
      {"SELECT count(*) FROM mentions", &c.mentions},
      {"SELECT count(*) FROM entities", &c.entities},
      {"SELECT count(*) FROM quotes", &c.quotes},
      {"SELECT count(*) FROM posts", &c.posts},
      {"SELECT count(*) FROM amounts", &c.amounts},
      {"SELECT count(*) FROM links", &c.links},
      {"SELECT count(*) FROM entity_mentions", &c.references},
  };
  try {
    for (const auto& [sql, out] : tables) {
      Stmt s = impl_->stmt(sql);
      if (s.step()) *out = static_cast<uint64_t>(s.col_int(0));
    }
  } catch (const DbError&) {
    // counts() is informational; what could be read is returned.
  }
  return c;
}

Store::WriterCaches Store::writer_caches() const {
  WriterCaches c;
  c.key_index_entries = impl_->key_entries;
  c.key_index_months = impl_->key_months.size();
  c.story_keys = impl_->story_keys_held.size() + impl_->story_keys_older.size();
  c.story_dates = impl_->story_dates.size() + impl_->story_dates_older.size();
  return c;
}

void Store::set_recent_band_limit(size_t rows, size_t middle_rows) {
  impl_->recent_band_limit = rows;
  impl_->middle_band_limit = middle_rows;
}
void Store::set_recent_key_limit(size_t rows, size_t middle_rows) {
  impl_->recent_key_limit = rows;
  impl_->middle_key_limit = middle_rows;
}

void Store::set_writer_cache_limits(size_t key_index_entries, size_t story_entries) {
  impl_->key_index_limit = key_index_entries;
  impl_->story_cache_limit = std::max<size_t>(story_entries, 1);
}

int Store::schema_version() {
  try {
    return impl_->user_version();
  } catch (const DbError&) {
    return -1;
  }
}

namespace {

// The FROM / WHERE part of Store::events() and count_events(): which filters
// are set decides the text (each combination is prepared once and cached);
// parameters are numbered by filter (?1 article .. ?10 story), bound by bind().
struct EventFilter {
  std::string sql;    // FROM ... WHERE ...: one row per result row of events()
  std::string where;  // the WHERE part alone (filters on `e` only)
  std::string code, folded, from_lo, to_hi, plover;

  explicit EventFilter(const EventQuery& q) {
    sql = "FROM events e JOIN mentions m ON ";
    if (q.each_mention)
      sql += !q.article.empty() ? "m.event = e.seq AND m.article IN (SELECT seq FROM articles WHERE id = ?1) "
                                : "m.event = e.seq ";
    else if (!q.article.empty())
      sql +=
          "m.id = (SELECT min(m2.id) FROM mentions m2 JOIN articles a2 ON a2.seq = m2.article WHERE m2.event = e.seq "
          "AND a2.id = ?1) ";
    else
      sql += "m.id = (SELECT min(m2.id) FROM mentions m2 WHERE m2.event = e.seq) ";
    sql +=
        "JOIN articles a ON a.seq = m.article "
        "LEFT JOIN sentences s ON s.article = m.article AND s.idx = m.sentence ";
    where = "WHERE 1 ";
    if (!q.actor.empty()) {
      for (char ch : q.actor) code += (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
      fold_case_append(q.actor, folded);
      where +=
          "AND (substr(e.source_code, 1, length(?2)) = ?2 OR substr(e.target_code, 1, length(?2)) = ?2 "
          "OR instr(dyad_fold(e.source_text), ?3) > 0 OR instr(dyad_fold(e.source_canonical), ?3) > 0 "
          "OR instr(dyad_fold(e.target_text), ?3) > 0 OR instr(dyad_fold(e.target_canonical), ?3) > 0) ";
    }
    if (!q.cameo.empty()) where += "AND substr(e.cameo, 1, length(?4)) = ?4 ";
    if (!q.plover.empty()) {
      for (char ch : q.plover) plover += (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
      where += "AND e.plover = ?12 ";
    }
    // An event's ISO string sorts at or before its first day, and a range's
    // year prefix sorts before every day in it: the plain comparisons let the
    // date index narrow the scan, the interval test decides.
    if (q.from && q.from->known()) {
      from_lo = Date::from_days(q.from->first_day()).iso();
      where += std::string("AND e.date >= substr(?5, 1, 4) AND ") + kDateHi + " >= ?5 ";
    }
    if (q.to && q.to->known()) {
      to_hi = Date::from_days(q.to->last_day()).iso();
      where += std::string("AND e.date <= ?6 AND ") + kDateLo + " <= ?6 ";
    }
    if (q.mode) where += "AND e.mode = ?7 ";
    if (!q.id.empty()) where += "AND e.seq IN (" DYAD_EVENTS_BY_ID("?9") ") ";
    if (q.story != 0)
      where +=
          "AND e.seq IN (SELECT m3.event FROM mentions m3 JOIN story_articles sa ON sa.article = m3.article "
          "WHERE sa.story = ?10) ";
    sql += where;
  }

  void bind(Stmt& s, const EventQuery& q) const {
    if (!q.article.empty()) s.text(1, q.article);
    if (!q.actor.empty()) s.text(2, code).text(3, folded);
    if (!q.cameo.empty()) s.text(4, q.cameo);
    if (!from_lo.empty()) s.text(5, from_lo);
    if (!to_hi.empty()) s.text(6, to_hi);
    if (q.mode) s.text(7, to_string(*q.mode));
    if (!q.id.empty()) s.text(9, q.id);
    if (q.story != 0) s.integer(10, q.story);
    if (!plover.empty()) s.text(12, plover);
  }
};

}  // namespace

Result<uint64_t> Store::count_events(const EventQuery& q) {
  const EventFilter f(q);
  try {
    // One row per event unless per mention or per article: then the events table alone counts
    // (every stored event has a mention), without the first-mention join.
    const bool per_event = !q.each_mention && q.article.empty();
    Stmt s = impl_->stmt("SELECT count(*) " + (per_event ? "FROM events e " + f.where : f.sql));
    f.bind(s, q);
    return s.step() ? static_cast<uint64_t>(s.col_int(0)) : 0U;
  } catch (const DbError& e) {
    return impl_->error(std::string("event count failed: ") + e.what());
  }
}

Result<std::vector<StoredEvent>> Store::events(const EventQuery& q) {
  const EventFilter f(q);
  std::string sql = std::string(
                        "SELECT e.id, e.cameo, e.plover, e.quad_class, e.goldstein, e.mode, e.date, e.date_basis, "
                        "e.source_text, e.source_canonical, e.source_code, e.source_country, e.source_sector, "
                        "e.target_text, e.target_canonical, e.target_code, e.target_country, e.target_sector, "
                        "e.location_name, e.location_country, e.location_lat, e.location_lon, e.location_geonameid, "
                        "e.attributed_to, ") +
                    (q.each_mention ? "m.rule, " : "e.rule, ") +
                    "m.sentence, m.offset, m.length, m.source_offset, m.source_length, m.target_offset, "
                    "m.target_length, m.location_offset, m.location_length, a.id, a.hash, "
                    "CAST(substr(CAST(a.text AS BLOB), s.offset + 1, s.length) AS BLOB), "
                    "e.num_mentions, e.num_articles, e.num_sources, e.first_seen, e.last_seen, "
                    "(SELECT avg(t.tone) FROM article_tone t WHERE t.article IN "
                    "(SELECT m3.article FROM mentions m3 WHERE m3.event = e.seq)) " +
                    f.sql;
  sql += q.each_mention ? "ORDER BY e.date IS NULL, e.date, e.id, m.id " : "ORDER BY e.date IS NULL, e.date, e.id ";
  if (q.limit > 0 || q.offset > 0) sql += "LIMIT ?8 OFFSET ?11";

  std::vector<StoredEvent> out;
  try {
    Stmt s = impl_->stmt(sql);
    f.bind(s, q);
    if (q.limit > 0 || q.offset > 0) {
      s.integer(8, q.limit > 0 ? static_cast<int64_t>(q.limit) : -1);
      s.integer(11, static_cast<int64_t>(q.offset));
    }
    while (s.step()) {
      StoredEvent r;
      Event& ev = r.event;
      ev.id = s.col_text(0);
      ev.cameo = s.col_text(1);
      ev.plover = s.col_text(2);
      ev.quad_class = static_cast<int>(s.col_int(3));
      ev.goldstein = s.col_real(4);
      ev.mode = mode_from(s.col_text(5));
      ev.date = date_from(s.col_text(6));
      ev.date_basis = s.col_text(7);
      ev.source = Actor{s.col_text(8),  s.col_text(9),  s.col_text(10),
                        s.col_text(11), s.col_text(12), Span{s.col_u32(28), s.col_u32(29)}};
      if (!s.is_null(13))
        ev.target = Actor{s.col_text(13), s.col_text(14), s.col_text(15),
                          s.col_text(16), s.col_text(17), Span{s.col_u32(30), s.col_u32(31)}};
      if (!s.is_null(18))
        ev.location = Place{s.col_text(18), s.col_text(19), s.col_real(20),
                            s.col_real(21), s.col_int(22),  Span{s.col_u32(32), s.col_u32(33)}};
      ev.attributed_to = s.col_text(23);
      ev.rule = s.col_text(24);
      ev.sentence = s.col_u32(25);
      ev.span = Span{s.col_u32(26), s.col_u32(27)};
      r.article_id = s.col_text(34);
      r.article_hash = s.col_text(35);
      r.sentence_text = s.col_text(36);
      r.num_mentions = s.col_u32(37);
      r.num_articles = s.col_u32(38);
      r.num_sources = s.col_u32(39);
      r.first_seen = s.col_text(40);
      r.last_seen = s.col_text(41);
      if (!s.is_null(42)) r.avg_tone = s.col_real(42);
      out.push_back(std::move(r));
    }
  } catch (const DbError& e) {
    return impl_->error(std::string("event query failed: ") + e.what());
  }
  return out;
}

Result<std::optional<StoredArticle>> Store::Impl::first_article(const char* where, std::string_view value) {
  try {
    Stmt s = stmt(std::string("SELECT ") + kArticleColumns + ", text FROM articles " + where);
    s.text(1, value);
    if (!s.step()) return std::optional<StoredArticle>();
    return std::optional<StoredArticle>(read_article(s, true));
  } catch (const DbError& e) {
    return error(std::string("article lookup failed: ") + e.what());
  }
}

Result<std::optional<StoredArticle>> Store::article(std::string_view hash) {
  return impl_->first_article("WHERE seq = (" DYAD_ARTICLE_BY_HASH("?1") ")", hash);
}

Result<std::optional<StoredArticle>> Store::article_by_id(std::string_view id) {
  return impl_->first_article("WHERE id = ?1 ORDER BY seq", id);
}

Result<std::vector<StoredArticle>> Store::articles(size_t limit, bool with_text) {
  std::vector<StoredArticle> out;
  try {
    std::string sql = std::string("SELECT ") + kArticleColumns + (with_text ? ", text" : "") +
                      " FROM articles ORDER BY seq" + (limit > 0 ? " LIMIT ?1" : "");
    Stmt s = impl_->stmt(sql);
    if (limit > 0) s.integer(1, static_cast<int64_t>(limit));
    while (s.step()) out.push_back(impl_->read_article(s, with_text));
  } catch (const DbError& e) {
    return impl_->error(std::string("article listing failed: ") + e.what());
  }
  return out;
}

Result<std::vector<Post>> Store::posts(std::string_view hash) {
  std::vector<Post> out;
  try {
    Stmt s = impl_->stmt(
        "SELECT p.handle, p.name, p.date, p.offset, p.length, p.body_offset, p.body_length, p.url "
        "FROM posts p WHERE p.article = (" DYAD_ARTICLE_BY_HASH("?1") ") ORDER BY p.idx");
    s.text(1, hash);
    while (s.step()) {
      Post p;
      p.handle = s.col_text(0);
      p.name = s.col_text(1);
      p.date = date_from(s.col_text(2));
      p.span = Span{s.col_u32(3), s.col_u32(4)};
      p.body = Span{s.col_u32(5), s.col_u32(6)};
      p.url = s.col_text(7);
      out.push_back(std::move(p));
    }
  } catch (const DbError& e) {
    return impl_->error(std::string("post listing failed: ") + e.what());
  }
  return out;
}

Result<ArticleEntities> Store::entities(std::string_view hash) {
  ArticleEntities out;
  try {
    Stmt s = impl_->stmt(
        "SELECT e.id, e.type, e.offset, e.length, e.canonical, e.code, e.place_name, e.country, e.lat, e.lon, "
        "e.geonameid FROM entities e WHERE e.article = (" DYAD_ARTICLE_BY_HASH("?1") ") ORDER BY e.id");
    s.text(1, hash);
    std::unordered_map<int64_t, int32_t> index;  // entities.id -> index in out.entities
    while (s.step()) {
      Entity e;
      std::string type = s.col_text(1);
      e.type = type == "organization" ? EntityType::organization
               : type == "location"   ? EntityType::location
                                      : EntityType::person;
      e.span = Span{s.col_u32(2), s.col_u32(3)};
      e.canonical = s.col_text(4);
      e.code = s.col_text(5);
      if (!s.is_null(6))
        e.place = Place{s.col_text(6), s.col_text(7), s.col_real(8), s.col_real(9), s.col_int(10), e.span};
      index.emplace(s.col_int(0), static_cast<int32_t>(out.entities.size()));
      out.entities.push_back(std::move(e));
    }
    Stmt r = impl_->stmt(
        "SELECT m.entity, m.kind, m.sentence, m.offset, m.length, m.token_first, m.token_end, m.mention, m.rule "
        "FROM entity_mentions m WHERE m.article = (" DYAD_ARTICLE_BY_HASH("?1") ") ORDER BY m.idx");
    r.text(1, hash);
    while (r.step()) {
      EntityReference ref;
      auto it = index.find(r.col_int(0));
      ref.entity = it == index.end() ? -1 : it->second;
      std::string kind = r.col_text(1);
      ref.kind = kind == "role"        ? ReferenceKind::role
                 : kind == "pronoun"   ? ReferenceKind::pronoun
                 : kind == "adjective" ? ReferenceKind::adjective
                                       : ReferenceKind::name;
      ref.sentence = r.col_u32(2);
      ref.span = Span{r.col_u32(3), r.col_u32(4)};
      ref.first_token = r.col_u32(5);
      ref.token_end = r.col_u32(6);
      ref.mention = static_cast<int32_t>(r.col_int(7));
      ref.rule = r.col_text(8);
      out.references.push_back(std::move(ref));
    }
  } catch (const DbError& e) {
    return impl_->error(std::string("entity listing failed: ") + e.what());
  }
  return out;
}

Result<bool> Store::link(std::string_view relation, std::string_view expected_event, std::string_view outcome_event) {
  try {
    // Links refer to events by their integer keys (schema v6); both must be stored.
    const std::optional<int64_t> expected = impl_->event_seq(expected_event);
    const std::optional<int64_t> outcome = impl_->event_seq(outcome_event);
    if (!expected || !outcome)
      throw DbError("no stored event " + std::string(!expected ? expected_event : outcome_event));
    Stmt s = impl_->stmt(
        "INSERT INTO links (relation, expected, outcome, created) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT(expected, outcome) DO NOTHING");
    s.text(1, relation).integer(2, *expected).integer(3, *outcome).text(4, utc_now()).run();
    return sqlite3_changes(impl_->db) == 1;
  } catch (const DbError& e) {
    return impl_->error("cannot link " + std::string(expected_event) + " -> " + std::string(outcome_event) + ": " +
                        e.what());
  }
}

Result<std::vector<EventCandidate>> Store::events_by_key(std::string_view key, const Date& from, const Date& to,
                                                         const std::vector<EventMode>& modes) {
  std::vector<EventCandidate> out;
  if (!from.known() || !to.known()) return out;
  const std::string lo = Date::from_days(from.first_day()).iso();
  const std::string hi = Date::from_days(to.last_day()).iso();
  const std::string_view lo_month = std::string_view(lo).substr(0, 7);
  const std::string_view lo_year = std::string_view(lo).substr(0, 4);
  try {
    // The writer's index of the key's events (Impl::key_months) names the rows that may overlap the window; each is
    // read by its rowid, in stored order, and tested on what it holds. The tests are those of the SQL this replaced
    // (schema v6 read the (match_key, mode, date) index): an event's date interval reaches `lo` when its ISO string
    // sorts at or after `lo` and at most `hi`, or when it is the year or the month holding `lo` ("2024", "2024-06"
    // sort before "2024-06-15" but last past it); then it must not start after `hi` nor end before `lo`.
    for (int64_t seq : impl_->key_candidates(key, modes, from.first_day(), to.last_day())) {
      Stmt s = impl_->stmt(
          "SELECT match_key, mode, id, date, date_basis, first_seen, location_name, location_country, location_lat, "
          "location_lon, location_geonameid FROM events WHERE seq = ?1");
      s.integer(1, seq);
      if (!s.step() || s.is_null(3) || s.col_view(0) != key) continue;  // rolled back, or the rowid was reused
      const EventMode mode = mode_from(s.col_view(1));
      if (!modes.empty() && std::find(modes.begin(), modes.end(), mode) == modes.end()) continue;
      const std::string_view date = s.col_view(3);
      if (!((date >= lo && date <= hi) || date == lo_month || date == lo_year)) continue;
      if (date > hi) continue;
      const std::string last = date.size() == 4   ? std::string(date) + "-12-31"
                               : date.size() == 7 ? std::string(date) + "-31"
                                                  : std::string(date);
      if (last < lo) continue;
      EventCandidate c;
      c.mode = mode;
      c.date = date_from(date);
      c.id = s.col_text(2);
      if (impl_->in_txn) impl_->seen_events.emplace(c.id, seq);
      c.date_basis = s.col_text(4);
      c.first_seen = date_from(s.col_view(5));
      if (!s.is_null(6))
        c.location = Place{s.col_text(6), s.col_text(7), s.col_real(8), s.col_real(9), s.col_int(10), {}};
      out.push_back(std::move(c));
    }
  } catch (const DbError& e) {
    return impl_->error(std::string("event lookup failed: ") + e.what());
  }
  return out;
}

Result<std::vector<FingerprintMatch>> Store::fingerprint_matches(const std::vector<uint32_t>& fingerprint,
                                                                 size_t min_bands) {
  std::vector<FingerprintMatch> out;
  const std::vector<int64_t> bands = lsh_bands(fingerprint);
  if (bands.empty()) return out;
  try {
    // One seek per band and part (usually finding nothing), then the articles by seq, oldest first: one statement
    // with the bands as a json_each list cost twice as much (a virtual table and two temporary b-trees per call).
    //
    // A band holds at most band_row_limit articles (story/dedup.h, kMaxBandArticles): put_doc adds no more to a full
    // one, so a band shared by boilerplate or a template is read in a bounded number of rows however large the store
    // (docs/performance.md, seventeenth pass). A store written before the bound may hold more; its first
    // band_row_limit rows by seq are the ones the bound would have kept, and only they are read. A stored article
    // appears once per band it shares (the primary key is (band, article)): keep those that share `need` bands.
    const size_t need = std::max<size_t>(min_bands, 1);
    const size_t limit = impl_->band_row_limit;
    std::vector<int64_t> seqs;
    std::vector<int64_t> rows;
    for (int64_t band : bands) {
      // Schema v9 to v11: the band's rows in article_bands, the middle table and the recent one. Each part's rows
      // are older than the next part's in a store written with the bound; the first `limit` of each are read and
      // the `limit` oldest kept, so that an older store answers as if it had been written with the bound.
      Stmt s = impl_->stmt(
          "SELECT article FROM (SELECT article FROM article_bands WHERE band = ?1 ORDER BY article LIMIT ?2) "
          "UNION ALL SELECT article FROM (SELECT article FROM article_bands_middle WHERE band = ?1 ORDER BY article "
          "LIMIT ?2) UNION ALL SELECT article FROM (SELECT article FROM article_bands_recent WHERE band = ?1 ORDER BY "
          "article LIMIT ?2)");
      s.integer(1, band).integer(2, static_cast<int64_t>(limit));
      rows.clear();
      while (s.step()) rows.push_back(s.col_int(0));
      if (rows.size() > limit) {
        std::sort(rows.begin(), rows.end());
        rows.resize(limit);
      }
      if (impl_->in_txn) impl_->band_rows[band] = rows.size();  // put_doc counts on it (Impl::band_rows)
      seqs.insert(seqs.end(), rows.begin(), rows.end());
    }
    std::sort(seqs.begin(), seqs.end());
    size_t kept = 0;
    for (size_t i = 0; i < seqs.size();) {
      size_t j = i;
      while (j < seqs.size() && seqs[j] == seqs[i]) ++j;
      if (j - i >= need) seqs[kept++] = seqs[i];
      i = j;
    }
    seqs.resize(kept);
    for (int64_t seq : seqs) {
      Stmt s = impl_->stmt("SELECT hash, fingerprint, duplicate_of FROM articles WHERE seq = ?1");
      s.integer(1, seq);
      if (s.step()) out.push_back(FingerprintMatch{s.col_text(0), decode_fingerprint(s.col_text(1)), s.col_text(2)});
    }
  } catch (const DbError& e) {
    return impl_->error(std::string("fingerprint lookup failed: ") + e.what());
  }
  return out;
}

Result<std::vector<std::pair<int64_t, std::string>>> Store::stories_with_keys(const std::vector<std::string>& keys,
                                                                              const Date& from, const Date& to) {
  std::vector<std::pair<int64_t, std::string>> out;
  const bool dated = from.known() && to.known();
  const std::string from_iso = dated ? from.iso() : std::string();
  const std::string to_iso = dated ? to.iso() : std::string();
  try {
    if (impl_->in_txn && sqlite3_get_autocommit(impl_->db) == 0) {
      // From the writer's copy of the rows (Impl::story_keys_held), the same rows in the same order as the SQL below.
      for (const std::string& key : keys) {
        const std::vector<int64_t>& held = impl_->stories_holding(key);
        size_t taken = 0;
        for (auto it = held.rbegin(); it != held.rend() && taken < 32; ++it) {
          if (dated) {
            const Impl::StoryDates& d = impl_->dates_of_story(*it);
            if (d.last && !(*d.last >= from_iso && d.first && *d.first <= to_iso)) continue;
          }
          out.emplace_back(*it, key);
          ++taken;
        }
      }
      return out;
    }
    impl_->forget_stories();
    for (const std::string& key : keys) {
      // The kStoriesPerKey most recent stories holding the key: a common key (a
      // country, a leader) is shared by many stories and only recent ones matter.
      // A stored event's key (schema v8) is held by story_events rows, and by story_keys rows of older stores.
      if (const std::optional<int64_t> event = impl_->event_story_seq(key)) {
        Stmt s =
            impl_->stmt(dated ? "SELECT k.story FROM (SELECT story FROM story_events WHERE event = ?4 UNION "
                                "SELECT story FROM story_keys WHERE key = ?1) k JOIN stories st ON st.id = k.story "
                                "WHERE st.last_date IS NULL OR (st.last_date >= ?2 AND st.first_date <= ?3) "
                                "ORDER BY k.story DESC LIMIT 32"
                              : "SELECT story FROM story_events WHERE event = ?4 UNION "
                                "SELECT story FROM story_keys WHERE key = ?1 ORDER BY story DESC LIMIT 32");
        s.text(1, key).integer(4, *event);
        if (dated) s.text(2, from_iso).text(3, to_iso);
        while (s.step()) out.emplace_back(s.col_int(0), key);
        continue;
      }
      Stmt s = impl_->stmt(dated ? "SELECT k.story FROM story_keys k JOIN stories st ON st.id = k.story "
                                   "WHERE k.key = ?1 AND (st.last_date IS NULL OR (st.last_date >= ?2 AND "
                                   "st.first_date <= ?3)) ORDER BY k.story DESC LIMIT 32"
                                 : "SELECT story FROM story_keys WHERE key = ?1 ORDER BY story DESC LIMIT 32");
      s.text(1, key);
      if (dated) s.text(2, from_iso).text(3, to_iso);
      while (s.step()) out.emplace_back(s.col_int(0), key);
    }
  } catch (const DbError& e) {
    impl_->forget_stories();
    return impl_->error(std::string("story lookup failed: ") + e.what());
  }
  return out;
}

Result<Date> Store::latest_story_date() {
  try {
    Stmt s = impl_->stmt("SELECT max(last_date) FROM stories");
    if (s.step() && !s.is_null(0)) return date_from(s.col_text(0));
  } catch (const DbError& e) {
    return impl_->error(std::string("story date lookup failed: ") + e.what());
  }
  return Date{};
}

Result<bool> Store::holds_story_key_prefix(std::string_view prefix) {
  const bool cached = impl_->in_txn && sqlite3_get_autocommit(impl_->db) == 0;
  if (cached)
    if (auto it = impl_->key_prefix_held.find(prefix); it != impl_->key_prefix_held.end()) return it->second;
  if (prefix.empty()) return true;
  // The keys from `prefix` up to (not including) the prefix with its last byte raised.
  std::string end(prefix);
  end.back() = static_cast<char>(static_cast<unsigned char>(end.back()) + 1);
  bool held = false;
  try {
    Stmt s = impl_->stmt("SELECT 1 FROM story_keys WHERE key >= ?1 AND key < ?2 LIMIT 1");
    s.text(1, prefix).text(2, end);
    held = s.step();
  } catch (const DbError& e) {
    return impl_->error(std::string("story key lookup failed: ") + e.what());
  }
  if (cached) impl_->key_prefix_held.emplace(std::string(prefix), held);
  return held;
}

Result<Date> Store::story_last_date(std::string_view hash) {
  try {
    Stmt s = impl_->stmt(
        "SELECT st.last_date FROM story_articles sa JOIN stories st ON st.id = sa.story "
        "WHERE sa.article = (" DYAD_ARTICLE_BY_HASH("?1") ")");
    s.text(1, hash);
    if (s.step() && !s.is_null(0)) return date_from(s.col_text(0));
  } catch (const DbError& e) {
    return impl_->error(std::string("story date lookup failed: ") + e.what());
  }
  return Date{};
}

Result<int64_t> Store::file_in_story(int64_t story, std::string_view hash, std::string_view title,
                                     const Date& published, const std::vector<std::string>& keys) {
  const std::string day = published.known() ? Date::from_days(published.first_day()).iso() : std::string();
  try {
    const bool cached = impl_->in_txn && sqlite3_get_autocommit(impl_->db) == 0;
    if (!cached) impl_->forget_stories();
    if (story == 0) {
      Stmt s = impl_->stmt("INSERT INTO stories (title, first_date, last_date) VALUES (?1, ?2, ?2)");
      s.text(1, title).text_or_null(2, day).run();
      story = sqlite3_last_insert_rowid(impl_->db);
      if (cached) {
        Impl::StoryDates d;
        if (!day.empty()) d.first = d.last = day;
        impl_->story_dates[story] = d;
      }
    }
    {
      Stmt s = impl_->stmt("INSERT INTO story_articles (story, article) SELECT ?1, article FROM (" DYAD_ARTICLE_BY_HASH(
          "?2") ") "
                "WHERE true ON CONFLICT DO NOTHING");
      s.integer(1, story).text(2, hash).run();
      if (sqlite3_changes(impl_->db) == 0) return story;  // already filed (or no such article)
    }
    {
      Stmt s = impl_->stmt(
          "UPDATE stories SET articles = articles + 1, "
          "first_date = CASE WHEN ?2 IS NULL THEN first_date WHEN first_date IS NULL OR ?2 < first_date THEN ?2 "
          "ELSE first_date END, "
          "last_date = CASE WHEN ?2 IS NULL THEN last_date WHEN last_date IS NULL OR ?2 > last_date THEN ?2 "
          "ELSE last_date END WHERE id = ?1");
      s.integer(1, story).text_or_null(2, day).run();
      if (cached && !day.empty()) {
        if (Impl::StoryDates* copy = impl_->dates_copy(story)) {
          Impl::StoryDates& d = *copy;
          if (!d.first || day < *d.first) d.first = day;
          if (!d.last || day > *d.last) d.last = day;
        }
      }
    }
    for (const std::string& key : keys) {
      // A stored event's key goes into story_events by the event's integer key (schema v8): a new event's row
      // lands at the end of that index, where its text key took a random page of story_keys.
      if (const std::optional<int64_t> event = impl_->event_story_seq(key)) {
        Stmt s = impl_->stmt("INSERT INTO story_events (event, story) VALUES (?1, ?2) ON CONFLICT DO NOTHING");
        s.integer(1, *event).integer(2, story).run();
      } else {
        Stmt s = impl_->stmt("INSERT INTO story_keys (key, story) VALUES (?1, ?2) ON CONFLICT DO NOTHING");
        s.text(1, key).integer(2, story).run();
        if (cached && key.size() > 2 && key[0] == 'e' && key[1] == ':') impl_->event_keys_in_text = true;
        if (cached)
          for (auto& [prefix, held] : impl_->key_prefix_held)
            if (key.starts_with(prefix)) held = true;
      }
      if (cached) {
        if (std::vector<int64_t>* copy = impl_->held_copy(key)) {
          std::vector<int64_t>& held = *copy;
          auto at = std::lower_bound(held.begin(), held.end(), story);
          if (at == held.end() || *at != story) held.insert(at, story);
        }
      }
    }
  } catch (const DbError& e) {
    impl_->forget_stories();
    return impl_->error(std::string("cannot file the article in a story: ") + e.what());
  }
  return story;
}

Result<std::vector<StoryInfo>> Store::stories(const StoryQuery& q) {
  std::string sql =
      "SELECT st.id, st.title, st.first_date, st.last_date, st.articles, "
      "(SELECT count(DISTINCT m.event) FROM mentions m JOIN story_articles sa ON sa.article = m.article "
      "WHERE sa.story = st.id) FROM stories st WHERE 1 ";
  if (q.id != 0) sql += "AND st.id = ?1 ";
  if (q.from && q.from->known()) sql += "AND st.last_date >= ?2 ";
  if (q.to && q.to->known()) sql += "AND st.first_date <= ?3 ";
  if (!q.actor.empty()) {
    sql +=
        "AND st.id IN (SELECT sa.story FROM story_articles sa JOIN mentions m ON m.article = sa.article "
        "WHERE m.event IN (SELECT k.event FROM json_each(?4) j JOIN event_ids_recent k ON k.id = j.value UNION ALL "
        "SELECT k.event FROM json_each(?4) j JOIN event_ids_middle k ON k.id = j.value UNION ALL "
        "SELECT k.event FROM json_each(?4) j JOIN event_ids k ON k.id = j.value)) ";
  }
  sql += "ORDER BY st.first_date IS NULL, st.first_date, st.id";
  if (q.limit > 0) sql += " LIMIT ?5";
  std::vector<StoryInfo> out;
  try {
    std::string ids = "[]";
    if (!q.actor.empty()) {
      EventQuery eq;
      eq.actor = q.actor;
      eq.from = q.from;
      eq.to = q.to;
      auto events = this->events(eq);
      if (!events.ok()) return events.error();
      nlohmann::json arr = nlohmann::json::array();
      for (const StoredEvent& e : *events) arr.push_back(e.event.id);
      ids = arr.dump();
    }
    Stmt s = impl_->stmt(sql);
    if (q.id != 0) s.integer(1, q.id);
    if (q.from && q.from->known()) s.text(2, Date::from_days(q.from->first_day()).iso());
    if (q.to && q.to->known()) s.text(3, Date::from_days(q.to->last_day()).iso());
    if (!q.actor.empty()) s.text(4, ids);
    if (q.limit > 0) s.integer(5, static_cast<int64_t>(q.limit));
    while (s.step()) {
      StoryInfo st;
      st.id = s.col_int(0);
      st.title = s.col_text(1);
      st.first = date_from(s.col_text(2));
      st.last = date_from(s.col_text(3));
      st.articles = s.col_u32(4);
      st.events = s.col_u32(5);
      out.push_back(std::move(st));
    }
  } catch (const DbError& e) {
    return impl_->error(std::string("story listing failed: ") + e.what());
  }
  return out;
}

Result<std::vector<StoredArticle>> Store::story_articles(int64_t story) {
  std::vector<StoredArticle> out;
  try {
    std::string sql =
        "SELECT a.hash, a.id, a.url, a.source, a.published, a.published_origin, a.title, a.metadata, "
        "a.ingested_at FROM articles a JOIN story_articles sa ON sa.article = a.seq WHERE sa.story = ?1 "
        "ORDER BY a.published IS NULL, a.published, a.seq";
    Stmt s = impl_->stmt(sql);
    s.integer(1, story);
    while (s.step()) out.push_back(impl_->read_article(s, false));
  } catch (const DbError& e) {
    return impl_->error(std::string("story article listing failed: ") + e.what());
  }
  return out;
}

Result<std::vector<StoredLink>> Store::links(int64_t story) {
  std::vector<LinkRow> rows;
  try {
    Stmt s =
        impl_->stmt(story == 0 ? "SELECT l.relation, x.id, y.id, l.expected, l.outcome FROM links l "
                                 "JOIN events x ON x.seq = l.expected JOIN events y ON y.seq = l.outcome ORDER BY l.id"
                               : "SELECT l.relation, x.id, y.id, l.expected, l.outcome FROM links l "
                                 "JOIN events x ON x.seq = l.expected JOIN events y ON y.seq = l.outcome "
                                 "WHERE EXISTS (SELECT 1 FROM mentions m "
                                 "JOIN story_articles sa ON sa.article = m.article WHERE sa.story = ?1 AND "
                                 "(m.event = l.expected OR m.event = l.outcome)) ORDER BY l.id");
    if (story != 0) s.integer(1, story);
    while (s.step()) rows.push_back({s.col_text(0), s.col_text(1), s.col_text(2), s.col_int(3), s.col_int(4)});
  } catch (const DbError& e) {
    return impl_->error(std::string("link listing failed: ") + e.what());
  }
  return resolve_links(rows);
}

Result<std::vector<StoredLink>> Store::links_of_event(std::string_view event_id) {
  std::vector<LinkRow> rows;
  try {
    const std::optional<int64_t> seq = impl_->event_seq(event_id);
    if (!seq) return std::vector<StoredLink>();
    Stmt s = impl_->stmt(
        "SELECT l.relation, x.id, y.id, l.expected, l.outcome FROM links l JOIN events x ON x.seq = l.expected "
        "JOIN events y ON y.seq = l.outcome WHERE l.expected = ?1 OR l.outcome = ?1 ORDER BY l.id");
    s.integer(1, *seq);
    while (s.step()) rows.push_back({s.col_text(0), s.col_text(1), s.col_text(2), s.col_int(3), s.col_int(4)});
  } catch (const DbError& e) {
    return impl_->error(std::string("link listing failed: ") + e.what());
  }
  return resolve_links(rows);
}

Result<std::vector<StoredLink>> Store::resolve_links(const std::vector<LinkRow>& rows) {
  std::vector<StoredLink> out;
  for (const auto& [relation, expected, outcome, expected_seq, outcome_seq] : rows) {
    EventQuery a;
    a.id = expected;
    EventQuery b;
    b.id = outcome;
    try {
      // Show the outcome as reported by an article other than the expectation's.
      Stmt s = impl_->stmt(
          "SELECT a.id FROM mentions m JOIN articles a ON a.seq = m.article WHERE m.event = ?2 AND m.article NOT IN "
          "(SELECT article FROM mentions WHERE event = ?1) ORDER BY a.published, m.id LIMIT 1");
      s.integer(1, expected_seq).integer(2, outcome_seq);
      if (s.step()) b.article = s.col_text(0);
    } catch (const DbError& e) {
      return impl_->error(std::string("link listing failed: ") + e.what());
    }
    auto ea = events(a);
    if (!ea.ok()) return ea.error();
    auto eb = events(b);
    if (!eb.ok()) return eb.error();
    if (ea->empty() || eb->empty()) continue;
    out.push_back(StoredLink{relation, std::move(ea->front()), std::move(eb->front())});
  }
  return out;
}

Result<std::vector<StoredQuote>> Store::quotes(int64_t story) {
  std::vector<StoredQuote> out;
  try {
    Stmt s = impl_->stmt(
        "SELECT q.offset, q.length, q.speaker_text, q.speaker_canonical, q.speaker_code, q.verb, "
        "CAST(substr(CAST(a.text AS BLOB), q.offset + 1, q.length) AS BLOB), a.id, a.published "
        "FROM quotes q JOIN articles a ON a.seq = q.article JOIN story_articles sa ON sa.article = a.seq "
        "WHERE sa.story = ?1 AND q.scare = 0 ORDER BY a.published IS NULL, a.published, a.seq, q.offset");
    s.integer(1, story);
    while (s.step()) {
      StoredQuote r;
      r.quote.span = Span{s.col_u32(0), s.col_u32(1)};
      r.quote.speaker.text = s.col_text(2);
      r.quote.speaker.canonical = s.col_text(3);
      r.quote.speaker.code = s.col_text(4);
      r.quote.verb = s.col_text(5);
      r.text = s.col_text(6);
      r.article_id = s.col_text(7);
      r.published = date_from(s.col_text(8));
      out.push_back(std::move(r));
    }
  } catch (const DbError& e) {
    return impl_->error(std::string("quote listing failed: ") + e.what());
  }
  return out;
}

Result<Date> Store::latest_published() {
  try {
    Stmt s = impl_->stmt("SELECT max(published) FROM articles");
    if (s.step()) return date_from(s.col_text(0));
  } catch (const DbError& e) {
    return impl_->error(std::string("date lookup failed: ") + e.what());
  }
  return Date{};
}

Result<std::string> Store::integrity_check() {
  std::string report;
  try {
    Stmt s = impl_->stmt("PRAGMA integrity_check");
    while (s.step()) {
      if (!report.empty()) report += '\n';
      report += s.col_text(0);
    }
  } catch (const DbError& e) {
    return impl_->error(std::string("integrity check failed: ") + e.what());
  }
  return report;
}

}  // namespace dyad
