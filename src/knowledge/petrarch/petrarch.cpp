// TABARI / PETRARCH dictionaries -> dyad knowledge specs: file kinds, comments,
// dates, and the .actors, .agents and .discards readers (.verbs is in
// petrarch_verbs.cpp).
//
// Design note. The four formats are line based. One pass removes comments
// (`#` and legacy `;` outside brackets, and <!-- ... --> which may span lines)
// while keeping line numbers and indentation; a small reader per kind then
// walks the lines. Syntax errors are thrown as SyntaxError inside this file and
// returned as Error{file, line} at the API; entries that are well-formed but
// have no dyad meaning are skipped with a warning in PetrarchReport, so a
// dictionary that TABARI/PETRARCH accepted loads. Written from the format
// descriptions in the PETRARCH documentation and TABARI manual, not from their
// code; every mapping choice is listed in docs/petrarch.md.
#include "knowledge/petrarch/petrarch.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <map>
#include <sstream>

#include "core/lines.h"
#include "core/unicode.h"
#include "knowledge/petrarch/petrarch_internal.h"

namespace dyad {

namespace petrarch_detail {

std::string trim(std::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string to_lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

std::string to_upper(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return r;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && to_lower(s.substr(0, prefix.size())) == to_lower(prefix);
}

std::vector<std::string> phrase_words(std::string_view phrase) {
  std::vector<std::string> words;
  std::string cur;
  for (char c : phrase) {
    if (c == '_' || std::isspace(static_cast<unsigned char>(c))) {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::string regular_plural(std::string_view w) {
  std::string s(w);
  if (s.empty()) return s;
  auto ends = [&](std::string_view suf) {
    return s.size() >= suf.size() && to_lower(s.substr(s.size() - suf.size())) == suf;
  };
  const bool upper = std::isupper(static_cast<unsigned char>(s.back())) != 0;
  auto add = [&](std::string_view suf) { return s + (upper ? to_upper(suf) : std::string(suf)); };
  if (ends("ss") || ends("x") || ends("ch") || ends("sh") || ends("z")) return add("es");
  if (ends("s")) return s;  // already plural (or a mass noun): no form added
  if (ends("y") && s.size() > 1 && std::string_view("aeiouAEIOU").find(s[s.size() - 2]) == std::string_view::npos) {
    return s.substr(0, s.size() - 1) + (upper ? "IES" : "ies");
  }
  return add("s");
}

Date parse_tabari_date(std::string_view s, uint64_t line) {
  const bool digits = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || (s.size() != 6 && s.size() != 8)) {
    throw SyntaxError(line, "bad date '" + std::string(s) + "': expected YYMMDD or YYYYMMDD");
  }
  int year = 0;
  size_t pos = 0;
  if (s.size() == 8) {
    year = std::stoi(std::string(s.substr(0, 4)));
    pos = 4;
  } else {
    const int yy = std::stoi(std::string(s.substr(0, 2)));
    year = yy < 30 ? 2000 + yy : 1900 + yy;  // century rule: 00-29 -> 20xx, 30-99 -> 19xx
    pos = 2;
  }
  const unsigned month = static_cast<unsigned>(std::stoi(std::string(s.substr(pos, 2))));
  const unsigned day = static_cast<unsigned>(std::stoi(std::string(s.substr(pos + 2, 2))));
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  if (!ymd.ok()) throw SyntaxError(line, "bad date '" + std::string(s) + "': no such day");
  return Date::ymd(year, month, day);
}

Date next_day(const Date& d) { return Date::from_days(d.first_day() + std::chrono::days{1}); }

void warn(PetrarchReport& report, const std::string& file, uint64_t line, const std::string& message) {
  report.warnings.push_back(Error{file, line, message, true});
}

std::vector<Line> strip_comments(std::string_view text) {
  std::vector<Line> out;
  bool in_comment = false;
  uint64_t comment_start = 0;
  LineCursor lines(text);
  for (std::string_view raw; lines.next(raw);) {
    const uint64_t number = lines.number();
    Line line;
    line.number = number;
    line.blank = !in_comment && trim(raw).empty();
    size_t i = 0;
    int depth = 0;
    while (i < raw.size()) {
      if (in_comment) {
        const size_t close = raw.find("-->", i);
        if (close == std::string_view::npos) {
          i = raw.size();
          break;
        }
        in_comment = false;
        i = close + 3;
        continue;
      }
      const char c = raw[i];
      if (c == '<' && i + 1 < raw.size() && raw[i + 1] == '!') {
        size_t j = i + 2;
        while (j < raw.size() && raw[j] == ' ') ++j;
        if (raw.substr(j, 2) == "--") {  // "<!--", also the sloppy "<! --"
          in_comment = true;
          comment_start = number;
          i = j + 2;
          continue;
        }
      }
      if (c == '[') ++depth;
      if (c == ']' && depth > 0) --depth;
      if ((c == '#' || c == ';') && depth == 0) break;
      line.text += c;
      ++i;
    }
    // Trailing white space is never meaningful.
    while (!line.text.empty() && std::isspace(static_cast<unsigned char>(line.text.back()))) line.text.pop_back();
    out.push_back(std::move(line));
  }
  if (in_comment) throw SyntaxError(comment_start, "unterminated <!-- comment");
  return out;
}

}  // namespace petrarch_detail

using namespace petrarch_detail;

std::string_view to_string(PetrarchKind k) {
  switch (k) {
    case PetrarchKind::actors:
      return "actors";
    case PetrarchKind::agents:
      return "agents";
    case PetrarchKind::verbs:
      return "verbs";
    case PetrarchKind::discards:
      return "discards";
    case PetrarchKind::unknown:
      break;
  }
  return "unknown";
}

PetrarchKind petrarch_kind_from_name(std::string_view path) {
  const size_t slash = path.find_last_of("/\\");
  const std::string name = to_lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  static constexpr std::pair<std::string_view, PetrarchKind> kKinds[] = {{"actors", PetrarchKind::actors},
                                                                         {"agents", PetrarchKind::agents},
                                                                         {"verbs", PetrarchKind::verbs},
                                                                         {"discards", PetrarchKind::discards}};
  // The kind word must be a whole part of the name, between '.', '_', '-' or the ends.
  auto is_sep = [](char c) { return c == '.' || c == '_' || c == '-'; };
  for (const auto& [word, kind] : kKinds) {
    for (size_t at = name.find(word); at != std::string::npos; at = name.find(word, at + 1)) {
      const bool left = at == 0 || is_sep(name[at - 1]);
      const size_t end = at + word.size();
      const bool right = end == name.size() || is_sep(name[end]);
      if (left && right) return kind;
    }
  }
  return PetrarchKind::unknown;
}

namespace {

/// True when the first non-comment line looks like a dyad TSV header.
bool looks_like_dyad_tsv(std::string_view head) {
  std::istringstream in{std::string(head)};
  std::string line;
  while (std::getline(in, line)) {
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#') continue;
    if (line.find('\t') == std::string::npos) return false;
    return std::all_of(t.begin(), t.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '\t' || c == '\r';
    });
  }
  return false;
}

/// Guesses the kind from content when the name does not say it.
PetrarchKind kind_from_content(const std::vector<Line>& lines) {
  bool codes = false;
  for (const Line& l : lines) {
    const std::string t = trim(l.text);
    if (t.rfind("---", 0) == 0 && t.find('[') != std::string::npos) return PetrarchKind::verbs;
    if (t.rfind("- ", 0) == 0 || (t[0] == '&' && t.size() > 1)) return PetrarchKind::verbs;
    if (t.find("[~") != std::string::npos || t.find("~]") != std::string::npos) return PetrarchKind::agents;
    if (!t.empty() && t[0] == '!' && t.find('=') != std::string::npos) return PetrarchKind::agents;
    if (t.find('[') != std::string::npos) codes = true;
  }
  return codes ? PetrarchKind::actors : PetrarchKind::discards;
}

/// "New Zealand" from "new zealand": display form of a lower-cased name.
std::string title_case(std::string_view s) {
  std::string r(s);
  bool start = true;
  for (char& c : r) {
    if (start && std::isalpha(static_cast<unsigned char>(c))) c = static_cast<char>(std::toupper(c));
    start = c == ' ' || c == '-';
  }
  return r;
}

/// A TABARI phrase -> dyad surface form: words joined by single spaces, lower case.
std::string phrase_to_name(std::string_view phrase) {
  std::string r;
  for (const std::string& w : phrase_words(phrase)) {
    if (!r.empty()) r += ' ';
    r += to_lower(w);
  }
  return r;
}

/// Finds "[...]" groups in a line; text outside them is returned in `rest`.
std::vector<std::string> bracket_groups(std::string_view text, uint64_t line, std::string& rest) {
  std::vector<std::string> groups;
  rest.clear();
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '[') {
      const size_t close = text.find(']', i + 1);
      if (close == std::string_view::npos) throw SyntaxError(line, "unterminated '[': missing ']'");
      groups.push_back(trim(text.substr(i + 1, close - i - 1)));
      i = close + 1;
    } else if (text[i] == ']') {
      throw SyntaxError(line, "']' without '['");
    } else {
      rest += text[i++];
    }
  }
  return groups;
}

bool is_null_code(std::string_view c) { return c == "---" || c == "+++"; }

bool code_chars_ok(std::string_view c) {
  return !c.empty() &&
         std::all_of(c.begin(), c.end(), [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)); });
}

bool is_org_code(std::string_view code) {
  for (std::string_view p : {"IGO", "NGO", "NGM", "IMG", "MNC"}) {
    if (code.substr(0, 3) == p) return true;
  }
  return false;
}

// ---- actors ------------------------------------------------------------------

struct ActorEntry {
  ActorSpec spec;
  std::vector<RoleSpec> dated;
  std::vector<RoleSpec> fallback;  // codes with no date: apply when no dated role does
  bool discard = false;            // [###]: TABARI's discard code
  uint64_t line = 0;
};

/// Parses the inside of one actor bracket: "CODE", "CODE <D", "CODE >D", "CODE D1-D2",
/// where CODE may be "A/B" (several codes in the same period).
void actor_bracket(const std::string& group, uint64_t line, const std::string& file, ActorEntry& e,
                   PetrarchReport& report) {
  size_t k = 0;
  while (k < group.size() && !std::isspace(static_cast<unsigned char>(group[k])) && group[k] != '<' &&
         group[k] != '>') {
    ++k;
  }
  const std::string code_part = group.substr(0, k);
  std::string dates;
  for (char c : group.substr(k)) {
    if (!std::isspace(static_cast<unsigned char>(c))) dates += c;
  }
  if (code_part.empty()) throw SyntaxError(line, "actor code missing in [" + group + "]");
  if (std::all_of(code_part.begin(), code_part.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '-'; }) &&
      code_part != "---") {
    throw SyntaxError(line, "date restriction without a code: [" + group + "]");
  }
  RoleSpec period;
  if (!dates.empty()) {
    if (dates[0] == '<') {
      period.until = next_day(parse_tabari_date(dates.substr(1), line));  // "<D" includes D
    } else if (dates[0] == '>') {
      period.from = parse_tabari_date(dates.substr(1), line);
    } else {
      const size_t dash = dates.find('-');
      if (dash == std::string::npos) throw SyntaxError(line, "bad date restriction '" + dates + "' in [" + group + "]");
      period.from = parse_tabari_date(dates.substr(0, dash), line);
      period.until = next_day(parse_tabari_date(dates.substr(dash + 1), line));
      if (period.until->first_day() <= period.from->first_day())
        throw SyntaxError(line, "date range ends before it starts: [" + group + "]");
    }
  }
  size_t start = 0;
  while (start <= code_part.size()) {
    size_t slash = code_part.find('/', start);
    if (slash == std::string::npos) slash = code_part.size();
    std::string code = code_part.substr(start, slash - start);
    start = slash + 1;
    RoleSpec r = period;
    if (code == "###") {
      e.discard = true;
      continue;
    }
    if (is_null_code(code)) {
      ++report.null_codes;
      code.clear();
    } else if (!code_chars_ok(code)) {
      throw SyntaxError(line, "bad actor code '" + code + "' in [" + group + "]");
    } else if (to_upper(code) != code) {
      warn(report, file, line, "actor code '" + code + "' upper-cased");
      code = to_upper(code);
    }
    r.code = code;
    if (code.size() >= 3 && !is_org_code(code)) r.country = code.substr(0, 3);
    (dates.empty() ? e.fallback : e.dated).push_back(std::move(r));
  }
}

void finish_actor(ActorEntry& e, const std::string& file, KnowledgeSpecs& out, PetrarchReport& report) {
  if (e.spec.names.empty()) return;
  if (e.discard) {
    for (const std::string& n : e.spec.names) {
      out.discards.push_back(DiscardSpec{n, "", e.spec.origin});
      ++report.discards;
    }
    warn(report, file, e.line, "[###] actor read as a discard phrase");
    if (e.dated.empty() && e.fallback.empty()) return;
  }
  for (RoleSpec& r : e.dated) e.spec.roles.push_back(std::move(r));
  for (RoleSpec& r : e.fallback) e.spec.roles.push_back(std::move(r));
  report.dated_roles += e.dated.size();
  report.roles += e.spec.roles.size();
  bool country = !e.spec.roles.empty();
  bool org = false;
  for (const RoleSpec& r : e.spec.roles) {
    if (r.code.size() != 3) country = false;
    if (is_org_code(r.code) || r.code.size() >= 9) org = true;  // country + sector + group code
  }
  e.spec.kind = org ? MentionKind::organization : country ? MentionKind::country : MentionKind::person;
  if (e.spec.roles.empty()) warn(report, file, e.line, "actor '" + e.spec.canonical + "' has no code");
  report.actor_names += e.spec.names.size();
  ++report.actor_entries;
  e.spec.foreign_codes = true;
  out.actors.push_back(std::move(e.spec));
}

void parse_actors(const std::vector<Line>& lines, const std::string& path, PetrarchReport& report,
                  KnowledgeSpecs& out) {
  ActorEntry cur;
  bool open = false;
  for (const Line& l : lines) {
    const std::string t = trim(l.text);
    if (t.empty()) continue;
    const bool indented = std::isspace(static_cast<unsigned char>(l.text[0])) != 0;
    std::string rest;
    const std::vector<std::string> groups = bracket_groups(t, l.number, rest);
    const std::string phrase = trim(rest);
    if (t[0] == '+') {
      if (!open) throw SyntaxError(l.number, "synonym '" + t + "' before any actor");
      const std::string name = phrase_to_name(phrase.substr(1));
      if (name.empty()) throw SyntaxError(l.number, "empty synonym");
      cur.spec.names.push_back(name);
    } else if (t[0] == '[' || (indented && phrase.empty())) {
      if (!open) throw SyntaxError(l.number, "date restriction before any actor");
      if (!phrase.empty()) throw SyntaxError(l.number, "text after date restriction: '" + phrase + "'");
    } else {
      if (open) finish_actor(cur, path, out, report);
      cur = ActorEntry{};
      open = true;
      cur.line = l.number;
      const std::string name = phrase_to_name(phrase);
      if (name.empty()) throw SyntaxError(l.number, "empty actor phrase");
      cur.spec.names.push_back(name);
      cur.spec.canonical = title_case(name);
      cur.spec.origin = path + ":" + std::to_string(l.number);
    }
    for (const std::string& g : groups) actor_bracket(g, l.number, path, cur, report);
  }
  if (open) finish_actor(cur, path, out, report);
}

// ---- agents ------------------------------------------------------------------

std::string plover_sector(std::string_view sector) {
  static const std::map<std::string, std::string, std::less<>> kMap = {
      {"GOV", "Government"},  {"MIL", "Military"},     {"COP", "Police"},      {"SPY", "Intelligence"},
      {"LEG", "Legislature"}, {"JUD", "Judiciary"},    {"OPP", "Opposition"},  {"REB", "Rebel"},
      {"INS", "Insurgent"},   {"SEP", "Separatist"},   {"UAF", "Armed Group"}, {"RAD", "Radical"},
      {"MOD", "Moderate"},    {"CRM", "Criminal"},     {"CVL", "Civilian"},    {"REF", "Refugee"},
      {"BUS", "Business"},    {"MNC", "Business"},     {"LAB", "Labor"},       {"AGR", "Agriculture"},
      {"EDU", "Education"},   {"HLH", "Health"},       {"MED", "Media"},       {"NGO", "NGO"},
      {"NGM", "NGO"},         {"HRI", "Human Rights"}, {"ENV", "Environment"}, {"DEV", "Development"},
      {"IGO", "IGO"},         {"PKO", "Peacekeeper"},  {"SET", "Settler"},     {"ELI", "Elite"},
      {"REL", "Religion"},    {"MOS", "Religion"},     {"SHI", "Religion"},    {"SUN", "Religion"},
      {"SFI", "Religion"},    {"ALE", "Religion"},     {"DRZ", "Religion"},    {"CHR", "Religion"},
      {"CTH", "Religion"},    {"PRO", "Religion"},     {"DOX", "Religion"},    {"CPT", "Religion"},
      {"MRN", "Religion"},    {"JEW", "Religion"},     {"UDX", "Religion"},    {"HIN", "Religion"},
      {"BUD", "Religion"},    {"SIK", "Religion"},     {"BAH", "Religion"},    {"LDS", "Religion"},
      {"JHW", "Religion"},    {"ZRO", "Religion"},     {"ATH", "Religion"}};
  const auto it = kMap.find(sector);
  return it == kMap.end() ? std::string() : it->second;
}

/// Expands !MARKER! substitutions in a phrase (every combination).
std::vector<std::string> substitute(const std::string& phrase,
                                    const std::map<std::string, std::vector<std::string>>& sets, uint64_t line) {
  const size_t open = phrase.find('!');
  if (open == std::string::npos) return {phrase};
  const size_t close = phrase.find('!', open + 1);
  if (close == std::string::npos) throw SyntaxError(line, "unterminated !MARKER! in '" + phrase + "'");
  const std::string marker = phrase.substr(open, close - open + 1);
  const auto it = sets.find(to_upper(marker));
  if (it == sets.end()) throw SyntaxError(line, "undefined substitution marker " + marker);
  std::vector<std::string> out;
  for (const std::string& item : it->second) {
    for (std::string& s : substitute(phrase.substr(0, open) + item + phrase.substr(close + 1), sets, line)) {
      out.push_back(std::move(s));
    }
  }
  return out;
}

void parse_agents(const std::vector<Line>& lines, const std::string& path, PetrarchReport& report,
                  KnowledgeSpecs& out) {
  std::map<std::string, std::vector<std::string>> sets;
  for (const Line& l : lines) {
    const std::string t = trim(l.text);
    if (t.empty()) continue;
    if (t[0] == '!' && t.find('=') != std::string::npos) {
      const size_t eq = t.find('=');
      const std::string marker = to_upper(trim(t.substr(0, eq)));
      if (marker.size() < 3 || marker.back() != '!' || marker.find('!', 1) != marker.size() - 1) {
        throw SyntaxError(l.number, "bad substitution marker '" + marker + "'");
      }
      std::vector<std::string> items;
      std::string list = t.substr(eq + 1);
      size_t s = 0;
      while (s <= list.size()) {
        size_t comma = list.find(',', s);
        if (comma == std::string::npos) comma = list.size();
        std::string item = trim(list.substr(s, comma - s));
        if (item.empty()) throw SyntaxError(l.number, "empty item in " + marker);
        items.push_back(item);
        s = comma + 1;
      }
      sets[marker] = std::move(items);
      continue;
    }
    std::string rest;
    const std::vector<std::string> groups = bracket_groups(t, l.number, rest);
    if (groups.empty()) throw SyntaxError(l.number, "agent without [code]: '" + t + "'");
    if (groups.size() > 1) throw SyntaxError(l.number, "agent with more than one [code]");
    // Phrase and optional {plurals}.
    std::string phrase = rest;
    std::vector<std::string> plurals;
    bool explicit_plurals = false;
    const size_t brace = rest.find('{');
    if (brace != std::string::npos) {
      const size_t close = rest.find('}', brace);
      if (close == std::string::npos) throw SyntaxError(l.number, "unterminated '{': missing '}'");
      if (!trim(rest.substr(close + 1)).empty()) throw SyntaxError(l.number, "text after {plurals}");
      explicit_plurals = true;
      std::istringstream in(rest.substr(brace + 1, close - brace - 1));
      std::string p;
      while (in >> p) plurals.push_back(p);
      phrase = rest.substr(0, brace);
    }
    phrase = trim(phrase);
    if (phrase.empty()) throw SyntaxError(l.number, "empty agent phrase");
    // Code: "~ABC" (appended to the actor code) or "ABC~" (put before it).
    std::string code = groups[0];
    code.erase(
        std::remove_if(code.begin(), code.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }),
        code.end());
    bool prefix = false;
    if (!code.empty() && code.front() == '~') {
      code.erase(0, 1);
    } else if (!code.empty() && code.back() == '~') {
      code.pop_back();
      prefix = true;
    } else {
      warn(report, path, l.number, "agent code without '~' read as '~" + code + "'");
    }
    const bool letters = !code.empty() && std::all_of(code.begin(), code.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c));
    });
    if (!letters || code.size() < 3) throw SyntaxError(l.number, "bad agent code [" + groups[0] + "]");
    code = to_upper(code);
    AgentSpec a;
    a.sector = code.substr(0, 3);
    a.secondary = code.substr(3);
    a.plover_sector = plover_sector(a.sector);
    a.origin = path + ":" + std::to_string(l.number);
    a.prefix = prefix;
    a.any_case = true;
    if (prefix) ++report.prefix_agents;
    const bool has_marker = phrase.find('!') != std::string::npos;
    if (phrase.find(' ') != std::string::npos) {
      warn(report, path, l.number, "blank between agent words (gap allowed in PETRARCH) read as adjacent words");
    }
    auto add = [&](const std::string& form) {
      const std::string name = phrase_to_name(form);
      if (!name.empty() && std::find(a.names.begin(), a.names.end(), name) == a.names.end()) a.names.push_back(name);
    };
    for (const std::string& form : substitute(phrase, sets, l.number)) {
      add(form);
      if (!has_marker && !explicit_plurals) {
        std::vector<std::string> w = phrase_words(form);
        if (!w.empty()) {
          w.back() = regular_plural(w.back());
          std::string joined;
          for (const std::string& x : w) joined += (joined.empty() ? "" : " ") + x;
          add(joined);
        }
      }
    }
    for (const std::string& p : plurals) {
      for (const std::string& form : substitute(p, sets, l.number)) add(form);
    }
    ++report.agent_entries;
    report.agent_forms += a.names.size();
    out.agents.push_back(std::move(a));
  }
}

// ---- discards ----------------------------------------------------------------

void parse_discards(const std::vector<Line>& lines, const std::string& path, PetrarchReport& report,
                    KnowledgeSpecs& out) {
  for (const Line& l : lines) {
    std::string t = trim(l.text);
    if (t.empty()) continue;
    bool story = false;
    if (t[0] == '+') {
      story = true;
      t = trim(t.substr(1));
    }
    if (t.find_first_of("[]{}") != std::string::npos)
      throw SyntaxError(l.number, "unexpected bracket in discard phrase");
    const std::string phrase = phrase_to_name(t);
    if (phrase.empty()) throw SyntaxError(l.number, "empty discard phrase");
    if (story) report.story_discards.push_back(out.discards.size());
    out.discards.push_back(DiscardSpec{phrase, "", path + ":" + std::to_string(l.number)});
    ++report.discards;
  }
}

}  // namespace

bool is_petrarch_dictionary(const std::string& path, std::string_view head) {
  if (petrarch_kind_from_name(path) == PetrarchKind::unknown) return false;
  const size_t dot = path.find_last_of('.');
  if (dot != std::string::npos && to_lower(path.substr(dot)) == ".tsv") return false;
  return !looks_like_dyad_tsv(head);
}

Result<KnowledgeSpecs> parse_petrarch_dictionary(std::string_view text, const std::string& path, PetrarchKind kind,
                                                 PetrarchReport& report) {
  report = PetrarchReport{};
  if (const auto bad = find_invalid_utf8(text)) {
    return Error{path, bad->line, "invalid UTF-8", false};
  }
  KnowledgeSpecs out;
  try {
    const std::vector<Line> lines = strip_comments(text);
    if (kind == PetrarchKind::unknown) kind = kind_from_content(lines);
    report.kind = kind;
    switch (kind) {
      case PetrarchKind::actors:
        parse_actors(lines, path, report, out);
        break;
      case PetrarchKind::agents:
        parse_agents(lines, path, report, out);
        break;
      case PetrarchKind::verbs:
        parse_verbs(lines, path, report, out);
        break;
      case PetrarchKind::discards:
        parse_discards(lines, path, report, out);
        break;
      case PetrarchKind::unknown:
        break;
    }
  } catch (const SyntaxError& e) {
    return Error{path, e.line, e.what(), false};
  } catch (const std::exception& e) {  // e.g. bad_alloc: still a value at the boundary
    return Error{path, 0, e.what(), false};
  }
  return out;
}

Result<KnowledgeSpecs> read_petrarch_dictionary(const std::string& path, PetrarchReport& report) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, 0, "cannot open file", false};
  std::ostringstream buf;
  buf << in.rdbuf();
  return parse_petrarch_dictionary(buf.str(), path, petrarch_kind_from_name(path), report);
}

Result<KnowledgeSpecs> read_petrarch_dictionary(const std::string& path) {
  PetrarchReport report;
  return read_petrarch_dictionary(path, report);
}

}  // namespace dyad
