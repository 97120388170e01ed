// Shared helpers for the text-layer tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "text/text.h"

namespace dyad::testing_text {

/// The bundled rules (data/), loaded once.
inline const TextRules& rules() {
  static std::shared_ptr<const TextRules> loaded = [] {
    auto r = TextRules::load(DYAD_TEST_DIR "/../data");
    if (!r) ADD_FAILURE() << r.error().str();
    return r ? r.value() : nullptr;
  }();
  return *loaded;
}

struct Analyzed {
  Article article;
  TextAnalysis text;

  [[nodiscard]] std::vector<std::string> tokens() const {
    std::vector<std::string> v;
    for (const Token& t : text.tokens) v.emplace_back(t.span.of(article.text));
    return v;
  }
  [[nodiscard]] std::vector<std::string> sentences() const {
    std::vector<std::string> v;
    for (const Sentence& s : text.sentences) v.emplace_back(s.span.of(article.text));
    return v;
  }
  [[nodiscard]] const Token* find(std::string_view token_text) const {
    for (const Token& t : text.tokens)
      if (t.span.of(article.text) == token_text) return &t;
    return nullptr;
  }
};

inline Analyzed analyze(std::string text) {
  Analyzed a;
  a.article.text = std::move(text);
  analyze_text(rules(), a.article, a.text);
  return a;
}

}  // namespace dyad::testing_text
