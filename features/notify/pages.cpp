// The staff page of messages to citizens (/desk/messages): failed ones first,
// with "send again".
#include "features/notify/pages.h"

#include "features/notify/service.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/time.h"

namespace fg::notify {
namespace {

using http::Context;
using http::Response;
using render::PageView;
using render::Text;

Response MessagesPage(Context& ctx, Service& svc) {
  PageView v(ctx, Text("notify.page_title"), "features/notify/templates/messages.tpl");
  auto& b = v.body();
  const std::string status = ctx.req.has_query_param("status") ? ctx.req.query_param("status") : "failed";
  for (const char* s : {"failed", "queued", "sent", "delivered", ""}) {
    auto* o = b.AddSectionDictionary("STATUS_OPTION");
    o->SetValue("VALUE", s);
    o->SetValue("LABEL", Text(std::string("notify.status_filter.") + (*s ? s : "all")));
    if (status == s) o->SetValue("SELECTED", "selected");
  }
  std::vector<Message> rows;
  try {
    rows = svc.List(*ctx.user, status, "");
  } catch (const AppError& e) {
    if (e.kind() != ErrorKind::kBadRequest) throw;
    v.ShowErrors(e);
    return v.render(400);
  }
  const bool can_retry = svc.CanRetry(*ctx.user);
  if (Service::IsAdministrator(*ctx.user)) b.ShowSection("IS_ADMIN");
  for (const auto& m : rows) {
    auto* o = b.AddSectionDictionary("ROW");
    o->SetIntValue("ID", static_cast<long>(m.id));
    o->SetValue("CODE", m.dossier_code);
    o->SetValue("CODE_URL", http::UrlEncode(m.dossier_code));
    o->SetValue("EVENT", Text("desk.notify_event." + m.event));
    o->SetValue("AT", FormatLocal(m.created_at));
    o->SetValue("STATUS", Text("desk.notify_status." + m.status));
    o->SetValue("CHANNEL", m.channel.empty() ? "" : Text("desk.notify_channel." + m.channel));
    o->SetIntValue("ATTEMPTS", static_cast<long>(m.attempts));
    o->SetValue("ERROR", m.status == "sent" ? "" : m.last_error);
    if (can_retry && m.status == "failed") o->ShowSection("CAN_RETRY");
  }
  b.ShowSection(rows.empty() ? "NONE" : "HAS_ROWS");
  v.ShowDone("notify.done.");
  return v.render();
}

}  // namespace

void RegisterPages(http::App& app, const std::shared_ptr<Service>& svc) {
  app.page("GET", "/desk/messages", http::Access::kUser, [svc](Context& ctx) { return MessagesPage(ctx, *svc); });
  app.page("POST", "/desk/messages/{id}/retry", http::Access::kUser, [svc](Context& ctx) {
    auto id = ctx.req.id_param("id");
    if (!id) throw NotFound("notify.message_not_found");
    svc->Retry(*ctx.user, *id);
    return Response::Redirect("/desk/messages?status=queued&done=retried");
  });
}

}  // namespace fg::notify
