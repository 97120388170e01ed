#include "core/unicode.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>

namespace dyad {
namespace {

TEST(Utf8, FindsFirstInvalidSequenceWithLine) {
  EXPECT_FALSE(find_invalid_utf8("plain\nascii"));
  EXPECT_FALSE(find_invalid_utf8("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D"));
  auto p = find_invalid_utf8("ok\nstill ok\nbad \xC3( here");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->line, 3U);
  EXPECT_EQ(p->offset, 16U);
  EXPECT_TRUE(find_invalid_utf8("\xED\xA0\x80"));  // a UTF-16 surrogate encoded in UTF-8
}

TEST(Utf8, FindsProblemsAtEveryOffsetOfLongText) {
  // Long ASCII runs (passed a word at a time) with multi-byte characters and line breaks:
  // a bad sequence at any character boundary is found with its offset and line.
  std::string base;
  for (int i = 0; i < 12; ++i) base += "line of plain words, caf\xC3\xA9 and more text\n";
  EXPECT_FALSE(find_invalid_utf8(base));
  for (size_t k = 0; k <= base.size(); ++k) {
    if (k > 0 && static_cast<unsigned char>(base[k - 1]) == 0xC3) continue;  // inside "\xC3\xA9"
    const std::string text = base.substr(0, k) + "\xC3(" + base.substr(k);
    auto p = find_invalid_utf8(text);
    ASSERT_TRUE(p) << k;
    EXPECT_EQ(p->offset, k);
    EXPECT_EQ(p->line, 1U + static_cast<uint64_t>(std::count(base.begin(), base.begin() + static_cast<long>(k), '\n')))
        << k;
  }
}

TEST(Utf8, Repair) {
  EXPECT_EQ(repair_utf8("a\xFF"
                        "b"),
            "a\xEF\xBF\xBD"
            "b");
}

TEST(Binary, Detection) {
  EXPECT_TRUE(looks_binary(std::string("PK\x03\x04\0\0", 6)));
  EXPECT_TRUE(looks_binary("\x01\x02\x03\x04\x05\x06\x07\x08"));
  EXPECT_FALSE(looks_binary("An ordinary\tline of text.\r\n"));
  EXPECT_FALSE(looks_binary(""));
}

TEST(Normalize, NfcAndLineEnds) {
  // "e" + combining acute -> precomposed é
  EXPECT_EQ(normalize_text("Cafe\xCC\x81"), "Caf\xC3\xA9");
  EXPECT_EQ(normalize_text("a\r\nb\rc"), "a\nb\nc");
  EXPECT_EQ(normalize_text("\xEF\xBB\xBFtext"), "text");
}

// Mojibake: UTF-8 read as windows-1252 and written out again as UTF-8.
TEST(Mojibake, RepairsWindows1252RoundTrips) {
  // "it’s": E2 80 99 shown as â € ™
  EXPECT_EQ(repair_mojibake("it\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s"), "it\xE2\x80\x99s");
  // “ and ” (its byte 0x9D, undefined in windows-1252, lost as U+FFFD by the first decoder)
  EXPECT_EQ(repair_mojibake("\xC3\xA2\xE2\x82\xAC\xC5\x93yes\xC3\xA2\xE2\x82\xAC\xEF\xBF\xBD"),
            "\xE2\x80\x9Cyes\xE2\x80\x9D");
  // "café" as "cafÃ©"; "°" as "Â°"; "€" as "â‚¬"; "™" as "â„¢"; an emoji (four bytes) as "ðŸ˜€"
  EXPECT_EQ(repair_mojibake("caf\xC3\x83\xC2\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(repair_mojibake("40\xC3\x82\xC2\xB0"
                            "C"),
            "40\xC2\xB0"
            "C");
  EXPECT_EQ(repair_mojibake("\xC3\xA2\xE2\x80\x9A\xC2\xAC"
                            "5"),
            "\xE2\x82\xAC"
            "5");
  EXPECT_EQ(repair_mojibake("X\xC3\xA2\xE2\x80\x9E\xC2\xA2"), "X\xE2\x84\xA2");
  EXPECT_EQ(repair_mojibake("\xC3\xB0\xC5\xB8\xCB\x9C\xE2\x82\xAC"), "\xF0\x9F\x98\x80");
  // normalize_text repairs too.
  EXPECT_EQ(normalize_text("don\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t"), "don\xE2\x80\x99t");
}

// Every lead whose repair is a plausible letter: Latin Extended-A (Å, Ä), a capital inside an all-caps word
// from a quote mark with a letter after it (HÃ”TEL), a capital opening a word, Arabic (Ù, Ø), Devanagari
// (à and a virama), Vietnamese (á), Han (å, ä).
TEST(Mojibake, RepairsEveryLeadWhoseRepairIsAPlausibleLetter) {
  const std::pair<const char*, const char*> cases[] = {
      {"Dvo\xC3\x85\xE2\x84\xA2\xC3\x83\xC2\xA1k", "Dvo\xC5\x99\xC3\xA1k"},  // Dvořák
      {"Wa\xC3\x85\xE2\x80\x9A\xC3\x84\xE2\x84\xA2sa of Gda\xC3\x85\xE2\x80\x9Esk",
       "Wa\xC5\x82\xC4\x99sa of Gda\xC5\x84sk"},  // Wałęsa of Gdańsk
      {"Erdo\xC3\x84\xC5\xB8"
       "an",
       "Erdo\xC4\x9F"
       "an"},                                                                                    // Erdoğan
      {"\xC3\x85\xC5\xBEtefan", "\xC5\x9Etefan"},                                                // Ştefan
      {"H\xC3\x83\xE2\x80\x9DTEL", "H\xC3\x94TEL"},                                              // HÔTEL
      {"CAF\xC3\x83\xE2\x80\xB0", "CAF\xC3\x89"},                                                // CAFÉ
      {"\xC3\x83\xE2\x80\xB0tat", "\xC3\x89tat"},                                                // État
      {"Nguy\xC3\xA1\xC2\xBB\xE2\x80\xA6n V\xC3\x84\xC6\x92n", "Nguy\xE1\xBB\x85n V\xC4\x83n"},  // Nguyễn Văn
      {"\xC3\x99\xE2\x80\xA6\xC3\x98\xC2\xB1\xC3\x98\xC2\xAD\xC3\x98\xC2\xA8\xC3\x98\xC2\xA7",
       "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7"},  // Arabic
      {"\xC3\xA0\xC2\xA4\xC2\xA8\xC3\xA0\xC2\xA4\xC2\xAE\xC3\xA0\xC2\xA4\xC2\xB8\xC3\xA0\xC2\xA5\xC2\x8D\xC3\xA0\xC2"
       "\xA4\xC2\xA4\xC3\xA0"
       "\xC2\xA5\xE2\x80\xA1",
       "\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87"},          // Devanagari
      {"\xC3\xA5\xC5\x92\xE2\x80\x94\xC3\xA4\xC2\xBA\xC2\xAC", "\xE5\x8C\x97\xE4\xBA\xAC"},  // Han
  };
  for (const auto& [broken, fixed] : cases) EXPECT_EQ(repair_mojibake(broken), fixed) << broken;
}

TEST(Mojibake, LeavesRealAccentsAlone) {
  for (std::string s : {
           "S\xC3\xA3o Paulo and Gr\xC3\xB6\xC3\x9F"
           "e",                                           // São Paulo, Größe
           "JOS\xC3\x89\xE2\x80\x99S PLAN",               // capital É before a curly apostrophe
           "na\xC3\xAFve caf\xC3\xA9 \xC3\xA0 la carte",  // naïve café à la carte
           "\xC3\xA2\xE2\x82\xAC",                        // a lead with too few continuations
           "plain ASCII text",
           // an accented letter before NBSP, guillemets, quotes, dashes, the ellipsis, ®: the bytes would
           // make a Han character after a Latin letter, or a small IPA letter inside an all-caps word
           "Zo\xC3\xA9\xC2\xA0\xC2\xBB",
           "Th\xC3\xA9\xE2\x80\x9D\xE2\x80\x94",
           "Chlo\xC3\xA9\xE2\x80\xA6\xE2\x80\x9D",
           "ANDR\xC3\x89\xC2\xAE",
           // an all-caps word's real last letter Ã or Â before closing punctuation: a capital from a quote, a
           // dash, an ellipsis, with no letter after; a small letter inside the word; a C1 control; ×
           "ALEM\xC3\x83\xE2\x80\x9D",
           "\xE2\x80\x9C"
           "CIDAD\xC3\x83\xE2\x80\x99",
           "VIL\xC3\x83\xE2\x80\xA6 end",
           "CH\xC3\x83\xC2\xAE",
           "ALEM\xC3\x83\xC2\xA0SA",
           "\xE2\x80\x9CV\xC3\x82\xE2\x80\x9D",
           "CAPIT\xC3\x83\xE2\x80\x94"
           "a",
       })
    EXPECT_EQ(repair_mojibake(s), s) << s;
}

TEST(Charset, Latin1ToUtf8) {
  auto r = to_utf8("caf\xE9", "ISO-8859-1");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "caf\xC3\xA9");
  EXPECT_FALSE(to_utf8("x", "no-such-charset").ok());
}

TEST(FoldCase, UnicodeAndQuotes) {
  std::string out;
  fold_case_append(
      "Xi\xE2\x80\x99s \xC3\x89LYS\xC3\x89"
      "E \xE2\x80\x9CHi\xE2\x80\x9D",
      out);
  EXPECT_EQ(out,
            "xi's \xC3\xA9lys\xC3\xA9"
            "e \"hi\"");
}

}  // namespace
}  // namespace dyad
