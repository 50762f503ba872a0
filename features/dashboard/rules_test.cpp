// The event log's sentences and diffs from stored events (no store needed):
// names instead of ids, dates as dd/mm/yyyy, security events in words, and
// only the fields that changed, with their Vietnamese labels.
#include "features/dashboard/rules.h"

#include <gtest/gtest.h>

#include "platform/render/messages.h"
#include "platform/source_dir.h"

namespace fg::dashboard {
namespace {

class EventRulesTest : public ::testing::Test {
 protected:
  void SetUp() override { render::LoadMessages(FG_SOURCE_DIR); }
  static LogEntry Entry(std::string entity, std::string id, std::string action, std::string before, std::string after) {
    LogEntry e;
    e.event.actor_id = 7;
    e.event.actor = "quan";
    e.actor_name = "Nguyễn Văn Quản";
    e.event.entity = std::move(entity);
    e.event.entity_id = std::move(id);
    e.event.action = std::move(action);
    e.event.before_json = std::move(before);
    e.event.after_json = std::move(after);
    return e;
  }
};

TEST_F(EventRulesTest, ADeletedHolidayReadsWithTheActorsNameAndTheDate) {
  auto d = Describe(Entry("calendar_day", "2026-12-31", "delete",
                          R"({"date":"2026-12-31","kind":"holiday","name":"Nghỉ cuối năm","reference":"QĐ 1"})", ""));
  EXPECT_EQ(d.sentence, "Nguyễn Văn Quản đã xóa ngày nghỉ lễ 31/12/2026");
  EXPECT_TRUE(d.changes.empty());
}

TEST_F(EventRulesTest, SecurityEventsNameTheAccountAndTheAddress) {
  LogEntry failed = Entry("official", "7", "login_failed", "", R"({"client_address":"10.0.0.5","failures":2})");
  EXPECT_EQ(Describe(failed).sentence,
            "Đăng nhập sai vào tài khoản quan từ 10.0.0.5 (lần sai thứ 2 liên tiếp từ máy này)");
  LogEntry throttled =
      Entry("official", "7", "login_throttled", "", R"({"client_address":"10.0.0.5","failures":6,"wait_seconds":120})");
  EXPECT_EQ(Describe(throttled).sentence,
            "Đăng nhập sai vào tài khoản quan từ 10.0.0.5 (lần sai thứ 6): máy này phải chờ 2 phút mới được thử lại");
  LogEntry locked =
      Entry("official", "7", "locked", "", R"({"client_address":"10.0.0.9","failures":1,"account_failures":50})");
  EXPECT_EQ(Describe(locked).sentence,
            "Tài khoản quan bị tạm khóa với các máy lạ sau 50 lần đăng nhập sai trong một giờ (lần cuối từ 10.0.0.9)");
  // An administrator acting on someone else's account: the account by its holder's name.
  LogEntry unlocked = Entry("official", "9", "unlocked", "", "");
  unlocked.official_name = "Lê Văn Một";
  unlocked.official_username = "desk.n1";
  EXPECT_EQ(Describe(unlocked).sentence, "Nguyễn Văn Quản đã mở khóa đăng nhập cho Lê Văn Một");
}

TEST_F(EventRulesTest, AnUpdateListsOnlyChangedFieldsWithLabelsAndReadableValues) {
  auto e = Entry("official", "9", "update",
                 R"({"id":9,"username":"desk.n1","full_name":"Lê Văn Một","unit_code":"N1","position":"",)"
                 R"("phone":"","email":"","active":true,"roles":[{"id":1,"role":"desk","unit_code":"N1"}]})",
                 R"({"id":9,"username":"desk.n1","full_name":"Lê Văn Một","unit_code":"N2","position":"Văn thư",)"
                 R"("phone":"","email":"","active":false,"roles":[{"id":1,"role":"desk","unit_code":"N1"}]})");
  auto d = Describe(e, {{"N1", "Phường Một"}, {"N2", "Phường Hai"}});
  EXPECT_EQ(d.sentence, "Nguyễn Văn Quản đã sửa thông tin của Lê Văn Một");
  ASSERT_EQ(d.changes.size(), 3u);
  EXPECT_EQ(d.changes[0].label, "đơn vị");
  EXPECT_EQ(d.changes[0].before, "Phường Một (N1)");
  EXPECT_EQ(d.changes[0].after, "Phường Hai (N2)");
  EXPECT_EQ(d.changes[1].label, "chức vụ");
  EXPECT_EQ(d.changes[1].before, "(trống)");
  EXPECT_EQ(d.changes[1].after, "Văn thư");
  EXPECT_EQ(d.changes[2].label, "trạng thái");
  EXPECT_EQ(d.changes[2].after, "đã ngừng làm việc");
  // A working week: rest days by their names.
  auto week = Describe(Entry("work_week", "N1", "update", R"({"rest_days":"6,7","no_friday_rule":false})",
                             R"({"rest_days":"7","no_friday_rule":true})"));
  ASSERT_EQ(week.changes.size(), 2u);
  EXPECT_EQ(week.changes[0].before, "Thứ Bảy, Chủ nhật");
  EXPECT_EQ(week.changes[0].after, "Chủ nhật");
  EXPECT_EQ(week.changes[1].label, "không hẹn thứ Sáu sang tuần sau");
  // An instant (a dossier's due time) at UTC+7, as people read it.
  auto due = Describe(Entry("dossier", "1", "update", R"({"due_at":"2026-11-27T08:15:00+07:00"})",
                            R"({"due_at":"2026-12-15T10:00:00Z"})"));
  ASSERT_EQ(due.changes.size(), 1u);
  EXPECT_EQ(due.changes[0].before, "27/11/2026 08:15");
  EXPECT_EQ(due.changes[0].after, "15/12/2026 17:00");
}

TEST_F(EventRulesTest, UnknownEventsFallBackToAGenericSentence) {
  LogEntry e = Entry("dossier", "D-1", "archive", "", "");
  e.event.actor_id.reset();
  e.actor_name.clear();
  e.event.actor = "system";
  EXPECT_EQ(Describe(e).sentence, "Hệ thống: archive – dossier D-1");
}

TEST_F(EventRulesTest, UnitCodesMentionedAreCollectedForOneLookup) {
  auto codes = UnitCodesIn(Entry("unit", "C1", "update", R"({"parent_code":"D1","successor_code":null})",
                                 R"({"parent_code":"D2","successor_code":"N1"})"));
  std::sort(codes.begin(), codes.end());
  EXPECT_EQ(codes, (std::vector<std::string>{"D1", "D2", "N1"}));
}

}  // namespace
}  // namespace fg::dashboard
