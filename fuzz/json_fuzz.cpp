// JSON request bodies (platform/http/json_body.*): the body is the input; the
// first line of the input is also tried as a Content-Type.
#include <boost/json.hpp>
#include <cmath>

#include "fuzz/fuzz.h"
#include "platform/errors.h"
#include "platform/http/json_body.h"

using namespace fg;

namespace {

// Boost.JSON 1.81 reads a number too large for a double as infinity and writes
// it as "Infinity", which it cannot read back. Handlers never echo numbers they
// were given (JsonInt refuses doubles), so such bodies skip the round trip.
bool HasNonFinite(const boost::json::value& v) {
  if (v.is_double()) return !std::isfinite(v.get_double());
  if (v.is_array())
    for (auto& e : v.get_array())
      if (HasNonFinite(e)) return true;
  if (v.is_object())
    for (auto& [k, e] : v.get_object())
      if (HasNonFinite(e)) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::Quiet();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  {
    http::Request r;
    r.headers.emplace_back("content-type", std::string(raw.substr(0, raw.find('\n'))));
    r.body = "{}";
    try {
      http::ParseJsonObject(r);
    } catch (const AppError& e) {
      FG_FUZZ_CHECK(e.kind() == ErrorKind::kUnsupportedMediaType);
    }
  }

  http::Request r;
  r.headers.emplace_back("content-type", size % 2 ? "application/json" : "Application/JSON; charset=\"UTF-8\"");
  r.body = std::string(raw);
  boost::json::object o;
  try {
    o = http::ParseJsonObject(r);
  } catch (const AppError& e) {
    FG_FUZZ_CHECK(e.kind() == ErrorKind::kBadRequest);
    FG_FUZZ_CHECK(e.key() == "error.bad_json" || e.key() == "error.duplicate_key");
    return 0;
  }
  // Accepted: serialising and reading again gives an object with the same
  // keys (none silently dropped; the duplicate check agrees with itself).
  // Values are not compared: Boost.JSON 1.81 may read a long double back one
  // ulp off.
  if (HasNonFinite(o)) return 0;
  http::Request again = r;
  again.body = boost::json::serialize(o);
  const boost::json::object back = http::ParseJsonObject(again);
  FG_FUZZ_CHECK(back.size() == o.size());
  for (auto& [k, v] : o) FG_FUZZ_CHECK(back.contains(k) && back.at(k).kind() == v.kind());

  // What handlers do with it: typed fields and the allowed set.
  for (const char* key : {"name", "code", "active", "id", "valid_from", ""}) {
    try {
      if (auto s = http::JsonString(o, key)) FG_FUZZ_CHECK(o.contains(key));
    } catch (const AppError& e) {
      FG_FUZZ_CHECK(e.field() == key);
    }
    try {
      http::JsonBool(o, key);
    } catch (const AppError& e) {
      FG_FUZZ_CHECK(e.field() == key);
    }
    try {
      if (auto i = http::JsonInt(o, key)) FG_FUZZ_CHECK(o.at(key).is_int64());
    } catch (const AppError& e) {
      FG_FUZZ_CHECK(e.field() == key);
    }
  }
  try {
    http::JsonAllowOnly(o, {"name", "code", "active"});
  } catch (const AppError& e) {
    FG_FUZZ_CHECK(e.key() == "error.unknown_field" && o.contains(e.field()));
  }
  return 0;
}
