// Server-rendered pages: ctemplate with {{%AUTOESCAPE context="HTML"}} in every
// template, inside one layout (platform/render/templates/layout.tpl). The
// patterns of the design system (docs/design.md) are methods here: error
// summary with messages beside their fields, success banners, Ngày / Tháng /
// Năm date inputs, confirmation pages.
#pragma once
#include <ctemplate/template.h>

#include <map>
#include <string>
#include <string_view>

#include "platform/errors.h"
#include "platform/http/app.h"

namespace fg::render {

// Template names are paths relative to the assets directory.
void InitTemplates(const std::string& assets_dir);

// Who answers for the site, shown in every page's footer (configuration keys
// site_agency, site_address, site_hotline, site_email). Set once at start-up,
// before serving; an empty value is left out of the footer.
struct SiteSettings {
  std::string agency, address, hotline, email;
  // Where citizens reach the site (configuration key public_url, no trailing
  // slash): links printed on paper, such as a receipt's QR code.
  std::string public_url;
};
void SetSite(SiteSettings site);
const SiteSettings& Site();

class PageView {
 public:
  // `title` is already-localised text (from the catalogue).
  PageView(const http::Context& ctx, const std::string& title, std::string body_template);
  ctemplate::TemplateDictionary& body() { return *body_; }

  // Every problem of `e` at once: "Lỗi: " before the page title, an error
  // summary at the top of the page linking to each field (#<field id>), and
  // each message beside its field: {{#<FIELD>_INVALID}}...{{<FIELD>_ERROR}} in
  // the body (FIELD: the field name upper-cased, "." as "_"). A problem
  // without a field shows in the summary only.
  void ShowErrors(const AppError& e);
  // A message about the whole form (login refused ...), in the error summary.
  void ShowError(const std::string& message);
  // A success banner at the top of the page.
  void ShowNotice(const std::string& message);
  // A banner of an action that did not succeed (role="alert", the alert colour).
  void ShowWarning(const std::string& message);
  // The banner after a redirect to `...?done=<what>`: the catalogue text
  // `<prefix><what>` filled with `args`; nothing when there is no such key. A
  // `<what>` ending in "_failed" (the action ran but did not succeed, e.g. a
  // mailbox that could not be read) shows as a warning, not a success.
  void ShowDone(const std::string& prefix, const std::map<std::string, std::string>& args = {});
  // A date as three inputs (Ngày, Tháng, Năm) named <name>_day, _month, _year,
  // with its label and hint, where the body template has {{>MARKER}}. `value`
  // is "YYYY-MM-DD" (or what the person typed, as DateFromForm returned it).
  void DateInput(const std::string& marker, const std::string& name, const std::string& label, const std::string& hint,
                 const std::string& value);
  // A stylesheet of the page's own after site.css (a path under /static/).
  void AddStylesheet(const std::string& href);
  http::Response render(int status = 200);

 private:
  const http::Context& ctx_;
  ctemplate::TemplateDictionary layout_;
  ctemplate::TemplateDictionary* body_;
  std::string body_template_;
  std::string title_;
  std::map<std::string, ctemplate::TemplateDictionary*> dates_;  // by field name
  std::map<std::string, std::string> field_errors_;              // message by field name
  bool has_errors_ = false;
};

// The id an input of field `field` has in a page: "." becomes "-".
std::string FieldId(std::string_view field);

// "YYYY-MM-DD" from the fields <name>_day, <name>_month and <name>_year (or
// from <name> itself when the form sends one field); "" when all are empty.
// Parts that do not make a real date come back as "<year>-<month>-<day>",
// which the services' date check refuses, and DateInput shows them again.
std::string DateFromForm(const std::map<std::string, std::string>& form, const std::string& name);

// Whether a page shows `e` in its form (bad input, a conflict such as a taken
// code) rather than on the error page (forbidden, not found ...).
inline bool ShownInForm(const AppError& e) {
  return e.kind() == ErrorKind::kBadRequest || e.kind() == ErrorKind::kConflict;
}

// The site's error page.
http::Response ErrorPage(http::Context& ctx, int status, const std::string& message);

// A confirmation step before a destructive action: the question, a button
// that POSTs to `action` (with the CSRF token) and a link back to `cancel`.
http::Response ConfirmPage(http::Context& ctx, const std::string& title, const std::string& question,
                           const std::string& action, const std::string& button, const std::string& cancel);

}  // namespace fg::render
