#include "geo/normalize.h"

#include <gtest/gtest.h>

using dyad::geo::is_ascii_key;
using dyad::geo::normalize_toponym;

TEST(GeoNormalize, FoldsCaseAndDiacritics) {
  EXPECT_EQ(normalize_toponym("Zürich"), "zurich");
  EXPECT_EQ(normalize_toponym("ZURICH"), "zurich");
  EXPECT_EQ(normalize_toponym("São Paulo"), "sao paulo");
  EXPECT_EQ(normalize_toponym("Łódź"), "lodz");
  EXPECT_EQ(normalize_toponym("Kraków"), "krakow");
}

TEST(GeoNormalize, PunctuationAndArticle) {
  EXPECT_EQ(normalize_toponym("U.S."), "us");
  EXPECT_EQ(normalize_toponym("Ha’erbin"), "haerbin");
  EXPECT_EQ(normalize_toponym("Guinea-Bissau"), "guinea bissau");
  EXPECT_EQ(normalize_toponym("  the  Netherlands "), "netherlands");
  EXPECT_EQ(normalize_toponym("The Hague"), "hague");
}

TEST(GeoNormalize, NonLatinIsKeptButNotAsciiKey) {
  std::string k = normalize_toponym("Москва");
  EXPECT_FALSE(k.empty());
  EXPECT_FALSE(is_ascii_key(k));
  EXPECT_TRUE(is_ascii_key(normalize_toponym("Moskva")));
  EXPECT_FALSE(is_ascii_key(""));
}
