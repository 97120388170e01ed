// The event coder: clauses with known actors -> CAMEO/PLOVER events with mode,
// attribution, date, place and evidence (docs/coder.md).
//
// Load once (EventCoder::load), share across threads, call code() per document
// after the text and knowledge stages have filled doc.text and doc.mentions.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "events/clause_words.h"
#include "events/codebook.h"
#include "knowledge/specs.h"

namespace dyad {

/// Reads one verb-pattern file in dyad's format (docs/verbs.md: TSV with columns
/// code, pattern; note and as_of optional). Origins are "path:line". `words` gives the function
/// words no pattern may open with (data/cameo/clause_words.tsv; check_dictionary_pattern).
Result<std::vector<VerbPatternSpec>> read_verb_patterns(const std::string& path, const ClauseWords& words);

/// Reads data/cameo/reciprocal.tsv (columns code, note, as_of): the CAMEO codes
/// that, with a compound source and no target, code each ordered pair. Every
/// code must be in `codebook`, listed once, with a note; errors name file:line.
Result<std::vector<std::string>> read_reciprocal_codes(const std::string& path, const Codebook& codebook);

/// Reads data/cameo/implicit_agents.tsv (columns code, agent, note, as_of): CAMEO codes
/// whose agentless passive names its doer by the act itself ("six men were arrested": the
/// police), each with the sector code (3 upper-case letters) that stands in as source.
/// Every code must be in `codebook`, listed once, with a note; errors name file:line.
Result<std::vector<std::pair<std::string, std::string>>> read_implicit_agents(const std::string& path,
                                                                              const Codebook& codebook);

/// Reads data/cameo/referents.tsv (columns noun, codes, note, as_of): nouns by which a
/// clause refers back to a coded event ("of the meeting", "during the visit"), each
/// with the CAMEO codes or roots ("04", "042|043") it can refer to. Nouns are one
/// lower-case word, listed once, with a note; every code must be in `codebook`;
/// errors name file:line.
Result<std::vector<std::pair<std::string, std::vector<std::string>>>> read_referent_nouns(const std::string& path,
                                                                                          const Codebook& codebook);

/// One row of data/cameo/cancellations.tsv: words by which a text says that a planned
/// event was called off ("call off", "cancel", "postpone", "cancellation of").
struct CancellationPhrase {
  std::vector<std::string> words;  // lemmas, lower case
  bool noun = false;               // "cancellation of": only before the event's noun phrase
  std::string origin;              // file:line
};

/// Reads data/cameo/cancellations.tsv (columns phrase, kind, note, as_of): each phrase is
/// one to four lower-case words ([a-z'-]), listed once; kind is "verb" ("X cancelled the
/// visit", "the visit was cancelled") or "noun" ("the cancellation of the visit", the phrase
/// ends in "of"); every row has a note. Errors name file:line.
Result<std::vector<CancellationPhrase>> read_cancellation_phrases(const std::string& path);

/// Reads data/cameo/requests.tsv (columns phrase, note, as_of): verbs by which an actor asks
/// someone else to act ("urge", "call on", "appeal to"; "X urged Y to leave Z"), each one to
/// three lower-case words (a-z) separated by one space, listed once, with a note. Returns the
/// phrases as word lists. Errors name file:line.
Result<std::vector<std::vector<std::string>>> read_request_verbs(const std::string& path);

/// Reads data/cameo/particle_senses.tsv (columns phrase, note, as_of): a verb lemma and the one
/// or two words that, right after a pattern reading's last element, make it a phrasal verb of
/// another sense ("hold back": "held the crowd back" is no custody). Same word rules as
/// read_request_verbs, at least two words. Errors name file:line.
Result<std::vector<std::vector<std::string>>> read_particle_senses(const std::string& path);

/// A reporting verb: its lemma, and whether its direct object is the one told ("X told Z that
/// ...", "X warned Z ...": hearer 'object') or it takes none ("X said (to Z) that ...": 'none').
struct ReportingVerb {
  std::string lemma;
  bool hearer_object = false;
};

/// Reads data/cameo/reporting.tsv (columns phrase, hearer, note, as_of): verbs by which a speaker
/// reports a statement ("say", "warn", "concede"; "X conceded that Y must ..."), one lower-case lemma
/// (a-z) each, listed once, with a note; hearer is 'object' or 'none'. Errors name file:line.
Result<std::vector<ReportingVerb>> read_reporting_verbs(const std::string& path);

/// The common reader of the lists above: `what` names a row in error messages; a phrase has
/// `min_words` (1 or 2) to `max_words` (at most three) words.
Result<std::vector<std::vector<std::string>>> read_verb_phrases(const std::string& path, const std::string& what,
                                                                size_t min_words = 1, size_t max_words = 3);

/// Per-call coding options; the defaults are what code(doc) does.
struct CodeOptions {
  /// PETRARCH's require_dyad: an event of an imported TABARI/PETRARCH pattern
  /// (VerbPatternSpec::foreign_codes) is coded only with a target. false codes
  /// such an event with its source and no target ("X said ..." -> X, 023).
  bool require_dyad = true;
  /// PETRARCH's comma options: with remove_comma_clauses, a comma-delimited
  /// stretch of a sentence is left out of coding when its word count (punctuation
  /// not counted) lies in [min, max] (inclusive) of its place: at the beginning
  /// (start to first comma: comma_bmin/bmax), at the end (last comma to the end:
  /// comma_emin/emax) or inside (between two commas: comma_min/max). A max of 0
  /// turns that place off. A comma inside an adjective or name list ("full,
  /// complete ties") delimits nothing. Off by default: dyad's own text keeps
  /// every clause; the PETRARCH record readers set it per record.
  bool remove_comma_clauses = false;
  int comma_min = 2;
  int comma_max = 8;
  int comma_bmin = 0;
  int comma_bmax = 0;
  int comma_emin = 2;
  int comma_emax = 8;
  /// PETRARCH's new_actor_length (longest noun phrase coded as a new, quoted
  /// actor; 0 = none): a capitalised run of words no dictionary covers, of at
  /// most this many words, fills slots as an actor coded "ITS WORDS" in capitals
  /// (possessive 's left out); docs/petrarch.md, "Record options".
  int new_actor_length = 0;
};

class EventCoder {
 public:
  /// Loads the codebook (data/cameo/events.tsv, data/plover/cameo_to_plover.tsv,
  /// data/plover/types.tsv), the lexicon (data/lexicon/), the verb patterns of
  /// data_dir/verbs/*.tsv (unless no_default) plus `extra` patterns; validates
  /// (every pattern and discard code is in the codebook; syntax errors name the
  /// origin file:line) and compiles them into one matcher.
  static Result<std::shared_ptr<const EventCoder>> load(const std::string& data_dir,
                                                        const std::vector<VerbPatternSpec>& extra,
                                                        const std::vector<DiscardSpec>& discards, bool no_default);
  ~EventCoder();
  EventCoder(const EventCoder&) = delete;
  EventCoder& operator=(const EventCoder&) = delete;

  /// Codes the document's events into doc.events (replacing what was there).
  /// Reads doc.article, doc.hash, doc.text, doc.mentions, doc.entities. Thread-safe.
  void code(Document& doc) const;
  /// The same with per-call options (e.g. one PETRARCH record's <Config>).
  void code(Document& doc, const CodeOptions& options) const;

  /// Human-readable account for `dyad explain`: the words that matched which
  /// pattern (file:line), the clause, source/target choice, and why the mode,
  /// date and place were chosen. `e` must come from code() on the same document.
  [[nodiscard]] std::string explain(const Document& doc, const Event& e) const;

  [[nodiscard]] const Codebook& codebook() const;
  /// Number of compiled linear patterns (derived passives included).
  [[nodiscard]] size_t pattern_count() const;

  struct Impl;

 private:
  explicit EventCoder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
