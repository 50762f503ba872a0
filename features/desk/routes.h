#pragma once
#include "features/desk/service.h"
#include "platform/http/app.h"

namespace fg::desk {
void RegisterApi(http::App& app, Service& svc);
}  // namespace fg::desk
