#include "features/scorecards/page_parts.h"

#include <algorithm>
#include <set>

#include "features/scorecards/rules.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::scorecards {

using render::Text;

std::vector<std::string> RecognitionReasons(const CriteriaSet& s, const RecognitionResult& r) {
  std::vector<std::string> out;
  if (!r.total_ok) out.push_back(Text("scorecards.reason.total_low", {{"min", FormatPoints(s.recognition.min_total)}}));
  for (const auto& k : r.weak_criteria) {
    const Criterion* c = Find(s, k);
    out.push_back(Text("scorecards.reason.weak",
                       {{"criterion", c ? c->title : k}, {"share", FormatPoints(s.recognition.min_share_bp)}}));
  }
  for (const auto& k : r.disqualified_by)
    for (const auto& d : s.recognition.disqualifiers)
      if (d.key == k) out.push_back(Text("scorecards.reason.disqualified", {{"condition", d.title}}));
  return out;
}

int64_t SetIdOf(std::string_view text, const std::string& field) {
  if (text.empty()) return 0;
  const auto id = text::ParseInt64(text);
  if (!id || *id < 0) throw BadInput("scorecards.set_not_found", field);
  return *id;
}

int64_t SetFromQuery(const http::Request& req) {
  try {
    return SetIdOf(req.query_param("set"), "set");
  } catch (const AppError&) {
    throw NotFound("scorecards.set_not_found");
  }
}

std::vector<Assessment> AssessmentsSeen(Service& svc, const auth::Principal& p) {
  try {
    return svc.Assessments(p, "");
  } catch (const AppError&) {
    return {};  // no unit of the caller's own
  }
}

int64_t SetOptions(ctemplate::TemplateDictionary& b, const std::vector<CriteriaSet>& sets,
                   const std::vector<Assessment>& seen, int64_t asked, bool per_code) {
  int64_t chosen = asked;
  if (chosen == 0) {
    auto locked = std::find_if(seen.begin(), seen.end(), [](const Assessment& a) { return a.state == State::kLocked; });
    chosen = locked != seen.end() ? locked->set_id
             : !seen.empty()      ? seen.front().set_id
             : sets.empty()       ? 0
                                  : sets.front().id;
  }
  std::string chosen_code;
  for (const auto& s : sets)
    if (s.id == chosen) chosen_code = s.code;
  std::set<std::string> codes;
  for (const auto& s : sets) {
    if (per_code && !codes.insert(s.code).second) continue;
    auto* o = b.AddSectionDictionary("OPTION");
    o->SetIntValue("ID", s.id);
    o->SetValue(
        "NAME",
        per_code ? s.name : Text("scorecards.set_option", {{"name", s.name}, {"version", std::to_string(s.version)}}));
    if (per_code ? s.code == chosen_code : s.id == chosen) o->ShowSection("SELECTED");
  }
  return chosen;
}

void PeriodOptions(ctemplate::TemplateDictionary& b, const Ranking& r) {
  for (const auto& from : r.periods) {
    auto* o = b.AddSectionDictionary("PERIOD");
    o->SetValue("FROM", from);
    o->SetValue("TEXT", Text("scorecards.period_start", {{"from", DisplayDate(from)}}));
    if (from == r.from) o->ShowSection("SELECTED");
  }
  if (!r.periods.empty()) b.ShowSection("HAS_PERIODS");
}

bool KnownPeriod(const Ranking& r, const std::string& from) {
  return from.empty() || r.periods.empty() || std::find(r.periods.begin(), r.periods.end(), from) != r.periods.end();
}

std::vector<const auth::Grant*> AdminGrants(const auth::Principal& p) {
  std::vector<const auth::Grant*> out;
  for (const auto& g : p.grants)
    if (g.role == auth::Role::kAdmin) out.push_back(&g);
  return out;
}

std::string MethodText(const Criterion& c) {
  using render::Text;
  switch (c.method) {
    case Method::kManual: return Text("scorecards.method.manual", {{"step", FormatPoints(c.step)}});
    case Method::kIndicator: return Text("scorecards.indicator." + c.indicator);
    case Method::kSurvey: return Text("scorecards.method.survey", {{"element", c.indicator}});
  }
  return "";
}

}  // namespace fg::scorecards
