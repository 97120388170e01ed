// ActorIndex on the two seed articles (read from DYAD_SHARED_DIR at run time;
// skipped when absent): the named officials with codes as valid on each
// article's date, places versus actors, opinion words.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "knowledge/actors.h"
#include "knowledge/names.h"
#include "knowledge_test_util.h"

namespace dyad {
namespace {

using test::kData;

struct Fixture {
  std::shared_ptr<const TextRules> rules;
  std::shared_ptr<const ActorIndex> index;
};

const Fixture& fx() {
  static Fixture f = [] {
    Fixture x;
    auto r = TextRules::load(kData);
    if (!r.ok()) return x;
    x.rules = r.value();
    auto ix = ActorIndex::load(kData, {}, false, *x.rules);
    if (ix.ok()) x.index = ix.value();
    return x;
  }();
  return f;
}

std::optional<Document> seed(const std::string& prefix, const char* date, bool lower = false);

std::optional<Document> seed(const std::string& prefix, const char* date, bool lower) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(DYAD_SHARED_DIR) / "seeds";
  if (!fs::is_directory(dir)) return std::nullopt;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename().string().rfind(prefix, 0) != 0) continue;
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    Document doc;
    doc.article.text = ss.str();
    if (lower)
      for (char& c : doc.article.text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    doc.article.published = *parse_date(date);
    analyze_text(*fx().rules, doc.article, doc.text);
    fx().index->find(doc);
    return doc;
  }
  return std::nullopt;
}

const Mention* person(const Document& d, std::string_view canonical) {
  for (const Mention& m : d.mentions)
    if (m.kind == MentionKind::person && m.actor.canonical == canonical) return &m;
  return nullptr;
}

TEST(Seeds, NamedOfficialsAreFoundWithCodes) {
  ASSERT_NE(fx().index, nullptr);
  auto s000 = seed("000_", "2024-05-16");
  auto s003 = seed("003_", "2024-05-14");
  if (!s000 || !s003) GTEST_SKIP() << "seeds not present in " << DYAD_SHARED_DIR;
  struct Want {
    const Document* doc;
    const char* name;
    const char* code;
  };
  for (const Want& w : {Want{&*s000, "Vladimir Putin", "RUSGOV"}, Want{&*s000, "Xi Jinping", "CHNGOV"},
                        Want{&*s000, "Hua Chunying", "CHNGOV"}, Want{&*s003, "Yury Ushakov", "RUSGOV"},
                        Want{&*s003, "Sergey Lavrov", "RUSGOV"}, Want{&*s003, "Andrei Belousov", "RUSGOV"},
                        Want{&*s003, "Sergei Shoigu", "RUSGOV"}, Want{&*s003, "Vladimir Putin", "RUSGOV"}}) {
    const Mention* m = person(*w.doc, w.name);
    ASSERT_NE(m, nullptr) << w.name;
    EXPECT_EQ(m->actor.code, w.code) << w.name;
  }
  // "Andrey Belousov" (the text's spelling) resolves to the file's canonical "Andrei Belousov".
  const Mention* b = person(*s003, "Andrei Belousov");
  EXPECT_EQ(b->span.of(s003->article.text), "Defense Minister Andrey Belousov");
}

TEST(Seeds, EveryPutinMentionIsOneEntity) {
  auto s000 = seed("000_", "2024-05-16");
  if (!s000) GTEST_SKIP();
  int32_t entity = -1;
  int count = 0;
  for (const Mention& m : s000->mentions) {
    if (m.actor.canonical != "Vladimir Putin") continue;
    if (entity < 0) entity = m.entity;
    EXPECT_EQ(m.entity, entity) << m.span.of(s000->article.text);
    ++count;
  }
  EXPECT_GT(count, 10);
  ASSERT_GE(entity, 0);
  EXPECT_EQ(s000->entities[static_cast<size_t>(entity)].canonical, "Vladimir Putin");
}

TEST(Seeds, PlacesVersusActors) {
  auto s000 = seed("000_", "2024-05-16");
  auto s003 = seed("003_", "2024-05-14");
  if (!s000 || !s003) GTEST_SKIP();
  const std::string& t = s000->article.text;
  size_t arrived = t.find("arrived in Beijing");
  size_t subject = t.find("Moscow and Beijing");
  ASSERT_NE(arrived, std::string::npos);
  ASSERT_NE(subject, std::string::npos);
  bool saw_place = false, saw_moscow = false, saw_beijing = false;
  for (const Mention& m : s000->mentions) {
    if (m.span.offset == arrived + 11) {
      EXPECT_EQ(m.kind, MentionKind::location);
      ASSERT_TRUE(m.place.has_value());
      EXPECT_EQ(m.place->name, "Beijing");
      saw_place = true;
    }
    if (m.span.offset == subject) {
      EXPECT_EQ(m.kind, MentionKind::country);
      EXPECT_EQ(m.actor.code, "RUSGOV");
      saw_moscow = true;
    }
    if (m.span.offset == subject + 11) {
      EXPECT_EQ(m.kind, MentionKind::country);
      EXPECT_EQ(m.actor.code, "CHNGOV");
      saw_beijing = true;
    }
    // "near Harbin", "city of Harbin": Harbin is only ever a place.
    if (m.span.of(t) == "Harbin") {
      EXPECT_EQ(m.kind, MentionKind::location);
    }
  }
  EXPECT_TRUE(saw_place && saw_moscow && saw_beijing);
}

TEST(Seeds, OpinionWordsAreNotAgents) {
  auto s000 = seed("000_", "2024-05-16");
  auto s003 = seed("003_", "2024-05-14");
  if (!s000 || !s003) GTEST_SKIP();
  for (const Document* d : {&*s000, &*s003})
    for (const Mention& m : d->mentions) {
      std::string_view w = m.span.of(d->article.text);
      EXPECT_EQ(w.find("strongman"), std::string_view::npos) << w;
      EXPECT_EQ(w.find("dictator"), std::string_view::npos) << w;
    }
}

// NameFinder on the seeds: every reference resolves to the person it names, surnames and pronouns included,
// and a title before an unknown name finds it in an all-lower-case copy of the text too.
TEST(Seeds, ReferencesResolveWithinTheArticle) {
  ASSERT_NE(fx().index, nullptr);
  auto names = NameFinder::load(kData);
  ASSERT_TRUE(names.ok()) << names.error().str();
  auto s003 = seed("003_", "2024-05-14");
  if (!s003) GTEST_SKIP() << "seeds not present in " << DYAD_SHARED_DIR;
  (*names)->find(*s003, fx().index.get(), nullptr);
  const std::string& text = s003->article.text;
  int ushakov = 0, putin = 0, he_ushakov = 0;
  for (const EntityReference& r : s003->references) {
    ASSERT_GE(r.entity, 0);
    const std::string& canonical = s003->entities[static_cast<size_t>(r.entity)].canonical;
    std::string_view words = r.span.of(text);
    if (words == "Ushakov") {
      ++ushakov;
      EXPECT_EQ(canonical, "Yury Ushakov");
    }
    if (words == "Putin") {
      ++putin;
      EXPECT_EQ(canonical, "Vladimir Putin");
    }
    // a "he" right after "Ushakov said" is Ushakov
    if (r.kind == ReferenceKind::pronoun && words == "he" && r.span.offset >= 13 &&
        text.substr(r.span.offset - 13, 13) == "Ushakov said ")
      he_ushakov += canonical == "Yury Ushakov" ? 1 : 0;
  }
  EXPECT_GE(ushakov, 4);
  EXPECT_GE(putin, 1);
  EXPECT_EQ(he_ushakov, 1);

  auto lower = seed("003_", "2024-05-14", true);
  ASSERT_TRUE(lower.has_value());
  (*names)->find(*lower, fx().index.get(), nullptr);
  bool belousov = false;
  for (const EntityReference& r : lower->references)
    if (r.kind == ReferenceKind::name && r.span.of(lower->article.text) == "andrey belousov") belousov = true;
  EXPECT_TRUE(belousov);
}

}  // namespace
}  // namespace dyad
