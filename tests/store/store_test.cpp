// Tests for the SQLite store: schema and migration, idempotent puts, event
// merging, query filters, persistence, and crash safety (a child process that
// dies before committing).
#include "store/store.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "core/hash.h"
#include "story/dedup.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

// ---- fixtures -------------------------------------------------------------

// A small document builder: sentences are split at ". " so spans are real.
struct DocBuilder {
  Document doc;

  DocBuilder(std::string id, std::string source, std::string text, Date published = {}) {
    doc.article.id = std::move(id);
    doc.article.source = std::move(source);
    doc.article.url = "https://example.org/" + doc.article.id;
    doc.article.title = "Title of " + doc.article.id;
    doc.article.text = std::move(text);
    doc.article.published = published;
    doc.article.published_origin = published.known() ? DateOrigin::input : DateOrigin::unknown;
    doc.article.metadata = R"({"lang":"en"})";
    doc.hash = content_hash(doc.article.source + '\0' + doc.article.id + '\0' + doc.article.text);
    const std::string& t = doc.article.text;
    uint32_t start = 0;
    while (start < t.size()) {
      size_t end = t.find(". ", start);
      end = end == std::string::npos ? t.size() : end + 1;
      Sentence s;
      s.span = Span{start, static_cast<uint32_t>(end - start)};
      doc.text.sentences.push_back(s);
      start = static_cast<uint32_t>(end);
      while (start < t.size() && t[start] == ' ') ++start;
    }
  }

  [[nodiscard]] Span span_of(std::string_view words) const {
    size_t at = doc.article.text.find(words);
    EXPECT_NE(at, std::string::npos) << words;
    return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(words.size())};
  }

  [[nodiscard]] uint32_t sentence_of(Span sp) const {
    const auto& ss = doc.text.sentences;
    for (uint32_t i = 0; i < ss.size(); ++i)
      if (sp.offset >= ss[i].span.offset && sp.offset < ss[i].span.end()) return i;
    ADD_FAILURE() << "span outside every sentence";
    return 0;
  }

  // Adds an event; `words` must occur in the text.
  Event& event(std::string id, std::string cameo, std::string_view words, std::string src_code,
               std::string_view src_words, Date date = {}) {
    Event e;
    e.id = std::move(id);
    e.cameo = std::move(cameo);
    e.plover = "CONSULT";
    e.quad_class = 1;
    e.goldstein = 1.0;
    e.span = span_of(words);
    e.sentence = sentence_of(e.span);
    e.source.text = std::string(src_words);
    e.source.span = span_of(src_words);
    e.source.code = src_code;
    e.source.country = src_code.substr(0, 3);
    e.source.sector = src_code.size() > 3 ? src_code.substr(3) : "";
    e.date = date;
    e.date_basis = "article";
    e.rule = "test-rule";
    doc.events.push_back(e);
    return doc.events.back();
  }
};

Actor actor(std::string text, std::string canonical, std::string code, Span span) {
  Actor a;
  a.text = std::move(text);
  a.canonical = std::move(canonical);
  a.code = std::move(code);
  a.country = a.code.substr(0, 3);
  a.sector = a.code.size() > 3 ? a.code.substr(3) : "";
  a.span = span;
  return a;
}

// A unique scratch directory per test, removed afterwards.
class StoreFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> n{0};
    dir_ = fs::path(::testing::TempDir()) / ("dyad_store_" + std::to_string(getpid()) + "_" + std::to_string(++n));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  [[nodiscard]] std::string file(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

std::unique_ptr<Store> open_ok(const std::string& path) {
  auto r = Store::open(path);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
  if (!r.ok()) return nullptr;
  return std::move(r.value());
}

void put_all(Store& store, const std::vector<Document>& docs) {
  ASSERT_TRUE(store.begin().ok());
  for (const Document& d : docs) {
    Status s = store.put(d);
    ASSERT_TRUE(s.ok()) << s.error().str();
  }
  Status c = store.commit();
  ASSERT_TRUE(c.ok()) << c.error().str();
}

std::vector<std::string> ids(const std::vector<StoredEvent>& v) {
  std::vector<std::string> out;
  for (const auto& e : v) out.push_back(e.event.id);
  return out;
}

// Runs one SQL statement on a raw connection and returns the first column of the first row.
std::string raw_query(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open(path.c_str(), &db) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
      const unsigned char* t = sqlite3_column_text(st, 0);
      if (t != nullptr) out = reinterpret_cast<const char*>(t);
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return out;
}

// Runs SQL statements (several, separated by ';') on a raw connection (foreign keys off); fails the test on error.
void raw_exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* msg = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg);
  EXPECT_EQ(rc, SQLITE_OK) << (msg != nullptr ? msg : "") << "\n" << sql;
  sqlite3_free(msg);
  sqlite3_close(db);
}

// Back to version 10 as the previous dyad left it: a recent and a settled part of each key and band table, no middle
// part (its rows go to the settled part).
void downgrade_to_v10(const std::string& path) {
  raw_exec(path, R"sql(
INSERT INTO article_bands (band, article) SELECT band, article FROM article_bands_middle;
INSERT INTO article_hashes (hash, article) SELECT hash, article FROM article_hashes_middle;
INSERT INTO event_ids (id, event) SELECT id, event FROM event_ids_middle;
DROP TABLE article_bands_middle;
DROP TABLE article_hashes_middle;
DROP TABLE event_ids_middle;
PRAGMA user_version=10;
)sql");
}

// Back to version 9 as the previous dyad left it: `articles.hash` and `events.id` UNIQUE constraints of their tables
// (the tables rebuilt with the version 9 statements, rowids kept), no key tables.
void downgrade_to_v9(const std::string& path) {
  downgrade_to_v10(path);
  raw_exec(path, R"sql(
CREATE TABLE articles_v9 (
  seq INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, id TEXT NOT NULL, url TEXT NOT NULL, source TEXT NOT NULL,
  published TEXT, date_precision TEXT, published_origin TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL,
  metadata TEXT NOT NULL, ingested_at TEXT NOT NULL, fingerprint BLOB, duplicate_of TEXT);
INSERT INTO articles_v9 SELECT * FROM articles ORDER BY seq;
DROP TABLE articles;
ALTER TABLE articles_v9 RENAME TO articles;
CREATE INDEX articles_id ON articles(id);
CREATE TABLE events_v9 (
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, cameo TEXT NOT NULL, plover TEXT NOT NULL,
  quad_class INTEGER NOT NULL, goldstein REAL NOT NULL, mode TEXT NOT NULL, date TEXT, date_precision TEXT,
  date_basis TEXT NOT NULL, source_text TEXT NOT NULL, source_canonical TEXT NOT NULL, source_code TEXT NOT NULL,
  source_country TEXT NOT NULL, source_sector TEXT NOT NULL, target_text TEXT, target_canonical TEXT,
  target_code TEXT, target_country TEXT, target_sector TEXT, location_name TEXT, location_country TEXT,
  location_lat REAL, location_lon REAL, location_geonameid INTEGER, attributed_to TEXT NOT NULL, rule TEXT NOT NULL,
  num_mentions INTEGER NOT NULL DEFAULT 1, num_articles INTEGER NOT NULL DEFAULT 1,
  num_sources INTEGER NOT NULL DEFAULT 1, first_seen TEXT, last_seen TEXT, match_key TEXT NOT NULL DEFAULT '');
INSERT INTO events_v9 SELECT * FROM events ORDER BY seq;
DROP TABLE events;
ALTER TABLE events_v9 RENAME TO events;
CREATE INDEX events_date ON events(date);
DROP TABLE article_hashes;
DROP TABLE article_hashes_recent;
DROP TABLE event_ids;
DROP TABLE event_ids_recent;
PRAGMA user_version=9;
)sql");
}

// Back to version 8 as the previous dyad left it: every LSH band row in article_bands, no recent table.
void downgrade_to_v8(const std::string& path) {
  downgrade_to_v9(path);
  raw_exec(path,
           "INSERT INTO article_bands (band, article) SELECT band, article FROM article_bands_recent; "
           "DROP TABLE article_bands_recent; PRAGMA user_version=8;");
}

// Back to version 7 as the previous dyad left it: every story key a story_keys row, no story_events table.
void downgrade_to_v7(const std::string& path) {
  downgrade_to_v8(path);
  raw_exec(path,
           "INSERT INTO story_keys (key, story) SELECT 'e:' || e.id, s.story FROM story_events s "
           "JOIN events e ON e.seq = s.event; DROP TABLE story_events; PRAGMA user_version=7;");
}

// Takes a store written by this build back to the shape of schema version 5, as an older dyad wrote it: events keyed
// by their text id alone (no `seq` column), and mentions and links referring to events by that id. Rowids, mention
// ids and link ids are kept. The v3 and v4 migration tests start from here too.
void downgrade_to_v5(const std::string& path) {
  downgrade_to_v7(path);
  constexpr const char* kEventColumns =
      "cameo, plover, quad_class, goldstein, mode, date, date_precision, date_basis, source_text, source_canonical, "
      "source_code, source_country, source_sector, target_text, target_canonical, target_code, target_country, "
      "target_sector, location_name, location_country, location_lat, location_lon, location_geonameid, "
      "attributed_to, rule, num_mentions, num_articles, num_sources, first_seen, last_seen, match_key";
  constexpr const char* kMentionColumns =
      "article, sentence, offset, length, mode, outlet, rule, source_offset, source_length, target_offset, "
      "target_length, location_offset, location_length";
  constexpr const char* kMentionColumnsOfM =
      "m.article, m.sentence, m.offset, m.length, m.mode, m.outlet, m.rule, m.source_offset, m.source_length, "
      "m.target_offset, m.target_length, m.location_offset, m.location_length";
  raw_exec(path, std::string(R"sql(
CREATE TABLE events_v5 (
  id TEXT PRIMARY KEY, cameo TEXT NOT NULL, plover TEXT NOT NULL, quad_class INTEGER NOT NULL,
  goldstein REAL NOT NULL, mode TEXT NOT NULL, date TEXT, date_precision TEXT, date_basis TEXT NOT NULL,
  source_text TEXT NOT NULL, source_canonical TEXT NOT NULL, source_code TEXT NOT NULL,
  source_country TEXT NOT NULL, source_sector TEXT NOT NULL, target_text TEXT, target_canonical TEXT,
  target_code TEXT, target_country TEXT, target_sector TEXT, location_name TEXT, location_country TEXT,
  location_lat REAL, location_lon REAL, location_geonameid INTEGER, attributed_to TEXT NOT NULL,
  rule TEXT NOT NULL, num_mentions INTEGER NOT NULL DEFAULT 1, num_articles INTEGER NOT NULL DEFAULT 1,
  num_sources INTEGER NOT NULL DEFAULT 1, first_seen TEXT, last_seen TEXT, match_key TEXT NOT NULL DEFAULT '');
CREATE TABLE mentions_v5 (
  id INTEGER PRIMARY KEY, event TEXT NOT NULL REFERENCES events_v5(id),
  article INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE, sentence INTEGER NOT NULL,
  offset INTEGER NOT NULL, length INTEGER NOT NULL, mode TEXT NOT NULL, outlet TEXT NOT NULL, rule TEXT NOT NULL,
  source_offset INTEGER NOT NULL, source_length INTEGER NOT NULL, target_offset INTEGER, target_length INTEGER,
  location_offset INTEGER, location_length INTEGER, UNIQUE (event, article, offset));
CREATE TABLE links_v5 (
  id INTEGER PRIMARY KEY, relation TEXT NOT NULL, expected TEXT NOT NULL REFERENCES events_v5(id),
  outcome TEXT NOT NULL REFERENCES events_v5(id), created TEXT NOT NULL, UNIQUE (expected, outcome));
)sql") + "INSERT INTO events_v5 (rowid, id, " +
                     kEventColumns + ") SELECT seq, id, " + kEventColumns + " FROM events;\n" +
                     "INSERT INTO mentions_v5 (id, event, " + kMentionColumns + ") SELECT m.id, e.id, " +
                     kMentionColumnsOfM + " FROM mentions m JOIN events e ON e.seq = m.event;\n" + R"sql(
INSERT INTO links_v5 (id, relation, expected, outcome, created)
  SELECT l.id, l.relation, x.id, y.id, l.created FROM links l
  JOIN events x ON x.seq = l.expected JOIN events y ON y.seq = l.outcome;
DROP TABLE links;
DROP TABLE mentions;
DROP TABLE events;
ALTER TABLE events_v5 RENAME TO events;
ALTER TABLE mentions_v5 RENAME TO mentions;
ALTER TABLE links_v5 RENAME TO links;
CREATE INDEX events_date ON events(date);
CREATE INDEX events_key_mode ON events(match_key, mode, date);
CREATE INDEX mentions_article ON mentions(article);
CREATE INDEX links_outcome ON links(outcome);
PRAGMA user_version=5;
)sql");
}

// A batch of synthetic articles with a few rows of each kind.
std::vector<Document> synthetic(const std::string& prefix, int n) {
  std::vector<Document> docs;
  for (int i = 0; i < n; ++i) {
    std::string id = prefix + std::to_string(i);
    DocBuilder b(id, "outlet" + std::to_string(i % 7),
                 "Officials from Ruritania met envoys on Monday in article " + id +
                     ". The talks covered trade and security. Ministers said they would meet again. "
                     "A spokesperson described the mood as constructive.",
                 Date::ymd(2024, 5, 1 + static_cast<unsigned>(i % 28)));
    b.event(id + "-e1", "040", "met envoys", "RURGOV", "Officials from Ruritania",
            Date::ymd(2024, 5, 1 + static_cast<unsigned>(i % 28)));
    b.event(id + "-e2", "036", "would meet again", "RURGOV", "Ministers");
    Entity ent;
    ent.type = EntityType::location;
    ent.span = b.span_of("Ruritania");
    ent.canonical = "Ruritania";
    ent.code = "RUR";
    b.doc.entities.push_back(ent);
    Quote q;
    q.span = b.span_of("constructive");
    q.verb = "described";
    b.doc.quotes.push_back(q);
    docs.push_back(std::move(b.doc));
  }
  return docs;
}

// ---- schema, open, transactions -----------------------------------------------

TEST(Store, OpenInMemoryCreatesCurrentSchema) {
  auto store = open_ok(":memory:");
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), kSchemaVersion);
  StoreCounts c = store->counts();
  EXPECT_EQ(c.articles, 0U);
  EXPECT_EQ(c.events, 0U);
  auto check = store->integrity_check();
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check.value(), "ok");
}

TEST(Store, PutOutsideTransactionIsError) {
  auto store = open_ok(":memory:");
  ASSERT_NE(store, nullptr);
  DocBuilder b("a1", "Wire", "Something happened. Then more.");
  Status s = store->put(b.doc);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("transaction"), std::string::npos) << s.error().str();
  EXPECT_FALSE(store->contains(b.doc.hash));
}

TEST(Store, TransactionStateErrors) {
  auto store = open_ok(":memory:");
  ASSERT_NE(store, nullptr);
  EXPECT_FALSE(store->commit().ok());
  ASSERT_TRUE(store->begin().ok());
  EXPECT_FALSE(store->begin().ok());
  store->rollback();
  store->rollback();  // no-op
  EXPECT_TRUE(store->begin().ok());
  EXPECT_TRUE(store->commit().ok());
}

TEST(Store, RollbackDiscardsBatch) {
  auto store = open_ok(":memory:");
  ASSERT_NE(store, nullptr);
  auto docs = synthetic("r", 3);
  ASSERT_TRUE(store->begin().ok());
  for (const auto& d : docs) ASSERT_TRUE(store->put(d).ok());
  EXPECT_EQ(store->counts().articles, 3U);  // visible inside the transaction
  store->rollback();
  EXPECT_EQ(store->counts().articles, 0U);
  EXPECT_EQ(store->counts().events, 0U);
  EXPECT_FALSE(store->contains(docs[0].hash));
}

// ---- put ---------------------------------------------------------------------------

TEST(Store, PutWritesEveryPartAndReadsBack) {
  auto store = open_ok(":memory:");
  ASSERT_NE(store, nullptr);
  DocBuilder b("art-1", "Daily Planet",
               "Russian President Vladimir Putin met Chinese leader Xi Jinping in Beijing. "
               "Officials said trade rose by 12 percent. The meeting was \"productive\", a spokesman said.",
               Date::ymd(2024, 5, 16));
  Event& first = b.event("ev-1", "042", "met", "RUSGOV", "Russian President Vladimir Putin", Date::ymd(2024, 5, 16));
  first.source.canonical = "Vladimir Putin";
  first.target = actor("Chinese leader Xi Jinping", "Xi Jinping", "CHNGOV", b.span_of("Chinese leader Xi Jinping"));
  first.location = Place{"Beijing", "CHN", 39.9, 116.4, 1816670, b.span_of("Beijing")};
  first.mode = EventMode::happened;
  first.plover = "CONSULT";
  first.quad_class = 1;
  first.goldstein = 1.0;
  b.event("ev-2", "010", "said trade rose", "GOV", "Officials");
  const Event e = b.doc.events[0];  // a copy: adding events moved the vector

  Entity putin;
  putin.type = EntityType::person;
  putin.span = b.span_of("Vladimir Putin");
  putin.canonical = "Vladimir Putin";
  putin.code = "RUSGOV";
  Entity beijing;
  beijing.type = EntityType::location;
  beijing.span = b.span_of("Beijing");
  beijing.canonical = "Beijing";
  beijing.place = Place{"Beijing", "CHN", 39.9, 116.4, 1816670, beijing.span};
  b.doc.entities = {putin, beijing};
  Quote q;
  q.span = b.span_of("productive");
  q.speaker.text = "a spokesman";
  q.verb = "said";
  q.scare = false;
  b.doc.quotes.push_back(q);
  Amount m;
  m.value = 12;
  m.unit = "percent";
  m.object = "trade";
  m.span = b.span_of("12 percent");
  b.doc.amounts.push_back(m);
  Post p;
  p.span = b.span_of("The meeting");
  p.body = p.span;
  p.handle = "planet";
  p.name = "Daily Planet";
  p.date = Date{2024, 5, 0, DatePrecision::month};
  p.url = "https://example.org/status/1";
  b.doc.text.posts.push_back(p);
  b.doc.text.sentences[2].post = 0;
  b.doc.text.sentences[2].flags = kPost;

  put_all(*store, {b.doc});
  StoreCounts c = store->counts();
  EXPECT_EQ(c.articles, 1U);
  EXPECT_EQ(c.events, 2U);
  EXPECT_EQ(c.mentions, 2U);
  EXPECT_EQ(c.entities, 2U);
  EXPECT_EQ(c.quotes, 1U);
  EXPECT_EQ(c.amounts, 1U);
  EXPECT_EQ(c.posts, 1U);

  auto got = store->events({});
  ASSERT_TRUE(got.ok()) << got.error().str();
  ASSERT_EQ(got->size(), 2U);
  // Ordered by date, unknown dates last.
  const StoredEvent& s = (*got)[0];
  EXPECT_EQ(s.event.id, "ev-1");
  EXPECT_EQ(s.event.cameo, "042");
  EXPECT_EQ(s.event.plover, "CONSULT");
  EXPECT_EQ(s.event.date, Date::ymd(2024, 5, 16));
  EXPECT_EQ(s.event.date_basis, "article");
  EXPECT_EQ(s.event.source.text, "Russian President Vladimir Putin");
  EXPECT_EQ(s.event.source.canonical, "Vladimir Putin");
  EXPECT_EQ(s.event.source.code, "RUSGOV");
  EXPECT_EQ(s.event.source.country, "RUS");
  EXPECT_EQ(s.event.source.sector, "GOV");
  EXPECT_EQ(s.event.source.span, e.source.span);
  ASSERT_TRUE(s.event.target.has_value());
  EXPECT_EQ(s.event.target->canonical, "Xi Jinping");
  EXPECT_EQ(s.event.target->code, "CHNGOV");
  EXPECT_EQ(s.event.target->span, e.target->span);
  ASSERT_TRUE(s.event.location.has_value());
  EXPECT_EQ(s.event.location->name, "Beijing");
  EXPECT_EQ(s.event.location->geonameid, 1816670);
  EXPECT_DOUBLE_EQ(s.event.location->lat, 39.9);
  EXPECT_EQ(s.event.location->span, e.location->span);
  EXPECT_EQ(s.event.span, e.span);
  EXPECT_EQ(s.event.sentence, 0U);
  EXPECT_EQ(s.event.rule, "test-rule");
  EXPECT_EQ(s.article_id, "art-1");
  EXPECT_EQ(s.article_hash, b.doc.hash);
  EXPECT_EQ(s.sentence_text, "Russian President Vladimir Putin met Chinese leader Xi Jinping in Beijing.");
  EXPECT_EQ(s.num_mentions, 1U);
  EXPECT_EQ(s.first_seen, "2024-05-16");

  const StoredEvent& s2 = (*got)[1];
  EXPECT_EQ(s2.event.id, "ev-2");
  EXPECT_FALSE(s2.event.date.known());
  EXPECT_FALSE(s2.event.target.has_value());
  EXPECT_FALSE(s2.event.location.has_value());
  EXPECT_EQ(s2.event.sentence, 1U);
  EXPECT_EQ(s2.sentence_text, "Officials said trade rose by 12 percent.");

  auto art = store->article(b.doc.hash);
  ASSERT_TRUE(art.ok());
  ASSERT_TRUE(art->has_value());
  const StoredArticle& sa = **art;
  EXPECT_EQ(sa.article.id, "art-1");
  EXPECT_EQ(sa.article.text, b.doc.article.text);
  EXPECT_EQ(sa.article.published, Date::ymd(2024, 5, 16));
  EXPECT_EQ(sa.article.published_origin, DateOrigin::input);
  EXPECT_EQ(sa.article.metadata, R"({"lang":"en"})");
  EXPECT_EQ(sa.ingested_at.size(), 20U);  // YYYY-MM-DDTHH:MM:SSZ

  auto posts = store->posts(b.doc.hash);
  ASSERT_TRUE(posts.ok());
  ASSERT_EQ(posts->size(), 1U);
  EXPECT_EQ((*posts)[0].handle, "planet");
  EXPECT_EQ((*posts)[0].date, p.date);
  EXPECT_EQ((*posts)[0].body, p.body);

  auto listing = store->articles(0, false);
  ASSERT_TRUE(listing.ok());
  ASSERT_EQ(listing->size(), 1U);
  EXPECT_TRUE((*listing)[0].article.text.empty());
  EXPECT_EQ((*listing)[0].hash, b.doc.hash);
}

TEST(Store, SentenceTextIsByteExactForMultibyteText) {
  auto store = open_ok(":memory:");
  ASSERT_NE(store, nullptr);
  DocBuilder b("u1", "Le Monde", "Le président Macron a reçu à l'Élysée son homologue. Ensuite, rien.");
  b.event("u-ev", "042", "a reçu", "FRAGOV", "Le président Macron");
  put_all(*store, {b.doc});
  auto got = store->events({});
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->size(), 1U);
  EXPECT_EQ((*got)[0].sentence_text, "Le président Macron a reçu à l'Élysée son homologue.");
}

// A document's child rows go in as multi-row INSERTs of up to 32 rows: 70 sentences are three
// statements (32, 32, 6), and every row must come back in order with its own values.
TEST_F(StoreFiles, ManyChildRowsAcrossInsertChunksKeepOrderAndValues) {
  std::string text;
  for (int i = 0; i < 70; ++i) text += "Sentence number " + std::to_string(i) + " of the long report. ";
  DocBuilder b("long", "Wire", text);
  ASSERT_EQ(b.doc.text.sentences.size(), 70U);
  b.doc.tone = Tone{};
  for (int i = 0; i < 70; ++i) {
    Tone t;
    t.words = 8;
    t.polar_words = i % 3 == 0 ? 1 : 0;  // only these are stored
    t.positive_words = t.polar_words;
    b.doc.sentence_tone.push_back(t);
    b.doc.text.sentences[static_cast<size_t>(i)].paragraph = i / 10;
  }
  for (int i = 0; i < 33; ++i) b.doc.amounts.push_back(Amount{static_cast<double>(i), "percent", "votes", Span{0, 3}});
  const std::string path = file("chunks.db");
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    put_all(*store, {b.doc});
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  auto rows = [&](const char* sql) {
    std::vector<std::string> out;
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &s, nullptr), SQLITE_OK) << sql;
    while (sqlite3_step(s) == SQLITE_ROW) {
      std::string row;
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        const auto* v = sqlite3_column_text(s, c);
        row += (c > 0 ? "|" : "") + std::string(v != nullptr ? reinterpret_cast<const char*>(v) : "NULL");
      }
      out.push_back(row);
    }
    sqlite3_finalize(s);
    return out;
  };
  const auto sentences = rows("SELECT idx, offset, length, paragraph FROM sentences ORDER BY idx");
  ASSERT_EQ(sentences.size(), 70U);
  for (size_t i = 0; i < 70; ++i) {
    const Sentence& x = b.doc.text.sentences[i];
    EXPECT_EQ(sentences[i], std::to_string(i) + "|" + std::to_string(x.span.offset) + "|" +
                                std::to_string(x.span.length) + "|" + std::to_string(i / 10));
  }
  const auto tones = rows("SELECT idx FROM sentence_tone ORDER BY idx");
  ASSERT_EQ(tones.size(), 24U);  // 0, 3, ..., 69
  for (size_t j = 0; j < tones.size(); ++j) EXPECT_EQ(tones[j], std::to_string(3 * j));
  const auto amounts = rows("SELECT CAST(value AS INTEGER) FROM amounts ORDER BY rowid");
  ASSERT_EQ(amounts.size(), 33U);
  for (size_t i = 0; i < amounts.size(); ++i) EXPECT_EQ(amounts[i], std::to_string(i));
  sqlite3_close(db);
}

TEST(Store, IdempotentPut) {
  auto store = open_ok(":memory:");
  ASSERT_NE(store, nullptr);
  auto docs = synthetic("idem", 2);
  put_all(*store, docs);
  StoreCounts before = store->counts();
  EXPECT_EQ(before.articles, 2U);
  EXPECT_EQ(before.mentions, 4U);
  // Again in a new batch, and twice within one batch.
  put_all(*store, docs);
  put_all(*store, {docs[0], docs[0]});
  StoreCounts after = store->counts();
  EXPECT_EQ(after.articles, before.articles);
  EXPECT_EQ(after.events, before.events);
  EXPECT_EQ(after.mentions, before.mentions);
  EXPECT_EQ(after.entities, before.entities);
  EXPECT_EQ(after.quotes, before.quotes);
  auto ev = store->events({});
  ASSERT_TRUE(ev.ok());
  for (const auto& e : *ev) EXPECT_EQ(e.num_mentions, 1U) << e.event.id;
}

TEST(Store, FailedPutLeavesNoPartialRows) {
  auto store = open_ok(":memory:");
  ASSERT_NE(store, nullptr);
  auto good = synthetic("ok", 1);
  DocBuilder bad("bad", "Wire", "A thing happened. Another thing.");
  bad.event("", "010", "happened", "GOV", "A thing");  // no id: rejected
  ASSERT_TRUE(store->begin().ok());
  ASSERT_TRUE(store->put(good[0]).ok());
  Status s = store->put(bad.doc);
  EXPECT_FALSE(s.ok());
  ASSERT_TRUE(store->commit().ok());
  EXPECT_TRUE(store->contains(good[0].hash));
  EXPECT_FALSE(store->contains(bad.doc.hash));
  EXPECT_EQ(store->counts().articles, 1U);
}

TEST(Store, EventMergingAcrossDocuments) {
  auto store = open_ok(":memory:");
  ASSERT_NE(store, nullptr);
  DocBuilder a("m1", "Wire A", "Country X troops shelled the border town. Nothing else.", Date::ymd(2024, 5, 2));
  DocBuilder b("m2", "Wire B", "Earlier report. Country X troops shelled the border town, officials said.",
               Date::ymd(2024, 5, 1));
  DocBuilder c("m3", "Wire A", "Update: Country X troops shelled the border town again.", Date::ymd(2024, 5, 4));
  for (DocBuilder* d : {&a, &b, &c})
    d->event("shared-event", "195", "shelled", "XXXMIL", "Country X troops", Date::ymd(2024, 5, 1));

  put_all(*store, {a.doc, b.doc});
  auto got = store->events({});
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->size(), 1U);
  EXPECT_EQ((*got)[0].num_mentions, 2U);
  EXPECT_EQ((*got)[0].num_articles, 2U);
  EXPECT_EQ((*got)[0].num_sources, 2U);
  EXPECT_EQ((*got)[0].first_seen, "2024-05-01");
  EXPECT_EQ((*got)[0].last_seen, "2024-05-02");
  EXPECT_EQ((*got)[0].article_id, "m1");  // the first mention stored
  EXPECT_EQ(store->counts().events, 1U);
  EXPECT_EQ(store->counts().mentions, 2U);

  // A third article from an outlet already seen: one more article, no new source.
  put_all(*store, {c.doc});
  got = store->events({});
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->size(), 1U);
  EXPECT_EQ((*got)[0].num_mentions, 3U);
  EXPECT_EQ((*got)[0].num_articles, 3U);
  EXPECT_EQ((*got)[0].num_sources, 2U);
  EXPECT_EQ((*got)[0].last_seen, "2024-05-04");

  // Asking by article gives that article's mention and sentence.
  EventQuery q;
  q.article = "m2";
  got = store->events(q);
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->size(), 1U);
  EXPECT_EQ((*got)[0].article_id, "m2");
  EXPECT_EQ((*got)[0].event.sentence, 1U);
  EXPECT_EQ((*got)[0].sentence_text, "Country X troops shelled the border town, officials said.");
}

TEST(Store, SecondMentionInSameArticleCountsMentionNotArticle) {
  auto store = open_ok(":memory:");
  ASSERT_NE(store, nullptr);
  DocBuilder a("s1", "Wire", "Troops shelled the town. Later troops shelled the town again.");
  a.event("dup", "195", "shelled the town.", "XXXMIL", "Troops");
  a.event("dup", "195", "shelled the town again", "XXXMIL", "troops");
  put_all(*store, {a.doc});
  auto got = store->events({});
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->size(), 1U);
  EXPECT_EQ((*got)[0].num_mentions, 2U);
  EXPECT_EQ((*got)[0].num_articles, 1U);
  EXPECT_EQ((*got)[0].num_sources, 1U);
}

// ---- queries -------------------------------------------------------------------------

class StoreQuery : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_ok(":memory:");
    ASSERT_NE(store_, nullptr);
    DocBuilder a("qa", "Wire",
                 "Russian officials met Chinese envoys. Ukrainian forces attacked a depot. "
                 "Officials from the Élysée plan to visit. The army did not withdraw.");
    Event& e1 = a.event("e-consult", "042", "met", "RUSGOV", "Russian officials", Date::ymd(2024, 5, 16));
    e1.source.canonical = "Government of Russia";
    e1.target = actor("Chinese envoys", "", "CHNGOV", a.span_of("Chinese envoys"));
    a.event("e-attack", "190", "attacked", "UKRMIL", "Ukrainian forces", Date::ymd(2024, 6, 1));
    Event& e3 = a.event("e-visit", "043", "plan to visit", "FRAGOV", "Officials from the Élysée",
                        Date{2024, 5, 0, DatePrecision::month});
    e3.mode = EventMode::expected;
    Event& e4 =
        a.event("e-withdraw", "0874", "did not withdraw", "XXXMIL", "The army", Date{2023, 0, 0, DatePrecision::year});
    e4.mode = EventMode::negated;
    DocBuilder b("qb", "Other", "Chinese envoys consulted Russian officials.");
    Event& e5 = b.event("e-undated", "040", "consulted", "CHNGOV", "Chinese envoys");
    e5.target = actor("Russian officials", "", "RUSGOV", b.span_of("Russian officials"));
    put_all(*store_, {a.doc, b.doc});
  }

  std::vector<std::string> run(const EventQuery& q) {
    auto r = store_->events(q);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
    return r.ok() ? ids(r.value()) : std::vector<std::string>{};
  }

  static Date day(int y, unsigned m, unsigned d) { return Date::ymd(y, m, d); }

  std::unique_ptr<Store> store_;
};

using V = std::vector<std::string>;

TEST_F(StoreQuery, NoFilterOrdersByDateThenIdUnknownLast) {
  // "2023" < "2024-05" < "2024-05-16" < "2024-06-01"; undated last.
  EXPECT_EQ(run({}), (V{"e-withdraw", "e-visit", "e-consult", "e-attack", "e-undated"}));
}

TEST_F(StoreQuery, ActorCodePrefixMatchesSourceOrTarget) {
  EventQuery q;
  q.actor = "RUS";
  EXPECT_EQ(run(q), (V{"e-consult", "e-undated"}));
  q.actor = "ukrmil";  // codes compare upper-cased
  EXPECT_EQ(run(q), (V{"e-attack"}));
  q.actor = "CHNGOV";
  EXPECT_EQ(run(q), (V{"e-consult", "e-undated"}));
}

TEST_F(StoreQuery, ActorTextIsCaseInsensitiveSubstring) {
  EventQuery q;
  q.actor = "government of";  // canonical
  EXPECT_EQ(run(q), (V{"e-consult"}));
  q.actor = "ÉLYSÉE";  // non-ASCII case folding
  EXPECT_EQ(run(q), (V{"e-visit"}));
  q.actor = "the army";
  EXPECT_EQ(run(q), (V{"e-withdraw"}));
  q.actor = "nobody at all";
  EXPECT_TRUE(run(q).empty());
}

TEST_F(StoreQuery, CameoPrefix) {
  EventQuery q;
  q.cameo = "04";
  EXPECT_EQ(run(q), (V{"e-visit", "e-consult", "e-undated"}));
  q.cameo = "190";
  EXPECT_EQ(run(q), (V{"e-attack"}));
  q.cameo = "08";
  EXPECT_EQ(run(q), (V{"e-withdraw"}));
}

TEST_F(StoreQuery, DateRangeUsesOverlapForCoarseDates) {
  EventQuery q;
  q.from = day(2024, 5, 16);
  q.to = day(2024, 5, 16);
  // The day itself (bounds inclusive) and the month-precision May event that covers it.
  EXPECT_EQ(run(q), (V{"e-visit", "e-consult"}));
  q.from = day(2024, 5, 20);
  q.to = day(2024, 6, 10);
  EXPECT_EQ(run(q), (V{"e-visit", "e-attack"}));
  q.from = day(2024, 6, 1);
  q.to.reset();
  EXPECT_EQ(run(q), (V{"e-attack"}));
  q.from.reset();
  q.to = day(2024, 4, 30);
  EXPECT_EQ(run(q), (V{"e-withdraw"}));
  // A coarse range: the year 2023 holds only the year-precision event.
  q.from = Date{2023, 0, 0, DatePrecision::year};
  q.to = Date{2023, 0, 0, DatePrecision::year};
  EXPECT_EQ(run(q), (V{"e-withdraw"}));
  // A month range covers a day inside it.
  q.from = Date{2024, 6, 0, DatePrecision::month};
  q.to = Date{2024, 6, 0, DatePrecision::month};
  EXPECT_EQ(run(q), (V{"e-attack"}));
}

TEST_F(StoreQuery, EventsByKeyReturnsEveryDateIntervalReachingTheWindow) {
  // One match key, dates of every precision around the window 2024-06-13..15.
  DocBuilder c("qc", "Wire", "Ruritanian police arrested protesters.");
  auto add = [&](const std::string& id, Date d, EventMode mode = EventMode::happened) {
    Event& e = c.event(id, "173", "arrested", "RURCOP", "Ruritanian police", d);
    e.mode = mode;
  };
  add("k-year", Date{2024, 0, 0, DatePrecision::year});
  add("k-old-year", Date{2023, 0, 0, DatePrecision::year});
  add("k-june", Date{2024, 6, 0, DatePrecision::month});
  add("k-may", Date{2024, 5, 0, DatePrecision::month});
  add("k-july", Date{2024, 7, 0, DatePrecision::month});
  add("k-day-before", day(2024, 6, 12));
  add("k-day", day(2024, 6, 14), EventMode::expected);
  add("k-day-after", day(2024, 6, 16));
  add("k-next-year", Date{2025, 0, 0, DatePrecision::year});
  put_all(*store_, {c.doc});
  auto got = [&](Date from, Date to, std::vector<EventMode> modes) {
    std::vector<std::string> out;
    auto r = store_->events_by_key(match_key(c.doc.events[0]), from, to, modes);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
    if (r.ok())
      for (const auto& e : *r) out.push_back(e.id);
    return out;
  };
  // stored order; the year and the month holding the window, the day inside it
  EXPECT_EQ(got(day(2024, 6, 13), day(2024, 6, 15), {}), (V{"k-year", "k-june", "k-day"}));
  EXPECT_EQ(got(day(2024, 6, 13), day(2024, 6, 15), {EventMode::expected}), (V{"k-day"}));
  EXPECT_EQ(got(day(2024, 6, 12), day(2024, 6, 16), {EventMode::happened}),
            (V{"k-year", "k-june", "k-day-before", "k-day-after"}));
  EXPECT_EQ(got(day(2024, 5, 31), day(2024, 6, 1), {}), (V{"k-year", "k-june", "k-may"}));
  EXPECT_EQ(got(day(2023, 12, 31), day(2025, 1, 1), {}), (V{"k-year", "k-old-year", "k-june", "k-may", "k-july",
                                                            "k-day-before", "k-day", "k-day-after", "k-next-year"}));
  // an empty window (from after to): only what reaches `from` and starts by `to`
  EXPECT_EQ(got(day(2024, 7, 1), day(2024, 6, 20), {}), (V{"k-year"}));
}

TEST_F(StoreQuery, ModeArticleAndLimit) {
  EventQuery q;
  q.mode = EventMode::expected;
  EXPECT_EQ(run(q), (V{"e-visit"}));
  q.mode = EventMode::negated;
  EXPECT_EQ(run(q), (V{"e-withdraw"}));
  q.mode = EventMode::happened;
  EXPECT_EQ(run(q), (V{"e-consult", "e-attack", "e-undated"}));
  q = {};
  q.article = "qb";
  EXPECT_EQ(run(q), (V{"e-undated"}));
  q.article = "no-such-article";
  EXPECT_TRUE(run(q).empty());
  q = {};
  q.limit = 2;
  EXPECT_EQ(run(q), (V{"e-withdraw", "e-visit"}));
}

TEST_F(StoreQuery, OneEventById) {
  EventQuery q;
  q.id = "e-attack";
  EXPECT_EQ(run(q), (V{"e-attack"}));
  q.id = "no-such-event";
  EXPECT_TRUE(run(q).empty());
}

TEST_F(StoreQuery, FiltersCombine) {
  EventQuery q;
  q.actor = "RUS";
  q.cameo = "04";
  q.from = day(2024, 1, 1);
  EXPECT_EQ(run(q), (V{"e-consult"}));  // the undated one drops out under a date filter
}

TEST_F(StoreQuery, LinksAreIdempotentAndNeedStoredEvents) {
  ASSERT_TRUE(store_->link("fulfilled", "e-visit", "e-consult").ok());
  ASSERT_TRUE(store_->link("fulfilled", "e-visit", "e-consult").ok());
  EXPECT_EQ(store_->counts().links, 1U);
  EXPECT_FALSE(store_->link("fulfilled", "e-visit", "no-such-event").ok());
  EXPECT_EQ(store_->counts().links, 1U);
}

// ---- files: persistence, errors, migration -----------------------------------------------

// events_by_key inside a transaction answers from the writer's index of each key's days where it can (no stored
// event can overlap the window): that index must follow every write of this connection, a merged report that
// refines the stored date included, and every commit of another connection.
TEST_F(StoreFiles, EventsByKeyFollowsWritesMergesAndOtherConnections) {
  const auto day = [](int y, unsigned m, unsigned d) { return Date::ymd(y, m, d); };
  const std::string path = file("keys.db");
  auto a = open_ok(path);
  ASSERT_NE(a, nullptr);
  auto ids_in = [&](Store& s, Date from, Date to, std::vector<EventMode> modes = {}) {
    std::vector<std::string> out;
    auto r = s.events_by_key("190|KRS|", from, to, modes);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
    if (r.ok())
      for (const auto& e : *r) out.push_back(e.id);
    return out;
  };
  auto doc = [](const std::string& id, const std::string& event_id, Date date, const std::string& basis) {
    DocBuilder b(id, "Wire", "Kirosian troops shelled the border town.", Date::ymd(2025, 3, 1));
    Event& e = b.event(event_id, "190", "shelled", "KRSMIL", "Kirosian troops", date);
    e.date_basis = basis;
    return b.doc;
  };
  ASSERT_TRUE(a->begin().ok());
  // nothing stored yet: the key is read once and known empty
  EXPECT_TRUE(ids_in(*a, day(2025, 3, 1), day(2025, 3, 5)).empty());
  ASSERT_TRUE(a->put(doc("k1", "shell-1", day(2025, 3, 3), "article")).ok());
  EXPECT_EQ(ids_in(*a, day(2025, 3, 1), day(2025, 3, 5)), (V{"shell-1"}));
  EXPECT_EQ(ids_in(*a, day(2025, 3, 3), day(2025, 3, 3), {EventMode::happened}), (V{"shell-1"}));
  EXPECT_TRUE(ids_in(*a, day(2025, 3, 3), day(2025, 3, 3), {EventMode::expected}).empty());
  EXPECT_TRUE(ids_in(*a, day(2025, 4, 1), day(2025, 4, 30)).empty());
  // a later report that names the date moves the stored event to 2025-04-20
  ASSERT_TRUE(a->put(doc("k2", "shell-1", day(2025, 4, 20), "expression 'on April 20'")).ok());
  EXPECT_EQ(ids_in(*a, day(2025, 4, 19), day(2025, 4, 21)), (V{"shell-1"}));
  EXPECT_TRUE(ids_in(*a, day(2025, 3, 1), day(2025, 3, 5)).empty());
  ASSERT_TRUE(a->commit().ok());
  // another connection stores an event of the key between two transactions of the first
  {
    auto b = open_ok(path);
    ASSERT_NE(b, nullptr);
    put_all(*b, {doc("k3", "shell-2", day(2025, 6, 10), "article")});
  }
  ASSERT_TRUE(a->begin().ok());
  EXPECT_EQ(ids_in(*a, day(2025, 6, 9), day(2025, 6, 11)), (V{"shell-2"}));
  ASSERT_TRUE(a->commit().ok());
  // outside a transaction the store is read as it is
  EXPECT_EQ(ids_in(*a, day(2025, 1, 1), day(2025, 12, 31)), (V{"shell-1", "shell-2"}));
}

// The writer's copies of store rows are bounded (a long run's memory must not grow with the store), and what they
// drop is read again: the key index keeps whole months, the least recently used dropped at a commit past its bound;
// the story rows keep two generations. Answers must not change when a month or a key has been dropped.
TEST_F(StoreFiles, WriterCachesStayBoundedAndAnswerAfterDropping) {
  const auto day = [](int y, unsigned m, unsigned d) { return Date::ymd(y, m, d); };
  auto a = open_ok(file("bounded.db"));
  ASSERT_NE(a, nullptr);
  a->set_writer_cache_limits(4, 3);
  auto ids_in = [&](Date from, Date to) {
    std::vector<std::string> out;
    auto r = a->events_by_key("190|KRS|", from, to, {});
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
    if (r.ok())
      for (const auto& e : *r) out.push_back(e.id);
    return out;
  };
  // one shelling a month through 2025, two each month, and one dated by the year alone
  for (unsigned m = 1; m <= 12; ++m) {
    ASSERT_TRUE(a->begin().ok());
    std::string filed;  // the hash of the month's first article
    for (unsigned d : {10U, 20U}) {
      const std::string id = "s" + std::to_string(m) + "-" + std::to_string(d);
      DocBuilder b(id, "Wire", "Kirosian troops shelled the border town " + id + ".", day(2025, m, d));
      b.event("shell-" + id, "190", "shelled", "KRSMIL", "Kirosian troops", day(2025, m, d)).date_basis = "article";
      if (m == 6 && d == 10) {
        Date year;
        year.year = 2025;
        year.precision = DatePrecision::year;
        b.event("shell-year", "190", "shelled", "KRSMIL", "Kirosian troops", year).date_basis = "expression";
      }
      ASSERT_TRUE(a->put(b.doc).ok());
      if (filed.empty()) filed = b.doc.hash;
    }
    // the window of this month (and the month before) is read inside the transaction, as the story stage does
    const std::vector<std::string> seen = ids_in(day(2025, m, 1), day(2025, m, 28));
    EXPECT_EQ(seen.size(), m >= 6 ? 3U : 2U) << "month " << m;
    const std::vector<std::string> keys = {"c:KRS", "n:Town " + std::to_string(m),
                                           "e:shell-s" + std::to_string(m) + "-10"};
    ASSERT_TRUE(a->stories_with_keys(keys, day(2025, m, 1), day(2025, m, 28)).ok());
    ASSERT_TRUE(a->file_in_story(0, filed, "t", day(2025, m, 10), keys).ok());
    ASSERT_TRUE(a->commit().ok());
    const Store::WriterCaches c = a->writer_caches();
    // a month holds at least 2 entries (3 from June: the year's event is in every month of 2025 loaded)
    EXPECT_LE(c.key_index_entries, 4U + 3U) << "month " << m;
    EXPECT_LE(c.key_index_months, 2U) << "month " << m;
    EXPECT_LE(c.story_keys, 2U * (3U + 3U)) << "month " << m;
  }
  // January was dropped long ago: read again, whole
  ASSERT_TRUE(a->begin().ok());
  EXPECT_EQ(ids_in(day(2025, 1, 1), day(2025, 1, 31)), (V{"shell-s1-10", "shell-s1-20", "shell-year"}));
  EXPECT_EQ(ids_in(day(2025, 1, 15), day(2025, 2, 15)), (V{"shell-s1-20", "shell-s2-10", "shell-year"}));
  EXPECT_EQ(ids_in(day(2026, 1, 1), day(2026, 1, 31)), (V{}));
  // the story keys of January's story were dropped from the copy: read again, with their story
  auto rows = a->stories_with_keys({"n:Town 1", "c:KRS"}, day(2025, 1, 1), day(2025, 1, 31));
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2U);
  EXPECT_EQ((*rows)[0].second, "n:Town 1");
  EXPECT_EQ((*rows)[1], (std::pair<int64_t, std::string>{(*rows)[0].first, "c:KRS"}));
  ASSERT_TRUE(a->commit().ok());
}

// stories_with_keys inside a transaction answers from the writer's copy of the story rows: it must follow
// file_in_story (new stories, new keys, widened dates), forget what a rollback undid, and see another
// connection's commits.
TEST_F(StoreFiles, StoriesWithKeysFollowsFilingRollbacksAndOtherConnections) {
  const auto day = [](int y, unsigned m, unsigned d) { return Date::ymd(y, m, d); };
  const std::string path = file("stories.db");
  auto a = open_ok(path);
  ASSERT_NE(a, nullptr);
  const std::vector<Document> docs = synthetic("st", 3);
  put_all(*a, docs);
  using Rows = std::vector<std::pair<int64_t, std::string>>;
  auto rows = [](Store& s, const std::vector<std::string>& keys, Date from, Date to) {
    auto r = s.stories_with_keys(keys, from, to);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
    return r.ok() ? *r : Rows{};
  };
  ASSERT_TRUE(a->begin().ok());
  EXPECT_TRUE(rows(*a, {"c:KRS"}, day(2024, 5, 1), day(2024, 5, 31)).empty());
  auto undone = a->file_in_story(0, docs[0].hash, "undone", day(2024, 5, 2), {"c:KRS"});
  ASSERT_TRUE(undone.ok());
  EXPECT_EQ(rows(*a, {"c:KRS"}, day(2024, 5, 1), day(2024, 5, 31)), (Rows{{*undone, "c:KRS"}}));
  a->rollback();
  ASSERT_TRUE(a->begin().ok());
  EXPECT_TRUE(rows(*a, {"c:KRS"}, day(2024, 5, 1), day(2024, 5, 31)).empty());
  auto story = a->file_in_story(0, docs[0].hash, "kept", day(2024, 5, 2), {"c:KRS", "n:Envoy"});
  ASSERT_TRUE(story.ok());
  // outside its dates, then inside them once a later article widens them
  EXPECT_TRUE(rows(*a, {"c:KRS"}, day(2024, 6, 1), day(2024, 6, 30)).empty());
  ASSERT_TRUE(a->file_in_story(*story, docs[1].hash, "", day(2024, 6, 10), {"c:KRS", "d:KRS|"}).ok());
  EXPECT_EQ(rows(*a, {"c:KRS", "d:KRS|", "n:Other"}, day(2024, 6, 1), day(2024, 6, 30)),
            (Rows{{*story, "c:KRS"}, {*story, "d:KRS|"}}));
  ASSERT_TRUE(a->commit().ok());
  // another connection files the third article in a story of its own between two transactions of the first
  int64_t theirs = 0;
  {
    auto b = open_ok(path);
    ASSERT_NE(b, nullptr);
    ASSERT_TRUE(b->begin().ok());
    auto filed = b->file_in_story(0, docs[2].hash, "theirs", day(2024, 6, 12), {"c:KRS"});
    ASSERT_TRUE(filed.ok());
    theirs = *filed;
    ASSERT_TRUE(b->commit().ok());
  }
  // a read of the event index outside a transaction notices the other commit first: that must not
  // leave the story rows copied before it in use
  ASSERT_TRUE(a->events_by_key("190|KRS|", day(2024, 6, 1), day(2024, 6, 30), {}).ok());
  ASSERT_TRUE(a->begin().ok());
  EXPECT_EQ(rows(*a, {"c:KRS"}, day(2024, 6, 1), day(2024, 6, 30)), (Rows{{theirs, "c:KRS"}, {*story, "c:KRS"}}));
  ASSERT_TRUE(a->commit().ok());
  // outside a transaction the store is read as it is
  EXPECT_EQ(rows(*a, {"c:KRS"}, day(2024, 6, 1), day(2024, 6, 30)), (Rows{{theirs, "c:KRS"}, {*story, "c:KRS"}}));
}

// file_in_story keeps the writer's copy of the story rows right also when that copy has aged into the older
// generation (set_writer_cache_limits): the next read in a transaction sees the new key and the widened dates.
TEST_F(StoreFiles, FilingIntoAStoryWhoseCopiedRowsAgedIsSeenByTheNextRead) {
  const auto day = [](int y, unsigned m, unsigned d) { return Date::ymd(y, m, d); };
  auto a = open_ok(file("aged.db"));
  ASSERT_NE(a, nullptr);
  a->set_writer_cache_limits(1000, 3);
  const std::vector<Document> docs = synthetic("ag", 4);
  put_all(*a, docs);
  using Rows = std::vector<std::pair<int64_t, std::string>>;
  auto rows = [&](const std::vector<std::string>& keys, Date from, Date to) {
    auto r = a->stories_with_keys(keys, from, to);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
    return r.ok() ? *r : Rows{};
  };
  ASSERT_TRUE(a->begin().ok());
  EXPECT_TRUE(rows({"c:KRS", "n:Envoy", "n:Harbour", "n:Pier"}, day(2024, 5, 1), day(2024, 5, 31)).empty());
  auto first = a->file_in_story(0, docs[0].hash, "first", day(2024, 5, 2), {"c:KRS", "n:Envoy"});
  auto second = a->file_in_story(0, docs[1].hash, "second", day(2024, 5, 3), {"n:Harbour"});
  auto third = a->file_in_story(0, docs[2].hash, "third", day(2024, 5, 4), {"n:Pier"});
  ASSERT_TRUE(first.ok() && second.ok() && third.ok());
  ASSERT_TRUE(a->commit().ok());  // four keys and three stories copied: both copies age
  ASSERT_TRUE(a->begin().ok());
  // filed before any read: the rows are found only in the older generation
  ASSERT_TRUE(a->file_in_story(*first, docs[3].hash, "", day(2024, 6, 10), {"c:KRS", "n:Harbour"}).ok());
  EXPECT_EQ(rows({"n:Harbour"}, day(2024, 5, 1), day(2024, 6, 30)),
            (Rows{{*second, "n:Harbour"}, {*first, "n:Harbour"}}));
  EXPECT_EQ(rows({"c:KRS"}, day(2024, 6, 1), day(2024, 6, 30)), (Rows{{*first, "c:KRS"}}));
  ASSERT_TRUE(a->commit().ok());
  // the stored rows say the same outside a transaction
  EXPECT_EQ(rows({"c:KRS"}, day(2024, 6, 1), day(2024, 6, 30)), (Rows{{*first, "c:KRS"}}));
}

TEST_F(StoreFiles, ReopenPersistence) {
  const std::string path = file("events.db");
  auto docs = synthetic("p", 5);
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    put_all(*store, docs);
  }
  EXPECT_EQ(raw_query(path, "PRAGMA journal_mode"), "wal");
  auto store = open_ok(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), kSchemaVersion);
  for (const auto& d : docs) EXPECT_TRUE(store->contains(d.hash));
  StoreCounts c = store->counts();
  EXPECT_EQ(c.articles, 5U);
  EXPECT_EQ(c.events, 10U);
  EXPECT_EQ(c.entities, 5U);
  auto ev = store->events({});
  ASSERT_TRUE(ev.ok());
  EXPECT_EQ(ev->size(), 10U);
}

TEST_F(StoreFiles, NotADatabaseIsErrorNamingPath) {
  const std::string path = file("notes.txt");
  {
    std::ofstream f(path);
    f << "This is a plain text file, long enough to fill a database header and more besides, "
         "so SQLite reads it and finds no magic string at the start of it.\n";
  }
  auto r = Store::open(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().file, path);
  EXPECT_NE(r.error().str().find(path), std::string::npos);
  EXPECT_NE(r.error().message.find("file is not a database"), std::string::npos) << r.error().str();
}

TEST_F(StoreFiles, NewerSchemaIsError) {
  const std::string path = file("future.db");
  raw_query(path, "PRAGMA user_version=" + std::to_string(kSchemaVersion + 1));
  ASSERT_EQ(raw_query(path, "PRAGMA user_version"), std::to_string(kSchemaVersion + 1));
  auto r = Store::open(path);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("newer"), std::string::npos) << r.error().str();
  EXPECT_EQ(r.error().file, path);
}

TEST_F(StoreFiles, MigratesFromEmptyFile) {
  const std::string path = file("empty.db");
  { std::ofstream f(path); }
  ASSERT_EQ(fs::file_size(path), 0U);
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->schema_version(), kSchemaVersion);
    put_all(*store, synthetic("mig", 2));
    EXPECT_EQ(store->counts().articles, 2U);
  }
  EXPECT_EQ(raw_query(path, "PRAGMA user_version"), std::to_string(kSchemaVersion));
  EXPECT_EQ(raw_query(path, "SELECT count(*) FROM sqlite_schema WHERE type='table' AND name='mentions'"), "1");
}

TEST_F(StoreFiles, MigrationKeepsForeignTablesOfAVersionZeroDatabase) {
  const std::string path = file("v0.db");
  raw_query(path, "CREATE TABLE notes (x TEXT)");
  raw_query(path, "INSERT INTO notes VALUES ('kept')");
  auto store = open_ok(path);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->schema_version(), kSchemaVersion);
  store.reset();
  EXPECT_EQ(raw_query(path, "SELECT x FROM notes"), "kept");
}

// A document with two entities and every kind of reference to them.
Document with_references(const std::string& id) {
  DocBuilder b(id, "outlet", "Minister Ilse Varga met Dorn Bank officials. She said the bank would lend more.",
               Date::ymd(2024, 6, 3));
  Entity varga;
  varga.type = EntityType::person;
  varga.span = b.span_of("Ilse Varga");
  varga.canonical = "Ilse Varga";
  Entity bank;
  bank.type = EntityType::organization;
  bank.span = b.span_of("Dorn Bank");
  bank.canonical = "Dorn Bank";
  bank.code = "XYZBUS";
  b.doc.entities = {varga, bank};
  auto ref = [&](std::string_view words, ReferenceKind kind, int32_t entity, int32_t mention, std::string rule,
                 uint32_t first, uint32_t end) {
    EntityReference r;
    r.span = b.span_of(words);
    r.sentence = b.sentence_of(r.span);
    r.first_token = first;
    r.token_end = end;
    r.kind = kind;
    r.entity = entity;
    r.mention = mention;
    r.rule = std::move(rule);
    b.doc.references.push_back(r);
  };
  ref("Ilse Varga", ReferenceKind::name, 0, -1, "name:title", 1, 3);
  ref("Dorn Bank", ReferenceKind::name, 1, 0, "banks.tsv:7", 4, 6);
  ref("She", ReferenceKind::pronoun, 0, -1, "pronoun", 8, 9);
  ref("bank", ReferenceKind::role, 1, -1, "test-role", 11, 12);
  return std::move(b.doc);
}

void expect_same_references(const std::vector<EntityReference>& got, const std::vector<EntityReference>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(got[i].span.offset, want[i].span.offset) << i;
    EXPECT_EQ(got[i].span.length, want[i].span.length) << i;
    EXPECT_EQ(got[i].sentence, want[i].sentence) << i;
    EXPECT_EQ(got[i].first_token, want[i].first_token) << i;
    EXPECT_EQ(got[i].token_end, want[i].token_end) << i;
    EXPECT_EQ(got[i].kind, want[i].kind) << i;
    EXPECT_EQ(got[i].entity, want[i].entity) << i;
    EXPECT_EQ(got[i].mention, want[i].mention) << i;
    EXPECT_EQ(got[i].rule, want[i].rule) << i;
  }
}

// A merged report refines the stored date only when it names a date of its own (basis "expression...") and the
// stored one does not; every report bumps the counters.
TEST(Store, MergedReportsRefineADateOnlyFromAnExpression) {
  auto store = open_ok(":memory:");
  ASSERT_NE(store, nullptr);
  auto report = [&](const std::string& article, const Date& date, const std::string& basis) {
    DocBuilder b(article, "outlet-" + article, "Envoys of Ruritania met in the capital.", Date::ymd(2024, 5, 2));
    b.event("shared-event", "040", "met", "RURGOV", "Envoys of Ruritania", date).date_basis = basis;
    put_all(*store, {b.doc});
    EventQuery q;
    q.id = "shared-event";
    auto got = store->events(q);
    EXPECT_TRUE(got.ok());
    EXPECT_EQ(got->size(), 1U);
    return got->empty() ? StoredEvent{} : got->front();
  };
  StoredEvent e = report("a", Date::ymd(2024, 5, 1), "article");
  EXPECT_EQ(e.event.date.iso(), "2024-05-01");
  e = report("b", Date::ymd(2024, 5, 3), "article");  // no expression: the date stays
  EXPECT_EQ(e.event.date.iso(), "2024-05-01");
  EXPECT_EQ(e.event.date_basis, "article");
  EXPECT_EQ(e.num_mentions, 2U);
  e = report("c", Date::ymd(2024, 4, 29), "expression:weekday");  // named: refined
  EXPECT_EQ(e.event.date.iso(), "2024-04-29");
  EXPECT_EQ(e.event.date_basis, "expression:weekday");
  e = report("d", Date::ymd(2024, 4, 28), "expression:weekday");  // already from an expression: kept
  EXPECT_EQ(e.event.date.iso(), "2024-04-29");
  e = report("e", Date{}, "expression:weekday");  // no date: kept
  EXPECT_EQ(e.event.date.iso(), "2024-04-29");
  EXPECT_EQ(e.num_mentions, 5U);
  EXPECT_EQ(e.num_articles, 5U);
  EXPECT_EQ(e.num_sources, 5U);
  // The date index follows the refined date.
  auto on = [&](const Date& d) {
    EventQuery q;
    q.from = d;
    q.to = d;
    auto got = store->events(q);
    EXPECT_TRUE(got.ok());
    return got.ok() ? got->size() : 0U;
  };
  EXPECT_EQ(on(Date::ymd(2024, 4, 29)), 1U);
  EXPECT_EQ(on(Date::ymd(2024, 5, 1)), 0U);
}

TEST(Store, ReferencesRoundTrip) {
  auto store = open_ok(":memory:");
  ASSERT_NE(store, nullptr);
  Document doc = with_references("refs");
  put_all(*store, {doc});
  EXPECT_EQ(store->counts().references, 4U);
  auto got = store->entities(doc.hash);
  ASSERT_TRUE(got.ok()) << got.error().str();
  ASSERT_EQ(got->entities.size(), 2U);
  EXPECT_EQ(got->entities[0].canonical, "Ilse Varga");
  EXPECT_EQ(got->entities[1].type, EntityType::organization);
  EXPECT_EQ(got->entities[1].code, "XYZBUS");
  expect_same_references(got->references, doc.references);
  auto none = store->entities("no-such-hash");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->entities.empty());
  EXPECT_TRUE(none->references.empty());
}

TEST_F(StoreFiles, MigratesAVersion3StoreKeepingItsRows) {
  const std::string path = file("v3.db");
  Document old_doc = with_references("old");
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    put_all(*store, {old_doc});
  }
  // Back to version 3 as an older dyad left it: the version 5 tables, and no entity_mentions table.
  downgrade_to_v5(path);
  raw_query(path, "DROP TABLE entity_mentions");
  raw_query(path, "PRAGMA user_version=3");
  ASSERT_EQ(raw_query(path, "SELECT count(*) FROM sqlite_schema WHERE name='entity_mentions'"), "0");
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->schema_version(), kSchemaVersion);
    auto old_rows = store->entities(old_doc.hash);
    ASSERT_TRUE(old_rows.ok()) << old_rows.error().str();
    EXPECT_EQ(old_rows->entities.size(), 2U);   // kept
    EXPECT_TRUE(old_rows->references.empty());  // a version 3 store had none
    Document new_doc = with_references("new");
    put_all(*store, {new_doc});
    auto new_rows = store->entities(new_doc.hash);
    ASSERT_TRUE(new_rows.ok());
    expect_same_references(new_rows->references, new_doc.references);
    EXPECT_EQ(store->counts().articles, 2U);
  }
  EXPECT_EQ(raw_query(path, "PRAGMA user_version"), std::to_string(kSchemaVersion));
}

// Version 5 drops the indexes no query reads and puts the mode into the story stage's index; a version 4 store
// (with the old indexes) keeps its rows, answers the same queries after the upgrade, and takes new documents.
TEST_F(StoreFiles, MigratesAVersion4StoreDroppingUnusedIndexes) {
  const std::string path = file("v4.db");
  auto docs = synthetic("v4-", 6);
  std::vector<Document> first(docs.begin(), docs.begin() + 4);
  std::vector<Document> later(docs.begin() + 4, docs.end());
  std::vector<std::string> ids_before;
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    put_all(*store, first);
    auto ev = store->events({});
    ASSERT_TRUE(ev.ok());
    for (const StoredEvent& e : *ev) ids_before.push_back(e.event.id);
  }
  // Back to version 4 as an older dyad left it: the version 5 tables, with the indexes version 5 drops.
  downgrade_to_v5(path);
  const char* v4_indexes[] = {"CREATE INDEX events_cameo ON events(cameo)",
                              "CREATE INDEX events_source_code ON events(source_code)",
                              "CREATE INDEX events_target_code ON events(target_code)",
                              "CREATE INDEX entities_code ON entities(code)",
                              "CREATE INDEX stance_actor_code ON stance(actor_code)",
                              "DROP INDEX events_key_mode",
                              "CREATE INDEX events_match_key ON events(match_key, date)"};
  for (const char* sql : v4_indexes) raw_query(path, sql);
  raw_query(path, "PRAGMA user_version=4");
  const std::string count_indexes =
      "SELECT count(*) FROM sqlite_schema WHERE type='index' AND name IN ('events_cameo', 'events_source_code', "
      "'events_target_code', 'entities_code', 'stance_actor_code', 'events_match_key')";
  ASSERT_EQ(raw_query(path, count_indexes), "6");
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->schema_version(), kSchemaVersion);
    EXPECT_EQ(raw_query(path, count_indexes), "0");
    // The indexes the queries read are kept; the story stage's (match_key, mode, date) index went in version 7.
    EXPECT_EQ(raw_query(path,
                        "SELECT count(*) FROM sqlite_schema WHERE type='index' AND name IN ('events_date', "
                        "'mentions_article', 'entities_article')"),
              "3");
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'events_key_mode'"), "0");
    auto ev = store->events({});
    ASSERT_TRUE(ev.ok());
    std::vector<std::string> ids_after;
    for (const StoredEvent& e : *ev) ids_after.push_back(e.event.id);
    EXPECT_EQ(ids_after, ids_before);
    EventQuery by_cameo;
    by_cameo.cameo = first.front().events.front().cameo;
    auto some = store->events(by_cameo);
    ASSERT_TRUE(some.ok());
    EXPECT_FALSE(some->empty());
    // The story stage's lookup finds the migrated events.
    const Event& e1 = first.front().events.front();
    auto by_key = store->events_by_key(match_key(e1), e1.date, e1.date, {e1.mode});
    ASSERT_TRUE(by_key.ok()) << by_key.error().str();
    ASSERT_EQ(by_key->size(), 1U);
    EXPECT_EQ(by_key->front().id, e1.id);
    put_all(*store, later);
    EXPECT_EQ(store->counts().articles, docs.size());
    EXPECT_EQ(raw_query(path, "PRAGMA integrity_check"), "ok");
  }
  EXPECT_EQ(raw_query(path, "PRAGMA user_version"), std::to_string(kSchemaVersion));
}

// Everything the public queries show of a store's events, mentions and links, one line per row.
std::vector<std::string> public_view(Store& store) {
  std::vector<std::string> out;
  auto line = [](const StoredEvent& e) {
    return e.event.id + "|" + e.event.cameo + "|" + e.event.date.iso() + "|" + e.event.rule + "|" + e.article_id + "|" +
           std::to_string(e.event.span.offset) + "|" + e.sentence_text + "|" + std::to_string(e.num_mentions) + "/" +
           std::to_string(e.num_articles) + "/" + std::to_string(e.num_sources) + "|" + e.first_seen + ".." +
           e.last_seen;
  };
  EventQuery all;
  EventQuery each;
  each.each_mention = true;
  EventQuery second;
  second.article = "v5-shared-b";
  for (const EventQuery& q : {all, each, second}) {
    auto ev = store.events(q);
    EXPECT_TRUE(ev.ok());
    if (!ev.ok()) return out;
    for (const StoredEvent& e : *ev) out.push_back(line(e));
    auto n = store.count_events(q);
    EXPECT_TRUE(n.ok());
    out.push_back("count " + std::to_string(n.ok() ? *n : 0));
  }
  auto links = store.links();
  EXPECT_TRUE(links.ok());
  if (links.ok())
    for (const StoredLink& l : *links) out.push_back(l.relation + " " + line(l.expected) + " -> " + line(l.outcome));
  auto of = store.links_of_event("v5-1-e2");
  EXPECT_TRUE(of.ok());
  if (of.ok()) out.push_back("links of v5-1-e2: " + std::to_string(of->size()));
  const StoreCounts c = store.counts();
  out.push_back("counts " + std::to_string(c.articles) + " " + std::to_string(c.events) + " " +
                std::to_string(c.mentions) + " " + std::to_string(c.links));
  return out;
}

// Three reports of one shelling (event "v5-shell") by two outlets, published on 2, 3 and 6 May 2024: the stored
// events the migration tests upgrade and merge into.
struct ShellingReports {
  DocBuilder a, b, c;
};
ShellingReports shelling_reports() {
  ShellingReports r{
      DocBuilder("v5-shared-a", "Wire A", "Troops of Xland shelled the border town. Nothing else.",
                 Date::ymd(2024, 5, 3)),
      DocBuilder("v5-shared-b", "Wire B", "Earlier report. Troops of Xland shelled the border town, officials said.",
                 Date::ymd(2024, 5, 2)),
      DocBuilder("v5-shared-c", "Wire A", "Troops of Xland shelled the border town. They shelled it again at dusk.",
                 Date::ymd(2024, 5, 6))};
  for (DocBuilder* d : {&r.a, &r.b, &r.c})
    d->event("v5-shell", "195", "shelled the border town", "XLDMIL", "Troops of Xland", Date::ymd(2024, 5, 2));
  return r;
}

// Version 6 keys events by an integer in insertion order (events.seq) and mentions and links refer to it. A version 5
// store (mentions and links holding the text id) is rebuilt in place: the public queries answer the same rows in the
// same order after the upgrade, the child rows refer to the integer key, and new reports merge into the old events.
TEST_F(StoreFiles, MigratesAVersion5StoreToIntegerEventKeys) {
  const std::string path = file("v5.db");
  auto docs = synthetic("v5-", 5);
  // One event reported by three articles (two outlets), and one article reporting it twice.
  auto [a, b, c] = shelling_reports();
  c.event("v5-shell", "195", "shelled it again", "XLDMIL", "They", Date::ymd(2024, 5, 2));
  docs.push_back(a.doc);
  docs.push_back(b.doc);
  std::vector<std::string> before;
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    put_all(*store, docs);
    ASSERT_TRUE(store->link("confirms", "v5-1-e2", "v5-shell").ok());
    ASSERT_TRUE(store->link("contradicts", "v5-3-e2", "v5-1-e2").ok());
    before = public_view(*store);
  }
  ASSERT_GT(before.size(), 20U);
  downgrade_to_v5(path);
  ASSERT_EQ(raw_query(path, "PRAGMA user_version"), "5");
  ASSERT_EQ(raw_query(path, "SELECT typeof(event) FROM mentions LIMIT 1"), "text");
  ASSERT_EQ(raw_query(path, "SELECT count(*) FROM pragma_table_info('events') WHERE name = 'seq'"), "0");
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->schema_version(), kSchemaVersion);
    EXPECT_EQ(public_view(*store), before);
    // The children refer to the integer key; nothing dangles; the stored order (rowids) is kept.
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM mentions WHERE typeof(event) <> 'integer'"), "0");
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM links WHERE typeof(expected) <> 'integer'"), "0");
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM pragma_foreign_key_check"), "0");
    EXPECT_EQ(raw_query(path, "SELECT id FROM events ORDER BY seq LIMIT 1"), "v5-0-e1");
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_v6'"), "0");
    EXPECT_EQ(raw_query(path, "PRAGMA integrity_check"), "ok");
    // A later report merges into the migrated event: a mention, an article, no new outlet (Wire A).
    put_all(*store, {c.doc});
    EventQuery q;
    q.id = "v5-shell";
    auto got = store->events(q);
    ASSERT_TRUE(got.ok());
    ASSERT_EQ(got->size(), 1U);
    EXPECT_EQ((*got)[0].num_mentions, 4U);
    EXPECT_EQ((*got)[0].num_articles, 3U);
    EXPECT_EQ((*got)[0].num_sources, 2U);
    EXPECT_EQ((*got)[0].last_seen, "2024-05-06");
    EXPECT_EQ((*got)[0].article_id, "v5-shared-a");  // still the first mention stored
    // Links to migrated events are idempotent and new ones can be made.
    auto again = store->link("confirms", "v5-1-e2", "v5-shell");
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(*again);
    auto fresh = store->link("confirms", "v5-0-e2", "v5-shell");
    ASSERT_TRUE(fresh.ok());
    EXPECT_TRUE(*fresh);
    EXPECT_EQ(store->counts().links, 3U);
    auto of = store->links_of_event("v5-shell");
    ASSERT_TRUE(of.ok());
    ASSERT_EQ(of->size(), 2U);
    EXPECT_EQ((*of)[0].expected.event.id, "v5-1-e2");
    EXPECT_EQ((*of)[1].expected.event.id, "v5-0-e2");
  }
  EXPECT_EQ(raw_query(path, "PRAGMA user_version"), std::to_string(kSchemaVersion));
}

// Version 7 drops the story stage's (match_key, mode, date) index: the writer's in-memory index of each key's events
// answers events_by_key. A version 6 store (the index present) is upgraded in place: the index is gone, the public
// queries answer the same rows, the story stage's lookup finds the stored events and new reports merge into them.
TEST_F(StoreFiles, MigratesAVersion6StoreDroppingTheKeyIndex) {
  const std::string path = file("v6.db");
  auto docs = synthetic("v5-", 5);
  DocBuilder a("v5-shared-a", "Wire A", "Troops of Xland shelled the border town. Nothing else.",
               Date::ymd(2024, 5, 3));
  DocBuilder c("v5-shared-c", "Wire B", "Troops of Xland shelled the border town again.", Date::ymd(2024, 5, 6));
  for (DocBuilder* d : {&a, &c})
    d->event("v6-shell", "195", "shelled the border town", "XLDMIL", "Troops of Xland", Date::ymd(2024, 5, 2));
  docs.push_back(a.doc);
  const Event& shell = a.doc.events.front();
  auto lookup = [&](Store& store) {
    std::vector<std::string> out;
    auto r = store.events_by_key(match_key(shell), Date::ymd(2024, 5, 1), Date::ymd(2024, 5, 31), {});
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
    if (r.ok())
      for (const EventCandidate& e : *r) out.push_back(e.id + " " + e.date.iso());
    return out;
  };
  std::vector<std::string> before;
  std::vector<std::string> found_before;
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    put_all(*store, docs);
    ASSERT_TRUE(store->link("confirms", "v5-1-e2", "v6-shell").ok());
    before = public_view(*store);
    found_before = lookup(*store);
  }
  ASSERT_EQ(found_before, (V{"v6-shell 2024-05-02"}));
  // Back to version 6 as the previous dyad left it.
  downgrade_to_v7(path);
  raw_exec(path, "CREATE INDEX events_key_mode ON events(match_key, mode, date); PRAGMA user_version=6;");
  ASSERT_EQ(raw_query(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'events_key_mode'"), "1");
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->schema_version(), kSchemaVersion);
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'events_key_mode'"), "0");
    EXPECT_EQ(public_view(*store), before);
    EXPECT_EQ(lookup(*store), found_before);
    put_all(*store, {c.doc});
    EventQuery q;
    q.id = "v6-shell";
    auto got = store->events(q);
    ASSERT_TRUE(got.ok());
    ASSERT_EQ(got->size(), 1U);
    EXPECT_EQ((*got)[0].num_mentions, 2U);
    EXPECT_EQ((*got)[0].num_sources, 2U);
    EXPECT_EQ(raw_query(path, "PRAGMA integrity_check"), "ok");
  }
  EXPECT_EQ(raw_query(path, "PRAGMA user_version"), std::to_string(kSchemaVersion));
}

// Schema v8: a stored event's "e:" story key is a story_events row by the event's integer key; any other key, and an
// "e:" key of an event that is not stored, stays a story_keys row. Both read back alike, inside a transaction (the
// writer's copy) and outside it (SQL), and filing again does not add a row a story holds.
TEST_F(StoreFiles, EventStoryKeysAreRowsByIntegerKey) {
  const std::string path = file("story-events.db");
  auto a = open_ok(path);
  ASSERT_NE(a, nullptr);
  const std::vector<Document> docs = synthetic("se", 3);
  put_all(*a, docs);
  using Rows = std::vector<std::pair<int64_t, std::string>>;
  auto rows = [](Store& s, const std::vector<std::string>& keys) {
    auto r = s.stories_with_keys(keys, Date::ymd(2024, 5, 1), Date::ymd(2024, 5, 31));
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
    return r.ok() ? *r : Rows{};
  };
  const std::vector<std::string> keys = {"e:se0-e1", "e:se0-e2", "e:not-stored", "c:RUR"};
  ASSERT_TRUE(a->begin().ok());
  auto first = a->file_in_story(0, docs[0].hash, "first", Date::ymd(2024, 5, 1), keys);
  ASSERT_TRUE(first.ok());
  auto second = a->file_in_story(0, docs[1].hash, "second", Date::ymd(2024, 5, 2), {"e:se0-e1", "e:se1-e1"});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(rows(*a, {"e:se0-e1", "e:not-stored", "e:se1-e1"}),
            (Rows{{*second, "e:se0-e1"}, {*first, "e:se0-e1"}, {*first, "e:not-stored"}, {*second, "e:se1-e1"}}));
  ASSERT_TRUE(a->file_in_story(*second, docs[2].hash, "", Date::ymd(2024, 5, 3), {"e:se1-e1"}).ok());
  ASSERT_TRUE(a->commit().ok());
  EXPECT_EQ(raw_query(path, "SELECT group_concat(key, ' ') FROM (SELECT key FROM story_keys ORDER BY key)"),
            "c:RUR e:not-stored");
  EXPECT_EQ(raw_query(path, "SELECT count(*) FROM story_events"), "4");
  // outside a transaction, by SQL: the same rows
  EXPECT_EQ(rows(*a, {"e:se0-e1", "e:not-stored", "e:se1-e1"}),
            (Rows{{*second, "e:se0-e1"}, {*first, "e:se0-e1"}, {*first, "e:not-stored"}, {*second, "e:se1-e1"}}));
}

// A version 7 store keeps every story key in story_keys; the upgrade moves the keys of stored events into
// story_events and leaves the rest, and the stories read back the same.
TEST_F(StoreFiles, MigratesAVersion7StoreMovingEventKeys) {
  const std::string path = file("v7.db");
  const std::vector<Document> docs = synthetic("v7-", 3);
  using Rows = std::vector<std::pair<int64_t, std::string>>;
  const std::vector<std::string> asked = {"e:v7-0-e1", "e:v7-0-e2", "e:v7-1-e1", "e:gone", "n:Envoy", "c:RUR"};
  auto rows = [&](Store& s) {
    auto r = s.stories_with_keys(asked, Date::ymd(2024, 5, 1), Date::ymd(2024, 5, 31));
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
    return r.ok() ? *r : Rows{};
  };
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    put_all(*store, docs);
  }
  // The stories as version 7 wrote them: its tables, its DDL, every key a story_keys row.
  downgrade_to_v8(path);
  raw_exec(path, R"sql(
DROP TABLE story_events;
INSERT INTO stories (id, title, first_date, last_date, articles) VALUES (1, 'one', '2024-05-01', '2024-05-01', 1),
  (2, 'two', '2024-05-02', '2024-05-02', 1);
INSERT INTO story_articles (story, article) VALUES (1, 1), (2, 2);
INSERT INTO story_keys (key, story) VALUES ('e:v7-0-e1', 1), ('e:v7-0-e2', 1), ('c:RUR', 1), ('e:v7-1-e1', 1),
  ('e:v7-0-e1', 2), ('e:gone', 2), ('n:Envoy', 2);
PRAGMA user_version=7;
)sql");
  const int64_t first = 1;
  const int64_t second = 2;
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->schema_version(), kSchemaVersion);
    EXPECT_EQ(raw_query(path, "SELECT group_concat(key, ' ') FROM (SELECT key FROM story_keys ORDER BY key)"),
              "c:RUR e:gone n:Envoy");
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM story_events"), "4");
    Rows sorted = rows(*store);  // outside a transaction (SQL); newest story first per key
    EXPECT_EQ(sorted, (Rows{{second, "e:v7-0-e1"},
                            {first, "e:v7-0-e1"},
                            {first, "e:v7-0-e2"},
                            {first, "e:v7-1-e1"},
                            {second, "e:gone"},
                            {second, "n:Envoy"},
                            {first, "c:RUR"}}));
    ASSERT_TRUE(store->begin().ok());
    EXPECT_EQ(rows(*store), sorted);  // the writer's copy
    // a key a story holds is not added again; a new one is an integer-key row
    ASSERT_TRUE(store->file_in_story(second, docs[2].hash, "", Date::ymd(2024, 5, 3), {"e:v7-0-e1", "e:v7-2-e1"}).ok());
    ASSERT_TRUE(store->commit().ok());
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM story_events"), "5");
    EXPECT_EQ(raw_query(path, "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(raw_query(path, "PRAGMA foreign_key_check"), "");
  }
}

// The writer's index of each key's events only ever names rows to read: a row that was rolled back, and a later row
// of another key that took its rowid, are not answered for the first key; events of one key years apart are found
// by the windows that reach them, and only by those.
TEST_F(StoreFiles, EventsByKeyChecksEveryRowTheIndexNames) {
  const auto day = [](int y, unsigned m, unsigned d) { return Date::ymd(y, m, d); };
  const std::string path = file("reuse.db");
  auto store = open_ok(path);
  ASSERT_NE(store, nullptr);
  auto ids_in = [&](const std::string& key, Date from, Date to) {
    std::vector<std::string> out;
    auto r = store->events_by_key(key, from, to, {});
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
    if (r.ok())
      for (const auto& e : *r) out.push_back(e.id);
    return out;
  };
  auto doc = [](const std::string& id, const std::string& event_id, const std::string& cameo, Date date) {
    DocBuilder b(id, "Wire", "Kirosian troops shelled the border town.", date);
    b.event(event_id, cameo, "shelled", "KRSMIL", "Kirosian troops", date);
    return b.doc;
  };
  ASSERT_TRUE(store->begin().ok());
  EXPECT_TRUE(ids_in("190|KRS|", day(2025, 3, 1), day(2025, 3, 5)).empty());  // loads the (empty) index
  ASSERT_TRUE(store->put(doc("r1", "shell-gone", "190", day(2025, 3, 3))).ok());
  EXPECT_EQ(ids_in("190|KRS|", day(2025, 3, 1), day(2025, 3, 5)), (V{"shell-gone"}));
  store->rollback();
  EXPECT_TRUE(ids_in("190|KRS|", day(2025, 3, 1), day(2025, 3, 5)).empty());
  ASSERT_TRUE(store->begin().ok());
  // the next event row takes the rolled-back row's rowid
  ASSERT_TRUE(store->put(doc("r2", "arrest-1", "173", day(2025, 3, 3))).ok());
  EXPECT_TRUE(ids_in("190|KRS|", day(2025, 3, 1), day(2025, 3, 5)).empty());
  EXPECT_EQ(ids_in("173|KRS|", day(2025, 3, 1), day(2025, 3, 5)), (V{"arrest-1"}));
  // the same key two years apart, and a year-precision event between
  ASSERT_TRUE(store->put(doc("r3", "shell-old", "190", day(2023, 1, 31))).ok());
  ASSERT_TRUE(store->put(doc("r4", "shell-new", "190", day(2025, 2, 1))).ok());
  ASSERT_TRUE(store->put(doc("r5", "shell-year", "190", Date{2024, 0, 0, DatePrecision::year})).ok());
  ASSERT_TRUE(store->commit().ok());
  EXPECT_EQ(ids_in("190|KRS|", day(2023, 1, 31), day(2023, 1, 31)), (V{"shell-old"}));
  EXPECT_EQ(ids_in("190|KRS|", day(2023, 2, 1), day(2023, 12, 31)), V{});
  EXPECT_EQ(ids_in("190|KRS|", day(2024, 12, 31), day(2025, 2, 1)), (V{"shell-new", "shell-year"}));
  EXPECT_EQ(ids_in("190|KRS|", day(2023, 1, 1), day(2025, 12, 31)), (V{"shell-old", "shell-new", "shell-year"}));
  // the premise: the rolled-back row was the first event row, and the arrest took its rowid
  EXPECT_EQ(raw_query(path, "SELECT seq FROM events WHERE id = 'arrest-1'"), "1");
}

// A merged report of an event the transaction has read (events_by_key) or written is filed without a second INSERT
// and a SELECT by id (put_event's map of seen ids): the counters are those of any merged report, and a rollback
// forgets what it read, so an event whose row was rolled back and whose rowid went to another event is new again.
TEST_F(StoreFiles, MergedReportsOfEventsTheTransactionHasSeen) {
  const auto day = [](int y, unsigned m, unsigned d) { return Date::ymd(y, m, d); };
  const std::string path = file("seen.db");
  auto store = open_ok(path);
  ASSERT_NE(store, nullptr);
  auto doc = [](const std::string& id, const std::string& outlet, const std::string& event_id, Date date) {
    DocBuilder b(id, outlet, "Kirosian troops shelled the border post " + id + ".", date);
    b.event(event_id, "195", "shelled", "KRSMIL", "Kirosian troops", date);
    return b.doc;
  };
  const auto read = [&](const std::string& key) {
    auto r = store->events_by_key(key, day(2025, 4, 1), day(2025, 4, 30), {});
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
    return r.ok() ? r->size() : size_t{0};
  };
  ASSERT_TRUE(store->begin().ok());
  ASSERT_TRUE(store->put(doc("s1", "Wire A", "post-shelled", day(2025, 4, 2))).ok());
  EXPECT_EQ(read("195|KRS|"), 1U);
  ASSERT_TRUE(store->put(doc("s2", "Wire B", "post-shelled", day(2025, 4, 2))).ok());  // read, then merged
  ASSERT_TRUE(store->commit().ok());
  ASSERT_TRUE(store->begin().ok());
  EXPECT_EQ(read("195|KRS|"), 1U);
  ASSERT_TRUE(store->put(doc("s3", "Wire A", "post-shelled", day(2025, 4, 3))).ok());
  ASSERT_TRUE(store->commit().ok());
  auto got = store->events({});
  ASSERT_TRUE(got.ok());
  ASSERT_EQ(got->size(), 1U);
  EXPECT_EQ((*got)[0].num_mentions, 3U);
  EXPECT_EQ((*got)[0].num_articles, 3U);
  EXPECT_EQ((*got)[0].num_sources, 2U);
  EXPECT_EQ((*got)[0].last_seen, "2025-04-03");

  // Read inside a transaction that is rolled back: the row and what was read of it are gone. The next document's
  // first event takes the rolled-back rowid, and its second is the rolled-back event, new again.
  ASSERT_TRUE(store->begin().ok());
  ASSERT_TRUE(store->put(doc("s4", "Wire A", "gone", day(2025, 4, 5))).ok());
  EXPECT_EQ(read("195|KRS|"), 2U);
  store->rollback();
  ASSERT_TRUE(store->begin().ok());
  DocBuilder both("s5", "Wire B", "Kirosian police arrested a smuggler. Kirosian troops shelled the post.",
                  day(2025, 4, 6));
  both.event("other", "173", "arrested", "KRSCOP", "Kirosian police", day(2025, 4, 6));
  both.event("gone", "195", "shelled", "KRSMIL", "Kirosian troops", day(2025, 4, 5));
  ASSERT_TRUE(store->put(both.doc).ok());
  ASSERT_TRUE(store->commit().ok());
  EXPECT_EQ(raw_query(path, "SELECT seq FROM events WHERE id = 'other'"), "2");  // the premise: the reused rowid
  EXPECT_EQ(raw_query(path, "SELECT seq FROM events WHERE id = 'gone'"), "3");
  EXPECT_EQ(store->counts().events, 3U);
  EXPECT_EQ(store->counts().mentions, 5U);
  for (const std::string id : {"other", "gone"}) {
    EventQuery q;
    q.id = id;
    got = store->events(q);
    ASSERT_TRUE(got.ok());
    ASSERT_EQ(got->size(), 1U) << id;
    EXPECT_EQ((*got)[0].num_mentions, 1U) << id;
    EXPECT_EQ((*got)[0].article_id, "s5") << id;
  }
}

// A band holds the first kMaxBandArticles articles stored with it (story/dedup.h): a band shared by more is
// boilerplate, and later articles are not added to it. Here every article shares bands 0 and 1 with `common` (a
// template's sentences) and has bands of its own. The article after the first kMaxBandArticles enters only its own
// bands: a lookup by the template finds the first kMaxBandArticles, and a copy of that article (sharing its own bands)
// still finds it. What the bound loses: a copy that shares only the full bands with it does not.
TEST_F(StoreFiles, ABandHoldsAtMostItsFirstArticles) {
  const std::string path = file("bound.db");
  auto store = Store::open(path);
  ASSERT_TRUE(store.ok());
  std::vector<uint32_t> common(kMinHashSize);
  for (size_t i = 0; i < common.size(); ++i) common[i] = static_cast<uint32_t>(4100 + 13 * i);
  const size_t per_band = kMinHashSize / kBands;
  const auto own = [&](uint32_t article) {  // bands 0 and 1 of the template, bands 2-7 its own
    std::vector<uint32_t> f = common;
    for (size_t band = 2; band < kBands; ++band) f[band * per_band] += 1000 * (article + 1);
    return f;
  };
  std::vector<Document> docs;
  for (uint32_t i = 0; i <= kMaxBandArticles; ++i) {
    DocBuilder b("tpl-" + std::to_string(i), "Harbor Wire", "Template piece number " + std::to_string(i) + ".");
    b.doc.fingerprint = own(i);
    docs.push_back(b.doc);
  }
  put_all(**store, {docs.begin(), docs.begin() + 40});  // two batches: the count goes on across commits
  put_all(**store, {docs.begin() + 40, docs.end()});
  const auto ids = [&](const std::vector<uint32_t>& query) {
    std::vector<std::string> out;
    auto r = (*store)->fingerprint_matches(query, kMinSharedBands);
    EXPECT_TRUE(r.ok());
    if (r.ok())
      for (const FingerprintMatch& m : *r) out.push_back(m.hash);
    return out;
  };
  const Document& last = docs.back();
  const int64_t band0 = lsh_bands(common)[0];
  EXPECT_EQ(raw_query(path, "SELECT (SELECT count(*) FROM article_bands_recent WHERE band = " + std::to_string(band0) +
                                ") + (SELECT count(*) FROM article_bands WHERE band = " + std::to_string(band0) + ")"),
            std::to_string(kMaxBandArticles));
  EXPECT_EQ(raw_query(path,
                      "SELECT count(*) FROM article_bands_recent b JOIN articles a ON a.seq = b.article "
                      "WHERE a.hash = '" +
                          last.hash + "'"),
            std::to_string(kBands - 2));
  std::vector<std::string> first;
  for (size_t i = 0; i < kMaxBandArticles; ++i) first.push_back(docs[i].hash);
  EXPECT_EQ(ids(common), first);

  std::vector<uint32_t> copy = last.fingerprint;  // one position changed: resemblance 31/32
  copy[kMinHashSize - 1] += 7;
  std::vector<std::string> want = first;
  want.push_back(last.hash);
  EXPECT_EQ(ids(copy), want);

  std::vector<uint32_t> template_only = last.fingerprint;  // shares bands 0 and 1 with it, nothing else
  for (size_t band = 2; band < kBands; ++band) template_only[band * per_band] += 5;
  EXPECT_EQ(ids(template_only), first);
}

TEST(Store, FingerprintMatchesKeepArticlesSharingEnoughBands) {
  auto store = Store::open(":memory:");
  ASSERT_TRUE(store.ok());
  std::vector<uint32_t> query(kMinHashSize);
  for (size_t i = 0; i < query.size(); ++i) query[i] = static_cast<uint32_t>(500 + 3 * i);
  const size_t per_band = kMinHashSize / kBands;
  // shares the bands [0, shared) with the query, none after
  auto sharing = [&](size_t shared) {
    std::vector<uint32_t> f = query;
    for (size_t band = shared; band < kBands; ++band) f[band * per_band] += 100;
    return f;
  };
  std::vector<Document> docs;
  for (size_t shared : {1U, 2U, 0U, 3U}) {
    DocBuilder b("fp-" + std::to_string(shared), "Wire", "Text of article " + std::to_string(shared) + ".");
    b.doc.fingerprint = sharing(shared);
    docs.push_back(b.doc);
  }
  put_all(**store, docs);
  auto ids = [&](size_t min_bands) {
    std::vector<std::string> out;
    auto r = (*store)->fingerprint_matches(query, min_bands);
    EXPECT_TRUE(r.ok());
    if (r.ok())
      for (const FingerprintMatch& m : *r) out.push_back(m.hash);
    return out;
  };
  const auto hash_of = [&](size_t i) { return docs[i].hash; };
  EXPECT_EQ(ids(1), (std::vector<std::string>{hash_of(0), hash_of(1), hash_of(3)}));
  EXPECT_EQ(ids(2), (std::vector<std::string>{hash_of(1), hash_of(3)}));
  EXPECT_EQ(ids(3), (std::vector<std::string>{hash_of(3)}));
  EXPECT_TRUE(ids(4).empty());
}

// Articles that share LSH bands with `query` in a known pattern, for the band-table tests below: band 0 is long (every
// article), band 1 long too (the first 90), band 5 short, and a few share a long and a short band. A band holds its
// first kMaxBandArticles articles only (story/dedup.h), so the later articles of bands 0 and 1 enter only their other
// bands; the expected matches and row counts follow that. The first n articles of a larger case are those of a
// smaller one.
struct BandCase {
  std::vector<uint32_t> query = std::vector<uint32_t>(kMinHashSize);
  std::vector<Document> docs;
  std::vector<std::string> want1, want2, want3;  // the hashes sharing at least 1 (2, 3) stored bands, oldest first
  size_t rows = 0;                               // band rows stored
  explicit BandCase(uint32_t n) {
    for (size_t i = 0; i < query.size(); ++i) query[i] = static_cast<uint32_t>(300 + 11 * i);
    const size_t per_band = kMinHashSize / kBands;
    std::vector<size_t> held(kBands, 0);  // articles in each of the query's bands
    for (uint32_t i = 0; i < n; ++i) {
      std::vector<size_t> keep = {0};
      if (i < 90) keep.push_back(1);
      if (i % 20 == 7) keep.push_back(5);
      if (i % 25 == 3) keep = {0, 6};
      std::vector<uint32_t> f = query;
      for (size_t band = 0; band < kBands; ++band)
        if (std::find(keep.begin(), keep.end(), band) == keep.end()) f[band * per_band] += 100 + i;
      DocBuilder b("band-" + std::to_string(i), "Wire", "Band article " + std::to_string(i) + ".");
      b.doc.fingerprint = f;
      docs.push_back(b.doc);
      size_t entered = 0;
      for (size_t band : keep)
        if (held[band] < kMaxBandArticles) ++held[band], ++entered;
      rows += kBands - keep.size() + entered;
      if (entered >= 1) want1.push_back(b.doc.hash);
      if (entered >= 2) want2.push_back(b.doc.hash);
      if (entered >= 3) want3.push_back(b.doc.hash);
    }
  }
  std::vector<std::string> matches(Store& store, size_t min_bands) const {
    std::vector<std::string> out;
    auto r = store.fingerprint_matches(query, min_bands);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
    if (r.ok())
      for (const FingerprintMatch& m : *r) out.push_back(m.hash);
    return out;
  }
};

// Schema v9: an article's band rows go to article_bands_recent; a commit that finds at least the limit there moves them
// into article_bands. The matches are the same wherever the rows are: all recent, some moved, inside a transaction.
TEST_F(StoreFiles, BandRowsMoveToTheLargeTableAtACommit) {
  const BandCase c(120);
  const std::string moved = file("moved.db");
  const std::string kept = file("kept.db");
  auto a = open_ok(moved);
  auto b = open_ok(kept);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  a->set_recent_band_limit(200);  // 25 articles' rows
  for (size_t i = 0; i < c.docs.size(); i += 10) {
    const std::vector<Document> batch(c.docs.begin() + static_cast<std::ptrdiff_t>(i),
                                      c.docs.begin() + static_cast<std::ptrdiff_t>(i + 10));
    put_all(*a, batch);
    put_all(*b, batch);
    EXPECT_LT(std::stoi(raw_query(moved, "SELECT count(*) FROM article_bands_recent")), 200) << i;
  }
  EXPECT_EQ(c.rows, 882U);  // 960 but for band 0 of articles 64-119 and band 1 of 67-89 but 78: full
  EXPECT_EQ(raw_query(kept, "SELECT count(*) FROM article_bands_recent"), std::to_string(c.rows));
  EXPECT_EQ(raw_query(kept, "SELECT count(*) FROM article_bands"), "0");
  // moves after the batches of articles 20-29 (240 rows), 50-59 (240) and 90-99 (262); 140 rows left
  EXPECT_EQ(raw_query(moved, "SELECT count(*) FROM article_bands"), "742");
  EXPECT_EQ(raw_query(moved, "SELECT count(*) FROM article_bands_recent"), "140");
  for (Store* s : {a.get(), b.get()}) {
    EXPECT_EQ(c.matches(*s, 2), c.want2);
    EXPECT_EQ(c.matches(*s, 3), c.want3);
    EXPECT_EQ(c.matches(*s, 1), c.want1);
  }
  // rows of both tables inside an open transaction: the moved ones and this batch's
  const BandCase more(140);
  ASSERT_TRUE(a->begin().ok());
  for (size_t i = 120; i < more.docs.size(); ++i) ASSERT_TRUE(a->put(more.docs[i]).ok());
  // articles 127 (bands 0 and 5) and 128 (bands 0 and 6) share one band only: band 0 was full
  EXPECT_EQ(more.want2, c.want2);
  EXPECT_EQ(more.want1.size(), c.want1.size() + 2);
  EXPECT_EQ(more.matches(*a, 2), more.want2);
  EXPECT_EQ(more.matches(*a, 1), more.want1);
  ASSERT_TRUE(a->commit().ok());
  EXPECT_EQ(raw_query(moved, "PRAGMA integrity_check"), "ok");
}

// A version 8 store keeps every band row in article_bands; the upgrade adds the empty recent table, and the matches
// are the same before, after, and with articles added since.
TEST_F(StoreFiles, MigratesAVersion8StoreKeepingItsBands) {
  const BandCase c(80);
  const std::string path = file("v8.db");
  const std::vector<Document> first(c.docs.begin(), c.docs.begin() + 50);
  const std::vector<Document> rest(c.docs.begin() + 50, c.docs.end());
  std::vector<std::string> before2, before3;
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    put_all(*store, first);
    before2 = c.matches(*store, 2);
    before3 = c.matches(*store, 3);
  }
  downgrade_to_v8(path);
  ASSERT_EQ(raw_query(path, "SELECT count(*) FROM article_bands"), "400");
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->schema_version(), kSchemaVersion);
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM article_bands_recent"), "0");
    EXPECT_EQ(c.matches(*store, 2), before2);
    EXPECT_EQ(c.matches(*store, 3), before3);
    put_all(*store, rest);
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM article_bands"), "400");
    // 240 but for band 0 of articles 64-79 and band 1 of 67-79 but 78: full
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM article_bands_recent"), std::to_string(c.rows - 400));
    EXPECT_EQ(c.matches(*store, 2), c.want2);
    EXPECT_EQ(c.matches(*store, 3), c.want3);
    EXPECT_EQ(raw_query(path, "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(raw_query(path, "PRAGMA foreign_key_check"), "");
  }
  EXPECT_EQ(raw_query(path, "PRAGMA user_version"), std::to_string(kSchemaVersion));
}

// Schema v10: every lookup of an article by hash and of an event by id, wherever its key row is: all in the recent
// tables (a store that never moves them), moved at every commit, and both inside an open transaction.
TEST_F(StoreFiles, KeyRowsMoveToTheSettledTablesAtACommit) {
  auto docs = synthetic("keys-", 12);
  // One event reported by articles of three batches, so merges find it in the recent and in the settled table.
  DocBuilder a("keys-shared-a", "Wire A", "Rebels of Yland seized the river port. Nothing else.",
               Date::ymd(2024, 6, 3));
  DocBuilder b("keys-shared-b", "Wire B", "Rebels of Yland seized the river port, witnesses said.",
               Date::ymd(2024, 6, 4));
  DocBuilder c("keys-shared-c", "Wire A", "Rebels of Yland seized the river port. They held it at night.",
               Date::ymd(2024, 6, 7));
  for (DocBuilder* d : {&a, &b, &c})
    d->event("keys-seize", "190", "seized the river port", "YLDREB", "Rebels of Yland", Date::ymd(2024, 6, 3));
  const std::vector<std::vector<Document>> batches = {{docs[0], docs[1], docs[2], docs[3], a.doc},
                                                      {docs[4], docs[5], docs[6], docs[7], b.doc},
                                                      {docs[8], docs[9], docs[10], docs[11], c.doc}};
  const std::string moved = file("moved.db");
  const std::string kept = file("kept.db");
  auto m = open_ok(moved);
  auto k = open_ok(kept);
  ASSERT_NE(m, nullptr);
  ASSERT_NE(k, nullptr);
  m->set_recent_key_limit(1);  // every commit moves every key row
  for (const auto& batch : batches) {
    put_all(*m, batch);
    put_all(*k, batch);
    EXPECT_EQ(raw_query(moved, "SELECT count(*) FROM event_ids_recent"), "0");
    EXPECT_EQ(raw_query(moved, "SELECT count(*) FROM article_hashes_recent"), "0");
  }
  EXPECT_EQ(raw_query(kept, "SELECT count(*) FROM article_hashes"), "0");
  EXPECT_EQ(raw_query(kept, "SELECT count(*) FROM article_hashes_recent"), "15");
  EXPECT_EQ(raw_query(moved, "SELECT count(*) FROM article_hashes"), "15");
  EXPECT_EQ(raw_query(kept, "SELECT count(*) FROM event_ids"), "0");
  EXPECT_EQ(raw_query(moved, "SELECT count(*) FROM event_ids_recent"), "0");
  EXPECT_EQ(raw_query(moved, "SELECT count(*) FROM event_ids"), raw_query(kept, "SELECT count(*) FROM events"));
  for (Store* s : {m.get(), k.get()}) {
    EventQuery q;
    q.id = "keys-seize";
    auto got = s->events(q);
    ASSERT_TRUE(got.ok());
    ASSERT_EQ(got->size(), 1U);
    EXPECT_EQ((*got)[0].num_mentions, 3U);
    EXPECT_EQ((*got)[0].num_articles, 3U);
    EXPECT_EQ((*got)[0].num_sources, 2U);
    EXPECT_EQ((*got)[0].last_seen, "2024-06-07");
    q.id = docs[5].events.at(0).id;
    auto one = s->events(q);
    ASSERT_TRUE(one.ok());
    ASSERT_EQ(one->size(), 1U);
    EXPECT_EQ((*one)[0].article_id, docs[5].article.id);
    for (const Document& d : {docs[0], docs[11], b.doc}) {
      EXPECT_TRUE(s->contains(d.hash)) << d.article.id;
      auto art = s->article(d.hash);
      ASSERT_TRUE(art.ok());
      ASSERT_TRUE(art->has_value()) << d.article.id;
      EXPECT_EQ((*art)->article.id, d.article.id);
      EXPECT_EQ((*art)->article.text, d.article.text);
      auto ents = s->entities(d.hash);
      ASSERT_TRUE(ents.ok());
      EXPECT_EQ(ents->entities.size(), d.entities.size());
    }
    EXPECT_FALSE(s->contains("0123456789abcdef0123456789abcdef"));
    auto links = s->link("confirms", docs[1].events.at(0).id, "keys-seize");
    ASSERT_TRUE(links.ok());
    EXPECT_TRUE(*links);
    EXPECT_FALSE(s->link("confirms", "keys-no-such-event", "keys-seize").ok());
    // Idempotence: the same batch again stores nothing, wherever its keys are.
    const StoreCounts before = s->counts();
    put_all(*s, batches[1]);
    const StoreCounts after = s->counts();
    EXPECT_EQ(after.articles, before.articles);
    EXPECT_EQ(after.events, before.events);
    EXPECT_EQ(after.mentions, before.mentions);
  }
  // Inside a transaction: this batch's keys are recent, the earlier ones settled; a merge and a re-put find both.
  DocBuilder d("keys-shared-d", "Wire C", "Rebels of Yland seized the river port again.", Date::ymd(2024, 6, 9));
  d.event("keys-seize", "190", "seized the river port", "YLDREB", "Rebels of Yland", Date::ymd(2024, 6, 3));
  auto more = synthetic("keys-more-", 2);
  ASSERT_TRUE(m->begin().ok());
  for (const Document& x : more) ASSERT_TRUE(m->put(x).ok());
  ASSERT_TRUE(m->put(d.doc).ok());
  EXPECT_TRUE(m->contains(more[1].hash));
  EXPECT_TRUE(m->contains(docs[3].hash));
  const size_t articles = m->counts().articles;
  ASSERT_TRUE(m->put(more[0]).ok());
  ASSERT_TRUE(m->put(docs[3]).ok());
  EXPECT_EQ(m->counts().articles, articles);
  EventQuery q;
  q.id = more[1].events.at(0).id;
  auto fresh = m->events(q);
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->size(), 1U);
  q.id = "keys-seize";
  auto merged = m->events(q);
  ASSERT_TRUE(merged.ok());
  ASSERT_EQ(merged->size(), 1U);
  EXPECT_EQ((*merged)[0].num_sources, 3U);
  ASSERT_TRUE(m->commit().ok());
  EXPECT_EQ(raw_query(moved, "SELECT count(*) FROM event_ids_recent"), "0");
  EXPECT_EQ(raw_query(moved, "SELECT count(*) FROM article_hashes"), "18");
  EXPECT_EQ(raw_query(moved, "SELECT count(*) FROM event_ids"), raw_query(moved, "SELECT count(*) FROM events"));
  EXPECT_EQ(raw_query(moved, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(raw_query(moved, "SELECT count(*) FROM pragma_foreign_key_check"), "0");
}

// Schema v11: key and band rows in the recent, the middle and the settled part at once answer as rows in one part.
// Three stores take the same batches: one never moves (small stores do not), one moves every row into the middle part,
// one spreads them over the three parts (recent moves of 4 rows, middle moves of 40).
TEST_F(StoreFiles, KeyRowsInThreePartsAnswerAsInOne) {
  auto docs = synthetic("v5-", 27);
  auto [a, b, c] = shelling_reports();
  const BandCase bands(54);
  std::vector<std::vector<Document>> batches;
  for (size_t i = 0; i < 8; ++i) {
    std::vector<Document> batch(docs.begin() + static_cast<std::ptrdiff_t>(3 * i),
                                docs.begin() + static_cast<std::ptrdiff_t>(3 * i + 3));
    for (size_t j = 6 * i; j < 6 * i + 6; ++j) batch.push_back(bands.docs[j]);
    if (i == 1) batch.push_back(a.doc);
    if (i == 4) batch.push_back(b.doc);
    if (i == 7) batch.push_back(c.doc);
    batches.push_back(batch);
  }
  const std::string kept = file("kept.db");
  const std::string middle = file("middle.db");
  const std::string spread = file("spread.db");
  auto k = open_ok(kept);
  auto m = open_ok(middle);
  auto s = open_ok(spread);
  ASSERT_NE(k, nullptr);
  ASSERT_NE(m, nullptr);
  ASSERT_NE(s, nullptr);
  m->set_recent_key_limit(1, 1000000);
  m->set_recent_band_limit(1, 1000000);
  s->set_recent_key_limit(4, 40);
  s->set_recent_band_limit(4, 100);
  for (const auto& batch : batches)
    for (Store* x : {k.get(), m.get(), s.get()}) put_all(*x, batch);
  // A last batch stays in the recent part of the spread store.
  s->set_recent_key_limit(1000, 1000);
  s->set_recent_band_limit(1000, 1000);
  batches.emplace_back(docs.begin() + 24, docs.end());
  batches.back().insert(batches.back().end(), bands.docs.begin() + 48, bands.docs.end());
  for (Store* x : {k.get(), m.get(), s.get()}) put_all(*x, batches.back());
  ASSERT_TRUE(k->link("confirms", "v5-1-e2", "v5-shell").ok());
  ASSERT_TRUE(m->link("confirms", "v5-1-e2", "v5-shell").ok());
  ASSERT_TRUE(s->link("confirms", "v5-1-e2", "v5-shell").ok());
  const std::string events = raw_query(kept, "SELECT count(*) FROM events");
  EXPECT_EQ(raw_query(kept, "SELECT count(*) FROM event_ids_recent"), events);
  EXPECT_EQ(raw_query(middle, "SELECT count(*) FROM event_ids_middle"), events);
  EXPECT_EQ(raw_query(middle, "SELECT count(*) FROM article_hashes_middle"), "84");
  EXPECT_EQ(raw_query(middle, "SELECT count(*) FROM article_bands_middle"), std::to_string(54 * kBands));
  for (const char* part : {"_recent", "_middle", ""}) {
    for (const char* table : {"event_ids", "article_hashes", "article_bands"}) {
      const std::string n = raw_query(spread, std::string("SELECT count(*) FROM ") + table + part);
      EXPECT_NE(n, "0") << table << part;
    }
  }
  EXPECT_EQ(raw_query(spread,
                      "SELECT (SELECT count(*) FROM event_ids_recent) + (SELECT count(*) FROM event_ids_middle) + "
                      "(SELECT count(*) FROM event_ids)"),
            events);
  const std::vector<std::string> want = public_view(*k);
  for (Store* x : {m.get(), s.get()}) {
    EXPECT_EQ(public_view(*x), want);
    EXPECT_EQ(bands.matches(*x, 2), bands.want2);
    EXPECT_EQ(bands.matches(*x, 3), bands.want3);
    for (const Document& d : docs) {
      EXPECT_TRUE(x->contains(d.hash)) << d.article.id;
      EventQuery q;
      q.id = d.events.at(1).id;
      auto one = x->events(q);
      ASSERT_TRUE(one.ok());
      ASSERT_EQ(one->size(), 1U) << q.id;
      EXPECT_EQ((*one)[0].article_id, d.article.id);
    }
    auto art = x->article(c.doc.hash);
    ASSERT_TRUE(art.ok());
    ASSERT_TRUE(art->has_value());
    EXPECT_EQ((*art)->article.text, c.doc.article.text);
    auto ents = x->entities(docs[5].hash);
    ASSERT_TRUE(ents.ok());
    EXPECT_EQ(ents->entities.size(), 1U);
    // The same batches again store nothing, wherever their keys are.
    const StoreCounts before = x->counts();
    for (const auto& batch : batches) put_all(*x, batch);
    const StoreCounts after = x->counts();
    EXPECT_EQ(after.articles, before.articles);
    EXPECT_EQ(after.events, before.events);
    EXPECT_EQ(after.mentions, before.mentions);
    EXPECT_EQ(raw_query(x == m.get() ? middle : spread, "SELECT count(*) FROM pragma_foreign_key_check"), "0");
  }
  EXPECT_EQ(public_view(*m), want);
  EXPECT_EQ(public_view(*s), want);
}

// A version 10 store (recent and settled key tables) is upgraded in place: the middle tables are added, empty, and no
// key row moves; the public queries answer the same, and new articles, merges and skips find the stored keys.
TEST_F(StoreFiles, MigratesAVersion10StoreAddingMiddleKeyTables) {
  const std::string path = file("v10.db");
  auto docs = synthetic("v5-", 5);
  auto [a, b, c] = shelling_reports();
  docs.push_back(a.doc);
  docs.push_back(b.doc);
  std::vector<std::string> before;
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    store->set_recent_key_limit(1);
    put_all(*store, {docs[0], docs[1], docs[2], a.doc});  // settled at the commit
    store->set_recent_key_limit(1000);
    put_all(*store, {docs[3], docs[4], b.doc});  // recent
    ASSERT_TRUE(store->link("confirms", "v5-1-e2", "v5-shell").ok());
    before = public_view(*store);
  }
  downgrade_to_v10(path);
  ASSERT_EQ(raw_query(path, "PRAGMA user_version"), "10");
  ASSERT_EQ(raw_query(path, "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_middle'"), "0");
  ASSERT_EQ(raw_query(path, "SELECT count(*) FROM event_ids_recent"), "4");
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->schema_version(), kSchemaVersion);
    EXPECT_EQ(public_view(*store), before);
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_middle'"), "3");
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM event_ids_recent"), "4");
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM event_ids"), "7");
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM article_hashes"), "4");
    for (const Document& d : docs) EXPECT_TRUE(store->contains(d.hash)) << d.article.id;
    const size_t articles = store->counts().articles;
    store->set_recent_key_limit(1, 1000);  // this commit moves every recent row into the middle table
    put_all(*store, {docs[2], docs[4], c.doc});
    EXPECT_EQ(store->counts().articles, articles + 1);
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM event_ids_recent"), "0");
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM event_ids_middle"), "4");
    EventQuery q;
    q.id = "v5-shell";
    auto got = store->events(q);
    ASSERT_TRUE(got.ok());
    ASSERT_EQ(got->size(), 1U);
    EXPECT_EQ((*got)[0].num_mentions, 3U);
    EXPECT_EQ((*got)[0].num_articles, 3U);
    EXPECT_EQ((*got)[0].num_sources, 2U);
    EXPECT_EQ((*got)[0].article_id, "v5-shared-a");
    auto again = store->link("confirms", "v5-1-e2", "v5-shell");
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(*again);
    EXPECT_EQ(raw_query(path, "PRAGMA integrity_check"), "ok");
  }
  EXPECT_EQ(raw_query(path, "PRAGMA user_version"), std::to_string(kSchemaVersion));
}

// A version 9 store (the hash and the id UNIQUE constraints of their tables) is rebuilt in place: the public queries
// answer the same rows, every stored key is in a settled key table, the tables keep no UNIQUE constraint, and new
// reports merge into the stored events and new copies of stored articles are skipped.
TEST_F(StoreFiles, MigratesAVersion9StoreToKeyTables) {
  const std::string path = file("v9.db");
  auto docs = synthetic("v5-", 5);
  auto [a, b, c] = shelling_reports();
  docs.push_back(a.doc);
  docs.push_back(b.doc);
  std::vector<std::string> before;
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    put_all(*store, docs);
    ASSERT_TRUE(store->link("confirms", "v5-1-e2", "v5-shell").ok());
    before = public_view(*store);
  }
  downgrade_to_v9(path);
  ASSERT_EQ(raw_query(path, "PRAGMA user_version"), "9");
  ASSERT_EQ(raw_query(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_autoindex_events_1'"), "1");
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->schema_version(), kSchemaVersion);
    EXPECT_EQ(public_view(*store), before);
    EXPECT_EQ(raw_query(path,
                        "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'sqlite_autoindex_events%' OR "
                        "name LIKE 'sqlite_autoindex_articles%' OR name LIKE '%_v10'"),
              "0");
    // every index of a fresh store, with its definition, and no other (the rebuilt tables lost none)
    const std::string indexes =
        "SELECT group_concat(name || ': ' || sql, '; ') FROM (SELECT name, sql FROM sqlite_schema WHERE type = "
        "'index' AND sql IS NOT NULL ORDER BY name)";
    ASSERT_NE(open_ok(file("fresh.db")), nullptr);
    EXPECT_EQ(raw_query(path, indexes), raw_query(file("fresh.db"), indexes));
    EXPECT_NE(raw_query(path, indexes).find("events_date: CREATE INDEX events_date ON events(date)"),
              std::string::npos);
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM article_hashes"), "7");
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM event_ids"), raw_query(path, "SELECT count(*) FROM events"));
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM event_ids_recent"), "0");
    EXPECT_EQ(raw_query(path, "SELECT count(*) FROM pragma_foreign_key_check"), "0");
    EXPECT_EQ(raw_query(path, "PRAGMA integrity_check"), "ok");
    for (const Document& d : docs) EXPECT_TRUE(store->contains(d.hash)) << d.article.id;
    const size_t articles = store->counts().articles;
    put_all(*store, {docs[2], c.doc});
    EXPECT_EQ(store->counts().articles, articles + 1);
    EventQuery q;
    q.id = "v5-shell";
    auto got = store->events(q);
    ASSERT_TRUE(got.ok());
    ASSERT_EQ(got->size(), 1U);
    EXPECT_EQ((*got)[0].num_mentions, 3U);
    EXPECT_EQ((*got)[0].num_articles, 3U);
    EXPECT_EQ((*got)[0].num_sources, 2U);
    EXPECT_EQ((*got)[0].article_id, "v5-shared-a");
    auto again = store->link("confirms", "v5-1-e2", "v5-shell");
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(*again);
  }
  EXPECT_EQ(raw_query(path, "PRAGMA user_version"), std::to_string(kSchemaVersion));
}

// ---- crash safety ---------------------------------------------------------------------------

enum class Death { exit_without_commit, sigkill };

// Child: opens the store, commits `committed`, then puts `uncommitted` in an
// open transaction and dies without committing. Exit codes other than the
// expected death report a failure inside the child.
void crash_child(const std::string& path, const std::vector<Document>& committed,
                 const std::vector<Document>& uncommitted, Death how) {
  auto r = Store::open(path);
  if (!r.ok()) _exit(10);
  Store& store = *r.value();
  if (!committed.empty()) {
    if (!store.begin().ok()) _exit(11);
    for (const auto& d : committed)
      if (!store.put(d).ok()) _exit(12);
    if (!store.commit().ok()) _exit(13);
  }
  if (!store.begin().ok()) _exit(14);
  for (const auto& d : uncommitted)
    if (!store.put(d).ok()) _exit(15);
  if (how == Death::sigkill) raise(SIGKILL);
  _exit(0);  // no destructors, no commit
}

void crash_test(const std::string& path, Death how) {
  auto before = synthetic("before", 20);
  auto child_committed = synthetic("child-ok", 10);
  // Big enough that SQLite spills uncommitted pages into the WAL file before
  // the child dies, so recovery has real uncommitted frames to ignore.
  auto lost = synthetic("lost", 3000);
  {
    auto store = open_ok(path);
    ASSERT_NE(store, nullptr);
    put_all(*store, before);
  }  // closed before fork: no connection crosses the fork

  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) crash_child(path, child_committed, lost, how);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  if (how == Death::sigkill) {
    ASSERT_TRUE(WIFSIGNALED(status)) << "child exited with " << WEXITSTATUS(status);
    EXPECT_EQ(WTERMSIG(status), SIGKILL);
  } else {
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 0);
  }

  std::error_code ec;
  const auto wal_size = fs::file_size(path + "-wal", ec);
  std::cout << "[store] WAL left by the dead child: " << (ec ? 0 : wal_size) << " bytes\n";

  auto store = open_ok(path);
  ASSERT_NE(store, nullptr);
  auto check = store->integrity_check();
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check.value(), "ok");
  for (const auto& d : before) EXPECT_TRUE(store->contains(d.hash));
  for (const auto& d : child_committed) EXPECT_TRUE(store->contains(d.hash));
  for (const auto& d : lost) EXPECT_FALSE(store->contains(d.hash));
  StoreCounts c = store->counts();
  EXPECT_EQ(c.articles, 30U);
  EXPECT_EQ(c.events, 60U);
  EXPECT_EQ(c.mentions, 60U);

  // Re-running the whole input completes and adds only what was lost.
  std::vector<Document> all = before;
  all.insert(all.end(), child_committed.begin(), child_committed.end());
  all.insert(all.end(), lost.begin(), lost.end());
  put_all(*store, all);
  c = store->counts();
  EXPECT_EQ(c.articles, 3030U);
  EXPECT_EQ(c.events, 6060U);
  EXPECT_EQ(c.mentions, 6060U);
  EXPECT_EQ(c.quotes, 3030U);
  EXPECT_EQ(raw_query(path, "SELECT count(*) FROM (SELECT hash FROM articles GROUP BY hash HAVING count(*) > 1)"), "0");
  auto ev = store->events({});
  ASSERT_TRUE(ev.ok());
  for (const auto& e : *ev) EXPECT_EQ(e.num_mentions, 1U) << e.event.id;
}

TEST_F(StoreFiles, CrashByExitBeforeCommitLosesOnlyTheOpenBatch) {
  crash_test(file("crash-exit.db"), Death::exit_without_commit);
}

TEST_F(StoreFiles, CrashBySigkillBeforeCommitLosesOnlyTheOpenBatch) {
  crash_test(file("crash-kill.db"), Death::sigkill);
}

// ---- throughput (logged, not asserted) ----------------------------------------------------------

TEST_F(StoreFiles, BatchedPutThroughput) {
  const int n = 5000;
  const size_t batch = 500;
  auto docs = synthetic("perf", n);
  auto store = open_ok(file("perf.db"));
  ASSERT_NE(store, nullptr);
  auto t0 = std::chrono::steady_clock::now();
  for (size_t i = 0; i < docs.size(); i += batch) {
    ASSERT_TRUE(store->begin().ok());
    for (size_t j = i; j < std::min(docs.size(), i + batch); ++j) ASSERT_TRUE(store->put(docs[j]).ok());
    ASSERT_TRUE(store->commit().ok());
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(store->counts().articles, static_cast<uint64_t>(n));
  auto t1 = std::chrono::steady_clock::now();
  EventQuery q;
  q.actor = "RUR";
  q.cameo = "04";
  q.from = Date::ymd(2024, 5, 10);
  q.to = Date::ymd(2024, 5, 12);
  auto ev = store->events(q);
  double qsecs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  ASSERT_TRUE(ev.ok());
  EXPECT_FALSE(ev->empty());
  for (const auto& e : *ev) EXPECT_EQ(e.event.cameo.substr(0, 2), "04");
  std::cout << "[store] " << n << " articles (4 sentences, 2 events, 1 entity, 1 quote each) in batches of " << batch
            << ": " << secs << " s, " << static_cast<int>(n / secs) << " articles/s; query returned " << ev->size()
            << " events in " << qsecs * 1000 << " ms\n";
  RecordProperty("articles_per_second", static_cast<int>(n / secs));
}

}  // namespace
}  // namespace dyad
