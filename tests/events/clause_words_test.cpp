// ClauseWords: the bundled data/cameo/clause_words.tsv and the validation of its rows (errors name
// file:line), read by the shared kind/word/as_of reader (knowledge/word_kinds.h).
#include "events/clause_words.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace dyad {
namespace {

using ::testing::HasSubstr;

const std::string kClauseWordsData = DYAD_TEST_DIR "/../data";

TEST(ClauseWords, BundledListsNameNoOneAidPrepositionsAndHabits) {
  auto w = ClauseWords::load(kClauseWordsData);
  ASSERT_TRUE(w.ok()) << w.error().str();
  for (const char* n : {"nobody", "none", "no-one"}) EXPECT_TRUE(w->no_one(n, "")) << n;
  EXPECT_TRUE(w->no_one("no", "one"));  // two words
  EXPECT_FALSE(w->no_one("no", "arrests"));
  EXPECT_FALSE(w->no_one("no", ""));
  EXPECT_FALSE(w->no_one("one", ""));
  EXPECT_FALSE(w->no_one("Nobody", ""));  // the caller folds case
  for (const char* p : {"to", "for", "in", "throughout"}) EXPECT_TRUE(w->aid_preposition(p)) << p;
  for (const char* p : {"at", "during", "of"}) EXPECT_FALSE(w->aid_preposition(p)) << p;
  for (const char* h : {"usually", "routinely", "often"}) EXPECT_TRUE(w->habit_adverb(h)) << h;
  for (const char* h : {"yesterday", "reportedly", "never"}) EXPECT_FALSE(w->habit_adverb(h)) << h;
  for (const char* a : {"also", "just", "still"}) EXPECT_TRUE(w->subject_adverb(a)) << a;
  for (const char* a : {"often", "reportedly", "not"}) EXPECT_FALSE(w->subject_adverb(a)) << a;
  for (const char* f : {"the", "of", "and", "that"}) EXPECT_TRUE(w->function_word(f)) << f;
  for (const char* f : {"visit", "arrest", "off"}) EXPECT_FALSE(w->function_word(f)) << f;
  for (const char* g : {"continue", "deny", "avoid"}) EXPECT_TRUE(w->gerund_object_verb(g)) << g;
  for (const char* g : {"meet", "disperse", "continued"}) EXPECT_FALSE(w->gerund_object_verb(g)) << g;
  for (const char* b : {"accuse", "charge", "arrest"}) EXPECT_TRUE(w->blame_verb(b)) << b;
  for (const char* b : {"visit", "accused", "meet"}) EXPECT_FALSE(w->blame_verb(b)) << b;
  auto missing = ClauseWords::load("/nonexistent-dyad-data");
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.error().file, HasSubstr("clause_words.tsv"));
}

TEST(ClauseWords, RowsAreCheckedWithFileAndLine) {
  const std::string head = "# words\nkind\tword\tas_of\n";
  auto good = ClauseWords::parse("c.tsv", head +
                                              "no_one\tnot anyone\t2026-01-01\naid_preposition\tunto\t2026-01-01\n"
                                              "habit_adverb\tweekdays\t2026-01-01\n");
  ASSERT_TRUE(good.ok()) << good.error().str();
  EXPECT_TRUE(good->no_one("not", "anyone"));
  EXPECT_FALSE(good->no_one("nobody", ""));  // only the rows read count
  EXPECT_TRUE(good->aid_preposition("unto"));
  EXPECT_TRUE(good->habit_adverb("weekdays"));
  struct Bad {
    std::string row;
    const char* says;
  };
  for (const Bad& b : std::initializer_list<Bad>{
           {"no_body\tnobody\t2026-01-01", "unknown kind 'no_body'"},
           {"no_one\t\t2026-01-01", "no word"},
           {"no_one\tnot a soul\t2026-01-01", "one or two words"},
           {"no_one\tNo One\t2026-01-01", "lower case"},
           {"aid_preposition\tout to\t2026-01-01", "not one word"},
           {"habit_adverb\tOften\t2026-01-01", "lower case"},
           {"habit_adverb\toften\t", "as_of is required"},
           {"habit_adverb\toften\t2026-13-45", "not an ISO date"},
           {"habit_adverb\toften\t2026-01-01\nhabit_adverb\toften\t2026-01-01", "listed twice"},
       }) {
    auto r = ClauseWords::parse("c.tsv", head + b.row + "\n");
    ASSERT_FALSE(r.ok()) << b.row;
    EXPECT_EQ(r.error().file, "c.tsv");
    EXPECT_GE(r.error().line, 3U) << b.row;
    EXPECT_THAT(r.error().message, HasSubstr(b.says)) << b.row;
  }
  auto empty = ClauseWords::parse("c.tsv", head);
  ASSERT_FALSE(empty.ok());
  EXPECT_THAT(empty.error().message, HasSubstr("no rows"));
}

}  // namespace
}  // namespace dyad
