// ActorIndex over the bundled dictionaries: matching, roles by date, metonymy,
// places, coreference, unknown titled persons, case rules, overrides.
#include "knowledge/actors.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "knowledge/petrarch/petrarch.h"
#include "knowledge_test_util.h"

namespace dyad {
namespace {

using ::testing::HasSubstr;

using test::index;
using test::kData;
using test::rules;

Document actors_of(const std::string& text, const std::string& date = "2024-05-16", const ActorIndex* ix = nullptr) {
  Document doc;
  doc.article.text = text;
  if (!date.empty()) doc.article.published = *parse_date(date);
  analyze_text(rules(), doc.article, doc.text);
  (ix != nullptr ? *ix : index()).find(doc);
  return doc;
}

/// The first mention whose text is exactly `words` (nullptr if none).
const Mention* mention(const Document& doc, std::string_view words) {
  for (const Mention& m : doc.mentions)
    if (m.span.of(doc.article.text) == words) return &m;
  return nullptr;
}

std::string dump_mentions(const Document& doc) {
  std::ostringstream os;
  for (const Mention& m : doc.mentions)
    os << "[" << m.span.of(doc.article.text) << "|" << to_string(m.kind) << "|" << m.actor.canonical << "|"
       << m.actor.code << "|e" << m.entity << "] ";
  return os.str();
}

// ---- loading and validation --------------------------------------------------

TEST(ActorIndex, BundledKnowledgeLoadsAndValidates) {
  const ActorIndexStats& s = index().stats();
  EXPECT_GT(s.countries, 250U);
  EXPECT_GT(s.organisations, 300U);
  EXPECT_GT(s.people, 1000U);
  EXPECT_GT(s.agents, 400U);
  EXPECT_GT(s.phrases, 10000U);
  for (const Error& w : s.warnings) EXPECT_TRUE(w.warning) << w.str();
}

TEST(ActorIndex, EveryBundledFileIsReadWithoutError) {
  for (const char* f : {"countries.tsv", "agents.tsv", "organisations.tsv", "people_g20.tsv", "people_conflict.tsv",
                        "people_more.tsv", "people_history.tsv"}) {
    auto specs = read_dyad_dictionary(kData + "/knowledge/" + f);
    ASSERT_TRUE(specs.ok()) << specs.error().str();
    EXPECT_FALSE(specs->actors.empty() && specs->agents.empty()) << f;
  }
}

// ---- agents --------------------------------------------------------------------

TEST(ActorIndex, AgentAloneAndWithCountry) {
  Document d = actors_of("Chinese police detained two men. Police said the lawmakers met rebels.");
  const Mention* cp = mention(d, "Chinese police");
  ASSERT_NE(cp, nullptr) << dump_mentions(d);
  EXPECT_EQ(cp->kind, MentionKind::agent);
  EXPECT_EQ(cp->actor.code, "CHNCOP");
  EXPECT_EQ(cp->actor.country, "CHN");
  // China is the only country the article mentions: it is the home of the bare role words.
  const Mention* p = mention(d, "Police");
  ASSERT_NE(p, nullptr) << dump_mentions(d);
  EXPECT_EQ(p->actor.code, "CHNCOP");
  const Mention* lm = mention(d, "lawmakers");  // generated plural
  ASSERT_NE(lm, nullptr) << dump_mentions(d);
  EXPECT_EQ(lm->actor.code, "CHNLEG");

  Document alone = actors_of("Police said the lawmakers met rebels.");
  const Mention* ap = mention(alone, "Police");
  ASSERT_NE(ap, nullptr) << dump_mentions(alone);
  EXPECT_EQ(ap->actor.code, "COP");
  EXPECT_TRUE(ap->actor.country.empty());
  const Mention* rb = mention(alone, "rebels");
  ASSERT_NE(rb, nullptr) << dump_mentions(alone);
  EXPECT_EQ(rb->actor.code, "REB");
}

TEST(ActorIndex, AgentCountryFromContext) {
  // explicit place after the role word beats the article's other countries
  Document d = actors_of("Officials in Moscow said Chinese diplomats and opposition groups in Zimbabwe had met.");
  const Mention* o = mention(d, "Officials");
  ASSERT_NE(o, nullptr) << dump_mentions(d);
  EXPECT_EQ(o->actor.code, "RUSGOV");
  const Mention* g = mention(d, "opposition groups");
  ASSERT_NE(g, nullptr) << dump_mentions(d);
  EXPECT_EQ(g->actor.country, "ZWE");
  // coordinated adjectives share the role word
  Document c = actors_of("Russian and Chinese authorities signed the accord.");
  const Mention* r = mention(c, "Russian");
  ASSERT_NE(r, nullptr) << dump_mentions(c);
  EXPECT_EQ(r->kind, MentionKind::agent);
  EXPECT_EQ(r->actor.code, "RUSGOV");
  const Mention* ch = mention(c, "Chinese authorities");
  ASSERT_NE(ch, nullptr) << dump_mentions(c);
  EXPECT_EQ(ch->actor.code, "CHNGOV");
  // a dateline names the home country (a place, not an actor)
  Document w = actors_of("LISBON (Wire) - Police said protesters met officials from Ghana.");
  const Mention* lp = mention(w, "LISBON");
  ASSERT_NE(lp, nullptr) << dump_mentions(w);
  EXPECT_EQ(lp->kind, MentionKind::location);
  const Mention* wp = mention(w, "Police");
  ASSERT_NE(wp, nullptr) << dump_mentions(w);
  EXPECT_EQ(wp->actor.code, "PRTCOP");
  const Mention* wo = mention(w, "officials");
  ASSERT_NE(wo, nullptr) << dump_mentions(w);
  EXPECT_EQ(wo->actor.code, "GHAGOV");
  // countries inside a document's title are no actors
  Document t =
      actors_of("They released a Communique of the Russian Federation and the People's Republic of China on grain.");
  EXPECT_EQ(mention(t, "People's Republic of China"), nullptr) << dump_mentions(t);
  EXPECT_EQ(mention(t, "Russian Federation"), nullptr) << dump_mentions(t);
  // "the two leaders" is the pair named before, not a new country-less actor
  Document two = actors_of("Putin met Xi. The two leaders signed a statement.");
  EXPECT_EQ(mention(two, "leaders"), nullptr) << dump_mentions(two);
  // two members of one sector are that sector's actor, not a pair named before
  Document guards = actors_of("Putin met Xi. The two policemen stood at the gate.");
  const Mention* pm = mention(guards, "policemen");
  ASSERT_NE(pm, nullptr) << dump_mentions(guards);
  EXPECT_EQ(pm->actor.code, "COP");
}

TEST(ActorIndex, OpinionWordsAreNotAgents) {
  Document d = actors_of("The strongman met the dictator.");
  EXPECT_TRUE(d.mentions.empty()) << dump_mentions(d);
}

TEST(ActorIndex, CountryTitleAndNameAreOnePersonMention) {
  Document d = actors_of("Russian Foreign Minister Sergey Lavrov spoke.");
  ASSERT_EQ(d.mentions.size(), 1U) << dump_mentions(d);
  const Mention& m = d.mentions[0];
  EXPECT_EQ(m.span.of(d.article.text), "Russian Foreign Minister Sergey Lavrov");
  EXPECT_EQ(m.kind, MentionKind::person);
  EXPECT_EQ(m.actor.canonical, "Sergey Lavrov");
  EXPECT_EQ(m.actor.code, "RUSGOV");
  EXPECT_THAT(m.rule, HasSubstr("people_g20.tsv:"));
}

// ---- roles by date -------------------------------------------------------------

TEST(ActorIndex, OfficeWordsResolveToTheHolderOnTheDate) {
  Document y2023 = actors_of("The Russian defence minister visited Minsk.", "2023-03-01");
  const Mention* m = mention(y2023, "Russian defence minister");
  ASSERT_NE(m, nullptr) << dump_mentions(y2023);
  EXPECT_EQ(m->actor.canonical, "Sergei Shoigu");
  EXPECT_EQ(m->actor.code, "RUSGOV");
  Document y2024 = actors_of("Russia's defence minister visited Minsk.", "2024-06-10");
  m = mention(y2024, "Russia's defence minister");
  ASSERT_NE(m, nullptr) << dump_mentions(y2024);
  EXPECT_EQ(m->actor.canonical, "Andrei Belousov");
  EXPECT_EQ(index().office_holder("RUS", "defence_minister", *parse_date("2023-01-01")), "Sergei Shoigu");
}

TEST(ActorIndex, SecretaryOfStateAcrossAdministrations) {
  Document a = actors_of("US Secretary of State arrived in Kyiv.", "2022-04-01");
  const Mention* m = mention(a, "US Secretary of State");
  ASSERT_NE(m, nullptr) << dump_mentions(a);
  EXPECT_EQ(m->actor.canonical, "Antony Blinken");
  EXPECT_EQ(m->actor.code, "USAGOV");
  Document b = actors_of("US Secretary of State arrived in Kyiv.", "2025-06-01");
  m = mention(b, "US Secretary of State");
  ASSERT_NE(m, nullptr) << dump_mentions(b);
  EXPECT_EQ(m->actor.canonical, "Marco Rubio");
  // The bare office with a country earlier in the article.
  Document c =
      actors_of("Russia said talks would go on. The defence minister said more troops would come.", "2023-03-01");
  m = mention(c, "defence minister");
  ASSERT_NE(m, nullptr) << dump_mentions(c);
  EXPECT_EQ(m->actor.canonical, "Sergei Shoigu");
}

TEST(ActorIndex, PersonCodeFollowsTheRoleOnTheDate) {
  // Shoigu: defence minister until 2024-05-12, then Security Council secretary: RUSGOV either way.
  Document d = actors_of("Sergei Shoigu spoke.", "2020-01-01");
  ASSERT_EQ(d.mentions.size(), 1U) << dump_mentions(d);
  EXPECT_EQ(d.mentions[0].actor.code, "RUSGOV");
  EXPECT_THAT(d.mentions[0].rule, HasSubstr("people_g20.tsv:"));
  // Outside every term: canonical name kept, coded as an elite of the last role's country.
  Document out = actors_of("Antony Blinken spoke.", "2026-03-01");
  ASSERT_EQ(out.mentions.size(), 1U) << dump_mentions(out);
  EXPECT_EQ(out.mentions[0].actor.canonical, "Antony Blinken");
  EXPECT_EQ(out.mentions[0].actor.code, "USAELI");
  // Unknown date: the most recent role.
  Document nodate = actors_of("Andrei Belousov spoke.", "");
  ASSERT_EQ(nodate.mentions.size(), 1U);
  EXPECT_EQ(nodate.mentions[0].actor.code, "RUSGOV");
}

TEST(ActorIndex, ATitleWithItsCountryWinsOverTheTermsDates) {
  // Kibaki was Kenya's president from 2002 to 2013. On a date outside that term, the title written out with
  // its country ("Kenyan President") makes him its holder, not an elite; a former
  // word before it, or no title, keeps the elite of the out-of-term fallback.
  for (const char* text : {"Kenyan President Mwai Kibaki met traders in Mombasa."}) {
    Document d = actors_of(text, "2016-05-02");
    const Mention* m = mention(d, "Kenyan President Mwai Kibaki");
    ASSERT_NE(m, nullptr) << dump_mentions(d);
    EXPECT_EQ(m->actor.canonical, "Mwai Kibaki");
    EXPECT_EQ(m->actor.code, "KENGOV") << dump_mentions(d);
  }
  for (const char* text : {"Former Kenyan President Mwai Kibaki met traders in Mombasa.",
                           "Traders honoured the late Kenyan President Mwai Kibaki in Mombasa."}) {
    Document former = actors_of(text, "2016-05-02");
    bool found = false;
    for (const Mention& m : former.mentions)
      if (m.actor.canonical == "Mwai Kibaki") {
        found = true;
        EXPECT_EQ(m.actor.code, "KENELI") << text << dump_mentions(former);
      }
    EXPECT_TRUE(found) << text << dump_mentions(former);
  }
  Document bare = actors_of("Mwai Kibaki met traders in Mombasa.", "2016-05-02");
  const Mention* b = mention(bare, "Mwai Kibaki");
  ASSERT_NE(b, nullptr) << dump_mentions(bare);
  EXPECT_EQ(b->actor.code, "KENELI");
  // a title of another office than the one he held keeps the fallback too
  Document other = actors_of("Kenyan Foreign Minister Mwai Kibaki met traders in Mombasa.", "2016-05-02");
  for (const Mention& m : other.mentions) {
    if (m.actor.canonical == "Mwai Kibaki") {
      EXPECT_EQ(m.actor.code, "KENELI") << dump_mentions(other);
    }
  }
}

TEST(ActorIndex, PresidentsWhoseTermsBeganBeforeTwoThousand) {
  // people_history.tsv: Menem (1989-1999) is Argentina's head of state inside his term and an
  // Argentine elite after it, not a person of no country.
  Document in = actors_of("Carlos Menem opened the bridge.", "1994-06-01");
  const Mention* m = mention(in, "Carlos Menem");
  ASSERT_NE(m, nullptr) << dump_mentions(in);
  EXPECT_EQ(m->actor.code, "ARGGOV");
  EXPECT_THAT(m->rule, HasSubstr("people_history.tsv:"));
  Document after = actors_of("Bankers met former president Carlos Menem on Friday.", "2003-02-01");
  bool found = false;
  for (const Mention& x : after.mentions)
    if (x.actor.canonical == "Carlos Menem") {
      found = true;
      EXPECT_EQ(x.actor.code, "ARGELI") << dump_mentions(after);
    }
  EXPECT_TRUE(found) << dump_mentions(after);
  // Aristide's first terms are a separate person from his 2001-2004 term (people_conflict.tsv)
  Document early = actors_of("Jean-Bertrand Aristide spoke in Port-au-Prince.", "1995-03-01");
  const Mention* a = mention(early, "Jean-Bertrand Aristide");
  ASSERT_NE(a, nullptr) << dump_mentions(early);
  EXPECT_EQ(a->actor.code, "HTIGOV");
  EXPECT_THAT(a->rule, HasSubstr("people_history.tsv:"));
}

// ---- metonymy and places -------------------------------------------------------

TEST(ActorIndex, CapitalsAndBuildingsStandForGovernments) {
  Document d =
      actors_of("Beijing said the Kremlin announced that Washington imposed tariffs, and the Pentagon agreed.");
  const Mention* b = mention(d, "Beijing");
  ASSERT_NE(b, nullptr) << dump_mentions(d);
  EXPECT_EQ(b->kind, MentionKind::country);
  EXPECT_EQ(b->actor.code, "CHNGOV");
  const Mention* k = mention(d, "Kremlin");
  ASSERT_NE(k, nullptr) << dump_mentions(d);
  EXPECT_EQ(k->actor.code, "RUSGOV");
  const Mention* w = mention(d, "Washington");
  ASSERT_NE(w, nullptr) << dump_mentions(d);
  EXPECT_EQ(w->actor.code, "USAGOV");
  const Mention* p = mention(d, "Pentagon");
  ASSERT_NE(p, nullptr) << dump_mentions(d);
  EXPECT_EQ(p->actor.code, "USAMIL");
}

TEST(ActorIndex, PlacesAfterPrepositionsAreLocations) {
  Document d =
      actors_of("Putin arrived in Beijing from Moscow, then went to a factory near Harbin and spoke in China.");
  const Mention* b = mention(d, "Beijing");
  ASSERT_NE(b, nullptr) << dump_mentions(d);
  EXPECT_EQ(b->kind, MentionKind::location);
  ASSERT_TRUE(b->place.has_value());
  EXPECT_EQ(b->place->name, "Beijing");
  EXPECT_EQ(b->place->country, "CHN");
  const Mention* m = mention(d, "Moscow");
  ASSERT_NE(m, nullptr) << dump_mentions(d);
  EXPECT_EQ(m->kind, MentionKind::location);
  const Mention* h = mention(d, "Harbin");
  ASSERT_NE(h, nullptr) << dump_mentions(d);
  EXPECT_EQ(h->kind, MentionKind::location);
  ASSERT_TRUE(h->place.has_value());
  EXPECT_EQ(h->place->name, "Harbin");
  const Mention* c = mention(d, "China");
  ASSERT_NE(c, nullptr) << dump_mentions(d);
  EXPECT_EQ(c->kind, MentionKind::location);
  EXPECT_EQ(c->actor.code, "CHN");  // still usable as an actor target
}

TEST(ActorIndex, FormerStatesBeforeTheirEnd) {
  Document d = actors_of("Moscow rejected the plan.", "1985-06-01");
  const Mention* m = mention(d, "Moscow");
  ASSERT_NE(m, nullptr) << dump_mentions(d);
  EXPECT_EQ(m->actor.code, "USRGOV");
  Document today = actors_of("Moscow rejected the plan.", "2020-06-01");
  EXPECT_EQ(mention(today, "Moscow")->actor.code, "RUSGOV");
}

// ---- coreference and unknown persons -----------------------------------------------

TEST(ActorIndex, MentionsOfOnePersonShareAnEntity) {
  Document d = actors_of("Russian President Vladimir Putin landed. Putin smiled. Putin’s aides waited.");
  const Mention* full = mention(d, "Russian President Vladimir Putin");
  const Mention* bare = mention(d, "Putin");
  const Mention* poss = mention(d, "Putin’s");
  ASSERT_TRUE(full != nullptr && bare != nullptr && poss != nullptr) << dump_mentions(d);
  EXPECT_EQ(full->entity, bare->entity);
  EXPECT_EQ(full->entity, poss->entity);
  ASSERT_GE(full->entity, 0);
  const Entity& e = d.entities[static_cast<size_t>(full->entity)];
  EXPECT_EQ(e.canonical, "Vladimir Putin");
  EXPECT_EQ(e.code, "RUSGOV");
  EXPECT_EQ(e.type, EntityType::person);
}

TEST(ActorIndex, UnknownTitledPersonGetsCodeFromTitleAndCountry) {
  Document d = actors_of("Moldova's Foreign Ministry spokeswoman Ana Rusu said the talks failed. Rusu added nothing.");
  ASSERT_FALSE(d.mentions.empty());
  const Mention& m = d.mentions[0];
  EXPECT_EQ(m.kind, MentionKind::person) << dump_mentions(d);
  EXPECT_EQ(m.actor.canonical, "Ana Rusu");
  EXPECT_EQ(m.actor.code, "MDAGOV");
  const Mention* later = mention(d, "Rusu");
  ASSERT_NE(later, nullptr) << dump_mentions(d);
  EXPECT_EQ(later->entity, m.entity);
  EXPECT_EQ(later->actor.canonical, "Ana Rusu");
}

// ---- case rules, possessives, leading "the" ----------------------------------------

TEST(ActorIndex, CaseRules) {
  Document lower = actors_of("Let us talk turkey about the cop in the room.");
  EXPECT_EQ(mention(lower, "us"), nullptr) << dump_mentions(lower);
  EXPECT_EQ(mention(lower, "turkey"), nullptr) << dump_mentions(lower);
  Document upper = actors_of("Delegates at COP met in Turkey with the US envoy.");
  EXPECT_EQ(mention(upper, "COP"), nullptr) << dump_mentions(upper);
  ASSERT_NE(mention(upper, "Turkey"), nullptr) << dump_mentions(upper);
  EXPECT_EQ(mention(upper, "Turkey")->actor.code, "TUR");
  Document cap = actors_of("The Cabinet met. Parliament voted.");
  EXPECT_NE(mention(cap, "Cabinet"), nullptr) << dump_mentions(cap);  // lower-case entries match Capitalised text
}

TEST(ActorIndex, PossessivesResolveLikeTheBareName) {
  Document d = actors_of("China's envoy and China’s army met Xi's aides.");
  const Mention* a = mention(d, "China's envoy");
  ASSERT_NE(a, nullptr) << dump_mentions(d);
  EXPECT_EQ(a->actor.code, "CHNGOV");
  const Mention* b = mention(d, "China’s army");
  ASSERT_NE(b, nullptr) << dump_mentions(d);
  EXPECT_EQ(b->actor.code, "CHNMIL");
  const Mention* x = mention(d, "Xi's");
  ASSERT_NE(x, nullptr) << dump_mentions(d);
  EXPECT_EQ(x->actor.canonical, "Xi Jinping");
}

TEST(ActorIndex, ACountryBeforeLedLeadsTheActor) {
  // a country's adjective, name or alias before "-led" gives the actor that country, with the
  // sector of an agent word after it
  Document d = actors_of("Turkish-led troops reached the border on Friday, and Kenya-led police stayed.");
  const Mention* t = mention(d, "Turkish-led troops");
  ASSERT_NE(t, nullptr) << dump_mentions(d);
  EXPECT_EQ(t->actor.code, "TURMIL");
  const Mention* k = mention(d, "Kenya-led police");
  ASSERT_NE(k, nullptr) << dump_mentions(d);
  EXPECT_EQ(k->actor.code, "KENCOP");
  // a name of several words, a dotted alias; a head noun of no agent row leaves the country alone
  Document u = actors_of("United Kingdom-led forces and a U.S.-led alliance left Basra.");
  const Mention* g = mention(u, "United Kingdom-led forces");
  ASSERT_NE(g, nullptr) << dump_mentions(u);
  EXPECT_EQ(g->actor.code, "GBRMIL");
  const Mention* a = mention(u, "U.S.-led");
  ASSERT_NE(a, nullptr) << dump_mentions(u);
  EXPECT_EQ(a->actor.code, "USA");
  EXPECT_EQ(a->kind, MentionKind::country);
  // after a place preposition it is still the leader, no place
  Document f = actors_of("Shells fell on French-led soldiers near Gao.");
  const Mention* fr = mention(f, "French-led soldiers");
  ASSERT_NE(fr, nullptr) << dump_mentions(f);
  EXPECT_EQ(fr->actor.code, "FRAMIL");
  // a backer is not the actor's country: "-backed", "-funded", "-sponsored" look nothing up
  Document b = actors_of("Qatari-backed gunmen and Egyptian-funded militias fought in Libya.");
  for (const Mention& m : b.mentions) {
    EXPECT_NE(m.actor.country, "QAT") << dump_mentions(b);
    EXPECT_NE(m.actor.country, "EGY") << dump_mentions(b);
  }
  // nor from the dateline when the backer is the home country; another home country stays
  Document q = actors_of("DOHA (Wire) - Qatari-backed gunmen stormed a depot.");
  const Mention* qg = mention(q, "gunmen");
  ASSERT_NE(qg, nullptr) << dump_mentions(q);
  EXPECT_TRUE(qg->actor.country.empty()) << dump_mentions(q);
  Document h = actors_of("AMMAN (Wire) - Qatari-backed gunmen stormed a depot.");
  const Mention* hg = mention(h, "gunmen");
  ASSERT_NE(hg, nullptr) << dump_mentions(h);
  EXPECT_EQ(hg->actor.country, "JOR") << dump_mentions(h);
}

TEST(ActorIndex, RegressionsFromTheSeeds) {
  // A title alias ("President Xi") followed by the rest of the name is one mention.
  Document d = actors_of("On the proposal of China’s President Xi Jinping, the delegations met.");
  EXPECT_NE(mention(d, "China’s President Xi Jinping"), nullptr) << dump_mentions(d);
  // A hashtag name in a pasted post is the name: "President Vladimir #Putin" is one mention.
  Document tag = actors_of("President Vladimir #Putin laid a wreath.");
  const Mention* tagged = mention(tag, "President Vladimir #Putin");
  ASSERT_NE(tagged, nullptr) << dump_mentions(tag);
  EXPECT_EQ(tagged->actor.code, "RUSGOV");
  // "man" is not a title: no person chain, and Putin is still found alone.
  Document man = actors_of("The man Putin fired stayed.");
  EXPECT_NE(mention(man, "Putin"), nullptr) << dump_mentions(man);
  EXPECT_EQ(mention(man, "man Putin"), nullptr) << dump_mentions(man);
  // Title-case words after "in the" are not places; "flew to Harbin and Beijing, China" are.
  Document ctx = actors_of("A statement in the Context of the Anniversary.");
  EXPECT_EQ(mention(ctx, "Context"), nullptr) << dump_mentions(ctx);
  Document trip = actors_of("Putin flew to Harbin and Beijing, China, last year.");
  for (const char* w : {"Harbin", "Beijing", "China"}) {
    const Mention* m = mention(trip, w);
    ASSERT_NE(m, nullptr) << w << " " << dump_mentions(trip);
    EXPECT_EQ(m->kind, MentionKind::location) << w;
  }
}

// ---- overrides -------------------------------------------------------------------

TEST(ActorIndex, UserDictionaryOverridesASurface) {
  std::string people =
      "name\taliases\tcountry\toffice\ttitle\tcode\tsecondary\tvalid_from\tvalid_until\tacting\tnote\tas_of\n"
      "Jane Testperson\tPutin\tFRA\thead_of_state\tPresident\tFRAGOV\t\t2020-01-01\t\t\t\t2024-01-01\n";
  auto specs = parse_dyad_dictionary("user.tsv", people);
  ASSERT_TRUE(specs.ok()) << specs.error().str();
  auto ix = ActorIndex::load(kData, specs.value(), false, rules());
  ASSERT_TRUE(ix.ok()) << ix.error().str();
  Document d = actors_of("Putin spoke. Vladimir Putin smiled.", "2024-05-16", ix->get());
  ASSERT_EQ(d.mentions.size(), 2U) << dump_mentions(d);
  EXPECT_EQ(d.mentions[0].actor.canonical, "Jane Testperson");
  EXPECT_EQ(d.mentions[0].actor.code, "FRAGOV");
  EXPECT_EQ(d.mentions[0].rule, "user.tsv:2");
  EXPECT_EQ(d.mentions[1].actor.canonical, "Vladimir Putin");  // other surfaces untouched
}

TEST(ActorIndex, AgentAfterACodedActorIsItsAgent) {
  // "Kremlin officials": the metonym's code, the agent's sector only once (RUSGOV + GOV)
  Document d = actors_of("Kremlin officials met Chinese diplomats in Beijing.");
  const Mention* m = mention(d, "officials");
  ASSERT_NE(m, nullptr) << dump_mentions(d);
  EXPECT_EQ(m->actor.code, "RUSGOV") << dump_mentions(d);
  EXPECT_EQ(m->actor.country, "RUS");
}

TEST(ActorIndex, EntryForSeveralActorsKeepsEveryCode) {
  PetrarchReport rep;
  auto specs =
      parse_petrarch_dictionary("NORTHLANDS [NLA/NLB]\nSOUTHLAND [SLA]\n", "mem.actors", PetrarchKind::actors, rep);
  ASSERT_TRUE(specs.ok()) << specs.error().str();
  auto ix = ActorIndex::load(kData, specs.value(), true, rules());
  ASSERT_TRUE(ix.ok()) << ix.error().str();
  Document d = actors_of("Northlands attacked Southland.", "2024-05-16", ix->get());
  const Mention* n = mention(d, "Northlands");
  ASSERT_NE(n, nullptr) << dump_mentions(d);
  EXPECT_EQ(n->actor.code, "NLA");
  EXPECT_EQ(n->also_codes, std::vector<std::string>{"NLB"});
  const Mention* s = mention(d, "Southland");
  ASSERT_NE(s, nullptr) << dump_mentions(d);
  EXPECT_TRUE(s->also_codes.empty());
}

// A TABARI/PETRARCH prefix agent ("[NGO~]") puts its code before the code of the actor right
// after it, with or without that actor's own agent; alone it is its code; in capitals it
// matches as PETRARCH's entries do.
TEST(ActorIndex, PrefixAgentGoesBeforeTheActorCode) {
  PetrarchReport rep;
  auto specs =
      parse_petrarch_dictionary("NORTHLANDS [NLA]\nSOUTHLAND [SLA]\n", "mem.actors", PetrarchKind::actors, rep);
  ASSERT_TRUE(specs.ok()) << specs.error().str();
  auto agents =
      parse_petrarch_dictionary("RELIEF_WATCH {} [NGO~]\nENVOY [~GOV]\n", "mem.agents", PetrarchKind::agents, rep);
  ASSERT_TRUE(agents.ok()) << agents.error().str();
  specs->agents = agents->agents;
  auto ix = ActorIndex::load(kData, specs.value(), true, rules());
  ASSERT_TRUE(ix.ok()) << ix.error().str();
  Document d = actors_of("Relief Watch Northlands criticised Southland.", "2024-05-16", ix->get());
  const Mention* m = mention(d, "Relief Watch Northlands");
  ASSERT_NE(m, nullptr) << dump_mentions(d);
  EXPECT_EQ(m->actor.code, "NGONLA");
  EXPECT_EQ(m->actor.country, "NLA");
  // its entity is the organisation itself, not the country it took in
  ASSERT_GE(m->entity, 0) << dump_mentions(d);
  const Entity& org = d.entities[static_cast<size_t>(m->entity)];
  EXPECT_EQ(org.type, EntityType::organization);
  EXPECT_EQ(org.code, "NGONLA");
  EXPECT_EQ(org.canonical, "Relief Watch Northlands");
  d = actors_of("A RELIEF WATCH Northlands envoy criticised Southland.", "2024-05-16", ix->get());
  m = mention(d, "RELIEF WATCH Northlands envoy");
  ASSERT_NE(m, nullptr) << dump_mentions(d);
  EXPECT_EQ(m->actor.code, "NGONLAGOV");
  d = actors_of("Relief Watch criticised Southland.", "2024-05-16", ix->get());
  m = mention(d, "Relief Watch");
  ASSERT_NE(m, nullptr) << dump_mentions(d);
  EXPECT_EQ(m->actor.code, "NGO");
  // not adjacent: no composition
  d = actors_of("Relief Watch and Northlands criticised Southland.", "2024-05-16", ix->get());
  m = mention(d, "Northlands");
  ASSERT_NE(m, nullptr) << dump_mentions(d);
  EXPECT_EQ(m->actor.code, "NLA");
}

// A TABARI-style entry with codes for successive periods codes each mention with the code
// valid on the article's date, whichever order the periods are written in.
TEST(ActorIndex, CountryEntryWithDatedCodesTakesTheCodeOfTheArticlesDate) {
  for (const char* entry : {"NORTHLANDS\n\t[NLO <850301]\n\t[NLN]\n", "NORTHLANDS\n\t[NLN]\n\t[NLO <850301]\n"}) {
    PetrarchReport rep;
    auto specs =
        parse_petrarch_dictionary(std::string(entry) + "SOUTHLAND [SLA]\n", "mem.actors", PetrarchKind::actors, rep);
    ASSERT_TRUE(specs.ok()) << specs.error().str();
    auto ix = ActorIndex::load(kData, specs.value(), true, rules());
    ASSERT_TRUE(ix.ok()) << ix.error().str();
    for (auto [date, want] :
         {std::pair{"1979-05-02", "NLO"}, {"1985-03-01", "NLO"}, {"1985-03-02", "NLN"}, {"2001-01-01", "NLN"}}) {
      Document d = actors_of("Northlands attacked Southland.", date, ix->get());
      const Mention* n = mention(d, "Northlands");
      ASSERT_NE(n, nullptr) << entry << dump_mentions(d);
      EXPECT_EQ(n->actor.code, want) << entry << " on " << date;
      EXPECT_TRUE(n->also_codes.empty()) << entry << dump_mentions(d);
    }
  }
}

// TABARI/PETRARCH entries are written in capitals and match a word in any case, also one in
// capitals ("The NLU"); the bundled lower-case entries still do not ("COP" is no police).
TEST(ActorIndex, PetrarchEntriesMatchWordsInCapitals) {
  PetrarchReport rep;
  auto specs =
      parse_petrarch_dictionary("THE_NLU [NLAGOV]\nSOUTHLAND [SLA]\n", "mem.actors", PetrarchKind::actors, rep);
  ASSERT_TRUE(specs.ok()) << specs.error().str();
  auto ix = ActorIndex::load(kData, specs.value(), true, rules());
  ASSERT_TRUE(ix.ok()) << ix.error().str();
  Document d = actors_of("The NLU attacked SOUTHLAND and the nlu left.", "2024-05-16", ix->get());
  ASSERT_NE(mention(d, "The NLU"), nullptr) << dump_mentions(d);
  EXPECT_EQ(mention(d, "The NLU")->actor.code, "NLAGOV");
  ASSERT_NE(mention(d, "SOUTHLAND"), nullptr) << dump_mentions(d);
  EXPECT_NE(mention(d, "the nlu"), nullptr) << dump_mentions(d);
  Document bundled = actors_of("Delegates at COP met.");
  EXPECT_EQ(mention(bundled, "COP"), nullptr) << dump_mentions(bundled);
}

TEST(ActorIndex, NoDefaultUsesOnlyTheGivenSpecs) {
  auto specs = parse_dyad_dictionary("mine.tsv",
                                     "term\taliases\tcameo_sector\tsecondary\tplover_sector\tnote\tas_of\n"
                                     "ranger\t\tCOP\t\tPolice\t\t2024-01-01\n");
  ASSERT_TRUE(specs.ok()) << specs.error().str();
  auto ix = ActorIndex::load(kData, specs.value(), true, rules());
  ASSERT_TRUE(ix.ok()) << ix.error().str();
  Document d = actors_of("Rangers and police met in China.", "2024-05-16", ix->get());
  ASSERT_EQ(d.mentions.size(), 2U) << dump_mentions(d);
  EXPECT_EQ(d.mentions[0].actor.code, "COP");
  EXPECT_EQ(d.mentions[0].span.of(d.article.text), "Rangers");
  // Without countries.tsv "China" is only a capitalised word after "in": a place with no code.
  EXPECT_EQ(d.mentions[1].kind, MentionKind::location);
  EXPECT_EQ(d.mentions[1].actor.code, "");
}

// A region's adjective right before a state's name is the part of the state, not the region's people: "Western"
// in "in Western Somalia" is no WST mention of its own but the first word of the state's mention; before an actor
// noun the adjective stays the region's.
TEST(ActorIndex, RegionAdjectiveBeforeAStateNamesAPartOfIt) {
  Document d = actors_of("Kenyan troops took a village in Western Somalia on Monday.");
  EXPECT_EQ(mention(d, "Western"), nullptr) << dump_mentions(d);
  const Mention* som = mention(d, "Western Somalia");
  ASSERT_NE(som, nullptr) << dump_mentions(d);
  EXPECT_EQ(som->actor.country, "SOM");
  Document d2 = actors_of("Western diplomats left Nairobi on Monday.");
  const Mention* west = mention(d2, "Western diplomats");
  ASSERT_NE(west, nullptr) << dump_mentions(d2);
  EXPECT_EQ(west->actor.country, "WST");
}

}  // namespace
}  // namespace dyad
