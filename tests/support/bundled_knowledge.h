// The bundled knowledge (data/), loaded once per test binary and shared by its tests.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/pipeline.h"

namespace dyad::testing_support {

inline const Knowledge& bundled_knowledge() {
  static const Knowledge k = [] {
    KnowledgeOptions o;
    o.data_dir = DYAD_TEST_DIR "/../data";
    auto loaded = Knowledge::load(o);
    EXPECT_TRUE(loaded.ok()) << (loaded.ok() ? "" : loaded.error().str());
    return std::move(loaded.value());
  }();
  return k;
}

// The events of one text coded with the bundled knowledge as an article published on `published`
// (a date given with the input; the coder tests use Sunday 2002-03-10).
inline std::vector<Event> events_of_text(const std::string& text, Date published = Date::ymd(2002, 3, 10)) {
  Article a;
  a.id = "t";
  a.text = text;
  a.published = published;
  a.published_origin = DateOrigin::input;
  return code_article(bundled_knowledge(), a).events;
}

// "CODE SRC->TGT mode date" per event ("-" for no source or target code), for the coder tests' expectations.
inline std::vector<std::string> event_rows(const std::vector<Event>& events) {
  std::vector<std::string> out;
  for (const Event& e : events)
    out.push_back(e.cameo + " " + (e.source.code.empty() ? std::string("-") : e.source.code) + "->" +
                  (e.target ? e.target->code : std::string("-")) + " " + std::string(to_string(e.mode)) + " " +
                  e.date.iso());
  return out;
}

// Does a row of event_rows start with `prefix`?
inline bool has_row_prefix(const std::vector<std::string>& rows, const std::string& prefix) {
  return std::any_of(rows.begin(), rows.end(), [&](const std::string& r) { return r.rfind(prefix, 0) == 0; });
}

// The first event of code `cameo`, or nullptr.
inline const Event* find_event_code(const std::vector<Event>& events, const std::string& cameo) {
  for (const Event& e : events)
    if (e.cameo == cameo) return &e;
  return nullptr;
}

// Keeps a temporary vector of events alive until the test binary exits, so that a pointer taken into it
// ("const Event* e = find_code(events_of(...), ...)") does not dangle at the end of the full expression (ASan
// found such tests twice). The vectors' buffers do not move: a deque keeps its elements in place.
inline const std::vector<Event>& kept_events(std::vector<Event>&& events) {
  static std::deque<std::vector<Event>> kept;
  kept.push_back(std::move(events));
  return kept.back();
}
inline const Event* find_event_code(std::vector<Event>&& events, const std::string& cameo) {
  return find_event_code(kept_events(std::move(events)), cameo);
}

}  // namespace dyad::testing_support
