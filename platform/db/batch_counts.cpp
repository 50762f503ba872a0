#include "platform/db/batch_counts.h"

#include <charconv>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace fg::db::counts {
namespace {

// The upsert (its text's address, as a number: ordered whatever the pointers) and the row's
// key values, written out (std::variant orders nothing with a std::nullptr_t in it).
using Key = std::pair<std::uintptr_t, std::string>;
struct Pending {
  Query upsert;  // a copy: callers may pass a temporary (its texts are literals)
  std::vector<Value> key;
  std::vector<int64_t> amounts;
};
struct Added {
  std::map<Key, Pending>::iterator row;
  std::vector<int64_t> amounts;
  bool created;  // the row's first amounts in the batch: an undone write removes the row
};

struct Batch {
  bool open = false;  // a group commit's write is running on this thread
  std::map<Key, Pending> rows;
  std::vector<Added> journal;  // the running write's amounts
};
thread_local Batch g_batch;

std::string Written(const std::vector<Value>& key) {
  std::string out;
  for (const auto& v : key)
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            out += 'n';
          } else if constexpr (std::is_same_v<T, std::string>) {
            out += 's' + std::to_string(x.size()) + ':' + x;
          } else {  // int64_t, or a double in its shortest exact form
            char buf[32];
            const auto end = std::to_chars(buf, buf + sizeof buf, x).ptr;
            out += std::is_same_v<T, int64_t> ? 'i' : 'd';
            out.append(buf, end);
            out += ';';
          }
        },
        v);
  return out;
}

}  // namespace

void Add(Conn& c, const Query& upsert, std::vector<Value> key, const std::vector<int64_t>& amounts) {
  Batch& b = g_batch;
  if (!b.open) {
    for (int64_t n : amounts) key.emplace_back(n);
    c.exec(upsert, key);
    return;
  }
  std::string written = Written(key);
  auto [it, created] = b.rows.try_emplace(Key{reinterpret_cast<std::uintptr_t>(upsert.sql), std::move(written)},
                                          Pending{upsert, std::move(key), {}});
  auto& sum = it->second.amounts;
  sum.resize(amounts.size(), 0);  // one upsert, one number of amounts
  for (size_t i = 0; i < amounts.size(); ++i) sum[i] += amounts[i];
  b.journal.push_back({it, amounts, created});
}

void WriteBegins() {
  g_batch.open = true;
  g_batch.journal.clear();
}

void WriteUndone() {
  Batch& b = g_batch;
  for (auto a = b.journal.rbegin(); a != b.journal.rend(); ++a) {
    if (a->created) {
      b.rows.erase(a->row);
      continue;
    }
    auto& sum = a->row->second.amounts;
    for (size_t i = 0; i < a->amounts.size(); ++i) sum[i] -= a->amounts[i];
  }
  b.journal.clear();
}

void Flush(Conn& c) {
  Batch& b = g_batch;
  b.open = false;  // what runs after, before the commit, adds at once
  std::vector<Value> params;
  for (const auto& entry : b.rows) {
    const Pending& row = entry.second;
    params = row.key;
    for (int64_t n : row.amounts) params.emplace_back(n);
    try {
      c.exec(row.upsert, params);
    } catch (const ConstraintError& e) {
      // The whole batch fails: no write of it may take this for its own refusal (a duplicate).
      throw std::runtime_error(std::string("counter row: ") + e.what());
    }
  }
  b.rows.clear();
  b.journal.clear();
}

void Forget() {
  g_batch.open = false;
  g_batch.rows.clear();
  g_batch.journal.clear();
}

}  // namespace fg::db::counts
