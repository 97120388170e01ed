// GkgRules::load: the bundled files load; broken files are errors naming file and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "gkg/gkg.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

// A copy of data/gkg in a temporary directory, with `file` replaced by `content`.
fs::path data_with(const std::string& file, const std::string& content) {
  static int n = 0;
  fs::path dir = fs::temp_directory_path() / ("dyad-gkg-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
  fs::create_directories(dir / "gkg");
  for (const auto& e : fs::directory_iterator(fs::path(DYAD_TEST_DIR) / ".." / "data" / "gkg"))
    fs::copy_file(e.path(), dir / "gkg" / e.path().filename(), fs::copy_options::overwrite_existing);
  std::ofstream(dir / "gkg" / file) << content;
  return dir;
}

TEST(GkgRules, BundledFilesLoad) {
  auto r = GkgRules::load(DYAD_TEST_DIR "/../data");
  ASSERT_TRUE(r.ok()) << r.error().str();
}

TEST(GkgRules, MissingFileIsAnError) {
  auto r = GkgRules::load("/no/such/dir");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().file.find("speech.tsv"), std::string::npos);
}

TEST(GkgRules, UnknownSpeechKindNamesTheLine) {
  auto dir = data_with("speech.tsv",
                       "# c\nlemma\tforms\tkind\tas_of\nsay\tsaid\tsay\t2025-06-01\nyell\tyelled\tshout\t2025-06-01\n");
  auto r = GkgRules::load(dir.string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().line, 4U);
  EXPECT_NE(r.error().message.find("shout"), std::string::npos);
  fs::remove_all(dir);
}

TEST(GkgRules, BadNumberValueNamesTheLine) {
  auto dir = data_with("numbers.tsv",
                       "forms\tvalue\tkind\tas_of\ntwo\t2\tnumber\t2025-06-01\nthree\tthree\tnumber\t2025-06-01\n");
  auto r = GkgRules::load(dir.string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().line, 3U);
  EXPECT_NE(r.error().file.find("numbers.tsv"), std::string::npos);
  fs::remove_all(dir);
}

TEST(GkgRules, DuplicateNumberWordIsAnError) {
  auto dir =
      data_with("numbers.tsv", "forms\tvalue\tkind\tas_of\ntwo\t2\tnumber\t2025-06-01\ntwo\t3\tnumber\t2025-06-01\n");
  auto r = GkgRules::load(dir.string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().line, 3U);
  fs::remove_all(dir);
}

TEST(GkgRules, UnitWithoutFormsIsAnError) {
  auto dir = data_with(
      "units.tsv",
      "unit\tkind\tbefore\tafter\tas_of\nUSD\tcurrency\t$\tdollars\t2025-06-01\nXXX\tcurrency\t\t\t2025-06-01\n");
  auto r = GkgRules::load(dir.string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().line, 3U);
  fs::remove_all(dir);
}

TEST(GkgRules, UnknownWordClassAndMissingColumnAreErrors) {
  auto dir = data_with("words.tsv", "class\twords\tas_of\nmonth\tmay\t2025-06-01\nadverb\tvery\t2025-06-01\n");
  auto r = GkgRules::load(dir.string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().line, 3U);
  fs::remove_all(dir);
  dir = data_with("words.tsv", "class\tas_of\nmonth\t2025-06-01\n");
  r = GkgRules::load(dir.string());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("words"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dyad
