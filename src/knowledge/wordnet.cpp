#include "knowledge/wordnet.h"

#include <algorithm>
#include <fstream>

#include "core/lines.h"

namespace dyad {
namespace {

// WordNet writes phrases with '_' and may mark a word with a syntactic marker
// such as "(a)"; dyad's patterns write phrases with spaces, in lower case.
std::string word_of(std::string_view w) {
  if (auto p = w.find('('); p != std::string_view::npos) w = w.substr(0, p);
  std::string out(w);
  for (char& c : out) {
    if (c == '_')
      c = ' ';
    else if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool parse_count(std::string_view s, int base, size_t& out) {
  if (s.empty()) return false;
  size_t v = 0;
  for (char c : s) {
    int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
    if (d < 0 || d >= base) return false;
    v = v * static_cast<size_t>(base) + static_cast<size_t>(d);
  }
  out = v;
  return true;
}

Error bad_line(const std::string& path, size_t line, std::string_view what) {
  return Error{path, line, std::string(what)};
}

}  // namespace

Result<WordNetVerbs> WordNetVerbs::load(const std::string& dir) {
  WordNetVerbs wn;
  const std::string data_path = dir + "/data.verb";
  const std::string index_path = dir + "/index.verb";
  std::ifstream data(data_path);
  if (!data) return Error{data_path, 0, "cannot open (is the wordnet-base package installed?)"};
  std::string line;
  size_t n = 0;
  while (std::getline(data, line)) {
    ++n;
    if (line.empty() || line[0] == ' ') continue;  // licence header lines start with two spaces
    const size_t bar = line.find(" | ");
    const std::vector<std::string_view> f = split_spaces(std::string_view(line).substr(0, bar));
    size_t count = 0;
    if (f.size() < 4 || !parse_count(f[3], 16, count) || f.size() < 4 + 2 * count)
      return bad_line(data_path, n, "not a synset line (offset lex_filenum ss_type w_cnt words...)");
    WordNetSynset s;
    s.offset = std::string(f[0]);
    for (size_t i = 0; i < count; ++i) s.words.push_back(word_of(f[4 + 2 * i]));
    if (bar != std::string::npos) s.gloss = line.substr(bar + 3);
    while (!s.gloss.empty() && (s.gloss.back() == ' ' || s.gloss.back() == '\r')) s.gloss.pop_back();
    wn.by_offset_.emplace(s.offset, wn.synsets_.size());
    wn.synsets_.push_back(std::move(s));
  }
  std::ifstream index(index_path);
  if (!index) return Error{index_path, 0, "cannot open (is the wordnet-base package installed?)"};
  n = 0;
  while (std::getline(index, line)) {
    ++n;
    if (line.empty() || line[0] == ' ') continue;
    const std::vector<std::string_view> f = split_spaces(line);
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    size_t synsets = 0;
    size_t pointers = 0;
    if (f.size() < 4 || !parse_count(f[2], 10, synsets) || !parse_count(f[3], 10, pointers) ||
        f.size() != 4 + pointers + 2 + synsets)
      return bad_line(index_path, n, "not an index line (lemma pos synset_cnt p_cnt ... offsets)");
    std::vector<size_t>& senses = wn.index_[word_of(f[0])];
    for (size_t i = f.size() - synsets; i < f.size(); ++i) {
      auto it = wn.by_offset_.find(std::string(f[i]));
      if (it == wn.by_offset_.end()) return bad_line(index_path, n, "synset offset not in data.verb");
      senses.push_back(it->second);
    }
  }
  if (wn.synsets_.empty() || wn.index_.empty()) return Error{dir, 0, "no verb synsets read"};
  return wn;
}

std::vector<const WordNetSynset*> WordNetVerbs::senses(std::string_view lemma) const {
  std::vector<const WordNetSynset*> out;
  auto it = index_.find(word_of(lemma));
  if (it == index_.end()) return out;
  for (size_t i : it->second) out.push_back(&synsets_[i]);
  return out;
}

}  // namespace dyad
