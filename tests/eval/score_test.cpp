// The scorer on synthetic gold/predicted sets: matching rules, TP/FP/FN and
// P/R/F1 arithmetic, error classification, per-category aggregation, PLOVER
// compound expansion, india-police labels, and the report writers.
#include "eval/score.h"

#include <gtest/gtest.h>

#include <sstream>

#include "eval/eval.h"

namespace dyad::eval {
namespace {

Coding c(std::string s, std::string t, std::string code) {
  return Coding{std::move(s), std::move(t), std::move(code), {}, {}};
}

TEST(Score, ActorCodesMatchExactlyModuloNullCountry) {
  EXPECT_TRUE(actor_matches("ARN", "ARN", ""));
  EXPECT_FALSE(actor_matches("ARN", "ARNGOV", ""));
  EXPECT_FALSE(actor_matches("ARNGOV", "ARN", ""));
  EXPECT_TRUE(actor_matches("---GOV", "GOV", ""));
  EXPECT_TRUE(actor_matches("---", "", ""));
  EXPECT_TRUE(actor_matches("", "", "some words"));
  EXPECT_FALSE(actor_matches("---", "GON", ""));
  EXPECT_TRUE(actor_matches("\"THE MINISTRY OF MAGIC\"", "", "the  Ministry of Magic"));
  EXPECT_FALSE(actor_matches("\"THE MINISTRY OF MAGIC\"", "GON", "the Ministry of Magic"));
  EXPECT_FALSE(actor_matches("\"THE MINISTRY OF MAGIC\"", "", "Ministry"));
}

TEST(Score, TallyArithmetic) {
  Tally t;
  t.gold = 6;
  t.predicted = 4;
  t.tp = 3;
  EXPECT_DOUBLE_EQ(t.precision(), 0.75);
  EXPECT_DOUBLE_EQ(t.recall(), 0.5);
  EXPECT_DOUBLE_EQ(t.f1(), 0.6);
  Tally zero;
  EXPECT_EQ(zero.precision(), 0.0);
  EXPECT_EQ(zero.recall(), 0.0);
  EXPECT_EQ(zero.f1(), 0.0);
  Tally sum = t;
  sum += t;
  EXPECT_EQ(sum.gold, 12U);
  EXPECT_EQ(sum.tp, 6U);
  EXPECT_DOUBLE_EQ(sum.f1(), 0.6);
}

TEST(Score, CountsTruePositivesFalsePositivesAndMisses) {
  std::vector<Coding> gold{c("ARN", "GON", "064"), c("GON", "ARN", "064"), c("OSG", "MOR", "190")};
  std::vector<Coding> pred{c("ARN", "GON", "064"), c("ARN", "GON", "064"), c("GON", "ARN", "064"),
                           c("HOB", "ELF", "010")};
  RecordScore s = score_record(gold, pred);
  EXPECT_EQ(s.tally.gold, 3U);
  EXPECT_EQ(s.tally.predicted, 3U);  // the duplicate counts once
  EXPECT_EQ(s.tally.tp, 2U);
  EXPECT_EQ(s.tally.fp, 1U);
  EXPECT_EQ(s.tally.fn, 1U);
  ASSERT_EQ(s.errors.size(), 2U);
  EXPECT_EQ(s.errors[0].first, "missed");
  EXPECT_EQ(describe(s.gold[static_cast<size_t>(s.errors[0].second.first)]), "OSG MOR 190");
  EXPECT_EQ(s.errors[1].first, "spurious");
}

TEST(Score, NoEventRecordMakesEveryPredictionAFalsePositive) {
  RecordScore s = score_record({}, {c("ARN", "GON", "064"), c("ARN", "", "010")});
  EXPECT_EQ(s.tally.tp, 0U);
  EXPECT_EQ(s.tally.fp, 2U);
  EXPECT_EQ(s.tally.fn, 0U);
  RecordScore empty = score_record({}, {});
  EXPECT_EQ(empty.tally.fp + empty.tally.fn + empty.tally.tp, 0U);
}

TEST(Score, NamesNearMisses) {
  auto kind = [](Coding g, Coding p) {
    RecordScore s = score_record({std::move(g)}, {std::move(p)});
    EXPECT_EQ(s.tally.fn, 1U);
    EXPECT_EQ(s.tally.fp, 1U);
    return s.errors.size() == 1 ? s.errors[0].first : std::string("(several)");
  };
  EXPECT_EQ(kind(c("ARN", "GON", "064"), c("ARN", "GON", "060")), "wrong code");
  EXPECT_EQ(kind(c("ARN", "GON", "064"), c("ARNGOV", "GON", "064")), "wrong source");
  EXPECT_EQ(kind(c("ARN", "GON", "064"), c("ARN", "", "064")), "wrong target");
  EXPECT_EQ(kind(c("ARN", "GON", "064"), c("GON", "ARN", "064")), "swapped");
  RecordScore unrelated = score_record({c("ARN", "GON", "064")}, {c("HOB", "ELF", "190")});
  ASSERT_EQ(unrelated.errors.size(), 2U);
  EXPECT_EQ(unrelated.errors[0].first, "missed");
  EXPECT_EQ(unrelated.errors[1].first, "spurious");
}

TEST(Score, SuiteAggregatesPerCategoryAndTotal) {
  SuiteResult r;
  r.add("DEMO", score_record({c("A", "B", "01")}, {c("A", "B", "01")}));
  r.add("DEMO", score_record({c("A", "B", "01"), c("B", "A", "01")}, {c("A", "B", "02")}));
  r.add("NONE", score_record({}, {c("X", "Y", "03")}));
  EXPECT_EQ(r.records, 3U);
  const Tally& demo = r.categories.at("DEMO");
  EXPECT_EQ(demo.gold, 3U);
  EXPECT_EQ(demo.predicted, 2U);
  EXPECT_EQ(demo.tp, 1U);
  EXPECT_EQ(demo.fn, 2U);
  EXPECT_EQ(demo.fp, 1U);
  EXPECT_EQ(r.categories.at("NONE").fp, 1U);
  EXPECT_EQ(r.total.gold, 3U);
  EXPECT_EQ(r.total.predicted, 3U);
  EXPECT_EQ(r.total.tp, 1U);
  EXPECT_EQ(r.errors.at("wrong code"), 1U);
  EXPECT_EQ(r.errors.at("missed: DEMO"), 1U);
  EXPECT_EQ(r.errors.at("spurious on no-event record"), 1U);
}

TEST(Plover, CompoundSourceWithoutTargetActsOnEachOther) {
  auto id = [](const std::string& s) { return s; };
  PloverRecord r;
  r.event = "AGREE";
  r.source = {{"Aland", "AAA", ""}, {"Bland", "BBB", ""}};
  auto pairs = plover_gold_codings(r, id);
  ASSERT_EQ(pairs.size(), 2U);
  EXPECT_EQ(pairs[0], c("AAA", "BBB", "AGREE"));
  EXPECT_EQ(pairs[1], c("BBB", "AAA", "AGREE"));

  r.source.push_back({"Cland", "CCC", ""});
  EXPECT_EQ(plover_gold_codings(r, id).size(), 6U);

  r.source = {{"", "AAA", ""}, {"", "BBB", ""}};
  r.target = {{"", "CCC", ""}, {"", "DDD", ""}};
  auto cross = plover_gold_codings(r, id);
  ASSERT_EQ(cross.size(), 4U);
  EXPECT_EQ(cross[3], c("BBB", "DDD", "AGREE"));

  r.source = {{"", "AAA", ""}};
  r.target.clear();
  auto single = plover_gold_codings(r, id);
  ASSERT_EQ(single.size(), 1U);
  EXPECT_EQ(single[0], c("AAA", "", "AGREE"));

  auto rename = [](const std::string& s) { return s == "AAA" ? std::string("ZZZ") : s; };
  EXPECT_EQ(plover_gold_codings(r, rename)[0].source, "ZZZ");

  // A reciprocal record scores both directions.
  r.source = {{"", "AAA", ""}, {"", "BBB", ""}};
  RecordScore s = score_record(plover_gold_codings(r, id), {c("AAA", "BBB", "AGREE")});
  EXPECT_EQ(s.tally.tp, 1U);
  EXPECT_EQ(s.tally.fn, 1U);
}

Event police_event(std::string code, std::string cameo, EventMode mode = EventMode::happened) {
  Event e;
  e.source.code = std::move(code);
  e.cameo = std::move(cameo);
  e.mode = mode;
  return e;
}

TEST(IndiaPolice, LabelsFollowTheDocumentedCodeSets) {
  using V = std::vector<std::string>;
  EXPECT_EQ(police_labels(police_event("INDCOP", "173")), (V{"ANY_ACTION", "ARREST"}));
  EXPECT_EQ(police_labels(police_event("COP", "180")), (V{"ANY_ACTION", "FORCE"}));
  EXPECT_EQ(police_labels(police_event("INDCOP", "1823")), (V{"ANY_ACTION", "FORCE", "KILL"}));
  EXPECT_EQ(police_labels(police_event("INDCOP", "202")), (V{"ANY_ACTION", "FORCE", "KILL"}));
  EXPECT_EQ(police_labels(police_event("INDCOP", "042")), (V{"ANY_ACTION"}));
  EXPECT_EQ(police_labels(police_event("INDCOP", "173", EventMode::negated)), (V{"FAIL"}));
  EXPECT_TRUE(police_labels(police_event("INDGOV", "173")).empty());
  EXPECT_TRUE(police_labels(police_event("XCOPXX", "173")).empty());  // COP not on a 3-letter boundary
  Event by_sector = police_event("", "190");
  by_sector.source.sector = "COP";
  EXPECT_EQ(police_labels(by_sector), (V{"ANY_ACTION", "FORCE"}));
  EXPECT_EQ(police_labels(by_sector, true), (V{"ANY_ACTION", "FORCE", "KILL"}));
  EXPECT_EQ(police_labels(police_event("INDCOP", "173"), true), (V{"ANY_ACTION", "ARREST"}));  // no force, no kill
}

TEST(IndiaPolice, AnEventAttributedToAPoliceMentionOfItsSentenceIsAPoliceStatement) {
  Document d;
  d.article.text = "shops burned, police said. shops burned, the minister said.";
  Mention police;
  police.sentence = 0;
  police.span = Span{14, 6};
  police.actor.code = "COP";
  police.actor.sector = "COP";
  Mention minister;
  minister.sentence = 1;
  minister.span = Span{45, 8};
  minister.actor.code = "GOV";
  minister.actor.sector = "GOV";
  d.mentions = {police, minister};
  Event e;
  e.sentence = 0;
  e.attributed_to = "police";
  EXPECT_TRUE(police_speaker(d, e));
  e.attributed_to = "";
  EXPECT_FALSE(police_speaker(d, e));  // not reported speech
  e.sentence = 1;
  e.attributed_to = "minister";
  EXPECT_FALSE(police_speaker(d, e));  // a speaker who is no police
  e.attributed_to = "police";
  EXPECT_FALSE(police_speaker(d, e));  // the police mention is in another sentence
}

TEST(IndiaPolice, ReportsDeathReadsWholeWords) {
  EXPECT_TRUE(reports_death("Two men died when the constables opened fire."));
  EXPECT_TRUE(reports_death("A youth was SHOT DEAD near the bridge"));
  EXPECT_TRUE(reports_death("the deaths in the firing"));
  EXPECT_FALSE(reports_death("The guards fired in the air and the crowd fled."));
  EXPECT_FALSE(reports_death("a deadline and a diesel tanker"));  // no word of dying inside other words
  EXPECT_FALSE(reports_death(""));
}

TEST(IndiaPolice, AnnouncedActsAreNoArrestsButNamedPoliceStillActed) {
  using V = std::vector<std::string>;
  // "The police said they will detain the leaders": a named police doer announcing an act.
  Event named = police_event("INDCOP", "173", EventMode::expected);
  named.source.text = "the police";
  EXPECT_EQ(police_labels(named), (V{"ANY_ACTION"}));
  named.mode = EventMode::possible;
  EXPECT_EQ(police_labels(named), (V{"ANY_ACTION"}));
  // "The leaders should be arrested, he said": the implicit police agent (no words) acts in nobody's text.
  EXPECT_TRUE(police_labels(police_event("COP", "173", EventMode::possible)).empty());
  EXPECT_TRUE(police_labels(police_event("COP", "175", EventMode::expected)).empty());
}

SuiteResult sample_suite() {
  SuiteResult r;
  r.name = "petrarch2";
  r.add("DEMO", score_record({c("A", "B", "01"), c("C", "D", "02")}, {c("A", "B", "01")}));
  return r;
}

TEST(Report, TableHasOneRowPerCategoryAndATotal) {
  std::ostringstream out;
  print_table({sample_suite()}, out);
  std::string s = out.str();
  EXPECT_NE(s.find("suite"), std::string::npos);
  EXPECT_NE(s.find("F1"), std::string::npos);
  EXPECT_NE(s.find("petrarch2        DEMO"), std::string::npos);
  EXPECT_NE(s.find("ALL"), std::string::npos);
  EXPECT_NE(s.find("1.000  0.500  0.667"), std::string::npos) << s;
}

TEST(Report, MarkdownHasTablesErrorsDateAndCommand) {
  std::string md = markdown_figures({sample_suite()}, "2025-01-02", "dyad eval --suite petrarch2");
  EXPECT_NE(md.find("2025-01-02"), std::string::npos);
  EXPECT_NE(md.find("`dyad eval --suite petrarch2`"), std::string::npos);
  EXPECT_NE(md.find("| suite | records | gold | predicted | TP | FP | FN | P | R | F1 |"), std::string::npos);
  EXPECT_NE(md.find("| petrarch2 | 1 | 2 | 1 | 1 | 0 | 1 | 1.000 | 0.500 | 0.667 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| DEMO | 2 | 1 | 1 | 0 | 1 | 1.000 | 0.500 | 0.667 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| missed: DEMO | 1 |"), std::string::npos) << md;
}

TEST(Report, SplitRowsAreNamedByParityAndPrintedJustBeforeAll) {
  EXPECT_EQ(split_category(0, "records"), "all: dev (even records)");
  EXPECT_EQ(split_category(3, "documents"), "all: held-out (odd documents)");
  EXPECT_TRUE(is_split_category(split_category(1, "records")));
  EXPECT_FALSE(is_split_category("sentence ARREST"));
  // "all: ..." sorts before "document ..." in the category map; it must still print last.
  SuiteResult r;
  r.name = "india-police";
  r.categories["document ARREST"].gold = 1;
  r.categories[split_category(0, "documents")].gold = 2;
  r.categories["sentence ARREST"].gold = 3;
  std::ostringstream out;
  print_table({r}, out);
  std::string s = out.str();
  size_t dev = s.find("all: dev"), doc = s.find("document ARREST"), sent = s.find("sentence ARREST");
  ASSERT_NE(dev, std::string::npos) << s;
  EXPECT_LT(doc, sent);
  EXPECT_LT(sent, dev);
  EXPECT_LT(dev, s.find("ALL"));
  std::string md = markdown_figures({r}, "2025-01-02", "dyad eval");
  EXPECT_LT(md.find("| sentence ARREST |"), md.find("| all: dev (even documents) |")) << md;
}

TEST(Report, MergeKeepsHandWrittenTextAndReplacesTheBlock) {
  std::string first = merge_markdown("", "figures one");
  EXPECT_NE(first.find("# Accuracy"), std::string::npos);
  EXPECT_NE(first.find("figures one"), std::string::npos);
  std::string doc = "# Accuracy\n\nMethod by hand.\n\n" + first.substr(first.find("<!-- BEGIN")) + "\nAfter.\n";
  std::string second = merge_markdown(doc, "figures two");
  EXPECT_NE(second.find("Method by hand."), std::string::npos);
  EXPECT_NE(second.find("After."), std::string::npos);
  EXPECT_NE(second.find("figures two"), std::string::npos);
  EXPECT_EQ(second.find("figures one"), std::string::npos);
  EXPECT_EQ(merge_markdown(second, "figures two"), second);
}

}  // namespace
}  // namespace dyad::eval
