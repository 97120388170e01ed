// `dyad eval`: runs the gold suites through code_article() and scores them.
//
// Design: every suite is "read gold -> load Knowledge once -> code each record
// as its own Article -> turn Document::events into comparable codings ->
// score per record -> aggregate per category". Records are coded exactly as
// the CLI would code an article (pure code_article), with the record's date as
// the publication date so dated roles resolve. Events in the negated mode are
// not predictions of a happened/expected event and are left out everywhere
// except for the india-police FAIL label. The suite-specific parts are the
// gold reader, the Event -> coding conversion and the category of a record;
// docs/accuracy.md ("Method") states each rule.
#include "eval/eval.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "core/paths.h"
#include "core/unicode.h"
#include "eval/gold.h"
#include "knowledge/tsv.h"
#include "pipeline/pipeline.h"

namespace dyad {

using eval::Coding;
using eval::RecordScore;
using eval::SuiteResult;
using eval::Tally;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

bool counts_as_prediction(const Event& e) { return e.mode != EventMode::negated; }

Article make_article(std::string id, std::string text, Date date, std::string origin) {
  Article a;
  a.id = std::move(id);
  a.source = "dyad-eval";
  a.text = normalize_text(text);
  a.published = date;
  a.published_origin = date.known() ? DateOrigin::input : DateOrigin::unknown;
  a.metadata = "{}";
  a.origin = std::move(origin);
  return a;
}

void verbose_errors(std::ostream& log, const std::string& suite, const std::string& id, const RecordScore& s) {
  for (const auto& [kind, idx] : s.errors) {
    log << suite << " " << id << ": " << kind;
    if (idx.first >= 0) log << "  gold=" << eval::describe(s.gold[static_cast<size_t>(idx.first)]);
    if (idx.second >= 0) log << "  predicted=" << eval::describe(s.predicted[static_cast<size_t>(idx.second)]);
    log << "\n";
  }
}

// ---- CAMEO suites (PETRARCH-style records) --------------------------------------

struct CameoSuite {
  std::string file;                       // under shared_dir/eval/
  bool lenient = false;                   // not well-formed XML
  std::vector<std::string> dictionaries;  // empty = built-in knowledge
  std::string note;
};

Coding cameo_coding(const Event& e) {
  Coding c;
  c.source = e.source.code;
  if (c.source.empty()) c.source_text = e.source.text;
  if (e.target) {
    c.target = e.target->code;
    if (c.target.empty()) c.target_text = e.target->text;
  }
  c.code = e.cameo;
  return c;
}

// A suite that could not run: the reason goes into the table instead of figures.
SuiteResult failed(SuiteResult result, std::string why) {
  result.failed = true;
  result.failure = std::move(why);
  return result;
}

// The knowledge suites code with, loaded once per run for each list of
// dictionaries (the built-in suites share one load).
class KnowledgeCache {
 public:
  explicit KnowledgeCache(const EvalOptions& options) : options_(options) {}
  /// `dictionaries` are full paths; empty = the built-in knowledge.
  Result<const Knowledge*> get(const std::vector<std::string>& dictionaries) {
    auto it = loaded_.find(dictionaries);
    if (it != loaded_.end()) return static_cast<const Knowledge*>(&it->second);
    KnowledgeOptions ko;
    ko.data_dir = options_.data_dir;
    ko.dictionaries = dictionaries;
    ko.no_default_dictionaries = !dictionaries.empty();
    auto k = Knowledge::load(ko);
    if (!k.ok()) return Error{k.error().file, k.error().line, "knowledge: " + k.error().message};
    return static_cast<const Knowledge*>(&loaded_.emplace(dictionaries, std::move(k.value())).first->second);
  }

 private:
  const EvalOptions& options_;
  std::map<std::vector<std::string>, Knowledge> loaded_;
};

SuiteResult run_cameo(const std::string& name, const CameoSuite& suite, const EvalOptions& options,
                      KnowledgeCache& cache, std::ostream& log) {
  SuiteResult result;
  result.name = name;
  result.note = suite.note;
  const std::string dir = options.shared_dir + "/eval/";
  auto records =
      suite.lenient ? eval::read_petrarch_lenient(dir + suite.file) : eval::read_petrarch_xml(dir + suite.file);
  if (!records.ok()) {
    return failed(std::move(result), records.error().str());
  }
  std::vector<std::string> dictionaries;
  for (const auto& d : suite.dictionaries) dictionaries.push_back(dir + d);
  auto t0 = std::chrono::steady_clock::now();
  auto knowledge = cache.get(dictionaries);
  if (!knowledge.ok()) return failed(std::move(result), knowledge.error().str());
  for (const eval::GoldRecord& r : records.value()) {
    if (!r.evaluate) continue;
    if (options.limit != 0 && result.records >= options.limit) break;
    Document doc = code_article(**knowledge, make_article(r.id, r.text, r.date, dir + suite.file + ":" + r.id));
    std::vector<Coding> gold, predicted;
    for (const auto& g : r.codings) gold.push_back(Coding{g.source, g.target, g.code, {}, {}});
    for (const Event& e : doc.events)
      if (counts_as_prediction(e)) predicted.push_back(cameo_coding(e));
    RecordScore s = eval::score_record(gold, predicted);
    result.add(r.category.empty() ? "(none)" : r.category, s);
    if (options.verbose) verbose_errors(log, name, r.id, s);
  }
  result.seconds = seconds_since(t0);
  return result;
}

// ---- PLOVER -------------------------------------------------------------------------

// Country codes as compared: CAMEO codes that differ from ISO-3 are mapped to
// ISO-3 with data/knowledge/countries.tsv; JAP and ITL (not CAMEO or ISO codes,
// written in the gold file for Japan and Italy) are read as JPN and ITA.
struct CountryKeys {
  std::unordered_map<std::string, std::string> to_iso;
  std::unordered_map<std::string, std::string> cameo_to_plover;

  [[nodiscard]] std::string key(std::string code) const {
    for (char& c : code)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (code.substr(0, 3) == "---") code.erase(0, 3);
    if (code.size() > 3) code.resize(3);
    if (code == "JAP") return "JPN";
    if (code == "ITL") return "ITA";
    auto it = to_iso.find(code);
    return it == to_iso.end() ? code : it->second;
  }
  [[nodiscard]] std::string actor_key(const Actor& a) const { return key(a.country.empty() ? a.code : a.country); }
};

CountryKeys load_country_keys(const std::string& data, std::ostream& log) {
  CountryKeys k;
  const std::string dir = data.empty() ? data_dir() : data;
  if (auto t = TsvTable::read(dir + "/knowledge/countries.tsv", {"cameo", "iso3"}); t.ok()) {
    for (const auto& row : t->rows()) {
      std::string cameo(t->get(row, "cameo")), iso(t->get(row, "iso3"));
      if (!cameo.empty() && !iso.empty() && cameo != iso) k.to_iso.emplace(cameo, iso);
    }
  } else {
    log << "warning: " << t.error().str() << " (country codes compared as written)\n";
  }
  if (auto t = TsvTable::read(dir + "/plover/cameo_to_plover.tsv", {"cameo", "plover"}); t.ok()) {
    for (const auto& row : t->rows()) k.cameo_to_plover.emplace(t->get(row, "cameo"), t->get(row, "plover"));
  } else {
    log << "warning: " << t.error().str() << " (events without a PLOVER type are not scored)\n";
  }
  return k;
}

}  // namespace

namespace eval {

/// Gold (source country, target country, type) triples of a PLOVER record:
/// every source with every target; with no target and several sources, every
/// ordered pair of distinct source entries (each acts on the other); a single
/// source with no target gives a triple with an empty target.
std::vector<Coding> plover_gold_codings(const PloverRecord& r,
                                        const std::function<std::string(const std::string&)>& key) {
  std::vector<Coding> out;
  std::vector<std::string> src, tgt;
  for (const auto& a : r.source) src.push_back(key(a.code));
  for (const auto& a : r.target) tgt.push_back(key(a.code));
  if (src.empty()) src.emplace_back();
  if (!tgt.empty()) {
    for (const auto& s : src)
      for (const auto& t : tgt) out.push_back(Coding{s, t, r.event, {}, {}});
  } else if (src.size() >= 2) {
    for (size_t i = 0; i < src.size(); ++i)
      for (size_t j = 0; j < src.size(); ++j)
        if (i != j) out.push_back(Coding{src[i], src[j], r.event, {}, {}});
  } else {
    out.push_back(Coding{src[0], {}, r.event, {}, {}});
  }
  return out;
}

}  // namespace eval

namespace {

SuiteResult run_plover(const EvalOptions& options, KnowledgeCache& cache, std::ostream& log) {
  SuiteResult result;
  result.name = "plover";
  const std::string path = options.shared_dir + "/eval/plover-gsr-cameo/PLOVER_GSR_CAMEO.txt";
  auto records = eval::read_plover(path);
  if (!records.ok()) {
    return failed(std::move(result), records.error().str());
  }
  auto t0 = std::chrono::steady_clock::now();
  auto knowledge = cache.get({});
  if (!knowledge.ok()) return failed(std::move(result), knowledge.error().str());
  CountryKeys keys = load_country_keys(options.data_dir, log);
  auto key = [&](const std::string& c) { return keys.key(c); };
  for (const eval::PloverRecord& r : records.value()) {
    if (options.limit != 0 && result.records >= options.limit) break;
    Document doc = code_article(**knowledge, make_article(r.id, r.text, r.date, path + ":" + r.id));
    std::vector<Coding> predicted;
    for (const Event& e : doc.events) {
      if (!counts_as_prediction(e)) continue;
      std::string type = e.plover;
      if (type.empty()) {
        auto it = keys.cameo_to_plover.find(e.cameo);
        if (it != keys.cameo_to_plover.end()) type = it->second;
      }
      type = std::string(eval::modern_plover_type(type));
      if (type.empty() || type == "OTHER") continue;  // not a PLOVER event
      predicted.push_back(
          Coding{keys.actor_key(e.source), e.target ? keys.actor_key(*e.target) : std::string(), type, {}, {}});
    }
    RecordScore s = eval::score_record(eval::plover_gold_codings(r, key), predicted);
    result.add(r.event, s);
    if (options.verbose) verbose_errors(log, result.name, r.id, s);
  }
  result.seconds = seconds_since(t0);
  return result;
}

// ---- india-police ---------------------------------------------------------------------

bool police(const Actor& a) {
  if (a.sector == "COP") return true;
  for (size_t p = a.code.find("COP"); p != std::string::npos; p = a.code.find("COP", p + 1))
    if (p % 3 == 0) return true;
  return false;
}

bool starts(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

namespace eval {

/// The sentence labels an event supports (empty unless its source is police):
///   ANY_ACTION  any non-negated event;
///   ARREST      CAMEO 173 (arrest, detain, charge);
///   FORCE       175 (violent repression), 18x (assault), 19x (fight), 20x (mass violence);
///   KILL        186 (assassinate), 1823 (kill by physical assault), 20x, or a FORCE
///               event whose rule name mentions "kill";
///   FAIL        a police event in the negated mode ("police did not act").
std::vector<std::string> police_labels(const Event& e) {
  std::vector<std::string> out;
  if (!police(e.source)) return out;
  if (e.mode == EventMode::negated) {
    out.emplace_back("FAIL");
    return out;
  }
  out.emplace_back("ANY_ACTION");
  const std::string& c = e.cameo;
  if (starts(c, "173")) out.emplace_back("ARREST");
  bool force = starts(c, "175") || starts(c, "18") || starts(c, "19") || starts(c, "20");
  if (force) out.emplace_back("FORCE");
  std::string rule = e.rule;
  std::transform(rule.begin(), rule.end(), rule.begin(), [](unsigned char ch) { return std::tolower(ch); });
  if (starts(c, "186") || starts(c, "1823") || starts(c, "20") || (force && rule.find("kill") != std::string::npos))
    out.emplace_back("KILL");
  return out;
}

}  // namespace eval

namespace {

const std::vector<std::string>& police_label_names() {
  static const std::vector<std::string> names{"ANY_ACTION", "ARREST", "FAIL", "FORCE", "KILL"};
  return names;
}

SuiteResult run_india_police(const EvalOptions& options, KnowledgeCache& cache, std::ostream& log) {
  SuiteResult result;
  result.name = "india-police";
  const std::string dir = options.shared_dir + "/eval/india-police-events";
  auto docs = eval::read_india_police(dir, options.limit);
  if (!docs.ok()) {
    return failed(std::move(result), docs.error().str());
  }
  auto t0 = std::chrono::steady_clock::now();
  auto knowledge = cache.get({});
  if (!knowledge.ok()) return failed(std::move(result), knowledge.error().str());
  for (auto& label : police_label_names()) {
    result.categories["sentence " + label];
    result.categories["document " + label];
  }
  for (const eval::PoliceDoc& d : docs.value()) {
    ++result.records;
    std::string id = std::to_string(d.id);
    Document doc = code_article(**knowledge, make_article(id, d.text, d.date, dir + "/docs.jsonl:" + id));
    const std::string& text = doc.article.text;
    // Locate the gold sentences in the (normalised) text, in order.
    std::vector<Span> spans;
    size_t pos = 0;
    for (const auto& s : d.sentences) {
      std::string needle = normalize_text(s.text);
      while (!needle.empty() && (needle.back() == '\n' || needle.back() == ' ')) needle.pop_back();
      size_t at = needle.empty() ? std::string::npos : text.find(needle, pos);
      if (at == std::string::npos) {
        spans.push_back(Span{0, 0});  // not found: can only be missed
        continue;
      }
      spans.push_back(Span{static_cast<uint32_t>(at), static_cast<uint32_t>(needle.size())});
      pos = at + needle.size();
    }
    std::vector<std::vector<std::string>> predicted(d.sentences.size());
    for (const Event& e : doc.events) {
      uint32_t off = e.span.offset;
      if (e.span.empty() && e.sentence < doc.text.sentences.size()) off = doc.text.sentences[e.sentence].span.offset;
      for (size_t i = 0; i < spans.size(); ++i) {
        if (!spans[i].empty() && off >= spans[i].offset && off < spans[i].end()) {
          for (auto& l : eval::police_labels(e)) predicted[i].push_back(l);
          break;
        }
      }
    }
    for (const std::string& label : police_label_names()) {
      bool doc_gold = false, doc_pred = false;
      Tally& t = result.categories["sentence " + label];
      for (size_t i = 0; i < d.sentences.size(); ++i) {
        const auto& gl = d.sentences[i].labels;
        bool g = std::find(gl.begin(), gl.end(), label) != gl.end();
        bool p = std::find(predicted[i].begin(), predicted[i].end(), label) != predicted[i].end();
        doc_gold = doc_gold || g;
        doc_pred = doc_pred || p;
        Tally one;
        one.gold = g ? 1 : 0;
        one.predicted = p ? 1 : 0;
        one.tp = g && p ? 1 : 0;
        one.fn = g && !p ? 1 : 0;
        one.fp = p && !g ? 1 : 0;
        t += one;
        result.total += one;
        if (one.fn != 0) ++result.errors["missed: " + label];
        if (one.fp != 0) ++result.errors["spurious: " + label];
        if (options.verbose && (one.fn != 0 || one.fp != 0))
          log << result.name << " " << id << "/" << d.sentences[i].id << ": " << (one.fn != 0 ? "missed " : "spurious ")
              << label << "\n";
      }
      Tally& dt = result.categories["document " + label];
      dt.gold += doc_gold ? 1 : 0;
      dt.predicted += doc_pred ? 1 : 0;
      dt.tp += doc_gold && doc_pred ? 1 : 0;
      dt.fn += doc_gold && !doc_pred ? 1 : 0;
      dt.fp += doc_pred && !doc_gold ? 1 : 0;
    }
  }
  result.seconds = seconds_since(t0);
  return result;
}

std::string today() {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date::from_days(std::chrono::sys_days(now)).iso();
}

}  // namespace

std::vector<std::string> eval_suite_names() {
  return {"petrarch2", "udpetrarch", "udpetrarch-gsr", "plover", "india-police"};
}

namespace {

SuiteResult run_suite(const std::string& name, const EvalOptions& options, KnowledgeCache& cache, std::ostream& log) {
  if (name == "petrarch2") {
    return run_cameo(
        name,
        CameoSuite{"petrarch2-unittest/PETR.UnitTest.records.xml",
                   false,
                   {"petrarch2-unittest/PETR.Validate.verbs.txt", "petrarch2-unittest/PETR.Validate.actors.txt",
                    "petrarch2-unittest/PETR.Validate.agents.txt", "petrarch2-unittest/PETR.Validate.discards.txt"},
                   {}},
        options, cache, log);
  }
  if (name == "udpetrarch") {
    return run_cameo(name,
                     CameoSuite{"udpetrarch-validate/PETR_Validate_records_2_02.xml",
                                true,
                                {"udpetrarch-validate/PETR_Validate_verbs_2_02.txt",
                                 "udpetrarch-validate/PETR_Validate_actors_2_02.txt",
                                 "udpetrarch-validate/PETR_Validate_agents_2_02.txt",
                                 "udpetrarch-validate/PETR_Validate_discards_2_02.txt"},
                                {}},
                     options, cache, log);
  }
  if (name == "udpetrarch-gsr") {
    return run_cameo(name,
                     CameoSuite{"udpetrarch-validate/PETR2_GSR_validation.xml",
                                true,
                                {},
                                "silver: PETR-2 output reviewed, Phoenix actor codes"},
                     options, cache, log);
  }
  if (name == "plover") return run_plover(options, cache, log);
  if (name == "india-police") return run_india_police(options, cache, log);
  SuiteResult r;
  r.name = name;
  r.failed = true;
  r.failure = "unknown suite (known: petrarch2, udpetrarch, udpetrarch-gsr, plover, india-police)";
  return r;
}

}  // namespace

SuiteResult run_suite(const std::string& name, const EvalOptions& options, std::ostream& log) {
  KnowledgeCache cache(options);
  return run_suite(name, options, cache, log);
}

int run_eval(const EvalOptions& options, std::ostream& out) {
  std::vector<std::string> names = options.suites.empty() ? eval_suite_names() : options.suites;
  std::vector<SuiteResult> results;
  int rc = 0;
  KnowledgeCache cache(options);
  for (const std::string& name : names) {
    results.push_back(run_suite(name, options, cache, out));
    if (results.back().failed) rc = 1;
  }
  eval::print_table(results, out);
  if (!options.write_markdown.empty()) {
    std::string existing;
    if (std::ifstream in(options.write_markdown, std::ios::binary); in) {
      std::stringstream ss;
      ss << in.rdbuf();
      existing = ss.str();
    }
    std::string text = eval::merge_markdown(existing, eval::markdown_figures(results, today(), options.command_line));
    std::ofstream f(options.write_markdown, std::ios::binary | std::ios::trunc);
    f << text;
    if (!f) {
      out << options.write_markdown << ": cannot write the report\n";
      rc = 1;
    }
  }
  return rc;
}

}  // namespace dyad
