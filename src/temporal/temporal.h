// Temporal expressions: find dates in a sentence and resolve them against the
// article's date and the clause's tense.
//
// "on Thursday" in a past clause is the Thursday before the article's date, in
// a future clause the next one; "in March", "last October", "May 16",
// "next week", "yesterday", "in 2022", "on May 16, 2024", "earlier this month"
// ... each becomes a Date with the precision the words carry. The forms, the
// resolution conventions and what is left out are in docs/temporal.md.
//
// Usage (per sentence, after the text layer):
//   for (uint32_t s = 0; s < doc.text.sentences.size(); ++s)
//     for (const TimeExpression& t : find_time_expressions(doc.article, doc.text, s, doc.article.published))
//       ... t.resolve(tense_of_clause) ...
// Nothing is loaded: the closed word classes (months, weekdays, number words)
// are part of the grammar, so the function is pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/document.h"

namespace dyad {

/// The time a clause points to, relative to the moment of writing.
enum class Tense : uint8_t { past, present, future, unknown };

/// A date expression in a sentence.
struct TimeExpression {
  uint32_t first_token = 0;  // into TextAnalysis::tokens
  uint32_t token_end = 0;
  Span span;
  /// The resolved date for each reading of the clause's tense (they differ
  /// only for deictic expressions such as "on Thursday" or "in March").
  Date if_past;
  Date if_future;
  Date if_unknown;        // best guess when the tense is unknown (e.g. nearest)
  bool absolute = false;  // carries its own year ("May 16, 2024", "in 2022")
  std::string rule;       // which form matched ("weekday", "month-day", "relative-unit", ...)
  /// Introduced by "since": the date is where a still-running period starts
  /// ("since 2014" resolves to 2014 with this flag set).
  bool since = false;
  /// A recurring time, no single date: "every Monday", "each January", "on
  /// Friday every week", "weekly on Friday". The readings are still those of
  /// one occurrence; the flag tells a caller not to date a single act by it.
  bool recurring = false;

  [[nodiscard]] const Date& resolve(Tense t) const {
    return t == Tense::past ? if_past : t == Tense::future ? if_future : if_unknown;
  }
};

/// Every date expression in sentence `sentence` of the analysis, in text order and
/// not overlapping, resolved against `anchor` (the article's publication date;
/// when unknown, only absolute expressions resolve and the others are returned
/// with precision unknown). A leading "on", "in", "during" or "since" belongs to
/// the expression's span. An out-of-range `sentence` gives an empty vector.
/// One pass over the sentence's tokens with a few tokens of look-ahead; no
/// allocation beyond the result. Thread-safe.
std::vector<TimeExpression> find_time_expressions(const Article& article, const TextAnalysis& text, uint32_t sentence,
                                                  const Date& anchor);

/// Is `w` (a lower-case word, TextAnalysis::norm) the full name of a weekday
/// ("monday" ... "sunday"; not an abbreviation such as "mon.")? Thread-safe.
bool weekday_name(std::string_view w);

}  // namespace dyad
