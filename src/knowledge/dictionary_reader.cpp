// Reader and validator for dyad's own dictionary files (docs/dictionaries.md).
//
// Design note: the four files were written by different people and document
// slightly different conventions; this reader reconciles them in one place:
//  - The kind is detected from the header columns, never from the file name.
//  - Every row becomes plain specs (ActorSpec / AgentSpec) with `origin`
//    "file:line"; a person with several terms is one ActorSpec with one RoleSpec
//    per row (each role keeps its own origin).
//  - Overlapping terms: the key is (country, office, code). people_conflict.tsv
//    needs the code in the key (several armed groups or rival governments in one
//    country); in people_g20.tsv the code follows from (country, office), so the
//    wider key loses nothing. Office `mfa_spokesperson` is exempt (several
//    Chinese spokespersons at once). Partial dates are intervals: a term overlaps
//    the next one only if it is open or its end's first day is after the last day
//    of the next start ("touching in the same month" is not an overlap).
//  - Checks that need several files (a country code must exist) are in
//    validate_specs(), run by ActorIndex::load over everything loaded.
// Everything stops at the first error in a file (that error names file:line);
// soft problems go to the optional warnings list.
#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "core/unicode.h"
#include "knowledge/actors.h"
#include "knowledge/tsv.h"

namespace dyad {
namespace {

constexpr std::array kSectorCodes{"GOV", "MIL", "COP", "SPY", "REB", "INS", "SEP", "UAF", "OPP", "LEG", "JUD", "CRM",
                                  "CVL", "REF", "BUS", "MNC", "LAB", "AGR", "EDU", "HLH", "MED", "NGO", "HRI", "ENV",
                                  "DEV", "ELI", "MOD", "RAD", "SET", "IGO", "IMG", "PKO", "REL", "MOS", "SHI", "SUN",
                                  "SFI", "ALE", "DRZ", "CHR", "CTH", "PRO", "DOX", "CPT", "MRN", "JEW", "UDX", "HIN",
                                  "BUD", "SIK", "BAH", "LDS", "JHW", "ZRO", "ATH", "PRM", "PTY"};

constexpr std::array kPloverSectors{
    "Government", "Military",    "Police",     "Intelligence", "Legislature",  "Judiciary",   "Opposition",
    "Rebel",      "Insurgent",   "Separatist", "Armed Group",  "Radical",      "Moderate",    "Criminal",
    "Civilian",   "Protester",   "Activist",   "Refugee",      "Business",     "Labor",       "Agriculture",
    "Education",  "Health",      "Media",      "NGO",          "Human Rights", "Environment", "Development",
    "IGO",        "Peacekeeper", "Settler",    "Elite",        "Religion"};

constexpr std::array kStatuses{"member", "observer", "partially_recognised", "territory", "former", "region"};
constexpr std::array kRegions{"Africa", "Americas", "Asia", "Europe", "Oceania"};
constexpr std::array kSubregions{"Northern Africa",
                                 "Eastern Africa",
                                 "Middle Africa",
                                 "Southern Africa",
                                 "Western Africa",
                                 "Northern America",
                                 "Caribbean",
                                 "Central America",
                                 "South America",
                                 "Central Asia",
                                 "Eastern Asia",
                                 "South-eastern Asia",
                                 "Southern Asia",
                                 "Western Asia",
                                 "Eastern Europe",
                                 "Northern Europe",
                                 "Southern Europe",
                                 "Western Europe",
                                 "Australia and New Zealand",
                                 "Melanesia",
                                 "Micronesia",
                                 "Polynesia"};
constexpr std::array kOrgTypes{"igo", "ngo", "armed_group", "party", "company", "media", "other"};

template <size_t N>
bool in(const std::array<const char*, N>& list, std::string_view v) {
  return std::any_of(list.begin(), list.end(), [v](const char* s) { return v == s; });
}

bool is_sector(std::string_view v) { return in(kSectorCodes, v); }

bool upper_letters(std::string_view s, size_t n) {
  if (s.size() != n) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

/// Actor code: 3-letter segments, the first letters only, later ones letters or digits.
bool actor_code_shape(std::string_view s, size_t min_segments, size_t max_segments) {
  if (s.size() % 3 != 0) return false;
  size_t segs = s.size() / 3;
  if (segs < min_segments || segs > max_segments) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool letter = c >= 'A' && c <= 'Z';
    bool digit = c >= '0' && c <= '9';
    if (!(letter || (i >= 3 && digit))) return false;
  }
  return true;
}

bool snake_case(std::string_view s) {
  if (s.empty() || s.front() == '_' || s.back() == '_') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_' && s[i - 1] == '_') return false;
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return s[0] >= 'a' && s[0] <= 'z';
}

std::string folded(std::string_view s) {
  std::string out;
  fold_case_append(s, out);
  return out;
}

bool has_upper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::chrono::sys_days first(const Date& d) { return d.first_day(); }
std::chrono::sys_days last(const Date& d) { return d.last_day(); }

/// One file being read: the table plus helpers that turn problems into errors.
struct Reader {
  const TsvTable& t;
  std::vector<Error>* warnings;
  KnowledgeSpecs specs;

  [[nodiscard]] std::string origin(const TsvTable::Row& r) const { return t.name() + ":" + std::to_string(r.line); }
  void warn(const TsvTable::Row& r, std::string msg) const {
    if (warnings != nullptr) warnings->push_back(Error{t.name(), r.line, std::move(msg), true});
  }

  /// A '|' list: no empty items, no leading/trailing '|', no spaces around '|'.
  [[nodiscard]] Result<std::vector<std::string>> list(const TsvTable::Row& r, std::string_view col) const {
    std::string_view f = t.get(r, col);
    std::vector<std::string> out;
    if (f.empty()) return out;
    if (f.front() == '|' || f.back() == '|' || f.find("||") != std::string_view::npos)
      return t.error(r, "column '" + std::string(col) + "': empty item in '|' list");
    if (f.find(" |") != std::string_view::npos || f.find("| ") != std::string_view::npos)
      return t.error(r, "column '" + std::string(col) + "': space around '|'");
    for (std::string_view v : split_values(f)) out.emplace_back(v);
    return out;
  }

  [[nodiscard]] Result<std::optional<Date>> date(const TsvTable::Row& r, std::string_view col) const {
    return parse_date_field(t, r, col);
  }

  [[nodiscard]] Status require(const TsvTable::Row& r, std::initializer_list<std::string_view> cols) const {
    for (std::string_view c : cols)
      if (t.get(r, c).empty()) return t.error(r, "column '" + std::string(c) + "' is empty");
    return {};
  }

  /// as_of must be a full date; from/until ordering.
  [[nodiscard]] Result<Date> as_of(const TsvTable::Row& r) const {
    auto d = date(r, "as_of");
    if (!d.ok()) return d.error();
    if (!d.value() || d.value()->precision != DatePrecision::day)
      return t.error(r, "column 'as_of' must be a full YYYY-MM-DD date");
    return *d.value();
  }
};

#define DYAD_TRY(var, expr)                  \
  auto var##_r = (expr);                     \
  if (!var##_r.ok()) return var##_r.error(); \
  auto var = std::move(var##_r.value())

#define DYAD_CHECK(expr)             \
  do {                               \
    Status s_ = (expr);              \
    if (!s_.ok()) return s_.error(); \
  } while (false)

Result<KnowledgeSpecs> read_countries(Reader& rd) {
  const TsvTable& t = rd.t;
  std::unordered_map<std::string, uint64_t> cameo_seen, iso3_seen;
  std::unordered_map<std::string, std::pair<uint64_t, std::string>> iso2_seen;     // iso2 -> (line, status)
  std::unordered_map<std::string, std::pair<std::string, uint64_t>> surface_seen;  // folded -> (code, line)
  std::vector<std::pair<const TsvTable::Row*, std::vector<std::string>>> refs;     // sovereign/successors
  size_t members = 0, observers = 0;
  for (const auto& r : t.rows()) {
    DYAD_CHECK(rd.require(r, {"cameo", "name", "status", "as_of"}));
    std::string cameo(t.get(r, "cameo"));
    std::string status(t.get(r, "status"));
    if (!upper_letters(cameo, 3)) return t.error(r, "cameo code '" + cameo + "' is not 3 capital letters");
    if (!cameo_seen.emplace(cameo, r.line).second)
      return t.error(r,
                     "duplicate cameo code '" + cameo + "' (first on line " + std::to_string(cameo_seen[cameo]) + ")");
    if (!in(kStatuses, status)) return t.error(r, "unknown status '" + status + "'");
    members += status == "member";
    observers += status == "observer";
    std::string iso3(t.get(r, "iso3")), iso2(t.get(r, "iso2"));
    if (status == "region") {
      if (!iso3.empty() || !iso2.empty()) return t.error(r, "a region has no iso3/iso2");
    } else {
      if (!upper_letters(iso3, 3)) return t.error(r, "iso3 '" + iso3 + "' is not 3 capital letters");
      if (!upper_letters(iso2, 2)) return t.error(r, "iso2 '" + iso2 + "' is not 2 capital letters");
      if (!iso3_seen.emplace(iso3, r.line).second) return t.error(r, "duplicate iso3 '" + iso3 + "'");
      auto [it, fresh] = iso2_seen.emplace(iso2, std::make_pair(r.line, status));
      if (!fresh && !(status == "former" && it->second.second == "former"))
        return t.error(r, "duplicate iso2 '" + iso2 + "' (line " + std::to_string(it->second.first) + ")");
    }
    std::string_view region = t.get(r, "region"), subregion = t.get(r, "subregion");
    if (!region.empty() && !in(kRegions, region)) return t.error(r, "unknown region '" + std::string(region) + "'");
    if (!subregion.empty() && !in(kSubregions, subregion))
      return t.error(r, "unknown subregion '" + std::string(subregion) + "'");
    if (region.empty() != subregion.empty()) return t.error(r, "region and subregion must both be set or both empty");
    if (region.empty() && status != "region" && cameo != "ATA") return t.error(r, "region is missing");
    if (status == "territory" && t.get(r, "sovereign").empty() && cameo != "ESH" && cameo != "ATA")
      rd.warn(r, "territory without sovereign");
    DYAD_TRY(from, rd.date(r, "valid_from"));
    DYAD_TRY(to, rd.date(r, "valid_to"));
    DYAD_TRY(asof, rd.as_of(r));
    (void)asof;
    if (from && to && first(*from) >= first(*to)) return t.error(r, "valid_from is not before valid_to");
    DYAD_TRY(successors, rd.list(r, "successors"));
    if (status == "former" && (!to || successors.empty()))
      return t.error(r, "a former state needs valid_to and successors");
    if (status != "former" && (to || !successors.empty()))
      return t.error(r, "only former states have valid_to and successors");
    DYAD_TRY(aliases, rd.list(r, "aliases"));
    DYAD_TRY(adjectives, rd.list(r, "adjectives"));
    DYAD_TRY(capitals, rd.list(r, "capital"));
    DYAD_TRY(seats, rd.list(r, "seat"));
    DYAD_TRY(metonyms, rd.list(r, "metonyms"));
    if (capitals.empty() && (status == "member" || status == "observer" || status == "partially_recognised"))
      return t.error(r, "capital is missing");
    ActorSpec a;
    a.kind = MentionKind::country;
    a.canonical = std::string(t.get(r, "name"));
    a.names.push_back(a.canonical);
    a.names.insert(a.names.end(), aliases.begin(), aliases.end());
    a.adjectives = adjectives;
    a.capitals = capitals;
    a.capitals.insert(a.capitals.end(), seats.begin(), seats.end());
    a.successors = successors;
    a.iso3 = iso3;
    a.region = status == "region";
    a.origin = rd.origin(r);
    RoleSpec role;
    role.code = cameo;
    role.country = cameo;
    role.from = from;
    role.until = to;
    role.origin = a.origin;
    a.roles.push_back(role);
    std::vector<std::string> surfaces = a.names;
    surfaces.insert(surfaces.end(), adjectives.begin(), adjectives.end());
    for (const std::string& m : metonyms) {
      std::string word = m;
      if (size_t colon = m.rfind(':'); colon != std::string::npos && colon + 4 == m.size()) {
        std::string sector = m.substr(colon + 1);
        if (!is_sector(sector)) return t.error(r, "metonym '" + m + "': unknown sector '" + sector + "'");
        if (sector == "GOV") return t.error(r, "metonym '" + m + "': ':GOV' is the default and is not written");
        word = m.substr(0, colon);
      }
      surfaces.push_back(word);
      a.metonyms.push_back(m);
    }
    // A surface appears once; after case folding no string maps to two codes
    // ("Ndjamena|NDjamena" in one row is fine).
    std::set<std::string> in_row;
    for (const std::string& s : surfaces) {
      if (!in_row.insert(s).second) return t.error(r, "surface string '" + s + "' appears twice in the row");
      auto [it, fresh] = surface_seen.emplace(folded(s), std::make_pair(cameo, r.line));
      if (!fresh && it->second.first != cameo)
        return t.error(r, "surface string '" + s + "' already belongs to " + it->second.first + " (line " +
                              std::to_string(it->second.second) + ")");
    }
    std::vector<std::string> codes = successors;
    if (!t.get(r, "sovereign").empty()) codes.emplace_back(t.get(r, "sovereign"));
    refs.emplace_back(&r, codes);
    rd.specs.actors.push_back(std::move(a));
  }
  for (const auto& [row, codes] : refs)
    for (const std::string& c : codes)
      if (cameo_seen.find(c) == cameo_seen.end()) return t.error(*row, "unknown country code '" + c + "'");
  if (!t.rows().empty() && (members != 193 || observers != 2) && rd.warnings != nullptr)
    rd.warnings->push_back(Error{t.name(), 0,
                                 std::to_string(members) + " member and " + std::to_string(observers) +
                                     " observer rows (expected 193 and 2): check the status column",
                                 true});
  return std::move(rd.specs);
}

/// Regular English plural of the last word ("lawmaker" -> "lawmakers").
std::string plural_of(const std::string& term) {
  size_t sp = term.rfind(' ');
  std::string head = sp == std::string::npos ? "" : term.substr(0, sp + 1);
  std::string w = sp == std::string::npos ? term : term.substr(sp + 1);
  auto ends = [&w](std::string_view s) {
    return w.size() >= s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0;
  };
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  if (ends("man") && w != "human" && w != "german") return head + w.substr(0, w.size() - 3) + "men";
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) return head + w + "es";
  if (w.size() > 1 && w.back() == 'y' && !vowel(w[w.size() - 2])) return head + w.substr(0, w.size() - 1) + "ies";
  return head + w + "s";
}

// Every letter a capital, but for a plural "s" at the end ("SSP", "IGPs"), and at least two capitals.
bool abbreviation_caps(std::string_view s) {
  if (s.size() >= 3 && s.back() == 's') s.remove_suffix(1);
  size_t caps = 0;
  for (const char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++caps;
  }
  return caps >= 2;
}

Result<KnowledgeSpecs> read_agents(Reader& rd) {
  const TsvTable& t = rd.t;
  std::unordered_map<std::string, std::pair<std::string, uint64_t>> exact_seen;   // surface -> (codes, line)
  std::unordered_map<std::string, std::pair<std::string, uint64_t>> folded_seen;  // folded -> (surface, line)
  for (const auto& r : t.rows()) {
    DYAD_CHECK(rd.require(r, {"term", "cameo_sector", "plover_sector", "as_of"}));
    std::string sector(t.get(r, "cameo_sector")), secondary(t.get(r, "secondary")), plover(t.get(r, "plover_sector"));
    if (!is_sector(sector) || sector == "PRM" || sector == "PTY")
      return t.error(r, "cameo_sector '" + sector + "' is not in the closed code list");
    if (!secondary.empty() && (!is_sector(secondary) || secondary == sector))
      return t.error(r, "secondary '" + secondary + "' is not a known code different from cameo_sector");
    if (!in(kPloverSectors, plover)) return t.error(r, "plover_sector '" + plover + "' is not in the closed list");
    std::string office(t.get(r, "office"));
    if (!office.empty() && !snake_case(office)) return t.error(r, "office '" + office + "' is not lower_snake_case");
    DYAD_TRY(asof, rd.as_of(r));
    (void)asof;
    DYAD_TRY(aliases, rd.list(r, "aliases"));
    AgentSpec a;
    a.names.emplace_back(t.get(r, "term"));
    a.names.insert(a.names.end(), aliases.begin(), aliases.end());
    a.sector = sector;
    a.secondary = secondary;
    a.plover_sector = plover;
    a.office = office;
    a.origin = rd.origin(r);
    std::string codes = sector + secondary;
    for (const std::string& s : a.names) {
      auto [it, fresh] = exact_seen.emplace(s, std::make_pair(codes, r.line));
      if (!fresh) return t.error(r, "surface string '" + s + "' already on line " + std::to_string(it->second.second));
      auto [ft, ffresh] = folded_seen.emplace(folded(s), std::make_pair(s, r.line));
      // an abbreviation in capitals beside its lower-case form on the same row ("ssp|SSP") is no twin: the
      // lower-case form does not match an all-caps word inside mixed-case text
      const bool caps_twin =
          ft->second.second == r.line && (abbreviation_caps(s) || abbreviation_caps(ft->second.first));
      if (!ffresh && !caps_twin && !has_upper(s) != !has_upper(ft->second.first))
        return t.error(r, "'" + s + "' and '" + ft->second.first + "' (line " + std::to_string(ft->second.second) +
                              ") differ only in case");
    }
    rd.specs.agents.push_back(std::move(a));
  }
  // A generated plural must not be another row's entry with different codes.
  for (size_t i = 0; i < rd.specs.agents.size(); ++i) {
    const AgentSpec& a = rd.specs.agents[i];
    std::string pl = plural_of(a.names[0]);
    auto it = exact_seen.find(pl);
    if (it != exact_seen.end() && it->second.first != a.sector + a.secondary)
      return t.error(t.rows()[i], "generated plural '" + pl + "' is the entry of line " +
                                      std::to_string(it->second.second) + ", which has other codes");
  }
  return std::move(rd.specs);
}

Result<KnowledgeSpecs> read_organisations(Reader& rd) {
  const TsvTable& t = rd.t;
  std::unordered_map<std::string, uint64_t> code_seen;
  std::unordered_map<std::string, uint64_t> name_seen;  // folded name/alias -> line
  for (const auto& r : t.rows()) {
    DYAD_CHECK(rd.require(r, {"code", "name", "type", "sector", "as_of"}));
    std::string code(t.get(r, "code")), name(t.get(r, "name")), type(t.get(r, "type")), sector(t.get(r, "sector"));
    std::string country(t.get(r, "country"));
    if (!actor_code_shape(code, 2, 4))
      return t.error(r, "code '" + code + "' is not a CAMEO actor code of 6-12 characters");
    if (!code_seen.emplace(code, r.line).second) return t.error(r, "duplicate code '" + code + "'");
    if (!in(kOrgTypes, type)) return t.error(r, "unknown type '" + type + "'");
    if (!is_sector(sector) && sector != "PRM" && sector != "PTY") return t.error(r, "unknown sector '" + sector + "'");
    if (!country.empty()) {
      if (!upper_letters(country, 3)) return t.error(r, "country '" + country + "' is not 3 capital letters");
      if (code.compare(0, 3, country) != 0 || code.compare(3, 3, sector) != 0)
        return t.error(r, "code '" + code + "' must be country + sector (" + country + sector + ")");
    }
    if (type == "igo" && (code.compare(0, 3, "IGO") != 0 || sector != "IGO" || !country.empty()))
      return t.error(r, "an igo row has a code starting IGO, sector IGO and no country");
    if (type == "ngo" && sector != "NGO") return t.error(r, "an ngo row has sector NGO");
    if (type == "media" && sector != "MED") return t.error(r, "a media row has sector MED");
    std::string_view founded_text = t.get(r, "founded");
    std::optional<Date> founded;
    bool decade = founded_text.size() == 5 && founded_text[4] == 's' && founded_text[3] == '0';
    if (!decade) {
      DYAD_TRY(f, rd.date(r, "founded"));
      founded = f;
    }
    DYAD_TRY(dissolved, rd.date(r, "dissolved"));
    DYAD_TRY(asof, rd.as_of(r));
    if (founded && dissolved && first(*founded) > last(*dissolved)) return t.error(r, "founded is after dissolved");
    if ((founded && first(*founded) > first(asof)) || (dissolved && first(*dissolved) > first(asof)))
      return t.error(r, "a date is later than as_of");
    DYAD_TRY(aliases, rd.list(r, "aliases"));
    ActorSpec a;
    a.kind = MentionKind::organization;
    a.canonical = name;
    a.names.push_back(name);
    for (const std::string& al : aliases) {
      if (al == name) return t.error(r, "alias '" + al + "' repeats the name");
      a.names.push_back(al);
    }
    for (const std::string& s : a.names) {
      auto [it, fresh] = name_seen.emplace(folded(s), r.line);
      if (!fresh && it->second != r.line)
        return t.error(r, "name or alias '" + s + "' already belongs to line " + std::to_string(it->second));
    }
    a.origin = rd.origin(r);
    RoleSpec role;
    role.code = code;
    role.country = country;
    role.until = dissolved;
    role.origin = a.origin;
    a.roles.push_back(role);
    rd.specs.actors.push_back(std::move(a));
  }
  return std::move(rd.specs);
}

Result<KnowledgeSpecs> read_people(Reader& rd) {
  const TsvTable& t = rd.t;
  struct Term {
    const TsvTable::Row* row;
    std::optional<Date> from, until;
  };
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<Term>> terms;  // (country, office, code)
  std::set<std::tuple<std::string, std::string, std::string, std::string, std::string>> keys;
  std::unordered_map<std::string, size_t> person_of;  // canonical name -> index in specs.actors
  for (const auto& r : t.rows()) {
    DYAD_CHECK(rd.require(r, {"name", "country", "office", "title", "code", "as_of"}));
    std::string name(t.get(r, "name")), country(t.get(r, "country")), office(t.get(r, "office"));
    std::string code(t.get(r, "code")), acting(t.get(r, "acting"));
    bool three = upper_letters(country, 3);
    if (!three && !actor_code_shape(country, 2, 4))
      return t.error(r, "country '" + country + "' is neither a 3-letter country code nor an organisation code");
    if (!snake_case(office)) return t.error(r, "office '" + office + "' is not lower_snake_case");
    if (!actor_code_shape(code, 1, 4) || code.compare(0, country.size(), country) != 0)
      return t.error(r, "code '" + code + "' must be the country '" + country + "' followed by 3-letter codes");
    if (three && code.size() >= 6 && !is_sector(code.substr(3, 3)))
      return t.error(r, "code '" + code + "': '" + code.substr(3, 3) + "' is not a known CAMEO role code");
    DYAD_TRY(secondary, rd.list(r, "secondary"));
    for (const std::string& s : secondary)
      if (!is_sector(s)) return t.error(r, "secondary '" + s + "' is not a known CAMEO role code");
    if (!acting.empty() && acting != "yes") return t.error(r, "acting must be empty or 'yes'");
    DYAD_TRY(from, rd.date(r, "valid_from"));
    DYAD_TRY(until, rd.date(r, "valid_until"));
    DYAD_TRY(asof, rd.as_of(r));
    if (from && until && first(*from) > last(*until)) return t.error(r, "valid_from is after valid_until");
    if ((from && first(*from) > asof.first_day()) || (until && first(*until) > asof.first_day()))
      return t.error(r, "valid_from or valid_until is later than as_of");
    DYAD_TRY(aliases, rd.list(r, "aliases"));
    std::set<std::string> seen;
    for (const std::string& a : aliases) {
      if (a == name) return t.error(r, "alias '" + a + "' repeats the name");
      if (!seen.insert(a).second) return t.error(r, "alias '" + a + "' appears twice");
    }
    if (office == "defence_minister" && std::find(secondary.begin(), secondary.end(), "MIL") == secondary.end())
      rd.warn(r, "defence minister without secondary MIL");
    std::string from_text(t.get(r, "valid_from"));
    if (!keys.emplace(name, country, office, code, from_text).second)
      return t.error(r, "duplicate row (same name, country, office, code and valid_from)");
    terms[{country, office, code}].push_back(Term{&r, from, until});

    RoleSpec role;
    role.code = code;
    role.secondary = secondary.empty() ? "" : secondary[0];
    role.country = country;
    role.office = office;
    role.title = std::string(t.get(r, "title"));
    role.from = from;
    role.until = until;
    role.acting = acting == "yes";
    role.origin = rd.origin(r);
    auto [it, fresh] = person_of.emplace(name, rd.specs.actors.size());
    if (fresh) {
      ActorSpec a;
      a.kind = MentionKind::person;
      a.canonical = name;
      a.names.push_back(name);
      a.origin = role.origin;
      rd.specs.actors.push_back(std::move(a));
    }
    ActorSpec& person = rd.specs.actors[it->second];
    for (const std::string& al : aliases)
      if (std::find(person.names.begin(), person.names.end(), al) == person.names.end()) person.names.push_back(al);
    person.roles.push_back(std::move(role));
  }
  // No overlapping terms within one (country, office, code).
  for (auto& [key, list] : terms) {
    if (std::get<1>(key) == "mfa_spokesperson") continue;
    std::stable_sort(list.begin(), list.end(), [](const Term& a, const Term& b) {
      if (!a.from || !b.from) return !a.from && b.from;
      return first(*a.from) < first(*b.from);
    });
    for (size_t i = 0; i + 1 < list.size(); ++i) {
      const Term& a = list[i];
      const Term& b = list[i + 1];
      bool overlap = !a.until || (b.from && first(*a.until) > last(*b.from)) || !b.from;
      if (overlap)
        return t.error(*b.row, "term overlaps line " + std::to_string(a.row->line) + " (" + std::get<0>(key) + " " +
                                   std::get<1>(key) + " " + std::get<2>(key) + ")");
    }
  }
  return std::move(rd.specs);
}

Result<KnowledgeSpecs> read_table(const TsvTable& t, std::vector<Error>* warnings) {
  std::vector<std::string> header;
  // TsvTable does not expose the header; probe the columns that identify each kind.
  for (const char* c : {"cameo", "status", "term", "cameo_sector", "code", "type", "sector", "name", "office",
                        "valid_from", "valid_until", "title"})
    if (t.has(c)) header.emplace_back(c);
  Reader rd{t, warnings, {}};
  switch (dictionary_kind(header)) {
    case DictionaryKind::countries:
      return read_countries(rd);
    case DictionaryKind::agents:
      return read_agents(rd);
    case DictionaryKind::organisations:
      return read_organisations(rd);
    case DictionaryKind::people:
      for (const char* c : {"name", "aliases", "country", "office", "title", "code", "secondary", "valid_from",
                            "valid_until", "acting", "note", "as_of"})
        if (!t.has(c)) return Error{t.name(), 0, std::string("people file lacks the column '") + c + "'"};
      return read_people(rd);
    case DictionaryKind::unknown:
      break;
  }
  return Error{t.name(), 0,
               "not a dyad dictionary: the header names no known kind (countries, agents, organisations, people)"};
}

}  // namespace

DictionaryKind dictionary_kind(const std::vector<std::string>& header) {
  auto has = [&header](std::string_view c) { return std::find(header.begin(), header.end(), c) != header.end(); };
  if (has("cameo") && has("status")) return DictionaryKind::countries;
  if (has("term") && has("cameo_sector")) return DictionaryKind::agents;
  if (has("name") && has("office") && has("code") && has("valid_from")) return DictionaryKind::people;
  if (has("code") && has("name") && has("type") && has("sector")) return DictionaryKind::organisations;
  return DictionaryKind::unknown;
}

Result<KnowledgeSpecs> parse_dyad_dictionary(std::string_view name, std::string_view text,
                                             std::vector<Error>* warnings) {
  auto t = TsvTable::parse(name, text);
  if (!t.ok()) return t.error();
  return read_table(t.value(), warnings);
}

Result<KnowledgeSpecs> read_dyad_dictionary(const std::string& path, std::vector<Error>* warnings) {
  auto t = TsvTable::read(path);
  if (!t.ok()) return t.error();
  return read_table(t.value(), warnings);
}

namespace {

Error at_origin(const std::string& origin, std::string message) {
  Error e;
  size_t colon = origin.rfind(':');
  if (colon != std::string::npos && colon + 1 < origin.size() &&
      origin.find_first_not_of("0123456789", colon + 1) == std::string::npos) {
    e.file = origin.substr(0, colon);
    e.line = std::stoull(origin.substr(colon + 1));
  } else {
    e.file = origin;
  }
  e.message = std::move(message);
  return e;
}

bool documented_prefix(std::string_view code) {
  return code.size() >= 3 && (code.substr(0, 3) == "IGO" || code.substr(0, 3) == "NGO" || code.substr(0, 3) == "IMG" ||
                              code.substr(0, 3) == "MNC");
}

}  // namespace

std::vector<Error> validate_specs(const KnowledgeSpecs& specs) {
  std::vector<Error> errors;
  std::unordered_set<std::string> countries;
  for (const ActorSpec& a : specs.actors)
    if (a.kind == MentionKind::country && !a.roles.empty()) countries.insert(a.roles[0].code);
  if (countries.empty()) return errors;  // nothing to check against (e.g. only user files)
  for (const ActorSpec& a : specs.actors) {
    if (a.kind == MentionKind::country) {
      for (const std::string& s : a.successors)
        if (!countries.count(s)) errors.push_back(at_origin(a.origin, "unknown successor country '" + s + "'"));
      continue;
    }
    if (a.foreign_codes) continue;
    for (const RoleSpec& r : a.roles) {
      std::string_view c = r.country;
      if (c.empty()) c = std::string_view(r.code).substr(0, std::min<size_t>(3, r.code.size()));
      if (c.size() < 3 || documented_prefix(c)) continue;
      std::string cc(c.substr(0, 3));
      if (!countries.count(cc))
        errors.push_back(at_origin(r.origin.empty() ? a.origin : r.origin,
                                   "country code '" + cc + "' is not in countries.tsv (nor IGO/NGO/IMG/MNC)"));
    }
  }
  return errors;
}

}  // namespace dyad
