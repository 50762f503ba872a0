// A loopback TCP relay in front of a real server that stops answering a
// connection once the client sends a given text: the server stalls on that
// request, as a slow or broken mail server does, while every other request
// goes through. Used to test timeouts against the real dovecot.
#pragma once
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace fg::testing {

class StallProxy {
 public:
  // Relays 127.0.0.1:port() to 127.0.0.1:`target_port`; a connection whose client
  // has sent `trigger` gets nothing more from the server (what it sends is dropped).
  StallProxy(int target_port, std::string trigger);
  ~StallProxy();
  StallProxy(const StallProxy&) = delete;
  StallProxy& operator=(const StallProxy&) = delete;
  int port() const { return port_; }
  int stalled() const { return stalled_; }  // connections stalled so far

 private:
  void Accept();
  void Relay(int client);
  int target_port_;
  std::string trigger_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> stalled_{0};
  std::thread acceptor_;
  std::mutex mu_;
  std::vector<std::thread> relays_;
};

}  // namespace fg::testing
