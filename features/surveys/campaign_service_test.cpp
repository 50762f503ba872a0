// Survey campaigns through the service, on both backends: creation and who
// may do it, once per invitation token (also concurrently) and once per device
// on the open link, the campaign's window and rounds, the counters and the report.
#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <thread>

#include "features/calendar/testing.h"
#include "features/desk/testing.h"
#include "features/surveys/rules.h"
#include "features/surveys/service.h"
#include "platform/errors.h"
#include "platform/time.h"

namespace fg::surveys {
namespace {

using calendar::testing::D;
using fg::testing::KindOf;

SysSeconds T(int y, unsigned m, unsigned d) { return FromLocal(D(y, m, d), 9 * 3600); }

// Every Likert question of the SIPAS template answered `level`.
Answers AllAt(int level) {
  Answers a;
  for (int i = 1; i <= 19; ++i) a["q" + std::to_string(i)] = {std::to_string(level)};
  return a;
}

std::string KeyOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const AppError& e) {
    return e.key();
  }
  return "";
}

class SurveysCampaignTest : public desk::testing::DeskFixture {
 protected:
  db::Options Options() override {
    db::Options o;
    o.writers = 4;
    return o;
  }
  void SetUp() override {
    DeskFixture::SetUp();
    SetClockForTesting(T(2026, 3, 9));
    admin_ = Official("admin.p1", "P1", "admin");
    leader_ = Official("leader.c1", "C1", "leader");
    outsider_ = Official("eval.c2", "C2", "evaluator");
    surveys_ = std::make_unique<Service>(*db_, *svc_);
  }
  void TearDown() override { SetClockForTesting(std::nullopt); }
  CampaignInput Input(bool repeat = false) {
    CampaignInput in;
    in.name = "Khảo sát SIPAS 6 tháng đầu năm 2026";
    in.questionnaire_id = surveys_->SipasTemplate().id;
    in.from = "2026-03-01";
    in.to = "2026-08-31";
    in.unit_codes = {"C1", "C2"};
    in.target = "100";
    in.repeat_6_months = repeat;
    return in;
  }
  std::string LinkOf(const Campaign& k, const std::string& code) {
    for (const auto& u : surveys_->GetCampaign(admin_, k.id).units)
      if (u.code == code) return u.link;
    return "";
  }
  auth::Principal admin_, leader_, outsider_;
  std::unique_ptr<Service> surveys_;
};

TEST_P(SurveysCampaignTest, AnInvitationAnswersOnceAndTheProgressShowsIt) {
  auto k = surveys_->CreateCampaign(admin_, Input());
  EXPECT_GT(k.id, 0);
  EXPECT_EQ(k.unit_codes, (std::vector<std::string>{"C1", "C2"}));
  auto view = surveys_->GetCampaign(admin_, k.id);
  ASSERT_EQ(view.units.size(), 2u);
  EXPECT_NE(view.units[0].link, view.units[1].link);
  EXPECT_GE(view.units[0].link.size(), 16u);
  EXPECT_TRUE(view.open);
  EXPECT_TRUE(view.may_print);

  auto invitations = surveys_->CreateInvitations(admin_, k.id, "C1", "3", false);
  ASSERT_EQ(invitations.size(), 3u);
  EXPECT_NE(invitations[0].token, invitations[1].token);
  const std::string token = invitations[0].token;
  auto t = surveys_->InvitationTarget(token);
  EXPECT_EQ(t.state, AnswerState::kOpen);
  EXPECT_EQ(t.unit_name, "Xã Một");
  EXPECT_EQ(t.questionnaire.code, "sipas");

  auto answers = AllAt(5);
  answers["q20"] = {"Thêm ghế chờ"};
  auto r = surveys_->Answer(token, answers);
  EXPECT_GT(r.id, 0);
  EXPECT_EQ(r.round, 1);
  EXPECT_EQ(surveys_->InvitationTarget(token).state, AnswerState::kAnswered);
  EXPECT_EQ(KeyOf([&] { surveys_->Answer(token, AllAt(4)); }), "surveys.already_answered");
  // Another invitation of the sheet is still unused.
  EXPECT_EQ(surveys_->InvitationTarget(invitations[1].token).state, AnswerState::kOpen);

  // A token whose signature does not match, or that is not a token, is not found.
  std::string forged = token;
  char& c = forged[forged.find('.') + 5];
  c = c == 'A' ? 'B' : 'A';
  EXPECT_EQ(KindOf([&] { surveys_->InvitationTarget(forged); }), ErrorKind::kNotFound);
  EXPECT_EQ(KindOf([&] { surveys_->InvitationTarget("1"); }), ErrorKind::kNotFound);
  auto other_id = std::to_string(invitations[2].id) + token.substr(token.find('.'));
  EXPECT_EQ(KindOf([&] { surveys_->Answer(other_id, AllAt(5)); }), ErrorKind::kNotFound);

  view = surveys_->GetCampaign(admin_, k.id);
  EXPECT_EQ(view.units[0].code, "C1");
  EXPECT_EQ(view.units[0].responses, 1);
  EXPECT_EQ(view.units[1].responses, 0);
  auto list = surveys_->Campaigns(admin_);
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].responses, 1);
  EXPECT_EQ(list[0].target_total, 200);
}

TEST_P(SurveysCampaignTest, CreatingChecksEverythingAndOnlyAdministratorsOfEveryUnitMayCreate) {
  EXPECT_EQ(KindOf([&] { surveys_->CreateCampaign(leader_, Input()); }), ErrorKind::kForbidden);
  auto in = Input();
  in.unit_codes = {"C1", "KHONG"};
  in.questionnaire_id = 999999;
  in.target = "0";
  try {
    surveys_->CreateCampaign(admin_, in);
    FAIL() << "accepted";
  } catch (const AppError& e) {
    std::set<std::string> fields;
    for (const auto& p : e.problems()) fields.insert(p.field);
    EXPECT_EQ(fields, (std::set<std::string>{"units", "questionnaire_id", "target"}));
  }
  EXPECT_TRUE(surveys_->Campaigns(admin_).empty());
  // A questionnaire used by a campaign is frozen.
  Questionnaire q;
  q.code = "tinh-mot";
  q.name = "Khảo sát của tỉnh";
  q.sections = {{"Chung", {{"q1", "Ông/bà có hài lòng không", QuestionKind::kLikert, true, {}, "chung"}}}};
  auto mine = surveys_->SaveQuestionnaire(admin_, "P1", q);
  EXPECT_FALSE(surveys_->GetQuestionnaire(mine.id).frozen);
  in = Input();
  in.questionnaire_id = mine.id;
  surveys_->CreateCampaign(admin_, in);
  EXPECT_TRUE(surveys_->GetQuestionnaire(mine.id).frozen);
}

TEST_P(SurveysCampaignTest, OnlyThoseCoveringAUnitSeeAndPrint) {
  auto in = Input();
  in.unit_codes = {"C1"};
  auto k = surveys_->CreateCampaign(admin_, in);
  EXPECT_EQ(KindOf([&] { surveys_->GetCampaign(outsider_, k.id); }), ErrorKind::kForbidden);
  EXPECT_TRUE(surveys_->Campaigns(outsider_).empty());
  EXPECT_EQ(KindOf([&] { surveys_->CreateInvitations(outsider_, k.id, "C1", "2", false); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { surveys_->CampaignResults(outsider_, k.id, "C1"); }), ErrorKind::kForbidden);
  // A leader of the unit prints; a unit outside the campaign is refused.
  EXPECT_EQ(surveys_->CreateInvitations(leader_, k.id, "C1", "2", false).size(), 2u);
  EXPECT_EQ(KeyOf([&] { surveys_->CreateInvitations(admin_, k.id, "C2", "2", false); }),
            "surveys.unit_not_in_campaign");
  EXPECT_EQ(KeyOf([&] { surveys_->CreateInvitations(admin_, k.id, "C1", "501", false); }), "surveys.invitation_count");
  EXPECT_EQ(KindOf([&] { surveys_->GetCampaign(admin_, k.id + 1000); }), ErrorKind::kNotFound);
  // Per official: one for each official whose home unit is in the subtree (the leader of C1 here).
  auto per_official = surveys_->CreateInvitations(admin_, k.id, "C1", "", true);
  ASSERT_EQ(per_official.size(), 1u);
  EXPECT_EQ(per_official[0].official_id, leader_.official_id);
  // The sheet printed again has the same tokens.
  auto again = surveys_->Invitations(admin_, k.id, per_official[0].id, per_official[0].id);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].token, per_official[0].token);
  // Without a range: the newest sheet.
  auto newest = surveys_->Invitations(admin_, k.id, 0, 0);
  ASSERT_EQ(newest.size(), 1u);
  EXPECT_EQ(newest[0].id, per_official[0].id);
  EXPECT_EQ(KindOf([&] { surveys_->Invitations(outsider_, k.id, 0, 0); }), ErrorKind::kForbidden);
  EXPECT_EQ(KeyOf([&] { surveys_->Invitations(admin_, k.id, 1, 1000); }), "surveys.invitation_range");
}

TEST_P(SurveysCampaignTest, RequiredQuestionsAndBadAnswersAreAllReportedAndNothingIsWritten) {
  auto k = surveys_->CreateCampaign(admin_, Input());
  auto token = surveys_->CreateInvitations(admin_, k.id, "C1", "1", false)[0].token;
  auto answers = AllAt(5);
  answers.erase("q3");
  answers["q4"] = {"6"};
  answers["q99"] = {"1"};
  try {
    surveys_->Answer(token, answers);
    FAIL() << "accepted";
  } catch (const AppError& e) {
    std::set<std::string> fields;
    for (const auto& p : e.problems()) fields.insert(p.field);
    EXPECT_EQ(fields, (std::set<std::string>{"answers.q3", "answers.q4", "answers.q99"}));
  }
  EXPECT_EQ(surveys_->InvitationTarget(token).state, AnswerState::kOpen);
  EXPECT_EQ(surveys_->GetCampaign(admin_, k.id).units[0].responses, 0);
  EXPECT_EQ(surveys_->CampaignResults(admin_, k.id, "P1").responses, 0);
}

TEST_P(SurveysCampaignTest, TheOpenLinkTakesOneResponsePerDeviceAndLimitsEachAddress) {
  auto k = surveys_->CreateCampaign(admin_, Input());
  const std::string link = LinkOf(k, "C2");
  EXPECT_EQ(KindOf([&] { surveys_->OpenTarget("khong-co", "d1"); }), ErrorKind::kNotFound);
  EXPECT_EQ(surveys_->OpenTarget(link, "d1").unit_name, "Xã Hai");
  surveys_->AnswerOpen(link, "d1", "10.0.0.1", AllAt(4));
  EXPECT_EQ(surveys_->OpenTarget(link, "d1").state, AnswerState::kAnswered);
  EXPECT_EQ(KeyOf([&] { surveys_->AnswerOpen(link, "d1", "10.0.0.2", AllAt(4)); }), "surveys.already_answered");
  surveys_->AnswerOpen(link, "d2", "10.0.0.1", AllAt(4));
  // Without a cookie the address stands for the device.
  surveys_->AnswerOpen(link, "", "10.0.0.3", AllAt(4));
  EXPECT_EQ(KeyOf([&] { surveys_->AnswerOpen(link, "", "10.0.0.3", AllAt(4)); }), "surveys.already_answered");
  EXPECT_EQ(surveys_->GetCampaign(admin_, k.id).units[1].responses, 3);
  // 20 responses an hour from one address (d1 and d2 above were two of them).
  int refused = 0;
  for (int i = 0; i < 20; ++i)
    if (KeyOf([&] { surveys_->AnswerOpen(link, "dev-" + std::to_string(i), "10.0.0.1", AllAt(3)); }) ==
        "surveys.too_many")
      ++refused;
  EXPECT_EQ(refused, 2);
  EXPECT_EQ(surveys_->GetCampaign(admin_, k.id).units[1].responses, 21);
}

TEST_P(SurveysCampaignTest, AnswersOnlyInsideTheWindowAndAgainInTheNextRound) {
  auto k = surveys_->CreateCampaign(admin_, Input(true));
  auto token = surveys_->CreateInvitations(admin_, k.id, "C1", "1", false)[0].token;
  SetClockForTesting(T(2026, 2, 28));
  EXPECT_EQ(KeyOf([&] { surveys_->Answer(token, AllAt(5)); }), "surveys.campaign_not_started");
  SetClockForTesting(T(2026, 8, 31));
  surveys_->Answer(token, AllAt(5));
  EXPECT_EQ(KeyOf([&] { surveys_->Answer(token, AllAt(5)); }), "surveys.already_answered");
  // Round 2: 01/09/2026 - 28/02/2027; the same invitation answers once more.
  SetClockForTesting(T(2026, 9, 1));
  auto t = surveys_->InvitationTarget(token);
  EXPECT_EQ(t.round, 2);
  EXPECT_EQ(t.round_dates.to, "2027-02-28");
  EXPECT_EQ(t.state, AnswerState::kOpen);
  surveys_->Answer(token, AllAt(2));
  EXPECT_EQ(surveys_->CampaignResults(admin_, k.id, "C1").responses, 1);
  EXPECT_EQ(surveys_->CampaignResults(admin_, k.id, "C1", 1).responses, 1);
  EXPECT_EQ(KeyOf([&] { surveys_->CampaignResults(admin_, k.id, "C1", 3); }), "surveys.report_round");

  // Without repetition the campaign closes after its last day.
  auto in = Input();
  in.from = "2026-09-01";
  in.to = "2026-09-30";
  auto once = surveys_->CreateCampaign(admin_, in);
  auto t2 = surveys_->CreateInvitations(admin_, once.id, "C1", "1", false)[0].token;
  SetClockForTesting(T(2026, 10, 1));
  EXPECT_EQ(surveys_->InvitationTarget(t2).state, AnswerState::kClosed);
  EXPECT_EQ(KeyOf([&] { surveys_->Answer(t2, AllAt(5)); }), "surveys.campaign_closed");
}

TEST_P(SurveysCampaignTest, ConcurrentDuplicateSubmissionsOfOneTokenStoreOne) {
  auto k = surveys_->CreateCampaign(admin_, Input());
  auto token = surveys_->CreateInvitations(admin_, k.id, "C1", "1", false)[0].token;
  constexpr int kN = 8;
  std::barrier start(kN);
  std::atomic<int> stored{0}, refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kN; ++i)
    threads.emplace_back([&] {
      start.arrive_and_wait();
      try {
        surveys_->Answer(token, AllAt(5));
        ++stored;
      } catch (const AppError& e) {
        if (e.key() == "surveys.already_answered") ++refused;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(stored.load(), 1);
  EXPECT_EQ(refused.load(), kN - 1);
  auto rep = surveys_->CampaignResults(admin_, k.id, "C1");
  EXPECT_EQ(rep.responses, 1);  // the counters counted one
  ASSERT_FALSE(rep.elements.empty());
  EXPECT_EQ(rep.elements[0].counts[4], 3);  // tiếp cận: 3 questions answered 5, once
}

TEST_P(SurveysCampaignTest, TheReportAddsUpTheSubtree) {
  auto k = surveys_->CreateCampaign(admin_, Input());
  auto c1 = surveys_->CreateInvitations(admin_, k.id, "C1", "2", false);
  auto c2 = surveys_->CreateInvitations(admin_, k.id, "C2", "1", false);
  auto mixed = AllAt(5);
  mixed["q1"] = {"1"};
  mixed["q2"] = {"4"};
  mixed["q3"] = {"3"};
  surveys_->Answer(c1[0].token, mixed);
  surveys_->Answer(c1[1].token, AllAt(2));
  surveys_->Answer(c2[0].token, AllAt(5));
  auto rep = surveys_->CampaignResults(admin_, k.id, "P1");
  EXPECT_EQ(rep.unit_name, "Tỉnh Một");
  EXPECT_EQ(rep.responses, 3);
  ASSERT_EQ(rep.elements.size(), 5u);
  EXPECT_EQ(rep.elements[0].element, "tiep_can");
  // tiếp cận: levels 1, 4, 3 | 2, 2, 2 | 5, 5, 5: satisfied (4 or 5) 4 of 9.
  EXPECT_EQ(rep.elements[0].counts, (Likert{1, 3, 1, 1, 3}));
  EXPECT_EQ(rep.elements[0].share.count, 4);
  EXPECT_EQ(rep.elements[0].share.total, 9);
  EXPECT_TRUE(rep.elements[0].share.too_few);
  EXPECT_NEAR(rep.elements[1].share.value, 8.0 / 12, 1e-9);  // thủ tục: 4 questions, 5 5 2
  ASSERT_EQ(rep.questions[0].answers.size(), 5u);
  EXPECT_EQ(rep.questions[0].answers[0], (std::pair<std::string, int64_t>{"1", 1}));
  EXPECT_EQ(rep.questions[0].answered, 3);
  EXPECT_EQ(rep.questions.back().question.key, "q20");
  EXPECT_EQ(rep.questions.back().answered, 0);
  // One commune only; a low minimum lifts the mark.
  auto one = surveys_->CampaignResults(admin_, k.id, "C2", 0, 3);
  EXPECT_EQ(one.responses, 1);
  EXPECT_FALSE(one.elements[0].share.too_few);
  EXPECT_DOUBLE_EQ(one.sipas, 1.0);
  // The leader of C1 reads C1's, not the province's.
  EXPECT_EQ(surveys_->CampaignResults(leader_, k.id, "").unit_code, "C1");
  EXPECT_EQ(KindOf([&] { surveys_->CampaignResults(leader_, k.id, "P1"); }), ErrorKind::kForbidden);
}

TEST_P(SurveysCampaignTest, AnEditChecksEveryFieldAtOnceAndAStaleVersionIsRefused) {
  auto k = surveys_->CreateCampaign(admin_, Input());
  EXPECT_EQ(k.version, 1);
  EXPECT_FALSE(k.closed());
  CampaignEdit in;
  in.version = 1;
  // Every problem at once: no name, an end date before the start, a target of 0.
  in.name = " ";
  in.to = "2026-02-01";
  in.target = "0";
  try {
    surveys_->UpdateCampaign(admin_, k.id, in);
    FAIL() << "accepted";
  } catch (const AppError& e) {
    std::set<std::string> fields;
    for (const auto& p : e.problems()) fields.insert(p.field);
    EXPECT_EQ(fields, (std::set<std::string>{"name", "to", "target"}));
  }
  // The end date: not past (today is 09/03/2026), a real day, at most 366 days from the start.
  in.name = "Khảo sát SIPAS 2026 (sửa)";
  in.target = "150";
  in.to = "2026-03-08";
  EXPECT_EQ(KeyOf([&] { surveys_->UpdateCampaign(admin_, k.id, in); }), "surveys.campaign_past");
  in.to = "2026-02-30";
  EXPECT_EQ(KeyOf([&] { surveys_->UpdateCampaign(admin_, k.id, in); }), "surveys.campaign_date");
  in.to = "2027-03-02";  // 367 days
  EXPECT_EQ(KeyOf([&] { surveys_->UpdateCampaign(admin_, k.id, in); }), "surveys.campaign_too_long");
  EXPECT_EQ(surveys_->GetCampaign(admin_, k.id).campaign.version, 1);  // nothing written
  in.to = "2026-03-09";                                                // today is allowed
  auto saved = surveys_->UpdateCampaign(admin_, k.id, in);
  EXPECT_EQ(saved.version, 2);
  auto now = surveys_->GetCampaign(admin_, k.id).campaign;
  EXPECT_EQ(now.name, "Khảo sát SIPAS 2026 (sửa)");
  EXPECT_EQ(now.to, "2026-03-09");
  EXPECT_EQ(now.target, 150);
  EXPECT_EQ(now.version, 2);
  // The form read at version 1 is stale now: refused, nothing changed.
  in.name = "Tên cũ";
  EXPECT_EQ(KeyOf([&] { surveys_->UpdateCampaign(admin_, k.id, in); }), "surveys.campaign_stale");
  EXPECT_EQ(surveys_->GetCampaign(admin_, k.id).campaign.name, "Khảo sát SIPAS 2026 (sửa)");
  // An unchanged end date is not checked again (the day after, it is past).
  SetClockForTesting(T(2026, 3, 10));
  CampaignEdit rename;
  rename.version = 2;
  rename.name = "Khảo sát SIPAS 2026";
  rename.to = "2026-03-09";
  EXPECT_EQ(surveys_->UpdateCampaign(admin_, k.id, rename).version, 3);
  // Only those who may create it manage it: the leader reads but may not edit.
  EXPECT_FALSE(surveys_->GetCampaign(leader_, k.id).may_manage);
  EXPECT_TRUE(surveys_->GetCampaign(admin_, k.id).may_manage);
  rename.version = 3;
  EXPECT_EQ(KindOf([&] { surveys_->UpdateCampaign(leader_, k.id, rename); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { surveys_->CloseCampaign(leader_, k.id, 3); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { surveys_->UpdateCampaign(admin_, k.id + 1000, rename); }), ErrorKind::kNotFound);
}

TEST_P(SurveysCampaignTest, AClosedCampaignRefusesAnswersAndKeepsItsReport) {
  auto k = surveys_->CreateCampaign(admin_, Input(true));
  auto sheet = surveys_->CreateInvitations(admin_, k.id, "C1", "3", false);
  const std::string link = LinkOf(k, "C2");
  surveys_->Answer(sheet[0].token, AllAt(5));
  // The page of an unused invitation is still open when it is closed (a form left open).
  const auto open_before = surveys_->InvitationTarget(sheet[2].token);
  EXPECT_EQ(open_before.state, AnswerState::kOpen);
  EXPECT_EQ(KeyOf([&] { surveys_->CloseCampaign(admin_, k.id, 2); }), "surveys.campaign_stale");
  auto closed = surveys_->CloseCampaign(admin_, k.id, 1);
  EXPECT_EQ(closed.closed_on, "2026-03-09");
  EXPECT_EQ(closed.version, 2);
  EXPECT_EQ(surveys_->InvitationTarget(sheet[1].token).state, AnswerState::kClosed);
  EXPECT_EQ(KeyOf([&] { surveys_->Answer(sheet[1].token, AllAt(4)); }), "surveys.campaign_closed");
  EXPECT_EQ(surveys_->OpenTarget(link, "d1").state, AnswerState::kClosed);
  EXPECT_EQ(KeyOf([&] { surveys_->AnswerOpen(link, "d1", "10.0.0.1", AllAt(4)); }), "surveys.campaign_closed");
  auto view = surveys_->GetCampaign(admin_, k.id);
  EXPECT_FALSE(view.open);
  EXPECT_TRUE(view.campaign.closed());
  EXPECT_EQ(view.units[0].responses, 1);
  EXPECT_EQ(surveys_->CampaignResults(admin_, k.id, "P1").responses, 1);
  // No further round: six months later it is still round 1, closed.
  SetClockForTesting(T(2026, 9, 2));
  EXPECT_EQ(surveys_->InvitationTarget(sheet[1].token).round, 1);
  EXPECT_EQ(surveys_->InvitationTarget(sheet[1].token).state, AnswerState::kClosed);
  EXPECT_EQ(surveys_->CampaignResults(admin_, k.id, "P1").responses, 1);
  // Neither edited nor closed again.
  CampaignEdit in;
  in.version = 2;
  in.name = "Đổi tên";
  EXPECT_EQ(KeyOf([&] { surveys_->UpdateCampaign(admin_, k.id, in); }), "surveys.campaign_closed_already");
  EXPECT_EQ(KeyOf([&] { surveys_->CloseCampaign(admin_, k.id, 2); }), "surveys.campaign_closed_already");
}

TEST_P(SurveysCampaignTest, TheOpenLinkThroughTheApiAnswersOncePerDeviceId) {
  // The API passes "api:" + X-Device-Id as the device: once per device id and round.
  auto k = surveys_->CreateCampaign(admin_, Input());
  const std::string link = LinkOf(k, "C1");
  EXPECT_EQ(surveys_->OpenTarget(link, "api:thiet-bi-1").state, AnswerState::kOpen);
  surveys_->AnswerOpen(link, "api:thiet-bi-1", "10.0.0.9", AllAt(5));
  EXPECT_EQ(surveys_->OpenTarget(link, "api:thiet-bi-1").state, AnswerState::kAnswered);
  EXPECT_EQ(KeyOf([&] { surveys_->AnswerOpen(link, "api:thiet-bi-1", "10.0.0.8", AllAt(5)); }),
            "surveys.already_answered");
  surveys_->AnswerOpen(link, "api:thiet-bi-2", "10.0.0.9", AllAt(5));
  EXPECT_EQ(surveys_->GetCampaign(admin_, k.id).units[0].responses, 2);
}

const db::Query kDropOfficialCounts{"test_drop_official_counts", "DELETE FROM survey_official_counts"};
const db::Query kBackfillMark{"test_backfill_mark",
                              "INSERT INTO survey_keys (name, value) SELECT 'official_counts_backfill_upto', "
                              "CAST(MAX(id) AS TEXT) FROM survey_responses"};

TEST_P(SurveysCampaignTest, TheReportByOfficialCountsOnlyThatOfficialsInvitations) {
  auto k = surveys_->CreateCampaign(admin_, Input());
  const auto desk = Official("desk.c1", "C1", "desk");
  // One invitation per official of each target unit: desk and leader (C1), evaluator (C2).
  auto per_official = surveys_->CreateInvitations(admin_, k.id, "C1", "", true);
  ASSERT_EQ(per_official.size(), 2u);
  for (const auto& i : surveys_->CreateInvitations(admin_, k.id, "C2", "", true)) per_official.push_back(i);
  ASSERT_EQ(per_official.size(), 3u);
  auto of = [&](const auth::Principal& p) {
    for (const auto& i : per_official)
      if (i.official_id == p.official_id) return i.token;
    return std::string();
  };
  surveys_->Answer(of(leader_), AllAt(5));
  surveys_->Answer(of(outsider_), AllAt(2));
  // A unit's invitation and the open link count for the unit, for no official.
  surveys_->Answer(surveys_->CreateInvitations(admin_, k.id, "C1", "1", false)[0].token, AllAt(1));
  surveys_->AnswerOpen(LinkOf(k, "C1"), "d1", "10.0.0.1", AllAt(1));
  EXPECT_EQ(surveys_->CampaignResults(admin_, k.id, "P1").responses, 4);

  auto rep = surveys_->CampaignResults(admin_, k.id, "P1", 0, 0, "official");
  EXPECT_EQ(rep.by, "official");
  EXPECT_EQ(rep.responses, 2);
  ASSERT_EQ(rep.groups.size(), 2u);  // the desk officer's invitation was not answered
  EXPECT_EQ(rep.groups[0].label, "Người eval.c2");
  EXPECT_EQ(rep.groups[0].responses, 1);
  ASSERT_EQ(rep.groups[0].elements.size(), 5u);
  EXPECT_EQ(rep.groups[0].elements[0].counts, (Likert{0, 3, 0, 0, 0}));
  EXPECT_DOUBLE_EQ(rep.groups[0].sipas, 0.0);
  EXPECT_TRUE(rep.groups[0].elements[0].share.too_few);
  EXPECT_EQ(rep.groups[1].label, "Người leader.c1");
  EXPECT_EQ(rep.groups[1].key, std::to_string(leader_.official_id));
  EXPECT_EQ(rep.groups[1].elements[0].counts, (Likert{0, 0, 0, 0, 3}));
  EXPECT_DOUBLE_EQ(rep.groups[1].sipas, 1.0);
  // Over C1 only the leader's.
  auto c1 = surveys_->CampaignResults(admin_, k.id, "C1", 0, 0, "official");
  ASSERT_EQ(c1.groups.size(), 1u);
  EXPECT_EQ(c1.groups[0].label, "Người leader.c1");
  EXPECT_EQ(KeyOf([&] { surveys_->CampaignResults(admin_, k.id, "P1", 0, 0, "procedure"); }), "surveys.report_by");

  // Responses stored before migration 0036 had no such counters: the row it leaves counts them once.
  db_->write([&](db::Conn& c) {
    c.exec(kDropOfficialCounts);
    c.exec(kBackfillMark);
  });
  Service fresh(*db_, *svc_);
  surveys_->Answer(of(desk), AllAt(4));  // after the mark: counted as it comes, not again
  auto again = fresh.CampaignResults(admin_, k.id, "P1", 0, 0, "official");
  ASSERT_EQ(again.groups.size(), 3u);
  EXPECT_EQ(again.responses, 3);
  EXPECT_EQ(again.groups[0].label, "Người desk.c1");
  EXPECT_EQ(again.groups[0].responses, 1);
  EXPECT_EQ(again.groups[2].elements[0].counts, (Likert{0, 0, 0, 0, 3}));
  // Once: another service finds no row and adds nothing.
  Service third(*db_, *svc_);
  EXPECT_EQ(third.CampaignResults(admin_, k.id, "P1", 0, 0, "official").responses, 3);
}

FG_BOTH_BACKENDS(SurveysCampaignTest);

}  // namespace
}  // namespace fg::surveys
