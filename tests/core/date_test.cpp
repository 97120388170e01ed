#include "core/date.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(ParseDate, IsoForms) {
  EXPECT_EQ(parse_date("2024-05-16")->iso(), "2024-05-16");
  EXPECT_EQ(parse_date("2024-05-16T09:30:00Z")->iso(), "2024-05-16");
  EXPECT_EQ(parse_date("2024-05")->precision, DatePrecision::month);
  EXPECT_EQ(parse_date("2024")->iso(), "2024");
  EXPECT_FALSE(parse_date("2024-02-30"));
  // A written month of 00 is no month (it read as the year alone).
  EXPECT_FALSE(parse_date("2024-00"));
  EXPECT_FALSE(parse_date("2024-00-11"));
  // A written day of 00 is no day either (it read as the month alone), in every form that writes a day.
  EXPECT_FALSE(parse_date("2031-07-00"));
  EXPECT_FALSE(parse_date("2031-07-00T12:00:00Z"));
  EXPECT_FALSE(parse_date("0 July 2031"));
  EXPECT_FALSE(parse_date("Tue, 00 Jul 2031 08:00:00 GMT"));
  EXPECT_FALSE(parse_date("July 00, 2031"));
  EXPECT_EQ(parse_date("July 2031")->precision, DatePrecision::month);
  EXPECT_FALSE(parse_date("2024-13-01"));
}

TEST(ParseDate, WrittenForms) {
  EXPECT_EQ(parse_date("May 16, 2024")->iso(), "2024-05-16");
  EXPECT_EQ(parse_date("Sept. 3, 2021")->iso(), "2021-09-03");
  EXPECT_EQ(parse_date("16 May 2024")->iso(), "2024-05-16");
  EXPECT_EQ(parse_date("Thu, 16 May 2024 09:30:00 GMT")->iso(), "2024-05-16");
  EXPECT_EQ(parse_date("March 2023")->iso(), "2023-03");
  EXPECT_EQ(parse_date("May 16th, 2024")->iso(), "2024-05-16");
}

TEST(ParseDate, Garbage) {
  EXPECT_FALSE(parse_date(""));
  EXPECT_FALSE(parse_date("yesterday"));
  EXPECT_FALSE(parse_date("Thursday"));
  EXPECT_FALSE(parse_date("May 45, 2024"));
  EXPECT_FALSE(parse_date("12345"));
}

TEST(Date, Ranges) {
  Date m = *parse_date("2024-02");
  EXPECT_EQ(Date::from_days(m.first_day()).iso(), "2024-02-01");
  EXPECT_EQ(Date::from_days(m.last_day()).iso(), "2024-02-29");
  Date y = *parse_date("2023");
  EXPECT_EQ(Date::from_days(y.last_day()).iso(), "2023-12-31");
}

TEST(MonthName, Forms) {
  EXPECT_EQ(month_from_name("May"), 5U);
  EXPECT_EQ(month_from_name("sept."), 9U);
  EXPECT_EQ(month_from_name("Dec"), 12U);
  EXPECT_EQ(month_from_name("Ma"), 0U);
  EXPECT_EQ(month_from_name("Mayor"), 0U);
}

// iso() formats every precision with zero-padded fields, also years before 1000 and past 9999.
TEST(Date, IsoPadsEveryField) {
  Date d;
  EXPECT_EQ(d.iso(), "");
  d.year = 987;
  d.precision = DatePrecision::year;
  EXPECT_EQ(d.iso(), "0987");
  d.month = 3;
  d.precision = DatePrecision::month;
  EXPECT_EQ(d.iso(), "0987-03");
  d.day = 4;
  d.precision = DatePrecision::day;
  EXPECT_EQ(d.iso(), "0987-03-04");
  d.year = 2024;
  d.month = 12;
  d.day = 31;
  EXPECT_EQ(d.iso(), "2024-12-31");
  d.year = 12345;
  EXPECT_EQ(d.iso(), "12345-12-31");
  d.year = 0;
  d.precision = DatePrecision::year;
  EXPECT_EQ(d.iso(), "0000");
}

}  // namespace
}  // namespace dyad
