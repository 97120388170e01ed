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
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "core/paths.h"
#include "core/unicode.h"
#include "eval/gold.h"
#include "knowledge/names.h"
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

/// Whether to print the errors of the record or document at `index` of a suite split into dev and
/// held-out: --verbose, and --split (if given) names its split. Lines carry the split's name, so errors
/// are read from the dev half only.
bool verbose_for(const EvalOptions& options, size_t index) {
  return options.verbose && (options.verbose_split.empty() || options.verbose_split == eval::split_name(index));
}

/// " [dev]" or " [held-out]" after a record id; empty for suites with no split.
std::string split_tag(std::optional<size_t> index) {
  return index ? " [" + std::string(eval::split_name(*index)) + "]" : std::string();
}

void verbose_errors(std::ostream& log, const std::string& suite, const std::string& id, const RecordScore& s,
                    std::optional<size_t> index = std::nullopt) {
  for (const auto& [kind, idx] : s.errors) {
    log << suite << " " << id << split_tag(index) << ": " << kind;
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
    // Every PETRARCH option as the record's <Config> lines say, require_dyad included: both suites
    // state it in their record files (there is no other config in their folders), so it is never
    // chosen globally (docs/petrarch.md, "Record options").
    Document doc =
        code_article(**knowledge, make_article(r.id, r.text, r.date, dir + suite.file + ":" + r.id), r.options);
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
    const size_t index = result.records;
    result.categories[eval::split_category(index, "records")] += s.tally;
    result.add(r.event, s);
    if (verbose_for(options, index)) verbose_errors(log, result.name, r.id, s, index);
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
///   ANY_ACTION  any happened event, or an expected/possible one whose police source the
///               text names (a police statement of intent);
///   ARREST      CAMEO 173 (arrest, detain, charge), happened (also FORCE and KILL);
///   FORCE       175 (violent repression), 18x (assault), 19x (fight), 20x (mass violence);
///   KILL        186 (assassinate), 1823 (kill by physical assault), 20x, or a FORCE
///               event in a sentence that reports a death ("two died when police fired",
///               "shot dead by the police": the gold labels sentences, not clauses);
///   FAIL        a police event in the negated mode ("police did not act").
bool reports_death(std::string_view text) {
  // Words of dying and killing, as news words a death; whole words, case-folded by ASCII.
  static const std::unordered_set<std::string_view> words{
      "kill", "kills",    "killed",   "killing", "killings", "dead",      "death",  "deaths", "die",    "died",
      "dies", "perished", "murdered", "murder",  "lynched",  "succumbed", "bodies", "slain",  "fatally"};
  std::string word;
  for (size_t i = 0; i <= text.size(); ++i) {
    char ch = i < text.size() ? text[i] : ' ';
    if (std::isalpha(static_cast<unsigned char>(ch)) != 0) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
    } else if (!word.empty()) {
      if (words.contains(word)) return true;
      word.clear();
    }
  }
  return false;
}

bool police_speaker(const Document& doc, const Event& e) {
  if (e.attributed_to.empty()) return false;
  return std::any_of(doc.mentions.begin(), doc.mentions.end(), [&](const Mention& m) {
    return m.sentence == e.sentence && police(m.actor) &&
           (m.actor.canonical == e.attributed_to || m.span.of(doc.article.text) == e.attributed_to);
  });
}

std::vector<std::string> police_labels(const Event& e, bool death) {
  std::vector<std::string> out;
  if (!police(e.source)) return out;
  if (e.mode == EventMode::negated) {
    out.emplace_back("FAIL");
    return out;
  }
  // An announced or hedged act ("police will detain them", "X should be arrested") did not
  // happen: it is no arrest, use of force or killing. When the text names police as its doer
  // it is still a police act of its own (a statement of intent, as CAMEO codes announced
  // intentions), so it answers ANY_ACTION; with only the implicit agent of an agentless
  // passive (no words) it is someone else's demand or speculation.
  if (e.mode != EventMode::happened) {
    if (!e.source.text.empty()) out.emplace_back("ANY_ACTION");
    return out;
  }
  out.emplace_back("ANY_ACTION");
  const std::string& c = e.cameo;
  if (starts(c, "173")) out.emplace_back("ARREST");
  bool force = starts(c, "175") || starts(c, "18") || starts(c, "19") || starts(c, "20");
  if (force) out.emplace_back("FORCE");
  if (starts(c, "186") || starts(c, "1823") || starts(c, "20") || (force && death)) out.emplace_back("KILL");
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
    const size_t index = result.records;
    Tally& split = result.categories[eval::split_category(index, "documents")];
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
          std::string_view sentence(text.data() + spans[i].offset, spans[i].length);
          for (auto& l : eval::police_labels(e, eval::reports_death(sentence))) predicted[i].push_back(l);
          if (eval::police_speaker(doc, e)) predicted[i].emplace_back("ANY_ACTION");
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
        split += one;
        result.total += one;
        if (one.fn != 0) ++result.errors["missed: " + label];
        if (one.fp != 0) ++result.errors["spurious: " + label];
        if (verbose_for(options, index) && (one.fn != 0 || one.fp != 0))
          log << result.name << " " << id << "/" << d.sentences[i].id << split_tag(index) << ": "
              << (one.fn != 0 ? "missed " : "spurious ") << label << "\n";
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

// ---- named entities (gum-news-ner, wikigold-ner) ---------------------------------------

// A scored or ignored stretch of a document's tokens.
struct NerItem {
  std::string type;  // PER, ORG, LOC
  uint32_t begin = 0, end = 0;
  friend bool operator==(const NerItem&, const NerItem&) = default;
};

std::string ner_type(EntityType t) {
  switch (t) {
    case EntityType::person:
      return "PER";
    case EntityType::organization:
      return "ORG";
    case EntityType::location:
      return "LOC";
  }
  return "PER";
}

// Does a token start with an upper-case letter (its first character changes under case folding)?
bool upper_initial(std::string_view t) {
  if (t.empty()) return false;
  auto lead = static_cast<unsigned char>(t[0]);
  size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  std::string_view first = t.substr(0, len);
  std::string folded;
  fold_case_append(first, folded);
  return folded != first;
}

SuiteResult run_ner(const std::string& name, const EvalOptions& options, KnowledgeCache& cache, std::ostream& log) {
  SuiteResult result;
  result.name = name;
  const bool gum = name == "gum-news-ner";
  result.note = gum ? "named person/organization/place mentions of GUM news; exact spans"
                    : "CoNLL types PER/ORG/LOC, MISC not scored; exact spans";
  const std::string dir = options.shared_dir + "/eval/" + name;
  std::vector<eval::NerDocument> docs;
  if (gum) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(dir, ec))
      if (f.path().extension() == ".tsv") files.push_back(f.path().string());
    if (ec || files.empty()) return failed(std::move(result), dir + ": no GUM .tsv files");
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      auto d = eval::read_conll_ner(f);
      if (!d.ok()) return failed(std::move(result), d.error().str());
      for (auto& doc : d.value()) {
        doc.id = std::filesystem::path(f).filename().string();
        docs.push_back(std::move(doc));
      }
    }
  } else {
    auto d = eval::read_conll_ner(dir + "/wikigold.conll.txt");
    if (!d.ok()) return failed(std::move(result), d.error().str());
    docs = std::move(d.value());
  }
  auto t0 = std::chrono::steady_clock::now();
  auto knowledge = cache.get({});
  if (!knowledge.ok()) return failed(std::move(result), knowledge.error().str());
  const NameFinder* names = (*knowledge)->names.get();
  for (const char* t : {"PER", "ORG", "LOC"}) result.categories[t];
  for (size_t di = 0; di < docs.size(); ++di) {
    if (options.limit != 0 && result.records >= options.limit) break;
    const eval::NerDocument& d = docs[di];
    ++result.records;
    // The document as text: tokens joined by spaces, one sentence per line.
    std::vector<const eval::NerToken*> toks;
    std::string raw;
    for (const auto& sentence : d.sentences) {
      if (!raw.empty()) raw += '\n';
      for (size_t i = 0; i < sentence.size(); ++i) {
        if (i != 0) raw += ' ';
        raw += sentence[i].text;
        toks.push_back(&sentence[i]);
      }
    }
    Document doc = code_article(**knowledge, make_article(d.id, raw, Date{}, dir + "/" + d.id));
    const std::string& text = doc.article.text;
    std::vector<Span> at(toks.size());
    std::unordered_map<uint32_t, uint32_t> starts, ends;
    size_t pos = 0;
    for (size_t k = 0; k < toks.size(); ++k) {
      std::string needle = normalize_text(toks[k]->text);
      size_t f = needle.empty() ? std::string::npos : text.find(needle, pos);
      if (f == std::string::npos) continue;
      at[k] = Span{static_cast<uint32_t>(f), static_cast<uint32_t>(needle.size())};
      starts.emplace(at[k].offset, static_cast<uint32_t>(k));
      ends.emplace(at[k].end(), static_cast<uint32_t>(k));
      pos = f + needle.size();
    }
    // Gold: scored spans, and stretches where predictions are not counted (MISC, GUM's other labels,
    // GUM mentions that are not names).
    std::vector<NerItem> gold, ignored;
    for (const eval::NerSpan& s : eval::ner_spans(d)) {
      std::string type;
      if (gum) {
        type = s.label == "person" ? "PER" : s.label == "organization" ? "ORG" : s.label == "place" ? "LOC" : "";
        std::optional<NerItem> g;
        if (!type.empty()) {
          std::vector<std::string_view> words;
          for (uint32_t k = s.begin; k < s.end; ++k) words.emplace_back(toks[k]->text);
          if (auto r = eval::gum_name(words, type, names))
            g = NerItem{type, s.begin + static_cast<uint32_t>(r->first), s.begin + static_cast<uint32_t>(r->second)};
        }
        if (g) gold.push_back(*g);
        if (!g || g->begin != s.begin || g->end != s.end) ignored.push_back(NerItem{"", s.begin, s.end});
      } else if (s.label == "PER" || s.label == "ORG" || s.label == "LOC") {
        gold.push_back(NerItem{s.label, s.begin, s.end});
      } else {
        ignored.push_back(NerItem{"", s.begin, s.end});
      }
    }
    // Predictions: every name reference, typed by its entity; spans that do not fall on the gold tokens
    // cannot match (and are errors unless they lie in an ignored stretch).
    std::vector<NerItem> predicted;
    std::vector<std::string> predicted_words;
    for (const EntityReference& r : doc.references) {
      if (r.kind != ReferenceKind::name || r.entity < 0) continue;
      NerItem p{ner_type(doc.entities[static_cast<size_t>(r.entity)].type), UINT32_MAX, UINT32_MAX};
      auto sb = starts.find(r.span.offset);
      auto se = ends.find(r.span.end());
      bool aligned = sb != starts.end() && se != ends.end() && sb->second <= se->second;
      if (aligned) {
        p.begin = sb->second;
        p.end = se->second + 1;
      }
      bool is_gold = aligned && std::find_if(gold.begin(), gold.end(), [&](const NerItem& g) {
                                  return g.begin == p.begin && g.end == p.end;
                                }) != gold.end();
      bool skip = !is_gold && std::any_of(ignored.begin(), ignored.end(), [&](const NerItem& i) {
        if (aligned) return p.begin >= i.begin && p.end <= i.end;
        return !at[i.begin].empty() && r.span.offset >= at[i.begin].offset && r.span.end() <= at[i.end - 1].end();
      });
      if (skip) continue;
      if (!aligned) p.begin = p.end = UINT32_MAX - static_cast<uint32_t>(predicted.size());
      if (std::find(predicted.begin(), predicted.end(), p) != predicted.end()) continue;
      predicted.push_back(p);
      predicted_words.emplace_back(r.span.of(text));
    }
    std::sort(gold.begin(), gold.end(), [](const NerItem& a, const NerItem& b) { return a.begin < b.begin; });
    gold.erase(std::unique(gold.begin(), gold.end()), gold.end());
    auto words = [&](const NerItem& g) {
      std::string w;
      for (uint32_t k = g.begin; k < g.end; ++k) w += (k == g.begin ? "" : " ") + toks[k]->text;
      return w;
    };
    std::vector<int> pred_used(predicted.size(), 0), gold_used(gold.size(), 0);
    Tally doc_tally;
    for (size_t g = 0; g < gold.size(); ++g) {
      Tally& t = result.categories[gold[g].type];
      ++t.gold;
      ++doc_tally.gold;
      for (size_t p = 0; p < predicted.size(); ++p)
        if (!pred_used[p] && predicted[p] == gold[g]) {
          pred_used[p] = gold_used[g] = 1;
          ++t.tp;
          ++doc_tally.tp;
          break;
        }
    }
    for (const NerItem& p : predicted) {
      ++result.categories[p.type].predicted;
      ++doc_tally.predicted;
    }
    // Name the errors: same words with another type, the same type on overlapping words, misses, spurious.
    for (size_t g = 0; g < gold.size(); ++g) {
      if (gold_used[g]) continue;
      std::string kind = "missed: " + gold[g].type;
      int paired = -1;
      for (size_t p = 0; p < predicted.size() && paired < 0; ++p)
        if (!pred_used[p] && predicted[p].begin == gold[g].begin && predicted[p].end == gold[g].end) {
          kind = "wrong type: " + gold[g].type + " as " + predicted[p].type;
          paired = static_cast<int>(p);
        }
      for (size_t p = 0; p < predicted.size() && paired < 0; ++p)
        if (!pred_used[p] && predicted[p].type == gold[g].type && predicted[p].begin < gold[g].end &&
            predicted[p].end > gold[g].begin) {
          kind = "wrong span: " + gold[g].type;
          paired = static_cast<int>(p);
        }
      if (paired >= 0) pred_used[static_cast<size_t>(paired)] = 2;
      ++result.errors[kind];
      if (verbose_for(options, di))
        log << name << " " << d.id << split_tag(di) << ": " << kind << "  gold='" << words(gold[g]) << "'"
            << (paired >= 0 ? "  predicted='" + predicted_words[static_cast<size_t>(paired)] + "'" : std::string())
            << "\n";
    }
    for (size_t p = 0; p < predicted.size(); ++p) {
      if (pred_used[p]) continue;
      ++result.errors["spurious: " + predicted[p].type];
      if (verbose_for(options, di))
        log << name << " " << d.id << split_tag(di) << ": spurious: " << predicted[p].type << "  predicted='"
            << predicted_words[p] << "'\n";
    }
    doc_tally.fn = doc_tally.gold - doc_tally.tp;
    doc_tally.fp = doc_tally.predicted - doc_tally.tp;
    result.total += doc_tally;
    result.categories[eval::split_category(di, "documents")] += doc_tally;
  }
  for (auto& [category, t] : result.categories) {
    t.fn = t.gold - t.tp;
    t.fp = t.predicted - t.tp;
  }
  result.seconds = seconds_since(t0);
  return result;
}

std::string today() {
  auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date::from_days(std::chrono::sys_days(now)).iso();
}

}  // namespace

std::optional<std::pair<size_t, size_t>> eval::gum_name(const std::vector<std::string_view>& words,
                                                        const std::string& type, const NameFinder* names) {
  size_t b = 0, e = words.size();
  if (names != nullptr) {
    while (b < e && names->is(NameCue::not_name, words[b])) ++b;
    if (type == "PER") {
      auto title = [&](size_t k) {
        return names->is(NameCue::title, words[k]) || names->is(NameCue::honorific, words[k]);
      };
      while (b < e && title(b)) ++b;
      // A title further in with a capitalised word after it: the name follows it ("Harbour Board Chairman Piet Dorn").
      for (size_t k = b; k + 1 < e; ++k)
        if (upper_initial(words[k]) && title(k) && upper_initial(words[k + 1])) b = k + 1;
      // "of" after two or more capitalised words: the person's party or firm follows, a nested mention.
      for (size_t k = b + 2; k < e; ++k)
        if (words[k] == "of" && upper_initial(words[k - 1]) && upper_initial(words[k - 2])) {
          e = k;
          break;
        }
    }
  }
  if (b >= e || !upper_initial(words[b]) || !upper_initial(words[e - 1])) return std::nullopt;
  for (size_t k = b; k < e; ++k) {
    if (upper_initial(words[k])) continue;
    if (names != nullptr && (names->is(NameCue::connector, words[k]) || names->is(NameCue::particle, words[k])))
      continue;
    return std::nullopt;
  }
  return std::pair{b, e};
}

std::vector<std::string> eval_suite_names() {
  return {"petrarch2", "udpetrarch", "udpetrarch-gsr", "plover", "india-police", "gum-news-ner", "wikigold-ner"};
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
  if (name == "gum-news-ner" || name == "wikigold-ner") return run_ner(name, options, cache, log);
  SuiteResult r;
  r.name = name;
  r.failed = true;
  r.failure =
      "unknown suite (known: petrarch2, udpetrarch, udpetrarch-gsr, plover, india-police, gum-news-ner, wikigold-ner)";
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
