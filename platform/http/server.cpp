#include "platform/http/server.h"

#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <array>
#include <boost/asio.hpp>
#include <boost/asio/spawn.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/context/protected_fixedsize_stack.hpp>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "platform/async/wait.h"
#include "platform/http/access_log.h"

#if defined(BOOST_USE_UCONTEXT)
// Sanitizer builds switch stacks with ucontext so that AddressSanitizer is told
// of every switch (BOOST_USE_ASAN); Debian's libboost_context is built for
// fcontext and lacks the per-thread record the ucontext fibers keep, so it is
// defined here (a counted, per-thread top-level record).
namespace boost::context::detail {
namespace {
thread_local fiber_activation_record* t_current_record = nullptr;
thread_local std::size_t t_record_users = 0;
}  // namespace
fiber_activation_record_initializer::fiber_activation_record_initializer() noexcept {
  if (t_record_users++ == 0)
    t_current_record = new fiber_activation_record();  // NOLINT(bugprone-unhandled-exception-at-new): out of memory
                                                       // here ends the process
}
fiber_activation_record_initializer::~fiber_activation_record_initializer() {
  if (--t_record_users == 0) {
    delete t_current_record;
    t_current_record = nullptr;
  }
}
fiber_activation_record*& fiber_activation_record::current() noexcept {
  thread_local fiber_activation_record_initializer initializer;
  return t_current_record;
}
}  // namespace boost::context::detail
#endif

namespace fg::http {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
// Concrete executor types (not any_io_executor): no type-erased executor copies
// on every read and write.
using Executor = net::io_context::executor_type;
using Yield = net::basic_yield_context<Executor>;
using Socket = net::basic_stream_socket<tcp, Executor>;
using Stream = beast::basic_stream<tcp, Executor>;

// Stack of one connection's coroutine (guard page below it). Handlers render
// templates and parse JSON on it; sanitizer builds need more.
#if defined(__SANITIZE_ADDRESS__)
constexpr size_t kStackBytes = 1024 * 1024;
#else
constexpr size_t kStackBytes = 256 * 1024;
#endif
// Descriptors kept for the store, log files and the listening socket.
constexpr rlim_t kReservedDescriptors = 64;

// An io thread's context, where the coroutines it suspended are resumed: a
// store thread hands over every resumption of a batch for one loop at once.
struct Loop final : async::ResumeTarget {
  net::io_context ctx{1};
  void resume_all(std::vector<std::function<void()>> fns) override {
    net::post(ctx, [fns = std::move(fns)] {
      for (auto& f : fns) f();
    });
  }
};

struct Connection {
  Connection(Socket s, std::string addr, std::shared_ptr<Loop> loop)
      : stream(std::move(s)), remote_addr(std::move(addr)), loop(std::move(loop)) {}
  Stream stream;
  std::string remote_addr;
  std::shared_ptr<Loop> loop;            // the thread's loop the connection lives on
  bool busy = false;                     // a request is being handled; touched only on the connection's thread
};

// Suspends the connection's coroutine while another thread works for it.
class RequestWaiter final : public async::Waiter {
 public:
  RequestWaiter(const Yield& yield, std::shared_ptr<Loop> loop, std::chrono::steady_clock::time_point deadline)
      : yield_(yield), loop_(std::move(loop)), deadline_(deadline) {}

  void suspend(const std::function<void(async::Resume)>& start) override {
    async::SetCurrent(nullptr);
    net::async_initiate<const Yield&, void()>(
        [this, &start](auto handler) {
          auto h = std::make_shared<decltype(handler)>(std::move(handler));
          // Resumption is handed over to the connection's own loop: the
          // coroutine always continues on the thread that suspended it. The
          // loop is kept alive for a store thread that resumes late.
          start(async::Resume(loop_, [h] { (*h)(); }));
        },
        yield_);
    async::SetCurrent(this);
  }
  std::chrono::steady_clock::time_point deadline() const override { return deadline_; }

 private:
  const Yield& yield_;
  std::shared_ptr<Loop> loop_;
  std::chrono::steady_clock::time_point deadline_;
};

class Server {
 public:
  Server(App& app, const ServerOptions& opt) : app_(app), opt_(opt) {
    int n = opt.io_threads > 0 ? opt.io_threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    for (int i = 0; i < n; ++i) {
      loops_.push_back(std::make_shared<Loop>());
      guards_.emplace_back(loops_.back()->ctx.get_executor());
    }
    acceptor_.emplace(loops_[0]->ctx);
    signals_.emplace(loops_[0]->ctx, SIGINT, SIGTERM);
  }

  void run(const std::function<void(uint16_t)>& on_listening) {
    fit_connection_cap();
    std::string host = opt_.host == "localhost" ? "127.0.0.1" : opt_.host;
    tcp::endpoint ep{net::ip::make_address(host), opt_.port};
    acceptor_->open(ep.protocol());
    acceptor_->set_option(net::socket_base::reuse_address(true));
    acceptor_->bind(ep);
    acceptor_->listen(net::socket_base::max_listen_connections);
    on_listening(acceptor_->local_endpoint().port());

    net::spawn(
        net::any_io_executor(loops_[0]->ctx.get_executor()), [this](const net::yield_context& y) { accept_loop(y); },
        net::detached);
    signals_->async_wait([this](beast::error_code ec, int sig) {
      if (!ec) begin_shutdown(sig);
    });
    for (auto& loop : loops_)
      net::spawn(
          net::any_io_executor(loop->ctx.get_executor()), [this](const net::yield_context& y) { flush_log(y); },
          net::detached);
    std::vector<std::thread> threads;
    for (size_t i = 1; i < loops_.size(); ++i)
      threads.emplace_back([this, i] {
        pthread_setname_np(pthread_self(), "fg-io");
        loops_[i]->ctx.run();
        access_log::Flush();
      });
    loops_[0]->ctx.run();
    access_log::Flush();
    for (auto& t : threads) t.join();
  }

 private:
  // The connection cap must leave descriptors for the store and the logs: a
  // cap above the limit turns overload into accept errors.
  void fit_connection_cap() {
    rlimit rl{};
    if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return;
    if (rl.rlim_cur < rl.rlim_max) {
      rlimit raised = rl;
      raised.rlim_cur = rl.rlim_max;
      if (setrlimit(RLIMIT_NOFILE, &raised) == 0) rl = raised;
    }
    if (rl.rlim_cur == RLIM_INFINITY) return;
    size_t fit = rl.rlim_cur > 2 * kReservedDescriptors ? rl.rlim_cur - kReservedDescriptors : rl.rlim_cur / 2;
    if (fit < max_connections_) {
      spdlog::warn("descriptor limit {}: at most {} connections (configured {})", rl.rlim_cur, fit, max_connections_);
      max_connections_ = fit;
    }
  }

  // Each io thread writes its access-log buffer out four times a second.
  void flush_log(const net::yield_context& yield) {
    net::steady_timer t(yield.get_executor());
    while (!stopping_) {
      t.expires_after(std::chrono::milliseconds(250));
      beast::error_code ec;
      t.async_wait(yield[ec]);
      access_log::Flush();
    }
  }

  void accept_loop(const net::yield_context& yield) {
    net::steady_timer backoff(loops_[0]->ctx);
    for (size_t next = 0;;) {
      std::shared_ptr<Loop> target = loops_[next++ % loops_.size()];
      beast::error_code ec;
      Socket socket(target->ctx.get_executor());
      acceptor_->async_accept(socket, yield[ec]);
      if (ec) {
        if (ec == net::error::operation_aborted || !acceptor_->is_open()) return;
        // Out of descriptors (or memory): back off instead of spinning; pending
        // connections wait in the listen queue meanwhile.
        spdlog::warn("accept failed: {}; pausing accepts for 100 ms", ec.message());
        backoff.expires_after(std::chrono::milliseconds(100));
        backoff.async_wait(yield[ec]);
        continue;
      }
      beast::error_code ec0;
      auto remote = socket.remote_endpoint(ec0);
      std::string addr = ec0 ? "" : remote.address().to_string();
      auto conn = std::make_shared<Connection>(std::move(socket), addr, target);
      {
        std::lock_guard lk(mu_);
        size_t& per_address = per_address_[addr];
        if (conns_.size() >= max_connections_ || per_address >= opt_.max_connections_per_address) {
          if (per_address == 0) per_address_.erase(addr);
          ++refused_connections_;
          if (refused_connections_ % 1000 == 1)
            spdlog::warn("connection limit reached ({} open, {} from {}); refusing", conns_.size(), per_address, addr);
          continue;  // `conn` closes the socket
        }
        ++per_address;
        conns_.insert(conn);
      }
      net::spawn(
          target->ctx.get_executor(), std::allocator_arg, boost::context::protected_fixedsize_stack(kStackBytes),
          [this, conn](const Yield& y) { session(*conn, y); },
          [this, conn](const std::exception_ptr& e) {
            if (e) {
              try {
                std::rethrow_exception(e);
              } catch (const std::exception& ex) {
                spdlog::error("connection failed: {}", ex.what());
              }
            }
            std::lock_guard lk(mu_);
            conns_.erase(conn);
            if (--per_address_[conn->remote_addr] == 0) per_address_.erase(conn->remote_addr);
          });
    }
  }

  static Request Convert(const bhttp::request<bhttp::string_body>& in, const std::string& remote) {
    Request r;
    r.method = std::string(in.method_string());
    r.set_target(in.target());
    for (const auto& f : in) r.add_header(f.name_string(), f.value());
    r.body = in.body();
    r.remote_addr = remote;
    return r;
  }

  // Writes a response the server itself decides (limits, timeouts) and closes.
  static void reply_and_close(Connection& c, unsigned version, bhttp::status status, Response answer,
                              const Yield& yield) {
    bhttp::response<bhttp::string_body> res{status, version ? version : 11};
    res.set(bhttp::field::content_type, answer.content_type);
    for (auto& [name, value] : answer.headers) res.set(name, value);
    res.set(bhttp::field::connection, "close");
    res.body() = std::move(answer.body);
    res.prepare_payload();
    beast::error_code ec;
    c.stream.expires_after(std::chrono::seconds(5));
    bhttp::async_write(c.stream, res, yield[ec]);
    c.stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    // Drain what the client still sends so closing does not reset the connection
    // before it has read our answer.
    char sink[4096];
    c.stream.expires_after(std::chrono::seconds(1));
    for (size_t total = 0; total < (1u << 20);) {
      size_t n = c.stream.async_read_some(net::buffer(sink), yield[ec]);
      if (ec) break;
      total += n;
    }
    c.stream.socket().close(ec);
  }

  // The response head, written with the body in one gathered write (no copy of
  // the body): cheaper than Beast's serializer for the answers we send. A header
  // value with CR or LF (which would split the header) is dropped.
  static std::string SerializeHead(const Response& out, unsigned version, bool keep_alive) {
    std::string w;
    w.reserve(512);
    w += "HTTP/1.1 ";
    w += std::to_string(out.status);
    w += ' ';
    w += bhttp::obsolete_reason(static_cast<bhttp::status>(out.status));
    w += "\r\nServer: friendlygov\r\n";
    auto breaks = [](std::string_view t) {
      return std::any_of(t.begin(), t.end(), [](char ch) { return ch == '\r' || ch == '\n'; });
    };
    auto header = [&](std::string_view k, std::string_view v) {
      if (breaks(k) || breaks(v)) {
        spdlog::error("dropped a response header with a line break: {}", LogSafe(k));
        return;
      }
      w += k;
      w += ": ";
      w += v;
      w += "\r\n";
    };
    if (out.status != 304) header("Content-Type", out.content_type);
    for (const auto& [k, v] : out.headers) header(k, v);
    if (!keep_alive)
      w += "Connection: close\r\n";
    else if (version < 11)
      w += "Connection: keep-alive\r\n";
    if (out.status != 304 && out.status != 204) {
      w += "Content-Length: ";
      w += std::to_string(out.bytes().size());
      w += "\r\n";
    }
    w += "\r\n";
    return w;
  }

  // Requests that never wait on the store and must answer during a write storm.
  static bool Exempt(const Request& r) { return r.path == "/healthz" || r.path.rfind("/static/", 0) == 0; }

  Response handle(Connection& c, Request& req, const Yield& yield) {
    const bool counted = !Exempt(req);
    if (counted && in_flight_.fetch_add(1, std::memory_order_relaxed) >= opt_.max_in_flight) {
      in_flight_.fetch_sub(1, std::memory_order_relaxed);
      return app_.overloaded(req);
    }
    RequestWaiter waiter(yield, c.loop, std::chrono::steady_clock::now() + opt_.request_budget);
    Response out;
    {
      async::Scope scope(&waiter);
      out = app_.handle(req);
    }
    if (counted) in_flight_.fetch_sub(1, std::memory_order_relaxed);
    return out;
  }

  void session(Connection& c, const Yield& yield) {
    beast::flat_buffer buffer;
    for (size_t served = 0;; ++served) {
      if (stopping_) break;
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(opt_.limits.max_header_bytes));
      // The header first: an upload route may take a larger body (App::allow_body),
      // and a slow link more time to send it. Only a request with a body looks
      // its route up. The parser checks a Content-Length against its limit when
      // the header ends, so that check is done here.
      size_t body_limit = opt_.limits.max_body_bytes;
      parser.body_limit(boost::none);
      c.stream.expires_after(opt_.read_timeout);
      beast::error_code ec;
      bhttp::async_read_header(c.stream, buffer, parser, yield[ec]);
      if (!ec && !parser.is_done()) {
        const auto method = parser.get().method_string();
        const auto target = parser.get().target();
        body_limit = app_.body_limit(std::string_view(method.data(), method.size()),
                                     std::string_view(target.data(), target.size()), body_limit);
        parser.body_limit(body_limit);  // chunked bodies: checked as they come
        if (parser.content_length() && *parser.content_length() > body_limit) {
          ec = bhttp::error::body_limit;
        } else {
          if (body_limit > opt_.limits.max_body_bytes)
            c.stream.expires_after(
                std::max<std::chrono::steady_clock::duration>(opt_.read_timeout, std::chrono::minutes(5)));
          bhttp::async_read(c.stream, buffer, parser, yield[ec]);
        }
      }
      if (ec == bhttp::error::end_of_stream) break;
      if (ec == bhttp::error::body_limit) {
        const auto target = parser.get().target();
        reply_and_close(
            c, parser.get().version(), bhttp::status::payload_too_large,
            app_.limit_response(413, "limit.body", body_limit, std::string_view(target.data(), target.size())), yield);
        return;
      }
      if (ec == bhttp::error::header_limit) {
        reply_and_close(c, 11, bhttp::status::request_header_fields_too_large,
                        app_.limit_response(431, "limit.header", opt_.limits.max_header_bytes), yield);
        return;
      }
      // A timeout (tcp_stream closes the socket itself) or a vanished client.
      if (ec) {
        if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category())
          reply_and_close(c, 11, bhttp::status::bad_request, app_.limit_response(400, "limit.bad_request", 0), yield);
        return;
      }

      c.busy = true;
      auto& in = parser.get();
      const bool head = in.method() == bhttp::verb::head;
      Request req = Convert(in, c.remote_addr);
      Response out = handle(c, req, yield);
      c.busy = false;

      bool keep_alive = in.keep_alive() && !stopping_ && served + 1 < opt_.max_requests_per_connection;
      const std::string wire = SerializeHead(out, in.version(), keep_alive);
      const std::array<net::const_buffer, 2> buffers{net::buffer(wire),
                                                     head ? net::const_buffer() : net::buffer(out.bytes())};
      c.stream.expires_after(opt_.write_timeout);
      net::async_write(c.stream, buffers, yield[ec]);
      if (ec || !keep_alive) break;
    }
    beast::error_code ec;
    c.stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    c.stream.socket().close(ec);
  }

  void begin_shutdown(int sig) {
    spdlog::info("signal {}: stopping; finishing in-flight requests", sig);
    stopping_ = true;
    beast::error_code ec;
    acceptor_->close(ec);
    close_idle();
    auto deadline = std::chrono::steady_clock::now() + opt_.shutdown_grace;
    net::spawn(
        net::any_io_executor(loops_[0]->ctx.get_executor()),
        [this, deadline](const net::yield_context& y) { wait_drained(deadline, y); }, net::detached);
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

  void wait_drained(std::chrono::steady_clock::time_point deadline, const net::yield_context& yield) {
    net::steady_timer t(loops_[0]->ctx);
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
      beast::error_code ec;
      t.async_wait(yield[ec]);
    }
    guards_.clear();
    for (auto& loop : loops_) loop->ctx.stop();
  }

  App& app_;
  ServerOptions opt_;
  size_t max_connections_ = opt_.max_connections;
  std::vector<std::shared_ptr<Loop>> loops_;
  std::vector<net::executor_work_guard<net::io_context::executor_type>> guards_;
  std::optional<tcp::acceptor> acceptor_;
  std::optional<net::signal_set> signals_;
  std::atomic<bool> stopping_{false};
  std::atomic<size_t> in_flight_{0};
  std::mutex mu_;
  std::set<std::shared_ptr<Connection>> conns_;
  std::map<std::string, size_t> per_address_;
  uint64_t refused_connections_ = 0;
};

}  // namespace

void Serve(App& app, const ServerOptions& opt, const std::function<void(uint16_t)>& on_listening) {
  Server s(app, opt);
  s.run(on_listening);
}

}  // namespace fg::http
