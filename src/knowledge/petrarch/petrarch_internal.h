// Internal helpers shared by the TABARI/PETRARCH readers (not a public API).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "knowledge/petrarch/petrarch.h"

namespace dyad::petrarch_detail {

/// Thrown inside the reader for a syntax error; caught at the API boundary.
struct SyntaxError : std::runtime_error {
  SyntaxError(uint64_t l, const std::string& m) : std::runtime_error(m), line(l) {}
  uint64_t line;
};

/// One input line with comments removed. `text` keeps leading white space
/// (indentation is meaningful in .actors files); `blank` is true only for a
/// line that was empty or white space in the file (not a comment-only line).
struct Line {
  uint64_t number = 0;
  std::string text;
  bool blank = false;
};

/// Splits text into lines and removes `#` and `;` comments (outside [...]) and
/// <!-- ... --> comments, which may span lines. An unclosed <!-- is a SyntaxError.
std::vector<Line> strip_comments(std::string_view text);

std::string trim(std::string_view s);
std::string to_lower(std::string_view s);
std::string to_upper(std::string_view s);
bool starts_with_ci(std::string_view s, std::string_view prefix);

/// Words of a TABARI phrase: separated by blanks or underscores.
std::vector<std::string> phrase_words(std::string_view phrase);

/// Regular English plural of the last word (docs/petrarch.md, "Plurals").
std::string regular_plural(std::string_view word);

/// A TABARI date, YYMMDD or YYYYMMDD (century rule in docs/petrarch.md).
Date parse_tabari_date(std::string_view s, uint64_t line);
Date next_day(const Date& d);

/// Appends a warning to the report.
void warn(PetrarchReport& report, const std::string& file, uint64_t line, const std::string& message);

/// Reads a .verbs file into out.verbs; throws SyntaxError.
void parse_verbs(const std::vector<Line>& lines, const std::string& path, PetrarchReport& report, KnowledgeSpecs& out);

}  // namespace dyad::petrarch_detail
