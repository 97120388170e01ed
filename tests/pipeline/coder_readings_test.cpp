// End-to-end coder readings over the bundled knowledge (second reader, review29): what a pattern
// gap may cross, whom an act judging another act is aimed at, and wordings that read as the wrong
// act (a labour strike, a coup, a crossing, a declined comment, a visit named with "by").
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "support/bundled_knowledge.h"

namespace dyad {
namespace {

// Codes one text as an article published on Sunday 2002-03-10.
std::vector<Event> readings_of(const std::string& text) { return testing_support::events_of_text(text); }

std::vector<const Event*> readings_with_code(const std::vector<Event>& events, const std::string& cameo) {
  std::vector<const Event*> out;
  for (const Event& e : events)
    if (e.cameo == cameo) out.push_back(&e);
  return out;
}
std::vector<const Event*> readings_with_code(std::vector<Event>&& events, const std::string& cameo) {
  return readings_with_code(testing_support::kept_events(std::move(events)), cameo);  // no dangling pointers
}

std::string target_code(const Event* e) { return e->target ? e->target->code : std::string("-"); }

TEST(CoderReadings, ApprovingAnActTargetsNoObjectOfItsComplement) {
  // the object noun's infinitive or participle has an object of its own: no praise of it
  for (const char* text : {"Brazil supported efforts to condemn Peru at the regional summit.",
                           "Chile backed a resolution censuring Bolivia in the senate.",
                           "Brazil welcomed calls to condemn the Chilean decision."})
    for (const Event* e : readings_with_code(readings_of(text), "051")) EXPECT_EQ(target_code(e), "-") << text;
  // the praise itself is still coded
  EXPECT_EQ(
      readings_with_code(readings_of("Brazil supported efforts to condemn Peru at the regional summit."), "051").size(),
      1U);
}

TEST(CoderReadings, AGapStopsAtANounSubjectOfAReportedClause) {
  // "suggested * plan" does not reach "planning" past the reported clause's subject
  EXPECT_TRUE(readings_with_code(
                  readings_of("Aides in Quito suggested the two foreign ministers were planning another round."), "030")
                  .empty());
  // the proposal itself is still one
  EXPECT_EQ(readings_with_code(readings_of("Ecuador suggested a plan for border talks."), "030").size(), 1U);
}

TEST(CoderReadings, ALabourStrikeIsNoMilitaryStrike) {
  // "their strike in <town>": no attack on the town's country
  const auto ev = readings_of("Doctors in Uganda called off their strike in Kampala on Tuesday.");
  EXPECT_EQ(readings_with_code(ev, "082").size(), 1U);
  for (const Event& e : ev) EXPECT_NE(e.cameo.substr(0, 2), "19") << e.cameo;
}

TEST(CoderReadings, DeposingALeaderIsCoercionNotQuestioning) {
  const auto ev = readings_of("Mutinous soldiers deposed the president of Guinea on Sunday.");
  EXPECT_TRUE(readings_with_code(ev, "090").empty());
  const auto coup = readings_with_code(ev, "170");
  ASSERT_EQ(coup.size(), 1U);
  EXPECT_EQ(target_code(coup[0]), "GINGOV");
  EXPECT_EQ(readings_with_code(readings_of("Rebels overthrew the government of Chad."), "170").size(), 1U);
}

TEST(CoderReadings, CrossingIntoACountryIsAnOccupationOnlyForForces) {
  EXPECT_TRUE(
      readings_with_code(readings_of("Ugandan police detained a herder who had crossed into Kenya."), "192").empty());
  EXPECT_EQ(readings_with_code(readings_of("Ugandan troops crossed into Kenya."), "192").size(), 1U);
}

TEST(CoderReadings, ANounOfRequestAfterAnIngVerbIsNoRequestOfTheSubject) {
  const auto ev = readings_of("Chile held naval drills alone, dismissing calls for joint exercises with Peru.");
  for (const Event& e : ev) EXPECT_NE(e.cameo.substr(0, 2), "02") << e.cameo;
}

TEST(CoderReadings, NoCommentIsDecliningComment) {
  for (const char* text : {"Bolivia did not comment.", "The Bolivian army didn't immediately comment.",
                           "The Bolivian foreign ministry did not respond to a request for comment."}) {
    const auto ev = readings_of(text);
    const auto declined = readings_with_code(ev, "011");
    ASSERT_EQ(declined.size(), 1U) << text;
    EXPECT_EQ(declined[0]->mode, EventMode::happened) << text;
    EXPECT_TRUE(readings_with_code(ev, "010").empty()) << text;
  }
}

TEST(CoderReadings, AVisitNamedWithByIsAVisit) {
  const auto ev = readings_of(
      "A planned visit by Brazilian President Luiz Inacio Lula da Silva to Peru next month has been called off.");
  const auto visit = readings_with_code(ev, "042");
  ASSERT_EQ(visit.size(), 1U);
  EXPECT_EQ(visit[0]->source.code, "BRAGOV");
  EXPECT_EQ(target_code(visit[0]), "PER");
  EXPECT_EQ(visit[0]->mode, EventMode::negated);
}

TEST(CoderReadings, AThreatOnAnIfConditionIsAimedAtItsSubject) {
  const auto ev = readings_of("Venezuela threatened to halt oil exports if Colombia closed the border.");
  bool aimed = false;
  for (const Event& e : ev)
    if (e.cameo.substr(0, 2) == "13") aimed = aimed || target_code(&e) == "COL";
  EXPECT_TRUE(aimed);
  // an offer on a condition is no threat: the condition's subject is not its target
  for (const Event& e : readings_of("Peru is willing to send troops if Ecuador is attacked."))
    EXPECT_NE(target_code(&e), "ECU") << e.cameo;
}

TEST(CoderReadings, AVerbAfterAndSharesTheSubjectOfTheVerbBefore) {
  // present forms are not cut into clauses: "kill" is the troops' act, not the crowd's
  const auto ev = readings_of("Troops open fire on the marchers and kill dozens.");
  bool killing = false;
  for (const Event& e : ev)
    if (e.cameo.substr(0, 1) == "2" || e.cameo.substr(0, 2) == "18") {
      killing = true;
      EXPECT_EQ(e.source.sector, "MIL") << e.cameo;
    }
  EXPECT_TRUE(killing);
}

}  // namespace
}  // namespace dyad
