// Logging in and out, sessions, passwords and API tokens.
//
// Sessions live in the database (cookie `fg_session`, HttpOnly, SameSite=Lax,
// 12 hours); the cookie holds a random token, the database its SHA-256.
//
// Wrong passwords are throttled per (account, client address) pair, in the
// store (table login_throttles, shared by every server process): after 5 the
// pair waits 1 minute, doubled per further one up to 1 hour; a successful
// login resets the pair. An outsider guessing from one address therefore never
// stops the official logging in from another. Safety net against guessing
// from many addresses: 50 wrong passwords for one account within an hour close
// the account for 24 hours (or until an administrator unlocks it) to every
// address from which it has not logged in successfully in the last 30 days.
// Each client address may make 100 failed logins per 5 minutes (successful
// ones never count: a commune office behind one router is not blamed).
// A refused login gets one answer whatever the reason (unknown, inactive or
// closed account, waiting pair, wrong password), after the same password
// hashing work, so it does not tell which accounts exist.
#pragma once
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "features/accounts/rules.h"

#include "platform/auth/principal.h"
#include "platform/auth/rate_limit.h"
#include "platform/db/db.h"
#include "platform/http/message.h"
#include "platform/time.h"

namespace fg::accounts {

struct LoginResult {
  std::string session_token;  // the cookie value
  auth::Principal principal;
};

struct ApiToken {
  int64_t id = 0;
  int64_t official_id = 0;
  std::string official_username;
  std::string name;
  std::string prefix;  // first characters, to recognise a token
  std::string created_at;
  std::optional<std::string> revoked_at;
};

struct Policy {
  // Per (account, client address); see ThrottleRule.
  ThrottleRule pair;
  // A pair's failures are forgotten after this long without activity.
  std::chrono::seconds pair_memory{24 * 3600};
  // Per account, from every address: `account_failures` wrong passwords within
  // `account_window` close the account for `account_lock` to addresses that are
  // not known (no successful login within `known_address_for`).
  int account_failures = 50;
  std::chrono::seconds account_window{3600};
  std::chrono::seconds account_lock{24 * 3600};
  std::chrono::seconds known_address_for{30 * 24 * 3600};
  std::chrono::seconds session_lifetime{12 * 3600};
  // Failed logins per client address (successful ones never count).
  int failures_per_address = 100;
  std::chrono::seconds address_window{5 * 60};
  // A principal read for a session or token is reused for at most this long
  // while the store (db::Db) commits nothing to the tables it comes from
  // (sessions, tokens, officials, grants, units): a change made through it is
  // seen at once, one made by another process (the CLI, a second server on the
  // same PostgreSQL database) within this time. Zero reads every time.
  std::chrono::milliseconds principal_reuse{1000};
};

// A password an administrator set for an official.
struct PasswordReset {
  std::string temporary_password;  // in clear when generated, to show once; empty when the administrator chose it
};

class Service {
 public:
  // `demo_mode`: whether accounts with the demo password may log in.
  Service(db::Db& db, bool demo_mode, Policy policy = {});

  LoginResult Login(const std::string& username, const std::string& password, const std::string& client_ip);
  void Logout(const std::string& session_token);
  // From the `fg_session` cookie or an `Authorization: Bearer` token. A session
  // whose password an administrator set carries must_change_password: the
  // pipeline then lets it reach only routes of Access::kAccount (the password
  // page and API, who am I) and public ones; pages lead to the password form.
  std::optional<auth::Principal> Authenticate(const http::Request& req);
  void ChangePassword(const auth::Principal& p, const std::string& current, const std::string& next,
                      const std::string& confirm);

  // Administrators covering the official (org::CoversOfficial, admin role):
  // lift the account's safety net and every address's wait (event `unlocked`).
  void Unlock(const auth::Principal& p, int64_t official_id);
  // Sets a temporary password (`password`, or a generated one when empty) that
  // must be changed at the next login; ends the official's sessions and lifts
  // locks (events `password_reset`, `sessions_ended`).
  PasswordReset ResetPassword(const auth::Principal& p, int64_t official_id, const std::string& password);

  // Ends every session and revokes every live API token of an official, with
  // events; inside the caller's write (when the official is deactivated).
  static void EndAccess(db::Conn& c, const auth::Principal& by, int64_t official_id);

  // Administrators create tokens for officials (service accounts) they cover
  // (org::CoversOfficial: home unit and every unit of the official's roles).
  // Returns the token in clear: it is shown once and stored only hashed.
  std::pair<ApiToken, std::string> CreateToken(const auth::Principal& p, int64_t official_id, const std::string& name);
  std::vector<ApiToken> ListTokens(const auth::Principal& p);
  void RevokeToken(const auth::Principal& p, int64_t token_id);

  // Active accounts whose password is the demo password.
  int64_t CountDemoAccounts();

 private:
  db::Db& db_;
  bool demo_mode_;
  Policy policy_;
  auth::RateLimiter address_limiter_;  // failed logins per client address
  std::string dummy_hash_;             // verified against for unknown users, to keep timing even

  // Principals recently read, by credential ('B' or 'S' + the SHA-256 of the bearer token or cookie).
  // `read(conn, hash)` reads the credential's repo::AuthRow (expires_at empty for tokens).
  template <class Read>
  std::optional<auth::Principal> ReadOrReuse(char kind, std::string_view credential, Read read);
  struct Reused {
    auth::Principal principal;
    uint64_t changes = 0;  // auth_changes_ before the read
    std::chrono::steady_clock::time_point until;
    std::optional<SysSeconds> session_expires;
  };
  std::optional<auth::Principal> Reuse(const std::string& key, uint64_t changes);
  void Keep(std::string key, const auth::Principal& p, uint64_t changes, const std::string& session_expires);
  std::shared_ptr<const std::atomic<uint64_t>> auth_changes_;
  std::mutex reused_mu_;
  std::unordered_map<std::string, Reused> reused_;
};

}  // namespace fg::accounts
