#include "story/story.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
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
  auto matches = store.fingerprint_matches(doc.fingerprint, kMinSharedBands);  // the fewest a copy shares
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

// The modes a search wants: the event's own (merging), the other side's (linking).
using Modes = uint8_t;
constexpr Modes modes_of(EventMode m) { return static_cast<Modes>(1U << static_cast<unsigned>(m)); }
constexpr Modes kOutcomeModes = modes_of(EventMode::happened) | modes_of(EventMode::negated);
constexpr Modes kExpectedModes = modes_of(EventMode::expected);

// The stored events of the document's match keys, read once per document (Store::events_by_key) for every window
// its events need, merging and linking alike, instead of once per event and purpose.
//
// events_by_key returns the key's events of the given modes whose date interval overlaps [from, to], in stored
// order, so a read over a wider range holds every row of a narrower one, in the same order: get() filters the rows
// by the narrower range. The windows of one key and set of modes are coalesced where they overlap (one read for the
// usual document; a key reported at dates years apart is read as separate ranges, not as the years between).
// Reading before the document is stored is enough for the links too: storing it adds or changes only events with
// the document's own ids (new ones, or stored ones it merged into), and links skip those.
class KeyWindows {
 public:
  void want(const std::string& key, Modes modes, const DayRange& r) { wanted_[{key, modes}].push_back(r); }

  Status read(Store& store) {
    for (auto& [what, ranges] : wanted_) {
      const auto& [key, modes] = what;
      std::vector<EventMode> mode_list;
      for (EventMode m : {EventMode::happened, EventMode::expected, EventMode::negated, EventMode::possible})
        if ((modes & modes_of(m)) != 0) mode_list.push_back(m);
      std::sort(ranges.begin(), ranges.end(), [](const DayRange& a, const DayRange& b) { return a.first < b.first; });
      std::vector<Read>& reads = read_[what];
      for (const DayRange& r : ranges) {
        if (!reads.empty() && r.first <= reads.back().range.last) {
          reads.back().range.last = std::max(reads.back().range.last, r.last);
        } else {
          reads.push_back(Read{r, {}, {}});
        }
      }
      for (Read& x : reads) {
        auto rows = store.events_by_key(key, Date::from_days(x.range.first), Date::from_days(x.range.last), mode_list);
        if (!rows.ok()) return rows.error();
        x.rows = std::move(rows.value());
        for (const EventCandidate& c : x.rows) x.days.push_back(day_range(c.date).value_or(DayRange{}));
      }
    }
    return {};
  }

  // The stored events of `key` with one of `modes` whose date overlaps `r`, in stored order, as
  // events_by_key(key, r, modes) gave them before the document was stored. (key, modes, r) must have been wanted.
  std::vector<const EventCandidate*> get(const std::string& key, Modes modes, const DayRange& r) const {
    std::vector<const EventCandidate*> out;
    auto it = read_.find({key, modes});
    if (it != read_.end()) {
      for (const Read& x : it->second) {
        if (r.first < x.range.first || r.last > x.range.last) continue;
        for (size_t i = 0; i < x.rows.size(); ++i) {
          const EventCandidate& c = x.rows[i];
          if (c.date.known() && x.days[i].overlaps(r)) out.push_back(&c);
        }
        return out;
      }
    }
    assert(false && "KeyWindows::get: a window read_windows() did not want");
    return out;
  }

 private:
  struct Read {
    DayRange range;
    std::vector<EventCandidate> rows;
    std::vector<DayRange> days;  // each row's date as days
  };
  std::map<std::pair<std::string, Modes>, std::vector<DayRange>> wanted_;
  std::map<std::pair<std::string, Modes>, std::vector<Read>> read_;
};

// The window merge_events() searches for an event: +-kMergeSearchDays, or wider for a copy.
std::optional<DayRange> merge_window(const Event& ev) { return day_range(ev.date, kMergeSearchDays); }
DayRange copy_window(const DayRange& days) {
  const std::chrono::days wide{kLinkSearchDays};
  return DayRange{days.first - wide, days.last + wide};
}

// Gives each event the id of the event it reports, stored or earlier in this
// document; drops unmatched events of a copy.
Status merge_events(const KeyWindows& windows, Document& doc, StoryStats& stats) {
  std::unordered_map<std::string, std::vector<EventCandidate>> earlier;  // this document's events by key
  std::vector<Event> kept;
  kept.reserve(doc.events.size());
  for (Event& ev : doc.events) {
    const auto days = merge_window(ev);
    if (!days) {  // an undated event never merges
      kept.push_back(std::move(ev));
      continue;
    }
    const std::string key = match_key(ev);
    const std::vector<const EventCandidate*> stored = windows.get(key, modes_of(ev.mode), *days);
    std::vector<EventCandidate>& mine = earlier[key];
    const EventFacts facts = facts_of(ev, doc.article.published);
    // The closest in date of the events it may be (stored ones first on a tie): with the first found instead, the
    // order in which articles were filed chose between a plan for Thursday and one for Friday.
    const EventCandidate* hit = nullptr;
    long best_gap = 0;
    const auto consider = [&](const EventCandidate& c) {
      if (!same_event(facts, facts_of(c))) return;
      const long gap = std::labs(static_cast<long>((c.date.first_day() - ev.date.first_day()).count()));
      if (hit == nullptr || gap < best_gap) {
        hit = &c;
        best_gap = gap;
      }
    };
    for (const EventCandidate* c : stored) consider(*c);
    for (const EventCandidate& c : mine) consider(c);
    if (hit == nullptr && !doc.duplicate_of.empty()) {
      // A copy reports what its original did, whatever dates its wording yields.
      const std::vector<const EventCandidate*> wide = windows.get(key, modes_of(ev.mode), copy_window(*days));
      if (!wide.empty()) hit = wide.front();
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

// The days in which link_relation() can accept a stored event for `ev`: for an expectation, its window (from its
// article's date on, a called-off report may come before the planned day); for an outcome, the windows of the
// expectations it may answer (one reaches kLinkSearchDays past its own date).
std::optional<DayRange> link_window(const Event& ev, const EventFacts& facts) {
  if (ev.mode == EventMode::expected) {
    auto window = expectation_window(facts);
    if (!window) return std::nullopt;
    if (const auto since = day_range(facts.published)) window->first = std::min(window->first, since->first);
    return window;
  }
  const auto days = day_range(ev.date, ev.mode == EventMode::negated ? kLinkSearchDays : 2);
  if (!days) return std::nullopt;
  return DayRange{days->first - std::chrono::days{kLinkSearchDays}, days->last};
}

// The other side's modes.
Modes link_modes(const Event& ev) { return ev.mode == EventMode::expected ? kOutcomeModes : kExpectedModes; }

// The stored events that may answer `ev` (an expectation) or that `ev` (an
// outcome) may answer: the other side's modes, in the days link_relation() can accept.
std::vector<const EventCandidate*> link_candidates(const KeyWindows& windows, const Event& ev,
                                                   const EventFacts& facts) {
  const auto window = link_window(ev, facts);
  if (!window) return {};
  return windows.get(match_key(ev), link_modes(ev), *window);
}

// Every window merge_events() and make_links() will search, by key, read from the store.
Status read_windows(Store& store, const Document& doc, KeyWindows& windows) {
  for (const Event& ev : doc.events) {
    const std::string key = match_key(ev);
    if (const auto days = merge_window(ev)) {  // an undated event never merges
      windows.want(key, modes_of(ev.mode), *days);
      if (!doc.duplicate_of.empty()) windows.want(key, modes_of(ev.mode), copy_window(*days));
    }
    if (!linkable(ev)) continue;
    // (an undated expectation still links, from its article's date on)
    if (const auto w = link_window(ev, facts_of(ev, doc.article.published))) windows.want(key, link_modes(ev), *w);
  }
  return windows.read(store);
}

Status make_links(Store& store, const KeyWindows& windows, Document& doc, StoryStats& stats) {
  // The document's event ids, sorted (views of doc.events, which this function does not change), and for each event
  // whether it is the first with its id: two sets of strings cost a node and a string copy per event.
  std::vector<std::pair<std::string_view, size_t>> ids;
  ids.reserve(doc.events.size());
  for (size_t i = 0; i < doc.events.size(); ++i) ids.emplace_back(doc.events[i].id, i);
  std::sort(ids.begin(), ids.end());
  std::vector<bool> first_of_id(doc.events.size(), false);
  for (size_t j = 0; j < ids.size(); ++j)
    if (j == 0 || ids[j].first != ids[j - 1].first) first_of_id[ids[j].second] = true;
  const auto mine_id = [&](std::string_view id) {
    auto it =
        std::lower_bound(ids.begin(), ids.end(), id, [](const auto& x, std::string_view v) { return x.first < v; });
    return it != ids.end() && it->first == id;
  };
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& ev = doc.events[i];
    if (!first_of_id[i] || !linkable(ev)) continue;
    const EventFacts mine = facts_of(ev, doc.article.published);
    for (const EventCandidate* cand : link_candidates(windows, ev, mine)) {
      const EventCandidate& c = *cand;
      // An expectation is answered by another article, not by its own text.
      if (mine_id(c.id)) continue;
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

// Undated expectations (dedup.h, undated_expectation()) are found through their story: a story holding one holds the
// key "x:<match key>" (weight 0: it says nothing about what the article is about), and an article with a linkable
// happened event of that match key asks for it, so the costlier read of the story's expectations happens only when
// one may be answered.
const std::string kUndatedPrefix = "x:";

bool undated_in(const Event& ev, const Document& doc) {
  return linkable(ev) && undated_expectation(facts_of(ev, doc.article.published));
}
bool may_answer_undated(const Event& ev) { return linkable(ev) && ev.mode == EventMode::happened; }

// Files the article in a story; returns the match keys of undated expectations the chosen story already held that
// the article's happened events have.
Result<std::set<std::string>> file_story(Store& store, Document& doc) {
  std::map<std::string, int> keys = story_keys(doc);
  std::set<std::string> asked;  // "x:" keys only asked for, never filed by this article
  bool answers = false;
  for (const Event& ev : doc.events) {
    if (undated_in(ev, doc)) keys.emplace(kUndatedPrefix + match_key(ev), 0);
    answers = answers || may_answer_undated(ev);
  }
  if (answers) {
    // Undated expectations are rare: while no story holds one, there is nothing to ask for.
    auto any = store.holds_story_key_prefix(kUndatedPrefix);
    if (!any.ok()) return any.error();
    if (*any)
      for (const Event& ev : doc.events)
        if (may_answer_undated(ev)) asked.insert(kUndatedPrefix + match_key(ev));
  }
  std::vector<std::string> names;
  names.reserve(keys.size() + asked.size());
  for (const auto& [k, w] : keys) names.push_back(k);
  for (const std::string& k : asked)
    if (keys.count(k) == 0) names.push_back(k);
  // An undated article is taken to be as recent as the stored stories (docs/story.md, "Undated expectations"): it
  // joins only a story within kStoryWindowDays of that day, and gives a story it starts that day, so that neither a
  // story years old nor, later, a report years away can take it. In a store with no dated story it has no day.
  Date when = doc.article.published;
  if (!when.known()) {
    auto latest = store.latest_story_date();
    if (!latest.ok()) return latest.error();
    when = *latest;
  }
  Date from;
  Date to;
  if (when.known()) {
    const std::chrono::days w{kStoryWindowDays};
    from = Date::from_days(when.first_day() - w);
    to = Date::from_days(when.last_day() + w);
  }
  auto rows = store.stories_with_keys(names, from, to);
  if (!rows.ok()) return rows.error();
  std::map<int64_t, int> score;
  for (const auto& [story, key] : *rows) {
    auto it = keys.find(key);
    score[story] += it == keys.end() ? 0 : it->second;
  }
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
  // The keys the chosen story already holds (rows just read, in this transaction) need no INSERT: it would do nothing.
  // Keys only asked for are not filed.
  std::set<std::string> answerable;
  std::set<std::string_view> held;
  if (best != 0) {
    for (const auto& [story, key] : *rows) {
      if (story != best) continue;
      held.insert(key);
      if (asked.count(key) != 0) answerable.insert(key.substr(kUndatedPrefix.size()));
    }
  }
  names.erase(std::remove_if(names.begin(), names.end(),
                             [&](const std::string& k) { return held.count(k) != 0 || keys.count(k) == 0; }),
              names.end());
  auto filed = store.file_in_story(best, doc.hash, title, when, names);
  if (!filed.ok()) return filed.error();
  doc.story = *filed;
  return answerable;
}

// Links between undated expectations and happened events of one story (docs/story.md, "Undated expectations"): the
// article's own undated expectations to the story's stored happened events of their match key, and the article's
// happened events to the story's stored undated expectations of the keys `answerable` names (file_story()).
Status link_undated(Store& store, Document& doc, const std::set<std::string>& answerable, StoryStats& stats) {
  std::set<std::string> mine_ids;
  std::map<std::string, std::vector<const Event*>> expecting, answering;  // by match key, first of each id
  for (const Event& ev : doc.events) {
    if (!mine_ids.insert(ev.id).second) continue;
    if (undated_in(ev, doc)) expecting[match_key(ev)].push_back(&ev);
    if (may_answer_undated(ev) && answerable.count(match_key(ev)) != 0) answering[match_key(ev)].push_back(&ev);
  }
  const auto read = [&](EventMode mode) {
    EventQuery q;
    q.story = doc.story;
    q.mode = mode;
    return store.events(q);
  };
  const auto add = [&](const std::string& expected, const std::string& outcome) -> Status {
    auto made = store.link(kConfirmsUndated, expected, outcome);
    if (!made.ok()) return made.error();
    if (*made) {
      doc.links.push_back(Link{std::string(kConfirmsUndated), expected, outcome});
      ++stats.links;
    }
    return {};
  };
  const auto stored_facts = [](const StoredEvent& se) {
    return EventFacts{se.event.mode, se.event.date, se.event.date_basis, parse_date(se.first_seen).value_or(Date{}),
                      se.event.location};
  };
  // The stored events of `stored_mode` in the story, each with the article's events of its match key in `mine`:
  // the article's are the expectations when `mine_expected`, else the outcomes.
  const auto pair_with = [&](EventMode stored_mode, const std::map<std::string, std::vector<const Event*>>& mine,
                             bool mine_expected) -> Status {
    if (mine.empty()) return {};
    auto stored = read(stored_mode);
    if (!stored.ok()) return stored.error();
    for (const StoredEvent& se : *stored) {
      if (mine_ids.count(se.event.id) != 0 || !linkable(se.event)) continue;
      auto it = mine.find(match_key(se.event));
      if (it == mine.end()) continue;
      const EventFacts theirs = stored_facts(se);
      for (const Event* ev : it->second) {
        const EventFacts ours = facts_of(*ev, doc.article.published);
        const bool linked =
            !(mine_expected ? undated_link_relation(ours, theirs) : undated_link_relation(theirs, ours)).empty();
        if (!linked) continue;
        if (Status s = mine_expected ? add(ev->id, se.event.id) : add(se.event.id, ev->id); !s.ok()) return s;
      }
    }
    return {};
  };
  if (Status s = pair_with(EventMode::happened, expecting, true); !s.ok()) return s;
  return pair_with(EventMode::expected, answering, false);
}

}  // namespace

void prepare_document(Document& doc) { doc.fingerprint = minhash(doc.text); }

Result<StoryStats> file_document(Store& store, Document& doc) {
  StoryStats stats;
  // Empty: not prepared, or too short for one (then computing it again is cheap and gives empty again).
  if (doc.fingerprint.empty()) prepare_document(doc);
  if (store.contains(doc.hash)) return stats;
  auto original = find_original(store, doc);
  if (!original.ok()) return original.error();
  doc.duplicate_of = std::move(original.value());
  KeyWindows windows;
  if (Status s = read_windows(store, doc, windows); !s.ok()) return s.error();
  if (Status s = merge_events(windows, doc, stats); !s.ok()) return s.error();
  if (Status s = store.put(doc); !s.ok()) return s.error();
  if (Status s = make_links(store, windows, doc, stats); !s.ok()) return s.error();
  auto answerable = file_story(store, doc);
  if (!answerable.ok()) return answerable.error();
  if (Status s = link_undated(store, doc, *answerable, stats); !s.ok()) return s.error();
  return stats;
}

}  // namespace dyad
