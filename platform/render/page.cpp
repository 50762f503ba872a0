#include "platform/render/page.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "platform/render/messages.h"

namespace fg::render {

namespace {
const char* kLayout = "platform/render/templates/layout.tpl";
const char* kError = "platform/render/templates/error.tpl";
const char* kConfirm = "platform/render/templates/confirm.tpl";
const char* kDate = "platform/render/templates/date_input.tpl";

// The navigation: path prefix, marker section in the layout.
struct NavItem {
  std::string_view prefix;
  const char* section;
};
constexpr NavItem kNav[] = {
    {"/dashboard", "NAV_DASHBOARD"},  {"/desk", "NAV_DESK"},           {"/units", "NAV_UNITS"},
    {"/calendar", "NAV_CALENDAR"},    {"/officials", "NAV_OFFICIALS"}, {"/events", "NAV_EVENTS"},
    {"/tokens", "NAV_TOKENS"},        {"/dang-nhap", "NAV_LOGIN"},     {"/thu", "NAV_LETTERS"},
    {"/desk/ratings", "NAV_RATINGS"}, {"/surveys", "NAV_SURVEYS"},     {"/feedback", "NAV_FEEDBACK"},
    {"/cham-diem", "NAV_SCORECARDS"}};

std::string Marker(std::string_view field) {
  std::string m;
  for (char c : field) m += c == '.' || c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return m;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Pad2(const std::string& s) { return AllDigits(s) && s.size() == 1 ? "0" + s : s; }

SiteSettings g_site;  // written once before serving, then only read

// The footer: the responsible agency and how to reach it.
void FillFooter(ctemplate::TemplateDictionary& layout) {
  if (!g_site.agency.empty()) layout.SetValueAndShowSection("SITE_AGENCY", g_site.agency, "HAS_SITE_AGENCY");
  if (!g_site.address.empty()) layout.SetValueAndShowSection("SITE_ADDRESS", g_site.address, "HAS_SITE_ADDRESS");
  if (!g_site.hotline.empty()) {
    std::string tel;  // the digits (and a leading +) for a tel: link
    for (char c : g_site.hotline)
      if ((c >= '0' && c <= '9') || (c == '+' && tel.empty())) tel += c;
    layout.SetValueAndShowSection("SITE_HOTLINE", g_site.hotline, "HAS_SITE_HOTLINE");
    layout.SetValue("SITE_HOTLINE_TEL", tel);
  }
  if (!g_site.email.empty()) layout.SetValueAndShowSection("SITE_EMAIL", g_site.email, "HAS_SITE_EMAIL");
}
}  // namespace

void SetSite(SiteSettings site) { g_site = std::move(site); }
const SiteSettings& Site() { return g_site; }

void InitTemplates(const std::string& assets_dir) {
  ctemplate::mutable_default_template_cache()->SetTemplateRootDirectory(assets_dir);
}

std::string FieldId(std::string_view field) {
  std::string id(field);
  std::replace(id.begin(), id.end(), '.', '-');
  return id;
}

PageView::PageView(const http::Context& ctx, const std::string& title, std::string body_template)
    : ctx_(ctx), layout_("layout"), body_template_(std::move(body_template)), title_(title) {
  layout_.SetValue("TITLE", title);
  layout_.SetValue("CSRF_TOKEN", ctx.csrf_token);
  if (!ctx.user) {
    layout_.ShowSection("NAV_PUBLIC");
    layout_.ShowSection("FOOT_LOGIN");
  } else {
    auto* u = layout_.AddSectionDictionary("USER");
    u->SetValue("FULL_NAME", ctx.user->full_name);
    u->SetValue("USERNAME", ctx.user->username);
    u->SetValue("CSRF_TOKEN", ctx.csrf_token);
    // Someone who must change a temporary password can reach nothing else.
    if (!ctx.user->must_change_password) {
      layout_.ShowSection("NAV_USER");
      if (auth::HasRole(*ctx.user, auth::Role::kAdmin)) layout_.ShowSection("ADMIN");
      for (auth::Role r : {auth::Role::kAdmin, auth::Role::kLeader, auth::Role::kDesk, auth::Role::kSpecialist})
        if (auth::HasRole(*ctx.user, r)) {
          layout_.ShowSection("DESK");  // the one-stop desk's pages
          break;
        }
      if (auth::HasRole(*ctx.user, auth::Role::kAdmin) || auth::HasRole(*ctx.user, auth::Role::kLeader))
        layout_.ShowSection("MANAGER");
    }
  }
  // The longest matching prefix is the current entry (/desk/ratings, not /desk).
  const NavItem* current = nullptr;
  for (const auto& item : kNav) {
    std::string_view path = ctx.req.path;
    if (path.substr(0, item.prefix.size()) == item.prefix &&
        (path.size() == item.prefix.size() || path[item.prefix.size()] == '/' || path[item.prefix.size()] == '.') &&
        (!current || item.prefix.size() > current->prefix.size()))
      current = &item;
  }
  if (current) layout_.ShowSection(current->section);
  FillFooter(layout_);
  body_ = layout_.AddIncludeDictionary("CONTENT");
  body_->SetFilename(body_template_);
  body_->SetValue("CSRF_TOKEN", ctx.csrf_token);
  body_->SetValue("TITLE", title);
}

void PageView::ShowErrors(const AppError& e) {
  auto problems = e.problems();
  if (problems.empty()) return ShowError(Text(e.key(), e.args()));
  for (auto& fp : problems) {
    std::string message = Text(fp.key, fp.args);
    auto* item = layout_.AddSectionDictionary("ERROR_ITEM");
    item->SetValue("MESSAGE", message);
    item->SetValueAndShowSection("FIELD_ID", FieldId(fp.field), "LINKED");
    const std::string m = Marker(fp.field);
    body_->SetValue(m + "_ERROR", message);
    body_->ShowSection(m + "_INVALID");
    field_errors_.emplace(fp.field, message);
  }
  has_errors_ = true;
}

void PageView::ShowError(const std::string& message) {
  if (message.empty()) return;
  auto* item = layout_.AddSectionDictionary("ERROR_ITEM");
  item->SetValue("MESSAGE", message);
  item->ShowSection("UNLINKED");
  has_errors_ = true;
}

void PageView::ShowNotice(const std::string& message) {
  if (!message.empty()) layout_.SetValueAndShowSection("NOTICE", message, "HAS_NOTICE");
}

void PageView::ShowDone(const std::string& prefix, const std::map<std::string, std::string>& args) {
  std::string what = ctx_.req.query_param("done");
  if (what.empty() || what.size() > 40 ||
      !std::all_of(what.begin(), what.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; }))
    return;
  if (!HasText(prefix + what)) return;
  if (what.ends_with("_failed"))
    ShowWarning(Text(prefix + what, args));
  else
    ShowNotice(Text(prefix + what, args));
}

void PageView::ShowWarning(const std::string& message) {
  if (!message.empty()) layout_.SetValueAndShowSection("WARNING", message, "HAS_WARNING");
}

void PageView::DateInput(const std::string& marker, const std::string& name, const std::string& label,
                         const std::string& hint, const std::string& value) {
  auto* d = body_->AddIncludeDictionary(marker);
  d->SetFilename(kDate);
  d->SetValue("ID", FieldId(name));
  d->SetValue("LABEL", label);
  d->SetValue("HINT", hint);
  // "YYYY-MM-DD", or the parts the person typed joined the same way.
  const size_t a = value.find('-'), b = a == std::string::npos ? a : value.find('-', a + 1);
  if (b != std::string::npos) {
    d->SetValue("YEAR", value.substr(0, a));
    d->SetValue("MONTH", value.substr(a + 1, b - a - 1));
    d->SetValue("DAY", value.substr(b + 1));
  }
  d->SetValue("NAME", name);
  dates_[name] = d;
}

void PageView::AddStylesheet(const std::string& href) {
  layout_.AddSectionDictionary("STYLESHEET")->SetValue("HREF", href);
}

http::Response PageView::render(int status) {
  if (has_errors_) {
    layout_.SetValue("TITLE", Text("page.error_prefix") + title_);
    layout_.ShowSection("HAS_ERRORS");
  }
  for (auto& [field, d] : dates_) {
    auto it = field_errors_.find(field);
    if (it != field_errors_.end()) d->SetValueAndShowSection("ERROR", it->second, "INVALID");
  }
  http::Response r;
  r.status = status;
  if (!ctemplate::ExpandTemplate(kLayout, ctemplate::DO_NOT_STRIP, &layout_, &r.body))
    throw std::runtime_error("cannot expand template " + body_template_);
  return r;
}

std::string DateFromForm(const std::map<std::string, std::string>& form, const std::string& name) {
  auto get = [&](const std::string& k) {
    auto it = form.find(k);
    return it == form.end() ? std::string() : it->second;
  };
  std::string day = get(name + "_day"), month = get(name + "_month"), year = get(name + "_year");
  if (day.empty() && month.empty() && year.empty()) return get(name);
  auto trim = [](std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    s.erase(s.find_last_not_of(" \t") + 1);
    return s;
  };
  return trim(year) + "-" + Pad2(trim(month)) + "-" + Pad2(trim(day));
}

http::Response ErrorPage(http::Context& ctx, int status, const std::string& message) {
  PageView v(ctx, Text("status." + std::to_string(status)), kError);
  v.body().SetIntValue("STATUS", status);
  v.body().SetValue("MESSAGE", message);
  if (!ctx.user) v.body().ShowSection("ANONYMOUS");
  return v.render(status);
}

http::Response ConfirmPage(http::Context& ctx, const std::string& title, const std::string& question,
                           const std::string& action, const std::string& button, const std::string& cancel) {
  PageView v(ctx, title, kConfirm);
  v.body().SetValue("QUESTION", question);
  v.body().SetValue("ACTION", action);
  v.body().SetValue("BUTTON", button);
  v.body().SetValue("CANCEL", cancel);
  return v.render();
}

}  // namespace fg::render
