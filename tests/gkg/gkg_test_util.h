// Shared set-up for the GKG stage's tests: the bundled text, actor and GKG
// knowledge loaded once, and an article run through text -> knowledge -> gkg.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/unicode.h"
#include "gkg/gkg.h"
#include "knowledge/actors.h"
#include "text/text.h"

namespace dyad::testing_gkg {

inline const std::string kData = DYAD_TEST_DIR "/../data";

struct Loaded {
  std::shared_ptr<const TextRules> text;
  std::shared_ptr<const ActorIndex> actors;
  std::shared_ptr<const GkgRules> gkg;
};

inline const Loaded& loaded() {
  static const Loaded l = [] {
    Loaded x;
    auto t = TextRules::load(kData);
    EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().str());
    if (!t.ok()) return x;
    x.text = t.value();
    auto a = ActorIndex::load(kData, {}, false, *x.text);
    EXPECT_TRUE(a.ok()) << (a.ok() ? "" : a.error().str());
    if (a.ok()) x.actors = a.value();
    auto g = GkgRules::load(kData);
    EXPECT_TRUE(g.ok()) << (g.ok() ? "" : g.error().str());
    if (g.ok()) x.gkg = g.value();
    return x;
  }();
  return l;
}

/// Runs the text layer, the actor index and the GKG stage over `text`.
inline Document annotate(std::string_view text, Date published = Date::ymd(2024, 5, 14)) {
  const Loaded& l = loaded();
  Document d;
  d.article.id = "t";
  d.article.text = normalize_text(text);
  d.article.published = published;
  analyze_text(*l.text, d.article, d.text);
  if (l.actors) l.actors->find(d);
  if (l.gkg) annotate_gkg(*l.gkg, d);
  return d;
}

inline std::string text_of(const Document& d, Span s) { return std::string(s.of(d.article.text)); }

}  // namespace dyad::testing_gkg
