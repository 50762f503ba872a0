#include "features/accounts/repo.h"

#include <algorithm>

#include "platform/time.h"

namespace fg::accounts::repo {
namespace {

#define FG_CRED_COLUMNS                                                                                   \
  "SELECT o.id, o.password_hash, o.active, o.failed_logins, o.locked_until, o.password_is_demo, u.path, " \
  "o.must_change_password FROM officials o JOIN units u ON u.id = o.unit_id "
const db::Query kCredByName{"credential_by_username", FG_CRED_COLUMNS "WHERE o.username = ?"};
const db::Query kCredById{"credential_by_id", FG_CRED_COLUMNS "WHERE o.id = ?"};
const db::Query kThrottleOf{"login_throttle_of",
                            "SELECT failures, blocked_until, last_success_at FROM login_throttles WHERE official_id = "
                            "? AND client_address = ?"};
// One statement: concurrent failures of a pair all count (no read-then-write).
const db::Query kAddPairFailure{
    "login_throttle_add_failure",
    "INSERT INTO login_throttles (official_id, client_address, failures, updated_at) VALUES (?, ?, 1, ?) "
    "ON CONFLICT (official_id, client_address) DO UPDATE SET "
    "failures = CASE WHEN login_throttles.updated_at <= ? THEN 1 ELSE login_throttles.failures + 1 END, "
    "updated_at = excluded.updated_at RETURNING failures"};
const db::Query kBlockPair{"login_throttle_block",
                           "UPDATE login_throttles SET blocked_until = ? WHERE official_id = ? AND client_address = ?"};
const db::Query kPairSucceeded{
    "login_throttle_success",
    "INSERT INTO login_throttles (official_id, client_address, failures, last_success_at, updated_at) "
    "VALUES (?, ?, 0, ?, ?) ON CONFLICT (official_id, client_address) DO UPDATE SET "
    "failures = 0, blocked_until = NULL, last_success_at = excluded.last_success_at, updated_at = excluded.updated_at"};
const db::Query kDeleteStaleThrottles{"login_throttle_delete_stale",
                                      "DELETE FROM login_throttles WHERE updated_at < ?"};
const db::Query kClearThrottles{"login_throttle_clear",
                                "UPDATE login_throttles SET failures = 0, blocked_until = NULL WHERE official_id = ? "
                                "AND (failures > 0 OR blocked_until IS NOT NULL)"};
// One statement: the window and its count move together, so concurrent failures all count.
const db::Query kAddAccountFailure{
    "credential_add_failure",
    "UPDATE officials SET "
    "failed_logins = CASE WHEN failures_since IS NULL OR failures_since <= ? THEN 1 ELSE failed_logins + 1 END, "
    "failures_since = CASE WHEN failures_since IS NULL OR failures_since <= ? THEN ? ELSE failures_since END "
    "WHERE id = ? RETURNING failed_logins"};
const db::Query kLockAccount{"credential_lock", "UPDATE officials SET locked_until = ? WHERE id = ?"};
const db::Query kUnlockAccount{
    "credential_unlock",
    "UPDATE officials SET failed_logins = 0, failures_since = NULL, locked_until = NULL WHERE id = ? "
    "AND (failed_logins > 0 OR locked_until IS NOT NULL)"};
const db::Query kSetPassword{
    "credential_set_password",
    "UPDATE officials SET password_hash = ?, password_is_demo = 0, must_change_password = ?, updated_at = ? "
    "WHERE id = ?"};
const db::Query kInsertSession{
    "session_insert",
    "INSERT INTO sessions (token_hash, official_id, csrf_token, created_at, expires_at, ip) VALUES (?, ?, ?, ?, ?, ?)"};
// One row per grant of the official (one row with NULL grant columns without any).
#define FG_PRINCIPAL_COLUMNS \
  "o.id, o.username, o.full_name, o.unit_id, g.id, g.role, g.unit_id, gu.path, gu.code, gu.name "
#define FG_PRINCIPAL_GRANTS                                                                                    \
  "JOIN officials o ON o.id = x.official_id AND o.active = 1 LEFT JOIN role_grants g ON g.official_id = o.id " \
  "LEFT JOIN units gu ON gu.id = g.unit_id "
const db::Query kSessionPrincipal{"session_principal",
                                  "SELECT " FG_PRINCIPAL_COLUMNS
                                  ", x.csrf_token, o.must_change_password, x.expires_at "
                                  "FROM sessions x " FG_PRINCIPAL_GRANTS "WHERE x.token_hash = ? AND x.expires_at > ?"};
const db::Query kTokenPrincipal{"token_principal",
                                "SELECT " FG_PRINCIPAL_COLUMNS ", '', 0, '' FROM api_tokens x " FG_PRINCIPAL_GRANTS
                                "WHERE x.token_hash = ? AND x.revoked_at IS NULL"};
const db::Query kDeleteSession{"session_delete", "DELETE FROM sessions WHERE token_hash = ?"};
const db::Query kDeleteOthers{"session_delete_others",
                              "DELETE FROM sessions WHERE official_id = ? AND csrf_token <> ?"};
const db::Query kDeleteSessionsOf{"session_delete_of_official", "DELETE FROM sessions WHERE official_id = ?"};
const db::Query kDeleteExpired{"session_delete_expired", "DELETE FROM sessions WHERE expires_at <= ?"};
const db::Query kInsertToken{"token_insert",
                             "INSERT INTO api_tokens (official_id, name, token_hash, prefix, created_at, created_by) "
                             "VALUES (?, ?, ?, ?, ?, ?)"};
#define FG_TOKEN_COLUMNS                                                                                            \
  "SELECT t.id, t.official_id, o.username, t.name, t.prefix, t.created_at, t.revoked_at, u.path FROM api_tokens t " \
  "JOIN officials o ON o.id = t.official_id JOIN units u ON u.id = o.unit_id "
const db::Query kTokensUnder{"tokens_under", FG_TOKEN_COLUMNS "WHERE u.path LIKE ? ORDER BY t.id DESC"};
const db::Query kTokenById{"token_by_id", FG_TOKEN_COLUMNS "WHERE t.id = ?"};
const db::Query kRevokeToken{"token_revoke",
                             "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"};
const db::Query kRevokeTokensOf{
    "token_revoke_of_official",
    "UPDATE api_tokens SET revoked_at = ? WHERE official_id = ? AND revoked_at IS NULL RETURNING id"};
const db::Query kCountDemo{"count_demo_accounts",
                           "SELECT count(*) FROM officials WHERE password_is_demo = 1 AND active = 1"};

Credential CredFrom(const db::Row& r) {
  return {r.i64(0),      r.text(1),     r.i64(2) != 0, static_cast<int>(r.i64(3)),
          r.opt_text(4), r.i64(5) != 0, r.text(6),     r.i64(7) != 0};
}

std::pair<ApiToken, std::string> TokenFrom(const db::Row& r) {
  ApiToken t;
  t.id = r.i64(0);
  t.official_id = r.i64(1);
  t.official_username = r.text(2);
  t.name = r.text(3);
  t.prefix = r.text(4);
  t.created_at = r.text(5);
  t.revoked_at = r.opt_text(6);
  return {t, r.text(7)};
}

}  // namespace

std::optional<Credential> CredentialByUsername(db::Conn& c, const std::string& username) {
  auto r = c.query_one(kCredByName, {username});
  if (!r) return std::nullopt;
  return CredFrom(*r);
}

std::optional<Credential> CredentialById(db::Conn& c, int64_t id) {
  auto r = c.query_one(kCredById, {id});
  if (!r) return std::nullopt;
  return CredFrom(*r);
}

std::optional<Throttle> ThrottleOf(db::Conn& c, int64_t id, const std::string& address) {
  auto r = c.query_one(kThrottleOf, {id, address});
  if (!r) return std::nullopt;
  return Throttle{static_cast<int>(r->i64(0)), r->opt_text(1), r->opt_text(2)};
}

int AddPairFailure(db::Conn& c, int64_t id, const std::string& address, const std::string& now,
                   const std::string& forget_before) {
  return static_cast<int>(c.query_one(kAddPairFailure, {id, address, now, forget_before})->i64(0));
}

void BlockPair(db::Conn& c, int64_t id, const std::string& address, const std::string& until) {
  c.exec(kBlockPair, {until, id, address});
}

void PairSucceeded(db::Conn& c, int64_t id, const std::string& address, const std::string& now) {
  c.exec(kPairSucceeded, {id, address, now, now});
}

void DeleteStaleThrottles(db::Conn& c, const std::string& before) { c.exec(kDeleteStaleThrottles, {before}); }

int AddAccountFailure(db::Conn& c, int64_t id, const std::string& window_start_before, const std::string& now) {
  return static_cast<int>(c.query_one(kAddAccountFailure, {window_start_before, window_start_before, now, id})->i64(0));
}

void LockAccount(db::Conn& c, int64_t id, const std::string& until) { c.exec(kLockAccount, {until, id}); }

bool Unlock(db::Conn& c, int64_t id) {
  bool account = c.exec(kUnlockAccount, {id}) > 0;
  bool pairs = c.exec(kClearThrottles, {id}) > 0;
  return account || pairs;
}

void SetPassword(db::Conn& c, int64_t id, const std::string& hash, bool temporary) {
  c.exec(kSetPassword, {hash, int64_t{temporary}, NowUtcText(), id});
}

void InsertSession(db::Conn& c, const std::string& token_hash, int64_t official_id, const std::string& csrf,
                   const std::string& expires_at, const std::string& ip) {
  c.exec(kInsertSession, {token_hash, official_id, csrf, NowUtcText(), expires_at, ip});
}

namespace {
std::optional<AuthRow> AuthFrom(const std::vector<db::Row>& rows) {
  if (rows.empty()) return std::nullopt;
  AuthRow out;
  const db::Row& first = rows.front();
  out.principal.official_id = first.i64(0);
  out.principal.username = first.text(1);
  out.principal.full_name = first.text(2);
  out.principal.unit_id = first.i64(3);
  out.csrf_token = first.text(10);
  out.must_change_password = first.i64(11) != 0;
  out.expires_at = first.text(12);
  for (auto& r : rows) {
    if (r.is_null(4)) continue;
    if (auto role = auth::ParseRole(r.text(5)))
      out.principal.grants.push_back({r.i64(4), *role, r.i64(6), r.text(7), r.text(8), r.text(9)});
  }
  // By unit path, then role name: sorted here, since a sort in SQL (a
  // temporary B-tree) cost every authenticated request more than its query.
  std::sort(out.principal.grants.begin(), out.principal.grants.end(), [](const auth::Grant& a, const auth::Grant& b) {
    if (a.unit_path != b.unit_path) return a.unit_path < b.unit_path;
    return auth::RoleName(a.role) < auth::RoleName(b.role);
  });
  return out;
}
}  // namespace

std::optional<AuthRow> PrincipalBySession(db::Conn& c, const std::string& token_hash, const std::string& now) {
  return AuthFrom(c.query(kSessionPrincipal, {token_hash, now}));
}

std::optional<AuthRow> PrincipalByToken(db::Conn& c, const std::string& token_hash) {
  return AuthFrom(c.query(kTokenPrincipal, {token_hash}));
}

void DeleteSession(db::Conn& c, const std::string& token_hash) { c.exec(kDeleteSession, {token_hash}); }
void DeleteOtherSessions(db::Conn& c, int64_t official_id, const std::string& keep_csrf) {
  c.exec(kDeleteOthers, {official_id, keep_csrf});
}
void DeleteExpiredSessions(db::Conn& c, const std::string& now) { c.exec(kDeleteExpired, {now}); }
int64_t DeleteSessionsOf(db::Conn& c, int64_t official_id) { return c.exec(kDeleteSessionsOf, {official_id}); }

int64_t InsertToken(db::Conn& c, int64_t official_id, const std::string& name, const std::string& hash,
                    const std::string& prefix, int64_t created_by) {
  // The system principal (CLI, id 0) is no official: created_by stays NULL.
  db::Value by = created_by > 0 ? db::Value(created_by) : db::Value(nullptr);
  return c.insert(kInsertToken, {official_id, name, hash, prefix, NowUtcText(), by});
}

std::vector<std::pair<ApiToken, std::string>> TokensUnder(db::Conn& c, const std::string& path_prefix) {
  std::vector<std::pair<ApiToken, std::string>> out;
  for (auto& r : c.query(kTokensUnder, {path_prefix + "%"})) out.push_back(TokenFrom(r));
  return out;
}

std::optional<std::pair<ApiToken, std::string>> TokenById(db::Conn& c, int64_t id) {
  auto r = c.query_one(kTokenById, {id});
  if (!r) return std::nullopt;
  return TokenFrom(*r);
}

void RevokeToken(db::Conn& c, int64_t id, const std::string& at) { c.exec(kRevokeToken, {at, id}); }

std::vector<int64_t> RevokeTokensOf(db::Conn& c, int64_t official_id, const std::string& at) {
  std::vector<int64_t> ids;
  for (auto& r : c.query(kRevokeTokensOf, {at, official_id})) ids.push_back(r.i64(0));
  return ids;
}

int64_t CountDemoAccounts(db::Conn& c) { return c.query_one(kCountDemo)->i64(0); }

}  // namespace fg::accounts::repo
