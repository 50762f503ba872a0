// Open311 GeoReport v2 documents (pure): the same records as XML and JSON per
// the specification (http://wiki.open311.org/GeoReport_v2): discovery,
// services, a service definition, service requests, errors.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "features/feedback/model.h"

namespace fg::feedback::open311 {

enum class Format { kJson, kXml };
// "json" | "xml" from the last dot of a path segment ("requests.json"): the
// name before it and the format; nullopt for another or no extension.
std::optional<std::pair<std::string, Format>> SplitFormat(std::string_view segment);
std::string ContentType(Format f);

// One record: its fields in order; nullopt is JSON null / an empty XML element.
struct Value {
  enum Kind { kText, kNumber, kBool, kNull } kind = kNull;
  std::string text;
  static Value Text(std::string s) { return {kText, std::move(s)}; }
  static Value Number(long long n) { return {kNumber, std::to_string(n)}; }
  static Value Bool(bool b) { return {kBool, b ? "true" : "false"}; }
  static Value Null() { return {}; }
};
using Record = std::vector<std::pair<std::string, Value>>;

// A list of records: a JSON array of objects, or <root><element>...</element></root>.
std::string List(Format f, const std::string& root, const std::string& element, const std::vector<Record>& rows);
// The errors document: [{"code": 400, "description": "..."}] / <errors><error>...</error></errors>.
std::string Errors(Format f, int code, const std::string& description);

// The service request of an item as the public sees it: no personal data
// (description: the title with personal data removed; status_notes: the
// published answer); expected_datetime is the legal due instant.
Record RequestOf(const Item& item, const std::string& service_name, const std::string& redacted_mask);
// "open" for an item still being handled, "closed" once answered, closed or merged.
std::string StatusOf(State s);

struct ServiceInfo {
  std::string code, name, description;
};
std::string Services(Format f, const std::vector<ServiceInfo>& services);
// The definition: one optional attribute "kind" (a single value list of the kinds a request may be).
std::string Definition(Format f, const std::string& service_code, const std::string& kind_description,
                       const std::vector<std::pair<std::string, std::string>>& kinds);
std::string Discovery(Format f, const std::string& base_url, const std::string& changeset, const std::string& contact);

}  // namespace fg::feedback::open311
