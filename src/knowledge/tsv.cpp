#include "knowledge/tsv.h"

#include <fstream>
#include <sstream>

#include "core/lines.h"
#include "core/unicode.h"

namespace dyad {

Result<TsvTable> TsvTable::read(const std::string& path, const std::vector<std::string_view>& required) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, 0, "cannot open knowledge file"};
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(path, ss.str(), required);
}

Result<TsvTable> TsvTable::parse(std::string_view name, std::string_view text,
                                 const std::vector<std::string_view>& required) {
  TsvTable t;
  t.name_ = std::string(name);
  if (auto bad = find_invalid_utf8(text)) return Error{t.name_, bad->line, "invalid UTF-8"};
  LineCursor lines(text);
  for (std::string_view line; lines.next(line);) {
    const uint64_t line_no = lines.number();
    if (line.empty() || line.front() == '#') continue;
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    std::vector<std::string> fields;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      std::string_view f = line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
      while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
      while (!f.empty() && f.back() == ' ') f.remove_suffix(1);
      fields.emplace_back(f);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (t.header_.empty()) {
      t.header_ = std::move(fields);
      for (size_t i = 0; i < t.header_.size(); ++i) {
        if (!t.index_.emplace(t.header_[i], i).second)
          return Error{t.name_, line_no, "column '" + t.header_[i] + "' appears twice in the header"};
      }
      for (std::string_view r : required)
        if (t.index_.find(std::string(r)) == t.index_.end())
          return Error{t.name_, line_no, "header lacks the required column '" + std::string(r) + "'"};
      continue;
    }
    if (fields.size() != t.header_.size())
      return Error{t.name_, line_no,
                   "expected " + std::to_string(t.header_.size()) + " tab-separated fields, found " +
                       std::to_string(fields.size())};
    t.rows_.push_back(Row{line_no, std::move(fields)});
  }
  if (t.header_.empty()) return Error{t.name_, 0, "no header row"};
  return t;
}

bool TsvTable::has(std::string_view column) const { return index_.find(std::string(column)) != index_.end(); }

size_t TsvTable::column(std::string_view column) const { return index_.at(std::string(column)); }

std::string_view TsvTable::get(const Row& row, std::string_view column) const {
  auto it = index_.find(std::string(column));
  return it == index_.end() ? std::string_view() : std::string_view(row.fields[it->second]);
}

std::vector<std::string_view> split_values(std::string_view field) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= field.size()) {
    size_t bar = field.find('|', start);
    std::string_view v = field.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
    if (!v.empty()) out.push_back(v);
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

Result<std::string_view> one_lower_case_word(const TsvTable& t, const TsvTable::Row& row, std::string_view column,
                                             std::string_view what) {
  const std::string_view w = t.get(row, column);
  if (w.empty()) return t.error(row, "no " + std::string(what));
  if (w.find_first_of(" \t|") != std::string_view::npos)
    return t.error(row, "'" + std::string(w) + "' is not one word");
  std::string folded;
  fold_case_append(w, folded);
  if (folded != w) return t.error(row, "'" + std::string(w) + "' must be written in lower case");
  return w;
}

Result<std::optional<Date>> parse_date_field(const TsvTable& t, const TsvTable::Row& row, std::string_view column) {
  std::string_view f = t.get(row, column);
  if (f.empty()) return std::optional<Date>{};
  auto d = parse_date(f);
  if (!d || f.size() > 10 || f[0] < '0' || f[0] > '9')
    return t.error(row, "column '" + std::string(column) + "': '" + std::string(f) + "' is not an ISO date");
  return std::optional<Date>{*d};
}

}  // namespace dyad
