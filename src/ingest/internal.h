// Helpers shared by the ingest readers (not part of the public API).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/error.h"
#include "ingest/ingest.h"

namespace dyad::ingest_detail {

/// Trims spaces/tabs at both ends of every line, collapses runs of blank lines
/// and drops leading/trailing blank lines: paragraphs separated by one '\n'.
/// Expects LF line ends (run normalize_text first).
std::string clean_paragraphs(std::string_view text);

/// normalize_text() followed by clean_paragraphs().
std::string prepare_text(std::string_view utf8);

/// NFC, white space runs (including newlines) collapsed to one space, trimmed: for titles.
std::string one_line(std::string_view utf8);

/// The file stem used to derive ids ("dir/a.txt" -> "a", "-" -> "stdin").
std::string stem_of(std::string_view name);

/// Sets article.published from a raw date string. An unparseable date is
/// reported as a warning naming `name`/`line` and the date stays unknown.
void set_published(Article& article, std::string_view raw, std::string_view name, uint64_t line,
                   const ErrorSink& on_error);

/// Final checks before an article leaves ingest: empty text and size over the
/// limit are errors (article skipped, false returned); fills the --published
/// default and "{}" metadata, then calls on_article.
bool deliver(Article&& article, std::string_view name, uint64_t line, const IngestOptions& options,
             const ArticleSink& on_article, const ErrorSink& on_error);

/// Reports a skipped record (warning=false) or a warning (warning=true). The message is
/// made one line of valid UTF-8 (invalid sequences become U+FFFD, control characters spaces).
void report(const ErrorSink& on_error, std::string_view name, uint64_t line, std::string message, bool warning = false);

/// Lower-cases ASCII letters.
std::string ascii_lower(std::string_view s);

/// Trims ASCII white space at both ends.
std::string_view trim(std::string_view s);

/// `s` without a UTF-8 byte order mark it opens with.
std::string_view skip_bom(std::string_view s);

/// `s` opens with a markup declaration ("<!DOCTYPE ..."): the length of the declaration up to and including
/// the '>' that closes it, past an internal subset in [...] whose quoted values, comments and processing
/// instructions may hold ']' and '>' of their own (<!ENTITY x "a]b>">); npos when it does not end in `s`.
size_t declaration_length(std::string_view s);

/// The charset parameter of a Content-Type value ("text/html; charset=ISO-8859-1"), lower-cased.
std::string charset_param(std::string_view content_type);

/// Turns raw HTML bytes into UTF-8: converts from `declared` (HTTP header) or a
/// <meta> charset when it is not UTF-8; invalid UTF-8 with no declared charset is
/// read as windows-1252 and `warning` is set to say so.
std::string html_to_utf8(std::string_view bytes, std::string_view declared, std::string& warning);

/// extract_html() plus what read_html needs to warn about.
struct HtmlAnalysis {
  HtmlExtract extract;
  bool truncated = false;     // an explicit <html>/<body> was never closed: the page ended early
  std::string unparsed_date;  // a date meta tag that parse_date could not read ("" if none)
};
/// `fragment`: the input is a snippet (feed item body): read all of <body>, no container choice.
HtmlAnalysis analyze_html(std::string_view utf8_html, bool fragment = false);

/// Builds the Article for one HTML page (id/origin/metadata left to the caller),
/// reporting the truncation and date warnings under `name`.
Article html_article(const HtmlAnalysis& page, std::string_view name, const ErrorSink& on_error);

}  // namespace dyad::ingest_detail
