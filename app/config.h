// Configuration: defaults < file (JSON, --config or FRIENDLYGOV_CONFIG) <
// environment (FRIENDLYGOV_<KEY>) < command-line flags. An unknown key or a bad
// value stops start-up with a message naming the key.
#pragma once
#include <map>
#include <string>

#include "platform/http/server.h"

namespace fg::app {

struct Config {
  std::string listen = "127.0.0.1:8080";
  std::string database = "sqlite:var/friendlygov.db";
  std::string assets_dir = FG_SOURCE_DIR;
  std::string log_level = "info";
  int io_threads = 0;
  int workers = 32;
  int db_readers = 4;
  size_t max_body_bytes = 1024 * 1024;
  size_t max_header_bytes = 16 * 1024;
  int read_timeout_ms = 15000;
  int shutdown_grace_ms = 15000;
  int anonymous_requests_per_minute = 600;  // per client address; 0: no limit
};

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `overrides` are the flags given on the command line (key -> value).
Config LoadConfig(const std::string& file, const std::map<std::string, std::string>& overrides);
http::ServerOptions ServerOptionsOf(const Config& c);
std::string Describe(const Config& c);

}  // namespace fg::app
