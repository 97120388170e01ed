// NounList: one case-folded word per row, kept in a WordSet (knowledge/word_set.h).
#include "knowledge/pairs.h"

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
    auto as_of = parse_date_field(*t, row, kAsOf);
    if (!as_of.ok()) return as_of.error();
    if (!as_of.value()) return t->error(row, "as_of is required");
    if (!out.words_.insert(*w)) return t->error(row, "'" + std::string(*w) + "' is listed twice");
  }
  if (out.words_.empty()) return Error{t->name(), 0, "no nouns"};
  return out;
}

}  // namespace dyad
