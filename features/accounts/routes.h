#pragma once
#include "features/accounts/service.h"
#include "features/org/service.h"
#include "platform/http/app.h"

namespace fg::accounts {
void RegisterPages(http::App& app, Service& svc, org::Service& org);
void RegisterApi(http::App& app, Service& svc, org::Service& org);
}  // namespace fg::accounts
