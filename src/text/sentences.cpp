// Sentence splitting over tokens, paragraph by paragraph.
//
// Design: a sentence never crosses a paragraph ('\n'). Within a paragraph
// the splitter walks the tokens once and considers a break only after a
// terminal: . ! ? … "..." or a word that kept its period (abbreviation,
// initial, acronym). Closing quotes and brackets (and extra ! ? .) after the
// terminal stay with the sentence; the break then depends on the next token:
//  - after . ! ?   : break unless the next word starts lower case, or the
//                    next token is , ; : or a URL / hashtag trailing the text;
//                    in a paragraph written all in lower case (at least 20 words,
//                    at most one in 50 capitalised) a lower-case word breaks too;
//  - after … "..." : break only before a capitalised word;
//  - after a prefix abbreviation (Mr. Gen. vs.)  : never;
//  - after an initial ("W.")                     : only before a sentence starter;
//  - after an acronym or plain abbreviation      : only before a capitalised
//    sentence starter (data/text/sentence_starters.txt) or an opening quote.
// An opening quote after a break starts the next sentence. A paragraph with
// no final punctuation of up to kHeadlineTokens tokens is one sentence
// flagged kHeadline; longer ones are split normally. No sentence exceeds
// kMaxSentenceTokens tokens (emergency split).
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "text/text_internal.h"

namespace dyad::text_detail {
namespace {

constexpr uint32_t kHeadlineTokens = 80;
constexpr uint32_t kUncasedWords = 20;

enum class Terminal : uint8_t { none, stop, ellipsis, prefix_abbrev, initial, abbrev };

bool is_closer(std::string_view t, const Token& tok) {
  if (t == "\xE2\x80\x9D" || t == "\xE2\x80\x99" || t == "\xC2\xBB" || t == ")" || t == "]" || t == "\xE2\x80\xBA")
    return true;
  // ASCII quotes close when attached to what precedes them.
  return (t == "\"" || t == "'") && !tok.space_before;
}

bool is_opener(std::string_view t, const Token& tok) {
  if (t == "\xE2\x80\x9C" || t == "\xE2\x80\x98" || t == "\xC2\xAB" || t == "(" || t == "[" || t == "\xE2\x80\x9E")
    return true;
  return (t == "\"" || t == "'") && tok.space_before;
}

class Splitter {
 public:
  Splitter(const TextRules::Impl& rules, std::string_view text, TextAnalysis& out)
      : rules_(rules), text_(text), out_(out) {}

  Terminal terminal(uint32_t i) const {
    const Token& t = out_.tokens[i];
    std::string_view s = t.span.of(text_);
    if (t.kind == TokenKind::punctuation) {
      if (s == "." || s == "!" || s == "?" || s == "\xE2\x80\xBC" || s == "\xE2\x81\x89") return Terminal::stop;
      if (s == "..." || s == "\xE2\x80\xA6") return Terminal::ellipsis;
      return Terminal::none;
    }
    if (t.kind != TokenKind::word || s.size() < 2 || s.back() != '.') return Terminal::none;
    if (const auto* cls = rules_.abbreviation(s); cls != nullptr)
      return *cls == AbbrevClass::prefix ? Terminal::prefix_abbrev : Terminal::abbrev;
    if (s.size() == 2) return Terminal::initial;              // one ASCII capital and '.'
    if (s.find('.') < s.size() - 1) return Terminal::abbrev;  // U.S.
    // A single non-ASCII capital initial ("Ł.").
    return s.size() <= 4 ? Terminal::initial : Terminal::abbrev;
  }

  bool capital_starter(const Token& t) const {
    return t.kind == TokenKind::word && t.capitalized && rules_.is_starter(out_.norm(t));
  }

  // Whether to break between a terminal (closers absorbed) and token `next`.
  bool breaks_before(Terminal term, uint32_t next, bool closed) const {
    const Token& t = out_.tokens[next];
    std::string_view s = t.span.of(text_);
    if (closed && term != Terminal::stop && term != Terminal::ellipsis) term = Terminal::stop;
    switch (term) {
      case Terminal::none:
        return false;
      case Terminal::prefix_abbrev:
        return false;
      case Terminal::initial:
        return capital_starter(t) && s.size() > 1;
      case Terminal::abbrev:
        return capital_starter(t) || (is_opener(s, t) && s != "(" && s != "[");
      case Terminal::ellipsis:
        return t.kind == TokenKind::word && t.capitalized;
      case Terminal::stop:
        switch (t.kind) {
          case TokenKind::word:
            return t.capitalized || !starts_lower(t) || uncased_;
          case TokenKind::number:
          case TokenKind::symbol:
            return true;
          case TokenKind::handle:
            return t.space_before;
          case TokenKind::url:
          case TokenKind::hashtag:
            return false;
          case TokenKind::punctuation:
            return is_opener(s, t) || s == "-" || s == "\xE2\x80\x94" || s == "\xE2\x80\x93";
        }
    }
    return false;
  }

  // True when the word's first code point is a lower-case letter (uncased
  // scripts and digits are not lower case).
  bool starts_lower(const Token& t) const {
    std::string_view s = t.span.of(text_);
    if (s.empty()) return false;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    if (p[0] < 0x80) return p[0] >= 'a' && p[0] <= 'z';
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(p, i, static_cast<int32_t>(s.size()), c);
    return c >= 0 && u_islower(c) != 0;
  }

  bool ends_with_final(uint32_t b, uint32_t e) const {
    uint32_t i = e;
    while (i > b) {
      const Token& t = out_.tokens[i - 1];
      std::string_view s = t.span.of(text_);
      if (t.kind == TokenKind::punctuation && (is_closer(s, t) || s == "\"" || s == "'")) {
        --i;
        continue;
      }
      if (s == ":" || s == ";") return true;
      return terminal(i - 1) != Terminal::none;
    }
    return false;
  }

  void add(uint32_t b, uint32_t e, uint32_t paragraph, const ParagraphRole& role, uint8_t flags) {
    Sentence s;
    const Token& first = out_.tokens[b];
    const Token& last = out_.tokens[e - 1];
    s.span = Span{first.span.offset, last.span.end() - first.span.offset};
    s.first_token = b;
    s.token_count = e - b;
    s.paragraph = paragraph;
    s.post = role.post;
    if (role.attribution) {
      flags |= kPostAttribution;
    } else if (role.post >= 0) {
      flags |= kPost;
    }
    s.flags = flags;
    out_.sentences.push_back(s);
  }

  void paragraph(uint32_t b, uint32_t e, uint32_t p, const ParagraphRole& role) {
    if (b == e) return;
    if (role.attribution) {
      emergency(b, e, p, role, 0);
      return;
    }
    if (!ends_with_final(b, e) && e - b <= kHeadlineTokens) {
      emergency(b, e, p, role, kHeadline);
      return;
    }
    uncased_ = uncased(b, e);
    uint32_t start = b;
    uint32_t i = b;
    while (i < e) {
      if (i + 1 - start >= kMaxSentenceTokens) {
        add(start, i + 1, p, role, 0);
        start = ++i;
        continue;
      }
      Terminal term = terminal(i);
      if (term == Terminal::none) {
        ++i;
        continue;
      }
      if (uncased_ && term == Terminal::stop && lower_abbreviation(b, i)) term = Terminal::prefix_abbrev;
      uint32_t j = i + 1;
      bool closed = false;
      while (j < e && j - start < kMaxSentenceTokens) {
        const Token& t = out_.tokens[j];
        std::string_view s = t.span.of(text_);
        if (t.kind != TokenKind::punctuation) break;
        if (is_closer(s, t)) {
          closed = true;
        } else if (!(s == "!" || s == "?" || s == "." || s == "..." || s == "\xE2\x80\xA6")) {
          break;
        }
        ++j;
      }
      if (j >= e) break;
      if (j - start >= kMaxSentenceTokens || breaks_before(term, j, closed)) {
        add(start, j, p, role, 0);
        start = j;
      }
      i = j;
    }
    if (start < e) add(start, e, p, role, 0);
  }

  // A paragraph written all in lower case (text lower-cased by a feed or an archive):
  // at least kUncasedWords words and at most one in 50 capitalised. There a lower-case
  // word after . ! ? starts a new sentence too.
  bool uncased(uint32_t b, uint32_t e) const {
    uint32_t words = 0;
    uint32_t caps = 0;
    for (uint32_t i = b; i < e; ++i) {
      const Token& t = out_.tokens[i];
      if (t.kind != TokenKind::word) continue;
      ++words;
      if (t.capitalized) ++caps;
    }
    return words >= kUncasedWords && caps * 50 <= words;
  }

  // In an all-lower-case paragraph the tokenizer does not know "dr." or "gen." (the list
  // writes "Dr.", "Gen."): the period at `i` ends such a word when the word with a capital
  // first letter and the period is a listed prefix abbreviation. Then it ends no sentence.
  bool lower_abbreviation(uint32_t b, uint32_t i) const {
    if (i == b || out_.tokens[i].span.of(text_) != "." || out_.tokens[i].space_before) return false;
    const Token& w = out_.tokens[i - 1];
    std::string_view ws = w.span.of(text_);
    if (w.kind != TokenKind::word || ws.empty() || ws.size() > 6 || ws[0] < 'a' || ws[0] > 'z') return false;
    std::string key(ws);
    key[0] = static_cast<char>(key[0] - 'a' + 'A');
    key += '.';
    const auto* cls = rules_.abbreviation(key);
    return cls != nullptr && *cls == AbbrevClass::prefix;
  }

  // One sentence for [b, e), cut every kMaxSentenceTokens tokens.
  void emergency(uint32_t b, uint32_t e, uint32_t p, const ParagraphRole& role, uint8_t flags) {
    for (uint32_t s = b; s < e; s += kMaxSentenceTokens) add(s, std::min(e, s + kMaxSentenceTokens), p, role, flags);
  }

 private:
  const TextRules::Impl& rules_;
  std::string_view text_;
  TextAnalysis& out_;
  bool uncased_ = false;  // the paragraph being split is all lower case
};

}  // namespace

void split_sentences(const TextRules::Impl& rules, std::string_view text, const std::vector<ParagraphRole>& roles,
                     TextAnalysis& out) {
  Splitter splitter(rules, text, out);
  out.sentences.reserve(out.tokens.size() / 20 + 4);
  uint32_t t = 0;
  const auto n = static_cast<uint32_t>(out.tokens.size());
  for (uint32_t p = 0; p < out.paragraphs.size(); ++p) {
    const Span para = out.paragraphs[p];
    while (t < n && out.tokens[t].span.offset < para.offset) ++t;  // cannot happen; defensive
    uint32_t b = t;
    while (t < n && out.tokens[t].span.offset < para.end()) ++t;
    splitter.paragraph(b, t, p, roles[p]);
  }
}

}  // namespace dyad::text_detail
