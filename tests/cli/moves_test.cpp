// A run of `dyad code` killed across the store's default key-table moves (schema v11, docs/store.md): the
// recent -> middle and middle -> settled moves follow a batch's commit, in a transaction of their own
// (Store::commit()), once thousands of articles are stored, so this test codes a generated corpus of 5,120 articles
// twice (about 45 s of CPU in a release build: label `long`, which the sanitizer phase of .ci/run leaves out,
// HACKING.md). The first run is killed with SIGKILL just after the first move into a middle table, while the batch
// after which event ids move is being written, and just after the first middle -> settled move, and resumed each
// time; the second run is not interrupted. Both stores must hold every article and event once and answer
// `dyad query` (JSONL, CSV), `--links` and `dyad story` alike.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Rows of a store's key tables as another (read-only) connection sees them: committed rows only.
struct Parts {
  int64_t articles = 0;                                     // max(rowid) of articles
  int64_t ids_recent = 0, ids_middle = 0, ids_settled = 0;  // event_ids_recent, event_ids_middle, event_ids
  bool ok = false;
};

int64_t scalar(sqlite3* db, const char* sql, bool& ok) {
  sqlite3_stmt* s = nullptr;
  int64_t v = 0;
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) {
    ok = false;
    return 0;
  }
  const int rc = sqlite3_step(s);
  if (rc == SQLITE_ROW)
    v = sqlite3_column_int64(s, 0);
  else
    ok = false;
  sqlite3_finalize(s);
  return v;
}

Parts parts(const fs::path& db_path) {
  Parts p;
  if (!fs::exists(db_path)) return p;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return p;
  }
  sqlite3_busy_timeout(db, 2000);
  p.ok = true;
  bool ok = true;
  // One read transaction, so that the counts are of one commit.
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  p.articles = scalar(db, "SELECT coalesce(max(rowid), 0) FROM articles", ok);
  p.ids_recent = scalar(db, "SELECT count(*) FROM event_ids_recent", ok);
  p.ids_middle = scalar(db, "SELECT count(*) FROM event_ids_middle", ok);
  p.ids_settled = scalar(db, "SELECT count(*) FROM event_ids", ok);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  p.ok = ok;
  return p;
}

// A value the store must give once per row: {rows, distinct rows}.
std::pair<int64_t, int64_t> rows_and_distinct(const fs::path& db_path, const std::string& select) {
  sqlite3* db = nullptr;
  std::pair<int64_t, int64_t> r{-1, -2};
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    bool ok = true;
    r.first = scalar(db, ("SELECT count(*) FROM (" + select + ")").c_str(), ok);
    r.second = scalar(db, ("SELECT count(*) FROM (SELECT DISTINCT * FROM (" + select + "))").c_str(), ok);
    if (!ok) r = {-1, -2};
  }
  sqlite3_close(db);
  return r;
}

// The WAL's size and change time: they change when a commit's pages are being written.
std::pair<int64_t, int64_t> wal_stamp(const fs::path& db_path) {
  struct stat st {};
  const std::string wal = db_path.string() + "-wal";
  if (::stat(wal.c_str(), &st) != 0) return {-1, -1};
  return {static_cast<int64_t>(st.st_size), static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

class CliMovesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dyad-cli-moves-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs the CLI to its end; returns its exit code and standard output.
  std::pair<int, std::string> dyad(const std::string& args) {
    const fs::path out = dir_ / "stdout", err = dir_ / "stderr";
    const std::string cmd = std::string(DYAD_CLI_PATH) + " " + args + " >" + out.string() + " 2>" + err.string();
    const int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out) + slurp(err)};
  }

  // Starts `dyad code` on the corpus into `db` without waiting.
  pid_t start_code(const fs::path& db) {
    pid_t pid = fork();
    if (pid == 0) {
      FILE* devnull = std::fopen("/dev/null", "w");
      if (devnull != nullptr) {
        dup2(fileno(devnull), 1);
        dup2(fileno(devnull), 2);
      }
      execl(DYAD_CLI_PATH, DYAD_CLI_PATH, "code", "--batch", "256", "--threads", "2", "--db", db.c_str(),
            corpus_.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    return pid;
  }

  // Waits (polling every 20 ms, at most ~10 minutes) until `done` holds for the store's committed rows or the
  // process ends; then kills the process with SIGKILL. Returns true when it was killed before its end.
  template <typename Done>
  bool kill_when(pid_t pid, const fs::path& db, Done done) {
    for (int i = 0; i < 30000; ++i) {
      int status = 0;
      if (waitpid(pid, &status, WNOHANG) == pid) return false;
      Parts p = parts(db);
      if (p.ok && done(p, db)) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    return false;
  }

  fs::path dir_, corpus_;
};

// A JSONL corpus of `n` short articles of 20 one-clause reports each ("Peru thanked Ghana on Monday."): one
// country, one verb of the coder's dictionary and another country drawn at random, ten articles a day. Few of the
// reports are the same event as an earlier one, so the store takes about 18 event ids an article, three times the
// generated wire corpus's (whose articles repeat one another's events), for less coding per id.
void write_reports(const fs::path& path, uint64_t n) {
  static const char* const kCountries[] = {
      "France",  "Germany",   "Japan",   "Brazil",  "Canada",    "Mexico",    "Egypt",   "Kenya",
      "Peru",    "Chile",     "Norway",  "Sweden",  "Poland",    "Spain",     "Italy",   "Turkey",
      "India",   "Vietnam",   "Ghana",   "Nigeria", "Argentina", "Australia", "Austria", "Belgium",
      "Bolivia", "Colombia",  "Cuba",    "Denmark", "Ecuador",   "Ethiopia",  "Finland", "Greece",
      "Hungary", "Indonesia", "Ireland", "Jordan",  "Malaysia",  "Morocco",   "Nepal",   "Portugal"};
  static const char* const kVerbs[] = {"accused", "praised", "criticized", "thanked", "threatened", "condemned"};
  const size_t countries = std::size(kCountries), verbs = std::size(kVerbs);
  uint64_t state = 0x9E3779B97F4A7C15ULL;  // a fixed xorshift stream: the same corpus every run
  auto next = [&state](size_t bound) {
    state ^= state << 13U;
    state ^= state >> 7U;
    state ^= state << 17U;
    return static_cast<size_t>(state % bound);
  };
  std::ofstream out(path, std::ios::binary);
  for (uint64_t i = 0; i < n; ++i) {
    std::string text;
    for (int k = 0; k < 20; ++k) {
      const size_t a = next(countries);
      const size_t b = (a + 1 + next(countries - 1)) % countries;
      text += std::string(k == 0 ? "" : " ") + kCountries[a] + " " + kVerbs[next(verbs)] + " " + kCountries[b] +
              " on Monday.";
    }
    const auto day = std::chrono::sys_days{std::chrono::year{2021} / 1 / 1} + std::chrono::days{i / 10};
    const std::chrono::year_month_day ymd{day};
    char published[16];
    std::snprintf(published, sizeof published, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    out << R"({"id":"r)" << i << R"(","source":"Test Wire","published":")" << published << R"(","title":"Reports )" << i
        << R"(","text":")" << text << "\"}\n";
  }
}

TEST_F(CliMovesTest, KilledAcrossTheDefaultMovesAnswersAsAnUninterruptedRun) {
  // 20 batches of 256 articles, about 90,000 event ids: they move straight into the settled table twice (16,384
  // rows each), then into the middle table three times, and the middle table into the settled one at the third,
  // at about 4,600 articles (docs/store.md, the v11 limits). The article hashes and band rows take the same code
  // path (Impl::settle) but reach only the direct moves at this size.
  const uint64_t n = 5120;
  corpus_ = dir_ / "corpus.jsonl";
  write_reports(corpus_, n);

  // The uninterrupted run.
  const fs::path ref = dir_ / "ref.db";
  auto whole = dyad("code --batch 256 --threads 2 --db " + ref.string() + " " + corpus_.string());
  ASSERT_EQ(whole.first, 0) << whole.second;
  const Parts end = parts(ref);
  ASSERT_EQ(end.articles, static_cast<int64_t>(n));
  // The run crossed both default moves: the settled table holds more than the two direct moves' rows.
  ASSERT_GT(end.ids_settled, 2 * 16384) << "the corpus no longer reaches a middle -> settled move";

  // The run killed three times.
  const fs::path db = dir_ / "killed.db";
  // 1: just after the first commit that moved event ids into the middle table.
  pid_t pid = start_code(db);
  ASSERT_TRUE(kill_when(pid, db, [](const Parts& p, const fs::path&) { return p.ids_middle > 0; }));
  const Parts first = parts(db);
  EXPECT_GT(first.ids_middle, 0);
  EXPECT_LT(first.articles, static_cast<int64_t>(n));

  // 2: while the batch after which event ids move into the middle table is written, or between its commit and the
  // move's (a transaction of its own): once the committed recent rows plus the event ids of the last batch seen reach
  // the default limit (16,384 at this size), the next batch is followed by a move, and the process is killed as soon
  // as the WAL changes after that state was committed.
  pid = start_code(db);
  {
    int64_t seen_articles = -1, seen_ids = 0, batch_ids = 0;
    std::pair<int64_t, int64_t> stamp{-2, -2};
    bool armed = false, killed = false;
    for (int i = 0; i < 600000 && !killed; ++i) {
      if (waitpid(pid, nullptr, WNOHANG) == pid) break;
      if (armed && i % 20 != 0) {  // armed: the WAL looked at every millisecond, the rows every 20
        if (wal_stamp(db) != stamp) {
          kill(pid, SIGKILL);
          waitpid(pid, nullptr, 0);
          killed = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        continue;
      }
      const Parts p = parts(db);
      if (p.ok && p.articles != seen_articles) {
        const int64_t ids = p.ids_recent + p.ids_middle + p.ids_settled;
        if (seen_articles >= 0) batch_ids = ids - seen_ids;
        seen_articles = p.articles;
        seen_ids = ids;
        armed = batch_ids > 0 && p.ids_recent + batch_ids >= 16384;
        stamp = wal_stamp(db);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(armed ? 1 : 20));
    }
    if (!killed) {
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
    ASSERT_TRUE(killed) << "the run ended before a commit that moves event ids was seen";
  }
  // Whether the kill came before the move was committed depends on the scheduler; either way the resumed run must
  // answer alike, so it is only reported.
  const Parts second = parts(db);
  std::printf("second kill at %lld articles: %s\n", static_cast<long long>(second.articles),
              second.ids_middle == first.ids_middle ? "before the move was committed" : "after a move was committed");

  // 3: just after the first commit that moved the middle event ids into the settled table.
  pid = start_code(db);
  ASSERT_TRUE(kill_when(pid, db, [](const Parts& p, const fs::path&) { return p.ids_settled > 2 * 16384; }));
  const Parts third = parts(db);
  EXPECT_LT(third.articles, static_cast<int64_t>(n));

  // 4: resumed to the end.
  auto resumed = dyad("code --batch 256 --threads 2 --db " + db.string() + " " + corpus_.string());
  ASSERT_EQ(resumed.first, 0) << resumed.second;
  EXPECT_NE(resumed.second.find(std::to_string(n - static_cast<uint64_t>(third.articles)) + " new articles"),
            std::string::npos)
      << resumed.second;

  // Every article, hash, event and event id once.
  EXPECT_EQ(parts(db).articles, static_cast<int64_t>(n));
  for (const fs::path& store : {ref, db}) {
    SCOPED_TRACE(store.string());
    const std::string hashes =
        "SELECT hash FROM article_hashes_recent UNION ALL SELECT hash FROM article_hashes_middle UNION ALL "
        "SELECT hash FROM article_hashes";
    auto h = rows_and_distinct(store, hashes);
    EXPECT_EQ(h.first, static_cast<int64_t>(n));
    EXPECT_EQ(h.first, h.second);
    auto a = rows_and_distinct(store, "SELECT hash FROM articles");
    EXPECT_EQ(a.first, static_cast<int64_t>(n));
    EXPECT_EQ(a.first, a.second);
    const std::string ids =
        "SELECT id FROM event_ids_recent UNION ALL SELECT id FROM event_ids_middle UNION ALL SELECT id FROM event_ids";
    auto i = rows_and_distinct(store, ids);
    auto e = rows_and_distinct(store, "SELECT id FROM events");
    EXPECT_GT(e.first, 0);
    EXPECT_EQ(e.first, e.second);
    EXPECT_EQ(i.first, e.first);
    EXPECT_EQ(i.first, i.second);
  }

  // The same answers.
  for (const std::string& ask : {std::string("query --db "), std::string("query --links --db "),
                                 std::string("query --format csv --db "), std::string("story --db ")}) {
    SCOPED_TRACE(ask);
    auto want = dyad(ask + ref.string());
    auto got = dyad(ask + db.string());
    ASSERT_EQ(want.first, 0) << want.second.substr(0, 2000);
    ASSERT_EQ(got.first, 0) << got.second.substr(0, 2000);
    EXPECT_FALSE(want.second.empty());
    EXPECT_TRUE(want.second == got.second)
        << "answers differ (" << want.second.size() << " and " << got.second.size() << " bytes)";
  }
}

}  // namespace
