#include "features/notify/channels.h"

#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <deque>
#include <mutex>

#include <algorithm>
#include <boost/json.hpp>
#include <cstring>
#include <ctime>
#include <sstream>
#include <vector>

#include "features/notify/rules.h"
#include "platform/auth/crypto.h"
#include "platform/net/curl.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::notify {
namespace {

namespace json = boost::json;

std::string Get(const std::map<std::string, std::string>& m, const std::string& k, const std::string& def = "") {
  auto it = m.find(k);
  return it == m.end() || it->second.empty() ? def : it->second;
}
long TimeoutMs(const Channel& ch) {
  try {
    return std::clamp(std::stol(Get(ch.config, "timeout_ms", "10000")), 100L, 120000L);
  } catch (...) {
    return 10000;
  }
}

struct Curl {
  CURL* h = curl_easy_init();
  curl_slist* headers = nullptr;
  curl_slist* rcpt = nullptr;
  ~Curl() {
    if (headers) curl_slist_free_all(headers);
    if (rcpt) curl_slist_free_all(rcpt);
    if (h) curl_easy_cleanup(h);
  }
};

size_t Collect(char* p, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(p, size * n);
  return size * n;
}

struct Upload {
  std::string data;
  size_t pos = 0;
};
size_t Feed(char* p, size_t size, size_t n, void* in) {
  auto* u = static_cast<Upload*>(in);
  const size_t len = std::min(size * n, u->data.size() - u->pos);
  std::copy_n(u->data.data() + u->pos, len, p);
  u->pos += len;
  return len;
}

// Base64 wrapped at 76 characters (RFC 2045).
std::string Wrapped(const std::string& b64) {
  std::string out;
  for (size_t i = 0; i < b64.size(); i += 76) out += b64.substr(i, 76) + "\r\n";
  return out;
}

std::string JsonEscaped(const std::string& s) {
  std::string q = json::serialize(json::value(s));
  return q.substr(1, q.size() - 2);
}
std::string FormEscaped(const std::string& s) {
  std::string out;
  char buf[4];
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      std::snprintf(buf, sizeof buf, "%%%02X", ch);
      out += buf;
    }
  }
  return out;
}

std::string Fill(std::string tpl, const std::map<std::string, std::string>& values) {
  std::string out;
  for (size_t i = 0; i < tpl.size();) {
    if (tpl[i] == '{') {
      const size_t close = tpl.find('}', i);
      if (close != std::string::npos) {
        auto it = values.find(tpl.substr(i + 1, close - i - 1));
        if (it != values.end()) {
          out += it->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += tpl[i++];
  }
  return out;
}

struct HttpAnswer {
  CURLcode code = CURLE_OK;
  long status = 0;
  std::string body;
};

HttpAnswer Http(const std::string& method, const std::string& url, const std::vector<std::string>& headers,
                const std::string& body, long timeout_ms) {
  net::InitCurl();
  Curl c;
  HttpAnswer a;
  for (auto& h : headers) c.headers = curl_slist_append(c.headers, h.c_str());
  curl_easy_setopt(c.h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c.h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c.h, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt(c.h, CURLOPT_CONNECTTIMEOUT_MS, std::min(timeout_ms, 5000L));
  curl_easy_setopt(c.h, CURLOPT_HTTPHEADER, c.headers);
  curl_easy_setopt(c.h, CURLOPT_WRITEFUNCTION, Collect);
  curl_easy_setopt(c.h, CURLOPT_WRITEDATA, &a.body);
  curl_easy_setopt(c.h, CURLOPT_PROTOCOLS_STR, "http,https");
  if (method == "GET") {
    curl_easy_setopt(c.h, CURLOPT_HTTPGET, 1L);
  } else {
    curl_easy_setopt(c.h, CURLOPT_CUSTOMREQUEST, method.c_str());
    curl_easy_setopt(c.h, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(c.h, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  a.code = curl_easy_perform(c.h);
  curl_easy_getinfo(c.h, CURLINFO_RESPONSE_CODE, &a.status);
  if (a.body.size() > 4096) a.body.resize(4096);
  return a;
}

SendResult SendSms(const Channel& ch, const Outgoing& m) {
  const auto& cfg = ch.config;
  const std::string url = Get(cfg, "url");
  if (url.empty()) return {false, true, "", "sms: no url"};
  const std::string enc = Get(cfg, "body_encoding", "json");
  auto esc = [&](const std::string& s) { return enc == "json" ? JsonEscaped(s) : enc == "form" ? FormEscaped(s) : s; };
  const std::string text = Get(cfg, "ascii") == "1" ? StripDiacritics(m.text) : m.text;
  const std::map<std::string, std::string> values = {{"phone", esc(Msisdn(m.phone))},
                                                     {"text", esc(text)},
                                                     {"idempotency_key", esc(m.idem_key)},
                                                     {"callback_url", esc(m.callback_url)}};
  const std::string body =
      Fill(Get(cfg, "body", R"({"to":"{phone}","text":"{text}","id":"{idempotency_key}"})"), values);
  std::vector<std::string> headers;
  std::istringstream hs(Get(cfg, "headers"));
  for (std::string line; std::getline(hs, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) headers.push_back(Fill(line, values));
  }
  if (const std::string auth = Get(cfg, "auth_header"); !auth.empty()) headers.push_back(auth);
  if (enc == "json") headers.emplace_back("Content-Type: application/json; charset=utf-8");
  if (enc == "form") headers.emplace_back("Content-Type: application/x-www-form-urlencoded");
  headers.push_back("Idempotency-Key: " + m.idem_key);
  const auto a = Http(Get(cfg, "method", "POST"), url, headers, body, TimeoutMs(ch));
  if (a.code != CURLE_OK) return {false, false, "", std::string("sms: ") + curl_easy_strerror(a.code)};
  const std::string want = Get(cfg, "success_status");
  const bool status_ok = want.empty() ? (a.status >= 200 && a.status < 300) : std::to_string(a.status) == want;
  if (!status_ok) return {false, false, "", "sms: HTTP " + std::to_string(a.status)};
  if (const std::string p = Get(cfg, "success_json_path");
      !p.empty() && JsonPath(a.body, p) != Get(cfg, "success_value"))
    return {false, false, "", "sms: " + p + " = '" + JsonPath(a.body, p) + "'"};
  if (const std::string p = Get(cfg, "success_pattern"); !p.empty() && a.body.find(p) == std::string::npos)
    return {false, false, "", "sms: answer without '" + p + "'"};
  return {true, false, JsonPath(a.body, Get(cfg, "message_id_path", "id")), ""};
}

// One call of Zalo's API (the OA's access token; success is "error": 0); `id_path`: the message id in the answer.
SendResult ZaloCall(const Channel& ch, const std::string& url, const json::object& body, const char* id_path) {
  const auto a =
      Http("POST", url, {"Content-Type: application/json", "access_token: " + Get(ch.config, "access_token")},
           json::serialize(body), TimeoutMs(ch));
  if (a.code != CURLE_OK) return {false, false, "", std::string("zalo: ") + curl_easy_strerror(a.code)};
  if (a.status < 200 || a.status >= 300) return {false, false, "", "zalo: HTTP " + std::to_string(a.status)};
  const std::string err = JsonPath(a.body, "error");
  if (err != "0") return {false, false, "", "zalo: error " + err + " " + JsonPath(a.body, "message")};
  return {true, false, JsonPath(a.body, id_path), ""};
}

SendResult SendZalo(const Channel& ch, const Outgoing& m) {
  const auto& cfg = ch.config;
  if (!m.zalo_user_id.empty()) {
    // The OA's consultation message, in the chat of a citizen who wrote to the OA:
    // the text itself (Zalo takes at most 2,000 characters), no template.
    json::object body{{"recipient", json::object{{"user_id", m.zalo_user_id}}},
                      {"message", json::object{{"text", text::Cut(m.text, 1997)}}}};
    return ZaloCall(ch, Get(cfg, "cs_url", "https://openapi.zalo.me/v3.0/oa/message/cs"), body, "data.message_id");
  }
  const std::string tpl = Get(cfg, "template_" + m.event);
  if (tpl.empty()) return {false, true, "", "zalo: no template for " + m.event};
  json::object data;
  for (auto& [k, v] : m.params) data[k] = v;
  json::object body{
      {"phone", Msisdn(m.phone)}, {"template_id", tpl}, {"template_data", data}, {"tracking_id", m.idem_key}};
  return ZaloCall(ch, Get(cfg, "url", "https://business.openapi.zalo.me/message/template"), body, "data.msg_id");
}

// One call of Messenger's Send API (the page's token as a bearer; success is a
// message_id). `tag` empty: a standard reply (within 24 hours of the citizen's
// last message); else a tagged one. Graph errors that a retry cannot cure are
// permanent, so that the next channel is tried: 10 (outside the window), 100
// (no such person for the page), 200 (not allowed to reach them), 551 (the
// person is unavailable). An expired token (190) waits for the administrator.
SendResult FacebookCall(const Channel& ch, const Outgoing& m, const std::string& tag, std::string* code) {
  json::object body{{"recipient", json::object{{"id", m.facebook_user_id}}},
                    {"messaging_type", tag.empty() ? "RESPONSE" : "MESSAGE_TAG"},
                    {"message", json::object{{"text", text::Cut(m.text, 1997)}}}};
  if (!tag.empty()) body["tag"] = tag;
  const auto a = Http("POST", Get(ch.config, "url", "https://graph.facebook.com/v19.0/me/messages"),
                      {"Content-Type: application/json", "Authorization: Bearer " + Get(ch.config, "access_token")},
                      json::serialize(body), TimeoutMs(ch));
  if (a.code != CURLE_OK) return {false, false, "", std::string("facebook: ") + curl_easy_strerror(a.code)};
  if (a.status >= 200 && a.status < 300) {
    const std::string id = JsonPath(a.body, "message_id");
    if (id.empty()) return {false, false, "", "facebook: answer without message_id"};
    return {true, false, id, ""};
  }
  *code = JsonPath(a.body, "error.code");
  const bool permanent = *code == "10" || *code == "100" || *code == "200" || *code == "551";
  return {false, permanent, "",
          "facebook: HTTP " + std::to_string(a.status) +
              (code->empty() ? "" : " error " + *code + " " + JsonPath(a.body, "error.message"))};
}

// A standard reply first; outside its 24 hours (error 10), the same text tagged
// HUMAN_AGENT, which Messenger takes up to 7 days after the citizen's last
// message (the page's app needs Meta's Human Agent permission for it).
SendResult SendFacebook(const Channel& ch, const Outgoing& m) {
  if (m.facebook_user_id.empty()) return {false, true, "", "facebook: only to one who wrote to the page"};
  std::string code;
  SendResult r = FacebookCall(ch, m, "", &code);
  if (!r.ok && code == "10") r = FacebookCall(ch, m, "HUMAN_AGENT", &code);
  return r;
}

SendResult SendEmail(const Channel& ch, const Outgoing& m) {
  const auto& cfg = ch.config;
  const std::string url = Get(cfg, "url"), from = Get(cfg, "from");
  if (url.empty() || from.empty()) return {false, true, "", "email: no url or sender"};
  net::InitCurl();
  Curl c;
  Upload up{MimeMessage(from, m.email, m, FormatUtc(Now())), 0};
  c.rcpt = curl_slist_append(nullptr, ("<" + m.email + ">").c_str());
  curl_easy_setopt(c.h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c.h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c.h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(c.h, CURLOPT_TIMEOUT_MS, TimeoutMs(ch));
  curl_easy_setopt(c.h, CURLOPT_MAIL_FROM, ("<" + from + ">").c_str());
  curl_easy_setopt(c.h, CURLOPT_MAIL_RCPT, c.rcpt);
  curl_easy_setopt(c.h, CURLOPT_READFUNCTION, Feed);
  curl_easy_setopt(c.h, CURLOPT_READDATA, &up);
  curl_easy_setopt(c.h, CURLOPT_UPLOAD, 1L);
  const std::string user = Get(cfg, "username"), pass = Get(cfg, "password");
  // A password never travels in clear: with a user, TLS is required (STARTTLS
  // on smtp://; smtps:// is TLS from the start).
  if (Get(cfg, "starttls") == "1" || (!user.empty() && !url.starts_with("smtps://")))
    curl_easy_setopt(c.h, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  if (!user.empty()) {
    curl_easy_setopt(c.h, CURLOPT_USERNAME, user.c_str());
    curl_easy_setopt(c.h, CURLOPT_PASSWORD, pass.c_str());
  }
  const CURLcode rc = curl_easy_perform(c.h);
  if (rc != CURLE_OK) {
    long status = 0;
    curl_easy_getinfo(c.h, CURLINFO_RESPONSE_CODE, &status);
    return {false, PermanentSmtpFailure(rc == CURLE_LOGIN_DENIED, status), "",
            "email: " + std::string(curl_easy_strerror(rc)) + (status ? " (" + std::to_string(status) + ")" : "")};
  }
  return {true, false, "<" + m.idem_key + "@friendlygov>", ""};
}

}  // namespace

bool IsSecret(const std::string& key) {
  return key == "password" || key == "access_token" || key == "auth_header" || key.find("secret") != std::string::npos;
}

std::string MimeMessage(const std::string& from, const std::string& to, const Outgoing& m, const std::string& date) {
  const std::string boundary = "fg-" + m.idem_key;
  std::string date_header;
  if (auto t = ParseUtc(date)) {
    const std::time_t tt = std::chrono::system_clock::to_time_t(*t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
    date_header = buf;
  }
  std::string s;
  s += "Date: " + date_header + "\r\n";
  s += "From: <" + from + ">\r\n";
  s += "To: <" + to + ">\r\n";
  s += "Subject: =?UTF-8?B?" + auth::Base64(m.subject) + "?=\r\n";
  s += "Message-ID: <" + m.idem_key + "@friendlygov>\r\n";
  s += "MIME-Version: 1.0\r\n";
  s += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  s += "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  s += Wrapped(auth::Base64(m.text));
  s += "--" + boundary + "\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  s += Wrapped(auth::Base64(m.html));
  s += "--" + boundary + "--\r\n";
  return s;
}

bool PermanentSmtpFailure(bool login_denied, long status) {
  // Only the recipient's mailbox refused (550-553) or the message refused (554)
  // will not pass later; a refused login or TLS is the unit's setting to fix,
  // and the message waits for it.
  return !login_denied && status >= 550 && status <= 554;
}

std::string JsonPath(const std::string& json_text, const std::string& path) {
  boost::system::error_code ec;
  json::value v = json::parse(json_text, ec);
  if (ec) return {};
  const json::value* cur = &v;
  std::istringstream ps(path);
  for (std::string part; std::getline(ps, part, '.');) {
    if (!cur->is_object()) return {};
    const auto* next = cur->as_object().if_contains(part);
    if (!next) return {};
    cur = next;
  }
  if (cur->is_string()) return std::string(cur->as_string());
  if (cur->is_int64()) return std::to_string(cur->as_int64());
  if (cur->is_uint64()) return std::to_string(cur->as_uint64());
  if (cur->is_bool()) return cur->as_bool() ? "true" : "false";
  if (cur->is_null()) return {};
  return json::serialize(*cur);
}

namespace {
std::mutex g_log_mu;
std::deque<LoggedMessage> g_log;  // newest first
}  // namespace

std::vector<LoggedMessage> LoggedMessages() {
  std::lock_guard lk(g_log_mu);
  return {g_log.begin(), g_log.end()};
}

SendResult Send(const Channel& ch, const Outgoing& m) {
  if (ch.name == "log") {
    spdlog::info("notify log channel: {} {} {}", m.idem_key, m.event, m.text);
    std::lock_guard lk(g_log_mu);
    g_log.push_front({FormatUtc(Now()), m});
    if (g_log.size() > kLogKept) g_log.pop_back();
    return {true, false, m.idem_key, ""};
  }
  if (ch.name == "sms") return SendSms(ch, m);
  if (ch.name == "email") return SendEmail(ch, m);
  if (ch.name == "zalo") return SendZalo(ch, m);
  if (ch.name == "facebook") return SendFacebook(ch, m);
  return {false, true, "", "unknown channel " + ch.name};
}

}  // namespace fg::notify
