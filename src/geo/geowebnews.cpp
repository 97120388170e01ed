// Design note: GeoWebNews gives, per article, the text and its toponyms with
// character offsets (Unicode code points) and, for most, a gold GeoNames
// point. We resolve all gold toponyms of an article together, as dyad would
// resolve the place mentions of one article, so each toponym's context is the
// others. The standard score is accuracy within 161 km (100 miles); mean and
// median errors are over the toponyms the gazetteer knows.
#include "geo/geowebnews.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <vector>

namespace dyad {
namespace {

std::string text_of(xmlNode* n) {
  std::string out;
  if (xmlChar* c = xmlNodeGetContent(n)) {
    out = reinterpret_cast<const char*>(c);
    xmlFree(c);
  }
  return out;
}

xmlNode* child(xmlNode* n, std::string_view name) {
  for (xmlNode* c = n->children; c != nullptr; c = c->next)
    if (c->type == XML_ELEMENT_NODE && name == reinterpret_cast<const char*>(c->name)) return c;
  return nullptr;
}

// Byte offset of every code point of a UTF-8 string (plus one past the end).
std::vector<size_t> code_point_offsets(std::string_view s) {
  std::vector<size_t> out;
  for (size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
  out.push_back(s.size());
  return out;
}

bool parse_number(const std::string& s, double& v) {
  if (s.empty()) return false;
  char* end = nullptr;
  v = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

}  // namespace

std::string GeoEval::summary() const {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "GeoWebNews: %llu articles, %llu gold toponyms with coordinates, %llu found, accuracy@161km %.1f%%, "
                "mean error %.0f km, median %.1f km",
                static_cast<unsigned long long>(articles), static_cast<unsigned long long>(gold),
                static_cast<unsigned long long>(resolved), 100.0 * accuracy, mean_km, median_km);
  return buf;
}

Result<GeoEval> evaluate_geowebnews(const std::string& path, const Gazetteer& gazetteer) {
  xmlDoc* doc = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_HUGE);
  if (doc == nullptr) return Error{path, 0, "cannot read or parse the GeoWebNews XML"};
  GeoEval ev;
  std::vector<double> errors;
  xmlNode* root = xmlDocGetRootElement(doc);
  for (xmlNode* a = root != nullptr ? root->children : nullptr; a != nullptr; a = a->next) {
    if (a->type != XML_ELEMENT_NODE || std::string_view(reinterpret_cast<const char*>(a->name)) != "article") continue;
    ++ev.articles;
    xmlNode* tn = child(a, "text");
    std::string text = tn != nullptr ? text_of(tn) : std::string();
    auto offsets = code_point_offsets(text);
    std::vector<ToponymQuery> queries;
    std::vector<std::pair<double, double>> gold;
    xmlNode* tops = child(a, "toponyms");
    for (xmlNode* t = tops != nullptr ? tops->children : nullptr; t != nullptr; t = t->next) {
      if (t->type != XML_ELEMENT_NODE) continue;
      xmlNode *lat_n = child(t, "latitude"), *lon_n = child(t, "longitude"), *name_n = child(t, "extractedName");
      double lat = 0, lon = 0;
      if (lat_n == nullptr || lon_n == nullptr || name_n == nullptr || !parse_number(text_of(lat_n), lat) ||
          !parse_number(text_of(lon_n), lon))
        continue;
      ToponymQuery q;
      q.name = text_of(name_n);
      double end = 0;
      if (xmlNode* e = child(t, "end");
          e != nullptr && parse_number(text_of(e), end) && end >= 0 && static_cast<size_t>(end) < offsets.size())
        q.qualifier = geo::qualifier_after(gazetteer, text, offsets[static_cast<size_t>(end)]);
      queries.push_back(std::move(q));
      gold.emplace_back(lat, lon);
    }
    // The pipeline gives the resolver the countries the article's mentions name; here the
    // gold toponyms that are countries stand in for them.
    std::vector<std::string> countries;
    for (const auto& q : queries)
      for (const auto& c : gazetteer.candidates(q.name, 1))
        if (c.kind == geo::PlaceKind::country) countries.emplace_back(c.country);
    auto chosen = gazetteer.resolve_toponyms(queries, countries);
    for (size_t i = 0; i < queries.size(); ++i) {
      ++ev.gold;
      if (!chosen[i]) {
        ev.misses.push_back({queries[i].name, "", -1});
        continue;
      }
      ++ev.resolved;
      double km = distance_km(chosen[i]->lat, chosen[i]->lon, gold[i].first, gold[i].second);
      errors.push_back(km);
      if (km <= 161.0)
        ++ev.within_161;
      else
        ev.misses.push_back({queries[i].name, std::string(chosen[i]->name), km});
    }
  }
  xmlFreeDoc(doc);
  if (ev.gold > 0) ev.accuracy = static_cast<double>(ev.within_161) / static_cast<double>(ev.gold);
  if (!errors.empty()) {
    double sum = 0;
    for (double e : errors) sum += e;
    ev.mean_km = sum / static_cast<double>(errors.size());
    std::sort(errors.begin(), errors.end());
    size_t n = errors.size();
    ev.median_km = n % 2 == 1 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2;
  }
  return ev;
}

}  // namespace dyad
