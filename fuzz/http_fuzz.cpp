// HTTP requests as the server reads them: bytes through Beast's request_parser
// (the limits the server sets), converted to http::Request with the same
// Request::set_target / add_header the server uses, then every accessor handlers use.
// The raw input also goes straight to the decoding functions, so they are
// exercised even where Beast refuses the message.
#include <boost/beast/core/buffers_prefix.hpp>
#include <boost/beast/http.hpp>

#include "fuzz/fuzz.h"
#include "platform/http/message.h"

namespace bhttp = boost::beast::http;
using namespace fg::http;

namespace {

// As Server::Convert (platform/http/server.cpp) builds it, from the same
// Request::set_target and add_header.
Request Convert(const bhttp::request<bhttp::string_body>& in) {
  Request r;
  r.method = std::string(in.method_string());
  r.set_target(in.target());
  for (const auto& f : in) r.add_header(f.name_string(), f.value());
  r.body = in.body();
  r.remote_addr = "127.0.0.1";
  return r;
}

void CheckDecoding(std::string_view s) {
  for (bool plus : {true, false}) {
    const std::string d = UrlDecode(s, plus);
    FG_FUZZ_CHECK(d.size() <= s.size());
  }
  // Encoding then decoding gives the bytes back, in both modes.
  const std::string e = UrlEncode(s);
  FG_FUZZ_CHECK(UrlDecode(e, true) == s);
  FG_FUZZ_CHECK(UrlDecode(e, false) == s);
  size_t pairs = 0;
  for (auto& [k, v] : ParseUrlEncoded(s)) {
    FG_FUZZ_CHECK(k.size() + v.size() <= s.size());
    ++pairs;
  }
  FG_FUZZ_CHECK(pairs <= s.size());
  for (auto& [k, v] : ParseMultipart(s, "b")) FG_FUZZ_CHECK(k.size() + v.size() <= s.size());
  if (auto v = ParseInt64(s)) FG_FUZZ_CHECK(ParseInt64(std::to_string(*v)) == v);
  if (IsLocalPath(s)) FG_FUZZ_CHECK(s[0] == '/' && s.find('\\') == std::string_view::npos);
}

void Exercise(Request& r) {
  // Path segments become route parameters, as the router hands them over.
  std::string_view path = r.path;
  for (int i = 0; !path.empty() && i < 4; ++i) {
    size_t slash = path.find('/', 1);
    r.params["p" + std::to_string(i)] =
        std::string(path.substr(1, slash == std::string_view::npos ? slash : slash - 1));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash);
  }
  for (auto& [k, v] : r.params) {
    if (auto id = r.id_param(k)) FG_FUZZ_CHECK(*id > 0);
  }
  for (const char* name : {"fg_session", "fg_csrf", ""}) {
    const std::string c = r.cookie(name);
    FG_FUZZ_CHECK(c.size() <= r.header("cookie").size());
  }
  for (const char* name : {"at", "q", "next", "page", ""}) {
    const std::string v = r.query_param(name);
    FG_FUZZ_CHECK(v.size() <= r.query.size());
    if (!v.empty()) FG_FUZZ_CHECK(r.has_query_param(name));
  }
  const auto form = r.form();
  const auto all = r.form_all();
  FG_FUZZ_CHECK(form.size() <= all.size());
  for (auto& [k, v] : form) {
    FG_FUZZ_CHECK(all.count(k) > 0);
    FG_FUZZ_CHECK(FormValue(form, k) == v);
  }
  CheckDecoding(r.target);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fg::fuzz::Quiet();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  CheckDecoding(raw);
  {
    Request r;
    r.headers.emplace_back("cookie", std::string(raw));
    r.query = std::string(raw);
    r.body = std::string(raw);
    r.path = UrlDecode(raw, false);
    Exercise(r);
  }

  // Fed in pieces of at most 97 bytes, as reads from a socket arrive.
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(1024 * 1024);
  parser.eager(true);
  boost::beast::error_code ec;
  std::string_view rest = raw;
  std::string pending;
  while (!parser.is_done()) {
    const size_t take = std::min<size_t>(rest.size(), 97);
    pending.append(rest.substr(0, take));
    rest.remove_prefix(take);
    // Nothing left to hand over (async_read would wait for the socket; it never
    // calls put with an empty buffer).
    if (pending.empty()) break;
    const size_t used = parser.put(boost::asio::const_buffer(pending.data(), pending.size()), ec);
    pending.erase(0, used);
    if (ec == bhttp::error::need_more) {
      ec = {};
      if (take == 0) break;  // no more input: the message is incomplete
      continue;
    }
    if (ec) return 0;
    if (take == 0 && used == 0) break;
  }
  if (!parser.is_done()) {
    // End of stream, as http::async_read handles it: no bytes at all is a clean close.
    if (!parser.got_some()) return 0;
    parser.put_eof(ec);
    if (ec || !parser.is_done()) return 0;
  }
  Request r = Convert(parser.get());
  FG_FUZZ_CHECK(r.path.size() <= r.target.size());
  Exercise(r);
  return 0;
}
