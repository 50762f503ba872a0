#include "features/letters/json.h"

#include "features/letters/rules.h"

namespace fg::letters {
namespace {
boost::json::value OrNull(const std::string& s) { return s.empty() ? boost::json::value() : boost::json::value(s); }
boost::json::value OrNull(const std::optional<int64_t>& v) { return v ? boost::json::value(*v) : boost::json::value(); }
}  // namespace

boost::json::value ToJson(const Letter& l, bool personal) {
  boost::json::object o{{"id", l.id},
                        {"unit_code", l.unit_code},
                        {"type", l.type},
                        {"state", StateName(l.state)},
                        {"year", OrNull(l.year)},
                        {"number", OrNull(l.number)},
                        {"template_version", l.template_version},
                        {"title", l.title},
                        {"front", l.front},
                        {"back", l.back},
                        {"paper", l.paper},
                        {"border", l.border},
                        {"recipient_name", l.recipient_name},
                        {"occasion", l.occasion},
                        {"event_date", OrNull(l.event_date)},
                        {"dossier_code", OrNull(l.dossier_code)},
                        {"signer_title", l.signer_title},
                        {"signer_name", l.signer_name},
                        {"channel", l.channel},
                        {"issued_at", OrNull(l.issued_at)},
                        {"printed_at", OrNull(l.printed_at)},
                        {"delivered_at", OrNull(l.delivered_at)},
                        {"source", l.source},
                        {"created_at", l.created_at},
                        {"revision", l.revision}};
  if (personal) {
    o["recipient_address"] = l.recipient_address;
    o["recipient_phone"] = l.recipient_phone;
  }
  return o;
}

boost::json::value ToJson(const Template& t) {
  return boost::json::object{{"type", t.type},   {"version", t.version}, {"unit_code", OrNull(t.unit_code)},
                             {"title", t.title}, {"front", t.front},     {"back", t.back},
                             {"paper", t.paper}, {"border", t.border},   {"created_at", OrNull(t.created_at)}};
}

boost::json::value ToJson(const Settings& s) {
  return boost::json::object{
      {"unit_code", s.unit_code}, {"place", s.place}, {"signer_title", s.signer_title}, {"signer_name", s.signer_name}};
}

boost::json::value ToJson(const Counts& c) {
  boost::json::array types, months;
  for (const auto& l : c.by_type) types.push_back({{"type", l.type}, {"count", l.n}});
  for (const auto& [m, n] : c.by_month) months.push_back({{"month", m}, {"count", n}});
  return boost::json::object{{"unit_code", c.unit_code}, {"unit_name", c.unit_name}, {"from", c.from},    {"to", c.to},
                             {"total", c.total},         {"by_type", types},         {"by_month", months}};
}

boost::json::value ToJson(const DoNotSend& d) {
  return boost::json::object{
      {"id", d.id},       {"unit_code", d.unit_code}, {"name", d.name},     {"id_number", d.id_number},
      {"phone", d.phone}, {"note", d.note},           {"masked", d.masked}, {"created_at", d.created_at}};
}

}  // namespace fg::letters
