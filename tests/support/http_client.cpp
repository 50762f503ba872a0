#include "tests/support/http_client.h"

#include <algorithm>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "platform/source_dir.h"

namespace fg::testing {

HttpResult Parse(const std::string& raw) {
  HttpResult r;
  r.raw = raw;
  size_t end = raw.find("\r\n\r\n");
  if (raw.size() < 12 || end == std::string::npos) return r;
  r.status = std::stoi(raw.substr(9, 3));
  size_t pos = raw.find("\r\n") + 2;
  while (pos < end) {
    size_t eol = raw.find("\r\n", pos);
    std::string line = raw.substr(pos, eol - pos);
    size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      auto& slot = r.headers[name];
      slot = slot.empty() ? value : slot + "\n" + value;
    }
    pos = eol + 2;
  }
  r.body = raw.substr(end + 4);
  return r;
}

namespace {

HttpResult Exchange(int port, const std::vector<std::string>& pieces, int pause_ms, int timeout_ms, bool until_close) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("connect failed");
  }
  bool open = true;
  for (size_t i = 0; open && i < pieces.size(); ++i) {
    if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
    const std::string& req = pieces[i];
    for (size_t sent = 0; sent < req.size();) {
      ssize_t n = ::send(fd, req.data() + sent, req.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) {  // the server may answer (413) before reading everything
        open = false;
        break;
      }
      sent += static_cast<size_t>(n);
    }
  }
  std::string raw;
  char buf[8192];
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) break;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left)) <= 0) break;
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    raw.append(buf, static_cast<size_t>(n));
    size_t end = raw.find("\r\n\r\n");
    if (end != std::string::npos && !until_close) {
      auto parsed = Parse(raw);
      auto it = parsed.headers.find("content-length");
      if (it != parsed.headers.end() && raw.size() >= end + 4 + std::stoul(it->second)) break;
    }
  }
  ::close(fd);
  return Parse(raw);
}

}  // namespace

HttpResult SendRaw(int port, const std::string& req, int timeout_ms, bool until_close) {
  return Exchange(port, {req}, 0, timeout_ms, until_close);
}

HttpResult SendInPieces(int port, const std::vector<std::string>& pieces, int pause_ms, int timeout_ms) {
  return Exchange(port, pieces, pause_ms, timeout_ms, false);
}

HttpResult Request(int port, const std::string& method, const std::string& target, const std::string& body,
                   const std::vector<std::pair<std::string, std::string>>& headers, int timeout_ms) {
  std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  if (!body.empty() || method == "POST" || method == "PATCH")
    req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  req += "\r\n" + body;
  return SendRaw(port, req, timeout_ms);
}

std::string CookieFrom(const HttpResult& r, const std::string& name) {
  auto it = r.headers.find("set-cookie");
  if (it == r.headers.end()) return {};
  size_t p = it->second.find(name + "=");
  if (p == std::string::npos) return {};
  p += name.size() + 1;
  return it->second.substr(p, it->second.find(';', p) - p);
}

std::string InputValue(const std::string& html, const std::string& name) {
  size_t p = html.find("name=\"" + name + "\"");
  if (p == std::string::npos) return {};
  size_t v = html.find("value=\"", p);
  if (v == std::string::npos) return {};
  v += 7;
  return html.substr(v, html.find('"', v) - v);
}

ServerProcess::ServerProcess(const std::string& db_path, const std::vector<std::string>& serve_args,
                             const std::vector<std::pair<std::string, std::string>>& env, bool keep_output) {
  int out[2];
  if (pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    for (auto& [k, v] : env) {
      if (k == "TEST_RLIMIT_NOFILE") {  // a descriptor limit for the server alone
        rlim_t n = std::stoul(v);
        rlimit rl{n, n};
        setrlimit(RLIMIT_NOFILE, &rl);
      } else {
        setenv(k.c_str(), v.c_str(), 1);
      }
    }
    setenv("ASAN_OPTIONS", "detect_leaks=0", 0);
    std::vector<std::string> args = {FG_BINARY, "--database", "sqlite:" + db_path, "--assets-dir", FG_SOURCE_DIR};
    if (std::find(serve_args.begin(), serve_args.end(), "--log-level") == serve_args.end())
      args.insert(args.end(), {"--log-level", "warn"});
    args.insert(args.end(), {"serve", "--listen", "127.0.0.1:0"});
    args.insert(args.end(), serve_args.begin(), serve_args.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(FG_BINARY, argv.data());
    _exit(127);
  }
  close(out[1]);
  std::string text;
  char buf[512];
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{out[0], POLLIN, 0};
    if (poll(&p, 1, 1000) <= 0) continue;
    ssize_t n = read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    text.append(buf, static_cast<size_t>(n));
    size_t at = text.find("listening on http://127.0.0.1:");
    if (at != std::string::npos && text.find('/', at + 30) != std::string::npos) {
      port_ = std::stoi(text.substr(at + 30));
      break;
    }
  }
  if (!port_ || !keep_output) {
    close(out[0]);
    if (port_) return;
    stop();
    throw std::runtime_error("server did not start: " + text);
  }
  output_ = text;  // what it printed before listening
  drain_ = std::thread([this, fd = out[0]] {
    char chunk[512];
    ssize_t n;
    while ((n = read(fd, chunk, sizeof chunk)) > 0) {
      std::lock_guard lk(output_mu_);
      if (output_.size() < (8u << 20)) output_.append(chunk, static_cast<size_t>(n));
    }
    close(fd);
  });
}

std::string ServerProcess::output() {
  std::lock_guard lk(output_mu_);
  return output_;
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop();
}

int ServerProcess::stop(int signal) {
  if (pid_ <= 0) return 0;
  kill(pid_, signal);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  if (drain_.joinable()) drain_.join();  // EOF once the server has exited
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

Session Login(int port, const std::string& username, const std::string& password, HttpResult* result) {
  auto page = Request(port, "GET", "/dang-nhap");
  std::string anon = CookieFrom(page, "fg_csrf");
  std::string token = InputValue(page.body, "csrf_token");
  auto r =
      Request(port, "POST", "/dang-nhap", "username=" + username + "&password=" + password + "&csrf_token=" + token,
              {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", "fg_csrf=" + anon}});
  if (result) *result = r;
  Session s;
  std::string sid = CookieFrom(r, "fg_session");
  if (sid.empty()) return s;
  s.cookie = "fg_session=" + sid;
  auto dash = Request(port, "GET", "/dashboard", "", {{"Cookie", s.cookie}});
  s.csrf = InputValue(dash.body, "csrf_token");
  return s;
}

}  // namespace fg::testing
