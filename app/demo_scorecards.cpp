// Demo scorecards: the shipped templates; the demo ward's assessments of the last
// two years on the "Chính quyền thân thiện" sample, self-assessed with evidence,
// appraised and locked by the province (so the ranking, the recognised list and
// its decision annex have a row); and its self-assessment of this year, opened
// by the province's evaluator with deadlines (15/12 and 31/12), a few lines
// already scored (a draft); and its commitments of the year.
#include <set>
#include <stdexcept>

#include "app/demo.h"
#include "features/scorecards/rules.h"
#include "features/scorecards/service.h"
#include "platform/time.h"

namespace fg::app {
namespace {
// Last year's figures of the demo ward (the demo's desk and ratings hold this
// year's only): 1,184 of 1,200 dossiers on time, 3 late, 912 of 960 ratings
// satisfied, 46 of 48 feedback items answered on time.
class LastYear : public scorecards::IndicatorSource {
 public:
  std::map<std::string, scorecards::IndicatorValue> Read(const auth::Principal&, const std::string&, const std::string&,
                                                         const std::string&) override {
    return {{"on_time_rate", {1184, 1200}},
            {"late_count", {3, 1200}},
            {"satisfaction_share", {912, 960}},
            {"feedback_on_time_rate", {46, 48}}};
  }
};

// A one-page PDF as evidence.
constexpr char kPdf[] =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
constexpr std::string_view kEvidence(kPdf, sizeof kPdf - 1);

// Every manual line at its maximum but a few half a point below, evidence where the
// set requires it; the province accepts them, scores the survey part by hand
// (no campaign then) and locks.
void LockYear(scorecards::Service& svc, const scorecards::CriteriaSet& s, const auth::Principal& evaluator,
              const auth::Principal& leader, int year, const std::set<std::string>& short_of) {
  const std::string y = std::to_string(year);
  auto a = svc.Open(evaluator, s.id, "25270", y + "-01-01", y + "-12-31");
  std::map<std::string, scorecards::SelfInput> self;
  std::map<std::string, scorecards::AppraisalInput> appraisal;
  for (const auto* c : scorecards::Leaves(s)) {
    if (c->method == scorecards::Method::kManual) {
      self[c->key] = {scorecards::FormatPoints(c->max - (short_of.count(c->key) ? 50 : 0)), ""};
      appraisal[c->key] = {false, "", ""};
      if (c->evidence_required) svc.AddEvidence(leader, a.id, c->key, "Hồ sơ minh chứng " + c->key, kEvidence);
    } else if (c->method == scorecards::Method::kSurvey) {
      appraisal[c->key] = {true, scorecards::FormatPoints(c->max - 25), "Theo kết quả khảo sát của Sở Nội vụ"};
    }
  }
  svc.SelfAssess(leader, a.id, self);
  svc.Submit(leader, a.id);
  svc.Appraise(evaluator, a.id, appraisal, std::set<std::string>{});
  svc.Lock(evaluator, a.id);
}
}  // namespace

void SeedScorecards(db::Db& db, org::Service& org, const std::string& assets_dir) {
  auto sys = org::SystemPrincipal();
  auto principal = [&](const std::string& username) {
    for (auto& o : org.ListOfficials(sys))
      if (o.username == username) return *db.read([&](db::Conn& c) { return org::Service::LoadPrincipal(c, o.id); });
    throw std::runtime_error("demo official missing: " + username);
  };
  LastYear figures;
  scorecards::Service svc(db, figures);
  svc.InstallTemplates(assets_dir);
  const auto evaluator = principal("evaluator"), leader = principal("leader");
  for (const auto& s : svc.Sets(evaluator)) {
    if (s.code != "cqtt") continue;
    auto a = svc.Open(evaluator, s.id, "25270", "", "");
    svc.SelfAssess(leader, a.id,
                   {{"1.1", {"2", "Niêm yết đủ 128 thủ tục tại Bộ phận một cửa và trên trang thông tin điện tử."}},
                    {"1.2", {"1,5", "Có mã QR cho phần lớn thủ tục; còn thiếu ở lĩnh vực đất đai."}},
                    {"1.3", {"2", ""}}});
    svc.AddEvidence(leader, a.id, "1.1", "Ảnh chụp bảng niêm yết thủ tục", kEvidence);
    const std::string this_year = TodayLocalIso().substr(0, 4);
    svc.SetDeadlines(evaluator, a.id, this_year + "-12-15", this_year + "-12-31");
    // The ward's commitments of the year (ids 1 and 2: the authorisation matrix's examples).
    svc.Commit(leader, "25270", "on_time_rate", this_year, "98", "Rà soát hằng tuần các hồ sơ sắp đến hạn.");
    svc.Commit(leader, "25270", "late_count", this_year, "5", "");
    // After the draft, which keeps id 1 (the authorisation matrix's example):
    // the two years before, the later one better.
    const int year = std::stoi(this_year);
    LockYear(svc, s, evaluator, leader, year - 2, {"1.6", "1.9", "2.2", "2.4", "3.5", "4.1", "4.3"});
    LockYear(svc, s, evaluator, leader, year - 1, {"1.6", "2.2", "4.3"});
    // The province drafting its own set from the template (editable: no assessment uses it yet;
    // a template's code stays the template's, so the copy takes the page's default code).
    const auto admin = principal("admin");
    auto draft = svc.NewVersion(admin, s.id, "75", "cqtt-75");
    draft.name = "Bộ tiêu chí xã đạt chuẩn “Chính quyền thân thiện” của tỉnh (dự thảo)";
    svc.UpdateSet(admin, draft.id, draft);
    return;
  }
}

}  // namespace fg::app
