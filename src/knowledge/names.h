// Names and in-article coreference (issue 5, entities).
//
// The actor dictionaries find the people, organisations and places they know
// (ActorIndex::find -> Document::mentions). NameFinder then finds every other
// name from its shape and context, and resolves each reference to one entity
// of the article:
//
//   auto names = NameFinder::load(data_dir);          // data/knowledge/name_cues.tsv
//   index->find(doc); gazetteer->resolve(doc);         // mentions and their entities first
//   (*names)->find(doc, index.get(), gazetteer.get()); // fills doc.references, appends entities
//
// Rules and the cue file's format: docs/entities.md.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/document.h"
#include "core/error.h"
#include "knowledge/lexicon.h"

namespace dyad {

class ActorIndex;
class Gazetteer;

/// The cue words of data/knowledge/name_cues.tsv, case-folded, by kind.
enum class NameCue : uint8_t {
  title,
  honorific,
  particle,
  org_suffix,
  org_head,
  loc_suffix,
  loc_head,
  connector,
  not_name,
  pronoun_m,
  pronoun_f,
  given_name,
  org_context,
  org_noun,
  loc_noun,
  person_noun,
  person_verb,
  body_noun,
  date_word,
  unit,
  place_particle,
  possessive_end,
  party_role,
  name_inner,
  name_prefix,
  org_role,
};

class NameFinder {
 public:
  /// Reads data_dir/knowledge/name_cues.tsv. Errors name file:line (unknown cue, empty word list,
  /// a word listed twice for one cue, a bad as_of date, missing columns). `lexicon` (may be null: the
  /// rules that need it are then off) gives the common words, given names and companies.
  static Result<std::shared_ptr<const NameFinder>> load(const std::string& data_dir,
                                                        std::shared_ptr<const NameLexicon> lexicon);
  /// The same with the word lists of NameLexicon::default_dir() (none, silently, when not installed).
  static Result<std::shared_ptr<const NameFinder>> load(const std::string& data_dir);
  /// The same over in-memory text; `name` is used in errors.
  static Result<std::shared_ptr<const NameFinder>> parse(std::string_view name, std::string_view text,
                                                         std::shared_ptr<const NameLexicon> lexicon = nullptr);

  /// Does the cue file list `word` (any case) under `cue`?
  [[nodiscard]] bool is(NameCue cue, std::string_view word) const;

  /// Fills doc.references (text order) from doc.mentions (the names inside actor mentions, role words
  /// resolved to a person, country adjectives), from names no dictionary knows (titles, honorifics,
  /// organisation and place words, the gazetteer, name shapes, in-article propagation) and from personal
  /// pronouns (the most recent person whose gender is not known to differ). New names get new entities,
  /// appended to doc.entities: entities of doc.mentions keep their meaning, and doc.mentions is not changed,
  /// except that a place or country mention inside a person's name ("novelist Jack London") or standing for
  /// that person later ("London said") becomes a mention of the person, and the place entity it leaves with
  /// no mention or reference is removed (later entities move down); a known person's one-word surname inside a
  /// longer unknown person's name (given name not the known one's) becomes that person's mention, and a lower-case
  /// agent mention right before a `body_noun` ("the refugee agency") is removed. `actors` and `gazetteer` may be null.
  /// Thread-safe.
  void find(Document& doc, const ActorIndex* actors, const Gazetteer* gazetteer) const;

 private:
  NameFinder() = default;
  std::unordered_map<std::string, uint32_t> cues_;  // folded word -> bit set of NameCue
  std::shared_ptr<const NameLexicon> lexicon_;      // may be null
};

}  // namespace dyad
