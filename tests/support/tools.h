// Command-line tools run on bytes a test produced (pdftotext, pdfinfo, unzip).
#pragma once
#include <string>

namespace fg::testing {

// Writes `bytes` to a temporary file named *`ext`, runs `command FILE after`
// and returns its output (standard output and error); the file is removed.
std::string RunTool(const std::string& command, const std::string& bytes, const std::string& ext,
                    const std::string& after = "");

// The value of `key` in pdfinfo's output ("Page size" -> "419.528 x 595.276 pts").
std::string InfoField(const std::string& info, const std::string& key);

}  // namespace fg::testing
