#include "features/desk/json.h"

#include <boost/json.hpp>

#include "features/desk/rules.h"
#include "features/desk/stats.h"
#include "platform/time.h"

namespace fg::desk {
namespace {

boost::json::array DocumentsArray(const std::vector<Document>& docs) {
  boost::json::array a;
  for (auto& d : docs) a.push_back({{"name", d.name}, {"kind", d.kind}, {"count", d.count}});
  return a;
}

boost::json::value OrNull(const std::string& s) { return s.empty() ? boost::json::value() : boost::json::value(s); }

}  // namespace

boost::json::value InstantJson(const std::string& utc_text) {
  if (utc_text.empty()) return nullptr;
  auto t = ParseUtc(utc_text);
  return t ? boost::json::value(FormatRfc3339Local(*t)) : boost::json::value(utc_text);
}

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

boost::json::value ToJson(const Dossier& d, bool personal) {
  boost::json::object o{
      {"code", d.code},
      {"unit_code", d.unit_code},
      {"procedure",
       {{"id", d.procedure_id},
        {"version", d.procedure_version},
        {"code", d.procedure_code},
        {"name", d.procedure_name}}},
      {"state", StateName(d.state)},
      {"state_code", static_cast<int>(d.state)},
      {"received_at", InstantJson(d.received_at)},
      {"starts_at", InstantJson(d.starts_at)},
      {"due_at", InstantJson(d.due_at)},
      {"same_day", d.same_day},
      {"completed_at", InstantJson(d.completed_at)},
      {"timeliness", d.timeliness ? boost::json::value(TimelinessName(*d.timeliness)) : boost::json::value()},
      {"closed_at", InstantJson(d.closed_at)},
      {"apologised", d.apologised}};
  if (!personal) return o;
  o["id"] = d.id;
  o["version"] = d.version;
  o["applicant"] = {{"name", d.applicant.name},
                    {"id_number", d.applicant.id_number},
                    {"phone", d.applicant.phone},
                    {"email", d.applicant.email},
                    {"address", d.applicant.address}};
  o["summary"] = d.summary;
  o["documents"] = DocumentsArray(d.documents);
  o["return_method"] = d.return_method;
  o["received_by"] = d.received_by;
  o["warning_at"] = InstantJson(d.warning_at);
  o["original_due_at"] = InstantJson(d.original_due_at);
  o["step"] = d.step;
  o["assignee_id"] = d.assignee_id ? boost::json::value(d.assignee_id) : boost::json::value();
  o["paused_since"] = InstantJson(d.paused_since);
  o["paused_seconds"] = d.paused_seconds;
  o["reason"] = OrNull(d.reason);
  o["returned_to"] = OrNull(d.returned_to);
  return o;
}

boost::json::value ToJson(const Handover& h) {
  return boost::json::object{
      {"step", h.step},
      {"step_name", h.step_name},
      {"from_official", h.from_official ? boost::json::value(h.from_official) : boost::json::value()},
      {"to_official", h.to_official},
      {"given_at", InstantJson(h.given_at)},
      {"received_at", InstantJson(h.received_at)},
      {"budget_seconds", h.budget_seconds},
      {"due_at", InstantJson(h.due_at)},
      {"finished_at", InstantJson(h.finished_at)},
      {"used_seconds", h.used_seconds},
      {"timeliness", h.timeliness ? boost::json::value(TimelinessName(*h.timeliness)) : boost::json::value()}};
}

boost::json::value ToJson(const Entry& e) {
  return boost::json::object{{"action", ActionName(e.action)}, {"from", StateName(e.from)},
                             {"to", StateName(e.to)},          {"actor", e.actor},
                             {"at", InstantJson(e.at)},        {"note", OrNull(e.note)}};
}

boost::json::value ToJson(const Apology& a) {
  return boost::json::object{{"reason", a.reason},
                             {"previous_due_at", InstantJson(a.previous_due_at)},
                             {"new_due_at", InstantJson(a.new_due_at)},
                             {"at", InstantJson(a.at)},
                             {"override_reason", OrNull(a.override_reason)}};
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

namespace {
boost::json::object FiguresJson(const StatsFigures& f) {
  const Counters& n = f.n;
  boost::json::object o{{"received", n.received},
                        {"resolved", f.resolved()},
                        {"resolved_early", n.resolved_early},
                        {"resolved_on_time", n.resolved_on_time},
                        {"resolved_late", n.resolved_late},
                        {"refused", n.refused},
                        {"withdrawn", n.withdrawn},
                        {"stopped", n.stopped},
                        {"returned", n.returned},
                        {"apologies", n.apologies},
                        {"supplements", n.supplements},
                        {"resolved_working_seconds", n.resolved_seconds},
                        {"in_progress_on_time", f.open_on_time},
                        {"in_progress_overdue", f.open_overdue}};
  auto rate = OnTimeRate(n);
  o["on_time_rate"] = rate ? boost::json::value(*rate) : boost::json::value();
  auto avg = AverageResolveSeconds(n);
  o["average_working_seconds"] = avg ? boost::json::value(*avg) : boost::json::value();
  return o;
}
}  // namespace

boost::json::value ToJson(const StatsReport& r) {
  boost::json::array groups;
  for (const auto& l : r.lines) {
    boost::json::object o{{"key", l.key}, {"label", OrNull(l.label)}, {"code", OrNull(l.code)}};
    for (auto& [k, v] : FiguresJson(l.f)) o[k] = v;
    groups.push_back(std::move(o));
  }
  return boost::json::object{
      {"unit", {{"code", r.unit_code}, {"name", r.unit_name}}},
      {"from", r.from},
      {"to", r.to},
      {"by", StatsGroupName(r.by)},
      {"procedure", r.procedure_id ? boost::json::value(std::to_string(*r.procedure_id)) : boost::json::value()},
      {"official", r.official_id ? boost::json::value(std::to_string(*r.official_id)) : boost::json::value()},
      {"as_of", InstantJson(r.as_of)},
      {"groups", std::move(groups)},
      {"total", FiguresJson(r.total)},
  };
}

}  // namespace fg::desk
