// Builds a gazetteer from small synthetic inputs and checks lookups and
// resolution rules without the installed data packages.
#include "geo/build.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "geo/gazetteer.h"

namespace fs = std::filesystem;
using dyad::Gazetteer;
using dyad::ToponymQuery;

namespace {

void write(const fs::path& p, const std::string& s) {
  std::ofstream o(p, std::ios::binary);
  o << s;
}

// One GeoNames-layout row (19 columns); ids and numbers are made up.
std::string city(int id, const std::string& name, const std::string& alts, double lat, double lon,
                 const std::string& code, const std::string& cc, const std::string& a1, long pop,
                 const std::string& a2 = "") {
  return std::to_string(id) + "\t" + name + "\t" + name + "\t" + alts + "\t" + std::to_string(lat) + "\t" +
         std::to_string(lon) + "\tP\t" + code + "\t" + cc + "\t\t" + a1 + "\t" + a2 + "\t\t\t" + std::to_string(pop) +
         "\t\t0\tUTC\t2020-01-01\n";
}

class GeoBuild : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dyad_geo_build_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    write(dir_ / "cities.txt", city(1, "Paris", "Lutece,PAR", 48.85, 2.35, "PPLC", "FR", "11", 2100000) +
                                   city(2, "Paris", "", 33.66, -95.55, "PPLA2", "US", "TX", 25000, "277") +
                                   city(3, "Tbilisi", "Tiflis", 41.69, 44.83, "PPLC", "GE", "TB", 1100000) +
                                   city(4, "Atlanta", "", 33.75, -84.39, "PPLA", "US", "GA", 460000) +
                                   city(5, "Austin", "", 30.27, -97.74, "PPLA", "US", "TX", 930000, "453") +
                                   city(6, "Zürich", "Zurigo", 47.37, 8.54, "PPLA", "CH", "ZH", 340000) +
                                   city(7, "New York City", "New York,NYC", 40.71, -74.0, "PPL", "US", "NY", 8800000));
    write(dir_ / "admin1.json",
          R"([{"code":"US.TX","name":"Texas"},{"code":"US.GA","name":"Georgia"},{"code":"CH.ZH","name":"Zurich"}])");
    write(dir_ / "admin2.json",
          R"([{"code":"US.TX.453","name":"Travis County"},{"code":"US.TX.277","name":"Lamar County"},)"
          R"({"code":"US.TX.999","name":"Empty County"}])");
    write(dir_ / "countries.tsv",
          "# test\ncameo\tiso3\tiso2\tname\taliases\tadjectives\tstatus\tas_of\n"
          "FRA\tFRA\tFR\tFrance\tFrench Republic\tFrench\tmember\t2025-01-01\n"
          "USA\tUSA\tUS\tUnited States\tUS|America\tAmerican\tmember\t2025-01-01\n"
          "GEO\tGEO\tGE\tGeorgia\t\tGeorgian\tmember\t2025-01-01\n"
          "CHE\tCHE\tCH\tSwitzerland\t\tSwiss\tmember\t2025-01-01\n");
    write(dir_ / "places.tsv",
          "# test\nname\taliases\ttype\tcountry\tadmin1\tlat\tlon\tgeonameid\tas_of\n"
          "France\t\tcountry\tFRA\t\t46\t2\t\t2025-01-01\n"
          "United States\t\tcountry\tUSA\t\t39.76\t-98.5\t\t2025-01-01\n"
          "Georgia\t\tcountry\tGEO\t\t42\t43.5\t\t2025-01-01\n"
          "Georgia\t\tadmin1\tUSA\tGA\t32.75\t-83.5\t\t2025-01-01\n"
          "Red Sea\t\twater\t\t\t20\t38.5\t\t2025-01-01\n");
    dyad::geo::BuildInputs in{(dir_ / "cities.txt").string(), (dir_ / "admin1.json").string(),
                              (dir_ / "places.tsv").string(), (dir_ / "countries.tsv").string(),
                              (dir_ / "admin2.json").string()};
    auto stats = dyad::geo::build_gazetteer(in, (dir_ / "g.bin").string());
    ASSERT_TRUE(stats.ok()) << stats.error().str();
    EXPECT_EQ(stats->cities, 7U);
    EXPECT_EQ(stats->supplement, 5U);
    EXPECT_EQ(stats->admin2, 2U) << "an admin2 without a town is left out";
    auto g = Gazetteer::load((dir_ / "g.bin").string());
    ASSERT_TRUE(g.ok()) << g.error().str();
    g_ = *g;
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
  std::shared_ptr<const Gazetteer> g_;
};

TEST_F(GeoBuild, LookupIsCaseAndDiacriticInsensitive) {
  auto z = g_->lookup("ZURICH");
  ASSERT_FALSE(z.empty());
  EXPECT_EQ(z[0].name, "Zürich");
  EXPECT_EQ(z[0].country, "CHE");
  EXPECT_EQ(z[0].geonameid, 6);
  EXPECT_FALSE(g_->lookup("zurigo").empty());
  EXPECT_TRUE(g_->lookup("PAR").empty()) << "airport-style codes are not indexed";
  EXPECT_TRUE(g_->lookup("Nowhere").empty());
}

TEST_F(GeoBuild, CountryNamesComeFromCountriesTsv) {
  auto f = g_->lookup("French Republic");
  ASSERT_EQ(f.size(), 1U);
  EXPECT_EQ(f[0].name, "France");
  auto c = g_->country("FR");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->name, "France");
}

TEST_F(GeoBuild, BigCityFirstAndQualifierWins) {
  auto p = g_->lookup("Paris");
  ASSERT_EQ(p.size(), 2U);
  EXPECT_EQ(p[0].country, "FRA");
  auto r = g_->resolve_toponyms({ToponymQuery{"Paris", "Texas"}});
  ASSERT_TRUE(r[0].has_value());
  EXPECT_EQ(r[0]->country, "USA");
  EXPECT_EQ(r[0]->admin1, "TX");
  r = g_->resolve_toponyms({ToponymQuery{"Paris", "TX"}});
  EXPECT_EQ(r[0]->country, "USA");
  r = g_->resolve_toponyms({ToponymQuery{"Paris", ""}});
  EXPECT_EQ(r[0]->country, "FRA");
}

TEST_F(GeoBuild, ContextDecidesGeorgia) {
  auto r = g_->resolve_toponyms({ToponymQuery{"Georgia", ""}, ToponymQuery{"Tbilisi", ""}});
  ASSERT_TRUE(r[0].has_value());
  EXPECT_EQ(r[0]->kind, dyad::geo::PlaceKind::country);
  r = g_->resolve_toponyms({ToponymQuery{"Georgia", ""}, ToponymQuery{"Atlanta", ""}});
  ASSERT_TRUE(r[0].has_value());
  EXPECT_EQ(r[0]->kind, dyad::geo::PlaceKind::admin1);
  EXPECT_EQ(r[0]->country, "USA");
}

TEST_F(GeoBuild, DerivedAdmin1GetsMeanOfItsCities) {
  auto t = g_->candidates("Texas");
  ASSERT_EQ(t.size(), 1U);
  EXPECT_EQ(t[0].kind, dyad::geo::PlaceKind::admin1);
  EXPECT_NEAR(t[0].lat, (33.66 + 30.27) / 2, 1e-3);
}

TEST_F(GeoBuild, Admin2AtTheMeanOfItsTowns) {
  auto t = g_->candidates("Travis County");
  ASSERT_EQ(t.size(), 1U);
  EXPECT_EQ(t[0].kind, dyad::geo::PlaceKind::admin2);
  EXPECT_EQ(t[0].country, "USA");
  EXPECT_EQ(t[0].admin1, "TX");
  EXPECT_NEAR(t[0].lat, 30.27, 1e-3);
  EXPECT_TRUE(g_->candidates("Empty County").empty());
}

TEST_F(GeoBuild, GenericWordsFallBackToTheBareName) {
  EXPECT_TRUE(g_->candidates("Texas State").empty());
  auto s = g_->candidates_or_generic("Texas State");
  ASSERT_EQ(s.size(), 1U);
  EXPECT_EQ(s[0].kind, dyad::geo::PlaceKind::admin1);
  auto c = g_->candidates_or_generic("Austin City");
  ASSERT_EQ(c.size(), 1U);
  EXPECT_EQ(c[0].kind, dyad::geo::PlaceKind::city);
  EXPECT_TRUE(g_->candidates_or_generic("Red Sea City").empty()) << "only towns for 'City'";
  EXPECT_TRUE(g_->candidates_or_generic("Georgia County").empty()) << "only admin2 for 'County'";
  auto r = g_->resolve_toponyms({ToponymQuery{"City of Austin", ""}});
  ASSERT_TRUE(r[0].has_value());
  EXPECT_EQ(r[0]->name, "Austin");
}

TEST_F(GeoBuild, AlternateNamesRankBelowNames) {
  // "Lutece" is only an alternate name of Paris; "New York" shortens "New York City".
  auto l = g_->candidates("Lutece");
  ASSERT_EQ(l.size(), 1U);
  EXPECT_TRUE(l[0].alternate);
  EXPECT_FALSE(g_->candidates("Paris")[0].alternate);
  auto ny = g_->candidates("New York");
  ASSERT_EQ(ny.size(), 1U);
  EXPECT_FALSE(ny[0].alternate);
  // A former name of a small town does not beat a namesake by context alone.
  auto r = g_->resolve_toponyms({ToponymQuery{"Tiflis", ""}, ToponymQuery{"Austin", ""}});
  ASSERT_TRUE(r[0].has_value());
  EXPECT_EQ(r[0]->country, "GEO") << "the only candidate still wins";
}

TEST_F(GeoBuild, ResolveDocumentFillsMentionsAndEntities) {
  dyad::Document doc;
  doc.article.text = "Protests spread from Paris, Texas to the Red Sea coast.";
  auto span_of = [&](std::string_view w) {
    return dyad::Span{static_cast<uint32_t>(doc.article.text.find(w)), static_cast<uint32_t>(w.size())};
  };
  dyad::Mention m1;
  m1.kind = dyad::MentionKind::location;
  m1.span = span_of("Paris");
  dyad::Mention m2 = m1;
  m2.span = span_of("Red Sea");
  doc.mentions = {m1, m2};
  g_->resolve(doc);
  ASSERT_TRUE(doc.mentions[0].place.has_value());
  EXPECT_EQ(doc.mentions[0].place->country, "USA");
  EXPECT_NEAR(doc.mentions[0].place->lat, 33.66, 0.01);
  EXPECT_EQ(doc.mentions[0].place->span, m1.span);
  ASSERT_TRUE(doc.mentions[1].place.has_value());
  EXPECT_EQ(doc.mentions[1].place->name, "Red Sea");
  ASSERT_EQ(doc.entities.size(), 2U);
  EXPECT_EQ(doc.entities[0].type, dyad::EntityType::location);
  EXPECT_EQ(doc.mentions[0].entity, 0);
  ASSERT_TRUE(doc.entities[1].place.has_value());
}

TEST_F(GeoBuild, LoadRejectsBadFiles) {
  EXPECT_FALSE(Gazetteer::load((dir_ / "missing.bin").string()).ok());
  write(dir_ / "bad.bin", std::string(100, 'x'));
  auto bad = Gazetteer::load((dir_ / "bad.bin").string());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("not a gazetteer"), std::string::npos);
  // Truncate a good file.
  std::ifstream in(dir_ / "g.bin", std::ios::binary);
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  write(dir_ / "short.bin", all.substr(0, all.size() / 2));
  EXPECT_FALSE(Gazetteer::load((dir_ / "short.bin").string()).ok());
}

TEST_F(GeoBuild, BuildReportsBadRows) {
  write(dir_ / "bad.tsv",
        "name\taliases\ttype\tcountry\tadmin1\tlat\tlon\tgeonameid\tas_of\n"
        "Atlantis\t\tcontinent\t\t\t0\t0\t\t2025-01-01\n");
  dyad::geo::BuildInputs in{"", "", (dir_ / "bad.tsv").string(), "", ""};
  auto r = dyad::geo::build_gazetteer(in, (dir_ / "x.bin").string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().line, 2U);
  EXPECT_NE(r.error().message.find("unknown type"), std::string::npos);
}

}  // namespace
