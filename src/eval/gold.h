// Readers for the gold-standard evaluation suites under ../shared/eval/.
//
// Each suite has its own file format; these readers turn them into plain
// records that the scorer (eval/score.h) compares with what dyad codes.
// Nothing here codes anything, and no suite text is kept beyond a run.
//
//  - PETRARCH unit-test / validation records (XML-ish): read_petrarch_xml()
//    for well-formed files (libxml2), read_petrarch_lenient() for the
//    UD-PETRARCH files, which are not well-formed (<PLEvent {json}> lines,
//    self-closed <Sentence/> tags, unclosed <EventCoding>).
//  - PLOVER gold records: JSON with trailing commas (read_plover()).
//  - IndiaPoliceEvents: JSONL sentences, documents and dates (read_india_police()).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/error.h"
#include "events/coder.h"

namespace dyad::eval {

/// One gold CAMEO coding as written in the file: actor codes exactly as given
/// ("ARN", "---GOV", "\"THE MINISTRY OF MAGIC\"", "---" for none).
struct GoldCoding {
  std::string source;
  std::string target;
  std::string code;  // CAMEO event code, leading zeros kept
  friend bool operator==(const GoldCoding&, const GoldCoding&) = default;
};

/// PETRARCH's options for a record file that sets none: require_dyad on, comma
/// clauses removed (internal 2-8 words, beginning off, end 2-8 words: PETRARCH's
/// documented defaults), no new actors.
CodeOptions petrarch_defaults();

/// One <Sentence> record of a PETRARCH-style file.
struct GoldRecord {
  std::string id;
  std::string category;
  Date date;                        // from date="YYYYMMDD"; unknown if absent or malformed
  std::string text;                 // <Text> content with white space collapsed to single spaces
  std::vector<GoldCoding> codings;  // empty: the record must code nothing
  bool no_events = false;           // <EventCoding noevents="True">
  std::string expected_error;       // <EventCoding error="dateline">: must code nothing
  bool evaluate = true;             // evaluate="false" records are not scored
  /// PETRARCH's options in force for this record (petrarch_defaults(), then
  /// every <Config option=... value=...> before it, the last of each option
  /// winning): require_dyad ("false" in any letter case or "0" turns it off),
  /// comma_min/max, comma_bmin/bmax, comma_emin/emax, new_actor_length
  /// (non-negative integers; anything else is ignored). Other options
  /// (stop_on_error) change nothing that is scored.
  CodeOptions options = petrarch_defaults();
};

/// Reads a well-formed PETRARCH record file with libxml2 (no network, no
/// entities). Error if the file cannot be read or is not well-formed XML.
Result<std::vector<GoldRecord>> read_petrarch_xml(const std::string& path);

/// Reads a PETRARCH-style record file with a forgiving tag scanner that only
/// looks at <Sentence>, <EventCoding> and <Text> and skips comments, <Parse>
/// and <PLEvent> lines; when a record's <Text> is empty, its text is rebuilt
/// from the FORM column of its CoNLL-U <Parse>. Error only if the file cannot be read.
Result<std::vector<GoldRecord>> read_petrarch_lenient(const std::string& path);
/// The same over in-memory text.
std::vector<GoldRecord> parse_petrarch_lenient(std::string_view text);

/// Collapses runs of white space to one space and trims both ends.
std::string collapse_space(std::string_view s);

// ---- PLOVER -----------------------------------------------------------------

struct PloverActor {
  std::string text;    // actorText
  std::string code;    // country (ISO-3-like) or group code ("IGO", "NGO")
  std::string sector;  // may be empty
};

struct PloverRecord {
  std::string id;
  std::string event;           // PLOVER 2.0 type (old types mapped, see modern_plover_type)
  std::string original_event;  // as written in the file
  std::string text;
  Date date;
  std::vector<PloverActor> source;
  std::vector<PloverActor> target;  // empty when the file has none ("" or missing)
};

/// Removes commas that are followed (after white space) by ']' or '}',
/// outside JSON strings, so that strict parsers accept the text.
std::string strip_trailing_commas(std::string_view json);

/// Maps the pre-2.0 PLOVER types to today's: DEMAND->REQUEST,
/// DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE, FIGHT->ASSAULT; others unchanged.
std::string_view modern_plover_type(std::string_view type);

/// Parses the PLOVER gold file text (a JSON array, trailing commas allowed).
/// The DOCUMENT record is skipped. Error (named `name`) if it is not JSON.
Result<std::vector<PloverRecord>> parse_plover(std::string_view text, std::string_view name);
Result<std::vector<PloverRecord>> read_plover(const std::string& path);

// ---- IndiaPoliceEvents --------------------------------------------------------

struct PoliceSentence {
  uint32_t id = 0;
  std::string text;
  std::vector<std::string> labels;  // KILL, ARREST, FAIL, FORCE, ANY_ACTION
};

struct PoliceDoc {
  int64_t id = 0;
  Date date;
  std::string text;
  std::vector<PoliceSentence> sentences;  // in sent_id order
};

/// Reads docs.jsonl, sents.jsonl and metadata.jsonl from `dir`; documents in
/// docs.jsonl order, at most `limit` (0 = all). Error if a file cannot be read
/// or a line is not JSON.
Result<std::vector<PoliceDoc>> read_india_police(const std::string& dir, size_t limit = 0);

// ---- named entities (gum-news-ner, wikigold-ner) ----------------------------------

/// One token of a NER document and its label as written ("I-PER", "O"; GUM: "person", "place", "O").
struct NerToken {
  std::string text;
  std::string label;
};

/// A NER document: its sentences of labelled tokens.
struct NerDocument {
  std::string id;  // "wikigold.conll.txt#3" (numbered from 0, as the dev/held-out split) or the GUM file name
  std::vector<std::vector<NerToken>> sentences;
};

/// Reads CoNLL-style "token TAG" lines (space- or tab-separated, the tag last), blank lines between
/// sentences, "-DOCSTART-" lines starting documents (wikigold). A line with no separator is an Error
/// naming file:line.
Result<std::vector<NerDocument>> parse_conll_ner(std::string_view text, std::string_view name);
Result<std::vector<NerDocument>> read_conll_ner(const std::string& path);

/// A run of tokens with one label: [begin, end) over the document's tokens counted across sentences.
struct NerSpan {
  std::string label;  // "PER" (IO prefix "I-"/"B-" removed), or the GUM label ("person")
  uint32_t begin = 0;
  uint32_t end = 0;
  friend bool operator==(const NerSpan&, const NerSpan&) = default;
};

/// The entity spans of a document: maximal runs of tokens with the same label inside a sentence ("O"
/// ends a run; a "B-" tag starts a new one). With IO tags, two neighbouring entities of one type read
/// as one span: the files cannot tell them apart.
std::vector<NerSpan> ner_spans(const NerDocument& d);

}  // namespace dyad::eval
