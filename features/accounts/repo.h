// The SQL of credentials, sessions and API tokens. The credential columns of
// `officials` (password_hash, failed_logins, locked_until, password_is_demo)
// belong to this feature; the rest of that table to features/org.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "features/accounts/service.h"
#include "platform/db/db.h"

namespace fg::accounts::repo {

struct Credential {
  int64_t id = 0;
  std::string password_hash;
  bool active = false;
  int failed_logins = 0;
  std::optional<std::string> locked_until;
  bool password_is_demo = false;
  std::string unit_path;
};

std::optional<Credential> CredentialByUsername(db::Conn& c, const std::string& username);
std::optional<Credential> CredentialById(db::Conn& c, int64_t id);
void SetFailures(db::Conn& c, int64_t id, int failures, const std::optional<std::string>& locked_until);
// Adds one failed login in the store (atomic under concurrent logins); returns the new count.
int AddFailure(db::Conn& c, int64_t id);
void SetPassword(db::Conn& c, int64_t id, const std::string& hash);

void InsertSession(db::Conn& c, const std::string& token_hash, int64_t official_id, const std::string& csrf,
                   const std::string& expires_at, const std::string& ip);
// (official_id, csrf token) of a session that has not expired at `now`.
std::optional<std::pair<int64_t, std::string>> LiveSession(db::Conn& c, const std::string& token_hash,
                                                           const std::string& now);
void DeleteSession(db::Conn& c, const std::string& token_hash);
void DeleteOtherSessions(db::Conn& c, int64_t official_id, const std::string& keep_csrf);
void DeleteExpiredSessions(db::Conn& c, const std::string& now);
// Every session of the official; returns how many there were.
int64_t DeleteSessionsOf(db::Conn& c, int64_t official_id);

int64_t InsertToken(db::Conn& c, int64_t official_id, const std::string& name, const std::string& hash,
                    const std::string& prefix, int64_t created_by);
std::optional<int64_t> TokenOwner(db::Conn& c, const std::string& hash);  // live tokens only
std::vector<std::pair<ApiToken, std::string>> TokensUnder(db::Conn& c, const std::string& path_prefix);  // with unit path
std::optional<std::pair<ApiToken, std::string>> TokenById(db::Conn& c, int64_t id);
void RevokeToken(db::Conn& c, int64_t id, const std::string& at);
// Revokes every live token of the official; returns their ids.
std::vector<int64_t> RevokeTokensOf(db::Conn& c, int64_t official_id, const std::string& at);

int64_t CountDemoAccounts(db::Conn& c);

}  // namespace fg::accounts::repo
