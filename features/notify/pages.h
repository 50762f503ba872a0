// The notifications' staff pages (features/notify/pages.cpp).
#pragma once
#include "features/notify/service.h"
#include "platform/http/app.h"

namespace fg::notify {
#include <memory>
// The service lives as long as the routes that hold it.
void RegisterPages(http::App& app, const std::shared_ptr<Service>& svc);
// /desk/notify/channels (features/notify/pages_channels.cpp).
void RegisterChannelsPages(http::App& app, const std::shared_ptr<Service>& svc);
// Templates and the log channel's page (features/notify/pages_admin.cpp).
void RegisterAdminPages(http::App& app, const std::shared_ptr<Service>& svc);
// The API (features/notify/api.cpp).
void RegisterApi(http::App& app, const std::shared_ptr<Service>& svc);
}  // namespace fg::notify
