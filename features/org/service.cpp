#include "features/org/service.h"

#include <algorithm>
#include <tuple>

#include <boost/json.hpp>

#include "features/accounts/service.h"
#include "features/org/csv.h"
#include "features/org/json.h"
#include "features/org/repo.h"
#include "features/org/rules.h"
#include "platform/auth/crypto.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::org {
namespace {

using auth::Principal;
using auth::Role;

void RequireAdminOn(const Principal& p, const std::string& path) {
  if (!auth::Covers(p, path, {Role::kAdmin})) throw Forbidden();
}

void RequireAdminOver(const Principal& p, const Official& o) {
  if (!CoversOfficial(p, o, {Role::kAdmin})) throw Forbidden();
}

std::string Json(const Unit& u) { return boost::json::serialize(ToJson(u)); }
std::string Json(const Official& o) { return boost::json::serialize(ToJson(o)); }

// Resolves a draft's references and checks the principal may put it there:
// admin over a new or changed parent and a new or changed successor.
Unit Resolve(db::Conn& c, const Principal& p, const UnitDraft& d, const Unit* before) {
  const bool check_placement = !before || d.parent_code != before->parent_code;
  Unit u;
  u.code = d.code;
  u.name = d.name;
  u.level = d.level;
  u.valid_from = d.valid_from;
  u.valid_to = d.valid_to;
  std::optional<Level> parent_level;
  if (!d.parent_code.empty()) {
    auto parent = repo::PlacementByCode(c, d.parent_code);
    if (!parent) throw BadInput("org.unknown_parent", "parent_code", {{"code", d.parent_code}});
    if (check_placement) RequireAdminOn(p, parent->path);
    u.parent_id = parent->id;
    u.parent_code = d.parent_code;
    u.path = parent->path;  // the parent's; the unit's own is derived on insert
    parent_level = parent->level;
  } else if (check_placement) {
    RequireAdminOn(p, "/");
  }
  if (!ParentAllowed(d.level, parent_level)) throw BadInput("org.bad_parent_level", "parent_code");
  if (!d.successor_code.empty()) {
    auto s = repo::UnitByCode(c, d.successor_code);
    if (!s) throw BadInput("org.unknown_successor", "successor_code", {{"code", d.successor_code}});
    if (s->code == d.code) throw BadInput("org.parent_cycle", "successor_code");
    if (!before || before->successor_code != s->code) RequireAdminOn(p, s->path);
    u.successor_id = s->id;
    u.successor_code = s->code;
  }
  return u;
}

Unit CreateIn(db::Conn& c, const Principal& p, const UnitDraft& d) {
  if (repo::CodeTaken(c, d.code)) throw AppError(ErrorKind::kConflict, "org.code_taken", "code", {{"code", d.code}});
  Unit u = Resolve(c, p, d, nullptr);
  repo::InsertUnit(c, u);  // completes `u` as stored: no re-read
  events::Append(c, events::By(p, u.id, "unit", u.code, "create", "", Json(u)));
  return u;
}

Unit UpdateIn(db::Conn& c, const Principal& p, const Unit& before, const UnitDraft& d) {
  RequireAdminOn(p, before.path);
  Unit u = Resolve(c, p, d, &before);
  u.id = before.id;
  if (u.parent_id != before.parent_id) {
    std::string new_parent_path = u.parent_id ? repo::UnitById(c, *u.parent_id)->path : "/";
    if (new_parent_path.rfind(before.path, 0) == 0) throw BadInput("org.parent_cycle", "parent_code");
    repo::RepathSubtree(c, before.path, new_parent_path + std::to_string(before.id) + "/");
  }
  repo::UpdateUnit(c, u);
  Unit saved = *repo::UnitById(c, u.id);
  events::Append(c, events::By(p, saved.id, "unit", saved.code, "update", Json(before), Json(saved)));
  return saved;
}

}  // namespace

Principal SystemPrincipal() {
  Principal p;
  p.username = "system";
  p.full_name = "system";
  p.grants.push_back({0, Role::kAdmin, 0, "/", "", ""});
  return p;
}

std::vector<Unit> Service::ListUnits(const Principal& p, const std::optional<std::string>& at) {
  if (at && !IsIsoDate(*at)) throw BadInput("error.bad_date", "at");
  return db_.read([&](db::Conn& c) {
    std::vector<Unit> out;
    for (auto& root : auth::Roots(p))
      for (auto& u : repo::UnitsUnder(c, root))
        if (!at || InForce(u, *at)) out.push_back(std::move(u));
    return out;
  });
}

Unit Service::GetUnit(const Principal& p, const std::string& code) {
  auto u = db_.read([&](db::Conn& c) { return repo::UnitByCode(c, code); });
  if (!u) throw NotFound("org.unit_not_found");
  if (!auth::Covers(p, u->path)) throw Forbidden();
  return *u;
}

std::optional<Unit> Service::PublicUnit(const std::string& code) {
  return db_.read([&](db::Conn& c) { return repo::UnitByCode(c, code); });
}

Unit Service::CreateUnit(const Principal& p, const UnitInput& in) {
  if (!auth::HasRole(p, Role::kAdmin)) throw Forbidden();  // before saying what is wrong with the input
  UnitDraft d = ValidateUnit(in, TodayLocalIso());
  return db_.write([&](db::Conn& c) { return CreateIn(c, p, d); });
}

Unit Service::UpdateUnit(const Principal& p, const std::string& code, const UnitInput& in) {
  return PatchUnit(p, code, [&in](const Unit&) { return in; });
}

Unit Service::PatchUnit(const Principal& p, const std::string& code, const UnitMerge& merge) {
  const std::string today = TodayLocalIso();
  return db_.write([&](db::Conn& c) {
    repo::LockUnit(c, code);
    auto before = repo::UnitByCode(c, code);
    if (!before) throw NotFound("org.unit_not_found");
    RequireAdminOn(p, before->path);
    UnitDraft d = ValidateUnit(merge(*before), today);
    if (d.code != code) throw BadInput("org.code_immutable", "code");
    return UpdateIn(c, p, *before, d);
  });
}

ImportResult Service::ImportCsv(const Principal& p, std::string_view csv) {
  const std::vector<UnitDraft> drafts = ReadUnitsCsv(csv, TodayLocalIso());
  return db_.write([&](db::Conn& c) {
    ImportResult res;
    for (size_t i = 0; i < drafts.size(); ++i) {
      try {
        // Successors may come later in the file: set them in a second pass.
        UnitDraft d = drafts[i];
        d.successor_code.clear();
        if (auto before = repo::UnitByCode(c, d.code)) {
          UpdateIn(c, p, *before, d);
          ++res.updated;
        } else {
          CreateIn(c, p, d);
          ++res.created;
        }
      } catch (const AppError& e) {
        // A refusal stays a refusal (403), not a bad row (400).
        if (e.kind() == ErrorKind::kForbidden) throw;
        throw BadInput("org.csv_row", e.field(),
                       {{"line", std::to_string(i + 2)}, {"reason", render::Text(e.key(), e.args())}});
      }
    }
    for (auto& d : drafts)
      if (!d.successor_code.empty()) UpdateIn(c, p, *repo::UnitByCode(c, d.code), d);
    return res;
  });
}

std::string Service::ExportCsv(const Principal& p) {
  std::string out = "code,name,level,parent_code,valid_from,valid_to,successor_code\r\n";
  for (auto& u : ListUnits(p)) {
    for (const std::string* f : {&u.code, &u.name}) {
      AppendCsvField(out, *f);
      out += ',';
    }
    AppendCsvField(out, LevelName(u.level));
    out += ',';
    AppendCsvField(out, u.parent_code);
    out += ',';
    AppendCsvField(out, u.valid_from);
    out += ',';
    AppendCsvField(out, u.valid_to.value_or(""));
    out += ',';
    AppendCsvField(out, u.successor_code);
    out += "\r\n";
  }
  return out;
}

Counts Service::CountsFor(const Principal& p) {
  std::string today = TodayLocalIso();
  return db_.read([&](db::Conn& c) {
    Counts total;
    for (auto& root : auth::Roots(p)) {
      Counts n = repo::CountUnder(c, root, today);
      total.units += n.units;
      total.units_in_force += n.units_in_force;
      total.provinces += n.provinces;
      total.districts += n.districts;
      total.communes += n.communes;
      total.officials += n.officials;
      total.active_officials += n.active_officials;
    }
    return total;
  });
}

std::vector<Official> Service::ListOfficials(const Principal& p) {
  auto roots = auth::Roots(p, {Role::kAdmin, Role::kLeader});
  if (roots.empty()) throw Forbidden();
  return db_.read([&](db::Conn& c) {
    std::vector<Official> out;
    for (auto& root : roots)
      for (auto& o : repo::OfficialsUnder(c, root))
        if (CoversOfficial(p, o, {Role::kAdmin, Role::kLeader})) out.push_back(std::move(o));
    return out;
  });
}

Official Service::GetOfficial(const Principal& p, int64_t id) {
  auto o = db_.read([&](db::Conn& c) { return repo::OfficialById(c, id); });
  if (!o) throw NotFound("org.official_not_found");
  if (!CoversOfficial(p, *o, {Role::kAdmin, Role::kLeader}) && p.official_id != id) throw Forbidden();
  return *o;
}

Official Service::CreateOfficial(const Principal& p, const OfficialInput& in,
                                 const std::vector<std::pair<std::string, std::string>>& roles, bool demo_password) {
  if (!auth::HasRole(p, Role::kAdmin)) throw Forbidden();  // before saying what is wrong with the input
  Official o;
  Problems problems;
  o.username = problems.check([&] {
    auto u = text::Clean("username", in.username, 40, true);
    ValidateUsername(u);
    return u;
  });
  o.full_name = problems.check([&] { return text::Clean("full_name", in.full_name, 120, true); });
  o.position = problems.check([&] { return text::Clean("position", in.position, 120, false); });
  o.phone = problems.check([&] { return ValidatePhone(in.phone); });
  o.email = problems.check([&] { return ValidateEmail(in.email); });
  o.active = in.active.value_or(true);
  const bool is_demo = demo_password && in.password == "demo";
  if (!is_demo) problems.check([&] { ValidatePassword(in.password); });
  std::string unit_code = problems.check([&] { return text::Clean("unit_code", in.unit_code, 20, true); });
  std::vector<std::pair<Role, std::string>> grants;
  for (const auto& role_on_unit : roles) {
    problems.check([&] {
      auto r = auth::ParseRole(role_on_unit.first);
      if (!r) throw BadInput("org.bad_role", "roles");
      const std::string& code = role_on_unit.second;
      grants.emplace_back(*r, code.empty() ? unit_code : text::Clean("roles", code, 20, true));
    });
  }
  problems.raise_if_any();
  std::string hash = auth::HashPassword(in.password);  // slow: outside the write
  return db_.write([&](db::Conn& c) {
    auto unit = repo::UnitByCode(c, unit_code);
    if (!unit) throw BadInput("org.unknown_unit", "unit_code", {{"code", unit_code}});
    RequireAdminOn(p, unit->path);
    if (repo::OfficialByUsername(c, o.username))
      throw AppError(ErrorKind::kConflict, "org.username_taken", "username", {{"username", o.username}});
    o.unit_id = unit->id;
    o.id = repo::InsertOfficial(c, o, hash, is_demo);
    for (auto& [role, code] : grants) {
      auto gu = repo::UnitByCode(c, code);
      if (!gu) throw BadInput("org.unknown_unit", "roles", {{"code", code}});
      RequireAdminOn(p, gu->path);
      repo::InsertGrant(c, o.id, gu->id, role);
    }
    Official saved = *repo::OfficialById(c, o.id);
    events::Append(c, events::By(p, saved.unit_id, "official", std::to_string(saved.id), "create", "", Json(saved)));
    return saved;
  });
}

Official Service::UpdateOfficial(const Principal& p, int64_t id, const OfficialInput& in) {
  return PatchOfficial(p, id, [&in](const Official&) { return in; });
}

Official Service::PatchOfficial(const Principal& p, int64_t id, const OfficialMerge& merge) {
  return db_.write([&](db::Conn& c) {
    repo::LockOfficial(c, id);
    auto before = repo::OfficialById(c, id);
    if (!before) throw NotFound("org.official_not_found");
    RequireAdminOver(p, *before);
    const OfficialInput in = merge(*before);
    Official o = *before;
    Problems problems;
    o.full_name = problems.check([&] { return text::Clean("full_name", in.full_name, 120, true); });
    o.position = problems.check([&] { return text::Clean("position", in.position, 120, false); });
    o.phone = problems.check([&] { return ValidatePhone(in.phone); });
    o.email = problems.check([&] { return ValidateEmail(in.email); });
    const std::string unit_code = problems.check([&] { return text::Clean("unit_code", in.unit_code, 20, true); });
    problems.raise_if_any();
    if (unit_code != o.unit_code) {
      auto unit = repo::UnitByCode(c, unit_code);
      if (!unit) throw BadInput("org.unknown_unit", "unit_code", {{"code", unit_code}});
      RequireAdminOn(p, unit->path);
      o.unit_id = unit->id;
    }
    if (in.active) {
      if (!*in.active && id == p.official_id) throw BadInput("org.cannot_deactivate_self", "active");
      o.active = *in.active;
    }
    repo::UpdateOfficial(c, o);
    Official saved = *repo::OfficialById(c, id);
    events::Append(c,
                   events::By(p, saved.unit_id, "official", std::to_string(id), "update", Json(*before), Json(saved)));
    // A later re-activation must not revive what the official had before.
    if (before->active && !saved.active) accounts::Service::EndAccess(c, p, id);
    return saved;
  });
}

Official Service::AddGrant(const Principal& p, int64_t official_id, const std::string& unit_code_in,
                           const std::string& role) {
  auto r = auth::ParseRole(role);
  if (!r) throw BadInput("org.bad_role", "role");
  const std::string unit_code = text::Clean("unit_code", unit_code_in, 20, true);
  return db_.write([&](db::Conn& c) {
    auto before = repo::OfficialById(c, official_id);
    if (!before) throw NotFound("org.official_not_found");
    RequireAdminOver(p, *before);
    auto unit = repo::UnitByCode(c, unit_code);
    if (!unit) throw BadInput("org.unknown_unit", "unit_code", {{"code", unit_code}});
    RequireAdminOn(p, unit->path);  // the granted role's unit
    for (auto& g : before->grants)
      if (g.unit_id == unit->id && g.role == *r) throw AppError(ErrorKind::kConflict, "org.grant_exists", "role");
    repo::InsertGrant(c, official_id, unit->id, *r);
    Official saved = *repo::OfficialById(c, official_id);
    events::Append(
        c, events::By(p, unit->id, "official", std::to_string(official_id), "grant", Json(*before), Json(saved)));
    return saved;
  });
}

Official Service::RemoveGrant(const Principal& p, int64_t official_id, int64_t grant_id) {
  return db_.write([&](db::Conn& c) {
    auto before = repo::OfficialById(c, official_id);
    if (!before) throw NotFound("org.official_not_found");
    auto it = std::find_if(before->grants.begin(), before->grants.end(), [&](auto& g) { return g.id == grant_id; });
    if (it == before->grants.end()) throw NotFound("org.grant_not_found");
    RequireAdminOver(p, *before);  // covers the grant's unit too
    if (official_id == p.official_id && it->role == Role::kAdmin) throw BadInput("org.cannot_revoke_self", "role");
    repo::DeleteGrant(c, official_id, grant_id);
    Official saved = *repo::OfficialById(c, official_id);
    events::Append(
        c, events::By(p, it->unit_id, "official", std::to_string(official_id), "revoke", Json(*before), Json(saved)));
    return saved;
  });
}

bool CoversOfficial(const Principal& p, const Official& o, std::initializer_list<Role> roles) {
  return auth::Covers(p, o.unit_path, roles) &&
         std::all_of(o.grants.begin(), o.grants.end(),
                     [&](const auth::Grant& g) { return auth::Covers(p, g.unit_path, roles); });
}

std::optional<Unit> Service::FindUnit(db::Conn& c, const std::string& code) { return repo::UnitByCode(c, code); }

std::optional<Official> Service::FindOfficial(db::Conn& c, int64_t id) { return repo::OfficialById(c, id); }

std::vector<Official> Service::Covering(db::Conn& c, const std::string& unit_path,
                                        std::initializer_list<auth::Role> roles) {
  std::vector<Official> out;
  for (int64_t id : repo::OfficialsGrantedOver(c, unit_path)) {
    auto o = repo::OfficialById(c, id);
    if (!o) continue;
    auth::Principal as;
    as.grants = o->grants;
    if (auth::Covers(as, unit_path, roles)) out.push_back(std::move(*o));
  }
  std::sort(out.begin(), out.end(), [](const Official& a, const Official& b) {
    return std::tie(a.full_name, a.id) < std::tie(b.full_name, b.id);
  });
  return out;
}

bool Service::AdministersWholeTree(db::Conn& c, const Principal& p) {
  if (auth::Covers(p, "/", {Role::kAdmin})) return true;  // a grant on "/": the system principal
  auto roots = repo::RootPaths(c, 2);
  return roots.size() == 1 && auth::Covers(p, roots.front(), {Role::kAdmin});
}

std::optional<Principal> Service::LoadPrincipal(db::Conn& c, int64_t official_id) {
  auto o = repo::OfficialById(c, official_id);
  if (!o || !o->active) return std::nullopt;
  Principal p;
  p.official_id = o->id;
  p.username = o->username;
  p.full_name = o->full_name;
  p.unit_id = o->unit_id;
  p.grants = o->grants;
  return p;
}

// ---- photos ----

namespace {

std::string PhotoJson(const std::optional<Photo>& p) {
  if (!p) return "";
  return boost::json::serialize(boost::json::object{
      {"mime", p->mime}, {"width", p->width}, {"height", p->height}, {"size", p->size}, {"sha256", p->sha256}});
}

}  // namespace

Photo Service::SetPhoto(const Principal& p, int64_t official_id, std::string_view bytes) {
  const Official o = GetOfficial(p, official_id);  // who may: as GetOfficial
  const ImageInfo info = CheckPhoto(bytes);
  Photo photo;
  photo.official_id = o.id;
  photo.mime = info.mime;
  photo.width = info.width;
  photo.height = info.height;
  photo.size = static_cast<int64_t>(bytes.size());
  photo.sha256 = auth::Sha256Hex(bytes);
  photo.updated_at = NowUtcText();
  const std::string content = auth::Base64(bytes);
  db_.write([&](db::Conn& c) {
    repo::LockOfficial(c, o.id);
    const auto before = repo::PhotoOf(c, o.id);
    repo::PutPhoto(c, photo, content, p.official_id ? std::optional<int64_t>(p.official_id) : std::nullopt);
    events::Append(
        c, events::By(p, o.unit_id, "official", std::to_string(o.id), "photo", PhotoJson(before), PhotoJson(photo)));
  });
  return photo;
}

void Service::RemovePhoto(const Principal& p, int64_t official_id) {
  const Official o = GetOfficial(p, official_id);
  db_.write([&](db::Conn& c) {
    repo::LockOfficial(c, o.id);
    const auto before = repo::PhotoOf(c, o.id);
    if (!before || !repo::DeletePhoto(c, o.id)) return;
    events::Append(c,
                   events::By(p, o.unit_id, "official", std::to_string(o.id), "photo_remove", PhotoJson(before), ""));
  });
}

std::optional<Photo> Service::PhotoOf(const Principal& p, int64_t official_id) {
  GetOfficial(p, official_id);
  return db_.read([&](db::Conn& c) { return repo::PhotoOf(c, official_id); });
}

PhotoFile Service::PhotoFileOf(const Principal& p, int64_t official_id) {
  GetOfficial(p, official_id);
  auto f = db_.read([&](db::Conn& c) { return FindPhotoFile(c, official_id); });
  if (!f) throw NotFound("org.photo.not_found");
  return std::move(*f);
}

std::optional<Photo> Service::FindPhoto(db::Conn& c, int64_t official_id) { return repo::PhotoOf(c, official_id); }

std::optional<PhotoFile> Service::FindPhotoFile(db::Conn& c, int64_t official_id) {
  auto row = repo::PhotoContentOf(c, official_id);
  if (!row) return std::nullopt;
  auto bytes = auth::FromBase64(row->second);
  if (!bytes) throw std::runtime_error("stored photo is not base64");
  return PhotoFile{std::move(row->first), std::move(*bytes)};
}

}  // namespace fg::org
