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

// How far from an event's date candidates are looked for: same_event() allows
// +-1 day on each side; an expectation's window reaches kUndatedWindowDays
// past its date (plus a day of slack).
constexpr int kMergeSearchDays = 2;
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

// Gives each event the id of the event it reports, stored or earlier in this
// document; drops unmatched events of a copy.
Status merge_events(Store& store, Document& doc, StoryStats& stats) {
  std::unordered_map<std::string, std::vector<EventCandidate>> earlier;  // this document's events by key
  std::vector<Event> kept;
  kept.reserve(doc.events.size());
  for (Event& ev : doc.events) {
    const auto days = day_range(ev.date, kMergeSearchDays);
    if (!days) {  // an undated event never merges
      kept.push_back(std::move(ev));
      continue;
    }
    const std::string key = match_key(ev);
    auto stored = store.events_by_key(key, Date::from_days(days->first), Date::from_days(days->last), {ev.mode});
    if (!stored.ok()) return stored.error();
    std::vector<EventCandidate>& mine = earlier[key];
    const EventFacts facts = facts_of(ev, doc.article.published);
    const EventCandidate* hit = nullptr;
    const std::vector<EventCandidate>* sources[] = {&stored.value(), &mine};
    for (const std::vector<EventCandidate>* cands : sources) {
      for (const EventCandidate& c : *cands)
        if (hit == nullptr && same_event(facts, facts_of(c))) hit = &c;
    }
    if (hit == nullptr && !doc.duplicate_of.empty()) {
      // A copy reports what its original did, whatever dates its wording yields.
      const std::chrono::days wide{kLinkSearchDays};
      stored =
          store.events_by_key(key, Date::from_days(days->first - wide), Date::from_days(days->last + wide), {ev.mode});
      if (!stored.ok()) return stored.error();
      if (!stored->empty()) hit = &stored->front();
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

// The stored events that may answer `ev` (an expectation) or that `ev` (an
// outcome) may answer: the other side's modes, in the days link_relation() can accept.
Result<std::vector<EventCandidate>> link_candidates(Store& store, const Event& ev, const EventFacts& facts) {
  const std::string key = match_key(ev);
  if (ev.mode == EventMode::expected) {
    auto window = expectation_window(facts);
    if (!window) return std::vector<EventCandidate>{};
    if (const auto since = day_range(facts.published)) window->first = std::min(window->first, since->first);
    return store.events_by_key(key, Date::from_days(window->first), Date::from_days(window->last),
                               {EventMode::happened, EventMode::negated});
  }
  // An expectation's window reaches kLinkSearchDays past its own date; a
  // called-off report may come before the planned day.
  const auto days = day_range(ev.date, ev.mode == EventMode::negated ? kLinkSearchDays : 2);
  if (!days) return std::vector<EventCandidate>{};
  return store.events_by_key(key, Date::from_days(days->first - std::chrono::days{kLinkSearchDays}),
                             Date::from_days(days->last), {EventMode::expected});
}

Status make_links(Store& store, Document& doc, StoryStats& stats) {
  std::set<std::string> mine_ids;
  for (const Event& ev : doc.events) mine_ids.insert(ev.id);
  std::set<std::string> done;
  for (const Event& ev : doc.events) {
    if (!done.insert(ev.id).second || !linkable(ev)) continue;
    const EventFacts mine = facts_of(ev, doc.article.published);
    auto cands = link_candidates(store, ev, mine);
    if (!cands.ok()) return cands.error();
    for (const EventCandidate& c : *cands) {
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
  if (Status s = merge_events(store, doc, stats); !s.ok()) return s.error();
  if (Status s = store.put(doc); !s.ok()) return s.error();
  if (Status s = make_links(store, doc, stats); !s.ok()) return s.error();
  if (Status s = file_story(store, doc); !s.ok()) return s.error();
  return stats;
}

}  // namespace dyad
