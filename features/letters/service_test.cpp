// Letters through the service, on both backends: triggers from the desk's
// events (exactly once), "do not send", manual and CSV letters, issuing and
// counts, templates; and the PDF (text, page size, ink).
#include "features/letters/service.h"

#include <cairo.h>
#include <gtest/gtest.h>

#include <cstring>
#include <map>
#include <set>
#include <thread>

#include "features/calendar/testing.h"
#include "features/desk/testing.h"
#include "features/letters/repo.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/time.h"
#include "tests/support/tools.h"

namespace fg::letters {
namespace {

using calendar::testing::D;
using fg::testing::KindOf;

SysSeconds T(int y, unsigned m, unsigned d, int hh, int mm) { return FromLocal(D(y, m, d), (hh * 60 + mm) * 60); }

std::string PdfText(const std::string& pdf) { return fg::testing::RunTool("pdftotext -enc UTF-8", pdf, ".pdf", "-"); }

class LettersServiceTest : public desk::testing::DeskFixture {
 protected:
  void SetUp() override {
    DeskFixture::SetUp();
    SetClockForTesting(T(2026, 3, 9, 9, 0));  // Monday
    admin_ = Official("admin.p1", "P1", "admin");
    desk_ = Official("desk.c1", "C1", "desk");
    leader_ = Official("leader.c1", "C1", "leader");
    outsider_ = Official("desk.c2", "C2", "desk");
    evaluator_ = Official("eval.c1", "C1", "evaluator");
    birth_ = svc_->CreateProcedure(admin_, BirthInput("P1", "1.001193"));
    auto death = BirthInput("P1", "1.000656");
    death.name = "Đăng ký khai tử";
    death_ = svc_->CreateProcedure(admin_, death);
    auto other = BirthInput("P1", "2.000815");
    other.name = "Chứng thực bản sao từ bản chính";
    other_ = svc_->CreateProcedure(admin_, other);
    letters_ = std::make_unique<Service>(*db_);
  }
  void TearDown() override {
    letters_.reset();
    SetClockForTesting(std::nullopt);
  }
  desk::Dossier Receive(const desk::Procedure& proc, const std::string& name = "Trần Văn Bình",
                        const std::string& id_number = "079123456789") {
    desk::IntakeInput in;
    in.procedure_id = proc.id;
    in.unit_code = "C1";
    in.applicant = {name, id_number, "0912 345 678", "", "Ấp 3, Xã Một"};
    in.summary = proc.name;
    in.documents = {{"Tờ khai", "original", 1}};
    auto d = svc_->Receive(desk_, in).detail.dossier;
    Sealed();
    return d;
  }
  // The trigger pass reads sealed events: on PostgreSQL a sealer thread chains them just after commit.
  void Sealed() {
    for (int i = 0; i < 500 && db_->read([](db::Conn& c) { return events::CountUnsealed(c); }) > 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  desk::DossierDetail Do(const std::string& code, desk::Action a, desk::TransitionInput in = {}) {
    in.action = a;
    auto r = svc_->Apply(desk_, code, in);
    Sealed();
    return r;
  }
  std::vector<Letter> All(const auth::Principal& p) {
    LetterQuery q;
    q.unit_code = "C1";
    q.limit = 500;
    return letters_->List(p, q).items;
  }
  // A signer's name for the PDF tests.
  void PutSettingsFor() {
    letters_->PutSettings(leader_, "C1", {"C1", "Xã Một", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "Nguyễn Thị Lành"});
  }
  auth::Principal admin_, desk_, leader_, outsider_, evaluator_;
  desk::Procedure birth_, death_, other_;
  std::unique_ptr<Service> letters_;
};

TEST_P(LettersServiceTest, DeathRegistrationMakesOneCondolenceDraftHoweverOftenTheTriggerRuns) {
  const auto d = Receive(death_);
  Receive(other_);  // not a civil-status event: no letter
  auto run = letters_->RunTriggers();
  EXPECT_EQ(run.drafts, 1);
  EXPECT_EQ(letters_->RunTriggers().drafts, 0);  // nothing new
  auto all = All(desk_);
  ASSERT_EQ(all.size(), 1u);
  const Letter& l = all[0];
  EXPECT_EQ(l.type, "condolence");
  EXPECT_EQ(l.state, State::kDraft);
  EXPECT_EQ(l.source, "trigger");
  EXPECT_EQ(l.dossier_code, d.code);
  EXPECT_EQ(l.recipient_name, "Trần Văn Bình");
  EXPECT_EQ(l.recipient_address, "Ấp 3, Xã Một");
  EXPECT_FALSE(l.number.has_value());
  EXPECT_NE(l.front.find("Gia đình Trần Văn Bình"), std::string::npos) << l.front;
  EXPECT_NE(l.front.find("Xã Một"), std::string::npos);
  EXPECT_EQ(l.front.find("(("), std::string::npos);
  EXPECT_FALSE(l.back.empty());

  // The same dossier returned: still one condolence letter for it.
  Do(d.code, desk::Action::kTransfer, {.to_official = leader_.official_id});
  Do(d.code, desk::Action::kResultReady);
  Do(d.code, desk::Action::kReturn, {.returned_to = "Trần Văn Bình"});
  EXPECT_EQ(letters_->RunTriggers().drafts, 0);
  // A re-run from the start of the log (a lost cursor) makes no second draft either.
  db_->write([](db::Conn& c) { c.exec({"test.reset_cursor", "UPDATE letter_cursor SET seq = 0"}); });
  auto again = letters_->RunTriggers();
  EXPECT_EQ(again.drafts, 0);
  EXPECT_GE(again.skipped, 1);
  EXPECT_EQ(All(desk_).size(), 1u);
  // Concurrent passes (a page load and the background loop) do not duplicate either.
  db_->write([](db::Conn& c) { c.exec({"test.reset_cursor", "UPDATE letter_cursor SET seq = 0"}); });
  Service second(*db_);
  std::thread t([&] { second.RunTriggers(); });
  letters_->RunTriggers();
  t.join();
  EXPECT_EQ(All(desk_).size(), 1u);
}

// A pass reads the window after its cursor from the partial index of desk
// events (0051), not every dossier event ever written (events_entity) sorted.
TEST_P(LettersServiceTest, ThePassReadsTheDeskEventsAfterItsCursorFromTheirOwnIndex) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "EXPLAIN QUERY PLAN is SQLite's";
  const auto plan = db_->read([](db::Conn& c) { return repo::DeskEventsPlan(c); });
  std::string all;
  for (auto& line : plan) all += line + "\n";
  EXPECT_EQ(plan.size(), 1u) << all;  // one search, no sort after it
  EXPECT_NE(all.find("SEARCH events USING INDEX events_desk (entity=? AND seq>? AND seq<?)"), std::string::npos) << all;
}

TEST_P(LettersServiceTest, BirthMakesACongratulationAndDoNotSendIsRespected) {
  DoNotSend dns;
  dns.unit_code = "C1";
  dns.name = "Lê Thị Hồng";
  dns.note = "Gia đình xin không nhận thư";
  letters_->AddDoNotSend(desk_, dns);
  Receive(birth_, "LÊ THỊ HỒNG", "");  // same person by folded name
  Receive(birth_, "Phạm Văn Tư", "079000000001");
  auto run = letters_->RunTriggers();
  EXPECT_EQ(run.drafts, 1);
  EXPECT_EQ(run.skipped, 1);
  auto all = All(desk_);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].type, "birth");
  EXPECT_EQ(all[0].recipient_name, "Phạm Văn Tư");
  EXPECT_EQ(KindOf([&] { letters_->AddDoNotSend(outsider_, dns); }), ErrorKind::kForbidden);
}

TEST_P(LettersServiceTest, DeskApologyIsRegisteredAsAnIssuedApologyLetter) {
  const auto d = Receive(other_);
  Do(d.code, desk::Action::kApology, {.reason = "Chờ xác minh thông tin", .new_due_date = "2026-03-16"});
  letters_->RunTriggers();
  auto all = All(leader_);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].type, "apology");
  EXPECT_EQ(all[0].state, State::kIssued);
  EXPECT_EQ(all[0].number, 1);
  EXPECT_EQ(all[0].occasion, "Chờ xác minh thông tin");
  EXPECT_NE(all[0].front.find(d.code), std::string::npos);
  auto counts = letters_->CountsOf(evaluator_, "C1", "2026-01", "2026-12");
  EXPECT_EQ(counts.total, 1);
}

TEST_P(LettersServiceTest, ManualLettersAreNumberedAndCountedWhenIssued) {
  LetterInput in;
  in.unit_code = "C1";
  in.type = "longevity";
  in.recipient_name = "Nguyễn Văn Thọ";
  in.occasion = "mừng thọ 90 tuổi";
  in.event_date = "2026-02-20";
  auto l = letters_->Create(desk_, in);
  EXPECT_EQ(l.state, State::kDraft);
  EXPECT_NE(l.front.find("Nguyễn Văn Thọ"), std::string::npos);
  EXPECT_NE(l.front.find("mừng thọ 90 tuổi"), std::string::npos);
  EXPECT_EQ(l.signer_title, "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH");
  // Only leaders and administrators sign; the desk officer may not.
  EXPECT_EQ(KindOf([&] { letters_->Act(desk_, l.id, "issue"); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { letters_->Act(leader_, l.id, "printed"); }), ErrorKind::kConflict);  // a draft
  auto issued = letters_->Act(leader_, l.id, "issue");
  EXPECT_EQ(issued.number, 1);
  EXPECT_EQ(issued.year, 2026);
  EXPECT_EQ(KindOf([&] { letters_->Act(leader_, l.id, "issue"); }), ErrorKind::kConflict);
  in.type = "thanks";
  auto second = letters_->Act(admin_, letters_->Create(desk_, in).id, "issue");
  EXPECT_EQ(second.number, 2);
  auto delivered = letters_->Act(desk_, l.id, "delivered", "post");
  EXPECT_EQ(delivered.channel, "post");
  EXPECT_FALSE(delivered.delivered_at.empty());

  auto c = letters_->CountsOf(admin_, "P1", "2026-01", "2026-12");  // the province: its subtree
  EXPECT_EQ(c.total, 2);
  for (const auto& line : c.by_type) {
    if (line.type == "longevity" || line.type == "thanks")
      EXPECT_EQ(line.n, 1) << line.type;
    else
      EXPECT_EQ(line.n, 0) << line.type;
  }
  EXPECT_EQ(letters_->CountsOf(admin_, "C2", "2026-01", "2026-12").total, 0);
  EXPECT_EQ(KindOf([&] { letters_->CountsOf(evaluator_, "P1", "2026-01", "2026-12"); }), ErrorKind::kForbidden);
  letters_->Act(leader_, l.id, "cancel");
  EXPECT_EQ(letters_->CountsOf(evaluator_, "C1", "2026-01", "2026-12").total, 1);
  // Personal data only for officials of the unit: evaluators and other communes get 403.
  EXPECT_EQ(KindOf([&] { letters_->Get(evaluator_, l.id); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { letters_->Get(outsider_, l.id); }), ErrorKind::kForbidden);
  // Bad input: every problem at once.
  try {
    letters_->Create(desk_, {"C1", "birthday", "", "", "12", "", "2026-02-30", "", "pigeon", "", ""});
    FAIL();
  } catch (const AppError& e) {
    std::set<std::string> fields;
    for (const auto& p : e.problems()) fields.insert(p.field);
    EXPECT_EQ(fields, (std::set<std::string>{"type", "recipient_name", "recipient_phone", "event_date", "channel"}));
  }
}

TEST_P(LettersServiceTest, CsvBatchIsAllOrNothing) {
  const std::string good =
      "type,recipient_name,recipient_address,recipient_phone,occasion,event_date\n"
      "achievement,Em Lý Văn Nam,Ấp 2,,đạt giải Nhất học sinh giỏi cấp tỉnh,15/02/2026\n"
      "thanks,Ông Đỗ Văn Long,Ấp 1,0912000111,ủng hộ xây nhà văn hóa,\n";
  auto made = letters_->CreateFromCsv(desk_, "C1", good);
  ASSERT_EQ(made.size(), 2u);
  EXPECT_EQ(made[0].event_date, "2026-02-15");
  EXPECT_EQ(made[1].source, "csv");
  const std::string bad = good + "wedding,Ai đó,,,,\n";
  try {
    letters_->CreateFromCsv(desk_, "C1", bad);
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.key(), "letters.csv_row");
    EXPECT_EQ(e.args().at("line"), "4");
  }
  EXPECT_EQ(All(desk_).size(), 2u);
  EXPECT_EQ(KindOf([&] { letters_->CreateFromCsv(outsider_, "C1", good); }), ErrorKind::kForbidden);
}

TEST_P(LettersServiceTest, TemplatesAreVersionedAndRefuseUnknownPlaceholders) {
  TemplateInput in{"THƯ CHÚC MỪNG", "Chúc mừng ((recipient_name)) tại ((unit_name))", "", "A4", false};
  EXPECT_EQ(KindOf([&] { letters_->SaveTemplate(desk_, "C1", "marriage", in); }), ErrorKind::kForbidden);
  auto t1 = letters_->SaveTemplate(leader_, "C1", "marriage", in);
  EXPECT_EQ(t1.version, 1);
  in.front += "!";
  EXPECT_EQ(letters_->SaveTemplate(leader_, "C1", "marriage", in).version, 2);
  in.front = "((khong_co))";
  EXPECT_EQ(KindOf([&] { letters_->SaveTemplate(leader_, "C1", "marriage", in); }), ErrorKind::kBadRequest);
  EXPECT_EQ(letters_->TemplateVersions(desk_, "C1", "marriage").size(), 2u);
  // The commune's own template is used; the other commune keeps the default.
  auto c1 = letters_->Create(desk_, {"C1", "marriage", "Anh An và chị Bình", "", "", "", "", "", "", "", ""});
  EXPECT_EQ(c1.front, "Chúc mừng Anh An và chị Bình tại Xã Một!");
  EXPECT_EQ(c1.paper, "A4");
  EXPECT_EQ(letters_->GetTemplate(outsider_, "C2", "marriage").version, 0);
  auto preview = letters_->Preview(leader_, "C1", "condolence",
                                   {"THƯ CHIA BUỒN", "Kính gửi ((recipient_name))", "", "", std::nullopt});
  EXPECT_EQ(preview.id, 0);
  EXPECT_EQ(preview.front.find("(("), std::string::npos);
}

TEST_P(LettersServiceTest, PdfHasTheOfficialLayoutOnA5WithTheBackOnTheReverse) {
  PutSettingsFor();
  Receive(death_);
  letters_->RunTriggers();
  const Letter l = All(leader_).front();
  letters_->Act(leader_, l.id, "issue");
  const std::string pdf = letters_->Pdf(leader_, l.id);
  const std::string info = fg::testing::RunTool("pdfinfo", pdf, ".pdf");
  EXPECT_EQ(fg::testing::InfoField(info, "Pages"), "2") << info;
  EXPECT_EQ(fg::testing::InfoField(info, "Page size").rfind("419.528 x 595.276", 0), 0u) << info;
  const std::string text = PdfText(pdf);
  for (const char* expected : {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN",
                               "XÃ MỘT", "Xã Một, ngày 09 tháng 3 năm 2026", "THƯ CHIA BUỒN", "Gia đình Trần Văn Bình",
                               "CHỦ TỊCH", "Nguyễn Thị Lành", "Số: 1/2026", "NHỮNG ĐIỀU GIA ĐÌNH CẦN LƯU Ý"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  // The reminders are on page 2 only (form feed between pages).
  const size_t ff = text.find('\f');
  ASSERT_NE(ff, std::string::npos);
  EXPECT_GT(text.find("NHỮNG ĐIỀU GIA ĐÌNH CẦN LƯU Ý"), ff);

  // Batch: two letters, each starting on an odd page (4 pages: front, back, front, back).
  LetterInput in{"C1", "condolence", "Bà Hồ Thị Sen", "", "", "", "", "", "", "", ""};
  const auto second = letters_->Create(desk_, in);
  const std::string batch = letters_->BatchPdf(desk_, {l.id, second.id});
  EXPECT_EQ(fg::testing::InfoField(fg::testing::RunTool("pdfinfo", batch, ".pdf"), "Pages"), "4");
  EXPECT_EQ(KindOf([&] { letters_->BatchPdf(outsider_, {l.id}); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { letters_->BatchPdf(desk_, {}); }), ErrorKind::kBadRequest);
}

// Ink where the text should be: the motto (top right), the title (centre), the
// signature (lower right), nothing in the left margin; the back page has ink too.
TEST_P(LettersServiceTest, RenderedPageHasInkWhereTheTextShouldBe) {
  PutSettingsFor();
  Receive(death_);
  letters_->RunTriggers();
  const std::string pdf = letters_->Pdf(leader_, All(leader_).front().id);
  auto page = [&](int n) {
    return fg::testing::RunTool("pdftoppm -png -r 50 -f " + std::to_string(n) + " -l " + std::to_string(n), pdf,
                                ".pdf");
  };
  struct Reader {
    const std::string& png;
    size_t at = 0;
    static cairo_status_t Read(void* closure, unsigned char* data, unsigned int length) {
      auto* r = static_cast<Reader*>(closure);
      if (r->at + length > r->png.size()) return CAIRO_STATUS_READ_ERROR;
      std::memcpy(data, r->png.data() + r->at, length);
      r->at += length;
      return CAIRO_STATUS_SUCCESS;
    }
  };
  // The share of dark pixels in a rectangle given in fractions of the page.
  auto ink = [](const std::string& png, double x0, double y0, double x1, double y1) {
    Reader r{png};
    cairo_surface_t* s = cairo_image_surface_create_from_png_stream(Reader::Read, &r);
    EXPECT_EQ(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(s);
    const int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    const int stride = cairo_image_surface_get_stride(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    int dark = 0, all = 0;
    for (int y = static_cast<int>(y0 * h); y < static_cast<int>(y1 * h); ++y)
      for (int x = static_cast<int>(x0 * w); x < static_cast<int>(x1 * w); ++x) {
        uint32_t px;
        std::memcpy(&px, data + y * stride + x * 4, 4);
        const int lum = (((px >> 16) & 0xff) + ((px >> 8) & 0xff) + (px & 0xff)) / 3;
        dark += lum < 128;
        ++all;
      }
    cairo_surface_destroy(s);
    return all ? static_cast<double>(dark) / all : 0.0;
  };
  const std::string front = page(1), back = page(2);
  ASSERT_GT(front.size(), 100u);
  EXPECT_GT(ink(front, 0.5, 0.0, 1.0, 0.12), 0.01);   // national name and motto
  EXPECT_GT(ink(front, 0.1, 0.15, 0.9, 0.35), 0.01);  // title and first paragraphs
  EXPECT_EQ(ink(front, 0.0, 0.0, 0.03, 1.0), 0.0);    // the left margin (no border on condolences)
  EXPECT_GT(ink(back, 0.1, 0.0, 0.9, 0.3), 0.01);     // the reminders
}

TEST_P(LettersServiceTest, DoNotSendByPhoneIsRespectedAndMaskedOutsideTheUnit) {
  DoNotSend dns;
  dns.unit_code = "C1";
  dns.name = "Một tên khác hẳn";
  dns.phone = "0912.345.678";  // Receive() gives every applicant 0912 345 678
  const DoNotSend added = letters_->AddDoNotSend(desk_, dns);
  EXPECT_FALSE(added.phone.empty());
  Receive(birth_, "Phạm Văn Tư", "079000000001");
  auto run = letters_->RunTriggers();
  EXPECT_EQ(run.drafts, 0);
  EXPECT_EQ(run.skipped, 1);
  // The commune's own officials read the phone; the province's administrator sees it masked.
  auto own = letters_->DoNotSendList(desk_, "C1");
  ASSERT_EQ(own.size(), 1u);
  EXPECT_FALSE(own[0].masked);
  EXPECT_EQ(own[0].phone, added.phone);
  auto above = letters_->DoNotSendList(admin_, "P1");
  ASSERT_EQ(above.size(), 1u);
  EXPECT_TRUE(above[0].masked);
  EXPECT_EQ(above[0].phone.find("345"), std::string::npos) << above[0].phone;
  EXPECT_TRUE(above[0].phone.ends_with("678")) << above[0].phone;
  EXPECT_TRUE(letters_->GetDoNotSend(admin_, added.id).masked);
  EXPECT_EQ(KindOf([&] { letters_->GetDoNotSend(outsider_, added.id); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { letters_->DoNotSendList(evaluator_, "C1"); }), ErrorKind::kForbidden);
  // Bad input: every problem at once, nothing written.
  try {
    DoNotSend bad;
    bad.unit_code = "C1";
    bad.id_number = "07912x";
    bad.phone = "12";
    letters_->AddDoNotSend(desk_, bad);
    FAIL();
  } catch (const AppError& e) {
    std::set<std::string> fields;
    for (const auto& p : e.problems()) fields.insert(p.field);
    EXPECT_EQ(fields, (std::set<std::string>{"name", "id_number", "phone"}));
  }
  EXPECT_EQ(letters_->DoNotSendList(desk_, "C1").size(), 1u);
  letters_->RemoveDoNotSend(desk_, added.id);
  EXPECT_TRUE(letters_->DoNotSendList(desk_, "C1").empty());
  EXPECT_EQ(KindOf([&] { letters_->GetDoNotSend(desk_, added.id); }), ErrorKind::kNotFound);
}

TEST_P(LettersServiceTest, SettingsAreSavedBySignersAndUsedByNewLetters) {
  EXPECT_FALSE(letters_->MaySaveSettings(desk_, "C1"));
  EXPECT_TRUE(letters_->MaySaveSettings(leader_, "C1"));
  EXPECT_TRUE(letters_->MaySaveSettings(admin_, "C1"));  // the province's administrator covers the commune
  EXPECT_EQ(KindOf([&] {
              letters_->PutSettings(desk_, "C1", {"C1", "Xã Một", "CHỦ TỊCH", ""});
            }),
            ErrorKind::kForbidden);
  try {
    letters_->PutSettings(leader_, "C1", {"C1", "", "", ""});
    FAIL();
  } catch (const AppError& e) {
    std::set<std::string> fields;
    for (const auto& p : e.problems()) fields.insert(p.field);
    EXPECT_EQ(fields, (std::set<std::string>{"place", "signer_title"}));
  }
  letters_->PutSettings(leader_, "C1", {"C1", "Xã Một", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Võ Văn Kiệt"});
  const auto s = letters_->GetSettings(desk_, "C1");
  EXPECT_EQ(s.place, "Xã Một");
  EXPECT_EQ(s.signer_name, "Võ Văn Kiệt");
  auto l = letters_->Create(desk_, {"C1", "thanks", "Ông Đỗ Văn Long", "", "", "", "", "", "", "", ""});
  EXPECT_EQ(l.signer_title, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
  EXPECT_EQ(l.signer_name, "Võ Văn Kiệt");
}

TEST_P(LettersServiceTest, ADraftsOwnTextIsEditedUnderItsRevisionAndFrozenOnceSigned) {
  TemplateInput tpl{"THƯ CẢM ƠN", "Cảm ơn ((recipient_name)).", "", "", std::nullopt};
  letters_->SaveTemplate(leader_, "C1", "thanks", tpl);
  auto l = letters_->Create(desk_, {"C1", "thanks", "Ông Đỗ Văn Lon", "", "", "", "", "", "", "", ""});
  EXPECT_EQ(l.revision, 1);
  LetterEdit e{l.revision, l.title, "Cảm ơn Ông Đỗ Văn Long.\n\nXin chúc ông sức khỏe.", ""};
  auto edited = letters_->EditDraft(leader_, l.id, e);
  EXPECT_EQ(edited.revision, 2);
  EXPECT_EQ(edited.front, "Cảm ơn Ông Đỗ Văn Long.\n\nXin chúc ông sức khỏe.");
  // The template is unchanged: a new letter still gets the template's text.
  auto other = letters_->Create(desk_, {"C1", "thanks", "Bà Hai", "", "", "", "", "", "", "", ""});
  EXPECT_EQ(other.front, "Cảm ơn Bà Hai.");
  EXPECT_EQ(letters_->GetTemplate(desk_, "C1", "thanks").front, "Cảm ơn ((recipient_name)).");
  // A second editor who read revision 1 is refused, and nothing changes.
  e.front = "Bản khác";
  EXPECT_EQ(KindOf([&] { letters_->EditDraft(desk_, l.id, e); }), ErrorKind::kConflict);
  EXPECT_EQ(letters_->Get(desk_, l.id).front, edited.front);
  // Bad input: every problem at once.
  try {
    letters_->EditDraft(desk_, l.id, {2, "", "", std::string(6001, 'a')});
    FAIL();
  } catch (const AppError& err) {
    std::set<std::string> fields;
    for (const auto& p : err.problems()) fields.insert(p.field);
    EXPECT_EQ(fields, (std::set<std::string>{"title", "front", "back"}));
  }
  EXPECT_EQ(KindOf([&] { letters_->EditDraft(outsider_, l.id, {2, "A", "B", ""}); }), ErrorKind::kForbidden);
  // Signed: frozen, whatever the revision.
  auto issued = letters_->Act(leader_, l.id, "issue");
  EXPECT_EQ(issued.front, edited.front);
  try {
    letters_->EditDraft(leader_, l.id, {issued.revision, "A", "B", ""});
    FAIL();
  } catch (const AppError& err) {
    EXPECT_EQ(err.kind(), ErrorKind::kConflict);
    EXPECT_EQ(err.key(), "letters.not_draft_edit");
  }
  EXPECT_NE(PdfText(letters_->Pdf(leader_, l.id)).find("Xin chúc ông sức khỏe."), std::string::npos);
}

TEST_P(LettersServiceTest, ProcedureRulesOverrideTheDefaultForTheUnitsSubtree) {
  // The province maps a procedure the defaults do not know; the commune turns births off.
  letters_->PutProcedureRule(admin_, "P1", "2.000815", "thanks");
  letters_->PutProcedureRule(leader_, "C1", "1.001193", "none");
  EXPECT_EQ(KindOf([&] { letters_->PutProcedureRule(desk_, "C1", "1.000656", "none"); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { letters_->PutProcedureRule(leader_, "C1", "1.000656", "apology"); }), ErrorKind::kBadRequest);
  try {
    letters_->PutProcedureRule(leader_, "C1", "1 000/656", "wedding");
    FAIL();
  } catch (const AppError& e) {
    std::set<std::string> fields;
    for (const auto& p : e.problems()) fields.insert(p.field);
    EXPECT_EQ(fields, (std::set<std::string>{"procedure_code", "type"}));
  }
  Receive(birth_);
  Receive(other_);
  Receive(death_);
  EXPECT_EQ(letters_->RunTriggers().drafts, 2);
  std::multiset<std::string> types;
  for (const auto& l : All(desk_)) types.insert(l.type);
  EXPECT_EQ(types, (std::multiset<std::string>{"thanks", "condolence"}));
  // What the commune sees in force: its own rule, the province's, the defaults.
  std::map<std::string, ProcedureRule> rules;
  for (auto& r : letters_->ProcedureRules(evaluator_, "C1")) rules[r.procedure_code] = r;
  EXPECT_EQ(rules["1.001193"].type, "");
  EXPECT_EQ(rules["1.001193"].unit_code, "C1");
  EXPECT_EQ(rules["1.001193"].default_type, "birth");
  EXPECT_EQ(rules["2.000815"].type, "thanks");
  EXPECT_EQ(rules["2.000815"].unit_code, "P1");
  EXPECT_EQ(rules["1.000894"].type, "marriage");
  EXPECT_EQ(rules["1.000894"].unit_code, "");
  // The other commune keeps the default for births.
  for (auto& r : letters_->ProcedureRules(outsider_, "C2"))
    if (r.procedure_code == "1.001193") EXPECT_EQ(r.type, "birth");
  letters_->RemoveProcedureRule(leader_, "C1", "1.001193");
  EXPECT_EQ(KindOf([&] { letters_->RemoveProcedureRule(leader_, "C1", "1.001193"); }), ErrorKind::kNotFound);
  Receive(birth_, "Ngô Văn Sáu", "079000000002");
  EXPECT_EQ(letters_->RunTriggers().drafts, 1);
}

FG_BOTH_BACKENDS(LettersServiceTest);

}  // namespace

}  // namespace fg::letters
