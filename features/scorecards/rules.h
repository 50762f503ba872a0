// Pure rules of scorecards (no I/O): points as hundredths, the scoring
// methods, roll-up, set checks, recognition, ranking with explicit ties and
// the minimum-volume guard, and the gaps that would raise a score.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "features/scorecards/model.h"
#include "platform/auth/principal.h"

namespace fg::scorecards {

std::string_view MethodName(Method m);  // manual | indicator | survey
std::optional<Method> ParseMethod(std::string_view s);
std::string_view RuleKindName(RuleKind k);  // target | bands | penalty
std::optional<RuleKind> ParseRuleKind(std::string_view s);

// The indicators a computed line may name, each read from live counters over
// the assessed unit's subtree and period:
//   on_time_rate        dossiers finished early or on time / dossiers finished (desk counters);
//   late_count          dossiers finished late (count; volume: dossiers finished);
//   satisfaction_share  satisfied + very satisfied ratings / ratings (ratings counters);
//   apology_count       apology letters issued (count; volume: dossiers finished);
//   letters_sent        letters issued of every type (count; volume: dossiers finished).
const std::vector<std::string>& Indicators();
bool IsRate(std::string_view indicator);  // a share (count of volume) rather than a count

// Points as people write them: "14", "1,25" or "1.25", at most two decimals, >= 0.
// BadInput("scorecards.points_format", field).
Points ParsePoints(std::string_view field, std::string_view text);
// Points for reading: "14", "1,25", "19,5" (decimal comma, no trailing zeros).
std::string FormatPoints(Points p);
// `n / d` rounded half up (n >= 0, d > 0).
int64_t DivRoundHalfUp(int64_t n, int64_t d);

// Points entered on a manual leaf: parsed, a multiple of the leaf's step, at
// most its maximum. BadInput naming `field`: scorecards.points_format,
// scorecards.points_step {step}, scorecards.points_max {max}.
Points EnteredPoints(const Criterion& c, std::string_view field, std::string_view text);

// Points of a computed leaf from its indicator's value (rule and maximum of
// `c`), rounded half up to a hundredth: target: min(max, count x max x 10000 /
// (volume x target_bp)), full points once count / volume reaches the target;
// bands: the highest band whose from_bp the rate reaches; penalty: max - per x
// count, at least floor. A rate with volume 0 scores 0.
Points ComputedPoints(const Criterion& c, const IndicatorValue& v);

// The minimum volume for a computed leaf: its own, else the set's.
int64_t MinVolume(const CriteriaSet& s, const Criterion& c);

inline constexpr size_t kMaxTop = 30, kMaxDepth = 6, kMaxNodes = 500;

// Checks a set (an import or an edit): code [a-z0-9_-]{1,30}, name 1..200
// characters; 1..30 top-level criteria, depth at most 6, at most 500 nodes;
// keys [a-z0-9_.]{1,30} unique; title 1..300, guidance <= 2000, evidence text
// <= 500; a maximum 0.01..100 points, a criterion with children exactly the
// sum of theirs; manual: 0 < step <= max; indicator: a known indicator;
// survey: a campaign reference of 1..60 characters; target 1..10000 bp; bands
// non-empty, strictly ascending within 0..10000 bp, points 0..max; penalty
// per > 0, floor 0..max; recognition min_total 0..total, share 0..10000 bp,
// disqualifier keys unique. Texts cleaned (NFC, trimmed). One BadInput naming
// every field at fault ("criteria[0].children[2].max" ...).
CriteriaSet ValidateSet(const CriteriaSet& in);

// Every leaf of the set, depth first in order.
std::vector<const Criterion*> Leaves(const CriteriaSet& s);
const Criterion* Find(const CriteriaSet& s, std::string_view key);

// Scores `s`: manual leaves from `manual` (absent: 0), computed leaves
// (indicator and survey) from `computed` (absent: no data, i.e. volume 0).
// A computed leaf whose volume is under MinVolume scores 0 and is marked
// below_minimum (so is the score). `adjusted` (the appraiser's points) wins
// over both for its leaves; an adjusted computed leaf is not below the minimum.
// Criteria sum their children.
Score ScoreSet(const CriteriaSet& s, const std::map<std::string, Points>& manual,
               const std::map<std::string, IndicatorValue>& computed,
               const std::map<std::string, Points>& adjusted = {});

// The set's recognition rule on a score, with `flagged` disqualifier keys.
RecognitionResult Recognise(const CriteriaSet& s, const Score& score, const std::set<std::string>& flagged);

// Ranks units by total, highest first. Equal totals share a rank and the next
// rank skips (1, 2, 2, 4); tied units are listed by folded name and marked
// `tied` (the order among them means nothing). Units below the minimum volume
// come last, unranked (rank 0), by name.
std::vector<Ranked> Rank(std::vector<Entry> entries);

// The leaves with the largest gap to their maximum (ties: set order), at most
// `n`, leaving out those at their maximum.
std::vector<Gap> Gaps(const CriteriaSet& s, const Score& score, size_t n);

// ---- assessments ----
std::string_view StateName(State s);  // draft | submitted | returned | locked
std::optional<State> ParseState(std::string_view s);

// Who self-assesses a unit: its leaders and administrators, by a grant on the
// unit itself (not on an ancestor: the higher level appraises, it does not
// self-assess for the commune).
bool MaySelfAssess(const auth::Principal& p, std::string_view unit_path);
// Who appraises a unit: evaluators and leaders by a grant on a strict ancestor
// (never the unit itself: a commune cannot appraise itself).
bool MayAppraise(const auth::Principal& p, std::string_view unit_path);

// The score of an assessment: manual leaves from the commune's points, every
// leaf adjusted by the appraiser from theirs; computed leaves from the figure
// fixed at lock, else from `live`.
Score ScoreOf(const CriteriaSet& s, const Assessment& a, const std::map<std::string, IndicatorValue>& live);

// The commune's entries on manual leaves applied to `lines` (the others kept):
// points as typed (EnteredPoints; "" leaves the line without points),
// explanation <= 2000 characters. Every problem at once, fields
// "lines.<key>.points" / "lines.<key>.explanation"; a key that is not a manual
// leaf: scorecards.line_unknown.
std::map<std::string, Line> ApplySelf(const CriteriaSet& s, std::map<std::string, Line> lines,
                                      const std::map<std::string, SelfInput>& in);
// The appraiser's decisions applied to `lines`: accept keeps the commune's
// points (a computed leaf: the computed points, i.e. no adjustment); adjust
// needs points (EnteredPoints) and a reason of 1..1000 characters. Every
// problem at once, fields "lines.<key>.points" / "lines.<key>.reason".
std::map<std::string, Line> ApplyAppraisal(const CriteriaSet& s, std::map<std::string, Line> lines,
                                           const std::map<std::string, AppraisalInput>& in);
// Before submitting: every manual leaf has the commune's points
// (scorecards.points_missing on "lines.<key>.points") and every leaf that
// requires evidence is in `with_evidence` (scorecards.evidence_missing).
void CheckSubmit(const CriteriaSet& s, const Assessment& a, const std::set<std::string>& with_evidence);
// Before locking: every manual leaf has been accepted or adjusted
// (scorecards.appraisal_missing on "lines.<key>.points").
void CheckLock(const CriteriaSet& s, const Assessment& a);

// ---- evidence files ----
// Limits of an evidence file and of a line's files.
inline constexpr size_t kMaxEvidenceBytes = 10 * 1024 * 1024, kMaxEvidencePerLine = 10;
// The type of a file by its content, never its name: PDF ("%PDF-"), PNG (its
// 8-byte signature), JPEG (FF D8 FF), and the Office Open XML documents, a ZIP
// ("PK\x03\x04") naming word/document.xml (DOCX) or xl/workbook.xml (XLSX)
// among its entries. The MIME type, or nullopt for anything else.
std::optional<std::string> SniffEvidenceType(std::string_view bytes);

// ---- deadlines ----
// Each "" or a date (YYYY-MM-DD); the appraisal's not before the
// self-assessment's. Every problem at once (fields self_due, appraisal_due).
void CheckDeadlines(const std::string& self_due, const std::string& appraisal_due);
// The reminders due on `today` for the step the assessment waits on (draft or
// returned: the self-assessment; submitted: the appraisal): "soon" from
// kRemindDaysBefore days before its deadline to the deadline, "overdue" after it.
std::vector<Reminder> DueReminders(const Assessment& a, const std::string& today);

// ---- commitments ----
// A year 2000..2100 as typed; 400 scorecards.commitment_year on `field` otherwise.
int ParseYear(std::string_view field, std::string_view text);
// Rates are to reach their target; late and apology counts to stay at or
// under it; other counts to reach it.
Goal GoalOf(std::string_view indicator);
// A commitment as typed: a known indicator, a year 2000..2100, a target in
// percent (0..100, up to two decimals) for a rate or a whole count
// (0..1,000,000), a note of at most 500 characters. Every problem at once
// (fields indicator, year, target, note).
Commitment ParseCommitment(const std::string& indicator, const std::string& year, const std::string& target,
                           const std::string& note);
// Met, exactly (count x 10000 against target x volume for a rate).
CommitmentProgress ProgressOf(const Commitment& c, const std::optional<IndicatorValue>& value);

}  // namespace fg::scorecards
