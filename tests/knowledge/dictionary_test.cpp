// read_dyad_dictionary / validate_specs: kinds from headers, specs, and every
// validation error naming the file and line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "knowledge/actors.h"

namespace dyad {
namespace {

using ::testing::HasSubstr;

const char* kPeopleHeader =
    "# comment\n"
    "name\taliases\tcountry\toffice\ttitle\tcode\tsecondary\tvalid_from\tvalid_until\tacting\tnote\tas_of\n";

std::string people(const std::string& rows) { return std::string(kPeopleHeader) + rows; }

TEST(Dictionary, PeopleRowsBecomeOnePersonWithRoles) {
  auto s = parse_dyad_dictionary(
      "p.tsv",
      people(
          "Ann Example\tExample\tFRA\tforeign_minister\tForeign "
          "Minister\tFRAGOV\t\t2010-01-01\t2012-05\t\t\t2024-01-01\n"
          "Ann Example\tA. Example\tFRA\thead_of_government\tPrime Minister\tFRAGOV\t\t2012-05\t\t\t\t2024-01-01\n"));
  ASSERT_TRUE(s.ok()) << s.error().str();
  ASSERT_EQ(s->actors.size(), 1U);
  const ActorSpec& a = s->actors[0];
  EXPECT_EQ(a.kind, MentionKind::person);
  EXPECT_EQ(a.canonical, "Ann Example");
  EXPECT_THAT(a.names, ::testing::ElementsAre("Ann Example", "Example", "A. Example"));
  ASSERT_EQ(a.roles.size(), 2U);
  EXPECT_EQ(a.roles[0].office, "foreign_minister");
  EXPECT_EQ(a.roles[0].until->iso(), "2012-05");
  EXPECT_EQ(a.roles[1].origin, "p.tsv:4");
}

struct BadCase {
  const char* what;
  std::string text;
  uint64_t line;
  const char* message;
};

class DictionaryErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(DictionaryErrors, NameFileAndLine) {
  const BadCase& c = GetParam();
  auto s = parse_dyad_dictionary("bad.tsv", c.text);
  ASSERT_FALSE(s.ok()) << c.what;
  EXPECT_EQ(s.error().file, "bad.tsv") << c.what;
  EXPECT_EQ(s.error().line, c.line) << c.what << ": " << s.error().str();
  EXPECT_THAT(s.error().message, HasSubstr(c.message)) << c.what;
}

INSTANTIATE_TEST_SUITE_P(
    All, DictionaryErrors,
    ::testing::Values(
        BadCase{"bad code shape", people("X Y\t\tFRA\thead_of_state\tPresident\tFRAgov\t\t2010\t\t\t\t2024-01-01\n"), 3,
                "code"},
        BadCase{"code of another country",
                people("X Y\t\tFRA\thead_of_state\tPresident\tDEUGOV\t\t2010\t\t\t\t2024-01-01\n"), 3, "code"},
        BadCase{"unparseable date",
                people("X Y\t\tFRA\thead_of_state\tPresident\tFRAGOV\t\t2010-13-01\t\t\t\t2024-01-01\n"), 3,
                "not an ISO date"},
        BadCase{"from after until",
                people("X Y\t\tFRA\thead_of_state\tPresident\tFRAGOV\t\t2012-01-01\t2011-01-01\t\t\t2024-01-01\n"), 3,
                "after"},
        BadCase{"duplicate row",
                people("X Y\t\tFRA\thead_of_state\tPresident\tFRAGOV\t\t2010\t2011\t\t\t2024-01-01\n"
                       "X Y\t\tFRA\thead_of_state\tPresident\tFRAGOV\t\t2010\t2011\t\t\t2024-01-01\n"),
                4, "duplicate"},
        BadCase{"overlapping terms",
                people("X Y\t\tFRA\thead_of_state\tPresident\tFRAGOV\t\t2010-01-01\t2015-01-01\t\t\t2024-01-01\n"
                       "Z W\t\tFRA\thead_of_state\tPresident\tFRAGOV\t\t2014-01-01\t\t\t\t2024-01-01\n"),
                4, "overlaps line 3"},
        BadCase{"two open terms",
                people("X Y\t\tFRA\thead_of_state\tPresident\tFRAGOV\t\t2010-01-01\t\t\t\t2024-01-01\n"
                       "Z W\t\tFRA\thead_of_state\tPresident\tFRAGOV\t\t2014-01-01\t\t\t\t2024-01-01\n"),
                4, "overlaps"},
        BadCase{"alias repeats name",
                people("X Y\tX Y\tFRA\thead_of_state\tPresident\tFRAGOV\t\t2010\t\t\t\t2024-01-01\n"), 3, "repeats"},
        BadCase{"agent code outside the closed list",
                "term\taliases\tcameo_sector\tsecondary\tplover_sector\tnote\tas_"
                "of\nwizard\t\tMAG\t\tGovernment\t\t2025-01-01\n",
                2, "closed code list"},
        BadCase{"agent surface twice",
                "term\taliases\tcameo_sector\tsecondary\tplover_sector\tnote\tas_of\n"
                "police\t\tCOP\t\tPolice\t\t2025-01-01\nofficer\tpolice\tCOP\t\tPolice\t\t2025-01-01\n",
                3, "already on line 2"},
        BadCase{"empty list item",
                "term\taliases\tcameo_sector\tsecondary\tplover_sector\tnote\tas_of\n"
                "police\tcops||bobbies\tCOP\t\tPolice\t\t2025-01-01\n",
                2, "empty item"},
        BadCase{"country code shape",
                "cameo\tiso3\tiso2\tname\taliases\tadjectives\tcapital\tseat\tmetonyms\tregion\tsubregion\tstatus\t"
                "sovereign\tvalid_from\tvalid_to\tsuccessors\tnote\tas_of\n"
                "Fr\tFRA\tFR\tFrance\t\tFrench\tParis\t\tParis\tEurope\tWestern Europe\tmember\t\t\t\t\t\t2025-01-01\n",
                2, "3 capital letters"},
        BadCase{"metonym with :GOV",
                "cameo\tiso3\tiso2\tname\taliases\tadjectives\tcapital\tseat\tmetonyms\tregion\tsubregion\tstatus\t"
                "sovereign\tvalid_from\tvalid_to\tsuccessors\tnote\tas_of\n"
                "FRA\tFRA\tFR\tFrance\t\tFrench\tParis\t\tParis|Elysee:GOV\tEurope\tWestern "
                "Europe\tmember\t\t\t\t\t\t2025-01-01\n",
                2, ":GOV"},
        BadCase{
            "organisation code shape",
            "code\tname\taliases\ttype\tcountry\tsector\tplover_actor\tplover_sector\tfounded\tdissolved\tnote\tas_of\n"
            "IGO\tThing\t\tigo\t\tIGO\tIGO\t\t1990\t\t\t2025-01-01\n",
            2, "code"},
        BadCase{"unknown kind", "a\tb\nc\td\n", 0, "not a dyad dictionary"}));

TEST(Dictionary, CountryCodesMustExistAcrossFiles) {
  auto countries = parse_dyad_dictionary(
      "c.tsv",
      "cameo\tiso3\tiso2\tname\taliases\tadjectives\tcapital\tseat\tmetonyms\tregion\tsubregion\tstatus\t"
      "sovereign\tvalid_from\tvalid_to\tsuccessors\tnote\tas_of\n"
      "FRA\tFRA\tFR\tFrance\t\tFrench\tParis\t\tParis\tEurope\tWestern Europe\tmember\t\t\t\t\t\t2025-01-01\n");
  ASSERT_TRUE(countries.ok()) << countries.error().str();
  auto p = parse_dyad_dictionary(
      "p.tsv", people("X Y\t\tFRA\thead_of_state\tPresident\tFRAGOV\t\t2010\t\t\t\t2024-01-01\n"
                      "Z W\t\tQQQ\thead_of_state\tPresident\tQQQGOV\t\t2010\t\t\t\t2024-01-01\n"
                      "U N\t\tIGOUNO\tsecretary_general\tSecretary-General\tIGOUNO\t\t2010\t\t\t\t2024-01-01\n"));
  ASSERT_TRUE(p.ok()) << p.error().str();
  KnowledgeSpecs all = countries.value();
  for (auto& a : p->actors) all.actors.push_back(a);
  auto errors = validate_specs(all);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].file, "p.tsv");
  EXPECT_EQ(errors[0].line, 4U);
  EXPECT_THAT(errors[0].message, HasSubstr("QQQ"));
}

TEST(Dictionary, WarningsDoNotStopLoading) {
  std::vector<Error> warnings;
  auto s = parse_dyad_dictionary(
      "p.tsv", people("X Y\t\tFRA\tdefence_minister\tDefence Minister\tFRAGOV\t\t2010\t\t\t\t2024-01-01\n"), &warnings);
  ASSERT_TRUE(s.ok()) << s.error().str();
  ASSERT_EQ(warnings.size(), 1U);
  EXPECT_TRUE(warnings[0].warning);
  EXPECT_EQ(warnings[0].line, 3U);
  EXPECT_THAT(warnings[0].message, HasSubstr("MIL"));
}

TEST(Dictionary, PartialDatesInTheSameMonthTouchRatherThanOverlap) {
  auto s = parse_dyad_dictionary(
      "p.tsv", people("X Y\t\tFRA\thead_of_state\tPresident\tFRAGOV\t\t2010-01-01\t2015-03\t\t\t2024-01-01\n"
                      "Z W\t\tFRA\thead_of_state\tPresident\tFRAGOV\t\t2015-03\t\t\t\t2024-01-01\n"
                      "S1\t\tCHN\tmfa_spokesperson\tSpokesperson\tCHNGOV\t\t2019\t\t\t\t2024-01-01\n"
                      "S2\t\tCHN\tmfa_spokesperson\tSpokesperson\tCHNGOV\t\t2020\t\t\t\t2024-01-01\n"));
  EXPECT_TRUE(s.ok()) << s.error().str();
}

}  // namespace
}  // namespace dyad
