#include "features/desk/json.h"

#include <boost/json.hpp>

#include "features/desk/rules.h"

namespace fg::desk {
namespace {

boost::json::array DocumentsArray(const std::vector<Document>& docs) {
  boost::json::array a;
  for (auto& d : docs) a.push_back({{"name", d.name}, {"kind", d.kind}, {"count", d.count}});
  return a;
}

}  // namespace

boost::json::value ToJson(const Procedure& p) {
  boost::json::array steps;
  for (auto& s : p.steps) steps.push_back({{"name", s.name}, {"handler", s.handler}, {"hours", s.hours}});
  boost::json::array same_day;
  for (auto& u : p.same_day_units) same_day.push_back(boost::json::value(u));
  return boost::json::object{{"id", p.id},
                             {"version", p.version},
                             {"unit_code", p.unit_code},
                             {"code", p.code},
                             {"name", p.name},
                             {"field", p.field},
                             {"level", p.level},
                             {"limit_unit", LimitName(p.limit)},
                             {"limit_amount", p.limit_amount},
                             {"cutoff", p.cutoff},
                             {"fees", p.fees},
                             {"documents", DocumentsArray(p.documents)},
                             {"result", p.result},
                             {"legal_basis", p.legal_basis},
                             {"steps", steps},
                             {"online_level", p.online_level},
                             {"valid_from", p.valid_from},
                             {"valid_to", p.valid_to ? boost::json::value(*p.valid_to) : boost::json::value()},
                             {"active", p.active},
                             {"same_day_units", same_day}};
}

std::string DocumentsText(const std::vector<Document>& docs) { return boost::json::serialize(DocumentsArray(docs)); }

std::vector<Document> DocumentsFrom(const std::string& json) {
  std::vector<Document> out;
  if (json.empty()) return out;
  const boost::json::value parsed = boost::json::parse(json);
  for (auto& v : parsed.as_array()) {
    auto& o = v.as_object();
    out.push_back({std::string(o.at("name").as_string()), std::string(o.at("kind").as_string()),
                   o.at("count").to_number<int64_t>()});
  }
  return out;
}

std::string StepsText(const std::vector<Step>& steps) {
  boost::json::array a;
  for (auto& s : steps) a.push_back({{"name", s.name}, {"handler", s.handler}, {"hours", s.hours}});
  return boost::json::serialize(a);
}

std::vector<Step> StepsFrom(const std::string& json) {
  std::vector<Step> out;
  if (json.empty()) return out;
  const boost::json::value parsed = boost::json::parse(json);
  for (auto& v : parsed.as_array()) {
    auto& o = v.as_object();
    out.push_back({std::string(o.at("name").as_string()), std::string(o.at("handler").as_string()),
                   o.at("hours").to_number<int64_t>()});
  }
  return out;
}

}  // namespace fg::desk
