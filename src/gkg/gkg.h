// The GKG stage: quotations with their speakers, and amounts with what they count.
//
// Usage (load once, share across threads, call annotate() per document after the
// knowledge stage has filled doc.mentions and doc.entities):
//
//   auto rules = GkgRules::load(data_dir);   // data_dir/gkg/*.tsv, formats in docs/gkg.md
//   annotate_gkg(**rules, doc);              // fills doc.quotes and doc.amounts
//
// The rules (quote pairing, attribution, scare quotes, pronoun speakers, what is
// and is not an amount) are documented in docs/gkg.md.
#pragma once

#include <memory>
#include <string>

#include "core/document.h"
#include "core/error.h"

namespace dyad {

class GkgRules {
 public:
  /// Loads data_dir/gkg/{speech,numbers,units,words}.tsv (formats in docs/gkg.md). A missing file, a
  /// missing column, an unknown kind or class, a bad number or an empty form is an Error naming the file
  /// and the 1-based line.
  static Result<std::shared_ptr<const GkgRules>> load(const std::string& data_dir);
  ~GkgRules();
  GkgRules(const GkgRules&) = delete;
  GkgRules& operator=(const GkgRules&) = delete;

  struct Impl;
  [[nodiscard]] const Impl& impl() const { return *impl_; }

 private:
  explicit GkgRules(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Finds the quotations in doc.text (needs doc.article, doc.text; uses doc.mentions and doc.entities for
/// speakers) and replaces doc.quotes with them, in text order. Quotes in byline, boilerplate and post
/// attribution sentences are ignored, and no speaker comes from such a sentence.
void find_quotes(const GkgRules& rules, Document& doc);

/// Finds the amounts in doc.text and replaces doc.amounts with them, in text order. Years, dates, clock
/// times, ordinals, phone-like digit runs and numbers inside actor mentions are not amounts.
void find_amounts(const GkgRules& rules, Document& doc);

/// Both of the above. Thread-safe for distinct documents sharing one GkgRules.
void annotate_gkg(const GkgRules& rules, Document& doc);

}  // namespace dyad
