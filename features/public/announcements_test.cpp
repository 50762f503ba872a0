// Announcements: the checks of the form (pure), and on both backends who may
// create, edit and withdraw them, the playlist of a controller's hamlet, the
// broadcast log, the controllers' device tokens and the spoken audio
// (espeak-ng), checked non-silent with sox.
#include "features/public/announcements.h"

#include <gtest/gtest.h>

#include <functional>
#include <sstream>

#include "features/desk/testing.h"
#include "platform/errors.h"
#include "platform/time.h"
#include "tests/support/tools.h"

namespace fg::pub {
namespace {

using fg::testing::KindOf;

AnnouncementInput Input(const std::string& unit = "C1") {
  AnnouncementInput in;
  in.unit_code = unit;
  in.title = "Tiêm phòng dại";
  in.body = "Sáng thứ Bảy, tiêm phòng dại miễn phí cho chó, mèo tại nhà văn hóa ấp 3.";
  in.starts_on = TodayLocalIso();
  in.ends_on = TodayLocalIso();
  in.times = "17:00, 06:30 6:30";
  in.hamlets = "Ấp 3\n\nẤp 4\nẤp 3";
  return in;
}

// The message key of the AppError `f` throws ("none" if none).
std::string KeyOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const AppError& e) {
    return e.key();
  }
  return "none";
}

std::vector<std::string> Fields(const AppError& e) {
  std::vector<std::string> out;
  for (const auto& p : e.problems()) out.push_back(p.field);
  return out;
}

TEST(AnnouncementRules, FormIsCheckedAllAtOnce) {
  auto a = ValidateAnnouncement(Input());
  EXPECT_EQ(a.times, (std::vector<std::string>{"06:30", "17:00"}));  // sorted, once each
  EXPECT_EQ(a.hamlets, (std::vector<std::string>{"Ấp 3", "Ấp 4"}));  // blank lines and repeats dropped
  AnnouncementInput bad;
  bad.starts_on = "2026-02-30";
  bad.ends_on = "2026-01-01";
  bad.times = "25:00";
  try {
    ValidateAnnouncement(bad);
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(Fields(e), (std::vector<std::string>{"headline", "message", "starts_on", "times"}));
  }
  bad = Input();
  bad.starts_on = "2026-03-10";
  bad.ends_on = "2026-03-09";
  bad.times = "";
  try {
    ValidateAnnouncement(bad);
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(Fields(e), (std::vector<std::string>{"ends_on", "times"}));
  }
  bad = Input();
  bad.starts_on = "2026-01-01";
  bad.ends_on = "2027-01-02";  // 367 days on air
  EXPECT_EQ(KindOf([&] { ValidateAnnouncement(bad); }), ErrorKind::kBadRequest);
  bad.ends_on = "2027-01-01";  // 366 days on air
  EXPECT_NO_THROW(ValidateAnnouncement(bad));
}

TEST(AnnouncementRules, OnAirAndHamlets) {
  Announcement a;
  a.starts_on = "2026-03-01";
  a.ends_on = "2026-03-03";
  EXPECT_FALSE(OnAir(a, "2026-02-28"));
  EXPECT_TRUE(OnAir(a, "2026-03-01"));
  EXPECT_TRUE(OnAir(a, "2026-03-03"));
  EXPECT_FALSE(OnAir(a, "2026-03-04"));
  EXPECT_TRUE(ForHamlet(a, "Ấp 9"));  // no hamlets: every one
  a.hamlets = {"Ấp Bàu Bàng"};
  EXPECT_TRUE(ForHamlet(a, "ap bau bang"));
  EXPECT_FALSE(ForHamlet(a, "Ấp Bàu"));
}

class AnnouncementsTest : public desk::testing::DeskFixture {
 protected:
  // A controller of `unit` for `hamlets`, registered by an administrator of the province.
  Controller Register(Announcements& ann, const std::string& unit, const std::string& hamlets,
                      std::string* token = nullptr) {
    auto [k, t] = ann.RegisterController(admin_, unit, "Loa " + unit, hamlets);
    if (token) *token = t;
    auto device = ann.Device(t);
    EXPECT_TRUE(device);
    return device ? *device : k;
  }
  void SetUp() override {
    DeskFixture::SetUp();
    admin_ = Official("quan.tri", "P1", "admin");
  }
  auth::Principal admin_;
};

TEST_P(AnnouncementsTest, LeadersCreateControllersReportAndTheAudioSpeaks) {
  Announcements ann(*db_);
  auto leader = Official("lanh.dao", "C1", "leader");
  auto desk = Official("mot.cua", "C1", "desk");
  auto other = Official("lanh.dao.2", "C2", "leader");
  EXPECT_EQ(KindOf([&] { ann.Create(desk, Input()); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { ann.Create(other, Input()); }), ErrorKind::kForbidden);
  auto bad = Input();
  bad.title = "";
  EXPECT_EQ(KindOf([&] { ann.Create(leader, bad); }), ErrorKind::kBadRequest);
  EXPECT_TRUE(ann.Current("C1").empty());  // nothing half-written
  const auto a = ann.Create(leader, Input());
  auto later = Input();
  later.title = "Họp dân";
  later.starts_on = FormatIsoDate(*ParseIsoDate(TodayLocalIso()) + std::chrono::days(3));
  later.ends_on = later.starts_on;
  later.hamlets = "";
  ann.Create(leader, later);
  EXPECT_EQ(ann.Current("C1").size(), 2u);
  // Today's playlist of a controller's hamlet: what is on air there now.
  const Controller k = Register(ann, "C1", "Ấp 3\nẤp 7");
  const Controller k2 = Register(ann, "C2", "Ấp 3");
  ASSERT_EQ(ann.Playlist(k, "C1", "ap 3").size(), 1u);
  EXPECT_EQ(ann.Playlist(k, "C1", "ap 3")[0].title, "Tiêm phòng dại");
  EXPECT_TRUE(ann.Playlist(k, "C1", "Ấp 7").empty());
  EXPECT_EQ(ann.Playlist(k, "C1", "").size(), 1u);                                   // any of its hamlets
  EXPECT_EQ(KindOf([&] { ann.Playlist(k, "C1", "Ấp 4"); }), ErrorKind::kForbidden);  // not its hamlet
  EXPECT_EQ(KindOf([&] { ann.Playlist(k, "C2", ""); }), ErrorKind::kForbidden);      // not its unit
  EXPECT_TRUE(ann.Playlist(k2, "C2", "").empty());
  // The controller reports a broadcast; another unit's controller cannot.
  ann.Report(k, a.id, "ấp 3", "2026-03-01T06:30:00+07:00");
  EXPECT_EQ(KindOf([&] { ann.Report(k2, a.id, "Ấp 3", ""); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { ann.Report(k, a.id, "", "hôm qua"); }), ErrorKind::kBadRequest);
  EXPECT_EQ(KindOf([&] { ann.Report(k, a.id, "Ấp 4", ""); }), ErrorKind::kBadRequest);
  const auto log = ann.Log(leader, "C1");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].hamlet, "Ấp 3");  // as the controller's hamlet is written
  EXPECT_EQ(log[0].played_at, "2026-02-28T23:30:00Z");
  EXPECT_EQ(log[0].reported_by, "Loa C1");
  EXPECT_EQ(KindOf([&] { ann.Log(other, "C1"); }), ErrorKind::kForbidden);
  // The audio: a WAV of several seconds that is not silence.
  const std::string wav = ann.Audio(ann.Get("C1", a.id));
  ASSERT_GT(wav.size(), 44u);
  EXPECT_EQ(wav.substr(0, 4), "RIFF");
  const std::string stat = fg::testing::RunTool("sox", wav, ".wav", "-n stat");
  auto value = [&](const std::string& key) {
    const auto at = stat.find(key);
    EXPECT_NE(at, std::string::npos) << stat;
    return at == std::string::npos ? 0.0 : std::stod(stat.substr(stat.find(':', at) + 1));
  };
  EXPECT_GT(value("Length (seconds)"), 2.0) << stat;
  EXPECT_GT(value("RMS     amplitude"), 0.02) << stat;
  EXPECT_EQ(KindOf([&] { ann.Get("C2", a.id); }), ErrorKind::kNotFound);
}

TEST_P(AnnouncementsTest, EditedUntilTheFirstBroadcastWithVersionChecks) {
  Announcements ann(*db_);
  auto leader = Official("lanh.dao", "C1", "leader");
  auto desk = Official("mot.cua", "C1", "desk");
  const auto a = ann.Create(leader, Input());
  const std::string first_audio = ann.Audio(ann.Get("C1", a.id));
  auto in = Input();
  in.title = "Tiêm phòng dại (dời giờ)";
  in.times = "07:00";
  in.hamlets = "Ấp 4";
  EXPECT_EQ(KindOf([&] { ann.Update(desk, a.id, 1, in); }), ErrorKind::kForbidden);
  auto bad = in;
  bad.times = "sáng";
  bad.body = "";
  EXPECT_EQ(KindOf([&] { ann.Update(leader, a.id, 1, bad); }), ErrorKind::kBadRequest);
  const auto edited = ann.Update(leader, a.id, 1, in);
  EXPECT_EQ(edited.version, 2);
  const auto stored = ann.Get("C1", a.id);
  EXPECT_EQ(stored.title, "Tiêm phòng dại (dời giờ)");
  EXPECT_EQ(stored.times, (std::vector<std::string>{"07:00"}));
  EXPECT_EQ(stored.hamlets, (std::vector<std::string>{"Ấp 4"}));
  EXPECT_EQ(stored.version, 2);
  // The audio speaks the new title (a new text gives a different sound).
  EXPECT_NE(ann.Audio(stored), first_audio);
  // A save from a form read before that edit is refused, nothing changes.
  in.title = "Bản cũ";
  EXPECT_EQ(KeyOf([&] { ann.Update(leader, a.id, 1, in); }), "public.announcement.changed");
  EXPECT_EQ(ann.Get("C1", a.id).title, "Tiêm phòng dại (dời giờ)");
  // Once a controller reported playing it, it is no longer edited.
  const Controller k = Register(ann, "C1", "Ấp 4");
  ann.Report(k, a.id, "Ấp 4", "");
  EXPECT_TRUE(ann.Get("C1", a.id).broadcast);
  EXPECT_FALSE(Editable(ann.Get("C1", a.id)));
  EXPECT_EQ(KeyOf([&] { ann.Update(leader, a.id, 2, in); }), "public.announcement.broadcast_already");
  EXPECT_EQ(ann.Get("C1", a.id).title, "Tiêm phòng dại (dời giờ)");
}

TEST_P(AnnouncementsTest, AWithdrawnOneLeavesThePlaylistAtOnceAndTheLogKeepsItsBroadcasts) {
  Announcements ann(*db_);
  auto leader = Official("lanh.dao", "C1", "leader");
  const auto a = ann.Create(leader, Input());
  const Controller k = Register(ann, "C1", "Ấp 3");
  ann.Report(k, a.id, "Ấp 3", "");
  ASSERT_EQ(ann.Playlist(k, "C1", "Ấp 3").size(), 1u);
  EXPECT_EQ(KindOf([&] { ann.Withdraw(leader, a.id, 1, "  "); }), ErrorKind::kBadRequest);  // a reason is required
  EXPECT_EQ(KeyOf([&] { ann.Withdraw(leader, a.id, 7, "Dời lịch"); }), "public.announcement.changed");
  EXPECT_EQ(KindOf([&] { ann.Withdraw(Official("mot.cua", "C1", "desk"), a.id, 1, "Dời lịch"); }),
            ErrorKind::kForbidden);
  ASSERT_EQ(ann.Playlist(k, "C1", "Ấp 3").size(), 1u);  // nothing half-done
  const auto w = ann.Withdraw(leader, a.id, 1, "Buổi tiêm dời sang tuần sau.");
  EXPECT_TRUE(ann.Playlist(k, "C1", "Ấp 3").empty());
  // Still listed (as withdrawn, with who, when and why); the log keeps the broadcast.
  const auto current = ann.Current("C1");
  ASSERT_EQ(current.size(), 1u);
  EXPECT_TRUE(current[0].withdrawn());
  EXPECT_EQ(current[0].withdrawn_by, "Người lanh.dao");
  EXPECT_EQ(current[0].withdrawn_reason, "Buổi tiêm dời sang tuần sau.");
  EXPECT_EQ(current[0].withdrawn_at, w.withdrawn_at);
  EXPECT_EQ(ann.Log(leader, "C1").size(), 1u);
  EXPECT_EQ(KeyOf([&] { ann.Withdraw(leader, a.id, 2, "Lần nữa"); }), "public.announcement.withdrawn_already");
  EXPECT_EQ(KindOf([&] { ann.Update(leader, a.id, 2, Input()); }), ErrorKind::kConflict);
}

TEST_P(AnnouncementsTest, DeviceTokensAreTheControllersOwnAndRevocable) {
  Announcements ann(*db_);
  auto leader = Official("lanh.dao", "C1", "leader");
  auto outside_admin = Official("quan.tri.2", "C2", "admin");
  EXPECT_EQ(KindOf([&] { ann.RegisterController(leader, "C1", "Loa", "Ấp 1"); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { ann.RegisterController(outside_admin, "C1", "Loa", "Ấp 1"); }), ErrorKind::kForbidden);
  try {
    ann.RegisterController(admin_, "C1", "", "");
    ADD_FAILURE() << "no error";
  } catch (const AppError& e) {
    EXPECT_EQ(Fields(e), (std::vector<std::string>{"controller_name", "hamlets"}));  // both at once
  }
  std::string token;
  const Controller k = Register(ann, "C1", "Ấp 1", &token);
  EXPECT_TRUE(token.starts_with("loa_" + std::to_string(k.id) + "_"));
  // Only the hash is stored: the token appears nowhere in the table.
  static const db::Query q{"test_controller_hash", "SELECT token_hash FROM announcement_controllers WHERE id = ?"};
  const std::string stored = db_->read([&](db::Conn& c) { return c.query(q, {k.id}).at(0).text(0); });
  EXPECT_EQ(stored.size(), 64u);
  EXPECT_EQ(token.find(stored), std::string::npos);
  // Wrong secrets, another controller's id, other shapes: nothing.
  std::string wrong = token;
  wrong.back() = wrong.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(ann.Device(wrong));
  EXPECT_FALSE(ann.Device("loa_" + std::to_string(k.id + 1) + token.substr(token.rfind('_'))));
  EXPECT_FALSE(ann.Device(""));
  EXPECT_FALSE(ann.Device("fgt_abc"));
  EXPECT_FALSE(ann.Device("loa__x"));
  ASSERT_TRUE(ann.Device(token));
  // Revoked: refused at once; listed as revoked.
  EXPECT_EQ(KindOf([&] { ann.RevokeController(leader, k.id); }), ErrorKind::kForbidden);
  ann.RevokeController(admin_, k.id);
  EXPECT_FALSE(ann.Device(token));
  EXPECT_EQ(KindOf([&] { ann.RevokeController(admin_, k.id); }), ErrorKind::kConflict);
  const auto list = ann.Controllers(admin_, "C1");
  ASSERT_EQ(list.size(), 1u);
  EXPECT_FALSE(list[0].revoked_at.empty());
  EXPECT_EQ(KindOf([&] { ann.Controllers(leader, "C1"); }), ErrorKind::kForbidden);
}

TEST(AnnouncementRules, DeviceTokenShape) {
  EXPECT_EQ(ControllerIdOf("loa_12_abc"), 12);
  EXPECT_FALSE(ControllerIdOf("loa_12_"));
  EXPECT_FALSE(ControllerIdOf("loa__abc"));
  EXPECT_FALSE(ControllerIdOf("loa_1x_abc"));
  EXPECT_FALSE(ControllerIdOf("loa_0_abc"));
  EXPECT_FALSE(ControllerIdOf("fgt_12_abc"));
}

FG_BOTH_BACKENDS(AnnouncementsTest);

}  // namespace
}  // namespace fg::pub
