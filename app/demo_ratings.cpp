// Demo ratings: a paired tablet at the ward's desk (so the tablets' page lists
// one), the returned demo dossiers rated through their signed links, a few
// ratings from the officials' QR cards over the last weeks, and one flagged
// for review, so that the report and the review list have content.
#include "app/demo.h"
#include "features/ratings/service.h"
#include "platform/time.h"

namespace fg::app {

void SeedRatings(db::Db& db, org::Service& org) {
  auto sys = org::SystemPrincipal();
  std::optional<auth::Principal> desk_officer;
  for (auto& o : org.ListOfficials(sys))
    if (o.username == "desk")
      desk_officer = *db.read([&](db::Conn& c) { return org::Service::LoadPrincipal(c, o.id); });
  if (!desk_officer) return;
  ratings::Service svc(db);
  auto pairing = svc.CreatePairing(*desk_officer, "25270", "Bàn số 1 – Bộ phận một cửa");
  svc.Pair(pairing.code);

  const char* levels[] = {"very_satisfied", "satisfied",      "very_satisfied", "satisfied",
                          "unsatisfied",    "very_satisfied", "satisfied",      "satisfied"};
  const auto returned = db.read([](db::Conn& c) {
    std::vector<std::pair<int64_t, std::string>> out;
    for (auto& r : c.query({"demo.returned_dossiers",
                            "SELECT d.id, e.at FROM dossiers d JOIN dossier_entries e ON e.dossier_id = d.id "
                            "AND e.action = 'return' WHERE d.state = 10 ORDER BY d.id"}))
      out.emplace_back(r.i64(0), r.text(1));
    return out;
  });
  size_t i = 0;
  for (const auto& [id, at] : returned) {
    if (i % 4 == 3) {  // not every citizen rates
      ++i;
      continue;
    }
    if (auto t = ParseUtc(at)) SetClockForTesting(*t + std::chrono::minutes(2));
    ratings::RatingInput in;
    in.source = i % 2 ? "kiosk" : "link";
    in.level = levels[i % 8];
    if (in.level == "unsatisfied") in.reasons = {i % 3 ? "waiting" : "guidance"};
    in.dossier_id = id;
    if (in.source == "kiosk") {
      in.official_id = desk_officer->official_id;
      in.device_id = pairing.device.id;
    }
    try {
      svc.Submit(in, {"192.0.2." + std::to_string(i % 250), ""});
    } catch (const std::exception&) {
      // a dossier of another official's unit on the tablet: skip it
    }
    ++i;
  }
  // QR ratings without a dossier, and one from an address the staff uses (flagged).
  const auto now = Now();
  for (int k = 0; k < 12; ++k) {
    SetClockForTesting(now - std::chrono::days(12 - k) + std::chrono::hours(2));
    ratings::RatingInput in;
    in.source = "qr";
    in.level = levels[(k * 3) % 8];
    if (in.level == "unsatisfied") in.reasons = {"attitude"};
    in.official_id = desk_officer->official_id;
    svc.Submit(in, {"198.51.100." + std::to_string(k), "demo-phone-" + std::to_string(k)});
  }
  SetClockForTesting(std::nullopt);
  db.write([&](db::Conn& c) {
    c.exec({"demo.staff_address",
            "INSERT INTO login_throttles (official_id, client_address, failures, last_success_at, updated_at) "
            "VALUES (?, '203.0.113.10', 0, ?, ?) ON CONFLICT (official_id, client_address) DO NOTHING"},
           {desk_officer->official_id, NowUtcText(), NowUtcText()});
  });
  ratings::RatingInput in;
  in.source = "qr";
  in.level = "very_satisfied";
  in.official_id = desk_officer->official_id;
  svc.Submit(in, {"203.0.113.10", ""});
}

}  // namespace fg::app
