// Unicode helpers over ICU: validation, NFC, charset conversion, and the
// checks that keep binary or broken input out of the pipeline.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace dyad {

/// Position of the first invalid UTF-8 sequence, if any.
struct Utf8Problem {
  size_t offset = 0;  // byte offset of the bad sequence
  uint64_t line = 1;  // 1-based line it is on
};
std::optional<Utf8Problem> find_invalid_utf8(std::string_view s);

/// True when the bytes look like a binary file rather than text: a NUL byte,
/// or more than 10% control characters other than tab/CR/LF/FF in the first 8 KiB.
bool looks_binary(std::string_view s);

/// NFC-normalises valid UTF-8 (returns the input unchanged when it is already NFC).
/// Also maps CRLF and lone CR to LF and drops a leading byte-order mark.
std::string normalize_text(std::string_view utf8);

/// Converts bytes in `charset` (any name ICU knows: "windows-1252", "ISO-8859-1", ...)
/// to UTF-8. An unknown charset is an Error; unmappable bytes become U+FFFD.
Result<std::string> to_utf8(std::string_view bytes, std::string_view charset);

/// Replaces every invalid UTF-8 sequence with U+FFFD.
std::string repair_utf8(std::string_view s);

/// Case-folds UTF-8 text (full Unicode case folding) and maps typographic
/// apostrophes/quotes (’ ‘ “ ” ″) to their ASCII forms. Appends to `out`.
void fold_case_append(std::string_view utf8, std::string& out);

}  // namespace dyad
