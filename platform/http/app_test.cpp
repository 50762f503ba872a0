#include "platform/http/app.h"

#include <gtest/gtest.h>

#include "platform/source_dir.h"

namespace fg::http {
namespace {

// Found by review: a request path with %0A forged lines in the access log.
TEST(LogSafe, EscapesControlCharactersAndKeepsText) {
  EXPECT_EQ(LogSafe("/units/75"), "/units/75");
  EXPECT_EQ(LogSafe("/a\n2026-01-01 [info] forged"), "/a\\x0a2026-01-01 [info] forged");
  EXPECT_EQ(LogSafe(std::string("/a\r\0b\x7f\\", 7)), "/a\\x0d\\x00b\\x7f\\x5c");
  EXPECT_EQ(LogSafe("/tra-cuu/Xã Tân Hưng"), "/tra-cuu/Xã Tân Hưng");
}

// A pattern segment "{name}.pdf" binds what comes before the suffix; registered
// before "{name}", it takes the paths with the suffix and leaves the others.
TEST(Routes, SegmentWithASuffix) {
  App app(FG_SOURCE_DIR);
  app.page("GET", "/f/{code}/forms/{form}.pdf", Access::kPublic, [](Context& c) {
    return Response::Text(200, "pdf " + c.req.params.at("code") + " " + c.req.params.at("form"));
  });
  app.page("GET", "/f/{code}/forms/{form}", Access::kPublic,
           [](Context& c) { return Response::Text(200, "html " + c.req.params.at("form")); });
  auto get = [&](const std::string& target) {
    Request r;
    r.method = "GET";
    r.set_target(target);
    return app.handle(r).body;
  };
  EXPECT_EQ(get("/f/A-1/forms/01.pdf"), "pdf A-1 01");
  EXPECT_EQ(get("/f/A-1/forms/01"), "html 01");
  EXPECT_EQ(get("/f/A-1/forms/.pdf"), "html .pdf");  // the suffix alone names nothing
  EXPECT_EQ(get("/f/A-1/forms/01.pdfx"), "html 01.pdfx");
}

// Literal and parameter segments at every level: a path goes to the first
// route registered that matches it; one that matches only with another method
// is answered 405, one that matches nothing 404.
TEST(Routes, TheFirstRegisteredMatchWinsAtEveryLevel) {
  App app(FG_SOURCE_DIR);
  auto say = [](const std::string& what) {
    return [what](Context& c) {
      std::string text = what;
      for (const auto& [k, v] : c.req.params) text += " " + k + "=" + v;
      return Response::Text(200, text);
    };
  };
  app.api("GET", "/", Access::kPublic, say("root"));
  app.api("GET", "/units/new", Access::kPublic, say("new"));
  app.api("GET", "/units/{code}", Access::kPublic, say("unit"));
  app.api("GET", "/{lang}/units", Access::kPublic, say("lang"));
  app.api("GET", "/units/{code}/officials/{id}", Access::kPublic, say("official"));
  app.api("GET", "/units/{code}/officials/new", Access::kPublic, say("never"));  // after the parameter
  app.api("PUT", "/units/{code}", Access::kPublic, say("put"));
  auto call = [&](const std::string& method, const std::string& target) {
    Request r;
    r.method = method;
    r.set_target(target);
    Response res = app.handle(r);
    return res.status == 200 ? res.body : std::to_string(res.status);
  };
  EXPECT_EQ(call("GET", "/"), "root");
  EXPECT_EQ(call("GET", "/units/new"), "new");
  EXPECT_EQ(call("GET", "/units/75"), "unit code=75");
  EXPECT_EQ(call("GET", "/units/units"), "unit code=units");  // "/units/{code}" came before "/{lang}/units"
  EXPECT_EQ(call("GET", "/vi/units"), "lang lang=vi");
  EXPECT_EQ(call("GET", "/units/75/officials/new"), "official code=75 id=new");
  EXPECT_EQ(call("GET", "/units/a%20b/officials/7"), "official code=a b id=7");
  EXPECT_EQ(call("DELETE", "/units/75"), "405");
  EXPECT_EQ(call("DELETE", "/units/new"), "405");  // "/units/{code}" has it with other methods
  EXPECT_EQ(call("GET", "/units"), "404");
  EXPECT_EQ(call("GET", "/units/75/x"), "404");
  EXPECT_EQ(call("GET", "/units/75/officials/7/x"), "404");
}

// Uploads: a route may take a larger body than the server's limit; every
// other route, and the same path with another method, keeps the server's.
TEST(Routes, ALargerBodyOnlyWhereAllowed) {
  App app(FG_SOURCE_DIR);
  auto ok = [](Context&) { return Response::Text(200, "ok"); };
  app.page("POST", "/a/{id}/files", Access::kUser, ok);
  app.page("POST", "/a/{id}", Access::kUser, ok);
  EXPECT_THROW(app.allow_body("POST", "/a/{id}/missing", 1 << 20), std::logic_error);
  EXPECT_EQ(app.body_limit("POST", "/a/7/files", 1000), 1000u);  // nothing allowed yet
  app.allow_body("POST", "/a/{id}/files", 5 << 20);
  EXPECT_EQ(app.body_limit("POST", "/a/7/files", 1000), 5u << 20);
  EXPECT_EQ(app.body_limit("POST", "/a/7/files?x=1", 1000), 5u << 20);
  EXPECT_EQ(app.body_limit("PUT", "/a/7/files", 1000), 1000u);
  EXPECT_EQ(app.body_limit("POST", "/a/7", 1000), 1000u);
  EXPECT_EQ(app.body_limit("POST", "/a/7/files/x", 1000), 1000u);
}

}  // namespace
}  // namespace fg::http
