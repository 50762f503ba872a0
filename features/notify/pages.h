// The notifications' staff pages (features/notify/pages.cpp).
#pragma once
#include "features/notify/service.h"
#include "platform/http/app.h"

namespace fg::notify {
#include <memory>
// The service lives as long as the routes that hold it.
void RegisterPages(http::App& app, std::shared_ptr<Service> svc);
}  // namespace fg::notify
