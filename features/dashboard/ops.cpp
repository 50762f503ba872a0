// Liveness and metrics for operators; /api/v1/health for system clients.
#include <boost/json.hpp>

#include "features/dashboard/routes.h"
#include "platform/auth/crypto.h"
#include "platform/db/events.h"
#include "platform/render/messages.h"

namespace fg::dashboard {

void RegisterOps(http::App& app, db::Db& db) {
  auto health = [&db](bool api) {
    return [&db, api](http::Context&) {
      bool ok = true;
      try {
        db.read([](db::Conn& c) { events::Count(c); });
      } catch (const std::exception&) {
        ok = false;
      }
      boost::json::object o{{"status", ok ? "ok" : "unavailable"},
                            {"database", db.backend() == db::Backend::kSqlite ? "sqlite" : "postgresql"}};
      if (!api) return http::Response::Text(ok ? 200 : 503, ok ? "ok\n" : "database unreachable\n");
      return http::Json(ok ? 200 : 503, o);
    };
  };
  app.page("GET", "/healthz", http::Access::kPublic, health(false));
  app.api("GET", "/api/v1/health", http::Access::kPublic, health(true));
  app.page("GET", "/metrics", http::Access::kPublic, [&app](http::Context& ctx) {
    // Operators scrape this from the machine itself or the internal network;
    // with metrics_token configured, only with that bearer token.
    const std::string& token = app.metrics_token();
    if (!token.empty() && !auth::SafeEqual(ctx.req.header("authorization"), "Bearer " + token)) {
      auto r = http::Problem(401, render::Text("status.401"), render::Text("dashboard.metrics_token"), ctx.req.path);
      r.set_header("WWW-Authenticate", "Bearer");
      return r;
    }
    return http::Response::Text(200, app.metrics().render(), "text/plain; version=0.0.4; charset=utf-8");
  });
  app.metrics().add_collector([&db] {
    auto s = db.stats();
    std::string o;
    o += "# HELP friendlygov_db_write_batches_total Transactions committed by the store's writer.\n"
         "# TYPE friendlygov_db_write_batches_total counter\n"
         "friendlygov_db_write_batches_total " +
         std::to_string(s.write_batches) + "\n";
    o += "# HELP friendlygov_db_writes_total Write functions applied.\n# TYPE friendlygov_db_writes_total counter\n"
         "friendlygov_db_writes_total " +
         std::to_string(s.writes) + "\n";
    o += "# HELP friendlygov_db_write_queue_depth Writes waiting for the writer.\n"
         "# TYPE friendlygov_db_write_queue_depth gauge\nfriendlygov_db_write_queue_depth " +
         std::to_string(s.write_queue_depth) + "\n";
    o += "# HELP friendlygov_db_write_batch_size Writes per group commit.\n# TYPE friendlygov_db_write_batch_size "
         "histogram\n";
    uint64_t cum = 0;
    for (size_t i = 0; i < s.batch_size_buckets.size(); ++i) {
      cum += s.batch_size_buckets[i];
      std::string le = i + 1 == s.batch_size_buckets.size() ? "+Inf" : std::to_string(1u << i);  // 1, 2, 4 ... 512
      o += "friendlygov_db_write_batch_size_bucket{le=\"" + le + "\"} " + std::to_string(cum) + "\n";
    }
    o += "friendlygov_db_write_batch_size_sum " + std::to_string(s.writes) + "\n";
    o += "friendlygov_db_write_batch_size_count " + std::to_string(cum) + "\n";
    o += "# HELP friendlygov_db_writes_refused_total Writes refused with 503 because the queue was full.\n"
         "# TYPE friendlygov_db_writes_refused_total counter\nfriendlygov_db_writes_refused_total " +
         std::to_string(s.write_refused) + "\n";
    o += "# HELP friendlygov_db_write_retries_total Writes run again after PostgreSQL aborted them (deadlock, "
         "serialization failure).\n"
         "# TYPE friendlygov_db_write_retries_total counter\nfriendlygov_db_write_retries_total " +
         std::to_string(s.write_retries) + "\n";
    return o;
  });
}

}  // namespace fg::dashboard
