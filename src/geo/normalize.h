// Toponym normalisation shared by the gazetteer builder and lookups.
#pragma once

#include <string>
#include <string_view>

namespace dyad::geo {

/// The lookup key of a place name: diacritics removed and Latin letters made
/// ASCII (ICU "NFD; [:Nonspacing Mark:] Remove; Latin-ASCII"), case-folded,
/// periods and apostrophes dropped ("U.S." -> "us", "Ha’erbin" -> "haerbin"),
/// every other run of punctuation or space made one space, a leading "the "
/// dropped. Non-Latin letters are kept as they are. Thread-safe.
std::string normalize_toponym(std::string_view name);

/// True when a key is plain ASCII (letters, digits, spaces): the names the
/// gazetteer indexes.
bool is_ascii_key(std::string_view key);

}  // namespace dyad::geo
