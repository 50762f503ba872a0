// The calendar service on both backends: the seeded decisions, editing them
// (events, authorisation, cache refresh across service instances), working
// weeks inherited down the unit tree, and validation of deadline questions.
#include "features/calendar/service.h"

#include <gtest/gtest.h>

#include <map>

#include "features/org/service.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/time.h"
#include "tests/support/test_db.h"

namespace fg::calendar {
namespace {

const char* kTree =
    "code,name,level,parent_code,valid_from,valid_to,successor_code\n"
    "P1,Tỉnh Một,province,,2000-01-01,,\n"
    "C1,Xã Một,commune,P1,2000-01-01,,\n"
    "C2,Xã Hai,commune,P1,2000-01-01,,\n";

class CalendarServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = fg::testing::OpenTestDb(GetParam());
    org_ = std::make_unique<org::Service>(*db_);
    org_->ImportCsv(org::SystemPrincipal(), kTree);
    svc_ = std::make_unique<Service>(*db_);
  }
  auth::Principal AdminOf(const std::string& code, const std::string& username) {
    auto o = org_->CreateOfficial(org::SystemPrincipal(),
                                  {username, "Người " + username, code, "", "", "", "mat-khau-dai-1", std::nullopt},
                                  {{"admin", code}});
    return *db_->read([&](db::Conn& c) { return org::Service::LoadPrincipal(c, o.id); });
  }
  std::map<std::string, DayKind> Kinds(int year, const std::string& unit = "") {
    std::map<std::string, DayKind> out;
    for (const auto& e : svc_->Holidays(year, unit)) out[FormatIsoDate(e.date)] = e.kind;
    return out;
  }
  std::string FieldOf(const std::function<void()>& f) {
    try {
      f();
    } catch (const AppError& e) {
      return e.kind() == ErrorKind::kBadRequest ? e.field() : "kind " + std::to_string(int(e.kind()));
    }
    return "no error";
  }
  DueOutput Due(const std::string& received, const std::string& unit, int64_t amount, const std::string& code = "") {
    DueInput in;
    in.received_at = received;
    in.limit_unit = unit;
    in.amount = amount;
    in.unit_code = code;
    return svc_->Due(in);
  }
  std::unique_ptr<db::Db> db_;
  std::unique_ptr<org::Service> org_;
  std::unique_ptr<Service> svc_;
};

TEST_P(CalendarServiceTest, SeededSchedulesOf2024To2026) {
  auto k24 = Kinds(2024);
  for (const char* d : {"2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14", "2024-04-29"})
    EXPECT_TRUE(k24.count(d) && IsDayOff(k24[d])) << d;
  EXPECT_FALSE(k24.count("2024-02-15"));
  EXPECT_EQ(k24["2024-05-04"], DayKind::kMakeupWorkday);
  auto k25 = Kinds(2025);
  for (const char* d : {"2025-01-27", "2025-01-28", "2025-01-31", "2025-05-02", "2025-09-01"})
    EXPECT_TRUE(k25.count(d) && IsDayOff(k25[d])) << d;
  EXPECT_FALSE(k25.count("2025-02-03"));
  EXPECT_EQ(k25["2025-04-26"], DayKind::kMakeupWorkday);
  auto k26 = Kinds(2026);
  EXPECT_EQ(k26["2026-01-02"], DayKind::kSwap);
  EXPECT_EQ(k26["2026-01-10"], DayKind::kMakeupWorkday);
  EXPECT_EQ(k26["2026-04-27"], DayKind::kCompensatory);
  EXPECT_EQ(k26["2026-08-31"], DayKind::kSwap);
  ASSERT_TRUE(svc_->YearReference(2026));
  EXPECT_NE(svc_->YearReference(2026)->find("12729/VPCP-KGVX"), std::string::npos);
  // Names and references come from the catalogue (no key left over, placeholders filled) or the decision.
  for (const auto& e : svc_->Holidays(2026)) {
    for (const std::string& text : {NameOf(e), ReferenceOf(e)}) {
      EXPECT_NE(text.rfind("calendar.", 0), 0u) << text;
      EXPECT_EQ(text.find('{'), std::string::npos) << text;
    }
  }
}

TEST_P(CalendarServiceTest, TheIssueExampleUsesTheSeededTetBreak) {
  auto r = Due("2026-02-13T16:10:00+07:00", "days", 3);
  EXPECT_EQ(FormatRfc3339Local(r.result.starts_at), "2026-02-23T07:30:00+07:00");
  EXPECT_EQ(FormatRfc3339Local(r.result.due_at), "2026-02-25T17:00:00+07:00");
}

TEST_P(CalendarServiceTest, DecisionsAreEditedByTheRootAdministratorWithEvents) {
  auto province = AdminOf("P1", "admin.p1");
  auto commune = AdminOf("C1", "admin.c1");
  EXPECT_TRUE(svc_->CanEditNational(province));
  EXPECT_FALSE(svc_->CanEditNational(commune));
  EXPECT_EQ(FieldOf([&] { svc_->PutDecision(commune, "2026-11-24", "holiday", "Ngày Văn hóa", "NQ 80"); }),
            "kind " + std::to_string(int(ErrorKind::kForbidden)));

  // Warm the cache with a computation, then change the calendar through another instance.
  EXPECT_EQ(FormatRfc3339Local(Due("2026-11-23T09:00:00+07:00", "days", 1).result.due_at), "2026-11-24T09:00:00+07:00");
  Service other(*db_);
  const auto events_before = db_->read([](db::Conn& c) { return events::Count(c); });
  other.PutDecision(province, "2026-11-24", "holiday", "Ngày Văn hóa Việt Nam", "Nghị quyết 80-NQ/TW");
  EXPECT_EQ(db_->read([](db::Conn& c) { return events::Count(c); }), events_before + 1);
  EXPECT_EQ(Kinds(2026)["2026-11-24"], DayKind::kHoliday);
  EXPECT_EQ(FormatRfc3339Local(Due("2026-11-23T09:00:00+07:00", "days", 1).result.due_at), "2026-11-25T09:00:00+07:00");
  // Changing it again (same count of rows) is seen too.
  other.PutDecision(province, "2026-11-24", "workday", "Làm việc", "Nghị quyết 80-NQ/TW");
  EXPECT_FALSE(Kinds(2026).count("2026-11-24"));
  other.DeleteDecision(province, "2026-11-24");
  EXPECT_EQ(db_->read([](db::Conn& c) { return events::Count(c); }), events_before + 3);
  EXPECT_EQ(FormatRfc3339Local(Due("2026-11-23T09:00:00+07:00", "days", 1).result.due_at), "2026-11-24T09:00:00+07:00");

  EXPECT_EQ(FieldOf([&] { svc_->PutDecision(province, "2026-02-30", "holiday", "x", "y"); }), "date");
  EXPECT_EQ(FieldOf([&] { svc_->PutDecision(province, "2026-03-02", "festival", "x", "y"); }), "kind");
  EXPECT_EQ(FieldOf([&] { svc_->PutDecision(province, "2026-03-02", "makeup_workday", "x", "y"); }), "kind");
  EXPECT_EQ(FieldOf([&] { svc_->PutDecision(province, "2026-03-02", "holiday", " ", "y"); }), "name");
  EXPECT_EQ(FieldOf([&] { svc_->PutDecision(province, "2026-03-02", "holiday", "x", ""); }), "reference");
  EXPECT_EQ(FieldOf([&] { svc_->DeleteDecision(province, "2026-03-02"); }),
            "kind " + std::to_string(int(ErrorKind::kNotFound)));
}

// Found by review: the cache key (row count, sum of revisions, largest id)
// repeated after deleting the newest decision and adding another (SQLite
// reuses the row id), so another server kept computing with stale days.
TEST_P(CalendarServiceTest, ADeleteThenAnInsertIsSeenByOtherServers) {
  auto province = AdminOf("P1", "admin.p1");
  Service other(*db_);
  other.PutDecision(province, "2026-11-24", "holiday", "Ngày Văn hóa Việt Nam", "Nghị quyết 80-NQ/TW");
  EXPECT_EQ(FormatRfc3339Local(Due("2026-11-23T09:00:00+07:00", "days", 1).result.due_at), "2026-11-25T09:00:00+07:00");
  other.DeleteDecision(province, "2026-11-24");
  other.PutDecision(province, "2026-11-25", "holiday", "Ngày thử", "Quyết định thử");
  // 24/11 is a working day again and 25/11 is off: due on 26/11.
  EXPECT_EQ(FormatRfc3339Local(Due("2026-11-23T09:00:00+07:00", "days", 1).result.due_at), "2026-11-24T09:00:00+07:00");
  EXPECT_EQ(FormatRfc3339Local(Due("2026-11-24T09:00:00+07:00", "days", 1).result.due_at), "2026-11-26T09:00:00+07:00");
}

// National decisions belong to the whole country: once the tree has a second
// root, no province's administrator may edit them, only the system principal.
TEST_P(CalendarServiceTest, NationalDecisionsNeedTheWholeTree) {
  auto province = AdminOf("P1", "admin.p1");
  const std::string forbidden = "kind " + std::to_string(int(ErrorKind::kForbidden));
  svc_->PutDecision(province, "2026-11-24", "holiday", "Ngày Văn hóa", "NQ 80");  // the only root
  org_->ImportCsv(org::SystemPrincipal(),
                  "code,name,level,parent_code,valid_from,valid_to\nP2,Tỉnh Hai,province,,2000-01-01,\n");
  auto other = AdminOf("P2", "admin.p2");
  EXPECT_FALSE(svc_->CanEditNational(province));
  EXPECT_TRUE(svc_->CanEditNational(org::SystemPrincipal()));
  for (auto* p : {&province, &other}) {
    EXPECT_EQ(FieldOf([&] { svc_->PutDecision(*p, "2026-11-25", "holiday", "Ngày riêng", "QĐ 1"); }), forbidden);
    EXPECT_EQ(FieldOf([&] { svc_->DeleteDecision(*p, "2026-11-24"); }), forbidden);
    EXPECT_EQ(FieldOf([&] { svc_->PutYearReference(*p, 2026, "QĐ 1"); }), forbidden);
  }
  EXPECT_EQ(Kinds(2026)["2026-11-24"], DayKind::kHoliday);
  EXPECT_FALSE(Kinds(2026).count("2026-11-25"));
  svc_->DeleteDecision(org::SystemPrincipal(), "2026-11-24");
  EXPECT_FALSE(Kinds(2026).count("2026-11-24"));
}

TEST_P(CalendarServiceTest, WorkingWeeksAreInheritedDownTheTree) {
  auto province = AdminOf("P1", "admin.p1");
  auto c2 = AdminOf("C2", "admin.c2");
  EXPECT_EQ(svc_->WeekOf("C1").from_code, "");
  svc_->SetWeek(province, "P1", {"07:00-11:00,13:00-17:00", "7", "8", false});
  auto w = svc_->WeekOf("C1");
  EXPECT_EQ(w.from_code, "P1");
  EXPECT_EQ(FormatSessions(w.week.sessions), "07:00-11:00,13:00-17:00");
  EXPECT_EQ(FormatRestDays(w.week.rest_days), "7");
  // Saturdays are working days there: a Saturday receipt starts at once.
  EXPECT_EQ(FormatRfc3339Local(Due("2026-03-07T09:00:00+07:00", "days", 1, "C1").result.due_at),
            "2026-03-09T09:00:00+07:00");
  // A commune overrides for itself only, and can go back to inheriting.
  svc_->SetWeek(c2, "C2", {"07:30-11:30,13:30-17:00", "6,7", "8", true});
  EXPECT_TRUE(svc_->WeekOf("C2").week.no_friday_rule);
  EXPECT_EQ(svc_->WeekOf("C1").from_code, "P1");
  EXPECT_EQ(FieldOf([&] {
              svc_->SetWeek(c2, "C1", {"07:30-11:30", "6,7", "8", false});
            }),
            "kind " + std::to_string(int(ErrorKind::kForbidden)));
  svc_->InheritWeek(c2, "C2");
  EXPECT_EQ(svc_->WeekOf("C2").from_code, "P1");
  EXPECT_EQ(FieldOf([&] { svc_->SetWeek(province, "P1", {"11:30-07:30", "6,7", "8", false}); }), "sessions");
  EXPECT_EQ(FieldOf([&] { svc_->SetWeek(province, "P1", {"07:30-11:30", "1,2,3,4,5,6,7", "8", false}); }), "rest_days");
  EXPECT_EQ(FieldOf([&] { svc_->SetWeek(province, "P1", {"07:30-11:30", "6,7", "0", false}); }), "hours_per_day");
  EXPECT_EQ(FieldOf([&] { svc_->SetWeek(province, "NOPE", {"07:30-11:30", "6,7", "8", false}); }), "unit_code");
  // Make-up Saturdays do not concern a unit that works on Saturdays.
  EXPECT_FALSE(Kinds(2026, "C1").count("2026-01-10"));
  EXPECT_TRUE(Kinds(2026).count("2026-01-10"));
}

TEST_P(CalendarServiceTest, DueQuestionsAreValidatedNamingTheField) {
  auto ask = [&](DueInput in) { return FieldOf([&] { svc_->Due(in); }); };
  DueInput ok{"2026-03-02T09:00:00+07:00", "days", 3, "", {}, "", ""};
  EXPECT_EQ(ask(ok), "no error");
  using Pauses = std::vector<DueInput::PauseInput>;
  // Each case spoils one thing of a good question and names the field the answer must blame.
  const std::vector<std::pair<std::function<void(DueInput&)>, std::string>> cases = {
      {[](DueInput& in) { in.received_at = "2026-03-02 09:00"; }, "received_at"},
      {[](DueInput& in) { in.limit_unit = "weeks"; }, "limit.unit"},
      {[](DueInput& in) { in.amount = -1; }, "limit.amount"},
      {[](DueInput& in) { in.amount = kMaxDays + 1; }, "limit.amount"},
      {[](DueInput& in) { in.amount.reset(); }, "limit.amount"},
      {[](DueInput& in) { in.limit_unit = "same_day", in.amount = 2; }, "limit.amount"},
      {[](DueInput& in) { in.cutoff = "25:00"; }, "cutoff"},
      {[](DueInput& in) { in.unit_code = "NOPE"; }, "unit_code"},
      {[](DueInput& in) {
         in.pauses = Pauses{{"2026-03-01T09:00:00+07:00", "2026-03-03T09:00:00+07:00", ""}};
       },
       "pauses[0].from"},
      {[](DueInput& in) {
         in.pauses = Pauses{{"2026-03-03T09:00:00+07:00", "2026-03-03T08:00:00+07:00", ""}};
       },
       "pauses[0].to"},
      {[](DueInput& in) {
         in.pauses = Pauses{{"2026-03-03T09:00:00+07:00", "2026-03-03T10:00:00+07:00", ""},
                            {"2026-03-03T09:30:00+07:00", "2026-03-03T11:00:00+07:00", ""}};
       },
       "pauses[1].from"},
      // A pause after the due instant.
      {[](DueInput& in) {
         in.pauses = Pauses{{"2026-03-20T09:00:00+07:00", "2026-03-21T09:00:00+07:00", ""}};
       },
       "pauses[0].from"},
      {[](DueInput& in) {
         in.pauses =
             Pauses{{"2026-03-03T09:00:00+07:00", "2026-03-03T10:00:00+07:00", std::string(kMaxReasonChars + 1, 'x')}};
       },
       "pauses[0].reason"},
      {[](DueInput& in) { in.received_at = "2200-01-01T09:00:00+07:00"; }, "received_at"},
      {[](DueInput& in) { in.completed_at = "2026-03-01T09:00:00+07:00"; }, "completed_at"},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    DueInput bad = ok;
    cases[i].first(bad);
    EXPECT_EQ(ask(bad), cases[i].second) << "case " << i;
  }

  auto done = ok;
  done.completed_at = "2026-03-05T10:00:00+07:00";
  auto r = svc_->Due(done);
  EXPECT_EQ(r.timeliness, Timeliness::kLate);
  EXPECT_EQ(r.elapsed_seconds, 3 * 27000 + 3600);
}

FG_BOTH_BACKENDS(CalendarServiceTest);

}  // namespace
}  // namespace fg::calendar
