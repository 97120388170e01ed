// ActorIndex on the two seed articles (read from DYAD_SHARED_DIR at run time;
// skipped when absent): the named officials with codes as valid on each
// article's date, places versus actors, opinion words.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "knowledge/actors.h"

namespace dyad {
namespace {

const std::string kData = DYAD_TEST_DIR "/../data";

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

std::optional<Document> seed(const std::string& prefix, const char* date) {
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

}  // namespace
}  // namespace dyad
