// Use cases of scorecards. Every call authorises on the unit's subtree
// (auth::Covers and the rules' MaySelfAssess / MayAppraise) before reading or
// writing; every change records an event in the same write.
//
// Who may do what:
//   sets: any logged-in official reads them; administrators covering a unit
//     import a set for it (a new code, or a new version of the unit's own code)
//     and change a version no assessment uses yet (frozen afterwards).
//   assessments: the unit's own leaders and administrators open one and
//     self-assess (draft, returned), then submit; evaluators and leaders of an
//     ancestor unit open one, appraise (accept or adjust each line with a
//     reason, flag disqualifiers), return it with a comment, or lock it. Any
//     role covering the unit reads it and the ranking.
#pragma once
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "features/org/model.h"
#include "features/scorecards/lines.h"
#include "features/scorecards/model.h"
#include "platform/async/periodic.h"
#include "platform/auth/principal.h"
#include "platform/db/db.h"

namespace fg::desk {
class Service;
}
namespace fg::ratings {
class Service;
}
namespace fg::letters {
class Service;
}
namespace fg::feedback {
class Service;
}
namespace fg::surveys {
class Service;
}

namespace fg::scorecards {

// Live figures of the indicators (rules.h: Indicators()) over a unit's subtree
// and a period (YYYY-MM-DD, both included), read with the caller's rights.
class IndicatorSource {
 public:
  virtual ~IndicatorSource() = default;
  virtual std::map<std::string, IndicatorValue> Read(const auth::Principal& p, const std::string& unit_code,
                                                     const std::string& from, const std::string& to) = 0;
};

// From the desk's counters (on-time rate, late and apology counts), the
// ratings' counters (satisfied share), the letters' counts (letters sent), the
// feedback register's statistics (answers on time, satisfaction with answers)
// and the survey campaigns' element counters ("survey:<element>": answers 4
// and 5 of the element's questions over all its answers, summed over the
// rounds of every campaign the caller sees whose dates meet the period); a
// missing service leaves its indicators out.
class LiveIndicators : public IndicatorSource {
 public:
  LiveIndicators(desk::Service& desk, std::shared_ptr<ratings::Service> ratings, letters::Service* letters,
                 std::shared_ptr<feedback::Service> feedback = nullptr,
                 std::shared_ptr<surveys::Service> surveys = nullptr)
      : desk_(desk),
        ratings_(std::move(ratings)),
        letters_(letters),
        feedback_(std::move(feedback)),
        surveys_(std::move(surveys)) {}
  std::map<std::string, IndicatorValue> Read(const auth::Principal& p, const std::string& unit_code,
                                             const std::string& from, const std::string& to) override;

 private:
  desk::Service& desk_;
  std::shared_ptr<ratings::Service> ratings_;
  letters::Service* letters_;
  std::shared_ptr<feedback::Service> feedback_;
  std::shared_ptr<surveys::Service> surveys_;
};

// An assessment as its page shows it.
struct AssessmentView {
  Assessment a;
  CriteriaSet set;
  Score score;
  RecognitionResult recognition;
  std::vector<Gap> gaps;         // the largest five
  bool may_self_assess = false;  // the caller, in the current state
  bool may_appraise = false;
  bool may_set_deadlines = false;  // the appraisers, until the score is locked
};

struct Ranking {
  CriteriaSet set;
  std::string unit_code, unit_name, from, to;  // to: "" when no assessment starts on `from`
  std::vector<std::string> periods;            // the period starts of the set in the subtree, newest first
  std::vector<Ranked> rows;                    // locked assessments
  int64_t pending = 0;                         // assessments of the period not locked yet
};

// The ranking with the set's recognition rule applied to each locked score.
struct RecognitionList {
  Ranking ranking;
  std::map<int64_t, RecognitionResult> results;  // by assessment id
  int64_t recognised = 0;
};

// A unit's locked score in one period, beside its peers': the locked units of
// the same level under the same parent on the same set version.
struct HistoryPoint {
  int64_t assessment_id = 0, set_id = 0, set_version = 0;
  std::string from, to;
  Points total = 0, max_total = 0;
  bool below_minimum = false, recognised = false;
  int64_t rank = 0;  // among the peers; 0: not ranked (below the minimum volume)
  bool tied = false;
  int64_t peers = 0;     // the unit included
  Points peer_mean = 0;  // rounded half up to the hundredth
  Points peer_best = 0;
};

// A unit over the periods of every version of a set's code, oldest first.
struct History {
  std::string unit_code, unit_name, set_code, set_name;
  std::vector<HistoryPoint> points;
};

class Service {
 public:
  Service(db::Db& db, IndicatorSource& indicators) : db_(db), indicators_(indicators) {}
  Service(db::Db& db, std::shared_ptr<IndicatorSource> indicators)
      : db_(db), indicators_(*indicators), owned_(std::move(indicators)) {}

  // Adds the shipped templates (assets_dir/features/scorecards/sets/*.json)
  // whose code is not in the store yet, as version 1 without an owner.
  void InstallTemplates(const std::string& assets_dir);

  // ---- sets ----
  std::vector<CriteriaSet> Sets(const auth::Principal& p);
  CriteriaSet GetSet(const auth::Principal& p, int64_t id);
  CriteriaSet ImportSet(const auth::Principal& p, const std::string& unit_code, const CriteriaSet& in);
  // ImportSet's authorisation alone (an administrator covering the unit), so a
  // page checks who before reading an uploaded file: 403, or 400 scorecards.unit_unknown on "unit".
  void AuthoriseImport(const auth::Principal& p, const std::string& unit_code);
  // Changes a version no assessment uses (409 scorecards.set_frozen otherwise); the code stays.
  // With `base` (the version as the caller read it): 409 scorecards.set_changed
  // when someone changed it since, so that no edit is lost.
  CriteriaSet UpdateSet(const auth::Principal& p, int64_t id, const CriteriaSet& in, const CriteriaSet* base = nullptr);
  // Whether UpdateSet would let the caller change `s`: an administrator of its
  // owner's subtree, and no assessment uses it yet.
  bool MayEditSet(const auth::Principal& p, const CriteriaSet& s);
  // The set if MayEditSet, else 409 scorecards.set_frozen or 403.
  CriteriaSet EditableSet(const auth::Principal& p, int64_t id);
  // ---- the set editor (editor_service.cpp): each a whole-set UpdateSet ----
  // A copy of set `id` as the next version of `code` ("" = the same code),
  // owned by `unit_code` (ImportSet's rules), no longer marked a sample.
  CriteriaSet NewVersion(const auth::Principal& p, int64_t id, const std::string& unit_code, const std::string& code);
  // One line: `old_key` "" adds `row` as the last child of row.parent (or last
  // at the top), else replaces that line (its children follow a changed key).
  // Bad fields of the line are named as in LineRow ("max", "bands" ...), any
  // other line's as "rows[i].<field>" (lines.h WithRows).
  CriteriaSet SaveLine(const auth::Principal& p, int64_t id, const std::string& old_key, const LineRow& row);
  // Removes a line and its children (404 scorecards.line_not_found).
  CriteriaSet RemoveLine(const auth::Principal& p, int64_t id, const std::string& key);
  // Every line replaced by `rows` (an imported spreadsheet).
  CriteriaSet ReplaceLines(const auth::Principal& p, int64_t id, const std::vector<LineRow>& rows);

  // ---- assessments ----
  // from/to: YYYY-MM-DD; both empty: this year. 409 when the unit already has one for the set and start date.
  Assessment Open(const auth::Principal& p, int64_t set_id, const std::string& unit_code, const std::string& from,
                  const std::string& to);
  AssessmentView View(const auth::Principal& p, int64_t id);
  // The assessments of the unit's subtree ("" = the caller's first covered root).
  std::vector<Assessment> Assessments(const auth::Principal& p, const std::string& unit_code);
  Assessment SelfAssess(const auth::Principal& p, int64_t id, const std::map<std::string, SelfInput>& in);
  Assessment Submit(const auth::Principal& p, int64_t id);
  Assessment Appraise(const auth::Principal& p, int64_t id, const std::map<std::string, AppraisalInput>& in,
                      const std::optional<std::set<std::string>>& flags);
  Assessment Return(const auth::Principal& p, int64_t id, const std::string& comment);
  // Fixes the computed lines' figures and the total.
  Assessment Lock(const auth::Principal& p, int64_t id);
  // The steps' deadlines (YYYY-MM-DD or "" for none): evaluators and leaders
  // of an ancestor unit, in any state but locked; every bad field at once.
  Assessment SetDeadlines(const auth::Principal& p, int64_t id, const std::string& self_due,
                          const std::string& appraisal_due);

  // ---- commitments (commitment_service.cpp) ----
  // The live commitments of the subtree of `unit_code` ("" = the caller's
  // first covered unit) for `year`, with their progress over the year so far
  // (the live indicators read once per unit with the caller's rights): any
  // role covering the unit.
  std::vector<CommitmentProgress> Commitments(const auth::Principal& p, const std::string& unit_code, int year);
  // The unit's own leaders and administrators commit it; every bad field at
  // once (rules.h ParseCommitment); 409 scorecards.commitment_taken (the
  // indicator that year already), scorecards.commitment_limit (past 20 a year).
  Commitment Commit(const auth::Principal& p, const std::string& unit_code, const std::string& indicator,
                    const std::string& year, const std::string& target, const std::string& note);
  // The same people withdraw one (kept for the record).
  void Withdraw(const auth::Principal& p, int64_t commitment_id);
  // The unit the caller may commit: `unit_code` if they may, else ("" asked)
  // the first unit they lead or administer themselves; nullopt otherwise.
  std::optional<org::Unit> UnitToCommit(const auth::Principal& p, const std::string& unit_code);

  // ---- reminders ----
  // Queues in the outbox the reminders due today (rules.h DueReminders), each
  // (assessment, step, kind, deadline, official) once, in the same write as
  // its record: the self-assessment's to the unit's own leaders and
  // administrators, the appraisal's to the evaluators of its ancestors; by
  // e-mail, else SMS. Returns how many were queued.
  int RemindDue();
  // RemindDue every `every` on a thread (0: never); stopped by StopReminders or the destructor.
  void StartReminders(std::chrono::milliseconds every);
  void StopReminders() { reminders_.Stop(); }

  // ---- evidence ----
  // Attaches a file to a leaf line: the unit's own leaders and administrators,
  // in draft or returned; at most kMaxEvidenceBytes (413) and kMaxEvidencePerLine
  // per line (409); a type read from the content (415 otherwise). `name` as
  // typed (<= 200 characters; empty: the type's name).
  Evidence AddEvidence(const auth::Principal& p, int64_t id, const std::string& line_key, const std::string& name,
                       std::string_view bytes);
  std::vector<Evidence> EvidenceOf(const auth::Principal& p, int64_t id);
  // Detaches a file attached by mistake: the same people, in the same states
  // as AddEvidence (403, 409 scorecards.wrong_state; 404 when there is none),
  // with an event naming the file. Returns the assessment's id.
  int64_t RemoveEvidence(const auth::Principal& p, int64_t evidence_id);
  // A file with its bytes: any role covering the assessment's unit.
  std::pair<Evidence, std::string> EvidenceFile(const auth::Principal& p, int64_t evidence_id);

  // The locked assessments of the subtree of `unit_code` on a set version and
  // the period starting `from` ("" = the newest), ranked: any role covering the unit.
  Ranking RankingOf(const auth::Principal& p, int64_t set_id, const std::string& unit_code, const std::string& from);
  // A unit against itself over the periods and against its peers: any role
  // covering the unit; the peers appear as figures (count, mean, best, the
  // unit's rank), never by name, so a commune sees where it stands without
  // reading its neighbours' scores.
  History HistoryOf(const auth::Principal& p, int64_t set_id, const std::string& unit_code);
  // The same units with the recognition rule applied (the decision annex's list).
  RecognitionList RecognitionOf(const auth::Principal& p, int64_t set_id, const std::string& unit_code,
                                const std::string& from);

 private:
  Assessment Load(db::Conn& c, int64_t id);
  // Whether the caller administers the set's owner (a template: nobody).
  bool OwnedByAdmin(const auth::Principal& p, const CriteriaSet& s);
  // `in` checked and written over `old` (as EditableSet returned it) with its
  // event; with `base`, only if the stored version is still `base`.
  CriteriaSet Store(const auth::Principal& p, const CriteriaSet& old, const CriteriaSet& in, const CriteriaSet* base);

  // The unit of `code` ("" = the caller's first covered root); 400 scorecards.unit_unknown.
  static org::Unit UnitIn(db::Conn& c, const auth::Principal& p, const std::string& code);
  Ranking RankingIn(db::Conn& c, const auth::Principal& p, int64_t set_id, const std::string& unit_code,
                    const std::string& from);
  db::Db& db_;
  IndicatorSource& indicators_;
  std::shared_ptr<IndicatorSource> owned_;
  async::Periodic reminders_;
};

}  // namespace fg::scorecards
