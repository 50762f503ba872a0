// The ratings report at a province's scale: a SQLite store holding the counters
// of some 10 million ratings over one year (the argument is the base rate; busy
// communes above it make the total about 1.3 times that, printed as "ratings in") (100 communes, 10 officials each, 50
// procedures; written through repo::AddCounts, the code every rating's write
// runs, so the daily and monthly rows are what real use gives), then the report
// of the province's subtree and of one commune, as the service computes it and
// as the page /desk/ratings renders it (the handler through http::App, template,
// chart and table included). Target: under 100 ms. Beside each, timed in the
// same run on the same store, the reference: the same sums (levels and reasons
// by the report's key) made by plain SQL straight from the counter tables the
// report reads, each commune's rows by key (no subtree walk, service, rules or
// page); its total is checked against the report's. Quoted as a ratio
// (reference / report).
//   build-bench/ratings_bench [ratings] [dir]     (defaults: 10000000, var)
// The store is kept in <dir>/ratings_bench.db and reused when it holds the same
// number of ratings (filling takes a few minutes); delete it to refill. The
// rating rows themselves are not written: the reports never read them.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "bench/report_bench.h"
#include "features/desk/stats.h"
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

namespace {

using namespace fg;
using namespace std::chrono;
using Clock = steady_clock;
using bench::Time;
using bench::Timing;
using bench::WorkingDays;

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

// The reference's statements: per grouping, the key and the tables for whole months and loose days.
struct RawSource {
  const char *key_month, *key_day, *month_levels, *day_levels, *month_reasons, *day_reasons;
};
RawSource RawSourceOf(const std::string& by) {
  if (by == "unit")
    return {"unit_id",
            "unit_id",
            "rating_month_officials",
            "rating_day_units",
            "rating_month_reasons",
            "rating_day_unit_reasons"};
  if (by == "month")
    return {"month",
            "substr(day, 1, 7)",
            "rating_month_officials",
            "rating_day_units",
            "rating_month_reasons",
            "rating_day_unit_reasons"};
  if (by == "official")
    return {"official_id",          "official_id",          "rating_month_officials",
            "rating_day_officials", "rating_month_reasons", "rating_reason_counts"};
  return {"procedure_id",         "procedure_id",           "rating_month_procedures", "rating_counts",
          "rating_month_reasons", "rating_day_unit_reasons"};  // reasons are not kept per procedure: summed alone
}

// Each unit's counters read by key (unit_id = ? leads every counter table's key), the
// sums of all units merged by the report's key and level (or reason).
class Raw {
 public:
  // The sums of `by` over [from, to] for `units`; returns the total of the levels.
  int64_t Sums(db::Conn& c, const std::string& by, const std::string& from, const std::string& to,
               const std::vector<int64_t>& units) {
    const RawSource src = RawSourceOf(by);
    const auto spans = desk::SplitPeriod({from, to});
    std::map<std::pair<std::string, std::string>, int64_t> levels, reasons;
    auto run = [&](const char* table, const char* period, const char* key, const char* value, const std::string& a,
                   const std::string& b, std::map<std::pair<std::string, std::string>, int64_t>& sums) {
      const std::string key_text = by == "procedure" && std::string(value) == "reason" ? "''" : key;
      const std::string& sql = Text("SELECT CAST(" + key_text + " AS TEXT), " + value + ", sum(n) FROM " + table +
                                    " WHERE unit_id = ? AND " + period + " >= ? AND " + period + " <= ? GROUP BY 1, 2");
      for (int64_t unit : units)
        for (auto& r : c.query({"bench_raw", sql.c_str()}, {unit, a, b})) sums[{r.text(0), r.text(1)}] += r.i64(2);
    };
    if (!spans.months_from.empty()) {
      run(src.month_levels, "month", src.key_month, "level", spans.months_from, spans.months_to, levels);
      run(src.month_reasons, "month", src.key_month, "reason", spans.months_from, spans.months_to, reasons);
    }
    for (const auto& [a, b] : spans.days) {
      run(src.day_levels, "day", src.key_day, "level", a, b, levels);
      run(src.day_reasons, "day", src.key_day, "reason", a, b, reasons);
    }
    int64_t total = 0;
    for (const auto& [_, n] : levels) total += n;
    return total;
  }

 private:
  // The store caches statements by the address of their text: each text is kept, once.
  const std::string& Text(const std::string& sql) {
    for (const auto& t : texts_)
      if (t == sql) return t;
    return texts_.emplace_back(sql);
  }
  std::deque<std::string> texts_;
};

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
  const int64_t written = bench::FillRatingCounters(db, {w.units, w.officials, kOfficialsPerUnit}, kProcedures, ratings,
                                                    WorkingDays(kYear, 1), rng);
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
  std::printf("%-66s %9s %8s %8s %6s\n", "report", "median ms", "p95 ms", "raw ms", "ratio");
  const int runs = 20;
  Raw raw;
  std::map<std::string, std::vector<int64_t>> units_of;  // by code: the unit, or the province's communes
  db->read([&](db::Conn& c) {
    for (auto& r : c.query(kUnitIds)) units_of[r.text(1)] = {r.i64(0)};
  });
  units_of["P"] = w.units;
  // One report: the service (with the page unless `query_only`) against the reference.
  auto report = [&](const std::string& what, const ratings::ReportQuery& q, bool query_only) {
    const std::vector<int64_t>& units = units_of.at(q.unit_code);
    const int64_t expected = svc->ReportOf(admin, q).total.total;
    int64_t got = 0;
    const Timing ref =
        Time(runs, [&] { got = db->read([&](db::Conn& c) { return raw.Sums(c, q.by, q.from, q.to, units); }); });
    if (got != expected) {
      std::fprintf(stderr, "%s: the reference counts %lld ratings, the report %lld\n", what.c_str(),
                   static_cast<long long>(got), static_cast<long long>(expected));
      std::exit(1);
    }
    size_t lines = 0, bytes = 0;
    const Timing t = Time(runs, [&] {
      if (query_only) {
        lines = svc->ReportOf(admin, q).lines.size();
        return;
      }
      http::Request req;
      req.method = "GET";
      req.set_target("/desk/ratings?unit=" + q.unit_code + "&from=" + q.from + "&to=" + q.to + "&by=" + q.by);
      req.remote_addr = "127.0.0.1";
      auto res = app.handle(req);
      if (res.status != 200) {
        std::fprintf(stderr, "%s: HTTP %d\n%s\n", what.c_str(), res.status, res.body.c_str());
        std::exit(1);
      }
      bytes = res.body.size();
    });
    std::printf("%-66s %9.1f %8.1f %8.1f %6.2f\n", what.c_str(), t.median, t.p95, ref.median, ref.median / t.median);
    if (query_only)
      std::printf("  (%zu lines)\n", lines);
    else
      std::printf("  (page %zu bytes)\n", bytes);
  };
  const std::string y = std::to_string(kYear);
  report("query only (Service::ReportOf), province, one year, by official",
         {"P", y + "-01-01", y + "-12-31", "official"}, true);
  for (const char* by : {"unit", "official", "procedure", "month"})
    report(std::string("query + page /desk/ratings, province, one year, by ") + by,
           {"P", y + "-01-01", y + "-12-31", by}, false);
  report("query + page, province, 15/01-20/12 (days at both ends), by unit", {"P", y + "-01-15", y + "-12-20", "unit"},
         false);
  report("query + page, province, 15/01-20/12, by procedure", {"P", y + "-01-15", y + "-12-20", "procedure"}, false);
  report("query + page, province, one month, by official", {"P", y + "-06-01", y + "-06-30", "official"}, false);
  report("query + page, province, 01/06-17/06 (days only), by official", {"P", y + "-06-01", y + "-06-17", "official"},
         false);
  report("query + page, one commune, one year, by official", {"C001", y + "-01-01", y + "-12-31", "official"}, false);
  db->close();
  return 0;
}
