// The store: coded documents -> SQLite (WAL), with a versioned schema.
//
// Articles are keyed by their content hash, so coding the same input twice
// adds nothing. Writes happen in explicit transactions (one per batch of
// articles); a run killed mid-batch leaves the database as it was at the last
// commit, and re-running codes the missing articles again.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/error.h"

namespace dyad {

/// The schema version this build writes; PRAGMA user_version holds it.
inline constexpr int kSchemaVersion = 1;

/// Filters for Store::events(); empty fields do not filter.
struct EventQuery {
  std::string actor;         // matches source or target code prefix, or actor text/canonical (case-insensitive)
  std::string cameo;         // code prefix: "04" matches 040-046
  std::optional<Date> from;  // event date on or after
  std::optional<Date> to;    // event date on or before
  std::optional<EventMode> mode;
  std::string article;  // article id
  size_t limit = 0;     // 0 = no limit
};

/// An event as stored: the Event plus the article it came from.
struct StoredEvent {
  Event event;
  std::string article_id;
  std::string article_hash;
  std::string sentence_text;
};

struct StoreCounts {
  uint64_t articles = 0, events = 0, mentions = 0, entities = 0, quotes = 0, posts = 0, amounts = 0, links = 0;
};

class Store {
 public:
  /// Opens or creates the database at `path` (":memory:" for tests), sets WAL,
  /// creates or migrates the schema. A newer schema than this build knows is an Error.
  static Result<std::unique_ptr<Store>> open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  /// True when an article with this content hash is stored.
  [[nodiscard]] bool contains(std::string_view hash);

  Status begin();
  Status commit();
  void rollback();

  /// Writes one coded document (article, sentences, posts, entities, events with
  /// their mentions, quotes, amounts). Must be inside begin()/commit().
  /// A document whose hash is already stored is left alone (returns ok).
  Status put(const Document& doc);

  [[nodiscard]] StoreCounts counts();
  [[nodiscard]] int schema_version();

  /// Stored events matching `q`, ordered by date then id.
  [[nodiscard]] Result<std::vector<StoredEvent>> events(const EventQuery& q);

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad
