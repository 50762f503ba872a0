// Notifications (features/notify): what the outbox costs the desk's write path
// and how fast the sender delivers.
//   1. intake of N dossiers without a message (no phone, no e-mail) and with
//      one (a phone: an outbox row in the same write): the ratio;
//   2. delivery of those messages to a local HTTP gateway stub
//      (features/notify/tests/sms_gateway_stub.py), one sender: messages/s.
//   build-bench/notify_bench [N] [dir]     (defaults: 500, var)
// One intake at a time: the overhead of a write, not of a group commit.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "features/calendar/service.h"
#include "features/desk/service.h"
#include "features/notify/sender.h"
#include "features/notify/service.h"
#include "features/org/service.h"
#include "platform/auth/crypto.h"
#include "platform/db/db.h"
#include "platform/render/messages.h"
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
  for (auto f : {port_file, log, log + ".calls"}) std::filesystem::remove(f);
  const pid_t gw = fork();
  if (gw == 0) {
    execl("/usr/bin/python3", "python3", FG_SOURCE_DIR "/features/notify/tests/sms_gateway_stub.py", port_file.c_str(),
          log.c_str(), "0", "0", nullptr);
    _exit(127);
  }
  for (int i = 0; i < 100 && !std::filesystem::exists(port_file); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  int port = 0;
  std::ifstream(port_file) >> port;
  notify::Service notify(*db);
  notify.SetChannels(admin, "C1",
                     {{"sms", 0, {{"url", "http://127.0.0.1:" + std::to_string(port) + "/"}, {"night", "1"}}}});

  auto intake = [&](bool message) {
    desk::IntakeInput in;
    in.procedure_id = proc.id;
    in.unit_code = "C1";
    in.applicant = {"Nguyễn Thị Hoa", "079123456789", message ? "0912 345 678" : "", "", "Ấp 3"};
    in.documents = {{"Tờ khai", "original", 1}};
    const auto t0 = Clock::now();
    for (int i = 0; i < n; ++i) desk.Receive(officer, in);
    return std::chrono::duration<double>(Clock::now() - t0).count();
  };
  intake(false);  // warm-up (caches, file growth)
  const double without = intake(false), with = intake(true);
  std::printf("intake without a message: %d in %.3f s, %.2f ms each\n", n, without, 1000 * without / n);
  std::printf("intake with a message:    %d in %.3f s, %.2f ms each\n", n, with, 1000 * with / n);
  std::printf("ratio with/without: %.3f\n", with / without);

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
  return sent == n ? 0 : 1;
}
