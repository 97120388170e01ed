// The GKG stage on the two shared seed articles (read from DYAD_SHARED_DIR at
// run time, skipped when absent; nothing from them is copied here): speakers of
// the long quotations, the scare quotes of the preview, and the amounts.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "gkg_test_util.h"

namespace dyad {
namespace {

using testing_gkg::annotate;
using testing_gkg::text_of;

std::optional<Document> seed(const std::string& prefix, Date published) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(DYAD_SHARED_DIR) / "seeds";
  if (!fs::is_directory(dir)) return std::nullopt;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename().string().rfind(prefix, 0) != 0) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return annotate(ss.str(), published);
  }
  return std::nullopt;
}

size_t quotes_by(const Document& d, std::string_view canonical, size_t min_length = 0) {
  size_t n = 0;
  for (const Quote& q : d.quotes)
    if (!q.scare && q.speaker.canonical == canonical && q.span.length >= min_length) ++n;
  return n;
}

bool has_amount(const Document& d, double value, std::string_view unit, std::string_view object) {
  for (const Amount& a : d.amounts)
    if (a.value == value && a.unit == unit && a.object == object) return true;
  return false;
}

void no_calendar_amounts(const Document& d) {
  for (const Amount& a : d.amounts) {
    EXPECT_FALSE(a.value >= 1900 && a.value <= 2100 && a.unit.empty()) << text_of(d, a.span);
    EXPECT_FALSE(a.object == "anniversary" || a.object == "centuries") << text_of(d, a.span);
  }
}

TEST(GkgSeeds, ReportAfterTheVisit) {
  auto d = seed("000_", Date::ymd(2024, 5, 16));
  if (!d) GTEST_SKIP() << "shared seeds not present";
  // The long quotations of the Russian president carry his name and code, including the
  // fragment resumed after its attribution and the one introduced by a verb earlier in its sentence.
  EXPECT_GE(quotes_by(*d, "Vladimir Putin", 40), 4U);
  for (const Quote& q : d->quotes)
    if (q.speaker.canonical == "Vladimir Putin") {
      EXPECT_EQ(q.speaker.code.substr(0, 3), "RUS");
    }
  // The Chinese leader's partial quotations are his, not scare quotes.
  EXPECT_GE(quotes_by(*d, "Xi Jinping"), 4U);
  // The author of the closing boilerplate line speaks nowhere.
  for (const Quote& q : d->quotes) EXPECT_EQ(q.speaker.text.find("Martel"), std::string::npos);

  EXPECT_TRUE(has_amount(*d, 90, "percent", "payments"));
  EXPECT_TRUE(has_amount(*d, 80, "", "projects"));
  EXPECT_TRUE(has_amount(*d, 30, "page", "document"));
  no_calendar_amounts(*d);
}

TEST(GkgSeeds, PreviewOfTheVisit) {
  auto d = seed("003_", Date::ymd(2024, 5, 14));
  if (!d) GTEST_SKIP() << "shared seeds not present";
  // The aide's two quotations (one resumed after "explained") and the president's two fragments.
  EXPECT_GE(quotes_by(*d, "Yury Ushakov", 40), 3U);
  EXPECT_GE(quotes_by(*d, "Vladimir Putin", 40), 2U);
  bool told_reporters = false;
  for (const Quote& q : d->quotes)
    told_reporters |= q.verb == "told reporters" && q.speaker.canonical == "Yury Ushakov";
  EXPECT_TRUE(told_reporters);
  // The writer's single quoted words are scare quotes.
  size_t scare_words = 0;
  for (const Quote& q : d->quotes) {
    std::string t = text_of(*d, q.span);
    if (t == "president" || t == "election" || t == "Palestine" || t == "commercial") {
      EXPECT_TRUE(q.scare) << t;
      EXPECT_TRUE(q.speaker.text.empty()) << t;
      ++scare_words;
    }
  }
  EXPECT_EQ(scare_words, 4U);

  EXPECT_TRUE(has_amount(*d, 1200, "", "civilians"));
  EXPECT_TRUE(has_amount(*d, 250, "", "hostages"));
  EXPECT_TRUE(has_amount(*d, 30, "page", "statement"));
  no_calendar_amounts(*d);
}

}  // namespace
}  // namespace dyad
