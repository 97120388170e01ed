// JSONL: one JSON object per line, read as a stream.
//
// Design: a small chunked line reader over the istream keeps at most one line
// (up to max_line_bytes) in memory; a longer line is counted and dropped as it
// streams past. Each line is parsed by nlohmann::json; known fields (with
// their aliases) fill the Article and whatever is left becomes the metadata
// object. Every problem names "file:LINE" and reading goes on. Two guards keep
// the report readable: a file whose first block is binary (NUL bytes, control
// bytes or mostly invalid UTF-8) and holds no line opening a JSON object is one
// error, not one per "line" of it; and after kMaxLineReports reports about
// single lines, the rest are counted and summed up in one report at the end
// (the lines are read all the same: good lines in a mostly bad file are kept).
#include <algorithm>
#include <array>
#include <cstring>
#include <istream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "ingest/ingest.h"
#include "ingest/internal.h"

namespace dyad {

using namespace ingest_detail;
using nlohmann::json;

namespace {

class LineReader {
 public:
  explicit LineReader(std::istream& in) : in_(in) {}

  /// The first block of the input (up to 64 KiB), before any line is read.
  std::string_view first_block() {
    if (!started_ && pos_ == len_) fill();
    started_ = true;
    return {buf_.data(), len_};
  }

  /// Next line without its '\n' (and trailing '\r'). `length` is the full line
  /// length; when it exceeds `limit`, `line` is left empty. False at end of input.
  /// `ended`: the line ended with '\n' (false for a last line the input cut off).
  bool next(std::string& line, size_t limit, size_t& length, bool& ended) {
    started_ = true;
    line.clear();
    length = 0;
    ended = false;
    bool any = false;
    for (;;) {
      if (pos_ == len_ && !fill()) return any;
      any = true;
      const char* start = buf_.data() + pos_;
      size_t avail = len_ - pos_;
      const void* nl = std::memchr(start, '\n', avail);
      size_t take = nl != nullptr ? static_cast<size_t>(static_cast<const char*>(nl) - start) : avail;
      length += take;
      if (length <= limit) {
        line.append(start, take);
      } else {
        line.clear();
      }
      pos_ += take + (nl != nullptr ? 1 : 0);
      if (nl != nullptr) {
        ended = true;
        break;
      }
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  }

 private:
  bool fill() {
    if (eof_) return false;
    in_.read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    len_ = static_cast<size_t>(in_.gcount());
    pos_ = 0;
    if (len_ == 0) eof_ = true;
    return len_ > 0;
  }

  std::istream& in_;
  std::array<char, 1U << 16U> buf_{};
  size_t pos_ = 0;
  size_t len_ = 0;
  bool eof_ = false;
  bool started_ = false;
};

constexpr uint64_t kMaxLineReports = 100;

// Bytes of `s` that are not part of a well-formed UTF-8 sequence (a sequence cut off at the end counts as good).
size_t invalid_utf8_bytes(std::string_view s) {
  size_t bad = 0;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t more = c < 0x80                   ? 0
                        : (c >= 0xC2 && c <= 0xDF) ? 1
                        : (c >= 0xE0 && c <= 0xEF) ? 2
                        : (c >= 0xF0 && c <= 0xF4) ? 3
                                                   : 4;
    if (more == 4) {
      ++bad;
      ++i;
      continue;
    }
    size_t k = 1;
    while (k <= more && i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0U) == 0x80U) ++k;
    if (k <= more && i + k < s.size()) {
      ++bad;
      ++i;
      continue;
    }
    i += k;
  }
  return bad;
}

// Why the first block of a ".jsonl" input is a binary file, not JSON lines ("" when it is not): NUL bytes, more
// than 10% control bytes or more than 20% bytes of invalid UTF-8, and no line opening a JSON object ("{}" alone, or
// '{' and a quoted key with its ':', spaces allowed around both), so that a JSONL file with a damaged stretch (a run of
// NULs from a crash) is still read line by line.
std::string binary_reason(std::string_view block) {
  size_t nul = 0;
  size_t control = 0;
  for (char ch : block) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) ++nul;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++control;
  }
  const size_t invalid = invalid_utf8_bytes(block);
  std::string why;
  if (nul > 0) {
    why = "NUL bytes";
  } else if (control * 10 > block.size()) {
    why = "control bytes";
  } else if (invalid * 5 > block.size()) {
    why = "invalid UTF-8";
  } else {
    return {};
  }
  for (size_t start = 0; start < block.size();) {
    size_t nl = block.find('\n', start);
    std::string_view line = block.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    line = trim(line);
    if (line.starts_with("{")) {
      line.remove_prefix(1);
      line = trim(line);
      if (line == "}") return {};
      if (line.starts_with("\"")) {
        // A quoted key (escapes skipped), spaces, then ':' ("{\"id\": ..." and "{ \"id\" : ...").
        size_t q = 1;
        while (q < line.size() && line[q] != '"') q += line[q] == '\\' ? 2 : 1;
        if (q < line.size() && trim(line.substr(q + 1)).starts_with(":")) return {};
      }
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return why + " in its first " + std::to_string(block.size()) + " bytes and no line opening a JSON object";
}

std::string reason(const std::exception& e) {
  std::string_view w = e.what();
  if (w.starts_with("[json.exception.")) {
    size_t close = w.find("] ");
    if (close != std::string_view::npos) w.remove_prefix(close + 2);
  }
  return std::string(w);
}

// First key of `keys` present (and not null) in `obj`, or nullptr.
const char* find_key(const json& obj, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = obj.find(k);
    if (it != obj.end() && !it->is_null()) return k;
  }
  return nullptr;
}

// One article object (a JSONL line, or an element of a JSON document: `what` is "line" or "article").
void process_object(std::string_view name, uint64_t lineno, json j, std::string_view what, const IngestOptions& options,
                    const ArticleSink& on_article, const ErrorSink& on_error) {
  const std::string skipped = "; " + std::string(what) + " skipped";
  if (!j.is_object()) {
    report(on_error, name, lineno, std::string("expected a JSON object, found ") + j.type_name() + skipped);
    return;
  }
  const char* text_key = find_key(j, {"text", "body", "content", "doc_text"});
  if (text_key == nullptr) {
    report(on_error, name, lineno, "no 'text' (or 'body'/'content'/'doc_text') field" + skipped);
    return;
  }
  if (!j[text_key].is_string()) {
    report(on_error, name, lineno, std::string("field '") + text_key + "' is not a string" + skipped);
    return;
  }
  Article a;
  a.origin = std::string(name) + ":" + std::to_string(lineno);
  a.text = prepare_text(j[text_key].get_ref<const std::string&>());
  j.erase(text_key);

  const char* id_key = find_key(j, {"id", "doc_id"});
  if (auto it = j.find(id_key != nullptr ? id_key : "id"); it != j.end() && !it->is_null()) {
    if (it->is_string()) {
      a.id = it->get<std::string>();
    } else if (it->is_number_integer() || it->is_number_unsigned()) {
      a.id = it->dump();
    } else if (it->is_number()) {
      a.id = it->dump();
    }
    if (!a.id.empty()) j.erase(it);
  }
  if (a.id.empty()) a.id = stem_of(name) + ":" + std::to_string(lineno);

  auto take_string = [&](const char* key, std::string& out, bool title) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return;  // other types stay in metadata
    out = title ? one_line(it->get_ref<const std::string&>()) : std::string(trim(it->get_ref<const std::string&>()));
    j.erase(it);
  };
  take_string("url", a.url, false);
  take_string("source", a.source, true);
  take_string("title", a.title, true);

  if (const char* date_key = find_key(j, {"published", "date", "publish_date"})) {
    const json& v = j[date_key];
    if (v.is_string()) {
      set_published(a, v.get_ref<const std::string&>(), name, lineno, on_error);
      j.erase(date_key);
    } else {
      report(on_error, name, lineno, std::string("field '") + date_key + "' is not a date string; date left unknown",
             true);
    }
  }
  a.metadata = j.empty() ? "{}" : j.dump(-1, ' ', false, json::error_handler_t::replace);
  deliver(std::move(a), name, lineno, options, on_article, on_error);
}

void process_line(std::string_view name, uint64_t lineno, std::string_view line, const IngestOptions& options,
                  const ArticleSink& on_article, const ErrorSink& on_error) {
  json j;
  try {
    j = json::parse(line);
  } catch (const json::exception& e) {
    report(on_error, name, lineno, "malformed JSON: " + reason(e) + "; line skipped");
    return;
  }
  process_object(name, lineno, std::move(j), "line", options, on_article, on_error);
}

// 1-based line of byte `offset`.
uint64_t line_of(std::string_view bytes, size_t offset) {
  offset = std::min(offset, bytes.size());
  return 1 +
         static_cast<uint64_t>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// Lines where the elements of a top-level array start (strings and nesting skipped).
std::vector<uint64_t> element_lines(std::string_view bytes) {
  std::vector<uint64_t> lines;
  uint64_t line = 1;
  int depth = 0;
  bool in_string = false;
  bool want = false;  // at depth 1, the next non-space byte starts an element
  for (size_t i = 0; i < bytes.size(); ++i) {
    char c = bytes[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (depth == 1 && want && c != ']') {
      lines.push_back(line);
      want = false;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++depth;
      if (depth == 1 && c == '[') want = true;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == 1) {
      want = true;
    }
  }
  return lines;
}

// True when the first hundred lines of `bytes` look like JSON lines: some line holds one whole JSON object from its
// first byte (after a BOM on the first line), a top-level value of its own, one per line, as JSONL writes them; or
// every non-blank line opens with '{' after its indentation and one of them holds a whole object (JSONL written
// with a leading space). A pretty-printer indents the objects nested in a document, so one of those alone on its
// line is not taken for a record, and its other lines ('"key": ...', '}') are no objects' openings.
bool has_jsonl_line(std::string_view bytes) {
  bytes = skip_bom(bytes);
  size_t start = 0;
  bool all_braced = true;       // every non-blank line so far opens with '{' after its indentation
  bool indented_whole = false;  // an indented line holds a whole object
  for (int n = 0; n < 100 && start < bytes.size(); ++n) {
    size_t nl = bytes.find('\n', start);
    std::string_view line = bytes.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    const std::string_view body = trim(line);
    if (!body.empty() && !body.starts_with("{")) all_braced = false;
    if (body.starts_with("{")) {
      auto j = json::parse(line, nullptr, false);
      const bool whole = !j.is_discarded() && j.is_object();
      if (whole && line.starts_with("{")) return true;
      indented_whole = indented_whole || whole;
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return all_braced && indented_whole;
}

}  // namespace

void read_jsonl(std::string_view name, std::istream& in, const IngestOptions& options, const ArticleSink& on_article,
                const ErrorSink& on_error) {
  LineReader reader(in);
  if (const std::string why = binary_reason(reader.first_block()); !why.empty()) {
    report(on_error, name, 0, "binary file (" + why + "), not JSONL; skipped");
    return;
  }
  // Reports about single lines past the first kMaxLineReports are counted, then summed up in one.
  uint64_t line_reports = 0;
  uint64_t more_errors = 0;
  uint64_t more_warnings = 0;
  uint64_t last_line = 0;
  const ErrorSink capped = [&](const Error& e) {
    if (e.line == 0 || ++line_reports <= kMaxLineReports) {
      if (on_error) on_error(e);
      return;
    }
    (e.warning ? more_warnings : more_errors) += 1;
    last_line = e.line;
  };
  std::string line;
  size_t length = 0;
  uint64_t lineno = 0;
  bool any_content = false;
  bool ended = false;
  while (reader.next(line, options.max_line_bytes, length, ended)) {
    ++lineno;
    // A stop ends the input where reading was: a last line without its '\n' may be cut short, and is left out.
    if (!ended && options.stop != nullptr && options.stop->load()) break;
    if (length > options.max_line_bytes) {
      any_content = true;
      report(capped, name, lineno,
             "line is " + std::to_string(length) + " bytes, over the limit of " +
                 std::to_string(options.max_line_bytes) + " bytes; line skipped");
      continue;
    }
    if (trim(line).empty()) continue;
    any_content = true;
    process_line(name, lineno, line, options, on_article, capped);
  }
  if (more_errors + more_warnings > 0) {
    std::string what = "... and ";
    if (more_errors > 0) what += std::to_string(more_errors) + " more bad lines skipped";
    if (more_errors > 0 && more_warnings > 0) what += " and ";
    if (more_warnings > 0) what += std::to_string(more_warnings) + " more warnings";
    report(on_error, name, 0,
           what + " up to line " + std::to_string(last_line) + ", not listed one by one (the first " +
               std::to_string(kMaxLineReports) + " reports are)",
           more_errors == 0);
  }
  if (!any_content) report(on_error, name, 0, "empty file; skipped");
}

void read_json(std::string_view name, std::string_view bytes, const IngestOptions& options,
               const ArticleSink& on_article, const ErrorSink& on_error) {
  if (trim(bytes).empty()) {
    report(on_error, name, 0, bytes.empty() ? "empty file; skipped" : "file holds only white space; skipped");
    return;
  }
  json doc;
  try {
    doc = json::parse(bytes);
  } catch (const json::parse_error& e) {
    // The content decides, not the file's name: JSON objects one per line (some line holds a whole one, see
    // has_jsonl_line) are JSONL whose first line is bad, read line by line with each problem named, as they are
    // when a later line is bad. Not an array (BOM and space skipped: one bad element would leave the rest of the
    // array read line by line, part of the document stored), and not what --input-format json says is one document.
    const bool may_be_jsonl = options.format != InputFormat::json && !trim(skip_bom(bytes)).starts_with("[");
    if (may_be_jsonl && has_jsonl_line(bytes)) {
      std::string copy(bytes);
      std::istringstream in(copy);
      read_jsonl(name, in, options, on_article, on_error);
      return;
    }
    report(on_error, name, line_of(bytes, e.byte > 0 ? e.byte - 1 : 0),
           "malformed JSON: " + reason(e) + "; file skipped");
    return;
  } catch (const json::exception& e) {
    report(on_error, name, 1, "malformed JSON: " + reason(e) + "; file skipped");
    return;
  }
  if (doc.is_object()) {
    uint64_t line = line_of(bytes, bytes.find('{'));
    process_object(name, line, std::move(doc), "article", options, on_article, on_error);
    return;
  }
  if (!doc.is_array()) {
    report(on_error, name, 1,
           std::string("expected a JSON array of article objects or one object, found ") + doc.type_name() +
               "; file skipped");
    return;
  }
  if (doc.empty()) {
    report(on_error, name, 1, "empty JSON array: no articles; skipped");
    return;
  }
  const std::vector<uint64_t> lines = element_lines(bytes);
  for (size_t i = 0; i < doc.size(); ++i) {
    uint64_t line = i < lines.size() ? lines[i] : 1;
    // Without an id an element is named by its place in the array (several may share a line).
    if (doc[i].is_object() && find_key(doc[i], {"id", "doc_id"}) == nullptr)
      doc[i]["id"] = stem_of(name) + ":" + std::to_string(i + 1);
    process_object(name, line, std::move(doc[i]), "article", options, on_article, on_error);
  }
}

}  // namespace dyad
