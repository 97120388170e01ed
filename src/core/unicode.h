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
/// Also maps CRLF and lone CR to LF, drops a leading byte-order mark and repairs
/// mojibake (repair_mojibake).
std::string normalize_text(std::string_view utf8);

/// Repairs UTF-8 text that was once decoded as windows-1252 (or Latin-1) and encoded
/// again ("mojibake": "â€™" for "’", "Ã©" for "é"). A run is a lead (Â..ß and one
/// character, à..ï and two, ð and three) and characters windows-1252 writes as
/// continuation bytes; it is put back when its windows-1252 bytes form one valid UTF-8
/// sequence and the character they make is plausible there: after Â a sign or NBSP
/// (never a C1 control); after â one of U+2000..U+213F (“ ” ’ – — … € ™); after ð an
/// emoji; after any other lead a letter or mark of the script of the letter before it
/// ("Ã—" is no ×; "José »" would be Han after "s"), in its word's case (no capital after
/// a small letter, no small letter inside an all-caps word, and no capital from closing
/// punctuation after a capital with no letter after it: "IRMÃ”" is Portuguese). "â€" and
/// U+FFFD (the undefined byte 0x9D lost by a decoder) is "”". Text without a lead
/// followed by such a character is returned unchanged.
std::string repair_mojibake(std::string_view utf8);

/// Converts bytes in `charset` (any name ICU knows: "windows-1252", "ISO-8859-1", ...)
/// to UTF-8. An unknown charset is an Error; unmappable bytes become U+FFFD.
Result<std::string> to_utf8(std::string_view bytes, std::string_view charset);

/// Replaces every invalid UTF-8 sequence with U+FFFD.
std::string repair_utf8(std::string_view s);

/// Case-folds UTF-8 text (full Unicode case folding) and maps typographic
/// apostrophes/quotes (’ ‘ “ ” ″) to their ASCII forms. Appends to `out`.
void fold_case_append(std::string_view utf8, std::string& out);

}  // namespace dyad
