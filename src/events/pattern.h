// Verb patterns (docs/verbs.md): parsing the pattern syntax and expanding a
// pattern into the linear alternatives the matcher runs.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "knowledge/specs.h"

namespace dyad {

class ClauseWords;

/// One element of a linear (alternative-free) pattern.
struct PatternElement {
  enum class Kind : uint8_t {
    source,             // {S}; {S:COP|MIL}: a source of one of those sectors (listed in `word`)
    target,             // {T}; {T:GOV|ELI}: a target of one of those sectors (listed in `word`)
    source_possessive,  // {S's}
    target_possessive,  // {T's}
    lemma,              // word: any inflection of the lemma
    exact,              // "word": that form only
    gap,                // *: 0..5 tokens
    skip,               // ^: one noun phrase passed over (an actor mention with its compound, or plain words)
    modifiers,          // ~: 0..4 words inside one noun phrase (no actor, preposition, conjunction, auxiliary)
  };
  Kind kind = Kind::lemma;
  std::string word;  // lemma / exact form (case-folded); a slot's sectors ("COP|MIL"), else empty
  int32_t id = -1;   // lemma id assigned by the compiler (matcher use)
  [[nodiscard]] bool is_word() const { return kind == Kind::lemma || kind == Kind::exact; }
  [[nodiscard]] bool is_slot() const {
    return !is_word() && kind != Kind::gap && kind != Kind::skip && kind != Kind::modifiers;
  }
  friend bool operator==(const PatternElement&, const PatternElement&) = default;
};

/// One linear reading of a pattern: "(a|b) [c] {T}" has four.
struct LinearPattern {
  std::vector<PatternElement> elements;
  size_t anchor = 0;  // index of the first word element
  /// Number of word elements: "longest pattern wins" compares this.
  [[nodiscard]] size_t literals() const;
  /// The readable form, e.g. "{S} arrive in {T}".
  [[nodiscard]] std::string str() const;
};

/// A parsed pattern tree. Alternatives and optionals hold sequences.
struct PatternNode {
  enum class Kind : uint8_t { element, sequence, alternatives, optional };
  Kind kind = Kind::sequence;
  PatternElement element;
  std::vector<PatternNode> children;
  /// Alternatives whose every branch opens with a word, once lemma ids are given
  /// (anchor_pattern with ids): the lemma ids and exact forms of those first words,
  /// sorted, so the matcher can tell at once that a token opens no branch.
  bool first_words_known = false;
  std::vector<int32_t> first_lemmas;
  std::vector<std::string> first_exact;
};

/// The rest of a reading after its anchor: a sequence, never null. Readings of one
/// pattern that reach the same rest share it ("(a|b|c) to {T}": three readings, one rest).
using PatternRest = std::shared_ptr<const std::vector<PatternNode>>;

/// One reading of a pattern up to its anchor: the slots before the anchor word,
/// the anchor, and the rest of the pattern left as a tree (so alternatives after
/// the anchor cost nothing at load time: "(a|b) to (c|d|e) *" has two readings).
struct AnchoredPattern {
  std::vector<PatternElement> prefix;  // slots and gaps before the anchor
  PatternElement anchor;
  PatternRest rest;
  /// The readable form, e.g. "{S} arrive in {T}", "{S} sign * (deal|pact) [with {T}]".
  [[nodiscard]] std::string str() const;
};

/// Parses a pattern into its tree; errors name the spec's origin file:line.
Result<PatternNode> parse_pattern(const VerbPatternSpec& spec);

/// Gives a pattern lemma its id (the compiler's lemma table).
using LemmaIds = std::function<int32_t(const std::string& lemma)>;

/// Parses a pattern and splits it into its anchored readings (one per way of
/// reaching a first word). Errors as parse_pattern, plus readings with no word.
/// With `ids`, every lemma element (anchor and rest) gets its id before the rests are
/// copied: `ids` is called once per lemma node of the tree, in the order the readings
/// (anchor, then rest) reach them, so a table filled by first sight numbers lemmas as
/// if each reading were walked in turn.
Result<std::vector<AnchoredPattern>> anchor_pattern(const VerbPatternSpec& spec, const LemmaIds& ids = {});

/// The rules of dyad's own dictionary files on one pattern beyond its syntax (docs/verbs.md,
/// rules 5-7): lower-case words, at most one source and one target slot per reading, and a first
/// word that is no function word (`words`: data/cameo/clause_words.tsv) and not optional. Errors name
/// the spec's origin file:line.
Status check_dictionary_pattern(const VerbPatternSpec& spec, const ClauseWords& words);

/// Splits a spec origin "path/file.tsv:12" into file and line (line 0 if none).
Error pattern_error(std::string_view origin, std::string message);

/// Parses one pattern and expands it into its linear readings. Errors (unbalanced
/// brackets, unknown slots, empty alternatives, no word element, too many
/// readings) name the spec's origin file:line.
Result<std::vector<LinearPattern>> expand_pattern(const VerbPatternSpec& spec);

}  // namespace dyad
