// Notifications on the real binary with demo data: an intake queues a message
// in the same write, the server's sender delivers it (the `log` channel, the
// default), the dossier page and /desk/messages show it, /metrics counts it,
// and `friendlygov outbox list|retry` read and act on the same store.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <thread>

#include "platform/http/message.h"
#include "platform/source_dir.h"
#include "tests/support/http_client.h"

namespace fg::testing {
namespace {

namespace json = boost::json;

std::pair<int, std::string> Cli(const std::string& db_path, const std::string& args) {
  std::string cmd = std::string("ASAN_OPTIONS=detect_leaks=0 ") + FG_BINARY + " --database sqlite:" + db_path +
                    " --assets-dir " + FG_SOURCE_DIR + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[512];
  while (size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int status = pclose(p);
  return {WEXITSTATUS(status), out};
}

TEST(Notify, IntakeMessageIsSentAndShown) {
  const std::string db = TempPath("notify.db");
  ServerProcess server(db, {"--demo"});
  const Session admin = Login(server.port(), "admin", "demo");
  const Session desk = Login(server.port(), "desk", "demo");
  const Session specialist = Login(server.port(), "specialist", "demo");
  auto api = [&](const Session& s, const std::string& method, const std::string& target, const json::value& body) {
    return Request(server.port(), method, target, json::serialize(body),
                   {{"Cookie", s.cookie}, {"X-CSRF-Token", s.csrf}, {"Content-Type", "application/json"}});
  };
  auto get = [&](const Session& s, const std::string& target) {
    return Request(server.port(), "GET", target, "", {{"Cookie", s.cookie}});
  };
  auto r = api(admin, "POST", "/api/v1/procedures",
               {{"unit_code", "75"},
                {"code", "T.NOTIFY"},
                {"name", "Thủ tục thử thông báo"},
                {"field", "Thử"},
                {"limit_unit", "days"},
                {"limit_amount", 3}});
  ASSERT_EQ(r.status, 201) << r.body;
  const int64_t procedure = json::parse(r.body).at("id").as_int64();

  auto receive = [&](const json::object& extra) {
    json::object body{{"unit_code", "25270"},
                      {"procedure_id", procedure},
                      {"applicant", {{"name", "Đặng Thị Ngọc Ánh"}, {"phone", "0912 345 678"}}}};
    for (auto& [k, v] : extra) body[k] = v;
    auto res = api(desk, "POST", "/api/v1/dossiers", body);
    EXPECT_EQ(res.status, 201) << res.body;
    return res.status == 201 ? std::string(json::parse(res.body).at("code").as_string()) : std::string();
  };
  const std::string told = receive({});
  const std::string declined = receive({{"notify_opt_out", true}});
  auto bad = api(
      desk, "POST", "/api/v1/dossiers",
      {{"unit_code", "25270"}, {"procedure_id", procedure}, {"applicant", {{"name", "A"}}}, {"notify_channel", "fax"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("notify_channel"), std::string::npos) << bad.body;

  // The sender polls every second.
  HttpResult page;
  for (int i = 0; i < 100; ++i) {
    page = get(desk, "/desk/dossiers/" + told);
    if (page.body.find("Đã gửi") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_NE(page.body.find("Tin nhắn báo cho người nộp"), std::string::npos);
  EXPECT_NE(page.body.find("Báo đã tiếp nhận"), std::string::npos);
  EXPECT_NE(page.body.find("Đã gửi"), std::string::npos) << page.body;
  EXPECT_EQ(get(desk, "/desk/dossiers/" + declined).body.find("Tin nhắn báo cho người nộp"), std::string::npos);

  auto list = get(desk, "/desk/messages?status=sent");
  EXPECT_EQ(list.status, 200);
  EXPECT_NE(list.body.find(told), std::string::npos);
  EXPECT_EQ(get(specialist, "/desk/messages").status, 403);

  auto metrics = Request(server.port(), "GET", "/metrics");
  EXPECT_NE(metrics.body.find("friendlygov_outbox_messages{channel=\"log\",status=\"sent\"} "), std::string::npos)
      << metrics.body;

  auto [code, out] = Cli(db, "outbox list --status sent");
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("\tsent\treceived\t" + told + "\tlog\t1\t"), std::string::npos) << out;
  const std::string id = out.substr(out.find('\n') + 1, out.find('\t', out.find('\n')) - out.find('\n') - 1);
  auto [rcode, rout] = Cli(db, "outbox retry " + id);
  EXPECT_EQ(rcode, 1);
  EXPECT_NE(rout.find("Chỉ gửi lại được tin nhắn đã gửi không thành công."), std::string::npos) << rout;
  auto [ncode, nout] = Cli(db, "outbox retry 999999");
  EXPECT_EQ(ncode, 1);
  EXPECT_NE(nout.find("Không tìm thấy tin nhắn."), std::string::npos) << nout;
}

}  // namespace
}  // namespace fg::testing
