// Small closed word lists kept by kind in one file: the `kind` / `word` / `as_of` format of
// data/knowledge/actor_words.tsv (docs/dictionaries.md, "Common format"). One reader for every such
// file: each caller names its kinds, the WordSet each fills and the shape its words must have.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "core/error.h"
#include "knowledge/tsv.h"
#include "knowledge/word_set.h"

namespace dyad {

/// What a row's word must be.
enum class WordShape : uint8_t {
  word,    // one lower-case word
  suffix,  // one lower-case word without a hyphen (the part after the hyphen of "Iran-backed")
  sector,  // a CAMEO sector code: three capitals
  phrase,  // one or two lower-case words, one space between them ("no one")
};

/// One kind of row of a file, and the set its words go to.
struct WordKind {
  std::string_view name;
  WordSet* words = nullptr;
  WordShape shape = WordShape::word;
};

/// The columns such a file must have.
inline constexpr std::string_view kWordKindColumn = "kind";
inline constexpr std::string_view kWordColumn = "word";
inline constexpr std::string_view kWordAsOfColumn = "as_of";

/// Reads the table's rows into the sets of `kinds`. Errors name file:line: an unknown kind (the
/// known ones listed), an empty word, a word not of its kind's shape, a row listed twice in its
/// kind, a missing or bad as_of date, a file with no rows.
Status read_word_kinds(const TsvTable& table, std::span<const WordKind> kinds);

/// Reads `path` (or, with `text` given, that text named `path`) with the three columns and then
/// read_word_kinds.
Status read_word_kinds_file(const std::string& path, std::span<const WordKind> kinds);
Status parse_word_kinds(std::string_view name, std::string_view text, std::span<const WordKind> kinds);

}  // namespace dyad
