#include "platform/http/json_body.h"

#include <boost/json.hpp>
#include <boost/json/basic_parser_impl.hpp>
#include <set>
#include <vector>

#include "platform/errors.h"
#include "platform/text/text.h"

namespace fg::http {
namespace {

using boost::json::string_view;
using boost::system::error_code;

// A boost::json::basic_parser handler that stops at the first key seen twice
// in one object (boost::json::parse keeps the last one silently).
struct DuplicateKeyFinder {
  static constexpr std::size_t max_array_size = -1;
  static constexpr std::size_t max_object_size = -1;
  static constexpr std::size_t max_string_size = -1;
  static constexpr std::size_t max_key_size = -1;

  std::vector<std::set<std::string>> open_objects;
  std::string key;
  std::optional<std::string> duplicate;

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }
  bool on_array_begin(error_code&) { return true; }
  bool on_array_end(std::size_t, error_code&) { return true; }
  bool on_object_begin(error_code&) {
    open_objects.emplace_back();
    return true;
  }
  bool on_object_end(std::size_t, error_code&) {
    open_objects.pop_back();
    return true;
  }
  bool on_string_part(string_view, std::size_t, error_code&) { return true; }
  bool on_string(string_view, std::size_t, error_code&) { return true; }
  bool on_key_part(string_view s, std::size_t, error_code&) {
    key.append(s.data(), s.size());
    return true;
  }
  bool on_key(string_view s, std::size_t, error_code& ec) {
    key.append(s.data(), s.size());
    if (!open_objects.back().insert(key).second) {
      duplicate = key;
      ec = boost::json::error::syntax;
      return false;
    }
    key.clear();
    return true;
  }
  bool on_number_part(string_view, error_code&) { return true; }
  bool on_int64(std::int64_t, string_view, error_code&) { return true; }
  bool on_uint64(std::uint64_t, string_view, error_code&) { return true; }
  bool on_double(double, string_view, error_code&) { return true; }
  bool on_bool(bool, error_code&) { return true; }
  bool on_null(error_code&) { return true; }
  bool on_comment_part(string_view, error_code&) { return true; }
  bool on_comment(string_view, error_code&) { return true; }
};

std::string Lower(std::string_view s) {
  std::string out = text::Trim(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "application/json", optionally with the parameter charset=utf-8 (RFC 8259: JSON is UTF-8).
bool IsJsonMediaType(std::string_view content_type) {
  const size_t semi = content_type.find(';');
  if (Lower(content_type.substr(0, semi)) != "application/json") return false;
  if (semi == std::string_view::npos) return true;
  const std::string param = Lower(content_type.substr(semi + 1));
  return param == "charset=utf-8" || param == "charset=\"utf-8\"";
}

}  // namespace

boost::json::object ParseJsonObject(const Request& req) {
  if (!IsJsonMediaType(req.header("content-type")))
    throw AppError(ErrorKind::kUnsupportedMediaType, "error.unsupported_media_type");
  boost::system::error_code ec;
  auto v = boost::json::parse(req.body, ec);
  if (ec || !v.is_object()) throw BadInput("error.bad_json", "body");
  boost::json::basic_parser<DuplicateKeyFinder> keys{boost::json::parse_options{}};
  keys.write_some(false, req.body.data(), req.body.size(), ec);
  if (keys.handler().duplicate) throw BadInput("error.duplicate_key", *keys.handler().duplicate);
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
