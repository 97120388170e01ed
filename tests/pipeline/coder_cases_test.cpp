// End-to-end coder cases over the bundled knowledge (and the gazetteer when it is built):
// what a reported clause, a place phrase or a title without a country codes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "support/bundled_knowledge.h"

namespace dyad {
namespace {

// Codes one text as an article published on Sunday 2002-03-10.
std::vector<Event> events_of(const std::string& text) { return testing_support::events_of_text(text); }

const Event* find_code(const std::vector<Event>& events, const std::string& cameo) {
  return testing_support::find_event_code(events, cameo);
}
const Event* find_code(std::vector<Event>&& events, const std::string& cameo) {
  return testing_support::find_event_code(std::move(events), cameo);  // kept alive: no dangling pointer
}

TEST(CoderCases, AStatementTakesNoDateModeOrSourceFromTheContentItReports) {
  // content before the speaker: "on Tuesday" is the tour's, not the saying's
  auto ev = events_of("Sharif will tour the new harbour on Tuesday, the Pakistani foreign ministry said.");
  const Event* said = find_code(ev, "010");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->date.iso(), "2002-03-10");
  EXPECT_EQ(said->mode, EventMode::happened);
  EXPECT_EQ(said->source.code, "PAKGOV");
  // content after the verb, no "that"
  ev = events_of("The Pakistani foreign ministry said Sharif will tour the new harbour on Tuesday.");
  said = find_code(ev, "010");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->date.iso(), "2002-03-10");
  // the saying's own day stays its own
  ev = events_of("The Pakistani foreign ministry said on Friday that Sharif will tour the harbour.");
  said = find_code(ev, "010");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->date.iso(), "2002-03-08");
  // a place or a partner in an adjunct of the saying is no content: the day stays the saying's
  for (const char* text :
       {"The Pakistani foreign ministry said in Karachi on Friday that Sharif will tour the harbour.",
        "The Pakistani foreign minister said at a meeting with Modi on Friday that talks will go on."}) {
    ev = events_of(text);
    said = find_code(ev, "010");
    ASSERT_NE(said, nullptr) << text;
    EXPECT_EQ(said->date.iso(), "2002-03-08") << text;
  }
  // a speaker after the verb: the actor of the content is no speaker, and its "will" no mode
  ev = events_of("Lula will open a new port terminal next month, said the Kenyan foreign ministry.");
  said = find_code(ev, "010");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->source.code, "KENGOV");
  EXPECT_EQ(said->mode, EventMode::happened);
  // no speaker the dictionaries know: the content's actor makes no statement
  ev = events_of("Lula will open a new port terminal next month, sources close to the talks said.");
  for (const Event& e : ev) EXPECT_NE(e.cameo, "010") << e.source.code;
}

std::string place_name(const Event* e) { return e != nullptr && e->location ? e->location->name : std::string("-"); }

TEST(CoderCases, ATownNamedInItsCountryIsThePlaceNotTheCountry) {
  EXPECT_EQ(place_name(find_code(events_of("Merkel toured Lyon in France on Monday."), "042")), "Lyon");
  EXPECT_EQ(place_name(find_code(events_of("Modi will visit Kyoto in Japan next month."), "042")), "Kyoto");
}

TEST(CoderCases, ACountryAdjectiveBeforeAPlaceNounDescribesThePlace) {
  EXPECT_EQ(place_name(find_code(events_of("Erdogan held talks with Macron in the French city of Lyon."), "040")),
            "Lyon");
  EXPECT_EQ(place_name(find_code(events_of("Kenyan troops shelled a camp in the Somali port town Kismayo."), "1712")),
            "Kismayo");
}

TEST(CoderCases, APlaceOnlyTheNameFinderFoundIsThePlaceAlsoAfterThe) {
  EXPECT_EQ(place_name(find_code(events_of("Egyptian police detained four men in the Gaza Strip on Monday."), "173")),
            "Gaza Strip");
  // a compass word opening the name is no position word before another place
  EXPECT_EQ(place_name(find_code(events_of("Jordanian troops stormed a house in the West Bank."), "192")), "West Bank");
  // right before a reporting verb it is where the speakers are, as for any place
  const auto said = events_of("Jordanian troops killed two farmers, officials in the West Bank said.");
  ASSERT_NE(find_code(said, "180"), nullptr);
  EXPECT_EQ(place_name(find_code(said, "180")), "-");
}

TEST(CoderCases, AQuotedWeIsTheSpeakersBody) {
  // a "we" inside a quotation whose speaker the sentence names stands for the body the speaker talks for
  const auto said = events_of("\"We detained nine smugglers,\" Kenyan police said.");
  const Event* e = find_code(said, "173");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.code, "KENCOP");
  auto inverted = events_of("\"We detained nine smugglers on Friday,\" said a Kenyan police officer.");
  ASSERT_NE(find_code(inverted, "173"), nullptr);
  EXPECT_EQ(find_code(inverted, "173")->source.code, "KENCOP");
  auto after = events_of("Kenyan police said: \"We detained nine smugglers.\"");
  ASSERT_NE(find_code(after, "173"), nullptr);
  EXPECT_EQ(find_code(after, "173")->source.code, "KENCOP");
  // the saying's own time or place after the verb opens no content: the quotation before is still its
  for (const char* text : {"\"We arrested four poachers,\" a Kenyan police spokesman said on Monday.",
                           "\"We arrested four poachers,\" a Kenyan police spokesman said in Mombasa.",
                           "\"We arrested four poachers,\" Kenyan police said in a statement on Monday."}) {
    const auto arrested = events_of(text);
    e = find_code(arrested, "173");
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->source.code, "KENCOP") << text;
  }
  const auto minister = events_of("\"We condemn the Russian strike,\" the Kenyan foreign minister said.");
  e = find_code(minister, "111");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.code, "KENGOV");
  // no quotation marks: no quoted "we", only the statement
  EXPECT_EQ(find_code(events_of("We detained nine smugglers, Kenyan police said."), "173"), nullptr);
}

TEST(CoderCases, ThePoliceChasingPeopleAwayIsCoercion) {
  // "{S:COP} chase away {T}" (170) and its derived passive; other doers code nothing
  const auto chased = events_of("The students were chased away by the police near the bus depot.");
  const Event* e = find_code(chased, "170");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.sector, "COP");
  ASSERT_NE(find_code(events_of("Police chased off the traders from the square."), "170"), nullptr);
  EXPECT_EQ(find_code(events_of("The students were chased away by the villagers."), "170"), nullptr);
}

TEST(CoderCases, ACurfewImposedOrEasedWithNoDoerIsAPoliceAct) {
  // agentless "curfew was imposed / relaxed": the police that enforce it (implicit agent)
  const auto clamped = events_of("A curfew was clamped on the old quarter of Nashik on Monday.");
  const Event* e = find_code(clamped, "1723");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.sector, "COP");
  const auto relaxed = events_of("The curfew has been relaxed for five hours in the river wards.");
  e = find_code(relaxed, "0813");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.sector, "COP");
  // a doer named after "by" is the source, not the target of an invented police act
  const auto by = events_of("A curfew was imposed by Somali troops in Baidoa on Monday.");
  e = find_code(by, "1723");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.code, "SOMMIL");
  // modifiers before the doer's name ("by the district magistrate", "by the local police"): still the source
  for (const char* text : {"A curfew was imposed by the additional district magistrate in Nashik on Monday.",
                           "The curfew was lifted by the local police in Nashik on Friday."}) {
    const auto ev = events_of(text);
    ASSERT_EQ(ev.size(), 1U) << text;
    EXPECT_NE(ev[0].source.code.find("IND"), std::string::npos) << text << ": " << ev[0].source.code;
    // no invented police act with the doer as its target: the target is the place's country
    ASSERT_TRUE(ev[0].target.has_value()) << text;
    EXPECT_EQ(ev[0].target->code, "IND") << text;
  }
  // a curfew that only goes on is no act
  EXPECT_TRUE(events_of("The curfew continued in the river wards.").empty());
}

TEST(CoderCases, BookingIsAPoliceActOnlyWithAChargeOrALawNamed) {
  // "book" charges someone only with the offence or the law named; an agentless booking of things is none
  EXPECT_EQ(find_code(events_of("Train tickets were booked under a false name at the station."), "173"), nullptr);
  EXPECT_EQ(find_code(events_of("Two rooms were booked for the visiting lawyers."), "173"), nullptr);
  const Event* e = find_code(events_of("Four traders were booked for hoarding in Nashik on Monday."), "173");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.sector, "COP");
  ASSERT_NE(find_code(events_of("Two clerks had been booked for six offences earlier."), "173"), nullptr);
}

TEST(CoderCases, PoliceClosingRoadsToStopAMarchRepressItAndProtestNothing) {
  // the police blocking the marchers' way is repression of the protest (1721), no protest of theirs (144)
  const auto blocked = events_of("Kenyan police barricaded the main road to stop the opposition march in Kisumu.");
  const Event* e = find_code(blocked, "1721");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source.code, "KENCOP");
  for (const Event& ev : blocked) EXPECT_NE(ev.cameo.substr(0, 2), "14") << ev.cameo;
  // demonstrators blocking a road still protest
  ASSERT_NE(find_code(events_of("Kenyan traders blocked the main road in Kisumu on Monday."), "144"), nullptr);
}

TEST(CoderCases, AVerbFormRightAfterAPrepositionIsANoun) {
  // "riot" after "on", "in", "for" is a noun ("riot gear", "riot control duty"): nobody rioted
  for (const char* text : {"Kenyan police in riot gear fired tear gas at the crowd.",
                           "Kenyan police were deployed on riot control duty in Kisumu."})
    EXPECT_EQ(find_code(events_of(text), "145"), nullptr) << text;
  ASSERT_NE(find_code(events_of("Kenyan police were deployed on riot control duty in Kisumu."), "150"), nullptr);
  // the verb itself still codes, and an infinitive after "to" is no noun
  ASSERT_NE(find_code(events_of("Kenyan students rioted in Kisumu on Monday."), "145"), nullptr);
}

}  // namespace
}  // namespace dyad
