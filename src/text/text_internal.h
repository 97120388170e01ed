// Internals of the text layer shared by its .cpp files (not part of the API).
#pragma once

#include <re2/set.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/text.h"

namespace dyad {

namespace text_detail {

/// Heterogeneous string hash so lookups take a string_view without copying.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

/// How an abbreviation behaves at a possible sentence end.
enum class AbbrevClass : uint8_t {
  plain,   // ends a sentence only before a typical sentence starter
  prefix,  // precedes a name or number: never ends a sentence
};

/// What a paragraph is with respect to embedded posts.
struct ParagraphRole {
  int32_t post = -1;         // index into TextAnalysis::posts, -1 if none
  bool attribution = false;  // the "— Name (@handle) date" line
};

}  // namespace text_detail

struct TextRules::Impl {
  // Abbreviations as written, with their final period ("Gen.", "approx.").
  std::unordered_map<std::string, text_detail::AbbrevClass, text_detail::StringHash, std::equal_to<>> abbreviations;
  // Case-folded sentence starters ("the", "he", ...).
  std::unordered_set<std::string, text_detail::StringHash, std::equal_to<>> starters;
  // Compiled pattern sets; null when the file holds no pattern.
  std::unique_ptr<RE2::Set> boilerplate;
  std::unique_ptr<RE2::Set> bylines;

  /// The class of `word_with_period` ("Gen.") if it is a known abbreviation.
  /// A lower-case entry also matches with a capital first letter.
  [[nodiscard]] const text_detail::AbbrevClass* abbreviation(std::string_view word_with_period) const;
  [[nodiscard]] bool is_starter(std::string_view folded) const { return starters.find(folded) != starters.end(); }
};

namespace text_detail {

/// Tokenises `text` into out.tokens / out.arena (single pass, no regex).
void tokenize(const TextRules::Impl& rules, std::string_view text, TextAnalysis& out);

/// Non-empty lines of `text` ('\n'-separated), trimmed of surrounding white space.
std::vector<Span> split_paragraphs(std::string_view text);

/// Finds embedded social posts among the paragraphs; fills out.posts (except
/// Post::url, which needs tokens) and returns one role per paragraph.
std::vector<ParagraphRole> find_posts(std::string_view text, const std::vector<Span>& paragraphs,
                                      std::vector<Post>& posts);

/// Sets Post::url from the URL tokens inside each post's body.
void attach_post_urls(std::string_view text, TextAnalysis& out);

/// Splits every paragraph's tokens into sentences and sets kHeadline, kPost
/// and kPostAttribution.
void split_sentences(const TextRules::Impl& rules, std::string_view text, const std::vector<ParagraphRole>& roles,
                     TextAnalysis& out);

/// Sets kBoilerplate and kByline from the pattern sets.
void flag_boilerplate(const TextRules::Impl& rules, std::string_view text, TextAnalysis& out);

/// Hard cap on sentence length in tokens: hostile input cannot make one
/// unbounded sentence.
inline constexpr uint32_t kMaxSentenceTokens = 500;

}  // namespace text_detail
}  // namespace dyad
