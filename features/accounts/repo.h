// The SQL of credentials, sessions and API tokens. The credential columns of
// `officials` (password_hash, failed_logins, failures_since, locked_until,
// password_is_demo, must_change_password) and the table `login_throttles`
// belong to this feature; the rest of `officials` to features/org.
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
  bool must_change_password = false;
};

// The throttle of one (account, client address) pair.
struct Throttle {
  int failures = 0;
  std::optional<std::string> blocked_until;
  std::optional<std::string> last_success_at;
};

std::optional<Credential> CredentialByUsername(db::Conn& c, const std::string& username);
std::optional<Credential> CredentialById(db::Conn& c, int64_t id);
std::optional<Throttle> ThrottleOf(db::Conn& c, int64_t id, const std::string& address);
// Adds one wrong password to the pair in the store (atomic under concurrent
// logins: one statement); the count restarts at 1 when the pair was quiet since
// `forget_before`. Returns the new count.
int AddPairFailure(db::Conn& c, int64_t id, const std::string& address, const std::string& now,
                   const std::string& forget_before);
void BlockPair(db::Conn& c, int64_t id, const std::string& address, const std::string& until);
// A successful login: the pair's failures are forgotten and the address is known.
void PairSucceeded(db::Conn& c, int64_t id, const std::string& address, const std::string& now);
// Forgets pairs without any activity since `before`.
void DeleteStaleThrottles(db::Conn& c, const std::string& before);
// Adds one wrong password to the account's window (one statement; a window
// that started at or before `window_start_before` starts again at `now`).
// Returns the count in the window.
int AddAccountFailure(db::Conn& c, int64_t id, const std::string& window_start_before, const std::string& now);
void LockAccount(db::Conn& c, int64_t id, const std::string& until);
// Lifts the account's safety net and every pair's wait; known addresses stay known.
// Returns whether anything was locked, blocked or counted.
bool Unlock(db::Conn& c, int64_t id);
// Clears the demo flag. `temporary`: an administrator set it, and it must be
// changed at the next login; otherwise the official chose it.
void SetPassword(db::Conn& c, int64_t id, const std::string& hash, bool temporary);

void InsertSession(db::Conn& c, const std::string& token_hash, int64_t official_id, const std::string& csrf,
                   const std::string& expires_at, const std::string& ip);
// The principal a live session or token acts as, read in one query (official
// and grants): nullopt if there is none or the official is not active.
struct AuthRow {
  auth::Principal principal;
  std::string csrf_token;             // of the session
  bool must_change_password = false;  // of the session's official
  std::string expires_at;             // of the session; empty for API tokens
};
std::optional<AuthRow> PrincipalBySession(db::Conn& c, const std::string& token_hash, const std::string& now);
std::optional<AuthRow> PrincipalByToken(db::Conn& c, const std::string& token_hash);
void DeleteSession(db::Conn& c, const std::string& token_hash);
void DeleteOtherSessions(db::Conn& c, int64_t official_id, const std::string& keep_csrf);
void DeleteExpiredSessions(db::Conn& c, const std::string& now);
// Every session of the official; returns how many there were.
int64_t DeleteSessionsOf(db::Conn& c, int64_t official_id);

int64_t InsertToken(db::Conn& c, int64_t official_id, const std::string& name, const std::string& hash,
                    const std::string& prefix, int64_t created_by);
std::vector<std::pair<ApiToken, std::string>> TokensUnder(db::Conn& c,
                                                          const std::string& path_prefix);  // with unit path
std::optional<std::pair<ApiToken, std::string>> TokenById(db::Conn& c, int64_t id);
void RevokeToken(db::Conn& c, int64_t id, const std::string& at);
// Revokes every live token of the official; returns their ids.
std::vector<int64_t> RevokeTokensOf(db::Conn& c, int64_t official_id, const std::string& at);

int64_t CountDemoAccounts(db::Conn& c);

}  // namespace fg::accounts::repo
