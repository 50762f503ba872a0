#include "platform/http/server.h"

#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <mutex>
#include <set>
#include <thread>

namespace fg::http {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
using net::use_awaitable;
constexpr auto kTuple = net::as_tuple(use_awaitable);

struct Connection {
  explicit Connection(tcp::socket s) : stream(std::move(s)) {}
  beast::tcp_stream stream;
  bool busy = false;  // a request is being handled; touched only on the strand
};

class Server {
 public:
  Server(App& app, const ServerOptions& opt)
      : app_(app), opt_(opt),
        ioc_(opt.io_threads > 0 ? opt.io_threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))),
        workers_(static_cast<size_t>(std::max(1, opt.workers))),
        acceptor_(ioc_), signals_(ioc_, SIGINT, SIGTERM) {}

  void run(const std::function<void(uint16_t)>& on_listening) {
    std::string host = opt_.host == "localhost" ? "127.0.0.1" : opt_.host;
    tcp::endpoint ep{net::ip::make_address(host), opt_.port};
    acceptor_.open(ep.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(ep);
    acceptor_.listen(net::socket_base::max_listen_connections);
    on_listening(acceptor_.local_endpoint().port());

    net::co_spawn(ioc_, accept_loop(), net::detached);
    signals_.async_wait([this](beast::error_code ec, int sig) {
      if (!ec) begin_shutdown(sig);
    });
    int n = opt_.io_threads > 0 ? opt_.io_threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> threads;
    for (int i = 1; i < n; ++i) threads.emplace_back([this] { ioc_.run(); });
    ioc_.run();
    for (auto& t : threads) t.join();
    workers_.join();  // handlers still running finish their writes
  }

 private:
  net::awaitable<void> accept_loop() {
    for (;;) {
      auto [ec, socket] = co_await acceptor_.async_accept(net::make_strand(ioc_), kTuple);
      if (ec) {
        if (ec == net::error::operation_aborted || !acceptor_.is_open()) co_return;
        spdlog::warn("accept failed: {}", ec.message());
        continue;
      }
      auto conn = std::make_shared<Connection>(std::move(socket));
      {
        std::lock_guard lk(mu_);
        if (conns_.size() >= opt_.max_connections) {
          spdlog::warn("connection limit {} reached; refusing a connection", opt_.max_connections);
          continue;
        }
        conns_.insert(conn);
      }
      net::co_spawn(conn->stream.get_executor(), session(conn), [this, conn](std::exception_ptr e) {
        if (e) {
          try {
            std::rethrow_exception(e);
          } catch (const std::exception& ex) {
            spdlog::error("connection failed: {}", ex.what());
          }
        }
        std::lock_guard lk(mu_);
        conns_.erase(conn);
      });
    }
  }

  static Request Convert(const bhttp::request<bhttp::string_body>& in, const std::string& remote) {
    Request r;
    r.method = std::string(in.method_string());
    r.target = std::string(in.target());
    size_t q = r.target.find('?');
    r.path = UrlDecode(std::string_view(r.target).substr(0, q), false);
    if (q != std::string::npos) r.query = r.target.substr(q + 1);
    for (const auto& f : in) {
      std::string name(f.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.headers.emplace_back(std::move(name), std::string(f.value()));
    }
    r.body = in.body();
    r.remote_addr = remote;
    return r;
  }

  // Writes a response the server itself decides (limits, timeouts) and closes.
  static net::awaitable<void> reply_and_close(Connection& c, unsigned version, bhttp::status status,
                                              std::string problem_json) {
    bhttp::response<bhttp::string_body> res{status, version ? version : 11};
    res.set(bhttp::field::content_type, "application/problem+json");
    res.set(bhttp::field::connection, "close");
    res.body() = std::move(problem_json);
    res.prepare_payload();
    c.stream.expires_after(std::chrono::seconds(5));
    co_await bhttp::async_write(c.stream, res, kTuple);
    beast::error_code ec;
    c.stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    // Drain what the client still sends so closing does not reset the connection
    // before it has read our answer.
    char sink[4096];
    c.stream.expires_after(std::chrono::seconds(1));
    for (size_t total = 0; total < (1u << 20);) {
      auto [rec, n] = co_await c.stream.async_read_some(net::buffer(sink), kTuple);
      if (rec) break;
      total += n;
    }
    c.stream.socket().close(ec);
  }

  net::awaitable<void> session(std::shared_ptr<Connection> conn) {
    Connection& c = *conn;
    beast::error_code ec0;
    auto remote = c.stream.socket().remote_endpoint(ec0);
    std::string remote_addr = ec0 ? "" : remote.address().to_string();
    beast::flat_buffer buffer;
    for (;;) {
      if (stopping_) break;
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(opt_.limits.max_header_bytes));
      parser.body_limit(opt_.limits.max_body_bytes);
      c.stream.expires_after(opt_.read_timeout);
      auto [ec, n] = co_await bhttp::async_read(c.stream, buffer, parser, kTuple);
      if (ec == bhttp::error::end_of_stream) break;
      if (ec == bhttp::error::body_limit) {
        co_await reply_and_close(c, parser.get().version(), bhttp::status::payload_too_large,
                                 limit_problem(413, "limit.body", opt_.limits.max_body_bytes));
        co_return;
      }
      if (ec == bhttp::error::header_limit) {
        co_await reply_and_close(c, 11, bhttp::status::request_header_fields_too_large,
                                 limit_problem(431, "limit.header", opt_.limits.max_header_bytes));
        co_return;
      }
      // A timeout (tcp_stream closes the socket itself) or a vanished client.
      if (ec) {
        if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category())
          co_await reply_and_close(c, 11, bhttp::status::bad_request, limit_problem(400, "limit.bad_request", 0));
        co_return;
      }

      c.busy = true;
      auto& in = parser.get();
      const bool head = in.method() == bhttp::verb::head;
      Request req = Convert(in, remote_addr);
      Response out = co_await net::co_spawn(
          workers_.get_executor(), [&]() -> net::awaitable<Response> { co_return app_.handle(req); },
          use_awaitable);
      c.busy = false;

      bool keep_alive = in.keep_alive() && !stopping_;
      bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(out.status), in.version()};
      if (out.status != 304) res.set(bhttp::field::content_type, out.content_type);
      for (auto& [k, v] : out.headers) res.insert(k, v);
      res.set(bhttp::field::server, "friendlygov");
      res.keep_alive(keep_alive);
      if (head) {
        res.content_length(out.body.size());
      } else {
        res.body() = std::move(out.body);
        if (out.status != 304) res.prepare_payload();
      }
      c.stream.expires_after(opt_.write_timeout);
      auto [wec, wn] = co_await bhttp::async_write(c.stream, res, kTuple);
      if (wec || !keep_alive) break;
    }
    beast::error_code ec;
    c.stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    c.stream.socket().close(ec);
  }

  std::string limit_problem(int status, const std::string& key, size_t limit) {
    return app_.limit_problem_body(status, key, limit);
  }

  void begin_shutdown(int sig) {
    spdlog::info("signal {}: stopping; finishing in-flight requests", sig);
    stopping_ = true;
    beast::error_code ec;
    acceptor_.close(ec);
    close_idle();
    auto deadline = std::chrono::steady_clock::now() + opt_.shutdown_grace;
    net::co_spawn(ioc_, wait_drained(deadline), net::detached);
  }

  void close_idle() {
    std::lock_guard lk(mu_);
    for (auto& conn : conns_) {
      net::post(conn->stream.get_executor(), [conn] {
        // The session may have closed its socket already: the throwing overload
        // would let an exception escape io_context::run() and terminate the server.
        beast::error_code ec;
        if (!conn->busy) conn->stream.socket().cancel(ec);
      });
    }
  }

  net::awaitable<void> wait_drained(std::chrono::steady_clock::time_point deadline) {
    net::steady_timer t(ioc_);
    for (;;) {
      {
        std::lock_guard lk(mu_);
        if (conns_.empty()) break;
      }
      if (std::chrono::steady_clock::now() > deadline) {
        spdlog::warn("shutdown grace period over; closing remaining connections");
        break;
      }
      close_idle();
      t.expires_after(std::chrono::milliseconds(50));
      co_await t.async_wait(use_awaitable);
    }
    ioc_.stop();
  }

  App& app_;
  ServerOptions opt_;
  net::io_context ioc_;
  net::thread_pool workers_;
  tcp::acceptor acceptor_;
  net::signal_set signals_;
  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::set<std::shared_ptr<Connection>> conns_;
};

}  // namespace

void Serve(App& app, const ServerOptions& opt, const std::function<void(uint16_t)>& on_listening) {
  Server s(app, opt);
  s.run(on_listening);
}

}  // namespace fg::http
