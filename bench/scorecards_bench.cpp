// Scoring a province (issue 14): 100 communes scored against the shipped
// "Chính quyền thân thiện" set (39 lines: 30 manual, 4 computed from the desk's
// and the ratings' counters and feedback, 5 from survey campaigns) over one year
// of data: the counters of 1 million dossiers (bench::FillDeskCounters, the
// desk's own write) and of about 10 million ratings (bench::FillRatingCounters,
// the ratings' own write) in 2025, in one SQLite store. Each commune has an
// assessment of 2025 with its manual lines self-assessed; the province's
// evaluator then reads all 100 live scores, as the service computes them
// (Service::View: the assessment, the set, the live indicators of the commune's
// subtree and year through the same LiveIndicators the server wires, the score,
// recognition and gaps) and as the assessment page renders them.
// Target: the 100 communes under 1 second.
//   build-bench/scorecards_bench [dossiers] [ratings] [dir]   (defaults: 1000000, 10000000, var)
// The store is kept in <dir>/scorecards_bench.db and reused when it holds the
// same volumes (filling takes about 3 minutes); delete it to refill.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "bench/report_bench.h"
#include "features/calendar/service.h"
#include "features/desk/service.h"
#include "features/feedback/service.h"
#include "features/letters/service.h"
#include "features/org/service.h"
#include "features/ratings/service.h"
#include "features/scorecards/routes.h"
#include "features/scorecards/rules.h"
#include "features/scorecards/service.h"
#include "features/surveys/service.h"
#include "platform/auth/crypto.h"
#include "platform/db/db.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/source_dir.h"
#include "platform/time.h"

namespace {

using namespace fg;
using Clock = std::chrono::steady_clock;

constexpr int kUnits = 100, kOfficialsPerUnit = 10, kProcedures = 50, kYear = 2025;

const db::Query kMeta{"bench_meta_create",
                      "CREATE TABLE IF NOT EXISTS bench_meta (dossiers INTEGER NOT NULL, ratings INTEGER NOT NULL)"};
const db::Query kMetaGet{"bench_meta_get", "SELECT dossiers, ratings FROM bench_meta"};
const db::Query kMetaPut{"bench_meta_put", "INSERT INTO bench_meta (dossiers, ratings) VALUES (?, ?)"};
const db::Query kUnitIds{"bench_unit_ids", "SELECT id, code, path FROM units ORDER BY path"};
const db::Query kOfficialIds{"bench_official_ids", "SELECT id FROM officials ORDER BY id"};
const db::Query kProcedureIds{"bench_procedure_ids", "SELECT id FROM procedures ORDER BY id"};
// The reference: the same year's figures of one commune read by plain SQL from
// the monthly counters the live indicators read (on time of finished, apologies,
// satisfied of rated), no service, no rules.
const db::Query kRawDesk{"bench_raw_desk",
                         "SELECT sum(resolved_early + resolved_on_time), sum(resolved_early + resolved_on_time + "
                         "resolved_late), sum(apologies) FROM dossier_stats_month_procedures "
                         "WHERE unit_id = ? AND month >= ? AND month <= ?"};
const db::Query kRawRatings{"bench_raw_ratings",
                            "SELECT sum(CASE WHEN level IN ('very_satisfied', 'satisfied') THEN n ELSE 0 END), "
                            "sum(n) FROM rating_month_officials WHERE unit_id = ? AND month >= ? AND month <= ?"};
const db::Query kRows{"bench_rows",
                      "SELECT (SELECT count(*) FROM dossier_stats), (SELECT count(*) FROM rating_counts), "
                      "(SELECT sum(n) FROM rating_counts)"};

struct World {
  bench::Staff staff;
  std::vector<std::string> codes, paths;  // the communes'
  std::vector<int64_t> procedures;
  int64_t province_id = 0;
  std::string province_path;
};

World Load(db::Db& db) {
  World w;
  w.staff.per_unit = kOfficialsPerUnit;
  db.read([&](db::Conn& c) {
    for (auto& r : c.query(kUnitIds)) {
      if (r.text(1) == "P") {
        w.province_id = r.i64(0), w.province_path = r.text(2);
      } else {
        w.staff.units.push_back(r.i64(0));
        w.codes.push_back(r.text(1));
        w.paths.push_back(r.text(2));
      }
    }
    for (auto& r : c.query(kOfficialIds)) w.staff.officials.push_back(r.i64(0));
    for (auto& r : c.query(kProcedureIds)) w.procedures.push_back(r.i64(0));
  });
  return w;
}

void Fill(db::Db& db, org::Service& org, desk::Service& desk, int dossiers, int64_t ratings) {
  bench::ImportProvince(org, kUnits);
  bench::AddProcedures(desk, kProcedures);
  World w = Load(db);
  bench::AddOfficials(db, w.staff.units, kOfficialsPerUnit);
  w = Load(db);
  const auto days = bench::WorkingDays(kYear, 1);
  std::mt19937_64 rng(20261128);
  bench::FillDeskCounters(db, w.staff, w.procedures, dossiers, days, rng);
  bench::FillRatingCounters(db, w.staff, kProcedures, ratings, days, rng);
  db.write([&](db::Conn& c) { c.exec(kMetaPut, {int64_t{dossiers}, ratings}); });
}

}  // namespace

int main(int argc, char** argv) {
  const int dossiers = argc > 1 ? std::atoi(argv[1]) : 1000000;
  const int64_t ratings = argc > 2 ? std::atoll(argv[2]) : 10000000;
  const std::string dir = argc > 3 ? argv[3] : "var";
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/scorecards_bench.db";
  auth::InitCrypto();
  render::LoadMessages(FG_SOURCE_DIR);
  render::InitTemplates(FG_SOURCE_DIR);

  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  auto open = [&] {
    auto db = db::OpenSqlite(path, {});
    db::Migrate(*db, std::string(FG_SOURCE_DIR) + "/platform/db/migrations");
    return db;
  };
  {  // Fill the store unless it holds these volumes already.
    auto db = open();
    const bool same = db->write([&](db::Conn& c) {
      c.exec(kMeta);
      auto r = c.query_one(kMetaGet);
      return r && r->i64(0) == dossiers && r->i64(1) == ratings;
    });
    db->close();
    if (!same) {
      db.reset();
      for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
      db = open();
      db->write([](db::Conn& c) { c.exec(kMeta); });
      org::Service org(*db);
      calendar::Service calendar(*db);
      desk::Service desk(*db, calendar);
      const auto t0 = Clock::now();
      Fill(*db, org, desk, dossiers, ratings);
      std::printf("filled in %.0f s\n", std::chrono::duration<double>(Clock::now() - t0).count());
      db->close();
    }
  }

  auto db = open();
  calendar::Service calendar(*db);
  desk::Service desk(*db, calendar);
  letters::Service letters(*db);
  auto ratings_svc = std::make_shared<ratings::Service>(*db);
  auto feedback_svc = std::make_shared<feedback::Service>(*db, calendar);
  auto surveys_svc = std::make_shared<surveys::Service>(*db, desk);
  auto svc = std::make_shared<scorecards::Service>(
      *db, std::make_shared<scorecards::LiveIndicators>(desk, ratings_svc, &letters, feedback_svc, surveys_svc));
  svc->InstallTemplates(FG_SOURCE_DIR);
  const World w = Load(*db);

  auth::Principal evaluator;
  evaluator.official_id = w.staff.officials.front();
  evaluator.username = "bench.evaluator";
  evaluator.full_name = "Đánh giá thử";
  evaluator.grants.push_back({1, auth::Role::kEvaluator, w.province_id, w.province_path, "P", "Tỉnh Thử"});
  auth::Principal admin = evaluator;
  admin.grants.front().role = auth::Role::kAdmin;

  // The set and one assessment of 2025 per commune (reused from an earlier run).
  int64_t set_id = 0;
  for (const auto& s : svc->Sets(admin))
    if (s.code == "cqtt") set_id = s.id;
  const auto set = svc->GetSet(admin, set_id);
  std::vector<int64_t> ids;
  for (const auto& a : svc->Assessments(admin, "P")) ids.push_back(a.id);
  if (ids.empty()) {
    std::mt19937_64 rng(7);
    for (size_t u = 0; u < w.codes.size(); ++u) {
      const auto& code = w.codes[u];
      auth::Principal commune = evaluator;  // the commune's own administrator self-assesses
      commune.grants = {{2, auth::Role::kAdmin, w.staff.units[u], w.paths[u], code, code}};
      auto a = svc->Open(evaluator, set_id, code, std::to_string(kYear) + "-01-01", std::to_string(kYear) + "-12-31");
      std::map<std::string, scorecards::SelfInput> self;
      for (const auto* c : scorecards::Leaves(set))
        if (c->method == scorecards::Method::kManual)
          self[c->key] = {
              scorecards::FormatPoints(
                  static_cast<scorecards::Points>(rng() % static_cast<uint64_t>(c->max / c->step + 1)) * c->step),
              "Tự chấm thử"};
      svc->SelfAssess(commune, a.id, self);
      ids.push_back(a.id);
    }
  }

  http::App app(FG_SOURCE_DIR);
  app.authenticate = [&evaluator](const http::Request&) { return std::optional(evaluator); };
  scorecards::RegisterPages(app, svc);

  const auto [daily, rating_rows, rated] = db->read([&](db::Conn& c) {
    auto r = c.query_one(kRows);
    return std::tuple(r->i64(0), r->i64(1), r->i64(2));
  });
  const auto leaves = scorecards::Leaves(set);
  const int lines = static_cast<int>(leaves.size());
  const int computed = static_cast<int>(std::count_if(
      leaves.begin(), leaves.end(), [](const auto* c) { return c->method != scorecards::Method::kManual; }));
  std::printf(
      "store: %s, %d dossiers and %lld ratings in %d (%lld daily desk counter rows, %lld daily rating counter rows); "
      "set %s v%lld: %d lines, %d computed; %zu assessments\n",
      path.c_str(), dossiers, static_cast<long long>(rated), kYear, static_cast<long long>(daily),
      static_cast<long long>(rating_rows), set.code.c_str(), static_cast<long long>(set.version), lines, computed,
      ids.size());

  std::printf("%-72s %10s %10s\n", "100 communes, one year", "median ms", "p95 ms");
  const std::string first = std::to_string(kYear) + "-01", last = std::to_string(kYear) + "-12";
  int64_t raw_sum = 0;
  const auto raw = bench::Time(10, [&] {
    raw_sum = 0;
    db->read([&](db::Conn& c) {
      for (int64_t unit : w.staff.units) {
        auto d = c.query_one(kRawDesk, {unit, first, last});
        auto r = c.query_one(kRawRatings, {unit, first, last});
        raw_sum += d->i64(1) + r->i64(1);
      }
    });
  });
  auto report = [](const char* what, bench::Timing t) { std::printf("%-72s %10.1f %10.1f\n", what, t.median, t.p95); };
  const int runs = 10;
  scorecards::Points sum = 0;
  int64_t scored_lines = 0, below = 0;
  report("reference: raw SQL, each commune's year from the monthly counters", raw);
  const auto view = bench::Time(runs, [&] {
    sum = 0, scored_lines = 0, below = 0;
    for (auto id : ids) {
      auto v = svc->View(evaluator, id);
      sum += v.score.total;
      for (const auto& [key, l] : v.score.lines) scored_lines += l.raw.has_value(), below += l.below_minimum;
    }
  });
  report("score all (Service::View of each assessment, live indicators)", view);
  std::printf("  (reference / score all, medians: %.3f; %lld finished dossiers and ratings read by the reference)\n",
              raw.median / view.median, static_cast<long long>(raw_sum));
  std::printf("  (mean total %.2f of 100; %lld computed line figures read, %lld of them below the minimum volume)\n",
              static_cast<double>(sum) / static_cast<double>(ids.size()) / 100.0, static_cast<long long>(scored_lines),
              static_cast<long long>(below));
  size_t bytes = 0;
  report("score all and render each page /cham-diem/danh-gia/{id}", bench::Time(runs, [&] {
           bytes = 0;
           for (auto id : ids) {
             http::Request req;
             req.method = "GET";
             req.set_target("/cham-diem/danh-gia/" + std::to_string(id));
             req.remote_addr = "127.0.0.1";
             auto res = app.handle(req);
             if (res.status != 200) {
               std::fprintf(stderr, "assessment %lld: HTTP %d\n%s\n", static_cast<long long>(id), res.status,
                            res.body.c_str());
               std::exit(1);
             }
             bytes += res.body.size();
           }
         }));
  std::printf("  (%zu bytes of pages)\n", bytes);
  report("one commune (the busiest), Service::View", bench::Time(runs * 5, [&] { svc->View(evaluator, ids.front()); }));
  db->close();
  return 0;
}
