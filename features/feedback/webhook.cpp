#include "features/feedback/webhook.h"

#include <boost/json.hpp>

#include "platform/auth/crypto.h"
#include "platform/text/text.h"

namespace fg::feedback::webhook {
namespace {

namespace json = boost::json;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string StringAt(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end()) return "";
  if (it->value().is_string()) return std::string(it->value().as_string());
  if (it->value().is_int64()) return std::to_string(it->value().as_int64());
  return "";
}

const json::object* ObjectAt(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_object() ? &it->value().as_object() : nullptr;
}

std::optional<json::object> Parse(std::string_view body) {
  boost::system::error_code ec;
  json::value v = json::parse(body, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.as_object());  // a copy cost about as much as the parse
}

}  // namespace

bool FacebookSignatureOk(std::string_view body, std::string_view header, std::string_view app_secret) {
  if (app_secret.empty() || !header.starts_with("sha256=")) return false;
  return auth::SafeEqual(Lower(header.substr(7)), auth::HmacSha256Hex(body, app_secret));
}

bool ZaloSignatureOk(std::string_view body, std::string_view header, std::string_view app_id, std::string_view secret) {
  if (secret.empty() || !header.starts_with("mac=")) return false;
  const auto o = Parse(body);
  if (!o) return false;
  const std::string timestamp = StringAt(*o, "timestamp");
  const std::string signed_text = std::string(app_id) + std::string(body) + timestamp + std::string(secret);
  return auth::SafeEqual(Lower(header.substr(4)), auth::Sha256Hex(signed_text));
}

std::optional<std::vector<Message>> FacebookMessages(std::string_view body) {
  const auto o = Parse(body);
  if (!o) return std::nullopt;
  std::vector<Message> out;
  auto entries = o->find("entry");
  if (entries == o->end() || !entries->value().is_array()) return std::nullopt;
  for (const auto& e : entries->value().as_array()) {
    if (!e.is_object()) return std::nullopt;
    auto messaging = e.as_object().find("messaging");
    if (messaging == e.as_object().end() || !messaging->value().is_array()) continue;
    for (const auto& m : messaging->value().as_array()) {
      if (!m.is_object()) continue;
      const auto* sender = ObjectAt(m.as_object(), "sender");
      const auto* message = ObjectAt(m.as_object(), "message");
      if (!sender || !message) continue;  // deliveries, reads, postbacks
      Message x{StringAt(*message, "mid"), StringAt(*sender, "id"), StringAt(*message, "text")};
      if (!x.id.empty() && !x.text.empty()) out.push_back(std::move(x));
    }
  }
  return out;
}

std::optional<std::vector<Message>> ZaloMessages(std::string_view body) {
  const auto o = Parse(body);
  if (!o) return std::nullopt;
  std::vector<Message> out;
  if (StringAt(*o, "event_name") != "user_send_text") return out;
  const auto* sender = ObjectAt(*o, "sender");
  const auto* message = ObjectAt(*o, "message");
  if (!sender || !message) return std::nullopt;
  Message x{StringAt(*message, "msg_id"), StringAt(*sender, "id"), StringAt(*message, "text")};
  if (!x.id.empty() && !x.text.empty()) out.push_back(std::move(x));
  return out;
}

std::string TitleOf(std::string_view text, size_t max_chars) {
  return text::Cut(text::Trim(text.substr(0, text.find('\n'))), max_chars);
}

}  // namespace fg::feedback::webhook
