// Scoring coded events against gold codings, and reporting the figures.
//
// A suite is scored record by record: the gold codings of a record and the
// codings predicted for it are compared as sets of (source, target, code)
// triples. Each gold triple matches at most one predicted triple; a matched
// pair is a true positive, an unmatched gold triple a false negative, an
// unmatched prediction a false positive. Unmatched pairs that agree on two of
// the three fields are reported as one classified error ("wrong code",
// "wrong source", "wrong target"; "swapped" when source and target are
// exchanged) so docs/accuracy.md can list error categories with counts.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::eval {

/// A coding as compared. Actor fields hold codes already normalised by the
/// suite (see actor_matches); `*_text` is the predicted actor's words, used
/// only to match gold codes written as quoted actor text.
struct Coding {
  std::string source;
  std::string target;
  std::string code;
  std::string source_text;
  std::string target_text;
  friend bool operator==(const Coding&, const Coding&) = default;
};

/// Does a predicted actor match a gold actor code?
///  - both codes lose a leading "---" (PETRARCH's "no country"): "---GOV" == "GOV",
///    and "---" == "" == no actor;
///  - otherwise the codes must be equal, exactly (no prefix matching: "GONGOV" != "GON");
///  - a gold code written as quoted text ("\"THE MINISTRY OF MAGIC\"", PETRARCH's
///    code for an actor outside the dictionary) matches a predicted actor with no
///    code whose words, upper-cased and space-collapsed, are that text.
bool actor_matches(std::string_view gold, std::string_view predicted_code, std::string_view predicted_text);

/// Does a predicted coding match a gold coding (source, target and code)?
bool coding_matches(const Coding& gold, const Coding& predicted);

/// Counts for one category (or suite). P/R/F1 are 0 when undefined.
struct Tally {
  uint64_t gold = 0;
  uint64_t predicted = 0;
  uint64_t tp = 0;
  uint64_t fp = 0;
  uint64_t fn = 0;
  [[nodiscard]] double precision() const { return predicted == 0 ? 0.0 : static_cast<double>(tp) / predicted; }
  [[nodiscard]] double recall() const { return gold == 0 ? 0.0 : static_cast<double>(tp) / gold; }
  [[nodiscard]] double f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
  Tally& operator+=(const Tally& o) {
    gold += o.gold;
    predicted += o.predicted;
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
    return *this;
  }
};

/// The outcome of one record. Duplicate triples on either side count once.
struct RecordScore {
  Tally tally;
  std::vector<Coding> gold;                                         // distinct gold triples
  std::vector<Coding> predicted;                                    // distinct predicted triples
  std::vector<std::pair<std::string, std::pair<int, int>>> errors;  // kind, (gold index, predicted index), -1 = none
};

/// Scores one record's predictions against its gold codings.
RecordScore score_record(const std::vector<Coding>& gold, const std::vector<Coding>& predicted);

/// "source target code" for messages ("ARN GON 064"; "-" for an empty field).
std::string describe(const Coding& c);

/// Everything a suite reports.
struct SuiteResult {
  std::string name;
  std::string note;     // e.g. "silver: program output reviewed"
  bool failed = false;  // the suite could not be read / its knowledge not loaded
  std::string failure;  // why
  uint64_t records = 0;
  double seconds = 0;
  std::map<std::string, Tally> categories;
  Tally total;
  std::map<std::string, uint64_t> errors;  // error category -> count

  /// Adds a scored record under `category` (also to the total), counting its
  /// errors: misses as "missed: <category>", spurious predictions on a record
  /// that must code nothing as "spurious on no-event record".
  void add(const std::string& category, const RecordScore& score);
};

/// The dev/held-out rows of a suite split by record or document (`unit`: "records",
/// "documents"), numbered from 0 in file order: index 0, 2, 4 ... is dev, the odd ones
/// held-out ("all: dev (even records)", "all: held-out (odd records)"). Rules are chosen
/// on dev errors only; held-out is only scored (docs/accuracy.md).
std::string split_category(size_t index, std::string_view unit);

/// Is `category` one of split_category's rows? Tables print them after the other
/// categories, just before ALL.
bool is_split_category(std::string_view category);

/// "dev" for an even index, "held-out" for an odd one (the split of split_category).
std::string_view split_name(size_t index);

/// Prints the fixed-width table: suite, category, gold, predicted, TP, FP, FN, P, R, F1,
/// one row per category and an "ALL" row per suite (micro-averaged).
void print_table(const std::vector<SuiteResult>& suites, std::ostream& out);

/// The generated part of docs/accuracy.md: date, command, one table per suite and
/// the error categories with counts.
std::string markdown_figures(const std::vector<SuiteResult>& suites, std::string_view date,
                             std::string_view command_line);

/// Puts `figures` between the markers "<!-- BEGIN GENERATED -->" and
/// "<!-- END GENERATED -->" of `existing` (the hand-written rest is kept);
/// appends a marked block when the markers are missing.
std::string merge_markdown(std::string_view existing, std::string_view figures);

}  // namespace dyad::eval
