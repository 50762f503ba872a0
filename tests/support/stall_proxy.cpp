#include "tests/support/stall_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace fg::testing {
namespace {

sockaddr_in Loopback(int port) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

}  // namespace

StallProxy::StallProxy(int target_port, std::string trigger) : target_port_(target_port), trigger_(std::move(trigger)) {
  listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a = Loopback(0);
  socklen_t len = sizeof a;
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(listener_, 16) != 0 ||
      ::getsockname(listener_, reinterpret_cast<sockaddr*>(&a), &len) != 0)
    throw std::runtime_error("stall proxy: cannot listen");
  port_ = ntohs(a.sin_port);
  acceptor_ = std::thread([this] { Accept(); });
}

StallProxy::~StallProxy() {
  stop_ = true;
  acceptor_.join();
  for (auto& t : relays_) t.join();
  ::close(listener_);
}

void StallProxy::Accept() {
  while (!stop_) {
    pollfd p{listener_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const int client = ::accept(listener_, nullptr, nullptr);
    if (client < 0) continue;
    std::lock_guard lock(mu_);
    relays_.emplace_back([this, client] { Relay(client); });
  }
}

void StallProxy::Relay(int client) {
  const int server = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a = Loopback(target_port_);
  if (::connect(server, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(server);
    ::close(client);
    return;
  }
  std::string sent;  // what the client sent, kept to find the trigger across reads
  bool stalled = false;
  char buf[16384];
  while (!stop_) {
    pollfd p[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
    if (::poll(p, 2, 50) <= 0) continue;
    if (p[0].revents) {
      const ssize_t n = ::recv(client, buf, sizeof buf, 0);
      if (n <= 0) break;
      if (!stalled) {
        sent.append(buf, static_cast<size_t>(n));
        if (sent.find(trigger_) != std::string::npos) {
          stalled = true;
          ++stalled_;
        } else if (::send(server, buf, static_cast<size_t>(n), MSG_NOSIGNAL) != n) {
          break;
        }
      }
    }
    if (p[1].revents) {
      const ssize_t n = ::recv(server, buf, sizeof buf, 0);
      if (n <= 0) break;
      if (!stalled && ::send(client, buf, static_cast<size_t>(n), MSG_NOSIGNAL) != n) break;
    }
  }
  ::close(server);
  ::close(client);
}

}  // namespace fg::testing
