// Property tests: for arbitrary valid UTF-8, the analysis is well formed.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "core/unicode.h"
#include "text_test_util.h"

namespace dyad {
namespace {

void append_utf8(uint32_t c, std::string& s) {
  if (c < 0x80) {
    s += static_cast<char>(c);
  } else if (c < 0x800) {
    s += static_cast<char>(0xC0 | (c >> 6));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (c >> 18));
    s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Random text from a pool of fragments that stress the tokenizer's special
// cases, mixed with random code points from several planes.
std::string random_text(std::mt19937& rng) {
  static const std::vector<std::string> pool = {" ",
                                                "\n",
                                                ".",
                                                "...",
                                                "…",
                                                "U.S.",
                                                "Gen.",
                                                "W.",
                                                "a",
                                                "Zz",
                                                "1,200",
                                                "3.5",
                                                ",",
                                                "'",
                                                "’",
                                                "\"",
                                                "“",
                                                "”",
                                                "-",
                                                "—",
                                                "http://",
                                                "www.",
                                                "pic.twitter.com/",
                                                "/",
                                                "#",
                                                "@",
                                                "_",
                                                "🇷",
                                                "🇺",
                                                "\xE2\x80\x8D",
                                                "\xEF\xB8\x8F",
                                                "\xE2\x83\xA3",
                                                "👍",
                                                "华",
                                                "(@x) May 16, 2024",
                                                "— N (@h) May 1, 2024\n",
                                                ":",
                                                "!",
                                                "?",
                                                ")",
                                                "(",
                                                "\xC2\xA0",
                                                "\t",
                                                "The",
                                                "e.g.",
                                                "\xCC\x81",
                                                "\xC2\xAD",
                                                "م",
                                                "0"};
  std::uniform_int_distribution<int> len(0, 120);
  std::uniform_int_distribution<size_t> pick(0, pool.size() - 1);
  std::uniform_int_distribution<int> coin(0, 9);
  std::uniform_int_distribution<uint32_t> cp(1, 0x10FFFF);
  std::string s;
  int n = len(rng);
  for (int i = 0; i < n; ++i) {
    if (coin(rng) < 8) {
      s += pool[pick(rng)];
    } else {
      uint32_t c = cp(rng);
      if (c >= 0xD800 && c <= 0xDFFF) c = 'x';
      append_utf8(c, s);
    }
  }
  return s;
}

void check_invariants(const testing_text::Analyzed& a) {
  const std::string& text = a.article.text;
  const TextAnalysis& t = a.text;
  uint32_t prev_end = 0;
  for (const Token& tok : t.tokens) {
    ASSERT_GT(tok.span.length, 0U);
    ASSERT_GE(tok.span.offset, prev_end) << "tokens overlap or are out of order";
    ASSERT_LE(tok.span.end(), text.size());
    ASSERT_LE(tok.norm.end(), t.arena.size());
    ASSERT_FALSE(find_invalid_utf8(tok.span.of(text))) << "token splits a code point";
    ASSERT_EQ(tok.span.of(text).find('\n'), std::string_view::npos) << "token crosses a paragraph";
    prev_end = tok.span.end();
  }
  uint32_t next = 0;
  for (const Sentence& s : t.sentences) {
    ASSERT_EQ(s.first_token, next) << "sentences must cover the tokens in order";
    ASSERT_GT(s.token_count, 0U);
    ASSERT_LE(s.token_count, 500U);
    next += s.token_count;
    ASSERT_LE(next, t.tokens.size());
    ASSERT_EQ(s.span.offset, t.tokens[s.first_token].span.offset);
    ASSERT_EQ(s.span.end(), t.tokens[next - 1].span.end());
    ASSERT_LT(s.paragraph, t.paragraphs.size());
    const Span p = t.paragraphs[s.paragraph];
    ASSERT_GE(s.span.offset, p.offset);
    ASSERT_LE(s.span.end(), p.end());
    if (s.post >= 0) {
      ASSERT_LT(static_cast<size_t>(s.post), t.posts.size());
    }
  }
  ASSERT_EQ(next, t.tokens.size());
  for (const Post& p : t.posts) {
    ASSERT_LE(p.span.end(), text.size());
    ASSERT_GE(p.body.offset, p.span.offset);
    ASSERT_LE(p.body.end(), p.span.end());
  }
}

TEST(Property, RandomUtf8IsWellFormed) {
  std::mt19937 rng(20240516);
  for (int i = 0; i < 3000; ++i) {
    std::string s = random_text(rng);
    ASSERT_FALSE(find_invalid_utf8(s));
    auto a = testing_text::analyze(s);
    SCOPED_TRACE(s);
    check_invariants(a);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(Property, HostileDottedRunStaysLinear) {
  // "abc.abc.abc..." is not a domain, an acronym nor an abbreviation: it must
  // tokenise word by word without rescanning the whole run each time.
  std::string s;
  for (int i = 0; i < 50000; ++i) s += "abc.";
  auto a = testing_text::analyze(s);
  EXPECT_EQ(a.text.tokens.size(), 100000U);
  check_invariants(a);
}

TEST(Property, EmptyAndWhitespaceOnly) {
  for (const char* s : {"", " ", "\n\n\n", " \t\xC2\xA0\n"}) {
    auto a = testing_text::analyze(s);
    EXPECT_TRUE(a.text.tokens.empty());
    EXPECT_TRUE(a.text.sentences.empty());
    EXPECT_TRUE(a.text.paragraphs.empty());
  }
}

TEST(Property, ReusedOutputIsCleared) {
  Article art;
  art.text = "One. Two.\nThree";
  TextAnalysis out;
  analyze_text(testing_text::rules(), art, out);
  analyze_text(testing_text::rules(), art, out);
  EXPECT_EQ(out.tokens.size(), 5U);
  EXPECT_EQ(out.sentences.size(), 3U);
}

}  // namespace
}  // namespace dyad
