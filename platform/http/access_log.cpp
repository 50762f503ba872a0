#include "platform/http/access_log.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <ctime>
#include <mutex>
#include <string>

namespace fg::http::access_log {
namespace {

constexpr size_t kFlushBytes = 32 * 1024;
std::atomic<bool> g_enabled{false};
std::mutex g_write_mu;  // keeps two threads' flushes from interleaving in a pipe

struct Buffer {
  std::string data;
  std::time_t stamp_second = -1;
  char stamp[32] = {};
  ~Buffer() { Write(); }
  void Write() {
    if (data.empty()) return;
    std::lock_guard lk(g_write_mu);
    size_t off = 0;
    while (off < data.size()) {
      ssize_t n = ::write(STDOUT_FILENO, data.data() + off, data.size() - off);
      if (n > 0)
        off += static_cast<size_t>(n);
      else if (n < 0 && errno == EINTR)
        continue;
      else
        break;  // a closed pipe or a full disk: the lines are lost, the server goes on
    }
    data.clear();
  }
};

Buffer& Local() {
  thread_local Buffer b;
  return b;
}

}  // namespace

void Enable(bool on) { g_enabled = on; }
bool Enabled() { return g_enabled.load(std::memory_order_relaxed); }

void Append(std::string_view line) {
  Buffer& b = Local();
  auto now = std::chrono::system_clock::now();
  std::time_t sec = std::chrono::system_clock::to_time_t(now);
  if (sec != b.stamp_second) {  // the date is formatted once a second per thread
    std::tm tm{};
    localtime_r(&sec, &tm);
    std::strftime(b.stamp, sizeof b.stamp, "[%Y-%m-%d %H:%M:%S.", &tm);
    b.stamp_second = sec;
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  char tail[16];
  std::snprintf(tail, sizeof tail, "%03d] [access] ", static_cast<int>(ms));
  b.data += b.stamp;
  b.data += tail;
  b.data += line;
  b.data += '\n';
  if (b.data.size() >= kFlushBytes) b.Write();
}

void Flush() { Local().Write(); }

}  // namespace fg::http::access_log
