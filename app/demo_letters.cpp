// Demo letters: the ward's signer, the drafts the demo dossiers trigger (two in
// three signed, as a leader would), a few letters made by hand, a family on the
// ward's "do not send" list, and the province's templates saved twice (the
// default text: the versions page has a version to restore).
#include "app/demo.h"
#include "features/letters/rules.h"
#include "platform/errors.h"

namespace fg::app {

void SeedLetters(letters::Service& svc) {
  const auth::Principal sys = org::SystemPrincipal();
  svc.PutSettings(sys, "25270", {"", "Chơn Thành", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "Trần Thị Lãnh"});
  svc.RunTriggers();
  const struct {
    const char *type, *name, *occasion, *date;
  } manual[] = {
      {"longevity", "Nguyễn Văn Thọ", "mừng thọ 90 tuổi", "2026-01-15"},
      {"thanks", "Ông Đỗ Văn Long", "ủng hộ 50 triệu đồng xây dựng nhà văn hóa khu phố 3", ""},
      {"achievement", "Em Lý Thị Ngọc Anh", "đạt giải Nhất học sinh giỏi Toán cấp tỉnh năm học 2025-2026",
       "2026-03-20"},
      {"new_house", "Bà Đinh Thị Oanh", "hoàn thành nhà tình thương", "2026-04-02"},
  };
  for (const auto& m : manual)
    svc.Create(sys,
               {"25270", m.type, m.name, "Khu phố 3, phường Chơn Thành", "", m.occasion, m.date, "", "hand", "", ""});
  letters::LetterQuery q;
  q.unit_code = "25270";
  q.state = "draft";
  q.limit = 500;
  int i = 0;
  for (const auto& l : svc.List(sys, q).items)
    if (i++ % 3 != 0) svc.Act(sys, l.id, "issue");
  letters::DoNotSend dns;
  dns.unit_code = "25270";
  dns.name = "Huỳnh Thị Mười";
  dns.id_number = "079150000123";
  dns.note = "Gia đình đề nghị không gửi thư";
  svc.AddDoNotSend(sys, dns);
  for (const auto& type : letters::Types()) {
    const letters::Template t = svc.GetTemplate(sys, "75", type);
    for (int k = 0; k < 2; ++k) svc.SaveTemplate(sys, "75", type, {t.title, t.front, t.back, t.paper, t.border});
  }
}

}  // namespace fg::app
