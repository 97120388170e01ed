#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/unicode.h"
#include "text_test_util.h"

namespace dyad {
namespace {

using ::testing::ElementsAre;
using testing_text::analyze;

TEST(Tokenizer, WordsApostrophesAndHyphens) {
  auto a = analyze("Xi’s people's 30-page China-Russia deal, don't.");
  EXPECT_THAT(a.tokens(), ElementsAre("Xi’s", "people's", "30-page", "China-Russia", "deal", ",", "don't", "."));
  EXPECT_EQ(a.text.tokens[0].kind, TokenKind::word);
  EXPECT_EQ(a.text.norm(a.text.tokens[0]), "xi's");   // typographic apostrophe made plain, case folded
  EXPECT_EQ(a.text.tokens[2].kind, TokenKind::word);  // digits + letters
}

TEST(Tokenizer, TrailingApostropheAndQuotesArePunctuation) {
  auto a = analyze("the countries’ “win-win” and ‘core’ 'x'");
  EXPECT_THAT(a.tokens(),
              ElementsAre("the", "countries", "’", "“", "win-win", "”", "and", "‘", "core", "’", "'", "x", "'"));
  EXPECT_EQ(a.find("“")->kind, TokenKind::punctuation);
  EXPECT_EQ(a.text.norm(*a.find("“")), "\"");
}

TEST(Tokenizer, Numbers) {
  auto a = analyze("killed 1,200 civilians, 3.5 percent, at 10:30 in 2024. Lists 1,2,3 and 75th.");
  EXPECT_THAT(a.tokens(), ElementsAre("killed", "1,200", "civilians", ",", "3.5", "percent", ",", "at", "10:30", "in",
                                      "2024", ".", "Lists", "1", ",", "2", ",", "3", "and", "75th", "."));
  EXPECT_EQ(a.find("1,200")->kind, TokenKind::number);
  EXPECT_EQ(a.find("3.5")->kind, TokenKind::number);
  EXPECT_EQ(a.find("2024")->kind, TokenKind::number);
  EXPECT_EQ(a.find("75th")->kind, TokenKind::word);
}

TEST(Tokenizer, AbbreviationsAcronymsAndInitials) {
  auto a =
      analyze("Gen. Smith met U.S. and U.N. envoys, e.g. George W. Bush, on Sept. 11 in St. Louis at 9 a.m. today.");
  EXPECT_THAT(a.tokens(),
              ElementsAre("Gen.", "Smith", "met", "U.S.", "and", "U.N.", "envoys", ",", "e.g.", "George", "W.", "Bush",
                          ",", "on", "Sept.", "11", "in", "St.", "Louis", "at", "9", "a.m.", "today", "."));
  const Token* us = a.find("U.S.");
  ASSERT_NE(us, nullptr);
  EXPECT_TRUE(us->all_caps);
  EXPECT_TRUE(us->capitalized);
  EXPECT_EQ(a.text.norm(*us), "u.s.");
}

TEST(Tokenizer, UnknownWordKeepsPeriodSeparate) {
  auto a = analyze("It ended. Then U.S.-led talks began");
  EXPECT_THAT(a.tokens(), ElementsAre("It", "ended", ".", "Then", "U.S.-led", "talks", "began"));
}

TEST(Tokenizer, PunctuationEllipsesAndDashes) {
  auto a = analyze("Wait... no… yes – or — maybe?!");
  EXPECT_THAT(a.tokens(), ElementsAre("Wait", "...", "no", "…", "yes", "–", "or", "—", "maybe", "?", "!"));
  for (size_t i : {1, 3, 5, 7, 9, 10}) EXPECT_EQ(a.text.tokens[i].kind, TokenKind::punctuation) << i;
  EXPECT_EQ(a.text.tokens[2].kind, TokenKind::word);
}

TEST(Tokenizer, UrlsHandlesHashtags) {
  auto a = analyze(
      "See https://example.org/a_(b)?q=1. and www.Reuters.com/world, pic.twitter.com/Zq81Tx "
      "talks.#Diplomacy by @mfa_russia (mail me@example.com) reuters.com.");
  EXPECT_THAT(a.tokens(), ElementsAre("See", "https://example.org/a_(b)?q=1", ".", "and", "www.Reuters.com/world", ",",
                                      "pic.twitter.com/Zq81Tx", "talks", ".", "#Diplomacy", "by", "@mfa_russia", "(",
                                      "mail", "me", "@", "example.com", ")", "reuters.com", "."));
  EXPECT_EQ(a.find("https://example.org/a_(b)?q=1")->kind, TokenKind::url);
  EXPECT_EQ(a.find("pic.twitter.com/Zq81Tx")->kind, TokenKind::url);
  EXPECT_EQ(a.text.norm(*a.find("pic.twitter.com/Zq81Tx")), "pic.twitter.com/Zq81Tx");  // URLs keep case
  EXPECT_EQ(a.find("#Diplomacy")->kind, TokenKind::hashtag);
  EXPECT_EQ(a.text.norm(*a.find("#Diplomacy")), "diplomacy");  // the word, for names and lexicons
  EXPECT_EQ(a.find("@mfa_russia")->kind, TokenKind::handle);
  EXPECT_EQ(a.find("@")->kind, TokenKind::punctuation);
}

TEST(Tokenizer, EmojiFlagsAndZwjSequences) {
  // Russian flag, a lone regional indicator, family (ZWJ), thumbs up + skin tone, keycap, currency.
  auto a = analyze(
      "🇷🇺🇳 At "
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 "
      "👍🏽 1\xEF\xB8\x8F\xE2\x83\xA3 €"
      "5 $3");
  EXPECT_THAT(a.tokens(),
              ElementsAre("🇷🇺", "🇳", "At", "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7",
                          "👍🏽", "1\xEF\xB8\x8F\xE2\x83\xA3", "€", "5", "$", "3"));
  EXPECT_EQ(a.text.tokens[0].kind, TokenKind::symbol);
  EXPECT_EQ(a.text.tokens[3].kind, TokenKind::symbol);
  EXPECT_EQ(a.find("€")->kind, TokenKind::symbol);
  EXPECT_EQ(a.find("$")->kind, TokenKind::symbol);
}

TEST(Tokenizer, CjkAndOtherScripts) {
  auto a = analyze(
      "Hua Chunying 华春莹 said Путин"
      "’s café.");
  EXPECT_THAT(a.tokens(), ElementsAre("Hua", "Chunying", "华春莹", "said", "Путин’s", "café", "."));
  const Token* cjk = a.find("华春莹");
  EXPECT_EQ(cjk->kind, TokenKind::word);
  EXPECT_FALSE(cjk->capitalized);
  const Token* putin = a.find("Путин’s");
  EXPECT_TRUE(putin->capitalized);
  EXPECT_EQ(a.text.norm(*putin), "путин's");
}

TEST(Tokenizer, CaseFlagsAndSpaceBefore) {
  auto a = analyze("NATO and Nato, iPhone (X)");
  const auto& t = a.text.tokens;
  ASSERT_EQ(t.size(), 8U);
  EXPECT_TRUE(t[0].all_caps);
  EXPECT_TRUE(t[0].capitalized);
  EXPECT_TRUE(t[0].space_before);  // start of text
  EXPECT_FALSE(t[1].capitalized);
  EXPECT_TRUE(t[2].capitalized);
  EXPECT_FALSE(t[2].all_caps);
  EXPECT_FALSE(t[3].space_before);  // the comma
  EXPECT_FALSE(t[4].capitalized);   // iPhone
  EXPECT_TRUE(t[5].space_before);   // "("
  EXPECT_FALSE(t[6].all_caps);      // a single letter is not "all caps"
  EXPECT_TRUE(t[6].capitalized);
}

TEST(Tokenizer, OffsetsMatchTextAndNormsMatchArena) {
  auto a = analyze("“We trade in our own currencies,” the minister said.\nSecond\tline  with  \xC2\xA0spaces");
  uint32_t prev_end = 0;
  for (const Token& t : a.text.tokens) {
    EXPECT_GE(t.span.offset, prev_end);
    EXPECT_LE(t.span.end(), a.article.text.size());
    EXPECT_GT(t.span.length, 0U);
    std::string folded;
    fold_case_append(t.span.of(a.article.text), folded);
    EXPECT_EQ(a.text.norm(t), folded);
    prev_end = t.span.end();
  }
  EXPECT_EQ(a.text.tokens.back().span.of(a.article.text), "spaces");
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

// tokenize_text (the dictionaries' tokeniser) gives analyze_text's tokens and norms, field by field, on text with
// abbreviations, hashtags, URLs, posts, boilerplate lines, several paragraphs and lines of single names.
TEST(Tokenizer, TokenizeTextGivesAnalyzeTextsTokens) {
  const std::string texts[] = {
      "Foreign Minister Ana Dorsk met U.S. envoys in St. Petersburg on Jan. 5. Talks went on.\n\n"
      "Follow us on Twitter. Sign up for our newsletter.\n\nBy Jo Marr, Reuters\n",
      "Lower house speaker\nthe Ministry of Defence\nPutin's\nO'Neill-Smith\n#Putin\nhttps://example.org/a?b=1\n"
      "KIM JONG-UN\n\xE2\x80\x9C"
      "quoted\xE2\x80\x9D words\ncaf\xC3\xA9 owners\n",
      "The rally drew 3,500 people. \xE2\x80\x94 Ana Dorsk (@anadorsk) May 16, 2024\nThey said: 'no.'",
  };
  for (const std::string& text : texts) {
    Article a;
    a.text = text;
    TextAnalysis full;
    analyze_text(testing_text::rules(), a, full);
    TextAnalysis only;
    only.sentences.resize(3);  // cleared first
    tokenize_text(testing_text::rules(), text, only);
    EXPECT_TRUE(only.sentences.empty());
    EXPECT_TRUE(only.paragraphs.empty());
    ASSERT_EQ(only.tokens.size(), full.tokens.size()) << text;
    ASSERT_FALSE(only.tokens.empty());
    for (size_t i = 0; i < full.tokens.size(); ++i) {
      const Token& x = only.tokens[i];
      const Token& y = full.tokens[i];
      EXPECT_EQ(x.span, y.span) << i;
      EXPECT_EQ(only.norm(x), full.norm(y)) << i;
      EXPECT_EQ(x.kind, y.kind) << i;
      EXPECT_EQ(x.capitalized, y.capitalized) << i;
      EXPECT_EQ(x.all_caps, y.all_caps) << i;
      EXPECT_EQ(x.space_before, y.space_before) << i;
    }
  }
}

}  // namespace
}  // namespace dyad
