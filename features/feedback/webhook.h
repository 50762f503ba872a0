// Webhook messages from Zalo Official Accounts and Facebook pages (pure):
// signature checks and the messages a verified body carries.
//   Facebook: X-Hub-Signature-256: "sha256=" + hex HMAC-SHA256(app secret, raw body).
//   Zalo OA:  X-ZEvent-Signature: "mac=" + hex SHA-256(app_id + raw body + timestamp + OA secret key),
//             the timestamp being the body's "timestamp".
// Nothing of a body is used before its signature is checked.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::feedback::webhook {

inline constexpr size_t kMaxBody = 64 * 1024;  // bytes; larger: 413

bool FacebookSignatureOk(std::string_view body, std::string_view header, std::string_view app_secret);
bool ZaloSignatureOk(std::string_view body, std::string_view header, std::string_view app_id, std::string_view secret);

struct Message {
  std::string id;      // the platform's message id (each message once)
  std::string sender;  // the platform's sender id
  std::string text;
};
// The text messages of a Facebook page "messaging" body / a Zalo "user_send_text" event;
// other events yield none. nullopt: not JSON of the expected shape.
std::optional<std::vector<Message>> FacebookMessages(std::string_view body);
std::optional<std::vector<Message>> ZaloMessages(std::string_view body);

// A title from a message's text: its first line, at most `max_chars` code points ("..." when cut).
std::string TitleOf(std::string_view text, size_t max_chars);

}  // namespace fg::feedback::webhook
