#pragma once
#include "features/org/service.h"
#include "platform/http/app.h"

namespace fg::org {
void RegisterPages(http::App& app, Service& svc);
void RegisterApi(http::App& app, Service& svc);
}  // namespace fg::org
