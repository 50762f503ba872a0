#include "features/public/announcements.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

#include <boost/json.hpp>

#include "features/org/service.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/text/text.h"
#include "platform/time.h"

extern char** environ;

namespace fg::pub {
namespace {

using auth::Role;

std::vector<std::string> Split(std::string_view s, std::string_view seps) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find_first_of(seps, start);
    if (end == std::string_view::npos) end = s.size();
    std::string part = text::Trim(s.substr(start, end - start));
    if (!part.empty()) out.push_back(std::move(part));
    start = end + 1;
  }
  return out;
}

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : std::string(sep)) + x;
  return out;
}

const db::Query kInsert{"announcement_insert",
                        "INSERT INTO announcements (unit_id, title, body, starts_on, ends_on, times, hamlets, "
                        "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"};
#define FG_ANNOUNCEMENT_COLUMNS                                                                               \
  "a.id, u.code, u.name, u.path, a.title, a.body, a.starts_on, a.ends_on, a.times, a.hamlets, a.created_at, " \
  "a.updated_at, a.unit_id"
const db::Query kCurrent{"announcements_current",
                         "SELECT " FG_ANNOUNCEMENT_COLUMNS
                         " FROM announcements a JOIN units u ON u.id = a.unit_id "
                         "WHERE u.code = ? AND a.ends_on >= ? ORDER BY a.starts_on, a.id LIMIT 200"};
const db::Query kOne{"announcement_one", "SELECT " FG_ANNOUNCEMENT_COLUMNS
                                         " FROM announcements a JOIN units u ON u.id = a.unit_id WHERE a.id = ?"};
const db::Query kInsertBroadcast{
    "announcement_broadcast_insert",
    "INSERT INTO announcement_broadcasts (announcement_id, hamlet, played_at, reported_by, "
    "reported_at) VALUES (?, ?, ?, ?, ?) RETURNING id"};
const db::Query kLog{"announcement_broadcasts_log",
                     "SELECT b.id, b.announcement_id, a.title, b.hamlet, b.played_at, coalesce(o.full_name, '') "
                     "FROM announcement_broadcasts b JOIN announcements a ON a.id = b.announcement_id "
                     "JOIN units u ON u.id = a.unit_id LEFT JOIN officials o ON o.id = b.reported_by "
                     "WHERE u.code = ? ORDER BY b.id DESC LIMIT ?"};

std::string Json(const Announcement& a) {
  boost::json::array times(a.times.begin(), a.times.end()), hamlets(a.hamlets.begin(), a.hamlets.end());
  return boost::json::serialize(boost::json::object{{"title", a.title},
                                                    {"body", a.body},
                                                    {"starts_on", a.starts_on},
                                                    {"ends_on", a.ends_on},
                                                    {"times", std::move(times)},
                                                    {"hamlets", std::move(hamlets)}});
}

Announcement From(const db::Row& r) {
  Announcement a;
  a.id = r.i64(0);
  a.unit_code = r.text(1);
  a.unit_name = r.text(2);
  a.unit_path = r.text(3);
  a.title = r.text(4);
  a.body = r.text(5);
  a.starts_on = r.text(6);
  a.ends_on = r.text(7);
  a.times = Split(r.text(8), ",");
  a.hamlets = Split(r.text(9), "\n");
  a.created_at = r.text(10);
  a.updated_at = r.text(11);
  a.unit_id = r.i64(12);
  return a;
}

}  // namespace

Announcement ValidateAnnouncement(const AnnouncementInput& in) {
  Problems pr;
  Announcement a;
  a.unit_code = in.unit_code;
  a.title = pr.check([&] { return text::Clean("headline", in.title, kMaxTitleChars, true); });
  a.body = pr.check([&] { return text::Clean("message", in.body, kMaxBodyChars, true, true); });
  for (auto [field, value, out] :
       {std::tuple{"starts_on", &in.starts_on, &a.starts_on}, std::tuple{"ends_on", &in.ends_on, &a.ends_on}}) {
    if (value->empty())
      pr.add(BadInput("error.required", field));
    else if (!IsIsoDate(*value))
      pr.add(BadInput("error.bad_date", field));
    else
      *out = *value;
  }
  if (!a.starts_on.empty() && !a.ends_on.empty()) {
    if (a.ends_on < a.starts_on) {
      pr.add(BadInput("public.announcement.ends_before_start", "ends_on"));
    } else {
      const auto days = (*ParseIsoDate(a.ends_on) - *ParseIsoDate(a.starts_on)).count();
      if (days >= kMaxAnnouncementDays)
        pr.add(BadInput("public.announcement.too_long", "ends_on", {{"days", std::to_string(kMaxAnnouncementDays)}}));
    }
  }
  const auto times = Split(in.times, ", ;");
  if (times.empty()) pr.add(BadInput("public.announcement.times_missing", "times"));
  if (times.size() > kMaxTimes)
    pr.add(BadInput("public.announcement.too_many_times", "times", {{"max", std::to_string(kMaxTimes)}}));
  std::vector<int> seconds;
  for (const auto& t : times) {
    auto s = ParseClock(t.size() == 4 && t[1] == ':' ? "0" + t : t);  // "6:30" as "06:30"
    if (!s) {
      pr.add(BadInput("public.announcement.bad_time", "times", {{"time", t}}));
      break;
    }
    seconds.push_back(*s);
  }
  std::sort(seconds.begin(), seconds.end());
  seconds.erase(std::unique(seconds.begin(), seconds.end()), seconds.end());
  for (int s : seconds) a.times.push_back(FormatClock(s));
  const std::string hamlets = pr.check([&] { return text::Clean("hamlets", in.hamlets, 4000, false, true); });
  for (auto& h : Split(hamlets, "\n")) {
    if (h.size() > kMaxHamletChars * 4 || text::Length(h).value_or(0) > kMaxHamletChars) {
      pr.add(BadInput("public.announcement.hamlet_too_long", "hamlets", {{"max", std::to_string(kMaxHamletChars)}}));
      break;
    }
    if (std::find(a.hamlets.begin(), a.hamlets.end(), h) == a.hamlets.end()) a.hamlets.push_back(std::move(h));
  }
  if (a.hamlets.size() > kMaxHamlets)
    pr.add(BadInput("public.announcement.too_many_hamlets", "hamlets", {{"max", std::to_string(kMaxHamlets)}}));
  pr.raise_if_any();
  return a;
}

bool OnAir(const Announcement& a, std::string_view today) { return a.starts_on <= today && today <= a.ends_on; }

bool ForHamlet(const Announcement& a, std::string_view hamlet) {
  if (a.hamlets.empty()) return true;
  const std::string want = text::Fold(hamlet);
  return std::any_of(a.hamlets.begin(), a.hamlets.end(), [&](const std::string& h) { return text::Fold(h) == want; });
}

std::string SpokenText(const Announcement& a) { return a.title + ".\n" + a.body; }

std::string Speak(const std::string& text) {
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  // The text is one argument (no shell); "--" ends the options.
  std::vector<std::string> args = {"espeak-ng", "-v", "vi", "-s", "150", "--stdout", "--", text};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, "espeak-ng", &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  if (rc != 0) {
    close(out[0]);
    throw AppError(ErrorKind::kUnavailable, "public.announcement.no_speech");
  }
  std::string wav;
  char buf[65536];
  for (ssize_t n; (n = read(out[0], buf, sizeof buf)) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    wav.append(buf, static_cast<size_t>(n));
  }
  close(out[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || wav.size() < 44)
    throw AppError(ErrorKind::kUnavailable, "public.announcement.no_speech");
  return wav;
}

bool Announcements::MayCreate(const auth::Principal& p, const std::string& unit_code) {
  auto unit = db_.read([&](db::Conn& c) { return org::Service::FindUnit(c, unit_code); });
  return unit && auth::Covers(p, unit->path, {Role::kAdmin, Role::kLeader});
}

Announcement Announcements::Create(const auth::Principal& p, const AnnouncementInput& in) {
  auto unit = db_.read([&](db::Conn& c) { return org::Service::FindUnit(c, in.unit_code); });
  if (!unit) throw NotFound("public.place_not_found");
  if (!auth::Covers(p, unit->path, {Role::kAdmin, Role::kLeader})) throw Forbidden();
  Announcement a = ValidateAnnouncement(in);
  a.unit_id = unit->id;
  a.unit_code = unit->code;
  a.unit_name = unit->name;
  a.unit_path = unit->path;
  a.created_at = a.updated_at = NowUtcText();
  a.id = db_.write([&](db::Conn& c) {
    const int64_t id =
        c.query(kInsert, {unit->id, a.title, a.body, a.starts_on, a.ends_on, Join(a.times, ","), Join(a.hamlets, "\n"),
                          p.official_id ? db::Value{p.official_id} : db::Value{nullptr}, a.created_at, a.updated_at})
            .at(0)
            .i64(0);
    events::Append(c, events::By(p, unit->id, "announcement", std::to_string(id), "create", "", Json(a)));
    return id;
  });
  return a;
}

std::vector<Announcement> Announcements::Current(const std::string& unit_code) {
  const std::string today = TodayLocalIso();
  return db_.read([&](db::Conn& c) {
    std::vector<Announcement> out;
    for (auto& r : c.query(kCurrent, {unit_code, today})) out.push_back(From(r));
    return out;
  });
}

Announcement Announcements::Get(const std::string& unit_code, int64_t id) {
  auto row = db_.read([&](db::Conn& c) { return c.query_one(kOne, {id}); });
  if (!row) throw NotFound("public.announcement.not_found");
  Announcement a = From(*row);
  if (a.unit_code != unit_code) throw NotFound("public.announcement.not_found");
  return a;
}

std::vector<Announcement> Announcements::Playlist(const std::string& unit_code, const std::string& hamlet) {
  const std::string h = text::Clean("ap", hamlet, kMaxHamletChars, false);
  const std::string today = TodayLocalIso();
  std::vector<Announcement> out;
  for (auto& a : Current(unit_code))
    if (OnAir(a, today) && (h.empty() || ForHamlet(a, h))) out.push_back(std::move(a));
  return out;
}

std::string Announcements::Audio(const Announcement& a) {
  const std::string key = std::to_string(a.id) + "|" + a.updated_at;
  {
    std::lock_guard lk(mu_);
    if (auto it = audio_.find(key); it != audio_.end()) return it->second;
  }
  std::string wav = speaker_.run([&] { return Speak(SpokenText(a)); });
  std::lock_guard lk(mu_);
  if (audio_.size() >= 64) audio_.erase(audio_.begin());
  audio_[key] = wav;
  return wav;
}

Broadcast Announcements::Report(const auth::Principal& p, int64_t announcement_id, const std::string& hamlet,
                                const std::string& played_at) {
  auto row = db_.read([&](db::Conn& c) { return c.query_one(kOne, {announcement_id}); });
  if (!row) throw NotFound("public.announcement.not_found");
  const Announcement a = From(*row);
  if (!auth::Covers(p, a.unit_path)) throw Forbidden();
  Problems pr;
  Broadcast b;
  b.announcement_id = a.id;
  b.title = a.title;
  b.hamlet = pr.check([&] { return text::Clean("hamlet", hamlet, kMaxHamletChars, true); });
  if (played_at.empty()) {
    b.played_at = NowUtcText();
  } else if (auto t = ParseRfc3339(played_at)) {
    b.played_at = FormatUtc(*t);
  } else {
    pr.add(BadInput("public.announcement.bad_played_at", "played_at"));
  }
  pr.raise_if_any();
  b.reported_by = p.full_name;
  b.id = db_.write([&](db::Conn& c) {
    const int64_t id =
        c.query(kInsertBroadcast, {a.id, b.hamlet, b.played_at,
                                   p.official_id ? db::Value{p.official_id} : db::Value{nullptr}, NowUtcText()})
            .at(0)
            .i64(0);
    events::Append(
        c, events::By(p, a.unit_id, "announcement", std::to_string(a.id), "broadcast", "",
                      boost::json::serialize(boost::json::object{{"hamlet", b.hamlet}, {"played_at", b.played_at}})));
    return id;
  });
  return b;
}

std::vector<Broadcast> Announcements::Log(const auth::Principal& p, const std::string& unit_code, size_t limit) {
  auto unit = db_.read([&](db::Conn& c) { return org::Service::FindUnit(c, unit_code); });
  if (!unit) throw NotFound("public.place_not_found");
  if (!auth::Covers(p, unit->path)) throw Forbidden();
  return db_.read([&](db::Conn& c) {
    std::vector<Broadcast> out;
    for (auto& r : c.query(kLog, {unit_code, static_cast<int64_t>(limit)})) {
      Broadcast b;
      b.id = r.i64(0);
      b.announcement_id = r.i64(1);
      b.title = r.text(2);
      b.hamlet = r.text(3);
      b.played_at = r.text(4);
      b.reported_by = r.text(5);
      out.push_back(std::move(b));
    }
    return out;
  });
}

}  // namespace fg::pub
