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
//     for (const TimeExpression& t : find_time_expressions(doc.article, doc.text, s, doc.article.published, words))
//       ... t.resolve(tense_of_clause) ...
// The closed word classes (months, weekdays, number words) are part of the
// grammar and compiled in; the words that make a time recurring ("every",
// "weekly") are read from data/temporal/recurrence.tsv (RecurrenceWords). The
// function is pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/document.h"
#include "core/error.h"
#include "knowledge/word_set.h"

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

/// The words that make a time expression recurring (data/temporal/recurrence.tsv, docs/temporal.md):
/// "every"/"each" before it or before a unit next to it, "every other"/"every second" before it, and
/// frequency adverbs next to it ("weekly on Friday").
class RecurrenceWords {
 public:
  /// Reads data_dir/temporal/recurrence.tsv.
  static Result<RecurrenceWords> load(const std::string& data_dir);
  /// The same over in-memory text; `name` is used in errors. Errors name file:line: an unknown kind,
  /// an empty word, a word of several words or with a capital, a row listed twice, a missing or bad
  /// as_of date, no rows.
  static Result<RecurrenceWords> parse(std::string_view name, std::string_view text);

  /// Is `w` (case-folded) a word of every occurrence ("every", "each")?
  [[nodiscard]] bool every(std::string_view w) const { return every_.contains(w); }
  /// Are `a` `b` two words before a time that count its occurrences ("every other", "every second")?
  [[nodiscard]] bool every_nth(std::string_view a, std::string_view b) const { return every_nth_.contains(a, b); }
  /// Is `w` a frequency adverb ("daily", "weekly")?
  [[nodiscard]] bool frequency(std::string_view w) const { return frequency_.contains(w); }
  /// Is `w` a determiner that makes a frequency word right after it a noun, a newspaper ("the daily",
  /// "a weekly")?
  [[nodiscard]] bool determiner(std::string_view w) const { return determiner_.contains(w); }
  /// Is `w` a preposition before which a determiner, one word and a frequency word are a newspaper ("of
  /// the business daily")?
  [[nodiscard]] bool paper_preposition(std::string_view w) const { return paper_preposition_.contains(w); }

 private:
  WordSet every_, every_nth_, frequency_, determiner_, paper_preposition_;
};

/// Every date expression in sentence `sentence` of the analysis, in text order and
/// not overlapping, resolved against `anchor` (the article's publication date;
/// when unknown, only absolute expressions resolve and the others are returned
/// with precision unknown). A leading "on", "in", "during" or "since" belongs to
/// the expression's span. An out-of-range `sentence` gives an empty vector.
/// One pass over the sentence's tokens with a few tokens of look-ahead; no
/// allocation beyond the result. `recurrence` decides TimeExpression::recurring. Thread-safe.
std::vector<TimeExpression> find_time_expressions(const Article& article, const TextAnalysis& text, uint32_t sentence,
                                                  const Date& anchor, const RecurrenceWords& recurrence);

/// Is `w` (a lower-case word, TextAnalysis::norm) the full name of a weekday
/// ("monday" ... "sunday"; not an abbreviation such as "mon.")? Thread-safe.
bool weekday_name(std::string_view w);

}  // namespace dyad
