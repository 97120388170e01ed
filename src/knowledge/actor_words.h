// The actor words of data/knowledge/actor_words.tsv (docs/dictionaries.md): small closed lists that
// decide which country an actor or a place takes.
//
// - position words before a place name ("in central X", "near northern X"): the event coder's place
//   of an act looks past them;
// - backer suffixes ("Qatari-backed", "Iran-funded"): the actor index gives the actor after such a
//   word no home country that is the backer's;
// - international sectors (IGO, NGO, IMG, MNC, PKO): actors of no country; they take no home
//   country, no country of a place after "of/in/from", no country of the place of the act;
// - displaced sectors (REF): people not of the place they are in; they take no place's country.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "knowledge/tsv.h"

namespace dyad {

class ActorWords {
 public:
  /// Reads data_dir/knowledge/actor_words.tsv.
  static Result<ActorWords> load(const std::string& data_dir);
  /// The same over in-memory text; `name` is used in errors. Errors name file:line: an unknown kind,
  /// an empty word, a word of several words or with a capital (or a hyphen, for a backer suffix), a
  /// sector that is not three capitals, a row listed twice, a missing or bad as_of date, no rows.
  static Result<ActorWords> parse(std::string_view name, std::string_view text);

  /// Is `w` (a case-folded word) a word of position before a place name ("central", "northern")?
  [[nodiscard]] bool position(std::string_view w) const { return has(positions_, w); }
  /// Is `w` (case-folded) the part after the hyphen of a backer's word ("backed" of "Iran-backed")?
  [[nodiscard]] bool backer_suffix(std::string_view w) const { return has(backer_suffixes_, w); }
  /// Does the sector `s` ("IGO") belong to no country?
  [[nodiscard]] bool international_sector(std::string_view s) const { return has(international_, s); }
  /// Are the people of sector `s` displaced ("REF"): not of the place they are in?
  [[nodiscard]] bool displaced_sector(std::string_view s) const { return has(displaced_, s); }
  /// Does an actor of sector `s` take no country from the place it is in (an international sector
  /// or a displaced one: "REF")?
  [[nodiscard]] bool placeless_sector(std::string_view s) const { return has(international_, s) || has(displaced_, s); }

 private:
  static Result<ActorWords> from_table(Result<TsvTable> table);
  static bool has(const std::vector<std::string>& v, std::string_view w);
  std::vector<std::string> positions_, backer_suffixes_, international_, displaced_;  // each sorted, unique
};

}  // namespace dyad
