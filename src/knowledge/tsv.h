// Reader for dyad's knowledge files (docs/dictionaries.md, "Common format").
//
// UTF-8 TSV; lines starting with '#' are comments, blank lines are skipped;
// the first other line is the header naming the columns; every row has as
// many fields as the header. Multi-valued fields are '|'-separated. Errors
// name the file and line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/error.h"

namespace dyad {

class TsvTable {
 public:
  struct Row {
    uint64_t line = 0;  // 1-based line in the file
    std::vector<std::string> fields;
  };

  /// Reads and checks a whole file. `required` columns must be in the header.
  static Result<TsvTable> read(const std::string& path, const std::vector<std::string_view>& required = {});
  /// The same over in-memory text; `name` is used in messages.
  static Result<TsvTable> parse(std::string_view name, std::string_view text,
                                const std::vector<std::string_view>& required = {});

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] const std::vector<Row>& rows() const { return rows_; }
  [[nodiscard]] bool has(std::string_view column) const;
  /// Index of a column; only call for columns that exist (checked by `required` or has()).
  [[nodiscard]] size_t column(std::string_view column) const;
  /// Field of `row` in `column`, "" when the column does not exist.
  [[nodiscard]] std::string_view get(const Row& row, std::string_view column) const;

  /// An Error at `row` of this file.
  [[nodiscard]] Error error(const Row& row, std::string message) const {
    return Error{name_, row.line, std::move(message)};
  }

 private:
  std::string name_;
  std::vector<std::string> header_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<Row> rows_;
};

/// Splits a '|'-separated field into trimmed, non-empty values.
std::vector<std::string_view> split_values(std::string_view field);

/// A word-list field: one word (no space, tab or '|'), written in lower case; else an Error at `row`
/// ("no <what>" when empty).
Result<std::string_view> one_lower_case_word(const TsvTable& t, const TsvTable::Row& row, std::string_view column,
                                             std::string_view what);

/// Parses an optional ISO date field: empty -> nullopt (ok); malformed -> Error.
Result<std::optional<Date>> parse_date_field(const TsvTable& t, const TsvTable::Row& row, std::string_view column);

}  // namespace dyad
