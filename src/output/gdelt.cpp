// The GDELT-shaped exports: the 2.0 event table, the 2.0 mentions table and
// the GKG 2.1 table, all tab-separated without a header.
//
// Design notes.
// - Column lists follow the GDELT 2.0 Event Codebook and the GKG 2.1 Codebook;
//   every row is built as a fixed-size array, so a row can never have the
//   wrong number of fields, and tabs/newlines are removed from every value.
// - GlobalEventID is the XXH3-64 of dyad's event id with the top bit cleared:
//   stable across runs and machines, positive in a signed 64-bit column.
// - Actor codes are split by 3-character chunks (split_actor_code): a chunk is
//   a type/role code (GOV, MIL, IGO, ...), a religion code (CHR, MOS, ...), a
//   lower-case ethnic code, or "other". The country is the chunk equal to
//   Actor::country when that is set, else an "other" first chunk, else (for a
//   code that opens with a type such as IGO) the first of two "other" chunks;
//   the remaining "other" chunk is the known group. Type and religion codes fill
//   their slots in order; extras beyond the slots are dropped.
// - Character offsets (mentions, V2 GKG fields) are Unicode code points, as in
//   GDELT; dyad's spans are bytes and are converted with the article text. A
//   stored event has no article text at hand, so its offsets stay bytes.
// - dyad writes ISO 3166 alpha-3 country codes where GDELT has FIPS 10-4, and
//   leaves themes, counts and GCAM empty: it does not compute them. Tone
//   (V1.5TONE, AvgTone, MentionDocTone) comes from the tone stage (docs/tone.md).
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/hash.h"
#include "output/export_internal.h"
#include "output/writers.h"

namespace dyad {

namespace {

using output_detail::clean_field;
using output_detail::EventView;
using output_detail::format_number;

// CAMEO role / organisation-type codes (the GDELT Type1-3 fields).
const std::unordered_set<std::string_view>& type_codes() {
  static const std::unordered_set<std::string_view> k = {"COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY",
                                                         "UAF", "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV",
                                                         "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "PTY",
                                                         "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS", "SET", "PRE"};
  return k;
}

// CAMEO religion codes (first and second level).
const std::unordered_set<std::string_view>& religion_codes() {
  static const std::unordered_set<std::string_view> k = {
      "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ", "HIN", "HSD", "ITR", "JAN", "JEW",
      "JHW", "LDS", "MOS", "MRN", "NRM", "PAG", "PRO", "SFI", "SHI", "SHN", "SIK", "SUN", "TAO", "UDX", "ZRO"};
  return k;
}

bool is_lower_chunk(std::string_view c) {
  return std::all_of(c.begin(), c.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

std::string upper(std::string_view s) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())))
      .toUpper(icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}

std::string stamp_of_day(const Date& d, const std::string& fallback) {
  std::string day = output_detail::yyyymmdd(d);
  return day.empty() ? fallback : day + "000000";
}

// Character offset of a byte offset when the text is known, else the byte offset.
std::string offset_field(const EventView& v, const Span& s, bool present) {
  if (!present) return "-1";
  return std::to_string(v.has_text ? char_offset(v.text, s.offset) : s.offset);
}

// ---- GDELT 2.0 events ---------------------------------------------------------

// One tab-separated row: every field cleaned of tabs and newlines.
template <size_t N>
void write_tsv_row(std::ostream& out, const std::array<std::string, N>& fields) {
  std::string line;
  for (size_t i = 0; i < N; ++i) {
    if (i > 0) line += '\t';
    line += clean_field(fields[i]);
  }
  out << line << '\n';
}

constexpr size_t kEventColumns = 61;

void actor_fields(const Actor* a, std::array<std::string, kEventColumns>& row, size_t at) {
  if (a == nullptr) return;
  ActorCodeParts p = split_actor_code(*a);
  std::string code = a->code;
  if (code.empty()) code = a->country + a->sector;
  row[at + 0] = code;
  row[at + 1] = upper(!a->canonical.empty() ? a->canonical : a->text);
  row[at + 2] = p.country;
  row[at + 3] = p.known_group;
  row[at + 4] = p.ethnic;
  row[at + 5] = p.religion1;
  row[at + 6] = p.religion2;
  row[at + 7] = p.type1;
  row[at + 8] = p.type2;
  row[at + 9] = p.type3;
}

void geo_fields(const std::optional<Place>& place, std::array<std::string, kEventColumns>& row, size_t at) {
  row[at] = "0";
  if (!place) return;
  const Place& p = *place;
  bool point = p.located();
  if (!point && p.country.empty()) return;
  row[at + 0] = point ? "4" : "1";  // 4 = world city / point, 1 = country
  row[at + 1] = p.name;
  row[at + 2] = p.country;
  if (point) {
    row[at + 5] = format_number(p.lat);
    row[at + 6] = format_number(p.lon);
  }
  row[at + 7] = p.geonameid != 0 ? std::to_string(p.geonameid) : (point ? "" : p.country);
}

class GdeltWriter final : public output_detail::EventRowWriter {
 public:
  GdeltWriter(std::ostream& out, std::string added) : EventRowWriter(out), added_(std::move(added)) {}

 private:
  void row(const EventView& v) override {
    const Event& e = *v.event;
    std::array<std::string, kEventColumns> r;
    r[0] = std::to_string(gdelt_event_id(e.id));
    Date d = output_detail::event_day(v);
    if (d.known()) {
      Date day = Date::from_days(d.first_day());
      r[1] = output_detail::yyyymmdd(day);
      r[2] = r[1].substr(0, 6);
      r[3] = r[1].substr(0, 4);
      double fraction = (static_cast<double>(day.month - 1) * 30 + day.day) / 365.0;
      std::array<char, 32> buf{};
      std::snprintf(buf.data(), buf.size(), "%d.%04d", day.year, static_cast<int>(fraction * 10000 + 0.5));
      r[4] = buf.data();
    }
    actor_fields(&e.source, r, 5);
    actor_fields(e.target ? &*e.target : nullptr, r, 15);
    if (v.paragraph >= 0 && v.lead_paragraph >= 0) r[25] = v.paragraph == v.lead_paragraph ? "1" : "0";
    r[26] = e.cameo;
    r[27] = e.cameo.size() > 3 ? e.cameo.substr(0, 3) : e.cameo;
    r[28] = e.cameo.substr(0, std::min<size_t>(2, e.cameo.size()));
    r[29] = e.quad_class == 0 ? "" : std::to_string(e.quad_class);
    r[30] = format_number(e.goldstein);
    r[31] = std::to_string(v.mentions);
    r[32] = std::to_string(v.sources);
    r[33] = std::to_string(v.articles);
    if (v.tone) r[34] = format_number(*v.tone);  // AvgTone
    geo_fields(std::nullopt, r, 35);
    geo_fields(std::nullopt, r, 43);
    geo_fields(e.location, r, 51);
    r[59] = added_;
    r[60] = !v.url.empty() ? std::string(v.url) : std::string(v.article_id);
    write_tsv_row(out_, r);
  }

  std::string added_;
};

// ---- GDELT 2.0 mentions -------------------------------------------------------

constexpr size_t kMentionColumns = 16;

int confidence(const Event& e) {
  int c = 100;
  switch (e.mode) {
    case EventMode::happened:
      c = 100;
      break;
    case EventMode::expected:
      c = 50;
      break;
    case EventMode::possible:
      c = 30;
      break;
    case EventMode::negated:
      c = 10;
      break;
  }
  if (!e.attributed_to.empty()) c = std::min(c, 50);
  return c;
}

std::string xml_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out += c;
    }
  }
  return out;
}

class MentionsWriter final : public output_detail::EventRowWriter {
 public:
  MentionsWriter(std::ostream& out, std::string added) : EventRowWriter(out), added_(std::move(added)) {}

 private:
  void row(const EventView& v) override {
    const Event& e = *v.event;
    std::array<std::string, kMentionColumns> r;
    r[0] = std::to_string(gdelt_event_id(e.id));
    r[1] = added_;
    r[2] = stamp_of_day(v.published, added_);
    r[3] = "1";  // web
    r[4] = !v.source.empty() ? std::string(v.source) : output_detail::url_domain(v.url);
    r[5] = !v.url.empty() ? std::string(v.url) : std::string(v.article_id);
    r[6] = std::to_string(e.sentence + 1);
    r[7] = offset_field(v, e.source.span, !e.source.span.empty());
    r[8] = offset_field(v, e.target ? e.target->span : Span{}, e.target && !e.target->span.empty());
    r[9] = offset_field(v, e.span, !e.span.empty());
    bool raw = !e.source.span.empty() && (!e.target || !e.target->span.empty());
    r[10] = raw ? "1" : "0";
    r[11] = std::to_string(confidence(e));
    if (v.has_text) r[12] = std::to_string(char_offset(v.text, static_cast<uint32_t>(v.text.size())));
    if (v.tone && v.has_text) r[13] = format_number(*v.tone);  // MentionDocTone: this article's tone
    // r[14] MentionDocTranslationInfo: none.
    std::string extras =
        "<DYAD_ID>" + xml_text(e.id) + "</DYAD_ID><DYAD_MODE>" + std::string(to_string(e.mode)) + "</DYAD_MODE>";
    if (!e.attributed_to.empty())
      extras += "<DYAD_ATTRIBUTED_TO>" + xml_text(e.attributed_to) + "</DYAD_ATTRIBUTED_TO>";
    r[15] = extras;
    write_tsv_row(out_, r);
  }

  std::string added_;
};

// ---- GKG 2.1 ------------------------------------------------------------------

constexpr size_t kGkgColumns = 27;

// A value inside a GKG list: no field (tab), list (';', '#') or sub-field (',', '|') separators.
std::string gkg_value(std::string_view s) {
  std::string out = clean_field(s);
  for (char& c : out)
    if (c == ';' || c == '#' || c == ',' || c == '|') c = ' ';
  return out;
}

void append(std::string& list, std::string_view item, char sep = ';') {
  if (!list.empty()) list += sep;
  list += item;
}

// V1.5TONE: tone, positive, negative, polarity, activity density, self/group density, word count.
std::string v15tone(const Tone& t) {
  return format_number(t.tone()) + "," + format_number(t.positive()) + "," + format_number(t.negative()) + "," +
         format_number(t.polarity()) + "," + format_number(t.activity()) + "," + format_number(t.self_group()) + "," +
         std::to_string(t.words);
}

class GkgWriter final : public RecordWriter {
 public:
  GkgWriter(std::ostream& out, std::string added) : out_(out), added_(std::move(added)) {}

  void write(const Document& doc) override {
    const Article& a = doc.article;
    std::string_view text = a.text;
    auto off = [&](Span s) { return std::to_string(char_offset(text, s.offset)); };
    auto name_of = [&](const Entity& e) {
      return gkg_value(!e.canonical.empty() ? e.canonical : std::string(e.span.of(text)));
    };
    std::array<std::string, kGkgColumns> r;
    r[0] = added_ + "-" + std::to_string(seq_++);
    r[1] = stamp_of_day(a.published.precision == DatePrecision::day ? a.published : Date{}, added_);
    bool web = output_detail::url_domain(a.url) != "";
    r[2] = web ? "1" : "2";  // 1 = WEB, 2 = CITATIONONLY (an identifier that is not a URL)
    r[3] = !a.source.empty() ? a.source : output_detail::url_domain(a.url);
    r[4] = web ? a.url : a.id;
    // r[5..8] Counts, V2Counts, Themes, V2Themes: not computed.
    std::set<std::string> persons, orgs, locations;
    std::string v2persons, v2orgs, v2locations, all_names;
    // Where each entity is named: the offsets of its name references (Document::references), in text
    // order; an entity no name reference points to is named at its own span.
    std::vector<std::vector<uint32_t>> named_at(doc.entities.size());
    for (const EntityReference& ref : doc.references)
      if (ref.kind == ReferenceKind::name && ref.entity >= 0 && static_cast<size_t>(ref.entity) < named_at.size())
        named_at[static_cast<size_t>(ref.entity)].push_back(ref.span.offset);
    // An entity no reference points to whose words lie inside another entity's name gave way to that longer
    // name ("Ghana" and "Tollberry" of the firm "Tollberry Ghana": its mentions stay for the event coder,
    // docs/entities.md): it is no person, organisation or location of its own here.
    std::vector<char> referenced(doc.entities.size(), 0);
    for (const EntityReference& ref : doc.references)
      if (ref.entity >= 0 && static_cast<size_t>(ref.entity) < referenced.size())
        referenced[static_cast<size_t>(ref.entity)] = 1;
    auto inside_other_name = [&](size_t i) {
      const Span s = doc.entities[i].span;
      for (const EntityReference& ref : doc.references)
        if (ref.kind == ReferenceKind::name && ref.entity >= 0 && static_cast<size_t>(ref.entity) != i &&
            ref.span.offset <= s.offset && s.end() <= ref.span.end() && ref.span.length > s.length)
          return true;
      return false;
    };
    for (size_t i = 0; i < doc.entities.size(); ++i) {
      const Entity& e = doc.entities[i];
      std::string name = name_of(e);
      if (name.empty() || (!referenced[i] && inside_other_name(i))) continue;
      append(all_names, name + "," + off(e.span));
      auto each_mention = [&](std::string& v2) {
        if (named_at[i].empty()) {
          append(v2, name + "," + off(e.span));
          return;
        }
        for (uint32_t at : named_at[i]) append(v2, name + "," + off(Span{at, 0}));
      };
      if (e.type == EntityType::person) {
        persons.insert(name);
        each_mention(v2persons);
      } else if (e.type == EntityType::organization) {
        orgs.insert(name);
        each_mention(v2orgs);
      } else if (e.place) {
        const Place& p = *e.place;
        bool point = p.located();
        std::string type = point ? "4" : "1";
        std::string lat = point ? format_number(p.lat) : "";
        std::string lon = point ? format_number(p.lon) : "";
        std::string feature = p.geonameid != 0 ? std::to_string(p.geonameid) : "";
        std::string full = gkg_value(p.name.empty() ? name : p.name);
        locations.insert(type + "#" + full + "#" + p.country + "##" + lat + "#" + lon + "#" + feature);
        append(v2locations,
               type + "#" + full + "#" + p.country + "###" + lat + "#" + lon + "#" + feature + "#" + off(e.span));
      }
    }
    r[9] = join(locations);
    r[10] = v2locations;
    r[11] = join(persons);
    r[12] = v2persons;
    r[13] = join(orgs);
    r[14] = v2orgs;
    if (doc.tone) r[15] = v15tone(*doc.tone);
    r[16] = dates(doc, off);
    // r[17..19] GCAM, SharingImage, RelatedImages: not computed.
    std::set<std::string> seen;
    for (const Post& p : doc.text.posts) {
      if (p.url.empty() || !seen.insert(p.url).second) continue;
      append(r[20], gkg_value(p.url));
    }
    // r[21] SocialVideoEmbeds: none.
    for (const Quote& q : doc.quotes) {
      if (q.scare) continue;
      std::string quote = gkg_value(q.span.of(text));
      uint32_t len = char_offset(text, q.span.end()) - char_offset(text, q.span.offset);
      append(r[22], off(q.span) + "|" + std::to_string(len) + "|" + gkg_value(q.verb) + "|" + quote, '#');
    }
    r[23] = all_names;
    for (const Amount& am : doc.amounts) {
      std::string object = gkg_value(!am.object.empty() ? am.object : am.unit);
      append(r[24], format_number(am.value) + "," + object + "," + off(am.span));
    }
    // r[25] TranslationInfo: none (dyad reads English).
    if (!a.title.empty()) r[26] = "<PAGE_TITLE>" + xml_text(a.title) + "</PAGE_TITLE>";
    write_tsv_row(out_, r);
  }

  // GKG records describe articles; a stored event alone has nothing to put in one.
  void write(const StoredEvent& /*e*/) override {}
  void finish() override { out_.flush(); }

 private:
  static std::string join(const std::set<std::string>& items) {
    std::string out;
    for (const std::string& s : items) append(out, s);
    return out;
  }

  // V2.1 Dates: resolution#month#day#year#offset for dates read off the text
  // (embedded posts, and event dates from a date expression).
  template <class Off>
  static std::string dates(const Document& doc, Off off) {
    std::string out;
    std::set<std::string> seen;
    auto add = [&](const Date& d, Span at) {
      if (!d.known()) return;
      std::string res = d.precision == DatePrecision::day ? "4" : d.precision == DatePrecision::month ? "2" : "1";
      std::string item = res + "#" + std::to_string(d.month) + "#" + std::to_string(d.day) + "#" +
                         std::to_string(d.year) + "#" + off(at);
      if (seen.insert(item).second) append(out, item);
    };
    for (const Post& p : doc.text.posts) add(p.date, p.span);
    for (const Event& e : doc.events)
      if (e.date_basis.starts_with("expression")) add(e.date, e.span);
    return out;
  }

  std::ostream& out_;
  std::string added_;
  uint64_t seq_ = 0;
};

}  // namespace

ActorCodeParts split_actor_code(const Actor& actor) {
  ActorCodeParts p;
  const std::string& code = actor.code;
  if (code.empty()) {
    p.country = actor.country;
    p.type1 = actor.sector;
    return p;
  }
  std::vector<std::string> chunks;
  for (size_t i = 0; i < code.size(); i += 3) chunks.push_back(code.substr(i, 3));
  enum class Kind { type, religion, ethnic, other };
  std::vector<Kind> kinds;
  std::vector<size_t> others;
  for (size_t i = 0; i < chunks.size(); ++i) {
    Kind k = Kind::other;
    if (type_codes().contains(chunks[i])) {
      k = Kind::type;
    } else if (religion_codes().contains(chunks[i])) {
      k = Kind::religion;
    } else if (is_lower_chunk(chunks[i])) {
      k = Kind::ethnic;
    }
    kinds.push_back(k);
    if (k == Kind::other) others.push_back(i);
  }
  // Which "other" chunk is the country.
  size_t country = chunks.size();
  if (!actor.country.empty()) {
    for (size_t i : others)
      if (chunks[i] == actor.country) country = i;
  }
  if (country == chunks.size() && !others.empty()) {
    if (others.front() == 0 || others.size() >= 2) country = others.front();
  }
  if (country < chunks.size()) p.country = chunks[country];
  for (size_t i = 0; i < chunks.size(); ++i) {
    const std::string& c = chunks[i];
    switch (kinds[i]) {
      case Kind::type:
        if (p.type1.empty()) {
          p.type1 = c;
        } else if (p.type2.empty()) {
          p.type2 = c;
        } else if (p.type3.empty()) {
          p.type3 = c;
        }
        break;
      case Kind::religion:
        if (p.religion1.empty()) {
          p.religion1 = c;
        } else if (p.religion2.empty()) {
          p.religion2 = c;
        }
        break;
      case Kind::ethnic:
        if (p.ethnic.empty()) p.ethnic = c;
        break;
      case Kind::other:
        if (i != country && p.known_group.empty()) p.known_group = c;
        break;
    }
  }
  return p;
}

int64_t gdelt_event_id(std::string_view dyad_event_id) {
  return static_cast<int64_t>(hash64(dyad_event_id) & 0x7FFFFFFFFFFFFFFFULL);
}

uint32_t char_offset(std::string_view text, uint32_t byte_offset) {
  size_t end = std::min<size_t>(byte_offset, text.size());
  uint32_t n = 0;
  for (size_t i = 0; i < end; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) ++n;
  return n;
}

namespace output_detail {

std::unique_ptr<RecordWriter> make_gdelt_writer(std::ostream& out, std::string date_added) {
  return std::make_unique<GdeltWriter>(out, std::move(date_added));
}
std::unique_ptr<RecordWriter> make_mentions_writer(std::ostream& out, std::string date_added) {
  return std::make_unique<MentionsWriter>(out, std::move(date_added));
}
std::unique_ptr<RecordWriter> make_gkg_writer(std::ostream& out, std::string date_added) {
  return std::make_unique<GkgWriter>(out, std::move(date_added));
}

}  // namespace output_detail
}  // namespace dyad
