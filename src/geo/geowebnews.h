// GeoWebNews (Gritta et al. 2019) toponym-resolution measurement.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "geo/gazetteer.h"

namespace dyad {

struct GeoEval {
  uint64_t articles = 0;
  uint64_t gold = 0;        // gold toponyms with coordinates
  uint64_t resolved = 0;    // of those, found in the gazetteer
  uint64_t within_161 = 0;  // resolved within 161 km (100 miles) of the gold point
  double accuracy = 0;      // within_161 / gold (unresolved count as wrong)
  double mean_km = 0;       // mean error over resolved toponyms
  double median_km = 0;     // median error over resolved toponyms
  struct Miss {
    std::string name;   // the toponym as written
    std::string found;  // what it resolved to, "" when not in the gazetteer
    double km = -1;     // error, -1 when not found
  };
  std::vector<Miss> misses;  // every toponym scored wrong, in file order
  [[nodiscard]] std::string summary() const;
};

/// Reads GWN.xml (libxml2) and, for each gold toponym that has coordinates,
/// resolves its text with the article's other gold toponyms as context (and a
/// "Name, Qualifier" read off the article text), then scores the distance to
/// the gold point. A missing or malformed file is an Error.
Result<GeoEval> evaluate_geowebnews(const std::string& path, const Gazetteer& gazetteer);

}  // namespace dyad
