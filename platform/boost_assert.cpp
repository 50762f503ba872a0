// What a failed BOOST_ASSERT does in builds that check assertions (Debug, the
// sanitizer and fuzzing builds; CMake defines BOOST_ENABLE_ASSERT_DEBUG_HANDLER
// everywhere, so Release builds compile assertions out as before).
//
// One assertion of Boost.Beast 1.81 is wrong, and a client can reach it: the
// chunked-body parser asserts that at least 5 bytes are buffered when it comes
// back to a final chunk ("0\r\n") whose end has not arrived, but a client that
// sends "0\r\n", then "\r", then "\n" brings it back with 4. The code after the
// assertion handles that case (it waits for more bytes); upstream corrected the
// assertion in Boost 1.86 (boostorg/beast pull request 2861). That assertion, at
// that place, is let pass; every other one prints and aborts as assert() does.
#include <boost/assert.hpp>

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

bool KnownWrong(std::string_view expr, std::string_view file) {
  return expr == "n >= 5" && file.ends_with("boost/beast/http/impl/basic_parser.ipp");
}

[[noreturn]] void Fail(const char* expr, const char* msg, const char* function, const char* file, long line) {
  std::fprintf(stderr, "%s:%ld: %s: Assertion `%s' failed.%s%s\n", file, line, function, expr, msg ? " " : "",
               msg ? msg : "");
  std::fflush(stderr);
  std::abort();
}

}  // namespace

namespace boost {

void assertion_failed(char const* expr, char const* function, char const* file, long line) {
  if (KnownWrong(expr, file)) return;
  Fail(expr, nullptr, function, file, line);
}

void assertion_failed_msg(char const* expr, char const* msg, char const* function, char const* file, long line) {
  Fail(expr, msg, function, file, line);
}

}  // namespace boost
