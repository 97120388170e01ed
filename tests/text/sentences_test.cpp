#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "text_test_util.h"

namespace dyad {
namespace {

using ::testing::ElementsAre;
using testing_text::analyze;

TEST(Sentences, SplitsOnStopsAndKeepsTitlesAndInitials) {
  auto a = analyze(
      "Gen. Mark Milley met Sen. Jane Roe and Dr. J. R. R. Tolkien on Sept. 11 in room No. 5. "
      "George W. Bush spoke vs. the others. It rained!");
  EXPECT_THAT(a.sentences(), ElementsAre("Gen. Mark Milley met Sen. Jane Roe and Dr. J. R. R. Tolkien on Sept. 11 in "
                                         "room No. 5.",
                                         "George W. Bush spoke vs. the others.", "It rained!"));
}

TEST(Sentences, AcronymEndsSentenceOnlyBeforeStarter) {
  auto a = analyze(
      "The U.S. Army moved. Troops left the U.S. The talks ended. He visited the U.N. Security Council. "
      "Sales at Acme Inc. rose. Prices fell at Acme Inc. But not for long.");
  EXPECT_THAT(a.sentences(), ElementsAre("The U.S. Army moved.", "Troops left the U.S.", "The talks ended.",
                                         "He visited the U.N. Security Council.", "Sales at Acme Inc. rose.",
                                         "Prices fell at Acme Inc.", "But not for long."));
}

TEST(Sentences, AllLowerCaseParagraphSplitsBeforeLowerCaseWords) {
  // a feed that lower-cased its text: ". word" still ends a sentence; "dr." and "u.s." do not
  auto a = analyze(
      "the market reopened on monday after two days. traders said business was slow. dr. rao met the "
      "u.s. consul at noon. the shops closed early in the old city.");
  EXPECT_THAT(a.sentences(),
              ElementsAre("the market reopened on monday after two days.", "traders said business was slow.",
                          "dr. rao met the u.s. consul at noon.", "the shops closed early in the old city."));
  // in mixed-case text a lower-case word after a stop does not start a sentence
  auto b = analyze("It cost 5 p. per unit. The price rose.");
  EXPECT_THAT(b.sentences(), ElementsAre("It cost 5 p. per unit.", "The price rose."));
}

TEST(Sentences, AcronymBeforeOpeningQuote) {
  auto a = analyze("She flew to the U.S. “We are ready,” she said.");
  EXPECT_THAT(a.sentences(), ElementsAre("She flew to the U.S.", "“We are ready,” she said."));
}

TEST(Sentences, QuotesAcrossSentences) {
  auto a = analyze(
      "He called it “intense.” Both delegations signed. The agency added. "
      "“Resolutions need action.” “Why?” he asked. "
      "\"Yes.\" She nodded.");
  EXPECT_THAT(a.sentences(), ElementsAre("He called it “intense.”", "Both delegations signed.", "The agency added.",
                                         "“Resolutions need action.”", "“Why?” he asked.", "\"Yes.\"", "She nodded."));
}

TEST(Sentences, Ellipses) {
  auto a = analyze(
      "Strategic… pic.twitter.com/Zq81Tx is a link. We waited... Then it came. "
      "It was... slow.");
  EXPECT_THAT(a.sentences(), ElementsAre("Strategic… pic.twitter.com/Zq81Tx is a link.", "We waited...",
                                         "Then it came.", "It was... slow."));
}

TEST(Sentences, LowerCaseAfterPeriodDoesNotSplit) {
  auto a = analyze("Talks ended at 5 p.m. on Friday. Prices rose 3.5 pct. in May. Done.");
  EXPECT_THAT(a.sentences(), ElementsAre("Talks ended at 5 p.m. on Friday.", "Prices rose 3.5 pct. in May.", "Done."));
}

TEST(Sentences, NeverCrossParagraphs) {
  auto a = analyze("First paragraph has no stop\nSecond one. Has two.\n\n  Third.  ");
  EXPECT_THAT(a.sentences(), ElementsAre("First paragraph has no stop", "Second one.", "Has two.", "Third."));
  ASSERT_EQ(a.text.paragraphs.size(), 3U);
  EXPECT_EQ(a.text.paragraphs[2].of(a.article.text), "Third.");
  EXPECT_EQ(a.text.sentences[0].paragraph, 0U);
  EXPECT_EQ(a.text.sentences[2].paragraph, 1U);
  EXPECT_EQ(a.text.sentences[3].paragraph, 2U);
}

TEST(Sentences, HeadlinesAreOneSentence) {
  auto a = analyze("Putin Arrives in Beijing. Xi Waits\nPutin arrived on Thursday. He met Xi.\nBeijing, China");
  EXPECT_THAT(a.sentences(), ElementsAre("Putin Arrives in Beijing. Xi Waits", "Putin arrived on Thursday.",
                                         "He met Xi.", "Beijing, China"));
  EXPECT_TRUE(a.text.sentences[0].flags & kHeadline);
  EXPECT_FALSE(a.text.sentences[1].flags & kHeadline);
  EXPECT_FALSE(a.text.sentences[2].flags & kHeadline);
  EXPECT_TRUE(a.text.sentences[3].flags & kHeadline);
  EXPECT_TRUE(a.text.sentences[0].codable());
}

TEST(Sentences, ColonEndedLeadInIsNotAHeadline) {
  auto a = analyze("It said the following:");
  ASSERT_EQ(a.text.sentences.size(), 1U);
  EXPECT_FALSE(a.text.sentences[0].flags & kHeadline);
}

TEST(Sentences, EmergencySplitEvery500Tokens) {
  std::string text;
  for (int i = 0; i < 1234; ++i) text += "word ";
  text += "end.";  // 1235 words + '.' = 1236 tokens, one paragraph with final punctuation
  auto a = analyze(text);
  ASSERT_EQ(a.text.tokens.size(), 1236U);
  ASSERT_EQ(a.text.sentences.size(), 3U);
  EXPECT_EQ(a.text.sentences[0].token_count, 500U);
  EXPECT_EQ(a.text.sentences[1].token_count, 500U);
  EXPECT_EQ(a.text.sentences[2].token_count, 236U);
  EXPECT_EQ(a.text.sentences[1].first_token, 500U);

  std::string headline;  // no final punctuation, long
  for (int i = 0; i < 700; ++i) headline += "x ";
  auto h = analyze(headline);
  ASSERT_EQ(h.text.sentences.size(), 2U);
  EXPECT_EQ(h.text.sentences[0].token_count, 500U);
  EXPECT_EQ(h.text.sentences[1].token_count, 200U);
}

TEST(Sentences, SentenceSpansCoverTheirTokens) {
  auto a = analyze("One. Two three! “Four?” Five.");
  ASSERT_EQ(a.text.sentences.size(), 4U);
  uint32_t next = 0;
  for (const Sentence& s : a.text.sentences) {
    EXPECT_EQ(s.first_token, next);
    next += s.token_count;
    EXPECT_EQ(s.span.offset, a.text.tokens[s.first_token].span.offset);
    EXPECT_EQ(s.span.end(), a.text.tokens[s.first_token + s.token_count - 1].span.end());
  }
  EXPECT_EQ(next, a.text.tokens.size());
}

TEST(Boilerplate, FlagsCommonLines) {
  auto a = analyze(
      "By Jane Doe, Reuters\n"
      "Officials met on Monday. Follow Jane Doe on Facebook and Twitter.\n"
      "Sign up for our daily newsletter here.\n"
      "Copyright 2024 Example Media. All rights reserved.\n"
      "Click here to read the full report.\n"
      "Read more: Talks stall in Geneva\n"
      "(Reporting by Jane Doe; Editing by John Roe)\n"
      "By Friday, the troops had left.");
  const auto& s = a.text.sentences;
  ASSERT_EQ(s.size(), 10U) << ::testing::PrintToString(a.sentences());
  EXPECT_EQ(s[0].flags & (kByline | kBoilerplate), kByline);
  EXPECT_FALSE(s[0].codable());
  EXPECT_EQ(s[1].flags & (kByline | kBoilerplate), 0);  // news
  EXPECT_TRUE(s[1].codable());
  for (size_t i = 2; i <= 8; ++i) EXPECT_TRUE(s[i].flags & kBoilerplate) << a.sentences()[i];
  EXPECT_EQ(s[9].flags & (kByline | kBoilerplate), 0);  // "By Friday, ..." is news, and not at the top
}

TEST(Boilerplate, BylineOnlyNearTheTop) {
  auto a = analyze("Headline Here\nBy John Roe\nOne.\nTwo.\nThree.\nBy Jane Doe");
  ASSERT_EQ(a.text.sentences.size(), 6U);
  EXPECT_TRUE(a.text.sentences[1].flags & kByline);
  EXPECT_FALSE(a.text.sentences[5].flags & kByline);
  EXPECT_FALSE(a.text.sentences[0].flags & kByline);
}

}  // namespace
}  // namespace dyad
