// What the public lookup shows a citizen: masked name and phone, plain status
// and a timeline without officials' names.
#include "features/desk/lookup.h"

#include <gtest/gtest.h>

namespace fg::desk {
namespace {

TEST(DeskLookup, NamesAndPhonesAreMasked) {
  EXPECT_EQ(MaskName("Nguyễn Thị Hoa"), "N*** T*** H***");
  EXPECT_EQ(MaskName("Đặng  Thị  Ánh"), "Đ*** T*** Á***");  // a letter of two bytes kept whole
  EXPECT_EQ(MaskName(""), "");
  EXPECT_EQ(MaskPhone("0912 345 678"), "*******678");
  EXPECT_EQ(MaskPhone("+84 912.345.678"), "********678");
  EXPECT_EQ(MaskPhone("12"), "**");
}

TEST(DeskLookup, StatusInPlainWords) {
  EXPECT_EQ(StatusKey(State::kInProgress, "at_desk"), "desk.lookup.status.in_progress");
  EXPECT_EQ(StatusKey(State::kResultReady, "at_desk"), "desk.lookup.status.result_ready.at_desk");
  EXPECT_EQ(StatusKey(State::kResultReady, "post"), "desk.lookup.status.result_ready.post");
  EXPECT_EQ(StatusKey(State::kResultReady, ""), "desk.lookup.status.result_ready.at_desk");
}

std::vector<Entry> History() {
  auto e = [](Action a, const char* at, const char* note = "") {
    Entry x;
    x.action = a;
    x.at = at;
    x.note = note;
    x.actor = "can.bo";  // never shown
    return x;
  };
  return {e(Action::kReceive, "2026-03-09T02:00:00Z"),
          e(Action::kTransfer, "2026-03-09T03:00:00Z", "Phạm Thị Chuyên"),
          e(Action::kTransfer, "2026-03-10T03:00:00Z", "Trần Thị Lãnh"),
          e(Action::kRequestSupplement, "2026-03-10T04:00:00Z", "Bản sao giấy chứng sinh"),
          e(Action::kSupplementReceived, "2026-03-11T02:00:00Z"),
          e(Action::kTransfer, "2026-03-11T03:00:00Z", "Phạm Thị Chuyên"),
          e(Action::kResultReady, "2026-03-12T03:00:00Z")};
}

TEST(DeskLookup, TimelineMergesHandOversAndHidesNotesWithoutTheDigits) {
  auto steps = CitizenTimeline(History(), "at_desk", false);
  std::vector<std::string> keys;
  for (auto& s : steps) {
    keys.push_back(s.key);
    EXPECT_EQ(s.note, "");  // no official's name, no detail without the 4 digits
  }
  EXPECT_EQ(keys,
            (std::vector<std::string>{"desk.lookup.step.receive", "desk.lookup.step.transfer",
                                      "desk.lookup.step.request_supplement", "desk.lookup.step.supplement_received",
                                      "desk.lookup.step.transfer", "desk.lookup.step.result_ready.at_desk"}));
  EXPECT_EQ(steps[1].at, "2026-03-09T03:00:00Z");  // the first of the merged hand-overs
}

TEST(DeskLookup, TheApplicantSeesWhatToSupplement) {
  auto steps = CitizenTimeline(History(), "post", true);
  ASSERT_EQ(steps.size(), 6u);
  EXPECT_EQ(steps[2].key, "desk.lookup.step.request_supplement_note");
  EXPECT_EQ(steps[2].note, "Bản sao giấy chứng sinh");
  EXPECT_EQ(steps[1].note, "");  // a hand-over's note is an official's name: never
  EXPECT_EQ(steps[5].key, "desk.lookup.step.result_ready.post");
}

}  // namespace
}  // namespace fg::desk
