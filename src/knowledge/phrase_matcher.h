// Many phrases matched at once over normalised tokens.
//
// Design: every distinct token form used by any phrase is interned to a
// 32-bit id in one open-addressing table over a single string arena; the
// phrases form a trie over those ids, flattened into two arrays (nodes, and
// edges sorted by token id, binary-searched). Matching a sentence costs one
// table probe per token plus a short trie walk; a token that no phrase uses
// is rejected at the probe. Built once at start, then immutable and shared
// by all threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dyad {

class TokenInterner {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  /// Id of `form`, adding it if new.
  uint32_t intern(std::string_view form);
  /// Id of `form`, or kNone.
  [[nodiscard]] uint32_t find(std::string_view form) const;
  [[nodiscard]] size_t size() const { return offsets_.size(); }
  [[nodiscard]] std::string_view form(uint32_t id) const;

 private:
  void grow();
  std::string arena_;
  std::vector<std::pair<uint32_t, uint32_t>> offsets_;  // (offset, length) per id
  std::vector<uint32_t> slots_;                         // id + 1, 0 = empty
};

class PhraseMatcher {
 public:
  struct Match {
    uint32_t begin = 0;  // first token
    uint32_t end = 0;    // one past the last token
    uint32_t value = 0;  // what the phrase was added with
  };

  /// Adds a phrase (its tokens' normalised forms) with a value. Before build() only.
  void add(const std::vector<std::string_view>& tokens, uint32_t value);
  /// Freezes the trie; add() may not be called after.
  void build();

  /// Id of one token form, TokenInterner::kNone when no phrase uses it.
  [[nodiscard]] uint32_t id_of(std::string_view form) const { return tokens_.find(form); }

  /// Interns the token forms of a sentence once, for repeated matching.
  void ids(const std::vector<std::string_view>& forms, std::vector<uint32_t>& out) const;

  /// All values of the longest phrase starting at `i` (empty if none).
  void longest_at(const std::vector<uint32_t>& ids, size_t i, std::vector<Match>& out) const;

  /// Every phrase starting at `i` and ending at or before `end` (one Match per
  /// value), shortest first: for callers that filter matches (case rules) and
  /// fall back to a shorter phrase when the longest is rejected.
  void prefixes_at(const std::vector<uint32_t>& ids, size_t i, size_t end, std::vector<Match>& out) const;

  /// Leftmost-longest, non-overlapping matches over the whole sequence.
  void find_all(const std::vector<uint32_t>& ids, std::vector<Match>& out) const;

  [[nodiscard]] size_t phrase_count() const { return phrases_; }

 private:
  static constexpr uint32_t kNoNode = UINT32_MAX;
  /// The child of trie node `node` along token `id`, or kNoNode.
  [[nodiscard]] uint32_t child(uint32_t node, uint32_t id) const;

  struct Node {
    uint32_t first_edge = 0, edge_count = 0;
    uint32_t first_value = 0, value_count = 0;
  };
  struct Edge {
    uint32_t token = 0, node = 0;
  };
  // Builder state (cleared by build()).
  struct BuildNode {
    std::vector<std::pair<uint32_t, uint32_t>> children;  // (token, build node)
    std::vector<uint32_t> values;
  };
  std::vector<BuildNode> building_{1};
  std::unordered_map<uint64_t, uint32_t> child_;  // (build node << 32 | token) -> child build node

  TokenInterner tokens_;
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::vector<uint32_t> values_;
  size_t phrases_ = 0;
  bool built_ = false;
};

}  // namespace dyad
