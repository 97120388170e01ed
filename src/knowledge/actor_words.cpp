// ActorWords: six WordSets of a dozen words each (knowledge/word_set.h).
#include "knowledge/actor_words.h"

#include <algorithm>

#include "knowledge/tsv.h"

namespace dyad {

namespace {
constexpr std::string_view kKind = "kind";
constexpr std::string_view kWord = "word";
constexpr std::string_view kAsOf = "as_of";

}  // namespace

Result<ActorWords> ActorWords::from_table(Result<TsvTable> t) {
  if (!t.ok()) return t.error();
  ActorWords out;
  WordSet* const lists[6] = {&out.positions_, &out.backer_suffixes_, &out.international_,
                             &out.displaced_, &out.place_nouns_,     &out.place_nouns_of_};
  size_t n = 0;
  for (const auto& row : t->rows()) {
    const std::string_view kind = t->get(row, kKind);
    const std::string_view w = t->get(row, kWord);
    int which = -1;
    if (kind == "position") which = 0;
    if (kind == "backer_suffix") which = 1;
    if (kind == "international_sector") which = 2;
    if (kind == "displaced_sector") which = 3;
    if (kind == "place_noun") which = 4;
    if (kind == "place_noun_of") which = 5;
    if (which < 0)
      return t->error(
          row, "unknown kind '" + std::string(kind) +
                   "' (position, backer_suffix, international_sector, displaced_sector, place_noun, place_noun_of)");
    if (w.empty()) return t->error(row, "no word");
    if (which == 2 || which == 3) {
      if (w.size() != 3 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return t->error(row, "'" + std::string(w) + "' is no sector code (three capitals)");
    } else {
      auto word = one_lower_case_word(*t, row, kWord, "word");
      if (!word.ok()) return word.error();
      if (which == 1 && w.find('-') != std::string_view::npos)
        return t->error(row, "'" + std::string(w) + "': a backer suffix is the part after the hyphen");
    }
    auto as_of = parse_date_field(*t, row, kAsOf);
    if (!as_of.ok()) return as_of.error();
    if (!as_of.value()) return t->error(row, "as_of is required");
    if (!lists[which]->insert(w)) return t->error(row, "'" + std::string(w) + "' is listed twice");
    ++n;
  }
  if (n == 0) return Error{t->name(), 0, "no rows"};
  return out;
}

Result<ActorWords> ActorWords::parse(std::string_view name, std::string_view text) {
  return from_table(TsvTable::parse(name, text, {kKind, kWord, kAsOf}));
}

Result<ActorWords> ActorWords::load(const std::string& data_dir) {
  return from_table(TsvTable::read(data_dir + "/knowledge/actor_words.tsv", {kKind, kWord, kAsOf}));
}

}  // namespace dyad
