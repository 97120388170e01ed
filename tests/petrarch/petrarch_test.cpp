// Reads the PETRARCH validation dictionaries (from DYAD_SHARED_DIR, skipped when
// absent) and small hand-written dictionaries; checks the translated specs.
#include "knowledge/petrarch/petrarch.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>

namespace dyad {
namespace {

const std::string kShared = DYAD_SHARED_DIR;
const std::string kP2 = kShared + "/eval/petrarch2-unittest/";
const std::string kUd = kShared + "/eval/udpetrarch-validate/";

std::string need(const std::string& path) {
  if (!std::filesystem::exists(path)) return "";
  return path;
}

#define REQUIRE_FILE(var, path)       \
  const std::string var = need(path); \
  if (var.empty()) GTEST_SKIP() << "shared file absent: " << path

KnowledgeSpecs load(const std::string& path, PetrarchReport& report) {
  auto r = read_petrarch_dictionary(path, report);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
  return r.ok() ? std::move(r).value() : KnowledgeSpecs{};
}

const ActorSpec* actor(const KnowledgeSpecs& s, const std::string& name) {
  for (const ActorSpec& a : s.actors) {
    if (std::find(a.names.begin(), a.names.end(), name) != a.names.end()) return &a;
  }
  return nullptr;
}

const AgentSpec* agent(const KnowledgeSpecs& s, const std::string& name) {
  for (const AgentSpec& a : s.agents) {
    if (std::find(a.names.begin(), a.names.end(), name) != a.names.end()) return &a;
  }
  return nullptr;
}

std::vector<const VerbPatternSpec*> patterns_at(const KnowledgeSpecs& s, const std::string& origin) {
  std::vector<const VerbPatternSpec*> r;
  for (const VerbPatternSpec& v : s.verbs) {
    if (v.origin == origin) r.push_back(&v);
  }
  return r;
}

Result<KnowledgeSpecs> parse(std::string_view text, PetrarchKind kind, PetrarchReport& report) {
  return parse_petrarch_dictionary(text, "mem.txt", kind, report);
}

// ---- names and detection -------------------------------------------------------

TEST(PetrarchKind, FromName) {
  EXPECT_EQ(petrarch_kind_from_name("/x/PETR.Validate.actors.txt"), PetrarchKind::actors);
  EXPECT_EQ(petrarch_kind_from_name("PETR_Validate_agents_2_02.txt"), PetrarchKind::agents);
  EXPECT_EQ(petrarch_kind_from_name("CAMEO.091003.master.verbs"), PetrarchKind::verbs);
  EXPECT_EQ(petrarch_kind_from_name("Phoenix.discards"), PetrarchKind::discards);
  EXPECT_EQ(petrarch_kind_from_name("people_g20.tsv"), PetrarchKind::unknown);
  EXPECT_EQ(petrarch_kind_from_name("proverbs.txt"), PetrarchKind::unknown);  // not a whole word
}

TEST(PetrarchKind, DetectsDictionaryNotTsv) {
  EXPECT_TRUE(is_petrarch_dictionary("a/PETR.Validate.actors.txt", "<!-- x -->\nHAMAS [PSEREBHMS]\n"));
  EXPECT_FALSE(is_petrarch_dictionary("my_actors.txt", "# comment\nname\taliases\tcode\n"));
  EXPECT_FALSE(is_petrarch_dictionary("agents.tsv", "GOVERNMENT [~GOV]\n"));
  EXPECT_FALSE(is_petrarch_dictionary("notes.txt", "GOVERNMENT [~GOV]\n"));
}

// ---- the eight validation files ------------------------------------------------

TEST(PetrarchValidation, AllEightFilesLoad) {
  const char* files[] = {"PETR.Validate.actors.txt", "PETR.Validate.agents.txt", "PETR.Validate.verbs.txt",
                         "PETR.Validate.discards.txt"};
  const char* ud[] = {"PETR_Validate_actors_2_02.txt", "PETR_Validate_agents_2_02.txt", "PETR_Validate_verbs_2_02.txt",
                      "PETR_Validate_discards_2_02.txt"};
  std::vector<std::string> paths;
  for (const char* f : files) paths.push_back(kP2 + f);
  for (const char* f : ud) paths.push_back(kUd + f);
  if (!std::filesystem::exists(paths[0])) GTEST_SKIP() << "shared files absent";
  for (const std::string& p : paths) {
    PetrarchReport rep;
    auto r = read_petrarch_dictionary(p, rep);
    ASSERT_TRUE(r.ok()) << r.error().str();
    const KnowledgeSpecs& s = r.value();
    EXPECT_GT(s.actors.size() + s.agents.size() + s.verbs.size() + s.discards.size(), 0U) << p;
    // The figures quoted in docs/petrarch.md.
    std::cout << std::filesystem::path(p).filename().string() << ": kind=" << to_string(rep.kind)
              << " actors=" << s.actors.size() << " names=" << rep.actor_names << " roles=" << rep.roles
              << " dated=" << rep.dated_roles << " null=" << rep.null_codes << " agents=" << s.agents.size()
              << " forms=" << rep.agent_forms << " prefix=" << rep.prefix_agents << " synsets=" << rep.synsets
              << " blocks=" << rep.verb_blocks << " verbs=" << rep.verbs << " patterns_read=" << rep.patterns_read
              << " written=" << s.verbs.size() << " reciprocal=" << rep.reciprocal_patterns
              << " approx=" << rep.approximated << " null_skipped=" << rep.skipped_null
              << " other_skipped=" << rep.skipped_other << " discards=" << s.discards.size()
              << " story=" << rep.story_discards.size() << " warnings=" << rep.warnings.size() << "\n";
    for (const Error& w : rep.warnings) {
      EXPECT_TRUE(w.warning);
      EXPECT_GT(w.line, 0U);
    }
  }
}

TEST(PetrarchValidation, ActorDateRestrictions) {
  REQUIRE_FILE(path, kP2 + "PETR.Validate.actors.txt");
  PetrarchReport rep;
  const KnowledgeSpecs s = load(path, rep);
  // SAM_GAMGEE [HOB] with five dated codes; the undated default comes last.
  const ActorSpec* sam = actor(s, "sam gamgee");
  ASSERT_NE(sam, nullptr);
  ASSERT_EQ(sam->roles.size(), 6U);
  EXPECT_EQ(sam->roles[0].code, "HOBCIV");
  EXPECT_FALSE(sam->roles[0].from.has_value());
  ASSERT_TRUE(sam->roles[0].until.has_value());
  EXPECT_EQ(sam->roles[0].until->iso(), "2008-01-21");  // "<20080120" includes the day itself
  EXPECT_EQ(sam->roles[1].code, "ORCHOB");
  EXPECT_EQ(sam->roles[1].from->iso(), "2010-01-09");
  EXPECT_EQ(sam->roles[1].until->iso(), "2010-01-13");
  EXPECT_EQ(sam->roles[4].code, "HOBELI");
  EXPECT_EQ(sam->roles[4].from->iso(), "2013-01-19");
  EXPECT_FALSE(sam->roles[4].until.has_value());
  EXPECT_EQ(sam->roles[5].code, "HOB");
  EXPECT_FALSE(sam->roles[5].from || sam->roles[5].until);
  EXPECT_EQ(sam->origin, path + ":224");

  // GOLLUM: synonyms on '+' lines, spaced date syntax, two-digit years (19xx).
  const ActorSpec* gollum = actor(s, "smeagol");
  ASSERT_NE(gollum, nullptr);
  EXPECT_EQ(gollum->canonical, "Gollum");
  EXPECT_EQ(gollum->names, (std::vector<std::string>{"gollum", "smeagol", "slinker", "stinker"}));
  ASSERT_EQ(gollum->roles.size(), 3U);
  EXPECT_EQ(gollum->roles[0].code, "HOB");
  EXPECT_EQ(gollum->roles[0].until->iso(), "1995-06-02");
  EXPECT_EQ(gollum->roles[1].code, "HOBGOV");
  EXPECT_EQ(gollum->roles[1].from->iso(), "1995-06-01");
  EXPECT_EQ(gollum->roles[1].until->iso(), "1999-08-16");
  EXPECT_EQ(gollum->roles[2].code, "HOBREB");
  EXPECT_EQ(gollum->roles[2].from->iso(), "1999-08-16");

  // Underscores become spaces, the trailing '_' is dropped, names are lower case.
  const ActorSpec* interpol = actor(s, "interpol");
  ASSERT_NE(interpol, nullptr);
  EXPECT_EQ(interpol->names[0], "international criminal police organization");
  ASSERT_EQ(interpol->roles.size(), 1U);
  EXPECT_EQ(interpol->roles[0].code, "IGOCOPITP");
  EXPECT_EQ(interpol->kind, MentionKind::organization);

  // "[ELR/GAL]": two codes for the same period; "[pse]" is upper-cased; "[---]" is a null code.
  const ActorSpec* lorien = actor(s, "lorien");
  ASSERT_NE(lorien, nullptr);
  ASSERT_EQ(lorien->roles.size(), 2U);
  EXPECT_EQ(lorien->roles[0].code, "ELR");
  EXPECT_EQ(lorien->roles[1].code, "GAL");
  EXPECT_EQ(actor(s, "palestinian")->roles[0].code, "PSE");
  EXPECT_EQ(actor(s, "boromir")->roles[0].code, "");
  EXPECT_EQ(actor(s, "australia")->kind, MentionKind::country);
  EXPECT_EQ(actor(s, "australian"), actor(s, "australia"));
}

TEST(PetrarchValidation, AgentCodesAndPlurals) {
  REQUIRE_FILE(path, kP2 + "PETR.Validate.agents.txt");
  PetrarchReport rep;
  const KnowledgeSpecs s = load(path, rep);
  const AgentSpec* fm = agent(s, "foreign minister");
  ASSERT_NE(fm, nullptr);
  EXPECT_EQ(fm->sector, "GOV");
  EXPECT_EQ(fm->secondary, "FRM");
  EXPECT_EQ(fm->plover_sector, "Government");
  EXPECT_NE(std::find(fm->names.begin(), fm->names.end(), "foreign ministers"), fm->names.end());
  // {} = no plural; {ATTORNEYS_GENERAL} = the given plural instead of a generated one.
  const AgentSpec* police = agent(s, "police");
  ASSERT_NE(police, nullptr);
  EXPECT_EQ(police->names, std::vector<std::string>{"police"});
  EXPECT_EQ(police->sector, "COP");
  EXPECT_EQ(agent(s, "attorney general")->names, (std::vector<std::string>{"attorney general", "attorneys general"}));
  EXPECT_EQ(agent(s, "golden goose")->names, (std::vector<std::string>{"golden goose", "golden geese"}));
  EXPECT_NE(agent(s, "congresses"), nullptr);   // -SS -> -SSES
  EXPECT_NE(agent(s, "authorities"), nullptr);  // consonant + Y -> -IES
  // !PERSON! and !MINST! substitution.
  const AgentSpec* cong = agent(s, "congresswomen");
  ASSERT_NE(cong, nullptr);
  EXPECT_EQ(cong->names.size(), 5U);
  EXPECT_EQ(cong->sector, "LEG");
  EXPECT_NE(agent(s, "ministries of silly walks"), nullptr);
  // "[NGO~]": code before the actor code.
  EXPECT_EQ(agent(s, "msf")->sector, "NGO");
  EXPECT_TRUE(agent(s, "msf")->prefix);
  EXPECT_FALSE(police->prefix);
  EXPECT_EQ(rep.prefix_agents, 3U);
}

TEST(PetrarchValidation, VerbBlocksSynsetsAndPatterns) {
  REQUIRE_FILE(path, kP2 + "PETR.Validate.verbs.txt");
  PetrarchReport rep;
  const KnowledgeSpecs s = load(path, rep);
  // "--- ARRIVE [032:033] ---": bare verb; 033 is coded back from the verb's object.
  auto arrive = patterns_at(s, path + ":164");
  ASSERT_EQ(arrive.size(), 1U);
  EXPECT_EQ(arrive[0]->code, "032");
  EXPECT_EQ(arrive[0]->pattern, "{S} arrive [{T}]");
  EXPECT_EQ(arrive[0]->reverse_code, "033");
  // "- * FOR &ECONSANCT [172]" under ASK: synset expanded into alternatives.
  auto ask = patterns_at(s, path + ":175");
  ASSERT_EQ(ask.size(), 1U);
  EXPECT_EQ(ask[0]->code, "172");
  EXPECT_EQ(ask[0]->pattern, "{S} ask * \"for\" * (economic sanctions|total boycott|embargo)");
  // BAN {BANS BANNED} [191]: irregular forms as exact words.
  auto ban = patterns_at(s, path + ":197");
  ASSERT_EQ(ban.size(), 1U);
  EXPECT_EQ(ban[0]->pattern, "{S} (ban|\"bans\"|\"banned\") [{T}]");
  // "- + * FROM $ [066]" under FREE: target before the verb, explicit source.
  auto fr = patterns_at(s, path + ":629");
  ASSERT_EQ(fr.size(), 1U);
  EXPECT_EQ(fr[0]->pattern, "{T} * free * \"from\" * {S}");
  // EXTRADITE "- + WAS_ * TO_ ^ FROM $": '_' joins, '^' skips, "TO_" is exact.
  auto ex = patterns_at(s, path + ":578");
  ASSERT_EQ(ex.size(), 1U);
  EXPECT_EQ(ex[0]->pattern, "{T} * \"was\" * extradite * \"to\" * ^ * \"from\" * {S}");
  // A letter suffix is a code of its own, kept as written; the uncertainty mark '?' is dropped.
  auto asylum = patterns_at(s, path + ":206");  // - * FOR_ASYLUM [174K]
  ASSERT_EQ(asylum.size(), 1U);
  EXPECT_EQ(asylum[0]->code, "174K");
  auto report = patterns_at(s, path + ":975");  // --- REPORT [025?] ---
  ASSERT_FALSE(report.empty());
  EXPECT_EQ(report[0]->code, "025");
  // Null code [---] and a non-CAMEO code [def] write nothing.
  EXPECT_TRUE(patterns_at(s, path + ":75").empty());   // --- ACCORD [---] ---
  EXPECT_TRUE(patterns_at(s, path + ":155").empty());  // - * OUR FRIENDS [def]
  EXPECT_GT(rep.skipped_null, 0U);
  EXPECT_GT(rep.approximated, 0U);
  for (const VerbPatternSpec& v : s.verbs) {
    EXPECT_TRUE(v.code.size() >= 2 && v.code.size() <= 4) << v.code;
    EXPECT_NE(v.pattern.find("{S}"), std::string::npos) << v.pattern;
  }
}

TEST(PetrarchValidation, DiscardsAndStoryDiscards) {
  REQUIRE_FILE(path, kP2 + "PETR.Validate.discards.txt");
  PetrarchReport rep;
  const KnowledgeSpecs s = load(path, rep);
  ASSERT_EQ(s.discards.size(), 9U);
  EXPECT_EQ(s.discards[0].phrase, "months later");
  EXPECT_EQ(s.discards[2].phrase, "world golf championships");
  EXPECT_EQ(rep.story_discards, (std::vector<size_t>{2, 3, 7, 8}));
  EXPECT_EQ(s.discards[4].origin, path + ":7");
}

// ---- small dictionaries and errors ---------------------------------------------

TEST(PetrarchActors, TwoDigitYearCenturyRule) {
  PetrarchReport rep;
  auto r = parse("BYRNES_\n\t[USAELI 18970101-450703]\n\t[USAGOV 450703-070121]\n", PetrarchKind::actors, rep);
  ASSERT_TRUE(r.ok()) << r.error().str();
  const auto& roles = r->actors.at(0).roles;
  EXPECT_EQ(roles[0].from->iso(), "1897-01-01");
  EXPECT_EQ(roles[0].until->iso(), "1945-07-04");
  EXPECT_EQ(roles[1].until->iso(), "2007-01-22");
}

TEST(PetrarchActors, DiscardCodeBecomesDiscard) {
  PetrarchReport rep;
  auto r = parse("NASGUL [###]\n+RINGWRAITH\n", PetrarchKind::actors, rep);
  ASSERT_TRUE(r.ok()) << r.error().str();
  EXPECT_TRUE(r->actors.empty());
  ASSERT_EQ(r->discards.size(), 2U);
  EXPECT_EQ(r->discards[1].phrase, "ringwraith");
}

TEST(PetrarchErrors, UnterminatedBracket) {
  PetrarchReport rep;
  auto r = parse("GONDOR [GON]\nROHAN [ROH\n", PetrarchKind::actors, rep);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().line, 2U);
  EXPECT_EQ(r.error().file, "mem.txt");
  EXPECT_NE(r.error().str().find("mem.txt:2:"), std::string::npos) << r.error().str();
  EXPECT_NE(r.error().message.find("unterminated"), std::string::npos);
}

TEST(PetrarchErrors, BadDates) {
  PetrarchReport rep;
  auto month = parse("X\n\t[ABC 991340]\n", PetrarchKind::actors, rep);
  ASSERT_FALSE(month.ok());
  EXPECT_EQ(month.error().line, 2U);
  EXPECT_NE(month.error().message.find("bad date"), std::string::npos);
  auto shape = parse("X [ABC]\nY\n\t[ABC 95-0601]\n", PetrarchKind::actors, rep);
  ASSERT_FALSE(shape.ok());
  EXPECT_EQ(shape.error().line, 3U);
  auto nocode = parse("X\n\t[950601-990815]\n", PetrarchKind::actors, rep);
  ASSERT_FALSE(nocode.ok());
  EXPECT_NE(nocode.error().message.find("without a code"), std::string::npos);
  auto reversed = parse("X\n\t[ABC 990101-980101]\n", PetrarchKind::actors, rep);
  ASSERT_FALSE(reversed.ok());
}

TEST(PetrarchErrors, BadCodes) {
  PetrarchReport rep;
  auto actor_code = parse("X [AB$C]\n", PetrarchKind::actors, rep);
  ASSERT_FALSE(actor_code.ok());
  EXPECT_EQ(actor_code.error().line, 1U);
  auto agent_code = parse("POLICE [~C0P]\n", PetrarchKind::agents, rep);
  ASSERT_FALSE(agent_code.ok());
  auto verb_code = parse("--- MEET [031] ---\nMEET\n- * TALKS [03 1]\n", PetrarchKind::verbs, rep);
  ASSERT_FALSE(verb_code.ok());
  EXPECT_EQ(verb_code.error().line, 3U);
  auto empty_code = parse("--- MEET [031] ---\nMEET\n\n- * TALKS []\n", PetrarchKind::verbs, rep);
  ASSERT_FALSE(empty_code.ok());
  EXPECT_EQ(empty_code.error().line, 4U);
}

TEST(PetrarchErrors, UnterminatedCommentAndMarker) {
  PetrarchReport rep;
  auto c = parse("X [ABC]\n<!-- never closed\nY [DEF]\n", PetrarchKind::actors, rep);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().line, 2U);
  auto m = parse("!A! = MAN, MEN\nCONGRESS!B! [~LEG]\n", PetrarchKind::agents, rep);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().line, 2U);
}

TEST(PetrarchVerbs, TabariStyleBlocksAndCompound) {
  PetrarchReport rep;
  const std::string text =
      "&AUX_\n+HAS\n+HAD\n\n"
      "VOW [170]\n- * RESIST [112]\n- &AUX * WAR [173]\n\n"
      "MEET [031:031]\n- % * [040]\n- $ * WITH + [036:036]\n";
  auto r = parse(text, PetrarchKind::unknown, rep);
  ASSERT_TRUE(r.ok()) << r.error().str();
  EXPECT_EQ(rep.kind, PetrarchKind::verbs);
  EXPECT_EQ(rep.verb_blocks, 2U);
  // "[031:031]" on a bare verb: the reverse code for the object, not a second pattern
  ASSERT_GE(r->verbs.size(), 4U);
  EXPECT_EQ(r->verbs[3].reverse_code, "031");
  EXPECT_EQ(r->verbs[0].reverse_code, "");
  std::vector<std::string> got;
  for (const auto& v : r->verbs) got.push_back(v.code + " " + v.pattern);
  EXPECT_EQ(got, (std::vector<std::string>{"170 {S} vow [{T}]", "112 {S} vow * \"resist\"",
                                           "173 {S} (\"has\"|\"had\") * vow * \"war\"", "031 {S} meet [{T}]",
                                           "040 {S} * meet", "036 {S} * meet * \"with\" * {T}",
                                           "036 {T} * meet * \"with\" * {S}"}));
}

TEST(PetrarchVerbs, FlatPatternsAreThoseWithoutPhraseGroups) {
  // TABARI word order is flat (its words may be matched in a governed "that" clause);
  // PETRARCH 2 phrase groups {...} / (...) name parts of the verb's own phrase
  PetrarchReport rep;
  auto r = parse("--- ADMIT [080] ---\nADMIT\n- * QUITE DULL [024]\n- * {QUITE DULL} [025]\n- * (TO QUITE) [026]\n",
                 PetrarchKind::verbs, rep);
  ASSERT_TRUE(r.ok()) << r.error().str();
  ASSERT_EQ(r->verbs.size(), 4U);
  EXPECT_EQ(r->verbs[1].code, "024");
  EXPECT_TRUE(r->verbs[1].flat);
  EXPECT_FALSE(r->verbs[2].flat);
  EXPECT_FALSE(r->verbs[3].flat);
}

TEST(PetrarchVerbs, PatternWordsAreWordsAsWritten) {
  // PETRARCH does not stem pattern words: with or without the trailing '_' a word is the form
  // as written ("EFFORT" is not "efforts"); the block's verbs still inflect
  PetrarchReport rep;
  auto r = parse("--- ABANDON [080] ---\nABANDON\n- * EFFORT [081]\n- * TALKS_ [082]\n", PetrarchKind::verbs, rep);
  ASSERT_TRUE(r.ok()) << r.error().str();
  ASSERT_EQ(r->verbs.size(), 3U);
  EXPECT_EQ(r->verbs[1].pattern, "{S} abandon * \"effort\"");
  EXPECT_EQ(r->verbs[2].pattern, "{S} abandon * \"talks\"");
}

TEST(PetrarchVerbs, CompoundSubjectIsMarked) {
  // '%' before the verb with no '+': the members of the compound subject act on each other
  PetrarchReport rep;
  auto r = parse("--- HOLD [---] ---\nHOLD\n- % * TALKS [040]\n- $ * TALKS WITH + [043]\n- * TALKS WITH % [044]\n",
                 PetrarchKind::verbs, rep);
  ASSERT_TRUE(r.ok()) << r.error().str();
  ASSERT_EQ(r->verbs.size(), 3U);
  EXPECT_TRUE(r->verbs[0].compound_source);
  EXPECT_EQ(r->verbs[0].pattern, "{S} * hold * \"talks\"");
  EXPECT_FALSE(r->verbs[1].compound_source);  // no '%'
  EXPECT_FALSE(r->verbs[2].compound_source);  // '%' after the verb is read as the target
}

TEST(PetrarchVerbs, CaretSkipsOneNounPhrase) {
  // '^' is TABARI's "skip one noun phrase", read as dyad's '^'; a '%' with both slots
  // taken is still a plain gap
  PetrarchReport rep;
  auto r = parse("--- DINE [040] ---\nDINE\n- * AT ^ WITH + [043]\n- * ^ ^ + [044]\n- $ * WITH + AND % [045]\n",
                 PetrarchKind::verbs, rep);
  ASSERT_TRUE(r.ok()) << r.error().str();
  std::vector<std::string> got;
  for (const auto& v : r->verbs) got.push_back(v.code + " " + v.pattern);
  EXPECT_EQ(got, (std::vector<std::string>{"040 {S} dine [{T}]", "043 {S} dine * \"at\" * ^ * \"with\" * {T}",
                                           "044 {S} dine * ^ * ^ * {T}", "045 {S} * dine * \"with\" * {T} * \"and\""}));
}

TEST(PetrarchVerbs, TreebankContractionsAreOneWord) {
  // TreeBank writes "didn't" as "did n't"; plain text keeps one word, matched as written
  PetrarchReport rep;
  auto r =
      parse("&NEG\n+DID N'T\n+WO N'T\n+WILL NOT\n\n--- SAY [010] ---\nSAY\n- &NEG * [012]\n", PetrarchKind::verbs, rep);
  ASSERT_TRUE(r.ok()) << r.error().str();
  ASSERT_EQ(r->verbs.size(), 2U);
  EXPECT_EQ(r->verbs[1].pattern, "{S} (\"didn't\"|\"won't\"|will not) * say");
}

}  // namespace
}  // namespace dyad
