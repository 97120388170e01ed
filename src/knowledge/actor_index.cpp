// ActorIndex: compiling the dictionaries and finding mentions.
//
// Design note.
// Load: every surface string (country names, aliases, adjectives, capitals,
// metonyms; organisation names; people's names and aliases; agent words and
// their generated plurals) becomes an Entry {form, target, case pattern}.
// All surfaces are tokenised in ONE tokenize_text call over a synthetic
// article (one surface per line; tokens never cross '\n'), so a dictionary
// name splits exactly like article text (analyze_text's tokens, without its
// sentences and boilerplate flags). One PhraseMatcher (a trie over
// interned normalised token forms) holds them all; values are entry indexes.
// Surfaces of `extra` specs replace default entries with the same (case-
// folded) surface. A person's bare surname that the files do not list is
// compiled as a coreference-only entry: it matches only after the full name
// has been seen in the same article.
//
// Find, per sentence, one left-to-right pass:
//  1. token ids (one hash probe each); a possessive "X's" / "X’s" that is not
//     itself a dictionary form is looked up as X, and may only end a match;
//  2. atoms: at each token the longest phrase whose case rule passes (entries
//     with a capital match only as written; lower-case entries do not match an
//     ALL-CAPS token unless the whole sentence is upper case);
//  3. chains of adjacent atoms [country] [agent...] [person | unknown Name]:
//     "Russian Foreign Minister Sergey Lavrov" is one person mention,
//     "Chinese police" one agent mention (CHNCOP), "Russia's defence minister"
//     an agent mention resolved to the office holder on the article date;
//  4. places: a country/capital/metonym after a place preposition (in, near,
//     from, to, ...) or coordinated with a place ("Beijing, China") is a
//     location; an unknown Capitalised run after in/near/at/from or "city of"
//     is a location with only a name; otherwise capitals and metonyms stand for
//     the government (CHNGOV, Pentagon -> USAMIL).
// Entities: one per person, organisation, country (all its names, adjectives
// and metonyms), coded agent and named place; mentions are linked in text order.
#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <unordered_map>
#include <unordered_set>

#include "core/unicode.h"
#include "geo/gazetteer.h"
#include "knowledge/actor_words.h"
#include "knowledge/actors.h"
#include "knowledge/lexicon.h"
#include "knowledge/pairs.h"
#include "knowledge/phrase_matcher.h"

namespace dyad {

namespace {

enum class Form : uint8_t { country_name, adjective, capital, place_only, metonym, org, person, surname, agent };

int priority(Form f) {
  switch (f) {
    case Form::person:
      return 6;
    case Form::org:
      return 5;
    case Form::country_name:
    case Form::capital:
    case Form::metonym:
      return 4;
    case Form::adjective:
      return 3;
    case Form::place_only:
      return 2;
    case Form::agent:
      return 1;
    case Form::surname:
      return 0;
  }
  return 0;
}

bool has_upper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

/// Text with typographic apostrophes made plain, for case-exact comparison.
std::string plain_apostrophes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0x99 || static_cast<unsigned char>(s[i + 2]) == 0x98)) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string basename_origin(const std::string& origin) {
  size_t slash = origin.find_last_of('/');
  return slash == std::string::npos ? origin : origin.substr(slash + 1);
}

/// Regular plural of a phrase's head word ("defence minister" -> "defence ministers",
/// "minister of defence" -> "ministers of defence"); empty when the head already
/// looks plural or uncountable.
std::string plural_phrase(const std::string& term) {
  size_t of = term.find(" of ");
  std::string head_part = of == std::string::npos ? term : term.substr(0, of);
  std::string tail = of == std::string::npos ? "" : term.substr(of);
  size_t sp = head_part.rfind(' ');
  std::string pre = sp == std::string::npos ? "" : head_part.substr(0, sp + 1);
  std::string w = sp == std::string::npos ? head_part : head_part.substr(sp + 1);
  if (w.size() < 2) return "";
  auto ends = [&w](std::string_view s) {
    return w.size() >= s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0;
  };
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  std::string pl;
  if (ends("man") && w != "human" && w != "german") {
    pl = w.substr(0, w.size() - 3) + "men";
  } else if (ends("ss") || ends("x") || ends("z") || ends("ch") || ends("sh")) {
    pl = w + "es";
  } else if (ends("s")) {
    return "";  // already plural or uncountable (troops, forces, affairs, police's "ss" handled above)
  } else if (w.back() == 'y' && !vowel(w[w.size() - 2])) {
    pl = w.substr(0, w.size() - 1) + "ies";
  } else {
    pl = w + "s";
  }
  return pre + pl + tail;
}

constexpr std::array kPlacePreps{"in",     "near",       "from",   "at",     "to",      "into", "outside", "inside",
                                 "across", "throughout", "around", "toward", "towards", "via",  "within",  "through"};
constexpr std::array kUnknownPlacePreps{"in", "near", "from", "at", "outside", "inside", "throughout", "via"};
constexpr std::array kDocumentNouns{"statement",  "declaration", "treaty",  "agreement",  "communique",
                                    "communiqué", "memorandum",  "charter", "accord",     "accords",
                                    "convention", "protocol",    "pact",    "resolution", "constitution"};
constexpr std::array kNameStop{
    "the",     "a",         "an",       "in",     "on",        "at",      "and",      "but",      "he",    "she",
    "it",      "they",      "we",       "i",      "his",       "her",     "their",    "this",     "that",  "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday",  "sunday",  "january",  "february", "march", "april",
    "may",     "june",      "july",     "august", "september", "october", "november", "december", "jan.",  "feb.",
    "aug.",    "sept.",     "oct.",     "nov.",   "dec.",      "mr.",     "mrs.",     "ms.",      "dr."};

template <size_t N>
bool in(const std::array<const char*, N>& list, std::string_view v) {
  return std::any_of(list.begin(), list.end(), [v](const char* s) { return v == s; });
}

bool valid_on(const RoleSpec& r, const Date& d) {
  auto day = d.first_day();
  if (r.from && day < r.from->first_day()) return false;
  if (r.until) {
    // Full dates are exclusive; a partial end date covers its whole month/year (approximate ends).
    if (r.until->precision == DatePrecision::day ? day >= r.until->first_day() : day > r.until->last_day())
      return false;
  }
  return true;
}

std::chrono::sys_days start_of(const RoleSpec& r) {
  return r.from ? r.from->first_day() : std::chrono::sys_days(std::chrono::days(-1000000));
}

// The role of a country entry that its names stand for today: the first with no end,
// else the one that ends last. `roles` is not empty.
const RoleSpec& current_period(const std::vector<RoleSpec>& roles) {
  const RoleSpec* best = &roles.front();
  for (const RoleSpec& r : roles) {
    if (!r.until) return r;
    if (best->until && best->until->first_day() < r.until->first_day()) best = &r;
  }
  return *best;
}

}  // namespace

struct ActorIndex::Impl {
  struct Country {
    std::string code, name, iso3;
    std::optional<Date> from, until;
    std::vector<std::string> successors, capitals;
    std::vector<std::string> also;  // further codes of the same period ("[KEN/UGA]")
    bool region = false;            // a regional code of no state ("the West")
  };
  struct Person {
    std::string canonical;
    std::vector<RoleSpec> roles;
  };
  struct Org {
    std::string canonical, code, country;
  };
  struct Agent {
    std::string sector, secondary, office;
    bool prefix = false;  // TABARI "[NGO~]": the code goes before the actor's code
  };
  struct Entry {
    Form form = Form::agent;
    uint32_t target = 0;
    std::string sector;                    // metonym sector ("GOV", "MIL")
    bool exact = false;                    // has a capital: match only as written
    bool plural = false;                   // generated plural of an agent word
    bool any_case = false;                 // also matches words in capitals (TABARI/PETRARCH entries)
    std::vector<std::string> case_tokens;  // tokens as written (apostrophes plain)
    std::string rule;                      // "file:line"
    std::string surface;
  };

  std::vector<Country> countries;
  std::unordered_map<std::string, uint32_t> country_by_code;
  std::vector<Person> people;
  std::vector<Org> orgs;
  std::vector<Agent> agents;
  std::vector<Entry> entries;
  PhraseMatcher matcher;
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> offices;  // "RUS defence_minister"
  ActorIndexStats stats;
  std::unordered_set<std::string> adjectives;     // case-folded country adjectives and demonyms
  std::unordered_set<std::string> country_names;  // case-folded country names and aliases, apostrophes plain
  NounList pair_nouns;                            // data/knowledge/pair_nouns.tsv
  ActorWords actor_words;                         // data/knowledge/actor_words.tsv
  uint32_t the_id = TokenInterner::kNone;

  // ---- resolution --------------------------------------------------------

  /// The country code valid on `d`: before a country's valid_from, its predecessor
  /// (the former state listing it as successor); capitals shared with a former state
  /// ("Moscow") map to it before its valid_to.
  [[nodiscard]] uint32_t country_on(uint32_t c, const Date& d, bool via_capital) const {
    if (!d.known()) return c;
    for (int hop = 0; hop < 4; ++hop) {
      const Country& k = countries[c];
      bool before = k.from && d.first_day() < k.from->first_day();
      if (!before && !via_capital) return c;
      int next = -1;
      for (uint32_t f = 0; f < countries.size(); ++f) {
        const Country& fc = countries[f];
        if (!fc.until || d.first_day() >= fc.until->first_day()) continue;
        if (std::find(fc.successors.begin(), fc.successors.end(), k.code) == fc.successors.end()) continue;
        bool shares = std::any_of(fc.capitals.begin(), fc.capitals.end(), [&k](const std::string& cap) {
          return std::find(k.capitals.begin(), k.capitals.end(), cap) != k.capitals.end();
        });
        if (before || shares) {
          next = static_cast<int>(f);
          break;
        }
      }
      if (next < 0) return c;
      c = static_cast<uint32_t>(next);
      via_capital = false;
    }
    return c;
  }

  /// Best role of a person on `d` given context (office and country from the words around); -1 if none valid.
  [[nodiscard]] int role_on(const Person& p, const Date& d, std::string_view office, std::string_view country) const {
    int best = -1;
    int best_score = -1;
    for (size_t i = 0; i < p.roles.size(); ++i) {
      const RoleSpec& r = p.roles[i];
      if (d.known() && !valid_on(r, d)) continue;
      int score = 0;
      if (!office.empty() && r.office == office) score += 8;
      if (!country.empty() && r.country == country) score += 4;
      if (r.office == "head_of_state" || r.office == "head_of_government") score += 2;
      if (!r.acting) score += 1;
      if (!d.known() && !r.until) score += 16;  // unknown date: the current (open) role
      if (score > best_score || (score == best_score && start_of(r) > start_of(p.roles[static_cast<size_t>(best)]))) {
        best = static_cast<int>(i);
        best_score = score;
      }
    }
    return best;
  }

  /// The role a person outside every role period is closest to (for the country). With `office` and
  /// `country` given, only a role of that office of that country (nullptr when he held none).
  [[nodiscard]] const RoleSpec* nearest_role(const Person& p, const Date& d, std::string_view office = {},
                                             std::string_view country = {}) const {
    const RoleSpec* best = nullptr;
    int64_t best_gap = INT64_MAX;
    for (const RoleSpec& r : p.roles) {
      if (!office.empty() && (r.office != office || r.country != country)) continue;
      int64_t gap = 0;
      auto day = d.first_day();
      if (r.from && day < r.from->first_day()) gap = (r.from->first_day() - day).count();
      if (r.until && day >= r.until->first_day()) gap = (day - r.until->first_day()).count();
      if (gap < best_gap) {
        best_gap = gap;
        best = &r;
      }
    }
    return best;
  }

  struct Holder {
    int person = -1;
    int role = -1;
  };
  [[nodiscard]] Holder holder(std::string_view country, std::string_view office, const Date& d) const {
    auto it = offices.find(std::string(country) + " " + std::string(office));
    if (it == offices.end()) return {};
    Holder h;
    std::chrono::sys_days latest{};
    bool ambiguous = false;
    for (auto [pi, ri] : it->second) {
      const RoleSpec& r = people[pi].roles[ri];
      if (d.known()) {
        if (!valid_on(r, d)) continue;
        if (h.person >= 0 && h.person != static_cast<int>(pi)) ambiguous = true;
        // Both holders match on a hand-over day: the successor (later start) wins.
        if (h.person < 0 || start_of(r) > latest) {
          h = Holder{static_cast<int>(pi), static_cast<int>(ri)};
          latest = start_of(r);
        }
      } else if (h.person < 0 || (!r.until && start_of(r) >= latest)) {
        h = Holder{static_cast<int>(pi), static_cast<int>(ri)};
        latest = start_of(r);
      }
    }
    if (ambiguous) {
      // Several at once is only an answer when all but one merely touch the date (hand-over day).
      int count = 0;
      for (auto [pi, ri] : it->second) {
        const RoleSpec& r = people[pi].roles[ri];
        if (valid_on(r, d) &&
            !(r.until && r.until->precision == DatePrecision::day && r.until->first_day() == d.first_day()))
          ++count;
      }
      if (count > 1) return {};
    }
    return h;
  }
};

ActorIndex::ActorIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ActorIndex::~ActorIndex() = default;
const ActorIndexStats& ActorIndex::stats() const { return impl_->stats; }

bool ActorIndex::is_country_adjective(std::string_view words) const {
  std::string folded;
  fold_case_append(plain_apostrophes(words), folded);
  if (folded.size() > 2 && folded.ends_with("'s")) folded.resize(folded.size() - 2);
  if (folded.size() > 1 && folded.back() == '\'') folded.pop_back();
  return impl_->adjectives.count(folded) != 0;
}

bool ActorIndex::is_country_name(std::string_view words) const {
  std::string folded;
  fold_case_append(plain_apostrophes(words), folded);
  return impl_->country_names.count(folded) != 0;
}

std::string ActorIndex::office_holder(std::string_view country, std::string_view office, const Date& date) const {
  Impl::Holder h = impl_->holder(country, office, date);
  return h.person < 0 ? std::string() : impl_->people[static_cast<size_t>(h.person)].canonical;
}

namespace {

/// The column names of a TSV file's header (first line that is not a comment or blank).
std::vector<std::string> peek_header(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::vector<std::string> cols;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#' || line.find_first_not_of(" \t") == std::string::npos) continue;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      std::string f = line.substr(start, tab == std::string::npos ? std::string::npos : tab - start);
      while (!f.empty() && f.back() == ' ') f.pop_back();
      while (!f.empty() && f.front() == ' ') f.erase(0, 1);
      cols.push_back(f);
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    break;
  }
  return cols;
}

void append_specs(KnowledgeSpecs& to, KnowledgeSpecs&& from) {
  for (auto& a : from.actors) to.actors.push_back(std::move(a));
  for (auto& a : from.agents) to.agents.push_back(std::move(a));
}

}  // namespace

Result<std::shared_ptr<const ActorIndex>> ActorIndex::load(const std::string& data_dir, const KnowledgeSpecs& extra,
                                                           bool no_default, const TextRules& rules) {
  auto impl = std::make_unique<Impl>();
  auto pairs = PairNouns::load(data_dir);  // read with or without the default dictionaries, like the coder
  if (!pairs.ok()) return pairs.error();
  impl->pair_nouns = std::move(pairs.value());
  auto actor_words = ActorWords::load(data_dir);  // the same: backer suffixes, international sectors
  if (!actor_words.ok()) return actor_words.error();
  impl->actor_words = std::move(actor_words.value());
  KnowledgeSpecs defaults;
  if (!no_default) {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(data_dir) / "knowledge";
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.is_regular_file() && e.path().extension() == ".tsv") files.push_back(e.path().string());
    if (ec) return Error{dir.string(), 0, "cannot read the knowledge directory: " + ec.message()};
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) {
      if (dictionary_kind(peek_header(f)) == DictionaryKind::unknown) continue;
      auto specs = read_dyad_dictionary(f, &impl->stats.warnings);
      if (!specs.ok()) return specs.error();
      append_specs(defaults, std::move(specs.value()));
    }
  }
  const size_t n_default_actors = defaults.actors.size();
  const size_t n_default_agents = defaults.agents.size();
  KnowledgeSpecs all = std::move(defaults);
  for (const auto& a : extra.actors) all.actors.push_back(a);
  for (const auto& a : extra.agents) all.agents.push_back(a);
  std::vector<Error> problems = validate_specs(all);
  if (!problems.empty()) {
    Error e = problems.front();
    if (problems.size() > 1) e.message += " (and " + std::to_string(problems.size() - 1) + " more problems)";
    return e;
  }

  // ---- tables and surfaces ------------------------------------------------
  struct Surface {
    std::string text;
    Impl::Entry entry;
    bool extra = false;
  };
  std::vector<Surface> surfaces;
  auto add = [&surfaces](const std::string& text, Form form, uint32_t target, std::string sector,
                         const std::string& origin, bool from_extra, bool plural = false) {
    Impl::Entry e;
    e.form = form;
    e.target = target;
    e.sector = std::move(sector);
    e.exact = has_upper(text);
    e.plural = plural;
    e.rule = basename_origin(origin);
    e.surface = text;
    surfaces.push_back(Surface{text, std::move(e), from_extra});
  };
  for (size_t i = 0; i < all.actors.size(); ++i) {
    const ActorSpec& a = all.actors[i];
    bool ex = i >= n_default_actors;
    if (a.roles.empty() && a.kind != MentionKind::person) continue;
    const size_t first_surface = surfaces.size();
    switch (a.kind) {
      case MentionKind::country: {
        auto idx = static_cast<uint32_t>(impl->countries.size());
        const RoleSpec& now = current_period(a.roles);
        Impl::Country c{now.code, a.canonical, a.iso3, now.from, now.until, a.successors, {}, {}, a.region};
        for (const RoleSpec& r : a.roles)  // an entry for several actors at once: each is coded
          if (!r.code.empty() && r.code != c.code && r.from == c.from && r.until == c.until) c.also.push_back(r.code);
        // Earlier periods of the same entry ("[RHO <790606] [ZBW]"): each becomes a former
        // state whose successor is the current code, and the current period starts where
        // the latest of them ends, so country_on() gives the code valid on the article's date.
        std::vector<Impl::Country> former;
        for (const RoleSpec& r : a.roles) {
          if (r.code.empty() || r.code == c.code || !r.until || (r.from == now.from && r.until == now.until)) continue;
          if (now.until && now.until->first_day() <= r.until->first_day()) continue;
          if (!c.from || c.from->first_day() < r.until->first_day()) c.from = r.until;
          former.push_back(Impl::Country{r.code, a.canonical, a.iso3, r.from, r.until, {c.code}, {}, {}, false});
        }
        impl->country_by_code[c.code] = idx;
        std::unordered_set<std::string> metonym_words;
        for (const std::string& m : a.metonyms) {
          std::string word = m, sector = "GOV";
          if (size_t colon = m.rfind(':'); colon != std::string::npos && colon + 4 == m.size()) {
            word = m.substr(0, colon);
            sector = m.substr(colon + 1);
          }
          metonym_words.insert(word);
          bool capital = std::find(a.capitals.begin(), a.capitals.end(), word) != a.capitals.end();
          add(word, capital ? Form::capital : Form::metonym, idx, sector, a.origin, ex);
        }
        for (const std::string& cap : a.capitals) {
          c.capitals.push_back(cap);
          if (!metonym_words.count(cap) &&
              std::find(a.names.begin(), a.names.end(), cap) == a.names.end())  // ambiguous capital: a place only
            add(cap, Form::place_only, idx, "", a.origin, ex);
        }
        for (const std::string& n : a.names) {
          add(n, Form::country_name, idx, "", a.origin, ex);
          std::string folded;
          fold_case_append(plain_apostrophes(n), folded);
          impl->country_names.insert(std::move(folded));
        }
        for (const std::string& adj : a.adjectives) {
          add(adj, Form::adjective, idx, "", a.origin, ex);
          std::string folded;
          fold_case_append(adj, folded);
          impl->adjectives.insert(std::move(folded));
        }
        impl->countries.push_back(std::move(c));
        for (Impl::Country& f : former) {
          impl->country_by_code.emplace(f.code, static_cast<uint32_t>(impl->countries.size()));
          impl->countries.push_back(std::move(f));
        }
        break;
      }
      case MentionKind::organization: {
        auto idx = static_cast<uint32_t>(impl->orgs.size());
        impl->orgs.push_back(Impl::Org{a.canonical, a.roles[0].code, a.roles[0].country});
        for (const std::string& n : a.names) add(n, Form::org, idx, "", a.origin, ex);
        break;
      }
      case MentionKind::person:
      default: {
        auto idx = static_cast<uint32_t>(impl->people.size());
        impl->people.push_back(Impl::Person{a.canonical, a.roles});
        for (uint32_t r = 0; r < a.roles.size(); ++r)
          if (!a.roles[r].office.empty())
            impl->offices[a.roles[r].country + " " + a.roles[r].office].emplace_back(idx, r);
        impl->stats.roles += a.roles.size();
        for (const std::string& n : a.names) add(n, Form::person, idx, "", a.origin, ex);
        size_t sp = a.canonical.rfind(' ');
        if (sp != std::string::npos && sp + 1 < a.canonical.size()) {
          std::string surname = a.canonical.substr(sp + 1);
          if (std::find(a.names.begin(), a.names.end(), surname) == a.names.end() && has_upper(surname))
            add(surname, Form::surname, idx, "", a.origin, ex);
        }
        break;
      }
    }
    // TABARI/PETRARCH dictionaries are written in capitals and match text in any letter case
    // ("THE_AU" matches "The AU"): their entries also match a word in capitals.
    if (a.foreign_codes)
      for (size_t k = first_surface; k < surfaces.size(); ++k) surfaces[k].entry.any_case = true;
  }
  std::unordered_set<std::string> agent_surfaces;
  for (const AgentSpec& a : all.agents)
    for (const std::string& n : a.names) agent_surfaces.insert(n);
  for (size_t i = 0; i < all.agents.size(); ++i) {
    const AgentSpec& a = all.agents[i];
    bool ex = i >= n_default_agents;
    auto idx = static_cast<uint32_t>(impl->agents.size());
    impl->agents.push_back(Impl::Agent{a.sector, a.secondary, a.office, a.prefix});
    const size_t first_surface = surfaces.size();
    for (const std::string& n : a.names) {
      add(n, Form::agent, idx, "", a.origin, ex);
      std::string pl = plural_phrase(n);
      if (!pl.empty() && !agent_surfaces.count(pl)) add(pl, Form::agent, idx, "", a.origin, ex, true);
    }
    if (a.any_case)
      for (size_t k = first_surface; k < surfaces.size(); ++k) surfaces[k].entry.any_case = true;
  }
  // Extra surfaces override default entries with the same folded surface.
  std::unordered_set<std::string> overridden;
  for (const Surface& s : surfaces)
    if (s.extra) {
      std::string f;
      fold_case_append(s.text, f);
      overridden.insert(f);
    }

  // ---- tokenise every surface in one pass --------------------------------------
  Article synth;
  std::vector<uint32_t> line_start;
  std::vector<uint32_t> kept;  // surface index per line
  for (uint32_t i = 0; i < surfaces.size(); ++i) {
    Surface& s = surfaces[i];
    if (!s.extra && !overridden.empty()) {
      std::string f;
      fold_case_append(s.text, f);
      if (overridden.count(f)) continue;
    }
    std::string norm = normalize_text(s.text);
    if (norm.find('\n') != std::string::npos || norm.empty()) continue;
    line_start.push_back(static_cast<uint32_t>(synth.text.size()));
    kept.push_back(i);
    synth.text += norm;
    synth.text += '\n';
  }
  TextAnalysis ta;
  tokenize_text(rules, synth, ta);  // tokens only: no sentences or boilerplate flags

  size_t tok = 0;
  std::vector<std::string_view> forms;
  for (size_t line = 0; line < kept.size(); ++line) {
    uint32_t begin = line_start[line];
    uint32_t end = line + 1 < line_start.size() ? line_start[line + 1] : static_cast<uint32_t>(synth.text.size());
    forms.clear();
    Impl::Entry entry = std::move(surfaces[kept[line]].entry);
    while (tok < ta.tokens.size() && ta.tokens[tok].span.offset < begin) ++tok;
    while (tok < ta.tokens.size() && ta.tokens[tok].span.offset < end) {
      forms.push_back(ta.norm(ta.tokens[tok]));
      entry.case_tokens.push_back(plain_apostrophes(ta.tokens[tok].span.of(synth.text)));
      ++tok;
    }
    if (forms.empty()) continue;
    auto value = static_cast<uint32_t>(impl->entries.size());
    impl->entries.push_back(std::move(entry));
    impl->matcher.add(forms, value);
  }
  impl->matcher.add({"the"}, UINT32_MAX);  // interns "the" for the optional-article check; never a value
  impl->matcher.build();
  impl->the_id = impl->matcher.id_of("the");
  impl->stats.countries = impl->countries.size();
  impl->stats.organisations = impl->orgs.size();
  impl->stats.people = impl->people.size();
  impl->stats.agents = impl->agents.size();
  impl->stats.phrases = impl->entries.size();
  return std::shared_ptr<const ActorIndex>(new ActorIndex(std::move(impl)));
}

// ---- find -------------------------------------------------------------------

namespace {

struct Atom {
  uint32_t begin = 0, end = 0;  // token indexes (global)
  uint32_t first_value = 0, value_count = 0;
  uint32_t best = 0;  // entry index with the highest priority
  bool possessive = false;
  int32_t division_of = -1;  // a state's name after a compass word, the two a division of this other state
};

struct Scratch {
  std::vector<uint32_t> ids;
  std::vector<uint8_t> poss;
  std::vector<uint32_t> led;      // bytes of a "-led" suffix cut from the token ("Saudi-led" -> 4), 0 = none
  std::vector<uint32_t> led_alt;  // the id without "-led" of a token that is a dictionary word itself
  std::vector<PhraseMatcher::Match> matches;
  std::vector<Atom> atoms;
  std::vector<uint32_t> values;
};

}  // namespace

void ActorIndex::find(Document& doc, const Gazetteer* gazetteer) const {
  const Impl& ix = *impl_;
  doc.mentions.clear();
  doc.entities.clear();
  const std::string& text = doc.article.text;
  const TextAnalysis& ta = doc.text;
  const Date& date = doc.article.published;
  thread_local Scratch sc;

  std::unordered_map<std::string, int32_t> entity_of;        // entity key -> index
  std::unordered_map<std::string, int32_t> unknown_surname;  // folded surname -> entity
  std::unordered_set<uint32_t> seen_people;
  std::string context_country;
  std::string dateline_country;             // "LISBON (Wire) —": the country of the dateline place
  std::unordered_set<size_t> adjective_at;  // mentions made of a bare country adjective ("Russian")
  uint32_t title_country_end = UINT32_MAX;  // end of the last country word inside a document title

  auto tok_text = [&](uint32_t k) { return ta.tokens[k].span.of(text); };
  auto norm = [&](uint32_t k) { return ta.norm(ta.tokens[k]); };
  auto span_of = [&](uint32_t b, uint32_t e) {
    Span s;
    s.offset = ta.tokens[b].span.offset;
    s.length = ta.tokens[e - 1].span.end() - s.offset;
    return s;
  };
  auto entity = [&](const std::string& key, EntityType type, const std::string& canonical, const std::string& code,
                    const Span& span, const std::optional<Place>& place) -> int32_t {
    auto it = entity_of.find(key);
    if (it != entity_of.end()) return it->second;
    Entity e;
    e.type = type;
    e.span = span;
    e.canonical = canonical;
    e.code = code;
    e.place = place;
    doc.entities.push_back(std::move(e));
    auto idx = static_cast<int32_t>(doc.entities.size() - 1);
    entity_of.emplace(key, idx);
    return idx;
  };
  auto strip_possessive = [](std::string_view s) {
    std::string p = plain_apostrophes(s);
    if (p.size() > 2 && p.compare(p.size() - 2, 2, "'s") == 0)
      p.resize(p.size() - 2);
    else if (p.size() > 1 && p.back() == '\'')
      p.pop_back();
    return p;
  };
  // The words of tokens [b, e) joined by spaces, a possessive dropped from the last ("Ana Rusu's" -> "Ana Rusu").
  auto name_of_tokens = [&](uint32_t b, uint32_t e) {
    std::string name;
    for (uint32_t j = b; j < e; ++j) {
      if (!name.empty()) name += ' ';
      name += j + 1 == e ? strip_possessive(tok_text(j)) : std::string(tok_text(j));
    }
    return name;
  };
  auto sector_of = [](const std::string& code) { return code.size() >= 6 ? code.substr(3, 3) : std::string(); };

  for (uint32_t si = 0; si < ta.sentences.size(); ++si) {
    const Sentence& sent = ta.sentences[si];
    const uint32_t s0 = sent.first_token;
    const uint32_t s1 = sent.first_token + sent.token_count;
    if (s0 == s1) continue;
    // Whole sentence in capitals (a headline): case rules are relaxed.
    bool shouting = true;
    int letters_words = 0;
    for (uint32_t k = s0; k < s1; ++k) {
      const Token& t = ta.tokens[k];
      if (t.kind != TokenKind::word) continue;
      ++letters_words;
      if (!t.all_caps) {
        shouting = false;
        break;
      }
    }
    shouting = shouting && letters_words >= 3;
    // A dateline opening the article ("LISBON (Example Wire) —", "WASHINGTON, May 3"): up to three
    // ALL-CAPS words before "(", a dash or a comma; case rules are relaxed there and it names a place.
    uint32_t dateline_end = s0;
    if (si == 0 && !shouting) {
      uint32_t k = s0;
      while (k < s1 && k - s0 < 3 && ta.tokens[k].kind == TokenKind::word && ta.tokens[k].all_caps) ++k;
      if (k > s0 && k < s1) {
        std::string_view w = norm(k);
        if (w == "(" || w == "," || w == "-" || w == "\u2014" || w == "\u2013" || w == "--") dateline_end = k;
      }
    }

    // 1. token ids, possessives
    sc.ids.assign(sent.token_count, TokenInterner::kNone);
    sc.poss.assign(sent.token_count, 0);
    sc.led.assign(sent.token_count, 0);
    sc.led_alt.assign(sent.token_count, TokenInterner::kNone);
    for (uint32_t k = s0; k < s1; ++k) {
      const Token& t = ta.tokens[k];
      if (t.kind != TokenKind::word && t.kind != TokenKind::punctuation && t.kind != TokenKind::hashtag) continue;
      std::string_view f = norm(k);
      uint32_t id = ix.matcher.id_of(f);
      if (id == TokenInterner::kNone && t.kind == TokenKind::word) {
        if (f.size() > 2 && f.substr(f.size() - 2) == "'s") {
          id = ix.matcher.id_of(f.substr(0, f.size() - 2));
        } else if (f.size() > 2 && f.back() == '\'') {
          id = ix.matcher.id_of(f.substr(0, f.size() - 1));
        }
        if (id != TokenInterner::kNone) sc.poss[k - s0] = 1;
      }
      // "Saudi-led", "U.S.-led", "United States-led": the part before a final "-led" is looked up (and
      // may only end a match, like a possessive); only a country's name or adjective is kept (below).
      // A token that is itself a word of a longer entry ("Kenya-led" of an organisation's alias) keeps that id;
      // the one without "-led" is tried when no entry matches there.
      if (t.kind == TokenKind::word && f.size() > 4 && f.ends_with("-led")) {
        uint32_t alt = ix.matcher.id_of(f.substr(0, f.size() - 4));
        if (id == TokenInterner::kNone) {
          id = alt;
          if (id != TokenInterner::kNone) sc.led[k - s0] = 4;
        } else {
          sc.led_alt[k - s0] = alt;
        }
      }
      sc.ids[k - s0] = id;
    }

    // 2. atoms
    sc.atoms.clear();
    sc.values.clear();
    for (uint32_t i = 0; i < sent.token_count;) {
      if (sc.ids[i] == TokenInterner::kNone) {
        ++i;
        continue;
      }
      uint32_t limit = sent.token_count;
      for (uint32_t k = i; k < sent.token_count; ++k)
        if (sc.poss[k] != 0 || sc.led[k] != 0) {
          limit = k + 1;
          break;
        }
      sc.matches.clear();
      ix.matcher.prefixes_at(sc.ids, i, limit, sc.matches);
      uint32_t best_end = 0;
      auto passes = [&](const PhraseMatcher::Match& m) {
        if (m.value == UINT32_MAX) return false;
        const Impl::Entry& e = ix.entries[m.value];
        if (e.form == Form::surname && !seen_people.count(e.target)) return false;
        if (sc.led[m.end - 1] != 0 &&
            ((e.form != Form::country_name && e.form != Form::adjective) || ix.countries[e.target].region))
          return false;
        if (shouting || s0 + m.end <= dateline_end) return true;
        for (uint32_t j = m.begin; j < m.end; ++j) {
          const Token& t = ta.tokens[s0 + j];
          const std::string& et = e.case_tokens[j - m.begin];
          if (!e.exact) {
            if (t.all_caps && !e.any_case) return false;
            continue;
          }
          if (!has_upper(et)) continue;
          std::string_view as_written = tok_text(s0 + j);
          if (t.kind == TokenKind::hashtag) as_written.remove_prefix(1);  // "#Putin" is written "Putin"
          if (sc.led[j] != 0) as_written.remove_suffix(sc.led[j]);
          std::string written = sc.poss[j] != 0 ? strip_possessive(as_written) : plain_apostrophes(as_written);
          if (written != et) return false;
        }
        return true;
      };
      for (const auto& m : sc.matches)
        if (m.end > best_end && passes(m)) best_end = m.end;
      if (best_end == 0) {
        if (sc.led_alt[i] != TokenInterner::kNone) {  // try again without "-led"
          sc.ids[i] = sc.led_alt[i];
          sc.led_alt[i] = TokenInterner::kNone;
          sc.led[i] = 4;
          continue;
        }
        ++i;
        continue;
      }
      Atom a;
      a.begin = s0 + i;
      a.end = s0 + best_end;
      a.first_value = static_cast<uint32_t>(sc.values.size());
      int best_prio = -1;
      for (const auto& m : sc.matches) {
        if (m.end != best_end || !passes(m)) continue;
        sc.values.push_back(m.value);
        int p = priority(ix.entries[m.value].form);
        if (p > best_prio) {
          best_prio = p;
          a.best = m.value;
        }
      }
      a.value_count = static_cast<uint32_t>(sc.values.size()) - a.first_value;
      // "President Xi" (an alias) + "Jinping": the rest of the same person's name extends the atom.
      if (priority(ix.entries[a.best].form) == priority(Form::person) && sc.poss[best_end - 1] == 0 &&
          best_end < sent.token_count) {
        sc.matches.clear();
        ix.matcher.prefixes_at(sc.ids, best_end, sent.token_count, sc.matches);
        uint32_t ext = 0;
        for (const auto& m : sc.matches) {
          if (m.value == UINT32_MAX) continue;
          const Impl::Entry& e2 = ix.entries[m.value];
          if (e2.form != Form::person && e2.form != Form::surname) continue;
          for (uint32_t v = a.first_value; v < a.first_value + a.value_count; ++v)
            if (ix.entries[sc.values[v]].form == Form::person && ix.entries[sc.values[v]].target == e2.target &&
                (ext == 0 || m.end > ext) && ta.tokens[s0 + m.begin].capitalized)
              ext = m.end;
        }
        if (ext > 0) best_end = ext;
      }
      a.end = s0 + best_end;
      a.possessive = sc.poss[best_end - 1] != 0;
      sc.atoms.push_back(a);
      i = best_end;
    }
    // A region's name written with its article (a row of no state: "the West") and a capitalised agent word of
    // no office right after it, inside the sentence, are one proper name the gazetteer or the name finder reads
    // ("the West Bank", not Western bankers); a state's name before one stays a chain ("the Kenya Police"), and
    // so does an office ("Britain's Africa Minister").
    for (size_t x = 0; x + 1 < sc.atoms.size();) {
      const Atom& region = sc.atoms[x];
      const Atom& next = sc.atoms[x + 1];
      const Impl::Entry& re = ix.entries[region.best];
      if (re.form != Form::country_name || !ix.countries[re.target].region || region.possessive ||
          next.begin != region.end || ix.entries[next.best].form != Form::agent || !ta.tokens[next.begin].capitalized ||
          ta.tokens[next.begin].all_caps || next.begin == s0 || norm(region.begin) != "the" ||
          !ix.agents[ix.entries[next.best].target].office.empty()) {
        ++x;
        continue;
      }
      const auto at = sc.atoms.begin() + static_cast<std::ptrdiff_t>(x);
      sc.atoms.erase(at, at + 2);
    }
    // A compass-shaped word capitalised right before a state's name (a word of no row, or a region's adjective)
    // that the gazetteer holds with it as a division, region or territory of another state, and of no division
    // of the named state ("Northern Ireland": GBR's, not IRL's), is that division: one atom that names the other
    // state wherever the state's name would (place, country, the country of a chain: "Northern Ireland police").
    // A state whose own name has such a word ("South Sudan", "North Korea") is one row and keeps it.
    if (gazetteer != nullptr)
      for (size_t x = 0; x < sc.atoms.size(); ++x) {
        Atom& st = sc.atoms[x];
        const Impl::Entry& se = ix.entries[st.best];
        if (se.form != Form::country_name || ix.countries[se.target].region || st.begin == s0) continue;
        const uint32_t d = st.begin - 1;
        const bool dir_atom = x > 0 && sc.atoms[x - 1].end > d;
        if (dir_atom) {
          const Atom& pa = sc.atoms[x - 1];
          const Impl::Entry& pe = ix.entries[pa.best];
          if (pa.begin != d || pa.possessive || pe.form != Form::adjective || !ix.countries[pe.target].region) continue;
        }
        if (!ta.tokens[d].capitalized || ta.tokens[d].all_caps || !direction_shape(norm(d))) continue;
        const std::string name = name_of_tokens(d, st.end);
        std::string folded;
        fold_case_append(name, folded);
        const std::string& own = ix.countries[ix.country_on(se.target, date, false)].code;
        int32_t other = -1;
        bool of_own = false;
        for (const GeoEntry& g : gazetteer->candidates(name, 10)) {
          if ((g.kind != geo::PlaceKind::admin1 && g.kind != geo::PlaceKind::region &&
               g.kind != geo::PlaceKind::territory) ||
              g.country.empty())
            continue;
          std::string gf;
          fold_case_append(g.name, gf);
          if (gf != folded) continue;
          auto it = ix.country_by_code.find(std::string(g.country));
          if (g.country == own) of_own = true;
          if (it != ix.country_by_code.end() && g.country != own && other < 0) other = static_cast<int32_t>(it->second);
        }
        if (of_own || other < 0) continue;
        st.begin = d;
        st.division_of = other;
        if (dir_atom) {
          sc.atoms.erase(sc.atoms.begin() + static_cast<std::ptrdiff_t>(x - 1));
          --x;
        }
      }
    // A region's adjective (a row of no state: "Western") capitalised right before the name or capital of a
    // state is the part of that state it lies in ("in Western Ruritania"), a direction, not the region's
    // people: the word is no actor of its own but the first word of the state's mention ("Western Ruritania",
    // the state, as a state's region is often named so).
    for (size_t x = 0; x + 1 < sc.atoms.size();) {
      const Atom& dir = sc.atoms[x];
      const Atom& next = sc.atoms[x + 1];
      const Impl::Entry& de = ix.entries[dir.best];
      const Impl::Entry& ne = ix.entries[next.best];
      if (de.form != Form::adjective || !ix.countries[de.target].region || dir.possessive || dir.end != dir.begin + 1 ||
          next.begin != dir.end || !ta.tokens[dir.begin].capitalized || ta.tokens[dir.begin].all_caps ||
          (ne.form != Form::country_name && ne.form != Form::capital) || ix.countries[ne.target].region) {
        ++x;
        continue;
      }
      sc.atoms[x + 1].begin = dir.begin;
      sc.atoms.erase(sc.atoms.begin() + static_cast<std::ptrdiff_t>(x));
    }

    // A body of water named "<Gulf|Sea|Bay|Strait|Lake> of <X>" that the gazetteer holds whole ("the Gulf of
    // Oman", "the Sea of Azov") is one place: not the region "the Gulf" and the state X (no actor, no target).
    std::vector<std::pair<uint32_t, uint32_t>> waters;  // token ranges, in text order
    if (gazetteer != nullptr)
      for (size_t x = 0; x < sc.atoms.size();) {
        const Atom& named = sc.atoms[x];
        const uint32_t end = named.end;
        const uint32_t w = named.begin >= s0 + 2 ? named.begin - 2 : 0;
        bool water = false;
        if (named.begin >= s0 + 2 && norm(named.begin - 1) == "of" && ta.tokens[w].capitalized) {
          const std::string_view head = norm(w);
          if (head == "gulf" || head == "sea" || head == "bay" || head == "strait" || head == "straits" ||
              head == "lake")
            for (const GeoEntry& g : gazetteer->candidates(name_of_tokens(w, end), 3))
              water = water || g.kind == geo::PlaceKind::water;
        }
        if (!water) {
          ++x;
          continue;
        }
        waters.emplace_back(w, end);
        // the atoms inside the name: the state's, and one over the head word ("the Gulf")
        size_t first = x;
        while (first > 0 && sc.atoms[first - 1].end > w) --first;
        sc.atoms.erase(sc.atoms.begin() + static_cast<std::ptrdiff_t>(first),
                       sc.atoms.begin() + static_cast<std::ptrdiff_t>(x + 1));
        x = first;
      }
    size_t wi = 0;

    // 3. chains, places, unknown names; in text order
    auto form_of = [&](const Atom& a) { return ix.entries[a.best].form; };
    auto is_countryish = [&](const Atom& a) {
      Form f = form_of(a);
      return f == Form::country_name || f == Form::adjective || f == Form::capital || f == Form::metonym;
    };
    auto prev_word = [&](uint32_t k, uint32_t back) -> std::string_view {
      // the norm of the token `back` positions before k, skipping one "the"
      if (k < s0 + 1) return {};
      uint32_t j = k - 1;
      if (norm(j) == "the" && j > s0) --j;
      while (back > 1) {
        if (j == s0) return {};
        --j;
        --back;
      }
      return norm(j);
    };
    // The object of a visit verb ("visited Harbin", "will tour Mombasa", "Xi visits Harbin"): a name the
    // dictionaries do not know right after it is a place. "visit", "visits", "tour", "tours" are nouns as often
    // ("after the visit Johnson said"): those forms are verbs only after "to", an auxiliary or modal (past a
    // "not"), or right after a mention (the subject).
    auto visit_object = [&](uint32_t begin) {
      if (begin < s0 + 1) return false;
      const std::string_view v = norm(begin - 1);
      if (!ix.actor_words.visit_verb(v)) return false;
      if (v.ends_with("ed") || v.ends_with("ing")) return true;  // also opening the sentence: "Visiting Harbin, Xi"
      if (begin < s0 + 2) return false;
      uint32_t j = begin - 2;
      if ((norm(j) == "not" || norm(j).ends_with("n't")) && j > s0) --j;
      if (norm(j) == "to" || finite_auxiliary(norm(j))) return true;
      return !doc.mentions.empty() && doc.mentions.back().sentence == si && doc.mentions.back().token_end == j + 1;
    };
    // The object of a force verb ("attacked Kharkiv", "rebels seized Goma", "missiles hit Odesa"): a name there
    // is the place attacked (data/knowledge/actor_words.tsv force_verb). A past or -ing form is a verb anywhere;
    // another form ("hit", "struck") only when no determiner stands before it ("a hit TV show").
    auto force_object = [&](uint32_t begin) {
      if (begin < s0 + 1) return false;
      const std::string_view v = norm(begin - 1);
      if (!ix.actor_words.force_verb(v)) return false;
      if (v.ends_with("ed") || v.ends_with("ing")) return true;
      if (begin < s0 + 2) return true;
      const std::string_view d = norm(begin - 2);
      return !(d == "the" || d == "a" || d == "an" || d == "its" || d == "their" || d == "his" || d == "her");
    };
    // Words right after a name at token `e` that go with a person, not a place: "and his/her ...", ", 34,".
    auto person_after = [&](uint32_t e) {
      if (e + 1 >= s1) return false;
      if (norm(e) == "and" && (norm(e + 1) == "his" || norm(e + 1) == "her")) return true;
      return norm(e) == "," && ta.tokens[e + 1].kind == TokenKind::number;
    };
    auto place_context = [&](uint32_t begin, bool known) {
      std::string_view p = prev_word(begin, 1);
      if (p.empty()) return false;
      if (!known && norm(begin - 1) == "the") return false;  // "in the Context of": titles, not places
      if (!known && p == "to" && ix.actor_words.motion_word(prev_word(begin, 2))) return true;
      if (known ? in(kPlacePreps, p) : in(kUnknownPlacePreps, p)) {
        if (p == "to") {
          std::string_view pp = prev_word(begin, 2);
          if (pp == "according" || pp == "due" || pp == "thanks" || pp == "close" || pp == "ahead") return false;
        }
        return true;
      }
      if (p == "of" && ix.actor_words.place_noun_before_of(prev_word(begin, 2))) return true;
      // a place noun (data/knowledge/actor_words.tsv) right before a name the dictionaries do not know, in a noun
      // phrase opened by a determiner: "in the provincial capital Gulu", "the port town Lamu" (not "city Hall", "a town
      // Mayor", "the Rhode Island Democrat"); a known capital there stays the actor it is ("shelled the capital
      // Kampala")
      if (!known && norm(begin - 1) == p && !ta.tokens[begin - 1].capitalized && ix.actor_words.place_noun(p) &&
          begin >= s0 + 2)
        for (uint32_t j = begin - 2, words = 0; words < 3; --j, ++words) {
          const std::string_view w = norm(j);
          if (w == "the" || w == "a" || w == "an") return true;
          if (j == s0 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) break;
        }
      // coordination with a place just before: "Beijing, China", "Harbin and Beijing"
      if (!doc.mentions.empty()) {
        const Mention& last = doc.mentions.back();
        if (last.sentence == si && last.kind == MentionKind::location && last.token_end < begin) {
          bool joins = true;
          for (uint32_t k = last.token_end; k < begin; ++k) {
            std::string_view w = norm(k);
            if (w != "," && w != "and" && w != "or" && w != "the") joins = false;
          }
          if (joins) return true;
        }
      }
      return false;
    };
    auto name_like = [&](uint32_t k) {
      const Token& t = ta.tokens[k];
      return t.kind == TokenKind::word && t.capitalized && (!t.all_caps || shouting) && !in(kNameStop, norm(k));
    };
    auto covered = [&](uint32_t k, size_t next_atom) {
      return next_atom < sc.atoms.size() && sc.atoms[next_atom].begin <= k;
    };
    // Is the unknown name [b, e) right after a force verb the place attacked? Many given names and surnames are
    // also a town somewhere ("captured Usman", "attacked Jackson and his sons"), so the gazetteer's knowing the
    // name is not enough. No words after it that go with a person ("and his/her ...", ", 34,"), and one piece
    // of evidence that the place is meant: its best entry is a division, a capital or a regional seat, a city of
    // kLargeTown people or more, a town found by its own name (not only by an alternate spelling) of kTown
    // people or more, or a place of a country the article has named before it.
    auto force_place = [&](uint32_t b, uint32_t e) {
      if (person_after(e)) return false;
      const std::vector<GeoEntry> cands = gazetteer->candidates(name_of_tokens(b, e), 1);
      if (cands.empty()) return false;
      const GeoEntry& g = cands.front();
      constexpr uint32_t kLargeTown = 100000, kTown = 10000;
      if (g.kind != geo::PlaceKind::city || g.rank == geo::CityRank::capital || g.rank == geo::CityRank::admin1_seat ||
          g.population >= kLargeTown || (!g.alternate && g.population >= kTown))
        return true;
      // (a place's ISO-3 code; an actor's CAMEO country code, the same three letters for nearly every state)
      return std::any_of(doc.mentions.begin(), doc.mentions.end(), [&](const Mention& prior) {
        return !g.country.empty() && (prior.place ? prior.place->country : prior.actor.country) == g.country;
      });
    };

    // A mention made only of prefix agents (TABARI "[NGO~]", no country): the actor mention
    // right after it takes it in, its code in front ("MSF Arnor" -> NGOARN).
    size_t prefix_mention = SIZE_MAX;
    auto push = [&](Mention m, std::string key, EntityType type, std::string ent_canonical) {
      m.sentence = si;
      m.span = span_of(m.first_token, m.token_end);
      m.actor.text = std::string(m.span.of(text));
      if (m.actor.span.empty()) m.actor.span = m.span;
      if (prefix_mention != SIZE_MAX && prefix_mention + 1 == doc.mentions.size() &&
          doc.mentions.back().sentence == si && doc.mentions.back().token_end == m.first_token &&
          m.kind != MentionKind::location && !m.actor.code.empty()) {
        // The merged mention is its own organisation ("MSF Arnor"), not the actor it took in.
        const Mention& p = doc.mentions.back();
        m.actor.code = p.actor.code + m.actor.code;
        m.first_token = p.first_token;
        m.span = span_of(m.first_token, m.token_end);
        m.actor.text = std::string(m.span.of(text));
        m.actor.span = m.span;
        key = "A:" + m.actor.code;
        type = EntityType::organization;
        ent_canonical = m.actor.text;
        doc.mentions.pop_back();
      }
      if (!key.empty()) m.entity = entity(key, type, ent_canonical, m.actor.code, m.span, m.place);
      prefix_mention = SIZE_MAX;
      if (m.kind != MentionKind::location && !m.actor.country.empty()) context_country = m.actor.country;
      doc.mentions.push_back(std::move(m));
    };

    auto person_mention = [&](uint32_t begin, uint32_t end, const Atom& pa, std::string_view office,
                              std::string_view country) {
      // choose among the people the words may name
      int chosen = -1;
      int chosen_score = -1;
      for (uint32_t v = pa.first_value; v < pa.first_value + pa.value_count; ++v) {
        const Impl::Entry& e = ix.entries[sc.values[v]];
        if (e.form != Form::person && e.form != Form::surname) continue;
        const Impl::Person& p = ix.people[e.target];
        int score = seen_people.count(e.target) ? 100 : 0;
        int r = ix.role_on(p, date, office, country);
        if (r >= 0) {
          const RoleSpec& role = p.roles[static_cast<size_t>(r)];
          score += 8;
          if (!office.empty() && role.office == office) score += 4;
          if (!country.empty() && role.country == country) score += 2;
          if (role.office == "head_of_state" || role.office == "head_of_government") score += 1;
        }
        if (score > chosen_score) {
          chosen_score = score;
          chosen = static_cast<int>(sc.values[v]);
        }
      }
      const Impl::Entry& e = ix.entries[static_cast<size_t>(chosen)];
      const Impl::Person& p = ix.people[e.target];
      Mention m;
      m.first_token = begin;
      m.token_end = end;
      m.kind = MentionKind::person;
      m.actor.canonical = p.canonical;
      int r = ix.role_on(p, date, office, country);
      if (r >= 0) {
        const RoleSpec& role = p.roles[static_cast<size_t>(r)];
        m.actor.code = role.code;
        m.actor.country = role.country.size() == 3 ? role.country : "";
        m.actor.sector = sector_of(role.code);
        m.rule = basename_origin(role.origin);
      } else if (const RoleSpec* titled =
                     office.empty() || country.empty() || (begin > s0 && ix.actor_words.former_word(norm(begin - 1)))
                         ? nullptr
                         : ix.nearest_role(p, date, office, country);
                 titled != nullptr) {
        // Outside every term, but the text gives the office with its country ("Kenyan President X"): the
        // title written wins over the dates (an old article, a term the file dates otherwise), and he is
        // coded as that office's holder, not as an elite. Not after a former word ("former Kenyan
        // President X", the former_word rows of data/knowledge/actor_words.tsv).
        m.actor.code = titled->code;
        m.actor.country = titled->country;
        m.actor.sector = sector_of(titled->code);
        m.rule = basename_origin(titled->origin);
      } else if (const RoleSpec* near = ix.nearest_role(p, date); near != nullptr) {
        // Outside every term: a former (or future) office holder is an elite of that country.
        if (near->country.size() == 3) {
          m.actor.country = near->country;
          m.actor.code = near->country + "ELI";
          m.actor.sector = "ELI";
        }
        m.rule = basename_origin(near->origin);
      }
      if (m.rule.empty()) m.rule = e.rule;
      seen_people.insert(e.target);
      push(std::move(m), "P:" + std::to_string(e.target), EntityType::person, p.canonical);
    };

    // Whether any person the atom's words may name ever held an office of `country`.
    auto names_person_of = [&](const Atom& pa, std::string_view country) {
      for (uint32_t v = pa.first_value; v < pa.first_value + pa.value_count; ++v) {
        const Impl::Entry& e = ix.entries[sc.values[v]];
        if (e.form != Form::person && e.form != Form::surname) continue;
        for (const RoleSpec& role : ix.people[e.target].roles)
          if (role.country == country) return true;
      }
      return false;
    };
    // Words that may name a namesake: a title alias or a lone surname of people who all hold offices of states.
    // A full name written out ("Kofi Annan": two words or more, the first his own) is that person whatever
    // country is named before it (his birth or origin), and so is a person of no state's office (the UN's
    // secretary-general, an armed group's leader): the country word describes him.
    auto may_be_namesake = [&](const Atom& pa) {
      bool any = false;
      for (uint32_t v = pa.first_value; v < pa.first_value + pa.value_count; ++v) {
        const Impl::Entry& e = ix.entries[sc.values[v]];
        if (e.form != Form::person && e.form != Form::surname) continue;
        const Impl::Person& p = ix.people[e.target];
        const std::string_view first = tok_text(pa.begin);
        const std::string_view canonical = p.canonical;
        if (pa.end - pa.begin >= 2 && canonical.starts_with(first) &&
            (canonical.size() == first.size() || canonical[first.size()] == ' '))
          return false;
        bool of_state = false;
        for (const RoleSpec& role : p.roles) of_state = of_state || ix.country_by_code.contains(role.country);
        if (!of_state) return false;
        any = true;
      }
      return any;
    };

    auto country_code = [&](uint32_t cidx, bool via_capital) {
      return ix.countries[ix.country_on(cidx, date, via_capital)].code;
    };

    size_t ai = 0;
    uint32_t k = s0;
    while (k < s1) {
      while (wi < waters.size() && waters[wi].first < k) ++wi;
      if (wi < waters.size() && waters[wi].first == k) {
        Mention m;
        m.first_token = k;
        m.token_end = waters[wi].second;
        m.kind = MentionKind::location;
        m.rule = "place-water";
        Place pl;
        pl.name = name_of_tokens(k, m.token_end);
        pl.span = span_of(k, m.token_end);
        m.place = pl;
        push(std::move(m), "L:" + pl.name, EntityType::location, pl.name);
        k = waters[wi].second;
        while (ai < sc.atoms.size() && sc.atoms[ai].begin < k) ++ai;
        continue;
      }
      if (ai < sc.atoms.size() && sc.atoms[ai].begin == k) {
        // ---- a chain starting at atom ai
        size_t a = ai;
        int country_atom = -1;
        std::vector<size_t> agent_atoms;
        int person_atom = -1;
        if (is_countryish(sc.atoms[a]) && a + 1 < sc.atoms.size() && sc.atoms[a + 1].begin == sc.atoms[a].end &&
            form_of(sc.atoms[a]) != Form::capital && form_of(sc.atoms[a]) != Form::metonym) {
          Form nf = form_of(sc.atoms[a + 1]);
          if (nf == Form::agent || nf == Form::person) country_atom = static_cast<int>(a++);
        }
        // Atom a continues the chain: adjacent, and the atom before is not a possessive
        // agent ("the president's aide" stops at "president's"; "Russia's president" goes on).
        auto continues = [&](size_t x) {
          if (x == ai) return true;
          const Atom& before = sc.atoms[x - 1];
          return sc.atoms[x].begin == before.end && (!before.possessive || static_cast<int>(x - 1) == country_atom);
        };
        while (a < sc.atoms.size() && form_of(sc.atoms[a]) == Form::agent && continues(a)) agent_atoms.push_back(a++);
        // Words for ordinary people ("the man Putin fired") are not titles: no person chain after them.
        bool titled =
            agent_atoms.empty() || ix.agents[ix.entries[sc.atoms[agent_atoms.back()].best].target].sector != "CVL";
        bool adjacent = a < sc.atoms.size() && a > ai && continues(a);
        if (a < sc.atoms.size() && (a == ai || adjacent) && titled &&
            (form_of(sc.atoms[a]) == Form::person || form_of(sc.atoms[a]) == Form::surname))
          person_atom = static_cast<int>(a++);
        if (country_atom >= 0 && agent_atoms.empty() && person_atom < 0) {
          a = static_cast<size_t>(country_atom);  // country alone after all
          country_atom = -1;
        }

        std::string chain_country;
        if (country_atom >= 0) {
          const Atom& ca = sc.atoms[static_cast<size_t>(country_atom)];
          chain_country = country_code(
              ca.division_of >= 0 ? static_cast<uint32_t>(ca.division_of) : ix.entries[ca.best].target, false);
        }
        std::string office;
        for (size_t g : agent_atoms) {
          const Impl::Agent& ag = ix.agents[ix.entries[sc.atoms[g].best].target];
          if (!ag.office.empty() && !ix.entries[sc.atoms[g].best].plural) office = ag.office;
        }
        uint32_t chain_begin = sc.atoms[ai].begin;

        if (person_atom >= 0) {
          const Atom& pa = sc.atoms[static_cast<size_t>(person_atom)];
          if (!chain_country.empty() && !names_person_of(pa, chain_country) && may_be_namesake(pa)) {
            // A country named before the title is not the country of any person these words name: a namesake
            // the dictionaries do not know ("Jordan's King Abdullah" is not Saudi Arabia's), a person of that
            // country with the title's sector.
            const std::string name = name_of_tokens(pa.begin, pa.end);
            Mention m;
            m.first_token = chain_begin;
            m.token_end = pa.end;
            m.kind = MentionKind::person;
            m.rule = ix.entries[pa.best].rule;
            m.actor.canonical = name;
            m.actor.country = chain_country;
            if (!agent_atoms.empty()) {
              const Impl::Agent& lead = ix.agents[ix.entries[sc.atoms[agent_atoms.front()].best].target];
              m.actor.sector = lead.sector;
              m.actor.code = lead.prefix ? lead.sector + lead.secondary + chain_country
                                         : chain_country + lead.sector + lead.secondary;
            } else {
              // The words hold a title of the namesake's ("King Abdullah": no first word of his name): the title's
              // sector, read from his office.
              m.actor.code = chain_country;
              const Impl::Entry& e = ix.entries[pa.best];
              if (pa.end - pa.begin >= 2 && (e.form == Form::person || e.form == Form::surname)) {
                const Impl::Person& p = ix.people[e.target];
                const std::string_view first = tok_text(pa.begin);
                if (!p.roles.empty() && p.roles.front().country.size() == 3 &&
                    p.roles.front().code.starts_with(p.roles.front().country) &&
                    !std::string_view(p.canonical).starts_with(first)) {
                  m.actor.sector = sector_of(p.roles.front().code);
                  m.actor.code = chain_country + m.actor.sector;
                }
              }
            }
            push(std::move(m), "U:" + chain_country + ":" + name, EntityType::person, name);
          } else {
            person_mention(chain_begin, pa.end, pa, office, chain_country);
          }
          ai = static_cast<size_t>(person_atom) + 1;
          k = pa.end;
          continue;
        }
        if (!agent_atoms.empty()) {
          const Atom& first_agent = sc.atoms[agent_atoms.front()];
          const Atom& last_agent = sc.atoms[agent_atoms.back()];
          const Impl::Agent& lead = ix.agents[ix.entries[first_agent.best].target];
          // An unknown person named after the title: "spokeswoman Ana Rusu".
          uint32_t name_end = last_agent.end;
          size_t next_atom = agent_atoms.back() + 1;
          if (!last_agent.possessive && titled) {
            while (name_end < s1 && name_end - last_agent.end < 4 && name_like(name_end) &&
                   !covered(name_end, next_atom)) {
              bool poss_end = sc.poss[name_end - s0] != 0 || plain_apostrophes(tok_text(name_end)).ends_with("'s");
              ++name_end;
              if (poss_end) break;
            }
          }
          // "the two leaders", "both sides": the pair named before, not a new actor; no mention, so the
          // coder's pair description ("the two leaders" -> the last compound) applies. Only nouns
          // that name the two parties of a dyad (leaders, sides, governments ...) are such a pair:
          // "the two policemen at the gate" are two members of one sector and stay its actor.
          if (country_atom < 0 && name_end == last_agent.end && chain_begin > s0) {
            std::string_view b1 = norm(chain_begin - 1);
            std::string_view b2 = chain_begin > s0 + 1 ? norm(chain_begin - 2) : std::string_view();
            if (b1 == "both" || (b1 == "two" && (b2 == "the" || b2 == "these" || b2 == "both"))) {
              bool pair = false;  // "the two heads of state": any word of the agent phrase
              for (uint32_t j = chain_begin; j < last_agent.end && !pair; ++j) pair = ix.pair_nouns.contains(norm(j));
              if (pair) {
                ai = agent_atoms.back() + 1;
                k = last_agent.end;
                continue;
              }
            }
          }
          Mention m;
          m.first_token = chain_begin;
          m.kind = MentionKind::agent;
          m.rule = ix.entries[first_agent.best].rule;
          std::string country = chain_country;
          if (name_end - last_agent.end >= 2) {
            std::string name = name_of_tokens(last_agent.end, name_end);
            m.token_end = name_end;
            m.kind = MentionKind::person;
            m.actor.canonical = name;
            m.actor.country = country;
            m.actor.sector = lead.sector;
            m.actor.code =
                lead.prefix ? lead.sector + lead.secondary + country : country + lead.sector + lead.secondary;
            std::string folded_surname;
            fold_case_append(name.substr(name.rfind(' ') + 1), folded_surname);
            std::string key = "U:" + name;
            push(std::move(m), key, EntityType::person, name);
            unknown_surname[folded_surname] = doc.mentions.back().entity;
            ai = next_atom;
            k = name_end;
            continue;
          }
          m.token_end = last_agent.end;
          // An office word resolves to the holder on the article date ("the Russian defence minister").
          bool definite = country_atom >= 0 || prev_word(chain_begin, 1) == "the" ||
                          (chain_begin > s0 && norm(chain_begin - 1) == "the");
          // "the president of Georgia", "the president of the World Bank": the office is of the
          // country or organisation named after "of", not of the article's context (a country of
          // a list after "of" is read by the event coder; a name no dictionary knows is no
          // country's office either)
          bool of_named = false;
          {
            uint32_t j = last_agent.end;
            if (j + 1 < s1 && norm(j) == "of") {
              ++j;
              if (j + 1 < s1 && norm(j) == "the") ++j;
              // a name of two capitalised words or more ("the World Bank"); one word alone is
              // often the state itself ("the President of the Republic")
              of_named = j + 1 < s1 && name_like(j) && name_like(j + 1);
              for (const Atom& oa : sc.atoms)
                if (oa.begin == j &&
                    (ix.entries[oa.best].form == Form::country_name || ix.entries[oa.best].form == Form::metonym ||
                     ix.entries[oa.best].form == Form::org))
                  of_named = true;
            }
          }
          std::string office_country = country.empty() && definite && !of_named ? context_country : country;
          Impl::Holder h;
          if (office == "leader" && !office_country.empty() && (definite || !country.empty())) {
            // "the Russian leader": the head of state or of government the article has already named.
            for (const char* o : {"head_of_state", "head_of_government"}) {
              Impl::Holder c = ix.holder(office_country, o, date);
              if (c.person >= 0 && seen_people.count(static_cast<uint32_t>(c.person))) {
                h = c;
                break;
              }
            }
          } else if (!office.empty() && !office_country.empty() && (definite || !country.empty())) {
            h = ix.holder(office_country, office, date);
          }
          if (h.person >= 0) {
            const Impl::Person& p = ix.people[static_cast<size_t>(h.person)];
            const RoleSpec& role = p.roles[static_cast<size_t>(h.role)];
            m.actor.canonical = p.canonical;
            m.actor.code = role.code;
            m.actor.country = role.country;
            m.actor.sector = sector_of(role.code);
            m.rule = basename_origin(role.origin);
            seen_people.insert(static_cast<uint32_t>(h.person));
            push(std::move(m), "P:" + std::to_string(h.person), EntityType::person, p.canonical);
          } else {
            m.actor.country = country;
            m.actor.sector = lead.sector;
            m.actor.code =
                lead.prefix ? lead.sector + lead.secondary + country : country + lead.sector + lead.secondary;
            std::string key = country.empty() ? "" : "A:" + m.actor.code;
            std::string canonical;
            for (uint32_t j = (country_atom >= 0 ? chain_begin : first_agent.begin); j < m.token_end; ++j) {
              if (!canonical.empty() && ta.tokens[j].space_before) canonical += ' ';
              canonical += tok_text(j);
            }
            push(std::move(m), key, EntityType::organization, canonical);
            if (country.empty() && std::all_of(agent_atoms.begin(), agent_atoms.end(), [&](size_t g) {
                  return ix.agents[ix.entries[sc.atoms[g].best].target].prefix;
                }))
              prefix_mention = doc.mentions.size() - 1;
          }
          ai = agent_atoms.back() + 1;
          k = last_agent.end;
          continue;
        }
        // ---- a single atom: organisation, country word, place, or a surname out of context
        const Atom& at = sc.atoms[ai];
        const Impl::Entry& e = ix.entries[at.best];
        Mention m;
        m.first_token = at.begin;
        m.token_end = at.end;
        m.rule = e.rule;
        switch (e.form) {
          case Form::org: {
            const Impl::Org& o = ix.orgs[e.target];
            m.kind = MentionKind::organization;
            m.actor.canonical = o.canonical;
            m.actor.code = o.code;
            m.actor.country = o.country;
            m.actor.sector = o.code.size() >= 6 ? o.code.substr(3, 3) : o.code;
            push(std::move(m), "O:" + o.code, EntityType::organization, o.canonical);
            break;
          }
          case Form::person:
          case Form::surname:
            person_mention(at.begin, at.end, at, "", "");
            break;
          case Form::country_name:
          case Form::adjective:
          case Form::capital:
          case Form::metonym:
          case Form::place_only: {
            bool capitalish = e.form == Form::capital || e.form == Form::metonym || e.form == Form::place_only;
            // a division of another state ("Northern Ireland") names that state, and is a place of its own name
            const bool division = at.division_of >= 0;
            std::string code = division ? country_code(static_cast<uint32_t>(at.division_of), false)
                                        : country_code(e.target, capitalish);
            const Impl::Country& c = ix.countries[ix.country_by_code.at(code)];
            // Inside a document's title ("Joint Communique of the Republic of Korea and the Kingdom of
            // Spain", "Treaty of Moscow"), a country names no actor: no mention.
            if (e.form == Form::country_name || e.form == Form::capital || e.form == Form::metonym) {
              uint32_t b = at.begin;
              if (b > s0 && norm(b - 1) == "the") --b;
              bool title = false;
              if (b >= s0 + 2 && norm(b - 1) == "of" && ta.tokens[b - 2].capitalized)
                title = in(kDocumentNouns, norm(b - 2));
              if (!title && b > s0 && (norm(b - 1) == "and" || norm(b - 1) == ",") && title_country_end == b - 1)
                title = true;
              if (title) {
                title_country_end = at.end;
                ++ai;
                k = at.end;
                continue;
              }
            }
            bool in_dateline = at.end <= dateline_end;
            // "from US-led forces": a country before "-led" leads an actor, it is no place.
            bool led = sc.led[at.end - 1 - s0] != 0;
            // a capital right after a force verb is the city attacked, not the government ("shelled Kyiv")
            const bool attacked = (e.form == Form::capital || e.form == Form::place_only) && !division &&
                                  force_object(at.begin) && !person_after(at.end);
            bool place = e.form != Form::adjective && !at.possessive && !led &&
                         (in_dateline || attacked || place_context(at.begin, true));
            if (in_dateline && e.form != Form::adjective) dateline_country = code;
            if (!place && e.form == Form::place_only) break;  // an ambiguous capital names nothing by itself
            m.actor.country = code;
            m.actor.canonical = c.name;
            if (e.form == Form::country_name && !division) m.also_codes = c.also;
            if (place) {
              m.kind = MentionKind::location;
              m.actor.code = code;
              Place pl;
              pl.name = division ? name_of_tokens(at.begin, at.end)
                        : e.form == Form::country_name
                            ? c.name
                            : strip_possessive(m.actor.text.empty() ? std::string(span_of(at.begin, at.end).of(text))
                                                                    : m.actor.text);
              pl.country = c.iso3;
              pl.span = span_of(at.begin, at.end);
              m.place = pl;
              bool is_country = e.form == Form::country_name && !division;
              push(std::move(m), is_country ? "C:" + code : "L:" + pl.name, EntityType::location,
                   is_country ? c.name : pl.name);
            } else {
              m.kind = MentionKind::country;
              if (capitalish) {
                m.actor.sector = e.sector;
                m.actor.code = code + e.sector;
              } else {
                m.actor.code = code;
              }
              if (division) {
                const std::string name = name_of_tokens(at.begin, at.end);
                push(std::move(m), "L:" + name, EntityType::location, name);
              } else {
                push(std::move(m), "C:" + code, EntityType::location, c.name);
              }
              if (e.form == Form::adjective) adjective_at.insert(doc.mentions.size() - 1);
            }
            break;
          }
          case Form::agent:
            break;  // handled as a chain above
        }
        ++ai;
        k = at.end;
        continue;
      }
      // ---- a token outside every atom
      if (name_like(k)) {
        std::string surname;
        fold_case_append(strip_possessive(tok_text(k)), surname);
        auto us = unknown_surname.find(surname);
        if (us != unknown_surname.end() && us->second >= 0) {
          Mention m;
          m.first_token = k;
          m.token_end = k + 1;
          m.kind = MentionKind::person;
          const Mention* first = nullptr;
          for (const Mention& prior : doc.mentions)
            if (prior.entity == us->second) {
              first = &prior;
              break;
            }
          if (first != nullptr) m.actor = first->actor;
          m.actor.span = Span{};
          m.actor.text.clear();
          m.rule = "coreference";
          push(std::move(m), "", EntityType::person, "");
          doc.mentions.back().entity = us->second;
          ++k;
          continue;
        }
        const bool visited = visit_object(k);
        // after a force verb only a name the gazetteer knows ("attacked Kharkiv"; "attacked Kowalski" names a
        // person as often), with evidence that the place is meant (force_place)
        bool forced = false;
        if (!visited && gazetteer != nullptr && force_object(k)) {
          uint32_t e = k;
          while (e < s1 && e - k < 4 && name_like(e) && !covered(e, ai)) ++e;
          forced = force_place(k, e);
        }
        if (visited || forced || place_context(k, false)) {
          uint32_t e = k;
          while (e < s1 && e - k < 4 && name_like(e) && !covered(e, ai)) ++e;
          // One word shaped like a compass direction ("Northern", "Eastern", "Northeast") right before a state's
          // name or capital is the part of that state it lies in ("in Northern Ruritania"), as a dictionary row
          // of a region's adjective is above: the first word of the state's mention, no place of its own.
          if (e == k + 1 && ai < sc.atoms.size() && sc.atoms[ai].begin == e && !ta.tokens[k].all_caps &&
              (form_of(sc.atoms[ai]) == Form::country_name || form_of(sc.atoms[ai]) == Form::capital) &&
              !ix.countries[ix.entries[sc.atoms[ai].best].target].region && direction_shape(norm(k))) {
            sc.atoms[ai].begin = k;
            continue;
          }
          Mention m;
          m.first_token = k;
          m.token_end = e;
          m.kind = MentionKind::location;
          m.rule = visited ? "place-visit" : forced ? "place-force" : "place-preposition";
          Place pl;
          pl.name = name_of_tokens(k, e);
          pl.span = span_of(k, e);
          m.place = pl;
          push(std::move(m), "L:" + pl.name, EntityType::location, pl.name);
          k = e;
          continue;
        }
      }
      ++k;
    }
  }

  // ---- after all sentences
  auto between_only = [&](uint32_t b, uint32_t e, std::initializer_list<std::string_view> words) {
    if (b >= e) return false;
    for (uint32_t t = b; t < e; ++t)
      if (std::find(words.begin(), words.end(), norm(t)) == words.end()) return false;
    return true;
  };
  // "Russian and Chinese authorities": a bare adjective coordinated with [adjective + agent] is the same kind
  // of actor of its own country (RUSGOV and CHNGOV). Backwards, so that lists of three chain.
  for (size_t i = doc.mentions.size(); i-- > 0;) {
    if (!adjective_at.count(i) || i + 1 >= doc.mentions.size()) continue;
    Mention& a = doc.mentions[i];
    const Mention& b = doc.mentions[i + 1];
    if (b.sentence != a.sentence || b.kind != MentionKind::agent || b.actor.country.empty() ||
        b.actor.code.size() < 6 || !between_only(a.token_end, b.first_token, {",", "and", "or"}))
      continue;
    a.kind = MentionKind::agent;
    a.actor.sector = b.actor.sector;
    a.actor.code = a.actor.country + b.actor.code.substr(b.actor.country.size());
    a.rule = b.rule;
    a.entity = entity("A:" + a.actor.code, EntityType::organization, a.actor.text, a.actor.code, a.span, std::nullopt);
  }

  // A mention recoded from `old`: its entity follows when it still carried the old code.
  auto recode_entity = [&](const Mention& m, const std::string& old) {
    if (m.entity < 0) return;
    Entity& e = doc.entities[static_cast<size_t>(m.entity)];
    if (e.code == old) e.code = m.actor.code;
  };

  // An agent with no country right after a coded organisation, person or metonym is that actor's agent
  // ("White House security officials", "Quibbler government newspaper"): the actor's code with the
  // agent's sector segments it does not already hold (USAGOV + GOV stays USAGOV).
  for (size_t i = 1; i < doc.mentions.size(); ++i) {
    Mention& m = doc.mentions[i];
    const Mention& p = doc.mentions[i - 1];
    if (m.kind != MentionKind::agent || !m.actor.country.empty() || m.actor.code.empty() ||
        m.actor.code.size() % 3 != 0 || p.sentence != m.sentence || p.token_end != m.first_token ||
        p.actor.code.size() < 3 || p.actor.code.size() % 3 != 0 ||
        (p.kind != MentionKind::organization && p.kind != MentionKind::country && p.kind != MentionKind::person))
      continue;
    std::string code = p.actor.code;
    for (size_t k = 0; k < m.actor.code.size(); k += 3) {
      const std::string seg = m.actor.code.substr(k, 3);
      bool held = false;
      for (size_t j = 3; j < code.size() && !held; j += 3) held = code.compare(j, 3, seg) == 0;
      if (!held) code += seg;
    }
    const std::string old = m.actor.code;
    m.actor.code = code;
    m.actor.country = p.actor.country.empty() ? code.substr(0, 3) : p.actor.country;
    recode_entity(m, old);
  }

  // Countries for role words and titled unknown persons that have none ("officials", "Governor X"): an
  // explicit "in/of/from [the] <country, capital or place of a country>" right after them ("officials in Moscow",
  // "opposition groups in Zimbabwe"), else the article's home country: the dateline's, or the only country
  // the article mentions at all. International sectors (IGO, NGO, IMG, MNC, PKO: data/knowledge/actor_words.tsv)
  // are left alone.
  // "Qatari-backed", "Iran-funded", "Syrian-sponsored": the country (as on the article's date) of a one-word name
  // or adjective before a backer's suffix (data/knowledge/actor_words.tsv), else empty. The backer is not the
  // backed actor's country: an actor right after such a word takes no home country that is the backer's
  // (docs/entities.md).
  auto backer_country = [&](uint32_t t) -> std::string {
    std::string_view f = norm(t);
    size_t h = f.rfind('-');
    if (h == std::string_view::npos || h == 0) return {};
    std::string_view suffix = f.substr(h + 1);
    if (!ix.actor_words.backer_suffix(suffix)) return {};
    sc.ids.assign(1, ix.matcher.id_of(f.substr(0, h)));
    if (sc.ids[0] == TokenInterner::kNone) return {};
    sc.matches.clear();
    ix.matcher.prefixes_at(sc.ids, 0, 1, sc.matches);
    for (const auto& pm : sc.matches) {
      if (pm.value == UINT32_MAX) continue;
      const Impl::Entry& e = ix.entries[pm.value];
      if ((e.form == Form::country_name || e.form == Form::adjective) && !ix.countries[e.target].region)
        return ix.countries[ix.country_on(e.target, date, false)].code;
    }
    return {};
  };
  // The country of the place the words right after mention i put its people in: "in/at/near/inside", at
  // most four plain words ("a camp", "a camp in", "the border town of"), then a country or place mention
  // ("refugees in a camp in Chad" -> TCD); else empty.
  auto placed_in = [&](size_t i) -> std::string {
    const Mention& m = doc.mentions[i];
    const Sentence& sent = ta.sentences[m.sentence];
    const uint32_t s1 = sent.first_token + sent.token_count;
    uint32_t t = m.token_end;
    if (t >= s1 || !(norm(t) == "in" || norm(t) == "at" || norm(t) == "near" || norm(t) == "inside")) return {};
    size_t j = i + 1;
    for (uint32_t words = 0; ++t < s1 && words <= 4; ++words) {
      while (j < doc.mentions.size() && doc.mentions[j].token_end <= t) ++j;
      if (j < doc.mentions.size() && doc.mentions[j].first_token == t) {
        const Mention& p = doc.mentions[j];
        return p.kind == MentionKind::country || p.kind == MentionKind::location ? p.actor.country : std::string();
      }
      if (j < doc.mentions.size() && doc.mentions[j].first_token < t) return {};
      if (ta.tokens[t].kind != TokenKind::word) return {};
    }
    return {};
  };
  std::unordered_set<std::string> article_countries;
  for (const Mention& m : doc.mentions)
    if (!m.actor.country.empty()) article_countries.insert(m.actor.country);
  std::string home = dateline_country;
  if (home.empty() && article_countries.size() == 1) home = *article_countries.begin();
  for (size_t i = 0; i < doc.mentions.size(); ++i) {
    Mention& m = doc.mentions[i];
    if ((m.kind != MentionKind::agent && m.kind != MentionKind::person) || !m.actor.country.empty()) continue;
    const std::string& code = m.actor.code;
    if (code.empty() || (code.size() != 3 && code.size() != 6)) continue;
    std::string_view lead = std::string_view(code).substr(0, 3);
    if (ix.actor_words.international_sector(lead)) continue;
    // refugees (a displaced sector of data/knowledge/actor_words.tsv) are not of the country they are in:
    // "refugees in Chad" are no TCDREF, nor are "refugees in a camp in Chad" as the home country; "from/of X"
    // says whose they are
    const bool displaced = ix.actor_words.displaced_sector(lead);
    const Sentence& sent = ta.sentences[m.sentence];
    const uint32_t s1 = sent.first_token + sent.token_count;
    std::string country;
    const Mention* body = nullptr;  // "the president of the World Bank": the organisation's agent
    uint32_t t = m.token_end;
    if (t + 1 < s1 && (norm(t) == "in" || norm(t) == "of" || norm(t) == "from")) {
      uint32_t at = norm(t + 1) == "the" ? t + 2 : t + 1;
      for (size_t j = i + 1; j < doc.mentions.size() && doc.mentions[j].first_token <= at; ++j) {
        const Mention& p = doc.mentions[j];
        if (p.first_token == at && (p.kind == MentionKind::country || p.kind == MentionKind::location) &&
            (!displaced || norm(t) != "in"))
          country = p.actor.country;
        if (p.first_token == at && p.kind == MentionKind::organization && norm(t) == "of" && p.actor.code.size() > 3)
          body = &p;
      }
    }
    if (body != nullptr && m.kind == MentionKind::agent && m.actor.sector != "CVL") {
      // the agent of an organisation named after "of" stands for that organisation, not for a country; words for
      // ordinary people ("residents of the Islamic State stronghold") name no office or member of it
      const std::string old = code;
      m.actor.code = body->actor.code;
      m.actor.country = body->actor.country;
      m.actor.sector = body->actor.sector;
      recode_entity(m, old);
      continue;
    }
    if (country.empty() && !(displaced && placed_in(i) == home) &&
        !(m.first_token > sent.first_token && backer_country(m.first_token - 1) == home))
      country = home;
    if (country.empty()) continue;
    std::string old = code;
    m.actor.country = country;
    m.actor.code = country + old;
    if (m.entity >= 0) {
      recode_entity(m, old);
    } else if (m.kind == MentionKind::agent) {
      m.entity =
          entity("A:" + m.actor.code, EntityType::organization, m.actor.text, m.actor.code, m.span, std::nullopt);
    }
  }
}

}  // namespace dyad
