// The text layer's entry point: paragraphs, posts, tokens, sentences, flags.
//
// Design: analyze_text runs the steps in order over one article; every step
// writes spans into the same TextAnalysis and nothing copies the text. The
// boilerplate and byline pattern sets run only on short units (a sentence or
// paragraph of at most kMaxPatternBytes), which keeps them off the hot path.
#include <re2/re2.h>
#include <re2/set.h>

#include "text/text_internal.h"

namespace dyad {

namespace text_detail {
namespace {

constexpr uint32_t kMaxPatternBytes = 600;
constexpr uint32_t kMaxBylineBytes = 300;
constexpr uint32_t kBylineParagraphs = 4;

bool matches(const RE2::Set* set, std::string_view s) { return set != nullptr && set->Match(s, nullptr); }

}  // namespace

void flag_boilerplate(const TextRules::Impl& rules, std::string_view text, TextAnalysis& out) {
  uint32_t para = UINT32_MAX;
  bool para_boiler = false;
  bool para_byline = false;
  for (Sentence& s : out.sentences) {
    if (s.paragraph != para) {
      para = s.paragraph;
      const Span p = out.paragraphs[para];
      std::string_view pt = p.of(text);
      para_boiler = p.length <= kMaxPatternBytes && matches(rules.boilerplate.get(), pt);
      para_byline = para < kBylineParagraphs && p.length <= kMaxBylineBytes && matches(rules.bylines.get(), pt);
    }
    std::string_view st = s.span.of(text);
    if (para_boiler || (s.span.length <= kMaxPatternBytes && matches(rules.boilerplate.get(), st)))
      s.flags |= kBoilerplate;
    if (para_byline ||
        (para < kBylineParagraphs && s.span.length <= kMaxBylineBytes && matches(rules.bylines.get(), st)))
      s.flags |= kByline;
  }
}

}  // namespace text_detail

void analyze_text(const TextRules& rules, const Article& article, TextAnalysis& out) {
  out.tokens.clear();
  out.sentences.clear();
  out.posts.clear();
  out.paragraphs.clear();
  out.arena.clear();
  std::string_view text = article.text;
  // Spans are 32-bit; the ingest stage caps article size well below that.
  if (text.size() >= UINT32_MAX) text = text.substr(0, UINT32_MAX - 1);
  const TextRules::Impl& impl = rules.impl();
  out.paragraphs = text_detail::split_paragraphs(text);
  auto roles = text_detail::find_posts(text, out.paragraphs, out.posts);
  text_detail::tokenize(impl, text, out);
  text_detail::attach_post_urls(text, out);
  text_detail::split_sentences(impl, text, roles, out);
  text_detail::flag_boilerplate(impl, text, out);
}

void tokenize_text(const TextRules& rules, std::string_view text, TextAnalysis& out) {
  out.tokens.clear();
  out.sentences.clear();
  out.posts.clear();
  out.paragraphs.clear();
  out.arena.clear();
  if (text.size() >= UINT32_MAX) text = text.substr(0, UINT32_MAX - 1);
  // analyze_text's tokens depend on the text and the rules alone (the later steps read them).
  text_detail::tokenize(rules.impl(), text, out);
}

std::optional<Date> date_from_posts(const TextAnalysis& analysis) {
  std::optional<Date> best;
  for (const Post& p : analysis.posts) {
    if (!p.date.known()) continue;
    if (!best || p.date.last_day() > best->last_day()) best = p.date;
  }
  return best;
}

}  // namespace dyad
