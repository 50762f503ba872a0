// Pure rules of the feedback register, with expectations worked out by hand on
// the 2026 calendar (Tết 16-20/02; March and early April without days off).
#include "features/feedback/rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "features/calendar/lunar.h"
#include "features/calendar/testing.h"
#include "platform/errors.h"
#include "platform/time.h"
#include "tests/support/images.h"

namespace fg::feedback {
namespace {

using calendar::testing::D;
Instant T(int y, unsigned m, unsigned d, int hh, int mm) { return FromLocal(D(y, m, d), (hh * 60 + mm) * 60); }

const calendar::WorkCalendar& Cal() {
  static const auto* days =
      new std::vector<calendar::DayEntry>(calendar::EffectiveDays(calendar::kFirstYear, calendar::kLastYear, {}));
  static const auto* cal = new calendar::WorkCalendar(*days, {});
  return *cal;
}

std::vector<FieldProblem> ProblemsOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const AppError& e) {
    return e.problems();
  }
  return {};
}

ItemInput Good() {
  ItemInput in;
  in.kind = "feedback";
  in.channel = "web";
  in.category = "infrastructure";
  in.unit_code = "C1";
  in.title = "Đèn đường hỏng";
  in.content = "Đèn đường ở ấp 3 tắt đã một tuần.";
  return in;
}

TEST(FeedbackNames, RoundTrip) {
  for (Kind k : kKinds) EXPECT_EQ(ParseKind(KindName(k)), k);
  for (State s : kStates) EXPECT_EQ(ParseState(StateName(s)), s);
  for (Action a : kActions) EXPECT_EQ(ParseAction(ActionName(a)), a);
  EXPECT_EQ(KindName(Kind::kComplaint), "complaint");
  EXPECT_EQ(StateName(State::kInfoRequested), "info_requested");
  EXPECT_EQ(ActionName(Action::kApproveReply), "approve_reply");
  EXPECT_FALSE(ParseKind("Complaint"));
  EXPECT_TRUE(IsChannel("zalo"));
  EXPECT_FALSE(IsChannel("fax"));
  EXPECT_TRUE(IsCategory("environment"));
  EXPECT_FALSE(IsCategory(""));
}

TEST(FeedbackLimits, PerKind) {
  EXPECT_EQ(LimitOf(Kind::kFeedback).days, 10);
  EXPECT_EQ(LimitOf(Kind::kRecommendation).days, 10);
  EXPECT_EQ(LimitOf(Kind::kComplaint).days, 30);
  EXPECT_EQ(LimitOf(Kind::kComplaint).extension_days, 15);
  EXPECT_EQ(LimitOf(Kind::kDenunciation).days, 30);
  EXPECT_EQ(LimitOf(Kind::kDenunciation).extension_days, 30);
}

TEST(FeedbackDue, WorkingDaysOnTheCalendar) {
  // Monday 09/03/2026 09:00 + 10 working days = Monday 23/03 09:00.
  EXPECT_EQ(DueOf(Cal(), Kind::kFeedback, false, false, T(2026, 3, 9, 9, 0), {})->due_at, T(2026, 3, 23, 9, 0));
  // Extended once by 10 more: Monday 06/04.
  EXPECT_EQ(DueOf(Cal(), Kind::kFeedback, true, false, T(2026, 3, 9, 9, 0), {})->due_at, T(2026, 4, 6, 9, 0));
  // A complaint, 30 working days: 10-13/3 (4), 16-20 (9), 23-27 (14), 30-31 (16), 1-3/4 (19), 6-10 (24),
  // 13-17 (29), Monday 20/04 (30).
  EXPECT_EQ(DueOf(Cal(), Kind::kComplaint, false, false, T(2026, 3, 9, 9, 0), {})->due_at, T(2026, 4, 20, 9, 0));
  // Over Tết: Wednesday 11/02 -> 12, 13 (2), 23-27 (7), 2, 3, 4/3 (10).
  EXPECT_EQ(DueOf(Cal(), Kind::kFeedback, false, false, T(2026, 2, 11, 9, 0), {})->due_at, T(2026, 3, 4, 9, 0));
}

TEST(FeedbackDue, RequestingInformationPausesTheClock) {
  // Paused Tuesday 10/03 09:00 to Thursday 12/03 09:00: two working days later.
  std::vector<calendar::Pause> p = {{T(2026, 3, 10, 9, 0), T(2026, 3, 12, 9, 0), "info"}};
  EXPECT_EQ(DueOf(Cal(), Kind::kFeedback, false, false, T(2026, 3, 9, 9, 0), p)->due_at, T(2026, 3, 25, 9, 0));
}

TEST(FeedbackDue, AnonymousDenunciationHasNoLegalLimit) {
  EXPECT_TRUE(IsAnonymousDenunciation(Kind::kDenunciation, {}));
  EXPECT_FALSE(IsAnonymousDenunciation(Kind::kDenunciation, {"Lê Văn A", "", "", ""}));
  EXPECT_FALSE(IsAnonymousDenunciation(Kind::kFeedback, {}));
  EXPECT_FALSE(DueOf(Cal(), Kind::kDenunciation, false, true, T(2026, 3, 9, 9, 0), {}).has_value());
}

TEST(FeedbackChecked, CleansAndReportsEveryProblemAtOnce) {
  auto out = Checked(Good());
  EXPECT_EQ(out.title, "Đèn đường hỏng");
  ItemInput bad;
  bad.kind = "praise";
  bad.channel = "fax";
  bad.category = "weather";
  bad.person.phone = "12";
  bad.person.email = "a@";
  bad.received_at = "yesterday";
  std::vector<std::string> fields;
  for (auto& p : ProblemsOf([&] { Checked(bad); })) fields.push_back(p.field);
  std::sort(fields.begin(), fields.end());
  EXPECT_EQ(fields, (std::vector<std::string>{"category", "channel", "content", "email", "feedback_kind",
                                              "feedback_title", "phone", "received_at", "unit_code"}));
  // No category: "other".
  auto none = Good();
  none.category = "";
  EXPECT_EQ(Checked(none).category, "other");
}

TEST(FeedbackChecked, ComplaintNeedsNameAndContact) {
  auto in = Good();
  in.kind = "complaint";
  auto problems = ProblemsOf([&] { Checked(in); });
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].key, "feedback.complaint_needs_name");
  EXPECT_EQ(problems[1].key, "feedback.complaint_needs_contact");
  in.person = {"Trần Thị Bình", "", "", "Ấp 3"};
  EXPECT_NO_THROW(Checked(in));
  // A denunciation may come without a name.
  in.kind = "denunciation";
  in.person = {};
  EXPECT_NO_THROW(Checked(in));
}

Item Of(State s) {
  Item i;
  i.state = s;
  i.due_at = "2026-03-23T02:00:00Z";
  return i;
}

TEST(FeedbackStates, AllowedTransitions) {
  EXPECT_TRUE(Allowed(Of(State::kReceived), Action::kAssign));
  EXPECT_FALSE(Allowed(Of(State::kAnswered), Action::kAssign));
  EXPECT_TRUE(Allowed(Of(State::kInProgress), Action::kRequestInfo));
  EXPECT_FALSE(Allowed(Of(State::kInfoRequested), Action::kRequestInfo));
  EXPECT_TRUE(Allowed(Of(State::kInfoRequested), Action::kInfoReceived));
  EXPECT_FALSE(Allowed(Of(State::kInfoRequested), Action::kDraftReply));
  EXPECT_TRUE(Allowed(Of(State::kAwaitingApproval), Action::kApproveReply));
  EXPECT_FALSE(Allowed(Of(State::kInProgress), Action::kApproveReply));
  EXPECT_TRUE(Allowed(Of(State::kAnswered), Action::kClose));
  EXPECT_FALSE(Allowed(Of(State::kInProgress), Action::kClose));
  EXPECT_TRUE(Allowed(Of(State::kClosed), Action::kReopen));
  EXPECT_FALSE(Allowed(Of(State::kMerged), Action::kNote));
  EXPECT_EQ(Next(State::kReceived, Action::kDraftReply), State::kAwaitingApproval);
  EXPECT_EQ(Next(State::kAwaitingApproval, Action::kReturnDraft), State::kInProgress);
  EXPECT_EQ(Next(State::kAwaitingApproval, Action::kApproveReply), State::kAnswered);
  EXPECT_EQ(Next(State::kClosed, Action::kReopen), State::kInProgress);
  EXPECT_EQ(Next(State::kInProgress, Action::kNote), State::kInProgress);
}

TEST(FeedbackStates, ExtensionOnceAndOnlyWithALimit) {
  auto i = Of(State::kInProgress);
  EXPECT_TRUE(Allowed(i, Action::kExtend));
  i.extended = true;
  EXPECT_FALSE(Allowed(i, Action::kExtend));
  auto anonymous = Of(State::kInProgress);
  anonymous.due_at = "";
  EXPECT_FALSE(Allowed(anonymous, Action::kExtend));
}

TEST(FeedbackStates, PublishOnceAnsweredAndOnlyLeadersApprove) {
  auto i = Of(State::kAnswered);
  EXPECT_TRUE(Allowed(i, Action::kPublish));
  EXPECT_FALSE(Allowed(i, Action::kUnpublish));
  i.published = true;
  EXPECT_FALSE(Allowed(i, Action::kPublish));
  EXPECT_TRUE(Allowed(i, Action::kUnpublish));
  EXPECT_FALSE(Allowed(Of(State::kInProgress), Action::kPublish));
  auto waiting = Of(State::kAwaitingApproval);
  auto officer = AllowedActions(waiting, false);
  EXPECT_EQ(std::count(officer.begin(), officer.end(), Action::kApproveReply), 0);
  auto leader = AllowedActions(waiting, true);
  EXPECT_EQ(std::count(leader.begin(), leader.end(), Action::kApproveReply), 1);
  EXPECT_EQ(std::count(leader.begin(), leader.end(), Action::kReturnDraft), 1);
}

TEST(FeedbackReopen, WithinTenWorkingDaysOfClosingAtMostTwice) {
  Item i = Of(State::kClosed);
  i.closed_at = FormatUtc(T(2026, 3, 13, 10, 0));  // Friday
  // Ten working days: 16-20/03 and 23-27/03: the last is Friday 27/03.
  EXPECT_TRUE(CanReopen(Cal(), i, T(2026, 3, 27, 16, 59)));
  EXPECT_FALSE(CanReopen(Cal(), i, T(2026, 3, 28, 8, 0)));  // Saturday: past the 10th working day
  EXPECT_FALSE(CanReopen(Cal(), i, T(2026, 3, 30, 8, 0)));  // Monday 30/03
  i.reopen_count = 2;
  EXPECT_FALSE(CanReopen(Cal(), i, T(2026, 3, 16, 9, 0)));
  Item open = Of(State::kAnswered);
  open.closed_at = i.closed_at;
  EXPECT_FALSE(CanReopen(Cal(), open, T(2026, 3, 16, 9, 0)));
  i.reopen_count = 1;
  EXPECT_EQ(ReopenUntil(Cal(), i), D(2026, 3, 27));
  EXPECT_FALSE(ReopenUntil(Cal(), open));
}

TEST(FeedbackChecked, PhotosAreCheckedByTheirContentAndCountedInLimits) {
  ItemInput in;
  in.kind = "feedback";
  in.channel = "web";
  in.unit_code = "C1";
  in.title = "Ổ gà";
  in.content = "Ổ gà trước chợ.";
  auto photo = [](std::string bytes) { return Photo{0, "", 0, 0, 0, "", std::move(bytes)}; };
  in.photos = {photo(testing::PngOf(800, 600)), photo(testing::JpegOf(4000, 3000))};
  const ItemInput ok = Checked(in);
  ASSERT_EQ(ok.photos.size(), 2u);
  EXPECT_EQ(ok.photos[0].n, 1);
  EXPECT_EQ(ok.photos[0].mime, "image/png");
  EXPECT_EQ(ok.photos[0].width, 800);
  EXPECT_EQ(ok.photos[1].mime, "image/jpeg");
  EXPECT_EQ(ok.photos[1].height, 3000);
  EXPECT_EQ(ok.photos[1].size, static_cast<int64_t>(in.photos[1].bytes.size()));
  EXPECT_EQ(ok.photos[1].sha256.size(), 64u);
  // Named .jpg or not, an SVG is not a photo; past 4 MB, or 20,000 px wide, neither. One problem for the
  // field (the first photo refused), with the form's other problems.
  std::string big = testing::JpegOf(100, 100);
  big.resize(kMaxPhotoBytes + 1, '\0');
  auto problem = [&](std::vector<Photo> photos, const std::string& title) {
    in.photos = std::move(photos);
    in.title = title;
    std::vector<std::string> keys;
    for (const auto& p : ProblemsOf([&] { Checked(in); }))
      keys.push_back(p.field + " " + p.key + (p.args.count("n") ? " " + p.args.at("n") : ""));
    return keys;
  };
  const auto png = photo(testing::PngOf(10, 10));
  auto keys = problem({photo("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), photo(big)}, "");
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].rfind("feedback_title ", 0), 0u);
  EXPECT_EQ(keys[1], "photo feedback.photo.type 1");
  EXPECT_EQ(problem({png, photo(big)}, "Ổ gà"), std::vector<std::string>{"photo feedback.photo.too_large 2"});
  EXPECT_EQ(problem({png, png, photo(testing::PngOf(20000, 10))}, "Ổ gà"),
            std::vector<std::string>{"photo feedback.photo.dimensions 3"});
  in.title = "Ổ gà";
  in.photos.assign(kMaxPhotos + 1, photo(testing::PngOf(10, 10)));
  const auto problems = ProblemsOf([&] { Checked(in); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].key, "feedback.photo.too_many");
}

TEST(FeedbackSatisfaction, RatedWhileAnsweredOrClosedWhenTheCitizenCouldReadItWithTwoLevels) {
  auto with_phone = [](State s) {
    Item i = Of(s);
    i.person.phone = "0912 345 678";
    return i;
  };
  EXPECT_TRUE(CanRateAnswer(with_phone(State::kAnswered)));
  EXPECT_TRUE(CanRateAnswer(with_phone(State::kClosed)));
  EXPECT_FALSE(CanRateAnswer(with_phone(State::kAwaitingApproval)));
  EXPECT_FALSE(CanRateAnswer(with_phone(State::kMerged)));
  // Without a phone or e-mail the answer reached the citizen only if published.
  Item anonymous = Of(State::kAnswered);
  EXPECT_FALSE(CanRateAnswer(anonymous));
  anonymous.published = true;
  EXPECT_TRUE(CanRateAnswer(anonymous));
  EXPECT_TRUE(IsSatisfactionLevel("satisfied"));
  EXPECT_TRUE(IsSatisfactionLevel("unsatisfied"));
  EXPECT_FALSE(IsSatisfactionLevel("neutral"));
  EXPECT_FALSE(IsSatisfactionLevel(""));
}

TEST(FeedbackStats, TalliesWorkedOutByHand) {
  auto item = [](const std::string& unit, const std::string& kind, const std::string& channel,
                 const std::string& received, const std::string& answered, const std::string& timeliness,
                 int64_t reopens, int64_t rated, int64_t satisfied) {
    StatsItem s;
    s.unit_code = unit;
    s.unit_name = "Xã " + unit;
    s.kind = kind;
    s.channel = channel;
    s.category = "land";
    s.received_at = received;
    s.answered_at = answered;
    s.timeliness = timeliness;
    s.reopen_count = reopens;
    s.rated = rated;
    s.satisfied = satisfied;
    return s;
  };
  const auto t = Tabulate({
      item("A", "feedback", "web", "2026-03-02T02:00:00Z", "2026-03-04T14:00:00Z", "on_time", 0, 1, 1),   // 2.5 days
      item("A", "complaint", "web", "2026-03-02T02:00:00Z", "2026-03-12T02:00:00Z", "late", 1, 2, 0),     // 10 days
      item("B", "denunciation", "hotline", "2026-03-03T02:00:00Z", "2026-03-04T02:00:00Z", "", 0, 0, 0),  // no limit
      item("B", "feedback", "zalo", "2026-03-05T02:00:00Z", "", "", 0, 0, 0),  // not answered yet
  });
  EXPECT_EQ(t.total.received, 4);
  EXPECT_EQ(t.total.answered, 3);
  EXPECT_EQ(t.total.on_time, 1);
  EXPECT_EQ(t.total.late, 1);
  EXPECT_EQ(*t.total.OnTimeRate(), 0.5);  // the denunciation without a limit counts in neither
  EXPECT_DOUBLE_EQ(*t.total.MeanHandlingDays(), (2.5 + 10 + 1) / 3);
  EXPECT_DOUBLE_EQ(*t.total.ReopenedShare(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(*t.total.SatisfiedShare(), 1.0 / 3);
  ASSERT_EQ(t.by_kind.size(), 4u);  // every kind, in the model's order
  EXPECT_EQ(t.by_kind[0].key, "feedback");
  EXPECT_EQ(t.by_kind[0].received, 2);
  EXPECT_EQ(t.by_kind[0].answered, 1);
  EXPECT_EQ(t.by_channel.size(), std::size(kChannels));
  EXPECT_EQ(t.by_channel[0].key, "web");
  EXPECT_EQ(t.by_channel[0].received, 2);
  ASSERT_EQ(t.by_unit.size(), 2u);
  EXPECT_EQ(t.by_unit[1].key, "B");
  EXPECT_EQ(t.by_unit[1].label, "Xã B");
  EXPECT_EQ(t.by_unit[1].received, 2);
  // Undefined shares stay undefined rather than 0 %.
  EXPECT_FALSE(t.by_unit[1].OnTimeRate());
  EXPECT_FALSE(t.by_unit[1].SatisfiedShare());
  EXPECT_FALSE(Tabulate({}).total.MeanHandlingDays());
}

TEST(FeedbackMerge, IntoTheOlderOpenItemOfTheSameKindAndUnit) {
  Item older = Of(State::kInProgress), newer = Of(State::kReceived);
  older.id = 1, newer.id = 2;
  older.unit_id = newer.unit_id = 7;
  EXPECT_EQ(MergeProblem(newer, older), "");
  EXPECT_EQ(MergeProblem(older, newer), "feedback.merge_into_newer");
  EXPECT_EQ(MergeProblem(newer, newer), "feedback.merge_self");
  Item other_kind = older;
  other_kind.kind = Kind::kComplaint;
  EXPECT_EQ(MergeProblem(newer, other_kind), "feedback.merge_other_kind");
  Item other_unit = older;
  other_unit.unit_id = 8;
  EXPECT_EQ(MergeProblem(newer, other_unit), "feedback.merge_other_unit");
  Item closed = older;
  closed.state = State::kClosed;
  EXPECT_EQ(MergeProblem(newer, closed), "feedback.merge_target_closed");
  Item answered = newer;
  answered.state = State::kAnswered;
  EXPECT_EQ(MergeProblem(answered, older), "feedback.merge_not_open");
}

TEST(FeedbackUrgency, OverdueDueSoonAndPaused) {
  Item i = Of(State::kInProgress);  // due 23/03 09:00
  EXPECT_EQ(UrgencyOf(i, T(2026, 3, 23, 9, 1), T(2026, 3, 24, 9, 1)), Urgency::kOverdue);
  EXPECT_EQ(UrgencyOf(i, T(2026, 3, 20, 9, 0), T(2026, 3, 23, 9, 0)), Urgency::kDueSoon);
  EXPECT_EQ(UrgencyOf(i, T(2026, 3, 19, 9, 0), T(2026, 3, 20, 9, 0)), Urgency::kNone);
  i.state = State::kInfoRequested;
  i.paused_since = FormatUtc(T(2026, 3, 20, 9, 0));
  EXPECT_EQ(UrgencyOf(i, T(2026, 3, 30, 9, 0), T(2026, 3, 31, 9, 0)), Urgency::kNone);
  i.paused_since = FormatUtc(T(2026, 3, 24, 9, 0));  // paused only after it was due
  EXPECT_EQ(UrgencyOf(i, T(2026, 3, 30, 9, 0), T(2026, 3, 31, 9, 0)), Urgency::kOverdue);
  i.state = State::kAnswered;
  EXPECT_EQ(UrgencyOf(i, T(2026, 3, 30, 9, 0), T(2026, 3, 31, 9, 0)), Urgency::kNone);
  EXPECT_EQ(TimelinessOf(Of(State::kAnswered), T(2026, 3, 23, 9, 0)), "on_time");
  EXPECT_EQ(TimelinessOf(Of(State::kAnswered), T(2026, 3, 23, 9, 1)), "late");
}

TEST(FeedbackCodes, PerUnitAndYearAndTheLookupCheck) {
  EXPECT_EQ(ItemCode("C1", 2026, 7), "GY-C1-2026-0007");
  EXPECT_EQ(ItemCode("26734", 2026, 12345), "GY-26734-2026-12345");
  EXPECT_EQ(NormalCode("  gy-c1-2026-0007 "), "GY-C1-2026-0007");
  EXPECT_EQ(PhoneLast4("0912 345 678"), "5678");
  EXPECT_EQ(PhoneLast4("+84 912 345 678"), "5678");
  EXPECT_EQ(PhoneLast4("678"), "");
  EXPECT_EQ(PhoneLast4(""), "");
  EXPECT_EQ(LookupCheck(" 5678 "), "5678");
  EXPECT_EQ(LookupCheck("ABCD EFGH"), "abcd-efgh");
  EXPECT_EQ(LookupCheck("abcdefgh"), "abcd-efgh");
  EXPECT_EQ(LookupCheck("abcd-efgh"), "abcd-efgh");
  EXPECT_EQ(LookupCheck("abc"), "abc");
}

TEST(FeedbackPersonalData, StrippedFromThePublishedAnswer) {
  Person p{"Trần Thị Bình", "0912 345 678", "binh@example.vn", "số 5 ấp 3"};
  const std::string reply =
      "Trả lời bà Trần Thị Bình (số 5 ấp 3, ĐT 0912 345 678, binh@example.vn): đã sửa đèn ngày 27.11.2026, "
      "chi phí 15.000.000 đồng. Liên hệ anh Hải 0987.654.321 hoặc hai@ubnd.gov.vn. CCCD 079123456789.";
  EXPECT_EQ(StripPersonal(reply, p, "[ẩn]"),
            "Trả lời bà [ẩn] ([ẩn], ĐT [ẩn], [ẩn]): đã sửa đèn ngày 27.11.2026, "
            "chi phí 15.000.000 đồng. Liên hệ anh Hải [ẩn] hoặc [ẩn]. CCCD [ẩn].");
  // A phone written otherwise than given, and +84.
  EXPECT_EQ(StripPersonal("gọi 0912.345.678 hoặc +84 912 345 678", p, "*"), "gọi * hoặc *");
  // A phone after a hamlet number or a date, in one run of digits; amounts kept whole.
  EXPECT_EQ(StripPersonal("Tổ 5 0987 654 321, nhà số 12", {}, "*"), "Tổ 5 *, nhà số 12");
  EXPECT_EQ(StripPersonal("ngày 27.11.2026 0912.345.678", {}, "*"), "ngày 27.11.2026 *");
  EXPECT_EQ(StripPersonal("hết 1.000.000.000 đồng, 2 000 000 000 đồng", {}, "*"),
            "hết 1.000.000.000 đồng, 2 000 000 000 đồng");
  // Nothing personal: unchanged.
  EXPECT_EQ(StripPersonal("Đã sửa xong.", {}, "*"), "Đã sửa xong.");
}

}  // namespace
}  // namespace fg::feedback
