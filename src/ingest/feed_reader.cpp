// RSS 2.0 / RSS 1.0 (RDF) / Atom feeds: one article per item or entry (libxml2); XML article
// collections (<articles><article><title>, <link>, <text>), the layout of research news corpora,
// one article per <article>.
//
// Design: the whole feed is parsed in recovery mode with network access and
// error output off, so a truncated or slightly broken feed still gives the
// items read before the damage. A parse that was not well-formed is skipped
// input (an error naming the file) when it cost items: fewer items read than
// the feed's text holds start tags of, or a document cut inside its root
// element; damage that cost none (junk after the root element, a tag recovery
// closed) is a warning. Item bodies are HTML (content:encoded,
// description, Atom content/summary of type html/xhtml) and go through the
// same main-text extraction as pages, read as a fragment; a body holding
// elements (HTML written into the feed unescaped) is read as its markup, so
// its '<p>' and '<br/>' still part paragraphs.
//
// Real-world feeds are often written by HTML templates: a bare '&' in a link
// ("?a=1&b=2") or an HTML entity such as &nbsp; that XML does not define. Once
// libxml2 has seen one, recovery mode drops every later entity reference of the
// document, so one bad '&' in the first item would corrupt all that follow.
// Before parsing, references are therefore repaired outside CDATA sections,
// comments and the doctype: an HTML 4 named entity (libxml2's HTML table) becomes
// its numeric character reference, and an '&' that starts no valid reference
// (or names an entity neither XML, HTML nor the internal DTD subset defines) is
// escaped to "&amp;". An HTML element left open outside CDATA (a void one such
// as "<br>" or "<img ...>", or a "<p>" never closed, in a description) would
// hold every later item as its content: its '<' is escaped, so the element
// holding it reads it as text (whether each tag's end tag comes before its
// parent's end is found for all tags in one pass, TagEnds). That repair
// is only made when the feed does not parse without it, and kept only when it
// costs no item (the parse with it is well-formed, or reads as many items as
// the one without): a tag whose end tag comes before its parent's end
// ("<link><![CDATA[...]]></link>" in RSS) is XML, and a well-formed feed is
// read as written. One warning says how many of each were repaired.
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>

#include "core/unicode.h"
#include "ingest/ingest.h"
#include "ingest/internal.h"

namespace dyad {

using namespace ingest_detail;

namespace {

constexpr const char* kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr const char* kDcNs = "http://purl.org/dc/elements/1.1/";

std::string_view local_name(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

bool in_ns(const xmlNode* n, const char* href) {
  return n->ns != nullptr && n->ns->href != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(n->ns->href), href) == 0;
}

// Element children only.
template <class F>
void each_child(const xmlNode* n, F&& f) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next)
    if (c->type == XML_ELEMENT_NODE) f(c);
}

const xmlNode* child(const xmlNode* n, std::string_view name) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next)
    if (c->type == XML_ELEMENT_NODE && local_name(c) == name) return c;
  return nullptr;
}

std::string content(const xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  if (c == nullptr) return {};
  std::string s(reinterpret_cast<const char*>(c));
  xmlFree(c);
  return s;
}

std::string prop(const xmlNode* n, const char* name) {
  xmlChar* c = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (c == nullptr) return {};
  std::string s(reinterpret_cast<const char*>(c));
  xmlFree(c);
  return s;
}

// The children of an element serialised as markup (Atom type="xhtml").
std::string inner_xml(const xmlNode* n) {
  std::unique_ptr<xmlBuffer, void (*)(xmlBuffer*)> buf(xmlBufferCreate(), xmlBufferFree);
  for (xmlNode* c = n->children; c != nullptr; c = c->next) xmlNodeDump(buf.get(), n->doc, c, 0, 0);
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buf.get())),
                     static_cast<size_t>(xmlBufferLength(buf.get())));
}

// True when `n` holds an element.
bool has_element_child(const xmlNode* n) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next)
    if (c->type == XML_ELEMENT_NODE) return true;
  return false;
}

// The children of `n` as HTML source: elements as tags (attributes escaped, no end tag for a void one), text as it is,
// since the text of an item body is HTML source already (escaped in the feed, in CDATA, or a tag the open-element
// repair escaped).
void append_html_source(const xmlNode* n, std::string& out) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content != nullptr) out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ENTITY_REF_NODE) {
      out += content(c);
    } else if (c->type == XML_ELEMENT_NODE) {
      const std::string name(local_name(c));
      out += "<" + name;
      for (const xmlAttr* a = c->properties; a != nullptr; a = a->next) {
        xmlChar* v = xmlNodeListGetString(c->doc, a->children, 1);  // entities replaced
        out += " " + std::string(reinterpret_cast<const char*>(a->name)) + "=\"";
        if (v != nullptr) {
          for (const char* k = reinterpret_cast<const char*>(v); *k != '\0'; ++k)
            out += *k == '"' ? std::string("&quot;") : *k == '&' ? std::string("&amp;") : std::string(1, *k);
          xmlFree(v);
        }
        out += "\"";
      }
      out += ">";
      append_html_source(c, out);
      const htmlElemDesc* desc = htmlTagLookup(c->name);
      if (desc == nullptr || desc->empty == 0) out += "</" + name + ">";  // "<br></br>" would be two breaks
    }
  }
}

// An item body: HTML source with its elements as tags when it holds elements (HTML written into the feed
// unescaped and well-formed, "<description><p>a</p><p>b</p></description>", whose text alone would run the
// paragraphs together), else its text (HTML escaped or in CDATA, or plain text).
std::string body_of(const xmlNode* n) {
  if (!has_element_child(n)) return content(n);
  std::string out;
  append_html_source(n, out);
  return out;
}

struct Item {
  std::string id, title, link, date, body, author;
  bool body_is_html = true;
  std::vector<std::string> categories;
};

Item rss_item(const xmlNode* item) {
  Item it;
  std::string encoded, description, dc_date, dc_creator;
  each_child(item, [&](const xmlNode* c) {
    std::string_view n = local_name(c);
    if (n == "title" && it.title.empty()) it.title = content(c);
    if (n == "link" && it.link.empty()) it.link = trim(content(c));
    if (n == "guid" && it.id.empty()) it.id = trim(content(c));
    if (n == "pubDate" && it.date.empty()) it.date = content(c);
    if (n == "date" && in_ns(c, kDcNs) && dc_date.empty()) dc_date = content(c);
    if (n == "creator" && in_ns(c, kDcNs) && dc_creator.empty()) dc_creator = content(c);
    if (n == "author" && it.author.empty()) it.author = trim(content(c));
    if (n == "encoded" && in_ns(c, kContentNs) && encoded.empty()) encoded = body_of(c);
    if (n == "description" && description.empty()) description = body_of(c);
    if (n == "category") it.categories.emplace_back(trim(content(c)));
  });
  if (it.date.empty()) it.date = dc_date;
  if (it.author.empty()) it.author = trim(dc_creator);
  it.body = !trim(encoded).empty() ? encoded : description;
  if (it.id.empty()) it.id = trim(prop(item, "about"));  // RSS 1.0 rdf:about
  return it;
}

Item atom_entry(const xmlNode* entry) {
  Item it;
  std::string published, updated, summary, body;
  bool summary_html = false;
  bool body_html = false;
  const xmlNode* body_node = nullptr;
  each_child(entry, [&](const xmlNode* c) {
    std::string_view n = local_name(c);
    if (n == "title" && it.title.empty()) it.title = content(c);
    if (n == "id" && it.id.empty()) it.id = trim(content(c));
    if (n == "published" && published.empty()) published = content(c);
    if (n == "updated" && updated.empty()) updated = content(c);
    if (n == "link") {
      std::string rel = prop(c, "rel");
      if ((rel.empty() || rel == "alternate") && it.link.empty()) it.link = trim(prop(c, "href"));
    }
    if (n == "author" && it.author.empty()) {
      if (const xmlNode* name = child(c, "name")) it.author = trim(content(name));
    }
    if (n == "category") {
      std::string term = prop(c, "term");
      if (!term.empty()) it.categories.push_back(term);
    }
    if ((n == "content" && body_node == nullptr) || (n == "summary" && summary.empty())) {
      std::string type = ascii_lower(prop(c, "type"));
      bool xhtml = type == "xhtml" || type == "application/xhtml+xml";
      // elements inside (HTML written unescaped, whatever the type says) are markup as well
      bool html = xhtml || has_element_child(c) || type == "html" || type == "text/html";
      std::string text = xhtml ? inner_xml(c) : body_of(c);
      if (n == "content") {
        body_node = c;
        body = std::move(text);
        body_html = html;
      } else {
        summary = std::move(text);
        summary_html = html;
      }
    }
  });
  it.date = !trim(published).empty() ? published : updated;
  if (!trim(body).empty()) {
    it.body = std::move(body);
    it.body_is_html = body_html;
  } else {
    it.body = std::move(summary);
    it.body_is_html = summary_html;
  }
  return it;
}

// An article of an XML article collection (<articles><article>...): the layout research news
// corpora such as GeoWebNews use. The body is plain text; a date and an id are read if given.
Item collection_article(const xmlNode* article) {
  Item it;
  it.body_is_html = false;
  each_child(article, [&](const xmlNode* c) {
    std::string_view n = local_name(c);
    if (n == "title" && it.title.empty()) it.title = content(c);
    if ((n == "link" || n == "url") && it.link.empty()) it.link = trim(content(c));
    if ((n == "date" || n == "published") && it.date.empty()) it.date = content(c);
    if ((n == "text" || n == "body") && it.body.empty()) it.body = content(c);
  });
  it.id = trim(prop(article, "id"));
  return it;
}

// False when the article was skipped (no text, over the size limit; reported).
bool deliver_item(Item&& it, const xmlNode* node, size_t index, std::string_view name, std::string_view feed_title,
                  const IngestOptions& options, const ArticleSink& on_article, const ErrorSink& on_error) {
  auto line = static_cast<uint64_t>(xmlGetLineNo(node) > 0 ? xmlGetLineNo(node) : 0);
  Article a;
  a.id = !it.id.empty() ? it.id : !it.link.empty() ? it.link : stem_of(name) + ":item" + std::to_string(index);
  if (it.body_is_html && it.body.size() > options.max_markup_bytes) {
    report(on_error, name, line,
           "item " + std::to_string(index) + " ('" + a.id + "') has an HTML body of " + std::to_string(it.body.size()) +
               " bytes, over the limit of " + std::to_string(options.max_markup_bytes) +
               " bytes; skipped without parsing");
    return false;
  }
  a.url = it.link;
  a.source = one_line(feed_title);
  a.title = one_line(it.title);
  a.text = it.body_is_html ? analyze_html(repair_utf8(it.body), true).extract.text : prepare_text(it.body);
  a.origin = line > 0 ? std::string(name) + ":" + std::to_string(line) : std::string(name);
  set_published(a, it.date, name, line, on_error);
  nlohmann::json meta = nlohmann::json::object();
  if (!a.source.empty()) meta["feed_title"] = a.source;
  if (!it.author.empty()) meta["author"] = one_line(it.author);
  if (!it.categories.empty()) meta["categories"] = it.categories;
  a.metadata = meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return deliver(std::move(a), name, line, options, on_article, on_error);
}

bool name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9') || c == '.' || c == '-'; }

// Names declared with <!ENTITY name ...> in the document's internal DTD subset.
std::vector<std::string> declared_entities(std::string_view bytes) {
  std::vector<std::string> names;
  size_t at = 0;
  while ((at = bytes.find("<!ENTITY", at)) != std::string_view::npos) {
    at += 8;
    size_t i = at;
    while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r')) ++i;
    size_t start = i;
    while (i < bytes.size() && name_char(bytes[i])) ++i;
    if (i > start) names.emplace_back(bytes.substr(start, i - start));
  }
  return names;
}

struct Repairs {
  size_t bare = 0, html = 0, open = 0;                   // '&' escaped; HTML entities turned into character
                                                         // references; HTML elements left open, escaped
  uint64_t bare_line = 0, html_line = 0, open_line = 0;  // line of the first of each
  std::string first_bare, first_html, first_open;        // what the first of each looked like
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// `rest` opens with "</": true when it closes the element `name` (ASCII case ignored).
bool closes(std::string_view rest, std::string_view name) {
  if (rest.size() < name.size() + 2) return false;
  if (ascii_lower(rest.substr(2, name.size())) != ascii_lower(name)) return false;
  return rest.size() == name.size() + 2 || is_space(rest[name.size() + 2]) || rest[name.size() + 2] == '>';
}

// Whether each start tag of the feed has its end tag before the end of the element holding it: the tag's content
// and everything after it read until its own end tag (true), the end tag of an element started before it (false),
// or the end of the text (false). CDATA sections, comments, processing instructions and declarations are passed
// over; elements that start and end in between are nested in it ("<p>a<p>b</p>": the inner one ends first); an end
// tag of an HTML void element that nothing holding it is named by ("</br>") ends nothing, and closes a void element
// of its name left before it. Attribute values are part of their tag.
//
// One pass with a stack of the elements left open, each answered when it leaves the stack: an end tag ends the
// innermost open element of its name (true) and every one opened after it (false); an end tag that names no open
// element is the end of the parent of every open one (false). A void element ("<br>") is never open, and is
// answered by the first end tag that ends an element opened before it (false) or names it (true). Every tag is
// read once and every element leaves the stack once: linear in the feed, where a scan from each tag to its
// parent's end went quadratic on a feed of many tags left open (50,000 "<p>" in one item).
class TagEnds {
 public:
  explicit TagEnds(std::string_view xml) {
    struct Open {
      std::string name;  // lower-cased
      size_t slot;       // in answers_, or npos for a name HTML does not define
    };
    struct Void {
      size_t slot;
      size_t depth;  // elements open when it was read
    };
    std::vector<Open> open;
    std::vector<Void> voids;                                     // unanswered ones last; depth never falls
    std::unordered_map<std::string, std::vector<size_t>> named;  // void slots by name
    auto answer = [&](size_t slot, bool closed) {
      if (slot != std::string_view::npos && answers_[slot].second < 0) answers_[slot].second = closed ? 1 : 0;
    };
    auto end_all = [&] {  // the parent of every open element and void element ends
      for (const Open& o : open) answer(o.slot, false);
      for (const Void& v : voids) answer(v.slot, false);
      open.clear();
      voids.clear();
      named.clear();
    };
    size_t i = xml.find('<');
    while (i != std::string_view::npos) {
      const std::string_view rest = xml.substr(i);
      size_t skip = 1;
      if (rest.starts_with("<![CDATA[") || rest.starts_with("<!--") || rest.starts_with("<?")) {
        const std::string_view close = rest[1] == '?' ? "?>" : rest[2] == '[' ? "]]>" : "-->";
        const size_t end = rest.find(close);
        if (end == std::string_view::npos) break;
        skip = end + close.size();
      } else if (rest.starts_with("<!")) {
        skip = declaration_length(rest);
        if (skip == std::string_view::npos) break;
      } else if (rest.starts_with("</")) {
        size_t j = 2;
        while (j < rest.size() && name_char(rest[j])) ++j;
        const std::string end_name = ascii_lower(rest.substr(2, j - 2));
        size_t at = open.size();
        while (at > 0 && open[at - 1].name != end_name) --at;
        if (at > 0) {  // ends open[at - 1] and every element opened after it, and the void ones read since
          answer(open[at - 1].slot, true);
          for (size_t k = at; k < open.size(); ++k) answer(open[k].slot, false);
          open.resize(at - 1);
          while (!voids.empty() && voids.back().depth > at - 1) {
            answer(voids.back().slot, false);
            voids.pop_back();
          }
        } else {
          const htmlElemDesc* desc = htmlTagLookup(reinterpret_cast<const xmlChar*>(end_name.c_str()));
          if (desc == nullptr || desc->empty == 0) {
            end_all();
          } else if (auto it = named.find(end_name); it != named.end()) {  // "</br>" closes the "<br>" before it
            for (size_t slot : it->second) answer(slot, true);
            named.erase(it);
          }
        }
        skip = j;
      } else if (rest.size() > 1 && name_start(rest[1])) {
        size_t j = 1;
        while (j < rest.size() && name_char(rest[j])) ++j;
        std::string start_name = ascii_lower(rest.substr(1, j - 1));
        char quote = 0;  // the end of the tag, past quoted attribute values
        for (; j < rest.size(); ++j) {
          if (quote != 0) {
            if (rest[j] == quote) quote = 0;
          } else if (rest[j] == '"' || rest[j] == '\'') {
            quote = rest[j];
          } else if (rest[j] == '>' || rest[j] == '<') {
            break;
          }
        }
        const bool self_closed = j < rest.size() && rest[j] == '>' && rest[j - 1] == '/';
        const htmlElemDesc* desc = htmlTagLookup(reinterpret_cast<const xmlChar*>(start_name.c_str()));
        size_t slot = std::string_view::npos;
        if (desc != nullptr) {
          slot = answers_.size();
          answers_.emplace_back(i, -1);
        }
        if (self_closed) {
          answer(slot, false);  // never a candidate: the caller passes over a tag closed by "/>"
        } else if (desc == nullptr || desc->empty == 0) {
          open.push_back({std::move(start_name), slot});
        } else {
          voids.push_back({slot, open.size()});
          named[start_name].push_back(slot);
        }
        skip = j;
      }
      i = xml.find('<', i + std::max<size_t>(skip, 1));
    }
    // the text ends (or a section left open cuts it) before the end tag of whatever is left unanswered
  }

  /// The answer for the start tag whose '<' is at `offset`; false for an offset where no start tag of an HTML name
  /// was read (a '<' inside an attribute value or a processing instruction, which XML reads as no tag either).
  [[nodiscard]] bool closed(size_t offset) const {
    const auto it = std::lower_bound(answers_.begin(), answers_.end(), std::make_pair(offset, int8_t{-1}));
    return it != answers_.end() && it->first == offset && it->second == 1;
  }

 private:
  std::vector<std::pair<size_t, int8_t>> answers_;  // (offset of '<', 1 closed / 0 not / -1 unanswered), by offset
};

// `rest` opens with '<' and a name: the length of the start tag of an HTML element (libxml2's HTML table says which
// names are HTML) left open there: a void one ("<br>", "<img src=\"a.jpg\">") or one whose end tag never comes
// ("<p>" in a description), else 0. A tag closed by "/>",
// a prefixed name, and a tag whose own end tag follows before the end of its parent element ("<link>url</link>"
// in RSS, with CDATA or a comment inside or not, "<source url=...>name</source>") are XML and are left alone.
size_t open_html_tag(std::string_view rest, size_t offset, const TagEnds& ends) {
  size_t j = 1;
  while (j < rest.size() && name_char(rest[j])) ++j;
  const std::string name(rest.substr(1, j - 1));
  if (name.find(':') != std::string::npos) return 0;
  const htmlElemDesc* desc = htmlTagLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
  if (desc == nullptr) return 0;
  if (j < rest.size() && rest[j] != '>' && rest[j] != '/' && !is_space(rest[j])) return 0;
  // The end of the tag, past quoted attribute values.
  char quote = 0;
  for (; j < rest.size(); ++j) {
    const char c = rest[j];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '<') {
      return 0;  // no tag after all
    } else if (c == '>') {
      break;
    }
  }
  if (j >= rest.size() || rest[j - 1] == '/') return 0;
  if (ends.closed(offset)) return 0;
  return j + 1;
}

// The feed with its entity references repaired (see the design note), and with `open_tags` its HTML elements
// left open escaped. Line numbers are kept: no newline is added or removed.
std::string repair_references(std::string_view in, Repairs& r, bool open_tags) {
  const std::vector<std::string> declared = declared_entities(in);
  std::optional<TagEnds> ends;
  if (open_tags) ends.emplace(in);
  std::string out;
  out.reserve(in.size() + in.size() / 64);
  uint64_t line = 1;
  size_t i = 0;
  auto copy_to = [&](size_t end) {  // copies up to `end`
    for (size_t k = i; k < end; ++k) line += in[k] == '\n' ? 1 : 0;
    out.append(in.substr(i, end - i));
    i = end;
  };
  auto copy_through = [&](std::string_view close) {  // copies up to and including `close`
    size_t end = in.find(close, i);
    copy_to(end == std::string_view::npos ? in.size() : end + close.size());
  };
  while (i < in.size()) {
    char c = in[i];
    if (c == '<') {
      std::string_view rest = in.substr(i);
      if (rest.starts_with("<![CDATA[")) {
        copy_through("]]>");
        continue;
      }
      if (rest.starts_with("<!--")) {
        copy_through("-->");
        continue;
      }
      if (open_tags && rest.size() > 1 && name_start(rest[1])) {
        // An HTML element left open ("<br>" or a "<p>" never closed in a description outside CDATA) would hold
        // every later item of the feed as its content: it is escaped, so its element reads it as text ("a<br>b",
        // which an HTML body decodes).
        if (const size_t tag = open_html_tag(rest, i, *ends); tag > 0) {
          if (r.open++ == 0) {
            r.open_line = line;
            r.first_open = std::string(rest.substr(0, std::min<size_t>(tag, 40)));
          }
          out += "&lt;";
          ++i;
          continue;
        }
      }
      if (rest.starts_with("<!DOCTYPE")) {
        // Up to the '>' that closes the doctype, past an internal subset in [...] (quoted values skipped).
        const size_t length = declaration_length(rest);
        copy_to(length == std::string_view::npos ? in.size() : i + length);
        continue;
      }
    }
    if (c == '\n') ++line;
    if (c != '&') {
      out.push_back(c);
      ++i;
      continue;
    }
    size_t j = i + 1;
    bool valid = false;
    std::string replacement;
    if (j < in.size() && in[j] == '#') {
      ++j;
      bool hex = j < in.size() && (in[j] == 'x' || in[j] == 'X');
      if (hex) ++j;
      size_t digits = j;
      while (j < in.size() && (hex ? std::isxdigit(static_cast<unsigned char>(in[j])) != 0
                                   : std::isdigit(static_cast<unsigned char>(in[j])) != 0))
        ++j;
      valid = j > digits && j < in.size() && in[j] == ';';
      // a number XML allows no character for ("&#0;", "&#x1;", a surrogate) stops libxml2's reading of every
      // later reference, as a bare '&' does: it becomes U+FFFD
      if (valid) {
        unsigned long v = 0;
        for (size_t k = digits; k < j && v <= 0x10FFFF; ++k)
          v = v * (hex ? 16 : 10) +
              static_cast<unsigned long>(std::isdigit(static_cast<unsigned char>(in[k])) != 0
                                             ? in[k] - '0'
                                             : (std::tolower(static_cast<unsigned char>(in[k])) - 'a' + 10));
        const bool allowed = v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) ||
                             (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF);
        if (!allowed) {
          valid = false;
          replacement = "&#xFFFD;";
          if (r.bare++ == 0) {
            r.bare_line = line;
            r.first_bare = std::string(in.substr(i, j + 1 - i));
          }
        }
      }
    } else if (j < in.size() && name_start(in[j])) {
      while (j < in.size() && name_char(in[j])) ++j;
      if (j < in.size() && in[j] == ';') {
        std::string name(in.substr(i + 1, j - i - 1));
        if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos" ||
            std::find(declared.begin(), declared.end(), name) != declared.end()) {
          valid = true;
        } else if (const htmlEntityDesc* e = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()))) {
          replacement = "&#" + std::to_string(e->value) + ";";
          if (r.html++ == 0) {
            r.html_line = line;
            r.first_html = "&" + name + ";";
          }
        }
      }
    }
    if (valid) {
      out.append(in.substr(i, j + 1 - i));
      i = j + 1;
    } else if (!replacement.empty()) {
      out += replacement;
      i = j + 1;
    } else {
      if (r.bare++ == 0) {
        r.bare_line = line;
        r.first_bare = std::string(in.substr(i, std::min<size_t>(j + 1, in.size()) - i));
      }
      out += "&amp;";
      ++i;
    }
  }
  return out;
}

std::string repairs_message(const Repairs& r) {
  std::string m = "feed is not well-formed XML: ";
  if (r.bare > 0)
    m += std::to_string(r.bare) + " '&' starting no entity reference or a number of no XML character (first at line " +
         std::to_string(r.bare_line) + ": \"" + one_line(repair_utf8(r.first_bare)) +
         "\") read as a literal '&' or U+FFFD";
  if (r.bare > 0 && r.html > 0) m += "; ";
  if (r.html > 0)
    m += std::to_string(r.html) + " HTML entity reference(s) XML does not define (first at line " +
         std::to_string(r.html_line) + ": " + r.first_html + ") decoded as HTML";
  if ((r.bare > 0 || r.html > 0) && r.open > 0) m += "; ";
  if (r.open > 0)
    m += std::to_string(r.open) + " HTML element tag(s) left open (first at line " + std::to_string(r.open_line) +
         ": " + one_line(repair_utf8(r.first_open)) + ") read as text of their element, so later items are kept";
  return m;
}

// How many start tags of elements named `local` (with any prefix) `xml` holds outside CDATA sections,
// comments and declarations: the items the feed holds, to tell whether a parse error cost any.
size_t count_start_tags(std::string_view xml, std::string_view local) {
  size_t n = 0;
  size_t i = xml.find('<');
  while (i != std::string_view::npos) {
    const std::string_view rest = xml.substr(i);
    size_t skip = 1;
    if (rest.starts_with("<![CDATA[") || rest.starts_with("<!--")) {
      const size_t end = rest.find(rest[2] == '[' ? "]]>" : "-->");
      if (end == std::string_view::npos) break;
      skip = end + 3;
    } else if (rest.starts_with("<!")) {
      skip = declaration_length(rest);
      if (skip == std::string_view::npos) break;
    } else {
      size_t j = 1;
      while (j < rest.size() && name_char(rest[j])) ++j;
      std::string_view qname = rest.substr(1, j - 1);
      if (const size_t colon = qname.rfind(':'); colon != std::string_view::npos) qname.remove_prefix(colon + 1);
      if (qname == local && (j == rest.size() || rest[j] == '>' || rest[j] == '/' || is_space(rest[j]))) ++n;
    }
    i = xml.find('<', i + skip);
  }
  return n;
}

// True when `xml` holds the end tag of the root element `root` (the document was not cut inside it).
bool root_closed(std::string_view xml, const xmlNode* root) {
  std::string qname(local_name(root));
  if (root->ns != nullptr && root->ns->prefix != nullptr)
    qname = std::string(reinterpret_cast<const char*>(root->ns->prefix)) + ":" + qname;
  const size_t at = xml.rfind("</" + qname);
  return at != std::string_view::npos && closes(xml.substr(at), qname);
}

// One parse of the feed's (repaired) text in recovery mode; `problem` is empty when it was well-formed.
struct Parse {
  std::unique_ptr<xmlDoc, void (*)(xmlDoc*)> doc{nullptr, xmlFreeDoc};
  std::string problem;
};

Parse parse_feed(const std::string& text, const std::string& url) {
  constexpr int kOptions = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NOBLANKS | XML_PARSE_NOCDATA;
  Parse p;
  std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxt*)> ctxt(xmlNewParserCtxt(), xmlFreeParserCtxt);
  if (!ctxt) {
    p.problem = "cannot create an XML parser";
    return p;
  }
  p.doc.reset(
      xmlCtxtReadMemory(ctxt.get(), text.data(), static_cast<int>(text.size()), url.c_str(), nullptr, kOptions));
  if (ctxt->wellFormed == 0) {
    const xmlError* err = xmlCtxtGetLastError(ctxt.get());
    if (err != nullptr && err->message != nullptr) {
      p.problem = std::string(trim(err->message));
      if (err->line > 0) p.problem += " at line " + std::to_string(err->line);
    } else {
      p.problem = "not well-formed XML";
    }
  }
  return p;
}

// The items of a parsed feed in document order, the name of their element ("" when the root is no feed) and the
// feed's title.
struct Items {
  std::string_view item_name;
  std::string feed_title;
  std::vector<const xmlNode*> nodes;
};

Items feed_items(const xmlNode* root) {
  Items items;
  if (root == nullptr) return items;
  const std::string_view kind = local_name(root);
  auto take = [&](const xmlNode* holder) {
    each_child(holder, [&](const xmlNode* c) {
      if (local_name(c) == items.item_name) items.nodes.push_back(c);
    });
  };
  if (kind == "rss" || kind == "RDF") {
    items.item_name = "item";
    const xmlNode* channel = child(root, "channel");
    if (channel != nullptr) {
      if (const xmlNode* t = child(channel, "title")) items.feed_title = content(t);
      take(channel);  // RSS 2.0 puts items in the channel; RSS 1.0 next to it
    }
    take(root);
  } else if (kind == "feed") {
    items.item_name = "entry";
    if (const xmlNode* t = child(root, "title")) items.feed_title = content(t);
    take(root);
  } else if (kind == "articles") {
    items.item_name = "article";
    take(root);
  }
  return items;
}

}  // namespace

void read_feed(std::string_view name, std::string_view bytes, const IngestOptions& options,
               const ArticleSink& on_article, const ErrorSink& on_error) {
  if (trim(bytes).empty()) {
    report(on_error, name, 0, bytes.empty() ? "empty file; skipped" : "file holds only white space; skipped");
    return;
  }
  if (bytes.size() > options.max_file_bytes || bytes.size() > static_cast<size_t>(INT_MAX)) {
    report(on_error, name, 0, "feed is " + std::to_string(bytes.size()) + " bytes, over the size limit; skipped");
    return;
  }
  // The open-element repair only when the feed does not parse without it, and only if it costs no item: a
  // well-formed feed is read as written.
  std::string url(name);
  Repairs repairs;
  std::string text = repair_references(bytes, repairs, false);
  if (text.size() > static_cast<size_t>(INT_MAX)) {
    report(on_error, name, 0, "feed is over the size limit; skipped");
    return;
  }
  Parse parsed = parse_feed(text, url);
  if (!parsed.problem.empty()) {
    Repairs tag_repairs;
    std::string tagged = repair_references(bytes, tag_repairs, true);
    if (tag_repairs.open > 0 && tagged.size() <= static_cast<size_t>(INT_MAX)) {
      Parse second = parse_feed(tagged, url);
      const size_t before = parsed.doc ? feed_items(xmlDocGetRootElement(parsed.doc.get())).nodes.size() : 0;
      const size_t after = second.doc ? feed_items(xmlDocGetRootElement(second.doc.get())).nodes.size() : 0;
      if (second.doc && (second.problem.empty() || after >= before)) {
        parsed = std::move(second);
        text = std::move(tagged);
        repairs = tag_repairs;
      }
    }
  }
  if (repairs.bare + repairs.html + repairs.open > 0) report(on_error, name, 0, repairs_message(repairs), true);
  const std::string& problem = parsed.problem;
  const xmlNode* root = parsed.doc ? xmlDocGetRootElement(parsed.doc.get()) : nullptr;
  if (root == nullptr) {
    report(on_error, name, 0, "cannot parse the feed" + (problem.empty() ? "" : " (" + problem + ")") + "; skipped");
    return;
  }

  const std::string_view kind = local_name(root);
  const Items items = feed_items(root);
  const std::string_view item_name = items.item_name;
  if (item_name.empty()) {
    report(on_error, name, 0,
           "root element <" + std::string(kind) + "> is not an RSS or Atom feed or an <articles> collection; skipped");
    return;
  }
  size_t count = 0;
  size_t delivered = 0;
  for (const xmlNode* node : items.nodes) {
    ++count;
    Item it = item_name == "item" ? rss_item(node) : item_name == "entry" ? atom_entry(node) : collection_article(node);
    if (deliver_item(std::move(it), node, count, name, items.feed_title, options, on_article, on_error)) ++delivered;
  }
  // Skipped input (exit 2) when the damage cost items: fewer read than the feed holds, or a document cut inside its
  // root element (its last item may be cut short); a feed of no items gave nothing. Damage that cost no item
  // (junk after the root element, a tag recovery closed) is a warning.
  if (!problem.empty()) {
    const size_t held = count_start_tags(text, item_name);
    const bool closed = root_closed(text, root);
    if (closed && count >= held) {
      if (count > 0) {
        report(on_error, name, 0,
               "feed is not well-formed XML (" + problem + "); all " + std::to_string(count) + " item(s) read, " +
                   (delivered == count ? std::string("nothing skipped")
                                       : std::to_string(count - delivered) + " of them skipped (see above)"),
               true);
      } else {
        report(on_error, name, 0, "feed has no items (and is not well-formed XML: " + problem + "); skipped");
      }
    } else if (!closed) {
      report(on_error, name, 0,
             "feed is truncated or malformed (" + problem + "): it ends inside <" + std::string(kind) + ">; " +
                 std::to_string(count) + " of " + std::to_string(held) +
                 " item(s) read before the damage (the last may be cut short), the rest skipped");
    } else {
      report(on_error, name, 0,
             "feed is truncated or malformed (" + problem + "); " + std::to_string(count) + " of " +
                 std::to_string(held) + " item(s) read, the rest skipped");
    }
  } else if (count == 0) {
    report(on_error, name, 0, "feed has no items; skipped");
  }
}

}  // namespace dyad
