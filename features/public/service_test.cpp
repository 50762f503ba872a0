// The public search on both backends: folded names from the units table, the
// index following changes made through the org service, bounded queries.
#include "features/public/service.h"

#include <gtest/gtest.h>

#include "features/org/service.h"
#include "platform/errors.h"
#include "tests/support/test_db.h"

namespace fg::pub {
namespace {

using fg::testing::KindOf;

const char* kTree =
    "code,name,level,parent_code,valid_from,valid_to,successor_code\n"
    "P1,Tỉnh Đồng Nai,province,,2000-01-01,,\n"
    "D1,Huyện Một,district,P1,2000-01-01,2025-07-01,\n"
    "C1,Xã Đông Hòa,commune,D1,2000-01-01,2025-07-01,N1\n"
    "N1,Xã Tân Hưng,commune,P1,2025-07-01,,\n"
    "N2,Phường Trấn Biên,ward,P1,2025-07-01,,\n";

class PublicServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = fg::testing::OpenTestDb(GetParam());
    org_ = std::make_unique<org::Service>(*db_);
    org_->ImportCsv(org::SystemPrincipal(), kTree);
    svc_ = std::make_unique<Service>(*db_, std::chrono::milliseconds(0));
  }
  std::vector<std::string> Codes(const std::string& q) {
    std::vector<std::string> out;
    for (auto& p : svc_->Search(q).places) out.push_back(p.code);
    return out;
  }
  std::unique_ptr<db::Db> db_;
  std::unique_ptr<org::Service> org_;
  std::unique_ptr<Service> svc_;
};

TEST_P(PublicServiceTest, FindsCommunesByNameWithoutDiacritics) {
  EXPECT_EQ(Codes("tan hung"), (std::vector<std::string>{"N1"}));
  EXPECT_EQ(Codes("Tân Hưng"), (std::vector<std::string>{"N1"}));
  EXPECT_EQ(Codes("TRAN BIEN"), (std::vector<std::string>{"N2"}));
  // "d" finds "Đ"; only commune-level units (not the province "Đồng Nai").
  EXPECT_EQ(Codes("dong"), (std::vector<std::string>{"C1"}));
  EXPECT_TRUE(Codes("huyen").empty());
  EXPECT_TRUE(Codes("!!").empty());
}

TEST_P(PublicServiceTest, PlacesCarryParentProvinceAndSuccessor) {
  auto merged = svc_->Find("C1");
  ASSERT_TRUE(merged);
  EXPECT_EQ(merged->parent_name, "Huyện Một");
  EXPECT_EQ(merged->province_name, "Tỉnh Đồng Nai");
  EXPECT_EQ(merged->successor_code, "N1");
  EXPECT_EQ(merged->successor_name, "Xã Tân Hưng");
  EXPECT_EQ(merged->valid_to.value_or(""), "2025-07-01");
  auto now = svc_->Find("N1");
  ASSERT_TRUE(now);
  EXPECT_EQ(now->parent_code, "P1");
  EXPECT_EQ(now->province_code, "P1");
  EXPECT_FALSE(svc_->Find("P1"));  // a province is not a place of the public pages
  EXPECT_FALSE(svc_->Find("nope"));
  // Found ended places come after those in force.
  ASSERT_TRUE(
      org_->CreateUnit(org::SystemPrincipal(), {"N3", "Xã Đông Hòa Mới", "commune", "P1", "2025-07-01", "", ""}).id);
  EXPECT_EQ(Codes("dong hoa"), (std::vector<std::string>{"N3", "C1"}));
}

TEST_P(PublicServiceTest, FollowsUnitsCreatedAndRenamed) {
  auto sys = org::SystemPrincipal();
  EXPECT_TRUE(Codes("long thanh").empty());
  org_->CreateUnit(sys, {"N9", "Xã Long Thành", "commune", "P1", "2025-07-01", "", ""});
  EXPECT_EQ(Codes("long thanh"), (std::vector<std::string>{"N9"}));
  org_->UpdateUnit(sys, "N9", {"N9", "Phường Long Thành Mới", "ward", "P1", "2025-07-01", "", ""});
  EXPECT_EQ(Codes("phuong long"), (std::vector<std::string>{"N9"}));
  EXPECT_TRUE(Codes("xa long").empty());
  // A second service (another server process) sees the same.
  Service other(*db_, std::chrono::milliseconds(0));
  EXPECT_EQ(other.Search("long thanh moi").places.size(), 1u);
}

TEST_P(PublicServiceTest, QueriesAreBounded) {
  EXPECT_EQ(KindOf([&] { svc_->Search(std::string(kMaxQueryChars + 1, 'a')); }), ErrorKind::kBadRequest);
  EXPECT_EQ(KindOf([&] { svc_->Search("   "); }), ErrorKind::kBadRequest);
  EXPECT_EQ(KindOf([&] { svc_->Search("tan\x01"); }), ErrorKind::kBadRequest);
  EXPECT_NO_THROW(svc_->Search(std::string(kMaxQueryChars, 'a')));
  auto sys = org::SystemPrincipal();
  std::string csv = "code,name,level,parent_code,valid_from,valid_to,successor_code\n";
  for (int i = 0; i < 30; ++i)
    csv += "M" + std::to_string(i) + ",Xã Mỹ " + std::to_string(i) + ",commune,P1,2025-07-01,,\n";
  org_->ImportCsv(sys, csv);
  auto r = svc_->Search("my");
  EXPECT_EQ(r.places.size(), kMaxResults);
  EXPECT_TRUE(r.more);
}

FG_BOTH_BACKENDS(PublicServiceTest);

}  // namespace
}  // namespace fg::pub
