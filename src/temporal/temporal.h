// Temporal expressions: find dates in a sentence and resolve them against the
// article's date and the clause's tense.
//
// "on Thursday" in a past clause is the Thursday before the article's date, in
// a future clause the next one; "in March", "last October", "May 16",
// "next week", "yesterday", "in 2022", "on May 16, 2024", "earlier this month"
// ... each becomes a Date with the precision the words carry.
#pragma once

#include <cstdint>
#include <string>
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
  Date if_unknown;  // best guess when the tense is unknown (e.g. nearest)
  bool absolute = false;  // carries its own year ("May 16, 2024", "in 2022")
  std::string rule;       // which form matched ("weekday", "month-day", "relative-week", ...)

  [[nodiscard]] const Date& resolve(Tense t) const {
    return t == Tense::past ? if_past : t == Tense::future ? if_future : if_unknown;
  }
};

/// Every date expression in sentence `sentence` of the analysis, resolved against
/// `anchor` (the article's publication date; when unknown, only absolute
/// expressions resolve and the others have precision unknown).
std::vector<TimeExpression> find_time_expressions(const Article& article, const TextAnalysis& text,
                                                  uint32_t sentence, const Date& anchor);

}  // namespace dyad
