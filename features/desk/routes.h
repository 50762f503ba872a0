#pragma once
#include "features/desk/service.h"
#include "platform/http/app.h"

namespace fg::desk {
void RegisterApi(http::App& app, Service& svc);
// /desk/stats and /desk/stats.xlsx (pages_stats.cpp).
void RegisterStatsPages(http::App& app, Service& svc);
// /tra-cuu, the public lookup (pages_lookup.cpp).
void RegisterLookupPages(http::App& app, Service& svc);
}  // namespace fg::desk
