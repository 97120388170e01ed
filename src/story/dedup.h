// Event identity across reports, near-duplicate articles, and the rules that
// join an expectation to its outcome. Pure functions over the document model:
// the story stage (story.h) applies them against the store.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/document.h"

namespace dyad {

/// The part of an actor that identifies it across reports, "up to sector":
/// its country when it has one ("RUSGOV", "RUS", "RUSMIL" -> "RUS"), else its
/// code ("IGOUNO"), else its folded canonical name or words.
std::string actor_key(const Actor& a);

/// CAMEO base code: the first three digits ("0421" -> "042", "04" -> "04").
std::string_view base_code(std::string_view cameo);

/// What two reports of one event share whatever their mode: base code, source
/// key and target key ("042|RUS|CHN"). Events with different keys never merge
/// and never link.
std::string match_key(const Event& e);

/// The days an event's date allows, widened by `slack` days on each side;
/// nullopt when the date is unknown.
struct DayRange {
  std::chrono::sys_days first, last;
  [[nodiscard]] bool overlaps(const DayRange& o) const { return first <= o.last && o.first <= last; }
};
std::optional<DayRange> day_range(const Date& d, int slack = 0);

/// What the dedup and link rules need of a stored or new event.
struct EventFacts {
  EventMode mode = EventMode::happened;
  Date date;
  std::string date_basis;
  Date published;                     // the reporting article's date
  std::optional<Place> location;      // with coordinates when geonameid != 0 or lat/lon set
};
EventFacts facts_of(const Event& e, const Date& published);

/// Same event? Same mode, dates that overlap (a day allows +-1 day, for time
/// zones and "late on Thursday"), places within kSamePlaceKm of each other (an
/// unknown place is compatible with any). The caller has matched the key.
inline constexpr double kSamePlaceKm = 100.0;
bool same_event(const EventFacts& a, const EventFacts& b);

/// The window an expected event allows its outcome: its date (+-1 day) when
/// the text gave one; for an undated expectation, from the article's date to
/// kUndatedWindowDays later.
inline constexpr int kUndatedWindowDays = 60;
std::optional<DayRange> expectation_window(const EventFacts& expected);

/// "confirms" when `outcome` happened inside the expectation's window,
/// "contradicts" when it is negated there, "" when it does not bear on it.
std::string_view link_relation(const EventFacts& expected, const EventFacts& outcome);

/// 64-bit SimHash of the article's words: 3-word shingles of the normalised
/// word and number tokens, hashed and summed bitwise. Syndicated copies and
/// lightly edited re-publications land within a few bits of each other.
uint64_t simhash(const TextAnalysis& text);
int hamming(uint64_t a, uint64_t b);
/// Two articles whose fingerprints differ in at most this many bits are copies.
inline constexpr int kNearDuplicateBits = 3;

}  // namespace dyad
