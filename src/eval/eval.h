// `dyad eval`: scores the coder against the gold suites under ../shared/eval/.
//
// Suites (method and matching rules in docs/accuracy.md):
//   petrarch2       PETRARCH unit-test records, coded with their own validation dictionaries
//   udpetrarch      UD-PETRARCH validation records (evaluate="true"), with their 2_02 dictionaries
//   udpetrarch-gsr  PETR-2 GigaWord records, built-in knowledge (silver standard)
//   plover          PLOVER gold records: source country, target country, PLOVER type
//   india-police    IndiaPoliceEvents: sentence labels KILL/ARREST/FAIL/FORCE/ANY_ACTION
//   gum-news-ner    GUM news: named person/organization/place mentions, exact-span P/R/F1 per type
//   wikigold-ner    wikigold (CoNLL-2003 types): PER/ORG/LOC exact-span P/R/F1, MISC not scored
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.h"
#include "eval/gold.h"
#include "eval/score.h"

namespace dyad {

struct EvalOptions {
  std::string shared_dir;                  // ../shared (the CLI finds it); suites are under shared_dir/eval/
  std::vector<std::string> suites;         // empty = all of eval_suite_names()
  std::string write_markdown;              // path of docs/accuracy.md to (re)write, empty = don't
  size_t limit = 0;                        // records per suite (documents for india-police), 0 = all
  bool verbose = false;                    // print each error (record id, gold, predicted)
  std::string verbose_split;               // "dev" or "held-out": print only that split's errors; empty = both
  std::string data_dir;                    // bundled knowledge; empty = data_dir()
  std::string command_line = "dyad eval";  // recorded in the Markdown report
};

/// The suite names run_eval knows, in the order they run.
std::vector<std::string> eval_suite_names();

/// Runs the suites, prints a table (suite, category, gold, predicted, TP, FP,
/// FN, P, R, F1) to `out`, and optionally writes the Markdown report (only the
/// generated block of an existing file is replaced). Knowledge is loaded once
/// per suite. Returns 0, or 1 if a suite is unknown, could not be read, its
/// knowledge could not be loaded, or the report could not be written.
int run_eval(const EvalOptions& options, std::ostream& out);

/// Runs one suite and returns its figures (failed = true with a reason when it
/// could not be read). `log` receives verbose error lines when options.verbose.
eval::SuiteResult run_suite(const std::string& name, const EvalOptions& options, std::ostream& log);

class NameFinder;

namespace eval {

/// The name inside one GUM mention (its tokens `words`, labelled `type`: PER, ORG or LOC) as a
/// token range [first, second) of `words`, or nothing when the mention holds no name
/// (docs/accuracy.md, gum-news-ner): leading `not_name` words are dropped; for a person, the
/// words up to the last title or honorific that a capitalised word follows ("Professor Eastman",
/// "Harbour Board Chairman Piet Dorn" -> "Piet Dorn"), and the words from a lower-case "of" after
/// two or more capitalised words (the person's party or firm, a nested mention the file's one label
/// per token flattened: "Piet Dorn of the Varrow Party" -> "Piet Dorn"); what is left must open and end
/// with a capitalised word and hold only capitalised words, connectors or particles. `names` may be
/// null (no cue words known: nothing is dropped).
std::optional<std::pair<size_t, size_t>> gum_name(const std::vector<std::string_view>& words, const std::string& type,
                                                  const NameFinder* names);

/// Gold (source country, target country, PLOVER type) triples of a PLOVER
/// record, countries passed through `key`: every source with every target;
/// with no target and several sources, every ordered pair of distinct source
/// entries (each acts on the other); one source and no target gives an empty target.
std::vector<Coding> plover_gold_codings(const PloverRecord& r,
                                        const std::function<std::string(const std::string&)>& key);

/// The india-police sentence labels an event supports; empty unless its source
/// is police (sector COP, or COP as a 3-letter part of its code):
///   ANY_ACTION a happened event, or an expected/possible one whose police source has
///   words in the text; ARREST CAMEO 173; FORCE 175, 18x, 19x, 20x (these three only
///   when happened); KILL 186, 1823, 20x, or a FORCE event when `reports_death` (its
///   sentence reports a death: reports_death() of the sentence text);
///   FAIL a police event in the negated mode (and nothing else).
std::vector<std::string> police_labels(const Event& e, bool reports_death = false);

/// Is the speaker an event is attributed to police? A police statement (CAMEO 01: a public
/// statement is an act) answers "did police do anything?" whatever it reports ("..., police
/// said", "according to police sources", "...," said a senior police officer). True when a
/// police mention (sector COP, or COP in its code) of the event's sentence carries the
/// attributed name: its canonical name or its words.
bool police_speaker(const Document& doc, const Event& e);

/// Does this text report a death? A word of dying or killing ("killed", "dead",
/// "deaths", "perished", "succumbed", "lynched" ...), matched as whole lower-case words.
bool reports_death(std::string_view text);

}  // namespace eval

}  // namespace dyad
