// WordSet: a small closed list of case-folded words (a dozen to a few hundred), kept as a sorted
// vector. A binary search over string_views is as cheap as a hash probe for lists this size and
// allocates nothing. The word lists of data/knowledge/ (NounList, ActorWords) keep their words in one.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

class WordSet {
 public:
  /// Adds `w`; false (and nothing changed) when it is there already.
  bool insert(std::string_view w) {
    auto at = lower(w);
    if (at != words_.end() && std::string_view(*at) == w) return false;
    words_.insert(at, std::string(w));
    return true;
  }
  /// Is `w` listed? Compares bytes: the caller folds case.
  [[nodiscard]] bool contains(std::string_view w) const {
    auto at = lower(w);
    return at != words_.end() && std::string_view(*at) == w;
  }
  [[nodiscard]] size_t size() const { return words_.size(); }
  [[nodiscard]] bool empty() const { return words_.empty(); }

 private:
  [[nodiscard]] std::vector<std::string>::const_iterator lower(std::string_view w) const {
    return std::lower_bound(words_.begin(), words_.end(), w,
                            [](const std::string& a, std::string_view b) { return std::string_view(a) < b; });
  }
  std::vector<std::string> words_;  // sorted, unique
};

}  // namespace dyad
