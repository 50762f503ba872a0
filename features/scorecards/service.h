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
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "features/scorecards/model.h"
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
// ratings' counters (satisfied share) and the letters' counts (letters sent);
// a missing service leaves its indicators out.
class LiveIndicators : public IndicatorSource {
 public:
  LiveIndicators(desk::Service& desk, std::shared_ptr<ratings::Service> ratings, letters::Service* letters)
      : desk_(desk), ratings_(std::move(ratings)), letters_(letters) {}
  std::map<std::string, IndicatorValue> Read(const auth::Principal& p, const std::string& unit_code,
                                             const std::string& from, const std::string& to) override;

 private:
  desk::Service& desk_;
  std::shared_ptr<ratings::Service> ratings_;
  letters::Service* letters_;
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
};

struct Ranking {
  CriteriaSet set;
  std::string unit_code, unit_name, from;
  std::vector<Ranked> rows;  // locked assessments
  int64_t pending = 0;       // assessments of the period not locked yet
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
  // Changes a version no assessment uses (409 scorecards.set_frozen otherwise); the code stays.
  CriteriaSet UpdateSet(const auth::Principal& p, int64_t id, const CriteriaSet& in);

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

  // ---- evidence ----
  // Attaches a file to a leaf line: the unit's own leaders and administrators,
  // in draft or returned; at most kMaxEvidenceBytes (413) and kMaxEvidencePerLine
  // per line (409); a type read from the content (415 otherwise). `name` as
  // typed (<= 200 characters; empty: the type's name).
  Evidence AddEvidence(const auth::Principal& p, int64_t id, const std::string& line_key, const std::string& name,
                       std::string_view bytes);
  std::vector<Evidence> EvidenceOf(const auth::Principal& p, int64_t id);
  // A file with its bytes: any role covering the assessment's unit.
  std::pair<Evidence, std::string> EvidenceFile(const auth::Principal& p, int64_t evidence_id);

  Ranking RankingOf(const auth::Principal& p, int64_t set_id, const std::string& unit_code, const std::string& from);

 private:
  Assessment Load(db::Conn& c, int64_t id);
  db::Db& db_;
  IndicatorSource& indicators_;
  std::shared_ptr<IndicatorSource> owned_;
};

}  // namespace fg::scorecards
