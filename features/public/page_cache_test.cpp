#include "features/public/page_cache.h"

#include <gtest/gtest.h>

#include "platform/auth/principal.h"

namespace fg::pub {
namespace {

using namespace std::chrono_literals;
using Clock = PageCache::Clock;

http::Response Html(std::string body) { return http::Response::Text(200, std::move(body), "text/html; charset=utf-8"); }

// A request as the server hands it to a handler.
http::Request Get(const std::string& target, const std::string& if_none_match = "") {
  http::Request req;
  req.method = "GET";
  req.set_target(target);
  if (!if_none_match.empty()) req.add_header("If-None-Match", if_none_match);
  return req;
}

std::shared_ptr<const void> Object() { return std::make_shared<int>(0); }

TEST(PortalPageCache, KeepsAPageWhileItsInputsAreTheSameObjects) {
  PageCache cache;
  auto index = Object(), catalogue = Object();
  const auto t0 = Clock::now();
  cache.Put("/xa/1/thu-tuc", {index, catalogue}, cache.generation(), t0, Html("one"));
  auto hit = cache.Get("/xa/1/thu-tuc", {index, catalogue}, t0 + 1s);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->response.body, "one");
  EXPECT_FALSE(cache.Get("/xa/2/thu-tuc", {index, catalogue}, t0 + 1s));
  // The catalogue was replaced (a procedure changed): stale, and dropped.
  EXPECT_FALSE(cache.Get("/xa/1/thu-tuc", {index, Object()}, t0 + 1s));
  EXPECT_EQ(cache.pages(), 0u);
  // Likewise for a new places' index (a place renamed).
  cache.Put("/xa/1/thu-tuc", {index, catalogue}, cache.generation(), t0, Html("one"));
  EXPECT_FALSE(cache.Get("/xa/1/thu-tuc", {Object(), catalogue}, t0 + 1s));
}

TEST(PortalPageCache, InvalidateDropsEveryPageAndRefusesOnesRenderedBefore) {
  PageCache cache;
  auto index = Object();
  const auto t0 = Clock::now();
  cache.Put("/xa/1/danh-ba", {index}, cache.generation(), t0, Html("people"));
  const uint64_t before = cache.generation();  // a render starts
  cache.Invalidate();                          // an official's publication changes meanwhile
  EXPECT_FALSE(cache.Get("/xa/1/danh-ba", {index}, t0));
  auto answered = cache.Put("/xa/1/danh-ba", {index}, before, t0, Html("old people"));
  EXPECT_EQ(answered->response.body, "old people");  // answered once, not kept
  EXPECT_FALSE(cache.Get("/xa/1/danh-ba", {index}, t0));
  cache.Put("/xa/1/danh-ba", {index}, cache.generation(), t0, Html("new people"));
  EXPECT_EQ(cache.Get("/xa/1/danh-ba", {index}, t0)->response.body, "new people");
}

TEST(PortalPageCache, PagesAgeOutAfterMaxAge) {
  PageCache cache(PageCache::Limits{.max_age = 60s});
  auto index = Object();
  const auto t0 = Clock::now();
  cache.Put("/xa/1/so-lieu", {index}, cache.generation(), t0, Html("figures"));
  EXPECT_TRUE(cache.Get("/xa/1/so-lieu", {index}, t0 + 59s));
  EXPECT_FALSE(cache.Get("/xa/1/so-lieu", {index}, t0 + 60s));
}

TEST(PortalPageCache, BoundedByBytesAndPagesLeastRecentlyUsedFirst) {
  // Each page below weighs its key (8) and body (92): 100 bytes.
  PageCache cache(PageCache::Limits{.max_bytes = 300, .max_pages = 10});
  auto in = Object();
  const auto t0 = Clock::now();
  auto put = [&](const std::string& key) { cache.Put(key, {in}, cache.generation(), t0, Html(std::string(92, 'x'))); };
  put("/page/01");
  put("/page/02");
  put("/page/03");
  EXPECT_EQ(cache.bytes(), 300u);
  ASSERT_TRUE(cache.Get("/page/01", {in}, t0));  // now the most recently used
  put("/page/04");                               // /page/02 goes
  EXPECT_EQ(cache.pages(), 3u);
  EXPECT_LE(cache.bytes(), 300u);
  EXPECT_FALSE(cache.Get("/page/02", {in}, t0));
  EXPECT_TRUE(cache.Get("/page/01", {in}, t0));
  EXPECT_TRUE(cache.Get("/page/03", {in}, t0));
  EXPECT_TRUE(cache.Get("/page/04", {in}, t0));
  // A page larger than the whole budget is answered but never kept.
  auto big = cache.Put("/page/big", {in}, cache.generation(), t0, Html(std::string(400, 'y')));
  EXPECT_EQ(big->response.body.size(), 400u);
  EXPECT_FALSE(cache.Get("/page/big", {in}, t0));
  EXPECT_EQ(cache.pages(), 3u);

  PageCache few(PageCache::Limits{.max_pages = 2});
  for (const char* k : {"/a", "/b", "/c"}) few.Put(k, {in}, few.generation(), t0, Html("z"));
  EXPECT_EQ(few.pages(), 2u);
  EXPECT_FALSE(few.Get("/a", {in}, t0));
}

// A page holding the visitor's form token, or setting a cookie, is theirs alone.
TEST(PortalPageCache, APageWithTheVisitorsTokenOrACookieIsNeitherKeptNorPublic) {
  PageCache cache;
  auto in = Object();
  int renders = 0;
  auto req = Get("/xa/1/gop-y");
  const std::string token = "visitor-token-0123456789";
  auto with_form = [&] { return ++renders, Html("<form><input name=\"csrf_token\" value=\"" + token + "\"></form>"); };
  for (int i = 0; i < 2; ++i) {
    http::Context ctx{req};
    ctx.csrf_token = token;
    auto r = cache.Serve(ctx, {in}, with_form);
    EXPECT_EQ(r.header("Cache-Control"), "private, no-cache");
  }
  EXPECT_EQ(renders, 2);

  auto other = Get("/xa/1/thu-tuc");
  for (int i = 0; i < 2; ++i) {
    http::Context ctx{other};
    cache.Serve(ctx, {in}, [&] {
      ctx.set_cookies.emplace_back("fg_kiosk=1");
      return ++renders, Html("<p>catalogue</p>");
    });
  }
  EXPECT_EQ(renders, 4);
}

TEST(PortalPageCache, ServeRendersOnceForAnonymousVisitorsAndAnswers304WithoutRendering) {
  PageCache cache;
  auto in = Object();
  int renders = 0;
  auto render = [&] { return ++renders, Html("<p>catalogue</p>"); };
  auto req = Get("/xa/1/thu-tuc");
  http::Context ctx{req};
  ctx.csrf_token = "visitor-token-0123456789";  // not in the page: the page is everyone's
  auto first = cache.Serve(ctx, {in}, render);
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.bytes(), "<p>catalogue</p>");
  EXPECT_EQ(first.header("Cache-Control"), "public, max-age=300");
  const std::string etag(first.header("ETag"));
  ASSERT_FALSE(etag.empty());

  http::Context again{req};
  auto second = cache.Serve(again, {in}, render);
  EXPECT_EQ(second.bytes(), first.bytes());
  // Both answers share the kept bytes: nothing is copied per request.
  EXPECT_TRUE(second.body.empty());
  EXPECT_EQ(second.bytes().data(), first.bytes().data());
  EXPECT_EQ(second.header("ETag"), etag);
  EXPECT_EQ(renders, 1);
  // Another spelling of the same path shares the copy.
  auto spelled = Get("/xa/1/thu-t%75c");
  http::Context sc{spelled};
  EXPECT_EQ(cache.Serve(sc, {in}, render).bytes(), first.bytes());
  EXPECT_EQ(renders, 1);

  for (const std::string& inm : {etag, "W/" + etag, "\"other\", " + etag}) {
    auto cond = Get("/xa/1/thu-tuc", inm);
    http::Context c{cond};
    auto r = cache.Serve(c, {in}, render);
    EXPECT_EQ(r.status, 304) << inm;
    EXPECT_TRUE(r.bytes().empty());
    EXPECT_EQ(r.header("ETag"), etag);
  }
  auto other = Get("/xa/1/thu-tuc", "\"other\"");
  http::Context oc{other};
  EXPECT_EQ(cache.Serve(oc, {in}, render).status, 200);
  EXPECT_EQ(renders, 1);

  // The kiosk's copy is another page.
  auto kiosk = Get("/xa/1/thu-tuc?kiosk=1");
  http::Context kc{kiosk};
  cache.Serve(kc, {in}, render);
  EXPECT_EQ(renders, 2);
  cache.Serve(kc, {in}, render);
  EXPECT_EQ(renders, 2);
  // A search, or any other query, is rendered every time and never kept.
  for (const char* target : {"/xa/1/thu-tuc?tim=khai", "/xa/1/thu-tuc?kiosk=1&x=1", "/xa/1/thu-tuc?done=1"}) {
    auto q = Get(target);
    http::Context qc{q};
    const int before = renders;
    EXPECT_EQ(cache.Serve(qc, {in}, render).status, 200);
    cache.Serve(qc, {in}, render);
    EXPECT_EQ(renders, before + 2) << target;
  }
  EXPECT_EQ(cache.pages(), 2u);
}

TEST(PortalPageCache, NeverForSignedInOfficialsNorAnswersWithCookiesOrErrors) {
  PageCache cache;
  auto in = Object();
  int renders = 0;
  auth::Principal official;
  official.official_id = 7;
  official.full_name = "Nguyễn Văn Cán Bộ";
  auto req = Get("/xa/1/thu-tuc");
  for (int i = 0; i < 2; ++i) {
    http::Context ctx{req, &official};
    auto r = cache.Serve(ctx, {in}, [&] { return ++renders, Html("Xin chào " + official.full_name); });
    EXPECT_EQ(r.header("Cache-Control"), "private, no-cache");
  }
  EXPECT_EQ(renders, 2);
  EXPECT_EQ(cache.pages(), 0u);
  // What an official saw is not what the next visitor gets.
  http::Context anon{req};
  EXPECT_EQ(cache.Serve(anon, {in}, [] { return Html("public"); }).bytes(), "public");

  PageCache other;
  auto with_cookie = [&] {
    ++renders;
    auto r = Html("x");
    r.set_header("Set-Cookie", "fg_kiosk=1");
    return r;
  };
  auto error = [&] { return ++renders, http::Response::Text(503, "busy"); };
  for (int i = 0; i < 2; ++i) {
    http::Context c1{req};
    other.Serve(c1, {in}, with_cookie);
    auto r404 = Get("/xa/none/thu-tuc");
    http::Context c2{r404};
    EXPECT_EQ(other.Serve(c2, {in}, error).status, 503);
  }
  EXPECT_EQ(renders, 2 + 4);
  EXPECT_EQ(other.pages(), 0u);
}

}  // namespace
}  // namespace fg::pub
