#include "knowledge/tsv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace dyad {
namespace {

using ::testing::HasSubstr;

TEST(Tsv, ReadsHeaderRowsCommentsAndBlankLines) {
  auto t = TsvTable::parse("k.tsv",
                           "# a comment\n\nname\tcode\taliases\nRussia\tRUS\tRussian Federation|RF\n\n"
                           "China\tCHN\t\n");
  ASSERT_TRUE(t.ok()) << t.error().str();
  ASSERT_EQ(t->rows().size(), 2U);
  EXPECT_EQ(t->rows()[0].line, 4U);
  EXPECT_EQ(t->get(t->rows()[1], "code"), "CHN");
  EXPECT_EQ(t->get(t->rows()[1], "aliases"), "");
  EXPECT_EQ(t->get(t->rows()[0], "no_such_column"), "");
  auto v = split_values(t->get(t->rows()[0], "aliases"));
  ASSERT_EQ(v.size(), 2U);
  EXPECT_EQ(v[1], "RF");
}

TEST(Tsv, WrongFieldCountNamesFileAndLine) {
  auto t = TsvTable::parse("people.tsv", "name\tcode\nPutin\tRUSGOV\nXi\n");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().file, "people.tsv");
  EXPECT_EQ(t.error().line, 3U);
  EXPECT_THAT(t.error().message, HasSubstr("expected 2"));
}

TEST(Tsv, RequiredColumnsAndDuplicateHeader) {
  auto t = TsvTable::parse("x.tsv", "name\tcode\n", {"name", "valid_from"});
  ASSERT_FALSE(t.ok());
  EXPECT_THAT(t.error().message, HasSubstr("valid_from"));
  auto d = TsvTable::parse("x.tsv", "name\tname\n");
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.error().message, HasSubstr("twice"));
  EXPECT_FALSE(TsvTable::parse("empty.tsv", "# only a comment\n").ok());
  EXPECT_FALSE(TsvTable::read("/no/such/file.tsv").ok());
}

TEST(Tsv, DateFields) {
  auto t = TsvTable::parse("d.tsv", "from\tuntil\n2024-05-14\t\n2012-13-01\t2012\n");
  ASSERT_TRUE(t.ok());
  auto a = parse_date_field(*t, t->rows()[0], "from");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ((*a)->iso(), "2024-05-14");
  auto open = parse_date_field(*t, t->rows()[0], "until");
  ASSERT_TRUE(open.ok());
  EXPECT_FALSE(open->has_value());
  auto bad = parse_date_field(*t, t->rows()[1], "from");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().line, 3U);
  auto year = parse_date_field(*t, t->rows()[1], "until");
  ASSERT_TRUE(year.ok());
  EXPECT_EQ((*year)->precision, DatePrecision::year);
}

}  // namespace
}  // namespace dyad
