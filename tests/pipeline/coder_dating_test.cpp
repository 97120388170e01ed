// End-to-end dating and mode cases over the bundled knowledge (docs/coder.md, steps 5 and 8): an undated plan
// that names its occasion with modifiers before the noun ("the three-day visit", "his state visit") takes the
// occasion's day; a coordinated second verb with no time of its own takes the first conjunct's; a statement is
// not dated from its quotation; an "according to" outlet attributes the quoted speaker's statement.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "support/bundled_knowledge.h"

namespace dyad {
namespace {

// "CODE SRC->TGT mode date" per event of `text`, published on `published`.
std::vector<std::string> dated_rows(const std::string& text, const Date& published) {
  return testing_support::event_rows(testing_support::events_of_text(text, published));
}

bool has_row(const std::vector<std::string>& v, const std::string& prefix) {
  return testing_support::has_row_prefix(v, prefix);
}

TEST(CoderDating, AnOccasionWithModifiersBeforeItsNounLendsItsDay) {
  const Date monday = Date::ymd(2026, 3, 2);
  for (const std::string occasion : {"the three-day visit", "his state visit", "the planned two-day visit"}) {
    const std::string text =
        "Ghanaian President John Mahama will travel to Nigeria on Wednesday. Mahama is expected to sign a trade "
        "agreement in Abuja during " +
        occasion + ".";
    const auto ev = dated_rows(text, monday);
    EXPECT_TRUE(has_row(ev, "042 GHAGOV->NGA expected 2026-03-04")) << occasion << ": " << ::testing::PrintToString(ev);
    EXPECT_TRUE(has_row(ev, "057 GHAGOV->")) << occasion << ": " << ::testing::PrintToString(ev);
    for (const std::string& r : ev) {
      if (r.rfind("057 ", 0) == 0) {
        EXPECT_NE(r.find(" expected 2026-03-04"), std::string::npos) << occasion << ": " << r;
      }
    }
  }
}

TEST(CoderDating, ACoordinatedVerbTakesTheTimeOfTheConjunctBefore) {
  const Date friday = Date::ymd(2026, 3, 6);
  auto ev = dated_rows(
      "Nigerian President Bola Tinubu landed in Accra on Wednesday and held talks with Ghanaian President John "
      "Mahama.",
      friday);
  EXPECT_TRUE(has_row(ev, "042 NGAGOV->GHA happened 2026-03-04")) << ::testing::PrintToString(ev);
  EXPECT_TRUE(has_row(ev, "040 NGAGOV->GHAGOV happened 2026-03-04")) << ::testing::PrintToString(ev);
  // an act of force the same way
  ev = dated_rows("Ghanaian police detained three smugglers on Tuesday and arrested a customs officer.", friday);
  ASSERT_EQ(ev.size(), 2U) << ::testing::PrintToString(ev);
  for (const std::string& r : ev) EXPECT_NE(r.find(" happened 2026-03-03"), std::string::npos) << r;
}

TEST(CoderDating, AStatementIsDatedByItsReportingClauseNotItsQuotation) {
  const Date thursday = Date::ymd(2026, 3, 12);
  const auto ev = dated_rows(
      "\"The two presidents will sign the pact at a dinner on Friday,\" Ghanaian Foreign Minister Samuel Ablakwa told "
      "reporters on Tuesday.",
      thursday);
  // not the quotation's Friday (read in the past, 2026-03-06); the reporting clause's own "on Tuesday" after
  // "told reporters" is not taken yet either (the hearer reads as the content's subject): the article's date
  EXPECT_TRUE(has_row(ev, "010 GHAGOV->- happened")) << ::testing::PrintToString(ev);
  EXPECT_FALSE(has_row(ev, "010 GHAGOV->- happened 2026-03-06")) << ::testing::PrintToString(ev);
}

// "“...,” X told reporters, according to the Y agency": one statement, X's, attributed to Y (the quotation layer's
// speaker), not a second statement by the agency.
TEST(CoderDating, AccordingToAnOutletAttributesTheQuotedSpeakersStatement) {
  Article a;
  a.id = "acc";
  a.published = Date::ymd(2026, 3, 10);
  a.text =
      "\"Trade between our two countries will double within five years,\" Kenyan Trade Minister Lee Kinyanjui told "
      "reporters on Monday, according to the Kenya News Agency.";
  const Document doc = code_article(testing_support::bundled_knowledge(), a);
  std::vector<const Event*> statements;
  for (const Event& e : doc.events)
    if (e.cameo.starts_with("01")) statements.push_back(&e);
  ASSERT_EQ(statements.size(), 1U);
  EXPECT_EQ(statements[0]->source.code, "KENGOV");
  EXPECT_EQ(statements[0]->mode, EventMode::happened);
  EXPECT_EQ(statements[0]->attributed_to, "Kenya News Agency");
}

}  // namespace
}  // namespace dyad
