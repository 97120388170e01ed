// Event identity across reports, near-duplicate articles, and the rules that
// join an expectation to its outcome. Pure functions over the document model:
// the story stage (story.h) applies them against the store.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  Date published;                 // the reporting article's date
  std::optional<Place> location;  // with coordinates when geonameid != 0 or lat/lon set
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

/// May the event take part in an expectation -> outcome link? Not when it is
/// only possible, nor a statement (CAMEO 01x): too generic to answer or be
/// answered by another report.
bool linkable(const Event& e);

/// An expectation no window can hold: the text gave it no date and its article has none (a preview without a
/// dateline). The story stage lets a happened event with its match key in another article of the same story confirm
/// it, with the relation kConfirmsUndated (docs/story.md, "Undated expectations").
inline constexpr std::string_view kConfirmsUndated = "confirms-undated";
bool undated_expectation(const EventFacts& e);
/// kConfirmsUndated when `expected` is an undated_expectation() and `outcome` happened at a compatible place, ""
/// otherwise. The caller has matched the key and the story.
std::string_view undated_link_relation(const EventFacts& expected, const EventFacts& outcome);

/// "confirms" when `outcome` happened inside the expectation's window,
/// "contradicts" when it is negated there, "" when it does not bear on it or
/// was published before the expectation.
std::string_view link_relation(const EventFacts& expected, const EventFacts& outcome);

/// MinHash of the article's words: for each of kMinHashSize hash functions,
/// the least hash over its 3-word shingles (normalised word and number
/// tokens). The share of equal positions estimates the Jaccard resemblance of
/// two articles' shingle sets. Empty when the text has fewer than
/// kMinShingles shingles: too short to tell a copy from a coincidence.
inline constexpr size_t kMinHashSize = 32;
inline constexpr size_t kMinShingles = 10;
std::vector<uint32_t> minhash(const TextAnalysis& text);
/// Estimated Jaccard resemblance, 0 when either is empty.
double resemblance(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);
/// Locality-sensitive bands: kBands hashes of kMinHashSize / kBands positions
/// each (band number mixed in). Articles with resemblance 0.8 share a band
/// with probability 0.985, with resemblance 0.3 with probability 0.06.
inline constexpr size_t kBands = 8;
std::vector<int64_t> lsh_bands(const std::vector<uint32_t>& signature);
/// Two articles at least this alike are copies (syndication, re-publication).
inline constexpr double kNearDuplicateResemblance = 0.8;

/// The fewest LSH bands two signatures at least kNearDuplicateResemblance alike
/// share. resemblance() counts equal positions; u unequal positions spoil at
/// most u bands, so when at most `u_max` positions may differ, at least
/// kBands - u_max bands are equal (here: at most 6 of 32 may differ, so at
/// least 2 of the 8 bands are shared). An article sharing fewer bands with a
/// new one cannot be its original and need not be read (Store::fingerprint_matches).
constexpr size_t min_shared_bands() {
  size_t u_max = 0;  // the most unequal positions resemblance() still accepts, computed as resemblance() does
  while (u_max < kMinHashSize && static_cast<double>(kMinHashSize - (u_max + 1)) / static_cast<double>(kMinHashSize) >=
                                     kNearDuplicateResemblance)
    ++u_max;
  return u_max >= kBands ? 1 : kBands - u_max;
}
inline constexpr size_t kMinSharedBands = min_shared_bands();

/// The most articles one LSH band holds: the first kMaxBandArticles stored with it, oldest first. A band shared by
/// more articles is boilerplate or a template (a standard paragraph, a recurring formula), not evidence of copying:
/// later articles are not added to it, and a lookup reads at most this many rows of it, so its cost does not grow
/// with the store (docs/story.md, "Candidates"). What is lost: an article stored after its bands were full is found
/// as an original only through the bands it did enter (a copy shares at least kMinSharedBands with it).
inline constexpr size_t kMaxBandArticles = 64;

}  // namespace dyad
