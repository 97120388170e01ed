#include "events/pattern.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "events/coder.h"
#include "events_test_util.h"

namespace dyad {
namespace {

std::vector<std::string> readings(const std::string& pattern) {
  auto r = expand_pattern({"042", pattern, "x.tsv:3"});
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
  std::vector<std::string> out;
  if (r.ok())
    for (const auto& lp : r.value()) out.push_back(lp.str());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Pattern, ExpandsAlternativesAndOptionals) {
  EXPECT_EQ(readings("{S} visit {T}"), (std::vector<std::string>{"{S} visit {T}"}));
  EXPECT_EQ(readings("{S} (travel|fly) to {T}"), (std::vector<std::string>{"{S} fly to {T}", "{S} travel to {T}"}));
  EXPECT_EQ(readings("{S} meet [with] {T}"), (std::vector<std::string>{"{S} meet with {T}", "{S} meet {T}"}));
  EXPECT_EQ(readings("{S} sign * (deal|joint statement) [with {T}]"),
            (std::vector<std::string>{"{S} sign * deal", "{S} sign * deal with {T}", "{S} sign * joint statement",
                                      "{S} sign * joint statement with {T}"}));
  EXPECT_EQ(readings("{S's} visit to {T}"), (std::vector<std::string>{"{S's} visit to {T}"}));
  EXPECT_EQ(readings("{S} \"Seized\" {T}"), (std::vector<std::string>{"{S} \"seized\" {T}"}));
}

TEST(Pattern, SourceSlotMayNameItsSectors) {
  // "{S:COP|MIL}": a source slot that takes only doers of those sectors; the sectors are kept
  EXPECT_EQ(readings("{S:COP|MIL} (detain|hold) {T}"),
            (std::vector<std::string>{"{S:COP|MIL} detain {T}", "{S:COP|MIL} hold {T}"}));
  auto r = expand_pattern({"173", "{S:COP} detain {T}", "x.tsv:1"});
  ASSERT_TRUE(r.ok()) << r.error().str();
  const PatternElement& s = r->front().elements[0];
  EXPECT_EQ(s.kind, PatternElement::Kind::source);
  EXPECT_TRUE(s.is_slot());
  EXPECT_EQ(s.word, "COP");
  EXPECT_EQ(r->front().literals(), 1U);
}

TEST(Pattern, TargetSlotMayNameItsSectors) {
  // "{T:GOV|ELI}": a target slot that takes only actors of those sectors; the sectors are kept
  EXPECT_EQ(readings("{S} (oust|unseat) {T:GOV|ELI}"),
            (std::vector<std::string>{"{S} oust {T:GOV|ELI}", "{S} unseat {T:GOV|ELI}"}));
  auto r = expand_pattern({"170", "{S} oust {T:GOV}", "x.tsv:1"});
  ASSERT_TRUE(r.ok()) << r.error().str();
  const PatternElement& t = r->front().elements[2];
  EXPECT_EQ(t.kind, PatternElement::Kind::target);
  EXPECT_EQ(t.word, "GOV");
  EXPECT_FALSE(expand_pattern({"170", "{S} oust {T:gov}", "x.tsv:1"}).ok());
}

TEST(Pattern, AnchorIsFirstWord) {
  auto r = expand_pattern({"042", "{S's} [(state|official)] visit to {T}", "x.tsv:1"});
  ASSERT_TRUE(r.ok());
  for (const auto& lp : r.value()) {
    ASSERT_LT(lp.anchor, lp.elements.size());
    EXPECT_TRUE(lp.elements[lp.anchor].is_word());
    for (size_t i = 0; i < lp.anchor; ++i) EXPECT_FALSE(lp.elements[i].is_word());
  }
  EXPECT_EQ(r->size(), 3U);
}

TEST(Pattern, CaretIsASkipElement) {
  // '^' passes over one noun phrase; it is neither a word nor a slot
  auto r = expand_pattern({"043", "{S} dine at ^ with {T}", "x.tsv:1"});
  ASSERT_TRUE(r.ok()) << r.error().str();
  ASSERT_EQ(r->size(), 1U);
  const LinearPattern& lp = r->front();
  ASSERT_EQ(lp.elements.size(), 6U);
  EXPECT_EQ(lp.elements[3].kind, PatternElement::Kind::skip);
  EXPECT_FALSE(lp.elements[3].is_slot());
  EXPECT_FALSE(lp.elements[3].is_word());
  EXPECT_EQ(lp.literals(), 3U);
  EXPECT_EQ(lp.str(), "{S} dine at ^ with {T}");
}

TEST(Pattern, TildeIsAModifierGap) {
  // '~' passes over the words inside one noun phrase; it is neither a word nor a slot
  auto r = expand_pattern({"082", "{S} call off ~ strike", "x.tsv:1"});
  ASSERT_TRUE(r.ok()) << r.error().str();
  ASSERT_EQ(r->size(), 1U);
  const LinearPattern& lp = r->front();
  ASSERT_EQ(lp.elements.size(), 5U);
  EXPECT_EQ(lp.elements[3].kind, PatternElement::Kind::modifiers);
  EXPECT_FALSE(lp.elements[3].is_slot());
  EXPECT_FALSE(lp.elements[3].is_word());
  EXPECT_EQ(lp.literals(), 3U);
  EXPECT_EQ(lp.str(), "{S} call off ~ strike");
}

TEST(Pattern, SyntaxErrorsNameFileAndLine) {
  struct Case {
    const char* pattern;
    const char* fragment;
  } cases[] = {
      {"{S} (visit|travel to {T}", "missing ')'"},
      {"{S} visit {X}", "unknown slot {X}"},
      {"{S} (visit||go) {T}", "empty alternative"},
      {"{S} {T}", "no word"},
      {"{S} visit ] {T}", "unexpected ']'"},
      {"{S} \"two words\" {T}", "one word"},
      {"{S} visit {T", "unclosed '{'"},
      {"{S:cop} visit {T}", "three upper-case letters"},
      {"{S:} visit {T}", "three upper-case letters"},
      {"{S:COPS} visit {T}", "three upper-case letters"},
      {"{S:COP|} visit {T}", "three upper-case letters"},
      {"{S:COP,MIL} visit {T}", "three upper-case letters"},
      // docs/verbs.md rules 3, 4 and 8
      {"{S} visit (near *|by) {T}", "only words"},
      {"{S} visit (by|[near] to) {T}", "only words"},
      {"{S} visit [* near] {T}", "inside [ ]"},
      {"{S} visit [[near] by] {T}", "inside [ ]"},
      {"{S} visit *", "begins or ends"},
      {"* visit {T}", "begins or ends"},
      {"{S} visit ~", "begins or ends"},
      {"{S} visit * ~ {T}", "side by side"},
      {"{S} visit (to|in) * * {T}", "side by side"},
      // an alternative given twice, next to each other or not, of one word or several
      {"{S} (scold|scold) {T}", "repeated"},
      {"{S} (scold|rebuke|chide|rebuke) {T}", "repeated"},
      {"{S} (call on|urge|call on) {T}", "repeated"},
  };
  for (const auto& c : cases) {
    auto r = expand_pattern({"042", c.pattern, "data/verbs/cameo.tsv:17"});
    ASSERT_FALSE(r.ok()) << c.pattern;
    EXPECT_EQ(r.error().file, "data/verbs/cameo.tsv") << c.pattern;
    EXPECT_EQ(r.error().line, 17U) << c.pattern;
    EXPECT_NE(r.error().message.find(c.fragment), std::string::npos) << c.pattern << ": " << r.error().message;
  }
}

TEST(Pattern, AlternativesThatOnlyShareWordsAreNotRepeated) {
  EXPECT_EQ(readings("{S} (call on|call|on) {T}"),
            (std::vector<std::string>{"{S} call on {T}", "{S} call {T}", "{S} on {T}"}));
}

TEST(Pattern, DictionaryFileRulesNameFileAndLine) {
  // docs/verbs.md rules 5-7, on a file of dyad's own format
  const auto dir = std::filesystem::temp_directory_path() / ("dyad_pattern_rules_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto f = (dir / "v.tsv").string();
  auto fails = [&](const std::string& pattern, const std::string& what) {
    std::ofstream(f) << "code\tpattern\tnote\tas_of\n042\t{S} tour {T}\tx\t2026-11-24\n042\t" << pattern
                     << "\tx\t2026-11-24\n";
    auto r = read_verb_patterns(f, testing_events::clause_words());
    ASSERT_FALSE(r.ok()) << pattern;
    EXPECT_NE(r.error().str().find("v.tsv:3"), std::string::npos) << r.error().str();
    EXPECT_NE(r.error().str().find(what), std::string::npos) << r.error().str();
  };
  fails("{S} Visit {T}", "lower-case");
  fails("{S} visit {T} _x", "lower-case");
  fails("{S} visit {S} in {T}", "more than one source slot");
  fails("{S} visit {T} [with {T's}]", "more than one target slot");
  fails("{S} [state] visit {T}", "inside [ ]");
  fails("{S} (to|visit) {T}", "function word");
  fails("{S} visit {T}\t\t2026-11-24\n042\t{S} fly to {T}", "no note");
  std::ofstream(f) << "code\tpattern\tnote\tas_of\n042\t{S} tour {T}\tx\t2026-13-40\n";
  EXPECT_FALSE(read_verb_patterns(f, testing_events::clause_words()).ok()) << "as_of is a date";
  // one slot on each branch is one per reading; a quoted function word may open a noun phrase
  std::ofstream(f) << "code\tpattern\tnote\tas_of\n042\t{S} tour ({T}|{T's} capital)\tx\t2026-11-24\n"
                   << "173\t\"the\" \"detained\"\tx\t2026-11-24\n";
  auto ok = read_verb_patterns(f, testing_events::clause_words());
  EXPECT_TRUE(ok.ok()) << ok.error().str();
  std::filesystem::remove_all(dir);
}

TEST(Pattern, LoaderRejectsOnePatternOnTwoRows) {
  // rule 9: the bundled data with a second file that repeats a pattern: the run stops, naming both rows
  const auto dir = std::filesystem::temp_directory_path() / ("dyad_pattern_dup_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "verbs");
  for (const auto& e : std::filesystem::directory_iterator(testing_events::kData))
    if (e.path().filename() != "verbs") std::filesystem::create_directory_symlink(e.path(), dir / e.path().filename());
  std::ofstream(dir / "verbs" / "a.tsv") << "code\tpattern\tnote\tas_of\n042\t{S} tour {T}\tx\t2026-11-24\n";
  std::ofstream(dir / "verbs" / "b.tsv") << "code\tpattern\tnote\tas_of\n043\t{S} dine with {T}\tx\t2026-11-24\n"
                                         << "040\t{S} tour {T}\tx\t2026-11-24\n";
  auto r = EventCoder::load(dir.string(), {}, {}, false);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().str().find("b.tsv:3"), std::string::npos) << r.error().str();
  EXPECT_NE(r.error().str().find("a.tsv:2 with code 042"), std::string::npos) << r.error().str();
  std::filesystem::remove(dir / "verbs" / "b.tsv");
  auto fine = EventCoder::load(dir.string(), {}, {}, false);
  EXPECT_TRUE(fine.ok()) << fine.error().str();
  std::filesystem::remove_all(dir);
}

TEST(Pattern, TooManyReadingsIsAnError) {
  std::string p = "{S} visit";
  for (int i = 0; i < 13; ++i) p += " [w" + std::to_string(i) + "]";
  auto r = expand_pattern({"042", p, "f.tsv:2"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("readings"), std::string::npos);
}

TEST(Pattern, LoaderRejectsCodesOutsideCodebookWithOrigin) {
  auto r = EventCoder::load(testing_events::kData, {{"999", "{S} visit {T}", "mine.tsv:4"}}, {}, true);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().file, "mine.tsv");
  EXPECT_EQ(r.error().line, 4U);
  EXPECT_NE(r.error().message.find("999"), std::string::npos);
}

TEST(Pattern, LoaderReportsSyntaxErrorsWithOrigin) {
  auto r = EventCoder::load(testing_events::kData, {{"042", "{S} (visit {T}", "extra.verbs.tsv:9"}}, {}, true);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().str().rfind("extra.verbs.tsv:9:", 0), 0U) << r.error().str();
}

TEST(Pattern, ReadsVerbFileWithOrigins) {
  auto r = read_verb_patterns(testing_events::kFixtures + "/verbs.tsv", testing_events::clause_words());
  ASSERT_TRUE(r.ok()) << r.error().str();
  ASSERT_FALSE(r->empty());
  EXPECT_EQ(r->front().code, "042");
  EXPECT_EQ(r->front().pattern, "{S} visit {T}");
  EXPECT_EQ(r->front().origin, testing_events::kFixtures + "/verbs.tsv:4");
}

TEST(Pattern, AnchoredReadingsShareTheirRest) {
  // Three ways to the first word, one rest after it: the readings point at one copy.
  auto r = anchor_pattern({"042", "{S} (travel|fly|sail) to (port|harbour) [with {T}]", "x.tsv:1"});
  ASSERT_TRUE(r.ok()) << r.error().str();
  ASSERT_EQ(r->size(), 3U);
  EXPECT_EQ((*r)[0].str(), "{S} travel to (port|harbour) [with {T}]");
  EXPECT_EQ((*r)[2].str(), "{S} sail to (port|harbour) [with {T}]");
  EXPECT_EQ((*r)[0].rest.get(), (*r)[1].rest.get());
  EXPECT_EQ((*r)[0].rest.get(), (*r)[2].rest.get());
  // Different words inside an alternative leave different rests.
  auto d = anchor_pattern({"042", "{S} (set up|take over) {T}", "x.tsv:1"});
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->size(), 2U);
  EXPECT_NE(d->front().rest.get(), d->back().rest.get());
  EXPECT_EQ(d->front().str(), "{S} set up {T}");
  EXPECT_EQ(d->back().str(), "{S} take over {T}");
  // A pattern whose anchor ends it has an empty rest, never a missing one.
  auto e = anchor_pattern({"042", "{S} (retreat|withdraw)", "x.tsv:1"});
  ASSERT_TRUE(e.ok());
  ASSERT_EQ(e->size(), 2U);
  for (const auto& ap : e.value()) {
    ASSERT_NE(ap.rest, nullptr);
    EXPECT_TRUE(ap.rest->empty());
  }
}

TEST(Pattern, LemmaIdsInReadingOrder) {
  // Ids are asked once per lemma node, reading by reading: the first reading's anchor and
  // rest, then the next reading's anchor; exact forms get none.
  std::vector<std::string> asked;
  const LemmaIds ids = [&asked](const std::string& w) {
    asked.push_back(w);
    return static_cast<int32_t>(asked.size() - 1);
  };
  auto r = anchor_pattern({"042", "{S} (sail|fly \"high\") to (port|sail) {T}", "x.tsv:1"}, ids);
  ASSERT_TRUE(r.ok()) << r.error().str();
  EXPECT_EQ(asked, (std::vector<std::string>{"sail", "to", "port", "sail", "fly"}));
  ASSERT_EQ(r->size(), 2U);
  EXPECT_EQ((*r)[0].anchor.id, 0);
  EXPECT_EQ((*r)[1].anchor.id, 4);
  const auto& rest = *(*r)[1].rest;  // "high" to (port|sail) {T}
  ASSERT_EQ(rest.size(), 4U);
  EXPECT_EQ(rest[0].element.id, -1);  // the exact form
  EXPECT_EQ(rest[1].element.id, 1);
  EXPECT_EQ(rest[2].children[0].children[0].element.id, 2);
  EXPECT_EQ(rest[2].children[1].children[0].element.id, 3);
}

TEST(Pattern, AlternativesListTheirFirstWords) {
  // With lemma ids, an alternatives node whose branches all open with a word lists those
  // words (lemma ids and exact forms, sorted, once each) for the matcher's quick rejection;
  // one with a branch opening with a slot, and every node without ids, lists none.
  std::vector<std::string> asked;
  const LemmaIds ids = [&asked](const std::string& w) {
    const auto it = std::find(asked.begin(), asked.end(), w);
    if (it != asked.end()) return static_cast<int32_t>(it - asked.begin());
    asked.push_back(w);
    return static_cast<int32_t>(asked.size() - 1);
  };
  const VerbPatternSpec spec{"070", "{S} ship (up|\"out\"|back up|\"out\" again) (grain|{T}) [to {T}]", "x.tsv:1"};
  auto r = anchor_pattern(spec, ids);
  ASSERT_TRUE(r.ok()) << r.error().str();
  ASSERT_EQ(r->size(), 1U);
  const auto& rest = *r->front().rest;
  ASSERT_EQ(rest.size(), 3U);
  ASSERT_EQ(rest[0].kind, PatternNode::Kind::alternatives);
  EXPECT_TRUE(rest[0].first_words_known);
  const auto id = [&asked](const char* w) {
    return static_cast<int32_t>(std::find(asked.begin(), asked.end(), w) - asked.begin());
  };
  std::vector<int32_t> lemmas{id("up"), id("back")};
  std::sort(lemmas.begin(), lemmas.end());
  EXPECT_EQ(rest[0].first_lemmas, lemmas);
  EXPECT_EQ(rest[0].first_exact, (std::vector<std::string>{"out"}));
  ASSERT_EQ(rest[1].kind, PatternNode::Kind::alternatives);
  EXPECT_FALSE(rest[1].first_words_known);  // "{T}" opens a branch
  EXPECT_TRUE(rest[1].first_lemmas.empty());
  auto plain = anchor_pattern(spec);
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE((*plain->front().rest)[0].first_words_known);
}

TEST(Pattern, DerivesPassiveReadings) {
  auto r = EventCoder::load(testing_events::kData, {{"190", "{S} attack {T}", "a.tsv:1"}}, {}, true);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value()->pattern_count(), 2U);  // active + derived passive
  auto r2 = EventCoder::load(testing_events::kData, {{"040", "{S} meet", "a.tsv:1"}}, {}, true);
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2.value()->pattern_count(), 1U);  // no {T}: no passive
}

}  // namespace
}  // namespace dyad
