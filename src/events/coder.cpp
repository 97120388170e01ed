// Design note: a fast clause-level coder without a full parser.
//
// Load time: every pattern is parsed and split into its anchored readings
// (pattern.cpp: one per way of reaching the first word; what follows the anchor
// stays a tree and is matched by backtracking, so "(a|b) to (c|d|e) * (f|g)"
// costs two readings, not twelve); readings "{S} verb [particles] {T} ..." also
// get a derived passive ("{T} was verb-ed [particles] by {S}"). Each reading is
// indexed by the lemma (or exact form) of its anchor word. Every lemma used
// by any pattern is inflected once (regular rules + data/lexicon irregulars,
// each form checked back through the Lemmatizer), giving one hash table from a
// word form to the pattern lemmas it can be; at run time a token costs one
// lookup.
//
// Per sentence:
//  1. Clauses: the sentence is cut at ; : and dashes, subordinators (if,
//     because, although, while, when, whether, unless ...), "that", relative
//     pronouns (who/which: the relative clause runs to the next comma and the
//     main clause resumes after it, with the antecedent as its subject), and
//     "and/but/or" between verb groups (a coordinated verb carries the previous
//     clause's subject). Appositions (", a top aide to Putin,") are dropped from
//     the clause so the real subject stays adjacent.
//  2. Matching: each token whose lemma anchors readings tries them forward over
//     the clause; slots take actor mentions (compounds "X and Y" absorbed);
//     "{S}" before the anchor is the clause subject (nearest actor mention
//     before the verb not governed by a preposition, else relative antecedent,
//     carried subject, or a pronoun/description resolved by recency). The
//     longest reading (most literal words) wins, ties to the longer code;
//     overlapping weaker matches are dropped.
//  3. Mode from the words between subject and anchor (negation > possibility >
//     expectation > happened), attribution from reporting verbs / "according
//     to", date from the clause's own time expression resolved by its tense,
//     location only from "in/at/near/outside + place" inside the same clause.
//
// Everything is index arithmetic over the text layer's tokens; no allocation
// per token beyond small per-sentence vectors.
#include "events/coder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iterator>
#include <optional>
#include <sstream>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "core/hash.h"
#include "core/unicode.h"
#include "events/clause_words.h"
#include "events/lemmatizer.h"
#include "events/pattern.h"
#include "knowledge/actor_words.h"
#include "knowledge/actors.h"
#include "knowledge/ethnic.h"
#include "knowledge/lexicon.h"
#include "knowledge/pairs.h"
#include "knowledge/tsv.h"
#include "temporal/temporal.h"

namespace dyad {

namespace {

// Closed-class words that open a noun phrase; a finite verb never comes right after one.
bool is_determiner(std::string_view w) {
  static constexpr std::array<std::string_view, 17> kDeterminers = {
      "the", "a",   "an", "this", "these", "those", "its",     "their", "his",
      "her", "our", "my", "your", "every", "each",  "another", "such"};
  return std::find(kDeterminers.begin(), kDeterminers.end(), w) != kDeterminers.end();
}

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Word-list membership. The lists are short and called per token: comparing length and
// first byte before the bytes skips the library compare for nearly every entry.
bool in(std::string_view w, std::initializer_list<std::string_view> set) {
  if (w.empty()) return std::find(set.begin(), set.end(), w) != set.end();
  for (std::string_view s : set)
    if (s.size() == w.size() && s[0] == w[0] && s == w) return true;
  return false;
}

const std::initializer_list<std::string_view> kAux = {
    "is",    "are",     "was",      "were",       "be",         "been",      "being", "am",     "has",
    "have",  "had",     "do",       "does",       "did",        "will",      "would", "shall",  "should",
    "may",   "might",   "can",      "could",      "must",       "'ll",       "'d",    "to",     "not",
    "never", "also",    "later",    "already",    "reportedly", "then",      "again", "cannot", "just",
    "still", "finally", "formally", "officially", "jointly",    "separately"};
const std::initializer_list<std::string_view> kBe = {"is",    "are", "was", "were", "be",   "been",
                                                     "being", "am",  "get", "got",  "gets", "gotten"};
const std::initializer_list<std::string_view> kPrepositions = {
    "in", "at", "to", "with", "from", "of", "by", "for", "on", "near", "against", "into", "toward", "towards", "about",
    "over", "between", "among", "outside", "inside", "through", "across", "after", "before", "during", "without",
    "like", "than", "under", "via", "per",
    // co-participants and circumstances: "met Y, alongside Z" makes Z no object and no list member
    "alongside", "beside", "besides", "amid", "amidst", "despite", "unlike", "except", "versus", "upon", "within"};
const std::initializer_list<std::string_view> kPlacePrepositions = {"in", "at", "near", "outside", "inside"};
const std::initializer_list<std::string_view> kSubordinators = {
    "if", "unless", "whether", "because", "although", "though", "whereas", "while", "when", "whenever", "once"};
const std::initializer_list<std::string_view> kCoordinators = {"and", "but", "or", "yet"};
// adverbs of degree: the next word is an adjective or adverb ("very close", "quite late"), no verb
// ("too" is not one: "India too condemned X" is its sense of "also", before a verb)
const std::initializer_list<std::string_view> kDegreeAdverbs = {"very", "quite", "extremely", "fairly"};
const std::initializer_list<std::string_view> kClauseBreaks = {";", ":", "—", "–", "--", "―"};
const std::initializer_list<std::string_view> kDeterminers = {"the", "a", "an", "his", "her", "its", "their", "our"};
const std::initializer_list<std::string_view> kSingularPronouns = {"he", "she", "him", "his", "her"};
const std::initializer_list<std::string_view> kPluralPronouns = {"they", "them", "their", "both"};

struct Compiled {
  AnchoredPattern ap;
  std::string code;
  std::string origin;
  std::string text;  // the pattern as written
  bool passive = false;
  bool dyadic = false;         // imported TABARI/PETRARCH pattern: coded only with a target
  bool compound = false;       // TABARI '%' subject: the members of a compound subject act on each other
  bool inaction = false;       // data/cameo/inaction.tsv: says the act was NOT done (coded negated)
  bool of_next = false;        // the rest may begin with the word "of" ("{S} warn of ...")
  bool flat = false;           // TABARI-style flat pattern: its words may match in a governed "that" clause
  std::string reverse_code;    // TABARI "[a:b]" without a written target: b codes target -> source
  std::string source_sectors;  // "{S:COP|MIL}": the source must be of one of these sectors ("COP|MIL")
  std::string target_sectors;  // "{T:GOV|ELI}": every target must be of one of these sectors
  // Set by finish() once the reading is complete (the matcher asks for them per try).
  PatternElement::Kind slot = PatternElement::Kind::gap;  // prefix_slot()
  bool intent = false;                                    // code 03x
  [[nodiscard]] PatternElement::Kind prefix_slot() const { return slot; }
  void finish() {
    // the slot nearest before the anchor decides who the clause subject is
    slot = PatternElement::Kind::gap;
    for (size_t i = ap.prefix.size(); i-- > 0;)
      if (ap.prefix[i].is_slot()) {
        slot = ap.prefix[i].kind;
        break;
      }
    intent = code.compare(0, 2, "03") == 0;
  }
};

struct Discard {
  std::vector<std::string> words;
  std::string code;
  std::string origin;
};

// Per-token facts for one sentence.
struct Tok {
  std::string_view norm;
  const std::vector<int32_t>* lemmas = nullptr;  // pattern lemmas this form can be
  int32_t mention = -1;                          // covering actor/place mention
  bool mention_start = false;
  bool past = false;
  bool participle = false;
  bool punct = false;
  bool removed = false;  // left out by PETRARCH's comma-clause rule (CodeOptions::remove_comma_clauses)
};

struct Clause {
  std::vector<uint32_t> toks;  // absolute token indexes
  int32_t antecedent = -1;     // mention a relative "who" refers to
  int32_t parent = -1;
  bool carry = false;            // coordinated verb: subject of the previous clause
  bool conditional = false;      // if / unless / whether
  std::string_view opener;       // the subordinator that opened it ("when", "while", ...)
  int32_t complement_of = -1;    // opened by "that": the clause whose verb governs it
  std::vector<int32_t> subject;  // resolved subject mentions
  std::string subject_how;
  size_t goes_on_at = SIZE_MAX;  // a "who" clause: position of the comma it took with its participle
};

struct Match {
  const Compiled* pat = nullptr;
  size_t anchor_pos = 0;  // clause position
  size_t first_pos = 0;
  size_t end_pos = 0;   // one past
  size_t literals = 0;  // literal words of the matched path
  // Imported TABARI/PETRARCH pattern whose anchor word is the token as written ("left"
  // for "left"), not a lemma reached by inflection ("leave" for "left"): TABARI writes a
  // headword as the form itself for a sense of its own, the more specific reading of a tie.
  bool anchor_as_written = false;
  std::vector<int32_t> sources, targets;
  std::string source_how, target_how;
  bool from_context = false;         // nominal event whose clause names no actor: actors from the discourse
  bool source_from_context = false;  // "the planned visit to Harbin": target named, the guest from the discourse
  const std::string* implicit_agent = nullptr;  // agentless passive: sector standing in as source
  bool comma_participle = false;                // ", killing ...": doer taken from the main clause (participle_doer)
  // Called off (data/cameo/cancellations.tsv): clause position of the cancellation phrase's
  // first word ("cancelled" in "X cancelled a visit to Y", "called" in "... was called off").
  size_t cancel_pos = SIZE_MAX;
  bool cancel_negated = false;  // "did not cancel the visit", "has not been called off"
  bool cancel_hedged = false;   // "the visit could be cancelled"
  // The object is "each other" / "one another" (in the {T} slot or right after the match): the
  // members of the compound subject act on each other ("A and B accused each other of ...").
  bool each_other = false;
};

struct Speech {
  uint32_t verb = 0;  // token of the reporting verb
  int32_t speaker = -1;
  bool content_after = true;  // "X said (that) ..." vs "..., X said"
  uint32_t speaker_first = 0;
};

std::string hex16(uint64_t v) {
  std::array<char, 17> buf{};
  std::snprintf(buf.data(), buf.size(), "%016llx", static_cast<unsigned long long>(v));
  return std::string(buf.data(), 16);
}

}  // namespace

struct EventCoder::Impl {
  Codebook codebook;
  Lemmatizer lemmatizer;
  std::vector<Compiled> patterns;
  // Prefilter, by pattern index: the lemma ids that every reading of the pattern's rest (after
  // the anchor) needs, sorted and unique, as a range of `required_ids`. A clause that lacks one
  // of them after the anchor cannot match, so the pattern is not tried there (the FilteredRE2
  // idea: cheap necessary atoms before the real matcher). Kept apart from the patterns so the
  // thousands of readings rejected per article read a few dense bytes each.
  struct Prefilter {
    uint32_t begin = 0, end = 0;  // in required_ids
    bool flat = false;            // Compiled::flat
  };
  std::vector<Prefilter> prefilter;
  std::vector<int32_t> required_ids;
  StringMap<int32_t> lemma_ids;
  StringMap<std::vector<int32_t>> forms;  // word form -> lemma ids
  std::vector<std::vector<uint32_t>> by_lemma;
  StringMap<std::vector<uint32_t>> by_exact;
  std::vector<bool> anchor_lemma;  // lemma id anchors some pattern
  bool any_flat = false;           // some pattern is flat (VerbPatternSpec::flat)
  std::vector<Discard> discards;
  // data/cameo/reciprocal.tsv: codes that, with a compound source and no target,
  // mean each side acts on the other.
  StringSet reciprocal;
  // data/cameo/reporting.tsv: lemmas of verbs that report a statement ("say", "warn", "concede").
  StringSet reporting_lemmas;
  // ... of these, those whose direct object is the one told ("tell", "warn"; column hearer).
  StringSet reporting_hearer_object;
  // data/cameo/implicit_agents.tsv: code -> sector standing in for the doer of an agentless
  // passive ("were arrested" -> COP); empty with --no-default-dictionaries.
  StringMap<std::string> implicit_agents;
  // data/cameo/referents.tsv: "of the meeting", "during the visit" -> the codes referred to.
  StringMap<std::vector<std::string>> referents;
  // data/cameo/cancellations.tsv: "call off", "cancel", "cancellation of" (longest first).
  std::vector<CancellationPhrase> cancellations;
  // data/cameo/requests.tsv: "urge", "call on", "appeal to" (as lemma words).
  std::vector<std::vector<std::string>> request_verbs;
  // data/cameo/particle_senses.tsv: "hold back", "hold at bay": a verb lemma and the words that,
  // right after a reading's last element, give the verb another sense ("held the crowd back").
  std::vector<std::vector<std::string>> particle_senses;
  // data/knowledge/pair_nouns.tsv: "the two leaders", "both sides" name the pair named before.
  NounList pair_nouns;
  // data/knowledge/count_nouns.tsv: "dozens of", "companies of": the "of" after them governs nothing.
  NounList count_nouns;
  // data/knowledge/person_nouns.tsv: "man", "people": people of no kind after a count ("killing one man").
  NounList person_nouns;
  // data/knowledge/unit_nouns.tsv: "a patrol", "a squad": a force's own unit as a reported subject.
  NounList unit_nouns;
  // data/knowledge/ethnic_groups.tsv: "Bosnian Serbs" are Bosnian people of the Serb group.
  EthnicGroups ethnic_groups;
  // data/knowledge/actor_words.tsv: position words before a place ("central"), sectors of no country.
  ActorWords actor_words;
  // data/cameo/clause_words.tsv: no-one words, aid prepositions, habit adverbs.
  ClauseWords clause_words;
  // data/temporal/recurrence.tsv: the words that make a time recurring ("every", "weekly").
  RecurrenceWords recurrence;
  // Codes of imported dictionaries that the CAMEO codebook lacks, each scored
  // like its nearest CAMEO ancestor ("1951" like "195"), or unscored.
  std::unordered_map<std::string, CameoEntry> foreign_codes;

  [[nodiscard]] const CameoEntry* entry(const std::string& code) const {
    if (const CameoEntry* ce = codebook.find(code)) return ce;
    auto it = foreign_codes.find(code);
    return it == foreign_codes.end() ? nullptr : &it->second;
  }

  int32_t lemma_id(const std::string& w) {
    auto [it, fresh] = lemma_ids.try_emplace(w, static_cast<int32_t>(lemma_ids.size()));
    if (fresh) {
      by_lemma.emplace_back();
      anchor_lemma.push_back(false);
    }
    return it->second;
  }
  void add_form(const std::string& form, int32_t id) {
    auto& v = forms[form];
    if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
    // "re-open", "re-imposed", "re-establishing": the prefix "re" before a vowel is written
    // with or without a hyphen, so each form of a lemma "re" + vowel ... is also one with the
    // hyphen (a pattern writes the word once). Not before a consonant: "re-sign" and "re-form"
    // are not "resign" and "reform".
    if (form.size() >= 5 && form.compare(0, 2, "re") == 0 &&
        (form[2] == 'a' || form[2] == 'e' || form[2] == 'i' || form[2] == 'o' || form[2] == 'u')) {
      auto& h = forms["re-" + form.substr(2)];
      if (std::find(h.begin(), h.end(), id) == h.end()) h.push_back(id);
    }
  }
  void inflect(const std::string& lemma, int32_t id);
  // `inaction`: a row of data/cameo/inaction.tsv, whose matches are coded negated.
  Status add(const VerbPatternSpec& spec, bool inaction = false);

  struct Trace {
    std::string id;
    std::string text;
  };
  void run(const Document& doc, std::vector<Event>& out, std::vector<Trace>* trace,
           const CodeOptions& options = {}) const;
};

void EventCoder::Impl::inflect(const std::string& l, int32_t id) {
  add_form(l, id);
  for (const auto& f : lemmatizer.irregular_forms(l)) add_form(f, id);
  if (l.size() < 2) return;
  std::vector<std::string> gen;
  const char last = l.back();
  const char prev = l[l.size() - 2];
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  gen.push_back(l + "s");
  gen.push_back(l + "es");
  gen.push_back(l + "ed");
  gen.push_back(l + "ing");
  if (last == 'e') {
    gen.push_back(l + "d");
    gen.push_back(l.substr(0, l.size() - 1) + "ing");
  }
  if (last == 'y' && !vowel(prev)) {
    gen.push_back(l.substr(0, l.size() - 1) + "ies");
    gen.push_back(l.substr(0, l.size() - 1) + "ied");
  }
  if (!vowel(last) && vowel(prev) && last != 'w' && last != 'x' && last != 'y') {
    gen.push_back(l + last + "ed");
    gen.push_back(l + last + "ing");
  }
  for (auto& f : gen) {
    auto c = lemmatizer.candidates(f);
    if (std::find(c.begin(), c.end(), l) != c.end()) add_form(f, id);
  }
}

namespace {

// Lemma ids that every way of reading `seq` (a sequence) must match: a sequence needs what
// any of its parts needs; alternatives need what all of their branches need; an optional
// part needs nothing. Exact forms and slots are not lemmas and add nothing.
// Appends what `seq` needs to `out` (unsorted, with repeats); only alternatives build sets.
void append_required_lemmas(const std::vector<PatternNode>& seq, std::vector<int32_t>& out);

std::vector<int32_t> required_lemmas(const std::vector<PatternNode>& seq) {
  std::vector<int32_t> out;
  append_required_lemmas(seq, out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void append_required_lemmas(const std::vector<PatternNode>& seq, std::vector<int32_t>& out) {
  for (const PatternNode& n : seq) {
    switch (n.kind) {
      case PatternNode::Kind::element:
        if (n.element.kind == PatternElement::Kind::lemma) out.push_back(n.element.id);
        break;
      case PatternNode::Kind::sequence:
        append_required_lemmas(n.children, out);
        break;
      case PatternNode::Kind::alternatives: {
        std::vector<int32_t> all;
        for (size_t i = 0; i < n.children.size(); ++i) {
          std::vector<int32_t> branch = required_lemmas(n.children[i].children);
          if (i == 0) {
            all = std::move(branch);
          } else {
            std::vector<int32_t> both;
            std::set_intersection(all.begin(), all.end(), branch.begin(), branch.end(), std::back_inserter(both));
            all = std::move(both);
          }
          if (all.empty()) break;  // nothing more can be common to every branch
        }
        out.insert(out.end(), all.begin(), all.end());
        break;
      }
      case PatternNode::Kind::optional:
        break;
    }
  }
}

}  // namespace

namespace {
// An optional part that holds nothing but the target slot: the "[{T}]" closing a bare verb.
bool optional_target_only(const PatternNode& n) {
  if (n.kind != PatternNode::Kind::optional || n.children.size() != 1) return false;
  const PatternNode* x = &n.children[0];
  if (x->kind == PatternNode::Kind::sequence) {
    if (x->children.size() != 1) return false;
    x = &x->children[0];
  }
  return x->kind == PatternNode::Kind::element && x->element.kind == PatternElement::Kind::target;
}

// The sectors of a "{S:COP|MIL}" slot (or of a "{T:GOV}" slot, `slot` target), before the anchor or
// anywhere in the rest ("arrest of {T} by {S:COP}"); empty when the slot has none.
std::string slot_sectors(const std::vector<PatternElement>& prefix, const std::vector<PatternNode>& rest,
                         PatternElement::Kind slot = PatternElement::Kind::source) {
  for (const PatternElement& e : prefix)
    if (e.kind == slot && !e.word.empty()) return e.word;
  std::function<std::string(const PatternNode&)> in_node = [&](const PatternNode& n) -> std::string {
    if (n.kind == PatternNode::Kind::element) return n.element.kind == slot ? n.element.word : std::string();
    for (const PatternNode& x : n.children)
      if (auto w = in_node(x); !w.empty()) return w;
    return {};
  };
  for (const PatternNode& n : rest)
    if (auto w = in_node(n); !w.empty()) return w;
  return {};
}

// Whether the sequence from node i may begin with the word w (through groups and optional parts).
bool may_begin_with(const std::vector<PatternNode>& seq, size_t i, std::string_view w) {
  if (i >= seq.size()) return false;
  const PatternNode& n = seq[i];
  switch (n.kind) {
    case PatternNode::Kind::element:
      return n.element.is_word() && n.element.word == w;
    case PatternNode::Kind::sequence:
      return n.children.empty() ? may_begin_with(seq, i + 1, w) : may_begin_with(n.children, 0, w);
    case PatternNode::Kind::alternatives:
      for (const PatternNode& a : n.children)
        if (a.kind == PatternNode::Kind::element ? a.element.is_word() && a.element.word == w
                                                 : may_begin_with(a.children, 0, w))
          return true;
      return false;
    case PatternNode::Kind::optional:
      return may_begin_with(n.children, 0, w) || may_begin_with(seq, i + 1, w);
  }
  return false;
}
}  // namespace

Status EventCoder::Impl::add(const VerbPatternSpec& spec, bool inaction) {
  for (const std::string* code : {&spec.code, &spec.reverse_code}) {
    if ((code == &spec.reverse_code && code->empty()) || codebook.valid(*code)) continue;
    if (!spec.foreign_codes)
      return pattern_error(spec.origin, "event code '" + *code + "' is not in the CAMEO codebook");
    if (foreign_codes.find(*code) == foreign_codes.end()) {
      CameoEntry e;
      for (std::string parent = *code; parent.size() > 2;) {
        parent.pop_back();
        if (const CameoEntry* p = codebook.find(parent)) {
          e = *p;
          break;
        }
      }
      e.code = *code;
      e.name = "not in CAMEO (imported from " + spec.origin + ")";
      foreign_codes.emplace(*code, std::move(e));
    }
  }
  // Lemma ids are given on the parsed tree before it is split into readings (one probe per
  // lemma node, not per node of every reading); readings that reach the same rest share it,
  // its prefilter set and its passive form.
  const LemmaIds ids = [this](const std::string& w) {
    const size_t known = lemma_ids.size();  // a new lemma grows the map: one probe, not two
    const int32_t id = lemma_id(w);
    if (lemma_ids.size() != known) inflect(w, id);
    return id;
  };
  auto readings = anchor_pattern(spec, ids);
  if (!readings.ok()) return readings.error();
  struct PerRest {
    const std::vector<PatternNode>* rest;
    std::vector<int32_t> required;
    PatternRest passive;  // the rest without its target, when the reading has a derived passive
  };
  std::vector<PerRest> per_rest;  // few per pattern: a linear search
  for (auto& ap : readings.value()) {
    Compiled c;
    c.code = spec.code;
    c.origin = spec.origin;
    c.text = spec.pattern;
    c.dyadic = spec.foreign_codes;
    c.compound = spec.compound_source;
    c.inaction = inaction;
    c.reverse_code = spec.reverse_code;
    c.flat = spec.flat;
    any_flat = any_flat || spec.flat;
    c.ap = std::move(ap);
    const auto& r = *c.ap.rest;
    c.source_sectors = slot_sectors(c.ap.prefix, r);
    c.target_sectors = slot_sectors(c.ap.prefix, r, PatternElement::Kind::target);
    auto shared = std::find_if(per_rest.begin(), per_rest.end(), [&r](const PerRest& x) { return x.rest == &r; });
    if (shared == per_rest.end()) shared = per_rest.insert(per_rest.end(), PerRest{&r, required_lemmas(r), nullptr});
    c.of_next = may_begin_with(r, 0, "of");
    // derived passive: "{S} verb [words] {T} rest" -> "{T} verb-ed [words] rest [by {S}]"
    std::optional<Compiled> passive;
    if (c.ap.prefix.size() == 1 && c.ap.prefix[0].kind == PatternElement::Kind::source &&
        c.ap.anchor.kind == PatternElement::Kind::lemma) {
      size_t t = 0;
      while (t < r.size() && r[t].kind == PatternNode::Kind::element && r[t].element.is_word()) ++t;
      if (t < r.size() && (r[t].kind == PatternNode::Kind::element ? r[t].element.kind == PatternElement::Kind::target
                                                                   : t + 1 == r.size() && optional_target_only(r[t]))) {
        // "{S} oppose {T}" and the bare verb "{S} oppose [{T}]" alike: "{T} was opposed [by {S}]"
        if (!shared->passive) {
          auto without = std::make_shared<std::vector<PatternNode>>(r);
          without->erase(without->begin() + static_cast<std::ptrdiff_t>(t));
          shared->passive = std::move(without);
        }
        Compiled p = c;
        p.passive = true;
        p.ap.prefix[0].kind = PatternElement::Kind::target;
        p.ap.prefix[0].word.clear();  // the sectors stay with the source ("by {S}": source_sectors)
        p.ap.rest = shared->passive;
        passive = std::move(p);
      }
    }
    for (Compiled* x : {&c, passive ? &*passive : nullptr}) {
      if (x == nullptr) continue;
      x->finish();
      const auto idx = static_cast<uint32_t>(patterns.size());
      if (x->ap.anchor.kind == PatternElement::Kind::lemma) {
        by_lemma[static_cast<size_t>(x->ap.anchor.id)].push_back(idx);
        anchor_lemma[static_cast<size_t>(x->ap.anchor.id)] = true;
      } else {
        by_exact[x->ap.anchor.word].push_back(idx);
      }
      const auto req_begin = static_cast<uint32_t>(required_ids.size());
      required_ids.insert(required_ids.end(), shared->required.begin(), shared->required.end());
      prefilter.push_back({req_begin, static_cast<uint32_t>(required_ids.size()), x->flat});
      patterns.push_back(std::move(*x));
    }
  }
  return {};
}

// ---------------------------------------------------------------------------
// Per-document work

namespace {

class DocCoder {
 public:
  DocCoder(const EventCoder::Impl& k, const Document& doc, std::vector<Event>& out,
           std::vector<EventCoder::Impl::Trace>* trace, const CodeOptions& options)
      : k_(k), doc_(doc), out_(out), trace_(trace), options_(options) {
    cover_.assign(doc.text.tokens.size(), -1);
    for (size_t m = 0; m < doc.mentions.size(); ++m) {
      const Mention& mm = doc.mentions[m];
      for (uint32_t t = mm.first_token; t < mm.token_end && t < cover_.size(); ++t) cover_[t] = static_cast<int32_t>(m);
    }
  }

  void run() {
    for (uint32_t si = 0; si < doc_.text.sentences.size(); ++si) {
      const Sentence& s = doc_.text.sentences[si];
      if (!s.codable() || s.token_count == 0) continue;
      sentence(si);
    }
  }

 private:
  const EventCoder::Impl& k_;
  const Document& doc_;
  std::vector<Event>& out_;
  std::vector<EventCoder::Impl::Trace>* trace_;
  CodeOptions options_;
  std::vector<int32_t> cover_;
  std::vector<Tok> toks_;  // indexed by token - sentence first_token
  uint32_t base_ = 0;
  uint32_t end_ = 0;                // one past the sentence's last token
  std::vector<int32_t> last_pair_;  // last compound subject, for "the two leaders"
  // Agent mentions that stand for their sector in each country of a list after of/in/from
  // ("the ambassadors of A, B and C"): mention -> country codes (this sentence's).
  std::vector<std::pair<int32_t, std::vector<std::string>>> spread_;
  mutable std::vector<TimeExpression> times_;  // this sentence's, found on first use (times())
  mutable bool times_done_ = false;
  uint32_t sentence_ = 0;
  std::vector<size_t> report_statements_;            // out_ indexes of this sentence's reporting-verb statements
  const std::vector<Clause>* clauses_ = nullptr;     // the sentence's clauses while they are coded
  const std::vector<Speech>* speech_ = nullptr;      // the sentence's speakers while its clauses are coded
  size_t clause_index_ = 0;                          // the clause being coded
  std::vector<std::pair<size_t, size_t>> coded_by_;  // this sentence: out_ range of each clause (reused)
  std::vector<bool> requested_;                      // this sentence: clauses whose acts were asked for (reused)
  // "X said Y must ...": (clause, text offset of "must") after which acts were asked for
  std::vector<std::pair<size_t, uint32_t>> requested_from_;
  std::vector<uint32_t> commas_;            // this sentence: delimiting commas (reused)
  std::vector<std::string> condition_ids_;  // this sentence: ids of events coded in if/unless clauses
  // this sentence, per clause: words before this token were taken by a flat match of the
  // governing clause (code_clause); 0: none (reused)
  std::vector<uint32_t> flat_taken_;
  // New actors (CodeOptions::new_actor_length): mentions made for this sentence's unknown
  // noun phrases, numbered after doc_.mentions (index doc_.mentions.size() + i).
  std::vector<Mention> new_actors_;

  const Mention& mention_at(int32_t m) const {
    const size_t i = static_cast<size_t>(m);
    return i < doc_.mentions.size() ? doc_.mentions[i] : new_actors_[i - doc_.mentions.size()];
  }

  const Tok& tok(uint32_t t) const { return toks_[t - base_]; }
  std::string_view norm(uint32_t t) const { return tok(t).norm; }

  bool actor_mention(int32_t m) const {
    if (m < 0) return false;
    const Mention& mm = mention_at(m);
    if (mm.kind == MentionKind::location) return false;
    return !actor_of(m).code.empty();
  }
  // A mention usable for {T}: an actor, or a place standing for its country.
  bool target_mention(int32_t m) const { return m >= 0 && !actor_of(m).code.empty(); }

  Actor actor_of(int32_t m) const {
    const Mention& mm = mention_at(m);
    Actor a = mm.actor;
    if (a.code.empty() && mm.entity >= 0 && static_cast<size_t>(mm.entity) < doc_.entities.size())
      a.code = doc_.entities[static_cast<size_t>(mm.entity)].code;
    if (a.code.empty() && mm.place && !mm.place->country.empty()) {
      a.code = mm.place->country;
      a.country = mm.place->country;
      if (a.canonical.empty()) a.canonical = mm.place->name;
    }
    if (a.text.empty()) a.text = std::string(mm.span.of(doc_.article.text));
    if (a.span.empty()) a.span = mm.span;
    // Agent composition: "Kenyan Prime Minister Otieno" where the title chain is one
    // mention (BREGOV) and the name another whose code is the bare country (BRE): the
    // title gives the name its sector.
    if (a.code.size() == 3 && m > 0 && mm.kind != MentionKind::agent) {
      const Mention& pm = mention_at(m - 1);
      if (pm.token_end == mm.first_token && pm.sentence == mm.sentence && pm.kind == MentionKind::agent) {
        if (pm.actor.code.size() > 3 && pm.actor.code.compare(0, 3, a.code) == 0) {
          a.code = pm.actor.code;
          a.sector = pm.actor.sector;
          if (a.country.empty()) a.country = pm.actor.country;
        } else if (pm.actor.country.empty() && pm.actor.code.size() == 3) {
          title_of_possessor(m - 1, a);
        }
      }
    }
    // An organisation's officer: a person named by a bare title right after an organisation's name
    // ("NATO Secretary General X", "Arab League spokesman X") holds that organisation's office, not
    // the office of the article's context country the bare title would give (docs/entities.md).
    if (mm.kind == MentionKind::person && m > 0 && mm.rule.starts_with("agents.tsv:")) {
      const Mention& pm = mention_at(m - 1);
      // not an organisation that is the object of a verb of saying or of an -ing form before it while the
      // person is the subject of the verb right after the name ("told Reuters President X would ...", "days
      // after joining NATO Prime Minister X visited ...", "since leaving the EU Prime Minister X has ..."):
      // the organisation and the title are then two phrases. After a preposition or another verb, or with
      // no verb after the name, they are one ("a statement by NATO spokeswoman X", "met NATO spokeswoman X",
      // "..., said NATO spokeswoman X, who ...", "including NATO spokeswoman X", "told NATO's chief X that").
      const auto object = [&] {
        uint32_t before = pm.first_token;
        const Sentence& sentence = doc_.text.sentences[pm.sentence];
        auto word_at = [&](uint32_t t) { return doc_.text.norm(doc_.text.tokens[t]); };
        if (before > sentence.first_token && word_at(before - 1) == "the") --before;
        if (before == sentence.first_token || mm.token_end >= sentence.first_token + sentence.token_count) return false;
        const std::string_view w = word_at(before - 1);
        if (in(w, kPrepositions)) return false;
        // the name's words the mention left out ("President" + "Ruto") are still the name's
        const uint32_t sentence_end = sentence.first_token + sentence.token_count;
        uint32_t after = mm.token_end;
        while (after + 1 < sentence_end) {
          const std::string_view raw = doc_.text.tokens[after].span.of(doc_.article.text);
          if (raw.empty() || raw[0] < 'A' || raw[0] > 'Z') break;
          ++after;
        }
        const std::string_view next = word_at(after);
        const bool verb_after =
            finite_auxiliary(next) || (k_.lemmatizer.is_past_form(next) && !in(next, kPrepositions));
        if (!verb_after) return false;
        if (w.size() > 4 && ends_with(w, "ing")) return true;
        for (const auto& l : k_.lemmatizer.candidates(w))
          if (k_.reporting_lemmas.count(l) != 0) return true;
        return false;
      };
      if (pm.token_end == mm.first_token && pm.sentence == mm.sentence && pm.kind == MentionKind::organization &&
          !pm.actor.code.empty() && !object()) {
        const std::string sector = a.sector.size() == 3 && a.code.ends_with(a.sector) ? a.sector : std::string();
        // the organisation's code may hold the sector already ("Reuters correspondent": GBRMEDREU)
        bool held = sector.empty();
        for (size_t i = 0; !held && i + 3 <= pm.actor.code.size(); i += 3)
          held = pm.actor.code.compare(i, 3, sector) == 0;
        a.code = pm.actor.code + (held ? std::string() : sector);
        a.country = pm.actor.country;
      }
    }
    // An ethnic group of another state: a demonym of data/knowledge/ethnic_groups.tsv right after
    // a country word of another country ("Bosnian Serbs", "Kosovo Albanians", "Bosnian Serb
    // leader X") names people of the first country who belong to the group, not its kin state.
    if (a.country.size() == 3 && m > 0) {
      const Mention& pm = mention_at(m - 1);
      if (pm.sentence == mm.sentence && pm.token_end == mm.first_token &&
          (pm.kind == MentionKind::country || pm.kind == MentionKind::location) &&
          k_.ethnic_groups.kin_state(doc_.text.norm(doc_.text.tokens[mm.first_token])) == a.country) {
        const Actor pa = actor_of(m - 1);
        if (pa.country.size() == 3 && pa.country != a.country) {
          if (a.code.compare(0, 3, a.country) == 0) a.code = pa.country + a.code.substr(3);
          a.country = pa.country;
        }
      }
    }
    // "ethnic Albanians ... in Serbia": the group named by "ethnic" and a listed demonym lives in
    // the state the sentence places it in (the first place mention after "in", at most one plain
    // word between: "in south Serbia"), not in its kin state; with no such place it keeps the
    // demonym's country.
    // So does the group followed by "of"/"in" and a place, one plain word between at most ("the
    // Serbs of northern Kosovo", "Hungarians in Slovakia"): the group of that state.
    bool group_of_place = false;
    if (a.country.size() == 3 && mm.token_end < doc_.text.tokens.size() &&
        in(doc_.text.norm(doc_.text.tokens[mm.token_end]), {"of", "in"}) &&
        k_.ethnic_groups.kin_state(doc_.text.norm(doc_.text.tokens[mm.token_end - 1])) == a.country) {
      for (int32_t q = m + 1; static_cast<size_t>(q) < doc_.mentions.size(); ++q) {
        const Mention& qm = mention_at(q);
        if (qm.sentence != mm.sentence || qm.first_token > mm.token_end + 3) break;
        if (qm.kind != MentionKind::country && qm.kind != MentionKind::location) break;
        bool plain = true;
        for (uint32_t t = mm.token_end + 1; t < qm.first_token && plain; ++t) {
          const std::string_view raw = doc_.text.tokens[t].span.of(doc_.article.text);
          plain = cover_[t] < 0 && !raw.empty() &&
                  std::all_of(raw.begin(), raw.end(), [](char c) { return c >= 'a' && c <= 'z'; });
        }
        group_of_place = plain;
        break;
      }
    }
    if (a.country.size() == 3 &&
        (group_of_place || (mm.first_token > 0 && doc_.text.norm(doc_.text.tokens[mm.first_token - 1]) == "ethnic")) &&
        k_.ethnic_groups.kin_state(
            doc_.text.norm(doc_.text.tokens[group_of_place ? mm.token_end - 1 : mm.first_token])) == a.country) {
      const Sentence& st = doc_.text.sentences[mm.sentence];
      const uint32_t se = st.first_token + st.token_count;
      for (int32_t q = m + 1; static_cast<size_t>(q) < doc_.mentions.size(); ++q) {
        const Mention& qm = mention_at(q);
        // within the group's own clause: no comma or semicolon before the place, at most eight words
        // after the group ("ethnic Albanians attacked police, officials in Belgrade said" keeps ALB's kin)
        if (qm.sentence != mm.sentence || qm.first_token >= se || qm.first_token > mm.token_end + 8) break;
        bool boundary = false;
        for (uint32_t t = mm.token_end; t < qm.first_token && !boundary; ++t) {
          const std::string_view w = doc_.text.norm(doc_.text.tokens[t]);
          boundary = w == "," || w == ";";
        }
        if (boundary) break;
        if (qm.kind != MentionKind::country && qm.kind != MentionKind::location) continue;
        const uint32_t f = qm.first_token;
        const auto prep = [&](uint32_t t) {
          const std::string_view w = doc_.text.norm(doc_.text.tokens[t]);
          return w == "in" || (group_of_place && w == "of");
        };
        const bool after_in = (f >= 1 && prep(f - 1)) || (f >= 2 && prep(f - 2) && cover_[f - 1] < 0);
        if (!after_in) continue;
        const Actor qa = actor_of(q);
        if (qa.country.size() == 3 && qa.country != a.country) {
          if (a.code.compare(0, 3, a.country) == 0) a.code = qa.country + a.code.substr(3);
          a.country = qa.country;
        }
        break;
      }
    }
    // Possessive composition: a bare agent with no country right after a possessive actor of
    // a country, at most three lower-case words between, is that country's agent ("Putin's top
    // aides" -> RUSGOV, "China's officials" -> CHNGOV).
    if (mm.kind == MentionKind::agent && a.country.empty() && a.code.size() == 3 && m > 0) {
      const Mention& pm = mention_at(m - 1);
      if (pm.sentence == mm.sentence && pm.token_end <= mm.first_token && pm.token_end > pm.first_token) {
        const auto nt = [&](uint32_t t) { return doc_.text.norm(doc_.text.tokens[t]); };
        uint32_t j = pm.token_end;
        bool poss = ends_with(nt(j - 1), "'s") || ends_with(nt(j - 1), "s'");
        if (!poss && j < mm.first_token && in(nt(j), {"'s", "'"})) {
          poss = true;
          ++j;
        }
        bool lower = poss && mm.first_token - j <= 3;
        for (uint32_t t = j; lower && t < mm.first_token; ++t) {
          const std::string_view raw = doc_.text.tokens[t].span.of(doc_.article.text);
          lower = !raw.empty() &&
                  std::all_of(raw.begin(), raw.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
          // a capitalised word of the title the dictionary lacks ("Russia's first Deputy Prime
          // Minister"): a plain word, no function word, right before the agent or another such word
          if (!lower && !raw.empty() && raw[0] >= 'A' && raw[0] <= 'Z' && mm.first_token - t <= 2 &&
              std::all_of(raw.begin() + 1, raw.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
              !is_determiner(nt(t)) && !in(nt(t), {"and", "or", "of", "the"}))
            lower = true;
        }
        if (lower) {
          const Actor pa = actor_of(m - 1);
          const std::string c = !pa.country.empty()                                      ? pa.country
                                : pm.kind == MentionKind::country && pa.code.size() == 3 ? pa.code
                                                                                         : std::string();
          if (c.size() == 3 && pm.kind != MentionKind::agent) {
            a.code = c + a.code;
            a.country = c;
          }
        }
      }
    }
    // A country word, one or two lower-case modifiers and a bare agent ("Nigerian junior foreign
    // minister", "Kenyan senior police officers"): one noun phrase; the agent is of that country,
    // and so is a person named by such a title with no country ("... foreign minister X").
    if ((mm.kind == MentionKind::agent || (mm.kind == MentionKind::person && a.code == a.sector)) &&
        a.country.empty() && a.code.size() == 3 && m > 0) {
      const Mention& pm = mention_at(m - 1);
      const uint32_t gap = mm.first_token - pm.token_end;
      if (pm.sentence == mm.sentence && pm.kind == MentionKind::country && pm.token_end < mm.first_token && gap <= 2) {
        bool plain = true;
        for (uint32_t t = pm.token_end; t < mm.first_token && plain; ++t) {
          const std::string_view raw = doc_.text.tokens[t].span.of(doc_.article.text);
          const std::string_view w = doc_.text.norm(doc_.text.tokens[t]);
          plain = cover_[t] < 0 && !raw.empty() &&
                  std::all_of(raw.begin(), raw.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; }) &&
                  !is_determiner(w) && !in(w, kPrepositions) && !in(w, kAux) && !in(w, kCoordinators) &&
                  !in(w, kSubordinators) && !in(w, {"said", "says", "that", "who", "which"}) &&
                  !k_.lemmatizer.is_past_form(w) && !present_verb(t, w);
        }
        const Actor pa = plain ? actor_of(m - 1) : Actor{};
        if (plain && pa.code.size() == 3 && pa.country.size() <= 3) {
          const std::string c = pa.country.empty() ? pa.code : pa.country;
          a.code = c + a.code;
          a.country = c;
        }
      }
    }
    // A country's agents joined by "and" ("Danish media and government", "the Russian army and
    // navy"): a bare agent right after "and" and an agent of a country is of that country.
    if (mm.kind == MentionKind::agent && a.country.empty() && a.code.size() == 3 && m > 0) {
      const Mention& pm = mention_at(m - 1);
      if (pm.sentence == mm.sentence && pm.kind == MentionKind::agent && pm.token_end + 1 == mm.first_token &&
          doc_.text.norm(doc_.text.tokens[pm.token_end]) == "and") {
        const Actor pa = actor_of(m - 1);
        if (pa.country.size() == 3 && pa.code.size() > 3 && pa.code.compare(0, 3, pa.country) == 0) {
          a.code = pa.country + a.code;
          a.country = pa.country;
        }
      }
    }
    // "Russia said its troops ...", "the Serbs said their forces ...": a bare agent right after
    // "its"/"their" belongs to the nearest actor of a country before it in the sentence.
    if (mm.kind == MentionKind::agent && a.country.empty() && a.code.size() == 3 && mm.first_token > 0 &&
        in(doc_.text.norm(doc_.text.tokens[mm.first_token - 1]), {"its", "their"})) {
      for (int32_t q = m - 1; q >= 0; --q) {
        const Mention& pm = mention_at(q);
        if (pm.sentence != mm.sentence) break;
        if (pm.kind == MentionKind::location) continue;
        if (inside_apposition(pm, mm.first_token)) continue;  // "X, a close U.S. ally, urged its citizens"
        const Actor pa = actor_of(q);
        if (pa.country.size() != 3) continue;
        a.code = pa.country + a.code;
        a.country = pa.country;
        break;
      }
    }
    // A country word before two plural nouns joined by "and" reaches over both ("Israeli
    // helicopters and tanks", "Syrian gunboats and troops"): the first noun is no actor word,
    // the second is a bare agent.
    if (mm.kind == MentionKind::agent && a.country.empty() && a.code.size() == 3 && m > 0) {
      const Mention& pm = mention_at(m - 1);
      if (pm.sentence == mm.sentence && pm.kind == MentionKind::country && pm.token_end + 2 == mm.first_token &&
          doc_.text.norm(doc_.text.tokens[pm.token_end + 1]) == "and") {
        const std::string_view raw = doc_.text.tokens[pm.token_end].span.of(doc_.article.text);
        const Actor pa = actor_of(m - 1);
        if (raw.size() > 3 && raw.back() == 's' && !ends_with(raw, "ss") &&
            std::all_of(raw.begin(), raw.end(), [](char c) { return c >= 'a' && c <= 'z'; }) && pa.code.size() == 3 &&
            pa.country.size() <= 3) {
          a.code = pa.code + a.code;
          a.country = pa.code;
        }
      }
    }
    // "the government of Sindh province", "King Hassan of Morocco": a bare agent (or a person named
    // by a bare title) still with no country, right before "of/in/from [the]" and a place (a country of the
    // dictionaries, or a province or town only the gazetteer or the name finder knows), is of that
    // place's country; one or two capitalised words no mention covers may stand between (the
    // title's name). International sectors (data/knowledge/actor_words.tsv) stay as they are.
    if ((mm.kind == MentionKind::agent || (mm.kind == MentionKind::person && a.code == a.sector)) &&
        a.country.empty() && a.code.size() == 3 && !k_.actor_words.international_sector(a.code)) {
      const Sentence& st = doc_.text.sentences[mm.sentence];
      const uint32_t se = st.first_token + st.token_count;
      uint32_t t = mm.token_end;
      for (int names = 0; names < 2 && t < se && cover_[t] < 0; ++names, ++t) {
        const std::string_view raw = doc_.text.tokens[t].span.of(doc_.article.text);
        if (raw.size() < 2 || raw[0] < 'A' || raw[0] > 'Z' ||
            !std::all_of(raw.begin() + 1, raw.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
          break;
      }
      if (t + 1 < se && in(doc_.text.norm(doc_.text.tokens[t]), {"of", "in", "from"})) {
        const uint32_t at = doc_.text.norm(doc_.text.tokens[t + 1]) == "the" ? t + 2 : t + 1;
        const int32_t q = at < se ? cover_[at] : -1;
        std::string c;
        if (q > m && mention_at(q).first_token == at &&
            (mention_at(q).kind == MentionKind::location || mention_at(q).kind == MentionKind::country)) {
          c = actor_of(q).country;
        } else if (q < 0 && at < se) {
          // a place only the name finder found is no mention, only a reference to a located entity
          for (const EntityReference& r : doc_.references) {
            if (r.first_token > at) break;
            if (r.first_token != at || r.kind != ReferenceKind::name || r.entity < 0) continue;
            const Entity& pe = doc_.entities[static_cast<size_t>(r.entity)];
            if (pe.type == EntityType::location && pe.place) c = pe.place->country;
          }
        }
        if (c.size() == 3) {
          a.code = c + a.code;
          a.country = c;
        }
      }
    }
    return a;
  }
  // The mention stands inside an apposition closed before token `before`: ", a/an/the ... ," right
  // after another mention ("Kenya, a close U.S. ally in the region, urged its citizens ..."): it
  // describes that mention, and a later "its" is not its.
  bool inside_apposition(const Mention& pm, uint32_t before) const {
    const auto w = [&](uint32_t t) { return doc_.text.norm(doc_.text.tokens[t]); };
    const uint32_t first = doc_.text.sentences[pm.sentence].first_token;
    uint32_t open = pm.first_token;
    for (int steps = 0; open > first + 1 && steps < 12 && w(open - 1) != ","; ++steps) --open;
    if (open <= first + 1 || w(open - 1) != "," || !in(w(open), {"a", "an", "the"})) return false;
    bool after_mention = false;
    for (const Mention& o : doc_.mentions)
      after_mention = after_mention || (o.sentence == pm.sentence && o.token_end == open - 1);
    if (!after_mention) return false;
    for (uint32_t t = pm.token_end, steps = 0; t < before && steps < 12; ++t, ++steps) {
      if (w(t) == ",") return true;
      if (in(w(t), {"and", "or", "who", "which", "that", ";", ":"})) return false;
    }
    return false;
  }
  // A name right after a bare title that a possessive gives a country ("Gondor's Prime Minister
  // Falastur", "Ithilen's awful and evil minister Calimehtar"): one noun phrase, whose possessor
  // names the country (PETRARCH codes a noun phrase by its first actor and its agents); the name
  // takes the composed title's code, whatever country its own entry gives it.
  void title_of_possessor(int32_t title, Actor& a) const {
    const Actor t = actor_of(title);
    if (t.country.size() != 3 || t.code.size() <= 3) return;
    a.code = t.code;
    a.sector = t.sector;
    a.country = t.country;
  }
  // Every actor a mention stands for: an agent over a list of countries ("the ambassadors of
  // A, B and C": AGOV, BGOV, CGOV), else the mention's actor and each further code of a
  // dictionary entry for several actors ("[KEN/UGA]": KEN and UGA).
  std::vector<Actor> actors_all(int32_t m) const {
    std::vector<Actor> out;
    Actor a = actor_of(m);
    const std::vector<std::string>& also = mention_at(m).also_codes;
    for (const auto& [sm, countries] : spread_) {
      if (sm != m) continue;
      const bool prefixed = !a.country.empty() && a.code.starts_with(a.country);
      const std::string sector = prefixed ? a.code.substr(a.country.size()) : a.code;
      for (const std::string& c : countries) {
        Actor x = a;
        x.code = c + sector;
        x.country = c;
        out.push_back(std::move(x));
      }
      return out;
    }
    for (const std::string& c : also) {
      Actor x = a;
      x.code = c;
      x.country = c.substr(0, 3);
      out.push_back(std::move(x));
    }
    out.insert(out.begin(), std::move(a));
    return out;
  }

  // "the ambassadors of A, B and C", "lawmakers and officials in A and B": each agent named
  // right before of/in/from and a list of countries stands for its sector in every one of them.
  void find_spreads(uint32_t b, uint32_t e) {
    spread_.clear();
    for (uint32_t t = b + 1; t + 1 < e; ++t) {
      if (tok(t).mention >= 0 || !in(norm(t), {"of", "in", "from"})) continue;
      const int32_t am = tok(t - 1).mention;
      if (am < 0 || mention_at(am).kind != MentionKind::agent) continue;
      uint32_t j = t + 1;
      if (j < e && norm(j) == "the") ++j;
      if (j >= e || !tok(j).mention_start || !target_mention(tok(j).mention)) continue;
      std::vector<std::string> countries;
      for (int32_t c : compound_forward(j, e, true).first) {
        const Mention& cm = mention_at(c);
        const Actor ca = actor_of(c);
        if ((cm.kind != MentionKind::country && cm.kind != MentionKind::location) || ca.code.size() < 3) {
          countries.clear();
          break;
        }
        countries.push_back(ca.country.empty() ? ca.code.substr(0, 3) : ca.country);
        for (const std::string& x : cm.also_codes) countries.push_back(x);
      }
      if (countries.empty()) continue;
      // an agent that names another country of its own ("Russia's ambassador in Washington", "the
      // Iranian envoy in Baghdad") is posted in the place after the preposition, not its agent
      const std::string& own = mention_at(am).actor.country;
      if (!own.empty() && own != countries.front()) continue;
      // the agent before the preposition and those listed with it ("lawmakers and officials")
      int32_t m = am;
      for (;;) {
        spread_.emplace_back(m, countries);
        uint32_t f = mention_at(m).first_token;
        if (f < b + 2 || !in(norm(f - 1), {"and", ","})) break;
        const int32_t pm = tok(f - 2).mention;
        if (pm < 0 || mention_at(pm).kind != MentionKind::agent) break;
        m = pm;
      }
    }
  }

  // Is the match's doer of one of `sectors` ("COP|MIL")? Its implicit agent, or every source
  // mention, by the actor's sector or a sector code inside its code ("INDCOP"); a doer taken from
  // context is not.
  static bool sector_listed(std::string_view sectors, std::string_view code) {
    for (size_t b = 0; b + 3 <= sectors.size(); b += 4)
      if (sectors.substr(b, 3) == code) return true;
    return false;
  }
  // Is the actor of one of `sectors`: its sector or a sector code inside its code ("INDCOP")?
  static bool actor_of_sectors(const Actor& a, std::string_view sectors) {
    if (a.sector.size() == 3 && sector_listed(sectors, a.sector)) return true;
    for (size_t b = 0; b + 3 <= a.code.size(); b += 3)
      if (sector_listed(sectors, std::string_view(a.code).substr(b, 3))) return true;
    return false;
  }
  bool of_sectors(const Match& m, std::string_view sectors) const {
    if (m.implicit_agent != nullptr) return sector_listed(sectors, *m.implicit_agent);
    if (m.sources.empty()) return false;
    return std::all_of(m.sources.begin(), m.sources.end(),
                       [&](int32_t sm) { return actor_of_sectors(actor_of(sm), sectors); });
  }

  size_t distinct_codes(const std::vector<int32_t>& ms) const {
    std::vector<std::string> codes;
    for (int32_t m : ms) {
      std::string c = actor_of(m).code;
      if (std::find(codes.begin(), codes.end(), c) == codes.end()) codes.push_back(std::move(c));
    }
    return codes.size();
  }
  std::string name_of(int32_t m) const {
    Actor a = actor_of(m);
    return a.canonical.empty() ? a.text : a.canonical;
  }

  // One of the token's lemmas anchors a verb pattern ("talks", "visit", "bombs").
  bool anchors_pattern(const Tok& x) const {
    return x.lemmas != nullptr && std::any_of(x.lemmas->begin(), x.lemmas->end(),
                                              [&](int32_t id) { return k_.anchor_lemma[static_cast<size_t>(id)]; });
  }
  // A present-tense form of a pattern verb ("bombs", "accuses"): no modifier of a noun phrase
  // ("Turkey bombs rebels" is a clause, not "Turkish rebels").
  bool present_verb(uint32_t t, std::string_view w) const { return ends_with(w, "s") && anchors_pattern(tok(t)); }

  bool verbish(uint32_t t) const {
    const Tok& x = tok(t);
    if (x.mention >= 0) return false;
    if (finite_auxiliary(x.norm) || ends_with(x.norm, "n't")) return true;
    return x.past && anchors_pattern(x);
  }
  // A past participle at t opening a reduced relative, no finite verb: "two men accused of theft", "a teacher
  // suspected of witchcraft", "six men wanted for robbery", "troops backed by ...".
  bool reduced_relative(uint32_t t) const {
    return tok(t).past && t + 1 < end_ && in(norm(t + 1), {"of", "by", "for", "with"});
  }
  // Token t ends an actor mention that is no place, and a verb form follows it: the subject of that verb
  // (not the agent of a participle: "a bomb planted by rebels killed ...").
  bool new_subject_before(uint32_t t) const {
    const Tok& x = tok(t);
    if (x.mention < 0 || t + 1 >= end_ || tok(t + 1).mention >= 0 || !verbish(t + 1)) return false;
    if (reduced_relative(t + 1)) return false;
    const Mention& mm = mention_at(x.mention);
    if (mm.token_end != t + 1 || mm.place || mm.kind == MentionKind::location || mm.kind == MentionKind::country)
      return false;
    return !(mm.first_token > base_ && norm(mm.first_token - 1) == "by");
  }
  // Token t is a plain word that can head a noun phrase: no actor, punctuation, function word, pronoun,
  // "-ly" adverb, adverb of time or word of a time expression ("efforts", "resolution", "presidents").
  bool plain_noun(uint32_t t) const {
    const Tok& x = tok(t);
    if (x.mention >= 0 || x.punct || x.norm.empty() || !std::isalpha(static_cast<unsigned char>(x.norm.front())))
      return false;
    const std::string_view w = x.norm;
    if (in(w, kAux) || in(w, kPrepositions) || in(w, kCoordinators) || in(w, kSubordinators) || is_determiner(w) ||
        finite_auxiliary(w) || negation_word(w) || (w.size() > 4 && ends_with(w, "ly")))
      return false;
    if (in(w, {"that", "which", "who", "whom", "whose", "what", "it",    "they",      "he",
               "she",  "we",    "you", "i",    "there", "here", "today", "yesterday", "tonight",
               "now",  "once",  "all", "both", "some",  "any",  "this",  "those",     "these"}))
      return false;
    return !verbish(t) && !in_time_expression(t);
  }
  // A clause of its own inside a pattern gap (dyad's own patterns; docs/coder.md step 1): clause
  // position q is a plain noun with a finite auxiliary right after it, the subject of a reported
  // clause ("suggested the two presidents were planning talks" is no suggested plan).
  bool noun_subject_at(const Clause& cl, size_t q) const {
    return q + 1 < cl.toks.size() && finite_auxiliary(norm(cl.toks[q + 1])) && plain_noun(cl.toks[q]);
  }
  // The complement of a noun a pattern gap opened at clause position from passed over: clause position q
  // is "to" before a verb, or a verb's "-ing" form, right after a plain noun ("supported efforts to
  // condemn X", "backed a resolution condemning Y"). The verb there has an object of its own; a "to"
  // right after the anchor or after adjuncts only ("threatened on Monday to impose") is the anchor's.
  bool noun_complement_at(const Clause& cl, size_t from, size_t q) const {
    if (q <= from || q + 1 > cl.toks.size()) return false;
    const uint32_t t = cl.toks[q];
    const std::string_view w = norm(t);
    // the tests of position q first: the noun test before it is the costly one
    if (w == "to") {
      if (q + 1 >= cl.toks.size()) return false;
      const Tok& v = tok(cl.toks[q + 1]);
      return v.mention < 0 && !v.past && !ends_with(v.norm, "ing") && !ends_with(v.norm, "s") && anchors_pattern(v) &&
             plain_noun(cl.toks[q - 1]);
    }
    // "-ing" after a noun: no determiner or preposition before it ("the ruling party") and a word of an
    // object after it ("condemning the", "calling for", "condemning Y")
    if (tok(t).mention >= 0 || w.size() < 5 || !ends_with(w, "ing") || !anchors_pattern(tok(t))) return false;
    if (q + 1 >= cl.toks.size()) return false;
    const Tok& nx = tok(cl.toks[q + 1]);
    return (nx.mention_start || is_determiner(nx.norm) || in(nx.norm, kPrepositions)) && plain_noun(cl.toks[q - 1]);
  }
  bool reporting(uint32_t t) const {
    auto c = k_.lemmatizer.candidates(norm(t));
    for (const auto& l : c)
      if (k_.reporting_lemmas.count(l) != 0) return true;
    return false;
  }
  // A reporting verb whose direct object can be the one told ("warned Z", "told Z"; hearer 'object'
  // in data/cameo/reporting.tsv).
  bool reporting_to_object(uint32_t t) const {
    auto c = k_.lemmatizer.candidates(norm(t));
    for (const auto& l : c)
      if (k_.reporting_hearer_object.count(l) != 0) return true;
    return false;
  }
  // Token t, right after a place, is the finite verb of a speaker there ("officials in Kampala said",
  // "residents in Gulu say the ..."): a past form not followed by by/to (a participle: "in Kabul claimed
  // by X", "reported to be held"), a present form in -s, or a base form that opens its reported clause.
  // Not a noun of the same spelling ("in Kano state on Sunday", "in Lagos state."), nor an -ing form
  // ("students in Dhaka claiming they ...").
  bool speaker_verb_after_place(uint32_t t) const {
    if (t >= end_ || tok(t).mention >= 0 || !reporting(t)) return false;
    const std::string_view w = norm(t);
    const bool next_exists = t + 1 < end_;
    if (tok(t).past) return !(next_exists && in(norm(t + 1), {"by", "to"}));
    if (ends_with(w, "ing")) return false;
    if (ends_with(w, "s")) return true;
    // "say" has no noun reading here: "officials in Goma say rebels ...". Another base form opens its
    // reported clause: "that", a determiner or a pronoun after it ("residents in Goma report the ..."); not
    // "in Zamfara state and ...", "in Kano state police ..."
    if (w == "say") return true;
    return next_exists && (in(norm(t + 1), kDeterminers) || in(norm(t + 1), {"that", "this", "these", "those", "it",
                                                                             "he", "she", "they", "we", "there"}));
  }

  void sentence(uint32_t si) {
    const Sentence& s = doc_.text.sentences[si];
    sentence_ = si;
    base_ = s.first_token;
    const uint32_t end = s.first_token + s.token_count;
    end_ = end;
    toks_.assign(s.token_count, Tok{});
    bool any_anchor = false;
    for (uint32_t t = s.first_token; t < end; ++t) {
      Tok& x = toks_[t - base_];
      const Token& tk = doc_.text.tokens[t];
      x.norm = doc_.text.norm(tk);
      if (auto it = k_.forms.find(x.norm); it != k_.forms.end()) {
        x.lemmas = &it->second;
        for (int32_t id : it->second) any_anchor = any_anchor || k_.anchor_lemma[static_cast<size_t>(id)];
      }
      any_anchor = any_anchor || k_.by_exact.count(x.norm) != 0;
      x.mention = cover_[t];
      x.mention_start = x.mention >= 0 && mention_at(x.mention).first_token == t;
      x.past = k_.lemmatizer.is_past_form(x.norm);
      x.participle = k_.lemmatizer.is_participle(x.norm);
      x.punct = tk.kind == TokenKind::punctuation;
    }
    if (options_.new_actor_length > 0) find_new_actors(s, si);
    if (options_.remove_comma_clauses) remove_comma_clauses(s.first_token, end);
    if (!any_anchor) {
      remember_pairs(s);
      return;
    }
    // discards
    const Discard* discard = nullptr;
    for (const auto& d : k_.discards) {
      for (uint32_t t = s.first_token; t + d.words.size() <= end && discard == nullptr; ++t) {
        bool ok = true;
        for (size_t i = 0; i < d.words.size() && ok; ++i) ok = norm(t + static_cast<uint32_t>(i)) == d.words[i];
        if (ok) discard = &d;
      }
      if (discard != nullptr) break;
    }
    if (discard != nullptr && discard->code.empty()) return;

    times_done_ = false;
    times_.clear();
    month_names_are_no_verbs(s.first_token, end);
    place_nouns_are_no_verbs(s.first_token, end);
    find_spreads(s.first_token, s.first_token + s.token_count);
    std::vector<Clause> clauses = split(s);
    std::vector<Speech> speech = find_speech(s);
    const size_t first_event = out_.size();
    report_statements_.clear();
    speech_ = &speech;
    for (size_t ci = 0; ci < clauses.size(); ++ci) resolve_subject(clauses, ci);
    clauses_ = &clauses;
    participles_of_main_force(clauses);
    coded_by_.assign(clauses.size(), {0, 0});
    flat_taken_.assign(clauses.size(), 0);
    condition_ids_.clear();
    for (size_t ci = 0; ci < clauses.size(); ++ci) {
      clause_index_ = ci;
      coded_by_[ci].first = out_.size();
      code_clause(clauses[ci], speech, discard);
      coded_by_[ci].second = out_.size();
    }
    // the conditions of a threat (before any event is dropped, while coded_by_ holds)
    const CameoEntry* threat = k_.entry("130");
    for (size_t ci = 0; ci < clauses.size() && threat != nullptr; ++ci) {
      const int32_t pc = clauses[ci].parent;
      if (!condition_clause(clauses[ci]) || pc < 0) continue;
      const auto [pb, pe] = coded_by_[static_cast<size_t>(pc)];
      if (std::any_of(out_.begin() + static_cast<std::ptrdiff_t>(pb), out_.begin() + static_cast<std::ptrdiff_t>(pe),
                      [&](const Event& e) { return e.plover == threat->plover && e.mode != EventMode::negated; }))
        for (size_t i = coded_by_[ci].first; i < coded_by_[ci].second; ++i) condition_ids_.push_back(out_[i].id);
    }
    clauses_ = nullptr;
    speech_ = nullptr;
    drop_requested_acts(clauses, coded_by_);
    if (out_.size() == first_event) inverted_statement(speech);
    drop_report_statements(first_event);
    drop_protest_aims(s, first_event);
    drop_purpose_acts(s, first_event);
    drop_conditions(first_event);
    remember_pairs(s);
  }

  // An "if" / "unless" clause (not "whether": an indirect question) states the condition of
  // the act it is attached to.
  static bool condition_clause(const Clause& c) { return c.conditional && in(c.opener, {"if", "unless"}); }

  // "X threatened to launch an offensive unless Y accepted its terms", "X will boycott the vote
  // unless Y resigns": the act in the condition of a threat is what the threatener demands of
  // the other side (or what would set the threatened act off), not an event of its own. The
  // events of "if"/"unless" clauses attached to a clause that codes a threat (condition_ids_)
  // are dropped; conditions of other acts stay, in mode possible ("If X attacks Y, Z will
  // condemn X").
  void drop_conditions(size_t first_event) {
    if (condition_ids_.empty()) return;
    const auto condition = [&](const Event& e) {
      return std::find(condition_ids_.begin(), condition_ids_.end(), e.id) != condition_ids_.end();
    };
    out_.erase(std::remove_if(out_.begin() + static_cast<std::ptrdiff_t>(first_event), out_.end(), condition),
               out_.end());
  }

  // "thousands marched to demand X", "farmers blocked the road, calling for Y": a demand (10)
  // or appeal (02) by the protesters themselves, in a purpose infinitive ("to demand") or a
  // participle ("calling for", "demanding") after their coded protest (14) in the sentence,
  // is what the protest is for. CAMEO codes a protest by its demand (1411-1414: demonstrate
  // for leadership change, policy change, rights ...), so the demand is not a second event.
  // Runs after drop_report_statements, so the statement indexes are no longer needed: they
  // are either cleared or the sentence codes statements only (then there is no protest here).
  void drop_protest_aims(const Sentence& s, size_t first_event) {
    const uint32_t b = s.first_token, e = s.first_token + s.token_count;
    auto first_token_at = [&](uint32_t offset) {
      for (uint32_t t = b; t < e; ++t)
        if (doc_.text.tokens[t].span.offset == offset) return t;
      return e;
    };
    for (size_t i = out_.size(); i-- > first_event;) {
      const Event& r = out_[i];
      if (r.cameo.compare(0, 2, "10") != 0 && r.cameo.compare(0, 2, "02") != 0) continue;
      const uint32_t t = first_token_at(r.span.offset);
      if (t >= e || !(ends_with(norm(t), "ing") || (t > b && norm(t - 1) == "to"))) continue;
      const bool aim =
          std::any_of(out_.begin() + static_cast<std::ptrdiff_t>(first_event), out_.end(), [&](const Event& p) {
            return p.cameo.compare(0, 2, "14") == 0 && p.span.end() <= r.span.offset && !p.source.code.empty() &&
                   p.source.code == r.source.code;
          });
      if (aim) out_.erase(out_.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }

  // "X gave Y a grant to finance projects", "X will visit A and B to mediate", "X sent
  // observers to Y to investigate", "X summoned Y's envoy to complain": an act in a purpose
  // infinitive right after the object of an act coded before it in the sentence is what that
  // act is for, not a second event (CAMEO codes the act done; the aim is not done yet). With
  // no parser the infinitive's doer is found as the nearest actor before it, which here is
  // the first act's object, so it is the aim when its doer is the first act's source, its
  // target, or a mention inside its evidence. Not after roots whose verbs govern an
  // infinitive of their own (statements, appeals, intents, demands, rejections, threats:
  // "urged Y to withdraw" is read by the content rules), not after a negated act, and not
  // when a verb, a coordinator or a clause cut stands between the act and the "to" ("X met
  // Y and wanted to ...", "... forcing the police to open fire": the infinitive belongs to
  // that verb).
  static bool governs_infinitive(const std::string& c) {
    return c.compare(0, 2, "01") == 0 || c.compare(0, 2, "03") == 0 || content_root(c);
  }
  void drop_purpose_acts(const Sentence& s, size_t first_event) {
    const uint32_t b = s.first_token, e = s.first_token + s.token_count;
    auto first_token_at = [&](uint32_t offset) {
      for (uint32_t t = b; t < e; ++t)
        if (doc_.text.tokens[t].span.offset >= offset) return t;
      return e;
    };
    for (size_t i = out_.size(); i-- > first_event;) {
      const Event& r = out_[i];
      if (r.source.code.empty()) continue;
      const uint32_t t = first_token_at(r.span.offset);
      if (t >= e || t < b + 2 || norm(t - 1) != "to") continue;
      const uint32_t to_offset = doc_.text.tokens[t - 1].span.offset;
      const bool aim =
          std::any_of(out_.begin() + static_cast<std::ptrdiff_t>(first_event), out_.end(), [&](const Event& p) {
            if (&p == &r || p.mode == EventMode::negated || governs_infinitive(p.cameo) || p.span.end() > to_offset)
              return false;
            const bool doer = r.source.code == p.source.code || (p.target && r.source.code == p.target->code) ||
                              (r.source.span.offset >= p.span.offset && r.source.span.end() <= p.span.end());
            if (!doer) return false;
            for (uint32_t u = first_token_at(p.span.end()); u + 1 < t; ++u)
              if (verbish(u) || (ends_with(norm(u), "ing") && norm(u).size() > 4) || in(norm(u), kCoordinators) ||
                  in(norm(u), kSubordinators) || in(norm(u), {";", ":", "that", "who", "which", "whom"}))
                return false;
            return true;
          });
      if (aim) out_.erase(out_.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }

  // The first token at or after byte `offset` of the article.
  std::vector<Token>::const_iterator token_from(uint32_t offset) const {
    return std::lower_bound(doc_.text.tokens.begin(), doc_.text.tokens.end(), offset,
                            [](const Token& t, uint32_t off) { return t.span.offset < off; });
  }
  // The word (normalised, lower case) right before the token that starts at `offset`; empty when there is none.
  std::string_view word_before(uint32_t offset) const {
    const auto it = token_from(offset);
    if (it == doc_.text.tokens.begin() || it == doc_.text.tokens.end() || it->span.offset != offset) return {};
    return doc_.text.norm(*std::prev(it));
  }
  // The word (normalised, lower case) of the first token at or after `offset`; empty when there is none.
  std::string_view word_at(uint32_t offset) const {
    const auto it = token_from(offset);
    return it == doc_.text.tokens.end() ? std::string_view() : doc_.text.norm(*it);
  }

  // The preposition at `prep` opens a gerund ("having", "trying") that the act at `act` follows within
  // three words of one verb group: no comma, coordinator or actor between ("of having sent", "of trying
  // to annex", "of having secretly armed").
  bool after_gerund(uint32_t prep, uint32_t act) const {
    auto it = token_from(prep);
    if (it == doc_.text.tokens.end() || ++it == doc_.text.tokens.end()) return false;
    const std::string_view g = doc_.text.norm(*it);
    if (g.size() < 5 || !ends_with(g, "ing")) return false;
    for (int words = 0; ++it != doc_.text.tokens.end() && words < 3; ++words) {
      if (it->span.offset == act) return true;
      const std::string_view w = doc_.text.norm(*it);
      if (w == "," || in(w, kCoordinators)) return false;
    }
    return false;
  }

  // Roots whose act has another act as its content: appeal, demand, reject, threaten.
  static bool content_root(const std::string& c) {
    return c.compare(0, 2, "02") == 0 || c.compare(0, 2, "10") == 0 || c.compare(0, 2, "12") == 0 ||
           c.compare(0, 2, "13") == 0;
  }

  // ---- PETRARCH's new actors ------------------------------------------------------
  // CodeOptions::new_actor_length: a noun phrase that no dictionary knows, of at most that
  // many words, is an actor of its own whose code is its words in capitals, quoted, as
  // PETRARCH writes it ("the Ministry of Magic" -> "THE MINISTRY OF MAGIC"). Without a
  // parser a noun phrase here is a run of uncovered tokens: an optional "the", then a
  // capitalised word, continued by capitalised words, a possessive 's (not counted and not
  // in the code: "Arda's envoy Frodo Baggins" -> "ARDA ENVOY FRODO BAGGINS"), "of" (and
  // "the") before a capitalised word, and at most two lower-case nouns when a capitalised
  // word follows them. A run longer than the limit is no actor at all. Words of a time
  // expression ("on Wednesday") and a lone sentence-initial function word are never one.
  bool capitalised(uint32_t t) const { return doc_.text.tokens[t].capitalized; }
  bool new_actor_word(uint32_t t, const std::vector<bool>& timed) const {
    const Tok& x = tok(t);
    if (x.mention >= 0 || x.punct || timed[t - base_] || !capitalised(t)) return false;
    return !(in(x.norm, kPrepositions) || in(x.norm, kAux) || in(x.norm, kCoordinators) || in(x.norm, kSubordinators) ||
             in(x.norm, kSingularPronouns) || in(x.norm, kPluralPronouns) || in(x.norm, kDeterminers) ||
             is_determiner(x.norm) || verbish(t));
  }
  void find_new_actors(const Sentence& s, uint32_t si) {
    new_actors_.clear();
    const uint32_t b = s.first_token, e = s.first_token + s.token_count;
    std::vector<bool> timed(s.token_count, false);
    times_done_ = false;  // this sentence's time expressions
    times_.clear();
    for (const TimeExpression& te : times())
      for (uint32_t t = b; t < e; ++t) {
        const Span& sp = doc_.text.tokens[t].span;
        if (sp.offset >= te.span.offset && sp.end() <= te.span.end()) timed[t - b] = true;
      }
    const auto lower_noun = [&](uint32_t t) { return !capitalised(t) && modifier(t) && !in(norm(t), kDeterminers); };
    for (uint32_t t = b; t < e;) {
      uint32_t j = t;
      if (tok(j).mention < 0 && norm(j) == "the" && j + 1 < e) ++j;
      if (!new_actor_word(j, timed)) {
        ++t;
        continue;
      }
      ++j;
      while (j < e) {
        if (new_actor_word(j, timed)) {
          ++j;
        } else if (norm(j) == "'s" && tok(j).mention < 0) {
          ++j;
        } else if (norm(j) == "of" && j + 1 < e) {
          const uint32_t k = (norm(j + 1) == "the" && j + 2 < e) ? j + 2 : j + 1;
          if (!new_actor_word(k, timed)) break;
          j = k + 1;
        } else {
          uint32_t k = j;
          while (k < e && k < j + 2 && lower_noun(k)) ++k;
          if (k == j || k >= e || !new_actor_word(k, timed)) break;
          j = k;
        }
      }
      uint32_t stop = j;
      while (stop > t && norm(stop - 1) == "'s") --stop;  // a trailing possessive is not in the phrase
      std::string words;
      int n = 0;
      for (uint32_t u = t; u < stop; ++u) {
        if (norm(u) == "'s") continue;
        if (!words.empty()) words += ' ';
        std::string_view w = doc_.text.tokens[u].span.of(doc_.article.text);
        if (ends_with(w, "'s")) w.remove_suffix(2);  // the possessive is not in the code
        if (ends_with(w, "\u2019s")) w.remove_suffix(4);
        for (char c : w) words += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        ++n;
      }
      if (n > 0 && n <= options_.new_actor_length) {
        Mention m;
        m.sentence = si;
        m.first_token = t;
        m.token_end = stop;
        m.span = Span{doc_.text.tokens[t].span.offset,
                      doc_.text.tokens[stop - 1].span.end() - doc_.text.tokens[t].span.offset};
        m.kind = MentionKind::organization;
        m.actor.code = '"' + words + '"';
        m.actor.text = words;
        m.actor.span = m.span;
        m.rule = "new actor (new_actor_length)";
        const auto id = static_cast<int32_t>(doc_.mentions.size() + new_actors_.size());
        new_actors_.push_back(std::move(m));
        for (uint32_t u = t; u < stop; ++u) {
          toks_[u - base_].mention = id;
          toks_[u - base_].mention_start = u == t;
        }
      }
      t = j;
    }
  }

  // ---- PETRARCH's comma clauses -----------------------------------------------
  // A comma between two adjectives of one noun phrase ("restore warm, normal diplomatic
  // ties"): an adjective here is a modifier that is no determiner (", a senior official" opens
  // a new phrase) and no inflected form ("it seems, complete ties", "officials, full ties").
  bool adjective_comma(uint32_t t, uint32_t b, uint32_t e) const {
    if (t == b || t + 1 >= e) return false;
    const auto adjective = [&](uint32_t u) {
      const std::string_view w = norm(u);
      return modifier(u, true) && !in(w, kDeterminers) && !is_determiner(w) && !ends_with(w, "s") &&
             !ends_with(w, "ing") && !tok(u).past;
    };
    return adjective(t - 1) && adjective(t + 1);
  }
  // A comma that joins members of a list instead of delimiting a clause: between two
  // modifiers ("complete, full diplomatic ties") or between actors of a list ("A, B and C").
  bool list_comma(uint32_t t, uint32_t b, uint32_t e) const {
    if (t == b || t + 1 >= e) return false;
    if (adjective_comma(t, b, e)) return true;
    if (tok(t - 1).mention < 0) return false;
    uint32_t j = t + 1;
    const bool joined = in(norm(j), {"and", "or"});
    if (joined) ++j;
    if (j < e && norm(j) == "the") ++j;
    if (j < e) j = skip_modifiers(j, e);  // "A, the awful B, and C"
    return j < e && tok(j).mention_start && actor_mention(tok(j).mention) && (joined || possible_list(j, e));
  }
  // Marks the tokens of the comma-delimited stretches that PETRARCH leaves out of coding
  // (CodeOptions::remove_comma_clauses): first the beginning (sentence start to the first
  // comma), then the end (last comma to the end), then each stretch between two remaining
  // commas, when its word count lies in the option's range. Punctuation is not counted; a
  // removed stretch takes its commas with it; the final punctuation mark stays.
  void remove_comma_clauses(uint32_t b, uint32_t e) {
    std::vector<uint32_t>& commas = commas_;
    commas.clear();
    for (uint32_t t = b; t < e; ++t)
      if (norm(t) == "," && !list_comma(t, b, e)) commas.push_back(t);
    if (commas.empty()) return;
    const auto words = [&](uint32_t from, uint32_t to) {
      int n = 0;
      for (uint32_t t = from; t < to; ++t) n += tok(t).punct ? 0 : 1;
      return n;
    };
    const auto within = [](int n, int lo, int hi) { return hi > 0 && n >= lo && n <= hi; };
    const auto drop = [&](uint32_t from, uint32_t to) {
      for (uint32_t t = from; t < to; ++t) toks_[t - base_].removed = true;
    };
    size_t first = 0;
    size_t last = commas.size();  // one past
    if (within(words(b, commas.front()), options_.comma_bmin, options_.comma_bmax)) {
      drop(b, commas.front() + 1);
      first = 1;
    }
    uint32_t stop = e;  // the final punctuation mark stays
    while (stop > b && tok(stop - 1).punct && norm(stop - 1) != ",") --stop;
    if (first < last && commas.back() < stop &&
        within(words(commas.back() + 1, stop), options_.comma_emin, options_.comma_emax)) {
      drop(commas.back(), stop);
      --last;
    }
    for (size_t i = first; i + 1 < last; ++i) {
      if (!within(words(commas[i] + 1, commas[i + 1]), options_.comma_min, options_.comma_max)) continue;
      drop(commas[i], commas[i + 1] + 1);
      ++i;  // the closing comma is gone with the stretch
    }
  }

  // "X demanded that Y cancel the sale", "X urged that Y withdraw": the act in a "that"
  // clause governed by a coded demand (10) or appeal (02) is what was asked for, not an act
  // of Y; the demand is the event. Those acts are dropped (report_statements_ indexes follow).
  void drop_requested_acts(const std::vector<Clause>& clauses, const std::vector<std::pair<size_t, size_t>>& coded_by) {
    std::vector<size_t> drop;
    std::vector<bool>& requested = requested_;  // "that" clauses inside requested content too
    requested.assign(clauses.size(), false);
    for (size_t ci = 0; ci < clauses.size(); ++ci) {
      const int32_t g = clauses[ci].complement_of;
      if (g < 0 || static_cast<size_t>(g) >= ci) continue;
      const auto [gb, ge] = coded_by[static_cast<size_t>(g)];
      requested[ci] = requested[static_cast<size_t>(g)] ||
                      std::any_of(out_.begin() + static_cast<std::ptrdiff_t>(gb),
                                  out_.begin() + static_cast<std::ptrdiff_t>(ge), [](const Event& e) {
                                    return e.cameo.compare(0, 2, "10") == 0 || e.cameo.compare(0, 2, "02") == 0;
                                  });
      if (!requested[ci]) continue;
      for (size_t i = coded_by[ci].first; i < coded_by[ci].second; ++i) drop.push_back(i);
    }
    // "X demanded the withdrawal of Y", "X rejected a call for talks", "X threatened to impose
    // sanctions": an act that is not happened and whose evidence lies inside the evidence of a
    // coded appeal (02), demand (10), rejection (12) or threat (13) of the same clause is what
    // was asked for, refused or threatened; that act is the event, its content is not.
    for (size_t ci = 0; ci < clauses.size(); ++ci)
      for (size_t i = coded_by[ci].first; i < coded_by[ci].second; ++i) {
        const Event& x = out_[i];
        if (content_root(x.cameo)) continue;
        for (size_t j = coded_by[ci].first; j < coded_by[ci].second; ++j)
          if (j != i && content_root(out_[j].cameo) && out_[j].span.offset <= x.span.offset &&
              (x.source.code == out_[j].source.code || (out_[j].target && x.source.code == out_[j].target->code))) {
            drop.push_back(i);
            break;
          }
      }
    // "X accused Y of breaking the truce", "X condemned Y for shelling Z and ...": an act of the accused in
    // the complement the disapproval (11) opens with "of", "for" or "with" right after its target, in its
    // clause or a coordinated clause carried on from it, is what Y is blamed for, a claim of X's, not an act
    // found to have happened; the accusation is the event. So is the act right after "for" named as the
    // ground of a coercion (17) of Y ("Y was arrested for spying for Z"). Acts of others stay, and so do
    // acts not done (a blamed "inaction" is coded negated: it is what a reader of the text is told).
    for (size_t ci = 0; ci < clauses.size(); ++ci) {
      size_t chain = ci;
      while (chain > 0 && clauses[chain].carry) --chain;
      for (size_t i = coded_by[ci].first; i < coded_by[ci].second; ++i) {
        const Event& x = out_[i];
        if (x.cameo.compare(0, 2, "11") == 0 || x.mode == EventMode::negated) continue;
        for (size_t j = coded_by[chain].first; j < coded_by[ci].second; ++j) {
          const Event& a = out_[j];
          if (j == i || !a.target || a.target->code.empty() || x.source.code != a.target->code ||
              a.span.offset > x.span.offset)
            continue;
          // inside the complement: the act is a gerund there ("of violating ... and ignoring ..."), or follows
          // a gerund right after the preposition ("of having sent troops", "of trying to annex"), not a later
          // finite act of the same actor ("... for weeks, and Y finally withdrew its troops")
          const bool blame =
              a.cameo.compare(0, 2, "11") == 0 && !a.target->span.empty() &&
              in(word_at(a.target->span.end()), {"of", "for", "with"}) && a.target->span.end() <= x.span.offset &&
              (ends_with(word_at(x.span.offset), "ing") || after_gerund(a.target->span.end(), x.span.offset));
          const bool ground = a.cameo.compare(0, 2, "17") == 0 && word_before(x.span.offset) == "for";
          if (blame || ground) {
            drop.push_back(i);
            break;
          }
        }
      }
    }
    // "X said Y must ...", one clause: the acts after "must"
    for (const auto& [ci, from] : requested_from_)
      for (size_t i = coded_by[ci].first; i < coded_by[ci].second; ++i)
        if (out_[i].span.offset > from && out_[i].cameo.compare(0, 2, "10") != 0) drop.push_back(i);
    requested_from_.clear();
    if (drop.empty()) return;
    std::sort(drop.begin(), drop.end());
    drop.erase(std::unique(drop.begin(), drop.end()), drop.end());
    std::vector<size_t> statements;
    for (size_t r : report_statements_) {
      if (std::binary_search(drop.begin(), drop.end(), r)) continue;
      statements.push_back(r - static_cast<size_t>(std::lower_bound(drop.begin(), drop.end(), r) - drop.begin()));
    }
    report_statements_ = std::move(statements);
    for (size_t i = drop.size(); i-- > 0;) out_.erase(out_.begin() + static_cast<std::ptrdiff_t>(drop[i]));
  }

  // Statements (01) by a reporting verb are dropped when the sentence codes some
  // other event: that event is the content, attributed to the speaker.
  void drop_report_statements(size_t first_event) {
    if (report_statements_.empty()) return;
    const size_t others = out_.size() - first_event - report_statements_.size();
    if (others == 0) return;
    for (size_t i = report_statements_.size(); i-- > 0;)
      out_.erase(out_.begin() + static_cast<std::ptrdiff_t>(report_statements_[i]));
    report_statements_.clear();
  }

  // "the shops stayed shut, said a senior police officer": an inverted reporting verb whose
  // speaker follows it (find_speech) has no subject before it for "{S} say" to take, so when
  // the sentence codes nothing else the speaker's statement (010) is coded here, as "X said"
  // would be; with an event in the sentence the speaker is its attribution instead. Only with
  // dyad's own verb patterns (imported dictionaries code statements by their own rules).
  void inverted_statement(const std::vector<Speech>& speech) {
    if (k_.implicit_agents.empty()) return;
    const CameoEntry* ce = k_.entry("010");
    if (ce == nullptr) return;
    for (const Speech& sp : speech) {
      if (sp.content_after || sp.speaker_first != sp.verb || sp.speaker < 0) continue;
      if (norm(sp.verb) == "according") continue;
      Event ev;
      ev.source = actor_of(sp.speaker);
      if (ev.source.code.empty()) continue;
      ev.cameo = ce->code;
      ev.plover = ce->plover;
      ev.quad_class = ce->quad_class;
      ev.goldstein = ce->goldstein;
      ev.mode = EventMode::happened;
      ev.date = doc_.article.published;
      ev.date_basis = "article";
      ev.sentence = sentence_;
      const Span vs = doc_.text.tokens[sp.verb].span;
      ev.span = Span{vs.offset, mention_at(sp.speaker).span.end() - vs.offset};
      ev.rule = "inverted speaker: a statement by the speaker after the reporting verb";
      std::string key = doc_.hash;
      key += '\x1f' + std::to_string(sentence_) + '\x1f' + std::to_string(ev.span.offset) + '\x1f' +
             std::to_string(ev.span.length) + '\x1f' + ev.cameo + '\x1f' + ev.source.code + '\x1f';
      ev.id = hex16(hash64(key));
      if (trace_ != nullptr) {
        std::ostringstream os;
        os << "event " << ev.id << ": " << ev.cameo << " " << ce->name << " (PLOVER " << ev.plover << ")\n";
        os << "  sentence " << sentence_ << ": " << doc_.text.sentences[sentence_].span.of(doc_.article.text) << "\n";
        os << "  matched: \"" << ev.span.of(doc_.article.text) << "\" (" << ev.rule << ")\n";
        os << "  source: " << ev.source.text << " [" << ev.source.code << "] (the speaker after the verb)\n";
        os << "  target: none\n  mode: happened (nothing else coded in the sentence)\n";
        os << "  date: " << ev.date.iso() << " [article] (the article's date)\n";
        trace_->push_back({ev.id, os.str()});
      }
      out_.push_back(std::move(ev));
      return;  // one statement per sentence
    }
  }

  // Remembers the last compound of actor mentions ("Xi and Putin") for "the two leaders".
  void remember_pairs(const Sentence& s) {
    for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
      if (!tok(t).mention_start || !actor_mention(tok(t).mention)) continue;
      auto c = compound_forward(t, s.first_token + s.token_count);
      // "the two sides" are two different actors: a list of one actor's people is no pair, and a
      // bare role with no country beside a name is an apposition ("one of X's aides, Y,"), no pair
      if (c.first.size() >= 2 &&
          std::none_of(c.first.begin(), c.first.end(), [&](int32_t x) { return generic_agent(x); }) &&
          std::any_of(c.first.begin() + 1, c.first.end(),
                      [&](int32_t x) { return actor_of(x).code != actor_of(c.first.front()).code; }))
        last_pair_ = c.first;
    }
  }

  // Actor mentions "X, Y and Z" starting at token t; returns mentions and the token after.
  // With `places`, places standing for their country count too ("officials in A and B").
  std::pair<std::vector<int32_t>, uint32_t> compound_forward(uint32_t t, uint32_t end, bool places = false) const {
    std::vector<int32_t> ms;
    int32_t m = tok(t).mention;
    ms.push_back(m);
    uint32_t next = mention_at(m).token_end;
    for (;;) {
      uint32_t j = next;
      if (j < end && norm(j) == ",") ++j;
      if (j < end && (in(norm(j), {"and", "&", "nor"}) || (norm(j) == "or" && either_before(t)))) ++j;
      if (j < end && norm(j) == "the") ++j;
      if (j > next) j = skip_modifiers(j, end);  // only after a separator: "X and the evil Y"
      if (j == next || j >= end || !tok(j).mention_start ||
          !(places ? target_mention(tok(j).mention) : actor_mention(tok(j).mention)))
        break;
      if (next < end && norm(next) == "," && !((next + 1 < end && norm(next + 1) == "and") || possible_list(j, end)))
        break;
      ms.push_back(tok(j).mention);
      next = mention_at(tok(j).mention).token_end;
    }
    return {ms, next};
  }
  // Correlative pairs: "neither X nor Y" and "both X and Y" join as "and" does; "or" joins
  // only after "either" before the first member ("either X or Y"), never alone ("X or Y").
  bool either_before(uint32_t first) const { return first > base_ && norm(first - 1) == "either"; }
  // A lower-case word that may stand between a determiner and an actor inside a noun
  // phrase ("the small but proud Peru", "neutral Peru"): no verb, preposition, pronoun,
  // coordinator or other function word.
  // With `anchors`, a word that anchors a pattern may be a modifier too ("a brief visit").
  bool modifier(uint32_t t, bool anchors = false) const {
    const Tok& x = tok(t);
    if (x.mention >= 0 || x.punct || x.norm.empty() || verbish(t)) return false;
    if (!std::all_of(x.norm.begin(), x.norm.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; }))
      return false;
    // a capitalised word inside the sentence is a name the dictionaries do not know
    const std::string_view raw = doc_.text.tokens[t].span.of(doc_.article.text);
    if (raw.empty() || (t != base_ && !(raw[0] >= 'a' && raw[0] <= 'z'))) return false;
    if (in(x.norm, kPrepositions) || in(x.norm, kAux) || in(x.norm, kCoordinators) || in(x.norm, kSubordinators) ||
        in(x.norm, kSingularPronouns) || in(x.norm, kPluralPronouns) ||
        in(x.norm, {"that", "who", "whom", "which", "it", "we", "i", "you", "this", "these", "those", "said"}))
      return false;
    if (in(x.norm, kDeterminers) || x.lemmas == nullptr || anchors) return true;
    // a word that anchors a pattern ("talks", "visit") is not an adjective here
    return !anchors_pattern(x);
  }
  // Skips at most three modifiers forward from t when an actor mention follows them.
  uint32_t skip_modifiers(uint32_t t, uint32_t end) const {
    uint32_t j = t;
    while (j < end && j < t + 3 && modifier(j)) ++j;
    return (j < end && tok(j).mention_start) ? j : t;
  }

  // "X, Y and Z": a comma continues a list only if an "and" follows later.
  bool possible_list(uint32_t j, uint32_t end) const {
    uint32_t after = mention_at(tok(j).mention).token_end;
    return after < end && (norm(after) == "and" || norm(after) == ",");
  }

  // "X said Kenya and Uganda must ...", "X said on Monday Kenya, Rwanda and Uganda would ...": the
  // "and" at token t closes a list of actors that opens the reported content of a reporting verb
  // with no "that" (only a day or "today" between): the list is that content's subject, and the
  // verb after it no coordinated clause of its own. After a verb whose object is the one told (hearer
  // 'object' in reporting.tsv) only when a plural or modal finite auxiliary follows the list ("X warned
  // A and B would pay ...", "... A and B are to ..."); a finite lexical verb or a singular auxiliary
  // there opens a clause of the last actor ("X warned A and B threatened/has threatened ...": A is
  // warned, B threatens).
  bool reported_subject_list(uint32_t b, uint32_t t, uint32_t e) const {
    if (t <= b || tok(t - 1).mention < 0) return false;
    uint32_t f = mention_at(tok(t - 1).mention).first_token;
    while (f > b + 1 && norm(f - 1) == "," && tok(f - 2).mention >= 0) f = mention_at(tok(f - 2).mention).first_token;
    while (f > b && tok(f - 1).mention < 0 &&
           (in(norm(f - 1), {"on", "today", "yesterday"}) || weekday_name(norm(f - 1))))
      --f;
    if (f <= b || tok(f - 1).mention >= 0 || !reporting(f - 1) || ends_with(norm(f - 1), "ing")) return false;
    if (!reporting_to_object(f - 1)) return true;
    uint32_t m = t + 1;  // B's mention, after a determiner ("and the Rwandan army")
    if (m + 1 < e && tok(m).mention < 0 && in(norm(m), kDeterminers)) ++m;
    if (m >= e || !tok(m).mention_start) return false;
    const uint32_t after = mention_at(tok(m).mention).token_end;
    // a plural or modal form only: "A and B has arrested ..." is B's own clause (review27 #5)
    return after < e && tok(after).mention < 0 && finite_auxiliary(norm(after)) && !singular_auxiliary(norm(after));
  }

  // ---- clauses --------------------------------------------------------------
  std::vector<Clause> split(const Sentence& s) const {
    const uint32_t b = s.first_token;
    const uint32_t e = s.first_token + s.token_count;
    std::vector<Clause> cl(1);
    std::vector<bool> verb_seen(1, false);
    size_t cur = 0;
    auto open = [&](int32_t parent) {
      cl.emplace_back();
      cl.back().parent = parent;
      verb_seen.push_back(false);
      cur = cl.size() - 1;
    };
    for (uint32_t t = b; t < e; ++t) {
      const Tok& x = tok(t);
      if (x.removed) continue;
      if (x.mention >= 0) {
        cl[cur].toks.push_back(t);
        continue;
      }
      const std::string_view w = x.norm;
      if (in(w, kClauseBreaks)) {
        open(-1);
        continue;
      }
      // "arrested the militants who attacked the camp, killing two": a comma participle after a
      // "who" clause of an act goes on that clause, whose subject (the antecedent) did it
      if (w == "," && relative_goes_on(cl[cur], t, e)) {
        if (cl[cur].goes_on_at == SIZE_MAX) cl[cur].goes_on_at = cl[cur].toks.size();
        cl[cur].toks.push_back(t);
        continue;
      }
      if (w == "," && cl[cur].parent >= 0) {
        cur = static_cast<size_t>(cl[cur].parent);
        continue;
      }
      if (w == "," && t > b && tok(t - 1).mention >= 0) {  // apposition: ", a top aide to Putin,"
        uint32_t j = t + 1;
        if (j < e && in(norm(j), kDeterminers)) {
          uint32_t k = j;
          bool verb = false;
          bool actor = false;
          while (k < e && k < t + 14 && norm(k) != "," && !in(norm(k), kClauseBreaks)) {
            verb = verb || verbish(k) || norm(k) == "and" || in(norm(k), {"who", "which", "that"});
            actor = actor || (tok(k).mention_start && actor_mention(tok(k).mention));
            ++k;
          }
          // ", the cautious Chile, and Peru" is a list, not an apposition, and so is
          // "A, the B, C and D": an actor after the closing comma that goes on with "and"/","
          const bool list = actor && k + 1 < e &&
                            (norm(k + 1) == "and" || (tok(k + 1).mention_start && actor_mention(tok(k + 1).mention) &&
                                                      possible_list(k + 1, e)));
          if (k < e && norm(k) == "," && !verb && !list) {
            t = k;  // skip the apposition and its closing comma
            continue;
          }
        }
      }
      // "which" refers to a body as "who" to a person ("the city police, which detained 40 men,"): its
      // antecedent is the actor mention before it; after anything else (", which angered them") it has none
      // "that" right after an actor mention and before a verb with no subject of its own is a relative
      // pronoun too ("the troops that guarded the depot fired ..."), not a complementiser
      if (in(w, {"who", "whom", "which"}) || relative_that(t, b, e)) {
        uint32_t p = t;
        while (p > b && norm(p - 1) == ",") --p;
        int32_t ante = p > b ? tok(p - 1).mention : -1;
        if (w != "who" && w != "whom" && (ante < 0 || !actor_mention(ante))) ante = -1;
        open(static_cast<int32_t>(cur));
        cl[cur].antecedent = ante;
        cl[cur].opener = w;
        continue;
      }
      // "once again" / "once more" is an adverb of the verb group ("X once again rejected Y"), no clause
      if (in(w, kSubordinators) && t + 1 < e && !(w == "once" && in(norm(t + 1), {"again", "more"}))) {
        const bool cond = in(w, {"if", "unless", "whether"});
        open(static_cast<int32_t>(cur));
        cl[cur].conditional = cond;
        cl[cur].opener = w;
        continue;
      }
      if (w == "that") {
        const auto governor = static_cast<int32_t>(cur);
        open(cl[cur].parent);
        cl[cur].complement_of = governor;
        continue;
      }
      if (in(w, kCoordinators) && verb_seen[cur]) {
        uint32_t j = t + 1;
        while (j < e && in(norm(j), {"then", "later", "also", "subsequently", "immediately", "afterwards"})) ++j;
        if (j < e && verbish(j)) {
          const int32_t parent = cl[cur].parent;
          const size_t prev = cur;
          open(parent);
          cl[cur].carry = true;
          cl[cur].antecedent = cl[prev].antecedent;
          continue;
        }
        // "and the Rwandan army has ...": a determiner before the mention
        if (j + 1 < e && tok(j).mention < 0 && in(norm(j), kDeterminers) && tok(j + 1).mention_start) ++j;
        if (j < e && (tok(j).mention_start || in(norm(j), {"he", "she", "they"})) && !reported_subject_list(b, t, e)) {
          uint32_t after = tok(j).mention >= 0 ? mention_at(tok(j).mention).token_end : j + 1;
          while (after < e && in(norm(after), {"then", "later", "also", "has", "have", "had"}) && !verbish(after))
            ++after;
          if (after < e && verbish(after)) {
            open(cl[cur].parent);
            continue;
          }
        }
      }
      cl[cur].toks.push_back(t);
      if (verbish(t)) verb_seen[cur] = true;
    }
    std::vector<Clause> out;
    std::vector<int32_t> remap(cl.size(), -1);
    for (size_t i = 0; i < cl.size(); ++i) {
      if (cl[i].toks.empty() && !cl[i].carry) continue;
      remap[i] = static_cast<int32_t>(out.size());
      out.push_back(std::move(cl[i]));
    }
    for (auto& c : out) {
      c.parent = c.parent >= 0 ? remap[static_cast<size_t>(c.parent)] : -1;
      c.complement_of = c.complement_of >= 0 ? remap[static_cast<size_t>(c.complement_of)] : -1;
    }
    return out;
  }

  // "that" at t is a relative pronoun: it follows an actor mention (no place) that ends right before it,
  // and a verb with no subject of its own follows it (one adverb may stand between): "the men that
  // stormed the office", "the unit that had raided the camp". "Police said that ...", "told the
  // villagers that they ..." and "told the villagers that arrested men ..." keep "that" a complementiser.
  bool relative_that(uint32_t t, uint32_t b, uint32_t e) const {
    if (norm(t) != "that" || t <= b || t + 1 >= e) return false;
    const int32_t m = tok(t - 1).mention;
    if (m < 0 || !actor_mention(m)) return false;
    const Mention& mm = mention_at(m);
    if (mm.token_end != t || mm.place || mm.kind == MentionKind::location || mm.kind == MentionKind::country)
      return false;
    // the object of a verb of saying: "told the villagers that arrested men ..." reports content
    uint32_t f = mm.first_token;
    while (f > b && in(norm(f - 1), kDeterminers)) --f;
    if (f > b && tok(f - 1).mention < 0 && reporting(f - 1)) return false;
    uint32_t j = t + 1;
    if (j + 1 < e && tok(j).mention < 0 && ends_with(norm(j), "ly") && norm(j).size() > 4) ++j;
    return tok(j).mention < 0 && verbish(j) && !reduced_relative(j);
  }

  // A "who" clause with an actor antecedent whose verb is an act (no form of "be": "who were
  // hiding", "who were arrested" say where or what someone was) goes on past the comma at token t
  // when a present participle opens what follows (one adverb may stand between): "the gunmen who
  // stormed the hotel, killing 20" is the gunmen's killing. Otherwise the comma closes the
  // relative clause and the participle is the main clause's ("raided a village where militants
  // were hiding, killing ...").
  bool relative_goes_on(const Clause& c, uint32_t t, uint32_t e) const {
    if (!in(c.opener, {"who", "which", "that"}) || c.antecedent < 0 || !actor_mention(c.antecedent) || c.toks.empty())
      return false;
    bool act = false;
    for (uint32_t u : c.toks) {
      if (tok(u).mention < 0 && in(norm(u), kBe)) return false;
      act = act || verbish(u);
    }
    uint32_t j = t + 1;
    if (j + 1 < e && tok(j).mention < 0 &&
        ((ends_with(norm(j), "ly") && norm(j).size() > 4) || in(norm(j), {"also", "thereby", "allegedly"})))
      ++j;
    return act && j < e && tok(j).mention < 0 && ends_with(norm(j), "ing") && norm(j).size() >= 5;
  }

  // "Police fired on protesters who blocked the road, killing 12": the comma participle that
  // relative_goes_on gave to the "who" clause goes back to the main clause when the main clause's
  // act is one of force (violent repression 175, assault, fighting, mass violence: roots 18-20;
  // not an arrest: "police arrested men who robbed a bank, killing two" is the robbers'), the "who"
  // clause's own act before the comma is no coercion or force (roots 17-20; a protest such as
  // blocking a road is none), and the participle's act is force: the force was the main clause's
  // doer's, when the participle names no victims of a country ("killing 12 people" does not; "killing three
  // Kenyan farmers" does, and stays the "who" clause's). "Gunmen who stormed the hotel, killing 20" keeps it
  // (storming is force).
  void participles_of_main_force(std::vector<Clause>& cl) {
    const auto force = [](const Match& m) {
      const std::string& c = m.pat->code;
      return c.size() >= 2 && (c.compare(0, 2, "18") == 0 || c.compare(0, 2, "19") == 0 || c.compare(0, 2, "20") == 0 ||
                               c.compare(0, 3, "175") == 0);
    };
    // the "who" clause's act: any coercion or force (roots 17-20: "who shelled the market" is
    // 1712), not a protest ("who blocked the road", 144)
    const auto coercion = [](const Match& m) {
      const std::string& c = m.pat->code;
      return c.size() >= 2 && (c.compare(0, 2, "17") == 0 || c.compare(0, 2, "18") == 0 || c.compare(0, 2, "19") == 0 ||
                               c.compare(0, 2, "20") == 0);
    };
    for (size_t ci = 0; ci < cl.size(); ++ci) {
      Clause& rel = cl[ci];
      if (rel.goes_on_at == SIZE_MAX || rel.parent < 0 || rel.goes_on_at >= rel.toks.size()) continue;
      Clause& main = cl[static_cast<size_t>(rel.parent)];
      clause_index_ = static_cast<size_t>(rel.parent);
      const std::vector<Match> in_main = matches(main);
      if (std::none_of(in_main.begin(), in_main.end(), force)) continue;
      clause_index_ = ci;
      const std::vector<Match> in_rel = matches(rel);
      const size_t at = rel.goes_on_at;
      if (std::any_of(in_rel.begin(), in_rel.end(), [&](const Match& m) { return m.anchor_pos < at && coercion(m); }) ||
          std::none_of(in_rel.begin(), in_rel.end(), [&](const Match& m) { return m.anchor_pos > at && force(m); }))
        continue;
      // A participle that names victims of another country than the "who" clause's people ("killing three
      // Ugandan farmers" after Kenyan rebels) may be those people's act, and stays theirs; a bare count, victims
      // of no country ("killing seven people", "five civilians") or of the people's own country ("killing three
      // Kenyans" after Kenyan traders: people do not kill their own) go back to the main clause.
      // The "who" clause's people: the last actor of the main clause before it (its antecedent).
      std::string antecedent_country;
      for (uint32_t u : main.toks) {
        if (u >= rel.toks.front()) break;
        const int32_t m = tok(u).mention;
        if (m >= 0 && actor_mention(m)) antecedent_country = actor_of(m).country;
      }
      if (std::any_of(rel.toks.begin() + static_cast<std::ptrdiff_t>(at), rel.toks.end(), [&](uint32_t u) {
            const int32_t m = tok(u).mention;
            if (m < 0 || !actor_mention(m)) return false;
            const std::string country = actor_of(m).country;
            return !country.empty() && country != antecedent_country;
          }))
        continue;
      main.toks.insert(main.toks.end(), rel.toks.begin() + static_cast<std::ptrdiff_t>(at), rel.toks.end());
      std::sort(main.toks.begin(), main.toks.end());
      rel.toks.resize(at);
      rel.goes_on_at = SIZE_MAX;
    }
  }

  // Subject of the clause: the actor before its first verb.
  void resolve_subject(std::vector<Clause>& cl, size_t ci) {
    Clause& c = cl[ci];
    size_t verb = c.toks.size();
    for (size_t p = 0; p < c.toks.size(); ++p)
      if (verbish(c.toks[p])) {
        verb = p;
        break;
      }
    c.subject = subject_before(c, verb, c.subject_how);
    if (c.subject.empty() && c.carry && ci > 0) {
      std::string how;
      c.subject = reported_subject(cl[ci - 1], how);
      if (!c.subject.empty()) {
        c.subject_how = "carried over from the reported clause before (" + how + ")";
      } else {
        c.subject = cl[ci - 1].subject;
        c.subject_how = "carried over from the coordinated clause before (" + cl[ci - 1].subject_how + ")";
      }
    }
  }

  // "the minister said police arrested X and fired ...": a clause whose first verb reports
  // speech with no "that" holds the reported clause too; a verb coordinated after it
  // continues the reported clause, so its subject is the reported subject (the actor after
  // the reporting verb and before the next verb), not the speaker. Empty when the clause
  // has no such shape.
  std::vector<int32_t> reported_subject(const Clause& c, std::string& how) const {
    size_t v1 = c.toks.size();
    for (size_t p = 0; p < c.toks.size(); ++p)
      if (verbish(c.toks[p])) {
        v1 = p;
        break;
      }
    if (v1 + 2 >= c.toks.size() || !reporting(c.toks[v1])) return {};
    size_t v2 = v1 + 2;  // at least one word of subject between
    while (v2 < c.toks.size() && !verbish(c.toks[v2])) ++v2;
    if (v2 >= c.toks.size()) return {};
    auto subject = subject_before(c, v2, how);
    if (subject.empty()) return {};
    const Mention& m = mention_at(subject.front());
    return m.first_token > c.toks[v1] ? subject : std::vector<int32_t>{};
  }

  // A mention governed by a preposition over modifiers before it ("the sides of the divided
  // Mediterranean island agreed": of ... island, no subject). The words between are determiners,
  // modifiers, or a past form right after a determiner ("the occupied"), at most four, at least one
  // of them no determiner (a bare "of the X" stays as it was); a count's "of" ("thousands of angry
  // students") governs nothing; a mention right before the verb is its subject ("as the riot
  // police silenced ..."); and the mention is passed over only when an actor mention stands before
  // the preposition in the clause, one that is no role in lower-case words ("a spokesman for the
  // army-backed government": the government's spokesman).
  bool governed_over_modifiers(const Clause& c, size_t qs, bool right_before) const {
    if (right_before) return false;  // "as the police silenced ...": the verb's own subject
    size_t r = qs;
    int n = 0;
    bool described = false;  // a word other than a determiner stands between
    while (r > 0 && n < 4) {
      const uint32_t t = c.toks[r - 1];
      const std::string_view w = norm(t);
      const bool det = is_determiner(w);
      const bool past_adj = r >= 2 && is_determiner(norm(c.toks[r - 2])) && ends_with(w, "ed") && tok(t).mention < 0 &&
                            !tok(t).punct && k_.lemmatizer.is_past_form(w);
      if (!det && !past_adj && !modifier(t)) break;
      described = described || !det;
      --r;
      ++n;
    }
    if (!described || r == 0) return false;
    const std::string_view prep = norm(c.toks[r - 1]);
    if (!in(prep, kPrepositions)) return false;
    if (r >= 2 && (prep == "of") &&
        (k_.count_nouns.contains(norm(c.toks[r - 2])) || in(norm(c.toks[r - 2]), {"some", "many", "most", "all"})))
      return false;
    // only when an actor before the preposition can head the subject: "a member of the Kenyan
    // parliament started ..." has no other, and the parliament stands for its member
    // and not when that actor is a role named by lower-case words ("a spokesman for the army-backed
    // government", "farmers in southern X"): the phrase says whose role it is
    for (size_t q = r - 1; q-- > 0;) {
      const int32_t am = tok(c.toks[q]).mention;
      if (!actor_mention(am)) continue;
      const Mention& hm = mention_at(am);
      if (hm.kind != MentionKind::agent) return true;
      const uint32_t first = doc_.text.sentences[hm.sentence].first_token;
      for (uint32_t t = hm.first_token; t < hm.token_end; ++t) {
        const std::string_view raw = doc_.text.tokens[t].span.of(doc_.article.text);
        if (t != first && !raw.empty() && raw[0] >= 'A' && raw[0] <= 'Z') return true;
      }
      return false;
    }
    return false;
  }

  // The mention at clause position qs is counted after "of" and an actor's head noun: "the killer of three
  // Kenyan farmers was arrested", "the attackers of dozens of villagers were caught". A count (with
  // determiners) between "of" and the mention makes the people counted the head's complement, the ones
  // acted on, not whose role the head is ("a spokesman for the government said": the government; see
  // governed_over_modifiers), also right before the verb; the head is the subject. The "of" after a count
  // noun ("dozens of") governs nothing.
  bool counted_complement_of_actor(const Clause& c, size_t qs) const {
    size_t r = qs;
    bool counted = false;
    while (r > 0 && qs - r < 3 && tok(c.toks[r - 1]).mention < 0 &&
           (quantifier(c, r - 1) || is_determiner(norm(c.toks[r - 1])))) {
      counted = counted || quantifier(c, r - 1);
      --r;
    }
    if (!counted || r < 2 || norm(c.toks[r - 1]) != "of") return false;
    const uint32_t head = c.toks[r - 2];
    return actor_mention(tok(head).mention) && !k_.count_nouns.contains(norm(head));
  }

  // The mention at clause position qs is a place that a place noun right before it describes, after a
  // preposition of place (with determiners and modifiers between) and an actor before that: "rebels in
  // the capital X attacked", "traders at the port town X protested". The place is where the actor is,
  // not the subject, also right before the verb.
  bool described_place_after_actor(const Clause& c, size_t qs) const {
    const Mention& pm = mention_at(tok(c.toks[qs]).mention);
    if (!pm.place.has_value() && pm.kind != MentionKind::location) return false;
    if (qs == 0 || !k_.actor_words.place_noun(norm(c.toks[qs - 1]))) return false;
    size_t r = qs - 1;
    for (int n = 0; n < 3 && r > 0 && tok(c.toks[r - 1]).mention < 0 &&
                    (is_determiner(norm(c.toks[r - 1])) || modifier(c.toks[r - 1]));
         ++n)
      --r;
    if (r == 0 || !in(norm(c.toks[r - 1]), kPlacePrepositions)) return false;
    for (size_t q = r - 1; q-- > 0;)
      if (actor_mention(tok(c.toks[q]).mention)) return true;
    return false;
  }

  // The owner of a passive's subject that is no actor: "the homes of Kenyan farmers were
  // attacked", "a camp for Somali refugees was shelled" (the thing acted on is theirs, or is for
  // them, so they are the target, as PETRARCH codes a noun phrase by its actor). The clause opens
  // with a noun phrase (determiners and plain words, no actor) and `of` or `for`, the actor mention
  // follows after at most three determiners or modifiers, and only auxiliaries and -ly adverbs
  // stand between it and the participle at clause position `p`. A place ("a hotel in X") is where,
  // and `in/at/near` name no owner. -1 when there is none.
  int32_t passive_subject_owner(const Clause& c, size_t p) const {
    size_t v = p;
    while (v > 0 && tok(c.toks[v - 1]).mention < 0 &&
           ((in(norm(c.toks[v - 1]), kAux) && norm(c.toks[v - 1]) != "to") || ends_with(norm(c.toks[v - 1]), "ly")))
      --v;
    if (v == p || v == 0) return -1;  // no auxiliary: no passive verb group
    const int32_t mi = tok(c.toks[v - 1]).mention;
    if (!actor_mention(mi) || mention_at(mi).kind == MentionKind::person) return -1;
    size_t q = v - 1;
    while (q > 0 && tok(c.toks[q - 1]).mention == mi) --q;
    for (int n = 0; q > 0 && n < 3 && modifier(c.toks[q - 1]); ++n) --q;
    if (q < 2 || !in(norm(c.toks[q - 1]), {"of", "for"})) return -1;
    // the head noun phrase: at least one plain word, no actor, from the clause's start
    size_t h = q - 1;
    int words = 0;
    while (h > 0 && tok(c.toks[h - 1]).mention < 0 && !tok(c.toks[h - 1]).punct && modifier(c.toks[h - 1], true)) {
      --h;
      ++words;
    }
    if (words == 0 || h != 0) return -1;
    return mi;
  }

  // The speaker of the quotation token t is in: a speaker of this sentence whose reporting verb
  // has a quotation mark between it and t ("“we ...,” X said"; X said: “... we ...”). -1 when none.
  int32_t quoted_speaker(uint32_t t) const {
    if (speech_ == nullptr) return -1;
    const auto quote_mark = [&](uint32_t q) {
      return tok(q).punct && in(tok(q).norm, {"\"", "“", "”", "``", "''", "‘‘", "’’"});
    };
    // The speaker's own verb first: "according to X" names who relays the quotation ("“...,” Y
    // said, according to X"), the speaker only when no verb of speaking names another.
    for (const bool relayed : {false, true})
      for (const Speech& sp : *speech_) {
        if (sp.speaker < 0 || !actor_mention(sp.speaker) || (norm(sp.verb) == "according") != relayed) continue;
        const uint32_t lo = std::min(t, sp.verb), hi = std::max(t, sp.verb);
        if (!sp.content_after && t > sp.verb) continue;
        if (sp.content_after && t < sp.verb) continue;
        for (uint32_t q = lo + 1; q < hi; ++q)
          if (quote_mark(q)) return sp.speaker;
      }
    return -1;
  }

  // Nearest actor mention before clause position `p` not governed by a
  // preposition (with its compound), else the relative antecedent or a pronoun.
  std::vector<int32_t> subject_before(const Clause& c, size_t p, std::string& how) const {
    // "Troops open fire on the crowd and kill dozens": a verb right after "and" whose nearest actor
    // stands after the verb before the "and" (that verb's object) shares that verb's subject; a past
    // form is cut into a clause of its own and carries it (step 2), a present one is not cut.
    if (p >= 3 && tok(c.toks[p - 1]).mention < 0 && norm(c.toks[p - 1]) == "and") {
      for (size_t v = p - 1; v-- > 0;) {
        const Tok& y = tok(c.toks[v]);
        if (y.punct) break;
        if (y.mention >= 0 || !anchors_pattern(y) || (v > 0 && is_determiner(norm(c.toks[v - 1])))) continue;
        bool object_between = false;
        for (size_t q = v + 1; q + 1 < p; ++q)
          object_between = object_between || (tok(c.toks[q]).mention >= 0 && actor_mention(tok(c.toks[q]).mention));
        if (!object_between) break;
        std::string first_how;
        auto ms = subject_before(c, v, first_how);
        if (!ms.empty()) {
          how = "subject of the verb before 'and' (" + first_how + ")";
          return ms;
        }
        break;
      }
    }
    // "curbs on Ruritania as a reply to its shelling of Freedonia": "its" just before the
    // anchor (at most three words between) names the possessor: the nearest country or
    // organisation before it, also one governed by a preposition; never a person.
    for (size_t q = p, steps = 0; q-- > 0 && steps < 4; ++steps) {
      const Tok& x = tok(c.toks[q]);
      if (x.mention >= 0 || x.punct) break;
      if (x.norm != "its") continue;
      for (size_t r = q; r-- > 0;) {
        const int32_t mm = tok(c.toks[r]).mention;
        if (mm < 0 || !actor_mention(mm) || generic_agent(mm) || mention_at(mm).kind == MentionKind::person) continue;
        how = "possessive 'its' -> nearest country or organisation before it";
        return {mm};
      }
      break;
    }
    // "X announced that it will withdraw ...": a subject "it" right before the verb group (only
    // auxiliaries between) is the nearest country or organisation before it that is not governed
    // by a preposition, in the same sentence; never a person.
    for (size_t q = p, steps = 0; q-- > 0 && steps < 5; ++steps) {
      const Tok& x = tok(c.toks[q]);
      if (x.mention < 0 && x.norm == "it") {
        // "sanctions on three firms that it said had helped Y": a reporting verb with a verb group
        // right after it is a parenthetical inside a relative clause; the act is the firms'
        if (p + 1 < c.toks.size() && reporting(c.toks[p]) && verbish(c.toks[p + 1])) break;
        const int32_t r = resolve_it(c.toks[q]);
        if (r >= 0) {
          how = "pronoun 'it' -> nearest country or organisation before it (" + name_of(r) + ")";
          return {r};
        }
        break;
      }
      if (x.mention >= 0 || x.punct || !in(x.norm, kAux) || x.norm == "to") break;
    }
    // A quoted "we" right before the verb group is the speaker's body (the speaker stands for it).
    for (size_t q = p, steps = 0; q-- > 0 && steps < 4; ++steps) {
      const Tok& x = tok(c.toks[q]);
      if (x.mention < 0 && x.norm == "we") {
        const int32_t r = quoted_speaker(c.toks[q]);
        if (r >= 0) {
          how = "quoted 'we' -> the speaker's body (" + name_of(r) + ")";
          return {r};
        }
        break;
      }
      if (x.mention >= 0 || x.punct || !(in(x.norm, kAux) || k_.clause_words.subject_adverb(x.norm)) || x.norm == "to")
        break;
    }
    for (size_t q = p; q-- > 0;) {
      const uint32_t t = c.toks[q];
      const Tok& x = tok(t);
      if (x.mention >= 0) {
        const Mention& m = mention_at(x.mention);
        // the mention ends right before the verb, or one plain noun before it ("X crowds burned")
        const bool before_verb = q + 1 == p || (q + 2 == p && modifier(c.toks[q + 1]));
        const bool right_before = q + 1 == p;  // the mention's last word is right before the anchor
        size_t qs = q;
        while (qs > 0 && c.toks[qs - 1] >= m.first_token && tok(c.toks[qs - 1]).mention == x.mention) --qs;
        q = qs;
        if (!actor_mention(x.mention)) continue;
        // "the two leaders"; "the leaders" only when a pair was named together before
        if (generic_agent(x.mention) && (pair_mention(m) || (definite_pair_noun(m) && !last_pair_.empty()))) {
          auto pair = recent_pair(m.first_token, how);
          if (!pair.empty()) {
            how = "'" + std::string(m.span.of(doc_.article.text)) + "' -> " + how;
            return pair;
          }
        }
        // "thousands of students marched": a count's "of" governs nothing
        const bool count_of = qs > 1 && norm(c.toks[qs - 1]) == "of" && k_.count_nouns.contains(norm(c.toks[qs - 2]));
        // "after X burned ...": a conjunction-preposition with a verb right after its noun
        // phrase opens a clause, whose subject X is
        if (qs > 0 && in(norm(c.toks[qs - 1]), kPrepositions) && !count_of &&
            !(before_verb && in(norm(c.toks[qs - 1]), {"after", "before", "since", "until", "till"})) &&
            !(right_before && p < c.toks.size() && noun_compound_head(c.toks[p])))
          continue;
        if (governed_over_modifiers(c, qs, right_before)) continue;
        if (described_place_after_actor(c, qs)) continue;
        if (counted_complement_of_actor(c, qs)) continue;
        std::vector<int32_t> ms{x.mention};
        size_t r = qs;
        // "X and a group of deputies", "X and dozens of students": the list goes on before the count
        if (count_of) {
          r = qs - 2;
          while (r > 0 && (in(norm(c.toks[r - 1]), {"a", "an", "the"}) || quantifier(c, r - 1))) --r;
        }
        bool saw_and = false;  // "A, B and C": a comma joins only a list closed by "and"
        while (r >= 2) {       // look back over "X and" / "X," (and modifiers: "X and the evil Y")
          size_t rm = r;
          while (rm > 1 && r - rm < 3 && modifier(c.toks[rm - 1])) --rm;
          if (rm < r && rm >= 2 && in(norm(c.toks[rm - 1]), {"and", ",", "&"})) r = rm;
          const std::string_view sep = norm(c.toks[r - 1]);
          size_t r2 = r - 1;
          if (sep == "and" && r2 >= 1 && norm(c.toks[r2 - 1]) == ",") --r2;
          if (!(sep == "and" || sep == "," || sep == "&" || sep == "nor" || sep == "or") || r2 == 0) break;
          if (sep == ",") {
            if (!saw_and) break;  // "after meeting Xi and his officials, Putin ...": no list
          } else {
            saw_and = true;
          }
          const int32_t pm = tok(c.toks[r2 - 1]).mention;
          if (!actor_mention(pm)) break;
          size_t rp = r2 - 1;
          while (rp > 0 && tok(c.toks[rp - 1]).mention == pm) --rp;
          if (sep == "or" && !either_before(c.toks[rp])) break;  // "X or Y" alone joins nothing
          ms.insert(ms.begin(), pm);
          r = rp;
        }
        // "the ambassadors of A, B and C": a list after an agent and of/in/from is no subject
        if (ms.size() > 1 && r > 1 && in(norm(c.toks[r - 1]), {"of", "in", "from"}) &&
            tok(c.toks[r - 2]).mention >= 0 && mention_at(tok(c.toks[r - 2]).mention).kind == MentionKind::agent) {
          q = r;
          continue;
        }
        how = ms.size() > 1 ? "compound subject before the verb" : "nearest actor before the verb";
        return ms;
      }
      if (in(x.norm, kSingularPronouns) && x.norm != "his" && x.norm != "her") {
        auto r = resolve_singular(t);
        if (r >= 0) {
          how = "pronoun '" + std::string(x.norm) + "' -> most recent person (" + name_of(r) + ")";
          return {r};
        }
      }
      if (in(x.norm, {"they", "both"}) || is_pair_description(c, q)) {
        // "they": a pair named together, else a group of this or the previous sentence, else
        // the two most recent people of different countries (named apart, maybe long before)
        if (x.norm == "they" && last_pair_.empty()) {
          const int32_t g = resolve_group(t);
          if (g >= 0) {
            how = "'they' -> most recent group of this or the previous sentence (" + name_of(g) + ")";
            return {g};
          }
        }
        auto pair = recent_pair(t, how);
        if (!pair.empty()) {
          how = "'" + std::string(x.norm) + "' -> " + how;
          return pair;
        }
      }
    }
    if (c.antecedent >= 0) {
      how = "antecedent of the relative clause";
      return {c.antecedent};
    }
    return {};
  }

  // An act named by a noun (a gerund or an -ion/-ity noun, no past form: "firing", "action",
  // "inaction") takes the actor right before it as its doer, also after a preposition: "killed in
  // police firing", "due to police inaction" (a noun compound), unlike a verb ("attacks on police
  // killed ...").
  bool noun_compound_head(uint32_t t) const {
    const Tok& x = tok(t);
    if (x.mention >= 0 || x.past) return false;
    return ends_with(x.norm, "ing") || ends_with(x.norm, "ion") || ends_with(x.norm, "ity");
  }

  // How many mentions start before token t (mentions are in text order).
  size_t mentions_before(uint32_t t) const {
    return static_cast<size_t>(std::lower_bound(doc_.mentions.begin(), doc_.mentions.end(), t,
                                                [](const Mention& m, uint32_t v) { return m.first_token < v; }) -
                               doc_.mentions.begin());
  }

  // The pair "they" / "the two leaders" refers to: the last compound named
  // together, else the two most recent people of different countries before `before`.
  std::vector<int32_t> recent_pair(uint32_t before, std::string& how) const {
    if (!last_pair_.empty()) {
      how = "the last pair of actors named together";
      return last_pair_;
    }
    std::vector<int32_t> out;
    std::string first_country;
    for (size_t m = mentions_before(before); m-- > 0 && out.size() < 2;) {
      const Mention& mm = doc_.mentions[m];
      if (mm.kind != MentionKind::person || !actor_mention(static_cast<int32_t>(m))) continue;
      const Actor a = actor_of(static_cast<int32_t>(m));
      const std::string country = a.country.empty() ? a.code.substr(0, 3) : a.country;
      if (out.empty()) {
        first_country = country;
        out.push_back(static_cast<int32_t>(m));
      } else if (country != first_country) {
        out.insert(out.begin(), static_cast<int32_t>(m));
      }
    }
    if (out.size() < 2) return {};
    how = "the two most recent people of different countries";
    return out;
  }

  // A role mention that names a pair: "the two leaders", "both heads of state" ("two" or "both"
  // right before or inside it, and a pair noun: "the two policemen" are no pair).
  bool pair_mention(const Mention& m) const {
    bool counted = false, noun = false;
    for (uint32_t t = m.first_token > base_ ? m.first_token - 1 : m.first_token; t < m.token_end; ++t) {
      const std::string_view w = norm(t);
      counted = counted || w == "two" || w == "both";
      noun = noun || k_.pair_nouns.contains(w);
    }
    return counted && noun;
  }

  // "the leaders", "the presidents": a plural pair noun right after "the" (no country).
  bool definite_pair_noun(const Mention& m) const {
    if (m.first_token <= base_ || m.token_end != m.first_token + 1 || norm(m.first_token - 1) != "the") return false;
    return k_.pair_nouns.contains(norm(m.first_token));
  }

  // "the two leaders", "both sides", "the two men" ending at clause position q.
  bool is_pair_description(const Clause& c, size_t q) const {
    if (q < 1 || !k_.pair_nouns.contains(norm(c.toks[q]))) return false;
    const std::string_view before = norm(c.toks[q - 1]);
    return before == "two" || before == "both";
  }

  // "They opened fire": with no pair named together, "they" is the most recent group actor
  // (an agent mention: police, troops, rebels) before it in this sentence or the previous one,
  // not governed by a preposition. -1 when there is none.
  int32_t resolve_group(uint32_t before_token) const {
    const uint32_t from = sentence_ > 0 ? doc_.text.sentences[sentence_ - 1].first_token : base_;
    for (size_t m = mentions_before(before_token); m-- > 0;) {
      const Mention& mm = doc_.mentions[m];
      if (mm.first_token < from) break;
      if (mm.kind != MentionKind::agent || !actor_mention(static_cast<int32_t>(m))) continue;
      if (mm.first_token > 0 && in(doc_.text.norm(doc_.text.tokens[mm.first_token - 1]), kPrepositions)) continue;
      // a group of people: a plural head ("troops", "policemen") or a collective ("police"); "the
      // market" is no "they"
      const std::string_view head = doc_.text.norm(doc_.text.tokens[mm.token_end - 1]);
      if (!(ends_with(head, "men") || (ends_with(head, "s") && !ends_with(head, "ss")) ||
            in(head, {"police", "people", "army", "military", "militia", "personnel", "staff", "crowd", "mob"})))
        continue;
      return static_cast<int32_t>(m);
    }
    return -1;
  }

  // The referent of a subject "it": the nearest actor mention before the token in its sentence
  // (an "it" opening a sentence is too often a report's organisation named long before) that
  // names a country or an organisation (an agent only with its country and a singular head: "the
  // Israeli army"), not a person, a place or a bare role, and is not governed by a preposition
  // ("X turned down an offer by Y ..., saying it ...": X). -1 when there is none.
  int32_t resolve_it(uint32_t before_token) const {
    for (size_t m = mentions_before(before_token); m-- > 0;) {
      const Mention& mm = doc_.mentions[m];
      if (mm.first_token < base_) break;
      const auto mi = static_cast<int32_t>(m);
      if (mm.kind == MentionKind::person || mm.kind == MentionKind::location || !actor_mention(mi) || generic_agent(mi))
        continue;
      // "it" is one body: a plural head ("three individuals", "Israeli forces") is no referent
      const std::string_view head = doc_.text.norm(doc_.text.tokens[mm.token_end - 1]);
      if (mm.kind == MentionKind::agent && ((ends_with(head, "s") && !ends_with(head, "ss")) || ends_with(head, "men")))
        continue;
      if (mm.first_token > 0 && in(doc_.text.norm(doc_.text.tokens[mm.first_token - 1]), kPrepositions)) continue;
      return mi;
    }
    return -1;
  }

  int32_t resolve_singular(uint32_t before_token) const {
    for (size_t m = mentions_before(before_token); m-- > 0;) {
      const Mention& mm = doc_.mentions[m];
      if (mm.kind == MentionKind::person && actor_mention(static_cast<int32_t>(m))) return static_cast<int32_t>(m);
    }
    return -1;
  }

  // ---- reported speech --------------------------------------------------------
  // The speaker of an inverted reporting verb ("..., said the Kremlin", "...," said a senior
  // police official): the verb follows the reported content, so a punctuation mark (a comma
  // or a closing quote) stands right before it, and the speaker follows it after "the", or
  // "a/an" and at most two modifiers. Without that mark "X said the army would ..." names no
  // speaker after the verb: "the army" opens the content. -1 when there is none.
  int32_t inverted_speaker(uint32_t verb, uint32_t b, uint32_t e) const {
    if (verb == b || !tok(verb - 1).punct) return -1;
    uint32_t k = verb + 1;
    if (k < e && norm(k) == "the") {
      ++k;
    } else if (k < e && in(norm(k), {"a", "an"})) {
      ++k;
      for (int n = 0; n < 2 && k < e && tok(k).mention < 0 && modifier(k); ++n) ++k;
    }
    return k < e && actor_mention(tok(k).mention) ? tok(k).mention : -1;
  }

  // A statement "X said" whose content stands before it ("Y will visit X on Friday, said the
  // Kremlin", "..., his office said"): the verb opens no content after it (it ends the sentence
  // but for a time expression or punctuation) and a comma separates it from the source the match
  // took, or the speaker follows the verb. That source is the content's subject, not the speaker.
  bool content_before_comma(const Clause& cl, const Match& m, const Speech* sp) const {
    if (sp != nullptr && !sp->content_after && sp->speaker_first == sp->verb) return true;  // inverted speaker
    if (sp != nullptr) return false;  // the speaker right before the verb is the source
    if (m.sources.empty()) return false;
    const uint32_t at = cl.toks[m.anchor_pos];
    const Mention& src = mention_at(m.sources.front());
    const Sentence& s = doc_.text.sentences[sentence_];
    const uint32_t e = s.first_token + s.token_count;
    // a source of this sentence before the verb (not one a pronoun resolved to before it)
    if (src.first_token < s.first_token || src.token_end > at) return false;
    bool comma = false;
    for (uint32_t t = src.token_end; t < at && !comma; ++t) comma = norm(t) == ",";
    if (!comma) return false;
    for (uint32_t t = at + 1; t < e; ++t)
      if (!tok(t).punct && !in_time_expression(t)) return false;
    return true;
  }

  bool in_time_expression(uint32_t t) const {
    return std::any_of(times().begin(), times().end(),
                       [&](const TimeExpression& te) { return t >= te.first_token && t < te.token_end; });
  }
  // t is a word of a time expression after its first ("Sunday" of "on Sunday")
  bool inside_time_expression(uint32_t t) const {
    return std::any_of(times().begin(), times().end(),
                       [&](const TimeExpression& te) { return t > te.first_token && t < te.token_end; });
  }

  // Whether token t of a reporting verb's clause is in the content it reports, not in the
  // saying: "X said Y will visit Z on Friday" (after the content's subject or "that"), "Y will
  // visit Z on Friday, X said" (before the speaker). The saying's own time stands between the
  // verb and its content ("X said on Monday that ...") or after the speaker ("..., X said on
  // Monday").
  bool in_reported_content(const Clause& cl, const Match& m, const Speech* sp, uint32_t t) const {
    const uint32_t at = cl.toks[m.anchor_pos];
    // a quotation mark between the verb and t: t is in the quotation ("“... on Friday,” X told reporters
    // on Tuesday"), whichever side of the verb it stands
    for (uint32_t q = std::min(t, at) + 1; q < std::max(t, at); ++q)
      if (tok(q).punct && in(tok(q).norm, {"\"", "“", "”", "``", "''", "‘‘", "’’"})) return true;
    if (sp != nullptr && !sp->content_after) return t < std::min(sp->speaker_first, at);
    if (t < at) return false;
    for (uint32_t q = at + 1; q < t; ++q) {
      if (norm(q) == "that" || finite_auxiliary(norm(q))) return true;
      if (!tok(q).mention_start) continue;
      // a mention opens the content ("X said Y will ..."), unless a preposition puts it in an adjunct of the
      // saying ("said in Moscow on Monday", "said at a meeting with Xi on Monday", "said in the Kremlin")
      uint32_t p = q - 1;
      while (p > at && in(norm(p), {"the", "a", "an"})) --p;
      if (p == at || !in(norm(p), kPrepositions)) return true;
    }
    return false;
  }

  // Whether the reporting verb at `verb` opens content after it, up to the sentence's end `e`: anything
  // but punctuation, time expressions and adjuncts of the saying itself. An adjunct is a preposition,
  // plain words and at most one mention ("said on Monday", "said in Nairobi", "said in a statement");
  // a colon or quotation mark opens content ("said: \"..."), and so do "that", a verb form and a
  // second noun phrase after the adjunct's ("said in Nairobi the army will ...").
  bool content_follows(uint32_t verb, uint32_t e) const {
    const auto opens = [&](uint32_t k) { return tok(k).punct && in(norm(k), {":", "\"", "“", "``", "‘‘"}); };
    for (uint32_t k = verb + 1; k < e;) {
      if (opens(k)) return true;
      if (tok(k).punct || in_time_expression(k)) {
        ++k;
        continue;
      }
      // "said, according to X": the attribution is an adjunct like a prepositional phrase, no content
      if (tok(k).mention < 0 && norm(k) == "according" && k + 1 < e && norm(k + 1) == "to") ++k;
      if (tok(k).mention >= 0 || !in(norm(k), kPrepositions)) return true;
      bool named = false;  // the adjunct's one mention was read
      for (++k; k < e && !tok(k).punct && !in_time_expression(k);) {
        const Tok& y = tok(k);
        if (y.mention < 0 && in(y.norm, kPrepositions)) break;  // the next adjunct
        if (y.mention >= 0 && !named) {
          named = true;
          while (k < e && tok(k).mention == y.mention) ++k;
          continue;
        }
        if (named || y.norm == "that" || verbish(k)) return true;
        ++k;
      }
    }
    return false;
  }

  std::vector<Speech> find_speech(const Sentence& s) const {
    std::vector<Speech> out;
    const uint32_t b = s.first_token;
    const uint32_t e = s.first_token + s.token_count;
    for (uint32_t t = b; t < e; ++t) {
      if (tok(t).mention >= 0 || tok(t).removed) continue;
      if (norm(t) == "according" && t + 2 < e && norm(t + 1) == "to") {
        uint32_t j = t + 2;
        if (norm(j) == "the" && j + 1 < e) ++j;
        if (actor_mention(tok(j).mention))
          out.push_back({t, tok(j).mention, false, b});  // whole sentence except the speaker
        continue;
      }
      if (!reporting(t)) continue;
      // speaker before: "X said", "X has said", "X told reporters"
      uint32_t j = t;
      while (j > b && in(norm(j - 1), {"has", "have", "had", "also", "later", "earlier", "reportedly", "previously"}))
        --j;
      if (j > b && actor_mention(tok(j - 1).mention)) {
        const int32_t m = tok(j - 1).mention;
        out.push_back({t, m, content_follows(t, e), mention_at(m).first_token});
        continue;
      }
      if (j > b && in(norm(j - 1), {"he", "she"})) {
        const int32_t m = resolve_singular(j - 1);
        if (m >= 0) out.push_back({t, m, content_follows(t, e), j - 1});
        continue;
      }
      // "X ..., (reportedly) stating/saying that ...": the participle's speaker is the
      // sentence's subject, the first actor not governed by a preposition before it
      if (ends_with(norm(t), "ing") && j > b && norm(j - 1) == ",") {
        int32_t subj = -1;
        for (uint32_t q = b; q + 1 < j && subj < 0; ++q)
          if (tok(q).mention_start && actor_mention(tok(q).mention) && !generic_agent(tok(q).mention) &&
              (q == b || !in(norm(q - 1), kPrepositions)))
            subj = tok(q).mention;
        if (subj >= 0) out.push_back({t, subj, true, mention_at(subj).first_token});
        continue;
      }
      // speaker after: "..., said the Kremlin", "...," said a senior police official
      if (const int32_t m = inverted_speaker(t, b, e); m >= 0) out.push_back({t, m, false, t});
    }
    return out;
  }

  // ---- matching ---------------------------------------------------------------
  struct State {
    std::vector<int32_t> sources, targets;
    size_t end = 0;
    size_t literals = 0;
    // The actor mention a pattern word after the anchor matched inside ("expel * diplomat"
    // on "expelled two Russian diplomats"): the verb's object, the target unless {T} is filled.
    int32_t word_mention = -1;
    uint32_t word_count = 0;  // how many of its tokens pattern words matched
    // An imported (TABARI/PETRARCH) pattern: its {S} takes any mention an actor dictionary
    // coded, also one the name finder typed as a place ("money from Osgiliath").
    bool imported = false;
    // an intent pattern (03x): a gap stops at a negation ("vowed it would not return X" is no
    // promise to return X); other codes keep PETRARCH's gaps (docs/petrarch.md)
    bool gap_stops_at_negation = false;
    bool each_other = false;  // a {T} slot took "each other" / "one another"
  };
  // The continuation of a match: "the rest matched up to (end, literals)". A non-owning
  // reference to a callable on the caller's stack (a function pointer and an object
  // pointer), so building one per pattern node costs no allocation; std::function
  // allocated for every node tried and was a fifth of the coder's instructions.
  class Cont {
   public:
    template <class F>
    requires(!std::is_same_v<std::remove_cvref_t<F>, Cont>)
        Cont(const F& f)  // NOLINT(google-explicit-constructor): lambdas pass as continuations
        : obj_(&f),
          call_([](const void* o, size_t end, size_t lits) { return (*static_cast<const F*>(o))(end, lits); }) {}
    bool operator()(size_t end, size_t lits) const { return call_(obj_, end, lits); }

   private:
    const void* obj_;
    bool (*call_)(const void*, size_t, size_t);
  };

  // Matches nodes seq[i..] at clause position pos, then calls k(end, literals).
  bool match_nodes(const Clause& cl, const std::vector<PatternNode>& seq, size_t i, size_t pos, size_t lits, State& st,
                   const Cont& k) const {
    if (i == seq.size()) return k(pos, lits);
    const PatternNode& n = seq[i];
    const auto next = [&](size_t p2, size_t l2) { return match_nodes(cl, seq, i + 1, p2, l2, st, k); };
    switch (n.kind) {
      case PatternNode::Kind::element:
        return match_element(cl, n.element, pos, lits, st, next);
      case PatternNode::Kind::sequence:
        return match_nodes(cl, n.children, 0, pos, lits, st, next);
      case PatternNode::Kind::alternatives: {
        // Most branches open with a word ("(meet|visit|talk) with"): test it here rather
        // than recursing into a branch that fails at its first element. The token is the same
        // for every branch; its word test comes first, as word_at and word_in_mention both
        // need it (imported patterns list dozens of branches, most of them failing there).
        const Tok* x = pos < cl.toks.size() ? &tok(cl.toks[pos]) : nullptr;
        // When every branch opens with a word, a token that is none of those words (nearly
        // always so) opens no branch: two binary searches instead of a test per branch.
        if (n.first_words_known && (x == nullptr || !opens_branch(*x, n))) return false;
        for (const PatternNode& c : n.children) {
          const PatternNode& first = c.children.front();
          if (first.kind == PatternNode::Kind::element && first.element.is_word() &&
              (x == nullptr || !word_matches(*x, first.element) ||
               (x->mention >= 0 && word_in_mention(cl, first.element, pos, st) < 0)))
            continue;
          if (match_nodes(cl, c.children, 0, pos, lits, st, next)) return true;
        }
        return false;
      }
      case PatternNode::Kind::optional:
        if (match_nodes(cl, n.children.front().children, 0, pos, lits, st, next)) return true;
        return next(pos, lits);
    }
    return false;
  }

  // "renewed talks on an Israeli troop pullback", "talks about the Kenyan elections": a mention
  // after "on/about/over/concerning/regarding" and at most three determiners or lower-case words
  // is what a mutual act is about, not a third party to it.
  bool topic_of(const Mention& tm) const {
    uint32_t t = tm.first_token;
    const uint32_t first = doc_.text.sentences[tm.sentence].first_token;
    for (int n = 0; n < 3 && t > first + 1; ++n) {
      const std::string_view raw = doc_.text.tokens[t - 1].span.of(doc_.article.text);
      if (cover_[t - 1] >= 0 || raw.empty() ||
          !std::all_of(raw.begin(), raw.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; }))
        break;
      if (in(norm(t - 1), {"on", "about", "over", "concerning", "regarding"})) return true;
      --t;
    }
    return t > first && in(norm(t - 1), {"on", "about", "over", "concerning", "regarding"});
  }

  // "(the) northern city of Harbin", "(the) port town of X": after a determiner, up to
  // three plain words ending in a place noun and "of" describe the place mention that
  // follows; the slot is that place. Returns the place's clause position, else p.
  size_t past_place_description(const Clause& cl, size_t p) const {
    for (size_t q = p; q < cl.toks.size() && q < p + 4; ++q) {
      const Tok& x = tok(cl.toks[q]);
      // "the Chinese city of Harbin", "the northern Kenyan town Lamu": a one-word country
      // adjective before a place noun describes the place (its country), it is not the place
      if (x.mention >= 0 && q + 1 < cl.toks.size() && tok(cl.toks[q + 1]).mention < 0 &&
          k_.actor_words.place_noun_before_of(norm(cl.toks[q + 1]))) {  // every place noun, "state" too
        const Mention& am = mention_at(x.mention);
        if (am.kind == MentionKind::country && am.first_token == cl.toks[q] && am.token_end == cl.toks[q] + 1) continue;
      }
      if (x.mention >= 0 || x.norm.empty() || !std::isalpha(static_cast<unsigned char>(x.norm.front()))) return p;
      // "the provincial capital Gulu", "the port town Lamu": the place noun right before the name; not
      // a name with a verb after it, the subject of a relative clause ("the region Russia annexed")
      if (k_.actor_words.place_noun(x.norm) && q + 1 < cl.toks.size() && tok(cl.toks[q + 1]).mention_start) {
        const Mention& pm = mention_at(tok(cl.toks[q + 1]).mention);
        const uint32_t after = pm.token_end;
        bool verb_after =
            after < end_ && tok(after).mention < 0 && (tok(after).past || verbish(after)) && !reduced_relative(after);
        // ... when the clause has its own verb before it ("villages in the region X annexed"); else the verb
        // is the clause's ("rebels in the capital X attacked a post", also after a reporting verb that opens
        // the clause without "that": "police said rebels in the capital X attacked")
        if (verb_after) {
          bool verb_before = false;
          for (size_t v = 0; v < p && !verb_before; ++v)
            verb_before = (tok(cl.toks[v]).past || verbish(cl.toks[v])) && !reporting(cl.toks[v]);
          verb_after = verb_before;
        }
        if ((pm.place.has_value() || pm.kind == MentionKind::location) && !verb_after) return q + 1;
      }
      if (!k_.actor_words.place_noun_before_of(x.norm) || q + 2 >= cl.toks.size() || norm(cl.toks[q + 1]) != "of")
        continue;
      const Tok& y = tok(cl.toks[q + 2]);
      if (!y.mention_start) return p;
      const Mention& pm = mention_at(y.mention);
      return pm.place.has_value() || pm.kind == MentionKind::location ? q + 2 : p;
    }
    return p;
  }

  // "be/been/being/was/were/is/are allowed|permitted to" + the word at p (an -ly adverb may
  // stand before the participle: "were finally allowed to").
  bool permitted_infinitive(const Clause& cl, size_t p) const {
    if (p < 3 || norm(cl.toks[p - 1]) != "to" || !in(norm(cl.toks[p - 2]), {"allowed", "permitted"})) return false;
    size_t q = p - 3;
    if (norm(cl.toks[q]).ends_with("ly") && q > 0) --q;
    return in(norm(cl.toks[q]), {"be", "been", "being", "was", "were", "is", "are", "am", "get", "got"});
  }
  // The word at clause position p is the infinitive of an act asked of someone else: a
  // request verb of data/cameo/requests.tsv, its object and "to" ("X called on Y to leave Z",
  // "X urged Y on Monday to sign", "X told them to withdraw"). The object is an actor mention
  // (with its list), an object pronoun, or a determiner and at most three plain words ("the
  // rebels"); a day ("on Monday") or an -ly adverb may stand before "to". "X agreed to leave",
  // "X asked to leave": no object, the subject acts, and this is false. The passive ("Y was
  // asked to leave") is not read here: its subject is Y, not the one who asked.
  bool requested_infinitive(const Clause& cl, size_t p) const {
    if (k_.request_verbs.empty() || p < 3 || norm(cl.toks[p - 1]) != "to") return false;
    size_t q = p - 2;  // last word before "to"
    const auto plain = [&](size_t i) {
      const Tok& x = tok(cl.toks[i]);
      return x.mention < 0 && !x.punct && !verbish(cl.toks[i]) && !in(x.norm, kCoordinators);
    };
    // an adverb, not a noun in -ly ("its ally", "the family"): no determiner before it
    if (plain(q) && norm(cl.toks[q]).ends_with("ly") && q > 1 && !is_determiner(norm(cl.toks[q - 1]))) --q;
    // "on Monday", "on 3 May": "on", a capitalised word or a number, at most one more plain word
    for (size_t k = 1; k <= 2 && k < q; ++k) {
      const uint32_t day = cl.toks[q - k + 1];
      const Token& dt = doc_.text.tokens[day];
      if (norm(cl.toks[q - k]) == "on" && tok(day).mention < 0 &&
          (dt.capitalized ||
           (!norm(day).empty() && std::isdigit(static_cast<unsigned char>(norm(day).front())) != 0)) &&
          (k == 1 || plain(q))) {
        q -= k + 1;
        break;
      }
    }
    // the object, ending at q; r: one before its first word
    size_t r = SIZE_MAX;
    const Tok& last = tok(cl.toks[q]);
    if (last.mention >= 0) {
      size_t f = q;  // back over the mentions of a list ("A, B and C") and their determiners
      while (f > 0) {
        const Tok& y = tok(cl.toks[f - 1]);
        if (y.mention >= 0 || (f > 1 && in(y.norm, {"and", ",", "the"}) && tok(cl.toks[f - 2]).mention >= 0) ||
            (y.norm == "the" && y.mention < 0))
          --f;
        else
          break;
      }
      if (f > 0) r = f - 1;
    } else if (in(last.norm, {"him", "her", "them", "us", "me", "you", "it"})) {
      r = q > 0 ? q - 1 : SIZE_MAX;
    } else if (plain(q)) {
      for (size_t k = 1; k <= 3 && k <= q; ++k) {
        if (!plain(q - k + 1)) break;
        if (q >= k && in(norm(cl.toks[q - k]), kDeterminers)) {
          r = q - k > 0 ? q - k - 1 : SIZE_MAX;
          break;
        }
      }
    }
    const auto request_ends_at = [&](size_t e) {
      for (const auto& words : k_.request_verbs) {
        if (words.size() > e + 1) continue;
        bool ok = true;
        for (size_t i = 0; i < words.size() && ok; ++i) {
          const uint32_t t = cl.toks[e + 1 - words.size() + i];
          ok = tok(t).mention < 0 && lemma_is(norm(t), words[i]);
        }
        if (ok) return true;
      }
      return false;
    };
    return r != SIZE_MAX && request_ends_at(r);
  }

  // A pattern word against a token: an exact word by its form, else by any of its lemmas.
  static bool word_matches(const Tok& x, const PatternElement& e) {
    if (e.kind == PatternElement::Kind::exact) return x.norm == e.word;
    if (x.lemmas == nullptr) return false;
    for (const int32_t id : *x.lemmas)  // one to three ids: a loop, not a library call
      if (id == e.id) return true;
    return false;
  }

  // Whether the token is one of the first words of an alternatives node's branches
  // (PatternNode::first_words_known): one of its lemma ids, or its form as an exact word.
  static bool opens_branch(const Tok& x, const PatternNode& n) {
    if (x.lemmas != nullptr && !n.first_lemmas.empty())
      for (const int32_t id : *x.lemmas)
        if (std::binary_search(n.first_lemmas.begin(), n.first_lemmas.end(), id)) return true;
    return !n.first_exact.empty() && std::binary_search(n.first_exact.begin(), n.first_exact.end(), x.norm,
                                                        [](std::string_view a, std::string_view b) { return a < b; });
  }

  // The token is a preposition that opens one of the sentence's time expressions ("on" of "on
  // Monday", "in" of "in March"; docs/temporal.md: the leading preposition belongs to the span).
  bool date_preposition(uint32_t t) const {
    if (!in(norm(t), {"on", "in", "at", "during", "since", "by", "until", "till"})) return false;
    for (const TimeExpression& te : times())
      if (te.first_token == t && te.token_end > t + 1) return true;
    return false;
  }

  bool word_at(const Clause& cl, const PatternElement& e, size_t pos) const {
    if (pos >= cl.toks.size()) return false;
    const Tok& x = tok(cl.toks[pos]);
    return x.mention < 0 && word_matches(x, e);
  }

  // A pattern word after the anchor may match a word of an actor mention in the object
  // position ("expel * diplomat" on "expelled two Russian diplomats", "disperse * protester"
  // on "dispersed the protesters"): the mention is then the verb's object. Only one mention
  // per match (the one already taken, or a new one), never a place, never the source.
  // Returns the mention, or -1.
  int32_t word_in_mention(const Clause& cl, const PatternElement& e, size_t pos, const State& st) const {
    if (pos >= cl.toks.size()) return -1;
    const Tok& x = tok(cl.toks[pos]);
    if (x.mention < 0) return -1;
    if (st.word_mention >= 0 && st.word_mention != x.mention) return -1;
    if (!word_matches(x, e) || !actor_mention(x.mention)) return -1;
    if (std::find(st.sources.begin(), st.sources.end(), x.mention) != st.sources.end()) return -1;
    return x.mention;
  }

  bool match_element(const Clause& cl, const PatternElement& e, size_t pos, size_t lits, State& st,
                     const Cont& k) const {
    const size_t n = cl.toks.size();
    using K = PatternElement::Kind;
    switch (e.kind) {
      case K::lemma:
      case K::exact: {
        if (word_at(cl, e, pos)) {
          // A preposition that opens a time expression is the date's, not the pattern's particle:
          // "insisted on Monday that ..." is no "insist on", "agreed on Friday to ..." no "agree on".
          if (date_preposition(cl.toks[pos])) return false;
          // dyad's own patterns: a word right before a place noun and the place it names is that
          // noun's modifier, not the object ("attacked the port town X", "closed the border town
          // of X": the town is what was hit, and "port" or "border" no target noun of the row)
          if (!st.imported && pos + 2 < n && tok(cl.toks[pos + 1]).mention < 0 &&
              k_.actor_words.place_noun(norm(cl.toks[pos + 1])) &&
              (tok(cl.toks[pos + 2]).mention_start || norm(cl.toks[pos + 2]) == "of"))
            return false;
          // dyad's own patterns: adverbs after a form of "be" belong to the verb group ("curfew was
          // later relaxed", "were still stationed")
          if (!st.imported && e.kind == PatternElement::Kind::lemma && e.word == "be")
            return after_be(cl, pos, lits + 1, k);
          return k(pos + 1, lits + 1);
        }
        const int32_t m = word_in_mention(cl, e, pos, st);
        if (m < 0) return false;
        const int32_t saved = st.word_mention;
        st.word_mention = m;
        ++st.word_count;
        if (k(pos + 1, lits + 1)) return true;
        st.word_mention = saved;
        --st.word_count;
        return false;
      }
      case K::gap:
        // dyad's own patterns: a time expression passed over counts as one word ("a bombing near
        // the town of X on Sunday killed ..."); imported ones keep PETRARCH's five tokens
        for (size_t g = 0, words = 0; pos + g <= n; ++g) {
          if (g > 0 && (st.imported || !inside_time_expression(cl.toks[pos + g - 1])) && ++words > 5) break;
          if (g > 0 && in(norm(cl.toks[pos + g - 1]), {",", ".", "and"}) &&
              !(norm(cl.toks[pos + g - 1]) == "," && adjective_comma(cl.toks[pos + g - 1], base_, end_)))
            break;
          if (g > 0 && st.gap_stops_at_negation && negation_word(norm(cl.toks[pos + g - 1]))) break;
          // dyad's own patterns: a gap stops at a subject pronoun with an auxiliary after it, a
          // reported clause of its own ("announced on Monday it would halt all aid to X" is no
          // announcement of aid; the halting is coded in that clause)
          if (g > 0 && !st.imported && pos + g < n &&
              in(norm(cl.toks[pos + g - 1]), {"it", "they", "he", "she", "we"}) &&
              tok(cl.toks[pos + g - 1]).mention < 0 && in(norm(cl.toks[pos + g]), kAux) &&
              norm(cl.toks[pos + g]) != "to")
            break;
          // nor does it take in a new subject: an actor (no place) right before a verb ("after the
          // bombing in Kabul police killed three suspects" is no bombing that killed them)
          if (g > 0 && !st.imported && pos + g < n && new_subject_before(cl.toks[pos + g - 1])) break;
          // nor a noun as a reported clause's subject ("suggested the two presidents were planning
          // talks"), nor the infinitive or participle complementing a noun it passed over ("welcomed
          // calls to condemn the X decision" welcomes no decision)
          if (g > 0 && !st.imported && (noun_subject_at(cl, pos + g - 1) || noun_complement_at(cl, pos, pos + g - 1)))
            break;
          if (k(pos + g, lits)) return true;
        }
        return false;
      case K::skip: {
        const size_t q = past_noun_phrase(cl, pos);
        return q > pos && k(q, lits);
      }
      case K::modifiers:
        // words inside the one noun phrase before the next element ("called off its planned
        // four-day strike"): it stops at an actor, punctuation, a preposition, a conjunction, an
        // auxiliary or a relative word ("halted traffic for the march" has none)
        for (size_t g = 0; g <= 4 && pos + g <= n; ++g) {
          if (g > 0 && !modifier_word(cl.toks[pos + g - 1])) break;
          if (k(pos + g, lits)) return true;
        }
        return false;
      case K::source:
      case K::target:
      case K::source_possessive:
      case K::target_possessive: {
        size_t p = pos;
        // "the", "a", counts, the "both"/"either" of a correlative pair ("welcomed both X and Y"), and
        // a title modifier of data/knowledge/actor_words.tsv ("praised outgoing Prime Minister X")
        while (p < n && tok(cl.toks[p]).mention < 0 &&
               (in(norm(cl.toks[p]), {"the", "a", "an"}) || quantifier(cl, p) ||
                k_.actor_words.title_modifier(norm(cl.toks[p])) ||
                (in(norm(cl.toks[p]), {"both", "either"}) && p + 1 < n && tok(cl.toks[p + 1]).mention_start)))
          ++p;
        const bool is_target = e.kind == K::target || e.kind == K::target_possessive;
        // "accused each other of ...": the reciprocal pronoun fills {T} with the subject's members
        if (e.kind == K::target && !st.each_other && each_other_at(cl, pos)) {
          st.each_other = true;
          if (k(pos + 2, lits)) return true;
          st.each_other = false;
          return false;
        }
        if (is_target && p > pos) p = past_place_description(cl, p);
        if (p >= n || !tok(cl.toks[p]).mention_start) return false;
        const int32_t m = tok(cl.toks[p]).mention;
        if (is_target ? !target_mention(m) : !(actor_mention(m) || (st.imported && !mention_at(m).actor.code.empty())))
          return false;
        const uint32_t clause_end = cl.toks.back() + 1;
        // a target that is a place standing for its country lists other places so ("to A and B")
        auto [ms, after] = compound_forward(cl.toks[p], clause_end, is_target && !actor_mention(m));
        size_t q = p;
        while (q < n && cl.toks[q] < after) ++q;
        auto& slot = is_target ? st.targets : st.sources;
        // a continuation that fails leaves the slots as it found them, so dropping what
        // this slot added restores them
        const size_t saved = slot.size();
        slot.insert(slot.end(), ms.begin(), ms.end());
        if (k(q, lits)) return true;
        slot.resize(saved);
        return false;
      }
    }
    return false;
  }

  // Clause positions p, p + 1 are the reciprocal pronoun "each other" or "one another".
  bool each_other_at(const Clause& cl, size_t p) const {
    if (p + 1 >= cl.toks.size() || tok(cl.toks[p]).mention >= 0 || tok(cl.toks[p + 1]).mention >= 0) return false;
    const std::string_view a = norm(cl.toks[p]);
    const std::string_view b = norm(cl.toks[p + 1]);
    return (a == "each" && b == "other") || (a == "one" && b == "another");
  }

  // A word that can stand inside a noun phrase before its head, for the '~' pattern element: no
  // actor mention, punctuation, preposition, conjunction, auxiliary, negation or relative word; a
  // possessive ending and a capitalised word inside the sentence (part of a name) are.
  bool modifier_word(uint32_t t) const {
    const Tok& x = tok(t);
    if (x.mention < 0 && (x.norm == "'s" || x.norm == "'"))
      return true;  // a possessive's ending ("the farmers' march")
    if (x.mention >= 0 || x.punct || x.norm.empty() || !std::isalnum(static_cast<unsigned char>(x.norm.front())))
      return false;
    if (in(x.norm, kPrepositions) || in(x.norm, kCoordinators) ||
        in(x.norm, {"that", "which", "who", "whom", "whose"}) || negation_word(x.norm))
      return false;  // also capitalised: "Police Stop Buses For The Rally"
    // a capitalised word inside the sentence is part of a name even when it spells an auxiliary ("the May Day rally")
    if (t > base_ && capitalised(t)) return true;
    return !in(x.norm, kAux) && !finite_auxiliary(x.norm);
  }

  // TABARI's '^': the end of the one noun phrase at clause position pos (determiners and
  // counts first): an actor mention with its compound ("the ministers of A and B"), else a
  // run of at most four plain words that are no function word, verb or punctuation ("a
  // national holiday"). Returns pos (no match) when neither starts there.
  size_t past_noun_phrase(const Clause& cl, size_t pos) const {
    const size_t n = cl.toks.size();
    size_t p = pos;
    while (p < n && tok(cl.toks[p]).mention < 0 && (in(norm(cl.toks[p]), kDeterminers) || quantifier(cl, p))) ++p;
    if (p < n && tok(cl.toks[p]).mention_start) {
      const uint32_t after = compound_forward(cl.toks[p], cl.toks.back() + 1).second;
      while (p < n && cl.toks[p] < after) ++p;
      return p;
    }
    const size_t start = p;
    while (p < n && p < start + 4) {
      const Tok& x = tok(cl.toks[p]);
      if (x.mention >= 0 || x.punct || x.norm.empty() || !std::isalpha(static_cast<unsigned char>(x.norm.front())) ||
          in(x.norm, kPrepositions) || in(x.norm, kCoordinators) || in(x.norm, kAux) || verbish(cl.toks[p]))
        break;
      ++p;
    }
    return p == start ? pos : p;
  }

  // The verb's object for a pattern without {T} (PETRARCH's default target):
  // the first actor mention after the anchor in the clause, with its compound,
  // skipping a place attached by in/at/near (where, not whom) and the source.
  // `imported`: a TABARI/PETRARCH pattern, whose object is any actor of the verb phrase, also one
  // after in/at ("fired shells at X", "arrived in X") when the dictionaries code it as an actor.
  // With judged set (an act that judges another act: judges_an_act), the search stops at the
  // complement of a noun ("supported efforts to condemn X": X is the object of "condemn").
  std::vector<int32_t> object_after(const Clause& cl, size_t ap, const std::vector<int32_t>& sources,
                                    bool imported = false, bool judged = false) const {
    for (size_t q = ap + 1; q < cl.toks.size(); ++q) {
      const Tok& x = tok(cl.toks[q]);
      if (judged && noun_complement_at(cl, ap + 1, q)) break;
      // ", a senior official said": not the verb's object; "complete, full ties with X" is
      if (x.mention < 0 && x.norm == "," && !adjective_comma(cl.toks[q], base_, end_)) break;
      if (x.mention < 0 && x.norm == "without") break;  // "calling for X without chiding Y": Y is another verb's
      if (x.mention < 0 && conjunction_clause_at(cl, q)) break;  // "X resigned as the opposition threatened ..."
      if (!x.mention_start || !target_mention(x.mention)) continue;
      if (generic_agent(x.mention)) continue;  // "joint military exercises", "officials"

      if (std::find(sources.begin(), sources.end(), x.mention) != sources.end()) continue;
      const Mention& mm = mention_at(x.mention);
      size_t r = q;
      if (r > 0 && norm(cl.toks[r - 1]) == "the") --r;
      const bool placeish = mm.place || mm.kind == MentionKind::location;
      if (placeish && r > 0 && in(norm(cl.toks[r - 1]), kPlacePrepositions) && !(imported && !mm.actor.code.empty()))
        continue;
      if (placeish && !imported && described_after_place_preposition(cl, q)) continue;
      // a place standing for its country lists other places so ("to Kenya and Uganda")
      return compound_forward(cl.toks[q], cl.toks.back() + 1, imported || placeish).first;
    }
    return {};
  }

  // "in the eastern town of X", "near the border village of Y": a place named by a description
  // after a place preposition (a determiner, up to three plain words ending in a place noun,
  // "of") is where the act happened, as in "in X"; never the verb's object.
  bool described_after_place_preposition(const Clause& cl, size_t q) const {
    if (q < 4 || norm(cl.toks[q - 1]) != "of") return false;
    for (size_t d = q - 2; d >= 1 && d + 5 >= q; --d) {
      if (is_determiner(norm(cl.toks[d]))) {
        return in(norm(cl.toks[d - 1]), kPlacePrepositions) && past_place_description(cl, d + 1) == q;
      }
      if (tok(cl.toks[d]).mention >= 0 || tok(cl.toks[d]).punct) return false;
    }
    return false;
  }

  // "as/after/before/since/until the opposition threatened ...": a conjunction-preposition at
  // clause position q whose noun phrase (an actor mention after at most two plain words) is
  // followed by its own verb opens a clause; what comes after it is no object of the verb
  // before it.
  bool conjunction_clause_at(const Clause& cl, size_t q) const {
    if (!in(norm(cl.toks[q]), {"as", "after", "before", "since", "until", "till"})) return false;
    if (q > 0 && norm(cl.toks[q - 1]) == "such") return false;  // "such as X"
    for (size_t r = q + 1; r < cl.toks.size() && r <= q + 3; ++r) {
      const Tok& y = tok(cl.toks[r]);
      if (!y.mention_start) {
        if (y.mention >= 0 || y.punct) return false;
        continue;
      }
      // the phrase may be two adjacent mentions ("U.N." + "peacekeepers"): the verb follows the last
      size_t e = r;
      for (int phrase = 0; phrase < 2 && e < cl.toks.size() && tok(cl.toks[e]).mention_start; ++phrase) {
        const int32_t m = tok(cl.toks[e]).mention;
        while (e < cl.toks.size() && tok(cl.toks[e]).mention == m) ++e;
      }
      return e < cl.toks.size() && verbish(cl.toks[e]);
    }
    return false;
  }

  // "X demanded (on Friday) that Y stop ...": the verb ends its clause and governs a
  // "that" clause; the actor opening that clause (after at most three words such as
  // "the", "its", a title) is the one the demand, appeal or warning is aimed at.
  std::vector<int32_t> complement_subject(const Clause& cl, size_t end, const std::vector<int32_t>& sources) const {
    if (clauses_ == nullptr) return {};
    if (end + 4 < cl.toks.size()) return {};
    for (size_t q = end; q < cl.toks.size(); ++q)
      if (tok(cl.toks[q]).mention >= 0 || tok(cl.toks[q]).punct || verbish(cl.toks[q])) return {};
    for (size_t ci = clause_index_ + 1; ci < clauses_->size(); ++ci) {
      const Clause& c = (*clauses_)[ci];
      if (c.complement_of != static_cast<int32_t>(clause_index_)) continue;
      for (size_t q = 0; q < c.toks.size() && q < 4; ++q) {
        const Tok& x = tok(c.toks[q]);
        if (x.mention_start) {
          if (!target_mention(x.mention) || generic_agent(x.mention)) return {};
          if (std::find(sources.begin(), sources.end(), x.mention) != sources.end()) return {};
          return compound_forward(c.toks[q], c.toks.back() + 1).first;
        }
        if (x.mention >= 0 || x.punct || verbish(c.toks[q])) return {};
      }
      return {};
    }
    return {};
  }

  // The first actor (no place) among the clause positions [from, to) before a verb, a clause-joining word or a
  // punctuation mark: "in a Taliban bomb attack" after a passive participle; -1 when none.
  int32_t actor_inside(const Clause& cl, size_t from, size_t to) const {
    for (size_t q = from; q < to && q < cl.toks.size(); ++q) {
      const uint32_t t = cl.toks[q];
      if (verbish(t) || tok(t).punct || in(norm(t), {"when", "while", "after", "before", "as", "and", "but", "that"}))
        return -1;
      const int32_t mm = tok(t).mention;
      if (mm >= 0 && actor_mention(mm)) return mm;
    }
    return -1;
  }
  // An actor in the noun phrase right before the act's noun at clause position p ("a Taliban car bomb", "the
  // rebels' roadside bomb"; up to four words back, not past a verb, a preposition or a punctuation mark); -1
  // when none.
  int32_t actor_modifying(const Clause& cl, size_t p) const {
    for (size_t back = 1; back <= 4 && back <= p; ++back) {
      const uint32_t t = cl.toks[p - back];
      if (norm(t) == "'" || norm(t) == "'s") continue;  // the possessive of "the rebels' bomb"
      if (verbish(t) || tok(t).punct ||
          in(norm(t), {"of", "in", "at", "on", "by", "from", "to", "with", "near", "after"}))
        return -1;
      const int32_t mm = tok(t).mention;
      if (mm >= 0 && actor_mention(mm)) return mm;
    }
    return -1;
  }

  // "by X" within five words after a match's end (clause position `from`): X (and its
  // compound) becomes the match's source and the match is extended over it. False if none.
  bool by_agent(const Clause& cl, size_t from, Match& m) const {
    for (size_t q = from; q < cl.toks.size() && q < from + 5; ++q) {
      if (norm(cl.toks[q]) != "by") continue;
      size_t r = q + 1;
      if (r < cl.toks.size() && norm(cl.toks[r]) == "the") ++r;
      if (r < cl.toks.size() && tok(cl.toks[r]).mention_start && actor_mention(tok(cl.toks[r]).mention)) {
        auto [ms, after] = compound_forward(cl.toks[r], cl.toks.back() + 1);
        m.sources = ms;
        while (m.end_pos < cl.toks.size() && cl.toks[m.end_pos] < after) ++m.end_pos;
        return true;
      }
      return false;
    }
    return false;
  }

  // "not", "never", "won't": a pattern gap stops at one ("vowed it would not return X" is no
  // promise to return X).
  static bool negation_word(std::string_view w) { return w == "not" || w == "never" || ends_with(w, "n't"); }

  // "X vowed not to return Y", "X pledged never to sign": an intent verb (03x) right before a
  // negated infinitive promises not doing. That is no intent to cooperate (a pattern gap would
  // otherwise read "vowed not to return" as a promise to return); the act under it is coded on
  // its own, in mode negated (docs/coder.md).
  bool promise_of_not_doing(const Clause& cl, const Compiled& c, size_t p) const {
    if (!c.intent || p + 2 >= cl.toks.size()) return false;
    return in(norm(cl.toks[p + 1]), {"not", "never"}) && norm(cl.toks[p + 2]) == "to";
  }

  // Assault, fighting and mass violence (roots 18-20): acts whose noun may name their doer ("a Taliban bomb").
  static bool armed_root(const std::string& code) {
    return code.size() >= 2 &&
           (code.compare(0, 2, "18") == 0 || code.compare(0, 2, "19") == 0 || code.compare(0, 2, "20") == 0);
  }
  // Codes of force (roots 14, 17-20: protest violence, coercion, assault, fighting, mass violence).
  static bool force_root(const std::string& code) {
    return code.size() >= 2 &&
           (code.compare(0, 2, "14") == 0 || code.compare(0, 2, "17") == 0 || code.compare(0, 2, "18") == 0 ||
            code.compare(0, 2, "19") == 0 || code.compare(0, 2, "20") == 0);
  }

  // A gerund after a determiner with "of" after it names an act as a noun: "the killing of
  // X", "its shelling of Y".
  bool gerund_noun(const Clause& cl, size_t p) const {
    return p > 0 && p + 1 < cl.toks.size() && is_determiner(norm(cl.toks[p - 1])) &&
           ends_with(norm(cl.toks[p]), "ing") && norm(cl.toks[p + 1]) == "of";
  }

  // An "-ing" form right after a finite verb and right before a noun phrase is an adjective of that
  // noun, no second act of the verb's subject: "the envoy met visiting officials", "riot police
  // dispersed marching students" (the envoy visits no one, the police march nowhere). The noun
  // phrase is an actor mention that names no place, or a plain noun, right after the form. Verbs
  // whose object may be an "-ing" form keep the verb reading ("continued shelling the hills",
  // "denied funding rebels": data/cameo/clause_words.tsv, gerund_object_verb), and so do verbs of
  // saying ("stressed expanding trade"); so does a form with a determiner or preposition after it
  // ("recalled visiting the camp").
  bool participle_before_noun(const Clause& cl, size_t p) const {
    if (p == 0 || p + 1 >= cl.toks.size()) return false;
    const Tok& x = tok(cl.toks[p]);
    if (x.mention >= 0 || x.norm.size() < 5 || !ends_with(x.norm, "ing")) return false;
    const uint32_t vt = cl.toks[p - 1];
    const Tok& v = tok(vt);
    if (v.mention >= 0 || v.punct || in(v.norm, kAux) || in(v.norm, kBe) || finite_auxiliary(v.norm)) return false;
    const bool bare_after_modal =
        p >= 2 && anchors_pattern(v) &&
        in(norm(cl.toks[p - 2]), {"to", "will", "would", "could", "can", "may", "might", "must", "should", "did"});
    if (!(v.past || present_verb(vt, v.norm) || bare_after_modal)) return false;
    // a passive ("were seen patrolling the roads", "was caught smuggling arms"): the form is its complement
    if (p >= 2 && (in(norm(cl.toks[p - 2]), kBe) || norm(cl.toks[p - 2]) == "been")) return false;
    for (const auto& l : k_.lemmatizer.candidates(v.norm))
      if (k_.clause_words.gerund_object_verb(l)) return false;
    // a verb of saying may take the act as its content ("stressed expanding trade ties")
    if (reporting(vt)) return false;
    const Tok& n = tok(cl.toks[p + 1]);
    if (n.mention >= 0) {
      if (!n.mention_start) return false;
      const Mention& nm = mention_at(n.mention);
      return !nm.place && nm.kind != MentionKind::location && nm.kind != MentionKind::country;
    }
    return plain_noun(cl.toks[p + 1]);
  }

  // An "-ing" form right after "of", "for" or "with" that follows the object of a verb of blaming
  // ("the governor accused them of burning crops", "two men were charged with robbing a bank",
  // "police detained the crew for smuggling fuel": data/cameo/clause_words.tsv, blame_verb) names
  // what the object is blamed for: an act only claimed, whose doer is the object, never the
  // subject. The blaming verb's own reading is the event; the act is not coded.
  bool blamed_act(const Clause& cl, size_t p) const {
    if (p < 2 || !in(norm(cl.toks[p - 1]), {"of", "for", "with"})) return false;
    for (size_t q = p - 1, steps = 0; q-- > 0 && steps < 8; ++steps) {
      const Tok& x = tok(cl.toks[q]);
      if (x.mention >= 0) continue;
      if (x.punct || in(x.norm, kCoordinators) || in(x.norm, kSubordinators)) return false;
      for (const auto& l : k_.lemmatizer.candidates(x.norm))
        if (k_.clause_words.blame_verb(l)) return x.past || x.participle || ends_with(x.norm, "s") || q + 2 < p;
      if (verbish(cl.toks[q])) return false;
    }
    return false;
  }

  // A word in -s right before "of" and not right after an actor (its subject) is a plural
  // noun: "shelled positions of", "attacks of the rebels". "Iran warns of ..." stays a verb.
  // So is one right after a preposition other than "to" ("sued for damages", "a rise in
  // attacks"): a finite verb never follows a preposition.
  bool plural_before_of(const Clause& cl, size_t p) const {
    const Tok& x = tok(cl.toks[p]);
    if (x.past || !ends_with(x.norm, "s") || ends_with(x.norm, "ss")) return false;
    if (p > 0 && tok(cl.toks[p - 1]).mention < 0 && norm(cl.toks[p - 1]) != "to" &&
        in(norm(cl.toks[p - 1]), kPrepositions))
      return true;
    // right after the "-ing" form of a verb ("rejecting calls for talks", "ignoring demands for"): the
    // object of that verb, no finite verb of the same subject
    if (p > 0 && tok(cl.toks[p - 1]).mention < 0 && ends_with(norm(cl.toks[p - 1]), "ing") &&
        norm(cl.toks[p - 1]).size() >= 5 && anchors_pattern(tok(cl.toks[p - 1])))
      return true;
    if (p + 1 >= cl.toks.size() || norm(cl.toks[p + 1]) != "of") return false;
    return p == 0 || tok(cl.toks[p - 1]).mention < 0;
  }

  // A role word with no country or organisation behind it ("officials", "military").
  bool generic_agent(int32_t m) const {
    const Actor a = actor_of(m);
    return a.country.empty() && a.code.size() == 3 && mention_at(m).kind == MentionKind::agent;
  }

  // "two", "300", "dozens of", "several": a count before an actor slot ("wounded two British soldiers").
  bool quantifier(const Clause& cl, size_t p) const {
    const std::string_view w = norm(cl.toks[p]);
    // a number ("300", "1,500", "one"); a comma alone is no count ("wounding 50, Thai sources said")
    if (!w.empty() && w.front() >= '0' && w.front() <= '9' &&
        std::all_of(w.begin(), w.end(), [](char c) { return (c >= '0' && c <= '9') || c == ','; }))
      return true;
    if (in(w,
           {"one",       "two",    "three",   "four",   "five",   "six",     "seven", "eight",   "nine",     "ten",
            "eleven",    "twelve", "fifteen", "twenty", "thirty", "forty",   "fifty", "hundred", "hundreds", "thousand",
            "thousands", "lakh",   "dozen",   "dozens", "scores", "several", "some",  "many"}))
      return p + 1 < cl.toks.size();
    // approximations before a number: "about 50", "nearly 200", "at least 12", "more than 30"
    if (in(w,
           {"about", "around", "nearly", "almost", "over", "approximately", "roughly", "least", "than", "more", "at"}))
      return p + 1 < cl.toks.size() && (in(norm(cl.toks[p + 1]), {"than", "least"}) || quantifier(cl, p + 1));
    // "dozens of", "two companies of" (data/knowledge/count_nouns.tsv), "some of"
    return w == "of" && p > 0 && (norm(cl.toks[p - 1]) == "some" || k_.count_nouns.contains(norm(cl.toks[p - 1])));
  }

  // The verb group ending at clause position p has a subject of its own that is no actor: a
  // noun right before the group ("the owner held", "the complainant had filed"), in a noun
  // phrase of at most five words (no actor, verb or punctuation) that opens with a determiner
  // right after a reporting verb ("Police said the owner held ..."; not "X says contains
  // claims"). Returns that reporting verb's token, else UINT32_MAX. A unit word of
  // data/knowledge/unit_nouns.tsv ("a unit", "a patrol", "a squad") is the speaker's own unit
  // when `force_speaker` (the speaker is police, military or intelligence): no subject of its own.
  uint32_t report_before_own_subject(const Clause& cl, size_t p, bool force_speaker) const {
    size_t g = p;
    while (g > 0 && tok(cl.toks[g - 1]).mention < 0 && in(norm(cl.toks[g - 1]), kAux) && norm(cl.toks[g - 1]) != "to")
      --g;
    if (g < 2) return UINT32_MAX;
    const Tok& head = tok(cl.toks[g - 1]);
    if (head.mention >= 0 || head.punct || verbish(cl.toks[g - 1]) || is_determiner(head.norm) ||
        in(head.norm, kPrepositions) || in(head.norm, kSingularPronouns) || in(head.norm, kPluralPronouns) ||
        in(head.norm, kCoordinators) ||
        in(head.norm, {"it", "we", "i", "you", "who", "which", "that", "what", "this", "these", "those", "there"}) ||
        (ends_with(head.norm, "ly") && head.norm.size() > 4) || ends_with(head.norm, "ing") ||
        (force_speaker && k_.unit_nouns.contains(head.norm)))
      return UINT32_MAX;
    for (size_t q = g - 1, steps = 0; q-- > 0 && steps < 5; ++steps) {
      const uint32_t t = cl.toks[q];
      const Tok& x = tok(t);
      if (x.mention >= 0) {
        if (actor_mention(x.mention)) return UINT32_MAX;
        continue;
      }
      if (x.punct) return UINT32_MAX;
      if (verbish(t) || reporting(t)) return reporting(t) && is_determiner(norm(cl.toks[q + 1])) ? t : UINT32_MAX;
    }
    return UINT32_MAX;
  }

  // The verb at clause position p with the words from clause position `end` on is a phrase of
  // data/cameo/particle_senses.tsv ("hold" ... "back", "hold" ... "at bay"), and the particle
  // closes the phrase: punctuation, the clause's end or a preposition ("back at the gate", "off
  // for an hour", "back from the gate") comes after it. "back"/"off" followed by a noun phrase
  // ("drills off the coast") or by a time expression ("talks back in March") are no particle.
  bool particle_sense_after(const Clause& cl, size_t p, size_t end) const {
    if (k_.particle_senses.empty() || end >= cl.toks.size()) return false;
    for (const auto& words : k_.particle_senses) {
      if (end + words.size() - 1 > cl.toks.size() || !k_.lemmatizer.has_candidate(norm(cl.toks[p]), words.front()))
        continue;
      bool all = true;
      for (size_t i = 1; i < words.size() && all; ++i)
        all = tok(cl.toks[end + i - 1]).mention < 0 && norm(cl.toks[end + i - 1]) == words[i];
      if (all && particle_closes(cl, end + words.size() - 1)) return true;
    }
    return false;
  }

  // The particle ends right before clause position q: nothing follows, or punctuation, or a
  // preposition that opens no time expression.
  bool particle_closes(const Clause& cl, size_t q) const {
    if (q >= cl.toks.size()) return true;
    const Tok& x = tok(cl.toks[q]);
    if (x.punct || in(x.norm, kClauseBreaks) || in(x.norm, kCoordinators)) return true;
    if (x.mention >= 0 || !in(x.norm, kPrepositions)) return false;
    const uint32_t t = cl.toks[q];
    for (const TimeExpression& te : times())
      if (te.first_token <= t + 1 && t < te.token_end) return false;  // "back in March", "off on Monday"
    return true;
  }

  // The object of the verb at clause position p is a bare count: counts ("20", "at least 12",
  // "dozens", "one") with at most a noun for people of no kind (data/knowledge/person_nouns.tsv:
  // "one man", "20 people") and nothing after them but "of them/those", a preposition, a
  // coordinator, punctuation or the clause's end.
  //
  // "<count> of the <noun>" is a bare count too when the noun is a noun for people of no kind
  // ("20 of the people") or names one of `targets`, the main act's target ("fired on marchers,
  // killing 20 of the marchers").
  bool bare_count_after(const Clause& cl, size_t p, const std::vector<int32_t>& targets = {}) const {
    size_t q = p + 1;
    // (a mention that is no actor, such as a count the knowledge stage marked, is a plain word)
    const auto plain = [&](size_t r) { return !actor_mention(tok(cl.toks[r]).mention); };
    while (q < cl.toks.size() && plain(q) && (quantifier(cl, q) || norm(cl.toks[q]) == "one")) ++q;
    if (q == p + 1) return false;
    // the person noun may be a mention of its own ("one man": a bare role with no country)
    if (q < cl.toks.size() && k_.person_nouns.contains(norm(cl.toks[q]))) ++q;
    if (q >= cl.toks.size()) return true;
    const Tok& x = tok(cl.toks[q]);
    if (actor_mention(x.mention)) return false;
    if (norm(cl.toks[q - 1]) == "of") return in(x.norm, {"them", "those", "these", "whom"});  // "dozens of them"
    if (x.norm == "of") {
      if (q + 1 >= cl.toks.size()) return false;
      if (tok(cl.toks[q + 1]).mention < 0 && in(norm(cl.toks[q + 1]), {"them", "those", "these", "whom"})) return true;
      return count_of_the_target(cl, q + 1, targets);
    }
    return x.punct || in(x.norm, kCoordinators) || in(x.norm, kPrepositions);
  }

  // From clause position q: "the/those/these" and a noun for people of no kind or a mention of
  // one of `targets` (same actor code), then nothing but punctuation, a coordinator, a
  // preposition or the clause's end.
  bool count_of_the_target(const Clause& cl, size_t q, const std::vector<int32_t>& targets) const {
    if (q >= cl.toks.size() || !in(norm(cl.toks[q]), {"the", "those", "these"})) return false;
    size_t r = q + 1;
    if (r >= cl.toks.size()) return false;
    const int32_t mention = tok(cl.toks[r]).mention;
    const std::string_view w = norm(cl.toks[r]);
    // the last word of a target's mention ("marchers" of "Kenyan marchers")
    const auto target_head = [&] {
      return std::any_of(targets.begin(), targets.end(), [&](int32_t t) {
        const Mention& tm = mention_at(t);
        return tm.token_end > tm.first_token && tm.token_end - 1 != cl.toks[r] && norm(tm.token_end - 1) == w;
      });
    };
    if (mention >= 0 && actor_mention(mention)) {
      // a mention of the target, or of its kind of people ("the marchers": CVL of KENCVL)
      const std::string code = actor_of(mention).code;
      if (code.empty() || std::none_of(targets.begin(), targets.end(), [&](int32_t t) {
            const std::string tc = actor_of(t).code;
            return t == mention || tc == code || ends_with(tc, code);
          }))
        return false;
      while (r < cl.toks.size() && tok(cl.toks[r]).mention == mention) ++r;
    } else if (k_.person_nouns.contains(w) || target_head()) {
      ++r;
    } else {
      return false;
    }
    if (r >= cl.toks.size()) return true;
    const Tok& y = tok(cl.toks[r]);
    return y.mention < 0 && (y.punct || in(y.norm, kCoordinators) || in(y.norm, kPrepositions));
  }

  // A determiner and at most three modifiers before clause position p ("during a brief
  // private visit to ..."): the word at p heads a noun phrase, so it is no parsed verb.
  bool after_modified_determiner(const Clause& cl, size_t p) const {
    if (tok(cl.toks[p]).past) return false;  // "X this week visited Y"
    for (size_t q = p, steps = 0; q-- > 0 && steps < 4; ++steps) {
      if (is_determiner(norm(cl.toks[q]))) return steps > 0;
      if (!modifier(cl.toks[q], true)) return false;
    }
    return false;
  }

  bool passive_at(const Clause& cl, size_t ap) const {
    if (!tok(cl.toks[ap]).participle) return false;
    for (size_t q = ap, steps = 0; q-- > 0 && steps < 4; ++steps) {
      const std::string_view w = norm(cl.toks[q]);
      if (in(w, kBe)) return true;
      // a day inside the verb group: "were on Wednesday taken into custody", "was yesterday arrested"
      if (q > 0 && norm(cl.toks[q - 1]) == "on" && weekday_name(w)) {
        --q;
        continue;
      }
      // adverbs between the auxiliary and the participle: "was fiercely opposed"
      const bool adverb = w.size() > 4 && ends_with(w, "ly") && tok(cl.toks[q]).mention < 0 && !verbish(cl.toks[q]);
      if (!adverb && !in(w, {"not", "never", "also", "reportedly", "allegedly", "later", "being", "been", "yesterday",
                             "today", "immediately", "subsequently", "again", "already", "finally", "eventually"}))
        return false;
    }
    return false;
  }

  // Clause position q holds an adverb of the verb group that may stand between a form of "be" and
  // the word after it in a pattern ("were still stationed", "have been strategically positioned",
  // "were immediately put on alert"): an "-ly" adverb that is no verb, or an adverb of time or
  // addition. Never a negation: the mode stage reads the verb group before the anchor only, so
  // "was not deployed" is left unmatched rather than coded as done.
  bool be_adverb(const Clause& cl, size_t q) const {
    if (q >= cl.toks.size() || tok(cl.toks[q]).mention >= 0) return false;
    const std::string_view w = norm(cl.toks[q]);
    if (w.size() > 4 && ends_with(w, "ly") && !verbish(cl.toks[q])) return true;
    return in(w, {"also", "still", "already", "now", "just", "reportedly", "allegedly", "later", "again", "yesterday",
                  "today", "soon"});
  }
  // After a form of "be" matched at clause position pos: the continuation k tried right after it,
  // then past at most two adverbs of the verb group (be_adverb).
  bool after_be(const Clause& cl, size_t pos, size_t lits, const Cont& k) const {
    if (k(pos + 1, lits)) return true;
    for (size_t q = pos + 1; q < pos + 3 && be_adverb(cl, q); ++q)
      if (k(q + 1, lits)) return true;
    return false;
  }

  // "agreed in principle on Monday to ...", "pledged yesterday to ...": from clause position p on,
  // only adjuncts of time or manner (a day after "on", "in principle", "today", "yesterday", an
  // "-ly" adverb; at most four words) stand before a "to" that comes before clause position end.
  bool to_after_adjuncts(const Clause& cl, size_t p, size_t end) const {
    for (size_t q = p, words = 0; q < end && words <= 4; ++q, ++words) {
      const uint32_t t = cl.toks[q];
      const std::string_view w = norm(t);
      if (w == "to") return q > p;
      if (tok(t).mention >= 0 || verbish(t)) return false;
      if (w == "on" && q + 1 < end && weekday_name(norm(cl.toks[q + 1]))) {
        ++q;
        continue;
      }
      if (w == "in" && q + 1 < end && norm(cl.toks[q + 1]) == "principle") {
        ++q;
        continue;
      }
      const bool adverb = w.size() > 4 && ends_with(w, "ly") && !anchors_pattern(tok(t));
      if (!adverb && !in(w, {"today", "yesterday", "tonight", "again", "also", "now", "formally", "unanimously"}))
        return false;
    }
    return false;
  }

  // ", killing ...", ", also arresting ...": a present participle right after a comma (one adverb
  // may stand between) that closes a stretch of its clause opens a participle clause with no
  // subject of its own.
  bool comma_participle(const Clause& cl, size_t p) const {
    const uint32_t t = cl.toks[p];
    if (p == 0 || t <= base_ + 1 || tok(t).mention >= 0 || !ends_with(norm(t), "ing") || norm(t).size() < 5)
      return false;
    // ", killing one man and arresting 12": a participle coordinated with one that opens such a
    // clause (no comma or verb between) belongs to the same participle clause
    if (in(norm(t - 1), {"and", "or"}) && t - 1 > cl.toks.front())
      for (size_t q = p - 1; q-- > 0;) {
        if (norm(cl.toks[q]) == "," || verbish(cl.toks[q])) break;
        if (tok(cl.toks[q]).mention < 0 && ends_with(norm(cl.toks[q]), "ing") && comma_participle(cl, q)) return true;
      }
    uint32_t c = t - 1;
    if (norm(c) != "," && c > base_ + 1 && tok(c).mention < 0 &&
        ((ends_with(norm(c), "ly") && norm(c).size() > 4) || in(norm(c), {"also", "thereby", "allegedly"})))
      --c;
    if (norm(c) != "," || c <= cl.toks.front()) return false;
    // "accused X of violating Y, ignoring Z": the participle goes on a list of gerunds governed
    // by a preposition before the comma, whose doer is not the main clause's subject
    for (uint32_t u = c; u-- > cl.toks.front() + 1;) {
      if (tok(u).mention >= 0) continue;
      if (verbish(u)) break;
      if (ends_with(norm(u), "ing") && tok(u - 1).mention < 0 && in(norm(u - 1), kPrepositions)) return false;
    }
    return true;
  }
  // The doer of such a participle: the main clause's, which is the agent of a passive before the
  // comma ("X was attacked by Y, killing ...": Y), else the clause subject (the actor before its
  // first verb). Empty when the main clause names no actor as its doer ("a mortar round hit a
  // market, killing ...": not the market).
  std::vector<int32_t> participle_doer(const Clause& cl, size_t p, std::string& how) const {
    size_t comma = p;
    while (comma > 0 && norm(cl.toks[comma]) != ",") --comma;
    for (size_t q = 0; q + 1 < comma; ++q) {
      if (norm(cl.toks[q]) != "by" || tok(cl.toks[q]).mention >= 0 || q == 0 || !passive_before(cl, q)) continue;
      size_t r = q + 1;
      if (r < comma && norm(cl.toks[r]) == "the") ++r;
      if (r < comma && tok(cl.toks[r]).mention_start && actor_mention(tok(cl.toks[r]).mention)) {
        how = "the agent of the main clause's passive (a participle after a comma)";
        return compound_forward(cl.toks[r], cl.toks[comma]).first;
      }
    }
    // the subject of the last verb before the comma ("the mayor said police fired on the crowd,
    // killing ...": the police), else the clause subject when it stands before the comma
    for (size_t v = comma; v-- > 0;) {
      if (!verbish(cl.toks[v])) continue;
      // a verb of a relative clause inside the object ("raided a village where militants were
      // hiding, killing ..."): its subject did not do the main clause's act; look further back
      if (in_relative(cl, v)) continue;
      std::string sub;
      std::vector<int32_t> doer = subject_before(cl, v, sub);
      if (doer.empty()) return {};
      how = "the subject of the main clause's verb (a participle after a comma): " + sub;
      return doer;
    }
    if (cl.subject.empty() || mention_at(cl.subject.front()).first_token > cl.toks[comma]) return {};
    how = "the main clause's subject (a participle after a comma): " + cl.subject_how;
    return cl.subject;
  }
  // Clause position v is a verb of a relative clause opened after the verb before it: a
  // relative word ("where", "whose", ...) stands between v and the previous verb of the clause.
  bool in_relative(const Clause& cl, size_t v) const {
    size_t g = v;  // the verb group's auxiliaries belong to v ("had gathered", "were not hiding")
    while (g > 0 && (verbish(cl.toks[g - 1]) || in(norm(cl.toks[g - 1]), {"been", "being", "not", "never", "also"})))
      --g;
    for (size_t u = g; u-- > 0;) {
      if (verbish(cl.toks[u])) return false;
      if (tok(cl.toks[u]).mention < 0 &&
          in(norm(cl.toks[u]), {"where", "wherever", "whereby", "who", "whom", "whose", "which"}))
        return std::any_of(cl.toks.begin(), cl.toks.begin() + static_cast<std::ptrdiff_t>(u),
                           [&](uint32_t t) { return verbish(t); });
    }
    return false;
  }
  // A passive verb group ends right before clause position q ("was attacked", "were fired
  // upon" is not read): a participle with a form of "be" at most three words before it.
  bool passive_before(const Clause& cl, size_t q) const { return q > 0 && passive_at(cl, q - 1); }

  // A reduced relative: a bare participle right after an actor mention, with no auxiliary
  // and no object, before the sentence's main verb ("militants arrested in the city said
  // ...", "two men detained on Monday were released") is a passive whose subject is that
  // mention, when the act names its doer by itself (`data/cameo/implicit_agents.tsv`: an
  // arrest is the police's). A preposition follows the participle, and a finite
  // verb comes before the next punctuation or coordinator. Otherwise the verb stays active
  // ("protesters marched in Delhi", "X charged on Saturday"). Passives with "by" are
  // left to the passive readings: "X attacked by Y" needs its auxiliary.
  bool reduced_relative(const Clause& cl, size_t ap, const std::string& code) const {
    if (ap == 0 || ap + 1 >= cl.toks.size() || !tok(cl.toks[ap]).participle ||
        !actor_mention(tok(cl.toks[ap - 1]).mention) || k_.implicit_agents.count(code) == 0)
      return false;
    const Tok& next = tok(cl.toks[ap + 1]);
    if (next.mention >= 0 || !in(next.norm, kPrepositions) || next.norm == "to" || next.norm == "by") return false;
    for (uint32_t t = cl.toks[ap] + 2; t < end_ && t < cl.toks[ap] + 14; ++t) {
      const Tok& x = tok(t);
      if (x.mention >= 0) continue;
      if (x.punct || in(x.norm, kCoordinators)) return false;
      if (x.past || finite_auxiliary(x.norm)) return true;
    }
    return false;
  }

  // A participle that is no past form ("taken", "beaten", "thrown") right after an actor mention,
  // with no auxiliary, cannot be that mention's own verb: "81 workers taken into custody from the
  // area" is a reduced relative (a passive whose subject is the mention) whatever follows, when
  // the act names its doer by itself (`data/cameo/implicit_agents.tsv`) and no actor follows the
  // participle as its object. Forms that are also past tenses ("arrested", "held") are left to
  // reduced_relative and governed_reduced_relative.
  bool participle_only_relative(const Clause& cl, size_t ap, const std::string& code) const {
    if (ap == 0 || ap + 1 >= cl.toks.size()) return false;
    const Tok& x = tok(cl.toks[ap]);
    if (x.mention >= 0 || !k_.lemmatizer.is_participle_only(x.norm)) return false;
    if (!actor_mention(tok(cl.toks[ap - 1]).mention) || k_.implicit_agents.count(code) == 0) return false;
    return tok(cl.toks[ap + 1]).mention < 0;
  }

  // A reduced relative on a mention governed by a preposition ("the pleas of the 40 traders
  // held in the town", "talks with several men detained recently"): a noun phrase that is the
  // object of a preposition cannot be the subject of a following active verb, so a bare
  // participle after it is a passive whatever comes later in the sentence, when the act names its
  // doer by itself (`data/cameo/implicit_agents.tsv`). The participle must not be followed by an
  // object ("after police arrested 30 men" keeps the active reading): the next word is a
  // preposition other than `to`/`by`, a time adverb or a subordinator, or the clause ends.
  // Time words and "after/before/during/than/like" before the phrase are no governing preposition.
  bool governed_reduced_relative(const Clause& cl, size_t ap, const std::string& code) const {
    if (ap == 0 || !tok(cl.toks[ap]).participle || tok(cl.toks[ap]).mention >= 0) return false;
    const int32_t mi = tok(cl.toks[ap - 1]).mention;
    if (!actor_mention(mi) || k_.implicit_agents.count(code) == 0) return false;
    if (ap + 1 < cl.toks.size()) {
      const Tok& next = tok(cl.toks[ap + 1]);
      const bool prep = in(next.norm, kPrepositions) && next.norm != "to" && next.norm != "by";
      if (next.mention >= 0 || !(prep || next.punct || in(next.norm, kSubordinators) ||
                                 in(next.norm, {"earlier", "recently", "later", "yesterday", "today", "last", "since",
                                                "till", "until", "so", "also"})))
        return false;
    }
    // the word before the phrase, past its determiners and counts ("of the 40 traders")
    uint32_t first = cl.toks[ap - 1];
    while (first > base_ && tok(first - 1).mention == mi) --first;
    // Count words are read before the preposition test, as several are prepositions too: "of
    // more than 40 traders", "of at least 12 men", "of over 30 persons" (before a number).
    const auto digit = [](std::string_view w) { return !w.empty() && w[0] >= '0' && w[0] <= '9'; };
    for (int steps = 0; steps < 5 && first > base_; ++steps) {
      const Tok& x = tok(first - 1);
      if (x.mention >= 0 || x.punct) return false;
      const std::string_view next = norm(first);
      const bool count_word =
          in(x.norm,
             {"all", "some", "many", "several", "nearly", "almost", "least", "most", "more", "less", "fewer"}) ||
          (in(x.norm, {"over", "about", "around", "under", "up"}) && digit(next)) ||
          (x.norm == "than" && first - 1 > base_ && in(norm(first - 2), {"more", "less", "fewer"})) ||
          (x.norm == "at" && in(next, {"least", "most"}));
      if (!count_word && in(x.norm, kPrepositions))
        return !in(x.norm, {"after", "before", "during", "than", "like", "by", "upon", "despite"});
      if (!(count_word || is_determiner(x.norm) || digit(x.norm))) return false;
      --first;
    }
    return false;
  }

  // Possessive actor right before clause position ap ("Putin's [two-day] visit").
  int32_t possessive_before(const Clause& cl, size_t ap, size_t& first) const {
    for (size_t q = ap, steps = 0; q-- > 0 && steps < 4; ++steps) {
      const uint32_t t = cl.toks[q];
      const Tok& x = tok(t);
      if (x.mention >= 0) {
        const Mention& m = mention_at(x.mention);
        const std::string_view last = norm(m.token_end - 1);
        const bool poss = ends_with(last, "'s") || ends_with(last, "s'") ||
                          (m.token_end < doc_.text.tokens.size() && m.token_end - base_ < toks_.size() &&
                           in(norm(m.token_end), {"'", "'s"}));
        if (!poss || !actor_mention(x.mention)) return -1;
        first = q;
        while (first > 0 && tok(cl.toks[first - 1]).mention == x.mention) --first;
        return x.mention;
      }
      if (x.punct) return -1;
    }
    return -1;
  }

  // ---- called-off events (data/cameo/cancellations.tsv) -------------------------
  bool lemma_is(std::string_view form, const std::string& lemma) const {
    return k_.lemmatizer.has_candidate(form, lemma);  // candidates() without the list (docs/performance.md, ninth pass)
  }

  // Length of the cancellation phrase starting at clause position q (0: none).
  size_t cancel_at(const Clause& cl, size_t q, bool nouns) const {
    for (const CancellationPhrase& ph : k_.cancellations) {
      if (ph.noun && !nouns) continue;
      if (q + ph.words.size() > cl.toks.size()) continue;
      bool ok = true;
      for (size_t i = 0; i < ph.words.size() && ok; ++i) {
        const uint32_t t = cl.toks[q + i];
        ok = tok(t).mention < 0 && lemma_is(norm(t), ph.words[i]);
      }
      if (ok) return ph.words.size();
    }
    return 0;
  }

  // "X cancelled [a planned] visit", "the postponement of the talks": a cancellation phrase
  // ending at most five noun-phrase words (determiners, modifiers, "two-day") before clause position
  // p; returns its first position, or SIZE_MAX. Noun phrases ("cancellation of") only when
  // `nouns`.
  size_t cancel_before(const Clause& cl, size_t p, bool nouns) const {
    for (size_t skip = 0; skip <= 5 && skip < p; ++skip) {
      if (skip > 0) {
        const uint32_t t = cl.toks[p - skip];
        const std::string_view w = norm(t);
        if (tok(t).mention >= 0 || (tok(t).punct && w != "-") || in(w, kPrepositions) || in(w, kCoordinators) ||
            in(w, {"that", "which", "who", "to", "not", "never", "no"}))
          return SIZE_MAX;
      }
      const size_t e = p - skip;
      // cancel_at depends on the start alone, so it is asked once per phrase length (not once
      // per phrase: each call tests every phrase, lemma by lemma)
      std::array<size_t, 8> at{};
      at.fill(SIZE_MAX);  // by length: not asked yet
      for (const CancellationPhrase& ph : k_.cancellations) {
        const size_t len = ph.words.size();
        if (len > e || (ph.noun && !nouns)) continue;
        size_t found = 0;
        if (len < at.size()) {
          if (at[len] == SIZE_MAX) at[len] = cancel_at(cl, e - len, nouns);
          found = at[len];
        } else {
          found = cancel_at(cl, e - len, nouns);
        }
        if (found == len) return e - len;
      }
    }
    return SIZE_MAX;
  }

  // "Sunak's visit to Poland on Friday has been called off", "the talks were postponed",
  // "the signing of a declaration on air defence cooperation with Y has been put off": after
  // the nominal's end at most nine words (a date, a place, a chain of prepositional phrases)
  // with no punctuation, coordinator or clause opener, then auxiliaries with a form of "be"
  // and the participle of a cancellation verb. Returns the participle's
  // position, or SIZE_MAX; `negated` for "has not been cancelled", `hedged` for "could be
  // cancelled".
  size_t cancel_after(const Clause& cl, size_t end, bool& negated, bool& hedged) const {
    for (size_t q = end; q < cl.toks.size() && q < end + 10; ++q) {
      const std::string_view w = norm(cl.toks[q]);
      if (tok(cl.toks[q]).mention >= 0) continue;
      if (tok(cl.toks[q]).punct || in(w, kCoordinators) ||
          in(w, {"that", "which", "who", "where", "after", "before", "as", "since", "until", "because"}))
        return SIZE_MAX;
      if (!in(w, kAux) || w == "to") continue;
      bool be = false;
      size_t r = q;
      for (; r < cl.toks.size() && in(norm(cl.toks[r]), kAux); ++r) {
        const std::string_view a = norm(cl.toks[r]);
        be = be || in(a, kBe);
        if (in(a, {"not", "never", "cannot"}) || ends_with(a, "n't")) negated = true;
        if (in(a, {"may", "might", "could", "can", "would", "should"})) hedged = true;
      }
      if (!be || r >= cl.toks.size() || !(tok(cl.toks[r]).participle || tok(cl.toks[r]).past) ||
          cancel_at(cl, r, false) == 0) {
        negated = hedged = false;
        return SIZE_MAX;
      }
      return r;
    }
    return SIZE_MAX;
  }

  // Per-thread scratch of the prefilter: for each pattern lemma, the last clause position
  // of a token that can be it, valid while its stamp is the current clause's. Stamps make
  // clearing free; the arrays grow to the largest lexicon seen and are reused.
  struct LemmaScratch {
    std::vector<uint32_t> stamp, last;
    uint32_t current = 0;
    uint32_t next(size_t lemmas) {
      if (stamp.size() < lemmas) {
        stamp.resize(lemmas, 0);
        last.resize(lemmas, 0);
      }
      if (++current == 0) {  // wrapped: old stamps could look current
        std::fill(stamp.begin(), stamp.end(), 0);
        current = 1;
      }
      return current;
    }
  };
  static LemmaScratch& lemma_scratch() {
    thread_local LemmaScratch s;
    return s;
  }

  // Matches of every pattern in the clause, the weaker of overlapping ones dropped.
  // `flat_from` < SIZE_MAX: the clause is extended by the "that" clause its verb governs,
  // which starts at that position (flat_extension); only flat patterns anchored before it
  // are tried, and only matches whose words reach into it are kept.
  std::vector<Match> matches(const Clause& cl, size_t flat_from = SIZE_MAX) const {
    std::vector<Match> found;
    LemmaScratch& sc = lemma_scratch();
    const uint32_t stamp = sc.next(k_.by_lemma.size());
    for (size_t p = 0; p < cl.toks.size(); ++p) {
      const Tok& x = tok(cl.toks[p]);
      // words of mentions too: a pattern word after the anchor may match inside one (word_in_mention)
      if (x.lemmas == nullptr) continue;
      for (int32_t id : *x.lemmas) {
        sc.stamp[static_cast<size_t>(id)] = stamp;
        sc.last[static_cast<size_t>(id)] = static_cast<uint32_t>(p);
      }
    }
    for (size_t p = 0; p < cl.toks.size() && p < flat_from; ++p) {
      const Tok& x = tok(cl.toks[p]);
      if (x.mention >= 0) continue;
      // Facts of the anchor position that the checks below ask for, each found once per
      // anchor (lazily: -1 not asked yet) rather than once per pattern tried there.
      int requested = -1;  // requested_infinitive(cl, p)
      int modified = -1;   // after_modified_determiner(cl, p)
      int permitted = -1;  // permitted_infinitive(cl, p)
      int plural = -1;     // plural_before_of(cl, p)
      int det_before = -1, degree_before = -1;
      int participle_adj = -1;  // participle_before_noun(cl, p)
      const bool gerund = x.norm.ends_with("ing");
      const auto ask = [](int& memo, auto&& f) {
        if (memo < 0) memo = f() ? 1 : 0;
        return memo == 1;
      };
      // the rest is matched after the anchor: a needed lemma must occur there
      const auto prefiltered = [&](uint32_t pi) {
        const EventCoder::Impl::Prefilter& f = k_.prefilter[pi];
        if (flat_from != SIZE_MAX && !f.flat) return false;
        for (uint32_t r = f.begin; r < f.end; ++r) {
          const auto id = static_cast<size_t>(k_.required_ids[r]);
          if (sc.stamp[id] != stamp || sc.last[id] <= p) return false;
        }
        return true;
      };
      auto try_pattern = [&](uint32_t pi) {
        const Compiled& c = k_.patterns[pi];
        // (The anchor word is the token: patterns are tried from the index of the token's own
        // lemmas and form, and tokens of mentions anchor none.)
        if (promise_of_not_doing(cl, c, p)) return;
        const auto pre_slot = c.prefix_slot();
        const bool verbal = pre_slot == PatternElement::Kind::source || c.passive;
        // A finite verb never follows a determiner: "the targeted firms", "an agreed text",
        // "the attack" are adjectives or nouns, so verbal patterns do not fire there. Gerunds
        // ("the signing of a statement") stay: they are how news names an act.
        // Imported TABARI/PETRARCH verbs must be parsed as verbs there: after a determiner
        // even a gerund is a noun for them ("have delayed their meeting"). The same holds with
        // modifiers between ("until its territorial demands are satisfied", "a brief private visit"):
        // for dyad's own patterns too, gerunds again excepted.
        if (verbal && p > 0 && (c.dyadic || !gerund) &&
            ask(det_before, [&] { return is_determiner(norm(cl.toks[p - 1])); }))
          return;
        if ((c.dyadic || !gerund) && verbal && ask(modified, [&] { return after_modified_determiner(cl, p); })) return;
        // Nor right after an adverb of degree ("troops moved very close to the frontier", "quite
        // late"): the word it modifies is an adjective or adverb, never a verb.
        if (verbal && p > 0 && ask(degree_before, [&] { return in(norm(cl.toks[p - 1]), kDegreeAdverbs); })) return;
        // Nor an "-ing" form between a finite verb and its object noun: an adjective of the noun
        // ("met visiting officials").
        if (verbal && gerund && ask(participle_adj, [&] { return participle_before_noun(cl, p); })) return;
        // Nor the act someone is blamed for ("accused them of burning crops"): only claimed.
        if (pre_slot == PatternElement::Kind::source && !c.passive && gerund && blamed_act(cl, p)) return;
        // Nor a bare or past form right after a preposition other than "to": a finite verb never follows
        // one, the word is a noun or an adjective ("police in riot gear", "deployed on riot control duty",
        // "a plea for detained activists").
        if (verbal && p > 0 && !gerund && norm(cl.toks[p - 1]) != "to" && tok(cl.toks[p - 1]).mention < 0 &&
            in(norm(cl.toks[p - 1]), kPrepositions))
          return;
        // Nor after a preposition as a gerund ("after leaving X", "by attacking Y"): a verb
        // phrase inside a prepositional phrase has no subject of its own for them.
        if (c.dyadic && pre_slot == PatternElement::Kind::source && !c.passive && p > 0 && gerund &&
            norm(cl.toks[p - 1]) != "to" && in(norm(cl.toks[p - 1]), kPrepositions))
          return;
        // Nor an infinitive governed by a passive of permission ("... to be allowed to leave X",
        // "were permitted to enter Y"): its doer was only given leave to act.
        if (pre_slot == PatternElement::Kind::source && ask(permitted, [&] { return permitted_infinitive(cl, p); }))
          return;
        // Nor the infinitive of an act asked of someone else ("X urged Y to leave Z"): the
        // request is the event; what was asked for is not done, and not by X.
        if (pre_slot == PatternElement::Kind::source && !c.passive &&
            ask(requested, [&] { return requested_infinitive(cl, p); }))
          return;
        // A plural noun before "of" is no verb: "shelled positions of X", "repulsed attacks
        // of Y" (a present verb takes "of" right after it only where its pattern says so:
        // "X warns of ...").
        if (pre_slot == PatternElement::Kind::source && !c.passive && !c.of_next &&
            ask(plural, [&] { return plural_before_of(cl, p); }))
          return;
        State st;
        st.imported = c.dyadic;
        st.gap_stops_at_negation = c.intent;
        const auto done = [&st](size_t end, size_t lits) {
          st.end = end;
          st.literals = lits;
          return true;
        };
        // an anchor "be" (dyad's own "{S} be deployed ...") passes the verb group's adverbs after it
        const bool be_anchor = !c.dyadic && c.ap.anchor.kind == PatternElement::Kind::lemma && c.ap.anchor.word == "be";
        if (be_anchor ? !after_be(cl, p, 1,
                                  [&](size_t from_pos, size_t from_lits) {
                                    return match_nodes(cl, *c.ap.rest, 0, from_pos, from_lits, st, done);
                                  })
                      : !match_nodes(cl, *c.ap.rest, 0, p + 1, 1, st, done))
          return;
        if (flat_from != SIZE_MAX && st.end <= flat_from) return;
        // "held the protesters back", "held the attackers at bay": the words right after the reading
        // make the verb a phrasal verb of another sense (data/cameo/particle_senses.tsv)
        if (particle_sense_after(cl, p, st.end)) return;
        // a reduced relative only for the bare verb: words of the pattern after it ("remained on
        // alert") are its complement, so the verb is active
        const bool passive =
            passive_at(cl, p) ||
            (st.literals == 1 && (reduced_relative(cl, p, c.code) || governed_reduced_relative(cl, p, c.code))) ||
            participle_only_relative(cl, p, c.code);
        if (c.passive != passive && c.prefix_slot() == PatternElement::Kind::source) return;
        if (c.passive && !passive) return;
        Match m;
        m.pat = &c;
        m.anchor_pos = p;
        m.first_pos = p;
        m.end_pos = st.end;
        m.sources = st.sources;
        m.targets = st.targets;
        m.each_other = st.each_other;
        m.literals = st.literals;
        m.anchor_as_written = c.dyadic && c.ap.anchor.word == x.norm;
        if (!m.sources.empty()) m.source_how = "named in the pattern's {S} slot";
        if (!m.targets.empty()) m.target_how = "named in the pattern's {T} slot";
        // The mention a pattern word matched inside is the object when it names its party with
        // words of its own besides the pattern's ("two Russian diplomats"). One made only of the
        // pattern's words is what the pattern names, not whom the act is aimed at ("fired
        // artillery at X", "withdrew troops from X", also when context gave it a country): it is
        // no target, and the default object looks past it.
        int32_t named_object = -1;
        if (st.word_mention >= 0) {
          const Mention& wm = mention_at(st.word_mention);
          if (m.targets.empty() && wm.token_end - wm.first_token > st.word_count && !generic_agent(st.word_mention)) {
            m.targets = compound_forward(wm.first_token, cl.toks.back() + 1).first;
            m.target_how = "the actor mention a pattern word matched inside (the verb's object)";
          } else {
            named_object = st.word_mention;
          }
        }
        const auto pre = c.prefix_slot();
        using K = PatternElement::Kind;
        if (pre == K::source_possessive || pre == K::target_possessive) {
          size_t first = 0;
          const int32_t pm = possessive_before(cl, p, first);
          if (pm >= 0) {
            (pre == K::source_possessive ? m.sources : m.targets).push_back(pm);
            (pre == K::source_possessive ? m.source_how : m.target_how) = "possessive before the noun";
            m.first_pos = first;
          } else {
            // "X cancelled a visit to Y", "X postponed his trip to Y": the visit is the
            // cancelling verb's subject's.
            const size_t cp = pre == K::source_possessive ? cancel_before(cl, p, false) : SIZE_MAX;
            // "the planned visit to Harbin", "the trip to Kyiv": no possessive, but a target;
            // the guest is the one of the article's earlier event of the same kind on that
            // target's country (code_clause, guest_event).
            if (cp == SIZE_MAX && pre == K::source_possessive && !m.targets.empty() && nominal_anchor(cl, p)) {
              m.source_from_context = true;
            } else {
              if (cp == SIZE_MAX) return;
              std::string how;
              m.sources = subject_before(cl, cp, how);
              if (m.sources.empty() && !cl.subject.empty()) {
                m.sources = cl.subject;
                how = cl.subject_how;
              }
              if (m.sources.empty()) return;
              m.source_how = how + ", subject of the cancelling verb '" + std::string(norm(cl.toks[cp])) + "'";
              m.first_pos = cp;
              m.cancel_pos = cp;
            }
          }
        } else if (c.passive) {
          std::string how;
          m.targets = subject_before(cl, p, how);
          m.target_how = "passive subject (" + how + ")";
          if (m.targets.empty()) m.target_how.clear();
          if (m.targets.empty()) {
            const int32_t owner = passive_subject_owner(cl, p);
            if (owner >= 0) {
              m.targets = {owner};
              m.target_how = "passive subject's owner ('the homes of X were attacked': X)";
            }
          }
          if (by_agent(cl, st.end, m)) m.source_how = "agent of the passive ('by')";
          // "were killed by X in a bombing": the agent right after the participle, before the
          // rest of the reading (a gap of the pattern may have passed over it)
          if (m.sources.empty() && p + 1 < cl.toks.size() && norm(cl.toks[p + 1]) == "by" && by_agent(cl, p + 1, m))
            m.source_how = "agent of the passive ('by' right after the participle)";
          // "were killed in a Taliban bomb attack": an actor naming the noun of an act of force inside the
          // match is its doer
          if (m.sources.empty() && armed_root(c.code) && k_.implicit_agents.count(c.code) != 0) {
            const int32_t named = actor_inside(cl, p + 1, std::min(st.end, cl.toks.size()));
            if (named >= 0) {
              m.sources.push_back(named);
              m.source_how = "an actor naming the act's noun after the passive participle";
            }
          }
          if (m.sources.empty()) {
            auto it = k_.implicit_agents.find(c.code);
            if (it != k_.implicit_agents.end()) {
              m.implicit_agent = &it->second;
              m.source_how = "implicit agent of an agentless passive (data/cameo/implicit_agents.tsv)";
            }
          }
        } else if (pre == K::target && !m.sources.empty() && m.targets.empty()) {
          // TABARI '+' before the verb, '$' after it ("- + WAS * DEAD IN $", "- + HOSTING *
          // MAY_DAY $"): the actor before the anchor (the clause subject) is the target.
          std::string how;
          m.targets = subject_before(cl, p, how);
          if (m.targets.empty() && !cl.subject.empty()) {
            m.targets = cl.subject;
            how = cl.subject_how;
          }
          if (m.targets.empty()) return;
          m.target_how = "the pattern's {T} before the verb (" + how + ")";
        } else if (pre == K::gap && m.sources.empty() && k_.implicit_agents.count(c.code) != 0) {
          // A nominal act that names its doer by itself ("the arrest of X", "those arrested",
          // "arrests were made"): the clause subject is not the doer ("X condemned the arrest
          // of Y" is no arrest by X), so the implicit agent stands in, as for an agentless passive;
          // unless an actor modifies the noun of an act of force itself ("a Taliban car bomb", "the
          // rebels' bomb"): that actor is the doer.
          const int32_t named = armed_root(c.code) ? actor_modifying(cl, p) : -1;
          if (named >= 0) {
            m.sources.push_back(named);
            m.source_how = "an actor modifying the act's noun";
          } else {
            m.implicit_agent = &k_.implicit_agents.find(c.code)->second;
            m.source_how = "implicit agent of a nominal act (data/cameo/implicit_agents.tsv)";
          }
        } else if (m.sources.empty() && gerund_noun(cl, p) && force_root(c.code)) {
          // "X condemned the killing of Y", "after the shelling of Z": an act of force named
          // by a gerund noun is reported by those who react to it, not done by them; only "by
          // W" names its doer. (Participants of a ceremony keep the subject: "X and Y attended
          // the signing of a statement".)
          if (!by_agent(cl, st.end, m)) return;
          m.source_how = "agent of the gerund noun ('the ...ing of ... by')";
        } else if (m.sources.empty() && comma_participle(cl, p)) {
          // "X shelled the town, killing five": the participle's doer is the main clause's, not
          // the nearest actor before it ("a market" in "... hit a market, killing ..."); with no
          // actor as that doer nothing is coded.
          m.sources = participle_doer(cl, p, m.source_how);
          if (m.sources.empty()) return;
          m.comma_participle = true;
        } else if (m.sources.empty()) {
          std::string how;
          m.sources = subject_before(cl, p, how);
          m.source_how = how;
          // "a resolution that aims to impose a blockade against Y": a clause with no verb form the
          // coder knows takes its last actor as subject; one after the whole match is no doer of it
          // (but the speaker of an inverted statement is: "says a police officer, ...")
          if (m.sources.empty() && !cl.subject.empty() &&
              (st.end >= cl.toks.size() || mention_at(cl.subject.front()).first_token < cl.toks[st.end] ||
               c.code.starts_with("01"))) {
            m.sources = cl.subject;
            m.source_how = cl.subject_how;
          }
          // "Police said the owner held the workers ...": a reported clause with a subject of its
          // own that is no actor; the speaker before the reporting verb, reached only as the
          // nearest actor (not as a pronoun's or a pair's referent), did not do its act
          const std::string& doer_how = m.source_how;
          const uint32_t rv = doer_how.starts_with("nearest actor") || doer_how.starts_with("compound subject")
                                  ? report_before_own_subject(cl, p, of_sectors(m, "COP|MIL|SPY"))
                                  : UINT32_MAX;
          if (rv != UINT32_MAX && !m.sources.empty() &&
              std::all_of(m.sources.begin(), m.sources.end(),
                          [&](int32_t sm) { return mention_at(sm).first_token < rv; }))
            return;
          // A nominal event ("the signing of a joint statement", "the talks") whose clause
          // names no actor, or only a bare role ("the ministers' agenda for the summit
          // lists the signing"): its participants come from the discourse (code_clause).
          // "of/during the meeting" only refers to an event (context_event), it codes none.
          if (m.targets.empty() && p > 0 && is_determiner(norm(cl.toks[p - 1])) &&
              std::all_of(m.sources.begin(), m.sources.end(), [&](int32_t sm) { return generic_agent(sm); })) {
            m.sources.clear();
            m.from_context =
                !(p > 1 && in(norm(cl.toks[p - 2]), kPrepositions) && k_.referents.count(norm(cl.toks[p])) != 0);
          }
        }
        if (m.sources.empty() && !m.from_context && !m.source_from_context && m.implicit_agent == nullptr) return;
        // "{S:COP|MIL}": only a doer of those sectors (the implicit agent of an agentless act too)
        if (!c.source_sectors.empty() && !of_sectors(m, c.source_sectors)) return;
        // "{T:GOV|ELI}": only a target of those sectors ("toppled the president", not "toppled Argentina 2-1")
        if (!c.target_sectors.empty() &&
            (m.targets.empty() || !std::all_of(m.targets.begin(), m.targets.end(), [&](int32_t tm) {
               return actor_of_sectors(actor_of(tm), c.target_sectors);
             })))
          return;
        // TABARI '%': the pattern needs a compound subject of at least two different actors.
        if (c.compound && distinct_codes(m.sources) < 2) return;
        // A nominal event ("Sunak's visit to Poland", "talks between A and B", "the signing")
        // called off: "... has been called off", "X cancelled the talks ...".
        if (m.cancel_pos == SIZE_MAX && !c.passive && (pre != K::source || m.from_context)) {
          m.cancel_pos = cancel_before(cl, m.first_pos, true);
          if (m.cancel_pos == SIZE_MAX) m.cancel_pos = cancel_after(cl, m.end_pos, m.cancel_negated, m.cancel_hedged);
        }
        // "A and B condemned each other": the reciprocal pronoun as the object after the match
        if (m.targets.empty() && !m.each_other && !c.passive && each_other_at(cl, m.end_pos)) m.each_other = true;
        if (m.each_other) m.target_how = "reciprocal: 'each other' / 'one another' (each member on the others)";
        if (m.targets.empty() && !m.each_other && !c.passive && !m.from_context && !c.compound &&
            c.code.substr(0, 2) != "01") {  // statements: no default object ("said Russia would")
          // praise or disapproval of an act named by a noun: whom it judges is the act's
          // author ("welcomed the decision of X"), never the object of the noun's complement
          const bool judged = !c.dyadic && judges_an_act(c.code);
          if (named_object < 0) {
            m.targets = object_after(cl, p, m.sources, c.dyadic, judged);
          } else {
            std::vector<int32_t> past = m.sources;
            past.push_back(named_object);
            m.targets = object_after(cl, p, past, c.dyadic, judged);
          }
          // "A and B return to Geneva for talks": with a mutual act of a compound subject the place
          // after the verb is where the sides meet, not a third party; each side acts on the other
          if (!m.targets.empty() && !c.dyadic && k_.reciprocal.count(c.code) != 0 && distinct_codes(m.sources) >= 2 &&
              std::all_of(m.targets.begin(), m.targets.end(), [&](int32_t t) {
                const Mention& tm = mention_at(t);
                // "agreed to negotiate with Israel": a party named after "with" stays the target
                const bool with = tm.first_token > 0 && norm(tm.first_token - 1) == "with";
                return !with && (tm.place.has_value() || tm.kind == MentionKind::location || topic_of(tm));
              }))
            m.targets.clear();
          if (!m.targets.empty()) m.target_how = "first actor after the verb (no {T} filled by the pattern)";
          if (m.targets.empty()) {
            m.targets = complement_subject(cl, st.end, m.sources);
            if (!m.targets.empty())
              m.target_how = "subject of the 'that' clause the verb governs (\"demanded that Y ...\")";
          }
        }
        found.push_back(std::move(m));
      };
      if (x.lemmas != nullptr)
        for (int32_t id : *x.lemmas)
          for (uint32_t pi : k_.by_lemma[static_cast<size_t>(id)])
            if (prefiltered(pi)) try_pattern(pi);
      if (auto it = k_.by_exact.find(x.norm); it != k_.by_exact.end())
        for (uint32_t pi : it->second)
          if (prefiltered(pi)) try_pattern(pi);
    }
    return best_matches(std::move(found));
  }

  // Longest reading (most literal words) first, then the tie rules; a match that overlaps
  // one kept before it is dropped.
  static std::vector<Match> best_matches(std::vector<Match> found) {
    std::stable_sort(found.begin(), found.end(), [](const Match& a, const Match& b) {
      if (a.literals != b.literals) return a.literals > b.literals;
      // a satisfied '%' (compound subject) is one more element matched
      if (a.pat->compound != b.pat->compound) return a.pat->compound;
      // a satisfied sector condition ({S:PKO}) is the more specific reading of the same words
      if (a.pat->source_sectors.empty() != b.pat->source_sectors.empty()) return b.pat->source_sectors.empty();
      if (a.pat->target_sectors.empty() != b.pat->target_sectors.empty()) return b.pat->target_sectors.empty();
      // a headword written as the form itself (TABARI's "LEFT" block beside "LEAVE") is
      // the more specific entry for that form
      if (a.anchor_as_written != b.anchor_as_written) return a.anchor_as_written;
      if (a.pat->code.size() != b.pat->code.size()) return a.pat->code.size() > b.pat->code.size();
      return a.end_pos - a.first_pos > b.end_pos - b.first_pos;
    });
    std::vector<Match> kept;
    for (auto& m : found) {
      bool overlap = false;
      for (const auto& k : kept)
        overlap = overlap || (m.anchor_pos < k.end_pos && k.anchor_pos < m.end_pos &&
                              // "X cancelled a visit to Y": the cancelling (160) and the visit
                              // called off (042, negated) are both coded
                              m.cancel_pos != k.anchor_pos && k.cancel_pos != m.anchor_pos);
      if (!overlap) kept.push_back(std::move(m));
    }
    return kept;
  }

  // ---- mode, tense, attribution, date, place ----------------------------------
  struct ModeInfo {
    EventMode mode = EventMode::happened;
    Tense tense = Tense::unknown;
    std::string why;
    // possible only as the act of a to-infinitive ("sent a team to arrest X", "tried to hack into
    // Y"): a purpose or an attempt, not an announcement, so its PLOVER type stays the act's own
    bool infinitive = false;
  };

  // Sequence of tenses: "X said/told reporters/stated that ... would ...", and the
  // participle of a past narrative ("..., stating that ... would ..."): "would" is the
  // backshifted "will".
  bool past_report_before(uint32_t t) const {
    for (uint32_t j = base_; j < t; ++j)
      if (tok(j).mention < 0 && (tok(j).past || ends_with(norm(j), "ing")) && reporting(j)) return true;
    return false;
  }

  // A visit, meeting or talks named as a noun phrase that is its clause's subject, followed by a future
  // verb ("the visit to X, a port city, will focus on trade", "Y's trip will start on Monday", "the talks are
  // to resume"), has not happened yet. Only consultations (04x): a past act named as the subject of a future
  // verb is common for other acts ("the attack will be investigated", "the sanctions will hurt").
  std::string future_of_named_meeting(const Clause& cl, const Match& m) const {
    const auto pre = m.pat->prefix_slot();
    if (m.pat->code.compare(0, 2, "04") != 0 || m.end_pos == 0 || m.end_pos > cl.toks.size() ||
        (pre != PatternElement::Kind::gap && pre != PatternElement::Kind::source_possessive))
      return {};
    for (size_t q = 0; q < m.first_pos; ++q)  // something before the phrase acts: it is no subject
      if (verbish(cl.toks[q]) || anchors_pattern(tok(cl.toks[q]))) return {};
    uint32_t t = cl.toks[m.end_pos - 1] + 1;
    // Between the phrase and its verb, passed over in any order: a time expression ("next week", "on
    // Monday"), a place ("in Nairobi", "at the UN"), an apposition of the phrase's last word (", a port
    // city,") and a speaker's aside (", officials said,"). Each at most once.
    bool time_seen = false, place_seen = false, comma_seen = false;
    for (bool moved = true; moved && t < end_;) {
      moved = false;
      if (!time_seen)
        for (const TimeExpression& te : times())
          if (te.first_token == t && te.token_end > t) {
            // a time before the article's date even in the future reading ("in June 2023"), or words that say
            // it is past ("last week", "two days ago", "earlier this month"): it took place.
            const Date& published = doc_.article.published;
            if (published.known() && te.if_future.known() && te.if_future.last_day() < published.first_day()) return {};
            for (uint32_t c = t; c < te.token_end && c < end_; ++c)  // "earlier this month": its resolution may not
              if (in(norm(c), {"last", "yesterday", "ago", "earlier", "previous", "past"})) return {};
            t = te.token_end, time_seen = moved = true;
            break;
          }
      if (moved) continue;
      if (!place_seen && in(norm(t), {"in", "at"}) && t + 1 < end_ && tok(t + 1).mention >= 0) {
        const int32_t place = tok(t + 1).mention;
        uint32_t c = t + 1;
        while (c < end_ && tok(c).mention == place) ++c;
        t = c, place_seen = moved = true;
        continue;
      }
      if (!comma_seen && norm(t) == ",") {
        uint32_t c = t + 1;
        bool reported = false, other_verb = false;
        for (; c < end_ && c - t <= 12 && norm(c) != ","; ++c)
          if (tok(c).mention < 0 && reporting(c))
            reported = true;
          else if (verbish(c))
            other_verb = true;
        // ", a port city," (no verb) or ", officials said," (only the speaker's verb)
        if (c >= end_ || norm(c) != "," || other_verb || (reported && c - t > 6)) return {};
        t = c + 1, comma_seen = moved = true;
      }
    }
    while (t < end_ && norm(t).size() > 4 && ends_with(norm(t), "ly") && !anchors_pattern(tok(t))) ++t;
    if (t >= end_) return {};
    const std::string_view w = norm(t);
    const std::string_view next = t + 1 < end_ ? norm(t + 1) : std::string_view{};
    const std::string_view after = t + 2 < end_ ? norm(t + 2) : std::string_view{};
    if (in(w, {"will", "shall", "'ll"}) && !in(next, {"not", "never"}))  // "will not resume": left as it is
      return std::string(w) + " (after the act named as subject)";
    if (in(w, {"is", "are"}) &&
        (next == "to" || (in(next, {"expected", "set", "due", "scheduled", "slated"}) && after == "to")))
      return std::string(w) + " " + std::string(next) + " (after the act named as subject)";
    return {};
  }

  // The match's verb is a finite present with its subject before it (a pattern that opens with its
  // source slot): no past form (nor one that may be past: "hit", "cut"), no infinitive ("the first to
  // visit"), and no -ing form, unless `progressive` and a finite auxiliary stands right before it ("is
  // visiting"). The habit rule and the scheduled-visit rule both read the present by it.
  bool finite_present(const Clause& cl, const Match& m, bool progressive) const {
    if (m.pat->prefix_slot() != PatternElement::Kind::source) return false;
    const uint32_t at = cl.toks[m.anchor_pos];
    if (tok(at).past) return false;
    if (m.anchor_pos > 0 && norm(cl.toks[m.anchor_pos - 1]) == "to") return false;
    if (!ends_with(norm(at), "ing")) return true;
    return progressive && m.anchor_pos > 0 && finite_auxiliary(norm(cl.toks[m.anchor_pos - 1]));
  }

  // The present simple of an act stated as a habit, no single act on a day: "the guards search every car
  // each morning", "rebels often raid the depots", "police arrest traders there regularly": a recurring
  // time in the clause, or a habit adverb of data/cameo/clause_words.tsv in the verb group (right before
  // the verb, after its subject) or closing the clause; not one that qualifies another word ("the usually
  // quiet town", "as always, ..."). A verb with its subject before it, in mode happened, neither a past
  // form (nor one that may be past: "hit", "cut"), nor an -ing form, nor an infinitive, and no time
  // expression of its own that dates it. A present with no such mark stays an event: the news present
  // ("Police arrest five in X", "troops kill three, ministry says") tells single acts anywhere in a story.
  bool habitual(const Clause& cl, const Match& m, const ModeInfo& mi, bool dated, bool recurring) const {
    // A negated present is a habit too ("the guards usually do not search buses", "rebels rarely
    // don't answer"): its verb group "do not" / "does not" / "never" stands between the adverb and the
    // verb.
    if ((mi.mode != EventMode::happened && mi.mode != EventMode::negated) || mi.tense == Tense::past ||
        mi.tense == Tense::future || dated)
      return false;
    if (!finite_present(cl, m, false)) return false;
    size_t group = m.anchor_pos;  // first position of the negated verb group ("do not")
    if (mi.mode == EventMode::negated) {
      bool negator = false;
      while (group > 0 && tok(cl.toks[group - 1]).mention < 0) {
        const std::string_view w = norm(cl.toks[group - 1]);
        const bool neg = in(w, {"not", "never", "don't", "doesn't", "dont", "doesnt", "n't"});
        if (!neg && !in(w, {"do", "does"}) && !k_.clause_words.habit_adverb(w)) break;
        negator = negator || neg;
        --group;
      }
      if (!negator) return false;
    }
    if (recurring) return true;
    auto habit = [&](size_t q) {
      return q < cl.toks.size() && tok(cl.toks[q]).mention < 0 && k_.clause_words.habit_adverb(norm(cl.toks[q]));
    };
    // the verb group: the adverb right before the verb ("often raid"), or before another -ly adverb
    // ("routinely openly flout"), or before or inside a negated group ("usually do not raid")
    if (m.anchor_pos >= 1 && habit(m.anchor_pos - 1)) return true;
    for (size_t q = group; q < m.anchor_pos; ++q)
      if (habit(q)) return true;
    if (group >= 1 && group < m.anchor_pos && habit(group - 1)) return true;
    if (m.anchor_pos >= 2 && habit(m.anchor_pos - 2) && ends_with(norm(cl.toks[m.anchor_pos - 1]), "ly")) return true;
    // the clause's last word before its punctuation ("... regularly."), when it closes the anchor's own
    // phrase: no other verb form stands between ("arrest traders for crossing the border regularly", "in a
    // town where clashes erupt often", "as they do regularly" qualify another verb; review29 #5)
    size_t last = cl.toks.size();
    while (last > m.anchor_pos + 1 && tok(cl.toks[last - 1]).punct) --last;
    if (last <= m.anchor_pos + 1 || !habit(last - 1)) return false;
    for (size_t q = m.anchor_pos + 1; q + 1 < last; ++q) {
      const uint32_t t = cl.toks[q];
      if (tok(t).mention >= 0) continue;
      const std::string_view w = norm(t);
      if (verbish(t) || (w.size() > 4 && ends_with(w, "ing")) || in(w, kSubordinators) ||
          in(w, {"where", "as", "which", "who", "that", "something", "do", "does"}))
        return false;
    }
    return true;
  }

  // The tense a clause's verb group marks, read from its words alone: future with a future auxiliary
  // ("will", "shall", "'ll", "won't"), else past with a verb in a past form, else unknown.
  Tense clause_tense(const Clause& cl) const {
    bool past = false;
    for (const uint32_t t : cl.toks) {
      const Tok& x = tok(t);
      if (x.mention >= 0) continue;
      const std::string_view w = norm(t);
      if (w == "will" || w == "shall" || w == "'ll" || w == "wo") return Tense::future;
      if (x.past && x.lemmas != nullptr) past = true;
    }
    return past ? Tense::past : Tense::unknown;
  }

  ModeInfo mode_of(const Clause& cl, const Match& m) const {
    ModeInfo mi;
    // window: from just after the subject (if it is in the clause) to the anchor
    size_t from = 0;
    for (size_t q = 0; q < m.anchor_pos; ++q)
      if (tok(cl.toks[q]).mention >= 0 && !m.sources.empty() &&
          std::find(m.sources.begin(), m.sources.end(), tok(cl.toks[q]).mention) != m.sources.end())
        from = q + 1;
    std::string neg, poss, exp;
    // "Neither X nor Y boycotted ...": the act is denied of every member of the subject
    for (size_t q = 0; q < m.anchor_pos; ++q)
      if (tok(cl.toks[q]).mention >= 0 &&
          std::find(m.sources.begin(), m.sources.end(), tok(cl.toks[q]).mention) != m.sources.end()) {
        if (q > 0 && norm(cl.toks[q - 1]) == "neither") neg = "neither ... nor";
        break;
      }
    bool past = tok(cl.toks[m.anchor_pos]).past && m.pat->prefix_slot() != PatternElement::Kind::source_possessive;
    const bool nominal = m.pat->prefix_slot() == PatternElement::Kind::gap;
    bool present = false;
    // A nominal act whose doer is named after the anchor ("hurt in the firing", "killed in police
    // firing"): "no one" / "nobody" / "none" as the subject denies the harm, not the act, which
    // happened all the same ("nobody was hurt in the shooting"). Only these subject words and
    // only acts of force (175, 18x-20x): "no arrests were made" and "nobody was arrested during the
    // march" still deny the arrests.
    const std::string& mcode = m.pat->code;
    const bool harm_in_act =
        nominal &&
        (mcode == "175" || (mcode.size() >= 2 && (mcode.compare(0, 2, "18") == 0 || mcode.compare(0, 2, "19") == 0 ||
                                                  mcode.compare(0, 2, "20") == 0)));
    auto subject_negator = [this](std::string_view w, std::string_view next) {
      return k_.clause_words.no_one(w, next);
    };
    for (size_t q = from; q < m.anchor_pos; ++q) {
      const uint32_t t = cl.toks[q];
      if (tok(t).mention >= 0) continue;
      const std::string_view w = norm(t);
      const std::string_view next = q + 1 < cl.toks.size() ? norm(cl.toks[q + 1]) : std::string_view{};
      // "no one was hurt in the firing" denies the harm, not the firing: this word's own
      // negation is undone, one set earlier in the clause is kept
      const bool harm_denied = harm_in_act && subject_negator(w, next);
      const std::string neg_before = harm_denied ? neg : std::string();
      if (in(w, {"not", "never", "no", "cannot", "neither", "nor"}) || ends_with(w, "n't")) neg = w;
      if (in(w, {"refused", "refuses", "refuse", "declined", "declines", "decline", "failed", "fails", "fail"}) &&
          next == "to")
        neg = std::string(w) + " to";
      if (in(w, {"denied", "denies", "deny", "denying"})) neg = w;
      if (in(w, {"unable", "unwilling"}) && next == "to") neg = std::string(w) + " to";  // "was unable to stop"
      if (k_.clause_words.no_one(w, next) && w != "no") neg = w;  // "nobody was arrested" ("no one": "no" above)
      if (harm_denied) neg = neg_before;
      // an act wanted or judged likely is not done: "wants X booked", "wanted to arrest", "are
      // likely to be arrested" ("a wanted man" is no wish: "wanted" only before "to")
      if ((in(w, {"want", "wants", "wish", "wishes"}) ||
           (in(w, {"wanted", "wished", "likely", "unlikely"}) && next == "to")))
        poss = w;

      if (w == "without" && q + 1 == m.anchor_pos) neg = w;  // "without chiding X": not done
      if (in(w, {"may", "might", "could", "can", "should", "ought", "possibly", "perhaps", "considering", "weighing",
                 "mulling", "consider", "considers", "weigh", "weighs", "mull", "mulls"}))
        poss = w;
      // a nominal act asked for is not done: "demanded the arrest of X", "called for the
      // withdrawal of troops", "sought the release of Y"
      if (nominal && (in(w, {"demand", "demands", "demanded", "demanding", "seek", "seeks", "sought", "seeking", "urge",
                             "urges", "urged", "urging"}) ||
                      (in(w, {"call", "calls", "called", "calling", "ask", "asks", "asked", "asking", "press",
                              "pressed", "pressing"}) &&
                       next == "for")))
        poss = std::string(w) + " (asked for, not done)";
      if (w == "would") {
        if (past_report_before(t))
          exp = "would (after a past reporting verb)";
        else
          poss = "would (hypothetical)";
      }
      if (in(w, {"will", "shall", "'ll", "wo"})) exp = w;
      // "..., previewing the talks and a trip to the port": what is previewed is to come
      // (data/cameo/clause_words.tsv, preview_verb)
      if (k_.clause_words.preview_verb(w)) exp = std::string(w) + " (what it previews is to come)";
      if (in(w, {"expected",  "expects", "expect", "plans",   "plan",      "planned",  "planning",  "set",
                 "scheduled", "due",     "about",  "intends", "intend",    "intended", "intending", "aims",
                 "aim",       "going",   "slated", "poised",  "preparing", "prepares"}) &&
          (next == "to" || to_after_adjuncts(cl, q + 1, m.anchor_pos)))
        exp = std::string(w) + " to";
      // commitments and threats: "agreed to withdraw", "is ready to send", "threatened to impose",
      // also with a day or a manner between ("agreed in principle on Monday to provide")
      if (in(w, {"agreed",  "agrees",   "agree",   "promised", "promises",   "pledged",   "pledges",
                 "vowed",   "vows",     "offered", "offers",   "threatened", "threatens", "ready",
                 "willing", "prepared", "decided", "decides",  "committed",  "resolved"}) &&
          (next == "to" || to_after_adjuncts(cl, q + 1, m.anchor_pos)))
        exp = std::string(w) + " to";
      if (in(w, {"is", "are", "was", "were"}) && next == "to") exp = std::string(w) + " to";
      if (q + 1 == m.anchor_pos && in(w, {"planned", "upcoming", "scheduled", "forthcoming", "expected", "proposed",
                                          "future", "next", "impending", "anticipated"}))
        exp = std::string(w) + " (before the noun)";
      if (in(w, {"was", "were", "had", "did", "didn't"})) past = true;
      if (in(w, {"is", "are", "has", "have", "does", "am"})) present = true;
    }
    // "the gunmen killed no one", "police arrested nobody", "troops killed none of the rebels"
    // (not "arrested none other than X"):
    // an object that is no one says the act was not done to anyone (the words right after the
    // anchor up to the match's end and the word after it; not past punctuation or an actor)
    if (neg.empty())
      for (size_t q = m.anchor_pos + 1; q <= m.end_pos && q < cl.toks.size(); ++q) {
        const uint32_t t = cl.toks[q];
        if (tok(t).mention >= 0 || tok(t).punct) break;
        const std::string_view w = norm(t);
        // "none other than X" names the one it was done to: no negation
        const bool none_other = w == "none" && q + 1 < cl.toks.size() && norm(cl.toks[q + 1]) == "other";
        if (k_.clause_words.no_one(w, q + 1 < cl.toks.size() ? norm(cl.toks[q + 1]) : std::string_view{}) &&
            !none_other) {
          neg = std::string(w == "no" ? "no one" : w) + " (as the object)";
          break;
        }
      }
    if (cl.conditional) poss = "conditional clause (if/unless/whether)";
    // An act in a to-infinitive is not reported as done ("sent a team to detain X", "allows the
    // police to arrest anyone", "found it hard to arrest him"), unless the word it depends on says it
    // was (data/cameo/clause_words.tsv, done_before_to: "managed to", "were forced to", "had to").
    // The words above (will, expected, want, agreed, failed ...) read their own infinitives first;
    // nominal acts have no infinitive.
    if (neg.empty() && poss.empty() && exp.empty() && !nominal) {
      size_t v = m.anchor_pos;  // the verb; "to be arrested": the "be" before the participle
      if (v > 0 && norm(cl.toks[v - 1]) == "be" && tok(cl.toks[v]).participle) --v;
      if (v > 0 && tok(cl.toks[v - 1]).mention < 0 && ends_with(norm(cl.toks[v - 1]), "ly") && !verbish(cl.toks[v - 1]))
        --v;  // "to swiftly arrest"
      const bool bare = v < m.anchor_pos || (!tok(cl.toks[v]).past && !ends_with(norm(cl.toks[v]), "ing"));
      if (bare && v >= 2 && norm(cl.toks[v - 1]) == "to" && tok(cl.toks[v - 1]).mention < 0) {
        // The governing word: scanning back from "to" over the object and adjuncts of the verb the
        // infinitive depends on ("acted swiftly to arrest", "forcing the police to open fire",
        // "fired twice to scatter the crowd"), a listed word reports the act done; the first other verb
        // form (a past or "-ing" form, an auxiliary), punctuation, a coordinator, a subordinator or an
        // earlier "to" ends the scan ("had sent a team to Pune to detain": "sent"; "found it hard to
        // arrest": "found").
        std::string gw;
        bool done = false;
        size_t words = 0;  // at most eight words that are no actor's
        for (size_t g = v - 1; g-- > 0 && words < 8;) {
          const uint32_t t = cl.toks[g];
          if (tok(t).mention >= 0) continue;
          ++words;
          const std::string_view w = norm(t);
          if (k_.clause_words.done_before_to(w)) {
            done = true;
            break;
          }
          gw = std::string(w);
          if (tok(t).punct || tok(t).past || ends_with(w, "ing") || in(w, kAux) || in(w, kCoordinators) ||
              in(w, kSubordinators) || w == "to")
            break;
        }
        if (!done) {
          poss = "to-infinitive after '" + gw + "' (not reported done)";
          mi.infinitive = true;
        }
      }
    }
    // "X denied (on Tuesday) that Y was holding talks": the act of a "that" clause governed by a
    // denial is denied; not past a comma or a coordinator of that clause ("..., dismissing a
    // report", "... and said"), which the clause split leaves in it
    bool plain_complement = true;
    for (size_t q = 0; q < m.anchor_pos && plain_complement; ++q)
      plain_complement =
          tok(cl.toks[q]).mention >= 0 || (norm(cl.toks[q]) != "," && !in(norm(cl.toks[q]), kCoordinators));
    if (neg.empty() && plain_complement && clauses_ != nullptr && cl.complement_of >= 0 &&
        static_cast<size_t>(cl.complement_of) < clauses_->size())
      for (uint32_t t : (*clauses_)[static_cast<size_t>(cl.complement_of)].toks)
        if (tok(t).mention < 0 && lemma_is(norm(t), "deny")) {
          // a fronted participle ("Having denied any role, X said that ...", "After denying the
          // reports, X admitted that ...") does not govern the clause
          const std::string_view dw = norm(t);
          const bool after_aux = t > 0 && in(norm(t - 1), {"is", "are", "was", "were", "been", "be", "am"});
          if ((ends_with(dw, "ing") && !after_aux) || (t > 0 && norm(t - 1) == "having")) continue;
          neg = std::string(norm(t)) + " (the 'that' clause it governs)";
          break;
        }
    if (neg.empty() && poss.empty() && exp.empty() && !cl.conditional) exp = future_of_named_meeting(cl, m);
    if (!neg.empty()) {
      mi.mode = EventMode::negated;
      mi.why = "negated by '" + neg + "'";
    } else if (!poss.empty()) {
      mi.mode = EventMode::possible;
      mi.why = "possible by '" + poss + "'";
    } else if (!exp.empty()) {
      mi.mode = EventMode::expected;
      mi.why = "expected by '" + exp + "'";
    } else {
      mi.why = "no negation, modality or expectation in the verb group";
    }
    if (!exp.empty())
      mi.tense = Tense::future;
    else if (past)
      mi.tense = Tense::past;
    else if (present)
      mi.tense = Tense::present;
    else
      mi.tense = Tense::unknown;
    if (mi.mode == EventMode::happened && mi.tense != Tense::past)
      mi.why += "; tense " + std::string(mi.tense == Tense::present ? "present" : "unmarked");
    return mi;
  }

  // A reporting verb's base form right after a place that is also a noun for a kind of place (actor_words.tsv
  // place_noun and place_noun_of: "state") names that place's division: "in Zamfara
  // state on Monday", "across Kano State", "Uttar Pradesh state police". A verb there opens its reported
  // clause ("residents in Goma state that the ...": a determiner, "that" or a pronoun after it, as for
  // speaker_verb_after_place). Written capitalised inside the sentence it is a noun whatever follows. A
  // verb with no place-noun reading stays the verb ("officials in Kabul warn ...", "rebels in Goma
  // announce ...").
  bool place_ends_at(uint32_t t) const {
    if (t <= base_) return false;
    const Tok& b = tok(t - 1);
    if (b.mention >= 0) {
      const Mention& mm = mention_at(b.mention);
      return mm.token_end == t && (mm.place || mm.kind == MentionKind::location || mm.kind == MentionKind::country);
    }
    for (uint32_t u = t; u-- > base_ && u + 4 >= t;) {
      uint32_t gp_end = 0;
      if (located_reference(u, &gp_end) != nullptr && gp_end == t) return true;
    }
    return false;
  }
  void place_nouns_are_no_verbs(uint32_t first, uint32_t end) {
    for (uint32_t t = first + 1; t < end; ++t) {
      Tok& x = toks_[t - base_];
      if (x.lemmas == nullptr || x.mention >= 0 || x.past) continue;
      const std::string_view w = norm(t);  // a base form: the lemma itself
      if (k_.reporting_lemmas.count(w) == 0 || !k_.actor_words.place_noun_before_of(w) || !place_ends_at(t)) continue;
      if (!doc_.text.tokens[t].capitalized && speaker_verb_after_place(t)) continue;
      x.lemmas = nullptr;
    }
  }

  // A capitalised pattern word inside a time expression is a month, never the verb: "in March",
  // "March 2023", "May 16" (march, may). Time expressions are only looked for when such a
  // word occurs, so a sentence without one costs a character test per anchor word.
  void month_names_are_no_verbs(uint32_t first, uint32_t end) {
    for (uint32_t t = first + 1; t < end; ++t) {
      Tok& x = toks_[t - base_];
      if (x.lemmas == nullptr || x.mention >= 0) continue;
      const std::string_view raw = doc_.text.tokens[t].span.of(doc_.article.text);
      if (raw.empty() || raw[0] < 'A' || raw[0] > 'Z') continue;
      for (const TimeExpression& te : times())
        if (te.first_token <= t && t < te.token_end) x.lemmas = nullptr;
    }
  }

  const std::vector<TimeExpression>& times() const {
    if (!times_done_) {
      times_ = find_time_expressions(doc_.article, doc_.text, sentence_, doc_.article.published, k_.recurrence);
      times_done_ = true;
    }
    return times_;
  }

  // The place of a name reference opening at token t whose entity is a location the gazetteer
  // placed in a country (the name finder's, docs/entities.md); nullptr when there is none.
  const Place* located_reference(uint32_t t, uint32_t* token_end = nullptr) const {
    const auto it = std::lower_bound(doc_.references.begin(), doc_.references.end(), t,
                                     [](const EntityReference& r, uint32_t v) { return r.first_token < v; });
    for (auto r = it; r != doc_.references.end() && r->first_token == t; ++r) {
      if (r->kind != ReferenceKind::name || r->mention >= 0 || r->entity < 0) continue;
      const Entity& en = doc_.entities[static_cast<size_t>(r->entity)];
      if (en.type == EntityType::location && en.place && en.place->country.size() == 3) {
        if (token_end != nullptr) *token_end = r->token_end;
        return &*en.place;
      }
    }
    return nullptr;
  }

  // The place a place mention names.
  Place place_of_mention(const Mention& mm) const {
    Place p;
    if (mm.place) {
      p = *mm.place;
    } else {
      p.name = mm.actor.canonical.empty() ? std::string(mm.span.of(doc_.article.text)) : mm.actor.canonical;
      p.country = mm.actor.country.empty() ? mm.actor.code.substr(0, 3) : mm.actor.country;
    }
    if (p.span.empty()) p.span = mm.span;
    return p;
  }

  // "Harbin in China": the place mention ending right before the "in" at clause position q when
  // it lies in `outer`, a mention of that place's country; else nullptr.
  const Mention* place_in(const Clause& cl, size_t q, const Mention& outer) const {
    if (q == 0 || norm(cl.toks[q]) != "in") return nullptr;
    const Tok& b = tok(cl.toks[q - 1]);
    if (b.mention < 0) return nullptr;
    const Mention& inner = mention_at(b.mention);
    if (inner.token_end != cl.toks[q - 1] + 1 || &inner == &outer) return nullptr;
    if (!inner.place && inner.kind != MentionKind::location) return nullptr;
    if (inner.kind == MentionKind::country && !inner.place) return nullptr;
    const Place pi = place_of_mention(inner), po = place_of_mention(outer);
    if (pi.country.empty() || pi.country != po.country || pi.name == po.name) return nullptr;
    // the outer one names the country itself
    return outer.actor.code == po.country ? &inner : nullptr;
  }

  // The place of the act: see docs/coder.md, step 9. `prep_at`, when given, receives the clause position
  // of the preposition that attached it.
  std::optional<Place> place_of(const Clause& cl, const Match& m, std::string& why, size_t* prep_at = nullptr) const {
    std::optional<Place> best;
    size_t best_dist = SIZE_MAX;
    for (size_t q = 0; q + 1 < cl.toks.size(); ++q) {
      if (!in(norm(cl.toks[q]), kPlacePrepositions) || tok(cl.toks[q]).mention >= 0) continue;
      size_t r = q + 1;
      // "outside of X"
      if (r < cl.toks.size() && norm(cl.toks[q]) == "outside" && norm(cl.toks[r]) == "of") ++r;
      if (r < cl.toks.size() && norm(cl.toks[r]) == "the" && tok(cl.toks[r]).mention < 0) {
        ++r;
        // "near the town of X", "outside the northern city of X": the place described
        r = past_place_description(cl, r);
      }
      // "in central Baghdad", "near northern Kirkuk": a word of position before the place
      // (data/knowledge/actor_words.tsv); also one the gazetteer knows as a region of its own ("in
      // Northern Syria", "in Central London": the one-word "Northern" or "Central" there is a direction
      // in the place after it, not that region)
      if (r + 1 < cl.toks.size() && k_.actor_words.position(norm(cl.toks[r]))) {
        const int32_t own = tok(cl.toks[r]).mention;
        if (own < 0) {
          if (located_reference(cl.toks[r]) == nullptr) ++r;  // not "in the West Bank"
        } else {
          const Mention& om = mention_at(own);
          if (om.kind == MentionKind::location && om.first_token == cl.toks[r] && om.token_end == cl.toks[r] + 1 &&
              tok(cl.toks[r + 1]).mention_start)
            ++r;
        }
      }
      if (r >= cl.toks.size()) continue;
      if (!tok(cl.toks[r]).mention_start) {
        // "in the West Bank", "in the Gaza Strip": a name the gazetteer knows that no actor
        // dictionary made a mention of, found by the name finder as a located place
        if (tok(cl.toks[r]).mention >= 0) continue;
        uint32_t gp_end = 0;
        const Place* gp = located_reference(cl.toks[r], &gp_end);
        // as for a mention below: a place right before a reporting verb is the speaker's
        if (gp == nullptr || speaker_verb_after_place(gp_end)) continue;
        const size_t dist = q > m.anchor_pos ? q - m.anchor_pos : m.anchor_pos - q;
        if (dist >= best_dist) continue;
        best_dist = dist;
        best = *gp;
        if (prep_at != nullptr) *prep_at = q;
        why = "'" + std::string(norm(cl.toks[q])) + " " + gp->name +
              "' in the same clause (a place the name finder found)";
        continue;
      }
      const Mention& mm = mention_at(tok(cl.toks[r]).mention);
      if (!mm.place && mm.kind != MentionKind::location && mm.kind != MentionKind::country) continue;
      // "..., aid workers in Kampala said": a place right before a reporting verb tells where the speaker
      // is, not where the act happened
      if (speaker_verb_after_place(mm.token_end)) continue;
      const size_t dist = q > m.anchor_pos ? q - m.anchor_pos : m.anchor_pos - q;
      if (dist >= best_dist) continue;
      best_dist = dist;
      // "Harbin in China", "a port in Lamu in Kenya": the place right before "in" lies in the
      // one after it; the more specific of the two is where the act happened
      if (const Mention* inner = place_in(cl, q, mm)) {
        best = place_of_mention(*inner);
        if (prep_at != nullptr) *prep_at = q;
        why = "'" + std::string(inner->span.of(doc_.article.text)) + " in " +
              std::string(mm.span.of(doc_.article.text)) + "' in the same clause (the more specific place)";
        continue;
      }
      best = place_of_mention(mm);
      if (prep_at != nullptr) *prep_at = q;
      why = "'" + std::string(norm(cl.toks[q])) + " " + std::string(mm.span.of(doc_.article.text)) +
            "' in the same clause";
    }
    if (!best) why = "no place attached by in/at/near/outside in the clause";
    return best;
  }

  // "X said (on Tuesday) that Y must ...", "X reiterated that Y has to ...": the subject of
  // the reported content when that content obliges it ("must", "has/have to" before its verb).
  // same_clause_at: the clause position of "must" when the content is in this clause.
  std::vector<int32_t> obliged_subject(const Clause& cl, const Match& m, size_t& same_clause_at) const {
    if (clauses_ == nullptr) return {};
    const auto obliges = [&](size_t q) {
      return q < cl.toks.size() &&
             (norm(cl.toks[q]) == "must" ||
              (in(norm(cl.toks[q]), {"has", "have"}) && q + 1 < cl.toks.size() && norm(cl.toks[q + 1]) == "to"));
    };
    // no "that": "X said (on Tuesday) Y must ..." in the same clause
    for (size_t q = m.end_pos; q < cl.toks.size() && q < m.end_pos + 4; ++q) {
      const Tok& x = tok(cl.toks[q]);
      if (x.mention_start) {
        if (!target_mention(x.mention) || generic_agent(x.mention)) break;
        if (std::find(m.sources.begin(), m.sources.end(), x.mention) != m.sources.end()) break;
        auto [members, after] = compound_forward(cl.toks[q], cl.toks.back() + 1);
        size_t r = q;
        while (r < cl.toks.size() && cl.toks[r] < after) ++r;
        if (obliges(r)) {
          same_clause_at = r;
          return members;
        }
        break;
      }
      if (x.mention >= 0 || x.punct || verbish(cl.toks[q])) break;
    }
    auto subject = complement_subject(cl, m.end_pos, m.sources);
    if (subject.empty()) return {};
    for (size_t ci = clause_index_ + 1; ci < clauses_->size(); ++ci) {
      const Clause& c = (*clauses_)[ci];
      if (c.complement_of != static_cast<int32_t>(clause_index_)) continue;
      for (size_t q = 0; q < c.toks.size() && q < 12; ++q) {
        const std::string_view w = norm(c.toks[q]);
        if (tok(c.toks[q]).punct) break;
        if (w == "must" || (in(w, {"has", "have"}) && q + 1 < c.toks.size() && norm(c.toks[q + 1]) == "to"))
          return subject;
      }
      return {};
    }
    return {};
  }

  // The coded event a nominal event without actors refers to: with "of/during/at/after
  // the meeting|visit|talks ..." (data/cameo/referents.tsv) the most recent event of a
  // code that noun names, else the most recent event with a source and a different target;
  // from this sentence's earlier clauses or up to two sentences back.
  const Event* context_event(const Clause& cl, std::string& how) const {
    const std::vector<std::string>* want = nullptr;
    std::string noun;
    for (size_t q = 0; q + 1 < cl.toks.size() && want == nullptr; ++q) {
      if (!in(norm(cl.toks[q]), {"of", "during", "at", "after", "before", "since", "from", "throughout"})) continue;
      size_t r = q + 1;
      if (r < cl.toks.size() && in(norm(cl.toks[r]), kDeterminers)) ++r;
      if (r >= cl.toks.size() || tok(cl.toks[r]).mention >= 0) continue;
      if (auto it = k_.referents.find(norm(cl.toks[r])); it != k_.referents.end()) {
        want = &it->second;
        noun = std::string(norm(cl.toks[q])) + " ... " + std::string(norm(cl.toks[r]));
      }
    }
    const uint32_t lo = sentence_ >= 2 ? sentence_ - 2 : 0;
    for (int pass = want != nullptr ? 0 : 1; pass < 2; ++pass) {
      for (size_t i = out_.size(); i-- > 0;) {
        const Event& e = out_[i];
        if (e.sentence < lo) break;
        if (!e.target || e.target->code == e.source.code) continue;
        if (pass == 0 && std::none_of(want->begin(), want->end(),
                                      [&](const std::string& c) { return e.cameo.compare(0, c.size(), c) == 0; }))
          continue;
        how = "actors from context: " +
              std::string(pass == 0 ? "the event '" + noun + "' refers to" : "the nearest preceding coded event") +
              " (" + e.cameo + " " + e.source.code + "->" + e.target->code + ", sentence " +
              std::to_string(e.sentence) + ")";
        return &e;
      }
    }
    return nullptr;
  }

  // The planned occasion an undated expected event belongs to: when its sentence names
  // one ("during the visit", "at the meeting", "Putin's expected trip": a referent noun
  // of data/cameo/referents.tsv after a determiner, a possessive or a word of planning,
  // with up to three modifiers of the noun between: "during the two-day visit", "his state visit"),
  // the article's most recent expected event of that noun's codes whose date came from a
  // time expression. A preview names the day of the visit once; what is planned for the
  // visit happens on that day, not on the article's date.
  const Event* planned_occasion(std::string& why) const {
    const std::initializer_list<std::string_view> kPlanned = {"expected",  "planned",  "upcoming", "forthcoming",
                                                              "scheduled", "proposed", "coming",   "this"};
    const Sentence& sn = doc_.text.sentences[sentence_];
    for (uint32_t t = sn.first_token + 1; t < sn.first_token + sn.token_count; ++t) {
      auto it = k_.referents.find(norm(t));
      if (it == k_.referents.end() || tok(t).mention >= 0) continue;
      const auto opens = [&](std::string_view w) {
        return in(w, kDeterminers) || in(w, kPlanned) || w == "'s" || w == "’s";
      };
      uint32_t b = t - 1;  // the word that opens the noun's phrase, past its modifiers ('~' words)
      while (!opens(norm(b)) && b > sn.first_token && b + 3 > t - 1 && modifier_word(b) &&
             !k_.referents.contains(norm(b)))
        --b;
      const std::string_view before = norm(b);
      if (!opens(before)) continue;
      for (size_t i = out_.size(); i-- > 0;) {
        const Event& e = out_[i];
        if (e.mode != EventMode::expected || !e.date_basis.starts_with("expression:")) continue;
        if (std::none_of(it->second.begin(), it->second.end(),
                         [&](const std::string& c) { return e.cameo.compare(0, c.size(), c) == 0; }))
          continue;
        why = "no time expression in the clause; '" + std::string(before) + (b + 1 < t ? " ... " : " ") +
              std::string(norm(t)) + "' refers to the expected " + e.cameo + " event of sentence " +
              std::to_string(e.sentence) + ", dated " + e.date.iso();
        return &e;
      }
    }
    return nullptr;
  }

  // Is the anchor at clause position p a noun opening its phrase's head: right after a
  // determiner, or after a determiner and a word of planning ("the planned visit")?
  bool nominal_anchor(const Clause& cl, size_t p) const {
    const std::initializer_list<std::string_view> kPlanning = {"planned",  "expected",  "upcoming", "forthcoming",
                                                               "proposed", "scheduled", "first",    "next"};
    if (p > 0 && is_determiner(norm(cl.toks[p - 1]))) return true;
    return p > 1 && in(norm(cl.toks[p - 1]), kPlanning) && is_determiner(norm(cl.toks[p - 2]));
  }

  // The earlier event of the article whose guest a nominal event without a source refers
  // to: the most recent one of the same CAMEO root with a target in `target`'s country and
  // a source from another country ("X flew to China ... the planned visit to Harbin").
  const Event* guest_event(const std::string& code, const Actor& target, std::string& how) const {
    auto country = [](const Actor& a) { return a.country.empty() ? a.code.substr(0, 3) : a.country; };
    const std::string tc = country(target);
    if (tc.size() != 3) return nullptr;
    for (size_t i = out_.size(); i-- > 0;) {
      const Event& e = out_[i];
      if (!e.target || e.cameo.compare(0, 2, code, 0, 2) != 0) continue;
      if (country(*e.target) != tc || country(e.source) == tc) continue;
      how = "source from context: the guest of the earlier " + e.cameo + " " + e.source.code + "->" + e.target->code +
            " (sentence " + std::to_string(e.sentence) + ")";
      return &e;
    }
    return nullptr;
  }

  // A protest (14x) where it happens: people with no country ("students", "workers") who
  // protest in a place are of that place's country ("students marched in Jakarta" -> IDNEDU),
  // and a protest with no target by people of that country, not its state, is addressed to it
  // (IDNEDU -> IDN), as event data codes domestic protest. Protesters of another country keep theirs;
  // international and displaced sectors take none (data/knowledge/actor_words.tsv: refugees protesting
  // in a camp in X fled another country).
  void protest_in_place(Actor& source, std::optional<Actor>& target, const Place& place) const {
    if (place.country.empty()) return;
    if (source.country.empty() && source.code.size() == 3 && source.code == source.sector &&
        !k_.actor_words.placeless_sector(source.sector)) {
      source.country = place.country;
      source.code = place.country + source.code;
    }
    const std::string sc = source.country.empty() ? source.code.substr(0, 3) : source.country;
    // the state's own forces and offices ("Kenyan police march in Nairobi") address no protest to it
    const auto state_sector = [](std::string_view x) { return in(x, {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}); };
    const bool state = state_sector(source.sector) ||
                       (source.code.size() >= 6 && state_sector(std::string_view(source.code).substr(3, 3)));
    if (!target && sc == place.country && !state) place_as_target(target, place);
  }

  // An actor of a sector and no country ("people" CVL, "a journalist" MED, the implicit "police"
  // COP) in a place is of the place's country; international sectors (IGO, NGO, IMG, MNC, PKO)
  // belong to no country and keep none, nor do refugees (REF: "refugees in a camp in Chad" fled
  // another country): the international and displaced sectors of data/knowledge/actor_words.tsv.
  void of_place(Actor& a, const Place& place) const {
    if (place.country.empty() || !a.country.empty() || a.code.size() != 3 || a.code != a.sector) return;
    if (k_.actor_words.placeless_sector(a.sector)) return;
    a.country = place.country;
    a.code = place.country + a.code;
  }

  // "X imposed a curfew in Y", "X fired shells at targets in Y", "X threatened to ban voting in
  // Y", "X lifted the state of emergency in Y": coercion (17), force (18-20), a threat (13) or an
  // eased restriction (081) with no one named as its object is done to the place and its people,
  // so the place's country is the target (dyad's own patterns); a threat only with the place
  // after its verb. So is a show of force (15: "X strengthened its forces in Y", "troops were put
  // on alert in Y") and a refusal of military protection (1224: "X refused to deploy
  // peacekeepers in Y"): the forces stand in, or are refused to, that place. So is aid stopped
  // (162: "the agency suspended food deliveries in Y"): its people are the ones it no longer reaches;
  // see aid_place_ok for which places count for it.
  // Codes that judge an act (praise or endorsement 051, disapproval 11x): their object noun names an act
  // ("the decision", "efforts", "a resolution"), whose own object is not the one judged. Not rejection
  // (12x): what is rejected is often offered by the actor of its complement ("rejected an invitation to
  // a meeting of X": X invited).
  static bool judges_an_act(const std::string& code) { return code == "051" || code.compare(0, 2, "11") == 0; }
  static bool imposed_on_place(const std::string& code) {
    return code.compare(0, 2, "13") == 0 || code.compare(0, 2, "15") == 0 || code.compare(0, 2, "17") == 0 ||
           code.compare(0, 2, "18") == 0 || code.compare(0, 2, "19") == 0 || code.compare(0, 2, "20") == 0 ||
           code.compare(0, 3, "081") == 0 || code == "1224" || code.compare(0, 3, "162") == 0;
  }
  // Aid stopped (162x) is done to a place only as humanitarian deliveries stopped there (1623:
  // "halted relief supplies in Y") or when the place follows the aid noun itself ("cut funding
  // for Y", "suspended development aid to the Y region"): not a place after another noun, which
  // says where the decision was taken ("froze aid at a summit in Y", "... during talks in Y").
  bool aid_place_ok(const Clause& cl, const Match& m, const std::string& code, const Place& place) const {
    if (code.compare(0, 3, "162") != 0 || code == "1623") return true;
    bool preposition = false;
    for (size_t q = m.end_pos; q < cl.toks.size(); ++q) {
      const Token& t = doc_.text.tokens[cl.toks[q]];
      if (t.span.offset >= place.span.offset) return preposition && t.span.offset == place.span.offset;
      const std::string_view w = norm(cl.toks[q]);
      if (k_.clause_words.aid_preposition(w))  // data/cameo/clause_words.tsv
        preposition = true;
      else if (!in(w, kDeterminers))
        return false;
    }
    return false;
  }
  // The country an actor belongs to: its country part, else the first three letters of its code.
  static std::string country_key(const Actor& a) { return a.country.empty() ? a.code.substr(0, 3) : a.country; }

  static void place_as_target(std::optional<Actor>& target, const Place& place) {
    if (place.country.empty()) return;
    Actor t;
    t.text = place.name;
    t.code = place.country;
    t.country = place.country;
    t.span = place.span;
    target = std::move(t);
  }

  // PETRARCH's reading of "X restored ties with Y, five years after Z burned its embassy" with
  // require_dyad off: the temporal clause ("after/before/since/until" + clause) belongs to the
  // event before it and is no event of its own. So a targetless match of an imported pattern
  // whose anchor follows such a word, itself after an earlier match's anchor in the same
  // clause and no comma between, is folded into that match (not coded). With nothing coded
  // before it, it stands.
  bool folded_temporal(const Clause& cl, const std::vector<Match>& all, const Match& m) const {
    if (options_.require_dyad || !m.pat->dyadic || !m.targets.empty()) return false;
    size_t earlier = SIZE_MAX;
    for (const Match& o : all)
      if (&o != &m && o.anchor_pos < m.anchor_pos) earlier = std::min(earlier, o.anchor_pos);
    if (earlier == SIZE_MAX) return false;
    bool temporal = false;  // the temporal clause runs to the next comma
    for (size_t p = earlier + 1; p < m.anchor_pos; ++p) {
      const std::string_view w = norm(cl.toks[p]);
      if (in(w, {"after", "before", "since", "until"})) temporal = true;
      if (w == "," || in(w, kClauseBreaks)) temporal = false;
    }
    return temporal;
  }

  // TABARI-style flat patterns (VerbPatternSpec::flat) read the words after the verb as plain
  // words of the sentence, so they go on into a "that" clause the verb governs: "- * PLEASANT"
  // on "X allowed that Y is a pleasant place". `ext` becomes the clause followed by that
  // clause (the "that" left out, as the clause split does); false when there is none, or it
  // does not follow the clause's last word.
  // `governed` is that clause's index.
  bool flat_extension(const Clause& cl, Clause& ext, size_t& governed) const {
    if (clauses_ == nullptr) return false;
    for (size_t ci = clause_index_ + 1; ci < clauses_->size(); ++ci) {
      const Clause& c = (*clauses_)[ci];
      if (c.complement_of != static_cast<int32_t>(clause_index_)) continue;
      if (c.toks.empty() || c.toks.front() < cl.toks.back()) return false;
      ext = cl;
      ext.toks.insert(ext.toks.end(), c.toks.begin(), c.toks.end());
      governed = ci;
      return true;
    }
    return false;
  }

  // An "unless" clause attached to this clause after its token at clause position p that sets a
  // condition on an actor: the clause has an actor other than the doer as its subject ("unless Y
  // resigns"), or the act is itself one of conflict (quad class 3-4: "will boycott the vote unless
  // ..."). "X will send aid unless the situation improves" names no one who must act, nor does
  // "unless fighting between A and B resumes" (actors inside the subject's phrase) or "unless it
  // is asked not to" (the doer itself): no threat.
  bool governs_unless(const Clause& cl, size_t p, const CameoEntry& act, const Actor& doer) const {
    if (clauses_ == nullptr || p >= cl.toks.size()) return false;
    for (size_t ci = clause_index_ + 1; ci < clauses_->size(); ++ci) {
      const Clause& c = (*clauses_)[ci];
      if (c.parent == static_cast<int32_t>(clause_index_) && c.opener == "unless" && !c.toks.empty() &&
          c.toks.front() > cl.toks[p] && (act.quad_class >= 3 || condition_on_other(c, doer)))
        return true;
    }
    return false;
  }
  // The condition clause's subject is an actor other than `doer`, named at the clause's start
  // (after determiners) or as its pronoun subject there ("unless they withdraw").
  bool condition_on_other(const Clause& c, const Actor& doer) const { return condition_subject(c, doer) >= 0; }
  // That subject's mention, else -1.
  int32_t condition_subject(const Clause& c, const Actor& doer) const {
    size_t q = 0;
    while (q + 1 < c.toks.size() && tok(c.toks[q]).mention < 0 && is_determiner(norm(c.toks[q]))) ++q;
    const uint32_t t = c.toks[q];
    const Tok& first = tok(t);
    int32_t subject = -1;
    if (first.mention >= 0)
      subject = actor_mention(first.mention) ? first.mention : -1;
    else if (first.norm == "it")
      subject = resolve_it(t);
    else if (first.norm == "they")
      subject = resolve_group(t);
    else if (first.norm == "he" || first.norm == "she")
      subject = resolve_singular(t);
    if (subject < 0) return -1;
    // a country's actors by their country; an actor of no country (IGO, NGO, ...) by its whole
    // code: "IGOUNO" and "IGOWSTNAT" share their first letters but are two doers
    const auto key = [](const Actor& a) { return a.country.empty() ? a.code : a.country; };
    return key(actor_of(subject)) != key(doer) ? subject : -1;
  }
  // "X threatened to strike unless Y rescinded its decree": the actor an "unless" clause attached
  // to this clause after clause position p names as its subject (other than the doer), else -1.
  // With if_too (a threat by its own code, 13x), an "if" clause as well: "X threatened to close the
  // strait if Y imposed sanctions" is aimed at Y. An offer on a condition ("X is willing to send
  // troops if Y is attacked") is no threat and is not asked.
  int32_t unless_subject(const Clause& cl, size_t p, const Actor& doer, bool if_too = false) const {
    if (clauses_ == nullptr || p >= cl.toks.size()) return -1;
    for (size_t ci = clause_index_ + 1; ci < clauses_->size(); ++ci) {
      const Clause& c = (*clauses_)[ci];
      if (c.parent == static_cast<int32_t>(clause_index_) && (c.opener == "unless" || (if_too && c.opener == "if")) &&
          !c.toks.empty() && c.toks.front() > cl.toks[p])
        return condition_subject(c, doer);
    }
    return -1;
  }

  // "Troops shelled X's positions, killing 20 and wounding 30": an act of force or coercion
  // (roots 14, 17-20) in a comma participle that names no actor as its target falls on those the
  // main clause's act of force was aimed at: it takes the target of a match before it in the
  // clause with the same doer. Only when the participle's object is a bare count of them
  // ("killing 20", "killing three of them"): a reflexive ("killing himself") or a person of
  // another kind that is no actor word ("killing a shopkeeper") is not the target's people.
  void participle_targets(const Clause& cl, std::vector<Match>& found) const {
    // "killing at least 40 people": the count's own noun, a one-word mention of people of no kind (CVL),
    // names no party of its own; the count is still a bare count of the target's people. A country such a
    // word has is the article's (the knowledge stage's home country: one word names none), unless
    // "of/in/from" and a place follow it ("killing 40 people in X").
    const auto count_noun_only = [&](const Match& m) {
      return std::all_of(m.targets.begin(), m.targets.end(), [&](int32_t t) {
        const Mention& tm = mention_at(t);
        if (tm.token_end != tm.first_token + 1 || !k_.person_nouns.contains(norm(tm.first_token))) return false;
        if (actor_of(t).country.empty()) return true;
        const Sentence& st = doc_.text.sentences[tm.sentence];
        return tm.token_end >= st.first_token + st.token_count || !in(norm(tm.token_end), {"of", "in", "from"});
      });
    };
    for (Match& m : found) {
      if (!m.comma_participle || !force_root(m.pat->code) || !count_noun_only(m)) continue;
      for (const Match& main : found)
        if (&main != &m && !main.comma_participle && main.anchor_pos < m.anchor_pos && !main.targets.empty() &&
            main.sources == m.sources && force_root(main.pat->code) &&
            bare_count_after(cl, m.anchor_pos, main.targets)) {
          m.targets = main.targets;
          m.target_how = "the target of the main clause's act (a participle after a comma names no actor it hit)";
          break;
        }
    }
  }

  void code_clause(const Clause& own, const std::vector<Speech>& speech, const Discard* discard) {
    if (own.toks.empty()) return;
    const CameoEntry* threat_type = k_.entry("130");
    std::vector<Match> found_all = matches(own);
    participle_targets(own, found_all);
    // Words a flat match of the governing clause took ("noted * REGRET" on "noted that Y
    // regretted ...") anchor nothing more: TABARI reads each word once.
    if (clause_index_ < flat_taken_.size() && flat_taken_[clause_index_] > 0)
      std::erase_if(found_all, [&](const Match& m) { return own.toks[m.anchor_pos] < flat_taken_[clause_index_]; });
    // A flat pattern whose words reach into the governed "that" clause competes with the
    // clause's own matches by the longest-reading rule; when one is kept, the clause is read
    // with that clause's words (positions before it are the same).
    Clause ext;
    const Clause* use = &own;
    size_t governed = 0;
    if (k_.any_flat && flat_extension(own, ext, governed)) {
      std::vector<Match> crossing = matches(ext, own.toks.size());
      if (!crossing.empty()) {
        found_all.insert(found_all.end(), std::make_move_iterator(crossing.begin()),
                         std::make_move_iterator(crossing.end()));
        found_all = best_matches(std::move(found_all));
        for (const Match& m : found_all)
          if (m.end_pos > own.toks.size()) {
            flat_taken_[governed] = std::max(flat_taken_[governed], ext.toks[m.end_pos - 1] + 1);
            use = &ext;  // only when a kept match reads into the governed clause
          }
      }
    }
    const Clause& cl = *use;
    for (const Match& found : found_all) {
      if (discard != nullptr && found.pat->code != discard->code) continue;
      if (folded_temporal(cl, found_all, found)) continue;
      const CameoEntry* ce = k_.entry(found.pat->code);
      if (ce == nullptr) continue;
      // "X said (on Tuesday) that Y must ...": what Y must do is asked of Y; the statement is
      // a demand (100) on Y, and the act asked for is dropped (drop_requested_acts).
      std::optional<Match> demand;
      if (found.targets.empty() && ce->code.compare(0, 2, "01") == 0 && reporting(cl.toks[found.anchor_pos])) {
        size_t must_at = SIZE_MAX;
        auto obliged = obliged_subject(cl, found, must_at);
        if (!obliged.empty() && k_.entry("100") != nullptr) {
          if (must_at != SIZE_MAX)
            requested_from_.emplace_back(clause_index_, doc_.text.tokens[cl.toks[must_at]].span.offset);
          demand = found;
          demand->targets = std::move(obliged);
          demand->target_how = "subject of the reported content with 'must' (a statement of obligation is a demand)";
          ce = k_.entry("100");
        }
      }
      const Match& m = demand ? *demand : found;
      // "X said (that) ...", "..., X said": a reporting verb with reported content is a
      // statement (01) only while no event is coded in the sentence; otherwise it is the
      // attribution of that content (sentence() drops it once all clauses are coded).
      // An imported (TABARI/PETRARCH) pattern's targetless statement, coded only with
      // require_dyad off, is that attribution whatever the speaker ("..., the state wire
      // service reported late on Friday": no speaker next to the verb).
      // "according to X" (a statement pattern anchored on the speech's own "according") is
      // such an attribution too.
      const bool speech_at_anchor =
          std::any_of(speech.begin(), speech.end(), [&](const Speech& sp) { return sp.verb == cl.toks[m.anchor_pos]; });
      const bool report_statement = m.targets.empty() && ce->code.substr(0, 2) == "01" &&
                                    ((reporting(cl.toks[m.anchor_pos]) && (m.pat->dyadic || speech_at_anchor)) ||
                                     (speech_at_anchor && norm(cl.toks[m.anchor_pos]) == "according"));
      // "Y will visit X on Friday, said the Kremlin" / "..., his office said": a statement of dyad's
      // own patterns whose reporting verb closes the sentence after a comma (content before it)
      // has its speaker after the verb or no actor next to it; the actor before the comma is the
      // content's, not the speaker (inverted_statement codes the speaker's statement).
      const Speech* own_speech = nullptr;
      for (const Speech& sp : speech)
        if (sp.verb == cl.toks[m.anchor_pos]) own_speech = &sp;
      const bool own_statement =
          m.targets.empty() && ce->code.compare(0, 2, "01") == 0 && !m.pat->dyadic && reporting(cl.toks[m.anchor_pos]);
      if (own_statement && content_before_comma(cl, m, own_speech)) continue;
      ModeInfo mi = mode_of(cl, m);
      if (m.pat->inaction) {
        // "the guards looked the other way": the act expected was not done. A denied inaction
        // ("did not look the other way") says nothing definite, and a hedged or planned one
        // ("may look the other way") is no definite non-act either: nothing is coded.
        if (mi.mode != EventMode::happened) continue;
        mi.mode = EventMode::negated;
        mi.why = "inaction: the act was not done (data/cameo/inaction.tsv)";
      }
      if (m.cancel_pos != SIZE_MAX) {
        // Called off: the planned event is negated ("postponed" too: not on the planned
        // date). "did not cancel the visit" / "has not been called off" claim nothing.
        const bool before = m.cancel_pos < m.anchor_pos;
        if (m.cancel_negated || (before && mi.mode == EventMode::negated)) continue;
        const std::string phrase(norm(cl.toks[m.cancel_pos]));
        if (m.cancel_hedged || (before && mi.mode == EventMode::possible)) {
          mi.mode = EventMode::possible;
          mi.why = "possibly called off ('" + phrase + "', data/cameo/cancellations.tsv)";
        } else {
          mi.mode = EventMode::negated;
          mi.why = "called off ('" + phrase + "', data/cameo/cancellations.tsv)";
        }
        mi.tense = Tense::future;  // the date named is the plan's
      }
      // attribution
      std::string attributed, attr_why;
      const uint32_t at = cl.toks[m.anchor_pos];
      for (const Speech& sp : speech) {
        if (sp.verb == at) continue;
        const Mention& sm = mention_at(sp.speaker);
        const bool inside = sp.content_after ? at > sp.verb : (at < sp.speaker_first || at >= sm.token_end);
        if (!inside || (at >= sm.first_token && at < sm.token_end)) continue;
        attributed = name_of(sp.speaker);
        attr_why = "inside reported speech of '" + std::string(sm.span.of(doc_.article.text)) + "' ('" +
                   std::string(norm(sp.verb)) + "')";
        break;
      }
      // date
      Date date;
      std::string basis, date_why;
      const TimeExpression* best = nullptr;
      size_t best_dist = SIZE_MAX;
      const Tense tense = mi.mode == EventMode::expected ? Tense::future : mi.tense;
      // "X meets Y every Monday": a recurring time (TimeExpression::recurring) dates no single act;
      // it is passed over, and with no other expression the act takes the article's date
      const TimeExpression* recurring = nullptr;
      for (const auto& te : times()) {
        if (std::find(cl.toks.begin(), cl.toks.end(), te.first_token) == cl.toks.end()) continue;
        if (te.recurring) {
          recurring = &te;
          continue;
        }
        if ((report_statement || own_statement) && in_reported_content(cl, m, own_speech, te.first_token)) continue;
        const size_t dist = te.first_token > at ? te.first_token - at : at - te.first_token;
        if (dist < best_dist && te.resolve(tense).known()) {
          best = &te;
          best_dist = dist;
        }
      }
      // "X and Y met in October, when X traveled to ...": a when/while/once clause without a
      // time expression takes the one of the clause it attaches to, and the other way round,
      // read in its own tense.
      std::string from_clause = "in the clause";
      if (best == nullptr && clauses_ != nullptr) {
        auto consider = [&](const Clause& other) {
          for (const auto& te : times()) {
            if (te.recurring) continue;
            if (std::find(other.toks.begin(), other.toks.end(), te.first_token) == other.toks.end()) continue;
            const size_t dist = te.first_token > at ? te.first_token - at : at - te.first_token;
            if (dist < best_dist && te.resolve(tense).known()) {
              best = &te;
              best_dist = dist;
            }
          }
        };
        const std::initializer_list<std::string_view> temporal_openers = {"when",  "whenever", "while", "once",
                                                                          "after", "before",   "as"};
        if (in(cl.opener, temporal_openers) && cl.parent >= 0) {
          consider((*clauses_)[static_cast<size_t>(cl.parent)]);
          from_clause = "in the clause the '" + std::string(cl.opener) + "' clause attaches to";
        } else if (cl.carry) {
          // "X arrived on Thursday and held talks": a coordinated verb takes the time of the conjuncts
          // before it (the earlier clauses of its parent), the nearest that has one, when their tenses
          // agree: "X met Y on Monday and will sign ..." says nothing of the day of the signing (a future
          // act after a past one, or the other way round, keeps the article's date)
          for (size_t j = clause_index_; j-- > 0 && best == nullptr;) {
            const Clause& sibling = (*clauses_)[j];
            if (sibling.parent != cl.parent) continue;
            const Tense st = clause_tense(sibling);
            const bool agree =
                st == Tense::unknown || tense == Tense::unknown || (st == Tense::future) == (tense == Tense::future);
            if (agree) consider(sibling);
            if (!sibling.carry) break;
          }
          from_clause = "in the coordinated clause before";
        } else {
          for (const Clause& other : *clauses_)
            if (&other != &cl && in(other.opener, temporal_openers) && other.parent >= 0 &&
                static_cast<size_t>(other.parent) == clause_index_)
              consider(other);
          from_clause = "in the attached when/while clause";
        }
      }
      if (best != nullptr) {
        date = best->resolve(tense);
        basis = "expression:" + best->rule;
        date_why = "'" + std::string(best->span.of(doc_.article.text)) + "' " + from_clause + ", read as " +
                   (tense == Tense::past      ? "past"
                    : tense == Tense::future  ? "future"
                    : tense == Tense::present ? "present"
                                              : "unknown tense");
      } else if (const Event* occasion = mi.mode == EventMode::expected ? planned_occasion(date_why) : nullptr) {
        // "the leaders would sign a statement during the visit": the expected visit's day
        date = occasion->date;
        basis = "expression:occasion";  // a text date, through the occasion's own expression
      } else {
        date = doc_.article.published;
        basis = mi.mode == EventMode::expected ? "article (expected, undated)" : "article";
        date_why = recurring != nullptr ? "'" + std::string(recurring->span.of(doc_.article.text)) +
                                              "' recurs (no single day): the article's date"
                                        : "no time expression in the clause: the article's date";
      }
      // "X visits Y on Friday", "X meets Y next week", "X is meeting Y on Monday": the present simple
      // (or progressive) of a visit or a meeting (04x, a finite verb with its subject before it) with a time
      // expression is a scheduled act, as wire copy writes it: the expression is read as future, and
      // when that reading lies after the article's day the act is expected. With a date that can
      // only be past ("yesterday", "last week") or none it is the headline's present of what happened,
      // and so is a habit: with a recurring time in the clause ("X meets Y every Monday", "on Friday
      // every week") the present is no schedule of one meeting.
      if (best != nullptr && recurring == nullptr && mi.mode == EventMode::happened && mi.tense != Tense::past &&
          m.pat->code.starts_with("04") && finite_present(cl, m, true) && doc_.article.published.known()) {
        const Date ahead = best->resolve(Tense::future);
        if (ahead.known() && ahead.last_day() > doc_.article.published.last_day()) {
          mi.mode = EventMode::expected;
          mi.tense = Tense::future;
          mi.why = "expected: a visit or meeting in the present tense with a date to come ('" +
                   std::string(best->span.of(doc_.article.text)) + "')";
          date = ahead;
          date_why = "'" + std::string(best->span.of(doc_.article.text)) + "' " + from_clause +
                     ", read as future (present tense of a scheduled visit or meeting)";
        }
      }
      // A habit is no dated act (docs/coder.md, "Habits"): not coded.
      if (habitual(cl, m, mi, best != nullptr, recurring != nullptr)) continue;
      std::string place_why;
      std::optional<Place> place = place_of(cl, m, place_why);
      // "attackers killed eight people when they detonated explosives in Y": as for the date, an act of armed
      // force (roots 18-20) in a clause with no place takes the one of the "when" clause attached to it, and
      // the other way round (the same moment is the same place). Not "while" (as often a contrast: "rebels
      // shelled the villages while talks went on in X"), and no other act ("arrested them when they returned
      // from a meeting in X" says nothing of where the arrest was). The place must be where the other
      // clause's own act was done: after a past verb of a pattern in it, not "when the governor was in X"
      // (where someone else was) nor "whenever talks in X stalled" (a place of the clause's subject).
      if (!place && clauses_ != nullptr && armed_root(m.pat->code)) {
        const std::initializer_list<std::string_view> same_moment = {"when", "whenever"};
        auto lend = [&](const Clause& other, std::string& why) -> std::optional<Place> {
          size_t q = SIZE_MAX;
          std::optional<Place> p = place_of(other, m, why, &q);
          if (!p) return p;
          for (size_t v = 0; v < q; ++v) {
            const Tok& x = tok(other.toks[v]);
            if (x.mention < 0 && x.past && anchors_pattern(x) && !in(x.norm, kBe)) return p;
          }
          return std::nullopt;
        };
        std::string why;
        if (in(cl.opener, same_moment) && cl.parent >= 0) {
          place = lend((*clauses_)[static_cast<size_t>(cl.parent)], why);
          if (place) place_why = why + " (the clause the '" + std::string(cl.opener) + "' clause attaches to)";
        } else {
          for (const Clause& other : *clauses_)
            if (!place && &other != &cl && in(other.opener, same_moment) && other.parent >= 0 &&
                static_cast<size_t>(other.parent) == clause_index_) {
              place = lend(other, why);
              if (place) place_why = why + " (the attached '" + std::string(other.opener) + "' clause)";
            }
        }
      }

      // span: from the first matched word to the last
      const Token& t0 = doc_.text.tokens[cl.toks[m.first_pos]];
      const Token& t1 = doc_.text.tokens[cl.toks[m.end_pos - 1]];
      Span span{t0.span.offset, t1.span.end() - t0.span.offset};

      // source x target pairs
      std::vector<std::pair<int32_t, int32_t>> pairs;
      const bool reciprocal = k_.reciprocal.count(m.pat->code) != 0;
      std::string context_how;
      std::vector<std::pair<Actor, Actor>> context_pairs;
      if (m.from_context) {
        const Event* ref = context_event(cl, context_how);
        if (ref == nullptr) continue;  // never a generic actor for an absent subject
        // "the talks" after "X met Y": the same event again; but "A and B were to sign ... The
        // signing was called off" negates the plan.
        if (ref->cameo == ce->code && m.cancel_pos == SIZE_MAX) continue;
        context_pairs.emplace_back(ref->source, *ref->target);
        if (reciprocal) context_pairs.emplace_back(*ref->target, ref->source);
      } else if (m.source_from_context) {
        for (int32_t b : m.targets) {
          Actor ta = actor_of(b);
          if (const Event* ref = guest_event(ce->code, ta, context_how)) context_pairs.emplace_back(ref->source, ta);
        }
        if (context_pairs.empty()) continue;
      } else if (m.targets.empty()) {
        if (m.sources.size() >= 2 && (reciprocal || m.pat->compound || m.each_other)) {
          for (int32_t a : m.sources)
            for (int32_t b : m.sources)  // each side on the other: never an actor on itself
              if (a != b && actor_of(a).code != actor_of(b).code) pairs.emplace_back(a, b);
        } else {
          for (int32_t a : m.sources) pairs.emplace_back(a, -1);
        }
      } else {
        for (int32_t a : m.sources)
          for (int32_t b : m.targets)
            if (a != b) pairs.emplace_back(a, b);
      }
      struct Coded {
        Actor source;
        std::optional<Actor> target;
        bool target_place = false;
        bool reverse = false;    // coded with the pattern's reverse code
        int32_t target_at = -1;  // the target's mention, when one is written
      };
      std::vector<Coded> coded;
      // TABARI "[a:b]" with no written target: each event with an object is also coded back
      const CameoEntry* rev = m.pat->reverse_code.empty() ? nullptr : k_.entry(m.pat->reverse_code);
      for (auto& [s, t] : context_pairs) coded.push_back({s, t, false});
      if (m.implicit_agent != nullptr && m.sources.empty() && m.targets.empty()) {
        // "120 were arrested", "arrests were made": the act with no named target
        Actor agent;
        agent.code = *m.implicit_agent;
        agent.sector = *m.implicit_agent;
        coded.push_back({std::move(agent), std::nullopt, false});
      }
      if (m.implicit_agent != nullptr && m.sources.empty())
        for (int32_t b : m.targets) {
          Actor agent;
          agent.code = *m.implicit_agent;
          agent.sector = *m.implicit_agent;
          const Mention& bm = mention_at(b);
          coded.push_back(
              {std::move(agent), actor_of(b),
               bm.place.has_value() || bm.kind == MentionKind::location || bm.kind == MentionKind::country});
        }
      for (auto [a, b] : pairs) {
        if (b < 0 && m.pat->dyadic && options_.require_dyad) continue;  // PETRARCH's require_dyad
        bool at_place = false;
        std::vector<Actor> targets;
        if (b >= 0) {
          targets = actors_all(b);
          const Mention& bm = mention_at(b);
          at_place = bm.place.has_value() || bm.kind == MentionKind::location || bm.kind == MentionKind::country;
        }
        for (Actor& sa : actors_all(a)) {
          if (b < 0) {
            coded.push_back(Coded{std::move(sa), std::nullopt, false, false});
            continue;
          }
          for (const Actor& ta : targets) {
            if (ta.code == sa.code && a == b) continue;  // an actor is never coded on itself
            coded.push_back(Coded{sa, ta, at_place, false, b});
            if (rev != nullptr) coded.push_back(Coded{ta, sa, false, true});
          }
        }
      }
      for (Coded& c : coded) {
        if (ce->code.compare(0, 2, "14") == 0 && place) protest_in_place(c.source, c.target, *place);
        // An act that names its doer by itself ("six men were arrested in Lagos", "a bombing in
        // Kabul killed ...") is done by that sector of the place's country; and those an act of
        // coercion or force (17-20) falls on with no country of their own ("killing 20 people",
        // "a journalist was killed in Beirut") are the place's people (dyad's own patterns).
        if (place && !m.pat->dyadic) {
          if (m.implicit_agent != nullptr && m.sources.empty()) of_place(c.source, *place);
          if (c.target && force_root(ce->code) && ce->code.compare(0, 2, "14") != 0) of_place(*c.target, *place);
        }
        // a threat's place counts only after its verb ("threatened to ban voting in Y", not
        // "speaking in Y, X threatened ..."): a place before it is where the threat was made
        // A show of force (15x) in a place of the doer's own country is where its forces stand,
        // aimed at no one ("Kenya deployed troops in Mombasa"): an actor is never coded on itself.
        if (!c.target && place && !m.pat->dyadic && imposed_on_place(ce->code) &&
            (ce->code.compare(0, 2, "13") != 0 ||
             place->span.offset > doc_.text.tokens[cl.toks[m.anchor_pos]].span.offset) &&
            (ce->code.compare(0, 2, "15") != 0 || place->country != country_key(c.source)) &&
            aid_place_ok(cl, m, ce->code, *place))
          place_as_target(c.target, *place);
        // a visit is to another country: "Xi arrived in Beijing" is no 042
        if (ce->code == "042" && c.target && c.target_place) {
          const std::string sc = c.source.country.empty() ? c.source.code.substr(0, 3) : c.source.country;
          const std::string tc = c.target->country.empty() ? c.target->code.substr(0, 3) : c.target->country;
          if (!sc.empty() && sc == tc) continue;
        }
        // a military de-escalation (087x: ceasefire, surrender, withdrawal) in or from a place of
        // the source's own country is where its forces act, not whom the act is for: "rebels
        // surrendered in a town of their own country", "X's forces withdrew from X's town"
        // So is a show of force (15x) at home: "X deployed troops in/to a town of X", "X's troops
        // were put on alert in a town of X" aim at no one.
        if ((ce->code.compare(0, 3, "087") == 0 || ce->code.compare(0, 2, "15") == 0) && !m.pat->dyadic && c.target &&
            c.target_place) {
          const std::string sc = country_key(c.source);
          if (!sc.empty() && sc == country_key(*c.target)) c.target.reset();
        }
        const CameoEntry* ec = c.reverse ? rev : ce;
        Event ev;
        ev.source = std::move(c.source);
        ev.target = std::move(c.target);
        ev.cameo = ec->code;
        // an act only announced or promised is a commitment (AGREE) or a threat (THREATEN) in
        // PLOVER: data/plover/types.tsv announced_as
        ev.plover = (mi.mode == EventMode::expected || (mi.mode == EventMode::possible && !mi.infinitive)) &&
                            !ec->plover_announced.empty()
                        ? ec->plover_announced
                        : ec->plover;
        // "X will withdraw its force unless Y holds elections": an act announced on a condition
        // the other side must meet is a threat, whatever the act (the type of CAMEO's 130)
        if ((mi.mode == EventMode::expected || mi.mode == EventMode::possible) && threat_type != nullptr &&
            ec->plover != threat_type->plover && governs_unless(cl, m.anchor_pos, *ec, ev.source))
          ev.plover = threat_type->plover;
        // a threat aimed at no one named is aimed at the one its "unless" clause asks to act
        if (!ev.target && threat_type != nullptr && ev.plover == threat_type->plover) {
          const int32_t other = unless_subject(cl, m.anchor_pos, ev.source, m.pat->code.compare(0, 2, "13") == 0);
          if (other >= 0) ev.target = actor_of(other);
        }
        ev.quad_class = ec->quad_class;
        ev.goldstein = ec->goldstein;
        ev.mode = mi.mode;
        ev.attributed_to = attributed;
        ev.date = date;
        ev.date_basis = basis;
        ev.location = place;
        // "troops stormed <town>", "jets struck <capital>": the place an act of force is done to is where
        // it happened when the clause names no other place
        if (!ev.location && c.target_at >= 0 && !c.reverse) {
          const Mention& tm = mention_at(c.target_at);
          if (tm.kind == MentionKind::location && tm.place && tm.first_token > base_ &&
              k_.actor_words.force_verb(norm(tm.first_token - 1)))
            ev.location = place_of_mention(tm);
        }
        ev.sentence = sentence_;
        ev.span = span;
        ev.rule = m.pat->origin + " " + m.pat->text + (m.pat->passive ? " (passive)" : "") +
                  (m.from_context          ? " (actors from context)"
                   : m.source_from_context ? " (source from context)"
                                           : "");
        std::string key = doc_.hash;
        key += '\x1f' + std::to_string(sentence_) + '\x1f' + std::to_string(span.offset) + '\x1f' +
               std::to_string(span.length) + '\x1f' + ev.cameo + '\x1f' + ev.source.code + '\x1f' +
               (ev.target ? ev.target->code : std::string());
        ev.id = hex16(hash64(key));
        if (std::any_of(out_.begin(), out_.end(), [&](const Event& o) { return o.id == ev.id; })) continue;
        if (trace_ != nullptr) {
          std::ostringstream os;
          os << "event " << ev.id << ": " << ev.cameo << " " << ec->name << " (PLOVER " << ev.plover << ")\n";
          os << "  sentence " << sentence_ << ": " << doc_.text.sentences[sentence_].span.of(doc_.article.text) << "\n";
          os << "  clause: ";
          for (uint32_t t : cl.toks) os << doc_.text.tokens[t].span.of(doc_.article.text) << ' ';
          os << "\n  matched: \"" << span.of(doc_.article.text) << "\" by pattern " << m.pat->origin << "  "
             << m.pat->text << (m.pat->passive ? "  (derived passive)" : "") << "  reading: " << m.pat->ap.str()
             << "\n";
          os << "  source: " << ev.source.text << " [" << ev.source.code << "] ("
             << (m.from_context || m.source_from_context ? context_how : m.source_how) << ")\n";
          if (ev.target && m.from_context)
            os << "  target: " << ev.target->text << " [" << ev.target->code << "] (" << context_how
               << (reciprocal ? "; reciprocal code: both directions" : "") << ")\n";
          else if (ev.target)
            os << "  target: " << ev.target->text << " [" << ev.target->code << "] ("
               << (m.target_how.empty() ? std::string(m.targets.empty() ? "reciprocal" : "") : m.target_how)
               << (m.targets.empty() ? ": compound source, each acts on the other" : "") << ")\n";
          else
            os << "  target: none (no {T} filled)\n";
          os << "  mode: " << to_string(ev.mode) << " (" << mi.why << ")\n";
          if (!attributed.empty()) os << "  attributed to: " << attributed << " (" << attr_why << ")\n";
          os << "  date: " << ev.date.iso() << " [" << basis << "] (" << date_why << ")\n";
          os << "  place: " << (place ? place->name : std::string("none")) << " (" << place_why << ")\n";
          trace_->push_back({ev.id, os.str()});
        }
        if (report_statement) report_statements_.push_back(out_.size());
        out_.push_back(std::move(ev));
      }
    }
  }
};

}  // namespace

void EventCoder::Impl::run(const Document& doc, std::vector<Event>& out, std::vector<Trace>* trace,
                           const CodeOptions& options) const {
  DocCoder(*this, doc, out, trace, options).run();
}

// ---------------------------------------------------------------------------

Result<std::vector<std::string>> read_reciprocal_codes(const std::string& path, const Codebook& codebook) {
  auto t = TsvTable::read(path, {"code", "note", "as_of"});
  if (!t.ok()) return t.error();
  std::vector<std::string> out;
  for (const auto& row : t->rows()) {
    std::string code(t->get(row, "code"));
    if (!codebook.valid(code)) return t->error(row, "reciprocal code '" + code + "' is not in the CAMEO codebook");
    if (std::find(out.begin(), out.end(), code) != out.end())
      return t->error(row, "reciprocal code '" + code + "' is listed twice");
    if (t->get(row, "note").empty()) return t->error(row, "reciprocal code '" + code + "' has no note");
    auto d = parse_date_field(*t, row, "as_of");
    if (!d.ok()) return d.error();
    out.push_back(std::move(code));
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> read_implicit_agents(const std::string& path,
                                                                              const Codebook& codebook) {
  auto t = TsvTable::read(path, {"code", "agent", "note", "as_of"});
  if (!t.ok()) return t.error();
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& row : t->rows()) {
    std::string code(t->get(row, "code"));
    std::string agent(t->get(row, "agent"));
    if (!codebook.valid(code)) return t->error(row, "implicit-agent code '" + code + "' is not in the CAMEO codebook");
    if (std::any_of(out.begin(), out.end(), [&](const auto& x) { return x.first == code; }))
      return t->error(row, "implicit-agent code '" + code + "' is listed twice");
    if (agent.size() != 3 || std::any_of(agent.begin(), agent.end(), [](char ch) { return ch < 'A' || ch > 'Z'; }))
      return t->error(row, "implicit agent '" + agent + "' must be a 3-letter upper-case sector code");
    if (t->get(row, "note").empty()) return t->error(row, "implicit-agent code '" + code + "' has no note");
    auto d = parse_date_field(*t, row, "as_of");
    if (!d.ok()) return d.error();
    out.emplace_back(std::move(code), std::move(agent));
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::vector<std::string>>>> read_referent_nouns(const std::string& path,
                                                                                          const Codebook& codebook) {
  auto t = TsvTable::read(path, {"noun", "codes", "note", "as_of"});
  if (!t.ok()) return t.error();
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const auto& row : t->rows()) {
    std::string noun(t->get(row, "noun"));
    if (noun.empty() || std::any_of(noun.begin(), noun.end(), [](char c) { return !(c >= 'a' && c <= 'z'); }))
      return t->error(row, "referent noun '" + noun + "' must be one lower-case word");
    if (std::any_of(out.begin(), out.end(), [&](const auto& x) { return x.first == noun; }))
      return t->error(row, "referent noun '" + noun + "' is listed twice");
    std::vector<std::string> codes;
    std::string all(t->get(row, "codes"));
    for (size_t b = 0; b <= all.size();) {
      size_t e = all.find('|', b);
      if (e == std::string::npos) e = all.size();
      std::string code = all.substr(b, e - b);
      if (!codebook.valid(code))
        return t->error(row, "referent code '" + code + "' of '" + noun + "' is not in the CAMEO codebook");
      codes.push_back(std::move(code));
      b = e + 1;
    }
    if (t->get(row, "note").empty()) return t->error(row, "referent noun '" + noun + "' has no note");
    auto d = parse_date_field(*t, row, "as_of");
    if (!d.ok()) return d.error();
    out.emplace_back(std::move(noun), std::move(codes));
  }
  return out;
}

Result<std::vector<CancellationPhrase>> read_cancellation_phrases(const std::string& path) {
  auto t = TsvTable::read(path, {"phrase", "kind", "note", "as_of"});
  if (!t.ok()) return t.error();
  std::vector<CancellationPhrase> out;
  for (const auto& row : t->rows()) {
    const std::string phrase(t->get(row, "phrase"));
    CancellationPhrase c;
    c.origin = path + ":" + std::to_string(row.line);
    std::istringstream is(phrase);
    for (std::string w; is >> w;) {
      if (std::any_of(w.begin(), w.end(),
                      [](char ch) { return !((ch >= 'a' && ch <= 'z') || ch == '\'' || ch == '-'); }))
        return t->error(row, "cancellation phrase '" + phrase + "' must be lower-case words (a-z, ' or -)");
      c.words.push_back(std::move(w));
    }
    if (c.words.empty() || c.words.size() > 4)
      return t->error(row, "cancellation phrase '" + phrase + "' must have one to four words");
    std::string joined;
    for (const auto& w : c.words) joined += (joined.empty() ? "" : " ") + w;
    if (joined != phrase)
      return t->error(row, "cancellation phrase '" + phrase + "' must be words separated by one space");
    const std::string_view kind = t->get(row, "kind");
    if (kind != "verb" && kind != "noun")
      return t->error(
          row, "cancellation phrase '" + phrase + "' has kind '" + std::string(kind) + "' (expected verb or noun)");
    c.noun = kind == "noun";
    if (c.noun && c.words.back() != "of")
      return t->error(row, "cancellation noun phrase '" + phrase + "' must end in 'of'");
    if (std::any_of(out.begin(), out.end(), [&](const CancellationPhrase& o) { return o.words == c.words; }))
      return t->error(row, "cancellation phrase '" + phrase + "' is listed twice");
    if (t->get(row, "note").empty()) return t->error(row, "cancellation phrase '" + phrase + "' has no note");
    auto d = parse_date_field(*t, row, "as_of");
    if (!d.ok()) return d.error();
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<std::vector<std::string>>> read_request_verbs(const std::string& path) {
  return read_verb_phrases(path, "request verb");
}

Result<std::vector<ReportingVerb>> read_reporting_verbs(const std::string& path) {
  auto phrases = read_verb_phrases(path, "reporting verb", 1, 1);
  if (!phrases.ok()) return phrases.error();
  auto t = TsvTable::read(path, {"phrase", "hearer"});
  if (!t.ok()) return t.error();
  std::vector<ReportingVerb> out;
  for (size_t i = 0; i < t->rows().size() && i < phrases->size(); ++i) {
    const auto& row = t->rows()[i];
    const std::string_view hearer = t->get(row, "hearer");
    if (hearer != "object" && hearer != "none")
      return t->error(row, "reporting verb '" + (*phrases)[i].front() + "': hearer must be 'object' or 'none', not '" +
                               std::string(hearer) + "'");
    out.push_back(ReportingVerb{std::move((*phrases)[i].front()), hearer == "object"});
  }
  return out;
}

Result<std::vector<std::vector<std::string>>> read_particle_senses(const std::string& path) {
  return read_verb_phrases(path, "particle phrase", 2);
}

Result<std::vector<std::vector<std::string>>> read_verb_phrases(const std::string& path, const std::string& what,
                                                                size_t min_words, size_t max_words) {
  auto t = TsvTable::read(path, {"phrase", "note", "as_of"});
  if (!t.ok()) return t.error();
  std::vector<std::vector<std::string>> out;
  for (const auto& row : t->rows()) {
    const std::string phrase(t->get(row, "phrase"));
    std::vector<std::string> words;
    std::istringstream is(phrase);
    std::string joined;
    for (std::string w; is >> w;) {
      if (std::any_of(w.begin(), w.end(), [](char ch) { return ch < 'a' || ch > 'z'; }))
        return t->error(row, what + " '" + phrase + "' must be lower-case words (a-z)");
      joined += (joined.empty() ? "" : " ") + w;
      words.push_back(std::move(w));
    }
    if (max_words == 1 && (words.size() != 1 || joined != phrase))
      return t->error(row, what + " '" + phrase + "' must be one word");
    if (words.size() < min_words || words.size() > max_words || joined != phrase)
      return t->error(row, what + " '" + phrase + "' must be " + (min_words == 2 ? "two" : "one") +
                               " to three words separated by one space");
    if (std::find(out.begin(), out.end(), words) != out.end())
      return t->error(row, what + " '" + phrase + "' is listed twice");
    if (t->get(row, "note").empty()) return t->error(row, what + " '" + phrase + "' has no note");
    auto d = parse_date_field(*t, row, "as_of");
    if (!d.ok()) return d.error();
    out.push_back(std::move(words));
  }
  return out;
}

Result<std::vector<VerbPatternSpec>> read_verb_patterns(const std::string& path, const ClauseWords& words) {
  auto t = TsvTable::read(path, {"code", "pattern", "note", "as_of"});
  if (!t.ok()) return t.error();
  std::vector<VerbPatternSpec> out;
  for (const auto& row : t->rows()) {
    VerbPatternSpec s;
    s.code = t->get(row, "code");
    s.pattern = t->get(row, "pattern");
    s.origin = path + ":" + std::to_string(row.line);
    // "{S+} ...": the subject must be a compound of different actors, each acting on the others
    s.compound_source = s.pattern.find("{S+}") != std::string::npos;
    if (s.code.empty() || s.pattern.empty()) return t->error(row, "code and pattern must not be empty");
    if (t->get(row, "note").empty()) return t->error(row, "the pattern has no note");
    auto d = parse_date_field(*t, row, "as_of");
    if (!d.ok()) return d.error();
    Status st = check_dictionary_pattern(s, words);
    if (!st.ok()) return st.error();
    out.push_back(std::move(s));
  }
  return out;
}

EventCoder::EventCoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventCoder::~EventCoder() = default;

Result<std::shared_ptr<const EventCoder>> EventCoder::load(const std::string& data_dir,
                                                           const std::vector<VerbPatternSpec>& extra,
                                                           const std::vector<DiscardSpec>& discards, bool no_default) {
  auto impl = std::make_unique<Impl>();
  auto cb = Codebook::load(data_dir);
  if (!cb.ok()) return cb.error();
  impl->codebook = std::move(cb.value());
  auto lem = Lemmatizer::load(data_dir);
  if (!lem.ok()) return lem.error();
  impl->lemmatizer = std::move(lem.value());
  auto recip = read_reciprocal_codes(data_dir + "/cameo/reciprocal.tsv", impl->codebook);
  if (!recip.ok()) return recip.error();
  impl->reciprocal.insert(recip->begin(), recip->end());
  auto refs = read_referent_nouns(data_dir + "/cameo/referents.tsv", impl->codebook);
  if (!refs.ok()) return refs.error();
  for (auto& [noun, codes] : *refs) impl->referents[noun] = codes;
  auto cancels = read_cancellation_phrases(data_dir + "/cameo/cancellations.tsv");
  if (!cancels.ok()) return cancels.error();
  impl->cancellations = std::move(cancels.value());
  std::stable_sort(
      impl->cancellations.begin(), impl->cancellations.end(),
      [](const CancellationPhrase& a, const CancellationPhrase& b) { return a.words.size() > b.words.size(); });
  auto requests = read_request_verbs(data_dir + "/cameo/requests.tsv");
  if (!requests.ok()) return requests.error();
  impl->request_verbs = std::move(requests.value());
  auto reporting = read_reporting_verbs(data_dir + "/cameo/reporting.tsv");
  if (!reporting.ok()) return reporting.error();
  for (const ReportingVerb& v : *reporting) {
    impl->reporting_lemmas.insert(v.lemma);
    if (v.hearer_object) impl->reporting_hearer_object.insert(v.lemma);
  }
  auto particles = read_particle_senses(data_dir + "/cameo/particle_senses.tsv");
  if (!particles.ok()) return particles.error();
  impl->particle_senses = std::move(particles.value());
  auto pairs = PairNouns::load(data_dir);
  if (!pairs.ok()) return pairs.error();
  impl->pair_nouns = std::move(pairs.value());
  auto counts = CountNouns::load(data_dir);
  if (!counts.ok()) return counts.error();
  impl->count_nouns = std::move(counts.value());
  auto persons = PersonNouns::load(data_dir);
  if (!persons.ok()) return persons.error();
  impl->person_nouns = std::move(persons.value());
  auto units = UnitNouns::load(data_dir);
  if (!units.ok()) return units.error();
  impl->unit_nouns = std::move(units.value());
  auto ethnic = EthnicGroups::load(data_dir);
  if (!ethnic.ok()) return ethnic.error();
  impl->ethnic_groups = std::move(ethnic.value());
  auto actor_words = ActorWords::load(data_dir);
  if (!actor_words.ok()) return actor_words.error();
  impl->actor_words = std::move(actor_words.value());
  auto clause_words = ClauseWords::load(data_dir);
  if (!clause_words.ok()) return clause_words.error();
  impl->clause_words = std::move(clause_words.value());
  auto recurrence = RecurrenceWords::load(data_dir);
  if (!recurrence.ok()) return recurrence.error();
  impl->recurrence = std::move(recurrence.value());

  std::vector<VerbPatternSpec> specs;
  if (!no_default) {
    auto implicit = read_implicit_agents(data_dir + "/cameo/implicit_agents.tsv", impl->codebook);
    if (!implicit.ok()) return implicit.error();
    for (auto& [code, agent] : *implicit) impl->implicit_agents[code] = agent;
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(data_dir + "/verbs", ec))
      if (entry.path().extension() == ".tsv") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      auto r = read_verb_patterns(f, impl->clause_words);
      if (!r.ok()) return r.error();
      // Evidence names bundled patterns as "data/verbs/FILE:LINE", not by this machine's path.
      const std::string prefix = fs::path(f).parent_path().string() + "/";
      for (VerbPatternSpec& spec : *r)
        if (spec.origin.compare(0, prefix.size(), prefix) == 0)
          spec.origin = "data/verbs/" + spec.origin.substr(prefix.size());
      specs.insert(specs.end(), r->begin(), r->end());
    }
    // docs/verbs.md rule 9: one pattern text, one row, across all the files
    std::unordered_map<std::string_view, const VerbPatternSpec*> seen;
    for (const VerbPatternSpec& s : specs) {
      auto [it, fresh] = seen.emplace(s.pattern, &s);
      if (fresh) continue;
      return pattern_error(s.origin, "pattern \"" + s.pattern + "\" is already at " + it->second->origin +
                                         (it->second->code == s.code ? "" : " with code " + it->second->code));
    }
  }
  specs.insert(specs.end(), extra.begin(), extra.end());
  for (const auto& s : specs) {
    Status st = impl->add(s);
    if (!st.ok()) return st.error();
  }
  if (!no_default) {
    // "the guards looked the other way": patterns of acts not done (docs/coder.md, "Inaction")
    auto inaction = read_verb_patterns(data_dir + "/cameo/inaction.tsv", impl->clause_words);
    if (!inaction.ok()) return inaction.error();
    for (VerbPatternSpec& spec : *inaction) {
      spec.origin = "data/cameo/inaction.tsv" + spec.origin.substr(spec.origin.rfind(':'));
      Status st = impl->add(spec, true);
      if (!st.ok()) return st.error();
    }
  }
  for (const auto& d : discards) {
    if (!d.code.empty() && !impl->codebook.valid(d.code))
      return pattern_error(d.origin, "discard code '" + d.code + "' is not in the CAMEO codebook");
    Discard x;
    x.code = d.code;
    x.origin = d.origin;
    std::string folded;
    fold_case_append(d.phrase, folded);
    std::istringstream is(folded);
    for (std::string w; is >> w;) x.words.push_back(w);
    if (x.words.empty()) return pattern_error(d.origin, "empty discard phrase");
    impl->discards.push_back(std::move(x));
  }
  return std::shared_ptr<const EventCoder>(new EventCoder(std::move(impl)));
}

void EventCoder::code(Document& doc) const { code(doc, CodeOptions{}); }

void EventCoder::code(Document& doc, const CodeOptions& options) const {
  std::vector<Event> events;
  impl_->run(doc, events, nullptr, options);
  doc.events = std::move(events);
}

std::string EventCoder::explain(const Document& doc, const Event& e) const {
  std::vector<Event> events;
  std::vector<Impl::Trace> trace;
  impl_->run(doc, events, &trace);
  for (const auto& t : trace)
    if (t.id == e.id) return t.text;
  return "event " + e.id + " (" + e.cameo +
         ") was not produced by the current patterns for this document; rule: " + e.rule + "\n";
}

const Codebook& EventCoder::codebook() const { return impl_->codebook; }
size_t EventCoder::pattern_count() const { return impl_->patterns.size(); }

}  // namespace dyad
