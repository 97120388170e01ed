#include "pipeline/corpus.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

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

TEST(CorpusGenerator, MissingTemplatesIsAnError) {
  auto g = CorpusGenerator::load("/no/such/dir", 1);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.error().file.find("templates.tsv"), std::string::npos);
}

}  // namespace
}  // namespace dyad
