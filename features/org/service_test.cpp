// Units and officials through the service, on both backends.
#include "features/org/service.h"

#include <gtest/gtest.h>

#include "features/org/rules.h"
#include "platform/errors.h"
#include "tests/support/test_db.h"

namespace fg::org {
namespace {

using auth::Role;

const char* kTree =
    "code,name,level,parent_code,valid_from,valid_to,successor_code\n"
    "P1,Tỉnh Một,province,,2000-01-01,,\n"
    "D1,Huyện Một,district,P1,2000-01-01,2025-07-01,\n"
    "C1,Xã Một,commune,D1,2000-01-01,2025-07-01,N1\n"
    "D2,Huyện Hai,district,P1,2000-01-01,2025-07-01,\n"
    "C2,Xã Hai,commune,D2,2000-01-01,,\n"
    "N1,Phường Mới,ward,P1,2025-07-01,,\n";

class OrgServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = fg::testing::OpenTestDb(GetParam());
    svc_ = std::make_unique<Service>(*db_);
    auto r = svc_->ImportCsv(SystemPrincipal(), kTree);
    ASSERT_EQ(r.created, 6);
  }
  auth::Principal AdminOf(const std::string& code, const std::string& username) {
    auto o = svc_->CreateOfficial(SystemPrincipal(), {username, "Người " + username, code, "", "", "", "mat-khau-dai-1"},
                                  {{"admin", code}});
    return *db_->read([&](db::Conn& c) { return Service::LoadPrincipal(c, o.id); });
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
  std::unique_ptr<Service> svc_;
};

TEST_P(OrgServiceTest, AdminSeesAndChangesOnlyTheirSubtree) {
  auto d1 = AdminOf("D1", "admin.d1");
  std::vector<std::string> codes;
  for (auto& u : svc_->ListUnits(d1)) codes.push_back(u.code);
  std::sort(codes.begin(), codes.end());
  EXPECT_EQ(codes, (std::vector<std::string>{"C1", "D1"}));

  EXPECT_EQ(KindOf([&] { svc_->GetUnit(d1, "C2"); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { svc_->CreateUnit(d1, {"C9", "Xã Chín", "commune", "D2", "2020-01-01", "", ""}); }),
            ErrorKind::kForbidden);
  EXPECT_EQ(svc_->CreateUnit(d1, {"C8", "Xã Tám", "commune", "D1", "2020-01-01", "", ""}).parent_code, "D1");
  // Creating an official in another subtree or granting a role there is refused too.
  EXPECT_EQ(KindOf([&] {
              svc_->CreateOfficial(d1, {"x.user", "X", "C2", "", "", "", "mat-khau-dai-1"});
            }),
            ErrorKind::kForbidden);
}

TEST_P(OrgServiceTest, ListAtADateFollowsValidity) {
  auto sys = SystemPrincipal();
  auto codes_at = [&](const std::string& d) {
    std::vector<std::string> v;
    for (auto& u : svc_->ListUnits(sys, d)) v.push_back(u.code);
    std::sort(v.begin(), v.end());
    return v;
  };
  EXPECT_EQ(codes_at("2025-06-30"), (std::vector<std::string>{"C1", "C2", "D1", "D2", "P1"}));
  EXPECT_EQ(codes_at("2025-07-01"), (std::vector<std::string>{"C2", "N1", "P1"}));
  EXPECT_EQ(svc_->GetUnit(sys, "C1").successor_code, "N1");
}

TEST_P(OrgServiceTest, MovingAUnitMovesItsSubtree) {
  auto sys = SystemPrincipal();
  auto d2 = AdminOf("D2", "admin.d2");
  svc_->UpdateUnit(sys, "C1", {"C1", "Xã Một", "commune", "D2", "2000-01-01", "2025-07-01", "N1"});
  auto c1 = svc_->GetUnit(sys, "C1");
  auto d2u = svc_->GetUnit(sys, "D2");
  EXPECT_EQ(c1.path.rfind(d2u.path, 0), 0u) << c1.path << " should be under " << d2u.path;
  EXPECT_NO_THROW(svc_->GetUnit(d2, "C1"));  // now inside D2's administrator's subtree
  // A unit cannot move under its own descendant.
  EXPECT_EQ(KindOf([&] { svc_->UpdateUnit(sys, "D2", {"D2", "Huyện Hai", "district", "C1", "2000-01-01", "", ""}); }),
            ErrorKind::kBadRequest);
}

TEST_P(OrgServiceTest, CsvImportIsAllOrNothing) {
  auto sys = SystemPrincipal();
  const char* bad =
      "code,name,level,parent_code,valid_from,valid_to\n"
      "C5,Xã Năm,commune,P1,2020-01-01,\n"
      "C6,Xã Sáu,commune,NOPE,2020-01-01,\n";
  try {
    svc_->ImportCsv(sys, bad);
    FAIL() << "import should fail";
  } catch (const AppError& e) {
    EXPECT_EQ(e.key(), "org.csv_row");
    EXPECT_EQ(e.args().at("line"), "3");
  }
  EXPECT_EQ(KindOf([&] { svc_->GetUnit(sys, "C5"); }), ErrorKind::kNotFound);
}

TEST_P(OrgServiceTest, ExportThenImportRoundTrips) {
  auto sys = SystemPrincipal();
  std::string csv = svc_->ExportCsv(sys);
  auto r = svc_->ImportCsv(sys, csv);
  EXPECT_EQ(r.created, 0);
  EXPECT_EQ(r.updated, 6);
  EXPECT_EQ(svc_->ExportCsv(sys), csv);
}

TEST_P(OrgServiceTest, DuplicateUsernameIsAConflict) {
  AdminOf("P1", "same.name");
  EXPECT_EQ(KindOf([&] { AdminOf("D1", "same.name"); }), ErrorKind::kConflict);
}

FG_BOTH_BACKENDS(OrgServiceTest);

TEST(OrgRules, ParentLevels) {
  EXPECT_TRUE(ParentAllowed(Level::kProvince, std::nullopt));
  EXPECT_FALSE(ParentAllowed(Level::kCommune, std::nullopt));
  EXPECT_TRUE(ParentAllowed(Level::kCommune, Level::kProvince));  // two-level government
  EXPECT_TRUE(ParentAllowed(Level::kWard, Level::kDistrict));     // before 1/7/2025
  EXPECT_FALSE(ParentAllowed(Level::kDistrict, Level::kDistrict));
}

TEST(OrgRules, ValidationNamesTheField) {
  try {
    ValidateUnit({"X1", "Tên", "commune", "P1", "2025-02-30", "", ""}, "2026-01-01");
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.field(), "valid_from");
  }
  try {
    ValidateUnit({"X1", "", "commune", "P1", "", "", ""}, "2026-01-01");
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.field(), "name");
  }
  EXPECT_EQ(ValidateUnit({" X1 ", " Xã A ", "commune", "P1", "", "", ""}, "2026-01-01").valid_from, "2026-01-01");
}

TEST(OrgRules, PhoneMaskKeepsLastThreeDigits) {
  EXPECT_EQ(MaskPhone("0912 345 678"), "**** *** 678");
  EXPECT_THROW(ValidatePhone("09-12"), AppError);
  EXPECT_EQ(ValidateEmail(" a@b.vn "), "a@b.vn");
  EXPECT_THROW(ValidateEmail("a@b"), AppError);
}

}  // namespace
}  // namespace fg::org
