// Reading TABARI / PETRARCH dictionaries (.actors, .agents, .verbs, .discards)
// into dyad's knowledge specs (knowledge/specs.h).
//
// The translation rules (names, date restrictions, agent codes, verb patterns
// in dyad's pattern syntax, what is approximated) are documented in
// docs/petrarch.md. Reading is pure: no global state, safe on any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "knowledge/specs.h"

namespace dyad {

/// Which of the four TABARI/PETRARCH dictionary kinds a file is.
enum class PetrarchKind : uint8_t { unknown, actors, agents, verbs, discards };
std::string_view to_string(PetrarchKind k);

/// The kind a file name says (".actors", "PETR.Validate.verbs.txt",
/// "PETR_Validate_agents_2_02.txt", "x.discards" ...), unknown if it says none.
PetrarchKind petrarch_kind_from_name(std::string_view path);

/// True when the file looks like a TABARI/PETRARCH dictionary (.actors, .agents,
/// .verbs, .discards; also names like PETR.Validate.actors.txt) rather than a
/// dyad TSV: the name must say the kind and `head` (the first bytes of the file)
/// must not look like a tab-separated table with a lower_snake_case header.
bool is_petrarch_dictionary(const std::string& path, std::string_view head);

/// What reading one dictionary did besides the specs: counts for docs and
/// logs, and every approximation or skipped entry as a warning (file:line).
struct PetrarchReport {
  PetrarchKind kind = PetrarchKind::unknown;
  std::vector<Error> warnings;  // warning == true; nothing here stopped the read
  // actors
  size_t actor_entries = 0;  // primary phrases
  size_t actor_names = 0;    // primary + synonym phrases
  size_t roles = 0;          // RoleSpecs written (one per code and period)
  size_t dated_roles = 0;    // roles with a date restriction
  size_t null_codes = 0;     // [---] / [+++] roles (recognised, not coded)
  // agents
  size_t agent_entries = 0;
  size_t agent_forms = 0;    // surface forms after plurals and !MARKER! substitution
  size_t prefix_agents = 0;  // "CODE~" agents (code goes before the actor code)
  // verbs
  size_t synsets = 0;
  size_t verb_blocks = 0;
  size_t verbs = 0;                // verb lines (headwords and multi-word verbs)
  size_t patterns_read = 0;        // "- ..." lines
  size_t patterns_written = 0;     // VerbPatternSpecs written (incl. bare verbs and reciprocals)
  size_t reciprocal_patterns = 0;  // "[a:b]" codes: extra {T}/{S}-swapped pattern with code b
  size_t approximated = 0;         // written, but a construct had no exact dyad equivalent
  size_t skipped_null = 0;         // [---] patterns and bare verbs: no event in TABARI either
  size_t skipped_other = 0;        // discard codes, non-CAMEO codes, undefined synsets, ...
  // discards (also [###] actors)
  size_t discards = 0;
  std::vector<size_t> story_discards;  // indexes into specs.discards: '+' = drop the whole story
};

/// Reads one TABARI/PETRARCH dictionary into dyad's specs (src/knowledge/specs.h);
/// errors name file:line. The kind comes from the file name, else from the
/// content. Syntax errors (unterminated bracket or comment, a bad date, a
/// malformed code, an undefined !MARKER!) stop the read; entries that are
/// well-formed but have no dyad meaning are skipped and reported in `report`.
Result<KnowledgeSpecs> read_petrarch_dictionary(const std::string& path);
Result<KnowledgeSpecs> read_petrarch_dictionary(const std::string& path, PetrarchReport& report);

/// The same from text in memory; `path` names it in messages and origins.
Result<KnowledgeSpecs> parse_petrarch_dictionary(std::string_view text, const std::string& path, PetrarchKind kind,
                                                 PetrarchReport& report);

}  // namespace dyad
