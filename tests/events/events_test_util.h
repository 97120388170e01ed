// Shared helpers for the event-coder tests: build a Document from text plus
// actor marks (phrase -> code/kind/place), as the knowledge stage would.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "events/coder.h"
#include "knowledge/tsv.h"
#include "text/text.h"

namespace dyad::testing_events {

inline const std::string kData = DYAD_TEST_DIR "/../data";
inline const std::string kFixtures = DYAD_TEST_DIR "/fixtures/events";

inline const TextRules& rules() {
  static std::shared_ptr<const TextRules> loaded = [] {
    auto r = TextRules::load(kData);
    if (!r) ADD_FAILURE() << r.error().str();
    return r ? r.value() : nullptr;
  }();
  return *loaded;
}

/// The bundled clause words (data/cameo/clause_words.tsv): the function words pattern files are checked by.
inline const ClauseWords& clause_words() {
  static const ClauseWords loaded = [] {
    auto r = ClauseWords::load(kData);
    if (!r) ADD_FAILURE() << r.error().str();
    return r ? r.value() : ClauseWords{};
  }();
  return loaded;
}

/// The coder over the fixture dictionary only.
inline const EventCoder& coder() {
  static std::shared_ptr<const EventCoder> loaded = [] {
    auto specs = read_verb_patterns(kFixtures + "/verbs.tsv", clause_words());
    if (!specs) ADD_FAILURE() << specs.error().str();
    auto r = EventCoder::load(kData, specs ? specs.value() : std::vector<VerbPatternSpec>{}, {}, true);
    if (!r) ADD_FAILURE() << r.error().str();
    return r ? r.value() : nullptr;
  }();
  return *loaded;
}

struct Mark {
  std::string phrase;
  std::string code;
  MentionKind kind = MentionKind::person;
  std::string place;  // place name (country = code's first 3 letters or place_country)
  std::string place_country;
};

/// The fixture actor marks (tests/fixtures/events/actors.tsv).
inline std::vector<Mark> fixture_marks() {
  std::vector<Mark> marks;
  auto t = TsvTable::read(kFixtures + "/actors.tsv", {"phrase", "code", "kind", "place"});
  if (!t) {
    ADD_FAILURE() << t.error().str();
    return marks;
  }
  for (const auto& row : t->rows()) {
    Mark m;
    m.phrase = t->get(row, "phrase");
    m.code = t->get(row, "code");
    const std::string kind(t->get(row, "kind"));
    m.kind = kind == "country"        ? MentionKind::country
             : kind == "agent"        ? MentionKind::agent
             : kind == "location"     ? MentionKind::location
             : kind == "organization" ? MentionKind::organization
                                      : MentionKind::person;
    auto place = split_values(t->get(row, "place"));
    if (place.size() == 2) {
      m.place = place[0];
      m.place_country = place[1];
    }
    marks.push_back(m);
  }
  return marks;
}

/// Analyses `text` and marks every token-aligned occurrence of each phrase
/// (longest phrase first, no overlaps) as a mention.
inline Document make_doc(std::string text, const std::vector<Mark>& marks, std::string published = "2024-05-16") {
  Document doc;
  doc.article.text = std::move(text);
  doc.article.id = "test";
  if (auto d = parse_date(published)) doc.article.published = *d;
  doc.hash = "testhash";
  analyze_text(rules(), doc.article, doc.text);
  const auto& toks = doc.text.tokens;
  std::vector<Mark> sorted = marks;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Mark& a, const Mark& b) { return a.phrase.size() > b.phrase.size(); });
  std::vector<bool> used(toks.size(), false);
  for (const Mark& mk : sorted) {
    for (size_t pos = doc.article.text.find(mk.phrase); pos != std::string::npos;
         pos = doc.article.text.find(mk.phrase, pos + 1)) {
      const size_t end = pos + mk.phrase.size();
      size_t first = toks.size(), last = toks.size();
      for (size_t i = 0; i < toks.size(); ++i) {
        if (toks[i].span.offset == pos) first = i;
        if (toks[i].span.end() == end) last = i;
      }
      if (first == toks.size() || last == toks.size() || last < first) continue;
      bool clash = false;
      for (size_t i = first; i <= last; ++i) clash = clash || used[i];
      if (clash) continue;
      for (size_t i = first; i <= last; ++i) used[i] = true;
      Mention m;
      m.first_token = static_cast<uint32_t>(first);
      m.token_end = static_cast<uint32_t>(last + 1);
      m.span = Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(mk.phrase.size())};
      for (uint32_t s = 0; s < doc.text.sentences.size(); ++s) {
        const auto& sent = doc.text.sentences[s];
        if (first >= sent.first_token && first < sent.first_token + sent.token_count) m.sentence = s;
      }
      m.kind = mk.kind;
      m.actor.text = mk.phrase;
      m.actor.code = mk.code;
      // a bare role ("officials" GOV) has no country, as from the knowledge stage
      if (!(mk.kind == MentionKind::agent && mk.code.size() == 3))
        m.actor.country = mk.code.substr(0, std::min<size_t>(3, mk.code.size()));
      m.actor.span = m.span;
      if (!mk.place.empty()) {
        Place p;
        p.name = mk.place;
        p.country = mk.place_country;
        p.span = m.span;
        m.place = p;
      }
      doc.mentions.push_back(m);
    }
  }
  std::sort(doc.mentions.begin(), doc.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
  return doc;
}

/// Codes `text` with the fixture coder and marks.
inline Document code_text(const std::string& text, const std::string& published = "2024-05-16") {
  Document doc = make_doc(text, fixture_marks(), published);
  coder().code(doc);
  return doc;
}

/// "042 RUS->CHN" style summary of one event (source/target country codes).
inline std::string brief(const Event& e) {
  std::string s = e.cameo + " " + e.source.code + "->" + (e.target ? e.target->code : std::string("-"));
  return s;
}

inline std::vector<std::string> briefs(const Document& doc) {
  std::vector<std::string> v;
  for (const auto& e : doc.events) v.push_back(brief(e));
  return v;
}

inline const Event* find_event(const Document& doc, const std::string& b) {
  for (const auto& e : doc.events)
    if (brief(e) == b) return &e;
  return nullptr;
}

}  // namespace dyad::testing_events
