#include "platform/http/json_body.h"

#include <boost/json.hpp>

#include "platform/errors.h"

namespace fg::http {

boost::json::object ParseJsonObject(const Request& req) {
  boost::system::error_code ec;
  auto v = boost::json::parse(req.body, ec);
  if (ec || !v.is_object()) throw BadInput("error.bad_json", "body");
  return std::move(v.as_object());
}

std::optional<std::string> JsonString(const boost::json::object& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end()) return std::nullopt;
  if (it->value().is_null()) return std::string();
  if (!it->value().is_string()) throw BadInput("error.json_type", key, {{"type", "string"}});
  return std::string(it->value().as_string());
}

std::optional<bool> JsonBool(const boost::json::object& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end()) return std::nullopt;
  if (!it->value().is_bool()) throw BadInput("error.json_type", key, {{"type", "boolean"}});
  return it->value().as_bool();
}

std::optional<int64_t> JsonInt(const boost::json::object& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end()) return std::nullopt;
  if (!it->value().is_int64()) throw BadInput("error.json_type", key, {{"type", "integer"}});
  return it->value().as_int64();
}

void JsonAllowOnly(const boost::json::object& o, std::initializer_list<const char*> keys) {
  for (auto& [k, v] : o) {
    bool known = false;
    for (const char* key : keys) known = known || k == key;
    if (!known) throw BadInput("error.unknown_field", std::string(k));
  }
}

}  // namespace fg::http
