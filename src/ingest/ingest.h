// Ingest: bytes on disk (or stdin) -> Articles.
//
// Formats: plain text (one article per file), JSONL (one article per line),
// HTML pages (main-text extraction), RSS 2.0 / Atom feeds (one article per
// item), WARC and WARC.gz (response records holding HTML). The format is
// detected from content (and, as a hint, the file name); IngestOptions::format
// overrides. Directories are walked in sorted order; "-" is stdin.
//
// Bad input never stops the run: each problem is reported through the error
// callback as an Error naming the file (and line, for line-based formats) and
// reading goes on with the next record or file.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/error.h"

namespace dyad {

enum class InputFormat : uint8_t { automatic, text, jsonl, json, html, feed, warc };

/// "auto", "txt"/"text", "jsonl", "json", "html", "rss"/"atom"/"feed", "warc".
std::optional<InputFormat> parse_input_format(std::string_view name);
std::string_view to_string(InputFormat f);

struct IngestOptions {
  InputFormat format = InputFormat::automatic;
  std::optional<Date> published;         // --published: date for articles that carry none
  size_t max_article_bytes = 8U << 20U;  // larger articles are skipped with an error
  // HTML larger than this (a page, a feed item's body, a WARC record's payload) is skipped with an error before it
  // is parsed: parsing 50 MB of malformed HTML took minutes and half a gigabyte, only for the article to be skipped.
  size_t max_markup_bytes = 8U << 20U;
  size_t max_line_bytes = 16U << 20U;   // longer JSONL lines are skipped with an error
  size_t max_file_bytes = 4ULL << 30U;  // guard for non-streaming formats
  // When set and it turns true, reading stops within a fraction of a second, even while
  // waiting on a pipe or FIFO: ingest_paths returns, reporting nothing about the input cut short.
  // A regular file delivers no article after the stop (a re-run reads it again); from a pipe,
  // FIFO or terminal, what was already read is handed on first: every whole JSONL line and
  // WARC record (a last line without its '\n' is left out); a whole-file format cut short
  // by the stop (a feed, a page, a text) gives nothing.
  const std::atomic<bool>* stop = nullptr;
};

using ArticleSink = std::function<void(Article&&)>;
using ErrorSink = std::function<void(const Error&)>;

/// Guesses the format from the first bytes of the input and its name.
InputFormat detect_format(std::string_view head, std::string_view name);

/// True for file names a directory walk reads: no extension, or one of .txt .text
/// .jsonl .ndjson .json .html .htm .xhtml .xml .rss .atom .warc .warc.gz (any case).
/// Other files in a directory (README.md, images, ...) are passed over.
bool is_input_name(std::string_view filename);

/// Reads every path in order, calling `on_article` for each article and
/// `on_error` for each problem. Returns the number of articles delivered.
uint64_t ingest_paths(const std::vector<std::string>& paths, const IngestOptions& options,
                      const ArticleSink& on_article, const ErrorSink& on_error);

// ---- per-format readers (each testable alone) ------------------------------
// `name` is used in messages and to derive ids; bytes are the raw file content.

/// One article per file. Text must be UTF-8 (not binary, not empty).
void read_text(std::string_view name, std::string_view bytes, const IngestOptions& options,
               const ArticleSink& on_article, const ErrorSink& on_error);
/// One JSON object per line: id, url, source, published, title, text (aliases:
/// doc_id; date, publish_date; body, content, doc_text); other fields land in
/// Article::metadata. Blank lines are skipped; a bad line is reported as
/// "name:LINE: ..." and the rest is read.
void read_jsonl(std::string_view name, std::istream& in, const IngestOptions& options, const ArticleSink& on_article,
                const ErrorSink& on_error);
/// One JSON document: an array of article objects (fields as in JSONL) or one article
/// object, possibly pretty-printed; each article's line is where its object starts. A
/// document that does not parse is one error naming the file and the line of the parse
/// error, and nothing of it is read; only content that may be JSONL (no --input-format
/// json, not an array, whatever the file's name) one of whose first hundred lines holds a
/// whole JSON object from its first byte, or whose non-blank lines all open with '{' after
/// their indentation and one holds a whole object (a JSONL file whose first line is bad),
/// is read as JSONL instead.
void read_json(std::string_view name, std::string_view bytes, const IngestOptions& options,
               const ArticleSink& on_article, const ErrorSink& on_error);
/// One HTML page -> one article (title and date from meta tags, main text only).
void read_html(std::string_view name, std::string_view bytes, const IngestOptions& options,
               const ArticleSink& on_article, const ErrorSink& on_error);
/// RSS 2.0 or Atom feed -> one article per item/entry.
void read_feed(std::string_view name, std::string_view bytes, const IngestOptions& options,
               const ArticleSink& on_article, const ErrorSink& on_error);
/// WARC (plain or gzip) -> one article per HTML response record.
void read_warc(std::string_view name, std::istream& in, const IngestOptions& options, const ArticleSink& on_article,
               const ErrorSink& on_error);

/// Main-text extraction from an HTML document, for pages, feed items and WARC records.
struct HtmlExtract {
  std::string title;
  std::string text;  // paragraphs separated by '\n'
  std::optional<Date> published;
  std::string url;   // canonical / og:url
  std::string site;  // og:site_name
};
HtmlExtract extract_html(std::string_view html);

}  // namespace dyad
