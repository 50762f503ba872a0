// Configuration: defaults < file (JSON, --config or FRIENDLYGOV_CONFIG) <
// environment (FRIENDLYGOV_<KEY>) < command-line flags. An unknown key or a bad
// value stops start-up with a message naming the key.
#pragma once
#include <map>
#include <string>

#include "platform/http/server.h"
#include "platform/source_dir.h"

namespace fg::app {

struct Config {
  std::string listen = "127.0.0.1:8080";
  std::string database = "sqlite:var/friendlygov.db";
  std::string assets_dir = FG_SOURCE_DIR;
  std::string log_level = "info";
  int io_threads = 0;
  int db_readers = 16;  // PostgreSQL read connections (SQLite reads use one per thread)
  int db_writers = 8;   // PostgreSQL writer connections (each runs group commits)
  int max_queued_writes = 8192;
  int checkpoint_frames = 4000;  // SQLite: WAL pages past which a commit checkpoints
  int max_in_flight = 4096;
  int max_connections = 10000;
  int max_connections_per_address = 512;
  int request_budget_ms = 10000;
  std::string event_key_file;  // HMAC key for the event chain's head; "" = none
  std::string metrics_token;   // "" = /metrics is public (bind to loopback or protect at the proxy)
  bool cookie_secure = false;  // behind TLS: cookies carry Secure
  size_t max_body_bytes = 1024 * 1024;
  size_t max_header_bytes = 16 * 1024;
  int read_timeout_ms = 15000;
  int shutdown_grace_ms = 15000;
  int anonymous_requests_per_minute = 600;  // per client address; 0: no limit
  int principal_reuse_ms = 1000;            // accounts::Policy::principal_reuse; 0: read every request
  int lookups_per_address = 30;             // anonymous dossier lookups per address in 5 minutes; 0: no limit
  int feedback_per_address = 10;            // public feedback form submissions per address an hour; 0: no limit
  int feedback_mail_poll_seconds = 120;     // the units' feedback mailboxes (IMAP) read every so often; 0: never
  int scorecard_reminder_minutes = 60;      // the scorecards' deadline reminders queued every so often; 0: never
  // The footer of every page: who answers for the site. Empty: left out (under
  // --demo, the catalogue's demo values stand in for empty ones).
  std::string site_agency, site_address, site_hotline, site_email;
  // Where citizens reach the site (http:// or https://, no path needed), for
  // links printed on paper (a receipt's QR code). "" = http://<listen>.
  std::string public_url;
  // Notifications (features/notify): how often the sender looks for due
  // messages; 0 = no sender in this process (another process sends).
  int notify_poll_ms = 1000;
};

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `overrides` are the flags given on the command line (key -> value).
Config LoadConfig(const std::string& file, const std::map<std::string, std::string>& overrides);
http::ServerOptions ServerOptionsOf(const Config& c);
// public_url, or http://<host>:<port> of the address the server listens on.
std::string PublicUrlOf(const Config& c, uint16_t port);
std::string Describe(const Config& c);

}  // namespace fg::app
