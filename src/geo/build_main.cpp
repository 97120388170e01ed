// dyad_geo_build: compiles gazetteer.bin at build time (see src/geo/build.h).
// Usage: dyad_geo_build OUT --places P --countries C [--cities F] [--admin1 J] [--admin2 J]
#include <cstdio>
#include <string>
#include <string_view>

#include "geo/build.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: dyad_geo_build OUT --places P --countries C [--cities F] [--admin1 J] [--admin2 J]\n");
    return 2;
  }
  dyad::geo::BuildInputs in;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i];
    std::string value = argv[i + 1];
    if (flag == "--places")
      in.places = value;
    else if (flag == "--countries")
      in.countries = value;
    else if (flag == "--cities")
      in.cities = value;
    else if (flag == "--admin1")
      in.admin1 = value;
    else if (flag == "--admin2")
      in.admin2 = value;
    else {
      std::fprintf(stderr, "dyad_geo_build: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  auto r = dyad::geo::build_gazetteer(in, argv[1]);
  if (!r) {
    std::fprintf(stderr, "dyad_geo_build: %s\n", r.error().str().c_str());
    return 1;
  }
  std::fprintf(stderr,
               "dyad_geo_build: %s: %llu places (%llu towns, %llu admin1, %llu admin2), %llu names, %llu bytes\n",
               argv[1], static_cast<unsigned long long>(r->places), static_cast<unsigned long long>(r->cities),
               static_cast<unsigned long long>(r->admin1), static_cast<unsigned long long>(r->admin2),
               static_cast<unsigned long long>(r->keys), static_cast<unsigned long long>(r->bytes));
  return 0;
}
