#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "text/text.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

// A throw-away data dir with the four text files; `files` overrides contents.
class BadDataDir : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dyad_text_rules_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_ / "text");
    write("abbreviations.txt", "# ok\nMr. prefix\nInc.\n");
    write("sentence_starters.txt", "the\n");
    write("boilerplate.txt", "# none\n^Follow\n");
    write("bylines.txt", "^By \\p{Lu}\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / "text" / name, std::ios::binary) << content;
  }
  fs::path dir_;
};

TEST_F(BadDataDir, GoodFilesLoad) {
  auto r = TextRules::load(dir_.string());
  ASSERT_TRUE(r.ok()) << r.error().str();
}

TEST_F(BadDataDir, BadPatternNamesFileAndLine) {
  write("boilerplate.txt", "# comment\n^fine$\n\n(unclosed\n");
  auto r = TextRules::load(dir_.string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().file, (dir_ / "text" / "boilerplate.txt").string());
  EXPECT_EQ(r.error().line, 4U);
  EXPECT_NE(r.error().str().find("boilerplate.txt:4: bad pattern"), std::string::npos) << r.error().str();
}

TEST_F(BadDataDir, BadBylinePatternNamesFileAndLine) {
  write("bylines.txt", "^By\n[z-a]\n");
  auto r = TextRules::load(dir_.string());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().file.find("bylines.txt"), std::string::npos);
  EXPECT_EQ(r.error().line, 2U);
}

TEST_F(BadDataDir, AbbreviationWithoutPeriodOrBadClass) {
  write("abbreviations.txt", "Mr. prefix\nGen\n");
  auto r = TextRules::load(dir_.string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().line, 2U);
  EXPECT_NE(r.error().file.find("abbreviations.txt"), std::string::npos);

  write("abbreviations.txt", "# c\n\nMr. prefix\nGen. title\n");
  auto r2 = TextRules::load(dir_.string());
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.error().line, 4U);
  EXPECT_NE(r2.error().message.find("title"), std::string::npos);
}

TEST_F(BadDataDir, StarterWithTwoWords) {
  write("sentence_starters.txt", "the\nin fact\n");
  auto r = TextRules::load(dir_.string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().line, 2U);
}

TEST_F(BadDataDir, MissingFileIsNamed) {
  fs::remove(dir_ / "text" / "bylines.txt");
  auto r = TextRules::load(dir_.string());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().file.find("bylines.txt"), std::string::npos);
}

TEST(Rules, BundledDataLoads) {
  auto r = TextRules::load(DYAD_TEST_DIR "/../data");
  ASSERT_TRUE(r.ok()) << r.error().str();
}

}  // namespace
}  // namespace dyad
