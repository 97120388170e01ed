#include "pipeline/corpus.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <random>
#include <vector>

#include "core/date.h"
#include "knowledge/tsv.h"

namespace dyad {

struct CorpusGenerator::Impl {
  std::mt19937_64 rng;
  std::mt19937_64 copy_rng;  // every draw made for near-copies, so that the other articles do not change
  std::vector<std::string> leads, bodies, quotes, closes, updates;
  std::vector<std::string> actors;  // ready-made actor phrases
  std::vector<std::string> places;  // capitals

  static size_t pick(std::mt19937_64& r, size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(r); }
  size_t pick(size_t n) { return pick(rng, n); }
  const std::string& any(const std::vector<std::string>& v) { return v[pick(v.size())]; }

  std::string fill(const std::string& tpl, const std::string& a, const std::string& b) { return fill(rng, tpl, a, b); }

  std::string fill(std::mt19937_64& r, const std::string& tpl, const std::string& a, const std::string& b) {
    static constexpr std::array<const char*, 7> kDays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                         "Friday", "Saturday", "Sunday"};
    static constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                            "May",       "June",     "July",     "August",
                                                            "September", "October",  "November", "December"};
    static constexpr std::array<const char*, 4> kQuotes = {
        "This is a step in the right direction", "We will not accept threats against our people",
        "The door to dialogue remains open", "Our position has not changed"};
    std::string out;
    out.reserve(tpl.size() + 64);
    for (size_t i = 0; i < tpl.size(); ++i) {
      if (tpl[i] != '{') {
        out += tpl[i];
        continue;
      }
      size_t close = tpl.find('}', i);
      std::string slot = tpl.substr(i + 1, close - i - 1);
      i = close;
      if (slot == "A")
        out += a;
      else if (slot == "B")
        out += b;
      else if (slot == "PLACE")
        out += places[pick(r, places.size())];
      else if (slot == "DAY")
        out += kDays[pick(r, kDays.size())];
      else if (slot == "MONTH")
        out += kMonths[pick(r, kMonths.size())];
      else if (slot == "NUM")
        out += std::to_string(2 + pick(r, 400));
      else if (slot == "Q")
        out += kQuotes[pick(r, kQuotes.size())];
    }
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
  }
};

CorpusGenerator::CorpusGenerator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CorpusGenerator::~CorpusGenerator() = default;

Result<std::unique_ptr<CorpusGenerator>> CorpusGenerator::load(const std::string& data_dir, uint64_t seed) {
  auto impl = std::make_unique<Impl>();
  impl->rng.seed(seed);
  impl->copy_rng.seed(seed ^ 0x9e3779b97f4a7c15ULL);
  auto templates = TsvTable::read(data_dir + "/bench/templates.tsv", {"kind", "template"});
  if (!templates.ok()) return templates.error();
  for (const auto& row : templates->rows()) {
    std::string_view kind = templates->get(row, "kind");
    std::string text(templates->get(row, "template"));
    if (kind == "lead")
      impl->leads.push_back(text);
    else if (kind == "body")
      impl->bodies.push_back(text);
    else if (kind == "quote")
      impl->quotes.push_back(text);
    else if (kind == "close")
      impl->closes.push_back(text);
    else if (kind == "update")
      impl->updates.push_back(text);
    else
      return templates->error(row, "unknown template kind '" + std::string(kind) + "'");
  }
  if (impl->leads.empty() || impl->bodies.empty() || impl->quotes.empty() || impl->closes.empty() ||
      impl->updates.empty())
    return Error{templates->name(), 0, "every kind (lead, body, quote, close, update) needs at least one template"};

  auto countries = TsvTable::read(data_dir + "/knowledge/countries.tsv", {"name", "adjectives", "capital"});
  if (!countries.ok()) return countries.error();
  for (const auto& row : countries->rows()) {
    if (countries->get(row, "status") != "member") continue;
    auto adjectives = split_values(countries->get(row, "adjectives"));
    std::string name(countries->get(row, "name"));
    impl->actors.push_back(name);
    if (!adjectives.empty()) {
      std::string adj(adjectives.front());
      impl->actors.push_back("the " + adj + " government");
      impl->actors.push_back(adj + " police");
    }
    auto capitals = split_values(countries->get(row, "capital"));
    if (!capitals.empty()) impl->places.emplace_back(capitals.front());
  }
  for (const char* file : {"/knowledge/people_g20.tsv", "/knowledge/people_conflict.tsv"}) {
    auto people = TsvTable::read(data_dir + file, {"name", "title"});
    if (!people.ok()) return people.error();
    for (const auto& row : people->rows())
      impl->actors.push_back(std::string(people->get(row, "title")) + " " + std::string(people->get(row, "name")));
  }
  if (impl->actors.size() < 2 || impl->places.empty())
    return Error{data_dir, 0, "the knowledge files gave too few actors or places for a corpus"};
  return std::unique_ptr<CorpusGenerator>(new CorpusGenerator(std::move(impl)));
}

namespace {

// One generated article, kept while it may still be copied.
struct Generated {
  uint64_t index = 0;
  size_t source = 0;
  int64_t day = 0;  // days after 2023-01-01
  std::string a, b, title;
  std::vector<std::vector<std::string>> paragraphs;  // sentences; the first paragraph is the lead
};

std::string text_of(const Generated& g) {
  std::string text;
  for (const auto& paragraph : g.paragraphs) {
    if (!text.empty()) text += '\n';
    for (size_t s = 0; s < paragraph.size(); ++s) text += (s > 0 ? " " : "") + paragraph[s];
  }
  return text;
}

}  // namespace

std::vector<CorpusGenerator::Copy> CorpusGenerator::write_jsonl(uint64_t n, std::ostream& out, double copies) {
  Impl& g = *impl_;
  static constexpr std::array<const char*, 5> kSources = {"Example Wire", "Northern Ledger", "Harbor Times",
                                                          "Meridian Post", "Continental Dispatch"};
  // A copy's original is one of the last kRecent originals: about three days of articles.
  static constexpr size_t kRecent = 3 * kArticlesPerDay;
  const auto first = Date::ymd(2023, 1, 1).first_day();
  std::vector<Copy> made;
  std::vector<Generated> recent;  // a ring of the last kRecent originals
  uint64_t originals = 0;
  std::uniform_real_distribution<double> share(0.0, 1.0);
  for (uint64_t i = 0; i < n; ++i) {
    // Every article is drawn from the main stream, copies too (and then replaced), so the articles that are not
    // copies are those of the corpus without copies.
    Generated art;
    art.index = i;
    art.a = g.any(g.actors);
    art.b = g.any(g.actors);
    const std::string& a = art.a;
    std::string& b = art.b;
    if (b == a) b = g.actors[(g.pick(g.actors.size()) + 1) % g.actors.size()];
    art.paragraphs.push_back({g.fill(g.any(g.leads), a, b)});
    size_t paragraphs = 3 + g.pick(5);
    for (size_t p = 0; p < paragraphs; ++p) {
      auto& paragraph = art.paragraphs.emplace_back();
      size_t sentences = 1 + g.pick(3);
      for (size_t s = 0; s < sentences; ++s) {
        const auto& pool = g.pick(4) == 0 ? g.quotes : g.bodies;
        paragraph.push_back(g.fill(g.any(pool), g.pick(2) == 0 ? a : b, g.pick(2) == 0 ? b : a));
      }
    }
    art.paragraphs.push_back({g.fill(g.any(g.closes), a, b)});
    art.day = std::max<int64_t>(0, static_cast<int64_t>(i / kArticlesPerDay) - static_cast<int64_t>(g.pick(3)));
    art.source = g.pick(kSources.size());
    art.title = g.fill(g.any(g.leads), a, b);

    const bool copy = copies > 0 && !recent.empty() && share(g.copy_rng) < copies;
    if (copy) {
      const Generated& original = recent[Impl::pick(g.copy_rng, recent.size())];
      made.push_back({i, original.index});
      Generated c = original;
      c.index = i;
      c.source = (original.source + 1 + Impl::pick(g.copy_rng, kSources.size() - 1)) % kSources.size();
      c.day = original.day + static_cast<int64_t>(Impl::pick(g.copy_rng, 2));
      // One sentence after the lead gets a clause: "..., officials said." Sentences that end in a quotation or
      // any mark but a full stop are left as they are.
      std::vector<std::string*> plain;
      for (size_t p = 1; p < c.paragraphs.size(); ++p)
        for (std::string& s : c.paragraphs[p])
          if (s.size() > 2 && s.back() == '.' && s[s.size() - 2] != '"') plain.push_back(&s);
      const std::string& tpl = g.updates[Impl::pick(g.copy_rng, g.updates.size())];
      std::string clause = g.fill(g.copy_rng, tpl, original.a, original.b);
      if (tpl[0] >= 'a' && tpl[0] <= 'z') clause[0] = tpl[0];  // fill() capitalises; the clause goes mid-sentence
      if (!plain.empty()) {
        std::string& s = *plain[Impl::pick(g.copy_rng, plain.size())];
        s.pop_back();
        s += ", " + clause + ".";
      } else {
        c.paragraphs.back().push_back(clause + ".");
      }
      art = std::move(c);
    } else if (copies > 0) {
      if (recent.size() < kRecent)
        recent.push_back(art);
      else
        recent[originals % kRecent] = art;
      ++originals;
    }

    Date published = Date::from_days(first + std::chrono::days(static_cast<int>(art.day)));
    nlohmann::json j{{"id", "gen-" + std::to_string(i)},
                     {"url", "https://example.org/gen/" + std::to_string(i)},
                     {"source", kSources[art.source]},
                     {"published", published.iso()},
                     {"title", art.title},
                     {"text", text_of(art)}};
    out << j.dump() << '\n';
  }
  return made;
}

}  // namespace dyad
