#include "knowledge/phrase_matcher.h"

#include <algorithm>
#include <cassert>
#include <deque>

#include "core/hash.h"

namespace dyad {

std::string_view TokenInterner::form(uint32_t id) const {
  auto [off, len] = offsets_[id];
  return std::string_view(arena_).substr(off, len);
}

uint32_t TokenInterner::find(std::string_view f) const {
  if (slots_.empty()) return kNone;
  size_t mask = slots_.size() - 1;
  for (size_t i = hash64(f) & mask;; i = (i + 1) & mask) {
    uint32_t s = slots_[i];
    if (s == 0) return kNone;
    if (form(s - 1) == f) return s - 1;
  }
}

void TokenInterner::grow() {
  size_t n = slots_.empty() ? 64 : slots_.size() * 2;
  slots_.assign(n, 0);
  size_t mask = n - 1;
  for (uint32_t id = 0; id < offsets_.size(); ++id) {
    size_t i = hash64(form(id)) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = id + 1;
  }
}

uint32_t TokenInterner::intern(std::string_view f) {
  if (uint32_t id = find(f); id != kNone) return id;
  if ((offsets_.size() + 1) * 2 > slots_.size()) grow();
  auto id = static_cast<uint32_t>(offsets_.size());
  offsets_.emplace_back(static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(f.size()));
  arena_.append(f);
  size_t mask = slots_.size() - 1;
  size_t i = hash64(f) & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = id + 1;
  return id;
}

void PhraseMatcher::add(const std::vector<std::string_view>& tokens, uint32_t value) {
  assert(!built_);
  if (tokens.empty()) return;
  uint32_t node = 0;
  for (std::string_view t : tokens) {
    uint32_t id = tokens_.intern(t);
    uint64_t key = (static_cast<uint64_t>(node) << 32) | id;
    auto it = child_.find(key);
    if (it != child_.end()) {
      node = it->second;
    } else {
      auto next = static_cast<uint32_t>(building_.size());
      building_[node].children.emplace_back(id, next);
      building_.emplace_back();
      child_.emplace(key, next);
      node = next;
    }
  }
  auto& vals = building_[node].values;
  if (std::find(vals.begin(), vals.end(), value) == vals.end()) vals.push_back(value);
  ++phrases_;
}

void PhraseMatcher::build() {
  // Flatten breadth-first so each node's edges are contiguous and sorted.
  std::vector<uint32_t> flat_of(building_.size(), 0);
  nodes_.clear();
  nodes_.reserve(building_.size());
  nodes_.emplace_back();
  std::deque<uint32_t> queue{0};
  while (!queue.empty()) {
    uint32_t b = queue.front();
    queue.pop_front();
    BuildNode& bn = building_[b];
    std::sort(bn.children.begin(), bn.children.end());
    Node& n = nodes_[flat_of[b]];
    n.first_value = static_cast<uint32_t>(values_.size());
    n.value_count = static_cast<uint32_t>(bn.values.size());
    values_.insert(values_.end(), bn.values.begin(), bn.values.end());
    n.first_edge = static_cast<uint32_t>(edges_.size());
    n.edge_count = static_cast<uint32_t>(bn.children.size());
    for (auto [token, child] : bn.children) {
      flat_of[child] = static_cast<uint32_t>(nodes_.size());
      edges_.push_back(Edge{token, flat_of[child]});
      nodes_.emplace_back();
      queue.push_back(child);
    }
  }
  building_.clear();
  building_.shrink_to_fit();
  child_ = {};
  built_ = true;
}

void PhraseMatcher::ids(const std::vector<std::string_view>& forms, std::vector<uint32_t>& out) const {
  out.clear();
  out.reserve(forms.size());
  for (std::string_view f : forms) out.push_back(tokens_.find(f));
}

uint32_t PhraseMatcher::child(uint32_t node, uint32_t id) const {
  const Node& n = nodes_[node];
  auto first = edges_.begin() + n.first_edge;
  auto last = first + n.edge_count;
  auto it = std::lower_bound(first, last, id, [](const Edge& e, uint32_t t) { return e.token < t; });
  return it == last || it->token != id ? kNoNode : it->node;
}

void PhraseMatcher::longest_at(const std::vector<uint32_t>& ids, size_t i, std::vector<Match>& out) const {
  if (!built_ || nodes_.empty()) return;
  uint32_t node = 0;
  size_t best_end = 0;
  uint32_t best_node = 0;
  for (size_t j = i; j < ids.size(); ++j) {
    uint32_t id = ids[j];
    if (id == TokenInterner::kNone) break;
    node = child(node, id);
    if (node == kNoNode) break;
    if (nodes_[node].value_count > 0) {
      best_end = j + 1;
      best_node = node;
    }
  }
  if (best_end == 0) return;
  const Node& n = nodes_[best_node];
  for (uint32_t k = 0; k < n.value_count; ++k)
    out.push_back(Match{static_cast<uint32_t>(i), static_cast<uint32_t>(best_end), values_[n.first_value + k]});
}

void PhraseMatcher::prefixes_at(const std::vector<uint32_t>& ids, size_t i, size_t end, std::vector<Match>& out) const {
  if (!built_ || nodes_.empty()) return;
  uint32_t node = 0;
  end = std::min(end, ids.size());
  for (size_t j = i; j < end; ++j) {
    uint32_t id = ids[j];
    if (id == TokenInterner::kNone) break;
    node = child(node, id);
    if (node == kNoNode) break;
    const Node& hit = nodes_[node];
    for (uint32_t k = 0; k < hit.value_count; ++k)
      out.push_back(Match{static_cast<uint32_t>(i), static_cast<uint32_t>(j + 1), values_[hit.first_value + k]});
  }
}

void PhraseMatcher::find_all(const std::vector<uint32_t>& ids, std::vector<Match>& out) const {
  size_t i = 0;
  while (i < ids.size()) {
    size_t before = out.size();
    longest_at(ids, i, out);
    i = out.size() > before ? out.back().end : i + 1;
  }
}

}  // namespace dyad
