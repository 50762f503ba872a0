// Pure rules of the ratings: scales, validation, signed tokens, anomaly marks.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/ratings/model.h"

namespace fg::ratings {

// The level keys of a scale (3, 4 or 5), best first. Other sizes: the 3-level scale.
std::vector<std::string> LevelsOf(int scale);
bool IsScale(int scale);
// A settings field as read from a form or a JSON body (absent or unreadable: nullopt): the number
// when it is an int in [0, 100000], else -1, which PutSettings reports on the field.
int SettingValue(std::optional<int64_t> v);
// Whether a level counts as satisfied (very satisfied or satisfied).
bool IsSatisfied(const std::string& level);
// Whether a level offers the reasons (the scale's unsatisfied levels).
bool AsksReasons(const std::string& level);
int LevelIndex(const std::string& level);    // index in kLevels, -1 if unknown
int ReasonIndex(const std::string& reason);  // index in kReasons, -1 if unknown
bool IsSource(const std::string& source);

// The checked input on a unit's scale: every problem at once (BadInput with
// fields level, reasons, comment, client_key, source). Reasons are kept only
// for a level that asks them, without duplicates, in kReasons order.
RatingInput Checked(const RatingInput& in, int scale);

// Signed tokens (HMAC-SHA512-256, libsodium crypto_auth, URL-safe base64).
// A dossier's link: "<dossier id>.<expiry unix seconds>.<mac>".
std::string LinkToken(int64_t dossier_id, std::chrono::sys_seconds expires, const std::string& key);
struct LinkCheck {
  enum Result { kOk, kBad, kExpired } result = kBad;
  int64_t dossier_id = 0;
};
LinkCheck CheckLinkToken(const std::string& token, std::chrono::sys_seconds now, const std::string& key);
// An official's QR token: "<official id>.<mac>" (does not expire; stable for a printed card).
std::string OfficialToken(int64_t official_id, const std::string& key);
std::optional<int64_t> OfficialOfToken(const std::string& token, const std::string& key);

// Why an unbound rating (QR without dossier) should be reviewed, "" if not:
//   staff_address: sent from an address an official of the unit logged in from;
//   device: the device sent more than kDeviceDaily unbound ratings today;
//   burst: the official received more than kBurst unbound ratings in 10 minutes.
inline constexpr int kDeviceDaily = 3;
inline constexpr int kBurst = 10;
std::string AnomalyOf(bool staff_address, int device_today, int official_recent);

}  // namespace fg::ratings
