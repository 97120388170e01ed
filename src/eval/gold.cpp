// Gold-suite readers.
//
// Design: the PETRARCH unit-test file is well-formed XML and is read with
// libxml2 (DOM; the file is small). The UD-PETRARCH files are not XML in the
// strict sense, so a second reader scans tags: it keeps a "current record"
// opened by each <Sentence ...> start tag (self-closed or not), adds every
// <EventCoding ...> that follows, and takes the first <Text>...</Text>;
// comments, <Parse> blocks and <PLEvent {json}> lines are skipped as opaque
// (a record whose <Text> is empty takes its words from its CoNLL-U parse).
// Entities (&amp; ...) are decoded as an XML parser would.
// Both readers give the same records on the well-formed file (tested).
// PLOVER: trailing commas are removed by a string-aware pass, then
// nlohmann::json parses the array. India police: three JSONL files joined on
// doc_id.
#include "eval/gold.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "core/lines.h"

namespace dyad::eval {

namespace {

Result<std::string> slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, 0, "cannot open file"};
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Date date_from_compact(std::string_view s) {
  // "YYYYMMDD"
  if (s.size() != 8 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return {};
  std::string iso = std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" + std::string(s.substr(6, 2));
  return parse_date(iso).value_or(Date{});
}

bool is_true(std::string_view v) { return v == "True" || v == "true" || v == "TRUE" || v == "1"; }

// Adds one <EventCoding> (given as attribute lookup) to a record.
template <class Get>
void add_coding(GoldRecord& r, Get&& get) {
  std::string noevents = get("noevents");
  std::string error = get("error");
  if (is_true(noevents)) {
    r.no_events = true;
    return;
  }
  if (!error.empty()) {
    r.expected_error = error;
    return;
  }
  GoldCoding c{get("sourcecode"), get("targetcode"), get("eventcode")};
  if (c.source.empty() && c.target.empty() && c.code.empty()) return;
  r.codings.push_back(std::move(c));
}

std::string xml_prop(const xmlNode* n, const char* name) {
  xmlChar* c = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (c == nullptr) return {};
  std::string s(reinterpret_cast<const char*>(c));
  xmlFree(c);
  return s;
}

std::string xml_content(const xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  if (c == nullptr) return {};
  std::string s(reinterpret_cast<const char*>(c));
  xmlFree(c);
  return s;
}

bool named(const xmlNode* n, std::string_view name) {
  return n->type == XML_ELEMENT_NODE && reinterpret_cast<const char*>(n->name) == name;
}

// A <Config option=... value=...> between records changes the options of the
// records after it.
void apply_config(std::string_view option, std::string_view value, CodeOptions& o) {
  if (option == "require_dyad") {
    o.require_dyad = !(value == "false" || value == "False" || value == "FALSE" || value == "0");
    return;
  }
  int n = 0;
  const char* end = value.data() + value.size();
  auto [p, ec] = std::from_chars(value.data(), end, n);
  if (ec != std::errc() || p != end || n < 0) return;
  if (option == "comma_min")
    o.comma_min = n;
  else if (option == "comma_max")
    o.comma_max = n;
  else if (option == "comma_bmin")
    o.comma_bmin = n;
  else if (option == "comma_bmax")
    o.comma_bmax = n;
  else if (option == "comma_emin")
    o.comma_emin = n;
  else if (option == "comma_emax")
    o.comma_emax = n;
  else if (option == "new_actor_length")
    o.new_actor_length = n;
}

void collect_sentences(const xmlNode* n, std::vector<GoldRecord>& out, CodeOptions& options) {
  for (const xmlNode* c = n; c != nullptr; c = c->next) {
    if (named(c, "Config")) {
      apply_config(xml_prop(c, "option"), xml_prop(c, "value"), options);
    } else if (named(c, "Sentence")) {
      GoldRecord r;
      r.options = options;
      r.id = xml_prop(c, "id");
      r.category = xml_prop(c, "category");
      r.date = date_from_compact(xml_prop(c, "date"));
      std::string ev = xml_prop(c, "evaluate");
      r.evaluate = ev.empty() || is_true(ev);
      bool have_text = false;
      for (const xmlNode* k = c->children; k != nullptr; k = k->next) {
        if (named(k, "EventCoding")) {
          add_coding(r, [&](const char* name) { return xml_prop(k, name); });
        } else if (named(k, "Text") && !have_text) {
          r.text = collapse_space(xml_content(k));
          have_text = true;
        }
      }
      out.push_back(std::move(r));
    } else if (c->children != nullptr) {
      collect_sentences(c->children, out, options);
    }
  }
}

// Decodes the XML predefined entities and numeric character references; an
// unknown or unterminated reference is kept as written.
std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back('&');
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    std::string rep;
    if (name == "amp")
      rep = "&";
    else if (name == "lt")
      rep = "<";
    else if (name == "gt")
      rep = ">";
    else if (name == "quot")
      rep = "\"";
    else if (name == "apos")
      rep = "'";
    else if (name.size() > 1 && name[0] == '#') {
      bool hex = name[1] == 'x' || name[1] == 'X';
      std::string digits(name.substr(hex ? 2 : 1));
      char* end = nullptr;
      unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (!digits.empty() && end != nullptr && *end == '\0' && cp > 0 && cp <= 0x10FFFF) {
        if (cp < 0x80) {
          rep.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
          rep.push_back(static_cast<char>(0xC0 | (cp >> 6)));
          rep.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
          rep.push_back(static_cast<char>(0xE0 | (cp >> 12)));
          rep.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
          rep.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
          rep.push_back(static_cast<char>(0xF0 | (cp >> 18)));
          rep.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
          rep.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
          rep.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
      }
    }
    if (rep.empty()) {
      out.push_back('&');
      continue;
    }
    out += rep;
    i = semi;
  }
  return out;
}

// The sentence text of a CoNLL-U block: FORM columns joined by spaces, except
// where MISC says SpaceAfter=No; a multi-word token range line gives the form
// and its parts are skipped.
std::string text_from_conllu(std::string_view block) {
  std::string out;
  bool space = false;
  unsigned long skip_until = 0;
  size_t pos = 0;
  while (pos < block.size()) {
    size_t nl = block.find('\n', pos);
    std::string_view line = block.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? block.size() : nl + 1;
    std::vector<std::string_view> cols;
    size_t c = 0;
    while (cols.size() < 10) {
      size_t tab = line.find('\t', c);
      cols.push_back(line.substr(c, tab == std::string_view::npos ? std::string_view::npos : tab - c));
      if (tab == std::string_view::npos) break;
      c = tab + 1;
    }
    if (cols.size() < 10 || cols[0].empty() || cols[0][0] < '0' || cols[0][0] > '9') continue;
    std::string id(cols[0]);
    if (id.find('.') != std::string::npos) continue;  // empty node
    size_t dash = id.find('-');
    unsigned long first = std::strtoul(id.c_str(), nullptr, 10);
    if (dash == std::string::npos && first <= skip_until) continue;
    if (dash != std::string::npos) skip_until = std::strtoul(id.c_str() + dash + 1, nullptr, 10);
    if (space) out.push_back(' ');
    out.append(cols[1]);
    space = cols[9].find("SpaceAfter=No") == std::string_view::npos;
  }
  return out;
}

// Parses `name="v"` / `name='v'` / `name = "v"` pairs from the inside of a tag.
std::vector<std::pair<std::string, std::string>> parse_attributes(std::string_view s) {
  std::vector<std::pair<std::string, std::string>> attrs;
  size_t i = 0;
  auto skip_space = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  };
  while (i < s.size()) {
    skip_space();
    size_t start = i;
    while (i < s.size() && s[i] != '=' && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '/') ++i;
    std::string name(s.substr(start, i - start));
    skip_space();
    if (i >= s.size() || s[i] != '=') {
      ++i;
      continue;
    }
    ++i;
    skip_space();
    if (i >= s.size()) break;
    char q = s[i];
    std::string value;
    if (q == '"' || q == '\'') {
      size_t end = s.find(q, i + 1);
      if (end == std::string_view::npos) end = s.size();
      value = decode_entities(s.substr(i + 1, end - i - 1));
      i = end + 1;
    } else {
      size_t vs = i;
      while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '/') ++i;
      value = std::string(s.substr(vs, i - vs));
    }
    if (!name.empty()) attrs.emplace_back(std::move(name), std::move(value));
  }
  return attrs;
}

std::string attr(const std::vector<std::pair<std::string, std::string>>& attrs, std::string_view name) {
  for (const auto& [k, v] : attrs)
    if (k == name) return v;
  return {};
}

bool starts_tag(std::string_view text, size_t pos, std::string_view tag) {
  // "<Tag" followed by white space, '>' or '/'
  if (text.compare(pos, tag.size(), tag) != 0) return false;
  size_t after = pos + tag.size();
  if (after >= text.size()) return false;
  char c = text[after];
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/';
}

}  // namespace

CodeOptions petrarch_defaults() {
  CodeOptions o;
  o.require_dyad = true;
  o.remove_comma_clauses = true;
  o.comma_min = 2;
  o.comma_max = 8;
  o.comma_bmin = 0;
  o.comma_bmax = 0;
  o.comma_emin = 2;
  o.comma_emax = 8;
  o.new_actor_length = 0;
  return o;
}

std::string collapse_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending = !out.empty();
    } else {
      if (pending) out.push_back(' ');
      pending = false;
      out.push_back(c);
    }
  }
  return out;
}

Result<std::vector<GoldRecord>> read_petrarch_xml(const std::string& path) {
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc(
      xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING), xmlFreeDoc);
  if (!doc) {
    const xmlError* e = xmlGetLastError();
    std::string msg = "not well-formed XML";
    uint64_t line = 0;
    if (e != nullptr && e->message != nullptr) {
      msg += ": " + collapse_space(e->message);
      line = e->line > 0 ? static_cast<uint64_t>(e->line) : 0;
    }
    return Error{path, line, msg};
  }
  std::vector<GoldRecord> out;
  CodeOptions options = petrarch_defaults();
  collect_sentences(xmlDocGetRootElement(doc.get()), out, options);
  return out;
}

std::vector<GoldRecord> parse_petrarch_lenient(std::string_view text) {
  std::vector<GoldRecord> out;
  GoldRecord* cur = nullptr;
  bool have_text = false;
  CodeOptions options = petrarch_defaults();
  size_t pos = 0;
  while ((pos = text.find('<', pos)) != std::string_view::npos) {
    if (text.compare(pos, 4, "<!--") == 0) {
      size_t end = text.find("-->", pos + 4);
      pos = end == std::string_view::npos ? text.size() : end + 3;
    } else if (starts_tag(text, pos, "<Parse")) {
      size_t open_end = text.find('>', pos);
      if (open_end == std::string_view::npos) break;
      size_t end = text.find("</Parse>", open_end);
      if (end == std::string_view::npos) end = text.size();
      // A record whose <Text> is empty keeps its words only in the parse.
      if (cur != nullptr && cur->text.empty())
        cur->text = collapse_space(decode_entities(text_from_conllu(text.substr(open_end + 1, end - open_end - 1))));
      pos = end;
    } else if (starts_tag(text, pos, "<PLEvent")) {
      size_t end = text.find('\n', pos);
      pos = end == std::string_view::npos ? text.size() : end + 1;
    } else if (starts_tag(text, pos, "<Sentence")) {
      size_t end = text.find('>', pos);
      if (end == std::string_view::npos) end = text.size();
      auto attrs = parse_attributes(text.substr(pos + 9, end - pos - 9));
      GoldRecord r;
      r.id = attr(attrs, "id");
      r.category = attr(attrs, "category");
      r.date = date_from_compact(attr(attrs, "date"));
      std::string ev = attr(attrs, "evaluate");
      r.evaluate = ev.empty() || is_true(ev);
      r.options = options;
      out.push_back(std::move(r));
      cur = &out.back();
      have_text = false;
      pos = end;
    } else if (starts_tag(text, pos, "<Config")) {
      size_t end = text.find('>', pos);
      if (end == std::string_view::npos) end = text.size();
      auto attrs = parse_attributes(text.substr(pos + 7, end - pos - 7));
      apply_config(attr(attrs, "option"), attr(attrs, "value"), options);
      pos = end;
    } else if (starts_tag(text, pos, "<EventCoding")) {
      size_t end = text.find('>', pos);
      if (end == std::string_view::npos) end = text.size();
      if (cur != nullptr) {
        auto attrs = parse_attributes(text.substr(pos + 12, end - pos - 12));
        add_coding(*cur, [&](const char* name) { return attr(attrs, name); });
      }
      pos = end;
    } else if (starts_tag(text, pos, "<Text")) {
      size_t open_end = text.find('>', pos);
      if (open_end == std::string_view::npos) break;
      size_t close = text.find("</Text>", open_end);
      if (close == std::string_view::npos) close = text.size();
      if (cur != nullptr && !have_text) {
        cur->text = collapse_space(decode_entities(text.substr(open_end + 1, close - open_end - 1)));
        have_text = true;
      }
      pos = close;
    } else {
      ++pos;
    }
  }
  return out;
}

Result<std::vector<GoldRecord>> read_petrarch_lenient(const std::string& path) {
  auto text = slurp(path);
  if (!text.ok()) return text.error();
  return parse_petrarch_lenient(text.value());
}

// ---- PLOVER -------------------------------------------------------------------

std::string strip_trailing_commas(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\' && i + 1 < json.size()) {
        out.push_back(json[++i]);
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == ',') {
      size_t j = i + 1;
      while (j < json.size() && (json[j] == ' ' || json[j] == '\t' || json[j] == '\n' || json[j] == '\r')) ++j;
      if (j < json.size() && (json[j] == ']' || json[j] == '}')) continue;  // drop it
    }
    out.push_back(c);
  }
  return out;
}

std::string_view modern_plover_type(std::string_view type) {
  if (type == "DEMAND") return "REQUEST";
  if (type == "DISAPPROVE" || type == "INVESTIGATE") return "ACCUSE";
  if (type == "FIGHT") return "ASSAULT";
  return type;
}

namespace {

std::string json_string(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

std::vector<PloverActor> plover_actors(const nlohmann::json& j, const char* key) {
  std::vector<PloverActor> out;
  auto it = j.find(key);
  if (it == j.end()) return out;
  auto one = [&](const nlohmann::json& a) {
    if (!a.is_object()) return;
    PloverActor p{collapse_space(json_string(a, "actorText")), collapse_space(json_string(a, "code")),
                  json_string(a, "sector")};
    if (!p.code.empty() || !p.text.empty()) out.push_back(std::move(p));
  };
  if (it->is_array()) {
    for (const auto& a : *it) one(a);
  } else if (it->is_object()) {
    one(*it);
  }
  // A string ("" or a stray word) carries no actor.
  return out;
}

}  // namespace

Result<std::vector<PloverRecord>> parse_plover(std::string_view text, std::string_view name) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(strip_trailing_commas(text));
  } catch (const nlohmann::json::parse_error& e) {
    return Error{std::string(name), 0, std::string("not JSON: ") + e.what()};
  }
  if (!j.is_array()) return Error{std::string(name), 0, "expected a JSON array of records"};
  std::vector<PloverRecord> out;
  for (const auto& r : j) {
    if (!r.is_object()) continue;
    PloverRecord p;
    p.original_event = json_string(r, "event");
    if (p.original_event == "DOCUMENT" || p.original_event.empty()) continue;
    p.event = std::string(modern_plover_type(p.original_event));
    p.id = json_string(r, "id");
    p.text = json_string(r, "text");
    p.date = parse_date(json_string(r, "date")).value_or(Date{});
    p.source = plover_actors(r, "source");
    p.target = plover_actors(r, "target");
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<PloverRecord>> read_plover(const std::string& path) {
  auto text = slurp(path);
  if (!text.ok()) return text.error();
  return parse_plover(text.value(), path);
}

// ---- India police ---------------------------------------------------------------

namespace {

// Calls f(json) for each non-empty line; stops with an Error on a bad line.
template <class F>
Status each_json_line(const std::string& path, F&& f) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, 0, "cannot open file"};
  std::string line;
  uint64_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return Error{path, n, "not a JSON object"};
    f(j);
  }
  return {};
}

}  // namespace

Result<std::vector<PoliceDoc>> read_india_police(const std::string& dir, size_t limit) {
  std::vector<PoliceDoc> docs;
  std::unordered_map<int64_t, size_t> index;
  Status s = each_json_line(dir + "/docs.jsonl", [&](const nlohmann::json& j) {
    if (limit != 0 && docs.size() >= limit) return;
    PoliceDoc d;
    d.id = j.value("doc_id", int64_t{-1});
    d.text = json_string(j, "doc_text");
    index.emplace(d.id, docs.size());
    docs.push_back(std::move(d));
  });
  if (!s.ok()) return s.error();
  s = each_json_line(dir + "/sents.jsonl", [&](const nlohmann::json& j) {
    auto it = index.find(j.value("doc_id", int64_t{-1}));
    if (it == index.end()) return;
    PoliceSentence ps;
    ps.id = j.value("sent_id", uint32_t{0});
    ps.text = json_string(j, "sent_text");
    if (auto l = j.find("sent_labels"); l != j.end() && l->is_array())
      for (const auto& x : *l)
        if (x.is_string()) ps.labels.push_back(x.get<std::string>());
    docs[it->second].sentences.push_back(std::move(ps));
  });
  if (!s.ok()) return s.error();
  s = each_json_line(dir + "/metadata.jsonl", [&](const nlohmann::json& j) {
    auto it = index.find(j.value("doc_id", int64_t{-1}));
    if (it == index.end()) return;
    docs[it->second].date = parse_date(json_string(j, "date")).value_or(Date{});
  });
  if (!s.ok()) return s.error();
  for (auto& d : docs)
    std::stable_sort(d.sentences.begin(), d.sentences.end(),
                     [](const PoliceSentence& a, const PoliceSentence& b) { return a.id < b.id; });
  return docs;
}

// ---- named entities -------------------------------------------------------------

Result<std::vector<NerDocument>> parse_conll_ner(std::string_view text, std::string_view name) {
  std::vector<NerDocument> docs;
  bool in_sentence = false;
  auto new_doc = [&] {
    NerDocument d;
    docs.push_back(std::move(d));
    in_sentence = false;
  };
  LineCursor lines(text);
  for (std::string_view line; lines.next(line);) {
    const uint64_t line_no = lines.number();
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      in_sentence = false;
      continue;
    }
    if (line.starts_with("-DOCSTART-")) {
      new_doc();
      continue;
    }
    size_t sep = line.find_last_of(" \t");
    if (sep == std::string_view::npos || sep == 0)
      return Error{std::string(name), line_no, "expected 'token TAG', found '" + std::string(line) + "'"};
    std::string_view token = line.substr(0, sep);
    while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) token.remove_suffix(1);
    if (docs.empty()) new_doc();
    if (!in_sentence) docs.back().sentences.emplace_back();
    in_sentence = true;
    docs.back().sentences.back().push_back(NerToken{std::string(token), std::string(line.substr(sep + 1))});
  }
  std::erase_if(docs, [](const NerDocument& d) { return d.sentences.empty(); });
  // Numbered from 0 in file order, as the dev (even) / held-out (odd) split counts them.
  for (size_t i = 0; i < docs.size(); ++i) docs[i].id = std::string(name) + "#" + std::to_string(i);
  return docs;
}

Result<std::vector<NerDocument>> read_conll_ner(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, 0, "cannot read the file"};
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_conll_ner(ss.str(), path);
}

std::vector<NerSpan> ner_spans(const NerDocument& d) {
  std::vector<NerSpan> out;
  uint32_t k = 0;
  for (const auto& sentence : d.sentences) {
    bool open = false;
    for (const NerToken& t : sentence) {
      std::string_view label = t.label;
      bool begin = label.starts_with("B-");
      if (label.starts_with("I-") || label.starts_with("B-")) label.remove_prefix(2);
      if (label == "O") {
        open = false;
      } else if (open && !begin && out.back().label == label) {
        out.back().end = k + 1;
      } else {
        out.push_back(NerSpan{std::string(label), k, k + 1});
        open = true;
      }
      ++k;
    }
  }
  return out;
}

}  // namespace dyad::eval
