// Feedback answered on time per handling unit x month (feedback_answer_months,
// migration 0034): added to in the write that approves an item's first reply,
// read by the public figures (features/public/portal.cpp) over a subtree.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "platform/db/db.h"

namespace fg::feedback::repo {

// One more first reply approved in `month` (YYYY-MM, local) by the unit.
void CountAnswer(db::Conn& c, int64_t unit_id, const std::string& month, bool on_time);

struct AnswerMonth {
  std::string month;  // YYYY-MM
  int64_t answered = 0, on_time = 0;
};
// The months in [from, to] (YYYY-MM) of the units under `path_prefix`, summed
// per month, in order; months without answers are absent.
std::vector<AnswerMonth> AnswerMonths(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                      const std::string& to);

}  // namespace fg::feedback::repo
