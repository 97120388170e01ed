// Scorer and report writers.
//
// Design: a record is tiny (a handful of triples), so matching is a greedy
// pass: each distinct gold triple takes the first still-free prediction that
// matches it fully. actor_matches() is an equivalence on codes except for the
// quoted-text rule, which only relates a gold text to predictions with no
// code, so greedy matching gives the maximum matching here. Leftovers are then
// paired when they agree on two fields, to name the error; what is still left
// is "missed" or "spurious". Output is a fixed-width table and a Markdown
// block merged into docs/accuracy.md between markers.
#include "eval/score.h"

#include <cstdio>
#include <ostream>
#include <sstream>

#include "eval/gold.h"

namespace dyad::eval {

namespace {

std::string_view strip_null_country(std::string_view code) {
  if (code.substr(0, 3) == "---") code.remove_prefix(3);
  return code;
}

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

bool is_quoted(std::string_view s) { return s.size() >= 2 && s.front() == '"' && s.back() == '"'; }

std::string fmt(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

}  // namespace

bool actor_matches(std::string_view gold, std::string_view predicted_code, std::string_view predicted_text) {
  std::string_view g = strip_null_country(gold);
  std::string_view p = strip_null_country(predicted_code);
  if (g == p) return true;
  if (is_quoted(g) && p.empty() && !predicted_text.empty()) {
    return g.substr(1, g.size() - 2) == upper_ascii(collapse_space(predicted_text));
  }
  return false;
}

bool coding_matches(const Coding& gold, const Coding& predicted) {
  return gold.code == predicted.code && actor_matches(gold.source, predicted.source, predicted.source_text) &&
         actor_matches(gold.target, predicted.target, predicted.target_text);
}

std::string describe(const Coding& c) {
  auto f = [](const std::string& code, const std::string& text) {
    if (!code.empty()) return code;
    if (!text.empty()) return "\"" + text + "\"";
    return std::string("-");
  };
  return f(c.source, c.source_text) + " " + f(c.target, c.target_text) + " " + (c.code.empty() ? "-" : c.code);
}

RecordScore score_record(const std::vector<Coding>& gold, const std::vector<Coding>& predicted) {
  RecordScore s;
  for (const Coding& g : gold) {
    bool seen = false;
    for (const Coding& h : s.gold) seen = seen || h == g;
    if (!seen) s.gold.push_back(g);
  }
  for (const Coding& p : predicted) {
    bool seen = false;
    for (const Coding& q : s.predicted) seen = seen || q == p;
    if (!seen) s.predicted.push_back(p);
  }
  s.tally.gold = s.gold.size();
  s.tally.predicted = s.predicted.size();
  std::vector<int> gold_match(s.gold.size(), -1), pred_match(s.predicted.size(), -1);
  for (size_t i = 0; i < s.gold.size(); ++i) {
    for (size_t j = 0; j < s.predicted.size(); ++j) {
      if (pred_match[j] < 0 && coding_matches(s.gold[i], s.predicted[j])) {
        gold_match[i] = static_cast<int>(j);
        pred_match[j] = static_cast<int>(i);
        ++s.tally.tp;
        break;
      }
    }
  }
  s.tally.fn = s.tally.gold - s.tally.tp;
  s.tally.fp = s.tally.predicted - s.tally.tp;

  // Name the errors: pair leftovers that agree on two of the three fields.
  auto classify = [](const Coding& g, const Coding& p) -> std::string {
    bool src = actor_matches(g.source, p.source, p.source_text);
    bool tgt = actor_matches(g.target, p.target, p.target_text);
    bool code = g.code == p.code;
    if (src && tgt) return "wrong code";
    if (src && code) return "wrong target";
    if (tgt && code) return "wrong source";
    if (code && actor_matches(g.source, p.target, p.target_text) && actor_matches(g.target, p.source, p.source_text))
      return "swapped";
    return {};
  };
  for (size_t i = 0; i < s.gold.size(); ++i) {
    if (gold_match[i] >= 0) continue;
    for (size_t j = 0; j < s.predicted.size(); ++j) {
      if (pred_match[j] >= 0) continue;
      std::string kind = classify(s.gold[i], s.predicted[j]);
      if (kind.empty()) continue;
      gold_match[i] = static_cast<int>(j);
      pred_match[j] = static_cast<int>(i);
      s.errors.push_back({kind, {static_cast<int>(i), static_cast<int>(j)}});
      break;
    }
  }
  for (size_t i = 0; i < s.gold.size(); ++i)
    if (gold_match[i] < 0) s.errors.push_back({"missed", {static_cast<int>(i), -1}});
  for (size_t j = 0; j < s.predicted.size(); ++j)
    if (pred_match[j] < 0) s.errors.push_back({"spurious", {-1, static_cast<int>(j)}});
  return s;
}

void SuiteResult::add(const std::string& category, const RecordScore& score) {
  ++records;
  categories[category] += score.tally;
  total += score.tally;
  for (const auto& [kind, idx] : score.errors) {
    if (kind == "missed") {
      ++errors["missed: " + category];
    } else if (kind == "spurious" && score.gold.empty()) {
      ++errors["spurious on no-event record"];
    } else {
      ++errors[kind];
    }
    (void)idx;
  }
}

std::string split_category(size_t index, std::string_view unit) {
  std::string u(unit);
  return index % 2 == 0 ? "all: dev (even " + u + ")" : "all: held-out (odd " + u + ")";
}

bool is_split_category(std::string_view category) { return category.starts_with("all: "); }

std::string_view split_name(size_t index) { return index % 2 == 0 ? "dev" : "held-out"; }

void print_table(const std::vector<SuiteResult>& suites, std::ostream& out) {
  char line[256];
  std::snprintf(line, sizeof line, "%-16s %-28s %7s %9s %6s %6s %6s %6s %6s %6s\n", "suite", "category", "gold",
                "predicted", "TP", "FP", "FN", "P", "R", "F1");
  out << line;
  auto row = [&](const std::string& suite, const std::string& cat, const Tally& t) {
    std::snprintf(line, sizeof line, "%-16s %-28s %7llu %9llu %6llu %6llu %6llu %6s %6s %6s\n", suite.c_str(),
                  cat.c_str(), static_cast<unsigned long long>(t.gold), static_cast<unsigned long long>(t.predicted),
                  static_cast<unsigned long long>(t.tp), static_cast<unsigned long long>(t.fp),
                  static_cast<unsigned long long>(t.fn), fmt(t.precision()).c_str(), fmt(t.recall()).c_str(),
                  fmt(t.f1()).c_str());
    out << line;
  };
  for (const SuiteResult& s : suites) {
    if (s.failed) {
      out << s.name << ": not run: " << s.failure << "\n";
      continue;
    }
    for (bool split : {false, true})
      for (const auto& [cat, t] : s.categories)
        if (is_split_category(cat) == split) row(s.name, cat, t);
    row(s.name, "ALL", s.total);
  }
}

std::string markdown_figures(const std::vector<SuiteResult>& suites, std::string_view date,
                             std::string_view command_line) {
  std::ostringstream md;
  md << "Generated by `" << command_line << "` on " << date << ".\n\n";
  md << "| suite | records | gold | predicted | TP | FP | FN | P | R | F1 | seconds |\n";
  md << "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  for (const SuiteResult& s : suites) {
    if (s.failed) {
      md << "| " << s.name << " | not run: " << s.failure << " | | | | | | | | | |\n";
      continue;
    }
    const Tally& t = s.total;
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.1f", s.seconds);
    md << "| " << s.name << (s.note.empty() ? "" : " (" + s.note + ")") << " | " << s.records << " | " << t.gold
       << " | " << t.predicted << " | " << t.tp << " | " << t.fp << " | " << t.fn << " | " << fmt(t.precision())
       << " | " << fmt(t.recall()) << " | " << fmt(t.f1()) << " | " << secs << " |\n";
  }
  for (const SuiteResult& s : suites) {
    if (s.failed) continue;
    md << "\n### " << s.name << "\n\n";
    if (!s.note.empty()) md << "_" << s.note << "_\n\n";
    md << "| category | gold | predicted | TP | FP | FN | P | R | F1 |\n";
    md << "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    auto row = [&](const std::string& cat, const Tally& t) {
      md << "| " << cat << " | " << t.gold << " | " << t.predicted << " | " << t.tp << " | " << t.fp << " | " << t.fn
         << " | " << fmt(t.precision()) << " | " << fmt(t.recall()) << " | " << fmt(t.f1()) << " |\n";
    };
    for (bool split : {false, true})
      for (const auto& [cat, t] : s.categories)
        if (is_split_category(cat) == split) row(cat, t);
    row("**ALL**", s.total);
    md << "\nRemaining error categories:";
    if (s.errors.empty()) {
      md << " none.\n";
    } else {
      md << "\n\n| error | count |\n|---|---:|\n";
      for (const auto& [kind, n] : s.errors) md << "| " << kind << " | " << n << " |\n";
    }
  }
  return md.str();
}

std::string merge_markdown(std::string_view existing, std::string_view figures) {
  constexpr std::string_view kBegin = "<!-- BEGIN GENERATED -->";
  constexpr std::string_view kEnd = "<!-- END GENERATED -->";
  std::string block = std::string(kBegin) + "\n" + std::string(figures) + "\n" + std::string(kEnd);
  size_t b = existing.find(kBegin);
  size_t e = b == std::string_view::npos ? std::string_view::npos : existing.find(kEnd, b);
  if (b == std::string_view::npos || e == std::string_view::npos) {
    std::string out(existing);
    if (out.empty()) out = "# Accuracy\n";
    if (out.back() != '\n') out += '\n';
    return out + "\n" + block + "\n";
  }
  return std::string(existing.substr(0, b)) + block + std::string(existing.substr(e + kEnd.size()));
}

}  // namespace dyad::eval
