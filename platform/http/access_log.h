// The access log: one line per request on standard output, written through a
// per-thread buffer (as nginx's `access_log ... buffer=`). A request only
// appends to memory; the buffer is written when it holds 32 KiB, and the
// server flushes every io thread's buffer four times a second and at exit.
// No lock, no wake-up of another thread per request.
#pragma once
#include <string_view>

namespace fg::http::access_log {

void Enable(bool on);
bool Enabled();
// Appends one line (without its newline) to this thread's buffer.
void Append(std::string_view line);
// Writes this thread's buffer out.
void Flush();

}  // namespace fg::http::access_log
