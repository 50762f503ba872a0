// Commitments of the emulation movement: a unit's yearly targets on live
// indicators, and their progress over the year so far.
#include <boost/json.hpp>

#include <algorithm>

#include "features/org/repo.h"
#include "features/scorecards/repo.h"
#include "features/scorecards/rules.h"
#include "features/scorecards/service.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/time.h"

namespace fg::scorecards {
namespace {

namespace json = boost::json;

std::string CommitmentJson(const Commitment& k) {
  return json::serialize(json::object{
      {"unit", k.unit_code}, {"year", k.year}, {"indicator", k.indicator}, {"target", k.target}, {"note", k.note}});
}

}  // namespace

std::vector<CommitmentProgress> Service::Commitments(const auth::Principal& p, const std::string& unit_code, int year) {
  auto [u, list] = db_.read([&](db::Conn& c) {
    auto u = UnitIn(c, p, unit_code);
    if (!auth::Covers(p, u.path)) throw Forbidden();
    return std::pair{u, repo::CommitmentsUnder(c, u.path, year)};
  });
  const std::string today = TodayLocalIso(), from = std::to_string(year) + "-01-01";
  const std::string to = std::min(std::to_string(year) + "-12-31", today);
  std::map<std::string, std::map<std::string, IndicatorValue>> by_unit;  // read once per unit
  std::vector<CommitmentProgress> out;
  for (const auto& k : list) {
    std::optional<IndicatorValue> value;
    if (from <= to) {
      auto it = by_unit.find(k.unit_code);
      if (it == by_unit.end()) it = by_unit.emplace(k.unit_code, indicators_.Read(p, k.unit_code, from, to)).first;
      if (auto v = it->second.find(k.indicator); v != it->second.end()) value = v->second;
    }
    out.push_back(ProgressOf(k, value));
    out.back().may_withdraw = MaySelfAssess(p, k.unit_path);
  }
  return out;
}

std::optional<org::Unit> Service::UnitToCommit(const auth::Principal& p, const std::string& unit_code) {
  std::string code = unit_code;
  if (code.empty())
    for (const auto& g : p.grants)
      if (code.empty() && MaySelfAssess(p, g.unit_path)) code = g.unit_code;
  if (code.empty()) return std::nullopt;
  auto u = db_.read([&](db::Conn& c) { return org::repo::UnitByCode(c, code); });
  if (!u || !MaySelfAssess(p, u->path)) return std::nullopt;
  return u;
}

Commitment Service::Commit(const auth::Principal& p, const std::string& unit_code, const std::string& indicator,
                           const std::string& year, const std::string& target, const std::string& note) {
  Problems problems;
  std::optional<org::Unit> unit;
  problems.check([&] { unit = db_.read([&](db::Conn& c) { return UnitIn(c, p, unit_code); }); });
  Commitment k = problems.check([&] { return ParseCommitment(indicator, year, target, note); });
  problems.raise_if_any();
  if (!MaySelfAssess(p, unit->path)) throw Forbidden();
  const std::string now = NowUtcText();
  return db_.write([&](db::Conn& c) {
    if (repo::CommitmentIdOf(c, unit->id, k.year, k.indicator))
      throw AppError(ErrorKind::kConflict, "scorecards.commitment_taken", "indicator");
    if (repo::CountCommitments(c, unit->id, k.year) >= kMaxCommitmentsPerYear)
      throw AppError(ErrorKind::kConflict, "scorecards.commitment_limit", "indicator",
                     {{"n", std::to_string(kMaxCommitmentsPerYear)}});
    k.unit_id = unit->id;
    k.unit_code = unit->code;
    k.unit_name = unit->name;
    k.created_by = p.official_id;
    k.created_at = now;
    k.id = repo::InsertCommitment(c, k, now);
    events::Append(
        c, events::By(p, unit->id, "scorecard_commitment", std::to_string(k.id), "create", "", CommitmentJson(k)));
    return k;
  });
}

void Service::Withdraw(const auth::Principal& p, int64_t commitment_id) {
  const std::string now = NowUtcText();
  db_.write([&](db::Conn& c) {
    auto k = repo::CommitmentById(c, commitment_id);
    if (!k) throw NotFound("scorecards.commitment_not_found");
    if (!MaySelfAssess(p, k->unit_path)) throw Forbidden();  // before "withdrawn": nothing leaks
    if (!k->withdrawn_at.empty() || !repo::WithdrawCommitment(c, commitment_id, now))
      throw NotFound("scorecards.commitment_not_found");
    events::Append(c, events::By(p, k->unit_id, "scorecard_commitment", std::to_string(k->id), "withdraw",
                                 CommitmentJson(*k), ""));
    return 0;
  });
}

}  // namespace fg::scorecards
