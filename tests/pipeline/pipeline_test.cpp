#include "pipeline/pipeline.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "knowledge/tsv.h"
#include "output/writers.h"
#include "pipeline/corpus.h"
#include "support/bundled_knowledge.h"

namespace dyad {
namespace {

// The bundled knowledge, loaded once per process: when CTest runs a whole shard of these
// tests in one process (DYAD_TEST_SHARDS), they share one load.
const Knowledge& load() { return testing_support::bundled_knowledge(); }

TEST(CodeArticle, HashDependsOnIdentityAndText) {
  Article a;
  a.id = "x";
  a.source = "Wire";
  a.text = "The minister met the envoy.";
  Article b = a;
  EXPECT_EQ(article_hash(a), article_hash(b));
  b.source = "Other Wire";
  EXPECT_NE(article_hash(a), article_hash(b));
  b = a;
  b.text += " Again.";
  EXPECT_NE(article_hash(a), article_hash(b));
  EXPECT_EQ(article_hash(a).size(), 32U);
}

TEST(CodeArticle, UndatedArticleTakesTheLatestPostDate) {
  const Knowledge& k = load();
  Article a;
  a.id = "p";
  a.text =
      "The ministry posted a statement:\n"
      "We met our partners today. pic.twitter.com/AbCdEf123\n"
      "\xE2\x80\x94 Example Ministry (@example_mfa) March 3, 2024\n"
      "Officials later confirmed the meeting.";
  Document d = code_article(k, a);
  ASSERT_EQ(d.text.posts.size(), 1U);
  EXPECT_EQ(d.article.published.iso(), "2024-03-03");
  EXPECT_EQ(d.article.published_origin, DateOrigin::text);

  a.published = Date::ymd(2024, 3, 5);
  a.published_origin = DateOrigin::input;
  Document given = code_article(k, a);
  EXPECT_EQ(given.article.published.iso(), "2024-03-05");
}

// --published is the run's date for articles that carry none: a date read off the text (the latest embedded
// post's) wins over it, with one coding thread or several; an article with no such date takes it.
TEST(Run, PublishedOptionYieldsToADateReadOffTheText) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("dyad-published-" + std::to_string(getpid()) + ".jsonl")).string();
  {
    std::ofstream out(path);
    out << R"({"id":"posted","text":"The ministry posted a statement:\nWe met our partners today. )"
           R"(pic.twitter.com/AbCdEf123\n\u2014 Example Ministry (@example_mfa) March 3, 2024\nOfficials later )"
           R"(confirmed the meeting."})"
        << '\n'
        << R"({"id":"plain","text":"Officials confirmed the meeting."})" << '\n';
  }
  for (size_t threads : {1U, 2U}) {
    RunOptions o;
    o.inputs = {path};
    o.threads = threads;
    o.ingest.published = Date::ymd(2024, 6, 1);
    std::map<std::string, std::string> published, origin;
    o.on_document = [&](const Document& d) {
      published[d.article.id] = d.article.published.iso();
      origin[d.article.id] = d.article.published_origin == DateOrigin::text ? "text" : "other";
    };
    auto stats = run(load(), o);
    ASSERT_TRUE(stats.ok()) << stats.error().str();
    EXPECT_EQ(published["posted"], "2024-03-03") << threads;
    EXPECT_EQ(origin["posted"], "text") << threads;
    EXPECT_EQ(published["plain"], "2024-06-01") << threads;
  }
  std::filesystem::remove(path);
}

// Verbs added to the bundled dictionary after a `dyad verbs suggest` review are coded
// like the row's other verbs, in every inflection.
TEST(CodeArticle, VerbsFromTheWordNetReviewAreCoded) {
  const Knowledge& k = load();
  Article a;
  a.id = "wn";
  a.published = Date::ymd(2024, 3, 5);
  a.text =
      "The French foreign minister underscored the need for calm talks.\n\n"
      "Kenyan police gaoled three opposition activists on Monday.\n\n"
      "The Brazilian president took the Argentine government to task over the tariffs.";
  std::vector<std::string> got;
  for (const Event& e : code_article(k, a).events)
    got.push_back(e.cameo + " " + e.source.code + ">" + (e.target ? e.target->code : std::string("-")));
  EXPECT_EQ(got, (std::vector<std::string>{"010 FRAGOV>-", "173 KENCOP>OPP", "111 BRAGOV>ARGGOV"}));
}

TEST(Run, StoreThatCannotBeOpenedIsAnError) {
  const Knowledge& k = load();
  RunOptions o;
  o.db_path = "/no/such/dir/x.db";
  o.inputs = {};
  EXPECT_FALSE(run(k, o).ok());
}

TEST(Run, CountsAndCallbacksInInputOrder) {
  const Knowledge& k = load();
  auto dir = std::filesystem::temp_directory_path() / ("dyad-run-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.jsonl") << "{\"id\":\"1\",\"text\":\"First. Second.\"}\n{\"id\":\"2\",\"text\":\"Third.\"}\n";
  RunOptions o;
  o.inputs = {(dir / "a.jsonl").string()};
  o.db_path = (dir / "r.db").string();
  std::vector<std::string> seen;
  o.on_document = [&](const Document& d) { seen.push_back(d.article.id); };
  auto s = run(k, o);
  ASSERT_TRUE(s.ok()) << s.error().str();
  EXPECT_EQ(s->articles, 2U);
  EXPECT_EQ(s->stored, 2U);
  EXPECT_EQ(s->sentences, 3U);
  EXPECT_EQ(seen, (std::vector<std::string>{"1", "2"}));
  auto again = run(k, o);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->stored, 0U);
  EXPECT_EQ(again->already_stored, 2U);
  std::filesystem::remove_all(dir);
}

// Every row of every table, in rowid order: the store's whole content as text
// but for the wall-clock times of writing.
std::string dump_store(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::vector<std::string> tables;
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  std::string out;
  for (const std::string& t : tables) {
    out += "== " + t + "\n";
    std::string sql = "SELECT * FROM \"" + t + "\"";
    if (t.rfind("sqlite_", 0) != 0) sql += " ORDER BY rowid";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
      sqlite3_finalize(st);
      sql = "SELECT * FROM \"" + t + "\"";  // WITHOUT ROWID tables: ordered by their key
      sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const std::string_view name = sqlite3_column_name(st, c);
        if (name == "ingested_at" || name == "created") continue;  // wall-clock times
        const unsigned char* v = sqlite3_column_text(st, c);
        out += v != nullptr ? reinterpret_cast<const char*>(v) : "NULL";
        out += '\t';
      }
      out += '\n';
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return out;
}

// Coding with several threads gives the same records, errors, stats and store
// as coding on one: the writer takes the articles back in input order.
TEST(Run, OutputAndStoreDoNotDependOnTheNumberOfThreads) {
  const Knowledge& k = load();
  auto dir = std::filesystem::temp_directory_path() / ("dyad-threads-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto gen = CorpusGenerator::load(DYAD_TEST_DIR "/../data", 7);
  ASSERT_TRUE(gen.ok());
  {
    std::ofstream out(dir / "corpus.jsonl", std::ios::binary);
    (*gen)->write_jsonl(150, out);
    out << "{not json}\n";  // an ingest error between articles
    (*gen)->write_jsonl(40, out);
  }
  struct Outcome {
    std::string records, errors, store;
    RunStats stats;
  };
  auto code = [&](size_t threads) {
    Outcome o;
    RunOptions ro;
    ro.inputs = {(dir / "corpus.jsonl").string(), DYAD_TEST_DIR "/../examples"};
    ro.db_path = (dir / ("t" + std::to_string(threads) + ".db")).string();
    ro.threads = threads;
    std::ostringstream records;
    auto writer = make_writer("jsonl", records);
    EXPECT_TRUE(writer.ok());
    uint64_t last = 0;
    ro.on_document = [&](const Document& d) { (*writer)->write(d); };
    ro.on_error = [&](const Error& e) { o.errors += std::to_string(last) + " " + e.str() + "\n"; };
    ro.on_progress = [&](const RunStats& s) {
      EXPECT_EQ(s.articles, last + 1);
      last = s.articles;
    };
    auto s = run(k, ro);
    EXPECT_TRUE(s.ok()) << s.error().str();
    (*writer)->finish();
    o.records = records.str();
    o.stats = *s;
    o.store = dump_store(ro.db_path);
    return o;
  };
  Outcome one = code(1), four = code(4);
  EXPECT_GT(one.stats.articles, 150U);
  EXPECT_GT(one.stats.events, 0U);
  EXPECT_EQ(one.stats.errors, 1U);
  EXPECT_FALSE(one.errors.empty());
  EXPECT_EQ(one.records, four.records);
  EXPECT_EQ(one.errors, four.errors);
  EXPECT_EQ(one.store, four.store);
  EXPECT_EQ(one.stats.articles, four.stats.articles);
  EXPECT_EQ(one.stats.stored, four.stats.stored);
  EXPECT_EQ(one.stats.merged, four.stats.merged);
  EXPECT_EQ(one.stats.links, four.stats.links);
  EXPECT_EQ(one.stats.duplicates, four.stats.duplicates);
  std::filesystem::remove_all(dir);
}

// A stop request stops reading; the articles already read are written, and the
// store holds exactly what the stats say.
TEST(Run, StopRequestFinishesTheArticlesAlreadyRead) {
  const Knowledge& k = load();
  auto dir = std::filesystem::temp_directory_path() / ("dyad-stop-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto gen = CorpusGenerator::load(DYAD_TEST_DIR "/../data", 3);
  ASSERT_TRUE(gen.ok());
  {
    std::ofstream out(dir / "corpus.jsonl", std::ios::binary);
    (*gen)->write_jsonl(200, out);
  }
  std::atomic<bool> stop{false};
  RunOptions ro;
  ro.inputs = {(dir / "corpus.jsonl").string()};
  ro.db_path = (dir / "s.db").string();
  ro.threads = 3;
  ro.stop = &stop;
  std::vector<std::string> seen;
  ro.on_document = [&](const Document& d) {
    seen.push_back(d.article.id);
    if (seen.size() == 20) stop = true;
  };
  auto s = run(k, ro);
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->interrupted);
  EXPECT_GE(s->articles, 20U);
  EXPECT_LT(s->articles, 200U);
  EXPECT_EQ(s->stored, s->articles);
  EXPECT_EQ(seen.size(), s->articles);
  ro.stop = nullptr;
  ro.on_document = nullptr;
  auto rest = run(k, ro);
  ASSERT_TRUE(rest.ok());
  EXPECT_EQ(rest->already_stored, s->articles);
  EXPECT_EQ(rest->stored + rest->already_stored, 200U);
  std::filesystem::remove_all(dir);
}

// The generator's near-copies (another outlet, the same or the next day, one sentence with a clause added) are
// what the story stage is for: nearly all are stored as copies of their own original (a short article with a long
// clause can fall under the estimated resemblance of 0.8), and no other article is stored as a copy.
TEST(Run, GeneratedNearCopiesAreStoredAsCopiesOfTheirOriginal) {
  const Knowledge& k = load();
  auto dir = std::filesystem::temp_directory_path() / ("dyad-copies-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto gen = CorpusGenerator::load(DYAD_TEST_DIR "/../data", 5);
  ASSERT_TRUE(gen.ok());
  std::vector<CorpusGenerator::Copy> copies;
  {
    std::ofstream out(dir / "corpus.jsonl", std::ios::binary);
    copies = (*gen)->write_jsonl(300, out, 0.1);
  }
  ASSERT_GE(copies.size(), 15U);
  RunOptions ro;
  ro.inputs = {(dir / "corpus.jsonl").string()};
  ro.db_path = (dir / "c.db").string();
  ro.threads = 1;
  std::map<std::string, std::string> hash, duplicate_of;  // by article id
  ro.on_document = [&](const Document& d) {
    hash[d.article.id] = d.hash;
    duplicate_of[d.article.id] = d.duplicate_of;
  };
  auto s = run(k, ro);
  ASSERT_TRUE(s.ok()) << s.error().str();
  EXPECT_EQ(s->stored, 300U);
  size_t found = 0;
  for (const auto& c : copies) {
    const std::string copy = "gen-" + std::to_string(c.copy), original = "gen-" + std::to_string(c.original);
    EXPECT_EQ(duplicate_of[original], "") << original;
    if (duplicate_of[copy].empty()) continue;
    EXPECT_EQ(duplicate_of[copy], hash[original]) << copy << " copies " << original;
    ++found;
  }
  EXPECT_EQ(s->duplicates, found);  // no article but a copy is stored as one
  EXPECT_GE(found * 10, copies.size() * 9) << found << " of " << copies.size();
  std::filesystem::remove_all(dir);
}

// Every event coded from the bundled examples carries a code of the CAMEO codebook
// (data/cameo/events.tsv) with its Goldstein value, quad class and a PLOVER type.
TEST(CodeArticle, EveryCodeOnTheExampleSetIsInTheCodebook) {
  const Knowledge& k = load();
  auto book = TsvTable::read(DYAD_TEST_DIR "/../data/cameo/events.tsv", {"code", "goldstein", "quad_class"});
  ASSERT_TRUE(book.ok()) << book.error().str();
  std::map<std::string, std::pair<double, int>> codes;
  for (const auto& row : book->rows())
    codes[std::string(book->get(row, "code"))] = {std::stod(std::string(book->get(row, "goldstein"))),
                                                  std::stoi(std::string(book->get(row, "quad_class")))};
  size_t events = 0;
  ingest_paths(
      {DYAD_TEST_DIR "/../examples/articles.jsonl"}, IngestOptions{},
      [&](Article&& a) {
        Document d = code_article(k, std::move(a));
        for (const Event& e : d.events) {
          ++events;
          auto it = codes.find(e.cameo);
          ASSERT_NE(it, codes.end()) << e.cameo << " in " << d.article.id;
          EXPECT_DOUBLE_EQ(e.goldstein, it->second.first) << e.cameo;
          EXPECT_EQ(e.quad_class, it->second.second) << e.cameo;
          EXPECT_FALSE(e.plover.empty()) << e.cameo;
          EXPECT_FALSE(e.rule.empty());
          EXPECT_LT(e.sentence, d.text.sentences.size());
        }
      },
      [](const Error& e) { ADD_FAILURE() << e.str(); });
  EXPECT_GT(events, 100U);
}

// Codes one text as an article published on 2002-03-10 (a date given with the input).
Document code_text(const Knowledge& k, const std::string& text) {
  Article a;
  a.id = "t";
  a.text = text;
  a.published = Date::ymd(2002, 3, 10);
  a.published_origin = DateOrigin::input;
  return code_article(k, a);
}

// Codes one text with the bundled knowledge; "cameo plover source-code" per event.
std::vector<std::string> coded(const Knowledge& k, const std::string& text) {
  std::vector<std::string> out;
  for (const Event& e : code_text(k, text).events)
    out.push_back(e.cameo + " " + e.plover + " " + (e.source.code.empty() ? std::string("-") : e.source.code));
  return out;
}

bool has(const std::vector<std::string>& events, const std::string& want) {
  return std::find(events.begin(), events.end(), want) != events.end();
}

TEST(CodeArticle, PoliceSearchesSeizuresGuardsAndRestrictionsAreCoded) {
  const Knowledge& k = load();
  EXPECT_TRUE(has(coded(k, "the police are questioning three suspects."), "090 ACCUSE COP"));
  EXPECT_TRUE(has(coded(k, "police recovered swords and acid bulbs from the house."), "1711 COERCE COP"));
  EXPECT_TRUE(has(coded(k, "police launched a combing operation in the villages."), "091 ACCUSE COP"));
  EXPECT_TRUE(has(coded(k, "policemen guarded the exam centres in the city."), "150 MOBILIZE COP"));
  EXPECT_TRUE(has(coded(k, "the police kept a close watch on the situation."), "151 MOBILIZE COP"));
  EXPECT_TRUE(has(coded(k, "the state police sounded a high alert on friday."), "151 MOBILIZE COP"));
  EXPECT_TRUE(has(coded(k, "the police have recovered cash and jewellery from the house."), "1711 COERCE COP"));
  EXPECT_TRUE(has(coded(k, "police prevented the activists from entering the temple."), "172 COERCE COP"));
  // a case registered under a section of the law is a charge, as one registered against someone
  EXPECT_TRUE(has(coded(k, "the town police registered an offence under the arms act."), "173 COERCE COP"));
  // the same words outside their frames code nothing
  EXPECT_TRUE(coded(k, "rescue teams continued the search for survivors.").empty());
  EXPECT_TRUE(coded(k, "the economy recovered slowly last year.").empty());
}

// "hold" is custody only with a police doer and people right after the verb ({S:COP|SPY}
// "held"/"holding" {T} in data/verbs/police.tsv): with any other doer, or a thing after it, it is
// as often owning, chairing, a sports result or a meeting as detention.
TEST(CodeArticle, HoldIsAnArrestOnlyForPoliceHoldingPeople) {
  const Knowledge& k = load();
  EXPECT_TRUE(has(coded(k, "the police held 20 protesters at the station."), "173 COERCE COP"));
  EXPECT_TRUE(has(coded(k, "the crime branch is holding three youths for questioning."), "173 COERCE COP"));
  for (const char* text :
       {"the police held a meeting on sunday with the traders.", "a meeting of bjp leaders was held on monday.",
        "the police held them responsible for the clash.", "the mob held them hostage for a day.",
        "Japan holds Chinese government bonds worth billions.", "Brazil held Argentina to a goalless draw.",
        "Sweden holds the Nordic Council presidency this year.", "the police held talks with the protesters.",
        "talks were held with the villagers on friday.", "the police held the villagers responsible for the arson.",
        "the activists held 20 students at the gate."})
    for (const std::string& e : coded(k, text)) EXPECT_NE(e.substr(0, 3), "173") << text << ": " << e;
  EXPECT_TRUE(has(coded(k, "the police held them responsible for the clash."), "112 ACCUSE COP"));
}

// A case registered under a section of the law is a charge only when the police or an
// investigating agency registers it ({S:COP|SPY} in data/verbs/police.tsv): a trader or a firm
// that files a case under an act goes to court.
TEST(CodeArticle, CaseRegisteredUnderAnActNeedsAPoliceDoer) {
  const Knowledge& k = load();
  EXPECT_TRUE(has(coded(k, "the crime branch registered a case under the arms act."), "173 COERCE COP"));
  for (const char* text : {"the trader filed a case under the consumer protection act.",
                           "a software company lodged a case under the copyright act last month."})
    for (const std::string& e : coded(k, text)) EXPECT_NE(e.substr(0, 3), "173") << text << ": " << e;
}

// Units and loads as counts (data/knowledge/count_nouns.tsv): "two platoons of X", "a posse of
// X": the people after "of" are the subject, not the unit word ("platoons" is the army's,
// "companies" are firms).
TEST(CodeArticle, UnitsOfPoliceAreCountsOfPolice) {
  const Knowledge& k = load();
  auto platoons = coded(k, "two platoons of reserve police were rushed to the village.");
  EXPECT_TRUE(has(platoons, "150 MOBILIZE COP")) << ::testing::PrintToString(platoons);
  auto companies = coded(k, "six companies of rapid action force reached the spot on monday.");
  EXPECT_TRUE(has(companies, "150 MOBILIZE COP")) << ::testing::PrintToString(companies);
  EXPECT_FALSE(has(companies, "150 MOBILIZE BUS")) << ::testing::PrintToString(companies);
  auto posse = coded(k, "a posse of policemen arrested the youths near the bridge.");
  EXPECT_TRUE(has(posse, "173 COERCE COP")) << ::testing::PrintToString(posse);
}

TEST(CodeArticle, LowerCaseIndianPoliceRanksArePolice) {
  const Knowledge& k = load();
  // ranks as Indian news abbreviates them, in lower case (data/knowledge/agents.tsv)
  auto told = code_text(k, "the market will stay shut till noon, dcp mehta told reporters.").events;
  ASSERT_EQ(told.size(), 1U);
  EXPECT_EQ(told[0].source.code, "COP");
  EXPECT_TRUE(has(coded(k, "the acp refused to give details of the raid."), "011 OTHER COP"));
  EXPECT_TRUE(has(coded(k, "the dsp rushed to the spot with a police team."), "150 MOBILIZE COP"));
  // a rank written with hyphens is police, not the army's "general"; a statement told to a news agency
  EXPECT_TRUE(has(coded(k, "the roads were calm, deputy-inspector general of police ram lal said."), "010 OTHER COP"));
  EXPECT_TRUE(has(coded(k, "police inspector r k mehta told pti that two boys were missing."), "010 OTHER COP"));
  // railway police (RPF, GRP) and a complaint the police refused to register (data/cameo/inaction.tsv)
  for (const char* text : {"the grp failed to disperse the crowd at the platform.",
                           "the police refused to register the complaint of the widow."}) {
    const Document d = code_text(k, text);
    ASSERT_EQ(d.events.size(), 1U) << text;
    EXPECT_EQ(d.events[0].source.code, "COP") << text;
    EXPECT_EQ(d.events[0].mode, EventMode::negated) << text;
  }
}

TEST(CodeArticle, AbsentOrCollusivePoliceAreInaction) {
  const Knowledge& k = load();
  for (const char* text :
       {"there was a complete lack of police action when the gangs came.",
        "the lack of any action by the police angered them.", "the local police station was in cahoots with the gang.",
        "the police denied protection to the traders.", "the constables played a partisan role during the looting.",
        "the constables sat quietly in their van."}) {
    const Document d = code_text(k, text);
    ASSERT_EQ(d.events.size(), 1U) << text;
    EXPECT_EQ(d.events[0].cameo, "170") << text;
    EXPECT_EQ(d.events[0].source.code, "COP") << text;
    EXPECT_EQ(d.events[0].mode, EventMode::negated) << text;
  }
}

TEST(CodeArticle, ArrestsNamedByThePluralNounAreArrestsByThePolice) {
  const Knowledge& k = load();
  EXPECT_TRUE(has(coded(k, "the arrests followed the visit of the minister."), "173 COERCE COP"));
  // an active arrest keeps its doer
  EXPECT_TRUE(has(coded(k, "Turkish police arrests six Iraqi soldiers."), "173 COERCE TURCOP"));
  // a place between the participle and the "by" agent: still the passive with its agent
  auto passive = coded(k, "Six Iraqi soldiers were arrested in Ankara by Turkish police on Monday.");
  EXPECT_TRUE(has(passive, "173 COERCE TURCOP")) << ::testing::PrintToString(passive);
  EXPECT_FALSE(has(passive, "173 COERCE COP")) << ::testing::PrintToString(passive);
}

TEST(CodeArticle, FiringNamedAfterAPrepositionOfCauseIsForceByItsDoer) {
  const Knowledge& k = load();
  auto e = coded(k, "an official said the market stayed shut due to police firing near the bridge.");
  EXPECT_TRUE(has(e, "175 ASSAULT COP")) << ::testing::PrintToString(e);
  for (const std::string& x : e) EXPECT_EQ(x.find("GOV"), std::string::npos) << x;  // the official fired nothing
}

TEST(CodeArticle, AVerbCoordinatedAfterReportedSpeechWithoutThatKeepsTheReportedSubject) {
  const Knowledge& k = load();
  // "the minister said police arrested ... and fired ...": the police fired, not the minister
  auto e = coded(k, "the minister said police arrested four rioters and fired 20 rounds.");
  EXPECT_TRUE(has(e, "193 ASSAULT COP")) << ::testing::PrintToString(e);
  EXPECT_FALSE(has(e, "193 ASSAULT GOV")) << ::testing::PrintToString(e);
  // a plain coordination keeps the clause's subject
  EXPECT_TRUE(has(coded(k, "police arrested four rioters and fired 20 rounds."), "193 ASSAULT COP"));
}

TEST(CodeArticle, WhatAProtestDemandsIsItsAimNotASecondEvent) {
  const Knowledge& k = load();
  auto root = [&](const std::string& text, const std::string& r) {
    auto events = coded(k, text);
    return std::any_of(events.begin(), events.end(), [&](const std::string& e) { return e.compare(0, 2, r) == 0; });
  };
  // a purpose infinitive or a participle after the protest: one protest event
  const std::string marched = "Thousands of Chilean students marched in Santiago on Monday to demand free education.";
  EXPECT_TRUE(root(marched, "14"));
  EXPECT_FALSE(root(marched, "10"));
  const std::string blocked = "Peruvian farmers blocked roads near Lima on Tuesday, demanding lower fuel prices.";
  EXPECT_FALSE(root(blocked, "10"));
  // a demand with no protest stays a demand
  EXPECT_TRUE(root("Chilean students demanded free education on Monday.", "10"));
}

TEST(CodeArticle, InactionIsCodedAsTheActNotDone) {
  const Knowledge& k = load();
  auto modes = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const Event& e : code_text(k, text).events)
      out.push_back(e.cameo + " " + std::string(to_string(e.mode)) + " " + e.source.code);
    return out;
  };
  for (const char* text :
       {"two constables looked the other way while rioters looted a bank.", "the policemen remained mute spectators.",
        "the police did nothing to stop the mob.", "the police failed to act.", "police were nowhere in sight.",
        "critics condemned the inaction of the police."})
    EXPECT_TRUE(has(modes(text), "170 negated COP")) << text << ": " << ::testing::PrintToString(modes(text));
  // a denied inaction claims nothing; loyalty is no inaction; an act is no inaction
  EXPECT_TRUE(modes("the police did not look the other way.").empty());
  // a hedged or planned inaction is no definite non-act
  EXPECT_TRUE(modes("the police may look the other way.").empty());
  EXPECT_TRUE(modes("the guards will look the other way.").empty());
  EXPECT_TRUE(modes("the minister stood by his decision.").empty());
  EXPECT_FALSE(has(modes("police arrested six men."), "173 negated COP"));
}

TEST(CodeArticle, InvertedSpeakerFollowsPunctuationAndMayHaveAnArticleAndModifiers) {
  const Knowledge& k = load();
  auto events = [&](const std::string& text) { return code_text(k, text).events; };
  // "..., said a senior police officer": the officer is the speaker
  auto said = events("the rioters burned two shops on monday, said a senior police officer.");
  ASSERT_EQ(said.size(), 1U);
  EXPECT_EQ(said[0].cameo, "145");
  EXPECT_EQ(said[0].attributed_to, "police officer");
  // no punctuation before "said": the words after it open the content, they are no speaker
  for (const Event& e : events("ram kumar said the army would patrol the streets.")) EXPECT_NE(e.attributed_to, "army");
}

TEST(CodeArticle, PoliceActionsInLowerCaseNewsAreCodedWithPoliceAsSource) {
  const Knowledge& k = load();
  // a count with "about" before a non-actor object; lower-case text throughout
  EXPECT_TRUE(has(coded(k, "police arrested about 40 protesters near the bus depot on monday."), "173 COERCE COP"));
  EXPECT_TRUE(has(coded(k, "the police lathi-charged the crowd outside the market."), "175 ASSAULT COP"));
  EXPECT_TRUE(has(coded(k, "a youth died in police firing in the old city on friday."), "175 ASSAULT COP"));
  EXPECT_TRUE(has(coded(k, "the station house officer registered a case against three traders."), "173 COERCE COP"));
  EXPECT_TRUE(has(coded(k, "crpf personnel burst tear gas shells near the bridge."), "175 ASSAULT INDCOPCRP"));
  EXPECT_TRUE(has(coded(k, "police fired in the air near the temple."), "175 ASSAULT COP"));
  // an arrest whose object is a pronoun still has its source
  EXPECT_TRUE(has(coded(k, "the sub-inspector arrested him on sunday."), "173 COERCE COP"));
  // an agentless passive arrest or dispersal: the police stand in as source (data/cameo/implicit_agents.tsv)
  EXPECT_TRUE(has(coded(k, "twelve traders were arrested near the station on monday."), "173 COERCE COP"));
  EXPECT_TRUE(has(coded(k, "The protesters were dispersed near the mosque."), "175 ASSAULT COP"));
  // with a "by" agent the agent is the source
  EXPECT_TRUE(has(coded(k, "Six Iraqi soldiers were arrested by Turkish police on Monday."), "173 COERCE TURCOP"));
  EXPECT_FALSE(has(coded(k, "Six Iraqi soldiers were arrested by Turkish police on Monday."), "173 COERCE COP"));
  // not listed: an agentless passive attack codes nothing
  EXPECT_TRUE(coded(k, "Six Iraqi soldiers were attacked on Monday.").empty());
  // forces reported as deployed or put on alert are the actor (who sent them is not said)
  EXPECT_TRUE(has(coded(k, "over 900 policemen will be deployed near the stadium."), "150 MOBILIZE COP"));
  EXPECT_TRUE(has(coded(k, "every police post in the district was put on high alert."), "151 MOBILIZE COP"));
  EXPECT_TRUE(has(coded(k, "the arrests made by police on thursday angered residents."), "173 COERCE COP"));
  // police failing to act: the act is coded and negated
  {
    const Document d = code_text(k, "the police failed to stop the violence near the market.");
    ASSERT_EQ(d.events.size(), 1U);
    EXPECT_EQ(d.events[0].cameo, "170");
    EXPECT_EQ(d.events[0].source.code, "COP");
    EXPECT_EQ(d.events[0].mode, EventMode::negated);
  }
  EXPECT_TRUE(has(coded(k, "the police acted against the rioters."), "170 COERCE COP"));
  // nothing police-like: no police event
  for (const std::string& e : coded(k, "the shopkeeper opened his store on monday."))
    EXPECT_EQ(e.find(" COP"), std::string::npos) << e;
}

// Nominal and targetless police acts: the act names its doer (data/cameo/implicit_agents.tsv).
TEST(CodeArticle, NominalAndTargetlessPoliceActsTakeTheImplicitAgent) {
  const Knowledge& k = load();
  // an agentless passive with no actor as its subject still codes, with no target
  EXPECT_TRUE(has(coded(k, "more than sixty were arrested from the bazaar."), "173 COERCE COP"));
  EXPECT_TRUE(has(coded(k, "she was detained at the bus stand."), "173 COERCE COP"));
  // arrests reported as made, reduced relatives, cases registered: no verb with a subject
  EXPECT_TRUE(has(coded(k, "nine arrests have also been made in the district."), "173 COERCE COP"));
  EXPECT_TRUE(has(coded(k, "those arrested include two shop owners."), "173 COERCE COP"));
  EXPECT_TRUE(has(coded(k, "a case has been registered against the contractor."), "173 COERCE COP"));
  // police vigilance and security arrangements (151), active and agentless
  EXPECT_TRUE(has(coded(k, "the police stepped up vigil along the river front."), "151 MOBILIZE COP"));
  EXPECT_TRUE(has(coded(k, "security has been tightened around the fair ground."), "151 MOBILIZE COP"));
  EXPECT_TRUE(has(coded(k, "elaborate security arrangements have been made for the match."), "151 MOBILIZE COP"));
  EXPECT_TRUE(has(coded(k, "the police kept a strict vigil on the highway."), "151 MOBILIZE COP"));
  // shots with no target, a curfew clamped, thieves caught
  EXPECT_TRUE(has(coded(k, "the police fired twelve rounds near the bridge."), "193 ASSAULT COP"));
  EXPECT_TRUE(has(coded(k, "the district police clamped curfew in the old town."), "1723 COERCE COP"));
  EXPECT_TRUE(has(coded(k, "the police caught two thieves near the market."), "173 COERCE COP"));
  // agentless tear gas and warning shots, and "police firing" as a noun
  EXPECT_TRUE(has(coded(k, "tear gas shells were lobbed near the bus stand."), "175 ASSAULT COP"));
  EXPECT_TRUE(has(coded(k, "three rounds were fired in the air near the bazaar."), "175 ASSAULT COP"));
  EXPECT_TRUE(has(coded(k, "residents said the police firing lasted an hour."), "193 ASSAULT COP"));
  EXPECT_TRUE(has(coded(k, "two men died due to police firing near the fort."), "175 ASSAULT COP"));
  EXPECT_TRUE(has(coded(k, "residents described the firing by the police near the fort."), "193 ASSAULT COP"));
  // the clause subject is not the doer of a nominal arrest: the critic arrests nobody
  const auto condemned = coded(k, "The opposition condemned the arrest of the editor.");
  EXPECT_TRUE(has(condemned, "173 COERCE COP"));
  EXPECT_FALSE(has(condemned, "173 COERCE OPP"));
  // a nominal act asked for, and an act that should happen, did not happen
  const Document d =
      code_text(k, "The opposition demanded the arrest of the contractor. The guilty should be arrested.");
  size_t arrests = 0;
  for (const Event& e : d.events) {
    if (e.cameo != "173") continue;
    ++arrests;
    EXPECT_EQ(e.mode, EventMode::possible) << e.rule;
  }
  EXPECT_EQ(arrests, 2U);
}

// Reduced relatives of arrests, deaths in police firing, and "according to X" (2026-11-23).
TEST(CodeArticle, ReducedRelativeArrestsAndAccordingToStatements) {
  const Knowledge& k = load();
  // the noun before "arrested under/for" is who was arrested, not the arrester
  const auto held = coded(k, "traders arrested under the new act were released on bail.");
  EXPECT_TRUE(has(held, "173 COERCE COP"));
  for (const std::string& e : held) EXPECT_EQ(e.rfind("173 COERCE BUS", 0), std::string::npos) << e;
  EXPECT_TRUE(has(coded(k, "the men detained for looting the shop were taken to court."), "173 COERCE COP"));
  EXPECT_TRUE(has(coded(k, "two smugglers were booked under the customs act."), "173 COERCE COP"));
  EXPECT_TRUE(has(coded(k, "vendors arrested from the fair were let off with a warning."), "173 COERCE COP"));
  EXPECT_TRUE(has(coded(k, "buses carried the arrested farmers to the stadium."), "173 COERCE COP"));
  EXPECT_TRUE(has(coded(k, "two clerks were among those taken into custody near the gate."), "173 COERCE COP"));
  EXPECT_TRUE(has(coded(k, "the story broke with the arrest of a clerk named ramesh."), "173 COERCE COP"));
  // dying words beyond "kill" and "die"
  EXPECT_TRUE(has(coded(k, "an old man perished in police firing near the canal."), "175 ASSAULT COP"));
  EXPECT_TRUE(has(coded(k, "the boy succumbed due to police firing on the square."), "175 ASSAULT COP"));
  // "according to X" is X's statement when nothing else is coded ...
  EXPECT_TRUE(has(coded(k, "according to the police, the shops stayed shut all day."), "010 OTHER COP"));
  // ... and only an attribution when the sentence codes an act
  const auto told = coded(k, "according to the police, forty rioters were arrested in the evening.");
  EXPECT_TRUE(has(told, "173 COERCE COP"));
  EXPECT_FALSE(has(told, "010 OTHER COP"));
}

// Acts asked for in a content clause are not acts done (bundled dictionary: appeals, reiterate).
TEST(CodeArticle, AppealsAndObligationsDoNotCodeTheActAskedFor) {
  const Knowledge& k = load();
  const auto urged = coded(k, "Japan urged that Peru sign the trade treaty.");
  EXPECT_TRUE(has(urged, "020 REQUEST JPN"));
  EXPECT_FALSE(has(urged, "057 SUPPORT PER"));
  const auto obliged = coded(k, "Japan reiterated on Monday that Peru must release the fishermen.");
  EXPECT_TRUE(has(obliged, "100 REQUEST JPN"));
  EXPECT_EQ(obliged.size(), 1U);
}

// Domestic protest: people with no country protesting in a place are of its country, and
// protest with no target is addressed to that country.
TEST(CodeArticle, ProtestersWithNoCountryTakeThePlacesCountry) {
  const Knowledge& k = load();
  auto events = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const Event& e : code_text(k, text).events)
      out.push_back(e.cameo + " " + e.source.code + "->" + (e.target ? e.target->code : std::string("-")));
    return out;
  };
  EXPECT_TRUE(has(events("Hundreds of students marched in Lima on Friday."), "141 PEREDU->PER"));
  // protesters of another country keep theirs, and get no target from the place
  EXPECT_TRUE(has(events("Hundreds of Chilean students marched in Lima on Friday."), "141 CHLEDU->-"));
  // with no place nothing is added
  EXPECT_TRUE(has(events("Hundreds of students marched on Friday."), "141 EDU->-"));
}

TEST(CodeArticle, ADayAfterAParticleIsNoParticleObject) {
  const Knowledge& k = load();
  // "insist on X" is a demand (100); an "on" that opens a day or date is the date's preposition
  EXPECT_TRUE(has(coded(k, "Ghana insisted on a recount of the ballot."), "100 REQUEST GHA"));
  EXPECT_FALSE(has(coded(k, "Ghana insisted on Thursday that the ballot in Togo had been fair."), "100 REQUEST GHA"));
  EXPECT_FALSE(has(coded(k, "Chile insisted on 3 March that its navy had left the bay."), "100 REQUEST CHL"));
}

TEST(CodeArticle, ConstituentRepublicsOfYugoslaviaKeepTheirOwnCodes) {
  const Knowledge& k = load();
  // in 2002 (the helper's date) Serbia and Montenegro were republics of FR Yugoslavia with their own governments
  EXPECT_TRUE(has(coded(k, "Serbia criticised Montenegro on Monday."), "111 ACCUSE SRB"));
  EXPECT_TRUE(has(coded(k, "Yugoslavia criticised Croatia on Monday."), "111 ACCUSE YUG"));
}

TEST(CodeArticle, AnnouncedActsAreCommitmentsOrThreatsInPlover) {
  const Knowledge& k = load();
  // data/plover/types.tsv announced_as: the CAMEO code stays, the PLOVER type follows the mode
  EXPECT_TRUE(has(coded(k, "The United States imposed sanctions on Cuba."), "163 SANCTION USA"));
  EXPECT_TRUE(has(coded(k, "The United States will impose sanctions on Cuba."), "163 THREATEN USA"));
  EXPECT_TRUE(has(coded(k, "Japan withdrew its troops from Iraq."), "0874 RETREAT JPN"));
  EXPECT_TRUE(has(coded(k, "Japan will withdraw its troops from Iraq."), "0874 AGREE JPN"));
  // an agreement to withdraw is the intent row's own (0356), "troops" read inside the mention "its troops"
  EXPECT_TRUE(has(coded(k, "Japan agreed to withdraw its troops from Iraq."), "0356 AGREE JPN"));
  EXPECT_TRUE(has(coded(k, "Police will be deployed near the stadium."), "150 MOBILIZE COP"));
}

TEST(CodeArticle, ReducedRelativesArePassive) {
  const Knowledge& k = load();
  // "X arrested in Y were/said ...": X was arrested (an arrest is the police's), not the arrester
  const auto a = coded(k, "Two Kenyan students arrested in Nairobi on Monday were released on bail.");
  EXPECT_TRUE(has(a, "173 COERCE KENCOP"));  // the implicit police of the place's country
  EXPECT_FALSE(has(a, "173 COERCE KENEDU"));
  EXPECT_TRUE(has(coded(k, "Three militants detained at the border said they were beaten."), "173 COERCE COP"));
  // no main verb after it: the participle is the sentence's verb and stays active
  EXPECT_TRUE(has(coded(k, "The Kenyan students arrested in Nairobi."), "173 COERCE KENEDU"));
  // the pattern's own words after the verb are its complement: active
  EXPECT_TRUE(
      has(coded(k, "On Monday Kenyan troops remained on alert across the occupied zone."), "151 MOBILIZE KENMIL"));
}

TEST(CodeArticle, IntentToYieldIsPloverAgree) {
  const Knowledge& k = load();
  // CAMEO 035x (intent to ease sanctions) is an offer to cooperate: PLOVER AGREE, not CONCEDE
  EXPECT_TRUE(has(coded(k, "The United States agreed to lift sanctions on Cuba."), "0354 AGREE USA"));
}

}  // namespace
// What was demanded, refused or threatened is not an act of the one who demands it (2026-11-23).
TEST(CodeArticle, ActsAfterACodedDemandInItsClauseAreItsContent) {
  const Knowledge& k = load();
  auto starts = [](const std::vector<std::string>& events, const std::string& prefix) {
    return std::any_of(events.begin(), events.end(), [&](const std::string& e) { return e.rfind(prefix, 0) == 0; });
  };
  // the halt asked of Bolivia is no de-escalation by Chile; the ultimatum (139) stays
  const auto ultimatum = coded(k, "Chile issued an ultimatum to Bolivia to halt raids on the border.");
  EXPECT_TRUE(starts(ultimatum, "139 "));
  EXPECT_FALSE(starts(ultimatum, "087 "));
  // talks demanded are no talks held
  const auto talks = coded(k, "Chile demanded talks with Bolivia on Monday.");
  EXPECT_TRUE(starts(talks, "100 "));
  EXPECT_FALSE(starts(talks, "040 "));
  // an act of another actor in the same sentence is no content of the demand
  EXPECT_TRUE(
      has(coded(k, "the traders demanded compensation after the police lathi-charged the crowd."), "175 ASSAULT COP"));
}

// Nouns that look like verbs (plover5): a plural before "of", a gerund named as a noun, and a
// country word before two plural nouns joined by "and".
std::vector<std::string> dyads(const Knowledge& k, const std::string& text) {
  Article a;
  a.id = "d";
  a.text = text;
  a.published = Date::ymd(2002, 3, 10);
  a.published_origin = DateOrigin::input;
  std::vector<std::string> out;
  for (const Event& e : code_article(k, a).events)
    out.push_back(e.cameo + " " + (e.source.code.empty() ? std::string("-") : e.source.code) + "->" +
                  (e.target ? e.target->code : std::string("-")) + " " + std::string(to_string(e.mode)));
  return out;
}

TEST(CodeArticle, APluralBeforeOfIsANounNotAVerb) {
  const Knowledge& k = load();
  // "positions" is no deployment: the shelling of the positions is the event, aimed at their owner
  auto shelled = dyads(k, "Turkish artillery shelled positions of the Syrian army near the border on Monday.");
  EXPECT_TRUE(has(shelled, "194 TURMIL->SYRMIL happened")) << ::testing::PrintToString(shelled);
  for (const std::string& e : shelled) EXPECT_NE(e.rfind("15", 0), 0U) << e;
  // the same noun as a verb after its subject stays a verb
  auto moved = dyads(k, "The Turkish army positions tanks near the Syrian border.");
  EXPECT_FALSE(moved.empty());
  // "attacks of the rebels": no attack by the subject of "repulsed" on "of"
  auto repulsed = dyads(k, "Kenyan troops repulsed attacks of Somali rebels near the border.");
  EXPECT_TRUE(has(repulsed, "190 KENMIL->SOMREB happened")) << ::testing::PrintToString(repulsed);
  EXPECT_EQ(repulsed.size(), 1U) << ::testing::PrintToString(repulsed);
}

TEST(CodeArticle, APluralAfterAPrepositionIsANounNotAVerb) {
  const Knowledge& k = load();
  // "damages" after "for" is no act of damaging by the one sued
  auto sued = dyads(k, "A Kenyan farmer is suing the Ugandan government for damages to his crops.");
  for (const std::string& e : sued) EXPECT_NE(e.rfind("17", 0), 0U) << e;
  EXPECT_TRUE(has(sued, "115 KENAGR->UGAGOV happened")) << ::testing::PrintToString(sued);
}

TEST(CodeArticle, AGerundNamedAsANounHasNoClauseSubjectAsItsDoer) {
  const Knowledge& k = load();
  // the government that condemns a killing did not kill
  auto condemned = dyads(k, "The French government condemned the killing of two Algerian journalists.");
  for (const std::string& e : condemned) EXPECT_NE(e.rfind("18", 0), 0U) << e;
  EXPECT_TRUE(has(condemned, "111 FRAGOV->DZAMED happened")) << ::testing::PrintToString(condemned);
  // "by X" names the doer of the gerund noun
  auto by = dyads(k, "Kenya condemned the killing of two Somali journalists by Ethiopian soldiers.");
  bool ethiopian = false;
  for (const std::string& e : by)
    ethiopian = ethiopian || (e.rfind("18", 0) == 0 && e.find(" ETHMIL->") != std::string::npos);
  EXPECT_TRUE(ethiopian) << ::testing::PrintToString(by);
  // a gerund that is the clause's own verb keeps its subject
  auto killing = dyads(k, "Somali rebels are killing Kenyan soldiers near the border.");
  EXPECT_TRUE(has(killing, "190 SOMREB->KENMIL happened")) << ::testing::PrintToString(killing);
}

TEST(CodeArticle, ACountryWordReachesOverTwoPluralNounsJoinedByAnd) {
  const Knowledge& k = load();
  auto e = dyads(k, "Israeli helicopters and tanks shelled the Palestinian police on Monday.");
  EXPECT_TRUE(has(e, "194 ISRMIL->PSECOP happened")) << ::testing::PrintToString(e);
}

TEST(CodeArticle, UnableOrUnwillingToActIsNoAct) {
  const Knowledge& k = load();
  auto e = dyads(k, "the police were unable to stop the mob near the market.");
  EXPECT_TRUE(has(e, "170 COP->- negated") || has(e, "170 COP->CRM negated")) << ::testing::PrintToString(e);
  auto u = dyads(k, "the constables were unwilling to register any complaint from the traders.");
  for (const std::string& x : u) EXPECT_EQ(x.find("happened"), std::string::npos) << x;
  EXPECT_FALSE(u.empty());
  // nobody arrested is no arrest; an arrest wanted or judged likely is not done
  for (const std::string& x : dyads(k, "nobody was arrested during the march."))
    EXPECT_EQ(x.find("happened"), std::string::npos) << x;
  for (const std::string& x : dyads(k, "the opposition wants the minister booked under the act."))
    EXPECT_EQ(x.find("happened"), std::string::npos) << x;
  for (const std::string& x : dyads(k, "both organisers are likely to be arrested by next week."))
    EXPECT_EQ(x.find("happened"), std::string::npos) << x;
  EXPECT_FALSE(dyads(k, "both organisers are likely to be arrested by next week.").empty());
  // "a wanted man" is no wish
  EXPECT_TRUE(has(dyads(k, "a wanted man was arrested near the station."), "173 COP->CRM happened"));
  // a denied verb of acting where action was expected (data/cameo/inaction.tsv)
  EXPECT_TRUE(has(dyads(k, "the policemen posted nearby did not act."), "170 COP->- negated"))
      << ::testing::PrintToString(dyads(k, "the policemen posted nearby did not act."));
  EXPECT_TRUE(has(dyads(k, "the police have deliberately not responded to the calls."), "170 COP->- negated"));
  // acting is no event in the affirmative
  EXPECT_TRUE(dyads(k, "the police acted quickly.").empty());
  // a plain act stays done
  auto done = dyads(k, "the police registered cases against the rioters.");
  EXPECT_TRUE(std::any_of(done.begin(), done.end(), [](const std::string& x) {
    return x.rfind("173 ", 0) == 0 && x.ends_with(" happened");
  })) << ::testing::PrintToString(done);
}

TEST(CodeArticle, WithdrawalsDoneAndReviewedWordNetVerbsAreCoded) {
  const Knowledge& k = load();
  auto starts = [](const std::vector<std::string>& events, const std::string& prefix) {
    return std::any_of(events.begin(), events.end(), [&](const std::string& e) { return e.rfind(prefix, 0) == 0; });
  };
  // a withdrawal the subject carries out (RETREAT)
  EXPECT_TRUE(starts(dyads(k, "Ugandan troops completed their withdrawal from the Congolese town on Friday."),
                     "0874 UGAMIL->"));
  // "its"/"their" before a bare agent: the agent of the actor named before it
  EXPECT_TRUE(starts(dyads(k, "Uganda said on Tuesday its troops had completed their withdrawal from the town."),
                     "0874 UGAMIL->"));
  // WordNet synonyms reviewed one by one (dyad verbs suggest)
  EXPECT_TRUE(
      starts(dyads(k, "Kenyan troops drove back an attack by Somali rebels near the border."), "190 KENMIL->SOM"));
  EXPECT_TRUE(starts(dyads(k, "The Iranian navy blocked off the port on Monday."), "191 IRNMIL->"));
  EXPECT_TRUE(starts(dyads(k, "Venezuelan authorities sequestered the property of the company."), "1711 VEN"));
}

TEST(CodeArticle, RetreatsOutOfAPlaceAndGivingUpPostsAreCoded) {
  const Knowledge& k = load();
  auto starts = [](const std::vector<std::string>& events, const std::string& prefix) {
    return std::any_of(events.begin(), events.end(), [&](const std::string& e) { return e.rfind(prefix, 0) == 0; });
  };
  EXPECT_TRUE(starts(dyads(k, "Chadian troops pulled out of Mali on Sunday."), "0874 TCDMIL->MLI"))
      << ::testing::PrintToString(dyads(k, "Chadian troops pulled out of Mali on Sunday."));
  EXPECT_TRUE(starts(dyads(k, "The army abandoned three border posts during the night."), "0874 MIL->"));
  EXPECT_TRUE(starts(dyads(k, "Sudan withdrew its peacekeepers from Somalia."), "0874 SDN->SOM"));
  EXPECT_TRUE(starts(dyads(k, "The rebels pulled back behind the river line."), "0874 REB->"));
  // a place described after "in" is where the act happened, not its target
  EXPECT_TRUE(has(dyads(k, "Ugandan rebels surrendered in the northern town of Gulu."), "0874 UGAREB->- happened"))
      << ::testing::PrintToString(dyads(k, "Ugandan rebels surrendered in the northern town of Gulu."));
  // "as" + an actor + its own verb opens a clause: the opposition is not the one resigned from
  auto resigned = dyads(k, "The Georgian president resigned as the opposition threatened to storm the parliament.");
  EXPECT_TRUE(has(resigned, "0831 GEOGOV->- happened")) << ::testing::PrintToString(resigned);
  // evacuating a place is giving it up; evacuating people from a place is a rescue
  EXPECT_TRUE(starts(dyads(k, "The militia evacuated the southern village at dawn."), "0874 "));
  auto rescued = dyads(k, "Coast guard boats evacuated 200 tourists from the flooded island.");
  EXPECT_TRUE(starts(rescued, "073 ")) << ::testing::PrintToString(rescued);
  EXPECT_FALSE(starts(rescued, "0874 ")) << ::testing::PrintToString(rescued);
}

TEST(CodeArticle, EvacuatingPeopleOrACivilianCampIsNoRetreat) {
  const Knowledge& k = load();
  for (const char* text :
       {"Rescue workers evacuated residents of the refugee camp.", "Police dismantled the squatters' camp on Tuesday."})
    for (const std::string& x : dyads(k, text)) EXPECT_NE(x.rfind("0874", 0), 0U) << text << ": " << x;
  // a military camp given up stays a retreat
  EXPECT_TRUE(has(dyads(k, "Israeli troops evacuated the military camp near the border."), "0874 ISRMIL->- happened"))
      << ::testing::PrintToString(dyads(k, "Israeli troops evacuated the military camp near the border."));
}

TEST(CodeArticle, APromiseOfNotDoingIsNoIntentToCooperate) {
  const Knowledge& k = load();
  auto not_to = dyads(k, "Russia vowed not to return the islands to Japan.");
  for (const std::string& x : not_to) EXPECT_NE(x.rfind("03", 0), 0U) << x;
  EXPECT_TRUE(std::any_of(not_to.begin(), not_to.end(), [](const std::string& x) {
    return x.rfind("08", 0) == 0 && x.ends_with(" negated");
  })) << ::testing::PrintToString(not_to);
  // a pattern gap of an intent code stops at a negation: "would not return" is no promise to return
  auto would_not = dyads(k, "Russia vowed it would not return the islands to Japan.");
  for (const std::string& x : would_not) EXPECT_NE(x.rfind("0353", 0), 0U) << x;
  EXPECT_TRUE(std::any_of(would_not.begin(), would_not.end(), [](const std::string& x) {
    return x.rfind("08", 0) == 0 && x.ends_with(" negated");
  })) << ::testing::PrintToString(would_not);
  // the promise to do it stays one
  auto to = dyads(k, "Russia vowed to return the islands to Japan.");
  EXPECT_TRUE(std::any_of(to.begin(), to.end(), [](const std::string& x) { return x.rfind("035", 0) == 0; }))
      << ::testing::PrintToString(to);
}

TEST(CodeArticle, TwoMembersOfOneSectorAreItsActorNotAPair) {
  const Knowledge& k = load();
  EXPECT_TRUE(has(dyads(k, "the two policemen at the gate did not act."), "170 COP->- negated"))
      << ::testing::PrintToString(dyads(k, "the two policemen at the gate did not act."));
  EXPECT_TRUE(has(dyads(k, "the two constables arrested a pickpocket near the bus stand."), "173 COP->- happened"))
      << ::testing::PrintToString(dyads(k, "the two constables arrested a pickpocket near the bus stand."));
}

TEST(CodeArticle, TheyWithNoPairIsTheMostRecentGroup) {
  const Knowledge& k = load();
  auto e = dyads(k, "The police reached the old market at noon. They opened fire to scatter the stone-throwers.");
  EXPECT_TRUE(std::any_of(e.begin(), e.end(), [](const std::string& x) { return x.rfind("193 COP->", 0) == 0; }))
      << ::testing::PrintToString(e);
  // a pair named together stays the referent
  auto p = dyads(k, "Putin met Xi in Beijing. They signed a joint statement on energy.");
  EXPECT_TRUE(std::any_of(p.begin(), p.end(), [](const std::string& x) { return x.rfind("057 RUS", 0) == 0; }))
      << ::testing::PrintToString(p);
  // no group in this or the previous sentence: nothing is coded for "they"
  EXPECT_TRUE(dyads(k, "It rained all day. They opened fire near the bridge.").empty());
}

TEST(CodeArticle, TheActorRightBeforeANounActIsItsDoerAfterAPreposition) {
  const Knowledge& k = load();
  auto firing = dyads(k, "as many as 68 people had been killed in the riots, including ten in police firing.");
  EXPECT_TRUE(std::any_of(firing.begin(), firing.end(), [](const std::string& x) {
    return x.rfind("193 COP->", 0) == 0;
  })) << ::testing::PrintToString(firing);
  EXPECT_TRUE(has(dyads(k, "the deaths due to police inaction angered the residents."), "170 COP->- negated"))
      << ::testing::PrintToString(dyads(k, "the deaths due to police inaction angered the residents."));
  // a verb after "on police" is no act of the police
  for (const std::string& x : dyads(k, "attacks on police killed four men."))
    EXPECT_EQ(x.find(" COP->"), std::string::npos) << x;
}

TEST(CodeArticle, HarmInTheFiringIsAPoliceFiringAndNoOneHurtDeniesOnlyTheHarm) {
  const Knowledge& k = load();
  // "in the firing" with no doer named: the firing already reported, read as police firing
  EXPECT_TRUE(has(dyads(k, "a shopkeeper was wounded in the firing near the bus stand."), "175 COP->- happened"))
      << ::testing::PrintToString(dyads(k, "a shopkeeper was wounded in the firing near the bus stand."));
  EXPECT_TRUE(has(dyads(k, "two youths died during the lathi-charge."), "175 COP->- happened"));
  // injuries "sustained" or "received" in a firing, with or without its doer
  EXPECT_TRUE(has(dyads(k, "four hawkers sustained injuries in the firing at the depot."), "175 COP->- happened"))
      << ::testing::PrintToString(dyads(k, "four hawkers sustained injuries in the firing at the depot."));
  EXPECT_TRUE(has(dyads(k, "a porter received bullet injuries in police firing."), "175 COP->- happened"));
  EXPECT_TRUE(dyads(k, "the striker sustained an injury during the match.").empty());
  // "no one was hurt" denies the harm, not the firing
  EXPECT_TRUE(has(dyads(k, "nobody was hurt in the firing on the bridge."), "175 COP->- happened"))
      << ::testing::PrintToString(dyads(k, "nobody was hurt in the firing on the bridge."));
  EXPECT_TRUE(has(dyads(k, "no one was killed in police firing at the market."), "175 COP->- happened"));
  // ... while a denied arrest stays denied
  EXPECT_TRUE(has(dyads(k, "nobody was arrested."), "173 COP->- negated"));
  EXPECT_TRUE(has(dyads(k, "no arrests were made in the town."), "173 COP->- negated"));
  // the harm's own negator is undone; a negation before it in the clause stays
  EXPECT_FALSE(
      has(dyads(k, "the police did not say no one was killed in the firing at the market."), "175 COP->- happened"));
}

TEST(CodeArticle, AParticipleAfterTheObjectOfAPrepositionIsAReducedRelative) {
  const Knowledge& k = load();
  // the phrase after "of"/"with" is no subject, so "arrested" after it is a passive with the police as doer
  const auto cases = dyads(k, "the court heard the pleas of the 40 traders arrested in the town for hoarding.");
  EXPECT_TRUE(has(cases, "173 COP->BUS happened")) << ::testing::PrintToString(cases);
  for (const std::string& x : cases) EXPECT_EQ(x.rfind("173 BUS", 0), std::string::npos) << x;
  const auto talks = dyads(k, "talks with several students detained recently showed that they had no weapons.");
  for (const std::string& x : talks) EXPECT_EQ(x.rfind("173 EDU", 0), std::string::npos) << x;
  EXPECT_TRUE(std::any_of(talks.begin(), talks.end(), [](const std::string& x) {
    return x.rfind("173 COP->", 0) == 0;
  })) << ::testing::PrintToString(talks);
  // count words between the preposition and the phrase ("of more than 40", "of at least 12")
  for (const char* text : {"the court heard the pleas of more than 40 traders arrested in the town for hoarding.",
                           "the court heard the pleas of at least 12 traders arrested in the town for hoarding."}) {
    const auto counted = dyads(k, text);
    EXPECT_TRUE(has(counted, "173 COP->BUS happened")) << text << ::testing::PrintToString(counted);
    for (const std::string& x : counted) EXPECT_EQ(x.rfind("173 BUS", 0), std::string::npos) << x;
  }
  // a subordinator is no governing preposition: the police remain the arresters
  EXPECT_TRUE(has(dyads(k, "after police arrested 30 men in the town, the crowd left."), "173 COP->- happened"))
      << ::testing::PrintToString(dyads(k, "after police arrested 30 men in the town, the crowd left."));
}

TEST(CodeArticle, AClauseAfterSinceIsNoObjectAlsoWhenItsSubjectIsTwoMentions) {
  const Knowledge& k = load();
  // "U.N." and "peacekeepers" are two adjacent mentions; "withdrew" is still their verb
  const char* text = "Niger's army stepped up operations in the west since U.N. peacekeepers withdrew in March.";
  const auto e = dyads(k, text);
  EXPECT_TRUE(std::any_of(e.begin(), e.end(), [](const std::string& x) { return x.rfind("190 NERMIL->- ", 0) == 0; }))
      << ::testing::PrintToString(e);
  for (const std::string& x : e) EXPECT_EQ(x.find("->IGOUNO"), std::string::npos) << x;
}

// "Holding talks with a minister" is a meeting, not an arrest: the broad arrest row with a gap
// before a person noun has no "hold" (custody is "hold T in custody", a row of its own).
TEST(CodeArticle, HoldingTalksWithAnOfficialIsNoArrest) {
  const Knowledge& k = load();
  auto talks = coded(k, "The Polish president held talks on Tuesday with the minister.");
  EXPECT_FALSE(std::any_of(talks.begin(), talks.end(), [](const std::string& x) { return x.rfind("173", 0) == 0; }))
      << ::testing::PrintToString(talks);
  EXPECT_TRUE(has(talks, "040 CONSULT POLGOV")) << ::testing::PrintToString(talks);
  EXPECT_TRUE(has(coded(k, "Police held the protesters in custody overnight."), "173 COERCE COP"));
}

// A place's name inside a person's name ("novelist Jack London") or standing for that person later names no
// country: no event of the country's government.
TEST(CodeArticle, APlacesNameThatIsAPersonsSurnameCodesNoCountry) {
  const Knowledge& k = load();
  auto e = coded(k,
                 "The novelist Jack London visited Oakland in May. London said the trip had been useful. Prime "
                 "Minister Luís Montenegro met the visitors. Montenegro said trade had grown.");
  for (const std::string& x : e) {
    EXPECT_EQ(x.find("GBR"), std::string::npos) << ::testing::PrintToString(e);
    EXPECT_EQ(x.find("MNE"), std::string::npos) << ::testing::PrintToString(e);
  }
}

// A known person's surname as the middle word of a longer unknown name is that other person's name: it does not
// take the known person's code, unless the longer name opens with the known person's given name.
TEST(CodeArticle, AKnownSurnameInsideALongerNameCodesNoKnownPerson) {
  const Knowledge& k = load();
  auto e = coded(k, "Iraqi Deputy Minister Karim Abbas Nouri criticised the plan on Tuesday.");
  for (const std::string& x : e) EXPECT_EQ(x.find("PSE"), std::string::npos) << ::testing::PrintToString(e);
  EXPECT_TRUE(std::any_of(e.begin(), e.end(), [](const std::string& x) { return x.find("IRQ") != std::string::npos; }))
      << ::testing::PrintToString(e);
  auto same = coded(k, "Mahmoud Ahmed Abbas criticised the plan on Tuesday.");
  EXPECT_TRUE(std::any_of(same.begin(), same.end(), [](const std::string& x) {
    return x.find("PSE") != std::string::npos;
  })) << ::testing::PrintToString(same);
}

// A lower-case actor word describing an official body ("the U.N. refugee agency") names no group of its own: the
// body's organisation is the actor, never the one word.
TEST(CodeArticle, AnActorWordBeforeABodyNounIsNoMentionOfItsOwn) {
  const Knowledge& k = load();
  const Document d = code_text(k, "The U.N. refugee agency accused the militia of blocking aid convoys on Friday.");
  for (const Mention& m : d.mentions) EXPECT_NE(m.span.of(d.article.text), "refugee");
  for (const Event& e : d.events) EXPECT_NE(e.source.text, "refugee");
  auto e = coded(k, "The U.N. refugee agency accused the militia of blocking aid convoys on Friday.");
  EXPECT_TRUE(std::any_of(e.begin(), e.end(), [](const std::string& x) {
    return x.find("IGOUNO") != std::string::npos;
  })) << ::testing::PrintToString(e);
}

TEST(CodeArticle, ANounActTakesAMultiWordActorRightBeforeIt) {
  const Knowledge& k = load();
  auto firing = dyads(k, "Two students died in the clashes on Friday, one of them in security forces firing.");
  EXPECT_TRUE(std::any_of(firing.begin(), firing.end(), [](const std::string& x) {
    return x.rfind("193 COP->", 0) == 0;
  })) << ::testing::PrintToString(firing);
}

TEST(CodeArticle, TwoMembersOfOneSectorAfterANamedPairAreStillTheSector) {
  const Knowledge& k = load();
  auto e = dyads(k, "Putin met Xi in Beijing. The two policemen arrested a pickpocket near the bus stand.");
  EXPECT_TRUE(has(e, "173 COP->- happened")) << ::testing::PrintToString(e);
  // a pair noun still names the pair
  auto p = dyads(k, "Putin met Xi in Beijing. The two leaders signed a joint statement on energy.");
  EXPECT_TRUE(std::any_of(p.begin(), p.end(), [](const std::string& x) { return x.rfind("057 RUS", 0) == 0; }))
      << ::testing::PrintToString(p);
}

TEST(CodeArticle, TheyPrefersARecentGroupToTwoPeopleNamedApart) {
  const Knowledge& k = load();
  auto e = dyads(k,
                 "Putin met Xi in May. Protests grew in the city over the summer. The police reached the square "
                 "at noon. They opened fire to scatter the crowd.");
  EXPECT_TRUE(std::any_of(e.begin(), e.end(), [](const std::string& x) { return x.rfind("193 COP->", 0) == 0; }))
      << ::testing::PrintToString(e);
}

TEST(CodeArticle, AgentlessSecurityActsOfThePoliceTableTakeThePoliceAsDoer) {
  const Knowledge& k = load();
  // data/verbs/police.tsv rows of codes in data/cameo/implicit_agents.tsv
  EXPECT_TRUE(has(coded(k, "three villages near the river were placed under curfew on monday."), "1723 COERCE COP"));
  EXPECT_TRUE(has(coded(k, "two pistols and some cartridges were recovered from the car."), "1711 COERCE COP"));
  EXPECT_TRUE(has(coded(k, "the market was kept under close vigil all night."), "151 MOBILIZE COP"));
  // with a doer named, the doer
  auto escort = coded(k, "the pilgrims reached their homes under police escort.");
  EXPECT_TRUE(std::any_of(escort.begin(), escort.end(), [](const std::string& x) {
    return x.rfind("074 ", 0) == 0 && x.ends_with(" COP");
  })) << ::testing::PrintToString(escort);
  auto march = coded(k, "residents watched a flag march by the police through the old town.");
  EXPECT_TRUE(has(march, "153 MOBILIZE COP")) << ::testing::PrintToString(march);
  auto pressed = coded(k, "the home guards were pressed into service after the riots.");
  EXPECT_TRUE(has(pressed, "150 MOBILIZE COP")) << ::testing::PrintToString(pressed);
  // the same nouns in no such frame code nothing
  EXPECT_TRUE(coded(k, "the curfew pass was found in his pocket.").empty());
  EXPECT_TRUE(coded(k, "the economy recovered from the slump.").empty());
}

TEST(CodeArticle, AnInvertedSpeakerWithNothingElseCodedMakesAStatement) {
  const Knowledge& k = load();
  auto statement_by_police = [](const std::vector<std::string>& e) {
    return std::any_of(e.begin(), e.end(),
                       [](const std::string& x) { return x.rfind("010 ", 0) == 0 && x.ends_with(" COP"); });
  };
  // nothing coded in the content: the speaker after the verb made a statement
  auto alone = coded(k, "the roads will stay closed till noon, said a senior police officer.");
  EXPECT_TRUE(statement_by_police(alone)) << ::testing::PrintToString(alone);
  // an event in the content: that event (attributed to the speaker), and no statement
  auto with_event = coded(k, "the police arrested six men near the market, said a senior police officer.");
  EXPECT_TRUE(has(with_event, "173 COERCE COP")) << ::testing::PrintToString(with_event);
  EXPECT_FALSE(statement_by_police(with_event)) << ::testing::PrintToString(with_event);
  // no punctuation before the verb: the words after it open the content, no speaker
  auto no_mark = coded(k, "nobody knew what would happen said the police.");
  EXPECT_FALSE(statement_by_police(no_mark)) << ::testing::PrintToString(no_mark);
}

TEST(CodeArticle, MorePoliceActsAndInactionsAreCoded) {
  const Knowledge& k = load();
  EXPECT_TRUE(has(coded(k, "a police team will interrogate the two suspects next week."), "090 ACCUSE COP"));
  EXPECT_TRUE(has(coded(k, "senior police officers rushed to the spot."), "150 MOBILIZE COP"));
  EXPECT_TRUE(has(coded(k, "the home guards are camping in the village."), "150 MOBILIZE COP"));
  EXPECT_TRUE(has(coded(k, "the constables conducted searches in the hostel rooms."), "091 ACCUSE COP"));
  // inaction (data/cameo/inaction.tsv): the act not done, negated
  auto failed = code_text(k, "the police failed to disperse the crowd near the station.").events;
  ASSERT_FALSE(failed.empty());
  EXPECT_EQ(failed[0].mode, EventMode::negated);
  EXPECT_EQ(failed[0].source.sector, "COP");
  auto sided = code_text(k, "at two places the policemen mingled with the rioters.").events;
  ASSERT_FALSE(sided.empty());
  EXPECT_EQ(sided[0].mode, EventMode::negated);
  // an ordinary presence or a reached agreement is no such act
  EXPECT_TRUE(coded(k, "the police presence was visible in the market.").empty());
  EXPECT_FALSE(has(coded(k, "the two sides reached an agreement at the site."), "150 MOBILIZE COP"));
}

TEST(CodeArticle, AParticipleThatIsNoPastTenseAfterAMentionIsAReducedRelative) {
  const Knowledge& k = load();
  // "taken" is no past tense: the students did not take anyone into custody
  auto e = coded(k, "the 40 students taken into custody near the campus were released on bail.");
  EXPECT_TRUE(has(e, "173 COERCE COP")) << ::testing::PrintToString(e);
  EXPECT_FALSE(has(e, "173 COERCE EDU")) << ::testing::PrintToString(e);
  // the past tense keeps the students as the doer
  EXPECT_TRUE(has(coded(k, "the students took two policemen into custody."), "173 COERCE EDU"));
}

TEST(CodeArticle, AnActInAPurposeInfinitiveAfterACodedActIsItsAim) {
  const Knowledge& k = load();
  // the mediation is what the visit is for, not an act of the countries visited
  auto visit =
      coded(k, "The Chilean president will visit Peru and Bolivia next month to mediate in their water dispute.");
  EXPECT_TRUE(has(visit, "042 AGREE CHLGOV")) << ::testing::PrintToString(visit);
  for (const std::string& x : visit) EXPECT_NE(x.compare(0, 3, "045"), 0) << x;
  // the complaint is what the summons is for, not an act of the ambassador
  auto summoned = coded(k, "Germany summoned Turkey's ambassador on Monday to complain about the arrests.");
  EXPECT_TRUE(has(summoned, "114 ACCUSE DEU")) << ::testing::PrintToString(summoned);
  EXPECT_FALSE(has(summoned, "110 ACCUSE TURGOV")) << ::testing::PrintToString(summoned);
  // the same act with no act before it is coded
  EXPECT_TRUE(has(coded(k, "Turkey's ambassador complained about the arrests on Monday."), "110 ACCUSE TURGOV"));
}

TEST(CodeArticle, AWordAfterADeterminerAndModifiersIsANounNotAVerb) {
  const Knowledge& k = load();
  // "its many territorial demands": a noun phrase, no demand by the mission named before it
  auto e = coded(
      k, "The militia rejected the arrival of an observer mission until its many territorial demands are satisfied.");
  for (const std::string& x : e) EXPECT_NE(x.compare(0, 4, "100 "), 0) << x;
  // the verb with its subject is coded
  EXPECT_TRUE(has(coded(k, "Rebel leaders demand talks with the government."), "100 REQUEST REB"));
}

TEST(CodeArticle, AnEthnicGroupOfAnotherStateIsOfThatState) {
  const Knowledge& k = load();
  // a country word before a listed demonym: people of that country, not of the group's kin state
  EXPECT_TRUE(has(coded(k, "Bosnian Serbs demanded a ceasefire on Monday."), "107 REQUEST BIH"));
  EXPECT_TRUE(has(coded(k, "Bosnian Serb leader Radovan Karadzic rejected the plan."), "120 REJECT BIHGOV"));
  // "ethnic" and the demonym: the state the sentence places the group in
  EXPECT_TRUE(has(coded(k, "Hundreds of ethnic Hungarians marched on Sunday in Romania."), "141 PROTEST ROM"));
  // a place of another clause does not place the group
  auto other = coded(k, "Ethnic Hungarians marched through the town, officials in Bucharest said.");
  EXPECT_FALSE(has(other, "141 PROTEST ROM")) << ::testing::PrintToString(other);
  // the demonym alone keeps its country
  EXPECT_TRUE(has(coded(k, "Serbs demanded a ceasefire on Monday."), "107 REQUEST SRB"));
}

TEST(CodeArticle, AnEthnicGroupOfOrInAPlaceIsOfThatPlacesState) {
  const Knowledge& k = load();
  // the demonym, "of"/"in" and a place of another state (one plain word between at most)
  EXPECT_TRUE(has(coded(k, "The Serbs of Bosnia have accused Croatia of aggression."), "1123 ACCUSE BIH"));
  EXPECT_TRUE(has(coded(k, "Hungarians in Slovakia marched against the language law."), "1412 PROTEST SVK"));
}

TEST(CodeArticle, AnOfficeWordThatIsASurnameIsNoOffice) {
  const Knowledge& k = load();
  // "Bishop" of "John Bishop" is his surname, no churchman: the title before the name gives the country
  EXPECT_TRUE(has(coded(k, "British Defence Secretary John Bishop pledged military aid to Chad on Monday."),
                  "0332 AGREE GBRGOV"));
}

TEST(CodeArticle, AMentionAfterAPrepositionAndModifiersIsNoSubject) {
  const Knowledge& k = load();
  // "of the disputed Mediterranean port": the delegations are the subject, not the sea's region
  auto e = coded(k,
                 "The Kenyan and Ugandan delegations of the disputed Mediterranean port agreed to exchange data on "
                 "fishing.");
  EXPECT_TRUE(has(e, "0314 AGREE KENGOV")) << ::testing::PrintToString(e);
  EXPECT_FALSE(has(e, "0314 AGREE MDT")) << ::testing::PrintToString(e);
  // with no actor before the preposition the governed mention stays the subject's stand-in
  EXPECT_TRUE(has(coded(k, "A member of the Kenyan parliament went on hunger strike to protest the tax law."),
                  "1422 PROTEST KENLEG"));
}

TEST(CodeArticle, GoingBackOnAPledgeWithdrawalsWithTheParticleAfterAndComingToAnAgreement) {
  const Knowledge& k = load();
  EXPECT_TRUE(has(coded(k, "Kenya went back on its promise to open the border with Uganda."), "120 REJECT KEN"));
  EXPECT_TRUE(has(coded(k, "The junta reneged on its commitment to hold elections."), "120 REJECT MIL"));
  EXPECT_TRUE(has(coded(k, "Kenya pulled its troops out of Somalia."), "0874 RETREAT KEN"));
  EXPECT_TRUE(has(coded(k, "Kenya evacuated its soldiers from the Somali border town."), "0874 RETREAT KEN"));
  EXPECT_TRUE(has(coded(k, "Kenya and Uganda came to an agreement on the border."), "057 SUPPORT KEN"));
  // no gap after "come to": coming to power is no agreement
  auto power = coded(k, "The general came to power after the 1994 peace accord.");
  EXPECT_FALSE(has(power, "057 SUPPORT MIL")) << ::testing::PrintToString(power);
}

TEST(CodeArticle, TheDoerOfACommaParticipleIsTheMainClauses) {
  const Knowledge& k = load();
  // the market named before the comma was hit; it killed nobody
  auto shell = coded(k, "An artillery shell struck a busy market, killing four shopkeepers.");
  EXPECT_FALSE(has(shell, "190 ASSAULT BUS")) << ::testing::PrintToString(shell);
  // the rebels of the main clause did the killing, not the police named before the comma
  auto raid = coded(k, "Rebel fighters attacked a police post near the border, killing nine farmers.");
  EXPECT_TRUE(has(raid, "180 ASSAULT REB")) << ::testing::PrintToString(raid);
  EXPECT_FALSE(has(raid, "180 ASSAULT COP")) << ::testing::PrintToString(raid);
  // a passive main clause: its agent
  auto passive = coded(k, "A crowded bus depot was bombed by rebel fighters, killing nine passengers.");
  EXPECT_TRUE(has(passive, "180 ASSAULT REB")) << ::testing::PrintToString(passive);
  // reported without "that": the doer of the reported verb, not the speaker
  auto reported = coded(k, "The governor said police fired on the marchers, killing two students.");
  EXPECT_TRUE(has(reported, "180 ASSAULT COP")) << ::testing::PrintToString(reported);
  EXPECT_FALSE(has(reported, "180 ASSAULT GOV")) << ::testing::PrintToString(reported);
}

TEST(CodeArticle, ACommaParticipleOfForceThatNamesNoActorFallsOnTheMainActsTarget) {
  const Knowledge& k = load();
  // the man killed and the twelve arrested were among the marchers fired on; the arrest after
  // "and" is the police's too, not the killed man's
  // ("one man" is a count like "two men": the killing is 190, as for any count)
  auto fire = dyads(k, "Kenyan police opened fire on Somali marchers on Monday, killing one man and detaining 12.");
  EXPECT_TRUE(has(fire, "190 KENCOP->SOMCVL happened")) << ::testing::PrintToString(fire);
  EXPECT_TRUE(has(fire, "173 KENCOP->SOMCVL happened")) << ::testing::PrintToString(fire);
  EXPECT_FALSE(has(fire, "180 KENCOP->- happened")) << ::testing::PrintToString(fire);
  EXPECT_FALSE(has(fire, "190 KENCOP->- happened")) << ::testing::PrintToString(fire);
  for (const std::string& x : fire) EXPECT_NE(x.compare(0, 8, "173 CVL-"), 0) << x;
}

TEST(CodeArticle, TheDoerOfACommaParticipleIsNotTheSubjectOfARelativeClauseInTheObject) {
  const Knowledge& k = load();
  // the militants of the "where" clause hid; the troops of the main clause did the killing
  auto raid = coded(k, "Kenyan troops raided a village where Somali militants were hiding, killing nine civilians.");
  EXPECT_TRUE(has(raid, "180 ASSAULT KENMIL")) << ::testing::PrintToString(raid);
  for (const std::string& x : raid) EXPECT_EQ(x.find("SOM"), std::string::npos) << x;
  auto camp = coded(k, "Ugandan soldiers stormed a camp where rebel fighters had gathered, killing twelve men.");
  EXPECT_TRUE(has(camp, "190 ASSAULT UGAMIL")) << ::testing::PrintToString(camp);
  for (const std::string& x : camp) EXPECT_EQ(x.find("REB"), std::string::npos) << x;
}

TEST(CodeArticle, TheConditionOfAnActIsNoEventAndAnActAnnouncedUnlessIsAThreat) {
  const Knowledge& k = load();
  // the release is what Kenya asks for, not an act of Kampala
  auto threat =
      coded(k, "Kenya threatened to cut trade links with Uganda unless Kampala released the detained traders.");
  EXPECT_TRUE(has(threat, "131 THREATEN KEN")) << ::testing::PrintToString(threat);
  for (const std::string& x : threat) EXPECT_NE(x.compare(0, 3, "084"), 0) << x;
  // an announced boycott on a condition is a threat; the resignation is the condition
  auto boycott =
      coded(k, "The opposition party said it will boycott the parliamentary elections unless the president resigns.");
  EXPECT_TRUE(has(boycott, "143 THREATEN OPP")) << ::testing::PrintToString(boycott);
  for (const std::string& x : boycott) EXPECT_NE(x.compare(0, 3, "083"), 0) << x;
  // without the condition the announced boycott keeps its type
  EXPECT_TRUE(
      has(coded(k, "The opposition party said it will boycott the parliamentary elections."), "143 PROTEST OPP"));
}

TEST(CodeArticle, ACommitmentWithADayOrMannerBeforeItsToIsStillOnlyPromised) {
  const Knowledge& k = load();
  // a day or "in principle" between the verb of commitment and "to": the act is promised, not done
  auto aid = dyads(k, "Japan agreed in principle yesterday to send emergency aid to Haiti.");
  EXPECT_TRUE(has(aid, "073 JPN->HTI expected")) << ::testing::PrintToString(aid);
  EXPECT_FALSE(has(aid, "073 JPN->HTI happened")) << ::testing::PrintToString(aid);
  auto leave = dyads(k, "Kenya offered on Tuesday to withdraw its troops from Somalia.");
  EXPECT_TRUE(has(leave, "0874 KEN->SOM expected")) << ::testing::PrintToString(leave);
  EXPECT_FALSE(has(leave, "0874 KEN->SOM happened")) << ::testing::PrintToString(leave);
}

TEST(CodeArticle, TwoSidesAgreeingToShareInformationIntendItWithEachOther) {
  const Knowledge& k = load();
  // an intent of cooperation with a compound subject and no target is mutual
  auto share = dyads(k, "The Kenyan and Ugandan sides have agreed to share data on cattle raids.");
  EXPECT_TRUE(has(share, "0314 KEN->UGA happened")) << ::testing::PrintToString(share);
  EXPECT_TRUE(has(share, "0314 UGA->KEN happened")) << ::testing::PrintToString(share);
}

TEST(CodeArticle, ItsIsNotACountryNamedInsideAnApposition) {
  const Knowledge& k = load();
  // the United States only describes Kenya; "its citizens" are Kenya's
  auto urged = dyads(k, "Kenya, a close U.S. ally in the region, has urged its citizens to leave Somalia.");
  EXPECT_TRUE(has(urged, "020 KEN->KENCVL happened")) << ::testing::PrintToString(urged);
  EXPECT_FALSE(has(urged, "020 KEN->USACVL happened")) << ::testing::PrintToString(urged);
}

TEST(CodeArticle, AnOfficeOfTheCountryNamedAfterOfIsNotTheContextCountrysHolder) {
  const Knowledge& k = load();
  // "the president of Georgia" is not Putin, the president the sentence named before
  auto met = dyads(k, "Putin met the president of Georgia on Monday.");
  EXPECT_TRUE(has(met, "040 RUSGOV->GEOGOV happened")) << ::testing::PrintToString(met);
  EXPECT_FALSE(has(met, "040 RUSGOV->RUSGOV happened")) << ::testing::PrintToString(met);
}

TEST(CodeArticle, AnActAnnouncedUnlessSomethingHappensThatNoActorMustDoIsNoThreat) {
  const Knowledge& k = load();
  // nobody is asked to act: the aid is a promise with a proviso, not a threat
  auto aid = coded(k, "Japan will send food aid to Haiti unless the weather worsens.");
  EXPECT_TRUE(has(aid, "070 AGREE JPN")) << ::testing::PrintToString(aid);
  EXPECT_FALSE(has(aid, "070 THREATEN JPN")) << ::testing::PrintToString(aid);
  // a condition an actor must meet makes the same announced act a threat
  auto demand = coded(k, "Japan will send food aid to Haiti unless Port-au-Prince expels the Japanese envoy.");
  EXPECT_TRUE(has(demand, "070 THREATEN JPN")) << ::testing::PrintToString(demand);
  // an announced act of conflict is a threat whatever the condition
  auto ban =
      coded(k, "The opposition party said it will boycott the parliamentary elections unless turnout rules change.");
  EXPECT_TRUE(has(ban, "143 THREATEN OPP")) << ::testing::PrintToString(ban);
}

TEST(CodeArticle, ASubjectItIsTheCountryOrOrganisationBeforeIt) {
  const Knowledge& k = load();
  // "it" after "announced that" is Ghana, the only country before it
  auto expel = coded(k, "Ghana announced on Friday that it had expelled two Nigerian diplomats.");
  EXPECT_TRUE(has(expel, "161 SANCTION GHA")) << ::testing::PrintToString(expel);
  // an expletive "it" with no verb group of its own after it names nobody
  auto time = coded(k, "It is time to expel the Nigerian diplomats, Ghana said.");
  for (const std::string& x : time) EXPECT_NE(x.compare(0, 3, "161"), 0) << x;
}

TEST(CodeArticle, TheActOfAThatClauseGovernedByADenialIsDenied) {
  const Knowledge& k = load();
  auto denied =
      code_text(k, "Ethiopia denied on Monday that Ethiopian soldiers had attacked the Sudanese village.").events;
  auto attack = std::find_if(denied.begin(), denied.end(), [](const Event& e) { return e.cameo == "180"; });
  ASSERT_NE(attack, denied.end());
  EXPECT_EQ(attack->mode, EventMode::negated);
  // reported, not denied: the attack happened
  auto said = code_text(k, "Ethiopia said on Monday that Ethiopian soldiers had attacked the Sudanese village.").events;
  auto reported = std::find_if(said.begin(), said.end(), [](const Event& e) { return e.cameo == "180"; });
  ASSERT_NE(reported, said.end());
  EXPECT_EQ(reported->mode, EventMode::happened);
}

TEST(CodeArticle, AnActOfForceOrCoercionWithNoObjectIsDoneToThePlace) {
  const Knowledge& k = load();
  const auto target_of = [&](const std::string& text, const std::string& cameo) {
    for (const Event& e : code_text(k, text).events)
      if (e.cameo == cameo) return e.target ? e.target->code : std::string("-");
    return std::string("none");
  };
  EXPECT_EQ(target_of("Uganda threatened to ban public rallies in Kampala.", "130"), "UGA");
  EXPECT_EQ(target_of("Ugandan troops opened fire in Gulu on Monday.", "193"), "UGA");
  EXPECT_EQ(target_of("The government lifted the state of emergency in Gulu on Sunday.", "0814"), "UGA");
  // a named object stays the target
  EXPECT_EQ(target_of("The Kenyan army imposed a curfew on the students in Mombasa.", "1723"), "KENEDU");
}

TEST(CodeArticle, AWithdrawalWithinTheSourcesOwnCountryHasNoTarget) {
  const Knowledge& k = load();
  const auto targets = [&](const std::string& text) {
    std::vector<std::string> out;
    for (const Event& e : code_text(k, text).events)
      if (e.cameo == "0874") out.push_back(e.target ? e.target->code : std::string("-"));
    return out;
  };
  // a town of Kenya is where Kenyan troops withdrew, not whom the withdrawal is for
  EXPECT_EQ(targets("Kenyan troops withdrew from Garissa on Sunday."), std::vector<std::string>{"-"});
  // from a town of another country: that country is the target
  EXPECT_EQ(targets("Kenyan troops withdrew from Kismayo on Sunday."), std::vector<std::string>{"SOM"});
}

TEST(CodeArticle, APlaceAfterAMutualActOfACompoundSubjectIsWhereTheSidesMeet) {
  const Knowledge& k = load();
  const auto pairs = [&](const std::string& text, const std::string& cameo) {
    std::vector<std::string> out;
    for (const Event& e : code_text(k, text).events)
      if (e.cameo == cameo) out.push_back(e.source.code + "->" + (e.target ? e.target->code : std::string("-")));
    std::sort(out.begin(), out.end());
    return out;
  };
  // each side signs with the other, not with the city of the ceremony
  EXPECT_EQ(pairs("Kenya and Tanzania signed a trade agreement on Monday during a visit to Nairobi by the Tanzanian "
                  "president.",
                  "057"),
            (std::vector<std::string>{"KEN->TZA", "TZA->KEN"}));
  EXPECT_EQ(pairs("Kenyan and Ugandan negotiators returned to Arusha for talks on the border.", "046"),
            (std::vector<std::string>{"KENGOV->UGAGOV", "UGAGOV->KENGOV"}));
}

TEST(CodeArticle, ADefaultObjectThatIsAPlaceListsTheOtherPlacesWithIt) {
  const Knowledge& k = load();
  std::vector<std::string> targets;
  for (const Event& e :
       code_text(k, "The militant group has threatened to deliver heavy blows to Kenya and Uganda.").events)
    if (e.cameo == "130" && e.target) targets.push_back(e.target->code);
  std::sort(targets.begin(), targets.end());
  EXPECT_EQ(targets, (std::vector<std::string>{"KEN", "UGA"}));
  // a pattern's {T} slot too
  std::vector<std::string> sent;
  for (const Event& e : code_text(k, "Kenya sent troops to Somalia and Sudan on Monday.").events)
    if (e.cameo == "154" && e.target) sent.push_back(e.target->code);
  std::sort(sent.begin(), sent.end());
  EXPECT_EQ(sent, (std::vector<std::string>{"SDN", "SOM"}));
}

TEST(CodeArticle, ACountryWordBeforeModifiersAndATitleGivesTheTitleItsCountry) {
  const Knowledge& k = load();
  // "junior" stands between the country word and the title: still one noun phrase
  auto e = coded(k, "Kenyan junior foreign minister Peter Mwangi summoned Uganda's ambassador.");
  EXPECT_TRUE(has(e, "114 ACCUSE KENGOV")) << ::testing::PrintToString(e);
  EXPECT_FALSE(has(e, "114 ACCUSE GOV")) << ::testing::PrintToString(e);
}

// "the ambassadors of A, B and C" stand for each country listed; an envoy who names a country of
// his own is only posted in the place after the preposition and stays that country's.
TEST(CodeArticle, AnAgentOfItsOwnCountryIsNotSpreadOverThePlaceItIsPostedIn) {
  const Knowledge& k = load();
  const auto posted = coded(k, "Norway's ambassador in Nairobi, Tor Lund, condemned the raids.");
  EXPECT_TRUE(has(posted, "111 ACCUSE NORGOV")) << ::testing::PrintToString(posted);
  EXPECT_FALSE(has(posted, "111 ACCUSE KENGOV")) << ::testing::PrintToString(posted);
  const auto listed = coded(k, "Diplomats in Kenya and Uganda condemned the raids.");
  EXPECT_TRUE(has(listed, "111 ACCUSE KENGOV")) << ::testing::PrintToString(listed);
  EXPECT_TRUE(has(listed, "111 ACCUSE UGAGOV")) << ::testing::PrintToString(listed);
}

// Second-reader cases: a mutual act's party after "with" stays its target; a threat takes no
// target from where it was made; a fronted "denying" governs no clause; a present-tense verb
// after a country name is no modifier of the next noun; an agent word with no organisation named
// before it stays an actor before a body noun.
TEST(CodeArticle, SecondReaderCasesOfSessionTen) {
  const Knowledge& k = load();
  const auto with = coded(k, "Chile and Peru agreed to negotiate with Bolivia.");
  EXPECT_FALSE(with.empty());
  for (const Event& e : code_text(k, "Chile and Peru agreed to negotiate with Bolivia.").events)
    EXPECT_EQ(e.target ? e.target->code.substr(0, 3) : "", "BOL") << e.cameo << " " << e.source.code;
  for (const Event& e : code_text(k, "Speaking in Oslo, Putin threatened to use nuclear weapons.").events)
    EXPECT_FALSE(e.target && e.target->code == "NOR") << e.cameo;
  bool happened = false;
  for (const Event& e :
       code_text(k, "After denying the reports for weeks, Chile admitted that Peru shelled its border posts.").events)
    if (e.cameo.starts_with("19")) happened = e.mode == EventMode::happened;
  EXPECT_TRUE(happened);
  const auto bombs = coded(k, "Turkey bombs rebels in northern Iraq.");
  for (const Event& e : code_text(k, "Turkey bombs rebels in northern Iraq.").events)
    EXPECT_FALSE(e.target && e.target->code == "TURREB") << ::testing::PrintToString(bombs);
  EXPECT_FALSE(coded(k, "The military council arrested three opposition leaders on Monday.").empty());
}

// Second-reader cases of session 11 (issue #4), one test per fault.
// A comma participle after a "who" clause of an act is the relative clause's act: its doer is the
// antecedent, not the main clause's subject.
TEST(CodeArticle, ACommaParticipleAfterAWhoClauseIsTheRelativeClausesAct) {
  const Knowledge& k = load();
  const auto ev = coded(k, "Soldiers captured the insurgents who shelled the market, killing four traders.");
  EXPECT_TRUE(has(ev, "190 ASSAULT INS")) << ::testing::PrintToString(ev);
  EXPECT_FALSE(has(ev, "190 ASSAULT MIL")) << ::testing::PrintToString(ev);
}

// When the main clause's act is force and the "who" clause's act before the comma is none, the
// comma participle of force is the main clause's doer's.
TEST(CodeArticle, AParticipleOfForceAfterAWhoClauseOfNoForceIsTheMainClausesAct) {
  const Knowledge& k = load();
  const auto ev = coded(k, "Ugandan soldiers fired on Kenyan traders who blocked the bridge, killing seven.");
  EXPECT_TRUE(has(ev, "180 ASSAULT UGAMIL")) << ::testing::PrintToString(ev);
  EXPECT_FALSE(has(ev, "180 ASSAULT KENBUS")) << ::testing::PrintToString(ev);
  EXPECT_TRUE(has(ev, "144 PROTEST KENBUS")) << ::testing::PrintToString(ev);
  // victims of no country ("people", "civilians") are no reason to leave the main clause's doer; a count of
  // "people" is a bare count of those fired on, as "seven men" is
  const auto people =
      dyads(k, "Ugandan soldiers fired on Kenyan traders who blocked the bridge, killing seven people.");
  EXPECT_TRUE(has(people, "190 UGAMIL->KENBUS happened")) << ::testing::PrintToString(people);
  EXPECT_FALSE(has(people, "190 KENBUS->CVL happened")) << ::testing::PrintToString(people);
  const auto civilians = coded(k, "Police fired on students who blocked the avenue, killing five civilians.");
  EXPECT_TRUE(has(civilians, "180 ASSAULT COP")) << ::testing::PrintToString(civilians);
  EXPECT_FALSE(has(civilians, "180 ASSAULT EDU")) << ::testing::PrintToString(civilians);
  // a participle that names victims of a country may be the "who" clause's doers' act: it stays theirs
  const auto named = dyads(k,
                           "Ugandan soldiers shot at Kenyan rebels who had crossed the river, killing five Ugandan "
                           "farmers.");
  EXPECT_FALSE(has(named, "180 UGAMIL->UGAAGR happened")) << ::testing::PrintToString(named);
}

// A participle of force whose victim is no actor word takes no target from the main act; a bare
// count of the main act's target still does.
TEST(CodeArticle, AParticiplesVictimOfAnotherKindIsNotTheMainActsTarget) {
  const Knowledge& k = load();
  // the ambush (180 -> MIL) and the killing of the cyclist (180, no target)
  size_t targetless = 0;
  for (const Event& e :
       code_text(k, "Insurgents ambushed a navy patrol near the coast, killing a passing cyclist.").events)
    if (e.cameo == "180" && !e.target) ++targetless;
  EXPECT_EQ(targetless, 1U);
  // "killing six": the patrol's people, the main act's target
  size_t on_navy = 0;
  for (const Event& e : code_text(k, "Insurgents ambushed a navy patrol near the coast, killing six.").events) {
    if (e.cameo != "180") continue;
    EXPECT_TRUE(e.target && e.target->code == "MIL");
    ++on_navy;
  }
  EXPECT_EQ(on_navy, 2U);
}

// "Police said <a noun> <verb> ...": the reported clause has a subject of its own; the police who
// only told of it are not its doer, so a {S:COP|SPY} custody row does not fire.
TEST(CodeArticle, AReportedClauseWithItsOwnSubjectIsNotTheSpeakersAct) {
  const Knowledge& k = load();
  const auto ev = coded(k, "Police said the landlord held the tenants in a shed.");
  EXPECT_FALSE(has(ev, "173 COERCE COP")) << ::testing::PrintToString(ev);
  EXPECT_TRUE(has(coded(k, "Police held five villagers at the station."), "173 COERCE COP"));
}

// A unit word (data/knowledge/unit_nouns.tsv) as the reported subject of a police, military or
// intelligence speaker is the speaker's own unit: the act is coded with the speaker as doer.
TEST(CodeArticle, AForcesUnitAsTheReportedSubjectIsTheSpeakersOwn) {
  const Knowledge& k = load();
  const auto army = coded(k, "The Ugandan army said a patrol killed nine rebels near the border.");
  EXPECT_TRUE(has(army, "190 ASSAULT UGAMIL")) << ::testing::PrintToString(army);
  const auto police = coded(k, "Ugandan police said a squad arrested 14 smugglers.");
  EXPECT_TRUE(has(police, "173 COERCE UGACOP")) << ::testing::PrintToString(police);
  // a count or a group of other people is no unit of the speaker's: the police did not do it
  for (const char* text :
       {"Ugandan police said a crowd attacked the market.", "Ugandan police said a group stormed the market.",
        "Ugandan police said the football team attacked the fans after the match."}) {
    for (const std::string& row : coded(k, text))  // their statement only (01x)
      if (row.find("UGACOP") != std::string::npos) {
        EXPECT_EQ(row.rfind("01", 0), 0U) << text << row;
      }
  }
}

// "held X back", "held X off", "held X at bay" are restraint, not custody
// (data/cameo/particle_senses.tsv).
TEST(CodeArticle, HeldWithAParticleAfterTheObjectIsNoCustody) {
  const Knowledge& k = load();
  for (const std::string text :
       {"Police held 40 students back at the gate.", "Police held the rioters off for an hour.",
        "Police held the crowd at bay near the gate."})
    EXPECT_FALSE(has(coded(k, text), "173 COERCE COP")) << text;
}

// The particle counts only when it closes the phrase: "back in <time>" and "off <noun phrase>"
// are an adverb of time and a preposition of place, not "hold back"/"hold off".
TEST(CodeArticle, BackBeforeATimeAndOffBeforeANounPhraseAreNoParticle) {
  const Knowledge& k = load();
  const auto talks = dyads(k, "Ethiopia and Sudan held talks back in June.");
  EXPECT_TRUE(has(talks, "040 ETH->SDN happened")) << ::testing::PrintToString(talks);
  const auto drills = coded(k, "Russian warships held naval exercises off the coast of Japan on Friday.");
  EXPECT_TRUE(has(drills, "150 MOBILIZE RUSMIL")) << ::testing::PrintToString(drills);
  EXPECT_FALSE(has(drills, "192 ASSAULT RUSMIL")) << ::testing::PrintToString(drills);
  EXPECT_TRUE(has(coded(k, "Ugandan police held the smugglers back in April."), "173 COERCE UGACOP"));
  // the particle before a preposition of place or at the clause's end still reads as restraint
  EXPECT_FALSE(has(coded(k, "Ugandan police held the smugglers back."), "173 COERCE UGACOP"));
}

// "go back on" is a rejection only with the commitment after "on" (a determiner or possessive may
// open it); "went back on <day> to ..." is a return, and the act after it is coded.
TEST(CodeArticle, GoBackOnADayIsNoRejection) {
  const Knowledge& k = load();
  const auto sign = dyads(k, "Sudan went back on Friday to sign the accord with Egypt.");
  EXPECT_FALSE(has(sign, "120 SDN->EGY happened")) << ::testing::PrintToString(sign);
  // the signing is the purpose of going back, not reported done (docs/coder.md, "Infinitives")
  EXPECT_TRUE(has(sign, "057 SDN->EGY possible")) << ::testing::PrintToString(sign);
  EXPECT_TRUE(has(dyads(k, "Ethiopia went back on its pledge to Sudan."), "120 ETH->SDN happened"));
  EXPECT_TRUE(has(dyads(k, "Ethiopia reneged on promises to Sudan."), "120 ETH->SDN happened"));
}

// "came to terms with" is an agreement only with an actor right after "with"; "coming to terms
// with the bombing" is acceptance.
TEST(CodeArticle, ComingToTermsWithALossIsNoAgreement) {
  const Knowledge& k = load();
  const auto loss = coded(k, "The Kenyan government is still coming to terms with the bombing.");
  EXPECT_FALSE(has(loss, "057 SUPPORT KENGOV")) << ::testing::PrintToString(loss);
  EXPECT_TRUE(has(dyads(k, "Ethiopia came to terms with Sudan over the dam."), "057 ETH->SDN happened"));
  EXPECT_TRUE(has(dyads(k, "Ethiopia came to an agreement with Sudan."), "057 ETH->SDN happened"));
}

// A show of force in a place of the doer's own country has no target: an actor is never coded
// on itself. In another country's place the place's country is still the target.
TEST(CodeArticle, AShowOfForceAtHomeHasNoTarget) {
  const Knowledge& k = load();
  const auto home = dyads(k, "Uganda deployed more soldiers in Gulu after the clashes.");
  EXPECT_TRUE(has(home, "154 UGA->- happened")) << ::testing::PrintToString(home);
  EXPECT_FALSE(has(home, "154 UGA->UGA happened")) << ::testing::PrintToString(home);
  const auto alert = dyads(k, "Ugandan soldiers were put on high alert in Gulu.");
  EXPECT_FALSE(has(alert, "151 UGAMIL->UGA happened")) << ::testing::PrintToString(alert);
  EXPECT_TRUE(has(dyads(k, "Uganda deployed more soldiers in Nairobi after the clashes."), "154 UGA->KEN happened"));
}

// Two organisations of no country are two doers: an "unless" clause whose subject is another
// IGO than the doer makes the announced act a threat.
TEST(CodeArticle, AnUnlessClauseOfAnotherOrganisationIsAThreat) {
  const Knowledge& k = load();
  std::string plover = "none";
  for (const Event& e : code_text(k, "The African Union will send food to Sudan unless the World Bank objects.").events)
    if (e.cameo == "073") plover = e.plover;
  EXPECT_EQ(plover, "THREATEN");
}

// "<count> of the <noun>" is a bare count of the main act's target when the noun names that
// target or people of no kind.
TEST(CodeArticle, ACountOfTheTargetsNounIsABareCount) {
  const Knowledge& k = load();
  for (const std::string text :
       {"Ugandan soldiers opened fire on Kenyan marchers, killing at least nine of the marchers.",
        "Ugandan soldiers opened fire on Kenyan marchers, killing at least nine of the people."}) {
    const auto ev = dyads(k, text);
    EXPECT_TRUE(has(ev, "180 UGAMIL->KENCVL happened")) << text << ::testing::PrintToString(ev);
  }
  // a person of another kind is not the target's people
  const auto other = dyads(k, "Ugandan soldiers opened fire on Kenyan marchers, killing three of the guards.");
  EXPECT_FALSE(has(other, "180 UGAMIL->KENCVL happened")) << ::testing::PrintToString(other);
}

// An "unless" clause makes a threat only when its own subject is an actor other than the doer.
TEST(CodeArticle, AnUnlessClauseThreatensOnlyAnotherActorThatIsItsSubject) {
  const Knowledge& k = load();
  auto plover_of_073 = [&](const std::string& text) {
    for (const Event& e : code_text(k, text).events)
      if (e.cameo == "073") return e.plover;
    return std::string("none");
  };
  EXPECT_EQ(plover_of_073("Canada will ship medicine to Sudan unless clashes between the army and rebels resume."),
            "AGREE");
  EXPECT_EQ(plover_of_073("Canada will ship medicine to Sudan unless it is told not to."), "AGREE");
  EXPECT_EQ(plover_of_073("Canada will ship medicine to Sudan unless Sudan expels the aid workers."), "THREATEN");
}

// Second-reader case of session 11 (issue #4): "the president of <a named body>" is no holder
// of the context country's office.
TEST(CodeArticle, AnOfficeOfANamedBodyIsNotTheContextCountrysHolder) {
  const Knowledge& k = load();
  const Document d = code_text(
      k, "Indian Prime Minister Atal Bihari Vajpayee met the president of the Asian Development Bank in Delhi.");
  ASSERT_FALSE(d.events.empty());
  for (const Event& e : d.events) {
    ASSERT_TRUE(e.target.has_value());
    EXPECT_TRUE(e.target->canonical.empty()) << e.target->canonical;
    EXPECT_EQ(e.target->code, "IGOASAADB");
  }
}

// A place the knowledge stage names ("in Harbin", a capital) has coordinates once the gazetteer
// resolves it; a regional code ("the West") is no town that shares a word of its name.
TEST(CodeArticle, LocationEntitiesCarryTheGazetteersCoordinates) {
  const Knowledge& k = load();
  const Document d = code_text(k, "The delegation travelled on to Harbin. Officials in the West criticised the trip.");
  const Entity* harbin = nullptr;
  const Entity* west = nullptr;
  for (const Entity& e : d.entities) {
    if (e.canonical == "Harbin") harbin = &e;
    if (e.code == "WST") west = &e;
  }
  ASSERT_NE(harbin, nullptr);
  ASSERT_TRUE(harbin->place.has_value());
  EXPECT_TRUE(harbin->place->located());
  EXPECT_EQ(harbin->place->country, "CHN");
  EXPECT_NEAR(harbin->place->lat, 45.75, 0.5);
  EXPECT_NEAR(harbin->place->lon, 126.65, 0.5);
  ASSERT_NE(west, nullptr);
  EXPECT_FALSE(west->place && west->place->located()) << west->place->name << " " << west->place->country;
}

// A place noun (data/knowledge/actor_words.tsv) written with a capital is part of a name ("Rhode
// Island", "Orange County"): the unknown word after it is no place of its own.
TEST(CodeArticle, ACapitalisedPlaceNounInANameDoesNotMakeTheNextWordAPlace) {
  const Knowledge& k = load();
  for (const char* text : {"Senator Ada Vell, the Rhode Island Democrat who leads the panel, spoke on Monday.",
                           "Ada Vell, the Orange County Republican, spoke on Monday."}) {
    const Document d = code_text(k, text);
    for (const Entity& e : d.entities)
      EXPECT_FALSE(e.type == EntityType::location && (e.canonical == "Democrat" || e.canonical == "Republican"))
          << text << ": " << e.canonical;
  }
}

// The object of a visit verb is a place even when the dictionaries do not know the name: the
// gazetteer gives its country, the visit's target, in the past and in the future.
TEST(CodeArticle, AVisitToATownTheDictionariesDoNotKnowIsAimedAtItsCountry) {
  const Knowledge& k = load();
  auto past = dyads(k, "Putin visited Harbin on Friday.");
  EXPECT_TRUE(has(past, "042 RUSGOV->CHN happened")) << ::testing::PrintToString(past);
  auto future = dyads(k, "The Chinese foreign minister will tour Mombasa next week.");
  EXPECT_TRUE(has(future, "042 CHNGOV->KEN expected")) << ::testing::PrintToString(future);
}

// "visit" and "tour" are nouns as often as verbs: the name after the noun is no place; the verb's object is,
// after an auxiliary, "to", "not" or a subject.
TEST(CodeArticle, OnlyTheObjectOfAVisitVerbIsTakenAsAPlace) {
  const Knowledge& k = load();
  auto place_rule = [&](const std::string& text, const std::string& name) {
    const Document d = code_text(k, text);
    for (const Mention& m : d.mentions)
      if (m.kind == MentionKind::location && m.place && m.place->name == name) return m.rule;
    return std::string("none");
  };
  EXPECT_EQ(place_rule("Xi visits Harbin on Monday.", "Harbin"), "place-visit");
  EXPECT_EQ(place_rule("Visiting Harbin on Monday, Xi praised its factories.", "Harbin"), "place-visit");
  // the name finder's reference says so too
  const Document visited = code_text(k, "Xi visits Tamsworth on Monday.");
  EXPECT_TRUE(std::any_of(visited.references.begin(), visited.references.end(),
                          [](const EntityReference& r) { return r.rule == "name:place-visit"; }));
  EXPECT_EQ(place_rule("Putin will not visit Harbin this year.", "Harbin"), "place-visit");
  EXPECT_EQ(place_rule("The envoy plans to tour Mombasa in May.", "Mombasa"), "place-visit");
  EXPECT_EQ(place_rule("After the visit Halvorsen accused Russia of lying.", "Halvorsen"), "none");
  EXPECT_EQ(place_rule("On his visit Marlowe criticised Iran.", "Marlowe"), "none");
}

// A country the article names pulls an ambiguous town only when that town is not many times
// smaller than its best-known namesake, and a country's centre point is near nothing.
TEST(CodeArticle, ACountryMentionDoesNotPullAWorldCityToASmallNamesake) {
  const Knowledge& k = load();
  const Document d = code_text(k, "Negotiators from the United States and Iran signed a deal in Geneva on Friday.");
  bool found = false;
  for (const Event& e : d.events) {
    if (!e.location || e.location->name != "Geneva") continue;
    found = true;
    EXPECT_EQ(e.location->country, "CHE") << e.location->lat << "," << e.location->lon;
  }
  EXPECT_TRUE(found);
}

TEST(CodeArticle, AShowOfForceOrARefusedDeploymentInAPlaceIsAimedAtItsCountry) {
  const Knowledge& k = load();
  auto force = dyads(k, "Kenya strengthened its forces in Somalia on Monday.");
  EXPECT_TRUE(has(force, "154 KEN->SOM happened")) << ::testing::PrintToString(force);
  auto refused = dyads(k, "Kenya refused to deploy peacekeepers in Somalia.");
  EXPECT_TRUE(has(refused, "1224 KEN->SOM happened")) << ::testing::PrintToString(refused);
}

// A country named before a title and a name that no person of that country bears is a namesake the
// dictionaries do not know: a person of that country with the title's sector, not the known person.
TEST(CodeArticle, ACountryBeforeATitleOverridesAKnownNamesakeOfAnotherCountry) {
  const Knowledge& k = load();
  const auto jordan = coded(k, "Jordan's King Abdullah met Egyptian President Hosni Mubarak in Cairo.");
  EXPECT_TRUE(has(jordan, "040 CONSULT JORGOV")) << ::testing::PrintToString(jordan);
  EXPECT_FALSE(has(jordan, "040 CONSULT SAUGOV")) << ::testing::PrintToString(jordan);
  // the known person when the country is his own
  const auto saudi = coded(k, "Saudi Crown Prince Abdullah met Egyptian President Hosni Mubarak in Cairo.");
  EXPECT_TRUE(has(saudi, "040 CONSULT SAUGOV")) << ::testing::PrintToString(saudi);
  // a full name written out is the known person, whatever country is named before it (his origin), and so is a
  // person who holds no state's office: the country word describes him
  const auto envoy = dyads(k, "Ghanaian diplomat Kofi Annan met Kenyan President Daniel arap Moi in Nairobi.");
  EXPECT_TRUE(has(envoy, "040 IGOUNO->KENGOV happened")) << ::testing::PrintToString(envoy);
  const auto leader = dyads(k, "Saudi militant Osama bin Laden threatened Kenya.");
  EXPECT_TRUE(has(leader, "130 IMGREBALQ->KEN happened")) << ::testing::PrintToString(leader);
}

// A role word before "of [the]" and an organisation's name is that organisation's agent: its code, not the
// article's only country.
TEST(CodeArticle, AnAgentOfANamedOrganisationTakesItsCode) {
  const Knowledge& k = load();
  const auto bank = dyads(k, "The Kenyan foreign minister met the president of the World Bank in Nairobi.");
  EXPECT_TRUE(has(bank, "040 KENGOV->IGOWLDWBK happened")) << ::testing::PrintToString(bank);
  EXPECT_FALSE(has(bank, "040 KENGOV->KENGOV happened")) << ::testing::PrintToString(bank);
  // words for ordinary people name no office or member of the body: the body's code is not theirs
  // (the civilians are the people of the place, Rafah: docs/coder.md, "Acts done to a place")
  const auto fired = dyads(k, "Egyptian troops fired on civilians of the Hamas government near Rafah.");
  EXPECT_TRUE(has(fired, "193 EGYMIL->PSECVL happened")) << ::testing::PrintToString(fired);
  const auto officials = dyads(k, "Egyptian troops fired on officials of the Hamas government near Rafah.");
  EXPECT_TRUE(has(officials, "193 EGYMIL->PSEREBHMS happened")) << ::testing::PrintToString(officials);
}

// A region's name the gazetteer holds ends in an agent word ("West Bank"): it is the place, with its country, not
// the region "the West" with bankers, nor a group of bankers after "occupied".
TEST(CodeArticle, ARegionNamedWithAnAgentWordIsAPlace) {
  const Knowledge& k = load();
  for (const char* text : {"Israeli police in the West Bank detained three protesters on Sunday.",
                           "Israeli police in the occupied West Bank detained three protesters on Sunday."}) {
    const Document d = code_text(k, text);
    bool place = false;
    for (const Entity& e : d.entities) {
      EXPECT_NE(e.code, "WSTBUS") << text;
      if (e.canonical == "West Bank") place = e.type == EntityType::location && e.place && e.place->country == "PSE";
    }
    EXPECT_TRUE(place) << text;
    ASSERT_FALSE(d.events.empty()) << text;
    for (const Event& ev : d.events) EXPECT_EQ(ev.source.code, "ISRCOP") << text;
  }
}

// A collective noun before "of" counts the people after it ("a group of Kenyan lawmakers met X": the
// lawmakers met X), and a list goes on before such a count ("X and a group of senators held talks").
TEST(CodeArticle, ACollectiveNounBeforeOfLeavesItsPeopleTheSubject) {
  const Knowledge& k = load();
  const auto group = dyads(k, "A group of Kenyan lawmakers met Ugandan President Yoweri Museveni in Kampala.");
  EXPECT_TRUE(has(group, "040 KENLEG->UGAGOV happened")) << ::testing::PrintToString(group);
  const auto list =
      dyads(k, "The Kenyan foreign minister and a group of senators held talks with Tanzanian officials in Arusha.");
  EXPECT_TRUE(has(list, "040 KENGOV->TZAGOV happened")) << ::testing::PrintToString(list);
}

// A bare role before "of [the]" and a place, with at most a two-word name between, is of that place's country,
// also when only the gazetteer or the name finder knows the place (a province, a town).
TEST(CodeArticle, ARoleOfAPlaceTakesThePlacesCountry) {
  const Knowledge& k = load();
  const auto province =
      dyads(k, "The government of Kandahar province banned all street rallies after the riots on Friday.");
  EXPECT_FALSE(province.empty());
  for (const std::string& e : province) EXPECT_EQ(e.find(" GOV->"), std::string::npos) << e;
  EXPECT_TRUE(std::any_of(province.begin(), province.end(), [](const std::string& e) {
    return e.find(" AFGGOV->") != std::string::npos;
  })) << ::testing::PrintToString(province);
  const auto king = dyads(k, "King Arvid of Norway received the Danish and Finnish ambassadors in Oslo.");
  EXPECT_TRUE(has(king, "043 NORGOV->DNKGOV happened")) << ::testing::PrintToString(king);
}

// Talks of two sides "on" a matter: an actor named in the matter is no third party ("renewed talks on a
// Ugandan troop withdrawal"), each side talks with the other.
TEST(CodeArticle, TheMatterOfMutualTalksIsNoTarget) {
  const Knowledge& k = load();
  const auto talks = dyads(k, "Kenya and Uganda renewed talks on a Ugandan troop withdrawal from the border.");
  EXPECT_TRUE(has(talks, "040 KEN->UGA happened")) << ::testing::PrintToString(talks);
  EXPECT_TRUE(has(talks, "040 UGA->KEN happened")) << ::testing::PrintToString(talks);
  EXPECT_FALSE(has(talks, "040 KEN->UGAMIL happened")) << ::testing::PrintToString(talks);
  // a determiner and modifiers before the noun: still talks taken up again
  const auto stalled = dyads(k, "Kenya and Uganda resumed their long-stalled border talks on Friday.");
  EXPECT_TRUE(has(stalled, "040 KEN->UGA happened")) << ::testing::PrintToString(stalled);
  const auto dialogue = dyads(k, "Uganda resumed political dialogue with Kenya last week.");
  EXPECT_TRUE(has(dialogue, "040 UGA->KEN happened")) << ::testing::PrintToString(dialogue);
  // talks that are not the object of "renew" are not taken up again
  const auto refusal = dyads(k, "Kenya renewed its refusal of talks with Uganda.");
  EXPECT_FALSE(has(refusal, "040 KEN->UGA happened")) << ::testing::PrintToString(refusal);
}

// A threat that names no one it is aimed at is aimed at the actor its "unless" clause asks to act.
TEST(CodeArticle, AThreatIsAimedAtTheActorOfItsUnlessClause) {
  const Knowledge& k = load();
  const auto border = dyads(k, "Kenya threatened to close its border unless Uganda withdrew its troops.");
  EXPECT_TRUE(has(border, "1381 KEN->UGA happened")) << ::testing::PrintToString(border);
  // a condition on no one else names no target
  const auto weather = dyads(k, "Kenya threatened to close its border unless the rains came.");
  EXPECT_TRUE(has(weather, "1381 KEN->- happened")) << ::testing::PrintToString(weather);
}

// Boycotting contact with someone reduces relations (160); launching or mounting an invasion is one (192).
TEST(CodeArticle, BoycottedContactAndALaunchedInvasionAreCoded) {
  const Knowledge& k = load();
  const auto boycott = dyads(k, "Kenyan ministers will boycott any contact with Uganda until the dispute ends.");
  EXPECT_TRUE(has(boycott, "160 KENGOV->UGA expected")) << ::testing::PrintToString(boycott);
  const auto shunned = dyads(k, "The Kenyan cabinet shunned diplomatic contact with Uganda on Friday.");
  EXPECT_TRUE(has(shunned, "160 KENGOV->UGA happened")) << ::testing::PrintToString(shunned);
  // an invasion that is no object of the verb is no invasion launched
  const auto inquiry = dyads(k, "Uganda ordered an inquiry into the invasion of Kenya.");
  EXPECT_FALSE(has(inquiry, "192 UGA->KEN happened")) << ::testing::PrintToString(inquiry);
  const auto invasion = dyads(k, "Uganda today mounted its invasion of Kenya.");
  EXPECT_TRUE(has(invasion, "192 UGA->KEN happened")) << ::testing::PrintToString(invasion);
  const auto military = dyads(k, "Uganda launched a full-scale military invasion of Kenya at dawn.");
  EXPECT_TRUE(has(military, "192 UGA->KEN happened")) << ::testing::PrintToString(military);
  const auto launched = dyads(k, "Uganda launched a ground invasion of Kenya on Monday.");
  EXPECT_TRUE(has(launched, "192 UGA->KEN happened")) << ::testing::PrintToString(launched);
}

// A word of a region's name the gazetteer holds is the region's, even after a preposition ("in West Bank towns"):
// not a province of another country that shares the word ("West", a region of Cameroon; "Northern", of Bahrain).
TEST(CodeArticle, AWordOfARegionsNameIsNoOtherPlace) {
  const Knowledge& k = load();
  for (const char* text : {"Israeli soldiers detained four youths in West Bank towns.",
                           "Officers in Northern Ireland detained three men on Friday."}) {
    const auto rows = dyads(k, text);
    EXPECT_FALSE(rows.empty()) << text;
    for (const std::string& row : rows) {
      EXPECT_EQ(row.find("CMR"), std::string::npos) << text << ::testing::PrintToString(rows);
      EXPECT_EQ(row.find("BHR"), std::string::npos) << text << ::testing::PrintToString(rows);
    }
  }
}

// A compass word and a state's name that the gazetteer holds together as a division of another state name that
// other state wherever the state's name would: the people placed in it, and the country of a chain after it.
TEST(CodeArticle, ACompassWordAndAStateThatNameAnotherStatesDivisionAreThatState) {
  const Knowledge& k = load();
  if (!k.gazetteer) GTEST_SKIP() << "no gazetteer";
  const auto police = dyads(k, "Police in Northern Ireland detained four teenagers in Belfast on Saturday.");
  EXPECT_TRUE(has(police, "173 GBRCOP->GBRCVL happened")) << ::testing::PrintToString(police);
  const auto farmers = dyads(k, "Northern Ireland farmers blocked roads near Belfast on Tuesday.");
  EXPECT_TRUE(has(farmers, "144 GBRAGR->GBR happened")) << ::testing::PrintToString(farmers);
  // not one region alone: an Iranian province named after a neighbouring state
  const auto officials = dyads(k, "West Azerbaijan officials closed the border crossing on Saturday.");
  EXPECT_TRUE(has(officials, "191 IRNGOV->- happened")) << ::testing::PrintToString(officials);
  // a state whose own name opens with a compass word, a part of a state the gazetteer holds as no other state's
  // division, and a name the gazetteer does not hold keep their reading
  for (const auto& [place, code] : std::vector<std::pair<std::string, std::string>>{{"South Sudan", "SSD"},
                                                                                    {"North Korea", "PRK"},
                                                                                    {"South Africa", "ZAF"},
                                                                                    {"Western Sahara", "ESH"},
                                                                                    {"Northern Cyprus", "CYP"},
                                                                                    {"Eastern Chad", "TCD"}}) {
    const auto rows = dyads(k, "Police in " + place + " detained four teenagers on Saturday.");
    EXPECT_TRUE(has(rows, "173 " + code + "COP->" + code + "CVL happened")) << place << ::testing::PrintToString(rows);
  }
}

// The people of part C (people_more.tsv) resolve on a date inside their terms only; a person with an office in
// part A too is the holder of the office valid on the article's date.
TEST(CodeArticle, PeopleOfFurtherCountriesResolveInsideTheirTerms) {
  auto at = [&](const std::string& text, Date date) {
    std::vector<std::string> out;
    for (const Event& e : testing_support::events_of_text(text, date))
      out.push_back(e.cameo + " " + e.source.code + "->" + (e.target ? e.target->code : std::string("-")));
    return out;
  };
  const std::string met = "Kristersson met Orbán in Budapest on Monday.";
  EXPECT_TRUE(has(at(met, Date::ymd(2023, 5, 8)), "040 SWEGOV->HUNGOV"))
      << ::testing::PrintToString(at(met, Date::ymd(2023, 5, 8)));
  // before Kristersson's term and before Orbán's first, neither holds an office: known people of their states
  EXPECT_TRUE(has(at(met, Date::ymd(1997, 5, 8)), "040 SWEELI->HUNELI"))
      << ::testing::PrintToString(at(met, Date::ymd(1997, 5, 8)));
  const std::string phoned = "Merkel phoned Tusk on Thursday.";
  EXPECT_TRUE(has(at(phoned, Date::ymd(2010, 5, 6)), "041 DEUGOV->POLGOV"))
      << ::testing::PrintToString(at(phoned, Date::ymd(2010, 5, 6)));
  EXPECT_TRUE(has(at(phoned, Date::ymd(2016, 5, 5)), "041 DEUGOV->IGOEUREEC"))
      << ::testing::PrintToString(at(phoned, Date::ymd(2016, 5, 5)));
}

TEST(CodeArticle, AgentlessBombingsAreUnidentifiedAttackersOfThePlace) {
  const Knowledge& k = load();
  // an agentless passive of a bombing: unidentified attackers (UAF) of the place's country
  auto car = dyads(k, "Four Danish soldiers were killed in a car bombing near the town of Kandahar on Tuesday.");
  EXPECT_TRUE(has(car, "1832 AFGUAF->DNKMIL happened")) << ::testing::PrintToString(car);
  auto mine = dyads(k, "Two Kenyan herders were wounded by a landmine outside of the Somali town of Baidoa.");
  EXPECT_TRUE(has(mine, "1833 SOMUAF->KENAGR happened")) << ::testing::PrintToString(mine);
  // a nominal bombing in a place that kills: the victims with no country are the place's people
  auto blast = dyads(k, "A bomb explosion in central Mogadishu killed nine people on Friday.");
  EXPECT_TRUE(has(blast, "183 SOMUAF->SOMCVL happened")) << ::testing::PrintToString(blast);
  // no place: the doer stays unidentified, of no country
  auto nowhere = dyads(k, "Three policemen were killed in a bomb attack on Sunday.");
  EXPECT_TRUE(has(nowhere, "183 UAF->COP happened")) << ::testing::PrintToString(nowhere);
  // a death that is no attack codes nothing
  EXPECT_TRUE(dyads(k, "Four Danish soldiers were killed in a car crash near Kandahar.").empty());
  // a named bomber stays the doer
  auto named = dyads(k, "Four Danish soldiers were killed by Somali rebels in a car bombing in Kandahar.");
  EXPECT_TRUE(has(named, "1832 SOMREB->DNKMIL happened")) << ::testing::PrintToString(named);
}

TEST(CodeArticle, ImplicitAgentsAndVictimsTakeThePlacesCountry) {
  const Knowledge& k = load();
  // the police of an agentless arrest in a place are that country's police
  auto arrest = dyads(k, "Six men were arrested in Lagos on Monday.");
  EXPECT_TRUE(has(arrest, "173 NGACOP->NGACVL happened")) << ::testing::PrintToString(arrest);
  // victims with no country of an act of force in a place are the place's people
  auto killing = dyads(k, "Rebels killed twelve people in Goma on Monday.");
  EXPECT_TRUE(has(killing, "190 REB->CODCVL happened")) << ::testing::PrintToString(killing);
  // a place right before a reporting verb is where the speaker is, not where the act was
  auto reported = dyads(k, "Rebels killed twelve people on Monday, officials in Goma said.");
  EXPECT_TRUE(has(reported, "190 REB->CVL happened")) << ::testing::PrintToString(reported);
}

TEST(CodeArticle, AnOfficerNamedAfterAnOrganisationHoldsItsOffice) {
  const Knowledge& k = load();
  // a title and a name right after an organisation: the organisation's officer, not the holder
  // of that office in the article's context country
  auto visit = dyads(k, "NATO Secretary General Tarvel Omond visited Kenya on Monday.");
  EXPECT_TRUE(has(visit, "042 IGOWSTNATGOV->KEN happened")) << ::testing::PrintToString(visit);
  auto met = dyads(k, "Arab League spokesman Tarvel Omond met Kenyan President Otieno on Monday.");
  EXPECT_TRUE(has(met, "040 IGOARBARLGOV->KENGOV happened")) << ::testing::PrintToString(met);
  // "Secretary General" in two words is no military general
  auto un = dyads(k, "The UN Secretary General visited Kenya on Monday.");
  EXPECT_TRUE(has(un, "042 IGOUNOGOV->KEN happened")) << ::testing::PrintToString(un);
  // a country's title keeps the country
  auto minister = dyads(k, "Kenyan Foreign Minister Tarvel Omond visited Uganda on Monday.");
  EXPECT_TRUE(has(minister, "042 KENGOV->UGA happened")) << ::testing::PrintToString(minister);
}

TEST(CodeArticle, SuspensionsShieldsMediationEffortsAndDoubleObjectAid) {
  const Knowledge& k = load();
  // a suspension of links announced: the act named by its noun (160)
  auto links = dyads(k, "Kenya ordered a freeze of trade links with Uganda after the border dispute.");
  EXPECT_TRUE(has(links, "160 KEN->UGA happened")) << ::testing::PrintToString(links);
  // holding people as human shields (184)
  auto shields = dyads(k, "The Kenyan army held Somali villagers as human shields near the border.");
  EXPECT_TRUE(has(shields, "184 KENMIL->SOMCVL happened")) << ::testing::PrintToString(shields);
  // a mediation effort launched between two parties: each is a target (045)
  auto mediation = dyads(k, "Qatar launched a mediation effort on Monday between Kenya and Uganda.");
  EXPECT_TRUE(has(mediation, "045 QAT->KEN happened")) << ::testing::PrintToString(mediation);
  EXPECT_TRUE(has(mediation, "045 QAT->UGA happened")) << ::testing::PrintToString(mediation);
  // aid given with a double object: "gave X <amount> of aid" (070)
  auto aid = dyads(k, "The African Union gave the Democratic Republic of Congo twelve million dollars of food aid.");
  EXPECT_TRUE(has(aid, "070 IGOAFRAFU->COD happened")) << ::testing::PrintToString(aid);
}

TEST(CodeArticle, APlaceOfTheAttachedWhenClauseAndAPlaceNounBeforeAName) {
  const Knowledge& k = load();
  // the act's clause names no place; the "when" clause of the same moment does
  const Document doc =
      code_text(k, "Three attackers killed eight people on Friday when they detonated explosives in Mombasa.");
  bool killing = false;
  for (const Event& e : doc.events)
    if (e.cameo == "190") {
      killing = true;
      ASSERT_TRUE(e.location.has_value());
      EXPECT_EQ(e.location->country, "KEN");
      ASSERT_TRUE(e.target.has_value());
      EXPECT_EQ(e.target->code, "KENCVL");  // the victims are the place's people
    }
  EXPECT_TRUE(killing);
  // "the capital X": the place noun right before the name describes it, as "the town of X" does
  auto shelled = dyads(k, "Ugandan rebels shelled the capital Kampala on Monday.");
  EXPECT_TRUE(has(shelled, "194 UGAREB->UGAGOV happened")) << ::testing::PrintToString(shelled);
}

// Second reading of the agentless-bombing and place rules: an actor that names the bomb is its doer; accidents and
// scares are no bombings; a "while" clause lends no place; a participle is no reporting verb; rows with no open gap
// before their noun; a killing of the "who" clause's own people's country is the main clause's; an organisation
// that is the object of a verb of saying lends no office.
TEST(CodeArticle, BombingsPlacesAndOfficesAfterTheSecondReading) {
  const Knowledge& k = load();
  auto first_place = [&](const std::string& text, const std::string& cameo) {
    for (const Event& e : code_text(k, text).events)
      if (e.cameo == cameo) return e.location ? e.location->name : std::string("-");
    return std::string("no event");
  };
  const auto named = dyads(k, "A rebel car bomb killed six soldiers in Goma on Friday.");
  EXPECT_TRUE(has(named, "1832 REB->CODMIL happened")) << ::testing::PrintToString(named);
  const auto attack = dyads(k, "Six soldiers were killed in a rebel bomb attack in Goma.");
  EXPECT_TRUE(has(attack, "183 REB->CODMIL happened")) << ::testing::PrintToString(attack);
  for (const char* text : {"Thirty workers were killed in a flood at a copper mine in Zambia.",
                           "Nine people were hurt in a stampede after a bomb scare in Kampala.",
                           "An explosion at a paint factory in Kumasi killed seven workers."})
    for (const std::string& row : dyads(k, text)) EXPECT_NE(row.rfind("18", 0), 0U) << text << " " << row;
  EXPECT_EQ(first_place("Rebels shelled Ugandan villages while peace talks went on in Nairobi.", "1712"), "-");
  EXPECT_EQ(first_place("Six soldiers were killed in a bomb attack in Mogadishu claimed by rebels.", "183"),
            "Mogadishu");
  for (const char* text : {"Kenya announced an end to the suspension of trade links with Uganda.",
                           "Kenya promised Uganda it would not "
                           "seek aid from Sudan."})
    for (const std::string& row : dyads(k, text))
      EXPECT_TRUE(row.rfind("160", 0) != 0 && row.rfind("070", 0) != 0) << text << " " << row;
  const auto own = dyads(k, "Ugandan soldiers fired on Kenyan herders who blocked the road, killing four Kenyans.");
  EXPECT_TRUE(has(own, "190 UGAMIL->KEN happened")) << ::testing::PrintToString(own);
  const auto told = dyads(k, "A senior aide told Reuters President Lomar Tesh would visit Kenya.");
  for (const std::string& row : told) EXPECT_EQ(row.find("GBRMEDREUGOV"), std::string::npos) << row;
}

TEST(CodeArticle, AProtestByAGroupIsTheGroupsProtest) {
  const Knowledge& k = load();
  // "protests by X": X are the protesters (the source), not whom the protest is aimed at; the
  // clause's subject, who only reacted to the protests, did not protest
  auto patrols =
      dyads(k, "The governor ordered patrols by police and soldiers after angry protests by Kenyan students.");
  EXPECT_TRUE(has(patrols, "141 KENEDU->- happened")) << ::testing::PrintToString(patrols);
  for (const std::string& d : patrols) EXPECT_EQ(d.find("141 KENCOP"), std::string::npos) << d;
  for (const std::string& d : patrols) EXPECT_EQ(d.find("141 KENMIL"), std::string::npos) << d;
  // with its target
  auto embassy = dyads(k, "Police watched a protest by Kenyan students against Uganda on Friday.");
  EXPECT_TRUE(has(embassy, "141 KENEDU->UGA happened")) << ::testing::PrintToString(embassy);
}

TEST(CodeArticle, TheOwnerOfAPassiveSubjectIsTheTarget) {
  const Knowledge& k = load();
  // the thing attacked is no actor; whose it is ("of") or whom it is for ("for") is the target
  auto homes = dyads(k, "The homes of Kenyan farmers were attacked by Somali gunmen.");
  EXPECT_TRUE(has(homes, "190 SOMUAF->KENAGR happened")) << ::testing::PrintToString(homes);
  auto camp = dyads(k, "A shelter for Sudanese refugees was raided by Chadian gunmen last week.");
  EXPECT_TRUE(has(camp, "190 TCDUAF->SDNREF happened")) << ::testing::PrintToString(camp);
}

TEST(CodeArticle, APatternGapStopsAtAReportedClauseOfItsOwn) {
  const Knowledge& k = load();
  // "announced ... it would end its aid": the announcement is no aid; the ending is the act
  auto halted = dyads(k, "Kenya announced today it would end its aid to Somali militias.");
  EXPECT_TRUE(has(halted, "162 KEN->SOMUAF expected")) << ::testing::PrintToString(halted);
  for (const std::string& d : halted) EXPECT_NE(d.rfind("070", 0), 0U) << d;
}

// Third reading (review18): a "when" clause lends only the place of its own act; a noun spelled as a
// reporting verb ("in X state") or an -ing form after a place is no speaker's verb; a pattern gap takes in
// no new subject; a bare "blast" is no bombing; an organisation after a verb lends no office, after a
// preposition it does, and its code keeps one sector; a place noun before a name with a verb after it
// describes nothing; refugees are not of the place they are in; a party's "general secretary" is no
// general; "in Northern X" is a place in X.
TEST(CodeArticle, PlacesOfficesAndGapsAfterTheThirdReading) {
  const Knowledge& k = load();
  auto place_of = [&](const std::string& text, const std::string& cameo) {
    for (const Event& e : code_text(k, text).events)
      if (e.cameo == cameo) return e.location ? e.location->name : std::string("-");
    return std::string("no event");
  };
  EXPECT_EQ(place_of("The governor was in Mombasa when gunmen killed five soldiers.", "190"), "-");
  EXPECT_EQ(place_of("Rebels attacked the convoy when the minister was in Kisumu.", "190"), "-");
  EXPECT_EQ(place_of("Police arrested nine traders in Kaduna state on Friday.", "173"), "Kaduna State");
  EXPECT_EQ(place_of("Police detained twenty workers in Lagos claiming they had looted shops.", "173"), "Lagos");
  for (const std::string& row : dyads(k, "After the bombing in Mombasa soldiers killed two suspects."))
    EXPECT_NE(row.rfind("183", 0), 0U) << row;
  for (const std::string& row : dyads(k, "Four workers were killed in a blast at a cement plant in Kumasi."))
    EXPECT_NE(row.rfind("18", 0), 0U) << row;
  const auto bomb = dyads(k, "Two soldiers were killed in a bomb blast in Goma.");
  EXPECT_TRUE(has(bomb, "183 CODUAF->CODMIL happened")) << ::testing::PrintToString(bomb);
  for (const std::string& row : dyads(k, "Weeks after joining NATO Prime Minister Ilsa Varn visited Kenya."))
    EXPECT_EQ(row.find("IGOWSTNAT"), std::string::npos) << row;
  const auto statement = dyads(k, "A statement by NATO spokeswoman Ilsa Varn condemned Kenya.");
  EXPECT_TRUE(has(statement, "111 IGOWSTNATGOV->KEN happened")) << ::testing::PrintToString(statement);
  const auto detained = dyads(k, "Reuters correspondent Ilsa Varn was detained by Kenyan police.");
  EXPECT_TRUE(has(detained, "173 KENCOP->GBRMEDREU happened")) << ::testing::PrintToString(detained);
  EXPECT_EQ(place_of("Ugandan troops shelled villages in the region Kenya claimed in 1990.", "1712"), "-");
  const auto refugees = dyads(k, "Gunmen killed five refugees in a camp near Goma.");
  EXPECT_TRUE(has(refugees, "190 UAF->REF happened")) << ::testing::PrintToString(refugees);
  for (const std::string& row : dyads(k, "The union's general secretary Ilsa Varn condemned Kenya."))
    EXPECT_EQ(row.find("MIL"), std::string::npos) << row;
  // a capitalised word of position the gazetteer also knows as a region is a direction in the place after it
  EXPECT_EQ(place_of("Ugandan troops shelled villages in Northern Kenya.", "1712"), "Kenya");
  EXPECT_EQ(place_of("Protesters marched in Central Nairobi on Friday.", "141"), "Nairobi");
  // review19: a later finite act of the blamed actor is its own act; a place noun before a name whose verb is
  // the clause's describes the place; an organisation object of another verb keeps the office; a noun spelled
  // as a reporting verb before a time word is no speaker's verb
  const auto later =
      dyads(k, "Tanzania condemned Kenya for weeks, and Kenya finally withdrew its troops from the lake.");
  EXPECT_TRUE(std::any_of(later.begin(), later.end(), [](const std::string& d) { return d.rfind("0874 KEN", 0) == 0; }))
      << ::testing::PrintToString(later);
  EXPECT_EQ(place_of("Gunmen in the capital Kampala attacked a police post.", "190"), "Kampala");
  const auto met = dyads(k, "Kenya's president met NATO spokeswoman Ilsa Varn, who criticised Uganda.");
  EXPECT_TRUE(has(met, "111 IGOWSTNATGOV->UGA happened")) << ::testing::PrintToString(met);
  EXPECT_EQ(place_of("Gunmen killed ten villagers in Kaduna state yesterday.", "180"), "Kaduna State");
}

TEST(CodeArticle, WhatAnActorIsBlamedForIsNoActOfIts) {
  const Knowledge& k = load();
  // "accused Y of violating": the violation is the accuser's claim, not a coded act of Y
  auto accused = dyads(k, "Kenya accused Uganda of violating the border treaty and ignoring the ceasefire.");
  EXPECT_TRUE(has(accused, "1123 KEN->UGA happened")) << ::testing::PrintToString(accused);
  for (const std::string& d : accused) EXPECT_EQ(d.find("UGA->"), std::string::npos) << d;
  // "arrested for spying for Z": the ground of the arrest is no act of the arrested
  auto arrested = dyads(k, "A Kenyan trader was arrested in Uganda for cooperating with Rwanda.");
  EXPECT_TRUE(has(arrested, "173 UGACOP->KENBUS happened")) << ::testing::PrintToString(arrested);
  for (const std::string& d : arrested) EXPECT_EQ(d.find("KENBUS->RWA"), std::string::npos) << d;
}

TEST(CodeArticle, ACountOfPeopleKilledInAParticipleIsTheMainTargetsPeople) {
  const Knowledge& k = load();
  // "killing at least 40 people": the people are those the attack hit, not civilians of no country
  for (const char* text : {"Kenyan gunmen attacked Somali farmers, killing at least 40 people.",
                           "A village of Somali farmers was attacked by Kenyan gunmen, killing 40 people."}) {
    auto killed = dyads(k, text);
    EXPECT_TRUE(has(killed, "190 KENUAF->SOMAGR happened")) << text << ::testing::PrintToString(killed);
    for (const std::string& d : killed) EXPECT_EQ(d.find("->CVL"), std::string::npos) << text << " " << d;
  }
  // people of a country of their own keep it
  auto named = dyads(k, "Kenyan gunmen attacked Somali farmers, killing 40 Ethiopian people.");
  EXPECT_TRUE(has(named, "190 KENUAF->ETHCVL happened")) << ::testing::PrintToString(named);
}

TEST(CodeArticle, ABareInsistAssertsAndInsistOnDemands) {
  const Knowledge& k = load();
  // "insisted (that) X had been ..." states a view; it is no demand
  auto asserted = dyads(k, "Tanzania insisted the election in Zanzibar had been fair.");
  for (const std::string& d : asserted) EXPECT_NE(d.rfind("10", 0), 0U) << d;
  // "insist on" a thing stays a demand
  auto demanded = dyads(k, "Tanzania insisted on new talks with Kenya.");
  EXPECT_TRUE(std::any_of(demanded.begin(), demanded.end(), [](const std::string& d) { return d.rfind("10", 0) == 0; }))
      << ::testing::PrintToString(demanded);
}

TEST(CodeArticle, AVisitNamedAsTheSubjectOfAFutureVerbIsExpected) {
  const Knowledge& k = load();
  // the arrival happened; the visit named as the subject of "will", past an apposition, has not yet
  auto visit = dyads(k,
                     "Kenyan President Daniel arap Moi arrived in Tanzania on Monday. His visit to Arusha, a northern "
                     "city, will focus on tourism.");
  EXPECT_TRUE(has(visit, "042 KENGOV->TZA happened")) << ::testing::PrintToString(visit);
  EXPECT_TRUE(has(visit, "042 KENGOV->TZA expected")) << ::testing::PrintToString(visit);
  auto trip = dyads(k, "Kenyan President Daniel arap Moi's trip to Tanzania will start on Monday.");
  EXPECT_TRUE(has(trip, "042 KENGOV->TZA expected")) << ::testing::PrintToString(trip);
  EXPECT_FALSE(has(trip, "042 KENGOV->TZA happened")) << ::testing::PrintToString(trip);
  // "will not" is left as it is: no plan
  auto off = dyads(k, "Kenyan President Daniel arap Moi's trip to Tanzania will not go ahead.");
  EXPECT_FALSE(has(off, "042 KENGOV->TZA expected")) << ::testing::PrintToString(off);
  // a past verb after the visit leaves it done
  auto ended = dyads(k, "Kenyan President Daniel arap Moi's trip to Tanzania ended on Monday.");
  EXPECT_TRUE(has(ended, "042 KENGOV->TZA happened")) << ::testing::PrintToString(ended);
}

// The visit named as the subject of "will" stays expected past a date, a place or a speaker's aside
// between the phrase and the verb; a past date ("last week") says it took place.
TEST(CodeArticle, AVisitNamedAsSubjectPastADatePlaceOrAsideIsExpected) {
  const Knowledge& k = load();
  auto dated = dyads(k, "Kenyan President Daniel arap Moi's trip to Tanzania next month will focus on tourism.");
  EXPECT_TRUE(has(dated, "042 KENGOV->TZA expected")) << ::testing::PrintToString(dated);
  EXPECT_FALSE(has(dated, "042 KENGOV->TZA happened")) << ::testing::PrintToString(dated);
  auto aside = dyads(k, "Kenyan President Daniel arap Moi's trip to Tanzania, aides said, will focus on tourism.");
  EXPECT_TRUE(has(aside, "042 KENGOV->TZA expected")) << ::testing::PrintToString(aside);
  auto placed =
      dyads(k, "Kenyan President Daniel arap Moi's talks with Tanzania in Arusha on Friday will cover trade.");
  EXPECT_TRUE(std::any_of(placed.begin(), placed.end(), [](const std::string& d) {
    return d.rfind("04", 0) == 0 && d.ends_with(" expected");
  })) << ::testing::PrintToString(placed);
  auto past = dyads(k, "Kenyan President Daniel arap Moi's trip to Tanzania last month will help tourism.");
  EXPECT_FALSE(has(past, "042 KENGOV->TZA expected")) << ::testing::PrintToString(past);
  // a written date decides by the article's date (2002-03-10 here), not by its words
  auto dated_past = dyads(k, "Kenyan President Daniel arap Moi's trip to Tanzania in June 2001 will help tourism.");
  EXPECT_FALSE(has(dated_past, "042 KENGOV->TZA expected")) << ::testing::PrintToString(dated_past);
  auto dated_future = dyads(k, "Kenyan President Daniel arap Moi's trip to Tanzania in June 2002 will help tourism.");
  EXPECT_TRUE(has(dated_future, "042 KENGOV->TZA expected")) << ::testing::PrintToString(dated_future);
  auto earlier = dyads(k, "Kenyan President Daniel arap Moi's trip to Tanzania earlier this month will help tourism.");
  EXPECT_FALSE(has(earlier, "042 KENGOV->TZA expected")) << ::testing::PrintToString(earlier);
  // an aside with a verb of its own is no speaker's: left as it was
  auto clause =
      dyads(k, "Kenyan President Daniel arap Moi's trip to Tanzania, which ended on Monday, will help tourism.");
  EXPECT_FALSE(has(clause, "042 KENGOV->TZA expected")) << ::testing::PrintToString(clause);
}

// Fourth reading of the officer, blamed-act, speaker, gap and place-description rules (our own sentences).
TEST(CodeArticle, OfficesBlameSpeakersGapsAndDescribedPlacesAfterTheFourthReading) {
  const Knowledge& k = load();
  auto source_of = [&](const std::string& text, const std::string& cameo) {
    for (const Event& e : code_text(k, text).events)
      if (e.cameo == cameo) return e.source.code;
    return std::string("no event");
  };
  auto place_of = [&](const std::string& text, const std::string& root) {
    for (const Event& e : code_text(k, text).events)
      if (e.cameo.compare(0, root.size(), root) == 0) return e.location ? e.location->name : std::string("-");
    return std::string("no event");
  };
  // the organisation and the title are one phrase unless the person is the subject of a verb right after
  EXPECT_EQ(source_of("The talks will go on, said NATO spokeswoman Dalia Veng, who criticised Uganda.", "111"),
            "IGOWSTNATGOV");
  EXPECT_EQ(source_of("Many envoys came, including NATO spokeswoman Dalia Veng, who criticised Uganda.", "111"),
            "IGOWSTNATGOV");
  // an act after a gerund of the accusation's complement is blamed, not done
  for (const char* text : {"Tanzania accused Malawi of having sent troops into its territory.",
                           "Tanzania accused Malawi of trying to annex the lake island."})
    for (const std::string& row : dyads(k, text)) EXPECT_EQ(row.find("MWI->"), std::string::npos) << text << " " << row;
  // a bare "say" after a place is the speaker's verb: the place is the speakers', not the act's
  EXPECT_EQ(place_of("Officials in Bunia say militiamen attacked two villages overnight.", "18"), "-");
  // a past participle opening a reduced relative is no new subject: the gap reaches "to death"
  EXPECT_TRUE(has(dyads(k, "A mob beat two traders accused of theft to death."), "1823 CRM->- happened"));
  // a reporting verb without "that" is no verb of the clause of "rebels in the capital X attacked"
  EXPECT_EQ(place_of("Police said rebels in the capital Bangui attacked a checkpoint.", "19"), "Bangui");
  // a place noun right before a gazetteer name in a determiner's phrase names the place
  EXPECT_EQ(place_of("Gunmen ambushed a police patrol in the provincial capital Gulu.", "1"), "Gulu");
}

// "killing 14 people" after a dateline: the one word "people" names no country of its own (the knowledge
// stage gives it the article's), so the count is still one of those the raid was aimed at; "people in
// <country>" say whose they are.
TEST(CodeArticle, ACountOfPeopleWithTheArticlesCountryIsStillTheMainActsTarget) {
  const Knowledge& k = load();
  const auto raid = dyads(k, "NAIROBI - Gunmen raided Somali traders on Sunday, killing 14 people.");
  for (const std::string& d : raid) EXPECT_EQ(d.find("->KENCVL"), std::string::npos) << d;
  EXPECT_TRUE(std::any_of(raid.begin(), raid.end(), [](const std::string& d) { return d.find("->SOMBUS") != d.npos; }))
      << ::testing::PrintToString(raid);
}

// "Rebels in the capital X attacked": the capital a place noun describes after "in" is where the rebels
// are, not the doer (no GOV of the capital's country), also right before the verb.
TEST(CodeArticle, APlaceDescribedAfterTheSubjectIsNoDoer) {
  const Knowledge& k = load();
  const auto ev = dyads(k, "Rebels in the capital Kampala attacked a police post on Sunday.");
  EXPECT_TRUE(has(ev, "190 UGAREB->UGACOP happened")) << ::testing::PrintToString(ev);
  for (const std::string& d : ev) EXPECT_NE(d.rfind("190 UGAGOV", 0), 0U) << d;
}

// Refugees (a displaced sector of data/knowledge/actor_words.tsv) are not of the country they are in:
// neither "in <country>" nor the article's only country makes them its people; "from <country>" does.
TEST(CodeArticle, RefugeesTakeNoCountryOfThePlaceTheyAreIn) {
  const Knowledge& k = load();
  const auto camp = dyads(k, "Hundreds of refugees in a camp in Chad protested against food cuts on Monday.");
  ASSERT_FALSE(camp.empty());
  for (const std::string& d : camp) EXPECT_EQ(d.find("TCDREF"), std::string::npos) << d;
  const auto from = dyads(k, "Refugees from Sudan protested in Chad against food cuts on Monday.");
  EXPECT_TRUE(std::any_of(from.begin(), from.end(), [](const std::string& d) { return d.find("SDNREF") != d.npos; }))
      << ::testing::PrintToString(from);
}

// "The suspected killer of three Kenyan farmers was arrested": the farmers counted after "of" and the
// killer are the complement of the head, not the passive's subject; the killer is whom the arrest is of.
TEST(CodeArticle, ACountedComplementOfAnActorIsNoPassiveSubject) {
  const Knowledge& k = load();
  const auto ev = dyads(k, "The suspected killer of three Kenyan farmers was arrested on Monday.");
  ASSERT_FALSE(ev.empty());
  for (const std::string& d : ev) EXPECT_EQ(d.find("->KENAGR"), std::string::npos) << d;
  EXPECT_TRUE(std::any_of(ev.begin(), ev.end(), [](const std::string& d) { return d.find("CRM happened") != d.npos; }))
      << ::testing::PrintToString(ev);
}

// Wordings of data/verbs/cameo.tsv added for whole categories: intent stated as "is committed to"
// (the 03x frames, beside "is ready/willing/prepared to"), placing someone under investigation (090),
// and refusing admittance or admission to someone, read as refusing entry (120).
TEST(CodeArticle, CommittedToInvestigationAndAdmittanceWordings) {
  const Knowledge& k = load();
  const auto committed = dyads(k, "Peru is committed to reforming its courts, the justice minister said.");
  EXPECT_TRUE(has(committed, "034 PER->PERJUD happened")) << ::testing::PrintToString(committed);
  const auto probed = dyads(k, "Norwegian prosecutors put the Kenyan ambassador under investigation.");
  EXPECT_TRUE(has(probed, "090 NORJUD->KENGOV happened")) << ::testing::PrintToString(probed);
  const auto refused = dyads(k, "Zambia was refusing admittance to Angolan refugees.");
  EXPECT_TRUE(has(refused, "120 ZMB->AGOREF happened")) << ::testing::PrintToString(refused);
}

// A minefield named as the subject of killing or wounding is a mine attack (1833), as a landmine is.
TEST(CodeArticle, AMinefieldThatKillsIsAMineAttack) {
  const Knowledge& k = load();
  const auto ev = dyads(k, "A minefield explosion near Abeche wounded four Chadian herders on Sunday.");
  EXPECT_TRUE(std::any_of(ev.begin(), ev.end(), [](const std::string& d) { return d.rfind("1833 ", 0) == 0; }))
      << ::testing::PrintToString(ev);
}

// "one" is a count before an actor slot, as "two" is: a nominal act that killed "one" soldier has
// its target ("a roadside bombing ... killed one Canadian soldier" coded nothing).
TEST(CodeArticle, OneIsACountBeforeTheTarget) {
  const Knowledge& k = load();
  const auto ev = dyads(k, "A roadside bombing near Kandahar killed one Canadian soldier.");
  EXPECT_TRUE(has(ev, "1833 AFGUAF->CANMIL happened")) << ::testing::PrintToString(ev);
}

// Wordings of data/verbs/cameo.tsv for whole categories: an invasion launched that had been
// threatened or awaited (192); ordering a newspaper or broadcaster to stop publishing (1721, not
// a request); "re-open" spelled with a hyphen wherever "reopen" is listed, and a border reopened
// "to" someone names them (081); a candidate named after the noun allowed to run (0812).
TEST(CodeArticle, AwaitedInvasionCensorshipOrderAndReopenedBorderWordings) {
  const Knowledge& k = load();
  const auto invasion = dyads(k, "Uganda launched its long-awaited invasion of northern Kenya at dawn.");
  EXPECT_TRUE(has(invasion, "192 UGA->KEN happened")) << ::testing::PrintToString(invasion);
  const auto paper = dyads(k, "The Belarusian authorities ordered an opposition newspaper to suspend publication.");
  EXPECT_TRUE(has(paper, "1721 BLRGOV->BLROPP happened")) << ::testing::PrintToString(paper);
  // the nouns that name other things too are left out: a mill, a market, ships in a channel
  for (const char* other : {"The Belarusian authorities ordered a paper mill to close.",
                            "The Belarusian authorities ordered weekly markets to close."})
    for (const std::string& d : dyads(k, other)) EXPECT_NE(d.rfind("1721", 0), 0U) << other << ": " << d;
  const auto border = dyads(k, "Chad re-opened its border to Sudanese traders on Monday.");
  EXPECT_TRUE(has(border, "081 TCD->SDNBUS happened")) << ::testing::PrintToString(border);
  const auto candidate = dyads(k, "The Kenyan electoral board allowed candidate Odinga to stand.");
  EXPECT_TRUE(has(candidate, "0812 KENGOV->- happened")) << ::testing::PrintToString(candidate);
}

// A compound subject of different actors ("{S+}" rows of data/verbs/cameo.tsv): exercises both sides
// hold jointly ("joint", "together") are joint military activity (062, each on the other; one side's
// exercise stays 150),
// and two sides that agreed are in accord with each other (030; one actor's bare "agreed" is 019).
TEST(CodeArticle, CompoundSubjectsExerciseAndAgreeTogether) {
  const Knowledge& k = load();
  const auto joint = dyads(k, "Kenyan and Tanzanian navies on Friday began joint drills off Mombasa.");
  EXPECT_TRUE(has(joint, "062 KENMIL->TZAMIL happened")) << ::testing::PrintToString(joint);
  EXPECT_TRUE(has(joint, "062 TZAMIL->KENMIL happened")) << ::testing::PrintToString(joint);
  const auto together = dyads(k, "Kenyan and Tanzanian navies on Friday held drills together off Mombasa.");
  EXPECT_TRUE(has(together, "062 KENMIL->TZAMIL happened")) << ::testing::PrintToString(together);
  // "together with" a third side: each of the two with it
  const auto third = dyads(k, "Kenyan and Tanzanian navies on Friday held drills together with Uganda off Mombasa.");
  EXPECT_TRUE(has(third, "062 KENMIL->UGA happened")) << ::testing::PrintToString(third);
  EXPECT_TRUE(has(third, "062 TZAMIL->UGA happened")) << ::testing::PrintToString(third);
  // no cue that they are held together: two sides' own drills (rival ones too) are no cooperation
  const auto rival = dyads(k, "Ethiopian and Eritrean troops on Friday held rival drills near the border.");
  for (const std::string& d : rival) EXPECT_NE(d.rfind("062", 0), 0U) << d;
  const auto alone = dyads(k, "The Kenyan navy on Friday began a week of drills off Mombasa.");
  EXPECT_TRUE(has(alone, "150 KENMIL->- happened")) << ::testing::PrintToString(alone);
  const auto agreed =
      dyads(k, "Peruvian and Chilean ministers agreed on Monday that the two navies should share data.");
  EXPECT_TRUE(has(agreed, "030 PERGOV->CHLGOV happened")) << ::testing::PrintToString(agreed);
  EXPECT_TRUE(has(agreed, "030 CHLGOV->PERGOV happened")) << ::testing::PrintToString(agreed);
}

// Actor knowledge: "arms inspectors" is one noun phrase (no verb "arm" with the UN as doer), and the
// bare family name al-Thani names no Libyan prime minister; the Qatari emir's name in its hyphenated
// spelling is the emir.
TEST(CodeArticle, ArmsInspectorsAndTheAlThaniFamilyName) {
  const Knowledge& k = load();
  const auto inspectors = dyads(k, "Chile recalled its envoy as the UN arms inspectors asked Lima for another month.");
  for (const std::string& d : inspectors) EXPECT_NE(d.rfind("072", 0), 0U) << d;
  const auto emir =
      dyads(k, "The Qatari ruler, Sheikh Hamad bin Khalifa al-Thani, met the Omani foreign minister in Doha.");
  EXPECT_TRUE(has(emir, "040 QATGOV->OMNGOV happened")) << ::testing::PrintToString(emir);
}

// Formal criminal charges are one act, whatever the verb and whoever lays them (115, PLOVER ACCUSE;
// docs/verbs.md, "Criminal charges"); the arrest beside a charge stays 173 (COERCE).
TEST(CodeArticle, CriminalChargesAreOneActWhateverTheVerb) {
  const Knowledge& k = load();
  for (const char* text : {"Zambian prosecutors indicted three opposition activists for sedition.",
                           "Zambian prosecutors charged three opposition activists with sedition.",
                           "Zambian prosecutors charged three opposition activists over the riots.",
                           "Zambian prosecutors filed charges against three opposition activists."}) {
    const auto charged = dyads(k, text);
    EXPECT_TRUE(has(charged, "115 ZMBJUD->ZMBOPP happened")) << text << ::testing::PrintToString(charged);
    for (const std::string& d : charged) EXPECT_NE(d.rfind("173", 0), 0U) << text << d;
  }
  const auto arrested = dyads(k, "Kenyan police arrested and charged two Ugandan traders with smuggling.");
  // (the arrest has no object of its own: coordinated verbs do not share theirs)
  EXPECT_TRUE(has(arrested, "173 KENCOP->- happened")) << ::testing::PrintToString(arrested);
  EXPECT_TRUE(has(arrested, "115 KENCOP->UGABUS happened")) << ::testing::PrintToString(arrested);
}

}  // namespace dyad
