// Demo surveys: a short questionnaire of the province (its list, view, preview
// and editor pages have content), and a survey campaign: the SIPAS template at
// the demo ward, begun three weeks ago and repeated every six months, a printed
// sheet of invitations and one printed per official, answers to most of them,
// so that the campaign page, its progress, the invitation sheets and the
// reports (by unit and by official) have content.
#include <algorithm>

#include "app/demo.h"
#include "features/surveys/service.h"
#include "platform/errors.h"
#include "platform/time.h"

namespace fg::app {

void SeedSurveys(db::Db& db, org::Service& org, desk::Service& desk) {
  auto sys = org::SystemPrincipal();
  std::optional<auth::Principal> admin;
  for (auto& o : org.ListOfficials(sys))
    if (o.username == "admin") admin = *db.read([&](db::Conn& c) { return org::Service::LoadPrincipal(c, o.id); });
  if (!admin) return;
  surveys::Service svc(db, desk);
  // A short questionnaire of the province, so that its pages (and a new version of it) are there to see.
  {
    surveys::Questionnaire q;
    q.code = "mot-cua-tinh";
    q.name = "Khảo sát nhanh tại Bộ phận Một cửa";
    q.sections = {
        {"Phục vụ tại Bộ phận Một cửa",
         {{"q1", "Công chức hướng dẫn rõ ràng, dễ hiểu", surveys::QuestionKind::kLikert, true, {}, "cong_chuc"},
          {"q2",
           "Ông/bà biết đến thủ tục qua đâu",
           surveys::QuestionKind::kSingle,
           true,
           {"Cán bộ ấp, khu phố", "Trang thông tin của xã, phường", "Người quen"},
           ""}}},
        {"Góp ý", {{"q3", "Ông/bà muốn chúng tôi làm tốt hơn điều gì", surveys::QuestionKind::kText, false, {}, ""}}}};
    svc.SaveQuestionnaire(*admin, "75", q);
  }
  const auto today = *ParseIsoDate(TodayLocalIso());
  surveys::CampaignInput in;
  in.name = "Khảo sát sự hài lòng của người dân (SIPAS) tại Phường Chơn Thành";
  in.questionnaire_id = svc.SipasTemplate().id;
  in.from = FormatIsoDate(today - std::chrono::days(21));
  in.to = FormatIsoDate(today + std::chrono::days(150));
  in.unit_codes = {"25270"};
  in.target = "100";
  in.repeat_6_months = true;
  const auto k = svc.CreateCampaign(*admin, in);
  const auto sheet = svc.CreateInvitations(*admin, k.id, "25270", "40", false);
  // A sheet with one invitation per official of the ward (the report by official); up to 4 answered.
  std::vector<surveys::Invitation> per_official;
  try {
    per_official = svc.CreateInvitations(*admin, k.id, "25270", "", true);
  } catch (const AppError&) {  // no official at the ward: the unit's sheet only
  }
  const size_t by_official = std::min<size_t>(per_official.size(), 4), by_unit = 34 - by_official;
  // 34 answered in all: mostly satisfied, the waiting area less so.
  for (size_t i = 0; i < 34; ++i) {
    surveys::Answers a;
    for (int q = 1; q <= 19; ++q) {
      int level = (i + static_cast<size_t>(q)) % 7 == 0 ? 3 : (i + static_cast<size_t>(q)) % 3 == 0 ? 4 : 5;
      if (q <= 3 && i % 4 == 0) level = 2;
      a["q" + std::to_string(q)] = {std::to_string(level)};
    }
    if (i % 5 == 0) a["q20"] = {"Bố trí thêm ghế ngồi chờ và nước uống."};
    svc.Answer(i < by_unit ? sheet[i].token : per_official[i - by_unit].token, a);
  }
}

}  // namespace fg::app
