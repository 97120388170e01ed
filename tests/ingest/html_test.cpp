#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "ingest_test_util.h"

namespace dyad {
namespace {

using test::Collected;

TEST(IngestHtml, MainTextAndMetadata) {
  HtmlExtract ex = extract_html(test::slurp(test::fixture("article.html")));
  EXPECT_EQ(ex.title, "Harbor council approves ferry budget");
  ASSERT_TRUE(ex.published.has_value());
  EXPECT_EQ(ex.published->iso(), "2023-11-02");
  EXPECT_EQ(ex.url, "https://gazette.example/news/ferry-budget");
  EXPECT_EQ(ex.site, "Lakeside Gazette");
  EXPECT_EQ(ex.text,
            "The harbor council of Lakeside voted 7 to 2 on Tuesday to fund a second ferry line.\n"
            "Mayor Ana Ortiz said the money would come from port fees, not taxes.\n"
            "Opposition\n"
            "Two members warned that fees could rise again next year.\n"
            "Cost: 4 million\n"
            "Start: spring");
}

TEST(IngestHtml, BestContainerWithoutArticleTag) {
  HtmlExtract ex = extract_html(test::slurp(test::fixture("no_article.html")));
  EXPECT_EQ(ex.title, "Plain page title");
  ASSERT_TRUE(ex.published.has_value());
  EXPECT_EQ(ex.published->iso(), "2022-03-03");
  EXPECT_EQ(ex.text,
            "First paragraph of the story is long enough to count as the main body text here.\n"
            "Second paragraph continues the story with more words about the event that happened.");
}

TEST(IngestHtml, TitleAndDateFallbacks) {
  HtmlExtract ex = extract_html(
      "<html><body><header><h1> Only  heading </h1><time datetime=\"2021-09-03\">Sept. 3</time></header>"
      "<div>Direct div text.<br>After break.</div></body></html>");
  EXPECT_EQ(ex.title, "Only heading");
  ASSERT_TRUE(ex.published.has_value());
  EXPECT_EQ(ex.published->iso(), "2021-09-03");
  EXPECT_EQ(ex.text, "Direct div text.\nAfter break.");

  HtmlExtract pre = extract_html("<article><p>Intro &amp; more.</p><pre>line a\n  line b</pre></article>");
  EXPECT_EQ(pre.text, "Intro & more.\nline a\nline b");
  EXPECT_EQ(pre.title, "");
  EXPECT_FALSE(pre.published.has_value());

  HtmlExtract ld = extract_html(
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":"
      "\"2020-02-29T10:00:00Z\"}</script><meta itemprop=\"x\"></head><body><p>Leap day.</p></body></html>");
  ASSERT_TRUE(ld.published.has_value());
  EXPECT_EQ(ld.published->iso(), "2020-02-29");
}

TEST(IngestHtml, ReadHtmlBuildsArticle) {
  Collected c;
  read_html("pages/ferry.html", test::slurp(test::fixture("article.html")), IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 1U) << c.all_errors();
  EXPECT_TRUE(c.errors.empty()) << c.all_errors();
  const Article& a = c.articles[0];
  EXPECT_EQ(a.id, "ferry");
  EXPECT_EQ(a.origin, "pages/ferry.html");
  EXPECT_EQ(a.title, "Harbor council approves ferry budget");
  EXPECT_EQ(a.source, "Lakeside Gazette");
  EXPECT_EQ(a.url, "https://gazette.example/news/ferry-budget");
  EXPECT_EQ(a.published.iso(), "2023-11-02");
  EXPECT_EQ(a.published_origin, DateOrigin::input);
  EXPECT_EQ(a.metadata, "{}");
  EXPECT_EQ(a.text.find("Share on Facebook"), std::string::npos);
  EXPECT_EQ(a.text.find("cookies"), std::string::npos);
  EXPECT_EQ(a.text.find("tracking"), std::string::npos);
  EXPECT_EQ(a.text.find("Reader comment"), std::string::npos);
  EXPECT_EQ(a.text.find("Copyright"), std::string::npos);
}

TEST(IngestHtml, TruncatedPageDeliversTextWithWarning) {
  std::string page = test::slurp(test::fixture("article.html"));
  page.resize(page.find("Mayor Ana Ortiz said the money") + 20);  // cut mid-paragraph
  Collected c;
  read_html("cut.html", page, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 1U) << c.all_errors();
  EXPECT_EQ(c.articles[0].text,
            "The harbor council of Lakeside voted 7 to 2 on Tuesday to fund a second ferry line.\n"
            "Mayor Ana Ortiz said");
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_TRUE(c.errors[0].warning);
  EXPECT_EQ(c.errors[0].file, "cut.html");
  EXPECT_NE(c.errors[0].message.find("ended early"), std::string::npos);

  // The complete page raises no such warning.
  Collected whole;
  read_html("whole.html", test::slurp(test::fixture("article.html")), IngestOptions{}, whole.sink(), whole.errs());
  EXPECT_TRUE(whole.errors.empty());
}

TEST(IngestHtml, DeclaredCharsetIsConverted) {
  // "café" in ISO-8859-1 with a meta http-equiv declaration.
  std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head>"
      "<body><p>Le caf\xE9 ferme.</p></body></html>";
  Collected c;
  read_html("latin.html", page, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 1U);
  EXPECT_EQ(c.articles[0].text, "Le caf\xC3\xA9 ferme.");
  EXPECT_TRUE(c.errors.empty()) << c.all_errors();
}

TEST(IngestHtml, InvalidUtf8WithoutCharsetIsReadAsWindows1252WithWarning) {
  std::string page = "<html><body><p>\x93Quoted\x94 and na\xEFve.</p></body></html>";
  Collected c;
  read_html("cp1252.html", page, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 1U);
  EXPECT_EQ(c.articles[0].text, "\xE2\x80\x9CQuoted\xE2\x80\x9D and na\xC3\xAFve.");
  ASSERT_EQ(c.errors.size(), 1U);
  EXPECT_TRUE(c.errors[0].warning);
  EXPECT_NE(c.errors[0].message.find("windows-1252"), std::string::npos);
}

TEST(IngestHtml, UnparseableMetaDateWarns) {
  Collected c;
  read_html("d.html",
            "<html><head><meta property=\"article:published_time\" content=\"soon\"></head>"
            "<body><p>Text.</p></body></html>",
            IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 1U);
  EXPECT_FALSE(c.articles[0].published.known());
  ASSERT_EQ(c.errors.size(), 1U);
  EXPECT_TRUE(c.errors[0].warning);
  EXPECT_NE(c.errors[0].message.find("soon"), std::string::npos);
}

TEST(IngestHtml, EmptyAndBinaryPagesAreErrors) {
  Collected c;
  read_html("e.html", "", IngestOptions{}, c.sink(), c.errs());
  read_html("b.html", std::string("\x00\x01\x02<html>", 9), IngestOptions{}, c.sink(), c.errs());
  read_html("n.html", "<html><body><nav>Only a menu</nav></body></html>", IngestOptions{}, c.sink(), c.errs());
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.errors.size(), 3U);
  EXPECT_EQ(c.errors[0].file, "e.html");
  EXPECT_EQ(c.errors[1].file, "b.html");
  EXPECT_NE(c.errors[1].message.find("binary"), std::string::npos);
  EXPECT_EQ(c.errors[2].file, "n.html");
  EXPECT_NE(c.errors[2].message.find("no text"), std::string::npos);
  for (const Error& e : c.errors) EXPECT_FALSE(e.warning);
}

// Malformed HTML whose paragraphs, cells and inline elements are never closed: the kind of page that made the parser
// slow and large before the size check skipped it.
std::string unclosed_page(size_t at_least) {
  std::string page = "<html><head><title>Mill fair</title></head><body><div>";
  while (page.size() < at_least) page += "<p>The mill fair drew crowds <b>from three valleys<i><table><tr><td>again\n";
  return page;
}

// A page over the markup limit is skipped before it is parsed: one error naming the file and both sizes.
TEST(IngestHtml, PageOverTheMarkupLimitIsSkippedUnparsed) {
  const std::string page = unclosed_page(5000);
  IngestOptions o;
  o.max_markup_bytes = 4000;
  Collected c;
  read_html("fair.html", page, o, c.sink(), c.errs());
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_EQ(c.errors[0].file, "fair.html");
  EXPECT_FALSE(c.errors[0].warning);
  EXPECT_NE(c.errors[0].message.find("HTML page is " + std::to_string(page.size()) +
                                     " bytes, over the limit of 4000 bytes; skipped without parsing"),
            std::string::npos)
      << c.errors[0].message;
  // Under the limit the same page is read.
  o.max_markup_bytes = page.size();
  Collected ok;
  read_html("fair.html", page, o, ok.sink(), ok.errs());
  EXPECT_EQ(ok.articles.size(), 1U) << ok.all_errors();
}

// From a file, reading stops at the limit: the page is never held whole, and the next file is read.
TEST(IngestHtml, PageFileOverTheMarkupLimitIsNotReadWhole) {
  test::TempDir dir;
  const std::string big = dir.write("a_big.html", unclosed_page(300000));
  const std::string small = dir.write("b_small.html", unclosed_page(100));
  IngestOptions o;
  o.max_markup_bytes = 200000;
  Collected c;
  EXPECT_EQ(ingest_paths({dir.path().string()}, o, c.sink(), c.errs()), 1U) << c.all_errors();
  ASSERT_EQ(c.count(false), 1U) << c.all_errors();  // the small page's end tags are missing too: a warning
  EXPECT_EQ(c.errors[0].file, big);
  EXPECT_NE(c.errors[0].message.find("over the limit of 200000 bytes; skipped without parsing (reading stopped"),
            std::string::npos)
      << c.errors[0].message;
  EXPECT_EQ(c.articles[0].id, "b_small");
}
}  // namespace
}  // namespace dyad
