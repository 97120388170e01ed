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
std::vector<Event> events_of(const std::string& text) { return testing_support::events_of_text(text); }

std::string codings(const std::vector<Event>& events) {
  std::string out;
  for (const Event& e : events)
    out += e.cameo + " " + e.source.code + "->" + (e.target ? e.target->code : std::string("-")) + "; ";
  return out;
}

TEST(CoderClauses, AnActorAfterTheWholeMatchIsNoDoerOfIt) {
  // "hopes to" is no verb form the coder knows, so the relative clause's last actor was taken
  // as its subject: Togo enforcing a blockade against itself
  auto ev = events_of(
      "Ghana says it will vote for a council motion that hopes to enforce a naval blockade "
      "against neighbouring Togo.");
  for (const Event& e : ev) EXPECT_NE(e.source.code, "TGO") << codings(ev);
  // the speaker of an inverted statement after its verb still speaks
  ev = events_of("Says a Ghanaian minister, \"the crowd left the square before noon.\"");
  bool said = false;
  for (const Event& e : ev) said = said || (e.cameo.starts_with("01") && e.source.code.starts_with("GHA"));
  EXPECT_TRUE(said) << codings(ev);
}

TEST(CoderClauses, AidStoppedInAPlaceFallsOnThatPlacesPeople) {
  // as coercion or force done in a place with no one named: the aid no longer reaches its people
  auto ev = events_of("The World Food Programme halted food deliveries in Mogadishu on Tuesday.");
  const Event* cut = nullptr;
  for (const Event& e : ev)
    if (e.cameo.starts_with("162")) cut = &e;
  ASSERT_NE(cut, nullptr) << codings(ev);
  ASSERT_TRUE(cut->target.has_value()) << codings(ev);
  EXPECT_EQ(cut->target->code, "SOM");
}

}  // namespace
}  // namespace dyad
