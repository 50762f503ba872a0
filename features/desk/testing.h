// Shared set-up of the desk's tests: a small unit tree, officials with roles,
// a procedure, on either backend.
#pragma once
#include <memory>
#include <string>

#include "features/calendar/service.h"
#include "features/desk/service.h"
#include "features/org/service.h"
#include "tests/support/test_db.h"

namespace fg::desk::testing {

// P1 (province) -> C1, C2 (communes).
inline const char* kTree =
    "code,name,level,parent_code,valid_from,valid_to,successor_code\n"
    "P1,Tỉnh Một,province,,2000-01-01,,\n"
    "C1,Xã Một,commune,P1,2000-01-01,,\n"
    "C2,Xã Hai,commune,P1,2000-01-01,,\n";

class DeskFixture : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = fg::testing::OpenTestDb(GetParam(), Options());
    org_ = std::make_unique<org::Service>(*db_);
    calendar_ = std::make_unique<calendar::Service>(*db_);
    svc_ = std::make_unique<Service>(*db_, *calendar_);
    org_->ImportCsv(org::SystemPrincipal(), kTree);
  }
  virtual db::Options Options() { return {}; }
  auth::Principal Official(const std::string& username, const std::string& unit, const std::string& role) {
    auto o = org_->CreateOfficial(org::SystemPrincipal(),
                                  {username, "Người " + username, unit, "", "", "", "mat-khau-dai-1"}, {{role, unit}});
    return *db_->read([&](db::Conn& c) { return org::Service::LoadPrincipal(c, o.id); });
  }
  ProcedureInput BirthInput(const std::string& unit = "P1", const std::string& code = "1.001193") {
    ProcedureInput in;
    in.unit_code = unit;
    in.code = code;
    in.name = "Đăng ký khai sinh";
    in.field = "Hộ tịch";
    in.limit_unit = "days";
    in.limit_amount = 3;
    in.documents = {{"Tờ khai đăng ký khai sinh", "original", 1}, {"Giấy chứng sinh", "original", 1}};
    in.steps = {{"Tiếp nhận", "Bộ phận một cửa", 4},
                {"Thẩm định", "Công chức tư pháp - hộ tịch", 12},
                {"Ký duyệt", "Chủ tịch UBND", 4},
                {"Trả kết quả", "Bộ phận một cửa", 4}};
    return in;
  }
  std::unique_ptr<db::Db> db_;
  std::unique_ptr<org::Service> org_;
  std::unique_ptr<calendar::Service> calendar_;
  std::unique_ptr<Service> svc_;
};

}  // namespace fg::desk::testing
