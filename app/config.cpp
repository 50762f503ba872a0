#include "app/config.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <sstream>

#include "platform/errors.h"
#include "platform/text/text.h"

namespace fg::app {
namespace {

// Sets one key of the configuration from its text; `key` names it in errors.
using Setter = std::function<void(Config&, const std::string& key, const std::string& value)>;

int ToInt(const std::string& key, const std::string& v, long lo, long hi) {
  try {
    size_t used = 0;
    long n = std::stol(v, &used);
    if (used == v.size() && n >= lo && n <= hi) return static_cast<int>(n);
  } catch (...) {
  }
  throw ConfigError("configuration key '" + key + "': expected an integer from " + std::to_string(lo) + " to " +
                    std::to_string(hi) + ", got '" + v + "'");
}

template <class T>
Setter Int(T Config::*field, long lo, long hi) {
  return [=](Config& c, const std::string& key, const std::string& v) {
    c.*field = static_cast<T>(ToInt(key, v, lo, hi));
  };
}

Setter Plain(std::string Config::*field) {
  return [=](Config& c, const std::string&, const std::string& v) { c.*field = v; };
}

// Text shown to people (NFC, no control characters, at most `max_chars`);
// `shape` checks the cleaned text.
Setter SiteText(std::string Config::*field, size_t max_chars, bool (*shape)(const std::string&), const char* expected) {
  return [=](Config& c, const std::string& key, const std::string& v) {
    std::string clean;
    try {
      clean = text::Clean(key, v, max_chars, false);
    } catch (const AppError&) {
      throw ConfigError("configuration key '" + key + "': expected UTF-8 text without control characters, at most " +
                        std::to_string(max_chars) + " characters");
    }
    if (!clean.empty() && shape && !shape(clean))
      throw ConfigError("configuration key '" + key + "': expected " + expected + ", got '" + v + "'");
    c.*field = clean;
  };
}

bool IsHotline(const std::string& v) {
  bool digit = false;
  for (char ch : v) {
    if (ch >= '0' && ch <= '9')
      digit = true;
    else if (ch != ' ' && ch != '.' && ch != '-' && ch != '+')
      return false;
  }
  return digit;
}

// The same check as officials' and applicants' addresses (text::Email).
bool IsEmail(const std::string& v) {
  try {
    return text::Email("site_email", v) == v;
  } catch (const AppError&) {
    return false;
  }
}

const std::map<std::string, Setter>& Setters() {
  static const std::map<std::string, Setter> s = {
      {"listen",
       [](Config& c, const std::string&, const std::string& v) {
         auto colon = v.rfind(':');
         if (colon == std::string::npos || colon == 0)
           throw ConfigError("configuration key 'listen': expected HOST:PORT, got '" + v + "'");
         ToInt("listen", v.substr(colon + 1), 0, 65535);
         c.listen = v;
       }},
      {"database",
       [](Config& c, const std::string&, const std::string& v) {
         if (v.rfind("sqlite:", 0) != 0 && v.rfind("postgresql://", 0) != 0 && v.rfind("postgres://", 0) != 0)
           throw ConfigError("configuration key 'database': expected sqlite:PATH or postgresql://..., got '" + v + "'");
         c.database = v;
       }},
      {"assets_dir", Plain(&Config::assets_dir)},
      {"log_level",
       [](Config& c, const std::string&, const std::string& v) {
         if (v != "debug" && v != "info" && v != "warn" && v != "error")
           throw ConfigError("configuration key 'log_level': expected debug, info, warn or error, got '" + v + "'");
         c.log_level = v;
       }},
      {"io_threads", Int(&Config::io_threads, 0, 256)},
      {"db_readers", Int(&Config::db_readers, 1, 256)},
      {"db_writers", Int(&Config::db_writers, 1, 64)},
      {"max_queued_writes", Int(&Config::max_queued_writes, 1, 1000000)},
      {"checkpoint_frames", Int(&Config::checkpoint_frames, 100, 1000000)},
      {"max_in_flight", Int(&Config::max_in_flight, 1, 1000000)},
      {"max_connections", Int(&Config::max_connections, 1, 1000000)},
      {"max_connections_per_address", Int(&Config::max_connections_per_address, 1, 1000000)},
      {"request_budget_ms", Int(&Config::request_budget_ms, 1, 3600000)},
      {"event_key_file", Plain(&Config::event_key_file)},
      {"metrics_token",
       [](Config& c, const std::string&, const std::string& v) {
         if (!v.empty() && v.size() < 16)
           throw ConfigError("configuration key 'metrics_token': use at least 16 characters");
         c.metrics_token = v;
       }},
      {"cookie_secure",
       [](Config& c, const std::string&, const std::string& v) {
         if (v != "true" && v != "false")
           throw ConfigError("configuration key 'cookie_secure': expected true or false, got '" + v + "'");
         c.cookie_secure = v == "true";
       }},
      {"max_body_bytes", Int(&Config::max_body_bytes, 1024, 1 << 30)},
      {"max_header_bytes", Int(&Config::max_header_bytes, 1024, 1 << 20)},
      {"read_timeout_ms", Int(&Config::read_timeout_ms, 100, 3600000)},
      {"shutdown_grace_ms", Int(&Config::shutdown_grace_ms, 0, 3600000)},
      {"anonymous_requests_per_minute", Int(&Config::anonymous_requests_per_minute, 0, 1000000)},
      {"principal_reuse_ms", Int(&Config::principal_reuse_ms, 0, 60000)},
      {"lookups_per_address", Int(&Config::lookups_per_address, 0, 1000000)},
      {"feedback_per_address", Int(&Config::feedback_per_address, 0, 1000000)},
      {"feedback_mail_poll_seconds", Int(&Config::feedback_mail_poll_seconds, 0, 86400)},
      {"scorecard_reminder_minutes", Int(&Config::scorecard_reminder_minutes, 0, 10080)},
      {"notify_poll_ms", Int(&Config::notify_poll_ms, 0, 600000)},
      {"site_agency", SiteText(&Config::site_agency, 200, nullptr, "")},
      {"site_address", SiteText(&Config::site_address, 300, nullptr, "")},
      {"site_hotline", SiteText(&Config::site_hotline, 30, IsHotline, "a telephone number (digits, spaces, +, ., -)")},
      {"site_email", SiteText(&Config::site_email, 120, IsEmail, "an e-mail address")},
      {"public_url",
       [](Config& c, const std::string&, const std::string& v) {
         std::string u = v;
         while (!u.empty() && u.back() == '/') u.pop_back();
         const size_t scheme = u.rfind("https://", 0) == 0 ? 8 : u.rfind("http://", 0) == 0 ? 7 : 0;
         const bool plain = std::all_of(u.begin(), u.end(), [](char ch) {
           return ch > ' ' && ch < 0x7f && ch != '?' && ch != '#' && ch != '"' && ch != '<' && ch != '>';
         });
         if (!u.empty() && (scheme == 0 || u.size() == scheme || !plain))
           throw ConfigError(
               "configuration key 'public_url': expected http://HOST[:PORT][/PATH] or https://..., got '" + v + "'");
         c.public_url = u;
       }},
  };
  return s;
}

void Apply(Config& c, const std::string& key, const std::string& value, const std::string& origin) {
  auto it = Setters().find(key);
  if (it == Setters().end()) throw ConfigError("unknown configuration key '" + key + "' in " + origin);
  it->second(c, key, value);
}

}  // namespace

Config LoadConfig(const std::string& file_flag, const std::map<std::string, std::string>& overrides) {
  Config c;
  std::string file = file_flag;
  if (file.empty())
    if (const char* e = std::getenv("FRIENDLYGOV_CONFIG")) file = e;
  if (!file.empty()) {
    std::ifstream in(file);
    if (!in) throw ConfigError("cannot read configuration file " + file);
    std::stringstream ss;
    ss << in.rdbuf();
    boost::system::error_code ec;
    auto v = boost::json::parse(ss.str(), ec);
    if (ec || !v.is_object()) throw ConfigError("configuration file " + file + " is not a JSON object");
    for (auto& [k, val] : v.as_object()) {
      std::string s = val.is_string() ? std::string(val.as_string()) : boost::json::serialize(val);
      Apply(c, std::string(k), s, file);
    }
  }
  for (auto& [key, setter] : Setters()) {
    std::string env = "FRIENDLYGOV_";
    for (char ch : key) env += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (const char* e = std::getenv(env.c_str())) Apply(c, key, e, "environment variable " + env);
  }
  for (auto& [k, v] : overrides) Apply(c, k, v, "command-line flags");
  return c;
}

http::ServerOptions ServerOptionsOf(const Config& c) {
  http::ServerOptions o;
  auto colon = c.listen.rfind(':');
  o.host = c.listen.substr(0, colon);
  if (o.host.size() > 2 && o.host.front() == '[') o.host = o.host.substr(1, o.host.size() - 2);
  o.port = static_cast<uint16_t>(std::stoi(c.listen.substr(colon + 1)));
  o.io_threads = c.io_threads;
  o.max_in_flight = static_cast<size_t>(c.max_in_flight);
  o.max_connections = static_cast<size_t>(c.max_connections);
  o.max_connections_per_address = static_cast<size_t>(c.max_connections_per_address);
  o.request_budget = std::chrono::milliseconds(c.request_budget_ms);
  o.limits.max_body_bytes = c.max_body_bytes;
  o.limits.max_header_bytes = c.max_header_bytes;
  o.read_timeout = std::chrono::milliseconds(c.read_timeout_ms);
  o.shutdown_grace = std::chrono::milliseconds(c.shutdown_grace_ms);
  return o;
}

std::string PublicUrlOf(const Config& c, uint16_t port) {
  if (!c.public_url.empty()) return c.public_url;
  std::string host = c.listen.substr(0, c.listen.rfind(':'));
  if (host.find(':') != std::string::npos && host.front() != '[') host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(port);
}

std::string Describe(const Config& c) {
  std::ostringstream o;
  o << "listen=" << c.listen << "\ndatabase=" << c.database << "\nassets_dir=" << c.assets_dir
    << "\nlog_level=" << c.log_level << "\nio_threads=" << c.io_threads << "\ndb_readers=" << c.db_readers
    << "\ndb_writers=" << c.db_writers << "\nmax_queued_writes=" << c.max_queued_writes
    << "\ncheckpoint_frames=" << c.checkpoint_frames
    << "\nmax_in_flight=" << c.max_in_flight << "\nmax_connections=" << c.max_connections
    << "\nmax_connections_per_address=" << c.max_connections_per_address
    << "\nrequest_budget_ms=" << c.request_budget_ms << "\nevent_key_file=" << c.event_key_file
    << "\nmetrics_token=" << (c.metrics_token.empty() ? "" : "(set)")
    << "\ncookie_secure=" << (c.cookie_secure ? "true" : "false") << "\nmax_body_bytes=" << c.max_body_bytes
    << "\nmax_header_bytes=" << c.max_header_bytes << "\nread_timeout_ms=" << c.read_timeout_ms
    << "\nshutdown_grace_ms=" << c.shutdown_grace_ms
    << "\nanonymous_requests_per_minute=" << c.anonymous_requests_per_minute
    << "\nprincipal_reuse_ms=" << c.principal_reuse_ms << "\nlookups_per_address=" << c.lookups_per_address
    << "\nfeedback_per_address=" << c.feedback_per_address
    << "\nfeedback_mail_poll_seconds=" << c.feedback_mail_poll_seconds
    << "\nscorecard_reminder_minutes=" << c.scorecard_reminder_minutes << "\nsite_agency=" << c.site_agency
    << "\nsite_address=" << c.site_address << "\nsite_hotline=" << c.site_hotline << "\nsite_email=" << c.site_email
    << "\npublic_url=" << c.public_url << "\nnotify_poll_ms=" << c.notify_poll_ms << "\n";
  return o.str();
}

}  // namespace fg::app
