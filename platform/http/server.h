// The HTTP/1.1 server: Boost.Beast + Asio with C++20 coroutines. Only
// server.cpp includes Beast. io threads parse and write; App::handle runs on a
// worker pool so a handler that waits on the store never blocks an io thread.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "platform/http/app.h"

namespace fg::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;          // 0: any free port (tests)
  int io_threads = 0;            // 0: one per core
  int workers = 32;              // threads running handlers
  size_t max_connections = 10000;
  Limits limits;
  std::chrono::milliseconds read_timeout{15000};    // to receive one request (also keep-alive idle)
  std::chrono::milliseconds write_timeout{30000};
  std::chrono::milliseconds shutdown_grace{15000};  // to finish in-flight requests on SIGTERM
};

// Serves until SIGINT or SIGTERM, then stops accepting, finishes in-flight
// requests (closing idle keep-alive connections) and returns.
// `on_listening` is called once with the bound port.
void Serve(App& app, const ServerOptions& opt, const std::function<void(uint16_t)>& on_listening);

}  // namespace fg::http
