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

AppError Forbidden() { return AppError(ErrorKind::kForbidden, "error.forbidden"); }

events::Event TokenRevoked(const auth::Principal& by, int64_t official_id, int64_t token_id) {
  events::Event e =
      AccountEvent(official_id, by.username, "token_revoked", "{\"token_id\":" + std::to_string(token_id) + "}");
  e.actor_id = by.official_id ? std::optional<int64_t>(by.official_id) : std::nullopt;
  return e;
}

// Tokens of an official: administrators covering the official (org::CoversOfficial).
void RequireAdminOver(db::Conn& c, const auth::Principal& p, int64_t official_id) {
  auto o = org::Service::FindOfficial(c, official_id);
  if (!o) throw BadInput("org.official_not_found", "official_id");
  if (!org::CoversOfficial(p, *o, {auth::Role::kAdmin})) throw Forbidden();
}

}  // namespace

Service::Service(db::Db& db, bool demo_mode, Policy policy)
    : db_(db), demo_mode_(demo_mode), policy_(policy),
      ip_limiter_(policy.attempts_per_ip, policy.attempts_window),
      dummy_hash_(auth::HashPassword(auth::RandomToken(16))) {}

LoginResult Service::Login(const std::string& username, const std::string& password, const std::string& client_ip) {
  if (username.empty()) throw BadInput("error.required", "username");
  if (password.empty()) throw BadInput("error.required", "password");
  // One answer for every refusal: an outsider cannot tell a locked account from an unknown one.
  const AppError refused(ErrorKind::kUnauthorized, "accounts.bad_credentials", "",
                         {{"minutes", std::to_string(policy_.lockout.count() / 60)}});
  if (username.size() > 64 || password.size() > 1024) throw refused;
  const auto now = Now();
  if (!ip_limiter_.allow(client_ip, now)) throw AppError(ErrorKind::kTooMany, "accounts.too_many_attempts");

  auto cred = db_.read([&](db::Conn& c) { return repo::CredentialByUsername(c, username); });
  const bool usable = cred && cred->active;
  // The same hashing work whether the account exists, is locked or not.
  const bool password_ok = auth::VerifyPassword(usable ? cred->password_hash : dummy_hash_, password);
  auto locked = [&](const repo::Credential& cr) { return cr.locked_until && *cr.locked_until > FormatUtc(now); };
  if (!usable || locked(*cred)) throw refused;

  if (!password_ok) {
    // Counted in the store, so concurrent wrong passwords all count.
    db_.write([&](db::Conn& c) {
      const bool lock = repo::AddFailure(c, cred->id) >= policy_.max_failures;
      if (lock) repo::SetFailures(c, cred->id, 0, FormatUtc(now + policy_.lockout));
      events::Append(c, AccountEvent(cred->id, username, lock ? "locked" : "login_failed"));
    });
    throw refused;
  }
  if (cred->password_is_demo && !demo_mode_) throw AppError(ErrorKind::kForbidden, "accounts.demo_refused");

  LoginResult res;
  res.session_token = auth::RandomToken(32);
  std::string csrf = auth::RandomToken(24);
  auto principal = db_.write([&](db::Conn& c) {
    // Locked by a concurrent wrong guess since the read: refused as well.
    auto current = repo::CredentialById(c, cred->id);
    if (!current || locked(*current)) throw refused;
    repo::SetFailures(c, cred->id, 0, std::nullopt);
    repo::DeleteExpiredSessions(c, FormatUtc(now));
    repo::InsertSession(c, auth::Sha256Hex(res.session_token), cred->id, csrf, FormatUtc(now + policy_.session_lifetime),
                        client_ip);
    events::Append(c, AccountEvent(cred->id, username, "login"));
    return org::Service::LoadPrincipal(c, cred->id);
  });
  if (!principal) throw refused;
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

void Service::EndAccess(db::Conn& c, const auth::Principal& by, int64_t official_id) {
  if (repo::DeleteSessionsOf(c, official_id) > 0) {
    events::Event e = AccountEvent(official_id, by.username, "sessions_ended");
    e.actor_id = by.official_id ? std::optional<int64_t>(by.official_id) : std::nullopt;
    events::Append(c, e);
  }
  for (int64_t token_id : repo::RevokeTokensOf(c, official_id, NowUtcText()))
    events::Append(c, TokenRevoked(by, official_id, token_id));
}

std::pair<ApiToken, std::string> Service::CreateToken(const auth::Principal& p, int64_t official_id,
                                                      const std::string& name_in) {
  std::string name = text::Clean("name", name_in, 80, true);
  std::string token = std::string(kTokenPrefix) + auth::RandomToken(32);
  return db_.write([&](db::Conn& c) {
    RequireAdminOver(c, p, official_id);
    int64_t id = repo::InsertToken(c, official_id, name, auth::Sha256Hex(token), token.substr(0, 10), p.official_id);
    events::Event e = AccountEvent(official_id, p.username, "token_created", "{\"token_id\":" + std::to_string(id) + "}");
    e.actor_id = p.official_id ? std::optional<int64_t>(p.official_id) : std::nullopt;
    events::Append(c, e);
    return std::make_pair(repo::TokenById(c, id)->first, token);
  });
}

std::vector<ApiToken> Service::ListTokens(const auth::Principal& p) {
  auto roots = auth::Roots(p, {auth::Role::kAdmin});
  if (roots.empty()) throw Forbidden();
  return db_.read([&](db::Conn& c) {
    std::vector<ApiToken> out;
    for (auto& root : roots)
      for (auto& [t, path] : repo::TokensUnder(c, root)) {
        auto owner = org::Service::FindOfficial(c, t.official_id);
        if (owner && org::CoversOfficial(p, *owner, {auth::Role::kAdmin})) out.push_back(t);
      }
    return out;
  });
}

void Service::RevokeToken(const auth::Principal& p, int64_t token_id) {
  db_.write([&](db::Conn& c) {
    auto t = repo::TokenById(c, token_id);
    if (!t) throw AppError(ErrorKind::kNotFound, "accounts.token_not_found");
    RequireAdminOver(c, p, t->first.official_id);
    repo::RevokeToken(c, token_id, NowUtcText());
    events::Append(c, TokenRevoked(p, t->first.official_id, token_id));
  });
}

int64_t Service::CountDemoAccounts() {
  return db_.read([](db::Conn& c) { return repo::CountDemoAccounts(c); });
}

}  // namespace fg::accounts
