#include <gtest/gtest.h>
#include <unistd.h>

#include "ingest/ingest.h"
#include "ingest_test_util.h"

namespace dyad {
namespace {

using test::Collected;

TEST(IngestPaths, DirectoryWalkIsSortedAndMixesFormats) {
  test::TempDir dir;
  dir.write("b.txt", "Second file.");
  dir.write("a.txt", "First file.");
  dir.write("c/z.jsonl", "{\"id\":\"j1\",\"text\":\"In sub dir.\"}\n");
  dir.write("c/a.html", "<html><body><p>Sub page.</p></body></html>");
  dir.write("d.rss", test::slurp(test::fixture("feed.rss")));
  dir.write(".hidden.txt", "Never read.");
  dir.write("README.md", "Documentation beside the articles, never read in a walk.");
  dir.write("photo.png", "not an article");
  Collected c;
  uint64_t n = ingest_paths({dir.path().string()}, IngestOptions{}, c.sink(), c.errs());
  EXPECT_EQ(n, 7U);
  std::vector<std::string> ids;
  for (const Article& a : c.articles) ids.push_back(a.id);
  EXPECT_EQ(ids,
            (std::vector<std::string>{"a", "b", "a", "j1", "wire-1001", "https://wire.example/bridge", "d:item3"}));
  EXPECT_EQ(c.articles[2].origin, (dir.path() / "c" / "a.html").string());
  EXPECT_EQ(c.count(false), 0U) << c.all_errors();
}

TEST(IngestPaths, InputNames) {
  EXPECT_TRUE(is_input_name("a.txt"));
  EXPECT_TRUE(is_input_name("CRAWL.WARC.GZ"));
  EXPECT_TRUE(is_input_name("feed.Atom"));
  EXPECT_TRUE(is_input_name("article"));
  EXPECT_FALSE(is_input_name("README.md"));
  EXPECT_FALSE(is_input_name("notes.jsonl.bak"));
  EXPECT_FALSE(is_input_name("logo.png"));
}

TEST(IngestPaths, ANamedFileIsReadWhateverItsName) {
  test::TempDir dir;
  std::string p = dir.write("notes.md", "The ministers met on Monday.");
  Collected c;
  EXPECT_EQ(ingest_paths({p}, IngestOptions{}, c.sink(), c.errs()), 1U);
}

TEST(IngestPaths, FormatOverride) {
  test::TempDir dir;
  std::string p = dir.write("page.txt", "<html><body><p>Markup as text.</p></body></html>");
  Collected c;
  IngestOptions o;
  o.format = InputFormat::text;
  ASSERT_EQ(ingest_paths({p}, o, c.sink(), c.errs()), 1U);
  EXPECT_EQ(c.articles[0].text, "<html><body><p>Markup as text.</p></body></html>");
  Collected auto_c;
  ASSERT_EQ(ingest_paths({p}, IngestOptions{}, auto_c.sink(), auto_c.errs()), 1U);
  EXPECT_EQ(auto_c.articles[0].text, "Markup as text.");
}

TEST(IngestPaths, MissingPathIsAnErrorAndTheRestIsRead) {
  test::TempDir dir;
  std::string good = dir.write("ok.txt", "Fine.");
  std::string missing = (dir.path() / "nope.txt").string();
  Collected c;
  EXPECT_EQ(ingest_paths({missing, good}, IngestOptions{}, c.sink(), c.errs()), 1U);
  ASSERT_EQ(c.errors.size(), 1U);
  EXPECT_EQ(c.errors[0].file, missing);
  EXPECT_NE(c.errors[0].message.find("no such file"), std::string::npos);
  EXPECT_FALSE(c.errors[0].warning);
}

TEST(IngestPaths, EmptyFileThroughPaths) {
  test::TempDir dir;
  std::string empty = dir.write("empty.txt", "");
  std::string empty_jsonl = dir.write("empty.jsonl", "");
  Collected c;
  EXPECT_EQ(ingest_paths({empty, empty_jsonl}, IngestOptions{}, c.sink(), c.errs()), 0U);
  ASSERT_EQ(c.errors.size(), 2U) << c.all_errors();
  EXPECT_EQ(c.errors[0].file, empty);
  EXPECT_EQ(c.errors[1].file, empty_jsonl);
  EXPECT_NE(c.errors[1].message.find("empty"), std::string::npos);
}

TEST(IngestPaths, UnreadableDirectory) {
  if (geteuid() == 0) GTEST_SKIP() << "running as root: directory permissions are not enforced";
  test::TempDir dir;
  dir.write("locked/x.txt", "Hidden by permissions.");
  dir.write("open.txt", "Readable.");
  std::filesystem::path locked = dir.path() / "locked";
  std::filesystem::permissions(locked, std::filesystem::perms::none);
  Collected c;
  EXPECT_EQ(ingest_paths({dir.path().string()}, IngestOptions{}, c.sink(), c.errs()), 1U);
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_EQ(c.errors[0].file, locked.string());
  EXPECT_NE(c.errors[0].message.find("cannot read directory"), std::string::npos);
  std::filesystem::permissions(locked, std::filesystem::perms::owner_all);
}

TEST(IngestPaths, UnreadableFile) {
  if (geteuid() == 0) GTEST_SKIP() << "running as root: file permissions are not enforced";
  test::TempDir dir;
  std::string p = dir.write("secret.txt", "No access.");
  std::filesystem::permissions(p, std::filesystem::perms::none);
  Collected c;
  EXPECT_EQ(ingest_paths({p}, IngestOptions{}, c.sink(), c.errs()), 0U);
  ASSERT_EQ(c.errors.size(), 1U);
  EXPECT_EQ(c.errors[0].file, p);
  EXPECT_NE(c.errors[0].message.find("cannot open"), std::string::npos);
}

}  // namespace
}  // namespace dyad
