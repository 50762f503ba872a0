// The event log for administrators: which events they may see, filtered in
// the store (features/dashboard/repo.h).
//
// Visibility: an administrator sees the events whose scope unit lies in one of
// their subtrees (auth::Roots); an account's own events (logins, wrong
// passwords, lockouts, unlocks, password resets, tokens) are scoped to the
// account's home unit, so the administrators of the subtree holding the
// account see its security events. The holder of a root ("/") also sees events
// without a unit (the national calendar); others see those only when they did
// them.
#pragma once
#include "features/dashboard/model.h"
#include "platform/auth/principal.h"
#include "platform/db/db.h"

namespace fg::dashboard {

class Service {
 public:
  static constexpr int kPageSize = 50;
  explicit Service(db::Db& db) : db_(db) {}

  // One page of the events `p` may see that `f` selects, newest first, with
  // the names of the units the page's changes mention. Forbidden unless `p`
  // administers a unit (and the filter's unit is theirs); every bad part of
  // `f` at once as a bad-input error naming its field (type, from, to, unit, entity).
  LogPage List(const auth::Principal& p, const LogFilter& f, int page_size = kPageSize);

  // The filter's parts checked without the store (types, dates, period, entity).
  static void Check(const LogFilter& f);
  // The values of LogFilter::type, in the order the page offers them.
  static const std::vector<std::string>& Types();

 private:
  db::Db& db_;
};

}  // namespace fg::dashboard
