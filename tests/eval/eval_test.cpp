// run_eval end to end on the real suites (a few records each, skipped when
// ../shared is absent): the table's gold column must equal what the readers
// say the first records hold, and the Markdown report must be written.
#include "eval/eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/bundled_knowledge.h"

namespace dyad {
namespace {

const std::string kShared = DYAD_SHARED_DIR;

// The name inside a GUM mention: a person's words after a title further in, and before the "of" that
// opens the person's party or firm (a nested mention the file's one label per token flattened).
std::string gum_name_of(const std::vector<std::string_view>& words, const std::string& type) {
  auto r = eval::gum_name(words, type, testing_support::bundled_knowledge().names.get());
  if (!r) return "-";
  std::string out;
  for (size_t k = r->first; k < r->second; ++k) out += (out.empty() ? "" : " ") + std::string(words[k]);
  return out;
}

TEST(GumName, PersonMentionsGiveTheNameInside) {
  EXPECT_EQ(gum_name_of({"the", "Harbour", "Board", "Chairman", "Piet", "Dorn"}, "PER"), "Piet Dorn");
  EXPECT_EQ(gum_name_of({"Piet", "Dorn", "of", "the", "Varrow", "Party"}, "PER"), "Piet Dorn");
  EXPECT_EQ(gum_name_of({"Professor", "Anke", "Vorsterman"}, "PER"), "Anke Vorsterman");
  EXPECT_EQ(gum_name_of({"a", "local", "baker"}, "PER"), "-");
  // One word before "of" may be the name itself; organisations keep their "of".
  EXPECT_EQ(gum_name_of({"Margit", "of", "Tollmere"}, "PER"), "Margit of Tollmere");
  EXPECT_EQ(gum_name_of({"the", "Bank", "of", "Varrow", "Island"}, "ORG"), "Bank of Varrow Island");
}

TEST(RunEval, UnknownSuiteFails) {
  EvalOptions o;
  o.shared_dir = kShared;
  o.suites = {"no-such-suite"};
  std::ostringstream out;
  EXPECT_EQ(run_eval(o, out), 1);
  EXPECT_NE(out.str().find("unknown suite"), std::string::npos);
}

TEST(RunEval, MissingSharedDirectoryFails) {
  EvalOptions o;
  o.shared_dir = "/nonexistent/dyad-shared";
  o.suites = {"petrarch2", "plover"};
  std::ostringstream out;
  EXPECT_EQ(run_eval(o, out), 1);
  EXPECT_NE(out.str().find("petrarch2: not run"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("plover: not run"), std::string::npos) << out.str();
}

TEST(RunEval, ScoresTheFirstRecordsOfEachSuiteAndWritesTheReport) {
  if (!std::filesystem::exists(kShared + "/eval/petrarch2-unittest")) GTEST_SKIP() << "no shared eval data";
  const size_t limit = 5;
  auto gold = eval::read_petrarch_xml(kShared + "/eval/petrarch2-unittest/PETR.UnitTest.records.xml");
  ASSERT_TRUE(gold.ok());
  size_t expected_gold = 0;
  for (size_t i = 0; i < limit; ++i) expected_gold += gold.value()[i].codings.size();

  const auto md = std::filesystem::temp_directory_path() / ("dyad_eval_test_" + std::to_string(::getpid()) + ".md");
  {
    std::ofstream f(md);
    f << "# Accuracy\n\nHand-written method.\n";
  }
  EvalOptions o;
  o.shared_dir = kShared;
  o.limit = limit;
  o.write_markdown = md.string();
  o.command_line = "dyad eval --limit 5";
  std::ostringstream out;
  int rc = run_eval(o, out);
  std::string table = out.str();
  EXPECT_EQ(rc, 0) << table;
  for (const char* suite : {"petrarch2", "udpetrarch", "udpetrarch-gsr", "plover", "india-police"})
    EXPECT_NE(table.find(std::string(suite) + " "), std::string::npos) << suite;

  eval::SuiteResult r = run_suite("petrarch2", o, out);
  ASSERT_FALSE(r.failed) << r.failure;
  EXPECT_EQ(r.records, limit);
  EXPECT_EQ(r.total.gold, expected_gold);
  EXPECT_EQ(r.total.tp + r.total.fn, r.total.gold);
  EXPECT_EQ(r.total.tp + r.total.fp, r.total.predicted);

  // plover and india-police split their figures into dev (even) and held-out (odd) halves
  // that add up to the suite's ALL row (40 records: enough for labelled documents in both).
  EvalOptions split_options = o;
  split_options.limit = 40;
  for (auto [suite, unit] : {std::pair{"plover", "records"}, std::pair{"india-police", "documents"}}) {
    eval::SuiteResult s = run_suite(suite, split_options, out);
    ASSERT_FALSE(s.failed) << s.failure;
    const eval::Tally& dev = s.categories[eval::split_category(0, unit)];
    const eval::Tally& held = s.categories[eval::split_category(1, unit)];
    EXPECT_GT(dev.gold, 0U) << suite;
    EXPECT_GT(held.gold, 0U) << suite;
    EXPECT_EQ(dev.gold + held.gold, s.total.gold) << suite;
    EXPECT_EQ(dev.predicted + held.predicted, s.total.predicted) << suite;
    EXPECT_EQ(dev.tp + held.tp, s.total.tp) << suite;
    EXPECT_NE(table.find(std::string(suite) + " "), std::string::npos);
    EXPECT_NE(table.find(eval::split_category(1, unit)), std::string::npos) << table;
  }

  std::ifstream in(md);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  std::filesystem::remove(md);
  EXPECT_NE(text.find("Hand-written method."), std::string::npos);
  EXPECT_NE(text.find("`dyad eval --limit 5`"), std::string::npos);
  EXPECT_NE(text.find("### india-police"), std::string::npos);
  EXPECT_NE(text.find("| suite | records | gold | predicted | TP | FP | FN | P | R | F1 |"), std::string::npos);
}

// --verbose lines of a split suite name their half, and --split keeps one half's errors only.
TEST(RunEval, VerboseLinesNameTheirSplitAndSplitFiltersThem) {
  if (!std::filesystem::exists(kShared + "/eval/plover-gsr-cameo")) GTEST_SKIP() << "no shared eval data";
  EvalOptions o;
  o.shared_dir = kShared;
  o.limit = 40;
  o.verbose = true;
  auto lines = [&](const std::string& split, const std::string& tag) {
    EvalOptions with = o;
    with.verbose_split = split;
    std::ostringstream log;
    eval::SuiteResult r = run_suite("plover", with, log);
    EXPECT_FALSE(r.failed) << r.failure;
    size_t n = 0;
    for (size_t at = log.str().find(tag); at != std::string::npos; at = log.str().find(tag, at + 1)) ++n;
    return n;
  };
  const size_t dev = lines("", "[dev]:"), held = lines("", "[held-out]:");
  EXPECT_GT(dev, 0U);
  EXPECT_GT(held, 0U);
  EXPECT_EQ(lines("dev", "[dev]:"), dev);
  EXPECT_EQ(lines("dev", "[held-out]:"), 0U);
  EXPECT_EQ(lines("held-out", "[held-out]:"), held);
  EXPECT_EQ(lines("held-out", "[dev]:"), 0U);
}

}  // namespace
}  // namespace dyad
