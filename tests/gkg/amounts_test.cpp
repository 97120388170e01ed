// Amounts on small invented fixtures: counts, percentages, money, spelled-out numbers,
// hyphenated counts, and the numbers that are not amounts.
#include <gtest/gtest.h>

#include "gkg_test_util.h"

namespace dyad {
namespace {

using testing_gkg::annotate;
using testing_gkg::text_of;

struct Row {
  double value;
  std::string unit, object, text;
  friend bool operator==(const Row&, const Row&) = default;
  friend std::ostream& operator<<(std::ostream& o, const Row& r) {
    return o << "{" << r.value << ", '" << r.unit << "', '" << r.object << "', '" << r.text << "'}";
  }
};

std::vector<Row> rows(const Document& d) {
  std::vector<Row> out;
  for (const Amount& a : d.amounts) out.push_back(Row{a.value, a.unit, a.object, text_of(d, a.span)});
  return out;
}

std::vector<Row> amounts_of(std::string_view text) { return rows(annotate(text)); }

TEST(Amounts, PercentOfSomething) {
  EXPECT_EQ(amounts_of("Officials say 85 percent of all exports now go east."),
            (std::vector<Row>{{85, "percent", "exports", "85 percent of all exports"}}));
  EXPECT_EQ(amounts_of("Turnout fell by 12% on Sunday."), (std::vector<Row>{{12, "percent", "", "12%"}}));
  EXPECT_EQ(amounts_of("Prices rose 3.5 per cent in a year."),
            (std::vector<Row>{{3.5, "percent", "", "3.5 per cent"}}));
}

TEST(Amounts, CountsWithTheirHeadNoun) {
  EXPECT_EQ(amounts_of("The firms plan 45 new solar energy plants in the north."),
            (std::vector<Row>{{45, "", "plants", "45 new solar energy plants"}}));
  EXPECT_EQ(amounts_of("Rebels freed 1,500 prisoners and 300 hostages on Friday."),
            (std::vector<Row>{{1500, "", "prisoners", "1,500 prisoners"}, {300, "", "hostages", "300 hostages"}}));
  EXPECT_EQ(amounts_of("Some 40 people were hurt."), (std::vector<Row>{{40, "", "people", "40 people"}}));
}

TEST(Amounts, SpelledOutNumbers) {
  EXPECT_EQ(amounts_of("Three soldiers were wounded."), (std::vector<Row>{{3, "", "soldiers", "Three soldiers"}}));
  EXPECT_EQ(amounts_of("Police held two dozen people overnight."),
            (std::vector<Row>{{24, "", "people", "two dozen people"}}));
  EXPECT_EQ(amounts_of("Floods cut off twenty-five villages."),
            (std::vector<Row>{{25, "", "villages", "twenty-five villages"}}));
  EXPECT_EQ(amounts_of("The ministry sent a hundred trucks."),
            (std::vector<Row>{{100, "", "trucks", "a hundred trucks"}}));
  EXPECT_EQ(amounts_of("They counted two hundred and fifty ballots."),
            (std::vector<Row>{{250, "", "ballots", "two hundred and fifty ballots"}}));
}

TEST(Amounts, HyphenatedCounts) {
  EXPECT_EQ(amounts_of("Both sides signed a 40-page agreement on trade."),
            (std::vector<Row>{{40, "page", "agreement", "40-page agreement"}}));
  EXPECT_EQ(amounts_of("It was a five-year plan."), (std::vector<Row>{{5, "year", "plan", "five-year plan"}}));
  EXPECT_EQ(amounts_of("They drafted a 12-page-long joint text."),
            (std::vector<Row>{{12, "page", "text", "12-page-long joint text"}}));
  EXPECT_EQ(amounts_of("A 10-km convoy formed."), (std::vector<Row>{{10, "km", "convoy", "10-km convoy"}}));
  EXPECT_EQ(amounts_of("They saw a 20-page report praising the plan."),
            (std::vector<Row>{{20, "page", "report", "20-page report"}}));
}

TEST(Amounts, MoneyWithCurrencyAndScale) {
  EXPECT_EQ(amounts_of("The fund pledged $1.5 billion in aid."),
            (std::vector<Row>{{1.5e9, "USD", "aid", "$1.5 billion in aid"}}));
  EXPECT_EQ(amounts_of("Brussels added \u20AC200 million on Monday."),
            (std::vector<Row>{{2e8, "EUR", "", "\u20AC200 million"}}));
  EXPECT_EQ(amounts_of("The bank lent 5 billion yuan to the port."),
            (std::vector<Row>{{5e9, "CNY", "", "5 billion yuan"}}));
  EXPECT_EQ(amounts_of("A deal worth US$3bn was signed."), (std::vector<Row>{{3e9, "USD", "", "US$3bn"}}));
  EXPECT_EQ(amounts_of("The fine was 20 million rubles."), (std::vector<Row>{{2e7, "RUB", "", "20 million rubles"}}));
  EXPECT_EQ(amounts_of("It costs USD 40 million."), (std::vector<Row>{{4e7, "USD", "", "USD 40 million"}}));
}

TEST(Amounts, DatesYearsTimesOrdinalsAndCodesAreNotAmounts) {
  EXPECT_TRUE(amounts_of("The summit opened on May 16, 2024, in the capital.").empty());
  EXPECT_TRUE(amounts_of("Troops crossed on 7 October and left in March 2023.").empty());
  EXPECT_TRUE(amounts_of("The 2022 invasion changed everything in 1991 terms.").empty());
  EXPECT_TRUE(amounts_of("The session opened at 10:30 and closed at 6 p.m.").empty());
  EXPECT_TRUE(amounts_of("It was the 75th session of the 19th congress.").empty());
  EXPECT_TRUE(amounts_of("Call +7 495 123 4567 or 555-01-23 today.").empty());
  EXPECT_TRUE(amounts_of("Jets such as the F-16 and the G7 members met under Article 5 of the treaty.").empty());
  EXPECT_TRUE(amounts_of("They met one-on-one with one of the envoys.").empty());
}

TEST(Amounts, NumbersInBylinesAreIgnored) {
  EXPECT_TRUE(amounts_of("By Jane Roe\nFollow 3 reporters on Twitter.").empty());
}

}  // namespace
}  // namespace dyad
