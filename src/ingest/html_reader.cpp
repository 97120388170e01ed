// HTML pages: main-text extraction over a real parse tree (gumbo).
//
// Design:
//  1. Bytes become UTF-8 first (HTTP or <meta> charset; invalid UTF-8 with no
//     declared charset is read as windows-1252 with a warning).
//  2. One walk over the gumbo tree collects page metadata (og:title, <title>,
//     h1, canonical / og:url, og:site_name, date meta tags, <time datetime>,
//     JSON-LD datePublished) and scores containers: each <p> adds its text
//     length to its parent and half to its grandparent; text directly inside
//     a <div> counts for that div. Boilerplate subtrees are skipped: chrome
//     tags (nav, header, footer, aside, form, script, ...) and elements whose
//     class/id has a token starting with share, social, nav, menu, comment, ...
//  3. The body container is [itemprop=articleBody], else the <article>, else
//     <main> (the one with most paragraph text); when none holds paragraph
//     text, the best-scored container; failing that, <body>.
//  4. Paragraphs come from block elements; inline text is joined with white
//     space collapsed; <br> and lines in <pre> split paragraphs.
#include <gumbo.h>

#include <array>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/unicode.h"
#include "ingest/ingest.h"
#include "ingest/internal.h"

namespace dyad {

using namespace ingest_detail;

namespace {

std::string_view attr(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a != nullptr ? std::string_view(a->value) : std::string_view();
}

bool is_element(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE; }

bool chrome_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_HEAD:
      return true;
    default:
      return false;
  }
}

bool block_tag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

// Does a class/id value carry a boilerplate token ("social-share", "navbar", "comments")?
bool boilerplate_name(std::string_view value) {
  static constexpr std::array<std::string_view, 13> kWords = {
      "share", "social",     "nav",       "menu",   "footer", "comment",   "related",
      "promo", "newsletter", "subscribe", "advert", "cookie", "breadcrumb"};
  size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && std::isalnum(static_cast<unsigned char>(value[i])) == 0) ++i;
    size_t start = i;
    while (i < value.size() && std::isalnum(static_cast<unsigned char>(value[i])) != 0) ++i;
    if (i == start) break;
    std::string token = ascii_lower(value.substr(start, i - start));
    for (std::string_view w : kWords)
      if (std::string_view(token).starts_with(w)) return true;
  }
  return false;
}

bool is_article_body(const GumboNode* n) { return ascii_lower(attr(n, "itemprop")) == "articlebody"; }

// Subtrees never read for text.
bool dropped(const GumboNode* n) {
  if (n->type == GUMBO_NODE_TEMPLATE) return true;
  GumboTag t = n->v.element.tag;
  if (chrome_tag(t)) return true;
  if (gumbo_get_attribute(&n->v.element.attributes, "hidden") != nullptr) return true;
  if (ascii_lower(attr(n, "aria-hidden")) == "true") return true;
  // The page frame and explicit article containers are never dropped for their class names.
  if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN) return false;
  if (is_article_body(n)) return false;
  return boilerplate_name(attr(n, "class")) || boilerplate_name(attr(n, "id"));
}

bool is_space_at(std::string_view s, size_t i, size_t& width) {
  char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    width = 1;
    return true;
  }
  if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {  // no-break space
    width = 2;
    return true;
  }
  return false;
}

// Appends `text` to `out` with white space runs collapsed to one space.
void append_collapsed(std::string& out, std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t w = 1;
    if (is_space_at(text, i, w)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += text[i];
    }
    i += w;
  }
}

// Text content of a subtree (boilerplate skipped), white space collapsed and trimmed.
void gather_text(const GumboNode* n, std::string& out) {
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
    append_collapsed(out, n->v.text.text);
    return;
  }
  if (!is_element(n) || dropped(n)) return;
  if (n->v.element.tag == GUMBO_TAG_BR) out += ' ';
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) gather_text(static_cast<const GumboNode*>(kids.data[i]), out);
}

std::string text_of(const GumboNode* n) {
  std::string s;
  gather_text(n, s);
  return std::string(trim(s));
}

// Paragraph text length under a node (sum of its <p> elements), for comparing candidates.
size_t paragraph_chars(const GumboNode* n) {
  if (!is_element(n) || dropped(n)) return 0;
  if (n->v.element.tag == GUMBO_TAG_P) return text_of(n).size();
  size_t total = 0;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) total += paragraph_chars(static_cast<const GumboNode*>(kids.data[i]));
  return total;
}

struct Walker {
  // metadata
  std::string og_title, title, h1, og_url, canonical, site;
  std::array<std::string, 5> dates;  // by priority: article:published_time, itemprop, name=date.., <time>, JSON-LD
  // candidates
  std::vector<const GumboNode*> article_bodies, articles, mains;
  std::unordered_map<const GumboNode*, size_t> score;
  std::vector<const GumboNode*> scored;  // first-scored order, so ties resolve the same way every run
  const GumboNode* body = nullptr;

  void add_score(const GumboNode* n, size_t amount) {
    auto [it, inserted] = score.try_emplace(n, 0);
    if (inserted) scored.push_back(n);
    it->second += amount;
  }

  void json_ld(std::string_view text) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded()) return;
    find_ld_date(j, 0);
  }
  void find_ld_date(const nlohmann::json& j, int depth) {
    if (depth > 6 || !dates[4].empty()) return;
    if (j.is_object()) {
      if (auto it = j.find("datePublished"); it != j.end() && it->is_string()) {
        dates[4] = it->get<std::string>();
        return;
      }
      for (const auto& [k, v] : j.items()) find_ld_date(v, depth + 1);
    } else if (j.is_array()) {
      for (const auto& v : j) find_ld_date(v, depth + 1);
    }
  }

  void meta(const GumboNode* n) {
    std::string key = ascii_lower(!attr(n, "property").empty() ? attr(n, "property") : attr(n, "name"));
    std::string_view content = attr(n, "content");
    auto set = [&](std::string& slot) {
      if (slot.empty()) slot = std::string(trim(content));
    };
    if (key == "og:title") set(og_title);
    if (key == "og:url") set(og_url);
    if (key == "og:site_name") set(site);
    if (key == "article:published_time") set(dates[0]);
    if (key == "date" || key == "pubdate" || key == "dc.date.issued" || key == "dcterms.issued") set(dates[2]);
  }

  // `chrome`: inside a dropped subtree, where only metadata (h1, <time>, meta) is still read.
  void walk(const GumboNode* n, const GumboNode* parent, const GumboNode* grand, bool chrome) {
    if (n->type == GUMBO_NODE_TEXT) {
      if (!chrome && parent != nullptr && parent->v.element.tag == GUMBO_TAG_DIV)
        add_score(parent, trim(std::string_view(n->v.text.text)).size());
      return;
    }
    if (!is_element(n)) return;
    GumboTag t = n->v.element.tag;
    switch (t) {
      case GUMBO_TAG_TITLE:
        if (title.empty()) title = text_of(n);
        return;
      case GUMBO_TAG_META:
        meta(n);
        return;
      case GUMBO_TAG_LINK:
        if (canonical.empty() && ascii_lower(attr(n, "rel")) == "canonical") canonical = trim(attr(n, "href"));
        return;
      case GUMBO_TAG_SCRIPT:
        if (ascii_lower(attr(n, "type")) == "application/ld+json" && n->v.element.children.length > 0) {
          const auto* child = static_cast<const GumboNode*>(n->v.element.children.data[0]);
          if (child->type == GUMBO_NODE_TEXT) json_ld(child->v.text.text);
        }
        return;
      case GUMBO_TAG_BODY:
        if (body == nullptr) body = n;
        break;
      default:
        break;
    }
    if (ascii_lower(attr(n, "itemprop")) == "datepublished" && dates[1].empty()) {
      std::string_view v = !attr(n, "content").empty() ? attr(n, "content") : attr(n, "datetime");
      dates[1] = v.empty() ? text_of(n) : std::string(trim(v));
    }
    if (t == GUMBO_TAG_TIME && dates[3].empty()) dates[3] = trim(attr(n, "datetime"));
    if (t == GUMBO_TAG_H1 && h1.empty()) h1 = text_of(n);
    if (t == GUMBO_TAG_STYLE || t == GUMBO_TAG_SVG || t == GUMBO_TAG_MATH) return;
    if (t != GUMBO_TAG_HTML && t != GUMBO_TAG_HEAD && dropped(n)) chrome = true;
    if (!chrome && is_article_body(n)) article_bodies.push_back(n);
    if (!chrome && t == GUMBO_TAG_ARTICLE) articles.push_back(n);
    if (!chrome && t == GUMBO_TAG_MAIN) mains.push_back(n);
    if (!chrome && t == GUMBO_TAG_P) {
      size_t len = text_of(n).size();
      if (parent != nullptr) add_score(parent, len);
      if (grand != nullptr) add_score(grand, len / 2);
      return;
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) walk(static_cast<const GumboNode*>(kids.data[i]), n, parent, chrome);
  }
};

// Collects paragraphs from a container.
struct Paragraphs {
  std::string out;
  std::string cur;

  void flush() {
    std::string_view t = trim(cur);
    if (!t.empty()) {
      if (!out.empty()) out += '\n';
      out.append(t);
    }
    cur.clear();
  }

  void walk(const GumboNode* n, bool pre) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      std::string_view text = n->v.text.text;
      if (!pre) {
        append_collapsed(cur, text);
        return;
      }
      for (size_t start = 0; start <= text.size();) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        append_collapsed(cur, text.substr(start, nl - start));
        if (nl < text.size()) flush();
        start = nl + 1;
      }
      return;
    }
    if (!is_element(n) || dropped(n)) return;
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_H1) return;  // the headline is the title, not body text
    if (t == GUMBO_TAG_BR) {
      flush();
      return;
    }
    bool block = block_tag(t);
    if (block) flush();
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i)
      walk(static_cast<const GumboNode*>(kids.data[i]), pre || t == GUMBO_TAG_PRE);
    if (block) flush();
  }
};

const GumboNode* best_of(const std::vector<const GumboNode*>& nodes) {
  const GumboNode* best = nullptr;
  size_t best_chars = 0;
  for (const GumboNode* n : nodes) {
    size_t c = paragraph_chars(n);
    if (c > best_chars) {
      best = n;
      best_chars = c;
    }
  }
  return best;
}

const GumboNode* find_child(const GumboNode* n, GumboTag tag) {
  if (n == nullptr || !is_element(n)) return nullptr;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* k = static_cast<const GumboNode*>(kids.data[i]);
    if (is_element(k) && k->v.element.tag == tag) return k;
  }
  return nullptr;
}

}  // namespace

namespace ingest_detail {

HtmlAnalysis analyze_html(std::string_view utf8_html, bool fragment) {
  HtmlAnalysis result;
  GumboOptions opts = kGumboDefaultOptions;
  opts.max_errors = 50;  // we do not read gumbo's error list; keep it short
  GumboOutput* out = gumbo_parse_with_options(&opts, utf8_html.data(), utf8_html.size());
  if (out == nullptr) return result;
  const GumboNode* root = out->root;

  Walker w;
  w.walk(root, nullptr, nullptr, false);

  const GumboNode* container = fragment ? w.body : best_of(w.article_bodies);
  if (container == nullptr) container = best_of(w.articles);
  if (container == nullptr) container = best_of(w.mains);
  if (container == nullptr) {
    size_t best = 0;
    for (const GumboNode* node : w.scored) {
      if (w.score[node] > best) {
        best = w.score[node];
        container = node;
      }
    }
    if (best == 0) container = nullptr;
  }
  if (container == nullptr) container = w.body != nullptr ? w.body : root;

  Paragraphs p;
  p.walk(container, false);

  HtmlExtract& ex = result.extract;
  ex.title = one_line(!w.og_title.empty() ? w.og_title : !w.title.empty() ? w.title : w.h1);
  ex.text = prepare_text(p.out);
  ex.url = !w.canonical.empty() ? w.canonical : w.og_url;
  ex.site = one_line(w.site);
  for (const std::string& d : w.dates) {
    if (d.empty()) continue;
    if (auto parsed = parse_date(d)) {
      ex.published = parsed;
      break;
    }
    if (result.unparsed_date.empty()) result.unparsed_date = d;
  }
  if (ex.published) result.unparsed_date.clear();

  // Ended early: an explicit <html> or <body> start tag whose end tag never came.
  const GumboNode* body = find_child(root, GUMBO_TAG_BODY);
  bool explicit_start =
      root->v.element.original_tag.length > 0 || (body != nullptr && body->v.element.original_tag.length > 0);
  bool closed =
      root->v.element.original_end_tag.length > 0 || (body != nullptr && body->v.element.original_end_tag.length > 0);
  result.truncated = explicit_start && !closed;

  gumbo_destroy_output(&opts, out);
  return result;
}

Article html_article(const HtmlAnalysis& page, std::string_view name, const ErrorSink& on_error) {
  if (page.truncated)
    report(on_error, name, 0, "HTML page ended early (no closing </body> or </html>); delivering the text read", true);
  Article a;
  a.title = page.extract.title;
  a.text = page.extract.text;
  a.url = page.extract.url;
  a.source = page.extract.site;
  if (page.extract.published) {
    a.published = *page.extract.published;
    a.published_origin = DateOrigin::input;
  } else if (!page.unparsed_date.empty()) {
    report(on_error, name, 0,
           "unparseable date '" + page.unparsed_date.substr(0, 80) + "' in page metadata; date left unknown", true);
  }
  return a;
}

namespace {
bool is_utf8_name(std::string_view cs) { return cs == "utf-8" || cs == "utf8" || cs == "us-ascii" || cs == "ascii"; }

// The charset named by a <meta charset> or <meta http-equiv content> in the first 4 KiB.
std::string meta_charset(std::string_view bytes) {
  std::string head = ascii_lower(bytes.substr(0, 4096));
  for (size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    size_t end = head.find('>', at);
    if (end == std::string::npos) break;
    std::string cs = charset_param(std::string_view(head).substr(at, end - at));
    if (!cs.empty()) return cs;
  }
  return {};
}
}  // namespace

std::string html_to_utf8(std::string_view bytes, std::string_view declared, std::string& warning) {
  std::string cs = ascii_lower(trim(declared));
  if (cs.empty()) cs = meta_charset(bytes);
  if (!cs.empty() && !is_utf8_name(cs)) {
    // Browsers read ISO-8859-1 as windows-1252; so do we.
    std::string name = (cs == "iso-8859-1" || cs == "latin1" || cs == "latin-1") ? "windows-1252" : cs;
    auto converted = to_utf8(bytes, name);
    if (converted.ok()) return std::move(converted).value();
    warning = "unknown charset '" + cs + "'; read as UTF-8";
  }
  auto bad = find_invalid_utf8(bytes);
  if (!bad) return std::string(bytes);
  if (cs.empty()) {
    auto converted = to_utf8(bytes, "windows-1252");
    if (converted.ok()) {
      warning = "invalid UTF-8 at line " + std::to_string(bad->line) + " and no declared charset; read as windows-1252";
      return std::move(converted).value();
    }
  }
  warning = "invalid UTF-8 at line " + std::to_string(bad->line) + "; bad bytes replaced";
  return repair_utf8(bytes);
}

}  // namespace ingest_detail

HtmlExtract extract_html(std::string_view html) { return analyze_html(html).extract; }

void read_html(std::string_view name, std::string_view bytes, const IngestOptions& options,
               const ArticleSink& on_article, const ErrorSink& on_error) {
  if (trim(bytes).empty()) {
    report(on_error, name, 0, bytes.empty() ? "empty file; skipped" : "file holds only white space; skipped");
    return;
  }
  if (bytes.size() > options.max_markup_bytes) {
    report(on_error, name, 0,
           "HTML page is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
               std::to_string(options.max_markup_bytes) + " bytes; skipped without parsing");
    return;
  }
  if (looks_binary(bytes)) {
    report(on_error, name, 0, "binary file (NUL or control bytes), not HTML; skipped");
    return;
  }
  std::string warning;
  std::string html = html_to_utf8(bytes, "", warning);
  if (!warning.empty()) report(on_error, name, 0, warning, true);
  Article a = html_article(analyze_html(html), name, on_error);
  a.id = stem_of(name);
  a.origin = std::string(name);
  deliver(std::move(a), name, 0, options, on_article, on_error);
}

}  // namespace dyad
