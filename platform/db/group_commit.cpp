#include "platform/db/group_commit.h"

#include <pthread.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include <spdlog/spdlog.h>

#include "platform/db/retry.h"
#include "platform/errors.h"

namespace fg::db {
namespace {

const Query kBegin{"begin", "BEGIN"};
const Query kBeginImmediate{"begin_immediate", "BEGIN IMMEDIATE"};
const Query kCommit{"commit", "COMMIT"};
const Query kSavepoint{"savepoint", "SAVEPOINT w"};
const Query kRelease{"release", "RELEASE SAVEPOINT w"};
const Query kRollbackTo{"rollback_to", "ROLLBACK TO SAVEPOINT w"};

constexpr int kAttempts = 4;
// How long a batch takes in newly queued writes when commits do not wait for
// the disk (a sync step). What it took at first (up to max_batch) it runs.
constexpr auto kJoinWindow = std::chrono::milliseconds(2);

std::mutex g_hook_mu;
std::function<void()> g_before_sync;  // tests only
std::atomic<bool> g_hooked{false};

// The batches a failed sync leaves are visible to readers and may or may not
// be on disk: no caller may be answered either way.
[[noreturn]] void FailedSync(const char* what) {
  const std::string why = std::string("store: committed writes could not be made durable, stopping: ") + what;
  spdlog::critical(why);
  spdlog::default_logger()->flush();
  std::fprintf(stderr, "friendlygov: %s\n", why.c_str());  // the log may be lost with the process
  std::fflush(stderr);
  std::abort();
}

bool IsRetryable(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (const RetryableError&) {
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace

// A queued write. It lives on the caller's stack (or coroutine stack); once
// `finish` has resumed the caller, the writer never touches it again.
struct GroupCommit::Job {
  const std::function<void(Conn&)>* fn;
  std::chrono::steady_clock::time_point deadline;
  std::exception_ptr error;
  async::Resume resume;
  int attempts = 0;  // times the write ran and PostgreSQL aborted it (deadlock, serialization)
};

GroupCommit::GroupCommit(std::vector<std::unique_ptr<Conn>> writers, const Options& opt, Steps steps)
    : opt_(opt), conns_(std::move(writers)), steps_(std::move(steps)) {
  stats_.batch_size_buckets.assign(11, 0);
  for (auto& c : conns_) threads_.emplace_back([this, conn = c.get()] { loop(*conn); });
  if (steps_.sync) syncer_ = std::thread([this] { sync_loop(); });
}

GroupCommit::~GroupCommit() { close(); }

void GroupCommit::close() {
  {
    std::lock_guard lk(mu_);
    closing_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_)
    if (t.joinable()) t.join();
  threads_.clear();
  // The writers are done: the syncer makes their last batches durable, then stops.
  {
    std::lock_guard lk(sync_mu_);
    sync_closing_ = true;
  }
  sync_cv_.notify_all();
  if (syncer_.joinable()) syncer_.join();
  conns_.clear();
}

void GroupCommit::fill(Stats& s) const {
  std::lock_guard lk(mu_);
  s.write_batches = stats_.write_batches;
  s.writes = stats_.writes;
  s.write_refused = stats_.write_refused;
  s.write_retries = stats_.write_retries;
  s.batch_size_buckets = stats_.batch_size_buckets;
  s.write_queue_depth = queue_.size();
}

void GroupCommit::submit(const std::function<void(Conn&)>& fn) {
  // A request coroutine suspends; any other caller blocks its thread.
  async::BlockingWaiter blocking;
  async::Waiter* w = async::Current() ? async::Current() : &blocking;
  Job job{&fn, w->deadline(), {}, {}};
  std::exception_ptr refused;
  w->suspend([&](async::Resume resume) {
    job.resume = std::move(resume);
    {
      std::lock_guard lk(mu_);
      if (closing_) {
        refused = std::make_exception_ptr(std::runtime_error("the store is closed"));
      } else if (queue_.size() >= opt_.max_queued_writes) {
        ++stats_.write_refused;
        refused = std::make_exception_ptr(AppError(ErrorKind::kUnavailable, "error.overloaded"));
      } else {
        queue_.push_back(&job);
        cv_.notify_one();
        return;
      }
    }
    auto r = std::move(job.resume);
    r();
  });
  if (refused) std::rethrow_exception(refused);
  if (job.error) std::rethrow_exception(job.error);
}

void GroupCommit::finish(std::vector<Done>& done) {
  std::vector<async::Resume> resumes;
  resumes.reserve(done.size());
  for (auto& d : done) {
    d.job->error = std::move(d.error);
    resumes.push_back(std::move(d.job->resume));
  }
  done.clear();
  async::ResumeAll(resumes);  // each job may be gone from its resumption on
}

void GroupCommit::loop(Conn& conn) {
  pthread_setname_np(pthread_self(), "fg-writer");
  std::vector<Job*> batch;
  for (;;) {
    {
      std::unique_lock lk(mu_);
      cv_.wait(lk, [&] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closing and drained
      take_locked(batch);          // under the same lock: another writer cannot empty the queue first
    }
    apply(conn, batch);
    batch.clear();
  }
}

void GroupCommit::sync() {
  std::function<void()> hook;
  if (g_hooked) {
    std::lock_guard lk(g_hook_mu);
    hook = g_before_sync;
  }
  try {
    if (hook) hook();
    steps_.sync();
  } catch (const std::exception& e) {
    FailedSync(e.what());
  } catch (...) {
    FailedSync("unknown error");
  }
}

void GroupCommit::sync_loop() {
  pthread_setname_np(pthread_self(), "fg-sync");
  std::vector<Done> done;
  for (;;) {
    {
      std::unique_lock lk(sync_mu_);
      sync_cv_.wait(lk, [&] { return sync_closing_ || !unsynced_.empty(); });
      if (unsynced_.empty()) return;  // closing and drained
      done.swap(unsynced_);
    }
    sync();
    finish(done);
  }
}

size_t GroupCommit::take(std::vector<Job*>& batch) {
  std::lock_guard lk(mu_);
  return take_locked(batch);
}

size_t GroupCommit::take_locked(std::vector<Job*>& batch) {
  const size_t n = std::min(queue_.size(), static_cast<size_t>(opt_.max_batch) - batch.size());
  batch.insert(batch.end(), queue_.begin(), queue_.begin() + static_cast<long>(n));
  queue_.erase(queue_.begin(), queue_.begin() + static_cast<long>(n));
  return n;
}

std::optional<size_t> GroupCommit::run_writes(Conn& conn, std::vector<Job*>& batch,
                                              std::vector<std::exception_ptr>& errors, std::vector<bool>& ran,
                                              bool bare, std::chrono::steady_clock::time_point started) {
  auto now = std::chrono::steady_clock::now();
  for (size_t i = 0;; ++i) {
    // Writes queued while this batch ran join it before it commits: their
    // callers were mostly resumed by the last commit and have written again
    // meanwhile, so one commit serves nearly all waiting writers instead of
    // every other commit serving half of them.
    if (i == batch.size()) {
      // Where commits do not wait for the disk, a batch that has run for
      // kJoinWindow commits: the writes it holds are answered while the
      // next batch runs, instead of every waiting writer joining one batch
      // and the writer then idling while they all answer and write again.
      if (steps_.sync && std::chrono::steady_clock::now() - started > kJoinWindow) return std::nullopt;
      if (take(batch) == 0) return std::nullopt;
      errors.resize(batch.size());
      ran.resize(batch.size(), false);
      now = std::chrono::steady_clock::now();
    }
    if (ran[i] || errors[i]) continue;
    if (now > batch[i]->deadline) {
      errors[i] = std::make_exception_ptr(AppError(ErrorKind::kUnavailable, "error.timeout"));
      continue;
    }
    ran[i] = true;
    if (steps_.write_begins) steps_.write_begins();
    if (bare) {
      const int64_t mark = steps_.change_mark();
      try {
        (*batch[i]->fn)(conn);
      } catch (...) {
        errors[i] = std::current_exception();
        if (steps_.write_undone) steps_.write_undone();
        if (steps_.change_mark() != mark) return i;  // it changed rows: part of it is in the transaction
      }
      continue;
    }
    conn.exec(kSavepoint);
    try {
      (*batch[i]->fn)(conn);
      conn.exec(kRelease);
    } catch (...) {
      errors[i] = std::current_exception();
      conn.exec(kRollbackTo);
      conn.exec(kRelease);
      if (steps_.write_undone) steps_.write_undone();
    }
  }
}

void GroupCommit::apply(Conn& conn, std::vector<Job*>& batch) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::exception_ptr> errors(batch.size());
  std::vector<bool> ran(batch.size(), false);
  std::exception_ptr commit_error;
  try {
    // Where the backend tells whether a failed write changed anything, writes
    // run bare, without a savepoint each (on SQLite a savepoint copies every
    // page a write changes into its journal): a refusal changes nothing
    // before it is raised, so it costs the batch nothing.
    bool bare = static_cast<bool>(steps_.change_mark);
    for (;;) {
      conn.exec(conn.backend() == Backend::kSqlite ? kBeginImmediate : kBegin);
      const std::optional<size_t> broken = run_writes(conn, batch, errors, ran, bare, started);
      if (!broken) break;
      // A bare write failed after changing rows (a fault, not a refusal):
      // the transaction holds part of it. The batch is rolled back and runs
      // again, each write in its savepoint, without that one (its error
      // stands) nor the writes refused or expired already.
      try {
        conn.exec_script("ROLLBACK");
      } catch (...) {  // the failure may have ended the transaction already
      }
      if (steps_.batch_undone) steps_.batch_undone();
      for (size_t j = 0; j < batch.size(); ++j)
        if (!errors[j]) ran[j] = false;
      bare = false;
    }
    if (steps_.before_commit) steps_.before_commit(conn);
    conn.exec(kCommit);
  } catch (...) {
    // The connection failed or the commit did: nothing of the batch is durable.
    commit_error = std::current_exception();
    try {
      conn.exec_script("ROLLBACK");
    } catch (...) {
    }
    if (steps_.batch_undone) steps_.batch_undone();
  }
  {
    std::lock_guard lk(mu_);
    ++stats_.write_batches;
    stats_.writes += batch.size();
    size_t b = 0;
    while (b + 1 < stats_.batch_size_buckets.size() && (size_t{1} << b) < batch.size()) ++b;
    ++stats_.batch_size_buckets[b];
  }
  // Before any writer resumes: what follows a commit (counting watched
  // changes, waking the sealer) is done by the time a caller sees its answer.
  if (!commit_error && steps_.after_commit) steps_.after_commit();
  // A write PostgreSQL aborted for a reason a retry cures (two batches took
  // the same row locks in opposite orders) left nothing behind: its savepoint
  // or the whole transaction was rolled back. It runs again in a later batch,
  // ahead of newer writes, up to kAttempts times in all.
  std::vector<Job*> again;
  std::vector<Done> done;
  done.reserve(batch.size());
  for (size_t i = 0; i < batch.size(); ++i) {
    // A write that ran shares its batch's fate; one the batch never reached
    // (its BEGIN or an earlier statement failed) was not applied either.
    std::exception_ptr error = errors[i];
    if (commit_error && (ran[i] || !error)) error = commit_error;
    if (error && IsRetryable(error) && ++batch[i]->attempts < kAttempts) {
      again.push_back(batch[i]);
      continue;
    }
    done.push_back({batch[i], error});
  }
  if (!commit_error && steps_.sync) {
    // Durable at the syncer's next sync; the writer goes on with the writes
    // that come meanwhile, instead of waiting for the disk with them queued.
    {
      std::lock_guard lk(sync_mu_);
      unsynced_.insert(unsynced_.end(), done.begin(), done.end());
    }
    sync_cv_.notify_one();
  } else {
    finish(done);
  }
  if (!again.empty()) {
    {
      std::lock_guard lk(mu_);
      stats_.write_retries += again.size();
      queue_.insert(queue_.begin(), again.begin(), again.end());
    }
    cv_.notify_one();
  }
}

namespace testing {
void SetBeforeSync(std::function<void()> hook) {
  std::lock_guard lk(g_hook_mu);
  g_hooked = static_cast<bool>(hook);
  g_before_sync = std::move(hook);
}
}  // namespace testing

}  // namespace fg::db
