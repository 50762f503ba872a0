// The feedback register through the service, on both backends: codes, legal
// deadlines with pauses and extension, the handling workflow with its outbox
// messages, the public lookup without personal data, reopening, merging,
// overdue lists and who may do what.
#include "features/feedback/service.h"

#include <gtest/gtest.h>

#include <functional>

#include "features/calendar/testing.h"
#include "features/desk/testing.h"
#include "features/feedback/repo.h"
#include "platform/auth/crypto.h"
#include "platform/errors.h"
#include "platform/time.h"
#include "tests/support/images.h"

namespace fg::feedback {
namespace {

using calendar::testing::D;
SysSeconds T(int y, unsigned m, unsigned d, int hh, int mm) { return FromLocal(D(y, m, d), (hh * 60 + mm) * 60); }

ErrorKind KindOfError(const std::function<void()>& f) {
  try {
    f();
  } catch (const AppError& e) {
    return e.kind();
  }
  ADD_FAILURE() << "no error";
  return ErrorKind::kUnavailable;
}
std::string KeyOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const AppError& e) {
    return e.key();
  }
  return "none";
}

struct OutboxRow {
  std::string event, phone, params;
};

class FeedbackServiceTest : public desk::testing::DeskFixture {
 protected:
  void SetUp() override {
    DeskFixture::SetUp();
    SetClockForTesting(T(2026, 3, 9, 9, 0));  // Monday
    admin_ = Official("admin.p1", "P1", "admin");
    desk_ = Official("desk.c1", "C1", "desk");
    leader_ = Official("leader.c1", "C1", "leader");
    specialist_ = Official("spec.c1", "C1", "specialist");
    outsider_ = Official("desk.c2", "C2", "desk");
    evaluator_ = Official("eval.c1", "C1", "evaluator");
    fb_ = std::make_unique<Service>(*db_, *calendar_);
  }
  void TearDown() override {
    fb_.reset();
    SetClockForTesting(std::nullopt);
  }
  static ItemInput Input(const std::string& unit = "C1", const std::string& kind = "feedback") {
    ItemInput in;
    in.kind = kind;
    in.channel = "hotline";
    in.category = "infrastructure";
    in.unit_code = unit;
    in.title = "Đèn đường hỏng";
    in.content = "Đèn đường ở ấp 3 tắt đã một tuần.";
    in.person = {"Trần Thị Bình", "0912 345 678", "", "số 5 ấp 3"};
    return in;
  }
  Detail Do(const auth::Principal& p, const std::string& code, Action a, const std::string& text = "") {
    ActionInput in;
    in.action = a;
    in.text = text;
    return fb_->Apply(p, code, in);
  }
  std::vector<OutboxRow> Outbox() {
    static const db::Query q{"test_outbox", "SELECT event, phone, params_json FROM outbox ORDER BY id"};
    return db_->read([&](db::Conn& c) {
      std::vector<OutboxRow> out;
      for (auto& r : c.query(q)) out.push_back({r.text(0), r.text(1), r.text(2)});
      return out;
    });
  }
  auth::Principal admin_, desk_, leader_, specialist_, outsider_, evaluator_;
  std::unique_ptr<Service> fb_;
};

TEST_P(FeedbackServiceTest, CodesAreGapFreePerUnitAndYearAndTheLegalDeadlineIsSet) {
  auto a = fb_->Register(desk_, Input());
  auto b = fb_->Register(desk_, Input());
  auto c = fb_->Register(outsider_, Input("C2"));
  EXPECT_EQ(a.code, "GY-C1-2026-0001");
  EXPECT_EQ(b.code, "GY-C1-2026-0002");
  EXPECT_EQ(c.code, "GY-C2-2026-0001");
  // A bad submission takes no number.
  auto bad = Input();
  bad.title = "";
  EXPECT_EQ(KindOfError([&] { fb_->Register(desk_, bad); }), ErrorKind::kBadRequest);
  SetClockForTesting(T(2027, 1, 4, 9, 0));
  EXPECT_EQ(fb_->Register(desk_, Input()).code, "GY-C1-2027-0001");
  EXPECT_EQ(fb_->Register(desk_, Input()).code, "GY-C1-2027-0002");
  // Monday 09/03 09:00 + 10 working days; a complaint 30.
  EXPECT_EQ(a.due_at, FormatUtc(T(2026, 3, 23, 9, 0)));
  EXPECT_EQ(a.state, State::kReceived);
  EXPECT_EQ(a.channel, "hotline");
  SetClockForTesting(T(2026, 3, 9, 9, 0));
  auto complaint = fb_->Register(desk_, Input("C1", "complaint"));
  EXPECT_EQ(complaint.due_at, FormatUtc(T(2026, 4, 20, 9, 0)));
  // An anonymous denunciation: registered, no legal limit.
  auto denunciation = Input("C1", "denunciation");
  denunciation.person = {};
  auto d = fb_->Register(desk_, denunciation);
  EXPECT_TRUE(d.anonymous);
  EXPECT_EQ(d.due_at, "");
}

// Registering answers the item without reading it back: every field must be
// what is stored, whoever registers it and whatever its kind.
TEST_P(FeedbackServiceTest, TheItemARegistrationAnswersIsTheItemAsStored) {
  auto denunciation = Input("C1", "denunciation");
  denunciation.person = {};
  auto from_web = Input("C2", "recommendation");
  from_web.channel = "web";
  for (const Item& created : {fb_->Register(desk_, Input()), fb_->Register(desk_, Input("C1", "complaint")),
                              fb_->Register(desk_, denunciation), fb_->Submit(from_web, "203.0.113.9")}) {
    SCOPED_TRACE(created.code);
    const auto stored = db_->read([&](db::Conn& c) { return repo::ItemById(c, created.id); });
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(created, *stored);
    EXPECT_FALSE(stored->unit_name.empty());
  }
}

TEST_P(FeedbackServiceTest, OnlyOfficialsCoveringTheUnitSeeAndHandleIt) {
  auto a = fb_->Register(desk_, Input());
  EXPECT_EQ(KindOfError([&] { fb_->Get(outsider_, a.code); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOfError([&] { fb_->Get(evaluator_, a.code); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOfError([&] { fb_->Register(outsider_, Input("C1")); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOfError([&] { Do(outsider_, a.code, Action::kNote, "x"); }), ErrorKind::kForbidden);
  EXPECT_EQ(fb_->Get(admin_, a.code).item.code, a.code);  // the province covers the commune
  EXPECT_EQ(KindOfError([&] { fb_->Get(desk_, "GY-C1-2026-9999"); }), ErrorKind::kNotFound);
  ListQuery q;
  EXPECT_EQ(fb_->List(outsider_, q).size(), 0u);
  EXPECT_EQ(fb_->List(desk_, q).size(), 1u);
  EXPECT_EQ(KindOfError([&] { fb_->List(evaluator_, q); }), ErrorKind::kForbidden);
}

TEST_P(FeedbackServiceTest, WorkflowFromSubmissionToPublishedAnswer) {
  auto in = Input();
  in.channel = "zalo";  // the form forces "web"
  auto item = fb_->Submit(in, "203.0.113.5");
  EXPECT_EQ(item.channel, "web");
  const std::string code = item.code;

  // Assign to the specialist, a note, then ask for more information on Tuesday.
  ActionInput assign;
  assign.action = Action::kAssign;
  assign.assignee_id = specialist_.official_id;
  auto d = fb_->Apply(desk_, code, assign);
  EXPECT_EQ(d.item.state, State::kInProgress);
  EXPECT_EQ(d.item.assignee_name, "Người spec.c1");
  Do(specialist_, code, Action::kNote, "Đã gọi điện lực.");
  SetClockForTesting(T(2026, 3, 10, 9, 0));
  d = Do(specialist_, code, Action::kRequestInfo, "Xin cho biết số cột đèn.");
  EXPECT_EQ(d.item.state, State::kInfoRequested);
  EXPECT_EQ(KindOfError([&] { Do(specialist_, code, Action::kDraftReply, "x"); }), ErrorKind::kConflict);
  // Two working days later the information arrives: the due instant moves two working days.
  SetClockForTesting(T(2026, 3, 12, 9, 0));
  d = Do(specialist_, code, Action::kInfoReceived);
  EXPECT_EQ(d.item.due_at, FormatUtc(T(2026, 3, 25, 9, 0)));
  EXPECT_EQ(d.item.paused_since, "");

  // Draft; a desk officer cannot approve, a leader can.
  const std::string reply = "Đã thay bóng đèn. Cảm ơn bà Trần Thị Bình (0912 345 678) đã báo.";
  d = Do(specialist_, code, Action::kDraftReply, reply);
  EXPECT_EQ(d.item.state, State::kAwaitingApproval);
  EXPECT_EQ(KindOfError([&] { Do(desk_, code, Action::kApproveReply); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOfError([&] { Do(leader_, code, Action::kPublish); }), ErrorKind::kConflict);
  d = Do(leader_, code, Action::kApproveReply);
  EXPECT_EQ(d.item.state, State::kAnswered);
  EXPECT_EQ(d.item.reply, reply);
  EXPECT_EQ(d.item.timeliness, "on_time");

  // The outbox: the request and the reply, to the citizen's phone, in the same writes.
  auto out = Outbox();
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].event, "feedback_info");
  EXPECT_NE(out[0].params.find("Xin cho biết số cột đèn."), std::string::npos);
  EXPECT_EQ(out[1].event, "feedback_reply");
  EXPECT_EQ(out[1].phone, "0912 345 678");
  EXPECT_NE(out[1].params.find("Đã thay bóng đèn."), std::string::npos);
  EXPECT_NE(out[1].params.find("/gop-y/tra-cuu?ma=" + code), std::string::npos);

  // Before publishing the lookup shows progress only; the code alone is not enough.
  EXPECT_EQ(KeyOf([&] { fb_->Lookup(code, ""); }), "feedback.lookup_not_found");
  EXPECT_EQ(KeyOf([&] { fb_->Lookup(code, "1234"); }), "feedback.lookup_not_found");
  auto v = fb_->Lookup(code, "5678");
  EXPECT_EQ(v.state, "answered");
  EXPECT_EQ(v.published_answer, "");
  // Publishing strips personal data.
  d = Do(leader_, code, Action::kPublish);
  EXPECT_TRUE(d.item.published);
  v = fb_->Lookup(code, "5678");
  EXPECT_EQ(v.published_answer, "Đã thay bóng đèn. Cảm ơn bà [đã ẩn] ([đã ẩn]) đã báo.");
  for (const auto& s : v.steps) {
    EXPECT_EQ(s.text, "");
    EXPECT_EQ(s.actor_name, "");
    EXPECT_NE(s.action, "note");
    EXPECT_NE(s.action, "draft_reply");
  }
  std::vector<std::string> actions;
  for (const auto& s : v.steps) actions.push_back(s.action);
  EXPECT_EQ(actions,
            (std::vector<std::string>{"register", "request_info", "info_received", "approve_reply", "publish"}));
  // Lower case code as typed.
  EXPECT_EQ(fb_->Lookup(" gy-c1-2026-0001 ", "5678").code, code);

  // Close on Friday 13/03; the citizen may reopen within 10 working days.
  SetClockForTesting(T(2026, 3, 13, 10, 0));
  Do(desk_, code, Action::kClose);
  SetClockForTesting(T(2026, 3, 27, 16, 0));
  EXPECT_EQ(KeyOf([&] { fb_->Reopen(code, "0000", "Chưa sửa"); }), "feedback.lookup_not_found");
  auto reopened = fb_->Reopen(code, "5678", "Đèn lại tắt.");
  EXPECT_EQ(reopened.state, State::kInProgress);
  EXPECT_EQ(reopened.reopen_count, 1);
  // Answered and closed again; past the window a reopen is refused.
  Do(specialist_, code, Action::kDraftReply, "Đã thay lại.");
  Do(leader_, code, Action::kApproveReply);
  Do(desk_, code, Action::kClose);
  SetClockForTesting(T(2026, 4, 30, 9, 0) + std::chrono::days(30));
  EXPECT_EQ(KeyOf([&] { fb_->Reopen(code, "5678", "Lại tắt."); }), "feedback.reopen_closed_window");
}

TEST_P(FeedbackServiceTest, CitizensRateEachAnswerOnceAndTheStatisticsCountIt) {
  const std::string a = fb_->Register(desk_, Input()).code;                         // hotline, feedback, C1
  const std::string b = fb_->Submit(Input("C1", "complaint"), "203.0.113.9").code;  // web, complaint, C1
  const std::string c = fb_->Register(outsider_, Input("C2")).code;                 // hotline, feedback, C2
  // Nothing to rate before an answer; a wrong check finds nothing.
  EXPECT_FALSE(fb_->Lookup(a, "5678").can_rate);
  EXPECT_EQ(KeyOf([&] { fb_->RateAnswer(a, "5678", "satisfied"); }), "feedback.rate_not_answered");
  SetClockForTesting(T(2026, 3, 10, 9, 0));
  Do(desk_, a, Action::kDraftReply, "Đã thay bóng đèn.");
  Do(leader_, a, Action::kApproveReply);
  auto v = fb_->Lookup(a, "5678");
  EXPECT_TRUE(v.can_rate);
  EXPECT_EQ(v.rated, "");
  EXPECT_EQ(v.reopen_until, "");  // answered, not closed
  EXPECT_EQ(KeyOf([&] { fb_->RateAnswer(a, "0000", "satisfied"); }), "feedback.lookup_not_found");
  // Wrong checks count against the address on every page that takes one: rating and reopening too.
  for (int i = 0; i < Service::kLookups - 1; ++i)
    EXPECT_EQ(KeyOf([&] { fb_->RateAnswer(a, "0000", "satisfied", "198.51.100.9"); }), "feedback.lookup_not_found");
  EXPECT_EQ(KeyOf([&] { fb_->Reopen(a, "0000", "x", "198.51.100.9"); }), "feedback.lookup_not_found");
  EXPECT_EQ(KeyOf([&] { fb_->RateAnswer(a, "5678", "satisfied", "198.51.100.9"); }), "feedback.too_many_lookups");
  EXPECT_EQ(KeyOf([&] { fb_->Lookup(a, "5678", "198.51.100.9"); }), "feedback.too_many_lookups");
  EXPECT_EQ(KeyOf([&] { fb_->RateAnswer(a, "5678", "rất tốt"); }), "feedback.bad_satisfaction");
  fb_->RateAnswer(a, "5678", "satisfied");
  v = fb_->Lookup(a, "5678");
  EXPECT_FALSE(v.can_rate);
  EXPECT_EQ(v.rated, "satisfied");
  EXPECT_EQ(KeyOf([&] { fb_->RateAnswer(a, "5678", "unsatisfied"); }), "feedback.already_rated");
  EXPECT_EQ(v.steps.back().action, "rate_satisfied");
  // Closed on Friday 13/03: reopening is offered to the 10th working day after, 27/03.
  SetClockForTesting(T(2026, 3, 13, 10, 0));
  Do(desk_, a, Action::kClose);
  EXPECT_EQ(fb_->Lookup(a, "5678").reopen_until, "2026-03-27");
  fb_->Reopen(a, "5678", "Đèn lại tắt.");
  EXPECT_EQ(fb_->Lookup(a, "5678").reopen_until, "");
  EXPECT_FALSE(fb_->Lookup(a, "5678").can_rate);
  // The next answer may be rated again.
  SetClockForTesting(T(2026, 3, 20, 9, 0));
  Do(desk_, a, Action::kDraftReply, "Đã thay lại.");
  Do(leader_, a, Action::kApproveReply);
  EXPECT_TRUE(fb_->Lookup(a, "5678").can_rate);
  fb_->RateAnswer(a, "5678", "unsatisfied");
  // The complaint is answered after its due day (20/04): late.
  SetClockForTesting(T(2026, 4, 21, 9, 0));
  Do(desk_, b, Action::kDraftReply, "Trả lời khiếu nại.");
  Do(leader_, b, Action::kApproveReply);

  const auto s = fb_->Statistics(admin_, {"P1", "2026-03-01", "2026-03-31"});
  EXPECT_EQ(s.unit_code, "P1");
  const Tally& t = s.tallies.total;
  EXPECT_EQ(t.received, 3);
  EXPECT_EQ(t.answered, 2);
  EXPECT_EQ(t.on_time, 1);
  EXPECT_EQ(t.late, 1);
  EXPECT_EQ(t.reopened, 1);
  EXPECT_EQ(t.rated, 2);
  EXPECT_EQ(t.satisfied, 1);
  // a: 09/03 09:00 to 20/03 09:00 = 11 days; b: 09/03 09:00 to 21/04 09:00 = 43 days.
  ASSERT_TRUE(t.MeanHandlingDays());
  EXPECT_DOUBLE_EQ(*t.MeanHandlingDays(), 27.0);
  auto line = [](const std::vector<Tally>& lines, const std::string& key) {
    for (const auto& l : lines)
      if (l.key == key) return l;
    ADD_FAILURE() << "no line " << key;
    return Tally{};
  };
  EXPECT_EQ(line(s.tallies.by_kind, "feedback").received, 2);
  EXPECT_EQ(line(s.tallies.by_kind, "complaint").late, 1);
  EXPECT_EQ(line(s.tallies.by_kind, "denunciation").received, 0);  // every kind is listed
  EXPECT_EQ(line(s.tallies.by_channel, "hotline").received, 2);
  EXPECT_EQ(line(s.tallies.by_channel, "web").received, 1);
  EXPECT_EQ(line(s.tallies.by_unit, "C1").received, 2);
  EXPECT_EQ(line(s.tallies.by_unit, "C2").received, 1);
  EXPECT_EQ(line(s.tallies.by_unit, "C2").label, "Xã Hai");
  // Items received outside the period are not counted.
  EXPECT_EQ(fb_->Statistics(admin_, {"P1", "2026-04-01", "2026-04-30"}).tallies.total.received, 0);
  // The caller's own unit by default; only units the caller handles; every bad field at once.
  EXPECT_EQ(fb_->Statistics(desk_, {"", "2026-03-01", "2026-03-31"}).tallies.total.received, 2);
  EXPECT_EQ(KindOfError([&] { fb_->Statistics(outsider_, {"C1", "", ""}); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOfError([&] { fb_->Statistics(evaluator_, {"", "", ""}); }), ErrorKind::kForbidden);
  // An evaluator covering the unit reads its counts (the scorecards' indicators), not its items.
  EXPECT_EQ(fb_->Statistics(evaluator_, {"C1", "2026-03-01", "2026-03-31"}).tallies.total.received, 2);
  EXPECT_EQ(KindOfError([&] { fb_->Get(evaluator_, a); }), ErrorKind::kForbidden);
  try {
    fb_->Statistics(admin_, {"NOPE", "2026-02-30", ""});
    ADD_FAILURE() << "no error";
  } catch (const AppError& e) {
    std::vector<std::string> fields;
    for (const auto& p : e.problems()) fields.push_back(p.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"from", "unit"}));
  }
  (void)c;
}

TEST_P(FeedbackServiceTest, PhotosFromThePublicFormAreKeptWithTheItemForItsOfficialsOnly) {
  auto in = Input();
  const std::string png = testing::PngOf(640, 480), jpeg = testing::JpegOf(1600, 1200);
  in.photos = {Photo{0, "", 0, 0, 0, "", png}, Photo{0, "", 0, 0, 0, "", jpeg}};
  const Item item = fb_->Submit(in, "203.0.113.7");
  const Detail d = fb_->Get(desk_, item.code);
  ASSERT_EQ(d.photos.size(), 2u);
  EXPECT_EQ(d.photos[0].mime, "image/png");
  EXPECT_EQ(d.photos[1].width, 1600);
  EXPECT_EQ(d.photos[0].bytes, "");  // descriptions only
  EXPECT_EQ(fb_->PhotoOf(desk_, item.code, 2).bytes, jpeg);
  EXPECT_EQ(fb_->PhotoOf(admin_, item.code, 1).bytes, png);
  EXPECT_EQ(KindOfError([&] { fb_->PhotoOf(outsider_, item.code, 1); }), ErrorKind::kNotFound);
  EXPECT_EQ(KindOfError([&] { fb_->PhotoOf(desk_, item.code, 3); }), ErrorKind::kNotFound);
  // A refused photo refuses the whole submission: nothing is stored, no number is taken.
  auto bad = Input();
  bad.photos = {Photo{0, "", 0, 0, 0, "", "GIF89a"}};
  EXPECT_EQ(KeyOf([&] { fb_->Submit(bad, "203.0.113.7"); }), "feedback.photo.type");
  EXPECT_EQ(fb_->Submit(Input(), "203.0.113.7").code, "GY-C1-2026-0002");
}

TEST_P(FeedbackServiceTest, DialogueSessionsArePlannedRecordedAndTheirIssuesFollowedUp) {
  // Every bad field at once; a unit the caller does not handle is refused before the input is read.
  SessionInput bad{"C1", "", "2026-02-30", "25:00", "", "", ""};
  try {
    fb_->PlanSession(desk_, bad);
    ADD_FAILURE() << "no error";
  } catch (const AppError& e) {
    std::vector<std::string> fields;
    for (const auto& p : e.problems()) fields.push_back(p.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"session_title", "held_on", "starts_at", "session_place", "hosts"}));
  }
  EXPECT_EQ(KindOfError([&] { fb_->PlanSession(outsider_, bad); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOfError([&] { fb_->PlanSession(evaluator_, bad); }), ErrorKind::kForbidden);

  // Last Monday's session, with an issue raised there: received when the session began.
  const Session first = fb_->PlanSession(
      desk_, {"C1", "Đối thoại tháng 3", "2026-03-02", "8:30", "Nhà văn hóa ấp 3", "Chủ tịch UBND xã", "Ấp 3"});
  EXPECT_EQ(first.state, SessionState::kPlanned);
  EXPECT_EQ(first.starts_at, "08:30");
  ItemInput issue = Input();
  issue.channel = "hotline";  // forced to "dialogue"
  const Item raised = fb_->RaiseInSession(leader_, first.id, issue);
  EXPECT_EQ(raised.channel, "dialogue");
  EXPECT_EQ(raised.received_at, FormatUtc(T(2026, 3, 2, 8, 30)));
  EXPECT_EQ(raised.due_at, FormatUtc(T(2026, 3, 16, 8, 30)));  // 10 working days
  EXPECT_EQ(KindOfError([&] { fb_->RaiseInSession(outsider_, first.id, Input("C2")); }), ErrorKind::kForbidden);
  auto incomplete = Input();
  incomplete.title = "";
  EXPECT_EQ(KindOfError([&] { fb_->RaiseInSession(desk_, first.id, incomplete); }), ErrorKind::kBadRequest);

  // Recorded once held; a stale version is refused; a bad count names its field.
  EXPECT_EQ(KeyOf([&] {
              fb_->RecordSession(desk_, first.id, {"nhiều", "", "Kết luận", first.version});
            }),
            "feedback.dialogue.bad_attendees");
  const Session held =
      fb_->RecordSession(desk_, first.id, {" 85 ", "Các hộ ấp 3", "Giao địa chính khảo sát.", first.version});
  EXPECT_EQ(held.state, SessionState::kHeld);
  EXPECT_EQ(held.attendees, 85);
  EXPECT_EQ(KeyOf([&] {
              fb_->RecordSession(desk_, first.id, {"90", "", "Sửa.", first.version});
            }),
            "feedback.dialogue.changed");
  // A session planned for later cannot be recorded yet.
  const Session later =
      fb_->PlanSession(desk_, {"C1", "Đối thoại tháng 4", "2026-04-06", "08:00", "Hội trường", "Chủ tịch", ""});
  EXPECT_EQ(KeyOf([&] {
              fb_->RecordSession(desk_, later.id, {"10", "", "x", later.version});
            }),
            "feedback.dialogue.not_yet");
  // An issue raised before a session begins is received now.
  EXPECT_EQ(fb_->RaiseInSession(desk_, later.id, Input()).received_at, FormatUtc(T(2026, 3, 9, 9, 0)));

  // The later session shows the follow-up of the one before it.
  Do(desk_, raised.code, Action::kDraftReply, "Đã khảo sát.");
  Do(leader_, raised.code, Action::kApproveReply);
  const SessionView v = fb_->SessionOf(desk_, later.id);
  ASSERT_TRUE(v.previous);
  EXPECT_EQ(v.previous->id, first.id);
  ASSERT_EQ(v.previous_raised.size(), 1u);
  EXPECT_EQ(v.previous_raised[0].state, State::kAnswered);
  EXPECT_EQ(v.raised.size(), 1u);
  EXPECT_FALSE(fb_->SessionOf(desk_, first.id).previous);
  // Lists: latest first, only the caller's units.
  const auto listed = fb_->Sessions(admin_);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, later.id);
  EXPECT_EQ(listed[1].items, 1);
  EXPECT_TRUE(fb_->Sessions(outsider_).empty());
  EXPECT_EQ(KindOfError([&] { fb_->SessionOf(outsider_, first.id); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOfError([&] { fb_->SessionOf(desk_, 9999); }), ErrorKind::kNotFound);
  // A session planned and never held is no "previous" one.
  const Session cancelled =
      fb_->PlanSession(desk_, {"C1", "Đối thoại bị hoãn", "2026-03-05", "08:00", "Hội trường", "Chủ tịch", ""});
  EXPECT_EQ(fb_->SessionOf(desk_, later.id).previous->id, first.id);
  // An issue assigned since to a unit the caller does not handle shows its code and state only.
  const Item other = fb_->RaiseInSession(desk_, first.id, Input());
  ActionInput across;
  across.action = Action::kAssign;
  across.unit_code = "C2";
  fb_->Apply(admin_, other.code, across);
  const auto seen = fb_->SessionOf(desk_, later.id).previous_raised;
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].title, raised.title);  // still the caller's
  EXPECT_EQ(seen[1].code, other.code);
  EXPECT_EQ(seen[1].unit_code, "C2");
  EXPECT_EQ(seen[1].title, "");
  EXPECT_EQ(seen[1].person.name, "");
  EXPECT_EQ(fb_->SessionOf(admin_, later.id).previous_raised[1].title, other.title);
  (void)cancelled;
}

TEST_P(FeedbackServiceTest, ExtensionOnceWithAReason) {
  auto a = fb_->Register(desk_, Input("C1", "complaint"));
  EXPECT_EQ(KeyOf([&] { Do(desk_, a.code, Action::kExtend, ""); }), "error.required");
  auto d = Do(desk_, a.code, Action::kExtend, "Vụ việc phức tạp.");
  EXPECT_TRUE(d.item.extended);
  // 30 + 15 working days from Monday 09/03 09:00: 20/04 (30) + 21-24/04 (34), 27/04 is the
  // compensatory day off for the Hùng Kings' day (Sunday 26/04), 28-29/04 (36), 30/04 and
  // 01/05 are holidays, 4-8/05 (41), 11-14/05 (45): Thursday 14/05.
  EXPECT_EQ(d.item.due_at, FormatUtc(T(2026, 5, 14, 9, 0)));
  EXPECT_EQ(KindOfError([&] { Do(desk_, a.code, Action::kExtend, "Lần nữa."); }), ErrorKind::kConflict);
}

TEST_P(FeedbackServiceTest, AssignDownOrAcrossOnlyWithinTheCallersSubtree) {
  auto a = fb_->Register(desk_, Input());
  ActionInput in;
  in.action = Action::kAssign;
  in.unit_code = "C2";
  EXPECT_EQ(KeyOf([&] { fb_->Apply(desk_, a.code, in); }), "feedback.assign_outside");
  in.assignee_id = outsider_.official_id;
  in.unit_code = "";
  EXPECT_EQ(KeyOf([&] { fb_->Apply(desk_, a.code, in); }), "feedback.assignee_outside");
  in.unit_code = "C2";
  auto d = fb_->Apply(admin_, a.code, in);
  EXPECT_EQ(d.item.unit_code, "C2");
  EXPECT_EQ(d.item.code, a.code);  // the code stays
  EXPECT_EQ(KindOfError([&] { fb_->Get(desk_, a.code); }), ErrorKind::kForbidden);
  EXPECT_EQ(fb_->Get(outsider_, a.code).item.assignee_id, outsider_.official_id);
}

TEST_P(FeedbackServiceTest, DuplicatesMergeIntoTheOlderItem) {
  auto older = fb_->Register(desk_, Input());
  auto newer = fb_->Register(desk_, Input());
  ActionInput in;
  in.action = Action::kMerge;
  in.target_code = newer.code;
  EXPECT_EQ(KeyOf([&] { fb_->Apply(desk_, older.code, in); }), "feedback.merge_into_newer");
  in.target_code = older.code;
  auto d = fb_->Apply(desk_, newer.code, in);
  EXPECT_EQ(d.item.state, State::kMerged);
  EXPECT_EQ(d.item.merged_into_code, older.code);
  auto target = fb_->Get(desk_, older.code);
  ASSERT_FALSE(target.steps.empty());
  EXPECT_EQ(target.steps.back().action, "merged_in");
  EXPECT_EQ(target.steps.back().text, newer.code);
  EXPECT_TRUE(d.actions.empty());  // a merged item is final
}

TEST_P(FeedbackServiceTest, OverdueAndDueSoonLists) {
  auto a = fb_->Register(desk_, Input());  // due 23/03 09:00
  SetClockForTesting(T(2026, 3, 10, 9, 0));
  auto b = fb_->Register(desk_, Input());  // due 24/03 09:00
  ListQuery overdue;
  overdue.urgency = "overdue";
  ListQuery soon;
  soon.urgency = "due_soon";
  EXPECT_TRUE(fb_->List(desk_, overdue).empty());
  SetClockForTesting(T(2026, 3, 23, 10, 0));
  auto late = fb_->List(desk_, overdue);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].item.code, a.code);
  auto next = fb_->List(desk_, soon);
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0].item.code, b.code);
  // Answered items leave the lists.
  Do(desk_, a.code, Action::kDraftReply, "Trả lời.");
  Do(leader_, a.code, Action::kApproveReply);
  EXPECT_TRUE(fb_->List(desk_, overdue).empty());
  EXPECT_EQ(fb_->Get(desk_, a.code).item.timeliness, "late");
  ListQuery bad;
  bad.urgency = "tomorrow";
  EXPECT_EQ(KindOfError([&] { fb_->List(desk_, bad); }), ErrorKind::kBadRequest);
}

TEST_P(FeedbackServiceTest, PublicSubmissionsAreRateLimitedPerAddress) {
  for (int i = 0; i < Service::kPerAddress; ++i) fb_->Submit(Input(), "198.51.100.7");
  EXPECT_EQ(KindOfError([&] { fb_->Submit(Input(), "198.51.100.7"); }), ErrorKind::kTooMany);
  EXPECT_NO_THROW(fb_->Submit(Input(), "198.51.100.8"));
  // The limit is a setting (feedback_per_address): 2 an hour, or none.
  fb_->LimitSubmissions(2);
  fb_->Submit(Input(), "198.51.100.9");
  fb_->Submit(Input(), "198.51.100.9");
  EXPECT_EQ(KindOfError([&] { fb_->Submit(Input(), "198.51.100.9"); }), ErrorKind::kTooMany);
  fb_->LimitSubmissions(0);
  for (int i = 0; i < Service::kPerAddress + 1; ++i) EXPECT_NO_THROW(fb_->Submit(Input(), "198.51.100.7"));
}

TEST_P(FeedbackServiceTest, WithoutAPhoneOnlyTheLookupKeyOpensAnItemAndOnlyFailuresCount) {
  // An anonymous denunciation: its code is the next of a sequence, so it must
  // not open by itself.
  ItemInput in = Input("C1", "denunciation");
  in.person = {};
  const Item item = fb_->Submit(in, "203.0.113.9");
  ASSERT_EQ(item.lookup_key.size(), 9u);
  EXPECT_EQ(item.lookup_key[4], '-');
  EXPECT_NE(fb_->Submit(Input(), "203.0.113.9").lookup_key, item.lookup_key);
  const std::string addr = "198.51.100.20";
  EXPECT_EQ(KeyOf([&] { fb_->Lookup(item.code, "", addr); }), "feedback.lookup_not_found");
  EXPECT_EQ(KeyOf([&] { fb_->Lookup(item.code, "----", addr); }), "feedback.lookup_not_found");
  EXPECT_EQ(KeyOf([&] { fb_->Lookup(item.code, "        ", addr); }), "feedback.lookup_not_found");
  EXPECT_EQ(KeyOf([&] { fb_->Lookup(item.code, "abcd-efgh", addr); }), "feedback.lookup_not_found");
  // The key as typed: upper case, without its dash.
  std::string typed = item.lookup_key;
  typed.erase(4, 1);
  for (char& c : typed) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(fb_->Lookup(item.code, typed, addr).kind, "denunciation");
  // Successes cost nothing: many more than the limit still answer.
  for (int i = 0; i < Service::kLookups + 5; ++i) EXPECT_NO_THROW(fb_->Lookup(item.code, item.lookup_key, addr));
  // Failures do, to the limit; then even the right key waits.
  for (int i = 4; i < Service::kLookups; ++i) EXPECT_THROW(fb_->Lookup(item.code, "x", addr), AppError);
  EXPECT_EQ(KeyOf([&] { fb_->Lookup(item.code, item.lookup_key, addr); }), "feedback.too_many_lookups");
  EXPECT_EQ(fb_->Lookup(item.code, item.lookup_key, "198.51.100.21").code, item.code);
  // A phone's last 4 digits open the items that have one, and not the key of another item.
  const Item with_phone = fb_->Submit(Input(), "203.0.113.10");
  EXPECT_EQ(fb_->Lookup(with_phone.code, "5678").code, with_phone.code);
  EXPECT_EQ(fb_->Lookup(with_phone.code, with_phone.lookup_key).code, with_phone.code);
  EXPECT_EQ(KeyOf([&] { fb_->Lookup(with_phone.code, item.lookup_key); }), "feedback.lookup_not_found");
}

TEST_P(FeedbackServiceTest, EveryStepIsAnEventWithoutPersonalData) {
  auto a = fb_->Register(desk_, Input());
  Do(desk_, a.code, Action::kNote, "Ghi chú");
  static const db::Query q{"test_feedback_events",
                           "SELECT action, after_json FROM events WHERE entity = 'feedback' ORDER BY id"};
  auto rows = db_->read([&](db::Conn& c) { return c.query(q); });
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].text(0), "register");
  EXPECT_EQ(rows[1].text(0), "note");
  for (auto& r : rows) {
    EXPECT_EQ(r.text(1).find("0912"), std::string::npos);
    EXPECT_EQ(r.text(1).find("Bình"), std::string::npos);
    EXPECT_EQ(r.text(1).find(a.lookup_key), std::string::npos);
  }
}

TEST_P(FeedbackServiceTest, WebhookMessagesOnceAndForgedSignaturesStoreNothing) {
  // The body and signature of webhook_test.cpp (computed with Python's hmac).
  const std::string body =
      R"({"object":"page","entry":[{"id":"123","time":1,"messaging":[{"sender":{"id":"PSID1"},"recipient":{"id":"123"},"timestamp":1,"message":{"mid":"m_1","text":"Đường ngập nước\nở khu phố 3"}}]}]})";
  const std::string sig = "sha256=23bdb45fff17e34bec853fabb37b8544688fe486bfba296d3f0416177f1463bb";
  // Not connected yet: 404; only an administrator connects.
  EXPECT_EQ(KindOfError([&] { fb_->Webhook("facebook", "C1", body, sig); }), ErrorKind::kNotFound);
  EXPECT_EQ(KindOfError([&] { fb_->PutChannel(desk_, "C1", "facebook", "", "fb-secret"); }), ErrorKind::kForbidden);
  fb_->PutChannel(admin_, "C1", "facebook", "", "fb-secret");
  static const db::Query count{"test_feedback_count", "SELECT count(*) FROM feedback_items"};
  auto items = [&] { return db_->read([&](db::Conn& c) { return c.query_one(count)->i64(0); }); };
  // Forged: 401, nothing stored.
  EXPECT_EQ(KindOfError([&] { fb_->Webhook("facebook", "C1", body, "sha256=" + std::string(64, '0')); }),
            ErrorKind::kUnauthorized);
  EXPECT_EQ(KindOfError([&] { fb_->Webhook("facebook", "C1", body + " ", sig); }), ErrorKind::kUnauthorized);
  EXPECT_EQ(items(), 0);
  auto r = fb_->Webhook("facebook", "C1", body, sig);
  EXPECT_EQ(r.created, 1);
  ASSERT_EQ(r.codes.size(), 1u);
  auto d = fb_->Get(desk_, r.codes[0]);
  EXPECT_EQ(d.item.channel, "facebook");
  EXPECT_EQ(d.item.title, "Đường ngập nước");
  EXPECT_EQ(d.item.content, "Đường ngập nước\nở khu phố 3");
  // The platform retries: the same message is not taken twice.
  auto again = fb_->Webhook("facebook", "C1", body, sig);
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.duplicates, 1);
  EXPECT_EQ(items(), 1);
  // One delivery holding a new message twice, and the old one: one item more.
  const std::string twice =
      R"({"object":"page","entry":[{"id":"123","time":2,"messaging":[)"
      R"({"sender":{"id":"PSID2"},"recipient":{"id":"123"},"timestamp":2,"message":{"mid":"m_2","text":"Cây đổ"}},)"
      R"({"sender":{"id":"PSID2"},"recipient":{"id":"123"},"timestamp":2,"message":{"mid":"m_2","text":"Cây đổ"}},)"
      R"({"sender":{"id":"PSID1"},"recipient":{"id":"123"},"timestamp":1,"message":{"mid":"m_1","text":"Đường ngập nước"}}]}]})";
  auto mixed = fb_->Webhook("facebook", "C1", twice, "sha256=" + auth::HmacSha256Hex(twice, "fb-secret"));
  EXPECT_EQ(mixed.created, 1);
  EXPECT_EQ(mixed.duplicates, 2);
  EXPECT_EQ(items(), 2);
}

TEST_P(FeedbackServiceTest, ACitizenWhoWroteToTheZaloOaIsAnsweredInThatChat) {
  const std::string body =
      R"({"app_id":"app1","event_name":"user_send_text","timestamp":"1700000000000","sender":{"id":"U1"},)"
      R"("recipient":{"id":"OA1"},"message":{"msg_id":"z1","text":"Cống bị tắc"}})";
  fb_->PutChannel(admin_, "C1", "zalo", "app1", "oa-secret");
  const std::string mac = "mac=" + auth::Sha256Hex("app1" + body + "1700000000000" + "oa-secret");
  auto r = fb_->Webhook("zalo", "C1", body, mac);
  ASSERT_EQ(r.codes.size(), 1u);
  const std::string code = r.codes[0];
  EXPECT_TRUE(fb_->Get(desk_, code).item.person.empty());  // no phone, no e-mail: only the chat
  Do(specialist_, code, Action::kDraftReply, "Đã thông cống.");
  Do(leader_, code, Action::kApproveReply);
  static const db::Query q{"test_outbox_zalo", "SELECT event, channel_pref, zalo_user_id, phone FROM outbox"};
  auto rows = db_->read([&](db::Conn& c) { return c.query(q); });
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text(0), "feedback_reply");
  EXPECT_EQ(rows[0].text(1), "zalo");
  EXPECT_EQ(rows[0].text(2), "U1");
  EXPECT_EQ(rows[0].text(3), "");
}

TEST_P(FeedbackServiceTest, ACitizenWhoWroteToTheFacebookPageIsAnsweredInMessenger) {
  // The body and signature of webhook_test.cpp (computed with Python's hmac).
  const std::string body =
      R"({"object":"page","entry":[{"id":"123","time":1,"messaging":[{"sender":{"id":"PSID1"},"recipient":{"id":"123"},"timestamp":1,"message":{"mid":"m_1","text":"Đường ngập nước\nở khu phố 3"}}]}]})";
  fb_->PutChannel(admin_, "C1", "facebook", "", "fb-secret");
  auto r =
      fb_->Webhook("facebook", "C1", body, "sha256=23bdb45fff17e34bec853fabb37b8544688fe486bfba296d3f0416177f1463bb");
  ASSERT_EQ(r.codes.size(), 1u);
  const std::string code = r.codes[0];
  Do(specialist_, code, Action::kDraftReply, "Đã khơi thông cống.");
  Do(leader_, code, Action::kApproveReply);
  static const db::Query q{"test_outbox_facebook",
                           "SELECT event, channel_pref, facebook_user_id, zalo_user_id, phone, email FROM outbox"};
  auto rows = db_->read([&](db::Conn& c) { return c.query(q); });
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text(0), "feedback_reply");
  EXPECT_EQ(rows[0].text(1), "facebook");
  EXPECT_EQ(rows[0].text(2), "PSID1");
  EXPECT_EQ(rows[0].text(3), "");
  EXPECT_EQ(rows[0].text(4), "");
  EXPECT_EQ(rows[0].text(5), "");
}

FG_BOTH_BACKENDS(FeedbackServiceTest);

}  // namespace
}  // namespace fg::feedback
