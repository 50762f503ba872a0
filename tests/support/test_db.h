// Fresh, migrated stores for tests, on SQLite (a temporary file) or on the
// throwaway PostgreSQL server. Storage tests are parameterised over both.
#pragma once
#include <unistd.h>
#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "platform/auth/crypto.h"
#include "platform/db/db.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/source_dir.h"
#include "tests/support/pg_server.h"
#include "tests/support/temp_path.h"

namespace fg::testing {

inline std::unique_ptr<db::Db> OpenTestDb(const std::string& backend, const db::Options& opt = {}) {
  static std::atomic<int> n{0};
  auth::InitCrypto();
  render::LoadMessages(FG_SOURCE_DIR);
  std::string name = "fgt_" + std::to_string(getpid()) + "_" + std::to_string(++n);
  std::unique_ptr<db::Db> db;
  if (backend == "sqlite") {
    db = db::OpenSqlite(TempPath(name + ".db"), opt);
  } else {
    auto& pg = SharedPg();
    if (!pg.ok()) throw std::runtime_error("PostgreSQL test server: " + pg.error());
    db = db::OpenPostgres(pg.url(name), opt);
  }
  db::Migrate(*db, std::string(FG_SOURCE_DIR) + "/platform/db/migrations");
  return db;
}

// The kind of the AppError `f` throws (a test failure if it throws none).
inline ErrorKind KindOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const AppError& e) {
    return e.kind();
  }
  ADD_FAILURE() << "no AppError thrown";
  return ErrorKind::kUnavailable;
}

// Every problem of the bad-input AppError `f` throws, field -> message key (a
// test failure, and {}, if it throws none).
inline std::map<std::string, std::string> ProblemsOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const AppError& e) {
    std::map<std::string, std::string> out;
    for (const auto& p : e.problems()) out.emplace(p.field, p.key);
    return out;
  }
  ADD_FAILURE() << "no AppError thrown";
  return {};
}

inline std::string BackendName(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

#define FG_BOTH_BACKENDS(Suite) \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite, ::testing::Values("sqlite", "postgresql"), fg::testing::BackendName)

}  // namespace fg::testing
