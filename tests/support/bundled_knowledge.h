// The bundled knowledge (data/), loaded once per test binary and shared by its tests.
#pragma once

#include <gtest/gtest.h>

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

}  // namespace dyad::testing_support
