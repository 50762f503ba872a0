// The feedback register through the service, on both backends: codes, legal
// deadlines with pauses and extension, the handling workflow with its outbox
// messages, the public lookup without personal data, reopening, merging,
// overdue lists and who may do what.
#include "features/feedback/service.h"

#include <gtest/gtest.h>

#include <functional>

#include "features/calendar/testing.h"
#include "features/desk/testing.h"
#include "platform/errors.h"
#include "platform/time.h"

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
  EXPECT_EQ(actions, (std::vector<std::string>{"register", "request_info", "info_received", "approve_reply", "publish"}));
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
}

FG_BOTH_BACKENDS(FeedbackServiceTest);

}  // namespace
}  // namespace fg::feedback
