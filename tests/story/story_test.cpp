// The story stage end to end: fixtures written for dyad (tests/fixtures/story)
// coded through pipeline::run into a store, and the seed pair from ../shared.
#include "story/story.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "core/hash.h"
#include "pipeline/pipeline.h"
#include "story/dedup.h"
#include "story/report.h"
#include "support/bundled_knowledge.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

const std::string kFixtures = DYAD_TEST_DIR "/fixtures/story/";

const Knowledge& knowledge() { return testing_support::bundled_knowledge(); }

class StoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The process id keeps concurrent runs of the suite (other build trees on the machine) apart.
    dir_ = fs::temp_directory_path() / ("dyad-story-" + std::to_string(getpid()) + "-" +
                                        std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string db(const std::string& name = "s.db") const { return (dir_ / name).string(); }

  // Codes `inputs` into the store `path`; returns the run's stats and the documents in order.
  RunStats code(const std::vector<std::string>& inputs, const std::string& path, std::vector<Document>* docs = nullptr,
                const std::string& published = "", size_t threads = 0) {
    RunOptions o;
    o.inputs = inputs;
    o.db_path = path;
    o.threads = threads;
    if (!published.empty()) o.ingest.published = parse_date(published);
    o.on_document = [docs](const Document& d) {
      if (docs != nullptr) docs->push_back(d);
    };
    o.on_error = [](const Error& e) { ADD_FAILURE() << e.str(); };
    auto stats = run(knowledge(), o);
    EXPECT_TRUE(stats.ok()) << (stats.ok() ? "" : stats.error().str());
    return stats.ok() ? *stats : RunStats{};
  }

  // The lines of `file` in reverse order, written to a new file.
  std::string reversed(const std::string& file) const {
    std::ifstream in(file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) lines.push_back(line);
    std::reverse(lines.begin(), lines.end());
    const std::string out = (dir_ / ("rev-" + fs::path(file).filename().string())).string();
    std::ofstream o(out);
    for (const auto& l : lines) o << l << '\n';
    return out;
  }

  fs::path dir_;
};

std::unique_ptr<Store> open(const std::string& path) {
  auto s = Store::open(path);
  EXPECT_TRUE(s.ok());
  return std::move(s.value());
}

// Links as (relation, expected cameo, expected sentence, outcome sentence): independent of event ids.
std::set<std::tuple<std::string, std::string, std::string, std::string>> link_set(Store& store) {
  std::set<std::tuple<std::string, std::string, std::string, std::string>> out;
  auto links = store.links();
  EXPECT_TRUE(links.ok());
  for (const StoredLink& l : *links)
    out.emplace(l.relation, l.expected.event.cameo, l.expected.sentence_text, l.outcome.sentence_text);
  return out;
}

std::multiset<std::tuple<std::string, std::string, uint32_t, uint32_t>> event_counts(Store& store) {
  std::multiset<std::tuple<std::string, std::string, uint32_t, uint32_t>> out;
  auto events = store.events({});
  EXPECT_TRUE(events.ok());
  for (const StoredEvent& e : *events)
    out.emplace(e.event.cameo, std::string(to_string(e.event.mode)), e.num_mentions, e.num_articles);
  return out;
}

// The status of every stored expectation with this CAMEO code.
std::vector<std::string> statuses(Store& store, const std::string& cameo) {
  std::vector<std::string> out;
  auto xs = expectations(store);
  EXPECT_TRUE(xs.ok());
  if (!xs.ok()) return out;
  for (const Expectation& x : *xs)
    if (x.event.event.cameo == cameo) out.push_back(x.status);
  return out;
}

// A hand-made document for the story stage alone (no coder): `events` as (id, mode, date, date_basis), all of one
// match key (042|RUS|CHN); too short for a fingerprint, so never a copy.
Document made(const std::string& id, const Date& published,
              const std::vector<std::tuple<std::string, EventMode, Date, std::string>>& events) {
  Document doc;
  doc.article.id = id;
  doc.article.source = "outlet-" + id;
  doc.article.text = "A short report written for this test, id " + id + ".";
  doc.article.published = published;
  doc.hash = article_hash(doc.article);
  Sentence s;
  s.span = Span{0, static_cast<uint32_t>(doc.article.text.size())};
  doc.text.sentences.push_back(s);
  uint32_t offset = 0;
  for (const auto& [eid, mode, date, basis] : events) {
    Event ev;
    ev.id = eid;
    ev.cameo = "042";
    ev.plover = "CONSULT";
    ev.quad_class = 1;
    ev.source = Actor{"Russia", "Russia", "RUS", "RUS", "", Span{0, 1}};
    ev.target = Actor{"China", "China", "CHN", "CHN", "", Span{2, 1}};
    ev.mode = mode;
    ev.date = date;
    ev.date_basis = basis;
    ev.span = Span{offset++, 1};  // distinct mentions
    ev.rule = "test";
    doc.events.push_back(ev);
  }
  return doc;
}

// The story stage reads each match key's stored events once per document for all its events' windows: events of
// one key years apart each find their own stored event, an expectation and its outcome link, and other modes are
// left alone.
TEST_F(StoryTest, OneKeyAtDistantDatesMergesAndLinksEachEvent) {
  auto store = open(db());
  const Date d2022 = Date::ymd(2022, 6, 1);
  const Date d2024 = Date::ymd(2024, 3, 10);
  auto file = [&](Document& doc) {
    ASSERT_TRUE(store->begin().ok());
    auto filed = file_document(*store, doc);
    ASSERT_TRUE(filed.ok()) << filed.error().str();
    ASSERT_TRUE(store->commit().ok());
  };
  Document a = made("a", d2024,
                    {{"a1", EventMode::happened, d2022, "expression:test"},
                     {"a2", EventMode::happened, d2024, "article"},
                     {"a3", EventMode::expected, Date::ymd(2024, 3, 20), "expression:test"}});
  file(a);
  // Reports both stored events again, the 2022 one first, plus a possible one on the same day (no merge across
  // modes) and the outcome of a's expectation.
  Document b = made("b", Date::ymd(2024, 3, 21),
                    {{"b1", EventMode::happened, Date::ymd(2022, 6, 2), "expression:test"},
                     {"b2", EventMode::possible, d2024, "article"},
                     {"b3", EventMode::happened, Date::ymd(2024, 3, 11), "expression:test"},
                     {"b4", EventMode::happened, Date::ymd(2024, 3, 20), "expression:test"}});
  file(b);
  std::vector<std::string> ids;
  for (const Event& ev : b.events) ids.push_back(ev.id);
  // b3 merges into a2 (a day apart); b4, a3's outcome, is a new event.
  EXPECT_EQ(ids, (std::vector<std::string>{"a1", "b2", "a2", "b4"}));
  ASSERT_EQ(b.links.size(), 1U);
  EXPECT_EQ(b.links[0].relation, "confirms");
  EXPECT_EQ(b.links[0].expected, "a3");
  EXPECT_EQ(b.links[0].outcome, "b4");
  EXPECT_EQ(store->counts().events, 5U);  // a1, a2, a3, b2, b4
}

TEST_F(StoryTest, PreviewAndReportAreLinked) {
  std::vector<Document> docs;
  RunStats stats = code({kFixtures + "preview_report.jsonl"}, db(), &docs);
  ASSERT_EQ(stats.stored, 2U);
  auto store = open(db());
  auto xs = expectations(*store);
  ASSERT_TRUE(xs.ok());
  std::set<std::string> confirmed;
  for (const Expectation& x : *xs)
    if (x.status == "confirmed") confirmed.insert(x.event.event.cameo);
  // The announced visit and the announced signing both happened.
  EXPECT_TRUE(confirmed.count("042")) << "visit not confirmed";
  EXPECT_TRUE(confirmed.count("057")) << "signing not confirmed";
  for (const Expectation& x : *xs)
    for (const StoredLink& l : x.links) {
      EXPECT_EQ(l.outcome.article_id, "st-report");
      EXPECT_EQ(l.expected.article_id, "st-preview");
    }
  // The report's document carries the links as records.
  ASSERT_EQ(docs.size(), 2U);
  EXPECT_TRUE(docs[0].links.empty());
  EXPECT_EQ(docs[1].links.size(), stats.links);
  EXPECT_GE(stats.links, 2U);
  // One story holds both.
  EXPECT_NE(docs[0].story, 0);
  EXPECT_EQ(docs[0].story, docs[1].story);
}

TEST_F(StoryTest, OrderOfArrivalDoesNotChangeLinksOrCounts) {
  const std::string file = kFixtures + "preview_report.jsonl";
  code({file}, db("forward.db"));
  code({reversed(file)}, db("backward.db"));
  auto fwd = open(db("forward.db"));
  auto bwd = open(db("backward.db"));
  EXPECT_FALSE(link_set(*fwd).empty());
  EXPECT_EQ(link_set(*fwd), link_set(*bwd));
  EXPECT_EQ(event_counts(*fwd), event_counts(*bwd));
}

// A preview without any date (no dateline, no date in the text) and the dated report of the same trip, one story: the
// preview's plans are confirmed, with the relation that says no window could be checked, in either order.
TEST_F(StoryTest, UndatedPreviewIsConfirmedByTheReportOfItsStory) {
  const std::string undated_file = (dir_ / "undated.jsonl").string();
  {
    std::ofstream out(undated_file);
    out << R"({"id":"ke-preview","text":"Kenyan President William Ruto will travel to Ethiopia on Thursday for talks )"
           R"(with Prime Minister Abiy Ahmed. Ruto is expected to sign a trade agreement with Ethiopia during the visit."})"
        << '\n'
        << R"({"id":"ke-report","published":"2026-03-06","text":"Kenyan President William Ruto arrived in Addis Ababa )"
           R"(on Thursday and held talks with Ethiopian Prime Minister Abiy Ahmed. Ruto and Abiy Ahmed signed a trade )"
           R"(agreement in Addis Ababa on Friday."})"
        << '\n';
  }
  std::vector<Document> docs;
  code({undated_file}, db("forward.db"), &docs);
  code({reversed(undated_file)}, db("backward.db"));
  ASSERT_EQ(docs.size(), 2U);
  EXPECT_FALSE(docs[0].article.published.known());
  EXPECT_EQ(docs[0].story, docs[1].story);
  auto fwd = open(db("forward.db"));
  auto bwd = open(db("backward.db"));
  std::set<std::string> confirmed;
  for (const auto& [relation, cameo, expected, outcome] : link_set(*fwd)) {
    EXPECT_EQ(relation, "confirms-undated");
    confirmed.insert(cameo);
  }
  EXPECT_EQ(confirmed, (std::set<std::string>{"042", "057"}));
  EXPECT_EQ(link_set(*fwd), link_set(*bwd));
  EXPECT_EQ(statuses(*fwd, "042"), std::vector<std::string>{"confirmed"});
  EXPECT_EQ(statuses(*bwd, "057"), std::vector<std::string>{"confirmed"});
}

// An undated article is taken to be as recent as the stored stories: a report years older or newer than the store's
// other articles is no outcome of it, in either order of filing, and its plan, unanswered, ends unconfirmed once the
// store is past its story's day by the undated window.
TEST_F(StoryTest, UndatedPreviewIsNotConfirmedByAReportYearsAway) {
  const std::string preview =
      R"({"id":"ke-plan","text":"Kenyan President William Ruto will travel to Ethiopia for talks with Prime Minister )"
      R"(Abiy Ahmed. Ruto is expected to sign a trade agreement with Ethiopia during the visit."})";
  const std::string old_report =
      R"({"id":"ke-2023","published":"2023-05-10","text":"Kenyan President William Ruto arrived in Addis Ababa and )"
      R"(held talks with Ethiopian Prime Minister Abiy Ahmed. Ruto and Abiy Ahmed signed a trade agreement in Addis )"
      R"(Ababa."})";
  const std::string recent =
      R"({"id":"br-ar","published":"2026-03-02","text":"Brazilian President Luiz Inacio Lula da Silva met Argentine )"
      R"(President Javier Milei in Brasilia on Monday."})";
  const std::string later =
      R"({"id":"br-ar-2","published":"2026-06-20","text":"Brazilian President Luiz Inacio Lula da Silva met Argentine )"
      R"(President Javier Milei in Buenos Aires on Friday."})";
  const auto write = [&](const std::string& name, const std::vector<std::string>& lines) {
    const std::string path = (dir_ / name).string();
    std::ofstream out(path);
    for (const std::string& l : lines) out << l << '\n';
    return path;
  };
  // The old report is stored first: the preview, filed after a 2026 article, does not join its story.
  code({write("a.jsonl", {old_report, recent, preview})}, db("a.db"));
  // The preview is stored first (dated by the 2026 article before it): the old report does not join its story.
  code({write("b.jsonl", {recent, preview, old_report})}, db("b.db"));
  for (const std::string name : {"a.db", "b.db"}) {
    auto store = open(db(name));
    EXPECT_TRUE(link_set(*store).empty()) << name;
    EXPECT_EQ(statuses(*store, "057"), std::vector<std::string>{"pending"}) << name;
    auto held = store->holds_story_key_prefix("x:");
    ASSERT_TRUE(held.ok());
    EXPECT_TRUE(*held) << name;
  }
  // More than the undated window past the preview's story: its plans are unconfirmed.
  code({write("c.jsonl", {later})}, db("b.db"));
  auto store = open(db("b.db"));
  EXPECT_EQ(statuses(*store, "057"), std::vector<std::string>{"unconfirmed"});
  auto held = store->holds_story_key_prefix("y:");
  ASSERT_TRUE(held.ok());
  EXPECT_FALSE(*held);
}

TEST_F(StoryTest, LinksAreMadeAcrossRuns) {
  // The preview is stored by one run and the report arrives in a later one.
  const std::string both = kFixtures + "preview_report.jsonl";
  std::ifstream in(both);
  std::string preview, report;
  std::getline(in, preview);
  std::getline(in, report);
  std::ofstream(dir_ / "p.jsonl") << preview << '\n';
  std::ofstream(dir_ / "r.jsonl") << report << '\n';
  code({(dir_ / "p.jsonl").string()}, db());
  {
    auto store = open(db());
    auto xs = expectations(*store);
    ASSERT_TRUE(xs.ok());
    ASSERT_FALSE(xs->empty());
    for (const Expectation& x : *xs) EXPECT_EQ(x.status, "pending");
  }
  RunStats second = code({(dir_ / "r.jsonl").string()}, db());
  EXPECT_GE(second.links, 2U);
  auto store = open(db());
  EXPECT_EQ(store->counts().links, second.links);
}

TEST_F(StoryTest, SyndicatedCopyAddsMentionsNotEvents) {
  code({kFixtures + "preview_report.jsonl"}, db());
  uint64_t events_before = open(db())->counts().events;
  std::vector<Document> docs;
  RunStats copy = code({kFixtures + "syndicated.jsonl"}, db(), &docs);
  ASSERT_EQ(copy.stored, 1U);
  EXPECT_EQ(copy.duplicates, 1U);
  ASSERT_EQ(docs.size(), 1U);
  EXPECT_FALSE(docs[0].duplicate_of.empty());
  auto store = open(db());
  EXPECT_EQ(store->counts().events, events_before);
  EventQuery q;
  q.cameo = "042";
  q.mode = EventMode::happened;
  auto visit = store->events(q);
  ASSERT_TRUE(visit.ok());
  ASSERT_EQ(visit->size(), 1U);
  EXPECT_EQ(visit->front().num_articles, 2U);
  EXPECT_EQ(visit->front().num_sources, 2U);
  EXPECT_EQ(visit->front().num_mentions, 2U);
  EXPECT_EQ(visit->front().first_seen, "2024-03-07");
  // The mentions table has one row per report, each with its own article.
  q.each_mention = true;
  auto mentions = store->events(q);
  ASSERT_TRUE(mentions.ok());
  ASSERT_EQ(mentions->size(), 2U);
  EXPECT_EQ(mentions->at(0).event.id, mentions->at(1).event.id);
  EXPECT_EQ(mentions->at(0).article_id, "st-report");
  EXPECT_EQ(mentions->at(1).article_id, "st-report-copy");
}

// A band holds its first kMaxBandArticles articles (story/dedup.h): articles built on one template share two bands
// (here: fingerprints sharing bands 0 and 1, the rest their own, resemblance 1/4, so none is a copy of another), the
// article after the first kMaxBandArticles is not added to them, and a copy of that article is still found through
// the bands it did enter.
TEST_F(StoryTest, ACopyIsFoundPastAFullTemplateBand) {
  auto store = open(db());
  std::vector<uint32_t> common(kMinHashSize);
  for (size_t i = 0; i < common.size(); ++i) common[i] = static_cast<uint32_t>(77 + 29 * i);
  const size_t template_positions = 2 * (kMinHashSize / kBands);
  const auto article = [&](uint32_t n, const std::string& id) {
    Document d;
    d.article.id = id;
    d.article.source = "Lakeside Courier";
    d.article.title = "Piece " + id;
    d.article.text = "Piece " + id + " on the harbour levy.";
    d.article.published = Date::ymd(2024, 9, 2);
    d.hash = content_hash(d.article.source + '\0' + d.article.id + '\0' + d.article.text);
    d.fingerprint = common;
    for (size_t p = template_positions; p < kMinHashSize; ++p) d.fingerprint[p] += 5000 * (n + 1);
    return d;
  };
  ASSERT_TRUE(store->begin().ok());
  std::vector<Document> docs;
  for (uint32_t n = 0; n <= kMaxBandArticles; ++n) {
    docs.push_back(article(n, "tpl-" + std::to_string(n)));
    ASSERT_TRUE(file_document(*store, docs.back()).ok());
    EXPECT_TRUE(docs.back().duplicate_of.empty()) << n;
  }
  Document copy = article(kMaxBandArticles, "tpl-copy");
  copy.fingerprint[kMinHashSize - 1] += 3;  // one position of 32 differs
  ASSERT_TRUE(file_document(*store, copy).ok());
  ASSERT_TRUE(store->commit().ok());
  EXPECT_EQ(copy.duplicate_of, docs.back().hash);
  auto by_template = store->fingerprint_matches(common, 1);
  ASSERT_TRUE(by_template.ok());
  ASSERT_EQ(by_template->size(), kMaxBandArticles);  // the last template article and the copy are not in bands 0, 1
  EXPECT_EQ(by_template->back().hash, docs[kMaxBandArticles - 1].hash);
}

// The fingerprint is computed on the coding threads (prepare_document) when there are several, by the writer's
// thread when there is one: copies are found either way, with the fingerprint the writer would have computed.
TEST_F(StoryTest, CopyFoundWhicheverThreadPreparedTheFingerprint) {
  for (size_t threads : {1U, 2U}) {
    const std::string path = db("t" + std::to_string(threads) + ".db");
    code({kFixtures + "preview_report.jsonl"}, path, nullptr, "", threads);
    std::vector<Document> docs;
    RunStats copy = code({kFixtures + "syndicated.jsonl"}, path, &docs, "", threads);
    EXPECT_EQ(copy.duplicates, 1U) << threads << " threads";
    ASSERT_EQ(docs.size(), 1U);
    EXPECT_FALSE(docs[0].duplicate_of.empty());
    ASSERT_FALSE(docs[0].fingerprint.empty());
    EXPECT_EQ(docs[0].fingerprint, minhash(docs[0].text));
    Document again = docs[0];
    again.fingerprint.clear();
    prepare_document(again);
    EXPECT_EQ(again.fingerprint, docs[0].fingerprint);
  }
}

TEST_F(StoryTest, CalledOffPlanContradictsTheExpectation) {
  code({kFixtures + "cancelled.jsonl"}, db());
  auto store = open(db());
  EXPECT_EQ(statuses(*store, "042"), std::vector<std::string>{"contradicted"});
}

// "Sunak's visit to Poland on Friday has been called off": the visit itself, negated
// (data/cameo/cancellations.tsv), contradicts the preview's expectation.
TEST_F(StoryTest, VisitCalledOffContradictsTheExpectation) {
  std::vector<Document> docs;
  code({kFixtures + "called_off.jsonl"}, db(), &docs);
  ASSERT_EQ(docs.size(), 2U);
  bool negated = false;
  for (const Document& d : docs)
    for (const Event& e : d.events)
      negated = negated || (d.article.id == "st-co-off" && e.cameo == "042" && e.mode == EventMode::negated);
  EXPECT_TRUE(negated);
  auto store = open(db());
  EXPECT_EQ(statuses(*store, "042"), std::vector<std::string>{"contradicted"});
}

TEST_F(StoryTest, UnansweredExpectationBecomesUnconfirmedOnceItsDayHasPassed) {
  const std::string both = kFixtures + "preview_report.jsonl";
  std::ifstream in(both);
  std::string preview;
  std::getline(in, preview);
  std::ofstream(dir_ / "p.jsonl") << preview << '\n';
  code({(dir_ / "p.jsonl").string()}, db());
  // A later, unrelated article moves the store's "now" past the visit's day.
  code({kFixtures + "month.jsonl"}, db());
  auto store = open(db());
  auto xs = expectations(*store);
  ASSERT_TRUE(xs.ok());
  bool visit = false;
  for (const Expectation& x : *xs)
    if (x.event.event.cameo == "042") {
      visit = true;
      EXPECT_EQ(x.status, "unconfirmed");
    }
  EXPECT_TRUE(visit);
}

TEST_F(StoryTest, StoryRunsOverAMonthAndKeepsOtherNewsApart) {
  std::vector<Document> docs;
  code({kFixtures + "month.jsonl"}, db(), &docs);
  ASSERT_EQ(docs.size(), 5U);
  std::map<std::string, int64_t> story;
  for (const Document& d : docs) story[d.article.id] = d.story;
  EXPECT_NE(story["st-m1"], 0);
  EXPECT_EQ(story["st-m1"], story["st-m2"]);
  EXPECT_EQ(story["st-m1"], story["st-m3"]);
  EXPECT_EQ(story["st-m1"], story["st-m4"]);
  EXPECT_NE(story["st-other"], story["st-m1"]);
  auto store = open(db());
  StoryQuery q;
  q.id = story["st-m1"];
  auto info = store->stories(q);
  ASSERT_TRUE(info.ok());
  ASSERT_EQ(info->size(), 1U);
  EXPECT_EQ(info->front().articles, 4U);
  EXPECT_EQ(info->front().first.iso(), "2024-04-02");
  EXPECT_EQ(info->front().last.iso(), "2024-05-03");

  std::ostringstream md;
  ASSERT_TRUE(write_story_markdown(*store, q.id, md).ok());
  EXPECT_NE(md.str().find("st-m4"), std::string::npos);
  EXPECT_EQ(md.str().find("st-other"), std::string::npos);
  std::ostringstream html;
  ASSERT_TRUE(write_story_html(*store, {q.id}, html).ok());
  EXPECT_EQ(html.str().rfind("<!doctype html>", 0), 0U);
  EXPECT_NE(html.str().find("2024-05-03"), std::string::npos);
}

TEST_F(StoryTest, RecodingTheSameInputChangesNothing) {
  code({kFixtures + "preview_report.jsonl", kFixtures + "month.jsonl"}, db());
  auto before = open(db());
  StoreCounts a = before->counts();
  before.reset();
  RunStats again = code({kFixtures + "preview_report.jsonl", kFixtures + "month.jsonl"}, db());
  EXPECT_EQ(again.stored, 0U);
  StoreCounts b = open(db())->counts();
  EXPECT_EQ(a.events, b.events);
  EXPECT_EQ(a.mentions, b.mentions);
  EXPECT_EQ(a.links, b.links);
}

// An expected statement ("will comment") is stored as expected but is never
// linked, so it is not listed among the expectations; an expected visit is.
TEST_F(StoryTest, ExpectedStatementsAreNotTrackedAsExpectations) {
  const std::string file = (dir_ / "statements.jsonl").string();
  std::ofstream(file) << R"({"id":"st-x","published":"2024-03-04","title":"t","text":)"
                      << R"("Norway's foreign minister will comment on the talks on Friday. )"
                      << R"(Norway will host talks with Sweden next week."})" << '\n';
  code({file}, db());
  auto store = open(db());
  EventQuery q;
  q.mode = EventMode::expected;
  auto expected = store->events(q);
  ASSERT_TRUE(expected.ok());
  std::set<std::string> stored;
  for (const StoredEvent& e : *expected) stored.insert(e.event.cameo.substr(0, 2));
  ASSERT_TRUE(stored.count("01")) << "the fixture's statement is not coded as expected";
  ASSERT_TRUE(stored.count("04")) << "the fixture's visit is not coded as expected";
  auto xs = expectations(*store);
  ASSERT_TRUE(xs.ok());
  std::set<std::string> listed;
  for (const Expectation& x : *xs) listed.insert(x.event.event.cameo.substr(0, 2));
  EXPECT_EQ(listed, std::set<std::string>{"04"});
}

// The seed pair: the preview (no date in its text; published 2024-05-14) and the report.
TEST_F(StoryTest, SeedPreviewExpectationsAreConfirmedByTheReport) {
  const std::string preview = DYAD_SHARED_DIR "/seeds/003_170d15a40400d82a.txt";
  const std::string report = DYAD_SHARED_DIR "/seeds/000_db31a0e3b058f794.txt";
  if (!fs::exists(preview) || !fs::exists(report)) GTEST_SKIP() << "shared seeds not present";
  code({preview}, db(), nullptr, "2024-05-14");
  code({report}, db());
  auto store = open(db());
  auto xs = expectations(*store);
  ASSERT_TRUE(xs.ok());
  std::set<std::string> confirmed;
  for (const Expectation& x : *xs) {
    const Event& e = x.event.event;
    const bool rus_chn = e.source.country == "RUS" && e.target && e.target->country == "CHN";
    const bool chn_rus = e.source.country == "CHN" && e.target && e.target->country == "RUS";
    if (x.status == "confirmed" && (rus_chn || chn_rus)) confirmed.insert(e.cameo.substr(0, 2));
  }
  EXPECT_TRUE(confirmed.count("04")) << "the expected visit is not confirmed";
  EXPECT_TRUE(confirmed.count("05")) << "the expected signing is not confirmed";
  // Every confirmation is reported by the report, never by the preview itself.
  auto links = store->links();
  ASSERT_TRUE(links.ok());
  for (const StoredLink& l : *links) {
    EXPECT_EQ(l.expected.article_id, "003_170d15a40400d82a");
    EXPECT_EQ(l.outcome.article_id, "000_db31a0e3b058f794");
  }
  // One event's links, found by index, are exactly the full listing's links that touch it.
  using Key = std::tuple<std::string, std::string, std::string, std::string>;
  auto events = store->events({});
  ASSERT_TRUE(events.ok());
  size_t touched = 0;
  for (const StoredEvent& e : *events) {
    std::set<Key> want;
    for (const StoredLink& l : *links)
      if (l.expected.event.id == e.event.id || l.outcome.event.id == e.event.id)
        want.emplace(l.relation, l.expected.event.id, l.outcome.event.id, l.outcome.article_id);
    auto of = store->links_of_event(e.event.id);
    ASSERT_TRUE(of.ok());
    std::set<Key> got;
    for (const StoredLink& l : *of)
      got.emplace(l.relation, l.expected.event.id, l.outcome.event.id, l.outcome.article_id);
    EXPECT_EQ(got, want) << e.event.id;
    touched += want.empty() ? 0 : 1;
  }
  EXPECT_GE(touched, 2u);
}

TEST_F(StoryTest, SeedPairGivesTheSameLinksInEitherOrder) {
  const std::string preview = DYAD_SHARED_DIR "/seeds/003_170d15a40400d82a.txt";
  const std::string report = DYAD_SHARED_DIR "/seeds/000_db31a0e3b058f794.txt";
  if (!fs::exists(preview) || !fs::exists(report)) GTEST_SKIP() << "shared seeds not present";
  code({preview}, db("forward.db"), nullptr, "2024-05-14");
  code({report}, db("forward.db"));
  code({report}, db("backward.db"));
  code({preview}, db("backward.db"), nullptr, "2024-05-14");
  auto fwd = open(db("forward.db"));
  auto bwd = open(db("backward.db"));
  EXPECT_FALSE(link_set(*fwd).empty());
  EXPECT_EQ(link_set(*fwd), link_set(*bwd));
  EXPECT_EQ(event_counts(*fwd), event_counts(*bwd));
}

}  // namespace
}  // namespace dyad
