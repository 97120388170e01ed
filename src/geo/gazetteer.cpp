// Design note: the compiled file is mapped read-only (mmap: page aligned, shared
// with the page cache and with other processes, paged in as lookups touch it
// instead of copied at start) and used in place: places, sorted name keys, a country table
// and a string pool (format.h). A lookup normalises the name and binary-
// searches the keys.
//
// Toponym resolution scores each candidate of each toponym of an article:
//   prior       feature type (country > territory > region > water/landmark >
//               admin1 > admin2) or, for towns, log10(population) plus a bonus
//               for a national capital or an admin1 seat, minus 1 when the
//               town is found only by an alternate name;
//   qualifier   "Paris, Texas", "Paris, TX", "Kharkiv, Ukraine": the candidate
//               lies in the named admin1 or country (a strong bonus);
//   context     the article's country mentions, and the other toponyms'
//               current choices: same country, same admin1, within 200 km
//               (halved for a town found only by an alternate name).
// Choices start from prior + qualifier + country mentions and are re-scored
// twice with the others' choices, so "Georgia" next to "Tbilisi" stays the
// country and next to "Atlanta" becomes the US state.
#include "geo/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "geo/normalize.h"

#ifndef DYAD_GAZETTEER_BUILD_PATH
#define DYAD_GAZETTEER_BUILD_PATH ""
#endif

namespace dyad {

using geo::CityRank;
using geo::CountryRecord;
using geo::FileHeader;
using geo::KeyRecord;
using geo::PlaceKind;
using geo::PlaceRecord;

struct Gazetteer::Data {
  void* map = MAP_FAILED;
  size_t size = 0;
  const FileHeader* header = nullptr;
  const PlaceRecord* places = nullptr;
  const KeyRecord* keys = nullptr;
  const CountryRecord* countries = nullptr;
  const char* strings = nullptr;

  [[nodiscard]] std::string_view str(uint32_t off, uint32_t len) const { return {strings + off, len}; }
  [[nodiscard]] std::string_view key(const KeyRecord& k) const { return str(k.key_offset, k.key_length); }

  Data() = default;
  Data(const Data&) = delete;
  Data& operator=(const Data&) = delete;
  ~Data() {
    if (map != MAP_FAILED) munmap(map, size);
  }
};

Gazetteer::Gazetteer(std::unique_ptr<Data> data) : data_(std::move(data)) {}
Gazetteer::~Gazetteer() = default;

size_t Gazetteer::size() const { return data_->header->place_count; }
size_t Gazetteer::key_count() const { return data_->header->key_count; }
size_t Gazetteer::bytes() const { return data_->size; }

double distance_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::load(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error{path, 0, "cannot open the gazetteer (build it with the dyad_gazetteer target)"};
  struct stat st {};
  const bool stat_ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (!stat_ok || st.st_size < static_cast<off_t>(sizeof(FileHeader))) {
    ::close(fd);
    return Error{path, 0, stat_ok ? "not a gazetteer file (too short)" : "read failed"};
  }
  auto data = std::make_unique<Data>();
  data->size = static_cast<size_t>(st.st_size);
  data->map = ::mmap(nullptr, data->size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (data->map == MAP_FAILED) return Error{path, 0, "read failed (mmap)"};
  const char* base = static_cast<const char*>(data->map);
  const auto* h = reinterpret_cast<const FileHeader*>(base);
  if (std::memcmp(h->magic, geo::kMagic, sizeof geo::kMagic) != 0) return Error{path, 0, "not a gazetteer file"};
  if (h->version != geo::kFormatVersion)
    return Error{path, 0,
                 "gazetteer format " + std::to_string(h->version) + ", expected " +
                     std::to_string(geo::kFormatVersion) + " (rebuild it)"};
  auto fits = [&](uint64_t off, uint64_t count, uint64_t size) {
    return off % 8 == 0 && off <= data->size && count <= (data->size - off) / size;
  };
  if (!fits(h->places_offset, h->place_count, sizeof(PlaceRecord)) ||
      !fits(h->keys_offset, h->key_count, sizeof(KeyRecord)) ||
      !fits(h->countries_offset, h->country_count, sizeof(CountryRecord)) || h->strings_offset > data->size ||
      h->strings_size > data->size - h->strings_offset)
    return Error{path, 0, "gazetteer file is truncated or corrupt"};
  data->header = h;
  data->places = reinterpret_cast<const PlaceRecord*>(base + h->places_offset);
  data->keys = reinterpret_cast<const KeyRecord*>(base + h->keys_offset);
  data->countries = reinterpret_cast<const CountryRecord*>(base + h->countries_offset);
  data->strings = base + h->strings_offset;
  for (uint32_t i = 0; i < h->place_count; ++i) {
    const auto& p = data->places[i];
    if (uint64_t{p.name_offset} + p.name_length > h->strings_size ||
        uint64_t{p.admin1_offset} + p.admin1_length > h->strings_size)
      return Error{path, 0, "gazetteer file is corrupt (place " + std::to_string(i) + ")"};
  }
  for (uint32_t i = 0; i < h->key_count; ++i) {
    const auto& k = data->keys[i];
    if (uint64_t{k.key_offset} + k.key_length > h->strings_size || k.place >= h->place_count)
      return Error{path, 0, "gazetteer file is corrupt (key " + std::to_string(i) + ")"};
  }
  return std::shared_ptr<const Gazetteer>(new Gazetteer(std::move(data)));
}

std::string Gazetteer::default_path() {
  if (const char* env = std::getenv("DYAD_GAZETTEER"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto next = exe.parent_path() / "gazetteer.bin";
    if (std::filesystem::exists(next, ec)) return next.string();
  }
  return DYAD_GAZETTEER_BUILD_PATH;
}

namespace {

// A town found only by an alternate name (GeoNames alternatenames: former
// names, other languages' names) is less likely meant than one so named: its
// prior drops by 1 and it takes half the other toponyms' context, so a
// former name ("Riverdale" for Glendale, "Florida" for Valle Vista) does not
// win on context alone. The result is flat for penalties 0.5-3 (docs/geo.md).
constexpr double kAlternatePenalty = 1.0;
constexpr double kAlternateContext = 0.5;
// A candidate in a country the article's mentions name gains kCountryMention, but a small town
// (under kSmallTown people) more than about six times smaller than the largest town of its name
// (log10 population kCountryMentionGap below it) does not: "Geneva" next to "the United States"
// stays the Swiss city (Geneva, Illinois is a town of 22,000, 8.6 times smaller), while
// "Tripoli" next to "Lebanon" is still Lebanon's (5 times smaller than Libya's capital) and
// "Alexandria" next to "the United States" is Virginia's (a city of 160,000, though Egypt's is
// 33 times larger). GeoWebNews, with the gold countries as the mentions: docs/geo.md.
constexpr double kCountryMention = 2.5;
constexpr double kCountryMentionGap = 0.8;
constexpr uint32_t kSmallTown = 50000;

double prior_of(const PlaceRecord& p) {
  switch (static_cast<PlaceKind>(p.kind)) {
    case PlaceKind::country:
      return 10.0;
    case PlaceKind::territory:
      return 9.0;
    case PlaceKind::region:
      return 8.5;
    case PlaceKind::water:
      return 8.0;
    case PlaceKind::landmark:
      return 8.0;
    case PlaceKind::admin1:
      return p.geonameid == 0 && p.population > 0 ? 6.0 : 6.5;
    case PlaceKind::admin2:
      // Hand-placed (population 0): 6. From GeoNames (population = its towns'):
      // below a namesake town of the same size, at most 5.5.
      return p.population == 0 ? 6.0 : std::min(5.5, std::log10(static_cast<double>(p.population) + 10.0) - 0.5);
    case PlaceKind::city:
      break;
  }
  double s = std::log10(static_cast<double>(p.population) + 10.0);
  switch (static_cast<CityRank>(p.rank)) {
    case CityRank::capital:
      s += 1.5;
      break;
    case CityRank::admin1_seat:
      s += 0.5;
      break;
    case CityRank::admin2_seat:
      s += 0.2;
      break;
    case CityRank::historical:
      s -= 2.0;
      break;
    default:
      break;
  }
  return s;
}

std::string_view country_of(const PlaceRecord& p) {
  size_t n = 0;
  while (n < 3 && p.country[n] != '\0') ++n;
  return {p.country, n};
}

Place to_place(const GeoEntry& e, Span span) {
  Place p;
  p.name = std::string(e.name);
  p.country = std::string(e.country);
  p.lat = e.lat;
  p.lon = e.lon;
  p.geonameid = e.geonameid;
  p.span = span;
  return p;
}

}  // namespace

GeoEntry Gazetteer::entry(uint32_t index) const {
  const auto& p = data_->places[index];
  GeoEntry e;
  e.index = index;
  e.name = data_->str(p.name_offset, p.name_length);
  e.country = country_of(p);
  e.admin1 = data_->str(p.admin1_offset, p.admin1_length);
  e.kind = static_cast<PlaceKind>(p.kind);
  e.rank = static_cast<CityRank>(p.rank);
  e.lat = p.lat;
  e.lon = p.lon;
  e.population = p.population;
  e.geonameid = p.geonameid;
  e.prior = prior_of(p);
  return e;
}

std::vector<GeoEntry> Gazetteer::candidates(std::string_view name, size_t max) const {
  std::string key = geo::normalize_toponym(name);
  std::vector<GeoEntry> out;
  if (key.empty()) return out;
  const KeyRecord* first = data_->keys;
  const KeyRecord* last = data_->keys + data_->header->key_count;
  auto lo =
      std::lower_bound(first, last, key, [&](const KeyRecord& k, const std::string& v) { return data_->key(k) < v; });
  for (auto it = lo; it != last && data_->key(*it) == key; ++it) {
    out.push_back(entry(it->place));
    if ((it->flags & geo::kKeyAlternate) != 0) {
      out.back().alternate = true;
      out.back().prior -= kAlternatePenalty;
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const GeoEntry& a, const GeoEntry& b) { return a.prior > b.prior; });
  if (out.size() > max) out.resize(max);
  return out;
}

std::vector<GeoEntry> Gazetteer::candidates_or_generic(std::string_view name, size_t max) const {
  auto out = candidates(name, max);
  if (!out.empty()) return out;
  std::string key = geo::normalize_toponym(name);
  // Generic words and the kinds of place they name.
  enum Kinds { admin = 1, district = 2, town = 4 };
  struct Generic {
    std::string_view word;
    int kinds;
  };
  static constexpr Generic kGeneric[] = {{"state", admin},
                                         {"province", admin},
                                         {"region", admin},
                                         {"prefecture", admin},
                                         {"governorate", admin},
                                         {"county", district},
                                         {"district", district},
                                         {"parish", district},
                                         {"borough", district | town},
                                         {"municipality", district | town},
                                         {"city", town},
                                         {"town", town},
                                         {"village", town}};
  auto fits = [](const GeoEntry& e, int kinds) {
    switch (e.kind) {
      case PlaceKind::admin1:
        return (kinds & admin) != 0;
      case PlaceKind::admin2:
        return (kinds & (admin | district)) != 0;
      case PlaceKind::city:
        return (kinds & town) != 0;
      default:
        return false;
    }
  };
  for (const auto& g : kGeneric) {
    std::string bare;
    std::string suffix = " " + std::string(g.word), prefix = std::string(g.word) + " of ";
    if (key.size() > suffix.size() && key.ends_with(suffix))
      bare = key.substr(0, key.size() - suffix.size());
    else if (key.size() > prefix.size() && key.starts_with(prefix))
      bare = key.substr(prefix.size());
    else
      continue;
    for (auto& e : candidates(bare, 60))
      if (fits(e, g.kinds)) out.push_back(e);
    if (out.size() > max) out.resize(max);
    return out;
  }
  return out;
}

std::vector<Place> Gazetteer::lookup(std::string_view name, size_t max) const {
  std::vector<Place> out;
  for (const auto& e : candidates(name, max)) out.push_back(to_place(e, Span{}));
  return out;
}

std::optional<GeoEntry> Gazetteer::country(std::string_view code) const {
  for (uint32_t i = 0; i < data_->header->country_count; ++i) {
    const auto& c = data_->countries[i];
    bool match = (code.size() == 3 && (std::string_view(c.iso3, 3) == code || std::string_view(c.cameo, 3) == code)) ||
                 (code.size() == 2 && std::string_view(c.iso2, 2) == code);
    if (match && c.place != UINT32_MAX && c.place < data_->header->place_count) return entry(c.place);
  }
  return std::nullopt;
}

std::vector<std::optional<GeoEntry>> Gazetteer::resolve_toponyms(
    const std::vector<ToponymQuery>& queries, const std::vector<std::string>& context_countries) const {
  constexpr size_t kMaxCandidates = 60;
  struct Q {
    std::string key;
    std::vector<GeoEntry> cands;
    std::vector<double> base;      // prior + qualifier + explicit country context
    std::vector<bool> no_context;  // a town that shares a country's name, unqualified
  };
  std::unordered_set<std::string> explicit_countries;
  for (const auto& c : context_countries) {
    if (auto e = country(c))
      explicit_countries.emplace(e->country);
    else
      explicit_countries.insert(c);
  }
  std::vector<Q> qs(queries.size());
  for (size_t i = 0; i < queries.size(); ++i) {
    auto& q = qs[i];
    q.key = geo::normalize_toponym(queries[i].name);
    q.cands = candidates_or_generic(queries[i].name, kMaxCandidates);
    std::vector<GeoEntry> qual;
    if (!queries[i].qualifier.empty()) qual = candidates(queries[i].qualifier, kMaxCandidates);
    std::string qual_upper = queries[i].qualifier;
    // A town named like a country or territory ("China", Texas) is chosen only
    // when qualified: the other toponyms' context does not lift it.
    bool names_country = std::any_of(q.cands.begin(), q.cands.end(), [](const GeoEntry& e) {
      return e.kind == PlaceKind::country || e.kind == PlaceKind::territory;
    });
    // The largest town of this name: a much smaller namesake takes no country bonus.
    double best_town = 0;
    for (const auto& e : q.cands)
      if (e.kind == PlaceKind::city)
        best_town = std::max(best_town, std::log10(static_cast<double>(e.population) + 10.0));
    for (const auto& e : q.cands) {
      double s = e.prior;
      bool qualified = false;
      for (const auto& qe : qual) {
        if (qe.index == e.index || qe.country.empty() || qe.country != e.country) continue;
        if (qe.kind == PlaceKind::country || qe.kind == PlaceKind::territory ||
            (qe.kind == PlaceKind::admin1 && !qe.admin1.empty() && qe.admin1 == e.admin1))
          qualified = true;
      }
      if (!qualified && e.country == "USA" && qual_upper.size() == 2 && qual_upper == e.admin1) qualified = true;
      if (qualified) s += 8.0;
      if (!e.country.empty() && explicit_countries.count(std::string(e.country)) &&
          (e.kind != PlaceKind::city || e.population >= kSmallTown ||
           best_town - std::log10(static_cast<double>(e.population) + 10.0) <= kCountryMentionGap))
        s += kCountryMention;
      q.base.push_back(s);
      q.no_context.push_back(e.kind == PlaceKind::city && !qualified && names_country);
    }
  }

  // Each distinct name gives context once: the first toponym of that name that has a choice
  // (`context_of`). Listing those once per pass keeps a candidate's context linear in the
  // article's distinct names instead of hashing every other toponym for every candidate.
  std::vector<int> choice(qs.size(), -1);
  struct Context {
    std::string_view key;
    const GeoEntry* chosen;
  };
  auto context_of = [&](const std::vector<int>& current) {
    std::vector<Context> out;
    std::unordered_set<std::string_view> seen;
    for (size_t j = 0; j < qs.size(); ++j)
      if (current[j] >= 0 && seen.insert(qs[j].key).second)
        out.push_back({qs[j].key, &qs[j].cands[static_cast<size_t>(current[j])]});
    return out;
  };
  // Great-circle distance is at least the latitude difference along a meridian, so a pair
  // further apart than that in latitude needs no trigonometry.
  constexpr double kNearKm = 200;
  constexpr double kKmPerDegreeLat = 6371.0 * 3.14159265358979323846 / 180.0;
  auto pick = [&](size_t i, const std::vector<Context>& context) {
    const auto& q = qs[i];
    int best = -1;
    double best_score = -1e9;
    for (size_t c = 0; c < q.cands.size(); ++c) {
      const auto& e = q.cands[c];
      double same_country = 0, same_admin1 = 0, near = 0;
      for (const Context& other : context) {
        if (other.key == q.key) continue;
        const GeoEntry& o = *other.chosen;
        if (o.index == e.index) continue;
        if (!e.country.empty() && o.country == e.country) {
          same_country += 1.0;
          if (!e.admin1.empty() && o.admin1 == e.admin1 && o.kind != PlaceKind::country) same_admin1 += 1.5;
        }
        if (near == 0 && (o.kind == PlaceKind::city || o.kind == PlaceKind::landmark) &&
            std::abs(o.lat - e.lat) * kKmPerDegreeLat < kNearKm && distance_km(e.lat, e.lon, o.lat, o.lon) < kNearKm)
          near = 1.5;
      }
      double s = q.base[c];
      if (!q.no_context[c]) {
        double ctx = std::min(same_country, 3.0) + std::min(same_admin1, 3.0) + near;
        if (e.alternate) ctx *= kAlternateContext;
        s += ctx;
      }
      if (s > best_score) {
        best_score = s;
        best = static_cast<int>(c);
      }
    }
    return best;
  };
  for (size_t i = 0; i < qs.size(); ++i) {
    int best = -1;
    for (size_t c = 0; c < qs[i].cands.size(); ++c)
      if (best < 0 || qs[i].base[c] > qs[i].base[static_cast<size_t>(best)]) best = static_cast<int>(c);
    choice[i] = best;
  }
  for (int pass = 0; pass < 2; ++pass) {
    const std::vector<Context> context = context_of(choice);
    std::vector<int> next(qs.size(), -1);
    for (size_t i = 0; i < qs.size(); ++i) next[i] = pick(i, context);
    choice = std::move(next);
  }
  std::vector<std::optional<GeoEntry>> out(qs.size());
  for (size_t i = 0; i < qs.size(); ++i)
    if (choice[i] >= 0) out[i] = qs[i].cands[static_cast<size_t>(choice[i])];
  return out;
}

namespace {

bool is_upper_start(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

}  // namespace

namespace geo {
std::string_view generic_division_after(std::string_view text, size_t end) {
  size_t i = end;
  if (i >= text.size() || text[i] != ' ') return {};
  ++i;
  size_t j = i;
  while (j < text.size() && ((text[j] >= 'a' && text[j] <= 'z') || (text[j] >= 'A' && text[j] <= 'Z'))) ++j;
  if (j < text.size() && (text[j] == '-' || text[j] == '\'')) return {};  // "state-run", "state's"
  const std::string_view w = text.substr(i, j - i);
  for (std::string_view g : {"state", "province", "region", "governorate", "prefecture"})
    if (w.size() == g.size() && std::equal(w.begin(), w.end(), g.begin(), [](char a, char b) {
          return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
        }))
      return w;
  return {};
}

/// The "Qualifier" in "Name, Qualifier": up to three capitalised words after a
/// comma that directly follows `end`, the longest that the gazetteer knows.
std::string qualifier_after(const Gazetteer& g, std::string_view text, size_t end) {
  size_t i = end;
  if (i >= text.size() || text[i] != ',') return {};
  ++i;
  while (i < text.size() && text[i] == ' ') ++i;
  std::vector<std::string_view> words;
  size_t pos = i;
  while (words.size() < 3 && pos < text.size()) {
    size_t s = pos;
    while (pos < text.size()) {
      char c = text[pos];
      bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '-' ||
                    static_cast<unsigned char>(c) >= 0x80;
      if (!letter) break;
      ++pos;
    }
    std::string_view w = text.substr(s, pos - s);
    if (!is_upper_start(w)) break;
    words.push_back(w);
    if (pos >= text.size() || text[pos] != ' ') break;
    ++pos;
  }
  for (size_t n = words.size(); n > 0; --n) {
    size_t len = static_cast<size_t>(words[n - 1].data() + words[n - 1].size() - words[0].data());
    std::string cand(words[0].data(), len);
    while (!cand.empty() && cand.back() == '.' && !(cand.size() <= 5 && std::count(cand.begin(), cand.end(), '.') > 1))
      cand.pop_back();
    if (cand.size() == 2 && cand[0] >= 'A' && cand[0] <= 'Z' && cand[1] >= 'A' && cand[1] <= 'Z') return cand;
    if (!g.candidates(cand, 1).empty()) return cand;
  }
  return {};
}
}  // namespace geo

void Gazetteer::resolve(Document& doc) const {
  const std::string& text = doc.article.text;
  std::vector<std::string> countries;
  std::vector<size_t> idx;
  std::vector<ToponymQuery> queries;
  for (size_t m = 0; m < doc.mentions.size(); ++m) {
    const auto& mention = doc.mentions[m];
    if (!mention.actor.country.empty()) countries.push_back(mention.actor.country);
    if (mention.kind != MentionKind::location && mention.kind != MentionKind::country) continue;
    if (mention.span.end() > text.size()) continue;
    ToponymQuery q;
    q.name = std::string(mention.span.of(text));
    // "in Borno state", "Ghazni province": a generic word of a division right after a place's name selects
    // the division of that name (the name with the word, else the bare name of a fitting kind:
    // candidates_or_generic); nothing of the kind: the name alone
    // (not a state the dictionaries know: "in Montenegro province" is the state's)
    if (mention.kind == MentionKind::location && mention.actor.code.empty())
      if (const std::string_view g = geo::generic_division_after(text, mention.span.end()); !g.empty()) {
        std::string named = q.name + " " + std::string(g);
        if (!candidates_or_generic(named, 1).empty()) q.name = std::move(named);
      }
    q.qualifier = geo::qualifier_after(*this, text, mention.span.end());
    queries.push_back(std::move(q));
    idx.push_back(m);
  }
  auto chosen = resolve_toponyms(queries, countries);
  // A regional code ("the West", "Southeast Asia": a code the gazetteer knows no country of)
  // is a region or a sea, never a town or a division that shares a word of its name (West, Texas).
  auto regional_fit = [](const GeoEntry& e) {
    return e.kind != PlaceKind::city && e.kind != PlaceKind::admin1 && e.kind != PlaceKind::admin2;
  };
  for (size_t k = 0; k < idx.size(); ++k) {
    auto& mention = doc.mentions[idx[k]];
    std::optional<Place> place;
    const std::string& code = mention.actor.code;
    const bool regional = code.size() >= 3 && !country(std::string_view(code).substr(0, 3));
    if (regional) {
      if (chosen[k] && regional_fit(*chosen[k])) place = to_place(*chosen[k], mention.span);
    } else if (mention.kind == MentionKind::country) {
      // A country mention keeps its country; the place is the capital when the
      // mention names it ("Moscow said"), else the country itself.
      std::optional<GeoEntry> ce = mention.actor.country.empty() ? std::nullopt : country(mention.actor.country);
      if (chosen[k] && chosen[k]->kind == PlaceKind::city && ce && chosen[k]->country == ce->country)
        place = to_place(*chosen[k], mention.span);
      else if (ce)
        place = to_place(*ce, mention.span);
      else if (chosen[k])
        place = to_place(*chosen[k], mention.span);
    } else if (chosen[k]) {
      place = to_place(*chosen[k], mention.span);
    }
    if (!place) continue;
    mention.place = place;
    if (mention.entity >= 0 && static_cast<size_t>(mention.entity) < doc.entities.size()) {
      auto& ent = doc.entities[static_cast<size_t>(mention.entity)];
      // The knowledge stage gave the entity only a name for its place: take the first
      // resolved mention's coordinates.
      if (ent.type == EntityType::location && (!ent.place || !ent.place->located())) ent.place = place;
    } else if (mention.kind == MentionKind::location) {
      Entity ent;
      ent.type = EntityType::location;
      ent.span = mention.span;
      ent.canonical = place->name;
      ent.place = place;
      mention.entity = static_cast<int32_t>(doc.entities.size());
      doc.entities.push_back(std::move(ent));
    }
  }
}

}  // namespace dyad
