// Compiling the gazetteer file from its sources (used by the dyad_geo_build
// tool at build time, and by tests on small inputs).
#pragma once

#include <cstdint>
#include <string>

#include "core/error.h"

namespace dyad::geo {

struct BuildInputs {
  std::string cities;     // GeoNames cities TSV (cities500.txt layout, 19 columns); "" = none
  std::string admin1;     // JSON array of {"code": "US.TX", "name": "Texas"}; "" = none
  std::string places;     // data/geo/places.tsv
  std::string countries;  // data/knowledge/countries.tsv (codes, names, aliases, adjectives)
  std::string admin2;     // JSON array of {"code": "US.NY.103", "name": "Suffolk County"}; "" = none
};

struct BuildStats {
  uint64_t places = 0, keys = 0, cities = 0, admin1 = 0, admin2 = 0, supplement = 0, bytes = 0;
};

/// Reads the inputs and writes the compiled file to `out` (atomically: a
/// temporary file renamed). Bad rows are Errors naming file and line.
Result<BuildStats> build_gazetteer(const BuildInputs& in, const std::string& out);

}  // namespace dyad::geo
