#include "story/dedup.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

Actor actor(std::string code, std::string country, std::string text = "x") {
  Actor a;
  a.code = std::move(code);
  a.country = std::move(country);
  a.text = std::move(text);
  return a;
}

Event event(std::string cameo, Actor source, std::optional<Actor> target) {
  Event e;
  e.cameo = std::move(cameo);
  e.source = std::move(source);
  e.target = std::move(target);
  return e;
}

EventFacts facts(EventMode mode, Date date, std::string basis = "expression:x", Date published = {}) {
  EventFacts f;
  f.mode = mode;
  f.date = date;
  f.date_basis = std::move(basis);
  f.published = published.known() ? published : date;
  return f;
}

TEST(ActorKey, CountryUpToSectorElseCodeElseFoldedName) {
  EXPECT_EQ(actor_key(actor("RUSGOV", "RUS")), "RUS");
  EXPECT_EQ(actor_key(actor("RUSMIL", "RUS")), "RUS");
  EXPECT_EQ(actor_key(actor("IGOUNO", "")), "IGOUNO");
  EXPECT_EQ(actor_key(actor("", "", "The Ministry of Magic")), "the ministry of magic");
}

TEST(MatchKey, BaseCodeAndBothActors) {
  EXPECT_EQ(match_key(event("0421", actor("RUSGOV", "RUS"), actor("CHN", "CHN"))), "042|RUS|CHN");
  EXPECT_EQ(match_key(event("042", actor("RUS", "RUS"), actor("CHNGOV", "CHN"))), "042|RUS|CHN");
  EXPECT_EQ(match_key(event("010", actor("RUS", "RUS"), std::nullopt)), "010|RUS|");
  EXPECT_NE(match_key(event("042", actor("RUS", "RUS"), actor("CHN", "CHN"))),
            match_key(event("042", actor("CHN", "CHN"), actor("RUS", "RUS"))));
}

TEST(SameEvent, ModeDateAndPlaceMustAgree) {
  const Date d = Date::ymd(2024, 5, 16);
  EXPECT_TRUE(same_event(facts(EventMode::happened, d), facts(EventMode::happened, Date::ymd(2024, 5, 17))));
  EXPECT_FALSE(same_event(facts(EventMode::happened, d), facts(EventMode::happened, Date::ymd(2024, 5, 19))));
  EXPECT_FALSE(same_event(facts(EventMode::happened, d), facts(EventMode::expected, d)));
  Date may;
  may.year = 2024;
  may.month = 5;
  may.precision = DatePrecision::month;
  EXPECT_TRUE(same_event(facts(EventMode::happened, may), facts(EventMode::happened, d)));
  EXPECT_FALSE(same_event(facts(EventMode::happened, Date{}), facts(EventMode::happened, Date{})));

  EventFacts beijing = facts(EventMode::happened, d);
  beijing.location = Place{"Beijing", "CHN", 39.9, 116.4, 1816670, {}};
  EventFacts harbin = beijing;
  harbin.location = Place{"Harbin", "CHN", 45.75, 126.65, 2037013, {}};
  EventFacts nowhere = facts(EventMode::happened, d);
  EXPECT_FALSE(same_event(beijing, harbin));
  EXPECT_TRUE(same_event(beijing, nowhere));
  EXPECT_TRUE(same_event(beijing, beijing));
}

TEST(Expectation, DatedWindowIsTheDayUndatedRunsFromTheArticle) {
  const Date thursday = Date::ymd(2024, 3, 7);
  auto w = expectation_window(facts(EventMode::expected, thursday, "expression:weekday", Date::ymd(2024, 3, 4)));
  ASSERT_TRUE(w);
  EXPECT_EQ(Date::from_days(w->first).iso(), "2024-03-06");
  EXPECT_EQ(Date::from_days(w->last).iso(), "2024-03-08");
  auto u = expectation_window(
      facts(EventMode::expected, Date::ymd(2024, 3, 4), "article (expected, undated)", Date::ymd(2024, 3, 4)));
  ASSERT_TRUE(u);
  EXPECT_EQ(Date::from_days(u->first).iso(), "2024-03-04");
  EXPECT_EQ((u->last - u->first).count(), kUndatedWindowDays);
}

TEST(Expectation, LinkRelation) {
  const EventFacts expected =
      facts(EventMode::expected, Date::ymd(2024, 3, 7), "expression:weekday", Date::ymd(2024, 3, 4));
  EXPECT_EQ(link_relation(expected, facts(EventMode::happened, Date::ymd(2024, 3, 7))), "confirms");
  EXPECT_EQ(link_relation(expected, facts(EventMode::happened, Date::ymd(2024, 3, 20))), "");
  EXPECT_EQ(link_relation(expected, facts(EventMode::possible, Date::ymd(2024, 3, 7))), "");
  // Called off before the day: the report's own date is inside [article, window end].
  EXPECT_EQ(link_relation(expected, facts(EventMode::negated, Date::ymd(2024, 3, 5), "article")), "contradicts");
  EXPECT_EQ(link_relation(expected, facts(EventMode::negated, Date::ymd(2024, 4, 5), "article")), "");
  // Only expectations take outcomes.
  EXPECT_EQ(link_relation(facts(EventMode::happened, Date::ymd(2024, 3, 7)),
                          facts(EventMode::happened, Date::ymd(2024, 3, 7))),
            "");
}

TextAnalysis words(const std::string& text, std::string& arena_owner) {
  TextAnalysis t;
  arena_owner = text;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j > i) {
      Token tok;
      tok.span = Span{static_cast<uint32_t>(i), static_cast<uint32_t>(j - i)};
      tok.norm = tok.span;
      t.tokens.push_back(tok);
    }
    i = j;
  }
  t.arena = text;
  return t;
}

TEST(SimHash, CopiesAreCloseDifferentTextsAreFar) {
  std::string a_text, b_text, c_text;
  const std::string base =
      "the foreign ministers of the two countries met on tuesday in the capital to discuss trade water rights "
      "and the reopening of the border crossings that were closed last winter after a dispute over tariffs and "
      "transit fees officials from both sides described the talks as constructive and said they would meet "
      "again next month to finalise a road map for the crossings and for a joint commission on water";
  TextAnalysis a = words(base, a_text);
  TextAnalysis b = words("updated " + base + " reuters", b_text);
  TextAnalysis c = words(
      "heavy rain flooded dozens of villages in the south of the country on sunday forcing thousands of residents "
      "to leave their homes while rescue teams used boats to reach people trapped on rooftops and the weather "
      "service warned of more storms later in the week as rivers kept rising across the region",
      c_text);
  EXPECT_LE(hamming(simhash(a), simhash(b)), kNearDuplicateBits);
  EXPECT_GT(hamming(simhash(a), simhash(c)), 10);
  EXPECT_EQ(simhash(a), simhash(a));
}

}  // namespace
}  // namespace dyad
