// Db::watch: counters of committed batches that changed some tables.
#include <algorithm>

#include "platform/db/db.h"

namespace fg::db {

std::shared_ptr<const std::atomic<uint64_t>> Db::watch(std::vector<std::string> tables) {
  auto count = std::make_shared<std::atomic<uint64_t>>(0);
  std::lock_guard lk(watch_mu_);
  watches_.push_back({std::move(tables), count});
  return count;
}

void Db::note_change(std::string_view table) {
  std::lock_guard lk(watch_mu_);
  for (auto& w : watches_)
    if (!w.noted && std::find(w.tables.begin(), w.tables.end(), table) != w.tables.end()) w.noted = true;
}

void Db::count_changes(bool every_watch) {
  std::lock_guard lk(watch_mu_);
  for (auto& w : watches_) {
    if (every_watch || w.noted) w.count->fetch_add(1);
    w.noted = false;
  }
}

}  // namespace fg::db
