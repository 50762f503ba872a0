#pragma once
#include "features/calendar/service.h"
#include "features/org/service.h"
#include "platform/http/app.h"

namespace fg::calendar {
void RegisterApi(http::App& app, Service& svc);
void RegisterPages(http::App& app, Service& svc, org::Service& org);
}  // namespace fg::calendar
