// Use cases of survey campaigns: creating one, printing invitations, the
// citizens' answers (each with its counters and event in one write) and the
// reports read from the counters.
#include <algorithm>
#include <boost/json.hpp>
#include <set>
#include <tuple>

#include "features/org/repo.h"
#include "features/org/service.h"
#include "features/surveys/repo.h"
#include "features/surveys/rules.h"
#include "features/surveys/service.h"
#include "platform/auth/crypto.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::surveys {
namespace {

using auth::Principal;
using auth::Role;

bool Under(const std::string& path, const std::string& root) { return path.rfind(root, 0) == 0; }

bool CoversAny(const Principal& p, const std::vector<CampaignUnit>& units, std::initializer_list<Role> roles = {}) {
  return std::any_of(units.begin(), units.end(), [&](const CampaignUnit& u) { return auth::Covers(p, u.path, roles); });
}

// Those who may create a campaign of these units may manage it.
bool MayManage(const Principal& p, const std::vector<CampaignUnit>& units) {
  return !units.empty() && std::all_of(units.begin(), units.end(),
                                       [&](const CampaignUnit& u) { return auth::Covers(p, u.path, {Role::kAdmin}); });
}

boost::json::object EditJson(const Campaign& k) {
  return {{"name", k.name}, {"to", k.to}, {"target", k.target}, {"version", k.version}};
}

// The element indexes and the SIPAS index of counters read through `n(question, answer)`.
template <class Count>
std::pair<std::vector<ElementLine>, double> IndexesOf(const Questionnaire& q, int64_t minimum, const Count& n) {
  std::vector<std::string> order;
  std::map<std::string, Likert> elements;
  for (const auto& s : q.sections)
    for (const auto& question : s.questions) {
      if (question.kind != QuestionKind::kLikert || question.element.empty()) continue;
      if (!elements.count(question.element)) order.push_back(question.element);
      auto& e = elements[question.element];
      for (int level = 1; level <= 5; ++level) e[level - 1] += n(question.key, std::to_string(level));
    }
  std::vector<ElementLine> lines;
  std::vector<stats::Share> shares;
  for (const auto& e : order) {
    ElementLine line{e, elements[e], ElementIndex(elements[e], minimum)};
    shares.push_back(line.share);
    lines.push_back(std::move(line));
  }
  return {std::move(lines), SipasIndex(shares)};
}

int64_t ResponsesIn(const std::vector<repo::SurveyCount>& counts) {
  int64_t n = 0;
  for (const auto& k : counts)
    if (k.question == "*") n += k.n;
  return n;
}

events::Event CitizenEvent(int64_t unit_id, const std::string& entity, const std::string& id,
                           const std::string& after) {
  events::Event ev;
  ev.actor = "citizen";
  ev.unit_id = unit_id;
  ev.entity = entity;
  ev.entity_id = id;
  ev.action = "create";
  ev.after_json = after;
  return ev;
}

}  // namespace

std::string Service::CampaignKey() {
  std::call_once(key_once_, [&] {
    auth::InitCrypto();
    key_ = db_.write([&](db::Conn& c) {
      if (auto k = auth::KeyFromHex(repo::SurveyKey(c, "invitation")); !k.empty()) return k;
      repo::PutSurveyKeyIfAbsent(c, "invitation", auth::KeyToHex(auth::NewMacKey()));
      return auth::KeyFromHex(repo::SurveyKey(c, "invitation"));  // another process may have won
    });
  });
  return key_;
}

std::string Service::InvitationToken(int64_t invitation_id) {
  const std::string id = std::to_string(invitation_id);
  return id + "." + auth::MacOf("survey-invitation:" + id, CampaignKey());
}

Questionnaire Service::SipasTemplate() {
  auto all = db_.read([&](db::Conn& c) { return repo::Questionnaires(c, {}); });
  const Questionnaire* best = nullptr;
  for (const auto& q : all)
    if (q.code == "sipas" && (!best || q.version > best->version)) best = &q;
  if (!best) throw NotFound("surveys.questionnaire_not_found");
  return *best;
}

Campaign Service::CreateCampaign(const Principal& p, const CampaignInput& in) {
  Problems probs;
  Campaign k = probs.check([&] { return ValidateCampaign(in, TodayLocalIso()); });
  struct Found {
    std::vector<org::Unit> units;
    std::optional<Questionnaire> q;
  };
  auto found = db_.read([&](db::Conn& c) {
    Found f;
    std::set<std::string> seen;
    for (const auto& raw : in.unit_codes) {
      std::string code = text::Trim(raw);
      if (code.empty() || !seen.insert(code).second) continue;
      if (auto u = org::Service::FindUnit(c, code))
        f.units.push_back(*u);
      else
        probs.add(BadInput("surveys.unit_not_found", "units", {{"code", code.substr(0, 40)}}));
    }
    if (in.questionnaire_id > 0) f.q = repo::QuestionnaireById(c, in.questionnaire_id);
    return f;
  });
  if (in.questionnaire_id > 0) {
    // The system's questionnaires, or one of a unit above (or at) every target unit.
    bool usable = found.q.has_value();
    if (usable && found.q->unit_id)
      for (const auto& u : found.units)
        if (u.path.find("/" + std::to_string(found.q->unit_id) + "/") == std::string::npos) usable = false;
    if (!usable) probs.add(BadInput("surveys.questionnaire_not_found", "questionnaire_id"));
  }
  // Authorised before the problems are shown: no one learns more about units they may not survey.
  for (const auto& u : found.units)
    if (!auth::Covers(p, u.path, {Role::kAdmin})) throw Forbidden();
  if (found.units.empty() && !auth::HasRole(p, Role::kAdmin)) throw Forbidden();
  probs.raise_if_any();
  k.unit_id = found.units.front().id;
  k.created_at = NowUtcText();
  return db_.write([&](db::Conn& c) {
    Campaign out = k;
    repo::FreezeQuestionnaire(c, out.questionnaire_id);
    out.id = repo::InsertCampaign(c, out, p.official_id);
    for (const auto& u : found.units) repo::InsertCampaignUnit(c, out.id, u.id, auth::RandomToken(12));
    boost::json::array units;
    for (const auto& code : out.unit_codes) units.push_back(boost::json::value(code));
    boost::json::object after{{"name", out.name},
                              {"questionnaire_id", out.questionnaire_id},
                              {"from", out.from},
                              {"to", out.to},
                              {"units", units},
                              {"target", out.target},
                              {"repeat_6_months", out.repeat_6_months}};
    events::Append(c, events::By(p, out.unit_id, "survey_campaign", std::to_string(out.id), "create", "",
                                 boost::json::serialize(after)));
    return out;
  });
}

std::vector<CampaignSummary> Service::Campaigns(const Principal& p) {
  const std::string today = TodayLocalIso();
  return db_.read([&](db::Conn& c) {
    std::vector<CampaignSummary> out;
    for (auto& k : repo::AllCampaigns(c)) {
      auto units = repo::CampaignUnits(c, k.id);
      if (!CoversAny(p, units)) continue;
      CampaignSummary s;
      s.round = RoundAt(k, today);
      s.round_dates = RoundDates(k, s.round);
      s.open = IsOpen(s.round_dates, today);
      for (const auto& u : units) s.responses += ResponsesIn(repo::SurveyCounts(c, k.id, s.round, u.path));
      s.target_total = k.target * static_cast<int64_t>(units.size());
      s.campaign = std::move(k);
      out.push_back(std::move(s));
    }
    return out;
  });
}

CampaignView Service::GetCampaign(const Principal& p, int64_t id) {
  const std::string today = TodayLocalIso();
  auto v = db_.read([&](db::Conn& c) -> std::optional<CampaignView> {
    auto k = repo::CampaignById(c, id);
    if (!k) return std::nullopt;
    CampaignView v;
    v.units = repo::CampaignUnits(c, id);
    if (!CoversAny(p, v.units)) throw Forbidden();
    v.round = RoundAt(*k, today);
    v.round_dates = RoundDates(*k, v.round);
    v.open = IsOpen(v.round_dates, today);
    for (auto& u : v.units) u.responses = ResponsesIn(repo::SurveyCounts(c, id, v.round, u.path));
    if (auto q = repo::QuestionnaireById(c, k->questionnaire_id)) v.questionnaire_name = q->name;
    v.may_print = CoversAny(p, v.units, {Role::kAdmin, Role::kLeader});
    v.may_manage = MayManage(p, v.units);
    if (v.may_print) v.batches = repo::InvitationBatches(c, id);
    v.campaign = std::move(*k);
    return v;
  });
  if (!v) throw NotFound("surveys.campaign_not_found");
  return *v;
}

std::vector<Invitation> Service::CreateInvitations(const Principal& p, int64_t campaign_id,
                                                   const std::string& unit_code, const std::string& count,
                                                   bool per_official) {
  Problems probs;
  int64_t n = 0;
  if (!per_official) {
    const std::string t = text::Trim(count);
    if (t.empty() || t.size() > 4 || !std::all_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) ||
        std::stoll(t) < 1 || std::stoll(t) > kMaxInvitations)
      probs.add(BadInput("surveys.invitation_count", "count", {{"max", std::to_string(kMaxInvitations)}}));
    else
      n = std::stoll(t);
  }
  struct Found {
    std::vector<CampaignUnit> targets;
    std::optional<org::Unit> unit;
    std::vector<org::Official> officials;
  };
  auto f = db_.read([&](db::Conn& c) -> std::optional<Found> {
    if (!repo::CampaignById(c, campaign_id)) return std::nullopt;
    Found f;
    f.targets = repo::CampaignUnits(c, campaign_id);
    f.unit = org::Service::FindUnit(c, text::Trim(unit_code));
    if (f.unit && per_official)
      for (auto& o : org::repo::OfficialsUnder(c, f.unit->path))
        if (o.active && Under(o.unit_path, f.unit->path)) f.officials.push_back(std::move(o));
    return f;
  });
  if (!f) throw NotFound("surveys.campaign_not_found");
  if (!CoversAny(p, f->targets)) throw Forbidden();
  if (f->unit && !auth::Covers(p, f->unit->path, {Role::kAdmin, Role::kLeader})) throw Forbidden();
  if (!f->unit && !CoversAny(p, f->targets, {Role::kAdmin, Role::kLeader})) throw Forbidden();
  const bool in_campaign = f->unit && std::any_of(f->targets.begin(), f->targets.end(),
                                                  [&](const CampaignUnit& t) { return Under(f->unit->path, t.path); });
  if (!in_campaign)
    probs.add(BadInput("surveys.unit_not_in_campaign", "unit"));
  else if (per_official && f->officials.empty())
    probs.add(BadInput("surveys.no_officials", "unit"));
  probs.raise_if_any();
  if (per_official && f->officials.size() > static_cast<size_t>(kMaxInvitations))
    f->officials.resize(static_cast<size_t>(kMaxInvitations));
  const std::string now = NowUtcText();
  auto out = db_.write([&](db::Conn& c) {
    std::vector<Invitation> made;
    auto add = [&](int64_t unit_id, int64_t official_id, const std::string& unit_name, const std::string& official) {
      Invitation i;
      i.campaign_id = campaign_id;
      i.unit_id = unit_id;
      i.official_id = official_id;
      i.unit_name = unit_name;
      i.official_name = official;
      i.id = repo::InsertInvitation(c, i, now, made.empty() ? 0 : made.front().id);
      made.push_back(std::move(i));
    };
    if (per_official)
      for (const auto& o : f->officials) add(o.unit_id, o.id, o.unit_name, o.full_name);
    else
      for (int64_t k = 0; k < n; ++k) add(f->unit->id, 0, f->unit->name, "");
    boost::json::object after{{"unit", f->unit->code},
                              {"count", static_cast<int64_t>(made.size())},
                              {"per_official", per_official},
                              {"first_id", made.front().id},
                              {"last_id", made.back().id}};
    events::Append(c, events::By(p, f->unit->id, "survey_invitations", std::to_string(campaign_id), "create", "",
                                 boost::json::serialize(after)));
    return made;
  });
  for (auto& i : out) i.token = InvitationToken(i.id);
  return out;
}

std::vector<Invitation> Service::Invitations(const Principal& p, int64_t campaign_id, int64_t from_id, int64_t to_id) {
  auto found =
      db_.read([&](db::Conn& c) -> std::optional<std::pair<std::vector<Invitation>, std::vector<std::string>>> {
        if (!repo::CampaignById(c, campaign_id)) return std::nullopt;
        // Only those who may print see sheets; then the range is checked.
        if (!CoversAny(p, repo::CampaignUnits(c, campaign_id), {Role::kAdmin, Role::kLeader})) throw Forbidden();
        if (from_id == 0 && to_id == 0) {  // no range: the newest sheet
          const auto batches = repo::InvitationBatches(c, campaign_id);
          if (!batches.empty()) {
            from_id = batches.front().from_id;
            to_id = batches.front().to_id;
          }
        }
        if (from_id == 0 && to_id == 0) return std::pair{std::vector<Invitation>{}, std::vector<std::string>{}};
        const bool bad_range = from_id < 1 || to_id < from_id || to_id - from_id >= kMaxInvitations;
        if (bad_range) throw BadInput("surveys.invitation_range", "from", {{"max", std::to_string(kMaxInvitations)}});
        auto list = repo::InvitationsBetween(c, campaign_id, from_id, to_id);
        std::vector<std::string> paths;
        for (const auto& i : list)
          if (auto u = org::repo::UnitById(c, i.unit_id)) paths.push_back(u->path);
        return std::pair{std::move(list), std::move(paths)};
      });
  if (!found) throw NotFound("surveys.campaign_not_found");
  for (const auto& path : found->second)
    if (!auth::Covers(p, path, {Role::kAdmin, Role::kLeader})) throw Forbidden();
  for (auto& i : found->first) i.token = InvitationToken(i.id);
  return found->first;
}

AnswerTarget Service::TargetOf(int64_t campaign_id, int64_t unit_id, int64_t invitation_id, int64_t official_id,
                               const std::string& device_hash) {
  const std::string today = TodayLocalIso();
  auto t = db_.read([&](db::Conn& c) -> std::optional<AnswerTarget> {
    auto k = repo::CampaignById(c, campaign_id);
    if (!k) return std::nullopt;
    auto q = repo::QuestionnaireById(c, k->questionnaire_id);
    auto u = org::repo::UnitById(c, unit_id);
    if (!q || !u) return std::nullopt;
    AnswerTarget t;
    t.round = RoundAt(*k, today);
    t.round_dates = RoundDates(*k, t.round);
    t.campaign = std::move(*k);
    t.questionnaire = std::move(*q);
    t.unit_id = u->id;
    t.unit_name = u->name;
    t.invitation_id = invitation_id;
    t.official_id = official_id;
    if (t.campaign.closed() || today > t.round_dates.to)
      t.state = AnswerState::kClosed;
    else if (today < t.round_dates.from)
      t.state = AnswerState::kNotYet;
    else if (invitation_id ? repo::InvitationAnswered(c, invitation_id, t.round)
                           : !device_hash.empty() && repo::DeviceAnswered(c, campaign_id, t.round, device_hash))
      t.state = AnswerState::kAnswered;
    return t;
  });
  if (!t) throw NotFound("surveys.bad_invitation");
  return *t;
}

AnswerTarget Service::InvitationTarget(const std::string& token) {
  const auto dot = token.find('.');
  if (token.size() > 120 || dot == std::string::npos || dot == 0 || dot > 18) throw NotFound("surveys.bad_invitation");
  const std::string id = token.substr(0, dot);
  if (!std::all_of(id.begin(), id.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) ||
      !auth::MacMatches("survey-invitation:" + id, token.substr(dot + 1), CampaignKey()))
    throw NotFound("surveys.bad_invitation");
  auto inv = db_.read([&](db::Conn& c) { return repo::InvitationById(c, std::stoll(id)); });
  if (!inv) throw NotFound("surveys.bad_invitation");
  return TargetOf(inv->campaign_id, inv->unit_id, inv->id, inv->official_id, "");
}

AnswerTarget Service::OpenTarget(const std::string& link, const std::string& device) {
  if (link.empty() || link.size() > 64) throw NotFound("surveys.bad_invitation");
  auto found = db_.read([&](db::Conn& c) { return repo::CampaignOfLink(c, link); });
  if (!found) throw NotFound("surveys.bad_invitation");
  return TargetOf(found->first, found->second, 0, 0, device.empty() ? "" : auth::Sha256Hex("survey-device:" + device));
}

SurveyResponse Service::Store(AnswerTarget t, const std::string& device_hash, const Answers& answers) {
  switch (t.state) {
    case AnswerState::kNotYet: throw AppError(ErrorKind::kConflict, "surveys.campaign_not_started");
    case AnswerState::kClosed: throw AppError(ErrorKind::kConflict, "surveys.campaign_closed");
    case AnswerState::kAnswered: throw AppError(ErrorKind::kConflict, "surveys.already_answered");
    case AnswerState::kOpen: break;
  }
  SurveyResponse r;
  r.answers = ValidateAnswers(t.questionnaire, answers);
  r.campaign_id = t.campaign.id;
  r.round = t.round;
  r.unit_id = t.unit_id;
  r.invitation_id = t.invitation_id;
  r.device_hash = device_hash;
  r.created_at = NowUtcText();
  const auto counts = CountsOf(t.questionnaire, r.answers);
  try {
    return db_.write([&](db::Conn& c) {
      if (r.invitation_id ? repo::InvitationAnswered(c, r.invitation_id, r.round)
                          : repo::DeviceAnswered(c, r.campaign_id, r.round, r.device_hash))
        throw AppError(ErrorKind::kConflict, "surveys.already_answered");
      // Closed early since the target was read: refused in the same write.
      if (auto now = repo::CampaignById(c, r.campaign_id); !now || now->closed())
        throw AppError(ErrorKind::kConflict, "surveys.campaign_closed");
      r.id = repo::InsertResponse(c, r);
      for (const auto& [question, answer] : counts) {
        repo::AddSurveyCount(c, r.campaign_id, r.round, r.unit_id, question, answer);
        if (t.official_id)
          repo::AddOfficialCount(c, r.campaign_id, r.round, r.unit_id, t.official_id, question, answer);
      }
      boost::json::object after{{"campaign_id", r.campaign_id},
                                {"round", r.round},
                                {"unit_id", r.unit_id},
                                {"channel", r.invitation_id ? "invitation" : "open_link"}};
      events::Append(c,
                     CitizenEvent(r.unit_id, "survey_response", std::to_string(r.id), boost::json::serialize(after)));
      return r;
    });
  } catch (const db::ConstraintError&) {
    // A concurrent duplicate committed first: the unique keys kept it.
    throw AppError(ErrorKind::kConflict, "surveys.already_answered");
  }
}

SurveyResponse Service::Answer(const std::string& token, const Answers& answers) {
  return Store(InvitationTarget(token), "", answers);
}

SurveyResponse Service::AnswerOpen(const std::string& link, const std::string& device, const std::string& address,
                                   const Answers& answers) {
  // Without the device cookie (cookies refused), the address stands for the device.
  const std::string who = device.empty() ? "address:" + address : device;
  AnswerTarget t = OpenTarget(link, who);
  if (t.state == AnswerState::kOpen) {
    ValidateAnswers(t.questionnaire, answers);  // a form sent back with errors does not use up the limit
    if (!open_per_address_.allow(auth::Sha256Hex("survey-addr:" + address), Now()))
      throw AppError(ErrorKind::kTooMany, "surveys.too_many");
  }
  return Store(std::move(t), auth::Sha256Hex("survey-device:" + who), answers);
}

CampaignReport Service::CampaignResults(const Principal& p, int64_t campaign_id, const std::string& unit_code,
                                        int round, int64_t minimum, const std::string& by) {
  const std::string today = TodayLocalIso();
  CampaignReport rep;
  rep.minimum = minimum == 0 ? stats::kDefaultMinimumAnswers : minimum;
  Problems probs;
  rep.by = by.empty() ? "unit" : by;
  if (rep.by != "unit" && rep.by != "official") probs.add(BadInput("surveys.report_by", "by"));
  if (rep.minimum < 1 || rep.minimum > 100000) probs.add(BadInput("surveys.report_minimum", "minimum"));
  struct Found {
    Campaign k;
    std::vector<CampaignUnit> targets;
    std::optional<org::Unit> unit;
    std::optional<Questionnaire> q;
  };
  auto f = db_.read([&](db::Conn& c) -> std::optional<Found> {
    auto k = repo::CampaignById(c, campaign_id);
    if (!k) return std::nullopt;
    Found f{*k, repo::CampaignUnits(c, campaign_id), std::nullopt, repo::QuestionnaireById(c, k->questionnaire_id)};
    std::string code = text::Trim(unit_code);
    if (code.empty())
      for (const auto& t : f.targets)
        if (code.empty() && auth::Covers(p, t.path)) code = t.code;
    f.unit = org::Service::FindUnit(c, code);
    return f;
  });
  if (!f || !f->q) throw NotFound("surveys.campaign_not_found");
  if (!CoversAny(p, f->targets)) throw Forbidden();
  const int now_round = RoundAt(f->k, today);
  rep.round = round == 0 ? now_round : round;
  if (rep.round < 1 || rep.round > now_round) probs.add(BadInput("surveys.report_round", "round"));
  if (!f->unit) probs.add(BadInput("surveys.unit_not_found", "unit"));
  probs.raise_if_any();
  if (!auth::Covers(p, f->unit->path)) throw Forbidden();
  rep.campaign = f->k;
  rep.round_dates = RoundDates(f->k, rep.round);
  rep.open = IsOpen(rep.round_dates, today);
  rep.unit_code = f->unit->code;
  rep.unit_name = f->unit->name;
  if (rep.by == "official") {
    std::call_once(backfill_once_, [&] { BackfillOfficialCounts(); });
    const auto rows =
        db_.read([&](db::Conn& c) { return repo::OfficialCounts(c, campaign_id, rep.round, f->unit->path); });
    std::map<int64_t, std::map<std::pair<std::string, std::string>, int64_t>> sums;
    for (const auto& k : rows) {
      if (!sums.count(k.official_id)) rep.groups.push_back({std::to_string(k.official_id), k.official_name, 0, {}, 0});
      sums[k.official_id][{k.question, k.answer}] += k.n;
    }
    for (auto& g : rep.groups) {
      const auto& sum = sums[std::stoll(g.key)];
      auto n = [&](const std::string& q, const std::string& a) {
        auto it = sum.find({q, a});
        return it == sum.end() ? int64_t{0} : it->second;
      };
      g.responses = n("*", "");
      rep.responses += g.responses;
      std::tie(g.elements, g.sipas) = IndexesOf(*f->q, rep.minimum, n);
    }
    return rep;
  }
  const auto counts =
      db_.read([&](db::Conn& c) { return repo::SurveyCounts(c, campaign_id, rep.round, f->unit->path); });
  std::map<std::pair<std::string, std::string>, int64_t> sum;
  for (const auto& k : counts) sum[{k.question, k.answer}] += k.n;
  auto n = [&](const std::string& q, const std::string& a) {
    auto it = sum.find({q, a});
    return it == sum.end() ? int64_t{0} : it->second;
  };
  rep.responses = n("*", "");
  for (const auto& s : f->q->sections)
    for (const auto& q : s.questions) {
      QuestionLine line;
      line.question = q;
      line.answered = n(q.key, "");
      if (q.kind == QuestionKind::kLikert) {
        for (int level = 1; level <= 5; ++level)
          line.answers.emplace_back(std::to_string(level), n(q.key, std::to_string(level)));
      } else if (q.kind != QuestionKind::kText) {
        for (size_t i = 0; i < q.options.size(); ++i)
          line.answers.emplace_back(std::to_string(i), n(q.key, std::to_string(i)));
      }
      rep.questions.push_back(std::move(line));
    }
  std::tie(rep.elements, rep.sipas) = IndexesOf(*f->q, rep.minimum, n);
  return rep;
}

void Service::BackfillOfficialCounts() {
  // Safe to run from several processes: the one whose write deletes the row counts.
  db_.write([&](db::Conn& c) {
    const std::string upto = repo::SurveyKey(c, "official_counts_backfill_upto");
    if (upto.empty() || !repo::DeleteSurveyKey(c, "official_counts_backfill_upto")) return;
    std::map<int64_t, std::optional<Questionnaire>> questionnaires;
    std::map<std::tuple<int64_t, int64_t, int64_t, int64_t, std::string, std::string>, int64_t> sums;
    for (const auto& r : repo::ResponsesOfOfficials(c, std::stoll(upto))) {
      auto& q = questionnaires[r.campaign_id];
      if (!q)
        if (auto k = repo::CampaignById(c, r.campaign_id)) q = repo::QuestionnaireById(c, k->questionnaire_id);
      if (!q) continue;
      for (const auto& [question, answer] : CountsOf(*q, r.answers))
        ++sums[{r.campaign_id, r.round, r.unit_id, r.official_id, question, answer}];
    }
    for (const auto& [key, n] : sums) {
      const auto& [campaign, round, unit, official, question, answer] = key;
      repo::AddOfficialCount(c, campaign, round, unit, official, question, answer, n);
    }
  });
}

Service::Managed Service::ForManaging(const Principal& p, int64_t campaign_id) {
  auto m = db_.read([&](db::Conn& c) -> std::optional<Managed> {
    auto k = repo::CampaignById(c, campaign_id);
    if (!k) return std::nullopt;
    return Managed{std::move(*k), repo::CampaignUnits(c, campaign_id)};
  });
  if (!m) throw NotFound("surveys.campaign_not_found");
  if (!MayManage(p, m->units)) throw Forbidden();
  if (m->k.closed()) throw AppError(ErrorKind::kConflict, "surveys.campaign_closed_already");
  return std::move(*m);
}

Campaign Service::UpdateCampaign(const Principal& p, int64_t campaign_id, const CampaignEdit& in) {
  const Managed m = ForManaging(p, campaign_id);
  Campaign k = ValidateCampaignEdit(m.k, in, TodayLocalIso());
  if (in.version != m.k.version) throw AppError(ErrorKind::kConflict, "surveys.campaign_stale");
  k.version = in.version + 1;
  db_.write([&](db::Conn& c) {
    if (!repo::UpdateCampaign(c, k, in.version)) throw AppError(ErrorKind::kConflict, "surveys.campaign_stale");
    events::Append(c, events::By(p, k.unit_id, "survey_campaign", std::to_string(k.id), "update",
                                 boost::json::serialize(EditJson(m.k)), boost::json::serialize(EditJson(k))));
  });
  return k;
}

Campaign Service::CloseCampaign(const Principal& p, int64_t campaign_id, int64_t version) {
  const Managed m = ForManaging(p, campaign_id);
  if (version != m.k.version) throw AppError(ErrorKind::kConflict, "surveys.campaign_stale");
  Campaign k = m.k;
  k.closed_on = TodayLocalIso();
  k.version = version + 1;
  db_.write([&](db::Conn& c) {
    if (!repo::CloseCampaign(c, campaign_id, version, k.closed_on, p.official_id))
      throw AppError(ErrorKind::kConflict, "surveys.campaign_stale");
    boost::json::object after{{"closed_on", k.closed_on}, {"version", k.version}};
    events::Append(c, events::By(p, k.unit_id, "survey_campaign", std::to_string(k.id), "close",
                                 boost::json::serialize(EditJson(m.k)), boost::json::serialize(after)));
  });
  return k;
}

}  // namespace fg::surveys
