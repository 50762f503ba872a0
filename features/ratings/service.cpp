#include "features/ratings/service.h"

#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <boost/json.hpp>

#include "features/desk/repo.h"
#include "features/desk/stats.h"
#include "features/org/repo.h"
#include "features/org/service.h"
#include "features/ratings/repo.h"
#include "features/ratings/rules.h"
#include "platform/auth/crypto.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/render/page.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::ratings {
namespace {

using auth::Principal;
using auth::Role;
using auth::Sha256Hex;

constexpr auto kInviteWindow = std::chrono::minutes(15);  // a tablet shows a dossier returned this recently
constexpr auto kPairingLife = std::chrono::minutes(10);
constexpr auto kBurstWindow = std::chrono::minutes(10);
constexpr int kMaxReportDays = 5 * 366 + 1;

// The process-wide key for RatingLinkPath (loaded by the first Service).
std::mutex g_key_mu;
std::string g_key;

std::string LocalDay(SysSeconds t) { return FormatIsoDate(ToLocal(t).date); }

bool Reads(const Principal& p, const std::string& path) { return auth::Covers(p, path); }
bool Desk(const Principal& p, const std::string& path) {
  return auth::Covers(p, path, {Role::kAdmin, Role::kLeader, Role::kDesk});
}
bool Leads(const Principal& p, const std::string& path) { return auth::Covers(p, path, {Role::kAdmin, Role::kLeader}); }

org::Unit UnitOf(db::Conn& c, const std::string& code) {
  auto u = org::Service::FindUnit(c, code);
  if (!u) throw BadInput("ratings.unknown_unit", "unit");
  return *u;
}

// The unit asked for, else the caller's first grant's unit.
std::string UnitCodeOr(const Principal& p, const std::string& code) {
  if (!code.empty()) return code;
  if (p.grants.empty()) throw Forbidden();
  return p.grants.front().unit_code;
}

Settings SettingsAt(db::Conn& c, const std::string& path) {
  return repo::NearestSettings(c, path).value_or(Settings{});
}

std::string EventJson(const Rating& r) {
  boost::json::object o{{"official_id", r.official_id},
                        {"level", r.level},
                        {"source", r.source},
                        {"scale", r.scale},
                        {"day", r.day},
                        {"flag", r.flag},
                        {"procedure_id", r.procedure_id}};
  o["dossier_id"] = r.dossier_id ? boost::json::value(*r.dossier_id) : boost::json::value(nullptr);
  o["device_id"] = r.device_id ? boost::json::value(*r.device_id) : boost::json::value(nullptr);
  boost::json::array reasons;
  for (const auto& s : r.reasons) reasons.emplace_back(s);
  o["reasons"] = std::move(reasons);
  o["comment_sha256"] = Sha256Hex(r.comment);  // the text is in the row; the hash makes its change evident
  return boost::json::serialize(o);
}

}  // namespace

std::string RatingLink(int64_t dossier_id) {
  std::lock_guard lock(g_key_mu);
  if (g_key.empty()) return "";
  const std::string t = LinkToken(dossier_id, Now() + std::chrono::days(Settings{}.link_days), g_key);
  return render::Site().public_url + "/danh-gia/ho-so?t=" + t;
}

Service::Service(db::Db& db) : db_(db) {
  auth::InitCrypto();  // the pairing codes use libsodium's random numbers
  key_ = db_.write([&](db::Conn& c) {
    if (auto k = auth::KeyFromHex(repo::Key(c, "link")); !k.empty()) return k;
    repo::PutKeyIfAbsent(c, "link", auth::KeyToHex(auth::NewMacKey()));
    return auth::KeyFromHex(repo::Key(c, "link"));  // another process may have won
  });
  std::lock_guard lock(g_key_mu);
  g_key = key_;
}

std::string Service::OfficialTokenOf(int64_t official_id) const { return OfficialToken(official_id, key_); }
std::string Service::LinkTokenOf(int64_t dossier_id, std::chrono::sys_seconds expires) const {
  return LinkToken(dossier_id, expires, key_);
}

int Service::CountDeviceToday(const std::string& hash, const std::string& day) {
  std::lock_guard lock(day_mu_);
  if (day != day_) {
    device_today_.clear();
    day_ = day;
  }
  if (device_today_.size() > 100000) device_today_.clear();  // bounded memory
  return ++device_today_[hash];
}

// ---- citizens ----

Service::OfficialCard Service::OfficialOf(const std::string& token) {
  const auto id = OfficialOfToken(token, key_);
  if (!id) throw NotFound("ratings.bad_token");
  auto card = db_.read([&](db::Conn& c) -> std::optional<OfficialCard> {
    auto o = org::repo::OfficialById(c, *id);
    if (!o || !o->active) return std::nullopt;
    return OfficialCard{
        o->id, o->full_name, o->position, o->unit_name, o->unit_path, token, SettingsAt(c, o->unit_path)};
  });
  if (!card) throw NotFound("ratings.bad_token");
  return *card;
}

Service::LinkTarget Service::LinkOf(const std::string& token) {
  const auto check = CheckLinkToken(token, Now(), key_);
  if (check.result == LinkCheck::kBad) throw NotFound("ratings.bad_link");
  if (check.result == LinkCheck::kExpired) throw AppError(ErrorKind::kConflict, "ratings.link_expired");
  auto t = db_.read([&](db::Conn& c) -> std::optional<LinkTarget> {
    auto code = repo::DossierCode(c, check.dossier_id);
    if (!code) return std::nullopt;
    auto d = desk::repo::DossierByCode(c, *code);
    if (!d) return std::nullopt;
    if (repo::DossierRated(c, d->id)) throw AppError(ErrorKind::kConflict, "ratings.already_rated");
    auto o = org::repo::OfficialById(c, d->received_by);
    auto u = org::repo::UnitById(c, d->unit_id);
    return LinkTarget{
        d->id, d->code, d->procedure_name, o ? o->full_name : "", u ? u->name : "", SettingsAt(c, d->unit_path)};
  });
  if (!t) throw NotFound("ratings.bad_link");
  return *t;
}

Service::Binding Service::OfficialBinding(db::Conn& c, int64_t official_id) {
  auto o = org::repo::OfficialProfile(c, official_id);
  if (!o) throw NotFound("ratings.bad_token");
  Binding b;
  b.official_id = o->id;
  b.official_name = o->full_name;
  b.unit_id = o->unit_id;
  b.unit_path = o->unit_path;
  b.unit_code = o->unit_code;
  b.unit_name = o->unit_name;
  b.settings = SettingsAt(c, b.unit_path);
  return b;
}

Service::Submitted Service::Submit(const RatingInput& raw, const Sender& sender) {
  const SysSeconds now = Now();
  std::optional<Rating> prior;  // a repeat of a stored rating (same client key): answered as it was
  Binding b;
  if (raw.source == "kiosk" && raw.official_id && !raw.dossier_id && raw.dossier_code.empty()) {
    // A desk tablet's rating of its official: the binding is kept between
    // ratings, and a repeat is found by the write (no read transaction here).
    b = officials_.get(std::to_string(raw.official_id),
                       [&](db::Conn& c) { return OfficialBinding(c, raw.official_id); });
  } else {
    b = db_.read([&](db::Conn& c) {
      if (!raw.client_key.empty() && raw.client_key.size() <= kMaxClientKey &&
          (prior = repo::RatingByClientKey(c, raw.client_key)))
        return Binding{};
      std::optional<desk::Dossier> d;
      if (raw.dossier_id) {
        if (auto code = repo::DossierCode(c, raw.dossier_id)) d = desk::repo::DossierByCode(c, *code);
        if (!d) throw NotFound("ratings.bad_link");
      } else if (!raw.dossier_code.empty()) {
        if (raw.dossier_code.size() <= 40) d = desk::repo::DossierByCode(c, raw.dossier_code);
        if (!d) throw BadInput("ratings.unknown_dossier", "dossier_code");
      }
      if (!d) {
        if (!raw.official_id) throw NotFound("ratings.bad_token");
        return OfficialBinding(c, raw.official_id);
      }
      std::optional<org::Official> o =
          org::repo::OfficialProfile(c, raw.official_id ? raw.official_id : d->received_by);
      if (!o) throw NotFound("ratings.bad_token");
      if (raw.source != "link" && !std::string_view(d->unit_path).starts_with(o->unit_path) &&
          d->received_by != o->id && d->assignee_id != o->id)
        throw BadInput("ratings.dossier_not_official", "dossier_code");
      Binding b;
      b.official_id = o->id;
      b.official_name = o->full_name;
      b.dossier_id = d->id;
      b.dossier_code = d->code;
      b.unit_id = d->unit_id;
      b.unit_path = d->unit_path;
      b.unit_code = d->unit_code;
      b.unit_name = d->unit_id == o->unit_id ? o->unit_name : org::repo::UnitById(c, d->unit_id)->name;
      b.procedure_id = d->procedure_id;
      b.settings = SettingsAt(c, b.unit_path);
      return b;
    });
  }
  if (prior) return {*prior, false};
  const RatingInput in = Checked(raw, b.settings.scale);

  Rating r;
  r.unit_id = b.unit_id;
  r.unit_code = b.unit_code;
  r.unit_name = b.unit_name;
  r.official_id = b.official_id;
  r.official_name = b.official_name;
  r.dossier_id = b.dossier_id;
  r.dossier_code = b.dossier_code;
  r.procedure_id = b.procedure_id;
  if (in.device_id) r.device_id = in.device_id;
  r.scale = b.settings.scale;
  r.level = in.level;
  r.reasons = in.reasons;
  r.comment = in.comment;
  r.source = in.source;
  r.client_key = in.client_key;
  r.day = LocalDay(now);
  r.at = FormatUtc(now);

  if (!r.dossier_id && r.source != "kiosk") {
    // Unbound: rate limits per address and device (hashed, in memory only) and the anomaly marks.
    const std::string address_hash = Sha256Hex("addr:" + sender.address);
    const std::string device_hash = sender.device.empty() ? "" : Sha256Hex("dev:" + sender.device);
    if (!per_address_.allow(address_hash, now) || (!device_hash.empty() && !per_device_.allow(device_hash, now)))
      throw AppError(ErrorKind::kTooMany, "ratings.too_many");
    const int device_today = device_hash.empty() ? 0 : CountDeviceToday(device_hash, r.day);
    const auto [staff, recent] = db_.read([&](db::Conn& c) {
      return std::pair{repo::StaffAddress(c, b.unit_path, sender.address),
                       repo::UnboundSince(c, r.official_id, FormatUtc(now - kBurstWindow))};
    });
    r.flag = AnomalyOf(staff, device_today, static_cast<int>(recent) + 1);
  }

  try {
    return db_.write([&](db::Conn& c) -> Submitted {
      if (!r.client_key.empty())
        if (auto prior = repo::RatingByClientKey(c, r.client_key)) return {*prior, false};
      if (r.dossier_id && repo::DossierRated(c, *r.dossier_id))
        throw AppError(ErrorKind::kConflict, "ratings.already_rated");
      r.id = repo::InsertRating(c, r);
      repo::AddCounts(c, r);
      events::Append(c, events::Event{std::nullopt, "citizen", r.unit_id, "rating", std::to_string(r.id), "create", "",
                                      EventJson(r)});
      return {r, true};
    });
  } catch (const db::ConstraintError&) {
    // A concurrent duplicate committed first: the same client key, or the same dossier.
    if (!r.client_key.empty())
      if (auto prior = db_.read([&](db::Conn& c) { return repo::RatingByClientKey(c, r.client_key); }))
        return {*prior, false};
    throw AppError(ErrorKind::kConflict, "ratings.already_rated");
  }
}

// ---- tablets ----

Service::Pairing Service::CreatePairing(const Principal& p, const std::string& unit_code, const std::string& name) {
  std::string clean;
  try {
    clean = text::Clean("name", name, 80, true);
  } catch (const AppError&) {
    throw BadInput("ratings.bad_device_name", "name", {{"max", "80"}});
  }
  const SysSeconds now = Now();
  for (int attempt = 0;; ++attempt) {
    const std::string code = std::to_string(100000 + randombytes_uniform(900000));
    try {
      Device d = db_.write([&](db::Conn& c) {
        auto u = UnitOf(c, UnitCodeOr(p, unit_code));
        if (!Desk(p, u.path)) throw Forbidden();
        Device d;
        d.unit_id = u.id;
        d.official_id = p.official_id;
        d.name = clean;
        d.created_at = FormatUtc(now);
        d.pairing_expires = FormatUtc(now + kPairingLife);
        d.id = repo::InsertDevice(c, d, Sha256Hex("pair:" + code));
        events::Append(c, events::By(p, u.id, "rating_device", std::to_string(d.id), "create", "",
                                     boost::json::serialize(boost::json::object{{"name", clean}})));
        return *repo::DeviceById(c, d.id);
      });
      return {d, code};
    } catch (const db::ConstraintError&) {
      if (attempt >= 3) throw;  // an unlikely clash of codes: try another
    }
  }
}

std::string Service::Pair(const std::string& code, const std::string& address) {
  const SysSeconds now = Now();
  const std::string who = Sha256Hex("pair-addr:" + address);
  if (wrong_pairings_.exhausted(who, now)) throw AppError(ErrorKind::kTooMany, "ratings.too_many_pairings");
  std::string digits;
  for (char ch : code)
    if (ch >= '0' && ch <= '9') digits += ch;
  if (digits.size() != 6) {
    wrong_pairings_.record(who, now);
    throw BadInput("ratings.bad_pairing", "code");
  }
  std::string token = auth::RandomToken(32);
  const bool ok = db_.write([&](db::Conn& c) {
    auto d = repo::DeviceByPairing(c, Sha256Hex("pair:" + digits));
    if (!d || d->pairing_expires.empty() || d->pairing_expires < FormatUtc(now)) return false;
    if (!repo::Pair(c, d->id, Sha256Hex("device:" + token), FormatUtc(now))) return false;
    events::Append(
        c, events::Event{std::nullopt, "kiosk", d->unit_id, "rating_device", std::to_string(d->id), "pair", "", "{}"});
    return true;
  });
  if (!ok) {
    wrong_pairings_.record(who, now);
    throw BadInput("ratings.bad_pairing", "code");
  }
  return token;
}

Device Service::DeviceOfToken(const std::string& token) {
  if (token.empty() || token.size() > 100) throw AppError(ErrorKind::kUnauthorized, "ratings.kiosk_unpaired");
  const std::string hash = Sha256Hex("device:" + token);
  auto d = devices_.get(hash, [&](db::Conn& c) { return repo::DeviceByToken(c, hash); });
  if (!d || !d->paired()) throw AppError(ErrorKind::kUnauthorized, "ratings.kiosk_unpaired");
  return *d;
}

void Service::Revoke(const Principal& p, int64_t device_id) {
  const std::string now = NowUtcText();
  db_.write([&](db::Conn& c) {
    auto d = repo::DeviceById(c, device_id);
    if (!d) throw NotFound("ratings.device_not_found");
    auto u = org::repo::UnitById(c, d->unit_id);
    if (!u || !Desk(p, u->path)) throw Forbidden();
    if (repo::Revoke(c, device_id, now))
      events::Append(c, events::By(p, d->unit_id, "rating_device", std::to_string(d->id), "revoke", "", "{}"));
  });
}

Device Service::DeviceFor(const Principal& p, int64_t device_id) {
  return db_.read([&](db::Conn& c) {
    auto d = repo::DeviceById(c, device_id);
    if (!d) throw NotFound("ratings.device_not_found");
    auto u = org::repo::UnitById(c, d->unit_id);
    if (!u || !Desk(p, u->path)) throw Forbidden();
    return *d;
  });
}

std::vector<Device> Service::Devices(const Principal& p, const std::string& unit_code) {
  return db_.read([&](db::Conn& c) {
    auto u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!Desk(p, u.path)) throw Forbidden();
    return repo::DevicesUnder(c, u.path);
  });
}

KioskState Service::KioskStateOf(const std::string& token) {
  const Device d = DeviceOfToken(token);
  const SysSeconds now = Now();
  return db_.read([&](db::Conn& c) {
    KioskState s;
    s.device_id = d.id;
    s.official_name = d.official_name;
    auto u = org::repo::UnitById(c, d.unit_id);
    s.unit_name = u ? u->name : "";
    s.settings = SettingsAt(c, u ? u->path : "/");
    if (auto photo = org::Service::FindPhoto(c, d.official_id)) s.official_photo_version = photo->version();
    if (auto id = repo::LatestInvited(c, d.official_id, FormatUtc(now - kInviteWindow))) {
      if (auto code = repo::DossierCode(c, *id)) {
        if (auto dossier = desk::repo::DossierByCode(c, *code)) {
          s.dossier_id = dossier->id;
          s.dossier_code = dossier->code;
          s.procedure_name = dossier->procedure_name;
        }
      }
    }
    return s;
  });
}

org::PhotoFile Service::KioskPhoto(const std::string& token) {
  const Device d = DeviceOfToken(token);
  auto f = db_.read([&](db::Conn& c) { return org::Service::FindPhotoFile(c, d.official_id); });
  if (!f) throw NotFound("org.photo.not_found");
  return std::move(*f);
}

void Service::Invite(const Principal& p, const std::string& dossier_code) {
  const std::string now = NowUtcText();
  db_.write([&](db::Conn& c) {
    auto d = desk::repo::DossierByCode(c, dossier_code);
    if (!d) throw NotFound("desk.dossier_not_found");
    if (!auth::Covers(p, d->unit_path, {Role::kAdmin, Role::kLeader, Role::kDesk, Role::kSpecialist}))
      throw Forbidden();
    if (repo::DossierRated(c, d->id)) throw AppError(ErrorKind::kConflict, "ratings.already_rated");
    repo::InsertInvite(c, p.official_id, d->id, now);
  });
}

// ---- officials ----

Report Service::ReportOf(const Principal& p, const ReportQuery& q0) {
  ReportQuery q = q0;
  Problems pr;
  pr.check([&] {
    if (q.by != "official" && q.by != "unit" && q.by != "procedure" && q.by != "month")
      throw BadInput("ratings.bad_by", "by");
  });
  // By default this month, all of it: whole months read the monthly counters.
  const std::string today = TodayLocalIso();
  if (q.to.empty()) {
    const auto t = std::chrono::year_month_day{*ParseIsoDate(today)};
    q.to = FormatIsoDate(std::chrono::sys_days{t.year() / t.month() / std::chrono::last});
  }
  if (q.from.empty()) q.from = q.to.substr(0, 8) + "01";
  pr.check([&] {
    if (!ParseIsoDate(q.from)) throw BadInput("ratings.bad_date", "from");
  });
  pr.check([&] {
    if (!ParseIsoDate(q.to)) throw BadInput("ratings.bad_date", "to");
  });
  pr.raise_if_any();
  if (q.from > q.to) throw BadInput("ratings.bad_period", "to");
  if ((*ParseIsoDate(q.to) - *ParseIsoDate(q.from)).count() > kMaxReportDays)
    throw BadInput("ratings.bad_period", "to");
  if (q.minimum < 1 || q.minimum > 100000) q.minimum = stats::kDefaultMinimumAnswers;

  return db_.read([&](db::Conn& c) {
    auto u = UnitOf(c, UnitCodeOr(p, q.unit_code));
    if (!Reads(p, u.path)) throw Forbidden();
    q.unit_code = u.code;
    Report rep;
    rep.query = q;
    rep.unit_name = u.name;
    std::map<std::string, ReportLine> lines;
    auto key_of = [&](const repo::CountRow& r) -> std::pair<std::string, std::string> {
      if (q.by == "unit") return {r.unit_code, r.unit_name};
      if (q.by == "month") return {r.day.substr(0, 7), r.day.substr(5, 2) + "/" + r.day.substr(0, 4)};
      if (q.by == "procedure") return {std::to_string(r.procedure_id), ""};
      return {std::to_string(r.official_id), ""};
    };
    auto line = [&](const repo::CountRow& r) -> ReportLine& {
      auto [key, label] = key_of(r);
      auto& l = lines[key];
      if (l.key.empty()) {
        l.key = key;
        l.label = label;
        l.counts.assign(5, 0);
        l.reasons.assign(5, 0);
      }
      return l;
    };
    rep.total.counts.assign(5, 0);
    rep.total.reasons.assign(5, 0);
    // Whole months from the monthly counters (by procedure or by official), the loose days from the daily ones.
    const desk::StatsSpans spans = desk::SplitPeriod({q.from, q.to});
    std::vector<repo::CountRow> levels, reasons;
    auto append = [](std::vector<repo::CountRow>& to, std::vector<repo::CountRow> rows) {
      to.insert(to.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    };
    const repo::SumBy by = q.by == "unit"        ? repo::SumBy::kUnit
                           : q.by == "month"     ? repo::SumBy::kMonth
                           : q.by == "procedure" ? repo::SumBy::kProcedure
                                                 : repo::SumBy::kOfficial;
    if (!spans.months_from.empty()) {
      levels = repo::MonthLevelSums(c, u.path, spans.months_from, spans.months_to, by);
      reasons = repo::MonthReasonSums(c, u.path, spans.months_from, spans.months_to, by);
    }
    for (const auto& [from, to] : spans.days) {
      append(levels, repo::LevelSums(c, u.path, from, to, by));
      append(reasons, repo::ReasonSums(c, u.path, from, to, by));
    }
    for (const auto& r : levels) {
      const int i = LevelIndex(r.key);
      if (i < 0) continue;
      auto& l = line(r);
      l.counts[i] += r.n;
      l.total += r.n;
      rep.total.counts[i] += r.n;
      rep.total.total += r.n;
    }
    // Reasons are counted per official, not per procedure: a report by procedure shows them in the total only.
    for (const auto& r : reasons) {
      const int i = ReasonIndex(r.key);
      if (i < 0) continue;
      if (q.by != "procedure") line(r).reasons[i] += r.n;
      rep.total.reasons[i] += r.n;
    }
    auto finish = [&](ReportLine& l) {
      l.satisfied = stats::WilsonShare(l.counts[0] + l.counts[1], l.total, q.minimum);
      l.shares.clear();
      for (int i = 0; i < 5; ++i) l.shares.push_back(stats::WilsonShare(l.counts[i], l.total, q.minimum));
    };
    for (auto& [key, l] : lines) {
      if (l.label.empty()) {
        const int64_t id = std::stoll(key);
        if (q.by == "official") {
          auto n = desk::repo::OfficialLabel(c, id);
          l.label = n ? n->name : key;
        } else if (id == 0) {
          l.label = "";  // no procedure (a rating without a dossier): named by the page
        } else {
          auto n = desk::repo::ProcedureLabel(c, id);
          l.label = n ? n->code + " " + n->name : key;
        }
      }
      finish(l);
      rep.lines.push_back(std::move(l));
    }
    finish(rep.total);
    return rep;
  });
}

std::vector<Rating> Service::Flagged(const Principal& p, const std::string& unit_code) {
  return db_.read([&](db::Conn& c) {
    auto u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!Leads(p, u.path)) throw Forbidden();
    return repo::Flagged(c, u.path, 200);
  });
}

void Service::Review(const Principal& p, int64_t rating_id) {
  db_.write([&](db::Conn& c) {
    auto r = repo::RatingById(c, rating_id);
    if (!r) throw NotFound("ratings.not_found");
    auto u = org::repo::UnitById(c, r->unit_id);
    if (!u || !Leads(p, u->path)) throw Forbidden();
    if (repo::MarkReviewed(c, rating_id, p.official_id))
      events::Append(c, events::By(p, r->unit_id, "rating", std::to_string(r->id), "review", "", "{}"));
  });
}

Service::UnitSettings Service::GetSettings(const Principal& p, const std::string& unit_code) {
  return db_.read([&](db::Conn& c) {
    auto u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!Reads(p, u.path)) throw Forbidden();
    return UnitSettings{u.code, SettingsAt(c, u.path), Leads(p, u.path)};
  });
}

Service::UnitSettings Service::PutSettings(const Principal& p, const std::string& unit_code, const Settings& s) {
  Problems pr;
  pr.check([&] {
    if (!IsScale(s.scale)) throw BadInput("ratings.bad_scale", "scale");
  });
  pr.check([&] {
    if (s.reset_seconds < 5 || s.reset_seconds > 600) throw BadInput("ratings.bad_reset", "reset_seconds");
  });
  pr.check([&] {
    if (s.link_days < 1 || s.link_days > 365) throw BadInput("ratings.bad_link_days", "link_days");
  });
  pr.raise_if_any();
  return db_.write([&](db::Conn& c) {
    auto u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!Leads(p, u.path)) throw Forbidden();
    repo::PutSettings(c, u.id, s);
    events::Append(
        c, events::By(p, u.id, "rating_settings", u.code, "update", "",
                      boost::json::serialize(boost::json::object{
                          {"scale", s.scale}, {"reset_seconds", s.reset_seconds}, {"link_days", s.link_days}})));
    return UnitSettings{u.code, s, true};
  });
}

std::vector<Service::OfficialCard> Service::Cards(const Principal& p, const std::string& unit_code) {
  return db_.read([&](db::Conn& c) {
    auto u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!Desk(p, u.path)) throw Forbidden();
    std::vector<OfficialCard> out;
    for (const auto& n : desk::repo::OfficialsUnder(c, u.path)) {
      auto o = org::repo::OfficialById(c, n.id);
      if (!o || !o->active) continue;
      out.push_back({o->id, o->full_name, o->position, o->unit_name, o->unit_path, OfficialTokenOf(o->id), {}});
    }
    return out;
  });
}

Service::OfficialCard Service::Card(const Principal& p, int64_t official_id) {
  auto card = db_.read([&](db::Conn& c) -> std::optional<OfficialCard> {
    auto o = org::repo::OfficialById(c, official_id);
    if (!o) return std::nullopt;
    if (!Desk(p, o->unit_path) && p.official_id != o->id) throw Forbidden();
    return OfficialCard{o->id, o->full_name, o->position, o->unit_name, o->unit_path, OfficialTokenOf(o->id), {}};
  });
  if (!card) throw NotFound("ratings.official_not_found");
  return *card;
}

}  // namespace fg::ratings
