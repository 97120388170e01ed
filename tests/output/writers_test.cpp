// Tests for the export writers (src/output/writers.h): every format is run on
// a hand-built document and on stored events, and checked field by field.
#include "output/writers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "output/records.h"

namespace dyad {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out = split(s, '\n');
  if (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

// A minimal RFC 4180 reader: records end with CRLF, quoted fields may hold anything.
std::vector<std::vector<std::string>> parse_csv(const std::string& s) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      row.push_back(field);
      field.clear();
      rows.push_back(row);
      row.clear();
      ++i;
    } else {
      field += c;
    }
  }
  EXPECT_TRUE(field.empty() && row.empty()) << "CSV must end with CRLF";
  return rows;
}

Span span_of(const std::string& text, const std::string& part, size_t from = 0) {
  size_t at = text.find(part, from);
  EXPECT_NE(at, std::string::npos) << part;
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(part.size())};
}

const std::chrono::sys_seconds kNow =
    std::chrono::sys_days{std::chrono::year{2024} / 6 / 1} + std::chrono::hours{12} + std::chrono::minutes{3};

WriterOptions fixed_now() {
  WriterOptions o;
  o.now = kNow;
  return o;
}

// Headline (with a 3-byte em dash), lead paragraph, a second paragraph, an embedded post.
Document make_doc() {
  Document doc;
  Article& a = doc.article;
  a.id = "art-1";
  a.url = "https://www.example.org/news/1";
  a.source = "Example News";
  a.title = "Putin in Beijing";
  a.published = Date::ymd(2024, 5, 16);
  a.published_origin = DateOrigin::input;
  const std::string p0 = "Putin in Beijing \xE2\x80\x94 a visit";
  const std::string p1 = "Russian President Vladimir Putin visited Beijing on Thursday, officials said.";
  const std::string p2 = "Xi Jinping said \"we are friends, always\" and promised $5 billion in loans.";
  const std::string p3 = "Great meeting pic.twitter.com/abc123 \xE2\x80\x94 Kremlin (@KremlinRussia_E) May 16, 2024";
  a.text = p0 + "\n" + p1 + "\n" + p2 + "\n" + p3;
  const std::string& t = a.text;

  auto sentence = [&](const std::string& p, uint32_t para, uint8_t flags) {
    Sentence s;
    s.span = span_of(t, p);
    s.paragraph = para;
    s.flags = flags;
    doc.text.sentences.push_back(s);
    doc.text.paragraphs.push_back(s.span);
  };
  sentence(p0, 0, kHeadline);
  sentence(p1, 1, 0);
  sentence(p2, 2, 0);
  sentence(p3, 3, kPost);

  Post post;
  post.span = span_of(t, p3);
  post.body = span_of(t, "Great meeting pic.twitter.com/abc123");
  post.handle = "KremlinRussia_E";
  post.name = "Kremlin";
  post.date = Date::ymd(2024, 5, 16);
  post.url = "pic.twitter.com/abc123";
  doc.text.posts.push_back(post);

  Actor putin{"Russian President Vladimir Putin",
              "Vladimir Putin",
              "RUSGOV",
              "RUS",
              "GOV",
              span_of(t, "Russian President Vladimir Putin")};
  Actor china{"Beijing", "China", "CHN", "CHN", "", span_of(t, "Beijing", t.find(p1))};
  Actor xi{"Xi Jinping", "Xi Jinping", "CHNGOV", "CHN", "GOV", span_of(t, "Xi Jinping")};
  Place beijing{"Beijing", "CHN", 39.9042, 116.4074, 1816670, china.span};

  Event e1;
  e1.id = "ev1";
  e1.source = putin;
  e1.target = china;
  e1.cameo = "042";
  e1.plover = "CONSULT";
  e1.quad_class = 1;
  e1.goldstein = 1.9;
  e1.date = Date::ymd(2024, 5, 16);
  e1.date_basis = "expression:weekday";  // as the coder writes it: "expression:" + rule
  e1.location = beijing;
  e1.sentence = 1;
  e1.span = span_of(t, "visited");
  e1.rule = "verbs.tsv:12";
  doc.events.push_back(e1);

  Event e2;
  e2.id = "ev2";
  e2.source = xi;
  e2.cameo = "0331";
  e2.plover = "AGREE";
  e2.quad_class = 1;
  e2.goldstein = 5.2;
  e2.mode = EventMode::expected;
  e2.date = Date{2024, 5, 0, DatePrecision::month};
  e2.date_basis = "article";
  e2.sentence = 2;
  e2.span = span_of(t, "promised");
  e2.rule = "verbs.tsv:40,pattern \"promise\"";
  doc.events.push_back(e2);

  Event e3;  // a statement: no PLOVER category
  e3.id = "ev3";
  e3.source = Actor{"officials", "", "IGOUNO", "", "", span_of(t, "officials")};
  e3.cameo = "010";
  e3.plover = "OTHER";
  e3.quad_class = 1;
  e3.goldstein = 0;
  e3.sentence = 1;
  e3.span = span_of(t, "said", t.find(p1));
  e3.rule = "verbs.tsv:1";
  doc.events.push_back(e3);

  doc.entities.push_back(Entity{EntityType::person, putin.span, "Vladimir Putin", "RUSGOV", std::nullopt});
  doc.entities.push_back(Entity{EntityType::location, china.span, "Beijing", "CHN", beijing});
  doc.entities.push_back(Entity{EntityType::person, xi.span, "Xi Jinping", "CHNGOV", std::nullopt});
  doc.entities.push_back(
      Entity{EntityType::organization, span_of(t, "Kremlin", t.find(p3)), "Kremlin", "RUSGOV", std::nullopt});
  doc.quotes.push_back(Quote{span_of(t, "we are friends, always"), xi, "said", false});
  doc.amounts.push_back(Amount{5e9, "USD", "loans", span_of(t, "$5 billion")});
  return doc;
}

std::string run(std::string_view format, const Document& doc) {
  std::ostringstream out;
  auto w = make_writer(format, out, fixed_now());
  EXPECT_TRUE(w.ok()) << (w.ok() ? "" : w.error().str());
  if (!w.ok()) return "";
  (*w)->write(doc);
  (*w)->finish();
  return out.str();
}

StoredEvent stored_event() {
  StoredEvent s;
  s.event = make_doc().events[0];
  s.article_id = "art-9";
  s.article_hash = "abc";
  s.sentence_text = "Russian President Vladimir Putin visited Beijing on Thursday, officials said.";
  s.num_mentions = 3;
  s.num_articles = 2;
  s.num_sources = 2;
  s.first_seen = "2024-05-15";
  s.last_seen = "2024-05-17";
  return s;
}

// ---- factory ----------------------------------------------------------------

TEST(Writers, FormatsAreListed) {
  EXPECT_THAT(writer_formats(), ::testing::ElementsAre("jsonl", "csv", "gdelt", "mentions", "plover", "gkg"));
  std::ostringstream out;
  for (std::string_view f : writer_formats()) EXPECT_TRUE(make_writer(f, out).ok()) << f;
}

TEST(Writers, UnknownFormatIsAnErrorNamingTheKnownOnes) {
  std::ostringstream out;
  auto w = make_writer("xml", out);
  ASSERT_FALSE(w.ok());
  EXPECT_THAT(w.error().message, HasSubstr("'xml'"));
  for (std::string_view f : writer_formats()) EXPECT_THAT(w.error().message, HasSubstr(std::string(f)));
}

// ---- building blocks --------------------------------------------------------

TEST(Writers, SplitsActorCodes) {
  ActorCodeParts p = split_actor_code(Actor{"", "", "RUSGOV", "", "", {}});
  EXPECT_EQ(p.country, "RUS");
  EXPECT_EQ(p.type1, "GOV");
  EXPECT_EQ(p.known_group, "");

  p = split_actor_code(Actor{"", "", "IGOUNO", "", "", {}});
  EXPECT_EQ(p.country, "");
  EXPECT_EQ(p.type1, "IGO");
  EXPECT_EQ(p.known_group, "UNO");

  p = split_actor_code(Actor{"", "", "PSEREBHMS", "PSE", "REB", {}});
  EXPECT_EQ(p.country, "PSE");
  EXPECT_EQ(p.type1, "REB");
  EXPECT_EQ(p.known_group, "HMS");

  p = split_actor_code(Actor{"", "", "IGOEUREEC", "", "", {}});
  EXPECT_EQ(p.country, "EUR");
  EXPECT_EQ(p.type1, "IGO");
  EXPECT_EQ(p.known_group, "EEC");

  p = split_actor_code(Actor{"", "", "USAGOVMILSPY", "USA", "", {}});
  EXPECT_EQ(p.type1, "GOV");
  EXPECT_EQ(p.type2, "MIL");
  EXPECT_EQ(p.type3, "SPY");

  // The actor's country decides when the code opens with a type.
  p = split_actor_code(Actor{"", "", "MNCUSA", "USA", "", {}});
  EXPECT_EQ(p.country, "USA");
  EXPECT_EQ(p.type1, "MNC");
  EXPECT_EQ(p.known_group, "");

  p = split_actor_code(Actor{"", "", "IRQCVLMOSSHIkur", "", "", {}});
  EXPECT_EQ(p.country, "IRQ");
  EXPECT_EQ(p.type1, "CVL");
  EXPECT_EQ(p.religion1, "MOS");
  EXPECT_EQ(p.religion2, "SHI");
  EXPECT_EQ(p.ethnic, "kur");

  p = split_actor_code(Actor{"", "", "", "FRA", "MIL", {}});
  EXPECT_EQ(p.country, "FRA");
  EXPECT_EQ(p.type1, "MIL");
}

TEST(Writers, GdeltEventIdsAreStablePositiveAndDistinct) {
  EXPECT_EQ(gdelt_event_id("ev1"), gdelt_event_id(std::string("ev") + "1"));
  EXPECT_GT(gdelt_event_id("ev1"), 0);
  EXPECT_GT(gdelt_event_id("ev2"), 0);
  EXPECT_NE(gdelt_event_id("ev1"), gdelt_event_id("ev2"));
}

TEST(Writers, CharOffsetsCountCodePoints) {
  const std::string t =
      "a\xE2\x80\x94"
      "b";  // a—b
  EXPECT_EQ(char_offset(t, 0), 0U);
  EXPECT_EQ(char_offset(t, 1), 1U);
  EXPECT_EQ(char_offset(t, 4), 2U);
  EXPECT_EQ(char_offset(t, 99), 3U);
}

// ---- gdelt --------------------------------------------------------------------

TEST(Writers, GdeltEventRows) {
  std::vector<std::string> rows = lines(run("gdelt", make_doc()));
  ASSERT_EQ(rows.size(), 3U);
  for (const std::string& r : rows) EXPECT_EQ(split(r, '\t').size(), 61U) << r;

  std::vector<std::string> f = split(rows[0], '\t');
  EXPECT_EQ(f[0], std::to_string(gdelt_event_id("ev1")));
  EXPECT_EQ(f[1], "20240516");
  EXPECT_EQ(f[2], "202405");
  EXPECT_EQ(f[3], "2024");
  EXPECT_EQ(f[4], "2024.3726");  // (4 * 30 + 16) / 365
  EXPECT_EQ(f[5], "RUSGOV");
  EXPECT_EQ(f[6], "VLADIMIR PUTIN");
  EXPECT_EQ(f[7], "RUS");
  EXPECT_EQ(f[8], "");
  EXPECT_EQ(f[12], "GOV");
  EXPECT_EQ(f[15], "CHN");
  EXPECT_EQ(f[16], "CHINA");
  EXPECT_EQ(f[17], "CHN");
  EXPECT_EQ(f[22], "");
  EXPECT_EQ(f[25], "1");  // the lead paragraph (the headline before it does not count)
  EXPECT_EQ(f[26], "042");
  EXPECT_EQ(f[27], "042");
  EXPECT_EQ(f[28], "04");
  EXPECT_EQ(f[29], "1");
  EXPECT_EQ(f[30], "1.9");
  EXPECT_EQ(f[31], "1");
  EXPECT_EQ(f[32], "1");
  EXPECT_EQ(f[33], "1");
  EXPECT_EQ(f[34], "");   // tone not computed
  EXPECT_EQ(f[35], "0");  // no Actor1 geo
  EXPECT_EQ(f[43], "0");
  EXPECT_EQ(f[51], "4");
  EXPECT_EQ(f[52], "Beijing");
  EXPECT_EQ(f[53], "CHN");
  EXPECT_EQ(f[56], "39.9042");
  EXPECT_EQ(f[57], "116.4074");
  EXPECT_EQ(f[58], "1816670");
  EXPECT_EQ(f[59], "20240601120300");
  EXPECT_EQ(f[60], "https://www.example.org/news/1");

  f = split(rows[1], '\t');
  EXPECT_EQ(f[1], "20240501");  // month precision -> first day
  EXPECT_EQ(f[5], "CHNGOV");
  EXPECT_EQ(f[15], "");  // no target
  EXPECT_EQ(f[16], "");
  EXPECT_EQ(f[25], "0");
  EXPECT_EQ(f[26], "0331");
  EXPECT_EQ(f[27], "033");
  EXPECT_EQ(f[28], "03");
  EXPECT_EQ(f[30], "5.2");
  EXPECT_EQ(f[51], "0");  // no action geo
  EXPECT_EQ(f[52], "");

  f = split(rows[2], '\t');
  EXPECT_EQ(f[5], "IGOUNO");
  EXPECT_EQ(f[7], "");
  EXPECT_EQ(f[8], "UNO");
  EXPECT_EQ(f[12], "IGO");
  EXPECT_EQ(f[1], "20240516");  // no event date -> the article's
  EXPECT_EQ(f[30], "0");
}

TEST(Writers, GdeltFromStoredEventsUsesMergedCounts) {
  std::ostringstream out;
  auto w = make_writer("gdelt", out, fixed_now());
  ASSERT_TRUE(w.ok());
  StoredEvent s = stored_event();
  (*w)->write(s);
  s.event.id = "ev-undated";
  s.event.date = Date{};
  (*w)->write(s);
  (*w)->finish();
  std::vector<std::string> rows = lines(out.str());
  ASSERT_EQ(rows.size(), 2U);
  std::vector<std::string> f = split(rows[0], '\t');
  ASSERT_EQ(f.size(), 61U);
  EXPECT_EQ(f[0], std::to_string(gdelt_event_id("ev1")));
  EXPECT_EQ(f[25], "");  // paragraph unknown for stored events
  EXPECT_EQ(f[31], "3");
  EXPECT_EQ(f[32], "2");
  EXPECT_EQ(f[33], "2");
  EXPECT_EQ(f[60], "art-9");  // no URL stored with the event
  f = split(rows[1], '\t');
  EXPECT_EQ(f[1], "20240515");  // first_seen stands in for the unknown event date
}

TEST(Writers, DateAddedDefaultsToTheClock) {
  std::ostringstream out;
  auto w = make_writer("gdelt", out);
  ASSERT_TRUE(w.ok());
  (*w)->write(make_doc());
  std::vector<std::string> f = split(lines(out.str())[0], '\t');
  ASSERT_EQ(f.size(), 61U);
  EXPECT_EQ(f[59].size(), 14U);
  EXPECT_GE(f[59], std::string("2024"));
}

// ---- mentions -----------------------------------------------------------------

TEST(Writers, MentionRows) {
  Document doc = make_doc();
  std::vector<std::string> rows = lines(run("mentions", doc));
  ASSERT_EQ(rows.size(), 3U);
  for (const std::string& r : rows) EXPECT_EQ(split(r, '\t').size(), 16U) << r;
  std::vector<std::string> f = split(rows[0], '\t');
  EXPECT_EQ(f[0], std::to_string(gdelt_event_id("ev1")));
  EXPECT_EQ(f[1], "20240601120300");
  EXPECT_EQ(f[2], "20240516000000");
  EXPECT_EQ(f[3], "1");
  EXPECT_EQ(f[4], "Example News");
  EXPECT_EQ(f[5], "https://www.example.org/news/1");
  EXPECT_EQ(f[6], "2");
  // Character offsets: the headline's em dash is 3 bytes but 1 character.
  uint32_t putin_bytes = doc.events[0].source.span.offset;
  EXPECT_EQ(f[7], std::to_string(putin_bytes - 2));
  EXPECT_EQ(f[8], std::to_string(doc.events[0].target->span.offset - 2));
  EXPECT_EQ(f[9], std::to_string(doc.events[0].span.offset - 2));
  EXPECT_EQ(f[10], "1");
  EXPECT_EQ(f[11], "100");
  EXPECT_EQ(f[12], std::to_string(doc.article.text.size() - 4));  // two em dashes
  EXPECT_THAT(f[15], HasSubstr("<DYAD_ID>ev1</DYAD_ID>"));

  f = split(rows[1], '\t');
  EXPECT_EQ(f[6], "3");
  EXPECT_EQ(f[8], "-1");   // no target
  EXPECT_EQ(f[11], "50");  // expected
  EXPECT_THAT(f[15], HasSubstr("<DYAD_MODE>expected</DYAD_MODE>"));
}

// ---- csv ----------------------------------------------------------------------

TEST(Writers, CsvRowsAreQuotedPerRfc4180) {
  std::string out = run("csv", make_doc());
  EXPECT_THAT(out, HasSubstr("\"verbs.tsv:40,pattern \"\"promise\"\"\""));
  auto rows = parse_csv(out);
  ASSERT_EQ(rows.size(), 4U);
  ASSERT_EQ(rows[0].size(), 27U);
  EXPECT_EQ(rows[0][0], "id");
  EXPECT_EQ(rows[0][8], "target_text");
  EXPECT_EQ(rows[0][25], "rule");
  EXPECT_EQ(rows[0][26], "date_basis");
  for (const auto& r : rows) EXPECT_EQ(r.size(), 27U);

  const auto& r1 = rows[1];
  EXPECT_EQ(r1[0], "ev1");
  EXPECT_EQ(r1[1], "art-1");
  EXPECT_EQ(r1[2], "2024-05-16");
  EXPECT_EQ(r1[3], "day");
  EXPECT_EQ(r1[4], "Russian President Vladimir Putin");
  EXPECT_EQ(r1[5], "RUSGOV");
  EXPECT_EQ(r1[6], "RUS");
  EXPECT_EQ(r1[7], "GOV");
  EXPECT_EQ(r1[9], "CHN");
  EXPECT_EQ(r1[12], "042");  // leading zero kept
  EXPECT_EQ(r1[13], "CONSULT");
  EXPECT_EQ(r1[15], "1.9");
  EXPECT_EQ(r1[16], "happened");
  EXPECT_EQ(r1[18], "Beijing");
  EXPECT_EQ(r1[20], "39.9042");
  EXPECT_EQ(r1[22], "Russian President Vladimir Putin visited Beijing on Thursday, officials said.");
  EXPECT_EQ(r1[26], "expression:weekday");

  const auto& r2 = rows[2];
  EXPECT_EQ(r2[2], "2024-05");
  EXPECT_EQ(r2[3], "month");
  EXPECT_EQ(r2[8], "");
  EXPECT_EQ(r2[16], "expected");
  EXPECT_EQ(r2[20], "");  // no location
  EXPECT_EQ(r2[22], "Xi Jinping said \"we are friends, always\" and promised $5 billion in loans.");
  EXPECT_EQ(r2[25], "verbs.tsv:40,pattern \"promise\"");
  EXPECT_EQ(r2[26], "article");  // no time expression: the article's date
}

TEST(Writers, CsvWritesTheHeaderEvenWithoutEvents) {
  std::ostringstream out;
  auto w = make_writer("csv", out);
  ASSERT_TRUE(w.ok());
  (*w)->finish();
  auto rows = parse_csv(out.str());
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].size(), 27U);
}

TEST(Writers, CsvFromStoredEvents) {
  std::ostringstream out;
  auto w = make_writer("csv", out);
  ASSERT_TRUE(w.ok());
  (*w)->write(stored_event());
  (*w)->finish();
  auto rows = parse_csv(out.str());
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[1][1], "art-9");
  EXPECT_EQ(rows[1][22], stored_event().sentence_text);
}

// ---- plover -------------------------------------------------------------------

TEST(Writers, PloverRecords) {
  Document doc = make_doc();
  std::vector<std::string> rows = lines(run("plover", doc));
  ASSERT_EQ(rows.size(), 2U);  // the statement (OTHER) is not a PLOVER event
  json j = json::parse(rows[0]);
  EXPECT_EQ(j["id"], "ev1");
  EXPECT_EQ(j["date"], "2024-05-16");
  EXPECT_EQ(j["date_basis"], "expression:weekday");
  ASSERT_EQ(j["actor"].size(), 1U);
  EXPECT_EQ(j["actor"][0]["code"], "RUS");
  EXPECT_EQ(j["actor"][0]["sector"], "GOV");
  EXPECT_EQ(j["actor"][0]["actor_text"], "Russian President Vladimir Putin");
  EXPECT_EQ(j["actor"][0]["identifier_text"], "Vladimir Putin");
  ASSERT_EQ(j["recipient"].size(), 1U);
  EXPECT_EQ(j["recipient"][0]["code"], "CHN");
  EXPECT_EQ(j["event"], "CONSULT");
  EXPECT_EQ(j["mode"], "happened");
  EXPECT_TRUE(j["context"].is_array());
  EXPECT_EQ(j["event_loc"]["geonameid"], 1816670);
  EXPECT_EQ(j["event_loc"]["cc3"], "CHN");
  EXPECT_DOUBLE_EQ(j["event_loc"]["latitude"].get<double>(), 39.9042);
  EXPECT_EQ(j["quad_code"], 1);
  EXPECT_EQ(j["text"], "Russian President Vladimir Putin visited Beijing on Thursday, officials said.");
  EXPECT_EQ(j["text_info"]["start"], doc.events[0].span.offset);
  EXPECT_EQ(j["cite_info"]["url"], "https://www.example.org/news/1");
  EXPECT_EQ(j["cameo"], "042");

  j = json::parse(rows[1]);
  EXPECT_EQ(j["id"], "ev2");
  EXPECT_EQ(j["date"], "2024-05");
  EXPECT_EQ(j["date_basis"], "article");
  EXPECT_EQ(j["event"], "AGREE");
  EXPECT_EQ(j["mode"], "expected");
  EXPECT_TRUE(j["recipient"].empty());
  EXPECT_TRUE(j["event_loc"].is_null());
}

// ---- gkg ----------------------------------------------------------------------

TEST(Writers, GkgRecord) {
  Document doc = make_doc();
  const std::string& t = doc.article.text;
  std::vector<std::string> rows = lines(run("gkg", doc));
  ASSERT_EQ(rows.size(), 1U);
  std::vector<std::string> f = split(rows[0], '\t');
  ASSERT_EQ(f.size(), 27U);
  EXPECT_EQ(f[0], "20240601120300-0");
  EXPECT_EQ(f[1], "20240516000000");
  EXPECT_EQ(f[2], "1");
  EXPECT_EQ(f[3], "Example News");
  EXPECT_EQ(f[4], "https://www.example.org/news/1");
  EXPECT_EQ(f[5], "");
  EXPECT_EQ(f[7], "");
  EXPECT_EQ(f[9], "4#Beijing#CHN##39.9042#116.4074#1816670");
  uint32_t beijing = char_offset(t, doc.entities[1].span.offset);
  EXPECT_EQ(f[10], "4#Beijing#CHN###39.9042#116.4074#1816670#" + std::to_string(beijing));
  EXPECT_EQ(f[11], "Vladimir Putin;Xi Jinping");
  EXPECT_EQ(f[12], "Vladimir Putin," + std::to_string(char_offset(t, doc.entities[0].span.offset)) + ";Xi Jinping," +
                       std::to_string(char_offset(t, doc.entities[2].span.offset)));
  EXPECT_EQ(f[13], "Kremlin");
  EXPECT_THAT(f[14], HasSubstr("Kremlin,"));
  EXPECT_EQ(f[15], "");  // no tone on this document (tests/tone checks V1.5TONE)
  EXPECT_THAT(f[16], HasSubstr("4#5#16#2024#"));
  EXPECT_EQ(f[20], "pic.twitter.com/abc123");
  uint32_t q = char_offset(t, doc.quotes[0].span.offset);
  EXPECT_EQ(f[22], std::to_string(q) + "|22|said|we are friends  always");
  EXPECT_EQ(split(f[23], ';').size(), 4U);
  EXPECT_EQ(f[24], "5000000000,loans," + std::to_string(char_offset(t, doc.amounts[0].span.offset)));
  EXPECT_EQ(f[26], "<PAGE_TITLE>Putin in Beijing</PAGE_TITLE>");
}

// make_doc() with Document::references: Putin named twice and once by his role, Xi named once.
Document doc_with_references() {
  Document doc = make_doc();
  const std::string& t = doc.article.text;
  auto ref = [&](Span sp, ReferenceKind kind, int32_t entity, uint32_t sentence, std::string rule) {
    EntityReference r;
    r.span = sp;
    r.sentence = sentence;
    r.kind = kind;
    r.entity = entity;
    r.rule = std::move(rule);
    doc.references.push_back(r);
  };
  ref(span_of(t, "Putin"), ReferenceKind::name, 0, 0, "surname");
  ref(span_of(t, "Russian President"), ReferenceKind::role, 0, 1, "people.tsv:3");
  ref(span_of(t, "Vladimir Putin"), ReferenceKind::name, 0, 1, "people.tsv:3");
  ref(span_of(t, "Xi Jinping"), ReferenceKind::name, 2, 2, "people.tsv:9");
  return doc;
}

TEST(Writers, GkgListsEachNamedMentionOfAPersonOrOrganisation) {
  Document doc = doc_with_references();
  const std::string& t = doc.article.text;
  std::vector<std::string> f = split(lines(run("gkg", doc)).at(0), '\t');
  ASSERT_EQ(f.size(), 27U);
  auto at = [&](const std::string& words, size_t from = 0) {
    return std::to_string(char_offset(t, span_of(t, words, from).offset));
  };
  EXPECT_EQ(f[11], "Vladimir Putin;Xi Jinping");  // distinct names stay one each
  // One entry per name reference (the role reference "Russian President" is not a name).
  EXPECT_EQ(f[12], "Vladimir Putin," + at("Putin") + ";Vladimir Putin," + at("Vladimir Putin") + ";Xi Jinping," +
                       at("Xi Jinping"));
  // An entity no reference points to keeps its own span.
  EXPECT_EQ(f[14], "Kremlin," + std::to_string(char_offset(t, doc.entities[3].span.offset)));
}

// A firm's national arm named for its country: the actor index read the country (and the word before it, after
// "in") as places, the name finder made the whole name an organisation, which the places' references gave way to.
TEST(Writers, GkgListsNoPlaceThatOnlyLiesInsideAnotherName) {
  Document doc;
  doc.article.id = "arm";
  doc.article.text = "Shares in Tollberry Ghana rose while traders in Accra waited.";
  const std::string& t = doc.article.text;
  Span firm = span_of(t, "Tollberry Ghana");
  doc.entities.push_back(Entity{EntityType::location, span_of(t, "Tollberry"), "Tollberry", "", Place{}});
  doc.entities.push_back(Entity{EntityType::location, span_of(t, "Ghana"), "Ghana", "GHA",
                                Place{"Ghana", "GHA", 8.0, -1.0, 2300660, span_of(t, "Ghana")}});
  doc.entities.push_back(Entity{EntityType::organization, firm, "Tollberry Ghana", "", std::nullopt});
  doc.entities.push_back(Entity{EntityType::location, span_of(t, "Accra"), "Accra", "GHA",
                                Place{"Accra", "GHA", 5.56, -0.2, 2306104, span_of(t, "Accra")}});
  EntityReference r;
  r.span = firm;
  r.kind = ReferenceKind::name;
  r.entity = 2;
  doc.references.push_back(r);
  r.span = span_of(t, "Accra");
  r.entity = 3;
  doc.references.push_back(r);
  std::vector<std::string> f = split(lines(run("gkg", doc)).at(0), '\t');
  ASSERT_EQ(f.size(), 27U);
  EXPECT_EQ(f[9], "4#Accra#GHA##5.56#-0.2#2306104");  // neither "Tollberry" nor "Ghana"
  EXPECT_EQ(f[13], "Tollberry Ghana");
  EXPECT_EQ(f[23], "Tollberry Ghana," + std::to_string(char_offset(t, firm.offset)) + ";Accra," +
                       std::to_string(char_offset(t, span_of(t, "Accra").offset)));
}

TEST(Writers, GkgNumbersRecordsAndSkipsStoredEvents) {
  std::ostringstream out;
  auto w = make_writer("gkg", out, fixed_now());
  ASSERT_TRUE(w.ok());
  Document doc = make_doc();
  doc.article.url = "";
  (*w)->write(doc);
  (*w)->write(stored_event());
  (*w)->write(doc);
  (*w)->finish();
  std::vector<std::string> rows = lines(out.str());
  ASSERT_EQ(rows.size(), 2U);
  std::vector<std::string> f = split(rows[1], '\t');
  ASSERT_EQ(f.size(), 27U);
  EXPECT_EQ(f[0], "20240601120300-1");
  EXPECT_EQ(f[2], "2");  // citation only: no URL
  EXPECT_EQ(f[4], "art-1");
}

// ---- jsonl --------------------------------------------------------------------

TEST(Writers, JsonlKeepsTheRecordContract) {
  std::vector<std::string> rows = lines(run("jsonl", make_doc()));
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(json::parse(rows[0])["kind"], "article");
  std::vector<json> events;
  for (const std::string& r : rows)
    if (json j = json::parse(r); j["kind"] == "event") events.push_back(std::move(j));
  ASSERT_EQ(events.size(), 3U);
  // Where the date came from: a time expression of the clause, the article's date, or unknown.
  EXPECT_EQ(events[0]["date_basis"], "expression:weekday");
  EXPECT_EQ(events[1]["date_basis"], "article");
  EXPECT_TRUE(events[2]["date_basis"].is_null());

  std::ostringstream out;
  auto w = make_writer("jsonl", out);
  ASSERT_TRUE(w.ok());
  (*w)->write(stored_event());
  json j = json::parse(lines(out.str()).at(0));
  EXPECT_EQ(j["kind"], "event");
  EXPECT_EQ(j["article"], "art-9");
  EXPECT_EQ(j["cameo"], "042");
}

TEST(Writers, JsonlEntitiesCarryTheirMentions) {
  Document doc = doc_with_references();
  std::vector<json> entities;
  for (const std::string& r : lines(run("jsonl", doc))) {
    json j = json::parse(r);
    if (j["kind"] == "entity") entities.push_back(j);
  }
  ASSERT_EQ(entities.size(), 4U);
  const json& putin = entities[0];
  EXPECT_EQ(putin["canonical"], "Vladimir Putin");
  ASSERT_EQ(putin["mentions"].size(), 3U);
  EXPECT_EQ(putin["mentions"][0]["text"], "Putin");
  EXPECT_EQ(putin["mentions"][0]["kind"], "name");
  EXPECT_EQ(putin["mentions"][0]["sentence"], 0);
  EXPECT_EQ(putin["mentions"][1]["text"], "Russian President");
  EXPECT_EQ(putin["mentions"][1]["kind"], "role");
  EXPECT_EQ(putin["mentions"][1]["rule"], "people.tsv:3");
  Span vp = doc.references[2].span;
  EXPECT_EQ(putin["mentions"][2]["span"]["offset"], vp.offset);
  EXPECT_EQ(putin["mentions"][2]["span"]["length"], vp.length);
  EXPECT_EQ(entities[2]["mentions"].size(), 1U);
  EXPECT_EQ(entities[2]["mentions"][0]["text"], "Xi Jinping");
  EXPECT_TRUE(entities[1]["mentions"].is_array());
  EXPECT_TRUE(entities[1]["mentions"].empty());
  // The one-entity form gathers the same mentions.
  EXPECT_EQ(entity_record(doc, 0)["mentions"], putin["mentions"]);
}

// A place that is only a name (not yet placed by the gazetteer) has no coordinates: null in
// JSONL and PLOVER, empty in CSV and GDELT, never the point 0, 0.
TEST(Writers, APlaceWithoutCoordinatesIsNoPointZeroZero) {
  Place named;
  named.name = "Somewhere";
  EXPECT_FALSE(named.located());
  json j = place_json(named);
  EXPECT_TRUE(j["lat"].is_null());
  EXPECT_TRUE(j["lon"].is_null());
  EXPECT_TRUE(j["country"].is_null());
  Place placed = named;
  placed.lat = 45.75;
  placed.lon = 126.65;
  EXPECT_TRUE(placed.located());
  EXPECT_DOUBLE_EQ(place_json(placed)["lat"].get<double>(), 45.75);
  Document doc = doc_with_references();
  ASSERT_FALSE(doc.entities.empty());
  Entity& e = doc.entities.back();
  e.type = EntityType::location;
  e.place = named;
  json rec = entity_record(doc, doc.entities.size() - 1);
  EXPECT_TRUE(rec["lat"].is_null());
  EXPECT_TRUE(rec["country"].is_null());
}

}  // namespace
}  // namespace dyad
