// The ethnic groups of data/knowledge/ethnic_groups.tsv (docs/dictionaries.md, "ethnic_groups.tsv").
//
// Some demonyms of a country also name an ethnic group living in other states: "Serbs" are the
// people of Serbia and also the Serbs of Bosnia, Croatia and Kosovo. A country word right before
// such a demonym ("Bosnian Serbs", "Kosovo Albanians", "Malaysian Chinese") names people of the
// first country who belong to the group, not the group's kin state. The file lists those
// demonyms with their kin state (the country whose demonym they are); the event coder reads it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "knowledge/tsv.h"

namespace dyad {

class EthnicGroups {
 public:
  /// Reads data_dir/knowledge/ethnic_groups.tsv and checks it against
  /// data_dir/knowledge/countries.tsv. Errors name file:line: missing columns, an empty field, a
  /// word of several words or written in lower case, a word listed twice, a kin state that is no
  /// row of countries.tsv, a word that is not one of that row's adjectives, an empty note, a
  /// missing or bad as_of date.
  static Result<EthnicGroups> load(const std::string& data_dir);
  /// The same over in-memory text; `countries` is the text of countries.tsv; names are used in errors.
  static Result<EthnicGroups> parse(std::string_view name, std::string_view text, std::string_view countries_name,
                                    std::string_view countries);

  /// The kin state (CAMEO country code) of the group named by `w` (a case-folded word: "serbs"),
  /// or an empty view. A binary search over a sorted vector: no allocation.
  [[nodiscard]] std::string_view kin_state(std::string_view w) const;
  [[nodiscard]] size_t size() const { return words_.size(); }

 private:
  static Result<EthnicGroups> from_tables(Result<TsvTable> table, Result<TsvTable> countries);
  std::vector<std::pair<std::string, std::string>> words_;  // (case-folded word, kin state), sorted by word
};

}  // namespace dyad
