// A full disk: writes are refused with a clear 503, nothing is corrupted, and
// service resumes once space returns. Needs a size-limited file system: a
// small tmpfs is mounted when the machine allows it (root with
// CAP_SYS_ADMIN, as in CI here); elsewhere the test is skipped, and the same
// check can be run by hand as docs/performance.md describes.
#include <gtest/gtest.h>
#include <sys/mount.h>

#include <filesystem>

#include "platform/db/db.h"
#include "platform/db/events.h"
#include "tests/support/http_client.h"
#include "tests/support/stored.h"

namespace fg::testing {
namespace {

class SmallDisk {
 public:
  explicit SmallDisk(const std::string& size) : dir_(TempPath("smalldisk")) {
    std::filesystem::create_directories(dir_);
    ok_ = ::mount("tmpfs", dir_.c_str(), "tmpfs", 0, ("size=" + size).c_str()) == 0;
  }
  ~SmallDisk() {
    if (ok_) ::umount2(dir_.c_str(), MNT_DETACH);
  }
  bool ok() const { return ok_; }
  bool grow(const std::string& size) {
    return ::mount("tmpfs", dir_.c_str(), "tmpfs", MS_REMOUNT, ("size=" + size).c_str()) == 0;
  }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
  bool ok_ = false;
};

TEST(DiskFull, WritesAreRefusedWith503AndResumeWhenSpaceReturns) {
  // Room for the demo data (the desk's dossiers, a WAL grown to its 4 MB
  // checkpoint at 1,000 frames) and little more.
  SmallDisk disk("8m");
  if (!disk.ok()) GTEST_SKIP() << "cannot mount a small tmpfs here (needs CAP_SYS_ADMIN)";
  const std::string path = disk.dir() + "/full.db";
  std::vector<std::string> acknowledged;
  int refused = 0, other = 0;
  {
    ServerProcess server(path, {"--demo"}, {{"FRIENDLYGOV_CHECKPOINT_FRAMES", "1000"}});
    auto admin = Login(server.port(), "admin", "demo");
    ASSERT_FALSE(admin.cookie.empty());
    auto post = [&](const std::string& code) {
      std::string name(190, 'x');  // rows of some size fill the disk sooner
      return Request(server.port(), "POST", "/api/v1/units",
                     R"({"code":")" + code + R"(","name":")" + name + R"(","level":"commune","parent_code":"75"})",
                     {{"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}, {"Content-Type", "application/json"}});
    };
    for (int i = 0; i < 20000 && refused < 5; ++i) {
      auto r = post("F" + std::to_string(i));
      if (r.status == 201) {
        acknowledged.push_back("F" + std::to_string(i));
      } else if (r.status == 503) {
        ++refused;
        EXPECT_EQ(r.headers["retry-after"], "1");
        EXPECT_NE(r.body.find("Ổ đĩa"), std::string::npos) << r.body;
      } else {
        ++other;
        ADD_FAILURE() << "status " << r.status << ": " << r.body;
        break;
      }
    }
    ASSERT_GT(refused, 0) << "the disk never filled";
    EXPECT_EQ(Request(server.port(), "GET", "/healthz").status, 200);  // reads go on
    ASSERT_TRUE(disk.grow("64m"));
    auto again = post("AFTER-SPACE");
    EXPECT_EQ(again.status, 201) << again.body;
    if (again.status == 201) acknowledged.emplace_back("AFTER-SPACE");
  }
  EXPECT_EQ(other, 0);
  auto db = db::OpenSqlite(path, {});
  static const db::Query kIntegrity{"integrity", "PRAGMA integrity_check"};
  db->read([&](db::Conn& c) {
    EXPECT_EQ(c.query_one(kIntegrity)->text(0), "ok");
    EXPECT_EQ(MissingUnits(c, acknowledged), 0u) << "of " << acknowledged.size();
    auto v = events::Verify(c);
    EXPECT_TRUE(v.ok) << v.reason;
  });
}

}  // namespace
}  // namespace fg::testing
