#pragma once
#include <memory>

#include "features/ratings/service.h"
#include "platform/http/app.h"

namespace fg::ratings {
// POST /api/v1/ratings, /api/v1/kiosk/..., GET /api/v1/ratings/report, devices (api.cpp).
void RegisterApi(http::App& app, const std::shared_ptr<Service>& svc);
// Citizens: /danh-gia/can-bo/{token}, /danh-gia/ho-so, /danh-gia/cam-on; the tablet: /kiosk...;
// officials: /desk/ratings (report, CSV, XLSX), devices, review, invite, cards (pages.cpp).
void RegisterPages(http::App& app, const std::shared_ptr<Service>& svc);
}  // namespace fg::ratings
