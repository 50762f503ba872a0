// A unit's mottos and code of conduct: the staff form. The public side is a
// section of the directory page (pages_portal.cpp, RenderDirectory).
#include "features/public/pages_portal.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"

namespace fg::pub {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

Response ConductForm(Context& ctx, const Portal::ConductView& view, const std::string& mottos, const std::string& code,
                     const AppError* error) {
  const auto& u = view.unit;
  PageView v(ctx, Text("public.conduct.title", {{"unit", u.name}}), "features/public/templates/conduct_form.tpl");
  auto& b = v.body();
  const std::string code_url = http::UrlEncode(u.code);
  b.SetValue("UNIT_NAME", u.name);
  b.SetValue("UNIT_URL", "/units/" + code_url);
  b.SetValue("DIRECTORY_URL", "/xa/" + code_url + "/danh-ba");
  b.SetValue("ACTION", "/units/" + code_url + "/phuong-cham");
  b.SetValue("MOTTOS", mottos);
  b.SetValue("CONDUCT", code);
  b.SetIntValue("MAX_MOTTOS", kMaxMottosChars);
  b.SetIntValue("MAX_CONDUCT", kMaxConductChars);
  if (error) {
    v.ShowErrors(*error);
    return v.render(400);
  }
  v.ShowDone("public.conduct.done.", {{"unit", u.name}});
  return v.render();
}

}  // namespace

void RegisterConductPages(http::App& app, const std::shared_ptr<Portal>& portal) {
  app.page("GET", "/units/{code}/phuong-cham", http::Access::kUser, [portal](Context& ctx) {
    const auto view = portal->GetConduct(*ctx.user, ctx.req.params.at("code"));
    return ConductForm(ctx, view, view.conduct.mottos, view.conduct.code, nullptr);
  });
  app.page("POST", "/units/{code}/phuong-cham", http::Access::kUser, [portal](Context& ctx) {
    const std::string unit = ctx.req.params.at("code");
    const auto form = ctx.req.form();
    const std::string mottos = http::FormValue(form, "mottos"), code = http::FormValue(form, "conduct");
    try {
      portal->SetConduct(*ctx.user, unit, mottos, code);
    } catch (const AppError& e) {
      if (!render::ShownInForm(e)) throw;
      return ConductForm(ctx, portal->GetConduct(*ctx.user, unit), mottos, code, &e);
    }
    return Response::Redirect("/units/" + http::UrlEncode(unit) + "/phuong-cham?done=saved");
  });
}

}  // namespace fg::pub
