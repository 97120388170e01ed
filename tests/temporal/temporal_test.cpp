// Tests for temporal expressions: a table of sentences and anchors with the
// expected span and readings, negative cases, unknown anchors, and the
// phrases of the shared seed articles (read at run time, skipped if absent).
#include "temporal/temporal.h"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/document.h"
#include "text/text.h"

namespace dyad {
namespace {

const TextRules& rules() {
  static std::shared_ptr<const TextRules> loaded = [] {
    auto r = TextRules::load(DYAD_TEST_DIR "/../data");
    if (!r) ADD_FAILURE() << r.error().str();
    return r ? r.value() : nullptr;
  }();
  return *loaded;
}

const RecurrenceWords& recurrence() {
  static const RecurrenceWords loaded = [] {
    auto r = RecurrenceWords::load(DYAD_TEST_DIR "/../data");
    if (!r) ADD_FAILURE() << r.error().str();
    return r ? r.value() : RecurrenceWords{};
  }();
  return loaded;
}

struct Found {
  std::string span;  // the expression's words as written
  TimeExpression expr;
};

struct Analyzed {
  Article article;
  TextAnalysis text;
  std::vector<Found> found;

  [[nodiscard]] const Found* find(const std::string& span) const {
    for (const Found& f : found)
      if (f.span == span) return &f;
    return nullptr;
  }
  [[nodiscard]] std::string spans() const {
    std::string s;
    for (const Found& f : found) s += "[" + f.span + "] ";
    return s;
  }
};

Date anchor_of(const std::string& iso) {
  if (iso.empty()) return Date{};
  auto d = parse_date(iso);
  EXPECT_TRUE(d.has_value()) << iso;
  return d.value_or(Date{});
}

Analyzed analyze(std::string text, const std::string& anchor, const RecurrenceWords& words = recurrence()) {
  Analyzed a;
  a.article.text = std::move(text);
  a.article.published = anchor_of(anchor);
  analyze_text(rules(), a.article, a.text);
  for (uint32_t s = 0; s < a.text.sentences.size(); ++s) {
    for (TimeExpression& t : find_time_expressions(a.article, a.text, s, a.article.published, words)) {
      std::string span(t.span.of(a.article.text));
      a.found.push_back(Found{std::move(span), std::move(t)});
    }
  }
  return a;
}

// ---- the table -------------------------------------------------------------------

struct Case {
  const char* text;
  const char* anchor;  // "" = unknown
  const char* span;    // the expression expected, exactly as written
  const char* past;    // ISO of each reading ("" = unresolved)
  const char* future;
  const char* unknown;
  const char* rule;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.span << " @" << c.anchor; }

class TableTest : public ::testing::TestWithParam<Case> {};

TEST_P(TableTest, ResolvesAsExpected) {
  const Case& c = GetParam();
  Analyzed a = analyze(c.text, c.anchor);
  const Found* f = a.find(c.span);
  ASSERT_NE(f, nullptr) << "no expression \"" << c.span << "\" in \"" << c.text << "\"; found " << a.spans();
  EXPECT_EQ(f->expr.if_past.iso(), c.past);
  EXPECT_EQ(f->expr.if_future.iso(), c.future);
  EXPECT_EQ(f->expr.if_unknown.iso(), c.unknown);
  EXPECT_EQ(f->expr.rule, c.rule);
  EXPECT_EQ(f->expr.resolve(Tense::past), f->expr.if_past);
  EXPECT_EQ(f->expr.resolve(Tense::future), f->expr.if_future);
  EXPECT_EQ(f->expr.resolve(Tense::present), f->expr.if_unknown);
  // The tokens and the span agree.
  const Token& first = a.text.tokens[f->expr.first_token];
  const Token& last = a.text.tokens[f->expr.token_end - 1];
  EXPECT_EQ(f->expr.span.offset, first.span.offset);
  EXPECT_EQ(f->expr.span.end(), last.span.end());
}

// Anchors: 2024-05-16 is a Thursday, 2024-05-14 a Tuesday.
const Case kCases[] = {
    // A report published on Thursday 2024-05-16.
    {"The chancellor landed in Rome, Italy, on Thursday for meetings.", "2024-05-16", "on Thursday", "2024-05-16",
     "2024-05-16", "2024-05-16", "weekday"},
    {"The planned stop in the port city of Bari on Friday should center on shipping.", "2024-05-16", "on Friday",
     "2024-05-10", "2024-05-17", "2024-05-17", "weekday"},
    {"The square saw mass protests in June 1989.", "2024-05-16", "in June 1989", "1989-06", "1989-06", "1989-06",
     "month-year"},
    // A preview published on Tuesday 2024-05-14.
    {"Scholz is expected to fly to Spain on Thursday.", "2024-05-14", "on Thursday", "2024-05-09", "2024-05-16",
     "2024-05-16", "weekday"},
    {"At a summit in October, Lula voiced support.", "2024-05-14", "in October", "2023-10", "2024-10", "2023-10",
     "month"},
    {"Macron flew to Ottawa in March 2023, where they dined together.", "2024-05-14", "in March 2023", "2023-03",
     "2023-03", "2023-03", "month-year"},
    {"The envoy spoke to journalists on Tuesday, according to Reuters.", "2024-05-14", "on Tuesday", "2024-05-14",
     "2024-05-14", "2024-05-14", "weekday"},
    {"The signing follows a dinner late on the same day, May 16, and then a walk.", "2024-05-14", "May 16",
     "2024-05-16", "2024-05-16", "2024-05-16", "month-day"},
    {"The signing follows a dinner late on the same day, May 16, and then a walk.", "2024-05-14", "on the same day",
     "2024-05-14", "2024-05-14", "2024-05-14", "same-day"},
    {"They criticised the strikes following October 7 at the Security Council.", "2024-05-14", "October 7",
     "2023-10-07", "2024-10-07", "2023-10-07", "month-day"},
    {"The militia has been backed since October when its fighters crossed over.", "2024-05-14", "since October",
     "2023-10", "2024-10", "2023-10", "month"},
    // Deictic days.
    {"The talks ended yesterday.", "2024-05-16", "yesterday", "2024-05-15", "2024-05-15", "2024-05-15", "deictic"},
    {"Yesterday's vote was close.", "2024-05-16", "Yesterday's", "2024-05-15", "2024-05-15", "2024-05-15", "deictic"},
    {"They will meet tomorrow morning in Paris.", "2024-05-16", "tomorrow morning", "2024-05-17", "2024-05-17",
     "2024-05-17", "deictic"},
    {"The minister speaks tonight.", "2024-05-16", "tonight", "2024-05-16", "2024-05-16", "2024-05-16", "deictic"},
    {"Rockets were fired last night.", "2024-05-16", "last night", "2024-05-15", "2024-05-15", "2024-05-15", "deictic"},
    {"Police said this morning that two men were held.", "2024-05-16", "this morning", "2024-05-16", "2024-05-16",
     "2024-05-16", "deictic"},
    {"He arrived the day before yesterday.", "2024-05-16", "the day before yesterday", "2024-05-14", "2024-05-14",
     "2024-05-14", "deictic"},
    {"Officials said earlier today that the border was closed.", "2024-05-16", "earlier today", "2024-05-16",
     "2024-05-16", "2024-05-16", "deictic"},
    // Weekdays.
    {"Troops withdrew last Thursday.", "2024-05-16", "last Thursday", "2024-05-09", "2024-05-09", "2024-05-09",
     "weekday"},
    {"The summit opens next Thursday.", "2024-05-16", "next Thursday", "2024-05-23", "2024-05-23", "2024-05-23",
     "weekday"},
    {"The vote is this Thursday.", "2024-05-16", "this Thursday", "2024-05-16", "2024-05-16", "2024-05-16", "weekday"},
    {"Protests began last Monday.", "2024-05-16", "last Monday", "2024-05-13", "2024-05-13", "2024-05-13", "weekday"},
    {"The court rules next Monday.", "2024-05-16", "next Monday", "2024-05-20", "2024-05-20", "2024-05-20", "weekday"},
    {"The ballots were counted this Monday.", "2024-05-16", "this Monday", "2024-05-13", "2024-05-13", "2024-05-13",
     "weekday"},
    {"Crowds gathered this past Sunday.", "2024-05-16", "this past Sunday", "2024-05-12", "2024-05-12", "2024-05-12",
     "weekday"},
    {"The strike ends this Sunday.", "2024-05-16", "this Sunday", "2024-05-19", "2024-05-19", "2024-05-19", "weekday"},
    {"Shelling resumed Thursday night near the border.", "2024-05-16", "Thursday night", "2024-05-16", "2024-05-16",
     "2024-05-16", "weekday"},
    {"Shelling resumed early Thursday near the border.", "2024-05-16", "early Thursday", "2024-05-16", "2024-05-16",
     "2024-05-16", "weekday"},
    {"Ministers met on Monday in Brussels.", "2024-05-16", "on Monday", "2024-05-13", "2024-05-20", "2024-05-13",
     "weekday"},
    {"Ministers meet on Saturday in Brussels.", "2024-05-16", "on Saturday", "2024-05-11", "2024-05-18", "2024-05-18",
     "weekday"},
    {"Thursday's meeting was postponed.", "2024-05-16", "Thursday's", "2024-05-16", "2024-05-16", "2024-05-16",
     "weekday"},
    {"The accord was signed on Thursday, May 16, 2024, in Beijing.", "2024-05-20", "on Thursday, May 16, 2024",
     "2024-05-16", "2024-05-16", "2024-05-16", "date"},
    // Weeks, months, years relative to the anchor.
    {"Fighting intensified this week.", "2024-05-16", "this week", "2024-05", "2024-05", "2024-05", "relative-unit"},
    {"Fighting intensified last week.", "2024-05-02", "last week", "2024-04", "2024-04", "2024-04", "relative-unit"},
    {"Talks resume next week.", "2024-05-30", "next week", "2024-06", "2024-06", "2024-06", "relative-unit"},
    {"The deal was agreed last month.", "2024-05-16", "last month", "2024-04", "2024-04", "2024-04", "relative-unit"},
    {"The deal was agreed last month.", "2024-01-10", "last month", "2023-12", "2023-12", "2023-12", "relative-unit"},
    {"The deal will be signed next month.", "2024-12-03", "next month", "2025-01", "2025-01", "2025-01",
     "relative-unit"},
    {"Officials met earlier this month.", "2024-05-16", "earlier this month", "2024-05", "2024-05", "2024-05",
     "relative-unit"},
    {"Elections were held last year.", "2024-05-16", "last year", "2023", "2023", "2023", "relative-unit"},
    {"Elections are due next year.", "2024-05-16", "next year", "2025", "2025", "2025", "relative-unit"},
    {"Prices rose this year.", "2024-05-16", "this year", "2024", "2024", "2024", "relative-unit"},
    {"The plant closed late last year.", "2024-05-16", "late last year", "2023", "2023", "2023", "relative-unit"},
    {"A decision is expected later this year.", "2024-05-16", "later this year", "2024", "2024", "2024",
     "relative-unit"},
    {"The budget runs out by the end of the year.", "2024-05-16", "the end of the year", "2024", "2024", "2024",
     "relative-unit"},
    // Month names.
    {"Putin was inaugurated in March.", "2024-05-14", "in March", "2024-03", "2025-03", "2024-03", "month"},
    {"The troops left last October.", "2024-05-14", "last October", "2023-10", "2023-10", "2023-10", "month"},
    {"Elections are planned next May.", "2024-05-14", "next May", "2025-05", "2025-05", "2025-05", "month"},
    {"Elections were held last May.", "2024-05-14", "last May", "2023-05", "2023-05", "2023-05", "month"},
    {"Talks are planned in May.", "2024-05-14", "in May", "2024-05", "2024-05", "2024-05", "month"},
    {"Talks are planned in June.", "2024-05-14", "in June", "2023-06", "2024-06", "2024-06", "month"},
    {"Fighting flared in mid-May.", "2024-05-16", "in mid-May", "2024-05", "2024-05", "2024-05", "month"},
    {"Fighting flared in early March.", "2024-05-16", "in early March", "2024-03", "2025-03", "2024-03", "month"},
    {"Fighting flared in late December.", "2024-05-16", "in late December", "2023-12", "2024-12", "2023-12", "month"},
    {"The treaty lapses at the end of March.", "2024-05-16", "the end of March", "2024-03", "2025-03", "2024-03",
     "month"},
    {"In May 16 people were killed in the region.", "2024-05-16", "In May", "2024-05", "2024-05", "2024-05", "month"},
    // Month and day.
    {"The vote took place on May 16 in the capital.", "2024-05-20", "on May 16", "2024-05-16", "2025-05-16",
     "2024-05-16", "month-day"},
    {"The vote took place on 16 May in the capital.", "2024-05-20", "on 16 May", "2024-05-16", "2025-05-16",
     "2024-05-16", "month-day"},
    {"The vote took place on May 16th in the capital.", "2024-05-20", "on May 16th", "2024-05-16", "2025-05-16",
     "2024-05-16", "month-day"},
    {"The ceasefire began Oct. 7, and held.", "2024-05-14", "Oct. 7", "2023-10-07", "2024-10-07", "2023-10-07",
     "month-day"},
    {"A summit is set for December 3 in Rome.", "2024-05-14", "December 3", "2023-12-03", "2024-12-03", "2023-12-03",
     "month-day"},
    {"The deadline is May 13.", "2024-05-16", "May 13", "2024-05-13", "2025-05-13", "2024-05-13", "month-day"},
    {"The leap-day vote was on February 29.", "2025-03-10", "on February 29", "2024-02-29", "2028-02-29", "2024-02-29",
     "month-day"},
    {"The vote took place on the 16th.", "2024-05-20", "on the 16th", "2024-05-16", "2024-06-16", "2024-05-16",
     "day-of-month"},
    {"Polls close on the 31st.", "2024-06-10", "on the 31st", "2024-05-31", "2024-07-31", "2024-05-31", "day-of-month"},
    {"Parliament convenes on the 16th of May.", "2024-05-10", "on the 16th of May", "2023-05-16", "2024-05-16",
     "2024-05-16", "month-day"},
    // Absolute dates.
    {"The statement was issued May 16, 2024 in Beijing.", "2024-06-01", "May 16, 2024", "2024-05-16", "2024-05-16",
     "2024-05-16", "date"},
    {"The statement was issued on 16 May 2024 in Beijing.", "2024-06-01", "on 16 May 2024", "2024-05-16", "2024-05-16",
     "2024-05-16", "date"},
    {"The treaty dates from Sept. 3, 2021.", "2024-06-01", "Sept. 3, 2021", "2021-09-03", "2021-09-03", "2021-09-03",
     "date"},
    {"Xi visited Moscow in March 2023.", "2024-05-14", "in March 2023", "2023-03", "2023-03", "2023-03", "month-year"},
    {"March 2023 saw a visit by Xi.", "2024-05-14", "March 2023", "2023-03", "2023-03", "2023-03", "month-year"},
    {"Russia invaded Ukraine in 2022.", "2024-05-14", "in 2022", "2022", "2022", "2022", "year"},
    {"Trade curbs followed its 2022 seizure of the border region.", "2024-05-14", "2022", "2022", "2022", "2022",
     "year"},
    {"The application has been pending since January, 1998 in the court.", "2002-03-10", "since January, 1998",
     "1998-01", "1998-01", "1998-01", "month-year"},
    {"It recalled the 1969 riots in the city.", "2002-03-10", "1969", "1969", "1969", "1969", "year"},
    {"Growth slowed in early 2023.", "2024-05-14", "in early 2023", "2023", "2023", "2023", "year"},
    {"Growth slowed in mid-2023.", "2024-05-14", "in mid-2023", "2023", "2023", "2023", "year"},
    {"The war has gone on since 2014.", "2024-05-14", "since 2014", "2014", "2014", "2014", "year"},
    {"Violence peaked in the 1990s.", "2024-05-14", "in the 1990s", "1990", "1990", "1990", "decade"},
    {"Trade grew between 2020 and 2022.", "2024-05-14", "2022", "2022", "2022", "2022", "year"},
    // Offsets from the anchor.
    {"The rebels attacked two days ago.", "2024-05-16", "two days ago", "2024-05-14", "2024-05-14", "2024-05-14",
     "ago"},
    {"The rebels attacked three weeks ago.", "2024-05-16", "three weeks ago", "2024-04-25", "2024-04-25", "2024-04-25",
     "ago"},
    {"The rebels attacked 16 months ago.", "2024-05-16", "16 months ago", "2023-01", "2023-01", "2023-01", "ago"},
    {"The plant closed a year ago.", "2024-05-16", "a year ago", "2023", "2023", "2023", "ago"},
    {"Talks will resume in two weeks.", "2024-05-16", "in two weeks", "", "2024-05-30", "2024-05-30", "in-offset"},
    {"The envoy had arrived a day earlier.", "2024-05-16", "a day earlier", "2024-05-15", "2024-05-15", "2024-05-15",
     "offset"},
    {"The envoy left two days later.", "2024-05-16", "two days later", "2024-05-18", "2024-05-18", "2024-05-18",
     "offset"},
    {"The envoy left the next day.", "2024-05-16", "the next day", "2024-05-17", "2024-05-17", "2024-05-17", "offset"},
    // Weekends.
    {"Protests are planned over the weekend.", "2024-05-16", "the weekend", "2024-05-11", "2024-05-18", "2024-05-18",
     "weekend"},
    {"Protests took place last weekend.", "2024-05-16", "last weekend", "2024-05-11", "2024-05-11", "2024-05-11",
     "weekend"},
    {"Protests took place over the weekend.", "2024-05-19", "the weekend", "2024-05-18", "2024-05-18", "2024-05-18",
     "weekend"},
    // Lower-cased input: names are recognised without capitals.
    {"the committee held a meeting on saturday in the city.", "2024-05-16", "on saturday", "2024-05-11", "2024-05-18",
     "2024-05-18", "weekday"},
    {"the group sought a ban on the planned march 15 rally.", "2002-03-10", "march 15", "2001-03-15", "2002-03-15",
     "2002-03-15", "month-day"},
    // Unknown anchor: only absolute expressions resolve.
    {"Putin arrived on Thursday.", "", "on Thursday", "", "", "", "weekday"},
    {"Putin arrived in March.", "", "in March", "", "", "", "month"},
    {"Putin arrived yesterday.", "", "yesterday", "", "", "", "deictic"},
    {"Putin arrived on May 16.", "", "on May 16", "", "", "", "month-day"},
    {"Putin arrived on May 16, 2024.", "", "on May 16, 2024", "2024-05-16", "2024-05-16", "2024-05-16", "date"},
    {"Xi visited in March 2023.", "", "in March 2023", "2023-03", "2023-03", "2023-03", "month-year"},
    {"Russia invaded in 2022.", "", "in 2022", "2022", "2022", "2022", "year"},
    // An anchor known only to the year or month.
    {"Elections were held last year.", "2024", "last year", "2023", "2023", "2023", "relative-unit"},
    {"Putin arrived in March.", "2024", "in March", "", "", "", "month"},
    {"Putin arrived on Thursday.", "2024-05", "on Thursday", "", "", "", "weekday"},
    {"The deal was agreed last month.", "2024-05", "last month", "2024-04", "2024-04", "2024-04", "relative-unit"},
};

INSTANTIATE_TEST_SUITE_P(Expressions, TableTest, ::testing::ValuesIn(kCases));

// ---- flags -----------------------------------------------------------------------

TEST(Temporal, AbsoluteAndSinceFlags) {
  Analyzed a =
      analyze("The war has gone on since 2014 and talks began in March 2023 and again on Monday.", "2024-05-16");
  const Found* since = a.find("since 2014");
  const Found* month = a.find("in March 2023");
  const Found* monday = a.find("on Monday");
  ASSERT_NE(since, nullptr) << a.spans();
  ASSERT_NE(month, nullptr) << a.spans();
  ASSERT_NE(monday, nullptr) << a.spans();
  EXPECT_TRUE(since->expr.since);
  EXPECT_TRUE(since->expr.absolute);
  EXPECT_FALSE(month->expr.since);
  EXPECT_TRUE(month->expr.absolute);
  EXPECT_FALSE(monday->expr.absolute);
  EXPECT_EQ(since->expr.if_past.precision, DatePrecision::year);
  EXPECT_EQ(month->expr.if_past.precision, DatePrecision::month);
  EXPECT_EQ(monday->expr.if_past.precision, DatePrecision::day);
}

TEST(Temporal, RecurringTimesAreFlagged) {
  // "every"/"each" before it, "every week" before or after it, a frequency adverb next to it, and the
  // next of a list that opens recurring
  Analyzed a = analyze(
      "The envoys meet every Tuesday and Thursday, the council sits each January, the monitors report on Friday "
      "every week and the ministers talk weekly on Monday, but the summit opens on Saturday.",
      "2024-05-16");
  for (const char* span : {"Tuesday", "Thursday", "January", "on Friday", "on Monday"}) {
    const Found* f = a.find(span);
    ASSERT_NE(f, nullptr) << span << ": " << a.spans();
    EXPECT_TRUE(f->expr.recurring) << span;
    EXPECT_TRUE(f->expr.if_future.known()) << span << ": the readings stay";
  }
  const Found* once = a.find("on Saturday");
  ASSERT_NE(once, nullptr) << a.spans();
  EXPECT_FALSE(once->expr.recurring);
  // "each" right before a preposition is the subject's, no recurrence
  Analyzed b = analyze("The two sides each on Monday accused the other of delays.", "2024-05-16");
  ASSERT_EQ(b.found.size(), 1U) << b.spans();
  EXPECT_FALSE(b.found[0].expr.recurring);
}

// The recurrence words are data (data/temporal/recurrence.tsv): "every other" is one row of two words, so
// "each other" (reciprocal) makes no recurrence; a list read from other text decides alone.
TEST(Temporal, RecurrenceWordsComeFromTheirDataFile) {
  Analyzed a =
      analyze("The patrols cross every other Sunday, and the two envoys called each other Monday.", "2024-05-16");
  const Found* sunday = a.find("Sunday");
  const Found* monday = a.find("Monday");
  ASSERT_NE(sunday, nullptr) << a.spans();
  ASSERT_NE(monday, nullptr) << a.spans();
  EXPECT_TRUE(sunday->expr.recurring);
  EXPECT_FALSE(monday->expr.recurring);
  const std::string head = "# test\nkind\tword\tas_of\n";
  auto own = RecurrenceWords::parse("r.tsv", head + "frequency\tquarterly\t2026-01-01\n");
  ASSERT_TRUE(own.ok()) << own.error().str();
  const std::string text = "The board meets quarterly on Monday and the envoys talk weekly on Friday.";
  Analyzed bundled = analyze(text, "2024-05-16");
  Analyzed read = analyze(text, "2024-05-16", own.value());
  for (const char* span : {"on Monday", "on Friday"}) {
    const Found* b = bundled.find(span);
    const Found* r = read.find(span);
    ASSERT_NE(b, nullptr) << span << ": " << bundled.spans();
    ASSERT_NE(r, nullptr) << span << ": " << read.spans();
    EXPECT_EQ(b->expr.recurring, std::string(span) == "on Friday") << span;
    EXPECT_EQ(r->expr.recurring, std::string(span) == "on Monday") << span;
  }
  for (const auto& [row, says] : std::initializer_list<std::pair<const char*, const char*>>{
           {"often\tevery\t2026-01-01", "unknown kind 'often'"},
           {"every_nth\tevery other one\t2026-01-01", "one or two words"},
           {"frequency\tWeekly\t2026-01-01", "lower case"},
           {"frequency\tweekly\t", "as_of is required"},
           {"every\tevery\t2026-01-01\nevery\tevery\t2026-01-01", "listed twice"}}) {
    auto bad = RecurrenceWords::parse("r.tsv", head + row + "\n");
    ASSERT_FALSE(bad.ok()) << row;
    EXPECT_EQ(bad.error().file, "r.tsv");
    EXPECT_GE(bad.error().line, 3U) << row;
    EXPECT_NE(bad.error().message.find(says), std::string::npos) << bad.error().str();
  }
  auto missing = RecurrenceWords::load("/nonexistent-dyad-data");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().file.find("recurrence.tsv"), std::string::npos);
}

TEST(Temporal, ANewspaperNamedDailyOrWeeklyIsNoFrequency) {
  // after a capitalised name or a determiner the word is a noun (a paper), the date one day
  Analyzed a = analyze(
      "Guards detained a columnist of the Izvestia daily on Friday and seized copies of a weekly on Sunday, and "
      "the unions march weekly on Tuesday.",
      "2024-05-16");
  for (const char* span : {"on Friday", "on Sunday"}) {
    const Found* f = a.find(span);
    ASSERT_NE(f, nullptr) << span << ": " << a.spans();
    EXPECT_FALSE(f->expr.recurring) << span;
  }
  const Found* weekly = a.find("on Tuesday");
  ASSERT_NE(weekly, nullptr) << a.spans();
  EXPECT_TRUE(weekly->expr.recurring) << "an adverb after a verb stays a frequency";
  // an adjective or a possessive between: still the paper, after a preposition ("of the farm-sector daily")
  Analyzed papers = analyze(
      "Guards held a columnist of the farm-sector daily on Friday, a cartoonist at the independent weekly on "
      "Saturday and a printer of the nation's oldest daily on Sunday.",
      "2024-05-16");
  for (const char* span : {"on Friday", "on Saturday", "on Sunday"}) {
    const Found* f = papers.find(span);
    ASSERT_NE(f, nullptr) << span << ": " << papers.spans();
    EXPECT_FALSE(f->expr.recurring) << span;
  }
  // a name or a noun after a verb is its object, the adverb stays: a habit
  Analyzed habits = analyze(
      "Scholz phones Albanese weekly on Monday and the envoy briefs the cabinet daily on Tuesday.", "2024-05-16");
  for (const char* span : {"on Monday", "on Tuesday"}) {
    const Found* f = habits.find(span);
    ASSERT_NE(f, nullptr) << span << ": " << habits.spans();
    EXPECT_TRUE(f->expr.recurring) << span;
  }
}

TEST(Temporal, WeekdayNamesAreTheSevenFullNames) {
  for (const char* w : {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
    EXPECT_TRUE(weekday_name(w)) << w;
  for (const char* w : {"mon.", "weekday", "today", "Monday", "may", "weekend"}) EXPECT_FALSE(weekday_name(w)) << w;
}

TEST(Temporal, SeveralExpressionsInOrderWithoutOverlap) {
  Analyzed a = analyze(
      "Xi visited Moscow in March 2023, met Putin again in October and will host him on Thursday, after talks "
      "yesterday.",
      "2024-05-14");
  ASSERT_EQ(a.found.size(), 4U) << a.spans();
  EXPECT_EQ(a.found[0].span, "in March 2023");
  EXPECT_EQ(a.found[1].span, "in October");
  EXPECT_EQ(a.found[2].span, "on Thursday");
  EXPECT_EQ(a.found[3].span, "yesterday");
  for (size_t i = 1; i < a.found.size(); ++i) EXPECT_LE(a.found[i - 1].expr.token_end, a.found[i].expr.first_token);
}

TEST(Temporal, OutOfRangeSentenceGivesNothing) {
  Analyzed a = analyze("Talks were held on Thursday.", "2024-05-16");
  EXPECT_TRUE(find_time_expressions(a.article, a.text, 99, a.article.published, recurrence()).empty());
  ASSERT_EQ(a.found.size(), 1U);
}

// ---- negative cases ------------------------------------------------------------

class NegativeTest : public ::testing::TestWithParam<const char*> {};

TEST_P(NegativeTest, FindsNoDate) {
  Analyzed a = analyze(GetParam(), "2024-05-16");
  EXPECT_TRUE(a.found.empty()) << GetParam() << " -> " << a.spans();
}

INSTANTIATE_TEST_SUITE_P(Expressions, NegativeTest,
                         ::testing::Values("Putin may visit China soon.",                     // modal
                                           "May God protect them, the bishop said.",          // modal, sentence-first
                                           "Theresa May met Xi in London.",                   // a name
                                           "Thousands joined the march on parliament.",       // lower-case noun
                                           "The March on Washington is remembered.",          // a name
                                           "Police said 16 people were killed.",              // a count
                                           "The leaders marked 75 years of relations.",       // a duration
                                           "They marked the 75th anniversary of ties.",       // an ordinal
                                           "The envoys initialled a 12-page memo.",           // a compound
                                           "Some 2,000 soldiers and 1,200 civilians died.",   // counts
                                           "In the 19th and 20th centuries, many fought.",    // centuries
                                           "Payments rose 90 percent over the last year.",    // a span of time
                                           "More attacks may come in the coming days.",       // vague
                                           "The Sunday Times reported the story.",            // a newspaper
                                           "Protesters marked Bloody Sunday in Derry.",       // a named event
                                           "He spent two weeks of talks in Geneva.",          // a duration
                                           "A date was never set, officials said.",           // nothing
                                           "They will visit 12 cities.",                      // a count
                                           "the police may march to the square if allowed.",  // modal, lower case
                                           "Students may march on parliament.",               // modal
                                           "A survey of 1709 schoolchildren was done.",       // a count
                                           "It happened twice in a month.",                   // a duration
                                           "It won for the first time in 10 years."));        // a duration

// ---- the shared seed articles -----------------------------------------------------

std::string read_seed(const std::string& name) {
  std::ifstream in(std::string(DYAD_SHARED_DIR) + "/seeds/" + name);
  if (!in) return {};
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The first expression whose span is `span` in a sentence that contains `context`.
const Found* find_in(const Analyzed& a, const std::string& span, const std::string& context) {
  for (const Found& f : a.found) {
    if (f.span != span) continue;
    uint32_t s = 0;
    while (s + 1 < a.text.sentences.size() && a.text.sentences[s + 1].first_token <= f.expr.first_token) ++s;
    if (a.text.sentences[s].span.of(a.article.text).find(context) != std::string_view::npos) return &f;
  }
  return nullptr;
}

TEST(Seeds, Seed000PublishedThursday) {
  std::string text = read_seed("000_db31a0e3b058f794.txt");
  if (text.empty()) GTEST_SKIP() << "shared seeds not available";
  Analyzed a = analyze(text, "2024-05-16");
  const Found* arrived = find_in(a, "on Thursday", "arrived in Beijing");
  ASSERT_NE(arrived, nullptr) << a.spans();
  EXPECT_EQ(arrived->expr.if_past.iso(), "2024-05-16");
  const Found* harbin = find_in(a, "on Friday", "Harbin");
  ASSERT_NE(harbin, nullptr) << a.spans();
  EXPECT_EQ(harbin->expr.if_future.iso(), "2024-05-17");
  const Found* june = find_in(a, "in June 1989", "Tiananmen");
  ASSERT_NE(june, nullptr) << a.spans();
  EXPECT_EQ(june->expr.if_past.iso(), "1989-06");
  EXPECT_TRUE(june->expr.absolute);
  // Counts and ordinals in the article are not dates.
  for (const Found& f : a.found) {
    EXPECT_EQ(f.span.find("75"), std::string::npos) << f.span;
    EXPECT_EQ(f.span.find("30"), std::string::npos) << f.span;
    EXPECT_EQ(f.span.find("80"), std::string::npos) << f.span;
    EXPECT_EQ(f.span.find("90"), std::string::npos) << f.span;
  }
}

TEST(Seeds, Seed003PublishedTuesday) {
  std::string text = read_seed("003_170d15a40400d82a.txt");
  if (text.empty()) GTEST_SKIP() << "shared seeds not available";
  Analyzed a = analyze(text, "2024-05-14");
  const Found* thursday = find_in(a, "on Thursday", "expected to travel");
  ASSERT_NE(thursday, nullptr) << a.spans();
  EXPECT_EQ(thursday->expr.if_future.iso(), "2024-05-16");
  const Found* october = find_in(a, "in October", "During a meeting");
  ASSERT_NE(october, nullptr) << a.spans();
  EXPECT_EQ(october->expr.if_past.iso(), "2023-10");
  const Found* march = find_in(a, "in March 2023", "Moscow");
  ASSERT_NE(march, nullptr) << a.spans();
  EXPECT_EQ(march->expr.if_past.iso(), "2023-03");
  const Found* tuesday = find_in(a, "on Tuesday", "Ushakov");
  ASSERT_NE(tuesday, nullptr) << a.spans();
  EXPECT_EQ(tuesday->expr.if_past.iso(), "2024-05-14");
  EXPECT_EQ(tuesday->expr.if_future.iso(), "2024-05-14");
  const Found* may16 = find_in(a, "May 16", "concert");
  ASSERT_NE(may16, nullptr) << a.spans();
  EXPECT_EQ(may16->expr.if_future.iso(), "2024-05-16");
  EXPECT_EQ(may16->expr.if_unknown.iso(), "2024-05-16");
  const Found* october7 = find_in(a, "October 7", "United Nations");
  ASSERT_NE(october7, nullptr) << a.spans();
  EXPECT_EQ(october7->expr.if_past.iso(), "2023-10-07");
  for (const Found& f : a.found) {
    EXPECT_EQ(f.span.find("1,200"), std::string::npos) << f.span;
    EXPECT_EQ(f.span.find("250"), std::string::npos) << f.span;
  }
}

}  // namespace
}  // namespace dyad
