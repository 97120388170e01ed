// The compiled gazetteer file (gazetteer.bin): one header and three flat
// tables, read in one go and used in place.
//
//   Header | PlaceRecord[place_count] | KeyRecord[key_count]
//          | CountryRecord[country_count] | string pool
//
// Keys are sorted by their normalised text (then by place index), so a
// lookup is one binary search. Offsets are from the start of the file;
// everything is little-endian and naturally aligned (zero padding after the
// keys keeps the country table at a multiple of 8).
#pragma once

#include <cstdint>

namespace dyad::geo {

inline constexpr char kMagic[8] = {'D', 'Y', 'A', 'D', 'G', 'A', 'Z', '1'};
inline constexpr uint32_t kFormatVersion = 3;

/// What kind of place a record is.
/// admin2: a second-level division (an English or Irish county), with its admin1 code.
enum class PlaceKind : uint8_t { country, territory, admin1, region, water, landmark, city, admin2 };

/// GeoNames feature code of a populated place, coarsened.
enum class CityRank : uint8_t { none, capital, admin1_seat, admin2_seat, admin_seat, place, historical };

struct FileHeader {
  char magic[8];
  uint32_t version;
  uint32_t place_count;
  uint32_t key_count;
  uint32_t country_count;
  uint64_t places_offset;
  uint64_t keys_offset;
  uint64_t countries_offset;
  uint64_t strings_offset;
  uint64_t strings_size;
};

struct PlaceRecord {
  int64_t geonameid;
  float lat;
  float lon;
  uint32_t population;
  uint32_t name_offset;  // into the string pool
  uint16_t name_length;
  uint8_t kind;     // PlaceKind
  uint8_t rank;     // CityRank
  char country[3];  // ISO 3166-1 alpha-3, zeros when none
  uint8_t admin1_length;
  uint32_t admin1_offset;  // GeoNames admin1 code
  uint32_t reserved;
};

/// KeyRecord::flags: the key is only one of a town's alternate names
/// (GeoNames alternatenames: other languages, former names), not its name.
inline constexpr uint16_t kKeyAlternate = 1;

struct KeyRecord {
  uint32_t key_offset;
  uint32_t place;
  uint16_t key_length;
  uint16_t flags;  // kKeyAlternate
};

struct CountryRecord {
  char iso2[2];
  char iso3[3];
  char cameo[3];
  uint32_t place;  // index of the country's PlaceRecord, UINT32_MAX when none
  uint32_t reserved;
};

static_assert(sizeof(FileHeader) == 64);
static_assert(sizeof(PlaceRecord) == 40);
static_assert(sizeof(KeyRecord) == 12);
static_assert(sizeof(CountryRecord) == 16);

}  // namespace dyad::geo
