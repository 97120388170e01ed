// `dyad serve` end to end: the story fixtures and an article full of markup
// (tests/fixtures/) coded into a temporary store, served on an ephemeral port
// from a thread, and asked with httplib's client.
#include "api/api.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "pipeline/pipeline.h"
#include "support/bundled_knowledge.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const Knowledge& knowledge() { return testing_support::bundled_knowledge(); }

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("dyad-api-" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    const std::string db = (*dir_ / "s.db").string();
    RunOptions o;
    for (const char* f :
         {"story/preview_report.jsonl", "story/month.jsonl", "story/called_off.jsonl", "api/markup.jsonl"})
      o.inputs.push_back(std::string(DYAD_TEST_DIR "/fixtures/") + f);
    o.db_path = db;
    o.on_error = [](const Error& e) { ADD_FAILURE() << e.str(); };
    auto stats = run(knowledge(), o);
    ASSERT_TRUE(stats.ok()) << stats.error().str();
    articles_ = stats->articles;
    // A pool of three connections, fewer than the server's worker threads: requests wait for one.
    std::vector<std::unique_ptr<Store>> pool;
    for (int i = 0; i < 3; ++i) {
      auto store = Store::open_read_only(db);
      ASSERT_TRUE(store.ok()) << store.error().str();
      pool.push_back(std::move(store.value()));
    }
    db_ = new std::string(db);
    service_ = new api::Service(std::move(pool), &knowledge());
    api::ServerOptions so;
    so.port = 0;
    // The logger is called from the server's worker threads, several at once.
    so.log = [](const std::string& line) {
      std::lock_guard lock(log_mutex_);
      log_lines_.push_back(line);
    };
    server_ = new api::Server(*service_, so);
    auto port = server_->bind();
    ASSERT_TRUE(port.ok()) << port.error().str();
    port_ = *port;
    thread_ = new std::thread([] { server_->run(); });
    // Ready once it answers (no timing assertion: just wait for the first answer).
    httplib::Client c("127.0.0.1", port_);
    for (int i = 0; i < 500 && !c.Get("/api/stats"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  static void TearDownTestSuite() {
    if (server_ != nullptr) server_->stop();
    if (thread_ != nullptr) thread_->join();
    delete thread_;
    delete server_;
    delete service_;
    delete db_;
    fs::remove_all(*dir_);
    delete dir_;
  }

  // GET `target`; the status and the body parsed as JSON (null when it is not JSON).
  static std::pair<int, json> get(const std::string& target) {
    httplib::Client c("127.0.0.1", port_);
    // Generous timeouts: on a loaded machine httplib's default 300 ms connect timeout can expire.
    c.set_connection_timeout(std::chrono::seconds(20));
    c.set_read_timeout(std::chrono::seconds(60));
    auto r = c.Get(target.c_str());
    if (!r) return {0, json()};
    return {r->status, json::parse(r->body, nullptr, false)};
  }

  static json ok(const std::string& target) {
    auto [status, body] = get(target);
    EXPECT_EQ(status, 200) << target << ": " << body.dump();
    return body;
  }

  static inline fs::path* dir_ = nullptr;
  static inline std::string* db_ = nullptr;
  static inline api::Service* service_ = nullptr;
  static inline api::Server* server_ = nullptr;
  static inline std::thread* thread_ = nullptr;
  static inline int port_ = 0;
  static inline uint64_t articles_ = 0;
  static inline std::mutex log_mutex_;  // guards log_lines_
  static inline std::vector<std::string> log_lines_;

  static std::vector<std::string> logged() {
    std::lock_guard lock(log_mutex_);
    return log_lines_;
  }
};

std::set<std::string> ids(const json& items) {
  std::set<std::string> out;
  for (const json& e : items) out.insert(e["id"].get<std::string>());
  return out;
}

// Many clients at once, over a pool smaller than the server's worker threads, get
// exactly the answers one client gets alone; a one-connection service agrees too.
TEST_F(ApiTest, ConcurrentRequestsShareTheConnectionPool) {
  const std::vector<std::string> targets = {"/api/stats", "/api/events?limit=5", "/api/stories", "/api/expectations",
                                            "/api/events?mode=expected"};
  std::vector<std::string> want;
  for (const std::string& t : targets) want.push_back(ok(t).dump());
  std::vector<std::string> wrong[8];
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c)
    clients.emplace_back([&, c] {
      for (int round = 0; round < 5; ++round)
        for (size_t i = 0; i < targets.size(); ++i)
          if (auto [status, body] = get(targets[i]); status != 200 || body.dump() != want[i])
            wrong[c].push_back(targets[i] + " (status " + std::to_string(status) + ")");
    });
  for (std::thread& t : clients) t.join();
  for (const auto& w : wrong) EXPECT_TRUE(w.empty()) << w.front();

  auto one = Store::open_read_only(*db_);
  ASSERT_TRUE(one.ok());
  api::Service single(**one, &knowledge());
  for (size_t i = 0; i < targets.size(); ++i) {
    const std::string path = targets[i].substr(0, targets[i].find('?'));
    api::Params params;
    if (auto q = targets[i].find('?'); q != std::string::npos) {
      const std::string kv = targets[i].substr(q + 1);
      params.emplace(kv.substr(0, kv.find('=')), kv.substr(kv.find('=') + 1));
    }
    const api::Response r = single.get(path, params);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(json::parse(r.body).dump(), want[i]) << targets[i];
  }
}

TEST_F(ApiTest, StatsCountTheStore) {
  json s = ok("/api/stats");
  EXPECT_EQ(s["articles"], articles_);
  EXPECT_GT(s["events"].get<int>(), 5);
  EXPECT_GE(s["links"].get<int>(), 2);
  EXPECT_GE(s["stories"].get<int>(), 2);
  EXPECT_EQ(s["schema_version"], kSchemaVersion);
}

TEST_F(ApiTest, FiltersNarrowTheEvents) {
  json all = ok("/api/events?limit=1000");
  const int total = all["total"];
  ASSERT_EQ(all["items"].size(), static_cast<size_t>(total));
  EXPECT_EQ(all["limit"], 1000);
  EXPECT_EQ(all["offset"], 0);

  json consult = ok("/api/events?cameo=04&limit=1000");
  EXPECT_GT(consult["total"].get<int>(), 0);
  EXPECT_LT(consult["total"].get<int>(), total);
  for (const json& e : consult["items"]) EXPECT_EQ(e["cameo"].get<std::string>().substr(0, 2), "04");

  json expected = ok("/api/events?mode=expected");
  EXPECT_GT(expected["total"].get<int>(), 0);
  EXPECT_LT(expected["total"].get<int>(), total);
  for (const json& e : expected["items"]) EXPECT_EQ(e["mode"], "expected");

  json german = ok("/api/events?actor=DEU&limit=1000");
  EXPECT_GT(german["total"].get<int>(), 0);
  for (const json& e : german["items"]) {
    const bool src = e["source"]["code"].is_string() && e["source"]["code"].get<std::string>().rfind("DEU", 0) == 0;
    const bool tgt = e["target"].is_object() && e["target"]["code"].is_string() &&
                     e["target"]["code"].get<std::string>().rfind("DEU", 0) == 0;
    EXPECT_TRUE(src || tgt) << e.dump();
  }

  // The month fixture runs in April-May 2024; the preview pair in March.
  json april = ok("/api/events?from=2024-04-01&to=2024-04-30&limit=1000");
  EXPECT_GT(april["total"].get<int>(), 0);
  for (const json& e : april["items"]) EXPECT_EQ(e["date"].get<std::string>().substr(0, 7), "2024-04");

  json plover = ok("/api/events?plover=consult&limit=1000");
  EXPECT_GT(plover["total"].get<int>(), 0);
  for (const json& e : plover["items"]) EXPECT_EQ(e["plover"], "CONSULT");

  // Each total is the number of matching events (one page of 1000 holds them all here).
  for (const json* page : {&consult, &german, &april, &plover}) EXPECT_EQ((*page)["total"], (*page)["items"].size());
  json of_article = ok("/api/events?article=st-report&limit=1000");
  EXPECT_GT(of_article["total"].get<int>(), 0);
  EXPECT_EQ(of_article["total"], of_article["items"].size());
  for (const json& e : of_article["items"]) EXPECT_EQ(e["article"], "st-report");
}

TEST_F(ApiTest, PagesCoverTheResultOnceWithTheTotal) {
  json all = ok("/api/events?limit=1000");
  const size_t total = all["total"];
  ASSERT_GT(total, 4U);
  std::vector<std::string> paged;
  for (size_t offset = 0; offset < total; offset += 3) {
    json p = ok("/api/events?limit=3&offset=" + std::to_string(offset));
    EXPECT_EQ(p["total"], total);
    EXPECT_EQ(p["offset"], offset);
    EXPECT_EQ(p["items"].size(), std::min<size_t>(3, total - offset));
    for (const json& e : p["items"]) paged.push_back(e["id"]);
  }
  std::vector<std::string> whole;
  for (const json& e : all["items"]) whole.push_back(e["id"]);
  EXPECT_EQ(paged, whole);
  json past = ok("/api/events?offset=" + std::to_string(total));
  EXPECT_TRUE(past["items"].empty());
  EXPECT_EQ(past["total"], total);
}

TEST_F(ApiTest, AnnouncedVisitIsConfirmedByTheReport) {
  json confirmed = ok("/api/expectations?status=confirmed");
  ASSERT_GT(confirmed["total"].get<int>(), 0);
  const json* visit = nullptr;
  for (const json& x : confirmed["items"]) {
    EXPECT_EQ(x["status"], "confirmed");
    if (x["event"]["cameo"] == "042") visit = &x;
  }
  ASSERT_NE(visit, nullptr) << confirmed.dump();
  EXPECT_EQ((*visit)["event"]["article"], "st-preview");
  ASSERT_FALSE((*visit)["links"].empty());
  EXPECT_EQ((*visit)["links"][0]["relation"], "confirms");
  EXPECT_EQ((*visit)["links"][0]["outcome"]["article"], "st-report");

  // The called-off fixture contradicts its plan; every status listed is one of the four.
  json all = ok("/api/expectations?limit=1000");
  std::set<std::string> statuses;
  for (const json& x : all["items"]) statuses.insert(x["status"]);
  EXPECT_TRUE(statuses.count("contradicted")) << all.dump();
  for (const std::string& s : statuses)
    EXPECT_TRUE(s == "pending" || s == "confirmed" || s == "contradicted" || s == "unconfirmed") << s;
  json contradicted = ok("/api/expectations?status=contradicted");
  EXPECT_LT(contradicted["total"].get<int>(), all["total"].get<int>());
}

TEST_F(ApiTest, OneEventWithItsMentionsLinksAndExplanation) {
  json confirmed = ok("/api/expectations?status=confirmed");
  ASSERT_FALSE(confirmed["items"].empty());
  const std::string id = confirmed["items"][0]["event"]["id"];
  json e = ok("/api/events/" + id);
  EXPECT_EQ(e["event"]["id"], id);
  EXPECT_EQ(e["event"]["kind"], "event");
  ASSERT_FALSE(e["mentions"].empty());
  for (const json& m : e["mentions"]) {
    const json& ev = m["evidence"];
    // The highlighted words are the span, and the three parts are the sentence.
    EXPECT_EQ(ev["match"].get<std::string>().size(), m["span"]["length"].get<size_t>());
    EXPECT_FALSE(ev["match"].get<std::string>().empty());
    EXPECT_EQ(ev["before"].get<std::string>() + ev["match"].get<std::string>() + ev["after"].get<std::string>(),
              m["sentence_text"].get<std::string>());
    EXPECT_FALSE(m["rule"].get<std::string>().empty());
  }
  ASSERT_FALSE(e["links"].empty());
  EXPECT_EQ(e["links"][0]["relation"], "confirms");
  EXPECT_EQ(e["links"][0]["expected"]["id"], id);

  json x = ok("/api/events/" + id + "/explain");
  EXPECT_EQ(x["recoded"], true);
  EXPECT_NE(x["text"].get<std::string>().find(id), std::string::npos);
  EXPECT_NE(x["text"].get<std::string>().find("042"), std::string::npos);
}

TEST_F(ApiTest, StoriesAndArticles) {
  json stories = ok("/api/stories");
  ASSERT_GT(stories["total"].get<int>(), 0);
  const int64_t id = stories["items"][0]["id"];
  json s = ok("/api/stories/" + std::to_string(id));
  EXPECT_EQ(s["id"], id);
  EXPECT_FALSE(s["articles"].empty());
  EXPECT_GT(s["events"]["total"].get<int>(), 0);
  EXPECT_NE(s["markdown"].get<std::string>().find(s["title"].get<std::string>()), std::string::npos);

  json by_id = ok("/api/articles/st-report");
  EXPECT_EQ(by_id["id"], "st-report");
  EXPECT_EQ(by_id["source"], "Meridian Post");
  EXPECT_GT(by_id["events"]["total"].get<int>(), 0);
  for (const json& e : by_id["events"]["items"]) EXPECT_EQ(e["article"], "st-report");
  json by_hash = ok("/api/articles/" + by_id["hash"].get<std::string>());
  EXPECT_EQ(by_hash["id"], "st-report");
  EXPECT_EQ(ids(by_hash["events"]["items"]), ids(by_id["events"]["items"]));
}

TEST_F(ApiTest, UnknownIdsAre404) {
  EXPECT_EQ(get("/api/events/0000000000000000").first, 404);
  EXPECT_EQ(get("/api/events/0000000000000000/explain").first, 404);
  EXPECT_EQ(get("/api/stories/999999").first, 404);
  EXPECT_EQ(get("/api/stories/abc").first, 404);
  EXPECT_EQ(get("/api/articles/no-such-article").first, 404);
  EXPECT_EQ(get("/api/nothing").first, 404);
  auto [status, body] = get("/api/events/0000000000000000");
  EXPECT_TRUE(body["error"].is_string());
  // Nothing but the API and the page: no file is served, whatever the path.
  EXPECT_EQ(get("/etc/passwd").first, 404);
  EXPECT_EQ(get("/..%2f..%2fetc%2fpasswd").first, 404);
  EXPECT_EQ(get("/web/index.html").first, 404);
}

TEST_F(ApiTest, BadParametersAre400) {
  for (const char* target :
       {"/api/events?from=2024-13-45", "/api/events?to=yesterday", "/api/events?limit=0", "/api/events?limit=1001",
        "/api/events?limit=ten", "/api/events?offset=-1", "/api/events?mode=rumoured", "/api/events?colour=red",
        "/api/events?limit=1&limit=2", "/api/events?cameo=04'--", "/api/expectations?status=maybe", "/api/stats?x=1",
        "/api/stories?from=2024-02-30"}) {
    auto [status, body] = get(target);
    EXPECT_EQ(status, 400) << target;
    EXPECT_TRUE(body["error"].is_string()) << target;
  }
  // The message names the parameter.
  EXPECT_NE(get("/api/events?colour=red").second["error"].get<std::string>().find("colour"), std::string::npos);
}

TEST_F(ApiTest, OnlyGet) {
  httplib::Client c("127.0.0.1", port_);
  auto r = c.Post("/api/events", "x=1", "application/x-www-form-urlencoded");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
}

TEST_F(ApiTest, MarkupFromArticlesStaysData) {
  httplib::Client c("127.0.0.1", port_);
  auto r = c.Get("/api/articles/api-markup");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
  json a = json::parse(r->body);
  // Returned verbatim as JSON strings, for the page to insert as text.
  EXPECT_EQ(a["title"], "<script>alert('title')</script> Ruto hosts Museveni");
  EXPECT_EQ(a["source"], "Lakeside <b>Gazette</b>");
}

TEST_F(ApiTest, PageHasTheFormAndInsertsOnlyText) {
  httplib::Client c("127.0.0.1", port_);
  auto r = c.Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'none'"), std::string::npos);
  const std::string& page = r->body;
  EXPECT_EQ(page, std::string(api::index_html()));
  for (const char* part : {"<form id=\"filter\"", "name=\"actor\"", "name=\"cameo\"", "name=\"mode\"", "name=\"from\"",
                           "name=\"to\"", "/api/events", "/api/expectations", "el(\"mark\"", "/explain"})
    EXPECT_NE(page.find(part), std::string::npos) << part;
  // No external assets, and nothing from the store is parsed as markup.
  for (const char* bad :
       {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "http://", "https://", "src=\"", "<link"})
    EXPECT_EQ(page.find(bad), std::string::npos) << bad;
  EXPECT_NE(page.find("textContent"), std::string::npos);
}

TEST_F(ApiTest, EveryRequestIsLogged) {
  const size_t before = logged().size();
  ok("/api/stats");
  // The logger runs after the answer is written, and a line of an earlier test may still come in
  // first: wait for this request's line among the new ones, without a time limit assertion.
  auto logged_since = [&] {
    const std::vector<std::string> lines = logged();
    for (size_t i = before; i < lines.size(); ++i)
      if (lines[i].find("GET /api/stats 200") != std::string::npos) return true;
    return false;
  };
  for (int i = 0; i < 500 && !logged_since(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_TRUE(logged_since()) << ::testing::PrintToString(logged());
}

// A second server on the port the fixture's server listens on is refused (it bound anyway, sharing the port).
TEST_F(ApiTest, BusyPortIsAnError) {
  api::ServerOptions so;
  so.port = port_;
  api::Server second(*service_, so);
  auto bound = second.bind();
  ASSERT_FALSE(bound.ok());
  EXPECT_NE(bound.error().message.find("in use"), std::string::npos) << bound.error().str();
}

// ---- the store's read side used by the API ----

// An input id holding '/' (a URL, say) is found: the client sends it percent-encoded, the path
// arrives decoded, and the id is the whole rest of it (it was split at each '/', and 404).
TEST(ArticleById, IdWithSlashesIsFound) {
  const fs::path dir = fs::temp_directory_path() / ("dyad-api-slash-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path in = dir / "one.jsonl";
  std::ofstream(in) << R"({"id": "https://harbour.example/2024/07/ferry", "published": "2024-07-02", )"
                    << R"("text": "The mayor of Split met the port authority on Tuesday."})"
                    << "\n";
  const std::string db = (dir / "one.db").string();
  RunOptions o;
  o.inputs = {in.string()};
  o.db_path = db;
  ASSERT_TRUE(run(knowledge(), o).ok());
  auto store = Store::open_read_only(db);
  ASSERT_TRUE(store.ok()) << store.error().str();
  api::Service svc(**store, nullptr);
  api::Response r = svc.get("/api/articles/https://harbour.example/2024/07/ferry", {});
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["id"], "https://harbour.example/2024/07/ferry");
  EXPECT_EQ(svc.get("/api/articles/https://harbour.example/2024/07/other", {}).status, 404);
  fs::remove_all(dir);
}

TEST(ReadOnlyStore, MissingOrForeignFilesAreNamedErrors) {
  const fs::path dir = fs::temp_directory_path() / ("dyad-api-ro-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string missing = (dir / "missing.db").string();
  auto r = Store::open_read_only(missing);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().file, missing);
  EXPECT_FALSE(fs::exists(missing));  // nothing created

  const std::string text = (dir / "notes.txt").string();
  std::ofstream(text) << "not a database\n";
  r = Store::open_read_only(text);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not a database"), std::string::npos);

  const std::string fresh = (dir / "fresh.db").string();
  { ASSERT_TRUE(Store::open(fresh).ok()); }
  auto ro = Store::open_read_only(fresh);
  ASSERT_TRUE(ro.ok()) << ro.error().str();
  // Writes fail on a read-only handle.
  EXPECT_FALSE((*ro)->begin().ok() && (*ro)->put(Document{}).ok());
  fs::remove_all(dir);
}

// ---- the real command ----

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(ServeCommand, MissingStoreIsAFatalErrorNamingTheFile) {
  const fs::path dir = fs::temp_directory_path() / ("dyad-api-cli-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path missing = dir / "absent.db";
  const fs::path err = dir / "err.txt";
  const std::string cmd =
      std::string(DYAD_CLI_PATH) + " serve --port 0 --db '" + missing.string() + "' 2>'" + err.string() + "'";
  const int rc = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(rc));
  EXPECT_EQ(WEXITSTATUS(rc), 1);
  EXPECT_NE(slurp(err).find(missing.string()), std::string::npos) << slurp(err);
  EXPECT_FALSE(fs::exists(missing));
  fs::remove_all(dir);
}

TEST(ServeCommand, ServesUntilSigterm) {
  const fs::path dir = fs::temp_directory_path() / ("dyad-api-sig-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "s.db").string();
  RunOptions o;
  o.inputs = {DYAD_TEST_DIR "/fixtures/api/markup.jsonl"};
  o.db_path = db;
  ASSERT_TRUE(run(knowledge(), o).ok());
  const fs::path err = dir / "err.txt";
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    if (std::freopen(err.c_str(), "w", stderr) == nullptr) ::_exit(99);
    ::execl(DYAD_CLI_PATH, DYAD_CLI_PATH, "serve", "--port", "0", "--db", db.c_str(), static_cast<char*>(nullptr));
    ::_exit(98);
  }
  // The port is printed once it listens ("serving FILE at http://127.0.0.1:PORT/").
  int port = 0;
  const std::regex listening(R"(http://127\.0\.0\.1:(\d+)/)");
  for (int i = 0; i < 6000 && port == 0; ++i) {
    std::smatch m;
    const std::string text = slurp(err);
    if (std::regex_search(text, m, listening)) port = std::stoi(m[1]);
    if (port == 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_NE(port, 0) << slurp(err);
  httplib::Client c("127.0.0.1", port);
  auto r = c.Get("/api/stats");
  ASSERT_TRUE(r);
  EXPECT_EQ(json::parse(r->body)["articles"], 1);
  ::kill(pid, SIGTERM);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  const std::string log = slurp(err);
  EXPECT_NE(log.find("GET /api/stats 200"), std::string::npos) << log;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dyad
