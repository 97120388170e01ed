// Plain text: one article per file.
//
// Design: cheap checks first (empty, size limit, binary sniff), then one pass
// of UTF-8 validation that gives the line of the first bad byte, then NFC and
// paragraph clean-up. The id is the file stem; there is no title.
#include "core/unicode.h"
#include "ingest/ingest.h"
#include "ingest/internal.h"

namespace dyad {

using namespace ingest_detail;

void read_text(std::string_view name, std::string_view bytes, const IngestOptions& options,
               const ArticleSink& on_article, const ErrorSink& on_error) {
  if (trim(bytes).empty()) {
    report(on_error, name, 0, bytes.empty() ? "empty file; skipped" : "file holds only white space; skipped");
    return;
  }
  if (bytes.size() > options.max_article_bytes) {
    report(on_error, name, 0,
           "article is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
               std::to_string(options.max_article_bytes) + " bytes; skipped");
    return;
  }
  if (looks_binary(bytes)) {
    report(on_error, name, 0, "binary file (NUL or control bytes), not text; skipped");
    return;
  }
  if (auto bad = find_invalid_utf8(bytes)) {
    report(on_error, name, bad->line,
           "invalid UTF-8 at byte offset " + std::to_string(bad->offset) + "; article skipped");
    return;
  }
  Article a;
  a.id = stem_of(name);
  a.origin = std::string(name);
  a.text = prepare_text(bytes);
  deliver(std::move(a), name, 0, options, on_article, on_error);
}

}  // namespace dyad
