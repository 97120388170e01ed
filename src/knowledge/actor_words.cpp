// ActorWords: eleven small WordSets (knowledge/word_set.h), one per kind of row, read by read_word_kinds.
#include "knowledge/actor_words.h"

#include <array>

#include "knowledge/tsv.h"
#include "knowledge/word_kinds.h"

namespace dyad {

Result<ActorWords> ActorWords::from_table(Result<TsvTable> t) {
  if (!t.ok()) return t.error();
  ActorWords out;
  const std::array<WordKind, 11> kinds{{{"position", &out.positions_, WordShape::word},
                                        {"backer_suffix", &out.backer_suffixes_, WordShape::suffix},
                                        {"international_sector", &out.international_, WordShape::sector},
                                        {"displaced_sector", &out.displaced_, WordShape::sector},
                                        {"place_noun", &out.place_nouns_, WordShape::word},
                                        {"place_noun_of", &out.place_nouns_of_, WordShape::word},
                                        {"motion_word", &out.motion_words_, WordShape::word},
                                        {"visit_verb", &out.visit_verbs_, WordShape::word},
                                        {"force_verb", &out.force_verbs_, WordShape::word},
                                        {"former_word", &out.former_words_, WordShape::word},
                                        {"title_modifier", &out.title_modifiers_, WordShape::word}}};
  if (Status read = read_word_kinds(*t, kinds); !read.ok()) return read.error();
  return out;
}

Result<ActorWords> ActorWords::parse(std::string_view name, std::string_view text) {
  return from_table(TsvTable::parse(name, text, {kWordKindColumn, kWordColumn, kWordAsOfColumn}));
}

Result<ActorWords> ActorWords::load(const std::string& data_dir) {
  return from_table(
      TsvTable::read(data_dir + "/knowledge/actor_words.tsv", {kWordKindColumn, kWordColumn, kWordAsOfColumn}));
}

}  // namespace dyad
