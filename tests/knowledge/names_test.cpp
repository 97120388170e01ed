// NameFinder over the bundled knowledge: unknown names from titles, shapes and cue words, lower-case
// text, references inside actor mentions, in-article coreference, pronouns, the cue file's validation.
#include "knowledge/names.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "geo/gazetteer.h"
#include "knowledge/actors.h"
#include "knowledge/lexicon.h"
#include "knowledge_test_util.h"

namespace dyad {
namespace {

using ::testing::HasSubstr;

using test::index;
using test::kData;
using test::rules;

const NameFinder& names() {
  static std::shared_ptr<const NameFinder> n = [] {
    auto loaded = NameFinder::load(kData);
    if (!loaded.ok()) ADD_FAILURE() << loaded.error().str();
    return loaded.ok() ? loaded.value() : nullptr;
  }();
  return *n;
}

const Gazetteer* gazetteer() {
  static std::shared_ptr<const Gazetteer> g = [] {
    // The gazetteer the build made (build/gazetteer.bin); absent only when the GeoNames data was not installed.
    auto loaded = Gazetteer::load(DYAD_GAZETTEER_TEST_PATH);
    if (!loaded.ok()) loaded = Gazetteer::load(Gazetteer::default_path());
    return loaded.ok() ? loaded.value() : nullptr;
  }();
  return g.get();
}

Document code_with(const NameFinder& finder, const std::string& text, const std::string& date = "2024-05-16") {
  Document doc;
  doc.article.text = text;
  if (!date.empty()) doc.article.published = *parse_date(date);
  analyze_text(rules(), doc.article, doc.text);
  index().find(doc, gazetteer());
  if (gazetteer() != nullptr) gazetteer()->resolve(doc);
  finder.find(doc, &index(), gazetteer());
  return doc;
}

Document code(const std::string& text, const std::string& date = "2024-05-16") {
  return code_with(names(), text, date);
}

// The bundled cue file with small word lists written here, so the word-list rules are tested
// whether or not the npm data packages are installed.
std::string cue_text() {
  std::ifstream in(kData + "/knowledge/name_cues.tsv", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const NameFinder& names_with_lists() {
  static std::shared_ptr<const NameFinder> n = [] {
    auto lex = NameLexicon::from_lists({{"cold", 10},
                                        {"war", 10},
                                        {"diplomatic", 35},
                                        {"talks", 10},
                                        {"silver", 20},
                                        {"arrow", 20},
                                        {"will", 10},
                                        {"baker", 35},
                                        {"reportedly", 20},
                                        {"apparently", 20},
                                        {"copper", 20},
                                        {"stone", 20}},
                                       {"Rose", "Oskar"}, {"Quantexa", "Silver"});
    auto loaded = NameFinder::parse("name_cues.tsv", cue_text(), lex);
    if (!loaded.ok()) ADD_FAILURE() << loaded.error().str();
    return loaded.ok() ? loaded.value() : nullptr;
  }();
  return *n;
}

/// "words|kind|type|canonical" for every reference, in text order.
std::vector<std::string> refs(const Document& doc) {
  std::vector<std::string> out;
  for (const EntityReference& r : doc.references) {
    const Entity& e = doc.entities[static_cast<size_t>(r.entity)];
    out.push_back(std::string(r.span.of(doc.article.text)) + "|" + std::string(to_string(r.kind)) + "|" +
                  std::string(to_string(e.type)) + "|" + e.canonical);
  }
  return out;
}

std::string dump_refs(const Document& doc) {
  std::ostringstream os;
  for (const auto& r : refs(doc)) os << "[" << r << "] ";
  os << "mentions:";
  for (const Mention& m : doc.mentions) os << " [" << m.span.of(doc.article.text) << "|" << to_string(m.kind) << "]";
  return os.str();
}

bool has_ref(const Document& doc, const std::string& want) {
  auto all = refs(doc);
  return std::find(all.begin(), all.end(), want) != all.end();
}

TEST(NameFinder, UnknownPersonAfterATitle) {
  // Known to the dictionaries under another spelling, and a person no dictionary knows.
  Document doc = code("Newly minted Defense Minister Andrey Belousov arrived in Beijing with the delegation.");
  EXPECT_TRUE(has_ref(doc, "Andrey Belousov|name|person|Andrei Belousov")) << dump_refs(doc);
  Document doc1 = code("Newly appointed Transport Minister Oleg Varnavin arrived in Beijing with the delegation.");
  EXPECT_TRUE(has_ref(doc1, "Oleg Varnavin|name|person|Oleg Varnavin")) << dump_refs(doc1);
  Document doc2 = code("Foreign ministry spokeswoman Hua Chunying told reporters the talks went well.");
  EXPECT_TRUE(has_ref(doc2, "Hua Chunying|name|person|Hua Chunying")) << dump_refs(doc2);
}

TEST(NameFinder, OrganisationsAndPlacesFromCueWords) {
  Document doc = code("Analysts at the Carnegie Endowment Foundation and the Vostok Shipping Company disagreed.");
  EXPECT_TRUE(has_ref(doc, "Carnegie Endowment Foundation|name|organization|Carnegie Endowment Foundation"))
      << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Vostok Shipping Company|name|organization|Vostok Shipping Company")) << dump_refs(doc);
  Document doc1 = code("The delegates stayed at the Harrowgate Hotel during the Amber Coast Trade Forum.");
  EXPECT_TRUE(has_ref(doc1, "Harrowgate Hotel|name|organization|Harrowgate Hotel")) << dump_refs(doc1);
  EXPECT_TRUE(has_ref(doc1, "Amber Coast Trade Forum|name|organization|Amber Coast Trade Forum")) << dump_refs(doc1);
  Document doc4 = code("Its shares trade on the Amber Coast Stock Exchange since May.");
  EXPECT_TRUE(has_ref(doc4, "Amber Coast Stock Exchange|name|organization|Amber Coast Stock Exchange"))
      << dump_refs(doc4);
  Document doc3 = code("The ferry crossed the River Tallow at dawn.");
  EXPECT_TRUE(has_ref(doc3, "River Tallow|name|location|River Tallow")) << dump_refs(doc3);
  Document doc2 = code("The ship sailed up the Amur River past Mount Elbrusovka and into the town.");
  EXPECT_TRUE(has_ref(doc2, "Amur River|name|location|Amur River")) << dump_refs(doc2);
  EXPECT_TRUE(has_ref(doc2, "Mount Elbrusovka|name|location|Mount Elbrusovka")) << dump_refs(doc2);
}

TEST(NameFinder, LongerNamesAroundDictionaryMentions) {
  // "Jersey" is a territory in the countries file; "New Jersey" is one place, and the mention stays as it was.
  Document doc = code("The line ran from Camden in New Jersey to the shore, said the Vostok Shipping Company.");
  EXPECT_TRUE(has_ref(doc, "New Jersey|name|location|New Jersey")) << dump_refs(doc);
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("Jersey|"))) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Vostok Shipping Company|name|organization|Vostok Shipping Company")) << dump_refs(doc);
  // An organisation word before "of": the whole name, the country included.
  Document doc2 = code("Delegates of the Agrarian Party of Australia voted against the plan.");
  EXPECT_TRUE(has_ref(doc2, "Agrarian Party of Australia|name|organization|Agrarian Party of Australia"))
      << dump_refs(doc2);
}

// An ampersand joins the partners of one firm, written with spaces ("Vorne & Kittle") or between capitals as one
// word ("QR&T"); a person's name on both sides makes two people, frequent words a heading's topics.
TEST(NameFinder, AnAmpersandJoinsOneFirm) {
  Document doc = code("Last year Vorne & Kittle grew while the Tarrow Savings Bank & Trust Company shrank.");
  EXPECT_TRUE(has_ref(doc, "Vorne & Kittle|name|organization|Vorne & Kittle")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Tarrow Savings Bank & Trust Company|name|organization|Tarrow Savings Bank & Trust Company"))
      << dump_refs(doc);
  Document doc1 = code("Analysts at QR&T expect a loss this year.");
  EXPECT_TRUE(has_ref(doc1, "QR&T|name|organization|QR&T")) << dump_refs(doc1);
  Document doc2 = code("The doubles title went to Anna Kowal & Piet Dorn last year.");
  EXPECT_TRUE(has_ref(doc2, "Anna Kowal|name|person|Anna Kowal")) << dump_refs(doc2);
  EXPECT_TRUE(has_ref(doc2, "Piet Dorn|name|person|Piet Dorn")) << dump_refs(doc2);
  Document doc3 = code("Readers of the Kellmark Gazette liked its Garden & Home pages.");
  for (const auto& r : refs(doc3)) EXPECT_THAT(r, ::testing::Not(HasSubstr("Garden & Home"))) << dump_refs(doc3);
  // one common word is a partner's name; two places are two places; a two-letter "Q&A" is no acronym
  Document doc4 = code("Auditors from Brell & Young resigned.");
  EXPECT_TRUE(has_ref(doc4, "Brell & Young|name|organization|Brell & Young")) << dump_refs(doc4);
  Document doc5 = code("Flooding hit Kisumu & Nakuru on Friday, and students joined a Q&A with the minister.");
  for (const auto& r : refs(doc5)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|organization|"))) << dump_refs(doc5);
}

// "a band called <Name>", "a village named "<Name>"": the class noun before "called" or "named" types the name.
TEST(NameFinder, AClassNounCalledOrNamedTypesTheName) {
  Document doc = code("In 1990 he formed a band called Velmorrow, and they lived in a village named \"Tollerby\".");
  EXPECT_TRUE(has_ref(doc, "Velmorrow|name|organization|Velmorrow")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Tollerby|name|location|Tollerby")) << dump_refs(doc);
}

// A named hall or tower is the venue or landlord that runs it, an organisation (the CoNLL convention, with no
// facility type); a museum, a stadium or a square stays a place.
TEST(NameFinder, AHallOrATowerIsAnOrganisation) {
  Document doc = code("The choir sang at Orlend Hall, and the Varrick Tower offices closed near Dunmore Square.");
  EXPECT_TRUE(has_ref(doc, "Orlend Hall|name|organization|Orlend Hall")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Varrick Tower|name|organization|Varrick Tower")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Dunmore Square|name|location|Dunmore Square")) << dump_refs(doc);
}

// Two capitals around an ampersand are a firm's acronym ("T&V") unless the cue file lists them as a common
// abbreviation (`not_name`: "Q&A", "R&D"); partners after a role noun in the plural are people, not a firm.
TEST(NameFinder, AnAmpersandAcronymAndPartnersAfterAPluralRole) {
  Document doc = code("Analysts at T&V cut their forecast, and the R&D budget shrank.");
  EXPECT_TRUE(has_ref(doc, "T&V|name|organization|T&V")) << dump_refs(doc);
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("R&D|"))) << dump_refs(doc);
  Document doc1 = code("The strike ended after union leaders Brannock & Feliks signed the deal.");
  for (const auto& r : refs(doc1)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|organization|"))) << dump_refs(doc1);
}

// A firm after a capitalised word and "of" keeps its partners together: the run is cut at "of", not at "&".
TEST(NameFinder, AFirmAfterOfStaysOneFirm) {
  Document doc = code("Shares of Dorvin & Kittle rose on Tuesday after the merger.");
  EXPECT_TRUE(has_ref(doc, "Dorvin & Kittle|name|organization|Dorvin & Kittle")) << dump_refs(doc);
}

// A word and a country's own name right after it name a body of that country ("Forestry Kenya") or a firm's
// national arm ("Velmont Japan"); a region's adjective or head word before the country does not ("Western Ghana").
TEST(NameFinder, AWordAndItsCountryNameABody) {
  Document doc = code("A warning came from Forestry Kenya on Monday, and the album went out on Velmont Japan.");
  EXPECT_TRUE(has_ref(doc, "Forestry Kenya|name|organization|Forestry Kenya")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Velmont Japan|name|organization|Velmont Japan")) << dump_refs(doc);
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("Kenya|"))) << dump_refs(doc);
  Document doc1 = code("Farmers in Western Ghana and North Korea waited for rain.");
  for (const auto& r : refs(doc1)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|organization|"))) << dump_refs(doc1);
  // a part of the country after a place preposition, or an adjective in -ed, -ar or -phone
  Document doc2 = code("Militias clashed in Anglophone Cameroon again, and in Northeast Ghana.");
  for (const auto& r : refs(doc2)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|organization|"))) << dump_refs(doc2);
}

// A word shaped like a compass direction after a place preposition and right before a state's name is a part of
// that state, the first word of its mention ("Eastern Chad" is Chad's), not a place of its own that the gazetteer
// may find in another country; a firm's name before the state stays apart.
TEST(NameFinder, RegionAdjectiveBeforeAStateIsNoPlaceOfItsOwn) {
  Document doc = code("Herders fled from Eastern Chad last week, and aid reached camps in Southern Mali by Friday.");
  for (const Entity& e : doc.entities) {
    EXPECT_NE(e.canonical, "Eastern") << dump_refs(doc);
    EXPECT_NE(e.canonical, "Southern") << dump_refs(doc);
  }
  EXPECT_TRUE(has_ref(doc, "Eastern Chad|name|location|Chad")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Southern Mali|name|location|Mali")) << dump_refs(doc);
  // a compass point too
  Document doc2 = code("Herders moved in Northeast Ghana after the rains.");
  for (const Entity& e : doc2.entities) EXPECT_NE(e.canonical, "Northeast") << dump_refs(doc2);
}

// The compass word and the state's name that the gazetteer holds together as a division of another country are
// that division ("Northern Ireland" is GBR's), not a part of the state whose name ends it.
TEST(NameFinder, ACompassWordAndAStateTheGazetteerHoldsAsAnotherCountrysDivisionAreThatPlace) {
  if (gazetteer() == nullptr) GTEST_SKIP() << "no gazetteer";
  Document doc = code("Marching bands paraded through towns in Northern Ireland over the weekend.");
  EXPECT_TRUE(has_ref(doc, "Northern Ireland|name|location|Northern Ireland")) << dump_refs(doc);
  for (const Mention& m : doc.mentions) {
    EXPECT_NE(m.actor.code, "IRL") << dump_refs(doc);
    if (m.place) {
      EXPECT_EQ(m.place->country, "GBR") << dump_refs(doc);
    }
  }
  // a part of a state the gazetteer does not hold as another country's stays the state's
  Document doc2 = code("Herders fled from Eastern Chad last week.");
  EXPECT_TRUE(has_ref(doc2, "Eastern Chad|name|location|Chad")) << dump_refs(doc2);
}

// A known name inside a longer organisation's name after a capitalised word of it is a word of that name: no
// country for "China" of a Hong Kong paper, no other group's code for the armed force of another country. A
// known name that opens the organisation's name (a country's own paper) and a title before a person keep theirs.
TEST(NameFinder, AKnownNameInsideALongerOrganisationNameIsThatOrganisation) {
  Document doc = code("The South China Morning Post said on Tuesday that the ferry service would resume.");
  EXPECT_TRUE(has_ref(doc, "South China Morning Post|name|organization|South China Morning Post")) << dump_refs(doc);
  for (const Mention& m : doc.mentions) EXPECT_NE(m.actor.country, "CHN") << dump_refs(doc);
  Document doc2 = code("Soldiers of the Uganda People's Defence Force crossed into the border district on Monday.");
  EXPECT_TRUE(has_ref(doc2, "Uganda People's Defence Force|name|organization|Uganda People's Defence Force"))
      << dump_refs(doc2);
  for (const Mention& m : doc2.mentions) EXPECT_EQ(m.actor.code.find("MMR"), std::string::npos) << dump_refs(doc2);
  Document doc3 = code("China Daily said Russian President Vladimir Putin would arrive on Friday.");
  bool china = false, putin = false;
  for (const Mention& m : doc3.mentions) {
    china = china || m.actor.country == "CHN";
    putin = putin || m.actor.code == "RUSGOV";
  }
  EXPECT_TRUE(china) << dump_refs(doc3);
  EXPECT_TRUE(putin) << dump_refs(doc3);
}

// "Shares in" and "a stake in" are an organisation's context: the preposition there is no place preposition, so
// a word and a country's own name after it are a firm's national arm, not a place and a country.
TEST(NameFinder, ACountryBodyAfterSharesInIsAnOrganisation) {
  Document doc = code("Trading in shares in Tollberry Ghana was halted, and a bank bought a stake in Orvane Peru.");
  EXPECT_TRUE(has_ref(doc, "Tollberry Ghana|name|organization|Tollberry Ghana")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Orvane Peru|name|organization|Orvane Peru")) << dump_refs(doc);
  // a place preposition that is no such cue still reads a part of the country
  Document doc2 = code("Aid arrived in Upper Peru after the floods.");
  for (const auto& r : refs(doc2)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|organization|"))) << dump_refs(doc2);
}

// A word no rule types, coordinated with a place in a list that a place preposition opens, is a place too; without
// the preposition, or followed by a verb ("in Plymouth, Varrick said"), it is not.
// Names in a list after "to" whose other items are people (a given name first, a title) are people, not the places
// a preposition alone would make them; a list of towns after "to" stays a list of places.
TEST(NameFinder, AListOfPeopleAfterAPrepositionIsNoListOfPlaces) {
  Document doc = code("This year the medals went to Anna Brenner, Tovi Marsk, Ola Quist and Rena Dulling.");
  for (const std::string& name : {std::string("Tovi Marsk"), std::string("Ola Quist"), std::string("Rena Dulling")})
    EXPECT_TRUE(has_ref(doc, name + "|name|person|" + name)) << dump_refs(doc);
  // the person last in the list
  Document doc2 = code("Letters were sent to Tovi Marsk, Ola Quist and Anna Dulling.");
  EXPECT_TRUE(has_ref(doc2, "Tovi Marsk|name|person|Tovi Marsk")) << dump_refs(doc2);
  EXPECT_TRUE(has_ref(doc2, "Ola Quist|name|person|Ola Quist")) << dump_refs(doc2);
  // no person in the list
  Document doc3 = code("Ferries now sail to Quenmoor, Tallowby and Exeter twice a week.");
  for (const auto& r : refs(doc3)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|person|"))) << dump_refs(doc3);
}

// A town the gazetteer knows counts against a list of people though only the preposition typed it, and a person's
// possessive ends the list: the thing owned is the item, no person of the list.
TEST(NameFinder, ATownAndAPossessiveInAListAfterAPrepositionAreNoPeople) {
  if (gazetteer() == nullptr) GTEST_SKIP() << "no gazetteer built";
  Document doc = code("Grain lorries went to Rumbek, Wulu and Daniel Akech's compound on Tuesday.");
  EXPECT_TRUE(has_ref(doc, "Wulu|name|location|Wulu")) << dump_refs(doc);
  Document doc1 = code("Parcels went to Dr Lene Oskvig, Kapoeta and Torit last week.");
  EXPECT_TRUE(has_ref(doc1, "Lene Oskvig|name|person|Lene Oskvig")) << dump_refs(doc1);
  for (const auto& r : refs(doc1)) {
    EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("Kapoeta|name|person"))) << dump_refs(doc1);
    EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("Torit|name|person"))) << dump_refs(doc1);
  }
}

TEST(NameFinder, AnItemOfAListOfPlacesAfterAPrepositionIsAPlace) {
  Document doc =
      code("The line was extended to Tallowby and Exeter in 1890, and buses run to Exeter, Quenmoor or Bath.");
  EXPECT_TRUE(has_ref(doc, "Tallowby|name|location|Tallowby")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Quenmoor|name|location|Quenmoor")) << dump_refs(doc);
  // no preposition, a verb after the item, or no "and"/"or" (an apposition): no list of places
  Document doc2 = code(
      "Tallowby and Exeter signed a pact. Buses run to Exeter, Varrick said. Buses also run to Exeter, "
      "Dorvale, the builder, said.");
  for (const auto& r : refs(doc2)) {
    EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("Tallowby|name|location"))) << dump_refs(doc2);
    EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("Varrick|name|location"))) << dump_refs(doc2);
    EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("Dorvale|name|location"))) << dump_refs(doc2);
  }
  // "between" two items joins parties as often as places; a list of three after it is a list of places
  Document pair = code("The arbitration between Quellant and Peru dragged on for years.");
  for (const auto& r : refs(pair))
    EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("Quellant|name|location"))) << dump_refs(pair);
  Document three = code("Farms between Tallowby, Quenmoor and York were flooded.");
  EXPECT_TRUE(has_ref(three, "Quenmoor|name|location|Quenmoor")) << dump_refs(three);
}

TEST(NameFinder, SentenceInitialCommonWordIsNotAName) {
  Document doc = code("Officials met on Monday. The officials said nothing.");
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(HasSubstr("Officials|name"))) << dump_refs(doc);
}

TEST(NameFinder, SurnameJoinsTheFullNameAndShapeMakesAPerson) {
  Document doc = code("Talks were led by Marta Kowalczyk and Ilya Brodsky. Later Kowalczyk said they had agreed.");
  EXPECT_TRUE(has_ref(doc, "Marta Kowalczyk|name|person|Marta Kowalczyk")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Kowalczyk|name|person|Marta Kowalczyk")) << dump_refs(doc);
}

TEST(NameFinder, CapitalisedWordsAfterTheAreAnOrganisation) {
  Document doc = code("Last season the Harbour Town Gulls beat the Northgate Rovers twice, fans said.");
  EXPECT_TRUE(has_ref(doc, "Harbour Town Gulls|name|organization|Harbour Town Gulls")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Northgate Rovers|name|organization|Northgate Rovers")) << dump_refs(doc);
  // Without "the" two capitalised words are still a person by shape.
  Document doc2 = code("The jury chose Rustam Kolbenko after a long vote.");
  EXPECT_TRUE(has_ref(doc2, "Rustam Kolbenko|name|person|Rustam Kolbenko")) << dump_refs(doc2);
}

TEST(NameFinder, APlaceAndAPluralNounAreATeam) {
  Document doc = code("On Sunday Fremont Falcons fans cheered and Fremont Chronicle reporters watched.");
  EXPECT_TRUE(has_ref(doc, "Fremont Falcons|name|organization|Fremont Falcons")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Fremont Chronicle|name|organization|Fremont Chronicle")) << dump_refs(doc);
  // A place head word ("San") does not make a team a place.
  Document doc1 = code("He played for San Jose Kestrels in 1950.");
  EXPECT_TRUE(has_ref(doc1, "San Jose Kestrels|name|organization|San Jose Kestrels")) << dump_refs(doc1);
  // A given name first: a person whose surname is a plural-looking word.
  Document doc2 = code("On Sunday Peter Camdens spoke to reporters.");
  EXPECT_TRUE(has_ref(doc2, "Peter Camdens|name|person|Peter Camdens")) << dump_refs(doc2);
}

TEST(NameFinder, ATitleBeforeOfIsARoleNotAName) {
  Document doc = code("She became Professor of Hydrology at the age of forty, colleagues recalled.");
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("of "))) << dump_refs(doc);
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|name|person"))) << dump_refs(doc);
}

TEST(NameFinder, AGivenNameAloneIsAPerson) {
  Document doc = code("The shop was quiet until Hannah arrived and opened the till.");
  EXPECT_TRUE(has_ref(doc, "Hannah|name|person|Hannah")) << dump_refs(doc);
  // A word the cue file does not list as a given name stays unfound.
  Document doc2 = code("The shop was quiet until Quorvath arrived and opened the till.");
  for (const auto& r : refs(doc2)) EXPECT_THAT(r, ::testing::Not(HasSubstr("Quorvath|name"))) << dump_refs(doc2);
}

TEST(NameFinder, SentenceInitialHeadWordStaysInTheName) {
  // "University" is written in lower case elsewhere, yet opens the organisation's name at a sentence start.
  Document doc = code("She left the university in May. University of Grenzmark staff said she would return.");
  EXPECT_TRUE(has_ref(doc, "University of Grenzmark|name|organization|University of Grenzmark")) << dump_refs(doc);
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("of "))) << dump_refs(doc);
}

TEST(NameFinder, FirstNameAloneJoinsThePersonBeforeAnyPlaceReading) {
  // "Denver" is a large city in the gazetteer; here it is the first name of a person the article named.
  Document doc = code("The guitarist Denver Kolbeck joined the band in 2001. Years later Denver left it.");
  EXPECT_TRUE(has_ref(doc, "Denver Kolbeck|name|person|Denver Kolbeck")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Denver|name|person|Denver Kolbeck")) << dump_refs(doc);
  Document doc2 = code("The band played in Camden and later moved to Denver.");
  EXPECT_TRUE(has_ref(doc2, "Denver|name|location|Denver")) << dump_refs(doc2);
}

TEST(NameFinder, APlaceAfterAPrepositionGivesWayToCueWords) {
  // The actor index reads capitalised words after "from" as a place; an organisation suffix retypes them.
  Document doc = code("The quote came from Brackley Chronicle reporters on Tuesday.");
  EXPECT_TRUE(has_ref(doc, "Brackley Chronicle|name|organization|Brackley Chronicle")) << dump_refs(doc);
  // A person the article names in full keeps the type after a preposition.
  Document doc2 = code("Tomasz Wrzelak founded the choir. The money came from Tomasz Wrzelak himself.");
  for (const auto& r : refs(doc2)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|location|"))) << dump_refs(doc2);
  // With no other evidence the place reading stays.
  Document doc3 = code("The convoy drove on from Kellowmere after dark.");
  EXPECT_TRUE(has_ref(doc3, "Kellowmere|name|location|Kellowmere")) << dump_refs(doc3);
}

TEST(NameFinder, OrganisationContextWords) {
  Document doc = code("After two seasons the winger signed with Torvale Athletic in March.");
  EXPECT_TRUE(has_ref(doc, "Torvale Athletic|name|organization|Torvale Athletic")) << dump_refs(doc);
  // A one-word name after a group noun: "the rock band Quillfeather".
  Document doc1 = code("In 2003 he produced a record for the rock band Quillfeather in Leeds.");
  EXPECT_TRUE(has_ref(doc1, "Quillfeather|name|organization|Quillfeather")) << dump_refs(doc1);
  // A person's name after the same words stays a person.
  Document doc2 = code("In March the band joined Peter Vandermolen on tour.");
  EXPECT_TRUE(has_ref(doc2, "Peter Vandermolen|name|person|Peter Vandermolen")) << dump_refs(doc2);
  // A club named after its town, after "played with": the club, not the town.
  Document doc3 = code("The ruckman played with Sunbury for three seasons before retiring.");
  EXPECT_TRUE(has_ref(doc3, "Sunbury|name|organization|Sunbury")) << dump_refs(doc3);
  Document doc4 = code("A spokesman for Kellmark declined to comment on the merger.");
  EXPECT_TRUE(has_ref(doc4, "Kellmark|name|organization|Kellmark")) << dump_refs(doc4);
}

TEST(NameFinder, CommonAbbreviationsAreNotOrganisations) {
  Document doc = code("He won by KO in the third round and his ERA dropped.");
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("KO|"))) << dump_refs(doc);
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("ERA|"))) << dump_refs(doc);
  // A byline's imperative is no word of the name.
  Document doc1 = code("The talks ended. Follow Anna Kowalska on social media.");
  EXPECT_TRUE(has_ref(doc1, "Anna Kowalska|name|person|Anna Kowalska")) << dump_refs(doc1);
  Document doc2 = code("Later the Quarry Hall of Fame and the Coastal Air Force honoured him.");
  EXPECT_TRUE(has_ref(doc2, "Quarry Hall of Fame|name|organization|Quarry Hall of Fame")) << dump_refs(doc2);
  EXPECT_TRUE(has_ref(doc2, "Coastal Air Force|name|organization|Coastal Air Force")) << dump_refs(doc2);
}

TEST(NameFinder, ACapitalisedGroupWordAfterTheNamesTheOrganisation) {
  Document doc = code("The retreat was closed, and the Church said nothing about it.");
  bool named = false;
  for (const auto& r : refs(doc)) named = named || (r.starts_with("Church|name|organization|"));
  EXPECT_TRUE(named) << dump_refs(doc);
  // In lower case the same word is a common noun, not a name.
  Document doc2 = code("The retreat was closed, and the church said nothing about it.");
  for (const auto& r : refs(doc2))
    EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("church|name"))) << dump_refs(doc2);
}

TEST(NameFinder, PlaceWordsEndingANameMakeItAPlace) {
  Document doc = code("The ferry left Marrowby Dock and passed the Kettlewick Reservoir at noon.");
  EXPECT_TRUE(has_ref(doc, "Kettlewick Reservoir|name|location|Kettlewick Reservoir")) << dump_refs(doc);
}

// "A <suffix> and B <suffix>" of the same kind is two names, not one; a single word before "and" stays in one name.
TEST(NameFinder, TwoSuffixNamesJoinedByAndAreTwoNames) {
  Document doc = code("Flood water reached Harlow County and Dunmere County before the weekend.");
  EXPECT_TRUE(has_ref(doc, "Harlow County|name|location|Harlow County")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Dunmere County|name|location|Dunmere County")) << dump_refs(doc);
  Document doc1 = code("Reporters from the Brackwell Gazette and Tollmere Herald covered the hearing.");
  EXPECT_TRUE(has_ref(doc1, "Brackwell Gazette|name|organization|Brackwell Gazette")) << dump_refs(doc1);
  EXPECT_TRUE(has_ref(doc1, "Tollmere Herald|name|organization|Tollmere Herald")) << dump_refs(doc1);
}

TEST(NameFinder, TwoParticlesInARowStayInAPersonsName) {
  Document doc = code("Critics praised Marisol de la Fuente, whose second novel sold well in Lisbon.");
  EXPECT_TRUE(has_ref(doc, "Marisol de la Fuente|name|person|Marisol de la Fuente")) << dump_refs(doc);
  Document doc1 = code("The prize went to Joost van der Brugge for his bridge designs.");
  EXPECT_TRUE(has_ref(doc1, "Joost van der Brugge|name|person|Joost van der Brugge")) << dump_refs(doc1);
}

// A capitalised weekday, ordinal or quantifier inside a sentence opens the organisation name after it.
TEST(NameFinder, ACapitalisedNeverNameWordOpensAnOrganisationsName) {
  Document doc = code("Her column ran in the Sunday Gazette for a decade before she joined All Saints College.");
  EXPECT_TRUE(has_ref(doc, "Sunday Gazette|name|organization|Sunday Gazette")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "All Saints College|name|organization|All Saints College")) << dump_refs(doc);
  // a weekday after "on" is a date, no word of the name
  Document doc1 = code("Shares fell after the report. On Sunday Harrowgate Bank closed two branches.");
  EXPECT_TRUE(has_ref(doc1, "Harrowgate Bank|name|organization|Harrowgate Bank")) << dump_refs(doc1);
}

// A weekday or month after a verb or a quote mark dates the clause: it opens an organisation's name only after an
// article ("the Sunday Gazette" above).
TEST(NameFinder, AWeekdayAfterAVerbOrAQuoteMarkIsNoWordOfTheName) {
  Document doc = code("The regulator said Monday Kestrel Savings Bank would shut four branches.");
  EXPECT_TRUE(has_ref(doc, "Kestrel Savings Bank|name|organization|Kestrel Savings Bank")) << dump_refs(doc);
  Document doc1 = code("The mayor told the council: \"Tuesday Dorvell Freight Company signs the lease.\"");
  EXPECT_TRUE(has_ref(doc1, "Dorvell Freight Company|name|organization|Dorvell Freight Company")) << dump_refs(doc1);
  Document doc2 = code("Proceeds went to a Saturday Morning Club that he ran.");
  EXPECT_TRUE(has_ref(doc2, "Saturday Morning Club|name|organization|Saturday Morning Club")) << dump_refs(doc2);
}

// After "in" or "at" a lower-case particle is no evidence of a person: Spanish-style place names hold it too.
TEST(NameFinder, AParticleAfterInOrAtLeavesThePlaceReading) {
  Document doc = code("She spent her childhood in Puerto de Mazarron with an aunt.");
  EXPECT_TRUE(has_ref(doc, "Puerto de Mazarron|name|location|Puerto de Mazarron")) << dump_refs(doc);
  Document doc1 = code("The two sides met at Castillo de Bellver in June.");
  for (const auto& r : refs(doc1)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|person|"))) << dump_refs(doc1);
  // a given name first is still a person's name
  Document doc2 = code("The award went to Peter van Hollen at the ceremony.");
  EXPECT_TRUE(has_ref(doc2, "Peter van Hollen|name|person|Peter van Hollen")) << dump_refs(doc2);
}

// "X and Y Company" is one name when the words after "and" are only suffix or common words.
TEST(NameFinder, AndBeforeOnlySuffixOrCommonWordsKeepsOneName) {
  Document doc = code("He opened an account with Harwick County Bank and Trust Company in 1990.");
  EXPECT_TRUE(has_ref(doc,
                      "Harwick County Bank and Trust Company|name|organization|Harwick County Bank and Trust "
                      "Company"))
      << dump_refs(doc);
}

// A city's name and a word are a paper, a club or a company, not a person.
TEST(NameFinder, ACitysNameAndAWordAreNoPerson) {
  Document doc = code("The fans cheered striker Tom Hale of Manchester United after the second goal.");
  EXPECT_TRUE(has_ref(doc, "Tom Hale|name|person|Tom Hale")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Manchester United|name|organization|Manchester United")) << dump_refs(doc);
  Document doc1 = code("Figures reported by Calgary Ledger showed a sharp rise in rents.");
  EXPECT_TRUE(has_ref(doc1, "Calgary Ledger|name|organization|Calgary Ledger")) << dump_refs(doc1);
  // a place and a plural noun after a title word are a team, and the place alone stays a place
  Document doc2 = code("Crowds greeted the National Champion Fresno Kestrels. Fresno celebrated all night.");
  EXPECT_TRUE(has_ref(doc2, "Fresno Kestrels|name|organization|Fresno Kestrels")) << dump_refs(doc2);
  for (const auto& r : refs(doc2)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|person|"))) << dump_refs(doc2);
}

// No given name first and the plural of an English noun last: a firm's line of trade, no person's surname.
TEST(NameFinder, APluralNounLastWithNoGivenNameIsAFirm) {
  Document doc = code("Orders placed with Tellvar Composites doubled after the merger with Quorne Fisheries.");
  EXPECT_TRUE(has_ref(doc, "Tellvar Composites|name|organization|Tellvar Composites")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Quorne Fisheries|name|organization|Quorne Fisheries")) << dump_refs(doc);
  // a given name first keeps the person ("Woods" is a surname here)
  Document doc1 = code("The letter was signed by Gerald Woods after the hearing.");
  EXPECT_TRUE(has_ref(doc1, "Gerald Woods|name|person|Gerald Woods")) << dump_refs(doc1);
}

// A broadcaster's call sign is an organisation, like an acronym; a model, a formula or a flight number is not.
TEST(NameFinder, ACallSignIsAnOrganisation) {
  Document doc = code("Listeners moved from 4KX to the music channel VTR2 in 2001.");
  EXPECT_TRUE(has_ref(doc, "4KX|name|organization|4KX")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "VTR2|name|organization|VTR2")) << dump_refs(doc);
  Document doc1 = code("The F16 landed safely, but the hangar filled with CO2 after flight MH17 left.");
  for (const auto& r : refs(doc1)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|organization|"))) << dump_refs(doc1);
}

// The person after a title ends before a lower-case "of": the words after it name something else.
TEST(NameFinder, APersonAfterATitleEndsBeforeOf) {
  Document doc = code("The crowd cheered guitarist Nick Farrow of Harbour Lights at the festival.");
  EXPECT_TRUE(has_ref(doc, "Nick Farrow|name|person|Nick Farrow")) << dump_refs(doc);
}

TEST(NameFinder, AMentionAfterTheOpensALongerName) {
  // "the West" is a dictionary mention; "West Midland Railroad" is the name, "the" no word of it.
  Document doc = code("Freight ran on the West Midland Railroad until the war.");
  EXPECT_TRUE(has_ref(doc, "West Midland Railroad|name|location|West Midland Railroad")) << dump_refs(doc);
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("West|"))) << dump_refs(doc);
}

TEST(NameFinder, AnOrganisationHeadOfTheName) {
  Document doc = code("Troops of the Army of the Danube marched north in the spring.");
  EXPECT_TRUE(has_ref(doc, "Army of the Danube|name|organization|Army of the Danube")) << dump_refs(doc);
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("Army|"))) << dump_refs(doc);
  // A person or a role before "of the" is no organisation's head: the names stay apart.
  Document doc2 = code("Later Marta Kowalczyk of the Brenton Shipping Company spoke to reporters.");
  EXPECT_TRUE(has_ref(doc2, "Brenton Shipping Company|name|organization|Brenton Shipping Company")) << dump_refs(doc2);
}

TEST(NameFinder, TwoNamesJoinedByAndAreNotOnePlace) {
  Document doc = code("Fans of the West Harbour Herons and the Kellow Falcons met at the ground.");
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(::testing::HasSubstr(" and "))) << dump_refs(doc);
  Document doc2 = code("Supporters saw West Harbour Herons and Kellow Falcons draw.");
  for (const auto& r : refs(doc2))
    EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("West Harbour Herons and Kellow Falcons|name|location")))
        << dump_refs(doc2);
}

TEST(NameFinder, WorksConferenceAndWeeklyEndOrganisationNames) {
  Document doc = code("The Grenville Locomotive Works sold engines to teams of the Upland Athletic Conference.");
  EXPECT_TRUE(has_ref(doc, "Grenville Locomotive Works|name|organization|Grenville Locomotive Works"))
      << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Upland Athletic Conference|name|organization|Upland Athletic Conference"))
      << dump_refs(doc);
}

TEST(NameFinder, AUnitsNumberOpensItsName) {
  Document doc = code("Pilots of the 48th Fighter Wing flew with the 7 Air Division over the sea.");
  EXPECT_TRUE(has_ref(doc, "48th Fighter Wing|name|organization|48th Fighter Wing")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "7 Air Division|name|organization|7 Air Division")) << dump_refs(doc);
  // A year is no unit's number.
  Document doc2 = code("The plant was sold in 1987 Harlow Shipping Company said.");
  EXPECT_TRUE(has_ref(doc2, "Harlow Shipping Company|name|organization|Harlow Shipping Company")) << dump_refs(doc2);
}

TEST(NameFinder, APlaceHeadAndAPluralNounAreATeam) {
  Document doc = code("Last season St. Marlow Kestrels lost twice to New Harwick Otters at home.");
  EXPECT_TRUE(has_ref(doc, "St. Marlow Kestrels|name|organization|St. Marlow Kestrels")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "New Harwick Otters|name|organization|New Harwick Otters")) << dump_refs(doc);
}

TEST(NameFinder, AnAbbreviatedSuffixFirstOpensAClubsName) {
  Document doc = code("Later that year Ortiz moved from FC Dravnik to Harlow AFC for a fee.");
  EXPECT_TRUE(has_ref(doc, "FC Dravnik|name|organization|FC Dravnik")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Harlow AFC|name|organization|Harlow AFC")) << dump_refs(doc);
}

TEST(NameFinder, ATitleWordAloneIsASurnameOnlyOfAPersonNamedSo) {
  Document doc = code("The final was won by Tom Painter on Sunday. Later Painter thanked the crowd.");
  EXPECT_TRUE(has_ref(doc, "Painter|name|person|Tom Painter")) << dump_refs(doc);
  // With no person of that name the title word is no name.
  Document doc2 = code("The gallery opened a show. Later Painter and Sculptor visitors arrived.");
  for (const auto& r : refs(doc2))
    EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("Painter|name"))) << dump_refs(doc2);
}

TEST(NameFinder, OfWithNoHeadWordBeforeItSeparatesTwoNames) {
  Document doc = code("He pitched for the Oakland Kestrels of Major Rowing League for two seasons.");
  EXPECT_TRUE(has_ref(doc, "Major Rowing League|name|organization|Major Rowing League")) << dump_refs(doc);
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(::testing::HasSubstr(" of "))) << dump_refs(doc);
  // A head word before "of" keeps one name.
  Document doc2 = code("She studied at the University of Dunmore Business School in the spring.");
  EXPECT_TRUE(
      has_ref(doc2, "University of Dunmore Business School|name|organization|University of Dunmore Business School"))
      << dump_refs(doc2);
}

TEST(NameFinder, AQuotedNicknameStaysInsideThePersonsName) {
  Document doc = code("The club signed Harold \"Brick\" Dunleavy in 1931. In Leeds and York, Dunleavy scored often.");
  EXPECT_TRUE(has_ref(doc, "Harold \"Brick\" Dunleavy|name|person|Harold \"Brick\" Dunleavy")) << dump_refs(doc);
  // The surname alone joins him, even where a list of places precedes it.
  EXPECT_TRUE(has_ref(doc, "Dunleavy|name|person|Harold \"Brick\" Dunleavy")) << dump_refs(doc);
}

TEST(NameFinder, MentionsGiveNamesRolesAndAdjectives) {
  Document doc = code(
      "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Thursday to discuss the "
      "Russian economy. "
      "Kremlin aide Yury Ushakov said the talks went well. Ushakov added that the Russian leader would "
      "visit Harbin. He will meet students there.");
  EXPECT_TRUE(has_ref(doc, "Vladimir Putin|name|person|Vladimir Putin")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Xi Jinping|name|person|Xi Jinping")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Russian|adjective|location|Russia")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Ushakov|name|person|Yury Ushakov")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Russian leader|role|person|Vladimir Putin")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "He|pronoun|person|Vladimir Putin")) << dump_refs(doc);
}

TEST(NameFinder, ARoleWordBeforeANameIsNoPartOfIt) {
  Document doc = code("Former treasurer Oskar Lindqvist said the budget was balanced.");
  bool named = false;
  for (const auto& r : refs(doc)) named = named || r.starts_with("Oskar Lindqvist|name|person|");
  EXPECT_TRUE(named) << dump_refs(doc);
}

TEST(NameFinder, ACamelCaseWordIsACompanysSpelling) {
  Document doc = code("The shop later sold its stock to BrightHollow and closed.");
  EXPECT_TRUE(has_ref(doc, "BrightHollow|name|organization|BrightHollow")) << dump_refs(doc);
  // Surname prefixes are no company spelling.
  Document doc2 = code("The shop later sold its stock to Fiona McTavish and closed.");
  EXPECT_TRUE(has_ref(doc2, "Fiona McTavish|name|person|Fiona McTavish")) << dump_refs(doc2);
  // The prefixes are the cue file's `name_prefix` words ("Vander" of Dutch-American surnames among them).
  Document doc3 = code("Yesterday Voss VanderMolen closed the shop for good.");
  EXPECT_TRUE(has_ref(doc3, "Voss VanderMolen|name|person|Voss VanderMolen")) << dump_refs(doc3);
}

TEST(NameFinder, PronounSkipsAPersonOfTheOtherGender) {
  Document doc = code("Anna Petrova met Ivan Sokolov. She said he was late. She left early.");
  EXPECT_TRUE(has_ref(doc, "She|pronoun|person|Ivan Sokolov")) << dump_refs(doc);  // most recent person
  EXPECT_TRUE(has_ref(doc, "he|pronoun|person|Anna Petrova")) << dump_refs(doc);   // Sokolov is now 'she'
}

TEST(NameFinder, LowerCaseText) {
  Document doc = code("newly minted defense minister andrey belousov arrived in the city on thursday.");
  EXPECT_TRUE(has_ref(doc, "andrey belousov|name|person|andrey belousov")) << dump_refs(doc);
  Document doc2 = code("the defense minister said the talks went well and the minister arrived later.");
  for (const auto& r : refs(doc2)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|name|person"))) << dump_refs(doc2);
}

TEST(NameFinder, MentionsAreNotChanged) {
  const std::string text = "Spokesman Omar Haddad of the Zenith Trading Company said Kowalski arrived.";
  Document doc;
  doc.article.text = text;
  doc.article.published = *parse_date("2024-05-16");
  analyze_text(rules(), doc.article, doc.text);
  index().find(doc);
  std::vector<Mention> before = doc.mentions;
  size_t entities_before = doc.entities.size();
  names().find(doc, &index(), nullptr);
  ASSERT_EQ(before.size(), doc.mentions.size());
  for (size_t i = 0; i < before.size(); ++i) EXPECT_EQ(before[i].entity, doc.mentions[i].entity);
  EXPECT_GT(doc.entities.size(), entities_before);
}

TEST(NameFinder, CapitalisedWordsTheArticleWritesInLowerCaseAreNoPerson) {
  // "Garden Tools" by shape alone would be a person; the article writes "tools" in lower case.
  Document doc = code("The shop sold Garden Tools to anyone who needed tools for the spring.");
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(HasSubstr("Garden Tools|name"))) << dump_refs(doc);
  // Without a lower-case use the same shape is still a person, when the word lists do not know both words
  // as common English words (the small lists here do not; the installed ones do: CommonWordsAlone...).
  Document doc2 = code_with(names_with_lists(), "The shop sold Garden Tools to anyone who asked.");
  EXPECT_TRUE(has_ref(doc2, "Garden Tools|name|person|Garden Tools")) << dump_refs(doc2);
}

TEST(NameFinder, ACapitalisedTheInsideASentenceOpensAnOrganisationsName) {
  Document doc = code("In 1994 the group toured with The Velvet Lanterns across the north.");
  EXPECT_TRUE(has_ref(doc, "The Velvet Lanterns|name|organization|The Velvet Lanterns")) << dump_refs(doc);
  // A lower-case "the" before one plural capitalised word: a team or a band.
  Document doc2 = code("On Sunday the Kestrels beat their rivals by ten points.");
  EXPECT_TRUE(has_ref(doc2, "Kestrels|name|organization|Kestrels")) << dump_refs(doc2);
  // A sentence's first "The" does not count.
  Document doc3 = code("The Velvet Lanterns played on. Later Velvet Lanterns fans left.");
  for (const auto& r : refs(doc3))
    EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("The Velvet"))) << dump_refs(doc3);
}

TEST(NameFinder, ACountrysAbbreviationBeforeANounIsItsName) {
  Document doc = code("The U.S. economy and the UK economy grew faster than the American economy.");
  EXPECT_TRUE(has_ref(doc, "U.S.|name|location|United States")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "American|adjective|location|United States")) << dump_refs(doc);
}

TEST(NameFinder, ACapitalisedGroupAgentIsAnOrganisationsName) {
  Document doc = code("A patrol of the Indonesian Navy stopped the boat, and the navy towed it away.");
  bool named = false;
  for (const auto& r : refs(doc)) named = named || r.starts_with("Indonesian Navy|name|organization|");
  EXPECT_TRUE(named) << dump_refs(doc);
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("navy|name"))) << dump_refs(doc);
}

TEST(NameFinder, TitleWordsThatAreNoTitles) {
  // A title word ending a name that opens with a given name is the surname.
  Document doc = code("The portrait was sold by Anna Painter in 1990.");
  EXPECT_TRUE(has_ref(doc, "Anna Painter|name|person|Anna Painter")) << dump_refs(doc);
  // A title word before an organisation word opens the organisation's name.
  Document doc2 = code("He played three seasons in the Major Rowing League before retiring.");
  EXPECT_TRUE(has_ref(doc2, "Major Rowing League|name|organization|Major Rowing League")) << dump_refs(doc2);
  // A regnal number stays in the name.
  Document doc3 = code("The treaty was signed by Charles XII in the spring.");
  EXPECT_TRUE(has_ref(doc3, "Charles XII|name|person|Charles XII")) << dump_refs(doc3);
}

TEST(NameFinder, AOneWordPlaceTheArticleWritesInLowerCaseNeedsACue) {
  // After "to" the actor index reads an unknown capitalised word as a place; the article's lower-case
  // "marketing" shows it is a common word.
  Document doc = code("He moved to Marketing in 2001 and worked in marketing.");
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("Marketing|"))) << dump_refs(doc);
  Document doc2 = code("She moved to Marketing in 2001.");
  EXPECT_TRUE(has_ref(doc2, "Marketing|name|location|Marketing")) << dump_refs(doc2);
}

TEST(NameFinder, ADictionarySurnameInsideAnotherPersonsNameIsPartOfIt) {
  // "Putin" is a dictionary surname; here it is part of two other people's names.
  Document doc = code("The orchestra was led by Putin Varga, and later by Elena Putin.");
  EXPECT_TRUE(has_ref(doc, "Putin Varga|name|person|Putin Varga")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Elena Putin|name|person|Elena Putin")) << dump_refs(doc);
  // Alone, or after a title, it is still the dictionary's person.
  Document doc2 = code("President Putin met the orchestra. Putin praised it.");
  EXPECT_TRUE(has_ref(doc2, "Putin|name|person|Vladimir Putin")) << dump_refs(doc2);
  for (const auto& r : refs(doc2))
    EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("President Putin|"))) << dump_refs(doc2);
}

TEST(NameFinder, CommonWordsAloneAreNoPersonsName) {
  // Every word a common English word, no given name first: not a person by shape.
  const std::string text = "Historians say Cold War rhetoric returned this year.";
  Document doc = code_with(names_with_lists(), text);
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(HasSubstr("Cold War|name|person"))) << dump_refs(doc);
  // Without the word lists the same words are still read by shape (the rule needs the lists).
  auto plain = NameFinder::parse("name_cues.tsv", cue_text(), nullptr);
  ASSERT_TRUE(plain.ok());
  Document doc1 = code_with(*plain.value(), text);
  EXPECT_TRUE(has_ref(doc1, "Cold War|name|person|Cold War")) << dump_refs(doc1);
  // A given name first keeps the person, common words or not.
  Document doc2 = code_with(names_with_lists(), "The jury chose Rose Baker after a long vote.");
  EXPECT_TRUE(has_ref(doc2, "Rose Baker|name|person|Rose Baker")) << dump_refs(doc2);
  // After a lower-case "the" common words alone are no organisation either, unless a plural noun ends them.
  Document doc4 = code_with(names_with_lists(), "Historians say the Cold War shaped the talks.");
  for (const auto& r : refs(doc4)) EXPECT_THAT(r, ::testing::Not(HasSubstr("Cold War|name"))) << dump_refs(doc4);
  // Words no list knows keep the shape rule.
  Document doc3 = code_with(names_with_lists(), "The jury chose Rustam Kolbenko after a long vote.");
  EXPECT_TRUE(has_ref(doc3, "Rustam Kolbenko|name|person|Rustam Kolbenko")) << dump_refs(doc3);
}

TEST(NameFinder, AFrequentWordFirstIsNoPersonByShapeAlone) {
  // "Copper" is a frequent English word and no given name: shape alone makes no person of the run.
  Document doc = code_with(names_with_lists(), "Tickets for Copper Lanthorne sold out within minutes.");
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|name|person"))) << dump_refs(doc);
  // A word no list knows first keeps the shape rule.
  Document doc1 = code_with(names_with_lists(), "Tickets for Brannock Lanthorne sold out within minutes.");
  EXPECT_TRUE(has_ref(doc1, "Brannock Lanthorne|name|person|Brannock Lanthorne")) << dump_refs(doc1);
}

TEST(NameFinder, AFrequentWordOpeningASentenceLeavesTheName) {
  // Capitalised for its place only: dropped before a given name ...
  Document doc = code_with(names_with_lists(), "Reportedly Oskar Lindqvist left the firm in March.");
  EXPECT_TRUE(has_ref(doc, "Oskar Lindqvist|name|person|Oskar Lindqvist")) << dump_refs(doc);
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(HasSubstr("Reportedly"))) << dump_refs(doc);
  // ... and before one word the article writes as a name inside a sentence (here the author's surname).
  Document doc1 =
      code_with(names_with_lists(), "The plan was written by Marta Kowalczyk. Apparently Kowalczyk worked alone.");
  EXPECT_TRUE(has_ref(doc1, "Kowalczyk|name|person|Marta Kowalczyk")) << dump_refs(doc1);
  for (const auto& r : refs(doc1)) EXPECT_THAT(r, ::testing::Not(HasSubstr("Apparently"))) << dump_refs(doc1);
}

TEST(NameFinder, AnAcronymCutFromAListIsAnOrganisation) {
  // "KVRA and Harlan Voss" is one run no cue types; cut at "and", the ALL-CAPS piece is an acronym as it is alone.
  Document doc = code("Lawyers for KVRA and Harlan Voss filed the suit in June.");
  EXPECT_TRUE(has_ref(doc, "KVRA|name|organization|KVRA")) << dump_refs(doc);
}

TEST(NameFinder, ADescriptionBeforeAGivenNameIsNoPartOfTheName) {
  // A word that is no given name before one that is: a demonym or a role, not the person's first name.
  Document doc = code_with(names_with_lists(), "The title was won by Vorlander Peter Halvorsen last year.");
  EXPECT_TRUE(has_ref(doc, "Peter Halvorsen|name|person|Peter Halvorsen")) << dump_refs(doc);
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(HasSubstr("Vorlander"))) << dump_refs(doc);
  // A given name first keeps all three words.
  Document doc1 = code_with(names_with_lists(), "The title was won by Rose Peter Halvorsen last year.");
  EXPECT_TRUE(has_ref(doc1, "Rose Peter Halvorsen|name|person|Rose Peter Halvorsen")) << dump_refs(doc1);
}

TEST(NameFinder, APlaceWordBeforeOfNamesAPlace) {
  // "<place word> of <Name>": the whole is the place's name, also around a place the dictionaries know.
  Document doc = code("Herders crossed the Plains of Varnak before the City of Westmoor closed its gates.");
  EXPECT_TRUE(has_ref(doc, "Plains of Varnak|name|location|Plains of Varnak")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "City of Westmoor|name|location|City of Westmoor")) << dump_refs(doc);
  // An organisation's head word before "of" still makes an organisation.
  Document doc1 = code("She studied at the University of Westmoor for two years.");
  EXPECT_TRUE(has_ref(doc1, "University of Westmoor|name|organization|University of Westmoor")) << dump_refs(doc1);
}

TEST(NameFinder, AFrequentWordAloneIsAPlaceOnlyAfterAPlacePreposition) {
  if (gazetteer() == nullptr) GTEST_SKIP() << "no gazetteer built";
  // "Stone" is a frequent English word and a town the gazetteer knows: alone it is no place ...
  Document doc = code_with(names_with_lists(), "The crowd cheered for Stone all night long.");
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(HasSubstr("Stone|name|location"))) << dump_refs(doc);
  // ... unless a place preposition comes before it.
  Document doc1 = code_with(names_with_lists(), "The crowd later drove to Stone for the night.");
  EXPECT_TRUE(has_ref(doc1, "Stone|name|location|Stone")) << dump_refs(doc1);
}

TEST(NameFinder, AHyphenatedPairOfCountriesIsNoPartOfAName) {
  Document doc = code_with(names_with_lists(), "Analysts marked the anniversary of China-Russia Diplomatic ties.");
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|name|person"))) << dump_refs(doc);
}

TEST(NameFinder, AKnownCompanyIsAnOrganisation) {
  Document doc = code_with(names_with_lists(), "Analysts said Quantexa had grown fast.");
  EXPECT_TRUE(has_ref(doc, "Quantexa|name|organization|Quantexa")) << dump_refs(doc);
  // A company name that is also a common word is not read from the list.
  Document doc2 = code_with(names_with_lists(), "Analysts said Silver had grown fast.");
  for (const auto& r : refs(doc2))
    EXPECT_THAT(r, ::testing::Not(HasSubstr("Silver|name|organization"))) << dump_refs(doc2);
}

TEST(NameFinder, ACountrysLongNameIsAPlaceInsideADocumentTitle) {
  // Inside a document's title the actor index reads no country; the name is still a place, not an organisation.
  Document doc = code("They issued the Joint Declaration of Fiji and the Russian Federation on Fishing Rights.");
  EXPECT_TRUE(has_ref(doc, "Russian Federation|name|location|Russian Federation")) << dump_refs(doc);
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(HasSubstr("Russian Federation|name|organization")));
}

TEST(NameFinder, ARunOpeningInsideAMentionWithTheHoldsTheWholeName) {
  // "the West" is a region mention and "Jersey" a territory's: the run "West Jersey" after "the" holds both,
  // and the compass word types it a place (before: "West" and "Jersey" were two places).
  Document doc = code("The driver of the West Jersey train saw the signal too late.");
  EXPECT_TRUE(has_ref(doc, "West Jersey|name|location|West Jersey")) << dump_refs(doc);
  for (const auto& r : refs(doc))
    EXPECT_THAT(r, ::testing::Not(HasSubstr("Jersey|name|location|Jersey"))) << dump_refs(doc);
}

TEST(NameFinder, AClassNounAfterOrBeforeTypesAName) {
  // "<Name> is a ... <noun>" and "<Name>, a ... <noun>": an organisation noun or a place noun types the name, and
  // the same words elsewhere in the article follow it.
  Document doc = code("Brixelmart is a Danish retail chain. Last year Brixelmart opened two stores.");
  EXPECT_TRUE(has_ref(doc, "Brixelmart|name|organization|Brixelmart")) << dump_refs(doc);
  Document doc1 = code("They met Tolvane Rusk, a small indie band, after the show.");
  EXPECT_TRUE(has_ref(doc1, "Tolvane Rusk|name|organization|Tolvane Rusk")) << dump_refs(doc1);
  // (A sentence's first word is a name only when the article also writes it capitalised inside a sentence.)
  Document doc2 = code("Harlowby is a small village in the parish of Dunthorpe. Walkers reach Harlowby by ferry.");
  EXPECT_TRUE(has_ref(doc2, "Harlowby|name|location|Harlowby")) << dump_refs(doc2);
  EXPECT_TRUE(has_ref(doc2, "Dunthorpe|name|location|Dunthorpe")) << dump_refs(doc2);
  // A person's evidence (a given name first) wins, and a noun that is no class noun types nothing.
  Document doc3 = code("They met Anna Kowal, a small band's manager, after the show.");
  EXPECT_TRUE(has_ref(doc3, "Anna Kowal|name|person|Anna Kowal")) << dump_refs(doc3);
  Document doc4 = code("They met Tolvane Rusk, a tall stranger, after the show.");
  for (const auto& r : refs(doc4)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|organization|"))) << dump_refs(doc4);
  // A class noun that only modifies the head noun after it types nothing: a party's spokesman is a person.
  for (const char* text : {"They met Tolvane Rusk, a party spokesman, after the show.",
                           "Tolvane Rusk is a city councillor in the north."}) {
    Document d = code(text);
    for (const auto& r : refs(d)) {
      EXPECT_THAT(r, ::testing::Not(HasSubstr("Tolvane Rusk|name|organization"))) << dump_refs(d);
      EXPECT_THAT(r, ::testing::Not(HasSubstr("Tolvane Rusk|name|location"))) << dump_refs(d);
    }
  }
}

TEST(NameFinder, ASentenceInitialNameBeforeAClassNounIsKept) {
  // An article's opening "<Name> is a <class noun>": the first word is typed by the noun although the article
  // never writes it inside a sentence; a word the article writes in lower case is still no name.
  Document doc = code("Vellardin is a commune in the south of the region.");
  EXPECT_TRUE(has_ref(doc, "Vellardin|name|location|Vellardin")) << dump_refs(doc);
  Document doc1 = code("Grimwold is an indie rock band from the north.");
  EXPECT_TRUE(has_ref(doc1, "Grimwold|name|organization|Grimwold")) << dump_refs(doc1);
  Document doc2 = code("Ferry is a town service. The ferry runs daily.");
  for (const auto& r : refs(doc2)) EXPECT_THAT(r, ::testing::Not(HasSubstr("Ferry|"))) << dump_refs(doc2);
}

TEST(NameFinder, ANameBeforeACommaAndACountryOrStateIsAPlace) {
  // "<Name>, <country>" or "<Name>, <state>" closed by punctuation: a place of that country or state.
  Document doc = code("The squadron left Ostwick, England, in the spring.");
  EXPECT_TRUE(has_ref(doc, "Ostwick|name|location|Ostwick")) << dump_refs(doc);
  Document doc1 = code("The plant stands beside Marrowby Cross, Ohio.");
  EXPECT_TRUE(has_ref(doc1, "Marrowby Cross|name|location|Marrowby Cross")) << dump_refs(doc1);
  // A person's name (a given name first) is no place, and a comma before other words types nothing.
  Document doc2 = code("The report was written by Anna Kowal, England.");
  EXPECT_TRUE(has_ref(doc2, "Anna Kowal|name|person|Anna Kowal")) << dump_refs(doc2);
  Document doc3 = code("The team beat Tolvane Rusk, England coach.");
  for (const auto& r : refs(doc3))
    EXPECT_THAT(r, ::testing::Not(HasSubstr("Tolvane Rusk|name|location"))) << dump_refs(doc3);
}

TEST(NameFinder, AGivenNameAndAPlacesNameAreOnePerson) {
  // A given name (or a title) before one word the dictionaries read as a capital: the person's whole name, and the
  // word alone later is the person, except after a place preposition.
  Document doc =
      code("Historians said George Washington crossed the river. Later Washington rested, then rode to Washington.");
  EXPECT_TRUE(has_ref(doc, "George Washington|name|person|George Washington")) << dump_refs(doc);
  int person = 0, place = 0;
  for (const auto& r : refs(doc)) {
    person += r == "Washington|name|person|George Washington" ? 1 : 0;
    place += r.starts_with("Washington|name|location|") ? 1 : 0;
  }
  EXPECT_EQ(person, 1) << dump_refs(doc);
  EXPECT_EQ(place, 1) << dump_refs(doc);
  Document doc1 = code("The novelist Jack London wrote the book in Oakland.");
  EXPECT_TRUE(has_ref(doc1, "Jack London|name|person|Jack London")) << dump_refs(doc1);
  // Before the person is named, the word is still the place.
  Document doc2 =
      code("London and Paris agreed on new sanctions. At a festival, the novelist Jack London was remembered.");
  EXPECT_TRUE(has_ref(doc2, "Jack London|name|person|Jack London")) << dump_refs(doc2);
  for (const auto& r : refs(doc2)) EXPECT_NE(r, "London|name|person|Jack London") << dump_refs(doc2);
}

TEST(NameFinder, ACountrysNameAfterATitleAndAGivenNameIsASurname) {
  // "Prime Minister Luís Montenegro": a title and a given name (with a diacritic the name lists lack) before a
  // country's own name make one person; the word alone later, with a person's verb after it, is that person and no
  // longer an actor mention of the country.
  Document doc = code("Prime Minister Luís Montenegro opened the fair. Later Montenegro said exports had grown.");
  EXPECT_TRUE(has_ref(doc, "Luís Montenegro|name|person|Luís Montenegro")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Montenegro|name|person|Luís Montenegro")) << dump_refs(doc);
  for (const Mention& m : doc.mentions) EXPECT_NE(m.actor.code, "MNE") << dump_refs(doc);
  // the country's entity, left with no mention or reference, is gone; every index still points in range
  for (const Entity& e : doc.entities) EXPECT_NE(e.code, "MNE") << dump_refs(doc);
  for (const Mention& m : doc.mentions) EXPECT_LT(m.entity, static_cast<int32_t>(doc.entities.size()));
  for (const EntityReference& r : doc.references) EXPECT_LT(r.entity, static_cast<int32_t>(doc.entities.size()));
  // Without a title the country's name stays the country ("Maria Jordan" ... "Jordan").
  Document other = code("Maria Jordan opened the fair. Later Jordan said exports had grown.");
  for (const auto& r : refs(other)) EXPECT_NE(r, "Jordan|name|person|Maria Jordan") << dump_refs(other);
}

TEST(NameFinder, APersonsContextMakesAnUnknownWordAndAPlacesNameOnePerson) {
  // No given name of the cue file, but an apposition with a person noun after the run: one person, and the place's
  // word alone later (and the whole name again) is that person.
  Document doc = code(
      "Torvid London, a retired farmer, sold the land in 2019. London said the price was fair, Torvid London wrote.");
  auto all = refs(doc);
  EXPECT_EQ(std::count(all.begin(), all.end(), "Torvid London|name|person|Torvid London"), 2) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "London|name|person|Torvid London")) << dump_refs(doc);
  for (const auto& r : refs(doc))
    EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("London|name|location"))) << dump_refs(doc);
  // A person's verb right after the run, and a country adjective among the apposition's modifiers.
  Document doc1 = code("In the hearing Orsolya Berlin said the plan had failed.");
  EXPECT_TRUE(has_ref(doc1, "Orsolya Berlin|name|person|Orsolya Berlin")) << dump_refs(doc1);
  Document doc2 = code("The deal was signed by Brenna Madrid, an Irish lawyer, in May.");
  EXPECT_TRUE(has_ref(doc2, "Brenna Madrid|name|person|Brenna Madrid")) << dump_refs(doc2);
  // With no such context the two stay apart.
  Document doc3 = code("The deal was signed by Brenna Madrid in May.");
  for (const auto& r : refs(doc3))
    EXPECT_THAT(r, ::testing::Not(HasSubstr("Brenna Madrid|name|person"))) << dump_refs(doc3);
}

TEST(NameFinder, AnOrganisationsContextOutweighsAPlaceWord) {
  Document doc = code("The singer signed with Morrow Lake in March.");
  EXPECT_TRUE(has_ref(doc, "Morrow Lake|name|organization|Morrow Lake")) << dump_refs(doc);
  Document doc1 = code("The children swam in Morrow Lake in March.");
  EXPECT_TRUE(has_ref(doc1, "Morrow Lake|name|location|Morrow Lake")) << dump_refs(doc1);
}

TEST(NameFinder, AShortFormOfAnOrganisationKeepsItsType) {
  // The words before an organisation's suffix word name it again later ...
  Document doc = code("Tarvane Engine Works built the locomotive in 1882. The order made Tarvane famous.");
  EXPECT_TRUE(has_ref(doc, "Tarvane|name|organization|Tarvane")) << dump_refs(doc);
  // ... and a team's words after its place name the team ("River Hawks" is no river).
  Document doc1 = code("The Fresno River Hawks signed him in 2001. He pitched for the River Hawks until 2004.");
  EXPECT_TRUE(has_ref(doc1, "River Hawks|name|organization|River Hawks")) << dump_refs(doc1);
  // After a place preposition the short form is the place again; a person's name before a suffix stays a person's.
  Document doc2 = code("Dunmore Quarry Company closed in 1920. The workers moved to Dunmore later.");
  for (const auto& r : refs(doc2))
    EXPECT_THAT(r, ::testing::Not(HasSubstr("Dunmore|name|organization"))) << dump_refs(doc2);
  Document doc3 = code("Anna Kowal Foundation gave grants. Anna Kowal said the fund grew.");
  EXPECT_TRUE(has_ref(doc3, "Anna Kowal|name|person|Anna Kowal")) << dump_refs(doc3);
}

TEST(NameFinder, AListItemBesideAnOrganisationIsOne) {
  // One or two words with no other cue, separated by a comma from an organisation's name in a list: an organisation.
  Document doc = code("The shop paid Kellmark Holdings, Dorvan Records, and Tessly last year.");
  EXPECT_TRUE(has_ref(doc, "Tessly|name|organization|Tessly")) << dump_refs(doc);
  // "and" alone is no list ("Harbor Times and Mail" may be one name); a person's evidence keeps a person.
  Document doc1 = code("The shop paid Dorvan Records and Tessly last year.");
  for (const auto& r : refs(doc1))
    EXPECT_THAT(r, ::testing::Not(HasSubstr("Tessly|name|organization"))) << dump_refs(doc1);
  Document doc2 = code("The shop paid Dorvan Records, Anna Kowal, and Kellmark Holdings.");
  EXPECT_TRUE(has_ref(doc2, "Anna Kowal|name|person|Anna Kowal")) << dump_refs(doc2);
}

// Two names that end in the same kind of suffix are two names also when the second opens with an English word
// ("Green Party"); only suffix words after "and" continue one name (the bank and trust company above).
TEST(NameFinder, AndBeforeAnOrdinaryWordOpensASecondName) {
  Document doc = code("The Kestrel Party and Forward Party formed a coalition after the vote.");
  EXPECT_TRUE(has_ref(doc, "Kestrel Party|name|organization|Kestrel Party")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Forward Party|name|organization|Forward Party")) << dump_refs(doc);
}

// A city's name and a word that is no English word is a person whose first name is a city's ("Memphis", "Savannah");
// capitals last are a club's abbreviation.
TEST(NameFinder, ACitysNameAndASurnameAreAPerson) {
  Document doc = code("The minister met Memphis Varden on Wednesday to discuss the budget.");
  EXPECT_TRUE(has_ref(doc, "Memphis Varden|name|person|Memphis Varden")) << dump_refs(doc);
  Document doc1 = code("The fans cheered striker Tom Hale of Calgary HC after the second goal.");
  EXPECT_TRUE(has_ref(doc1, "Calgary HC|name|organization|Calgary HC")) << dump_refs(doc1);
}

// "sold to", "bought by", "funded by" come before people as often as before firms: no organisation cue.
TEST(NameFinder, ABuyerOrFunderIsNoOrganisationByTheVerbAlone) {
  Document doc = code("The newspaper group was sold to Mukesh Rathore in 2010.");
  EXPECT_TRUE(has_ref(doc, "Mukesh Rathore|name|person|Mukesh Rathore")) << dump_refs(doc);
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|organization|"))) << dump_refs(doc);
}

// A time or a unit written in capitals after a number has a call sign's shape but names nothing.
TEST(NameFinder, ATimeOrAUnitIsNoCallSign) {
  Document doc = code("The rally of Mayor Dana Whitcombe starts at 7PM, and each laptop has 8GB of memory.");
  EXPECT_TRUE(has_ref(doc, "Dana Whitcombe|name|person|Dana Whitcombe")) << dump_refs(doc);
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|organization|"))) << dump_refs(doc);
}

// A given name and a plural that is no English noun's are a person, also after a title; a plural noun keeps a team.
TEST(NameFinder, AGivenNameAndASurnameInSAreNoTeam) {
  Document doc = code("Health Secretary Victoria Hallins announced new funding for hospitals.");
  EXPECT_TRUE(has_ref(doc, "Victoria Hallins|name|person|Victoria Hallins")) << dump_refs(doc);
  Document doc1 = code("Fans cheered as the Dallas Kestrels beat their rivals.");
  EXPECT_TRUE(has_ref(doc1, "Dallas Kestrels|name|organization|Dallas Kestrels")) << dump_refs(doc1);
}

// A weekday after a possessive opens a paper's name like one after an article.
TEST(NameFinder, AWeekdayAfterAPossessiveOpensTheName) {
  Document doc = code("Britain's Sunday Gazette reported that the talks had failed.");
  EXPECT_TRUE(has_ref(doc, "Sunday Gazette|name|organization|Sunday Gazette")) << dump_refs(doc);
}

// After "in" or "at", a particle only people's names hold ("bin") is still a person's evidence.
TEST(NameFinder, APersonsParticleAfterAtIsStillAPerson) {
  Document doc = code("Protesters threw eggs at Harun bin Yusof outside the court.");
  EXPECT_TRUE(has_ref(doc, "Harun bin Yusof|name|person|Harun bin Yusof")) << dump_refs(doc);
}

TEST(NameFinder, AnOrganisationSuffixEndingTheNameBeatsAnAgentWordAtItsStart) {
  // The actor index reads a religious agent word and the capitalised words after it as a person; the suffix
  // word at the end of the capitalised sequence makes the whole of it an organisation's name.
  Document doc = code("The Christian Liberal Party lost two seats in the vote.");
  EXPECT_TRUE(has_ref(doc, "Christian Liberal Party|name|organization|Christian Liberal Party")) << dump_refs(doc);
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|person|"))) << dump_refs(doc);
  Document doc1 = code("The Muslim National League called a strike.");
  EXPECT_TRUE(has_ref(doc1, "Muslim National League|name|organization|Muslim National League")) << dump_refs(doc1);
  Document doc2 = code("The Christian National Party of Brelland opposed the new tax.");
  EXPECT_TRUE(has_ref(doc2, "Christian National Party|name|organization|Christian National Party")) << dump_refs(doc2);
}

TEST(NameFinder, ThreeShortWordsAreAnEastAsianPersonsName) {
  // A family name that is also a town's name does not make the name a club named after its city.
  Document doc = code("The federation's current chairman is Lim Young Soo, who was elected last year.");
  EXPECT_TRUE(has_ref(doc, "Lim Young Soo|name|person|Lim Young Soo")) << dump_refs(doc);
  Document doc1 = code("Yesterday Kang Min Hwan arrived at the airport with his family.");
  EXPECT_TRUE(has_ref(doc1, "Kang Min Hwan|name|person|Kang Min Hwan")) << dump_refs(doc1);
}

TEST(NameFinder, AKnownOrganisationsNameEndsBeforeCapitalisedCommonWords) {
  // One name, one span: a common word after an organisation the article names is no part of its name.
  static std::shared_ptr<const NameFinder> finder = [] {
    auto lex = NameLexicon::from_lists({{"home", 10}, {"game", 10}, {"fans", 10}}, {}, {});
    auto loaded = NameFinder::parse("name_cues.tsv", cue_text(), lex);
    if (!loaded.ok()) ADD_FAILURE() << loaded.error().str();
    return loaded.ok() ? loaded.value() : nullptr;
  }();
  Document doc = code_with(*finder,
                           "Fans of the Harbourton Comets filled the stands. Local radio carried every Harbourton "
                           "Comets Home game last season.");
  int comets = 0;
  for (const auto& r : refs(doc)) {
    EXPECT_THAT(r, ::testing::Not(HasSubstr("Home|"))) << dump_refs(doc);
    if (r == "Harbourton Comets|name|organization|Harbourton Comets") ++comets;
  }
  EXPECT_EQ(comets, 2) << dump_refs(doc);
}

TEST(NameFinder, AOneWordGivenNameOfTheListsThatIsNothingElseIsAPerson) {
  static std::shared_ptr<const NameFinder> finder = [] {
    auto lex = NameLexicon::from_lists({{"sterling", 35}, {"door", 10}}, {"Marisol", "Sterling"}, {});
    auto loaded = NameFinder::parse("name_cues.tsv", cue_text(), lex);
    if (!loaded.ok()) ADD_FAILURE() << loaded.error().str();
    return loaded.ok() ? loaded.value() : nullptr;
  }();
  Document doc = code_with(*finder, "The host greeted Marisol at the door before the speeches began.");
  EXPECT_TRUE(has_ref(doc, "Marisol|name|person|Marisol")) << dump_refs(doc);
  // a given name that is also a common English word is no person by itself
  Document doc1 = code_with(*finder, "The host greeted Sterling at the door before the speeches began.");
  for (const auto& r : refs(doc1)) EXPECT_THAT(r, ::testing::Not(HasSubstr("Sterling|name"))) << dump_refs(doc1);
}

TEST(NameFinder, ACompanyOfTheListsThatIsALessCommonWordIsTheCompanyWhenNeverWrittenInLowerCase) {
  static std::shared_ptr<const NameFinder> finder = [] {
    auto lex = NameLexicon::from_lists({{"quillo", 35}, {"bird", 10}}, {}, {"Quillo"});
    auto loaded = NameFinder::parse("name_cues.tsv", cue_text(), lex);
    if (!loaded.ok()) ADD_FAILURE() << loaded.error().str();
    return loaded.ok() ? loaded.value() : nullptr;
  }();
  Document doc = code_with(*finder, "Thousands of users complained about Quillo after the outage.");
  EXPECT_TRUE(has_ref(doc, "Quillo|name|organization|Quillo")) << dump_refs(doc);
  // the article writes the word in lower case too: a common word, no company
  Document doc1 =
      code_with(*finder, "Thousands of users complained about Quillo after the outage. A quillo is a small bird.");
  for (const auto& r : refs(doc1)) EXPECT_THAT(r, ::testing::Not(HasSubstr("Quillo|name"))) << dump_refs(doc1);
}

TEST(NameFinder, APossessiveThatStandsAloneNamesAShop) {
  // nothing the possessive could own follows it: "and", "was", "in" (`possessive_end`), a comma, the sentence's end
  Document doc = code(
      "The Dorrow Valley arcade opened with Hallam's and Brisket Lane as anchors. Later Penwick's was added, and "
      "the friends met at Quorley's, a bar on the square.");
  EXPECT_TRUE(has_ref(doc, "Hallam's|name|organization|Hallam's")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Penwick's|name|organization|Penwick's")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Quorley's|name|organization|Quorley's")) << dump_refs(doc);
  // the possessive written apart from the name, as tokenised corpora do
  Document doc1 = code("The arcade opened with Hallam 's in 1985.");
  EXPECT_TRUE(has_ref(doc1, "Hallam 's|name|organization|Hallam 's")) << dump_refs(doc1);
  // a person's possessive: a given name first, or a person the article names
  Document doc3 = code("The band toured with Rudy Kessler's in 1937. Anton Vesk joined later, and Vesk's was next.");
  for (const auto& r : refs(doc3)) EXPECT_THAT(r, ::testing::Not(HasSubstr("'s|name|organization"))) << dump_refs(doc3);
  // a possessive before what it owns is no name of its own, nor are two possessives that own one noun
  Document doc2 = code("The arcade sold Penwick's pottery. It also sold Hallam's and Quorley's candles.");
  for (const auto& r : refs(doc2)) EXPECT_THAT(r, ::testing::Not(HasSubstr("'s|name|organization"))) << dump_refs(doc2);
}

TEST(NameFinder, APurposesForAfterAnOrganisationWordStaysInTheName) {
  static std::shared_ptr<const NameFinder> finder = [] {
    auto lex = NameLexicon::from_lists({{"coastal", 35}, {"arts", 20}, {"tidal", 35}, {"studies", 20}}, {}, {});
    auto loaded = NameFinder::parse("name_cues.tsv", cue_text(), lex);
    if (!loaded.ok()) ADD_FAILURE() << loaded.error().str();
    return loaded.ok() ? loaded.value() : nullptr;
  }();
  // "for" after an organisation head or suffix word and before a common English word joins the name as "of" does,
  // also before "the"
  Document doc = code_with(*finder,
                           "A grant from the Penhallow Foundation for the Coastal Arts paid for the study. Researchers "
                           "at the Dunmore Institute for Tidal Studies wrote it.");
  EXPECT_TRUE(has_ref(doc,
                      "Penhallow Foundation for the Coastal Arts|name|organization|Penhallow Foundation for the "
                      "Coastal Arts"))
      << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Dunmore Institute for Tidal Studies|name|organization|Dunmore Institute for Tidal Studies"))
      << dump_refs(doc);
  // another body's name after "for" is no purpose: "the Varrow Hockey League" and the team are two names
  Document doc1 = code_with(*finder, "Tomas Brell played in the Varrow Hockey League for the Dunmore Kestrels.");
  EXPECT_TRUE(has_ref(doc1, "Varrow Hockey League|name|organization|Varrow Hockey League")) << dump_refs(doc1);
}

TEST(NameFinder, AnOrdinalAloneBeforeAVerbIsANumberedUnit) {
  Document doc = code("The 212th was raised near Harrowgate in 1861. In spring the 44th also crossed the river.");
  EXPECT_TRUE(has_ref(doc, "212th|name|organization|212th")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "44th|name|organization|44th")) << dump_refs(doc);
  // an adjective before its noun, a date after a word of time, a count with no ordinal ending, an ordinal before
  // a word in -ed (as often a participle of a noun as a verb): no unit
  Document doc1 = code(
      "In the 19th century the 12 were freed. On the 5th of May the 3rd round ended. The 9th seeded player lost to "
      "the 2nd seeded player. In spring the 31st marched north.");
  for (const auto& r : refs(doc1)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|name|organization"))) << dump_refs(doc1);
}

// One name, one type: once the article names an ordinal a unit, "the" and that ordinal are the unit again before a
// verb in -ed or any other lower-case word; not before an organisation word, nor after a word of time.
TEST(NameFinder, AnOrdinalTheArticleNamesAUnitIsThatUnitAgain) {
  Document doc = code(
      "The 318th was raised near Kellford in 1862. Later the 318th fought at Dunmarsh, and the 318th along with two "
      "batteries held the ridge until dawn.");
  int units = 0;
  for (const auto& r : refs(doc))
    if (r == "318th|name|organization|318th") ++units;
  EXPECT_EQ(units, 3) << dump_refs(doc);
  // before an organisation word the ordinal describes it, after a word of time it is a date
  Document doc1 = code(
      "The 27th was raised near Kellford in 1862. The 27th regiment camped there until the 27th of June, and on "
      "the 27th marched east.");
  units = 0;
  for (const auto& r : refs(doc1))
    if (r == "27th|name|organization|27th") ++units;
  EXPECT_EQ(units, 1) << dump_refs(doc1);
}

// A party's or side's name right before a political or military role noun (`party_role`) is an organisation, also with
// a capitalised role word inside the run; a country adjective or a place's name before the role noun is none.
TEST(NameFinder, APartyBeforeAPoliticalRoleNounIsAnOrganisation) {
  Document doc = code(
      "Tomas Grell sat as a Progressive member from 1921 and later joined the Labor caucus. In 1934 he was elected "
      "as the Reform-Labour MPP for Kellow North.");
  EXPECT_TRUE(has_ref(doc, "Progressive|name|organization|Progressive")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Labor|name|organization|Labor")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Reform-Labour|name|organization|Reform-Labour")) << dump_refs(doc);
  Document doc1 = code("A Welsh member and the Kenora candidate met the mayor on Friday.");
  for (const auto& r : refs(doc1)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|organization|"))) << dump_refs(doc1);
  // a side before the noun of its fighters is a party too
  Document doc2 = code("By May the Dravinian army held the pass, and two Dravinian armies waited in the valley.");
  EXPECT_TRUE(has_ref(doc2, "Dravinian|name|organization|Dravinian")) << dump_refs(doc2);
}

// A firm's, a team's or a band's name right before a role noun of its people (`org_role`) is an organisation; a given
// name first or a place the gazetteer knows is none.
TEST(NameFinder, ANameBeforeARoleNounOfItsPeopleIsAnOrganisation) {
  Document doc = code(
      "On Tuesday the Vantorel shareholders rejected the offer, and angry Brisgow fans gathered outside the ground "
      "while Quellin employees waited for news.");
  EXPECT_TRUE(has_ref(doc, "Vantorel|name|organization|Vantorel")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Brisgow|name|organization|Brisgow")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Quellin|name|organization|Quellin")) << dump_refs(doc);
  Document doc1 = code("On Friday several Chicago officials and a few Anna Kowal fans met.");
  for (const auto& r : refs(doc1)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|organization|"))) << dump_refs(doc1);
}

// A plural class noun before "like", "such as" or "including" types every item of the list after it, also over a
// place word; two kinds of noun ("bands and artists") type nothing.
TEST(NameFinder, AClassNounBeforeAListTypesItsItems) {
  Document doc = code("Critics compared the trio to bands like New Harbour, Kellow Street and Marrowby.");
  EXPECT_TRUE(has_ref(doc, "New Harbour|name|organization|New Harbour")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Kellow Street|name|organization|Kellow Street")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Marrowby|name|organization|Marrowby")) << dump_refs(doc);
  Document doc1 = code("She has recorded with guitarists such as Tovrin, Aldasi and Bram Hollis.");
  EXPECT_TRUE(has_ref(doc1, "Tovrin|name|person|Tovrin")) << dump_refs(doc1);
  EXPECT_TRUE(has_ref(doc1, "Aldasi|name|person|Aldasi")) << dump_refs(doc1);
  Document doc2 = code("The contest listed bands and artists such as Tovrin and Marrowby.");
  for (const auto& r : refs(doc2)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|name|"))) << dump_refs(doc2);
}

// The class noun may stand before a comma ("their deities, such as ...") or between "such" and "as" ("such bands as
// ..."); a deity is a person.
TEST(NameFinder, AClassNounBeforeACommaOrInsideSuchAsTypesTheList) {
  Document doc = code("Villagers still leave gifts for their deities, such as Vorunna, Kelthar and Amsidra.");
  EXPECT_TRUE(has_ref(doc, "Vorunna|name|person|Vorunna")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Kelthar|name|person|Kelthar")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Amsidra|name|person|Amsidra")) << dump_refs(doc);
  Document doc1 = code("Late at night the station played such bands as Quiet Marrow and Dovecote.");
  EXPECT_TRUE(has_ref(doc1, "Quiet Marrow|name|organization|Quiet Marrow")) << dump_refs(doc1);
  EXPECT_TRUE(has_ref(doc1, "Dovecote|name|organization|Dovecote")) << dump_refs(doc1);
}

// A count before a capitalised plural noun opens a name shaped like a title, short prepositions included; the same
// words name it again. A demonym or a group after a count is no such name.
TEST(NameFinder, ACountBeforeACapitalisedPluralOpensAName) {
  Document doc =
      code("12 Kestrels to Varrow is a folk band from Halifax. Fans of 12 Kestrels to Varrow queued outside.");
  int found = 0;
  for (const auto& r : refs(doc)) {
    found += r == "12 Kestrels to Varrow|name|organization|12 Kestrels to Varrow" ? 1 : 0;
    EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("Varrow|"))) << dump_refs(doc);
  }
  EXPECT_EQ(found, 2) << dump_refs(doc);
  Document doc1 = code("Police arrested 12 Maoists and 3 Palestinians were hurt on Sunday.");
  for (const auto& r : refs(doc1)) {
    EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("12 "))) << dump_refs(doc1);
    EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("3 "))) << dump_refs(doc1);
  }
}

// A bracketed aside between a name and "is a <class noun>" leaves the class noun the name's.
TEST(NameFinder, AClassNounAfterABracketedAside) {
  Document doc = code("Vellomar (founded 1987) is a Danish retail chain. Shoppers in Oslo know Vellomar well.");
  EXPECT_TRUE(has_ref(doc, "Vellomar|name|organization|Vellomar")) << dump_refs(doc);
}

// A title before two names joined by "and" types the first; a person's name holds no "and".
TEST(NameFinder, ATitleBeforeTwoNamesJoinedByAnd) {
  Document doc = code("The prize went to sculptor Tovi Brask and Ola Quist on Friday.");
  EXPECT_TRUE(has_ref(doc, "Tovi Brask|name|person|Tovi Brask")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Ola Quist|name|person|Ola Quist")) << dump_refs(doc);
}

// Common English words after a place preposition that the gazetteer does not hold are a field or a topic, no place.
TEST(NameFinder, CommonWordsAfterAPrepositionAreNoPlace) {
  Document doc = code("Anna Kowal holds a degree in Information Technology and won a prize in Physiology.");
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|location|"))) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Anna Kowal|name|person|Anna Kowal")) << dump_refs(doc);
}

// An acronym spelt by the initials of a place's or an organisation's name in the article is that name again.
TEST(NameFinder, AnAcronymOfANameIsThatName) {
  Document doc = code("Engineers at the Tarrow Space Center (TSC) met on Monday. Later the TSC staff went home.");
  EXPECT_TRUE(has_ref(doc, "TSC|name|location|Tarrow Space Center")) << dump_refs(doc);
  for (const Entity& e : doc.entities) EXPECT_NE(e.canonical, "TSC") << dump_refs(doc);
}

// A capitalised `name_inner` word (never a name alone) between two capitalised words belongs to one name; a weekday
// there dates the clause.
TEST(NameFinder, ANeverNameWordBetweenCapitalisedWordsJoinsTheName) {
  Document doc = code("In 1990 Anna Kowal left the Dunmore First Savings Bank for the Harlow Spring Observatory.");
  EXPECT_TRUE(has_ref(doc, "Dunmore First Savings Bank|name|organization|Dunmore First Savings Bank"))
      << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Harlow Spring Observatory|name|organization|Harlow Spring Observatory")) << dump_refs(doc);
  Document doc1 = code("The talks opened in Kellow Monday Anna Kowal said.");
  for (const auto& r : refs(doc1)) EXPECT_THAT(r, ::testing::Not(HasSubstr("Monday"))) << dump_refs(doc1);
}

// "and" between two runs that each end in a capitalised plural noun joins two teams, not one name.
TEST(NameFinder, AndBetweenTwoPluralNamesJoinsTwoTeams) {
  Document doc = code("The station carries every match of the West Harbour Herons and Fresno Kestrels this winter.");
  EXPECT_TRUE(has_ref(doc, "West Harbour Herons|name|organization|West Harbour Herons")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Fresno Kestrels|name|organization|Fresno Kestrels")) << dump_refs(doc);
}

// After a copula a possessive is a person's ownership, no shop; a country adjective before a lower-case noun after
// "for" is no purpose inside an organisation's name.
TEST(NameFinder, APredicatePossessiveAndAnAdjectiveAfterForAreNoOrganisation) {
  Document doc = code("The idea was Tarvel's, and the council backed it.");
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|organization|"))) << dump_refs(doc);
  Document doc1 = code("The minister thanked the Dunmore Institute for the Kenyan donation.");
  EXPECT_TRUE(has_ref(doc1, "Dunmore Institute|name|organization|Dunmore Institute")) << dump_refs(doc1);
}

TEST(NameFinder, TheAbbreviationForNumberIsNoName) {
  // "No." before a number is the word "number", no place and no name
  Document doc = code("Two squadrons left Perth. No. 14 later moved to Darwin, and No. 29 flew to Broome.");
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(HasSubstr("No."))) << dump_refs(doc);
}

// Two people joined by "and", the second after a title or honorific: the first is a person too, not dropped with
// the words before the last title.
TEST(NameFinder, TwoPeopleJoinedByAndBeforeATitle) {
  Document doc = code("The survey was run by Dr Pavel Orlik and Dr Anke Vorsterman near the coast.");
  EXPECT_TRUE(has_ref(doc, "Pavel Orlik|name|person|Pavel Orlik")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Anke Vorsterman|name|person|Anke Vorsterman")) << dump_refs(doc);
  Document doc1 = code("Mr Grell and Mrs Vantorp left the hearing early.");
  EXPECT_TRUE(has_ref(doc1, "Grell|name|person|Grell")) << dump_refs(doc1);
  EXPECT_TRUE(has_ref(doc1, "Vantorp|name|person|Vantorp")) << dump_refs(doc1);
  // a title word inside an organisation's name stays in it
  Document doc2 = code("Voters backed the Harmony and Justice Party in the north.");
  EXPECT_TRUE(has_ref(doc2, "Harmony and Justice Party|name|organization|Harmony and Justice Party"))
      << dump_refs(doc2);
}

// A unit of time written in capitals after a number ("5:15 AM") and the common abbreviations of things ("EP",
// "SUV") are no acronyms of organisations.
TEST(NameFinder, AUnitAfterANumberAndACommonAbbreviationAreNoOrganisation) {
  Document doc = code("The ferry left Quenby at 6:40 AM and the band sold its EP from an SUV at the pier.");
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|organization|"))) << dump_refs(doc);
}

// An `org_context` cue ("supporting", "toured with") before a name ending in a place word that the gazetteer does not
// know: a band, a team or a firm, not a place.
TEST(NameFinder, AnOrgContextBeforeANameWithAPlaceWordMakesItAnOrganisation) {
  Document doc = code("The trio spent the spring supporting Harlow Park across Europe.");
  EXPECT_TRUE(has_ref(doc, "Harlow Park|name|organization|Harlow Park")) << dump_refs(doc);
  Document doc1 = code("In 2004 the singer toured with Brisk Lake and Tovi Marsk.");
  EXPECT_TRUE(has_ref(doc1, "Brisk Lake|name|organization|Brisk Lake")) << dump_refs(doc1);
  // a place preposition keeps the place ("played for years in Harlow Park")
  Document doc2 = code("The quartet played for years in Harlow Park before the war.");
  for (const auto& r : refs(doc2)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|organization|"))) << dump_refs(doc2);
}

// A `name_inner` word written with a capital inside a sentence opens the name before a capitalised word; at the
// sentence's start it does not.
TEST(NameFinder, ACapitalisedInnerWordInsideASentenceOpensTheName) {
  Document doc = code("Last year Bram Tulliver was a member of One Harbour and later led it.");
  EXPECT_TRUE(has_ref(doc, "One Harbour|name|organization|One Harbour")) << dump_refs(doc);
  Document doc1 = code("One Kellmark supporter waved a flag.");
  for (const auto& r : refs(doc1)) EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("One "))) << dump_refs(doc1);
}

// An item no other rule types in a list of people is a person too; common words only stay out (a band's name).
TEST(NameFinder, AnItemOfAListOfPeopleIsAPerson) {
  Document doc = code("Guests that year included Marta Kowal, Rook Halvorsen, Tovi Brask and Pike Lindqvist.");
  EXPECT_TRUE(has_ref(doc, "Rook Halvorsen|name|person|Rook Halvorsen")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Pike Lindqvist|name|person|Pike Lindqvist")) << dump_refs(doc);
  Document doc1 = code("The festival booked Marta Kowal, Weather Vane and Tovi Brask for the night.");
  for (const auto& r : refs(doc1))
    EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("Weather Vane|"))) << dump_refs(doc1);
}

// Two people joined by "and" when only the second has a title: the words before "and" are the first person, not
// words the title throws away; a title shared by both ("Mr and Mrs Vantorp") still leaves one person.
TEST(NameFinder, AnUntitledNameBeforeAndATitledOneIsAPersonToo) {
  Document doc = code("Bram Tulliver and Dr Ysolde Marrack opened the clinic on Friday.");
  EXPECT_TRUE(has_ref(doc, "Bram Tulliver|name|person|Bram Tulliver")) << dump_refs(doc);
  EXPECT_TRUE(has_ref(doc, "Ysolde Marrack|name|person|Ysolde Marrack")) << dump_refs(doc);
  Document doc1 = code("Mr and Mrs Vantorp left the hearing early.");
  int people = 0;
  for (const auto& r : refs(doc1)) people += r.find("|person|") != std::string::npos ? 1 : 0;
  EXPECT_EQ(people, 1) << dump_refs(doc1);
}

// A country's metonym that ends in an organisation's suffix word names a body of that state: an organisation, also
// when read as a place after a preposition; the mention keeps the country's code. Names and aliases stay places.
TEST(NameFinder, AMetonymWithAnOrgSuffixIsAnOrganisation) {
  Document doc = code("The State Department said on Tuesday that the talks would resume.");
  EXPECT_TRUE(has_ref(doc, "State Department|name|organization|State Department")) << dump_refs(doc);
  bool coded = false;
  for (const Mention& m : doc.mentions) coded = coded || m.kind == MentionKind::country;
  EXPECT_TRUE(coded) << dump_refs(doc);
  Document doc1 = code("Officials at the Home Office declined to comment.");
  EXPECT_TRUE(has_ref(doc1, "Home Office|name|organization|Home Office")) << dump_refs(doc1);
  Document doc2 = code("The Soviet Union sent grain to the region in 1972. Settlers argued in the West Bank.");
  for (const auto& r : refs(doc2)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|organization|"))) << dump_refs(doc2);
}

// A possessive that owns nothing names a shop also as a sentence's first word; a given name's stays out.
TEST(NameFinder, AStandalonePossessiveOpeningASentenceIsAShop) {
  Document doc = code("Tarlowe's was sold in 1998 after forty years on the square.");
  EXPECT_TRUE(has_ref(doc, "Tarlowe's|name|organization|Tarlowe's")) << dump_refs(doc);
  Document doc1 = code("Anna's was the better plan.");
  for (const auto& r : refs(doc1)) EXPECT_THAT(r, ::testing::Not(HasSubstr("|organization|"))) << dump_refs(doc1);
}

// Cue rows: "Famer" is a title ("Hall of Famer <Name>": a person, no hall), and reporters are a medium's people
// (`org_role`). "Mall" is no organisation suffix: the National Mall is a place (review28 #11).
TEST(NameFinder, FamerAndReportersRows) {
  Document doc = code("Hall of Famer Tovi Brask threw the first pitch.");
  EXPECT_TRUE(has_ref(doc, "Tovi Brask|name|person|Tovi Brask")) << dump_refs(doc);
  for (const auto& r : refs(doc)) EXPECT_THAT(r, ::testing::Not(::testing::StartsWith("Hall of"))) << dump_refs(doc);
  Document doc2 = code("At the launch, Velmora reporters spoke to the organisers.");
  EXPECT_TRUE(has_ref(doc2, "Velmora|name|organization|Velmora")) << dump_refs(doc2);
}

TEST(NameFinder, CueFileErrorsNameFileAndLine) {
  auto bad = NameFinder::parse("cues.tsv", "cue\twords\tas_of\ntitle\tminister\t2026-01-01\ntitel\tx\t2026-01-01\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().line, 3U);
  EXPECT_THAT(bad.error().message, HasSubstr("unknown cue"));
  auto dup = NameFinder::parse("cues.tsv", "cue\twords\tas_of\ntitle\tminister|Minister\t2026-01-01\n");
  ASSERT_FALSE(dup.ok());
  EXPECT_THAT(dup.error().message, HasSubstr("listed twice"));
  auto missing = NameFinder::parse("cues.tsv", "cue\twords\ntitle\tminister\n");
  EXPECT_FALSE(missing.ok());
  auto good = NameFinder::parse("cues.tsv", "cue\twords\tas_of\ntitle\tminister\t2026-01-01\n");
  ASSERT_TRUE(good.ok());
  EXPECT_TRUE((*good)->is(NameCue::title, "Minister"));
  EXPECT_FALSE((*good)->is(NameCue::honorific, "minister"));
}

}  // namespace
}  // namespace dyad
