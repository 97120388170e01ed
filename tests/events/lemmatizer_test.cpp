#include "events/lemmatizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "events_test_util.h"

namespace dyad {
namespace {

const Lemmatizer& lem() {
  static Lemmatizer l = [] {
    auto r = Lemmatizer::load(testing_events::kData);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().str());
    return r.ok() ? std::move(r.value()) : Lemmatizer{};
  }();
  return l;
}

bool has(std::string_view form, std::string_view lemma) {
  auto c = lem().candidates(form);
  return std::find(c.begin(), c.end(), lemma) != c.end();
}

TEST(Lemmatizer, RegularInflections) {
  EXPECT_TRUE(has("visits", "visit"));
  EXPECT_TRUE(has("visited", "visit"));
  EXPECT_TRUE(has("visiting", "visit"));
  EXPECT_TRUE(has("arrived", "arrive"));
  EXPECT_TRUE(has("arriving", "arrive"));
  EXPECT_TRUE(has("stopped", "stop"));
  EXPECT_TRUE(has("shelling", "shell"));
  EXPECT_TRUE(has("criticizes", "criticize"));
  EXPECT_TRUE(has("carried", "carry"));
  EXPECT_TRUE(has("parties", "party"));
  EXPECT_TRUE(has("talks", "talk"));
  EXPECT_TRUE(has("pushes", "push"));
  EXPECT_TRUE(has("agreed", "agree"));
  EXPECT_FALSE(has("visitor", "visit"));
  EXPECT_FALSE(has("class", "clas"));
}

TEST(Lemmatizer, IrregularTables) {
  EXPECT_TRUE(has("met", "meet"));
  EXPECT_TRUE(has("flew", "fly"));
  EXPECT_TRUE(has("flown", "fly"));
  EXPECT_TRUE(has("held", "hold"));
  EXPECT_TRUE(has("sought", "seek"));
  EXPECT_TRUE(has("withdrew", "withdraw"));
  EXPECT_TRUE(has("was", "be"));
  EXPECT_TRUE(has("left", "leave"));
  EXPECT_TRUE(has("crises", "crisis"));
  EXPECT_TRUE(has("spokesmen", "spokesman"));
  EXPECT_EQ(lem().candidates("met").front(), "met");  // the form itself first
}

TEST(Lemmatizer, PastAndParticiple) {
  EXPECT_TRUE(lem().is_past_form("met"));
  EXPECT_TRUE(lem().is_past_form("visited"));
  EXPECT_FALSE(lem().is_past_form("visits"));
  EXPECT_TRUE(lem().is_participle("attacked"));
  EXPECT_TRUE(lem().is_participle("seen"));
  EXPECT_FALSE(lem().is_participle("saw"));
  EXPECT_FALSE(lem().is_participle("meets"));
}

TEST(Lemmatizer, ParticipleOnly) {
  EXPECT_TRUE(lem().is_participle_only("taken"));
  EXPECT_TRUE(lem().is_participle_only("seen"));
  EXPECT_FALSE(lem().is_participle_only("took"));      // a past tense
  EXPECT_FALSE(lem().is_participle_only("held"));      // past tense and participle
  EXPECT_FALSE(lem().is_participle_only("arrested"));  // regular: past tense too
  EXPECT_FALSE(lem().is_participle_only("run"));       // the base form: a present tense too
  EXPECT_FALSE(lem().is_participle_only("come"));
}

TEST(Lemmatizer, IrregularFormsOfLemma) {
  auto f = lem().irregular_forms("meet");
  EXPECT_NE(std::find(f.begin(), f.end(), "met"), f.end());
  EXPECT_TRUE(lem().irregular_forms("visit").empty());
}

// has_candidate(form, lemma) answers exactly what a search of candidates(form) answers: every candidate of every
// form below is found, and so is nothing else among all those forms and candidates (and a few near misses).
TEST(Lemmatizer, HasCandidateAgreesWithCandidates) {
  const std::vector<std::string> forms = {
      "visits",  "visited", "visiting",  "arrived",    "making",   "agreed", "stopping", "stopped",
      "planned", "carried", "tries",     "buses",      "boxes",    "buzzes", "marches",  "wishes",
      "heroes",  "talks",   "class",     "minister's", "met",      "went",   "children", "seen",
      "led",     "ran",     "cancelled", "postponing", "called",   "off",    "is",       "s",
      "ed",      "ing",     "bed",       "sing",       "red",      "fled",   "spied",    "dies",
      "goes",    "",        "x",         "calling",    "summoned", "ties",   "axes"};
  std::vector<std::string> lemmas = {"",     "visi", "make",  "agre",   "stop",  "stopp", "plann",  "plan",     "carry",
                                     "try",  "bus",  "box",   "buzz",   "march", "wish",  "hero",   "talk",     "clas",
                                     "meet", "go",   "child", "see",    "lead",  "run",   "cancel", "postpone", "call",
                                     "be",   "bede", "b",     "si",     "re",    "flee",  "spy",    "die",      "ti",
                                     "tie",  "axe",  "ax",    "summon", "sum"};
  for (const std::string& f : forms)
    for (const std::string& c : lem().candidates(f)) lemmas.push_back(c);
  for (const std::string& f : forms)
    for (const std::string& l : lemmas) EXPECT_EQ(lem().has_candidate(f, l), has(f, l)) << f << " -> " << l;
  EXPECT_TRUE(lem().has_candidate("stopping", "stop"));
  EXPECT_TRUE(lem().has_candidate("went", "go"));
  EXPECT_FALSE(lem().has_candidate("visits", "visi"));
}

TEST(Lemmatizer, MissingLexiconIsAnError) {
  auto r = Lemmatizer::load("/nonexistent-dyad-dir");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().str().find("irregular_verbs.tsv"), std::string::npos);
}

}  // namespace
}  // namespace dyad
