#include "features/dashboard/rules.h"

#include <boost/json.hpp>

#include "platform/render/messages.h"
#include "platform/time.h"

namespace fg::dashboard {
namespace {

using render::HasText;
using render::Text;
namespace json = boost::json;

json::object ParseObject(const std::string& s) {
  if (s.empty()) return {};
  boost::system::error_code ec;
  auto v = json::parse(s, ec);
  if (ec || !v.is_object()) return {};
  return std::move(v.as_object());
}

std::string StringAt(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end()) return "";
  if (it->value().is_string()) return std::string(it->value().as_string());
  if (it->value().is_int64()) return std::to_string(it->value().as_int64());
  if (it->value().is_uint64()) return std::to_string(it->value().as_uint64());
  return "";
}

// "Xã Tân Hưng (25310)", or the code alone when the name is unknown.
std::string UnitLabel(const std::string& name, const std::string& code) {
  if (code.empty()) return Text("event.value_empty");
  if (name.empty()) return code;
  return Text("event.unit_label", {{"name", name}, {"code", code}});
}

std::string UnitByCode(const std::string& code, const std::map<std::string, std::string>& names) {
  auto it = names.find(code);
  return UnitLabel(it == names.end() ? "" : it->second, code);
}

std::string RoleLabel(const std::string& role) { return HasText("org.role." + role) ? Text("org.role." + role) : role; }

// One role grant of an official's "roles" array: "Quản trị tại Tỉnh Một (P1)".
std::string GrantLabel(const json::value& g, const std::map<std::string, std::string>& names) {
  if (!g.is_object()) return json::serialize(g);
  return Text("event.grant_label", {{"role", RoleLabel(StringAt(g.as_object(), "role"))},
                                    {"unit", UnitByCode(StringAt(g.as_object(), "unit_code"), names)}});
}

std::string Weekdays(const std::string& days) {
  std::string out;
  for (char ch : days) {
    if (ch < '1' || ch > '7') continue;
    if (!out.empty()) out += ", ";
    out += Text(std::string("calendar.weekday.") + ch);
  }
  return out.empty() ? Text("event.value_none") : out;
}

// A value of a before/after JSON as people read it.
std::string Value(std::string_view key, const json::value& v, const std::map<std::string, std::string>& names) {
  if (v.is_null()) return Text("event.value_empty");
  if (v.is_bool()) {
    if (key == "active") return Text(v.as_bool() ? "event.value_active" : "event.value_inactive");
    return Text(v.as_bool() ? "event.value_yes" : "event.value_no");
  }
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_uint64()) return std::to_string(v.as_uint64());
  if (v.is_array()) {
    std::string out;
    for (auto& item : v.as_array()) {
      if (!out.empty()) out += "; ";
      out += key == "roles" ? GrantLabel(item, names) : json::serialize(item);
    }
    return out.empty() ? Text("event.value_none") : out;
  }
  if (!v.is_string()) return json::serialize(v);
  std::string s(v.as_string());
  if (s.empty()) return Text("event.value_empty");
  if (key == "level" && HasText("org.level." + s)) return Text("org.level." + s);
  if (key == "kind" && HasText("calendar.kind." + s)) return Text("calendar.kind." + s);
  if (key == "role") return RoleLabel(s);
  if (key == "rest_days") return Weekdays(s);
  if (key == "parent_code" || key == "successor_code" || key == "unit_code") return UnitByCode(s, names);
  if (IsIsoDate(s)) return DisplayDate(s);
  // An instant (due dates, hand-overs): local time, dd/mm/yyyy.
  if (s.size() >= 20 && IsIsoDate(s.substr(0, 10)) && s[10] == 'T')
    if (auto t = ParseRfc3339(s)) return FormatLocal(FormatUtc(*t));
  return s;
}

std::string FieldLabel(const std::string& key) { return HasText("field." + key) ? Text("field." + key) : key; }

std::vector<Change> Diff(const json::object& before, const json::object& after,
                         const std::map<std::string, std::string>& names) {
  std::vector<Change> out;
  auto add = [&](const std::string& key) {
    if (key == "id") return;
    const json::value* b = before.if_contains(key);
    const json::value* a = after.if_contains(key);
    static const json::value kNull;
    if (!b) b = &kNull;
    if (!a) a = &kNull;
    if (*a == *b) return;
    out.push_back({FieldLabel(key), Value(key, *b, names), Value(key, *a, names)});
  };
  for (auto& kv : after) add(std::string(kv.key()));
  for (auto& kv : before)
    if (!after.contains(kv.key())) add(std::string(kv.key()));
  return out;
}

// The grant an official gained (grant) or lost (revoke): in one roles array and not the other.
const json::value* ChangedGrant(const json::object& from, const json::object& to) {
  auto roles = [](const json::object& o) -> const json::array* {
    auto* v = o.if_contains("roles");
    return v && v->is_array() ? &v->as_array() : nullptr;
  };
  const json::array* a = roles(from);
  const json::array* b = roles(to);
  if (!a) return nullptr;
  for (auto& g : *a) {
    bool found = false;
    if (b)
      for (auto& h : *b) found = found || h == g;
    if (!found) return &g;
  }
  return nullptr;
}

}  // namespace

Described Describe(const LogEntry& entry, const std::map<std::string, std::string>& names) {
  const events::Stored& e = entry.event;
  const json::object before = ParseObject(e.before_json);
  const json::object after = ParseObject(e.after_json);
  auto field = [&](std::string_view key) {
    std::string v = StringAt(after, key);
    return v.empty() ? StringAt(before, key) : v;
  };
  std::map<std::string, std::string> args;
  args["actor"] = !entry.actor_name.empty() ? entry.actor_name : e.actor_id ? e.actor : Text("event.actor_system");
  args["action"] = HasText("event." + e.action) ? Text("event." + e.action) : e.action;
  args["entity"] = HasText("event.entity." + e.entity) ? Text("event.entity." + e.entity) : e.entity;
  args["target"] = e.entity_id;
  if (e.entity == "unit" || e.entity == "work_week") {
    std::string name = e.entity == "unit" ? field("name") : "";
    args["target"] = UnitLabel(name.empty() ? entry.unit_name : name, e.entity_id);
  } else if (e.entity == "official") {
    std::string name = field("full_name");
    if (name.empty()) name = entry.official_name;
    std::string username = field("username");
    if (username.empty()) username = entry.official_username;
    // Account events name the account by the username it was recorded with.
    if (username.empty() && e.actor_id && std::to_string(*e.actor_id) == e.entity_id) username = e.actor;
    args["target"] = name.empty() ? Text("event.official_number", {{"id", e.entity_id}}) : name;
    args["username"] = username.empty() ? args["target"] : username;
    args["address"] = StringAt(after, "client_address");
    args["failures"] = StringAt(after, "failures");
    args["account_failures"] = StringAt(after, "account_failures");
    std::string wait = StringAt(after, "wait_seconds");
    if (!wait.empty()) args["minutes"] = std::to_string((std::stoll(wait) + 59) / 60);
    args["token"] = StringAt(after, "token_id");
    const json::value* g = e.action == "grant"    ? ChangedGrant(after, before)
                           : e.action == "revoke" ? ChangedGrant(before, after)
                                                  : nullptr;
    if (g && g->is_object()) {
      args["role"] = RoleLabel(StringAt(g->as_object(), "role"));
      args["unit"] = UnitByCode(StringAt(g->as_object(), "unit_code"), names);
    }
  } else if (e.entity == "calendar_day") {
    args["date"] = DisplayDate(e.entity_id);
    args["name"] = field("name");
    std::string kind = field("kind");
    args["day"] = HasText("event.day." + kind) ? Text("event.day." + kind) : Text("event.day.other");
  } else if (e.entity == "calendar_year") {
    args["year"] = e.entity_id;
  }

  std::string key = "event.sentence." + e.entity + "." + e.action;
  // A grant or revoke whose role cannot be told from the record reads without it.
  if ((e.action == "grant" || e.action == "revoke") && !args.count("role")) key += "_unknown";
  if (e.action == "login_failed" && args["address"].empty()) key += "_unknown";
  Described d;
  d.sentence = Text(HasText(key) ? key : "event.sentence.fallback", args);
  if (!e.before_json.empty() && !e.after_json.empty()) d.changes = Diff(before, after, names);
  return d;
}

std::vector<std::string> UnitCodesIn(const LogEntry& entry) {
  std::vector<std::string> out;
  for (const std::string* s : {&entry.event.before_json, &entry.event.after_json}) {
    json::object o = ParseObject(*s);
    for (const char* key : {"parent_code", "successor_code", "unit_code"})
      if (auto v = StringAt(o, key); !v.empty()) out.push_back(v);
    if (auto* roles = o.if_contains("roles"); roles && roles->is_array())
      for (auto& g : roles->as_array())
        if (g.is_object())
          if (auto v = StringAt(g.as_object(), "unit_code"); !v.empty()) out.push_back(v);
  }
  return out;
}

}  // namespace fg::dashboard
