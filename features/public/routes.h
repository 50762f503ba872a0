#pragma once
#include "features/calendar/service.h"
#include "platform/db/db.h"
#include "platform/http/app.h"

namespace fg::pub {
// The citizens' pages: GET / (home), GET /xa (find a commune by name), GET /xa/{code}.
// They own the feature's Service (an index cached for as long as the routes live).
void RegisterPages(http::App& app, db::Db& db, calendar::Service& calendar);
}  // namespace fg::pub
