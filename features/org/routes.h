#pragma once
#include "features/org/service.h"
#include "platform/errors.h"
#include "platform/http/app.h"

namespace fg::org {
void RegisterPages(http::App& app, Service& svc);
void RegisterApi(http::App& app, Service& svc);
// The official's page with `error` shown beside its field, for pages of other
// features that act on an official (password reset).
http::Response OfficialPageWithError(http::Context& ctx, Service& svc, int64_t id, const AppError& error);
}  // namespace fg::org
