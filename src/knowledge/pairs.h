// One-word noun lists (docs/dictionaries.md): the pair nouns of data/knowledge/pair_nouns.tsv and
// the count nouns of data/knowledge/count_nouns.tsv.
//
// A pair noun is a plural noun by which "the two ..." / "both ..." names the two parties of a dyad
// named before ("the two leaders", "both governments", "the two men"), not two members of one group
// ("the two policemen"). The actor index (no mention for such a pair) and the event coder (the pair
// resolved to the actors named before) read the same file.
//
// A count noun counts or groups the people named after its "of" ("dozens of students", "four
// companies of paramilitary", "a posse of policemen"): the "of" governs nothing, the people are
// the noun phrase's head (the event coder's subject and object search).
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"
#include "knowledge/tsv.h"
#include "knowledge/word_set.h"

namespace dyad {

/// A set of lower-case one-word nouns read from a TSV file with the columns `noun` and `as_of`.
class NounList {
 public:
  /// Reads the file at `path`. Errors name file:line (missing columns, an empty noun, a noun of
  /// several words or with a capital, a noun listed twice, a missing or bad as_of date, no rows).
  static Result<NounList> read(const std::string& path);
  /// The same over in-memory text; `name` is used in errors.
  static Result<NounList> parse(std::string_view name, std::string_view text);

  /// Is `w` (a case-folded word) listed? A binary search over a sorted vector: no allocation.
  [[nodiscard]] bool contains(std::string_view w) const { return words_.contains(w); }
  [[nodiscard]] size_t size() const { return words_.size(); }

 private:
  static Result<NounList> from_table(Result<TsvTable> table);
  WordSet words_;
};

/// The pair nouns (data/knowledge/pair_nouns.tsv).
struct PairNouns {
  /// Reads data_dir/knowledge/pair_nouns.tsv (errors as NounList::read).
  static Result<NounList> load(const std::string& data_dir);
  /// The same over in-memory text; `name` is used in errors.
  static Result<NounList> parse(std::string_view name, std::string_view text) { return NounList::parse(name, text); }
};

/// The person nouns (data/knowledge/person_nouns.tsv): words for people of no kind
/// ("man", "people", "persons") that a count can stand before ("killing one man").
struct PersonNouns {
  /// Reads data_dir/knowledge/person_nouns.tsv (errors as NounList::read).
  static Result<NounList> load(const std::string& data_dir);
};

/// The unit nouns (data/knowledge/unit_nouns.tsv): units in which police and troops act ("a patrol").
struct UnitNouns {
  /// Reads data_dir/knowledge/unit_nouns.tsv (errors as NounList::read).
  static Result<NounList> load(const std::string& data_dir);
};

/// The count nouns (data/knowledge/count_nouns.tsv).
struct CountNouns {
  /// Reads data_dir/knowledge/count_nouns.tsv (errors as NounList::read).
  static Result<NounList> load(const std::string& data_dir);
};

}  // namespace dyad
