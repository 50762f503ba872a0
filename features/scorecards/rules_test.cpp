// Scorecard rules: points parsing and steps, each computed rule with its
// expected points worked out by hand in the comments, roll-up, recognition,
// ranking with ties and the minimum-volume guard, gaps, set checks, and the
// three shipped templates.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <sstream>

#include "features/scorecards/json.h"
#include "features/scorecards/lines.h"
#include "features/scorecards/rules.h"
#include "platform/errors.h"
#include "platform/source_dir.h"
#include "tests/support/test_db.h"

namespace fg::scorecards {
namespace {

std::string KeyOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const AppError& e) {
    return e.key();
  }
  return "";
}

Criterion Manual(std::string key, Points max, Points step = 25) {
  Criterion c;
  c.key = std::move(key);
  c.title = "Tiêu chí " + c.key;
  c.max = max;
  c.step = step;
  return c;
}

Criterion Computed(std::string key, Points max, Rule r, std::string indicator = "on_time_rate") {
  Criterion c = Manual(std::move(key), max);
  c.method = Method::kIndicator;
  c.indicator = std::move(indicator);
  c.rule = std::move(r);
  return c;
}

Criterion Parent(std::string key, std::vector<Criterion> children) {
  Criterion c = Manual(std::move(key), 0);
  for (auto& ch : children) c.max += ch.max;
  c.children = std::move(children);
  return c;
}

Rule Target(int64_t bp) { return Rule{RuleKind::kTarget, bp, {}, 0, 0}; }

std::vector<std::string> Fields(const AppError& e) {
  std::vector<std::string> out;
  for (auto& p : e.problems()) out.push_back(p.field);
  return out;
}

TEST(ScorecardsRules, PointsParseBothDecimalMarksAndAtMostTwoDecimals) {
  EXPECT_EQ(ParsePoints("p", "14"), 1400);
  EXPECT_EQ(ParsePoints("p", "1,25"), 125);
  EXPECT_EQ(ParsePoints("p", " 1.5 "), 150);
  EXPECT_EQ(ParsePoints("p", "0,05"), 5);
  for (const char* bad : {"", "-1", "1,", ",5", "1,255", "1e2", "abc", "1.2.3"}) {
    try {
      ParsePoints("p", bad);
      ADD_FAILURE() << bad;
    } catch (const AppError& e) {
      EXPECT_EQ(e.key(), "scorecards.points_format") << bad;
      EXPECT_EQ(e.field(), "p");
    }
  }
}

TEST(ScorecardsRules, FormatPointsUsesDecimalCommaWithoutTrailingZeros) {
  EXPECT_EQ(FormatPoints(1400), "14");
  EXPECT_EQ(FormatPoints(1950), "19,5");
  EXPECT_EQ(FormatPoints(125), "1,25");
  EXPECT_EQ(FormatPoints(5), "0,05");
  EXPECT_EQ(FormatPoints(0), "0");
}

TEST(ScorecardsRules, EnteredPointsKeepStepAndMaximum) {
  Criterion c = Manual("1.1", 200, 25);  // max 2, step 0.25
  EXPECT_EQ(EnteredPoints(c, "f", "1,75"), 175);
  EXPECT_EQ(EnteredPoints(c, "f", "2"), 200);
  EXPECT_EQ(EnteredPoints(c, "f", "0"), 0);
  try {
    EnteredPoints(c, "f", "2,25");
    ADD_FAILURE();
  } catch (const AppError& e) {
    EXPECT_EQ(e.key(), "scorecards.points_max");
    EXPECT_EQ(e.args().at("max"), "2");
  }
  try {
    EnteredPoints(c, "f", "1,1");  // 110 is not a multiple of 25
    ADD_FAILURE();
  } catch (const AppError& e) {
    EXPECT_EQ(e.key(), "scorecards.points_step");
    EXPECT_EQ(e.args().at("step"), "0,25");
  }
  Criterion half = Manual("x", 300, 50);
  EXPECT_EQ(EnteredPoints(half, "f", "2.5"), 250);
  EXPECT_THROW(EnteredPoints(half, "f", "2,25"), AppError);
}

TEST(ScorecardsRules, TargetRuleFullPointsAtTargetElseProportionalRoundedHalfUp) {
  Criterion c = Computed("t", 300, Target(9800));  // 3 points, target 98%
  // 98 of 100 reaches the target exactly: 3 points.
  EXPECT_EQ(ComputedPoints(c, {98, 100}), 300);
  EXPECT_EQ(ComputedPoints(c, {100, 100}), 300);
  // 90 of 100: 0.90 x 300 / 0.98 = 275.51...: 276 hundredths.
  EXPECT_EQ(ComputedPoints(c, {90, 100}), 276);
  // 49 of 100: 0.49 x 300 / 0.98 = 150 exactly.
  EXPECT_EQ(ComputedPoints(c, {49, 100}), 150);
  // 1 of 3 on 20 points at target 100%: 2000 / 3 = 666.67: 667.
  Criterion q = Computed("q", 2000, Target(10000));
  EXPECT_EQ(ComputedPoints(q, {1, 3}), 667);
  // Half up: 1 of 8 on 1 point at 100% = 12.5 hundredths: 13.
  EXPECT_EQ(ComputedPoints(Computed("h", 100, Target(10000)), {1, 8}), 13);
  EXPECT_EQ(ComputedPoints(c, {0, 0}), 0);
}

TEST(ScorecardsRules, BandsRuleTakesHighestBandReachedExactly) {
  Rule r{RuleKind::kBands, 0, {{8000, 100}, {9000, 200}, {9500, 300}}, 0, 0};
  Criterion c = Computed("b", 300, r, "satisfaction_share");
  EXPECT_EQ(ComputedPoints(c, {79, 100}), 0);
  EXPECT_EQ(ComputedPoints(c, {80, 100}), 100);
  // 899 of 1000 = 89.9%: still the 80% band.
  EXPECT_EQ(ComputedPoints(c, {899, 1000}), 100);
  EXPECT_EQ(ComputedPoints(c, {9, 10}), 200);
  // 19 of 20 = 95% exactly: the top band.
  EXPECT_EQ(ComputedPoints(c, {19, 20}), 300);
}

TEST(ScorecardsRules, PenaltyRuleSubtractsPerOccurrenceDownToFloor) {
  Rule r{RuleKind::kPenalty, 0, {}, 50, 50};  // 0.5 each, floor 0.5
  Criterion c = Computed("p", 300, r, "late_count");
  EXPECT_EQ(ComputedPoints(c, {0, 500}), 300);
  EXPECT_EQ(ComputedPoints(c, {3, 500}), 150);  // 3 - 1.5
  EXPECT_EQ(ComputedPoints(c, {5, 500}), 50);   // 3 - 2.5 = 0.5, the floor
  EXPECT_EQ(ComputedPoints(c, {40, 500}), 50);
}

CriteriaSet Small() {
  CriteriaSet s;
  s.code = "small";
  s.name = "Bộ thử";
  s.min_volume = 30;
  s.recognition.min_total = 800;  // 8 of 10
  s.recognition.min_share_bp = 5000;
  s.recognition.disqualifiers = {{"ky_luat", "Bị kỷ luật"}};
  // 1 (6 points): 1.1 manual 2; 1.2 (4): 1.2.1 manual 1, 1.2.2 on-time 3 at 98%.
  // 2 (4 points): 2.1 penalty on late dossiers, 0.5 each.
  s.criteria = {
      Parent("1", {Manual("1.1", 200), Parent("1.2", {Manual("1.2.1", 100), Computed("1.2.2", 300, Target(9800))})}),
      Parent("2", {Computed("2.1", 400, Rule{RuleKind::kPenalty, 0, {}, 50, 0}, "late_count")})};
  return s;
}

TEST(ScorecardsRules, ScoresRollUpAsExactSumsOfRoundedLeaves) {
  auto s = ValidateSet(Small());
  // 1.1 = 1.75; 1.2.1 = 0.5; 1.2.2: 45 of 50 = 0.9 x 300 / 0.98 = 275.51: 276;
  // 2.1: 3 late: 4 - 1.5 = 2.5. 1.2 = 0.5 + 2.76 = 3.26; 1 = 1.75 + 3.26 = 5.01; total 7.51.
  auto sc = ScoreSet(s, {{"1.1", 175}, {"1.2.1", 50}}, {{"1.2.2", {45, 50}}, {"2.1", {3, 50}}});
  EXPECT_EQ(sc.points.at("1.2.2"), 276);
  EXPECT_EQ(sc.points.at("1.2"), 326);
  EXPECT_EQ(sc.points.at("1"), 501);
  EXPECT_EQ(sc.points.at("2"), 250);
  EXPECT_EQ(sc.total, 751);
  EXPECT_EQ(sc.max_total, 1000);
  EXPECT_FALSE(sc.below_minimum);
  ASSERT_TRUE(sc.lines.at("1.2.2").raw);
  EXPECT_EQ(sc.lines.at("1.2.2").raw->count, 45);
  EXPECT_FALSE(sc.lines.at("1.1").raw);
}

TEST(ScorecardsRules, ComputedLineBelowMinimumVolumeIsNotScored) {
  auto s = ValidateSet(Small());
  // One dossier done on time would score full points; 1 < 30: not scored, marked.
  auto sc = ScoreSet(s, {}, {{"1.2.2", {1, 1}}, {"2.1", {0, 50}}});
  EXPECT_EQ(sc.points.at("1.2.2"), 0);
  EXPECT_TRUE(sc.lines.at("1.2.2").below_minimum);
  EXPECT_TRUE(sc.below_minimum);
  EXPECT_EQ(sc.points.at("2.1"), 400);
  // A line's own minimum overrides the set's.
  s.criteria[0].children[1].children[1].min_volume = 1;
  auto sc2 = ScoreSet(s, {}, {{"1.2.2", {1, 1}}, {"2.1", {0, 50}}});
  EXPECT_EQ(sc2.points.at("1.2.2"), 300);
  EXPECT_FALSE(sc2.below_minimum);
  // No data at all counts as volume 0.
  EXPECT_TRUE(ScoreSet(s, {}, {}).lines.at("2.1").below_minimum);
}

TEST(ScorecardsRules, RecognitionNeedsTotalEachCriterionShareAndNoDisqualifier) {
  auto s = ValidateSet(Small());
  // 1 = 2 + 1 + 3 = 6 (100%); 2 = 4 - 0 = 4: total 10.
  auto full = ScoreSet(s, {{"1.1", 200}, {"1.2.1", 100}}, {{"1.2.2", {50, 50}}, {"2.1", {0, 50}}});
  auto r = Recognise(s, full, {});
  EXPECT_TRUE(r.recognised);
  auto dq = Recognise(s, full, {"ky_luat", "unknown"});
  EXPECT_FALSE(dq.recognised);
  EXPECT_EQ(dq.disqualified_by, std::vector<std::string>{"ky_luat"});
  // 2.1 with 5 late: 4 - 2.5 = 1.5 < half of 4; total 6 + 1.5 = 7.5 < 8.
  auto weak = ScoreSet(s, {{"1.1", 200}, {"1.2.1", 100}}, {{"1.2.2", {50, 50}}, {"2.1", {5, 50}}});
  auto rw = Recognise(s, weak, {});
  EXPECT_FALSE(rw.recognised);
  EXPECT_FALSE(rw.total_ok);
  EXPECT_EQ(rw.weak_criteria, std::vector<std::string>{"2"});
  // Exactly half (2 of 4) passes the share: 4 late.
  auto half = ScoreSet(s, {{"1.1", 200}, {"1.2.1", 100}}, {{"1.2.2", {50, 50}}, {"2.1", {4, 50}}});
  auto rh = Recognise(s, half, {});
  EXPECT_TRUE(rh.weak_criteria.empty());
  EXPECT_TRUE(rh.total_ok);  // 6 + 2 = 8, the minimum
  EXPECT_TRUE(rh.recognised);
}

TEST(ScorecardsRules, RankingSharesRanksOnTiesSkipsNextAndPutsLowVolumeLast) {
  auto out = Rank({{1, "Xã Tân Lập", 9015, false},
                   {2, "Phường An Lộc", 9415, false},
                   {3, "Xã Bình Long", 9015, false},
                   {4, "Xã Đồng Nơ", 9900, true},
                   {5, "Xã Minh Hưng", 8000, false},
                   {6, "Xã An Khương", 9015, false}});
  ASSERT_EQ(out.size(), 6u);
  EXPECT_EQ(out[0].entry.unit_id, 2);
  EXPECT_EQ(out[0].rank, 1);
  EXPECT_FALSE(out[0].tied);
  // Three at 90.15 share rank 2, listed by folded name: An Khương, Bình Long, Tân Lập.
  EXPECT_EQ(out[1].entry.unit_id, 6);
  EXPECT_EQ(out[2].entry.unit_id, 3);
  EXPECT_EQ(out[3].entry.unit_id, 1);
  for (int i = 1; i <= 3; ++i) {
    EXPECT_EQ(out[i].rank, 2);
    EXPECT_TRUE(out[i].tied);
  }
  // The next rank skips to 5.
  EXPECT_EQ(out[4].entry.unit_id, 5);
  EXPECT_EQ(out[4].rank, 5);
  EXPECT_FALSE(out[4].tied);
  // 99 points on too few dossiers does not top the ranking: unranked, last.
  EXPECT_EQ(out[5].entry.unit_id, 4);
  EXPECT_EQ(out[5].rank, 0);
}

// A draft due 12/03 is reminded "soon" from 09/03 (3 days before) to 12/03,
// "overdue" from 13/03; submitted, the appraisal's deadline counts; locked, none.
TEST(ScorecardsRules, RemindersSoonFromThreeDaysBeforeAndOverdueAfter) {
  Assessment a;
  a.state = State::kDraft;
  a.self_due = "2026-03-12";
  a.appraisal_due = "2026-03-20";
  auto kinds = [&](const std::string& today) {
    std::string out;
    for (const auto& r : DueReminders(a, today)) out += r.step + ":" + r.kind + ":" + r.due;
    return out;
  };
  EXPECT_EQ(kinds("2026-03-08"), "");
  EXPECT_EQ(kinds("2026-03-09"), "self:soon:2026-03-12");
  EXPECT_EQ(kinds("2026-03-12"), "self:soon:2026-03-12");
  EXPECT_EQ(kinds("2026-03-13"), "self:overdue:2026-03-12");
  a.state = State::kReturned;
  EXPECT_EQ(kinds("2026-04-01"), "self:overdue:2026-03-12");
  a.state = State::kSubmitted;
  EXPECT_EQ(kinds("2026-03-13"), "");
  EXPECT_EQ(kinds("2026-03-17"), "appraisal:soon:2026-03-20");
  EXPECT_EQ(kinds("2026-03-21"), "appraisal:overdue:2026-03-20");
  a.appraisal_due = "";
  EXPECT_EQ(kinds("2026-03-21"), "");
  a.state = State::kLocked;
  a.appraisal_due = "2026-03-20";
  EXPECT_EQ(kinds("2026-03-21"), "");
}

TEST(ScorecardsRules, DeadlinesAreDatesInOrderAndAllProblemsAreReported) {
  EXPECT_NO_THROW(CheckDeadlines("", ""));
  EXPECT_NO_THROW(CheckDeadlines("2026-03-12", "2026-03-12"));
  try {
    CheckDeadlines("2026-02-30", "mai");
    FAIL();
  } catch (const AppError& e) {
    ASSERT_EQ(e.problems().size(), 2u);
    EXPECT_EQ(e.problems()[0].field, "self_due");
    EXPECT_EQ(e.problems()[1].field, "appraisal_due");
  }
  try {
    CheckDeadlines("2026-03-12", "2026-03-11");
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.key(), "scorecards.deadline_order");
    EXPECT_EQ(e.field(), "appraisal_due");
  }
}

TEST(ScorecardsRules, CommitmentsAreParsedWithEveryProblemAtOnce) {
  auto k = ParseCommitment("on_time_rate", "2026", "97,5", " Rà soát hằng tuần ");
  EXPECT_EQ(k.year, 2026);
  EXPECT_EQ(k.target, 9750);  // basis points
  EXPECT_EQ(k.note, "Rà soát hằng tuần");
  EXPECT_EQ(ParseCommitment("late_count", "2026", "5", "").target, 5);
  try {
    ParseCommitment("so_ho_so", "26", "abc", "");
    FAIL();
  } catch (const AppError& e) {
    std::vector<std::string> fields;
    for (const auto& p : e.problems()) fields.push_back(p.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"indicator", "year", "target"}));
  }
  EXPECT_EQ(KeyOf([] { ParseCommitment("on_time_rate", "2026", "100,5", ""); }), "scorecards.commitment_rate");
  EXPECT_EQ(KeyOf([] { ParseCommitment("late_count", "2026", "2,5", ""); }), "scorecards.commitment_count");
  EXPECT_EQ(KeyOf([] { ParseCommitment("late_count", "1999", "2", ""); }), "scorecards.commitment_year");
}

// 98% of 50 is 49: met at 49, not at 48; at most 5 late: met at 5, not at 6;
// a rate without volume is not measured; letters at least 10.
TEST(ScorecardsRules, CommitmentProgressIsExact) {
  auto commit = [](const char* indicator, int64_t target) {
    Commitment k;
    k.year = 2026;
    k.indicator = indicator;
    k.target = target;
    return k;
  };
  const Commitment rate = commit("on_time_rate", 9800);
  EXPECT_TRUE(ProgressOf(rate, IndicatorValue{49, 50}).met);
  EXPECT_FALSE(ProgressOf(rate, IndicatorValue{48, 50}).met);
  EXPECT_FALSE(ProgressOf(rate, IndicatorValue{0, 0}).measured);
  EXPECT_FALSE(ProgressOf(rate, std::nullopt).measured);
  const Commitment late = commit("late_count", 5);
  EXPECT_EQ(ProgressOf(late, IndicatorValue{5, 900}).goal, Goal::kAtMost);
  EXPECT_TRUE(ProgressOf(late, IndicatorValue{5, 900}).met);
  EXPECT_FALSE(ProgressOf(late, IndicatorValue{6, 900}).met);
  EXPECT_TRUE(ProgressOf(late, IndicatorValue{0, 0}).measured);  // no dossier late yet: met
  const Commitment letters = commit("letters_sent", 10);
  EXPECT_FALSE(ProgressOf(letters, IndicatorValue{9, 900}).met);
  EXPECT_TRUE(ProgressOf(letters, IndicatorValue{10, 900}).met);
}

TEST(ScorecardsRules, GapsListLargestFirstWithoutFullLines) {
  auto s = ValidateSet(Small());
  auto sc = ScoreSet(s, {{"1.1", 200}, {"1.2.1", 25}}, {{"1.2.2", {45, 50}}, {"2.1", {3, 50}}});
  // Gaps: 1.1 0; 1.2.1 0.75; 1.2.2 3 - 2.76 = 0.24; 2.1 4 - 2.5 = 1.5.
  auto g = Gaps(s, sc, 2);
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0].key, "2.1");
  EXPECT_EQ(g[0].gap(), 150);
  EXPECT_EQ(g[1].key, "1.2.1");
  EXPECT_EQ(g[1].gap(), 75);
  EXPECT_EQ(Gaps(s, sc, 10).size(), 3u);
}

TEST(ScorecardsRules, ValidateSetReportsEveryProblemAtOnce) {
  CriteriaSet s = Small();
  s.code = "Bad Code";
  s.name = " ";
  s.criteria[0].max = 700;                                   // children sum to 6
  s.criteria[0].children[0].step = 0;                        // step must be > 0
  s.criteria[0].children[1].children[0].key = "1.1";         // duplicate
  s.criteria[0].children[1].children[1].indicator = "nope";  // unknown
  s.criteria[1].children[0].rule.floor = 500;                // above max 4
  s.recognition.min_total = 2000;                            // above 10
  try {
    ValidateSet(s);
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(Fields(e), (std::vector<std::string>{"code", "name", "criteria[0].max", "criteria[0].children[0].step",
                                                   "criteria[0].children[1].children[0].key",
                                                   "criteria[0].children[1].children[1].indicator",
                                                   "criteria[1].children[0].rule.floor", "recognition.min_total"}));
  }
}

TEST(ScorecardsRules, ValidateSetChecksBands) {
  CriteriaSet s = Small();
  s.criteria[1].children[0].rule = Rule{RuleKind::kBands, 0, {{9000, 100}, {8000, 500}}, 0, 0};
  try {
    ValidateSet(s);
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(Fields(e), (std::vector<std::string>{"criteria[1].children[0].rule.bands[1].from",
                                                   "criteria[1].children[0].rule.bands[1].points"}));
  }
}

TEST(ScorecardsRules, JsonRoundTripKeepsTheTree) {
  auto s = ValidateSet(Small());
  s.criteria[1].children[0].guidance = "Trừ 0,5 điểm mỗi hồ sơ.";
  auto back = ValidateSet(SetFromJson(ToJson(s).as_object()));
  EXPECT_EQ(boost::json::serialize(ToJson(back)), boost::json::serialize(ToJson(s)));
  EXPECT_EQ(back.criteria[0].children[1].children[1].rule.target_bp, 9800);
  EXPECT_EQ(back.criteria[1].children[0].rule.per, 50);
}

TEST(ScorecardsRules, JsonNamesTheFieldOfAWrongType) {
  try {
    SetFromJsonText(R"({"code":"x","name":"X","criteria":[{"key":"1","title":"A","max":"một"}]})");
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.field(), "criteria[0].max");
  }
  try {
    SetFromJsonText(R"({"code":"x","criteria":[{"key":"1","title":"A","max":1.234}]})");
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.key(), "scorecards.points_format");
  }
  EXPECT_THROW(SetFromJsonText("[1]"), AppError);
}

TEST(ScorecardsRules, JsonRefusesAnUnknownKeyNamingIt) {
  auto field_of = [](const std::string& text) {
    try {
      SetFromJsonText(text);
    } catch (const AppError& e) {
      EXPECT_EQ(e.key(), "scorecards.json_unknown");
      return e.field();
    }
    return std::string("(accepted)");
  };
  EXPECT_EQ(field_of(R"({"code":"x","name":"X","criteria":[{"key":"1","title":"A","max_points":10}]})"),
            "criteria[0].max_points");
  EXPECT_EQ(field_of(R"({"code":"x","name":"X","criteria":[{"key":"1","title":"A","max":10,"children":[)"
                     R"({"key":"1.1","title":"B","max":10,"method":"indicator","indicator":"on_time",)"
                     R"("rule":{"kind":"bands","bands":[{"from_percent":90,"point":10}]}}]}]})"),
            "criteria[0].children[0].rule.bands[0].point");
  EXPECT_EQ(field_of(R"({"code":"x","name":"X","recognition":{"min_total":80,"min_score":1},"criteria":[]})"),
            "recognition.min_score");
  EXPECT_EQ(field_of(R"({"code":"x","name":"X","nam":"Y","criteria":[]})"), "nam");
  // What an export adds for reading is accepted back.
  auto s = ValidateSet(Small());
  s.id = 7;
  s.version = 3;
  auto exported = ToJson(s).as_object();
  ASSERT_TRUE(exported.contains("max_total"));
  ASSERT_TRUE(exported.contains("frozen"));
  EXPECT_EQ(SetFromJson(exported).criteria.size(), s.criteria.size());
}

CriteriaSet Shipped(const std::string& name) {
  std::ifstream in(std::string(FG_SOURCE_DIR) + "/features/scorecards/sets/" + name + ".json");
  std::stringstream ss;
  ss << in.rdbuf();
  return ValidateSet(SetFromJsonText(ss.str()));
}

TEST(ScorecardsTemplates, FriendlyGovernmentHasFiveCriteriaThirtyNineLinesAndHundredPoints) {
  auto s = Shipped("cqtt");
  EXPECT_TRUE(s.sample);
  ASSERT_EQ(s.criteria.size(), 5u);
  std::vector<size_t> counts;
  for (auto& c : s.criteria) counts.push_back(c.children.size());
  EXPECT_EQ(counts, (std::vector<size_t>{14, 9, 6, 5, 5}));
  EXPECT_EQ(Leaves(s).size(), 39u);
  Points total = 0, survey = 0;
  for (auto* l : Leaves(s)) {
    total += l->max;
    if (l->method == Method::kSurvey) survey += l->max;
  }
  EXPECT_EQ(total, 10000);
  EXPECT_EQ(survey, 1950);  // 19.5 points from the sociological survey
  EXPECT_EQ(s.recognition.min_total, 8000);
}

TEST(ScorecardsTemplates, ParIndexHasEightFieldsAndServiceQualitySixGroups) {
  auto par = Shipped("par-index");
  EXPECT_EQ(par.criteria.size(), 8u);
  auto q = Shipped("chi-so-766");
  ASSERT_EQ(q.criteria.size(), 6u);
  // Publicity 18, timeliness 20, online service 12, online payment 10, satisfaction 18, digitisation 22.
  std::vector<Points> maxes;
  for (auto& c : q.criteria) maxes.push_back(c.max);
  EXPECT_EQ(maxes, (std::vector<Points>{1800, 2000, 1200, 1000, 1800, 2200}));
  // Timeliness from live data: 950 of 1000 on time = 95% x 20 = 19 points.
  auto sc = ScoreSet(q, {}, {{"2.1", {950, 1000}}});
  EXPECT_EQ(sc.points.at("2"), 1900);
}

}  // namespace
}  // namespace fg::scorecards

#include "features/scorecards/chart.h"

namespace fg::scorecards {
namespace {

TEST(ScorecardsChart, BarsScaleToTheSetMaximumWithPointsAndEscapedNames) {
  auto svg =
      RankingChartSvg({{"1. Xã <A>", 10000}, {"2. Xã B", 5000}, {"3. Xã C", 0}}, 10000, "Xếp hạng", "Mô tả", "Chưa có");
  // The full score takes 75% of the width, half of it 37.5%; no bar for 0.
  EXPECT_NE(svg.find("width=\"75.000%\""), std::string::npos);
  EXPECT_NE(svg.find("width=\"37.500%\""), std::string::npos);
  EXPECT_NE(svg.find(">100<"), std::string::npos);
  EXPECT_NE(svg.find(">50<"), std::string::npos);
  EXPECT_NE(svg.find("Xã &lt;A&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("<A>"), std::string::npos);
  size_t rects = 0;
  for (size_t at = svg.find("<rect"); at != std::string::npos; at = svg.find("<rect", at + 1)) ++rects;
  EXPECT_EQ(rects, 2u);
  EXPECT_EQ(RankingChartSvg({}, 10000, "t", "d", "Chưa có"), "<p class=\"chart-empty\">Chưa có</p>");
}

}  // namespace
}  // namespace fg::scorecards

namespace fg::scorecards {
namespace {

TEST(ScorecardsEvidence, TypeComesFromTheContentNotTheName) {
  EXPECT_EQ(SniffEvidenceType("%PDF-1.7\n..."), "application/pdf");
  EXPECT_EQ(SniffEvidenceType(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), "image/png");
  EXPECT_EQ(SniffEvidenceType("\xFF\xD8\xFF\xE0\0\x10JFIF"), "image/jpeg");
  std::string docx = std::string("PK\x03\x04", 4) + std::string(26, '\0') + "word/document.xml";
  EXPECT_EQ(SniffEvidenceType(docx), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  std::string xlsx = std::string("PK\x03\x04", 4) + std::string(26, '\0') + "xl/workbook.xml";
  EXPECT_EQ(SniffEvidenceType(xlsx), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  // A plain ZIP, an executable, HTML, a PNG signature cut short: refused.
  EXPECT_FALSE(SniffEvidenceType(std::string("PK\x03\x04", 4) + "other.txt"));
  EXPECT_FALSE(SniffEvidenceType("MZ\x90\0"));
  EXPECT_FALSE(SniffEvidenceType("<html><script>"));
  EXPECT_FALSE(SniffEvidenceType("\x89PNG"));
  EXPECT_FALSE(SniffEvidenceType(""));
}

}  // namespace
}  // namespace fg::scorecards

namespace fg::scorecards {
namespace {

using fg::testing::ProblemsOf;

// ---- the tree as rows (lines.h) ----
TEST(ScorecardsLines, EveryShippedSetRoundTripsThroughRows) {
  for (const char* name : {"cqtt", "par-index", "chi-so-766"}) {
    SCOPED_TRACE(name);
    auto s = Shipped(name);
    auto rows = RowsOf(s.criteria);
    EXPECT_EQ(ToJson(WithRows(s, rows)), ToJson(s));
  }
}

LineRow Row(std::string key, std::string parent, std::string title, std::string max = "") {
  LineRow r;
  r.key = std::move(key);
  r.parent = std::move(parent);
  r.title = std::move(title);
  r.max = std::move(max);
  return r;
}

TEST(ScorecardsLines, ParentsLinkRowsAndGroupsSumTheirChildren) {
  auto base = Small();
  std::vector<LineRow> rows{
      Row("1", "", "Nhóm một", "99"), Row("1.1", "1", "Dòng một", "1,5"), LineRow{},
      Row("2", "", "Nhóm hai"),       Row("1.2", "1", "Dòng hai", "2.5"), Row("2.1", "2", "Chỉ số", "3")};
  rows[1].step = "0,5";
  rows[5].method = "indicator";
  rows[5].indicator = "on_time_rate";
  rows[5].rule = "bands";
  rows[5].bands = "90%: 3; 80: 1,5";  // written in any order? no: the model wants them ascending
  base.recognition.min_total = 0;
  EXPECT_EQ(ProblemsOf([&] { WithRows(base, rows); }),
            (std::map<std::string, std::string>{{"rows[5].bands", "scorecards.band_order"}}));
  rows[5].bands = "80: 1,5; 90%: 3";
  auto s = WithRows(base, rows);
  ASSERT_EQ(s.criteria.size(), 2u);
  EXPECT_EQ(s.criteria[0].max, 400);  // 1.5 + 2.5; the typed 99 ignored
  ASSERT_EQ(s.criteria[0].children.size(), 2u);
  EXPECT_EQ(s.criteria[0].children[1].key, "1.2");
  EXPECT_EQ(s.criteria[0].children[0].step, 50);
  const auto& line = s.criteria[1].children.at(0);
  EXPECT_EQ(line.method, Method::kIndicator);
  ASSERT_EQ(line.rule.bands.size(), 2u);
  EXPECT_EQ(line.rule.bands[0].from_bp, 8000);
  EXPECT_EQ(line.rule.bands[1].points, 300);
  EXPECT_EQ(s.criteria[1].max, 300);
}

TEST(ScorecardsLines, EveryBadCellIsNamedByItsRowAtOnce) {
  std::vector<LineRow> rows{Row("1", "", "Nhóm"),     Row("1.1", "1", "Dòng", "một"), Row("1.2", "9", "Mồ côi", "1"),
                            Row("1.3", "1", "", "2"), Row("1.1", "1", "Trùng", "1"),  Row("1.5", "1", "Bước", "1")};
  rows[1].method = "tay";
  rows[5].step = "2";
  rows[5].evidence = "x";
  // Parsing problems first (max, method, parent, evidence), all at once.
  EXPECT_EQ(ProblemsOf([&] { WithRows(Small(), rows); }),
            (std::map<std::string, std::string>{{"rows[1].max", "scorecards.points_format"},
                                                {"rows[1].method", "scorecards.method_unknown"},
                                                {"rows[2].parent", "scorecards.parent_unknown"},
                                                {"rows[5].evidence", "scorecards.evidence_format"}}));
  rows[1].max = "1";
  rows[1].method = "";
  rows[2].parent = "1";
  rows[5].evidence = "yes";
  // Then the set's own checks, named by row.
  auto got = ProblemsOf([&] { WithRows(Small(), rows); });
  EXPECT_EQ(got["rows[3].title"], "error.required");
  EXPECT_EQ(got["rows[4].key"], "scorecards.key_duplicate");
  EXPECT_EQ(got["rows[5].step"], "scorecards.step_range");
  EXPECT_EQ(ProblemsOf([&] { WithRows(Small(), {LineRow{}, LineRow{}}); }).count("rows"), 1u);
}

TEST(ScorecardsLines, TooDeepAndTooManyRowsAreRefusedBeforeBuilding) {
  std::vector<LineRow> deep;
  for (int i = 0; i < 8; ++i)
    deep.push_back(Row("k" + std::to_string(i), i ? "k" + std::to_string(i - 1) : "", "T", "1"));
  EXPECT_EQ(ProblemsOf([&] { WithRows(Small(), deep); })["rows[6].parent"], "scorecards.too_deep");  // the 7th level
  std::vector<LineRow> many(kMaxNodes + 1, Row("1", "", "T", "1"));
  EXPECT_EQ(ProblemsOf([&] { WithRows(Small(), many); })["rows"], "scorecards.too_many_nodes");
}

}  // namespace
}  // namespace fg::scorecards
