// A background pass run now and then every so often on its own thread (the
// letters' trigger pass, the feedback mailboxes' reading, the scorecards'
// deadline reminders). A pass that throws is logged and tried again next time.
// Stop() wakes the thread, waits for the pass under way and joins; a long pass
// checks stopping() between its steps (or hands stop_flag() to what may block).
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace fg::async {

class Periodic {
 public:
  Periodic() = default;
  ~Periodic() { Stop(); }
  Periodic(const Periodic&) = delete;
  Periodic& operator=(const Periodic&) = delete;

  // Once: a second Start while running does nothing. `every` <= 0: never starts.
  void Start(std::string name, std::chrono::milliseconds every, std::function<void()> pass);
  void Stop();
  bool running() const { return thread_.joinable(); }
  bool stopping() const { return stop_.load(); }
  const std::atomic<bool>& stop_flag() const { return stop_; }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace fg::async
