// Format names and content sniffing.
//
// Design: the content decides and the file name only breaks ties. Gzip data is
// inflated just far enough to see whether a WARC record starts inside; markup
// is told apart by its first element after any XML declaration, comments or
// doctype; a first non-blank line that parses as a JSON object means JSONL, and
// other content opening with '{' or '[{' is a JSON document.
// Anything else is text, which is also the "don't know" answer that a name
// hint may override.
#include <zlib.h>

#include <array>
#include <nlohmann/json.hpp>

#include "ingest/ingest.h"
#include "ingest/internal.h"

namespace dyad {

using ingest_detail::ascii_lower;

std::optional<InputFormat> parse_input_format(std::string_view name) {
  std::string n = ascii_lower(name);
  if (n == "auto" || n == "automatic") return InputFormat::automatic;
  if (n == "txt" || n == "text") return InputFormat::text;
  if (n == "jsonl" || n == "ndjson") return InputFormat::jsonl;
  if (n == "json") return InputFormat::json;
  if (n == "html" || n == "htm") return InputFormat::html;
  if (n == "rss" || n == "atom" || n == "feed") return InputFormat::feed;
  if (n == "warc") return InputFormat::warc;
  return std::nullopt;
}

std::string_view to_string(InputFormat f) {
  switch (f) {
    case InputFormat::automatic:
      return "auto";
    case InputFormat::text:
      return "text";
    case InputFormat::jsonl:
      return "jsonl";
    case InputFormat::json:
      return "json";
    case InputFormat::html:
      return "html";
    case InputFormat::feed:
      return "feed";
    case InputFormat::warc:
      return "warc";
  }
  return "auto";
}

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

InputFormat name_hint(std::string_view name) {
  std::string n = ascii_lower(name);
  if (ends_with(n, ".warc") || ends_with(n, ".warc.gz")) return InputFormat::warc;
  if (ends_with(n, ".jsonl") || ends_with(n, ".ndjson")) return InputFormat::jsonl;
  if (ends_with(n, ".json")) return InputFormat::json;
  if (ends_with(n, ".html") || ends_with(n, ".htm") || ends_with(n, ".xhtml")) return InputFormat::html;
  if (ends_with(n, ".rss") || ends_with(n, ".atom") || ends_with(n, ".xml")) return InputFormat::feed;
  if (ends_with(n, ".txt")) return InputFormat::text;
  return InputFormat::automatic;
}

// Inflates the start of a gzip stream (as much as `head` holds).
std::string gunzip_head(std::string_view head) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 32) != Z_OK) return {};
  std::array<unsigned char, 256> out{};
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(head.data()));
  z.avail_in = static_cast<uInt>(head.size());
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  inflate(&z, Z_SYNC_FLUSH);
  std::string got(reinterpret_cast<const char*>(out.data()), out.size() - z.avail_out);
  inflateEnd(&z);
  return got;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view skip_space(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  return s;
}

// Skips <?xml ...?>, <!-- ... --> and <!DOCTYPE ...> before the first element.
std::string_view skip_prolog(std::string_view s) {
  for (;;) {
    s = skip_space(s);
    size_t end = std::string_view::npos;
    if (s.starts_with("<?")) {
      end = s.find("?>");
      if (end != std::string_view::npos) end += 2;
    } else if (s.starts_with("<!--")) {
      end = s.find("-->");
      if (end != std::string_view::npos) end += 3;
    } else if (s.starts_with("<!")) {
      // A doctype's internal subset ([...]) holds '>' and, in quoted values, ']' of its own declarations.
      end = ingest_detail::declaration_length(s);
    } else {
      return s;
    }
    if (end == std::string_view::npos) return {};
    s.remove_prefix(end);
  }
}

InputFormat from_content(std::string_view head, bool& weak) {
  weak = false;
  if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f && static_cast<unsigned char>(head[1]) == 0x8b) {
    if (gunzip_head(head).starts_with("WARC/")) return InputFormat::warc;
    weak = true;
    return InputFormat::text;
  }
  head = ingest_detail::skip_bom(head);
  std::string_view s = skip_space(head);
  if (s.empty()) {
    weak = true;
    return InputFormat::text;
  }
  if (s.starts_with("WARC/1.")) return InputFormat::warc;
  if (s.front() == '<') {
    std::string_view el = skip_prolog(s);
    std::string lower = ascii_lower(el.substr(0, 16));
    if (lower.starts_with("<rss") || lower.starts_with("<feed") || lower.starts_with("<rdf:rdf") ||
        lower.starts_with("<articles>") || lower.starts_with("<articles "))
      return InputFormat::feed;
    if (el.empty() && s.starts_with("<?xml")) {  // prolog longer than the head
      weak = true;
      return InputFormat::feed;
    }
    return InputFormat::html;
  }
  // An object opens with '{' and a quoted key or '}': "{Updated} Rebels ..." is text.
  const auto object_at = [](std::string_view o) {
    if (!o.starts_with("{")) return false;
    const std::string_view in = skip_space(o.substr(1));
    return in.empty() || in.front() == '"' || in.front() == '}';
  };
  if (s.front() == '{' && object_at(s)) {
    size_t nl = s.find('\n');
    if (nl == std::string_view::npos) {  // first line longer than the head: likely JSONL
      weak = true;
      return InputFormat::jsonl;
    }
    auto j = nlohmann::json::parse(s.substr(0, nl), nullptr, false);
    if (!j.is_discarded() && j.is_object()) return InputFormat::jsonl;
    weak = true;  // a pretty-printed object, or JSONL with a bad first line: read_json tells; a name may say
    return InputFormat::json;
  }
  if (s.front() == '[') {  // an array of objects (text may open with "[Updated]"); a name (".txt") may say text
    std::string_view after = skip_space(s.substr(1));
    if (object_at(after) || (after.starts_with("]") && skip_space(after.substr(1)).empty())) {
      weak = true;
      return InputFormat::json;
    }
  }
  weak = true;
  return InputFormat::text;
}

}  // namespace

InputFormat detect_format(std::string_view head, std::string_view name) {
  bool weak = false;
  InputFormat content = from_content(head, weak);
  if (!weak) return content;
  InputFormat hint = name_hint(name);
  return hint == InputFormat::automatic ? content : hint;
}

}  // namespace dyad
