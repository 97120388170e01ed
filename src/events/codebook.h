// The CAMEO event codebook and its PLOVER crosswalk, loaded from data files:
// data/cameo/events.tsv, data/plover/types.tsv, data/plover/cameo_to_plover.tsv.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"

namespace dyad {

/// One CAMEO event code with what the codebook and crosswalk say about it.
struct CameoEntry {
  std::string code;  // "042"
  std::string name;
  std::string root;  // "04"
  double goldstein = 0;
  int quad_class = 0;                 // CAMEO quad class, 1-4
  std::string plover;                 // PLOVER type ("CONSULT", "OTHER")
  std::string plover_announced;       // PLOVER type when only announced (mode expected): "AGREE"; empty = plover
  int plover_quad_class = 0;          // quad class of the PLOVER type (0 for OTHER)
  std::vector<std::string> modes;     // PLOVER modes the code implies
  std::vector<std::string> contexts;  // PLOVER contexts the code implies
};

class Codebook {
 public:
  /// Loads and cross-checks the three files under data_dir: every crosswalk row
  /// names a code in events.tsv and a type in types.tsv, and every code has a
  /// crosswalk row. Errors name file and line.
  static Result<Codebook> load(const std::string& data_dir);

  /// True when `code` is a CAMEO event code of the codebook.
  [[nodiscard]] bool valid(std::string_view code) const { return find(code) != nullptr; }
  /// The entry for `code`, or nullptr.
  [[nodiscard]] const CameoEntry* find(std::string_view code) const;
  /// Every code, in file order.
  [[nodiscard]] const std::vector<CameoEntry>& entries() const { return entries_; }
  /// True when `type` is a PLOVER type of types.tsv.
  [[nodiscard]] bool valid_plover(std::string_view type) const { return plover_quad_.count(std::string(type)) != 0; }

 private:
  std::vector<CameoEntry> entries_;
  std::unordered_map<std::string, size_t> index_;
  std::unordered_map<std::string, int> plover_quad_;
};

}  // namespace dyad
