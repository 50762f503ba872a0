// The printed forms' content (features/desk/forms.h) for dossiers received
// and handled through the service in the test, on both backends: texts, the
// appointment line, which forms exist, the control slip's rows, the register.
#include "features/desk/forms.h"

#include <gtest/gtest.h>

#include "features/calendar/testing.h"
#include "features/desk/repo.h"
#include "features/desk/testing.h"
#include "platform/errors.h"
#include "platform/source_dir.h"
#include "platform/time.h"

namespace fg::desk {
namespace {

using calendar::testing::D;
using fg::testing::KindOf;
using forms::Kind;

SysSeconds T(int y, unsigned m, unsigned d, int hh, int mm) { return FromLocal(D(y, m, d), (hh * 60 + mm) * 60); }

// The value printed after `label` (a failure when the form has no such line).
std::string Field(const forms::Form& f, const std::string& label) {
  for (const auto& b : f.blocks)
    if (b.type == forms::Block::Type::kField && b.text == label) return b.value;
  ADD_FAILURE() << "no line \"" << label << "\" in form " << forms::Number(f.kind);
  return "";
}

bool HasText(const forms::Form& f, const std::string& text) {
  for (const auto& b : f.blocks)
    if ((b.type == forms::Block::Type::kText || b.type == forms::Block::Type::kNote) && b.text == text) return true;
  return false;
}

const forms::Table& TableOf(const forms::Form& f) {
  for (const auto& b : f.blocks)
    if (b.type == forms::Block::Type::kTable) return b.table;
  static const forms::Table none;
  ADD_FAILURE() << "no table in form " << forms::Number(f.kind);
  return none;
}

class DeskFormsTest : public testing::DeskFixture {
 protected:
  void SetUp() override {
    DeskFixture::SetUp();
    SetClockForTesting(T(2026, 3, 17, 10, 25));  // a Tuesday
    admin_ = Official("admin.p1", "P1", "admin");
    desk_ = Official("desk.c1", "C1", "desk");
    specialist_ = Official("spec.c1", "C1", "specialist");
    outsider_ = Official("desk.c2", "C2", "desk");
    evaluator_ = Official("eval.c1", "C1", "evaluator");
    ProcedureInput birth = BirthInput("P1");
    birth.valid_from = "2025-01-01";
    proc_ = svc_->CreateProcedure(admin_, birth);
    svc_->SetAgencyCode(admin_, "C1", "000.00.01.H22");
  }
  void TearDown() override { SetClockForTesting(std::nullopt); }
  Dossier Receive(const std::string& unit = "C1", const auth::Principal* by = nullptr) {
    IntakeInput in;
    in.procedure_id = proc_.id;
    in.unit_code = unit;
    in.applicant = {"Nguyễn Thị Hồng Ánh", "079123456789", "0912 345 678", "anh@example.vn", "Ấp 3, Xã Một"};
    in.summary = "Đăng ký khai sinh cho con";
    in.documents = {{"Tờ khai đăng ký khai sinh", "original", 1}, {"Giấy chứng sinh", "copy", 2}};
    in.return_method = "at_desk";
    return svc_->Receive(by ? *by : desk_, in).detail.dossier;
  }
  void Do(const auth::Principal& p, const std::string& code, Action a, TransitionInput in = {}) {
    in.action = a;
    svc_->Apply(p, code, in);
  }
  forms::Form Form(Kind k, const std::string& code) {
    const FormsSource s = svc_->GetFormsSource(desk_, code);
    EXPECT_TRUE(forms::Exists(s.detail, k)) << forms::Number(k);
    return forms::Build(k, s, "https://dichvucong.example.vn/");
  }
  std::vector<Kind> Existing(const std::string& code) {
    const FormsSource s = svc_->GetFormsSource(desk_, code);
    std::vector<Kind> out;
    for (Kind k : forms::kAllKinds)
      if (forms::Exists(s.detail, k)) out.push_back(k);
    return out;
  }
  auth::Principal admin_, desk_, specialist_, outsider_, evaluator_;
  Procedure proc_;
};

TEST_P(DeskFormsTest, ReceiptPrintsTheApplicantTheDocumentsAndTheAppointment) {
  const Dossier d = Receive();
  const forms::Form f = Form(Kind::kReceipt, d.code);
  EXPECT_EQ(f.model, "Mẫu số 01");
  EXPECT_EQ(f.parent_body, "ỦY BAN NHÂN DÂN XÃ MỘT");
  EXPECT_EQ(f.body, "BỘ PHẬN MỘT CỬA");
  EXPECT_EQ(f.title, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
  EXPECT_EQ(f.date_line, "Một, ngày 17 tháng 3 năm 2026");
  EXPECT_EQ(f.code_line, "Mã hồ sơ: 000.00.01.H22-260317-0001");
  EXPECT_EQ(Field(f, "Tiếp nhận hồ sơ của:"), "Nguyễn Thị Hồng Ánh");
  EXPECT_EQ(Field(f, "Số định danh cá nhân:"), "079123456789");
  EXPECT_EQ(Field(f, "Địa chỉ:"), "Ấp 3, Xã Một");
  EXPECT_EQ(Field(f, "Số điện thoại:"), "0912 345 678");
  EXPECT_EQ(Field(f, "Nội dung yêu cầu giải quyết:"),
            "Đăng ký khai sinh (mã thủ tục 1.001193): Đăng ký khai sinh cho con");
  const forms::Table& docs = TableOf(f);
  ASSERT_EQ(docs.rows.size(), 2u);
  EXPECT_EQ(docs.rows[0], (std::vector<std::string>{"1", "Tờ khai đăng ký khai sinh", "Bản chính", "01"}));
  EXPECT_EQ(docs.rows[1], (std::vector<std::string>{"2", "Giấy chứng sinh", "Bản sao", "02"}));
  EXPECT_EQ(Field(f, "2. Số lượng hồ sơ:"), "01 bộ");
  EXPECT_EQ(Field(f, "3. Thời gian giải quyết hồ sơ theo quy định là:"), "03 ngày làm việc");
  EXPECT_EQ(Field(f, "4. Thời gian nhận hồ sơ:"), "10 giờ 25 phút, ngày 17/03/2026");
  // Three working days from Tuesday 10:25: Friday 10:25.
  EXPECT_EQ(Field(f, "5. Thời gian trả kết quả giải quyết hồ sơ:"), "10 giờ 25 phút, ngày 20/03/2026");
  EXPECT_EQ(Field(f, "6. Đăng ký nhận kết quả tại:"), "Bộ phận một cửa Xã Một");
  EXPECT_EQ(f.qr_url, "https://dichvucong.example.vn/tra-cuu?ma=000.00.01.H22-260317-0001");
  ASSERT_EQ(f.signatures.size(), 2u);
  EXPECT_EQ(f.signatures[0].title, "NGƯỜI NỘP HỒ SƠ");
  EXPECT_EQ(f.signatures[0].name, "Nguyễn Thị Hồng Ánh");
  EXPECT_EQ(f.signatures[1].title, "NGƯỜI TIẾP NHẬN HỒ SƠ");
  EXPECT_EQ(f.signatures[1].name, "Người desk.c1");
  EXPECT_EQ(f.file_name, "mau-01-000.00.01.H22-260317-0001");
  for (const auto& b : f.blocks) EXPECT_NE(b.type, forms::Block::Type::kNote) << b.text;  // received in time
}

TEST_P(DeskFormsTest, ReceiptOnAHolidaySaysWhenTheClockStarts) {
  SetClockForTesting(T(2026, 2, 17, 9, 0));  // Tết 2026: 14-22/02 off
  const Dossier d = Receive();
  const forms::Form f = Form(Kind::kReceipt, d.code);
  EXPECT_EQ(f.date_line, "Một, ngày 17 tháng 02 năm 2026");
  EXPECT_EQ(Field(f, "4. Thời gian nhận hồ sơ:"), "09 giờ 00 phút, ngày 17/02/2026");
  EXPECT_TRUE(HasText(f,
                      "Hồ sơ nhận sau giờ tiếp nhận trong ngày hoặc vào ngày nghỉ nên thời hạn giải quyết được tính từ "
                      "07 giờ 30 phút, ngày 23/02/2026."));
}

TEST_P(DeskFormsTest, FormsExistOnlyWhenTheHistoryGivesThemContent) {
  const Dossier d = Receive();
  EXPECT_EQ(Existing(d.code), (std::vector<Kind>{Kind::kReceipt, Kind::kControl}));

  TransitionInput supplement;
  supplement.reason = "1. Bản sao giấy chứng sinh có chứng thực\n2. Giấy tờ tùy thân của người đi khai sinh";
  Do(desk_, d.code, Action::kRequestSupplement, supplement);
  EXPECT_EQ(Existing(d.code), (std::vector<Kind>{Kind::kReceipt, Kind::kSupplement, Kind::kControl}));
  const forms::Form f02 = Form(Kind::kSupplement, d.code);
  EXPECT_EQ(f02.title, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
  EXPECT_TRUE(HasText(f02, "1. Bản sao giấy chứng sinh có chứng thực"));
  EXPECT_TRUE(HasText(f02, "2. Giấy tờ tùy thân của người đi khai sinh"));
  EXPECT_TRUE(HasText(f02,
                      "Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với Người desk.c1 để "
                      "được hướng dẫn."));
  ASSERT_EQ(f02.signatures.size(), 1u);
  EXPECT_EQ(f02.signatures[0].name, "Người desk.c1");

  Do(desk_, d.code, Action::kSupplementReceived);
  TransitionInput apology;
  apology.reason = "Chờ xác minh thông tin từ nơi cư trú trước đây";
  apology.new_due_date = "2026-03-25";
  Do(desk_, d.code, Action::kApology, apology);
  const forms::Form f04 = Form(Kind::kApology, d.code);
  EXPECT_EQ(f04.title, "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT");
  EXPECT_EQ(f04.parent_body, "");
  EXPECT_EQ(f04.body, "ỦY BAN NHÂN DÂN XÃ MỘT");
  EXPECT_EQ(Field(f04, "Kính gửi:"), "Ông/bà Nguyễn Thị Hồng Ánh");
  EXPECT_EQ(Field(f04, "Lý do:"), "Chờ xác minh thông tin từ nơi cư trú trước đây");
  EXPECT_TRUE(HasText(f04,
                      "Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của ông/bà. Ủy ban nhân dân Xã "
                      "Một xin lỗi ông/bà và hẹn trả kết quả giải quyết hồ sơ vào 17 giờ 00 phút, ngày 25/03/2026."));
  EXPECT_FALSE(f04.recipients.empty());
  // The receipt keeps the appointment it gave (the apology moved the due date).
  EXPECT_EQ(Field(Form(Kind::kReceipt, d.code), "5. Thời gian trả kết quả giải quyết hồ sơ:"),
            "10 giờ 25 phút, ngày 20/03/2026");

  TransitionInput stop;
  stop.reason = "Người nộp hồ sơ đã chết";
  Do(desk_, d.code, Action::kStop, stop);
  EXPECT_EQ(Existing(d.code),
            (std::vector<Kind>{Kind::kReceipt, Kind::kSupplement, Kind::kApology, Kind::kStop, Kind::kControl}));
  const forms::Form f05 = Form(Kind::kStop, d.code);
  EXPECT_EQ(f05.title, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
  EXPECT_EQ(Field(f05, "Lý do:"), "Người nộp hồ sơ đã chết");

  const Dossier refused = Receive();
  TransitionInput refuse;
  refuse.reason = "Thủ tục không thuộc thẩm quyền giải quyết của xã";
  Do(desk_, refused.code, Action::kRefuse, refuse);
  EXPECT_EQ(Existing(refused.code), (std::vector<Kind>{Kind::kReceipt, Kind::kRefusal, Kind::kControl}));
  const forms::Form f03 = Form(Kind::kRefusal, refused.code);
  EXPECT_EQ(f03.title, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
  EXPECT_TRUE(HasText(f03, "Thủ tục không thuộc thẩm quyền giải quyết của xã"));
  EXPECT_TRUE(HasText(f03,
                      "Qua xem xét, Bộ phận một cửa Xã Một từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ "
                      "thể như sau:"));
}

TEST_P(DeskFormsTest, ControlSlipHasARowPerHandOverWithItsTimeliness) {
  const Dossier d = Receive();
  SetClockForTesting(T(2026, 3, 17, 11, 25));
  TransitionInput transfer;
  transfer.to_official = specialist_.official_id;
  Do(desk_, d.code, Action::kTransfer, transfer);
  SetClockForTesting(T(2026, 3, 17, 14, 0));
  Do(specialist_, d.code, Action::kResultReady);
  TransitionInput ret;
  ret.returned_to = "Nguyễn Thị Hồng Ánh";
  Do(desk_, d.code, Action::kReturn, ret);

  const forms::Form f = Form(Kind::kControl, d.code);
  EXPECT_EQ(f.title, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
  EXPECT_EQ(f.model, "Mẫu số 06");
  EXPECT_EQ(Field(f, "Kèm theo hồ sơ của:"), "Nguyễn Thị Hồng Ánh");
  EXPECT_EQ(Field(f, "Cơ quan phối hợp giải quyết:"), "");  // printed as a line to fill in
  const forms::Table& t = TableOf(f);
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0][0], "1. Giao: người nộp hồ sơ Nguyễn Thị Hồng Ánh\nNhận: Người desk.c1\nBước: Tiếp nhận");
  EXPECT_EQ(t.rows[0][1], "10 giờ 25 phút, ngày 17/03/2026");
  // Reception: 1 hour used of 4 (less than a working day to spare): on time.
  EXPECT_EQ(t.rows[0][2], "Đúng hạn");
  EXPECT_EQ(t.rows[1][0], "2. Giao: Người desk.c1\nNhận: Người spec.c1\nBước: Thẩm định");
  EXPECT_EQ(t.rows[1][1], "11 giờ 25 phút, ngày 17/03/2026");
  // Appraisal: under 1 working hour used of 12: more than a working day to spare, early.
  EXPECT_EQ(t.rows[1][2], "Trước hạn");
  EXPECT_EQ(t.rows[2][0], "3. Trả kết quả\nGiao: Người desk.c1\nNhận: Nguyễn Thị Hồng Ánh");
  EXPECT_EQ(t.rows[2][2], "Trước hạn");
  EXPECT_EQ(Field(f, "Kết quả giải quyết hồ sơ:"), "Trước hạn");
}

TEST_P(DeskFormsTest, FormsDatedBeforeJuly2025UseThe2018Set) {
  SetClockForTesting(T(2025, 3, 10, 9, 0));  // a Monday
  const Dossier d = Receive();
  TransitionInput apology;
  apology.reason = "Chờ ý kiến của cơ quan phối hợp";
  apology.new_due_date = "2025-03-18";
  Do(desk_, d.code, Action::kApology, apology);
  const forms::Form f04 = Form(Kind::kApology, d.code);
  EXPECT_EQ(f04.title, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
  EXPECT_EQ(f04.model, "Mẫu số 04");
  EXPECT_EQ(Form(Kind::kControl, d.code).model, "Mẫu số 05");
  EXPECT_EQ(Form(Kind::kReceipt, d.code).date_line, "Một, ngày 10 tháng 3 năm 2025");
}

TEST_P(DeskFormsTest, FormsAreForThoseWhoWorkOnTheUnit) {
  const Dossier d = Receive();
  EXPECT_EQ(KindOf([&] { svc_->GetFormsSource(outsider_, d.code); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { svc_->GetFormsSource(evaluator_, d.code); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { svc_->GetFormsSource(desk_, "C1-260317-9999"); }), ErrorKind::kNotFound);
  EXPECT_NO_THROW(svc_->GetFormsSource(admin_, d.code));
  EXPECT_NO_THROW(svc_->GetFormsSource(specialist_, d.code));
}

TEST_P(DeskFormsTest, RegisterListsTheSubtreesDossiersOfThePeriodOldestFirst) {
  const Dossier first = Receive();
  SetClockForTesting(T(2026, 3, 18, 8, 0));
  const Dossier second = Receive();
  const auto desk_c2 = outsider_;
  const Dossier elsewhere = Receive("C2", &desk_c2);
  SetClockForTesting(T(2026, 3, 19, 8, 0));
  Receive();  // after the period

  const TrackingRegister c1 = svc_->GetRegister(desk_, {"C1", "2026-03-17", "2026-03-18"});
  ASSERT_EQ(c1.entries.size(), 2u);
  EXPECT_EQ(c1.entries[0].dossier.code, first.code);
  EXPECT_EQ(c1.entries[1].dossier.code, second.code);
  EXPECT_EQ(c1.entries[0].unit_name, "Xã Một");

  const TrackingRegister p1 = svc_->GetRegister(admin_, {"P1", "2026-03-17", "2026-03-18"});
  ASSERT_EQ(p1.entries.size(), 3u);
  EXPECT_EQ(p1.entries[2].dossier.code, elsewhere.code);

  const forms::Register r = forms::BuildRegister(p1, D(2026, 3, 19));
  EXPECT_EQ(r.columns.size(), 13u);
  EXPECT_EQ(r.widths.size(), 13u);
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.rows[2].number, 3);
  EXPECT_EQ(r.rows[2].unit, "Xã Hai");
  EXPECT_EQ(r.rows[0].contact, "Ấp 3, Xã Một; 0912 345 678");
  EXPECT_EQ(r.parent_body, "ỦY BAN NHÂN DÂN TỈNH MỘT");
  EXPECT_EQ(r.period_line, "Hồ sơ tiếp nhận từ ngày 17/03/2026 đến ngày 18/03/2026");
  EXPECT_EQ(r.date_line, "Một, ngày 19 tháng 3 năm 2026");
  EXPECT_EQ(r.rows[0].note, "Được tiếp nhận");
}

TEST_P(DeskFormsTest, RegisterRefusesBadPeriodsAndOutsiders) {
  auto problems = [&](const RegisterQuery& q) {
    try {
      svc_->GetRegister(desk_, q);
    } catch (const AppError& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kBadRequest);
      std::string out;
      for (auto& p : e.problems()) out += p.field + ":" + p.key + " ";
      return out;
    }
    return std::string("none");
  };
  EXPECT_EQ(problems({"", "", ""}),
            "unit:desk.register.unit_required from:desk.register.from_required to:desk.register.to_required ");
  EXPECT_EQ(problems({"C1", "2026-02-30", "2026-13-01"}), "from:desk.register.bad_from to:desk.register.bad_to ");
  EXPECT_EQ(problems({"C1", "2026-03-18", "2026-03-17"}), "to:desk.register.bad_period ");
  EXPECT_EQ(problems({"C1", "2025-01-01", "2026-01-02"}), "to:desk.register.period_too_long ");  // 367 days
  EXPECT_EQ(problems({"C1", "2025-01-01", "2026-01-01"}), "none");                               // 366 days
  EXPECT_EQ(problems({"C1", "2024-01-01", "2024-12-31"}), "none");  // a leap year: 366 days
  EXPECT_EQ(problems({"X9", "2026-03-01", "2026-03-31"}), "unit:desk.unknown_unit ");
  EXPECT_EQ(KindOf([&] { svc_->GetRegister(outsider_, {"C1", "2026-03-01", "2026-03-31"}); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { svc_->GetRegister(evaluator_, {"C1", "2026-03-01", "2026-03-31"}); }), ErrorKind::kForbidden);
}

TEST_P(DeskFormsTest, RegisterRefusesMoreThanTwentyThousandDossiers) {
  const Dossier d = Receive();
  db_->write([&](db::Conn& c) {
    Dossier x = d;
    for (int i = 0; i < kRegisterMaxRows; ++i) {  // with the one received: one too many
      x.code = "BULK-" + std::to_string(i);
      repo::InsertDossier(c, x, "");
    }
  });
  try {
    svc_->GetRegister(desk_, {"C1", "2026-03-17", "2026-03-17"});
    ADD_FAILURE() << "no refusal";
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kBadRequest);
    EXPECT_EQ(e.key(), "desk.register.too_many");
    EXPECT_EQ(e.args().at("count"), "20.001");
    EXPECT_EQ(e.args().at("max"), "20.000");
  }
  // One day less leaves them out.
  EXPECT_EQ(svc_->GetRegister(desk_, {"C1", "2026-03-16", "2026-03-16"}).entries.size(), 0u);
}

FG_BOTH_BACKENDS(DeskFormsTest);

TEST(DeskFormsText, PlacesNamesNumbersAndInstants) {
  render::LoadMessages(FG_SOURCE_DIR);
  EXPECT_EQ(forms::PlaceName("Phường Chơn Thành"), "Chơn Thành");
  EXPECT_EQ(forms::PlaceName("Xã Nha Bích"), "Nha Bích");
  EXPECT_EQ(forms::PlaceName("Thị trấn Lộc Ninh"), "Lộc Ninh");
  EXPECT_EQ(forms::PlaceName("Phường 3"), "Phường 3");  // a ward named by its number
  EXPECT_EQ(forms::PlaceName("Côn Đảo"), "Côn Đảo");
  EXPECT_EQ(forms::Upper("Phường Chơn Thành, đặc khu ư"), "PHƯỜNG CHƠN THÀNH, ĐẶC KHU Ư");
  EXPECT_EQ(forms::Instant("2026-02-17T02:05:00Z"), "09 giờ 05 phút, ngày 17/02/2026");
  EXPECT_EQ(forms::Instant(""), "");
  EXPECT_EQ(forms::ParseKind("01"), Kind::kReceipt);
  EXPECT_EQ(forms::ParseKind("06"), Kind::kControl);
  EXPECT_EQ(forms::ParseKind("07"), std::nullopt);
  EXPECT_EQ(forms::ParseKind("1"), std::nullopt);
  EXPECT_EQ(forms::Number(Kind::kStop), "05");
  EXPECT_EQ(forms::Name(Kind::kStop), "Thông báo dừng giải quyết hồ sơ");
  EXPECT_EQ(forms::LookupUrl("http://127.0.0.1:8080/", "25270-260217-0001"),
            "http://127.0.0.1:8080/tra-cuu?ma=25270-260217-0001");
}

}  // namespace
}  // namespace fg::desk
