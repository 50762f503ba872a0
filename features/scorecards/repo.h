// SQL of scorecards (migration 0023): set versions, assessments and their lines.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "features/scorecards/model.h"
#include "platform/db/db.h"

namespace fg::scorecards::repo {

// ---- sets ----
int64_t InsertSet(db::Conn& c, std::optional<int64_t> unit_id, const CriteriaSet& s, int64_t created_by,
                  const std::string& now);
std::optional<CriteriaSet> SetById(db::Conn& c, int64_t id);
// Every version of every set, newest version of each code first within the code, codes in order.
std::vector<CriteriaSet> Sets(db::Conn& c);
int64_t LastVersion(db::Conn& c, const std::string& code);
// The owner of a code: nullopt when no version exists; 0 for a shipped template.
std::optional<int64_t> OwnerOfCode(db::Conn& c, const std::string& code);
void FreezeSet(db::Conn& c, int64_t id);
// Replaces an unfrozen version's name and tree; false when it is frozen (or gone).
// False when the version is frozen, or (with `expected`) no longer as `expected` was read.
bool UpdateSet(db::Conn& c, int64_t id, const CriteriaSet& s, const CriteriaSet* expected = nullptr);

// ---- assessments ----
int64_t InsertAssessment(db::Conn& c, const Assessment& a, int64_t created_by, const std::string& now);
// With its unit's code, name and path, and its lines.
std::optional<Assessment> AssessmentById(db::Conn& c, int64_t id);
std::optional<int64_t> AssessmentIdOf(db::Conn& c, int64_t set_id, int64_t unit_id, const std::string& from);
// The assessments of units under `path_prefix` (lines not loaded), newest period first, then by unit path;
// set_id 0 = every set.
std::vector<Assessment> AssessmentsUnder(db::Conn& c, const std::string& path_prefix, int64_t set_id);
// Writes state, comment, flags, total, below_minimum and updated_at, and bumps
// the revision, if the stored revision is still `a.revision`; false otherwise.
bool UpdateAssessment(db::Conn& c, const Assessment& a, const std::string& now);
void PutLine(db::Conn& c, int64_t assessment_id, const Line& l);

// ---- evidence (migration 0024) ----
// Stores the file unless a file with the same SHA-256 is there already (its
// bytes put back when they were dropped after a removal).
void PutFile(db::Conn& c, const std::string& sha256, const std::string& mime, int64_t size,
             const std::string& content_base64, const std::string& now);
int64_t InsertEvidence(db::Conn& c, const Evidence& e, int64_t created_by, const std::string& now);
// The evidence of an assessment still attached, by line then upload order.
std::vector<Evidence> EvidenceOf(db::Conn& c, int64_t assessment_id);
// One row, removed or not (removed_at).
std::optional<Evidence> EvidenceById(db::Conn& c, int64_t id);
// Detaches one file from its line: the row is kept with removed_at; the file's
// bytes are dropped when no attached row names them any more (so adding and
// removing never piles up content). False when it was removed already.
bool RemoveEvidence(db::Conn& c, int64_t id, const std::string& now);
// The file's content as stored (base64).
std::optional<std::string> FileContent(db::Conn& c, const std::string& sha256);

// ---- deadlines (migration 0042) ----
// Assessments not locked with a step deadline set.
std::vector<Assessment> AssessmentsWithDeadlines(db::Conn& c);
struct Recipient {
  int64_t official_id = 0, unit_id = 0;
  std::string name, email, phone;
};
// Active officials with a grant of `role` or `or_role` on the unit itself
// (ancestors = false) or on a strict ancestor of the unit at `unit_path`.
std::vector<Recipient> Recipients(db::Conn& c, int64_t unit_id, const std::string& unit_path, bool ancestors,
                                  const std::string& role, const std::string& or_role);
// Whether the reminder was recorded for the official already.
bool ReminderSent(db::Conn& c, int64_t assessment_id, const Reminder& r, int64_t official_id);
// Records a reminder; false when it was recorded before (nothing written).
bool PutReminder(db::Conn& c, int64_t assessment_id, const Reminder& r, int64_t official_id, const std::string& now);

// ---- commitments (migration 0043) ----
int64_t InsertCommitment(db::Conn& c, const Commitment& k, const std::string& now);
// The live commitments of units under `path_prefix` for `year`, by unit path then indicator.
std::vector<Commitment> CommitmentsUnder(db::Conn& c, const std::string& path_prefix, int year);
std::optional<Commitment> CommitmentById(db::Conn& c, int64_t id);  // withdrawn ones too
// The live commitment of a unit, year and indicator, if any.
std::optional<int64_t> CommitmentIdOf(db::Conn& c, int64_t unit_id, int year, const std::string& indicator);
int64_t CountCommitments(db::Conn& c, int64_t unit_id, int year);
bool WithdrawCommitment(db::Conn& c, int64_t id, const std::string& now);

}  // namespace fg::scorecards::repo
