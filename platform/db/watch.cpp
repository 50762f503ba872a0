// Db::watch: counters of committed batches that changed some tables.
#include <algorithm>

#include "platform/db/db.h"

namespace fg::db {

std::shared_ptr<const std::atomic<uint64_t>> Db::watch(std::vector<std::string> tables,
                                                       std::vector<std::string> updated) {
  auto count = std::make_shared<std::atomic<uint64_t>>(0);
  std::lock_guard lk(watch_mu_);
  // Counts the batch under way too: the writer notes each table once a batch
  // (SQLite), and may have noted this one's tables before it existed.
  watches_.push_back({std::move(tables), std::move(updated), count, /*noted=*/true});
  return count;
}

void Db::note_change(std::string_view table, bool inserted) {
  for (const auto& [t, i] : passed_on_)
    if (i == inserted && t == table) return;
  auto has = [&](const std::vector<std::string>& v) { return std::find(v.begin(), v.end(), table) != v.end(); };
  std::lock_guard lk(watch_mu_);
  passed_on_.emplace_back(table, inserted);
  for (auto& w : watches_)
    if (!w.noted && (has(w.tables) || (!inserted && has(w.updated)))) w.noted = true;
}

void Db::count_changes(bool every_watch) {
  std::lock_guard lk(watch_mu_);
  for (auto& w : watches_) {
    if (every_watch || w.noted) w.count->fetch_add(1);
    w.noted = false;
  }
  passed_on_.clear();
}

}  // namespace fg::db
