// The desk's statistics at a province's scale: a SQLite store filled with the
// counters of 1 million dossiers (about 100 communes, 50 procedures, 300
// officials, 3 years; written through repo::AddStats, the code the desk's
// writes run, so the daily and monthly rows are what real use gives) and some
// 15,000 dossiers in progress; then the statistics of the province's subtree for
// one year, as the service computes it and as the page /desk/stats renders it
// (the handler through http::App, template, chart and table included).
// Target: under 100 ms for the query and the page.
//   build-bench/stats_bench [dossiers] [dir]     (defaults: 1000000, var)
// The store is kept in <dir>/stats_bench.db and reused when it holds the same
// number of dossiers (filling takes a minute or two); delete it to refill.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "bench/report_bench.h"
#include "features/calendar/service.h"
#include "features/desk/repo.h"
#include "features/desk/routes.h"
#include "features/desk/rules.h"
#include "features/desk/service.h"
#include "features/org/service.h"
#include "platform/auth/crypto.h"
#include "platform/db/db.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/source_dir.h"
#include "platform/time.h"

namespace {

using namespace fg;
using namespace std::chrono;
using Clock = steady_clock;
using bench::Skewed;
using bench::Time;
using bench::Timing;
using bench::WorkingDays;

constexpr int kUnits = 100, kProcedures = 50, kOfficialsPerUnit = 3, kOpen = 15000;
constexpr int kFirstYear = 2023, kYears = 3;  // the counters cover 2023-2025; the report is 2025

const db::Query kMeta{"bench_meta_create", "CREATE TABLE IF NOT EXISTS bench_meta (dossiers INTEGER NOT NULL)"};
const db::Query kMetaGet{"bench_meta_get", "SELECT dossiers FROM bench_meta"};
const db::Query kMetaPut{"bench_meta_put", "INSERT INTO bench_meta (dossiers) VALUES (?)"};
const db::Query kUnitIds{"bench_unit_ids", "SELECT id, code, path FROM units ORDER BY path"};
const db::Query kOfficialIds{"bench_official_ids", "SELECT id FROM officials ORDER BY id"};
const db::Query kProcedureIds{"bench_procedure_ids", "SELECT id FROM procedures ORDER BY id"};
const db::Query kCountDaily{"bench_count_daily", "SELECT count(*) FROM dossier_stats"};
const db::Query kCountByProcedure{
    "bench_count_month_procedures",
    "SELECT count(*) FROM dossier_stats_month_procedures WHERE month >= ? AND month <= ?"};
const db::Query kCountByOfficial{"bench_count_month_officials",
                                 "SELECT count(*) FROM dossier_stats_month_officials WHERE month >= ? AND month <= ?"};

struct World {
  std::vector<int64_t> units;  // communes' ids
  std::string province_path;
  int64_t province_id = 0;
  std::vector<int64_t> officials;  // 3 per commune: desk officer, specialist, leader
  std::vector<int64_t> procedures;
};

World Load(db::Db& db) {
  World w;
  db.read([&](db::Conn& c) {
    for (auto& r : c.query(kUnitIds)) {
      if (r.text(1) == "P")
        w.province_id = r.i64(0), w.province_path = r.text(2);
      else
        w.units.push_back(r.i64(0));
    }
    for (auto& r : c.query(kOfficialIds)) w.officials.push_back(r.i64(0));
    for (auto& r : c.query(kProcedureIds)) w.procedures.push_back(r.i64(0));
  });
  return w;
}

void Fill(db::Db& db, org::Service& org, desk::Service& svc, int dossiers) {
  bench::ImportProvince(org, kUnits);
  bench::AddProcedures(svc, kProcedures);
  World w = Load(db);
  bench::AddOfficials(db, w.units, kOfficialsPerUnit);
  w = Load(db);

  std::mt19937_64 rng(20260317);
  bench::FillDeskCounters(db, {w.units, w.officials, kOfficialsPerUnit}, w.procedures, dossiers,
                          WorkingDays(kFirstYear, kYears), rng);

  // Dossiers in progress now: what the "on time / overdue" figures read.
  const Skewed unit_of(kUnits, 0.5), procedure_of(kProcedures, 1.0);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
  const SysSeconds now_t = Now();
  db.write([&](db::Conn& c) {
    for (int i = 0; i < kOpen; ++i) {
      const int u = unit_of(rng);
      desk::Dossier d;
      char code[40];
      std::snprintf(code, sizeof code, "C%03d-260101-%05d", u + 1, i);
      d.code = code;
      d.unit_id = w.units[static_cast<size_t>(u)];
      d.procedure_id = w.procedures[static_cast<size_t>(procedure_of(rng))];
      d.procedure_version = 1;
      d.state = pick(10) < 8 ? desk::State::kInProgress : desk::State::kSupplementRequested;
      d.applicant = {"Nguyễn Văn Thử", "079123456789", "0912345678", "", ""};
      d.return_method = "at_desk";
      d.received_by = d.assignee_id = w.officials[static_cast<size_t>(u) * 3];
      d.received_at = d.starts_at = FormatUtc(now_t - hours(24 * pick(14)));
      d.due_at = d.warning_at = FormatUtc(now_t + hours(24 * (pick(14) - 3)));  // about one in five overdue
      desk::repo::InsertDossier(c, d, "");
    }
    c.exec(kMeta);
    c.exec(kMetaPut, {int64_t{dossiers}});
  });
}

}  // namespace

int main(int argc, char** argv) {
  const int dossiers = argc > 1 ? std::atoi(argv[1]) : 1000000;
  const std::string dir = argc > 2 ? argv[2] : "var";
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/stats_bench.db";
  auth::InitCrypto();
  render::LoadMessages(FG_SOURCE_DIR);
  render::InitTemplates(FG_SOURCE_DIR);

  auto open = [&] {
    auto db = db::OpenSqlite(path, {});
    db::Migrate(*db, std::string(FG_SOURCE_DIR) + "/platform/db/migrations");
    return db;
  };
  {  // Fill the store unless it holds these many dossiers already.
    auto db = open();
    const int64_t stored = db->write([](db::Conn& c) -> int64_t {
      c.exec(kMeta);
      auto r = c.query_one(kMetaGet);
      return r ? r->i64(0) : -1;
    });
    db->close();
    if (stored != dossiers) {
      db.reset();
      for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
      db = open();
      org::Service org(*db);
      calendar::Service calendar(*db);
      desk::Service svc(*db, calendar);
      const auto t0 = Clock::now();
      Fill(*db, org, svc, dossiers);
      std::printf("filled %d dossiers' counters in %.0f s\n", dossiers, duration<double>(Clock::now() - t0).count());
      db->close();
    }
  }
  auto db = open();
  calendar::Service calendar(*db);
  desk::Service desk(*db, calendar);
  const World w = Load(*db);
  const std::string year = std::to_string(kFirstYear + kYears - 1);
  const auto [daily, by_procedure, by_official] = db->read([&](db::Conn& c) {
    const std::vector<db::Value> months{year + "-01", year + "-12"};
    return std::tuple(c.query_one(kCountDaily)->i64(0), c.query_one(kCountByProcedure, months)->i64(0),
                      c.query_one(kCountByOfficial, months)->i64(0));
  });

  // An administrator of the province.
  auth::Principal admin;
  admin.official_id = w.officials.front();
  admin.username = "bench.admin";
  admin.full_name = "Quản trị thử";
  admin.grants.push_back({1, auth::Role::kAdmin, w.province_id, w.province_path, "P", "Tỉnh Thử"});
  http::App app(FG_SOURCE_DIR);
  app.authenticate = [&admin](const http::Request&) { return std::optional(admin); };
  desk::RegisterStatsPages(app, desk);

  std::printf(
      "store: %s, %d dossiers over %d-%d, %lld daily counter rows; in %s %lld monthly rows by procedure, %lld by "
      "official; %d in progress\n",
      path.c_str(), dossiers, kFirstYear, kFirstYear + kYears - 1, static_cast<long long>(daily), year.c_str(),
      static_cast<long long>(by_procedure), static_cast<long long>(by_official), kOpen);
  std::printf("%-70s %10s %10s\n", "province subtree (100 communes), one year", "median ms", "p95 ms");
  const int runs = 20;
  auto report = [&](const char* what, Timing t) { std::printf("%-70s %10.1f %10.1f\n", what, t.median, t.p95); };
  size_t lines = 0;
  report("query only (Service::Statistics), by unit", Time(runs, [&] {
           lines = desk.Statistics(admin, {"P", year + "-01-01", year + "-12-31", "", "", "unit"}).lines.size();
         }));
  size_t bytes = 0;
  auto page = [&](const std::string& query) {
    return Time(runs, [&] {
      http::Request req;
      req.method = "GET";
      req.set_target("/desk/stats?" + query);
      req.remote_addr = "127.0.0.1";
      auto res = app.handle(req);
      if (res.status != 200) {
        std::fprintf(stderr, "%s: HTTP %d\n%s\n", query.c_str(), res.status, res.body.c_str());
        std::exit(1);
      }
      bytes = res.body.size();
    });
  };
  const std::string whole = "unit=P&from=" + year + "-01-01&to=" + year + "-12-31&by=";
  report("query + page /desk/stats, by unit", page(whole + "unit"));
  std::printf("  (%zu lines, page %zu bytes)\n", lines, bytes);
  report("query + page, by procedure", page(whole + "procedure"));
  report("query + page, by official", page(whole + "official"));
  report("query + page, by month", page(whole + "month"));
  const std::string loose = "unit=P&from=" + year + "-01-15&to=" + year + "-12-20&by=";
  report("query + page, by unit, 15/01-20/12 (days at both ends)", page(loose + "unit"));
  report("query + page, by official, 15/01-20/12", page(loose + "official"));
  report("query + page, by procedure, 15/01-20/12", page(loose + "procedure"));
  report("query + page, by unit, one procedure and one official (daily rows)",
         page(whole + "unit&procedure=" + std::to_string(w.procedures.front()) +
              "&official=" + std::to_string(w.officials[1])));
  report("query + page, one commune, by month",
         page("unit=C001&from=" + year + "-01-01&to=" + year + "-12-31&by=month"));
  db->close();
  return 0;
}
