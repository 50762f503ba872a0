// Announcements for the hamlets' loudspeakers and the portal (issue 16, item
// 3): a text with a schedule (days, times of day) and target hamlets, spoken
// in Vietnamese by espeak-ng (voice "vi"), served as WAV files and as a
// playlist a loudspeaker controller polls; the controller reports each
// broadcast, which is kept as a log.
//
// Who may do what: administrators and leaders covering the unit create
// announcements, edit them until their first broadcast and withdraw them; any
// role covering the unit reads the log; administrators covering the unit
// register loudspeaker controllers, each with its own device token (shown
// once, stored as its SHA-256, revocable). Only a controller's valid token,
// for its unit and hamlets, reads the playlist and reports broadcasts. Anyone
// reads the announcements and hears the audio (they are public).
//
// Audio (decision): generated on demand, not stored: espeak-ng speaks 2,000
// characters in tens of milliseconds, and the text, not the sound, is the
// record. Kept in memory per (announcement, updated_at), at most 64 files;
// generated on a one-thread pool off the io threads (8 waiting, then 503).
#pragma once
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/async/pool.h"
#include "platform/auth/principal.h"
#include "platform/db/db.h"

namespace fg::pub {

struct Announcement {
  int64_t id = 0;
  int64_t unit_id = 0;
  std::string unit_code, unit_name, unit_path;
  std::string title, body;
  std::string starts_on, ends_on;    // YYYY-MM-DD, both included
  std::vector<std::string> times;    // "HH:MM", local time, in order
  std::vector<std::string> hamlets;  // empty: every hamlet of the unit
  std::string created_at, updated_at;
  int64_t version = 1;
  bool broadcast = false;                                    // a controller reported playing it: no more edits
  std::string withdrawn_at, withdrawn_by, withdrawn_reason;  // withdrawn_at "" unless withdrawn; by: full name
  bool withdrawn() const { return !withdrawn_at.empty(); }
};

// As typed: times "06:30, 17:00"; hamlets one a line.
struct AnnouncementInput {
  std::string unit_code, title, body, starts_on, ends_on, times, hamlets;
};

struct Broadcast {
  int64_t id = 0;
  int64_t announcement_id = 0;
  std::string title;              // of the announcement
  std::string hamlet, played_at;  // played_at: UTC text
  std::string reported_by;        // the controller's name
};

// A loudspeaker controller of a unit, for some hamlets.
struct Controller {
  int64_t id = 0;
  int64_t unit_id = 0;
  std::string unit_code;
  std::string name;
  std::vector<std::string> hamlets;  // at least one
  std::string created_at, revoked_at;
};
inline constexpr size_t kMaxControllerNameChars = 80;
inline constexpr size_t kMaxReasonChars = 500;

inline constexpr size_t kMaxTitleChars = 120;
inline constexpr size_t kMaxBodyChars = 2000;
inline constexpr size_t kMaxTimes = 8;
inline constexpr size_t kMaxHamlets = 50;
inline constexpr size_t kMaxHamletChars = 60;
inline constexpr int kMaxAnnouncementDays = 366;

// Pure rules.
// Every problem at once (fields headline, message, starts_on, ends_on, times, hamlets).
Announcement ValidateAnnouncement(const AnnouncementInput& in);
bool OnAir(const Announcement& a, std::string_view today);
// Whether `a` is for `hamlet` (no hamlets: every one); names compared folded.
bool ForHamlet(const Announcement& a, std::string_view hamlet);
// What is spoken: the title, then the text.
std::string SpokenText(const Announcement& a);
// Whether it may still be edited: neither withdrawn nor ever broadcast.
bool Editable(const Announcement& a);
// The trimmed, non-empty parts of `s` between any of `seps`.
std::vector<std::string> SplitList(std::string_view s, std::string_view seps);
std::string JoinList(const std::vector<std::string>& v, std::string_view sep);
// A device token: "loa_<controller id>_<secret>"; the id, or nullopt for another shape.
std::optional<int64_t> ControllerIdOf(std::string_view token);

class Announcements {
 public:
  explicit Announcements(db::Db& db) : db_(db) {}
  Announcement Create(const auth::Principal& p, const AnnouncementInput& in);
  // New text, schedule and hamlets (every bad field at once, 400), when
  // `version` is still current (else 409 "public.announcement.changed") and it
  // was never broadcast nor withdrawn (409). The audio follows the new text.
  Announcement Update(const auth::Principal& p, int64_t id, int64_t version, const AnnouncementInput& in);
  // Withdrawn at once (it leaves the playlist; the log keeps what was played),
  // with the reason (required); 409 when changed or withdrawn already.
  Announcement Withdraw(const auth::Principal& p, int64_t id, int64_t version, const std::string& reason);
  // One announcement, for an official who may create announcements of its unit (else 403; 404).
  Announcement ForEditing(const auth::Principal& p, int64_t id);
  // The unit's announcements not ended before `today`, soonest first (public).
  std::vector<Announcement> Current(const std::string& unit_code);
  // One announcement of the unit; NotFound otherwise.
  Announcement Get(const std::string& unit_code, int64_t id);
  // On air today, not withdrawn, for `hamlet` of the controller (""): any of
  // its hamlets). 403 for another unit or a hamlet not the controller's.
  std::vector<Announcement> Playlist(const Controller& k, const std::string& unit_code, const std::string& hamlet);
  // The spoken audio (WAV, 22 kHz mono) of an announcement.
  std::string Audio(const Announcement& a);
  // A controller reports a broadcast of an announcement of its unit in one of its hamlets (else 403).
  Broadcast Report(const Controller& k, int64_t announcement_id, const std::string& hamlet,
                   const std::string& played_at);
  std::vector<Broadcast> Log(const auth::Principal& p, const std::string& unit_code, size_t limit = 200);
  // The unit a staff page opens on without ?unit=: the unit of the caller's
  // first grant with announcements in its subtree, the latest one's ("" if none).
  std::string UnitWithAnnouncementsOf(const auth::Principal& p);
  // Whether `p` may create announcements of the unit (the page offers the form only then).
  bool MayCreate(const auth::Principal& p, const std::string& unit_code);

  // ---- loudspeaker controllers ----
  // Administrators covering the unit.
  bool MayManageControllers(const auth::Principal& p, const std::string& unit_code);
  // A new controller (name and hamlets required; every bad field at once) and
  // its device token, which is not kept: shown once.
  std::pair<Controller, std::string> RegisterController(const auth::Principal& p, const std::string& unit_code,
                                                        const std::string& name, const std::string& hamlets);
  std::vector<Controller> Controllers(const auth::Principal& p, const std::string& unit_code);
  Controller RevokeController(const auth::Principal& p, int64_t id);
  Controller ControllerFor(const auth::Principal& p, int64_t id);  // 403/404
  // The controller whose valid, unrevoked token this is (compared in constant time); nullopt otherwise.
  std::optional<Controller> Device(std::string_view token);

 private:
  db::Db& db_;
  std::mutex mu_;
  std::map<std::string, std::string> audio_;  // by "<id>|<updated_at>"
  async::BlockingPool speaker_{1, 8, 10};
};

// espeak-ng -v vi, the WAV bytes (runs the program; tests and the pool call it).
std::string Speak(const std::string& text);

}  // namespace fg::pub
