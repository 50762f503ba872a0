// Ratings through the service, on both backends: binding and once per dossier,
// idempotent client keys, concurrent duplicates, signed links (expiry,
// tampering), rate limits and anomaly marks, tablets, counters = recount,
// reports, and the event log noticing an altered rating.
#include "features/ratings/service.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <deque>
#include <random>
#include <set>
#include <thread>
#include <tuple>

#include "features/calendar/testing.h"
#include "features/desk/testing.h"
#include "features/ratings/repo.h"
#include "features/ratings/rules.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/time.h"

namespace fg::ratings {
namespace {

using calendar::testing::D;
using fg::testing::KindOf;

SysSeconds T(int y, unsigned m, unsigned d, int hh, int mm) { return FromLocal(D(y, m, d), (hh * 60 + mm) * 60); }

class RatingsServiceTest : public desk::testing::DeskFixture {
 protected:
  void SetUp() override {
    DeskFixture::SetUp();
    SetClockForTesting(T(2026, 3, 9, 9, 0));
    admin_ = Official("admin.p1", "P1", "admin");
    desk_ = Official("desk.c1", "C1", "desk");
    desk2_ = Official("desk2.c1", "C1", "desk");
    leader_ = Official("leader.c1", "C1", "leader");
    outsider_ = Official("desk.c2", "C2", "desk");
    proc_ = svc_->CreateProcedure(admin_, BirthInput("P1", "1.001193"));
    ratings_ = std::make_unique<Service>(*db_);
  }
  void TearDown() override {
    ratings_.reset();
    SetClockForTesting(std::nullopt);
  }
  desk::Dossier Receive() {
    desk::IntakeInput in;
    in.procedure_id = proc_.id;
    in.unit_code = "C1";
    in.applicant = {"Trần Văn Bình", "079123456789", "0912 345 678", "", "Ấp 3"};
    in.summary = proc_.name;
    in.documents = {{"Tờ khai", "original", 1}};
    return svc_->Receive(desk_, in).detail.dossier;
  }
  RatingInput Qr(const std::string& level, const auth::Principal& official) {
    RatingInput in;
    in.source = "qr";
    in.level = level;
    in.official_id = official.official_id;
    return in;
  }
  RatingInput Link(const desk::Dossier& d, const std::string& level) {
    RatingInput in;
    in.source = "link";
    in.level = level;
    in.dossier_id = d.id;
    return in;
  }
  // The store caches prepared statements by the text's address: every query text is
  // kept for the whole test, so that no later text can reuse an earlier one's address.
  int64_t Count(std::string sql) {
    const char* kept = queries_.emplace_back(std::move(sql)).c_str();
    return db_->read([&](db::Conn& c) { return c.query_one({"t", kept})->i64(0); });
  }
  std::deque<std::string> queries_;
  // The answer of a submission is built from what was written: it must be
  // what reading the rating back gives.
  void ExpectAsStored(const Rating& a) {
    auto b = db_->read([&](db::Conn& c) { return repo::RatingById(c, a.id); });
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ(std::tie(a.id, a.unit_id, a.unit_code, a.unit_name, a.official_id, a.official_name, a.dossier_id,
                       a.dossier_code, a.procedure_id, a.device_id, a.scale, a.level, a.reasons, a.comment, a.source,
                       a.client_key, a.day, a.at, a.flag),
              std::tie(b->id, b->unit_id, b->unit_code, b->unit_name, b->official_id, b->official_name, b->dossier_id,
                       b->dossier_code, b->procedure_id, b->device_id, b->scale, b->level, b->reasons, b->comment,
                       b->source, b->client_key, b->day, b->at, b->flag));
  }
  static Sender From(const std::string& address, const std::string& device = "") { return {address, device}; }

  auth::Principal admin_, desk_, desk2_, leader_, outsider_;
  desk::Procedure proc_;
  std::unique_ptr<Service> ratings_;
};

TEST_P(RatingsServiceTest, QrRatingBindsToTheOfficialAndHomeUnitWithoutTheSender) {
  auto in = Qr("unsatisfied", desk_);
  in.reasons = {"other", "waiting", "waiting"};
  in.comment = "  Chờ  lâu quá ";
  auto s = ratings_->Submit(in, From("203.0.113.7", "device-a"));
  EXPECT_TRUE(s.created);
  const Rating& r = s.rating;
  EXPECT_EQ(r.official_id, desk_.official_id);
  EXPECT_EQ(r.unit_code, "C1");
  EXPECT_FALSE(r.dossier_id.has_value());
  EXPECT_EQ(r.level, "unsatisfied");
  EXPECT_EQ(r.reasons, (std::vector<std::string>{"waiting", "other"}));  // kReasons order, once
  EXPECT_EQ(r.day, "2026-03-09");
  EXPECT_EQ(r.flag, "");
  EXPECT_FALSE(r.unit_name.empty());
  EXPECT_FALSE(r.official_name.empty());
  ExpectAsStored(r);
  // Nothing of the sender is stored.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ratings WHERE comment LIKE '%203.0.113%' OR reasons LIKE '%device%'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM events WHERE entity = 'rating' AND after_json LIKE '%203.0.113%'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM events WHERE entity = 'rating'"), 1);
  // Reasons are dropped for a satisfied level.
  auto happy = Qr("satisfied", desk_);
  happy.reasons = {"waiting"};
  EXPECT_TRUE(ratings_->Submit(happy, From("203.0.113.8")).rating.reasons.empty());
  // Bad input: every problem at once.
  RatingInput bad;
  bad.source = "fax";
  bad.level = "neutral";  // not on the default 3-level scale
  bad.reasons = {"bribe"};
  bad.comment = std::string(501, 'a');
  bad.official_id = desk_.official_id;
  try {
    ratings_->Submit(bad, From("203.0.113.9"));
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kBadRequest);
    std::set<std::string> fields;
    for (auto& p : e.problems()) fields.insert(p.field);
    EXPECT_EQ(fields, (std::set<std::string>{"source", "level", "reasons", "comment"}));
  }
}

TEST_P(RatingsServiceTest, LeadersSetTheScaleWhichTheSubtreeInheritsAndRatingsFollow) {
  // The defaults until someone sets them.
  auto shown = ratings_->GetSettings(desk_, "C1");
  EXPECT_EQ(shown.unit_code, "C1");
  EXPECT_EQ(shown.settings.scale, 3);
  EXPECT_FALSE(shown.may_edit);  // a desk officer reads, never edits
  EXPECT_TRUE(ratings_->GetSettings(leader_, "C1").may_edit);
  EXPECT_EQ(KindOf([&] { ratings_->PutSettings(desk_, "C1", {5, 30, 10}); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { ratings_->PutSettings(leader_, "C2", {5, 30, 10}); }), ErrorKind::kForbidden);
  // Every bad value at once, and nothing saved.
  try {
    ratings_->PutSettings(admin_, "P1", {6, 4, 366});
    FAIL();
  } catch (const AppError& e) {
    std::set<std::string> fields;
    for (auto& p : e.problems()) fields.insert(p.field);
    EXPECT_EQ(fields, (std::set<std::string>{"scale", "reset_seconds", "link_days"}));
  }
  EXPECT_EQ(ratings_->GetSettings(admin_, "P1").settings.scale, 3);
  // Set on the province: both communes inherit it; a commune's own setting wins over it.
  auto saved = ratings_->PutSettings(admin_, "P1", {5, 45, 7});
  EXPECT_EQ(saved.unit_code, "P1");
  EXPECT_EQ(ratings_->GetSettings(outsider_, "C2").settings.reset_seconds, 45);
  ratings_->PutSettings(leader_, "C1", {4, 30, 14});
  EXPECT_EQ(ratings_->GetSettings(desk_, "C1").settings.scale, 4);
  EXPECT_EQ(ratings_->GetSettings(outsider_, "C2").settings.scale, 5);
  // "Bình thường" exists on 5 levels only: refused in C1 (4 levels), taken in C2 (5 levels).
  EXPECT_EQ(KindOf([&] { ratings_->Submit(Qr("neutral", desk_), From("203.0.113.20")); }), ErrorKind::kBadRequest);
  EXPECT_EQ(ratings_->Submit(Qr("neutral", outsider_), From("203.0.113.21")).rating.scale, 5);
  EXPECT_EQ(ratings_->Submit(Qr("somewhat_unsatisfied", desk_), From("203.0.113.22")).rating.scale, 4);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM events WHERE entity = 'rating_settings'"), 2);
}

TEST_P(RatingsServiceTest, ADossierIsRatedOnceWhateverTheChannel) {
  auto d = Receive();
  auto first = ratings_->Submit(Link(d, "very_satisfied"), From("198.51.100.1"));
  EXPECT_EQ(first.rating.dossier_id, d.id);
  EXPECT_EQ(first.rating.official_id, desk_.official_id);  // the receiving official
  EXPECT_EQ(first.rating.procedure_id, proc_.id);
  EXPECT_EQ(first.rating.dossier_code, d.code);
  ExpectAsStored(first.rating);
  try {
    ratings_->Submit(Link(d, "unsatisfied"), From("198.51.100.1"));
    FAIL();
  } catch (const AppError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kConflict);
    EXPECT_EQ(e.key(), "ratings.already_rated");
    EXPECT_NE(render::Text(e.key()).find("đã được đánh giá"), std::string::npos);
  }
  auto qr = Qr("satisfied", desk_);
  qr.dossier_code = d.code;
  EXPECT_EQ(KindOf([&] { ratings_->Submit(qr, From("198.51.100.2")); }), ErrorKind::kConflict);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ratings"), 1);
  // A QR rating naming another official's unit's dossier is refused.
  auto other = Receive();
  auto foreign = Qr("satisfied", outsider_);
  foreign.dossier_code = other.code;
  EXPECT_EQ(KindOf([&] { ratings_->Submit(foreign, From("198.51.100.3")); }), ErrorKind::kBadRequest);
  auto unknown = Qr("satisfied", desk_);
  unknown.dossier_code = "C1-000000-9999";
  EXPECT_EQ(KindOf([&] { ratings_->Submit(unknown, From("198.51.100.3")); }), ErrorKind::kBadRequest);
}

// An official of the province rated by QR for a commune's dossier: the rating
// belongs to the dossier's unit, and its answer names that unit.
TEST_P(RatingsServiceTest, AQrRatingOfASubordinateUnitsDossierNamesTheDossiersUnit) {
  auto d = Receive();
  auto in = Qr("satisfied", admin_);
  in.dossier_code = d.code;
  auto s = ratings_->Submit(in, From("198.51.100.4"));
  EXPECT_EQ(s.rating.unit_code, "C1");
  EXPECT_EQ(s.rating.official_id, admin_.official_id);
  ExpectAsStored(s.rating);
}

TEST_P(RatingsServiceTest, ARepeatedClientKeyReturnsTheFirstRating) {
  auto in = Qr("satisfied", desk_);
  in.client_key = "tablet-1-abc";
  auto a = ratings_->Submit(in, From("192.0.2.1"));
  in.level = "unsatisfied";  // a retry never changes what was stored
  auto b = ratings_->Submit(in, From("192.0.2.1"));
  EXPECT_TRUE(a.created);
  EXPECT_FALSE(b.created);
  EXPECT_EQ(a.rating.id, b.rating.id);
  EXPECT_EQ(b.rating.level, "satisfied");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ratings"), 1);
  EXPECT_EQ(Count("SELECT SUM(n) FROM rating_counts"), 1);
}

TEST_P(RatingsServiceTest, ConcurrentDuplicatesStoreOneRating) {
  auto d = Receive();
  std::atomic<int> created{0}, conflicts{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&, i] {
      try {
        auto in = Link(d, i % 2 ? "satisfied" : "unsatisfied");
        in.client_key = "k" + std::to_string(i);
        ratings_->Submit(in, From("192.0.2.9"));
        ++created;
      } catch (const AppError& e) {
        (e.kind() == ErrorKind::kConflict ? conflicts : other)++;
      }
    });
  // The same client key eight times at once: one rating, every call answered with it.
  std::atomic<int> same_created{0};
  std::set<int64_t> ids;
  std::mutex mu;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&] {
      auto in = Qr("satisfied", desk2_);
      in.client_key = "same-key";
      auto s = ratings_->Submit(in, From("192.0.2.10"));
      if (s.created) ++same_created;
      std::lock_guard lock(mu);
      ids.insert(s.rating.id);
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(conflicts.load(), 7);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(same_created.load(), 1);
  EXPECT_EQ(ids.size(), 1u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM ratings"), 2);
  EXPECT_EQ(Count("SELECT SUM(n) FROM rating_counts"), 2);
}

TEST_P(RatingsServiceTest, SignedLinksExpireAndRefuseTampering) {
  auto d = Receive();
  const std::string link = RatingLink(d.id);
  const auto at = link.find("/danh-gia/ho-so?t=");
  ASSERT_NE(at, std::string::npos);
  const std::string token = link.substr(at + std::string("/danh-gia/ho-so?t=").size());
  EXPECT_EQ(ratings_->LinkOf(token).code, d.code);
  // Tampered: another dossier id with the same MAC, a changed expiry, a changed MAC.
  const auto dot = token.find('.');
  EXPECT_EQ(KindOf([&] { ratings_->LinkOf(std::to_string(d.id + 1) + token.substr(dot)); }), ErrorKind::kNotFound);
  const auto dot2 = token.find('.', dot + 1);
  std::string later = token.substr(0, dot + 1) + "9" + token.substr(dot + 1);
  EXPECT_EQ(KindOf([&] { ratings_->LinkOf(later); }), ErrorKind::kNotFound);
  std::string mac = token;
  mac[dot2 + 3] = mac[dot2 + 3] == 'A' ? 'B' : 'A';
  EXPECT_EQ(KindOf([&] { ratings_->LinkOf(mac); }), ErrorKind::kNotFound);
  EXPECT_EQ(KindOf([&] { ratings_->LinkOf("garbage"); }), ErrorKind::kNotFound);
  // 30 days later (the default) it has expired.
  SetClockForTesting(T(2026, 4, 8, 9, 1));
  EXPECT_EQ(KindOf([&] { ratings_->LinkOf(token); }), ErrorKind::kConflict);
  // A token signed with another key is refused (the key is the server's).
  std::string other_key(32, 'x');
  EXPECT_EQ(CheckLinkToken(LinkToken(d.id, Now() + std::chrono::hours(1), other_key), Now(), other_key).result,
            LinkCheck::kOk);
  EXPECT_EQ(KindOf([&] { ratings_->LinkOf(LinkToken(d.id, Now() + std::chrono::hours(1), other_key)); }),
            ErrorKind::kNotFound);
}

TEST_P(RatingsServiceTest, UnboundRatingsAreRateLimitedAndAnomaliesFlagged) {
  // Per address: 20 an hour.
  for (int i = 0; i < 20; ++i) ratings_->Submit(Qr("satisfied", desk2_), From("203.0.113.50"));
  EXPECT_EQ(KindOf([&] { ratings_->Submit(Qr("satisfied", desk2_), From("203.0.113.50")); }), ErrorKind::kTooMany);
  // An hour later the address may rate again.
  SetClockForTesting(T(2026, 3, 9, 10, 1));
  ratings_->Submit(Qr("satisfied", desk_), From("203.0.113.50"));
  // One device: the fourth rating of the day is flagged; past 5 an hour refused.
  std::vector<std::string> flags;
  for (int i = 0; i < 5; ++i)
    flags.push_back(
        ratings_->Submit(Qr("satisfied", desk_), From("203.0.113." + std::to_string(60 + i), "dev-1")).rating.flag);
  EXPECT_EQ(flags, (std::vector<std::string>{"", "", "", "device", "device"}));
  EXPECT_EQ(KindOf([&] { ratings_->Submit(Qr("satisfied", desk_), From("203.0.113.70", "dev-1")); }),
            ErrorKind::kTooMany);
  // From an address an official of the unit logged in from.
  db_->write([&](db::Conn& c) {
    c.exec({"t",
            "INSERT INTO login_throttles (official_id, client_address, failures, last_success_at, updated_at) "
            "VALUES (?, '10.0.0.5', 0, '2026-03-09T01:00:00Z', '2026-03-09T01:00:00Z')"},
           {leader_.official_id});
  });
  EXPECT_EQ(ratings_->Submit(Qr("very_satisfied", desk_), From("10.0.0.5")).rating.flag, "staff_address");
  // The leader sees them; a desk officer may not.
  auto flagged = ratings_->Flagged(leader_, "C1");
  ASSERT_EQ(flagged.size(), 13u);  // 10 in a burst for desk2, 2 from one device, 1 from the staff address
  EXPECT_EQ(KindOf([&] { ratings_->Flagged(desk_, "C1"); }), ErrorKind::kForbidden);
  ratings_->Review(leader_, flagged[0].id);
  EXPECT_EQ(ratings_->Flagged(leader_, "C1").size(), 12u);
  // Bound ratings are neither limited nor flagged.
  auto d = Receive();
  EXPECT_EQ(ratings_->Submit(Link(d, "satisfied"), From("10.0.0.5")).rating.flag, "");
}

TEST_P(RatingsServiceTest, TabletPairsShowsTheInvitedDossierAndIsRevocable) {
  auto pairing = ratings_->CreatePairing(desk_, "C1", "Bàn 1");
  EXPECT_EQ(pairing.code.size(), 6u);
  EXPECT_EQ(KindOf([&] { ratings_->CreatePairing(outsider_, "C1", "Bàn 9"); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { ratings_->Pair("000000", "192.0.2.77"); }), ErrorKind::kBadRequest);
  const std::string token = ratings_->Pair(pairing.code);
  EXPECT_EQ(KindOf([&] { ratings_->Pair(pairing.code); }), ErrorKind::kBadRequest);  // once
  EXPECT_EQ(ratings_->DeviceOfToken(token).official_id, desk_.official_id);
  EXPECT_FALSE(ratings_->KioskStateOf(token).dossier_id.has_value());
  auto d = Receive();
  ratings_->Invite(desk_, d.code);
  auto state = ratings_->KioskStateOf(token);
  ASSERT_TRUE(state.dossier_id.has_value());
  EXPECT_EQ(state.dossier_code, d.code);
  EXPECT_EQ(state.procedure_name, "Đăng ký khai sinh");
  RatingInput in;
  in.source = "kiosk";
  in.level = "very_satisfied";
  in.dossier_id = *state.dossier_id;
  in.official_id = desk_.official_id;
  in.device_id = state.device_id;
  in.client_key = "kiosk-1";
  auto s = ratings_->Submit(in, From("10.0.0.9"));
  EXPECT_EQ(s.rating.device_id, state.device_id);
  EXPECT_FALSE(ratings_->KioskStateOf(token).dossier_id.has_value());  // never the previous one again
  // Invitations expire after 15 minutes.
  auto d2 = Receive();
  ratings_->Invite(desk_, d2.code);
  SetClockForTesting(T(2026, 3, 9, 9, 20));
  EXPECT_FALSE(ratings_->KioskStateOf(token).dossier_id.has_value());
  ratings_->Revoke(desk_, pairing.device.id);
  EXPECT_EQ(KindOf([&] { ratings_->DeviceOfToken(token); }), ErrorKind::kUnauthorized);
  EXPECT_EQ(ratings_->Devices(desk_, "C1").front().revoked_at.empty(), false);
  // Guessing codes: 10 wrong ones from an address, then 429 even for a right one; other addresses go on.
  auto next = ratings_->CreatePairing(desk_, "C1", "Bàn 2");
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(KindOf([&] { ratings_->Pair("12345", "192.0.2.77"); }), ErrorKind::kBadRequest);
  EXPECT_EQ(KindOf([&] { ratings_->Pair(next.code, "192.0.2.77"); }), ErrorKind::kTooMany);
  EXPECT_FALSE(ratings_->Pair(next.code, "192.0.2.78").empty());
}

TEST_P(RatingsServiceTest, CountersEqualTheRecountAfterRandomRatings) {
  std::mt19937 rng(12);
  std::vector<desk::Dossier> dossiers;
  for (int i = 0; i < 6; ++i) dossiers.push_back(Receive());
  const char* levels[] = {"very_satisfied", "satisfied", "unsatisfied"};
  size_t next_dossier = 0;
  for (int i = 0; i < 60; ++i) {
    SetClockForTesting(T(2026, 3, 9 + static_cast<unsigned>(rng() % 20), 8 + static_cast<int>(rng() % 9), 0));
    RatingInput in = rng() % 3 == 0 && next_dossier < dossiers.size() ? Link(dossiers[next_dossier++], "")
                                                                      : Qr("", rng() % 2 ? desk_ : desk2_);
    in.level = levels[rng() % 3];
    for (const char* r : kReasons)
      if (rng() % 2) in.reasons.emplace_back(r);
    in.client_key = rng() % 4 == 0 ? "dup-" + std::to_string(rng() % 5) : "";
    try {
      ratings_->Submit(in, From("198.18.0." + std::to_string(i)));
    } catch (const AppError& e) {
      ASSERT_EQ(e.kind(), ErrorKind::kTooMany);  // not expected: one per address
    }
  }
  // The counters come in no order; the recount in key order.
  auto in_key_order = [](std::vector<repo::CountRow> rows) {
    std::sort(rows.begin(), rows.end(), [](const repo::CountRow& a, const repo::CountRow& b) {
      return std::tie(a.unit_id, a.day, a.official_id, a.procedure_id, a.key) <
             std::tie(b.unit_id, b.day, b.official_id, b.procedure_id, b.key);
    });
    return rows;
  };
  auto counted =
      in_key_order(db_->read([](db::Conn& c) { return repo::LevelCounts(c, "/", "0000-01-01", "9999-12-31"); }));
  auto recount = db_->read([](db::Conn& c) { return repo::RecountLevels(c); });
  ASSERT_EQ(counted.size(), recount.size());
  for (size_t i = 0; i < counted.size(); ++i) {
    EXPECT_EQ(counted[i].day, recount[i].day);
    EXPECT_EQ(counted[i].official_id, recount[i].official_id);
    EXPECT_EQ(counted[i].procedure_id, recount[i].procedure_id);
    EXPECT_EQ(counted[i].key, recount[i].key);
    EXPECT_EQ(counted[i].n, recount[i].n);
  }
  auto reasons =
      in_key_order(db_->read([](db::Conn& c) { return repo::ReasonCounts(c, "/", "0000-01-01", "9999-12-31"); }));
  auto rereasons = db_->read([](db::Conn& c) { return repo::RecountReasons(c); });
  ASSERT_EQ(reasons.size(), rereasons.size());
  for (size_t i = 0; i < reasons.size(); ++i) {
    EXPECT_EQ(reasons[i].day, rereasons[i].day);
    EXPECT_EQ(reasons[i].key, rereasons[i].key);
    EXPECT_EQ(reasons[i].n, rereasons[i].n);
  }
  // The counters by unit, day and official, and by unit and day, hold the same counts, and no other row.
  const std::string kept = "SELECT unit_id, day, official_id, level, n FROM rating_day_officials";
  const std::string recounted =
      "SELECT unit_id, day, official_id, level, COUNT(*) FROM ratings GROUP BY unit_id, day, official_id, level";
  EXPECT_EQ(Count(("SELECT COUNT(*) FROM (" + kept + " EXCEPT " + recounted + ") x")), 0);
  EXPECT_EQ(Count(("SELECT COUNT(*) FROM (" + recounted + " EXCEPT " + kept + ") x")), 0);
  const std::string by_unit = "SELECT unit_id, day, level, n FROM rating_day_units";
  const std::string unit_recount = "SELECT unit_id, day, level, COUNT(*) FROM ratings GROUP BY unit_id, day, level";
  EXPECT_EQ(Count(("SELECT COUNT(*) FROM (" + by_unit + " EXCEPT " + unit_recount + ") x")), 0);
  EXPECT_EQ(Count(("SELECT COUNT(*) FROM (" + unit_recount + " EXCEPT " + by_unit + ") x")), 0);
  // Reasons by unit and day: the sums of those by official (themselves checked against the recount above).
  const std::string unit_reasons = "SELECT unit_id, day, reason, n FROM rating_day_unit_reasons";
  const std::string summed =
      "SELECT unit_id, day, reason, SUM(n) FROM rating_reason_counts GROUP BY unit_id, day, reason";
  EXPECT_EQ(Count(("SELECT COUNT(*) FROM (" + unit_reasons + " EXCEPT " + summed + ") x")), 0);
  EXPECT_EQ(Count(("SELECT COUNT(*) FROM (" + summed + " EXCEPT " + unit_reasons + ") x")), 0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM rating_day_unit_reasons"), 0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM rating_day_officials"), 0);
  EXPECT_GT(Count("SELECT COUNT(*) FROM ratings"), 40);
}

TEST_P(RatingsServiceTest, ReportCountsSharesWithIntervalsAndTooFewMarks) {
  // desk_: 3 very satisfied, 1 unsatisfied; desk2_: 1 satisfied.
  for (int i = 0; i < 3; ++i) ratings_->Submit(Qr("very_satisfied", desk_), From("192.0.2." + std::to_string(i)));
  ratings_->Submit(Qr("unsatisfied", desk_), From("192.0.2.20"));
  ratings_->Submit(Qr("satisfied", desk2_), From("192.0.2.21"));
  ReportQuery q;
  q.unit_code = "C1";
  q.from = "2026-03-01";
  q.to = "2026-03-31";
  q.by = "official";
  auto rep = ratings_->ReportOf(leader_, q);
  ASSERT_EQ(rep.lines.size(), 2u);
  EXPECT_EQ(rep.total.total, 5);
  EXPECT_EQ(rep.total.counts[0], 3);
  EXPECT_EQ(rep.total.counts[1], 1);
  EXPECT_EQ(rep.total.counts[4], 1);
  // 4 of 5 satisfied: Wilson 95% interval 0.376..0.964 (hand computed: z=1.96).
  EXPECT_NEAR(rep.total.satisfied.value, 0.8, 1e-9);
  EXPECT_NEAR(rep.total.satisfied.low, 0.3755, 1e-3);
  EXPECT_NEAR(rep.total.satisfied.high, 0.9638, 1e-3);
  EXPECT_TRUE(rep.total.satisfied.too_few);
  q.minimum = 5;
  EXPECT_FALSE(ratings_->ReportOf(leader_, q).total.satisfied.too_few);
  // Outside the period: nothing.
  q.from = "2026-04-01";
  q.to = "2026-04-30";
  EXPECT_EQ(ratings_->ReportOf(leader_, q).total.total, 0);
  EXPECT_EQ(KindOf([&] { ratings_->ReportOf(outsider_, q); }), ErrorKind::kForbidden);
  q.by = "colour";
  EXPECT_EQ(KindOf([&] { ratings_->ReportOf(leader_, q); }), ErrorKind::kBadRequest);
}

TEST_P(RatingsServiceTest, AReportOverWholeMonthsAndLooseDaysCountsEveryRatingOfThePeriodOnce) {
  // Ratings from 20/02 to 10/04; the period 25/02..05/04 reads February's and April's days from the daily
  // counters and March from the monthly ones. Every line must equal a count of the ratings themselves.
  std::mt19937 rng(7);
  std::vector<desk::Dossier> dossiers;
  for (int i = 0; i < 8; ++i) dossiers.push_back(Receive());
  const char* levels[] = {"very_satisfied", "satisfied", "unsatisfied"};
  const auto first = *ParseIsoDate("2026-02-20");
  for (int i = 0; i < 90; ++i) {
    const auto day = std::chrono::year_month_day{first + std::chrono::days(rng() % 50)};
    SetClockForTesting(
        T(static_cast<int>(day.year()), static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()), 9, 0));
    RatingInput in = i < 8 ? Link(dossiers[static_cast<size_t>(i)], "") : Qr("", rng() % 2 ? desk_ : desk2_);
    in.level = levels[rng() % 3];
    if (in.level == "unsatisfied") in.reasons = {rng() % 2 ? "waiting" : "attitude"};
    ratings_->Submit(in, From("198.19.0." + std::to_string(i)));
  }
  ReportQuery q;
  q.unit_code = "P1";
  q.from = "2026-02-25";
  q.to = "2026-04-05";
  const std::string where = " FROM ratings WHERE day >= '2026-02-25' AND day <= '2026-04-05'";
  const int64_t in_period = Count(("SELECT COUNT(*)" + where));
  ASSERT_GT(in_period, 30);
  ASSERT_LT(in_period, 90);  // the period leaves ratings out on both sides
  for (const std::string by : {"official", "procedure", "unit", "month"}) {
    SCOPED_TRACE(by);
    q.by = by;
    const Report rep = ratings_->ReportOf(admin_, q);
    EXPECT_EQ(rep.total.total, in_period);
    EXPECT_EQ(rep.total.counts[4], Count(("SELECT COUNT(*)" + where + " AND level = 'unsatisfied'")));
    EXPECT_EQ(rep.total.reasons[0], Count(("SELECT COUNT(*)" + where + " AND reasons = 'waiting'")));
    const std::string column = by == "official"    ? "official_id"
                               : by == "procedure" ? "procedure_id"
                               : by == "unit"      ? "unit_id"
                                                   : "substr(day, 1, 7)";
    EXPECT_EQ(static_cast<int64_t>(rep.lines.size()), Count(("SELECT COUNT(DISTINCT " + column + ")" + where)));
    for (const auto& l : rep.lines) {
      const std::string key = by == "unit"    ? "(SELECT id FROM units WHERE code = '" + l.key + "')"
                              : by == "month" ? "'" + l.key + "'"
                                              : l.key;
      EXPECT_EQ(l.total, Count(("SELECT COUNT(*)" + where + " AND " + column + " = " + key))) << l.key;
    }
  }
}

TEST_P(RatingsServiceTest, TheEventLogNoticesAnAlteredRating) {
  auto s = ratings_->Submit(Qr("unsatisfied", desk_), From("192.0.2.30"));
  for (int i = 0; i < 500 && db_->read([](db::Conn& c) { return events::CountUnsealed(c); }) > 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_TRUE(db_->read([](db::Conn& c) { return events::Verify(c); }).ok);
  // An official "improves" the rating in the event as well as in the row.
  db_->write([&](db::Conn& c) {
    c.exec({"t", "UPDATE ratings SET level = 'very_satisfied' WHERE id = ?"}, {s.rating.id});
    c.exec({"t",
            "UPDATE events SET after_json = REPLACE(after_json, 'unsatisfied', 'very_satisfied') "
            "WHERE entity = 'rating'"});
  });
  EXPECT_FALSE(db_->read([](db::Conn& c) { return events::Verify(c); }).ok);
}

FG_BOTH_BACKENDS(RatingsServiceTest);

}  // namespace
}  // namespace fg::ratings
