#pragma once
#include <memory>
#include "features/calendar/service.h"
#include "features/desk/service.h"

#include "features/org/service.h"
#include "features/ratings/service.h"
#include "platform/db/db.h"
#include "platform/http/app.h"

namespace fg::pub {
// The citizens' pages: GET / (home), GET /xa (find a commune by name), GET /xa/{code},
// and the portal of each place (pages_portal.h). They own the feature's Service
// and Portal (caches kept for as long as the routes live).
void RegisterPages(http::App& app, db::Db& db, calendar::Service& calendar, desk::Service& desk, org::Service& org,
                   const std::shared_ptr<ratings::Service>& ratings);
}  // namespace fg::pub
