// libcurl's process-wide set-up (curl_global_init), done once. main() calls it
// before any thread starts, so OpenSSL's own start-up (and its per-thread
// error state) belongs to the main thread rather than to whichever worker
// first sends an e-mail or reads a mailbox; features call it again before
// their first transfer (tests have no main() of ours).
#pragma once

namespace fg::net {
void InitCurl();
}  // namespace fg::net
