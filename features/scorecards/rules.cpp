#include "features/scorecards/rules.h"

#include <algorithm>
#include <functional>

#include "platform/errors.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::scorecards {

std::string_view MethodName(Method m) {
  switch (m) {
    case Method::kManual: return "manual";
    case Method::kIndicator: return "indicator";
    case Method::kSurvey: return "survey";
  }
  return "manual";
}

std::optional<Method> ParseMethod(std::string_view s) {
  for (Method m : {Method::kManual, Method::kIndicator, Method::kSurvey})
    if (MethodName(m) == s) return m;
  return std::nullopt;
}

std::string_view RuleKindName(RuleKind k) {
  switch (k) {
    case RuleKind::kTarget: return "target";
    case RuleKind::kBands: return "bands";
    case RuleKind::kPenalty: return "penalty";
  }
  return "target";
}

std::optional<RuleKind> ParseRuleKind(std::string_view s) {
  for (RuleKind k : {RuleKind::kTarget, RuleKind::kBands, RuleKind::kPenalty})
    if (RuleKindName(k) == s) return k;
  return std::nullopt;
}

const std::vector<std::string>& Indicators() {
  static const std::vector<std::string> k = {"on_time_rate",
                                             "late_count",
                                             "satisfaction_share",
                                             "apology_count",
                                             "letters_sent",
                                             "feedback_on_time_rate",
                                             "feedback_satisfaction_share"};
  return k;
}

bool IsRate(std::string_view indicator) {
  return indicator == "on_time_rate" || indicator == "satisfaction_share" || indicator == "feedback_on_time_rate" ||
         indicator == "feedback_satisfaction_share";
}

int64_t DivRoundHalfUp(int64_t n, int64_t d) {
  __int128 nn = n, dd = d;
  return static_cast<int64_t>((2 * nn + dd) / (2 * dd));
}

Points ParsePoints(std::string_view field, std::string_view text) {
  auto bad = [&] { return BadInput("scorecards.points_format", std::string(field)); };
  std::string t = text::Trim(text);
  if (t.empty() || t.size() > 12) throw bad();
  Points whole = 0, frac = 0;
  size_t i = 0, digits = 0;
  for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, ++digits) whole = whole * 10 + (t[i] - '0');
  if (digits == 0) throw bad();
  if (i < t.size()) {
    if (t[i] != ',' && t[i] != '.') throw bad();
    ++i;
    size_t fd = 0;
    for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, ++fd) frac = frac * 10 + (t[i] - '0');
    if (fd == 0 || fd > 2 || i != t.size()) throw bad();
    if (fd == 1) frac *= 10;
  }
  return whole * 100 + frac;
}

std::string FormatPoints(Points p) {
  std::string s = p < 0 ? "-" : "";
  Points a = p < 0 ? -p : p;
  s += std::to_string(a / 100);
  Points f = a % 100;
  if (f == 0) return s;
  s += ',';
  s += static_cast<char>('0' + f / 10);
  if (f % 10) s += static_cast<char>('0' + f % 10);
  return s;
}

Points EnteredPoints(const Criterion& c, std::string_view field, std::string_view text) {
  Points p = ParsePoints(field, text);
  if (p > c.max) throw BadInput("scorecards.points_max", std::string(field), {{"max", FormatPoints(c.max)}});
  if (c.step > 0 && p % c.step != 0)
    throw BadInput("scorecards.points_step", std::string(field), {{"step", FormatPoints(c.step)}});
  return p;
}

namespace {
// count / volume >= bp / 10000, exactly.
bool Reaches(const IndicatorValue& v, int64_t bp) {
  return static_cast<__int128>(v.count) * 10000 >= static_cast<__int128>(bp) * v.volume;
}
}  // namespace

Points ComputedPoints(const Criterion& c, const IndicatorValue& v) {
  const Rule& r = c.rule;
  switch (r.kind) {
    case RuleKind::kTarget: {
      if (v.volume <= 0 || r.target_bp <= 0) return 0;
      if (Reaches(v, r.target_bp)) return c.max;
      __int128 n = static_cast<__int128>(v.count) * c.max * 10000, d = static_cast<__int128>(v.volume) * r.target_bp;
      return std::min<Points>(c.max, static_cast<Points>((2 * n + d) / (2 * d)));
    }
    case RuleKind::kBands: {
      if (v.volume <= 0) return 0;
      Points p = 0;
      for (const auto& b : r.bands)
        if (Reaches(v, b.from_bp)) p = b.points;
      return std::min(p, c.max);
    }
    case RuleKind::kPenalty: {
      __int128 p = static_cast<__int128>(c.max) - static_cast<__int128>(r.per) * std::max<int64_t>(v.count, 0);
      return static_cast<Points>(std::max<__int128>(p, r.floor));
    }
  }
  return 0;
}

int64_t MinVolume(const CriteriaSet& s, const Criterion& c) { return c.min_volume > 0 ? c.min_volume : s.min_volume; }

namespace {
constexpr Points kMaxPoints = 10000;

bool KeyOk(std::string_view k, std::string_view extra, size_t max) {
  if (k.empty() || k.size() > max) return false;
  for (char ch : k)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ||
          extra.find(ch) != std::string_view::npos))
      return false;
  return true;
}

struct Checker {
  Problems& p;
  std::set<std::string> keys = {};
  size_t nodes = 0;

  void Node(const Criterion& in, Criterion& out, const std::string& f, size_t depth) {
    ++nodes;
    out = in;
    if (!KeyOk(in.key, ".", 30))
      p.add(BadInput("scorecards.key_format", f + ".key"));
    else if (!keys.insert(in.key).second)
      p.add(BadInput("scorecards.key_duplicate", f + ".key", {{"key", in.key}}));
    out.title = p.check([&] { return text::Clean(f + ".title", in.title, 300, true); });
    out.guidance = p.check([&] { return text::Clean(f + ".guidance", in.guidance, 2000, false, true); });
    out.evidence_what = p.check([&] { return text::Clean(f + ".evidence_what", in.evidence_what, 500, false); });
    if (in.max <= 0 || in.max > kMaxPoints) p.add(BadInput("scorecards.max_range", f + ".max"));
    if (depth >= kMaxDepth && !in.children.empty()) p.add(BadInput("scorecards.too_deep", f + ".children"));
    if (in.min_volume < 0 || in.min_volume > 1000000) p.add(BadInput("scorecards.min_volume_range", f + ".min_volume"));
    if (!in.children.empty()) {
      Points sum = 0;
      for (const auto& ch : in.children) sum += ch.max;
      if (in.max > 0 && sum != in.max)
        p.add(BadInput("scorecards.max_not_sum", f + ".max", {{"sum", FormatPoints(sum)}}));
      for (size_t i = 0; i < in.children.size(); ++i)
        Node(in.children[i], out.children[i], f + ".children[" + std::to_string(i) + "]", depth + 1);
      return;
    }
    switch (in.method) {
      case Method::kManual:
        if (in.step <= 0 || (in.max > 0 && in.step > in.max)) p.add(BadInput("scorecards.step_range", f + ".step"));
        break;
      case Method::kIndicator:
        if (std::find(Indicators().begin(), Indicators().end(), in.indicator) == Indicators().end())
          p.add(BadInput("scorecards.indicator_unknown", f + ".indicator"));
        CheckRule(in, f);
        break;
      case Method::kSurvey:
        out.indicator = p.check([&] { return text::Clean(f + ".indicator", in.indicator, 60, true); });
        CheckRule(in, f);
        break;
    }
  }

  void CheckRule(const Criterion& c, const std::string& f) {
    const Rule& r = c.rule;
    switch (r.kind) {
      case RuleKind::kTarget:
        if (r.target_bp <= 0 || r.target_bp > 10000) p.add(BadInput("scorecards.target_range", f + ".rule.target"));
        break;
      case RuleKind::kBands: {
        if (r.bands.empty()) p.add(BadInput("scorecards.bands_required", f + ".rule.bands"));
        for (size_t i = 0; i < r.bands.size(); ++i) {
          const auto& b = r.bands[i];
          std::string bf = f + ".rule.bands[" + std::to_string(i) + "]";
          if (b.from_bp < 0 || b.from_bp > 10000 || (i > 0 && b.from_bp <= r.bands[i - 1].from_bp))
            p.add(BadInput("scorecards.band_order", bf + ".from"));
          if (b.points < 0 || b.points > c.max) p.add(BadInput("scorecards.band_points", bf + ".points"));
        }
        break;
      }
      case RuleKind::kPenalty:
        if (r.per <= 0 || r.per > kMaxPoints) p.add(BadInput("scorecards.per_range", f + ".rule.per"));
        if (r.floor < 0 || r.floor > c.max) p.add(BadInput("scorecards.floor_range", f + ".rule.floor"));
        break;
    }
  }
};
}  // namespace

CriteriaSet ValidateSet(const CriteriaSet& in) {
  Problems p;
  CriteriaSet out = in;
  if (!KeyOk(in.code, "-", 30)) p.add(BadInput("scorecards.code_format", "code"));
  out.name = p.check([&] { return text::Clean("name", in.name, 200, true); });
  out.description = p.check([&] { return text::Clean("description", in.description, 2000, false, true); });
  if (in.min_volume < 0 || in.min_volume > 1000000) p.add(BadInput("scorecards.min_volume_range", "min_volume"));
  if (in.criteria.empty() || in.criteria.size() > kMaxTop)
    p.add(BadInput("scorecards.criteria_count", "criteria", {{"max", std::to_string(kMaxTop)}}));
  Checker ck{p};
  Points total = 0;
  for (size_t i = 0; i < in.criteria.size() && i < kMaxTop; ++i) {
    ck.Node(in.criteria[i], out.criteria[i], "criteria[" + std::to_string(i) + "]", 1);
    total += in.criteria[i].max;
  }
  if (ck.nodes > kMaxNodes)
    p.add(BadInput("scorecards.too_many_nodes", "criteria", {{"max", std::to_string(kMaxNodes)}}));
  const auto& r = in.recognition;
  if (r.min_total < 0 || r.min_total > total) p.add(BadInput("scorecards.min_total_range", "recognition.min_total"));
  if (r.min_share_bp < 0 || r.min_share_bp > 10000) p.add(BadInput("scorecards.share_range", "recognition.min_share"));
  std::set<std::string> dq;
  for (size_t i = 0; i < r.disqualifiers.size(); ++i) {
    std::string f = "recognition.disqualifiers[" + std::to_string(i) + "]";
    if (!KeyOk(r.disqualifiers[i].key, "", 30) || !dq.insert(r.disqualifiers[i].key).second)
      p.add(BadInput("scorecards.key_format", f + ".key"));
    out.recognition.disqualifiers[i].title =
        p.check([&] { return text::Clean(f + ".title", r.disqualifiers[i].title, 300, true); });
  }
  p.raise_if_any();
  return out;
}

namespace {
void CollectLeaves(const Criterion& c, std::vector<const Criterion*>& out) {
  if (c.leaf()) {
    out.push_back(&c);
    return;
  }
  for (const auto& ch : c.children) CollectLeaves(ch, out);
}
const Criterion* FindIn(const Criterion& c, std::string_view key) {
  if (c.key == key) return &c;
  for (const auto& ch : c.children)
    if (auto* f = FindIn(ch, key)) return f;
  return nullptr;
}
}  // namespace

std::vector<const Criterion*> Leaves(const CriteriaSet& s) {
  std::vector<const Criterion*> out;
  for (const auto& c : s.criteria) CollectLeaves(c, out);
  return out;
}

const Criterion* Find(const CriteriaSet& s, std::string_view key) {
  for (const auto& c : s.criteria)
    if (auto* f = FindIn(c, key)) return f;
  return nullptr;
}

Score ScoreSet(const CriteriaSet& s, const std::map<std::string, Points>& manual,
               const std::map<std::string, IndicatorValue>& computed, const std::map<std::string, Points>& adjusted) {
  Score out;
  std::function<Points(const Criterion&)> walk = [&](const Criterion& c) -> Points {
    Points p = 0;
    if (!c.leaf()) {
      for (const auto& ch : c.children) p += walk(ch);
    } else {
      LineScore line;
      line.key = c.key;
      auto adj = adjusted.find(c.key);
      if (c.method != Method::kManual) {
        auto it = computed.find(c.key);
        if (it != computed.end()) line.raw = it->second;
      }
      if (adj != adjusted.end()) {
        p = std::clamp<Points>(adj->second, 0, c.max);
      } else if (c.method == Method::kManual) {
        auto it = manual.find(c.key);
        p = it == manual.end() ? 0 : std::clamp<Points>(it->second, 0, c.max);
      } else {
        auto it = computed.find(c.key);
        IndicatorValue v = it == computed.end() ? IndicatorValue{} : it->second;
        line.raw = v;
        if (v.volume < MinVolume(s, c)) {
          line.below_minimum = true;
          out.below_minimum = true;
        } else {
          p = ComputedPoints(c, v);
        }
      }
      line.points = p;
      out.lines[c.key] = line;
    }
    out.points[c.key] = p;
    return p;
  };
  for (const auto& c : s.criteria) {
    out.total += walk(c);
    out.max_total += c.max;
  }
  return out;
}

RecognitionResult Recognise(const CriteriaSet& s, const Score& score, const std::set<std::string>& flagged) {
  RecognitionResult r;
  r.total_ok = score.total >= s.recognition.min_total;
  for (const auto& c : s.criteria) {
    auto it = score.points.find(c.key);
    Points got = it == score.points.end() ? 0 : it->second;
    // got / max >= share / 10000, exactly.
    if (static_cast<__int128>(got) * 10000 < static_cast<__int128>(c.max) * s.recognition.min_share_bp)
      r.weak_criteria.push_back(c.key);
  }
  for (const auto& d : s.recognition.disqualifiers)
    if (flagged.count(d.key)) r.disqualified_by.push_back(d.key);
  r.recognised = r.total_ok && r.weak_criteria.empty() && r.disqualified_by.empty();
  return r;
}

std::vector<Ranked> Rank(std::vector<Entry> entries) {
  std::vector<std::pair<std::string, Entry>> keyed;
  for (auto& e : entries) keyed.emplace_back(text::Fold(e.unit_name), std::move(e));
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    if (a.second.below_minimum != b.second.below_minimum) return !a.second.below_minimum;
    if (!a.second.below_minimum && a.second.total != b.second.total) return a.second.total > b.second.total;
    return a.first < b.first;
  });
  std::vector<Ranked> out;
  for (size_t i = 0; i < keyed.size(); ++i) {
    Ranked r;
    r.entry = std::move(keyed[i].second);
    if (!r.entry.below_minimum) {
      if (i > 0 && !out.back().entry.below_minimum && out.back().entry.total == r.entry.total) {
        r.rank = out.back().rank;
        r.tied = true;
        out.back().tied = true;
      } else {
        r.rank = static_cast<int64_t>(i) + 1;
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<Gap> Gaps(const CriteriaSet& s, const Score& score, size_t n) {
  std::vector<Gap> gaps;
  for (const Criterion* c : Leaves(s)) {
    auto it = score.points.find(c->key);
    Gap g{c->key, c->title, it == score.points.end() ? 0 : it->second, c->max};
    if (g.gap() > 0) gaps.push_back(g);
  }
  std::stable_sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) { return a.gap() > b.gap(); });
  if (gaps.size() > n) gaps.resize(n);
  return gaps;
}

std::optional<std::string> SniffEvidenceType(std::string_view b) {
  if (b.starts_with("%PDF-")) return "application/pdf";
  if (b.starts_with(std::string_view("\x89PNG\r\n\x1a\n", 8))) return "image/png";
  if (b.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
  if (b.starts_with(std::string_view("PK\x03\x04", 4))) {
    // Entry names are stored in clear in the local headers and the central directory.
    if (b.find("word/document.xml") != std::string_view::npos)
      return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (b.find("xl/workbook.xml") != std::string_view::npos)
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return std::nullopt;
}

std::string_view StateName(State s) {
  switch (s) {
    case State::kDraft: return "draft";
    case State::kSubmitted: return "submitted";
    case State::kReturned: return "returned";
    case State::kLocked: return "locked";
  }
  return "draft";
}

std::optional<State> ParseState(std::string_view s) {
  for (State x : {State::kDraft, State::kSubmitted, State::kReturned, State::kLocked})
    if (StateName(x) == s) return x;
  return std::nullopt;
}

bool MaySelfAssess(const auth::Principal& p, std::string_view unit_path) {
  for (const auto& g : p.grants)
    if ((g.role == auth::Role::kLeader || g.role == auth::Role::kAdmin) && g.unit_path == unit_path) return true;
  return false;
}

bool MayAppraise(const auth::Principal& p, std::string_view unit_path) {
  for (const auto& g : p.grants)
    if ((g.role == auth::Role::kEvaluator || g.role == auth::Role::kLeader) && g.unit_path.size() < unit_path.size() &&
        unit_path.starts_with(g.unit_path))
      return true;
  return false;
}

Score ScoreOf(const CriteriaSet& s, const Assessment& a, const std::map<std::string, IndicatorValue>& live) {
  std::map<std::string, Points> manual, adjusted;
  std::map<std::string, IndicatorValue> computed = live;
  for (const Criterion* c : Leaves(s)) {
    auto it = a.lines.find(c->key);
    if (it == a.lines.end()) continue;
    const Line& l = it->second;
    if (c->method == Method::kManual) {
      if (l.appraised_points)
        manual[c->key] = *l.appraised_points;
      else if (l.self_points)
        manual[c->key] = *l.self_points;
    } else {
      if (l.appraised_points) adjusted[c->key] = *l.appraised_points;
      if (l.raw) computed[c->key] = *l.raw;
    }
  }
  return ScoreSet(s, manual, computed, adjusted);
}

std::map<std::string, Line> ApplySelf(const CriteriaSet& s, std::map<std::string, Line> lines,
                                      const std::map<std::string, SelfInput>& in) {
  Problems p;
  for (const auto& entry : in) {
    const std::string& key = entry.first;  // not structured bindings: lambdas below read them (clang 14)
    const auto& v = entry.second;
    const std::string f = "lines." + key;
    const Criterion* c = Find(s, key);
    if (!c || !c->leaf() || c->method != Method::kManual) {
      p.add(BadInput("scorecards.line_unknown", f + ".points"));
      continue;
    }
    Line& l = lines[key];
    l.key = key;
    if (text::Trim(v.points).empty())
      l.self_points.reset();
    else
      l.self_points = p.check([&] { return std::optional<Points>(EnteredPoints(*c, f + ".points", v.points)); });
    l.explanation = p.check([&] { return text::Clean(f + ".explanation", v.explanation, 2000, false, true); });
  }
  p.raise_if_any();
  return lines;
}

std::map<std::string, Line> ApplyAppraisal(const CriteriaSet& s, std::map<std::string, Line> lines,
                                           const std::map<std::string, AppraisalInput>& in) {
  Problems p;
  for (const auto& entry : in) {
    const std::string& key = entry.first;  // not structured bindings: lambdas below read them (clang 14)
    const auto& v = entry.second;
    const std::string f = "lines." + key;
    const Criterion* c = Find(s, key);
    if (!c || !c->leaf()) {
      p.add(BadInput("scorecards.line_unknown", f + ".points"));
      continue;
    }
    Line& l = lines[key];
    l.key = key;
    if (!v.adjust) {
      if (c->method == Method::kManual) {
        if (!l.self_points) {
          p.add(BadInput("scorecards.points_missing", f + ".points"));
          continue;
        }
        l.appraised_points = l.self_points;
      } else {
        l.appraised_points.reset();
      }
      l.appraisal_reason.clear();
      continue;
    }
    auto pts = p.check([&] { return std::optional<Points>(EnteredPoints(*c, f + ".points", v.points)); });
    auto reason = p.check([&] { return text::Clean(f + ".reason", v.reason, 1000, true, true); });
    if (pts && !reason.empty()) {
      l.appraised_points = pts;
      l.appraisal_reason = reason;
    }
  }
  p.raise_if_any();
  return lines;
}

void CheckSubmit(const CriteriaSet& s, const Assessment& a, const std::set<std::string>& with_evidence) {
  Problems p;
  for (const Criterion* c : Leaves(s)) {
    if (c->method != Method::kManual) continue;
    auto it = a.lines.find(c->key);
    if (it == a.lines.end() || !it->second.self_points)
      p.add(BadInput("scorecards.points_missing", "lines." + c->key + ".points"));
    else if (c->evidence_required && !with_evidence.count(c->key))
      p.add(BadInput("scorecards.evidence_missing", "lines." + c->key + ".points"));
  }
  p.raise_if_any();
}

void CheckLock(const CriteriaSet& s, const Assessment& a) {
  Problems p;
  for (const Criterion* c : Leaves(s)) {
    if (c->method != Method::kManual) continue;
    auto it = a.lines.find(c->key);
    if (it == a.lines.end() || !it->second.appraised_points)
      p.add(BadInput("scorecards.appraisal_missing", "lines." + c->key + ".points"));
  }
  p.raise_if_any();
}

void CheckDeadlines(const std::string& self_due, const std::string& appraisal_due) {
  Problems p;
  auto date = [](const std::string& d) { return d.empty() || (d.size() == 10 && ParseIsoDate(d).has_value()); };
  if (!date(self_due)) p.add(BadInput("scorecards.date_format", "self_due"));
  if (!date(appraisal_due))
    p.add(BadInput("scorecards.date_format", "appraisal_due"));
  else if (date(self_due) && !self_due.empty() && !appraisal_due.empty() && appraisal_due < self_due)
    p.add(BadInput("scorecards.deadline_order", "appraisal_due"));
  p.raise_if_any();
}

std::vector<Reminder> DueReminders(const Assessment& a, const std::string& today) {
  std::string step, due;
  if (a.state == State::kDraft || a.state == State::kReturned) {
    step = "self";
    due = a.self_due;
  } else if (a.state == State::kSubmitted) {
    step = "appraisal";
    due = a.appraisal_due;
  }
  const auto d = ParseIsoDate(due), t = ParseIsoDate(today);
  if (step.empty() || !d || !t) return {};
  if (*t > *d) return {{step, "overdue", due}};
  if (*t >= *d - std::chrono::days(kRemindDaysBefore)) return {{step, "soon", due}};
  return {};
}

int ParseYear(std::string_view field, std::string_view text_in) {
  const std::string year = text::Trim(text_in);
  if (year.size() != 4 || !std::all_of(year.begin(), year.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) ||
      std::stoi(year) < 2000 || std::stoi(year) > 2100)
    throw BadInput("scorecards.commitment_year", std::string(field));
  return std::stoi(year);
}

Goal GoalOf(std::string_view indicator) {
  return indicator == "late_count" || indicator == "apology_count" ? Goal::kAtMost : Goal::kAtLeast;
}

Commitment ParseCommitment(const std::string& indicator_in, const std::string& year_in, const std::string& target_in,
                           const std::string& note_in) {
  Problems p;
  Commitment c;
  c.indicator = text::Trim(indicator_in);
  const bool known = std::find(Indicators().begin(), Indicators().end(), c.indicator) != Indicators().end();
  if (!known) p.add(BadInput("scorecards.indicator_unknown", "indicator"));
  c.year = p.check([&] { return ParseYear("year", year_in); });
  const bool rate = known && IsRate(c.indicator);
  const char* target_error = rate ? "scorecards.commitment_rate" : "scorecards.commitment_count";
  if (auto t = p.check([&] {
        try {
          return std::optional<Points>(ParsePoints("target", target_in));
        } catch (const AppError&) {
          throw BadInput(target_error, "target");  // in the commitment's words, not the points'
        }
      })) {
    if ((rate && *t > 10000) || (!rate && (*t % 100 != 0 || *t > 100'000'000)))
      p.add(BadInput(target_error, "target"));
    else
      c.target = rate ? *t : *t / 100;
  }
  if (auto n = p.check([&] { return std::optional<std::string>(text::Clean("note", note_in, 500, false, true)); }))
    c.note = *n;
  p.raise_if_any();
  return c;
}

CommitmentProgress ProgressOf(const Commitment& c, const std::optional<IndicatorValue>& value) {
  CommitmentProgress out;
  out.commitment = c;
  out.goal = GoalOf(c.indicator);
  out.rate = IsRate(c.indicator);
  out.value = value;
  if (!value) return out;
  out.measured = !out.rate || value->volume > 0;
  if (!out.measured) return out;
  if (out.rate)
    out.met = static_cast<__int128>(value->count) * 10000 >= static_cast<__int128>(c.target) * value->volume;
  else
    out.met = out.goal == Goal::kAtMost ? value->count <= c.target : value->count >= c.target;
  return out;
}

}  // namespace fg::scorecards
