// Server-rendered pages: ctemplate with {{%AUTOESCAPE context="HTML"}} in every
// template, inside one layout (platform/render/templates/layout.tpl).
#pragma once
#include <ctemplate/template.h>

#include <string>

#include "platform/http/app.h"

namespace fg::render {

// Template names are paths relative to the assets directory.
void InitTemplates(const std::string& assets_dir);

class PageView {
 public:
  // `title` is already-localised text (from the catalogue).
  PageView(const http::Context& ctx, const std::string& title, std::string body_template);
  ctemplate::TemplateDictionary& body() { return *body_; }
  // The form's alert, {{#HAS_ERROR}}{{ERROR}} with {{ERROR_FIELD}} naming the field at fault;
  // nothing when `message` is empty.
  void ShowError(const std::string& message, const std::string& field = "");
  // A confirmation, {{#HAS_MESSAGE}}{{MESSAGE}}; nothing when `message` is empty.
  void ShowNotice(const std::string& message);
  http::Response render(int status = 200);

 private:
  const http::Context& ctx_;
  ctemplate::TemplateDictionary layout_;
  ctemplate::TemplateDictionary* body_;
  std::string body_template_;
};

// The site's error page.
http::Response ErrorPage(http::Context& ctx, int status, const std::string& message);

}  // namespace fg::render
