// A minimal HTTP/1.1 client over a raw loopback socket, and a helper that
// starts the real `friendlygov` binary on an ephemeral port.
#pragma once
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/temp_path.h"

namespace fg::testing {

struct HttpResult {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names; Set-Cookie values joined by "\n"
  std::string body;
  std::string raw;
};

// Sends `raw_request` as is and reads until the server closes or (unless
// `until_close`) the first response's Content-Length is complete.
HttpResult SendRaw(int port, const std::string& raw_request, int timeout_ms = 10000, bool until_close = false);
// The same, sent as `pieces` of one request, each in a segment of its own, `pause_ms` apart
// (as a slow link delivers them: the server reads each before the next arrives).
HttpResult SendInPieces(int port, const std::vector<std::string>& pieces, int pause_ms, int timeout_ms = 10000);
HttpResult Request(int port, const std::string& method, const std::string& target, const std::string& body = "",
                   const std::vector<std::pair<std::string, std::string>>& headers = {}, int timeout_ms = 10000);
// The value of cookie `name` in the response's Set-Cookie headers.
std::string CookieFrom(const HttpResult& r, const std::string& name);
// The value of the first `<input ... name="NAME" value="...">` in an HTML page.
std::string InputValue(const std::string& html, const std::string& name);

class ServerProcess {
 public:
  // Starts `friendlygov --database sqlite:DB serve --listen 127.0.0.1:0 [extra]`. An `env`
  // entry TEST_RLIMIT_NOFILE=N sets the server's descriptor limit instead.
  // With `keep_output` false, the server's standard output is closed as soon as it listens.
  ServerProcess(const std::string& db_path, const std::vector<std::string>& serve_args,
                const std::vector<std::pair<std::string, std::string>>& env = {}, bool keep_output = true);
  ~ServerProcess();
  int port() const { return port_; }
  int pid() const { return pid_; }
  // What the server printed so far (its first 8 MiB), when started with keep_output.
  std::string output();
  // Sends `signal` (SIGTERM by default, SIGKILL for a crash), waits, returns the exit code (or -signal).
  int stop(int signal = 15);

 private:
  int pid_ = -1;
  int port_ = 0;
  // Reads the server's standard output until it exits: closing the pipe early
  // would make its next line (or log message) fail.
  std::thread drain_;
  std::mutex output_mu_;
  std::string output_;
};

// A logged-in browser-like session.
struct Session {
  std::string cookie;  // "fg_session=..."
  std::string csrf;
};
Session Login(int port, const std::string& username, const std::string& password, HttpResult* result = nullptr);

}  // namespace fg::testing
