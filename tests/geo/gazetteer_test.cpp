// Tests over the real compiled gazetteer (skipped when it was not built).
#include "geo/gazetteer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

using dyad::distance_km;
using dyad::Gazetteer;
using dyad::ToponymQuery;

namespace {

std::shared_ptr<const Gazetteer> real() {
  static std::shared_ptr<const Gazetteer> g = [] {
    std::shared_ptr<const Gazetteer> out;
    if (!std::filesystem::exists(DYAD_GAZETTEER_TEST_PATH)) return out;
    auto r = Gazetteer::load(DYAD_GAZETTEER_TEST_PATH);
    if (r.ok()) out = *r;
    return out;
  }();
  return g;
}

#define REQUIRE_GAZETTEER() \
  auto g = real();          \
  if (!g) GTEST_SKIP() << "no gazetteer at " DYAD_GAZETTEER_TEST_PATH " (run scripts/setup)"

// The single best resolution of one name alone.
std::optional<dyad::GeoEntry> alone(const Gazetteer& g, const std::string& name) {
  return g.resolve_toponyms({ToponymQuery{name, ""}})[0];
}

}  // namespace

TEST(GeoReal, LoadsAndIsLarge) {
  REQUIRE_GAZETTEER();
  EXPECT_GT(g->size(), 100000U);
  EXPECT_GT(g->key_count(), g->size());
  auto t0 = std::chrono::steady_clock::now();
  auto again = Gazetteer::load(DYAD_GAZETTEER_TEST_PATH);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(again.ok());
  std::printf("gazetteer: %zu places, %zu names, %zu bytes, loaded in %.1f ms\n", g->size(), g->key_count(), g->bytes(),
              ms);
}

TEST(GeoReal, SeedPlaces) {
  REQUIRE_GAZETTEER();
  struct Case {
    const char* name;
    double lat, lon, km;
    const char* country;
  } cases[] = {
      {"Beijing", 39.9075, 116.3972, 50, "CHN"},
      {"Harbin", 45.75, 126.65, 50, "CHN"},
      {"Tiananmen Square", 39.9055, 116.3976, 5, "CHN"},
      {"Mongolia", 46.9, 103.8, 700, "MNG"},  // inside the country: within 700 km of its middle
      {"Taiwan", 23.7, 121.0, 150, "TWN"},
      {"South China Sea", 12.0, 113.0, 600, ""},
      {"Kyiv", 50.45, 30.52, 50, "UKR"},
      {"Strait of Hormuz", 26.6, 56.3, 100, ""},
      {"Gaza Strip", 31.42, 34.36, 30, "PSE"},
  };
  for (const auto& c : cases) {
    auto e = alone(*g, c.name);
    ASSERT_TRUE(e.has_value()) << c.name;
    double km = distance_km(e->lat, e->lon, c.lat, c.lon);
    EXPECT_LT(km, c.km) << c.name << " resolved to " << e->name << " " << e->lat << "," << e->lon;
    EXPECT_EQ(e->country, c.country) << c.name;
  }
  auto harbin = alone(*g, "harbin");
  ASSERT_TRUE(harbin.has_value());
  EXPECT_GT(harbin->population, 1000000U) << "Harbin alone is the big city";
}

TEST(GeoReal, ResolutionRules) {
  REQUIRE_GAZETTEER();
  auto r = g->resolve_toponyms({ToponymQuery{"Paris", "Texas"}});
  ASSERT_TRUE(r[0].has_value());
  EXPECT_EQ(r[0]->country, "USA");
  EXPECT_EQ(r[0]->admin1, "TX");
  EXPECT_EQ(alone(*g, "Paris")->country, "FRA");

  r = g->resolve_toponyms({ToponymQuery{"Georgia", ""}, ToponymQuery{"Tbilisi", ""}});
  EXPECT_EQ(r[0]->country, "GEO");
  EXPECT_EQ(r[0]->kind, dyad::geo::PlaceKind::country);
  r = g->resolve_toponyms({ToponymQuery{"Georgia", ""}, ToponymQuery{"Atlanta", ""}});
  EXPECT_EQ(r[0]->country, "USA");

  // A country the article names pulls an ambiguous town there.
  r = g->resolve_toponyms({ToponymQuery{"Tripoli", ""}}, {"LBN"});
  ASSERT_TRUE(r[0].has_value());
  EXPECT_EQ(r[0]->country, "LBN");
  EXPECT_EQ(alone(*g, "Tripoli")->country, "LBY");
  // ... but not to a small town many times smaller than the best-known town of that name,
  r = g->resolve_toponyms({ToponymQuery{"Geneva", ""}}, {"USA"});
  ASSERT_TRUE(r[0].has_value());
  EXPECT_EQ(r[0]->country, "CHE");
  // while a city of its own is pulled, however large its namesake.
  r = g->resolve_toponyms({ToponymQuery{"Alexandria", ""}}, {"USA"});
  ASSERT_TRUE(r[0].has_value());
  EXPECT_EQ(r[0]->country, "USA");
  EXPECT_EQ(r[0]->admin1, "VA");
  EXPECT_EQ(alone(*g, "Alexandria")->country, "EGY");
  r = g->resolve_toponyms({ToponymQuery{"Geneva", "Illinois"}}, {"USA"});
  ASSERT_TRUE(r[0].has_value());
  EXPECT_EQ(r[0]->country, "USA");
  EXPECT_EQ(alone(*g, "U.S.")->country, "USA");
}
