#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/unicode.h"
#include "ingest/ingest.h"
#include "ingest_test_util.h"

namespace dyad {
namespace {

using test::Collected;

TEST(IngestFeed, Rss2Items) {
  Collected c;
  read_feed("wire.rss", test::slurp(test::fixture("feed.rss")), IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 3U) << c.all_errors();
  const Article& a = c.articles[0];
  EXPECT_EQ(a.id, "wire-1001");  // guid
  EXPECT_EQ(a.url, "https://wire.example/dam-talks");
  EXPECT_EQ(a.title, "Dam talks resume");
  EXPECT_EQ(a.source, "Valley Wire");
  EXPECT_EQ(a.published.iso(), "2024-05-14");
  EXPECT_EQ(a.published_origin, DateOrigin::input);
  EXPECT_EQ(a.text,
            "Engineers from both provinces met on Monday.\nThey agreed to share river data.");  // content:encoded
  auto meta = nlohmann::json::parse(a.metadata);
  EXPECT_EQ(meta["feed_title"], "Valley Wire");
  EXPECT_EQ(meta["categories"], nlohmann::json::array({"Water"}));
  EXPECT_EQ(a.origin.rfind("wire.rss:", 0), 0U);

  const Article& b = c.articles[1];
  EXPECT_EQ(b.id, "https://wire.example/bridge");  // no guid: link
  EXPECT_EQ(b.published.iso(), "2024-05-15");      // dc:date
  EXPECT_EQ(b.text, "The north bridge reopened to traffic after repairs.");

  const Article& m = c.articles[2];
  EXPECT_EQ(m.id, "wire:item3");  // neither: derived
  EXPECT_EQ(m.text, "Farmers will gather in the square.");
  EXPECT_FALSE(m.published.known());

  // Only the third item's date is bad: one warning, nothing skipped.
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_TRUE(c.errors[0].warning);
  EXPECT_NE(c.errors[0].message.find("sometime next week"), std::string::npos);
  EXPECT_GT(c.errors[0].line, 0U);
}

TEST(IngestFeed, AtomEntries) {
  Collected c;
  IngestOptions o;
  read_feed("coast.atom", test::slurp(test::fixture("feed.atom")), o, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 3U) << c.all_errors();
  EXPECT_TRUE(c.errors.empty()) << c.all_errors();
  const Article& a = c.articles[0];
  EXPECT_EQ(a.id, "urn:example:coastal:1");
  EXPECT_EQ(a.url, "https://coast.example/port-strike");  // rel=alternate, not rel=self
  EXPECT_EQ(a.title, "Port strike ends");
  EXPECT_EQ(a.source, "Coastal Notes");
  EXPECT_EQ(a.published.iso(), "2024-06-01");  // published wins over updated
  EXPECT_EQ(a.text, "Dock workers returned to work on Saturday.\nThe union signed a two-year deal.");
  EXPECT_EQ(nlohmann::json::parse(a.metadata)["author"], "Lee Park");

  const Article& b = c.articles[1];
  EXPECT_EQ(b.url, "https://coast.example/storm");
  EXPECT_EQ(b.published.iso(), "2024-06-02");           // updated
  EXPECT_EQ(b.text, "Forecasters expect high winds.");  // xhtml summary

  EXPECT_EQ(c.articles[2].text, "Line one of the note.\nLine two after a blank line.");
}

TEST(IngestFeed, TruncatedFeedKeepsItemsReadAndWarns) {
  std::string feed = test::slurp(test::fixture("feed.rss"));
  feed.resize(feed.find("<title>Bridge reopens") + 10);
  Collected c;
  read_feed("cut.rss", feed, IngestOptions{}, c.sink(), c.errs());
  ASSERT_GE(c.articles.size(), 1U) << c.all_errors();
  EXPECT_EQ(c.articles[0].id, "wire-1001");
  EXPECT_EQ(c.articles[0].text, "Engineers from both provinces met on Monday.\nThey agreed to share river data.");
  // Items after the cut are lost: an error (skipped input, exit 2), not a warning.
  bool reported = false;
  for (const Error& e : c.errors)
    if (!e.warning && e.file == "cut.rss" && e.message.find("truncated") != std::string::npos) reported = true;
  EXPECT_TRUE(reported) << c.all_errors();
}

// Damage that cost no item (junk after the root element, a tag recovery closed) is a warning that says all items
// were read; it said "the rest skipped" (exit 2). When items are lost the error says how many of how many.
TEST(IngestFeed, DamageThatCostNoItemIsAWarning) {
  const std::string head = R"(<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour desk</title>
<item><guid>h1</guid><title>Cranes</title><description>Two cranes in Gdynia stood idle.</description></item>
<item><guid>h2</guid><title>Tugs</title><description>Tug crews in Klaipeda asked for more pay.</description></item>
</channel></rss>
)";
  for (const std::string& feed : {head + "<!-- mirrored --> stray words\n", head + "<rss>"}) {
    Collected c;
    read_feed("harbour.rss", feed, IngestOptions{}, c.sink(), c.errs());
    ASSERT_EQ(c.articles.size(), 2U) << c.all_errors();
    EXPECT_EQ(c.articles[1].text, "Tug crews in Klaipeda asked for more pay.");
    ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
    EXPECT_TRUE(c.errors[0].warning) << c.all_errors();
    EXPECT_NE(c.errors[0].message.find("all 2 item(s) read"), std::string::npos) << c.errors[0].message;
    EXPECT_EQ(c.errors[0].message.find("the rest skipped"), std::string::npos) << c.errors[0].message;
  }
  // Damage no repair undoes costs items: an element of no HTML name left open inside the first item takes the
  // later items into it.
  std::string lost = head;
  lost.replace(lost.find("Two cranes"), 0, "<crane>");
  Collected c;
  read_feed("harbour.rss", lost, IngestOptions{}, c.sink(), c.errs());
  EXPECT_EQ(c.articles.size(), 1U) << c.all_errors();
  ASSERT_EQ(c.count(false), 1U) << c.all_errors();
  EXPECT_NE(c.errors.back().message.find("1 of 2 item(s) read, the rest skipped"), std::string::npos) << c.all_errors();
}

// An HTML element that is no void one left open in a description ('<p>' never closed, a '<b>' inside a closed
// '<p>') took the later items into it ("1 of 2 item(s) read, the rest skipped", exit 2): the feed does not parse
// as written, so it is escaped and read as text of its element, as a '<br>' is, with a warning. A '<p>' closed
// in its description and a '<title>' (an HTML name too) stay elements.
TEST(IngestFeed, HtmlElementLeftOpenInADescriptionKeepsLaterItems) {
  const std::string feed = R"(<?xml version="1.0"?>
<rss version="2.0"><channel><title>Orchard desk</title>
<item><guid>o1</guid><title>Frost</title><description><p>Frost hit orchards near Lleida.</description></item>
<item><guid>o2</guid><title>Pickers</title><description><p>Pickers in Girona <b>walked out.</p></description></item>
<item><guid>o3</guid><title>Prices</title><description>Apple prices rose.</description></item>
</channel></rss>)";
  Collected c;
  read_feed("orchard.rss", feed, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 3U) << c.all_errors();
  EXPECT_EQ(c.articles[0].text, "Frost hit orchards near Lleida.");
  EXPECT_EQ(c.articles[1].title, "Pickers");
  EXPECT_EQ(c.articles[1].text, "Pickers in Girona walked out.");
  EXPECT_EQ(c.articles[2].text, "Apple prices rose.");
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_TRUE(c.errors[0].warning);
  EXPECT_NE(c.errors[0].message.find("2 HTML element tag(s) left open (first at line 3: <p>)"), std::string::npos)
      << c.errors[0].message;
}

// An element left open before another of the same name that is closed ("<p>a<p>b</p>"): the end tag closes the
// inner one, so the outer is still left open and repaired.
TEST(IngestFeed, AnOpenElementBeforeAClosedOneOfTheSameNameIsRepaired) {
  const std::string feed = R"(<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour desk</title>
<item><guid>h1</guid><title>Cranes</title><description><p>Cranes stopped in Koper.<p>Ships waited.</p></description></item>
<item><guid>h2</guid><title>Pilots</title><description>Pilots in Rijeka went on strike.</description></item>
<item><guid>h3</guid><title>Ferries</title><description>Ferries to Split resumed.</description></item>
</channel></rss>)";
  Collected c;
  read_feed("harbour.rss", feed, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 3U) << c.all_errors();
  EXPECT_EQ(c.articles[1].text, "Pilots in Rijeka went on strike.");
  EXPECT_EQ(c.articles[2].text, "Ferries to Split resumed.");
}

// A bare '<br>', '<hr>' or '<img ...>' in a description outside CDATA (an HTML void element XML needs closed)
// held every later item of the feed as its content; it is read as text of its element, with a warning. A
// '<link>' closed by its own end tag is RSS and stays.
TEST(IngestFeed, OpenHtmlVoidElementsDoNotSwallowLaterItems) {
  const std::string feed = R"(<?xml version="1.0"?>
<rss version="2.0"><channel><title>Valley desk</title><link>https://valley.example/</link>
<item><guid>v1</guid><title>Floods</title><description>Water rose in Ruse.<br>Roads closed.<hr></description></item>
<item><guid>v2</guid><title>Dykes</title><description><img src="d.jpg?w=2&h=3" alt="dyke">Crews in Vidin built dykes.</description></item>
<item><guid>v3</guid><title>Ferries</title><link>https://valley.example/3</link><description>Ferries stopped at Lom.</description></item>
</channel></rss>)";
  Collected c;
  read_feed("valley.rss", feed, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 3U) << c.all_errors();
  EXPECT_EQ(c.articles[0].text, "Water rose in Ruse.\nRoads closed.");
  EXPECT_EQ(c.articles[1].text, "Crews in Vidin built dykes.");
  EXPECT_EQ(c.articles[2].id, "v3");
  EXPECT_EQ(c.articles[2].url, "https://valley.example/3");
  EXPECT_EQ(c.articles[2].text, "Ferries stopped at Lom.");
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_TRUE(c.errors[0].warning);
  EXPECT_NE(c.errors[0].message.find("3 HTML element tag(s) left open (first at line 3: <br>)"), std::string::npos)
      << c.errors[0].message;
}

// A '<link>' (or '<meta>') whose end tag follows a CDATA section, a comment or a child element is closed XML, not
// a void element left open: a well-formed feed holding one is read as written, with no warning (the '<link>' was
// escaped, its stray end tag broke the feed and every item lost its text, under a warning that said the feed was
// not well-formed and nothing was skipped). Next to a '<br>' that is left open, only the '<br>' is repaired.
TEST(IngestFeed, ClosedLinkWithCdataOrCommentIsNoOpenVoidElement) {
  const std::string feed = R"(<?xml version="1.0"?>
<rss version="2.0"><channel><title>Lake desk</title>
<item><guid>k1</guid><title>Nets</title><link><![CDATA[https://lake.example/nets?d=3&p=1]]></link><description>Fishers in Mwanza mended nets.</description></item>
<item><guid>k2</guid><title>Ferry</title><link>
  <!-- canonical -->https://lake.example/ferry</link><description>The ferry to Ukerewe sailed late.</description></item>
<item><guid>k3</guid><title>Port</title><meta><name>desk</name></meta><description>Dock workers in Kisumu waited.</description></item>
</channel></rss>)";
  Collected c;
  read_feed("lake.rss", feed, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 3U) << c.all_errors();
  EXPECT_TRUE(c.errors.empty()) << c.all_errors();
  EXPECT_EQ(c.articles[0].url, "https://lake.example/nets?d=3&p=1");
  EXPECT_EQ(c.articles[0].text, "Fishers in Mwanza mended nets.");
  EXPECT_EQ(c.articles[1].url, "https://lake.example/ferry");
  EXPECT_EQ(c.articles[2].text, "Dock workers in Kisumu waited.");

  std::string mixed = feed;
  mixed.replace(mixed.find("The ferry"), 0, "Delayed.<br>");
  Collected m;
  read_feed("lake.rss", mixed, IngestOptions{}, m.sink(), m.errs());
  ASSERT_EQ(m.articles.size(), 3U) << m.all_errors();
  EXPECT_EQ(m.articles[0].url, "https://lake.example/nets?d=3&p=1");
  EXPECT_EQ(m.articles[1].text, "Delayed.\nThe ferry to Ukerewe sailed late.");
  ASSERT_EQ(m.errors.size(), 1U) << m.all_errors();
  EXPECT_TRUE(m.errors[0].warning);
  EXPECT_NE(m.errors[0].message.find("1 HTML element tag(s) left open (first at line 5: <br>)"), std::string::npos)
      << m.errors[0].message;
}

// A feed not well-formed whose items were all read, one of them with no text: the warning does not say "nothing
// skipped" when an item was skipped.
TEST(IngestFeed, WarningCountsTheItemsSkippedAfterReading) {
  const std::string feed = R"(<?xml version="1.0"?>
<rss version="2.0"><channel><title>Mill desk</title>
<item><guid>q1</guid><title>Looms</title><description>Weavers in Lodz stopped the looms.</description></item>
<item><guid>q2</guid><title>Empty</title><description>  </description></item>
</channel></rss>
trailing words)";
  Collected c;
  read_feed("mill.rss", feed, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 1U) << c.all_errors();
  ASSERT_EQ(c.errors.size(), 2U) << c.all_errors();
  EXPECT_FALSE(c.errors[0].warning);  // the item with no text
  EXPECT_TRUE(c.errors[1].warning);
  EXPECT_NE(c.errors[1].message.find("all 2 item(s) read, 1 of them skipped"), std::string::npos)
      << c.errors[1].message;
  EXPECT_EQ(c.errors[1].message.find("nothing skipped"), std::string::npos) << c.errors[1].message;
}

TEST(IngestFeed, FeedWithoutItemsIsSkippedInput) {
  Collected c;
  read_feed("quiet.rss", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Q</title></channel></rss>",
            IngestOptions{}, c.sink(), c.errs());
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_FALSE(c.errors[0].warning);
  EXPECT_EQ(c.errors[0].file, "quiet.rss");
  EXPECT_NE(c.errors[0].message.find("no items"), std::string::npos);
}

TEST(IngestFeed, ArticleCollectionGivesOneArticlePerArticleElement) {
  const std::string xml = R"(<?xml version="1.0" ?>
<articles>
  <!-- a corpus note -->
  <article file="0">
    <title>Harbour reopens</title>
    <link>https://news.example/harbour</link>
    <text>The harbour reopened on Monday.
Fishing boats left at dawn.</text>
    <toponyms><toponym><extractedName>harbour</extractedName></toponym></toponyms>
  </article>
  <article id="b-2">
    <title>Council vote</title>
    <date>2024-03-05</date>
    <text>The council voted to &lt;delay&gt; the budget.</text>
  </article>
</articles>)";
  Collected c;
  read_feed("corpus.xml", xml, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 2U) << c.all_errors();
  EXPECT_TRUE(c.errors.empty()) << c.all_errors();
  const Article& a = c.articles[0];
  EXPECT_EQ(a.id, "https://news.example/harbour");  // no id: the link
  EXPECT_EQ(a.url, "https://news.example/harbour");
  EXPECT_EQ(a.title, "Harbour reopens");
  EXPECT_EQ(a.text, "The harbour reopened on Monday.\nFishing boats left at dawn.");  // annotations are not text
  EXPECT_FALSE(a.published.known());
  EXPECT_EQ(a.origin, "corpus.xml:4");
  const Article& b = c.articles[1];
  EXPECT_EQ(b.id, "b-2");
  EXPECT_EQ(b.published.iso(), "2024-03-05");
  EXPECT_EQ(b.text, "The council voted to <delay> the budget.");  // plain text, entities decoded
  EXPECT_EQ(detect_format(xml, "corpus.dat"), InputFormat::feed);
}

// A feed written by an HTML template: a bare '&' in the first link and an HTML-only entity
// in a title must not spoil the entity references of the items after them.
TEST(IngestFeed, BareAmpersandAndHtmlEntitiesDoNotSpoilLaterItems) {
  const std::string feed = R"(<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY board "Lake Board">]>
<rss version="2.0"><channel><title>Lake&nbsp;Post</title>
<item><title>Fish&nbsp;quotas</title><link>https://lake.example/?s=7&page=2</link>
<description>Boat owners met in Kisumu &amp; Jinja.</description></item>
<item><title>Rates &amp; fees</title><link>https://lake.example/?s=8&amp;page=3</link>
<description>&lt;p&gt;The port board in Mwanza raised fees &amp;amp; tolls.&lt;/p&gt;</description></item>
<item><title>Odd</title><link>https://lake.example/9</link><description>Tolls &madeup; rose &#38; fell.</description></item>
<item><title>Kept</title><link>https://lake.example/10</link><description><![CDATA[<p>Fees &amp; tolls & more</p>]]></description></item>
<item><title>Declared</title><link>https://lake.example/11</link><description>The &board; met.</description></item>
</channel></rss>)";
  Collected c;
  read_feed("lake.rss", feed, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 5U) << c.all_errors();
  EXPECT_EQ(c.articles[0].id, "https://lake.example/?s=7&page=2");
  EXPECT_EQ(c.articles[0].title, "Fish\u00A0quotas");  // &nbsp; is U+00A0
  EXPECT_EQ(c.articles[0].source, "Lake\u00A0Post");
  EXPECT_EQ(c.articles[0].text, "Boat owners met in Kisumu & Jinja.");
  EXPECT_EQ(c.articles[1].id, "https://lake.example/?s=8&page=3");
  EXPECT_EQ(c.articles[1].title, "Rates & fees");
  EXPECT_EQ(c.articles[1].text, "The port board in Mwanza raised fees & tolls.");
  EXPECT_EQ(c.articles[2].text, "Tolls &madeup; rose & fell.");
  // CDATA holds HTML, decoded once by the HTML reader; an entity the internal subset declares stays.
  EXPECT_EQ(c.articles[3].text, "Fees & tolls & more");
  EXPECT_EQ(c.articles[4].text, "The Lake Board met.");
  // One warning that says what was repaired and where; nothing about truncation.
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_TRUE(c.errors[0].warning);
  EXPECT_NE(
      c.errors[0].message.find("2 '&' starting no entity reference or a number of no XML character (first at line 4"),
      std::string::npos)
      << c.errors[0].message;
  EXPECT_NE(c.errors[0].message.find("2 HTML entity reference(s) XML does not define (first at line 3"),
            std::string::npos)
      << c.errors[0].message;
  EXPECT_NE(c.errors[0].message.find("&nbsp;"), std::string::npos) << c.errors[0].message;
  EXPECT_EQ(c.errors[0].message.find("truncated"), std::string::npos) << c.errors[0].message;
}

// A number of no XML character ("&#0;", "&#x1;") stopped libxml2's reading of every later reference, as a bare
// '&' did: it becomes U+FFFD and the later items keep their '&'.
TEST(IngestFeed, ANumberOfNoXmlCharacterDoesNotSpoilLaterItems) {
  const std::string feed = R"(<?xml version="1.0"?>
<rss version="2.0"><channel><title>Lake Post</title>
<item><title>Odd&#0;byte</title><link>https://lake.example/1</link><description>Nets&#x1; were cut.</description></item>
<item><title>Two</title><link>https://lake.example/2</link><description>Rates &amp; fees rose in Kisumu.</description></item>
</channel></rss>)";
  Collected c;
  read_feed("lake.rss", feed, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 2U) << c.all_errors();
  EXPECT_EQ(c.articles[0].title, "Odd\uFFFDbyte");
  EXPECT_EQ(c.articles[1].text, "Rates & fees rose in Kisumu.");
  ASSERT_FALSE(c.errors.empty());
  EXPECT_NE(c.errors[0].message.find("&#0;"), std::string::npos) << c.all_errors();
}

TEST(IngestFeed, NotAFeedIsAnError) {
  Collected c;
  read_feed("page.xml", "<?xml version=\"1.0\"?><catalog><book/></catalog>", IngestOptions{}, c.sink(), c.errs());
  read_feed("empty.xml", "", IngestOptions{}, c.sink(), c.errs());
  EXPECT_TRUE(c.articles.empty());
  ASSERT_EQ(c.errors.size(), 2U);
  EXPECT_EQ(c.errors[0].file, "page.xml");
  EXPECT_NE(c.errors[0].message.find("catalog"), std::string::npos);
  EXPECT_EQ(c.errors[1].file, "empty.xml");
  EXPECT_FALSE(c.errors[0].warning);
  EXPECT_FALSE(c.errors[1].warning);
}

// HTML written into an item unescaped ('<p>' elements, a '<br/>', well-formed, so XML reads them as elements) keeps
// one paragraph per '<p>' and per line break, as a page does: the element's text alone ran the paragraphs together
// ("...on Tuesday.The council..."). HTML in CDATA or escaped already kept them.
TEST(IngestFeed, UnescapedHtmlInAnItemKeepsItsParagraphs) {
  const std::string rss = R"(<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Lakes desk</title>
<item><guid>l1</guid><title>Boats</title><description><p>Boat owners in Lucerne met on Tuesday.</p><p>The council&amp;the guild will <b>reply</b> soon.</p></description></item>
<item><guid>l2</guid><title>Piers</title><description>Pier one in Thun is shut.<br/>Pier two opens in May.</description></item>
<item><guid>l3</guid><title>Locks</title><content:encoded><div><p>Lock keepers in Biel paused work.</p><p>Barges waited.</p></div></content:encoded></item>
<item><guid>l4</guid><title>Quays</title><description><![CDATA[<p>Quay staff in Brienz rested.</p><p>Ferries ran late.</p>]]></description></item>
</channel></rss>)";
  Collected c;
  read_feed("lakes.rss", rss, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 4U) << c.all_errors();
  EXPECT_TRUE(c.errors.empty()) << c.all_errors();
  EXPECT_EQ(c.articles[0].text, "Boat owners in Lucerne met on Tuesday.\nThe council&the guild will reply soon.");
  EXPECT_EQ(c.articles[1].text, "Pier one in Thun is shut.\nPier two opens in May.");
  EXPECT_EQ(c.articles[2].text, "Lock keepers in Biel paused work.\nBarges waited.");
  EXPECT_EQ(c.articles[3].text, "Quay staff in Brienz rested.\nFerries ran late.");

  const std::string atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley notes</title>
<entry><id>v1</id><title>Mills</title><content type="html"><p>Mill hands in Sion stopped.</p><p>Owners offered talks.</p></content></entry>
<entry><id>v2</id><title>Roads</title><summary><p>Road crews in Visp struck.</p><p>Traffic slowed.</p></summary></entry>
</feed>)";
  Collected a;
  read_feed("valley.atom", atom, IngestOptions{}, a.sink(), a.errs());
  ASSERT_EQ(a.articles.size(), 2U) << a.all_errors();
  EXPECT_TRUE(a.errors.empty()) << a.all_errors();
  EXPECT_EQ(a.articles[0].text, "Mill hands in Sion stopped.\nOwners offered talks.");
  EXPECT_EQ(a.articles[1].text, "Road crews in Visp struck.\nTraffic slowed.");
}

// A description of thousands of '<p>' and '<br>' tags never closed: every one is escaped and read as text of its
// description, the item keeps one paragraph per tag and the item after it is read. (The end tags are now found in
// one pass over the feed; a scan from each tag to its parent's end took minutes on 50,000 such tags.)
TEST(IngestFeed, ThousandsOfTagsLeftOpenAreAllRepaired) {
  constexpr int kTags = 2000;
  std::string body;
  for (int k = 0; k < kTags; ++k) body += (k % 2 == 0 ? "<p>Note " : "<br>Note ") + std::to_string(k) + ".\n";
  const std::string feed =
      "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Ledger</title>\n"
      "<item><guid>n1</guid><title>Notes</title><description>" +
      body +
      "</description></item>\n"
      "<item><guid>n2</guid><title>Tolls</title><description>Toll clerks in Chur met."
      "</description></item>\n</channel></rss>\n";
  Collected c;
  read_feed("ledger.rss", feed, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 2U) << c.all_errors();
  const std::string& text = c.articles[0].text;
  EXPECT_EQ(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')), static_cast<size_t>(kTags - 1));
  EXPECT_TRUE(text.starts_with("Note 0.\nNote 1.\n")) << text.substr(0, 40);
  EXPECT_TRUE(text.ends_with("\nNote 1999.")) << text.substr(text.size() - 40);
  EXPECT_EQ(c.articles[1].text, "Toll clerks in Chur met.");
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_TRUE(c.errors[0].warning);
  EXPECT_NE(c.errors[0].message.find("2000 HTML element tag(s) left open (first at line 3: <p>)"), std::string::npos)
      << c.errors[0].message;
}

// libxml2's reason for a feed in Latin-1 that says nothing of its encoding spans two lines ("indicate encoding !"
// and the bytes): the warning is one line, and the item is read with U+FFFD for the bytes.
TEST(IngestFeed, ParserReasonsAreOneLine) {
  const std::string feed =
      "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Mesa</title><item><guid>m1</guid><title>Olives"
      "</title><description>Olive growers in Ja\xE9n met.</description></item></channel></rss>";
  Collected c;
  read_feed("mesa.rss", feed, IngestOptions{}, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 1U) << c.all_errors();
  EXPECT_EQ(c.articles[0].text, "Olive growers in Ja\xEF\xBF\xBDn met.");
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_TRUE(c.errors[0].warning);
  EXPECT_NE(c.errors[0].message.find("UTF-8"), std::string::npos) << c.errors[0].message;
  EXPECT_EQ(c.errors[0].message.find('\n'), std::string::npos) << c.errors[0].message;
  EXPECT_FALSE(find_invalid_utf8(c.errors[0].message).has_value()) << c.errors[0].message;
}

// A feed item whose HTML body is over the markup limit is skipped before its body is parsed, named by file and line;
// the other items are read.
TEST(IngestFeed, ItemBodyOverTheMarkupLimitIsSkippedUnparsed) {
  std::string body;
  while (body.size() < 9000) body += "&lt;p&gt;Lanterns lit the canal &lt;b&gt;at dusk";
  const std::string feed =
      "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Canal post</title>\n"
      "<item><guid>c1</guid><description>Boats lined the canal.</description></item>\n"
      "<item><guid>c2</guid><description>" +
      body +
      "</description></item>\n"
      "<item><guid>c3</guid><description>The lock keeper retired.</description></item>\n"
      "</channel></rss>\n";
  IngestOptions o;
  o.max_markup_bytes = 5000;
  Collected c;
  read_feed("canal.rss", feed, o, c.sink(), c.errs());
  ASSERT_EQ(c.articles.size(), 2U) << c.all_errors();
  EXPECT_EQ(c.articles[0].id, "c1");
  EXPECT_EQ(c.articles[1].id, "c3");
  ASSERT_EQ(c.errors.size(), 1U) << c.all_errors();
  EXPECT_EQ(c.errors[0].file, "canal.rss");
  EXPECT_EQ(c.errors[0].line, 4U);
  EXPECT_FALSE(c.errors[0].warning);
  EXPECT_NE(c.errors[0].message.find("item 2 ('c2') has an HTML body of"), std::string::npos) << c.errors[0].message;
  EXPECT_NE(c.errors[0].message.find("over the limit of 5000 bytes; skipped without parsing"), std::string::npos)
      << c.errors[0].message;
}
}  // namespace
}  // namespace dyad
