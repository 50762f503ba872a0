#include "features/scorecards/repo.h"

#include <boost/json.hpp>

#include "features/scorecards/json.h"
#include "features/scorecards/rules.h"

namespace fg::scorecards::repo {
namespace {
namespace json = boost::json;

std::string BodyOf(const CriteriaSet& s) {
  CriteriaSet b = s;
  b.id = 0;  // id, version and frozen live in columns
  return json::serialize(ToJson(b));
}

CriteriaSet SetOf(const db::Row& r) {
  CriteriaSet s = SetFromJsonText(r.text(5));
  s.id = r.i64(0);
  s.unit_id = r.opt_i64(1).value_or(0);
  s.code = r.text(2);
  s.version = r.i64(3);
  s.name = r.text(4);
  s.frozen = r.i64(6) != 0;
  return s;
}

#define SET_COLUMNS "SELECT id, unit_id, code, version, name, body_json, frozen FROM scorecard_sets "
const db::Query kInsertSet{"scorecard_set_insert",
                           "INSERT INTO scorecard_sets (unit_id, code, version, name, body_json, frozen, created_by, "
                           "created_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)"};
const db::Query kSetById{"scorecard_set_by_id", SET_COLUMNS "WHERE id = ?"};
const db::Query kSets{"scorecard_sets_all", SET_COLUMNS "ORDER BY code, version DESC"};
const db::Query kLastVersion{"scorecard_set_last_version",
                             "SELECT COALESCE(MAX(version), 0) FROM scorecard_sets WHERE code = ?"};
const db::Query kOwner{"scorecard_set_owner",
                       "SELECT unit_id FROM scorecard_sets WHERE code = ? ORDER BY version LIMIT 1"};
const db::Query kFreeze{"scorecard_set_freeze", "UPDATE scorecard_sets SET frozen = 1 WHERE id = ? AND frozen = 0"};
const db::Query kUpdateSet{"scorecard_set_update",
                           "UPDATE scorecard_sets SET name = ?, body_json = ? WHERE id = ? AND frozen = 0"};
const db::Query kUpdateSetIfUnchanged{
    "scorecard_set_update_if_unchanged",
    "UPDATE scorecard_sets SET name = ?, body_json = ? WHERE id = ? AND frozen = 0 AND name = ? AND body_json = ?"};

#define ASSESSMENT_COLUMNS                                                                             \
  "SELECT a.id, a.set_id, a.unit_id, u.code, u.name, u.path, a.period_from, a.period_to, a.state, "    \
  "a.return_comment, a.flags_json, a.total, a.below_minimum, a.revision, a.created_at, a.updated_at, " \
  "a.self_due, a.appraisal_due "                                                                       \
  "FROM scorecard_assessments a JOIN units u ON u.id = a.unit_id "
const db::Query kInsertAssessment{
    "scorecard_assessment_insert",
    "INSERT INTO scorecard_assessments (set_id, unit_id, period_from, period_to, state, created_by, created_at, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"};
const db::Query kAssessmentById{"scorecard_assessment_by_id", ASSESSMENT_COLUMNS "WHERE a.id = ?"};
const db::Query kAssessmentIdOf{"scorecard_assessment_id_of",
                                "SELECT id FROM scorecard_assessments WHERE set_id = ? AND unit_id = ? AND "
                                "period_from = ?"};
const db::Query kAssessmentsUnder{"scorecard_assessments_under", ASSESSMENT_COLUMNS
                                  "WHERE u.path LIKE ? AND (? = 0 OR a.set_id = ?) "
                                  "ORDER BY a.period_from DESC, u.path LIMIT 5000"};
const db::Query kUpdateAssessment{
    "scorecard_assessment_update",
    "UPDATE scorecard_assessments SET state = ?, return_comment = ?, flags_json = ?, total = ?, below_minimum = ?, "
    "self_due = ?, appraisal_due = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?"};
const db::Query kLines{"scorecard_lines_of",
                       "SELECT line_key, self_points, explanation, appraised_points, appraisal_reason, raw_count, "
                       "raw_volume FROM scorecard_lines WHERE assessment_id = ? ORDER BY line_key"};
const db::Query kPutLine{
    "scorecard_line_put",
    "INSERT INTO scorecard_lines (assessment_id, line_key, self_points, explanation, appraised_points, "
    "appraisal_reason, raw_count, raw_volume) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (assessment_id, line_key) "
    "DO UPDATE SET self_points = excluded.self_points, explanation = excluded.explanation, appraised_points = "
    "excluded.appraised_points, appraisal_reason = excluded.appraisal_reason, raw_count = excluded.raw_count, "
    "raw_volume = excluded.raw_volume"};

const db::Query kPutFile{
    "scorecard_file_put",
    "INSERT INTO scorecard_files (sha256, mime, size, content_base64, created_at) VALUES (?, ?, ?, "
    "?, ?) ON CONFLICT (sha256) DO UPDATE SET content_base64 = excluded.content_base64 "
    "WHERE scorecard_files.content_base64 = ''"};
const db::Query kInsertEvidence{"scorecard_evidence_insert",
                                "INSERT INTO scorecard_evidence (assessment_id, line_key, sha256, name, created_by, "
                                "created_at) VALUES (?, ?, ?, ?, ?, ?)"};
#define EVIDENCE_COLUMNS                                                                                    \
  "SELECT e.id, e.assessment_id, e.line_key, e.sha256, e.name, f.mime, f.size, e.created_at, e.removed_at " \
  "FROM scorecard_evidence e JOIN scorecard_files f ON f.sha256 = e.sha256 "
const db::Query kEvidenceOf{"scorecard_evidence_of", EVIDENCE_COLUMNS
                            "WHERE e.assessment_id = ? AND e.removed_at = '' ORDER BY e.line_key, e.id LIMIT 5000"};
const db::Query kEvidenceById{"scorecard_evidence_by_id", EVIDENCE_COLUMNS "WHERE e.id = ?"};
const db::Query kEvidenceRemove{"scorecard_evidence_remove",
                                "UPDATE scorecard_evidence SET removed_at = ? WHERE id = ? AND removed_at = ''"};
// A removed file's bytes go when no attached row names it (the row stays for
// the removed rows' references, with its hash, type and size; PutFile puts the
// bytes back when the same file is attached again).
const db::Query kFilePurge{"scorecard_file_purge",
                           "UPDATE scorecard_files SET content_base64 = '' WHERE sha256 = ? AND NOT EXISTS "
                           "(SELECT 1 FROM scorecard_evidence WHERE sha256 = ? AND removed_at = '')"};
const db::Query kFileContent{"scorecard_file_content", "SELECT content_base64 FROM scorecard_files WHERE sha256 = ?"};

Evidence EvidenceOfRow(const db::Row& r) {
  Evidence e;
  e.id = r.i64(0);
  e.assessment_id = r.i64(1);
  e.line_key = r.text(2);
  e.sha256 = r.text(3);
  e.name = r.text(4);
  e.mime = r.text(5);
  e.size = r.i64(6);
  e.created_at = r.text(7);
  e.removed_at = r.text(8);
  return e;
}

db::Value Opt(const std::optional<int64_t>& v) { return v ? db::Value(*v) : db::Value(nullptr); }

Assessment AssessmentOf(const db::Row& r) {
  Assessment a;
  a.id = r.i64(0);
  a.set_id = r.i64(1);
  a.unit_id = r.i64(2);
  a.unit_code = r.text(3);
  a.unit_name = r.text(4);
  a.unit_path = r.text(5);
  a.from = r.text(6);
  a.to = r.text(7);
  a.state = ParseState(r.text(8)).value_or(State::kDraft);
  a.return_comment = r.text(9);
  const json::value flags = json::parse(r.text(10));
  for (const auto& v : flags.as_array()) a.flags.insert(std::string(v.as_string()));
  a.total = r.opt_i64(11);
  a.below_minimum = r.i64(12) != 0;
  a.revision = r.i64(13);
  a.created_at = r.text(14);
  a.updated_at = r.text(15);
  a.self_due = r.text(16);
  a.appraisal_due = r.text(17);
  return a;
}
}  // namespace

int64_t InsertSet(db::Conn& c, std::optional<int64_t> unit_id, const CriteriaSet& s, int64_t created_by,
                  const std::string& now) {
  return c.insert(kInsertSet, {Opt(unit_id), s.code, s.version, s.name, BodyOf(s), created_by, now});
}

std::optional<CriteriaSet> SetById(db::Conn& c, int64_t id) {
  auto r = c.query_one(kSetById, {id});
  if (!r) return std::nullopt;
  return SetOf(*r);
}

std::vector<CriteriaSet> Sets(db::Conn& c) {
  std::vector<CriteriaSet> out;
  for (const auto& r : c.query(kSets)) out.push_back(SetOf(r));
  return out;
}

int64_t LastVersion(db::Conn& c, const std::string& code) { return c.query_one(kLastVersion, {code})->i64(0); }

std::optional<int64_t> OwnerOfCode(db::Conn& c, const std::string& code) {
  auto r = c.query_one(kOwner, {code});
  if (!r) return std::nullopt;
  return r->opt_i64(0).value_or(0);
}

void FreezeSet(db::Conn& c, int64_t id) { c.exec(kFreeze, {id}); }

bool UpdateSet(db::Conn& c, int64_t id, const CriteriaSet& s, const CriteriaSet* expected) {
  if (!expected) return c.exec(kUpdateSet, {s.name, BodyOf(s), id}) == 1;
  return c.exec(kUpdateSetIfUnchanged, {s.name, BodyOf(s), id, expected->name, BodyOf(*expected)}) == 1;
}

int64_t InsertAssessment(db::Conn& c, const Assessment& a, int64_t created_by, const std::string& now) {
  return c.insert(kInsertAssessment,
                  {a.set_id, a.unit_id, a.from, a.to, std::string(StateName(a.state)), created_by, now, now});
}

std::optional<Assessment> AssessmentById(db::Conn& c, int64_t id) {
  auto r = c.query_one(kAssessmentById, {id});
  if (!r) return std::nullopt;
  Assessment a = AssessmentOf(*r);
  for (const auto& l : c.query(kLines, {id})) {
    Line line;
    line.key = l.text(0);
    line.self_points = l.opt_i64(1);
    line.explanation = l.text(2);
    line.appraised_points = l.opt_i64(3);
    line.appraisal_reason = l.text(4);
    if (!l.is_null(5)) line.raw = IndicatorValue{l.i64(5), l.i64(6)};
    a.lines[line.key] = line;
  }
  return a;
}

std::optional<int64_t> AssessmentIdOf(db::Conn& c, int64_t set_id, int64_t unit_id, const std::string& from) {
  auto r = c.query_one(kAssessmentIdOf, {set_id, unit_id, from});
  if (!r) return std::nullopt;
  return r->i64(0);
}

std::vector<Assessment> AssessmentsUnder(db::Conn& c, const std::string& path_prefix, int64_t set_id) {
  std::vector<Assessment> out;
  for (const auto& r : c.query(kAssessmentsUnder, {path_prefix + "%", set_id, set_id})) out.push_back(AssessmentOf(r));
  return out;
}

bool UpdateAssessment(db::Conn& c, const Assessment& a, const std::string& now) {
  json::array flags;
  for (const auto& f : a.flags) flags.push_back(json::value(f));
  return c.exec(kUpdateAssessment,
                {std::string(StateName(a.state)), a.return_comment, json::serialize(flags), Opt(a.total),
                 int64_t{a.below_minimum ? 1 : 0}, a.self_due, a.appraisal_due, now, a.id, a.revision}) == 1;
}

void PutLine(db::Conn& c, int64_t assessment_id, const Line& l) {
  c.exec(kPutLine,
         {assessment_id, l.key, Opt(l.self_points), l.explanation, Opt(l.appraised_points), l.appraisal_reason,
          l.raw ? db::Value(l.raw->count) : db::Value(nullptr), l.raw ? db::Value(l.raw->volume) : db::Value(nullptr)});
}

void PutFile(db::Conn& c, const std::string& sha256, const std::string& mime, int64_t size,
             const std::string& content_base64, const std::string& now) {
  c.exec(kPutFile, {sha256, mime, size, content_base64, now});
}

int64_t InsertEvidence(db::Conn& c, const Evidence& e, int64_t created_by, const std::string& now) {
  return c.insert(kInsertEvidence, {e.assessment_id, e.line_key, e.sha256, e.name, created_by, now});
}

std::vector<Evidence> EvidenceOf(db::Conn& c, int64_t assessment_id) {
  std::vector<Evidence> out;
  for (const auto& r : c.query(kEvidenceOf, {assessment_id})) out.push_back(EvidenceOfRow(r));
  return out;
}

std::optional<Evidence> EvidenceById(db::Conn& c, int64_t id) {
  auto r = c.query_one(kEvidenceById, {id});
  if (!r) return std::nullopt;
  return EvidenceOfRow(*r);
}

bool RemoveEvidence(db::Conn& c, int64_t id, const std::string& now) {
  auto e = EvidenceById(c, id);
  if (!e || c.exec(kEvidenceRemove, {now, id}) == 0) return false;
  c.exec(kFilePurge, {e->sha256, e->sha256});
  return true;
}

std::optional<std::string> FileContent(db::Conn& c, const std::string& sha256) {
  auto r = c.query_one(kFileContent, {sha256});
  if (!r) return std::nullopt;
  return r->text(0);
}

// ---- deadlines ----
namespace {
const db::Query kWithDeadlines{"scorecard_assessments_with_deadlines", ASSESSMENT_COLUMNS
                               "WHERE a.state <> 'locked' AND (a.self_due <> '' OR "
                               "a.appraisal_due <> '') ORDER BY a.id LIMIT 10000"};
#define RECIPIENT_COLUMNS                                                                                  \
  "SELECT DISTINCT o.id, o.unit_id, o.full_name, o.email, o.phone FROM officials o JOIN role_grants g ON " \
  "g.official_id = o.id "
const db::Query kRecipientsOfUnit{"scorecard_recipients_of_unit", RECIPIENT_COLUMNS
                                  "WHERE o.active = 1 AND g.unit_id = ? AND (g.role = ? OR "
                                  "g.role = ?) ORDER BY o.id LIMIT 200"};
const db::Query kRecipientsAbove{"scorecard_recipients_above", RECIPIENT_COLUMNS
                                 "JOIN units u ON u.id = g.unit_id WHERE o.active = 1 AND ? LIKE "
                                 "u.path || '%' AND u.path <> ? AND (g.role = ? OR g.role = ?) "
                                 "ORDER BY o.id LIMIT 200"};
const db::Query kReminderSent{"scorecard_reminder_sent",
                              "SELECT 1 FROM scorecard_reminders WHERE assessment_id = ? AND step = ? AND kind = ? "
                              "AND official_id = ? AND due = ?"};
const db::Query kPutReminder{"scorecard_reminder_put",
                             "INSERT INTO scorecard_reminders (assessment_id, step, kind, official_id, due, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"};
}  // namespace

std::vector<Assessment> AssessmentsWithDeadlines(db::Conn& c) {
  std::vector<Assessment> out;
  for (const auto& r : c.query(kWithDeadlines)) out.push_back(AssessmentOf(r));
  return out;
}

std::vector<Recipient> Recipients(db::Conn& c, int64_t unit_id, const std::string& unit_path, bool ancestors,
                                  const std::string& role, const std::string& or_role) {
  std::vector<Recipient> out;
  auto rows = ancestors ? c.query(kRecipientsAbove, {unit_path, unit_path, role, or_role})
                        : c.query(kRecipientsOfUnit, {unit_id, role, or_role});
  for (const auto& r : rows) out.push_back({r.i64(0), r.i64(1), r.text(2), r.text(3), r.text(4)});
  return out;
}

bool ReminderSent(db::Conn& c, int64_t assessment_id, const Reminder& r, int64_t official_id) {
  return c.query_one(kReminderSent, {assessment_id, r.step, r.kind, official_id, r.due}).has_value();
}

bool PutReminder(db::Conn& c, int64_t assessment_id, const Reminder& r, int64_t official_id, const std::string& now) {
  return c.exec(kPutReminder, {assessment_id, r.step, r.kind, official_id, r.due, now}) == 1;
}

// ---- commitments ----
namespace {
#define COMMITMENT_COLUMNS                                                                        \
  "SELECT k.id, k.unit_id, u.code, u.name, k.year, k.indicator, k.target, k.note, k.created_by, " \
  "k.created_at, k.withdrawn_at, u.path FROM scorecard_commitments k JOIN units u ON u.id = k.unit_id "
const db::Query kInsertCommitment{"scorecard_commitment_insert",
                                  "INSERT INTO scorecard_commitments (unit_id, year, indicator, target, note, "
                                  "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"};
const db::Query kCommitmentsUnder{"scorecard_commitments_under", COMMITMENT_COLUMNS
                                  "WHERE u.path LIKE ? AND k.year = ? AND k.withdrawn_at = '' "
                                  "ORDER BY u.path, k.indicator LIMIT 2000"};
const db::Query kCommitmentById{"scorecard_commitment_by_id", COMMITMENT_COLUMNS "WHERE k.id = ?"};
const db::Query kCommitmentIdOf{"scorecard_commitment_id_of",
                                "SELECT id FROM scorecard_commitments WHERE unit_id = ? AND year = ? AND "
                                "indicator = ? AND withdrawn_at = ''"};
const db::Query kCountCommitments{"scorecard_commitments_count",
                                  "SELECT COUNT(*) FROM scorecard_commitments WHERE unit_id = ? AND year = ? AND "
                                  "withdrawn_at = ''"};
const db::Query kWithdrawCommitment{"scorecard_commitment_withdraw",
                                    "UPDATE scorecard_commitments SET withdrawn_at = ? WHERE id = ? AND "
                                    "withdrawn_at = ''"};

Commitment CommitmentOf(const db::Row& r) {
  Commitment k;
  k.id = r.i64(0);
  k.unit_id = r.i64(1);
  k.unit_code = r.text(2);
  k.unit_name = r.text(3);
  k.year = static_cast<int>(r.i64(4));
  k.indicator = r.text(5);
  k.target = r.i64(6);
  k.note = r.text(7);
  k.created_by = r.i64(8);
  k.created_at = r.text(9);
  k.withdrawn_at = r.text(10);
  k.unit_path = r.text(11);
  return k;
}
}  // namespace

int64_t InsertCommitment(db::Conn& c, const Commitment& k, const std::string& now) {
  return c.insert(kInsertCommitment, {k.unit_id, int64_t{k.year}, k.indicator, k.target, k.note, k.created_by, now});
}

std::vector<Commitment> CommitmentsUnder(db::Conn& c, const std::string& path_prefix, int year) {
  std::vector<Commitment> out;
  for (const auto& r : c.query(kCommitmentsUnder, {path_prefix + "%", int64_t{year}})) out.push_back(CommitmentOf(r));
  return out;
}

std::optional<Commitment> CommitmentById(db::Conn& c, int64_t id) {
  auto r = c.query_one(kCommitmentById, {id});
  if (!r) return std::nullopt;
  return CommitmentOf(*r);
}

std::optional<int64_t> CommitmentIdOf(db::Conn& c, int64_t unit_id, int year, const std::string& indicator) {
  auto r = c.query_one(kCommitmentIdOf, {unit_id, int64_t{year}, indicator});
  if (!r) return std::nullopt;
  return r->i64(0);
}

int64_t CountCommitments(db::Conn& c, int64_t unit_id, int year) {
  return c.query_one(kCountCommitments, {unit_id, int64_t{year}})->i64(0);
}

bool WithdrawCommitment(db::Conn& c, int64_t id, const std::string& now) {
  return c.exec(kWithdrawCommitment, {now, id}) == 1;
}

}  // namespace fg::scorecards::repo
