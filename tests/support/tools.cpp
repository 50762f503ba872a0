#include "tests/support/tools.h"

#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fg::testing {

std::string RunTool(const std::string& command, const std::string& bytes, const std::string& ext,
                    const std::string& after) {
  static std::atomic<int> n = 0;
  const auto path = std::filesystem::temp_directory_path() /
                    ("fg_tool_" + std::to_string(getpid()) + "_" + std::to_string(++n) + ext);
  std::ofstream(path, std::ios::binary) << bytes;
  std::string out;
  if (FILE* p = popen((command + " " + path.string() + " " + after + " 2>&1").c_str(), "r")) {
    std::array<char, 4096> buf;
    size_t got;
    while ((got = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), got);
    pclose(p);
  }
  std::filesystem::remove(path);
  return out;
}

std::string InfoField(const std::string& info, const std::string& key) {
  std::istringstream in(info);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(key + ":", 0) == 0) {
      size_t start = key.size() + 1;
      while (start < line.size() && line[start] == ' ') ++start;
      return line.substr(start);
    }
  return "";
}

}  // namespace fg::testing
