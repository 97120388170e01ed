// Quotations, speakers and scare quotes on small invented fixtures, one per shape.
#include <gtest/gtest.h>

#include "gkg_test_util.h"

namespace dyad {
namespace {

using testing_gkg::annotate;
using testing_gkg::text_of;

std::vector<const Quote*> quotations(const Document& d) {
  std::vector<const Quote*> out;
  for (const Quote& q : d.quotes)
    if (!q.scare) out.push_back(&q);
  return out;
}

TEST(Quotes, SpeakerAfterTheQuote) {
  Document d = annotate("\u201CWe will keep the channel open,\u201D Lavrov said on Monday.");
  ASSERT_EQ(d.quotes.size(), 1U);
  const Quote& q = d.quotes[0];
  EXPECT_EQ(text_of(d, q.span), "We will keep the channel open,");
  EXPECT_FALSE(q.scare);
  EXPECT_EQ(q.speaker.canonical, "Sergey Lavrov");
  EXPECT_EQ(q.speaker.code, "RUSGOV");
  EXPECT_EQ(q.verb, "said");
}

TEST(Quotes, VerbBeforeTheSpeaker) {
  Document d = annotate("\u201CThe border stays closed,\u201D said Olaf Scholz after the meeting.");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_EQ(d.quotes[0].speaker.canonical, "Olaf Scholz");
  EXPECT_EQ(d.quotes[0].verb, "said");
}

TEST(Quotes, SpeakerBeforeAColon) {
  Document d = annotate("Emmanuel Macron said: \u201CEurope must decide for itself.\u201D");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_EQ(text_of(d, d.quotes[0].span), "Europe must decide for itself.");
  EXPECT_EQ(d.quotes[0].speaker.canonical, "Emmanuel Macron");
}

TEST(Quotes, CommaOutsideTheMarksAndOtherVerbs) {
  Document d = annotate("\u201CThe pipeline is a long-term project\u201D, Lavrov explained.");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_EQ(d.quotes[0].speaker.canonical, "Sergey Lavrov");
  EXPECT_EQ(d.quotes[0].verb, "explained");
}

TEST(Quotes, ToldReportersIsTheVerb) {
  Document d = annotate("\u201CWe expect progress soon,\u201D Lavrov told reporters in Geneva.");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_EQ(d.quotes[0].verb, "told reporters");
  EXPECT_EQ(d.quotes[0].speaker.canonical, "Sergey Lavrov");
}

TEST(Quotes, AccordingTo) {
  Document d = annotate("\u201CBoth sides want calm on the border,\u201D according to Emmanuel Macron.");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_EQ(d.quotes[0].verb, "according to");
  EXPECT_EQ(d.quotes[0].speaker.canonical, "Emmanuel Macron");
}

TEST(Quotes, SaidVerbWinsOverAccordingToTheOutlet) {
  Document d = annotate("\u201CThe deal is done,\u201D Lavrov said on Friday, according to the state news agency.");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_EQ(d.quotes[0].speaker.canonical, "Sergey Lavrov");
  EXPECT_EQ(d.quotes[0].verb, "said");
}

TEST(Quotes, QuoteOverTwoSentences) {
  Document d = annotate("\u201CThe first round went well. The second will be harder,\u201D Macron said.");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_EQ(text_of(d, d.quotes[0].span), "The first round went well. The second will be harder,");
  EXPECT_EQ(d.quotes[0].speaker.canonical, "Emmanuel Macron");
}

TEST(Quotes, QuoteOverTwoParagraphs) {
  // A quote continued in the next paragraph reopens it with a mark and closes only at the end.
  Document d = annotate(
      "\u201CWe started the talks early in the morning.\n"
      "\u201CBy the evening we had a text,\u201D Macron said.");
  ASSERT_EQ(d.quotes.size(), 1U);
  std::string q = text_of(d, d.quotes[0].span);
  EXPECT_EQ(q.rfind("We started", 0), 0U);
  EXPECT_NE(q.find("we had a text,"), std::string::npos);
  EXPECT_EQ(d.quotes[0].speaker.canonical, "Emmanuel Macron");
}

TEST(Quotes, UnclosedParagraphEndsTheQuote) {
  Document d = annotate("\u201CWe started the talks early.\nThe minister left at noon.");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_EQ(text_of(d, d.quotes[0].span), "We started the talks early.");
}

TEST(Quotes, ResumedAfterTheAttribution) {
  Document d = annotate(
      "Sergey Lavrov arrived on Tuesday. \u201CThe talks were useful,\u201D he said, \u201Cand we will meet "
      "again.\u201D");
  auto q = quotations(d);
  ASSERT_EQ(q.size(), 2U);
  EXPECT_EQ(text_of(d, q[0]->span), "The talks were useful,");
  EXPECT_EQ(text_of(d, q[1]->span), "and we will meet again.");
  for (const Quote* x : q) {
    EXPECT_EQ(x->speaker.text, "he");
    EXPECT_EQ(x->speaker.canonical, "Sergey Lavrov");
    EXPECT_EQ(x->verb, "said");
  }
}

TEST(Quotes, NestedQuoteStaysInsideTheOuterOne) {
  Document d = annotate("\u201CThey called it \u2018a fair deal\u2019 and then left the room,\u201D Scholz said.");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_EQ(text_of(d, d.quotes[0].span), "They called it \u2018a fair deal\u2019 and then left the room,");
  EXPECT_EQ(d.quotes[0].speaker.canonical, "Olaf Scholz");
}

TEST(Quotes, StraightMarksWorkLikeTypographicOnes) {
  Document curly = annotate(
      "Lavrov arrived. \u201CThe talks were useful,\u201D he said, \u201Cand we will meet again.\u201D Officials "
      "called the vote a \u201Csham\u201D on Friday.");
  Document straight = annotate(
      "Lavrov arrived. \"The talks were useful,\" he said, \"and we will meet again.\" Officials called the "
      "vote a \"sham\" on Friday.");
  ASSERT_EQ(curly.quotes.size(), 3U);
  ASSERT_EQ(straight.quotes.size(), curly.quotes.size());
  for (size_t i = 0; i < curly.quotes.size(); ++i) {
    EXPECT_EQ(text_of(straight, straight.quotes[i].span), text_of(curly, curly.quotes[i].span));
    EXPECT_EQ(straight.quotes[i].scare, curly.quotes[i].scare);
    EXPECT_EQ(straight.quotes[i].speaker.canonical, curly.quotes[i].speaker.canonical);
  }
  EXPECT_TRUE(straight.quotes[2].scare);
}

TEST(Quotes, ScareQuotesAreMarkedAndHaveNoSpeaker) {
  Document d = annotate(
      "The so-called \u201Creferendum\u201D was held in a \u201Cfree and open\u201D climate, the opposition said.");
  ASSERT_EQ(d.quotes.size(), 2U);
  for (const Quote& q : d.quotes) {
    EXPECT_TRUE(q.scare) << text_of(d, q.span);
    EXPECT_TRUE(q.speaker.text.empty());
    EXPECT_TRUE(q.verb.empty());
  }
}

TEST(Quotes, ASingleWordNearAVerbOfSayingIsStillAScareQuote) {
  Document d = annotate("Lavrov said the West wants to \u201Cisolate\u201D his country.");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_TRUE(d.quotes[0].scare);
}

TEST(Quotes, ShortPartialQuoteWithASpeakerIsAQuotation) {
  Document d = annotate("Macron said the talks had been \u201Cfrank and useful\u201D for both sides.");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_FALSE(d.quotes[0].scare);
  EXPECT_EQ(d.quotes[0].speaker.canonical, "Emmanuel Macron");
}

TEST(Quotes, ASingleWordAnswerWithItsSpeakerIsAQuotation) {
  Document d = annotate("\u201CNever,\u201D Scholz replied.");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_FALSE(d.quotes[0].scare);
  EXPECT_EQ(d.quotes[0].speaker.canonical, "Olaf Scholz");
  EXPECT_EQ(d.quotes[0].verb, "replied");
}

TEST(Quotes, PossessivesAndNamesAfterPrepositionsAreNotSpeakers) {
  Document d = annotate(
      "After talks with Macron, the ministry\u2019s spokesman, speaking about Scholz\u2019s plan, said: "
      "\u201CNothing has changed.\u201D");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_NE(d.quotes[0].speaker.canonical, "Emmanuel Macron");
  EXPECT_NE(d.quotes[0].speaker.canonical, "Olaf Scholz");
}

TEST(Quotes, ANameAfterThatIsNotTheSpeaker) {
  // The subject of "reported" is the outlet, not the government named in the reported clause.
  Document d = annotate(
      "Interfax reported that the Russian government expects \u201Ca long and difficult round\u201D of talks.");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_FALSE(d.quotes[0].scare);
  EXPECT_EQ(d.quotes[0].speaker.text, "Interfax");
  EXPECT_EQ(d.quotes[0].verb, "reported");
}

TEST(Quotes, RelativeClauseAndAppositionPointToThePerson) {
  Document d =
      annotate("The envoy was received by Olaf Scholz, who described the talks as \u201Copen and long overdue.\u201D");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_EQ(d.quotes[0].speaker.canonical, "Olaf Scholz");

  Document e =
      annotate("\u201CThe ban stays,\u201D Tomasz Kowalczyk, the deputy head of the customs and border police, said.");
  ASSERT_EQ(e.quotes.size(), 1U);
  EXPECT_EQ(e.quotes[0].speaker.text, "Tomasz Kowalczyk");

  Document f = annotate("\u201CThe ban stays,\u201D the minister\u2019s adviser, Anna Wiklund, told reporters.");
  ASSERT_EQ(f.quotes.size(), 1U);
  EXPECT_EQ(f.quotes[0].speaker.text, "Anna Wiklund");
}

TEST(Quotes, UnknownNameAfterTheVerb) {
  Document d = annotate("\u201CNobody expected this,\u201D said Petra Holm, a historian in Turku.");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_EQ(d.quotes[0].speaker.text, "Petra Holm");
}

TEST(Quotes, FirstPersonWordsAreNeverAScareQuote) {
  Document d = annotate("Marchers carried signs that read \u201CWe want bread\u201D through the city.");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_FALSE(d.quotes[0].scare);
}

TEST(Quotes, PronounTakesTheLatestPersonNotTheByline) {
  Document d = annotate(
      "By Maria Jensen\n"
      "Talks ended late on Monday.\n"
      "\u201CWe are not in a hurry,\u201D she said.\n"
      "Follow Maria Jensen on Twitter.");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_EQ(d.quotes[0].speaker.text, "she");
  EXPECT_TRUE(d.quotes[0].speaker.canonical.empty()) << d.quotes[0].speaker.canonical;

  Document e = annotate(
      "By Maria Jensen\n"
      "Olaf Scholz met the envoy on Monday.\n"
      "\u201CWe are not in a hurry,\u201D he said.");
  ASSERT_EQ(e.quotes.size(), 1U);
  EXPECT_EQ(e.quotes[0].speaker.canonical, "Olaf Scholz");
}

TEST(Quotes, QuotesInABylineOrBoilerplateAreIgnored) {
  Document d = annotate("The vote was held on Sunday.\nFollow \"Daily Wire\" on Twitter.");
  EXPECT_TRUE(d.quotes.empty());
}

TEST(Quotes, LeadInEndingWithAColon) {
  Document d = annotate("Lavrov told reporters:\n\u201CThe sanctions have failed.\u201D");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_EQ(d.quotes[0].speaker.canonical, "Sergey Lavrov");
  EXPECT_EQ(d.quotes[0].verb, "told reporters");
}

TEST(Quotes, ApostrophesAreNotQuoteMarks) {
  Document d =
      annotate("The countries\u2019 ministers met. Lavrov\u2019s plan was \u2018bold\u2019, aides said later.");
  ASSERT_EQ(d.quotes.size(), 1U);
  EXPECT_EQ(text_of(d, d.quotes[0].span), "bold");
}

}  // namespace
}  // namespace dyad
