#include <boost/json.hpp>

#include "features/dashboard/routes.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/time.h"

namespace fg::dashboard {
namespace {
using http::Context;
using http::Response;
}  // namespace

void RegisterOps(http::App& app, db::Db& db);  // ops.cpp

void Register(http::App& app, db::Db& db, org::Service& org) {
  RegisterOps(app, db);
  app.page("GET", "/dashboard", http::Access::kUser, [&org](Context& ctx) {
    auto n = org.CountsFor(*ctx.user);
    render::PageView v(ctx, render::Text("dashboard.title"), "features/dashboard/templates/dashboard.tpl");
    auto& b = v.body();
    b.SetValue("FULL_NAME", ctx.user->full_name);
    b.SetIntValue("UNITS", n.units_in_force);
    b.SetIntValue("PROVINCES", n.provinces);
    b.SetIntValue("DISTRICTS", n.districts);
    b.SetIntValue("COMMUNES", n.communes);
    b.SetIntValue("OFFICIALS", n.active_officials);
    b.SetValue("TODAY", DisplayDate(TodayLocalIso()));
    for (auto& g : ctx.user->grants) {
      auto* row = b.AddSectionDictionary("GRANT");
      row->SetValue("ROLE", render::Text("org.role." + std::string(auth::RoleName(g.role))));
      row->SetValue("UNIT", g.unit_name);
    }
    return v.render();
  });

  // The event log: administrators see the events of units in their subtrees;
  // the holder of a root also sees events without a unit.
  app.page("GET", "/events", http::Access::kUser, [&db](Context& ctx) {
    auto roots = auth::Roots(*ctx.user, {auth::Role::kAdmin});
    if (roots.empty()) throw AppError(ErrorKind::kForbidden, "error.forbidden");
    int64_t before = INT64_MAX;
    if (auto b = ctx.req.query_param("before"); !b.empty()) {
      auto v = http::ParseInt64(b);
      if (!v) throw BadInput("error.bad_number", "before");
      before = *v;
    }
    struct Shown {
      events::Stored e;
      std::string path;
    };
    const int kPage = 50;
    std::vector<Shown> shown;
    int64_t next_before = 0;
    int64_t total = 0;
    db.read([&](db::Conn& c) {
      total = events::Count(c);
      // Page through the newest events, keeping those the admin may see.
      int64_t cursor = before;
      for (int round = 0; round < 20 && static_cast<int>(shown.size()) < kPage; ++round) {
        auto batch = events::ListRecent(c, cursor, 200);
        if (batch.empty()) break;
        for (auto& e : batch) {
          cursor = e.id;
          const std::string& path = e.unit_path;
          bool visible = path.empty()
                             ? auth::Covers(*ctx.user, "/", {auth::Role::kAdmin}) || e.actor_id == ctx.user->official_id
                             : auth::Covers(*ctx.user, path, {auth::Role::kAdmin});
          if (visible) shown.push_back({e, path});
          if (static_cast<int>(shown.size()) == kPage) {
            next_before = e.id;
            break;
          }
        }
      }
    });
    render::PageView v(ctx, render::Text("dashboard.events_title"), "features/dashboard/templates/events.tpl");
    v.body().SetIntValue("TOTAL", total);
    for (auto& s : shown) {
      auto* row = v.body().AddSectionDictionary("EVENT");
      row->SetIntValue("SEQ", s.e.id);
      row->SetValue("AT", FormatLocal(s.e.at));
      row->SetValue("ACTOR", s.e.actor);
      row->SetValue("ENTITY", s.e.entity + " " + s.e.entity_id);
      row->SetValue("ACTION",
                    render::HasText("event." + s.e.action) ? render::Text("event." + s.e.action) : s.e.action);
      row->SetValue("AFTER", s.e.after_json);
      row->SetValue("HASH", s.e.hash.substr(0, 12));
    }
    if (next_before > 1) v.body().SetValueAndShowSection("NEXT", std::to_string(next_before), "HAS_NEXT");
    return v.render();
  });
}

}  // namespace fg::dashboard
