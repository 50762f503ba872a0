// An official's photo: the staff page to upload, replace or remove it, and the
// image itself (PhotoResponse, shared with the public directory and the tablet).
#include "features/org/routes.h"
#include "features/org/rules.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/time.h"

namespace fg::org {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

std::string PhotoUrl(int64_t official_id, const Photo& p) {
  return "/officials/" + std::to_string(official_id) + "/anh/tep?v=" + p.version();
}

Response PhotoResponse(Context& ctx, const PhotoFile& f, bool shared) {
  const std::string etag = "\"" + f.photo.sha256.substr(0, 32) + "\"";
  const bool versioned = ctx.req.query_param("v") == f.photo.version();
  const bool unchanged = http::NoneMatchHits(ctx.req, etag);  // a 304 needs no copy of the bytes
  Response r = Response::InlineFile(unchanged ? std::string() : f.bytes, f.photo.mime,
                                    f.photo.mime == "image/png" ? "anh.png" : "anh.jpg");
  r.set_header("ETag", etag);
  // A versioned URL never changes content (a new photo has a new version).
  // Shared caches keep a public photo a day at most, so that a withdrawn
  // consent takes effect there within a day.
  if (shared)
    r.set_header("Cache-Control", versioned ? "public, max-age=86400" : "public, max-age=300");
  else
    r.set_header("Cache-Control", versioned ? "private, max-age=31536000, immutable" : "private, no-cache");
  if (unchanged) r.status = 304;
  return r;
}

namespace {

int64_t OfficialId(const Context& ctx) {
  if (auto id = ctx.req.id_param("id")) return *id;
  throw NotFound("org.official_not_found");
}

// The errors the upload form shows beside its field (the type and the size too).
bool ShownInPhotoForm(const AppError& e) {
  return e.field() == "photo" && (e.kind() == ErrorKind::kBadRequest || e.kind() == ErrorKind::kTooLarge ||
                                  e.kind() == ErrorKind::kUnsupportedMediaType);
}

Response PhotoPage(Context& ctx, Service& svc, int64_t id, const AppError* error) {
  const Official o = svc.GetOfficial(*ctx.user, id);
  const auto photo = svc.PhotoOf(*ctx.user, id);
  PageView v(ctx, Text("org.photo.title", {{"name", o.full_name}}), "features/org/templates/photo.tpl");
  auto& b = v.body();
  b.SetIntValue("ID", o.id);
  b.SetValue("FULL_NAME", o.full_name);
  b.SetIntValue("MAX_KB", kMaxPhotoBytes / 1024);
  b.SetIntValue("MAX_SIDE", kMaxPhotoSide);
  if (photo) {
    auto* d = b.AddSectionDictionary("HAS_PHOTO");
    d->SetValue("PHOTO_URL", PhotoUrl(o.id, *photo));
    d->SetValue("KIND", photo->mime == "image/png" ? "PNG" : "JPEG");
    d->SetIntValue("WIDTH", photo->width);
    d->SetIntValue("HEIGHT", photo->height);
    d->SetIntValue("SIZE_KB", (photo->size + 1023) / 1024);
    d->SetValue("UPDATED", DisplayDate(photo->updated_at.substr(0, 10)));
    b.ShowSection("REPLACE");
  } else {
    b.ShowSection("NO_PHOTO");
  }
  if (error) {
    v.ShowErrors(*error);
    return v.render(http::StatusOf(error->kind()));
  }
  v.ShowDone("org.photo.done.", {{"name", o.full_name}});
  return v.render();
}

}  // namespace

void PhotoSummary(ctemplate::TemplateDictionary& b, Service& svc, const auth::Principal& p, const Official& o) {
  if (auto photo = svc.PhotoOf(p, o.id)) b.SetValueAndShowSection("PHOTO_URL", PhotoUrl(o.id, *photo), "HAS_PHOTO");
}

void RegisterPhotoPages(http::App& app, Service& svc) {
  app.page("GET", "/officials/{id}/anh", http::Access::kUser,
           [&svc](Context& ctx) { return PhotoPage(ctx, svc, OfficialId(ctx), nullptr); });
  app.page("POST", "/officials/{id}/anh", http::Access::kUser, [&svc](Context& ctx) {
    const int64_t id = OfficialId(ctx);
    try {
      svc.SetPhoto(*ctx.user, id, http::FormValue(ctx.req.form(), "photo"));
    } catch (const AppError& e) {
      if (!ShownInPhotoForm(e)) throw;
      return PhotoPage(ctx, svc, id, &e);
    }
    return Response::Redirect("/officials/" + std::to_string(id) + "/anh?done=saved");
  });
  app.page("GET", "/officials/{id}/anh/xoa", http::Access::kUser, [&svc](Context& ctx) {
    const Official o = svc.GetOfficial(*ctx.user, OfficialId(ctx));
    const std::string here = "/officials/" + std::to_string(o.id) + "/anh";
    if (!svc.PhotoOf(*ctx.user, o.id)) return Response::Redirect(here);
    return render::ConfirmPage(ctx, Text("org.photo.remove_title"),
                               Text("org.photo.remove_question", {{"name", o.full_name}}), here + "/xoa",
                               Text("org.photo.remove_button"), here);
  });
  app.page("POST", "/officials/{id}/anh/xoa", http::Access::kUser, [&svc](Context& ctx) {
    const int64_t id = OfficialId(ctx);
    svc.RemovePhoto(*ctx.user, id);
    return Response::Redirect("/officials/" + std::to_string(id) + "/anh?done=removed");
  });
  app.page("GET", "/officials/{id}/anh/tep", http::Access::kUser,
           [&svc](Context& ctx) { return PhotoResponse(ctx, svc.PhotoFileOf(*ctx.user, OfficialId(ctx)), false); });
}

}  // namespace fg::org
