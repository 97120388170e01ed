// Knowledge specs: the plain data every dictionary format is read into.
//
// dyad's own TSV files (docs/dictionaries.md) and imported TABARI/PETRARCH
// dictionaries (.actors, .agents, .verbs, .discards) both become these
// structures; the actor matcher and the event coder compile them. A spec
// remembers where it came from (`origin`, "file:line") for evidence and errors.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/document.h"

namespace dyad {

/// One period in which a named actor carries a code. `from` inclusive,
/// `until` exclusive (the day a successor takes over belongs to the successor);
/// either may be open.
struct RoleSpec {
  std::string code;       // full CAMEO actor code, e.g. "RUSGOV", "IGOUNO", "PSEREBHMS"
  std::string secondary;  // extra sector code, e.g. "MIL" for a defence minister
  std::string country;    // CAMEO country code of the role, when it has one
  std::string office;     // stable office key ("defence_minister"), may be empty
  std::string title;      // "Defence Minister", may be empty
  std::optional<Date> from;
  std::optional<Date> until;
  bool acting = false;  // acting / interim holder
  std::string origin;   // "file:line" of the row this role came from (may be empty)
};

/// A named actor: person, organisation or country, with its names and roles.
struct ActorSpec {
  MentionKind kind = MentionKind::person;
  std::string canonical;           // display name
  std::vector<std::string> names;  // surface forms as written in the dictionary
  std::vector<RoleSpec> roles;     // codes by date; a role with no dates always applies
  std::string origin;              // "file:line"
  /// Codes from a dictionary with its own code space (TABARI/PETRARCH): their
  /// shape is checked, but not their country part against countries.tsv.
  bool foreign_codes = false;
  // Countries only (kind == country); `names` holds the name and aliases, roles[0]
  // the CAMEO code with valid_from / valid_to.
  std::vector<std::string> adjectives;  // demonyms: "Russian", "Russians"
  std::vector<std::string> capitals;    // capital(s) and seat: places that may stand for the government
  std::vector<std::string> metonyms;    // "Kremlin", "Pentagon:MIL" (a ':SECTOR' suffix gives the sector)
  std::vector<std::string> successors;  // former states: CAMEO codes of the successors
  std::string iso3;                     // ISO 3166-1 alpha-3, empty for regions
  bool region = false;                  // a regional code of no state ("the West"; countries.tsv status region)
};

/// A generic role or group word ("police", "foreign minister") -> sector code(s).
struct AgentSpec {
  std::vector<std::string> names;  // singular and irregular plural forms
  std::string sector;              // CAMEO sector code ("COP", "GOV", ...)
  std::string secondary;           // optional second code
  std::string plover_sector;
  std::string office;  // office key of the people files ("defence_minister"), empty if none
  std::string origin;
  /// TABARI/PETRARCH "[CODE~]": the code goes before the code of the actor it names
  /// ("MSF Arnor" -> NGOARN, "an MSF Arnor diplomat" -> NGOARNGOV); dyad's TSV has no such agents.
  bool prefix = false;
  /// From a TABARI/PETRARCH dictionary: also matches a word in capitals ("MSF"), as their
  /// actor entries do (ActorSpec::foreign_codes).
  bool any_case = false;
};

/// A verb or noun pattern in dyad's pattern syntax (docs/verbs.md) with its CAMEO code.
struct VerbPatternSpec {
  std::string code;     // CAMEO event code, "042"
  std::string pattern;  // e.g. "{S} (visit|travel to|arrive in) {T}"
  std::string origin;
  /// From a dictionary with its own code space (TABARI/PETRARCH): a code outside
  /// the CAMEO codebook is kept, scored like its nearest CAMEO ancestor.
  bool foreign_codes = false;
  /// TABARI/PETRARCH '%' in the subject position of a pattern with no target: the
  /// subject must be a compound ("X and Y agreed"), and its members act on each other
  /// (every ordered pair of different actors); no object is looked for.
  bool compound_source = false;
  /// TABARI/PETRARCH "[a:b]" on a pattern with no explicit target: every event coded with a
  /// target (the verb's object) is also coded target -> source with this code ("X arrived in
  /// Y" -> X->Y 032 and Y->X 033). Empty: none.
  std::string reverse_code{};
  /// TABARI-style flat pattern (TABARI/PETRARCH 1 word order, no PETRARCH 2 phrase group):
  /// its words after the verb are plain words of the sentence, so they may also match in a
  /// "that" clause the verb governs ("X allowed that Y is a pleasant place" on "- * PLEASANT").
  /// A pattern with phrase groups `{...}` / `(...)` names parts of the verb's own phrase and
  /// stays inside the verb's clause. Set by the PETRARCH reader (docs/petrarch.md).
  bool flat = false;
};

/// A phrase whose presence means a sentence is not coded (TABARI .discards),
/// or, with `code`, is coded only as that code.
struct DiscardSpec {
  std::string phrase;
  std::string code;
  std::string origin;
};

/// Everything read from one or more dictionary files.
struct KnowledgeSpecs {
  std::vector<ActorSpec> actors;
  std::vector<AgentSpec> agents;
  std::vector<VerbPatternSpec> verbs;
  std::vector<DiscardSpec> discards;
};

}  // namespace dyad
