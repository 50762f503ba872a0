// Scratch files of a test process.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <string>

namespace fg::testing {

// A path in the temporary directory, unique to this process, with whatever an
// earlier run left there removed (an SQLite database's -wal and -shm too).
inline std::string TempPath(const std::string& name) {
  const auto p = std::filesystem::temp_directory_path() / ("fg_" + std::to_string(getpid()) + "_" + name);
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + ext);
  return p.string();
}

}  // namespace fg::testing
