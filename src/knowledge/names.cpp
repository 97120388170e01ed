// NameFinder: names no dictionary knows, and references resolved within the article.
//
// Design note.
// Input: the text layer's tokens and the actor mentions with their entities.
// 1. Mentions -> references. A person mention contributes its name (the words
//    after the last title word: "Vladimir Putin" of "Russian President
//    Vladimir Putin"), an office resolved to its holder a role reference, an
//    organisation, country or place mention its words without "the", a
//    country adjective an adjective reference, a capitalised one-word group
//    agent after "the" ("the Church") an organisation name. A place the actor
//    index read from a preposition alone is weak: its words are read as a
//    run below (cue words, same words, people's names win; else a place).
// 2. Unknown names: runs of capitalised words outside every mention (lower-
//    case connectors and particles allowed inside: "University of Texas",
//    "Ludwig van Beethoven"), with cue words (title, honorific) splitting a
//    run. Each run is typed by the first rule that applies: title or honorific
//    before it or in it -> person; organisation suffix or "<head> of" ->
//    organisation; place suffix or head -> place; a single ALL-CAPS word ->
//    organisation; the gazetteer (a country, region, water body, landmark or a
//    city of 100,000+, or any place after in/at/near/from) -> place. Runs left
//    untyped are cut at lower-case connectors ("A and B", "A of B") and take
//    the type of the same words named earlier or later in the article, or of
//    the person whose surname or first name they are, or are a gazetteer
//    place (one word: only now, after the article's people are known);
//    or a company of the word lists (NameLexicon: one word that is no common
//    English word), or one word the lists know only as a given name, else two to four name-shaped words are a person
//    unless every word is a common English word ("Cold War"). A country's name the actor index did not read ("the
//    Russian Federation" in a document title) is a place before any suffix rule. A run may hold a whole
//    country/place/organisation mention or a capitalised role word ("New
//    Jersey", "Vostok Shipping Company") when a cue or the gazetteer types it, or when it is one word and a
//    country's own name ("Forestry Kenya": a body of that country). An "&" joins a run when its sides are a
//    firm's partners ("Vorne & Kittle") or the words after it end in a suffix word. A count before a capitalised plural
//    noun opens a name shaped like a title ("12 Kestrels to Varrow"). A sentence-initial word starts a
//    run only if the article never writes it in lower case, and is a name alone only if the article also writes it
//    capitalised inside a sentence.
// 3. Lower-case text: in a sentence with no capital letter, two or three
//    words after a title word (none a cue word, none ending in -ed/-ing/-ly)
//    are a person.
// 4. Pronouns: he/she and their forms refer to the most recent person named
//    in the same or the two sentences before, skipping people a pronoun of
//    the other gender already referred to.
// An acronym spelt by the initials of a place's or an organisation's name is that name's entity ("TSC").
// Entities: new names join an entity with the same type and words, a person's
// surname (or the full name again) joins that person; others get a new entity
// appended to doc.entities. doc.mentions is changed only where a place or country mention lies inside a
// person's name or stands for that person (step 5): it becomes the person's mention.
#include "knowledge/names.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/unicode.h"
#include "geo/gazetteer.h"
#include "geo/normalize.h"
#include "knowledge/actors.h"
#include "knowledge/tsv.h"

namespace dyad {

namespace {

constexpr uint32_t bit(NameCue c) { return 1U << static_cast<uint32_t>(c); }

bool parse_cue(std::string_view s, NameCue& out) {
  static const std::pair<const char*, NameCue> kCues[] = {
      {"title", NameCue::title},
      {"honorific", NameCue::honorific},
      {"particle", NameCue::particle},
      {"org_suffix", NameCue::org_suffix},
      {"org_head", NameCue::org_head},
      {"loc_suffix", NameCue::loc_suffix},
      {"loc_head", NameCue::loc_head},
      {"connector", NameCue::connector},
      {"not_name", NameCue::not_name},
      {"pronoun_m", NameCue::pronoun_m},
      {"pronoun_f", NameCue::pronoun_f},
      {"given_name", NameCue::given_name},
      {"org_context", NameCue::org_context},
      {"org_noun", NameCue::org_noun},
      {"loc_noun", NameCue::loc_noun},
      {"person_noun", NameCue::person_noun},
      {"person_verb", NameCue::person_verb},
      {"body_noun", NameCue::body_noun},
      {"date_word", NameCue::date_word},
      {"unit", NameCue::unit},
      {"place_particle", NameCue::place_particle},
      {"possessive_end", NameCue::possessive_end},
      {"party_role", NameCue::party_role},
      {"org_role", NameCue::org_role},
      {"name_inner", NameCue::name_inner},
      {"name_prefix", NameCue::name_prefix},
  };
  for (const auto& [name, cue] : kCues)
    if (s == name) {
      out = cue;
      return true;
    }
  return false;
}

std::string fold(std::string_view s) {
  std::string out;
  fold_case_append(s, out);
  return out;
}

/// Bytes of a trailing possessive ("'s", "’s", "'") on a token's text; 0 if none.
uint32_t possessive_bytes(std::string_view t) {
  if (t.size() > 2 && t.substr(t.size() - 2) == "'s") return 2;
  if (t.size() > 4 && t.substr(t.size() - 4) == "\xE2\x80\x99s") return 4;
  if (t.size() > 1 && t.back() == '\'') return 1;
  return 0;
}

bool has_letter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
  });
}

/// Capitals only (an "&" between two of them: "QR&T", "T&V"; the common abbreviations "Q&A", "R&D", "M&A" are
/// `not_name` cues and start no run), and not a Roman numeral ("II", "VIII", "XIV").
bool acronym(std::string_view s) {
  bool roman = true;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '&' && i > 0 && i + 1 < s.size()) continue;
    if (c < 'A' || c > 'Z') return false;
    if (std::string_view("IVXLCDM").find(c) == std::string_view::npos) roman = false;
  }
  return !roman;
}

/// The capitals of what is shaped like a broadcaster's call sign or channel: one digit and two or three capitals
/// ("6PR", "3AW"), or three or four capitals and one digit ("MTV2"); empty for anything else, such as "G20", "F16",
/// "CO2", "MH17" (a meeting, a model, a formula, a flight). The caller rules out units ("7PM", "8GB", "4TH").
std::string_view call_sign_letters(std::string_view s) {
  auto caps = [](std::string_view p) {
    return std::all_of(p.begin(), p.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (s.size() >= 3 && s.size() <= 4 && digit(s.front()) && caps(s.substr(1))) return s.substr(1);
  if (s.size() >= 4 && s.size() <= 5 && digit(s.back()) && caps(s.substr(0, s.size() - 1)))
    return s.substr(0, s.size() - 1);
  return {};
}

/// A country's abbreviation ("US", "U.S.", "UK"): capitals and periods only, at least two capitals.
bool abbreviation(std::string_view s) {
  int caps = 0;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z')
      ++caps;
    else if (c != '.')
      return false;
  }
  return caps >= 2 && s.size() <= 8;
}

/// A Roman numeral of capitals ("II", "XVI").
bool roman(std::string_view s) { return !s.empty() && s.find_first_not_of("IVXLCDM") == std::string_view::npos; }

/// A unit's number: one to three digits, with or without an ordinal ending ("65", "65th", "101st", "62d").
bool unit_number(std::string_view s) {
  size_t d = 0;
  while (d < s.size() && s[d] >= '0' && s[d] <= '9') ++d;
  if (d == 0 || d > 3 || s[0] == '0') return false;
  std::string_view rest = s.substr(d);
  return rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th" || rest == "d";
}

// A lower-case word that may come right after the head noun of a description ("a band from X", "a village
// near Y", "a chain founded in 1990"); any other lower-case word there is the head itself ("a party spokesman").
bool follows_head(std::string_view w) {
  static constexpr std::string_view kAfterHead[] = {"in",   "of",    "from",  "on",    "at",     "near", "for",
                                                    "with", "by",    "to",    "and",   "or",     "that", "which",
                                                    "who",  "whose", "based", "known", "called", "named"};
  return w.ends_with("ed") || w.ends_with("ing") ||
         std::find(std::begin(kAfterHead), std::end(kAfterHead), w) != std::end(kAfterHead);
}

// The word lists' tier of frequent English words (SCOWL size 35: the words of a small dictionary).
constexpr uint8_t kFrequentTier = 35;
// The word lists' tier of the most basic English words (SCOWL size 20): a company's name of a larger tier ("Twitter")
// is still the company when the article never writes the word in lower case.
constexpr uint8_t kBasicTier = 20;

// Words before a date ("on Sunday", "last May", "in Spring"): a capitalised never-name word after one is a date.
// Forms of "be": after them a possessive is a predicate ("the idea was Tarvel's").
constexpr std::string_view kCopulas[] = {"is", "was", "are", "were", "be", "been", "being"};
constexpr std::string_view kTimePreps[] = {"on",   "in",    "since",  "until", "by",     "last",  "next",
                                           "this", "every", "before", "after", "during", "early", "late"};

constexpr std::string_view kPlacePreps[] = {"in", "at", "near", "from", "outside", "inside", "to", "into", "across"};
// Short prepositions written in lower case inside a name shaped like a title ("12 Lanterns to Oswick").
constexpr std::string_view kTitleLinks[] = {"to", "from", "in", "on", "at", "with", "of"};

}  // namespace

Result<std::shared_ptr<const NameFinder>> NameFinder::parse(std::string_view name, std::string_view text,
                                                            std::shared_ptr<const NameLexicon> lexicon) {
  auto t = TsvTable::parse(name, text, {"cue", "words", "as_of"});
  if (!t.ok()) return t.error();
  std::shared_ptr<NameFinder> f(new NameFinder());
  f->lexicon_ = std::move(lexicon);
  for (const auto& row : t->rows()) {
    NameCue cue{};
    if (!parse_cue(t->get(row, "cue"), cue))
      return t->error(
          row, "unknown cue '" + std::string(t->get(row, "cue")) +
                   "' (title, honorific, particle, org_suffix, org_head, loc_suffix, loc_head, connector, "
                   "not_name, pronoun_m, pronoun_f, given_name, org_context, org_noun, loc_noun, person_noun, "
                   "person_verb, body_noun, date_word, unit, place_particle, possessive_end, party_role, name_inner, "
                   "name_prefix, org_role)");
    auto words = split_values(t->get(row, "words"));
    if (words.empty()) return t->error(row, "no words");
    auto as_of = parse_date_field(*t, row, "as_of");
    if (!as_of.ok()) return as_of.error();
    if (!as_of.value()) return t->error(row, "as_of is required");
    for (std::string_view w : words) {
      std::string k = fold(w);
      uint32_t& bits = f->cues_[k];
      if ((bits & bit(cue)) != 0)
        return t->error(row, "'" + std::string(w) + "' is listed twice as " + std::string(t->get(row, "cue")));
      bits |= bit(cue);
    }
  }
  return std::shared_ptr<const NameFinder>(std::move(f));
}

Result<std::shared_ptr<const NameFinder>> NameFinder::load(const std::string& data_dir,
                                                           std::shared_ptr<const NameLexicon> lexicon) {
  const std::string path = data_dir + "/knowledge/name_cues.tsv";
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, 0, "cannot read the name cues"};
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(path, ss.str(), std::move(lexicon));
}

Result<std::shared_ptr<const NameFinder>> NameFinder::load(const std::string& data_dir) {
  std::vector<Error> ignored;
  auto lexicon = NameLexicon::load(NameLexicon::default_dir(), ignored);
  if (!lexicon.ok()) return lexicon.error();
  return load(data_dir, std::move(lexicon.value()));
}

bool NameFinder::is(NameCue cue, std::string_view word) const {
  auto it = cues_.find(fold(word));
  return it != cues_.end() && (it->second & bit(cue)) != 0;
}

void NameFinder::find(Document& doc, const ActorIndex* actors, const Gazetteer* gazetteer) const {
  doc.references.clear();
  const TextAnalysis& ta = doc.text;
  const std::string& text = doc.article.text;
  const auto n_tokens = static_cast<uint32_t>(ta.tokens.size());
  if (n_tokens == 0) return;
  std::vector<int32_t> left;  // entities a removed or converted mention pointed to (step 5 drops the unused ones)
  // A lower-case agent word right before a lower-case `body_noun` ("the U.N. refugee agency", "a police
  // commission") describes the body, an organisation; it names no group of its own: its mention is removed.
  std::erase_if(doc.mentions, [&](const Mention& m) {
    if (m.kind != MentionKind::agent || m.token_end >= n_tokens || m.first_token >= m.token_end) return false;
    for (uint32_t k = m.first_token; k < m.token_end; ++k)
      if (ta.tokens[k].capitalized || possessive_bytes(ta.tokens[k].span.of(text)) != 0) return false;
    const Token& next = ta.tokens[m.token_end];
    if (next.kind != TokenKind::word || next.capitalized) return false;
    // only after the body's own name ("U.N." in "the U.N. refugee agency"): with none ("the
    // military council", "the rebel council") the agent word is the only actor and stays
    if (m.first_token == 0) return false;
    const Token& before = ta.tokens[m.first_token - 1];
    if (!before.capitalized || ta.norm(before) == "the" || ta.norm(before) == "a" || ta.norm(before) == "an")
      return false;
    auto it = cues_.find(std::string(ta.norm(next)));
    if (it == cues_.end() || (it->second & bit(NameCue::body_noun)) == 0) return false;
    if (m.entity >= 0) left.push_back(m.entity);
    return true;
  });

  auto cue = [&](uint32_t k) -> uint32_t {
    std::string_view w = ta.norm(ta.tokens[k]);
    auto it = cues_.find(std::string(w));
    if (it == cues_.end()) {
      uint32_t p = possessive_bytes(w);
      if (p != 0) it = cues_.find(std::string(w.substr(0, w.size() - p)));
    }
    return it == cues_.end() ? 0 : it->second;
  };
  auto has = [&](uint32_t k, NameCue c) { return (cue(k) & bit(c)) != 0; };
  // The cues of a word, or of its singular when the word is a regular plural that no row lists ("leaders",
  // "nurses", "secretaries"): the role words of the cue file are listed in the singular.
  auto cue_or_singular = [&](uint32_t k) -> uint32_t {
    const uint32_t c = cue(k);
    const std::string_view w = ta.norm(ta.tokens[k]);
    if (c != 0 || w.size() < 4 || w.back() != 's') return c;
    auto it = w.ends_with("ies") ? cues_.find(std::string(w.substr(0, w.size() - 3)) + "y")
                                 : cues_.find(std::string(w.substr(0, w.size() - 1)));
    return it == cues_.end() ? 0 : it->second;
  };
  // A call sign's shape whose capitals are no unit of time or measure (`unit` cues: "7PM", "8GB", "4TH").
  auto call_sign = [&](std::string_view s) {
    const std::string_view letters = call_sign_letters(s);
    return !letters.empty() && !is(NameCue::unit, letters);
  };
  auto norm = [&](uint32_t k) { return ta.norm(ta.tokens[k]); };
  auto word = [&](uint32_t k) { return ta.tokens[k].kind == TokenKind::word; };
  // The word lists (NameLexicon), by the token's folded form without a possessive.
  const NameLexicon* lex = lexicon_.get();
  auto bare = [&](uint32_t k) {
    std::string_view w = norm(k);
    return w.substr(0, w.size() - possessive_bytes(w));
  };
  auto common_word = [&](uint32_t k, uint8_t tier) { return lex != nullptr && lex->common(bare(k), tier); };
  // A given name by the cue file or the name lists, also written with diacritics the lists lack ("Luís").
  auto given_at = [&](uint32_t k) {
    if (has(k, NameCue::given_name)) return true;
    if (lex == nullptr) return false;
    const std::string_view w = bare(k);
    if (lex->given_name(w)) return true;
    return std::any_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }) &&
           lex->given_name(geo::normalize_toponym(w));
  };

  std::vector<uint32_t> sentence_of(n_tokens, 0);
  for (uint32_t si = 0; si < ta.sentences.size(); ++si) {
    const Sentence& s = ta.sentences[si];
    for (uint32_t k = s.first_token; k < s.first_token + s.token_count && k < n_tokens; ++k) sentence_of[k] = si;
  }
  // A place the actor index found only from a preposition before capitalised words it does not know
  // ("help from Li Wenbo", "from Brackley Chronicle") is weak evidence: its words are read here like any
  // other run, and the place is only the last resort (weak_at).
  auto weak_mention = [&](const Mention& m) {
    return m.kind == MentionKind::location &&
           (m.rule == "place-preposition" || m.rule == "place-visit" || m.rule == "place-force");
  };
  std::vector<int32_t> cover(n_tokens, -1), weak_at(n_tokens, -1);
  for (size_t m = 0; m < doc.mentions.size(); ++m)
    for (uint32_t k = doc.mentions[m].first_token; k < doc.mentions[m].token_end && k < n_tokens; ++k)
      (weak_mention(doc.mentions[m]) ? weak_at : cover)[k] = static_cast<int32_t>(m);
  // A one-word person mention (a dictionary surname or given name) right before or after an unknown capitalised
  // word is part of another person's longer name ("Abe Lyman", "Joseph Bennett"): its words are read as a run.
  std::vector<uint8_t> loose(doc.mentions.size(), 0);
  auto unknown_capital = [&](uint32_t k, uint32_t near) {
    return k < n_tokens && word(k) && ta.tokens[k].capitalized && sentence_of[k] == sentence_of[near] && cover[k] < 0 &&
           has_letter(norm(k)) &&
           (cue(k) & (bit(NameCue::not_name) | bit(NameCue::title) | bit(NameCue::honorific) | bit(NameCue::pronoun_m) |
                      bit(NameCue::pronoun_f))) == 0;
  };
  for (size_t m = 0; m < doc.mentions.size(); ++m) {
    const Mention& mm = doc.mentions[m];
    if (mm.kind != MentionKind::person || mm.token_end != mm.first_token + 1 || mm.first_token >= n_tokens) continue;
    const uint32_t k = mm.first_token;
    bool after = possessive_bytes(ta.tokens[k].span.of(text)) == 0 && unknown_capital(k + 1, k);
    bool before = k > 0 && unknown_capital(k - 1, k) &&
                  (k - 1 != ta.sentences[sentence_of[k - 1]].first_token || has(k - 1, NameCue::given_name));
    if (after || before) loose[m] = 1;
  }
  for (size_t m = 0; m < doc.mentions.size(); ++m)
    if (loose[m] != 0) cover[doc.mentions[m].first_token] = -1;

  // ---- entities ---------------------------------------------------------------------------------------
  auto type_key = [](EntityType t, std::string_view canonical) {
    return std::string(to_string(t)) + ":" + fold(canonical);
  };
  std::unordered_map<std::string, int32_t> by_name;     // "person:vladimir putin" -> entity
  std::unordered_map<std::string, int32_t> by_surname;  // "putin" -> person entity (the latest named)
  std::unordered_map<std::string, int32_t> by_given;    // "vladimir" -> person entity (the latest named)
  std::unordered_map<std::string, EntityType> type_of;  // folded words -> type, for propagation
  std::vector<int8_t> type_at(n_tokens, -1);            // token -> type of the name reference over it
  std::vector<uint8_t> prep_place_at(n_tokens, 0);      // token -> under a place read from a preposition alone
  for (size_t i = 0; i < doc.entities.size(); ++i)
    if (!doc.entities[i].canonical.empty())
      by_name.emplace(type_key(doc.entities[i].type, doc.entities[i].canonical), static_cast<int32_t>(i));
  auto new_entity = [&](EntityType type, const std::string& canonical, Span span) -> int32_t {
    auto key = type_key(type, canonical);
    auto it = by_name.find(key);
    if (it != by_name.end()) return it->second;
    Entity e;
    e.type = type;
    e.span = span;
    e.canonical = canonical;
    if (type == EntityType::location && gazetteer != nullptr) {
      auto places = gazetteer->lookup(canonical, 1);
      if (!places.empty()) {
        e.place = places.front();
        e.place->span = span;
      }
    }
    doc.entities.push_back(std::move(e));
    auto idx = static_cast<int32_t>(doc.entities.size() - 1);
    by_name.emplace(key, idx);
    return idx;
  };

  auto words_of = [&](uint32_t b, uint32_t e) {
    std::string s;
    for (uint32_t k = b; k < e; ++k) {
      std::string_view t = ta.tokens[k].span.of(text);
      if (k + 1 == e) t = t.substr(0, t.size() - possessive_bytes(t));
      if (!s.empty() && ta.tokens[k].space_before) s += ' ';
      s += t;
    }
    return s;
  };
  auto add_ref = [&](uint32_t b, uint32_t e, ReferenceKind kind, int32_t entity, int32_t mention, std::string rule) {
    if (b >= e || entity < 0) return;
    EntityReference r;
    r.first_token = b;
    r.token_end = e;
    r.sentence = sentence_of[b];
    r.span.offset = ta.tokens[b].span.offset;
    uint32_t end = ta.tokens[e - 1].span.end();
    // (a shop named by its possessive keeps it: "Hallam's")
    if (kind != ReferenceKind::pronoun && rule != "name:possessive")
      end -= possessive_bytes(ta.tokens[e - 1].span.of(text));
    r.span.length = end - r.span.offset;
    r.kind = kind;
    r.entity = entity;
    r.mention = mention;
    r.rule = std::move(rule);
    const Entity& ent = doc.entities[static_cast<size_t>(entity)];
    if (kind == ReferenceKind::name) {
      type_of[fold(words_of(b, e))] = ent.type;
      if (ent.type == EntityType::person) {
        by_surname[fold(words_of(e - 1, e))] = entity;
        if (e - b >= 2 && ta.tokens[b].capitalized) by_given[fold(words_of(b, b + 1))] = entity;
        by_name.emplace(type_key(EntityType::person, words_of(b, e)), entity);
      }
    }
    if (kind == ReferenceKind::name)
      for (uint32_t k = b; k < e; ++k) {
        type_at[k] = static_cast<int8_t>(ent.type);
        prep_place_at[k] =
            r.rule == "name:place-preposition" || r.rule == "name:place-visit" || r.rule == "name:place-force" ? 1 : 0;
      }
    doc.references.push_back(std::move(r));
  };

  // Two or more words, the first and the last capitalised, the others capitalised or lower-case connectors: a group
  // agent written so is the organisation's name ("Indonesian Navy", "Ministry of Defence"), not a description.
  auto capitalised_name = [&](uint32_t b, uint32_t e) {
    if (e - b < 2 || !ta.tokens[b].capitalized || !ta.tokens[e - 1].capitalized) return false;
    for (uint32_t k = b; k < e; ++k)
      if (!word(k) || (!ta.tokens[k].capitalized && !has(k, NameCue::connector))) return false;
    // Not a part of a longer name ("Boy" of "... Boy Scouts") nor a person's title ("German Senator").
    if (has(e - 1, NameCue::title) || has(e - 1, NameCue::honorific)) return false;
    if (e < n_tokens && word(e) && ta.tokens[e].capitalized && sentence_of[e] == sentence_of[b]) return false;
    if (e + 1 < n_tokens && has(e, NameCue::connector) && !ta.tokens[e].capitalized && ta.tokens[e + 1].capitalized &&
        sentence_of[e + 1] == sentence_of[b])
      return false;  // "... Academy of Sciences"
    return !(b > 0 && word(b - 1) && ta.tokens[b - 1].capitalized && sentence_of[b - 1] == sentence_of[b] &&
             !has(b - 1, NameCue::not_name));
  };
  // A person the actor index read from a capitalised agent word and the capitalised words after it (canonical: the
  // words after the agent) whose last word is an `org_suffix` ("Christian Democratic Party", "Catholic Teachers
  // Union"): the suffix at the end of the capitalised sequence says organisation, and the agent word is the first
  // word of its name. No title or honorific inside ("Judge Anna Bank" stays a person).
  auto org_named_person = [&](uint32_t b, uint32_t e) {
    if (e - b < 3 || cover[b] < 0) return false;
    const Mention& m = doc.mentions[static_cast<size_t>(cover[b])];
    if (m.entity < 0 || !ta.tokens[e - 1].capitalized || !has(e - 1, NameCue::org_suffix)) return false;
    const std::string canonical = fold(doc.entities[static_cast<size_t>(m.entity)].canonical);
    bool agent_first = false;
    for (uint32_t x = b + 1; x + 1 < e && !agent_first; ++x) agent_first = fold(words_of(x, e)) == canonical;
    if (!agent_first) return false;
    for (uint32_t k = b; k < e; ++k)
      if (!word(k) || has(k, NameCue::title) || has(k, NameCue::honorific) ||
          (!ta.tokens[k].capitalized && (k == b || !has(k, NameCue::connector))))
        return false;
    return true;
  };
  // ---- 1. references inside actor mentions ---------------------------------------------------------------
  for (size_t mi = 0; mi < doc.mentions.size(); ++mi) {
    const Mention& m = doc.mentions[mi];
    if (loose[mi] != 0) continue;
    if (m.kind == MentionKind::agent && m.token_end == m.first_token + 1 && m.first_token > 0 &&
        (m.entity < 0 || doc.entities[static_cast<size_t>(m.entity)].type == EntityType::organization)) {
      // A group word written with a capital after a lower-case "the" and not followed by another capitalised
      // word names the organisation ("the Church said", "the Administration agreed"); in lower case, or as
      // part of a longer name ("the Church of ...", "the University Press"), it is not a name by itself.
      const uint32_t b = m.first_token, e = m.token_end;
      bool alone = norm(b - 1) == "the" && !ta.tokens[b - 1].capitalized && ta.tokens[b].capitalized &&
                   !ta.tokens[b].all_caps && has(b, NameCue::org_suffix) && !has(b, NameCue::title) &&
                   (e >= n_tokens || !word(e) || !ta.tokens[e].capitalized) &&
                   !(e + 1 < n_tokens && norm(e) == "of" && ta.tokens[e + 1].capitalized) &&
                   !(e + 2 < n_tokens && norm(e) == "of" && norm(e + 1) == "the" && ta.tokens[e + 2].capitalized);
      if (alone) {
        int32_t ent =
            m.entity >= 0 ? m.entity : new_entity(EntityType::organization, words_of(b, e), ta.tokens[b].span);
        add_ref(b, e, ReferenceKind::name, ent, static_cast<int32_t>(mi), m.rule);
        continue;
      }
    }
    if (m.entity < 0 || static_cast<size_t>(m.entity) >= doc.entities.size() || weak_mention(m)) continue;
    const Entity& ent = doc.entities[static_cast<size_t>(m.entity)];
    uint32_t b = m.first_token, e = std::min(m.token_end, n_tokens);
    if (b >= e) continue;
    if (norm(b) == "the" && b + 1 < e) ++b;
    auto mention = static_cast<int32_t>(mi);
    switch (m.kind) {
      case MentionKind::person: {
        if (org_named_person(b, e)) {
          // "Christian Democratic Party": an agent word opening a capitalised sequence that ends in an
          // organisation's suffix word is the first word of the organisation's name, not a title.
          add_ref(b, e, ReferenceKind::name, new_entity(EntityType::organization, words_of(b, e), ta.tokens[b].span),
                  mention, "name:org-suffix");
          break;
        }
        uint32_t nb = e;
        // The name is the capitalised words (and particles) at the end, after any title, role word or
        // adjective ("treasurer Peter Costello" -> "Peter Costello").
        while (nb > b && word(nb - 1) && !has(nb - 1, NameCue::title) && !has(nb - 1, NameCue::honorific) &&
               (ta.tokens[nb - 1].capitalized || has(nb - 1, NameCue::particle)) &&
               !(actors != nullptr && actors->is_country_adjective(words_of(nb - 1, nb))))
          --nb;
        while (nb < e && !ta.tokens[nb].capitalized) ++nb;  // a name never starts with a particle
        if (nb < e && ta.tokens[nb].capitalized)
          add_ref(nb, e, ReferenceKind::name, m.entity, mention, m.rule);
        else
          add_ref(b, e, ReferenceKind::role, m.entity, mention, m.rule);
        break;
      }
      case MentionKind::agent:
        if (ent.type == EntityType::person)
          add_ref(b, e, ReferenceKind::role, m.entity, mention, m.rule);
        else if (ent.type == EntityType::organization && capitalised_name(b, e))
          add_ref(b, e, ReferenceKind::name, m.entity, mention, m.rule);  // "Indonesian Navy", "Foreign Ministry"
        break;
      case MentionKind::organization:
        add_ref(b, e, ReferenceKind::name, m.entity, mention, m.rule);
        break;
      case MentionKind::country:
      case MentionKind::location: {
        // A country's abbreviation before a noun is still its name ("U.S. troops"), unlike "American troops".
        std::string words = words_of(b, e);
        // A country's metonym that names one of its bodies by an organisation's suffix word ("State Department",
        // "Home Office", "Federation Council"; also read as a place after a preposition: "at the Home Office") is
        // that body's name, an organisation (`name:org-suffix`); the mention keeps its country and code. A
        // country's own name or alias ("Soviet Union") stays a place.
        if ((m.kind == MentionKind::country || m.kind == MentionKind::location) && e - b >= 2 && actors != nullptr &&
            has(e - 1, NameCue::org_suffix) &&
            std::all_of(ta.tokens.begin() + b, ta.tokens.begin() + e,
                        [](const Token& t) { return t.kind == TokenKind::word && t.capitalized; }) &&
            !actors->is_country_name(words)) {
          add_ref(b, e, ReferenceKind::name, new_entity(EntityType::organization, words, ta.tokens[b].span), mention,
                  "name:org-suffix");
          break;
        }
        bool adjective = actors != nullptr && actors->is_country_adjective(words) && !abbreviation(words);
        add_ref(b, e, adjective ? ReferenceKind::adjective : ReferenceKind::name, m.entity, mention, m.rule);
        break;
      }
    }
  }

  // ---- 2. unknown names --------------------------------------------------------------------------------
  std::unordered_set<std::string> lower_seen, cap_inside;
  std::vector<uint8_t> sentence_start(n_tokens, 0);
  for (const Sentence& s : ta.sentences) {
    bool first = true;
    for (uint32_t k = s.first_token; k < s.first_token + s.token_count; ++k) {
      if (!word(k)) continue;
      if (first) sentence_start[k] = 1;
      if (!ta.tokens[k].capitalized)
        lower_seen.insert(std::string(norm(k)));
      else if (!first)
        cap_inside.insert(std::string(norm(k)));
      first = false;
    }
  }
  // Tokens of a country, place or organisation mention, or of a capitalised role word, may be part of a
  // longer name ("New Jersey", "New Zealand Herald", "Indonesian Navy", "Vostok Shipping Company"); such a
  // run must then be typed by a cue word or the gazetteer.
  // A lower-case "for" after a capitalised organisation head or suffix word states the body's purpose inside its
  // name, as "of" does ("Institute for Peace", "Foundation for the Visual Arts", "Council for Security").
  // The purpose is a common English word of the word lists ("Tidal Studies", "the Visual Arts") or a country adjective
  // ("Palestinian Studies"); a name after "for" is another body's ("played in the League for the St. Louis Eagles").
  auto purpose_for = [&](uint32_t k) {
    if (k == 0 || k + 1 >= n_tokens || norm(k) != "for" || ta.tokens[k].capitalized ||
        sentence_of[k - 1] != sentence_of[k] || !ta.tokens[k - 1].capitalized ||
        !(has(k - 1, NameCue::org_head) || has(k - 1, NameCue::org_suffix)))
      return false;
    uint32_t p = norm(k + 1) == "the" && !ta.tokens[k + 1].capitalized ? k + 2 : k + 1;
    if (p >= n_tokens || sentence_of[p] != sentence_of[k] || !ta.tokens[p].capitalized || ta.tokens[p].all_caps)
      return false;
    if (lex != nullptr && lex->common(bare(p), NameLexicon::kMaxTier)) return true;
    // a country adjective before a lower-case noun modifies it: "thanked the Institute for the Kenyan donation"
    const bool noun_after =
        p + 1 < n_tokens && sentence_of[p + 1] == sentence_of[p] && word(p + 1) && !ta.tokens[p + 1].capitalized;
    return !noun_after && actors != nullptr && actors->is_country_adjective(std::string(ta.tokens[p].span.of(text)));
  };
  auto joinable = [&](uint32_t k) {
    if (cover[k] < 0) return true;
    const Mention& m = doc.mentions[static_cast<size_t>(cover[k])];
    if (!ta.tokens[k].capitalized) return false;
    if (m.kind == MentionKind::country || m.kind == MentionKind::location || m.kind == MentionKind::organization)
      return true;
    // A capitalised role word that resolves to nobody ("Shipping Company" in "Vostok Shipping Company").
    if (m.kind != MentionKind::agent) return false;
    if (m.entity >= 0 && doc.entities[static_cast<size_t>(m.entity)].type == EntityType::person) return false;
    for (uint32_t j = m.first_token; j < m.token_end; ++j)
      if (word(j) && !ta.tokens[j].capitalized) return false;
    return true;
  };
  auto quote = [&](uint32_t k) {
    std::string_view t = ta.tokens[k].span.of(text);
    return t == "\"" || t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D";
  };
  auto capword = [&](uint32_t k) {
    const Token& t = ta.tokens[k];
    return t.kind == TokenKind::word && t.capitalized && has_letter(t.span.of(text)) && !has(k, NameCue::not_name) &&
           !has(k, NameCue::pronoun_m) && !has(k, NameCue::pronoun_f) &&
           // a unit in capitals right after a number is no name ("6:40 AM", "4 GB")
           !(t.all_caps && k > 0 && ta.tokens[k - 1].kind == TokenKind::number && has(k, NameCue::unit));
  };
  auto gazetteer_place = [&](const std::string& name, bool after_place_prep, uint32_t min_population = 100000) {
    if (gazetteer == nullptr) return false;
    auto c = gazetteer->candidates(name, 3);
    if (c.empty()) return false;
    if (after_place_prep) return true;
    const GeoEntry& g = c.front();
    return g.kind != geo::PlaceKind::city || g.population >= min_population;
  };

  // Whether one of the gazetteer's first `max` entries of the name is of one of the kinds.
  auto held_as = [&](const std::string& name, size_t max, std::initializer_list<geo::PlaceKind> kinds) {
    if (gazetteer == nullptr) return false;
    for (const GeoEntry& g : gazetteer->candidates(name, max))
      if (std::find(kinds.begin(), kinds.end(), g.kind) != kinds.end()) return true;
    return false;
  };
  // A name the gazetteer holds as a region, territory or body of water, exactly as written ("West Bank",
  // "Persian Gulf"): a place even where its last word is an organisation suffix.
  auto region_name = [&](const std::string& name) {
    return held_as(name, 10, {geo::PlaceKind::region, geo::PlaceKind::territory, geo::PlaceKind::water});
  };
  // An ALL-CAPS word is a place only as a country's or a first-level division's name or code ("USA", "NY");
  // a town whose name happens to be spelt so ("Usi", "Dab") does not make an acronym a place.
  auto state_code = [&](const std::string& name) {
    return held_as(name, 3, {geo::PlaceKind::country, geo::PlaceKind::territory, geo::PlaceKind::admin1});
  };

  // A capitalised word that reads as a plural noun ("Falcons", "Rovers"; not "Marcus", "Glass", "Smith's", "Paris",
  // "NEWS"): the one test behind the team rules below.
  auto plural_word = [&](uint32_t k) {
    std::string_view w = norm(k);
    return w.size() >= 4 && w.back() == 's' && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") &&
           possessive_bytes(ta.tokens[k].span.of(text)) == 0 && ta.tokens[k].capitalized && !ta.tokens[k].all_caps;
  };
  // A place the gazetteer knows followed by a plural noun: a team or club ("Fremont Falcons", "Harbour Town Gulls").
  // A plural whose singular is an English noun ("Kestrels", "Cowboys", "Grizzlies"; not "Hallins", "Jones").
  auto plural_of_noun = [&](uint32_t k) {
    const std::string_view w = bare(k);
    if (w.ends_with("ies") && lex != nullptr && lex->common(std::string(w.substr(0, w.size() - 3)) + "y")) return true;
    return w.size() > 1 && lex != nullptr && lex->common(w.substr(0, w.size() - 1));
  };
  auto team_like_words = [&](uint32_t rb, uint32_t re) {
    if (re - rb < 2 || re - rb > 4 || has(rb, NameCue::given_name) || !plural_word(re - 1)) return false;
    // A given name of the word lists and a plural that is no noun's are a person ("Victoria Hallins").
    if (given_at(rb) && !plural_of_noun(re - 1)) return false;
    if (gazetteer == nullptr) return false;
    for (uint32_t k = rb + 1; k < re; ++k)
      for (const GeoEntry& g : gazetteer->candidates(words_of(rb, k), 5))
        if (g.kind != geo::PlaceKind::city || g.population >= 10000) return true;
    return false;
  };
  // An `org_context` cue (one or two words) right before token b: "signed with", "played for", "joined".
  auto org_context_at = [&](uint32_t b) {
    if (b == 0 || sentence_of[b - 1] != sentence_of[b] || !word(b - 1)) return false;
    if (has(b - 1, NameCue::org_context)) return true;
    if (b < 2 || sentence_of[b - 2] != sentence_of[b] || !word(b - 2)) return false;
    std::string two(norm(b - 2));
    two += ' ';
    two += norm(b - 1);
    auto it = cues_.find(two);
    return it != cues_.end() && (it->second & bit(NameCue::org_context)) != 0;
  };
  struct Run {
    uint32_t b = 0, e = 0;
    bool typed = false;
    EntityType type = EntityType::person;
    std::string rule;
    bool merged = false;      // holds whole country/place/organisation mentions
    bool place_hint = false;  // one word the gazetteer knows: a place unless the article names a person so
    bool title_word = false;  // one capitalised title word: a name only as the surname of a person named so
  };
  // The token after a possessive that closes a run of one to three words ("Hallam's", "Hallam 's" as two tokens),
  // or 0 when there is none.
  auto possessive_after = [&](uint32_t b, uint32_t e) -> uint32_t {
    if (e <= b || e - b > 3) return 0;
    const uint32_t si = sentence_of[e - 1];
    const std::string_view w = norm(e - 1);
    if (w.size() > 2 && w.ends_with("'s")) return e;
    if (e + 1 < n_tokens && sentence_of[e + 1] == si && norm(e) == "'" && norm(e + 1) == "s" &&
        !ta.tokens[e + 1].space_before)
      return e + 2;
    return 0;
  };
  // Nothing the possessive could own comes after it: punctuation, the sentence's end or a `possessive_end` word
  // ("and", "in", "was"). Returns the run's new end (after the possessive), else 0. "Kowal's and Novak's plans"
  // is no such case: the second possessive's noun is owned by both.
  auto elliptic_possessive = [&](const Run& r) -> uint32_t {
    const uint32_t pe = possessive_after(r.b, r.e);
    if (pe == 0) return 0;
    const uint32_t si = sentence_of[r.b];
    auto ends_phrase = [&](uint32_t p) {
      if (p >= n_tokens || sentence_of[p] != si) return true;
      const std::string_view w = norm(p);
      if (w == "," || w == "." || w == ";" || w == ":" || w == ")" || w == "!" || w == "?") return true;
      return word(p) && !ta.tokens[p].capitalized && has(p, NameCue::possessive_end);
    };
    if (!ends_phrase(pe)) return 0;
    if (pe < n_tokens && sentence_of[pe] == si && (norm(pe) == "and" || norm(pe) == "or")) {
      uint32_t q = pe + 1;
      while (q < n_tokens && q < pe + 4 && sentence_of[q] == si && word(q) && ta.tokens[q].capitalized) {
        ++q;
        if (const uint32_t pe2 = possessive_after(pe + 1, q); pe2 != 0) return ends_phrase(pe2) ? pe : 0;
      }
    }
    return pe;
  };
  // A class noun says what the name is: after it, "<Name> is a Danish retail chain", "<Name>, a village in
  // ...", "<Name> was an indie band" (the copula or a comma, "a"/"an", at most three modifiers: lower-case words,
  // a country adjective; a bracketed aside may come first: "<Name> (founded 1987) is a ..."); or before it, "the
  // village of <Name>", "the parish of <Name>" (a place noun and a lower-case "of"), or "a band called <Name>", "a
  // village named "<Name>"" (a class noun, "called" or "named", an opening quote mark or none). Returns the bit of the
  // cue that typed it (org_noun or loc_noun), else 0.
  auto class_noun = [&](const Run& r) -> uint32_t {
    const uint32_t si = sentence_of[r.b];
    auto same = [&](uint32_t k) { return k < n_tokens && sentence_of[k] == si; };
    const uint32_t kinds = bit(NameCue::org_noun) | bit(NameCue::loc_noun);
    if (r.b >= 2 && same(r.b - 2) && norm(r.b - 1) == "of" && !ta.tokens[r.b - 2].capitalized &&
        (cue(r.b - 2) & bit(NameCue::loc_noun)) != 0)
      return bit(NameCue::loc_noun);
    uint32_t q = r.b;  // the word before the name, past an opening quote mark
    if (q > 0 && same(q - 1) && (norm(q - 1) == "\"" || norm(q - 1) == "\xE2\x80\x9C")) --q;
    if (q >= 2 && same(q - 2) && (norm(q - 1) == "called" || norm(q - 1) == "named") && !ta.tokens[q - 1].capitalized &&
        !ta.tokens[q - 2].capitalized && (cue(q - 2) & kinds) != 0)
      return cue(q - 2) & kinds;
    uint32_t j = r.e;
    // a bracketed aside between the name and its description ("<Name> (founded 1987) is a retail chain", "<Name> (or
    // <Other Name>) is an American band"): the description is the name's
    if (same(j) && norm(j) == "(") {
      uint32_t c = j + 1;
      while (same(c) && c - j < 24 && norm(c) != ")" && norm(c) != "(") ++c;
      if (same(c) && norm(c) == ")") j = c + 1;
    }
    if (!same(j + 1)) return 0;
    std::string_view link = norm(j);
    if (link != "," && link != "is" && link != "was") return 0;
    ++j;
    if (norm(j) != "a" && norm(j) != "an") return 0;
    ++j;
    for (uint32_t mods = 0; same(j) && word(j) && mods <= 3; ++j, ++mods) {
      const uint32_t c = cue(j);
      if ((c & kinds) != 0 && !ta.tokens[j].capitalized) {
        // the class noun heads the phrase, not a noun after it: "X, a party spokesman" is a person
        if (same(j + 1) && word(j + 1) && !ta.tokens[j + 1].capitalized && !follows_head(norm(j + 1))) return 0;
        return c & kinds;
      }
      const bool modifier =
          !ta.tokens[j].capitalized || (actors != nullptr && actors->is_country_adjective(words_of(j, j + 1)));
      if (!modifier || (c & bit(NameCue::not_name)) != 0) return 0;
    }
    return 0;
  };
  // What follows a run says it names a person: a `person_verb` right after it ("<Name> said", "<Name> claims"),
  // or an apposition ", a/an" + at most three modifiers (lower-case words, a country adjective) + a `person_noun`
  // or a title word ("<Name>, an Australian woman", "<Name>, a former minister").
  auto person_context_after = [&](uint32_t e) {
    const uint32_t si = sentence_of[e - 1];
    auto same = [&](uint32_t k) { return k < n_tokens && sentence_of[k] == si; };
    if (same(e) && word(e) && !ta.tokens[e].capitalized && has(e, NameCue::person_verb)) return true;
    if (!same(e + 2) || norm(e) != "," || (norm(e + 1) != "a" && norm(e + 1) != "an")) return false;
    for (uint32_t j = e + 2, mods = 0; same(j) && word(j) && mods <= 3; ++j, ++mods) {
      if (ta.tokens[j].capitalized) {
        if (actors == nullptr || !actors->is_country_adjective(words_of(j, j + 1))) return false;
        continue;
      }
      if ((cue(j) & (bit(NameCue::person_noun) | bit(NameCue::title))) != 0) return true;
    }
    return false;
  };
  // The run's last word reads as a plural noun that is no place word ("Eagles", "Rovers"; not "Islands").
  // An "&" between two capitalised words of a run joins the partners of one firm ("Vorne & Kittle", "Kerrow Mining &
  // Smelting"), unless the words on either side are a person (a common given name, or two or more words that open
  // with a given name of the lists: "Anna Kowal & Piet Dorn"), the words on both sides are only frequent English
  // words (SCOWL size 35 or below) that are no organisation suffix (a heading's pair of topics: "Food & Drink",
  // "Garden & Home"; one such side is a partner's name: "Ernst & Young") or places the gazetteer knows (two
  // regions or large towns: "Jammu & Kashmir"), or the run follows a person noun or title ("opposition
  // leaders Okello & Wanjiru").
  auto firm_ampersand = [&](uint32_t rb, uint32_t re) {
    bool amp = false;
    for (uint32_t j = rb; j < re; ++j)
      if (!ta.tokens[j].capitalized && norm(j) != "&") return false;  // "X & Y and Z", "X of Y & Z": cut first
    auto topic = [&](uint32_t a, uint32_t z) {
      for (uint32_t k = a; k < z; ++k)
        if (!common_word(k, 35) || has(k, NameCue::org_suffix)) return false;
      return true;
    };
    for (uint32_t j = rb + 1; j + 1 < re; ++j) {
      if (norm(j) != "&" || !ta.tokens[j - 1].capitalized || !ta.tokens[j + 1].capitalized) continue;
      amp = true;
      uint32_t start = j, end = j + 1;  // the words on each side, up to the run's ends or another "&"
      while (start > rb && norm(start - 1) != "&") --start;
      while (end < re && norm(end) != "&") ++end;
      auto person = [&](uint32_t a, uint32_t z) { return has(a, NameCue::given_name) || (z - a >= 2 && given_at(a)); };
      auto place = [&](uint32_t a, uint32_t z) { return gazetteer_place(words_of(a, z), false); };
      if (person(start, j) || person(j + 1, end) || (topic(start, j) && topic(j + 1, end)) ||
          (place(start, j) && place(j + 1, end)))
        return false;
    }
    // after a person noun or title, also in the plural ("union leaders Brannock & Feliks"): people
    if (rb > 0 && (cue_or_singular(rb - 1) & (bit(NameCue::person_noun) | bit(NameCue::title))) != 0) return false;
    return amp;
  };
  // Does the "&" at j join the capitalised words before it (from rb) and after it into one name? When the words
  // after it end in a suffix word, only if the word before it is none or they are all suffix words ("Harlow Arts &
  // Science College", "Tarrow Savings Bank & Trust Company" are one name, "Dunmere Hockey League & North Shore"
  // two); else when they are a firm's partners (above).
  auto ampersand_joins = [&](uint32_t rb, uint32_t j, uint32_t s1) {
    uint32_t re = j + 1;
    while (re < s1 && re - rb < 7 && word(re) && ta.tokens[re].capitalized && cover[re] < 0) ++re;
    if (re == j + 1) return false;
    // the partners are the words after the run's last lower-case connector: "Shares of Dorvin & Kittle" is cut at
    // "of" later, and its piece "Dorvin & Kittle" is one firm
    for (uint32_t k = j; k > rb; --k)
      if (!ta.tokens[k - 1].capitalized && has(k - 1, NameCue::connector) && !has(k - 1, NameCue::particle) &&
          norm(k - 1) != "&") {
        rb = k;
        break;
      }
    if (rb >= j) return false;
    const uint32_t kinds = bit(NameCue::org_suffix) | bit(NameCue::loc_suffix);
    if ((cue(re - 1) & kinds) != 0) {
      bool all_suffixes = true;  // "Tarrow Savings Bank & Trust Company": one bank
      for (uint32_t k = j + 1; k < re; ++k) all_suffixes = all_suffixes && (cue(k) & kinds) != 0;
      return all_suffixes || (cue(j - 1) & kinds) == 0;
    }
    return firm_ampersand(rb, re);
  };
  // A body named for its country: one capitalised word outside every mention and a country's own name right after
  // it, the run's end ("Forestry Kenya", "Cricket Ghana", a firm's national arm "Velmont Japan"). Not when the first
  // word is a place's head ("North", "New"), a country adjective, a given name, a cue word or shaped like an adjective
  // ("Western", "Greater", "Coastal", "Atlantic", "Occupied", "Peninsular", "Anglophone": -ern, -er, -al, -ate, -ic,
  // -an, -ish, -ese, -ed, -ar, -phone): a region; nor after a place preposition ("in Northeast X", "born in Nazi X")
  // unless the preposition ends an `org_context` cue ("shares in X Japan", "a stake in X Japan").
  auto country_body = [&](uint32_t rb, uint32_t re) {
    if (actors == nullptr || re - rb < 2 || cover[rb] >= 0 || cover[re - 1] < 0 || ta.tokens[rb].all_caps) return false;
    const Mention& m = doc.mentions[static_cast<size_t>(cover[re - 1])];
    if (m.kind != MentionKind::country || m.first_token != rb + 1 || m.token_end != re) return false;
    if (!actors->is_country_name(words_of(rb + 1, re))) return false;
    if (region_adjective_shape(bare(rb))) return false;
    // after a place preposition the pair is a part of the country ("in Northeast India", "born in Nazi Germany"),
    // but not after a preposition that ends an organisation's context ("shares in", "a stake in": a firm's arm)
    if (rb > 0 && !org_context_at(rb))
      for (std::string_view prep : {"in", "near", "across", "throughout", "inside", "into"})
        if (norm(rb - 1) == prep) return false;
    return cue(rb) == 0 && !given_at(rb) && !actors->is_country_adjective(words_of(rb, rb + 1));
  };
  auto plural_last = [&](uint32_t e) {
    return plural_word(e - 1) && !has(e - 1, NameCue::loc_suffix) && !has(e - 1, NameCue::connector);
  };
  // A run may start at token k: no mention covers it, or a mention starts there, or a mention starts with a
  // lower-case "the" right before it ("the West" inside "the West Jersey Railroad": "the" is no word of the name).
  auto run_start = [&](uint32_t k) {
    if (cover[k] < 0) return true;
    const uint32_t f = doc.mentions[static_cast<size_t>(cover[k])].first_token;
    return f == k || (f + 1 == k && norm(f) == "the" && !ta.tokens[f].capitalized);
  };
  // A plural class noun right before "like", "such as" or "including" (a comma between or none), or between "such" and
  // "as", names the kind of every item of the list after it ("bands like Kellow Street, Marrowby and The Tins",
  // "guitarists such as Tovi and Arman Setiadi", "companies, including Dorvant", "such bands as The Tins"): an
  // `org_noun` an organisation, a `loc_noun` a place, a `person_noun` or title word a person. Not after "and" or "or"
  // ("bands and artists such as ..." names two kinds). list_kind[k]: the type's value + 1 at the first token of each
  // item, else 0.
  std::vector<uint8_t> list_kind(n_tokens, 0);
  auto plural_class = [&](uint32_t k) -> uint8_t {
    if (!word(k) || ta.tokens[k].capitalized) return 0;
    const std::string_view w = norm(k);
    if (w.size() < 4 || w.back() != 's') return 0;
    std::string one(w.substr(0, w.size() - 1));
    if (w.ends_with("ies")) one = std::string(w.substr(0, w.size() - 3)) + "y";
    auto it = cues_.find(one);
    if (it == cues_.end()) return 0;
    if ((it->second & bit(NameCue::org_noun)) != 0) return static_cast<uint8_t>(EntityType::organization) + 1;
    if ((it->second & bit(NameCue::loc_noun)) != 0) return static_cast<uint8_t>(EntityType::location) + 1;
    if ((it->second & (bit(NameCue::person_noun) | bit(NameCue::title))) != 0)
      return static_cast<uint8_t>(EntityType::person) + 1;
    return 0;
  };
  for (uint32_t k = 1; k + 1 < n_tokens; ++k) {
    uint32_t first = 0, noun = k - 1;  // the list's first token, the class noun
    if (norm(k) == "like" || norm(k) == "including")
      first = k + 1;
    else if (norm(k) == "such" && norm(k + 1) == "as")
      first = k + 2;
    else if (norm(k) == "such" && k + 3 < n_tokens && norm(k + 2) == "as" && sentence_of[k + 2] == sentence_of[k])
      first = k + 3, noun = k + 1;  // "such bands as <Name>": the noun between "such" and "as"
    if (first == 0 || first >= n_tokens || sentence_of[first] != sentence_of[k] || sentence_of[noun] != sentence_of[k])
      continue;
    // a comma may stand between the noun and the list ("their deities, such as <Name>, <Name> and <Name>")
    if (noun + 1 == k && norm(noun) == "," && noun >= 1 && sentence_of[noun - 1] == sentence_of[k]) --noun;
    const uint8_t kind = plural_class(noun);
    if (kind == 0 ||
        (noun >= 1 && sentence_of[noun - 1] == sentence_of[k] && (norm(noun - 1) == "and" || norm(noun - 1) == "or")))
      continue;
    // the items: capitalised words up to "," / "and" / "or"; the list ends at any other lower-case word
    for (uint32_t j = first; j < n_tokens && sentence_of[j] == sentence_of[k];) {
      if (!word(j) || !ta.tokens[j].capitalized) break;
      list_kind[j] = kind;
      if (norm(j) == "the" && j + 1 < n_tokens) list_kind[j + 1] = kind;  // "The Tins": the name starts after "The"
      while (j < n_tokens && sentence_of[j] == sentence_of[k] && norm(j) != "," &&
             !((norm(j) == "and" || norm(j) == "or") && !ta.tokens[j].capitalized) &&
             (ta.tokens[j].capitalized || !word(j) || has(j, NameCue::connector) || has(j, NameCue::particle)))
        ++j;
      if (j >= n_tokens || sentence_of[j] != sentence_of[k]) break;
      if (norm(j) != "," && norm(j) != "and" && norm(j) != "or") break;
      ++j;
      if (j < n_tokens && (norm(j) == "and" || norm(j) == "or") && !ta.tokens[j].capitalized) ++j;
    }
  }
  // A count (one to three digits, no ordinal ending) right before a capitalised plural of a common English noun that
  // no mention covers opens a name: in running text a count's noun is written in lower case ("30 lanterns"), so a
  // capital there marks a band's, a team's or a work's name ("12 Lanterns to Oswick", "3 Kestrels"). A demonym or a
  // group ("12 Maoists") is no common lower-case noun or is an actor mention, and a unit in capitals is no name word.
  auto count_opens_name = [&](uint32_t k) {
    if (ta.tokens[k].kind != TokenKind::number || cover[k] >= 0 || k + 1 >= n_tokens ||
        sentence_of[k + 1] != sentence_of[k])
      return false;
    const std::string_view w = ta.tokens[k].span.of(text);
    if (w.empty() || w.size() > 3 || w[0] == '0' ||
        !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return false;
    return cover[k + 1] < 0 && capword(k + 1) && plural_word(k + 1) && plural_of_noun(k + 1);
  };
  std::vector<Run> runs;
  for (uint32_t si = 0; si < ta.sentences.size(); ++si) {
    const Sentence& s = ta.sentences[si];
    const uint32_t s0 = s.first_token, s1 = std::min(s.first_token + s.token_count, n_tokens);
    bool lower_sentence = true;
    int words = 0;
    for (uint32_t k = s0; k < s1; ++k)
      if (word(k)) {
        ++words;
        if (ta.tokens[k].capitalized) lower_sentence = false;
      }
    if (lower_sentence && words >= 3) {
      // 3. lower-case text: "defense minister andrey belousov"
      for (uint32_t k = s0; k + 2 < s1; ++k) {
        if (!has(k, NameCue::title) && !has(k, NameCue::honorific)) continue;
        uint32_t e = k + 1;
        while (e < s1 && e - k <= 3 && word(e) && cover[e] < 0 && (cue(e) & ~bit(NameCue::given_name)) == 0) {
          std::string_view w = norm(e);
          if (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly") || !has_letter(w)) break;
          ++e;
        }
        if (e - k - 1 >= 2) {
          runs.push_back(Run{k + 1, e, true, EntityType::person, "name:title-lowercase", false, false});
          k = e - 1;
        }
      }
      continue;
    }
    auto extend_over_mention = [&](uint32_t at) {
      return cover[at] >= 0 ? std::max(at + 1, doc.mentions[static_cast<size_t>(cover[at])].token_end) : at + 1;
    };
    uint32_t k = s0;
    while (k < s1) {
      // a `name_inner` word written with a capital inside a sentence opens the name before a capitalised word
      // ("a member of One Harbour", "the All Kellows"); at a sentence's start the capital is the sentence's
      const bool inner_first = k > s0 && k + 1 < s1 && cover[k] < 0 && word(k) && ta.tokens[k].capitalized &&
                               !ta.tokens[k].all_caps && sentence_start[k] == 0 && has(k, NameCue::name_inner) &&
                               !quote(k - 1) && capword(k + 1) && joinable(k + 1) && run_start(k + 1);
      const bool number_first = k + 1 < s1 && count_opens_name(k);
      if (!inner_first && !number_first && (!joinable(k) || !capword(k))) {
        ++k;
        continue;
      }
      uint32_t b = k, e = k + 1;
      // Whole mentions only: a run never starts or ends inside one.
      if (!run_start(k)) {
        ++k;
        continue;
      }
      e = std::min(extend_over_mention(inner_first || number_first ? b + 1 : b), s1);
      if (possessive_bytes(ta.tokens[e - 1].span.of(text)) == 0) {
        while (e < s1 && e - b < 7) {
          if (joinable(e) && capword(e) && run_start(e)) {
            e = std::min(extend_over_mention(e), s1);
          } else if (number_first && e + 1 < s1 && cover[e] < 0 && word(e) && !ta.tokens[e].capitalized &&
                     std::find(std::begin(kTitleLinks), std::end(kTitleLinks), norm(e)) != std::end(kTitleLinks) &&
                     capword(e + 1) && joinable(e + 1) && run_start(e + 1)) {
            // a name that opens with a count is written like a title: a short preposition joins its capitalised words
            // ("12 Lanterns to Oswick")
            e = std::min(extend_over_mention(e + 1), s1);
          } else if (e + 1 < s1 && cover[e] < 0 && word(e) && ta.tokens[e].capitalized && !ta.tokens[e].all_caps &&
                     has(e, NameCue::name_inner) && capword(e + 1) && joinable(e + 1) && run_start(e + 1)) {
            // a never-name word between two capitalised words of one name: "Cold Spring Harbor", "Formula One Group"
            e = std::min(extend_over_mention(e + 1), s1);
          } else if (e + 1 < s1 && cover[e] < 0 && (word(e) || (norm(e) == "&" && ampersand_joins(b, e, s1))) &&
                     !ta.tokens[e].capitalized && (has(e, NameCue::connector) || has(e, NameCue::particle)) &&
                     capword(e + 1) && joinable(e + 1) && run_start(e + 1)) {
            e = std::min(extend_over_mention(e + 1), s1);
          } else if (e + 2 < s1 && cover[e] < 0 && cover[e + 1] < 0 && word(e) && word(e + 1) &&
                     !ta.tokens[e].capitalized && !ta.tokens[e + 1].capitalized && has(e, NameCue::particle) &&
                     has(e + 1, NameCue::particle) && capword(e + 2) && joinable(e + 2) && run_start(e + 2)) {
            // two particles in a row inside a person's name: "Ana de la Vega", "Pieter van der Berg"
            e = std::min(extend_over_mention(e + 2), s1);
          } else if (e + 2 < s1 && word(e) && !ta.tokens[e].capitalized && norm(e + 1) == "the" &&
                     ((norm(e) == "of" && has(e - 1, NameCue::org_head)) || purpose_for(e)) &&
                     ta.tokens[e - 1].capitalized && !ta.tokens[e + 1].capitalized &&
                     (cover[e] < 0 || cover[e] == cover[e + 1]) && capword(e + 2) && joinable(e + 2) &&
                     run_start(e + 2)) {
            // "<org head> of the <Name>": "Army of the Potomac", "Bank of the West", "Church of the Nazarene"; and
            // "<org head or suffix> for the <Name>": "Foundation for the Visual Arts", "Society for the Blind"
            e = std::min(extend_over_mention(e + 2), s1);
          } else if (e + 3 < s1 && quote(e) && quote(e + 2) && cover[e + 1] < 0 && capword(e + 1) && cover[e + 3] < 0 &&
                     capword(e + 3) && !quote(e - 1)) {
            e += 4;  // a nickname in quotes between a person's names: Anna "Sparrow" Kowal
          } else {
            break;
          }
          if (possessive_bytes(ta.tokens[e - 1].span.of(text)) != 0) break;
        }
      }
      // Two names joined by "and": a lower-case "and" or "&" after two or more words that end in a place or
      // organisation suffix word, with two or more words after it that end in a suffix word of the same kind
      // ("Harlow County and Dunmere County", "Foreign Ministry and Defence Ministry"), or in a plural noun each
      // (two teams): the run ends before it, and the words after it are a run of their own.
      for (uint32_t j = b + 2; j + 2 < e; ++j) {
        if (ta.tokens[j].capitalized || (norm(j) != "and" && norm(j) != "&") || cover[j] >= 0) continue;
        const uint32_t kinds = bit(NameCue::loc_suffix) | bit(NameCue::org_suffix);
        // Words after "and" that are all suffix words continue one name: "Harwick County Bank and Trust Company"
        // is one bank; a word of any other kind opens the second name ("Labour Party and Green Party").
        bool other_word = false;
        for (uint32_t w = j + 1; w + 1 < e && !other_word; ++w) other_word = (cue(w) & kinds) == 0;
        if (other_word && (cue(j - 1) & cue(e - 1) & kinds) != 0 && ta.tokens[j - 1].capitalized) {
          e = j;
          break;
        }
        // Two teams: both sides end in a capitalised plural noun ("West Harbour Herons and Kellow Falcons").
        if (other_word && ta.tokens[j - 1].capitalized && plural_last(j) && plural_last(e)) {
          e = j;
          break;
        }
      }
      k = e;
      // Two people joined by "and", the second after a title or honorific ("Dr Pavel Orlik and Dr Anke Vorsterman",
      // "Anna Kowal and Mr Dorn"): when the words before "and" open with a title, an honorific or a given name and
      // no capitalised organisation word is on either side ("Harmony and Justice Party" stays one), the run ends
      // before "and" and the title opens the next run.
      // So also when two or more capitalised words before "and" hold no place suffix word ("Bram Tulliver and Dr
      // Ysolde Marrack"): the title marks the second name a person's, and the words before "and" are a name of their
      // own, not words the title throws away.
      const bool person_first = has(b, NameCue::title) || has(b, NameCue::honorific) || has(b, NameCue::given_name);
      for (uint32_t j = b + 2; j + 1 < e; ++j) {
        if (ta.tokens[j - 1].capitalized || norm(j - 1) != "and" || cover[j - 1] >= 0 || cover[j] >= 0 ||
            !ta.tokens[j].capitalized || (!has(j, NameCue::title) && !has(j, NameCue::honorific)))
          continue;
        if (!person_first) {
          bool name_before = j - 1 - b >= 2;
          for (uint32_t w = b; w + 1 < j && name_before; ++w)
            name_before = cover[w] < 0 && ta.tokens[w].capitalized && !has(w, NameCue::loc_suffix);
          if (!name_before) break;
        }
        bool org_word = false;
        for (uint32_t w = b; w < e && !org_word; ++w)
          org_word = ta.tokens[w].capitalized && (has(w, NameCue::org_suffix) || has(w, NameCue::org_head));
        if (!org_word) {
          e = j - 1;
          k = j;
        }
        break;
      }
      // Mentions inside the run: role words are only words of the name ("Tyrone Power"); country, place
      // and organisation mentions make it a merged run that a cue or the gazetteer must type.
      bool merged = false, uncovered = false;
      int mentions_in = 0;
      for (uint32_t j = b; j < e; ++j) {
        if (cover[j] < 0) {
          uncovered = true;
          continue;
        }
        // A mention counts once, also when its first word ("the" of "the West") lies before the run.
        if (j == b || cover[j] != cover[j - 1]) ++mentions_in;
        if (doc.mentions[static_cast<size_t>(cover[j])].kind != MentionKind::agent) merged = true;
      }
      if (!uncovered && mentions_in < 2) continue;  // the mention alone: its reference is already there
      // One capitalised title word alone ("Player", "Judge"): the surname of a person the article names so
      // ("Ben Player"), else no name.
      if (e - b == 1 && cover[b] < 0 && has(b, NameCue::title) && !has(b, NameCue::honorific) &&
          !ta.tokens[b].all_caps) {
        Run t{b, e, false, EntityType::person, "", false, false};
        t.title_word = true;
        runs.push_back(t);
        continue;
      }
      // A title or honorific inside the run: the words after the last one are a person.
      bool titled = false;
      const uint32_t run_b = b;
      for (uint32_t j = e; j-- > b;) {
        // A title word ending a run that opens with a given name is a surname ("Ben Player", "Alexander Pope").
        if (j + 1 == e && j > b && has(b, NameCue::given_name) && !has(b, NameCue::title) &&
            !has(b, NameCue::honorific))
          continue;
        if (has(j, NameCue::title) || has(j, NameCue::honorific)) {
          b = j + 1;
          titled = true;
          break;
        }
      }
      // Words after a title that hold an organisation word are the organisation's name, title word included
      // ("General Motors", "Major League Baseball").
      for (uint32_t j = b; titled && j < e; ++j)
        if (has(j, NameCue::org_suffix) && ta.tokens[j].capitalized) {
          b = run_b;
          titled = false;
        }
      // A place and a plural noun after a title are a team, no person ("National Champion Texas Longhorns").
      bool team_after_title = false;
      if (titled && b < e && capword(b) && team_like_words(b, e)) {
        titled = false;
        team_after_title = true;
      }
      // "Professor of Mathematics", "Mayor of Brampton": a role of an organisation or place, not a person's
      // name; the words after the connector are a name of their own.
      if (titled && b < e && !capword(b)) {
        titled = false;
        while (b < e && !capword(b)) ++b;
      }
      if (b >= e) continue;
      // A sentence-initial word: part of a name only if the article never writes it in lower case.
      if (sentence_start[b] != 0 && !titled) {
        bool lower = lower_seen.count(std::string(norm(b))) != 0;
        if (lower || (e - b == 1 && !cap_inside.count(std::string(norm(b))))) {
          if (e - b == 1 && !lower && ta.tokens[b].all_caps) {
            // an acronym opening a sentence is still a name
          } else if (!lower && class_noun(Run{b, e, false, EntityType::person, "", false, false}) != 0) {
            // "<Name> is a commune in ...", "<Name> is an American band": a class noun names what it is
          } else if (!lower && e - b == 1 && cover[b] < 0 && !given_at(b) &&
                     elliptic_possessive(Run{b, e, false, EntityType::person, "", false, false}) != 0) {
            // "Tarrow's was sold in 1990", "Pell's closed": a possessive that owns nothing names a shop, a bar
            // or a restaurant (typed below, `name:possessive`)
          } else if (e - b >= 2 && (has(b, NameCue::org_head) || has(b, NameCue::loc_head))) {
            // "University of Ghent ...", "Lake Ohrid ...": the head word belongs to the name
          } else if (lower || e - b == 1) {
            ++b;
            while (b < e && !capword(b)) ++b;  // never start a name with "of" / "de"
            if (b >= e) continue;
          }
        } else if (e - b >= 2 && lex != nullptr && common_word(b, kFrequentTier) && !has(b, NameCue::given_name) &&
                   !lex->given_name(bare(b)) && !has(b, NameCue::org_head) && !has(b, NameCue::loc_head) &&
                   cover[b] < 0 && capword(b + 1)) {
          // A frequent English word opening the sentence is capitalised for its place ("Reportedly Anna Kowal
          // ...", "Apparently Kowal ..."): it is dropped before a given name, or before one word the article
          // writes capitalised inside a sentence that is no suffix word and no place the gazetteer knows.
          const bool given_next = has(b + 1, NameCue::given_name) || lex->given_name(bare(b + 1));
          const bool one_known = e - b == 2 && cover[b + 1] < 0 && cap_inside.count(std::string(norm(b + 1))) != 0 &&
                                 (cue(b + 1) & (bit(NameCue::org_suffix) | bit(NameCue::loc_suffix))) == 0 &&
                                 (gazetteer == nullptr || gazetteer->candidates(words_of(b + 1, e), 1).empty());
          if (given_next || one_known) ++b;
        }
      }
      Run r{b, e, false, EntityType::person, "", false, false};
      std::string_view prev = b > s0 ? norm(b - 1) : std::string_view();
      uint32_t prev_cue = b > s0 ? cue(b - 1) : 0;
      std::string first(norm(b));
      std::string last = words_of(e - 1, e);
      std::string name = words_of(b, e);
      bool conjoined =
          false;  // a lower-case "and" or "&" inside: two names ("West Coast Eagles and Fremantle Dockers")
      for (uint32_t j = b + 1; j + 1 < e; ++j)
        if (!ta.tokens[j].capitalized && (norm(j) == "and" || norm(j) == "&")) conjoined = true;
      uint32_t of_at = 0;  // the first lower-case "of" (or a purpose's "for": "Institute for Peace") inside the run
      for (uint32_t j = b + 1; j + 1 < e && of_at == 0; ++j)
        if ((norm(j) == "of" || purpose_for(j)) && !ta.tokens[j].capitalized) of_at = j;
      bool after_place_prep = std::find(std::begin(kPlacePreps), std::end(kPlacePreps), prev) != std::end(kPlacePreps);
      auto set = [&r](EntityType t, const char* rule) {
        r.typed = true;
        r.type = t;
        r.rule = rule;
      };
      // A given name (or a title, or a person's context after the run) and one word the dictionaries read as
      // a place: a person whose surname is a place's name ("George Washington", "novelist Jack London",
      // "Ilse Paris, a retired nurse,", "Ilse Paris said"), not a person and a place.
      bool surname_place = false;
      if (merged && e - b >= 2 && e - b <= 3 && cover[e - 1] >= 0) {
        const Mention& pm = doc.mentions[static_cast<size_t>(cover[e - 1])];
        const bool title_before = titled || (prev_cue & (bit(NameCue::title) | bit(NameCue::honorific))) != 0;
        // A place or a capital read as its country; a country's own name only after a title and a given name
        // ("Prime Minister Luís Montenegro"): "Maria Jordan" alone stays two names.
        const bool place = pm.kind == MentionKind::location ||
                           (pm.kind == MentionKind::country && actors != nullptr &&
                            (!actors->is_country_name(words_of(e - 1, e)) || (title_before && given_at(b))));
        surname_place = place && pm.first_token == e - 1 && pm.token_end == e &&
                        (title_before || has(b, NameCue::given_name) || person_context_after(e));
        for (uint32_t j = b; j + 1 < e; ++j) surname_place = surname_place && cover[j] < 0;
      }
      if (surname_place) {
        set(EntityType::person, "name:surname-place");
      } else if (titled || (!team_after_title && (prev_cue & (bit(NameCue::title) | bit(NameCue::honorific))) != 0)) {
        set(EntityType::person, "name:title");
      } else if (actors != nullptr && e - b >= 2 && actors->is_country_name(name)) {
        set(EntityType::location, "name:country");  // "the Russian Federation" where no actor was read
      } else if (is(NameCue::org_suffix, last) && of_at > b && !is(NameCue::org_head, words_of(of_at - 1, of_at)) &&
                 !is(NameCue::org_suffix, words_of(of_at - 1, of_at))) {
        // "Oakland Kestrels of Major League Baseball", "Marta Kowalczyk of Brenton Shipping Company": no head word
        // before "of", so two names; left untyped, the run is cut at "of" below and each piece typed alone.
      } else if (is(NameCue::org_suffix, last) && e - b >= 2 && region_name(name)) {
        set(EntityType::location, "name:gazetteer");
      } else if (is(NameCue::org_suffix, last)) {
        set(EntityType::organization, "name:org-suffix");
      } else if (e - b >= 2 && ta.tokens[b].all_caps && is(NameCue::org_suffix, first)) {
        set(EntityType::organization, "name:org-suffix");  // an abbreviated suffix first: "FC Basel", "AG Weser"
      } else if (e - b >= 3 && of_at > b &&
                 (is(NameCue::org_head, words_of(of_at - 1, of_at)) ||
                  is(NameCue::org_suffix, words_of(of_at - 1, of_at)))) {
        set(EntityType::organization, "name:org-head");  // "University of Texas", "National Party of Australia"
      } else if (e - b >= 3 && of_at > b && is(NameCue::loc_suffix, words_of(of_at - 1, of_at))) {
        set(EntityType::location, "name:place-word");  // "State of Kerala", "Plains of Varn", "City of Westmoor"
      } else if (e - b >= 2 && is(NameCue::loc_suffix, last)) {
        set(EntityType::location, "name:place-word");
      } else if (e - b >= 3 && e - b <= 4 && is(NameCue::loc_head, first) && !conjoined && plural_last(e) &&
                 !gazetteer_place(name, false, 10000)) {
        set(EntityType::organization, "name:team");  // "St. Louis Eagles", "New Castle Herons": a place, a plural noun
      } else if (e - b >= 2 && is(NameCue::loc_head, first) && !conjoined &&
                 !(ta.tokens[e - 1].capitalized && !is(NameCue::loc_suffix, last) && team_like_words(b, e))) {
        set(EntityType::location, "name:place-word");
      } else if (firm_ampersand(b, e)) {
        set(EntityType::organization, "name:ampersand");  // "Vorne & Kittle", "Kerrow Mining & Smelting"
      } else if (e - b == 1 && ta.tokens[b].all_caps && name.size() <= 6 && (acronym(name) || call_sign(name)) &&
                 !state_code(name)) {
        set(EntityType::organization, "name:acronym");
      } else if (merged && team_like_words(b, e)) {
        set(EntityType::organization, "name:team");  // "Chicago Kestrels": a place mention and a plural noun
      } else if (!(e - b == 1 && lower_seen.count(first) != 0 && !gazetteer_place(name, false)) &&
                 gazetteer_place(name, after_place_prep)) {
        if (e - b == 1 && !merged)
          r.place_hint = true;  // decided after the article's people are known ("Ilse Paris" ... "Paris")
        else
          set(EntityType::location, "name:gazetteer");
      } else if (merged && country_body(b, e)) {
        set(EntityType::organization, "name:country-body");  // "Forestry Kenya", "Velmont Japan"
      }
      if (merged && !r.typed && e - b >= 2) {
        // The same words as a person an earlier run named ("Ilse Paris, a nurse, ..." ... "Ilse Paris"): that person.
        for (const Run& q : runs) {
          if (!q.typed || q.type != EntityType::person || q.e - q.b != e - b) continue;
          bool same_words = true;
          for (uint32_t j = 0; same_words && j < e - b; ++j) same_words = norm(q.b + j) == norm(b + j);
          if (same_words) {
            set(EntityType::person, "name:same-words");
            break;
          }
        }
      }
      if (merged && (!r.typed || r.rule == "name:title")) {
        // Not a longer name after all: the words outside the mentions, each stretch on its own.
        for (uint32_t j = b; j < e;) {
          if (cover[j] >= 0 || !capword(j)) {
            ++j;
            continue;
          }
          uint32_t pe = j;
          while (pe < e && cover[pe] < 0) ++pe;
          while (pe > j && !capword(pe - 1)) --pe;
          runs.push_back(Run{j, pe, false, EntityType::person, "", false, false});
          j = std::max(pe, j + 1);
        }
        continue;
      }
      // A place word or the gazetteer made it a place, but an organisation's context comes right before it:
      // "signed with Harbour Lake", "the band Ashgrove Park", "played for Kentucky" name a band or a team.
      if (r.typed && r.type == EntityType::location && (r.rule == "name:place-word" || r.rule == "name:gazetteer") &&
          org_context_at(r.b))
        set(EntityType::organization, "name:org-context");
      // ... or it is an item of a list of organisations ("bands like New Harbour, Kellow Street and Interpol")
      else if (r.typed && r.type == EntityType::location &&
               (r.rule == "name:place-word" || r.rule == "name:gazetteer") &&
               list_kind[r.b] == static_cast<uint8_t>(EntityType::organization) + 1)
        set(EntityType::organization, "name:class-list");
      r.merged = merged;
      // "lawmakers Anna Kowal and Piet Dorn": a person's name holds no "and"; the person a title names ends before a
      // lower-case "and", and the words after it are a name of their own (typed by their own evidence).
      uint32_t and_at = 0;
      for (uint32_t j = r.b + 1; r.typed && r.rule == "name:title" && j + 1 < r.e && and_at == 0; ++j)
        if (norm(j) == "and" && !ta.tokens[j].capitalized && cover[j] < 0 && capword(j + 1)) and_at = j;
      if (and_at != 0 && (of_at <= r.b || and_at < of_at)) {
        const uint32_t rest = and_at + 1, end = r.e;
        r.e = and_at;
        runs.push_back(std::move(r));
        runs.push_back(Run{rest, end, false, EntityType::person, "", false, false});
        continue;
      }
      // "guitarist Nick Farrow of Harbour Lights": the person a title names ends before a lower-case "of"; the
      // words after it are a name of their own.
      if (r.typed && r.rule == "name:title" && of_at > r.b && of_at + 1 < r.e && capword(of_at + 1)) {
        const uint32_t rest = of_at + 1, end = r.e;
        r.e = of_at;
        runs.push_back(std::move(r));
        runs.push_back(Run{rest, end, false, EntityType::person, "", false, false});
        continue;
      }
      runs.push_back(std::move(r));
    }
  }

  // Typed runs first (they teach the article's names), then the rest by propagation and name shape.
  auto name_shaped = [&](const Run& r) {
    uint32_t quotes = 0;
    for (uint32_t k = r.b; k < r.e; ++k) quotes += quote(k) ? 1 : 0;
    if (r.e - r.b - quotes < 2 || r.e - r.b - quotes > 4) return false;
    for (uint32_t k = r.b; k < r.e; ++k) {
      const Token& t = ta.tokens[k];
      if (quote(k) || (has(k, NameCue::particle) && !t.capitalized)) continue;
      // A regnal number after a given name stays in the name ("Louis XVI", "Henry VIII").
      if (k + 1 == r.e && k > r.b && t.all_caps && roman(t.span.of(text)) && has(r.b, NameCue::given_name)) continue;
      if (!t.capitalized || (t.all_caps && t.span.length > 2)) return false;
    }
    return true;
  };
  // Evidence that a name-shaped run is a person's: a known given name first, a lower-case particle
  // ("Ludwig van Beethoven") or an initial ("William C. Cesaroni", "J. Smith").
  // A particle that place names hold too (`place_particle`: "in Puerto de Mazarron", "at Castillo de Bellver") is
  // no evidence right after "in" or "at"; a given name first still is, and so is a particle only people's names
  // hold ("at Mahathir bin Mohamad").
  auto person_evidence = [&](const Run& r) {
    if (has(r.b, NameCue::given_name)) return true;
    bool particle = false, person_particle = false;
    for (uint32_t k = r.b; k < r.e; ++k) {
      const Token& t = ta.tokens[k];
      if (quote(k)) return true;  // a quoted nickname
      if (has(k, NameCue::particle) && !t.capitalized) {
        particle = true;
        if (!has(k, NameCue::place_particle)) person_particle = true;
      }
      std::string_view w = t.span.of(text);
      if (k + 1 < r.e && (w.size() == 1 || (w.size() == 2 && w[1] == '.')) && w[0] >= 'A' && w[0] <= 'Z') return true;
    }
    if (!particle) return false;
    const std::string_view prev = r.b > 0 && sentence_of[r.b - 1] == sentence_of[r.b] ? norm(r.b - 1) : "";
    return (prev != "in" && prev != "at") || person_particle || (given_at(r.b) && !has(r.b, NameCue::loc_head));
  };
  // A word the article also writes in lower case is a common word ("Mountain Bikes", "Special Events"): with
  // no other evidence, capitalised words holding one are a heading or a product, not a person's name.
  auto common_word_inside = [&](const Run& r) {
    for (uint32_t k = r.b; k < r.e; ++k)
      if (ta.tokens[k].capitalized && !quote(k) && lower_seen.count(std::string(norm(k))) != 0) return true;
    return false;
  };
  // One word the article also writes in lower case ("Harbor", "Single"): a place only by a cue, never by the gazetteer.
  // A large city or a region stays a place ("in Reading").
  auto common_one_word = [&](const Run& r) {
    return r.e - r.b == 1 && lower_seen.count(std::string(norm(r.b))) != 0 &&
           !gazetteer_place(words_of(r.b, r.e), false);
  };
  // One frequent English word ("Stone", "Rock", "Green"): a place by the gazetteer only after a place preposition or
  // as a large city, a region or a country ("in Stone", "Reading"); else a town's name is too weak a reading.
  auto frequent_one_word = [&](const Run& r) {
    if (r.e - r.b != 1 || !common_word(r.b, kFrequentTier)) return false;
    const std::string_view prev = r.b > 0 && sentence_of[r.b - 1] == sentence_of[r.b] ? norm(r.b - 1) : "";
    return std::find(std::begin(kPlacePreps), std::end(kPlacePreps), prev) == std::end(kPlacePreps) &&
           !gazetteer_place(words_of(r.b, r.e), false);
  };
  // A capital after lower-case letters inside a word ("StarLine"), not a surname prefix ("McKenna", "MacLeod",
  // "DeLuca", "LeBlanc", "VanDyke", "DiMaggio", "FitzGerald"): a company's or a brand's spelling.
  auto camel_case_inside = [&](const Run& r) {
    for (uint32_t k = r.b; k < r.e; ++k) {
      std::string_view w = ta.tokens[k].span.of(text);
      if (ta.tokens[k].all_caps || w.size() < 4) continue;
      for (size_t i = 2; i + 1 < w.size(); ++i) {
        if (!(w[i] >= 'A' && w[i] <= 'Z') || !(w[i - 1] >= 'a' && w[i - 1] <= 'z') ||
            !(w[i + 1] >= 'a' && w[i + 1] <= 'z'))
          continue;
        // the letters before the capital a surname prefix of the cue file (`name_prefix`: "Mc", "De", "Fitz")
        if (!is(NameCue::name_prefix, w.substr(0, i))) return true;
      }
    }
    return false;
  };
  // A hyphenated pair of countries or common words ("China-Russia", "US-led"): a relation, no name's part.
  auto country_pair = [&](uint32_t k) {
    std::string_view w = bare(k);
    if (w.find('-') == std::string_view::npos || lex == nullptr) return false;
    size_t i = 0;
    while (i <= w.size()) {
      size_t j = std::min(w.find('-', i), w.size());
      std::string_view part = w.substr(i, j - i);
      if (part.empty()) return false;
      if (!lex->common(part) &&
          !(actors != nullptr && (actors->is_country_name(part) || actors->is_country_adjective(part))))
        return false;
      i = j + 1;
    }
    return true;
  };
  // Every word a common lower-case English word ("Cold War", "Diplomatic Relations") and no given name first.
  auto all_common = [&](const Run& r) {
    if (lex == nullptr || has(r.b, NameCue::given_name) || lex->given_name(bare(r.b))) return false;
    for (uint32_t k = r.b; k < r.e; ++k)
      if (!quote(k) && !common_word(k, NameLexicon::kMaxTier) && !country_pair(k)) return false;
    return true;
  };
  // The first word a frequent English word and no given name ("Velvet Lantern", "Copper Harbour"): a band, a
  // product or a place as often as a person, so shape alone makes no person of it.
  auto common_first = [&](const Run& r) {
    return lex != nullptr && common_word(r.b, kFrequentTier) && !has(r.b, NameCue::given_name) &&
           !lex->given_name(bare(r.b));
  };
  // A company or brand the word list knows, one word that is no common word, given name or place.
  auto company_word = [&](const Run& r) {
    return lex != nullptr && r.e - r.b == 1 && lex->company(bare(r.b)) &&
           (!common_word(r.b, NameLexicon::kMaxTier) ||
            (!common_word(r.b, kBasicTier) && lower_seen.count(std::string(norm(r.b))) == 0)) &&
           !lex->given_name(bare(r.b)) && !gazetteer_place(words_of(r.b, r.e), false, 10000);
  };
  // One word the word lists know only as a given name ("Marisol", "Tobiah"): no common English word in any tier, no
  // company or brand, no place the gazetteer knows (of any size), no country
  // adjective, never written in lower case in the article, not after a place preposition. The cue file's
  // `given_name` row holds the given names that are also other things.
  auto listed_given_name = [&](const Run& r) {
    if (lex == nullptr || r.e - r.b != 1 || ta.tokens[r.b].all_caps || !lex->given_name(bare(r.b)) ||
        common_word(r.b, NameLexicon::kMaxTier) || lex->company(bare(r.b)) ||
        lower_seen.count(std::string(norm(r.b))) != 0 || gazetteer_place(words_of(r.b, r.e), true) ||
        (cue(r.b) & (bit(NameCue::title) | bit(NameCue::org_suffix) | bit(NameCue::loc_suffix) |
                     bit(NameCue::org_head) | bit(NameCue::loc_head))) != 0 ||
        (actors != nullptr && actors->is_country_adjective(words_of(r.b, r.e))))
      return false;
    const std::string_view prev = r.b > 0 && sentence_of[r.b - 1] == sentence_of[r.b] ? norm(r.b - 1) : "";
    return prev != "upon" && std::find(std::begin(kPlacePreps), std::end(kPlacePreps), prev) == std::end(kPlacePreps);
  };
  // A determiner right before token k in its sentence (an article, a possessive: "the", "Britain's"), or "with" or
  // "of": a weekday or month after one is a word of a name ("the Sunday Gazette", "Britain's Sunday Ledger"); after
  // a verb or a quote mark it dates the clause ("said Monday", "\"Monday ...").
  auto after_article = [&](uint32_t k) {
    if (k == 0 || sentence_of[k - 1] != sentence_of[k]) return false;
    const std::string_view w = norm(k - 1);
    return w == "the" || w == "a" || w == "an" || w == "with" || w == "of" ||
           possessive_bytes(ta.tokens[k - 1].span.of(text)) != 0;
  };
  // Three short words of one or two syllables, each two to five letters with a capital first and no cue word at
  // either end ("Lim Young Soo", "Goh Keng Wee"): a romanised East Asian personal name, a family name and a given
  // name written as two words. A family name that is also a town's name does not make a club of it.
  auto short_syllable_name = [&](const Run& r) {
    if (r.e - r.b != 3 || has(r.b, NameCue::loc_head) || has(r.b, NameCue::org_head) || plural_word(r.e - 1) ||
        (cue(r.e - 1) & (bit(NameCue::org_suffix) | bit(NameCue::loc_suffix))) != 0)
      return false;
    for (uint32_t k = r.b; k < r.e; ++k) {
      const std::string_view w = ta.tokens[k].span.of(text);
      if (w.size() < 2 || w.size() > 5 || !(w[0] >= 'A' && w[0] <= 'Z') ||
          !std::all_of(w.begin() + 1, w.end(), [](char c) { return c >= 'a' && c <= 'z'; }) ||
          (cue(k) & (bit(NameCue::title) | bit(NameCue::honorific) | bit(NameCue::not_name))) != 0)
        return false;
    }
    return true;
  };
  // Two or three words that open with a city (the gazetteer's, of 100,000 people or more, or a place mention of the
  // dictionaries) and end in an English word, an organisation's suffix or capitals, and are no place as a whole: a
  // paper, a club or a company named after its city ("Toronto Star", "Manchester United", "Leeds RFC"), not a
  // person, unless a given name opens them ("Sydney Smith"). Any other last word is a surname ("Memphis Varden"). A
  // country, a region or a state first ("Pacific Northwest", "Arkansas All-State") is left to the other rules.
  auto place_first = [&](const Run& r) {
    if (r.e - r.b < 2 || r.e - r.b > 3 || given_at(r.b) || has(r.e - 1, NameCue::loc_suffix) || short_syllable_name(r))
      return false;
    if (!common_word(r.e - 1, NameLexicon::kMaxTier) && !has(r.e - 1, NameCue::org_suffix) &&
        !ta.tokens[r.e - 1].all_caps)
      return false;
    for (uint32_t k = r.b + 1; k < r.e; ++k) {
      if (cover[r.b] >= 0) {
        const Mention& m = doc.mentions[static_cast<size_t>(cover[r.b])];
        if (m.kind == MentionKind::location && m.first_token == r.b && m.token_end == k) return true;
      }
      if (gazetteer == nullptr) continue;
      for (const GeoEntry& g : gazetteer->candidates(words_of(r.b, k), 3))
        if (g.kind == geo::PlaceKind::city && g.population >= 100000) return true;
    }
    return false;
  };
  auto place_run = [&](Run r) {
    // A capitalised never-name word inside a sentence right before an organisation typed by its suffix or head
    // word opens its name ("the Sunday Herald", "All Saints College", "a First Harbour Bank branch"); "The" is
    // taken below.
    while (r.type == EntityType::organization && (r.rule == "name:org-suffix" || r.rule == "name:org-head") &&
           r.b > 0 && sentence_start[r.b - 1] == 0 && sentence_of[r.b - 1] == sentence_of[r.b] && cover[r.b - 1] < 0 &&
           word(r.b - 1) && ta.tokens[r.b - 1].capitalized && !ta.tokens[r.b - 1].all_caps &&
           ta.tokens[r.b - 1].span.length > 1 && has(r.b - 1, NameCue::not_name) && norm(r.b - 1) != "the" &&
           !(r.b >= 2 && sentence_of[r.b - 2] == sentence_of[r.b] &&
             std::find(std::begin(kTimePreps), std::end(kTimePreps), norm(r.b - 2)) != std::end(kTimePreps)) &&
           !(has(r.b - 1, NameCue::date_word) && !after_article(r.b - 1)) && !has(r.b - 1, NameCue::pronoun_m) &&
           !has(r.b - 1, NameCue::pronoun_f) && type_at[r.b - 1] < 0)
      --r.b;
    // "The" written with a capital inside a sentence belongs to an organisation's name ("at The Hockey News").
    if (r.type == EntityType::organization && r.b > 0 && sentence_start[r.b - 1] == 0 && norm(r.b - 1) == "the" &&
        ta.tokens[r.b - 1].capitalized && sentence_of[r.b - 1] == sentence_of[r.b] && cover[r.b - 1] < 0)
      --r.b;
    // A unit's number opens its name ("65th Air Division", "3 Fighter Wing", "101st Airborne Division").
    if (r.type == EntityType::organization && (r.rule == "name:org-suffix" || r.rule == "name:org-head") && r.b > 0 &&
        sentence_of[r.b - 1] == sentence_of[r.b] && cover[r.b - 1] < 0 && unit_number(ta.tokens[r.b - 1].span.of(text)))
      --r.b;
    std::string name =
        r.rule == "name:possessive"
            ? std::string(
                  Span{ta.tokens[r.b].span.offset, ta.tokens[r.e - 1].span.end() - ta.tokens[r.b].span.offset}.of(text))
            : words_of(r.b, r.e);
    int32_t ent = -1;
    if (r.type == EntityType::person) {
      auto it = by_name.find(type_key(EntityType::person, name));
      if (it != by_name.end()) {
        ent = it->second;
      } else if (r.e - r.b == 1) {
        auto s = by_surname.find(fold(name));
        if (s != by_surname.end()) {
          ent = s->second;
        } else if (auto g = by_given.find(fold(name)); g != by_given.end()) {
          ent = g->second;
        }
      }
    }
    if (ent < 0) ent = new_entity(r.type, name, Span{ta.tokens[r.b].span.offset, 0});
    Entity& e = doc.entities[static_cast<size_t>(ent)];
    if (e.span.length == 0) {
      e.span.offset = ta.tokens[r.b].span.offset;
      e.span.length = static_cast<uint32_t>(name.size());
    }
    add_ref(r.b, r.e, ReferenceKind::name, ent, -1, r.rule);
  };
  // ", <country or first-level division>" right after a run, then punctuation or the sentence's end ("Debsby,
  // England,"; "Harlow Mills, Ohio."): the run is a place of that country or state.
  auto place_after_comma = [&](uint32_t e) {
    if (e + 1 >= n_tokens || norm(e) != "," || sentence_of[e + 1] != sentence_of[e] || !ta.tokens[e + 1].capitalized)
      return false;
    for (uint32_t pe = e + 2; pe <= e + 3 && pe <= n_tokens; ++pe) {
      if (!ta.tokens[pe - 1].capitalized || !word(pe - 1)) return false;
      const bool closed = pe == n_tokens || sentence_of[pe] != sentence_of[e] || !word(pe);
      if (!closed) continue;
      const std::string place = words_of(e + 1, pe);
      return (actors != nullptr && actors->is_country_name(place)) || state_code(place);
    }
    return false;
  };
  // ---- one name, one type: the short forms of organisations the article names with a cue ----------------------
  // "Kellow Falls State University" ... "Kellow Falls State finished 8-5": the words before an `org_suffix` name the
  // organisation again; "Fresno River Hawks" ... "the River Hawks", "Hawks fans": the words after a team's place.
  // A short form is no single common word, given name or country adjective, and (checked where it is read) no
  // large place, nothing after a place preposition or before ", <state>".
  std::unordered_set<std::string> short_org;
  auto short_form_ok = [&](uint32_t b, uint32_t e) {
    for (uint32_t k = b; k < e; ++k)
      if (!word(k) || !ta.tokens[k].capitalized || has(k, NameCue::connector) || has(k, NameCue::not_name) ||
          has(k, NameCue::title) || has(k, NameCue::honorific) || possessive_bytes(ta.tokens[k].span.of(text)) != 0)
        return false;
    // a person's name (a given name first: "Dave Kellow Band") or a name of its own ("Maine Harbor Railroad Company")
    if (has(b, NameCue::given_name) || (lex != nullptr && lex->given_name(bare(b))) ||
        (cue(e - 1) & (bit(NameCue::org_suffix) | bit(NameCue::loc_suffix))) != 0)
      return false;
    if (e - b != 1) return true;
    return !has(b, NameCue::given_name) && !has(b, NameCue::org_suffix) && !has(b, NameCue::loc_suffix) &&
           !ta.tokens[b].all_caps &&
           !(lex != nullptr && (lex->given_name(bare(b)) || common_word(b, NameLexicon::kMaxTier))) &&
           !(actors != nullptr && actors->is_country_adjective(words_of(b, e)));
  };
  for (const Run& r : runs) {
    if (r.e - r.b < 2) continue;
    if (r.typed && r.type == EntityType::organization && r.rule == "name:org-suffix" &&
        is(NameCue::org_suffix, words_of(r.e - 1, r.e))) {
      for (uint32_t k = r.b + 1; k < r.e; ++k)
        if (short_form_ok(r.b, k)) short_org.insert(fold(words_of(r.b, k)));
    } else if (plural_word(r.e - 1) && ((r.typed && r.type == EntityType::organization && r.rule == "name:team") ||
                                        (!r.typed && team_like_words(r.b, r.e)))) {
      // the team's words after its place ("River Hawks"; one word only when it is no common word: not "Scouts")
      for (uint32_t k = r.b + 1; k < r.e; ++k)
        if (short_form_ok(k, r.e)) short_org.insert(fold(words_of(k, r.e)));
    }
  }
  auto short_org_at = [&](uint32_t b, uint32_t e) {
    if (short_org.empty() || short_org.count(fold(words_of(b, e))) == 0) return false;
    const std::string_view prev = b > 0 && sentence_of[b - 1] == sentence_of[b] ? norm(b - 1) : "";
    return std::find(std::begin(kPlacePreps), std::end(kPlacePreps), prev) == std::end(kPlacePreps) &&
           !place_after_comma(e) && !gazetteer_place(words_of(b, e), false, 10000);
  };
  for (Run& r : runs)
    if (r.typed && r.type == EntityType::location && !r.merged &&
        (r.rule == "name:place-word" || r.rule == "name:gazetteer") && short_org_at(r.b, r.e))
      r.type = EntityType::organization, r.rule = "name:short-form";
  for (const Run& r : runs)
    if (r.merged)
      std::erase_if(doc.references, [&r](const EntityReference& x) {
        return x.first_token >= r.b && x.token_end <= r.e && x.kind != ReferenceKind::pronoun;
      });
  for (const Run& r : runs)
    if (r.typed) place_run(r);
  // Untyped runs split at lower-case connectors ("Marta Kowalczyk and Ilya Brodsky", "Michael Tien of NPP"):
  // only a cue word makes "X of Y" or "X and Y" one name.
  // A firm's "&" stays inside its piece ("QR&T and Vorne & Kittle": two pieces, the second typed below).
  std::vector<Run> pieces;
  for (const Run& r : runs) {
    if (r.typed) continue;
    uint32_t start = r.b;
    for (uint32_t j = r.b; j <= r.e; ++j) {
      bool cut = j == r.e || (!ta.tokens[j].capitalized && has(j, NameCue::connector) && !has(j, NameCue::particle));
      // a name that opens with a count is shaped like a title: its "of" or "the" is its own ("5 Kestrels of Tarrow")
      if (cut && j < r.e && ta.tokens[r.b].kind == TokenKind::number && norm(j) != "and" && norm(j) != "&") cut = false;
      if (cut && j < r.e && norm(j) == "&") {
        uint32_t end = j + 1;  // the piece's end if this "&" is a firm's
        while (end < r.e && (ta.tokens[end].capitalized || norm(end) == "&")) ++end;
        cut = !firm_ampersand(start, end);
      }
      if (!cut) continue;
      if (j > start) {
        pieces.push_back(Run{start, j, false, EntityType::person, "", false, start == r.b && j == r.e && r.place_hint});
        pieces.back().title_word = r.title_word;
      }
      start = j + 1;
    }
  }
  auto org_context = [&](const Run& r) { return org_context_at(r.b); };
  // Lists of names: the link between two items is a comma or a lower-case "and"/"or", inside sentence `si`.
  auto list_link = [&](uint32_t si, uint32_t k) {
    return k < n_tokens && sentence_of[k] == si &&
           (norm(k) == "," || ((norm(k) == "and" || norm(k) == "or") && !ta.tokens[k].capitalized));
  };
  // the first token of the item after the one ending before `e` ("X, Y", "X, and Y", "X and Y"), or n_tokens
  auto next_list_item = [&](uint32_t si, uint32_t e) -> uint32_t {
    if (!list_link(si, e)) return n_tokens;
    uint32_t j = e + 1;
    if (norm(e) == "," && list_link(si, j) && norm(j) != ",") ++j;
    return j;
  };
  // the last token of the item before the one starting at `b` ("Y, X", "Y, and X", "Y and X"), or n_tokens
  auto prev_list_item = [&](uint32_t si, uint32_t b) -> uint32_t {
    if (b < 2 || !list_link(si, b - 1)) return n_tokens;
    uint32_t k = b - 1;
    if (k >= 2 && norm(k - 1) == "," && norm(k) != ",") --k;
    return k >= 1 ? k - 1 : n_tokens;
  };
  // one or two words, no abbreviation ("L.P.") and no country adjective ("Basque"): the shape of a list item here
  auto short_list_item = [&](const Run& r) {
    const std::string words = words_of(r.b, r.e);
    return r.e - r.b <= 2 && !abbreviation(words) && !(actors != nullptr && actors->is_country_adjective(words));
  };
  // A list item of one or two words next to an organisation's name: a comma (", and", ", or") between the run and a
  // name reference typed an organisation ("Kellmark, Dorvan Records, and Tessly"; "Globe and Mail" is no list).
  auto org_list_neighbour = [&](const Run& r) {
    const uint32_t si = sentence_of[r.b];
    auto org = [&](uint32_t k) {
      return k < n_tokens && sentence_of[k] == si && type_at[k] == static_cast<int8_t>(EntityType::organization);
    };
    // no country adjective ("Basque") and no abbreviation after a company's name ("Kellmark Holdings, L.P.")
    if (!short_list_item(r)) return false;
    if (list_link(si, r.e) && norm(r.e) == "," && org(next_list_item(si, r.e))) return true;  // after: ", X"
    const uint32_t before = prev_list_item(si, r.b);  // before: "X ,", "X , and"
    return before != n_tokens && norm(before + 1) == "," && org(before);
  };
  // A list item of one or two words next to a place's name in a list that a place preposition opens: a comma, "and"
  // or "or" between the run and a name reference typed a place, and before the list's first item "in", "to",
  // "between" a list of three or more, ... ("trains ran to Tallowby and Norwich", "farms between Oswick, Pellham and
  // York"): a place too.
  auto place_list_neighbour = [&](const Run& r) {
    const uint32_t si = sentence_of[r.b];
    auto place = [&](uint32_t k) {  // a place the dictionaries, the gazetteer or a cue typed, not a preposition alone
      return k < n_tokens && sentence_of[k] == si && type_at[k] == static_cast<int8_t>(EntityType::location) &&
             prep_place_at[k] == 0;
    };
    auto link = [&](uint32_t k) { return list_link(si, k); };
    if (!short_list_item(r)) return false;
    // after: "X and Y", "X, Y", "X, and Y"; before: "Y and X", "Y, X", "Y, and X"
    const bool next_to_place = place(next_list_item(si, r.e)) || place(prev_list_item(si, r.b));
    // the run ends its clause's item: a link, punctuation or the sentence's end after it ("in Oswick, Kowal said"
    // is a place and a speaker)
    if (!next_to_place ||
        (r.e < n_tokens && sentence_of[r.e] == si && !link(r.e) && ta.tokens[r.e].kind == TokenKind::word))
      return false;
    // the list's items back to its opening preposition: capitalised words, places and the links between them
    uint32_t k = r.b;
    for (uint32_t steps = 0; k > 0 && sentence_of[k - 1] == si && steps < 16; ++steps) {
      if (!(capword(k - 1) || link(k - 1) || type_at[k - 1] == static_cast<int8_t>(EntityType::location))) break;
      --k;
    }
    if (k == 0 || sentence_of[k - 1] != si || ta.tokens[k - 1].capitalized) return false;
    // a list has an "and" or an "or" ("in Oswick, Kellmark Holdings, the firm said" is an apposition)
    bool coordinated = false;
    uint32_t links = 0;
    for (uint32_t j = k; j < n_tokens && sentence_of[j] == si && j < r.e + 16 && !coordinated; ++j) {
      if (!(capword(j) || link(j) || type_at[j] == static_cast<int8_t>(EntityType::location))) break;
      coordinated = norm(j) == "and" || norm(j) == "or";
      if (link(j) && !(norm(j) != "," && j > k && norm(j - 1) == ",")) ++links;  // ", and" is one link
    }
    if (!coordinated) return false;
    const std::string_view prep = norm(k - 1);
    // "between" two items joins parties as often as places ("the dispute between Odebrecht and Peru"): a list of
    // three or more ("farms between Oswick, Pellham and York")
    if (prep == "between") return links >= 2;
    return std::find(std::begin(kPlacePreps), std::end(kPlacePreps), prep) != std::end(kPlacePreps);
  };
  // A party's name right before a political role noun (`party_role`: "a Liberal member", "the Labor MP", "a Greens
  // candidate", "the Liberal-Labour MPP" with the capitalised role word inside the run): one to three capitalised
  // words with no person evidence and no given name first, no country adjective ("an Australian MP") and no place
  // the gazetteer knows unless every word is a common English word ("Ottawa MP" is a riding; "Liberal" stays the
  // party though a town bears the name); a capitalised word right before them other than a country or place
  // mention means a longer name this piece is cut from ("One Nation member"). The same before an `org_role` noun of
  // a firm's, a team's or a band's people ("Vantorel shareholders", "the Brisgow fans"). Returns the party's end,
  // else 0.
  auto party_before_role = [&](const Run& r) -> uint32_t {
    uint32_t e = r.e;
    if (e - r.b >= 2 && ta.tokens[e - 1].all_caps && has(e - 1, NameCue::party_role)) {
      --e;  // "Liberal-Labour MPP"
    } else if (!(e < n_tokens && sentence_of[e] == sentence_of[r.b] && word(e) &&
                 (!ta.tokens[e].capitalized || ta.tokens[e].all_caps) &&
                 (cue(e) & (bit(NameCue::party_role) | bit(NameCue::org_role))) != 0)) {
      return 0;
    }
    if (e - r.b > 3 || ta.tokens[r.b].all_caps) return 0;
    const Run p{r.b, e, false, EntityType::person, "", false, false};
    const std::string words = words_of(r.b, e);
    if (person_evidence(p) || given_at(r.b) || (actors != nullptr && actors->is_country_adjective(words)) ||
        (gazetteer_place(words, true) && !all_common(p)))
      return 0;
    if (r.b > 0 && sentence_of[r.b - 1] == sentence_of[r.b] && sentence_start[r.b - 1] == 0 && word(r.b - 1) &&
        ta.tokens[r.b - 1].capitalized) {
      const int32_t m = cover[r.b - 1];
      const MentionKind kind = m >= 0 ? doc.mentions[static_cast<size_t>(m)].kind : MentionKind::person;
      if (kind != MentionKind::country && kind != MentionKind::location) return 0;
    }
    return e;
  };
  // A run after a place preposition in a list ("prizes went to Anna Kowal, Tovi Brask, Ola Quist and Rena Dull": a
  // comma, "and" or "or" between items) whose list holds a person (typed so, or a run with a person's evidence: a
  // given name first, a particle, an initial, a title before it) and no name typed otherwise (a place the
  // dictionaries or the gazetteer know, an organisation; a town of 10,000 or more the gazetteer knows also when only
  // the preposition typed it) is a person's name too, not the place the preposition reads; not when its words are
  // all common English words, in capitals, or a town the gazetteer knows. A possessive ends the list ("to Harlow,
  // Quenby and Ola Quist's farm": the farm is the item, and Quist no person of the list).
  auto person_list_item = [&](const Run& r) {
    const uint32_t si = sentence_of[r.b];
    if (r.e - r.b > 3 || ta.tokens[r.b].all_caps || all_common(r) || gazetteer_place(words_of(r.b, r.e), false, 10000))
      return false;
    bool person = false, other = false;
    auto piece_at = [&](uint32_t b, uint32_t e) -> const Run* {  // the piece starting at b or ending at e
      for (const Run& p : pieces)
        if (p.b == b || p.e == e) return &p;
      return nullptr;
    };
    // reads the item starting at b (forward) or ending at e (backward); returns its other end, or n_tokens
    auto read = [&](uint32_t b, uint32_t e, bool forward) -> uint32_t {
      // (a title or an honorific opens an item: "and Dr Rena Dull")
      while (forward && b + 1 < n_tokens && sentence_of[b + 1] == si && word(b) && ta.tokens[b].capitalized &&
             (cue(b) & (bit(NameCue::title) | bit(NameCue::honorific))) != 0)
        ++b;
      const uint32_t k = forward ? b : e - 1;
      if (k >= n_tokens || sentence_of[k] != si || !word(k) || !ta.tokens[k].capitalized) return n_tokens;
      if (type_at[k] < 0 && cover[k] >= 0) {
        other = true;
        return n_tokens;
      }
      // the item's words: a name typed before, or a piece no rule has typed yet
      uint32_t ib = k, ie = k + 1;
      bool evidence = false;
      if (type_at[k] >= 0) {
        if (forward)
          while (ie < n_tokens && sentence_of[ie] == si && type_at[ie] == type_at[k]) ++ie;
        else
          while (ib > 0 && sentence_of[ib - 1] == si && type_at[ib - 1] == type_at[k]) --ib;
        evidence = type_at[k] == static_cast<int8_t>(EntityType::person);
      } else {
        const Run* p = forward ? piece_at(b, n_tokens + 1) : piece_at(n_tokens + 1, e);
        if (p == nullptr) return n_tokens;
        ib = p->b;
        ie = p->e;
        const bool titled = p->b > 0 && sentence_of[p->b - 1] == si &&
                            (cue(p->b - 1) & (bit(NameCue::title) | bit(NameCue::honorific))) != 0;
        evidence = titled || (name_shaped(*p) && person_evidence(*p));
      }
      // A possessive ends the item and the list: "Ola Quist's farm" names the farm, no person of the list.
      if (possessive_after(ib, ie) != 0) return n_tokens;
      if (evidence) {
        person = true;
      } else if ((type_at[k] >= 0 && prep_place_at[k] == 0) || gazetteer_place(words_of(ib, ie), false, 10000)) {
        // a name the dictionaries, the gazetteer or a cue typed, or a town the gazetteer knows though only a
        // preposition typed it or no rule has yet ("to Dr Rena Dull, Harlow and Quenby": Harlow a town)
        other = true;
      }
      return forward ? ie : ib;
    };
    for (uint32_t j = next_list_item(si, r.e), steps = 0; j < n_tokens && steps < 12; ++steps) {
      const uint32_t e = read(j, 0, true);
      if (e >= n_tokens) break;
      j = next_list_item(si, e);
    }
    for (uint32_t j = prev_list_item(si, r.b), steps = 0; j < n_tokens && steps < 12; ++steps) {
      const uint32_t b = read(0, j + 1, false);
      if (b >= n_tokens) break;
      j = prev_list_item(si, b);
    }
    return person && !other;
  };
  // A place read from "in" alone whose words are all common English words of the word lists and that the gazetteer
  // does not hold at all ("a degree in Information Technology", "the prize in Physiology", "pitched in Single A"): a
  // field, a topic or a grade, no place's name ("at Silver Pine Camp", a list's item after a comma stay places).
  auto common_weak = [&](const Run& r) {
    return r.b > 0 && sentence_of[r.b - 1] == sentence_of[r.b] && norm(r.b - 1) == "in" && all_common(r) &&
           !ta.tokens[r.b].all_caps && !gazetteer_place(words_of(r.b, r.e), true);
  };
  std::vector<Run> left_out;  // pieces no rule typed
  for (Run& r : pieces) {
    // A word before a given name that is no given name itself, in a run of three or more words ("Queenslander Anna
    // Kowal", "Minnesotan Ben Lee"): a description (a demonym, a role), no part of the name.
    if (lex != nullptr && r.e - r.b >= 3 && !r.title_word && !ta.tokens[r.b].all_caps &&
        ta.tokens[r.b + 1].capitalized && has(r.b + 1, NameCue::given_name) && !has(r.b, NameCue::given_name) &&
        !has(r.b, NameCue::particle) && !lex->given_name(bare(r.b)))
      ++r.b;
    // Words the article names an organisation elsewhere, followed by capitalised common English words ("Harbourton
    // Comets Home games" after "the Harbourton Comets"): the organisation's name ends where the common words begin;
    // they describe what follows, no part of the name (one name, one span).
    if (lex != nullptr && r.e - r.b >= 3 && !r.title_word) {
      for (uint32_t k = r.e - 1; k >= r.b + 2; --k) {
        if (!common_word(k, NameLexicon::kMaxTier) || given_at(k) || ta.tokens[k].all_caps ||
            ta.tokens[k].span.length < 3 ||
            (cue(k) & (bit(NameCue::org_suffix) | bit(NameCue::loc_suffix) | bit(NameCue::connector))) != 0)
          break;
        auto t = type_of.find(fold(words_of(r.b, k)));
        if (t != type_of.end() && t->second == EntityType::organization) {
          r.e = k;
          break;
        }
      }
    }
    const int32_t weak = weak_at[r.b];
    const uint32_t possessive_e = elliptic_possessive(r);
    std::string key = fold(words_of(r.b, r.e));
    std::string last = words_of(r.e - 1, r.e);
    const uint32_t before = r.b > 0 && sentence_of[r.b - 1] == sentence_of[r.b] ? cue(r.b - 1) : 0;
    if (r.title_word) {
      if (by_surname.count(key) == 0) continue;
      r.type = EntityType::person;
      r.rule = "surname";
      r.typed = true;
      place_run(r);
      continue;
    }
    if ((before & (bit(NameCue::title) | bit(NameCue::honorific))) != 0 && !team_like_words(r.b, r.e)) {
      r.type = EntityType::person;
      r.rule = "name:title";
    } else if (r.e - r.b >= 2 && is(NameCue::org_suffix, last)) {
      r.type = EntityType::organization;
      r.rule = "name:org-suffix";
    } else if (firm_ampersand(r.b, r.e)) {
      r.type = EntityType::organization;
      r.rule = "name:ampersand";
    } else if (by_surname.count(key) == 0 && short_org_at(r.b, r.e)) {
      r.type = EntityType::organization;  // "Kellow Falls State" after "Kellow Falls State University"
      r.rule = "name:short-form";
    } else if (possessive_e != 0 && !person_evidence(r) && !given_at(r.b) && by_surname.count(key) == 0 &&
               !(r.b > 0 && sentence_of[r.b - 1] == sentence_of[r.b] &&
                 std::find(std::begin(kCopulas), std::end(kCopulas), norm(r.b - 1)) != std::end(kCopulas)) &&
               by_given.count(key) == 0 && (!type_of.contains(key) || type_of.at(key) == EntityType::organization)) {
      // "shopped at Hallam's and Dorrit's", "Hallam's was sold in 1990": a possessive that stands alone names a
      // shop, a bar or a restaurant, an organisation; the possessive is part of its name. A person the article
      // names ("Ben Hallam" ... "Hallam's, too") keeps the words, and after a copula the possessive is a person's
      // ownership ("the idea was Tarvel's").
      r.e = possessive_e;
      r.type = EntityType::organization;
      r.rule = "name:possessive";
    } else if (r.e - r.b >= 2 && is(NameCue::loc_suffix, last) && org_context(r) && weak < 0 &&
               !gazetteer_place(words_of(r.b, r.e), true)) {
      // "toured with Brisk Lake and ...", "signed for Quenby Lake": an `org_context` cue before a name that ends in
      // a place word and is no place the gazetteer knows (and no place preposition's reading) names a band, a team
      // or a firm
      r.type = EntityType::organization;
      r.rule = "name:org-context";
    } else if (r.e - r.b >= 2 && (is(NameCue::loc_suffix, last) || has(r.b, NameCue::loc_head))) {
      r.type = EntityType::location;
      r.rule = "name:place-word";
    } else if (auto t = type_of.find(key); t != type_of.end()) {
      r.type = t->second;
      r.rule = "name:same-words";
    } else if (by_surname.count(key) != 0) {
      r.type = EntityType::person;
      r.rule = "surname";
    } else if (r.e - r.b == 1 && by_given.count(key) != 0) {
      r.type = EntityType::person;
      r.rule = "given-name";
    } else if (const std::string one = r.e - r.b == 1 && ta.tokens[r.b].all_caps ? words_of(r.b, r.e) : std::string();
               !one.empty() && one.size() <= 6 && (acronym(one) || call_sign(one)) && !state_code(one)) {
      // One ALL-CAPS word cut from a list ("the ACLU and the parents", "ISAP, ILPAP and ETHEL"): an acronym, as
      // for a run of its own.
      r.type = EntityType::organization;
      r.rule = "name:acronym";
    } else if (const uint32_t party_e = party_before_role(r); party_e != 0) {
      r.e = party_e;
      r.type = EntityType::organization;  // "a Liberal member", "the Labor MP": a party before a political role noun
      r.rule = party_e < n_tokens && has(party_e, NameCue::org_role) && !has(party_e, NameCue::party_role)
                   ? "name:org-role"  // "Vantorel shareholders", "Brisgow fans": a firm's or a team's people
                   : "name:party";
    } else if (weak >= 0 && common_weak(r)) {
      left_out.push_back(r);  // "a degree in Information Technology", "the prize in Physiology": no place
      continue;
    } else if (weak >= 0 && !common_one_word(r) && !(name_shaped(r) && person_evidence(r)) && !person_list_item(r)) {
      // (a name with a person's evidence, a given name first, a particle or an initial, is that person:
      // "wrote to Anna Kowal", "went to Joost van der Brugge")
      r.type = EntityType::location;  // the actor index's reading after a place preposition or a visit verb
      const std::string& weak_rule = doc.mentions[static_cast<size_t>(weak)].rule;
      r.rule = weak_rule == "place-visit"   ? "name:place-visit"
               : weak_rule == "place-force" ? "name:place-force"
                                            : "name:place-preposition";
    } else if (weak >= 0 && !common_one_word(r) && !(name_shaped(r) && person_evidence(r))) {
      r.type = EntityType::person;  // an item of a list of people after a preposition (person_list_item)
      r.rule = "name:list";
    } else if (r.e - r.b == 1 && has(r.b, NameCue::given_name) && !ta.tokens[r.b].all_caps) {
      r.type = EntityType::person;  // "Hayley said": a given name alone
      r.rule = "given-name";
    } else if (company_word(r)) {
      r.type = EntityType::organization;  // "Samsung", "Safeway": a company the word list knows
      r.rule = "name:company";
    } else if (r.b > 0 && sentence_start[r.b - 1] == 0 && sentence_of[r.b - 1] == sentence_of[r.b] &&
               norm(r.b - 1) == "the" && ta.tokens[r.b - 1].capitalized && cover[r.b - 1] < 0 && !person_evidence(r)) {
      // "toured with The Lanterns", "wrote for The Courier": a capitalised "The" inside a sentence opens the
      // name of a band, a paper or a venue, an organisation (place_run takes "The" into the name).
      r.type = EntityType::organization;
      r.rule = "name:the";
    } else if (camel_case_inside(r) && !person_evidence(r)) {
      r.type = EntityType::organization;  // "StarLine", "NorthPoint Media": a company or brand spelling
      r.rule = "name:camel-case";
    } else if (const uint32_t c = person_evidence(r) ? 0 : class_noun(r); c != 0) {
      r.type = c == bit(NameCue::org_noun) ? EntityType::organization : EntityType::location;
      r.rule = "name:class-noun";  // "Harlowby is a village in ...", "Brixelmart, a retail chain"
    } else if (list_kind[r.b] != 0 && (list_kind[r.b] == static_cast<uint8_t>(EntityType::person) + 1 ||
                                       (!person_evidence(r) && !given_at(r.b)))) {
      r.type = static_cast<EntityType>(list_kind[r.b] - 1);  // "bands like Kellow Street", "guitarists such as Tovi"
      r.rule = "name:class-list";
    } else if (!person_evidence(r) && place_after_comma(r.e)) {
      r.type = EntityType::location;  // "<Name>, England", "<Name>, Ohio": a place and the country or state it is in
      r.rule = "name:place-comma";
    } else if (org_context(r) && !person_evidence(r)) {
      r.type = EntityType::organization;  // "signed with Northgate Pressing", "played for Harbour Town"
      r.rule = "name:org-context";
    } else if (r.e - r.b == 1 && listed_given_name(r)) {
      r.type = EntityType::person;  // "greeted Marisol": a given name of the word lists that is nothing else
      r.rule = "given-name";
    } else if (!common_one_word(r) && !frequent_one_word(r) &&
               (r.place_hint || gazetteer_place(words_of(r.b, r.e), false, 10000))) {
      r.type = EntityType::location;
      r.rule = "name:gazetteer";
    } else if (team_like_words(r.b, r.e)) {
      r.type = EntityType::organization;  // "Fremont Falcons", "Kellow Bay Herons"
      r.rule = "name:team";
    } else if (name_shaped(r) && person_evidence(r)) {
      r.type = EntityType::person;
      r.rule = "name:shape";
    } else if (name_shaped(r) && place_first(r)) {
      r.type = EntityType::organization;  // "Toronto Star", "Manchester United": a city's name and a word
      r.rule = "name:place-first";
    } else if ((r.e - r.b >= 2 || plural_word(r.b)) && r.b > 0 && sentence_of[r.b - 1] == sentence_of[r.b] &&
               norm(r.b - 1) == "the" && !ta.tokens[r.b - 1].capitalized && !(all_common(r) && !plural_word(r.e - 1))) {
      // "the Bowling Green Falcons", "the Perth Glory": a person's name does not follow "the". Common words
      // only and no plural noun last ("the Cold War", "the Middle East") name an event or a region as often.
      r.type = EntityType::organization;
      r.rule = "name:the";
    } else if (name_shaped(r) && !common_word_inside(r) && !all_common(r) && !common_first(r)) {
      // two to four capitalised words with no other cue, not all common English words ("Cold War"): a person,
      // unless no given name opens them and the plural of an English noun ends them ("Varrow Composites",
      // "Tellan Fisheries"): a firm's line of trade, no surname (a surname "Banks" or "Fields" follows a given name)
      const bool trade = !given_at(r.b) && plural_word(r.e - 1) && plural_of_noun(r.e - 1);
      r.type = trade ? EntityType::organization : EntityType::person;
      r.rule = trade ? "name:plural" : "name:shape";
    } else if (!person_evidence(r) && org_list_neighbour(r)) {
      r.type = EntityType::organization;  // "Kellmark, Dorvan Records and Tessly": an item of a list of organisations
      r.rule = "name:list";
    } else {
      left_out.push_back(r);  // perhaps an item of a list of places, once every place of the article is typed
      continue;
    }
    // a place word or the gazetteer, but an item of a list of organisations: "bands like Kellow Street and Marrowby"
    if (r.type == EntityType::location && (r.rule == "name:place-word" || r.rule == "name:gazetteer") &&
        list_kind[r.b] == static_cast<uint8_t>(EntityType::organization) + 1) {
      r.type = EntityType::organization;
      r.rule = "name:class-list";
    }
    r.typed = true;
    place_run(r);
  }

  // "Kowal, Dorn, Vasko and Brill": a piece of one or two words no rule typed, an item of a list of people (a comma,
  // "and" or "or" between items) with a person's name next to it and another person's name next to that one or on
  // its other side, is a person too (a common first word, "Rook Halvorsen", or one surname alone). Read twice in
  // text order, so an item typed here counts for the others.
  for (int pass = 0; pass < 2; ++pass)
    for (Run& r : left_out) {
      if (r.typed) continue;
      const uint32_t si = sentence_of[r.b];
      // common English words only ("Weather Report") are as often a band's name in a list of musicians
      if (!short_list_item(r) || ta.tokens[r.b].all_caps || all_common(r)) continue;
      auto person = [&](uint32_t k) {
        return k < n_tokens && sentence_of[k] == si && type_at[k] == static_cast<int8_t>(EntityType::person);
      };
      auto next_item = [&](uint32_t e) { return next_list_item(si, e); };
      auto prev_item = [&](uint32_t b) { return prev_list_item(si, b); };
      auto item_start = [&](uint32_t last) {  // back over the person's words
        while (last > 0 && person(last - 1)) --last;
        return last;
      };
      auto item_end = [&](uint32_t first) {
        while (first < n_tokens && person(first)) ++first;
        return first;
      };
      // the whole item: no capitalised word right before or after it ("Hilton" of "Paris Hilton", a place mention
      // first)
      auto capital_word = [&](uint32_t k) {
        return k < n_tokens && sentence_of[k] == si && word(k) && ta.tokens[k].capitalized;
      };
      if ((r.b > 0 && capital_word(r.b - 1)) || capital_word(r.e)) continue;
      const uint32_t after = next_item(r.e), before = prev_item(r.b);
      const bool p_after = person(after), p_before = person(before);
      bool list = p_after && p_before;
      if (!list && p_after) list = person(next_item(item_end(after)));
      if (!list && p_before) list = person(prev_item(item_start(before)));
      if (!list) continue;
      r.type = EntityType::person;
      r.rule = "name:list";
      r.typed = true;
      place_run(r);
    }
  // "extended to Tallowby and Exeter": a piece no rule typed, an item of a list of places after a preposition, read
  // after the loop so that a place typed later in the list ("Exeter", a place only once the article's people are
  // known) counts
  for (Run& r : left_out) {
    if (r.typed || person_evidence(r) || !place_list_neighbour(r)) continue;
    r.type = EntityType::location;
    r.rule = "name:list";
    r.typed = true;
    place_run(r);
  }

  // "The 212th was raised", "the 44th also crossed ...": an ordinal alone after "the" and before a never-name word
  // that is no preposition ("was", "also") is a numbered unit (a regiment, a wing, a district), an organisation (a
  // word in -ed after it is as often an adjective of a noun: "the 9th seeded player"). Before a noun it is an adjective
  // ("the 20th century"), after a word of time a date
  // ("on the 5th"), and a number with no ordinal ending is a count ("the 12 were freed").
  std::unordered_set<std::string> unit_ordinals;
  for (uint32_t k = 1; k + 1 < n_tokens; ++k) {
    const std::string_view w = norm(k);
    if (cover[k] >= 0 || type_at[k] >= 0 || !unit_number(w) || w.back() < 'a' || norm(k - 1) != "the" ||
        sentence_of[k - 1] != sentence_of[k] || sentence_of[k + 1] != sentence_of[k])
      continue;
    if (k >= 2 && sentence_of[k - 2] == sentence_of[k] &&
        std::find(std::begin(kTimePreps), std::end(kTimePreps), norm(k - 2)) != std::end(kTimePreps))
      continue;
    const std::string_view next = norm(k + 1);
    if (!word(k + 1) || ta.tokens[k + 1].capitalized || !has(k + 1, NameCue::not_name) || follows_head(next)) continue;
    place_run(Run{k, k + 1, true, EntityType::organization, "name:unit-number", false, false});
    unit_ordinals.emplace(w);
  }
  // One name, one type: an ordinal the article has named a unit is that unit again after "the" wherever no capitalised
  // word or organisation word follows it ("The 212th was raised ..." ... "the 212th marched north", "the 212th
  // along with ..."); a verb in -ed is then the unit's verb, no participle of a noun. Not after a word of time.
  for (uint32_t k = 1; !unit_ordinals.empty() && k + 1 < n_tokens; ++k) {
    if (cover[k] >= 0 || type_at[k] >= 0 || unit_ordinals.count(std::string(norm(k))) == 0 || norm(k - 1) != "the" ||
        sentence_of[k - 1] != sentence_of[k] || sentence_of[k + 1] != sentence_of[k])
      continue;
    if (k >= 2 && sentence_of[k - 2] == sentence_of[k] &&
        std::find(std::begin(kTimePreps), std::end(kTimePreps), norm(k - 2)) != std::end(kTimePreps))
      continue;
    if (ta.tokens[k + 1].capitalized || has(k + 1, NameCue::org_suffix) || has(k + 1, NameCue::unit)) continue;
    place_run(Run{k, k + 1, true, EntityType::organization, "name:unit-number", false, false});
  }

  // One name, one type: an acronym the name finder found (one ALL-CAPS word, no dictionary's) whose letters are the
  // initials of the capitalised words of an organisation's or a place's name the article gives ("the Tarrow Valley
  // Authority (TVA)", "the Kellow Space Center (KSC)") is that name's short form: its references go to that name's
  // entity and take its type. Two names with the same initials leave the acronym alone.
  {
    std::unordered_map<std::string, int32_t> by_initials;  // "KSC" -> entity, or -1 when two names share the letters
    for (const EntityReference& x : doc.references) {
      if (x.kind != ReferenceKind::name || x.entity < 0 || x.token_end - x.first_token < 2 ||
          doc.entities[static_cast<size_t>(x.entity)].type == EntityType::person)
        continue;
      std::string initials;
      for (uint32_t k = x.first_token; k < x.token_end; ++k) {
        if (!word(k) || !ta.tokens[k].capitalized) continue;
        const char c = ta.tokens[k].span.of(text)[0];
        if (c < 'A' || c > 'Z') {
          initials.clear();
          break;
        }
        initials += c;
      }
      if (initials.size() < 2) continue;
      auto [it, added] = by_initials.emplace(initials, x.entity);
      if (!added && it->second != x.entity) it->second = -1;
    }
    for (EntityReference& r : doc.references) {
      if (by_initials.empty()) break;
      if (r.kind != ReferenceKind::name || r.mention >= 0 || r.entity < 0 || r.token_end != r.first_token + 1 ||
          !ta.tokens[r.first_token].all_caps || (r.rule != "name:acronym" && r.rule != "name:same-words"))
        continue;
      std::string letters;
      for (char c : r.span.of(text))
        if (c >= 'A' && c <= 'Z') letters += c;
      auto it = by_initials.find(letters);
      if (it == by_initials.end() || it->second < 0 || it->second == r.entity) continue;
      left.push_back(r.entity);
      r.entity = it->second;
      r.rule = "name:acronym";
    }
  }

  // A place mention of one word that is the surname of a person the article names so ("George Washington" ...
  // "Washington said") refers to the person, unless a place preposition comes before it ("flew to Washington").
  for (EntityReference& x : doc.references) {
    if (x.kind != ReferenceKind::name || x.mention < 0 || x.token_end != x.first_token + 1 || x.entity < 0 ||
        doc.entities[static_cast<size_t>(x.entity)].type != EntityType::location)
      continue;
    const std::string surname = words_of(x.first_token, x.token_end);
    auto s = by_surname.find(fold(surname));
    if (s == by_surname.end() || by_name.count(type_key(EntityType::person, surname))) continue;
    // only after the person is named, and a country's own name only with a person's context after it
    // ("Prime Minister Luís Montenegro" ... "Montenegro said"; "Maria Jordan" ... "Jordan" is the country)
    if (doc.entities[static_cast<size_t>(s->second)].span.offset > x.span.offset ||
        (actors != nullptr && actors->is_country_name(surname) && !person_context_after(x.token_end)))
      continue;
    const std::string_view before = x.first_token > 0 ? norm(x.first_token - 1) : std::string_view();
    if (std::find(std::begin(kPlacePreps), std::end(kPlacePreps), before) != std::end(kPlacePreps)) continue;
    x.entity = s->second;
    x.rule = "surname";
  }

  // ---- 4. pronouns ----------------------------------------------------------------------------------------
  std::sort(doc.references.begin(), doc.references.end(),
            [](const EntityReference& a, const EntityReference& b) { return a.first_token < b.first_token; });
  std::vector<EntityReference> with_pronouns;
  with_pronouns.reserve(doc.references.size());
  std::unordered_map<int32_t, char> gender;  // entity -> 'm' / 'f' once a pronoun referred to it
  std::vector<uint8_t> in_ref(n_tokens, 0);
  for (const auto& r : doc.references)
    for (uint32_t k = r.first_token; k < r.token_end; ++k) in_ref[k] = 1;
  size_t next = 0;
  for (uint32_t k = 0; k < n_tokens; ++k) {
    while (next < doc.references.size() && doc.references[next].first_token <= k)
      with_pronouns.push_back(doc.references[next++]);
    if (cover[k] >= 0 || in_ref[k] != 0 || !word(k)) continue;
    uint32_t c = cue(k);
    char g = (c & bit(NameCue::pronoun_m)) != 0 ? 'm' : (c & bit(NameCue::pronoun_f)) != 0 ? 'f' : 0;
    if (g == 0) continue;
    for (size_t i = with_pronouns.size(); i-- > 0;) {
      const EntityReference& r = with_pronouns[i];
      if (r.sentence + 2 < sentence_of[k]) break;
      if (r.entity < 0 || doc.entities[static_cast<size_t>(r.entity)].type != EntityType::person) continue;
      auto gi = gender.find(r.entity);
      if (gi != gender.end() && gi->second != g) continue;
      gender[r.entity] = g;
      EntityReference p;
      p.span = ta.tokens[k].span;
      p.sentence = sentence_of[k];
      p.first_token = k;
      p.token_end = k + 1;
      p.kind = ReferenceKind::pronoun;
      p.entity = r.entity;
      p.rule = "pronoun";
      with_pronouns.push_back(std::move(p));
      break;
    }
  }
  doc.references = std::move(with_pronouns);

  // ---- 5. place words that name a person ------------------------------------------------------------------
  // A place or country mention lying inside a person's name ("novelist Jack London", "Prime Minister Luís
  // Montenegro") or standing for that person ("Montenegro said" after the full name) names no place: it becomes
  // a mention of the person, so the event coder reads the person (coded or not), not the place's country. So
  // does an office word that is the surname of a name ("Defence Secretary John Bishop": no churchman).
  // The place entity such a mention leaves with no mention and no reference is dropped (the entities after it
  // move down), so no place, country or story key of it is written.
  // Likewise a word of a region's name the gazetteer holds is part of the place's name: an agent word at its end
  // ("the occupied West Bank": no bankers), a smaller place ("West", a province of another country) or a country
  // ("Ireland" of "Northern Ireland", "Mexico" of "the Gulf of Mexico") becomes a mention of the region's place,
  // whose country is the region's own.
  // The actor index reads a compass-shaped word right before a state's name as a part of that state ("in Eastern
  // Chad" is Chad's); when the gazetteer holds the two words as a division, region or territory of another country
  // ("Northern Ireland" is GBR's, not IRL's), the words are that place, as when no preposition comes before them.
  // An index given the gazetteer already read them so, with the other country's code (ActorIndex::find); this
  // re-points the mention of an index that ran without it.
  if (gazetteer != nullptr)
    for (EntityReference& r : doc.references) {
      if (r.kind != ReferenceKind::name || r.mention < 0 || r.token_end - r.first_token != 2) continue;
      const Mention& m = doc.mentions[static_cast<size_t>(r.mention)];
      if ((m.kind != MentionKind::country && m.kind != MentionKind::location) || m.first_token != r.first_token ||
          m.token_end != r.token_end || m.actor.country.empty() || !ta.tokens[m.first_token].capitalized ||
          !direction_shape(norm(m.first_token)))
        continue;
      const std::string name = words_of(m.first_token, m.token_end);
      bool other_country = false;
      for (const GeoEntry& g : gazetteer->candidates(name, 10))
        if ((g.kind == geo::PlaceKind::admin1 || g.kind == geo::PlaceKind::region ||
             g.kind == geo::PlaceKind::territory) &&
            fold(g.name) == fold(name) && !g.country.empty() && g.country != m.actor.country) {
          other_country = true;
          break;
        }
      if (!other_country) continue;
      r.entity = new_entity(EntityType::location, name, r.span);
      r.rule = "name:gazetteer";
    }
  // A known name inside a longer organisation's name, after a capitalised word of it ("China" of "South China
  // Morning Post", "People's Defence Force" of "Uganda People's Defence Force"), is a word of that name: its mention
  // becomes a mention of the organisation (no code). A known name that opens the longer one ("China Daily", the
  // country's paper) or follows its "of" ("Bank of England") keeps its own reading, and so does a role or group
  // word (an agent: "Trading" of "Zenith Trading Company" names no actor).
  for (const EntityReference& r : doc.references) {
    if (r.kind != ReferenceKind::name || r.entity < 0 || r.mention >= 0 ||
        doc.entities[static_cast<size_t>(r.entity)].type != EntityType::organization ||
        (r.rule != "name:org-suffix" && r.rule != "name:org-head"))
      continue;
    for (uint32_t k = r.first_token + 1; k < r.token_end; ++k) {
      const int32_t at = cover[k];
      if (at < 0) continue;
      Mention& m = doc.mentions[static_cast<size_t>(at)];
      if (m.kind == MentionKind::person || m.kind == MentionKind::agent || m.first_token != k ||
          m.token_end > r.token_end || m.entity == r.entity || !word(k - 1) || !ta.tokens[k - 1].capitalized ||
          cover[k - 1] == at)
        continue;
      if (m.entity >= 0) left.push_back(m.entity);
      m.kind = MentionKind::organization;
      m.entity = r.entity;
      m.actor = Actor{};
      m.place.reset();
      m.rule = r.rule;
    }
  }
  for (const EntityReference& r : doc.references) {
    if (r.kind != ReferenceKind::name || r.entity < 0) continue;
    const EntityType type = doc.entities[static_cast<size_t>(r.entity)].type;
    const bool region = type == EntityType::location && r.rule == "name:gazetteer";
    if (type != EntityType::person && !region) continue;
    for (uint32_t k = r.first_token; k < r.token_end; ++k) {
      // a place after a preposition (weak: "in West Bank villages") is read so too
      const int32_t at = cover[k] >= 0 ? cover[k] : weak_at[k];
      if (at < 0) continue;
      Mention& m = doc.mentions[static_cast<size_t>(at)];
      // An office word after the first word of the name is its surname ("Tom King", "Anna Judge"): the title
      // words of a name come before it, and the name finder has already cut them off.
      const bool surname_title = m.kind == MentionKind::agent && m.first_token > r.first_token;
      if ((m.kind != MentionKind::location && m.kind != MentionKind::country && !surname_title) ||
          m.first_token < r.first_token || m.token_end > r.token_end)
        continue;
      if (m.entity >= 0 && m.entity != r.entity) left.push_back(m.entity);
      m.kind = region ? MentionKind::location : MentionKind::person;
      m.entity = r.entity;
      m.actor = Actor{};
      m.actor.code = doc.entities[static_cast<size_t>(r.entity)].code;
      // a region's mention is its place, with the region's own country ("Northern Ireland" is GBR's, not IRL's)
      if (region)
        m.place = doc.entities[static_cast<size_t>(r.entity)].place;
      else
        m.place.reset();
      m.rule = r.rule;
    }
  }
  // A known person's one-word surname or given name in the middle of a longer name the rules above found
  // ("Diab" of "Minister Aoun Diab Abdullah") names that other person (at either end it may be the known
  // person with a given name spelt otherwise, "Mohammed Buhari"), not the known one, unless the longer name opens
  // with the known person's own given name ("Hassan Ali Diab" for "Hassan Diab"): the mention becomes a mention
  // of the longer name's person (no code), as for a place above.
  for (size_t mi = 0; mi < doc.mentions.size(); ++mi) {
    Mention& m = doc.mentions[mi];
    if (loose[mi] == 0 || m.kind != MentionKind::person || m.entity < 0) continue;
    for (const EntityReference& r : doc.references) {
      if (r.kind != ReferenceKind::name || r.mention >= 0 || r.entity < 0 || r.entity == m.entity ||
          r.token_end - r.first_token < 3 || r.first_token >= m.first_token || r.token_end <= m.token_end ||
          doc.entities[static_cast<size_t>(r.entity)].type != EntityType::person)
        continue;
      const std::string& known = doc.entities[static_cast<size_t>(m.entity)].canonical;
      const std::string known_given = fold(std::string_view(known).substr(0, known.find(' ')));
      if (known.find(' ') != std::string::npos && known_given == fold(words_of(r.first_token, r.first_token + 1)))
        break;  // the given name agrees: the known person, written with a middle name
      left.push_back(m.entity);
      m.entity = r.entity;
      m.actor = Actor{};
      m.actor.code = doc.entities[static_cast<size_t>(r.entity)].code;
      m.rule = r.rule;
      break;
    }
  }
  if (!left.empty()) {
    std::vector<uint8_t> used(doc.entities.size(), 0);
    for (const Mention& m : doc.mentions)
      if (m.entity >= 0) used[static_cast<size_t>(m.entity)] = 1;
    for (const EntityReference& r : doc.references)
      if (r.entity >= 0) used[static_cast<size_t>(r.entity)] = 1;
    std::vector<uint8_t> drop(doc.entities.size(), 0);
    for (int32_t e : left) drop[static_cast<size_t>(e)] = used[static_cast<size_t>(e)] == 0 ? 1 : 0;
    std::vector<int32_t> index(doc.entities.size(), -1);
    std::vector<Entity> kept;
    kept.reserve(doc.entities.size());
    for (size_t e = 0; e < doc.entities.size(); ++e) {
      if (drop[e] != 0) continue;
      index[e] = static_cast<int32_t>(kept.size());
      kept.push_back(std::move(doc.entities[e]));
    }
    doc.entities = std::move(kept);
    for (Mention& m : doc.mentions)
      if (m.entity >= 0) m.entity = index[static_cast<size_t>(m.entity)];
    for (EntityReference& r : doc.references)
      if (r.entity >= 0) r.entity = index[static_cast<size_t>(r.entity)];
  }
}

}  // namespace dyad
