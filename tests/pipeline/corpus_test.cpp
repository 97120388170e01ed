#include "pipeline/corpus.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/date.h"

namespace dyad {
namespace {

const std::string kData = DYAD_TEST_DIR "/../data";

std::string generate(uint64_t seed, uint64_t n) {
  auto g = CorpusGenerator::load(kData, seed);
  EXPECT_TRUE(g.ok()) << (g.ok() ? "" : g.error().str());
  std::ostringstream out;
  if (g.ok()) (*g)->write_jsonl(n, out);
  return out.str();
}

TEST(CorpusGenerator, SameSeedSameBytesOtherSeedOtherText) {
  std::string a = generate(7, 50), b = generate(7, 50), c = generate(8, 50);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

TEST(CorpusGenerator, ArticlesAreValidJsonlWithParagraphs) {
  std::istringstream in(generate(1, 200));
  size_t lines = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["id"], "gen-" + std::to_string(lines));
    std::string text = j["text"];
    EXPECT_GE(std::count(text.begin(), text.end(), '\n'), 4);
    EXPECT_EQ(text.find('{'), std::string::npos) << "unfilled slot in: " << text;
    EXPECT_EQ(std::string(j["published"]).size(), 10U);
  }
  EXPECT_EQ(lines, 200U);
}

// Publication days (ISO dates sort as text) of a generated corpus, per article.
std::map<std::string, size_t> days_of(uint64_t n) {
  std::map<std::string, size_t> days;
  std::istringstream in(generate(3, n));
  for (std::string line; std::getline(in, line);) ++days[nlohmann::json::parse(line)["published"]];
  return days;
}

TEST(CorpusGenerator, DateSpanGrowsWithTheCorpusAtASteadyRate) {
  // 10 articles a day: 200 articles over about 20 days, 2,000 over about 200, each day as dense.
  for (uint64_t n : {200U, 2000U}) {
    auto days = days_of(n);
    const uint64_t expected = n / CorpusGenerator::kArticlesPerDay;
    EXPECT_EQ(days.begin()->first, "2023-01-01") << n;
    EXPECT_GE(days.size() + 3, expected) << n;
    EXPECT_LE(days.size(), expected + 1) << n;
    size_t densest = 0;
    for (const auto& [day, count] : days) densest = std::max(densest, count);
    EXPECT_LE(densest, 3 * CorpusGenerator::kArticlesPerDay) << n;
  }
  EXPECT_EQ(days_of(2000).rbegin()->first, "2023-07-19");  // day 199
}

std::vector<nlohmann::json> lines_of(const std::string& jsonl) {
  std::vector<nlohmann::json> out;
  std::istringstream in(jsonl);
  for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
  return out;
}

TEST(CorpusGenerator, CopiesReplaceSomeArticlesWithNearCopiesOfRecentOnes) {
  auto g = CorpusGenerator::load(kData, 7);
  ASSERT_TRUE(g.ok());
  std::ostringstream with;
  const auto copies = (*g)->write_jsonl(500, with, 0.2);
  const auto plain = lines_of(generate(7, 500)), copied = lines_of(with.str());
  ASSERT_EQ(copied.size(), 500U);
  EXPECT_GE(copies.size(), 60U);
  EXPECT_LE(copies.size(), 140U);
  std::map<uint64_t, uint64_t> original_of;
  for (const auto& c : copies) original_of[c.copy] = c.original;
  for (uint64_t i = 0; i < 500; ++i) {
    auto c = original_of.find(i);
    if (c == original_of.end()) {
      EXPECT_EQ(copied[i], plain[i]) << i;  // the corpus without copies, article by article
      continue;
    }
    EXPECT_EQ(original_of.count(c->second), 0U) << "the original of " << i << " is a copy";
    ASSERT_LT(c->second, i);
    EXPECT_LE(i - c->second, 45U) << "a copy of an article of the last few days";
    const auto& copy = copied[i];
    const auto& original = copied[c->second];
    EXPECT_EQ(copy["id"], "gen-" + std::to_string(i));
    EXPECT_NE(copy["source"], original["source"]);
    EXPECT_EQ(copy["title"], original["title"]);
    const std::string day = original["published"], copy_day = copy["published"];
    const std::string next = Date::from_days(parse_date(day)->first_day() + std::chrono::days(1)).iso();
    EXPECT_TRUE(copy_day == day || copy_day == next) << day << " -> " << copy_day;
    // One sentence changed: the copy is the original with one clause of a few words added before a full stop.
    const std::string text = copy["text"], was = original["text"];
    size_t from = 0;
    while (from < was.size() && text[from] == was[from]) ++from;
    size_t back = 0;
    while (back < was.size() - from && text[text.size() - 1 - back] == was[was.size() - 1 - back]) ++back;
    EXPECT_EQ(from + back, was.size()) << "more than one change in " << text;
    const std::string added = text.substr(from, text.size() - was.size());
    EXPECT_EQ(added.rfind(", ", 0), 0U) << added;
    EXPECT_LT(added.size(), 100U) << added;
    EXPECT_EQ(added.find('\n'), std::string::npos) << added;
  }
}

TEST(CorpusGenerator, MissingTemplatesIsAnError) {
  auto g = CorpusGenerator::load("/no/such/dir", 1);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.error().file.find("templates.tsv"), std::string::npos);
}

}  // namespace
}  // namespace dyad
