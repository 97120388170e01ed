#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

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

// A feed whose doctype declares an entity with ']' in its value is still a feed (it was read as one HTML page).
TEST(IngestPaths, FeedWithABracketInAnEntityValueIsReadAsAFeed) {
  test::TempDir dir;
  std::string p = dir.write("wardnews", R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY unit "Ward [3]">]>
<rss version="2.0"><channel><title>Ward notes</title>
<item><guid>w1</guid><title>Bins</title><description>The &unit; council moved bin day.</description></item>
<item><guid>w2</guid><title>Lamps</title><description>Street lamps in &unit; were fixed.</description></item>
</channel></rss>)");
  Collected c;
  ASSERT_EQ(ingest_paths({p}, IngestOptions{}, c.sink(), c.errs()), 2U) << c.all_errors();
  EXPECT_EQ(c.articles[0].id, "w1");
  EXPECT_EQ(c.articles[0].text, "The Ward [3] council moved bin day.");
  EXPECT_EQ(c.articles[1].text, "Street lamps in Ward [3] were fixed.");
  EXPECT_TRUE(c.errors.empty()) << c.all_errors();
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

// Open file descriptors of this process.
size_t open_descriptors() {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator("/proc/self/fd")) ++n;
  return n;
}

// An exception thrown by the article callback (a library's own stop) leaves no file open (the descriptor leaked).
TEST(IngestPaths, ACallbackThatThrowsLeavesNoFileOpen) {
  test::TempDir dir;
  std::string jsonl = dir.write("a.jsonl", "{\"id\":\"k1\",\"text\":\"Kiln workers met.\"}\n");
  std::string text = dir.write("b.txt", "Kiln owners answered.");
  const size_t before = open_descriptors();
  for (int round = 0; round < 3; ++round)
    for (const std::string& p : {jsonl, text})
      EXPECT_THROW(ingest_paths(
                       {p}, IngestOptions{}, [](Article&&) { throw std::runtime_error("enough"); }, nullptr),
                   std::runtime_error);
  EXPECT_EQ(open_descriptors(), before);
}

// After a stop a regular file delivers nothing more (a re-run reads it again) ...
TEST(IngestPaths, AStopEndsTheReadingOfAFile) {
  test::TempDir dir;
  std::string lines;
  for (int i = 0; i < 5; ++i)
    lines += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"Row " + std::to_string(i) + ".\"}\n";
  std::string p = dir.write("rows.jsonl", lines);
  std::atomic<bool> stop{false};
  IngestOptions o;
  o.stop = &stop;
  std::vector<std::string> ids;
  EXPECT_EQ(ingest_paths(
                {p}, o,
                [&](Article&& a) {
                  ids.push_back(a.id);
                  stop = true;
                },
                nullptr),
            1U);
  EXPECT_EQ(ids, std::vector<std::string>{"r0"});
}

// ... but what a pipe or FIFO gave before the stop is handed on: its whole lines (they were dropped, and no re-run
// can read them again); a last line without its '\n' may be cut short and is left out, with no error.
TEST(IngestPaths, AStopHandsOnTheWholeLinesAFifoGave) {
  test::TempDir dir;
  const std::string fifo = (dir.path() / "feed.jsonl").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::atomic<bool> stop{false};
  std::atomic<bool> done{false};
  std::thread writer([&] {
    const int fd = ::open(fifo.c_str(), O_WRONLY);  // waits for the reader
    if (fd < 0) return;
    const std::string data =
        "{\"id\":\"p1\",\"text\":\"Pier one reopened.\"}\n{\"id\":\"p2\",\"text\":\"Pier two shut.\"}\n"
        "{\"id\":\"p3\",\"text\":\"Pier thr";
    EXPECT_EQ(::write(fd, data.data(), data.size()), static_cast<ssize_t>(data.size()));
    // Stop once the reader has taken everything out of the pipe (bounded: 20 s).
    int unread = 1;
    for (int i = 0; i < 4000 && unread > 0; ++i) {
      if (::ioctl(fd, FIONREAD, &unread) != 0) break;
      if (unread > 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    stop = true;
    for (int i = 0; i < 4000 && !done; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ::close(fd);
  });
  IngestOptions o;
  o.stop = &stop;
  Collected c;
  const uint64_t n = ingest_paths({fifo}, o, c.sink(), c.errs());
  done = true;
  writer.join();
  EXPECT_EQ(n, 2U);
  ASSERT_EQ(c.articles.size(), 2U) << c.all_errors();
  EXPECT_EQ(c.articles[0].id, "p1");
  EXPECT_EQ(c.articles[1].id, "p2");
  EXPECT_TRUE(c.errors.empty()) << c.all_errors();
}

}  // namespace
}  // namespace dyad
