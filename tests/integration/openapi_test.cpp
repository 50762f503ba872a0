// docs/openapi.json describes every API route the server registers, and no route
// that does not exist.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "platform/source_dir.h"
#include "tests/support/routes.h"

namespace fg::testing {
namespace {

TEST(OpenApi, DescribesExactlyTheRegisteredApiRoutes) {
  std::set<std::string> registered;
  for (auto& r : RegisteredRoutes())
    if (r.is_api) registered.insert(r.method + " " + r.pattern);

  std::ifstream in(std::string(FG_SOURCE_DIR) + "/docs/openapi.json");
  std::stringstream ss;
  ss << in.rdbuf();
  const boost::json::value spec = boost::json::parse(ss.str());
  std::set<std::string> documented;
  for (auto& [path, ops] : spec.at("paths").as_object())
    for (auto& [method, op] : ops.as_object()) {
      std::string m(method);
      for (auto& c : m) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.insert(m + " " + std::string(path));
    }
  for (auto& r : registered) EXPECT_TRUE(documented.count(r)) << r << " is not in docs/openapi.json";
  for (auto& d : documented) EXPECT_TRUE(registered.count(d)) << d << " is documented but not registered";
}

}  // namespace
}  // namespace fg::testing
