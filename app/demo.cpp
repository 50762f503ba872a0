// Demo data: one province after the 1/7/2025 reform with three communes, and
// a legacy district (in force until 1/7/2025) whose communes merged into them.
// Codes follow the official shape but are illustrative.
#include "app/demo.h"

#include <cmath>
#include <map>
#include <string_view>

#include "features/public/announcements.h"
#include "features/public/repo.h"
#include "platform/render/png.h"
#include "platform/time.h"

#include "platform/errors.h"

namespace fg::app {
namespace {

// A drawn stand-in for an official's portrait (a head and shoulders on a plain
// ground, 3:4, as the directory shows it), so the demo shows photos without
// shipping anyone's picture.
std::string DemoPortrait() {
  const int w = 180, h = 240;
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 0.86, 0.91, 0.96);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0.16, 0.33, 0.55);
  cairo_arc(cr, w / 2.0, h + 40, 105, M_PI, 2 * M_PI);  // shoulders
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0.93, 0.78, 0.64);
  cairo_arc(cr, w / 2.0, 100, 48, 0, 2 * M_PI);  // head
  cairo_fill(cr);
  cairo_destroy(cr);
  std::string out = render::PngBytes(s);
  cairo_surface_destroy(s);
  return out;
}

}  // namespace

bool SeedDemo(db::Db& db, org::Service& org, calendar::Service& calendar, accounts::Service& accounts,
              desk::Service& desk) {
  auto sys = org::SystemPrincipal();
  try {
    org.GetUnit(sys, "75");
    return false;  // already seeded
  } catch (const AppError& e) {
    if (e.kind() != ErrorKind::kNotFound) throw;
  }
  const char* csv =
      "code,name,level,parent_code,valid_from,valid_to,successor_code\n"
      "75,Tỉnh Đồng Nai,province,,1976-01-01,,\n"
      "25270,Phường Chơn Thành,ward,75,2025-07-01,,\n"
      "25300,Xã Nha Bích,commune,75,2025-07-01,,\n"
      "26100,Phường Trấn Biên,ward,75,2025-07-01,,\n"
      "694,Thị xã Chơn Thành,district,75,2003-01-01,2025-07-01,\n"
      "25276,Phường Hưng Long,ward,694,2003-01-01,2025-07-01,25270\n"
      "25279,Xã Minh Long,commune,694,2003-01-01,2025-07-01,25270\n"
      "25291,Xã Nha Bích,commune,694,2003-01-01,2025-07-01,25300\n";
  org.ImportCsv(sys, csv);

  struct Person {
    const char* username;
    const char* name;
    const char* position;
    const char* unit;
    const char* role;
    const char* phone;
  };
  const Person people[] = {
      {"admin", "Nguyễn Văn Quản", "Quản trị hệ thống tỉnh", "75", "admin", "0912345601"},
      {"leader", "Trần Thị Lãnh", "Chủ tịch UBND phường", "25270", "leader", "0912345602"},
      {"desk", "Lê Văn Một", "Công chức Bộ phận một cửa", "25270", "desk", "0912345603"},
      {"specialist", "Phạm Thị Chuyên", "Công chức Văn phòng - Thống kê", "25270", "specialist", "0912345604"},
      {"evaluator", "Hoàng Văn Thẩm", "Chuyên viên Sở Nội vụ", "75", "evaluator", "0912345605"},
  };
  int64_t admin_id = 0;
  std::map<std::string, int64_t> ids;
  for (auto& p : people) {
    org::OfficialInput in{p.username, p.name,  p.unit,
                          p.position, p.phone, std::string(p.username) + "@demo.friendlygov.vn",
                          "demo",     true};
    auto o = org.CreateOfficial(sys, in, {{p.role, p.unit}}, /*demo_password=*/true);
    if (std::string_view(p.username) == "admin") admin_id = o.id;
    ids[p.username] = o.id;
  }
  // The ward's public directory (/xa/25270/danh-ba): the chairwoman publishes
  // her position, phone and receiving hours; the desk officer his position
  // and photo only (not his phone); the specialist nothing.
  org.SetPhoto(sys, ids["desk"], DemoPortrait());
  db.write([&](db::Conn& c) {
    pub::Publication chair;
    chair.listed = chair.position = chair.phone = chair.hours = true;
    chair.hours_text = "Sáng thứ Năm hằng tuần, 7:30 – 11:30";
    chair.sort_order = 2;
    pub::repo::PutPublication(c, ids["leader"], chair, std::nullopt, NowUtcText());
    pub::Publication desk_officer;
    desk_officer.listed = desk_officer.position = desk_officer.photo = true;
    desk_officer.sort_order = 10;
    pub::repo::PutPublication(c, ids["desk"], desk_officer, std::nullopt, NowUtcText());
  });
  // A connection of another system, so that the administrator's page lists one.
  accounts.CreateToken(sys, admin_id, "Cổng dịch vụ công tỉnh (thử nghiệm)");
  // One ward keeps its own working week with the "no Friday to next week" rule.
  calendar.SetWeek(sys, "25270", {"07:30-11:30,13:30-17:00", "6,7", "8", true});
  // An announcement on the loudspeakers of two hamlets of the ward, on air for a week.
  {
    const std::string today = TodayLocalIso();
    pub::AnnouncementInput a;
    a.unit_code = "25270";
    a.title = "Tiêm phòng dại cho chó, mèo";
    a.body =
        "Ủy ban nhân dân phường Chơn Thành thông báo: sáng thứ Bảy tuần này, từ 7 giờ đến 11 giờ, tại nhà văn "
        "hóa khu phố 1, thú y phường tiêm phòng dại miễn phí cho chó, mèo. Đề nghị bà con đưa vật nuôi đến tiêm.";
    a.starts_on = today;
    a.ends_on = FormatIsoDate(*ParseIsoDate(today) + std::chrono::days(6));
    a.times = "06:30, 17:00";
    a.hamlets = "Khu phố 1\nKhu phố 2";
    pub::Announcements announcements(db);
    announcements.Create(sys, a);
    // A loudspeaker controller of the ward (its token is not kept: register another to get one).
    announcements.RegisterController(sys, "25270", "Cụm loa khu phố 1", "Khu phố 1");
  }
  SeedDesk(db, org, calendar, desk);
  SeedRatings(db, org);
  SeedFeedback(db, org, calendar);
  SeedSurveys(db, org, desk);
  return true;
}

}  // namespace fg::app
