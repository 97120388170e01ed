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

TEST(SameEvent, PlansStatedForTwoDaysAreTwoPlans) {
  const Date thursday = Date::ymd(2024, 3, 7);
  const Date friday = Date::ymd(2024, 3, 8);
  // the text gives each plan its day: two plans, not one reported a day apart
  EXPECT_FALSE(same_event(facts(EventMode::expected, thursday, "expression:weekday"),
                          facts(EventMode::expected, friday, "expression:weekday")));
  // a day lent by an occasion is no stated day, and reports of what happened keep their day of slack
  EXPECT_TRUE(same_event(facts(EventMode::expected, thursday, "expression:occasion"),
                         facts(EventMode::expected, friday, "expression:weekday")));
  EXPECT_TRUE(same_event(facts(EventMode::happened, thursday, "expression:weekday"),
                         facts(EventMode::happened, friday, "expression:weekday")));
  EXPECT_TRUE(same_event(facts(EventMode::expected, friday, "expression:weekday"),
                         facts(EventMode::expected, friday, "expression:date")));
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

// A plan that names its day but no place is confirmed on that day only; with a place it shares with the outcome
// the day of slack stays (the place says it is the same act).
TEST(Expectation, APlanWithNoPlaceIsConfirmedOnlyOnItsOwnDay) {
  const EventFacts plan =
      facts(EventMode::expected, Date::ymd(2024, 3, 8), "expression:weekday", Date::ymd(2024, 3, 4));
  EventFacts early = facts(EventMode::happened, Date::ymd(2024, 3, 7));
  early.location = Place{"Harbin", "CHN", 45.75, 126.65, 2037013, {}};
  EXPECT_EQ(link_relation(plan, early), "");
  EventFacts on_the_day = early;
  on_the_day.date = Date::ymd(2024, 3, 8);
  EXPECT_EQ(link_relation(plan, on_the_day), "confirms");
  EventFacts in_the_month = early;
  in_the_month.date = Date{2024, 3, 0, DatePrecision::month};
  EXPECT_EQ(link_relation(plan, in_the_month), "confirms");
  EventFacts placed_plan = plan;
  placed_plan.location = early.location;
  EXPECT_EQ(link_relation(placed_plan, early), "confirms");
  // a day late is no more the plan's own day than a day early; with the shared place the slack holds
  EventFacts late = early;
  late.date = Date::ymd(2024, 3, 9);
  late.published = Date::ymd(2024, 3, 9);
  EXPECT_EQ(link_relation(plan, late), "");
  EXPECT_EQ(link_relation(placed_plan, late), "confirms");
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

TEST(MinHash, CopiesAreAlikeDifferentTextsAreNot) {
  std::string a_text, b_text, c_text, d_text;
  const std::string base =
      "the foreign ministers of the two countries met on tuesday in the capital to discuss trade water rights "
      "and the reopening of the border crossings that were closed last winter after a dispute over tariffs";
  TextAnalysis a = words(base, a_text);
  TextAnalysis b = words("capital example wire " + base, b_text);
  TextAnalysis c = words(
      "heavy rain flooded dozens of villages in the south of the country on sunday forcing thousands of residents "
      "to leave their homes while rescue teams used boats to reach people trapped on rooftops",
      c_text);
  const auto sa = minhash(a);
  const auto sb = minhash(b);
  const auto sc = minhash(c);
  ASSERT_EQ(sa.size(), kMinHashSize);
  EXPECT_GE(resemblance(sa, sb), kNearDuplicateResemblance);
  EXPECT_LT(resemblance(sa, sc), 0.2);
  EXPECT_EQ(sa, minhash(a));
  // A copy shares an LSH band with its original; unrelated text (almost surely) does not.
  const auto ba = lsh_bands(sa);
  const auto bb = lsh_bands(sb);
  const auto bc = lsh_bands(sc);
  ASSERT_EQ(ba.size(), kBands);
  bool shared = false;
  bool shared_c = false;
  for (size_t i = 0; i < kBands; ++i) {
    shared = shared || ba[i] == bb[i];
    shared_c = shared_c || ba[i] == bc[i];
  }
  EXPECT_TRUE(shared);
  EXPECT_FALSE(shared_c);
  // Too short to fingerprint.
  EXPECT_TRUE(minhash(words("three short words here", d_text)).empty());
}

// A copy shares at least kMinSharedBands bands with its original: with 32 positions and the 0.8 threshold at most 6
// positions may differ, and they spoil at most 6 of the 8 bands.
TEST(MinHash, ACopySharesAtLeastTheMinimumOfBands) {
  static_assert(kMinSharedBands == 2);
  std::vector<uint32_t> a(kMinHashSize);
  for (size_t i = 0; i < a.size(); ++i) a[i] = static_cast<uint32_t>(1000 + 7 * i);
  auto shared = [&](const std::vector<uint32_t>& b) {
    const auto ba = lsh_bands(a);
    const auto bb = lsh_bands(b);
    size_t n = 0;
    for (size_t i = 0; i < ba.size(); ++i) n += ba[i] == bb[i] ? 1 : 0;
    return n;
  };
  // the worst case: each differing position in a band of its own
  std::vector<uint32_t> b = a;
  const size_t per_band = kMinHashSize / kBands;
  size_t changed = 0;
  for (size_t band = 0; band < kBands; ++band) {
    std::vector<uint32_t> next = b;
    next[band * per_band] += 1;
    if (resemblance(a, next) < kNearDuplicateResemblance) break;
    b = next;
    ++changed;
  }
  EXPECT_EQ(changed, 6U);
  EXPECT_GE(resemblance(a, b), kNearDuplicateResemblance);
  EXPECT_EQ(shared(b), kMinSharedBands);
  // one more differing position, in a shared band: no longer a copy
  std::vector<uint32_t> c = b;
  c[6 * per_band] += 1;
  EXPECT_LT(resemblance(a, c), kNearDuplicateResemblance);
}

}  // namespace
}  // namespace dyad
