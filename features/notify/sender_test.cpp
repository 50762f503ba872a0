// The outbox and the sender with real parts, on both backends: a local SMS
// gateway (tests/sms_gateway_stub.py) that fails, times out and deduplicates
// by idempotency key; an SMTP sink (tests/smtp_sink.py, aiosmtpd) that decodes
// what it receives; sender processes killed with SIGKILL or running side by
// side (this test binary started again as a child: NotifyChild.Run).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "features/desk/testing.h"
#include "features/notify/callbacks.h"
#include "features/notify/outbox.h"
#include "features/notify/repo.h"
#include "features/notify/rules.h"
#include "features/notify/sender.h"
#include "features/notify/service.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/source_dir.h"
#include "platform/time.h"
#include "tests/support/temp_path.h"

namespace fg::notify {
namespace {

namespace fs = std::filesystem;
using fg::testing::KindOf;

SysSeconds Local(int y, unsigned m, unsigned d, int hh, int mm) {
  return FromLocal(std::chrono::sys_days{std::chrono::year{y} / m / d}, hh * 3600 + mm * 60);
}

std::vector<boost::json::object> JsonLines(const std::string& path) {
  std::vector<boost::json::object> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(boost::json::parse(line).as_object());
  return out;
}
std::string Str(const boost::json::object& o, const char* k) { return std::string(o.at(k).as_string()); }

// A helper process (python3 script) listening on a port it writes to a file.
class Helper {
 public:
  Helper(const std::string& script, std::vector<std::string> args) {
    dir_ = fs::temp_directory_path() / ("fg-notify-" + std::to_string(getpid()) + "-" + std::to_string(++n_));
    fs::create_directories(dir_);
    log_ = (dir_ / "log.jsonl").string();
    const std::string port_file = (dir_ / "port").string();
    // -B: the stubs import stub_http.py, and no bytecode is written into the source tree.
    std::vector<std::string> argv = {"/usr/bin/python3", "-B",
                                     std::string(FG_SOURCE_DIR) + "/features/notify/tests/" + script, port_file, log_};
    argv.insert(argv.end(), args.begin(), args.end());
    pid_ = fork();
    if (pid_ == 0) {
      std::vector<char*> a;
      for (auto& s : argv) a.push_back(s.data());
      a.push_back(nullptr);
      execv("/usr/bin/python3", a.data());  // Debian's, with python3-aiosmtpd
      _exit(127);
    }
    for (int i = 0; i < 200 && !fs::exists(port_file); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::ifstream in(port_file);
    in >> port_;
  }
  ~Helper() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  int port() const { return port_; }
  const std::string& log() const { return log_; }

 private:
  static inline int n_ = 0;
  fs::path dir_;
  std::string log_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// This binary again, running NotifyChild.Run with `mode` on the database `url`.
pid_t StartChild(const std::string& mode, const std::string& url, int port) {
  const pid_t pid = fork();
  if (pid == 0) {
    setenv("FG_NOTIFY_CHILD", mode.c_str(), 1);
    setenv("FG_NOTIFY_DB", url.c_str(), 1);
    setenv("FG_NOTIFY_PORT", std::to_string(port).c_str(), 1);
    execl("/proc/self/exe", "fg_unit_tests", "--gtest_filter=NotifyChild.Run", nullptr);
    _exit(127);
  }
  return pid;
}

Channel SmsChannel(int port, const std::map<std::string, std::string>& extra = {}) {
  Channel ch{"sms", 0, {{"url", "http://127.0.0.1:" + std::to_string(port) + "/"}, {"timeout_ms", "1000"}}};
  for (auto& [k, v] : extra) ch.config[k] = v;
  return ch;
}

// A child sender process (see StartChild). "kill": sends one message and is
// killed with SIGKILL before writing that it was sent. "drain": sends until
// nothing is due.
TEST(NotifyChild, Run) {
  const char* mode = std::getenv("FG_NOTIFY_CHILD");
  if (!mode) GTEST_SKIP() << "only run as a child of the notification tests";
  render::LoadMessages(FG_SOURCE_DIR);
  auto db = db::Open(std::getenv("FG_NOTIFY_DB"));
  Sender sender(*db, {});
  if (std::string(mode) == "kill") {
    sender.after_send_for_testing = [](const Message&, const SendResult& r) {
      if (r.ok) raise(SIGKILL);
      return true;
    };
    sender.RunOnce();
    _exit(3);  // not reached when a message was sent
  }
  for (int idle = 0; idle < 3;) idle = sender.RunOnce() == 0 ? idle + 1 : 0;
  db->close();
  _exit(0);
}

class NotifyTest : public desk::testing::DeskFixture {
 protected:
  void SetUp() override {
    // The store is opened here (not by OpenTestDb) so that child processes can open it too.
    static int n = 0;
    auth::InitCrypto();
    render::LoadMessages(FG_SOURCE_DIR);
    const std::string name = "fgn_" + std::to_string(getpid()) + "_" + std::to_string(++n);
    if (GetParam() == "sqlite") {
      path_ = fg::testing::TempPath(name + ".db");
      url_ = "sqlite:" + path_;
    } else {
      auto& pg = fg::testing::SharedPg();
      if (!pg.ok()) GTEST_SKIP() << pg.error();
      url_ = pg.url(name);
    }
    db_ = db::Open(url_);
    db::Migrate(*db_, std::string(FG_SOURCE_DIR) + "/platform/db/migrations");
    org_ = std::make_unique<org::Service>(*db_);
    calendar_ = std::make_unique<calendar::Service>(*db_);
    svc_ = std::make_unique<desk::Service>(*db_, *calendar_);
    org_->ImportCsv(org::SystemPrincipal(), desk::testing::kTree);
    SetClockForTesting(Local(2026, 11, 26, 10, 0));  // Thursday morning
    admin_ = Official("admin.p1", "P1", "admin");
    commune_admin_ = Official("admin.c1", "C1", "admin");
    desk_ = Official("desk.c1", "C1", "desk");
    outsider_ = Official("desk.c2", "C2", "desk");
    proc_ = svc_->CreateProcedure(admin_, BirthInput("P1"));
    notify_ = std::make_unique<Service>(*db_);
  }
  void TearDown() override {
    SetClockForTesting(std::nullopt);
    if (db_) db_->close();
    if (!path_.empty())
      for (const char* ext : {"", "-wal", "-shm"}) fs::remove(path_ + ext);
  }
  desk::IntakeInput Intake(const std::string& phone = "0912 345 678", const std::string& email = "hoa@example.vn") {
    desk::IntakeInput in;
    in.procedure_id = proc_.id;
    in.unit_code = "C1";
    in.applicant = {"Nguyễn Thị Hoa", "079123456789", phone, email, "Ấp 3, Xã Một"};
    in.documents = {{"Tờ khai đăng ký khai sinh", "original", 1}};
    return in;
  }
  desk::Dossier Receive(const desk::IntakeInput& in) { return svc_->Receive(desk_, in).detail.dossier; }
  desk::Dossier Receive() { return Receive(Intake()); }
  std::vector<Message> All() { return notify_->List(org::SystemPrincipal(), "", ""); }
  void Channels(const std::vector<Channel>& channels) { notify_->SetChannels(admin_, "C1", channels); }
  // Runs the sender until nothing is due, moving the clock past each back-off.
  void Drain(Sender& s, int rounds = 40) {
    for (int i = 0; i < rounds; ++i) {
      s.RunOnce();
      bool queued = false;
      for (auto& m : All())
        if (m.status == "queued") queued = true;
      if (!queued) return;
      SetClockForTesting(Now() + std::chrono::hours(7));
    }
  }

  std::string path_, url_;
  auth::Principal admin_, commune_admin_, desk_, outsider_;
  desk::Procedure proc_;
  std::unique_ptr<Service> notify_;
};

TEST_P(NotifyTest, IntakeQueuesTheMessageInTheSameWrite) {
  const auto d = Receive();
  auto all = All();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].event, "received");
  EXPECT_EQ(all[0].status, "queued");
  EXPECT_EQ(all[0].dossier_id, d.id);
  EXPECT_EQ(all[0].params.at("code"), d.code);
  EXPECT_EQ(all[0].params.at("due_date").size(), 10u);  // dd/mm/yyyy
  EXPECT_EQ(all[0].idem_key, IdemKey(d.id, d.version, "received"));

  // Opted out, or no address: nothing queued.
  auto in = Intake();
  in.notify_opt_out = true;
  Receive(in);
  Receive(Intake("", ""));
  EXPECT_EQ(All().size(), 1u);

  // A refused change writes no message either.
  desk::TransitionInput stale;
  stale.action = desk::Action::kRequestSupplement;
  stale.reason = "Thiếu giấy chứng sinh";
  stale.expected_version = d.version + 5;
  EXPECT_EQ(KindOf([&] { svc_->Apply(desk_, d.code, stale); }), ErrorKind::kConflict);
  EXPECT_EQ(All().size(), 1u);
  stale.expected_version.reset();
  svc_->Apply(desk_, d.code, stale);
  all = All();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].event, "supplement");
  EXPECT_EQ(all[0].params.at("reason"), "Thiếu giấy chứng sinh");

  in = Intake();
  in.notify_channel = "fax";
  EXPECT_EQ(KindOf([&] { Receive(in); }), ErrorKind::kBadRequest);
}

TEST_P(NotifyTest, ACitizenWhoWroteToTheOaGetsTheWholeAnswerInTheChat) {
  Helper oa("zalo_oa_stub.py", {});
  Channels({{"zalo",
             0,
             {{"cs_url", "http://127.0.0.1:" + std::to_string(oa.port()) + "/"},
              {"access_token", "oa-token-1"},
              {"timeout_ms", "2000"}}}});
  Message m;
  m.idem_key = "feedback:1:3:feedback_reply";
  m.unit_id = commune_admin_.grants.at(0).unit_id;
  m.event = "feedback_reply";
  m.channel_pref = "zalo";
  m.zalo_user_id = "U1";
  m.params = {{"code", "GY-C1-2026-0001"}, {"text", "Đã thông cống trước chợ."}, {"lookup", "https://x/gop-y"}};
  m.next_at = m.created_at = FormatUtc(Now());
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return repo::InsertMessage(c, m); }));
  Sender s(*db_, {});
  EXPECT_EQ(s.RunOnce(), 1);
  auto sent = JsonLines(oa.log());
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(Str(sent[0], "token"), "oa-token-1");
  EXPECT_EQ(Str(sent[0], "user_id"), "U1");
  // The answer itself, not only a link to it.
  EXPECT_NE(Str(sent[0], "text").find("Đã thông cống trước chợ."), std::string::npos) << Str(sent[0], "text");
  auto all = All();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].status, "sent");
  EXPECT_EQ(all[0].channel, "zalo");
  EXPECT_EQ(all[0].provider_id, "oa-1");
}

// One who wrote to the unit's Facebook page gets the answer in Messenger: a
// standard reply within 24 hours, else one tagged HUMAN_AGENT; one whose 7-day
// window has closed too (Graph error 10 to both) gets it by the next channel.
TEST_P(NotifyTest, ACitizenWhoWroteToThePageGetsTheAnswerInMessengerElseByTheNextChannel) {
  Helper fb("facebook_send_stub.py", {});
  Helper smtp("smtp_sink.py", {});
  ASSERT_GT(fb.port(), 0);
  ASSERT_GT(smtp.port(), 0);
  Channels(
      {{"facebook",
        0,
        {{"url", "http://127.0.0.1:" + std::to_string(fb.port()) + "/"},
         {"access_token", "page-token-1"},
         {"timeout_ms", "2000"}}},
       {"email", 1, {{"url", "smtp://127.0.0.1:" + std::to_string(smtp.port())}, {"from", "motcua@xamot.gov.vn"}}}});
  auto message = [&](const std::string& key, const std::string& user, const std::string& email) {
    Message m;
    m.idem_key = key;
    m.unit_id = commune_admin_.grants.at(0).unit_id;
    m.event = "feedback_reply";
    m.channel_pref = "facebook";
    m.facebook_user_id = user;
    m.email = email;
    m.params = {{"code", "GY-C1-2026-0001"}, {"text", "Đã thông cống trước chợ."}, {"lookup", "https://x/gop-y"}};
    m.next_at = m.created_at = FormatUtc(Now());
    ASSERT_TRUE(db_->write([&](db::Conn& c) { return repo::InsertMessage(c, m); }));
  };
  message("feedback:1:3:feedback_reply", "P1", "");
  message("feedback:2:3:feedback_reply", "day2", "");
  message("feedback:3:3:feedback_reply", "late", "hoa@example.vn");
  Sender s(*db_, {});
  Drain(s);

  // What each recipient was sent, in order: (messaging_type, tag).
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> calls;
  for (auto& line : JsonLines(fb.log())) {
    calls[Str(line, "recipient")].emplace_back(Str(line, "messaging_type"), Str(line, "tag"));
    EXPECT_EQ(Str(line, "token"), "page-token-1");
    EXPECT_NE(Str(line, "text").find("Đã thông cống trước chợ."), std::string::npos) << Str(line, "text");
  }
  using Calls = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(calls["P1"], (Calls{{"RESPONSE", ""}}));
  EXPECT_EQ(calls["day2"], (Calls{{"RESPONSE", ""}, {"MESSAGE_TAG", "HUMAN_AGENT"}}));
  EXPECT_EQ(calls["late"], (Calls{{"RESPONSE", ""}, {"MESSAGE_TAG", "HUMAN_AGENT"}}));
  std::vector<boost::json::object> mails;
  for (int i = 0; i < 50 && mails.empty(); ++i) {
    mails = JsonLines(smtp.log());
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(mails.size(), 1u);  // the late one, by e-mail
  EXPECT_NE(Str(mails[0], "text").find("Đã thông cống trước chợ."), std::string::npos);
  std::map<std::string, Message> by_key;
  for (auto& m : All()) by_key[m.idem_key] = m;
  EXPECT_EQ(by_key["feedback:1:3:feedback_reply"].status, "sent");
  EXPECT_EQ(by_key["feedback:1:3:feedback_reply"].channel, "facebook");
  EXPECT_FALSE(by_key["feedback:1:3:feedback_reply"].provider_id.empty());
  EXPECT_EQ(by_key["feedback:2:3:feedback_reply"].status, "sent");
  EXPECT_EQ(by_key["feedback:2:3:feedback_reply"].channel, "facebook");
  EXPECT_EQ(by_key["feedback:3:3:feedback_reply"].status, "sent");
  EXPECT_EQ(by_key["feedback:3:3:feedback_reply"].channel, "email");
}

TEST_P(NotifyTest, GatewayFailuresAndATimeoutStillDeliverEachMessageOnce) {
  Helper gw("sms_gateway_stub.py", {"2", "3"});  // 503 twice, then a 3 s answer (the client waits 1 s)
  ASSERT_GT(gw.port(), 0);
  Channels({SmsChannel(gw.port())});
  std::set<std::string> codes;
  for (int i = 0; i < 3; ++i) codes.insert(Receive().code);
  Sender s(*db_, {});
  Drain(s);
  const auto accepted = JsonLines(gw.log());
  std::map<std::string, int> per_key;
  for (auto& a : accepted) ++per_key[Str(a, "key")];
  ASSERT_EQ(per_key.size(), 3u);
  for (auto& [k, n] : per_key) EXPECT_EQ(n, 1) << k;
  for (auto& m : All()) {
    EXPECT_EQ(m.status, "sent") << m.idem_key << " " << m.last_error;
    EXPECT_EQ(m.channel, "sms");
    EXPECT_EQ(m.provider_id.rfind("gw-", 0), 0u);
    EXPECT_TRUE(per_key.count(m.idem_key));
  }
  // The text reached the gateway in Vietnamese with its code and link.
  for (auto& a : accepted) {
    EXPECT_NE(Str(a, "text").find("đã tiếp nhận hồ sơ"), std::string::npos) << Str(a, "text");
    EXPECT_NE(Str(a, "text").find("/tra-cuu?ma="), std::string::npos);
    EXPECT_EQ(Str(a, "to"), "84912345678");
  }
  // 2 refusals, 1 timeout, then one call per message (the timed-out one accepted once).
  EXPECT_EQ(JsonLines(gw.log() + ".calls").size(), 6u);
}

TEST_P(NotifyTest, NoDiacriticsOption) {
  Helper gw("sms_gateway_stub.py", {"0", "0"});
  Channels({SmsChannel(gw.port(), {{"ascii", "1"}})});
  Receive();
  Sender s(*db_, {});
  Drain(s);
  const auto accepted = JsonLines(gw.log());
  ASSERT_EQ(accepted.size(), 1u);
  const std::string text = Str(accepted[0], "text");
  EXPECT_NE(text.find("da tiep nhan ho so"), std::string::npos) << text;
  EXPECT_TRUE(std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
}

TEST_P(NotifyTest, QuietHoursHoldSmsUntilMorningUnlessAllowed) {
  Helper gw("sms_gateway_stub.py", {"0", "0"});
  Channels({SmsChannel(gw.port())});
  SetClockForTesting(Local(2026, 11, 26, 16, 0));
  Receive();
  SetClockForTesting(Local(2026, 11, 26, 22, 15));
  Sender s(*db_, {});
  s.RunOnce();
  auto m = All().at(0);
  EXPECT_EQ(m.status, "queued");
  EXPECT_EQ(m.next_at, FormatUtc(Local(2026, 11, 27, 7, 0)));
  EXPECT_EQ(m.attempts, 0);
  SetClockForTesting(Local(2026, 11, 27, 6, 59));
  s.RunOnce();
  EXPECT_TRUE(JsonLines(gw.log()).empty());
  SetClockForTesting(Local(2026, 11, 27, 7, 0));
  s.RunOnce();
  EXPECT_EQ(JsonLines(gw.log()).size(), 1u);
  EXPECT_EQ(All().at(0).status, "sent");

  // A unit that allows night messages.
  Channels({SmsChannel(gw.port(), {{"night", "1"}})});
  SetClockForTesting(Local(2026, 11, 27, 16, 0));
  Receive();
  SetClockForTesting(Local(2026, 11, 27, 23, 0));
  s.RunOnce();
  EXPECT_EQ(JsonLines(gw.log()).size(), 2u);
}

TEST_P(NotifyTest, FallsBackToTheNextChannelAndFailsAfterTheLimit) {
  Helper gw("sms_gateway_stub.py", {"0", "0"});
  // Zalo first (its server refuses connections), SMS second.
  Channels({{"zalo", 0, {{"url", "http://127.0.0.1:1/"}, {"access_token", "bí-mật-123"}, {"template_received", "42"}}},
            SmsChannel(gw.port())});
  Receive();
  Sender s(*db_, {});
  s.RunOnce();  // zalo fails
  auto m = All().at(0);
  EXPECT_EQ(m.status, "queued");
  EXPECT_EQ(m.channel, "zalo");
  EXPECT_EQ(m.last_error.find("bí-mật"), std::string::npos);
  s.RunOnce();  // at once, SMS
  m = All().at(0);
  EXPECT_EQ(m.status, "sent");
  EXPECT_EQ(m.channel, "sms");
  EXPECT_EQ(notify_->Channels(desk_, "C1").at(0).config.at("access_token"), "********");

  // Only a dead gateway: failed after kMaxAttempts, with the last error; then sent again by staff.
  Channels({SmsChannel(1)});
  const auto d = Receive();
  Drain(s);
  const auto failed = notify_->List(desk_, "failed", "C1");
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].dossier_id, d.id);
  EXPECT_EQ(failed[0].attempts, kMaxAttempts);
  EXPECT_NE(failed[0].last_error, "");
  EXPECT_EQ(KindOf([&] { notify_->Retry(outsider_, failed[0].id); }), ErrorKind::kForbidden);
  const auto again = notify_->Retry(desk_, failed[0].id);
  EXPECT_EQ(again.status, "queued");
  EXPECT_EQ(again.attempts, 0);
  EXPECT_EQ(KindOf([&] { notify_->Retry(desk_, failed[0].id); }), ErrorKind::kConflict);
  EXPECT_NE(notify_->MetricsText().find("friendlygov_outbox_messages{channel=\"sms\",status=\"sent\"} 1"),
            std::string::npos)
      << notify_->MetricsText();
}

TEST_P(NotifyTest, EmailReachesAnSmtpServerAsUtf8TextAndHtml) {
  Helper smtp("smtp_sink.py", {});
  ASSERT_GT(smtp.port(), 0);
  Channels(
      {{"email", 0, {{"url", "smtp://127.0.0.1:" + std::to_string(smtp.port())}, {"from", "motcua@xamot.gov.vn"}}}});
  auto in = Intake("", "hoa@example.vn");
  const auto d = Receive(in);
  Sender s(*db_, {"", std::chrono::seconds{120}, 16, std::chrono::milliseconds{1000}, "https://xamot.gov.vn"});
  Drain(s);
  ASSERT_EQ(All().at(0).status, "sent") << All().at(0).last_error;
  std::vector<boost::json::object> mails;
  for (int i = 0; i < 50 && mails.empty(); ++i) {
    mails = JsonLines(smtp.log());
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(Str(mails[0], "subject"), "Đã tiếp nhận hồ sơ " + d.code);
  EXPECT_EQ(Str(mails[0], "from"), "motcua@xamot.gov.vn");
  EXPECT_TRUE(mails[0].at("charset_ok").as_bool());
  const std::string text = Str(mails[0], "text");
  EXPECT_NE(text.find("Xã Một đã tiếp nhận hồ sơ " + d.code + " (Đăng ký khai sinh)"), std::string::npos) << text;
  EXPECT_NE(text.find("https://xamot.gov.vn/tra-cuu?ma=" + d.code), std::string::npos) << text;
  EXPECT_NE(Str(mails[0], "html").find("Đăng ký khai sinh"), std::string::npos);
  EXPECT_NE(Str(mails[0], "message_id").find(All().at(0).idem_key), std::string::npos);
}

TEST_P(NotifyTest, ASenderKilledAfterSendingLosesNothingAndTheGatewayDeduplicates) {
  Helper gw("sms_gateway_stub.py", {"0", "0"});
  Channels({SmsChannel(gw.port(), {{"night", "1"}})});  // the child runs on the real clock, maybe at night
  Receive();
  const pid_t child = StartChild("kill", url_, gw.port());
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << status;
  auto m = All().at(0);
  EXPECT_EQ(m.status, "queued");  // sent, but the outcome was never written
  ASSERT_EQ(JsonLines(gw.log()).size(), 1u);
  Sender s(*db_, {});
  s.RunOnce();  // the lease has not expired: left alone
  EXPECT_EQ(JsonLines(gw.log() + ".calls").size(), 1u);
  SetClockForTesting(std::nullopt);  // past the child's lease, taken on the real clock
  SetClockForTesting(Now() + std::chrono::minutes(5));
  s.RunOnce();
  EXPECT_EQ(All().at(0).status, "sent");
  EXPECT_EQ(JsonLines(gw.log() + ".calls").size(), 2u);  // sent twice ...
  EXPECT_EQ(JsonLines(gw.log()).size(), 1u);             // ... delivered once
}

TEST_P(NotifyTest, TwoSenderProcessesNeverSendTheSameMessageTwice) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "several processes share PostgreSQL";
  Helper gw("sms_gateway_stub.py", {"0", "0"});
  Channels({SmsChannel(gw.port(), {{"night", "1"}})});  // the children run on the real clock
  constexpr int kMessages = 40;
  for (int i = 0; i < kMessages; ++i) Receive();
  const pid_t a = StartChild("drain", url_, gw.port());
  const pid_t b = StartChild("drain", url_, gw.port());
  int sa = 0, sb = 0;
  waitpid(a, &sa, 0);
  waitpid(b, &sb, 0);
  EXPECT_TRUE(WIFEXITED(sa) && WEXITSTATUS(sa) == 0) << sa;
  EXPECT_TRUE(WIFEXITED(sb) && WEXITSTATUS(sb) == 0) << sb;
  std::map<std::string, int> calls;
  for (auto& c : JsonLines(gw.log() + ".calls")) ++calls[Str(c, "key")];
  EXPECT_EQ(calls.size(), static_cast<size_t>(kMessages));
  for (auto& [k, n] : calls) EXPECT_EQ(n, 1) << k;
  for (auto& m : All()) EXPECT_EQ(m.status, "sent");
}

// A sender renews its lease before each send: one whose batch lease ran out
// while it was busy leaves the message to the sender that claimed it since.
TEST_P(NotifyTest, ASenderWhoseLeaseRanOutLeavesTheMessageToTheNextSender) {
  Helper gw("sms_gateway_stub.py", {"0", "0"});
  Channels({SmsChannel(gw.port())});
  Receive();
  Receive();
  Sender slow(*db_, {});
  Sender other(*db_, {});
  bool once = false;
  slow.after_send_for_testing = [&](const Message&, const SendResult&) {
    if (once) return true;
    once = true;
    // The first send took 3 minutes: the batch lease (2 min) of the second
    // message ran out, the first's renewed lease (4 min) did not.
    SetClockForTesting(Now() + std::chrono::minutes(3));
    EXPECT_EQ(other.RunOnce(), 1);
    return true;
  };
  EXPECT_EQ(slow.RunOnce(), 2);
  std::map<std::string, int> calls;
  for (auto& c : JsonLines(gw.log() + ".calls")) ++calls[Str(c, "key")];
  EXPECT_EQ(calls.size(), 2u);
  for (auto& [k, n] : calls) EXPECT_EQ(n, 1) << k;
  for (auto& m : All()) EXPECT_EQ(m.status, "sent");
}

// Without a channel nothing is reported "sent": the message waits, retried
// with back-off, and goes out once an administrator sets a channel. Under
// --demo the log channel stands in.
TEST_P(NotifyTest, AUnitWithoutChannelsSendsNothingUntilOneIsSet) {
  Receive();
  Sender s(*db_, {});
  s.RunOnce();
  auto m = All().at(0);
  EXPECT_EQ(m.status, "queued");
  EXPECT_EQ(m.attempts, 1);
  EXPECT_NE(m.last_error.find("no channel"), std::string::npos) << m.last_error;
  Helper gw("sms_gateway_stub.py", {"0", "0"});
  Channels({SmsChannel(gw.port())});
  Drain(s);
  m = All().at(0);
  EXPECT_EQ(m.status, "sent");
  EXPECT_EQ(m.channel, "sms");
  EXPECT_EQ(JsonLines(gw.log()).size(), 1u);

  notify_->SetChannels(admin_, "C1", {});
  Receive();
  SenderOptions demo;
  demo.log_when_unconfigured = true;
  Sender d(*db_, demo);
  d.RunOnce();
  m = All().at(0);
  EXPECT_EQ(m.status, "sent");
  EXPECT_EQ(m.channel, "log");
}

TEST_P(NotifyTest, TemplatesAreVersionedAndCheckedWhenSaved) {
  Template t{"received", "sms", 0, "", "Hồ sơ {code} của {ten_nguoi_nop} hẹn {ngay}", ""};
  try {
    notify_->SaveTemplate(admin_, t);
    ADD_FAILURE() << "saved";
  } catch (const AppError& e) {
    EXPECT_EQ(e.key(), "notify.template_unknown_placeholder");
    EXPECT_EQ(e.field(), "body");
    EXPECT_EQ(e.args().at("unknown"), "{ten_nguoi_nop}, {ngay}");
    EXPECT_EQ(e.args().at("valid"), "{code}, {procedure}, {unit}, {link}, {due_date}");
  }
  EXPECT_EQ(KindOf([&] {
              notify_->SaveTemplate(commune_admin_, {"received", "sms", 0, "", "{code}"});
            }),
            ErrorKind::kForbidden);
  EXPECT_EQ(notify_->GetTemplate("received", "sms").version, 0);  // the shipped default
  EXPECT_EQ(notify_->SaveTemplate(admin_, {"received", "sms", 0, "", "Mã {code}"}).version, 1);
  EXPECT_EQ(notify_->SaveTemplate(admin_, {"received", "sms", 0, "", "Hồ sơ {code}, hẹn {due_date}"}).version, 2);
  EXPECT_EQ(notify_->GetTemplate("received", "sms").body, "Hồ sơ {code}, hẹn {due_date}");

  Helper gw("sms_gateway_stub.py", {"0", "0"});
  Channels({SmsChannel(gw.port())});
  const auto d = Receive();
  Sender s(*db_, {});
  s.RunOnce();
  const auto accepted = JsonLines(gw.log());
  ASSERT_EQ(accepted.size(), 1u);
  EXPECT_EQ(Str(accepted[0], "text").rfind("Hồ sơ " + d.code + ", hẹn ", 0), 0u) << Str(accepted[0], "text");
}

TEST_P(NotifyTest, GatewayReportsDeliveryThroughTheSignedCallbackUrl) {
  const std::string key = db_->write([](db::Conn& c) { return EnsureCallbackKey(c); });
  EXPECT_EQ(db_->write([](db::Conn& c) { return EnsureCallbackKey(c); }), key);  // created once
  Helper gw("sms_gateway_stub.py", {"0", "0"});
  Channels({SmsChannel(gw.port(), {{"body", R"({"to":"{phone}","text":"{text}","callback":"{callback_url}"})"}})});
  const auto d = Receive();
  Sender s(*db_, {"", std::chrono::seconds{120}, 16, std::chrono::milliseconds{1000}, "https://xamot.gov.vn"});
  s.RunOnce();
  const auto accepted = JsonLines(gw.log());
  ASSERT_EQ(accepted.size(), 1u);
  const std::string url = Str(accepted[0], "callback");
  const std::string prefix = "https://xamot.gov.vn/api/v1/notify/callbacks/sms?token=";
  ASSERT_EQ(url.rfind(prefix, 0), 0u) << url;
  const std::string token = url.substr(prefix.size());
  const int64_t id = All().at(0).id;
  EXPECT_EQ(token.substr(0, token.find('.')), std::to_string(id));

  EXPECT_EQ(KindOf([&] { notify_->Callback("sms", std::to_string(id) + ".AAAA", "delivered", ""); }),
            ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { notify_->Callback("zalo", token, "delivered", ""); }), ErrorKind::kConflict);
  EXPECT_EQ(KindOf([&] { notify_->Callback("sms", token, "read", ""); }), ErrorKind::kBadRequest);
  EXPECT_EQ(notify_->Callback("sms", token, "delivered", "").status, "delivered");
  auto of = notify_->OfDossier(d.id);
  ASSERT_EQ(of.size(), 1u);
  EXPECT_EQ(of[0].status, "delivered");
  EXPECT_EQ(notify_->List(org::SystemPrincipal(), "delivered", "").size(), 1u);
  auto failed = notify_->Callback("sms", token, "failed", "số không tồn tại");
  EXPECT_EQ(failed.status, "failed");
  EXPECT_EQ(failed.last_error, "sms: số không tồn tại");
  // Sent again from "failed": queued, and the gateway deduplicates by key.
  EXPECT_EQ(notify_->Retry(desk_, id).status, "queued");
}

TEST_P(NotifyTest, ChannelSecretsAreWriteOnlyAndEveryBadSettingIsReported) {
  Channels({{"email",
             0,
             {{"url", "smtp://127.0.0.1:25"},
              {"from", "motcua@xamot.gov.vn"},
              {"username", "motcua"},
              {"password", "mật-khẩu-1"}}},
            {"zalo", 0, {{"access_token", "tok-1"}}}});
  auto shown = notify_->Channels(desk_, "C1");
  ASSERT_EQ(shown.size(), 2u);
  EXPECT_EQ(shown[0].config.at("password"), "********");
  EXPECT_EQ(shown[1].config.at("access_token"), "********");
  // Reordered; the password left empty, the token sent back masked: both kept.
  Channels(
      {{"zalo", 0, {{"access_token", "********"}}},
       {"email",
        0,
        {{"url", "smtp://127.0.0.1:25"}, {"from", "motcua@xamot.gov.vn"}, {"username", "motcua"}, {"password", ""}}}});
  auto saved = notify_->Channels(admin_, "C1", true);
  ASSERT_EQ(saved.size(), 2u);
  // Each change is in the event log: which channels in which order, never a secret.
  static const db::Query kChannelEvents{"test_channel_events",
                                        "SELECT after_json FROM events WHERE entity = 'notify_channels' ORDER BY id"};
  auto changes = db_->read([](db::Conn& c) { return c.query(kChannelEvents); });
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[1].text(0), R"({"channels":["zalo","email"]})");
  for (auto& r : changes) EXPECT_EQ(r.text(0).find("tok-1"), std::string::npos);
  EXPECT_EQ(saved[0].name, "zalo");
  EXPECT_EQ(saved[0].config.at("access_token"), "tok-1");
  EXPECT_EQ(saved[1].config.at("password"), "mật-khẩu-1");

  try {
    Channels({{"sms", 0, {{"url", "ftp://gw"}, {"body_encoding", "xml"}, {"ascii", "yes"}, {"colour", "red"}}},
              {"email", 0, {{"url", "smtp://127.0.0.1:25"}}}});
    ADD_FAILURE() << "saved";
  } catch (const AppError& e) {
    std::set<std::string> fields;
    for (auto& p : e.problems()) fields.insert(p.field);
    // email.username: the saved password is kept (left out, same server), and a password needs a user.
    EXPECT_EQ(fields, (std::set<std::string>{"sms.url", "sms.body_encoding", "sms.ascii", "sms.colour", "email.from",
                                             "email.username"}));
  }
  // Another server: the saved password is not sent there unless typed again; the token of an
  // unchanged Zalo address is kept.
  EXPECT_EQ(
      testing::ProblemsOf([&] {
        Channels({{"zalo", 0, {}},
                  {"email",
                   0,
                   {{"url", "smtp://mail.example.vn:587"}, {"from", "motcua@xamot.gov.vn"}, {"username", "motcua"}}}});
      }),
      (std::map<std::string, std::string>{{"email.password", "notify.secret_again"}}));
  EXPECT_EQ(notify_->Channels(admin_, "C1", true).at(0).name, "zalo");  // nothing written
  EXPECT_EQ(KindOf([&] { notify_->SetChannels(desk_, "C1", {{"log", 0, {}}}); }), ErrorKind::kForbidden);
  EXPECT_EQ(KindOf([&] { Channels({{"log", 0, {}}, {"log", 0, {}}}); }), ErrorKind::kBadRequest);

  EXPECT_EQ(notify_->SaveTemplate(admin_, {"refused", "sms", 0, "", "Mã {code}", ""}).version, 1);
  EXPECT_EQ(notify_->SaveTemplate(admin_, {"refused", "sms", 0, "", "Mã {code}: {reason}", ""}).version, 2);
  auto history = notify_->TemplateHistory("refused", "sms");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].version, 2);
  EXPECT_EQ(history[1].body, "Mã {code}");
  EXPECT_FALSE(history[0].created_at.empty());
}

FG_BOTH_BACKENDS(NotifyTest);

}  // namespace
}  // namespace fg::notify
