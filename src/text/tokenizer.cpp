// The tokenizer: one left-to-right pass over UTF-8, no regular expressions.
//
// Design: each code point is classified once (an ASCII table, then ICU
// character properties for the rest) and the token kind is decided by the
// first code point of the token:
//  - letters/digits start a word or number; inside, an apostrophe (' ’ ʼ)
//    between letters, a hyphen between letters/digits, and , . : between
//    digits ("1,200", "3.5", "10:30") are kept, and so is "&" between two
//    capitals ("QR&T"). A token with no letter is a number; digits followed
//    by letters ("75th", "1990s", "30-page") make a word.
//  - a period joins the word when the word is a known abbreviation
//    (data/text/abbreviations.txt), a single capital initial ("W."), or part
//    of a dotted acronym ("U.S.", "e.g.", "Ph.D.").
//  - runs of Han/Hiragana/Katakana form one word (no dictionary segmentation).
//  - http(s)://, www. and bare domains with a path (pic.twitter.com/x) or a
//    common top-level domain are URLs, ending at white space or a quote, with
//    trailing punctuation (and an unbalanced ')') left out.
//  - @name is a handle (not inside an e-mail address), #name a hashtag.
//  - emoji sequences (modifiers, variation selectors, ZWJ joins, keycaps,
//    tag sequences) and regional-indicator pairs (flags) are one symbol.
//  - every other mark is one token, except "..." and "…" (one token each).
// Normalised forms (case folded, typographic quotes made plain) are appended
// to the arena; URLs are kept as written.
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>

#include "core/unicode.h"
#include "text/text_internal.h"

namespace dyad::text_detail {
namespace {

enum class CC : uint8_t {
  space,   // white space and control characters
  letter,  // alphabetic
  digit,   // decimal digit
  mark,    // combining mark (continues a word)
  ideo,    // Han / Hiragana / Katakana
  punct,   // punctuation
  symbol,  // other symbols
  emoji,   // Extended_Pictographic
  ri,      // regional indicator (half a flag)
  format,  // invisible format characters (ZWJ, soft hyphen, ...)
};

constexpr std::array<CC, 128> make_ascii_table() {
  std::array<CC, 128> t{};
  for (int c = 0; c < 128; ++c) {
    CC k = CC::symbol;
    if (c <= 0x20 || c == 0x7F) {
      k = CC::space;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      k = CC::letter;
    } else if (c >= '0' && c <= '9') {
      k = CC::digit;
    } else if (c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' || c == '|' ||
               c == '~') {
      k = CC::symbol;
    } else {
      k = CC::punct;
    }
    t[static_cast<size_t>(c)] = k;
  }
  return t;
}
constexpr std::array<CC, 128> kAscii = make_ascii_table();

CC classify(UChar32 c) {
  if (c < 0x80) return kAscii[static_cast<size_t>(c)];
  if (c >= 0x1F1E6 && c <= 0x1F1FF) return CC::ri;
  switch (u_charType(c)) {
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_CONTROL_CHAR:
      return CC::space;
    case U_FORMAT_CHAR:
      return CC::format;
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
      return CC::mark;
    case U_DECIMAL_DIGIT_NUMBER:
      return CC::digit;
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_LETTER_NUMBER: {
      if (c >= 0x2E80) {
        UErrorCode err = U_ZERO_ERROR;
        UScriptCode s = uscript_getScript(c, &err);
        if (s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA) return CC::ideo;
      }
      return CC::letter;
    }
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return CC::punct;
    default:
      break;
  }
  if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) return CC::emoji;
  if (u_isUWhiteSpace(c)) return CC::space;
  return CC::symbol;
}

// Longest domain name DNS allows; a longer dotted run is not a domain.
constexpr int32_t kMaxDomainBytes = 253;

bool is_apostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
bool is_hyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool is_emoji_modifier(UChar32 c) {
  return c == 0xFE0F || c == 0xFE0E || (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0x20E3 || (c >= 0xE0020 && c <= 0xE007F);
}
bool ascii_alnum(uint8_t b) { return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z'); }
bool ascii_lower(uint8_t b) { return b >= 'a' && b <= 'z'; }
bool ascii_upper(uint8_t b) { return b >= 'A' && b <= 'Z'; }
bool ascii_letter(uint8_t b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }

class Tokenizer {
 public:
  Tokenizer(const TextRules::Impl& rules, std::string_view text, TextAnalysis& out)
      : rules_(rules),
        s_(reinterpret_cast<const uint8_t*>(text.data())),
        n_(static_cast<int32_t>(text.size())),
        text_(text),
        out_(out) {}

  void run() {
    int32_t i = 0;
    bool space = true;
    while (i < n_) {
      int32_t next = i;
      UChar32 c = decode(next);
      CC cc = classify(c);
      // An underscore between two letters joins the words of one name, as TABARI and PETRARCH
      // write them ("Dol_Amroth", "Minas_Tirith"): a word boundary, like a space.
      if (c == '_' && i > 0 && next < n_ && ascii_letter(s_[i - 1]) && ascii_letter(s_[next])) cc = CC::space;
      switch (cc) {
        case CC::space:
        case CC::format:
          space = true;
          i = next;
          continue;
        case CC::letter:
        case CC::digit:
        case CC::mark:
          i = word(i, c, cc, space);
          break;
        case CC::ideo:
          i = ideographs(i, space);
          break;
        case CC::emoji:
        case CC::ri:
          i = emoji(i, next, cc, space);
          break;
        case CC::punct:
        case CC::symbol:
          i = mark(i, next, c, cc, space);
          break;
      }
      space = false;
    }
  }

 private:
  // Decodes the code point at i and advances i; invalid bytes become U+FFFD.
  UChar32 decode(int32_t& i) const {
    if (s_[i] < 0x80) return s_[i++];
    UChar32 c = 0;
    U8_NEXT(s_, i, n_, c);
    return c < 0 ? 0xFFFD : c;
  }
  UChar32 peek(int32_t i) const { return i < n_ ? decode(i) : -1; }
  CC peek_class(int32_t i) const { return i < n_ ? classify(peek(i)) : CC::space; }
  int32_t after(int32_t i) const {
    decode(i);
    return i;
  }
  static bool alnum(CC c) { return c == CC::letter || c == CC::digit || c == CC::mark; }

  void emit(int32_t b, int32_t e, TokenKind kind, bool space) {
    Token t;
    t.span = Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e - b)};
    t.kind = kind;
    t.space_before = space;
    std::string_view s = text_.substr(static_cast<size_t>(b), static_cast<size_t>(e - b));
    if (kind == TokenKind::word || kind == TokenKind::hashtag || kind == TokenKind::handle) case_flags(b, e, t);
    auto start = static_cast<uint32_t>(out_.arena.size());
    if (kind == TokenKind::url) {
      out_.arena.append(s);
    } else if (kind == TokenKind::hashtag) {
      // "#Putin" is the word Putin to every later stage (names, lexicons); the span keeps the '#'
      fold_case_append(s.substr(1), out_.arena);
    } else {
      fold_case_append(s, out_.arena);
    }
    t.norm = Span{start, static_cast<uint32_t>(out_.arena.size()) - start};
    out_.tokens.push_back(t);
  }

  void case_flags(int32_t b, int32_t e, Token& t) const {
    int letters = 0;
    int upper = 0;
    bool first = true;
    for (int32_t i = b; i < e;) {
      UChar32 c = decode(i);
      bool up = false;
      bool letter = false;
      if (c < 0x80) {
        letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        up = c >= 'A' && c <= 'Z';
      } else {
        letter = u_isalpha(c) != 0;
        up = u_isupper(c) != 0 || u_istitle(c) != 0;
      }
      if (!letter) continue;
      if (first) t.capitalized = up;
      first = false;
      ++letters;
      if (up) ++upper;
    }
    t.all_caps = letters >= 2 && upper == letters;
  }

  // Body of a word or number from `j` (already inside it). Returns its end;
  // counts letters seen in `letters`.
  int32_t word_body(int32_t j, CC prev, int& letters) const {
    while (j < n_) {
      int32_t k = j;
      UChar32 c = decode(k);
      CC cc = classify(c);
      if (alnum(cc)) {
        if (cc == CC::letter) ++letters;
        prev = cc;
        j = k;
        continue;
      }
      CC nc = peek_class(k);
      if (is_apostrophe(c) && prev == CC::letter && nc == CC::letter) {
        j = k;
      } else if (is_hyphen(c) && alnum(prev) && alnum(nc)) {
        j = k;
      } else if (c == '&' && prev == CC::letter && ascii_upper(s_[j - 1]) && k < n_ && ascii_upper(s_[k])) {
        j = k;  // an ampersand between capitals: "QR&T", "KL&W" are one name
      } else if (cc == CC::format && (prev == CC::letter || prev == CC::mark) && (nc == CC::letter || nc == CC::mark)) {
        j = k;  // ZWJ/ZWNJ/soft hyphen inside a word
      } else if (prev == CC::digit && letters == 0 && (c == ',' || c == '.' || c == ':') && nc == CC::digit) {
        // 1,200 (exactly three digits follow), 3.5, 10:30 (two digits).
        int digits = 0;
        int32_t m = k;
        while (m < n_ && s_[m] >= '0' && s_[m] <= '9') ++m, ++digits;
        bool followed_by_alnum = m < n_ && ascii_alnum(s_[m]);
        if (c == ',' && (digits != 3 || followed_by_alnum)) break;
        if (c == ':' && (digits != 2 || followed_by_alnum)) break;
        j = k;
      } else {
        break;
      }
      prev = CC::punct;  // must be followed by alnum, handled next iteration
    }
    return j;
  }

  // Dotted acronym starting at b ("U.S.", "e.g.", "Ph.D."): each group has one
  // or two letters and ends with '.', at least two groups. Returns the end
  // (after the final period) or -1.
  int32_t acronym(int32_t b) const {
    int32_t j = b;
    int groups = 0;
    while (j < n_) {
      int32_t k = j;
      int len = 0;
      while (k < n_ && len <= 2) {
        int32_t m = k;
        UChar32 c = decode(m);
        if (classify(c) != CC::letter) break;
        k = m;
        ++len;
      }
      if (len == 0 || len > 2 || k >= n_ || s_[k] != '.') break;
      ++groups;
      j = k + 1;
    }
    return groups >= 2 ? j : -1;
  }

  // URL from b: up to white space or a quote, minus trailing punctuation.
  int32_t url_end(int32_t b) const {
    int32_t j = b;
    int open = 0;
    int close = 0;
    while (j < n_) {
      int32_t k = j;
      UChar32 c = decode(k);
      if (c == '"' || c == '<' || c == '>' || c == 0x201C || c == 0x201D || c == 0x2026) break;
      CC cc = classify(c);
      if (cc == CC::space) break;
      if (c == '(') ++open;
      if (c == ')') ++close;
      j = k;
    }
    // Trim trailing punctuation.
    while (j > b) {
      uint8_t last = s_[j - 1];
      if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!' || last == '?' || last == '\'' ||
          last == ']' || last == '}') {
        --j;
      } else if (last == ')' && close > open) {
        --j;
        --close;
      } else if (j - b >= 3 && s_[j - 3] == 0xE2 && s_[j - 2] == 0x80 && (s_[j - 1] == 0x99 || s_[j - 1] == 0x98)) {
        j -= 3;  // ’ ‘
      } else {
        break;
      }
    }
    return j;
  }

  bool starts_with_ci(int32_t b, std::string_view prefix) const {
    if (n_ - b < static_cast<int32_t>(prefix.size())) return false;
    for (size_t k = 0; k < prefix.size(); ++k) {
      auto c = static_cast<char>(s_[b + static_cast<int32_t>(k)]);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != prefix[k]) return false;
    }
    return true;
  }

  // Bare domain from b ("pic.twitter.com/x", "bbc.co.uk"): returns the URL end or -1.
  int32_t bare_domain(int32_t b) const {
    static constexpr std::array<std::string_view, 10> kTld = {"com", "org", "net",  "gov", "edu",
                                                              "int", "mil", "info", "io",  "news"};
    static constexpr std::array<std::string_view, 6> kSecond = {"co", "com", "gov", "org", "ac", "net"};
    int32_t j = b;
    int labels = 0;
    std::string_view last;
    std::string_view before_last;
    while (true) {
      int32_t k = j;
      while (k < n_ && (ascii_alnum(s_[k]) || s_[k] == '-')) ++k;
      if (k == j) return -1;
      if (k - b > kMaxDomainBytes) return -1;  // keeps hostile "a.b.c.d..." input linear
      before_last = last;
      last = text_.substr(static_cast<size_t>(j), static_cast<size_t>(k - j));
      ++labels;
      j = k;
      if (j + 1 < n_ && s_[j] == '.' && ascii_alnum(s_[j + 1])) {
        ++j;
        continue;
      }
      break;
    }
    if (labels < 2) return -1;
    if (j < n_ && s_[j] == '/' && j + 1 < n_ && classify(peek(j + 1)) != CC::space) return url_end(b);
    for (char ch : last)
      if (!ascii_lower(static_cast<uint8_t>(ch))) return -1;
    bool known = false;
    for (auto t : kTld) known = known || last == t;
    if (!known && last.size() == 2 && labels >= 3)
      for (auto t : kSecond) known = known || before_last == t;
    if (!known) return -1;
    if (j < n_ && s_[j] == '/') return url_end(b);
    // The domain must not run on into a word ("example.com" ok, "example.comx" not possible here).
    return j;
  }

  int32_t word(int32_t b, UChar32 c, CC cc, bool space) {
    // URLs.
    if (c < 0x80 && ((c | 0x20) == 'h' || (c | 0x20) == 'w')) {
      if (starts_with_ci(b, "http://") || starts_with_ci(b, "https://") || starts_with_ci(b, "www.")) {
        int32_t e = url_end(b);
        if (e > b + 4) {
          emit(b, e, TokenKind::url, space);
          return e;
        }
      }
    }
    // Keycap emoji: 1️⃣
    if (cc == CC::digit && b + 1 < n_ && (s_[b + 1] == 0xEF || s_[b + 1] == 0xE2)) {
      int32_t k = b + 1;
      UChar32 m = decode(k);
      if (m == 0xFE0F || m == 0x20E3) {
        while (k < n_ && is_emoji_modifier(peek(k))) k = after(k);
        emit(b, k, TokenKind::symbol, space);
        return k;
      }
    }
    int letters = cc == CC::letter ? 1 : 0;
    int32_t e = word_body(after(b), cc, letters);
    if (e < n_ && s_[e] == '.') {
      // A domain ("pic.twitter.com/AbC", "reuters.com").
      if (e + 1 < n_ && ascii_alnum(s_[e + 1]) && c < 0x80) {
        int32_t u = bare_domain(b);
        if (u > e) {
          emit(b, u, TokenKind::url, space);
          return u;
        }
      }
      if (letters > 0) {
        if (int32_t a = acronym(b); a > e) {
          e = a;
          // "U.S.-led"
          if (e + 1 < n_ && is_hyphen(peek(e)) && alnum(peek_class(after(e)))) e = word_body(e, CC::letter, letters);
        } else if (rules_.abbreviation(text_.substr(static_cast<size_t>(b), static_cast<size_t>(e - b + 1)))) {
          e += 1;
        } else if (after(b) == e && (u_isupper(c) != 0)) {
          e += 1;  // initial: "W."
        }
      }
    }
    emit(b, e, letters > 0 ? TokenKind::word : TokenKind::number, space);
    return e;
  }

  int32_t ideographs(int32_t b, bool space) {
    int32_t j = after(b);
    while (j < n_) {
      CC cc = peek_class(j);
      if (cc != CC::ideo && cc != CC::mark) break;
      j = after(j);
    }
    emit(b, j, TokenKind::word, space);
    return j;
  }

  int32_t emoji(int32_t b, int32_t j, CC cc, bool space) {
    if (cc == CC::ri) {
      if (j < n_ && peek_class(j) == CC::ri) j = after(j);
      emit(b, j, TokenKind::symbol, space);
      return j;
    }
    while (j < n_) {
      UChar32 c = peek(j);
      if (is_emoji_modifier(c)) {
        j = after(j);
      } else if (c == 0x200D && j + 3 < n_) {
        int32_t k = j + 3;  // ZWJ is three bytes
        CC nc = peek_class(k);
        if (nc != CC::emoji && nc != CC::symbol) break;
        j = after(k);
      } else {
        break;
      }
    }
    emit(b, j, TokenKind::symbol, space);
    return j;
  }

  int32_t mark(int32_t b, int32_t j, UChar32 c, CC cc, bool space) {
    if (c == '.' && j + 1 < n_ && s_[j] == '.' && s_[j + 1] == '.') {
      emit(b, j + 2, TokenKind::punctuation, space);
      return j + 2;
    }
    if (c == '#' && j < n_) {
      int32_t e = j;
      int letters = 0;
      while (e < n_) {
        int32_t k = e;
        UChar32 x = decode(k);
        CC xc = classify(x);
        if (xc == CC::letter || xc == CC::ideo) {
          ++letters;
        } else if (xc != CC::digit && xc != CC::mark && x != '_') {
          break;
        }
        e = k;
      }
      if (letters > 0) {
        emit(b, e, TokenKind::hashtag, space);
        return e;
      }
    }
    if (c == '@' && j < n_ && (ascii_alnum(s_[j]) || s_[j] == '_') && (b == 0 || !ascii_alnum(s_[b - 1]))) {
      int32_t e = j;
      while (e < n_ && (ascii_alnum(s_[e]) || s_[e] == '_')) ++e;
      emit(b, e, TokenKind::handle, space);
      return e;
    }
    emit(b, j, cc == CC::punct ? TokenKind::punctuation : TokenKind::symbol, space);
    return j;
  }

  const TextRules::Impl& rules_;
  const uint8_t* s_;
  int32_t n_;
  std::string_view text_;
  TextAnalysis& out_;
};

}  // namespace

void tokenize(const TextRules::Impl& rules, std::string_view text, TextAnalysis& out) {
  out.tokens.reserve(text.size() / 5 + 8);
  out.arena.reserve(text.size() + 16);
  Tokenizer(rules, text, out).run();
}

}  // namespace dyad::text_detail
