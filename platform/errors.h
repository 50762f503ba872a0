// Typed errors that abort an operation. The HTTP layer turns each kind into a
// status code in one place (platform/http/app.cpp); nobody else picks codes.
#pragma once
#include <map>
#include <stdexcept>
#include <string>

namespace fg {

enum class ErrorKind {
  kBadRequest,            // 400: input is invalid; `field` names the culprit
  kUnauthorized,          // 401: not logged in / bad credentials
  kForbidden,             // 403: logged in, but not allowed on this unit
  kNotFound,              // 404
  kConflict,              // 409: state does not allow it (duplicate code ...)
  kTooLarge,              // 413
  kUnsupportedMediaType,  // 415: a body of another type than the endpoint reads
  kTooMany,               // 429: rate limited or locked out
  kUnavailable,           // 503
};

// `key` is a message-catalogue key (see platform/render/messages.h); `args`
// fill its {placeholders}. The text a person reads lives in the catalogue.
class AppError : public std::runtime_error {
 public:
  AppError(ErrorKind kind, std::string key, std::string field = {}, std::map<std::string, std::string> args = {})
      : std::runtime_error(key), kind_(kind), key_(std::move(key)), field_(std::move(field)), args_(std::move(args)) {}
  ErrorKind kind() const { return kind_; }
  const std::string& key() const { return key_; }
  const std::string& field() const { return field_; }
  const std::map<std::string, std::string>& args() const { return args_; }

 private:
  ErrorKind kind_;
  std::string key_;
  std::string field_;
  std::map<std::string, std::string> args_;
};

inline AppError BadInput(std::string key, std::string field, std::map<std::string, std::string> args = {}) {
  if (!field.empty()) args.emplace("field", field);
  return AppError(ErrorKind::kBadRequest, std::move(key), std::move(field), std::move(args));
}

// The same bad-input error naming another field (inputs nested or named
// differently where they were read).
inline AppError WithField(const AppError& e, std::string field) {
  auto args = e.args();
  args.erase("field");
  return BadInput(e.key(), std::move(field), std::move(args));
}

}  // namespace fg
