// Temporal expressions over the tokens of one sentence.
//
// Design: one left-to-right pass over the sentence's tokens. At each token a
// small hand-written grammar is tried with a few tokens of look-ahead; when a
// form matches, its tokens are consumed and the scan continues after it, so
// expressions never overlap. Words are recognised by their normalised form
// (TextAnalysis::norm) through one static hash table of the closed word
// classes of English time expressions (months, weekdays, number words, "ago",
// "last", ...): these are grammar, not knowledge, so they are not data files.
//
// The grammar (optional parts in brackets; P = on|in|during|since, which
// belongs to the span):
//   [P] [early|mid|late] DEICTIC [PART]          today, yesterday morning, tonight
//   [P] [early|late] [last|next|this] WEEKDAY [PART] [, DATE]
//   [P] [early|mid|late] [last|next|this] MONTH  in March, last October, mid-May
//   [P] MONTH DAY [[,] YEAR] | DAY MONTH [YEAR]    May 16, 16 May 2024, Oct. 7
//   [P] MONTH YEAR | [P] the DAYth [of MONTH [YEAR]]
//   [P] [early|mid|late] YEAR | the 1990s | mid-2023
//   [P] [early|late|earlier|later] last|next|this week|month|year|weekend
//   N UNIT ago | N UNIT earlier|later | in N UNIT | the same|previous|next day
//   [P] the weekend | the end|start|beginning|middle of X
// Ambiguous words need context: "May"/"March"/"June"/"April"/"August" as a
// bare month must be capitalised and follow a preposition or modifier ("in
// May", "last May", "early March"), or carry a day or year ("May 16", "March
// 2023"); a day number followed by a plural noun ("May 16 people") is a count,
// not a day. A bare four-digit year needs a preposition or determiner before it.
//
// Resolution against the anchor (the article date) gives three readings:
//  - past: the latest matching date not after the anchor (2 days of slack for
//    day dates, for time zones and late publication); future: the earliest not
//    before it; unknown: the past reading unless the future one is less than
//    half as far away (news mostly reports what happened).
//  - a weekday equal to the anchor's is the anchor day in every reading unless
//    "last"/"next" is said; "this WEEKDAY" is that day of the anchor's ISO week.
//  - weeks have no precision of their own: "last week" is the month holding
//    the Thursday of that ISO week, at month precision; "the weekend" is its
//    Saturday at day precision.
//  - offsets ("two days ago", "a day later", "the next day") count from the
//    anchor; days and weeks give day precision, months month, years year.
#include "temporal/temporal.h"

#include <array>
#include <chrono>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "knowledge/word_kinds.h"

namespace dyad {
namespace {

namespace chr = std::chrono;

// ---- the closed word classes ------------------------------------------------

enum class K : uint8_t {
  none,
  month,        // value 1-12; flag kAmbiguous for words that are also common words or names
  month_abbr,   // "Oct.", "Sept": needs a day or year after it
  weekday,      // value 0-6, Sunday = 0 (C encoding)
  deictic,      // today 0, yesterday -1, tomorrow +1, tonight 0
  part_of_day,  // morning, afternoon, evening, night
  rel,          // last -1, next +1, this 0, previous -1, following +1
  unit,         // value: Unit
  number_word,  // a, an, one ... twelve, twenty ...
  edge,         // early 1, mid 2, late 3, earlier 4, later 5
  span_prep,    // on, in, during, since: kept in the span
  license,      // other words after which a bare year or an ambiguous month is a date
  ago,
  same,
  weekend,
  the,
  boundary,  // end, start, beginning, middle (of)
};

enum Unit : int { kDay = 1, kWeek, kMonth, kYear, kDecade, kFortnight };
enum Edge : int { kEarly = 1, kMid, kLate, kEarlier, kLater };
constexpr uint8_t kAmbiguous = 1;
constexpr uint8_t kPlural = 2;

struct Lex {
  K kind = K::none;
  int value = 0;
  uint8_t flags = 0;
};

struct Entry {
  std::string_view word;
  Lex lex;
};

// clang-format off
constexpr std::array kWords = {
    Entry{"january", {K::month, 1}}, Entry{"february", {K::month, 2}}, Entry{"march", {K::month, 3, kAmbiguous}},
    Entry{"april", {K::month, 4, kAmbiguous}}, Entry{"may", {K::month, 5, kAmbiguous}},
    Entry{"june", {K::month, 6, kAmbiguous}}, Entry{"july", {K::month, 7}},
    Entry{"august", {K::month, 8, kAmbiguous}}, Entry{"september", {K::month, 9}},
    Entry{"october", {K::month, 10}}, Entry{"november", {K::month, 11}}, Entry{"december", {K::month, 12}},
    Entry{"jan", {K::month_abbr, 1}}, Entry{"jan.", {K::month_abbr, 1}}, Entry{"feb", {K::month_abbr, 2}},
    Entry{"feb.", {K::month_abbr, 2}}, Entry{"mar", {K::month_abbr, 3}}, Entry{"mar.", {K::month_abbr, 3}},
    Entry{"apr", {K::month_abbr, 4}}, Entry{"apr.", {K::month_abbr, 4}}, Entry{"jun", {K::month_abbr, 6}},
    Entry{"jun.", {K::month_abbr, 6}}, Entry{"jul", {K::month_abbr, 7}}, Entry{"jul.", {K::month_abbr, 7}},
    Entry{"aug", {K::month_abbr, 8}}, Entry{"aug.", {K::month_abbr, 8}}, Entry{"sep", {K::month_abbr, 9}},
    Entry{"sep.", {K::month_abbr, 9}}, Entry{"sept", {K::month_abbr, 9}}, Entry{"sept.", {K::month_abbr, 9}},
    Entry{"oct", {K::month_abbr, 10}}, Entry{"oct.", {K::month_abbr, 10}}, Entry{"nov", {K::month_abbr, 11}},
    Entry{"nov.", {K::month_abbr, 11}}, Entry{"dec", {K::month_abbr, 12}}, Entry{"dec.", {K::month_abbr, 12}},
    Entry{"sunday", {K::weekday, 0}}, Entry{"monday", {K::weekday, 1}}, Entry{"tuesday", {K::weekday, 2}},
    Entry{"wednesday", {K::weekday, 3}}, Entry{"thursday", {K::weekday, 4}}, Entry{"friday", {K::weekday, 5}},
    Entry{"saturday", {K::weekday, 6}},
    Entry{"sun.", {K::weekday, 0}}, Entry{"mon.", {K::weekday, 1}}, Entry{"tue.", {K::weekday, 2}},
    Entry{"tues.", {K::weekday, 2}}, Entry{"wed.", {K::weekday, 3}}, Entry{"thu.", {K::weekday, 4}},
    Entry{"thur.", {K::weekday, 4}}, Entry{"thurs.", {K::weekday, 4}}, Entry{"fri.", {K::weekday, 5}},
    Entry{"sat.", {K::weekday, 6}},
    Entry{"today", {K::deictic, 0}}, Entry{"tonight", {K::deictic, 0}}, Entry{"yesterday", {K::deictic, -1}},
    Entry{"tomorrow", {K::deictic, 1}},
    Entry{"morning", {K::part_of_day}}, Entry{"afternoon", {K::part_of_day}}, Entry{"evening", {K::part_of_day}},
    Entry{"night", {K::part_of_day}},
    Entry{"last", {K::rel, -1}}, Entry{"next", {K::rel, 1}}, Entry{"this", {K::rel, 0}},
    Entry{"previous", {K::rel, -1}}, Entry{"following", {K::rel, 1}},
    Entry{"day", {K::unit, kDay}}, Entry{"days", {K::unit, kDay, kPlural}}, Entry{"week", {K::unit, kWeek}},
    Entry{"weeks", {K::unit, kWeek, kPlural}}, Entry{"month", {K::unit, kMonth}},
    Entry{"months", {K::unit, kMonth, kPlural}}, Entry{"year", {K::unit, kYear}},
    Entry{"years", {K::unit, kYear, kPlural}}, Entry{"decade", {K::unit, kDecade}},
    Entry{"decades", {K::unit, kDecade, kPlural}}, Entry{"fortnight", {K::unit, kFortnight}},
    Entry{"a", {K::number_word, 1}}, Entry{"an", {K::number_word, 1}}, Entry{"one", {K::number_word, 1}},
    Entry{"two", {K::number_word, 2}}, Entry{"three", {K::number_word, 3}}, Entry{"four", {K::number_word, 4}},
    Entry{"five", {K::number_word, 5}}, Entry{"six", {K::number_word, 6}}, Entry{"seven", {K::number_word, 7}},
    Entry{"eight", {K::number_word, 8}}, Entry{"nine", {K::number_word, 9}}, Entry{"ten", {K::number_word, 10}},
    Entry{"eleven", {K::number_word, 11}}, Entry{"twelve", {K::number_word, 12}},
    Entry{"fifteen", {K::number_word, 15}}, Entry{"twenty", {K::number_word, 20}},
    Entry{"thirty", {K::number_word, 30}},
    Entry{"early", {K::edge, kEarly}}, Entry{"mid", {K::edge, kMid}}, Entry{"late", {K::edge, kLate}},
    Entry{"earlier", {K::edge, kEarlier}}, Entry{"later", {K::edge, kLater}},
    Entry{"on", {K::span_prep}}, Entry{"in", {K::span_prep}}, Entry{"during", {K::span_prep}},
    Entry{"since", {K::span_prep}},
    Entry{"until", {K::license}}, Entry{"till", {K::license}}, Entry{"by", {K::license}},
    Entry{"from", {K::license}}, Entry{"of", {K::license}}, Entry{"through", {K::license}},
    Entry{"throughout", {K::license}}, Entry{"before", {K::license}}, Entry{"after", {K::license}},
    Entry{"between", {K::license}}, Entry{"to", {K::license}}, Entry{"and", {K::license}},
    Entry{"around", {K::license}}, Entry{"circa", {K::license}},
    Entry{"ago", {K::ago}}, Entry{"same", {K::same}}, Entry{"weekend", {K::weekend}}, Entry{"the", {K::the}},
    Entry{"end", {K::boundary}}, Entry{"start", {K::boundary}}, Entry{"beginning", {K::boundary}},
    Entry{"middle", {K::boundary}},
};
// clang-format on

// Words after which a bare year or an ambiguous month name may still be a date.
constexpr std::array<std::string_view, 8> kDeterminers = {"the", "its", "his", "her", "their", "our", "my", "your"};

// Lower-case words ending in "s" that are not plural nouns ("May 16 was ...").
constexpr std::array<std::string_view, 16> kNotPlural = {"was",    "is",      "has",    "as",     "this",    "its",
                                                         "his",    "us",      "thus",   "plus",   "whereas", "always",
                                                         "unless", "perhaps", "across", "towards"};
// The next of a list whose first is recurring is recurring too ("every Monday and Thursday"). The words that
// make a time recurring ("every", "weekly") are data: RecurrenceWords, data/temporal/recurrence.tsv.
constexpr std::array<std::string_view, 3> kListJoin = {"and", "or", ","};

// Irregular plurals (as word endings) that count people ("May 16 people", "1709 schoolchildren").
constexpr std::array<std::string_view, 5> kPluralNouns = {"people", "men", "children", "police", "personnel"};

const std::unordered_map<std::string_view, Lex>& lexicon() {
  static const std::unordered_map<std::string_view, Lex> table = [] {
    std::unordered_map<std::string_view, Lex> t;
    t.reserve(kWords.size() * 2);
    for (const Entry& e : kWords) t.emplace(e.word, e.lex);
    return t;
  }();
  return table;
}

// A cheap pre-check before hashing: which lengths (bit n = length n, < 32) the
// lexicon's words have for each first byte. Most tokens fail it.
struct Prefilter {
  std::array<uint32_t, 256> lengths{};
  Prefilter() {
    for (const Entry& e : kWords) lengths[static_cast<unsigned char>(e.word[0])] |= 1U << e.word.size();
  }
  [[nodiscard]] bool may_contain(std::string_view w) const {
    return !w.empty() && w.size() < 32 && (lengths[static_cast<unsigned char>(w[0])] & (1U << w.size())) != 0;
  }
};

const Prefilter& prefilter() {
  static const Prefilter p;
  return p;
}

template <size_t N>
bool one_of(std::string_view w, const std::array<std::string_view, N>& set) {
  for (std::string_view s : set)
    if (s == w) return true;
  return false;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// ---- calendar helpers ------------------------------------------------------

using Days = chr::sys_days;

Days days_of(int y, unsigned m, unsigned d) { return Days{chr::year{y} / chr::month{m} / chr::day{d}}; }
bool valid(int y, unsigned m, unsigned d) { return (chr::year{y} / chr::month{m} / chr::day{d}).ok(); }

Date day_date(Days d) { return Date::from_days(d); }
Date month_date(int y, int m) {
  int total = y * 12 + (m - 1);
  int yy = total >= 0 ? total / 12 : (total - 11) / 12;
  return Date{yy, static_cast<unsigned>(total - yy * 12 + 1), 0, DatePrecision::month};
}
Date year_date(int y) { return Date{y, 0, 0, DatePrecision::year}; }

unsigned weekday_of(Days d) { return chr::weekday{d}.c_encoding(); }

// Days back from `from` to the latest `wd` on or before it (0-6), and forward to the next on or after it.
int days_back(Days from, unsigned wd) { return static_cast<int>((chr::weekday{from} - chr::weekday{wd}).count()); }
int days_fwd(Days from, unsigned wd) { return static_cast<int>((chr::weekday{wd} - chr::weekday{from}).count()); }

Days monday_of(Days d) { return d - chr::days{days_back(d, 1)}; }

// A week as a Date: the month holding the week's Thursday (the ISO convention), month precision.
Date week_date(Days any_day) {
  Date thursday = day_date(monday_of(any_day) + chr::days{3});
  return Date{thursday.year, thursday.month, 0, DatePrecision::month};
}

// The three readings of an expression.
struct Readings {
  Date past, future, unknown;
  bool absolute = false;
};

Readings same(Date d, bool absolute = false) { return Readings{d, d, d, absolute}; }

// Unknown tense: the past reading unless the future one is less than half as far from the anchor.
Readings choose(Date past, Date future, Days anchor) {
  Readings r{past, future, past, false};
  if (past == future) return r;
  auto back = (anchor - past.first_day()).count();
  auto fwd = (future.first_day() - anchor).count();
  if (back < 0) back = -back;
  if (fwd < 0) fwd = -fwd;
  if (2 * fwd < back) r.unknown = future;
  return r;
}

constexpr int kSlackDays = 2;

// ---- the matcher -------------------------------------------------------------

struct Match {
  uint32_t end = 0;  // one past the last token
  Readings readings;
  const char* rule = "";
};

class Matcher {
 public:
  Matcher(const TextAnalysis& text, uint32_t begin, uint32_t end, const Date& anchor, const RecurrenceWords& recurrence)
      : text_(text), recurrence_(recurrence), b_(begin), e_(end), anchor_(anchor) {
    if (anchor.precision == DatePrecision::day) day_ = days_of(anchor.year, anchor.month, anchor.day);
  }

  void run(std::vector<TimeExpression>& out) {
    uint32_t i = b_;
    while (i < e_) {
      TimeExpression t;
      if (match_at(i, t)) {
        i = t.token_end;
        last_end_ = t.token_end;
        last_recurring_ = t.recurring;
        out.push_back(std::move(t));
      } else {
        ++i;
      }
    }
  }

 private:
  const TextAnalysis& text_;
  const RecurrenceWords& recurrence_;
  uint32_t b_, e_;
  Date anchor_;
  std::optional<Days> day_;
  uint32_t last_end_ = UINT32_MAX;  // token after the previous expression
  bool last_recurring_ = false;     // the previous expression was recurring
  mutable int lower_ = -1;          // lower_case_sentence(), -1 until computed
  mutable std::array<std::pair<uint32_t, Lex>, 16> memo_ = make_memo();

  static std::array<std::pair<uint32_t, Lex>, 16> make_memo() {
    std::array<std::pair<uint32_t, Lex>, 16> m;
    m.fill({UINT32_MAX, Lex{}});
    return m;
  }

  // -- token access (all safe past the sentence end) --
  [[nodiscard]] bool in(uint32_t i) const { return i < e_; }
  [[nodiscard]] std::string_view norm(uint32_t i) const { return in(i) ? text_.norm(text_.tokens[i]) : ""; }
  [[nodiscard]] const Token* tok(uint32_t i) const { return in(i) ? &text_.tokens[i] : nullptr; }
  [[nodiscard]] bool cap(uint32_t i) const {
    const Token* t = tok(i);
    return t != nullptr && (t->capitalized || t->all_caps);
  }
  // A month or weekday name written as one: capitalised, or in a sentence written all in lower case.
  [[nodiscard]] bool name_case(uint32_t i) const { return cap(i) || (in(i) && lower_case_sentence()); }
  // True when no word of the sentence is capitalised (lower-cased input); computed on first use.
  [[nodiscard]] bool lower_case_sentence() const {
    if (lower_ < 0) {
      uint32_t words = 0;
      bool any_cap = false;
      for (uint32_t k = b_; k < e_ && !any_cap; ++k) {
        const Token& t = text_.tokens[k];
        if (t.kind != TokenKind::word) continue;
        ++words;
        any_cap = t.capitalized || t.all_caps;
      }
      lower_ = !any_cap && words >= 3 ? 1 : 0;
    }
    return lower_ == 1;
  }
  [[nodiscard]] bool is_word(uint32_t i) const { return in(i) && text_.tokens[i].kind == TokenKind::word; }
  // lex() with a small direct-mapped memo: the grammar looks at each token several times.
  [[nodiscard]] Lex lex(uint32_t i) const {
    auto& slot = memo_[i % memo_.size()];
    if (slot.first != i) slot = {i, lookup(i)};
    return slot.second;
  }
  [[nodiscard]] Lex lookup(uint32_t i) const {
    std::string_view w = norm(i);
    const Prefilter& pre = prefilter();
    const auto& table = lexicon();
    if (pre.may_contain(w)) {
      auto it = table.find(w);
      if (it != table.end()) return it->second;
    }
    // "Thursday's", "yesterday's": the possessive of a day word is still that day.
    if (w.size() > 2 && w.ends_with("'s") && pre.may_contain(w.substr(0, w.size() - 2))) {
      auto it = table.find(w.substr(0, w.size() - 2));
      if (it != table.end() && (it->second.kind == K::weekday || it->second.kind == K::deictic)) return it->second;
    }
    return {};
  }
  [[nodiscard]] K kind(uint32_t i) const { return lex(i).kind; }

  // 1-31 for "16" or "16th"; 0 otherwise.
  [[nodiscard]] int day_number(uint32_t i, bool* ordinal = nullptr) const {
    const Token* t = tok(i);
    if (t == nullptr) return 0;
    std::string_view w = norm(i);
    bool ord = false;
    if (t->kind == TokenKind::word && w.size() >= 3 && w.size() <= 4) {
      std::string_view suffix = w.substr(w.size() - 2);
      if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return 0;
      w = w.substr(0, w.size() - 2);
      ord = true;
    } else if (t->kind != TokenKind::number) {
      return 0;
    }
    if (w.size() > 2 || !all_digits(w)) return 0;
    int d = to_int(w);
    if (d < 1 || d > 31) return 0;
    if (ordinal != nullptr) *ordinal = ord;
    return d;
  }

  // A four-digit year written as a plain number; 0 otherwise.
  [[nodiscard]] int year_number(uint32_t i, int lo = 1000, int hi = 2999) const {
    const Token* t = tok(i);
    if (t == nullptr || t->kind != TokenKind::number) return 0;
    std::string_view w = norm(i);
    if (w.size() != 4 || !all_digits(w)) return 0;
    int y = to_int(w);
    return y >= lo && y <= hi ? y : 0;
  }

  // The token after a day number counts something ("May 16 people"): then it is no day.
  [[nodiscard]] bool counts_after(uint32_t i) const {
    if (!is_word(i) || cap(i)) return false;
    std::string_view w = norm(i);
    for (std::string_view p : kPluralNouns)
      if (w.ends_with(p)) return true;  // "schoolchildren", "policemen"
    return w.size() > 2 && w.back() == 's' && !one_of(w, kNotPlural) && kind(i) == K::none;
  }

  // Month word at i (full name, capitalised; or an abbreviation): month number, else 0.
  [[nodiscard]] int month_at(uint32_t i, bool* abbr = nullptr, bool* ambiguous = nullptr) const {
    Lex l = lex(i);
    if ((l.kind != K::month && l.kind != K::month_abbr) || !name_case(i)) return 0;
    if (abbr != nullptr) *abbr = l.kind == K::month_abbr;
    if (ambiguous != nullptr) *ambiguous = (l.flags & kAmbiguous) != 0;
    return l.value;
  }

  // "mid-may", "mid-2023": value after "mid-".
  [[nodiscard]] std::string_view mid_hyphen(uint32_t i) const {
    std::string_view w = norm(i);
    if (!is_word(i) || !w.starts_with("mid-")) return {};
    return w.substr(4);
  }

  // -- resolution helpers --
  [[nodiscard]] bool has_month() const { return anchor_.precision >= DatePrecision::month; }
  [[nodiscard]] bool has_year() const { return anchor_.precision >= DatePrecision::year; }

  static Readings unresolved() { return Readings{}; }

  [[nodiscard]] Readings resolve_offset_days(int days) const {
    if (!day_) return unresolved();
    return same(day_date(*day_ + chr::days{days}));
  }

  [[nodiscard]] Readings resolve_weekday(unsigned wd, int rel, bool has_rel) const {
    if (!day_) return unresolved();
    Days a = *day_;
    int back = days_back(a, wd);
    int fwd = days_fwd(a, wd);
    if (has_rel && rel < 0) return same(day_date(a - chr::days{back == 0 ? 7 : back}));
    if (has_rel && rel > 0) return same(day_date(a + chr::days{fwd == 0 ? 7 : fwd}));
    if (has_rel) return same(day_date(monday_of(a) + chr::days{(wd + 6) % 7}));  // "this": ISO week, Monday first
    if (back == 0) return same(day_date(a));
    return choose(day_date(a - chr::days{back}), day_date(a + chr::days{fwd}), a);
  }

  [[nodiscard]] Readings resolve_month(int m, int rel, bool has_rel) const {
    if (!has_month()) {
      if (has_rel && rel == 0 && has_year()) return same(month_date(anchor_.year, m));
      return unresolved();
    }
    int ay = anchor_.year;
    int am = static_cast<int>(anchor_.month);
    if (has_rel && rel < 0) return same(month_date(m < am ? ay : ay - 1, m));
    if (has_rel && rel > 0) return same(month_date(m > am ? ay : ay + 1, m));
    if (has_rel || m == am) return same(month_date(ay, m));
    Date past = month_date(m < am ? ay : ay - 1, m);
    Date future = month_date(m > am ? ay : ay + 1, m);
    return choose(past, future, days_of(ay, static_cast<unsigned>(am), anchor_.day == 0 ? 1 : anchor_.day));
  }

  // A day and month without a year.
  [[nodiscard]] Readings resolve_month_day(int m, int d) const {
    if (!day_) return unresolved();
    Days a = *day_;
    auto um = static_cast<unsigned>(m);
    auto ud = static_cast<unsigned>(d);
    std::optional<Date> past, future;
    for (int y = anchor_.year; y >= anchor_.year - 8 && !past; --y)
      if (valid(y, um, ud) && days_of(y, um, ud) <= a + chr::days{kSlackDays}) past = Date::ymd(y, um, ud);
    for (int y = anchor_.year; y <= anchor_.year + 8 && !future; ++y)
      if (valid(y, um, ud) && days_of(y, um, ud) >= a - chr::days{kSlackDays}) future = Date::ymd(y, um, ud);
    if (!past || !future) return unresolved();
    return choose(*past, *future, a);
  }

  // "the 16th": a day of the anchor's month (or a neighbouring one).
  [[nodiscard]] Readings resolve_day_of_month(int d) const {
    if (!day_) return unresolved();
    Days a = *day_;
    auto ud = static_cast<unsigned>(d);
    std::optional<Date> past, future;
    for (int k = 0; k < 24 && !past; ++k) {
      Date m = month_date(anchor_.year, static_cast<int>(anchor_.month) - k);
      if (valid(m.year, m.month, ud) && days_of(m.year, m.month, ud) <= a + chr::days{kSlackDays})
        past = Date::ymd(m.year, m.month, ud);
    }
    for (int k = 0; k < 24 && !future; ++k) {
      Date m = month_date(anchor_.year, static_cast<int>(anchor_.month) + k);
      if (valid(m.year, m.month, ud) && days_of(m.year, m.month, ud) >= a - chr::days{kSlackDays})
        future = Date::ymd(m.year, m.month, ud);
    }
    if (!past || !future) return unresolved();
    return choose(*past, *future, a);
  }

  // "last week", "this month", "next year", "N months ago" (offset = rel * n).
  [[nodiscard]] Readings resolve_unit(int unit, int offset) const {
    switch (unit) {
      case kDay:
        return resolve_offset_days(offset);
      case kWeek:
        if (!day_) return unresolved();
        return same(week_date(*day_ + chr::days{7 * offset}));
      case kFortnight:
        if (!day_) return unresolved();
        return same(week_date(*day_ + chr::days{14 * offset}));
      case kMonth:
        if (!has_month()) return unresolved();
        return same(month_date(anchor_.year, static_cast<int>(anchor_.month) + offset));
      case kYear:
        if (!has_year()) return unresolved();
        return same(year_date(anchor_.year + offset));
      case kDecade:
        if (!has_year()) return unresolved();
        return same(year_date(anchor_.year + 10 * offset));
      default:
        return unresolved();
    }
  }

  // Offsets in days/weeks give day precision ("two weeks ago" = 14 days before).
  [[nodiscard]] Readings resolve_count(int unit, int n) const {
    if (unit == kWeek) return resolve_offset_days(7 * n);
    if (unit == kFortnight) return resolve_offset_days(14 * n);
    return resolve_unit(unit, n);
  }

  [[nodiscard]] Readings resolve_weekend(int rel, bool has_rel) const {
    if (!day_) return unresolved();
    Days a = *day_;
    Days saturday = monday_of(a) + chr::days{5};  // this ISO week's Saturday
    if (has_rel && rel < 0) return same(day_date(saturday - chr::days{7}));
    if (has_rel && rel > 0) return same(day_date(saturday + chr::days{7}));
    if (has_rel || weekday_of(a) == 6 || weekday_of(a) == 0) return same(day_date(saturday));
    return choose(day_date(saturday - chr::days{7}), day_date(saturday), a);
  }

  // -- the grammar --

  // A count before a unit: "two", "16", "a".
  [[nodiscard]] int count_at(uint32_t i) const {
    Lex l = lex(i);
    if (l.kind == K::number_word) return l.value;
    const Token* t = tok(i);
    if (t != nullptr && t->kind == TokenKind::number) {
      std::string_view w = norm(i);
      if (w.size() <= 3 && all_digits(w)) return to_int(w);
    }
    return 0;
  }

  // MONTH [DAY [[,] YEAR] | YEAR], DAY MONTH [YEAR], mid-MONTH at i. `licensed` says
  // a preposition or modifier came before (needed for a bare ambiguous month).
  bool match_month(uint32_t i, bool licensed, int rel, bool has_rel, Match& m) const {
    bool abbr = false;
    bool ambiguous = false;
    if (int month = month_at(i, &abbr, &ambiguous); month != 0) {
      if (!has_rel) {
        bool ordinal = false;
        if (int d = day_number(i + 1, &ordinal); d != 0 && !counts_after(i + 2)) {
          uint32_t k = i + 2;
          int y = year_number(k);
          if (y == 0 && norm(k) == ",") {
            y = year_number(k + 1);
            if (y != 0) ++k;
          }
          if (y != 0) {
            if (!valid(y, static_cast<unsigned>(month), static_cast<unsigned>(d))) return false;
            m = Match{k + 1, same(Date::ymd(y, static_cast<unsigned>(month), static_cast<unsigned>(d)), true), "date"};
            return true;
          }
          if (!valid(2000, static_cast<unsigned>(month), static_cast<unsigned>(d))) return false;  // any leap year
          m = Match{i + 2, resolve_month_day(month, d), "month-day"};
          return true;
        }
        if (int y = year_number(i + 1); y != 0) {
          m = Match{i + 2, same(month_date(y, month), true), "month-year"};
          return true;
        }
        if (int y = norm(i + 1) == "," ? year_number(i + 2) : 0; y != 0 && !in_count(i + 3)) {  // "January, 1998"
          m = Match{i + 3, same(month_date(y, month), true), "month-year"};
          return true;
        }
      }
      if (abbr || (ambiguous && !licensed && !has_rel)) return false;
      m = Match{i + 1, resolve_month(month, rel, has_rel), "month"};
      return true;
    }
    if (has_rel) return false;
    // mid-May
    if (std::string_view rest = mid_hyphen(i); !rest.empty()) {
      Lex l = lexicon().contains(rest) ? lexicon().at(rest) : Lex{};
      if (l.kind == K::month) {
        m = Match{i + 1, resolve_month(l.value, 0, false), "month"};
        return true;
      }
      return false;
    }
    // 16 May [2024], 16th May
    if (int d = day_number(i); d != 0) {
      int month = month_at(i + 1);
      if (month == 0 || !valid(2000, static_cast<unsigned>(month), static_cast<unsigned>(d))) return false;
      if (int y = year_number(i + 2); y != 0) {
        if (!valid(y, static_cast<unsigned>(month), static_cast<unsigned>(d))) return false;
        m = Match{i + 3, same(Date::ymd(y, static_cast<unsigned>(month), static_cast<unsigned>(d)), true), "date"};
        return true;
      }
      m = Match{i + 2, resolve_month_day(month, d), "month-day"};
      return true;
    }
    return false;
  }

  // The token at i continues a number ("2,000") or counts something ("1709 schoolchildren").
  [[nodiscard]] bool in_count(uint32_t i) const {
    std::string_view next = norm(i);
    return next == "%" || next == "percent" || next == "per" || (in(i) && tok(i)->kind == TokenKind::number) ||
           counts_after(i);
  }

  // A bare year, "mid-2023", "1990s" at i. `licensed`: after a preposition (then a
  // plural noun after it makes it a count: "of 1709 schoolchildren"); `year_ok`:
  // after a determiner or possessive ("the 1969 riots").
  bool match_year(uint32_t i, bool licensed, bool year_ok, Match& m) const {
    if (std::string_view rest = mid_hyphen(i); rest.size() == 4 && all_digits(rest)) {
      m = Match{i + 1, same(year_date(to_int(rest)), true), "year"};
      return true;
    }
    std::string_view w = norm(i);
    if (is_word(i) && w.size() == 5 && w[4] == 's' && w[3] == '0' && all_digits(w.substr(0, 4))) {
      m = Match{i + 1, same(year_date(to_int(w.substr(0, 4))), true), "decade"};
      return true;
    }
    int y = year_number(i, 1700, 2199);
    if (y == 0 || !(licensed || year_ok)) return false;
    if (licensed ? in_count(i + 1) : in_count(i + 1) && !counts_after(i + 1)) return false;
    m = Match{i + 1, same(year_date(y), true), "year"};
    return true;
  }

  // Everything that may follow the optional preposition and edge word.
  // `licensed`: a preposition or modifier came before (an ambiguous month may be one);
  // `year_ok`: a bare year may be one (also after a determiner or possessive).
  bool match_core(uint32_t i, bool licensed, bool year_ok, bool after_in, Match& m) const {
    Lex l = lex(i);
    // today, yesterday morning, tonight
    if (l.kind == K::deictic) {
      uint32_t end = i + 1;
      if (kind(end) == K::part_of_day) ++end;
      m = Match{end, resolve_offset_days(l.value), "deictic"};
      return true;
    }
    // Thursday [night] [, May 16[, 2024]]
    if (l.kind == K::weekday && name_case(i)) {
      // A weekday in a name: "The Sunday Times", "Bloody Sunday", "Good Friday".
      if (!licensed && ((is_word(i + 1) && cap(i + 1) && month_at(i + 1) == 0 && kind(i + 1) != K::part_of_day) ||
                        (i > b_ && is_word(i - 1) && cap(i - 1)))) {
        return false;
      }
      uint32_t end = i + 1;
      if (kind(end) == K::part_of_day) ++end;
      uint32_t k = norm(end) == "," ? end + 1 : end;
      Match date;
      if (match_month(k, true, 0, false, date) && date.readings.past.precision == DatePrecision::day) {
        m = Match{date.end, date.readings, date.rule};
        return true;
      }
      m = Match{end, resolve_weekday(static_cast<unsigned>(l.value), 0, false), "weekday"};
      return true;
    }
    // last/next/this ...
    if (l.kind == K::rel && (l.value != 0 || norm(i) == "this") && norm(i) != "previous" && norm(i) != "following") {
      int rel = l.value;
      uint32_t k = i + 1;
      if (norm(i) == "this" && (norm(k) == "past" || norm(k) == "coming")) {
        rel = norm(k) == "past" ? -1 : 1;
        ++k;
      }
      Lex n = lex(k);
      if (n.kind == K::weekday && name_case(k)) {
        uint32_t end = k + 1;
        if (kind(end) == K::part_of_day) ++end;
        m = Match{end, resolve_weekday(static_cast<unsigned>(n.value), rel, true), "weekday"};
        return true;
      }
      if (n.kind == K::part_of_day) {
        // "last night" is yesterday's; "this morning" today's.
        if (rel > 0) return false;
        m = Match{k + 1, resolve_offset_days(rel < 0 && norm(k) == "night" ? -1 : 0), "deictic"};
        return rel == 0 || norm(k) == "night";
      }
      if (n.kind == K::weekend) {
        m = Match{k + 1, resolve_weekend(rel, true), "weekend"};
        return true;
      }
      if (n.kind == K::unit && (n.flags & kPlural) == 0 && n.value != kDay) {
        m = Match{k + 1, resolve_unit(n.value, rel), "relative-unit"};
        return true;
      }
      return match_month(k, true, rel, true, m);
    }
    if (l.kind == K::the) {
      Lex n = lex(i + 1);
      // the weekend
      if (n.kind == K::weekend) {
        m = Match{i + 2, resolve_weekend(0, false), "weekend"};
        return true;
      }
      // the same day / the previous day / the next day / the following day
      if ((n.kind == K::same || n.kind == K::rel) && norm(i + 2) == "day" && norm(i + 1) != "this" &&
          norm(i + 1) != "last") {
        m = Match{i + 3, resolve_offset_days(n.kind == K::same ? 0 : n.value),
                  n.kind == K::same ? "same-day" : "offset"};
        return true;
      }
      // the day before yesterday / the day after tomorrow
      if (norm(i + 1) == "day" && ((norm(i + 2) == "before" && norm(i + 3) == "yesterday") ||
                                   (norm(i + 2) == "after" && norm(i + 3) == "tomorrow"))) {
        m = Match{i + 4, resolve_offset_days(norm(i + 2) == "before" ? -2 : 2), "deictic"};
        return true;
      }
      // the end/start/beginning/middle of X
      if (n.kind == K::boundary && norm(i + 2) == "of") {
        uint32_t k = i + 3;
        if (norm(k) == "the" && kind(k + 1) == K::unit && (lex(k + 1).flags & kPlural) == 0) {
          m = Match{k + 2, resolve_unit(lex(k + 1).value, 0), "relative-unit"};
          return true;
        }
        return match_core(k, true, true, false, m);
      }
      // the 16th [of May [2024]]
      bool ordinal = false;
      if (int d = day_number(i + 1, &ordinal); d != 0 && ordinal) {
        if (norm(i + 2) == "of") {
          if (int month = month_at(i + 3); month != 0) {
            if (!valid(2000, static_cast<unsigned>(month), static_cast<unsigned>(d))) return false;
            if (int y = year_number(i + 4); y != 0) {
              if (!valid(y, static_cast<unsigned>(month), static_cast<unsigned>(d))) return false;
              m = Match{i + 5, same(Date::ymd(y, static_cast<unsigned>(month), static_cast<unsigned>(d)), true),
                        "date"};
              return true;
            }
            m = Match{i + 4, resolve_month_day(month, d), "month-day"};
            return true;
          }
          return false;
        }
        if (is_word(i + 2) || (in(i + 2) && tok(i + 2)->kind == TokenKind::number)) return false;
        m = Match{i + 2, resolve_day_of_month(d), "day-of-month"};
        return true;
      }
      // the 1990s
      return match_year(i + 1, false, false, m) && m.rule == std::string_view("decade");
    }
    // N unit ago / N unit earlier|later / in N unit
    if (int n = count_at(i); n != 0) {
      Lex u = lex(i + 1);
      bool plural = (u.flags & kPlural) != 0;
      if (u.kind == K::unit && plural == (n != 1)) {
        Lex after = lex(i + 2);
        if (after.kind == K::ago) {
          m = Match{i + 3, resolve_count(u.value, -n), "ago"};
          return true;
        }
        if (after.kind == K::edge && (after.value == kEarlier || after.value == kLater)) {
          m = Match{i + 3, resolve_count(u.value, after.value == kEarlier ? -n : n), "offset"};
          return true;
        }
        // "in two weeks"; not "in a month", "in two weeks of talks", "the first time in 10 years".
        if (after_in && n > 1) {
          std::string_view before = i >= b_ + 2 ? norm(i - 2) : std::string_view{};
          if (norm(i + 2) == "of" || norm(i + 2) == "'s" || norm(i + 2) == "'" || before == "time" ||
              before == "times" || before == "first" || before == "once" || before == "twice")
            return false;
          Readings r = resolve_count(u.value, n);
          r.past = Date{};  // in a past clause "in two weeks" is a duration
          r.unknown = r.future;
          m = Match{i + 2, r, "in-offset"};
          return true;
        }
      }
    }
    if (match_month(i, licensed, 0, false, m)) return true;
    return match_year(i, licensed, year_ok, m);
  }

  bool match_at(uint32_t i, TimeExpression& out) const {
    // Fast reject: an expression starts with a word of the lexicon, a number,
    // a digit-initial word ("16th", "1990s") or "mid-".
    Lex first = lex(i);
    switch (first.kind) {
      case K::license:
      case K::part_of_day:
      case K::unit:
      case K::ago:
      case K::same:
      case K::weekend:
      case K::boundary:
        return false;  // never the first word of an expression
      default:
        break;
    }
    if (first.kind == K::none) {
      const Token& t = text_.tokens[i];
      std::string_view w = norm(i);
      bool candidate = t.kind == TokenKind::number || (t.kind == TokenKind::word && !w.empty() &&
                                                       ((w[0] >= '0' && w[0] <= '9') || w.starts_with("mid-")));
      if (!candidate) return false;
    }
    uint32_t j = i;
    bool prep = first.kind == K::span_prep;
    if (prep) ++j;
    bool licensed = prep;
    bool year_ok = false;
    if (!licensed && i > b_) {
      K before = kind(i - 1);
      std::string_view w = norm(i - 1);
      licensed = before == K::license || before == K::span_prep;
      // "between 2020 and 2022", "from March to May": only right after another expression.
      if (w == "and" || w == "to" || w == "or") licensed = last_end_ == i - 1;
      year_ok = one_of(w, kDeterminers) || w.ends_with("'s");
    }
    // "the last week", "the next year": a span of time, not a date ("the next day" is matched at "the").
    if (first.kind == K::rel && i > b_ && norm(i - 1) == "the") return false;
    // early/mid/late ..., earlier/later this ... | today
    Lex e = lex(j);
    uint32_t core = j;
    if (e.kind == K::edge) {
      std::string_view next = norm(j + 1);
      bool ok = e.value <= kLate || next == "this" || next == "today" || next == "tonight";
      if (!ok) {
        if (!prep) return false;
      } else {
        core = j + 1;
        licensed = true;
      }
    }
    Match m;
    if (!match_core(core, licensed, year_ok, norm(i) == "in" && core == j, m)) return false;
    const Token& a = text_.tokens[i];
    const Token& z = text_.tokens[m.end - 1];
    out.first_token = i;
    out.token_end = m.end;
    out.span = Span{a.span.offset, z.span.end() - a.span.offset};
    out.if_past = m.readings.past;
    out.if_future = m.readings.future;
    out.if_unknown = m.readings.unknown;
    out.absolute = m.readings.absolute;
    out.rule = m.rule;
    out.since = norm(i) == "since";
    out.recurring = recurring(i, m.end);
    return true;
  }

  // The frequency word at k (before an expression) is a noun, a newspaper (data/temporal/recurrence.tsv):
  // right after a determiner or a possessive ("a weekly", "the daily", "Kenya's daily"), or with one word
  // between when a paper preposition stands before the determiner ("an editor of the business daily",
  // "at the pro-government daily", "of the Izvestia daily", "of the country's largest daily"). Else the
  // word is the adverb: "the unions march weekly", "meets the envoy weekly", "calls Zelensky weekly".
  [[nodiscard]] bool frequency_noun(uint32_t k) const {
    const RecurrenceWords& r = recurrence_;
    const auto word = [&](uint32_t d) { return tok(d) != nullptr && tok(d)->kind == TokenKind::word; };
    const auto determiner = [&](uint32_t d) { return word(d) && (r.determiner(norm(d)) || norm(d).ends_with("'s")); };
    if (k <= b_ || !word(k - 1)) return false;
    if (determiner(k - 1)) return true;
    if (k - 1 <= b_ || !determiner(k - 2)) return false;
    uint32_t d = k - 2;
    if (norm(d).ends_with("'s") && d > b_ && r.determiner(norm(d - 1))) --d;  // "the country's"
    return d > b_ && r.paper_preposition(norm(d - 1));
  }

  // The expression on tokens [i, end) names a recurring time, no single date: "every Monday",
  // "each other Friday", "every week on Monday", "on Monday every week", "weekly on Friday", or
  // the next of a list whose first is recurring ("every Monday and Thursday").
  [[nodiscard]] bool recurring(uint32_t i, uint32_t end) const {
    const RecurrenceWords& r = recurrence_;
    auto every_unit = [&](uint32_t k) { return r.every(norm(k)) && kind(k + 1) == K::unit; };
    // not "the two sides each on Monday said ...": "every"/"each" right before a preposition is no recurrence
    if (i > b_ && r.every(norm(i - 1)) && kind(i) != K::span_prep) return true;
    if (i > b_ && r.frequency(norm(i - 1)) && !frequency_noun(i - 1)) return true;
    if (i > b_ + 1 && r.every_nth(norm(i - 2), norm(i - 1))) return true;
    if (i > b_ + 1 && every_unit(i - 2)) return true;
    if (r.frequency(norm(end)) || every_unit(end)) return true;
    return last_recurring_ && i > b_ && last_end_ == i - 1 && one_of(norm(i - 1), kListJoin);
  }
};

}  // namespace

bool weekday_name(std::string_view w) {
  auto it = lexicon().find(w);
  return it != lexicon().end() && it->second.kind == K::weekday && !w.ends_with('.');
}

namespace {
std::array<WordKind, 5> kinds_of(WordSet& every, WordSet& every_nth, WordSet& frequency, WordSet& determiner,
                                 WordSet& paper_preposition) {
  return {{{"every", &every, WordShape::word},
           {"every_nth", &every_nth, WordShape::phrase},
           {"frequency", &frequency, WordShape::word},
           {"determiner", &determiner, WordShape::word},
           {"paper_preposition", &paper_preposition, WordShape::word}}};
}
}  // namespace

Result<RecurrenceWords> RecurrenceWords::load(const std::string& data_dir) {
  RecurrenceWords out;
  const auto kinds = kinds_of(out.every_, out.every_nth_, out.frequency_, out.determiner_, out.paper_preposition_);
  if (Status read = read_word_kinds_file(data_dir + "/temporal/recurrence.tsv", kinds); !read.ok()) return read.error();
  return out;
}

Result<RecurrenceWords> RecurrenceWords::parse(std::string_view name, std::string_view text) {
  RecurrenceWords out;
  const auto kinds = kinds_of(out.every_, out.every_nth_, out.frequency_, out.determiner_, out.paper_preposition_);
  if (Status read = parse_word_kinds(name, text, kinds); !read.ok()) return read.error();
  return out;
}

std::vector<TimeExpression> find_time_expressions(const Article& /*article*/, const TextAnalysis& text,
                                                  uint32_t sentence, const Date& anchor,
                                                  const RecurrenceWords& recurrence) {
  std::vector<TimeExpression> out;
  if (sentence >= text.sentences.size()) return out;
  const Sentence& s = text.sentences[sentence];
  uint32_t end = s.first_token + s.token_count;
  if (end > text.tokens.size()) return out;
  Matcher(text, s.first_token, end, anchor, recurrence).run(out);
  return out;
}

}  // namespace dyad
