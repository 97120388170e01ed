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

// An ampersand between two capitals is inside one name ("Q&R Freight"); with spaces around it, or
// before a lower-case letter, it stays a mark of its own.
TEST(Tokenizer, AmpersandBetweenCapitalsStaysInTheWord) {
  auto a = analyze("Q&R Freight and KL&W bought Hale & Dorn, not rock&roll or X&y.");
  EXPECT_THAT(a.tokens(), ElementsAre("Q&R", "Freight", "and", "KL&W", "bought", "Hale", "&", "Dorn", ",", "not",
                                      "rock", "&", "roll", "or", "X", "&", "y", "."));
  EXPECT_EQ(a.find("KL&W")->kind, TokenKind::word);
  EXPECT_TRUE(a.find("KL&W")->all_caps);
  EXPECT_EQ(a.text.norm(*a.find("Q&R")), "q&r");
}

// An underscore between letters joins the words of one name (TABARI/PETRARCH's way of writing
// "New_Delhi"): the words are tokens of their own and the underscore is no token; elsewhere it
// stays a mark, and a handle keeps its underscore.
TEST(Tokenizer, UnderscoreBetweenLettersSeparatesWords) {
  auto a = analyze("envoys reached New_Delhi, not _x or 3_4; see @press_office.");
  EXPECT_THAT(a.tokens(), ElementsAre("envoys", "reached", "New", "Delhi", ",", "not", "_", "x", "or", "3", "_", "4",
                                      ";", "see", "@press_office", "."));
  EXPECT_EQ(a.find("Delhi")->kind, TokenKind::word);
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

// tokenize_text (the actor index's load) gives exactly analyze_text's paragraphs, posts and tokens,
// field by field, and no sentences: on text with a byline, boilerplate lines, abbreviations, times,
// hashtags, URLs, embedded posts, several paragraphs and lines of single names.
TEST(Tokenizer, TokenizeTextGivesTheTokensOfAnalyzeText) {
  const std::string texts[] = {
      "By Jane Roe, staff writer\n\n"
      "Follow our reporters on Twitter.\n"
      "The U.S. envoy met Mr. O\xE2\x80\x99Neill\xE2\x80\x99s aides at 3:30 p.m. in S\xC3\xA3o Paulo \xE2\x80\x94 "
      "twice.\n"
      "The council posted:\n"
      "We stand ready. pic.twitter.com/Zz99\n"
      "\xE2\x80\x94 City Council (@CouncilX) May 2, 2024\n"
      "UNITED NATIONS 24-hour talks, 1,200 delegates (e-mail: a.b@example.org)!",
      "Foreign Minister Ana Dorsk met U.S. envoys in St. Petersburg on Jan. 5. Talks went on.\n\n"
      "Follow us on Twitter. Sign up for our newsletter.\n\nBy Jo Marr, Reuters\n",
      "Lower house speaker\nthe Ministry of Defence\nPutin's\nO'Neill-Smith\n#Putin\nhttps://example.org/a?b=1\n"
      "KIM JONG-UN\n\xE2\x80\x9C"
      "quoted\xE2\x80\x9D words\ncaf\xC3\xA9 owners\n",
      "The rally drew 3,500 people. \xE2\x80\x94 Ana Dorsk (@anadorsk) May 16, 2024\nThey said: 'no.'",
  };
  for (const std::string& text : texts) {
    Article article;
    article.text = text;
    TextAnalysis full;
    analyze_text(testing_text::rules(), article, full);
    TextAnalysis tokens_only;
    tokens_only.sentences.resize(3);  // cleared, like every other part
    tokenize_text(testing_text::rules(), article, tokens_only);
    EXPECT_TRUE(tokens_only.sentences.empty());
    ASSERT_FALSE(full.sentences.empty()) << text;
    ASSERT_EQ(tokens_only.tokens.size(), full.tokens.size()) << text;
    for (size_t i = 0; i < full.tokens.size(); ++i) {
      const Token& a = full.tokens[i];
      const Token& b = tokens_only.tokens[i];
      EXPECT_EQ(a.span, b.span) << i;
      EXPECT_EQ(full.norm(a), tokens_only.norm(b)) << i;
      EXPECT_EQ(a.kind, b.kind) << i;
      EXPECT_EQ(a.capitalized, b.capitalized) << i;
      EXPECT_EQ(a.all_caps, b.all_caps) << i;
      EXPECT_EQ(a.space_before, b.space_before) << i;
    }
    EXPECT_EQ(tokens_only.paragraphs, full.paragraphs) << text;
    ASSERT_EQ(tokens_only.posts.size(), full.posts.size()) << text;
    for (size_t i = 0; i < full.posts.size(); ++i) {
      EXPECT_EQ(tokens_only.posts[i].body, full.posts[i].body) << i;
      EXPECT_EQ(tokens_only.posts[i].url, full.posts[i].url) << i;
    }
  }
}

}  // namespace
}  // namespace dyad
