// Design note: the gazetteer is compiled once, at build time, so that loading
// it at run time is one read. The builder merges four sources:
//  - the GeoNames city list (cities500 layout: geonameid, name, ASCII name,
//    alternate names, lat/lon, feature class/code, ISO-2 country, admin1 and
//    admin2 codes, population), keeping the Latin-script alternate names;
//  - GeoNames admin1 names ("US.TX" -> "Texas"); an admin1 that
//    data/geo/places.tsv does not place gets the mean position of its cities;
//  - GeoNames admin2 names ("US.NY.103" -> "Suffolk County"), each placed at
//    the mean position of its towns (admin2s without a town are left out);
//  - data/geo/places.tsv (countries, regions, waters, landmarks, main admin1),
//    with country names, aliases and adjectives from data/knowledge/countries.tsv.
// Every name becomes a normalised key (normalize.h); the keys are sorted so a
// lookup is a binary search. A town's alternate name that names a country is
// dropped ("Mexico" for Mexico City). Airport-style codes (short all-capital
// alternates) and names with digits are not indexed: they collide with words.
#include "geo/build.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geo/format.h"
#include "geo/normalize.h"
#include "knowledge/tsv.h"

namespace dyad::geo {
namespace {

struct BuildPlace {
  std::string name;
  std::vector<std::string> names;
  PlaceKind kind = PlaceKind::city;
  CityRank rank = CityRank::none;
  std::string country;  // ISO-3
  std::string admin1;
  double lat = 0, lon = 0;
  uint32_t population = 0;
  int64_t geonameid = 0;
  size_t bare_name =
      SIZE_MAX;  // an admin1's name without its generic word ("Borno" of "Borno State"): an alternate key
};

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    if (p == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, p - start));
    start = p + 1;
  }
}

CityRank rank_of(std::string_view code) {
  if (code == "PPLC") return CityRank::capital;
  if (code == "PPLA") return CityRank::admin1_seat;
  if (code == "PPLA2") return CityRank::admin2_seat;
  if (code == "PPLA3" || code == "PPLA4" || code == "PPLG") return CityRank::admin_seat;
  if (code == "PPLH" || code == "PPLQ" || code == "PPLW") return CityRank::historical;
  return CityRank::place;
}

std::optional<PlaceKind> kind_of(std::string_view s) {
  if (s == "country") return PlaceKind::country;
  if (s == "territory") return PlaceKind::territory;
  if (s == "admin1") return PlaceKind::admin1;
  if (s == "region") return PlaceKind::region;
  if (s == "water") return PlaceKind::water;
  if (s == "landmark") return PlaceKind::landmark;
  if (s == "city") return PlaceKind::city;
  if (s == "admin2") return PlaceKind::admin2;
  return std::nullopt;
}

bool parse_double(std::string_view s, double& out) {
  std::string tmp(s);
  char* end = nullptr;
  out = std::strtod(tmp.c_str(), &end);
  return !tmp.empty() && end == tmp.c_str() + tmp.size();
}

// An alternate name worth indexing: no digits, not an airport-style code.
bool indexable_alternate(std::string_view raw) {
  if (raw.size() < 2) return false;
  bool all_caps = true;
  for (char c : raw) {
    if (c >= '0' && c <= '9') return false;
    if (!(c >= 'A' && c <= 'Z')) all_caps = false;
  }
  return !(all_caps && raw.size() <= 4);
}

struct Countries {
  std::unordered_map<std::string, std::string> iso2_to_iso3, cameo_to_iso3;
  std::unordered_map<std::string, std::vector<std::string>> names;  // iso3 -> names
  std::vector<CountryRecord> records;
  std::string iso3(std::string_view code) const {
    std::string c(code);
    if (auto it = cameo_to_iso3.find(c); it != cameo_to_iso3.end()) return it->second;
    if (auto it = iso2_to_iso3.find(c); it != iso2_to_iso3.end()) return it->second;
    return c.size() == 3 ? c : std::string();
  }
};

Status read_countries(const std::string& path, Countries& out) {
  auto t = TsvTable::read(path, {"cameo", "iso3", "iso2", "name"});
  if (!t) return t.error();
  for (const auto& row : t->rows()) {
    std::string cameo(t->get(row, "cameo")), iso3(t->get(row, "iso3")), iso2(t->get(row, "iso2"));
    if (iso3.size() != 3) continue;  // CAMEO regions
    if (t->get(row, "status") == "former") continue;
    if (iso2.size() == 2) out.iso2_to_iso3.emplace(iso2, iso3);
    out.cameo_to_iso3.emplace(cameo, iso3);
    auto& names = out.names[iso3];
    names.emplace_back(t->get(row, "name"));
    for (auto col : {"aliases", "adjectives"})
      for (auto v : split_values(t->get(row, col))) names.emplace_back(v);
    CountryRecord rec{};
    if (iso2.size() == 2) std::memcpy(rec.iso2, iso2.data(), 2);
    std::memcpy(rec.iso3, iso3.data(), 3);
    if (cameo.size() == 3) std::memcpy(rec.cameo, cameo.data(), 3);
    rec.place = UINT32_MAX;
    out.records.push_back(rec);
  }
  return {};
}

Status read_places(const std::string& path, const Countries& countries, std::vector<BuildPlace>& out) {
  auto t = TsvTable::read(path, {"name", "aliases", "type", "country", "lat", "lon", "as_of"});
  if (!t) return t.error();
  for (const auto& row : t->rows()) {
    BuildPlace p;
    p.name = std::string(t->get(row, "name"));
    if (p.name.empty()) return t->error(row, "empty name");
    auto kind = kind_of(t->get(row, "type"));
    if (!kind) return t->error(row, "unknown type '" + std::string(t->get(row, "type")) + "'");
    p.kind = *kind;
    p.country = countries.iso3(t->get(row, "country"));
    if (!t->get(row, "country").empty() && p.country.size() != 3)
      return t->error(row, "bad country code '" + std::string(t->get(row, "country")) + "'");
    p.admin1 = std::string(t->get(row, "admin1"));
    if (!parse_double(t->get(row, "lat"), p.lat) || !parse_double(t->get(row, "lon"), p.lon) || std::abs(p.lat) > 90 ||
        std::abs(p.lon) > 180)
      return t->error(row, "bad coordinates");
    if (auto g = t->get(row, "geonameid"); !g.empty()) {
      double v = 0;
      if (!parse_double(g, v) || v <= 0) return t->error(row, "bad geonameid");
      p.geonameid = static_cast<int64_t>(v);
    }
    p.names.push_back(p.name);
    for (auto a : split_values(t->get(row, "aliases"))) p.names.emplace_back(a);
    if (p.kind == PlaceKind::country || p.kind == PlaceKind::territory) {
      if (auto it = countries.names.find(p.country); it != countries.names.end())
        for (const auto& n : it->second) p.names.push_back(n);
    }
    out.push_back(std::move(p));
  }
  return {};
}

struct Admin1Sum {
  double lat = 0, lon = 0;
  uint64_t n = 0;
  uint64_t population = 0;
};

Status read_cities(const std::string& path, const Countries& countries, std::vector<BuildPlace>& out,
                   std::map<std::string, Admin1Sum>& admin1, std::map<std::string, Admin1Sum>& admin2) {
  std::ifstream in(path);
  if (!in) return Error{path, 0, "cannot open"};
  std::string line;
  uint64_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (line.empty()) continue;
    auto f = split(line, '\t');
    if (f.size() < 15)
      return Error{path, lineno, "expected 19 tab-separated fields, found " + std::to_string(f.size())};
    BuildPlace p;
    double id = 0;
    if (!parse_double(f[0], id) || !parse_double(f[4], p.lat) || !parse_double(f[5], p.lon))
      return Error{path, lineno, "bad id or coordinates"};
    p.geonameid = static_cast<int64_t>(id);
    p.name = std::string(f[1]);
    p.kind = PlaceKind::city;
    p.rank = rank_of(f[7]);
    p.country = countries.iso3(f[8]);
    p.admin1 = std::string(f[10]);
    double pop = 0;
    if (parse_double(f[14], pop) && pop > 0) p.population = static_cast<uint32_t>(std::min(pop, 4e9));
    p.names.push_back(p.name);
    p.names.emplace_back(f[2]);
    if (!f[3].empty())
      for (auto a : split(f[3], ','))
        if (indexable_alternate(a)) p.names.emplace_back(a);
    if (!p.admin1.empty() && f[8].size() == 2) {
      auto& s = admin1[std::string(f[8]) + "." + p.admin1];
      s.lat += p.lat;
      s.lon += p.lon;
      s.n += 1;
      s.population += p.population;
      if (!f[11].empty()) {
        auto& s2 = admin2[std::string(f[8]) + "." + p.admin1 + "." + std::string(f[11])];
        s2.lat += p.lat;
        s2.lon += p.lon;
        s2.n += 1;
        s2.population += p.population;
      }
    }
    out.push_back(std::move(p));
  }
  return {};
}

// A JSON file whose top level must be an array (the npm admin division lists).
Result<nlohmann::json> read_json_array(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{path, 0, "cannot open"};
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    return Error{path, 0, std::string("bad JSON: ") + e.what()};
  }
  if (!j.is_array()) return Error{path, 0, "expected a JSON array"};
  return j;
}

// The code and name of one division record of the npm lists; nullopt for a
// record without both as strings (skipped, as the lists have a few).
std::optional<std::pair<std::string, std::string>> division_record(const nlohmann::json& e) {
  if (!e.is_object() || !e.contains("code") || !e.contains("name") || !e["code"].is_string() || !e["name"].is_string())
    return std::nullopt;
  return std::pair{e["code"].get<std::string>(), e["name"].get<std::string>()};
}

// A division placed at the mean position of its towns in the city list, with
// their summed population (at least `min_population`).
BuildPlace division_at_mean(const std::string& name, PlaceKind kind, const std::string& iso3, std::string admin1,
                            const Admin1Sum& sum, uint64_t min_population) {
  BuildPlace p;
  p.name = name;
  p.names.push_back(name);
  p.kind = kind;
  p.country = iso3;
  p.admin1 = std::move(admin1);
  p.lat = sum.lat / static_cast<double>(sum.n);
  p.lon = sum.lon / static_cast<double>(sum.n);
  p.population = static_cast<uint32_t>(std::clamp<uint64_t>(sum.population, min_population, UINT32_MAX));
  return p;
}

Status add_admin1(const std::string& path, const Countries& countries, const std::map<std::string, Admin1Sum>& sums,
                  std::vector<BuildPlace>& places, uint64_t& added) {
  auto parsed = read_json_array(path);
  if (!parsed) return parsed.error();
  const nlohmann::json& j = *parsed;
  // The supplement's admin1 rows, by (country, normalised name).
  std::map<std::pair<std::string, std::string>, size_t> supplement;
  for (size_t i = 0; i < places.size(); ++i)
    if (places[i].kind == PlaceKind::admin1) supplement[{places[i].country, normalize_toponym(places[i].name)}] = i;
  for (const auto& e : j) {
    auto record = division_record(e);
    if (!record) continue;
    const auto& [code, name] = *record;
    auto dot = code.find('.');
    if (dot == std::string::npos) continue;
    std::string iso3 = countries.iso3(code.substr(0, dot)), a1 = code.substr(dot + 1);
    if (auto it = supplement.find({iso3, normalize_toponym(name)}); it != supplement.end()) {
      auto& p = places[it->second];
      if (p.admin1.empty()) p.admin1 = a1;
      continue;
    }
    auto s = sums.find(code);
    if (s == sums.end() || s->second.n == 0) continue;
    places.push_back(division_at_mean(name, PlaceKind::admin1, iso3, a1, s->second, 0));
    // "Borno State", "Ghazni Province": news writes the name alone or with the word in lower case ("in Borno
    // state"); the bare name is an alternate key, so a seat town of the same name ranks first
    // (not a word of direction or position alone: "Southern Province", "Central Region", "Upper East Region"
    // name no place "Southern" or "Central")
    for (std::string_view generic : {" State", " Province", " Region", " Governorate", " Prefecture"})
      if (name.size() > generic.size() + 2 && name.ends_with(generic)) {
        std::string bare = name.substr(0, name.size() - generic.size());
        const std::string key = normalize_toponym(bare);
        const bool direction = key.ends_with("ern") || key.starts_with("north") || key.starts_with("south") ||
                               key.starts_with("east") || key.starts_with("west") || key.starts_with("upper ") ||
                               key.starts_with("lower ") ||
                               std::set<std::string>{"central", "upper", "lower", "coast",   "capital", "middle",
                                                     "mid",     "inner", "outer", "greater", "far"}
                                       .count(key) != 0;
        if (!direction) {
          places.back().bare_name = places.back().names.size();
          places.back().names.push_back(std::move(bare));
        }
        break;
      }
    ++added;
  }
  return {};
}

// GeoNames admin2 divisions (counties, districts, departments): placed at the
// mean position of their towns in the city list. One that data/geo/places.tsv
// already holds (England's counties, by country and name) is not added twice.
Status add_admin2(const std::string& path, const Countries& countries, const std::map<std::string, Admin1Sum>& sums,
                  std::vector<BuildPlace>& places, uint64_t& added) {
  auto parsed = read_json_array(path);
  if (!parsed) return parsed.error();
  const nlohmann::json& j = *parsed;
  std::set<std::pair<std::string, std::string>> supplement;
  for (const auto& p : places)
    if (p.kind == PlaceKind::admin2 || p.kind == PlaceKind::admin1)
      for (const auto& n : p.names) supplement.insert({p.country, normalize_toponym(n)});
  for (const auto& e : j) {
    auto record = division_record(e);
    if (!record) continue;
    const auto& [code, name] = *record;
    auto d1 = code.find('.');
    auto d2 = d1 == std::string::npos ? std::string::npos : code.find('.', d1 + 1);
    if (d2 == std::string::npos || name.empty()) continue;
    std::string iso3 = countries.iso3(code.substr(0, d1));
    if (supplement.count({iso3, normalize_toponym(name)})) continue;
    auto s = sums.find(code);
    if (s == sums.end() || s->second.n == 0) continue;
    // Population at least 1: the resolver tells a derived admin2 (population
    // > 0) from a hand-placed one (0) by it.
    places.push_back(division_at_mean(name, PlaceKind::admin2, iso3, code.substr(d1 + 1, d2 - d1 - 1), s->second, 1));
    ++added;
  }
  return {};
}

template <class T>
void append_pod(std::string& buf, const T& v) {
  buf.append(reinterpret_cast<const char*>(&v), sizeof(T));
}

}  // namespace

Result<BuildStats> build_gazetteer(const BuildInputs& in, const std::string& out) {
  BuildStats stats;
  Countries countries;
  if (!in.countries.empty())
    if (auto s = read_countries(in.countries, countries); !s) return s.error();
  std::vector<BuildPlace> places;
  if (!in.places.empty())
    if (auto s = read_places(in.places, countries, places); !s) return s.error();
  stats.supplement = places.size();
  std::map<std::string, Admin1Sum> sums, sums2;
  if (!in.cities.empty()) {
    size_t before = places.size();
    if (auto s = read_cities(in.cities, countries, places, sums, sums2); !s) return s.error();
    stats.cities = places.size() - before;
  }
  if (!in.admin1.empty())
    if (auto s = add_admin1(in.admin1, countries, sums, places, stats.admin1); !s) return s.error();
  if (!in.admin2.empty())
    if (auto s = add_admin2(in.admin2, countries, sums2, places, stats.admin2); !s) return s.error();

  // String pool, place records, keys.
  std::string pool;
  std::unordered_map<std::string, uint32_t> interned;
  auto intern = [&](const std::string& s) -> uint32_t {
    auto [it, fresh] = interned.emplace(s, static_cast<uint32_t>(pool.size()));
    if (fresh) pool += s;
    return it->second;
  };
  std::vector<PlaceRecord> recs;
  recs.reserve(places.size());
  struct Key {
    uint32_t offset;
    uint16_t length;
    uint32_t place;
    uint16_t flags;
  };
  std::vector<Key> keys;
  // A town's alternate name that is a country's name ("Mexico" for Mexico
  // City, "Kuwait" for Kuwait City) is not indexed: the country is meant.
  std::set<std::string> country_keys;
  for (const auto& p : places)
    if (p.kind == PlaceKind::country || p.kind == PlaceKind::territory)
      for (const auto& n : p.names) country_keys.insert(normalize_toponym(n));
  for (size_t i = 0; i < places.size(); ++i) {
    const auto& p = places[i];
    PlaceRecord r{};
    r.geonameid = p.geonameid;
    r.lat = static_cast<float>(p.lat);
    r.lon = static_cast<float>(p.lon);
    r.population = p.population;
    std::string name = p.name.substr(0, 65535);
    r.name_offset = intern(name);
    r.name_length = static_cast<uint16_t>(name.size());
    r.kind = static_cast<uint8_t>(p.kind);
    r.rank = static_cast<uint8_t>(p.rank);
    if (p.country.size() == 3) std::memcpy(r.country, p.country.data(), 3);
    std::string a1 = p.admin1.substr(0, 255);
    r.admin1_offset = intern(a1);
    r.admin1_length = static_cast<uint8_t>(a1.size());
    recs.push_back(r);
    std::set<std::string> seen;
    for (size_t n_i = 0; n_i < p.names.size(); ++n_i) {
      std::string k = normalize_toponym(p.names[n_i]);
      if (!is_ascii_key(k) || k.size() > 200 || !seen.insert(k).second) continue;
      if (p.kind == PlaceKind::city && n_i > 1 && country_keys.count(k)) continue;
      // A town's names[0] and [1] are its name and ASCII name; the rest are
      // alternates, except a shortening of the name ("New York" of "New York
      // City", "Washington" of "Washington, D.C.").
      uint16_t flags = 0;
      if (p.kind == PlaceKind::city && n_i > 1) {
        std::string main = normalize_toponym(p.name);
        bool shortening = main.size() > k.size() && ((main.starts_with(k) && main[k.size()] == ' ') ||
                                                     (main.ends_with(k) && main[main.size() - k.size() - 1] == ' '));
        if (!shortening) flags = kKeyAlternate;
      }
      if (n_i == p.bare_name) flags = kKeyAlternate;
      keys.push_back({intern(k), static_cast<uint16_t>(k.size()), static_cast<uint32_t>(i), flags});
    }
  }
  for (auto& c : countries.records) {
    std::string iso3(c.iso3, 3);
    for (size_t i = 0; i < places.size(); ++i)
      if ((places[i].kind == PlaceKind::country || places[i].kind == PlaceKind::territory) &&
          places[i].country == iso3) {
        c.place = static_cast<uint32_t>(i);
        break;
      }
  }
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    std::string_view ka(pool.data() + a.offset, a.length), kb(pool.data() + b.offset, b.length);
    if (ka != kb) return ka < kb;
    return a.place < b.place;
  });

  FileHeader h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kFormatVersion;
  h.place_count = static_cast<uint32_t>(recs.size());
  h.key_count = static_cast<uint32_t>(keys.size());
  h.country_count = static_cast<uint32_t>(countries.records.size());
  h.places_offset = sizeof(FileHeader);
  h.keys_offset = h.places_offset + recs.size() * sizeof(PlaceRecord);
  uint64_t keys_end = h.keys_offset + keys.size() * sizeof(KeyRecord);
  h.countries_offset = (keys_end + 7) / 8 * 8;
  h.strings_offset = h.countries_offset + countries.records.size() * sizeof(CountryRecord);
  h.strings_size = pool.size();

  std::string buf;
  buf.reserve(h.strings_offset + pool.size());
  append_pod(buf, h);
  for (const auto& r : recs) append_pod(buf, r);
  for (const auto& k : keys) {
    KeyRecord kr{};
    kr.key_offset = k.offset;
    kr.key_length = k.length;
    kr.place = k.place;
    kr.flags = k.flags;
    append_pod(buf, kr);
  }
  buf.append(h.countries_offset - keys_end, '\0');
  for (const auto& c : countries.records) append_pod(buf, c);
  buf += pool;

  std::string tmp = out + ".tmp";
  {
    std::ofstream o(tmp, std::ios::binary | std::ios::trunc);
    if (!o) return Error{tmp, 0, "cannot write"};
    o.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    if (!o) return Error{tmp, 0, "write failed"};
  }
  if (std::rename(tmp.c_str(), out.c_str()) != 0) return Error{out, 0, "cannot rename " + tmp};
  stats.places = recs.size();
  stats.keys = keys.size();
  stats.bytes = buf.size();
  return stats;
}

}  // namespace dyad::geo
