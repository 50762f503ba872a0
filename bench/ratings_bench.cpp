// The ratings report at a province's scale: a SQLite store holding the counters
// of some 10 million ratings over one year (the argument is the base rate; busy
// communes above it make the total about 1.3 times that, printed as "ratings in") (100 communes, 10 officials each, 50
// procedures; written through repo::AddCounts, the code every rating's write
// runs, so the daily and monthly rows are what real use gives), then the report
// of the province's subtree and of one commune, as the service computes it and
// as the page /desk/ratings renders it (the handler through http::App, template,
// chart and table included). Target: under 100 ms.
//   build-bench/ratings_bench [ratings] [dir]     (defaults: 10000000, var)
// The store is kept in <dir>/ratings_bench.db and reused when it holds the same
// number of ratings (filling takes a few minutes); delete it to refill. The
// rating rows themselves are not written: the reports never read them.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "features/org/service.h"
#include "features/ratings/repo.h"
#include "features/ratings/routes.h"
#include "features/ratings/service.h"
#include "platform/auth/crypto.h"
#include "platform/db/db.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/source_dir.h"
#include "platform/time.h"
#include "bench/report_bench.h"

namespace {

using namespace fg;
using namespace std::chrono;
using Clock = steady_clock;
using bench::WorkingDays;
using bench::Time;
using bench::Timing;

constexpr int kUnits = 100, kOfficialsPerUnit = 10, kProcedures = 50;
constexpr int kYear = 2025;

const db::Query kMeta{"bench_meta_create", "CREATE TABLE IF NOT EXISTS bench_meta (ratings INTEGER NOT NULL)"};
const db::Query kMetaGet{"bench_meta_get", "SELECT ratings FROM bench_meta"};
const db::Query kMetaPut{"bench_meta_put", "INSERT INTO bench_meta (ratings) VALUES (?)"};
const db::Query kUnitIds{"bench_unit_ids", "SELECT id, code, path FROM units ORDER BY path"};
const db::Query kOfficialIds{"bench_official_ids", "SELECT id, unit_id FROM officials ORDER BY id"};
const db::Query kRows{"bench_rows",
                      "SELECT (SELECT count(*) FROM rating_counts), (SELECT count(*) FROM rating_month_officials), "
                      "(SELECT count(*) FROM rating_month_procedures), (SELECT sum(n) FROM rating_counts)"};

struct World {
  std::vector<int64_t> units;
  std::string province_path;
  int64_t province_id = 0;
  std::vector<int64_t> officials;  // kOfficialsPerUnit per commune, in the communes' order
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
  });
  return w;
}

// Returns the number of ratings whose counters it wrote.
int64_t Fill(db::Db& db, org::Service& org, int64_t ratings) {
  bench::ImportProvince(org, kUnits);
  World w = Load(db);
  bench::AddOfficials(db, w.units, kOfficialsPerUnit);
  w = Load(db);

  std::mt19937_64 rng(20261127);
  const int64_t written =
      bench::FillRatingCounters(db, {w.units, w.officials, kOfficialsPerUnit}, kProcedures, ratings, WorkingDays(kYear, 1), rng);
  db.write([&](db::Conn& c) {
    c.exec(kMeta);
    c.exec(kMetaPut, {ratings});
  });
  return written;
}

}  // namespace

int main(int argc, char** argv) {
  const int64_t ratings = argc > 1 ? std::atoll(argv[1]) : 10000000;
  const std::string dir = argc > 2 ? argv[2] : "var";
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/ratings_bench.db";
  auth::InitCrypto();
  render::LoadMessages(FG_SOURCE_DIR);
  render::InitTemplates(FG_SOURCE_DIR);

  auto open = [&] {
    auto db = db::OpenSqlite(path, {});
    db::Migrate(*db, std::string(FG_SOURCE_DIR) + "/platform/db/migrations");
    return db;
  };
  {  // Fill the store unless it holds the counters of these many ratings already.
    auto db = open();
    const int64_t stored = db->write([](db::Conn& c) -> int64_t {
      c.exec(kMeta);
      auto r = c.query_one(kMetaGet);
      return r ? r->i64(0) : -1;
    });
    db->close();
    if (stored != ratings) {
      db.reset();
      for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
      db = open();
      org::Service org(*db);
      const auto t0 = Clock::now();
      const int64_t written = Fill(*db, org, ratings);
      std::printf("filled the counters of %lld ratings in %.0f s\n", static_cast<long long>(written),
                  duration<double>(Clock::now() - t0).count());
      db->close();
    }
  }
  auto db = open();
  const World w = Load(*db);
  const auto [daily, by_official, by_procedure, total] = db->read([&](db::Conn& c) {
    auto r = c.query_one(kRows);
    return std::tuple(r->i64(0), r->i64(1), r->i64(2), r->i64(3));
  });
  auto svc = std::make_shared<ratings::Service>(*db);

  auth::Principal admin;
  admin.official_id = w.officials.front();
  admin.username = "bench.admin";
  admin.full_name = "Quản trị thử";
  admin.grants.push_back({1, auth::Role::kAdmin, w.province_id, w.province_path, "P", "Tỉnh Thử"});
  http::App app(FG_SOURCE_DIR);
  app.authenticate = [&admin](const http::Request&) { return std::optional(admin); };
  ratings::RegisterPages(app, svc);

  std::printf("store: %s, %lld ratings in %d; %lld daily counter rows, %lld monthly by official, %lld by procedure\n",
              path.c_str(), static_cast<long long>(total), kYear, static_cast<long long>(daily),
              static_cast<long long>(by_official), static_cast<long long>(by_procedure));
  std::printf("%-72s %10s %10s\n", "report", "median ms", "p95 ms");
  const int runs = 20;
  auto report = [&](const std::string& what, Timing t) {
    std::printf("%-72s %10.1f %10.1f\n", what.c_str(), t.median, t.p95);
  };
  const std::string y = std::to_string(kYear);
  size_t lines = 0;
  report("query only (Service::ReportOf), province, one year, by official", Time(runs, [&] {
           lines = svc->ReportOf(admin, {"P", y + "-01-01", y + "-12-31", "official", 30}).lines.size();
         }));
  std::printf("  (%zu lines)\n", lines);
  size_t bytes = 0;
  auto page = [&](const std::string& query) {
    return Time(runs, [&] {
      http::Request req;
      req.method = "GET";
      req.set_target("/desk/ratings?" + query);
      req.remote_addr = "127.0.0.1";
      auto res = app.handle(req);
      if (res.status != 200) {
        std::fprintf(stderr, "%s: HTTP %d\n%s\n", query.c_str(), res.status, res.body.c_str());
        std::exit(1);
      }
      bytes = res.body.size();
    });
  };
  const std::string year = "unit=P&from=" + y + "-01-01&to=" + y + "-12-31&by=";
  for (const char* by : {"unit", "official", "procedure", "month"}) {
    report(std::string("query + page /desk/ratings, province, one year, by ") + by, page(year + by));
    std::printf("  (page %zu bytes)\n", bytes);
  }
  const std::string loose = "unit=P&from=" + y + "-01-15&to=" + y + "-12-20&by=";
  report("query + page, province, 15/01-20/12 (days at both ends), by unit", page(loose + "unit"));
  report("query + page, province, 15/01-20/12, by procedure", page(loose + "procedure"));
  report("query + page, province, one month, by official", page("unit=P&from=" + y + "-06-01&to=" + y + "-06-30"));
  report("query + page, province, 01/06-17/06 (days only), by official",
         page("unit=P&from=" + y + "-06-01&to=" + y + "-06-17"));
  report("query + page, one commune, one year, by official", page("unit=C001&from=" + y + "-01-01&to=" + y + "-12-31"));
  db->close();
  return 0;
}
