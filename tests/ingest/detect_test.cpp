#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "ingest_test_util.h"

namespace dyad {
namespace {

TEST(IngestDetect, ContentDecides) {
  EXPECT_EQ(detect_format("WARC/1.1\r\nWARC-Type: warcinfo\r\n", "x.bin"), InputFormat::warc);
  EXPECT_EQ(detect_format(test::gzip("WARC/1.0\r\nWARC-Type: response\r\n"), "crawl"), InputFormat::warc);
  EXPECT_EQ(detect_format("  \n<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">", "a.txt"),
            InputFormat::feed);
  EXPECT_EQ(detect_format("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "x"), InputFormat::feed);
  EXPECT_EQ(detect_format("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">", "x"), InputFormat::feed);
  EXPECT_EQ(detect_format("<!DOCTYPE html><html><body>hi</body></html>", "page.xml"), InputFormat::html);
  // A doctype with an internal subset: its declarations' '>' do not end the prolog.
  EXPECT_EQ(
      detect_format(
          "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY org \"Delta Council\">\n]>\n<rss version=\"2.0\">", "x"),
      InputFormat::feed);
  // ... nor do a ']' in a quoted entity value or a comment of the subset end it (the feed read as HTML).
  EXPECT_EQ(
      detect_format("<!DOCTYPE rss [<!ENTITY unit \"Ward [3]\"><!ENTITY q 'a]>b'><!-- ] > -->]>\n<rss version=\"2.0\">",
                    "x"),
      InputFormat::feed);
  EXPECT_EQ(detect_format("\n\n{\"id\": 1, \"text\": \"a\"}\n{\"id\": 2}", "data.txt"), InputFormat::jsonl);
  EXPECT_EQ(detect_format("Plain words about a summit.\nMore words.", "story"), InputFormat::text);
  // Content that is clearly text is not overridden by a name hint for a markup format...
  EXPECT_EQ(detect_format("{\"id\": 1, \"text\": \"a\"}\n", "a.html"), InputFormat::jsonl);
}

TEST(IngestDetect, NameBreaksTies) {
  // Nothing to go on: the name decides.
  EXPECT_EQ(detect_format("", "empty.jsonl"), InputFormat::jsonl);
  EXPECT_EQ(detect_format("", "empty.html"), InputFormat::html);
  EXPECT_EQ(detect_format("", "empty"), InputFormat::text);
  // A broken first JSONL line still reads as JSONL when the name says so.
  EXPECT_EQ(detect_format("{not json\n{\"text\":\"b\"}\n", "a.jsonl"), InputFormat::jsonl);
  // Without the name, content opening with an object ('{' and a quoted key) that is no JSONL line is a JSON
  // document (read_json reports where it breaks), never one text article of JSON source.
  EXPECT_EQ(detect_format("{\"id\": broken\n", "a"), InputFormat::json);
  // Text may open with a brace or an array of something else; a ".txt" name says text.
  EXPECT_EQ(detect_format("{Updated} Rebels attacked the town.", "a"), InputFormat::text);
  EXPECT_EQ(detect_format("[{\"note\": 1}] Rebels attacked the town.", "upd.txt"), InputFormat::text);
  EXPECT_EQ(detect_format("[{Updated}] Rebels attacked the town.", "upd"), InputFormat::text);
  EXPECT_EQ(detect_format("{\n  \"id\": \"k1\",\n  \"text\": \"Words.\"\n}\n", "k"), InputFormat::json);
  EXPECT_EQ(detect_format("[{\"text\": \"a\"}, {\"text\": \"b\"}]", "batch"), InputFormat::json);
  EXPECT_EQ(detect_format("", "batch.json"), InputFormat::json);
  // Text may open with a bracketed note.
  EXPECT_EQ(detect_format("[Updated] The council met again.", "note"), InputFormat::text);
  // Gzip that is not WARC.
  EXPECT_EQ(detect_format(test::gzip("hello"), "x.warc.gz"), InputFormat::warc);
}

TEST(IngestDetect, FormatNames) {
  EXPECT_EQ(parse_input_format("auto"), InputFormat::automatic);
  EXPECT_EQ(parse_input_format("txt"), InputFormat::text);
  EXPECT_EQ(parse_input_format("TEXT"), InputFormat::text);
  EXPECT_EQ(parse_input_format("jsonl"), InputFormat::jsonl);
  EXPECT_EQ(parse_input_format("json"), InputFormat::json);
  EXPECT_EQ(parse_input_format("rss"), InputFormat::feed);
  EXPECT_EQ(parse_input_format("atom"), InputFormat::feed);
  EXPECT_EQ(parse_input_format("warc"), InputFormat::warc);
  EXPECT_FALSE(parse_input_format("pdf").has_value());
  for (InputFormat f : {InputFormat::automatic, InputFormat::text, InputFormat::jsonl, InputFormat::json,
                        InputFormat::html, InputFormat::feed, InputFormat::warc})
    EXPECT_EQ(parse_input_format(to_string(f)), f);
}

}  // namespace
}  // namespace dyad
