#pragma once
#include <memory>

#include "features/feedback/service.h"
#include "platform/http/app.h"

namespace fg::feedback {
// Citizens: /gop-y (form), /gop-y/da-gui (confirmation), /gop-y/tra-cuu (lookup), POST /gop-y/mo-lai
// (reopen); officials: /feedback (register), /feedback/new, /feedback/{code} and its actions (pages.cpp).
void RegisterPages(http::App& app, std::shared_ptr<Service> svc);
// POST /api/v1/feedback/webhooks/{channel}/{unit}, PUT /api/v1/feedback/channels/{channel} (api.cpp).
void RegisterApi(http::App& app, std::shared_ptr<Service> svc);
// Open311 GeoReport v2 at /open311/v2/ (open311_api.cpp).
void RegisterOpen311(http::App& app, std::shared_ptr<Service> svc);
}  // namespace fg::feedback
