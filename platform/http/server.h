// The HTTP/1.1 server: Boost.Beast + Asio. Only server.cpp includes Beast.
//
// One io_context per io thread; connections are spread over them and each
// connection runs as a stackful coroutine (Boost.Asio `spawn`) on its thread.
// `App::handle` runs right there, on the io thread: a request that needs no
// store or only a local read is answered without a thread hop; one that waits
// (a durable write, a PostgreSQL query, a password hash) suspends its
// coroutine (platform/async/wait.h) and the thread serves others meanwhile.
#pragma once
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "platform/http/app.h"

namespace fg::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0: any free port (tests)
  int io_threads = 0;    // 0: one per core
  // Connections open at once; lowered at start to fit the descriptor limit.
  size_t max_connections = 10000;
  size_t max_connections_per_address = 512;
  // Requests being handled at once (waiting ones included); past it: 503.
  // /healthz and static files are not counted.
  size_t max_in_flight = 4096;
  // Requests on one connection before it is closed (bounds pipelined work).
  size_t max_requests_per_connection = 10000;
  Limits limits;
  std::chrono::milliseconds read_timeout{15000};  // to receive one request (also keep-alive idle)
  std::chrono::milliseconds write_timeout{30000};
  // Work a request waits for (a write, a query, a hash) that has not started
  // within this budget is not started: the answer is 503.
  std::chrono::milliseconds request_budget{10000};
  std::chrono::milliseconds shutdown_grace{15000};  // to finish in-flight requests on SIGTERM
};

// Serves until SIGINT or SIGTERM, then stops accepting, finishes in-flight
// requests (closing idle keep-alive connections) and returns.
// `on_listening` is called once with the bound port.
void Serve(App& app, const ServerOptions& opt, const std::function<void(uint16_t)>& on_listening);

}  // namespace fg::http
