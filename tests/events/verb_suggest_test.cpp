#include "events/verb_suggest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/paths.h"
#include "events/coder.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

// A small WordNet database in the real file format, with invented synsets:
// 1 = rebuke/chide/scold, 2 = scold/nag, 3 = set_off(a)/detonate, 4 = chide/tease.
class VerbSuggestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dyad-wordnet-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    write("data.verb",
          "  1 This header line starts with two spaces and is skipped.\n"
          "00000001 32 v 03 rebuke 0 chide 0 scold 0 000 | express sharp disapproval of\n"
          "00000002 32 v 02 scold 1 nag 0 000 | complain at someone again and again\n"
          "00000003 35 v 02 set_off(a) 0 detonate 0 000 | cause to explode\n"
          "00000004 32 v 02 chide 1 tease 0 000 | make fun of lightly\n");
    write("index.verb",
          "  1 header\n"
          "chide v 2 0 2 0 00000004 00000001\n"
          "detonate v 1 0 1 0 00000003\n"
          "nag v 1 0 1 0 00000002\n"
          "rebuke v 1 0 1 0 00000001\n"
          "scold v 2 0 2 0 00000001 00000002\n"
          "set_off v 1 0 1 0 00000003\n"
          "tease v 1 0 1 0 00000004\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  WordNetVerbs load() {
    auto wn = WordNetVerbs::load(dir_.string());
    EXPECT_TRUE(wn.ok()) << (wn.ok() ? "" : wn.error().str());
    return std::move(wn.value());
  }
  fs::path dir_;
};

std::vector<std::string> words_of(const std::vector<VerbSuggestion>& s, const std::string& code = "") {
  std::vector<std::string> out;
  for (const VerbSuggestion& x : s)
    if (code.empty() || x.code == code) out.push_back(x.word);
  return out;
}

TEST_F(VerbSuggestTest, ReadsSynsetsInSenseOrder) {
  const WordNetVerbs wn = load();
  EXPECT_EQ(wn.num_synsets(), 4u);
  EXPECT_EQ(wn.num_lemmas(), 7u);
  const auto chide = wn.senses("chide");
  ASSERT_EQ(chide.size(), 2u);
  EXPECT_EQ(chide[0]->offset, "00000004");  // the index's order, not the data file's
  EXPECT_EQ(chide[1]->gloss, "express sharp disapproval of");
  // Phrases are written with spaces and lose WordNet's syntactic markers.
  const auto set_off = wn.senses("set off");
  ASSERT_EQ(set_off.size(), 1u);
  EXPECT_EQ(set_off[0]->words, (std::vector<std::string>{"set off", "detonate"}));
  EXPECT_EQ(wn.senses("set_off").size(), 1u);
  EXPECT_TRUE(wn.senses("unknown").empty());
}

TEST_F(VerbSuggestTest, BadFilesNameFileAndLine) {
  write("data.verb", "00000001 32 v 05 rebuke 0 000 | too few words for the count\n");
  auto wn = WordNetVerbs::load(dir_.string());
  ASSERT_FALSE(wn.ok());
  EXPECT_NE(wn.error().str().find("data.verb:1"), std::string::npos) << wn.error().str();
  auto none = WordNetVerbs::load((dir_ / "missing").string());
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().str().find("wordnet-base"), std::string::npos) << none.error().str();
}

TEST_F(VerbSuggestTest, SuggestsWordsOfSynsetsSharedByTheRowsVerbs) {
  const WordNetVerbs wn = load();
  const std::vector<VerbPatternSpec> rows = {
      {"111", "{S} (rebuke|chide) {T}", "v.tsv:1"},
      {"183", "{S} (set off|detonate) * bomb", "v.tsv:2"},
      {"112", "{S} scold {T}", "v.tsv:3"},
      {"111", "{S} (rebuke|chide) {T} for", "v.tsv:4"},  // same group: reviewed once
  };
  const auto s = suggest_verbs(rows, wn);
  // scold shares synset 1 with both rebuke and chide; tease and nag have one supporter each.
  EXPECT_EQ(words_of(s, "111"), (std::vector<std::string>{"scold"}));
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0].origin, "v.tsv:1");
  EXPECT_EQ(s[0].support, 2u);
  EXPECT_EQ(s[0].gloss, "express sharp disapproval of");
  EXPECT_EQ(s[0].used_by, (std::vector<std::string>{"112"}));
  // Both verbs of the 183 row are already the whole synset: nothing to add.
  EXPECT_TRUE(words_of(s, "183").empty());
  // A one-verb row reaches support 1 only, below the default.
  EXPECT_TRUE(words_of(s, "112").empty());
  EXPECT_EQ(words_of(suggest_verbs(rows, wn, {3, 1}), "112"),
            (std::vector<std::string>{"chide", "nag", "rebuke"}));  // equal support: alphabetical
  // Only the first sense of each verb: chide's first sense is "tease", so synset 1 has one supporter.
  EXPECT_TRUE(words_of(suggest_verbs(rows, wn, {1, 2}), "111").empty());
}

TEST_F(VerbSuggestTest, CommandPrintsTsvForReview) {
  write("v.tsv", "code\tpattern\tnote\tas_of\n111\t{S} (rebuke|chide) {T}\tcriticism\t2026-11-22\n");
  const fs::path out = dir_ / "out.tsv";
  const std::string cmd = std::string(DYAD_CLI_PATH) + " verbs suggest " + (dir_ / "v.tsv").string() + " --wordnet " +
                          dir_.string() + " > " + out.string() + " 2>/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::ifstream in(out);
  std::string header, line, rest;
  std::getline(in, header);
  std::getline(in, line);
  EXPECT_EQ(header, "origin\tcode\tsupport\tword\tused_by\tlisted\tgloss");
  EXPECT_NE(line.find("\t111\t2\tscold\t\trebuke|chide\texpress sharp disapproval of"), std::string::npos) << line;
  EXPECT_FALSE(std::getline(in, rest));
}

TEST(VerbSuggest, BundledDictionaryAgainstInstalledWordNet) {
  auto wn = WordNetVerbs::load("/usr/share/wordnet");
  if (!wn.ok()) GTEST_SKIP() << "wordnet-base not installed";
  auto words = ClauseWords::load(data_dir());
  ASSERT_TRUE(words.ok()) << words.error().str();
  auto rows = read_verb_patterns(data_dir() + "/verbs/cameo.tsv", *words);
  ASSERT_TRUE(rows.ok());
  const auto s = suggest_verbs(*rows, *wn);
  EXPECT_GT(s.size(), 100u);
  for (const VerbSuggestion& x : s) {
    EXPECT_EQ(std::count(x.listed.begin(), x.listed.end(), x.word), 0) << x.origin << " " << x.word;
    EXPECT_GE(x.support, 2u);
    EXPECT_FALSE(x.gloss.empty());
  }
}

}  // namespace
}  // namespace dyad
