// The coder's documented cases over the bundled knowledge, not a test fixture (docs/coder.md): a
// meeting with no object, acts of force on a town, a division's name before "state", the
// gazetteer's choice of a division named with its generic word, and a sea named after a state.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "pipeline/pipeline.h"
#include "support/bundled_knowledge.h"

namespace dyad {
namespace {

using ::testing::UnorderedElementsAre;

// "cameo source->target" of each event of one text (published Sunday 2002-03-10).
std::vector<std::string> bundled_briefs(const std::string& text) {
  std::vector<std::string> out;
  for (const Event& e : testing_support::events_of_text(text))
    out.push_back(e.cameo + " " + e.source.code + "->" + (e.target ? e.target->code : std::string("-")));
  return out;
}

bool has_gazetteer() { return testing_support::bundled_knowledge().gazetteer != nullptr; }

// docs/coder.md step 4: "A and B met" is a meeting of each with the other.
TEST(CoderBundled, AMeetingWithNoObjectIsMutual) {
  EXPECT_THAT(bundled_briefs("Ruto and Museveni met on Thursday."),
              UnorderedElementsAre("040 KENELI->UGAGOV", "040 UGAGOV->KENELI"));
  // the two leaders: the last pair named together
  EXPECT_THAT(bundled_briefs("Ruto received Museveni on Thursday. The two leaders met again on Friday."),
              UnorderedElementsAre("043 KENELI->UGAGOV", "040 KENELI->UGAGOV", "040 UGAGOV->KENELI"));
  // an object is met by each member of the compound, who do not meet each other
  EXPECT_THAT(bundled_briefs("Ruto and Museveni met Kagame on Thursday."),
              UnorderedElementsAre("040 KENELI->RWAGOV", "040 UGAGOV->RWAGOV"));
}

// An act of force on a town is done to the town's country; a capital attacked is the city, not its
// government.
TEST(CoderBundled, AForceActOnATownTargetsItsCountry) {
  if (!has_gazetteer()) GTEST_SKIP() << "gazetteer not built";
  EXPECT_THAT(bundled_briefs("Ethiopian troops seized Beledweyne on Friday."), UnorderedElementsAre("192 ETHMIL->SOM"));
  // two towns of one country: one event on that country
  EXPECT_THAT(bundled_briefs("Sudanese jets bombed Wau and Aweil on Friday."), UnorderedElementsAre("195 SDN->SSD"));
  EXPECT_THAT(bundled_briefs("Sudanese jets bombed Juba on Friday."), UnorderedElementsAre("195 SDN->SSD"));
}

// "<Name> state": the noun of a division, no verb of saying.
TEST(CoderBundled, AStateAfterAPlaceIsNoStatement) {
  for (const char* text : {"Bandits killed seven farmers in Katsina state on Sunday.",
                           "Bandits killed seven farmers in Katsina State on Sunday.",
                           "Police detained nine traders in Bihar state on Sunday."}) {
    const auto ev = testing_support::events_of_text(text);
    EXPECT_FALSE(ev.empty()) << text;
    for (const Event& e : ev) EXPECT_NE(e.cameo.substr(0, 2), "01") << text;
  }
}

// A name followed by "state" or "province" is that division, also when a small town abroad has the name.
TEST(CoderBundled, ADivisionNamedWithItsGenericWordIsThatDivision) {
  if (!has_gazetteer()) GTEST_SKIP() << "gazetteer not built";
  for (const char* text :
       {"Insurgents burned a market in Borno state on Friday.", "Insurgents burned a market in Borno on Friday."}) {
    const auto ev = testing_support::events_of_text(text);
    ASSERT_FALSE(ev.empty()) << text;
    ASSERT_TRUE(ev[0].location.has_value()) << text;
    EXPECT_EQ(ev[0].location->country, "NGA") << text;
  }
}

// "Sea of X", "Gulf of X": one body of water, not the region "the Gulf" and no state X as a target.
TEST(CoderBundled, ASeaNamedAfterAStateIsOneWaterBody) {
  if (!has_gazetteer()) GTEST_SKIP() << "gazetteer not built";
  auto ev = testing_support::events_of_text("Chinese warships held naval drills in the Sea of Japan on Friday.");
  ASSERT_EQ(ev.size(), 1U);
  EXPECT_FALSE(ev[0].target.has_value()) << ev[0].target->code;
  ASSERT_TRUE(ev[0].location.has_value());
  EXPECT_EQ(ev[0].location->name, "Sea of Japan");
  ev = testing_support::events_of_text("Mexican navy ships held drills in the Gulf of Mexico on Friday.");
  ASSERT_EQ(ev.size(), 1U);
  ASSERT_TRUE(ev[0].location.has_value());
  EXPECT_EQ(ev[0].location->name, "Gulf of Mexico");
}

// Only a verb that is also a noun for a kind of place ("state") is that noun after a place: other
// reporting verbs there stay verbs ("officials in X warn Y").
TEST(CoderBundled, AReportingVerbAfterAPlaceIsStillAVerb) {
  EXPECT_THAT(bundled_briefs("Officials in Nairobi warn Somalia against fresh incursions."),
              UnorderedElementsAre("110 KENGOV->SOM"));
  const auto ev = testing_support::events_of_text("Farmers in Sindh claim victory over the provincial government.");
  ASSERT_EQ(ev.size(), 1U);
  EXPECT_EQ(ev[0].cameo, "010");
  EXPECT_EQ(ev[0].source.code, "PAKAGR");
  // "<Name> state" is still the division
  for (const Event& e : testing_support::events_of_text("Gunmen abducted nine herders in Kaduna state on Monday."))
    EXPECT_NE(e.cameo.substr(0, 2), "01");
}

// A person's name after a force verb that is also a small town somewhere is no place attacked.
TEST(CoderBundled, APersonAfterAForceVerbIsNoPlace) {
  if (!has_gazetteer()) GTEST_SKIP() << "gazetteer not built";
  for (const char* text : {"Soldiers captured Musa at a checkpoint on Friday.",
                           "Gunmen attacked Jackson and his wife at their farm on Saturday.",
                           "Gunmen attacked Victoria and her children at home."})
    for (const Event& e : testing_support::events_of_text(text)) {
      ASSERT_TRUE(e.target.has_value()) << text;
      EXPECT_NE(e.target->code, "YEM") << text;
      EXPECT_NE(e.target->code, "USA") << text;
      EXPECT_NE(e.target->code, "SYC") << text;
    }
  // towns found by their own name, a seat of a region, a large city: the places attacked
  EXPECT_THAT(bundled_briefs("Rebels stormed Kupiansk on Monday."), UnorderedElementsAre("190 REB->UKR"));
  EXPECT_THAT(bundled_briefs("Militants stormed Marawi."), UnorderedElementsAre("190 REB->PHL"));
}

// The place an act of force is done to is where it happened when the clause names no other place.
TEST(CoderBundled, AForceActOnAPlaceHappensThere) {
  if (!has_gazetteer()) GTEST_SKIP() << "gazetteer not built";
  for (const auto& [text, country] :
       std::vector<std::pair<std::string, std::string>>{{"Rebels stormed Kupiansk on Monday.", "UKR"},
                                                        {"Ethiopian troops seized Beledweyne on Friday.", "SOM"},
                                                        {"Russian jets bombed Kyiv on Friday.", "UKR"}}) {
    const auto ev = testing_support::events_of_text(text);
    ASSERT_EQ(ev.size(), 1U) << text;
    ASSERT_TRUE(ev[0].location.has_value()) << text;
    EXPECT_EQ(ev[0].location->country, country) << text;
  }
}

// A coordinated verb of another tense does not take its sibling's day: "met on Friday and will visit"
// says nothing of the visit's day.
TEST(CoderBundled, ACoordinatedVerbOfAnotherTenseKeepsTheArticleDate) {
  const auto ev = testing_support::events_of_text("Macron met Scholz on Friday and will visit Poland with him.");
  const Event* met = testing_support::find_event_code(ev, "040");
  const Event* visit = testing_support::find_event_code(ev, "042");
  ASSERT_NE(met, nullptr);
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(met->date, Date::ymd(2002, 3, 8));
  EXPECT_EQ(visit->date, Date::ymd(2002, 3, 10));
  EXPECT_FALSE(visit->date_basis.starts_with("expression")) << visit->date_basis;
  // the same tense still carries the day
  const auto same = testing_support::events_of_text("Macron arrived in Warsaw on Friday and met Tusk.");
  const Event* met2 = testing_support::find_event_code(same, "040");
  ASSERT_NE(met2, nullptr);
  EXPECT_EQ(met2->date, Date::ymd(2002, 3, 8));
}

// A coup topples a government or a leader; a state or team "toppled" is a result.
TEST(CoderBundled, ToppledIsACoupOnlyOfAGovernment) {
  EXPECT_THAT(bundled_briefs("Kenya toppled Uganda 3-1 in the final on Sunday."), UnorderedElementsAre());
  EXPECT_THAT(bundled_briefs("The army toppled President Museveni on Sunday."),
              UnorderedElementsAre("170 UGAMIL->UGAGOV"));
}

}  // namespace
}  // namespace dyad
