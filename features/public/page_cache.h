// Rendered anonymous portal pages kept in memory (issue 16), so that the
// catalogue, a procedure's page, the figures and the directory cost a lookup
// and a copy, and a matching If-None-Match costs neither render nor copy.
//
// What is kept: a 200 answer to an anonymous GET whose query is empty or
// exactly "kiosk=1", keyed by the decoded path and the kiosk flag (which
// changes the bytes). Never an answer for a signed-in official, one carrying
// Set-Cookie, or anything but a 200; a search (?tim=) or any other query is
// rendered every time.
//
// When a kept page is stale:
//  - its inputs changed: the caller names the shared, immutable objects the
//    bytes were made from (the places' index, the place's catalogue); a page
//    is served only while the caller's current objects are the same ones.
//    Those objects are replaced whole when their tables change (looked at at
//    most once a second, see portal.h and service.h), so a procedure or a
//    place changed anywhere shows within about a second;
//  - Invalidate() was called since it was made (a change of what an official
//    publishes in the directory, made through this process);
//  - it is older than max_age (60 s): the bound on everything else the bytes
//    depend on: the live figures (counters change with every dossier), the
//    directory's officials changed through other pages or processes, the
//    place's working hours, the site's footer.
// Memory is bounded by max_bytes (bodies and keys) and max_pages; the least
// recently used pages go first. Thread-safe: one mutex around a map and an LRU
// list; bodies are copied outside it.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "platform/http/app.h"

namespace fg::pub {

class PageCache {
 public:
  using Clock = std::chrono::steady_clock;
  // The objects a page was made from, compared by identity; held by the page.
  using Inputs = std::vector<std::shared_ptr<const void>>;

  struct Limits {
    size_t max_bytes = 32 * 1024 * 1024;
    size_t max_pages = 4096;
    std::chrono::milliseconds max_age = std::chrono::seconds(60);
  };

  struct Page {
    http::Response response;  // 200 with ETag and Cache-Control
    Inputs inputs;
    uint64_t generation = 0;
    Clock::time_point made;
  };

  explicit PageCache(Limits limits) : limits_(limits) {}
  PageCache() : PageCache(Limits{}) {}

  // The page kept under `key` if it is still fresh for `inputs` at `now`; else
  // null (and a stale page is dropped).
  std::shared_ptr<const Page> Get(const std::string& key, const Inputs& inputs, Clock::time_point now);
  // Keeps `response` under `key` as made from `inputs` at `generation` (read
  // with generation() before the inputs were read) and `made`; returns it. A
  // page larger than max_bytes is returned without being kept.
  std::shared_ptr<const Page> Put(const std::string& key, Inputs inputs, uint64_t generation, Clock::time_point made,
                                  http::Response response);
  uint64_t generation() const;
  // Every page kept so far is stale.
  void Invalidate();

  size_t pages() const;
  size_t bytes() const;

  // The handlers' entry point: for an anonymous GET without a query other
  // than "kiosk=1", the kept page if fresh for `inputs` (read by the caller
  // before rendering), else `render()`'s answer, kept when it may be; for
  // anyone else `render()` each time. Either way through MakeCacheable and
  // AnswerIfNoneMatch, so the headers are the same as for pages never kept.
  http::Response Serve(http::Context& ctx, Inputs inputs, const std::function<http::Response()>& render);

 private:
  struct Entry {
    std::shared_ptr<const Page> page;
    std::list<std::string>::iterator lru;
    size_t bytes = 0;
  };
  void EraseLocked(std::unordered_map<std::string, Entry>::iterator it);

  const Limits limits_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> lru_;  // most recently used first
  size_t bytes_ = 0;
  uint64_t generation_ = 0;
};

// How long a shared cache (a reverse proxy) may keep a public page.
inline constexpr int kPublicMaxAgeSeconds = 300;

// For a 200: a strong ETag (SHA-256 of the body); for an anonymous caller
// `public, max-age=300`, for a signed-in official or a page holding the
// visitor's form token `private, no-cache` (the page is theirs alone). Other
// statuses are left alone.
void MakeCacheable(http::Context& ctx, http::Response& r);
// A 304 with `page`'s headers and no body when the request's If-None-Match
// names its ETag (http::NoneMatchHits); else `page` itself.
http::Response AnswerIfNoneMatch(const http::Request& req, const http::Response& page);
// The same for a kept page, whose 200 shares the kept body (Response::shared_body).
http::Response AnswerIfNoneMatch(const http::Request& req, const std::shared_ptr<const PageCache::Page>& kept);

}  // namespace fg::pub
