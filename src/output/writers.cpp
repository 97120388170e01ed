// Export writers: the factory, shared helpers, and the jsonl, csv and plover
// formats (the GDELT tables are in gdelt.cpp).
//
// Design: every writer works from an EventView, one event plus what is known
// of its article, built either from a coded Document (`dyad code`, article
// text at hand) or from a StoredEvent (`dyad query`, only the sentence). So
// one row function serves both entry points and the two cannot drift apart.
// CSV follows RFC 4180 (CRLF line ends, fields with quote, comma, CR or LF
// quoted, quotes doubled). PLOVER objects follow the field names of the PLOVER
// specification's JSON table; dyad-only facts go into extra named fields,
// which the specification allows.
#include "output/writers.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <string>
#include <utility>

#include "output/export_internal.h"
#include "output/records.h"

namespace dyad {

namespace output_detail {

std::vector<EventView> views(const Document& doc) {
  std::vector<EventView> out;
  out.reserve(doc.events.size());
  int32_t lead = -1;
  for (const Sentence& s : doc.text.sentences) {
    if (s.codable() && (s.flags & (kHeadline | kPost)) == 0) {
      lead = static_cast<int32_t>(s.paragraph);
      break;
    }
  }
  for (const Event& e : doc.events) {
    EventView v;
    v.event = &e;
    v.article_id = doc.article.id;
    v.url = doc.article.url;
    v.source = doc.article.source;
    v.title = doc.article.title;
    v.published = doc.article.published;
    v.text = doc.article.text;
    v.has_text = true;
    v.lead_paragraph = lead;
    if (doc.tone) v.tone = doc.tone->tone();
    if (e.sentence < doc.text.sentences.size()) {
      const Sentence& s = doc.text.sentences[e.sentence];
      v.sentence = s.span.of(doc.article.text);
      v.paragraph = static_cast<int32_t>(s.paragraph);
    }
    out.push_back(v);
  }
  return out;
}

EventView view(const StoredEvent& e) {
  EventView v;
  v.event = &e.event;
  v.article_id = e.article_id;
  v.sentence = e.sentence_text;
  if (auto d = parse_date(e.first_seen)) v.published = *d;
  v.mentions = std::max<uint32_t>(1, e.num_mentions);
  v.articles = std::max<uint32_t>(1, e.num_articles);
  v.sources = std::max<uint32_t>(1, e.num_sources);
  v.tone = e.avg_tone;
  return v;
}

Date event_day(const EventView& v) { return v.event->date.known() ? v.event->date : v.published; }

std::string format_number(double v) {
  std::array<char, 512> buf{};  // fixed notation of any double fits
  auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed);
  if (ec != std::errc()) return "0";
  std::string s(buf.data(), end);
  return s == "-0" ? "0" : s;
}

std::string yyyymmdd(const Date& d) {
  if (!d.known()) return "";
  Date day = Date::from_days(d.first_day());
  std::array<char, 16> buf{};
  std::snprintf(buf.data(), buf.size(), "%04d%02u%02u", day.year, day.month, day.day);
  return buf.data();
}

std::string timestamp(std::chrono::sys_seconds t) {
  auto days = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd{days};
  std::chrono::hh_mm_ss hms{t - days};
  std::array<char, 24> buf{};
  std::snprintf(buf.data(), buf.size(), "%04d%02u%02u%02d%02d%02d", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf.data();
}

std::string clean_field(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

std::string url_domain(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view s = url.substr(0, scheme);
  if (s != "http" && s != "https") return "";
  std::string_view host = url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#:"));
  if (host.substr(0, 4) == "www.") host.remove_prefix(4);
  return std::string(host);
}

}  // namespace output_detail

namespace {

using nlohmann::json;
using output_detail::EventView;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// ---- jsonl ------------------------------------------------------------------

class JsonlWriter final : public RecordWriter {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}
  void write(const Document& doc) override { write_jsonl(doc, out_); }
  void write(const StoredEvent& e) override {
    out_ << dump(event_record(e.event, e.article_id, e.sentence_text)) << '\n';
  }
  void finish() override { out_.flush(); }

 private:
  std::ostream& out_;
};

// ---- csv --------------------------------------------------------------------

constexpr std::array<std::string_view, 27> kCsvColumns = {
    "id",          "article",       "date",           "date_precision",
    "source_text", "source_code",   "source_country", "source_sector",
    "target_text", "target_code",   "target_country", "target_sector",
    "cameo",       "plover",        "quad_class",     "goldstein",
    "mode",        "attributed_to", "location_name",  "location_country",
    "lat",         "lon",           "sentence",       "span_offset",
    "span_length", "rule",          "date_basis"};
constexpr size_t kCsvColumnCount = kCsvColumns.size();

void csv_field(std::string& line, std::string_view v) {
  if (v.find_first_of("\",\r\n") == std::string_view::npos) {
    line += v;
    return;
  }
  line += '"';
  for (char c : v) {
    if (c == '"') line += '"';
    line += c;
  }
  line += '"';
}

class CsvWriter final : public output_detail::EventRowWriter {
 public:
  explicit CsvWriter(std::ostream& out) : EventRowWriter(out) {}
  void finish() override {
    header();
    out_.flush();
  }

 private:
  void header() {
    if (header_done_) return;
    header_done_ = true;
    std::string line;
    for (size_t i = 0; i < kCsvColumnCount; ++i) {
      if (i > 0) line += ',';
      line += kCsvColumns[i];
    }
    out_ << line << "\r\n";
  }

  void row(const EventView& v) override {
    header();
    const Event& e = *v.event;
    const Actor none;
    const Actor& t = e.target ? *e.target : none;
    std::string lat, lon, loc_name, loc_country;
    if (e.location) {
      if (e.location->located()) {
        lat = output_detail::format_number(e.location->lat);
        lon = output_detail::format_number(e.location->lon);
      }
      loc_name = e.location->name;
      loc_country = e.location->country;
    }
    const std::array<std::string, kCsvColumnCount> fields = {
        e.id,
        std::string(v.article_id),
        e.date.iso(),
        std::string(to_string(e.date.precision)),
        e.source.text,
        e.source.code,
        e.source.country,
        e.source.sector,
        t.text,
        t.code,
        t.country,
        t.sector,
        e.cameo,
        e.plover,
        e.quad_class == 0 ? std::string() : std::to_string(e.quad_class),
        output_detail::format_number(e.goldstein),
        std::string(to_string(e.mode)),
        e.attributed_to,
        loc_name,
        loc_country,
        lat,
        lon,
        std::string(v.sentence),
        std::to_string(e.span.offset),
        std::to_string(e.span.length),
        e.rule,
        e.date_basis};
    std::string line;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) line += ',';
      csv_field(line, fields[i]);
    }
    out_ << line << "\r\n";
  }

  bool header_done_ = false;
};

// ---- plover -----------------------------------------------------------------

json plover_actor(const Actor& a) {
  json j = json::object();
  // PLOVER's actor object: "code" is the top-level (country) code, "sector" the rest.
  ActorCodeParts parts = split_actor_code(a);
  std::string code = parts.country;
  if (code.empty()) code = !parts.known_group.empty() ? parts.known_group : a.code.substr(0, 3);
  j["code"] = code;
  std::string sector = a.sector;
  if (sector.empty()) sector = parts.type1;
  if (!sector.empty()) j["sector"] = sector;
  j["actor_text"] = a.text;
  if (!a.canonical.empty()) j["identifier_text"] = a.canonical;
  if (!a.code.empty()) j["cameo_code"] = a.code;  // dyad extension: the full CAMEO actor code
  return j;
}

class PloverWriter final : public output_detail::EventRowWriter {
 public:
  explicit PloverWriter(std::ostream& out) : EventRowWriter(out) {}

 private:
  void row(const EventView& v) override {
    const Event& e = *v.event;
    // PLOVER has no category for statements (dyad's OTHER): such events are not PLOVER records.
    if (e.plover.empty() || e.plover == "OTHER") return;
    json j = json::object();
    j["id"] = e.id;
    Date d = output_detail::event_day(v);
    j["date"] = d.known() ? json(d.iso()) : json();
    j["date_precision"] = to_string(d.precision);  // dyad extensions
    j["date_basis"] = e.date_basis.empty() ? json() : json(e.date_basis);
    j["actor"] = json::array({plover_actor(e.source)});
    j["recipient"] = e.target ? json::array({plover_actor(*e.target)}) : json::array();
    j["event"] = e.plover;
    // dyad does not carry PLOVER's event modes (visit, phone, ...), so mode holds the epistemic mode.
    j["mode"] = to_string(e.mode);
    j["context"] = json::array();
    if (e.location) {
      const Place& p = *e.location;
      json loc{{"name", p.name},
               {"latitude", p.located() ? json(p.lat) : json()},
               {"longitude", p.located() ? json(p.lon) : json()}};
      if (p.geonameid != 0) loc["geonameid"] = p.geonameid;
      if (!p.country.empty()) loc["cc3"] = p.country;
      j["event_loc"] = loc;
    } else {
      j["event_loc"] = json();
    }
    if (e.quad_class >= 1 && e.quad_class <= 4) j["quad_code"] = e.quad_class;
    j["text"] = v.sentence;
    json info{{"sequence", e.sentence}, {"start", e.span.offset}, {"end", e.span.end()}};
    j["text_info"] = info;
    json cite{{"citation", v.article_id}};
    if (!v.url.empty()) cite["url"] = v.url;
    if (!v.title.empty()) cite["title"] = v.title;
    if (!v.source.empty()) cite["publication"] = v.source;
    j["cite_info"] = cite;
    j["coder"] = "dyad";
    // dyad extensions: the CAMEO coding and evidence the PLOVER record is derived from.
    j["epistemic_mode"] = to_string(e.mode);
    if (!e.attributed_to.empty()) j["attributed_to"] = e.attributed_to;
    j["cameo"] = e.cameo;
    j["goldstein"] = e.goldstein;
    j["rule"] = e.rule;
    out_ << dump(j) << '\n';
  }
};

constexpr std::array<std::string_view, 6> kFormats = {"jsonl", "csv", "gdelt", "mentions", "plover", "gkg"};

}  // namespace

std::vector<std::string_view> writer_formats() { return {kFormats.begin(), kFormats.end()}; }

Result<std::unique_ptr<RecordWriter>> make_writer(std::string_view format, std::ostream& out,
                                                  const WriterOptions& options) {
  auto now = options.now ? *options.now : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  std::string added = output_detail::timestamp(now);
  std::unique_ptr<RecordWriter> w;
  if (format == "jsonl") w = std::make_unique<JsonlWriter>(out);
  if (format == "csv") w = std::make_unique<CsvWriter>(out);
  if (format == "plover") w = std::make_unique<PloverWriter>(out);
  if (format == "gdelt") w = output_detail::make_gdelt_writer(out, added);
  if (format == "mentions") w = output_detail::make_mentions_writer(out, added);
  if (format == "gkg") w = output_detail::make_gkg_writer(out, added);
  if (w) return w;
  std::string known;
  for (std::string_view f : kFormats) {
    if (!known.empty()) known += ", ";
    known += f;
  }
  return Error{"", 0, "unknown output format '" + std::string(format) + "' (known: " + known + ")"};
}

}  // namespace dyad
