#include "pipeline/corpus.h"

#include <gtest/gtest.h>

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

TEST(CorpusGenerator, MissingTemplatesIsAnError) {
  auto g = CorpusGenerator::load("/no/such/dir", 1);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.error().file.find("templates.tsv"), std::string::npos);
}

}  // namespace
}  // namespace dyad
