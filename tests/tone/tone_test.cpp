// The tone stage on small texts whose tone is counted by hand, with a fixture
// lexicon (tests/fixtures/tone/lexicon.json, written for these tests) and the
// bundled word lists of data/tone/.
#include "tone/tone.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "text/text.h"

namespace dyad {
namespace {

const std::string kData = DYAD_TEST_DIR "/../data";
const std::string kLexicon = DYAD_TEST_DIR "/fixtures/tone/lexicon.json";

std::shared_ptr<const ToneModel> model(const std::string& lexicon = kLexicon) {
  std::vector<Error> warnings;
  auto m = ToneModel::load(kData, lexicon, warnings);
  EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.error().str());
  return m.ok() ? m.value() : nullptr;
}

Document document(const std::string& text) {
  static auto rules = TextRules::load(kData);
  EXPECT_TRUE(rules.ok());
  Document doc;
  doc.article.id = "t";
  doc.article.text = text;
  analyze_text(*rules.value(), doc.article, doc.text);
  return doc;
}

// The index of the first token whose text is `word`, at or after `from`.
uint32_t token(const Document& doc, std::string_view word, uint32_t from = 0) {
  for (uint32_t i = from; i < doc.text.tokens.size(); ++i)
    if (doc.text.tokens[i].span.of(doc.article.text) == word) return i;
  ADD_FAILURE() << "no token " << word;
  return 0;
}

Mention mention(const Document& doc, uint32_t first, uint32_t end, MentionKind kind, std::string code,
                std::string canonical) {
  Mention m;
  m.first_token = first;
  m.token_end = end;
  m.kind = kind;
  const auto& t = doc.text.tokens;
  m.span = Span{t[first].span.offset, t[end - 1].span.end() - t[first].span.offset};
  for (uint32_t s = 0; s < doc.text.sentences.size(); ++s) {
    const Sentence& x = doc.text.sentences[s];
    if (first >= x.first_token && first < x.first_token + x.token_count) m.sentence = s;
  }
  m.actor.text = std::string(m.span.of(doc.article.text));
  m.actor.code = std::move(code);
  m.actor.canonical = std::move(canonical);
  m.actor.span = m.span;
  return m;
}

TEST(Tone, CountsTheV15ToneFieldsOfOneSentence) {
  auto m = model();
  ASSERT_TRUE(m && m->has_lexicon());
  EXPECT_EQ(m->lexicon_size(), 9U);
  // 10 words; good +3, war -2, bad -3; "signed" is an activity word, "We" a group reference.
  Document doc = document("We signed a good deal, but the war was bad.");
  m->analyze(doc);
  ASSERT_TRUE(doc.tone.has_value());
  const Tone& t = *doc.tone;
  EXPECT_EQ(t.words, 10U);
  EXPECT_EQ(t.positive_words, 1U);
  EXPECT_EQ(t.negative_words, 2U);
  EXPECT_EQ(t.polar_words, 3U);
  EXPECT_EQ(t.activity_words, 1U);
  EXPECT_EQ(t.self_group_words, 1U);
  EXPECT_EQ(t.valence, -2);
  EXPECT_DOUBLE_EQ(t.positive(), 10.0);
  EXPECT_DOUBLE_EQ(t.negative(), 20.0);
  EXPECT_DOUBLE_EQ(t.tone(), -10.0);
  EXPECT_DOUBLE_EQ(t.polarity(), 30.0);
  EXPECT_DOUBLE_EQ(t.activity(), 10.0);
  EXPECT_DOUBLE_EQ(t.self_group(), 10.0);
  ASSERT_EQ(doc.sentence_tone.size(), 1U);
  EXPECT_EQ(doc.sentence_tone[0].words, 10U);
}

TEST(Tone, NegatorFlipsTheNextThreeWordsUntilPunctuation) {
  auto m = model();
  // "not" flips "good" (3 words later would still flip); "no" is a negator, not scored
  // itself although the lexicon lists it, and flips "war". 9 words.
  Document doc = document("This is not good and there was no war.");
  m->analyze(doc);
  const Tone& t = *doc.tone;
  EXPECT_EQ(t.words, 9U);
  EXPECT_EQ(t.positive_words, 1U);  // "no war"
  EXPECT_EQ(t.negative_words, 1U);  // "not good"
  EXPECT_EQ(t.polar_words, 2U);
  EXPECT_EQ(t.valence, -1);  // -3 + 2

  // Four words away: out of the window. Punctuation closes it too.
  Document far = document("It was not in any way good. Not now, good times.");
  m->analyze(far);
  ASSERT_EQ(far.sentence_tone.size(), 2U);
  EXPECT_EQ(far.sentence_tone[0].positive_words, 1U);
  EXPECT_EQ(far.sentence_tone[0].negative_words, 0U);
  EXPECT_EQ(far.sentence_tone[1].positive_words, 1U);
  EXPECT_EQ(far.sentence_tone[1].negative_words, 0U);
}

TEST(Tone, PhrasesCountOnceAndZeroEntriesCountForPolarityOnly) {
  auto m = model();
  Document doc = document("They were fed up with it. It was kind of late.");
  m->analyze(doc);
  ASSERT_EQ(doc.sentence_tone.size(), 2U);
  const Tone& a = doc.sentence_tone[0];
  EXPECT_EQ(a.words, 6U);
  EXPECT_EQ(a.negative_words, 1U);
  EXPECT_EQ(a.polar_words, 1U);
  EXPECT_EQ(a.valence, -3);
  EXPECT_EQ(a.self_group_words, 0U);  // "they" is not a self/group reference
  const Tone& b = doc.sentence_tone[1];
  EXPECT_EQ(b.words, 5U);
  EXPECT_EQ(b.polar_words, 1U);
  EXPECT_EQ(b.positive_words + b.negative_words, 0U);
  EXPECT_DOUBLE_EQ(doc.tone->polarity(), 100.0 * 2 / 11);
}

TEST(Tone, UnscoredWordsAndNamesAreNotSentiment) {
  auto m = model();
  Document doc = document("Leaders like him said the Good Peace Party won.");
  doc.mentions.push_back(
      mention(doc, token(doc, "Good"), token(doc, "Party") + 1, MentionKind::organization, "", "Good Peace Party"));
  m->analyze(doc);
  // "like" is in data/tone/unscored.tsv; "Good" and "Peace" are inside a name; only "won" scores.
  EXPECT_EQ(doc.tone->words, 9U);
  EXPECT_EQ(doc.tone->polar_words, 1U);
  EXPECT_EQ(doc.tone->positive_words, 1U);
}

TEST(Tone, ArticleToneSumsCodableSentencesOnly) {
  auto m = model();
  Document doc = document("Peace is good.\nFollow us for bad war news.");
  ASSERT_EQ(doc.text.sentences.size(), 2U);
  doc.text.sentences[1].flags |= kBoilerplate;
  m->analyze(doc);
  ASSERT_EQ(doc.sentence_tone.size(), 2U);
  EXPECT_EQ(doc.sentence_tone[1].negative_words, 2U);  // still measured per sentence
  EXPECT_EQ(doc.tone->words, 3U);
  EXPECT_EQ(doc.tone->positive_words, 2U);
  EXPECT_EQ(doc.tone->negative_words, 0U);
  EXPECT_DOUBLE_EQ(doc.tone->tone(), 100.0 * 2 / 3);
}

TEST(Tone, WithoutLexiconToneIsEmptyButStanceIsFound) {
  std::vector<Error> warnings;
  auto m = ToneModel::load(kData, DYAD_TEST_DIR "/fixtures/tone/no-such-lexicon.json", warnings);
  ASSERT_TRUE(m.ok()) << m.error().str();
  EXPECT_FALSE(m.value()->has_lexicon());
  ASSERT_EQ(warnings.size(), 1U);
  EXPECT_TRUE(warnings[0].warning);
  EXPECT_NE(warnings[0].str().find("no-such-lexicon.json"), std::string::npos);
  Document doc = document("The dictator insisted it was good.");
  m.value()->analyze(doc);
  EXPECT_FALSE(doc.tone.has_value());
  EXPECT_TRUE(doc.sentence_tone.empty());
  ASSERT_EQ(doc.stance.size(), 2U);
  EXPECT_EQ(doc.stance[0].kind, StanceKind::epithet);
  EXPECT_EQ(doc.stance[1].kind, StanceKind::loaded_verb);
}

TEST(Tone, MalformedLexiconIsAnErrorNamingFileAndLine) {
  const auto path =
      std::filesystem::temp_directory_path() / ("dyad_tone_bad_lexicon_" + std::to_string(::getpid()) + ".json");
  {
    std::ofstream f(path);
    f << "{\n  \"good\": 3,\n  \"awful\": 9\n}\n";
  }
  std::vector<Error> warnings;
  auto m = ToneModel::load(kData, path.string(), warnings);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().file, path.string());
  EXPECT_EQ(m.error().line, 3U);
  EXPECT_NE(m.error().message.find("awful"), std::string::npos);
  {
    std::ofstream f(path);
    f << "{\n  \"good\": 3,\n  \"bad\" -3\n}\n";
  }
  m = ToneModel::load(kData, path.string(), warnings);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().line, 3U);
  std::filesystem::remove(path);
}

TEST(Tone, BadWordListIsAnErrorNamingFileAndLine) {
  const auto dir = std::filesystem::temp_directory_path() / ("dyad_tone_data_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "tone");
  for (const char* f : {"activity.tsv", "pronouns.tsv", "negators.tsv", "unscored.tsv", "stance.tsv"})
    std::filesystem::copy_file(kData + "/tone/" + f, dir / "tone" / f,
                               std::filesystem::copy_options::overwrite_existing);
  {
    std::ofstream f(dir / "tone" / "stance.tsv");
    f << "# comment\nphrase\tkind\tunless_before\tunless_after\nregime\tepithet\t\t\nthug\tinsult\t\t\n";
  }
  std::vector<Error> warnings;
  auto m = ToneModel::load(dir.string(), kLexicon, warnings);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.error().file.find("stance.tsv"), std::string::npos);
  EXPECT_EQ(m.error().line, 4U);
  EXPECT_NE(m.error().message.find("insult"), std::string::npos);
  std::filesystem::remove_all(dir);
}

// ---- stance --------------------------------------------------------------------------------

TEST(Stance, MarkersAttachToTheNearestActorOfTheirSentence) {
  auto m = model();
  Document doc = document("The puppet leader Smith insisted that the Vantar regime had allegedly failed.");
  const uint32_t smith = token(doc, "Smith");
  const uint32_t vantar = token(doc, "Vantar");
  doc.mentions.push_back(mention(doc, token(doc, "leader"), smith + 1, MentionKind::person, "XYZGOV", "John Smith"));
  doc.mentions.push_back(mention(doc, vantar, vantar + 1, MentionKind::country, "VAN", "Vantar"));
  m->analyze(doc);
  ASSERT_EQ(doc.stance.size(), 4U);
  EXPECT_EQ(doc.stance[0].word, "puppet");
  EXPECT_EQ(doc.stance[0].kind, StanceKind::epithet);
  EXPECT_EQ(doc.stance[0].actor.code, "XYZGOV");  // the next mention, one word on
  EXPECT_EQ(doc.stance[0].span.of(doc.article.text), "puppet");
  EXPECT_EQ(doc.stance[1].word, "insisted");
  EXPECT_EQ(doc.stance[1].kind, StanceKind::loaded_verb);
  EXPECT_EQ(doc.stance[1].actor.canonical, "John Smith");
  EXPECT_EQ(doc.stance[2].word, "regime");
  EXPECT_EQ(doc.stance[2].actor.code, "VAN");
  EXPECT_EQ(doc.stance[3].word, "allegedly");
  EXPECT_EQ(doc.stance[3].kind, StanceKind::hedge);
  EXPECT_EQ(doc.stance[3].actor.code, "VAN");  // two words back beats nothing after
  for (const StanceMarker& x : doc.stance) EXPECT_GE(x.mention, 0);
}

TEST(Stance, EpithetTiesGoToTheActorAfterOtherMarkersToTheOneBefore) {
  auto m = model();
  // One word between the marker and each actor: a tie.
  Document doc = document("Arlen hailed so-called president Borin. Arlen then claimed that Borin lied.");
  const uint32_t second = doc.text.sentences[1].first_token;
  doc.mentions.push_back(mention(doc, token(doc, "Arlen"), token(doc, "Arlen") + 1, MentionKind::person, "A", ""));
  doc.mentions.push_back(mention(doc, token(doc, "Borin"), token(doc, "Borin") + 1, MentionKind::person, "B", ""));
  doc.mentions.push_back(mention(doc, second, second + 1, MentionKind::person, "A", ""));
  doc.mentions.push_back(
      mention(doc, token(doc, "Borin", second), token(doc, "Borin", second) + 1, MentionKind::person, "B", ""));
  m->analyze(doc);
  ASSERT_EQ(doc.stance.size(), 2U);
  EXPECT_EQ(doc.stance[0].word, "so-called");
  EXPECT_EQ(doc.stance[0].actor.code, "B");
  EXPECT_EQ(doc.stance[1].word, "claimed");
  EXPECT_EQ(doc.stance[1].actor.code, "A");
  EXPECT_EQ(doc.stance[1].sentence, 1U);
}

TEST(Stance, ABareRoleWordIsTakenOnlyWhenNoOtherActorIsNamed) {
  auto m = model();
  Document doc = document("Talks with the communist regime Vantar stalled. The regime refused.");
  const uint32_t regime = token(doc, "regime");
  const uint32_t vantar = token(doc, "Vantar");
  const uint32_t second = token(doc, "regime", vantar);
  doc.mentions.push_back(mention(doc, regime, regime + 1, MentionKind::agent, "GOV", ""));
  doc.mentions.push_back(mention(doc, vantar, vantar + 1, MentionKind::country, "VAN", "Vantar"));
  doc.mentions.push_back(mention(doc, second, second + 1, MentionKind::agent, "GOV", ""));
  m->analyze(doc);
  ASSERT_EQ(doc.stance.size(), 2U);
  EXPECT_EQ(doc.stance[0].actor.code, "VAN");  // not the "regime" mention that is the marker itself
  EXPECT_EQ(doc.stance[1].actor.code, "GOV");  // no one else in the sentence
  EXPECT_EQ(doc.stance[1].mention, 2);
}

TEST(Stance, ExceptionsAndPhrasesAndPossessives) {
  auto m = model();
  Document doc = document(
      "The sanctions regime was eased. Serbia was admitted into the club. The minister lashed out at the "
      "regime's critics. Its territorial claims are old. The claimed victory was small.");
  m->analyze(doc);
  ASSERT_EQ(doc.stance.size(), 2U);
  EXPECT_EQ(doc.stance[0].word, "lashed out");
  EXPECT_EQ(doc.stance[0].span.of(doc.article.text), "lashed out");
  EXPECT_EQ(doc.stance[1].word, "regime");
  EXPECT_EQ(doc.stance[1].span.of(doc.article.text), "regime's");
  EXPECT_EQ(doc.stance[1].mention, -1);  // no actor in the sentence
  EXPECT_TRUE(doc.stance[1].actor.code.empty());
}

TEST(Stance, ScareQuotesBecomeMarkersAndPlainQuotesDoNot) {
  auto m = model();
  Document doc = document("Ruritania called it a \"special operation\" and said \"we will win\".");
  const uint32_t r = token(doc, "Ruritania");
  doc.mentions.push_back(mention(doc, r, r + 1, MentionKind::country, "RUR", "Ruritania"));
  const std::string& text = doc.article.text;
  Quote scare;
  scare.span =
      Span{static_cast<uint32_t>(text.find("special")), static_cast<uint32_t>(std::string("special operation").size())};
  scare.scare = true;
  Quote plain;
  plain.span = Span{static_cast<uint32_t>(text.find("we will")), 11};
  doc.quotes = {scare, plain};
  m->analyze(doc);
  ASSERT_EQ(doc.stance.size(), 1U);
  EXPECT_EQ(doc.stance[0].kind, StanceKind::scare_quote);
  EXPECT_EQ(doc.stance[0].word, "special operation");
  EXPECT_EQ(doc.stance[0].actor.code, "RUR");
}

}  // namespace
}  // namespace dyad
