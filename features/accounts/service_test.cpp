// Accounts through the service, on both backends: throttling per (account,
// client address) and the per-account safety net, concurrent guesses all
// counted, answers that do not tell accounts apart, unlock and password reset
// by covering administrators, API tokens over officials with roles above the
// administrator, and deactivation ending access.
#include "features/accounts/service.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "features/accounts/repo.h"
#include "features/org/service.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/time.h"
#include "tests/support/temp_path.h"
#include "tests/support/test_db.h"

namespace fg::accounts {
namespace {

using fg::testing::KindOf;

const char* kTree =
    "code,name,level,parent_code,valid_from,valid_to,successor_code\n"
    "P1,Tỉnh Một,province,,2000-01-01,,\n"
    "N1,Phường Một,ward,P1,2025-07-01,,\n"
    "N2,Phường Hai,ward,P1,2025-07-01,,\n";
const char* kPassword = "mat-khau-dai-1";

class AccountsServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = fg::testing::OpenTestDb(GetParam());
    org_ = std::make_unique<org::Service>(*db_);
    org_->ImportCsv(org::SystemPrincipal(), kTree);
    Policy policy;
    policy.failures_per_address = 1000;
    // Reuse never ends by time within a test: whatever a test changes through
    // the store must be seen through the count of its commits alone.
    policy.principal_reuse = std::chrono::hours(1);
    svc_ = std::make_unique<Service>(*db_, false, policy);
  }
  void TearDown() override { SetClockForTesting(std::nullopt); }
  bool LogsIn(const std::string& username, const std::string& password, const std::string& address) {
    try {
      svc_->Login(username, password, address);
      return true;
    } catch (const AppError&) {
      return false;
    }
  }
  std::optional<repo::Throttle> PairOf(int64_t id, const std::string& address) {
    return db_->read([&](db::Conn& c) { return repo::ThrottleOf(c, id, address); });
  }
  repo::Credential CredOf(const std::string& username) {
    return *db_->read([&](db::Conn& c) { return repo::CredentialByUsername(c, username); });
  }
  static http::Request SessionRequest(const std::string& method, const std::string& path, const std::string& token) {
    http::Request r;
    r.method = method;
    r.path = path;
    r.headers = {{"cookie", "fg_session=" + token}};
    return r;
  }
  org::Official Create(const std::string& username, const std::string& unit,
                       const std::vector<std::pair<std::string, std::string>>& roles) {
    return org_->CreateOfficial(org::SystemPrincipal(), {username, "Người " + username, unit, "", "", "", kPassword},
                                roles);
  }
  auth::Principal PrincipalOf(int64_t id) {
    return *db_->read([&](db::Conn& c) { return org::Service::LoadPrincipal(c, id); });
  }
  // The answer to a refused login as an outsider sees it: kind and text.
  std::string Refusal(const std::string& username, const std::string& password) {
    try {
      svc_->Login(username, password, "10.0.0.1");
    } catch (const AppError& e) {
      return std::to_string(int(e.kind())) + " " + render::Text(e.key(), e.args());
    }
    return "logged in";
  }
  std::unique_ptr<db::Db> db_;
  std::unique_ptr<org::Service> org_;
  std::unique_ptr<Service> svc_;
};

// Issue 8/9: 5 wrong passwords from anywhere locked the account for everybody,
// so an outsider could keep `admin` out for good.
TEST_P(AccountsServiceTest, AnOutsidersFailuresFromOneAddressDoNotStopTheOfficialElsewhere) {
  Create("admin", "N1", {{"admin", "N1"}});
  for (int i = 0; i < 20; ++i) EXPECT_FALSE(LogsIn("admin", "doan-mo-" + std::to_string(i), "203.0.113.9"));
  EXPECT_FALSE(LogsIn("admin", kPassword, "203.0.113.9"));  // that address waits, even with the right password
  EXPECT_TRUE(LogsIn("admin", kPassword, "10.0.0.5"));      // the official, from the office
  EXPECT_TRUE(LogsIn("admin", kPassword, "10.0.0.6"));      // or from anywhere else
}

// Issue 9: the address limit counted successful logins too, blaming a commune
// office behind one router (20 logins per 5 minutes).
TEST_P(AccountsServiceTest, SuccessfulLoginsNeverCountTowardsAnyLimit) {
  Service defaults(*db_, false);  // the shipped policy
  Create("clerk", "N1", {{"desk", "N1"}});
  for (int i = 0; i < 30; ++i) ASSERT_NO_THROW(defaults.Login("clerk", kPassword, "10.1.1.1")) << i;
}

TEST_P(AccountsServiceTest, OnlyFailedLoginsCountAgainstAnAddress) {
  Policy policy;
  policy.failures_per_address = 1000;
  policy.pair.free_failures = 2;
  Service svc(*db_, false, policy);
  Create("clerk", "N1", {{"desk", "N1"}});
  Create("clerk2", "N1", {{"desk", "N1"}});
  // A success resets the pair: a failure between successes never adds up to a wait.
  for (int i = 0; i < 6; ++i) {
    EXPECT_THROW(svc.Login("clerk", "sai-mat-khau", "10.1.1.1"), AppError);
    ASSERT_NO_THROW(svc.Login("clerk", kPassword, "10.1.1.1")) << i;
  }
  // Behind one router: successes never count, failures of anyone do (3 here).
  policy.failures_per_address = 3;
  Service office(*db_, false, policy);
  for (int i = 0; i < 10; ++i) ASSERT_NO_THROW(office.Login("clerk2", kPassword, "10.2.2.2")) << i;
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(KindOf([&] { office.Login("nobody" + std::to_string(i), "sai-mat-khau", "10.2.2.2"); }),
              ErrorKind::kUnauthorized);
  EXPECT_EQ(KindOf([&] { office.Login("clerk2", kPassword, "10.2.2.2"); }), ErrorKind::kTooMany);
  EXPECT_NO_THROW(office.Login("clerk2", kPassword, "10.3.3.3"));
  try {
    office.Login("clerk2", kPassword, "10.2.2.2");
  } catch (const AppError& e) {  // what to do, in plain words
    std::string text = render::Text(e.key(), e.args());
    EXPECT_NE(text.find("5 phút"), std::string::npos) << text;
    EXPECT_NE(text.find("quản trị"), std::string::npos) << text;
  }
}

TEST_P(AccountsServiceTest, TheWaitDoublesPerFailureAndASuccessResetsIt) {
  auto person = Create("person", "N1", {{"desk", "N1"}});
  const std::string at = "10.4.4.4";
  SysSeconds t{std::chrono::sys_days{std::chrono::year{2026} / 3 / 2}};
  SetClockForTesting(t);
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(LogsIn("person", "sai-mat-khau", at));
  EXPECT_FALSE(PairOf(person.id, at)->blocked_until);  // 4 are free
  EXPECT_FALSE(LogsIn("person", "sai-mat-khau", at));  // the 5th: 1 minute
  EXPECT_EQ(PairOf(person.id, at)->blocked_until, FormatUtc(t + std::chrono::seconds(60)));
  SetClockForTesting(t + std::chrono::seconds(59));
  EXPECT_FALSE(LogsIn("person", kPassword, at));  // still waiting, and not counted
  EXPECT_EQ(PairOf(person.id, at)->failures, 5);
  t += std::chrono::seconds(61);
  SetClockForTesting(t);
  EXPECT_FALSE(LogsIn("person", "sai-mat-khau", at));  // the 6th: 2 minutes
  EXPECT_EQ(PairOf(person.id, at)->blocked_until, FormatUtc(t + std::chrono::seconds(120)));
  t += std::chrono::seconds(121);
  SetClockForTesting(t);
  EXPECT_FALSE(LogsIn("person", "sai-mat-khau", at));  // the 7th: 4 minutes
  EXPECT_EQ(PairOf(person.id, at)->blocked_until, FormatUtc(t + std::chrono::seconds(240)));
  SetClockForTesting(t + std::chrono::seconds(239));
  EXPECT_FALSE(LogsIn("person", kPassword, at));
  t += std::chrono::seconds(241);
  SetClockForTesting(t);
  EXPECT_TRUE(LogsIn("person", kPassword, at));  // after the wait, the right password works
  auto reset = PairOf(person.id, at);
  EXPECT_EQ(reset->failures, 0);
  EXPECT_FALSE(reset->blocked_until);
  // Counting starts again: 4 free failures, then 1 minute (not 8).
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(LogsIn("person", "sai-mat-khau", at));
  EXPECT_TRUE(LogsIn("person", kPassword, at));
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(LogsIn("person", "sai-mat-khau", at));
  EXPECT_EQ(PairOf(person.id, at)->blocked_until, FormatUtc(t + std::chrono::seconds(60)));
}

TEST_P(AccountsServiceTest, ConcurrentWrongPasswordsAreAllCounted) {
  Policy policy;
  policy.failures_per_address = 1000;
  policy.pair.free_failures = 1000;  // no wait, so that every attempt reaches the count
  policy.account_failures = 1000;
  svc_ = std::make_unique<Service>(*db_, false, policy);
  auto target = Create("target", "N1", {{"desk", "N1"}});
  std::vector<std::thread> threads;
  for (int i = 0; i < 12; ++i)
    threads.emplace_back([&, i] {
      // Six threads from one address, six from six others.
      LogsIn("target", "sai-mat-khau-" + std::to_string(i), i < 6 ? "10.0.0.1" : "10.0.1." + std::to_string(i));
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(PairOf(target.id, "10.0.0.1")->failures, 6);
  EXPECT_EQ(CredOf("target").failed_logins, 12);
}

// Guessing from many addresses, each under its own limit: the account closes
// to addresses it has not logged in from, until an administrator unlocks it.
TEST_P(AccountsServiceTest, GuessingFromManyAddressesClosesTheAccountToUnknownAddresses) {
  auto admin = PrincipalOf(Create("admin.n1", "N1", {{"admin", "N1"}}).id);
  auto target = Create("target", "N1", {{"desk", "N1"}});
  Policy policy;
  policy.failures_per_address = 1000;
  policy.account_failures = 12;  // 50 in the shipped policy
  svc_ = std::make_unique<Service>(*db_, false, policy);
  ASSERT_TRUE(LogsIn("target", kPassword, "10.0.0.7"));  // the office: a known address
  for (int i = 0; i < 12; ++i)
    EXPECT_FALSE(LogsIn("target", "doan-mo-" + std::to_string(i), "198.51.100." + std::to_string(i)));
  EXPECT_TRUE(CredOf("target").locked_until);
  EXPECT_FALSE(LogsIn("target", kPassword, "10.0.0.8"));  // a new address: closed
  EXPECT_FALSE(LogsIn("target", kPassword, "198.51.100.200"));
  EXPECT_TRUE(LogsIn("target", kPassword, "10.0.0.7"));  // the known one still works
  svc_->Unlock(admin, target.id);
  EXPECT_TRUE(LogsIn("target", kPassword, "10.0.0.8"));
  bool recorded = false;
  for (auto& e : db_->read([](db::Conn& c) { return events::ListRecent(c, INT64_MAX, 50); }))
    recorded |= e.entity_id == std::to_string(target.id) && e.action == "locked";
  EXPECT_TRUE(recorded);
}

TEST_P(AccountsServiceTest, CoveringAdministratorsUnlockOthersAreRefused) {
  auto ward = PrincipalOf(Create("admin.n1", "N1", {{"admin", "N1"}}).id);
  auto other_ward = PrincipalOf(Create("admin.n2", "N2", {{"admin", "N2"}}).id);
  auto leader = PrincipalOf(Create("leader.n1", "N1", {{"leader", "N1"}}).id);
  auto person = Create("person", "N1", {{"desk", "N1"}});
  auto boss = Create("boss", "N1", {{"admin", "P1"}});
  for (int i = 0; i < 5; ++i) LogsIn("person", "sai-mat-khau", "10.5.5.5");
  EXPECT_FALSE(LogsIn("person", kPassword, "10.5.5.5"));
  EXPECT_EQ(KindOf([&] { svc_->Unlock(other_ward, person.id); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { svc_->Unlock(leader, person.id); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { svc_->Unlock(ward, boss.id); }), ErrorKind::kForbidden);  // roles above the ward
  EXPECT_FALSE(LogsIn("person", kPassword, "10.5.5.5"));
  svc_->Unlock(ward, person.id);
  EXPECT_TRUE(LogsIn("person", kPassword, "10.5.5.5"));
  bool recorded = false;
  for (auto& e : db_->read([](db::Conn& c) { return events::ListRecent(c, INT64_MAX, 50); }))
    recorded |= e.entity_id == std::to_string(person.id) && e.action == "unlocked" && e.actor == "admin.n1";
  EXPECT_TRUE(recorded);
}

TEST_P(AccountsServiceTest, ATemporaryPasswordMustBeChangedBeforeAnythingElse) {
  auto ward = PrincipalOf(Create("admin.n1", "N1", {{"admin", "N1"}}).id);
  auto other_ward = PrincipalOf(Create("admin.n2", "N2", {{"admin", "N2"}}).id);
  auto person = Create("person", "N1", {{"desk", "N1"}});
  auto before = svc_->Login("person", kPassword, "10.6.6.6");
  EXPECT_EQ(KindOf([&] { svc_->ResetPassword(other_ward, person.id, ""); }), ErrorKind::kForbidden);
  ASSERT_TRUE(svc_->Authenticate(SessionRequest("GET", "/dashboard", before.session_token)));

  auto reset = svc_->ResetPassword(ward, person.id, "");
  ASSERT_GE(reset.temporary_password.size(), 10u);
  EXPECT_FALSE(svc_->Authenticate(SessionRequest("GET", "/dashboard", before.session_token)));  // sessions ended
  EXPECT_FALSE(LogsIn("person", kPassword, "10.6.6.6"));  // the old password is gone

  auto login = svc_->Login("person", reset.temporary_password, "10.6.6.6");
  EXPECT_TRUE(login.principal.must_change_password);
  const auto& token = login.session_token;
  // The session says the password is temporary; which routes it may reach is the
  // pipeline's decision (Access::kAccount, tests/integration/security_test.cpp).
  auto on_form = svc_->Authenticate(SessionRequest("GET", "/account/password", token));
  ASSERT_TRUE(on_form);
  EXPECT_TRUE(on_form->must_change_password);
  auto elsewhere = svc_->Authenticate(SessionRequest("GET", "/dashboard", token));
  ASSERT_TRUE(elsewhere);
  EXPECT_TRUE(elsewhere->must_change_password);

  EXPECT_EQ(KindOf([&] {
              svc_->ChangePassword(*on_form, reset.temporary_password, reset.temporary_password,
                                   reset.temporary_password);
            }),
            ErrorKind::kBadRequest);  // the new one must differ
  svc_->ChangePassword(*on_form, reset.temporary_password, "mat-khau-moi-2", "mat-khau-moi-2");
  auto after = svc_->Authenticate(SessionRequest("GET", "/dashboard", token));
  ASSERT_TRUE(after);
  EXPECT_FALSE(after->must_change_password);
  EXPECT_FALSE(svc_->Login("person", "mat-khau-moi-2", "10.6.6.6").principal.must_change_password);

  // A password the administrator chose works the same way, and a weak one is refused.
  EXPECT_EQ(KindOf([&] { svc_->ResetPassword(ward, person.id, "ngan"); }), ErrorKind::kBadRequest);
  EXPECT_TRUE(svc_->ResetPassword(ward, person.id, "tam-thoi-12345").temporary_password.empty());
  EXPECT_TRUE(svc_->Login("person", "tam-thoi-12345", "10.6.6.6").principal.must_change_password);
}

TEST_P(AccountsServiceTest, LockedAndUnknownAccountsGetTheSameAnswer) {
  Create("known", "N1", {{"desk", "N1"}});
  for (int i = 0; i < 5; ++i) Refusal("known", "sai-mat-khau");
  const std::string unknown = Refusal("nobody.here", "sai-mat-khau");
  EXPECT_NE(unknown, "logged in");
  EXPECT_EQ(Refusal("known", "sai-mat-khau"), unknown);
  EXPECT_EQ(Refusal("known", kPassword), unknown);
  // The person is told what may have happened and what to do.
  EXPECT_NE(unknown.find("quản trị"), std::string::npos) << unknown;
  // The answer at the attempt that locks is the same as well.
  Create("known2", "N1", {{"desk", "N1"}});
  for (int i = 0; i < 4; ++i) Refusal("known2", "sai-mat-khau");
  EXPECT_EQ(Refusal("known2", "sai-mat-khau"), unknown);
}

TEST_P(AccountsServiceTest, TokensOfOfficialsWithRolesAboveAreBeyondLowerAdministrators) {
  auto ward = PrincipalOf(Create("admin.n1", "N1", {{"admin", "N1"}}).id);
  auto province = PrincipalOf(Create("admin.p1", "P1", {{"admin", "P1"}}).id);
  auto boss = Create("boss", "N1", {{"admin", "P1"}});
  EXPECT_EQ(KindOf([&] { svc_->CreateToken(ward, boss.id, "leo thang"); }), ErrorKind::kForbidden);
  const auto token = svc_->CreateToken(province, boss.id, "tích hợp").first;
  EXPECT_EQ(KindOf([&] { svc_->RevokeToken(ward, token.id); }), ErrorKind::kForbidden);
  for (auto& t : svc_->ListTokens(ward)) EXPECT_NE(t.id, token.id);
  svc_->RevokeToken(province, token.id);
  // Officials of the ward only are still the ward's.
  auto clerk = Create("clerk", "N1", {{"desk", "N1"}});
  EXPECT_NO_THROW(svc_->CreateToken(ward, clerk.id, "máy quét"));
}

TEST_P(AccountsServiceTest, DeactivationEndsSessionsAndTokens) {
  auto province = PrincipalOf(Create("admin.p1", "P1", {{"admin", "P1"}}).id);
  auto person = Create("person", "N1", {{"desk", "N1"}});
  auto login = svc_->Login("person", kPassword, "10.0.0.9");
  auto [token, secret] = svc_->CreateToken(province, person.id, "tích hợp");
  http::Request by_cookie, by_token;
  by_cookie.headers = {{"cookie", "fg_session=" + login.session_token}};
  by_token.headers = {{"authorization", "Bearer " + secret}};
  ASSERT_TRUE(svc_->Authenticate(by_cookie));
  ASSERT_TRUE(svc_->Authenticate(by_token));

  org::OfficialInput in{"", person.full_name, "N1", "", "", "", "", false};
  org_->UpdateOfficial(province, person.id, in);
  std::set<std::string> actions;
  for (auto& e : db_->read([](db::Conn& c) { return events::ListRecent(c, INT64_MAX, 5); }))
    if (e.entity == "official" && e.entity_id == std::to_string(person.id)) actions.insert(e.action);
  EXPECT_TRUE(actions.count("sessions_ended") && actions.count("token_revoked") && actions.count("update"));
  in.active = true;
  org_->UpdateOfficial(org::SystemPrincipal(), person.id, in);
  EXPECT_FALSE(svc_->Authenticate(by_cookie));
  EXPECT_FALSE(svc_->Authenticate(by_token));
  bool revoked = false;
  for (auto& t : svc_->ListTokens(org::SystemPrincipal()))
    if (t.id == token.id) revoked = t.revoked_at.has_value();
  EXPECT_TRUE(revoked);
  // A fresh login works again.
  EXPECT_NO_THROW(svc_->Login("person", kPassword, "10.0.0.9"));
}

// Principals are reused between requests (Policy::principal_reuse): every
// change this process commits to what a principal comes from is seen by the
// next request, the first time and after reuse.
TEST_P(AccountsServiceTest, EveryChangeToWhatAPrincipalComesFromIsSeenByTheNextRequest) {
  auto province = PrincipalOf(Create("admin.p1", "P1", {{"admin", "P1"}}).id);
  auto person = Create("person", "N1", {{"desk", "N1"}});
  auto [token, secret] = svc_->CreateToken(province, person.id, "tích hợp");
  http::Request by_token;
  by_token.headers = {{"authorization", "Bearer " + secret}};
  auto grants = [&] {
    std::vector<std::string> out;
    const auto p = svc_->Authenticate(by_token).value();
    for (auto& g : p.grants) out.push_back(std::string(auth::RoleName(g.role)) + " " + g.unit_code + " " + g.unit_name);
    return out;
  };
  EXPECT_EQ(grants(), std::vector<std::string>{"desk N1 Phường Một"});
  EXPECT_EQ(grants(), std::vector<std::string>{"desk N1 Phường Một"});
  auto with = org_->AddGrant(province, person.id, "N2", "specialist");
  EXPECT_EQ(grants(), (std::vector<std::string>{"desk N1 Phường Một", "specialist N2 Phường Hai"}));
  org_->UpdateUnit(province, "N2", {"N2", "Phường Hai Mới", "ward", "P1", "2025-07-01", "", ""});
  EXPECT_EQ(grants(), (std::vector<std::string>{"desk N1 Phường Một", "specialist N2 Phường Hai Mới"}));
  for (auto& g : with.grants)
    if (g.unit_code == "N1") org_->RemoveGrant(province, person.id, g.id);
  EXPECT_EQ(grants(), std::vector<std::string>{"specialist N2 Phường Hai Mới"});
  svc_->RevokeToken(province, token.id);
  EXPECT_FALSE(svc_->Authenticate(by_token));

  auto login = svc_->Login("person", kPassword, "10.0.0.9");
  auto session = SessionRequest("GET", "/dashboard", login.session_token);
  ASSERT_TRUE(svc_->Authenticate(session));
  EXPECT_EQ(svc_->Authenticate(session)->csrf_token, login.principal.csrf_token);
  svc_->Logout(login.session_token);
  EXPECT_FALSE(svc_->Authenticate(session));
}

// A reused session ends at its expiry, as a read one does.
TEST_P(AccountsServiceTest, AReusedSessionEndsAtItsExpiry) {
  Create("person", "N1", {{"desk", "N1"}});
  const auto start = Now();
  SetClockForTesting(start);
  auto login = svc_->Login("person", kPassword, "10.0.0.9");
  auto session = SessionRequest("GET", "/dashboard", login.session_token);
  ASSERT_TRUE(svc_->Authenticate(session));
  SetClockForTesting(start + Policy{}.session_lifetime - std::chrono::seconds(1));
  ASSERT_TRUE(svc_->Authenticate(session));
  SetClockForTesting(start + Policy{}.session_lifetime);
  EXPECT_FALSE(svc_->Authenticate(session));
}

FG_BOTH_BACKENDS(AccountsServiceTest);

// What the reuse saves, and its bound: a change made by another process (here
// a second store on the same file, as the CLI opens) is not counted, so the
// principal read before it is reused; the next change this process commits to
// those tables, or Policy::principal_reuse passing, ends the reuse.
TEST(AccountsPrincipalReuse, OtherProcessesChangesAreSeenOnceThisProcessChangesThoseTablesOrTheTimeIsUp) {
  auth::InitCrypto();
  render::LoadMessages(FG_SOURCE_DIR);
  const std::string path = fg::testing::TempPath("principal_reuse.db");
  auto here = db::OpenSqlite(path, {});
  db::Migrate(*here, std::string(FG_SOURCE_DIR) + "/platform/db/migrations");
  org::Service org(*here);
  org.ImportCsv(org::SystemPrincipal(), kTree);
  auto admin_id = org.CreateOfficial(org::SystemPrincipal(), {"admin.p1", "Quản trị", "P1", "", "", "", kPassword},
                                     {{"admin", "P1"}})
                      .id;
  auto admin = *here->read([&](db::Conn& c) { return org::Service::LoadPrincipal(c, admin_id); });
  Policy reuse_long;
  reuse_long.principal_reuse = std::chrono::hours(1);
  Policy no_reuse;
  no_reuse.principal_reuse = std::chrono::milliseconds(0);
  Service reusing(*here, false, reuse_long), reading(*here, false, no_reuse);
  auto [token, secret] = reusing.CreateToken(admin, admin_id, "tích hợp");
  http::Request by_token;
  by_token.headers = {{"authorization", "Bearer " + secret}};
  ASSERT_TRUE(reusing.Authenticate(by_token));
  ASSERT_TRUE(reading.Authenticate(by_token));

  {
    auto elsewhere = db::OpenSqlite(path, {});
    Service other(*elsewhere, false);
    other.RevokeToken(admin, token.id);
  }
  EXPECT_FALSE(reading.Authenticate(by_token));  // read every time
  EXPECT_TRUE(reusing.Authenticate(by_token));   // reused: nothing of it changed here
  // A write here to another table leaves the reuse alone, and so does a new
  // unit (it changes no grant's unit); a change to a unit ends it.
  here->write([](db::Conn& c) {
    c.exec_script("INSERT INTO calendar_years (year, reference, updated_at) VALUES (2031, 'x', 'x')");
  });
  EXPECT_TRUE(reusing.Authenticate(by_token));
  org.CreateUnit(admin, {"N9", "Phường Chín", "ward", "P1", "2025-07-01", "", ""});
  EXPECT_TRUE(reusing.Authenticate(by_token));
  org.UpdateUnit(admin, "N9", {"N9", "Phường Chín Mới", "ward", "P1", "2025-07-01", "", ""});
  EXPECT_FALSE(reusing.Authenticate(by_token));

  // Without a change here, the reuse's time ends it.
  Policy reuse_short;
  reuse_short.principal_reuse = std::chrono::milliseconds(50);
  Service brief(*here, false, reuse_short);
  auto [token2, secret2] = brief.CreateToken(admin, admin_id, "tích hợp 2");
  by_token.headers = {{"authorization", "Bearer " + secret2}};
  ASSERT_TRUE(brief.Authenticate(by_token));
  {
    auto elsewhere = db::OpenSqlite(path, {});
    Service(*elsewhere, false).RevokeToken(admin, token2.id);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  EXPECT_FALSE(brief.Authenticate(by_token));  // nothing here counted the revocation
}

}  // namespace
}  // namespace fg::accounts
