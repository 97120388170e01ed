// Gold-suite readers: the real files under DYAD_SHARED_DIR (skipped when absent)
// give the record counts their SOURCE.md files state; synthetic text checks the
// forgiving scanner and the trailing-comma JSON reader.
#include "eval/gold.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>

namespace dyad::eval {
namespace {

const std::string kEval = std::string(DYAD_SHARED_DIR) + "/eval/";

#define SKIP_IF_ABSENT(path) \
  if (!std::filesystem::exists(path)) GTEST_SKIP() << (path) << " absent"

struct Counts {
  size_t records = 0, evaluated = 0, codings = 0, no_events = 0, errors = 0;
  std::map<std::string, size_t> categories;
};

Counts count(const std::vector<GoldRecord>& rs) {
  Counts c;
  for (const auto& r : rs) {
    ++c.records;
    c.evaluated += r.evaluate ? 1 : 0;
    c.codings += r.codings.size();
    c.no_events += r.no_events ? 1 : 0;
    c.errors += r.expected_error.empty() ? 0 : 1;
    ++c.categories[r.category];
  }
  return c;
}

TEST(PetrarchGold, UnitTestFileHasTheDocumentedCounts) {
  const std::string path = kEval + "petrarch2-unittest/PETR.UnitTest.records.xml";
  SKIP_IF_ABSENT(path);
  auto rs = read_petrarch_xml(path);
  ASSERT_TRUE(rs.ok()) << rs.error().str();
  Counts c = count(rs.value());
  EXPECT_EQ(c.records, 284U);
  EXPECT_EQ(c.codings, 359U);
  EXPECT_EQ(c.no_events, 19U);
  EXPECT_EQ(c.errors, 7U);  // ERROR/DISCARD records: must code nothing
  EXPECT_EQ(c.categories["DEMO"], 36U);
  EXPECT_EQ(c.categories["SYNSET"], 52U);
  EXPECT_EQ(c.categories["COMPOUND"], 42U);
  EXPECT_EQ(c.categories["PATTERN"], 29U);
  EXPECT_EQ(c.categories["AGENT"], 24U);
  EXPECT_EQ(c.categories["AGENTS"], 2U);
  const GoldRecord& first = rs.value().front();
  EXPECT_EQ(first.id, "DEMO-00");
  EXPECT_EQ(first.date.iso(), "1995-01-01");
  ASSERT_EQ(first.codings.size(), 1U);
  EXPECT_EQ(first.codings[0], (GoldCoding{"ARN", "GON", "064"}));
  for (const auto& r : rs.value()) {
    EXPECT_FALSE(r.text.empty()) << r.id;
    EXPECT_EQ(r.text.find('\n'), std::string::npos) << r.id;
    EXPECT_NE(r.text.front(), ' ') << r.id;
  }
}

TEST(PetrarchGold, LenientScannerAgreesWithLibxml2OnTheWellFormedFile) {
  const std::string path = kEval + "petrarch2-unittest/PETR.UnitTest.records.xml";
  SKIP_IF_ABSENT(path);
  auto a = read_petrarch_xml(path);
  auto b = read_petrarch_lenient(path);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(a->size(), b->size());
  for (size_t i = 0; i < a->size(); ++i) {
    const GoldRecord &x = a.value()[i], &y = b.value()[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.category, y.category);
    EXPECT_EQ(x.date, y.date);
    EXPECT_EQ(x.text, y.text) << x.id;
    EXPECT_EQ(x.codings, y.codings) << x.id;
    EXPECT_EQ(x.no_events, y.no_events) << x.id;
    EXPECT_EQ(x.expected_error, y.expected_error) << x.id;
  }
}

TEST(PetrarchGold, UdPetrarchValidationFile) {
  const std::string path = kEval + "udpetrarch-validate/PETR_Validate_records_2_02.xml";
  SKIP_IF_ABSENT(path);
  EXPECT_FALSE(read_petrarch_xml(path).ok()) << "the file is documented as not well-formed";
  auto rs = read_petrarch_lenient(path);
  ASSERT_TRUE(rs.ok());
  Counts c = count(rs.value());
  // SOURCE.md counts 275 "<Sentence " lines; one of them is the example in the header comment.
  EXPECT_EQ(c.records, 274U);
  EXPECT_EQ(c.evaluated, 264U);
  EXPECT_EQ(c.codings, 322U);
  EXPECT_EQ(c.no_events, 20U);
  EXPECT_EQ(c.categories["SYNSET"], 52U);
  EXPECT_EQ(c.categories["COMPOUND"], 37U);
  for (const auto& r : rs.value()) {
    EXPECT_FALSE(r.text.empty()) << r.id;
    EXPECT_EQ(r.text.find('\t'), std::string::npos) << r.id << ": CoNLL-U parse leaked into the text";
  }
}

TEST(PetrarchGold, GigawordSilverFile) {
  const std::string path = kEval + "udpetrarch-validate/PETR2_GSR_validation.xml";
  SKIP_IF_ABSENT(path);
  auto rs = read_petrarch_lenient(path);
  ASSERT_TRUE(rs.ok());
  Counts c = count(rs.value());
  EXPECT_EQ(c.records, 78U);
  EXPECT_EQ(c.codings, 80U);
  EXPECT_EQ(c.no_events, 12U);
  for (const auto& r : rs.value()) EXPECT_FALSE(r.text.empty()) << r.id;
}

TEST(PetrarchGold, LenientScannerOnBrokenMarkup) {
  const char* text = R"(<Validation>
# header text mentioning <EventCoding sourcecode="XXX" targetcode="YYY" eventcode="999"> before any record
<Sentence category="A" date="20010203" id="r1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="AAA" targetcode="BBB" />
<EventCoding sourcecode='"SOME ACTOR"' targetcode = "---GOV" eventcode="111">
<!-- <EventCoding sourcecode="CCC" targetcode="DDD" eventcode="010"> commented out -->
<PLEvent {"event": "042", "source": [{"code": "AAA"}], "x": "<b>"}>
<Text>
  first   line
  second line
</Text>
<Parse>
1	<	<	PUNCT	-LRB-	_	0	root	_	_
</Parse></Sentence>
<Sentence category="B" date="bad" id="r2" evaluate="false">
<EventCoding noevents="True"> </EventCoding>
<Text>x</Text>
</Sentence>
<Sentence category="B" id="r3"><EventCoding error="dateline" /><Text>y &amp; z&#233;</Text></Sentence>
<Sentence category="C" id="r4" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="AAA" targetcode="BBB" />
<Text>
</Text>
<Parse>
1	Aland	Aland	PROPN	NNP	_	2	nsubj	_	_
2-3	won't	_	_	_	_	_	_	_	_
2	wo	will	AUX	MD	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	fight	fight	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_
</Parse></Sentence>
)";
  auto rs = parse_petrarch_lenient(text);
  ASSERT_EQ(rs.size(), 4U);
  EXPECT_EQ(rs[0].id, "r1");
  EXPECT_EQ(rs[0].date.iso(), "2001-02-03");
  EXPECT_EQ(rs[0].text, "first line second line");
  ASSERT_EQ(rs[0].codings.size(), 2U);
  EXPECT_EQ(rs[0].codings[0], (GoldCoding{"AAA", "BBB", "042"}));
  EXPECT_EQ(rs[0].codings[1], (GoldCoding{"\"SOME ACTOR\"", "---GOV", "111"}));
  EXPECT_TRUE(rs[0].evaluate);
  EXPECT_FALSE(rs[1].evaluate);
  EXPECT_TRUE(rs[1].no_events);
  EXPECT_TRUE(rs[1].codings.empty());
  EXPECT_FALSE(rs[1].date.known());
  EXPECT_EQ(rs[2].expected_error, "dateline");
  EXPECT_TRUE(rs[2].evaluate);
  EXPECT_EQ(rs[2].text, "y & z\u00e9");
  EXPECT_EQ(rs[3].text, "Aland won't fight.");
  ASSERT_EQ(rs[3].codings.size(), 1U);
}

TEST(PetrarchGold, ConfigOptionsHoldUntilChanged) {
  const std::string text = R"(<Sentences>
<Sentence id="a"><Text>one</Text></Sentence>
<Config option="require_dyad" value="FALSE"></Config>
<Config option="comma_max" value="0"></Config>
<Config option="comma_emin" value="3"></Config>
<Config option="comma_bmax" value="six"></Config>
<Config option="new_actor_length" value="4"></Config>
<Sentence id="b"><Text>two</Text></Sentence>
<Sentence id="c"><Text>three</Text></Sentence>
<Config option="require_dyad" value="True" />
<Config option="comma_max" value="8" />
<Sentence id="d"><Text>four</Text></Sentence>
</Sentences>
)";
  auto lenient = parse_petrarch_lenient(text);
  ASSERT_EQ(lenient.size(), 4U);
  EXPECT_TRUE(lenient[0].options.require_dyad);
  EXPECT_FALSE(lenient[1].options.require_dyad);
  EXPECT_FALSE(lenient[2].options.require_dyad);
  EXPECT_TRUE(lenient[3].options.require_dyad);
  // PETRARCH's defaults before any <Config>: internal 2-8, beginning off, end 2-8
  EXPECT_TRUE(lenient[0].options.remove_comma_clauses);
  EXPECT_EQ(lenient[0].options.comma_min, 2);
  EXPECT_EQ(lenient[0].options.comma_max, 8);
  EXPECT_EQ(lenient[0].options.comma_bmax, 0);
  EXPECT_EQ(lenient[0].options.comma_emin, 2);
  EXPECT_EQ(lenient[0].options.comma_emax, 8);
  EXPECT_EQ(lenient[0].options.new_actor_length, 0);
  EXPECT_EQ(lenient[1].options.comma_max, 0);
  EXPECT_EQ(lenient[1].options.comma_emin, 3);
  EXPECT_EQ(lenient[1].options.comma_bmax, 0);  // not a number: ignored
  EXPECT_EQ(lenient[2].options.new_actor_length, 4);
  EXPECT_EQ(lenient[3].options.comma_max, 8);
  EXPECT_EQ(lenient[3].options.comma_emin, 3);  // holds until changed
  const std::string path = ::testing::TempDir() + "/dyad_gold_config_" + std::to_string(::getpid()) + ".xml";
  {
    std::ofstream out(path);
    out << text;
  }
  auto xml = read_petrarch_xml(path);
  std::remove(path.c_str());
  ASSERT_TRUE(xml.ok()) << xml.error().str();
  ASSERT_EQ(xml->size(), 4U);
  for (size_t i = 0; i < 4; ++i) {
    const CodeOptions& a = (*xml)[i].options;
    const CodeOptions& b = lenient[i].options;
    EXPECT_EQ(a.require_dyad, b.require_dyad) << i;
    EXPECT_EQ(std::tie(a.comma_min, a.comma_max, a.comma_bmin, a.comma_bmax, a.comma_emin, a.comma_emax),
              std::tie(b.comma_min, b.comma_max, b.comma_bmin, b.comma_bmax, b.comma_emin, b.comma_emax))
        << i;
    EXPECT_EQ(a.new_actor_length, b.new_actor_length) << i;
  }
}

TEST(PloverGold, StripTrailingCommas) {
  EXPECT_EQ(strip_trailing_commas("[1, 2, ]"), "[1, 2 ]");
  EXPECT_EQ(strip_trailing_commas("{\"a\": [1,\n],\n}"), "{\"a\": [1\n]\n}");
  EXPECT_EQ(strip_trailing_commas(R"({"s": "a, ]", "t": "q\", }",})"), R"({"s": "a, ]", "t": "q\", }"})");
  EXPECT_EQ(strip_trailing_commas("[1,2]"), "[1,2]");
}

TEST(PloverGold, OldTypesMapToPlover2) {
  EXPECT_EQ(modern_plover_type("DEMAND"), "REQUEST");
  EXPECT_EQ(modern_plover_type("DISAPPROVE"), "ACCUSE");
  EXPECT_EQ(modern_plover_type("INVESTIGATE"), "ACCUSE");
  EXPECT_EQ(modern_plover_type("FIGHT"), "ASSAULT");
  EXPECT_EQ(modern_plover_type("AGREE"), "AGREE");
}

TEST(PloverGold, ParsesSyntheticRecordsWithTrailingCommas) {
  const char* text = R"([
{"id": "D", "event": "DOCUMENT", "comment": "header",},
{"id": "r1", "date": "2000-01-01", "event": "FIGHT",
 "source": [{"actorText": "Aland", "code": "AAA", "sector": "MIL"}, {"actorText": "Bland", "code": "BBB"},],
 "text": "synthetic", },
{"id": "r2", "event": "AGREE", "source": [{"code": "CCC"}], "target": "", "text": "t2"},
{"id": "r3", "event": "DEMAND", "target": [{"code": "DDD"}], "text": "t3"},
])";
  auto rs = parse_plover(text, "synthetic");
  ASSERT_TRUE(rs.ok()) << rs.error().str();
  ASSERT_EQ(rs->size(), 3U);
  const auto& r1 = rs.value()[0];
  EXPECT_EQ(r1.id, "r1");
  EXPECT_EQ(r1.event, "ASSAULT");
  EXPECT_EQ(r1.original_event, "FIGHT");
  EXPECT_EQ(r1.date.iso(), "2000-01-01");
  ASSERT_EQ(r1.source.size(), 2U);
  EXPECT_EQ(r1.source[0].code, "AAA");
  EXPECT_EQ(r1.source[0].sector, "MIL");
  EXPECT_TRUE(r1.target.empty());
  EXPECT_TRUE(rs.value()[1].target.empty());
  EXPECT_TRUE(rs.value()[2].source.empty());
  EXPECT_EQ(rs.value()[2].event, "REQUEST");
  EXPECT_FALSE(parse_plover("[{\"a\": }]", "bad").ok());
}

TEST(PloverGold, RealFileHasTheDocumentedCounts) {
  const std::string path = kEval + "plover-gsr-cameo/PLOVER_GSR_CAMEO.txt";
  SKIP_IF_ABSENT(path);
  auto rs = read_plover(path);
  ASSERT_TRUE(rs.ok()) << rs.error().str();
  EXPECT_EQ(rs->size(), 322U);
  std::map<std::string, size_t> types, old_types;
  size_t compound_no_target = 0;
  for (const auto& r : rs.value()) {
    ++types[r.event];
    ++old_types[r.original_event];
    EXPECT_FALSE(r.text.empty()) << r.id;
    if (r.target.empty() && r.source.size() >= 2) ++compound_no_target;
  }
  EXPECT_EQ(types.count("DOCUMENT"), 0U);
  EXPECT_EQ(types.count("DEMAND") + types.count("FIGHT") + types.count("DISAPPROVE") + types.count("INVESTIGATE"), 0U);
  EXPECT_EQ(types["REQUEST"], old_types["DEMAND"] + old_types["REQUEST"]);
  EXPECT_EQ(types["ACCUSE"], old_types["DISAPPROVE"] + old_types["INVESTIGATE"] + old_types["ACCUSE"]);
  EXPECT_EQ(types["ASSAULT"], old_types["FIGHT"] + old_types["ASSAULT"]);
  EXPECT_GT(types["ASSAULT"], old_types["ASSAULT"]);
  EXPECT_GT(compound_no_target, 0U);
}

TEST(IndiaPoliceGold, RealFilesHaveTheDocumentedCounts) {
  const std::string dir = kEval + "india-police-events";
  SKIP_IF_ABSENT(dir + "/sents.jsonl");
  auto docs = read_india_police(dir);
  ASSERT_TRUE(docs.ok()) << docs.error().str();
  EXPECT_EQ(docs->size(), 1257U);
  size_t sentences = 0, dated = 0;
  std::map<std::string, size_t> labels;
  for (const auto& d : docs.value()) {
    sentences += d.sentences.size();
    dated += d.date.known() ? 1 : 0;
    for (size_t i = 1; i < d.sentences.size(); ++i) EXPECT_LT(d.sentences[i - 1].id, d.sentences[i].id);
    for (const auto& s : d.sentences)
      for (const auto& l : s.labels) ++labels[l];
  }
  EXPECT_EQ(sentences, 21391U);
  EXPECT_EQ(dated, 1257U);
  EXPECT_EQ(labels["ANY_ACTION"], 2092U);
  EXPECT_EQ(labels["ARREST"], 301U);
  EXPECT_EQ(labels["FORCE"], 222U);
  EXPECT_EQ(labels["FAIL"], 207U);
  EXPECT_EQ(labels["KILL"], 96U);

  auto some = read_india_police(dir, 10);
  ASSERT_TRUE(some.ok());
  ASSERT_EQ(some->size(), 10U);
  EXPECT_EQ(some.value()[3].id, docs.value()[3].id);
  EXPECT_EQ(some.value()[3].sentences.size(), docs.value()[3].sentences.size());
}

TEST(IndiaPoliceGold, MissingDirectoryIsAnError) {
  auto docs = read_india_police("/nonexistent/dyad-eval");
  ASSERT_FALSE(docs.ok());
  EXPECT_NE(docs.error().file.find("docs.jsonl"), std::string::npos);
}

// ---- named entities ----------------------------------------------------------------

TEST(NerGold, ConllReaderAndSpans) {
  auto docs = parse_conll_ner(
      "-DOCSTART- O\n\nThe I-ORG\nMad I-ORG\nBand I-ORG\nplayed O\nin O\nOsaka I-LOC\n. O\n\n"
      "Ann B-PER\nLee I-PER\nBob B-PER\n\n-DOCSTART- O\n\nParis I-LOC\n",
      "t.txt");
  ASSERT_TRUE(docs.ok()) << docs.error().str();
  ASSERT_EQ(docs->size(), 2U);
  EXPECT_EQ((*docs)[0].sentences.size(), 2U);
  EXPECT_EQ((*docs)[0].id, "t.txt#0");  // numbered from 0, as the dev (even) / held-out (odd) split
  EXPECT_EQ((*docs)[1].id, "t.txt#1");
  auto spans = ner_spans((*docs)[0]);
  ASSERT_EQ(spans.size(), 4U);
  EXPECT_EQ(spans[0], (NerSpan{"ORG", 0, 3}));
  EXPECT_EQ(spans[1], (NerSpan{"LOC", 5, 6}));
  EXPECT_EQ(spans[2], (NerSpan{"PER", 7, 9}));  // B- starts a new span
  EXPECT_EQ(spans[3], (NerSpan{"PER", 9, 10}));
  auto bad = parse_conll_ner("token_without_tag\n", "t.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().line, 1U);
}

TEST(NerGold, WikigoldHasTheDocumentedCounts) {
  const std::string path = kEval + "wikigold-ner/wikigold.conll.txt";
  SKIP_IF_ABSENT(path);
  auto docs = read_conll_ner(path);
  ASSERT_TRUE(docs.ok()) << docs.error().str();
  EXPECT_EQ(docs->size(), 145U);
  size_t sentences = 0, tokens = 0;
  std::map<std::string, size_t> types;
  for (const auto& d : *docs) {
    sentences += d.sentences.size();
    for (const auto& s : d.sentences) tokens += s.size();
    for (const auto& sp : ner_spans(d)) ++types[sp.label];
  }
  // SOURCE.md counts the 145 -DOCSTART- lines as sentences and tokens too.
  EXPECT_EQ(sentences + 145, 1841U);
  EXPECT_EQ(tokens + 145, 39152U);
  EXPECT_EQ(types["PER"], 934U);
  EXPECT_EQ(types["LOC"], 1014U);
  EXPECT_EQ(types["ORG"], 898U);
  EXPECT_EQ(types["MISC"], 712U);
}

TEST(NerGold, GumNewsFilesReadAsOneDocumentEach) {
  const std::string dir = kEval + "gum-news-ner";
  SKIP_IF_ABSENT(dir);
  size_t files = 0, tokens = 0;
  std::map<std::string, size_t> types;
  for (const auto& f : std::filesystem::directory_iterator(dir)) {
    if (f.path().extension() != ".tsv") continue;
    ++files;
    auto docs = read_conll_ner(f.path().string());
    ASSERT_TRUE(docs.ok()) << docs.error().str();
    ASSERT_EQ(docs->size(), 1U) << f.path();
    for (const auto& s : (*docs)[0].sentences) tokens += s.size();
    for (const auto& sp : ner_spans((*docs)[0])) ++types[sp.label];
  }
  EXPECT_EQ(files, 21U);
  EXPECT_EQ(tokens, 13610U);
  EXPECT_EQ(types["person"], 713U);  // SOURCE.md's entity-list counts
  EXPECT_EQ(types["place"], 249U);
  EXPECT_EQ(types["organization"], 247U);
}

}  // namespace
}  // namespace dyad::eval
