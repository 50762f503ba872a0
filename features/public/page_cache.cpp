#include "features/public/page_cache.h"

#include "platform/auth/crypto.h"

namespace fg::pub {

namespace {

// A page with a form holds the visitor's token (or the stand-in for a new one):
// it is theirs alone.
bool EmbedsToken(const http::Context& ctx, const http::Response& r) {
  return !ctx.csrf_token.empty() && r.body.find(ctx.csrf_token) != std::string::npos;
}

}  // namespace

void MakeCacheable(http::Context& ctx, http::Response& r) {
  if (r.status != 200) return;
  r.set_header("ETag", "\"" + auth::Sha256Hex(r.body).substr(0, 24) + "\"");
  if (ctx.user || EmbedsToken(ctx, r)) {
    r.set_header("Cache-Control", "private, no-cache");
  } else {
    r.set_header("Cache-Control", "public, max-age=" + std::to_string(kPublicMaxAgeSeconds));
  }
}

namespace {

// The headers of `page` without its body.
http::Response HeadersOf(const http::Response& page, int status) {
  http::Response r;
  r.status = status;
  r.content_type = page.content_type;
  r.headers = page.headers;
  return r;
}

}  // namespace

http::Response AnswerIfNoneMatch(const http::Request& req, const http::Response& page) {
  if (page.status != 200 || !http::NoneMatchHits(req, page.header("ETag"))) return page;
  return HeadersOf(page, 304);
}

http::Response AnswerIfNoneMatch(const http::Request& req, const std::shared_ptr<const PageCache::Page>& kept) {
  const http::Response& page = kept->response;
  if (page.status != 200) return page;
  if (http::NoneMatchHits(req, page.header("ETag"))) return HeadersOf(page, 304);
  http::Response r = HeadersOf(page, 200);
  r.shared_body = std::shared_ptr<const std::string>(kept, &page.body);  // keeps the page alive, not copied
  return r;
}

namespace {

bool SameInputs(const PageCache::Inputs& a, const PageCache::Inputs& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (a[i].get() != b[i].get()) return false;
  return true;
}

}  // namespace

std::shared_ptr<const PageCache::Page> PageCache::Get(const std::string& key, const Inputs& inputs,
                                                      Clock::time_point now) {
  std::lock_guard lk(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return nullptr;
  const Page& p = *it->second.page;
  if (p.generation != generation_ || now - p.made >= limits_.max_age || !SameInputs(p.inputs, inputs)) {
    EraseLocked(it);
    return nullptr;
  }
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  return it->second.page;
}

std::shared_ptr<const PageCache::Page> PageCache::Put(const std::string& key, Inputs inputs, uint64_t generation,
                                                      Clock::time_point made, http::Response response) {
  auto page = std::make_shared<Page>();
  page->response = std::move(response);
  page->inputs = std::move(inputs);
  page->generation = generation;
  page->made = made;
  const size_t size = key.size() + page->response.body.size();
  std::lock_guard lk(mu_);
  if (auto it = entries_.find(key); it != entries_.end()) EraseLocked(it);
  // Made before an invalidation, or too large to keep: answered, not kept.
  if (generation != generation_ || size > limits_.max_bytes || limits_.max_pages == 0) return page;
  while (!lru_.empty() && (bytes_ + size > limits_.max_bytes || entries_.size() >= limits_.max_pages))
    EraseLocked(entries_.find(lru_.back()));
  lru_.push_front(key);
  entries_[key] = {page, lru_.begin(), size};
  bytes_ += size;
  return page;
}

void PageCache::EraseLocked(std::unordered_map<std::string, Entry>::iterator it) {
  bytes_ -= it->second.bytes;
  lru_.erase(it->second.lru);
  entries_.erase(it);
}

uint64_t PageCache::generation() const {
  std::lock_guard lk(mu_);
  return generation_;
}

void PageCache::Invalidate() {
  std::lock_guard lk(mu_);
  ++generation_;
  entries_.clear();
  lru_.clear();
  bytes_ = 0;
}

size_t PageCache::pages() const {
  std::lock_guard lk(mu_);
  return entries_.size();
}

size_t PageCache::bytes() const {
  std::lock_guard lk(mu_);
  return bytes_;
}

http::Response PageCache::Serve(http::Context& ctx, Inputs inputs, const std::function<http::Response()>& render) {
  const auto& q = ctx.req.query;
  const bool keepable = !ctx.user && ctx.req.method == "GET" && (q.empty() || q == "kiosk=1");
  if (!keepable) {
    http::Response r = render();
    MakeCacheable(ctx, r);
    return AnswerIfNoneMatch(ctx.req, r);
  }
  const auto now = Clock::now();
  // The decoded path (spellings of one path share a copy) and the kiosk flag.
  const std::string key = ctx.req.path + (q.empty() ? "" : "?kiosk=1");
  auto page = Get(key, inputs, now);
  if (page) {
    ctx.csrf_token.clear();  // a kept page holds no form token: the pipeline has nothing to fill in
    return AnswerIfNoneMatch(ctx.req, page);
  }
  const uint64_t gen = generation();
  http::Response r = render();
  MakeCacheable(ctx, r);
  if (r.status != 200 || ctx.user || !ctx.set_cookies.empty() || !r.header("Set-Cookie").empty() || EmbedsToken(ctx, r))
    return AnswerIfNoneMatch(ctx.req, r);
  page = Put(key, std::move(inputs), gen, now, std::move(r));
  ctx.csrf_token.clear();
  return AnswerIfNoneMatch(ctx.req, page);
}

}  // namespace fg::pub
