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
  PageView(const http::Context& ctx, std::string title, std::string body_template);
  ctemplate::TemplateDictionary& body() { return *body_; }
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
