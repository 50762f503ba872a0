// Resumptions handed over together: a store thread that finishes a batch
// resumes its callers with one hand-over per io thread.
#include "platform/async/wait.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace fg::async {
namespace {

// A target that records each hand-over and runs it where it is made.
class Recorder final : public ResumeTarget {
 public:
  void resume_all(std::vector<std::function<void()>> fns) override {
    sizes.push_back(fns.size());
    for (auto& f : fns) f();
  }
  std::vector<size_t> sizes;
};

TEST(Resume, AllForOneTargetAreHandedOverTogetherInTheirOrder) {
  auto a = std::make_shared<Recorder>();
  auto b = std::make_shared<Recorder>();
  std::vector<std::string> ran;
  std::vector<Resume> resumes;
  resumes.emplace_back(a, [&] { ran.push_back("a1"); });
  resumes.emplace_back(b, [&] { ran.push_back("b1"); });
  resumes.emplace_back([&] { ran.push_back("plain"); });
  resumes.emplace_back(a, [&] { ran.push_back("a2"); });
  resumes.emplace_back(a, [&] { ran.push_back("a3"); });
  ResumeAll(resumes);
  EXPECT_TRUE(resumes.empty());
  EXPECT_EQ(a->sizes, (std::vector<size_t>{3}));
  EXPECT_EQ(b->sizes, (std::vector<size_t>{1}));
  // The plain one runs where it is met; each target's in the order given.
  EXPECT_EQ(ran, (std::vector<std::string>{"plain", "a1", "a2", "a3", "b1"}));
}

TEST(Resume, OneAloneIsHandedOverToItsTargetOrRunsWhereCalled) {
  auto a = std::make_shared<Recorder>();
  int ran = 0;
  Resume to_target(a, [&] { ++ran; });
  to_target();
  EXPECT_EQ(a->sizes, (std::vector<size_t>{1}));
  Resume plain([&] { ran += 10; });
  plain();
  EXPECT_EQ(ran, 11);
  EXPECT_EQ(a->sizes.size(), 1u);
}

// The target stays alive until its hand-over is made, even when the only
// other owner lets go first (a connection closed while its write waited).
TEST(Resume, TheTargetOutlivesItsOtherOwners) {
  auto a = std::make_shared<Recorder>();
  std::weak_ptr<Recorder> seen = a;
  bool ran = false;
  std::vector<Resume> resumes;
  resumes.emplace_back(std::move(a), [&] { ran = true; });
  EXPECT_FALSE(seen.expired());
  ResumeAll(resumes);
  EXPECT_TRUE(ran);
  EXPECT_TRUE(seen.expired());
}

}  // namespace
}  // namespace fg::async
