// Pure rules of evaluations and surveys (no I/O): the criteria computed from a
// dossier's history, scoring and grading, criteria-set checks, SIPAS indexes.
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/desk/model.h"
#include "features/surveys/model.h"
#include "platform/stats/share.h"

namespace fg::surveys {

std::string_view SourceName(Source s);  // citizen | evaluator
std::optional<Source> ParseSource(std::string_view s);
std::string_view GradeName(Grade g);  // xuat_sac | tot | kha | trung_binh | yeu
inline constexpr Grade kGrades[] = {Grade::kExcellent, Grade::kGood, Grade::kFair, Grade::kAverage, Grade::kWeak};

// The grade of `total` points out of `max` (bands of the 18-point scale, a set
// with another maximum scaled to it): above 15 Xuất sắc; 12 to 15 Tốt (15 is
// graded Tốt: the bands as published leave exactly 15 ungraded); 9 to under 12
// Khá; 6 to under 9 Trung bình; under 6 Yếu.
Grade GradeOf(int64_t total, int64_t max = 18);

// The facts the computed criteria need, from a dossier's record: its
// timeliness, each finished hand-over's, the supplement requests in its
// history. Every contact of the applicant goes through the receiving unit's
// desk (intake, supplements, return), so one agency is counted.
DossierFacts FactsOf(const desk::Dossier& d, const std::vector<desk::Handover>& handovers,
                     const std::vector<desk::Entry>& entries);

// The points of a computed criterion (Criterion::compute), nullopt for an entered one.
std::optional<int64_t> Computed(std::string_view compute, const DossierFacts& f);

// Scores a dossier on `set`: computed criteria from `f`, the others from
// `entered` (text as typed, by criterion key; each required, a whole number
// 0..max). Every bad one at once (BadInput "points.<key>"). A dossier without
// a result yet cannot be evaluated (409 surveys.eval_not_finished). The
// result has no id, dossier or source yet.
Evaluation Score(const CriteriaSet& set, const DossierFacts& f, const std::map<std::string, std::string>& entered);

// Checks a criteria set a province adds (1..30 criteria, keys [a-z0-9_]{1,20}
// unique, labels 1..300 characters, a known `compute`, max 1..10, and a name);
// throws one BadInput naming every field at fault ("criteria[2].key" ...).
CriteriaSet ValidateCriteriaSet(const CriteriaSet& in);

// ---- SIPAS ----
// Answers of one Likert 1-5 question or element: counts[0] = level 1 ... counts[4] = level 5.
using Likert = std::array<int64_t, 5>;
// Satisfied + very satisfied (levels 4 and 5) over all answers, with its Wilson interval.
stats::Share ElementIndex(const Likert& counts, int64_t minimum = stats::kDefaultMinimumAnswers);
// The mean of the element indexes' values (0 when there are none).
double SipasIndex(const std::vector<stats::Share>& elements);

// ---- questionnaires ----
std::string_view KindName(QuestionKind k);  // likert | single | multiple | text
std::optional<QuestionKind> ParseKind(std::string_view s);
// Limits of a questionnaire and of an answer.
inline constexpr size_t kMaxSections = 20, kMaxQuestions = 100, kMaxOptions = 20, kMaxAnswerChars = 500;
// Checks a questionnaire (a name; 1..kMaxSections sections with a title; 1..kMaxQuestions
// questions in all, keys [a-z0-9_]{1,20} unique, text 1..500 characters, 2..kMaxOptions
// options of 1..200 characters for a choice, none otherwise; an element only on a Likert
// question, [a-z_]{1,30}); one BadInput naming every field at fault
// ("sections[1].questions[0].text" ...). Texts cleaned (NFC, trimmed).
Questionnaire ValidateQuestionnaire(const Questionnaire& in);
// Checks a response against its questionnaire: a required question answered;
// a Likert answer 1..5; a single choice one option index; a multiple choice
// distinct option indexes; a short text at most kMaxAnswerChars characters;
// no answer to an unknown question. Unanswered optional questions are left
// out. Every problem at once, fields "answers.<key>".
Answers ValidateAnswers(const Questionnaire& q, const Answers& in);
// What a response adds to the counters: per SIPAS element, the Likert levels
// of its answered questions (an element of 3 questions answered 5, 4, 2 adds
// {0, 1, 0, 1, 1}).
std::map<std::string, Likert> ElementAnswers(const Questionnaire& q, const Answers& a);

// ---- campaigns ----
inline constexpr int64_t kMaxCampaignDays = 366, kMaxTarget = 100000;
inline constexpr size_t kMaxCampaignUnits = 200;
// Checks a campaign: a name; a questionnaire; real dates, `to` not before
// `from` nor before `today`, at most kMaxCampaignDays days; 1..kMaxCampaignUnits
// distinct unit codes; a target sample size 1..kMaxTarget. Every problem at once.
Campaign ValidateCampaign(const CampaignInput& in, std::string_view today);
// Checks an edit of a campaign: a name (as created), a changed end date real,
// not before the start nor today, at most kMaxCampaignDays days from the start;
// a target 1..kMaxTarget. Every problem at once. The campaign as it would be.
Campaign ValidateCampaignEdit(const Campaign& now, const CampaignEdit& in, std::string_view today);
// The k-th repetition of a campaign (k >= 1), 6 x k months after the first
// round: counted from the first round's dates, so a period ending on the 31st
// keeps ending on the month's last day (31/08 -> 28/02 -> 31/08 -> 29/02).
Campaign RoundOf(const Campaign& first, int k);
// Whether a response is accepted on `day` (YYYY-MM-DD): inside [from, to] and not closed early.
bool IsOpen(const Campaign& c, std::string_view day);
// Rounds are numbered from 1 (the campaign as created). The dates of round
// `round` (RoundOf(c, round - 1) for round > 1).
inline constexpr int kMaxRounds = 40;  // 20 years of six-monthly rounds
Campaign RoundDates(const Campaign& c, int round);
// The round in force on `day`: the last one that has started (1 before the
// first starts; always 1 without repetition; at most kMaxRounds); none starts
// after the campaign was closed early.
int RoundAt(const Campaign& c, std::string_view day);
// What a response adds to the counters: ("*", "") once for the response;
// (key, "") for each question answered; (key, value) for each option index or
// Likert level chosen (a short text's words are never counted).
std::vector<std::pair<std::string, std::string>> CountsOf(const Questionnaire& q, const Answers& a);

}  // namespace fg::surveys
