// Calendar dates with a precision, as event data needs them.
//
// A Date is a proleptic Gregorian day, month or year. It prints as
// "YYYY-MM-DD", "YYYY-MM" or "YYYY" depending on its precision, and an
// unknown date prints as "". Arithmetic goes through std::chrono.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace dyad {

enum class DatePrecision : uint8_t { unknown = 0, year, month, day };

std::string_view to_string(DatePrecision p);

struct Date {
  int year = 0;
  unsigned month = 0;  // 1-12, 0 when precision < month
  unsigned day = 0;    // 1-31, 0 when precision < day
  DatePrecision precision = DatePrecision::unknown;

  [[nodiscard]] bool known() const { return precision != DatePrecision::unknown; }
  /// "YYYY-MM-DD" / "YYYY-MM" / "YYYY" / "".
  [[nodiscard]] std::string iso() const;
  /// Days since 1970-01-01 of the first day the date covers (day precision: the day itself).
  [[nodiscard]] std::chrono::sys_days first_day() const;
  /// Days since 1970-01-01 of the last day the date covers.
  [[nodiscard]] std::chrono::sys_days last_day() const;

  static Date from_days(std::chrono::sys_days d);
  static Date ymd(int y, unsigned m, unsigned d);

  friend bool operator==(const Date&, const Date&) = default;
};

/// Parses the date forms found in article metadata and feeds:
///  ISO 8601 ("2024-05-16", "2024-05-16T09:30:00Z", "2024-05", "2024"),
///  RFC 822 / 1123 ("Thu, 16 May 2024 09:30:00 GMT"),
///  written forms ("May 16, 2024", "16 May 2024", "Sept. 3, 2021", "May 2024").
/// Returns nullopt for anything else (including impossible dates such as 2024-02-30, and a written
/// month or day of 00: "2024-00", "2024-05-00", "0 May 2024").
std::optional<Date> parse_date(std::string_view text);

/// Month number (1-12) for an English month name or abbreviation
/// ("May", "sept", "Sep."), 0 if it is not one.
unsigned month_from_name(std::string_view word);

}  // namespace dyad
