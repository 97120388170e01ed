#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

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

}  // namespace
}  // namespace dyad
