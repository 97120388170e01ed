// Internals of the GKG stage shared by its .cpp files (not part of the API).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gkg/gkg.h"

namespace dyad {

namespace gkg_detail {

/// Heterogeneous string hash so lookups take a string_view without copying.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

enum class SpeechKind : uint8_t { say, tell, source, addressee };

/// A phrase of speech.tsv: its case-folded words.
struct SpeechPhrase {
  std::vector<std::string> words;
  SpeechKind kind = SpeechKind::say;
};

enum class UnitKind : uint8_t { currency, percent, measure };

struct Unit {
  std::string name;  // Amount::unit
  UnitKind kind = UnitKind::currency;
};

/// A form written after the number: case-folded words, and the unit it stands for.
struct UnitForm {
  std::vector<std::string> words;
  size_t unit = 0;
};

/// A form written before the number ("$", "US$", "USD"), as written, and its unit.
struct PrefixForm {
  std::string text;
  size_t unit = 0;
  bool spaced = false;  // a letter code, written with one space before the digits
};

/// Word classes of words.tsv, as bits (a word can be in several).
enum WordClass : uint16_t {
  kDeterminer = 1U << 0,
  kFunction = 1U << 1,
  kPreposition = 1U << 2,
  kPlural = 1U << 3,
  kMonth = 1U << 4,
  kWeekday = 1U << 5,
  kTime = 1U << 6,
  kPersonPronoun = 1U << 7,
  kFirstPerson = 1U << 8,
  kRelative = 1U << 9,
};

}  // namespace gkg_detail

struct GkgRules::Impl {
  // speech.tsv: phrases by their first folded word.
  gkg_detail::StringMap<std::vector<gkg_detail::SpeechPhrase>> speech;
  // numbers.tsv
  gkg_detail::StringMap<double> numbers;   // "three" -> 3
  gkg_detail::StringMap<double> scales;    // "million" -> 1e6
  gkg_detail::StringMap<double> suffixes;  // "bn" -> 1e9
  // units.tsv
  std::vector<gkg_detail::Unit> units;
  std::vector<gkg_detail::PrefixForm> prefixes;    // longest first
  std::vector<gkg_detail::UnitForm> suffix_units;  // longest first
  // words.tsv
  gkg_detail::StringMap<uint16_t> words;

  /// A one-word verb of saying ("said", "told"), not an addressee or the first word of a phrase.
  [[nodiscard]] bool speech_verb(std::string_view folded) const {
    auto it = speech.find(folded);
    if (it == speech.end()) return false;
    for (const gkg_detail::SpeechPhrase& p : it->second)
      if (p.words.size() == 1 && (p.kind == gkg_detail::SpeechKind::say || p.kind == gkg_detail::SpeechKind::tell))
        return true;
    return false;
  }

  [[nodiscard]] uint16_t word_class(std::string_view folded) const {
    auto it = words.find(folded);
    return it == words.end() ? 0 : it->second;
  }
};

}  // namespace dyad
