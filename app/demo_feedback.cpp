// Demo feedback: a few items of the ward on several channels, one answered and
// published, one waiting for the citizen's information, one by e-mail with a
// photo and a file, and two dialogue sessions with their issues, so that the
// register, an item's page, the public lookup, the statistics and the sessions
// have content.
#include <cairo.h>

#include "app/demo.h"
#include "features/feedback/repo.h"
#include "features/feedback/service.h"
#include "platform/auth/crypto.h"
#include "platform/render/png.h"
#include "platform/time.h"

namespace fg::app {
namespace {

// The photo sent with the sidewalk item: a street with a sidewalk taken by plastic chairs.
std::string SidewalkPhoto() {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 320, 240);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0.75, 0.86, 0.95);  // sky
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);  // road
  cairo_rectangle(cr, 0, 170, 320, 70);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0.8, 0.78, 0.72);  // sidewalk
  cairo_rectangle(cr, 0, 130, 320, 40);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0.85, 0.15, 0.15);  // chairs
  for (int x = 20; x < 300; x += 40) {
    cairo_rectangle(cr, x, 118, 18, 22);
    cairo_fill(cr);
  }
  cairo_destroy(cr);
  std::string png = render::PngBytes(surface);
  cairo_surface_destroy(surface);
  return png;
}

}  // namespace

void SeedFeedback(db::Db& db, org::Service& org, calendar::Service& calendar) {
  auto sys = org::SystemPrincipal();
  std::optional<auth::Principal> desk_officer, leader;
  for (auto& o : org.ListOfficials(sys)) {
    if (o.username == "desk")
      desk_officer = *db.read([&](db::Conn& c) { return org::Service::LoadPrincipal(c, o.id); });
    if (o.username == "leader") leader = *db.read([&](db::Conn& c) { return org::Service::LoadPrincipal(c, o.id); });
  }
  if (!desk_officer || !leader) return;
  feedback::Service svc(db, calendar);
  auto input = [](const char* kind, const char* channel, const char* category, const char* title, const char* content,
                  feedback::Person person) {
    feedback::ItemInput in;
    in.kind = kind;
    in.channel = channel;
    in.category = category;
    in.unit_code = "25270";
    in.title = title;
    in.content = content;
    in.person = std::move(person);
    return in;
  };
  auto answered =
      svc.Register(*desk_officer, input("feedback", "hotline", "infrastructure", "Đèn đường khu phố 2 bị hỏng",
                                        "Ba cột đèn trên đường Trần Hưng Đạo, khu phố 2 tắt từ đầu tuần.",
                                        {"Nguyễn Thị Hoa", "0913 456 789", "", "Khu phố 2"}));
  auto act = [&](const auth::Principal& p, const std::string& code, feedback::Action a, const std::string& text = "") {
    feedback::ActionInput in;
    in.action = a;
    in.text = text;
    svc.Apply(p, code, in);
  };
  act(*desk_officer, answered.code, feedback::Action::kDraftReply,
      "Phường đã phối hợp với Điện lực thay bóng cho ba cột đèn. Cảm ơn bà Nguyễn Thị Hoa đã phản ánh.");
  act(*leader, answered.code, feedback::Action::kApproveReply);
  act(*leader, answered.code, feedback::Action::kPublish);
  auto asked =
      svc.Register(*desk_officer, input("recommendation", "zalo", "environment", "Tăng số lần thu gom rác",
                                        "Đề nghị thu gom rác ở chợ Chơn Thành mỗi ngày thay vì hai ngày một lần.",
                                        {"Trần Văn Nam", "0987 111 222", "", ""}));
  act(*desk_officer, asked.code, feedback::Action::kRequestInfo, "Xin cho biết điểm tập kết rác cụ thể.");
  svc.Register(*desk_officer, input("complaint", "in_person", "administrative", "Khiếu nại việc trả hồ sơ chậm",
                                    "Hồ sơ đăng ký kinh doanh của tôi trễ hẹn năm ngày mà không có thư xin lỗi.",
                                    {"Lê Văn Bình", "0903 333 444", "", "Tổ 5, khu phố 1"}));

  // Two dialogue sessions of the ward: last month's, held, with two issues (one answered since), and
  // this week's, held today, with one issue, so that the follow-up shows.
  const auto today = *ParseIsoDate(TodayLocalIso());
  auto plan = [&](std::chrono::sys_days day, const char* title) {
    feedback::SessionInput in{"25270",
                              title,
                              FormatIsoDate(day),
                              "08:00",
                              "Hội trường khu phố 2",
                              "Ông Nguyễn Văn Quản, Chủ tịch UBND phường",
                              "Người dân khu phố 1, 2 và 3"};
    return svc.PlanSession(*leader, in);
  };
  auto raise = [&](int64_t session, const char* kind, const char* category, const char* title, const char* content,
                   feedback::Person person) {
    return svc.RaiseInSession(*leader, session, input(kind, "dialogue", category, title, content, std::move(person)));
  };
  auto record = [&](const feedback::Session& s, const char* attendees, const char* summary) {
    svc.RecordSession(*leader, s.id,
                      {attendees, "Đại diện các tổ dân phố, hội phụ nữ, hội cựu chiến binh", summary, s.version});
  };
  const auto last = plan(today - std::chrono::days(30), "Đối thoại với người dân khu phố 1, 2, 3 (tháng trước)");
  auto drain = raise(last.id, "recommendation", "infrastructure", "Nạo vét mương thoát nước khu phố 1",
                     "Mương thoát nước khu phố 1 bị bồi lấp, mưa lớn là ngập.", {"Phạm Văn Đức", "", "", ""});
  raise(last.id, "feedback", "order", "Xe tải chạy tốc độ cao qua trường học",
        "Đề nghị đặt biển hạn chế tốc độ trước trường.", {});
  record(last, "85",
         "Phường giao bộ phận địa chính khảo sát mương khu phố 1 trong tháng; đề nghị công an phường tăng tuần tra.");
  act(*desk_officer, drain.code, feedback::Action::kDraftReply, "Phường đã nạo vét 300 m mương khu phố 1.");
  act(*leader, drain.code, feedback::Action::kApproveReply);
  const auto now_session = plan(today, "Đối thoại với người dân khu phố 1, 2, 3");
  raise(now_session.id, "feedback", "environment", "Rác thải ở bãi đất trống đường số 5",
        "Bãi đất trống đường số 5 bị đổ rác nhiều tuần.", {"Võ Thị Lan", "0935 222 111", "", ""});
  record(now_session, "102", "Giao tổ dân phố 2 vận động người dân không đổ rác; phường dọn bãi trong tuần.");

  // The newest item came by e-mail with a photo and a file (the register lists it first: the page
  // walks of the tests reach both).
  auto sidewalk = input("feedback", "email", "order", "Lấn chiếm vỉa hè", "Quán ăn trước số 20 lấn chiếm hết vỉa hè.",
                        {"Phan Văn Hùng", "", "hung.phan@example.com", ""});
  sidewalk.photos.push_back({0, "", 0, 0, 0, "", SidewalkPhoto()});
  const auto item = svc.Register(*desk_officer, sidewalk);
  const std::string signed_by = "STT,Họ tên,Địa chỉ\n1,Phan Văn Hùng,số 18\n2,Lê Thị Mai,số 22\n3,Trần Văn Bảy,số 24\n";
  db.write([&](db::Conn& c) {
    feedback::repo::InsertAttachment(c, item.id,
                                     {1, "Danh sách hộ dân ký tên.csv", "text/csv",
                                      static_cast<int64_t>(signed_by.size()), auth::Sha256Hex(signed_by), signed_by});
  });
}

}  // namespace fg::app
