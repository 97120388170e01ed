#include "events/codebook.h"

#include <gtest/gtest.h>

#include "events_test_util.h"

namespace dyad {
namespace {

TEST(Codebook, LoadsBundledCodebook) {
  auto r = Codebook::load(testing_events::kData);
  ASSERT_TRUE(r.ok()) << r.error().str();
  const Codebook& cb = r.value();
  EXPECT_GT(cb.entries().size(), 300U);
  EXPECT_TRUE(cb.valid("042"));
  EXPECT_TRUE(cb.valid("0211"));
  EXPECT_FALSE(cb.valid("42"));
  EXPECT_FALSE(cb.valid("999"));
  const CameoEntry* e = cb.find("042");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->root, "04");
  EXPECT_EQ(e->plover, "CONSULT");
  EXPECT_EQ(e->quad_class, 1);
  for (const auto& x : cb.entries()) {
    EXPECT_TRUE(cb.valid_plover(x.plover)) << x.code;
    EXPECT_EQ(x.code.substr(0, 2), x.root);
    EXPECT_GE(x.goldstein, -10.0);
    EXPECT_LE(x.goldstein, 10.0);
  }
  const CameoEntry* attack = cb.find("190");
  ASSERT_NE(attack, nullptr);
  EXPECT_EQ(attack->quad_class, 4);
  EXPECT_LT(attack->goldstein, 0);
}

TEST(Codebook, MissingFileIsAnError) {
  auto r = Codebook::load("/nonexistent-dyad-dir");
  ASSERT_FALSE(r.ok());
  EXPECT_FALSE(r.error().file.empty());
}

}  // namespace
}  // namespace dyad
