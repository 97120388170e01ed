#include "story/dedup.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/hash.h"
#include "core/unicode.h"
#include "geo/gazetteer.h"

namespace dyad {

std::string actor_key(const Actor& a) {
  if (!a.country.empty()) return a.country;
  if (!a.code.empty()) return a.code;
  std::string out;
  fold_case_append(a.canonical.empty() ? a.text : a.canonical, out);
  return out;
}

std::string_view base_code(std::string_view cameo) { return cameo.substr(0, std::min<size_t>(cameo.size(), 3)); }

std::string match_key(const Event& e) {
  std::string key(base_code(e.cameo));
  key += '|';
  key += actor_key(e.source);
  key += '|';
  if (e.target) key += actor_key(*e.target);
  return key;
}

std::optional<DayRange> day_range(const Date& d, int slack) {
  if (!d.known()) return std::nullopt;
  const std::chrono::days s{slack};
  return DayRange{d.first_day() - s, d.last_day() + s};
}

EventFacts facts_of(const Event& e, const Date& published) {
  return EventFacts{e.mode, e.date, e.date_basis, published, e.location};
}

namespace {

bool places_compatible(const std::optional<Place>& a, const std::optional<Place>& b) {
  if (!a || !b) return true;
  const bool a_coords = a->located();
  const bool b_coords = b->located();
  if (a_coords && b_coords) return distance_km(a->lat, a->lon, b->lat, b->lon) <= kSamePlaceKm;
  if (!a->country.empty() && !b->country.empty()) return a->country == b->country;
  return true;
}

}  // namespace

bool same_event(const EventFacts& a, const EventFacts& b) {
  if (a.mode != b.mode) return false;
  const auto ra = day_range(a.date, 1);
  const auto rb = day_range(b.date, 1);
  if (!ra || !rb) return false;
  // Plans announced for two different days ("on Thursday", "on Friday") are two plans: the day of slack is for
  // reports of what happened (time zones, "late on Thursday"), not for a date the text itself gives. A date
  // lent by an occasion ("expression:occasion") is no such statement.
  const auto stated_day = [](const EventFacts& f) {
    return f.date_basis.starts_with("expression:") && f.date_basis != "expression:occasion" &&
           f.date.first_day() == f.date.last_day();
  };
  if (a.mode == EventMode::expected && stated_day(a) && stated_day(b) && a.date.first_day() != b.date.first_day())
    return false;
  if (!ra->overlaps(*rb)) return false;
  return places_compatible(a.location, b.location);
}

bool linkable(const Event& e) { return e.mode != EventMode::possible && !e.cameo.starts_with("01"); }

std::optional<DayRange> expectation_window(const EventFacts& expected) {
  if (expected.date_basis.starts_with("expression")) return day_range(expected.date, 1);
  auto from = day_range(expected.published.known() ? expected.published : expected.date);
  if (!from) return std::nullopt;
  from->last = from->first + std::chrono::days{kUndatedWindowDays};
  return from;
}

bool undated_expectation(const EventFacts& e) {
  return e.mode == EventMode::expected && !e.published.known() && !expectation_window(e);
}

std::string_view undated_link_relation(const EventFacts& expected, const EventFacts& outcome) {
  if (!undated_expectation(expected) || outcome.mode != EventMode::happened) return {};
  return places_compatible(expected.location, outcome.location) ? kConfirmsUndated : std::string_view{};
}

std::string_view link_relation(const EventFacts& expected, const EventFacts& outcome) {
  if (expected.mode != EventMode::expected) return {};
  if (outcome.mode != EventMode::happened && outcome.mode != EventMode::negated) return {};
  auto window = expectation_window(expected);
  if (!window) return {};
  if (!places_compatible(expected.location, outcome.location)) return {};
  // An outcome is reported later than (or with) the expectation, never before it.
  if (expected.published.known() && outcome.published.known() &&
      outcome.published.last_day() < expected.published.first_day())
    return {};
  if (outcome.mode == EventMode::happened) {
    const auto when = day_range(outcome.date);
    // A plan that states its day but no place ("will arrive on Friday") is confirmed only within that day (at the
    // outcome's precision): the day of slack is for a report whose place says it is the same act; with no place to
    // tell, an arrival a day early is another trip. A day lent by an occasion is no stated day.
    if (!expected.location && expected.date_basis.starts_with("expression:") &&
        expected.date_basis != "expression:occasion") {
      const auto day = day_range(expected.date);
      return day && when && day->overlaps(*when) ? "confirms" : "";
    }
    return when && window->overlaps(*when) ? "confirms" : "";
  }
  // "did not take place" / "was called off" may be reported before the date
  // itself: any report from the expectation's article up to the window's end.
  if (const auto since = day_range(expected.published)) window->first = std::min(window->first, since->first);
  const auto reported = day_range(outcome.published.known() ? outcome.published : outcome.date);
  const auto when = day_range(outcome.date);
  const bool inside = (reported && window->overlaps(*reported)) || (when && window->overlaps(*when));
  return inside ? "contradicts" : "";
}

namespace {

uint64_t splitmix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// The kMinHashSize hash functions: h_i(x) = high 32 bits of (x * a_i + b_i), a_i odd.
struct Permutations {
  std::array<uint64_t, kMinHashSize> a{}, b{};
  Permutations() {
    for (size_t i = 0; i < kMinHashSize; ++i) {
      a[i] = splitmix64(2 * i + 1) | 1U;
      b[i] = splitmix64(2 * i + 2);
    }
  }
};

}  // namespace

std::vector<uint32_t> minhash(const TextAnalysis& text) {
  static const Permutations perm;
  std::vector<uint32_t> sig(kMinHashSize, UINT32_MAX);
  std::array<std::string_view, 3> window{};
  size_t seen = 0;
  size_t shingles = 0;
  std::string shingle;
  for (const Token& t : text.tokens) {
    if (t.kind != TokenKind::word && t.kind != TokenKind::number) continue;
    window[0] = window[1];
    window[1] = window[2];
    window[2] = text.norm(t);
    if (++seen < window.size()) continue;
    shingle.assign(window[0]).append(1, ' ').append(window[1]).append(1, ' ').append(window[2]);
    const uint64_t h = hash64(shingle);
    for (size_t i = 0; i < kMinHashSize; ++i)
      sig[i] = std::min(sig[i], static_cast<uint32_t>((h * perm.a[i] + perm.b[i]) >> 32));
    ++shingles;
  }
  if (shingles < kMinShingles) sig.clear();
  return sig;
}

double resemblance(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i] == b[i] ? 1 : 0;
  return static_cast<double>(same) / static_cast<double>(a.size());
}

std::vector<int64_t> lsh_bands(const std::vector<uint32_t>& signature) {
  std::vector<int64_t> out;
  if (signature.size() != kMinHashSize) return out;
  constexpr size_t rows = kMinHashSize / kBands;
  for (size_t band = 0; band < kBands; ++band) {
    uint64_t h = splitmix64(band);
    for (size_t r = 0; r < rows; ++r) h = splitmix64(h ^ signature[band * rows + r]);
    out.push_back(static_cast<int64_t>(h));
  }
  return out;
}

}  // namespace dyad
