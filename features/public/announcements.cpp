#include "features/public/announcements.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

#include <boost/json.hpp>

#include "features/org/service.h"
#include "features/public/announcements_repo.h"
#include "platform/auth/crypto.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/text/text.h"
#include "platform/time.h"

extern char** environ;

namespace fg::pub {
namespace {

using auth::Role;

std::string Json(const Announcement& a) {
  boost::json::array times(a.times.begin(), a.times.end()), hamlets(a.hamlets.begin(), a.hamlets.end());
  return boost::json::serialize(boost::json::object{{"title", a.title},
                                                    {"body", a.body},
                                                    {"starts_on", a.starts_on},
                                                    {"ends_on", a.ends_on},
                                                    {"times", std::move(times)},
                                                    {"hamlets", std::move(hamlets)}});
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
  const auto times = SplitList(in.times, ", ;");
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
  for (auto& h : SplitList(hamlets, "\n")) {
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

std::vector<std::string> SplitList(std::string_view s, std::string_view seps) {
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

std::string JoinList(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : std::string(sep)) + x;
  return out;
}

bool Editable(const Announcement& a) { return !a.withdrawn() && !a.broadcast; }

std::optional<int64_t> ControllerIdOf(std::string_view token) {
  if (!token.starts_with("loa_")) return std::nullopt;
  token.remove_prefix(4);
  const auto sep = token.find('_');
  if (sep == std::string_view::npos || sep == 0 || sep > 18 || sep + 1 >= token.size()) return std::nullopt;
  int64_t id = 0;
  for (char ch : token.substr(0, sep)) {
    if (ch < '0' || ch > '9') return std::nullopt;
    id = id * 10 + (ch - '0');
  }
  return id > 0 ? std::optional<int64_t>(id) : std::nullopt;
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

namespace {

std::optional<int64_t> ActorId(const auth::Principal& p) {
  return p.official_id ? std::optional<int64_t>(p.official_id) : std::nullopt;
}

AppError Changed(std::string key = "public.announcement.changed") {
  return AppError(ErrorKind::kConflict, std::move(key));
}

// The event of a controller's report: the controller is the actor, by name.
events::Event ByController(const Controller& k, int64_t announcement_id, std::string after_json) {
  events::Event e;
  e.actor = "controller:" + std::to_string(k.id);
  e.unit_id = k.unit_id;
  e.entity = "announcement";
  e.entity_id = std::to_string(announcement_id);
  e.action = "broadcast";
  e.after_json = std::move(after_json);
  return e;
}

}  // namespace

std::string Announcements::UnitWithAnnouncementsOf(const auth::Principal& p) {
  return db_.read([&](db::Conn& c) {
    for (const auto& g : p.grants)
      if (auto code = announcements_repo::LatestUnitUnder(c, g.unit_path)) return *code;
    return std::string();
  });
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
    const int64_t id = announcements_repo::Insert(c, a, ActorId(p));
    events::Append(c, events::By(p, unit->id, "announcement", std::to_string(id), "create", "", Json(a)));
    return id;
  });
  return a;
}

Announcement Announcements::ForEditing(const auth::Principal& p, int64_t id) {
  auto a = db_.read([&](db::Conn& c) { return announcements_repo::ById(c, id); });
  if (!a) throw NotFound("public.announcement.not_found");
  if (!auth::Covers(p, a->unit_path, {Role::kAdmin, Role::kLeader})) throw Forbidden();
  return *a;
}

Announcement Announcements::Update(const auth::Principal& p, int64_t id, int64_t version, const AnnouncementInput& in) {
  const Announcement before = ForEditing(p, id);
  if (before.withdrawn()) throw Changed("public.announcement.withdrawn_already");
  if (before.broadcast) throw Changed("public.announcement.broadcast_already");
  AnnouncementInput checked = in;
  checked.unit_code = before.unit_code;
  Announcement a = ValidateAnnouncement(checked);
  a.id = before.id;
  a.unit_id = before.unit_id;
  a.unit_code = before.unit_code;
  a.unit_name = before.unit_name;
  a.unit_path = before.unit_path;
  a.created_at = before.created_at;
  a.updated_at = NowUtcText();
  a.version = version;
  db_.write([&](db::Conn& c) {
    // The version, the withdrawal and the first broadcast are checked again in the same statement.
    if (!announcements_repo::Update(c, a)) throw Changed();
    events::Append(c, events::By(p, a.unit_id, "announcement", std::to_string(a.id), "update", Json(before), Json(a)));
  });
  a.version = version + 1;
  return a;
}

Announcement Announcements::Withdraw(const auth::Principal& p, int64_t id, int64_t version, const std::string& reason) {
  const Announcement before = ForEditing(p, id);
  if (before.withdrawn()) throw Changed("public.announcement.withdrawn_already");
  const std::string why = text::Clean("reason", reason, kMaxReasonChars, true, true);
  const std::string now = NowUtcText();
  db_.write([&](db::Conn& c) {
    if (!announcements_repo::Withdraw(c, id, version, ActorId(p), now, why)) throw Changed();
    events::Append(c, events::By(p, before.unit_id, "announcement", std::to_string(id), "withdraw", Json(before),
                                 boost::json::serialize(boost::json::object{{"reason", why}})));
  });
  return *db_.read([&](db::Conn& c) { return announcements_repo::ById(c, id); });
}

std::vector<Announcement> Announcements::Current(const std::string& unit_code) {
  const std::string today = TodayLocalIso();
  return db_.read([&](db::Conn& c) { return announcements_repo::Current(c, unit_code, today); });
}

Announcement Announcements::Get(const std::string& unit_code, int64_t id) {
  auto a = db_.read([&](db::Conn& c) { return announcements_repo::ById(c, id); });
  if (!a || a->unit_code != unit_code) throw NotFound("public.announcement.not_found");
  return *a;
}

namespace {
// The controller's hamlet matching `hamlet` (folded), or "".
std::string HamletOf(const Controller& k, const std::string& hamlet) {
  const std::string want = text::Fold(hamlet);
  for (const auto& h : k.hamlets)
    if (text::Fold(h) == want) return h;
  return "";
}
}  // namespace

std::vector<Announcement> Announcements::Playlist(const Controller& k, const std::string& unit_code,
                                                  const std::string& hamlet) {
  if (k.unit_code != unit_code) throw Forbidden();
  const std::string h = text::Clean("ap", hamlet, kMaxHamletChars, false);
  if (!h.empty() && HamletOf(k, h).empty()) throw Forbidden();
  const std::string today = TodayLocalIso();
  std::vector<Announcement> out;
  for (auto& a : Current(unit_code)) {
    if (a.withdrawn() || !OnAir(a, today)) continue;
    const bool here = h.empty() ? std::any_of(k.hamlets.begin(), k.hamlets.end(),
                                              [&](const std::string& x) { return ForHamlet(a, x); })
                                : ForHamlet(a, h);
    if (here) out.push_back(std::move(a));
  }
  return out;
}

std::string Announcements::Audio(const Announcement& a) {
  const std::string key = std::to_string(a.id) + "|" + std::to_string(a.version) + "|" + a.updated_at;
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

Broadcast Announcements::Report(const Controller& k, int64_t announcement_id, const std::string& hamlet,
                                const std::string& played_at) {
  auto found = db_.read([&](db::Conn& c) { return announcements_repo::ById(c, announcement_id); });
  if (!found) throw NotFound("public.announcement.not_found");
  const Announcement& a = *found;
  if (a.unit_id != k.unit_id) throw Forbidden();
  Problems pr;
  Broadcast b;
  b.announcement_id = a.id;
  b.title = a.title;
  const std::string h = pr.check([&] { return text::Clean("hamlet", hamlet, kMaxHamletChars, true); });
  if (!h.empty()) {
    b.hamlet = HamletOf(k, h);
    if (b.hamlet.empty()) pr.add(BadInput("public.controller.not_its_hamlet", "hamlet"));
  }
  if (played_at.empty()) {
    b.played_at = NowUtcText();
  } else if (auto t = ParseRfc3339(played_at)) {
    b.played_at = FormatUtc(*t);
  } else {
    pr.add(BadInput("public.announcement.bad_played_at", "played_at"));
  }
  pr.raise_if_any();
  b.reported_by = k.name;
  b.id = db_.write([&](db::Conn& c) {
    const int64_t id = announcements_repo::InsertBroadcast(c, a.id, b.hamlet, b.played_at, k.id, NowUtcText());
    events::Append(c, ByController(k, a.id,
                                   boost::json::serialize(boost::json::object{
                                       {"hamlet", b.hamlet}, {"played_at", b.played_at}, {"controller", k.name}})));
    return id;
  });
  return b;
}

std::vector<Broadcast> Announcements::Log(const auth::Principal& p, const std::string& unit_code, size_t limit) {
  auto unit = db_.read([&](db::Conn& c) { return org::Service::FindUnit(c, unit_code); });
  if (!unit) throw NotFound("public.place_not_found");
  if (!auth::Covers(p, unit->path)) throw Forbidden();
  return db_.read([&](db::Conn& c) { return announcements_repo::Log(c, unit_code, static_cast<int64_t>(limit)); });
}

// ---- loudspeaker controllers ----

bool Announcements::MayManageControllers(const auth::Principal& p, const std::string& unit_code) {
  auto unit = db_.read([&](db::Conn& c) { return org::Service::FindUnit(c, unit_code); });
  return unit && auth::Covers(p, unit->path, {Role::kAdmin});
}

std::pair<Controller, std::string> Announcements::RegisterController(const auth::Principal& p,
                                                                     const std::string& unit_code,
                                                                     const std::string& name,
                                                                     const std::string& hamlets) {
  auto unit = db_.read([&](db::Conn& c) { return org::Service::FindUnit(c, unit_code); });
  if (!unit) throw NotFound("public.place_not_found");
  if (!auth::Covers(p, unit->path, {Role::kAdmin})) throw Forbidden();
  Problems pr;
  Controller k;
  k.unit_id = unit->id;
  k.unit_code = unit->code;
  k.name = pr.check([&] { return text::Clean("controller_name", name, kMaxControllerNameChars, true); });
  const std::string list = pr.check([&] { return text::Clean("hamlets", hamlets, 4000, true, true); });
  for (auto& h : SplitList(list, "\n")) {
    if (text::Length(h).value_or(0) > kMaxHamletChars) {
      pr.add(BadInput("public.announcement.hamlet_too_long", "hamlets", {{"max", std::to_string(kMaxHamletChars)}}));
      break;
    }
    if (std::find(k.hamlets.begin(), k.hamlets.end(), h) == k.hamlets.end()) k.hamlets.push_back(std::move(h));
  }
  if (k.hamlets.size() > kMaxHamlets)
    pr.add(BadInput("public.announcement.too_many_hamlets", "hamlets", {{"max", std::to_string(kMaxHamlets)}}));
  pr.raise_if_any();
  k.created_at = NowUtcText();
  // The token names the controller; only the secret's hash is kept.
  const std::string secret = auth::RandomToken(32);
  k.id = db_.write([&](db::Conn& c) {
    const int64_t id = announcements_repo::InsertController(c, k, auth::Sha256Hex(secret), ActorId(p));
    boost::json::array hs(k.hamlets.begin(), k.hamlets.end());
    events::Append(c, events::By(p, unit->id, "announcement_controller", std::to_string(id), "create", "",
                                 boost::json::serialize(boost::json::object{{"name", k.name}, {"hamlets", hs}})));
    return id;
  });
  return {k, "loa_" + std::to_string(k.id) + "_" + secret};
}

Controller Announcements::ControllerFor(const auth::Principal& p, int64_t id) {
  auto row = db_.read([&](db::Conn& c) { return announcements_repo::ControllerById(c, id); });
  if (!row) throw NotFound("public.controller.not_found");
  auto unit = db_.read([&](db::Conn& c) { return org::Service::FindUnit(c, row->controller.unit_code); });
  if (!unit || !auth::Covers(p, unit->path, {Role::kAdmin})) throw Forbidden();
  return row->controller;
}

std::vector<Controller> Announcements::Controllers(const auth::Principal& p, const std::string& unit_code) {
  auto unit = db_.read([&](db::Conn& c) { return org::Service::FindUnit(c, unit_code); });
  if (!unit) throw NotFound("public.place_not_found");
  if (!auth::Covers(p, unit->path, {Role::kAdmin})) throw Forbidden();
  return db_.read([&](db::Conn& c) { return announcements_repo::Controllers(c, unit->id); });
}

Controller Announcements::RevokeController(const auth::Principal& p, int64_t id) {
  Controller k = ControllerFor(p, id);
  if (!k.revoked_at.empty()) throw Changed("public.controller.revoked_already");
  k.revoked_at = NowUtcText();
  db_.write([&](db::Conn& c) {
    if (!announcements_repo::RevokeController(c, id, ActorId(p), k.revoked_at))
      throw Changed("public.controller.revoked_already");
    events::Append(c, events::By(p, k.unit_id, "announcement_controller", std::to_string(id), "revoke", "", ""));
  });
  return k;
}

std::optional<Controller> Announcements::Device(std::string_view token) {
  if (token.size() > 200) return std::nullopt;
  const auto id = ControllerIdOf(token);
  if (!id) return std::nullopt;
  const std::string_view secret = token.substr(token.find('_', 4) + 1);
  auto row = db_.read([&](db::Conn& c) { return announcements_repo::ControllerById(c, *id); });
  if (!row) return std::nullopt;
  // Compare the hashes in constant time, revoked or not, then decide.
  const bool match = auth::SafeEqual(auth::Sha256Hex(secret), row->token_hash);
  if (!match || !row->controller.revoked_at.empty()) return std::nullopt;
  return row->controller;
}

}  // namespace fg::pub
