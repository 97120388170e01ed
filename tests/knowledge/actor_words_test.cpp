// ActorWords: the bundled data/knowledge/actor_words.tsv and the validation of its rows (errors name
// file:line).
#include "knowledge/actor_words.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "knowledge_test_util.h"

namespace dyad {
namespace {

using ::testing::HasSubstr;

using test::kData;

TEST(ActorWords, BundledListsSayWhichCountryAnActorOrPlaceTakes) {
  auto w = ActorWords::load(kData);
  ASSERT_TRUE(w.ok()) << w.error().str();
  for (const char* p : {"central", "northern", "southwestern", "downtown", "east"}) EXPECT_TRUE(w->position(p)) << p;
  for (const char* p : {"Central", "upper", "backed", ""}) EXPECT_FALSE(w->position(p)) << p;
  for (const char* b : {"backed", "funded", "trained"}) EXPECT_TRUE(w->backer_suffix(b)) << b;
  for (const char* b : {"led", "-backed", "central"}) EXPECT_FALSE(w->backer_suffix(b)) << b;
  for (const char* s : {"IGO", "NGO", "IMG", "MNC", "PKO"}) {
    EXPECT_TRUE(w->international_sector(s)) << s;
    EXPECT_TRUE(w->placeless_sector(s)) << s;
  }
  // refugees take a home country but not the country of the place they are in
  EXPECT_FALSE(w->international_sector("REF"));
  EXPECT_TRUE(w->placeless_sector("REF"));
  for (const char* s : {"GOV", "CVL", "COP", "igo"}) EXPECT_FALSE(w->placeless_sector(s)) << s;
  // place nouns: before a name and before "of"; "state" only before "of" ("state media")
  for (const char* n : {"city", "capital", "port", "town", "island"}) {
    EXPECT_TRUE(w->place_noun(n)) << n;
    EXPECT_TRUE(w->place_noun_before_of(n)) << n;
  }
  EXPECT_FALSE(w->place_noun("state"));
  EXPECT_TRUE(w->place_noun_before_of("state"));
  for (const char* n : {"City", "house", "central", ""}) EXPECT_FALSE(w->place_noun_before_of(n)) << n;
  // motion words before "to" and visit verbs: each inflection is a row
  for (const char* m : {"travel", "travelled", "trip", "flew", "deployed"}) EXPECT_TRUE(w->motion_word(m)) << m;
  for (const char* v : {"visit", "visited", "toured", "touring"}) EXPECT_TRUE(w->visit_verb(v)) << v;
  for (const char* v : {"Visited", "met", "trip", ""}) EXPECT_FALSE(w->visit_verb(v)) << v;
  // former words before a title: the office is not held ("former Kenyan President X")
  for (const char* f : {"former", "ex", "erstwhile", "late", "ousted"}) EXPECT_TRUE(w->former_word(f)) << f;
  for (const char* f : {"Former", "acting", "president"}) EXPECT_FALSE(w->former_word(f)) << f;
  // title modifiers describe a holder who is meant all the same; a verb form such as "ousted" is none
  for (const char* f : {"outgoing", "interim", "acting", "embattled"}) EXPECT_TRUE(w->title_modifier(f)) << f;
  for (const char* f : {"ousted", "former", "president"}) EXPECT_FALSE(w->title_modifier(f)) << f;
  auto missing = ActorWords::load("/nonexistent-dyad-data");
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.error().file, HasSubstr("actor_words.tsv"));
}

TEST(ActorWords, RowsAreCheckedWithFileAndLine) {
  const std::string head = "# words\nkind\tword\tas_of\nposition\tupper\t2026-01-01\n";
  auto good = ActorWords::parse("w.tsv", head +
                                             "international_sector\tXYZ\t2026-01-01\nbacker_suffix\tpaid\t2026-01-01\n"
                                             "place_noun\thamlet\t2026-01-01\nplace_noun_of\tshire\t2026-01-01\n"
                                             "motion_word\tsail\t2026-01-01\nvisit_verb\tinspect\t2026-01-01\n");
  ASSERT_TRUE(good.ok()) << good.error().str();
  EXPECT_TRUE(good->position("upper"));
  EXPECT_TRUE(good->international_sector("XYZ"));
  EXPECT_TRUE(good->backer_suffix("paid"));
  EXPECT_FALSE(good->position("central"));  // only the rows read count
  EXPECT_TRUE(good->place_noun("hamlet"));
  EXPECT_FALSE(good->place_noun("shire"));
  EXPECT_TRUE(good->place_noun_before_of("shire"));
  EXPECT_FALSE(good->place_noun("city"));
  EXPECT_TRUE(good->motion_word("sail"));
  EXPECT_FALSE(good->visit_verb("sail"));
  EXPECT_TRUE(good->visit_verb("inspect"));
  EXPECT_FALSE(good->motion_word("travel"));

  auto expect_error = [&](const std::string& row, const char* what) {
    auto r = ActorWords::parse("w.tsv", head + row);
    ASSERT_FALSE(r.ok()) << row;
    EXPECT_EQ(r.error().file, "w.tsv") << row;
    EXPECT_EQ(r.error().line, 4U) << row;
    EXPECT_THAT(r.error().message, HasSubstr(what)) << row;
  };
  expect_error("direction\tleft\t2026-01-01\n", "unknown kind");
  expect_error("direction\tleft\t2026-01-01\n", "place_noun_of, motion_word, visit_verb");
  expect_error("visit_verb\tpays a visit\t2026-01-01\n", "not one word");
  expect_error("position\tUpper\t2026-01-01\n", "lower case");
  expect_error("position\tupper\t2026-01-01\n", "listed twice");
  expect_error("position\tfar north\t2026-01-01\n", "not one word");
  expect_error("backer_suffix\t-backed\t2026-01-01\n", "after the hyphen");
  expect_error("international_sector\tigo\t2026-01-01\n", "three capitals");
  expect_error("displaced_sector\tREFU\t2026-01-01\n", "three capitals");
  expect_error("position\t\t2026-01-01\n", "no word");
  expect_error("place_noun\tPort\t2026-01-01\n", "lower case");
  expect_error("place_noun_of\tstate of\t2026-01-01\n", "not one word");
  expect_error("position\tlower\t\n", "as_of");
  EXPECT_FALSE(ActorWords::parse("w.tsv", "kind\tword\tas_of\n").ok());        // no rows
  EXPECT_FALSE(ActorWords::parse("w.tsv", "kind\tword\nposition\tx\n").ok());  // no as_of column
}

}  // namespace
}  // namespace dyad
