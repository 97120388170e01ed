// Design note: the lemmatizer is deliberately small and fast. Irregular forms
// are one hash lookup; regular inflections are stripped by suffix rules that
// produce a handful of candidates (e.g. "stopping" -> stopp, stop, stope).
// The caller filters candidates through the set of lemmas the patterns use, so
// over-generation is harmless and no dictionary of all English words is needed.
#include "events/lemmatizer.h"

#include <algorithm>

#include "knowledge/tsv.h"

namespace dyad {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

void push_unique(std::vector<std::string>& v, std::string s) {
  if (s.empty()) return;
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

// Candidates for a stem left after removing "-ed" or "-ing".
void stem_candidates(std::string_view stem, std::vector<std::string>& out) {
  if (stem.size() < 2) return;
  std::string s(stem);
  push_unique(out, s);        // visit(ed)
  push_unique(out, s + "e");  // mak(ing) -> make, agre(ed) -> agree
  const size_t n = s.size();
  if (n >= 3 && s[n - 1] == s[n - 2] && !is_vowel(s[n - 1])) push_unique(out, s.substr(0, n - 1));  // stopp -> stop
}

}  // namespace

void Lemmatizer::add_irregular(std::string_view form, std::string_view lemma, bool past, bool participle) {
  Entry& e = irregular_[std::string(form)];
  if (std::find(e.lemmas.begin(), e.lemmas.end(), lemma) == e.lemmas.end()) e.lemmas.emplace_back(lemma);
  e.past = e.past || past;
  e.participle = e.participle || participle;
  auto& forms = forms_[std::string(lemma)];
  if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.emplace_back(form);
}

std::vector<std::string> Lemmatizer::irregular_forms(std::string_view lemma) const {
  auto it = forms_.find(std::string(lemma));
  return it == forms_.end() ? std::vector<std::string>{} : it->second;
}

Result<Lemmatizer> Lemmatizer::load(const std::string& data_dir) {
  Lemmatizer lem;
  auto verbs = TsvTable::read(data_dir + "/lexicon/irregular_verbs.tsv", {"lemma", "past", "participle", "other"});
  if (!verbs.ok()) return verbs.error();
  for (const auto& row : verbs->rows()) {
    std::string_view lemma = verbs->get(row, "lemma");
    if (lemma.empty()) return verbs->error(row, "empty lemma");
    for (auto f : split_values(verbs->get(row, "past"))) {
      lem.add_irregular(f, lemma, true, false);
      lem.irregular_[std::string(f)].simple_past = true;
    }
    for (auto f : split_values(verbs->get(row, "participle"))) lem.add_irregular(f, lemma, true, true);
    for (auto f : split_values(verbs->get(row, "other"))) lem.add_irregular(f, lemma, false, false);
  }
  auto nouns = TsvTable::read(data_dir + "/lexicon/irregular_nouns.tsv", {"lemma", "plural"});
  if (!nouns.ok()) return nouns.error();
  for (const auto& row : nouns->rows()) {
    std::string_view lemma = nouns->get(row, "lemma");
    if (lemma.empty()) return nouns->error(row, "empty lemma");
    for (auto f : split_values(nouns->get(row, "plural"))) lem.add_irregular(f, lemma, false, false);
  }
  return lem;
}

std::vector<std::string> Lemmatizer::candidates(std::string_view form) const {
  std::vector<std::string> out;
  out.emplace_back(form);
  if (auto it = irregular_.find(std::string(form)); it != irregular_.end())
    for (const auto& l : it->second.lemmas) push_unique(out, l);
  const size_t n = form.size();
  if (n > 4 && ends_with(form, "ing")) stem_candidates(form.substr(0, n - 3), out);
  if (n > 3 && ends_with(form, "ied")) push_unique(out, std::string(form.substr(0, n - 3)) + "y");
  if (n > 3 && ends_with(form, "ed")) stem_candidates(form.substr(0, n - 2), out);
  if (n > 3 && ends_with(form, "ies")) push_unique(out, std::string(form.substr(0, n - 3)) + "y");
  if (n > 3 && (ends_with(form, "ses") || ends_with(form, "xes") || ends_with(form, "zes") || ends_with(form, "ches") ||
                ends_with(form, "shes") || ends_with(form, "oes")))
    push_unique(out, std::string(form.substr(0, n - 2)));
  if (n > 2 && form.back() == 's' && !ends_with(form, "ss") && !ends_with(form, "'s"))
    push_unique(out, std::string(form.substr(0, n - 1)));
  return out;
}

namespace {

// `lemma` == a + b.
bool concat_is(std::string_view lemma, std::string_view a, std::string_view b) {
  return lemma.size() == a.size() + b.size() && lemma.substr(0, a.size()) == a && lemma.substr(a.size()) == b;
}

// `lemma` is one of stem_candidates(stem).
bool stem_has(std::string_view stem, std::string_view lemma) {
  if (stem.size() < 2) return false;
  if (lemma == stem || concat_is(lemma, stem, "e")) return true;
  const size_t n = stem.size();
  return n >= 3 && stem[n - 1] == stem[n - 2] && !is_vowel(stem[n - 1]) && lemma == stem.substr(0, n - 1);
}

}  // namespace

// The rules of candidates(), in the same order, each asking for `lemma` instead of adding to a list (candidates()
// adds no empty string but the form itself, so an empty lemma is a candidate only of the empty form).
bool Lemmatizer::has_candidate(std::string_view form, std::string_view lemma) const {
  if (form == lemma) return true;
  if (lemma.empty()) return false;
  const size_t n = form.size();
  if (n > 4 && ends_with(form, "ing") && stem_has(form.substr(0, n - 3), lemma)) return true;
  if (n > 3 && ends_with(form, "ied") && concat_is(lemma, form.substr(0, n - 3), "y")) return true;
  if (n > 3 && ends_with(form, "ed") && stem_has(form.substr(0, n - 2), lemma)) return true;
  if (n > 3 && ends_with(form, "ies") && concat_is(lemma, form.substr(0, n - 3), "y")) return true;
  if (n > 3 &&
      (ends_with(form, "ses") || ends_with(form, "xes") || ends_with(form, "zes") || ends_with(form, "ches") ||
       ends_with(form, "shes") || ends_with(form, "oes")) &&
      lemma == form.substr(0, n - 2))
    return true;
  if (n > 2 && form.back() == 's' && !ends_with(form, "ss") && !ends_with(form, "'s") && lemma == form.substr(0, n - 1))
    return true;
  if (auto it = irregular_.find(std::string(form)); it != irregular_.end())
    return std::find(it->second.lemmas.begin(), it->second.lemmas.end(), lemma) != it->second.lemmas.end();
  return false;
}

bool Lemmatizer::is_past_form(std::string_view form) const {
  if (auto it = irregular_.find(std::string(form)); it != irregular_.end()) return it->second.past;
  return form.size() > 3 && ends_with(form, "ed");
}

bool Lemmatizer::is_participle(std::string_view form) const {
  if (auto it = irregular_.find(std::string(form)); it != irregular_.end()) return it->second.participle;
  return form.size() > 3 && ends_with(form, "ed");
}

bool Lemmatizer::is_participle_only(std::string_view form) const {
  // "run", "come", "become": the participle is also the base form, a present tense
  auto it = irregular_.find(std::string(form));
  return it != irregular_.end() && it->second.participle && !it->second.simple_past &&
         std::find(it->second.lemmas.begin(), it->second.lemmas.end(), form) == it->second.lemmas.end();
}

}  // namespace dyad
