// Actor knowledge: dyad's dictionary files -> one immutable index that finds
// actor and place mentions in an analysed article.
//
// Usage (load once, share across threads, call find() per document):
//
//   auto rules = TextRules::load(dir);                       // text layer
//   KnowledgeSpecs extra;                                    // --dictionary files
//   for (auto& f : files) { auto s = read_dyad_dictionary(f); ...append s->actors/agents... }
//   auto index = ActorIndex::load(dir, extra, /*no_default=*/false, **rules);
//   Document doc; doc.article = ...; analyze_text(**rules, doc.article, doc.text);
//   (*index)->find(doc);                                     // fills doc.mentions, doc.entities
//
// Rules (precedence, case, validation) are documented in docs/dictionaries.md,
// "Loading and matching".
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "knowledge/specs.h"
#include "text/text.h"

namespace dyad {

class Gazetteer;

/// Which of dyad's dictionary kinds a TSV header describes.
enum class DictionaryKind : uint8_t { unknown, countries, agents, organisations, people };

/// Reads one dyad TSV dictionary file (countries/agents/organisations/people kinds, detected from its header
/// columns) into specs; errors name file:line. Validates everything that can be checked within the file
/// (code shapes, closed lists, dates, from after until, duplicates, overlapping terms of one office).
/// Problems that do not stop loading (e.g. a defence minister without secondary MIL) go to `warnings`.
Result<KnowledgeSpecs> read_dyad_dictionary(const std::string& path, std::vector<Error>* warnings = nullptr);

/// The same over in-memory text; `name` is used as the file name in errors and origins.
Result<KnowledgeSpecs> parse_dyad_dictionary(std::string_view name, std::string_view text,
                                             std::vector<Error>* warnings = nullptr);

/// The kind of a dictionary, from the columns of its header (unknown when not a dyad dictionary).
DictionaryKind dictionary_kind(const std::vector<std::string>& header);

/// Checks that need several files: every country code used by people, organisations and
/// territories exists in the countries (or uses a documented prefix: IGO, NGO, IMG, MNC);
/// every former state's successor exists. Returns every problem found (empty = valid).
std::vector<Error> validate_specs(const KnowledgeSpecs& specs);

/// Load-time figures, for logs and docs/performance.md.
struct ActorIndexStats {
  size_t countries = 0, organisations = 0, people = 0, roles = 0, agents = 0;
  size_t phrases = 0;  // surface forms compiled into the matcher
  std::vector<Error> warnings;
};

class ActorIndex {
 public:
  /// Loads data_dir/knowledge/*.tsv (unless no_default), then `extra` specs (user --dictionary files, already
  /// read) which add entries or override entries with the same surface name; validates; compiles one
  /// PhraseMatcher over the names tokenised with the text layer (analyze_text on a synthetic Article, so
  /// dictionary names tokenise exactly like article text). Files in data_dir/knowledge whose header is not a
  /// dyad dictionary kind (e.g. a gazetteer) are skipped. The first error stops loading.
  static Result<std::shared_ptr<const ActorIndex>> load(const std::string& data_dir, const KnowledgeSpecs& extra,
                                                        bool no_default, const TextRules& rules);

  /// Finds actor and place mentions in doc.text (needs doc.article and doc.text), fills doc.mentions (text
  /// order) and doc.entities (one entity per distinct real-world actor in the article, mentions linked by
  /// Mention::entity), resolving codes as valid on doc.article.published (unknown date: most recent role).
  /// Thread-safe: the index is immutable. With a gazetteer, a compass-shaped word right before a state's name
  /// that the gazetteer holds with it as a division, region or territory of another state ("Northern Ireland")
  /// names that other state, in every reading the state's name has (place, country, the country of a chain).
  void find(Document& doc, const Gazetteer* gazetteer = nullptr) const;

  /// The holder of `office` ("defence_minister") in `country` ("RUS") on `date` (unknown date: the most
  /// recent holder); empty when none or ambiguous (several holders at once).
  [[nodiscard]] std::string office_holder(std::string_view country, std::string_view office, const Date& date) const;

  /// Is `words` (any case, a final possessive ignored) one of the countries' adjectives or demonyms
  /// ("Russian", "Chinese", "Russians")?
  [[nodiscard]] bool is_country_adjective(std::string_view words) const;
  /// Is `words` (any case, any apostrophe) a country's name or alias ("Russia", "Russian Federation",
  /// "People's Republic of China")?
  [[nodiscard]] bool is_country_name(std::string_view words) const;

  [[nodiscard]] const ActorIndexStats& stats() const;

  ~ActorIndex();
  ActorIndex(const ActorIndex&) = delete;
  ActorIndex& operator=(const ActorIndex&) = delete;

  struct Impl;

 private:
  explicit ActorIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
