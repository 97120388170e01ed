// JSONL: one JSON object per line, read as a stream.
//
// Design: a small chunked line reader over the istream keeps at most one line
// (up to max_line_bytes) in memory; a longer line is counted and dropped as it
// streams past. Each line is parsed by nlohmann::json; known fields (with
// their aliases) fill the Article and whatever is left becomes the metadata
// object. Every problem names "file:LINE" and reading goes on.
#include <array>
#include <cstring>
#include <istream>
#include <nlohmann/json.hpp>

#include "ingest/ingest.h"
#include "ingest/internal.h"

namespace dyad {

using namespace ingest_detail;
using nlohmann::json;

namespace {

class LineReader {
 public:
  explicit LineReader(std::istream& in) : in_(in) {}

  /// Next line without its '\n' (and trailing '\r'). `length` is the full line
  /// length; when it exceeds `limit`, `line` is left empty. False at end of input.
  bool next(std::string& line, size_t limit, size_t& length) {
    line.clear();
    length = 0;
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
      if (nl != nullptr) break;
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
};

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

void process_line(std::string_view name, uint64_t lineno, std::string_view line, const IngestOptions& options,
                  const ArticleSink& on_article, const ErrorSink& on_error) {
  json j;
  try {
    j = json::parse(line);
  } catch (const json::exception& e) {
    report(on_error, name, lineno, "malformed JSON: " + reason(e) + "; line skipped");
    return;
  }
  if (!j.is_object()) {
    report(on_error, name, lineno, std::string("expected a JSON object, found ") + j.type_name() + "; line skipped");
    return;
  }
  const char* text_key = find_key(j, {"text", "body", "content", "doc_text"});
  if (text_key == nullptr) {
    report(on_error, name, lineno, "no 'text' (or 'body'/'content'/'doc_text') field; line skipped");
    return;
  }
  if (!j[text_key].is_string()) {
    report(on_error, name, lineno, std::string("field '") + text_key + "' is not a string; line skipped");
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

}  // namespace

void read_jsonl(std::string_view name, std::istream& in, const IngestOptions& options, const ArticleSink& on_article,
                const ErrorSink& on_error) {
  LineReader reader(in);
  std::string line;
  size_t length = 0;
  uint64_t lineno = 0;
  bool any_content = false;
  while (reader.next(line, options.max_line_bytes, length)) {
    ++lineno;
    if (length > options.max_line_bytes) {
      any_content = true;
      report(on_error, name, lineno,
             "line is " + std::to_string(length) + " bytes, over the limit of " +
                 std::to_string(options.max_line_bytes) + " bytes; line skipped");
      continue;
    }
    if (trim(line).empty()) continue;
    any_content = true;
    process_line(name, lineno, line, options, on_article, on_error);
  }
  if (!any_content) report(on_error, name, 0, "empty file; skipped");
}

}  // namespace dyad
