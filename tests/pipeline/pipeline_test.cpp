#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "knowledge/tsv.h"

namespace dyad {
namespace {

Knowledge load() {
  KnowledgeOptions o;
  o.data_dir = DYAD_TEST_DIR "/../data";
  auto k = Knowledge::load(o);
  EXPECT_TRUE(k.ok()) << (k.ok() ? "" : k.error().str());
  return std::move(k.value());
}

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
  Knowledge k = load();
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

TEST(Run, StoreThatCannotBeOpenedIsAnError) {
  Knowledge k = load();
  RunOptions o;
  o.db_path = "/no/such/dir/x.db";
  o.inputs = {};
  EXPECT_FALSE(run(k, o).ok());
}

TEST(Run, CountsAndCallbacksInInputOrder) {
  Knowledge k = load();
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

// Every event coded from the bundled examples carries a code of the CAMEO codebook
// (data/cameo/events.tsv) with its Goldstein value, quad class and a PLOVER type.
TEST(CodeArticle, EveryCodeOnTheExampleSetIsInTheCodebook) {
  Knowledge k = load();
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

}  // namespace
}  // namespace dyad
