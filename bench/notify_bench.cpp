// Notifications (features/notify): what the outbox costs the desk's write path
// and how fast the sender delivers.
//   1. intake of dossiers without a message (no phone, no e-mail) and with
//      one (a phone: an outbox row in the same write), one at a time and from
//      32 threads (group commits), in alternating rounds: the throughput ratio;
//   2. delivery of those messages to a local HTTP gateway stub
//      (features/notify/tests/sms_gateway_stub.py), one sender: messages/s.
//   build-bench/notify_bench [N] [dir]     (defaults: 500, var)
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "features/calendar/service.h"
#include "features/desk/service.h"
#include "features/notify/sender.h"
#include "features/notify/service.h"
#include "features/org/service.h"
#include "platform/auth/crypto.h"
#include "platform/db/db.h"
#include "platform/render/messages.h"
#include "platform/source_dir.h"
#include "platform/time.h"

using namespace fg;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 500;
  const std::string dir = argc > 2 ? argv[2] : "var";
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/notify_bench.db";
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
  auth::InitCrypto();
  render::LoadMessages(FG_SOURCE_DIR);
  auto db = db::OpenSqlite(path, {});
  db::Migrate(*db, std::string(FG_SOURCE_DIR) + "/platform/db/migrations");
  org::Service org(*db);
  calendar::Service cal(*db);
  desk::Service desk(*db, cal);
  org.ImportCsv(org::SystemPrincipal(),
                "code,name,level,parent_code,valid_from,valid_to,successor_code\n"
                "P1,Tỉnh Một,province,,2000-01-01,,\nC1,Xã Một,commune,P1,2000-01-01,,\n");
  auto official = [&](const std::string& u, const std::string& unit, const std::string& role) {
    auto o = org.CreateOfficial(org::SystemPrincipal(), {u, "Người " + u, unit, "", "", "", "mat-khau-dai-1"},
                                {{role, unit}});
    return *db->read([&](db::Conn& c) { return org::Service::LoadPrincipal(c, o.id); });
  };
  const auto admin = official("admin.p1", "P1", "admin");
  const auto officer = official("desk.c1", "C1", "desk");
  desk::ProcedureInput pin;
  pin.unit_code = "P1";
  pin.code = "1.001193";
  pin.name = "Đăng ký khai sinh";
  pin.field = "Hộ tịch";
  pin.limit_unit = "days";
  pin.limit_amount = 3;
  pin.documents = {{"Tờ khai", "original", 1}};
  const auto proc = desk.CreateProcedure(admin, pin);

  // The stub gateway.
  const std::string port_file = dir + "/notify_bench.port", log = dir + "/notify_bench.log";
  for (const auto& f : {port_file, log, log + ".calls"}) std::filesystem::remove(f);
  const std::string stub = std::string(FG_SOURCE_DIR) + "/features/notify/tests/sms_gateway_stub.py";
  const pid_t gw = fork();
  if (gw == 0) {
    execl("/usr/bin/python3", "python3", stub.c_str(), port_file.c_str(), log.c_str(), "0", "0", nullptr);
    _exit(127);
  }
  for (int i = 0; i < 100 && !std::filesystem::exists(port_file); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  int port = 0;
  std::ifstream(port_file) >> port;
  notify::Service notify(*db);
  notify.SetChannels(admin, "C1",
                     {{"sms", 0, {{"url", "http://127.0.0.1:" + std::to_string(port) + "/"}, {"night", "1"}}}});

  auto input = [&](bool message) {
    desk::IntakeInput in;
    in.procedure_id = proc.id;
    in.unit_code = "C1";
    in.applicant = {"Nguyễn Thị Hoa", "079123456789", message ? "0912 345 678" : "", "", "Ấp 3"};
    in.documents = {{"Tờ khai", "original", 1}};
    return in;
  };
  // CPU seconds of the whole process (the writer thread included): unlike
  // wall time, hardly moved by other work on the machine.
  auto cpu = [] {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
  };
  double cpu_spent[2] = {0, 0};  // without, with
  // `count` intakes on `threads` threads (1: one write per commit; many: group commits).
  auto intake = [&](bool message, int count, int threads) {
    const auto in = input(message);
    const double c0 = cpu();
    const auto t0 = Clock::now();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        for (int i = t; i < count; i += threads) desk.Receive(officer, in);
      });
    for (auto& th : pool) th.join();
    cpu_spent[message ? 1 : 0] += cpu() - c0;
    return std::chrono::duration<double>(Clock::now() - t0).count();
  };
  intake(false, n / 4, 1);  // warm-up (caches, file growth)
  // Rounds alternate which mode goes first, so that neither gains from the
  // store warming up or from a quieter moment of the machine.
  int64_t messages = 0;
  for (int threads : {1, 32}) {
    constexpr int kRounds = 10;
    const int per = std::max(threads, n / kRounds);
    double without = 0, with = 0;
    cpu_spent[0] = cpu_spent[1] = 0;
    for (int r = 0; r < kRounds; ++r) {
      const bool with_first = r % 2 == 1;
      if (with_first) with += intake(true, per, threads);
      without += intake(false, per, threads);
      if (!with_first) with += intake(true, per, threads);
    }
    messages += static_cast<int64_t>(per) * kRounds;
    const double total = static_cast<double>(per) * kRounds;
    std::printf(
        "%2d thread(s): intake without a message %.0f/s, with one %.0f/s: ratio with/without %.3f; "
        "CPU per intake %.0f / %.0f us: ratio %.3f\n",
        threads, total / without, total / with, without / with, 1e6 * cpu_spent[0] / total, 1e6 * cpu_spent[1] / total,
        cpu_spent[0] / cpu_spent[1]);
  }

  notify::SenderOptions so;
  so.batch = 64;
  notify::Sender sender(*db, so);
  const auto t0 = Clock::now();
  int64_t sent = 0;
  while (sender.RunOnce() > 0) {
  }
  const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  for (auto& c : notify.Counts()) sent += c.sent;
  std::printf("delivered %lld messages to the HTTP stub in %.3f s: %.0f messages/s\n", static_cast<long long>(sent),
              secs, static_cast<double>(sent) / secs);
  kill(gw, SIGKILL);
  waitpid(gw, nullptr, 0);
  db->close();
  return sent == messages ? 0 : 1;
}
