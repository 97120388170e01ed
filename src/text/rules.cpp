// Loading the text layer's knowledge files.
//
// Design: every file is line-oriented UTF-8 with '#' comments, read once at
// start. Abbreviations and sentence starters go into hash sets; boilerplate
// and byline patterns are compiled into one RE2::Set each, so a sentence is
// tested against all patterns in a single linear-time pass. Any problem is
// an Error naming the file and the 1-based line.
#include <re2/re2.h>
#include <re2/set.h>

#include <fstream>
#include <sstream>

#include "core/unicode.h"
#include "text/text_internal.h"

namespace dyad {

using text_detail::AbbrevClass;

namespace {

struct Line {
  uint64_t number = 0;
  std::string text;  // trimmed, comment lines and blank lines dropped
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

Result<std::vector<Line>> read_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, 0, "cannot open file"};
  std::vector<Line> lines;
  std::string raw;
  uint64_t n = 0;
  while (std::getline(in, raw)) {
    ++n;
    std::string_view t = trim(raw);
    if (n == 1 && t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);
    if (t.empty() || t.front() == '#') continue;
    lines.push_back(Line{n, std::string(t)});
  }
  if (in.bad()) return Error{path, 0, "read error"};
  return lines;
}

Result<std::unique_ptr<RE2::Set>> load_patterns(const std::string& path) {
  auto lines = read_lines(path);
  if (!lines) return lines.error();
  if (lines->empty()) return std::unique_ptr<RE2::Set>();
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const Line& line : *lines) {
    std::string error;
    if (set->Add(line.text, &error) < 0) return Error{path, line.number, "bad pattern: " + error};
  }
  if (!set->Compile()) return Error{path, 0, "pattern set too large to compile"};
  return set;
}

}  // namespace

const AbbrevClass* TextRules::Impl::abbreviation(std::string_view word_with_period) const {
  if (auto it = abbreviations.find(word_with_period); it != abbreviations.end()) return &it->second;
  // "Approx." -> "approx."
  if (!word_with_period.empty() && word_with_period.front() >= 'A' && word_with_period.front() <= 'Z') {
    char buf[32];
    if (word_with_period.size() > sizeof buf) return nullptr;
    word_with_period.copy(buf, word_with_period.size());
    buf[0] = static_cast<char>(buf[0] - 'A' + 'a');
    if (auto it = abbreviations.find(std::string_view(buf, word_with_period.size())); it != abbreviations.end())
      return &it->second;
  }
  return nullptr;
}

TextRules::TextRules(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TextRules::~TextRules() = default;

Result<std::shared_ptr<const TextRules>> TextRules::load(const std::string& data_dir) {
  auto impl = std::make_unique<Impl>();
  const std::string dir = data_dir + "/text/";

  {
    const std::string path = dir + "abbreviations.txt";
    auto lines = read_lines(path);
    if (!lines) return lines.error();
    for (const Line& line : *lines) {
      std::istringstream fields(line.text);
      std::string abbr;
      std::string cls;
      std::string extra;
      fields >> abbr >> cls >> extra;
      if (!extra.empty()) return Error{path, line.number, "expected 'abbreviation [class]', got '" + line.text + "'"};
      if (abbr.size() < 2 || abbr.back() != '.')
        return Error{path, line.number, "abbreviation '" + abbr + "' must end with a period"};
      if (abbr.size() > 32) return Error{path, line.number, "abbreviation '" + abbr + "' is too long"};
      AbbrevClass c = AbbrevClass::plain;
      if (cls == "prefix") {
        c = AbbrevClass::prefix;
      } else if (!cls.empty() && cls != "plain") {
        return Error{path, line.number, "unknown class '" + cls + "' (expected 'prefix' or 'plain')"};
      }
      impl->abbreviations[abbr] = c;
    }
  }
  {
    const std::string path = dir + "sentence_starters.txt";
    auto lines = read_lines(path);
    if (!lines) return lines.error();
    for (const Line& line : *lines) {
      if (line.text.find_first_of(" \t") != std::string::npos)
        return Error{path, line.number, "expected one word per line, got '" + line.text + "'"};
      std::string folded;
      fold_case_append(line.text, folded);
      impl->starters.insert(std::move(folded));
    }
  }
  {
    auto set = load_patterns(dir + "boilerplate.txt");
    if (!set) return set.error();
    impl->boilerplate = std::move(set.value());
  }
  {
    auto set = load_patterns(dir + "bylines.txt");
    if (!set) return set.error();
    impl->bylines = std::move(set.value());
  }
  return std::shared_ptr<const TextRules>(new TextRules(std::move(impl)));
}

}  // namespace dyad
