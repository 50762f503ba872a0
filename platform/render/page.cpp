#include "platform/render/page.h"

#include <stdexcept>

#include "platform/render/messages.h"

namespace fg::render {

namespace {
const char* kLayout = "platform/render/templates/layout.tpl";
const char* kError = "platform/render/templates/error.tpl";
}  // namespace

void InitTemplates(const std::string& assets_dir) {
  ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(assets_dir);
}

PageView::PageView(const http::Context& ctx, const std::string& title, std::string body_template)
    : ctx_(ctx), layout_("layout"), body_template_(std::move(body_template)) {
  layout_.SetValue("TITLE", title);
  layout_.SetValue("CSRF_TOKEN", ctx.csrf_token);
  if (ctx.user) {
    auto* u = layout_.AddSectionDictionary("USER");
    u->SetValue("FULL_NAME", ctx.user->full_name);
    u->SetValue("USERNAME", ctx.user->username);
    u->SetValue("CSRF_TOKEN", ctx.csrf_token);
    if (auth::HasRole(*ctx.user, auth::Role::kAdmin)) layout_.ShowSection("ADMIN");
    if (auth::HasRole(*ctx.user, auth::Role::kAdmin) || auth::HasRole(*ctx.user, auth::Role::kLeader))
      layout_.ShowSection("MANAGER");
  }
  body_ = layout_.AddIncludeDictionary("CONTENT");
  body_->SetFilename(body_template_);
  body_->SetValue("CSRF_TOKEN", ctx.csrf_token);
  body_->SetValue("TITLE", title);
}

void PageView::ShowError(const std::string& message, const std::string& field) {
  if (message.empty()) return;
  body_->SetValueAndShowSection("ERROR", message, "HAS_ERROR");
  body_->SetValue("ERROR_FIELD", field);
}

void PageView::ShowNotice(const std::string& message) {
  if (!message.empty()) body_->SetValueAndShowSection("MESSAGE", message, "HAS_MESSAGE");
}

http::Response PageView::render(int status) {
  http::Response r;
  r.status = status;
  if (!ctemplate::ExpandTemplate(kLayout, ctemplate::DO_NOT_STRIP, &layout_, &r.body))
    throw std::runtime_error("cannot expand template " + body_template_);
  return r;
}

http::Response ErrorPage(http::Context& ctx, int status, const std::string& message) {
  PageView v(ctx, Text("status." + std::to_string(status)), kError);
  v.body().SetIntValue("STATUS", status);
  v.body().SetValue("MESSAGE", message);
  if (!ctx.user) v.body().ShowSection("ANONYMOUS");
  return v.render(status);
}

}  // namespace fg::render
