// Design note: place names arrive in every spelling ("Zürich", "ZURICH",
// "Zurich"), so both the builder and lookups reduce a name to one key. ICU's
// transliterator removes combining marks after canonical decomposition and
// maps the remaining Latin letters to ASCII (ø -> o, ß -> ss, ł -> l); core's
// fold_case_append then does full case folding. Pure-ASCII input (most
// lookups) skips ICU. A transliterator is not thread-safe, so each thread
// keeps its own.
#include "geo/normalize.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

#include "core/unicode.h"

namespace dyad::geo {
namespace {

icu::Transliterator* transliterator() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) tr.reset();
    return tr;
  }();
  return t.get();
}

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace

bool is_ascii_key(std::string_view key) {
  for (char c : key) {
    auto u = static_cast<unsigned char>(c);
    if (!((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == ' ')) return false;
  }
  return !key.empty();
}

std::string normalize_toponym(std::string_view name) {
  std::string ascii;
  if (is_ascii(name)) {
    ascii.assign(name);
  } else if (icu::Transliterator* t = transliterator()) {
    icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    t->transliterate(u);
    u.toUTF8String(ascii);
  } else {
    ascii.assign(name);
  }
  std::string folded;
  fold_case_append(ascii, folded);

  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    auto c = static_cast<unsigned char>(folded[i]);
    if (c >= 0x80) {  // a non-ASCII letter that survived: keep its bytes
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      out += static_cast<char>(c);
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      out += static_cast<char>(c);
    } else if (c == '.' || c == '\'' || c == '`') {
      // dropped: "U.S." -> "us", "Xi'an" -> "xian"
    } else {
      pending_space = true;
    }
  }
  if (out.starts_with("the ") && out.size() > 4) out.erase(0, 4);
  return out;
}

}  // namespace dyad::geo
