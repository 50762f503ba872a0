// The event log through the service, on both backends: who sees what (an
// administrator of one province never sees another's events, security events
// included), the filters (person, unit, kind, period, one unit's history), the
// "older" cursor, and sentences with names and the fields an update changed.
#include "features/dashboard/service.h"

#include <gtest/gtest.h>

#include <set>

#include "features/accounts/service.h"
#include "features/calendar/service.h"
#include "features/dashboard/repo.h"
#include "features/dashboard/rules.h"
#include "features/org/service.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/time.h"
#include "tests/support/test_db.h"

namespace fg::dashboard {
namespace {

using fg::testing::KindOf;

const char* kTree =
    "code,name,level,parent_code,valid_from,valid_to,successor_code\n"
    "P1,Tỉnh Một,province,,2000-01-01,,\n"
    "N1,Phường Một,ward,P1,2025-07-01,,\n"
    "N2,Phường Hai,ward,P1,2025-07-01,,\n"
    "P2,Tỉnh Hai,province,,2000-01-01,,\n"
    "M1,Xã Ba,commune,P2,2025-07-01,,\n";
const char* kPassword = "mat-khau-dai-1";

class EventLogTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = fg::testing::OpenTestDb(GetParam());
    SetClockForTesting(*ParseUtc("2025-12-01T03:00:00Z"));  // the tree and officials, before the tests' events
    org_ = std::make_unique<org::Service>(*db_);
    org_->ImportCsv(org::SystemPrincipal(), kTree);
    accounts::Policy policy;
    policy.failures_per_address = 1000;
    accounts_ = std::make_unique<accounts::Service>(*db_, false, policy);
    log_ = std::make_unique<Service>(*db_);
  }
  void TearDown() override { SetClockForTesting(std::nullopt); }
  auth::Principal Official(const std::string& unit, const std::string& username, const std::string& full_name,
                           const std::string& role) {
    auto o = org_->CreateOfficial(org::SystemPrincipal(),
                                  {username, full_name, unit, "", "", "", kPassword, std::nullopt}, {{role, unit}});
    return *db_->read([&](db::Conn& c) { return org::Service::LoadPrincipal(c, o.id); });
  }
  void WrongPassword(const std::string& username, const std::string& address) {
    EXPECT_EQ(KindOf([&] { accounts_->Login(username, "sai-mat-khau-1", address); }), ErrorKind::kUnauthorized);
  }
  std::vector<std::string> Sentences(const auth::Principal& p, const LogFilter& f = {}) {
    std::vector<std::string> out;
    auto page = log_->List(p, f, 500);
    for (auto& e : page.entries) out.push_back(Describe(e, page.unit_names).sentence);
    return out;
  }
  static bool Has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  }
  static bool Mentions(const std::vector<std::string>& v, const std::string& part) {
    for (auto& s : v)
      if (s.find(part) != std::string::npos) return true;
    return false;
  }
  std::unique_ptr<db::Db> db_;
  std::unique_ptr<org::Service> org_;
  std::unique_ptr<accounts::Service> accounts_;
  std::unique_ptr<Service> log_;
};

TEST_P(EventLogTest, AnAdministratorSeesTheirSubtreeAndItsAccountsSecurityEventsOnly) {
  auto quan = Official("P1", "quan.p1", "Nguyễn Văn Quản", "admin");
  auto other = Official("P2", "admin.p2", "Trần Thị Hai", "admin");
  auto desk = Official("N1", "desk.n1", "Lê Văn Một", "desk");
  Official("M1", "desk.m1", "Phạm Văn Ba", "desk");
  WrongPassword("desk.n1", "10.0.0.5");
  WrongPassword("desk.m1", "10.0.0.9");
  org_->CreateUnit(other, {"M2", "Xã Bốn", "commune", "P2", "2025-07-01", "", ""});
  calendar::Service(*db_).PutDecision(org::SystemPrincipal(), "2026-12-31", "holiday", "Nghỉ cuối năm", "QĐ 1");

  auto mine = Sentences(quan);
  EXPECT_TRUE(Has(mine, "Đăng nhập sai vào tài khoản desk.n1 từ 10.0.0.5 (lần sai thứ 1 liên tiếp từ máy này)"))
      << ::testing::PrintToString(mine);
  EXPECT_TRUE(Has(mine, "Hệ thống đã tạo tài khoản cho Lê Văn Một (tên đăng nhập desk.n1)"));
  // Nothing of the other province: not its accounts' failed logins, officials or units; no national decisions.
  EXPECT_FALSE(Mentions(mine, "desk.m1"));
  EXPECT_FALSE(Mentions(mine, "10.0.0.9"));
  EXPECT_FALSE(Mentions(mine, "Xã Bốn"));
  EXPECT_FALSE(Mentions(mine, "Phạm Văn Ba"));
  EXPECT_FALSE(Mentions(mine, "31/12/2026"));

  LogFilter security;
  security.type = "security";
  auto theirs = Sentences(other, security);
  EXPECT_EQ(theirs, (std::vector<std::string>{
                        "Đăng nhập sai vào tài khoản desk.m1 từ 10.0.0.9 (lần sai thứ 1 liên tiếp từ máy này)"}));
  // The holder of the root (here the system) also sees events without a unit.
  EXPECT_TRUE(
      Has(Sentences(org::SystemPrincipal()), "Hệ thống đã thêm ngày nghỉ lễ 31/12/2026 vào lịch: Nghỉ cuối năm"));
  // Choosing the other province's unit is refused, and so is the log for a non-administrator.
  LogFilter elsewhere;
  elsewhere.unit_code = "M1";
  EXPECT_EQ(KindOf([&] { log_->List(quan, elsewhere); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { log_->List(desk, {}); }), ErrorKind::kForbidden);
  // The chain is still whole with the new columns.
  db_->write([](db::Conn& c) { events::Seal(c); });
  EXPECT_TRUE(db_->read([](db::Conn& c) { return events::Verify(c); }).ok);
}

TEST_P(EventLogTest, SentencesNameTheActorAndUpdatesListTheFieldsThatChanged) {
  auto quan = Official("P1", "quan.p1", "Nguyễn Văn Quản", "admin");
  org_->CreateUnit(quan, {"25310", "Xã Tân Hưng", "commune", "P1", "2025-07-01", "", ""});
  org_->UpdateUnit(quan, "25310", {"25310", "Xã Tân Hưng Mới", "ward", "P1", "2025-07-01", "2030-01-01", ""});
  LogFilter history;
  history.entity = "unit";
  history.entity_id = "25310";
  auto page = log_->List(quan, history);
  ASSERT_EQ(page.entries.size(), 2u);
  auto update = Describe(page.entries[0], page.unit_names);
  EXPECT_EQ(update.sentence, "Nguyễn Văn Quản đã sửa thông tin Xã Tân Hưng Mới (25310)");
  auto created = Describe(page.entries[1], page.unit_names);
  EXPECT_EQ(created.sentence, "Nguyễn Văn Quản đã tạo Xã Tân Hưng (25310)");
  EXPECT_TRUE(created.changes.empty());
  std::map<std::string, std::pair<std::string, std::string>> changes;
  for (auto& c : update.changes) changes[c.label] = {c.before, c.after};
  EXPECT_EQ(changes.size(), 3u) << "only the fields that changed";
  EXPECT_EQ(changes["tên"], std::make_pair(std::string("Xã Tân Hưng"), std::string("Xã Tân Hưng Mới")));
  EXPECT_EQ(changes["cấp"], std::make_pair(std::string("Xã"), std::string("Phường")));
  EXPECT_EQ(changes["ngày hết hiệu lực"], std::make_pair(std::string("(trống)"), std::string("01/01/2030")));

  // A granted role reads with its label and the unit's name.
  auto desk = Official("N1", "desk.n1", "Lê Văn Một", "desk");
  org_->AddGrant(quan, desk.official_id, "N2", "specialist");
  EXPECT_TRUE(Has(Sentences(quan), "Nguyễn Văn Quản đã giao vai trò Chuyên viên tại Phường Hai (N2) cho Lê Văn Một"));
}

TEST_P(EventLogTest, FiltersByPersonUnitKindAndPeriod) {
  auto quan = Official("P1", "quan.p1", "Nguyễn Văn Quản", "admin");
  auto ward = Official("N1", "admin.n1", "Đỗ Thị Phường", "admin");
  SetClockForTesting(*ParseUtc("2026-01-10T03:00:00Z"));
  org_->UpdateUnit(quan, "N2", {"N2", "Phường Năm", "ward", "P1", "2025-07-01", "", ""});
  SetClockForTesting(*ParseUtc("2026-03-10T03:00:00Z"));
  org_->UpdateUnit(ward, "N1", {"N1", "Phường Sáu", "ward", "P1", "2025-07-01", "", ""});
  SetClockForTesting(*ParseUtc("2026-03-31T18:00:00Z"));  // 01/04/2026 01:00 in Việt Nam
  WrongPassword("admin.n1", "10.0.0.7");

  LogFilter by_ward;
  by_ward.actor_id = ward.official_id;
  EXPECT_EQ(
      Sentences(quan, by_ward),
      (std::vector<std::string>{"Đăng nhập sai vào tài khoản admin.n1 từ 10.0.0.7 (lần sai thứ 1 liên tiếp từ máy này)",
                                "Đỗ Thị Phường đã sửa thông tin Phường Sáu (N1)"}));
  LogFilter in_n2;
  in_n2.unit_code = "N2";
  EXPECT_EQ(Sentences(quan, in_n2), (std::vector<std::string>{"Nguyễn Văn Quản đã sửa thông tin Phường Năm (N2)",
                                                              "Hệ thống đã tạo Phường Hai (N2)"}));
  LogFilter units;
  units.type = "unit";
  units.from = "2026-01-01";
  EXPECT_EQ(Sentences(quan, units), (std::vector<std::string>{"Đỗ Thị Phường đã sửa thông tin Phường Sáu (N1)",
                                                              "Nguyễn Văn Quản đã sửa thông tin Phường Năm (N2)"}));
  LogFilter march;
  march.from = "2026-03-01";
  march.to = "2026-03-31";
  EXPECT_EQ(Sentences(quan, march), (std::vector<std::string>{"Đỗ Thị Phường đã sửa thông tin Phường Sáu (N1)"}));
  LogFilter april;  // local dates: 01:00 on 1 April is April, though it is still 31 March in UTC
  april.from = "2026-04-01";
  april.to = "2026-04-01";
  EXPECT_EQ(Sentences(quan, april).size(), 1u);
  LogFilter january_units;
  january_units.from = "2026-01-01";
  january_units.to = "2026-01-31";
  january_units.type = "unit";
  EXPECT_EQ(Sentences(quan, january_units),
            (std::vector<std::string>{"Nguyễn Văn Quản đã sửa thông tin Phường Năm (N2)"}));
  // The ward's administrator sees the ward's subtree only.
  auto ward_view = Sentences(ward);
  EXPECT_TRUE(Has(ward_view, "Đỗ Thị Phường đã sửa thông tin Phường Sáu (N1)"));
  EXPECT_FALSE(Mentions(ward_view, "Phường Năm"));
}

// The period's bounds come from bisecting the ids: the first event at or
// after an instant is found where ids have gaps (rows rolled back on
// PostgreSQL leave them) and for instants before, between, on and after the
// events, as a scan of every row finds it.
TEST_P(EventLogTest, TheFirstEventOfAnInstantIsFoundAcrossGapsInTheIds) {
  const auto start = *ParseUtc("2026-02-01T00:00:00Z");
  for (int i = 0; i < 40; ++i) {
    SetClockForTesting(start + std::chrono::minutes(i));
    db_->write([&](db::Conn& c) {
      events::Append(c, {std::nullopt, "system", std::nullopt, "probe", std::to_string(i), "tick", "", "{}"});
    });
  }
  db_->write([](db::Conn& c) {
    c.exec({"probe_gaps", "DELETE FROM events WHERE entity = 'probe' AND (id % 3 = 0 OR id % 7 = 0)"});
  });
  const db::Query scan{"probe_scan", "SELECT min(id) FROM events WHERE at >= ?"};
  std::vector<std::string> instants{"2025-01-01T00:00:00Z", "2027-01-01T00:00:00Z"};
  for (int s = -30; s < 41 * 60; s += 30) instants.push_back(FormatUtc(start + std::chrono::seconds(s)));
  db_->read([&](db::Conn& c) {
    for (const auto& at : instants) {
      auto row = c.query_one(scan, {at});
      std::optional<int64_t> expected;
      if (row && !row->is_null(0)) expected = row->i64(0);
      EXPECT_EQ(repo::FirstIdAt(c, at), expected) << at;
    }
  });
}

// Each probe of the bisection is a lookup by key, never a scan of the events.
TEST_P(EventLogTest, ThePeriodsProbesReadByKey) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "EXPLAIN QUERY PLAN is SQLite's";
  const auto plan = db_->read([](db::Conn& c) { return repo::FirstIdAtPlan(c); });
  std::string all;
  for (auto& line : plan) all += line + "\n";
  int searches = 0;
  for (auto& line : plan) {
    EXPECT_EQ(line.rfind("SCAN events", 0), std::string::npos) << all;
    if (line.rfind("SEARCH events", 0) == 0) ++searches;
  }
  EXPECT_EQ(searches, 3) << all;  // min, max, and the first event from an id
}

TEST_P(EventLogTest, OlderPagesFollowTheCursorWithoutGapsOrRepeats) {
  auto quan = Official("P1", "quan.p1", "Nguyễn Văn Quản", "admin");
  for (int i = 0; i < 7; ++i)
    org_->CreateUnit(quan, {"C" + std::to_string(i), "Xã " + std::to_string(i), "commune", "P1", "2025-07-01", "", ""});
  LogFilter f;
  f.actor_id = quan.official_id;
  std::vector<int64_t> ids;
  int pages = 0;
  do {
    auto page = log_->List(quan, f, 3);
    ++pages;
    for (auto& e : page.entries) ids.push_back(e.event.id);
    f.before = page.next_before;
  } while (f.before != 0 && pages < 10);
  EXPECT_EQ(pages, 3);
  ASSERT_EQ(ids.size(), 7u);
  EXPECT_TRUE(std::is_sorted(ids.rbegin(), ids.rend()));
  EXPECT_EQ(std::set<int64_t>(ids.begin(), ids.end()).size(), 7u);
}

TEST_P(EventLogTest, AUnitsHistoryHasItsOwnChangesAndWorkingWeek) {
  auto quan = Official("P1", "quan.p1", "Nguyễn Văn Quản", "admin");
  Official("N1", "desk.n1", "Lê Văn Một", "desk");  // an event scoped to N1, not about N1
  calendar::Service(*db_).SetWeek(quan, "N1", {"07:00-11:00,13:00-17:00", "6,7", "8", true});
  org_->UpdateUnit(quan, "N1", {"N1", "Phường Một Mới", "ward", "P1", "2025-07-01", "", ""});
  LogFilter history;
  history.entity = "unit";
  history.entity_id = "N1";
  EXPECT_EQ(Sentences(quan, history),
            (std::vector<std::string>{"Nguyễn Văn Quản đã sửa thông tin Phường Một Mới (N1)",
                                      "Nguyễn Văn Quản đã đặt giờ làm việc riêng cho Phường Một Mới (N1)",
                                      "Hệ thống đã tạo Phường Một (N1)"}));
}

TEST_P(EventLogTest, EveryBadPartOfTheFilterIsReportedAtOnce) {
  LogFilter f;
  f.type = "everything";
  f.from = "2026-02-30";
  f.to = "2026-13-01";
  try {
    Service::Check(f);
    FAIL() << "accepted";
  } catch (const AppError& e) {
    std::set<std::string> fields;
    for (auto& p : e.problems()) fields.insert(p.field);
    EXPECT_EQ(fields, (std::set<std::string>{"type", "from", "to"}));
  }
  LogFilter backwards;
  backwards.from = "2026-03-02";
  backwards.to = "2026-03-01";
  EXPECT_EQ(KindOf([&] { Service::Check(backwards); }), ErrorKind::kBadRequest);
  backwards.to = "2026-03-02";
  EXPECT_NO_THROW(Service::Check(backwards));
}

FG_BOTH_BACKENDS(EventLogTest);

}  // namespace
}  // namespace fg::dashboard
