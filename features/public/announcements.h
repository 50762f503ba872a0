// Announcements for the hamlets' loudspeakers and the portal (issue 16, item
// 3): a text with a schedule (days, times of day) and target hamlets, spoken
// in Vietnamese by espeak-ng (voice "vi"), served as WAV files and as a
// playlist a loudspeaker controller polls; the controller reports each
// broadcast, which is kept as a log.
//
// Who may do what: administrators and leaders covering the unit create
// announcements; any role covering the unit reads the log and reports
// broadcasts (the controller uses an API token); anyone reads the
// announcements on air, the playlist and the audio (they are public).
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
  std::string reported_by;        // full name
};

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

class Announcements {
 public:
  explicit Announcements(db::Db& db) : db_(db) {}
  Announcement Create(const auth::Principal& p, const AnnouncementInput& in);
  // The unit's announcements not ended before `today`, soonest first (public).
  std::vector<Announcement> Current(const std::string& unit_code);
  // One announcement of the unit; NotFound otherwise.
  Announcement Get(const std::string& unit_code, int64_t id);
  // On air today for `hamlet` ("" = every announcement on air).
  std::vector<Announcement> Playlist(const std::string& unit_code, const std::string& hamlet);
  // The spoken audio (WAV, 22 kHz mono) of an announcement.
  std::string Audio(const Announcement& a);
  // A controller reports a broadcast: any role covering the unit.
  Broadcast Report(const auth::Principal& p, int64_t announcement_id, const std::string& hamlet,
                   const std::string& played_at);
  std::vector<Broadcast> Log(const auth::Principal& p, const std::string& unit_code, size_t limit = 200);
  // Whether `p` may create announcements of the unit (the page offers the form only then).
  bool MayCreate(const auth::Principal& p, const std::string& unit_code);

 private:
  db::Db& db_;
  std::mutex mu_;
  std::map<std::string, std::string> audio_;  // by "<id>|<updated_at>"
  async::BlockingPool speaker_{1, 8, 10};
};

// espeak-ng -v vi, the WAV bytes (runs the program; tests and the pool call it).
std::string Speak(const std::string& text);

}  // namespace fg::pub
