// The portal's catalogue on both backends: what a place lists follows the
// desk's catalogue (its own and its ancestors' procedures, in force, active),
// and changes are seen without restarting.
#include "features/public/portal.h"

#include <gtest/gtest.h>

#include "features/calendar/testing.h"
#include "features/desk/testing.h"
#include "features/feedback/service.h"
#include "platform/errors.h"
#include "platform/time.h"
#include "tests/support/images.h"

namespace fg::pub {
namespace {

using fg::testing::KindOf;

class PortalTest : public desk::testing::DeskFixture {
 protected:
  void SetUp() override {
    DeskFixture::SetUp();
    places_ = std::make_unique<Service>(*db_, std::chrono::milliseconds(0));
    ratings_ = std::make_unique<ratings::Service>(*db_);
    portal_ = std::make_unique<Portal>(*db_, *places_, *svc_, *org_, *ratings_, std::chrono::milliseconds(0));
    admin_ = std::make_unique<auth::Principal>(Official("quan.tri", "P1", "admin"));
  }
  std::vector<std::string> Listed(const std::string& place) {
    std::vector<std::string> out;
    for (const auto& p : portal_->CatalogueOf(place).catalogue->all()) out.push_back(p.code + " " + p.name);
    return out;
  }
  std::unique_ptr<Service> places_;
  std::unique_ptr<ratings::Service> ratings_;
  std::unique_ptr<Portal> portal_;
  std::unique_ptr<auth::Principal> admin_;
};

TEST_P(PortalTest, APlaceListsItsOwnAndItsProvincesProceduresInForce) {
  EXPECT_TRUE(Listed("C1").empty());
  const auto birth = svc_->CreateProcedure(*admin_, BirthInput("P1"));
  auto death = BirthInput("P1", "1.000656");
  death.name = "Đăng ký khai tử";
  svc_->CreateProcedure(*admin_, death);
  // C1's own version of the province's birth registration replaces it at C1 only.
  auto own = BirthInput("C1");
  own.name = "Đăng ký khai sinh tại xã";
  svc_->CreateProcedure(*admin_, own);
  EXPECT_EQ(Listed("C1"), (std::vector<std::string>{"1.001193 Đăng ký khai sinh tại xã", "1.000656 Đăng ký khai tử"}));
  EXPECT_EQ(Listed("C2"), (std::vector<std::string>{"1.001193 Đăng ký khai sinh", "1.000656 Đăng ký khai tử"}));
  // A deactivated procedure leaves the portal at the next look (the same second too).
  svc_->SetProcedureActive(*admin_, birth.id, false);
  EXPECT_EQ(Listed("C2"), (std::vector<std::string>{"1.000656 Đăng ký khai tử"}));
  // A procedure that takes effect later is not listed yet.
  auto later = BirthInput("P1", "1.004884");
  later.name = "Đăng ký lại khai sinh";
  later.valid_from = "2099-01-01";
  svc_->CreateProcedure(*admin_, later);
  EXPECT_EQ(Listed("C2").size(), 1u);
  // A province is not a place of the portal; an unknown code neither.
  EXPECT_EQ(KindOf([&] { portal_->CatalogueOf("P1"); }), ErrorKind::kNotFound);
  EXPECT_EQ(KindOf([&] { portal_->CatalogueOf("nope"); }), ErrorKind::kNotFound);
}

TEST_P(PortalTest, SearchQueriesAreBounded) {
  svc_->CreateProcedure(*admin_, BirthInput("P1"));
  auto c = portal_->CatalogueOf("C1").catalogue;
  EXPECT_EQ(Portal::Search(*c, "khai sinh").size(), 1u);
  EXPECT_EQ(Portal::Search(*c, "").size(), 1u);
  EXPECT_EQ(KindOf([&] { Portal::Search(*c, std::string(kMaxCatalogueQueryChars + 1, 'a')); }), ErrorKind::kBadRequest);
  EXPECT_EQ(KindOf([&] { Portal::Search(*c, "khai\x01"); }), ErrorKind::kBadRequest);
}

TEST_P(PortalTest, TheDirectoryShowsOnlyWhatWasAgreedAndOnlyTheOfficialOrAnAdminDecides) {
  auto sys = org::SystemPrincipal();
  auto chair = org_->CreateOfficial(
      sys, {"chu.tich", "Nguyễn Văn Bình", "C1", "Chủ tịch UBND", "0912345678", "binh@xa.gov.vn", "mat-khau-dai-1"},
      {});
  auto clerk = org_->CreateOfficial(
      sys, {"van.thu", "Trần Thị Cúc", "C1", "Văn thư", "0987654321", "", "mat-khau-dai-1"}, {{"desk", "C1"}});
  EXPECT_TRUE(portal_->DirectoryOf("C1").entries.empty());  // nobody agreed yet
  const auto clerk_p = *db_->read([&](db::Conn& c) { return org::Service::LoadPrincipal(c, clerk.id); });
  // The clerk publishes her name and position, not her phone.
  PublicationInput in;
  in.listed = in.position = true;
  in.sort_order = "5";
  portal_->SetPublication(clerk_p, clerk.id, in);
  // An administrator covering the chairman publishes his phone and hours, first in the list.
  PublicationInput chair_in;
  chair_in.listed = chair_in.phone = chair_in.hours = true;
  chair_in.hours_text = "Sáng thứ Hai";
  chair_in.sort_order = "1";
  portal_->SetPublication(*admin_, chair.id, chair_in);
  auto d = portal_->DirectoryOf("C1");
  ASSERT_EQ(d.entries.size(), 2u);
  EXPECT_EQ(d.entries[0].name, "Nguyễn Văn Bình");
  EXPECT_EQ(d.entries[0].phone, "0912345678");
  EXPECT_EQ(d.entries[0].hours, "Sáng thứ Hai");
  EXPECT_EQ(d.entries[0].position, "");  // not agreed
  EXPECT_EQ(d.entries[0].email, "");
  EXPECT_EQ(d.entries[1].name, "Trần Thị Cúc");
  EXPECT_EQ(d.entries[1].position, "Văn thư");
  EXPECT_EQ(d.entries[1].phone, "");                        // not agreed
  EXPECT_TRUE(portal_->DirectoryOf("C2").entries.empty());  // another unit's directory
  // The clerk cannot decide for the chairman; a desk officer of the province neither.
  EXPECT_EQ(KindOf([&] { portal_->SetPublication(clerk_p, chair.id, in); }), ErrorKind::kForbidden);
  auto other = Official("mot.cua", "P1", "desk");
  EXPECT_EQ(KindOf([&] { portal_->GetPublication(other, chair.id); }), ErrorKind::kForbidden);
  // Withdrawing consent ("listed" off) removes the person whatever else is ticked.
  in.listed = false;
  in.phone = true;
  portal_->SetPublication(clerk_p, clerk.id, in);
  d = portal_->DirectoryOf("C1");
  ASSERT_EQ(d.entries.size(), 1u);
  EXPECT_EQ(d.entries[0].name, "Nguyễn Văn Bình");
  // A deactivated official leaves the directory.
  org_->PatchOfficial(sys, chair.id, [](const org::Official& o) {
    org::OfficialInput x{o.username, o.full_name, o.unit_code, o.position, o.phone, o.email, ""};
    x.active = false;
    return x;
  });
  EXPECT_TRUE(portal_->DirectoryOf("C1").entries.empty());
  // Bad input is refused whole: nothing changes.
  PublicationInput bad;
  bad.listed = bad.hours = true;
  EXPECT_EQ(KindOf([&] { portal_->SetPublication(clerk_p, clerk.id, bad); }), ErrorKind::kBadRequest);
  EXPECT_FALSE(portal_->GetPublication(clerk_p, clerk.id).publication.listed);
}

// Feedback answered on time (issue 16): counted in the write that approves the
// first reply, per month of the answer; a second reply after a reopen does not
// count again; an anonymous denunciation (no legal time limit) not at all;
// another commune's items not at all.
TEST_P(PortalTest, FiguresCountFeedbackAnsweredOnTimeByMonth) {
  using calendar::testing::D;
  auto at = [](int y, unsigned m, unsigned d) { return FromLocal(D(y, m, d), 9 * 3600); };
  SetClockForTesting(at(2026, 3, 9));  // Monday
  feedback::Service fb(*db_, *calendar_);
  auto leader = Official("leader.c1", "C1", "leader");
  auto leader2 = Official("leader.c2", "C2", "leader");
  auto submit = [&](const std::string& unit, const std::string& kind = "feedback", bool anonymous = false) {
    feedback::ItemInput in;
    in.kind = kind;
    in.channel = "hotline";
    in.category = "infrastructure";
    in.unit_code = unit;
    in.title = "Đèn đường hỏng";
    in.content = "Đèn đường ở ấp 3 tắt đã một tuần.";
    if (!anonymous) in.person = {"Trần Thị Bình", "0912 345 678", "", "số 5 ấp 3"};
    return fb.Register(unit == "C1" ? leader : leader2, in).code;
  };
  auto act = [&](const auth::Principal& p, const std::string& code, feedback::Action a, const std::string& text = "") {
    feedback::ActionInput in;
    in.action = a;
    in.text = text;
    fb.Apply(p, code, in);
  };
  auto answer = [&](const auth::Principal& approver, const std::string& code) {
    act(approver, code, feedback::Action::kDraftReply, "Đã thay bóng đèn.");
    act(approver, code, feedback::Action::kApproveReply);
  };
  const auto a = submit("C1"), b = submit("C1"), late = submit("C1"), other = submit("C2");
  const auto anon = submit("C1", "denunciation", true);
  SetClockForTesting(at(2026, 3, 11));
  answer(leader, a);
  answer(leader, b);
  answer(leader2, other);
  answer(leader, anon);
  // Reopened and answered again in May: still one answer, on time, in March.
  act(leader, a, feedback::Action::kClose);
  SetClockForTesting(at(2026, 3, 13));
  act(leader, a, feedback::Action::kReopen, "Đèn lại tắt.");
  SetClockForTesting(at(2026, 5, 4));
  answer(leader, a);
  answer(leader, late);  // two months after it came in: late

  const auto f = portal_->FiguresOf("C1");
  std::map<std::string, std::pair<int64_t, int64_t>> by_month;
  for (const auto& m : f.months)
    if (m.answered) by_month[m.key] = {m.answered, m.answered_on_time};
  EXPECT_EQ(by_month, (std::map<std::string, std::pair<int64_t, int64_t>>{{"2026-03", {2, 2}}, {"2026-05", {1, 0}}}));
  EXPECT_EQ(f.this_month.answered, 1);
  EXPECT_EQ(f.this_month.answered_on_time, 0);
  EXPECT_EQ(f.this_year.answered, 3);
  EXPECT_EQ(f.this_year.answered_on_time, 2);
  EXPECT_EQ(portal_->FiguresOf("C2").this_year.answered, 1);
  SetClockForTesting(std::nullopt);
}

TEST_P(PortalTest, ThePhotoIsPublicOnlyWithItsOwnConsent) {
  auto sys = org::SystemPrincipal();
  auto chair =
      org_->CreateOfficial(sys, {"chu.tich", "Nguyễn Văn Bình", "C1", "Chủ tịch UBND", "", "", "mat-khau-dai-1"}, {});
  const std::string png = fg::testing::PngOf(30, 40);
  const auto photo = org_->SetPhoto(sys, chair.id, png);
  auto public_photo_kind = [&] { return KindOf([&] { portal_->PublicPhoto(chair.id); }); };
  // Not listed: no entry, no photo (404, as for an official without one).
  EXPECT_EQ(public_photo_kind(), ErrorKind::kNotFound);
  // Listed, the photo not agreed to: the name only.
  PublicationInput in;
  in.listed = true;
  portal_->SetPublication(*admin_, chair.id, in);
  auto d = portal_->DirectoryOf("C1");
  ASSERT_EQ(d.entries.size(), 1u);
  EXPECT_EQ(d.entries[0].photo_version, "");
  EXPECT_EQ(public_photo_kind(), ErrorKind::kNotFound);
  // Agreed: the entry carries the photo's version and the bytes are served.
  in.photo = true;
  portal_->SetPublication(*admin_, chair.id, in);
  d = portal_->DirectoryOf("C1");
  ASSERT_EQ(d.entries.size(), 1u);
  EXPECT_EQ(d.entries[0].photo_version, photo.version());
  EXPECT_EQ(d.entries[0].official_id, chair.id);
  EXPECT_EQ(portal_->PublicPhoto(chair.id).bytes, png);
  EXPECT_TRUE(portal_->GetPublication(*admin_, chair.id).publication.photo);
  // A new photo has a new version in the directory.
  org_->SetPhoto(sys, chair.id, fg::testing::JpegOf(300, 400));
  EXPECT_NE(portal_->DirectoryOf("C1").entries.at(0).photo_version, photo.version());
  // Agreed but removed: nothing to show.
  org_->RemovePhoto(sys, chair.id);
  EXPECT_EQ(portal_->DirectoryOf("C1").entries.at(0).photo_version, "");
  EXPECT_EQ(public_photo_kind(), ErrorKind::kNotFound);
  // Consent withdrawn for the whole entry: the photo goes too.
  org_->SetPhoto(sys, chair.id, png);
  EXPECT_EQ(portal_->PublicPhoto(chair.id).bytes, png);
  in.listed = false;
  portal_->SetPublication(*admin_, chair.id, in);
  EXPECT_EQ(public_photo_kind(), ErrorKind::kNotFound);
}

TEST_P(PortalTest, EachUnitHasItsOwnMottosAndCodeOfConductEditedByItsLeadersAndAdministrators) {
  auto leader = Official("chu.tich", "C1", "leader");
  auto desk_officer = Official("mot.cua", "C1", "desk");
  auto other_leader = Official("chu.tich.c2", "C2", "leader");
  EXPECT_EQ(portal_->DirectoryOf("C1").conduct.mottos, "");
  portal_->SetConduct(leader, "C1", "Lắng nghe – Thấu hiểu\n\n  Chia sẻ – Hướng dẫn  ", "Tận tụy\r\nĐúng hẹn");
  auto d = portal_->DirectoryOf("C1");
  EXPECT_EQ(Lines(d.conduct.mottos), (std::vector<std::string>{"Lắng nghe – Thấu hiểu", "Chia sẻ – Hướng dẫn"}));
  EXPECT_EQ(Lines(d.conduct.code), (std::vector<std::string>{"Tận tụy", "Đúng hẹn"}));
  // Not inherited: the province's own text does not appear at the commune, nor the commune's at another.
  portal_->SetConduct(*admin_, "P1", "Phương châm của tỉnh", "");
  EXPECT_EQ(Lines(portal_->DirectoryOf("C1").conduct.mottos).size(), 2u);
  EXPECT_EQ(portal_->DirectoryOf("C2").conduct.mottos, "");
  // A desk officer, or a leader of another unit, may not; an unknown unit is 404.
  EXPECT_EQ(KindOf([&] { portal_->SetConduct(desk_officer, "C1", "x", ""); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { portal_->GetConduct(other_leader, "C1"); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { portal_->GetConduct(*admin_, "nope"); }), ErrorKind::kNotFound);
  // Too long or not text: refused whole (both fields named), nothing changes.
  try {
    portal_->SetConduct(leader, "C1", std::string(kMaxMottosChars + 1, 'a'), "bad\x01");
    ADD_FAILURE() << "accepted";
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kBadRequest);
    ASSERT_EQ(e.problems().size(), 2u);
    EXPECT_EQ(e.problems()[0].field, "mottos");
    EXPECT_EQ(e.problems()[1].field, "conduct");
  }
  EXPECT_EQ(portal_->GetConduct(leader, "C1").conduct.code, "Tận tụy\nĐúng hẹn");
  // Emptied: nothing shown.
  portal_->SetConduct(leader, "C1", "", "");
  EXPECT_TRUE(Lines(portal_->DirectoryOf("C1").conduct.code).empty());
}

FG_BOTH_BACKENDS(PortalTest);

}  // namespace
}  // namespace fg::pub
