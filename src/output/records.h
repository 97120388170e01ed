// Output records: coded documents -> JSON objects, one per record, in the
// JSONL contract documented in docs/output.md. Each object has "kind":
// article, entity, event, quote, post, amount, tone, stance, link.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string_view>

#include "core/document.h"

namespace dyad {

nlohmann::json span_json(Span s);
nlohmann::json actor_json(const Actor& a);
nlohmann::json place_json(const Place& p);

nlohmann::json article_record(const Document& doc);
nlohmann::json post_record(const Document& doc, const Post& post);
/// One reference of an entity: {span, text, kind (name, role, pronoun, adjective), sentence, rule}.
nlohmann::json reference_json(const Document& doc, const EntityReference& r);
/// The entity doc.entities[index] with "mentions": its references (Document::references) in text order.
nlohmann::json entity_record(const Document& doc, size_t index);
/// The same with the mentions already gathered (a JSON array of reference_json objects).
nlohmann::json entity_record(const Document& doc, const Entity& e, nlohmann::json mentions);
/// `article_id` is the article's id; `sentence_text` the text of the event's sentence.
nlohmann::json event_record(const Event& e, std::string_view article_id, std::string_view sentence_text);
nlohmann::json quote_record(const Document& doc, const Quote& q);
nlohmann::json amount_record(const Document& doc, const Amount& a);
/// The V1.5TONE fields of a Tone as a JSON object (tone, positive, negative, polarity, activity,
/// self_group, words, valence).
nlohmann::json tone_json(const Tone& t);
/// The article's tone, its charged sentences and its stance counts, overall and per actor;
/// null when the document has no tone and no stance marker.
nlohmann::json tone_record(const Document& doc);
nlohmann::json stance_record(const Document& doc, const StanceMarker& m);
nlohmann::json link_record(const Document& doc, const Link& l);

/// Writes every record of `doc` (article first, then posts, entities, events,
/// quotes, amounts, tone, stance markers), one JSON object per line.
void write_jsonl(const Document& doc, std::ostream& out);

}  // namespace dyad
