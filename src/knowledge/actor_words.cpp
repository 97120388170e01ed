// ActorWords: eight small WordSets (knowledge/word_set.h), one per kind of row.
#include "knowledge/actor_words.h"

#include <algorithm>
#include <array>
#include <cstdint>

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
  // what a row's word must be: one lower-case word, that without a hyphen, or a sector code
  enum class Shape : uint8_t { word, suffix, sector };
  struct Kind {
    std::string_view name;
    WordSet* words;
    Shape shape;
  };
  const std::array<Kind, 8> kinds{{{"position", &out.positions_, Shape::word},
                                   {"backer_suffix", &out.backer_suffixes_, Shape::suffix},
                                   {"international_sector", &out.international_, Shape::sector},
                                   {"displaced_sector", &out.displaced_, Shape::sector},
                                   {"place_noun", &out.place_nouns_, Shape::word},
                                   {"place_noun_of", &out.place_nouns_of_, Shape::word},
                                   {"motion_word", &out.motion_words_, Shape::word},
                                   {"visit_verb", &out.visit_verbs_, Shape::word}}};
  size_t n = 0;
  for (const auto& row : t->rows()) {
    const std::string_view kind = t->get(row, kKind);
    const std::string_view w = t->get(row, kWord);
    const auto found = std::find_if(kinds.begin(), kinds.end(), [&](const Kind& k) { return k.name == kind; });
    if (found == kinds.end()) {
      std::string known;
      for (const Kind& k : kinds) known += (known.empty() ? "" : ", ") + std::string(k.name);
      return t->error(row, "unknown kind '" + std::string(kind) + "' (" + known + ")");
    }
    if (w.empty()) return t->error(row, "no word");
    if (found->shape == Shape::sector) {
      if (w.size() != 3 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return t->error(row, "'" + std::string(w) + "' is no sector code (three capitals)");
    } else {
      auto word = one_lower_case_word(*t, row, kWord, "word");
      if (!word.ok()) return word.error();
      if (found->shape == Shape::suffix && w.find('-') != std::string_view::npos)
        return t->error(row, "'" + std::string(w) + "': a backer suffix is the part after the hyphen");
    }
    auto as_of = parse_date_field(*t, row, kAsOf);
    if (!as_of.ok()) return as_of.error();
    if (!as_of.value()) return t->error(row, "as_of is required");
    if (!found->words->insert(w)) return t->error(row, "'" + std::string(w) + "' is listed twice");
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
