// What citizens read without logging in: communes and wards found by name.
//
// Search runs over an in-memory index of the commune-level units (PlaceIndex),
// not over SQL: names are matched by the beginnings of their words without
// diacritics, which a B-tree column can only do for the start of the whole name
// (and one SQL text for both backends rules out collations or extensions). The
// units table is small (about 3,300 communes in force nationwide, some 15,000
// rows with the pre-2025 ones: a few MB), so the index is rebuilt whole. It is
// built on first use and rebuilt when the units table's state (count, latest
// updated_at) changes, checked at most once a second, so a change made through
// any page, the API, a CSV import, the CLI or another server process is seen
// within a second without hooks in the org feature. For 5 seconds after the
// latest change the places are re-read at each look: on PostgreSQL a write
// stamped earlier may commit after a later one (writes are stamped inside their
// group commit, which ends well within that), which the signature alone would
// miss. A rebuild at 15,000 units takes about 0.75 s in the sanitizer build
// (SQL 0.1 s, the rest folding and sorting, done on a thread of its own);
// searches then take 5-20 ms there, page included. Requests that come while
// one rebuilds use the previous index.
#pragma once
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "features/public/rules.h"
#include "platform/async/pool.h"
#include "platform/db/db.h"

namespace fg::pub {

// Whether a change stamped `latest` (UTC text) may still have company: a write
// stamped earlier that has not committed yet (within 5 seconds).
bool Recent(const std::string& latest);

class Service {
 public:
  // `check_every`: how often the units table's state is looked at (tests: 0).
  explicit Service(db::Db& db, std::chrono::milliseconds check_every = std::chrono::seconds(1))
      : db_(db), check_every_(check_every) {}

  // Places whose names start words with those of `query` (see PlaceIndex).
  // The query is checked as typed text (field "ten": required, at most
  // kMaxQueryChars); one without letters or digits finds nothing.
  SearchResult Search(const std::string& query);
  // The places in force today, when there are at most kMaxListed (a small
  // site lists them on its home page); else none.
  std::vector<Place> ListIfFew();
  // Every place in force today, by name (the sitemap).
  std::vector<Place> InForce();
  // The commune-level unit with this code, or nullopt.
  std::optional<Place> Find(const std::string& code);

  // The index now (rebuilt when the units changed); exposed for tests.
  std::shared_ptr<const PlaceIndex> Index();

 private:
  db::Db& db_;
  const std::chrono::milliseconds check_every_;
  std::mutex mu_;
  std::shared_ptr<const PlaceIndex> index_;  // immutable; swapped whole
  std::string signature_;
  std::string latest_change_;
  std::chrono::steady_clock::time_point checked_{};
  // Builds indexes off the io threads: one thread at low priority; only the
  // first requests (before any index) can queue several builds.
  async::BlockingPool builder_{1, 64, 10};
};

}  // namespace fg::pub
