// Quotations and their speakers.
//
// Design: one pass over the tokens pairs quote marks into quotations
// (typographic marks by their shape, straight marks by the spaces around
// them; single marks inside a double-quoted span are nested quotes and stay
// part of it; a quotation left open at the end of a paragraph continues when
// the next paragraph opens with a quote mark, the newspaper convention for
// quotes over several paragraphs). Then each quotation looks for its
// attribution in the words around it, in this order:
//
//   1. immediate head: a verb of saying right before the opening mark
//      ("Putin said: “...", "he added, “...")
//   2. immediate tail: after the closing mark, when the quote ends in
//      punctuation or a comma follows it, the first verb of saying within
//      15 tokens ("“...,” Putin said", "“...”, said the minister")
//   3. far head: the last verb of saying earlier in the sentence
//      ("Xi claimed that ... “...”")
//   4. a source phrase anywhere around it ("according to Tass")
//   5. the previous quotation of the same sentence (a quote resumed after
//      its attribution: "“A,” he said, “B.”")
//
// The speaker of a verb is the nearest actor mention before it (not a
// possessive, not right after a preposition), else a mention right after it
// ("said Putin"); "he"/"she" resolve to the most recent person mention before
// them outside quotations. A short quotation (at most 4 words, no sentence
// punctuation inside) with no immediate attribution is a scare quote when it
// is a single word or has no attribution at all. Rules in docs/gkg.md.
#include <algorithm>
#include <optional>

#include "gkg/gkg_internal.h"

namespace dyad {

using namespace gkg_detail;

namespace {

constexpr uint32_t kNone = UINT32_MAX;
constexpr uint32_t kTailReach = 15;    // tokens after a closing mark searched for a verb of saying
constexpr uint32_t kShortWords = 4;    // a quotation of at most this many words may be a scare quote
constexpr uint32_t kSingleReach = 60;  // a top-level single-quoted span longer than this is not a quote

enum class Mark : uint8_t { none, open, close, either };

struct Found {
  uint32_t open = kNone;   // opening mark token
  uint32_t close = kNone;  // closing mark token, kNone when the paragraph ended first
  uint32_t first = 0;      // interior tokens [first, end)
  uint32_t end = 0;
};

struct Attribution {
  bool found = false;
  bool immediate = false;
  Actor speaker;
  std::string verb;
};

struct Verb {
  uint32_t at = 0;
  uint32_t end = 0;  // one past the verb (and its addressee, for tell verbs)
  SpeechKind kind = SpeechKind::say;
};

class QuoteFinder {
 public:
  QuoteFinder(const GkgRules::Impl& rules, Document& doc)
      : r_(rules), doc_(doc), text_(doc.article.text), toks_(doc.text.tokens) {
    sentence_of_.assign(toks_.size(), kNone);
    for (uint32_t s = 0; s < doc.text.sentences.size(); ++s) {
      const Sentence& se = doc.text.sentences[s];
      for (uint32_t t = se.first_token; t < se.first_token + se.token_count && t < toks_.size(); ++t)
        sentence_of_[t] = s;
    }
  }

  void run() {
    pair_marks();
    std::vector<Quote> quotes;
    std::vector<Attribution> attributions;
    for (size_t k = 0; k < found_.size(); ++k) {
      const Found& f = found_[k];
      Attribution a = attribute(f, k, attributions);
      const bool scare = is_short(f) && !first_person(f) && !a.immediate && (words_in(f) == 1 || !a.found);
      Quote q;
      q.span = Span{toks_[f.first].span.offset, toks_[f.end - 1].span.end() - toks_[f.first].span.offset};
      q.scare = scare;
      if (scare) a = Attribution{};
      q.speaker = a.speaker;
      q.verb = a.verb;
      quotes.push_back(std::move(q));
      attributions.push_back(std::move(a));
    }
    doc_.quotes = std::move(quotes);
  }

 private:
  // ---- tokens ---------------------------------------------------------------

  [[nodiscard]] std::string_view tok(uint32_t i) const { return toks_[i].span.of(text_); }
  [[nodiscard]] std::string_view norm(uint32_t i) const { return doc_.text.norm(toks_[i]); }
  [[nodiscard]] uint32_t paragraph(uint32_t i) const {
    return sentence_of_[i] == kNone ? kNone : doc_.text.sentences[sentence_of_[i]].paragraph;
  }
  [[nodiscard]] bool codable(uint32_t i) const {
    return sentence_of_[i] != kNone && doc_.text.sentences[sentence_of_[i]].codable();
  }
  [[nodiscard]] uint32_t sentence_begin(uint32_t s) const { return doc_.text.sentences[s].first_token; }
  [[nodiscard]] uint32_t sentence_end(uint32_t s) const {
    return doc_.text.sentences[s].first_token + doc_.text.sentences[s].token_count;
  }
  [[nodiscard]] bool is(uint32_t i, std::string_view s) const {
    return i < toks_.size() && toks_[i].kind == TokenKind::punctuation && tok(i) == s;
  }

  // Which way a quote mark faces; `single` says whether it is a single mark.
  Mark mark(uint32_t i, bool& single) const {
    if (toks_[i].kind != TokenKind::punctuation) return Mark::none;
    std::string_view t = tok(i);
    single = false;
    if (t == "\u201C" || t == "\u201E" || t == "\u00AB") return Mark::open;
    if (t == "\u201D" || t == "\u00BB") return Mark::close;
    if (t == "\u2018" || t == "\u2039") return single = true, Mark::open;
    if (t == "\u2019" || t == "\u203A") return single = true, Mark::close;
    if (t != "\"" && t != "'") return Mark::none;
    single = t == "'";
    // A straight mark opens when space (or the paragraph start) is before it and a token is attached
    // after it, and closes when attached to the token before it.
    const bool spaced_before = toks_[i].space_before || i == 0 || paragraph(i - 1) != paragraph(i) || is(i - 1, "(") ||
                               is(i - 1, "[") || is(i - 1, "\u2014") || is(i - 1, "\u2013");
    const bool attached_after = i + 1 < toks_.size() && paragraph(i + 1) == paragraph(i) && !toks_[i + 1].space_before;
    if (spaced_before && attached_after) return Mark::open;
    if (!spaced_before) return Mark::close;
    return Mark::either;
  }

  // ---- pairing --------------------------------------------------------------

  void emit(uint32_t open, uint32_t close, uint32_t end) {
    Found f{open, close, open + 1, end};
    // Leading marks of continued paragraphs stay inside; trim nothing else.
    if (f.first < f.end) found_.push_back(f);
  }

  void pair_marks() {
    uint32_t open = kNone;
    bool open_single = false;
    int nested = 0;
    for (uint32_t i = 0; i < toks_.size(); ++i) {
      if (open != kNone && paragraph(i) != paragraph(i - 1)) {
        bool single = false;
        Mark m = codable(i) ? mark(i, single) : Mark::none;
        if (!open_single && !single && (m == Mark::open || m == Mark::either)) {
          nested = 0;  // the quotation goes on in this paragraph
          continue;
        }
        if (!open_single) emit(open, kNone, i);
        open = kNone;
      }
      if (!codable(i)) {
        if (open != kNone && !open_single) emit(open, kNone, i);
        open = kNone;
        continue;
      }
      bool single = false;
      const Mark m = mark(i, single);
      if (m == Mark::none) continue;
      if (open == kNone) {
        if (m == Mark::open || m == Mark::either) {
          open = i;
          open_single = single;
          nested = 0;
        }
      } else if (!open_single) {
        if (!single && (m == Mark::close || m == Mark::either)) {
          emit(open, i, i);
          open = kNone;
        } else if (!single && m == Mark::open) {
          emit(open, kNone, i);  // an unclosed quotation; start again here
          open = i;
          nested = 0;
        } else if (single && m == Mark::open) {
          ++nested;
        } else if (single && m == Mark::close && nested > 0) {
          --nested;
        }
      } else {  // a single-quoted span at top level
        if (single && (m == Mark::close || m == Mark::either)) {
          if (i - open <= kSingleReach) emit(open, i, i);
          open = kNone;
        } else if (!single && m == Mark::open) {
          open = i;  // the single mark was an apostrophe
          open_single = false;
        }
      }
    }
    if (open != kNone && !open_single) emit(open, kNone, static_cast<uint32_t>(toks_.size()));
  }

  // ---- shape ----------------------------------------------------------------

  [[nodiscard]] uint32_t words_in(const Found& f) const {
    uint32_t n = 0;
    for (uint32_t i = f.first; i < f.end; ++i)
      if (toks_[i].kind == TokenKind::word || toks_[i].kind == TokenKind::number) ++n;
    return n;
  }

  [[nodiscard]] bool is_short(const Found& f) const {
    if (f.close == kNone || words_in(f) > kShortWords) return false;
    for (uint32_t i = f.first; i < f.end; ++i)
      if (is(i, ".") || is(i, "!") || is(i, "?") || is(i, "\u2026") || is(i, "...")) return false;
    return true;
  }

  // "We are hungry": somebody's words, never the writer's scare quote.
  [[nodiscard]] bool first_person(const Found& f) const {
    for (uint32_t i = f.first; i < f.end; ++i)
      if (toks_[i].kind == TokenKind::word && (r_.word_class(norm(i)) & kFirstPerson) != 0) return true;
    return false;
  }

  // ---- verbs and speakers ---------------------------------------------------

  // The phrase of speech.tsv starting at token i and ending before `hi`, if any.
  std::optional<Verb> speech_at(uint32_t i, uint32_t hi) const {
    if (toks_[i].kind != TokenKind::word) return std::nullopt;
    auto it = r_.speech.find(norm(i));
    if (it == r_.speech.end()) return std::nullopt;
    for (const SpeechPhrase& p : it->second) {
      if (p.kind == SpeechKind::addressee || i + p.words.size() > hi) continue;
      bool ok = true;
      for (size_t w = 1; w < p.words.size() && ok; ++w) ok = norm(i + static_cast<uint32_t>(w)) == p.words[w];
      if (!ok) continue;
      Verb v{i, i + static_cast<uint32_t>(p.words.size()), p.kind};
      if (p.kind == SpeechKind::tell && v.end < hi) v.end += addressee_at(v.end, hi);
      return v;
    }
    return std::nullopt;
  }

  // Length in tokens of an addressee phrase at i ("reporters", "the press"), 0 if none.
  uint32_t addressee_at(uint32_t i, uint32_t hi) const {
    auto it = r_.speech.find(norm(i));
    if (it == r_.speech.end()) return 0;
    for (const SpeechPhrase& p : it->second) {
      if (p.kind != SpeechKind::addressee || i + p.words.size() > hi) continue;
      bool ok = true;
      for (size_t w = 1; w < p.words.size() && ok; ++w) ok = norm(i + static_cast<uint32_t>(w)) == p.words[w];
      if (ok) return static_cast<uint32_t>(p.words.size());
    }
    return 0;
  }

  std::vector<Verb> verbs_in(uint32_t lo, uint32_t hi) const {
    std::vector<Verb> out;
    for (uint32_t i = lo; i < hi; ++i) {
      if (auto v = speech_at(i, hi)) {
        out.push_back(*v);
        i = v->end - 1;
      }
    }
    return out;
  }

  [[nodiscard]] bool inside_quote(uint32_t offset) const {
    for (const Found& f : found_)
      if (offset >= toks_[f.first].span.offset && offset < toks_[f.end - 1].span.end()) return true;
    return false;
  }

  Actor actor_of(const Mention& m) const {
    Actor a = m.actor;
    a.span = m.span;
    a.text = std::string(m.span.of(text_));
    // An agent's entity merges every role word of its country ("officials", "the ministry"): keep the
    // agent's own resolution.
    if (m.kind != MentionKind::agent && m.entity >= 0 && static_cast<size_t>(m.entity) < doc_.entities.size()) {
      const Entity& e = doc_.entities[static_cast<size_t>(m.entity)];
      if (a.canonical.empty()) a.canonical = e.canonical;
      if (a.code.empty()) a.code = e.code;
    }
    return a;
  }

  // A mention that can say something: not a plain place, not a possessive, not after a preposition.
  [[nodiscard]] bool can_speak(const Mention& m) const {
    if (m.kind == MentionKind::location || !codable(m.first_token)) return false;
    std::string_view last = tok(m.token_end - 1);
    if (last.size() > 2 && (last.ends_with("'s") || last.ends_with("\u2019s"))) return false;
    if (m.token_end < toks_.size() && (is(m.token_end, "\u2019") || is(m.token_end, "'")) &&
        !toks_[m.token_end].space_before)
      return false;
    if (m.first_token > 0 && (r_.word_class(norm(m.first_token - 1)) & kPreposition) != 0) return false;
    return true;
  }

  // "he"/"she" at token p -> the most recent person mention before it, outside quotations.
  Actor pronoun(uint32_t p) const {
    Actor a;
    a.text = std::string(tok(p));
    a.span = toks_[p].span;
    for (auto it = doc_.mentions.rbegin(); it != doc_.mentions.rend(); ++it) {
      const Mention& m = *it;
      if (m.token_end > p || m.kind != MentionKind::person || !codable(m.first_token)) continue;
      if (inside_quote(m.span.offset)) continue;
      Actor ante = actor_of(m);
      a.canonical = ante.canonical.empty() ? ante.text : ante.canonical;
      a.code = ante.code;
      a.country = ante.country;
      a.sector = ante.sector;
      break;
    }
    return a;
  }

  // The mention ending at token `end` (one past its last token), if it can speak.
  const Mention* mention_ending(uint32_t lo, uint32_t end) const {
    for (const Mention& m : doc_.mentions)
      if (m.token_end == end && m.first_token >= lo && m.kind != MentionKind::location && codable(m.first_token))
        return &m;
    return nullptr;
  }

  // The subject of the verb at v: nearest speaking mention or person pronoun in [lo, v).
  std::optional<Actor> speaker_before(uint32_t lo, uint32_t v) const {
    // "X, who said": the name before the relative pronoun, even after a preposition ("by X, who").
    for (uint32_t r = v; r-- > lo && r + 2 >= v;) {
      if (toks_[r].kind != TokenKind::word || (r_.word_class(norm(r)) & kRelative) == 0) continue;
      const uint32_t end = r > lo && is(r - 1, ",") ? r - 1 : r;
      if (const Mention* m = mention_ending(lo, end)) return actor_of(*m);
      if (auto name = capitalised_run(lo, end)) return name;
    }
    const Mention* best = nullptr;
    for (const Mention& m : doc_.mentions) {
      if (m.first_token < lo || m.token_end > v || !can_speak(m)) continue;
      if (best == nullptr || m.token_end > best->token_end) best = &m;
    }
    // An apposition: "P, the minister for X and Y, said" and "the minister's adviser, P, said". A person
    // (a person mention, else a run of capitalised words) on either side of the commas wins over a
    // nearer role or organisation word.
    if ((best == nullptr || best->kind != MentionKind::person) && v > lo + 1 && is(v - 1, ",")) {
      uint32_t c = v - 1;
      while (c-- > lo && !is(c, ",")) {
      }
      if (c != UINT32_MAX && c >= lo) {
        const Mention* inner = mention_ending(c + 1, v - 1);
        const Mention* outer = mention_ending(lo, c);
        if (inner != nullptr && inner->kind == MentionKind::person) return actor_of(*inner);
        if (outer != nullptr && outer->kind == MentionKind::person && can_speak(*outer)) return actor_of(*outer);
        if (auto name = capitalised_run(c + 1, v - 1); name && inner == nullptr) return name;
        if (auto name = capitalised_run(lo, c); name && outer == nullptr) return name;
      }
    }
    for (uint32_t p = v; p-- > lo;) {
      if (best != nullptr && p < best->token_end) break;
      if (toks_[p].kind == TokenKind::word && (r_.word_class(norm(p)) & kPersonPronoun) != 0) return pronoun(p);
    }
    if (best != nullptr) return actor_of(*best);
    return std::nullopt;
  }

  // A speaking mention right after the verb, or after one article ("said Putin", "said the minister").
  std::optional<Actor> speaker_after(uint32_t from, uint32_t hi) const {
    if (from < hi && (norm(from) == "the" || norm(from) == "a" || norm(from) == "an")) ++from;
    for (const Mention& m : doc_.mentions) {
      if (m.first_token == from && m.token_end <= hi && m.kind != MentionKind::location && codable(m.first_token))
        return actor_of(m);
    }
    return std::nullopt;
  }

  // The capitalised words (1 to 5) ending at `end` and starting at `lo` or after punctuation: a name the
  // knowledge stage does not know ("Jane Roe, who said").
  std::optional<Actor> capitalised_run(uint32_t lo, uint32_t end) const {
    uint32_t from = end;
    while (from > lo && end - from < 5 && toks_[from - 1].kind == TokenKind::word && toks_[from - 1].capitalized)
      --from;
    if (from == end || (from > lo && toks_[from - 1].kind == TokenKind::word)) return std::nullopt;
    return unresolved(from, end);
  }

  // The words [from, to) as a speaker the knowledge stage did not resolve.
  [[nodiscard]] Actor unresolved(uint32_t from, uint32_t to) const {
    Actor a;
    a.span = Span{toks_[from].span.offset, toks_[to - 1].span.end() - toks_[from].span.offset};
    a.text = std::string(a.span.of(text_));
    return a;
  }

  // Capitalised words right after the verb ("said Jane Roe, an analyst"), as an unresolved speaker.
  std::optional<Actor> name_after(uint32_t from, uint32_t hi) const {
    uint32_t to = from;
    while (to < hi && to - from < 4 && toks_[to].kind == TokenKind::word && toks_[to].capitalized) ++to;
    if (to == from || (to < hi && toks_[to].kind == TokenKind::word)) return std::nullopt;
    return unresolved(from, to);
  }

  // The words right before the verb (at most 5, all words, starting the window or after punctuation)
  // as an unresolved speaker ("a spokesman", "Tass").
  std::optional<Actor> plain_words_before(uint32_t lo, uint32_t v) const {
    uint32_t from = v;
    while (from > lo && v - from < 5 && toks_[from - 1].kind == TokenKind::word) --from;
    if (from == v || (from > lo && toks_[from - 1].kind == TokenKind::word)) return std::nullopt;
    return unresolved(from, v);
  }

  [[nodiscard]] std::string verb_text(const Verb& v) const {
    uint32_t b = toks_[v.at].span.offset;
    return std::string(text_.substr(b, toks_[v.end - 1].span.end() - b));
  }

  // The speaker of a say/tell verb found in [lo, hi); `plain_fallback` allows unresolved words.
  Attribution from_verb(const Verb& v, uint32_t lo, uint32_t hi, bool immediate, bool plain_fallback) const {
    Attribution a;
    a.found = true;
    a.immediate = immediate;
    a.verb = verb_text(v);
    if (v.kind == SpeechKind::source) {
      if (auto s = source_speaker(v.end, hi)) a.speaker = *s;
      return a;
    }
    if (auto s = speaker_before(lo, v.at)) {
      a.speaker = *s;
    } else if (auto s2 = speaker_after(v.end, hi)) {
      a.speaker = *s2;
    } else if (plain_fallback) {
      if (auto s3 = plain_words_before(lo, v.at)) {
        a.speaker = *s3;
      } else if (auto s4 = name_after(v.end, hi)) {
        a.speaker = *s4;
      }
    }
    return a;
  }

  // The complement of "according to": the last speaking mention before the next punctuation.
  std::optional<Actor> source_speaker(uint32_t from, uint32_t hi) const {
    uint32_t stop = from;
    while (stop < hi && toks_[stop].kind != TokenKind::punctuation) ++stop;
    const Mention* best = nullptr;
    for (const Mention& m : doc_.mentions)
      if (m.first_token >= from && m.token_end <= stop && m.kind != MentionKind::location) best = &m;
    if (best != nullptr) return actor_of(*best);
    if (stop == from) return std::nullopt;
    return unresolved(from, stop);
  }

  // Where the words before a quotation start: its sentence, or the previous quotation's close in
  // that sentence; a sentence that is only the quotation looks back into a lead-in ending in ':'.
  uint32_t head_start(const Found& f, size_t k) const {
    const uint32_t s = sentence_of_[f.open];
    uint32_t lo = sentence_begin(s);
    if (k > 0 && found_[k - 1].close != kNone && found_[k - 1].close >= lo) lo = found_[k - 1].close + 1;
    if (lo == f.open && s > 0 && f.open > 0 && is(f.open - 1, ":") && doc_.text.sentences[s - 1].codable() &&
        (k == 0 || found_[k - 1].close == kNone || found_[k - 1].close < sentence_begin(s - 1)))
      lo = sentence_begin(s - 1);
    return lo;
  }

  // Where the words after a closing mark end: the sentence end, the next quotation, or a clause mark.
  uint32_t tail_end(const Found& f, size_t k) const {
    uint32_t hi = sentence_end(sentence_of_[f.close]);
    if (k + 1 < found_.size() && found_[k + 1].open < hi) hi = found_[k + 1].open;
    for (uint32_t i = f.close + 1; i < hi; ++i) {
      if (is(i, ";") || is(i, ":") || is(i, "\u2014") || is(i, "\u2013") || is(i, "(") || is(i, ".") || is(i, "!") ||
          is(i, "?")) {
        hi = i;
        break;
      }
    }
    return hi;
  }

  Attribution attribute(const Found& f, size_t k, const std::vector<Attribution>& before) const {
    const uint32_t lo = head_start(f, k);
    const std::vector<Verb> head = verbs_in(lo, f.open);
    const Verb* last_said = nullptr;
    const Verb* last_source = nullptr;
    for (const Verb& v : head) (v.kind == SpeechKind::source ? last_source : last_said) = &v;

    // 1. immediate head: only ':' ',' or "that" between the verb and the mark.
    if (last_said != nullptr) {
      bool immediate = true;
      for (uint32_t i = last_said->end; i < f.open && immediate; ++i)
        immediate = is(i, ":") || is(i, ",") || norm(i) == "that";
      if (immediate && f.open - last_said->end <= 2) return from_verb(*last_said, lo, f.open, true, true);
    }
    // 2. immediate tail.
    if (f.close != kNone) {
      const uint32_t hi = tail_end(f, k);
      const uint32_t from = f.close + 1;
      const bool punctuated = f.end > f.first && (is(f.end - 1, ",") || is(f.end - 1, ".") || is(f.end - 1, "?") ||
                                                  is(f.end - 1, "!") || is(f.end - 1, "\u2026"));
      if (punctuated || is(from, ",")) {
        const uint32_t start = is(from, ",") ? from + 1 : from;
        for (const Verb& v : verbs_in(start, std::min(hi, start + kTailReach))) {
          if (v.kind == SpeechKind::source && v.at != start) continue;
          return from_verb(v, start, hi, true, true);
        }
      }
    }
    // 3. far head.
    if (last_said != nullptr) return from_verb(*last_said, lo, f.open, false, true);
    // 4. a source phrase before or after.
    if (last_source != nullptr) return from_verb(*last_source, lo, f.open, false, false);
    if (f.close != kNone) {
      const uint32_t hi = sentence_end(sentence_of_[f.close]);
      uint32_t stop = hi;
      if (k + 1 < found_.size() && found_[k + 1].open < stop) stop = found_[k + 1].open;
      for (const Verb& v : verbs_in(f.close + 1, stop))
        if (v.kind == SpeechKind::source) return from_verb(v, f.close + 1, stop, false, false);
    }
    // 5. the previous quotation of the same sentence.
    if (k > 0 && found_[k - 1].close != kNone && sentence_of_[found_[k - 1].close] == sentence_of_[f.open] &&
        before[k - 1].found) {
      Attribution a = before[k - 1];
      a.immediate = false;
      return a;
    }
    return {};
  }

  const GkgRules::Impl& r_;
  Document& doc_;
  std::string_view text_;
  const std::vector<Token>& toks_;
  std::vector<uint32_t> sentence_of_;
  std::vector<Found> found_;
};

}  // namespace

void find_quotes(const GkgRules& rules, Document& doc) {
  doc.quotes.clear();
  if (doc.text.tokens.empty()) return;
  QuoteFinder(rules.impl(), doc).run();
}

}  // namespace dyad
