// The endpoints of `dyad serve` (docs/api.md).
//
// Design: routing is a split of the path into segments and a switch on them
// (no regex, no file system: nothing but these answers can be served). Every
// parameter is checked against the endpoint's list before anything is read:
// an unknown or repeated name, a date that does not parse, a limit outside
// 1..kMaxLimit is a 400 naming it. Filters go to the store as EventQuery /
// StoryQuery fields (prepared statements there); pagination of events is done
// by the store (LIMIT/OFFSET and count_events); stories and expectations are
// few and are paged here.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <vector>

#include "api/api.h"
#include "output/records.h"
#include "story/report.h"

namespace dyad::api {
namespace {

using nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

Response json_response(const json& j, int status = 200) { return Response{status, "application/json", dump(j)}; }

Response error_response(int status, const std::string& message) {
  return json_response(json{{"error", message}}, status);
}

// A bad request: thrown while reading parameters, answered with 400.
struct BadRequest {
  std::string message;
};

class Args {
 public:
  Args(const Params& params, std::initializer_list<std::string_view> allowed) : params_(params) {
    std::set<std::string_view> seen;
    for (const auto& [name, value] : params) {
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        std::string list;
        for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        throw BadRequest{"unknown parameter '" + name + "'" +
                         (list.empty() ? " (none allowed)" : " (allowed: " + list + ")")};
      }
      if (!seen.insert(name).second) throw BadRequest{"parameter '" + name + "' given more than once"};
    }
  }

  [[nodiscard]] std::string text(const std::string& name, size_t max_length = 200) const {
    auto it = params_.find(name);
    if (it == params_.end()) return {};
    if (it->second.size() > max_length)
      throw BadRequest{"parameter '" + name + "' is longer than " + std::to_string(max_length) + " bytes"};
    return it->second;
  }

  [[nodiscard]] std::optional<uint64_t> number(const std::string& name, uint64_t lo, uint64_t hi) const {
    const std::string v = text(name, 20);
    if (v.empty()) return std::nullopt;
    uint64_t n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size() || n < lo || n > hi)
      throw BadRequest{"parameter '" + name + "' must be a whole number from " + std::to_string(lo) + " to " +
                       std::to_string(hi) + ", not '" + v + "'"};
    return n;
  }

  [[nodiscard]] std::optional<Date> date(const std::string& name) const {
    const std::string v = text(name, 20);
    if (v.empty()) return std::nullopt;
    auto d = parse_date(v);
    if (!d || !d->known())
      throw BadRequest{"parameter '" + name + "' is not a date (YYYY-MM-DD, YYYY-MM or YYYY): '" + v + "'"};
    return d;
  }

  // A value made only of letters, digits and `extra`.
  [[nodiscard]] std::string word(const std::string& name, size_t max_length, std::string_view extra = "") const {
    std::string v = text(name, max_length);
    for (char c : v)
      if (!std::isalnum(static_cast<unsigned char>(c)) && extra.find(c) == std::string_view::npos)
        throw BadRequest{"parameter '" + name + "' has an unexpected character: '" + v + "'"};
    return v;
  }

  [[nodiscard]] size_t limit() const { return number("limit", 1, kMaxLimit).value_or(kDefaultLimit); }
  [[nodiscard]] size_t offset() const { return number("offset", 0, 1'000'000'000).value_or(0); }

 private:
  const Params& params_;
};

std::optional<EventMode> parse_mode(const std::string& v) {
  for (auto m : {EventMode::happened, EventMode::expected, EventMode::negated, EventMode::possible})
    if (to_string(m) == v) return m;
  return std::nullopt;
}

// The JSONL event record (output/records.h) plus what the store merged across reports.
// With a codebook, also the CAMEO code's name.
json event_json(const StoredEvent& se, const Codebook* codebook) {
  json j = event_record(se.event, se.article_id, se.sentence_text);
  const CameoEntry* entry = codebook != nullptr ? codebook->find(se.event.cameo) : nullptr;
  j["cameo_name"] = entry != nullptr ? json(entry->name) : json(nullptr);
  j["article_hash"] = se.article_hash;
  j["num_mentions"] = se.num_mentions;
  j["num_articles"] = se.num_articles;
  j["num_sources"] = se.num_sources;
  j["first_seen"] = se.first_seen.empty() ? json(nullptr) : json(se.first_seen);
  j["last_seen"] = se.last_seen.empty() ? json(nullptr) : json(se.last_seen);
  j["avg_tone"] = se.avg_tone ? json(*se.avg_tone) : json(nullptr);
  return j;
}

json page(json items, uint64_t total, size_t limit, size_t offset) {
  return json{{"total", total}, {"limit", limit}, {"offset", offset}, {"items", std::move(items)}};
}

json article_json(const StoredArticle& a, bool with_text) {
  const Article& art = a.article;
  json j{{"id", art.id},
         {"hash", a.hash},
         {"url", art.url},
         {"source", art.source},
         {"title", art.title},
         {"published", art.published.known() ? json(art.published.iso()) : json(nullptr)},
         {"date_precision", std::string(to_string(art.published.precision))},
         {"ingested_at", a.ingested_at}};
  json meta = json::parse(art.metadata.empty() ? std::string("{}") : art.metadata, nullptr, false);
  j["metadata"] = meta.is_discarded() ? json::object() : meta;
  if (with_text) j["text"] = art.text;
  return j;
}

// The evidence sentence cut around the event's span: before / match / after
// (byte spans into the article; the sentence is found in the article text as
// the occurrence that holds the span).
json evidence_json(const std::string& article_text, const std::string& sentence, Span span) {
  json j{{"before", sentence}, {"match", ""}, {"after", ""}, {"sentence_offset", nullptr}};
  if (sentence.empty()) return j;
  for (size_t at = article_text.find(sentence); at != std::string::npos; at = article_text.find(sentence, at + 1)) {
    if (span.offset < at || span.offset + span.length > at + sentence.size()) continue;
    const size_t lo = span.offset - at;
    j["before"] = sentence.substr(0, lo);
    j["match"] = sentence.substr(lo, span.length);
    j["after"] = sentence.substr(lo + span.length);
    j["sentence_offset"] = at;
    break;
  }
  return j;
}

json link_json(const StoredLink& l, const Codebook* cb) {
  return json{
      {"relation", l.relation}, {"expected", event_json(l.expected, cb)}, {"outcome", event_json(l.outcome, cb)}};
}

// Store errors become 500s with the store's message.
struct StoreFailure {
  std::string message;
};

template <typename T>
T checked(Result<T> r) {
  if (!r.ok()) throw StoreFailure{r.error().str()};
  return std::move(r.value());
}

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) out.emplace_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// One page of the events `q` selects, with the total of all pages (q.limit, q.offset).
json event_page(Store& store, const EventQuery& q, const Codebook* cb) {
  const uint64_t total = checked(store.count_events(q));
  json items = json::array();
  for (const StoredEvent& se : checked(store.events(q))) items.push_back(event_json(se, cb));
  return page(std::move(items), total, q.limit, q.offset);
}

std::optional<int64_t> story_id(const std::string& s) {
  int64_t n = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || end != s.data() + s.size() || n <= 0) return std::nullopt;
  return n;
}

}  // namespace

Service::Service(Store& store, const Knowledge* knowledge) : knowledge_(knowledge) { free_.push_back(&store); }

Service::Service(std::vector<std::unique_ptr<Store>> stores, const Knowledge* knowledge)
    : owned_(std::move(stores)), knowledge_(knowledge) {
  for (const auto& s : owned_) free_.push_back(s.get());
}

Service::Lease::Lease(Service& service) : service_(&service) {
  std::unique_lock lock(service.mutex_);
  service.returned_.wait(lock, [&] { return !service.free_.empty(); });
  store_ = service.free_.back();
  service.free_.pop_back();
}

void Service::Lease::release() {
  if (store_ == nullptr) return;
  {
    std::lock_guard lock(service_->mutex_);
    service_->free_.push_back(store_);
  }
  store_ = nullptr;
  service_->returned_.notify_one();
}

Response Service::get(std::string_view path, const Params& params) {
  const Codebook* cb = knowledge_ != nullptr ? &knowledge_->coder->codebook() : nullptr;
  try {
    const std::vector<std::string> seg = split_path(path);
    if (seg.empty() || (seg.size() == 1 && seg[0] == "index.html")) {
      Args args(params, {});
      return Response{200, "text/html; charset=utf-8", std::string(index_html())};
    }
    if (seg[0] != "api" || seg.size() < 2) return error_response(404, "no such page: " + std::string(path));
    const std::string& what = seg[1];

    if (what == "stats" && seg.size() == 2) {
      Args args(params, {});
      Lease conn(*this);
      Store& store = conn.store();
      const StoreCounts c = store.counts();
      const Date latest = checked(store.latest_published());
      const auto stories = checked(store.stories(StoryQuery{}));
      return json_response(json{{"articles", c.articles},
                                {"events", c.events},
                                {"mentions", c.mentions},
                                {"entities", c.entities},
                                {"references", c.references},
                                {"quotes", c.quotes},
                                {"posts", c.posts},
                                {"amounts", c.amounts},
                                {"links", c.links},
                                {"stories", stories.size()},
                                {"latest_published", latest.known() ? json(latest.iso()) : json(nullptr)},
                                {"schema_version", store.schema_version()}});
    }

    if (what == "codes" && seg.size() == 2) {
      Args args(params, {});
      json items = json::array();
      if (cb != nullptr)
        for (const CameoEntry& e : cb->entries())
          if (e.code.size() == 2) items.push_back(json{{"code", e.code}, {"name", e.name}});
      return json_response(json{{"roots", std::move(items)}});
    }

    if (what == "events" && seg.size() == 2) {
      Args args(params, {"actor", "cameo", "plover", "mode", "from", "to", "story", "article", "limit", "offset"});
      EventQuery q;
      q.actor = args.text("actor", 100);
      q.cameo = args.word("cameo", 4);
      q.plover = args.word("plover", 40, "_");
      q.article = args.text("article", 300);
      if (std::string m = args.text("mode", 20); !m.empty() && !(q.mode = parse_mode(m)))
        throw BadRequest{"parameter 'mode' must be happened, expected, negated or possible, not '" + m + "'"};
      q.from = args.date("from");
      q.to = args.date("to");
      q.story = static_cast<int64_t>(args.number("story", 1, INT64_MAX).value_or(0));
      q.limit = args.limit();
      q.offset = args.offset();
      Lease conn(*this);
      Store& store = conn.store();
      return json_response(event_page(store, q, cb));
    }

    if (what == "events" && (seg.size() == 3 || (seg.size() == 4 && seg[3] == "explain"))) {
      Args args(params, {});
      EventQuery q;
      q.id = seg[2];
      Lease conn(*this);
      Store& store = conn.store();
      auto found = checked(store.events(q));
      if (found.empty()) return error_response(404, "no stored event with id " + seg[2]);
      const StoredEvent& se = found.front();
      if (seg.size() == 4) {
        if (knowledge_ == nullptr) return error_response(404, "explanations are not available (no knowledge loaded)");
        auto stored = checked(store.article(se.article_hash));
        conn.release();
        if (!stored) return error_response(404, "the article of event " + se.event.id + " is not in the store");
        Document doc = code_article(*knowledge_, stored->article);
        const Event* again = nullptr;
        for (const Event& e : doc.events)
          if (e.id == se.event.id) again = &e;
        json j{{"id", se.event.id}, {"article", se.article_id}, {"recoded", again != nullptr}};
        j["text"] = again != nullptr ? knowledge_->coder->explain(doc, *again)
                                     : "the current knowledge no longer codes this event; as stored:\n  sentence: " +
                                           se.sentence_text + "\n  rule: " + se.event.rule;
        return json_response(j);
      }
      json j{{"event", event_json(se, cb)}};
      // Every mention, with its sentence cut around the matched words.
      q.each_mention = true;
      json mentions = json::array();
      std::map<std::string, std::string> texts;  // article hash -> text
      for (const StoredEvent& m : checked(store.events(q))) {
        auto t = texts.find(m.article_hash);
        if (t == texts.end()) {
          auto a = checked(store.article(m.article_hash));
          t = texts.emplace(m.article_hash, a ? a->article.text : std::string()).first;
        }
        mentions.push_back(json{{"article", m.article_id},
                                {"article_hash", m.article_hash},
                                {"sentence", m.event.sentence},
                                {"sentence_text", m.sentence_text},
                                {"span", span_json(m.event.span)},
                                {"rule", m.event.rule},
                                {"evidence", evidence_json(t->second, m.sentence_text, m.event.span)}});
      }
      j["mentions"] = std::move(mentions);
      json links = json::array();
      for (const StoredLink& l : checked(store.links_of_event(se.event.id))) links.push_back(link_json(l, cb));
      j["links"] = std::move(links);
      return json_response(j);
    }

    if (what == "stories" && seg.size() == 2) {
      Args args(params, {"actor", "from", "to", "limit", "offset"});
      StoryQuery q;
      q.actor = args.text("actor", 100);
      q.from = args.date("from");
      q.to = args.date("to");
      const size_t limit = args.limit();
      const size_t offset = args.offset();
      Lease conn(*this);
      Store& store = conn.store();
      const auto stories = checked(store.stories(q));
      json items = json::array();
      for (size_t i = offset; i < stories.size() && i < offset + limit; ++i) {
        const StoryInfo& s = stories[i];
        items.push_back(json{{"id", s.id},
                             {"title", s.title},
                             {"first", s.first.known() ? json(s.first.iso()) : json(nullptr)},
                             {"last", s.last.known() ? json(s.last.iso()) : json(nullptr)},
                             {"articles", s.articles},
                             {"events", s.events}});
      }
      return json_response(page(std::move(items), stories.size(), limit, offset));
    }

    if (what == "stories" && seg.size() == 3) {
      Args args(params, {"limit", "offset"});
      const auto id = story_id(seg[2]);
      if (!id) return error_response(404, "no story " + seg[2]);
      StoryQuery sq;
      sq.id = *id;
      const size_t limit = args.limit();
      const size_t offset = args.offset();
      Lease conn(*this);
      Store& store = conn.store();
      const auto found = checked(store.stories(sq));
      if (found.empty()) return error_response(404, "no story " + seg[2]);
      const StoryInfo& s = found.front();
      json j{{"id", s.id},
             {"title", s.title},
             {"first", s.first.known() ? json(s.first.iso()) : json(nullptr)},
             {"last", s.last.known() ? json(s.last.iso()) : json(nullptr)}};
      json articles = json::array();
      for (const StoredArticle& a : checked(store.story_articles(s.id))) articles.push_back(article_json(a, false));
      j["articles"] = std::move(articles);
      EventQuery eq;
      eq.story = s.id;
      eq.limit = limit;
      eq.offset = offset;
      j["events"] = event_page(store, eq, cb);
      json xs = json::array();
      for (const Expectation& x : checked(expectations(store, s.id))) {
        json links = json::array();
        for (const StoredLink& l : x.links) links.push_back(link_json(l, cb));
        xs.push_back(json{{"status", x.status}, {"event", event_json(x.event, cb)}, {"links", std::move(links)}});
      }
      j["expectations"] = std::move(xs);
      std::ostringstream md;
      if (Status st = write_story_markdown(store, s.id, md); !st.ok()) throw StoreFailure{st.error().str()};
      j["markdown"] = md.str();
      return json_response(j);
    }

    if (what == "expectations" && seg.size() == 2) {
      Args args(params, {"status", "story", "limit", "offset"});
      const std::string status = args.text("status", 20);
      if (!status.empty() && status != "pending" && status != "confirmed" && status != "contradicted" &&
          status != "unconfirmed")
        throw BadRequest{"parameter 'status' must be pending, confirmed, contradicted or unconfirmed, not '" + status +
                         "'"};
      const auto story = static_cast<int64_t>(args.number("story", 1, INT64_MAX).value_or(0));
      const size_t limit = args.limit();
      const size_t offset = args.offset();
      Lease conn(*this);
      Store& store = conn.store();
      auto all = checked(expectations(store, story));
      json items = json::array();
      uint64_t total = 0;
      for (const Expectation& x : all) {
        if (!status.empty() && x.status != status) continue;
        if (total++ < offset || items.size() >= limit) continue;
        json links = json::array();
        for (const StoredLink& l : x.links) links.push_back(link_json(l, cb));
        items.push_back(json{{"status", x.status}, {"event", event_json(x.event, cb)}, {"links", std::move(links)}});
      }
      return json_response(page(std::move(items), total, limit, offset));
    }

    if (what == "articles" && seg.size() >= 3) {
      // The id is the rest of the (decoded) path: input ids are often URLs, with '/' of their own.
      const std::string id(path.substr(path.find("articles/") + 9));
      Args args(params, {"limit", "offset"});
      const size_t limit = args.limit();
      const size_t offset = args.offset();
      Lease conn(*this);
      Store& store = conn.store();
      // The store key (hash) or the input id.
      auto a = checked(store.article(id));
      if (!a) a = checked(store.article_by_id(id));
      if (!a) return error_response(404, "no stored article with id or hash " + id);
      json j = article_json(*a, true);
      EventQuery q;
      q.article = a->article.id;
      q.limit = limit;
      q.offset = offset;
      j["events"] = event_page(store, q, cb);
      return json_response(j);
    }
    return error_response(404, "no such endpoint: " + std::string(path));
  } catch (const BadRequest& e) {
    return error_response(400, e.message);
  } catch (const StoreFailure& e) {
    return error_response(500, e.message);
  }
}

}  // namespace dyad::api
