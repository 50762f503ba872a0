// Values read from the store, kept and answered again without a read while
// none of the tables they were read from has changed (Db::watch), and for at
// most `life` (another process writing the same database is not watched).
// Under a stream of writes every read transaction starts with a cold page
// cache (SQLite resets a reader's cache after each commit): a unit or a
// calendar setting read for every request costs far more than the request's
// other work, while those tables change seldom.
//
// A value is kept with the watch's count taken before its read began, so a
// change committed during the read makes it stale at once; a write's caller
// resumes after the count moved, so what it changed is read again by the very
// next request. A read that throws keeps nothing.
#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "platform/db/db.h"

namespace fg::db {

template <class V>
class KeptReads {
 public:
  KeptReads(Db& db, std::vector<std::string> tables, std::chrono::milliseconds life = std::chrono::seconds(2),
            size_t max_kept = 4096)
      : db_(db), changes_(db.watch(std::move(tables))), life_(life), max_kept_(max_kept) {}

  // The value kept for `key`, or read(Conn&) -> V inside one read transaction.
  template <class Read>
  V get(const std::string& key, Read&& read) {
    const uint64_t changes = changes_->load();
    const auto now = std::chrono::steady_clock::now();
    {
      std::lock_guard lk(mu_);
      auto it = kept_.find(key);
      if (it != kept_.end() && it->second.changes == changes && now < it->second.until) return it->second.value;
    }
    V value = db_.read(std::forward<Read>(read));
    std::lock_guard lk(mu_);
    if (kept_.size() >= max_kept_) kept_.clear();  // many keys (unknown codes typed in): start over
    kept_.insert_or_assign(key, Kept{value, changes, now + life_});
    return value;
  }

 private:
  struct Kept {
    V value;
    uint64_t changes;
    std::chrono::steady_clock::time_point until;
  };
  Db& db_;
  std::shared_ptr<const std::atomic<uint64_t>> changes_;
  const std::chrono::milliseconds life_;
  const size_t max_kept_;
  std::mutex mu_;
  std::unordered_map<std::string, Kept> kept_;
};

}  // namespace fg::db
