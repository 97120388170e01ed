// Export writers: coded documents and stored events -> one of several
// record formats on a stream (docs/output.md).
//
//   jsonl     dyad's own records (records.h), one JSON object per line
//   csv       one RFC 4180 row per event, with a header row
//   gdelt     the GDELT 2.0 event table (61 tab-separated columns, no header)
//   mentions  the GDELT 2.0 mentions table (16 tab-separated columns)
//   plover    PLOVER JSON, one object per event and line
//   gkg       the GDELT GKG 2.1 table (27 tab-separated columns), one row per article
//
// A writer is created once per output stream and is not thread-safe; call
// write() in output order and finish() once at the end.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "store/store.h"

namespace dyad {

/// Writes records in one format to a stream. write(doc) for `dyad code`, write(stored) for `dyad query`.
class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  /// Writes every record the format has for one coded article (events, or the article itself for gkg).
  virtual void write(const Document& doc) = 0;
  /// Writes one stored event (gkg is article-level and writes nothing for a stored event).
  virtual void write(const StoredEvent& e) = 0;
  /// Ends the output (writes the csv header when nothing was written; flushes).
  virtual void finish() {}
};

/// Settings shared by all writers.
struct WriterOptions {
  /// "Now" for GDELT's DATEADDED / GKG record ids (UTC). nullopt = the clock
  /// when the writer is made. Set it for reproducible output.
  std::optional<std::chrono::sys_seconds> now;
};

/// "jsonl", "csv", "gdelt", "mentions", "plover", "gkg"; unknown -> Error listing the known names.
Result<std::unique_ptr<RecordWriter>> make_writer(std::string_view format, std::ostream& out,
                                                  const WriterOptions& options = {});

/// The format names make_writer() accepts, in documentation order.
std::vector<std::string_view> writer_formats();

// ---- building blocks, public for tests and other front ends ----------------

/// A CAMEO actor code split into GDELT's actor fields (rules in docs/output.md).
struct ActorCodeParts {
  std::string country;      // country or region code ("RUS", "EUR")
  std::string known_group;  // IGO/NGO/armed-group code ("UNO", "HMS")
  std::string ethnic;       // lower-case CAMEO ethnic code
  std::string religion1, religion2;
  std::string type1, type2, type3;  // role/type codes ("GOV", "MIL", "IGO")
};

/// Splits `actor.code` into 3-character chunks and sorts them into GDELT's
/// fields. `actor.country`, when set, decides which chunk is the country.
/// An empty code gives country = actor.country and type1 = actor.sector.
ActorCodeParts split_actor_code(const Actor& actor);

/// GDELT's GlobalEventID for a dyad event id: the XXH3-64 of the id with the
/// top bit cleared, so it is a positive 63-bit integer, stable across runs.
int64_t gdelt_event_id(std::string_view dyad_event_id);

/// Number of Unicode code points in text[0, byte_offset) (UTF-8): GDELT's
/// character offsets. Offsets past the end count the whole text.
uint32_t char_offset(std::string_view text, uint32_t byte_offset);

}  // namespace dyad
