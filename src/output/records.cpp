#include "output/records.h"

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace dyad {

using nlohmann::json;

json span_json(Span s) { return json{{"offset", s.offset}, {"length", s.length}}; }

json actor_json(const Actor& a) {
  json j{{"text", a.text}, {"code", a.code.empty() ? json() : json(a.code)}};
  if (!a.canonical.empty()) j["canonical"] = a.canonical;
  j["country"] = a.country.empty() ? json() : json(a.country);
  j["sector"] = a.sector.empty() ? json() : json(a.sector);
  return j;
}

json place_json(const Place& p) {
  return json{{"name", p.name},
              {"country", p.country.empty() ? json() : json(p.country)},
              {"lat", p.located() ? json(p.lat) : json()},
              {"lon", p.located() ? json(p.lon) : json()},
              {"geonameid", p.geonameid == 0 ? json() : json(p.geonameid)}};
}

json article_record(const Document& doc) {
  const Article& a = doc.article;
  json meta = json::parse(a.metadata.empty() ? std::string("{}") : a.metadata, nullptr, false);
  if (meta.is_discarded()) meta = json::object();
  std::string_view origin = "unknown";
  if (a.published_origin == DateOrigin::input) origin = "input";
  if (a.published_origin == DateOrigin::text) origin = "text";
  return json{{"kind", "article"},
              {"id", a.id},
              {"hash", doc.hash},
              {"url", a.url},
              {"source", a.source},
              {"published", a.published.known() ? json(a.published.iso()) : json()},
              {"date_precision", to_string(a.published.precision)},
              {"published_from", origin},
              {"title", a.title},
              {"paragraphs", doc.text.paragraphs.size()},
              {"sentences", doc.text.sentences.size()},
              {"tokens", doc.text.tokens.size()},
              {"metadata", meta},
              {"duplicate_of", doc.duplicate_of.empty() ? json() : json(doc.duplicate_of)},
              {"story", doc.story == 0 ? json() : json(doc.story)}};
}

json post_record(const Document& doc, const Post& post) {
  return json{{"kind", "post"},
              {"article", doc.article.id},
              {"handle", post.handle},
              {"name", post.name},
              {"date", post.date.known() ? json(post.date.iso()) : json()},
              {"text", std::string(post.body.of(doc.article.text))},
              {"url", post.url.empty() ? json() : json(post.url)},
              {"span", span_json(post.span)}};
}

json reference_json(const Document& doc, const EntityReference& r) {
  return json{{"span", span_json(r.span)},
              {"text", std::string(r.span.of(doc.article.text))},
              {"kind", to_string(r.kind)},
              {"sentence", r.sentence},
              {"rule", r.rule}};
}

json entity_record(const Document& doc, size_t index) {
  const Entity& e = doc.entities[index];
  json mentions = json::array();
  for (const EntityReference& r : doc.references)
    if (r.entity >= 0 && static_cast<size_t>(r.entity) == index) mentions.push_back(reference_json(doc, r));
  return entity_record(doc, e, std::move(mentions));
}

json entity_record(const Document& doc, const Entity& e, json mentions) {
  json j{{"kind", "entity"},          {"article", doc.article.id},
         {"type", to_string(e.type)}, {"text", std::string(e.span.of(doc.article.text))},
         {"canonical", e.canonical},  {"code", e.code.empty() ? json() : json(e.code)},
         {"span", span_json(e.span)}};
  if (e.place) {
    j["lat"] = e.place->located() ? json(e.place->lat) : json();
    j["lon"] = e.place->located() ? json(e.place->lon) : json();
    j["country"] = e.place->country.empty() ? json() : json(e.place->country);
    if (e.place->geonameid != 0) j["geonameid"] = e.place->geonameid;
  }
  j["mentions"] = std::move(mentions);
  return j;
}

json event_record(const Event& e, std::string_view article_id, std::string_view sentence_text) {
  return json{{"kind", "event"},
              {"id", e.id},
              {"article", article_id},
              {"date", e.date.known() ? json(e.date.iso()) : json()},
              {"date_precision", to_string(e.date.precision)},
              {"date_basis", e.date_basis.empty() ? json() : json(e.date_basis)},
              {"source", actor_json(e.source)},
              {"target", e.target ? actor_json(*e.target) : json()},
              {"cameo", e.cameo},
              {"plover", e.plover},
              {"quad_class", e.quad_class},
              {"goldstein", e.goldstein},
              {"mode", to_string(e.mode)},
              {"attributed_to", e.attributed_to.empty() ? json() : json(e.attributed_to)},
              {"location", e.location ? place_json(*e.location) : json()},
              {"sentence", sentence_text},
              {"span", span_json(e.span)},
              {"rule", e.rule}};
}

json quote_record(const Document& doc, const Quote& q) {
  return json{{"kind", "quote"},
              {"article", doc.article.id},
              {"text", std::string(q.span.of(doc.article.text))},
              {"speaker", json{{"text", q.speaker.text},
                               {"canonical", q.speaker.canonical.empty() ? json() : json(q.speaker.canonical)},
                               {"code", q.speaker.code.empty() ? json() : json(q.speaker.code)}}},
              {"verb", q.verb},
              {"scare", q.scare},
              {"span", span_json(q.span)}};
}

json amount_record(const Document& doc, const Amount& a) {
  return json{{"kind", "amount"},         {"article", doc.article.id},
              {"value", a.value},         {"unit", a.unit},
              {"object", a.object},       {"text", std::string(a.span.of(doc.article.text))},
              {"span", span_json(a.span)}};
}

json tone_json(const Tone& t) {
  return json{{"tone", t.tone()},         {"positive", t.positive()}, {"negative", t.negative()},
              {"polarity", t.polarity()}, {"activity", t.activity()}, {"self_group", t.self_group()},
              {"words", t.words},         {"valence", t.valence}};
}

json tone_record(const Document& doc) {
  if (!doc.tone && doc.stance.empty()) return nullptr;
  json j{{"kind", "tone"}, {"article", doc.article.id}};
  if (doc.tone) {
    j.update(tone_json(*doc.tone));
  } else {
    for (const char* f : {"tone", "positive", "negative", "polarity", "activity", "self_group", "words", "valence"})
      j[f] = nullptr;
  }
  // Sentences with at least one lexicon hit, by index.
  json sentences = json::array();
  for (size_t i = 0; i < doc.sentence_tone.size(); ++i) {
    const Tone& t = doc.sentence_tone[i];
    if (t.polar_words == 0) continue;
    json s = tone_json(t);
    s["sentence"] = i;
    sentences.push_back(std::move(s));
  }
  j["sentences"] = std::move(sentences);
  // Stance: counts per kind, and per actor (by code and canonical name, else words).
  json counts{{"epithet", 0}, {"loaded_verb", 0}, {"hedge", 0}, {"scare_quote", 0}};
  std::map<std::tuple<std::string, std::string, std::string>, json> by_actor;
  for (const StanceMarker& m : doc.stance) {
    const std::string kind(to_string(m.kind));
    counts[kind] = counts[kind].get<int>() + 1;
    if (m.mention < 0) continue;
    const Actor& a = m.actor;
    const bool named = !a.code.empty() || !a.canonical.empty();
    json& entry = by_actor[{a.code, a.canonical, named ? std::string() : a.text}];
    if (entry.is_null()) {
      entry = json{{"actor", json{{"text", a.text},
                                  {"canonical", a.canonical.empty() ? json() : json(a.canonical)},
                                  {"code", a.code.empty() ? json() : json(a.code)}}},
                   {"epithet", 0},
                   {"loaded_verb", 0},
                   {"hedge", 0},
                   {"scare_quote", 0},
                   {"words", json::array()}};
    }
    entry[kind] = entry[kind].get<int>() + 1;
    entry["words"].push_back(m.word);
  }
  j["stance"] = std::move(counts);
  json actors = json::array();
  for (auto& [key, entry] : by_actor) actors.push_back(std::move(entry));
  j["stance_by_actor"] = std::move(actors);
  return j;
}

json stance_record(const Document& doc, const StanceMarker& m) {
  json actor;
  if (m.mention >= 0) {
    actor = json{{"text", m.actor.text},
                 {"canonical", m.actor.canonical.empty() ? json() : json(m.actor.canonical)},
                 {"code", m.actor.code.empty() ? json() : json(m.actor.code)}};
  }
  return json{{"kind", "stance"},
              {"article", doc.article.id},
              {"marker", to_string(m.kind)},
              {"word", m.word},
              {"text", std::string(m.span.of(doc.article.text))},
              {"sentence", m.sentence},
              {"actor", actor},
              {"span", span_json(m.span)}};
}

json link_record(const Document& doc, const Link& l) {
  return json{{"kind", "link"},
              {"article", doc.article.id},
              {"relation", l.relation},
              {"expected", l.expected},
              {"outcome", l.outcome}};
}

void write_jsonl(const Document& doc, std::ostream& out) {
  auto emit = [&out](const json& j) { out << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n'; };
  emit(article_record(doc));
  for (const Post& p : doc.text.posts) emit(post_record(doc, p));
  // Each entity with its references, grouped in one pass over Document::references (text order).
  std::vector<json> mentions(doc.entities.size(), json::array());
  for (const EntityReference& r : doc.references)
    if (r.entity >= 0 && static_cast<size_t>(r.entity) < mentions.size())
      mentions[static_cast<size_t>(r.entity)].push_back(reference_json(doc, r));
  for (size_t i = 0; i < doc.entities.size(); ++i) emit(entity_record(doc, doc.entities[i], std::move(mentions[i])));
  for (const Event& e : doc.events) {
    std::string_view sentence;
    if (e.sentence < doc.text.sentences.size()) sentence = doc.text.sentences[e.sentence].span.of(doc.article.text);
    emit(event_record(e, doc.article.id, sentence));
  }
  for (const Quote& q : doc.quotes) emit(quote_record(doc, q));
  for (const Amount& a : doc.amounts) emit(amount_record(doc, a));
  if (json t = tone_record(doc); !t.is_null()) emit(t);
  for (const StanceMarker& m : doc.stance) emit(stance_record(doc, m));
  for (const Link& l : doc.links) emit(link_record(doc, l));
}

}  // namespace dyad
