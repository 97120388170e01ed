// ActorWords: eight WordSets of a dozen words each (knowledge/word_set.h).
#include "knowledge/actor_words.h"

#include <algorithm>
#include <array>

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
  struct Kind {
    std::string_view name;
    WordSet* words;
  };
  const std::array<Kind, 8> kinds{{{"position", &out.positions_},
                                   {"backer_suffix", &out.backer_suffixes_},
                                   {"international_sector", &out.international_},
                                   {"displaced_sector", &out.displaced_},
                                   {"place_noun", &out.place_nouns_},
                                   {"place_noun_of", &out.place_nouns_of_},
                                   {"motion_word", &out.motion_words_},
                                   {"visit_verb", &out.visit_verbs_}}};
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
    const bool sector = kind == "international_sector" || kind == "displaced_sector";
    if (w.empty()) return t->error(row, "no word");
    if (sector) {
      if (w.size() != 3 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return t->error(row, "'" + std::string(w) + "' is no sector code (three capitals)");
    } else {
      auto word = one_lower_case_word(*t, row, kWord, "word");
      if (!word.ok()) return word.error();
      if (kind == "backer_suffix" && w.find('-') != std::string_view::npos)
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
