// Design note: a pattern is parsed by a small recursive-descent parser into a
// tree (sequence / alternatives / optional). The matcher needs only the anchor
// resolved at load time (to index by it), so anchor_pattern() splits the tree
// just up to the first word and keeps the rest as a tree; real dictionaries
// write patterns like "(23 verbs) to (17 verbs) * (21 nouns)" whose full
// expansion runs to thousands of readings. expand_pattern() (full expansion,
// capped) remains for diagnostics and tests.
#include "events/pattern.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <memory>
#include <utility>

#include "events/clause_words.h"

namespace dyad {

namespace {

constexpr size_t kMaxReadings = 4096;

using Node = PatternNode;

std::string nodes_str(const std::vector<Node>& seq);

class Parser {
 public:
  Parser(std::string_view text, std::string_view origin) : s_(text), origin_(origin) {}

  Result<Node> parse() {
    auto seq = sequence();
    if (!seq.ok()) return seq;
    skip_space();
    if (pos_ < s_.size()) return fail(std::string("unexpected '") + s_[pos_] + "'");
    // docs/verbs.md rule 8: a gap ('*' or '~') is never the first or last element, and two never
    // stand next to each other (where one ends and the other begins would be a guess)
    const auto& top = seq->children;
    if (!top.empty() && (gapish(top.front()) || gapish(top.back())))
      return pattern_error(origin_, "pattern \"" + std::string(s_) + "\": a gap ('*' or '~') begins or ends it");
    if (adjacent_gaps(seq.value()))
      return pattern_error(origin_, "pattern \"" + std::string(s_) + "\": two gaps ('*' or '~') side by side");
    return seq;
  }

 private:
  static bool gapish(const Node& n) {
    return n.kind == Node::Kind::element &&
           (n.element.kind == PatternElement::Kind::gap || n.element.kind == PatternElement::Kind::modifiers);
  }
  static bool adjacent_gaps(const Node& n) {
    for (size_t i = 0; i < n.children.size(); ++i) {
      if (n.kind == Node::Kind::sequence && i + 1 < n.children.size() && gapish(n.children[i]) &&
          gapish(n.children[i + 1]))
        return true;
      if (adjacent_gaps(n.children[i])) return true;
    }
    return false;
  }
  Error fail(const std::string& what) const {
    return pattern_error(origin_,
                         "pattern \"" + std::string(s_) + "\": " + what + " at column " + std::to_string(pos_ + 1));
  }
  void skip_space() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_])) != 0) ++pos_;
  }
  static bool word_char(char c) {
    return std::isspace(static_cast<unsigned char>(c)) == 0 && c != '{' && c != '}' && c != '(' && c != ')' &&
           c != '[' && c != ']' && c != '|' && c != '"' && c != '*' && c != '^' && c != '~';
  }

  Result<Node> sequence() {
    Node seq;
    seq.kind = Node::Kind::sequence;
    for (;;) {
      skip_space();
      if (pos_ >= s_.size() || s_[pos_] == ')' || s_[pos_] == ']' || s_[pos_] == '|') break;
      auto e = element();
      if (!e.ok()) return e;
      seq.children.push_back(std::move(e.value()));
    }
    return seq;
  }

  // "COP" or "COP|MIL": codes of three upper-case letters separated by '|'.
  static bool sector_list(std::string_view list) {
    for (size_t b = 0;; b += 4) {
      if (b + 3 > list.size()) return false;
      for (size_t i = b; i < b + 3; ++i)
        if (list[i] < 'A' || list[i] > 'Z') return false;
      if (b + 3 == list.size()) return true;
      if (list[b + 3] != '|') return false;
    }
  }

  Result<Node> element() {
    Node n;
    n.kind = Node::Kind::element;
    const char c = s_[pos_];
    if (c == '{') {
      const size_t close = s_.find('}', pos_);
      if (close == std::string_view::npos) return fail("unclosed '{'");
      std::string_view name = s_.substr(pos_ + 1, close - pos_ - 1);
      using K = PatternElement::Kind;
      if (name == "S" || name == "S+") {
        // "{S+}": a compound subject of two or more different actors (read_verb_patterns sets
        // VerbPatternSpec::compound_source); the slot itself is a plain source
        n.element.kind = K::source;
      } else if (name.starts_with("S:")) {
        // "{S:COP|MIL}": a source of one of these sectors (PatternElement::word)
        n.element.kind = K::source;
        n.element.word = std::string(name.substr(2));
        if (!sector_list(n.element.word))
          return fail("slot {" + std::string(name) + "}: sectors are three upper-case letters separated by '|'");
      } else if (name == "T")
        n.element.kind = K::target;
      else if (name.starts_with("T:")) {
        // "{T:GOV|ELI}": a target of one of these sectors (PatternElement::word)
        n.element.kind = K::target;
        n.element.word = std::string(name.substr(2));
        if (!sector_list(n.element.word))
          return fail("slot {" + std::string(name) + "}: sectors are three upper-case letters separated by '|'");
      } else if (name == "S's")
        n.element.kind = K::source_possessive;
      else if (name == "T's")
        n.element.kind = K::target_possessive;
      else
        return fail("unknown slot {" + std::string(name) + "}");
      pos_ = close + 1;
      return n;
    }
    if (c == '*') {
      n.element.kind = PatternElement::Kind::gap;
      ++pos_;
      return n;
    }
    if (c == '^') {
      n.element.kind = PatternElement::Kind::skip;
      ++pos_;
      return n;
    }
    if (c == '~') {
      n.element.kind = PatternElement::Kind::modifiers;
      ++pos_;
      return n;
    }
    if (c == '"') {
      const size_t close = s_.find('"', pos_ + 1);
      if (close == std::string_view::npos) return fail("unclosed '\"'");
      n.element.kind = PatternElement::Kind::exact;
      n.element.word = lower(s_.substr(pos_ + 1, close - pos_ - 1));
      if (n.element.word.empty() || n.element.word.find(' ') != std::string::npos)
        return fail("a quoted form must be one word");
      pos_ = close + 1;
      return n;
    }
    if (c == '(' || c == '[') {
      const char want = c == '(' ? ')' : ']';
      ++pos_;
      Node group;
      group.kind = c == '(' ? Node::Kind::alternatives : Node::Kind::optional;
      for (;;) {
        auto seq = sequence();
        if (!seq.ok()) return seq;
        if (seq->children.empty()) return fail("empty alternative");
        group.children.push_back(std::move(seq.value()));
        if (pos_ >= s_.size()) return fail(std::string("missing '") + want + "'");
        if (s_[pos_] == '|') {
          if (c == '[') return fail("'|' inside [ ] (use [(a|b)])");
          ++pos_;
          continue;
        }
        if (s_[pos_] != want) return fail(std::string("expected '") + want + "'");
        ++pos_;
        break;
      }
      if (c == '(') {
        // Each alternative's text once, not once per pair (a group of 30 words made 870 strings).
        std::vector<std::string> seen;
        seen.reserve(group.children.size());
        for (const Node& alternative : group.children) {
          std::string text = nodes_str(alternative.children);
          if (std::find(seen.begin(), seen.end(), text) != seen.end()) return fail("an alternative repeated in ( )");
          seen.push_back(std::move(text));
        }
      }
      // docs/verbs.md rules 3 and 4: an alternative holds words and slots only; an optional part
      // holds no gap and no other optional part
      for (const Node& seq : group.children)
        for (const Node& x : seq.children) {
          const bool plain =
              x.kind == Node::Kind::element && !gapish(x) && x.element.kind != PatternElement::Kind::skip;
          if (c == '(' && !plain) return fail("an alternative in ( ) holds only words and slots");
          if (c == '[' && (gapish(x) || x.kind == Node::Kind::optional)) return fail("a gap or [ ] inside [ ]");
        }
      return group;
    }
    if (c == '}' || c == ')' || c == ']') return fail(std::string("unbalanced '") + c + "'");
    const size_t start = pos_;
    while (pos_ < s_.size() && word_char(s_[pos_])) ++pos_;
    if (pos_ == start) return fail(std::string("unexpected '") + c + "'");
    n.element.kind = PatternElement::Kind::lemma;
    n.element.word = lower(s_.substr(start, pos_ - start));
    return n;
  }

  static std::string lower(std::string_view w) {
    std::string out(w);
    for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
  }

  std::string_view s_;
  std::string_view origin_;
  size_t pos_ = 0;
};

// Expands a node into every linear sequence of elements it can read as.
bool expand(const Node& n, std::vector<std::vector<PatternElement>>& out) {
  switch (n.kind) {
    case Node::Kind::element:
      for (auto& seq : out) seq.push_back(n.element);
      return true;
    case Node::Kind::sequence:
      for (const Node& c : n.children)
        if (!expand(c, out)) return false;
      return true;
    case Node::Kind::optional: {
      std::vector<std::vector<PatternElement>> with = out;
      for (const Node& c : n.children)
        if (!expand(c, with)) return false;
      out.insert(out.end(), with.begin(), with.end());
      return out.size() <= kMaxReadings;
    }
    case Node::Kind::alternatives: {
      std::vector<std::vector<PatternElement>> all;
      for (const Node& c : n.children) {
        std::vector<std::vector<PatternElement>> branch = out;
        if (!expand(c, branch)) return false;
        all.insert(all.end(), branch.begin(), branch.end());
        if (all.size() > kMaxReadings) return false;
      }
      out = std::move(all);
      return true;
    }
  }
  return true;
}

std::string element_str(const PatternElement& e) {
  using K = PatternElement::Kind;
  switch (e.kind) {
    case K::source:
      return e.word.empty() ? "{S}" : "{S:" + e.word + "}";
    case K::target:
      return e.word.empty() ? "{T}" : "{T:" + e.word + "}";
    case K::source_possessive:
      return "{S's}";
    case K::target_possessive:
      return "{T's}";
    case K::lemma:
      return e.word;
    case K::exact:
      return "\"" + e.word + "\"";
    case K::gap:
      return "*";
    case K::skip:
      return "^";
    case K::modifiers:
      return "~";
  }
  return "";
}

std::string nodes_str(const std::vector<Node>& seq);

std::string node_str(const Node& n) {
  switch (n.kind) {
    case Node::Kind::element:
      return element_str(n.element);
    case Node::Kind::sequence:
      return nodes_str(n.children);
    case Node::Kind::optional:
      return "[" + nodes_str(n.children.front().children) + "]";
    case Node::Kind::alternatives: {
      std::string s = "(";
      for (size_t i = 0; i < n.children.size(); ++i) s += (i > 0 ? "|" : "") + nodes_str(n.children[i].children);
      return s + ")";
    }
  }
  return "";
}

std::string nodes_str(const std::vector<Node>& seq) {
  std::string s;
  for (const Node& n : seq) {
    std::string x = node_str(n);
    if (x.empty()) continue;
    if (!s.empty()) s += ' ';
    s += x;
  }
  return s;
}

constexpr size_t kMaxAnchored = 1024;

// Walks the pattern until its first word in every possible way. What is left to
// walk is a stack of node ranges into the parsed tree (innermost last), so no
// node is copied while walking: a reading records its anchor node and the ranges
// left after it, and anchor_pattern() copies each distinct rest once.
using Range = std::pair<Node*, Node*>;

struct RawReading {
  std::vector<PatternElement> prefix;
  Node* anchor = nullptr;
  std::vector<Range> rest;  // the non-empty ranges left after the anchor, innermost last
};

bool anchors(std::vector<PatternElement>& prefix, std::vector<Range>& todo, std::vector<RawReading>& out,
             bool& wordless) {
  if (out.size() > kMaxAnchored) return false;
  size_t depth = todo.size();
  while (depth > 0 && todo[depth - 1].first == todo[depth - 1].second) --depth;
  if (depth == 0) {
    wordless = true;
    return true;
  }
  // Walk from a copy of the live ranges, so the caller's stack is left as it was.
  std::vector<Range> rest(todo.begin(), todo.begin() + static_cast<std::ptrdiff_t>(depth));
  Node& n = *rest.back().first++;
  auto into = [&](std::vector<Node>& head) {
    rest.emplace_back(head.data(), head.data() + head.size());
    const bool ok = anchors(prefix, rest, out, wordless);
    rest.pop_back();
    return ok;
  };
  switch (n.kind) {
    case Node::Kind::element:
      if (n.element.is_word()) {
        RawReading r{prefix, &n, {}};
        for (const Range& x : rest)
          if (x.first != x.second) r.rest.push_back(x);
        out.push_back(std::move(r));
        return true;
      }
      {
        prefix.push_back(n.element);
        const bool ok = anchors(prefix, rest, out, wordless);
        prefix.pop_back();
        return ok;
      }
    case Node::Kind::sequence:
      return into(n.children);
    case Node::Kind::alternatives:
      for (Node& c : n.children)
        if (!into(c.children)) return false;
      return true;
    case Node::Kind::optional:
      if (!into(n.children.front().children)) return false;
      return anchors(prefix, rest, out, wordless);
  }
  return true;
}

// Gives every lemma element under `n` without an id its id, in tree order.
void assign_ids(Node& n, const LemmaIds& ids) {
  if (n.kind == Node::Kind::element) {
    if (n.element.kind == PatternElement::Kind::lemma && n.element.id < 0) n.element.id = ids(n.element.word);
    return;
  }
  for (Node& c : n.children) assign_ids(c, ids);
}

// Gives every alternatives node under `n` whose branches all open with a word the sorted
// lists of those words (PatternNode::first_lemmas, first_exact). Lemma ids must be given.
void index_first_words(Node& n) {
  for (Node& c : n.children) index_first_words(c);
  if (n.kind != Node::Kind::alternatives) return;
  std::vector<int32_t> lemmas;
  std::vector<std::string> exact;
  for (const Node& c : n.children) {
    if (c.children.empty()) return;
    const Node& first = c.children.front();
    if (first.kind != Node::Kind::element || !first.element.is_word()) return;
    if (first.element.kind == PatternElement::Kind::exact) {
      exact.push_back(first.element.word);
    } else {
      if (first.element.id < 0) return;
      lemmas.push_back(first.element.id);
    }
  }
  std::sort(lemmas.begin(), lemmas.end());
  lemmas.erase(std::unique(lemmas.begin(), lemmas.end()), lemmas.end());
  std::sort(exact.begin(), exact.end());
  exact.erase(std::unique(exact.begin(), exact.end()), exact.end());
  n.first_words_known = true;
  n.first_lemmas = std::move(lemmas);
  n.first_exact = std::move(exact);
}

// Orders range stacks by address (std::less gives a total order on pointers).
struct RangesLess {
  bool operator()(const std::vector<Range>& a, const std::vector<Range>& b) const {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](const Range& x, const Range& y) {
      const std::less<const Node*> lt;
      return x.first != y.first ? lt(x.first, y.first) : lt(x.second, y.second);
    });
  }
};

}  // namespace

std::string AnchoredPattern::str() const {
  std::string s;
  for (const auto& e : prefix) s += element_str(e) + " ";
  s += element_str(anchor);
  std::string r = rest ? nodes_str(*rest) : std::string();
  if (!r.empty()) s += " " + r;
  return s;
}

Result<PatternNode> parse_pattern(const VerbPatternSpec& spec) {
  Parser p(spec.pattern, spec.origin);
  return p.parse();
}

namespace {

// Most slots of one kind (source: {S}, {S's}; target: {T}, {T's}) on any one reading of n.
size_t max_slots(const Node& n, bool source) {
  using K = PatternElement::Kind;
  switch (n.kind) {
    case Node::Kind::element:
      return source ? (n.element.kind == K::source || n.element.kind == K::source_possessive ? 1 : 0)
                    : (n.element.kind == K::target || n.element.kind == K::target_possessive ? 1 : 0);
    case Node::Kind::alternatives: {
      size_t m = 0;
      for (const Node& c : n.children) m = std::max(m, max_slots(c, source));
      return m;
    }
    case Node::Kind::sequence:
    case Node::Kind::optional: {
      size_t sum = 0;
      for (const Node& c : n.children) sum += max_slots(c, source);
      return sum;
    }
  }
  return 0;
}

// Whether n holds a word element anywhere.
bool holds_word(const Node& n) {
  if (n.kind == Node::Kind::element) return n.element.is_word();
  return std::any_of(n.children.begin(), n.children.end(), holds_word);
}

}  // namespace

Status check_dictionary_pattern(const VerbPatternSpec& spec, const ClauseWords& words) {
  auto fail = [&spec](const std::string& what) {
    return Status(pattern_error(spec.origin, "pattern \"" + spec.pattern + "\": " + what));
  };
  // rule 6: words are lower case, [a-z0-9][a-z0-9'.-]* (letters beyond ASCII allowed); slots and quoted
  // exact forms aside
  const std::string& t = spec.pattern;
  for (size_t i = 0; i < t.size();) {
    const char c = t[i];
    if (c == '{' || c == '"') {
      const size_t close = t.find(c == '{' ? '}' : '"', i + 1);
      i = close == std::string::npos ? t.size() : close + 1;
      continue;
    }
    auto word_char = [](char x, bool first) {
      const auto u = static_cast<unsigned char>(x);
      return u >= 0x80 || (x >= 'a' && x <= 'z') || (x >= '0' && x <= '9') ||
             (!first && (x == '\'' || x == '.' || x == '-'));
    };
    if (std::isspace(static_cast<unsigned char>(c)) != 0 ||
        std::string_view("()[]|*^~").find(c) != std::string_view::npos) {
      ++i;
      continue;
    }
    const size_t start = i;
    while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i])) == 0 &&
           std::string_view("()[]|*^~{\"").find(t[i]) == std::string_view::npos) {
      if (!word_char(t[i], i == start))
        return fail("the word \"" + t.substr(start, i + 1 - start) +
                    "...\" is not lower-case letters, digits and ' . -");
      ++i;
    }
  }
  auto tree = parse_pattern(spec);
  if (!tree.ok()) return tree.error();
  // rule 5: one source slot and one target slot at most on any reading
  if (max_slots(tree.value(), true) > 1) return fail("more than one source slot on a reading");
  if (max_slots(tree.value(), false) > 1) return fail("more than one target slot on a reading");
  // rule 7: the anchor is not inside [ ] and no function word (a quoted exact form may be one:
  // '"the" "arrested"' is a deliberate noun phrase)
  for (const Node& n : tree->children) {
    if (!holds_word(n)) continue;
    if (n.kind == Node::Kind::optional) return fail("its first word is inside [ ]");
    break;
  }
  auto readings = anchor_pattern(spec);
  if (!readings.ok()) return readings.error();
  for (const AnchoredPattern& ap : readings.value())
    if (ap.anchor.kind == PatternElement::Kind::lemma && words.function_word(ap.anchor.word))
      return fail("its first word \"" + ap.anchor.word + "\" is a function word");
  return {};
}

Result<std::vector<AnchoredPattern>> anchor_pattern(const VerbPatternSpec& spec, const LemmaIds& ids) {
  auto tree = parse_pattern(spec);
  if (!tree.ok()) return tree.error();
  Node& root = tree.value();
  std::vector<RawReading> raw;
  bool wordless = false;
  std::vector<PatternElement> prefix;
  std::vector<Range> todo{{root.children.data(), root.children.data() + root.children.size()}};
  if (!anchors(prefix, todo, raw, wordless))
    return pattern_error(spec.origin, "pattern \"" + spec.pattern + "\" has more than " + std::to_string(kMaxAnchored) +
                                          " ways to reach its first word");
  if (wordless)
    return pattern_error(spec.origin, "pattern \"" + spec.pattern + "\" has a reading with no word to anchor it");
  // Ids on the tree, reading by reading (anchor, then the rest innermost range first, as the
  // rest is laid out): a node already given its id by an earlier reading is not asked again.
  // A range that ends where an already walked one ends, and starts no earlier, is all done.
  if (ids) {
    std::vector<Range> walked;
    for (const RawReading& r : raw) {
      assign_ids(*r.anchor, ids);
      for (size_t i = r.rest.size(); i-- > 0;) {
        const Range x = r.rest[i];
        if (std::any_of(walked.begin(), walked.end(),
                        [&x](const Range& w) { return w.second == x.second && w.first <= x.first; }))
          continue;
        walked.push_back(x);
        for (Node* n = x.first; n != x.second; ++n) assign_ids(*n, ids);
      }
    }
    // every lemma node a rest can reach has its id now (rests hold whole nodes)
    index_first_words(root);
  }
  std::map<std::vector<Range>, PatternRest, RangesLess> rests;
  std::vector<AnchoredPattern> out;
  out.reserve(raw.size());
  for (RawReading& r : raw) {
    PatternRest& rest = rests[r.rest];
    if (!rest) {
      auto nodes = std::make_shared<std::vector<PatternNode>>();
      size_t n = 0;
      for (const Range& x : r.rest) n += static_cast<size_t>(x.second - x.first);
      nodes->reserve(n);
      for (size_t i = r.rest.size(); i-- > 0;) nodes->insert(nodes->end(), r.rest[i].first, r.rest[i].second);
      rest = std::move(nodes);
    }
    out.push_back(AnchoredPattern{std::move(r.prefix), r.anchor->element, rest});
  }
  return out;
}

size_t LinearPattern::literals() const {
  size_t n = 0;
  for (const auto& e : elements) n += e.is_word() ? 1 : 0;
  return n;
}

std::string LinearPattern::str() const {
  std::string s;
  for (const auto& e : elements) {
    if (!s.empty()) s += ' ';
    using K = PatternElement::Kind;
    switch (e.kind) {
      case K::source:
        s += e.word.empty() ? "{S}" : "{S:" + e.word + "}";
        break;
      case K::target:
        s += e.word.empty() ? "{T}" : "{T:" + e.word + "}";
        break;
      case K::source_possessive:
        s += "{S's}";
        break;
      case K::target_possessive:
        s += "{T's}";
        break;
      case K::lemma:
        s += e.word;
        break;
      case K::exact:
        s += "\"" + e.word + "\"";
        break;
      case K::gap:
        s += "*";
        break;
      case K::skip:
        s += "^";
        break;
      case K::modifiers:
        s += "~";
        break;
    }
  }
  return s;
}

Error pattern_error(std::string_view origin, std::string message) {
  Error e;
  e.message = std::move(message);
  const size_t colon = origin.rfind(':');
  if (colon != std::string_view::npos && colon + 1 < origin.size() &&
      origin.find_first_not_of("0123456789", colon + 1) == std::string_view::npos) {
    e.file = std::string(origin.substr(0, colon));
    e.line = std::stoull(std::string(origin.substr(colon + 1)));
  } else {
    e.file = std::string(origin);
  }
  return e;
}

Result<std::vector<LinearPattern>> expand_pattern(const VerbPatternSpec& spec) {
  auto tree = parse_pattern(spec);
  if (!tree.ok()) return tree.error();
  std::vector<std::vector<PatternElement>> seqs(1);
  if (!expand(tree.value(), seqs))
    return pattern_error(
        spec.origin, "pattern \"" + spec.pattern + "\" has more than " + std::to_string(kMaxReadings) + " readings");
  std::vector<LinearPattern> out;
  for (auto& seq : seqs) {
    LinearPattern lp;
    lp.elements = std::move(seq);
    size_t i = 0;
    while (i < lp.elements.size() && !lp.elements[i].is_word()) ++i;
    if (i == lp.elements.size())
      return pattern_error(spec.origin, "pattern \"" + spec.pattern + "\" has a reading with no word to anchor it");
    lp.anchor = i;
    bool dup = false;
    for (const auto& o : out) dup = dup || o.elements == lp.elements;
    if (!dup) out.push_back(std::move(lp));
  }
  if (out.empty()) return pattern_error(spec.origin, "empty pattern");
  return out;
}

}  // namespace dyad
