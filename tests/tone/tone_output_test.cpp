// Tone and stance through the whole pipeline (bundled knowledge, fixture
// lexicon) and out through JSONL, the GDELT exports and the store.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <sstream>

#include "output/records.h"
#include "output/writers.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace dyad {
namespace {

const Knowledge& knowledge() {
  static const Knowledge k = [] {
    KnowledgeOptions o;
    o.data_dir = DYAD_TEST_DIR "/../data";
    o.sentiment_lexicon = DYAD_TEST_DIR "/fixtures/tone/lexicon.json";
    auto r = Knowledge::load(o);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
    return std::move(r.value());
  }();
  return k;
}

// 12 + 7 = 19 words; "good" is the only lexicon hit (+3); "met" is an activity word.
Document coded() {
  Article a;
  a.id = "tone-1";
  a.url = "https://example.org/tone-1";
  a.source = "Example Wire";
  a.published = Date::ymd(2024, 5, 16);
  a.published_origin = DateOrigin::input;
  a.text =
      "Russian President Vladimir Putin claimed the talks with Xi Jinping were good.\n"
      "Putin met Xi in Beijing on Thursday.";
  return code_article(knowledge(), a);
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == sep) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

TEST(TonePipeline, CodeArticleFillsToneAndStance) {
  Document doc = coded();
  ASSERT_TRUE(doc.tone.has_value());
  EXPECT_EQ(doc.tone->words, 19U);
  EXPECT_EQ(doc.tone->positive_words, 1U);
  EXPECT_EQ(doc.tone->negative_words, 0U);
  EXPECT_EQ(doc.tone->activity_words, 1U);
  EXPECT_DOUBLE_EQ(doc.tone->tone(), 100.0 / 19);
  EXPECT_EQ(doc.sentence_tone.size(), doc.text.sentences.size());
  ASSERT_EQ(doc.stance.size(), 1U);
  EXPECT_EQ(doc.stance[0].kind, StanceKind::loaded_verb);
  EXPECT_EQ(doc.stance[0].word, "claimed");
  EXPECT_EQ(doc.stance[0].actor.canonical, "Vladimir Putin");
  EXPECT_FALSE(doc.events.empty());
}

TEST(TonePipeline, JsonlHasToneAndStanceRecords) {
  Document doc = coded();
  std::ostringstream out;
  write_jsonl(doc, out);
  std::vector<nlohmann::json> tone, stance;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line);
    if (j["kind"] == "tone") tone.push_back(j);
    if (j["kind"] == "stance") stance.push_back(j);
  }
  ASSERT_EQ(tone.size(), 1U);
  const auto& t = tone[0];
  EXPECT_EQ(t["article"], "tone-1");
  EXPECT_DOUBLE_EQ(t["tone"].get<double>(), 100.0 / 19);
  EXPECT_DOUBLE_EQ(t["positive"].get<double>(), 100.0 / 19);
  EXPECT_DOUBLE_EQ(t["negative"].get<double>(), 0.0);
  EXPECT_EQ(t["words"], 19);
  EXPECT_EQ(t["valence"], 3);
  ASSERT_EQ(t["sentences"].size(), 1U);  // only the sentence with a lexicon hit
  EXPECT_EQ(t["sentences"][0]["sentence"], 0);
  EXPECT_EQ(t["sentences"][0]["words"], 12);
  EXPECT_EQ(t["stance"]["loaded_verb"], 1);
  EXPECT_EQ(t["stance"]["epithet"], 0);
  ASSERT_EQ(t["stance_by_actor"].size(), 1U);
  EXPECT_EQ(t["stance_by_actor"][0]["actor"]["canonical"], "Vladimir Putin");
  EXPECT_EQ(t["stance_by_actor"][0]["loaded_verb"], 1);
  ASSERT_EQ(stance.size(), 1U);
  EXPECT_EQ(stance[0]["marker"], "loaded_verb");
  EXPECT_EQ(stance[0]["text"], "claimed");
  EXPECT_EQ(stance[0]["actor"]["canonical"], "Vladimir Putin");
}

TEST(TonePipeline, GkgV15ToneAndGdeltAvgTone) {
  Document doc = coded();
  WriterOptions o;
  o.now = std::chrono::sys_seconds{std::chrono::seconds{1715860800}};
  std::ostringstream gkg;
  auto w = make_writer("gkg", gkg, o);
  ASSERT_TRUE(w.ok());
  w.value()->write(doc);
  w.value()->finish();
  auto cols = split(gkg.str().substr(0, gkg.str().size() - 1), '\t');
  ASSERT_EQ(cols.size(), 27U);
  auto tone = split(cols[15], ',');
  ASSERT_EQ(tone.size(), 7U);
  EXPECT_DOUBLE_EQ(std::stod(tone[0]), 100.0 / 19);  // tone
  EXPECT_DOUBLE_EQ(std::stod(tone[1]), 100.0 / 19);  // positive
  EXPECT_EQ(tone[2], "0");                           // negative
  EXPECT_DOUBLE_EQ(std::stod(tone[3]), 100.0 / 19);  // polarity
  EXPECT_DOUBLE_EQ(std::stod(tone[4]), 100.0 / 19);  // activity
  EXPECT_EQ(tone[5], "0");                           // self/group
  EXPECT_EQ(tone[6], "19");                          // word count

  std::ostringstream gdelt;
  auto g = make_writer("gdelt", gdelt, o);
  ASSERT_TRUE(g.ok());
  g.value()->write(doc);
  std::istringstream rows(gdelt.str());
  int n = 0;
  for (std::string row; std::getline(rows, row); ++n) {
    auto c = split(row, '\t');
    ASSERT_EQ(c.size(), 61U);
    EXPECT_DOUBLE_EQ(std::stod(c[34]), 100.0 / 19);  // AvgTone
  }
  EXPECT_GT(n, 0);
}

TEST(TonePipeline, StoreKeepsToneAndStanceAndAveragesEventTone) {
  const auto path = std::filesystem::temp_directory_path() / ("dyad_tone_store_" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  Document doc = coded();
  // The same article text from a second outlet, with a made-up tone of -3 (words kept).
  Document other = doc;
  other.article.source = "Other Wire";
  other.hash = article_hash(other.article);
  Tone neg;
  neg.words = 100;
  neg.negative_words = 3;
  other.tone = neg;
  {
    auto store = Store::open(path.string());
    ASSERT_TRUE(store.ok()) << store.error().str();
    ASSERT_TRUE(store.value()->begin().ok());
    ASSERT_TRUE(store.value()->put(doc).ok());
    ASSERT_TRUE(store.value()->put(other).ok());
    ASSERT_TRUE(store.value()->commit().ok());
    auto events = store.value()->events({});
    ASSERT_TRUE(events.ok());
    ASSERT_FALSE(events->empty());
    for (const StoredEvent& e : *events) {
      ASSERT_TRUE(e.avg_tone.has_value());
      EXPECT_NEAR(*e.avg_tone, (100.0 / 19 - 3.0) / 2, 1e-9);
    }
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  auto one = [&](const char* sql) {
    sqlite3_stmt* st = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
      const unsigned char* t = sqlite3_column_text(st, 0);
      if (t != nullptr) out = reinterpret_cast<const char*>(t);
    }
    sqlite3_finalize(st);
    return out;
  };
  EXPECT_EQ(one("SELECT count(*) FROM article_tone"), "2");
  EXPECT_EQ(one("SELECT words || ',' || positive_words || ',' || valence FROM article_tone ORDER BY article LIMIT 1"),
            "19,1,3");
  // Only sentences with a lexicon hit: the first sentence of each article.
  EXPECT_EQ(one("SELECT count(*) FROM sentence_tone"), "2");
  EXPECT_EQ(one("SELECT group_concat(idx || ':' || words || ':' || positive_words) FROM sentence_tone"),
            "0:12:1,0:12:1");
  EXPECT_EQ(one("SELECT kind || '|' || word || '|' || actor_canonical FROM stance LIMIT 1"),
            "loaded_verb|claimed|Vladimir Putin");
  EXPECT_EQ(one("PRAGMA user_version"), std::to_string(kSchemaVersion));
  sqlite3_close(db);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace dyad
