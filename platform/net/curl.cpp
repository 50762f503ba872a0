#include "platform/net/curl.h"

#include <curl/curl.h>

#include <mutex>

namespace fg::net {

void InitCurl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace fg::net
