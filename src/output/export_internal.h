// Shared helpers of the export writers (writers.cpp, gdelt.cpp). Not a public API.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "output/writers.h"
#include "store/store.h"

namespace dyad::output_detail {

/// One event with what the writers need to know about its article, taken
/// either from a Document (text known) or from a StoredEvent (text unknown).
struct EventView {
  const Event* event = nullptr;
  std::string_view article_id, url, source, title, sentence;
  Date published;
  std::string_view text;        // the article text; empty for stored events
  bool has_text = false;        // text (and so character offsets, paragraphs) known
  int32_t paragraph = -1;       // paragraph of the event's sentence, -1 unknown
  int32_t lead_paragraph = -1;  // the article's lead: paragraph of its first codable non-headline sentence
  uint32_t mentions = 1, articles = 1, sources = 1;
  // GDELT AvgTone: the article's tone for a document, the mean over the reporting
  // articles for a stored event; nullopt when unknown.
  std::optional<double> tone;
};

/// Views of every event of `doc`, in order.
std::vector<EventView> views(const Document& doc);
/// View of a stored event; `published` is read from first_seen.
EventView view(const StoredEvent& e);

/// The event's date if known, else its article's publication date (may be unknown).
Date event_day(const EventView& v);

/// Shortest round-trip decimal form in fixed notation ("1.9", "-10", "38.8951", "5000000000").
std::string format_number(double v);
/// "YYYYMMDD" of the first day a date covers; "" when unknown.
std::string yyyymmdd(const Date& d);
/// "YYYYMMDDHHMMSS" (UTC).
std::string timestamp(std::chrono::sys_seconds t);
/// Tabs, CR and LF -> one space each: safe inside a tab-separated field.
std::string clean_field(std::string_view s);
/// The host of an http(s) URL without a leading "www.", "" when not a URL.
std::string url_domain(std::string_view url);

/// A writer of one record per event: documents and stored events both arrive
/// as EventViews at row(); finish() flushes.
class EventRowWriter : public RecordWriter {
 public:
  explicit EventRowWriter(std::ostream& out) : out_(out) {}
  void write(const Document& doc) final {
    for (const EventView& v : views(doc)) row(v);
  }
  void write(const StoredEvent& e) final { row(view(e)); }
  void finish() override { out_.flush(); }

 protected:
  virtual void row(const EventView& v) = 0;
  std::ostream& out_;
};

std::unique_ptr<RecordWriter> make_gdelt_writer(std::ostream& out, std::string date_added);
std::unique_ptr<RecordWriter> make_mentions_writer(std::ostream& out, std::string date_added);
std::unique_ptr<RecordWriter> make_gkg_writer(std::ostream& out, std::string date_added);

}  // namespace dyad::output_detail
