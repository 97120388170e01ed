// read_word_kinds: the kind/word/as_of rows of a small word-list file into WordSets.
#include "knowledge/word_kinds.h"

#include <algorithm>
#include <string>

#include "core/unicode.h"

namespace dyad {

namespace {

Status check_shape(const TsvTable& t, const TsvTable::Row& row, WordShape shape) {
  const std::string_view w = t.get(row, kWordColumn);
  if (w.empty()) return t.error(row, "no word");
  switch (shape) {
    case WordShape::sector:
      if (w.size() != 3 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return t.error(row, "'" + std::string(w) + "' is no sector code (three capitals)");
      return {};
    case WordShape::phrase: {
      const size_t space = w.find(' ');
      if (space != std::string_view::npos) {
        const std::string_view first = w.substr(0, space);
        const std::string_view second = w.substr(space + 1);
        if (first.empty() || second.empty() || second.find(' ') != std::string_view::npos)
          return t.error(row, "'" + std::string(w) + "' is not one or two words with one space between them");
        std::string folded;
        fold_case_append(w, folded);
        if (folded != w || w.find_first_of("\t|") != std::string_view::npos)
          return t.error(row, "'" + std::string(w) + "' must be written in lower case");
        return {};
      }
      break;
    }
    case WordShape::word:
    case WordShape::suffix:
      break;
  }
  auto word = one_lower_case_word(t, row, kWordColumn, "word");
  if (!word.ok()) return word.error();
  if (shape == WordShape::suffix && w.find('-') != std::string_view::npos)
    return t.error(row, "'" + std::string(w) + "': a backer suffix is the part after the hyphen");
  return {};
}

}  // namespace

Status read_word_kinds(const TsvTable& t, std::span<const WordKind> kinds) {
  size_t n = 0;
  for (const auto& row : t.rows()) {
    const std::string_view kind = t.get(row, kWordKindColumn);
    const auto found = std::find_if(kinds.begin(), kinds.end(), [&](const WordKind& k) { return k.name == kind; });
    if (found == kinds.end()) {
      std::string known;
      for (const WordKind& k : kinds) known += (known.empty() ? "" : ", ") + std::string(k.name);
      return t.error(row, "unknown kind '" + std::string(kind) + "' (" + known + ")");
    }
    if (Status shape = check_shape(t, row, found->shape); !shape.ok()) return shape;
    auto as_of = parse_date_field(t, row, kWordAsOfColumn);
    if (!as_of.ok()) return as_of.error();
    if (!as_of.value()) return t.error(row, "as_of is required");
    const std::string_view w = t.get(row, kWordColumn);
    if (!found->words->insert(w)) return t.error(row, "'" + std::string(w) + "' is listed twice");
    ++n;
  }
  if (n == 0) return Error{t.name(), 0, "no rows"};
  return {};
}

Status read_word_kinds_file(const std::string& path, std::span<const WordKind> kinds) {
  auto t = TsvTable::read(path, {kWordKindColumn, kWordColumn, kWordAsOfColumn});
  if (!t.ok()) return t.error();
  return read_word_kinds(*t, kinds);
}

Status parse_word_kinds(std::string_view name, std::string_view text, std::span<const WordKind> kinds) {
  auto t = TsvTable::parse(name, text, {kWordKindColumn, kWordColumn, kWordAsOfColumn});
  if (!t.ok()) return t.error();
  return read_word_kinds(*t, kinds);
}

}  // namespace dyad
