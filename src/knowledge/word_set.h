// WordSet: a small closed list of case-folded words (a dozen to a few hundred), kept as a sorted
// vector. A binary search over string_views is as cheap as a hash probe for lists this size and
// allocates nothing. The word lists of data/knowledge/ (NounList, ActorWords) keep their words in one.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
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
  /// Is the two-word phrase "`a` `b`" (one space between) listed? Builds it in a stack buffer: no
  /// allocation; false when `b` is empty or the phrase is longer than 63 bytes.
  [[nodiscard]] bool contains(std::string_view a, std::string_view b) const {
    std::array<char, 64> buf{};
    if (b.empty() || a.size() + 1 + b.size() > buf.size() - 1) return false;
    std::copy(a.begin(), a.end(), buf.begin());
    buf[a.size()] = ' ';
    std::copy(b.begin(), b.end(), buf.begin() + static_cast<std::ptrdiff_t>(a.size() + 1));
    return contains(std::string_view(buf.data(), a.size() + 1 + b.size()));
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
