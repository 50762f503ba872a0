// Shared by the libFuzzer targets in this directory (see docs/fuzzing.md).
#pragma once
#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>

// An invariant of the code under test: a violation is a crash libFuzzer
// reports and saves (crash-<sha1>), like a sanitizer finding.
#define FG_FUZZ_CHECK(cond)                                                             \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                     \
    }                                                                                   \
  } while (0)

namespace fg::fuzz {

// Once per process: no log output (missing keys warn; that is not a finding).
inline void Quiet() { spdlog::set_level(spdlog::level::off); }

}  // namespace fg::fuzz
