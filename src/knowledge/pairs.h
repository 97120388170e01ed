// The pair nouns of data/knowledge/pair_nouns.tsv (docs/dictionaries.md, "pair_nouns.tsv").
//
// A pair noun is a plural noun by which "the two ..." / "both ..." names the two parties of a dyad
// named before ("the two leaders", "both governments", "the two men"), not two members of one group
// ("the two policemen"). The actor index (no mention for such a pair) and the event coder (the pair
// resolved to the actors named before) read the same file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "knowledge/tsv.h"

namespace dyad {

class PairNouns {
 public:
  /// Reads data_dir/knowledge/pair_nouns.tsv. Errors name file:line (missing columns, an empty noun,
  /// a noun of several words or with a capital, a noun listed twice, a missing or bad as_of date).
  static Result<PairNouns> load(const std::string& data_dir);
  /// The same over in-memory text; `name` is used in errors.
  static Result<PairNouns> parse(std::string_view name, std::string_view text);

  /// Is `w` (a case-folded word) a pair noun? A binary search over a sorted vector: no allocation.
  [[nodiscard]] bool contains(std::string_view w) const;
  [[nodiscard]] size_t size() const { return words_.size(); }

 private:
  static Result<PairNouns> from_table(Result<TsvTable> table);
  std::vector<std::string> words_;  // sorted, unique
};

}  // namespace dyad
