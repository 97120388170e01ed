// Walking a text line by line, as the readers of data files and gold suites do, and
// splitting a line into its space-separated fields.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace dyad {

/// Hands out the lines of a text in order: each without its '\n' and without a '\r' before it,
/// numbered from 1. A text ending in '\n' has a last, empty line (as an editor counts lines);
/// an empty text has one empty line.
///
///   LineCursor lines(text);
///   for (std::string_view line; lines.next(line);) use(line, lines.number());
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) {}

  /// Sets `line` to the next line and returns true, or returns false after the last one.
  bool next(std::string_view& line) {
    if (pos_ > text_.size()) return false;
    size_t nl = text_.find('\n', pos_);
    if (nl == std::string_view::npos) nl = text_.size();
    line = text_.substr(pos_, nl - pos_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos_ = nl + 1;
    ++number_;
    return true;
  }

  /// The 1-based number of the line `next` returned last (0 before the first call).
  uint64_t number() const { return number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  uint64_t number_ = 0;
};

/// The fields of a line separated by runs of spaces (' ' only), without empty ones.
inline std::vector<std::string_view> split_spaces(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace dyad
