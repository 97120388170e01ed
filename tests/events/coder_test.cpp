#include "events/coder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "events_test_util.h"

namespace dyad {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsSupersetOf;
using ::testing::Not;
using ::testing::UnorderedElementsAre;
using testing_events::briefs;
using testing_events::code_text;
using testing_events::find_event;

// Codes a text over `specs` only (the fixture actors marked), as briefs; a dictionary that
// does not load is a test failure.
std::function<std::vector<std::string>(const std::string&)> coder_over(const std::vector<VerbPatternSpec>& specs) {
  auto c = EventCoder::load(testing_events::kData, specs, {}, true);
  if (!c.ok()) ADD_FAILURE() << c.error().str();
  std::shared_ptr<const EventCoder> coder = c.ok() ? c.value() : nullptr;
  return [coder](const std::string& text) {
    if (coder == nullptr) return std::vector<std::string>{};
    Document d = testing_events::make_doc(text, testing_events::fixture_marks());
    coder->code(d);
    return briefs(d);
  };
}

TEST(Coder, SeedShapedReportHappened) {
  Document doc = code_text("Vladimir Putin arrived in Beijing on Thursday.", "2024-05-16");
  ASSERT_THAT(briefs(doc), ElementsAre("042 RUSGOV->CHN"));
  const Event& e = doc.events[0];
  EXPECT_EQ(e.mode, EventMode::happened);
  EXPECT_EQ(e.date.iso(), "2024-05-16");
  EXPECT_EQ(e.date_basis.rfind("expression:", 0), 0U) << e.date_basis;
  ASSERT_TRUE(e.location.has_value());
  EXPECT_EQ(e.location->name, "Beijing");
  EXPECT_EQ(e.plover, "CONSULT");
  EXPECT_EQ(e.quad_class, 1);
  EXPECT_EQ(e.span.of(doc.article.text), "arrived in Beijing");
  EXPECT_EQ(e.sentence, 0U);
  EXPECT_NE(e.rule.find("verbs.tsv:6"), std::string::npos) << e.rule;
  EXPECT_NE(e.rule.find("{S} arrive in {T}"), std::string::npos);
  EXPECT_EQ(e.id.size(), 16U);
}

TEST(Coder, SeedShapedPreviewExpected) {
  Document doc = code_text("Putin is expected to visit China on Thursday.", "2024-05-14");
  ASSERT_THAT(briefs(doc), ElementsAre("042 RUSGOV->CHN"));
  EXPECT_EQ(doc.events[0].mode, EventMode::expected);
  EXPECT_EQ(doc.events[0].date.iso(), "2024-05-16");
  EXPECT_FALSE(doc.events[0].location.has_value());  // "to China" is the target, not a place of action
}

TEST(Coder, ExpectedWithoutExpressionKeepsArticleDate) {
  Document doc = code_text("Putin will visit China.", "2024-05-14");
  ASSERT_EQ(doc.events.size(), 1U);
  EXPECT_EQ(doc.events[0].mode, EventMode::expected);
  EXPECT_EQ(doc.events[0].date.iso(), "2024-05-14");
  EXPECT_EQ(doc.events[0].date_basis, "article (expected, undated)");
  Document past = code_text("Putin visited China.", "2024-05-14");
  ASSERT_EQ(past.events.size(), 1U);
  EXPECT_EQ(past.events[0].date_basis, "article");
}

TEST(Coder, PastAndFutureWeekdaysResolveByTense) {
  // article on Tuesday 2024-05-14: past Thursday = 2024-05-09, future Thursday = 2024-05-16
  Document past = code_text("Putin visited China on Thursday.", "2024-05-14");
  ASSERT_EQ(past.events.size(), 1U);
  EXPECT_EQ(past.events[0].date.iso(), "2024-05-09");
  Document fut = code_text("Putin will visit China on Thursday.", "2024-05-14");
  ASSERT_EQ(fut.events.size(), 1U);
  EXPECT_EQ(fut.events[0].date.iso(), "2024-05-16");
  Document abs = code_text("The United States imposed sanctions on Russia in 2022.", "2024-05-14");
  ASSERT_EQ(abs.events.size(), 1U);
  EXPECT_EQ(abs.events[0].date.iso(), "2022");
}

TEST(Coder, ModeTriggers) {
  struct Case {
    const char* text;
    EventMode mode;
  } cases[] = {
      {"Putin will visit China.", EventMode::expected},
      {"Putin shall visit China.", EventMode::expected},
      {"Putin plans to visit China.", EventMode::expected},
      {"Putin is set to visit China.", EventMode::expected},
      {"Putin is scheduled to visit China.", EventMode::expected},
      {"Putin is due to visit China.", EventMode::expected},
      {"Putin is about to visit China.", EventMode::expected},
      {"Putin is to visit China.", EventMode::expected},
      {"Putin intends to visit China.", EventMode::expected},
      {"Putin's planned visit to China was discussed.", EventMode::expected},
      {"Putin did not visit China.", EventMode::negated},
      {"Putin didn't visit China.", EventMode::negated},
      {"Putin never visited China.", EventMode::negated},
      {"Putin refused to visit China.", EventMode::negated},
      {"Putin declined to visit China.", EventMode::negated},
      {"Putin failed to visit China.", EventMode::negated},
      {"Putin will not visit China.", EventMode::negated},
      {"Putin may visit China.", EventMode::possible},
      {"Putin might visit China.", EventMode::possible},
      {"Putin could visit China.", EventMode::possible},
      {"Putin is considering visiting China.", EventMode::possible},
      {"Putin would visit China.", EventMode::possible},
      {"Putin visited China.", EventMode::happened},
      {"Putin's visit to China ended.", EventMode::happened},
  };
  for (const auto& c : cases) {
    Document doc = code_text(c.text);
    ASSERT_EQ(doc.events.size(), 1U) << c.text;
    EXPECT_EQ(to_string(doc.events[0].mode), to_string(c.mode)) << c.text;
    EXPECT_EQ(doc.events[0].cameo, "042") << c.text;
  }
}

TEST(Coder, IfClauseIsPossible) {
  Document doc = code_text("If Russia attacks Ukraine, China will condemn Russia.");
  const Event* attack = find_event(doc, "190 RUS->UKR");
  ASSERT_NE(attack, nullptr) << ::testing::PrintToString(briefs(doc));
  EXPECT_EQ(attack->mode, EventMode::possible);
  const Event* condemn = find_event(doc, "111 CHN->RUS");
  ASSERT_NE(condemn, nullptr);
  EXPECT_EQ(condemn->mode, EventMode::expected);
}

TEST(Coder, WouldAfterPastReportingVerbIsExpected) {
  Document doc = code_text("The Kremlin said Putin would visit China.");
  const Event* e = find_event(doc, "042 RUSGOV->CHN");
  ASSERT_NE(e, nullptr) << ::testing::PrintToString(briefs(doc));
  EXPECT_EQ(e->mode, EventMode::expected);
  EXPECT_EQ(e->attributed_to, "Kremlin");
}

TEST(Coder, Attribution) {
  Document a = code_text("Russia attacked Ukraine, the ministry said.");
  ASSERT_THAT(briefs(a), ElementsAre("190 RUS->UKR"));
  EXPECT_EQ(a.events[0].attributed_to, "ministry");
  Document b = code_text("According to the Kremlin, Putin met Xi.");
  ASSERT_THAT(briefs(b), ElementsAre("040 RUSGOV->CHNGOV"));
  EXPECT_EQ(b.events[0].attributed_to, "Kremlin");
  Document c = code_text("Yury Ushakov said that Putin met Xi.");
  ASSERT_THAT(briefs(c), ElementsAre("040 RUSGOV->CHNGOV"));
  EXPECT_EQ(c.events[0].attributed_to, "Yury Ushakov");
  EXPECT_EQ(c.events[0].span.of(c.article.text), "met Xi");
  Document d = code_text("Putin met Xi.");
  ASSERT_EQ(d.events.size(), 1U);
  EXPECT_EQ(d.events[0].attributed_to, "");
}

TEST(Coder, PassiveVoice) {
  Document doc = code_text("Kyiv was attacked by Russia.");
  ASSERT_THAT(briefs(doc), ElementsAre("190 RUS->UKR"));
  EXPECT_NE(doc.events[0].rule.find("(passive)"), std::string::npos);
  // a passive with no agent has no source: nothing is coded
  EXPECT_TRUE(code_text("Kyiv was attacked.").events.empty());
  // the active reading must not fire on a passive clause
  Document acc = code_text("Ukraine was accused by Russia of shelling.");
  ASSERT_THAT(briefs(acc), ElementsAre("112 RUS->UKR"));
}

TEST(Coder, ADeterminedMemberInsideAListIsNoApposition) {
  // "A, the B, C and D": ", the B," is followed by more members closed by "and"
  EXPECT_THAT(briefs(code_text("Russia, the United States, China and Kenya attacked Ukraine.")),
              UnorderedElementsAre("190 RUS->UKR", "190 USA->UKR", "190 CHN->UKR", "190 KEN->UKR"));
  // a real apposition stays out of the subject
  EXPECT_THAT(briefs(code_text("Putin, the leader of Russia, attacked Ukraine.")), ElementsAre("190 RUSGOV->UKR"));
}

TEST(Coder, ImportedVerbsAfterADeterminerAndModifiersAreNouns) {
  // PETRARCH codes parsed verbs: "during a brief private visit to X" holds a noun
  std::vector<VerbPatternSpec> specs{{"042", "{S} visit [{T}]", "x.verbs:1", true},
                                     {"010", "{S} brief [{T}]", "x.verbs:2", true}};
  const auto coded = coder_over(specs);
  EXPECT_TRUE(coded("Putin spoke to Kenya during a brief private visit to China.").empty());
  EXPECT_TRUE(coded("Putin praised the long planned visit to China.").empty());
  EXPECT_THAT(coded("Putin this week visited China."), ElementsAre("042 RUSGOV->CHN"));
  EXPECT_THAT(coded("Putin will visit China."), ElementsAre("042 RUSGOV->CHN"));
}

TEST(Coder, BareVerbPatternsHaveAPassiveToo) {
  // "{S} oppose [{T}]" (a bare verb with its optional object) reads "{T} was opposed by {S}",
  // also with an adverb between the auxiliary and the participle
  std::vector<VerbPatternSpec> specs{{"112", "{S} oppose [{T}]", "x.verbs:1", true}};
  auto c = EventCoder::load(testing_events::kData, specs, {}, true);
  ASSERT_TRUE(c.ok()) << c.error().str();
  EXPECT_EQ(c.value()->pattern_count(), 2U);
  auto coded = [&](const std::string& text) {
    Document d = testing_events::make_doc(text, testing_events::fixture_marks());
    c.value()->code(d);
    return briefs(d);
  };
  EXPECT_THAT(coded("Kenya was opposed by Russia."), ElementsAre("112 RUS->KEN"));
  EXPECT_THAT(coded("Kenya was strongly opposed by Russia on Monday."), ElementsAre("112 RUS->KEN"));
  EXPECT_THAT(coded("Kenya was opposed yesterday by Russia."), ElementsAre("112 RUS->KEN"));
  EXPECT_THAT(coded("Kenya opposed Russia."), ElementsAre("112 KEN->RUS"));
  EXPECT_TRUE(coded("Kenya was opposed.").empty());
}

TEST(Coder, CompoundSourcesAndReciprocity) {
  Document doc = code_text("Putin and Xi signed a joint statement.");
  EXPECT_THAT(briefs(doc), UnorderedElementsAre("057 RUSGOV->CHNGOV", "057 CHNGOV->RUSGOV"));
  Document meet = code_text("Xi and Putin met in Beijing.");
  EXPECT_THAT(briefs(meet), UnorderedElementsAre("040 CHNGOV->RUSGOV", "040 RUSGOV->CHNGOV"));
  ASSERT_FALSE(meet.events.empty());
  ASSERT_TRUE(meet.events[0].location.has_value());
  EXPECT_EQ(meet.events[0].location->name, "Beijing");
  // not reciprocal: an attack by two actors with no target is two untargeted events
  Document att = code_text("Russia and China attacked.");
  EXPECT_TRUE(att.events.empty());  // "{S} attack {T}" needs a target
  // compound target: one event per target
  Document host = code_text("Xi welcomed Russia and Ukraine.");
  EXPECT_THAT(briefs(host), UnorderedElementsAre("043 CHNGOV->RUS", "043 CHNGOV->UKR"));
}

// Correlative pairs: "neither X nor Y" and "either X or Y" are compound subjects; "neither"
// denies the act of both; a bare "X or Y" joins nothing.
TEST(Coder, CorrelativePairsAreCompounds) {
  Document neither = code_text("Neither Russia nor China attacked Ukraine.");
  ASSERT_EQ(neither.events.size(), 2U) << testing::PrintToString(briefs(neither));
  EXPECT_THAT(briefs(neither), UnorderedElementsAre("190 RUS->UKR", "190 CHN->UKR"));
  for (const Event& e : neither.events) EXPECT_EQ(e.mode, EventMode::negated);
  Document either = code_text("Either Russia or China attacked Ukraine.");
  EXPECT_THAT(briefs(either), UnorderedElementsAre("190 RUS->UKR", "190 CHN->UKR"));
  for (const Event& e : either.events) EXPECT_EQ(e.mode, EventMode::happened);
  Document both = code_text("Xi welcomed both Russia and Ukraine.");
  EXPECT_THAT(briefs(both), UnorderedElementsAre("043 CHNGOV->RUS", "043 CHNGOV->UKR"));
  Document bare = code_text("Russia or China attacked Ukraine.");
  EXPECT_THAT(briefs(bare), ElementsAre("190 CHN->UKR"));
}

// An infinitive governed by a passive of permission is no act of its subject: it was only
// given leave to act ("was allowed to", "were finally permitted to"); the active stays.
TEST(Coder, PermittedInfinitiveIsNoAct) {
  const auto has_attack = [](const Document& d) {
    const auto b = briefs(d);
    return std::any_of(b.begin(), b.end(), [](const std::string& x) { return x.starts_with("190 "); });
  };
  EXPECT_FALSE(has_attack(code_text("Russia was allowed to attack Ukraine.")));
  EXPECT_FALSE(has_attack(code_text("Russia asked to be permitted to attack Ukraine.")));
  EXPECT_FALSE(has_attack(code_text("Russian troops were finally allowed to attack Ukraine.")));
  EXPECT_TRUE(has_attack(code_text("Russia attacked Ukraine.")));
}

TEST(Coder, ReciprocalCodesComeFromTheDataFile) {
  auto cb = Codebook::load(testing_events::kData);
  ASSERT_TRUE(cb.ok()) << cb.error().str();
  auto codes = read_reciprocal_codes(testing_events::kData + "/cameo/reciprocal.tsv", cb.value());
  ASSERT_TRUE(codes.ok()) << codes.error().str();
  EXPECT_NE(std::find(codes->begin(), codes->end(), "057"), codes->end());
  EXPECT_EQ(std::find(codes->begin(), codes->end(), "190") == codes->end(), false);
  const std::string dir = ::testing::TempDir();
  auto write = [&](const std::string& name, const std::string& body) {
    std::ofstream(dir + name) << "# test\ncode\tnote\tas_of\n" << body;
    return dir + name;
  };
  auto bad = read_reciprocal_codes(write("recip_bad.tsv", "040\tmeet\t2025-06-01\n999\tno such code\t2025-06-01\n"),
                                   cb.value());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().line, 4U);
  EXPECT_NE(bad.error().message.find("999"), std::string::npos);
  auto twice =
      read_reciprocal_codes(write("recip_twice.tsv", "040\tmeet\t2025-06-01\n040\tagain\t2025-06-01\n"), cb.value());
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.error().message.find("twice"), std::string::npos);
}

TEST(Coder, ImplicitAgentsComeFromTheDataFile) {
  auto cb = Codebook::load(testing_events::kData);
  ASSERT_TRUE(cb.ok()) << cb.error().str();
  auto agents = read_implicit_agents(testing_events::kData + "/cameo/implicit_agents.tsv", cb.value());
  ASSERT_TRUE(agents.ok()) << agents.error().str();
  EXPECT_NE(std::find(agents->begin(), agents->end(), std::pair<std::string, std::string>{"173", "COP"}),
            agents->end());
  const std::string dir = ::testing::TempDir();
  auto write = [&](const std::string& name, const std::string& body) {
    std::ofstream(dir + name) << "# test\ncode\tagent\tnote\tas_of\n" << body;
    return dir + name;
  };
  auto bad = read_implicit_agents(write("implicit_bad.tsv", "173\tCOP\tarrests\t2025-06-01\n999\tCOP\tx\t2025-06-01\n"),
                                  cb.value());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().line, 4U);
  EXPECT_NE(bad.error().message.find("999"), std::string::npos);
  auto sector = read_implicit_agents(write("implicit_sector.tsv", "173\tpolice\tarrests\t2025-06-01\n"), cb.value());
  ASSERT_FALSE(sector.ok());
  EXPECT_NE(sector.error().message.find("sector"), std::string::npos);
  auto twice = read_implicit_agents(write("implicit_twice.tsv", "173\tCOP\ta\t2025-06-01\n173\tJUD\tb\t2025-06-01\n"),
                                    cb.value());
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.error().message.find("twice"), std::string::npos);
}

TEST(Coder, CompoundSourcesThroughModifiers) {
  // "X and the evil Y", "X, the awful Y, and Z": adjectives inside a listed noun phrase
  EXPECT_THAT(briefs(code_text("Russia and the awful China signed a treaty.")),
              UnorderedElementsAre("057 RUS->CHN", "057 CHN->RUS"));
  EXPECT_THAT(briefs(code_text("Russia, the mighty China, and Ukraine attacked the United States.")),
              UnorderedElementsAre("190 RUS->USA", "190 CHN->USA", "190 UKR->USA"));
}

TEST(Coder, TitleBeforeABareCountryNameGivesTheSector) {
  // "Kenyan police Otieno": the title chain (KENCOP) and the name coded only KEN
  EXPECT_THAT(briefs(code_text("Kenyan police Otieno arrested protesters.")), ElementsAre("173 KENCOP->CVL"));
  EXPECT_THAT(briefs(code_text("Otieno arrested protesters.")), ElementsAre("173 KEN->CVL"));
}

TEST(Coder, DemandThatTargetsTheComplementSubject) {
  // "X demanded (on Tuesday) that Y ...": the demand is aimed at Y
  EXPECT_THAT(briefs(code_text("China demanded on Tuesday that Russia withdraw its troops.")),
              ElementsAre("100 CHN->RUS"));
  // nothing after "that" that names an actor: no target
  EXPECT_THAT(briefs(code_text("China demanded that the troops withdraw.")), ElementsAre("100 CHN->-"));
}

TEST(Coder, ActsAskedForAreNotCodedAsDone) {
  // the act in a "that" clause of a coded demand or appeal is what was asked for: only the demand
  EXPECT_THAT(briefs(code_text("China demanded that Russia withdraw its troops from Ukraine.")),
              ElementsAre("100 CHN->RUS"));
  EXPECT_THAT(briefs(code_text("China demanded on Monday that Russia sign the treaty that Ukraine signed.")),
              ElementsAre("100 CHN->RUS"));
  // a statement that the content's subject must act is a demand on it, with or without "that"
  EXPECT_THAT(briefs(code_text("China said that Russia must withdraw its troops.")), ElementsAre("100 CHN->RUS"));
  EXPECT_THAT(briefs(code_text("China said on Monday that Russia must not attack Ukraine.")),
              ElementsAre("100 CHN->RUS"));
  EXPECT_THAT(briefs(code_text("China said on Monday Russia has to sign the treaty.")), ElementsAre("100 CHN->RUS"));
  // a plain report stays the reported act
  EXPECT_THAT(briefs(code_text("China said that Russia signed the treaty.")), ElementsAre("057 RUS->-"));
}

TEST(Coder, ConcludingOrAdmittingThatAnotherMustActIsADemandOnIt) {
  // verbs of data/cameo/reporting.tsv beyond "say": the obliged act is asked for, not done
  EXPECT_THAT(briefs(code_text("Ukraine concluded that Russia must withdraw its troops.")),
              ElementsAre("100 UKR->RUS"));
  EXPECT_THAT(briefs(code_text("Kenya admitted on Friday that China has to reopen the border.")),
              ElementsAre("100 KEN->CHN"));
}

TEST(Coder, DefaultObjectWhenThePatternFillsNoTarget) {
  // "[with {T}]" unfilled: the first actor after the verb is the object
  Document doc = code_text("Russia signed a statement on Monday alongside China.");
  EXPECT_THAT(briefs(doc), ElementsAre("057 RUS->CHN"));
  // a place after in/at is where, not whom; a comma ends the verb phrase; a bare role is no object
  EXPECT_THAT(briefs(code_text("Putin met in Beijing.")), ElementsAre("040 RUSGOV->-"));
  EXPECT_THAT(briefs(code_text("Putin met on Monday, Xi said.")), ElementsAre("040 RUSGOV->-"));
  EXPECT_THAT(briefs(code_text("Putin met on Monday with officials.")), ElementsAre("040 RUSGOV->-"));
}

TEST(Coder, PatternWordsMatchInsideTheObjectMention) {
  // "Russian diplomats" is one actor mention: the pattern word "diplomat" matches its head, the
  // longer row wins, and the mention is the target
  std::vector<VerbPatternSpec> specs{{"161", "{S} expel * diplomat", "x.tsv:1", false},
                                     {"174", "{S} expel", "x.tsv:2", false},
                                     {"0874", "{S} withdraw * soldier", "x.tsv:3", false},
                                     {"161", "{S} accuse * diplomat of", "x.tsv:4", false},
                                     {"111", "{S} criticise * ministry over", "x.tsv:5", false}};
  const auto coded = coder_over(specs);
  EXPECT_THAT(coded("Kenya expelled two Russian diplomats on Monday."), ElementsAre("161 KEN->RUSGOV"));
  EXPECT_THAT(coded("Kenya expelled Russia on Monday."), ElementsAre("174 KEN->RUS"));
  // a bare role with no country is no object: the default object decides
  EXPECT_THAT(coded("Kenya withdrew its soldiers from Ukraine."), ElementsAre("0874 KEN->UKR"));
  EXPECT_THAT(coded("Kenya withdrew soldiers."), ElementsAre("0874 KEN->-"));
  // the words after the one matched inside the mention still have to match
  EXPECT_THAT(coded("Kenya accused Russian diplomats of spying."), ElementsAre("161 KEN->RUSGOV"));
  EXPECT_TRUE(coded("Kenya accused Russian diplomats.").empty());
  // a mention made only of the pattern's words ("ministry", RUSGOV) is what the pattern names,
  // not whom the act is aimed at: the default object looks past it
  EXPECT_THAT(coded("Kenya criticised the ministry over Ukraine."), ElementsAre("111 KEN->UKR"));
  EXPECT_THAT(coded("Kenya criticised the ministry over taxes."), ElementsAre("111 KEN->-"));
  // the subject's words are never the object's: nothing follows the verb here
  EXPECT_THAT(coded("Russian diplomats expelled Kenya."), ElementsAre("174 RUSGOV->KEN"));
}

TEST(Coder, ADayInsideThePassiveVerbGroup) {
  // "was on Monday attacked": the day does not hide the passive
  EXPECT_THAT(briefs(code_text("Russia was on Monday attacked by Ukraine.")), ElementsAre("190 UKR->RUS"));
  EXPECT_THAT(briefs(code_text("Russia was yesterday attacked by Ukraine.")), ElementsAre("190 UKR->RUS"));
}

TEST(Coder, ACountBeforeTheSubjectIsNoPreposition) {
  // "thousands of X attacked ...": "of" after a count governs nothing, X is the subject
  EXPECT_THAT(briefs(code_text("Thousands of Kenyan police attacked Ukraine.")), ElementsAre("190 KENCOP->UKR"));
  EXPECT_THAT(briefs(code_text("Dozens of Kenyan police arrested protesters.")), ElementsAre("173 KENCOP->CVL"));
  // a real preposition still governs: the subject is the actor before it
  EXPECT_THAT(briefs(code_text("Russia, with the help of China, attacked Ukraine.")), ElementsAre("190 RUS->UKR"));
}

TEST(Coder, CountsBeforeASlotAreSkipped) {
  EXPECT_THAT(briefs(code_text("Russia attacked two Kenyan police posts.")), ElementsAre("190 RUS->KENCOP"));
  EXPECT_THAT(briefs(code_text("Russia arrested dozens of protesters.")), ElementsAre("173 RUS->CVL"));
  // a comma is no count: the speaker after "50," is no target
  for (const std::string& b : briefs(code_text("Russia attacked 50, Ukraine said.")))
    EXPECT_EQ(b.find("->UKR"), std::string::npos) << b;
}

TEST(Coder, ImportedPatternsNeedATarget) {
  // TABARI/PETRARCH dictionaries were written for a coder that emits only dyads
  std::vector<VerbPatternSpec> specs{{"040", "{S} meet", "x.verbs:1", true}};
  auto c = EventCoder::load(testing_events::kData, specs, {}, true);
  ASSERT_TRUE(c.ok()) << c.error().str();
  Document a = testing_events::make_doc("Putin met on Monday.", testing_events::fixture_marks());
  c.value()->code(a);
  EXPECT_TRUE(a.events.empty());
  Document b = testing_events::make_doc("Putin met with Xi.", testing_events::fixture_marks());
  c.value()->code(b);
  EXPECT_THAT(briefs(b), ElementsAre("040 RUSGOV->CHNGOV"));
}

TEST(Coder, RequireDyadOffCodesImportedPatternsWithoutATarget) {
  // PETRARCH's <Config option="require_dyad" value="false">: a source alone is an event
  std::vector<VerbPatternSpec> specs{{"040", "{S} meet", "x.verbs:1", true}};
  auto c = EventCoder::load(testing_events::kData, specs, {}, true);
  ASSERT_TRUE(c.ok()) << c.error().str();
  CodeOptions off;
  off.require_dyad = false;
  Document a = testing_events::make_doc("Putin met on Monday.", testing_events::fixture_marks());
  c.value()->code(a, off);
  EXPECT_THAT(briefs(a), ElementsAre("040 RUSGOV->-"));
  c.value()->code(a);  // the default still requires a target
  EXPECT_TRUE(a.events.empty());
  Document b = testing_events::make_doc("Putin met with Xi.", testing_events::fixture_marks());
  c.value()->code(b, off);
  EXPECT_THAT(briefs(b), ElementsAre("040 RUSGOV->CHNGOV"));
}

TEST(Coder, RequireDyadOffTargetlessImportedStatementIsAnAttribution) {
  // "..., an official of the agency X said": the statement has no speaker next to the verb;
  // with another event in the sentence it is the attribution, not a second event
  std::vector<VerbPatternSpec> specs{{"010", "{S} say", "x.verbs:1", true}, {"040", "{S} meet {T}", "x.verbs:2", true}};
  auto c = EventCoder::load(testing_events::kData, specs, {}, true);
  ASSERT_TRUE(c.ok()) << c.error().str();
  CodeOptions off;
  off.require_dyad = false;
  Document a = testing_events::make_doc("Putin met Xi in Harbin, the Kremlin press office said on Monday.",
                                        testing_events::fixture_marks());
  c.value()->code(a, off);
  EXPECT_THAT(briefs(a), ElementsAre("040 RUSGOV->CHNGOV"));
  Document b = testing_events::make_doc("The Kremlin said on Monday.", testing_events::fixture_marks());
  c.value()->code(b, off);
  EXPECT_THAT(briefs(b), ElementsAre("010 RUSGOV->-"));
}

// PETRARCH's comma options (CodeOptions::remove_comma_clauses): comma-delimited stretches
// within the word-count range of their place are left out of coding.
class CommaClauses : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<VerbPatternSpec> specs{{"040", "{S} meet [{T}]", "x.verbs:1", true},
                                       {"190", "{S} attack {T}", "x.verbs:2", true},
                                       {"064", "{S} restore * ties with {T}", "x.verbs:3", true}};
    auto c = EventCoder::load(testing_events::kData, specs, {}, true);
    ASSERT_TRUE(c.ok()) << c.error().str();
    coder_ = c.value();
    on_.remove_comma_clauses = true;  // defaults: internal 2-8, beginning off, end 2-8
  }
  std::vector<std::string> coded(const std::string& text, const CodeOptions& o) const {
    Document d = testing_events::make_doc(text, testing_events::fixture_marks());
    coder_->code(d, o);
    return briefs(d);
  }
  std::shared_ptr<const EventCoder> coder_;
  CodeOptions on_;
};

TEST_F(CommaClauses, EndAndInternalStretchesInRangeAreLeftOut) {
  const std::string end = "Putin met Xi in Harbin, Kenya attacked Ukraine.";
  EXPECT_THAT(coded(end, CodeOptions{}), ElementsAre("040 RUSGOV->CHNGOV", "190 KEN->UKR"));  // off by default
  EXPECT_THAT(coded(end, on_), ElementsAre("040 RUSGOV->CHNGOV"));
  CodeOptions no_end = on_;
  no_end.comma_emax = 0;  // a max of 0 turns the place off
  EXPECT_THAT(coded(end, no_end), ElementsAre("040 RUSGOV->CHNGOV", "190 KEN->UKR"));
  CodeOptions narrow = on_;
  narrow.comma_emin = 4;  // three words: below the range
  EXPECT_THAT(coded(end, narrow), ElementsAre("040 RUSGOV->CHNGOV", "190 KEN->UKR"));

  // the end goes first: "met Xi in Harbin" is four words, an end stretch in range
  const std::string inside = "Putin, days before Kenya attacked Ukraine, met Xi in Harbin.";
  EXPECT_THAT(coded(inside, on_), ElementsAre("190 KEN->UKR"));
  EXPECT_THAT(coded(inside, no_end), ElementsAre("040 RUSGOV->CHNGOV"));
}

TEST_F(CommaClauses, BeginningIsOffUnlessGivenARange) {
  const std::string text = "Kenya attacked Ukraine at dawn, and Putin met Xi.";
  CodeOptions no_end = on_;
  no_end.comma_emax = 0;
  EXPECT_THAT(coded(text, no_end), ElementsAre("190 KEN->UKR", "040 RUSGOV->CHNGOV"));
  CodeOptions begin = no_end;
  begin.comma_bmin = 2;
  begin.comma_bmax = 6;
  EXPECT_THAT(coded(text, begin), ElementsAre("040 RUSGOV->CHNGOV"));
}

TEST_F(CommaClauses, ListCommasDelimitNothing) {
  // actors of a list, and adjectives of one noun phrase, are no comma clause
  EXPECT_THAT(coded("Putin met Xi, the ailing Otieno, and Sergey Lavrov.", on_),
              ElementsAre("040 RUSGOV->CHNGOV", "040 RUSGOV->KEN", "040 RUSGOV->RUSGOV"));
  EXPECT_THAT(coded("Putin is set to restore warm, normal diplomatic ties with Kenya, aides said.", on_),
              ElementsAre("064 RUSGOV->KEN"));
  // without the options too, the object stays past the adjectives' comma, for a pattern gap
  // and for a bare verb's default object
  EXPECT_THAT(coded("Putin restored warm, normal diplomatic ties with Kenya.", CodeOptions{}),
              ElementsAre("064 RUSGOV->KEN"));
  EXPECT_THAT(coded("Putin is about to meet complete, utter strangers from Kenya.", CodeOptions{}),
              ElementsAre("040 RUSGOV->KEN"));
  EXPECT_THAT(coded("Putin is about to meet strangers, Kenya officials said.", CodeOptions{}), ElementsAre());
}

TEST(Coder, RequireDyadOffTargetlessEventInATemporalClauseIsFolded) {
  // PETRARCH reads "X met Y days after Z attacked the border" as one event: the targetless act
  // in the "after" clause belongs to the meeting; with nothing coded before it, it stands
  std::vector<VerbPatternSpec> specs{{"040", "{S} meet {T}", "x.verbs:1", true},
                                     {"190", "{S} attack [{T}]", "x.verbs:2", true}};
  auto c = EventCoder::load(testing_events::kData, specs, {}, true);
  ASSERT_TRUE(c.ok()) << c.error().str();
  CodeOptions off;
  off.require_dyad = false;
  auto coded = [&](const std::string& text) {
    Document d = testing_events::make_doc(text, testing_events::fixture_marks());
    c.value()->code(d, off);
    return briefs(d);
  };
  EXPECT_THAT(coded("Putin met Xi days after Kenya attacked the border."), ElementsAre("040 RUSGOV->CHNGOV"));
  EXPECT_THAT(coded("Kenya attacked the border days after the talks."), ElementsAre("190 KEN->-"));
  // with a target it is an event of its own
  EXPECT_THAT(coded("Putin met Xi days after Kenya attacked Ukraine."),
              ElementsAre("040 RUSGOV->CHNGOV", "190 KEN->UKR"));
}

TEST(Coder, NounPhraseAfterAfterWithItsOwnVerbIsThatVerbsSubject) {
  // "after X attacked Y": 'after' opens a clause here, X is not governed by a preposition
  std::vector<VerbPatternSpec> specs{{"190", "{S} attack {T}", "x.tsv:1", false}};
  const auto coded = coder_over(specs);
  EXPECT_THAT(coded("Putin left the talks a week after Xi attacked Kenya."), ElementsAre("190 CHNGOV->KEN"));
  EXPECT_THAT(coded("Putin left the talks days before Kenyan police attacked protesters."),
              ElementsAre("190 KENCOP->CVL"));
  // a preposition that is no conjunction still governs: the subject is Putin
  EXPECT_THAT(coded("Putin, with Xi, attacked Kenya."), ElementsAre("190 RUSGOV->KEN"));
}

TEST(Coder, ImportedVerbsDoNotFireAsAGerundAfterAPreposition) {
  // PETRARCH codes parsed clauses: "after leaving X" is a phrase with no subject of its own
  std::vector<VerbPatternSpec> specs{{"012", "{S} leave {T}", "x.verbs:1", true},
                                     {"040", "{S} meet {T}", "x.verbs:2", true}};
  const auto coded = coder_over(specs);
  EXPECT_THAT(coded("Putin met Xi after leaving Kenya."), ElementsAre("040 RUSGOV->CHNGOV"));
  EXPECT_THAT(coded("Putin met Xi before leaving Kenya."), ElementsAre("040 RUSGOV->CHNGOV"));
  // a finite verb, and a gerund after an auxiliary, still code
  EXPECT_THAT(coded("Putin left Kenya."), ElementsAre("012 RUSGOV->KEN"));
  EXPECT_THAT(coded("Putin is leaving Kenya."), ElementsAre("012 RUSGOV->KEN"));
}

TEST(Coder, SourceSlotWithSectorsTakesOnlyThoseDoers) {
  // "{S:COP|SPY}": only a doer of those sectors (by its code's sector) codes the act
  std::vector<VerbPatternSpec> specs{{"173", "{S:COP|SPY} book * case", "x.tsv:1", false},
                                     {"173", "{S:COP} detain {T}", "x.tsv:2", false}};
  const auto coded = coder_over(specs);
  EXPECT_THAT(coded("Kenyan police booked a case against Xi."), ElementsAre("173 KENCOP->CHNGOV"));
  EXPECT_THAT(coded("Putin booked a case against Xi."), ElementsAre());
  // the derived passive's "by" agent is held to the same sectors
  EXPECT_THAT(coded("Xi was detained by Kenyan police."), ElementsAre("173 KENCOP->CHNGOV"));
  EXPECT_THAT(coded("Xi was detained by Putin."), ElementsAre());
  EXPECT_THAT(coded("Putin detained Xi."), ElementsAre());
}

TEST(Coder, TargetSlotWithSectorsTakesOnlyThoseTargets) {
  // "{T:GOV|ELI}": only a target of those sectors codes the act; a bare state does not
  std::vector<VerbPatternSpec> specs{{"170", "{S} oust {T:GOV|ELI}", "x.tsv:1", false}};
  const auto coded = coder_over(specs);
  EXPECT_THAT(coded("Putin ousted Xi."), ElementsAre("170 RUSGOV->CHNGOV"));
  EXPECT_THAT(coded("Putin ousted Kenya."), ElementsAre());
  // the derived passive keeps the condition on its target
  EXPECT_THAT(coded("Xi was ousted by Putin."), ElementsAre("170 RUSGOV->CHNGOV"));
  EXPECT_THAT(coded("Kenya was ousted by Putin."), ElementsAre());
}

TEST(Coder, SkipElementPassesOverOneNounPhrase) {
  // '^' (TABARI's skip): the phrase after "at" is passed over, the target is the next actor
  std::vector<VerbPatternSpec> specs{{"043", "{S} dine * at * ^ * with * {T}", "x.verbs:1", true}};
  const auto coded = coder_over(specs);
  // an actor mention is the skipped phrase: Kenya is passed over, Xi is the target
  EXPECT_THAT(coded("Putin dined at Kenya with Xi."), ElementsAre("043 RUSGOV->CHNGOV"));
  // plain words are a phrase too
  EXPECT_THAT(coded("Putin dined at the old palace with Xi."), ElementsAre("043 RUSGOV->CHNGOV"));
  // nothing to skip: no match
  EXPECT_TRUE(coded("Putin dined at with Xi.").empty());
}

TEST(Coder, ImportedHeadwordWrittenAsTheFormWinsATie) {
  // TABARI writes a headword as the form itself for a sense of its own ("LEFT" beside
  // "LEAVE"): on that form it is the more specific reading; other forms keep the lemma
  std::vector<VerbPatternSpec> specs{{"042", "{S} leave [{T}]", "x.verbs:1", true},
                                     {"032", "{S} left [{T}]", "x.verbs:2", true}};
  const auto coded = coder_over(specs);
  EXPECT_THAT(coded("Putin left for Kenya on Monday."), ElementsAre("032 RUSGOV->KEN"));
  EXPECT_THAT(coded("Putin is leaving for Kenya."), ElementsAre("042 RUSGOV->KEN"));
}

// The matcher skips a reading when a word it needs after the anchor is missing from the
// clause (the prefilter); words inside alternatives or optional parts are not needed, and
// a needed word before the anchor does not count.
TEST(Coder, PrefilterKeepsReadingsWhoseWordsAreOptionalOrAlternative) {
  std::vector<VerbPatternSpec> specs{{"036", "{S} (call|appeal) for (talks|negotiations) with {T}", "x.tsv:1", false},
                                     {"040", "{S} meet [again with] {T}", "x.tsv:2", false},
                                     {"043", "{S} (hold talks|talk) with {T}", "x.tsv:3", false}};
  const auto coded = coder_over(specs);
  EXPECT_THAT(coded("Putin called for negotiations with Xi."), ElementsAre("036 RUSGOV->CHNGOV"));
  EXPECT_THAT(coded("Putin appealed for talks with Xi."), ElementsAre("036 RUSGOV->CHNGOV"));
  EXPECT_THAT(coded("Putin met Xi."), ElementsAre("040 RUSGOV->CHNGOV"));
  EXPECT_THAT(coded("Putin met again with Xi."), ElementsAre("040 RUSGOV->CHNGOV"));
  EXPECT_THAT(coded("Putin held talks with Xi."), ElementsAre("043 RUSGOV->CHNGOV"));
  EXPECT_THAT(coded("Putin talked with Xi."), ElementsAre("043 RUSGOV->CHNGOV"));
  EXPECT_TRUE(coded("Putin held talks on Monday.").empty());
  EXPECT_TRUE(coded("With Xi, Putin held talks.").empty());
}

TEST(Coder, CompoundSubjectPatternsCodeEachMemberOnTheOthers) {
  // TABARI '%': "X and Y agreed" is X->Y and Y->X; a single subject does not match
  std::vector<VerbPatternSpec> specs{{"030", "{S} agree", "x.verbs:1", true, true}};
  auto c = EventCoder::load(testing_events::kData, specs, {}, true);
  ASSERT_TRUE(c.ok()) << c.error().str();
  auto code = [&](const std::string& text) {
    Document d = testing_events::make_doc(text, testing_events::fixture_marks());
    c.value()->code(d);
    return briefs(d);
  };
  EXPECT_THAT(code("Russia and China agreed on Monday."), UnorderedElementsAre("030 RUS->CHN", "030 CHN->RUS"));
  EXPECT_THAT(code("Russia, China and Kenya agreed."),
              UnorderedElementsAre("030 RUS->CHN", "030 RUS->KEN", "030 CHN->RUS", "030 CHN->KEN", "030 KEN->RUS",
                                   "030 KEN->CHN"));
  // no object is looked for after the verb
  EXPECT_THAT(code("Russia and China agreed with Ukraine."), UnorderedElementsAre("030 RUS->CHN", "030 CHN->RUS"));
  EXPECT_TRUE(code("Russia agreed with Ukraine.").empty());
}

TEST(Coder, ImportedVerbsDoNotFollowADeterminer) {
  // PETRARCH codes verbs only: "the meeting" is a noun for its patterns, even as a gerund
  std::vector<VerbPatternSpec> specs{{"031", "{S} meet {T}", "x.verbs:1", true}};
  auto c = EventCoder::load(testing_events::kData, specs, {}, true);
  ASSERT_TRUE(c.ok()) << c.error().str();
  Document a = testing_events::make_doc("Russia praised the meeting with China.", testing_events::fixture_marks());
  c.value()->code(a);
  EXPECT_TRUE(a.events.empty());
  Document b = testing_events::make_doc("Russia is meeting China.", testing_events::fixture_marks());
  c.value()->code(b);
  EXPECT_THAT(briefs(b), ElementsAre("031 RUS->CHN"));
}

TEST(Coder, ImportedPatternsTakeACodedPlaceAsObject) {
  // PETRARCH's object is any actor of the verb phrase: "at X" too, when X is a coded actor;
  // an uncoded place stays where, not whom
  std::vector<VerbPatternSpec> specs{{"194", "{S} fire * artillery", "x.verbs:1", true}};
  auto c = EventCoder::load(testing_events::kData, specs, {}, true);
  ASSERT_TRUE(c.ok()) << c.error().str();
  Document a = testing_events::make_doc("Russia fired artillery at Nairobi.", testing_events::fixture_marks());
  c.value()->code(a);
  EXPECT_THAT(briefs(a), ElementsAre("194 RUS->KEN"));
  Document b = testing_events::make_doc("Russia fired artillery at Harbin.", testing_events::fixture_marks());
  c.value()->code(b);
  EXPECT_TRUE(b.events.empty());
}

TEST(Coder, ReverseCodeCodesTheObjectBack) {
  // TABARI "[032:033]" on a bare verb: X->Y 032 and Y->X 033 for the object found
  VerbPatternSpec spec{"032", "{S} arrive [{T}]", "x.verbs:1", true};
  spec.reverse_code = "033";
  auto c = EventCoder::load(testing_events::kData, {spec}, {}, true);
  ASSERT_TRUE(c.ok()) << c.error().str();
  Document a = testing_events::make_doc("Putin arrived in Nairobi.", testing_events::fixture_marks());
  c.value()->code(a);
  EXPECT_THAT(briefs(a), UnorderedElementsAre("032 RUSGOV->KEN", "033 KEN->RUSGOV"));
  Document b = testing_events::make_doc("Putin arrived.", testing_events::fixture_marks());
  c.value()->code(b);
  EXPECT_TRUE(b.events.empty());
}

// TABARI-style flat patterns (VerbPatternSpec::flat) read the words after the verb as plain
// words of the sentence: they may match in the "that" clause the verb governs, and the longer
// reading wins over the bare verb. A phrase-group pattern (flat off) stays in its clause.
TEST(Coder, FlatPatternsReachIntoTheGovernedThatClause) {
  VerbPatternSpec bare{"080", "{S} admit [{T}]", "x.verbs:1", true};
  VerbPatternSpec flat{"024", "{S} admit * quite dull", "x.verbs:2", true};
  flat.flat = true;
  const auto coded_flat = coder_over({bare, flat});
  EXPECT_THAT(coded_flat("Russia admitted that Kenya is a quite dull country."), ElementsAre("024 RUS->KEN"));
  // the words must be there: the bare verb stays
  EXPECT_THAT(coded_flat("Russia admitted that Kenya is a lively country."), ElementsAre("080 RUS->KEN"));
  // within the verb's own clause a flat pattern matches as any pattern does
  EXPECT_THAT(coded_flat("Russia admitted the quite dull talks with Kenya."), ElementsAre("024 RUS->KEN"));
  // a word the flat match took anchors nothing more in the "that" clause
  VerbPatternSpec regret_in{"024", "{S} admit * regret", "x.verbs:3", true};
  regret_in.flat = true;
  const auto coded_regret = coder_over({bare, regret_in, {"111", "{S} regret [{T}]", "x.verbs:4", true}});
  EXPECT_THAT(coded_regret("Russia admitted that Kenya regretted the talks with China."), ElementsAre("024 RUS->KEN"));
  EXPECT_THAT(coded_regret("Kenya regretted the talks with China."), ElementsAre("111 KEN->CHN"));
  flat.flat = false;
  const auto coded_grouped = coder_over({bare, flat});
  EXPECT_THAT(coded_grouped("Russia admitted that Kenya is a quite dull country."), ElementsAre("080 RUS->KEN"));
}

// A request verb of data/cameo/requests.tsv, its object and "to": the infinitive is the act
// asked for, not an act of the subject and not done; the request keeps its own pattern. With
// no object ("agreed to", "asked to") the subject does the infinitive.
TEST(Coder, RequestedInfinitiveIsNoActOfTheSubject) {
  const auto coded = coder_over({{"190", "{S} attack [{T}]", "x.tsv:1", false},
                                 {"102", "{S} urge [{T}]", "x.tsv:2", false},
                                 {"020", "{S} call on {T}", "x.tsv:3", false}});
  EXPECT_THAT(coded("Russia urged China to attack Ukraine."), ElementsAre("102 RUS->CHN"));
  EXPECT_THAT(coded("Russia called on China and Kenya on Monday to attack Ukraine."),
              UnorderedElementsAre("020 RUS->CHN", "020 RUS->KEN"));
  EXPECT_THAT(coded("Russia urged the small rebel groups to attack Ukraine."),
              ElementsAre(::testing::StartsWith("102 RUS->")));
  EXPECT_TRUE(coded("Russia told them to attack Ukraine.").empty());
  EXPECT_TRUE(coded("Russia invited Kenya to attack Ukraine.").empty());
  // the subject acts
  EXPECT_THAT(coded("Russia agreed to attack Ukraine."), ElementsAre("190 RUS->UKR"));
  EXPECT_THAT(coded("Russia asked to attack Ukraine."), ElementsAre("190 RUS->UKR"));
  EXPECT_THAT(coded("Russia plans to attack Ukraine."), ElementsAre("190 RUS->UKR"));
  // a verb that is no request: the act stays
  EXPECT_THAT(coded("Russia helped Kenya to attack Ukraine."), ElementsAre("190 KEN->UKR"));
  // a noun in -ly after a determiner is the object, not an adverb before "to"
  EXPECT_TRUE(coded("Russia told its ally to attack Ukraine.").empty());
  EXPECT_THAT(coded("Russia urged the assembly to attack Ukraine."),
              ::testing::Each(::testing::Not(::testing::StartsWith("190"))));
  EXPECT_THAT(coded("Russia urged China strongly to attack Ukraine."), ElementsAre("102 RUS->CHN"));
}

// TABARI '+' before the verb and '$' after it: the actor before the anchor is the target,
// the one the pattern names after it the source (not the verb's default object).
TEST(Coder, TargetSlotBeforeTheVerbIsTheSubject) {
  const auto coded = coder_over({{"046", "{T} * hosting * celebrate * {S}", "x.verbs:1", true}});
  EXPECT_THAT(coded("Russia will be hosting China to celebrate the day with Kenya."), ElementsAre("046 KEN->RUS"));
}

// After an adverb of degree ("very", "quite") a word is an adjective or adverb, not a verb;
// "too" before a verb is "also" ("Russia too closed ...").
TEST(Coder, NoVerbAfterAnAdverbOfDegree) {
  const auto coded =
      coder_over({{"192", "{S} close * border", "x.verbs:1", true}, {"181", "{S} march [{T}]", "x.verbs:2", true}});
  EXPECT_THAT(coded("Russia marched quite close to the border of Kenya."), ElementsAre("181 RUS->KEN"));
  EXPECT_THAT(coded("Russia closed the border with Kenya."), ElementsAre("192 RUS->KEN"));
  EXPECT_THAT(coded("Russia too closed the border with Kenya."), ElementsAre("192 RUS->KEN"));
}

// An imported (TABARI/PETRARCH) pattern's {S} takes any mention an actor dictionary coded,
// also one typed as a place ("money from X"); dyad's own patterns keep places out of {S}.
TEST(Coder, ImportedSourceSlotTakesACodedPlaceMention) {
  std::vector<testing_events::Mark> marks{{"Russia", "RUS", MentionKind::country, "", ""},
                                          {"Gondolin", "GDL", MentionKind::location, "", ""}};
  const auto code = [&](bool imported) {
    auto c = EventCoder::load(testing_events::kData, {{"071", "{T} * receive * \"money\" * {S}", "x:1", imported}}, {},
                              true);
    EXPECT_TRUE(c.ok());
    Document d = testing_events::make_doc("Russia received money from Gondolin.", marks);
    if (c.ok()) c.value()->code(d);
    return briefs(d);
  };
  EXPECT_THAT(code(true), ElementsAre("071 GDL->RUS"));
  EXPECT_TRUE(code(false).empty());
}

TEST(Coder, AgentBeforeACountryListStandsForEachCountry) {
  // "the officials of A, B and C" is the officials of each; the list is no subject by itself
  EXPECT_THAT(briefs(code_text("The officials of Russia, China and Ukraine attacked Kenya.")),
              UnorderedElementsAre("190 RUSGOV->KEN", "190 CHNGOV->KEN", "190 UKRGOV->KEN"));
  EXPECT_THAT(briefs(code_text("Leaders and officials in Russia and China attacked Kenya.")),
              UnorderedElementsAre("190 RUSGOV->KEN", "190 CHNGOV->KEN"));
  // a target too
  EXPECT_THAT(briefs(code_text("Kenya attacked officials in Russia and China.")),
              UnorderedElementsAre("190 KEN->RUSGOV", "190 KEN->CHNGOV"));
}

TEST(Coder, AnEntryForSeveralActorsCodesEach) {
  // a dictionary entry with several codes ("[KEN/UGA]") stands for each of them
  Document d = testing_events::make_doc("Russia attacked Kenya.", testing_events::fixture_marks());
  for (Mention& m : d.mentions)
    if (m.actor.code == "KEN") m.also_codes = {"UGA"};
  testing_events::coder().code(d);
  EXPECT_THAT(briefs(d), UnorderedElementsAre("190 RUS->KEN", "190 RUS->UGA"));
}

TEST(Coder, ReportingVerbIsAStatementOnlyWithoutCodedContent) {
  EXPECT_THAT(briefs(code_text("Putin said on Monday.")), ElementsAre("010 RUSGOV->-"));
  Document c = code_text("Putin said that Russia attacked Ukraine.");
  ASSERT_THAT(briefs(c), ElementsAre("190 RUS->UKR"));
  EXPECT_EQ(c.events[0].attributed_to, "Putin");
  EXPECT_THAT(briefs(code_text("Russia attacked Ukraine, Putin said.")), ElementsAre("190 RUS->UKR"));
}

TEST(Coder, TheTwoLeadersAreTheLastTwoPeople) {
  Document doc = code_text("Putin arrived in Beijing for talks with Xi. The two leaders signed a statement.");
  EXPECT_THAT(briefs(doc), UnorderedElementsAre("042 RUSGOV->CHN", "057 RUSGOV->CHNGOV", "057 CHNGOV->RUSGOV"));
}

TEST(Coder, CoordinatedVerbsCarryTheSubject) {
  Document doc = code_text("Putin arrived in Beijing and met Xi.");
  EXPECT_THAT(briefs(doc), ElementsAre("042 RUSGOV->CHN", "040 RUSGOV->CHNGOV"));
  ASSERT_EQ(doc.events.size(), 2U);
  ASSERT_TRUE(doc.events[0].location.has_value());
  EXPECT_FALSE(doc.events[1].location.has_value());  // "in Beijing" belongs to the other clause
}

TEST(Coder, CoordinatedClausesWithOwnSubjects) {
  Document doc = code_text("Russia attacked Ukraine and China condemned Russia.");
  EXPECT_THAT(briefs(doc), ElementsAre("190 RUS->UKR", "111 CHN->RUS"));
}

TEST(Coder, Appositions) {
  Document doc = code_text("Yury Ushakov, a top aide to Putin, met Xi.");
  ASSERT_THAT(briefs(doc), ElementsAre("040 RUSGOV->CHNGOV"));
  EXPECT_EQ(doc.events[0].source.text, "Yury Ushakov");
}

TEST(Coder, RelativeClauses) {
  Document doc = code_text("Putin, who arrived in Beijing on Thursday, met Xi.", "2024-05-17");
  ASSERT_THAT(briefs(doc), UnorderedElementsAre("042 RUSGOV->CHN", "040 RUSGOV->CHNGOV"));
  const Event* arrive = find_event(doc, "042 RUSGOV->CHN");
  const Event* meet = find_event(doc, "040 RUSGOV->CHNGOV");
  EXPECT_EQ(arrive->source.text, "Putin");
  EXPECT_EQ(arrive->date.iso(), "2024-05-16");
  ASSERT_TRUE(arrive->location.has_value());
  EXPECT_FALSE(meet->location.has_value());
  EXPECT_EQ(meet->date_basis, "article");  // "on Thursday" is the relative clause's, not the meeting's
}

TEST(Coder, Nominalisations) {
  Document visit = code_text("Putin's visit to China drew attention.");
  ASSERT_THAT(briefs(visit), ElementsAre("042 RUSGOV->CHN"));
  EXPECT_EQ(visit.events[0].span.of(visit.article.text), "Putin's visit to China");
  Document sign = code_text("Xi and Putin attended the signing of a joint statement.");
  EXPECT_THAT(briefs(sign), UnorderedElementsAre("057 CHNGOV->RUSGOV", "057 RUSGOV->CHNGOV"));
  Document talks = code_text("The talks between Xi and Putin lasted hours.");
  EXPECT_THAT(briefs(talks), UnorderedElementsAre("040 CHNGOV->RUSGOV", "040 RUSGOV->CHNGOV"));
}

TEST(Coder, Coreference) {
  Document he = code_text("Putin arrived in Beijing. He met Xi.");
  EXPECT_THAT(briefs(he), ElementsAre("042 RUSGOV->CHN", "040 RUSGOV->CHNGOV"));
  Document two = code_text("Putin met Xi and Yury Ushakov. Later, Xi and Putin spoke. The two leaders signed a deal.");
  EXPECT_NE(find_event(two, "057 CHNGOV->RUSGOV"), nullptr) << ::testing::PrintToString(briefs(two));
  EXPECT_NE(find_event(two, "057 RUSGOV->CHNGOV"), nullptr);
}

TEST(Coder, LocationOnlyFromTheClause) {
  Document doc = code_text("Putin travelled to Harbin. Putin met Xi.");
  ASSERT_THAT(briefs(doc), ElementsAre("042 RUSGOV->CHN", "040 RUSGOV->CHNGOV"));  // a place stands for its country
  EXPECT_FALSE(doc.events[0].location.has_value());  // "to" names the destination, not where it happened
  Document two = code_text("Putin was in Harbin. Putin met Xi.");
  ASSERT_EQ(two.events.size(), 1U);
  EXPECT_FALSE(two.events[0].location.has_value());  // never borrowed from another sentence
  Document at = code_text("Putin met Xi at the summit in Harbin.");
  ASSERT_EQ(at.events.size(), 1U);
  ASSERT_TRUE(at.events[0].location.has_value());
  EXPECT_EQ(at.events[0].location->name, "Harbin");
  EXPECT_EQ(at.events[0].location->country, "CHN");
}

// Regression: "the targeted firms" was coded as an attack; a verb cannot follow a determiner.
TEST(Coder, ParticipleAfterDeterminerIsNotAVerb) {
  EXPECT_THAT(briefs(code_text("Putin said the attacked Ukraine would recover.")),
              ::testing::Not(::testing::Contains(::testing::HasSubstr("190"))));
  EXPECT_THAT(briefs(code_text("Xi said the arrested protesters were freed.")),
              ::testing::Not(::testing::Contains(::testing::HasSubstr("173"))));
  // The finite verb still codes, and gerunds after a determiner stay nominal events.
  EXPECT_THAT(briefs(code_text("Putin attacked Ukraine.")), ElementsAre("190 RUSGOV->UKR"));
  EXPECT_THAT(briefs(code_text("Xi and Putin attended the signing of a joint statement.")),
              UnorderedElementsAre("057 CHNGOV->RUSGOV", "057 RUSGOV->CHNGOV"));
}

TEST(Coder, OpinionsAreNotEvents) {
  EXPECT_TRUE(code_text("The strongman Putin is a genocidal dictator.").events.empty());
  EXPECT_TRUE(code_text("Putin, a ruthless autocrat, is popular in Russia.").events.empty());
}

TEST(Coder, ExactFormsAndLongestPatternWins) {
  Document exact = code_text("Russia seized Ukraine.");
  ASSERT_THAT(briefs(exact), ElementsAre("1711 RUS->UKR"));
  EXPECT_TRUE(code_text("Russia seizes Ukraine.").events.empty());  // "seized" is an exact form
  Document acc = code_text("Ukraine accused Russia of shelling Kyiv.");
  ASSERT_FALSE(acc.events.empty());
  EXPECT_EQ(acc.events[0].cameo, "112");
  EXPECT_NE(acc.events[0].rule.find("{S} accuse {T} of"), std::string::npos) << acc.events[0].rule;
  Document intent = code_text("Xi expressed a wish to meet Putin.");
  EXPECT_THAT(briefs(intent), ElementsAre("036 CHNGOV->RUSGOV"));  // longer than "{S} meet {T}"
}

TEST(Coder, UncodableSentencesAreSkipped) {
  Document doc = testing_events::make_doc("Putin visited China.", testing_events::fixture_marks());
  ASSERT_EQ(doc.text.sentences.size(), 1U);
  doc.text.sentences[0].flags |= kBoilerplate;
  testing_events::coder().code(doc);
  EXPECT_TRUE(doc.events.empty());
}

TEST(Coder, Discards) {
  auto specs = read_verb_patterns(testing_events::kFixtures + "/verbs.tsv", testing_events::clause_words());
  ASSERT_TRUE(specs.ok());
  auto c = EventCoder::load(testing_events::kData, specs.value(),
                            {{"video game", "", "d.tsv:1"}, {"state visit", "042", "d.tsv:2"}}, true);
  ASSERT_TRUE(c.ok()) << c.error().str();
  Document a = testing_events::make_doc("In the video game, Russia attacked Ukraine.", testing_events::fixture_marks());
  c.value()->code(a);
  EXPECT_TRUE(a.events.empty());
  Document b = testing_events::make_doc("On a state visit, Putin visited China and attacked Ukraine.",
                                        testing_events::fixture_marks());
  c.value()->code(b);
  EXPECT_THAT(briefs(b), ElementsAre("042 RUSGOV->CHN"));
  auto bad = EventCoder::load(testing_events::kData, {}, {{"x", "777", "d.tsv:5"}}, true);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().line, 5U);
}

TEST(Coder, StableIdsAndExplain) {
  Document a = code_text("Putin arrived in Beijing on Thursday.");
  Document b = code_text("Putin arrived in Beijing on Thursday.");
  ASSERT_EQ(a.events.size(), 1U);
  EXPECT_EQ(a.events[0].id, b.events[0].id);
  Document c = code_text("Putin arrived in Beijing on Thursday. Putin arrived in Beijing on Thursday.");
  ASSERT_EQ(c.events.size(), 2U);
  EXPECT_NE(c.events[0].id, c.events[1].id);
  const std::string text = testing_events::coder().explain(a, a.events[0]);
  EXPECT_NE(text.find("verbs.tsv:6"), std::string::npos) << text;
  EXPECT_NE(text.find("arrived in Beijing"), std::string::npos);
  EXPECT_NE(text.find("mode: happened"), std::string::npos);
  EXPECT_NE(text.find("on Thursday"), std::string::npos);
  EXPECT_NE(text.find("place: Beijing"), std::string::npos);
}

TEST(Coder, FixtureArticlesEmitOnlyCodebookCodes) {
  std::ifstream in(testing_events::kFixtures + "/articles.jsonl");
  ASSERT_TRUE(in.good());
  const Codebook& cb = testing_events::coder().codebook();
  size_t articles = 0, events = 0;
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line);
    Document doc = testing_events::make_doc(j["text"].get<std::string>(), testing_events::fixture_marks(),
                                            j["published"].get<std::string>());
    testing_events::coder().code(doc);
    ++articles;
    for (const Event& e : doc.events) {
      ++events;
      const CameoEntry* ce = cb.find(e.cameo);
      ASSERT_NE(ce, nullptr) << e.cameo;
      // an announced or hedged act takes the type's announced_as (data/plover/types.tsv)
      const bool announced =
          (e.mode == EventMode::expected || e.mode == EventMode::possible) && !ce->plover_announced.empty();
      EXPECT_EQ(e.plover, announced ? ce->plover_announced : ce->plover);
      EXPECT_EQ(e.quad_class, ce->quad_class);
      EXPECT_DOUBLE_EQ(e.goldstein, ce->goldstein);
      EXPECT_FALSE(e.rule.empty());
      EXPECT_FALSE(e.span.empty());
      EXPECT_LT(e.sentence, doc.text.sentences.size());
      const Span& s = doc.text.sentences[e.sentence].span;
      EXPECT_GE(e.span.offset, s.offset);
      EXPECT_LE(e.span.end(), s.end());
      EXPECT_FALSE(e.source.code.empty());
    }
  }
  EXPECT_EQ(articles, 4U);
  EXPECT_GE(events, 10U);
}

TEST(Coder, FixtureArticleTwoHistoryHasItsOwnDate) {
  std::ifstream in(testing_events::kFixtures + "/articles.jsonl");
  std::string line;
  std::getline(in, line);
  std::getline(in, line);
  auto j = nlohmann::json::parse(line);
  Document doc = testing_events::make_doc(j["text"].get<std::string>(), testing_events::fixture_marks(),
                                          j["published"].get<std::string>());
  testing_events::coder().code(doc);
  const Event* host = find_event(doc, "043 CHNGOV->RUSGOV");
  ASSERT_NE(host, nullptr) << ::testing::PrintToString(briefs(doc));
  EXPECT_EQ(host->mode, EventMode::expected);
  ASSERT_TRUE(host->location.has_value());
  EXPECT_EQ(host->location->name, "Beijing");
}

// Sequence of tenses: in the complement of a past (or participial) verb of saying,
// "would" is the backshifted "will".
TEST(Coder, SequenceOfTensesInReportedSpeech) {
  for (const char* text :
       {"Putin told reporters that Xi would visit Russia.", "Putin stated that Xi would visit Russia.",
        "The ministry gave no details, stating only that Xi would visit Russia."}) {
    Document doc = code_text(text, "2024-05-14");
    const Event* e = find_event(doc, "042 CHNGOV->RUS");
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->mode, EventMode::expected) << text;
    EXPECT_FALSE(e->attributed_to.empty()) << text;
  }
  // the participle's speaker is the sentence's subject
  Document part = code_text("The ministry gave no details, stating only that Xi would visit Russia.");
  ASSERT_NE(find_event(part, "042 CHNGOV->RUS"), nullptr);
  EXPECT_EQ(find_event(part, "042 CHNGOV->RUS")->attributed_to, "ministry");
  // plain "would" and a conditional stay possible
  for (const char* text : {"Xi would visit Russia.", "Putin says Xi would visit Russia."}) {
    Document doc = code_text(text);
    ASSERT_NE(find_event(doc, "042 CHNGOV->RUS"), nullptr) << text;
    EXPECT_EQ(find_event(doc, "042 CHNGOV->RUS")->mode, EventMode::possible) << text;
  }
}

// A nominal event whose clause names no actor takes its participants from the discourse.
TEST(Coder, NominalEventTakesActorsFromContext) {
  // "of the meeting" refers to the meeting coded a sentence before; signing is reciprocal
  Document doc = code_text(
      "Xi met Putin in Beijing. Russia attacked Ukraine. The open part of the meeting would feature the signing of a "
      "joint statement.");
  EXPECT_THAT(briefs(doc),
              UnorderedElementsAre("040 CHNGOV->RUSGOV", "190 RUS->UKR", "057 CHNGOV->RUSGOV", "057 RUSGOV->CHNGOV"));
  for (const Event& e : doc.events) {
    EXPECT_NE(e.source.code, "CVL");
    if (e.cameo == "057") {
      EXPECT_NE(e.rule.find("(actors from context)"), std::string::npos) << e.rule;
      EXPECT_EQ(e.mode, EventMode::possible);  // plain "would", no reporting verb
    }
  }
  // without a referring noun: the nearest preceding event with a source and a target
  Document near = code_text("Putin met Xi on Thursday; the talks ended with the signing of an agreement.");
  EXPECT_NE(find_event(near, "057 RUSGOV->CHNGOV"), nullptr);
  EXPECT_NE(find_event(near, "057 CHNGOV->RUSGOV"), nullptr);
  // in reported speech the nominal is expected and attributed
  Document said = code_text(
      "Putin will meet Xi. Yury Ushakov said that the visit would end with the signing of a treaty.", "2024-05-14");
  const Event* sign = find_event(said, "057 RUSGOV->CHNGOV");
  ASSERT_NE(sign, nullptr);
  EXPECT_EQ(sign->mode, EventMode::expected);
  EXPECT_EQ(sign->attributed_to, "Yury Ushakov");
  // no context: nothing is coded, never a generic actor
  EXPECT_THAT(briefs(code_text("The public expects the signing of a joint statement.")), ElementsAre());
  // more than two sentences back is out of reach
  EXPECT_EQ(find_event(code_text("Putin met Xi. It rained. It was cold. The signing of a treaty followed."),
                       "057 RUSGOV->CHNGOV"),
            nullptr);
  // a named subject keeps its role
  EXPECT_NE(find_event(code_text("Putin met Xi. Russia welcomed the signing of a treaty."), "057 RUS->-"), nullptr);
}

// A planned event that is called off (data/cameo/cancellations.tsv) is coded as the event
// itself, negated: actors from the noun phrase, from the cancelling verb's subject, or from
// context.
TEST(Coder, CalledOffEventIsNegated) {
  auto negated = [](const std::string& text, const std::string& brief) {
    Document doc = code_text(text, "2024-05-14");
    const Event* e = find_event(doc, brief);
    EXPECT_NE(e, nullptr) << text << " -> " << ::testing::PrintToString(briefs(doc));
    if (e != nullptr) {
      EXPECT_EQ(e->mode, EventMode::negated) << text;
      EXPECT_EQ(e->date.iso(), text.find("Friday") != std::string::npos ? "2024-05-17" : "2024-05-14") << text;
    }
  };
  // passive after the noun phrase, with the plan's date inside it
  negated("Putin's visit to China on Friday has been called off.", "042 RUSGOV->CHN");
  negated("Putin's visit to China was cancelled, the Kremlin said.", "042 RUSGOV->CHN");
  negated("Putin's planned visit to China is to be put off.", "042 RUSGOV->CHN");
  // a chain of prepositional phrases between the nominal and the cancellation
  negated("Putin's visit to China for talks on energy supplies with the new leadership was postponed.",
          "042 RUSGOV->CHN");
  // the cancelling verb's subject owns the visit
  negated("Putin cancelled a visit to China.", "042 RUSGOV->CHN");
  negated("Xi postponed his visit to Russia on Friday.", "042 CHNGOV->RUS");
  negated("Xi has called off a planned two-day visit to Russia.", "042 CHNGOV->RUS");
  // "talks between A and B": both directions, "planned" is overridden
  negated("The planned talks between Putin and Xi were cancelled.", "040 RUSGOV->CHNGOV");
  negated("The planned talks between Putin and Xi were cancelled.", "040 CHNGOV->RUSGOV");
  // a noun: "the cancellation of ..."
  negated("Russia announced the cancellation of Putin's visit to China.", "042 RUSGOV->CHN");
  // actors from context: the planned signing of the sentence before is called off
  Document ctx =
      code_text("Putin and Xi were to sign a treaty on Friday. The signing of the treaty was postponed.", "2024-05-14");
  int off = 0;
  for (const Event& e : ctx.events)
    if (e.cameo == "057" && e.sentence == 1) {
      EXPECT_EQ(e.mode, EventMode::negated);
      EXPECT_NE(e.rule.find("(actors from context)"), std::string::npos) << e.rule;
      ++off;
    }
  EXPECT_EQ(off, 2) << ::testing::PrintToString(briefs(ctx));
  // hedged: possible, not negated
  Document maybe = code_text("Putin's visit to China could be postponed.");
  ASSERT_NE(find_event(maybe, "042 RUSGOV->CHN"), nullptr);
  EXPECT_EQ(find_event(maybe, "042 RUSGOV->CHN")->mode, EventMode::possible);
  // a cancellation that is denied claims nothing about the visit
  EXPECT_EQ(find_event(code_text("Putin's visit to China has not been called off."), "042 RUSGOV->CHN"), nullptr);
  EXPECT_EQ(find_event(code_text("Putin did not cancel his visit to China."), "042 RUSGOV->CHN"), nullptr);
  // no cancellation: unchanged
  Document done = code_text("Putin's visit to China ended on Friday.", "2024-05-18");
  ASSERT_NE(find_event(done, "042 RUSGOV->CHN"), nullptr);
  EXPECT_EQ(find_event(done, "042 RUSGOV->CHN")->mode, EventMode::happened);
  // an unrelated participle later in the clause is not a cancellation
  Document other = code_text("Putin's visit to China followed talks that were cancelled.");
  ASSERT_NE(find_event(other, "042 RUSGOV->CHN"), nullptr);
  EXPECT_EQ(find_event(other, "042 RUSGOV->CHN")->mode, EventMode::happened);
}

TEST(Coder, CancellationPhrasesAreValidatedWithFileAndLine) {
  const auto dir = std::filesystem::temp_directory_path() / ("dyad_cancel_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string head = "phrase\tkind\tnote\tas_of\n";
  auto fails = [&](const std::string& row, const std::string& what) {
    const auto f = (dir / "c.tsv").string();
    std::ofstream(f) << head << row;
    auto r = read_cancellation_phrases(f);
    ASSERT_FALSE(r.ok()) << row;
    EXPECT_NE(r.error().str().find("c.tsv:2"), std::string::npos) << r.error().str();
    EXPECT_NE(r.error().str().find(what), std::string::npos) << r.error().str();
  };
  fails("Cancel\tverb\tx\t2026-11-24\n", "lower-case");
  fails("cancel\tadverb\tx\t2026-11-24\n", "kind");
  fails("cancellation\tnoun\tx\t2026-11-24\n", "end in 'of'");
  fails("cancel\tverb\t\t2026-11-24\n", "no note");
  fails("call  off\tverb\tx\t2026-11-24\n", "one space");
  {
    const auto f = (dir / "c.tsv").string();
    std::ofstream(f) << head << "cancel\tverb\tx\t2026-11-24\ncancel\tverb\ty\t2026-11-24\n";
    auto r = read_cancellation_phrases(f);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().str().find("c.tsv:3"), std::string::npos) << r.error().str();
    EXPECT_NE(r.error().str().find("twice"), std::string::npos) << r.error().str();
  }
  auto bundled = read_cancellation_phrases(testing_events::kData + "/cameo/cancellations.tsv");
  ASSERT_TRUE(bundled.ok()) << bundled.error().str();
  EXPECT_GE(bundled->size(), 10U);
  std::filesystem::remove_all(dir);
}

TEST(Coder, ReportingVerbsAreOneWordEachValidatedWithFileAndLine) {
  const auto dir = std::filesystem::temp_directory_path() / ("dyad_reporting_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string head = "phrase\thearer\tnote\tas_of\n";
  const auto f = (dir / "v.tsv").string();
  auto fails = [&](const std::string& rows, const std::string& where, const std::string& what) {
    std::ofstream(f) << head << rows;
    auto r = read_reporting_verbs(f);
    ASSERT_FALSE(r.ok()) << rows;
    EXPECT_NE(r.error().str().find(where), std::string::npos) << r.error().str();
    EXPECT_NE(r.error().str().find(what), std::string::npos) << r.error().str();
  };
  fails("Admit\tnone\tx\t2026-11-24\n", "v.tsv:2", "lower-case");
  fails("point out\tnone\tx\t2026-11-24\n", "v.tsv:2", "one word");
  fails("admit\tnone\t\t2026-11-24\n", "v.tsv:2", "no note");
  fails("admit\tnone\tx\t2026-11-24\nadmit\tnone\ty\t2026-11-24\n", "v.tsv:3", "twice");
  fails("concede\tnone\tx\t2026-11-24\nnotify\tyes\tx\t2026-11-24\n", "v.tsv:3", "'object' or 'none'");
  std::ofstream(f) << "phrase\tnote\tas_of\nconcede\tx\t2026-11-24\n";
  EXPECT_FALSE(read_reporting_verbs(f).ok()) << "the hearer column is required";
  std::ofstream(f) << head << "concede\tnone\tx\t2026-11-24\nnotify\tobject\tx\t2026-11-24\n";
  auto ok = read_reporting_verbs(f);
  ASSERT_TRUE(ok.ok()) << ok.error().str();
  ASSERT_EQ(ok->size(), 2U);
  EXPECT_EQ((*ok)[0].lemma, "concede");
  EXPECT_FALSE((*ok)[0].hearer_object);
  EXPECT_EQ((*ok)[1].lemma, "notify");
  EXPECT_TRUE((*ok)[1].hearer_object);
  auto bundled = read_reporting_verbs(testing_events::kData + "/cameo/reporting.tsv");
  ASSERT_TRUE(bundled.ok()) << bundled.error().str();
  std::vector<std::string> lemmas, told;
  for (const auto& v : *bundled) {
    lemmas.push_back(v.lemma);
    if (v.hearer_object) told.push_back(v.lemma);
  }
  EXPECT_THAT(lemmas, IsSupersetOf({"say", "warn", "conclude", "concede", "acknowledge"}));
  EXPECT_THAT(told, IsSupersetOf({"tell", "warn", "inform", "notify", "remind", "assure"}));
  EXPECT_THAT(told, Not(Contains("say")));
  std::filesystem::remove_all(dir);
}

TEST(Coder, RequestVerbsAreValidatedWithFileAndLine) {
  const auto dir = std::filesystem::temp_directory_path() / ("dyad_request_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string head = "phrase\tnote\tas_of\n";
  const auto f = (dir / "r.tsv").string();
  auto fails = [&](const std::string& rows, const std::string& where, const std::string& what) {
    std::ofstream(f) << head << rows;
    auto r = read_request_verbs(f);
    ASSERT_FALSE(r.ok()) << rows;
    EXPECT_NE(r.error().str().find(where), std::string::npos) << r.error().str();
    EXPECT_NE(r.error().str().find(what), std::string::npos) << r.error().str();
  };
  fails("Urge\tx\t2026-11-23\n", "r.tsv:2", "lower-case");
  fails("call  on\tx\t2026-11-23\n", "r.tsv:2", "one space");
  fails("call on them now\tx\t2026-11-23\n", "r.tsv:2", "three words");
  fails("urge\t\t2026-11-23\n", "r.tsv:2", "no note");
  fails("urge\tx\t2026-11-23\nurge\ty\t2026-11-23\n", "r.tsv:3", "twice");
  std::ofstream(f) << head << "call on\tx\t2026-11-23\n";
  auto ok = read_request_verbs(f);
  ASSERT_TRUE(ok.ok()) << ok.error().str();
  EXPECT_THAT(*ok, ElementsAre(std::vector<std::string>{"call", "on"}));
  auto bundled = read_request_verbs(testing_events::kData + "/cameo/requests.tsv");
  ASSERT_TRUE(bundled.ok()) << bundled.error().str();
  EXPECT_GE(bundled->size(), 10U);
  // particle senses: the same rules, with a verb and at least one word after its object
  std::ofstream(f) << head << "hold\tx\t2026-11-23\n";
  auto one = read_particle_senses(f);
  ASSERT_FALSE(one.ok());
  EXPECT_NE(one.error().str().find("r.tsv:2"), std::string::npos) << one.error().str();
  EXPECT_NE(one.error().str().find("two to three words"), std::string::npos) << one.error().str();
  auto particles = read_particle_senses(testing_events::kData + "/cameo/particle_senses.tsv");
  ASSERT_TRUE(particles.ok()) << particles.error().str();
  EXPECT_THAT(*particles, ::testing::Contains(std::vector<std::string>{"hold", "at", "bay"}));
  std::filesystem::remove_all(dir);
}

// A when/while clause without a time expression takes the one of the clause it attaches
// to, and the other way round, read in its own tense.
TEST(Coder, WhenClauseSharesTheTimeExpression) {
  Document doc = code_text("Xi and Putin met in October, when Putin visited China.", "2024-05-14");
  const Event* trip = find_event(doc, "042 RUSGOV->CHN");
  ASSERT_NE(trip, nullptr);
  EXPECT_EQ(trip->date.iso(), "2023-10");
  EXPECT_EQ(trip->date_basis, "expression:month");
  Document back = code_text("When Putin visited China in October, he met Xi.", "2024-05-14");
  const Event* meet = find_event(back, "040 RUSGOV->CHNGOV");
  ASSERT_NE(meet, nullptr);
  EXPECT_EQ(meet->date.iso(), "2023-10");
  // future tense reads the same words forward
  Document fut = code_text("Putin will travel to China in October, when he will meet Xi.", "2024-05-14");
  ASSERT_NE(find_event(fut, "040 RUSGOV->CHNGOV"), nullptr);
  EXPECT_EQ(find_event(fut, "040 RUSGOV->CHNGOV")->date.iso(), "2024-10");
  // an unrelated clause keeps the article's date
  Document other = code_text("Xi and Putin met in October. Putin traveled to China.", "2024-05-14");
  ASSERT_NE(find_event(other, "042 RUSGOV->CHN"), nullptr);
  EXPECT_EQ(find_event(other, "042 RUSGOV->CHN")->date_basis, "article");
}

// A visit is to another country: an arrival in one's own country is no 042.
TEST(Coder, NoVisitIntoOwnCountry) {
  EXPECT_THAT(briefs(code_text("Xi arrived in Beijing.")), ElementsAre());
  EXPECT_THAT(briefs(code_text("Xi traveled to China.")), ElementsAre());
  EXPECT_THAT(briefs(code_text("Putin arrived in Beijing.")), ElementsAre("042 RUSGOV->CHN"));
  EXPECT_THAT(briefs(code_text("Putin and Xi arrived in Beijing.")), ElementsAre("042 RUSGOV->CHN"));
}

// A capitalised month inside a time expression is no verb: "in March" is no demonstration.
TEST(Coder, MonthNameIsNoVerb) {
  EXPECT_THAT(briefs(code_text("Xi traveled to Russia in March 2023.")), ElementsAre("042 CHNGOV->RUS"));
  EXPECT_THAT(briefs(code_text("Putin was sworn in again in March.")), ElementsAre());
  // the verb itself still codes, also next to a month
  EXPECT_THAT(briefs(code_text("Kenyan police march in Nairobi.")), ElementsAre("141 KENCOP->-"));
  EXPECT_THAT(briefs(code_text("Kenyan police will march in May.")), ElementsAre("141 KENCOP->-"));
}

// "alongside" governs a co-participant: no list member of the object, no object on its own
// after a filled target, so nobody meets his own delegation.
TEST(Coder, AlongsideIsNoListMember) {
  EXPECT_THAT(briefs(code_text("Yury Ushakov will meet Xi, alongside Sergey Lavrov.")),
              ElementsAre("040 RUSGOV->CHNGOV"));
  // a real list still is one
  EXPECT_THAT(briefs(code_text("Yury Ushakov will meet Xi and Sergey Lavrov.")),
              ElementsAre("040 RUSGOV->CHNGOV", "040 RUSGOV->RUSGOV"));
}

// "without" + verb: the act is not done, and what follows is not the previous verb's object.
TEST(Coder, WithoutNegatesTheVerbAfterIt) {
  Document doc = code_text("Xi met without condemning Russia.");
  ASSERT_NE(find_event(doc, "040 CHNGOV->-"), nullptr);
  EXPECT_EQ(find_event(doc, "040 CHNGOV->RUS"), nullptr);
  for (const Event& e : doc.events)
    if (e.cameo == "111") {
      EXPECT_EQ(e.mode, EventMode::negated);
    }
}

// "The two sides" are the last pair of different actors; a bare role beside a name is an
// apposition ("one of the aides, Yury Ushakov,"), not a pair.
TEST(Coder, AppositionIsNoPair) {
  Document doc = code_text(
      "Xi and Putin will meet in Beijing. One of the aides, Yury Ushakov, spoke to the press. The two leaders will "
      "meet again.",
      "2024-05-14");
  for (const Event& e : doc.events) {
    EXPECT_NE(e.source.code, "GOV") << testing_events::brief(e);
    if (e.target) {
      EXPECT_NE(e.target->code, "GOV") << testing_events::brief(e);
    }
  }
}

// A bare agent after a possessive actor of a country is that country's agent.
TEST(Coder, PossessiveGivesAnAgentItsCountry) {
  EXPECT_THAT(briefs(code_text("Putin's top aides met Xi.")), ElementsAre("040 RUSGOV->CHNGOV"));
  EXPECT_THAT(briefs(code_text("Russia's officials met Xi.")), ElementsAre("040 RUSGOV->CHNGOV"));
  // no possessive, or a name between: the agent keeps no country
  EXPECT_THAT(briefs(code_text("The aides met Xi.")), ElementsAre("040 GOV->CHNGOV"));
  EXPECT_THAT(briefs(code_text("Putin's Kenyan police met Xi.")), ElementsAre("040 KENCOP->CHNGOV"));
}

// A title the dictionary knows only in part ("first Deputy Prime Minister": capitalised words
// right before the agent) still takes the possessor's country, and a name right after such a
// title takes the composed code, even when its own entry names another country.
TEST(Coder, PossessorCodesTitleAndName) {
  std::vector<testing_events::Mark> marks = testing_events::fixture_marks();
  marks.push_back({"Kenya's", "KEN", MentionKind::country, "", ""});
  marks.push_back({"Prime Minister", "GOV", MentionKind::agent, "", ""});
  marks.push_back({"minister", "GOV", MentionKind::agent, "", ""});
  marks.push_back({"Otieno", "KEN", MentionKind::person, "", ""});
  marks.push_back({"Mwangi", "UGA", MentionKind::person, "", ""});
  const auto coded = [&](const std::string& text) {
    Document d = testing_events::make_doc(text, marks);
    testing_events::coder().code(d);
    return briefs(d);
  };
  EXPECT_THAT(coded("Kenya's first Deputy Prime Minister Otieno met Xi."), ElementsAre("040 KENGOV->CHNGOV"));
  EXPECT_THAT(coded("Kenya's awful and evil minister Mwangi met Xi."), ElementsAre("040 KENGOV->CHNGOV"));
  // no possessive: the name keeps its own code; a function word between: no title of Kenya
  EXPECT_THAT(coded("The Prime Minister Mwangi met Xi."), ElementsAre("040 UGA->CHNGOV"));
  EXPECT_THAT(coded("Kenya's The Prime Minister Mwangi met Xi."), ElementsAre("040 UGA->CHNGOV"));
}

// A country's agents joined by "and" share the country ("Kenyan police and army"); with a
// determiner between, the second agent is a noun phrase of its own.
TEST(Coder, AgentsJoinedByAndShareTheCountry) {
  std::vector<testing_events::Mark> marks = testing_events::fixture_marks();
  marks.push_back({"Kenyan police", "KENCOP", MentionKind::agent, "", ""});
  marks.push_back({"army", "MIL", MentionKind::agent, "", ""});
  const auto coded = [&](const std::string& text) {
    Document d = testing_events::make_doc(text, marks);
    testing_events::coder().code(d);
    return briefs(d);
  };
  EXPECT_THAT(coded("Kenyan police and army met Xi."),
              UnorderedElementsAre("040 KENCOP->CHNGOV", "040 KENMIL->CHNGOV"));
  EXPECT_THAT(coded("Kenyan police and the army met Xi."),
              UnorderedElementsAre("040 KENCOP->CHNGOV", "040 MIL->CHNGOV"));
}

// A possessive "its" before a noun anchor is the nearest country or organisation before it,
// even one after a preposition; the clause subject only when it is that nearest one.
TEST(Coder, ItsNamesTheNearestCountry) {
  EXPECT_THAT(briefs(code_text("China buys gas from Russia despite its invasion of Ukraine.")),
              ElementsAre("192 RUS->UKR"));
  EXPECT_THAT(briefs(code_text("Russia ended its occupation of Ukraine.")), ElementsAre("192 RUS->UKR"));
}

// "the leaders" after a pair named together is that pair; with no pair it stays a bare role.
TEST(Coder, TheLeadersAfterAPairAreThePair) {
  Document doc = code_text("Xi and Putin met in Beijing. The leaders will meet again in Harbin.", "2024-05-14");
  EXPECT_NE(find_event(doc, "040 CHNGOV->RUSGOV"), nullptr);
  for (const Event& e : doc.events) EXPECT_NE(e.source.code, "GOV") << testing_events::brief(e);
  EXPECT_THAT(briefs(code_text("The leaders met.")), ElementsAre("040 GOV->-"));
}

// A comma before the subject joins a list only when an "and" closes it: "..., Putin met Xi"
// after a phrase ending in a role is no compound subject.
TEST(Coder, CommaAloneMakesNoCompoundSubject) {
  EXPECT_THAT(briefs(code_text("After talks with the officials, Putin met Xi.")), ElementsAre("040 RUSGOV->CHNGOV"));
  EXPECT_THAT(briefs(code_text("Kenya, Russia and Putin met Xi.")),
              ElementsAre("040 KEN->CHNGOV", "040 RUS->CHNGOV", "040 RUSGOV->CHNGOV"));
}

// An undated plan that names the occasion it belongs to ("during the visit") takes the
// day of that expected occasion; a plan that names none keeps the article's date.
TEST(Coder, UndatedPlansForANamedOccasionTakeItsDate) {
  Document doc = code_text(
      "Xi is expected to visit Kenya on Friday. Xi and Otieno will sign a trade treaty during the visit. "
      "Xi will also meet Otieno. Xi visited Ukraine in March.",
      "2024-05-14");
  SCOPED_TRACE(::testing::PrintToString(briefs(doc)));
  const Event* visit = find_event(doc, "042 CHNGOV->KEN");
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(visit->date.iso(), "2024-05-17");
  const Event* sign = find_event(doc, "057 CHNGOV->KEN");
  ASSERT_NE(sign, nullptr);
  EXPECT_EQ(sign->mode, EventMode::expected);
  EXPECT_EQ(sign->date.iso(), "2024-05-17");
  EXPECT_EQ(sign->date_basis, "expression:occasion");
  const Event* meet = find_event(doc, "040 CHNGOV->KEN");
  ASSERT_NE(meet, nullptr);
  EXPECT_EQ(meet->date.iso(), "2024-05-14");
  EXPECT_EQ(meet->date_basis, "article (expected, undated)");
  // a past event is never dated by a plan
  const Event* past = find_event(doc, "042 CHNGOV->UKR");
  ASSERT_NE(past, nullptr);
  EXPECT_EQ(past->date.iso(), "2024-03");
}

// "the planned visit to the port city of X": a nominal visit that names only its target
// takes its guest from the article's earlier visit to that country; without one, nothing.
TEST(Coder, NominalVisitWithoutGuestTakesTheEarlierGuest) {
  Document doc = code_text(
      "Xi visited Kenya on Monday. The planned visit to the port city of Nairobi on Friday will focus on shipping.",
      "2024-05-14");
  SCOPED_TRACE(::testing::PrintToString(briefs(doc)));
  ASSERT_EQ(doc.events.size(), 2U);
  const Event& trip = doc.events[1];
  EXPECT_EQ(testing_events::brief(trip), "042 CHNGOV->KEN");
  EXPECT_EQ(trip.mode, EventMode::expected);
  EXPECT_EQ(trip.date.iso(), "2024-05-17");
  EXPECT_NE(trip.rule.find("(source from context)"), std::string::npos) << trip.rule;
  // no earlier visit to that country: no guest, no event
  EXPECT_TRUE(
      code_text("The planned trip to the port city of Nairobi on Friday will focus on shipping.").events.empty());
  // a place description in a verb's target slot
  EXPECT_THAT(briefs(code_text("Xi will visit the port city of Nairobi on Friday.")), ElementsAre("042 CHNGOV->KEN"));
}

}  // namespace
TEST(Coder, NewActorLengthCodesUnknownNounPhrasesAsQuotedActors) {
  // PETRARCH's new_actor_length: a noun phrase no dictionary knows, of at most that many words,
  // is an actor coded as its words in capitals (the possessive left out); longer ones are none
  std::vector<VerbPatternSpec> specs{{"042", "{S} visit {T}", "x.verbs:1", true}};
  auto c = EventCoder::load(testing_events::kData, specs, {}, true);
  ASSERT_TRUE(c.ok()) << c.error().str();
  const auto coded = [&](const std::string& text, int length) {
    CodeOptions o;
    o.new_actor_length = length;
    Document d = testing_events::make_doc(text, testing_events::fixture_marks());
    c.value()->code(d, o);
    return briefs(d);
  };
  const std::string text = "Zembla's envoy Anna Brisk visited the Bank of Narnia on Friday.";
  EXPECT_THAT(coded(text, 4), ElementsAre("042 \"ZEMBLA ENVOY ANNA BRISK\"->\"THE BANK OF NARNIA\""));
  EXPECT_THAT(coded(text, 3), ElementsAre());  // the source has four words: no actor, no event
  EXPECT_THAT(coded(text, 0), ElementsAre());  // off by default
  EXPECT_THAT(coded("Putin visited the Bank of Narnia on Friday.", 4),
              ElementsAre("042 RUSGOV->\"THE BANK OF NARNIA\""));
  EXPECT_THAT(coded("Putin visited Xi on Friday.", 4), ElementsAre("042 RUSGOV->CHNGOV"));  // known actors first
}

}  // namespace dyad

namespace dyad {
namespace {

// The position words before a place come from data/knowledge/actor_words.tsv: a data directory whose
// list lacks "southern" no longer looks past it to the place ("in southern Harbin" names no place).
TEST(Coder, PositionWordsBeforeAPlaceAreReadFromTheActorWords) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("dyad_actor_words_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "knowledge");
  const fs::path data = fs::canonical(testing_events::kData);
  for (const auto& e : fs::directory_iterator(data))
    if (e.path().filename() != "knowledge") fs::create_directory_symlink(e.path(), dir / e.path().filename());
  for (const auto& e : fs::directory_iterator(data / "knowledge"))
    if (e.path().filename() != "actor_words.tsv") fs::create_symlink(e.path(), dir / "knowledge" / e.path().filename());
  {
    std::ifstream in(data / "knowledge" / "actor_words.tsv");
    std::ofstream out(dir / "knowledge" / "actor_words.tsv");
    for (std::string line; std::getline(in, line);)
      if (line.rfind("position\tsouthern\t", 0) != 0) out << line << '\n';
  }
  auto specs = read_verb_patterns(testing_events::kFixtures + "/verbs.tsv", testing_events::clause_words());
  ASSERT_TRUE(specs.ok()) << specs.error().str();
  auto without = EventCoder::load(dir.string(), specs.value(), {}, true);
  fs::remove_all(dir);
  ASSERT_TRUE(without.ok()) << without.error().str();
  const std::string text = "Xi met Putin in southern Harbin on Friday.";
  Document bundled = code_text(text);
  ASSERT_FALSE(bundled.events.empty());
  ASSERT_TRUE(bundled.events[0].location.has_value());
  EXPECT_EQ(bundled.events[0].location->name, "Harbin");
  Document doc = testing_events::make_doc(text, testing_events::fixture_marks());
  without.value()->code(doc);
  ASSERT_FALSE(doc.events.empty());
  EXPECT_FALSE(doc.events[0].location.has_value());
}

}  // namespace
}  // namespace dyad
