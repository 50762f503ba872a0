// The request pipeline, independent of sockets: route -> authenticate -> CSRF
// -> handler -> errors (problem+json for the API, an HTML page otherwise) ->
// security headers -> metrics and access log. `App::handle` is the pure
// handle_request(req) -> response of the server. The server calls it on an io
// thread inside a request coroutine; what it waits for (the store, password
// hashes) suspends that coroutine (platform/async/wait.h).
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/json/value.hpp>

#include "platform/auth/principal.h"
#include "platform/auth/rate_limit.h"
#include "platform/errors.h"
#include "platform/http/message.h"
#include "platform/http/metrics.h"

namespace fg::http {

struct Context {
  Request& req;
  const auth::Principal* user = nullptr;  // null when anonymous
  std::string csrf_token;                 // to embed in forms on this page
  std::vector<std::string> set_cookies;   // Set-Cookie values to add to the response
};

using Handler = std::function<Response(Context&)>;

enum class Access {
  kPublic,   // anyone
  kUser,     // a logged-in official (pages redirect to /dang-nhap, the API answers 401)
  kAccount,  // a logged-in official, also one who must still change a temporary password
};

// The name of an access level as `friendlygov routes` prints it.
const char* AccessName(Access a);

struct Limits {
  size_t max_header_bytes = 16 * 1024;
  size_t max_body_bytes = 1024 * 1024;
};

class App {
 public:
  // Loads every file under `assets_dir`/static into memory: only those are
  // ever served under /static/ (restart to pick up new files).
  explicit App(std::string assets_dir);

  // `pattern` segments like "/units/{id}" bind params; routes under /api/ are API routes.
  void page(std::string method, std::string pattern, Access access, Handler h);
  void api(std::string method, std::string pattern, Access access, Handler h);

  // Lets the registered route `method` `pattern` take request bodies of up to
  // `bytes` instead of the server's limit (Limits::max_body_bytes): uploads.
  void allow_body(const std::string& method, const std::string& pattern, size_t bytes);
  // The body limit of a request (`target` as received, query included): its
  // route's own from allow_body, else `fallback`. Read before the body is.
  size_t body_limit(std::string_view method, std::string_view target, size_t fallback) const;

  // Resolves the principal from a session cookie or a bearer token.
  std::function<std::optional<auth::Principal>(const Request&)> authenticate;
  // Renders an HTML error page (status, message) in the site's layout.
  std::function<Response(Context&, int status, const std::string& message)> error_page;

  // At most `per_minute` requests a minute from one client address without a
  // login or token (public pages and API); 0 turns the limit off. Static files
  // and /healthz are not counted. Over the limit: 429 with Retry-After.
  void limit_anonymous(int per_minute);

  Response handle(Request& req);
  struct RouteInfo {
    std::string method;
    std::string pattern;
    Access access;
    bool is_api;
  };
  // Every route, pages and API, in registration order (for route-table tests).
  std::vector<RouteInfo> routes() const;
  // What the server sends when it refuses a request itself (413, 431, 400):
  // `key` names the message, `limit` its size in bytes; `target` the request's
  // target when it was read ("" if not): a page's path gets the HTML error
  // page, anything else problem+json.
  Response limit_response(int status, const std::string& key, size_t limit, std::string_view target = "");
  // The 503 answer when the server has too many requests in flight.
  Response overloaded(const Request& req);
  Metrics& metrics() { return metrics_; }
  // When set, /metrics answers only requests with `Authorization: Bearer <token>`.
  void set_metrics_token(std::string token) { metrics_token_ = std::move(token); }
  const std::string& metrics_token() const { return metrics_token_; }
  const std::string& assets_dir() const { return assets_dir_; }

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    std::string pattern;
    Access access;
    bool is_api;
    Handler handler;
  };
  struct LargeBody {
    std::string method;
    std::vector<std::string> segments;
    size_t bytes;
  };
  void add(std::string method, std::string pattern, Access access, bool is_api, Handler h);
  // Whether the path's segments match a route's (binding "{name}" segments into `params` when given).
  static bool Matches(const std::vector<std::string>& pattern, const std::vector<std::string>& segs,
                      std::map<std::string, std::string>* params);
  // The routes that may match `segs`, in registration order: those whose
  // pattern has, segment by segment, the same literal or a parameter.
  template <typename F>
  void for_candidates(const std::vector<std::string>& segs, F&& f) const;
  Response dispatch(Request& req, std::string& route_name);
  Response serve_static(const Request& req);
  void load_static();
  Response error(Context& ctx, bool is_api, int status, const std::string& key, const std::string& detail,
                 const std::vector<FieldProblem>& problems);

  struct Asset {
    std::string body;
    std::string type;
    std::string etag;
    std::string last_modified;
  };
  std::string assets_dir_;
  std::map<std::string, Asset, std::less<>> assets_;  // by path under static/
  std::vector<Route> routes_;
  // The routes' patterns as a tree of segments: a request walks down its
  // own segments (a literal child and the parameter child at each level)
  // instead of comparing every route of its length.
  struct RouteNode {
    std::unordered_map<std::string, std::unique_ptr<RouteNode>> literal;
    std::unique_ptr<RouteNode> param;  // "{name}" and "{name}.suffix" alike
    std::vector<size_t> routes;        // ending here, ascending
  };
  RouteNode route_tree_;
  std::vector<LargeBody> large_bodies_;
  Metrics metrics_;
  std::string metrics_token_;
  std::unique_ptr<auth::RateLimiter> anonymous_limiter_;
};

// The HTTP status of an error kind (the one place that maps them).
int StatusOf(ErrorKind k);

// RFC 9457 problem details. With fields at fault: `field` names the first and
// the extension member `errors` lists each as {field, detail}.
Response Problem(int status, const std::string& title, const std::string& detail, const std::string& instance,
                 const std::vector<FieldProblem>& problems = {});
Response Json(int status, const boost::json::value& v);
// `s` fit for one log line: control characters and backslashes escaped as \xHH.
std::string LogSafe(std::string_view s);

}  // namespace fg::http
