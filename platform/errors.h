// Typed errors that abort an operation. The HTTP layer turns each kind into a
// status code in one place (platform/http/app.cpp); nobody else picks codes.
#pragma once
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace fg {

// One field at fault in a form or JSON body: a catalogue key and its args.
struct FieldProblem {
  std::string field;
  std::string key;
  std::map<std::string, std::string> args;
};

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
  // Every field at fault, in the order they were checked: the error itself when
  // it names one field, all of them when raised by `Problems`.
  std::vector<FieldProblem> problems() const {
    if (!more_.empty()) return more_;
    if (field_.empty()) return {};
    return {{field_, key_, args_}};
  }

 private:
  friend class Problems;
  friend AppError WithFieldsRenamed(const AppError&, const std::function<std::string(const std::string&)>&);
  ErrorKind kind_;
  std::string key_;
  std::string field_;
  std::map<std::string, std::string> args_;
  std::vector<FieldProblem> more_;
};

inline AppError BadInput(std::string key, std::string field, std::map<std::string, std::string> args = {}) {
  if (!field.empty()) args.emplace("field", field);
  return AppError(ErrorKind::kBadRequest, std::move(key), std::move(field), std::move(args));
}

inline AppError Forbidden() { return AppError(ErrorKind::kForbidden, "error.forbidden"); }
inline AppError NotFound(std::string key) { return AppError(ErrorKind::kNotFound, std::move(key)); }

// The same bad-input error naming another field (inputs nested or named
// differently where they were read).
inline AppError WithField(const AppError& e, std::string field) {
  auto args = e.args();
  args.erase("field");
  return BadInput(e.key(), std::move(field), std::move(args));
}

// The same bad-input error with every problem's field renamed (a page or an API
// naming the service's fields its own way); any other error as it is.
inline AppError WithFieldsRenamed(const AppError& e, const std::function<std::string(const std::string&)>& rename) {
  if (e.kind() != ErrorKind::kBadRequest || e.problems().empty()) return e;
  std::vector<FieldProblem> list;
  for (auto fp : e.problems()) {
    fp.field = rename(fp.field);
    fp.args.erase("field");
    fp.args.emplace("field", fp.field);
    list.push_back(std::move(fp));
  }
  AppError out(ErrorKind::kBadRequest, list.front().key, list.front().field, list.front().args);
  out.more_ = std::move(list);
  return out;
}

// Collects bad-input errors so that a form reports all of them at once:
//   Problems p;
//   d.name = p.check([&] { return text::Clean("name", in.name, 200, true); });
//   p.raise_if_any();
// Only kBadRequest errors naming a field are collected; others propagate.
class Problems {
 public:
  // Runs `f`; a bad-input error it throws is recorded and a default value returned.
  template <class F>
  auto check(F&& f) -> decltype(f()) {
    try {
      return f();
    } catch (const AppError& e) {
      if (e.kind() != ErrorKind::kBadRequest || e.field().empty()) throw;
      add(e);
      if constexpr (!std::is_void_v<decltype(f())>) return {};
    }
  }
  void add(const AppError& e) {
    for (auto& fp : e.problems()) add(fp);
  }
  void add(FieldProblem fp) {
    if (!has(fp.field)) list_.push_back(std::move(fp));  // the first problem of a field wins
  }
  bool has(const std::string& field) const {
    for (auto& fp : list_)
      if (fp.field == field) return true;
    return false;
  }
  bool empty() const { return list_.empty(); }
  // Throws one kBadRequest error carrying every problem (the first one as its key and field).
  void raise_if_any() const {
    if (list_.empty()) return;
    AppError e(ErrorKind::kBadRequest, list_.front().key, list_.front().field, list_.front().args);
    e.more_ = list_;
    throw e;
  }

 private:
  std::vector<FieldProblem> list_;
};

}  // namespace fg
