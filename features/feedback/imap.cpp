#include "features/feedback/imap.h"

#include <arpa/inet.h>
#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <boost/url/parse.hpp>
#include <cctype>

#include "platform/net/curl.h"
#include "platform/text/text.h"

namespace fg::feedback::imap {
namespace {

struct Sink {
  std::string data;  // at most `max` bytes: the start of a larger answer
  size_t max = 0;
  bool too_large = false;
};

size_t Collect(char* p, size_t size, size_t n, void* out) {
  auto* s = static_cast<Sink*>(out);
  if (s->data.size() + size * n > s->max) {
    s->data.append(p, s->max - s->data.size());
    s->too_large = true;
    return 0;  // stops the transfer
  }
  s->data.append(p, size * n);
  return size * n;
}

int Progress(void* cancel, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return cancel && static_cast<const std::atomic<bool>*>(cancel)->load() ? 1 : 0;  // non-zero aborts
}

bool FolderChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '.' || c == '_' || c == '-' || c == '/';
}

Error::Kind KindOf(CURLcode code) {
  switch (code) {
    case CURLE_LOGIN_DENIED: return Error::Kind::kLogin;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT: return Error::Kind::kConnect;
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION: return Error::Kind::kTls;
    default: return Error::Kind::kOther;
  }
}

}  // namespace

bool IsLoopback(std::string_view host) {
  if (host == "localhost" || host == "::1" || host == "[::1]") return true;
  in_addr a{};
  return inet_pton(AF_INET, std::string(host).c_str(), &a) == 1 && (ntohl(a.s_addr) >> 24) == 127;
}

bool SameServer(const Address& a, const Address& b) {
  const auto port = [](const Address& x) { return x.port ? x.port : x.scheme == "imaps" ? 993 : 143; };
  std::string ha = a.host, hb = b.host;
  for (auto* h : {&ha, &hb})
    for (auto& c : *h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return a.scheme == b.scheme && ha == hb && port(a) == port(b);
}

std::optional<Address> ParseAddress(std::string_view url) {
  const std::string trimmed = text::Trim(url);  // the view below points into it
  auto u = boost::urls::parse_absolute_uri(trimmed);
  if (!u) return std::nullopt;
  Address a;
  a.scheme = u->scheme();
  for (auto& c : a.scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (a.scheme != "imap" && a.scheme != "imaps") return std::nullopt;
  if (!u->has_authority() || u->has_userinfo() || u->has_query() || u->has_fragment()) return std::nullopt;
  a.host = u->encoded_host_address();
  if (a.host.empty()) return std::nullopt;
  if (u->has_port()) {
    const auto port = text::ParseInt64(u->port());
    if (!port || *port < 1 || *port > 65535) return std::nullopt;
    a.port = static_cast<int>(*port);
  }
  std::string folder = u->path();  // decoded
  while (!folder.empty() && folder.front() == '/') folder.erase(0, 1);
  while (!folder.empty() && folder.back() == '/') folder.pop_back();
  if (folder.size() > 100 || !std::all_of(folder.begin(), folder.end(), FolderChar)) return std::nullopt;
  a.folder = folder.empty() ? "INBOX" : folder;
  return a;
}

std::optional<int64_t> UidValidityOf(std::string_view examine) {
  const std::string_view tag = "[UIDVALIDITY ";
  const size_t at = examine.find(tag);
  if (at == std::string_view::npos) return std::nullopt;
  const size_t from = at + tag.size();
  const size_t end = examine.find(']', from);
  if (end == std::string_view::npos) return std::nullopt;
  return text::ParseInt64(examine.substr(from, end - from));
}

std::vector<int64_t> UidsOf(std::string_view search) {
  std::vector<int64_t> out;
  size_t pos = 0;
  while (pos < search.size()) {
    size_t end = search.find('\n', pos);
    if (end == std::string_view::npos) end = search.size();
    std::string_view line = search.substr(pos, end - pos);
    pos = end + 1;
    if (!line.starts_with("* SEARCH")) continue;
    line.remove_prefix(8);
    while (!line.empty()) {
      while (!line.empty() && (line.front() == ' ' || line.front() == '\r')) line.remove_prefix(1);
      const size_t sp = std::min(line.find(' '), line.size());
      std::string_view word = line.substr(0, sp);
      while (!word.empty() && word.back() == '\r') word.remove_suffix(1);
      if (auto n = text::ParseInt64(word); n && *n > 0) out.push_back(*n);
      line.remove_prefix(sp);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Session::Session(Account account) : account_(std::move(account)) {
  net::InitCurl();
  curl_ = curl_easy_init();
  if (!curl_) throw Error(Error::Kind::kOther, "curl_easy_init failed");
}

Session::~Session() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

std::string Session::Base() const {
  const auto& a = account_.address;
  std::string host = a.host.find(':') != std::string::npos && !a.host.starts_with("[") ? "[" + a.host + "]" : a.host;
  return a.scheme + "://" + host + (a.port ? ":" + std::to_string(a.port) : "") + "/";
}

std::string Session::FolderUrl() const {
  std::string out = Base();
  for (char c : account_.address.folder) out += c == ' ' ? std::string("%20") : std::string(1, c);
  return out;
}

std::string Session::Run(const std::string& url, const std::string& command, size_t max_bytes, bool* too_large) {
  CURL* h = static_cast<CURL*>(curl_);
  Sink sink;
  sink.max = max_bytes;
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_USERNAME, account_.username.c_str());
  curl_easy_setopt(h, CURLOPT_PASSWORD, account_.password.c_str());
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, command.empty() ? nullptr : command.c_str());
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, Collect);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 15L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(account_.timeout.count()));
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "imap,imaps");
  // Plain imap:// upgrades with STARTTLS, or fails; only a loopback server may stay in clear.
  curl_easy_setopt(
      h, CURLOPT_USE_SSL,
      account_.address.scheme == "imap" && IsLoopback(account_.address.host) ? CURLUSESSL_TRY : CURLUSESSL_ALL);
  curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, Progress);
  curl_easy_setopt(h, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(account_.cancel));
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  const CURLcode code = curl_easy_perform(h);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, nullptr);
  if (code == CURLE_WRITE_ERROR && sink.too_large && too_large) {
    *too_large = true;
    return std::move(sink.data);
  }
  if (code != CURLE_OK)
    throw Error(KindOf(code), std::string(curl_easy_strerror(code)) + (error[0] ? std::string(": ") + error : ""));
  return std::move(sink.data);
}

int64_t Session::UidValidity() {
  const std::string out = Run(Base(), "EXAMINE \"" + account_.address.folder + "\"", 64 * 1024, nullptr);
  auto v = UidValidityOf(out);
  if (!v) throw Error(Error::Kind::kOther, "no UIDVALIDITY in the answer to EXAMINE");
  return *v;
}

std::vector<int64_t> Session::UidsAfter(int64_t uid) {
  auto all = UidsOf(Run(FolderUrl(), "UID SEARCH UID " + std::to_string(uid + 1) + ":*", 4 * 1024 * 1024, nullptr));
  // "n:*" names the last message even when its UID is below n.
  std::erase_if(all, [uid](int64_t u) { return u <= uid; });
  return all;
}

std::optional<std::string> Session::Fetch(int64_t uid, size_t max_bytes) {
  bool too_large = false;
  std::string raw = Run(FolderUrl() + "/;UID=" + std::to_string(uid), "", max_bytes, &too_large);
  // curl fetches BODY[], which marks the message seen: the mailbox's other readers see it was taken.
  if (too_large) return std::nullopt;
  return raw;
}

std::string Session::Header(int64_t uid) {
  bool too_large = false;  // a header over 1 MB: its start is enough to name the sender and the subject
  return Run(FolderUrl() + "/;UID=" + std::to_string(uid) + "/;SECTION=HEADER", "", 1024 * 1024, &too_large);
}

}  // namespace fg::feedback::imap
