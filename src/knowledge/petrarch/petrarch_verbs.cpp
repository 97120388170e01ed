// TABARI / PETRARCH .verbs dictionaries -> VerbPatternSpecs in dyad's pattern
// syntax (docs/verbs.md).
//
// Design note. Reading is two steps. (1) Collect: synsets (`&NAME` followed by
// `+phrase` lines, defined anywhere in the file), verb blocks (`--- NAME [code] ---`,
// or a verb line after a blank line, TABARI style), their verb lines (headword,
// `{irregular forms}`, own `[code]`, `+` marking the verb inside a multi-word
// verb) and their pattern lines (`- ... [code]`). (2) Translate each block once
// every synset is known: the verb position `*` becomes the alternatives of all
// verbs of the block, `$`/`+` become `{S}`/`{T}`, `&SYNSET` becomes `(a|b c)`,
// `^` (skip a phrase) becomes dyad's `^` (one noun phrase passed over), and every
// blank between pattern words (TABARI allows intervening words there; `_` means
// adjacent) becomes a dyad `*` gap. A pattern
// without `$` gets `{S}` in front (the subject is the default source). Codes
// `a:b` write a second pattern with {S} and {T} swapped and code b (TABARI's
// reciprocal event). Constructs with no exact dyad equivalent are translated to
// the nearest and counted (PetrarchReport::approximated, one warning each).
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "knowledge/petrarch/petrarch_internal.h"

namespace dyad::petrarch_detail {
namespace {

/// A parsed event code: empty `primary` = null code (no event).
struct Code {
  std::string primary;
  std::string reciprocal;
  bool null = false;      // [---]
  bool skip = false;      // discard codes and codes that are not CAMEO-shaped
  bool suffixed = false;  // "025?": uncertainty mark dropped ("075A", "102b" are kept)
  std::string text;
};

/// One part of "a:b". Returns false for a well-formed code with no CAMEO meaning.
bool code_part(std::string_view p, std::string& cameo, bool& suffixed, bool& null) {
  if (p == "---") {
    null = true;
    return true;
  }
  size_t d = 0;
  while (d < p.size() && std::isdigit(static_cast<unsigned char>(p[d]))) ++d;
  if (d >= 2 && d <= 4 &&
      (d == p.size() || (d + 1 == p.size() && (std::isalpha(static_cast<unsigned char>(p[d])) || p[d] == '?')))) {
    // A letter suffix ("174K", "210a") names a code of its own that PETRARCH writes out as
    // is: it is kept (the coder scores it like its CAMEO parent). The uncertainty mark '?'
    // ("025?") is no part of the code and is dropped.
    const bool mark = d != p.size() && p[d] == '?';
    cameo = std::string(p.substr(0, mark ? d : p.size()));
    suffixed = suffixed || mark;
    return true;
  }
  return false;
}

Code parse_code(const std::string& raw, uint64_t line) {
  Code c;
  c.text = raw;
  if (raw.empty()) throw SyntaxError(line, "empty event code []");
  for (char ch : raw) {
    if (!std::isalnum(static_cast<unsigned char>(ch)) && std::string_view("?+#-:").find(ch) == std::string_view::npos) {
      throw SyntaxError(line, "bad event code [" + raw + "]");
    }
  }
  const size_t colon = raw.find(':');
  if (colon != std::string::npos && raw.find(':', colon + 1) != std::string::npos) {
    throw SyntaxError(line, "bad event code [" + raw + "]: more than one ':'");
  }
  const std::string a = raw.substr(0, colon);
  if (a.empty() || (colon != std::string::npos && colon + 1 == raw.size())) {
    throw SyntaxError(line, "bad event code [" + raw + "]");
  }
  bool null_a = false;
  if (!code_part(a, c.primary, c.suffixed, null_a)) c.skip = true;
  c.null = null_a;
  if (colon != std::string::npos) {
    bool null_b = false;
    if (!code_part(raw.substr(colon + 1), c.reciprocal, c.suffixed, null_b)) c.skip = true;
  }
  return c;
}

struct Phrase {
  std::vector<std::string> words;  // upper case as written; "&NAME" for a nested synset
  bool exact = false;              // no plural / inflection: trailing '_'
};

struct Synset {
  std::vector<Phrase> phrases;
  bool exact = false;
  uint64_t line = 0;
};

struct Verb {
  std::vector<std::string> words;               // the multi-word verb, upper case
  size_t head = 0;                              // index of the verb word (after '+', else the first)
  std::vector<std::vector<std::string>> forms;  // irregular forms, each a word sequence
  std::string code;                             // own code text, empty = the block's
  uint64_t line = 0;
};

struct Pattern {
  std::string body;
  std::string code;
  bool missing_dash = false;
  uint64_t line = 0;
};

struct Block {
  std::string name;
  std::string code;  // header code text, empty = null
  uint64_t line = 0;
  std::vector<Verb> verbs;
  std::vector<Pattern> patterns;
};

/// "[code]" at the end of a pattern or verb line: returns the text before it.
std::string split_code(const std::string& t, uint64_t line, std::vector<std::string>& codes) {
  std::string rest;
  size_t i = 0;
  while (i < t.size()) {
    if (t[i] == '[') {
      const size_t close = t.find(']', i + 1);
      if (close == std::string::npos) throw SyntaxError(line, "unterminated '[': missing ']'");
      codes.push_back(trim(t.substr(i + 1, close - i - 1)));
      if (codes.back().empty()) throw SyntaxError(line, "empty code []");
      i = close + 1;
    } else if (t[i] == ']') {
      throw SyntaxError(line, "']' without '['");
    } else {
      if (!codes.empty() && !std::isspace(static_cast<unsigned char>(t[i]))) {
        throw SyntaxError(line, "text after [code]: '" + trim(t.substr(i)) + "'");
      }
      rest += t[i++];
    }
  }
  return trim(rest);
}

bool word_ok(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '\'' || c == '.' || c == '-' || c == '/' || c == ',';
  });
}

Verb parse_verb_line(const std::string& t, uint64_t line) {
  std::vector<std::string> codes;
  std::string text = split_code(t, line, codes);
  if (codes.size() > 1) throw SyntaxError(line, "verb with more than one [code]");
  Verb v;
  v.line = line;
  if (!codes.empty()) v.code = codes[0];
  const size_t brace = text.find('{');
  std::string head = text;
  if (brace != std::string::npos) {
    const size_t close = text.find('}', brace);
    if (close == std::string::npos) throw SyntaxError(line, "unterminated '{': missing '}'");
    if (!trim(text.substr(close + 1)).empty()) throw SyntaxError(line, "text after {forms}");
    head = text.substr(0, brace);
    std::string forms = text.substr(brace + 1, close - brace - 1);
    size_t s = 0;
    while (s < forms.size()) {
      while (s < forms.size() && std::isspace(static_cast<unsigned char>(forms[s]))) ++s;
      size_t e = s;
      while (e < forms.size() && !std::isspace(static_cast<unsigned char>(forms[e]))) ++e;
      if (e > s) {
        std::vector<std::string> w = phrase_words(forms.substr(s, e - s));
        for (std::string& x : w) {
          if (!x.empty() && x[0] == '+') x.erase(0, 1);
          if (!word_ok(x)) throw SyntaxError(line, "bad verb form '" + x + "'");
        }
        v.forms.push_back(std::move(w));
      }
      s = e;
    }
  }
  v.words = phrase_words(head);
  if (v.words.empty()) throw SyntaxError(line, "empty verb");
  for (size_t i = 0; i < v.words.size(); ++i) {
    std::string& w = v.words[i];
    if (!w.empty() && w[0] == '+') {
      w.erase(0, 1);
      v.head = i;
    }
    if (!word_ok(w)) throw SyntaxError(line, "bad verb word '" + w + "'");
  }
  return v;
}

/// Parses "--- NAME [code] ---" (the closing dashes may be lost to a comment).
Block parse_header(const std::string& t, uint64_t line, const std::string& path, PetrarchReport& report) {
  std::string s = t;
  while (!s.empty() && s.front() == '-') s.erase(0, 1);
  while (!s.empty() && (s.back() == '-' || std::isspace(static_cast<unsigned char>(s.back())))) s.pop_back();
  std::vector<std::string> codes;
  Block b;
  b.name = split_code(s, line, codes);
  b.line = line;
  if (!codes.empty()) b.code = codes[0];
  if (codes.size() > 1) warn(report, path, line, "block header with several codes: only [" + codes[0] + "] used");
  return b;
}

class Translator {
 public:
  Translator(const std::map<std::string, Synset>& synsets, const std::string& path, PetrarchReport& report,
             KnowledgeSpecs& out)
      : synsets_(synsets), path_(path), report_(report), out_(out) {}

  void block(const Block& b) {
    // The verb position: every verb of the block, with its forms.
    std::vector<std::string> all;
    for (const Verb& v : b.verbs) {
      for (std::string& a : verb_alternatives(v)) add_unique(all, std::move(a));
    }
    if (all.empty()) {
      if (!b.patterns.empty()) {
        warn(report_, path_, b.line, "verb block without verbs: its patterns are skipped");
        report_.skipped_other += b.patterns.size();
      }
      return;
    }
    VerbSlot slot;
    slot.all = group(all);
    slot.count = all.size();
    for (const Verb& v : b.verbs) {
      const std::vector<std::string> alts = verb_alternatives(v);
      slot.each.push_back(group(alts));
      slot.each_count.push_back(alts.size());
    }
    // Bare verbs: one pattern per code, verbs sharing the block's code together.
    std::vector<std::string> shared;
    for (const Verb& v : b.verbs) {
      if (!v.code.empty() && v.code != b.code) {
        bare(verb_alternatives(v), v.code, v.line);
      } else {
        for (std::string& a : verb_alternatives(v)) add_unique(shared, std::move(a));
      }
    }
    if (!shared.empty()) bare(shared, b.code, b.line);
    for (const Pattern& p : b.patterns) pattern(p, b, slot);
  }

 private:
  /// The verb position of a block: all verbs at once, or one verb at a time.
  struct VerbSlot {
    std::string all;
    size_t count = 0;
    std::vector<std::string> each;
    std::vector<size_t> each_count;
  };
  static constexpr char kVerb[] = "\x01";
  // The events stage expands alternatives into at most this many linear readings.
  static constexpr size_t kMaxReadings = 1024;

  static void add_unique(std::vector<std::string>& v, std::string s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
  }
  static std::string group(const std::vector<std::string>& alts) {
    if (alts.size() == 1) return alts[0];
    std::string r = "(";
    for (size_t i = 0; i < alts.size(); ++i) r += (i ? "|" : "") + alts[i];
    return r + ")";
  }
  static std::string quoted(const std::string& w) { return "\"" + to_lower(w) + "\""; }

  /// The headword as a lemma (other words of a multi-word verb as written), then
  /// each irregular form as exact words.
  static std::vector<std::string> verb_alternatives(const Verb& v) {
    std::vector<std::string> alts;
    std::string main;
    for (const std::string& w : v.words) main += (main.empty() ? "" : " ") + to_lower(w);
    alts.push_back(main);
    for (const auto& f : v.forms) {
      std::string s;
      for (const std::string& w : f) s += (s.empty() ? "" : " ") + quoted(w);
      if (!s.empty()) add_unique(alts, s);
    }
    return alts;
  }

  void approx(uint64_t line, const std::string& what, bool& flagged) {
    warn(report_, path_, line, what);
    flagged = true;
  }

  /// Returns false (and counts) when the code means "write nothing".
  bool usable(const Code& c, uint64_t line) {
    if (c.null) {
      ++report_.skipped_null;
      return false;
    }
    if (c.skip) {
      warn(report_, path_, line, "code [" + c.text + "] is not a CAMEO event code: skipped");
      ++report_.skipped_other;
      return false;
    }
    return true;
  }

  void emit(const std::string& code, const std::string& pattern, uint64_t line, bool compound_source = false,
            const std::string& reverse_code = "", bool flat = false) {
    out_.verbs.push_back(
        VerbPatternSpec{code, pattern, path_ + ":" + std::to_string(line), true, compound_source, reverse_code, flat});
    ++report_.patterns_written;
  }

  void bare(const std::vector<std::string>& alts, const std::string& code_text, uint64_t line) {
    if (code_text.empty()) {  // no code: the isolated verb is not an event
      ++report_.skipped_null;
      return;
    }
    const Code c = parse_code(code_text, line);
    if (!usable(c, line)) return;
    bool flagged = false;
    if (c.suffixed) approx(line, "code [" + c.text + "] read as " + c.primary, flagged);
    const std::string v = group(alts);
    // "[032:033]": the reverse code for target -> source of each event with an object
    emit(c.primary, "{S} " + v + " [{T}]", line, false, c.reciprocal);
    if (!c.reciprocal.empty()) ++report_.reciprocal_patterns;
    if (flagged) ++report_.approximated;
  }

  /// Expands a synset into alternatives (nested synsets are flattened).
  std::vector<std::string> synset_alternatives(const std::string& name, uint64_t line, std::set<std::string>& seen,
                                               bool& undefined) {
    std::vector<std::string> alts;
    const auto it = synsets_.find(name);
    if (it == synsets_.end() || !seen.insert(name).second) {
      undefined = true;
      return alts;
    }
    for (const Phrase& p : it->second.phrases) {
      if (p.words.size() == 1 && p.words[0][0] == '&') {
        for (std::string& a : synset_alternatives(p.words[0].substr(1), line, seen, undefined)) add_unique(alts, a);
        continue;
      }
      // TreeBank splits contractions ("DID N'T", "WO N'T", "CA N'T"); plain text keeps them
      // one word ("didn't"), written as that exact word.
      std::vector<std::string> words;
      std::vector<bool> joined;
      for (const std::string& w : p.words) {
        if (!words.empty() && (w == "N'T" || w == "n't")) {
          words.back() += w;
          joined.back() = true;
        } else {
          words.push_back(w);
          joined.push_back(false);
        }
      }
      std::string s;
      for (size_t i = 0; i < words.size(); ++i) {
        s += s.empty() ? "" : " ";
        s += (p.exact || it->second.exact || joined[i]) ? quoted(words[i]) : to_lower(words[i]);
      }
      add_unique(alts, s);
    }
    seen.erase(name);
    return alts;
  }

  void pattern(const Pattern& p, const Block& b, const VerbSlot& slot) {
    ++report_.patterns_read;
    const std::string code_text = p.code.empty() ? b.code : p.code;
    if (code_text.empty()) {
      ++report_.skipped_null;
      return;
    }
    const Code c = parse_code(code_text, p.line);
    if (!usable(c, p.line)) return;
    bool flagged = false;
    if (c.suffixed) approx(p.line, "code [" + c.text + "] read as " + c.primary, flagged);
    if (p.missing_dash) approx(p.line, "pattern line without '-'", flagged);

    // Tokens: blank-separated chunks, '_' joins adjacent parts of a chunk.
    struct Tok {
      std::string text;
      bool gap_before = false;
    };
    std::vector<Tok> toks;
    bool groups = false;
    size_t i = 0;
    const std::string& s = p.body;
    while (i < s.size()) {
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      size_t e = i;
      while (e < s.size() && !std::isspace(static_cast<unsigned char>(s[e]))) ++e;
      std::string chunk = s.substr(i, e - i);
      i = e;
      if (chunk.empty()) continue;
      // PETRARCH 2 phrase groups: {noun phrase} (prepositional phrase).
      while (!chunk.empty() && (chunk.front() == '{' || chunk.front() == '(')) {
        chunk.erase(0, 1);
        groups = true;
      }
      while (!chunk.empty() && (chunk.back() == '}' || chunk.back() == ')')) {
        chunk.pop_back();
        groups = true;
      }
      bool first = true;
      size_t a = 0;
      while (a <= chunk.size()) {
        size_t u = chunk.find('_', a);
        if (u == std::string::npos) u = chunk.size();
        std::string part = chunk.substr(a, u - a);
        if (!part.empty()) {
          toks.push_back(Tok{part, first});
          first = false;
        }
        a = u + 1;
      }
    }
    if (groups) approx(p.line, "PETRARCH 2 phrase groups {...} / (...) read as plain word order", flagged);

    const auto has = [&](std::string_view t) {
      return std::any_of(toks.begin(), toks.end(), [&](const Tok& k) { return k.text == t; });
    };
    const bool has_verb = has("*") || has("**");
    if (!has_verb) {
      warn(report_, path_, p.line, "pattern without the verb position '*': skipped");
      ++report_.skipped_other;
      return;
    }
    // '%' (a compound actor on both sides) becomes the free slot nearest in meaning:
    // the source before the verb, the target after it, a gap when both are taken.
    bool verb_seen = false;
    bool compound_source = false;  // '%' as the subject of a pattern with no target
    for (Tok& t : toks) {
      if (t.text == "*" || t.text == "**") verb_seen = true;
      if (t.text != "%") continue;
      const char* first = verb_seen ? "+" : "$";
      const char* second = verb_seen ? "$" : "+";
      t.text = !has(first) ? first : !has(second) ? second : "%*";
      compound_source = compound_source || (t.text == "$" && !verb_seen && !has("+"));
      approx(p.line,
             std::string("'%' (compound actor) read as ") + (t.text == "$"   ? "{S}"
                                                             : t.text == "+" ? "{T}"
                                                                             : "a gap"),
             flagged);
    }

    std::vector<std::string> outp;
    size_t readings = 1;  // product of the synset alternatives
    if (!has("$")) {
      outp.push_back("{S}");
      if (!toks.empty()) toks[0].gap_before = false;
    }
    const auto gap = [&] {
      if (outp.back() != "*") outp.push_back("*");
    };
    for (const Tok& t : toks) {
      if (t.gap_before && !outp.empty()) gap();
      if (t.text == "*" || t.text == "**") {
        outp.push_back(kVerb);
      } else if (t.text == "$") {
        outp.push_back("{S}");
      } else if (t.text == "+") {
        outp.push_back("{T}");
      } else if (t.text == "%*") {
        if (outp.empty() || outp.back() != "*") outp.push_back("*");
      } else if (t.text == "^") {
        outp.push_back("^");
      } else if (t.text[0] == '&') {
        std::set<std::string> seen;
        bool undefined = false;
        const std::vector<std::string> alts = synset_alternatives(t.text.substr(1), p.line, seen, undefined);
        if (undefined || alts.empty()) {
          warn(report_, path_, p.line, "undefined synset " + t.text + ": pattern skipped");
          ++report_.skipped_other;
          return;
        }
        outp.push_back(group(alts));
        readings *= alts.size();
      } else {
        if (!word_ok(t.text)) throw SyntaxError(p.line, "unexpected '" + t.text + "' in pattern");
        // PETRARCH matches a pattern word as written: it does not stem ("EFFORT" is not
        // "efforts", "MEET" not "meeting"), so with or without TABARI's trailing '_' the
        // word is an exact form. Verbs (the block's forms) and synset phrases inflect.
        outp.push_back(quoted(t.text));
      }
    }
    while (!outp.empty() && outp.back() == "*") outp.pop_back();
    const bool both =
        std::count(outp.begin(), outp.end(), "{S}") == 1 && std::count(outp.begin(), outp.end(), "{T}") == 1;
    // no target written: the reverse code applies to the verb's object, when one is found
    const bool no_target = std::count(outp.begin(), outp.end(), "{T}") == 0 && !compound_source;
    if (!c.reciprocal.empty() && !both && !no_target) {
      approx(p.line, "reciprocal code " + c.reciprocal + " dropped: the pattern has no explicit target", flagged);
    }
    // Too many readings for the matcher with all verbs at once: one pattern per verb.
    std::vector<std::string> verbs{slot.all};
    if (readings * slot.count > kMaxReadings) {
      verbs = slot.each;
      warn(report_, path_, p.line, "pattern split into one pattern per verb of the block (too many alternatives)");
    }
    for (const std::string& verb : verbs) {
      std::string pat;
      std::string rev;
      for (const std::string& o : outp) {
        const std::string& x = o == kVerb ? verb : o;
        pat += (pat.empty() ? "" : " ") + x;
        rev += rev.empty() ? "" : " ";
        rev += x == "{S}" ? "{T}" : x == "{T}" ? "{S}" : x;
      }
      emit(c.primary, pat, p.line, compound_source, no_target ? c.reciprocal : std::string(), !groups);
      if (!c.reciprocal.empty() && both) {
        emit(c.reciprocal, rev, p.line, false, "", !groups);
        ++report_.reciprocal_patterns;
      }
    }
    if (flagged) ++report_.approximated;
  }

  const std::map<std::string, Synset>& synsets_;
  const std::string& path_;
  PetrarchReport& report_;
  KnowledgeSpecs& out_;
};

}  // namespace

void parse_verbs(const std::vector<Line>& lines, const std::string& path, PetrarchReport& report, KnowledgeSpecs& out) {
  std::map<std::string, Synset> synsets;
  std::vector<Block> blocks;
  enum class Ctx { none, synset, block } ctx = Ctx::none;
  bool block_closed = false;  // a blank line ended the current block's verb list
  std::string synset;
  for (const Line& l : lines) {
    if (l.blank) {
      if (ctx == Ctx::synset) ctx = Ctx::none;
      block_closed = true;
      continue;
    }
    const std::string t = trim(l.text);
    if (t.empty()) continue;
    if (t.rfind("---", 0) == 0) {
      blocks.push_back(parse_header(t, l.number, path, report));
      ctx = Ctx::block;
      block_closed = false;
      continue;
    }
    if (t[0] == '&') {
      std::string name = to_upper(trim(t.substr(1)));
      if (name.empty() || name.find(' ') != std::string::npos)
        throw SyntaxError(l.number, "bad synset label '" + t + "'");
      Synset s;
      s.line = l.number;
      if (name.back() == '_') {
        s.exact = true;
        name.pop_back();
      }
      if (synsets.count(name))
        warn(report, path, l.number, "synset &" + name + " defined again: the later one is used");
      synsets[name] = s;
      synset = name;
      ctx = Ctx::synset;
      ++report.synsets;
      continue;
    }
    if (t[0] == '+' && ctx == Ctx::synset) {
      Phrase p;
      std::string body = trim(t.substr(1));
      // PETRARCH 2 writes some synset phrases as "(TO THE END)": the group marks are dropped.
      if (body.size() > 2 && body.front() == '(' && body.back() == ')') {
        body = trim(body.substr(1, body.size() - 2));
        warn(report, path, l.number, "synset phrase group (...) read as plain words");
      }
      if (body.find_first_of("[]{}()$%^*") != std::string::npos) {
        throw SyntaxError(l.number, "synset phrase may hold only words: '" + body + "'");
      }
      if (!body.empty() && body.back() == '_') p.exact = true;
      p.words = phrase_words(body);
      if (p.words.empty()) throw SyntaxError(l.number, "empty synset phrase");
      for (std::string& w : p.words) {
        w = to_upper(w);
        if (w[0] != '&' && !word_ok(w)) throw SyntaxError(l.number, "bad word '" + w + "' in synset");
      }
      synsets[synset].phrases.push_back(std::move(p));
      continue;
    }
    const bool dash_pattern = t[0] == '-';
    const bool starred = t[0] == '*';
    if (dash_pattern || starred) {
      if (blocks.empty()) throw SyntaxError(l.number, "pattern before any verb block");
      std::vector<std::string> codes;
      Pattern p;
      p.line = l.number;
      p.missing_dash = starred;
      p.body = split_code(dash_pattern ? t.substr(1) : t, l.number, codes);
      if (codes.size() > 1) throw SyntaxError(l.number, "pattern with more than one [code]");
      if (!codes.empty()) p.code = codes[0];
      blocks.back().patterns.push_back(std::move(p));
      ctx = Ctx::block;
      block_closed = false;
      continue;
    }
    // A verb line: joins the open block, or starts one (TABARI style, no header).
    Verb v = parse_verb_line(t, l.number);
    if (ctx != Ctx::block || block_closed || blocks.empty()) {
      Block b;
      b.name = v.words[v.head];
      b.code = v.code;
      b.line = l.number;
      blocks.push_back(std::move(b));
    }
    blocks.back().verbs.push_back(std::move(v));
    ctx = Ctx::block;
    block_closed = false;
    ++report.verbs;
  }
  report.verb_blocks = blocks.size();
  for (const auto& [name, s] : synsets) {
    if (s.phrases.empty()) warn(report, path, s.line, "synset &" + name + " is empty");
  }
  Translator tr(synsets, path, report, out);
  for (const Block& b : blocks) tr.block(b);
}

}  // namespace dyad::petrarch_detail
