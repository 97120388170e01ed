// The HTTP API and its web page (`dyad serve`, docs/api.md): a thin front end
// over a read-only store. Every answer is built from the Store API and the
// story reports (story/report.h); events are the JSONL event records of
// output/records.h, so an event here is the same object as in
// `dyad code --format jsonl`, plus its merged counts.
//
// Service answers one GET (path + decoded query parameters) with a status and
// a body and knows nothing of sockets; Server puts it behind cpp-httplib.
#pragma once

#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace dyad::api {

/// What one request gets back.
struct Response {
  int status = 200;  // 200, 400 (bad parameter), 404 (unknown path or id), 500
  std::string content_type = "application/json";
  std::string body;  // JSON; errors are {"error": "..."}
};

/// Decoded query parameters; a name given twice is a 400.
using Params = std::multimap<std::string, std::string>;

/// Page sizes: `limit` defaults to kDefaultLimit and may not exceed kMaxLimit.
inline constexpr size_t kDefaultLimit = 100;
inline constexpr size_t kMaxLimit = 1000;

/// The endpoints over one store (docs/api.md). Thread-safe: each request borrows
/// one connection (a Store) from the service's pool for as long as it reads, so
/// as many requests read at once as there are connections; re-coding an article
/// for an explanation runs after the connection is returned.
class Service {
 public:
  /// One connection: requests read one at a time. `store` should be opened with
  /// Store::open_read_only. `knowledge` is what `/api/events/{id}/explain`
  /// re-codes with; null answers that endpoint with 404.
  Service(Store& store, const Knowledge* knowledge);
  /// A pool of connections to the same store file (each opened read-only).
  Service(std::vector<std::unique_ptr<Store>> stores, const Knowledge* knowledge);

  /// Answers a GET of `path` (already percent-decoded, without the query).
  [[nodiscard]] Response get(std::string_view path, const Params& params);

 private:
  // A connection borrowed for one request; returned on release() or destruction.
  class Lease {
   public:
    explicit Lease(Service& service);
    ~Lease() { release(); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    [[nodiscard]] Store& store() const { return *store_; }
    void release();

   private:
    Service* service_;
    Store* store_ = nullptr;
  };

  std::vector<std::unique_ptr<Store>> owned_;
  const Knowledge* knowledge_;
  std::mutex mutex_;                  // guards free_
  std::condition_variable returned_;  // a connection came back
  std::vector<Store*> free_;
};

/// The embedded web page served at `/` (web/index.html, built into the binary).
[[nodiscard]] std::string_view index_html();

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (bind() returns it)
  /// Receives one line per request (time, peer, method, target, status, bytes); null = silent.
  /// Called from the server's worker threads, several at once: it must be thread-safe.
  std::function<void(const std::string&)> log;
};

/// Service over HTTP: GET (and HEAD) only, other methods 405; nothing but the
/// API and the embedded page is served.
class Server {
 public:
  Server(Service& service, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds host:port; returns the bound port, or an Error naming the address.
  [[nodiscard]] Result<int> bind();
  /// Serves until stop(); call after bind(). False when the listening loop failed.
  bool run();
  /// Makes run() return; safe from another thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad::api
