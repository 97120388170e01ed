#include "story/story.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "story/dedup.h"

namespace dyad {
namespace {

// How far from an event's date candidates are looked for: an expectation's
// window reaches kUndatedWindowDays past its date (plus a day of slack), an
// outcome may precede it by a day, and same_event() needs only +-1 day.
constexpr int kLinkSearchDays = kUndatedWindowDays + 2;

EventFacts facts_of(const EventCandidate& c) {
  return EventFacts{c.mode, c.date, c.date_basis, c.first_seen, c.location};
}

Result<std::string> find_original(Store& store, const Document& doc) {
  if (doc.fingerprint.empty()) return std::string();
  auto matches = store.fingerprint_matches(doc.fingerprint);
  if (!matches.ok()) return matches.error();
  const FingerprintMatch* best = nullptr;
  double best_resemblance = kNearDuplicateResemblance;
  for (const FingerprintMatch& m : *matches) {
    if (m.hash == doc.hash) continue;
    const double r = resemblance(m.fingerprint, doc.fingerprint);
    if (r > best_resemblance || (best == nullptr && r >= best_resemblance)) {  // oldest first: ties keep it
      best = &m;
      best_resemblance = r;
    }
  }
  if (best == nullptr) return std::string();
  return best->duplicate_of.empty() ? best->hash : best->duplicate_of;
}

// The stored events near one event: its match key, dates within
// kLinkSearchDays of its own. Read once per (key, date) before the document is
// stored and used for both merging and linking: storing the document adds or
// changes only events with the document's own ids, which linking skips.
class StoredNearby {
 public:
  explicit StoredNearby(Store& store) : store_(store) {}
  // nullptr for an undated event (it never merges or links); the Error of a failed read.
  Result<const std::vector<EventCandidate>*> of(const Event& ev) {
    const auto days = day_range(ev.date, kLinkSearchDays);
    if (!days) return static_cast<const std::vector<EventCandidate>*>(nullptr);
    std::string key = match_key(ev) + '|' + ev.date.iso();
    auto it = cache_.find(key);
    if (it == cache_.end()) {
      auto read = store_.events_by_key(match_key(ev), Date::from_days(days->first), Date::from_days(days->last));
      if (!read.ok()) return read.error();
      it = cache_.emplace(std::move(key), std::move(read.value())).first;
    }
    return &it->second;
  }

 private:
  Store& store_;
  std::unordered_map<std::string, std::vector<EventCandidate>> cache_;
};

// Gives each event the id of the event it reports, stored or earlier in this
// document; drops unmatched events of a copy.
Status merge_events(StoredNearby& nearby, Document& doc, StoryStats& stats) {
  std::unordered_map<std::string, std::vector<EventCandidate>> earlier;  // this document's events by key
  std::vector<Event> kept;
  kept.reserve(doc.events.size());
  for (Event& ev : doc.events) {
    auto stored = nearby.of(ev);
    if (!stored.ok()) return stored.error();
    if (*stored == nullptr) {  // an undated event never merges
      kept.push_back(std::move(ev));
      continue;
    }
    std::vector<EventCandidate>& mine = earlier[match_key(ev)];
    const EventFacts facts = facts_of(ev, doc.article.published);
    const EventCandidate* hit = nullptr;
    const std::vector<EventCandidate>* sources[] = {*stored, &mine};
    for (const std::vector<EventCandidate>* cands : sources) {
      for (const EventCandidate& c : *cands)
        if (hit == nullptr && same_event(facts, facts_of(c))) hit = &c;
    }
    if (hit == nullptr && !doc.duplicate_of.empty()) {
      // A copy reports what its original did, whatever dates its wording yields.
      for (const EventCandidate& c : **stored)
        if (hit == nullptr && c.mode == ev.mode) hit = &c;
      if (hit == nullptr) {
        ++stats.dropped;
        continue;
      }
    }
    if (hit != nullptr) {
      if (hit->id != ev.id) ++stats.merged;
      ev.id = hit->id;
    } else {
      mine.push_back(EventCandidate{ev.id, ev.mode, ev.date, ev.date_basis, doc.article.published, ev.location});
    }
    kept.push_back(std::move(ev));
  }
  doc.events = std::move(kept);
  return {};
}

// Statements (CAMEO 01x) are too generic to answer an expectation.
bool linkable(const Event& ev) { return ev.mode != EventMode::possible && !ev.cameo.starts_with("01"); }

Status make_links(Store& store, StoredNearby& nearby, Document& doc, StoryStats& stats) {
  std::set<std::string> mine_ids;
  for (const Event& ev : doc.events) mine_ids.insert(ev.id);
  std::set<std::string> done;
  for (const Event& ev : doc.events) {
    if (!done.insert(ev.id).second || !linkable(ev)) continue;
    auto cands = nearby.of(ev);
    if (!cands.ok()) return cands.error();
    if (*cands == nullptr) continue;
    const EventFacts mine = facts_of(ev, doc.article.published);
    for (const EventCandidate& c : **cands) {
      // An expectation is answered by another article, not by its own text.
      if (mine_ids.count(c.id) != 0) continue;
      const bool i_expect = ev.mode == EventMode::expected;
      const EventFacts theirs = facts_of(c);
      const std::string_view rel = i_expect ? link_relation(mine, theirs) : link_relation(theirs, mine);
      if (rel.empty()) continue;
      Link link{std::string(rel), i_expect ? ev.id : c.id, i_expect ? c.id : ev.id};
      auto made = store.link(link.relation, link.expected, link.outcome);
      if (!made.ok()) return made.error();
      if (!*made) continue;
      doc.links.push_back(std::move(link));
      ++stats.links;
    }
  }
  return {};
}

// What the article is about, for grouping: its events (weight 3), the actor
// pairs of its events, its named people and organisations and the countries of
// its places (weight 1 each).
std::map<std::string, int> story_keys(const Document& doc) {
  std::map<std::string, int> keys;
  for (const Event& ev : doc.events) {
    keys["e:" + ev.id] = 3;
    std::string a = actor_key(ev.source);
    std::string b = ev.target ? actor_key(*ev.target) : std::string();
    if (b < a) std::swap(a, b);
    keys.emplace("d:" + a + "|" + b, 1);
  }
  for (const Entity& e : doc.entities) {
    if (e.type == EntityType::location) {
      // The countries the article is set in or talks about.
      const std::string country = !e.code.empty() ? e.code.substr(0, 3) : e.place ? e.place->country : "";
      if (!country.empty()) keys.emplace("c:" + country, 1);
      continue;
    }
    // Proper names only: "spokesman" or "officials" say nothing about the story.
    const bool proper = !e.canonical.empty() && (static_cast<unsigned char>(e.canonical[0]) >= 0x80 ||
                                                 (e.canonical[0] >= 'A' && e.canonical[0] <= 'Z'));
    if (proper) keys.emplace("n:" + (e.code.empty() ? e.canonical : e.code + ":" + e.canonical), 1);
  }
  return keys;
}

// A story must share an event, or three lesser things, to take the article.
constexpr int kJoinScore = 3;

Status file_story(Store& store, Document& doc) {
  const std::map<std::string, int> keys = story_keys(doc);
  std::vector<std::string> names;
  names.reserve(keys.size());
  for (const auto& [k, w] : keys) names.push_back(k);
  Date from;
  Date to;
  if (doc.article.published.known()) {
    const std::chrono::days w{kStoryWindowDays};
    from = Date::from_days(doc.article.published.first_day() - w);
    to = Date::from_days(doc.article.published.last_day() + w);
  }
  auto rows = store.stories_with_keys(names, from, to);
  if (!rows.ok()) return rows.error();
  std::map<int64_t, int> score;
  for (const auto& [story, key] : *rows) score[story] += keys.at(key);
  int64_t best = 0;
  int best_score = kJoinScore - 1;
  for (const auto& [story, sc] : score)
    if (sc > best_score) {  // ordered by id: ties keep the oldest story
      best = story;
      best_score = sc;
    }
  std::string title = doc.article.title;
  if (title.empty() && !doc.text.sentences.empty())
    title = std::string(doc.text.sentences.front().span.of(doc.article.text).substr(0, 120));
  auto filed = store.file_in_story(best, doc.hash, title, doc.article.published, names);
  if (!filed.ok()) return filed.error();
  doc.story = *filed;
  return {};
}

}  // namespace

Result<StoryStats> file_document(Store& store, Document& doc) {
  StoryStats stats;
  doc.fingerprint = minhash(doc.text);
  if (store.contains(doc.hash)) return stats;
  auto original = find_original(store, doc);
  if (!original.ok()) return original.error();
  doc.duplicate_of = std::move(original.value());
  StoredNearby nearby(store);
  if (Status s = merge_events(nearby, doc, stats); !s.ok()) return s.error();
  if (Status s = store.put(doc); !s.ok()) return s.error();
  if (Status s = make_links(store, nearby, doc, stats); !s.ok()) return s.error();
  if (Status s = file_story(store, doc); !s.ok()) return s.error();
  return stats;
}

}  // namespace dyad
