#include <gtest/gtest.h>

#include "text_test_util.h"

namespace dyad {
namespace {

using testing_text::analyze;

TEST(Posts, AttributionEndsPostAndLeadInStaysArticleText) {
  auto a = analyze(
      "The ministry posted a statement:\n"
      "We welcome the talks. pic.twitter.com/AbC123\n"
      "— Foreign Ministry 🇫🇷 (@MinistryX) March 3, 2023\n"
      "Officials later confirmed it.");
  ASSERT_EQ(a.text.posts.size(), 1U);
  const Post& p = a.text.posts[0];
  EXPECT_EQ(p.handle, "MinistryX");
  EXPECT_EQ(p.name, "Foreign Ministry 🇫🇷");
  EXPECT_EQ(p.date.iso(), "2023-03-03");
  EXPECT_EQ(p.body.of(a.article.text), "We welcome the talks. pic.twitter.com/AbC123");
  EXPECT_EQ(p.url, "pic.twitter.com/AbC123");
  EXPECT_EQ(p.span.of(a.article.text).substr(0, 10), "We welcome");
  EXPECT_EQ(p.span.end(), a.article.text.find("\nOfficials"));

  // The body ends with a URL, not a stop: one sentence, flagged as a headline-like unit.
  const auto& s = a.text.sentences;
  ASSERT_EQ(s.size(), 4U);
  EXPECT_EQ(s[0].flags & kPost, 0);
  EXPECT_EQ(s[0].post, -1);
  EXPECT_EQ(s[1].flags & (kPost | kHeadline), kPost | kHeadline);
  EXPECT_EQ(s[1].post, 0);
  EXPECT_TRUE(s[1].codable());
  EXPECT_EQ(s[2].flags & (kPost | kPostAttribution), kPostAttribution);
  EXPECT_EQ(s[2].post, 0);
  EXPECT_FALSE(s[2].codable());
  EXPECT_EQ(s[3].post, -1);
  EXPECT_EQ(s[3].flags, 0);
  EXPECT_EQ(date_from_posts(a.text)->iso(), "2023-03-03");
}

TEST(Posts, BodyExtendsOverShortLinesAndStopsAtPreviousPost) {
  auto a = analyze(
      "Intro line of the article\n"
      "- Someone (@first) Jan 2, 2022\n"
      "Line one of a post\n"
      "Line two of a post https://twitter.com/x/status/123?s=20\n"
      "– Other Name (@second_1) 5 February 2022\n"
      "— Not a post (no handle) May 1, 2022");
  ASSERT_EQ(a.text.posts.size(), 2U);
  EXPECT_EQ(a.text.posts[0].handle, "first");
  EXPECT_EQ(a.text.posts[0].body.of(a.article.text), "Intro line of the article");
  EXPECT_EQ(a.text.posts[1].handle, "second_1");
  EXPECT_EQ(a.text.posts[1].name, "Other Name");
  EXPECT_EQ(a.text.posts[1].body.of(a.article.text),
            "Line one of a post\nLine two of a post https://twitter.com/x/status/123?s=20");
  EXPECT_EQ(a.text.posts[1].url, "https://twitter.com/x/status/123?s=20");
  EXPECT_EQ(a.text.posts[1].date.iso(), "2022-02-05");
  EXPECT_EQ(date_from_posts(a.text)->iso(), "2022-02-05");
  EXPECT_EQ(a.text.sentences.back().flags & (kPost | kPostAttribution), 0);
}

TEST(Posts, LongArticleLineIsNotPulledIntoBody) {
  std::string long_line(400, 'a');
  auto a = analyze(long_line + "\nShort post text\n— N (@h) May 16, 2024");
  ASSERT_EQ(a.text.posts.size(), 1U);
  EXPECT_EQ(a.text.posts[0].body.of(a.article.text), "Short post text");
}

TEST(Posts, NoneWithoutAttribution) {
  auto a = analyze("He said (@handle) nothing.\n— the end\nA line\n— Name (@handle)\n— Name (@handle) no date");
  EXPECT_TRUE(a.text.posts.empty());
  EXPECT_FALSE(date_from_posts(a.text).has_value());
}

}  // namespace
}  // namespace dyad
