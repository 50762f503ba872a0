// Use cases of the citizens' ratings. Officials' calls authorise on the unit's
// subtree (auth::Covers); citizens' calls are authorised by what they carry: an
// official's QR token, a dossier's signed link, or a paired tablet's token.
//
// Who may do what:
//   reports: any role covering the unit.
//   tablets (pair, revoke) and "Mời đánh giá": administrators, leaders and desk
//     officers covering the unit (the dossier's unit for an invitation).
//   the review list of flagged unbound ratings: administrators and leaders.
//   settings (scale, tablet pause, link days): administrators and leaders.
//
// A rating, its counters and its event are one write. One rating per dossier
// (a unique key; a second gets 409 ratings.already_rated); a repeated client
// key returns the first rating (idempotent tablets).
#pragma once
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "features/org/model.h"
#include "features/ratings/model.h"
#include "platform/auth/principal.h"
#include "platform/auth/rate_limit.h"
#include "platform/db/db.h"
#include "platform/db/kept_reads.h"

namespace fg::ratings {

// The signed link of a dossier (public_url + "/danh-gia/ho-so?t=..."), valid for
// the default link days from now; "" before a ratings::Service loaded the key.
// Used by the desk's "result_ready" message (features/desk/service.cpp).
std::string RatingLink(int64_t dossier_id);

class Service {
 public:
  explicit Service(db::Db& db);

  // ---- citizens ----
  struct Submitted {
    Rating rating;
    bool created = true;  // false: the client key's earlier rating
  };
  Submitted Submit(const RatingInput& in, const Sender& sender);
  // The official of a QR token (NotFound ratings.bad_token otherwise), with the unit's settings.
  struct OfficialCard {
    int64_t official_id = 0;
    std::string name, position, unit_name, unit_path, token;
    Settings settings;
  };
  OfficialCard OfficialOf(const std::string& token);
  // The dossier of a signed link (ratings.link_expired / ratings.bad_link / ratings.already_rated).
  struct LinkTarget {
    int64_t dossier_id = 0;
    std::string code, procedure_name, official_name, unit_name;
    Settings settings;
  };
  LinkTarget LinkOf(const std::string& token);
  std::string OfficialTokenOf(int64_t official_id) const;
  std::string LinkTokenOf(int64_t dossier_id, std::chrono::sys_seconds expires) const;

  // ---- tablets ----
  struct Pairing {
    Device device;
    std::string code;  // shown once
  };
  Pairing CreatePairing(const auth::Principal& p, const std::string& unit_code, const std::string& name);
  // The tablet's token (to keep in a cookie) for a pairing code; BadInput ratings.bad_pairing otherwise.
  // 10 wrong codes per address in 10 minutes, then 429 (6 digits must not be guessable).
  std::string Pair(const std::string& code, const std::string& address = "");
  Device DeviceOfToken(const std::string& token);  // Unauthorized ratings.kiosk_unpaired otherwise
  void Revoke(const auth::Principal& p, int64_t device_id);
  Device DeviceFor(const auth::Principal& p, int64_t device_id);  // checks like Revoke
  std::vector<Device> Devices(const auth::Principal& p, const std::string& unit_code);
  KioskState KioskStateOf(const std::string& token);
  // The photo of the official the tablet is paired to (401 unpaired;
  // NotFound("org.photo.not_found") without one).
  org::PhotoFile KioskPhoto(const std::string& token);
  void Invite(const auth::Principal& p, const std::string& dossier_code);

  // ---- officials ----
  Report ReportOf(const auth::Principal& p, const ReportQuery& q);
  std::vector<Rating> Flagged(const auth::Principal& p, const std::string& unit_code);
  void Review(const auth::Principal& p, int64_t rating_id);
  // A unit's settings (its own or the nearest ancestor's, else the defaults); any role covering the
  // unit reads them, leaders and administrators change them (may_edit).
  struct UnitSettings {
    std::string unit_code;
    Settings settings;
    bool may_edit = false;
  };
  UnitSettings GetSettings(const auth::Principal& p, const std::string& unit_code);
  UnitSettings PutSettings(const auth::Principal& p, const std::string& unit_code, const Settings& s);
  // The officials of a unit's subtree with their QR tokens (the cards).
  std::vector<OfficialCard> Cards(const auth::Principal& p, const std::string& unit_code);
  OfficialCard Card(const auth::Principal& p, int64_t official_id);

 private:
  // Whom a rating is bound to: official, unit, dossier, and the unit's settings.
  struct Binding {
    int64_t official_id = 0, unit_id = 0, procedure_id = 0;
    std::optional<int64_t> dossier_id;
    std::string unit_path;
    // For the answer, which is built from what is written rather than read back.
    std::string unit_code, unit_name, official_name, dossier_code;
    Settings settings;
  };
  // An official's own binding (no dossier); NotFound ratings.bad_token.
  static Binding OfficialBinding(db::Conn& c, int64_t official_id);

  db::Db& db_;
  // Paired tablets by their token's hash, read for every rating from a desk;
  // a pairing or a revocation is seen by the next request.
  db::KeptReads<std::optional<Device>> devices_{db_, {"rating_devices", "units", "officials"}};
  // A desk tablet's ratings bind to its official: by official id.
  db::KeptReads<Binding> officials_{db_, {"officials", "units", "rating_settings"}};
  std::string key_;  // crypto_auth key (raw)
  auth::RateLimiter per_address_{20, std::chrono::hours(1)};
  auth::RateLimiter per_device_{5, std::chrono::hours(1)};
  auth::RateLimiter wrong_pairings_{10, std::chrono::minutes(10)};
  std::mutex day_mu_;
  std::string day_;
  std::map<std::string, int> device_today_;  // hashed device cookie -> unbound ratings today
  int CountDeviceToday(const std::string& hash, const std::string& day);
};

}  // namespace fg::ratings
