// End-to-end readings of words that look like a second act but are not one (review30 #10, review29 #25): an
// "-ing" form between a finite verb and its object noun is an adjective of the noun; an act named after "accused
// X of" is only claimed; a quoted "we" is the speaker's, not the outlet's of "according to"; a negated present
// with a habit adverb is a habit.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/bundled_knowledge.h"

namespace dyad {
namespace {

std::vector<std::string> modifier_rows(const std::string& text) {
  return testing_support::event_rows(testing_support::events_of_text(text, Date::ymd(2026, 3, 10)));
}

bool modifier_has(const std::vector<std::string>& rows, const std::string& prefix) {
  return testing_support::has_row_prefix(rows, prefix);
}

TEST(CoderModifiers, AParticipleBeforeTheObjectNounIsNoActOfTheSubject) {
  auto ev = modifier_rows("The Ghanaian trade minister met visiting Togolese officials in Accra on Monday.");
  EXPECT_TRUE(modifier_has(ev, "040 GHAGOV->TGOGOV")) << ::testing::PrintToString(ev);
  EXPECT_FALSE(modifier_has(ev, "042 ")) << ::testing::PrintToString(ev);
  ev = modifier_rows("The Kenyan interior minister met protesting farmers in Nakuru on Monday.");
  EXPECT_TRUE(modifier_has(ev, "040 ")) << ::testing::PrintToString(ev);
  EXPECT_FALSE(modifier_has(ev, "11")) << ::testing::PrintToString(ev);
  EXPECT_FALSE(modifier_has(ev, "14")) << ::testing::PrintToString(ev);
  // "continued" takes the "-ing" form as its object (data/cameo/clause_words.tsv, gerund_object_verb)
  ev = modifier_rows("Sudanese troops continued shelling rebel positions near El Fasher on Monday.");
  EXPECT_TRUE(modifier_has(ev, "19")) << ::testing::PrintToString(ev);
}

TEST(CoderModifiers, AnActSomeoneIsAccusedOfIsNotTheAccusersAct) {
  auto ev = modifier_rows(
      "Gunmen stormed the market on Sunday, and the provincial governor accused them of targeting schools.");
  for (const std::string& r : ev) EXPECT_NE(r.rfind("180 GOV", 0), 0U) << ::testing::PrintToString(ev);
  ev = modifier_rows("Militiamen entered the town, and the provincial governor accused them of looting shops.");
  EXPECT_FALSE(modifier_has(ev, "145 ")) << ::testing::PrintToString(ev);
}

TEST(CoderModifiers, AQuotedWeIsTheSpeakersNotTheOutletsOfAccordingTo) {
  const auto ev = modifier_rows(
      "\u201cWe will never surrender our positions,\u201d Sudanese army chief Abdel Fattah al-Burhan said, according "
      "to Al Jazeera.");
  ASSERT_FALSE(ev.empty());
  for (const std::string& r : ev) {
    EXPECT_EQ(r.find("MED"), std::string::npos) << ::testing::PrintToString(ev);
    EXPECT_NE(r.find("SDN"), std::string::npos) << ::testing::PrintToString(ev);
  }
}

TEST(CoderModifiers, ANegatedHabitIsNotCoded) {
  EXPECT_TRUE(modifier_rows("Ghanaian customs officers usually do not detain Togolese traders.").empty());
  EXPECT_TRUE(modifier_rows("Ghanaian customs officers do not usually detain Togolese traders.").empty());
  // one act not done on a day stays a negated event
  const auto ev = modifier_rows("Ghanaian customs officers did not detain Togolese traders on Monday.");
  EXPECT_TRUE(modifier_has(ev, "173 ")) << ::testing::PrintToString(ev);
}

}  // namespace
}  // namespace dyad
