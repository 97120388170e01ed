#include "core/unicode.h"

#include <unicode/errorcode.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace dyad {

std::optional<Utf8Problem> find_invalid_utf8(std::string_view s) {
  // ASCII is passed eight bytes at a time; the line is counted only when a problem is found.
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    uint64_t word = 0;
    while (n - i >= 8 && (std::memcpy(&word, p + i, 8), (word & kHighBits) == 0)) i += 8;
    if (i >= n) break;
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      const auto line = 1 + static_cast<uint64_t>(std::count(s.begin(), s.begin() + start, '\n'));
      return Utf8Problem{static_cast<size_t>(start), line};
    }
  }
  return std::nullopt;
}

bool looks_binary(std::string_view s) {
  std::string_view head = s.substr(0, 8192);
  size_t control = 0;
  for (char ch : head) {
    auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++control;
  }
  return !head.empty() && control * 10 > head.size();
}

namespace {

/// The windows-1252 byte of a code point in 0x80..0xBF position, as a continuation
/// byte of UTF-8 read as windows-1252; 0 when the code point is no such byte. The
/// table is built from ICU's own windows-1252 converter; bytes it leaves undefined
/// (0x81, 0x8D, 0x8F, 0x90, 0x9D) come back from Latin-1 decoders as C1 controls.
uint8_t continuation_byte(UChar32 c) {
  static const std::vector<std::pair<UChar32, uint8_t>> specials = [] {
    std::vector<std::pair<UChar32, uint8_t>> out;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open("windows-1252", &status), ucnv_close);
    if (U_FAILURE(status) || !conv) return out;
    for (int b = 0x80; b < 0xA0; ++b) {
      char byte = static_cast<char>(b);
      UChar u[2] = {0, 0};
      status = U_ZERO_ERROR;
      int32_t len = ucnv_toUChars(conv.get(), u, 2, &byte, 1, &status);
      if (U_SUCCESS(status) && len == 1 && u[0] != 0xFFFD && u[0] >= 0x100) out.emplace_back(u[0], b);
    }
    return out;
  }();
  if (c >= 0x80 && c <= 0xBF) return static_cast<uint8_t>(c);
  for (const auto& [cp, b] : specials)
    if (cp == c) return b;
  return 0;
}

/// Quick test before the repair: a lead character U+00C2..U+00F4 (Â..ô: UTF-8 C3 82..C3 B4) occurs.
bool may_hold_mojibake(std::string_view utf8) {
  for (size_t at = utf8.find('\xC3'); at != std::string_view::npos; at = utf8.find('\xC3', at + 1)) {
    if (at + 1 >= utf8.size()) break;
    auto next = static_cast<uint8_t>(utf8[at + 1]);
    if (next >= 0x82 && next <= 0xB4) return true;
  }
  return false;
}

/// Characters real text puts right after a word's last letter that windows-1252 also writes as a
/// continuation byte: NBSP, guillemets, curly quotes, dashes, the ellipsis, ® and ©.
bool closing_mark(UChar32 c) {
  switch (c) {
    case 0x00A0:
    case 0x00A9:
    case 0x00AB:
    case 0x00AE:
    case 0x00BB:
    case 0x2013:
    case 0x2014:
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0x2026:
    case 0x2039:
    case 0x203A:
      return true;
    default:
      return false;
  }
}

/// The last code point of `s` before byte `end`, moving `end` to its start; -1 when there is none.
UChar32 previous_char(const std::string& s, int32_t& end) {
  if (end <= 0) return -1;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t start = end - 1;
  while (start > 0 && end - start < 4 && (p[start] & 0xC0U) == 0x80U) --start;
  int32_t at = start;
  UChar32 c = 0;
  U8_NEXT(p, at, end, c);
  end = start;
  return c;
}

/// Whether `fixed`, the character a run repairs to, is plausible where it stands. `lead` is the
/// run's first byte, `first` its first continuation character as written, `before` and `before2`
/// the two characters before the run (repaired; -1 at the start), `after` the character after it
/// (-1 at the end). Â gives a sign or NBSP (never a C1 control: "HÂLÂ”" stays); â and ð were checked
/// by their continuation. Every other lead gives a letter or a mark ("Ã—" would be ×), of the script
/// of the letter before it ("José »" would be a Han character after "s"; "BabiÅ¡" is š after "i"),
/// in the case of its word: no capital after a small letter, no small letter inside an all-caps word
/// ("IRMÃ" + NBSP would be "IRMà"), and no capital from closing punctuation after a capital with no
/// letter after it, which is the real last letter of an all-caps word ("IRMÃ”", "PELÉ…").
bool plausible(uint8_t lead, UChar32 fixed, UChar32 first, UChar32 before, UChar32 before2, UChar32 after) {
  if (lead == 0xC2) return fixed >= 0xA0;
  if (lead == 0xE2 || lead == 0xF0) return true;
  if (!u_isalpha(fixed) && (U_GET_GC_MASK(fixed) & U_GC_M_MASK) == 0) return false;
  if (before < 0 || !u_isalpha(before)) return true;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode was = uscript_getScript(before, &status);
  const UScriptCode is = uscript_getScript(fixed, &status);
  if (U_FAILURE(status)) return false;
  if (was > USCRIPT_INHERITED && is > USCRIPT_INHERITED && was != is) return false;
  if (u_isupper(fixed) && u_islower(before)) return false;
  if (u_islower(fixed) && u_isupper(before) && before2 >= 0 && u_isupper(before2)) return false;
  return !(u_isupper(fixed) && u_isupper(before) && closing_mark(first) && (after < 0 || !u_isalpha(after)));
}

}  // namespace

std::string repair_mojibake(std::string_view utf8) {
  if (!may_hold_mojibake(utf8)) return std::string(utf8);
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  auto n = static_cast<int32_t>(utf8.size());
  std::string out;
  out.reserve(utf8.size());
  int32_t i = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 lead = 0;
    U8_NEXT(p, i, n, lead);
    // A lead is a character whose windows-1252 byte opens a UTF-8 sequence: Â..ß two bytes, à..ï
    // three, ð four (emoji only: ñ..ô open planes news text does not use).
    if (lead < 0xC2 || lead > 0xF0) {
      out.append(utf8.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
      continue;
    }
    const int need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
    uint8_t bytes[4] = {static_cast<uint8_t>(lead), 0, 0, 0};
    int32_t j = i;
    bool ok = true;
    UChar32 first = 0;
    for (int k = 1; k <= need && ok; ++k) {
      UChar32 c = 0;
      if (j >= n) {
        ok = false;
        break;
      }
      U8_NEXT(p, j, n, c);
      if (k == 1) first = c;
      uint8_t b = continuation_byte(c);
      // "â€" and a lost 0x9D: the right double quotation mark, the only common character there.
      if (b == 0 && c == 0xFFFD && k == 2 && bytes[0] == 0xE2 && bytes[1] == 0x80) b = 0x9D;
      if (b == 0) ok = false;
      bytes[k] = b;
    }
    // â: the first continuation is € ‚ ƒ „ or U+0081 (bytes 0x80..0x84: U+2000..U+213F); ð: Ÿ (0x9F, emoji).
    if (ok && lead == 0xE2) ok = bytes[1] >= 0x80 && bytes[1] <= 0x84;
    if (ok && lead == 0xF0) ok = bytes[1] == 0x9F;
    UChar32 fixed = 0;
    if (ok) {
      int32_t q = 0;
      U8_NEXT(bytes, q, need + 1, fixed);
      ok = fixed >= 0x80 && q == need + 1;
    }
    if (ok) {
      int32_t at = static_cast<int32_t>(out.size());
      const UChar32 before = previous_char(out, at);
      const UChar32 before2 = previous_char(out, at);
      UChar32 after = -1;
      if (j < n) {
        int32_t k = j;
        U8_NEXT(p, k, n, after);
      }
      ok = plausible(static_cast<uint8_t>(lead), fixed, first, before, before2, after);
    }
    if (ok) {
      out.append(reinterpret_cast<const char*>(bytes), static_cast<size_t>(need + 1));
      i = j;
    } else {
      out.append(utf8.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
  }
  return out;
}

std::string normalize_text(std::string_view utf8) {
  std::string s;
  s.reserve(utf8.size());
  if (utf8.size() >= 3 && utf8.substr(0, 3) == "\xEF\xBB\xBF") utf8.remove_prefix(3);
  for (size_t i = 0; i < utf8.size(); ++i) {
    char c = utf8[i];
    if (c == '\r') {
      s += '\n';
      if (i + 1 < utf8.size() && utf8[i + 1] == '\n') ++i;
    } else {
      s += c;
    }
  }
  // ASCII is NFC as it is: no conversion to UTF-16 (most dictionary names, many articles).
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return s;
  if (may_hold_mojibake(s)) s = repair_mojibake(s);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return s;
  // Fast path: most news text is already NFC.
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  if (nfc->isNormalized(u, status) && U_SUCCESS(status)) return s;
  status = U_ZERO_ERROR;
  icu::UnicodeString out = nfc->normalize(u, status);
  if (U_FAILURE(status)) return s;
  std::string result;
  out.toUTF8String(result);
  return result;
}

Result<std::string> to_utf8(std::string_view bytes, std::string_view charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string name(charset);
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(name.c_str(), &status), ucnv_close);
  if (U_FAILURE(status) || !conv) return Error{"", 0, "unknown character set '" + name + "'"};
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), conv.get(), status);
  if (U_FAILURE(status)) return Error{"", 0, "cannot convert from '" + name + "': " + u_errorName(status)};
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string repair_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(s.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
  }
  return out;
}

void fold_case_append(std::string_view utf8, std::string& out) {
  const auto* p = reinterpret_cast<const uint8_t*>(utf8.data());
  auto n = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      char c = static_cast<char>(p[i]);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      out += c;
      ++i;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
      continue;
    }
    switch (c) {
      case 0x2019:
      case 0x2018:
      case 0x02BC:
      case 0x2032:
        out += '\'';
        continue;
      case 0x201C:
      case 0x201D:
      case 0x2033:
      case 0x00AB:
      case 0x00BB:
        out += '"';
        continue;
      default:
        break;
    }
    UChar32 f = u_foldCase(c, U_FOLD_CASE_DEFAULT);
    char buf[4];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, f, err);
    if (err == 0) out.append(buf, static_cast<size_t>(len));
  }
}

}  // namespace dyad
