// Units and officials through the service, on both backends.
#include "features/org/service.h"

#include <gtest/gtest.h>

#include <thread>

#include "features/org/rules.h"
#include "platform/errors.h"
#include "tests/support/test_db.h"

namespace fg::org {
namespace {

using fg::testing::KindOf;

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
    auto o = svc_->CreateOfficial(
        SystemPrincipal(), {username, "Người " + username, code, "", "", "", "mat-khau-dai-1"}, {{"admin", code}});
    return *db_->read([&](db::Conn& c) { return Service::LoadPrincipal(c, o.id); });
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
  EXPECT_EQ(KindOf([&] {
              svc_->CreateUnit(d1, {"C9", "Xã Chín", "commune", "D2", "2020-01-01", "", ""});
            }),
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
  EXPECT_EQ(KindOf([&] {
              svc_->UpdateUnit(sys, "D2", {"D2", "Huyện Hai", "district", "C1", "2000-01-01", "", ""});
            }),
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

// A new unit is placed under its parent by the parent's code: its parent's id
// and its own path follow; an unknown parent, or one of a level that cannot
// hold it, is refused on the parent's field and nothing is written.
TEST_P(OrgServiceTest, ANewUnitIsPlacedUnderItsParent) {
  auto sys = SystemPrincipal();
  const Unit d2 = svc_->GetUnit(sys, "D2");
  const Unit c7 = svc_->CreateUnit(sys, {"C7", "Xã Bảy", "commune", "D2", "2020-01-01", "", ""});
  EXPECT_EQ(c7.parent_id, d2.id);
  EXPECT_EQ(c7.parent_code, "D2");
  EXPECT_EQ(c7.path, d2.path + std::to_string(c7.id) + "/");
  EXPECT_EQ(svc_->GetUnit(sys, "C7").path, c7.path);
  auto refused = [&](const UnitInput& in) {
    try {
      svc_->CreateUnit(sys, in);
    } catch (const AppError& e) {
      return e.key() + ":" + e.field();
    }
    return std::string("accepted");
  };
  EXPECT_EQ(refused({"C8", "Xã Tám", "commune", "D9", "2020-01-01", "", ""}), "org.unknown_parent:parent_code");
  EXPECT_EQ(refused({"P2", "Tỉnh Hai", "province", "C7", "2020-01-01", "", ""}), "org.bad_parent_level:parent_code");
  EXPECT_EQ(KindOf([&] { svc_->GetUnit(sys, "C8"); }), ErrorKind::kNotFound);
  EXPECT_EQ(KindOf([&] { svc_->GetUnit(sys, "P2"); }), ErrorKind::kNotFound);
}

TEST_P(OrgServiceTest, CsvImportOutsideTheSubtreeIsForbiddenNotABadRow) {
  auto d1 = AdminOf("D1", "admin.d1");
  const char* rows =
      "code,name,level,parent_code,valid_from,valid_to\n"
      "C1,Xã Một,commune,D1,2000-01-01,2025-07-01\n"
      "C2,Xã Hai,commune,D2,2000-01-01,\n";
  EXPECT_EQ(KindOf([&] { svc_->ImportCsv(d1, rows); }), ErrorKind::kForbidden);
  EXPECT_EQ(svc_->GetUnit(SystemPrincipal(), "C1").successor_code, "N1");  // the first row was rolled back
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

// An official whose home unit is in a ward but who holds roles on the province
// is beyond the ward's administrator: every unit the official holds a role on
// must be covered too.
TEST_P(OrgServiceTest, OfficialsWithRolesAboveAreBeyondLowerAdministrators) {
  auto ward = AdminOf("N1", "admin.n1");
  auto province = AdminOf("P1", "admin.p1");
  auto boss = svc_->CreateOfficial(SystemPrincipal(), {"boss", "Sếp", "N1", "", "", "", "mat-khau-dai-1"},
                                   {{"admin", "P1"}, {"desk", "N1"}});
  int64_t ward_grant = 0;
  for (auto& g : boss.grants)
    if (g.unit_code == "N1") ward_grant = g.id;
  ASSERT_NE(ward_grant, 0);
  auto edit = [&](std::string email, std::optional<bool> active) {
    return OfficialInput{"", "Sếp", "N1", "", "", std::move(email), "", active};
  };
  EXPECT_EQ(KindOf([&] { svc_->GetOfficial(ward, boss.id); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { svc_->UpdateOfficial(ward, boss.id, edit("me@evil.vn", std::nullopt)); }),
            ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { svc_->UpdateOfficial(ward, boss.id, edit("", false)); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { svc_->AddGrant(ward, boss.id, "N1", "leader"); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { svc_->RemoveGrant(ward, boss.id, ward_grant); }), ErrorKind::kForbidden);
  for (auto& o : svc_->ListOfficials(ward)) EXPECT_NE(o.username, "boss");
  EXPECT_TRUE(svc_->GetOfficial(SystemPrincipal(), boss.id).active);
  EXPECT_EQ(svc_->GetOfficial(SystemPrincipal(), boss.id).grants.size(), 2u);

  // The province's administrator covers all of them.
  EXPECT_EQ(svc_->UpdateOfficial(province, boss.id, edit("sep@tinh.gov.vn", std::nullopt)).email, "sep@tinh.gov.vn");
  EXPECT_EQ(svc_->AddGrant(province, boss.id, "N1", "leader").grants.size(), 3u);
  // The list carries each official's grants (read for the whole subtree at once).
  size_t listed_grants = 0;
  for (auto& o : svc_->ListOfficials(province))
    if (o.id == boss.id) listed_grants = o.grants.size();
  EXPECT_EQ(listed_grants, 3u);
  EXPECT_EQ(svc_->RemoveGrant(province, boss.id, ward_grant).grants.size(), 2u);
  EXPECT_FALSE(svc_->UpdateOfficial(province, boss.id, edit("", false)).active);
  // An official of the ward only is still the ward's.
  auto clerk = svc_->CreateOfficial(ward, {"clerk", "Văn thư", "N1", "", "", "", "mat-khau-dai-1"}, {{"desk", "N1"}});
  EXPECT_EQ(svc_->AddGrant(ward, clerk.id, "N1", "leader").grants.size(), 2u);
}

// A unit's successor must be covered as well as the unit; a granted role's unit too.
TEST_P(OrgServiceTest, SuccessorAndGrantedUnitMustBeCovered) {
  auto d1 = AdminOf("D1", "admin.d1");
  // C1 merged into N1 (outside D1): an edit that keeps the successor is allowed ...
  EXPECT_EQ(svc_->UpdateUnit(d1, "C1", {"C1", "Xã Một Cũ", "commune", "D1", "2000-01-01", "2025-07-01", "N1"}).name,
            "Xã Một Cũ");
  // ... pointing it at another unit outside D1 is not.
  EXPECT_EQ(KindOf([&] {
              svc_->UpdateUnit(d1, "C1", {"C1", "Xã Một", "commune", "D1", "2000-01-01", "2025-07-01", "C2"});
            }),
            ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] {
              svc_->CreateUnit(d1, {"C7", "Xã Bảy", "commune", "D1", "2000-01-01", "2025-07-01", "C2"});
            }),
            ErrorKind::kForbidden);
  EXPECT_EQ(svc_->GetUnit(SystemPrincipal(), "C1").successor_code, "N1");
  svc_->CreateUnit(d1, {"C6", "Xã Sáu", "commune", "D1", "2000-01-01", "", ""});
  EXPECT_EQ(
      svc_->UpdateUnit(d1, "C1", {"C1", "Xã Một", "commune", "D1", "2000-01-01", "2025-07-01", "C6"}).successor_code,
      "C6");
  // Roles can be granted only on units the administrator covers.
  auto clerk = svc_->CreateOfficial(d1, {"clerk.d1", "Văn thư", "C1", "", "", "", "mat-khau-dai-1"});
  EXPECT_EQ(KindOf([&] { svc_->AddGrant(d1, clerk.id, "P1", "admin"); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { svc_->AddGrant(d1, clerk.id, "C2", "desk"); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] {
              svc_->CreateOfficial(d1, {"clerk.d1b", "Văn thư", "C1", "", "", "", "mat-khau-dai-1"}, {{"admin", "P1"}});
            }),
            ErrorKind::kForbidden);
  EXPECT_EQ(svc_->AddGrant(d1, clerk.id, "C1", "desk").grants.size(), 1u);
}

// Every text field of officials and units is clean text: no NUL, no line
// breaks, valid UTF-8; e-mail and phone have their shapes.
TEST_P(OrgServiceTest, TextFieldsOfOfficialsAndUnitsAreClean) {
  using namespace std::string_literals;
  auto sys = SystemPrincipal();
  auto field_of = [&](const OfficialInput& in) {
    try {
      svc_->CreateOfficial(sys, in);
    } catch (const AppError& e) {
      return e.field();
    }
    return "accepted"s;
  };
  auto with = [](std::string full_name, std::string phone, std::string email) {
    return OfficialInput{"new.user",       std::move(full_name), "C2", "", std::move(phone),
                         std::move(email), "mat-khau-dai-1"};
  };
  EXPECT_EQ(field_of(with("Nguyễn\0Văn"s, "", "")), "full_name");
  EXPECT_EQ(field_of(with("Tên", "", "a\0b@x.vn"s)), "email");
  EXPECT_EQ(field_of(with("Tên", "", "a@x.vn\r\nBcc: b@y.vn")), "email");
  EXPECT_EQ(field_of(with("Tên", "", "\xff\xfe@x.vn")), "email");
  EXPECT_EQ(field_of(with("Tên", "0912\n345678", "")), "phone");
  EXPECT_EQ(field_of(with("Tên",
                          "0912\0"
                          "345678"s,
                          "")),
            "phone");
  EXPECT_EQ(field_of({"new.user", "Tên", "C2", "Chuyên\nviên", "", "", "mat-khau-dai-1"}), "position");
  EXPECT_EQ(field_of({"new.user", "Tên", "C2\0"s, "", "", "", "mat-khau-dai-1"}), "unit_code");
  auto ok = svc_->CreateOfficial(sys, with("Tên", "+84 912-345-678", "ten@xa.gov.vn"));
  EXPECT_EQ(ok.phone, "+84 912-345-678");

  auto unit_field = [&](const UnitInput& in) {
    try {
      svc_->CreateUnit(sys, in);
    } catch (const AppError& e) {
      return e.key() + ":" + e.field();
    }
    return "accepted"s;
  };
  EXPECT_EQ(unit_field({"C9", "Xã\0Chín"s, "commune", "P1", "", "", ""}), "error.bad_utf8:name");
  EXPECT_EQ(unit_field({"C9", "Xã Chín", "commune", "P1\0x"s, "", "", ""}), "error.bad_utf8:parent_code");
  EXPECT_EQ(unit_field({"C9", "Xã Chín", "commune", "P1", "2020-01-01", "2025-01-01", "N1\n"}), "accepted");
  EXPECT_EQ(unit_field({"C10", "Xã Mười", "commune", "P1", "2020-01-01", "2025-01-01",
                        "N\x01"
                        "1"}),
            "error.bad_utf8:successor_code");
  EXPECT_EQ(KindOf([&] { svc_->AddGrant(sys, ok.id, "C2\x01", "desk"); }), ErrorKind::kBadRequest);
}

// A partial update merges into the row as it is inside the write: patches of
// different fields, one after the other or at the same time, are all kept.
TEST_P(OrgServiceTest, PatchesMergeIntoTheCurrentRow) {
  auto sys = SystemPrincipal();
  svc_->PatchUnit(sys, "C2", [](const Unit& u) {
    UnitInput in{u.code, "Xã Hai Mới", std::string(LevelName(u.level)), u.parent_code, u.valid_from, "", ""};
    return in;
  });
  auto c2 = svc_->PatchUnit(sys, "C2", [](const Unit& u) {
    UnitInput in{u.code, u.name, std::string(LevelName(u.level)), u.parent_code, u.valid_from, "2030-01-01", ""};
    return in;
  });
  EXPECT_EQ(c2.name, "Xã Hai Mới");
  EXPECT_EQ(c2.valid_to, "2030-01-01");

  auto o = svc_->CreateOfficial(sys, {"patched", "Tên", "C2", "", "", "", "mat-khau-dai-1"});
  using Setter = void (*)(OfficialInput&, int);
  const Setter setters[] = {
      [](OfficialInput& in, int r) { in.full_name = "Tên " + std::to_string(r); },
      [](OfficialInput& in, int r) { in.position = "Chức vụ " + std::to_string(r); },
      [](OfficialInput& in, int r) { in.phone = "091234567" + std::to_string(r); },
      [](OfficialInput& in, int r) { in.email = "r" + std::to_string(r) + "@x.vn"; },
  };
  for (int round = 0; round < 3; ++round) {
    std::vector<std::thread> threads;
    for (Setter set : setters)
      threads.emplace_back([&, set] {
        svc_->PatchOfficial(sys, o.id, [&](const Official& cur) {
          OfficialInput in{cur.username, cur.full_name, cur.unit_code, cur.position, cur.phone, cur.email, "", {}};
          set(in, round);
          return in;
        });
      });
    for (auto& t : threads) t.join();
    auto got = svc_->GetOfficial(sys, o.id);
    const std::string n = std::to_string(round);
    EXPECT_EQ(got.full_name, "Tên " + n);
    EXPECT_EQ(got.position, "Chức vụ " + n);
    EXPECT_EQ(got.phone, "091234567" + n);
    EXPECT_EQ(got.email, "r" + n + "@x.vn");
  }
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

TEST(OrgRules, EmailAndPhoneShapes) {
  using namespace std::string_literals;
  for (const std::string& bad : std::vector<std::string>{"a@@b.vn", "a@b@c.vn", "a b@c.vn", "@b.vn", "a@", "a@.vn",
                                                         "a@b.", "a\tb@c.vn", "a@b.vn\nBcc: c@d.vn", "a\0@b.vn"s,
                                                         "a@b\x7f.vn", std::string(250, 'a') + "@b.vn", "\xc3@b.vn"})
    EXPECT_THROW(ValidateEmail(bad), AppError) << bad;
  EXPECT_EQ(ValidateEmail("Nguyen.Van-A+so1@xa.gov.vn"), "Nguyen.Van-A+so1@xa.gov.vn");
  for (const std::string& bad : std::vector<std::string>{"1234567", "0912345678901234", "+84+912345678",
                                                         "0912 345 678 ext 1", "0912\n345678", "(091) 2345678",
                                                         "0912\0"
                                                         "345678"s,
                                                         "++84912345678", "84+912345678"})
    EXPECT_THROW(ValidatePhone(bad), AppError) << bad;
  for (std::string ok :
       {"0912345678", "+84 912 345 678", "0912.345.678", "0912-345-678", "12345678", "123456789012345"})
    EXPECT_EQ(ValidatePhone(ok), ok);
  try {
    ValidatePhone("x");
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.field(), "phone");
  }
}

TEST(OrgRules, PhoneMaskKeepsLastThreeDigits) {
  EXPECT_EQ(MaskPhone("0912 345 678"), "**** *** 678");
  EXPECT_THROW(ValidatePhone("09-12"), AppError);
  EXPECT_EQ(ValidateEmail(" a@b.vn "), "a@b.vn");
  EXPECT_THROW(ValidateEmail("a@b"), AppError);
}

}  // namespace
}  // namespace fg::org
