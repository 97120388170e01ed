#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/unicode.h"
#include "ingest/ingest.h"
#include "ingest_test_util.h"

namespace dyad {
namespace {

using test::Collected;
using test::TempDir;

TEST(IngestJsonl, FieldsAliasesIdsAndMetadata) {
  std::istringstream in(
      "{\"id\":\"a1\",\"url\":\"https://n.example/a\",\"source\":\"Daily\",\"published\":\"2024-05-16T09:30:00Z\","
      "\"title\":\"  Summit\\nopens \",\"text\":\"First para.\\n\\n\\nSecond para.  "
      "\",\"lang\":\"en\",\"tags\":[1,2]}\n"
      "\n"
      "{\"id\":42,\"date\":\"Thu, 16 May 2024 09:30:00 GMT\",\"body\":\"Body alias.\"}\n"
      "{\"publish_date\":\"May 17, 2024\",\"content\":\"Content alias.\"}\r\n");
  Collected c;
  read_jsonl("feed/news.jsonl", in, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 3U) << c.all_errors();
  EXPECT_TRUE(c.errors.empty()) << c.all_errors();

  const Article& a = c.articles[0];
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.url, "https://n.example/a");
  EXPECT_EQ(a.source, "Daily");
  EXPECT_EQ(a.title, "Summit opens");
  EXPECT_EQ(a.text, "First para.\nSecond para.");
  EXPECT_EQ(a.published.iso(), "2024-05-16");
  EXPECT_EQ(a.published_origin, DateOrigin::input);
  EXPECT_EQ(a.origin, "feed/news.jsonl:1");
  auto meta = nlohmann::json::parse(a.metadata);
  EXPECT_EQ(meta, nlohmann::json::parse(R"({"lang":"en","tags":[1,2]})"));

  EXPECT_EQ(c.articles[1].id, "42");  // numbers become strings
  EXPECT_EQ(c.articles[1].text, "Body alias.");
  EXPECT_EQ(c.articles[1].published.iso(), "2024-05-16");
  EXPECT_EQ(c.articles[1].origin, "feed/news.jsonl:3");
  EXPECT_EQ(c.articles[1].metadata, "{}");

  EXPECT_EQ(c.articles[2].id, "news:4");  // derived: stem:LINE
  EXPECT_EQ(c.articles[2].text, "Content alias.");
  EXPECT_EQ(c.articles[2].published.iso(), "2024-05-17");
}

TEST(IngestJsonl, DocIdAndDocTextAliases) {
  std::istringstream in("{\"doc_id\": 11, \"doc_text\": \"Dated story.\\n\\nSecond.\"}\n");
  Collected c;
  read_jsonl("docs.jsonl", in, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 1U) << c.all_errors();
  EXPECT_EQ(c.articles[0].id, "11");
  EXPECT_EQ(c.articles[0].text, "Dated story.\nSecond.");
  EXPECT_EQ(c.articles[0].metadata, "{}");
}

TEST(IngestJsonl, ReadsStdinAsAStream) {
  test::TempDir dir;
  std::string path = dir.write("in.jsonl", "{\"id\":\"s1\",\"text\":\"From stdin.\"}\nnot json\n");
  ASSERT_NE(std::freopen(path.c_str(), "rb", stdin), nullptr);
  Collected c;
  EXPECT_EQ(ingest_paths({"-"}, IngestOptions{}, c.sink(), c.errs()), 1U);
  ASSERT_EQ(c.articles.size(), 1U);
  EXPECT_EQ(c.articles[0].id, "s1");
  EXPECT_EQ(c.articles[0].origin, "stdin:1");
  ASSERT_EQ(c.errors.size(), 1U);
  EXPECT_EQ(c.errors[0].str().rfind("stdin:2: malformed JSON", 0), 0U) << c.errors[0].str();
}

TEST(IngestJsonl, MalformedLineGivesParserReasonAndReadingGoesOn) {
  std::istringstream in("{\"text\":\"one\"}\n{\"text\": \"two\",,}\n{\"text\":\"three\"}\n");
  Collected c;
  read_jsonl("file.jsonl", in, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 2U);
  EXPECT_EQ(c.articles[0].text, "one");
  EXPECT_EQ(c.articles[1].text, "three");
  EXPECT_EQ(c.articles[1].id, "file:3");
  ASSERT_EQ(c.errors.size(), 1U);
  EXPECT_EQ(c.errors[0].str().rfind("file.jsonl:2: ", 0), 0U) << c.errors[0].str();
  EXPECT_NE(c.errors[0].message.find("syntax error"), std::string::npos) << c.errors[0].message;
  EXPECT_FALSE(c.errors[0].warning);
}

TEST(IngestJsonl, NotAnObjectOrNoTextIsAnErrorForThatLine) {
  std::istringstream in("[1,2,3]\n{\"title\":\"no text\"}\n{\"text\":17}\n{\"text\":\"fine\"}\n\"str\"\n");
  Collected c;
  read_jsonl("x.jsonl", in, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 1U);
  EXPECT_EQ(c.articles[0].text, "fine");
  ASSERT_EQ(c.errors.size(), 4U) << c.all_errors();
  EXPECT_EQ(c.errors[0].line, 1U);
  EXPECT_NE(c.errors[0].message.find("object"), std::string::npos);
  EXPECT_EQ(c.errors[1].line, 2U);
  EXPECT_NE(c.errors[1].message.find("text"), std::string::npos);
  EXPECT_EQ(c.errors[2].line, 3U);
  EXPECT_EQ(c.errors[3].line, 5U);
  for (const Error& e : c.errors) {
    EXPECT_EQ(e.file, "x.jsonl");
    EXPECT_FALSE(e.warning);
  }
}

TEST(IngestJsonl, UnparseableDateIsAWarningAndTheArticleStays) {
  std::istringstream in("{\"id\":\"d\",\"published\":\"the day after tomorrow\",\"text\":\"Words.\"}\n");
  Collected c;
  IngestOptions o;
  read_jsonl("dates.jsonl", in, o, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 1U);
  EXPECT_FALSE(c.articles[0].published.known());
  EXPECT_EQ(c.articles[0].published_origin, DateOrigin::unknown);
  ASSERT_EQ(c.errors.size(), 1U);
  EXPECT_TRUE(c.errors[0].warning);
  EXPECT_EQ(c.errors[0].line, 1U);
  EXPECT_NE(c.errors[0].message.find("the day after tomorrow"), std::string::npos);
}

TEST(IngestJsonl, OverlongLineIsSkippedAndFollowingLinesRead) {
  // A 50 MB line (over the default 16 MB line limit) between two good lines, from a file.
  test::TempDir dir;
  std::string path = (dir.path() / "big.jsonl").string();
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"text\":\"before\"}\n{\"text\":\"";
    std::string chunk(1U << 20U, 'x');
    for (int i = 0; i < 50; ++i) out << chunk;
    out << "\"}\n{\"text\":\"after\"}\n";
  }
  Collected c;
  EXPECT_EQ(ingest_paths({path}, IngestOptions{}, c.sink(), c.errs()), 2U);
  ASSERT_EQ(c.articles.size(), 2U);
  EXPECT_EQ(c.articles[0].text, "before");
  EXPECT_EQ(c.articles[1].text, "after");
  EXPECT_EQ(c.articles[1].origin, path + ":3");
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_EQ(c.errors[0].line, 2U);
  EXPECT_EQ(c.errors[0].file, path);
  EXPECT_NE(c.errors[0].message.find(std::to_string((50U << 20U) + 11U)), std::string::npos) << c.errors[0].message;
  EXPECT_NE(c.errors[0].message.find(std::to_string(IngestOptions{}.max_line_bytes)), std::string::npos);
  EXPECT_FALSE(c.errors[0].warning);
}

TEST(IngestJsonl, ArticleOverArticleLimitIsSkipped) {
  std::istringstream in("{\"id\":\"long\",\"text\":\"" + std::string(300, 'y') + "\"}\n{\"text\":\"short\"}\n");
  Collected c;
  IngestOptions o;
  o.max_article_bytes = 100;
  read_jsonl("lim.jsonl", in, o, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 1U);
  EXPECT_EQ(c.articles[0].text, "short");
  ASSERT_EQ(c.errors.size(), 1U);
  EXPECT_EQ(c.errors[0].line, 1U);
  EXPECT_NE(c.errors[0].message.find("300"), std::string::npos);
  EXPECT_NE(c.errors[0].message.find("100"), std::string::npos);
}

// Pseudo-random bytes, as a compressed archive or an image renamed to .jsonl holds (newlines included).
std::string noise(size_t n, uint32_t seed) {
  std::string out(n, '\0');
  for (char& ch : out) {
    seed = seed * 1664525U + 1013904223U;
    ch = static_cast<char>(seed >> 24U);
  }
  return out;
}

// A binary file named .jsonl gave one "malformed JSON" error per newline byte in it: one error names the file now.
TEST(IngestJsonl, BinaryFileIsOneErrorNamingTheFile) {
  test::TempDir dir;
  const std::string with_nul = dir.write("photos.jsonl", noise(1U << 20U, 11));
  std::string no_nul = noise(1U << 20U, 5);  // mostly invalid UTF-8, with no NUL byte
  for (char& ch : no_nul)
    if (ch == '\0') ch = '\x01';
  const std::string invalid = dir.write("archive.jsonl", no_nul);
  IngestOptions o;
  o.format = InputFormat::jsonl;  // as --input-format jsonl says, or the name when the content tells nothing
  for (const std::string& path : {with_nul, invalid}) {
    Collected c;
    EXPECT_EQ(ingest_paths({path}, o, c.sink(), c.errs()), 0U);
    ASSERT_EQ(c.errors.size(), 1U) << c.errors.size() << " errors, the first: " << c.errors[0].str();
    EXPECT_EQ(c.errors[0].file, path);
    EXPECT_EQ(c.errors[0].line, 0U);
    EXPECT_NE(c.errors[0].message.find("binary file"), std::string::npos) << c.errors[0].message;
    EXPECT_NE(c.errors[0].message.find("not JSONL"), std::string::npos) << c.errors[0].message;
    EXPECT_FALSE(c.errors[0].warning);
  }
}

// A JSONL file with a damaged stretch (a run of NUL bytes, as a crash leaves, and a line of binary junk) in its
// first block is no binary file: its good lines are read and each bad one is named.
TEST(IngestJsonl, DamagedStretchInAJsonlFileKeepsItsGoodLines) {
  std::string junk = noise(3000, 9);
  std::replace(junk.begin(), junk.end(), '\n', ' ');
  std::istringstream in("{\"text\":\"The dam opened at noon.\"}\n" + std::string(2000, '\0') + "\n" + junk +
                        "\n{\"text\":\"The river rose by evening.\"}\n");
  Collected c;
  read_jsonl("river.jsonl", in, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 2U) << c.all_errors();
  EXPECT_EQ(c.articles[1].text, "The river rose by evening.");
  EXPECT_EQ(c.articles[1].origin, "river.jsonl:4");
  ASSERT_EQ(c.errors.size(), 2U) << c.all_errors();
  EXPECT_EQ(c.errors[0].line, 2U);
  EXPECT_EQ(c.errors[1].line, 3U);
}

// The same with a writer that puts spaces around the key's colon (valid JSON): still JSON lines, not binary.
TEST(IngestJsonl, DamagedStretchWithSpacedKeysKeepsItsGoodLines) {
  std::istringstream in("{ \"text\" : \"The ferry left at dawn.\" }\n" + std::string(2000, '\0') +
                        "\n{ \"text\" : \"The ferry came back at dusk.\" }\n");
  Collected c;
  read_jsonl("ferry.jsonl", in, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 2U) << c.all_errors();
  EXPECT_EQ(c.articles[1].text, "The ferry came back at dusk.");
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_EQ(c.errors[0].line, 2U);
}

// Thousands of bad lines (a CSV export named .jsonl, say) gave thousands of messages: the first hundred are listed,
// the rest summed up in one, and the good lines among them are read all the same.
TEST(IngestJsonl, ManyBadLinesAreSummedUpAfterTheFirstHundred) {
  std::string data;
  for (int i = 1; i <= 3000; ++i) {
    if (i % 1000 == 0) {
      data += "{\"text\":\"Row " + std::to_string(i) + " is an article.\"}\n";
    } else {
      data += std::to_string(i) + ",tide,low," + std::to_string(i * 7 % 13) + "\n";
    }
  }
  std::istringstream in(data);
  Collected c;
  read_jsonl("tides.jsonl", in, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 3U);
  EXPECT_EQ(c.articles[2].text, "Row 3000 is an article.");
  ASSERT_EQ(c.errors.size(), 101U);
  EXPECT_EQ(c.errors[99].line, 100U);
  const Error& sum = c.errors.back();
  EXPECT_EQ(sum.file, "tides.jsonl");
  EXPECT_EQ(sum.line, 0U);
  EXPECT_FALSE(sum.warning);
  EXPECT_NE(sum.message.find("... and 2897 more bad lines skipped up to line 2999"), std::string::npos) << sum.message;
}

TEST(IngestJsonl, EmptyFileIsAnError) {
  std::istringstream in("\n\n");
  Collected c;
  read_jsonl("none.jsonl", in, IngestOptions{}, c.sink(), c.errs());
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.errors.size(), 1U);
  EXPECT_EQ(c.errors[0].file, "none.jsonl");
  EXPECT_FALSE(c.errors[0].warning);
}

TEST(IngestJson, ArrayOfArticlesGivesOneArticleEach) {
  const std::string doc =
      "[\n  {\"id\": \"m-1\", \"text\": \"Millers in Tartu struck.\", \"published\": \"2024-02-03\"},\n"
      "  {\"text\": \"Bakers in Narva joined them.\"},\n  {\"title\": \"no text\"}\n]\n";
  Collected c;
  read_json("mills.json", doc, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 2U) << c.all_errors();
  EXPECT_EQ(c.articles[0].id, "m-1");
  EXPECT_EQ(c.articles[0].text, "Millers in Tartu struck.");
  EXPECT_EQ(c.articles[0].published.iso(), "2024-02-03");
  EXPECT_EQ(c.articles[0].origin, "mills.json:2");
  EXPECT_EQ(c.articles[1].id, "mills:2");  // no id: its place in the array
  EXPECT_EQ(c.articles[1].origin, "mills.json:3");
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_EQ(c.errors[0].line, 4U);
  EXPECT_NE(c.errors[0].message.find("no 'text'"), std::string::npos);
}

TEST(IngestJson, OnePrettyPrintedObjectIsOneArticle) {
  Collected c;
  read_json("one", "{\n  \"id\": \"p-9\",\n  \"text\": \"Weavers in Galway marched.\"\n}\n", IngestOptions{}, c.sink(),
            c.errs());
  ASSERT_EQ(c.articles.size(), 1U) << c.all_errors();
  EXPECT_TRUE(c.errors.empty()) << c.all_errors();
  EXPECT_EQ(c.articles[0].id, "p-9");
  EXPECT_EQ(c.articles[0].text, "Weavers in Galway marched.");
}

TEST(IngestJson, BrokenDocumentIsOneErrorNamingFileAndLine) {
  Collected c;
  read_json("cut.json", "[\n  {\"id\": \"x\",\n   \"text\": \"Porters in Cork", IngestOptions{}, c.sink(), c.errs());
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_FALSE(c.errors[0].warning);
  EXPECT_EQ(c.errors[0].file, "cut.json");
  EXPECT_EQ(c.errors[0].line, 3U);
  EXPECT_NE(c.errors[0].message.find("malformed JSON"), std::string::npos) << c.errors[0].message;
}

// A '.json' array with one bad element in the middle is one error at that line and nothing of it is read (its
// last element, alone on its line, was read as JSONL and stored, the rest reported line by line).
TEST(IngestJson, JsonArrayWithABadElementIsOneErrorAndNothingIsRead) {
  const std::string doc =
      "[\n{\"id\": \"t1\", \"text\": \"Tram drivers in Brno struck.\"},\n"
      "{\"id\": \"t2\", \"text\": \"Bus fares\" \"rose\"},\n"
      "{\"id\": \"t3\", \"text\": \"Ferry crews in Split joined them.\"}\n]\n";
  for (const std::string name : {"transit.json", "transit"}) {
    Collected c;
    read_json(name, doc, IngestOptions{}, c.sink(), c.errs());
    EXPECT_TRUE(c.articles.empty()) << name;
    ASSERT_EQ(c.errors.size(), 1U) << name << ": " << c.all_errors();
    EXPECT_FALSE(c.errors[0].warning);
    EXPECT_EQ(c.errors[0].file, name);
    EXPECT_EQ(c.errors[0].line, 3U) << c.errors[0].message;
    EXPECT_NE(c.errors[0].message.find("file skipped"), std::string::npos) << c.errors[0].message;
  }
  // --input-format json says the file is one document: JSON lines that do not all parse are one error.
  const std::string lines =
      "{\"id\": \"u1\", \"text\": \"Ferry crews\n{\"id\": \"u2\", \"text\": \"Pilots rested.\"}\n";
  Collected forced;
  IngestOptions as_json;
  as_json.format = InputFormat::json;
  read_json("crews", lines, as_json, forced.sink(), forced.errs());
  EXPECT_TRUE(forced.articles.empty());
  EXPECT_EQ(forced.errors.size(), 1U) << forced.all_errors();
}

// A byte order mark before the array changes nothing: one bad element is one error and nothing of the array is
// stored (it was read line by line: the elements alone on their lines stored, the others reported one by one).
TEST(IngestJson, ArrayAfterAByteOrderMarkWithABadElementIsOneError) {
  const std::string doc =
      "\xEF\xBB\xBF[\n{\"id\": \"w1\", \"text\": \"Glaziers in Tartu stopped work.\"},\n"
      "{\"id\": \"w2\", \"text\": tiles},\n"
      "{\"id\": \"w3\", \"text\": \"Roofers in Narva joined them.\"}\n]\n";
  for (const std::string name : {"roofs.dat", "roofs.json", "roofs"}) {
    Collected c;
    read_json(name, doc, IngestOptions{}, c.sink(), c.errs());
    EXPECT_TRUE(c.articles.empty()) << name;
    ASSERT_EQ(c.errors.size(), 1U) << name << ": " << c.all_errors();
    EXPECT_EQ(c.errors[0].line, 3U) << c.errors[0].message;
    EXPECT_NE(c.errors[0].message.find("file skipped"), std::string::npos) << c.errors[0].message;
  }
  Collected good;  // and the same array without its bad element is read whole
  read_json("roofs.dat",
            "\xEF\xBB\xBF[\n{\"id\": \"w1\", \"text\": \"Glaziers in Tartu stopped work.\"},\n"
            "{\"id\": \"w3\", \"text\": \"Roofers in Narva joined them.\"}\n]\n",
            IngestOptions{}, good.sink(), good.errs());
  EXPECT_EQ(good.articles.size(), 2U) << good.all_errors();
  EXPECT_TRUE(good.errors.empty()) << good.all_errors();
}

// JSON objects one per line are JSONL whatever the file is named: in a '.json' file every good line is stored and
// every bad one named, whichever line is bad (a bad first line skipped the whole file, a bad second line only
// itself). Through ingest_paths, as `dyad code` reads it: detection sees the first line.
TEST(IngestJson, JsonlInAJsonFileKeepsItsGoodLinesWhicheverLineIsBad) {
  const std::string good1 = "{\"id\": \"m1\", \"text\": \"Millers in Aarhus protested.\"}";
  const std::string good2 = "{\"id\": \"m2\", \"text\": \"Bakers in Odense closed early.\"}";
  const std::string bad = "{\"id\": \"m0\", \"text\": flour}";
  TempDir dir;
  for (size_t at = 0; at < 3; ++at) {
    std::vector<std::string> rows = {good1, good2};
    rows.insert(rows.begin() + static_cast<std::ptrdiff_t>(at), bad);
    const std::string path = dir.write("mills" + std::to_string(at) + ".json",
                                       "\xEF\xBB\xBF" + rows[0] + "\n" + rows[1] + "\n" + rows[2] + "\n");
    Collected c;
    ingest_paths({path}, IngestOptions{}, c.sink(), c.errs());
    ASSERT_EQ(c.articles.size(), 2U) << path << ": " << c.all_errors();
    EXPECT_EQ(c.articles[0].id, "m1");
    EXPECT_EQ(c.articles[1].id, "m2");
    ASSERT_EQ(c.errors.size(), 1U) << path << ": " << c.all_errors();
    EXPECT_FALSE(c.errors[0].warning);
    EXPECT_EQ(c.errors[0].file, path);
    EXPECT_EQ(c.errors[0].line, at + 1) << c.errors[0].message;
    EXPECT_NE(c.errors[0].message.find("line skipped"), std::string::npos) << c.errors[0].message;
  }
  // A pretty-printed object that does not parse is one error, its nested objects (indented) no JSONL lines.
  Collected pretty;
  read_json(
      "desk.json",
      "{\n  \"id\": \"p1\",\n  \"extra\": [\n    {\"text\": \"Potters in Lund met.\"}\n  ],\n  \"text\": clay\n}\n",
      IngestOptions{}, pretty.sink(), pretty.errs());
  EXPECT_TRUE(pretty.articles.empty()) << pretty.all_errors();
  ASSERT_EQ(pretty.errors.size(), 1U) << pretty.all_errors();
  EXPECT_NE(pretty.errors[0].message.find("file skipped"), std::string::npos) << pretty.errors[0].message;
}

TEST(IngestJson, JsonlWithABadFirstLineIsReadLineByLine) {
  Collected c;
  read_json("feedless", "{\"id\":\"z1\",\"text\":\"unfinished\n{\"id\":\"z2\",\"text\":\"Tanners in Oulu rested.\"}\n",
            IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 1U) << c.all_errors();
  EXPECT_EQ(c.articles[0].id, "z2");
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_EQ(c.errors[0].line, 1U);
  EXPECT_NE(c.errors[0].message.find("malformed JSON"), std::string::npos);
}

// JSON lines written with a leading space are JSONL too when the first line is bad: the good lines are read and the
// bad one named (the whole file was skipped as one broken document when it was named '.json').
TEST(IngestJson, IndentedJsonlWithABadFirstLineKeepsItsGoodLines) {
  const std::string bytes =
      "  {\"id\": \"k0\", \"text\": \"Coopers in Ghent\n"
      "  {\"id\": \"k1\", \"text\": \"Smiths in Namur marched.\"}\n"
      "\n"
      "\t{\"id\": \"k2\", \"text\": \"Masons in Liege joined them.\"}\n";
  TempDir dir;
  for (const std::string name : {"guilds.json", "guilds.jsonl", "guilds"}) {
    const std::string path = dir.write(name, bytes);
    Collected c;
    ingest_paths({path}, IngestOptions{}, c.sink(), c.errs());
    ASSERT_EQ(c.articles.size(), 2U) << path << ": " << c.all_errors();
    EXPECT_EQ(c.articles[0].id, "k1");
    EXPECT_EQ(c.articles[1].id, "k2");
    EXPECT_EQ(c.articles[1].text, "Masons in Liege joined them.");
    ASSERT_EQ(c.errors.size(), 1U) << path << ": " << c.all_errors();
    EXPECT_EQ(c.errors[0].line, 1U);
    EXPECT_NE(c.errors[0].message.find("line skipped"), std::string::npos) << c.errors[0].message;
  }
  // An indented pretty-printed object that does not parse stays one error: its lines are not all objects' openings.
  Collected pretty;
  read_json("desk.json", "  {\n    \"id\": \"q1\",\n    \"text\": chalk\n  }\n", IngestOptions{}, pretty.sink(),
            pretty.errs());
  EXPECT_TRUE(pretty.articles.empty()) << pretty.all_errors();
  ASSERT_EQ(pretty.errors.size(), 1U) << pretty.all_errors();
  EXPECT_NE(pretty.errors[0].message.find("file skipped"), std::string::npos) << pretty.errors[0].message;
}

// A message quotes what the parser read: bytes of no UTF-8 there (a binary file, a line in Latin-1) become U+FFFD and
// control characters spaces, so every message is one line of valid UTF-8 (it held the raw bytes).
TEST(IngestJson, MessagesAboutBadBytesAreOneLineOfValidUtf8) {
  Collected c;
  read_json("scan.json", std::string("\xA1\x01\x02junk\n\xFF", 8), IngestOptions{}, c.sink(), c.errs());
  std::istringstream in("{\"id\": \"s1\", \"text\": \"Sawyers in M\xE1laga \x1F met.\"}\n");
  read_jsonl("saws.jsonl", in, IngestOptions{}, c.sink(), c.errs());
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.errors.size(), 2U) << c.all_errors();
  for (const Error& e : c.errors) {
    EXPECT_FALSE(find_invalid_utf8(e.message).has_value()) << e.message;
    EXPECT_EQ(std::count_if(e.message.begin(), e.message.end(),
                            [](char ch) { return static_cast<unsigned char>(ch) < 0x20; }),
              0)
        << e.message;
  }
  EXPECT_NE(c.errors[0].message.find("\xEF\xBF\xBD"), std::string::npos) << c.errors[0].message;  // U+FFFD
  EXPECT_EQ(c.errors[1].line, 1U);
}

}  // namespace
}  // namespace dyad
