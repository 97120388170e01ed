// End-to-end coder cases of police reporting over the bundled knowledge: adverbs of the verb group
// after "be", police ranks as news abbreviates them, acts in to-infinitives.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "support/bundled_knowledge.h"

namespace dyad {
namespace {

std::vector<Event> police_case_events(const std::string& text) { return testing_support::events_of_text(text); }

// The events are kept alive until the binary exits: no pointer into a temporary dangles.
const Event* police_case_code(std::vector<Event> events, const std::string& cameo) {
  return testing_support::find_event_code(std::move(events), cameo);
}

TEST(CoderPolice, AdverbsAfterBeBelongToTheVerbGroup) {
  // "{S} be (deploy|post|station|...)" with an adverb after the auxiliary
  const Event* e = police_case_code(
      police_case_events("Six platoons of the border police were still stationed along the canal."), "150");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.sector, "COP");
  // a row word after "be" inside the pattern ("curfew ... be relaxed")
  e = police_case_code(police_case_events("The curfew was later relaxed in the market wards."), "0813");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.sector, "COP");
  // positioned and requisitioned forces are deployed (data/verbs/police.tsv)
  e = police_case_code(police_case_events("Ninety constables have been strategically positioned near the stadium."),
                       "150");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.sector, "COP");
  e = police_case_code(police_case_events("Two companies of reserve police have also been requisitioned."), "150");
  ASSERT_NE(e, nullptr);
  // a negation is not passed over: "was not deployed" is no deployment
  EXPECT_EQ(police_case_code(police_case_events("The border police were not stationed along the canal."), "150"),
            nullptr);
}

TEST(CoderPolice, CapitalisedIndianPoliceRanksArePolice) {
  // the abbreviations as news writes them, in capitals inside mixed-case text
  for (const char* text : {"\"The bazaar is calm,\" the SSP said.", "The IGP told reporters that the bazaar was calm.",
                           "\"The bazaar is calm,\" DSP Ravi Kant said.", "The ADGP said the bazaar was calm."}) {
    const Event* e = police_case_code(police_case_events(text), "010");
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->source.sector, "COP") << text;
  }
}

TEST(CoderPolice, AbbreviatedIndianPoliceRanksArePolice) {
  for (const char* text : {"\"The bazaar is calm,\" the ssp said.", "The adg told reporters that the bazaar was calm.",
                           "\"The bazaar is calm,\" deputy sp Ravi Kant said."}) {
    const Event* e = police_case_code(police_case_events(text), "010");
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->source.sector, "COP") << text;
  }
}

TEST(CoderPolice, ActsInToInfinitivesAreNotReportedDone) {
  // purpose, leave and difficulty: the arrest is not reported as made
  for (const char* text : {"The district police sent a team to Nagpur to detain the two traders.",
                           "A new ordinance empowers the state police to detain suspects without a warrant.",
                           "The inspector said his men found it hard to arrest the gang leader."}) {
    const Event* e = police_case_code(police_case_events(text), "173");
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->mode, EventMode::possible) << text;
  }
  // an attempt is no announcement: the PLOVER type stays the act's own
  const Event* seized = police_case_code(police_case_events("Rebels tried to seize a Kenyan cargo ship."), "1711");
  ASSERT_NE(seized, nullptr);
  EXPECT_EQ(seized->mode, EventMode::possible);
  EXPECT_EQ(seized->plover, "COERCE");
  // the word the infinitive depends on reports the act done (data/cameo/clause_words.tsv,
  // done_before_to), also past the object of a causative verb
  for (const char* text : {"The railway police managed to arrest the two pickpockets at the station.",
                           "Constables were forced to open fire on the armed gang near the mill.",
                           "Brickbats hurled by the crowd compelled the constables to open fire near the mill."}) {
    const auto events = police_case_events(text);
    ASSERT_FALSE(events.empty()) << text;
    for (const Event& e : events) EXPECT_EQ(e.mode, EventMode::happened) << text << " " << e.cameo;
  }
}

}  // namespace
}  // namespace dyad
