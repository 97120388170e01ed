// Amounts: numbers with what they count.
//
// Design: one pass over the tokens of each codable sentence. An amount starts
// at digits ("1,200", "1.5", "1.5bn"), a number word ("three",
// "twenty-five"), "a"/"an"/"one" before a scale word ("a dozen"), or a
// hyphenated count ("30-page"). Scale words multiply it ("two dozen",
// "$1.5 billion"); a currency symbol or code before it, or a unit after it
// ("percent", "yuan", "km"), gives the unit. What is counted is the head of
// the noun phrase after it (after "of" for percentages and measures, and
// "of"/"in" for money): at most five words, ending at a function word or
// just after a plural noun ("40 new joint research centres" ->
// "centres"), or before a later word in -ed, -ing or -ly (a predicate). A plain count with no counted noun is not
// reported, so stray numbers ("Article 5 of") stay out. Dates, years, clock times, ordinals, digit runs (phone numbers,
// "10/12/2024") and numbers inside actor mentions are never amounts. Rules in docs/gkg.md.
#include <charconv>
#include <cmath>
#include <optional>

#include "gkg/gkg_internal.h"

namespace dyad {

using namespace gkg_detail;

namespace {

constexpr size_t kMaxObjectWords = 5;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "1,200" -> 1200, "3.5" -> 3.5; nullopt for anything else ("10:30", "1,20").
std::optional<double> parse_digits(std::string_view s) {
  std::string plain;
  size_t group = 0;
  bool comma = false;
  bool dot = false;
  for (char c : s) {
    if (is_digit(c)) {
      plain.push_back(c);
      ++group;
    } else if (c == ',' && !dot && group > 0 && (!comma || group == 3)) {
      comma = true;
      group = 0;
    } else if (c == '.' && !dot && group > 0 && (!comma || group == 3)) {
      dot = true;
      plain.push_back('.');
      group = 0;
    } else {
      return std::nullopt;
    }
  }
  if (plain.empty() || plain.back() == '.' || (comma && !dot && group != 3)) return std::nullopt;
  double v = 0;
  auto [ptr, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), v);
  if (ec != std::errc() || ptr != plain.data() + plain.size()) return std::nullopt;
  return v;
}

struct Found {
  double value = 0;
  size_t unit = SIZE_MAX;     // index into Impl::units
  std::string unit_word;      // a hyphenated count's unit ("page")
  uint32_t begin_offset = 0;  // start of the text (a currency prefix, else the first token)
  uint32_t last = 0;          // last token of number, scale and unit
  bool needs_object = true;   // a plain count is only reported with what it counts
  bool of_phrase = false;     // the counted noun follows "of" ("70 percent of all exports")
  bool year_like = false;     // four plain digits: a year unless a unit or scale follows
};

class AmountFinder {
 public:
  AmountFinder(const GkgRules::Impl& rules, Document& doc)
      : r_(rules), doc_(doc), text_(doc.article.text), toks_(doc.text.tokens) {
    in_mention_.assign(toks_.size(), false);
    for (const Mention& m : doc.mentions)
      for (uint32_t t = m.first_token; t < m.token_end && t < toks_.size(); ++t) in_mention_[t] = true;
  }

  void run() {
    doc_.amounts.clear();
    for (const Sentence& s : doc_.text.sentences) {
      if (!s.codable()) continue;
      const uint32_t end = std::min<uint32_t>(s.first_token + s.token_count, static_cast<uint32_t>(toks_.size()));
      for (uint32_t i = s.first_token; i < end; ++i) {
        uint32_t next = i;
        if (auto a = amount_at(i, s.first_token, end, next)) doc_.amounts.push_back(std::move(*a));
        i = std::max(i, next);
      }
    }
  }

 private:
  [[nodiscard]] std::string_view tok(uint32_t i) const { return toks_[i].span.of(text_); }
  [[nodiscard]] std::string_view norm(uint32_t i) const { return doc_.text.norm(toks_[i]); }
  [[nodiscard]] uint16_t cls(uint32_t i) const { return r_.word_class(norm(i)); }
  [[nodiscard]] bool punct(uint32_t i, std::string_view s) const {
    return toks_[i].kind == TokenKind::punctuation && tok(i) == s;
  }
  [[nodiscard]] bool is_month(uint32_t i) const {
    return toks_[i].kind == TokenKind::word && toks_[i].capitalized && (cls(i) & kMonth) != 0;
  }
  [[nodiscard]] bool attached(uint32_t i) const { return !toks_[i].space_before; }

  [[nodiscard]] std::optional<double> number_word(std::string_view w) const {
    if (auto it = r_.numbers.find(w); it != r_.numbers.end()) return it->second;
    // "twenty-five"
    size_t dash = w.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    auto tens = r_.numbers.find(w.substr(0, dash));
    auto ones = r_.numbers.find(w.substr(dash + 1));
    if (tens == r_.numbers.end() || ones == r_.numbers.end() || tens->second < 20 || ones->second >= 10)
      return std::nullopt;
    return tens->second + ones->second;
  }
  [[nodiscard]] std::optional<double> scale(uint32_t i) const {
    if (toks_[i].kind != TokenKind::word) return std::nullopt;
    auto it = r_.scales.find(norm(i));
    if (it == r_.scales.end()) return std::nullopt;
    return it->second;
  }

  // Words of a unit form after token i (multi-word, case-folded); returns its length, 0 if none.
  uint32_t unit_after(uint32_t i, uint32_t end, size_t& unit) const {
    for (const UnitForm& f : r_.suffix_units) {
      if (i + f.words.size() > end) continue;
      bool ok = true;
      for (size_t w = 0; w < f.words.size() && ok; ++w) ok = norm(i + static_cast<uint32_t>(w)) == f.words[w];
      // "%" is attached; a word unit must be its own word ("5 euros", not "5euros").
      if (ok) {
        unit = f.unit;
        return static_cast<uint32_t>(f.words.size());
      }
    }
    return 0;
  }

  // A currency prefix written right before the token at i ("$", "US$", "USD "); fills unit and offset.
  bool prefix_before(uint32_t i, uint32_t sentence_begin, size_t& unit, uint32_t& offset) const {
    const uint32_t at = toks_[i].span.offset;
    std::string_view before = text_.substr(0, at);
    for (const PrefixForm& p : r_.prefixes) {
      std::string_view want = p.text;
      std::string_view b = before;
      if (p.spaced) {
        if (b.empty() || b.back() != ' ') continue;
        b.remove_suffix(1);
      } else if (!b.empty() && b.back() == ' ') {
        b.remove_suffix(1);  // "$ 5"
      }
      if (!b.ends_with(want)) continue;
      const size_t start = b.size() - want.size();
      if (start > 0) {
        char c = b[start - 1];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c)) continue;
      }
      if (start < toks_[sentence_begin].span.offset) continue;
      unit = p.unit;
      offset = static_cast<uint32_t>(start);
      return true;
    }
    return false;
  }

  // A regular or listed plural ("projects", "people"), which ends a counted noun phrase.
  [[nodiscard]] bool plural(uint32_t i) const {
    if ((cls(i) & kPlural) != 0) return true;
    std::string_view w = norm(i);
    if (w.size() < 4 || w.back() != 's') return false;
    return !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") && !w.ends_with("'s");
  }

  // The head of the noun phrase starting at i: its last word; sets `head`. False when there is none.
  bool object_at(uint32_t i, uint32_t end, bool skip_determiners, uint32_t& head) const {
    if (skip_determiners)
      while (i < end && toks_[i].kind == TokenKind::word && (cls(i) & kDeterminer) != 0) ++i;
    uint32_t last = UINT32_MAX;
    for (uint32_t n = 0; i < end && n < kMaxObjectWords; ++i, ++n) {
      if (toks_[i].kind != TokenKind::word) break;
      if ((cls(i) & (kFunction | kPreposition | kDeterminer | kMonth | kWeekday | kTime)) != 0) break;
      if (r_.speech_verb(norm(i)) || scale(i)) break;
      // After a first word, a past form, a participle or an adverb starts the predicate ("a 10-km convoy formed").
      std::string_view w = norm(i);
      if (last != UINT32_MAX && w.size() > 4 && (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly"))) break;
      last = i;
      if (plural(i)) break;
    }
    if (last == UINT32_MAX || toks_[last].capitalized) return false;
    head = last;
    return true;
  }

  // Numbers that are parts of a date, a clock time or a run of digits.
  [[nodiscard]] bool calendar_or_code(uint32_t i, uint32_t begin, uint32_t end) const {
    if (i > begin && is_month(i - 1)) return true;
    if (i + 1 < end && is_month(i + 1)) return true;
    if (i + 1 < end && toks_[i + 1].kind == TokenKind::word && (cls(i + 1) & kTime) != 0) return true;
    // digit runs: "+7 495 ...", "10/12/2024", "123-45-67", "495 123"
    if (i > begin && (toks_[i - 1].kind == TokenKind::number || tok(i - 1) == "+")) return true;
    if (i + 1 < end && toks_[i + 1].kind == TokenKind::number) return true;
    for (int d : {-1, 1}) {
      const int64_t p = static_cast<int64_t>(i) + d;
      const int64_t q = p + d;
      if (q < static_cast<int64_t>(begin) || q >= static_cast<int64_t>(end)) continue;
      const auto pu = static_cast<uint32_t>(p);
      const auto qu = static_cast<uint32_t>(q);
      if (toks_[pu].kind == TokenKind::punctuation && toks_[qu].kind == TokenKind::number &&
          attached(std::max(i, pu)) && attached(std::max(pu, qu)))
        return true;
    }
    return false;
  }

  // The number starting at token i: value and the last token used; handles digits, digit+suffix,
  // number words, "a"/"one" + scale, and following scale words.
  bool number_at(uint32_t i, uint32_t end, double& value, uint32_t& last, bool& year_like) const {
    const Token& t = toks_[i];
    year_like = false;
    if (t.kind == TokenKind::number) {
      std::string_view s = tok(i);
      auto v = parse_digits(s);
      if (!v) return false;
      value = *v;
      year_like = s.size() == 4 && value >= 1000 && value <= 2100;
    } else if (t.kind == TokenKind::word) {
      std::string_view w = norm(i);
      size_t digits = 0;
      while (digits < w.size() && (is_digit(w[digits]) || w[digits] == '.' || w[digits] == ',')) ++digits;
      if (digits > 0) {  // "1.5bn"
        auto suffix = r_.suffixes.find(w.substr(digits));
        auto v = parse_digits(w.substr(0, digits));
        if (suffix == r_.suffixes.end() || !v) return false;
        value = *v * suffix->second;
      } else if (auto n = number_word(w)) {
        value = *n;
      } else if ((w == "a" || w == "an" || w == "one") && i + 1 < end && scale(i + 1)) {
        value = 1;
      } else {
        return false;
      }
    } else {
      return false;
    }
    last = i;
    // Further number words and scales: "two hundred and fifty thousand", "1.5 billion", "two dozen".
    double total = 0;
    double current = value;
    const bool words = t.kind == TokenKind::word && !is_digit(norm(i).front());
    for (uint32_t j = i + 1; j < end; ++j) {
      if (auto sc = scale(j)) {
        current = (current == 0 ? 1 : current) * *sc;
        if (*sc >= 1000) {
          total += current;
          current = 0;
        }
        last = j;
        year_like = false;
        continue;
      }
      if (!words || toks_[j].kind != TokenKind::word) break;
      uint32_t k = j;
      if (norm(j) == "and" && j + 1 < end) k = j + 1;
      auto n = number_word(norm(k));
      if (!n) break;
      current += *n;
      last = j = k;
    }
    value = total + current;
    return true;
  }

  // A hyphenated count at i: "30-page", "five-year", "30-page-long".
  bool compound_at(uint32_t i, double& value, std::string& unit_word, size_t& unit) const {
    if (toks_[i].kind != TokenKind::word) return false;
    std::string_view w = tok(i);
    size_t dash = w.find('-');
    if (dash == std::string_view::npos || dash == 0 || number_word(norm(i))) return false;
    std::string_view head = norm(i).substr(0, dash);
    std::string_view rest = w.substr(dash + 1);
    std::string_view part = rest.substr(0, rest.find('-'));
    if (part.empty() || !(part.front() >= 'a' && part.front() <= 'z')) return false;
    for (char c : part)
      if (!((c >= 'a' && c <= 'z') || c == '\'')) return false;
    if ((r_.word_class(part) & (kFunction | kPreposition | kDeterminer)) != 0) return false;
    if (auto v = parse_digits(head)) {
      value = *v;
    } else if (auto n = number_word(head)) {
      value = *n;
    } else {
      return false;
    }
    unit_word = std::string(part);
    unit = SIZE_MAX;
    for (const UnitForm& f : r_.suffix_units)
      if (f.words.size() == 1 && f.words[0] == part) unit = f.unit;
    if (unit != SIZE_MAX) unit_word.clear();
    return true;
  }

  std::optional<Amount> amount_at(uint32_t i, uint32_t begin, uint32_t end, uint32_t& next) {
    if (in_mention_[i]) return std::nullopt;
    Found f;
    f.begin_offset = toks_[i].span.offset;
    uint32_t object_from = 0;
    if (compound_at(i, f.value, f.unit_word, f.unit)) {
      f.last = i;
      f.needs_object = false;
      object_from = i + 1;
    } else {
      if (!number_at(i, end, f.value, f.last, f.year_like)) return std::nullopt;
      if (toks_[i].kind == TokenKind::number && calendar_or_code(i, begin, end)) {
        next = f.last;
        return std::nullopt;
      }
      size_t unit = SIZE_MAX;
      uint32_t prefix_offset = 0;
      if (prefix_before(i, begin, unit, prefix_offset)) {
        f.unit = unit;
        f.begin_offset = prefix_offset;
        f.year_like = false;
      }
      if (f.last + 1 < end) {
        size_t after = SIZE_MAX;
        if (uint32_t n = unit_after(f.last + 1, end, after);
            n > 0 && (f.unit == SIZE_MAX || r_.units[f.unit].kind == r_.units[after].kind)) {
          if (f.unit == SIZE_MAX) f.unit = after;
          f.last += n;
          f.year_like = false;
        }
      }
      if (f.year_like) {  // a year ("in 2022", "2022 invasion")
        next = f.last;
        return std::nullopt;
      }
      object_from = f.last + 1;
      if (f.unit != SIZE_MAX) {
        f.needs_object = false;
        const bool money = r_.units[f.unit].kind == UnitKind::currency;
        if (object_from < end && toks_[object_from].kind == TokenKind::word &&
            (norm(object_from) == "of" || (money && norm(object_from) == "in"))) {
          f.of_phrase = true;
          ++object_from;
        } else {
          object_from = end;  // "5 percent more", "$3 billion" alone: no counted noun
        }
      }
    }
    uint32_t head = UINT32_MAX;
    std::string object;
    if (object_from < end && object_at(object_from, end, f.of_phrase, head)) object = std::string(norm(head));
    if (object.empty() && f.needs_object) return std::nullopt;
    Amount a;
    a.value = f.value;
    if (f.unit != SIZE_MAX)
      a.unit = r_.units[f.unit].name;
    else
      a.unit = f.unit_word;
    a.object = object;
    const uint32_t last = head != UINT32_MAX ? head : f.last;
    a.span = Span{f.begin_offset, toks_[last].span.end() - f.begin_offset};
    next = last;
    return a;
  }

  const GkgRules::Impl& r_;
  Document& doc_;
  std::string_view text_;
  const std::vector<Token>& toks_;
  std::vector<bool> in_mention_;
};

}  // namespace

void find_amounts(const GkgRules& rules, Document& doc) {
  doc.amounts.clear();
  AmountFinder(rules.impl(), doc).run();
}

}  // namespace dyad
