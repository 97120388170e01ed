// EthnicGroups: each listed demonym, case-folded, with its kin state, kept as a sorted vector (a
// few dozen words: a binary search allocates nothing). Checked against countries.tsv at load, so
// a word is always a demonym of the country it is listed under.
#include "knowledge/ethnic.h"

#include <algorithm>

#include "core/unicode.h"
#include "knowledge/tsv.h"

namespace dyad {

namespace {
constexpr std::string_view kGroup = "group";
constexpr std::string_view kKin = "kin_state";
constexpr std::string_view kNote = "note";
constexpr std::string_view kAsOf = "as_of";
constexpr std::string_view kCameo = "cameo";
constexpr std::string_view kAdjectives = "adjectives";
}  // namespace

Result<EthnicGroups> EthnicGroups::parse(std::string_view name, std::string_view text, std::string_view countries_name,
                                         std::string_view countries) {
  return from_tables(TsvTable::parse(name, text, {kGroup, kKin, kNote, kAsOf}),
                     TsvTable::parse(countries_name, countries, {kCameo, kAdjectives}));
}

Result<EthnicGroups> EthnicGroups::load(const std::string& data_dir) {
  return from_tables(TsvTable::read(data_dir + "/knowledge/ethnic_groups.tsv", {kGroup, kKin, kNote, kAsOf}),
                     TsvTable::read(data_dir + "/knowledge/countries.tsv", {kCameo, kAdjectives}));
}

Result<EthnicGroups> EthnicGroups::from_tables(Result<TsvTable> t, Result<TsvTable> countries) {
  if (!t.ok()) return t.error();
  if (!countries.ok()) return countries.error();
  EthnicGroups out;
  for (const auto& row : t->rows()) {
    const std::string_view kin = t->get(row, kKin);
    if (kin.size() != 3 || !std::all_of(kin.begin(), kin.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
      return t->error(row, "kin_state '" + std::string(kin) + "' is not a 3-letter upper-case CAMEO code");
    const TsvTable::Row* country = nullptr;
    for (const auto& c : countries->rows())
      if (countries->get(c, kCameo) == kin) country = &c;
    if (country == nullptr) return t->error(row, "kin_state '" + std::string(kin) + "' is no row of countries.tsv");
    const auto adjectives = split_values(countries->get(*country, kAdjectives));
    if (t->get(row, kNote).empty()) return t->error(row, "no note");
    auto as_of = parse_date_field(*t, row, kAsOf);
    if (!as_of.ok()) return as_of.error();
    if (!as_of.value()) return t->error(row, "as_of is required");
    const auto words = split_values(t->get(row, kGroup));
    if (words.empty()) return t->error(row, "no group word");
    for (const std::string_view w : words) {
      if (w.empty() || w.find_first_of(" \t") != std::string_view::npos)
        return t->error(row, "'" + std::string(w) + "' is not one word");
      if (w.front() < 'A' || w.front() > 'Z')
        return t->error(row, "'" + std::string(w) + "' must be written capitalised, as in countries.tsv");
      if (std::find(adjectives.begin(), adjectives.end(), w) == adjectives.end())
        return t->error(row,
                        "'" + std::string(w) + "' is not an adjective of " + std::string(kin) + " in countries.tsv");
      std::string folded;
      fold_case_append(w, folded);
      auto at = std::lower_bound(out.words_.begin(), out.words_.end(), folded,
                                 [](const auto& a, const std::string& b) { return a.first < b; });
      if (at != out.words_.end() && at->first == folded) return t->error(row, "'" + folded + "' is listed twice");
      out.words_.insert(at, {std::move(folded), std::string(kin)});
    }
  }
  if (out.words_.empty()) return Error{t->name(), 0, "no ethnic groups"};
  return out;
}

std::string_view EthnicGroups::kin_state(std::string_view w) const {
  auto at = std::lower_bound(words_.begin(), words_.end(), w,
                             [](const auto& a, std::string_view b) { return std::string_view(a.first) < b; });
  if (at == words_.end() || std::string_view(at->first) != w) return {};
  return at->second;
}

}  // namespace dyad
