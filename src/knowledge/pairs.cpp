// NounList: one case-folded word per row, kept as a sorted vector (a dozen words: a binary
// search over string_views is as cheap as a hash probe and allocates nothing).
#include "knowledge/pairs.h"

#include <algorithm>

#include "knowledge/tsv.h"

namespace dyad {

namespace {
constexpr std::string_view kNoun = "noun";
constexpr std::string_view kAsOf = "as_of";
}  // namespace

Result<NounList> NounList::parse(std::string_view name, std::string_view text) {
  return from_table(TsvTable::parse(name, text, {kNoun, kAsOf}));
}

Result<NounList> NounList::read(const std::string& path) { return from_table(TsvTable::read(path, {kNoun, kAsOf})); }

Result<NounList> PairNouns::load(const std::string& data_dir) {
  return NounList::read(data_dir + "/knowledge/pair_nouns.tsv");
}

Result<NounList> PersonNouns::load(const std::string& data_dir) {
  return NounList::read(data_dir + "/knowledge/person_nouns.tsv");
}

Result<NounList> UnitNouns::load(const std::string& data_dir) {
  return NounList::read(data_dir + "/knowledge/unit_nouns.tsv");
}

Result<NounList> CountNouns::load(const std::string& data_dir) {
  return NounList::read(data_dir + "/knowledge/count_nouns.tsv");
}

Result<NounList> NounList::from_table(Result<TsvTable> t) {
  if (!t.ok()) return t.error();
  NounList out;
  for (const auto& row : t->rows()) {
    auto w = one_lower_case_word(*t, row, kNoun, "noun");
    if (!w.ok()) return w.error();
    std::string folded(*w);
    auto as_of = parse_date_field(*t, row, kAsOf);
    if (!as_of.ok()) return as_of.error();
    if (!as_of.value()) return t->error(row, "as_of is required");
    auto at = std::lower_bound(out.words_.begin(), out.words_.end(), folded);
    if (at != out.words_.end() && *at == folded) return t->error(row, "'" + folded + "' is listed twice");
    out.words_.insert(at, std::move(folded));
  }
  if (out.words_.empty()) return Error{t->name(), 0, "no nouns"};
  return out;
}

bool NounList::contains(std::string_view w) const {
  auto at = std::lower_bound(words_.begin(), words_.end(), w,
                             [](const std::string& a, std::string_view b) { return std::string_view(a) < b; });
  return at != words_.end() && std::string_view(*at) == w;
}

}  // namespace dyad
