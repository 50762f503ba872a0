// The officials' lists and search through the service, on both backends:
// views on fixed dates against the calendar, the desk home's counts, search
// by name, digits and code through the term index, its back-fill, and what
// the pages offer (colleagues, actions).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "features/calendar/testing.h"
#include "features/desk/repo.h"
#include "features/desk/rules.h"
#include "features/desk/testing.h"
#include "platform/errors.h"
#include "platform/time.h"

namespace fg::desk {
namespace {

using calendar::testing::D;
using fg::testing::KindOf;

SysSeconds T(int y, unsigned m, unsigned d, int hh, int mm) { return FromLocal(D(y, m, d), (hh * 60 + mm) * 60); }

class DeskListTest : public testing::DeskFixture {
 protected:
  void SetUp() override {
    DeskFixture::SetUp();
    SetClockForTesting(T(2026, 3, 9, 8, 0));  // Monday
    admin_ = Official("admin.p1", "P1", "admin");
    desk_ = Official("desk.c1", "C1", "desk");
    specialist_ = Official("spec.c1", "C1", "specialist");
    leader_ = Official("leader.c1", "C1", "leader");
    outsider_ = Official("desk.c2", "C2", "desk");
    proc_ = svc_->CreateProcedure(admin_, BirthInput("P1"));  // 3 working days
  }
  void TearDown() override { SetClockForTesting(std::nullopt); }
  // Received by `who` at `at` (local time) for `name` / `phone` / `id`.
  std::string ReceiveAt(SysSeconds at, const std::string& name = "Nguyễn Thị Hoa", const std::string& phone = "",
                        const std::string& id = "", const auth::Principal* who = nullptr) {
    SetClockForTesting(at);
    IntakeInput in;
    in.procedure_id = proc_.id;
    in.unit_code = who == &outsider_ ? "C2" : "C1";
    in.applicant = {name, id, phone, "", ""};
    return svc_->Receive(who ? *who : desk_, in).detail.dossier.code;
  }
  void Act(const auth::Principal& p, const std::string& code, Action a, TransitionInput in = {}) {
    in.action = a;
    svc_->Apply(p, code, in);
  }
  std::set<std::string> Codes(const auth::Principal& p, DossierView view, const std::string& q = "",
                              const std::string& unit = "") {
    DossierQuery query;
    query.view = view;
    query.q = q;
    query.unit_code = unit;
    std::set<std::string> out;
    for (auto& d : svc_->ListDossiers(p, query).items) out.insert(d.code);
    return out;
  }
  auth::Principal admin_, desk_, specialist_, leader_, outsider_;
  Procedure proc_;
};

TEST_P(DeskListTest, ViewsFollowTheCalendarNotTheClockHours) {
  const auto a = ReceiveAt(T(2026, 3, 9, 9, 0));    // due Thu 12/03 09:00
  const auto b = ReceiveAt(T(2026, 3, 10, 9, 0));   // due Fri 13/03 09:00
  const auto e = ReceiveAt(T(2026, 3, 11, 10, 0));  // due Mon 16/03 10:00
  const auto c = ReceiveAt(T(2026, 3, 11, 16, 0));  // after the cut-off: due Mon 16/03 17:00
  const auto f = ReceiveAt(T(2026, 3, 10, 10, 0));  // due Fri 13/03 10:00, but paused before that
  Act(desk_, f, Action::kRequestSupplement, {.reason = "Bản sao giấy chứng sinh"});
  const auto g = ReceiveAt(T(2026, 3, 9, 10, 0));  // resolved late: no longer "late" work
  SetClockForTesting(T(2026, 3, 12, 11, 0));
  Act(leader_, g, Action::kResultReady);
  const auto h = ReceiveAt(T(2026, 3, 9, 11, 0));
  Act(desk_, h, Action::kRefuse, {.reason = "Không thuộc thẩm quyền"});
  EXPECT_EQ(svc_->GetDossier(desk_, e).dossier.due_at, FormatUtc(T(2026, 3, 16, 10, 0)));
  EXPECT_EQ(svc_->GetDossier(desk_, c).dossier.due_at, FormatUtc(T(2026, 3, 16, 17, 0)));

  // Friday 16:00: one working day reaches Monday 16:00 (66 hours), not Saturday 16:00.
  SetClockForTesting(T(2026, 3, 13, 16, 0));
  EXPECT_EQ(Codes(desk_, DossierView::kLate), (std::set<std::string>{a, b}));
  EXPECT_EQ(Codes(desk_, DossierView::kDueSoon), (std::set<std::string>{e}));
  EXPECT_EQ(Codes(desk_, DossierView::kMine), (std::set<std::string>{a, b, c, e, f, g}));
  EXPECT_EQ(Codes(desk_, DossierView::kAll).size(), 7u);
  EXPECT_TRUE(Codes(specialist_, DossierView::kMine).empty());
  EXPECT_EQ(Codes(leader_, DossierView::kLate), (std::set<std::string>{a, b}));
  EXPECT_EQ(Codes(admin_, DossierView::kDueSoon, "", "C1"), (std::set<std::string>{e}));
  EXPECT_TRUE(Codes(outsider_, DossierView::kLate).empty());
  auto n = svc_->CountQueue(desk_);
  EXPECT_EQ(n.mine, 6);
  EXPECT_EQ(n.due_soon, 1);
  EXPECT_EQ(n.late, 2);
  EXPECT_EQ(n.by_state, (std::map<State, int64_t>{
                            {State::kReceived, 4}, {State::kSupplementRequested, 1}, {State::kResultReady, 1}}));
  std::vector<Dossier> items;
  for (auto& code : {a, e, c, f}) items.push_back(svc_->GetDossier(desk_, code).dossier);
  EXPECT_EQ(svc_->UrgencyOf(items),
            (std::vector<Urgency>{Urgency::kLate, Urgency::kDueSoon, Urgency::kNone, Urgency::kNone}));
  // Friday evening: the rest of Friday is gone, Monday until 17:00 is within one working day.
  SetClockForTesting(T(2026, 3, 13, 20, 0));
  EXPECT_EQ(Codes(desk_, DossierView::kDueSoon), (std::set<std::string>{e, c}));
  EXPECT_EQ(svc_->CountQueue(desk_).due_soon, 2);
  // A paused dossier that was already late when the clock stopped stays late.
  const auto k = ReceiveAt(T(2026, 3, 16, 9, 0));  // due Thu 19/03 09:00
  SetClockForTesting(T(2026, 3, 19, 10, 0));
  Act(desk_, k, Action::kRequestSupplement, {.reason = "Tờ khai"});
  EXPECT_TRUE(Codes(desk_, DossierView::kLate).count(k));
}

TEST_P(DeskListTest, SearchByNameWithoutDiacriticsDigitsOrCode) {
  const auto t = T(2026, 3, 9, 9, 0);
  const auto an = ReceiveAt(t, "Nguyễn Văn An", "0912 345 678");
  const auto binh = ReceiveAt(t, "Trần Thị Bình", "+84 987 654 321", "079123456789");
  const auto anh = ReceiveAt(t, "Nguyễn Văn Anh", "0912 000 111");
  const auto other = ReceiveAt(t, "Nguyễn Văn An", "0912 345 678", "", &outsider_);
  const std::set<std::string> both{an, anh};
  EXPECT_EQ(Codes(desk_, DossierView::kAll, "nguyen van an"), both);
  EXPECT_EQ(Codes(desk_, DossierView::kAll, "NGUYỄN  văn AN"), both);
  EXPECT_EQ(Codes(desk_, DossierView::kAll, "an nguyen"), both);  // any order
  EXPECT_EQ(Codes(desk_, DossierView::kAll, "van anh"), std::set<std::string>{anh});
  EXPECT_EQ(Codes(desk_, DossierView::kAll, "binh"), std::set<std::string>{binh});
  EXPECT_TRUE(Codes(desk_, DossierView::kAll, "nguyen binh").empty());
  EXPECT_TRUE(Codes(desk_, DossierView::kAll, "hoa").empty());
  // Digits: the whole number as written, its last digits, the ID number.
  EXPECT_EQ(Codes(desk_, DossierView::kAll, "0912 345 678"), std::set<std::string>{an});
  EXPECT_EQ(Codes(desk_, DossierView::kAll, "345678"), std::set<std::string>{an});
  EXPECT_EQ(Codes(desk_, DossierView::kAll, "0987654321"), std::set<std::string>{binh});
  EXPECT_EQ(Codes(desk_, DossierView::kAll, "+84 987 654 321"), std::set<std::string>{binh});
  EXPECT_EQ(Codes(desk_, DossierView::kAll, "456789"), std::set<std::string>{binh});
  EXPECT_TRUE(Codes(desk_, DossierView::kAll, "0912").empty());  // the start of a number is not its end
  // The exact code, in any case; not another day's or a longer serial.
  std::string lower = binh;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
  EXPECT_EQ(Codes(desk_, DossierView::kAll, lower), std::set<std::string>{binh});
  EXPECT_TRUE(Codes(desk_, DossierView::kAll, binh + "1").empty());
  // Only in the caller's units; the other commune's officer finds theirs.
  EXPECT_EQ(Codes(outsider_, DossierView::kAll, "nguyen van an"), std::set<std::string>{other});
  EXPECT_EQ(Codes(admin_, DossierView::kAll, "nguyen van an").size(), 3u);
  // With a view: my open dossiers named An.
  Act(desk_, anh, Action::kTransfer, {.to_official = specialist_.official_id});
  EXPECT_EQ(Codes(desk_, DossierView::kMine, "nguyen van an"), std::set<std::string>{an});
  EXPECT_EQ(Codes(specialist_, DossierView::kMine, "nguyen van an"), std::set<std::string>{anh});
  EXPECT_EQ(KindOf([&] { Codes(desk_, DossierView::kAll, "12"); }), ErrorKind::kBadRequest);
}

TEST_P(DeskListTest, SearchPagesByCursor) {
  std::set<std::string> all;
  for (int i = 0; i < 5; ++i) all.insert(ReceiveAt(T(2026, 3, 9, 9, i), "Lê Văn Tám"));
  DossierQuery q;
  q.q = "tam";
  q.limit = 2;
  std::set<std::string> seen;
  for (int pages = 0; pages < 5; ++pages) {
    auto page = svc_->ListDossiers(desk_, q);
    for (auto& d : page.items) EXPECT_TRUE(seen.insert(d.code).second);
    if (!page.next_cursor) break;
    q.after_id = page.next_cursor;
  }
  EXPECT_EQ(seen, all);
}

TEST_P(DeskListTest, TheSearchReadsTheTermIndexNotTheDossiers) {
  ReceiveAt(T(2026, 3, 9, 9, 0), "Nguyễn Văn An", "0912 345 678");
  if (GetParam() != "sqlite") GTEST_SKIP() << "EXPLAIN QUERY PLAN is SQLite's";
  for (const char* q : {"nguyen van an", "345678", "c1-260309-0001"}) {
    SCOPED_TRACE(q);
    const auto plan = db_->read([&](db::Conn& c) { return repo::SearchPlan(c, "/", *PlanSearch(q)); });
    ASSERT_FALSE(plan.empty());
    std::string all;
    for (auto& line : plan) all += line + "\n";
    // The candidates come from a range of the terms' primary key; dossiers are then read by id.
    EXPECT_NE(all.find("SEARCH t USING COVERING INDEX sqlite_autoindex_dossier_terms_1 (kind=? AND term>? AND term<?)"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("SEARCH d USING INTEGER PRIMARY KEY (rowid=?)"), std::string::npos) << all;
    for (auto& line : plan) EXPECT_EQ(line.rfind("SCAN", 0), std::string::npos) << all;
  }
}

TEST_P(DeskListTest, OlderDossiersAreIndexedAtStartUpAndApplicantChangesKeepTheIndexTrue) {
  const auto an = ReceiveAt(T(2026, 3, 9, 9, 0), "Nguyễn Văn An", "0912 345 678");
  const auto binh = ReceiveAt(T(2026, 3, 9, 9, 5), "Trần Thị Bình");
  // As if written before migration 0009: no terms, version 0.
  static const db::Query kForget{"test_forget_terms", "DELETE FROM dossier_terms"};
  static const db::Query kVersion0{"test_version_0", "UPDATE dossiers SET search_version = 0"};
  db_->write([](db::Conn& c) {
    c.exec(kForget);
    c.exec(kVersion0);
  });
  EXPECT_TRUE(Codes(desk_, DossierView::kAll, "nguyen van an").empty());
  EXPECT_EQ(svc_->IndexSearchTerms(), 2);
  EXPECT_EQ(svc_->IndexSearchTerms(), 0);  // once
  EXPECT_EQ(Codes(desk_, DossierView::kAll, "nguyen van an"), std::set<std::string>{an});
  EXPECT_EQ(Codes(desk_, DossierView::kAll, "345678"), std::set<std::string>{an});
  // A corrected applicant: found by the new name and phone only.
  const int64_t id = svc_->GetDossier(desk_, binh).dossier.id;
  db_->write([&](db::Conn& c) { repo::UpdateApplicant(c, id, binh, {"Trần Thị Bích", "", "0977 111 222", "", ""}); });
  EXPECT_TRUE(Codes(desk_, DossierView::kAll, "binh").empty());
  EXPECT_EQ(Codes(desk_, DossierView::kAll, "tran bich"), std::set<std::string>{binh});
  EXPECT_EQ(Codes(desk_, DossierView::kAll, "111222"), std::set<std::string>{binh});
}

TEST_P(DeskListTest, WhatThePagesOffer) {
  const auto code = ReceiveAt(T(2026, 3, 9, 9, 0));
  std::vector<std::string> names;
  for (auto& o : svc_->Colleagues(desk_, code)) names.push_back(o.username);
  // Everyone who works on C1's dossiers (the province's administrator too), not C2's officer.
  EXPECT_EQ(std::set<std::string>(names.begin(), names.end()),
            (std::set<std::string>{"admin.p1", "desk.c1", "spec.c1", "leader.c1"}));
  EXPECT_EQ(KindOf([&] { svc_->Colleagues(outsider_, code); }), ErrorKind::kForbidden);
  const auto d = svc_->GetDossier(desk_, code).dossier;
  EXPECT_TRUE(svc_->ActionsFor(outsider_, d).empty());
  EXPECT_EQ(svc_->ActionsFor(specialist_, d).front(), Action::kTransfer);
  auto names_by_id = svc_->OfficialNames({desk_.official_id, 0, 999999});
  EXPECT_EQ(names_by_id, (std::map<int64_t, std::string>{{desk_.official_id, "Người desk.c1"}}));
  // Where each may receive: their own unit.
  auto units = svc_->IntakeUnits(desk_);
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].code, "C1");
  EXPECT_TRUE(svc_->IntakeUnits(specialist_).empty());
  // The province's administrator works at the province: their own unit.
  ASSERT_EQ(svc_->IntakeUnits(admin_).size(), 1u);
  EXPECT_EQ(svc_->IntakeUnits(admin_)[0].code, "P1");
}

TEST_P(DeskListTest, IntakeReportsEveryBadFieldAtOnce) {
  IntakeInput in;
  in.procedure_id = proc_.id;
  in.unit_code = "C1";
  in.applicant = {" ", "12345", "09x", "a@b", ""};
  in.return_method = "pigeon";
  try {
    svc_->Receive(desk_, in);
    FAIL() << "accepted";
  } catch (const AppError& e) {
    std::vector<std::string> fields;
    for (auto& p : e.problems()) fields.push_back(p.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"applicant.name", "applicant.id_number", "applicant.phone",
                                                "applicant.email", "return_method"}));
  }
}

FG_BOTH_BACKENDS(DeskListTest);

}  // namespace
}  // namespace fg::desk
