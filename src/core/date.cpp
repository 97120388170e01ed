#include "core/date.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

namespace dyad {
namespace {

using namespace std::chrono;

bool valid_ymd(int y, unsigned m, unsigned d) { return year_month_day{year{y}, month{m}, day{d}}.ok(); }

// Splits text into runs of letters, runs of digits and single other characters,
// skipping white space; enough structure for every supported date form.
struct Part {
  std::string_view text;
  bool digits = false;
  bool letters = false;
};

std::vector<Part> split_parts(std::string_view s) {
  std::vector<Part> parts;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isspace(c) != 0) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    Part p;
    if (std::isdigit(c) != 0) {
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])) != 0) ++j;
      p.digits = true;
    } else if (std::isalpha(c) != 0) {
      while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j])) != 0) ++j;
      p.letters = true;
    }
    p.text = s.substr(i, j - i);
    parts.push_back(p);
    i = j;
  }
  return parts;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

std::optional<Date> make(int y, unsigned m, unsigned d) {
  if (y < 1 || y > 9999) return std::nullopt;
  if (m == 0) return Date{y, 0, 0, DatePrecision::year};
  if (m > 12) return std::nullopt;
  if (d == 0) return Date{y, m, 0, DatePrecision::month};
  if (!valid_ymd(y, m, d)) return std::nullopt;
  return Date{y, m, d, DatePrecision::day};
}

// A date whose day is written: a day of 00 names no day (it read as the month alone), as month 00 names no month.
std::optional<Date> make_day(int y, unsigned m, unsigned d) {
  if (d == 0) return std::nullopt;
  return make(y, m, d);
}

std::optional<Date> parse_iso(std::string_view s) {
  // YYYY[-MM[-DD]][T...]
  if (s.size() < 4) return std::nullopt;
  for (size_t i = 0; i < 4; ++i)
    if (std::isdigit(static_cast<unsigned char>(s[i])) == 0) return std::nullopt;
  int y = to_int(s.substr(0, 4));
  if (s.size() == 4) return make(y, 0, 0);
  if (s[4] != '-' || s.size() < 7) return std::nullopt;
  if (std::isdigit(static_cast<unsigned char>(s[5])) == 0 || std::isdigit(static_cast<unsigned char>(s[6])) == 0)
    return std::nullopt;
  auto m = static_cast<unsigned>(to_int(s.substr(5, 2)));
  if (m == 0) return std::nullopt;  // "2024-00" names no month
  if (s.size() == 7) return make(y, m, 0);
  if (s[7] != '-' || s.size() < 10) return std::nullopt;
  if (std::isdigit(static_cast<unsigned char>(s[8])) == 0 || std::isdigit(static_cast<unsigned char>(s[9])) == 0)
    return std::nullopt;
  auto d = static_cast<unsigned>(to_int(s.substr(8, 2)));
  if (s.size() > 10 && s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
  return make_day(y, m, d);
}

}  // namespace

std::string_view to_string(DatePrecision p) {
  switch (p) {
    case DatePrecision::day:
      return "day";
    case DatePrecision::month:
      return "month";
    case DatePrecision::year:
      return "year";
    case DatePrecision::unknown:
      break;
  }
  return "unknown";
}

std::string Date::iso() const {
  // The usual case without snprintf (called several times per stored event): a four-digit year and in-range
  // month and day, formatted digit by digit; anything else (and the unknown date) takes the general path below.
  if (precision != DatePrecision::unknown && year >= 0 && year <= 9999 && month <= 99 && day <= 99) {
    const auto digit = [](unsigned v) { return static_cast<char>('0' + v % 10); };
    const auto y = static_cast<unsigned>(year);
    std::string out{digit(y / 1000), digit(y / 100), digit(y / 10), digit(y)};
    if (precision >= DatePrecision::month) {
      out += {'-', digit(month / 10), digit(month)};
      if (precision >= DatePrecision::day) out += {'-', digit(day / 10), digit(day)};
    }
    return out;
  }
  char buf[16];
  switch (precision) {
    case DatePrecision::day:
      std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, month, day);
      break;
    case DatePrecision::month:
      std::snprintf(buf, sizeof buf, "%04d-%02u", year, month);
      break;
    case DatePrecision::year:
      std::snprintf(buf, sizeof buf, "%04d", year);
      break;
    case DatePrecision::unknown:
      return {};
  }
  return buf;
}

std::chrono::sys_days Date::first_day() const {
  unsigned m = precision >= DatePrecision::month ? month : 1;
  unsigned d = precision >= DatePrecision::day ? day : 1;
  return sys_days{year_month_day{std::chrono::year{year}, std::chrono::month{m}, std::chrono::day{d}}};
}

std::chrono::sys_days Date::last_day() const {
  if (precision == DatePrecision::day) return first_day();
  if (precision == DatePrecision::month)
    return sys_days{year_month_day_last{std::chrono::year{year}, month_day_last{std::chrono::month{month}}}};
  return sys_days{year_month_day{std::chrono::year{year}, std::chrono::month{12}, std::chrono::day{31}}};
}

Date Date::from_days(std::chrono::sys_days d) {
  year_month_day ymd{d};
  return Date{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
              DatePrecision::day};
}

Date Date::ymd(int y, unsigned m, unsigned d) { return Date{y, m, d, DatePrecision::day}; }

unsigned month_from_name(std::string_view word) {
  static constexpr std::array<std::string_view, 12> names = {"january",   "february", "march",    "april",
                                                             "may",       "june",     "july",     "august",
                                                             "september", "october",  "november", "december"};
  std::string w;
  for (char c : word) {
    if (c == '.') continue;
    w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (w.size() < 3) return 0;
  if (w == "sept") return 9;
  for (unsigned i = 0; i < 12; ++i) {
    if (w == names[i]) return i + 1;
    if (w.size() == 3 && names[i].substr(0, 3) == w) return i + 1;
  }
  return 0;
}

std::optional<Date> parse_date(std::string_view text) {
  // Trim.
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (std::isdigit(static_cast<unsigned char>(text[0])) != 0) {
    if (auto d = parse_iso(text)) return d;
  }
  auto parts = split_parts(text);
  // Drop a leading weekday ("Thu," / "Thursday").
  size_t i = 0;
  static constexpr std::array<std::string_view, 7> weekdays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  if (i < parts.size() && parts[i].letters && parts[i].text.size() >= 3) {
    std::string w;
    for (char c : parts[i].text.substr(0, 3)) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (auto wd : weekdays)
      if (w == wd && month_from_name(parts[i].text) == 0) {
        ++i;
        if (i < parts.size() && parts[i].text == ",") ++i;
        break;
      }
  }
  auto at = [&](size_t k) -> const Part* { return k < parts.size() ? &parts[k] : nullptr; };
  auto skip_punct = [&](size_t k) {
    while (k < parts.size() && !parts[k].digits && !parts[k].letters && (parts[k].text == "," || parts[k].text == "."))
      ++k;
    return k;
  };
  // "16 May 2024[ ...]" (RFC 822 and British order)
  if (const Part* d = at(i); d != nullptr && d->digits && d->text.size() <= 2) {
    size_t k = skip_punct(i + 1);
    if (const Part* m = at(k); m != nullptr && m->letters) {
      unsigned mon = month_from_name(m->text);
      size_t k2 = skip_punct(k + 1);
      if (const Part* y = at(k2); mon != 0 && y != nullptr && y->digits && y->text.size() == 4)
        return make_day(to_int(y->text), mon, static_cast<unsigned>(to_int(d->text)));
    }
    return std::nullopt;
  }
  // "May 16, 2024", "Sept. 3, 2021", "May 2024"
  if (const Part* m = at(i); m != nullptr && m->letters) {
    unsigned mon = month_from_name(m->text);
    if (mon == 0) return std::nullopt;
    size_t k = skip_punct(i + 1);
    const Part* a = at(k);
    if (a == nullptr || !a->digits) return std::nullopt;
    if (a->text.size() == 4) return make(to_int(a->text), mon, 0);
    if (a->text.size() > 2) return std::nullopt;
    size_t k2 = k + 1;
    // ordinal suffix "16th"
    if (const Part* suf = at(k2); suf != nullptr && suf->letters &&
                                  (suf->text == "st" || suf->text == "nd" || suf->text == "rd" || suf->text == "th"))
      ++k2;
    k2 = skip_punct(k2);
    if (const Part* y = at(k2); y != nullptr && y->digits && y->text.size() == 4)
      return make_day(to_int(y->text), mon, static_cast<unsigned>(to_int(a->text)));
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace dyad
