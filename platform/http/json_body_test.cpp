// JSON request bodies: only under application/json, and no key twice.
#include "platform/http/json_body.h"

#include <gtest/gtest.h>

#include "platform/errors.h"

namespace fg::http {
namespace {

Request Post(std::string content_type, std::string body) {
  Request r;
  r.method = "POST";
  if (!content_type.empty()) r.headers.emplace_back("content-type", std::move(content_type));
  r.body = std::move(body);
  return r;
}

// "ok", or the refusal as "status-kind:field".
std::string Outcome(const std::string& content_type, const std::string& body) {
  try {
    ParseJsonObject(Post(content_type, body));
    return "ok";
  } catch (const AppError& e) {
    return std::to_string(int(e.kind())) + ":" + e.field();
  }
}

const std::string kBad = std::to_string(int(ErrorKind::kBadRequest));

TEST(JsonBody, OnlyApplicationJson) {
  for (const char* ok : {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8",
                         "application/json ; charset=\"utf-8\""})
    EXPECT_EQ(Outcome(ok, "{}"), "ok") << ok;
  for (const char* bad : {"", "text/plain", "application/x-www-form-urlencoded", "text/json", "application/jsonx",
                          "application/json-patch+json", "application/json; charset=latin1", "application/json; x=1",
                          "multipart/form-data; boundary=application/json"}) {
    std::string got = Outcome(bad, "{}");
    EXPECT_NE(got, "ok") << bad;
    EXPECT_NE(got.rfind(kBad + ":", 0), 0u) << bad << " must not be a plain 400";
  }
}

TEST(JsonBody, DuplicateKeysAreRefusedNamingTheKey) {
  EXPECT_EQ(Outcome("application/json", R"({"name":"a","name":"b"})"), kBad + ":name");
  EXPECT_EQ(Outcome("application/json", R"({"roles":[{"role":"admin","role":"desk"}]})"), kBad + ":role");
  EXPECT_EQ(Outcome("application/json", R"({"a":{"b":1,"c":{"b":2}},"b":{"a":3}})"), "ok");  // other objects
  EXPECT_EQ(Outcome("application/json", R"({"x":[{"a":1},{"a":2}]})"), "ok");
  EXPECT_EQ(Outcome("application/json", R"({"a\u0062":1,"ab":2})"), kBad + ":ab");  // after unescaping
  EXPECT_EQ(Outcome("application/json", "{not json"), kBad + ":body");
  EXPECT_EQ(Outcome("application/json", "[]"), kBad + ":body");
}

}  // namespace
}  // namespace fg::http
