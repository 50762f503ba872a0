// Citizens' ratings (issue 12 part A): what a rating is, the tablets, the reports.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/stats/share.h"

namespace fg::ratings {

// Where a rating came from.
inline constexpr const char* kSources[] = {"kiosk", "qr", "link"};
// Every level key, best first; a scale of 3, 4 or 5 uses a subset (rules.h LevelsOf).
inline constexpr const char* kLevels[] = {"very_satisfied", "satisfied", "neutral", "somewhat_unsatisfied",
                                          "unsatisfied"};
inline constexpr const char* kReasons[] = {"waiting", "attitude", "guidance", "come_back", "other"};

inline constexpr size_t kMaxComment = 500;  // characters
inline constexpr size_t kMaxClientKey = 100;

struct Settings {
  int scale = 3;           // 3, 4 or 5 levels
  int reset_seconds = 20;  // the tablet returns to its waiting screen
  int link_days = 30;      // a signed link expires after this many days
};

// What a citizen (or the tablet on their behalf) sends.
struct RatingInput {
  std::string source;                // kiosk | qr | link
  std::string level;                 // a level key of the unit's scale
  std::vector<std::string> reasons;  // when the level is not satisfied
  std::string comment;
  std::string client_key;    // idempotency key ("" for none)
  std::string dossier_code;  // optional on a QR page
  // Binding, set by the service from what authenticated the request, never by the citizen:
  int64_t official_id = 0;  // qr: from the official's token; kiosk: the paired official
  int64_t device_id = 0;    // kiosk
  int64_t dossier_id = 0;   // link: from the signed token; kiosk: the invite
};

struct Rating {
  int64_t id = 0;
  int64_t unit_id = 0;
  std::string unit_code, unit_name;
  int64_t official_id = 0;
  std::string official_name;
  std::optional<int64_t> dossier_id;
  std::string dossier_code;
  int64_t procedure_id = 0;
  std::optional<int64_t> device_id;
  int scale = 3;
  std::string level;
  std::vector<std::string> reasons;
  std::string comment;
  std::string source;
  std::string client_key;
  std::string day;   // local day YYYY-MM-DD
  std::string at;    // UTC
  std::string flag;  // "" or why it waits for review (burst, device, staff_address)
};

// What a rate-limit and anomaly check needs to know about the sender; never stored.
struct Sender {
  std::string address;  // the client address
  std::string device;   // the device cookie ("" when none)
};

struct Device {
  int64_t id = 0;
  int64_t unit_id = 0;
  std::string unit_code;
  int64_t official_id = 0;
  std::string official_name;
  std::string name;
  std::string created_at, paired_at, revoked_at, seen_at, pairing_expires;
  bool paired() const { return !paired_at.empty() && revoked_at.empty(); }
};

// What a tablet shows now: a dossier to rate, or nothing (the waiting screen).
struct KioskState {
  int64_t device_id = 0;
  std::string official_name;
  std::string unit_name;
  Settings settings;
  std::optional<int64_t> dossier_id;
  std::string dossier_code, procedure_name;
  // The paired official's photo (org::Photo::version), "" without one; shown
  // with a dossier whether or not the official publishes it in the directory.
  std::string official_photo_version;
};

// ---- reports ----
struct ReportQuery {
  std::string unit_code;
  std::string from, to;         // YYYY-MM-DD, local days, inclusive
  std::string by = "official";  // official | unit | procedure | month
  int64_t minimum = stats::kDefaultMinimumAnswers;
};
struct ReportLine {
  std::string key;  // official id, unit code, procedure id, YYYY-MM
  std::string label;
  std::vector<int64_t> counts;  // per kLevels entry
  int64_t total = 0;
  stats::Share satisfied;            // very_satisfied + satisfied over total
  std::vector<stats::Share> shares;  // per kLevels entry
  std::vector<int64_t> reasons;      // per kReasons entry
};
struct Report {
  ReportQuery query;
  std::string unit_name;
  std::vector<ReportLine> lines;
  ReportLine total;
};

}  // namespace fg::ratings
