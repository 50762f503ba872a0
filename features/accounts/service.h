// Logging in and out, sessions, passwords and API tokens.
//
// Sessions live in the database (cookie `fg_session`, HttpOnly, SameSite=Lax,
// 12 hours); the cookie holds a random token, the database its SHA-256. After
// 5 wrong passwords an account is locked for 15 minutes; each client address
// may try 20 logins per 5 minutes. A refused login gets one answer whatever the
// reason (unknown, inactive or locked account, wrong password), after the same
// password hashing work, so it does not tell which accounts exist.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "platform/auth/principal.h"
#include "platform/auth/rate_limit.h"
#include "platform/db/db.h"
#include "platform/http/message.h"

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
  int max_failures = 5;
  std::chrono::seconds lockout{15 * 60};
  std::chrono::seconds session_lifetime{12 * 3600};
  int attempts_per_ip = 20;
  std::chrono::seconds attempts_window{5 * 60};
};

class Service {
 public:
  // `demo_mode`: whether accounts with the demo password may log in.
  Service(db::Db& db, bool demo_mode, Policy policy = {});

  LoginResult Login(const std::string& username, const std::string& password, const std::string& client_ip);
  void Logout(const std::string& session_token);
  // From the `fg_session` cookie or an `Authorization: Bearer` token.
  std::optional<auth::Principal> Authenticate(const http::Request& req);
  void ChangePassword(const auth::Principal& p, const std::string& current, const std::string& next,
                      const std::string& confirm);

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
  auth::RateLimiter ip_limiter_;
  std::string dummy_hash_;  // verified against for unknown users, to keep timing even
};

}  // namespace fg::accounts
