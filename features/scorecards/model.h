// Scorecards (issue 14): versioned criteria sets scored on a 100-point scale,
// commune self-assessment, appraisal by the higher level, recognition and
// ranking. Plain structs; rules.h holds the logic.
//
// Points are kept as whole hundredths of a point (`Points`): 14 points = 1400,
// 0.25 = 25. A computed leaf is rounded half up to a hundredth once, at the
// leaf; a criterion's points are the exact sum of its children's.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fg::scorecards {

using Points = int64_t;  // hundredths of a point

// How a leaf gets its points.
//   manual     entered (self-assessed, then appraised), a multiple of `step`, 0..max;
//   indicator  computed from a live indicator of the assessed unit and period (Indicator);
//   survey     computed from a survey campaign's satisfied share (the same rules).
enum class Method { kManual, kIndicator, kSurvey };

// The rule turning an indicator's value into points (max = the leaf's maximum).
//   target   full points when the rate reaches `target_bp`, else rate x max / target;
//   bands    the points of the highest band whose lower bound the rate reaches (0 below all);
//   penalty  max minus `per` for each occurrence (the indicator's count), never below `floor`.
enum class RuleKind { kTarget, kBands, kPenalty };

struct Band {
  int64_t from_bp = 0;  // lower bound of the rate, in basis points (90% = 9000)
  Points points = 0;
};

struct Rule {
  RuleKind kind = RuleKind::kTarget;
  int64_t target_bp = 10000;
  std::vector<Band> bands;  // ascending from_bp
  Points per = 0;
  Points floor = 0;
};

// The value of an indicator over a unit and period.
//   a rate: `count` of `volume` (on time of handled dossiers, satisfied of ratings);
//   a count (penalty rules): `count` occurrences, `volume` = what they are out of
//   (the dossiers handled), which the minimum-volume guard reads.
struct IndicatorValue {
  int64_t count = 0;
  int64_t volume = 0;
};

// A node of the tree. A leaf (no children) has a method; a criterion with
// children gets the sum of theirs, and its maximum must equal the sum of theirs.
struct Criterion {
  std::string key;  // unique in the set: [a-z0-9_.]{1,30}, e.g. "1", "1.3"
  std::string title;
  std::string guidance;
  Points max = 0;
  bool evidence_required = false;
  std::string evidence_what;  // which documents prove it
  Method method = Method::kManual;
  Points step = 25;        // manual: entered points are a multiple of it
  std::string indicator;   // indicator: a name of Indicators(); survey: the campaign reference
  Rule rule;               // indicator and survey
  int64_t min_volume = 0;  // 0: the set's
  std::vector<Criterion> children;
  bool leaf() const { return children.empty(); }
};

// A condition that withholds recognition whatever the score (e.g. a
// disciplinary breach), flagged on an assessment by the appraiser.
struct Disqualifier {
  std::string key;
  std::string title;
};

// Recognition rule of a set: a total of at least `min_total` and every
// top-level criterion at least `min_share_bp` of its maximum, no disqualifier.
struct Recognition {
  Points min_total = 8000;
  int64_t min_share_bp = 5000;
  std::vector<Disqualifier> disqualifiers;
};

// One version of a criteria set. A version an assessment uses is frozen: a
// change is a new version.
struct CriteriaSet {
  int64_t id = 0;
  int64_t unit_id = 0;  // owner (its subtree may use it); 0: shipped template
  std::string code;     // e.g. "cqtt", same for every version
  int64_t version = 1;
  std::string name;
  std::string description;
  bool sample = false;      // shipped as a sample for the province to adjust
  int64_t min_volume = 30;  // computed indicators below it are not scored
  Recognition recognition;
  std::vector<Criterion> criteria;
  bool frozen = false;
};

// The score of one leaf.
struct LineScore {
  std::string key;
  Points points = 0;
  std::optional<IndicatorValue> raw;  // computed lines: the figure behind the points
  bool below_minimum = false;         // computed with too small a volume: not scored
};

// A set scored for one unit: every node's points by key (leaves and criteria).
struct Score {
  std::map<std::string, Points> points;
  std::map<std::string, LineScore> lines;  // leaves only
  Points total = 0;
  Points max_total = 0;
  bool below_minimum = false;  // some computed line lacked volume
};

struct RecognitionResult {
  bool recognised = false;
  bool total_ok = false;
  std::vector<std::string> weak_criteria;    // top-level keys under their share
  std::vector<std::string> disqualified_by;  // disqualifier keys flagged
};

// A unit in a ranking.
struct Entry {
  int64_t unit_id = 0;
  std::string unit_name;
  Points total = 0;
  bool below_minimum = false;
  int64_t assessment_id = 0;
};

struct Ranked {
  Entry entry;
  int64_t rank = 0;   // 0: not ranked (below the minimum volume)
  bool tied = false;  // shares its rank; tied units are listed by name
};

// What would raise a unit's score: a leaf and its gap to the maximum.
struct Gap {
  std::string key;
  std::string title;
  Points points = 0;
  Points max = 0;
  Points gap() const { return max - points; }
};

// ---- assessments ----
// draft -> submitted (the commune) -> returned (the appraiser, with a comment)
// -> submitted ... -> locked (the appraiser; the final score is fixed).
enum class State { kDraft, kSubmitted, kReturned, kLocked };

// A leaf's line of an assessment.
struct Line {
  std::string key;
  std::optional<Points> self_points;  // the commune's (manual leaves)
  std::string explanation;
  std::optional<Points> appraised_points;  // the appraiser's: accepted (= self) or adjusted
  std::string appraisal_reason;            // required when adjusted
  std::optional<IndicatorValue> raw;       // computed leaves: fixed when locked
};

struct Assessment {
  int64_t id = 0;
  int64_t set_id = 0;
  int64_t unit_id = 0;
  std::string unit_code, unit_name, unit_path;
  std::string from, to;  // YYYY-MM-DD, both included
  State state = State::kDraft;
  std::string return_comment;
  std::set<std::string> flags;  // disqualifier keys flagged by the appraiser
  std::optional<Points> total;  // when locked
  bool below_minimum = false;   // when locked
  int64_t revision = 1;
  std::map<std::string, Line> lines;
  std::string created_at, updated_at;
  // The days the commune must submit by and the higher level must lock by
  // (YYYY-MM-DD, local; "" = none), set by the appraiser.
  std::string self_due, appraisal_due;
};

// A reminder of a step's deadline to queue: the step (self: the commune's
// self-assessment; appraisal: the higher level's), soon (the deadline within
// kRemindDaysBefore days) or overdue, and the deadline it is about.
struct Reminder {
  std::string step, kind, due;
};
inline constexpr int kRemindDaysBefore = 3;

// A file attached to a line as evidence (its bytes stored once by SHA-256).
struct Evidence {
  int64_t id = 0;
  int64_t assessment_id = 0;
  std::string line_key;
  std::string sha256;  // hex
  std::string name;
  std::string mime;
  int64_t size = 0;
  std::string created_at;
  std::string removed_at;  // "" while attached
};

// What the commune types on a line.
struct SelfInput {
  std::string points;  // as typed
  std::string explanation;
};

// What the appraiser decides on a line: accept the commune's points, or adjust
// them (points as typed, with a reason).
struct AppraisalInput {
  bool adjust = false;
  std::string points;
  std::string reason;
};

// ---- commitments (emulation movement) ----
// A unit's target for a year on a live indicator: a rate at least
// `target` basis points (on-time rate >= 98%), or a count at most (late
// dossiers, apologies) or at least (letters sent) `target`.
enum class Goal { kAtLeast, kAtMost };
struct Commitment {
  int64_t id = 0;
  int64_t unit_id = 0;
  std::string unit_code, unit_name, unit_path;
  int year = 0;
  std::string indicator;
  int64_t target = 0;  // rates: basis points (9800 = 98%); counts: the count
  std::string note;    // how the unit means to get there, as typed
  int64_t created_by = 0;
  std::string created_at;
  std::string withdrawn_at;  // "" while it stands
};
// A commitment against the year so far.
struct CommitmentProgress {
  Commitment commitment;
  Goal goal = Goal::kAtLeast;
  bool rate = false;
  std::optional<IndicatorValue> value;  // none: the indicator could not be read
  bool measured = false;                // a rate with a volume, or any count
  bool met = false;                     // as things stand today
  bool may_withdraw = false;            // the caller, one of the unit's own leaders or administrators
};
inline constexpr int kMaxCommitmentsPerYear = 20;

}  // namespace fg::scorecards
