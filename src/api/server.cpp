// Service behind cpp-httplib: one handler for every GET, 405 for other
// methods, one log line per request. No static file mount: the only page is
// the one embedded in the binary (index_html()).
#include <httplib.h>

#include <chrono>
#include <ctime>

#include "api/api.h"

namespace dyad::api {

struct Server::Impl {
  Service& service;
  ServerOptions options;
  httplib::Server http;

  Impl(Service& s, ServerOptions o) : service(s), options(std::move(o)) {}
};

namespace {

std::string utc_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

Server::Server(Service& service, ServerOptions options) : impl_(std::make_unique<Impl>(service, std::move(options))) {
  httplib::Server& http = impl_->http;
  Service& svc = impl_->service;
  // httplib's default sets SO_REUSEPORT, which lets a second server bind a port another
  // one listens on (requests are then shared between them). SO_REUSEADDR only allows a
  // restart over connections in TIME_WAIT: a busy port is an error from bind().
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  http.Get(".*", [&svc](const httplib::Request& req, httplib::Response& res) {
    Params params(req.params.begin(), req.params.end());
    Response r = svc.get(req.path, params);
    res.status = r.status;
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Cache-Control", "no-store");
    if (r.content_type.rfind("text/html", 0) == 0)
      res.set_header("Content-Security-Policy",
                     "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
                     "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    res.set_content(std::move(r.body), r.content_type.c_str());
  });
  auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
    res.status = 405;
    res.set_header("Allow", "GET, HEAD");
    res.set_content(R"({"error": "only GET is served"})", "application/json");
  };
  http.Post(".*", not_allowed);
  http.Put(".*", not_allowed);
  http.Patch(".*", not_allowed);
  http.Delete(".*", not_allowed);
  http.Options(".*", not_allowed);
  if (impl_->options.log) {
    auto log = impl_->options.log;
    http.set_logger([log](const httplib::Request& req, const httplib::Response& res) {
      std::string target = req.path;
      if (!req.params.empty()) {
        target += '?';
        bool first = true;
        for (const auto& [k, v] : req.params) {
          if (!first) target += '&';
          first = false;
          target += httplib::detail::encode_query_param(k) + "=" + httplib::detail::encode_query_param(v);
        }
      }
      log(utc_now() + " " + req.remote_addr + " " + req.method + " " + target + " " + std::to_string(res.status) + " " +
          std::to_string(res.body.size()));
    });
  }
}

Server::~Server() { stop(); }

Result<int> Server::bind() {
  const ServerOptions& o = impl_->options;
  if (o.port == 0) {
    const int port = impl_->http.bind_to_any_port(o.host);
    if (port <= 0) return Error{o.host, 0, "cannot listen on " + o.host + " (any port)", false};
    return port;
  }
  if (!impl_->http.bind_to_port(o.host, o.port))
    return Error{o.host + ":" + std::to_string(o.port), 0,
                 "cannot listen on " + o.host + ":" + std::to_string(o.port) + " (in use or not allowed)", false};
  return o.port;
}

bool Server::run() { return impl_->http.listen_after_bind(); }

void Server::stop() { impl_->http.stop(); }

}  // namespace dyad::api
