// ClauseWords: nine WordSets filled by read_word_kinds.
#include "events/clause_words.h"

#include <array>

#include "knowledge/word_kinds.h"

namespace dyad {

namespace {
std::array<WordKind, 9> kinds_of(WordSet& no_one, WordSet& aid, WordSet& habit, WordSet& preview,
                                 WordSet& subject_adverb, WordSet& function_word, WordSet& gerund_object,
                                 WordSet& blame, WordSet& done_before_to) {
  return {{{"no_one", &no_one, WordShape::phrase},
           {"aid_preposition", &aid, WordShape::word},
           {"habit_adverb", &habit, WordShape::word},
           {"preview_verb", &preview, WordShape::word},
           {"subject_adverb", &subject_adverb, WordShape::word},
           {"function_word", &function_word, WordShape::word},
           {"gerund_object_verb", &gerund_object, WordShape::word},
           {"blame_verb", &blame, WordShape::word},
           {"done_before_to", &done_before_to, WordShape::word}}};
}
}  // namespace

Result<ClauseWords> ClauseWords::load(const std::string& data_dir) {
  ClauseWords out;
  const auto kinds =
      kinds_of(out.no_one_, out.aid_prepositions_, out.habit_adverbs_, out.preview_verbs_, out.subject_adverbs_,
               out.function_words_, out.gerund_object_verbs_, out.blame_verbs_, out.done_before_to_);
  if (Status read = read_word_kinds_file(data_dir + "/cameo/clause_words.tsv", kinds); !read.ok()) return read.error();
  return out;
}

Result<ClauseWords> ClauseWords::parse(std::string_view name, std::string_view text) {
  ClauseWords out;
  const auto kinds =
      kinds_of(out.no_one_, out.aid_prepositions_, out.habit_adverbs_, out.preview_verbs_, out.subject_adverbs_,
               out.function_words_, out.gerund_object_verbs_, out.blame_verbs_, out.done_before_to_);
  if (Status read = parse_word_kinds(name, text, kinds); !read.ok()) return read.error();
  return out;
}

}  // namespace dyad
