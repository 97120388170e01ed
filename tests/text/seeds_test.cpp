// Checks on the shared seed articles (read at run time, never copied).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/unicode.h"
#include "text_test_util.h"

namespace dyad {
namespace {

std::optional<testing_text::Analyzed> load_seed(const std::string& name) {
  std::ifstream in(DYAD_SHARED_DIR "/seeds/" + name, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return testing_text::analyze(normalize_text(ss.str()));
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

TEST(Seeds, EmbeddedPostsInSeed000) {
  auto a = load_seed("000_db31a0e3b058f794.txt");
  if (!a) GTEST_SKIP() << "shared seeds not present";
  const std::string& text = a->article.text;
  const auto& posts = a->text.posts;
  ASSERT_EQ(posts.size(), 3U);
  EXPECT_EQ(posts[0].handle, "SpokespersonCHN");
  EXPECT_EQ(posts[1].handle, "mfa_russia");
  EXPECT_EQ(posts[2].handle, "mfa_russia");
  EXPECT_EQ(posts[0].date.iso(), "2024-05-16");
  EXPECT_EQ(posts[1].date.iso(), "2024-05-15");
  EXPECT_EQ(posts[2].date.iso(), "2024-05-16");
  EXPECT_NE(posts[0].name.find("Hua Chunying"), std::string::npos);
  EXPECT_NE(posts[1].name.find("MFA Russia"), std::string::npos);
  EXPECT_NE(posts[2].name.find("MFA Russia"), std::string::npos);
  for (const Post& p : posts) EXPECT_TRUE(starts_with(p.url, "pic.twitter.com/")) << p.url;
  EXPECT_EQ(date_from_posts(a->text)->iso(), "2024-05-16");

  for (const Post& p : posts) {
    // The body starts a line, and the line before it is the article's lead-in ending with ':'.
    ASSERT_GT(p.body.offset, 0U);
    EXPECT_EQ(text[p.body.offset - 1], '\n');
    size_t prev_start = text.rfind('\n', p.body.offset - 2);
    prev_start = prev_start == std::string::npos ? 0 : prev_start + 1;
    std::string_view lead_in(text.data() + prev_start, p.body.offset - 1 - prev_start);
    EXPECT_EQ(lead_in.back(), ':');
    EXPECT_GE(p.span.offset, p.body.offset);
    // The attribution line ends the post.
    std::string_view whole = p.span.of(text);
    EXPECT_NE(whole.rfind("(@" + p.handle + ")"), std::string_view::npos);
    EXPECT_TRUE(p.span.end() == text.size() || text[p.span.end()] == '\n');
  }
  // The third post's body has two lines; the others one.
  EXPECT_EQ(posts[0].body.of(text).find('\n'), std::string_view::npos);
  EXPECT_EQ(posts[1].body.of(text).find('\n'), std::string_view::npos);
  EXPECT_NE(posts[2].body.of(text).find('\n'), std::string_view::npos);

  // Sentences inside the posts are marked, attribution lines too, and the lead-ins are not.
  int post_sentences = 0;
  int attributions = 0;
  for (const Sentence& s : a->text.sentences) {
    if (s.flags & kPost) ++post_sentences;
    if (s.flags & kPostAttribution) ++attributions;
    if (s.span.of(text).back() == ':') {
      EXPECT_EQ(s.post, -1);
    }
  }
  EXPECT_EQ(attributions, 3);
  EXPECT_EQ(post_sentences, 4);

  // The closing "Follow ..." line is boilerplate.
  const Sentence& last = a->text.sentences.back();
  EXPECT_TRUE(starts_with(last.span.of(text), "Follow "));
  EXPECT_TRUE(last.flags & kBoilerplate);
  int boiler = 0;
  for (const Sentence& s : a->text.sentences) boiler += (s.flags & kBoilerplate) ? 1 : 0;
  EXPECT_EQ(boiler, 1);
}

TEST(Seeds, SentenceBoundariesInSeed000) {
  auto a = load_seed("000_db31a0e3b058f794.txt");
  if (!a) GTEST_SKIP() << "shared seeds not present";
  auto sentences = a->sentences();
  EXPECT_EQ(sentences.size(), 37U);   // verified by reading the output
  bool quote_opens_sentence = false;  // an opening quote with "U.N." starts a sentence
  bool closing_quote_kept = false;    // a sentence ends with '.' + closing quote, followed by "The two"
  bool acronym_inside = false;        // "U.S. dollar" does not split
  for (size_t i = 0; i < sentences.size(); ++i) {
    const std::string& s = sentences[i];
    if (starts_with(s, "“U.N. ")) quote_opens_sentence = true;
    if (s.size() > 4 && s.substr(s.size() - 4) == ".”" && i + 1 < sentences.size() &&
        starts_with(sentences[i + 1], "The two leaders"))
      closing_quote_kept = true;
    if (s.find("U.S. dollar") != std::string::npos) acronym_inside = true;
  }
  EXPECT_TRUE(quote_opens_sentence);
  EXPECT_TRUE(closing_quote_kept);
  EXPECT_TRUE(acronym_inside);
}

TEST(Seeds, Seed003HasNoPosts) {
  auto a = load_seed("003_170d15a40400d82a.txt");
  if (!a) GTEST_SKIP() << "shared seeds not present";
  EXPECT_TRUE(a->text.posts.empty());
  EXPECT_FALSE(date_from_posts(a->text).has_value());
  EXPECT_EQ(a->text.paragraphs.size(), 15U);
  EXPECT_EQ(a->text.sentences.size(), 28U);  // verified by reading the output
  for (const Sentence& s : a->text.sentences) {
    EXPECT_EQ(s.flags & (kPost | kPostAttribution | kBoilerplate | kByline | kHeadline), 0)
        << s.span.of(a->article.text);
  }
}

}  // namespace
}  // namespace dyad
