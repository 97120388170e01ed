#include "events/verb_suggest.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "events/pattern.h"

namespace dyad {
namespace {

// The words of one alternative when it is plain lemmas only ("set off"), else "".
std::string plain_words(const PatternNode& n) {
  if (n.kind == PatternNode::Kind::element)
    return n.element.kind == PatternElement::Kind::lemma ? n.element.word : std::string();
  if (n.kind != PatternNode::Kind::sequence) return {};
  std::string out;
  for (const PatternNode& c : n.children) {
    std::string w = plain_words(c);
    if (w.empty()) return {};
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

// The first group of plain verbs of a pattern after its leading slots and gaps:
// "{S} (arrive|land|touch down) in {T}" -> arrive, land, touch down.
std::vector<std::string> first_group(const PatternNode& root) {
  const std::vector<PatternNode>* seq = &root.children;
  for (const PatternNode& n : *seq) {
    if (n.kind == PatternNode::Kind::element && n.element.is_slot()) continue;
    if (n.kind == PatternNode::Kind::element &&
        (n.element.kind == PatternElement::Kind::gap || n.element.kind == PatternElement::Kind::modifiers))
      continue;
    std::vector<std::string> out;
    if (n.kind == PatternNode::Kind::alternatives) {
      for (const PatternNode& alt : n.children) {
        std::string w = plain_words(alt);
        if (w.empty()) return {};
        out.push_back(std::move(w));
      }
    } else if (std::string w = plain_words(n); !w.empty()) {
      out.push_back(std::move(w));
    }
    return out;
  }
  return {};
}

}  // namespace

std::vector<VerbSuggestion> suggest_verbs(const std::vector<VerbPatternSpec>& patterns, const WordNetVerbs& wordnet,
                                          const VerbSuggestOptions& options) {
  std::vector<std::vector<std::string>> groups;
  std::unordered_map<std::string, std::set<std::string>> codes_of;  // verb -> codes of rows listing it
  for (const VerbPatternSpec& spec : patterns) {
    auto tree = parse_pattern(spec);
    groups.push_back(tree.ok() ? first_group(*tree) : std::vector<std::string>{});
    for (const std::string& w : groups.back()) codes_of[w].insert(spec.code);
  }
  std::vector<VerbSuggestion> out;
  std::set<std::vector<std::string>> seen;  // rows sharing one verb group are reviewed once, at the first
  for (size_t i = 0; i < patterns.size(); ++i) {
    const std::vector<std::string>& listed = groups[i];
    if (listed.empty() || !seen.insert(listed).second) continue;
    const std::set<std::string> own(listed.begin(), listed.end());
    std::map<const WordNetSynset*, size_t> support;
    for (const std::string& v : own) {
      const auto senses = wordnet.senses(v);
      for (size_t k = 0; k < senses.size() && k < options.senses; ++k) ++support[senses[k]];
    }
    std::map<std::string, VerbSuggestion> best;  // word -> its strongest synset
    for (const auto& [synset, n] : support) {
      if (n < options.min_support) continue;
      for (const std::string& w : synset->words) {
        if (own.count(w)) continue;
        auto [it, fresh] = best.try_emplace(w);
        if (!fresh && it->second.support >= n) continue;
        it->second = VerbSuggestion{patterns[i].origin, patterns[i].code, listed, w, n, synset->gloss, {}};
        if (auto c = codes_of.find(w); c != codes_of.end())
          it->second.used_by.assign(c->second.begin(), c->second.end());
      }
    }
    std::vector<VerbSuggestion> row;
    for (auto& [w, s] : best) row.push_back(std::move(s));
    std::stable_sort(row.begin(), row.end(),
                     [](const VerbSuggestion& a, const VerbSuggestion& b) { return a.support > b.support; });
    for (auto& s : row) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace dyad
