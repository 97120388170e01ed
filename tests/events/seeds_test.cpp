// The event coder on the two shared seed articles (read from DYAD_SHARED_DIR at run
// time, skipped when absent; nothing from them is copied here): the preview's
// expectations (visit, signing of the joint statement) and the report's outcomes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/unicode.h"
#include "events/coder.h"
#include "knowledge/actors.h"
#include "text/text.h"

namespace dyad {
namespace {

const std::string kData = DYAD_TEST_DIR "/../data";

std::optional<Document> coded_seed(const std::string& prefix, Date published) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(DYAD_SHARED_DIR) / "seeds";
  if (!fs::is_directory(dir)) return std::nullopt;
  static auto text = TextRules::load(kData);
  static auto actors = text.ok() ? ActorIndex::load(kData, {}, false, *text.value())
                                 : Result<std::shared_ptr<const ActorIndex>>(text.error());
  static auto coder = EventCoder::load(kData, {}, {}, false);
  EXPECT_TRUE(text.ok() && actors.ok() && coder.ok());
  if (!text.ok() || !actors.ok() || !coder.ok()) return std::nullopt;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename().string().rfind(prefix, 0) != 0) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Document d;
    d.article.id = prefix;
    d.article.text = normalize_text(ss.str());
    d.article.published = published;
    d.hash = prefix;
    analyze_text(*text.value(), d.article, d.text);
    actors.value()->find(d);
    coder.value()->code(d);
    return d;
  }
  return std::nullopt;
}

std::string country(const Actor& a) { return a.country.empty() ? a.code.substr(0, 3) : a.country; }

size_t count(const Document& d, std::string_view cameo, std::string_view from, std::string_view to, EventMode mode) {
  size_t n = 0;
  for (const Event& e : d.events)
    if (e.cameo == cameo && e.target && country(e.source) == from && country(*e.target) == to && e.mode == mode) ++n;
  return n;
}

TEST(EventSeeds, PreviewCodesItsExpectations) {
  auto d = coded_seed("003_", Date::ymd(2024, 5, 14));
  if (!d) GTEST_SKIP() << "shared seeds not present";
  bool visit = false;
  for (const Event& e : d->events)
    if (e.cameo == "042" && e.mode == EventMode::expected && country(e.source) == "RUS" && e.target &&
        country(*e.target) == "CHN" && e.date.iso() == "2024-05-16")
      visit = true;
  EXPECT_TRUE(visit);
  // the signing of the joint statement: both directions, expected, from the discourse
  EXPECT_GE(count(*d, "057", "RUS", "CHN", EventMode::expected), 1U);
  EXPECT_GE(count(*d, "057", "CHN", "RUS", EventMode::expected), 1U);
  for (const Event& e : d->events) {
    if (e.cameo != "057") continue;
    EXPECT_FALSE(e.source.code == "CVL") << e.rule;
    EXPECT_FALSE(e.attributed_to.empty()) << e.rule;
    // planned for the visit (the sentence refers to "the meeting"): the visit's day
    EXPECT_EQ(e.date.iso(), "2024-05-16") << e.rule;
  }
  // the October trip, dated by its main clause in the past
  for (const Event& e : d->events)
    if (e.cameo == "042" && e.mode == EventMode::happened && country(e.source) == "RUS") {
      EXPECT_EQ(e.date.iso(), "2023-10") << e.rule;
    }
  EXPECT_EQ(count(*d, "042", "RUS", "CHN", EventMode::possible), 0U);
}

TEST(EventSeeds, ReportCodesItsOutcomes) {
  auto d = coded_seed("000_", Date::ymd(2024, 5, 16));
  if (!d) GTEST_SKIP() << "shared seeds not present";
  EXPECT_GE(count(*d, "042", "RUS", "CHN", EventMode::happened), 1U);
  EXPECT_GE(count(*d, "057", "RUS", "CHN", EventMode::happened), 1U);
  EXPECT_GE(count(*d, "057", "CHN", "RUS", EventMode::happened), 1U);
  // nobody visits its own country
  for (const Event& e : d->events)
    if (e.cameo == "042" && e.target) {
      EXPECT_NE(country(e.source), country(*e.target)) << e.rule;
    }
}

}  // namespace
}  // namespace dyad
