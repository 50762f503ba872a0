// The sender: one per process. It claims due outbox rows with a lease (rows
// of a crashed process are claimed again once their lease expires), sends
// each through the unit's channels after the claim's commit, and records the
// outcome: sent, or another attempt later (the next channel at once, then
// exponential back-off with jitter after each round), or failed after
// kMaxAttempts rounds with the last error. SMS waits for 07:00 during quiet
// hours unless the channel allows nights.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include "features/notify/channels.h"
#include "features/notify/model.h"
#include "platform/db/db.h"

namespace fg::notify {

struct SenderOptions {
  std::string owner;  // unique per process ("" = host:pid:random)
  std::chrono::seconds lease{120};
  int64_t batch = 16;
  std::chrono::milliseconds idle{1000};  // between polls when nothing was due
  std::string public_url;                // the lookup link's base
  // A unit without channels: "log" stands in (demo, development), else the
  // message waits for a channel and fails after the attempt limit.
  bool log_when_unconfigured = false;
};

// Renders the message for a channel: the newest saved template of the event
// (notify_templates) or the shipped default.
Outgoing Render(db::Conn& c, const Message& m, const Channel& ch, const std::string& unit_name,
                const std::string& public_url);

class Sender {
 public:
  Sender(db::Db& db, SenderOptions opt);
  ~Sender();
  void Start();  // the background thread
  void Stop();
  void Wake();  // something was queued: look now
  // One pass: claims due messages and delivers them. Returns how many were claimed.
  int64_t RunOnce();
  const std::string& owner() const { return opt_.owner; }
  // Tests: called after a send returned and before its outcome is written;
  // returning false leaves the row leased (as a process killed there would).
  std::function<bool(const Message&, const SendResult&)> after_send_for_testing;

 private:
  void Deliver(const Message& m);
  db::Db& db_;
  SenderOptions opt_;
  std::mt19937_64 rng_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false, woken_ = false;
  std::thread thread_;
};

}  // namespace fg::notify
