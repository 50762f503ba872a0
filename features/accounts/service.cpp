#include "features/accounts/service.h"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>

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
    : db_(db),
      demo_mode_(demo_mode),
      policy_(policy),
      address_limiter_(policy.failures_per_address, policy.address_window),
      dummy_hash_(auth::HashPassword(auth::RandomToken(16))),
      // A new session, token, official or unit changes no principal already
      // read (a grant's unit exists before the grant); a new grant does. So an
      // INSERT OR REPLACE into those four tables would go unseen: never write one so.
      auth_changes_(db.watch({"role_grants"}, {"sessions", "api_tokens", "officials", "units"})) {}

LoginResult Service::Login(const std::string& username, const std::string& password, const std::string& client_ip) {
  if (username.empty()) throw BadInput("error.required", "username");
  if (password.empty()) throw BadInput("error.required", "password");
  const auto now = Now();
  // Only failed logins count against an address: many people behind one router may log in.
  if (address_limiter_.exhausted(client_ip, now))
    throw AppError(ErrorKind::kTooMany, "accounts.too_many_attempts", "",
                   {{"minutes", std::to_string(policy_.address_window.count() / 60)}});
  // One answer for every refusal: an outsider cannot tell a closed account from an unknown one.
  auto refused = [&] {
    address_limiter_.record(client_ip, now);
    return AppError(ErrorKind::kUnauthorized, "accounts.bad_credentials");
  };
  if (username.size() > 64 || password.size() > 1024) throw refused();

  const std::string now_text = FormatUtc(now);
  struct Found {
    repo::Credential cred;
    std::optional<repo::Throttle> pair;
  };
  auto found = db_.read([&](db::Conn& c) -> std::optional<Found> {
    auto cred = repo::CredentialByUsername(c, username);
    if (!cred) return std::nullopt;
    return Found{*cred, repo::ThrottleOf(c, cred->id, client_ip)};
  });
  const bool usable = found && found->cred.active;
  // The same hashing work whether the account exists, is closed, waits or not.
  const bool password_ok = auth::VerifyPassword(usable ? found->cred.password_hash : dummy_hash_, password);
  // Whether this address must wait for this account: its own throttle, or the
  // account's safety net for addresses it has not logged in from lately.
  auto must_wait = [&](const repo::Credential& cr, const std::optional<repo::Throttle>& pair) {
    if (pair && pair->blocked_until && *pair->blocked_until > now_text) return true;
    const bool known =
        pair && pair->last_success_at && *pair->last_success_at > FormatUtc(now - policy_.known_address_for);
    return cr.locked_until && *cr.locked_until > now_text && !known;
  };
  // A waiting pair's attempts are refused without counting: the wait is not prolonged.
  if (!usable || must_wait(found->cred, found->pair)) throw refused();
  const auto& cred = found->cred;

  if (!password_ok) {
    // Counted in the store, each in one statement, so concurrent wrong passwords all count.
    db_.write([&](db::Conn& c) {
      int pair_failures = repo::AddPairFailure(c, cred.id, client_ip, now_text, FormatUtc(now - policy_.pair_memory));
      auto delay = DelayAfter(pair_failures, policy_.pair);
      if (delay) repo::BlockPair(c, cred.id, client_ip, FormatUtc(now + *delay));
      int account_failures = repo::AddAccountFailure(c, cred.id, FormatUtc(now - policy_.account_window), now_text);
      const bool lock = account_failures >= policy_.account_failures;
      if (lock) repo::LockAccount(c, cred.id, FormatUtc(now + policy_.account_lock));
      boost::json::object after{{"client_address", client_ip}, {"failures", pair_failures}};
      if (delay) after["wait_seconds"] = delay->count();
      if (lock) after["account_failures"] = account_failures;
      events::Append(c, AccountEvent(cred.id, username,
                                     lock    ? "locked"
                                     : delay ? "login_throttled"
                                             : "login_failed",
                                     boost::json::serialize(after)));
    });
    throw refused();
  }
  if (cred.password_is_demo && !demo_mode_) throw AppError(ErrorKind::kForbidden, "accounts.demo_refused");

  LoginResult res;
  res.session_token = auth::RandomToken(32);
  std::string csrf = auth::RandomToken(24);
  auto principal = db_.write([&](db::Conn& c) -> std::optional<auth::Principal> {
    // Closed by concurrent wrong guesses since the read: refused as well.
    auto current = repo::CredentialById(c, cred.id);
    if (!current || !current->active || must_wait(*current, repo::ThrottleOf(c, cred.id, client_ip)))
      return std::nullopt;
    repo::PairSucceeded(c, cred.id, client_ip, now_text);
    repo::DeleteStaleThrottles(c, FormatUtc(now - std::max(policy_.known_address_for, policy_.pair_memory)));
    repo::DeleteExpiredSessions(c, now_text);
    repo::InsertSession(c, auth::Sha256Hex(res.session_token), cred.id, csrf, FormatUtc(now + policy_.session_lifetime),
                        client_ip);
    events::Append(c, AccountEvent(cred.id, username, "login"));
    auto p = org::Service::LoadPrincipal(c, cred.id);
    if (p) p->must_change_password = current->must_change_password;
    return p;
  });
  if (!principal) throw refused();
  res.principal = *principal;
  res.principal.csrf_token = csrf;
  return res;
}

void Service::Logout(const std::string& session_token) {
  if (session_token.empty()) return;
  db_.write([&](db::Conn& c) { repo::DeleteSession(c, auth::Sha256Hex(session_token)); });
}

// A principal is read once per credential and reused while nothing it comes
// from may have changed (Policy::principal_reuse): the count of this store's
// commits to those tables is taken before the read, and an entry is reused
// only while the count is the same, so a revocation, a logout or a grant
// change committed through this store is seen by the very next request.
template <class Read>
std::optional<auth::Principal> Service::ReadOrReuse(char kind, std::string_view credential, Read read) {
  const uint64_t changes = auth_changes_->load();
  const std::string hash = auth::Sha256Hex(credential);  // as stored: the credential itself is kept nowhere
  std::string key = kind + hash;
  if (auto p = Reuse(key, changes)) return p;
  auto row = db_.read([&](db::Conn& c) { return read(c, hash); });
  if (!row) return std::nullopt;
  Keep(std::move(key), row->principal, changes, row->expires_at);
  return std::move(row->principal);
}

std::optional<auth::Principal> Service::Authenticate(const http::Request& req) {
  std::string_view authz = req.header("authorization");
  if (authz.size() > 7 && authz.substr(0, 7) == "Bearer ") {
    std::string_view token = authz.substr(7);
    if (token.rfind(kTokenPrefix, 0) != 0) return std::nullopt;
    return ReadOrReuse('B', token, [](db::Conn& c, const std::string& hash) {
      auto row = repo::PrincipalByToken(c, hash);
      if (row) row->principal.via_api_token = true;
      return row;
    });
  }
  std::string cookie = req.cookie("fg_session");
  if (cookie.size() < 20) return std::nullopt;
  return ReadOrReuse('S', cookie, [](db::Conn& c, const std::string& hash) {
    auto row = repo::PrincipalBySession(c, hash, NowUtcText());
    if (row) {
      row->principal.csrf_token = row->csrf_token;
      row->principal.must_change_password = row->must_change_password;
    }
    return row;
  });
}

std::optional<auth::Principal> Service::Reuse(const std::string& key, uint64_t changes) {
  std::lock_guard lk(reused_mu_);
  auto it = reused_.find(key);
  if (it == reused_.end()) return std::nullopt;
  const Reused& r = it->second;
  if (r.changes != changes || std::chrono::steady_clock::now() >= r.until ||
      (r.session_expires && Now() >= *r.session_expires)) {
    reused_.erase(it);
    return std::nullopt;
  }
  return r.principal;
}

void Service::Keep(std::string key, const auth::Principal& p, uint64_t changes, const std::string& session_expires) {
  if (policy_.principal_reuse <= std::chrono::milliseconds::zero()) return;
  Reused r{p, changes, std::chrono::steady_clock::now() + policy_.principal_reuse, std::nullopt};
  if (!session_expires.empty()) {
    r.session_expires = ParseUtc(session_expires);
    if (!r.session_expires) return;
  }
  constexpr size_t kMaxReused = 10000;  // sessions and tokens seen within principal_reuse
  std::lock_guard lk(reused_mu_);
  if (reused_.size() >= kMaxReused) reused_.clear();
  reused_.insert_or_assign(std::move(key), std::move(r));
}

void Service::ChangePassword(const auth::Principal& p, const std::string& current, const std::string& next,
                             const std::string& confirm) {
  Problems problems;
  if (current.empty()) problems.add(BadInput("error.required", "current_password"));
  problems.check([&] { org::ValidatePassword(next); });
  if (next != confirm) problems.add(BadInput("accounts.password_mismatch", "confirm_password"));
  if (!current.empty() && next == current) problems.add(BadInput("accounts.password_unchanged", "password"));
  if (!current.empty()) {  // the slow check, unless the form is already wrong without it
    auto cred = db_.read([&](db::Conn& c) { return repo::CredentialById(c, p.official_id); });
    if (!cred || !auth::VerifyPassword(cred->password_hash, current))
      problems.add(BadInput("accounts.wrong_current_password", "current_password"));
  }
  problems.raise_if_any();
  std::string hash = auth::HashPassword(next);
  db_.write([&](db::Conn& c) {
    repo::SetPassword(c, p.official_id, hash, /*temporary=*/false);  // a temporary password is no longer one
    repo::DeleteOtherSessions(c, p.official_id, p.csrf_token);       // log out everywhere else
    events::Append(c, AccountEvent(p.official_id, p.username, "password_changed"));
  });
}

void Service::Unlock(const auth::Principal& p, int64_t official_id) {
  db_.write([&](db::Conn& c) {
    RequireAdminOver(c, p, official_id);
    repo::Unlock(c, official_id);
    events::Event e = AccountEvent(official_id, p.username, "unlocked");
    e.actor_id = p.official_id ? std::optional<int64_t>(p.official_id) : std::nullopt;
    events::Append(c, e);
  });
}

PasswordReset Service::ResetPassword(const auth::Principal& p, int64_t official_id, const std::string& password) {
  // Refused before the hashing work where it can be (checked again inside the write).
  db_.read([&](db::Conn& c) { RequireAdminOver(c, p, official_id); });
  PasswordReset out;
  std::string temporary = password;
  if (temporary.empty()) {
    temporary = auth::RandomPassword();
    out.temporary_password = temporary;
  }
  org::ValidatePassword(temporary);
  std::string hash = auth::HashPassword(temporary);
  db_.write([&](db::Conn& c) {
    RequireAdminOver(c, p, official_id);
    repo::SetPassword(c, official_id, hash, /*temporary=*/true);
    repo::Unlock(c, official_id);
    events::Event e = AccountEvent(official_id, p.username, "password_reset",
                                   out.temporary_password.empty() ? "{\"generated\":false}" : "{\"generated\":true}");
    e.actor_id = p.official_id ? std::optional<int64_t>(p.official_id) : std::nullopt;
    events::Append(c, e);
    // Whoever was logged in with the old password is logged out.
    if (repo::DeleteSessionsOf(c, official_id) > 0) {
      events::Event ended = AccountEvent(official_id, p.username, "sessions_ended");
      ended.actor_id = e.actor_id;
      events::Append(c, ended);
    }
  });
  return out;
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
    events::Event e =
        AccountEvent(official_id, p.username, "token_created", "{\"token_id\":" + std::to_string(id) + "}");
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
