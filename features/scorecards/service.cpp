#include "features/scorecards/service.h"

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "features/desk/service.h"
#include "features/desk/stats.h"
#include "features/feedback/service.h"
#include "features/letters/service.h"
#include "features/notify/model.h"
#include "features/notify/repo.h"
#include "features/org/repo.h"
#include "features/org/service.h"
#include "features/ratings/service.h"
#include "features/scorecards/json.h"
#include "features/scorecards/repo.h"
#include "features/scorecards/rules.h"
#include "features/surveys/service.h"
#include "platform/auth/crypto.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::scorecards {
namespace {
namespace json = boost::json;
using auth::Principal;
using auth::Role;
using render::Text;

bool IsDate(const std::string& s) { return s.size() == 10 && ParseIsoDate(s).has_value(); }

org::Unit UnitOf(db::Conn& c, const std::string& code) {
  auto u = org::Service::FindUnit(c, code);
  if (!u) throw BadInput("scorecards.unit_unknown", "unit", {{"code", code}});
  return *u;
}

std::string UnitCodeOr(const Principal& p, const std::string& code) {
  if (!code.empty()) return code;
  auto roots = auth::Roots(p);
  for (const auto& g : p.grants)
    if (!roots.empty() && g.unit_path == roots.front()) return g.unit_code;
  throw Forbidden();
}

bool HasComputed(const CriteriaSet& s) {
  for (const Criterion* c : Leaves(s))
    if (c->method != Method::kManual) return true;
  return false;
}

// The live values by leaf key: an indicator leaf's by its name, a survey
// leaf's by "survey:" and its element.
std::map<std::string, IndicatorValue> ByLeaf(const CriteriaSet& s, const std::map<std::string, IndicatorValue>& v) {
  std::map<std::string, IndicatorValue> out;
  for (const Criterion* c : Leaves(s)) {
    if (c->method == Method::kManual) continue;
    auto it = v.find(c->method == Method::kSurvey ? "survey:" + c->indicator : c->indicator);
    if (it != v.end()) out[c->key] = it->second;
  }
  return out;
}

std::string AssessmentJson(const Assessment& a) {
  json::object lines;
  for (const auto& [k, l] : a.lines) {
    json::object o;
    o["self"] = l.self_points ? json::value(*l.self_points) : json::value();
    o["appraised"] = l.appraised_points ? json::value(*l.appraised_points) : json::value();
    if (!l.appraisal_reason.empty()) o["reason"] = l.appraisal_reason;
    if (l.raw) o["raw"] = json::array{l.raw->count, l.raw->volume};
    lines[k] = std::move(o);
  }
  json::array flags;
  for (const auto& f : a.flags) flags.push_back(json::value(f));
  json::object o{{"state", StateName(a.state)}, {"flags", flags}, {"lines", lines}};
  if (!a.return_comment.empty()) o["comment"] = a.return_comment;
  if (a.total) o["total"] = *a.total;
  if (!a.self_due.empty()) o["self_due"] = a.self_due;
  if (!a.appraisal_due.empty()) o["appraisal_due"] = a.appraisal_due;
  return json::serialize(o);
}

void Record(db::Conn& c, const Principal& p, const Assessment& before, const Assessment& after,
            const std::string& action) {
  events::Append(c, events::By(p, after.unit_id, "scorecard_assessment", std::to_string(after.id), action,
                               before.id ? AssessmentJson(before) : "", AssessmentJson(after)));
}
}  // namespace

// ---- live indicators ----
std::map<std::string, IndicatorValue> LiveIndicators::Read(const Principal& p, const std::string& unit_code,
                                                           const std::string& from, const std::string& to) {
  std::map<std::string, IndicatorValue> out;
  desk::StatsQuery q;
  q.unit_code = unit_code;
  q.from = from;
  q.to = to;
  auto st = desk_.Statistics(p, q);
  const auto& n = st.total.n;
  const int64_t resolved = st.total.resolved();
  out["on_time_rate"] = {n.resolved_early + n.resolved_on_time, resolved};
  out["late_count"] = {n.resolved_late, resolved};
  out["apology_count"] = {n.apologies, resolved};
  if (ratings_) {
    ratings::ReportQuery rq;
    rq.unit_code = unit_code;
    rq.from = from;
    rq.to = to;
    rq.by = "unit";
    auto r = ratings_->ReportOf(p, rq);
    out["satisfaction_share"] = {r.total.satisfied.count, r.total.satisfied.total};
  }
  if (letters_) {
    auto counts = letters_->CountsOf(p, unit_code, from.substr(0, 7), to.substr(0, 7));
    out["letters_sent"] = {counts.total, resolved};
  }
  if (feedback_) {
    const auto t = feedback_->Statistics(p, {unit_code, from, to}).tallies.total;
    out["feedback_on_time_rate"] = {t.on_time, t.on_time + t.late};
    out["feedback_satisfaction_share"] = {t.satisfied, t.rated};
  }
  if (surveys_) {
    for (const auto& k : surveys_->Campaigns(p)) {
      if (k.campaign.to < from || k.campaign.from > to) continue;
      for (int round = 1; round <= k.round; ++round) {
        surveys::CampaignReport rep;
        try {
          rep = surveys_->CampaignResults(p, k.campaign.id, unit_code, round);
        } catch (const AppError&) {
          break;  // the unit is not under the campaign's targets
        }
        if (rep.round_dates.to < from || rep.round_dates.from > to) continue;
        for (const auto& e : rep.elements) {
          auto& v = out["survey:" + e.element];
          v.count += e.counts[3] + e.counts[4];
          for (auto n : e.counts) v.volume += n;
        }
      }
    }
  }
  return out;
}

// ---- sets ----
void Service::InstallTemplates(const std::string& assets_dir) {
  std::filesystem::path dir = std::filesystem::path(assets_dir) / "features/scorecards/sets";
  if (!std::filesystem::exists(dir)) return;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<CriteriaSet> sets;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    sets.push_back(ValidateSet(SetFromJsonText(ss.str())));
  }
  const std::string now = NowUtcText();
  db_.write([&](db::Conn& c) {
    for (auto& s : sets) {
      if (repo::OwnerOfCode(c, s.code)) continue;
      s.version = 1;
      repo::InsertSet(c, std::nullopt, s, 0, now);
    }
  });
}

std::vector<CriteriaSet> Service::Sets(const Principal& p) {
  if (p.grants.empty()) throw Forbidden();
  return db_.read([&](db::Conn& c) { return repo::Sets(c); });
}

CriteriaSet Service::GetSet(const Principal& p, int64_t id) {
  if (p.grants.empty()) throw Forbidden();
  auto s = db_.read([&](db::Conn& c) { return repo::SetById(c, id); });
  if (!s) throw NotFound("scorecards.set_not_found");
  return *s;
}

void Service::AuthoriseImport(const Principal& p, const std::string& unit_code) {
  auto u = db_.read([&](db::Conn& c) { return UnitOf(c, unit_code); });
  if (!auth::Covers(p, u.path, {Role::kAdmin})) throw Forbidden();
}

CriteriaSet Service::ImportSet(const Principal& p, const std::string& unit_code, const CriteriaSet& in) {
  auto u = db_.read([&](db::Conn& c) { return UnitOf(c, unit_code); });
  if (!auth::Covers(p, u.path, {Role::kAdmin})) throw Forbidden();
  CriteriaSet s = ValidateSet(in);
  s.unit_id = u.id;
  s.frozen = false;
  const std::string now = NowUtcText();
  return db_.write([&](db::Conn& c) {
    auto owner = repo::OwnerOfCode(c, s.code);
    if (owner && *owner != u.id) throw AppError(ErrorKind::kConflict, "scorecards.code_taken", "code");
    s.version = repo::LastVersion(c, s.code) + 1;
    s.id = repo::InsertSet(c, u.id, s, p.official_id, now);
    events::Append(
        c, events::By(p, u.id, "scorecard_set", std::to_string(s.id), "create", "",
                      json::serialize(json::object{{"code", s.code}, {"version", s.version}, {"name", s.name}})));
    return s;
  });
}

CriteriaSet Service::UpdateSet(const Principal& p, int64_t id, const CriteriaSet& in, const CriteriaSet* base) {
  return Store(p, EditableSet(p, id), in, base);
}

CriteriaSet Service::Store(const Principal& p, const CriteriaSet& old, const CriteriaSet& in, const CriteriaSet* base) {
  CriteriaSet s = in;
  s.code = old.code;
  s = ValidateSet(s);
  return db_.write([&](db::Conn& c) {
    if (!repo::UpdateSet(c, old.id, s, base)) {
      const auto now_stored = repo::SetById(c, old.id);
      throw AppError(ErrorKind::kConflict,
                     now_stored && !now_stored->frozen ? "scorecards.set_changed" : "scorecards.set_frozen");
    }
    s.id = old.id;
    s.unit_id = old.unit_id;
    s.version = old.version;
    events::Append(c, events::By(p, old.unit_id, "scorecard_set", std::to_string(old.id), "update",
                                 json::serialize(json::object{{"name", old.name}}),
                                 json::serialize(json::object{{"name", s.name}})));
    return s;
  });
}

// ---- assessments ----
org::Unit Service::UnitIn(db::Conn& c, const Principal& p, const std::string& code) {
  return UnitOf(c, UnitCodeOr(p, code));
}

Assessment Service::Load(db::Conn& c, int64_t id) {
  auto a = repo::AssessmentById(c, id);
  if (!a) throw NotFound("scorecards.assessment_not_found");
  return *a;
}

Assessment Service::Open(const Principal& p, int64_t set_id, const std::string& unit_code, const std::string& from_in,
                         const std::string& to_in) {
  Problems pr;
  std::string year = TodayLocalIso().substr(0, 4);
  std::string from = from_in.empty() && to_in.empty() ? year + "-01-01" : from_in;
  std::string to = from_in.empty() && to_in.empty() ? year + "-12-31" : to_in;
  if (!IsDate(from)) pr.add(BadInput("scorecards.date_format", "from"));
  if (!IsDate(to))
    pr.add(BadInput("scorecards.date_format", "to"));
  else if (IsDate(from)) {
    // The live indicators read the desk's and the feedback's statistics: their longest period.
    using namespace std::chrono;
    const year_month_day f{*ParseIsoDate(from)};
    const sys_days limit{year_month_day{f.year() + years{desk::kStatsMaxYears}, f.month(), f.day()}};
    if (to < from || *ParseIsoDate(to) >= limit) pr.add(BadInput("scorecards.period_order", "to"));
  }
  auto found = db_.read([&](db::Conn& c) {
    auto u = pr.check([&] { return std::optional<org::Unit>(UnitOf(c, unit_code)); });
    auto s = repo::SetById(c, set_id);
    if (!s) pr.add(BadInput("scorecards.set_not_found", "set"));
    return std::pair{u, s};
  });
  const auto& u = found.first;  // not a structured binding: the write below captures it (clang 14)
  pr.raise_if_any();
  if (!MaySelfAssess(p, u->path) && !MayAppraise(p, u->path)) throw Forbidden();
  const std::string now = NowUtcText();
  return db_.write([&](db::Conn& c) {
    if (repo::AssessmentIdOf(c, set_id, u->id, from))
      throw AppError(ErrorKind::kConflict, "scorecards.assessment_exists", "set");
    Assessment a;
    a.set_id = set_id;
    a.unit_id = u->id;
    a.unit_code = u->code;
    a.unit_name = u->name;
    a.unit_path = u->path;
    a.from = from;
    a.to = to;
    a.state = State::kDraft;
    a.id = repo::InsertAssessment(c, a, p.official_id, now);
    repo::FreezeSet(c, set_id);
    Record(c, p, Assessment{}, a, "open");
    return a;
  });
}

AssessmentView Service::View(const Principal& p, int64_t id) {
  AssessmentView v;
  db_.read([&](db::Conn& c) {
    v.a = Load(c, id);
    if (!auth::Covers(p, v.a.unit_path)) throw Forbidden();
    v.set = *repo::SetById(c, v.a.set_id);
  });
  std::map<std::string, IndicatorValue> live;
  if (v.a.state != State::kLocked && HasComputed(v.set))
    live = ByLeaf(v.set, indicators_.Read(p, v.a.unit_code, v.a.from, v.a.to));
  v.score = ScoreOf(v.set, v.a, live);
  v.recognition = Recognise(v.set, v.score, v.a.flags);
  v.gaps = Gaps(v.set, v.score, 5);
  v.may_self_assess = MaySelfAssess(p, v.a.unit_path) && (v.a.state == State::kDraft || v.a.state == State::kReturned);
  v.may_appraise = MayAppraise(p, v.a.unit_path) && v.a.state == State::kSubmitted;
  v.may_set_deadlines = MayAppraise(p, v.a.unit_path) && v.a.state != State::kLocked;
  return v;
}

std::vector<Assessment> Service::Assessments(const Principal& p, const std::string& unit_code) {
  return db_.read([&](db::Conn& c) {
    auto u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!auth::Covers(p, u.path)) throw Forbidden();
    return repo::AssessmentsUnder(c, u.path, 0);
  });
}

namespace {
// Runs `change` on the stored assessment inside one write, after `allowed`
// (who, in which states), and records the event `action`.
template <class Allowed, class Change>
Assessment Step(db::Db& db, const Principal& p, int64_t id, const std::string& action, Allowed allowed, Change change) {
  const std::string now = NowUtcText();
  return db.write([&](db::Conn& c) {
    auto a = repo::AssessmentById(c, id);
    if (!a) throw NotFound("scorecards.assessment_not_found");
    if (!auth::Covers(p, a->unit_path)) throw Forbidden();
    auto set = repo::SetById(c, a->set_id);
    allowed(*a);
    Assessment after = *a;
    change(*set, after);
    std::set<std::string> keys;
    for (const auto& [k, l] : after.lines) {
      auto old = a->lines.find(k);
      bool same = old != a->lines.end() && old->second.self_points == l.self_points &&
                  old->second.explanation == l.explanation && old->second.appraised_points == l.appraised_points &&
                  old->second.appraisal_reason == l.appraisal_reason &&
                  old->second.raw.has_value() == l.raw.has_value() &&
                  (!l.raw || (old->second.raw->count == l.raw->count && old->second.raw->volume == l.raw->volume));
      if (!same) repo::PutLine(c, id, l);
    }
    if (!repo::UpdateAssessment(c, after, now)) throw AppError(ErrorKind::kConflict, "scorecards.assessment_changed");
    after.revision += 1;
    after.updated_at = now;
    Record(c, p, *a, after, action);
    return after;
  });
}

AppError WrongState() { return AppError(ErrorKind::kConflict, "scorecards.wrong_state"); }
}  // namespace

Assessment Service::SelfAssess(const Principal& p, int64_t id, const std::map<std::string, SelfInput>& in) {
  return Step(
      db_, p, id, "self_assess",
      [&](const Assessment& a) {
        if (!MaySelfAssess(p, a.unit_path)) throw Forbidden();
        if (a.state != State::kDraft && a.state != State::kReturned) throw WrongState();
      },
      [&](const CriteriaSet& s, Assessment& a) { a.lines = ApplySelf(s, a.lines, in); });
}

Assessment Service::Submit(const Principal& p, int64_t id) {
  // Evidence is only ever added, so reading it before the write is enough.
  std::set<std::string> with_evidence;
  db_.read([&](db::Conn& c) {
    for (const auto& e : repo::EvidenceOf(c, id)) with_evidence.insert(e.line_key);
  });
  return Step(
      db_, p, id, "submit",
      [&](const Assessment& a) {
        if (!MaySelfAssess(p, a.unit_path)) throw Forbidden();
        if (a.state != State::kDraft && a.state != State::kReturned) throw WrongState();
      },
      [&](const CriteriaSet& s, Assessment& a) {
        CheckSubmit(s, a, with_evidence);
        a.state = State::kSubmitted;
      });
}

Assessment Service::Appraise(const Principal& p, int64_t id, const std::map<std::string, AppraisalInput>& in,
                             const std::optional<std::set<std::string>>& flags) {
  return Step(
      db_, p, id, "appraise",
      [&](const Assessment& a) {
        if (!MayAppraise(p, a.unit_path)) throw Forbidden();
        if (a.state != State::kSubmitted) throw WrongState();
      },
      [&](const CriteriaSet& s, Assessment& a) {
        Problems pr;
        pr.check([&] { a.lines = ApplyAppraisal(s, a.lines, in); });
        if (flags) {
          for (const auto& f : *flags) {
            bool known = false;
            for (const auto& d : s.recognition.disqualifiers) known = known || d.key == f;
            if (!known) pr.add(BadInput("scorecards.flag_unknown", "flags"));
          }
          a.flags = *flags;
        }
        pr.raise_if_any();
      });
}

Assessment Service::Return(const Principal& p, int64_t id, const std::string& comment) {
  auto clean = text::Clean("comment", comment, 2000, true, true);
  return Step(
      db_, p, id, "return",
      [&](const Assessment& a) {
        if (!MayAppraise(p, a.unit_path)) throw Forbidden();
        if (a.state != State::kSubmitted) throw WrongState();
      },
      [&](const CriteriaSet&, Assessment& a) {
        a.state = State::kReturned;
        a.return_comment = clean;
      });
}

Assessment Service::SetDeadlines(const Principal& p, int64_t id, const std::string& self_due_in,
                                 const std::string& appraisal_due_in) {
  const std::string self_due = text::Trim(self_due_in), appraisal_due = text::Trim(appraisal_due_in);
  CheckDeadlines(self_due, appraisal_due);
  return Step(
      db_, p, id, "deadlines",
      [&](const Assessment& a) {
        if (!MayAppraise(p, a.unit_path)) throw Forbidden();
        if (a.state == State::kLocked) throw WrongState();
      },
      [&](const CriteriaSet&, Assessment& a) {
        a.self_due = self_due;
        a.appraisal_due = appraisal_due;
      });
}

int Service::RemindDue() {
  const std::string today = TodayLocalIso(), now = NowUtcText(), site = render::Site().public_url;
  int queued = 0;
  for (const auto& a : db_.read([](db::Conn& c) { return repo::AssessmentsWithDeadlines(c); })) {
    for (const auto& r : DueReminders(a, today)) {
      // Who is still to be reminded, read first: a pass that finds nothing new
      // (every hour, for an overdue step) writes nothing.
      const auto found = db_.read([&](db::Conn& c) {
        const bool self = r.step == "self";
        std::vector<repo::Recipient> due;
        for (auto& who : self ? repo::Recipients(c, a.unit_id, a.unit_path, false, "leader", "admin")
                              : repo::Recipients(c, a.unit_id, a.unit_path, true, "evaluator", "evaluator"))
          if ((!who.email.empty() || !who.phone.empty()) && !repo::ReminderSent(c, a.id, r, who.official_id))
            due.push_back(std::move(who));
        const auto set = due.empty() ? std::nullopt : repo::SetById(c, a.set_id);
        return std::pair{set ? set->name : std::string(), due};
      });
      const std::string& set_name = found.first;  // not structured bindings: the write below captures them
      const auto& due = found.second;
      if (due.empty()) continue;
      const std::map<std::string, std::string> about{{"unit", a.unit_name}, {"due", DisplayDate(r.due)}};
      queued += db_.write([&](db::Conn& c) {
        int n = 0;
        for (const auto& who : due) {
          if (!repo::PutReminder(c, a.id, r, who.official_id, now)) continue;  // another pass was first
          notify::Message m;
          m.idem_key = "scorecard:" + std::to_string(a.id) + ":" + r.step + ":" + r.kind + ":" + r.due + ":" +
                       std::to_string(who.official_id);
          m.unit_id = who.unit_id;
          m.event = "scorecard_reminder";
          m.channel_pref = who.email.empty() ? "sms" : "email";
          m.phone = who.phone;
          m.email = who.email;
          m.params = {{"name", who.name},
                      {"unit", a.unit_name},
                      {"message", Text("scorecards.reminder." + r.step + "." + r.kind, about)},
                      {"set", set_name},
                      {"period", Text("scorecards.period", {{"from", DisplayDate(a.from)}, {"to", DisplayDate(a.to)}})},
                      {"due", DisplayDate(r.due)},
                      {"page", site + "/cham-diem/danh-gia/" + std::to_string(a.id)}};
          m.next_at = now;
          m.created_at = now;
          notify::repo::InsertMessage(c, m);
          ++n;
        }
        return n;
      });
    }
  }
  return queued;
}

void Service::StartReminders(std::chrono::milliseconds every) {
  reminders_.Start("scorecards: deadline reminders", every, [this] { RemindDue(); });
}

Assessment Service::Lock(const Principal& p, int64_t id) {
  // Decided before the write: the live figures are read with the appraiser's rights.
  auto [a, set] = db_.read([&](db::Conn& c) {
    auto a = Load(c, id);
    return std::pair{a, *repo::SetById(c, a.set_id)};
  });
  if (!auth::Covers(p, a.unit_path)) throw Forbidden();
  if (!MayAppraise(p, a.unit_path)) throw Forbidden();
  std::map<std::string, IndicatorValue> live;
  if (HasComputed(set)) live = ByLeaf(set, indicators_.Read(p, a.unit_code, a.from, a.to));
  return Step(
      db_, p, id, "lock",
      [&](const Assessment& cur) {
        if (cur.state != State::kSubmitted) throw WrongState();
      },
      [&](const CriteriaSet& s, Assessment& cur) {
        CheckLock(s, cur);
        for (const Criterion* c : Leaves(s)) {
          if (c->method == Method::kManual) continue;
          Line& l = cur.lines[c->key];
          l.key = c->key;
          auto it = live.find(c->key);
          l.raw = it == live.end() ? IndicatorValue{} : it->second;
        }
        Score sc = ScoreOf(s, cur, {});
        cur.total = sc.total;
        cur.below_minimum = sc.below_minimum;
        cur.state = State::kLocked;
      });
}

Evidence Service::AddEvidence(const Principal& p, int64_t id, const std::string& line_key, const std::string& name,
                              std::string_view bytes) {
  if (bytes.size() > kMaxEvidenceBytes)
    throw AppError(ErrorKind::kTooLarge, "scorecards.evidence_too_large", "file",
                   {{"max", std::to_string(kMaxEvidenceBytes / (1024 * 1024))}});
  auto [a, set] = db_.read([&](db::Conn& c) {
    auto a = Load(c, id);
    return std::pair{a, *repo::SetById(c, a.set_id)};
  });
  if (!auth::Covers(p, a.unit_path) || !MaySelfAssess(p, a.unit_path)) throw Forbidden();
  if (a.state != State::kDraft && a.state != State::kReturned) throw WrongState();
  Problems pr;
  const Criterion* c = Find(set, line_key);
  if (!c || !c->leaf()) pr.add(BadInput("scorecards.line_unknown", "line"));
  auto clean = pr.check([&] { return text::Clean("name", name, 200, false); });
  if (bytes.empty()) pr.add(BadInput("scorecards.evidence_empty", "file"));
  pr.raise_if_any();
  auto mime = SniffEvidenceType(bytes);
  if (!mime) throw AppError(ErrorKind::kUnsupportedMediaType, "scorecards.evidence_type", "file");
  Evidence e;
  e.assessment_id = id;
  e.line_key = line_key;
  e.sha256 = auth::Sha256Hex(bytes);
  e.name = clean.empty() ? Text("scorecards.evidence_default_name") : clean;
  e.mime = *mime;
  e.size = static_cast<int64_t>(bytes.size());
  const std::string content = auth::Base64(bytes), now = NowUtcText();
  return db_.write([&](db::Conn& c) {
    auto cur = Load(c, id);
    if (cur.state != State::kDraft && cur.state != State::kReturned) throw WrongState();
    size_t on_line = 0;
    for (const auto& x : repo::EvidenceOf(c, id)) on_line += x.line_key == line_key;
    if (on_line >= kMaxEvidencePerLine)
      throw AppError(ErrorKind::kConflict, "scorecards.evidence_too_many", "file",
                     {{"max", std::to_string(kMaxEvidencePerLine)}});
    repo::PutFile(c, e.sha256, e.mime, e.size, content, now);
    e.id = repo::InsertEvidence(c, e, p.official_id, now);
    e.created_at = now;
    events::Append(c, events::By(p, cur.unit_id, "scorecard_assessment", std::to_string(id), "evidence_add", "",
                                 json::serialize(json::object{
                                     {"line", line_key}, {"sha256", e.sha256}, {"name", e.name}, {"size", e.size}})));
    return e;
  });
}

namespace {
// The evidence and its assessment when `p` may detach it now: the unit's own
// leaders and administrators, in draft or returned.
std::pair<Evidence, Assessment> Removable(db::Conn& c, const Principal& p, int64_t evidence_id) {
  auto e = repo::EvidenceById(c, evidence_id);
  if (!e) throw NotFound("scorecards.evidence_not_found");
  auto a = repo::AssessmentById(c, e->assessment_id);
  if (!a) throw NotFound("scorecards.evidence_not_found");
  if (!auth::Covers(p, a->unit_path) || !MaySelfAssess(p, a->unit_path)) throw Forbidden();
  if (!e->removed_at.empty()) throw NotFound("scorecards.evidence_not_found");
  if (a->state != State::kDraft && a->state != State::kReturned) throw WrongState();
  return {*e, *a};
}
}  // namespace

int64_t Service::RemoveEvidence(const Principal& p, int64_t evidence_id) {
  return db_.write([&](db::Conn& c) {
    const auto [e, a] = Removable(c, p, evidence_id);
    repo::RemoveEvidence(c, evidence_id, NowUtcText());
    events::Append(c, events::By(p, a.unit_id, "scorecard_assessment", std::to_string(a.id), "evidence_remove",
                                 json::serialize(json::object{
                                     {"line", e.line_key}, {"sha256", e.sha256}, {"name", e.name}, {"size", e.size}}),
                                 ""));
    return a.id;
  });
}

std::vector<Evidence> Service::EvidenceOf(const Principal& p, int64_t id) {
  return db_.read([&](db::Conn& c) {
    auto a = Load(c, id);
    if (!auth::Covers(p, a.unit_path)) throw Forbidden();
    return repo::EvidenceOf(c, id);
  });
}

std::pair<Evidence, std::string> Service::EvidenceFile(const Principal& p, int64_t evidence_id) {
  auto [e, content] = db_.read([&](db::Conn& c) {
    auto e = repo::EvidenceById(c, evidence_id);
    if (!e) throw NotFound("scorecards.evidence_not_found");
    auto a = Load(c, e->assessment_id);
    if (!auth::Covers(p, a.unit_path)) throw Forbidden();
    if (!e->removed_at.empty()) throw NotFound("scorecards.evidence_not_found");
    return std::pair{*e, repo::FileContent(c, e->sha256).value_or("")};
  });
  auto bytes = auth::FromBase64(content);
  if (!bytes) throw std::runtime_error("stored evidence is not base64");
  return {e, std::move(*bytes)};
}

Ranking Service::RankingIn(db::Conn& c, const Principal& p, int64_t set_id, const std::string& unit_code,
                           const std::string& from) {
  auto u = UnitOf(c, UnitCodeOr(p, unit_code));
  if (!auth::Covers(p, u.path)) throw Forbidden();
  auto s = repo::SetById(c, set_id);
  if (!s) throw NotFound("scorecards.set_not_found");
  Ranking r;
  r.set = *s;
  r.unit_code = u.code;
  r.unit_name = u.name;
  std::vector<Entry> entries;
  auto all = repo::AssessmentsUnder(c, u.path, set_id);  // newest period first
  // By default the newest period with a locked score, else the newest.
  r.from = from;
  for (const auto& a : all)
    if (r.from.empty() && a.state == State::kLocked) r.from = a.from;
  if (r.from.empty() && !all.empty()) r.from = all.front().from;
  for (const auto& a : all) {
    if (r.periods.empty() || r.periods.back() != a.from) r.periods.push_back(a.from);
    if (a.from != r.from) continue;
    r.to = a.to;
    if (a.state != State::kLocked || !a.total) {
      ++r.pending;
      continue;
    }
    entries.push_back({a.unit_id, a.unit_name, *a.total, a.below_minimum, a.id});
  }
  r.rows = Rank(std::move(entries));
  return r;
}

Ranking Service::RankingOf(const Principal& p, int64_t set_id, const std::string& unit_code, const std::string& from) {
  return db_.read([&](db::Conn& c) { return RankingIn(c, p, set_id, unit_code, from); });
}

History Service::HistoryOf(const Principal& p, int64_t set_id, const std::string& unit_code) {
  return db_.read([&](db::Conn& c) {
    const auto u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!auth::Covers(p, u.path)) throw Forbidden();
    const auto chosen = repo::SetById(c, set_id);
    if (!chosen) throw NotFound("scorecards.set_not_found");
    History h;
    h.unit_code = u.code;
    h.unit_name = u.name;
    h.set_code = chosen->code;
    h.set_name = chosen->name;
    std::map<int64_t, std::optional<CriteriaSet>> versions;  // by id: the code's versions, nullopt for others
    auto version = [&](int64_t id) -> const std::optional<CriteriaSet>& {
      auto it = versions.find(id);
      if (it == versions.end()) {
        auto s = repo::SetById(c, id);
        it = versions.emplace(id, s && s->code == chosen->code ? s : std::nullopt).first;
      }
      return it->second;
    };
    // Peers: the same level (path depth) under the same parent; a root unit is its own only peer.
    const auto depth = std::count(u.path.begin(), u.path.end(), '/');
    const std::string parent = u.path.substr(0, u.path.rfind('/', u.path.size() - 2) + 1);
    const auto all = repo::AssessmentsUnder(c, parent, 0);  // newest period first
    for (auto mine = all.rbegin(); mine != all.rend(); ++mine) {
      if (mine->unit_id != u.id || mine->state != State::kLocked || !mine->total) continue;
      const auto& s = version(mine->set_id);
      if (!s) continue;
      HistoryPoint hp;
      hp.assessment_id = mine->id;
      hp.set_id = s->id;
      hp.set_version = s->version;
      hp.from = mine->from;
      hp.to = mine->to;
      hp.total = *mine->total;
      hp.below_minimum = mine->below_minimum;
      for (const auto& crit : s->criteria) hp.max_total += crit.max;
      const Assessment full = Load(c, mine->id);
      hp.recognised = Recognise(*s, ScoreOf(*s, full, {}), full.flags).recognised;
      std::vector<Entry> peers;
      Points sum = 0;
      for (const auto& a : all)
        if (a.set_id == mine->set_id && a.from == mine->from && a.state == State::kLocked && a.total &&
            std::count(a.unit_path.begin(), a.unit_path.end(), '/') == depth) {
          peers.push_back({a.unit_id, a.unit_name, *a.total, a.below_minimum, a.id});
          sum += *a.total;
          hp.peer_best = std::max(hp.peer_best, *a.total);
        }
      hp.peers = static_cast<int64_t>(peers.size());
      hp.peer_mean = DivRoundHalfUp(sum, hp.peers);
      for (const auto& r : Rank(std::move(peers)))
        if (r.entry.unit_id == u.id) {
          hp.rank = r.rank;
          hp.tied = r.tied;
        }
      h.points.push_back(std::move(hp));
    }
    return h;
  });
}

RecognitionList Service::RecognitionOf(const Principal& p, int64_t set_id, const std::string& unit_code,
                                       const std::string& from) {
  return db_.read([&](db::Conn& c) {
    RecognitionList out;
    out.ranking = RankingIn(c, p, set_id, unit_code, from);
    for (const auto& row : out.ranking.rows) {
      // Locked: the computed lines carry their fixed figures, no live read.
      const Assessment a = Load(c, row.entry.assessment_id);
      auto result = Recognise(out.ranking.set, ScoreOf(out.ranking.set, a, {}), a.flags);
      out.recognised += result.recognised ? 1 : 0;
      out.results.emplace(a.id, std::move(result));
    }
    return out;
  });
}

}  // namespace fg::scorecards
