#include "features/feedback/answer_months.h"

namespace fg::feedback::repo {

void CountAnswer(db::Conn& c, int64_t unit_id, const std::string& month, bool on_time) {
  static const db::Query kCount{
      "feedback.count_answer",
      "INSERT INTO feedback_answer_months (unit_id, month, answered, on_time) VALUES (?, ?, 1, ?) "
      "ON CONFLICT (unit_id, month) DO UPDATE SET answered = feedback_answer_months.answered + 1, "
      "on_time = feedback_answer_months.on_time + excluded.on_time"};
  c.exec(kCount, {unit_id, month, int64_t{on_time ? 1 : 0}});
}

std::vector<AnswerMonth> AnswerMonths(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                      const std::string& to) {
  static const db::Query kMonths{
      "feedback.answer_months",
      "SELECT k.month, SUM(k.answered), SUM(k.on_time) "
      "FROM units u CROSS JOIN feedback_answer_months k WHERE k.unit_id = u.id "
      "AND u.path LIKE ? AND k.month >= ? AND k.month <= ? GROUP BY k.month ORDER BY k.month"};
  std::vector<AnswerMonth> out;
  for (auto& r : c.query(kMonths, {path_prefix + "%", from, to})) out.push_back({r.text(0), r.i64(1), r.i64(2)});
  return out;
}

}  // namespace fg::feedback::repo
