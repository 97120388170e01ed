// Design note: the codebook is three small tables joined at load time into one
// vector indexed by code, so the coder never emits a code, PLOVER type, quad
// class or Goldstein value that is not in the data files; the cross-checks run
// once at start, where a broken data file should stop the run.
#include "events/codebook.h"

#include <charconv>

#include "knowledge/tsv.h"

namespace dyad {

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

const CameoEntry* Codebook::find(std::string_view code) const {
  auto it = index_.find(std::string(code));
  return it == index_.end() ? nullptr : &entries_[it->second];
}

Result<Codebook> Codebook::load(const std::string& data_dir) {
  Codebook cb;
  auto types = TsvTable::read(data_dir + "/plover/types.tsv", {"type", "quad_class"});
  if (!types.ok()) return types.error();
  for (const auto& row : types->rows()) {
    int q = -1;
    std::string_view qs = types->get(row, "quad_class");
    if (std::from_chars(qs.data(), qs.data() + qs.size(), q).ec != std::errc{} || q < 0 || q > 4)
      return types->error(row, "quad_class must be 0-4");
    cb.plover_quad_[std::string(types->get(row, "type"))] = q;
  }
  // announced_as (optional column): the type an only announced act of this type becomes
  std::unordered_map<std::string, std::string> announced;
  if (types->has("announced_as"))
    for (const auto& row : types->rows()) {
      std::string a(types->get(row, "announced_as"));
      if (a.empty()) continue;
      if (cb.plover_quad_.count(a) == 0) return types->error(row, "announced_as is not a type of types.tsv: " + a);
      announced[std::string(types->get(row, "type"))] = std::move(a);
    }

  auto events = TsvTable::read(data_dir + "/cameo/events.tsv", {"code", "name", "goldstein", "quad_class", "root"});
  if (!events.ok()) return events.error();
  for (const auto& row : events->rows()) {
    CameoEntry e;
    e.code = events->get(row, "code");
    e.name = events->get(row, "name");
    e.root = events->get(row, "root");
    if (!all_digits(e.code) || e.code.size() < 2 || e.code.size() > 4)
      return events->error(row, "code must be 2-4 digits: '" + e.code + "'");
    if (e.code.substr(0, 2) != e.root) return events->error(row, "root does not match code " + e.code);
    try {
      e.goldstein = std::stod(std::string(events->get(row, "goldstein")));
      e.quad_class = std::stoi(std::string(events->get(row, "quad_class")));
    } catch (const std::exception&) {
      return events->error(row, "goldstein and quad_class must be numbers");
    }
    if (e.quad_class < 1 || e.quad_class > 4) return events->error(row, "quad_class must be 1-4");
    if (cb.index_.count(e.code) != 0) return events->error(row, "duplicate code " + e.code);
    cb.index_[e.code] = cb.entries_.size();
    cb.entries_.push_back(std::move(e));
  }

  auto map = TsvTable::read(data_dir + "/plover/cameo_to_plover.tsv", {"cameo", "plover"});
  if (!map.ok()) return map.error();
  std::vector<bool> mapped(cb.entries_.size(), false);
  for (const auto& row : map->rows()) {
    auto it = cb.index_.find(std::string(map->get(row, "cameo")));
    if (it == cb.index_.end())
      return map->error(row, "CAMEO code not in events.tsv: " + std::string(map->get(row, "cameo")));
    CameoEntry& e = cb.entries_[it->second];
    e.plover = map->get(row, "plover");
    auto q = cb.plover_quad_.find(e.plover);
    if (q == cb.plover_quad_.end()) return map->error(row, "PLOVER type not in types.tsv: " + e.plover);
    e.plover_quad_class = q->second;
    if (auto a = announced.find(e.plover); a != announced.end()) e.plover_announced = a->second;
    for (auto m : split_values(map->get(row, "mode"))) e.modes.emplace_back(m);
    for (auto c : split_values(map->get(row, "context"))) e.contexts.emplace_back(c);
    mapped[it->second] = true;
  }
  for (size_t i = 0; i < mapped.size(); ++i)
    if (!mapped[i]) return Error{map->name(), 0, "CAMEO code " + cb.entries_[i].code + " has no PLOVER mapping"};
  return cb;
}

}  // namespace dyad
