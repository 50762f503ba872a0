#include "features/feedback/service.h"

#include <algorithm>
#include <map>

#include <boost/json.hpp>

#include "features/desk/rules.h"
#include "features/desk/stats.h"
#include "features/feedback/answer_months.h"
#include "features/feedback/repo.h"
#include "features/feedback/webhook.h"
#include "features/notify/model.h"
#include "features/notify/repo.h"
#include "features/org/repo.h"
#include "platform/auth/crypto.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::feedback {

using auth::Role;

namespace {

bool Approves(const auth::Principal& p, const std::string& path) {
  return auth::Covers(p, path, {Role::kAdmin, Role::kLeader});
}

AppError Conflict(std::string key) { return AppError(ErrorKind::kConflict, std::move(key)); }

SysSeconds At(const std::string& utc) { return ParseUtc(utc).value_or(Now()); }

// The event's record: what changed, never personal data.
boost::json::object JsonOf(const Item& i) {
  boost::json::object o{{"code", i.code},           {"kind", KindName(i.kind)}, {"state", StateName(i.state)},
                        {"unit_code", i.unit_code}, {"channel", i.channel},     {"category", i.category},
                        {"due_at", i.due_at},       {"published", i.published}};
  if (i.assignee_id) o["assignee_id"] = *i.assignee_id;
  return o;
}
std::string Json(const Item& i) { return boost::json::serialize(JsonOf(i)); }

events::Event EventOf(std::optional<int64_t> actor_id, const std::string& actor, const Item& before, const Item& after,
                      const std::string& action) {
  events::Event e;
  e.actor_id = actor_id;
  e.actor = actor;
  e.unit_id = after.unit_id;
  e.entity = "feedback";
  e.entity_id = after.code;
  e.action = action;
  e.before_json = before.id ? Json(before) : "";
  e.after_json = Json(after);
  return e;
}

std::vector<calendar::Pause> PausesOf(const std::vector<PauseSpan>& spans, SysSeconds now) {
  std::vector<calendar::Pause> out;
  for (const auto& s : spans) {
    const SysSeconds from = At(s.from);
    const SysSeconds to = s.to.empty() ? now : At(s.to);
    if (to > from) out.push_back({from, to, "info"});
  }
  return out;
}

// The outbox message to the citizen, through the channel they used: one who
// wrote to the unit's Zalo OA or Facebook page is answered in that chat.
void Notify(db::Conn& c, const Item& i, const std::string& event, const std::string& text, const std::string& now) {
  const std::string chat_user =
      i.channel == "zalo" || i.channel == "facebook" ? repo::IntakeSender(c, i.id, i.channel) : "";
  if (i.person.phone.empty() && i.person.email.empty() && chat_user.empty()) return;
  notify::Message m;
  m.idem_key = "feedback:" + std::to_string(i.id) + ":" + std::to_string(i.version) + ":" + event;
  m.unit_id = i.unit_id;
  m.event = event;
  m.channel_pref = i.channel == "email" || i.channel == "zalo" || i.channel == "facebook" ? i.channel
                   : i.channel == "hotline"                                               ? "sms"
                                                                                          : "";
  m.phone = i.person.phone;
  m.email = i.person.email;
  if (i.channel == "zalo")
    m.zalo_user_id = chat_user;
  else
    m.facebook_user_id = chat_user;
  m.params = {{"code", i.code}, {"text", text}, {"lookup", render::Site().public_url + "/gop-y/tra-cuu?ma=" + i.code}};
  m.next_at = now;
  m.created_at = now;
  notify::repo::InsertMessage(c, m);
}

std::string CleanText(const std::string& field, const std::string& s, bool required) {
  return text::Clean(field, s, kMaxText, required, true);
}

}  // namespace

Service::Service(db::Db& db, calendar::Service& calendar) : db_(db), calendar_(calendar) {}

Service::~Service() { StopMailPolling(); }

void Service::LimitSubmissions(int per_hour) {
  if (per_hour <= 0)
    per_address_.reset();
  else
    per_address_.emplace(per_hour, std::chrono::hours(1));
}

Item Service::Create(const ItemInput& in, std::optional<int64_t> by, const std::string& actor,
                     const std::function<void(db::Conn&)>& first,
                     const std::function<void(db::Conn&, const Item&)>& also) {
  const Kind kind = *ParseKind(in.kind);
  auto unit = units_.get(in.unit_code, [&](db::Conn& c) { return org::repo::UnitByCode(c, in.unit_code); });
  Problems problems;
  if (!unit) problems.add(BadInput("feedback.unknown_unit", "unit_code"));
  if (in.official_id && !db_.read([&](db::Conn& c) { return org::repo::OfficialProfile(c, *in.official_id); }))
    problems.add(BadInput("feedback.unknown_official", "official_id"));
  const SysSeconds now = Now();
  SysSeconds received = now;
  if (!in.received_at.empty()) {
    received = *ParseRfc3339(in.received_at);
    if (received > now) problems.add(BadInput("feedback.received_in_future", "received_at"));
  }
  problems.raise_if_any();
  const bool anonymous = IsAnonymousDenunciation(kind, in.person);
  std::optional<calendar::DueResult> due;
  try {
    due = DueOf(*calendar_.View(unit->code).calendar, kind, false, anonymous, received, {});
  } catch (const calendar::EngineError& e) {
    throw BadInput(e.key, "received_at", calendar::YearRange());
  }
  Item i;
  i.unit_id = unit->id;
  i.unit_code = unit->code;
  i.kind = kind;
  i.channel = in.channel;
  i.category = in.category;
  i.title = in.title;
  i.content = in.content;
  i.person = in.person;
  i.anonymous = anonymous;
  i.dossier_code = in.dossier_code;
  i.procedure_code = in.procedure_code;
  i.about_official_id = in.official_id;
  i.received_at = FormatUtc(received);
  i.starts_at = FormatUtc(due ? due->starts_at : received);
  i.due_at = due ? FormatUtc(due->due_at) : "";
  i.created_at = i.updated_at = FormatUtc(now);
  i.lookup_key = auth::RandomPassword(2);
  const int year = static_cast<int>(std::chrono::year_month_day{ToLocal(received).date}.year());
  db_.write([&](db::Conn& c) {
    if (first) first(c);
    i.code = ItemCode(i.unit_code, year, repo::NextSerial(c, i.unit_id, year));
    i.id = repo::InsertItem(c, i, by);
    repo::InsertStep(c, {0, i.id, i.created_at, by, "", "register", "", false});
    for (const auto& photo : in.photos) repo::InsertPhoto(c, i.id, photo);
    events::Event e = EventOf(by, actor, Item{}, i, "register");
    if (!in.photos.empty()) {
      auto after = JsonOf(i);
      after["photos"] = in.photos.size();
      e.after_json = boost::json::serialize(after);
    }
    events::Append(c, e);
    if (also) also(c, i);
  });
  // The item as stored (what repo::ItemById reads back), without reading it back.
  i.unit_name = unit->name;
  i.unit_path = unit->path;
  return i;
}

org::Unit Service::AdministeredUnit(const auth::Principal& p, const std::string& unit_code) {
  auto unit = db_.read([&](db::Conn& c) { return org::repo::UnitByCode(c, unit_code); });
  if (!unit) throw NotFound("feedback.unknown_unit");
  if (!auth::Covers(p, unit->path, {Role::kAdmin})) throw Forbidden();
  return *unit;
}

void Service::PutChannel(const auth::Principal& p, const std::string& unit_code, const std::string& channel,
                         const std::string& app_id, const std::string& secret) {
  const auto unit = AdministeredUnit(p, unit_code);
  Problems problems;
  if (channel != "zalo" && channel != "facebook") problems.add(BadInput("feedback.webhook.bad_channel", "channel"));
  const std::string id = problems.check([&] { return text::Clean("app_id", app_id, 100, channel == "zalo"); });
  const std::string key = problems.check([&] { return text::Clean("secret", secret, 200, true); });
  problems.raise_if_any();
  const std::string now = NowUtcText();
  db_.write([&](db::Conn& c) {
    repo::PutChannel(c, unit.id, channel, {id, key}, now);
    // The secret itself never goes into the event log.
    events::Event e;
    e.actor_id = p.official_id;
    e.actor = p.username;
    e.unit_id = unit.id;
    e.entity = "feedback_channel";
    e.entity_id = unit.code + "/" + channel;
    e.action = "set";
    e.after_json = boost::json::serialize(boost::json::object{{"channel", channel}, {"app_id", id}});
    events::Append(c, e);
  });
}

std::vector<Service::ChannelStatus> Service::Channels(const auth::Principal& p, const std::string& unit_code) {
  const auto unit = AdministeredUnit(p, text::Trim(unit_code));
  std::vector<ChannelStatus> out;
  db_.read([&](db::Conn& c) {
    for (const char* channel : {"zalo", "facebook"}) {
      ChannelStatus s{channel};
      if (auto row = repo::Channel(c, unit.id, channel)) {
        s.connected = true;
        s.app_id = row->app_id;
        s.updated_at = row->updated_at;
      }
      out.push_back(std::move(s));
    }
  });
  return out;
}

std::vector<std::pair<std::string, std::string>> Service::AdminUnits(const auth::Principal& p) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& u : db_.read([](db::Conn& c) { return org::repo::UnitsUnder(c, "/"); }))
    if (!u.valid_to && auth::Covers(p, u.path, {Role::kAdmin})) out.emplace_back(u.code, u.name);
  return out;
}

Service::IntakeResult Service::Webhook(const std::string& channel, const std::string& unit_code,
                                       const std::string& body, const std::string& signature) {
  if (channel != "zalo" && channel != "facebook") throw NotFound("feedback.webhook.unknown");
  auto [unit, account] = channels_.get(channel + '\n' + unit_code, [&](db::Conn& c) {
    auto u = org::repo::UnitByCode(c, unit_code);
    return std::pair{u, u ? repo::Channel(c, u->id, channel) : std::nullopt};
  });
  if (!unit || !account) throw NotFound("feedback.webhook.unknown");
  if (body.size() > webhook::kMaxBody) throw AppError(ErrorKind::kTooLarge, "feedback.webhook.too_large");
  const bool ok = channel == "facebook" ? webhook::FacebookSignatureOk(body, signature, account->secret)
                                        : webhook::ZaloSignatureOk(body, signature, account->app_id, account->secret);
  if (!ok) throw AppError(ErrorKind::kUnauthorized, "feedback.webhook.bad_signature");
  const auto messages = channel == "facebook" ? webhook::FacebookMessages(body) : webhook::ZaloMessages(body);
  if (!messages) throw BadInput("feedback.webhook.bad_body", "body");
  IntakeResult out;
  // A message the unit has already taken (platforms deliver again until
  // answered 200), found by the write itself before it writes anything: the
  // intake rows are then read on the writer's warm connection, not in a read
  // transaction of their own on an io thread.
  struct AlreadyTaken : std::exception {};
  for (const auto& m : *messages) {
    ItemInput in;
    in.kind = "feedback";
    in.channel = channel;
    in.category = "other";
    in.unit_code = unit->code;
    in.title = webhook::TitleOf(m.text, 100);
    in.content = text::Cut(m.text, kMaxContent - 3);
    ItemInput checked;
    try {
      checked = Checked(in);
    } catch (const AppError&) {
      continue;  // an empty or unreadable message is not an item
    }
    try {
      auto item = Create(
          checked, std::nullopt, channel,
          [&](db::Conn& c) {
            if (repo::IntakeExists(c, channel, m.id)) throw AlreadyTaken{};
          },
          [&](db::Conn& c, const Item& i) { repo::InsertIntake(c, channel, m.id, i.id, m.sender, i.created_at); });
      ++out.created;
      out.codes.push_back(item.code);
    } catch (const AlreadyTaken&) {
      ++out.duplicates;
    } catch (const db::ConstraintError&) {
      ++out.duplicates;  // the same message arriving twice at once (PostgreSQL): the second write rolled back
    }
  }
  return out;
}

Item Service::Submit(ItemInput in, const std::string& address) {
  if (per_address_ && !per_address_->allow(address, Now())) throw AppError(ErrorKind::kTooMany, "feedback.too_many");
  in.channel = "web";
  in.received_at.clear();
  in.official_id.reset();
  return Create(Checked(in), std::nullopt, "citizen");
}

Item Service::Register(const auth::Principal& p, ItemInput in) {
  // Who may register first, so that a refusal does not depend on the input.
  if (HandlerRoots(p).empty()) throw Forbidden();
  auto unit = db_.read([&](db::Conn& c) { return org::repo::UnitByCode(c, text::Trim(in.unit_code)); });
  if (unit && !MayHandle(p, unit->path)) throw Forbidden();
  return Create(Checked(in), p.official_id, p.username);
}

namespace {

// The item of `code` when `check` proves the caller submitted it: the last 4
// digits of the phone given, or the item's lookup key. A code alone proves
// nothing (codes are sequential). Both checks run in constant time, always
// both, for known and unknown codes alike.
std::optional<Item> Found(db::Db& db, const std::string& code, const std::string& check) {
  auto item = db.read([&](db::Conn& c) { return repo::ItemByCode(c, NormalCode(code)); });
  // Stand-ins that nothing typed can equal: LookupCheck removes every dash.
  std::string last4 = PhoneLast4(item ? item->person.phone : "");
  if (last4.empty()) last4 = "----";
  const std::string key = item && !item->lookup_key.empty() ? item->lookup_key : "--------";
  const std::string given = LookupCheck(check);
  const bool by_phone = auth::SafeEqual(last4, given);
  const bool by_key = auth::SafeEqual(key, given);
  if (!item || !(by_phone || by_key)) return std::nullopt;
  return item;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> Service::Units() {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& u : db_.read([](db::Conn& c) { return org::repo::UnitsUnder(c, "/"); }))
    if (!u.valid_to) out.emplace_back(u.code, u.name);
  return out;
}

Service::Stats Service::Statistics(const auth::Principal& p, const StatsQuery& q) {
  Problems problems;
  desk::StatsPeriod period;
  problems.check([&] { period = desk::ValidateStatsPeriod(q.from, q.to, TodayLocalIso()); });
  std::string unit_code = q.unit_code;
  if (unit_code.empty()) {
    const auto units = UnitsFor(p);
    if (units.empty()) throw Forbidden();
    unit_code = units.front().first;
  }
  auto unit = db_.read([&](db::Conn& c) { return org::repo::UnitByCode(c, text::Trim(unit_code)); });
  if (!unit) problems.add(BadInput("feedback.unknown_unit", "unit", {{"code", unit_code}}));
  problems.raise_if_any();
  // Counts only: any role covering the unit, so that the province's evaluators
  // read them for the scorecards (the items themselves stay with their handlers).
  if (!auth::Covers(p, unit->path)) throw Forbidden();
  Stats out;
  out.unit_code = unit->code;
  out.unit_name = unit->name;
  out.from = period.from;
  out.to = period.to;
  out.as_of = NowUtcText();
  // Local days [from, to] as UTC instants [from 00:00, the day after to 00:00).
  const std::string from = FormatUtc(FromLocal(*ParseIsoDate(period.from), 0));
  const std::string to = FormatUtc(FromLocal(*ParseIsoDate(period.to) + std::chrono::days{1}, 0));
  out.tallies = Tabulate(db_.read([&](db::Conn& c) { return repo::StatsRows(c, unit->path, from, to); }));
  return out;
}

std::vector<std::pair<std::string, std::string>> Service::UnitsFor(const auth::Principal& p) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& u : db_.read([](db::Conn& c) { return org::repo::UnitsUnder(c, "/"); }))
    if (!u.valid_to && MayHandle(p, u.path)) out.emplace_back(u.code, u.name);
  return out;
}

std::vector<std::pair<int64_t, std::string>> Service::Assignees(const Item& item) {
  std::vector<std::pair<int64_t, std::string>> out;
  for (auto& o : db_.read([&](db::Conn& c) { return org::repo::OfficialsUnder(c, item.unit_path); }))
    if (o.active) out.emplace_back(o.id, o.full_name);
  return out;
}

Item Service::Proven(const std::string& code, const std::string& check, const std::string& address) {
  // Only failed checks count against the address, on every page that takes a code and its check.
  if (!address.empty() && lookups_.exhausted(address, Now()))
    throw AppError(ErrorKind::kTooMany, "feedback.too_many_lookups");
  auto item = Found(db_, code, check);
  if (!item) {
    if (!address.empty()) lookups_.record(address, Now());
    throw NotFound("feedback.lookup_not_found");
  }
  return *item;
}

PublicView Service::Lookup(const std::string& code, const std::string& check, const std::string& address) {
  const Item item = Proven(code, check, address);
  PublicView v;
  v.code = item.code;
  v.kind = KindName(item.kind);
  v.category = item.category;
  v.channel = item.channel;
  v.state = StateName(item.state);
  v.unit_name = item.unit_name;
  v.title = StripPersonal(item.title, item.person, render::Text("feedback.redacted"));
  v.received_at = item.received_at;
  v.due_at = item.due_at;
  v.answered_at = item.answered_at;
  v.closed_at = item.closed_at;
  if (item.published) v.published_answer = item.published_answer;
  if (CanRateAnswer(item)) {
    v.rated = db_.read([&](db::Conn& c) { return repo::SatisfactionOf(c, item.id, item.reopen_count); });
    v.can_rate = v.rated.empty();
  }
  if (auto last = ReopenUntil(*calendar_.View(item.unit_code).calendar, item); last && ToLocal(Now()).date <= *last)
    v.reopen_until = FormatIsoDate(*last);
  for (auto& s : db_.read([&](db::Conn& c) { return repo::Steps(c, item.id); })) {
    if (s.internal) continue;
    v.steps.push_back({s.id, 0, s.at, std::nullopt, "", s.action, "", false});
  }
  return v;
}

Item Service::Reopen(const std::string& code, const std::string& check, const std::string& reason,
                     const std::string& address) {
  const Item item = Proven(code, check, address);
  // The citizen's form calls the field "Lý do mở lại": its own words when it is empty.
  if (text::Trim(reason).empty()) throw BadInput("feedback.reopen_reason_required", "feedback_text");
  const std::string why = CleanText("feedback_text", reason, true);
  const SysSeconds now = Now();
  if (!CanReopen(*calendar_.View(item.unit_code).calendar, item, now)) throw Conflict("feedback.reopen_closed_window");
  Item next = item;
  next.state = Next(item.state, Action::kReopen);
  next.reopen_count += 1;
  next.closed_at.clear();
  next.updated_at = FormatUtc(now);
  db_.write([&](db::Conn& c) {
    if (!repo::UpdateItem(c, next)) throw Conflict("feedback.changed");
    repo::InsertStep(c, {0, next.id, next.updated_at, std::nullopt, "", "reopen", why, false});
    events::Append(c, EventOf(std::nullopt, "citizen", item, next, "reopen"));
  });
  return *db_.read([&](db::Conn& c) { return repo::ItemById(c, next.id); });
}

void Service::RateAnswer(const std::string& code, const std::string& check, const std::string& level,
                         const std::string& address) {
  const Item item = Proven(code, check, address);
  if (!IsSatisfactionLevel(level)) throw BadInput("feedback.bad_satisfaction", "level");
  if (!CanRateAnswer(item)) throw Conflict("feedback.rate_not_answered");
  const std::string at = NowUtcText();
  try {
    db_.write([&](db::Conn& c) {
      // The item as it is now: an answer reopened since the read is not the one rated.
      auto now = repo::ItemById(c, item.id);
      if (!now || now->version != item.version) throw Conflict("feedback.changed");
      repo::InsertSatisfaction(c, item.id, item.reopen_count, level, at);
      repo::InsertStep(c, {0, item.id, at, std::nullopt, "", "rate_" + level, "", false});
      events::Event e = EventOf(std::nullopt, "citizen", item, item, "rate_answer");
      e.after_json = boost::json::serialize(
          boost::json::object{{"code", item.code}, {"answer_round", item.reopen_count}, {"level", level}});
      events::Append(c, e);
    });
  } catch (const db::ConstraintError&) {
    throw Conflict("feedback.already_rated");
  }
}

std::optional<Item> Service::PublicRequest(const std::string& code) {
  auto item = db_.read([&](db::Conn& c) { return repo::ItemByCode(c, NormalCode(code)); });
  if (!item || (item->kind != Kind::kFeedback && item->kind != Kind::kRecommendation)) return std::nullopt;
  return item;
}

std::vector<Item> Service::PublicRequests(const RequestQuery& q) {
  std::vector<Item> out;
  if (!q.codes.empty()) {
    if (q.codes.size() > static_cast<size_t>(kMaxRequestIds))
      throw BadInput("feedback.open311.too_many_ids", "service_request_id", {{"max", std::to_string(kMaxRequestIds)}});
    return db_.read([&](db::Conn& c) {
      for (const auto& code : q.codes) {
        auto i = repo::ItemByCode(c, NormalCode(code));
        if (i && (i->kind == Kind::kFeedback || i->kind == Kind::kRecommendation)) out.push_back(std::move(*i));
      }
      return out;
    });
  }
  Problems problems;
  const SysSeconds now = Now();
  SysSeconds end = now, start = now - std::chrono::days(90);
  if (!q.end.empty()) {
    if (auto t = ParseRfc3339(q.end))
      end = *t;
    else
      problems.add(BadInput("feedback.open311.bad_date", "end_date"));
  }
  if (!q.start.empty()) {
    if (auto t = ParseRfc3339(q.start))
      start = *t;
    else
      problems.add(BadInput("feedback.open311.bad_date", "start_date"));
  } else if (!q.end.empty()) {
    start = end - std::chrono::days(90);
  }
  for (const auto& st : q.statuses)
    if (st != "open" && st != "closed") problems.add(BadInput("feedback.open311.bad_status", "status"));
  std::string path = "/";
  if (!q.unit_code.empty()) {
    auto unit = db_.read([&](db::Conn& c) { return org::repo::UnitByCode(c, q.unit_code); });
    if (!unit)
      problems.add(BadInput("feedback.unknown_unit", "jurisdiction_id"));
    else
      path = unit->path;
  }
  problems.raise_if_any();
  // Both statuses asked is no filter.
  const bool open = std::find(q.statuses.begin(), q.statuses.end(), "open") != q.statuses.end();
  const bool closed = std::find(q.statuses.begin(), q.statuses.end(), "closed") != q.statuses.end();
  const std::string status = open == closed ? "" : open ? "open" : "closed";
  return db_.read([&](db::Conn& c) {
    return repo::PublicItems(c, path, FormatUtc(start), FormatUtc(end), q.service_code, status, kMaxRequests);
  });
}

Detail Service::DetailOf(const auth::Principal& p, Item item, std::vector<Step> steps) {
  Detail d;
  d.actions = AllowedActions(item, Approves(p, item.unit_path));
  if (item.state == State::kClosed) {
    // An official may reopen on the citizen's behalf within the same window.
    if (CanReopen(*calendar_.View(item.unit_code).calendar, item, Now())) d.actions.push_back(Action::kReopen);
  }
  const SysSeconds now = Now();
  d.urgency = UrgencyOf(item, now, desk::DueSoonBy(*calendar_.View(item.unit_code).calendar, now));
  db_.read([&](db::Conn& c) {
    d.photos = repo::PhotosOf(c, item.id);
    d.attachments = repo::AttachmentsOf(c, item.id);
  });
  d.item = std::move(item);
  d.steps = std::move(steps);
  return d;
}

Photo Service::PhotoOf(const auth::Principal& p, const std::string& code, int n) {
  auto item = db_.read([&](db::Conn& c) { return repo::ItemByCode(c, NormalCode(code)); });
  if (!item || !MayHandle(p, item->unit_path)) throw NotFound("feedback.photo.not_found");
  auto photo = db_.read([&](db::Conn& c) { return repo::PhotoOf(c, item->id, n); });
  if (!photo) throw NotFound("feedback.photo.not_found");
  return *photo;
}

Detail Service::Get(const auth::Principal& p, const std::string& code) {
  auto item = db_.read([&](db::Conn& c) { return repo::ItemByCode(c, NormalCode(code)); });
  if (!item) throw NotFound("feedback.not_found");
  if (!MayHandle(p, item->unit_path)) throw Forbidden();
  auto steps = db_.read([&](db::Conn& c) { return repo::Steps(c, item->id); });
  return DetailOf(p, std::move(*item), std::move(steps));
}

Detail Service::Apply(const auth::Principal& p, const std::string& code, const ActionInput& in) {
  auto found = db_.read([&](db::Conn& c) { return repo::ItemByCode(c, NormalCode(code)); });
  if (!found) throw NotFound("feedback.not_found");
  const Item& item = *found;
  if (!MayHandle(p, item.unit_path)) throw Forbidden();
  const Action a = in.action;
  if ((a == Action::kApproveReply || a == Action::kReturnDraft) && !Approves(p, item.unit_path)) throw Forbidden();
  const SysSeconds now = Now();
  const std::string now_text = FormatUtc(now);
  const auto cal = calendar_.View(item.unit_code).calendar;
  if (a == Action::kReopen) {
    if (!CanReopen(*cal, item, now)) throw Conflict("feedback.reopen_closed_window");
  } else if (!Allowed(item, a)) {
    throw Conflict("feedback.not_allowed");
  }

  Item next = item;
  next.state = Next(item.state, a);
  next.updated_at = now_text;
  Step step{0, item.id, now_text, p.official_id, "", std::string(ActionName(a)), "", false};
  std::optional<Item> target;  // merge
  std::string message_event;   // the citizen's message, if any
  bool pause_open = false, pause_close = false;
  bool count_answer = false;  // the public figures' counter (answer_months.h)

  // Input checks: every problem at once.
  Problems problems;
  const bool text_required = a == Action::kNote || a == Action::kRequestInfo || a == Action::kExtend ||
                             a == Action::kDraftReply || a == Action::kReturnDraft || a == Action::kReopen;
  step.text = problems.check([&] { return CleanText("feedback_text", in.text, text_required); });
  switch (a) {
    case Action::kAssign: {
      std::optional<org::Unit> unit;
      if (!in.unit_code.empty()) {
        unit = db_.read([&](db::Conn& c) { return org::repo::UnitByCode(c, in.unit_code); });
        if (!unit)
          problems.add(BadInput("feedback.unknown_unit", "unit_code"));
        else if (!MayHandle(p, unit->path))
          problems.add(BadInput("feedback.assign_outside", "unit_code"));
      }
      const std::string path = unit ? unit->path : item.unit_path;
      if (in.assignee_id) {
        auto o = db_.read([&](db::Conn& c) { return org::repo::OfficialById(c, *in.assignee_id); });
        if (!o || !o->active || o->unit_path.rfind(path, 0) != 0)
          problems.add(BadInput("feedback.assignee_outside", "assignee_id"));
      }
      if (!unit && !in.assignee_id) problems.add(BadInput("feedback.assign_nobody", "unit_code"));
      problems.raise_if_any();
      if (unit) next.unit_id = unit->id;
      next.assignee_id = in.assignee_id;
      step.text = unit ? unit->code : "";
      step.internal = true;
      break;
    }
    case Action::kNote: step.internal = true; break;
    case Action::kRequestInfo:
      next.paused_since = now_text;
      pause_open = true;
      message_event = "feedback_info";
      break;
    case Action::kInfoReceived:
      next.paused_since.clear();
      pause_close = true;
      break;
    case Action::kExtend:
      next.extended = true;
      next.extension_reason = step.text;
      break;
    case Action::kDraftReply:
      next.reply_draft = step.text;
      step.internal = true;
      break;
    case Action::kApproveReply:
      next.reply = item.reply_draft;
      next.answered_at = now_text;
      next.timeliness = TimelinessOf(item, now);
      count_answer = item.answered_at.empty() && !next.timeliness.empty();  // the first reply, if due
      step.text = next.reply;  // the citizen reads it in the message, and on the page once published
      message_event = "feedback_reply";
      break;
    case Action::kReturnDraft: step.internal = true; break;
    case Action::kPublish:
      next.published = true;
      next.published_answer = StripPersonal(item.reply, item.person, render::Text("feedback.redacted"));
      break;
    case Action::kUnpublish:
      next.published = false;
      next.published_answer.clear();
      break;
    case Action::kClose: next.closed_at = now_text; break;
    case Action::kReopen:
      next.reopen_count += 1;
      next.closed_at.clear();
      break;
    case Action::kMerge: {
      target = db_.read([&](db::Conn& c) { return repo::ItemByCode(c, NormalCode(in.target_code)); });
      if (!target || !MayHandle(p, target->unit_path)) {  // one answer: an item out of reach is not told apart
        problems.add(BadInput("feedback.merge_unknown", "target_code"));
      } else if (auto why = MergeProblem(item, *target); !why.empty()) {
        problems.add(BadInput(why, "target_code"));
      }
      problems.raise_if_any();
      next.merged_into = target->id;
      step.text = target->code;
      step.internal = false;
      break;
    }
  }
  problems.raise_if_any();

  // The legal clock: paused, resumed or extended.
  std::vector<PauseSpan> spans = db_.read([&](db::Conn& c) { return repo::Pauses(c, item.id); });
  if (pause_open) spans.push_back({now_text, ""});
  if (pause_close && !spans.empty() && spans.back().to.empty()) spans.back().to = now_text;
  if (a == Action::kRequestInfo || a == Action::kInfoReceived || a == Action::kExtend) {
    try {
      // While paused the due instant is what it would be if the pause ended now; it moves on resume.
      auto due = DueOf(*cal, item.kind, next.extended, item.anonymous, At(item.received_at), PausesOf(spans, now));
      next.due_at = due ? FormatUtc(due->due_at) : "";
    } catch (const calendar::EngineError& e) {
      throw BadInput(e.key, "feedback_text", calendar::YearRange());
    }
  }

  db_.write([&](db::Conn& c) {
    // A copy: the write may run again (its batch rolled back), from `next` as read.
    Item written = next;
    if (!repo::UpdateItem(c, written)) throw Conflict("feedback.changed");
    written.version += 1;
    repo::InsertStep(c, step);
    if (pause_open) repo::OpenPause(c, item.id, now_text);
    if (pause_close) repo::ClosePause(c, item.id, now_text);
    if (count_answer)
      repo::CountAnswer(c, written.unit_id, FormatIsoDate(ToLocal(now).date).substr(0, 7),
                        written.timeliness == "on_time");
    events::Append(c, EventOf(p.official_id, p.username, item, written, std::string(ActionName(a))));
    if (target) {
      repo::InsertStep(c, {0, target->id, now_text, p.official_id, "", "merged_in", item.code, true});
    }
    if (!message_event.empty())
      Notify(c, written, message_event, a == Action::kApproveReply ? written.reply : step.text, now_text);
  });
  auto fresh = db_.read([&](db::Conn& c) { return repo::ItemById(c, item.id); });
  auto steps = db_.read([&](db::Conn& c) { return repo::Steps(c, item.id); });
  return DetailOf(p, std::move(*fresh), std::move(steps));
}

std::vector<Listed> Service::List(const auth::Principal& p, const ListQuery& q, int64_t* next_before_id) {
  if (!q.kind.empty() && !ParseKind(q.kind)) throw BadInput("feedback.bad_kind", "feedback_kind");
  if (!q.state.empty() && !ParseState(q.state)) throw BadInput("feedback.bad_state", "state");
  if (!q.urgency.empty() && q.urgency != "overdue" && q.urgency != "due_soon")
    throw BadInput("feedback.bad_urgency", "urgency");
  const int limit = std::clamp(q.limit, 1, 500);
  std::vector<std::string> roots;
  if (!q.unit_code.empty()) {
    auto unit = db_.read([&](db::Conn& c) { return org::repo::UnitByCode(c, q.unit_code); });
    if (!unit) throw BadInput("feedback.unknown_unit", "unit_code");
    if (!MayHandle(p, unit->path)) throw Forbidden();
    roots.push_back(unit->path);
  } else {
    roots = HandlerRoots(p);
    if (roots.empty()) throw Forbidden();
  }
  const SysSeconds now = Now();
  // Overdue and due soon are decided per item on its unit's calendar; the
  // statement only leaves out items due later than any "soon" can reach.
  const std::string due_by = q.urgency.empty() ? "" : FormatUtc(now + std::chrono::days(20));
  std::map<std::string, SysSeconds> soon_by;  // per unit code
  std::vector<Listed> out;
  // Items with an id at or above `floor` were all looked at: a root not read to
  // its end leaves the ones below its last id for the next page.
  int64_t floor = 0;
  for (const auto& root : roots) {
    int64_t before = q.before_id;
    size_t kept = 0;
    for (;;) {
      auto items =
          db_.read([&](db::Conn& c) { return repo::ItemsUnder(c, root, q.kind, q.state, due_by, before, limit); });
      const bool full = items.size() == static_cast<size_t>(limit);
      if (!items.empty()) before = items.back().id;
      for (auto& i : items) {
        auto it = soon_by.find(i.unit_code);
        if (it == soon_by.end())
          it = soon_by.emplace(i.unit_code, desk::DueSoonBy(*calendar_.View(i.unit_code).calendar, now)).first;
        const Urgency u = UrgencyOf(i, now, it->second);
        if (q.urgency == "overdue" && u != Urgency::kOverdue) continue;
        if (q.urgency == "due_soon" && u != Urgency::kDueSoon) continue;
        out.push_back({std::move(i), u});
        ++kept;
      }
      if (!full) break;                          // the root is read to its end
      if (kept >= static_cast<size_t>(limit)) {  // a page's worth: the rest is for later
        floor = std::max(floor, before);
        break;
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Listed& a, const Listed& b) { return a.item.id > b.item.id; });
  if (out.size() > static_cast<size_t>(limit)) floor = std::max(floor, out[limit - 1].item.id);
  std::erase_if(out, [&](const Listed& l) { return l.item.id < floor; });
  if (next_before_id) *next_before_id = floor;
  return out;
}

}  // namespace fg::feedback
