#include "platform/http/app.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "platform/auth/crypto.h"
#include "platform/errors.h"
#include "platform/http/access_log.h"
#include "platform/render/messages.h"
#include "platform/time.h"

namespace fg::http {
namespace {

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.emplace_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

const char* AccessName(Access a) {
  switch (a) {
    case Access::kPublic: return "public";
    case Access::kUser: return "user";
    case Access::kAccount: return "account";
  }
  return "user";
}

int StatusOf(ErrorKind k) {
  switch (k) {
    case ErrorKind::kBadRequest: return 400;
    case ErrorKind::kUnauthorized: return 401;
    case ErrorKind::kForbidden: return 403;
    case ErrorKind::kNotFound: return 404;
    case ErrorKind::kConflict: return 409;
    case ErrorKind::kTooLarge: return 413;
    case ErrorKind::kUnsupportedMediaType: return 415;
    case ErrorKind::kTooMany: return 429;
    case ErrorKind::kUnavailable: return 503;
  }
  return 500;
}

// Control characters (a decoded %0A could forge a log line) and backslashes
// become \xHH; everything else, UTF-8 included, is kept.
std::string LogSafe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f || c == '\\') {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

namespace {

bool Unsafe(const std::string& m) { return m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE"; }

std::string NewRequestId() {
  static std::atomic<uint64_t> n{0};
  static const std::string prefix = auth::RandomToken(6);
  return prefix + "-" + std::to_string(++n);
}

void SecurityHeaders(Response& r) {
  r.set_header("Content-Security-Policy",
               "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
               "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'");
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("Referrer-Policy", "same-origin");
  r.set_header("X-Frame-Options", "DENY");
  if (r.header("Cache-Control").empty()) r.set_header("Cache-Control", "no-store");
}

std::string HttpDate(std::time_t t) {
  char buf[64];
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

const char* MimeOf(const std::string& ext) {
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".json") return "application/json";
  if (ext == ".woff2") return "font/woff2";
  return "application/octet-stream";
}

}  // namespace

Response Json(int status, const boost::json::value& v) {
  return Response::Text(status, boost::json::serialize(v), "application/json");
}

Response Problem(int status, const std::string& title, const std::string& detail, const std::string& instance,
                 const std::vector<FieldProblem>& problems) {
  boost::json::object o{
      {"type", "about:blank"}, {"title", title}, {"status", status}, {"detail", detail}, {"instance", instance}};
  if (!problems.empty()) {
    o["field"] = problems.front().field;
    boost::json::array errors;
    for (auto& fp : problems) errors.push_back({{"field", fp.field}, {"detail", render::Text(fp.key, fp.args)}});
    o["errors"] = std::move(errors);
  }
  return Response::Text(status, boost::json::serialize(o), "application/problem+json");
}

App::App(std::string assets_dir) : assets_dir_(std::move(assets_dir)) { load_static(); }

void App::load_static() {
  namespace fs = std::filesystem;
  fs::path root = fs::path(assets_dir_) / "static";
  if (!fs::is_directory(root)) return;
  for (auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    Asset a;
    a.body = ss.str();
    a.type = MimeOf(e.path().extension().string());
    // A content hash: the same bytes keep their ETag across restarts and machines.
    a.etag = "\"" + auth::Sha256Hex(a.body).substr(0, 20) + "\"";
    struct stat st;
    a.last_modified = ::stat(e.path().c_str(), &st) == 0 ? HttpDate(st.st_mtime) : HttpDate(std::time(nullptr));
    assets_.emplace(fs::relative(e.path(), root).generic_string(), std::move(a));
  }
}

void App::page(std::string method, std::string pattern, Access access, Handler h) {
  add(std::move(method), std::move(pattern), access, false, std::move(h));
}
void App::api(std::string method, std::string pattern, Access access, Handler h) {
  add(std::move(method), std::move(pattern), access, true, std::move(h));
}
namespace {
// Stands for an anonymous visitor's form token until the page is rendered
// (base64url letters: no template escaping changes it).
constexpr std::string_view kPendingCsrfToken = "fgPendingFormToken0fgPendingFormToken";

bool IsParam(const std::string& segment) { return segment.size() > 2 && segment.front() == '{'; }
}  // namespace

void App::add(std::string method, std::string pattern, Access access, bool is_api, Handler h) {
  auto segments = Split(pattern);
  RouteNode* node = &route_tree_;
  for (const auto& s : segments) {
    auto& child = IsParam(s) ? node->param : node->literal[s];
    if (!child) child = std::make_unique<RouteNode>();
    node = child.get();
  }
  node->routes.push_back(routes_.size());
  routes_.push_back({std::move(method), std::move(segments), std::move(pattern), access, is_api, std::move(h)});
}

template <typename F>
void App::for_candidates(const std::vector<std::string>& segs, F&& f) const {
  std::vector<size_t> found;
  auto walk = [&](auto& self, const RouteNode& n, size_t depth) -> void {
    if (depth == segs.size()) {
      found.insert(found.end(), n.routes.begin(), n.routes.end());
      return;
    }
    if (auto it = n.literal.find(segs[depth]); it != n.literal.end()) self(self, *it->second, depth + 1);
    if (n.param) self(self, *n.param, depth + 1);
  };
  walk(walk, route_tree_, 0);
  std::sort(found.begin(), found.end());  // registration order: the first route registered wins
  for (size_t k : found)
    if (f(routes_[k])) return;
}

bool App::Matches(const std::vector<std::string>& pattern, const std::vector<std::string>& segs,
                  std::map<std::string, std::string>* params) {
  if (pattern.size() != segs.size()) return false;
  for (size_t i = 0; i < segs.size(); ++i) {
    const auto& s = pattern[i];
    const size_t close = IsParam(s) ? s.find('}') : std::string::npos;
    if (close == std::string::npos) {
      if (s != segs[i]) return false;
      continue;
    }
    // "{name}" or "{name}.suffix": the suffix must end the segment, after at least one character.
    const std::string_view suffix = std::string_view(s).substr(close + 1);
    if (segs[i].size() <= suffix.size() || !std::string_view(segs[i]).ends_with(suffix)) return false;
    if (params)
      (*params)[s.substr(1, close - 1)] =
          UrlDecode(std::string_view(segs[i]).substr(0, segs[i].size() - suffix.size()), false);
  }
  return true;
}

void App::allow_body(const std::string& method, const std::string& pattern, size_t bytes) {
  for (auto& r : routes_)
    if (r.method == method && r.pattern == pattern) {
      large_bodies_.push_back({method, r.segments, bytes});
      return;
    }
  throw std::logic_error("allow_body: no route " + method + " " + pattern);
}

size_t App::body_limit(std::string_view method, std::string_view target, size_t fallback) const {
  if (large_bodies_.empty()) return fallback;
  const auto segs = Split(target.substr(0, target.find('?')));
  for (const auto& b : large_bodies_)
    if (b.method == method && Matches(b.segments, segs, nullptr)) return b.bytes;
  return fallback;
}

std::vector<App::RouteInfo> App::routes() const {
  std::vector<RouteInfo> out;
  for (const auto& r : routes_) out.push_back({r.method, r.pattern, r.access, r.is_api});
  return out;
}

void App::limit_anonymous(int per_minute) {
  anonymous_limiter_ =
      per_minute > 0 ? std::make_unique<auth::RateLimiter>(per_minute, std::chrono::seconds(60)) : nullptr;
}

Response App::handle(Request& req) {
  auto start = std::chrono::steady_clock::now();
  std::string rid(req.header("x-request-id"));
  bool sane = !rid.empty() && rid.size() <= 64 && std::all_of(rid.begin(), rid.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
  });
  req.request_id = sane ? rid : NewRequestId();

  std::string route_name = "unmatched";
  Response res = dispatch(req, route_name);
  SecurityHeaders(res);
  res.set_header("X-Request-Id", req.request_id);

  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_.observe(route_name, res.status, secs);
  if (access_log::Enabled())
    access_log::Append(fmt::format("{} {} {} {} {} {:.1f}ms", req.request_id, req.remote_addr, req.method,
                                   LogSafe(req.path), res.status, secs * 1000));
  return res;
}

Response App::dispatch(Request& req, std::string& route_name) {
  Context ctx{req};
  const bool is_api_path = req.path.rfind("/api/", 0) == 0;
  const std::string method = req.method == "HEAD" ? "GET" : req.method;

  if (req.path.rfind("/static/", 0) == 0 && method == "GET") {
    route_name = "/static";
    return serve_static(req);
  }

  auto segs = Split(req.path);
  const Route* found = nullptr;
  bool path_matched = false;
  for_candidates(segs, [&](const Route& r) {
    if (!Matches(r.segments, segs, nullptr)) return false;
    path_matched = true;
    if (r.method != method) return false;
    found = &r;
    return true;
  });
  std::map<std::string, std::string> params;
  if (found) Matches(found->segments, segs, &params);

  std::optional<auth::Principal> principal;
  try {
    if (authenticate) principal = authenticate(req);
  } catch (const std::exception& e) {
    spdlog::error("{} authentication failed: {}", req.request_id, e.what());
    return error(ctx, is_api_path, 503, "error.unavailable", "", {});
  }
  if (principal) {
    ctx.user = &*principal;
    ctx.csrf_token = principal->csrf_token;
  }
  // Anonymous forms (the login form) use a double-submit cookie. A visitor
  // without one gets a new token only when the page shows a form: pages are
  // rendered with a stand-in, replaced (and the cookie set) on the way out, so
  // the many pages without a form cost no random token and set no cookie.
  bool token_pending = false;
  if (!ctx.user) {
    ctx.csrf_token = req.cookie("fg_csrf");
    if (ctx.csrf_token.size() < 20 && !is_api_path) {
      ctx.csrf_token = kPendingCsrfToken;
      token_pending = true;
    }
  }

  auto finish = [&](Response r) {
    // A handler that knows its page holds no form (a kept shared page) clears
    // the stand-in and saves the search.
    const void* hit = token_pending && ctx.csrf_token == kPendingCsrfToken && r.content_type.starts_with("text/html")
                          ? memmem(r.body.data(), r.body.size(), kPendingCsrfToken.data(), kPendingCsrfToken.size())
                          : nullptr;
    if (hit) {
      const std::string token = auth::RandomToken(24);
      for (size_t at = static_cast<const char*>(hit) - r.body.data(); at != std::string::npos;
           at = r.body.find(kPendingCsrfToken, at + token.size()))
        r.body.replace(at, kPendingCsrfToken.size(), token);
      ctx.set_cookies.push_back(SetCookieValue("fg_csrf", token));
    }
    for (auto& c : ctx.set_cookies) r.headers.emplace_back("Set-Cookie", c);
    return r;
  };

  if (!ctx.user && anonymous_limiter_ && req.path != "/healthz" && !anonymous_limiter_->allow(req.remote_addr, Now())) {
    route_name = "rate_limited";
    Response r = error(ctx, is_api_path, 429, "error.rate_limited", "", {});
    r.set_header("Retry-After", "60");
    return finish(std::move(r));
  }

  if (!found) {
    if (path_matched) {
      route_name = "method_not_allowed";
      return finish(error(ctx, is_api_path, 405, "error.method_not_allowed", "", {}));
    }
    return finish(error(ctx, is_api_path, 404, "error.not_found", "", {}));
  }
  route_name = found->pattern;
  req.params = std::move(params);

  if (found->access != Access::kPublic && !ctx.user) {
    if (found->is_api) return finish(error(ctx, true, 401, "error.unauthenticated", "", {}));
    return finish(Response::Redirect("/dang-nhap?next=" + UrlEncode(req.path)));
  }
  // A temporary password: nothing but changing it (and public pages) until it is changed.
  if (found->access == Access::kUser && ctx.user->must_change_password) {
    if (found->is_api) return finish(error(ctx, true, 403, "error.must_change_password", "", {}));
    return finish(Response::Redirect("/account/password"));
  }

  if (Unsafe(method)) {
    bool ok;
    if (found->is_api) {
      // Bearer tokens are not sent by browsers on their own; cookies are.
      ok = !ctx.user || ctx.user->via_api_token || auth::SafeEqual(req.header("x-csrf-token"), ctx.user->csrf_token);
    } else {
      // The parsed form as it is (a photo's bytes are not copied); a repeated field counts by its last value.
      const auto [first, end] = req.form_all().equal_range("csrf_token");
      ok = first != end && !token_pending && !ctx.csrf_token.empty() &&
           auth::SafeEqual(std::prev(end)->second, ctx.csrf_token);
    }
    if (!ok) return finish(error(ctx, found->is_api, 403, "error.csrf", "", {}));
  }

  try {
    return finish(found->handler(ctx));
  } catch (const AppError& e) {
    return finish(
        error(ctx, found->is_api, StatusOf(e.kind()), e.key(), render::Text(e.key(), e.args()), e.problems()));
  } catch (const std::exception& e) {
    spdlog::error("{} {} {} failed: {}", req.request_id, req.method, LogSafe(req.path), LogSafe(e.what()));
    return finish(error(ctx, found->is_api, 500, "error.internal", "", {}));
  }
}

Response App::error(Context& ctx, bool is_api, int status, const std::string& key, const std::string& detail,
                    const std::vector<FieldProblem>& problems) {
  std::string title = render::Text("status." + std::to_string(status));
  std::string text = detail.empty() ? render::Text(key) : detail;
  Response r;
  if (is_api || !error_page) {
    r = Problem(status, title, text, ctx.req.path, problems);
    if (status == 401) r.set_header("WWW-Authenticate", "Bearer");
  } else {
    try {
      r = error_page(ctx, status, text);
    } catch (const std::exception& e) {  // a broken page template must not cost the answer
      spdlog::error("{} error page failed: {}", ctx.req.request_id, e.what());
      r = Response::Text(status, title + "\n\n" + text + "\n");
    }
  }
  if (status == 503) r.set_header("Retry-After", "1");
  return r;
}

Response App::limit_response(int status, const std::string& key, size_t limit, std::string_view target) {
  std::string human =
      limit >= 1024 * 1024 ? std::to_string(limit / (1024 * 1024)) + " MiB" : std::to_string(limit / 1024) + " KiB";
  metrics_.observe("server_refused", status, 0);
  Request req;
  if (!target.empty()) req.set_target(target);
  Context ctx{req};
  const bool page = !req.path.empty() && !req.path.starts_with("/api/");
  Response r = error(ctx, !page, status, key, render::Text(key, {{"limit", human}}), {});
  SecurityHeaders(r);
  return r;
}

Response App::serve_static(const Request& req) {
  // `req.path` was decoded once by the server; it is only ever a key into the
  // assets loaded at start-up, never a file-system path.
  auto it = assets_.find(std::string_view(req.path).substr(std::string_view("/static/").size()));
  if (it == assets_.end()) {
    Context ctx{const_cast<Request&>(req)};
    return error(ctx, false, 404, "error.not_found", "", {});
  }
  const Asset& a = it->second;
  Response r;
  r.content_type = a.type;
  r.set_header("ETag", a.etag);
  r.set_header("Last-Modified", a.last_modified);
  r.set_header("Cache-Control", "public, max-age=3600");
  const bool fresh = !req.header("if-none-match").empty() ? NoneMatchHits(req, a.etag)
                                                          : req.header("if-modified-since") == a.last_modified;
  if (fresh) {
    r.status = 304;
    return r;
  }
  r.body = a.body;
  return r;
}

Response App::overloaded(const Request& req) {
  metrics_.observe("overloaded", 503, 0);
  Context ctx{const_cast<Request&>(req)};
  return error(ctx, /*is_api=*/true, 503, "error.overloaded", "", {});
}

}  // namespace fg::http
