#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ingest/ingest.h"
#include "ingest_test_util.h"

namespace dyad {
namespace {

using test::Collected;

std::string record(const std::string& type, const std::string& id, const std::string& extra, const std::string& block) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + id + ">\r\n" + extra +
         "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string chunked(std::string_view body) {
  size_t half = body.size() / 2;
  auto chunk = [](std::string_view part) {
    char size[32];
    std::snprintf(size, sizeof size, "%zx", part.size());
    return std::string(size) + "\r\n" + std::string(part) + "\r\n";
  };
  return chunk(body.substr(0, half)) + chunk(body.substr(half)) + "0\r\n\r\n";
}

// The records of a small crawl; the HTML-bearing ones are records 3, 4 and 7.
std::vector<std::string> crawl_records() {
  std::string page1 =
      "<html><head><meta property=\"og:title\" content=\"Envoys meet in Oslo\">"
      "<meta property=\"article:published_time\" content=\"2024-03-05\"></head>"
      "<body><nav>Home</nav><article><p>Envoys from two states met in Oslo.</p>"
      "<p>They will meet again in April.</p></article></body></html>";
  std::string http1 =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
      "Transfer-Encoding: chunked\r\n\r\n" +
      chunked(test::gzip(page1));
  std::string page2 =
      "<html><head><title>Gr\xFC\xDF"
      "e aus Wien</title></head><body><p>Die Stadt feiert.</p></body></html>";
  std::string http2 = "HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n" + page2;
  std::string http404 =
      "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html><body><p>Missing</p></body></html>";
  std::string image = "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\xFF\xD8\xFF\xE0";
  std::string resource = "<html><body><article><p>Stored page body.</p></article></body></html>";
  return {
      record("warcinfo", "info", "Content-Type: application/warc-fields\r\n", "software: test\r\n"),
      record("request", "req", "WARC-Target-URI: https://news.example/oslo\r\n", "GET /oslo HTTP/1.1\r\n\r\n"),
      record("response", "r1",
             "WARC-Target-URI: https://news.example/oslo\r\nWARC-Date: 2024-03-06T01:02:03Z\r\n"
             "Content-Type: application/http; msgtype=response\r\n",
             http1),
      record("response", "r2",
             "WARC-Target-URI: https://www.wien.example/fest\r\nWARC-Date: 2024-04-01T00:00:00Z\r\n"
             "Content-Type: application/http; msgtype=response\r\n",
             http2),
      record("response", "r3", "WARC-Target-URI: https://news.example/gone\r\n", http404),
      record("response", "r4", "WARC-Target-URI: https://news.example/pic.jpg\r\n", image),
      record("resource", "r5", "WARC-Target-URI: https://news.example/stored\r\nContent-Type: text/html\r\n", resource),
  };
}

std::string join(const std::vector<std::string>& parts, bool gz) {
  std::string out;
  for (const std::string& p : parts) out += gz ? test::gzip(p) : p;
  return out;
}

void expect_crawl(const Collected& c) {
  ASSERT_EQ(c.articles.size(), 3U) << c.all_errors();
  const Article& a = c.articles[0];
  EXPECT_EQ(a.id, "urn:uuid:r1");
  EXPECT_EQ(a.url, "https://news.example/oslo");
  EXPECT_EQ(a.title, "Envoys meet in Oslo");
  EXPECT_EQ(a.text, "Envoys from two states met in Oslo.\nThey will meet again in April.");
  EXPECT_EQ(a.published.iso(), "2024-03-05");  // from the page, not the crawl
  auto meta = nlohmann::json::parse(a.metadata);
  EXPECT_EQ(meta["target_uri"], "https://news.example/oslo");
  EXPECT_EQ(meta["crawl_date"], "2024-03-06T01:02:03Z");
  EXPECT_FALSE(meta.contains("published_from"));

  const Article& b = c.articles[1];
  EXPECT_EQ(b.id, "urn:uuid:r2");
  EXPECT_EQ(b.title,
            "Gr\xC3\xBC\xC3\x9F"
            "e aus Wien");  // converted from ISO-8859-1
  EXPECT_EQ(b.text, "Die Stadt feiert.");
  EXPECT_EQ(b.published.iso(), "2024-04-01");  // crawl date
  EXPECT_EQ(b.published_origin, DateOrigin::input);
  EXPECT_EQ(b.source, "wien.example");
  EXPECT_EQ(nlohmann::json::parse(b.metadata)["published_from"], "crawl_date");

  EXPECT_EQ(c.articles[2].id, "urn:uuid:r5");
  EXPECT_EQ(c.articles[2].text, "Stored page body.");
}

TEST(IngestWarc, PlainWarc) {
  std::istringstream in(join(crawl_records(), false));
  Collected c;
  read_warc("crawl.warc", in, IngestOptions{}, c.sink(), c.errs());
  expect_crawl(c);
  EXPECT_TRUE(c.errors.empty()) << c.all_errors();
}

TEST(IngestWarc, GzipMultiMemberThroughPaths) {
  test::TempDir dir;
  std::string path = dir.write("crawl.warc.gz", join(crawl_records(), true));
  Collected c;
  EXPECT_EQ(ingest_paths({path}, IngestOptions{}, c.sink(), c.errs()), 3U);
  expect_crawl(c);
  EXPECT_TRUE(c.errors.empty()) << c.all_errors();
  // Detection needs no name hint.
  std::string renamed = dir.write("crawl.bin", join(crawl_records(), true));
  Collected c2;
  EXPECT_EQ(ingest_paths({renamed}, IngestOptions{}, c2.sink(), c2.errs()), 3U);
}

TEST(IngestWarc, TruncatedGzipKeepsEarlierRecords) {
  auto records = crawl_records();
  std::string gz = join(records, true);
  gz.resize(gz.size() - 30);  // cut inside the last member (record 7)
  test::TempDir dir;
  std::string path = dir.write("cut.warc.gz", gz);
  Collected c;
  EXPECT_EQ(ingest_paths({path}, IngestOptions{}, c.sink(), c.errs()), 2U);
  ASSERT_EQ(c.articles.size(), 2U);
  EXPECT_EQ(c.articles[0].id, "urn:uuid:r1");
  EXPECT_EQ(c.articles[1].id, "urn:uuid:r2");
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_EQ(c.errors[0].file, path);
  EXPECT_FALSE(c.errors[0].warning);
  EXPECT_NE(c.errors[0].message.find("record 7"), std::string::npos) << c.errors[0].message;
  EXPECT_NE(c.errors[0].message.find("truncated"), std::string::npos) << c.errors[0].message;
  EXPECT_NE(c.errors[0].message.find("byte offset"), std::string::npos);
}

// Damages the deflate data of one gzip member (past its 10-byte header, before its 8-byte trailer).
std::string damaged(std::string member) {
  for (size_t i = 12; i < member.size() - 12; i += 3) member[i] = static_cast<char>(member[i] ^ 0x5A);
  return member;
}

// A damaged member lost every record after it: the reader goes on at the next member (WARC.gz has one per record).
TEST(IngestWarc, DamagedGzipMemberCostsOnlyItsRecord) {
  auto records = crawl_records();
  std::string head = test::gzip(records[0]) + test::gzip(records[1]) + test::gzip(records[2]);
  std::string tail = test::gzip(records[4]) + test::gzip(records[5]) + test::gzip(records[6]);
  std::istringstream in(head + damaged(test::gzip(records[3])) + tail);
  Collected c;
  read_warc("bad.warc.gz", in, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 2U) << c.all_errors();
  EXPECT_EQ(c.articles[0].id, "urn:uuid:r1");
  EXPECT_EQ(c.articles[1].id, "urn:uuid:r5");
  EXPECT_EQ(c.articles[1].text, "Stored page body.");
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  const Error& e = c.errors[0];
  EXPECT_EQ(e.file, "bad.warc.gz");
  EXPECT_FALSE(e.warning);
  const size_t offset = records[0].size() + records[1].size() + records[2].size();
  EXPECT_NE(e.message.find("record 4 at byte offset " + std::to_string(offset)), std::string::npos) << e.message;
  EXPECT_NE(e.message.find("gzip member at compressed byte offset " + std::to_string(head.size()) + " is damaged"),
            std::string::npos)
      << e.message;
  EXPECT_NE(e.message.find("next gzip member (compressed byte offset " +
                           std::to_string(head.size() + test::gzip(records[3]).size()) + ")"),
            std::string::npos)
      << e.message;
}

// A member cut short with members after it (a broken concatenation): its inflated start is read as a record whose
// header runs into garbage, but the one problem reported is the member: where it starts and that it is cut short,
// not a header or a Content-Length of the record it held.
TEST(IngestWarc, TruncatedMemberInsideTheFileIsReportedAsTheMemberOnly) {
  auto records = crawl_records();
  const std::string head = test::gzip(records[0]) + test::gzip(records[1]);
  std::string rest;
  for (size_t i = 3; i < records.size(); ++i) rest += test::gzip(records[i]);
  const std::string member = test::gzip(records[2]);
  for (size_t keep : {member.size() / 3, member.size() / 2, member.size() - 20}) {
    std::istringstream in(head + member.substr(0, keep) + rest);
    Collected c;
    read_warc("cut.warc.gz", in, IngestOptions{}, c.sink(), c.errs());
    ASSERT_EQ(c.articles.size(), 2U) << keep << ": " << c.all_errors();
    EXPECT_EQ(c.articles[0].id, "urn:uuid:r2");
    EXPECT_EQ(c.articles[1].id, "urn:uuid:r5");
    ASSERT_EQ(c.errors.size(), 1U) << keep << ": " << c.all_errors();
    const std::string& m = c.errors[0].message;
    EXPECT_NE(m.find("gzip member at compressed byte offset " + std::to_string(head.size()) + " is truncated"),
              std::string::npos)
        << keep << ": " << m;
    EXPECT_NE(m.find("next gzip member (compressed byte offset " + std::to_string(head.size() + keep) + ")"),
              std::string::npos)
        << keep << ": " << m;
    EXPECT_EQ(m.find("Content-Length"), std::string::npos) << keep << ": " << m;
    EXPECT_EQ(m.find("version line"), std::string::npos) << keep << ": " << m;
    EXPECT_EQ(m.find("record header"), std::string::npos) << keep << ": " << m;
  }
}

// The same for the first member, for a member whose data inflates but whose CRC is wrong, and through a file.
TEST(IngestWarc, DamagedFirstMemberOrBadCheckValueCostsOnlyItsRecord) {
  auto records = crawl_records();
  std::string rest;
  for (size_t i = 3; i < records.size(); ++i) rest += test::gzip(records[i]);
  std::string first_bad = test::gzip(records[0]) + test::gzip(records[1]) + damaged(test::gzip(records[2])) + rest;
  std::string crc = test::gzip(records[2]);
  crc[crc.size() - 6] = static_cast<char>(crc[crc.size() - 6] ^ 0x01);  // a byte of the CRC-32 in the trailer
  std::string crc_bad = test::gzip(records[0]) + test::gzip(records[1]) + crc + rest;
  std::string only_bad = damaged(test::gzip(records[2])) + rest;
  test::TempDir dir;
  for (const std::string& data : {first_bad, crc_bad, only_bad}) {
    const std::string path = dir.write("part.warc.gz", data);
    Collected c;
    EXPECT_EQ(ingest_paths({path}, IngestOptions{}, c.sink(), c.errs()), 2U) << c.all_errors();
    ASSERT_EQ(c.articles.size(), 2U) << c.all_errors();
    EXPECT_EQ(c.articles[0].id, "urn:uuid:r2");
    EXPECT_EQ(c.articles[1].id, "urn:uuid:r5");
    ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
    EXPECT_EQ(c.errors[0].file, path);
    EXPECT_NE(c.errors[0].message.find("is damaged"), std::string::npos) << c.errors[0].message;
    EXPECT_NE(c.errors[0].message.find("record skipped"), std::string::npos) << c.errors[0].message;
  }
}

// Many records in members larger than the reader's buffers, two of them damaged: each costs only its record.
TEST(IngestWarc, DamagedMembersAmongManyLargeRecordsCostOnlyTheirRecords) {
  std::string data;
  uint32_t seed = 7;
  auto word = [&seed]() {  // words the compressor cannot shrink much, so members span the 64 KiB buffers
    std::string w;
    for (int k = 0; k < 6; ++k) {
      seed = seed * 1103515245U + 12345U;
      w += static_cast<char>('a' + (seed >> 16U) % 26U);
    }
    return w;
  };
  for (int i = 0; i < 30; ++i) {
    std::string body = "<html><body><article><p>Harbour report " + std::to_string(i) + ".</p><p>";
    for (int k = 0; k < 20000; ++k) body += word() + (k % 20 == 19 ? ".</p><p>" : " ");
    body += "</p></article></body></html>";
    std::string member = test::gzip(record(
        "resource", "h" + std::to_string(i),
        "WARC-Target-URI: https://harbour.example/" + std::to_string(i) + "\r\nContent-Type: text/html\r\n", body));
    ASSERT_GT(member.size(), 1U << 16U);
    data += i == 9 || i == 20 ? damaged(member) : member;
  }
  std::istringstream in(data);
  Collected c;
  read_warc("harbour.warc.gz", in, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 28U) << c.all_errors();
  EXPECT_EQ(c.articles[9].id, "urn:uuid:h10");
  EXPECT_EQ(c.articles[27].id, "urn:uuid:h29");
  ASSERT_EQ(c.errors.size(), 2U) << c.all_errors();
  EXPECT_NE(c.errors[0].message.find("record 10 at"), std::string::npos) << c.errors[0].message;
  EXPECT_NE(c.errors[1].message.find("record 21 at"), std::string::npos) << c.errors[1].message;
}

// Damage in the last member leaves nothing to read on at: one error that ends the file, the records before kept.
TEST(IngestWarc, DamagedLastMemberIsAnErrorAfterTheRecordsBefore) {
  auto records = crawl_records();
  std::string data;
  for (size_t i = 0; i + 1 < records.size(); ++i) data += test::gzip(records[i]);
  std::istringstream in(data + damaged(test::gzip(records.back())));
  Collected c;
  read_warc("end.warc.gz", in, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 2U) << c.all_errors();
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_NE(c.errors[0].message.find("record 7"), std::string::npos) << c.errors[0].message;
  EXPECT_NE(c.errors[0].message.find("gzip data corrupt"), std::string::npos) << c.errors[0].message;
}

TEST(IngestWarc, TruncatedPlainRecordNamesRecordAndOffset) {
  auto records = crawl_records();
  std::string data = records[0] + records[1] + records[2] + records[3].substr(0, records[3].size() / 2);
  std::istringstream in(data);
  Collected c;
  read_warc("short.warc", in, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 1U);
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  size_t offset = records[0].size() + records[1].size() + records[2].size();
  EXPECT_NE(c.errors[0].message.find("record 4 at byte offset " + std::to_string(offset)), std::string::npos)
      << c.errors[0].message;
  EXPECT_FALSE(c.errors[0].warning);
}

// Three HTML responses; the middle one's Content-Length header is replaced by `length`.
std::vector<std::string> three_pages(const std::string& length) {
  std::vector<std::string> out;
  for (const char* town : {"Tromso", "Bergen", "Alesund"}) {
    std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>The ferry to " +
                       std::string(town) + " sailed late.</p></body></html>";
    out.push_back(
        record("response", town, "WARC-Target-URI: https://ferry.example/" + std::string(town) + "\r\n", http));
  }
  size_t at = out[1].find("Content-Length: ");
  out[1].replace(at, out[1].find("\r\n", at) - at, "Content-Length: " + length);
  return out;
}

TEST(IngestWarc, BadContentLengthCostsOnlyItsRecord) {
  auto recs = three_pages("12x");
  std::istringstream in(join(recs, false));
  Collected c;
  read_warc("ferry.warc", in, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 2U) << c.all_errors();
  EXPECT_EQ(c.articles[0].id, "urn:uuid:Tromso");
  EXPECT_EQ(c.articles[1].id, "urn:uuid:Alesund");
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_FALSE(c.errors[0].warning);
  EXPECT_NE(c.errors[0].message.find("record 2 at byte offset " + std::to_string(recs[0].size())), std::string::npos)
      << c.errors[0].message;
  EXPECT_NE(c.errors[0].message.find("Content-Length"), std::string::npos);
  EXPECT_NE(c.errors[0].message.find("next record (byte offset " + std::to_string(recs[0].size() + recs[1].size())),
            std::string::npos)
      << c.errors[0].message;
}

TEST(IngestWarc, ContentLengthTooLongOrTooShortLosesNoOtherRecord) {
  for (const char* length : {"5000", "40"}) {
    auto recs = three_pages(length);
    std::istringstream in(join(recs, false));
    Collected c;
    read_warc("ferry.warc", in, IngestOptions{}, c.sink(), c.errs());
    ASSERT_GE(c.articles.size(), 2U) << length << "\n" << c.all_errors();
    EXPECT_EQ(c.articles.front().id, "urn:uuid:Tromso");
    EXPECT_EQ(c.articles.back().id, "urn:uuid:Alesund");
    EXPECT_EQ(c.articles.back().text, "The ferry to Alesund sailed late.");
    ASSERT_EQ(c.errors.size(), 1U) << length << "\n" << c.all_errors() << c.articles.size();
    EXPECT_NE(c.errors[0].message.find("record 2 at byte offset"), std::string::npos) << c.errors[0].message;
    EXPECT_NE(c.errors[0].message.find("Content-Length " + std::string(length) + " is wrong"), std::string::npos)
        << c.errors[0].message;
  }
}

// A negative Content-Length (read as 2^64 - 7) or one far over the record limit and past the end of the file
// passed over the rest of the file ("record truncated ...; the rest of the file skipped"): the block is looked at
// for the next record as it is passed over, so only its own record is lost.
TEST(IngestWarc, ContentLengthNegativeOrHugeLosesNoOtherRecord) {
  for (const char* length : {"-7", "900000000000000", "+40", "99999999999999999999999"}) {
    auto recs = three_pages(length);
    std::istringstream in(join(recs, false));
    Collected c;
    read_warc("ferry.warc", in, IngestOptions{}, c.sink(), c.errs());
    ASSERT_EQ(c.articles.size(), 2U) << length << "\n" << c.all_errors();
    EXPECT_EQ(c.articles[0].id, "urn:uuid:Tromso");
    EXPECT_EQ(c.articles[1].id, "urn:uuid:Alesund");
    EXPECT_EQ(c.articles[1].text, "The ferry to Alesund sailed late.");
    EXPECT_EQ(c.count(false), c.errors.size()) << c.all_errors();
    ASSERT_FALSE(c.errors.empty());
    const std::string& m = c.errors.back().message;
    EXPECT_NE(m.find("record 2 at byte offset " + std::to_string(recs[0].size())), std::string::npos) << m;
    EXPECT_NE(m.find("next record (byte offset " + std::to_string(recs[0].size() + recs[1].size())), std::string::npos)
        << m;
  }
}

// A Content-Length 5 to 10 bytes too long ends the block inside the next record's version line ("\r\n\r\nWA"):
// reading goes back to where that line starts, so the next record is read too (it was lost with the record).
TEST(IngestWarc, ContentLengthAFewBytesTooLongKeepsTheNextRecord) {
  const size_t real = std::string(
                          "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>The ferry to "
                          "Bergen sailed late.</p></body></html>")
                          .size();
  for (size_t extra = 5; extra <= 10; ++extra) {
    auto recs = three_pages(std::to_string(real + extra));
    std::istringstream in(join(recs, false));
    Collected c;
    read_warc("ferry.warc", in, IngestOptions{}, c.sink(), c.errs());
    ASSERT_EQ(c.articles.size(), 3U) << extra << "\n" << c.all_errors();
    EXPECT_EQ(c.articles[1].text, "The ferry to Bergen sailed late.") << extra;
    EXPECT_EQ(c.articles[2].id, "urn:uuid:Alesund") << extra;
    ASSERT_EQ(c.errors.size(), 1U) << extra << "\n" << c.all_errors();
    EXPECT_TRUE(c.errors[0].warning);
    const std::string& m = c.errors[0].message;
    EXPECT_NE(m.find("record 2 at byte offset " + std::to_string(recs[0].size())), std::string::npos) << m;
    EXPECT_NE(m.find("next record at byte offset " + std::to_string(recs[0].size() + recs[1].size())),
              std::string::npos)
        << m;
  }
}

TEST(IngestWarc, NotWarcIsAnError) {
  std::istringstream in("hello world\n");
  Collected c;
  read_warc("x.warc", in, IngestOptions{}, c.sink(), c.errs());
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.errors.size(), 1U);
  EXPECT_NE(c.errors[0].message.find("WARC/1.x"), std::string::npos);
}

// A response whose HTML payload is over the markup limit is skipped before it is parsed; the others are read.
TEST(IngestWarc, PayloadOverTheMarkupLimitIsSkippedUnparsed) {
  auto recs = three_pages("0");
  std::string big = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>";
  while (big.size() < 9000) big += "<p>The ferry to Bergen waited <b>for the tide";
  recs[1] = record("response", "Bergen", "WARC-Target-URI: https://ferry.example/Bergen\r\n", big);
  IngestOptions o;
  o.max_markup_bytes = 8000;
  std::istringstream in(join(recs, false));
  Collected c;
  read_warc("ferry.warc", in, o, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 2U) << c.all_errors();
  EXPECT_EQ(c.articles[1].id, "urn:uuid:Alesund");
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_NE(c.errors[0].message.find("record 2 at byte offset " + std::to_string(recs[0].size()) + ": HTML payload of"),
            std::string::npos)
      << c.errors[0].message;
  EXPECT_NE(c.errors[0].message.find("over the limit of 8000 bytes; skipped without parsing"), std::string::npos)
      << c.errors[0].message;
}
}  // namespace
}  // namespace dyad
