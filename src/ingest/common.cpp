// Shared ingest helpers: paragraph clean-up, date handling, the final checks
// every article passes before it is delivered.
//
// Design: each reader turns its own format into an Article with raw text,
// then calls deliver(), so the size limit, the --published default and the
// "{}" metadata rule are applied in one place for all formats.
#include <cctype>
#include <filesystem>

#include "core/date.h"
#include "core/lines.h"
#include "core/unicode.h"
#include "ingest/internal.h"

namespace dyad::ingest_detail {

namespace {
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }
}  // namespace

std::string clean_paragraphs(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  LineCursor lines(text);
  for (std::string_view line; lines.next(line);) {
    while (!line.empty() && is_blank(line.front())) line.remove_prefix(1);
    while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
    // U+00A0 (no-break space) at the ends counts as space too.
    while (line.size() >= 2 && line.substr(0, 2) == "\xC2\xA0") line.remove_prefix(2);
    while (line.size() >= 2 && line.substr(line.size() - 2) == "\xC2\xA0") line.remove_suffix(2);
    if (!line.empty()) {
      if (!out.empty()) out += '\n';
      out.append(line);
    }
  }
  return out;
}

std::string prepare_text(std::string_view utf8) { return clean_paragraphs(normalize_text(utf8)); }

std::string one_line(std::string_view utf8) {
  std::string norm = normalize_text(utf8);
  std::string out;
  out.reserve(norm.size());
  bool space = false;
  for (char c : norm) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string stem_of(std::string_view name) {
  if (name == "-" || name.empty()) return "stdin";
  std::string stem = std::filesystem::path(name).stem().string();
  return stem.empty() ? std::string(name) : stem;
}

void report(const ErrorSink& on_error, std::string_view name, uint64_t line, std::string message, bool warning) {
  if (!on_error) return;
  // One line of valid UTF-8 whatever the input held: a parser's reason quotes the bytes it read ("last read:
  // '\xA1'") and libxml2's may span lines ("indicate encoding !\nBytes: 0xFF ...").
  if (find_invalid_utf8(message)) message = repair_utf8(message);
  for (char& c : message)
    if (static_cast<unsigned char>(c) < 0x20 || c == '\x7F') c = ' ';
  on_error(Error{std::string(name), line, std::move(message), warning});
}

void set_published(Article& article, std::string_view raw, std::string_view name, uint64_t line,
                   const ErrorSink& on_error) {
  std::string_view t = trim(raw);
  if (t.empty()) return;
  if (auto d = parse_date(t)) {
    article.published = *d;
    article.published_origin = DateOrigin::input;
    return;
  }
  report(on_error, name, line, "unparseable date '" + std::string(t.substr(0, 80)) + "'; date left unknown", true);
}

bool deliver(Article&& article, std::string_view name, uint64_t line, const IngestOptions& options,
             const ArticleSink& on_article, const ErrorSink& on_error) {
  if (article.text.empty()) {
    report(on_error, name, line, "article '" + article.id + "' has no text; skipped");
    return false;
  }
  if (article.text.size() > options.max_article_bytes) {
    report(on_error, name, line,
           "article '" + article.id + "' is " + std::to_string(article.text.size()) + " bytes, over the limit of " +
               std::to_string(options.max_article_bytes) + " bytes; skipped");
    return false;
  }
  if (!article.published.known() && options.published && options.published->known()) {
    article.published = *options.published;
    article.published_origin = DateOrigin::input;
  }
  if (!article.published.known()) article.published_origin = DateOrigin::unknown;
  if (article.metadata.empty()) article.metadata = "{}";
  if (article.origin.empty()) article.origin = line > 0 ? std::string(name) + ":" + std::to_string(line) : name;
  if (on_article) on_article(std::move(article));
  return true;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view skip_bom(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  return s;
}

size_t declaration_length(std::string_view s) {
  bool subset = false;
  size_t i = 2;  // past "<!"
  // Skips from `i` past the next `close`; false when there is none.
  const auto skip_past = [&](std::string_view close, size_t from) {
    const size_t end = s.find(close, from);
    if (end == std::string_view::npos) return false;
    i = end + close.size();
    return true;
  };
  while (i < s.size()) {
    const char c = s[i];
    if (c == '"' || c == '\'') {
      if (!skip_past(std::string_view(&c, 1), i + 1)) return std::string_view::npos;
    } else if (subset && s.substr(i).starts_with("<!--")) {
      if (!skip_past("-->", i + 4)) return std::string_view::npos;
    } else if (subset && s.substr(i).starts_with("<?")) {
      if (!skip_past("?>", i + 2)) return std::string_view::npos;
    } else {
      if (c == '>' && !subset) return i + 1;
      if (c == '[') subset = true;
      if (c == ']') subset = false;
      ++i;
    }
  }
  return std::string_view::npos;
}

std::string charset_param(std::string_view content_type) {
  std::string lower = ascii_lower(content_type);
  size_t at = lower.find("charset");
  if (at == std::string::npos) return {};
  at += 7;
  while (at < lower.size() && (lower[at] == ' ' || lower[at] == '\t')) ++at;
  if (at >= lower.size() || lower[at] != '=') return {};
  ++at;
  while (at < lower.size() && (lower[at] == ' ' || lower[at] == '"' || lower[at] == '\'')) ++at;
  size_t end = at;
  while (end < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[end])) != 0 || lower[end] == '-' ||
                                lower[end] == '_' || lower[end] == ':' || lower[end] == '.'))
    ++end;
  return lower.substr(at, end - at);
}

}  // namespace dyad::ingest_detail
