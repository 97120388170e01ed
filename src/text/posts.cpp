// Paragraphs and embedded social-media posts.
//
// Design: news sites paste an embedded post as its text followed by an
// attribution line "— Name (@handle) May 16, 2024" (em dash, en dash or
// hyphen). The attribution line is recognised by hand (dash, name, "(@handle)",
// a date read by parse_date); it ends a post. The body is the line just above
// it, extended upward over at most kMaxExtraLines more short lines (each at
// most kShortLine code points, the whole body at most kMaxBodyBytes bytes),
// stopping at a line that ends with ':' (the article's lead-in, which is
// article text), at another attribution line, or at a long line.
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>

#include "text/text_internal.h"

namespace dyad::text_detail {
namespace {

constexpr int kMaxExtraLines = 3;
constexpr size_t kShortLine = 280;  // code points
constexpr size_t kMaxBodyBytes = 1000;
constexpr size_t kMaxAttributionBytes = 300;

bool ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Strips ASCII white space and U+00A0 from both ends.
std::string_view trim(std::string_view s) {
  while (true) {
    if (!s.empty() && ascii_space(s.front())) {
      s.remove_prefix(1);
    } else if (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0") {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  while (true) {
    if (!s.empty() && ascii_space(s.back())) {
      s.remove_suffix(1);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

bool handle_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

struct Attribution {
  std::string handle;
  std::string name;
  Date date;
};

// Parses "— Name (@handle) May 16, 2024"; nullopt when the line is not one.
std::optional<Attribution> parse_attribution(std::string_view line) {
  if (line.size() > kMaxAttributionBytes) return std::nullopt;
  if (line.substr(0, 3) == "\xE2\x80\x94" || line.substr(0, 3) == "\xE2\x80\x93" ||
      line.substr(0, 3) == "\xE2\x80\x95") {
    line.remove_prefix(3);
  } else if (!line.empty() && line.front() == '-') {
    line.remove_prefix(1);
  } else {
    return std::nullopt;
  }
  size_t open = line.rfind("(@");
  if (open == std::string_view::npos) return std::nullopt;
  size_t h = open + 2;
  size_t e = h;
  while (e < line.size() && handle_char(line[e])) ++e;
  if (e == h || e - h > 50 || e >= line.size() || line[e] != ')') return std::nullopt;
  Attribution a;
  a.handle = std::string(line.substr(h, e - h));
  a.name = std::string(trim(line.substr(0, open)));
  std::string_view rest = trim(line.substr(e + 1));
  if (rest.empty()) return std::nullopt;  // embeds always print the date
  {
    // Keep up to the first four-digit year ("May 16, 2024 at 9:30 AM" -> "May 16, 2024").
    for (size_t k = 0; k + 4 <= rest.size(); ++k) {
      bool year = true;
      for (size_t m = 0; m < 4; ++m) year = year && rest[k + m] >= '0' && rest[k + m] <= '9';
      if (year && (k + 4 == rest.size() || rest[k + 4] < '0' || rest[k + 4] > '9')) {
        rest = rest.substr(0, k + 4);
        break;
      }
    }
    auto d = parse_date(rest);
    if (!d) return std::nullopt;
    a.date = *d;
  }
  return a;
}

}  // namespace

std::vector<Span> split_paragraphs(std::string_view text) {
  std::vector<Span> out;
  size_t b = 0;
  while (b <= text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = trim(text.substr(b, e - b));
    if (!line.empty())
      out.push_back(Span{static_cast<uint32_t>(line.data() - text.data()), static_cast<uint32_t>(line.size())});
    b = e + 1;
  }
  return out;
}

std::vector<ParagraphRole> find_posts(std::string_view text, const std::vector<Span>& paragraphs,
                                      std::vector<Post>& posts) {
  std::vector<ParagraphRole> roles(paragraphs.size());
  // Cheap first test: an attribution line starts with a dash and holds "(@".
  for (size_t p = 1; p < paragraphs.size(); ++p) {
    std::string_view line = paragraphs[p].of(text);
    char first = line.front();
    if (first != '-' && first != '\xE2') continue;
    if (line.find("(@") == std::string_view::npos) continue;
    auto a = parse_attribution(line);
    if (!a) continue;
    if (roles[p - 1].attribution) continue;  // two attribution lines in a row: no body
    size_t top = p - 1;
    size_t bytes = paragraphs[top].length;
    for (int extra = 0; extra < kMaxExtraLines && top > 0; ++extra) {
      size_t above = top - 1;
      std::string_view cand = paragraphs[above].of(text);
      if (roles[above].attribution || roles[above].post >= 0) break;
      if (cand.back() == ':') break;
      if (code_points(cand) > kShortLine) break;
      if (bytes + cand.size() > kMaxBodyBytes) break;
      // A line that is itself an attribution (not yet marked because it
      // failed the body test) also stops the body.
      if (parse_attribution(cand)) break;
      bytes += cand.size();
      top = above;
    }
    Post post;
    post.body = Span{paragraphs[top].offset, paragraphs[p - 1].end() - paragraphs[top].offset};
    post.span = Span{paragraphs[top].offset, paragraphs[p].end() - paragraphs[top].offset};
    post.handle = std::move(a->handle);
    post.name = std::move(a->name);
    post.date = a->date;
    auto index = static_cast<int32_t>(posts.size());
    posts.push_back(std::move(post));
    for (size_t q = top; q < p; ++q) roles[q].post = index;
    roles[p].post = index;
    roles[p].attribution = true;
  }
  return roles;
}

void attach_post_urls(std::string_view text, TextAnalysis& out) {
  if (out.posts.empty()) return;
  for (Post& post : out.posts) {
    auto it = std::lower_bound(out.tokens.begin(), out.tokens.end(), post.body.offset,
                               [](const Token& t, uint32_t off) { return t.span.offset < off; });
    std::string_view status_url;
    std::string_view pic_url;
    for (; it != out.tokens.end() && it->span.end() <= post.body.end(); ++it) {
      if (it->kind != TokenKind::url) continue;
      std::string_view u = it->span.of(text);
      if (pic_url.empty() && u.find("pic.twitter.com/") != std::string_view::npos) pic_url = u;
      if (status_url.empty() && u.find("/status/") != std::string_view::npos &&
          (u.find("twitter.com/") != std::string_view::npos || u.find("x.com/") != std::string_view::npos))
        status_url = u;
    }
    post.url = std::string(!status_url.empty() ? status_url : pic_url);
  }
}

}  // namespace dyad::text_detail
