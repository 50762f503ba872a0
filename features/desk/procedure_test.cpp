// The procedure catalogue through the service, on both backends.
#include <gtest/gtest.h>

#include <algorithm>

#include "features/desk/testing.h"
#include "platform/errors.h"

namespace fg::desk {
namespace {

using fg::testing::KindOf;

class DeskProcedureTest : public testing::DeskFixture {
 protected:
  std::vector<std::string> Codes(const std::string& q, const std::string& unit = "") {
    ProcedureQuery query;
    query.q = q;
    query.unit_code = unit;
    std::vector<std::string> out;
    for (auto& p : svc_->SearchProcedures(nullptr, query)) out.push_back(p.code);
    std::sort(out.begin(), out.end());
    return out;
  }
};

TEST_P(DeskProcedureTest, CreateValidatesAndAuthorises) {
  auto admin_c1 = Official("admin.c1", "C1", "admin");
  auto admin_p1 = Official("admin.p1", "P1", "admin");
  auto desk_c1 = Official("desk.c1", "C1", "desk");
  // Only an administrator covering the owner unit.
  EXPECT_EQ(KindOf([&] { svc_->CreateProcedure(admin_c1, BirthInput("P1")); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { svc_->CreateProcedure(desk_c1, BirthInput("C1")); }), ErrorKind::kForbidden);
  auto p = svc_->CreateProcedure(admin_p1, BirthInput("P1"));
  EXPECT_EQ(p.version, 1);
  EXPECT_EQ(p.unit_code, "P1");
  EXPECT_EQ(p.steps.size(), 4u);
  EXPECT_EQ(p.documents.at(1).name, "Giấy chứng sinh");
  EXPECT_EQ(p.cutoff, "15:00");
  // The same code twice in one catalogue is a conflict; in another unit's catalogue it is not.
  EXPECT_EQ(KindOf([&] { svc_->CreateProcedure(admin_p1, BirthInput("P1")); }), ErrorKind::kConflict);
  EXPECT_NO_THROW(svc_->CreateProcedure(admin_c1, BirthInput("C1")));

  auto bad = BirthInput();
  bad.limit_unit = "weeks";
  try {
    svc_->CreateProcedure(admin_p1, bad);
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.field(), "limit_unit");
  }
  bad = BirthInput("P1", "X1");
  bad.documents[1].kind = "photo";
  try {
    svc_->CreateProcedure(admin_p1, bad);
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.field(), "documents[1].kind");
  }
}

TEST_P(DeskProcedureTest, SearchIgnoresDiacriticsAndCaseThroughTheTermIndex) {
  auto admin = Official("admin.p1", "P1", "admin");
  svc_->CreateProcedure(admin, BirthInput("P1", "1.001193"));
  auto death = BirthInput("P1", "1.000656");
  death.name = "Đăng ký khai tử";
  svc_->CreateProcedure(admin, death);
  auto cert = BirthInput("P1", "2.000815");
  cert.name = "Chứng thực bản sao từ bản chính";
  cert.field = "Chứng thực";
  svc_->CreateProcedure(admin, cert);

  EXPECT_EQ(Codes("ho tich"), (std::vector<std::string>{"1.000656", "1.001193"}));
  EXPECT_EQ(Codes("HỘ TỊCH"), (std::vector<std::string>{"1.000656", "1.001193"}));
  EXPECT_EQ(Codes("d"), (std::vector<std::string>{"1.000656", "1.001193"}));  // đăng
  EXPECT_EQ(Codes("khai tu"), (std::vector<std::string>{"1.000656"}));
  EXPECT_EQ(Codes("chung thuc ban sao"), (std::vector<std::string>{"2.000815"}));
  EXPECT_EQ(Codes("2.000815"), (std::vector<std::string>{"2.000815"}));
  EXPECT_EQ(Codes("zz"), std::vector<std::string>{});
  EXPECT_EQ(Codes("").size(), 3u);
}

TEST_P(DeskProcedureTest, ANewVersionKeepsTheOldOneAndTheTermsFollow) {
  auto admin = Official("admin.p1", "P1", "admin");
  auto p = svc_->CreateProcedure(admin, BirthInput());
  auto v2 = svc_->PatchProcedure(admin, p.id, [](const Procedure& cur) {
    auto in = InputOf(cur);
    in.name = "Đăng ký khai sinh lưu động";
    in.limit_amount = 5;
    return in;
  });
  EXPECT_EQ(v2.version, 2);
  EXPECT_EQ(v2.limit_amount, 5);
  auto v1 = svc_->GetProcedure(nullptr, p.id, 1);
  EXPECT_EQ(v1.limit_amount, 3);
  EXPECT_EQ(v1.name, "Đăng ký khai sinh");
  EXPECT_EQ(Codes("luu dong"), (std::vector<std::string>{"1.001193"}));
  EXPECT_EQ(KindOf([&] {
              svc_->PatchProcedure(admin, p.id, [](const Procedure& cur) {
                auto in = InputOf(cur);
                in.code = "9.9";
                return in;
              });
            }),
            ErrorKind::kBadRequest);
  // Deactivated: hidden from the public catalogue.
  svc_->SetProcedureActive(admin, p.id, false);
  EXPECT_EQ(Codes("khai sinh"), std::vector<std::string>{});
  EXPECT_EQ(KindOf([&] { svc_->GetProcedure(nullptr, p.id); }), ErrorKind::kNotFound);
  EXPECT_FALSE(svc_->GetProcedure(&admin, p.id).active);
}

TEST_P(DeskProcedureTest, SameDayRegistrationByUnitAndApplicability) {
  auto admin = Official("admin.p1", "P1", "admin");
  auto leader_c1 = Official("leader.c1", "C1", "leader");
  auto p = svc_->CreateProcedure(admin, BirthInput("P1"));
  auto own = svc_->CreateProcedure(admin, BirthInput("C2", "C2.1"));
  EXPECT_EQ(KindOf([&] { svc_->SetSameDay(leader_c1, p.id, "C2", true); }), ErrorKind::kForbidden);
  // A procedure of C2's catalogue does not apply at C1.
  EXPECT_EQ(KindOf([&] { svc_->SetSameDay(leader_c1, own.id, "C1", true); }), ErrorKind::kBadRequest);
  auto saved = svc_->SetSameDay(leader_c1, p.id, "C1", true);
  EXPECT_EQ(saved.same_day_units, std::vector<std::string>{"C1"});
  EXPECT_EQ(saved.version, 1);  // a registration is not a new version
  EXPECT_EQ(Codes("", "C1"), (std::vector<std::string>{"1.001193"}));
  EXPECT_EQ(Codes("", "C2"), (std::vector<std::string>{"1.001193", "C2.1"}));
  EXPECT_TRUE(svc_->SetSameDay(leader_c1, p.id, "C1", false).same_day_units.empty());
}

FG_BOTH_BACKENDS(DeskProcedureTest);

}  // namespace
}  // namespace fg::desk
