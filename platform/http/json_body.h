// Reading JSON request bodies with errors that name the field.
#pragma once
#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "platform/http/message.h"

namespace fg::http {

// The body as a JSON object. Throws AppError(kUnsupportedMediaType) unless the
// Content-Type is application/json (optionally "; charset=utf-8"),
// BadInput("error.bad_json") unless the body is a JSON object, and
// BadInput("error.duplicate_key") naming a key given twice in one object.
boost::json::object ParseJsonObject(const Request& req);
// The string at `key`; nullopt if absent; BadInput naming `key` if not a string (null counts as "").
std::optional<std::string> JsonString(const boost::json::object& o, const char* key);
std::optional<bool> JsonBool(const boost::json::object& o, const char* key);
std::optional<int64_t> JsonInt(const boost::json::object& o, const char* key);
// The only fields allowed in `o`; any other one is a BadInput naming it.
void JsonAllowOnly(const boost::json::object& o, std::initializer_list<const char*> keys);

}  // namespace fg::http
