// Open311 GeoReport v2 at /open311/v2/ (open311.h writes the documents):
//   GET  /open311/v2/{discovery|services|requests}.{json|xml}
//   GET  /open311/v2/services/{service_code}.{json|xml}   (the definition)
//   GET  /open311/v2/requests/{service_request_id}.{json|xml}
//   POST /open311/v2/requests.{json|xml}   (api_key: an API token of an official handling the unit)
// The GETs are public and never carry personal data; only feedback and
// recommendations are listed. Errors are the specification's errors document
// with the same HTTP status (400, 403, 404, 429).
#include "features/feedback/open311.h"
#include "features/feedback/routes.h"
#include "features/feedback/rules.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/text/text.h"

namespace fg::feedback {
namespace {

using http::Context;
using http::Response;
using open311::Format;
using render::Text;

Response Doc(Format f, int status, std::string body) {
  return Response::Text(status, std::move(body), open311::ContentType(f));
}

Response Error(Format f, int status, const std::string& key, const std::map<std::string, std::string>& args = {}) {
  return Doc(f, status, open311::Errors(f, status, Text(key, args)));
}

Response ErrorOf(Format f, const AppError& e) {
  switch (e.kind()) {
    case ErrorKind::kBadRequest: {
      const auto problems = e.problems();
      if (problems.empty()) return Error(f, 400, e.key(), e.args());
      // The first problem, naming the parameter.
      return Doc(f, 400,
                 open311::Errors(f, 400,
                                 Text("feedback.open311.bad_parameter",
                                      {{"parameter", problems.front().field},
                                       {"problem", Text(problems.front().key, problems.front().args)}})));
    }
    case ErrorKind::kUnauthorized:
    case ErrorKind::kForbidden: return Error(f, 403, "feedback.open311.bad_key");
    case ErrorKind::kNotFound: return Error(f, 404, "feedback.open311.not_found");
    case ErrorKind::kTooMany: return Error(f, 429, e.key());
    default: return Error(f, 500, "feedback.open311.failed");
  }
}

std::string ServiceName(const std::string& category) { return Text("feedback.category." + category); }

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t comma = s.find(',', start);
    const std::string part =
        text::Trim(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (!part.empty()) out.push_back(part);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

std::string Param(const Context& ctx, const std::map<std::string, std::string>& form, const std::string& name) {
  auto it = form.find(name);
  return it != form.end() ? it->second : ctx.req.query_param(name);
}

Response Requests(Context& ctx, Service& svc, Format f) {
  Service::RequestQuery q;
  q.codes = SplitComma(ctx.req.query_param("service_request_id"));
  q.service_code = ctx.req.query_param("service_code");
  q.statuses = SplitComma(ctx.req.query_param("status"));
  q.start = ctx.req.query_param("start_date");
  q.end = ctx.req.query_param("end_date");
  q.unit_code = ctx.req.query_param("jurisdiction_id");
  std::vector<open311::Record> rows;
  const std::string mask = Text("feedback.redacted");
  for (const auto& i : svc.PublicRequests(q)) rows.push_back(open311::RequestOf(i, ServiceName(i.category), mask));
  return Doc(f, 200, open311::List(f, "service_requests", "request", rows));
}

Response Post(Context& ctx, http::App& app, Service& svc, Format f) {
  const auto form = ctx.req.form();
  // The API key, else the bearer token the pipeline already read.
  std::optional<auth::Principal> by;
  if (const std::string key = Param(ctx, form, "api_key"); !key.empty()) {
    http::Request with_key;
    with_key.add_header("Authorization", "Bearer " + key);
    if (app.authenticate) by = app.authenticate(with_key);
    if (!by || !by->via_api_token) return Error(f, 403, "feedback.open311.bad_key");
  } else if (ctx.user && ctx.user->via_api_token) {
    by = *ctx.user;
  } else {
    return Error(f, 403, "feedback.open311.bad_key");
  }
  ItemInput in;
  in.channel = "open311";
  in.unit_code = Param(ctx, form, "jurisdiction_id");
  in.category = Param(ctx, form, "service_code");
  in.kind = Param(ctx, form, "attribute[kind]");
  if (in.kind.empty()) in.kind = "feedback";
  const std::string address = Param(ctx, form, "address_string");
  const std::string lat = Param(ctx, form, "lat"), lon = Param(ctx, form, "long");
  Problems problems;
  if (in.unit_code.empty()) problems.add(BadInput("error.required", "jurisdiction_id"));
  if (in.category.empty())
    problems.add(BadInput("error.required", "service_code"));
  else if (!IsCategory(in.category))
    problems.add(BadInput("feedback.bad_category", "service_code"));
  if (address.empty() && (lat.empty() || lon.empty()))
    problems.add(BadInput("feedback.open311.location_required", "address_string"));
  problems.raise_if_any();
  in.title = ServiceName(in.category) + (address.empty() ? "" : ": " + address);
  in.content = Param(ctx, form, "description");
  if (!address.empty()) in.content += "\n" + Text("feedback.open311.address", {{"address", address}});
  if (!lat.empty()) in.content += "\n" + Text("feedback.open311.position", {{"lat", lat}, {"long", lon}});
  const std::string first = Param(ctx, form, "first_name"), last = Param(ctx, form, "last_name");
  in.person.name = text::Trim(last + " " + first);
  in.person.phone = Param(ctx, form, "phone");
  in.person.email = Param(ctx, form, "email");
  Item item;
  try {
    item = svc.Register(*by, in);
  } catch (const AppError& e) {
    if (e.kind() != ErrorKind::kBadRequest) throw;
    // The form's field names as the specification's parameters.
    const std::map<std::string, std::string> names = {
        {"feedback_title", "address_string"}, {"content", "description"},   {"feedback_kind", "attribute[kind]"},
        {"unit_code", "jurisdiction_id"},     {"category", "service_code"}, {"name", "last_name"}};
    auto it = names.find(e.field());
    throw it == names.end() ? e : WithField(e, it->second);
  }
  open311::Record r = {{"service_request_id", open311::Value::Text(item.code)},
                       {"service_notice", open311::Value::Text(Text("feedback.open311.notice"))},
                       {"account_id", open311::Value::Null()}};
  return Doc(f, 201, open311::List(f, "service_requests", "request", {r}));
}

template <class F>
Response Guarded(Format f, F&& body) {
  try {
    return body();
  } catch (const AppError& e) {
    return ErrorOf(f, e);
  }
}

}  // namespace

void RegisterOpen311(http::App& app, const std::shared_ptr<Service>& svc) {
  app.api("GET", "/open311/v2/{document}", http::Access::kPublic, [svc](Context& ctx) {
    const auto doc = open311::SplitFormat(ctx.req.params.at("document"));
    if (!doc) return Error(Format::kJson, 404, "feedback.open311.not_found");
    const Format f = doc->second;
    return Guarded(f, [&] {
      if (doc->first == "discovery")
        return Doc(f, 200,
                   open311::Discovery(f, render::Site().public_url + "/open311/v2", "2026-11-27T00:00:00+07:00",
                                      render::Site().email));
      if (doc->first == "services") {
        std::vector<open311::ServiceInfo> services;
        for (const char* c : kCategories)
          services.push_back({c, ServiceName(c), Text("feedback.open311.service_description")});
        return Doc(f, 200, open311::Services(f, services));
      }
      if (doc->first == "requests") return Requests(ctx, *svc, f);
      return Error(f, 404, "feedback.open311.not_found");
    });
  });
  app.api("GET", "/open311/v2/services/{service}", http::Access::kPublic, [](Context& ctx) {
    const auto doc = open311::SplitFormat(ctx.req.params.at("service"));
    if (!doc) return Error(Format::kJson, 404, "feedback.open311.not_found");
    const Format f = doc->second;
    if (!IsCategory(doc->first)) return Error(f, 404, "feedback.open311.not_found");
    std::vector<std::pair<std::string, std::string>> kinds;
    for (Kind k : kKinds)
      kinds.emplace_back(std::string(KindName(k)), Text("feedback.kind." + std::string(KindName(k))));
    return Doc(f, 200, open311::Definition(f, doc->first, Text("feedback.open311.kind_description"), kinds));
  });
  app.api("GET", "/open311/v2/requests/{request}", http::Access::kPublic, [svc](Context& ctx) {
    const auto doc = open311::SplitFormat(ctx.req.params.at("request"));
    if (!doc) return Error(Format::kJson, 404, "feedback.open311.not_found");
    const Format f = doc->second;
    auto item = svc->PublicRequest(doc->first);
    if (!item) return Error(f, 404, "feedback.open311.not_found");
    return Doc(f, 200,
               open311::List(f, "service_requests", "request",
                             {open311::RequestOf(*item, ServiceName(item->category), Text("feedback.redacted"))}));
  });
  app.api("POST", "/open311/v2/{document}", http::Access::kPublic, [&app, svc](Context& ctx) {
    const auto doc = open311::SplitFormat(ctx.req.params.at("document"));
    if (!doc) return Error(Format::kJson, 404, "feedback.open311.not_found");
    const Format f = doc->second;
    if (doc->first != "requests") return Error(f, 404, "feedback.open311.not_found");
    return Guarded(f, [&] { return Post(ctx, app, *svc, f); });
  });
}

}  // namespace fg::feedback
