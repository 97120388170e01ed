// PairNouns, CountNouns and PersonNouns: the bundled data/knowledge/pair_nouns.tsv, count_nouns.tsv
// and person_nouns.tsv, and the validation of such noun lists (errors name file:line).
#include "knowledge/pairs.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "knowledge_test_util.h"

namespace dyad {
namespace {

using ::testing::HasSubstr;

using test::kData;

TEST(PairNouns, BundledListNamesTheTwoPartiesOfADyad) {
  auto p = PairNouns::load(kData);
  ASSERT_TRUE(p.ok()) << p.error().str();
  for (const char* w : {"leaders", "sides", "governments", "heads", "men", "delegations"})
    EXPECT_TRUE(p->contains(w)) << w;
  // Two members of one group, a singular, and a word as written (the lookup takes case-folded words).
  for (const char* w : {"policemen", "soldiers", "leader", "Leaders", "", "leaders2"})
    EXPECT_FALSE(p->contains(w)) << w;
}

TEST(CountNouns, BundledListCountsOrGroupsPeople) {
  auto c = CountNouns::load(kData);
  ASSERT_TRUE(c.ok()) << c.error().str();
  for (const char* w : {"dozens", "thousands", "crowds", "companies", "platoons", "posse"})
    EXPECT_TRUE(c->contains(w)) << w;
  // a head noun of its own, and a word as written
  for (const char* w : {"police", "leaders", "Dozens", ""}) EXPECT_FALSE(c->contains(w)) << w;
  auto missing = CountNouns::load("/nonexistent-dyad-data");
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.error().file, HasSubstr("count_nouns.tsv"));
}

TEST(PersonNouns, BundledListNamesPeopleOfNoKind) {
  auto c = PersonNouns::load(kData);
  ASSERT_TRUE(c.ok()) << c.error().str();
  for (const char* w : {"man", "people", "persons"}) EXPECT_TRUE(c->contains(w)) << w;
  // people of a kind of their own name their own target
  for (const char* w : {"shopkeeper", "soldiers", "police", ""}) EXPECT_FALSE(c->contains(w)) << w;
  auto missing = PersonNouns::load("/nonexistent-dyad-data");
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.error().file, HasSubstr("person_nouns.tsv"));
}

TEST(PairNouns, RowsAreCheckedWithFileAndLine) {
  const std::string head = "# pairs\nnoun\tas_of\nleaders\t2026-01-01\n";
  auto good = PairNouns::parse("pairs.tsv", head + "sides\t2026-01-01\n");
  ASSERT_TRUE(good.ok()) << good.error().str();
  EXPECT_EQ(good->size(), 2U);
  EXPECT_TRUE(good->contains("sides"));

  auto dup = PairNouns::parse("pairs.tsv", head + "sides\t2026-01-01\nleaders\t2026-01-01\n");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().file, "pairs.tsv");
  EXPECT_EQ(dup.error().line, 5U);
  EXPECT_THAT(dup.error().message, HasSubstr("listed twice"));

  auto upper = PairNouns::parse("pairs.tsv", head + "Sides\t2026-01-01\n");
  ASSERT_FALSE(upper.ok());
  EXPECT_EQ(upper.error().line, 4U);
  EXPECT_THAT(upper.error().message, HasSubstr("lower case"));

  auto words = PairNouns::parse("pairs.tsv", head + "heads of state\t2026-01-01\n");
  ASSERT_FALSE(words.ok());
  EXPECT_EQ(words.error().line, 4U);
  EXPECT_THAT(words.error().message, HasSubstr("not one word"));

  auto date = PairNouns::parse("pairs.tsv", head + "sides\tyesterday\n");
  ASSERT_FALSE(date.ok());
  EXPECT_EQ(date.error().line, 4U);
  auto no_date = PairNouns::parse("pairs.tsv", head + "sides\t\n");
  ASSERT_FALSE(no_date.ok());
  EXPECT_EQ(no_date.error().line, 4U);
  EXPECT_FALSE(PairNouns::parse("pairs.tsv", "noun\nleaders\n").ok());  // no as_of column
  EXPECT_FALSE(PairNouns::parse("pairs.tsv", "noun\tas_of\n").ok());    // no rows
  auto missing = PairNouns::load("/nonexistent-dyad-data");
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.error().file, HasSubstr("pair_nouns.tsv"));
}

}  // namespace
}  // namespace dyad
