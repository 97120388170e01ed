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
  std::vector<std::string> leads, bodies, quotes, closes;
  std::vector<std::string> actors;  // ready-made actor phrases
  std::vector<std::string> places;  // capitals

  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); }
  const std::string& any(const std::vector<std::string>& v) { return v[pick(v.size())]; }

  std::string fill(const std::string& tpl, const std::string& a, const std::string& b) {
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
        out += any(places);
      else if (slot == "DAY")
        out += kDays[pick(kDays.size())];
      else if (slot == "MONTH")
        out += kMonths[pick(kMonths.size())];
      else if (slot == "NUM")
        out += std::to_string(2 + pick(400));
      else if (slot == "Q")
        out += kQuotes[pick(kQuotes.size())];
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
    else
      return templates->error(row, "unknown template kind '" + std::string(kind) + "'");
  }
  if (impl->leads.empty() || impl->bodies.empty() || impl->quotes.empty() || impl->closes.empty())
    return Error{templates->name(), 0, "every kind (lead, body, quote, close) needs at least one template"};

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

void CorpusGenerator::write_jsonl(uint64_t n, std::ostream& out) {
  Impl& g = *impl_;
  static constexpr std::array<const char*, 5> kSources = {"Example Wire", "Northern Ledger", "Harbor Times",
                                                          "Meridian Post", "Continental Dispatch"};
  const auto first = Date::ymd(2023, 1, 1).first_day();
  for (uint64_t i = 0; i < n; ++i) {
    const std::string& a = g.any(g.actors);
    std::string b = g.any(g.actors);
    if (b == a) b = g.actors[(g.pick(g.actors.size()) + 1) % g.actors.size()];
    std::string text = g.fill(g.any(g.leads), a, b);
    size_t paragraphs = 3 + g.pick(5);
    for (size_t p = 0; p < paragraphs; ++p) {
      text += '\n';
      size_t sentences = 1 + g.pick(3);
      for (size_t s = 0; s < sentences; ++s) {
        if (s > 0) text += ' ';
        const auto& pool = g.pick(4) == 0 ? g.quotes : g.bodies;
        text += g.fill(g.any(pool), g.pick(2) == 0 ? a : b, g.pick(2) == 0 ? b : a);
      }
    }
    text += '\n' + g.fill(g.any(g.closes), a, b);
    const auto day = static_cast<int64_t>(i / kArticlesPerDay) - static_cast<int64_t>(g.pick(3));
    Date published = Date::from_days(first + std::chrono::days(static_cast<int>(std::max<int64_t>(0, day))));
    nlohmann::json j{{"id", "gen-" + std::to_string(i)},
                     {"url", "https://example.org/gen/" + std::to_string(i)},
                     {"source", kSources[g.pick(kSources.size())]},
                     {"published", published.iso()},
                     {"title", g.fill(g.any(g.leads), a, b)},
                     {"text", text}};
    out << j.dump() << '\n';
  }
}

}  // namespace dyad
