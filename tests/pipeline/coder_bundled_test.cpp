// The coder's documented cases over the bundled knowledge, not a test fixture (docs/coder.md): a
// meeting with no object, acts of force on a town, a division's name before "state", the
// gazetteer's choice of a division named with its generic word, and a sea named after a state.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
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

}  // namespace
}  // namespace dyad
