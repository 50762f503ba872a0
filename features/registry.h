// Every route of the server, pages and API, registered in one place: the
// server (app/main.cpp) and the route-table tests (OpenAPI, authorisation
// matrix) see the same list.
#pragma once
#include <functional>
#include <vector>

#include "features/accounts/service.h"
#include "features/calendar/service.h"
#include "features/desk/service.h"
#include "features/letters/service.h"
#include "features/org/service.h"
#include "platform/db/db.h"
#include "platform/http/app.h"

namespace fg {

struct Services {
  db::Db& db;
  org::Service& org;
  accounts::Service& accounts;
  calendar::Service& calendar;
  desk::Service& desk;
  letters::Service& letters;
  int feedback_per_address = 10;       // public feedback form submissions per address an hour; 0: no limit
  int feedback_mail_poll_seconds = 0;  // the units' feedback mailboxes read every so often; 0: never
  int scorecard_reminder_minutes = 0;  // the scorecards' deadline reminders queued every so often; 0: never
  // Filled by RegisterAll: stops the features' background threads (call before the store closes).
  std::vector<std::function<void()>> stop_background = {};
};

// Registers every feature's pages and API routes, and GET /api/v1/openapi.json
// (docs/openapi.json under the app's assets directory, read once here).
// `services` must outlive `app`.
void RegisterAll(http::App& app, Services& services);

}  // namespace fg
