#include "story/report.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <sstream>

#include "story/dedup.h"

namespace dyad {
namespace {

EventFacts facts_of(const StoredEvent& se) {
  return EventFacts{se.event.mode, se.event.date, se.event.date_basis, parse_date(se.first_seen).value_or(Date{}),
                    se.event.location};
}

std::string actor_label(const Actor& a) {
  std::string name = a.canonical.empty() ? a.text : a.canonical;
  return a.code.empty() ? name : a.code + " " + name;
}

std::string event_label(const Event& e) {
  std::string s = e.cameo + " " + e.plover + " · " + std::string(to_string(e.mode)) + " · " + actor_label(e.source);
  if (e.target) s += " → " + actor_label(*e.target);
  if (e.location) s += " · at " + e.location->name;
  return s;
}

// Who said a quote: the canonical name, else the words, else "unattributed".
std::string speaker_label(const Actor& s) {
  if (!s.canonical.empty()) return s.canonical;
  return s.text.empty() ? "unattributed" : s.text;
}

std::string evidence(const StoredEvent& se) {
  return se.article_id + " [" + std::to_string(se.event.span.offset) + "+" + std::to_string(se.event.span.length) +
         "] " + se.event.rule;
}

// Everything one story shows.
struct StoryView {
  StoryInfo info;
  std::vector<StoredArticle> articles;
  std::vector<StoredEvent> events;  // by date
  std::vector<Expectation> expected;
  std::vector<StoredQuote> quotes;
};

Result<StoryView> load_view(Store& store, int64_t story) {
  StoryView v;
  StoryQuery q;
  q.id = story;
  auto info = store.stories(q);
  if (!info.ok()) return info.error();
  if (info->empty()) return Error{"", 0, "no story " + std::to_string(story) + " in the store"};
  v.info = info->front();
  auto articles = store.story_articles(story);
  if (!articles.ok()) return articles.error();
  v.articles = std::move(articles.value());
  EventQuery eq;
  eq.story = story;
  auto events = store.events(eq);
  if (!events.ok()) return events.error();
  v.events = std::move(events.value());
  auto expected = expectations(store, story);
  if (!expected.ok()) return expected.error();
  v.expected = std::move(expected.value());
  auto quotes = store.quotes(story);
  if (!quotes.ok()) return quotes.error();
  v.quotes = std::move(quotes.value());
  return v;
}

std::string range_text(const Date& a, const Date& b) {
  if (!a.known()) return "undated";
  return a == b || !b.known() ? a.iso() : a.iso() + " – " + b.iso();
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Markdown: keep a sentence on one line.
std::string one_line(std::string_view s) {
  std::string out(s);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

}  // namespace

Result<std::vector<Expectation>> expectations(Store& store, int64_t story) {
  EventQuery q;
  q.mode = EventMode::expected;
  q.story = story;
  auto events = store.events(q);
  if (!events.ok()) return events.error();
  auto links = store.links(story);
  if (!links.ok()) return links.error();
  auto now = store.latest_published();
  if (!now.ok()) return now.error();
  std::multimap<std::string, StoredLink> by_expected;
  for (StoredLink& l : *links) by_expected.emplace(l.expected.event.id, std::move(l));
  std::vector<Expectation> out;
  for (StoredEvent& se : *events) {
    // A statement expected ("will say") is never linked, so it is neither
    // pending nor unconfirmed: it is not tracked as an expectation.
    if (!linkable(se.event)) continue;
    Expectation x;
    auto [lo, hi] = by_expected.equal_range(se.event.id);
    for (auto it = lo; it != hi; ++it) x.links.push_back(it->second);
    const bool confirmed = std::any_of(x.links.begin(), x.links.end(), [](const StoredLink& l) {
      return l.relation == "confirms" || l.relation == kConfirmsUndated;
    });
    if (confirmed) {
      x.status = "confirmed";
    } else if (!x.links.empty()) {
      x.status = "contradicted";
    } else {
      auto window = expectation_window(facts_of(se));
      if (!window) {
        // Undated (docs/story.md, "Undated expectations"): its story's days stand in for the article's, so it is
        // unconfirmed once the store is kUndatedWindowDays past the story's last day.
        auto last = store.story_last_date(se.article_hash);
        if (!last.ok()) return last.error();
        window = day_range(*last);
        if (window) window->last = window->last + std::chrono::days{kUndatedWindowDays};
      }
      const auto today = day_range(*now);
      x.status = window && today && window->last < today->first ? "unconfirmed" : "pending";
    }
    x.event = std::move(se);
    out.push_back(std::move(x));
  }
  return out;
}

Status write_story_markdown(Store& store, int64_t story, std::ostream& out) {
  auto view = load_view(store, story);
  if (!view.ok()) return view.error();
  const StoryView& v = *view;
  out << "# Story " << v.info.id << ": " << v.info.title << "\n\n";
  out << range_text(v.info.first, v.info.last) << " · " << v.info.articles << " articles · " << v.info.events
      << " events\n\n## Articles\n\n";
  for (const StoredArticle& a : v.articles)
    out << "- " << (a.article.published.known() ? a.article.published.iso() : "undated") << " `" << a.article.id << "` "
        << a.article.source << ": " << a.article.title << "\n";
  out << "\n## Timeline\n";
  std::string day = "-";
  for (const StoredEvent& se : v.events) {
    const std::string d = se.event.date.known() ? se.event.date.iso() : "undated";
    if (d != day) {
      out << "\n### " << d << "\n\n";
      day = d;
    }
    out << "- **" << event_label(se.event) << "** · " << se.num_mentions << " mentions in " << se.num_articles
        << " articles, " << se.num_sources << " sources · `" << se.event.id << "`\n";
    out << "  > " << one_line(se.sentence_text) << "\n  > — " << evidence(se) << "\n";
  }
  if (!v.expected.empty()) {
    out << "\n## Expectations\n\n";
    for (const Expectation& x : v.expected) {
      out << "- **" << x.status << "**: " << event_label(x.event.event) << " (" << x.event.event.date.iso() << ", `"
          << x.event.event.id << "`)\n";
      for (const StoredLink& l : x.links)
        out << "  - " << l.relation << " by `" << l.outcome.event.id << "` (" << l.outcome.article_id << ", "
            << l.outcome.event.date.iso() << "): " << one_line(l.outcome.sentence_text) << "\n";
    }
  }
  if (!v.quotes.empty()) {
    out << "\n## Quotes\n\n";
    for (const StoredQuote& q : v.quotes) {
      out << "- **" << speaker_label(q.quote.speaker) << "** (" << q.article_id << "): “" << one_line(q.text) << "”\n";
    }
  }
  return {};
}

Status write_story_html(Store& store, const std::vector<int64_t>& stories, std::ostream& out) {
  out << "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>dyad stories</title>\n"
         "<style>body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
         "h1{font-size:1.4rem;border-bottom:2px solid #ccc}h3{margin:1.2rem 0 .3rem;color:#555}"
         ".ev{margin:.4rem 0 .8rem}.code{font-family:monospace;background:#f3f3f3;padding:0 .25rem}"
         ".mode-expected{color:#a60}.mode-negated{color:#b00}.mode-possible{color:#66a}"
         "blockquote{margin:.2rem 0 0 1rem;color:#444;border-left:3px solid #ddd;padding-left:.6rem}"
         ".ev-meta{color:#777;font-size:.85rem}.status{font-weight:bold}</style></head><body>\n";
  for (int64_t id : stories) {
    auto view = load_view(store, id);
    if (!view.ok()) return view.error();
    const StoryView& v = *view;
    out << "<section id=\"story-" << v.info.id << "\"><h1>Story " << v.info.id << ": " << html_escape(v.info.title)
        << "</h1>\n<p>" << html_escape(range_text(v.info.first, v.info.last)) << " · " << v.info.articles
        << " articles · " << v.info.events << " events</p>\n<h2>Articles</h2><ul>\n";
    for (const StoredArticle& a : v.articles)
      out << "<li>" << (a.article.published.known() ? a.article.published.iso() : "undated") << " <span class=code>"
          << html_escape(a.article.id) << "</span> " << html_escape(a.article.source) << ": "
          << (a.article.url.empty()
                  ? html_escape(a.article.title)
                  : "<a href=\"" + html_escape(a.article.url) + "\">" + html_escape(a.article.title) + "</a>")
          << "</li>\n";
    out << "</ul>\n<h2>Timeline</h2>\n";
    std::string day = "-";
    for (const StoredEvent& se : v.events) {
      const std::string d = se.event.date.known() ? se.event.date.iso() : "undated";
      if (d != day) {
        out << "<h3>" << d << "</h3>\n";
        day = d;
      }
      out << "<div class=\"ev mode-" << to_string(se.event.mode) << "\" id=\"ev-" << se.event.id << "\"><b>"
          << html_escape(event_label(se.event)) << "</b> <span class=ev-meta>" << se.num_mentions << " mentions, "
          << se.num_articles << " articles, " << se.num_sources << " sources</span><blockquote>"
          << html_escape(se.sentence_text) << "<br><span class=ev-meta>" << html_escape(evidence(se))
          << "</span></blockquote></div>\n";
    }
    if (!v.expected.empty()) {
      out << "<h2>Expectations</h2><ul>\n";
      for (const Expectation& x : v.expected) {
        out << "<li><span class=status>" << x.status << "</span>: " << html_escape(event_label(x.event.event)) << " ("
            << x.event.event.date.iso() << ")";
        for (const StoredLink& l : x.links)
          out << "<br>" << l.relation << " by <a href=\"#ev-" << l.outcome.event.id << "\">"
              << html_escape(l.outcome.article_id) << "</a>: " << html_escape(l.outcome.sentence_text);
        out << "</li>\n";
      }
      out << "</ul>\n";
    }
    if (!v.quotes.empty()) {
      out << "<h2>Quotes</h2><ul>\n";
      for (const StoredQuote& q : v.quotes) {
        out << "<li><b>" << html_escape(speaker_label(q.quote.speaker)) << "</b> (" << html_escape(q.article_id)
            << "): “" << html_escape(q.text) << "”</li>\n";
      }
      out << "</ul>\n";
    }
    out << "</section>\n";
  }
  out << "</body></html>\n";
  return {};
}

Status write_links(Store& store, std::ostream& out) {
  auto all = expectations(store);
  if (!all.ok()) return all.error();
  if (all->empty()) {
    out << "no expected events stored\n";
    return {};
  }
  for (const Expectation& x : *all) {
    const StoredEvent& e = x.event;
    out << x.status << "  " << event_label(e.event) << "  expected " << e.event.date.iso() << "  [" << e.event.id
        << "]\n";
    out << "  expected:  " << one_line(e.sentence_text) << "  (" << e.article_id << ")\n";
    for (const StoredLink& l : x.links)
      out << "  " << l.relation << ":  " << one_line(l.outcome.sentence_text) << "  (" << l.outcome.article_id << ", "
          << l.outcome.event.date.iso() << ", " << to_string(l.outcome.event.mode) << ") [" << l.outcome.event.id
          << "]\n";
  }
  return {};
}

}  // namespace dyad
