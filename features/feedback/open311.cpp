#include "features/feedback/open311.h"

#include <boost/json.hpp>

#include "features/feedback/rules.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::feedback::open311 {
namespace {

namespace json = boost::json;

const char* kXmlHead = "<?xml version=\"1.0\" encoding=\"utf-8\"?>";

json::value JsonOf(const Value& v) {
  switch (v.kind) {
    case Value::kText: return json::string(v.text);
    case Value::kNumber: return std::stoll(v.text);
    case Value::kBool: return v.text == "true";
    case Value::kNull: return nullptr;
  }
  return nullptr;
}

json::object ObjectOf(const Record& r) {
  json::object o;
  for (const auto& [k, v] : r) o[k] = JsonOf(v);
  return o;
}

std::string XmlOf(const Record& r) {
  std::string out;
  for (const auto& [k, v] : r) {
    if (v.kind == Value::kNull)
      out += "<" + k + "/>";
    else
      out += "<" + k + ">" + text::XmlEscape(v.text) + "</" + k + ">";
  }
  return out;
}

std::string Time(const std::string& utc) {
  if (utc.empty()) return "";
  auto t = ParseUtc(utc);
  return t ? FormatRfc3339Local(*t) : "";
}
Value TimeValue(const std::string& utc) {
  const std::string t = Time(utc);
  return t.empty() ? Value::Null() : Value::Text(t);
}

}  // namespace

std::optional<std::pair<std::string, Format>> SplitFormat(std::string_view segment) {
  const auto dot = segment.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  const std::string_view ext = segment.substr(dot + 1);
  if (ext == "json") return std::make_pair(std::string(segment.substr(0, dot)), Format::kJson);
  if (ext == "xml") return std::make_pair(std::string(segment.substr(0, dot)), Format::kXml);
  return std::nullopt;
}

std::string ContentType(Format f) {
  return f == Format::kJson ? "application/json; charset=utf-8" : "text/xml; charset=utf-8";
}

std::string List(Format f, const std::string& root, const std::string& element, const std::vector<Record>& rows) {
  if (f == Format::kJson) {
    json::array a;
    for (const auto& r : rows) a.push_back(ObjectOf(r));
    return json::serialize(a);
  }
  std::string out = std::string(kXmlHead) + "<" + root + ">";
  for (const auto& r : rows) out += "<" + element + ">" + XmlOf(r) + "</" + element + ">";
  return out + "</" + root + ">";
}

std::string Errors(Format f, int code, const std::string& description) {
  return List(f, "errors", "error", {{{"code", Value::Number(code)}, {"description", Value::Text(description)}}});
}

std::string StatusOf(State s) { return IsOpen(s) ? "open" : "closed"; }

Record RequestOf(const Item& i, const std::string& service_name, const std::string& mask) {
  return {{"service_request_id", Value::Text(i.code)},
          {"status", Value::Text(StatusOf(i.state))},
          {"status_notes", i.published ? Value::Text(i.published_answer) : Value::Null()},
          {"service_name", Value::Text(service_name)},
          {"service_code", Value::Text(i.category)},
          {"description", Value::Text(StripPersonal(i.title, i.person, mask))},
          {"agency_responsible", Value::Text(i.unit_name)},
          {"service_notice", Value::Null()},
          {"requested_datetime", TimeValue(i.received_at)},
          {"updated_datetime", TimeValue(i.updated_at)},
          {"expected_datetime", TimeValue(i.due_at)},
          {"address", Value::Null()},
          {"address_id", Value::Null()},
          {"zipcode", Value::Null()},
          {"lat", Value::Null()},
          {"long", Value::Null()},
          {"media_url", Value::Null()}};
}

std::string Services(Format f, const std::vector<ServiceInfo>& services) {
  std::vector<Record> rows;
  for (const auto& s : services)
    rows.push_back({{"service_code", Value::Text(s.code)},
                    {"service_name", Value::Text(s.name)},
                    {"description", Value::Text(s.description)},
                    {"metadata", Value::Bool(true)},
                    {"type", Value::Text("realtime")},
                    {"keywords", Value::Text("")},
                    {"group", Value::Text("")}});
  return List(f, "services", "service", rows);
}

std::string Definition(Format f, const std::string& service_code, const std::string& kind_description,
                       const std::vector<std::pair<std::string, std::string>>& kinds) {
  const Record attribute = {{"variable", Value::Bool(true)},
                            {"code", Value::Text("kind")},
                            {"datatype", Value::Text("singlevaluelist")},
                            {"required", Value::Bool(false)},
                            {"datatype_description", Value::Text(kind_description)},
                            {"order", Value::Number(1)},
                            {"description", Value::Text(kind_description)}};
  if (f == Format::kJson) {
    json::object a = ObjectOf(attribute);
    json::array values;
    for (const auto& [key, name] : kinds) values.push_back(json::object{{"key", key}, {"name", name}});
    a["values"] = std::move(values);
    return json::serialize(json::object{{"service_code", service_code}, {"attributes", json::array{a}}});
  }
  std::string values;
  for (const auto& [key, name] : kinds)
    values += "<value><key>" + text::XmlEscape(key) + "</key><name>" + text::XmlEscape(name) + "</name></value>";
  return std::string(kXmlHead) + "<service_definition><service_code>" + text::XmlEscape(service_code) +
         "</service_code><attributes><attribute>" + XmlOf(attribute) + "<values>" + values +
         "</values></attribute></attributes></service_definition>";
}

std::string Discovery(Format f, const std::string& base_url, const std::string& changeset, const std::string& contact) {
  const std::string spec = "http://wiki.open311.org/GeoReport_v2";
  if (f == Format::kJson) {
    json::object endpoint{{"specification", spec},
                          {"url", base_url},
                          {"changeset", changeset},
                          {"type", "production"},
                          {"formats", json::array{"text/xml", "application/json"}}};
    return json::serialize(json::object{{"changeset", changeset},
                                        {"contact", contact},
                                        {"key_service", contact},
                                        {"endpoints", json::array{endpoint}}});
  }
  return std::string(kXmlHead) + "<discovery><changeset>" + text::XmlEscape(changeset) + "</changeset><contact>" +
         text::XmlEscape(contact) + "</contact><key_service>" + text::XmlEscape(contact) +
         "</key_service><endpoints><endpoint><specification>" + spec + "</specification><url>" +
         text::XmlEscape(base_url) + "</url><changeset>" + text::XmlEscape(changeset) +
         "</changeset><type>production</type><formats><format>text/xml</format><format>application/json</format>"
         "</formats></endpoint></endpoints></discovery>";
}

}  // namespace fg::feedback::open311
