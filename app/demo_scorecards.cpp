// Demo scorecards: the shipped templates, and the demo ward's self-assessment
// of this year on the "Chính quyền thân thiện" sample, opened by the province's
// evaluator, with a few lines already scored by the ward's leader (a draft).
#include <stdexcept>

#include "app/demo.h"
#include "features/scorecards/service.h"

namespace fg::app {
namespace {
// The demo draft has no computed line scored yet: nothing is read.
class NoIndicators : public scorecards::IndicatorSource {
 public:
  std::map<std::string, scorecards::IndicatorValue> Read(const auth::Principal&, const std::string&,
                                                         const std::string&, const std::string&) override {
    return {};
  }
};
}  // namespace

void SeedScorecards(db::Db& db, org::Service& org, const std::string& assets_dir) {
  auto sys = org::SystemPrincipal();
  auto principal = [&](const std::string& username) {
    for (auto& o : org.ListOfficials(sys))
      if (o.username == username) return *db.read([&](db::Conn& c) { return org::Service::LoadPrincipal(c, o.id); });
    throw std::runtime_error("demo official missing: " + username);
  };
  NoIndicators none;
  scorecards::Service svc(db, none);
  svc.InstallTemplates(assets_dir);
  const auto evaluator = principal("evaluator"), leader = principal("leader");
  for (const auto& s : svc.Sets(evaluator)) {
    if (s.code != "cqtt") continue;
    auto a = svc.Open(evaluator, s.id, "25270", "", "");
    svc.SelfAssess(leader, a.id,
                   {{"1.1", {"2", "Niêm yết đủ 128 thủ tục tại Bộ phận một cửa và trên trang thông tin điện tử."}},
                    {"1.2", {"1,5", "Có mã QR cho phần lớn thủ tục; còn thiếu ở lĩnh vực đất đai."}},
                    {"1.3", {"2", ""}}});
    // A one-page PDF as the evidence of 1.1.
    static const char kPdf[] =
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    svc.AddEvidence(leader, a.id, "1.1", "Ảnh chụp bảng niêm yết thủ tục", std::string_view(kPdf, sizeof kPdf - 1));
    return;
  }
}

}  // namespace fg::app
