// The document model: the plain data every stage reads and writes.
//
// An Article owns its text (UTF-8, NFC). Everything found in it refers back
// to that text by Span {offset, length} in bytes, so evidence is always a
// slice of what was read and nothing is copied between stages. Stages pass
// these structures and nothing else.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace dyad {

/// A byte range into an article's text.
struct Span {
  uint32_t offset = 0;
  uint32_t length = 0;
  [[nodiscard]] uint32_t end() const { return offset + length; }
  [[nodiscard]] bool empty() const { return length == 0; }
  [[nodiscard]] std::string_view of(std::string_view text) const { return text.substr(offset, length); }
  friend bool operator==(const Span&, const Span&) = default;
};

/// Where the article's publication date came from.
enum class DateOrigin : uint8_t {
  unknown,  // nothing said when it was published
  input,    // the input gave it (JSONL field, meta tag, feed, --published)
  text,     // read off the text itself (e.g. the latest dated embedded post)
};

/// One news article as read from the input.
struct Article {
  std::string id;  // from the input, else derived from file name / position
  std::string url;
  std::string source;  // outlet or feed name
  Date published;      // may be unknown
  DateOrigin published_origin = DateOrigin::unknown;
  std::string title;
  std::string text;      // UTF-8, NFC-normalised body text; paragraphs separated by '\n'
  std::string metadata;  // JSON object text of any other input fields, "{}" if none
  std::string origin;    // "file" or "file:line" the article came from, for messages
};

enum class TokenKind : uint8_t {
  word,         // letters, possibly with digits, inner apostrophes, hyphens or periods ("U.S.", "Xi's")
  number,       // 1,200  3.5  90  2024
  punctuation,  // . , ; : ! ? quotes brackets dashes …
  symbol,       // emoji, currency and other symbols
  url,          // http://…, www.…, pic.twitter.com/…
  handle,       // @name
  hashtag,      // #name
};

/// A token: a span of the article text plus its kind and a normalised form
/// (case-folded, typographic apostrophes and quotes made plain) stored in
/// the owning TextAnalysis's arena.
struct Token {
  Span span;
  Span norm;  // into TextAnalysis::arena
  TokenKind kind = TokenKind::word;
  bool capitalized = false;   // first letter is upper case
  bool all_caps = false;      // every letter upper case (and at least two letters)
  bool space_before = false;  // white space (or start of text) precedes it
};

/// Flags on a sentence; a flagged sentence is kept for the record but never coded.
enum SentenceFlag : uint8_t {
  kHeadline = 1U << 0,         // a paragraph with no final punctuation (headline, caption, dateline)
  kBoilerplate = 1U << 1,      // "Follow X on Twitter", "Sign up for ...", copyright lines
  kByline = 1U << 2,           // "By Jane Doe", "Reporting by ..."
  kPost = 1U << 3,             // part of an embedded social-media post
  kPostAttribution = 1U << 4,  // the "— Name (@handle) May 16, 2024" line itself
};

struct Sentence {
  Span span;
  uint32_t first_token = 0;  // index into TextAnalysis::tokens
  uint32_t token_count = 0;
  uint32_t paragraph = 0;  // 0-based paragraph number
  int32_t post = -1;       // index into TextAnalysis::posts when kPost
  uint8_t flags = 0;
  [[nodiscard]] bool codable() const { return (flags & (kBoilerplate | kByline | kPostAttribution)) == 0; }
};

/// An embedded social-media post pasted into the article.
struct Post {
  Span span;           // the whole post: body and attribution line
  Span body;           // the post's own text
  std::string handle;  // without '@'
  std::string name;    // display name as printed
  Date date;
  std::string url;  // a pic.twitter.com/… or status link in the body, if any
};

/// What the text layer makes of an article.
struct TextAnalysis {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Post> posts;
  std::vector<Span> paragraphs;
  std::string arena;  // normalised token forms

  [[nodiscard]] std::string_view norm(const Token& t) const { return t.norm.of(arena); }
};

// ---- what later stages find (filled by knowledge, events, gkg) -------------

/// An actor as coded: the words, and CAMEO codes where known.
struct Actor {
  std::string text;       // the words in the article ("Russian President Vladimir Putin")
  std::string canonical;  // resolved name ("Vladimir Putin"), empty if unresolved
  std::string code;       // full CAMEO actor code ("RUSGOV"), empty if unknown
  std::string country;    // CAMEO/ISO-3 country part ("RUS")
  std::string sector;     // primary sector ("GOV")
  Span span;
};

struct Place {
  std::string name;
  std::string country;  // ISO-3
  double lat = 0;       // with lon: 0, 0 until the gazetteer places it
  double lon = 0;
  int64_t geonameid = 0;  // 0 when not from GeoNames
  Span span;
  /// Whether the place has coordinates. The knowledge stage names a place ("in Harbin",
  /// a capital) before the gazetteer resolves it; such a place is only a name (and maybe a
  /// country) and must not be written out as the point 0, 0.
  [[nodiscard]] bool located() const { return geonameid != 0 || lat != 0 || lon != 0; }
};

enum class EntityType : uint8_t { person, organization, location };
std::string_view to_string(EntityType t);

/// A named entity mention, resolved within the article.
struct Entity {
  EntityType type = EntityType::person;
  Span span;
  std::string canonical;
  std::string code;            // CAMEO actor code, if any
  std::optional<Place> place;  // for locations with coordinates
};

/// What kind of thing a mention names.
enum class MentionKind : uint8_t {
  person,        // a person (known or found from name shape and titles)
  organization,  // IGO, NGO, armed group, company, media, party
  country,       // a country or its government by name, adjective, capital or metonym
  agent,         // a role or group word, possibly with a country ("Chinese police", "the defence minister")
  location,      // a place that is not acting as an actor
};
std::string_view to_string(MentionKind k);

/// An actor or place found in the text by the knowledge stage. Token indexes
/// are into TextAnalysis::tokens; a mention never crosses a sentence.
struct Mention {
  uint32_t sentence = 0;
  uint32_t first_token = 0;
  uint32_t token_end = 0;  // one past the last token
  Span span;
  MentionKind kind = MentionKind::person;
  Actor actor;                 // codes as valid on the article's date (empty for plain locations)
  std::optional<Place> place;  // for locations (and capitals used as places)
  std::string rule;            // which dictionary entry matched ("people_g20.tsv:212")
  int32_t entity = -1;         // index into Document::entities (in-article coreference)
  /// Further codes of a dictionary entry that stands for several actors at once (a TABARI
  /// entry "[KEN/UGA]" is KEN and UGA): the event coder codes each; usually empty.
  std::vector<std::string> also_codes;
};

/// How a reference names its entity.
enum class ReferenceKind : uint8_t {
  name,       // a proper name: "Vladimir Putin", "Putin", "Hua Chunying", "Kremlin", "Harbin"
  role,       // a role noun resolved to its holder: "the Russian leader", "the defence minister"
  pronoun,    // a personal pronoun resolved to the most recent compatible person: "he", "her"
  adjective,  // a country adjective or demonym: "Russian", "Chinese"
};
std::string_view to_string(ReferenceKind k);

/// One reference to an entity (issue 5): every name of a person, organisation or place in the text,
/// whether the dictionaries know it or it was found from titles, name shapes and context, and role
/// nouns and pronouns resolved within the article. Token indexes are into TextAnalysis::tokens.
/// References are not actors: the event coder reads Document::mentions; a reference points to the
/// actor mention it lies in, when there is one.
struct EntityReference {
  Span span;  // the words that refer: for names the name alone ("Vladimir Putin" of "President Vladimir Putin")
  uint32_t sentence = 0;
  uint32_t first_token = 0;
  uint32_t token_end = 0;  // one past the last token
  ReferenceKind kind = ReferenceKind::name;
  int32_t entity = -1;   // index into Document::entities
  int32_t mention = -1;  // index into Document::mentions when the words lie in an actor mention
  std::string rule;      // why ("people_g20.tsv:212", "name:title", "name:org-suffix", "surname", "pronoun")
};

enum class EventMode : uint8_t { happened, expected, negated, possible };
std::string_view to_string(EventMode m);

/// A coded event with its evidence.
struct Event {
  std::string id;  // stable: derived from article hash + span + code
  Actor source;
  std::optional<Actor> target;
  std::string cameo;   // "042" (leading zero kept)
  std::string plover;  // "CONSULT"
  int quad_class = 0;  // 1-4
  double goldstein = 0;
  EventMode mode = EventMode::happened;
  std::string attributed_to;  // speaker when only claimed in reported speech
  Date date;                  // resolved date (precision says how precise)
  std::string date_basis;     // "article", "expression", ...
  std::optional<Place> location;
  uint32_t sentence = 0;  // index into TextAnalysis::sentences
  Span span;              // the words that carry the event
  std::string rule;       // the pattern / rule that fired
};

struct Quote {
  Span span;           // the quoted words, without the quote marks
  Actor speaker;       // may be empty
  std::string verb;    // verb of saying ("said", "told reporters", "according to")
  bool scare = false;  // a scare quote, not a quotation
};

struct Amount {
  double value = 0;
  std::string unit;    // "percent", "USD", "" ...
  std::string object;  // what is counted ("payments", "civilians")
  Span span;
};

/// Tone in GDELT's V1.5TONE form, kept as word counts so that sentence tones
/// add up exactly to an article's. Percentages are of `words` (0 when there are
/// none). Filled by the tone stage (src/tone, docs/tone.md).
struct Tone {
  uint32_t words = 0;             // word tokens
  uint32_t positive_words = 0;    // lexicon hits scored positive (after negation)
  uint32_t negative_words = 0;    // lexicon hits scored negative (after negation)
  uint32_t polar_words = 0;       // every lexicon hit, zero-valued entries included
  uint32_t activity_words = 0;    // words of data/tone/activity.tsv
  uint32_t self_group_words = 0;  // words of data/tone/pronouns.tsv
  int32_t valence = 0;            // sum of the lexicon's -5..+5 values (after negation)

  [[nodiscard]] double percent(uint32_t n) const { return words == 0 ? 0.0 : 100.0 * n / words; }
  /// GDELT "Tone": positive score minus negative score, -100..+100.
  [[nodiscard]] double tone() const { return positive() - negative(); }
  [[nodiscard]] double positive() const { return percent(positive_words); }
  [[nodiscard]] double negative() const { return percent(negative_words); }
  [[nodiscard]] double polarity() const { return percent(polar_words); }
  [[nodiscard]] double activity() const { return percent(activity_words); }
  [[nodiscard]] double self_group() const { return percent(self_group_words); }
  Tone& operator+=(const Tone& o);
};

/// How a stance marker frames an actor.
enum class StanceKind : uint8_t {
  epithet,      // a pejorative or distancing label ("regime", "so-called")
  loaded_verb,  // a judging verb of saying ("claimed", "insisted", "admitted")
  hedge,        // a distancing adverb ("allegedly")
  scare_quote,  // a Quote with scare = true
};
std::string_view to_string(StanceKind k);

/// A marker of the writer's stance, attached to the nearest actor mention of
/// its sentence. Never coded as an event.
struct StanceMarker {
  StanceKind kind = StanceKind::epithet;
  uint32_t sentence = 0;  // index into TextAnalysis::sentences
  Span span;              // the marker's words (for a scare quote, the quoted words)
  std::string word;       // the entry that matched, case-folded ("regime", "lashed out"); a scare quote's words
  int32_t mention = -1;   // index into Document::mentions, -1 when the sentence names no actor
  Actor actor;            // that mention's actor (text, canonical, code), empty when none
};

/// A link between an expected event and a later report that bears on it.
struct Link {
  std::string relation;  // "confirms" or "contradicts"
  std::string expected;  // event id of the expectation
  std::string outcome;   // event id of the happened / negated event
};

/// Everything dyad knows about one article after coding.
struct Document {
  Article article;
  std::string hash;  // content_hash() of the article's text and identity; the store key
  TextAnalysis text;
  std::vector<Mention> mentions;  // in text order
  std::vector<Entity> entities;
  std::vector<EntityReference> references;  // in text order; every name, role noun and pronoun of an entity
  std::vector<Event> events;
  std::vector<Quote> quotes;
  std::vector<Amount> amounts;
  std::optional<Tone> tone;          // over the codable sentences; nullopt when no lexicon was loaded
  std::vector<Tone> sentence_tone;   // one per sentence when `tone` is set, else empty
  std::vector<StanceMarker> stance;  // in text order (scare quotes after the words)

  // Across articles (filled by the story stage when a store is used):
  std::vector<uint32_t> fingerprint;  // MinHash of the words (story/dedup.h), empty when too short
  std::string duplicate_of;           // hash of the stored article this one copies, "" if none
  std::vector<Link> links;            // links this article's events made
  int64_t story = 0;                  // the story thread the article joined, 0 = none
};

}  // namespace dyad
