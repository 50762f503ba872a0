// Delivery channels (libcurl): log, e-mail over SMTP, SMS through a
// configurable HTTP gateway, Zalo ZNS. Each send is one blocking call with a
// timeout; the Sender calls them outside any transaction.
//
// Settings (Channel::config, all strings):
//   email: url (smtp://host:587 or smtps://...), from, username, password,
//          starttls ("1": required), timeout_ms
//   sms:   url, method (POST), headers (one "Name: value" per line), body (a
//          template: {phone} {text} {idempotency_key} {callback_url}), body_encoding (json |
//          form | raw: how values are escaped), success_status (default: any
//          2xx), success_json_path + success_value (dotted path in a JSON
//          answer), success_pattern (text the answer must contain),
//          message_id_path, auth_header (secret: one "Name: value" line), ascii ("1": no diacritics), night ("1":
//          allowed 21:00-07:00), timeout_ms
//   zalo:  url, access_token (secret: never logged or shown), template_<event>
//          (the ZNS template id of each event), timeout_ms; cs_url: the OA's
//          consultation message endpoint, for a citizen who wrote to the OA
//          (Message::zalo_user_id): the text, in their chat, rather than a ZNS
//          template to their phone
//   facebook: url (the Send API, https://graph.facebook.com/v19.0/me/messages by
//          default), access_token (the page's; secret), timeout_ms. Only to a
//          citizen who wrote to the page (Message::facebook_user_id): the whole
//          text in their Messenger chat, a standard reply within 24 hours of
//          their last message, else tagged HUMAN_AGENT (an official's answer,
//          taken up to 7 days after it; the app needs Meta's Human Agent
//          permission); later, or to someone the page cannot reach, the failure
//          is permanent and the next channel is tried. The channel must belong to
//          the unit whose page the citizen wrote to (a page-scoped id is only
//          valid with that page's token)
#pragma once
#include <map>
#include <string>
#include <vector>

#include "features/notify/model.h"

namespace fg::notify {

struct Outgoing {
  std::string idem_key, event, phone, email, zalo_user_id, facebook_user_id;
  std::string subject, text, html;            // rendered (email: all three; sms/log: text)
  std::map<std::string, std::string> params;  // zalo: the template's parameters
  std::string callback_url;                   // where the gateway reports delivery ("" = none)
};

SendResult Send(const Channel& ch, const Outgoing& m);

// What the `log` channel "sent" in this process, newest first (the last
// kLogKept), for the developers' page /desk/notify/log.
inline constexpr size_t kLogKept = 100;
struct LoggedMessage {
  std::string at;  // UTC
  Outgoing message;
};
std::vector<LoggedMessage> LoggedMessages();

// Settings whose values are secrets: shown masked, never logged.
bool IsSecret(const std::string& key);

// The MIME message sent by SMTP (exposed for tests): UTF-8 subject (RFC 2047),
// text and HTML parts (base64), Message-ID from the idempotency key.
std::string MimeMessage(const std::string& from, const std::string& to, const Outgoing& m, const std::string& date);

// A dotted path ("data.msg_id") in a JSON text; "" when absent. Numbers as text.
std::string JsonPath(const std::string& json_text, const std::string& path);
// Whether an SMTP failure (the server's last status; whether the login was
// refused) is permanent for the message, so that retrying is pointless.
bool PermanentSmtpFailure(bool login_denied, long status);

}  // namespace fg::notify
