// Announcements: the checks of the form (pure), and on both backends who may
// create them, the playlist of a hamlet, the broadcast log and the spoken
// audio (espeak-ng), checked non-silent with sox.
#include "features/public/announcements.h"

#include <gtest/gtest.h>

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

class AnnouncementsTest : public desk::testing::DeskFixture {};

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
  // Today's playlist of a hamlet: what is on air there now.
  ASSERT_EQ(ann.Playlist("C1", "ap 3").size(), 1u);
  EXPECT_EQ(ann.Playlist("C1", "ap 3")[0].title, "Tiêm phòng dại");
  EXPECT_TRUE(ann.Playlist("C1", "Ấp 7").empty());
  EXPECT_TRUE(ann.Playlist("C2", "").empty());
  // A controller (the desk officer's token) reports a broadcast; another unit's official cannot.
  ann.Report(desk, a.id, "Ấp 3", "2026-03-01T06:30:00+07:00");
  EXPECT_EQ(KindOf([&] { ann.Report(other, a.id, "Ấp 3", ""); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { ann.Report(desk, a.id, "", "hôm qua"); }), ErrorKind::kBadRequest);
  const auto log = ann.Log(leader, "C1");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].hamlet, "Ấp 3");
  EXPECT_EQ(log[0].played_at, "2026-02-28T23:30:00Z");
  EXPECT_EQ(log[0].reported_by, "Người mot.cua");
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

FG_BOTH_BACKENDS(AnnouncementsTest);

}  // namespace
}  // namespace fg::pub
