// friendlygov: the server and its command-line tools.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <boost/json.hpp>

#include "app/config.h"
#include "app/demo.h"
#include "features/calendar/lunar.h"
#include "features/notify/sender.h"
#include "features/notify/service.h"
#include "features/registry.h"
#include "platform/auth/crypto.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/http/access_log.h"
#include "platform/http/server.h"
#include "platform/net/curl.h"
#include "platform/render/messages.h"
#include "platform/render/page.h"
#include "platform/time.h"

namespace fg::app {
namespace {

std::unique_ptr<db::Db> OpenStore(const Config& cfg) {
  if (cfg.database.rfind("sqlite:", 0) == 0) {
    auto dir = std::filesystem::path(cfg.database.substr(7)).parent_path();
    if (!dir.empty()) std::filesystem::create_directories(dir);
  }
  db::Options opt;
  opt.readers = cfg.db_readers;
  opt.writers = cfg.db_writers;
  opt.max_queued_writes = static_cast<size_t>(cfg.max_queued_writes);
  opt.checkpoint_frames = cfg.checkpoint_frames;
  auto db = db::Open(cfg.database, opt);
  db::Migrate(*db, cfg.assets_dir + "/platform/db/migrations");
  {
    // Dossiers written before their search index existed (migration 0009) are indexed now.
    calendar::Service calendar(*db);
    if (auto n = desk::Service(*db, calendar).IndexSearchTerms()) spdlog::info("{} dossiers indexed for search", n);
  }
  return db;
}

void Init(const Config& cfg, bool server) {
  spdlog::set_level(spdlog::level::from_str(cfg.log_level));
  http::access_log::Enable(server && spdlog::should_log(spdlog::level::info));
  if (!cfg.event_key_file.empty()) {
    std::ifstream in(cfg.event_key_file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string key = ss.str();
    while (!key.empty() && std::isspace(static_cast<unsigned char>(key.back()))) key.pop_back();
    if (!in || key.size() < 32)
      throw std::runtime_error("event_key_file " + cfg.event_key_file +
                               ": cannot read a key of at least 32 characters (make one with `friendlygov "
                               "new-event-key FILE`)");
    events::SetSealKey(key);
  }
  auth::InitCrypto();
  render::LoadMessages(cfg.assets_dir);
  render::InitTemplates(cfg.assets_dir);
}

// The footer's settings; under --demo the catalogue's demo values fill empty ones.
// public_url is completed once the port is known (Serve).
render::SiteSettings SiteOf(const Config& cfg, bool demo) {
  auto value = [demo](const std::string& configured, const char* key) {
    return configured.empty() && demo ? render::Text(std::string("site.demo.") + key) : configured;
  };
  return {value(cfg.site_agency, "agency"), value(cfg.site_address, "address"), value(cfg.site_hotline, "hotline"),
          value(cfg.site_email, "email"), cfg.public_url};
}

int Serve(const Config& cfg, bool demo) {
  if (auth::FastPasswordHashForTests())
    spdlog::warn(
        "FG_TEST_FAST_PASSWORD_HASH=1: new password hashes use argon2id's minimum cost; never set it "
        "outside tests");
  auto db = OpenStore(cfg);
  org::Service org(*db);
  accounts::Policy account_policy;
  account_policy.principal_reuse = std::chrono::milliseconds(cfg.principal_reuse_ms);
  accounts::Service accounts(*db, demo, account_policy);
  calendar::Service calendar(*db);
  desk::Service desk(*db, calendar);
  desk.LimitLookups(cfg.lookups_per_address, std::chrono::minutes(5));
  letters::Service letters(*db);
  if (demo && SeedDemo(*db, org, calendar, accounts, desk)) {
    SeedLetters(letters);
    SeedScorecards(*db, org, cfg.assets_dir);
    spdlog::info("demo data seeded");
  }
  if (!demo) {
    if (auto n = accounts.CountDemoAccounts())
      spdlog::warn("{} account(s) use the demo password; they cannot log in without --demo. Change their passwords.",
                   n);
  }

  render::SetSite(SiteOf(cfg, demo));
  http::App app(cfg.assets_dir);
  app.authenticate = [&accounts](const http::Request& r) { return accounts.Authenticate(r); };
  app.error_page = render::ErrorPage;
  app.limit_anonymous(cfg.anonymous_requests_per_minute);
  app.set_metrics_token(cfg.metrics_token);
  http::SetSecureCookies(cfg.cookie_secure);
  // Letters: drafts from the desk's events, by a pass every few seconds (and before the letters pages list).
  letters.Start(std::chrono::seconds(5));
  Services services{*db,
                    org,
                    accounts,
                    calendar,
                    desk,
                    letters,
                    cfg.feedback_per_address,
                    cfg.feedback_mail_poll_seconds,
                    cfg.scorecard_reminder_minutes};
  RegisterAll(app, services);
  notify::Service notify(*db);
  app.metrics().add_collector([&notify] { return notify.MetricsText(); });
  std::unique_ptr<notify::Sender> sender;

  const auto options = ServerOptionsOf(cfg);
  http::Serve(app, options, [&](uint16_t port) {
    // Before the first request: the address printed on paper (receipts' QR codes).
    auto site = render::Site();
    site.public_url = PublicUrlOf(cfg, port);
    render::SetSite(site);
    if (cfg.public_url.empty() && !demo)
      spdlog::warn("public_url is not set: printed forms link to {}; set it to the address citizens use",
                   site.public_url);
    if (cfg.notify_poll_ms > 0) {
      notify::SenderOptions so;
      so.idle = std::chrono::milliseconds(cfg.notify_poll_ms);
      so.public_url = site.public_url;
      so.log_when_unconfigured = demo;  // elsewhere a unit without channels gets nothing "sent"
      sender = std::make_unique<notify::Sender>(*db, so);
      sender->Start();
    }
    std::cout << "FriendlyGov listening on http://" << options.host << ":" << port << "/" << std::endl;
    if (demo) {
      std::cout << "Demo logins (password \"demo\"): admin, leader, desk, specialist, evaluator" << std::endl;
    }
  });
  spdlog::info("stopped accepting; flushing the store");
  if (sender) sender->Stop();
  letters.Stop();
  for (const auto& stop : services.stop_background) stop();
  db->close();
  spdlog::info("bye");
  return 0;
}

std::string ReadPassword(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* e = std::getenv("FRIENDLYGOV_PASSWORD")) return e;
  if (isatty(STDIN_FILENO)) std::cerr << "Password: ";
  std::string line;
  std::getline(std::cin, line);
  return line;
}

}  // namespace
}  // namespace fg::app

int main(int argc, char** argv) {
  using namespace fg;
  // A closed standard output (a pipe whose reader went away) must not kill the server.
  std::signal(SIGPIPE, SIG_IGN);
  net::InitCurl();  // before any thread (platform/net/curl.h)
  CLI::App cli{"FriendlyGov (Chính quyền thân thiện): one-stop desks, ratings, letters and scorecards"};
  cli.require_subcommand(1);
  cli.fallthrough();
  std::string config_file;
  std::map<std::string, std::string> flags;
  std::string database, listen, assets, log_level;
  int io_threads = 0;
  cli.add_option("--config", config_file, "configuration file (JSON)");
  cli.add_option("--database", database, "sqlite:PATH or postgresql://... (default sqlite:var/friendlygov.db)");
  cli.add_option("--assets-dir", assets, "folder with templates, static files and migrations");
  cli.add_option("--log-level", log_level, "debug, info, warn or error");

  auto* serve = cli.add_subcommand("serve", "start the HTTP server");
  bool demo = false;
  serve->add_option("--listen", listen, "HOST:PORT (default 127.0.0.1:8080; port 0 picks a free port)");
  serve->add_option("--io-threads", io_threads, "network threads (default: one per core)");
  serve->add_flag("--demo", demo, "seed demo data and allow the demo logins");

  auto* migrate = cli.add_subcommand("migrate", "apply database migrations and exit");
  auto* seed = cli.add_subcommand("seed-demo", "add the demo province and logins");
  auto* backup = cli.add_subcommand("backup", "online backup of the SQLite database into FILE");
  std::string backup_file;
  backup->add_option("FILE", backup_file)->required();
  auto* verify = cli.add_subcommand("verify-events", "check the event log's hash chain");
  std::string verify_head;
  verify->add_option("--head", verify_head, "a head saved by export-head: check the chain still holds it");
  auto* export_head = cli.add_subcommand("export-head", "print the event chain's head (seq, hash, HMAC) to keep safe");
  auto* new_key = cli.add_subcommand("new-event-key", "write a new random key for event_key_file into FILE");
  std::string new_key_file;
  new_key->add_option("FILE", new_key_file)->required();
  auto* check = cli.add_subcommand("check-config", "validate the configuration and print it");
  auto* routes = cli.add_subcommand(
      "routes", "print every registered route as JSON lines (method, pattern, access, is_api), for tests");

  auto* user = cli.add_subcommand("user", "manage officials' accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "create an official");
  std::string u_name, u_full, u_unit, u_password, u_role = "desk";
  bool u_admin = false;
  user_add->add_option("--username", u_name)->required();
  user_add->add_option("--full-name", u_full)->required();
  user_add->add_option("--unit", u_unit, "unit code")->required();
  user_add->add_option("--role", u_role, "admin, leader, desk, specialist or evaluator (default desk)");
  user_add->add_flag("--admin", u_admin, "grant the administrator role on the unit");
  user_add->add_option("--password", u_password, "else FRIENDLYGOV_PASSWORD or a line on standard input");

  auto* units = cli.add_subcommand("units", "import or export administrative units");
  units->require_subcommand(1);
  auto* units_import = units->add_subcommand("import", "import units from a CSV file");
  auto* units_export = units->add_subcommand("export", "write all units as CSV to standard output");
  std::string csv_file;
  units_import->add_option("FILE", csv_file)->required();

  auto* outbox = cli.add_subcommand("outbox", "messages to citizens (notifications)");
  outbox->require_subcommand(1);
  auto* outbox_list = outbox->add_subcommand("list", "list messages, newest first (tab-separated)");
  std::string outbox_status, outbox_unit;
  int64_t outbox_limit = 100, outbox_id = 0;
  outbox_list->add_option("--status", outbox_status, "queued, sent or failed");
  outbox_list->add_option("--unit", outbox_unit, "unit code (its subtree)");
  outbox_list->add_option("--limit", outbox_limit, "at most this many (1-1000)");
  auto* outbox_retry = outbox->add_subcommand("retry", "queue a failed message again");
  outbox_retry->add_option("ID", outbox_id)->required();

  auto* cal = cli.add_subcommand("calendar", "holidays, lunar dates and legal deadlines");
  cal->require_subcommand(1);
  auto* cal_holidays = cal->add_subcommand("holidays", "days off and make-up workdays of a year");
  int cal_year = 0;
  std::string cal_unit;
  cal_holidays->add_option("YEAR", cal_year)->required();
  cal_holidays->add_option("--unit", cal_unit, "unit code (its weekly rest days)");
  auto* cal_lunar = cal->add_subcommand("lunar", "the Vietnamese lunar date of a solar date");
  std::string cal_date;
  cal_lunar->add_option("DATE", cal_date, "YYYY-MM-DD")->required();
  auto* cal_due = cal->add_subcommand("due", "the due instant of a time limit");
  std::string due_received, due_cutoff, due_completed;
  int64_t due_days = -1, due_hours = -1;
  bool due_same_day = false;
  std::vector<std::string> due_pauses;
  cal_due->add_option("--received", due_received, "receipt instant, RFC 3339 (2026-02-13T16:10:00+07:00)")->required();
  auto* days_opt = cal_due->add_option("--days", due_days, "limit in working days");
  auto* hours_opt = cal_due->add_option("--hours", due_hours, "limit in working hours");
  auto* same_opt = cal_due->add_flag("--same-day", due_same_day, "due the same working day");
  days_opt->excludes(hours_opt)->excludes(same_opt);
  hours_opt->excludes(same_opt);
  cal_due->add_option("--cutoff", due_cutoff, "receipt cut-off HH:MM (default 15:00)");
  cal_due->add_option("--unit", cal_unit, "unit code (its working week)");
  cal_due->add_option("--pause", due_pauses, "FROM/TO pause, RFC 3339 instants (repeatable)");
  cal_due->add_option("--completed", due_completed, "completion instant: classify early / on time / late");

  CLI11_PARSE(cli, argc, argv);

  if (!database.empty()) flags["database"] = database;
  if (!listen.empty()) flags["listen"] = listen;
  if (!assets.empty()) flags["assets_dir"] = assets;
  if (!log_level.empty()) flags["log_level"] = log_level;
  if (io_threads) flags["io_threads"] = std::to_string(io_threads);

  app::Config cfg;
  try {
    cfg = app::LoadConfig(config_file, flags);
  } catch (const app::ConfigError& e) {
    std::cerr << "friendlygov: invalid configuration: " << e.what() << "\n";
    return 2;
  }
  if (*check) {
    std::cout << app::Describe(cfg) << "configuration OK\n";
    return 0;
  }

  if (*new_key) {
    if (std::filesystem::exists(new_key_file)) {
      std::cerr << "friendlygov: " << new_key_file << " exists; not overwriting a key\n";
      return 1;
    }
    auth::InitCrypto();
    std::ofstream out(new_key_file);
    out << auth::RandomToken(32) << "\n";
    out.close();
    std::filesystem::permissions(new_key_file,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    std::cout << "key written to " << new_key_file << "; set event_key_file to it and keep a copy off this machine\n";
    return 0;
  }

  try {
    app::Init(cfg, serve->parsed());
    if (*serve) return app::Serve(cfg, demo);
    auto db = app::OpenStore(cfg);
    org::Service org(*db);
    calendar::Service calsvc(*db);
    desk::Service desksvc(*db, calsvc);
    if (*cal_holidays) {
      for (const auto& e : calsvc.Holidays(cal_year, cal_unit))
        std::cout << FormatIsoDate(e.date) << "  " << calendar::KindName(e.kind) << "  " << calendar::NameOf(e) << "\n";
    } else if (*cal_lunar) {
      auto d = ParseIsoDate(cal_date);
      if (!d || !calendar::InSupportedRange(std::chrono::year_month_day{*d}))
        throw BadInput("calendar.bad_date", "date");
      auto l = calendar::ToLunar(*d);
      std::cout << l.day << "/" << l.month << "/" << l.year << (l.leap ? " (leap month)" : "") << "\n";
    } else if (*cal_due) {
      calendar::DueInput in;
      in.received_at = due_received;
      in.limit_unit = due_same_day ? "same_day" : *hours_opt ? "hours" : "days";
      if (*days_opt) in.amount = due_days;
      if (*hours_opt) in.amount = due_hours;
      if (!*days_opt && !*hours_opt && !due_same_day) throw BadInput("calendar.missing_amount", "limit.amount");
      in.cutoff = due_cutoff;
      in.unit_code = cal_unit;
      in.completed_at = due_completed;
      for (const auto& p : due_pauses) {
        auto slash = p.find('/');
        in.pauses.push_back({p.substr(0, slash), slash == std::string::npos ? "" : p.substr(slash + 1), ""});
      }
      auto out = calsvc.Due(in);
      std::cout << "starts_at  " << FormatRfc3339Local(out.result.starts_at) << "\n"
                << "due_at     " << FormatRfc3339Local(out.result.due_at) << "\n"
                << "warning_at " << FormatRfc3339Local(out.result.warning_at) << "\n";
      if (out.timeliness) std::cout << "status     " << calendar::TimelinessName(*out.timeliness) << "\n";
    } else if (*routes) {
      accounts::Service accounts(*db, false);
      http::App app(cfg.assets_dir);
      letters::Service letters(*db);
      Services services{*db, org, accounts, calsvc, desksvc, letters};
      RegisterAll(app, services);
      for (const auto& r : app.routes()) {
        boost::json::object line{
            {"method", r.method}, {"pattern", r.pattern}, {"access", http::AccessName(r.access)}, {"is_api", r.is_api}};
        std::cout << boost::json::serialize(line) << "\n";
      }
    } else if (*migrate) {
      std::cout << "schema up to date\n";
    } else if (*seed) {
      accounts::Service accounts(*db, false);
      const bool added = app::SeedDemo(*db, org, calsvc, accounts, desksvc);
      if (added) {
        letters::Service letters(*db);
        app::SeedLetters(letters);
      }
      std::cout << (added ? "demo data added\n" : "demo data already present\n");
    } else if (*backup) {
      db->backup(backup_file);
      std::cout << "backup written to " << backup_file << "\n";
    } else if (*verify) {
      auto v = db->read([](db::Conn& c) { return events::Verify(c); });
      if (!v.ok) {
        std::cerr << "event log BROKEN at event " << v.bad_seq << ": " << v.reason << " (" << v.checked
                  << " events checked)\n";
        return 1;
      }
      if (!verify_head.empty()) {
        std::ifstream in(verify_head);
        std::stringstream ss;
        ss << in.rdbuf();
        boost::system::error_code ec;
        auto j = boost::json::parse(ss.str(), ec);
        const auto* o = ec ? nullptr : j.if_object();
        const auto* seq = o ? o->if_contains("seq") : nullptr;
        const auto* hash = o ? o->if_contains("hash") : nullptr;
        if (!seq || !seq->is_int64() || !hash || !hash->is_string())
          throw std::runtime_error(verify_head + " is not a head written by export-head");
        events::Head h{seq->as_int64(), std::string(hash->as_string()), ""};
        if (!db->read([&](db::Conn& c) { return events::Contains(c, h); })) {
          std::cerr << "event log BROKEN: the saved head (event " << h.seq
                    << ") is no longer in the chain: the history was rewritten or cut\n";
          return 1;
        }
      }
      std::cout << "event log OK: " << v.checked << " events, hash chain intact";
      if (v.unsealed) std::cout << "; " << v.unsealed << " newer events not chained yet";
      std::cout << "\n";
    } else if (*export_head) {
      auto h = db->read([](db::Conn& c) { return events::ReadHead(c); });
      std::cout << boost::json::serialize(boost::json::object{{"seq", h.seq}, {"hash", h.hash}, {"mac", h.mac}})
                << "\n";
    } else if (*user_add) {
      std::string role = u_admin ? "admin" : u_role;
      org::OfficialInput in{u_name, u_full, u_unit, "", "", "", app::ReadPassword(u_password), true};
      auto o = org.CreateOfficial(org::SystemPrincipal(), in, {{role, u_unit}});
      std::cout << "created official " << o.username << " (id " << o.id << ") with role " << role << " on " << u_unit
                << "\n";
    } else if (*units_import) {
      std::ifstream in(csv_file);
      if (!in) throw std::runtime_error("cannot read " + csv_file);
      std::stringstream ss;
      ss << in.rdbuf();
      auto r = org.ImportCsv(org::SystemPrincipal(), ss.str());
      std::cout << "imported: " << r.created << " created, " << r.updated << " updated\n";
    } else if (*units_export) {
      std::cout << org.ExportCsv(org::SystemPrincipal());
    } else if (*outbox_list) {
      notify::Service notify(*db);
      std::cout << "id\tstatus\tevent\tdossier\tchannel\tattempts\tnext_at\tlast_error\n";
      for (const auto& m : notify.List(org::SystemPrincipal(), outbox_status, outbox_unit, outbox_limit))
        std::cout << m.id << "\t" << m.status << "\t" << m.event << "\t" << m.dossier_code << "\t" << m.channel << "\t"
                  << m.attempts << "\t" << m.next_at << "\t" << m.last_error << "\n";
    } else if (*outbox_retry) {
      notify::Service notify(*db);
      auto m = notify.Retry(org::SystemPrincipal(), outbox_id);
      std::cout << "message " << m.id << " queued again\n";
    }
    db->close();
  } catch (const AppError& e) {
    std::cerr << "friendlygov: " << render::Text(e.key(), e.args()) << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "friendlygov: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
