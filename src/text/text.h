// The text layer: an Article's text -> tokens, sentences, paragraphs and
// embedded posts, all as spans into the text.
//
// Knowledge it uses (abbreviations, boilerplate and byline patterns) is read
// from data files under data/text/ by TextRules::load; a loaded TextRules is
// immutable and shared by all threads.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/document.h"
#include "core/error.h"

namespace dyad {

class TextRules {
 public:
  /// Loads data_dir/text/{abbreviations,sentence_starters,boilerplate,bylines}.txt
  /// (formats in docs/text.md). A missing file, a malformed entry or a pattern
  /// RE2 rejects is an Error naming the file and the 1-based line.
  static Result<std::shared_ptr<const TextRules>> load(const std::string& data_dir);
  ~TextRules();
  TextRules(const TextRules&) = delete;
  TextRules& operator=(const TextRules&) = delete;

  struct Impl;
  [[nodiscard]] const Impl& impl() const { return *impl_; }

 private:
  explicit TextRules(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Tokenises and splits `article.text`, fills `out` (cleared first, so one
/// TextAnalysis can be reused across articles). Never fails: any valid UTF-8
/// gives tokens in text order that do not overlap or cross a '\n', and
/// sentences that cover the tokens in order, at most 500 tokens each.
/// Thread-safe for distinct `out` objects sharing one TextRules.
void analyze_text(const TextRules& rules, const Article& article, TextAnalysis& out);

/// The tokens of `text` (with their norms), exactly as analyze_text makes them for an article with
/// this text; sentences, paragraphs and posts are left empty. For dictionaries, whose names must split
/// like article text but need no sentences or boilerplate flags. `out` is cleared first.
void tokenize_text(const TextRules& rules, std::string_view text, TextAnalysis& out);

/// The latest date of the article's embedded posts, if any has one: an article
/// cannot be older than what it embeds.
std::optional<Date> date_from_posts(const TextAnalysis& analysis);

}  // namespace dyad
