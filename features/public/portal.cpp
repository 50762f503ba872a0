#include "features/public/portal.h"

#include <boost/json.hpp>

#include "features/feedback/answer_months.h"
#include "features/org/repo.h"
#include "features/public/repo.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::pub {

Portal::PlaceCatalogue Portal::CatalogueOf(const std::string& code) {
  auto place = places_.Find(code);
  if (!place) throw NotFound("public.place_not_found");
  const std::string today = TodayLocalIso();
  PlaceCatalogue out{*place, StatusOn(*place, today), nullptr};
  if (out.status == PlaceStatus::kEnded) {
    out.catalogue = std::make_shared<const Catalogue>(std::vector<desk::Procedure>{}, today);
    return out;
  }
  const auto now = std::chrono::steady_clock::now();
  std::string known;
  {
    std::lock_guard lk(mu_);
    auto it = cache_.find(code);
    if (it != cache_.end() && it->second.day == today) {
      if (now - it->second.checked < check_every_) {
        out.catalogue = it->second.catalogue;
        return out;
      }
      it->second.checked = now;  // the other requests of this second keep it
      if (!Recent(it->second.latest_change)) known = it->second.signature;
    }
  }
  // The state first: a change after it is seen at the next look.
  const auto state = db_.read([](db::Conn& c) { return repo::ProceduresState(c); });
  if (!known.empty() && state.signature == known) {
    std::lock_guard lk(mu_);
    auto it = cache_.find(code);
    if (it != cache_.end() && it->second.signature == known) {
      out.catalogue = it->second.catalogue;
      return out;
    }
  }
  desk::ProcedureQuery q;
  q.unit_code = code;
  auto catalogue = std::make_shared<const Catalogue>(desk_.ExportProcedures(nullptr, q), today);
  std::lock_guard lk(mu_);
  if (cache_.size() >= kMaxCachedPlaces && !cache_.contains(code)) cache_.erase(cache_.begin());
  cache_[code] = {state.signature, state.latest_change, today, now, catalogue};
  out.catalogue = std::move(catalogue);
  return out;
}

std::vector<const desk::Procedure*> Portal::Search(const Catalogue& c, const std::string& query) {
  const std::string q = text::Clean("tim", query, kMaxCatalogueQueryChars, false);
  return c.Search(q);
}

Portal::Directory Portal::DirectoryOf(const std::string& code) {
  auto place = places_.Find(code);
  if (!place) throw NotFound("public.place_not_found");
  Directory out{*place, StatusOn(*place, TodayLocalIso()), {}};
  if (out.status == PlaceStatus::kEnded) return out;
  const auto people = db_.read([&](db::Conn& c) {
    if (auto u = org::Service::FindUnit(c, code)) out.conduct = repo::ConductOf(c, u->id).value_or(Conduct{});
    return repo::ListedOfficials(c, code);
  });
  for (const auto& person : people)
    if (auto e = Published(person)) out.entries.push_back(std::move(*e));
  return out;
}

namespace {

org::Unit ConductUnit(db::Conn& c, const auth::Principal& p, const std::string& unit_code) {
  auto u = org::Service::FindUnit(c, unit_code);
  if (!u) throw NotFound("org.unit_not_found");
  if (!auth::Covers(p, u->path, {auth::Role::kAdmin, auth::Role::kLeader})) throw Forbidden();
  return *u;
}

std::string Json(const Conduct& k) {
  return boost::json::serialize(boost::json::object{{"mottos", k.mottos}, {"code", k.code}});
}

}  // namespace

Portal::ConductView Portal::GetConduct(const auth::Principal& p, const std::string& unit_code) {
  return db_.read([&](db::Conn& c) {
    auto u = ConductUnit(c, p, unit_code);
    auto k = repo::ConductOf(c, u.id).value_or(Conduct{});
    return ConductView{std::move(u), std::move(k)};
  });
}

Conduct Portal::SetConduct(const auth::Principal& p, const std::string& unit_code, const std::string& mottos,
                           const std::string& code) {
  db_.read([&](db::Conn& c) { return ConductUnit(c, p, unit_code); });  // 403/404 before saying what is wrong
  Conduct k = ValidateConduct(mottos, code);
  k.updated_at = NowUtcText();
  db_.write([&](db::Conn& c) {
    const auto u = ConductUnit(c, p, unit_code);
    const auto before = repo::ConductOf(c, u.id);
    repo::PutConduct(c, u.id, k, p.official_id ? std::optional<int64_t>(p.official_id) : std::nullopt);
    events::Append(c, events::By(p, u.id, "unit", u.code, "conduct", before ? Json(*before) : "", Json(k)));
  });
  return k;
}

org::PhotoFile Portal::PublicPhoto(int64_t official_id) {
  auto f = db_.read([&](db::Conn& c) -> std::optional<org::PhotoFile> {
    const auto pub = repo::PublicationOf(c, official_id);
    if (!pub || !pub->listed || !pub->photo) return std::nullopt;
    const auto o = org::Service::FindOfficial(c, official_id);
    if (!o || !o->active) return std::nullopt;
    return org::Service::FindPhotoFile(c, official_id);
  });
  if (!f) throw NotFound("org.photo.not_found");
  return std::move(*f);
}

namespace {

std::string Json(const Publication& p) {
  return boost::json::serialize(boost::json::object{{"listed", p.listed},
                                                    {"position", p.position},
                                                    {"phone", p.phone},
                                                    {"email", p.email},
                                                    {"hours", p.hours},
                                                    {"photo", p.photo},
                                                    {"hours_text", p.hours_text},
                                                    {"sort_order", p.sort_order}});
}

// The official themself, or an administrator covering them.
void AuthorisePublication(const auth::Principal& p, const org::Official& o) {
  if (p.official_id != o.id && !org::CoversOfficial(p, o, {auth::Role::kAdmin})) throw Forbidden();
}

}  // namespace

Portal::PublicationView Portal::GetPublication(const auth::Principal& p, int64_t official_id) {
  auto o = org_.GetOfficial(p, official_id);
  AuthorisePublication(p, o);
  auto pub = db_.read([&](db::Conn& c) { return repo::PublicationOf(c, official_id); });
  return {std::move(o), pub.value_or(Publication{})};
}

Publication Portal::SetPublication(const auth::Principal& p, int64_t official_id, const PublicationInput& in) {
  const auto o = org_.GetOfficial(p, official_id);
  AuthorisePublication(p, o);
  Publication pub = ValidatePublication(in);
  pub.updated_at = NowUtcText();
  db_.write([&](db::Conn& c) {
    const auto before = repo::PublicationOf(c, official_id);
    repo::PutPublication(c, official_id, pub, p.official_id ? std::optional<int64_t>(p.official_id) : std::nullopt,
                         pub.updated_at);
    events::Append(c, events::By(p, o.unit_id, "official", std::to_string(official_id), "publication",
                                 before ? Json(*before) : "", Json(pub)));
  });
  return pub;
}

Portal::Figures Portal::FiguresOf(const std::string& code) {
  auto place = places_.Find(code);
  if (!place) throw NotFound("public.place_not_found");
  Figures out;
  out.place = *place;
  out.today = TodayLocalIso();
  out.status = StatusOn(*place, out.today);
  const std::string year = out.today.substr(0, 4);
  const std::string last_year = std::to_string(std::stoi(year) - 1);
  const std::string from = last_year + "-01-01";
  const auto sys = org::SystemPrincipal();
  std::vector<FigureLine> known;
  desk::StatsQuery q;
  q.unit_code = code;
  q.from = from;
  q.to = out.today;
  q.by = "month";
  for (const auto& line : desk_.Statistics(sys, q).lines) {
    FigureLine f;
    f.key = line.key;
    f.received = line.f.n.received;
    f.resolved = line.f.resolved();
    f.resolved_on_time = line.f.n.resolved_early + line.f.n.resolved_on_time;
    known.push_back(std::move(f));
  }
  ratings::ReportQuery rq;
  rq.unit_code = code;
  rq.from = from;
  rq.to = out.today;
  rq.by = "month";
  for (const auto& line : ratings_.ReportOf(sys, rq).lines) {
    FigureLine f;
    f.key = line.key;
    f.ratings = line.total;
    f.satisfied = line.satisfied.count;
    known.push_back(std::move(f));
  }
  db_.read([&](db::Conn& c) {
    const auto unit = org::repo::UnitByCode(c, code);
    if (!unit) return;
    for (const auto& m : feedback::repo::AnswerMonths(c, unit->path, from.substr(0, 7), out.today.substr(0, 7))) {
      FigureLine f;
      f.key = m.month;
      f.answered = m.answered;
      f.answered_on_time = m.on_time;
      known.push_back(std::move(f));
    }
  });
  out.months = FillMonths(known, from.substr(0, 7), out.today.substr(0, 7));
  out.this_month = SumFigures(out.months, out.today.substr(0, 7), "month");
  out.this_year = SumFigures(out.months, year, "year");
  return out;
}

}  // namespace fg::pub
