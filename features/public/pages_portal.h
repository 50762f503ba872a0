// The portal's pages (issue 16), registered by RegisterPages (routes.h).
#pragma once
#include <memory>

#include "features/calendar/service.h"
#include "features/public/portal.h"
#include "platform/http/app.h"

namespace fg::pub {

// GET /sitemap.xml, /xa/{code}/sitemap.xml, /xa/{code}/thu-tuc (+ .csv, .json),
// /xa/{code}/thu-tuc/ap-phich.pdf, /xa/{code}/thu-tuc/{procedure},
// /xa/{code}/so-lieu (+ .csv, .json), /xa/{code}/danh-ba; the staff form
// GET/POST /officials/{id}/cong-khai. `places` outlives the portal.
void RegisterPortalPages(http::App& app, std::shared_ptr<Portal> portal, Service& places, calendar::Service& calendar);

// A public answer made cacheable: a strong ETag (SHA-256 of the body) and a
// 304 for a matching If-None-Match; for anonymous callers `public, max-age=300`
// and no Set-Cookie (a reverse proxy may keep and share it), for signed-in
// officials `private, no-cache` (the layout names them). Only 200s are touched.
http::Response Cacheable(http::Context& ctx, http::Response r);

}  // namespace fg::pub
