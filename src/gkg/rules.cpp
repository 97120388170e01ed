// Loading the GKG stage's knowledge files (data/gkg/*.tsv, docs/gkg.md).
//
// Design: four small TSV tables in dyad's common format (knowledge/tsv.h),
// read once at start into hash maps keyed by case-folded words. Multi-word
// forms are kept as word lists and matched token by token against the text
// layer's normalised tokens, so "per cent" and "according to" match however
// they are spaced. Every problem is an Error naming the file and line.
#include <algorithm>
#include <charconv>

#include "core/unicode.h"
#include "gkg/gkg_internal.h"
#include "knowledge/tsv.h"

namespace dyad {

using namespace gkg_detail;

namespace {

std::string fold(std::string_view s) {
  std::string out;
  fold_case_append(s, out);
  return out;
}

// Splits a form into case-folded words on spaces.
std::vector<std::string> fold_words(std::string_view form) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < form.size()) {
    size_t sp = form.find(' ', start);
    if (sp == std::string_view::npos) sp = form.size();
    if (sp > start) words.push_back(fold(form.substr(start, sp - start)));
    start = sp + 1;
  }
  return words;
}

bool parse_number(std::string_view s, double& out) {
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size() && out > 0;
}

bool has_letter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); });
}

bool all_ascii_letters(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); });
}

// The '|'-separated forms of a field; an empty list is an error.
Result<std::vector<std::string_view>> forms_of(const TsvTable& t, const TsvTable::Row& row, std::string_view column) {
  auto forms = split_values(t.get(row, column));
  if (forms.empty()) return t.error(row, "column '" + std::string(column) + "' is empty");
  return forms;
}

Status load_speech(const std::string& path, GkgRules::Impl& impl) {
  auto t = TsvTable::read(path, {"lemma", "forms", "kind", "as_of"});
  if (!t.ok()) return t.error();
  for (const auto& row : t->rows()) {
    std::string_view kind_name = t->get(row, "kind");
    SpeechKind kind = SpeechKind::say;
    if (kind_name == "say") {
      kind = SpeechKind::say;
    } else if (kind_name == "tell") {
      kind = SpeechKind::tell;
    } else if (kind_name == "source") {
      kind = SpeechKind::source;
    } else if (kind_name == "addressee") {
      kind = SpeechKind::addressee;
    } else {
      return t->error(row, "unknown kind '" + std::string(kind_name) + "' (expected say, tell, source or addressee)");
    }
    auto forms = forms_of(*t, row, "forms");
    if (!forms.ok()) return forms.error();
    for (std::string_view form : *forms) {
      SpeechPhrase p{fold_words(form), kind};
      if (p.words.empty()) return t->error(row, "empty form");
      auto& list = impl.speech[p.words.front()];
      list.push_back(std::move(p));
      // Longest phrase first, so "the press" wins over a shorter form sharing its first word.
      std::stable_sort(list.begin(), list.end(),
                       [](const SpeechPhrase& a, const SpeechPhrase& b) { return a.words.size() > b.words.size(); });
    }
  }
  return {};
}

Status load_numbers(const std::string& path, GkgRules::Impl& impl) {
  auto t = TsvTable::read(path, {"forms", "value", "kind", "as_of"});
  if (!t.ok()) return t.error();
  for (const auto& row : t->rows()) {
    double value = 0;
    if (!parse_number(t->get(row, "value"), value))
      return t->error(row, "value '" + std::string(t->get(row, "value")) + "' is not a positive number");
    std::string_view kind = t->get(row, "kind");
    StringMap<double>* map = nullptr;
    if (kind == "number") {
      map = &impl.numbers;
    } else if (kind == "scale") {
      map = &impl.scales;
    } else if (kind == "suffix") {
      map = &impl.suffixes;
    } else {
      return t->error(row, "unknown kind '" + std::string(kind) + "' (expected number, scale or suffix)");
    }
    auto forms = forms_of(*t, row, "forms");
    if (!forms.ok()) return forms.error();
    for (std::string_view form : *forms) {
      if (form.find(' ') != std::string_view::npos)
        return t->error(row, "form '" + std::string(form) + "' is not one word");
      if (!map->emplace(fold(form), value).second)
        return t->error(row, "form '" + std::string(form) + "' is listed twice");
    }
  }
  return {};
}

Status load_units(const std::string& path, GkgRules::Impl& impl) {
  auto t = TsvTable::read(path, {"unit", "kind", "before", "after", "as_of"});
  if (!t.ok()) return t.error();
  for (const auto& row : t->rows()) {
    Unit unit;
    unit.name = std::string(t->get(row, "unit"));
    if (unit.name.empty()) return t->error(row, "column 'unit' is empty");
    std::string_view kind = t->get(row, "kind");
    if (kind == "currency") {
      unit.kind = UnitKind::currency;
    } else if (kind == "percent") {
      unit.kind = UnitKind::percent;
    } else if (kind == "measure") {
      unit.kind = UnitKind::measure;
    } else {
      return t->error(row, "unknown kind '" + std::string(kind) + "' (expected currency, percent or measure)");
    }
    const size_t index = impl.units.size();
    impl.units.push_back(unit);
    auto before = split_values(t->get(row, "before"));
    auto after = split_values(t->get(row, "after"));
    if (before.empty() && after.empty()) return t->error(row, "a unit needs forms in 'before' or 'after'");
    for (std::string_view form : before) {
      if (form.find(' ') != std::string_view::npos)
        return t->error(row, "'before' form '" + std::string(form) + "' has a space");
      impl.prefixes.push_back(PrefixForm{std::string(form), index, all_ascii_letters(form)});
    }
    for (std::string_view form : after) impl.suffix_units.push_back(UnitForm{fold_words(form), index});
  }
  std::stable_sort(impl.prefixes.begin(), impl.prefixes.end(),
                   [](const PrefixForm& a, const PrefixForm& b) { return a.text.size() > b.text.size(); });
  std::stable_sort(impl.suffix_units.begin(), impl.suffix_units.end(),
                   [](const UnitForm& a, const UnitForm& b) { return a.words.size() > b.words.size(); });
  return {};
}

Status load_words(const std::string& path, GkgRules::Impl& impl) {
  auto t = TsvTable::read(path, {"class", "words", "as_of"});
  if (!t.ok()) return t.error();
  static const std::pair<std::string_view, uint16_t> kClasses[] = {{"determiner", kDeterminer},
                                                                   {"function", kFunction},
                                                                   {"preposition", kPreposition},
                                                                   {"plural", kPlural},
                                                                   {"month", kMonth},
                                                                   {"weekday", kWeekday},
                                                                   {"time", kTime},
                                                                   {"person_pronoun", kPersonPronoun},
                                                                   {"first_person", kFirstPerson},
                                                                   {"relative", kRelative}};
  for (const auto& row : t->rows()) {
    std::string_view name = t->get(row, "class");
    uint16_t bit = 0;
    for (const auto& [n, b] : kClasses)
      if (n == name) bit = b;
    if (bit == 0) return t->error(row, "unknown class '" + std::string(name) + "'");
    auto forms = forms_of(*t, row, "words");
    if (!forms.ok()) return forms.error();
    for (std::string_view w : *forms) {
      if (w.find(' ') != std::string_view::npos || !has_letter(w))
        return t->error(row, "'" + std::string(w) + "' is not one word");
      impl.words[fold(w)] |= bit;
    }
  }
  return {};
}

}  // namespace

GkgRules::GkgRules(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GkgRules::~GkgRules() = default;

Result<std::shared_ptr<const GkgRules>> GkgRules::load(const std::string& data_dir) {
  auto impl = std::make_unique<Impl>();
  const std::string dir = data_dir + "/gkg/";
  if (Status s = load_speech(dir + "speech.tsv", *impl); !s.ok()) return s.error();
  if (Status s = load_numbers(dir + "numbers.tsv", *impl); !s.ok()) return s.error();
  if (Status s = load_units(dir + "units.tsv", *impl); !s.ok()) return s.error();
  if (Status s = load_words(dir + "words.tsv", *impl); !s.ok()) return s.error();
  return std::shared_ptr<const GkgRules>(new GkgRules(std::move(impl)));
}

void annotate_gkg(const GkgRules& rules, Document& doc) {
  find_quotes(rules, doc);
  find_amounts(rules, doc);
}

}  // namespace dyad
