// The event coder's small closed word lists of data/cameo/clause_words.tsv (docs/dictionaries.md), in
// the kind/word/as_of format read by read_word_kinds (knowledge/word_kinds.h):
//
// - no-one words ("nobody", "none", "no one"): as a clause's subject or an act's object they say the
//   act was done to or by no one (the coder's negation readings);
// - aid prepositions ("to", "for", "in"): a place after one of them, right after the aid noun, is
//   where stopped aid no longer goes ("cut aid to X");
// - habit adverbs ("usually", "routinely"): the present simple with one of them states a habit, no
//   dated act (docs/coder.md, "Habits");
// - preview verbs ("previewing", "previewed"): an act after one of them in its clause is what was
//   previewed, a plan (mode expected), not an act done.
// - subject adverbs ("also", "just"): they may stand between a subject pronoun and its verb ("we also
//   detained"), so a quoted "we" before them is still the verb's subject;
// - function words ("the", "of", "and"): no pattern of dyad's own dictionaries may open with one
//   (docs/verbs.md, rule 7);
// - gerund-object verbs ("continue", "deny", "avoid"): verbs (base forms) whose object may be a verb's
//   "-ing" form ("continued shelling the town"); after any other verb an "-ing" form before a noun
//   phrase modifies it ("met visiting officials"; docs/coder.md, "A participle before a noun");
// - blame verbs ("accuse", "blame", "charge"): an act named by an "-ing" form right after "of", "for"
//   or "with" after their object is what the object is blamed for, only claimed, no act of the
//   subject (docs/coder.md, "Blamed acts");
// - words before "to" after which the infinitive's act is reported as done ("managed to", "were
//   forced to"); an act in a to-infinitive after any other word is not (docs/coder.md, "Infinitives").
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "knowledge/word_set.h"

namespace dyad {

class ClauseWords {
 public:
  /// Reads data_dir/cameo/clause_words.tsv.
  static Result<ClauseWords> load(const std::string& data_dir);
  /// The same over in-memory text; `name` is used in errors. Errors name file:line (an unknown kind,
  /// a word not of its kind's shape, a row listed twice, a missing or bad as_of date, no rows).
  static Result<ClauseWords> parse(std::string_view name, std::string_view text);

  /// Does `w` (case-folded), or `w` with the word after it (`next`, "no" "one"), name no one?
  [[nodiscard]] bool no_one(std::string_view w, std::string_view next) const {
    return no_one_.contains(w) || no_one_.contains(w, next);
  }
  /// Is `w` (case-folded) a preposition before the place stopped aid was going to ("aid to X")?
  [[nodiscard]] bool aid_preposition(std::string_view w) const { return aid_prepositions_.contains(w); }
  /// Is `w` (case-folded) an adverb of habit ("usually", "routinely")?
  [[nodiscard]] bool habit_adverb(std::string_view w) const { return habit_adverbs_.contains(w); }
  /// Is `w` (case-folded) an inflection of a verb that previews what is to come ("previewed", "previewing")?
  [[nodiscard]] bool preview_verb(std::string_view w) const { return preview_verbs_.contains(w); }
  /// Is `w` (case-folded) an adverb that may stand between a subject and its verb ("also", "just")?
  [[nodiscard]] bool subject_adverb(std::string_view w) const { return subject_adverbs_.contains(w); }
  /// Is `w` (case-folded) a function word no dictionary pattern may open with ("the", "of")?
  [[nodiscard]] bool function_word(std::string_view w) const { return function_words_.contains(w); }
  /// Is `lemma` (a verb's base form) one whose object may be an "-ing" form ("continue", "deny")?
  [[nodiscard]] bool gerund_object_verb(std::string_view lemma) const { return gerund_object_verbs_.contains(lemma); }
  /// Is `lemma` (a verb's base form) a verb of blaming someone for an act ("accuse", "charge")?
  [[nodiscard]] bool blame_verb(std::string_view lemma) const { return blame_verbs_.contains(lemma); }
  /// Is `w` (case-folded) a word right before "to" after which the infinitive's act is reported as
  /// done ("managed", "forced", "able")?
  [[nodiscard]] bool done_before_to(std::string_view w) const { return done_before_to_.contains(w); }

 private:
  WordSet no_one_, aid_prepositions_, habit_adverbs_, preview_verbs_, subject_adverbs_, function_words_,
      gerund_object_verbs_, blame_verbs_, done_before_to_;
};

}  // namespace dyad
