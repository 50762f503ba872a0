// The portal's pages (issue 16), registered by RegisterPages (routes.h).
#pragma once
#include <memory>

#include "features/calendar/service.h"
#include "features/public/announcements.h"
#include "features/public/portal.h"
#include "platform/http/app.h"
#include "platform/render/page.h"

namespace fg::pub {

// GET /sitemap.xml, /xa/{code}/sitemap.xml, /xa/{code}/thu-tuc (+ .csv, .json),
// /xa/{code}/thu-tuc/ap-phich.pdf, /xa/{code}/thu-tuc/{procedure},
// /xa/{code}/so-lieu (+ .csv, .json), /xa/{code}/danh-ba; the staff form
// GET/POST /officials/{id}/cong-khai. `places` outlives the portal. The
// catalogue, procedure, figures and directory pages are kept rendered for
// anonymous visitors (page_cache.h).
void RegisterPortalPages(http::App& app, const std::shared_ptr<Portal>& portal, Service& places,
                         calendar::Service& calendar);

// A unit's mottos and code of conduct (pages_conduct.cpp): GET/POST
// /units/{code}/phuong-cham, for an administrator or leader covering the unit.
void RegisterConductPages(http::App& app, const std::shared_ptr<Portal>& portal);

// Announcements (pages_announcements.cpp): GET /xa/{code}/thong-bao (+
// /playlist.json, /{id}.wav), GET /desk/announcements, GET/POST
// /desk/announcements/new, POST /api/v1/announcements/{id}/broadcasts.
void RegisterAnnouncementPages(http::App& app, const std::shared_ptr<Service>& places,
                               const std::shared_ptr<Announcements>& ann);

// A public answer made cacheable: a strong ETag (SHA-256 of the body) and a
// 304 for a matching If-None-Match; for anonymous callers `public, max-age=300`
// and no Set-Cookie (a reverse proxy may keep and share it), for signed-in
// officials `private, no-cache` (the layout names them). Only 200s are touched.
http::Response Cacheable(http::Context& ctx, http::Response r);

// The page's <meta name="description"> (a template-global value the layout reads).
void Describe(render::PageView& v, const std::string& text);
// The values every portal page's header uses (PLACE_NAME, PLACE_URL, BACK_URL,
// the global KQ); in kiosk mode also its stylesheet, the KIOSK_BAR include and
// the global section KIOSK.
void PortalHeader(render::PageView& v, const Place& place, bool kiosk);

}  // namespace fg::pub
