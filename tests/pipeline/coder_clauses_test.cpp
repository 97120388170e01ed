// End-to-end coder cases over the bundled knowledge: which clause of a sentence an event
// belongs to, and whose act it is (a relative clause with no verb the coder knows, a
// purpose or background clause, the content of a vow or a charge).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "support/bundled_knowledge.h"

namespace dyad {
namespace {

// Codes one text as an article published on Sunday 2002-03-10.
std::vector<Event> clause_events(const std::string& text) { return testing_support::events_of_text(text); }

std::string codings(const std::vector<Event>& events) {
  std::string out;
  for (const Event& e : events)
    out += e.cameo + " " + e.source.code + "->" + (e.target ? e.target->code : std::string("-")) + "; ";
  return out;
}

TEST(CoderClauses, AnActorAfterTheWholeMatchIsNoDoerOfIt) {
  // "hopes to" is no verb form the coder knows, so the relative clause's last actor was taken
  // as its subject: Togo enforcing a blockade against itself
  auto ev = clause_events(
      "Ghana says it will vote for a council motion that hopes to enforce a naval blockade "
      "against neighbouring Togo.");
  for (const Event& e : ev) EXPECT_NE(e.source.code, "TGO") << codings(ev);
  // the speaker of an inverted statement after its verb still speaks
  ev = clause_events("Says a Ghanaian minister, \"the crowd left the square before noon.\"");
  bool said = false;
  for (const Event& e : ev) said = said || (e.cameo.starts_with("01") && e.source.code.starts_with("GHA"));
  EXPECT_TRUE(said) << codings(ev);
}

TEST(CoderClauses, AidStoppedInAPlaceFallsOnThatPlacesPeople) {
  // as coercion or force done in a place with no one named: the aid no longer reaches its people
  auto ev = clause_events("The World Food Programme halted food deliveries in Mogadishu on Tuesday.");
  const Event* cut = nullptr;
  for (const Event& e : ev)
    if (e.cameo.starts_with("162")) cut = &e;
  ASSERT_NE(cut, nullptr) << codings(ev);
  ASSERT_TRUE(cut->target.has_value()) << codings(ev);
  EXPECT_EQ(cut->target->code, "SOM");
}

// The event of one code in the events, else null.
const Event* find_prefix(const std::vector<Event>& ev, const std::string& prefix) {
  for (const Event& e : ev)
    if (e.cameo.starts_with(prefix)) return &e;
  return nullptr;
}

TEST(CoderClauses, WhichAfterABodyOpensItsOwnClauseAsWho) {
  // "which" after a body (a police force, an army) is its relative pronoun: the clause's act is the
  // body's, with its own mode, whether the main clause reports speech or is modal and negated
  auto ev = clause_events("The district police, which arrested 25 looters, said the market was quiet again.");
  const Event* arrest = find_prefix(ev, "173");
  ASSERT_NE(arrest, nullptr) << codings(ev);
  EXPECT_EQ(arrest->source.code.substr(0, 3), "COP") << codings(ev);
  ev = clause_events("The district police, which arrested 25 looters, could not trace the stolen goods.");
  arrest = find_prefix(ev, "173");
  ASSERT_NE(arrest, nullptr) << codings(ev);
  EXPECT_EQ(arrest->mode, EventMode::happened) << codings(ev);
}

TEST(CoderClauses, ThatBeforeAVerbAfterAnActorIsARelativePronoun) {
  // "the police that guarded the rally fired ...": "that" opens a relative clause (the verb after it
  // has no subject of its own), and the main clause goes on with the police as its subject
  auto ev = clause_events("The police that guarded the rally fired at the stone-throwers.");
  const Event* force = find_prefix(ev, "193");  // firing at an actor
  ASSERT_NE(force, nullptr) << codings(ev);
  EXPECT_EQ(force->source.code.substr(0, 3), "COP") << codings(ev);
}

}  // namespace
}  // namespace dyad
