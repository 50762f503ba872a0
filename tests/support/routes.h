// Every route the server registers, built in-process as app/main.cpp does
// (features/registry), for route-table tests.
#pragma once
#include <vector>

#include "features/registry.h"
#include "platform/http/app.h"
#include "platform/source_dir.h"
#include "tests/support/test_db.h"

namespace fg::testing {

inline std::vector<http::App::RouteInfo> RegisteredRoutes() {
  auto db = OpenTestDb("sqlite");
  org::Service org(*db);
  accounts::Service accounts(*db, false);
  calendar::Service calendar(*db);
  desk::Service desk(*db, calendar);
  letters::Service letters(*db);
  http::App app(FG_SOURCE_DIR);
  Services services{*db, org, accounts, calendar, desk, letters};
  RegisterAll(app, services);
  return app.routes();
}

}  // namespace fg::testing
