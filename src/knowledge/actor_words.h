// The actor words of data/knowledge/actor_words.tsv (docs/dictionaries.md): small closed lists that
// decide which country an actor or a place takes.
//
// - position words before a place name ("in central X", "near northern X"): the event coder's place
//   of an act looks past them;
// - backer suffixes ("Qatari-backed", "Iran-funded"): the actor index gives the actor after such a
//   word no home country that is the backer's;
// - international sectors (IGO, NGO, IMG, MNC, PKO): actors of no country; they take no home
//   country, no country of a place after "of/in/from", no country of the place of the act;
// - displaced sectors (REF): people not of the place they are in; they take no place's country;
// - place nouns ("city", "capital", "port"): a noun for a kind of place that describes the place
//   named right after it or after its "of" ("the port town X", "the city of X"); some only before
//   "of" ("the state of X", but "state media");
// - motion words before "to" ("travel to X", "a trip to X") and visit verbs ("visited X"): a name the
//   dictionaries do not know after them is looked up as a place;
// - force verbs ("attacked X", "shelled X", "seized X"): a name the gazetteer knows right after them is a
//   place, and a capital there the city (its country is the target of the act), not the government;
// - former words before a title ("former Kenyan President X"): the office is not held now, so a title
//   written out does not make an office holder of someone outside his term;
// - title modifiers before a title or a person ("outgoing Prime Minister X", "the embattled
//   president"): they describe the holder; the event coder's actor slots pass over them.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "knowledge/tsv.h"
#include "knowledge/word_set.h"

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
  [[nodiscard]] bool position(std::string_view w) const { return positions_.contains(w); }
  /// Is `w` (case-folded) the part after the hyphen of a backer's word ("backed" of "Iran-backed")?
  [[nodiscard]] bool backer_suffix(std::string_view w) const { return backer_suffixes_.contains(w); }
  /// Does the sector `s` ("IGO") belong to no country?
  [[nodiscard]] bool international_sector(std::string_view s) const { return international_.contains(s); }
  /// Are the people of sector `s` displaced ("REF"): not of the place they are in?
  [[nodiscard]] bool displaced_sector(std::string_view s) const { return displaced_.contains(s); }
  /// Does an actor of sector `s` take no country from the place it is in (an international sector
  /// or a displaced one: "REF")?
  [[nodiscard]] bool placeless_sector(std::string_view s) const {
    return international_.contains(s) || displaced_.contains(s);
  }
  /// Is `w` (case-folded) a noun for a kind of place that describes the place named after it ("the
  /// provincial capital X", "the port town X", "the city of X")?
  [[nodiscard]] bool place_noun(std::string_view w) const { return place_nouns_.contains(w); }
  /// Is `w` (case-folded) a verb or noun of going before "to" ("travel to X", "a trip to X")?
  [[nodiscard]] bool motion_word(std::string_view w) const { return motion_words_.contains(w); }
  /// Is `w` (case-folded) a verb whose object is the place visited ("visited X", "will tour X")?
  [[nodiscard]] bool visit_verb(std::string_view w) const { return visit_verbs_.contains(w); }
  /// Is `w` (case-folded) a verb of armed force whose object is often a place ("attacked X", "shelled X")?
  [[nodiscard]] bool force_verb(std::string_view w) const { return force_verbs_.contains(w); }
  /// Is `w` (case-folded) a noun for a kind of place that describes the place named after its "of"
  /// ("the city of X", "the state of X")? Every place noun, and the place_noun_of rows.
  [[nodiscard]] bool place_noun_before_of(std::string_view w) const {
    return place_nouns_.contains(w) || place_nouns_of_.contains(w);
  }
  /// Is `w` (case-folded) a word before a title that says its office is not held ("former", "ex")?
  [[nodiscard]] bool former_word(std::string_view w) const { return former_words_.contains(w); }
  /// Is `w` (case-folded) a word before a title or a person that describes the holder without
  /// changing who is meant ("outgoing", "interim", "embattled")?
  [[nodiscard]] bool title_modifier(std::string_view w) const { return title_modifiers_.contains(w); }

 private:
  static Result<ActorWords> from_table(Result<TsvTable> table);
  WordSet positions_, backer_suffixes_, international_, displaced_, place_nouns_, place_nouns_of_, motion_words_,
      visit_verbs_, force_verbs_, former_words_, title_modifiers_;
};

}  // namespace dyad
