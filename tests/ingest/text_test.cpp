#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "ingest_test_util.h"

namespace dyad {
namespace {

using test::Collected;

TEST(IngestText, OneArticlePerFileWithCleanParagraphs) {
  Collected c;
  // CRLF, trailing spaces, runs of blank lines, a decomposed e-acute (e + U+0301).
  std::string bytes = "  Title line  \r\n\r\n\r\nCafe\xCC\x81 talks   end.\t\r\n\n\n  Last line.\n\n";
  read_text("dir/story-1.txt", bytes, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 1U) << c.all_errors();
  const Article& a = c.articles[0];
  EXPECT_EQ(a.id, "story-1");
  EXPECT_EQ(a.origin, "dir/story-1.txt");
  EXPECT_EQ(a.text, "Title line\nCaf\xC3\xA9 talks   end.\nLast line.");
  EXPECT_EQ(a.metadata, "{}");
  EXPECT_FALSE(a.published.known());
  EXPECT_EQ(a.published_origin, DateOrigin::unknown);
  EXPECT_TRUE(c.errors.empty());
}

TEST(IngestText, PublishedOptionFillsMissingDate) {
  Collected c;
  IngestOptions o;
  o.published = Date::ymd(2024, 5, 16);
  read_text("a.txt", "Some text.", o, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 1U);
  EXPECT_EQ(c.articles[0].published.iso(), "2024-05-16");
  EXPECT_EQ(c.articles[0].published_origin, DateOrigin::input);
}

TEST(IngestText, EmptyFileIsAnError) {
  Collected c;
  read_text("empty.txt", "", IngestOptions{}, c.sink(), c.errs());
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.errors.size(), 1U);
  EXPECT_EQ(c.errors[0].file, "empty.txt");
  EXPECT_FALSE(c.errors[0].warning);
  EXPECT_NE(c.errors[0].message.find("empty"), std::string::npos);
}

TEST(IngestText, BinaryFileIsAnError) {
  Collected c;
  std::string bytes("PK\x03\x04\x00\x00\x08\x00", 8);
  bytes += "binary stuff follows";
  read_text("archive.txt", bytes, IngestOptions{}, c.sink(), c.errs());
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.errors.size(), 1U);
  EXPECT_EQ(c.errors[0].file, "archive.txt");
  EXPECT_NE(c.errors[0].message.find("binary"), std::string::npos);
  EXPECT_FALSE(c.errors[0].warning);
}

TEST(IngestText, BrokenUtf8NamesTheLine) {
  Collected c;
  read_text("file.txt", "line one\nline two\nbad \xC3\x28 byte\nline four\n", IngestOptions{}, c.sink(), c.errs());
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.errors.size(), 1U);
  EXPECT_EQ(c.errors[0].line, 3U);
  EXPECT_EQ(c.errors[0].str().rfind("file.txt:3: invalid UTF-8", 0), 0U) << c.errors[0].str();
  EXPECT_FALSE(c.errors[0].warning);
}

TEST(IngestText, ArticleOverLimitIsSkippedWithSizes) {
  // A 50 MB single line, through the real file path.
  test::TempDir dir;
  std::string big(50U << 20U, 'a');
  std::string path = dir.write("huge.txt", big);
  big.clear();
  big.shrink_to_fit();
  dir.write("small.txt", "Small article.");
  Collected c;
  uint64_t n = ingest_paths({path, (dir.path() / "small.txt").string()}, IngestOptions{}, c.sink(), c.errs());
  EXPECT_EQ(n, 1U);
  ASSERT_EQ(c.articles.size(), 1U);
  EXPECT_EQ(c.articles[0].id, "small");
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_EQ(c.errors[0].file, path);
  EXPECT_NE(c.errors[0].message.find(std::to_string(50U << 20U)), std::string::npos) << c.errors[0].message;
  EXPECT_NE(c.errors[0].message.find(std::to_string(IngestOptions{}.max_article_bytes)), std::string::npos);
  EXPECT_FALSE(c.errors[0].warning);
}

TEST(IngestText, SeedArticle) {
  std::string path = std::string(DYAD_SHARED_DIR) + "/seeds/000_db31a0e3b058f794.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "seed not present: " << path;
  Collected c;
  IngestOptions o;
  o.format = InputFormat::text;
  EXPECT_EQ(ingest_paths({path}, o, c.sink(), c.errs()), 1U);
  ASSERT_EQ(c.articles.size(), 1U) << c.all_errors();
  const Article& a = c.articles[0];
  EXPECT_EQ(a.id, "000_db31a0e3b058f794");
  EXPECT_NE(a.text.find("pic.twitter.com"), std::string::npos);
  EXPECT_FALSE(a.published.known());
  EXPECT_EQ(a.published_origin, DateOrigin::unknown);
  EXPECT_EQ(a.text.find("\n\n"), std::string::npos);
  EXPECT_TRUE(c.errors.empty()) << c.all_errors();
  // Autodetection agrees that it is text.
  Collected c2;
  EXPECT_EQ(ingest_paths({path}, IngestOptions{}, c2.sink(), c2.errs()), 1U);
  ASSERT_EQ(c2.articles.size(), 1U);
  EXPECT_EQ(c2.articles[0].text, a.text);
}

}  // namespace
}  // namespace dyad
