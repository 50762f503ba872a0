// Campaign checks, the six-monthly repetition, the open window.
#include <gtest/gtest.h>

#include <set>

#include "features/surveys/rules.h"
#include "platform/errors.h"

namespace fg::surveys {
namespace {

CampaignInput Good() {
  CampaignInput in;
  in.name = "Khảo sát 6 tháng đầu năm 2026";
  in.questionnaire_id = 1;
  in.from = "2026-03-01";
  in.to = "2026-08-31";
  in.unit_codes = {"C1", " C2 ", "C1"};
  in.target = "400";
  in.repeat_6_months = true;
  return in;
}

TEST(SurveysCampaign, AGoodCampaign) {
  auto c = ValidateCampaign(Good(), "2026-02-20");
  EXPECT_EQ(c.unit_codes, (std::vector<std::string>{"C1", "C2"}));  // trimmed, once each
  EXPECT_EQ(c.target, 400);
  EXPECT_TRUE(IsOpen(c, "2026-03-01"));
  EXPECT_TRUE(IsOpen(c, "2026-08-31"));
  EXPECT_FALSE(IsOpen(c, "2026-09-01"));
  EXPECT_FALSE(IsOpen(c, "2026-02-28"));
}

TEST(SurveysCampaign, SixMonthsLater) {
  auto c = ValidateCampaign(Good(), "2026-02-20");
  auto n = RoundOf(c, 1);
  EXPECT_EQ(n.from, "2026-09-01");
  EXPECT_EQ(n.to, "2027-02-28");              // 31 August + 6 months: February has 28 days in 2027
  EXPECT_EQ(RoundOf(c, 2).to, "2027-08-31");  // back to the 31st, not 28/08
  auto leap = RoundOf(c, 3);
  EXPECT_EQ(leap.from, "2027-09-01");
  EXPECT_EQ(leap.to, "2028-02-29");  // 2028 is a leap year
}

TEST(SurveysCampaign, EveryProblemAtOnce) {
  CampaignInput in;
  in.from = "2026-02-30";
  in.to = "2026-13-01";
  in.target = "0";
  try {
    ValidateCampaign(in, "2026-01-01");
    FAIL() << "accepted";
  } catch (const AppError& e) {
    std::vector<std::string> fields;
    for (const auto& p : e.problems()) fields.push_back(p.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"name", "questionnaire_id", "from", "to", "units", "target"}));
  }
  auto in2 = Good();
  in2.to = "2026-02-01";  // before from
  EXPECT_THROW(ValidateCampaign(in2, "2026-01-01"), AppError);
  in2 = Good();
  in2.to = "2027-03-01";  // 366 days from 2026-03-01 is 2027-03-01: 366 days included is the limit
  EXPECT_NO_THROW(ValidateCampaign(in2, "2026-01-01"));
  in2.to = "2027-03-02";
  EXPECT_THROW(ValidateCampaign(in2, "2026-01-01"), AppError);
  in2 = Good();
  EXPECT_THROW(ValidateCampaign(in2, "2026-09-01"), AppError);  // already over
  in2 = Good();
  in2.target = "100001";
  EXPECT_THROW(ValidateCampaign(in2, "2026-01-01"), AppError);
  in2.target = "100000";
  EXPECT_EQ(ValidateCampaign(in2, "2026-01-01").target, 100000);
}

TEST(SurveysCampaign, TheRoundInForce) {
  auto c = ValidateCampaign(Good(), "2026-02-20");
  EXPECT_EQ(RoundAt(c, "2026-01-01"), 1);  // not started: still the first
  EXPECT_EQ(RoundAt(c, "2026-08-31"), 1);
  EXPECT_EQ(RoundAt(c, "2026-09-01"), 2);
  EXPECT_EQ(RoundAt(c, "2027-03-01"), 3);
  EXPECT_EQ(RoundDates(c, 3).from, "2027-03-01");
  EXPECT_EQ(RoundDates(c, 1).to, "2026-08-31");
  EXPECT_EQ(RoundAt(c, "2099-01-01"), kMaxRounds);
  c.repeat_6_months = false;
  EXPECT_EQ(RoundAt(c, "2027-03-01"), 1);
}

TEST(SurveysCampaign, WhatAResponseCounts) {
  Questionnaire q;
  q.sections = {{"A",
                 {{"l", "Mức độ", QuestionKind::kLikert, true, {}, "e"},
                  {"m", "Chọn nhiều", QuestionKind::kMultiple, false, {"x", "y", "z"}, ""},
                  {"t", "Ý kiến", QuestionKind::kText, false, {}, ""},
                  {"s", "Chọn một", QuestionKind::kSingle, false, {"x", "y"}, ""}}}};
  auto a = ValidateAnswers(q, {{"l", {"04"}}, {"m", {"0", "2"}}, {"t", {"Nhanh hơn"}}});
  using P = std::pair<std::string, std::string>;
  EXPECT_EQ(CountsOf(q, a),
            (std::vector<P>{{"*", ""}, {"l", ""}, {"l", "4"}, {"m", ""}, {"m", "0"}, {"m", "2"}, {"t", ""}}));
}

TEST(SurveysCampaign, AClosedCampaignIsNotOpenAndStartsNoFurtherRound) {
  Campaign c;
  c.from = "2026-03-01";
  c.to = "2026-08-31";
  c.repeat_6_months = true;
  EXPECT_TRUE(IsOpen(c, "2026-03-09"));
  EXPECT_EQ(RoundAt(c, "2026-09-01"), 2);
  c.closed_on = "2026-03-09";
  EXPECT_FALSE(IsOpen(c, "2026-03-09"));
  EXPECT_FALSE(IsOpen(RoundDates(c, 1), "2026-03-10"));
  EXPECT_EQ(RoundAt(c, "2026-09-01"), 1);
  // Closed in round 2: round 2 stays the last.
  c.closed_on = "2026-10-01";
  EXPECT_EQ(RoundAt(c, "2027-06-01"), 2);
}

TEST(SurveysCampaign, AnEditChecksOnlyWhatChanges) {
  Campaign c;
  c.name = "Khảo sát";
  c.from = "2026-03-01";
  c.to = "2026-08-31";
  c.target = 100;
  CampaignEdit in;
  in.to = "2026-08-31";  // unchanged: not checked, though past
  in.target = " 250 ";
  auto out = ValidateCampaignEdit(c, in, "2026-10-01");
  EXPECT_EQ(out.target, 250);
  EXPECT_EQ(out.name, "Khảo sát");
  in.to = "2026-09-30";  // changed and past
  in.target = "abc";
  in.name = "";
  try {
    ValidateCampaignEdit(c, in, "2026-10-01");
    FAIL() << "accepted";
  } catch (const AppError& e) {
    std::set<std::string> fields;
    for (const auto& p : e.problems()) fields.insert(p.field);
    EXPECT_EQ(fields, (std::set<std::string>{"name", "to", "target"}));
  }
}

}  // namespace
}  // namespace fg::surveys
