#include "features/accounts/service.h"

#include <spdlog/spdlog.h>

#include "features/accounts/repo.h"
#include "features/org/rules.h"
#include "features/org/service.h"
#include "platform/auth/crypto.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::accounts {
namespace {

constexpr std::string_view kTokenPrefix = "fgt_";

events::Event AccountEvent(int64_t official_id, const std::string& actor, const std::string& action,
                           const std::string& after = "") {
  events::Event e;
  e.actor_id = official_id;
  e.actor = actor;
  e.entity = "official";
  e.entity_id = std::to_string(official_id);
  e.action = action;
  e.after_json = after;
  return e;
}

AppError BadCredentials() { return AppError(ErrorKind::kUnauthorized, "accounts.bad_credentials"); }

}  // namespace

Service::Service(db::Db& db, bool demo_mode, Policy policy)
    : db_(db), demo_mode_(demo_mode), policy_(policy),
      ip_limiter_(policy.attempts_per_ip, policy.attempts_window),
      dummy_hash_(auth::HashPassword(auth::RandomToken(16))) {}

LoginResult Service::Login(const std::string& username, const std::string& password, const std::string& client_ip) {
  if (username.empty()) throw BadInput("error.required", "username");
  if (password.empty()) throw BadInput("error.required", "password");
  if (username.size() > 64 || password.size() > 1024) throw BadCredentials();
  const auto now = Now();
  if (!ip_limiter_.allow(client_ip, now)) throw AppError(ErrorKind::kTooMany, "accounts.too_many_attempts");

  auto cred = db_.read([&](db::Conn& c) { return repo::CredentialByUsername(c, username); });
  if (!cred || !cred->active) {
    auth::VerifyPassword(dummy_hash_, password);
    throw BadCredentials();
  }
  if (cred->locked_until && *cred->locked_until > FormatUtc(now))
    throw AppError(ErrorKind::kTooMany, "accounts.locked", "", {{"until", FormatLocal(*cred->locked_until)}});

  if (!auth::VerifyPassword(cred->password_hash, password)) {
    int failures = cred->failed_logins + 1;
    std::optional<std::string> lock;
    if (failures >= policy_.max_failures) lock = FormatUtc(now + policy_.lockout);
    db_.write([&](db::Conn& c) {
      repo::SetFailures(c, cred->id, lock ? 0 : failures, lock);
      events::Append(c, AccountEvent(cred->id, username, lock ? "locked" : "login_failed"));
    });
    if (lock) throw AppError(ErrorKind::kTooMany, "accounts.locked", "", {{"until", FormatLocal(*lock)}});
    throw BadCredentials();
  }
  if (cred->password_is_demo && !demo_mode_) throw AppError(ErrorKind::kForbidden, "accounts.demo_refused");

  LoginResult res;
  res.session_token = auth::RandomToken(32);
  std::string csrf = auth::RandomToken(24);
  auto principal = db_.write([&](db::Conn& c) {
    repo::SetFailures(c, cred->id, 0, std::nullopt);
    repo::DeleteExpiredSessions(c, FormatUtc(now));
    repo::InsertSession(c, auth::Sha256Hex(res.session_token), cred->id, csrf, FormatUtc(now + policy_.session_lifetime),
                        client_ip);
    events::Append(c, AccountEvent(cred->id, username, "login"));
    return org::Service::LoadPrincipal(c, cred->id);
  });
  if (!principal) throw BadCredentials();
  res.principal = *principal;
  res.principal.csrf_token = csrf;
  return res;
}

void Service::Logout(const std::string& session_token) {
  if (session_token.empty()) return;
  db_.write([&](db::Conn& c) { repo::DeleteSession(c, auth::Sha256Hex(session_token)); });
}

std::optional<auth::Principal> Service::Authenticate(const http::Request& req) {
  std::string_view authz = req.header("authorization");
  if (authz.size() > 7 && authz.substr(0, 7) == "Bearer ") {
    std::string token(authz.substr(7));
    if (token.rfind(kTokenPrefix, 0) != 0) return std::nullopt;
    return db_.read([&](db::Conn& c) -> std::optional<auth::Principal> {
      auto owner = repo::TokenOwner(c, auth::Sha256Hex(token));
      if (!owner) return std::nullopt;
      auto p = org::Service::LoadPrincipal(c, *owner);
      if (p) p->via_api_token = true;
      return p;
    });
  }
  std::string cookie = req.cookie("fg_session");
  if (cookie.size() < 20) return std::nullopt;
  return db_.read([&](db::Conn& c) -> std::optional<auth::Principal> {
    auto s = repo::LiveSession(c, auth::Sha256Hex(cookie), NowUtcText());
    if (!s) return std::nullopt;
    auto p = org::Service::LoadPrincipal(c, s->first);
    if (p) p->csrf_token = s->second;
    return p;
  });
}

void Service::ChangePassword(const auth::Principal& p, const std::string& current, const std::string& next,
                             const std::string& confirm) {
  if (current.empty()) throw BadInput("error.required", "current_password");
  auto cred = db_.read([&](db::Conn& c) { return repo::CredentialById(c, p.official_id); });
  if (!cred || !auth::VerifyPassword(cred->password_hash, current))
    throw BadInput("accounts.wrong_current_password", "current_password");
  org::ValidatePassword(next);
  if (next != confirm) throw BadInput("accounts.password_mismatch", "confirm_password");
  if (next == current) throw BadInput("accounts.password_unchanged", "password");
  std::string hash = auth::HashPassword(next);
  db_.write([&](db::Conn& c) {
    repo::SetPassword(c, p.official_id, hash);
    repo::DeleteOtherSessions(c, p.official_id, p.csrf_token);  // log out everywhere else
    events::Append(c, AccountEvent(p.official_id, p.username, "password_changed"));
  });
}

std::pair<ApiToken, std::string> Service::CreateToken(const auth::Principal& p, int64_t official_id,
                                                      const std::string& name_in) {
  std::string name = text::Clean("name", name_in, 80, true);
  std::string token = std::string(kTokenPrefix) + auth::RandomToken(32);
  return db_.write([&](db::Conn& c) {
    auto cred = repo::CredentialById(c, official_id);
    if (!cred) throw BadInput("org.official_not_found", "official_id");
    if (!auth::Covers(p, cred->unit_path, {auth::Role::kAdmin})) throw AppError(ErrorKind::kForbidden, "error.forbidden");
    int64_t id = repo::InsertToken(c, official_id, name, auth::Sha256Hex(token), token.substr(0, 10), p.official_id);
    events::Event e = AccountEvent(official_id, p.username, "token_created", "{\"token_id\":" + std::to_string(id) + "}");
    e.actor_id = p.official_id ? std::optional<int64_t>(p.official_id) : std::nullopt;
    events::Append(c, e);
    return std::make_pair(repo::TokenById(c, id)->first, token);
  });
}

std::vector<ApiToken> Service::ListTokens(const auth::Principal& p) {
  auto roots = auth::Roots(p, {auth::Role::kAdmin});
  if (roots.empty()) throw AppError(ErrorKind::kForbidden, "error.forbidden");
  return db_.read([&](db::Conn& c) {
    std::vector<ApiToken> out;
    for (auto& root : roots)
      for (auto& [t, path] : repo::TokensUnder(c, root)) out.push_back(t);
    return out;
  });
}

void Service::RevokeToken(const auth::Principal& p, int64_t token_id) {
  db_.write([&](db::Conn& c) {
    auto t = repo::TokenById(c, token_id);
    if (!t) throw AppError(ErrorKind::kNotFound, "accounts.token_not_found");
    if (!auth::Covers(p, t->second, {auth::Role::kAdmin})) throw AppError(ErrorKind::kForbidden, "error.forbidden");
    repo::RevokeToken(c, token_id, NowUtcText());
    events::Event e = AccountEvent(t->first.official_id, p.username, "token_revoked",
                                   "{\"token_id\":" + std::to_string(token_id) + "}");
    e.actor_id = p.official_id;
    events::Append(c, e);
  });
}

int64_t Service::CountDemoAccounts() {
  return db_.read([](db::Conn& c) { return repo::CountDemoAccounts(c); });
}

}  // namespace fg::accounts
