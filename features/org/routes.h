#pragma once
#include "features/org/service.h"
#include "platform/errors.h"
#include "platform/http/app.h"

namespace ctemplate {
class TemplateDictionary;
}

namespace fg::org {
void RegisterPages(http::App& app, Service& svc);
void RegisterApi(http::App& app, Service& svc);
// The official's page with `error` shown beside its field, for pages of other
// features that act on an official (password reset).
http::Response OfficialPageWithError(http::Context& ctx, Service& svc, int64_t id, const AppError& error);
// The photo pages (/officials/{id}/anh...); called by RegisterPages.
void RegisterPhotoPages(http::App& app, Service& svc);
// The image with its ETag (304 on If-None-Match). `shared`: public (a shared
// cache may keep it a day) or private (a year when the URL's ?v= is the
// photo's version). Used by the public directory and the desk tablet too.
http::Response PhotoResponse(http::Context& ctx, const PhotoFile& f, bool shared);
// The staff URL of the photo (versioned).
std::string PhotoUrl(int64_t official_id, const Photo& p);
// HAS_PHOTO + PHOTO_URL in `b` when the official has a photo (the official's pages).
void PhotoSummary(ctemplate::TemplateDictionary& b, Service& svc, const auth::Principal& p, const Official& o);
}  // namespace fg::org
