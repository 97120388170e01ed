#include "knowledge/phrase_matcher.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

namespace dyad {
namespace {

std::vector<std::string_view> words(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

TEST(Interner, RoundTripsAndGrows) {
  TokenInterner in;
  std::vector<std::string> forms;
  for (int i = 0; i < 5000; ++i) forms.push_back("w" + std::to_string(i));
  for (size_t i = 0; i < forms.size(); ++i) EXPECT_EQ(in.intern(forms[i]), i);
  for (size_t i = 0; i < forms.size(); ++i) {
    EXPECT_EQ(in.find(forms[i]), i);
    EXPECT_EQ(in.form(static_cast<uint32_t>(i)), forms[i]);
  }
  EXPECT_EQ(in.find("absent"), TokenInterner::kNone);
  EXPECT_EQ(in.intern("w42"), 42U);
}

TEST(PhraseMatcher, LeftmostLongestNonOverlapping) {
  PhraseMatcher m;
  m.add({"vladimir", "putin"}, 1);
  m.add({"putin"}, 2);
  m.add({"russian", "president"}, 3);
  m.add({"russian"}, 4);
  m.add({"putin"}, 5);  // a second value for the same phrase
  m.build();
  std::vector<std::string> s = {"russian", "president", "vladimir", "putin", "met", "putin"};
  std::vector<uint32_t> ids;
  m.ids(words(s), ids);
  std::vector<PhraseMatcher::Match> out;
  m.find_all(ids, out);
  ASSERT_EQ(out.size(), 4U);
  EXPECT_EQ(out[0].value, 3U);
  EXPECT_EQ(out[0].begin, 0U);
  EXPECT_EQ(out[0].end, 2U);
  EXPECT_EQ(out[1].value, 1U);
  EXPECT_EQ(out[1].begin, 2U);
  EXPECT_EQ(out[1].end, 4U);
  EXPECT_EQ(out[2].value, 2U);
  EXPECT_EQ(out[3].value, 5U);
  EXPECT_EQ(out[3].begin, 5U);
}

TEST(PhraseMatcher, PrefixWithoutValueDoesNotMatch) {
  PhraseMatcher m;
  m.add({"united", "nations", "security", "council"}, 7);
  m.build();
  std::vector<std::string> s = {"the", "united", "nations", "said"};
  std::vector<uint32_t> ids;
  m.ids(words(s), ids);
  std::vector<PhraseMatcher::Match> out;
  m.find_all(ids, out);
  EXPECT_TRUE(out.empty());
}

// The trie must agree with a brute-force reference on random phrase sets.
TEST(PhraseMatcher, AgreesWithBruteForce) {
  std::mt19937 rng(12345);
  const std::vector<std::string> vocab = {"a", "b", "c", "d", "e"};
  for (int round = 0; round < 50; ++round) {
    std::vector<std::vector<std::string>> phrases;
    PhraseMatcher m;
    for (int p = 0; p < 12; ++p) {
      std::vector<std::string> ph(1 + rng() % 3);
      for (auto& w : ph) w = vocab[rng() % vocab.size()];
      phrases.push_back(ph);
      m.add(words(ph), static_cast<uint32_t>(p));
    }
    m.build();
    std::vector<std::string> text(30);
    for (auto& w : text) w = vocab[rng() % vocab.size()];
    std::vector<uint32_t> ids;
    m.ids(words(text), ids);
    for (size_t i = 0; i < text.size(); ++i) {
      size_t best = 0;
      std::set<uint32_t> expect;
      for (size_t p = 0; p < phrases.size(); ++p) {
        const auto& ph = phrases[p];
        if (i + ph.size() > text.size()) continue;
        if (!std::equal(ph.begin(), ph.end(), text.begin() + static_cast<long>(i))) continue;
        if (ph.size() > best) {
          best = ph.size();
          expect.clear();
        }
        if (ph.size() == best) expect.insert(static_cast<uint32_t>(p));
      }
      std::vector<PhraseMatcher::Match> out;
      m.longest_at(ids, i, out);
      std::set<uint32_t> got;
      for (const auto& mt : out) {
        got.insert(mt.value);
        EXPECT_EQ(mt.end - mt.begin, best);
      }
      EXPECT_EQ(got, expect) << "round " << round << " at " << i;
    }
  }
}

}  // namespace
}  // namespace dyad
