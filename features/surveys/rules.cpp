#include "features/surveys/rules.h"

#include <algorithm>
#include <set>

#include "platform/errors.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::surveys {

std::string_view SourceName(Source s) { return s == Source::kCitizen ? "citizen" : "evaluator"; }

std::optional<Source> ParseSource(std::string_view s) {
  if (s == "citizen") return Source::kCitizen;
  if (s == "evaluator") return Source::kEvaluator;
  return std::nullopt;
}

std::string_view GradeName(Grade g) {
  switch (g) {
    case Grade::kExcellent: return "xuat_sac";
    case Grade::kGood: return "tot";
    case Grade::kFair: return "kha";
    case Grade::kAverage: return "trung_binh";
    case Grade::kWeak: return "yeu";
  }
  return "yeu";
}

Grade GradeOf(int64_t total, int64_t max) {
  if (max <= 0) return Grade::kWeak;
  // total / max compared with t / 18 without rounding: total * 18 against t * max.
  int64_t scaled = total * 18;
  if (scaled > 15 * max) return Grade::kExcellent;
  if (scaled >= 12 * max) return Grade::kGood;
  if (scaled >= 9 * max) return Grade::kFair;
  if (scaled >= 6 * max) return Grade::kAverage;
  return Grade::kWeak;
}

namespace {
int64_t PointsOf(desk::Timeliness t) {
  switch (t) {
    case desk::Timeliness::kEarly: return 2;
    case desk::Timeliness::kOnTime: return 1;
    case desk::Timeliness::kLate: return 0;
  }
  return 0;
}
}  // namespace

DossierFacts FactsOf(const desk::Dossier& d, const std::vector<desk::Handover>& handovers,
                     const std::vector<desk::Entry>& entries) {
  DossierFacts f;
  f.finished = d.timeliness.has_value();
  if (d.timeliness) f.total = PointsOf(*d.timeliness);
  for (const auto& h : handovers)
    if (h.timeliness) f.steps.push_back(PointsOf(*h.timeliness));
  for (const auto& e : entries)
    if (e.action == desk::Action::kRequestSupplement) ++f.supplements;
  f.agencies = 1;
  return f;
}

std::optional<int64_t> Computed(std::string_view compute, const DossierFacts& f) {
  if (compute == "total_time") return f.total.value_or(0);
  if (compute == "step_time") {
    if (f.steps.empty()) return f.total.value_or(0);
    return *std::min_element(f.steps.begin(), f.steps.end());
  }
  if (compute == "supplements") return f.supplements == 0 ? 2 : f.supplements == 1 ? 1 : 0;
  if (compute == "agencies") return f.agencies <= 1 ? 2 : f.agencies == 2 ? 1 : 0;
  return std::nullopt;
}

Evaluation Score(const CriteriaSet& set, const DossierFacts& f, const std::map<std::string, std::string>& entered) {
  if (!f.finished) throw AppError(ErrorKind::kConflict, "surveys.eval_not_finished");
  Problems p;
  Evaluation e;
  e.set_id = set.id;
  e.max_total = set.max_total();
  for (const auto& c : set.criteria) {
    int64_t points = 0;
    if (auto v = Computed(c.compute, f)) {
      points = std::min(*v, c.max);
    } else {
      std::string field = "points." + c.key;
      auto it = entered.find(c.key);
      std::string text = it == entered.end() ? "" : std::string(text::Trim(it->second));
      if (text.empty()) {
        p.add(BadInput("surveys.points_required", field));
        continue;
      }
      bool digits =
          text.size() <= 2 && std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
      if (!digits || std::stoll(text) > c.max) {
        p.add(BadInput("surveys.points_range", field, {{"max", std::to_string(c.max)}}));
        continue;
      }
      points = std::stoll(text);
    }
    e.points[c.key] = points;
    e.total += points;
  }
  p.raise_if_any();
  e.grade = GradeOf(e.total, e.max_total);
  return e;
}

CriteriaSet ValidateCriteriaSet(const CriteriaSet& in) {
  Problems p;
  CriteriaSet out = in;
  out.name = p.check([&] { return text::Clean("name", in.name, 200, true); });
  if (in.criteria.empty() || in.criteria.size() > 30) p.add(BadInput("surveys.criteria_count", "criteria"));
  std::set<std::string> keys;
  for (size_t i = 0; i < in.criteria.size() && i < 30; ++i) {
    const auto& c = in.criteria[i];
    std::string at = "criteria[" + std::to_string(i) + "].";
    bool key_ok = !c.key.empty() && c.key.size() <= 20 && std::all_of(c.key.begin(), c.key.end(), [](char ch) {
      return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
    });
    if (!key_ok)
      p.add(BadInput("surveys.criterion_key", at + "key"));
    else if (!keys.insert(c.key).second)
      p.add(BadInput("surveys.criterion_key_twice", at + "key"));
    out.criteria[i].label = p.check([&] { return text::Clean(at + "label", c.label, 300, true); });
    if (!c.compute.empty() && !Computed(c.compute, DossierFacts{}))
      p.add(BadInput("surveys.criterion_compute", at + "compute"));
    if (c.max < 1 || c.max > 10) p.add(BadInput("surveys.criterion_max", at + "max"));
  }
  p.raise_if_any();
  return out;
}

stats::Share ElementIndex(const Likert& counts, int64_t minimum) {
  int64_t total = 0;
  for (auto n : counts) total += n;
  return stats::WilsonShare(counts[3] + counts[4], total, minimum);
}

double SipasIndex(const std::vector<stats::Share>& elements) {
  if (elements.empty()) return 0;
  double sum = 0;
  for (const auto& s : elements) sum += s.value;
  return sum / static_cast<double>(elements.size());
}

}  // namespace fg::surveys

namespace fg::surveys {

std::string_view KindName(QuestionKind k) {
  switch (k) {
    case QuestionKind::kLikert: return "likert";
    case QuestionKind::kSingle: return "single";
    case QuestionKind::kMultiple: return "multiple";
    case QuestionKind::kText: return "text";
  }
  return "likert";
}

std::optional<QuestionKind> ParseKind(std::string_view s) {
  for (auto k : {QuestionKind::kLikert, QuestionKind::kSingle, QuestionKind::kMultiple, QuestionKind::kText})
    if (KindName(k) == s) return k;
  return std::nullopt;
}

namespace {
bool KeyLike(const std::string& s, size_t max, bool digits) {
  return !s.empty() && s.size() <= max && std::all_of(s.begin(), s.end(), [&](char ch) {
    return (ch >= 'a' && ch <= 'z') || ch == '_' || (digits && ch >= '0' && ch <= '9');
  });
}
bool IsChoice(QuestionKind k) { return k == QuestionKind::kSingle || k == QuestionKind::kMultiple; }
// The whole number of `s` in [lo, hi], or nullopt.
std::optional<int64_t> Index(const std::string& s, int64_t lo, int64_t hi) {
  if (s.empty() || s.size() > 3 || !std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
    return std::nullopt;
  int64_t v = std::stoll(s);
  if (v < lo || v > hi) return std::nullopt;
  return v;
}
}  // namespace

Questionnaire ValidateQuestionnaire(const Questionnaire& in) {
  Problems p;
  Questionnaire out = in;
  out.name = p.check([&] { return text::Clean("name", in.name, 200, true); });
  if (in.sections.empty() || in.sections.size() > kMaxSections) p.add(BadInput("surveys.sections_count", "sections"));
  std::set<std::string> keys;
  size_t total = 0;
  for (size_t i = 0; i < in.sections.size() && i < kMaxSections; ++i) {
    const std::string at = "sections[" + std::to_string(i) + "]";
    auto& so = out.sections[i];
    so.title = p.check([&] { return text::Clean(at + ".title", in.sections[i].title, 200, true); });
    if (in.sections[i].questions.empty()) p.add(BadInput("surveys.questions_count", at + ".questions"));
    for (size_t j = 0; j < in.sections[i].questions.size(); ++j) {
      if (++total > kMaxQuestions) {
        p.add(BadInput("surveys.questions_count", at + ".questions"));
        break;
      }
      const auto& q = in.sections[i].questions[j];
      auto& qo = so.questions[j];
      const std::string qat = at + ".questions[" + std::to_string(j) + "]";
      if (!KeyLike(q.key, 20, true))
        p.add(BadInput("surveys.question_key", qat + ".key"));
      else if (!keys.insert(q.key).second)
        p.add(BadInput("surveys.question_key_twice", qat + ".key"));
      qo.text = p.check([&] { return text::Clean(qat + ".text", q.text, 500, true); });
      if (IsChoice(q.kind)) {
        if (q.options.size() < 2 || q.options.size() > kMaxOptions)
          p.add(BadInput("surveys.options_count", qat + ".options"));
        for (size_t k = 0; k < q.options.size() && k < kMaxOptions; ++k)
          qo.options[k] = p.check(
              [&] { return text::Clean(qat + ".options[" + std::to_string(k) + "]", q.options[k], 200, true); });
      } else if (!q.options.empty()) {
        p.add(BadInput("surveys.options_unexpected", qat + ".options"));
      }
      if (!q.element.empty() && (q.kind != QuestionKind::kLikert || !KeyLike(q.element, 30, false)))
        p.add(BadInput("surveys.question_element", qat + ".element"));
    }
  }
  p.raise_if_any();
  return out;
}

Answers ValidateAnswers(const Questionnaire& q, const Answers& in) {
  Problems p;
  Answers out;
  std::set<std::string> known;
  for (const auto& s : q.sections)
    for (const auto& qu : s.questions) {
      known.insert(qu.key);
      const std::string field = "answers." + qu.key;
      std::vector<std::string> given;
      if (auto it = in.find(qu.key); it != in.end())
        for (const auto& v : it->second) {
          std::string t = text::Trim(v);
          if (!t.empty()) given.push_back(std::move(t));
        }
      if (given.empty()) {
        if (qu.required) p.add(BadInput("surveys.answer_required", field));
        continue;
      }
      bool ok = true;
      switch (qu.kind) {
        case QuestionKind::kLikert: ok = given.size() == 1 && Index(given[0], 1, 5); break;
        case QuestionKind::kSingle:
          ok = given.size() == 1 && Index(given[0], 0, static_cast<int64_t>(qu.options.size()) - 1);
          break;
        case QuestionKind::kMultiple: {
          std::set<int64_t> seen;
          for (const auto& g : given) {
            auto v = Index(g, 0, static_cast<int64_t>(qu.options.size()) - 1);
            if (!v || !seen.insert(*v).second) ok = false;
          }
          break;
        }
        case QuestionKind::kText: {
          ok = given.size() == 1;
          if (ok) {
            try {
              given[0] = text::Clean(field, given[0], kMaxAnswerChars, true, true);
            } catch (const AppError& e) {
              p.add(e);
              continue;
            }
          }
          break;
        }
      }
      if (!ok) {
        p.add(BadInput("surveys.answer_invalid", field));
        continue;
      }
      out[qu.key] = std::move(given);
    }
  for (const auto& [k, v] : in)
    if (!known.count(k)) p.add(BadInput("surveys.answer_unknown", "answers." + k.substr(0, 40)));
  p.raise_if_any();
  return out;
}

std::map<std::string, Likert> ElementAnswers(const Questionnaire& q, const Answers& a) {
  std::map<std::string, Likert> out;
  for (const auto& s : q.sections)
    for (const auto& qu : s.questions) {
      if (qu.kind != QuestionKind::kLikert || qu.element.empty()) continue;
      auto it = a.find(qu.key);
      if (it == a.end() || it->second.size() != 1) continue;
      if (auto v = Index(it->second[0], 1, 5)) out[qu.element][*v - 1] += 1;
    }
  return out;
}

}  // namespace fg::surveys

namespace fg::surveys {

namespace {
std::string PlusMonths(const std::string& iso, int months) {
  auto d = ParseIsoDate(iso);
  if (!d) return iso;
  std::chrono::year_month_day ymd{*d};
  auto ym = std::chrono::year_month{ymd.year(), ymd.month()} + std::chrono::months(months);
  auto last = std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}}.day();
  auto day = ymd.day() > last ? last : ymd.day();
  return FormatIsoDate(std::chrono::sys_days{ym.year() / ym.month() / day});
}

// A campaign's sample target as typed: 1 to kMaxTarget answers, digits only.
std::optional<int64_t> TargetOf(const std::string& typed) {
  const std::string t = text::Trim(typed);
  const bool digits =
      !t.empty() && t.size() <= 6 && std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  if (!digits || std::stoll(t) < 1 || std::stoll(t) > kMaxTarget) return std::nullopt;
  return std::stoll(t);
}
}  // namespace

Campaign ValidateCampaign(const CampaignInput& in, std::string_view today) {
  Problems p;
  Campaign c;
  c.name = p.check([&] { return text::Clean("name", in.name, 200, true); });
  c.questionnaire_id = in.questionnaire_id;
  if (in.questionnaire_id <= 0) p.add(BadInput("surveys.campaign_questionnaire", "questionnaire_id"));
  auto from = ParseIsoDate(in.from), to = ParseIsoDate(in.to);
  if (!from) p.add(BadInput("surveys.campaign_date", "from"));
  if (!to) p.add(BadInput("surveys.campaign_date", "to"));
  if (from && to) {
    if (*to < *from)
      p.add(BadInput("surveys.campaign_period", "to"));
    else if ((*to - *from).count() + 1 > kMaxCampaignDays)
      p.add(BadInput("surveys.campaign_too_long", "to"));
    else if (in.to < today)
      p.add(BadInput("surveys.campaign_past", "to"));
  }
  c.from = in.from;
  c.to = in.to;
  std::set<std::string> seen;
  for (const auto& u : in.unit_codes) {
    std::string code = text::Trim(u);
    if (!code.empty() && seen.insert(code).second) c.unit_codes.push_back(code);
  }
  if (c.unit_codes.empty() || c.unit_codes.size() > kMaxCampaignUnits)
    p.add(BadInput("surveys.campaign_units", "units"));
  if (auto target = TargetOf(in.target))
    c.target = *target;
  else
    p.add(BadInput("surveys.campaign_target", "target"));
  c.repeat_6_months = in.repeat_6_months;
  p.raise_if_any();
  return c;
}

Campaign ValidateCampaignEdit(const Campaign& now, const CampaignEdit& in, std::string_view today) {
  Problems p;
  Campaign c = now;
  if (in.name) c.name = p.check([&] { return text::Clean("name", *in.name, 200, true); });
  if (in.to && *in.to != now.to) {  // an unchanged end date is not checked again (a later round's first one is past)
    auto from = ParseIsoDate(now.from), to = ParseIsoDate(*in.to);
    if (!to)
      p.add(BadInput("surveys.campaign_date", "to"));
    else if (from && *to < *from)
      p.add(BadInput("surveys.campaign_period", "to"));
    else if (from && (*to - *from).count() + 1 > kMaxCampaignDays)
      p.add(BadInput("surveys.campaign_too_long", "to"));
    else if (*in.to < today)
      p.add(BadInput("surveys.campaign_past", "to"));
    c.to = *in.to;
  }
  if (in.target) {
    if (auto target = TargetOf(*in.target))
      c.target = *target;
    else
      p.add(BadInput("surveys.campaign_target", "target"));
  }
  p.raise_if_any();
  return c;
}

Campaign RoundOf(const Campaign& first, int k) {
  Campaign n = first;
  n.id = 0;
  n.from = PlusMonths(first.from, 6 * k);
  n.to = PlusMonths(first.to, 6 * k);
  return n;
}

bool IsOpen(const Campaign& c, std::string_view day) { return !c.closed() && day >= c.from && day <= c.to; }

Campaign RoundDates(const Campaign& c, int round) { return round <= 1 ? c : RoundOf(c, round - 1); }

int RoundAt(const Campaign& c, std::string_view day) {
  if (!c.repeat_6_months) return 1;
  if (c.closed() && std::string_view(c.closed_on) < day) day = c.closed_on;  // no round starts after closing
  int r = 1;
  while (r < kMaxRounds && RoundOf(c, r).from <= day) ++r;
  return r;
}

std::vector<std::pair<std::string, std::string>> CountsOf(const Questionnaire& q, const Answers& a) {
  std::vector<std::pair<std::string, std::string>> out{{"*", ""}};
  for (const auto& s : q.sections)
    for (const auto& question : s.questions) {
      auto it = a.find(question.key);
      if (it == a.end() || it->second.empty()) continue;
      out.emplace_back(question.key, "");
      if (question.kind == QuestionKind::kText) continue;
      for (const auto& v : it->second) {
        // Validated: a whole number ("05" and "5" count as one).
        std::string n = v;
        n.erase(0, std::min(n.find_first_not_of('0'), n.size() - 1));
        out.emplace_back(question.key, n);
      }
    }
  return out;
}

}  // namespace fg::surveys
