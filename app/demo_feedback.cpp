// Demo feedback: a few items of the ward on several channels, one answered and
// published, one waiting for the citizen's information, so that the register,
// an item's page and the public lookup have content.
#include "app/demo.h"
#include "features/feedback/service.h"

namespace fg::app {

void SeedFeedback(db::Db& db, org::Service& org, calendar::Service& calendar) {
  auto sys = org::SystemPrincipal();
  std::optional<auth::Principal> desk_officer, leader;
  for (auto& o : org.ListOfficials(sys)) {
    if (o.username == "desk") desk_officer = *db.read([&](db::Conn& c) { return org::Service::LoadPrincipal(c, o.id); });
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
  auto answered = svc.Register(*desk_officer, input("feedback", "hotline", "infrastructure", "Đèn đường khu phố 2 bị hỏng",
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
  auto asked = svc.Register(*desk_officer, input("recommendation", "zalo", "environment", "Tăng số lần thu gom rác",
                                                 "Đề nghị thu gom rác ở chợ Chơn Thành mỗi ngày thay vì hai ngày một lần.",
                                                 {"Trần Văn Nam", "0987 111 222", "", ""}));
  act(*desk_officer, asked.code, feedback::Action::kRequestInfo, "Xin cho biết điểm tập kết rác cụ thể.");
  svc.Register(*desk_officer, input("complaint", "in_person", "administrative", "Khiếu nại việc trả hồ sơ chậm",
                                    "Hồ sơ đăng ký kinh doanh của tôi trễ hẹn năm ngày mà không có thư xin lỗi.",
                                    {"Lê Văn Bình", "0903 333 444", "", "Tổ 5, khu phố 1"}));
  svc.Register(*desk_officer, input("feedback", "web", "order", "Lấn chiếm vỉa hè", "Quán ăn trước số 20 lấn chiếm hết vỉa hè.",
                                    {}));
}

}  // namespace fg::app
