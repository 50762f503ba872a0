// Accounts through the service, on both backends: lockout under concurrent
// guesses, answers that do not tell accounts apart, API tokens over officials
// with roles above the administrator, and deactivation ending access.
#include "features/accounts/service.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "features/accounts/repo.h"
#include "features/org/service.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "tests/support/test_db.h"

namespace fg::accounts {
namespace {

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
    policy.attempts_per_ip = 1000;
    svc_ = std::make_unique<Service>(*db_, false, policy);
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
  ErrorKind KindOf(const std::function<void()>& f) {
    try {
      f();
    } catch (const AppError& e) {
      return e.kind();
    }
    ADD_FAILURE() << "no AppError thrown";
    return ErrorKind::kUnavailable;
  }
  std::unique_ptr<db::Db> db_;
  std::unique_ptr<org::Service> org_;
  std::unique_ptr<Service> svc_;
};

TEST_P(AccountsServiceTest, ConcurrentWrongPasswordsLockTheAccount) {
  Create("target", "N1", {{"desk", "N1"}});
  std::vector<std::thread> threads;
  for (int i = 0; i < 12; ++i)
    threads.emplace_back([&, i] {
      try {
        svc_->Login("target", "sai-mat-khau-" + std::to_string(i), "10.0.0." + std::to_string(i));
      } catch (const AppError&) {
      }
    });
  for (auto& t : threads) t.join();
  auto cred = db_->read([](db::Conn& c) { return repo::CredentialByUsername(c, "target"); });
  ASSERT_TRUE(cred);
  EXPECT_TRUE(cred->locked_until.has_value()) << "failed_logins = " << cred->failed_logins;
  EXPECT_NE(Refusal("target", kPassword), "logged in");  // even the right password, while locked
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
  auto [token, secret] = svc_->CreateToken(province, boss.id, "tích hợp");
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

FG_BOTH_BACKENDS(AccountsServiceTest);

}  // namespace
}  // namespace fg::accounts
