// Dialogue sessions of the feedback register (issue 15, item 5): planning,
// recording, the issues raised (feedback items on the channel "dialogue") and
// the follow-up of the previous session. See service.h.
#include <algorithm>
#include <tuple>

#include <boost/json.hpp>

#include "features/feedback/repo.h"
#include "features/feedback/rules.h"
#include "features/feedback/service.h"
#include "features/org/repo.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::feedback {
namespace {

// The event's record of a session: what was planned or recorded (no names of citizens).
events::Event SessionEvent(const auth::Principal& p, const Session& s, const std::string& action) {
  boost::json::object o{{"title", s.title},
                        {"held_on", s.held_on},
                        {"starts_at", s.starts_at},
                        {"place", s.place},
                        {"state", s.state == SessionState::kHeld ? "held" : "planned"},
                        {"attendees", s.attendees}};
  events::Event e;
  e.actor_id = p.official_id ? std::optional<int64_t>(p.official_id) : std::nullopt;
  e.actor = p.username;
  e.unit_id = s.unit_id;
  e.entity = "dialogue";
  e.entity_id = std::to_string(s.id);
  e.action = action;
  e.after_json = boost::json::serialize(o);
  return e;
}

Session Found(db::Db& db, const auth::Principal& p, int64_t id) {
  auto s = db.read([&](db::Conn& c) { return repo::SessionById(c, id); });
  if (!s) throw NotFound("feedback.dialogue.not_found");
  if (!MayHandle(p, s->unit_path)) throw Forbidden();
  return *s;
}

}  // namespace

Session Service::PlanSession(const auth::Principal& p, const SessionInput& raw) {
  if (HandlerRoots(p).empty()) throw Forbidden();
  // A unit the caller does not handle is refused before the input is looked at.
  auto unit = db_.read([&](db::Conn& c) { return org::repo::UnitByCode(c, text::Trim(raw.unit_code)); });
  if (unit && !MayHandle(p, unit->path)) throw Forbidden();
  const SessionInput in = CheckedSession(raw);
  if (!unit) throw BadInput("feedback.unknown_unit", "unit_code");
  Session s;
  s.unit_id = unit->id;
  s.title = in.title;
  s.held_on = in.held_on;
  s.starts_at = in.starts_at;
  s.place = in.place;
  s.hosts = in.hosts;
  s.invited = in.invited;
  s.created_at = s.updated_at = NowUtcText();
  const int64_t id = db_.write([&](db::Conn& c) {
    s.id = repo::InsertSession(c, s, p.official_id ? std::optional<int64_t>(p.official_id) : std::nullopt);
    events::Append(c, SessionEvent(p, s, "plan"));
    return s.id;
  });
  return *db_.read([&](db::Conn& c) { return repo::SessionById(c, id); });
}

Session Service::RecordSession(const auth::Principal& p, int64_t id, const SessionRecord& raw) {
  Session s = Found(db_, p, id);
  const CleanRecord r = CheckedRecord(raw);
  if (s.held_on > TodayLocalIso()) throw AppError(ErrorKind::kConflict, "feedback.dialogue.not_yet");
  s.state = SessionState::kHeld;
  s.attendees = r.attendees;
  s.attendance = r.attendance;
  s.summary = r.summary;
  s.version = raw.version;
  s.updated_at = NowUtcText();
  db_.write([&](db::Conn& c) {
    if (!repo::UpdateSession(c, s)) throw AppError(ErrorKind::kConflict, "feedback.dialogue.changed");
    events::Append(c, SessionEvent(p, s, "record"));
  });
  return *db_.read([&](db::Conn& c) { return repo::SessionById(c, id); });
}

Item Service::RaiseInSession(const auth::Principal& p, int64_t id, ItemInput in) {
  const Session s = Found(db_, p, id);
  in.channel = "dialogue";
  in.unit_code = s.unit_code;
  in.received_at.clear();
  // Received when the session began, if it has; a session planned for later registers it now.
  const auto day = ParseIsoDate(s.held_on);
  const auto clock = ParseClock(s.starts_at);
  if (day && clock) {
    const SysSeconds start = FromLocal(*day, *clock);
    if (start <= Now()) in.received_at = FormatRfc3339Local(start);
  }
  return Create(Checked(in), p.official_id, p.username, {},
                [&](db::Conn& c, const Item& item) { repo::LinkToSession(c, item.id, s.id); });
}

std::vector<Session> Service::Sessions(const auth::Principal& p) {
  const auto roots = HandlerRoots(p);
  if (roots.empty()) throw Forbidden();
  std::vector<Session> out;
  db_.read([&](db::Conn& c) {
    for (const auto& root : roots)
      for (auto& s : repo::SessionsUnder(c, root, kMaxSessions)) out.push_back(std::move(s));
  });
  std::sort(out.begin(), out.end(), [](const Session& a, const Session& b) {
    return std::tie(a.held_on, a.starts_at, a.id) > std::tie(b.held_on, b.starts_at, b.id);
  });
  if (out.size() > static_cast<size_t>(kMaxSessions)) out.resize(kMaxSessions);
  return out;
}

SessionView Service::SessionOf(const auth::Principal& p, int64_t id) {
  SessionView v;
  v.session = Found(db_, p, id);
  db_.read([&](db::Conn& c) {
    v.raised = repo::ItemsOfSession(c, id);
    v.previous = repo::PreviousSession(c, v.session);
    if (v.previous) v.previous_raised = repo::ItemsOfSession(c, v.previous->id);
  });
  // An issue assigned since to a unit the caller does not handle shows its code, state and unit only.
  for (auto* list : {&v.raised, &v.previous_raised})
    for (auto& i : *list)
      if (!MayHandle(p, i.unit_path)) {
        i.title.clear();
        i.content.clear();
        i.person = {};
      }
  v.session.items = static_cast<int64_t>(v.raised.size());
  return v;
}

}  // namespace fg::feedback
