// EthnicGroups: the bundled data/knowledge/ethnic_groups.tsv and the file's validation against
// countries.tsv (errors name file:line).
#include "knowledge/ethnic.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "knowledge_test_util.h"

namespace dyad {
namespace {

using ::testing::HasSubstr;

using test::kData;

TEST(EthnicGroups, BundledListGivesEachGroupItsKinState) {
  auto g = EthnicGroups::load(kData);
  ASSERT_TRUE(g.ok()) << g.error().str();
  EXPECT_EQ(g->kin_state("serbs"), "SRB");
  EXPECT_EQ(g->kin_state("serb"), "SRB");
  EXPECT_EQ(g->kin_state("albanians"), "ALB");
  EXPECT_EQ(g->kin_state("croats"), "HRV");
  // a demonym that names no community abroad, a word as written (case-folded lookup), nothing
  for (const char* w : {"bosnians", "Serbs", "russians", ""}) EXPECT_TRUE(g->kin_state(w).empty()) << w;
}

TEST(EthnicGroups, RowsAreCheckedAgainstCountriesWithFileAndLine) {
  const std::string countries = "cameo\tadjectives\nSRB\tSerbian|Serb|Serbs\nHRV\tCroatian|Croat|Croats\n";
  const std::string head = "# groups\ngroup\tkin_state\tnote\tas_of\nSerb|Serbs\tSRB\tin Bosnia\t2026-01-01\n";
  auto parse = [&](const std::string& rows) {
    return EthnicGroups::parse("groups.tsv", head + rows, "countries.tsv", countries);
  };
  auto good = parse("Croats\tHRV\tin Bosnia\t2026-01-01\n");
  ASSERT_TRUE(good.ok()) << good.error().str();
  EXPECT_EQ(good->size(), 3U);
  EXPECT_EQ(good->kin_state("croats"), "HRV");

  auto dup = parse("Serbs\tSRB\tagain\t2026-01-01\n");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().file, "groups.tsv");
  EXPECT_EQ(dup.error().line, 4U);
  EXPECT_THAT(dup.error().message, HasSubstr("listed twice"));

  auto no_country = parse("Kurds\tKRD\tin Iraq\t2026-01-01\n");
  ASSERT_FALSE(no_country.ok());
  EXPECT_EQ(no_country.error().line, 4U);
  EXPECT_THAT(no_country.error().message, HasSubstr("no row of countries.tsv"));

  auto not_adjective = parse("Serbs\tHRV\tin Bosnia\t2026-01-01\n");
  ASSERT_FALSE(not_adjective.ok());
  EXPECT_THAT(not_adjective.error().message, HasSubstr("not an adjective of HRV"));

  auto lower = parse("croats\tHRV\tin Bosnia\t2026-01-01\n");
  ASSERT_FALSE(lower.ok());
  EXPECT_THAT(lower.error().message, HasSubstr("capitalised"));

  auto code = parse("Croats\thrv\tin Bosnia\t2026-01-01\n");
  ASSERT_FALSE(code.ok());
  EXPECT_THAT(code.error().message, HasSubstr("3-letter"));

  auto note = parse("Croats\tHRV\t\t2026-01-01\n");
  ASSERT_FALSE(note.ok());
  EXPECT_THAT(note.error().message, HasSubstr("no note"));

  auto date = parse("Croats\tHRV\tin Bosnia\t\n");
  ASSERT_FALSE(date.ok());
  EXPECT_EQ(date.error().line, 4U);
  EXPECT_FALSE(EthnicGroups::parse("groups.tsv", "group\tkin_state\tnote\tas_of\n", "countries.tsv", countries).ok());
  auto missing = EthnicGroups::load("/nonexistent-dyad-data");
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.error().file, HasSubstr("ethnic_groups.tsv"));
}

}  // namespace
}  // namespace dyad
