// E-mail sent to a unit's feedback mailbox (pure; MIME through GMime): what a
// message says, who sent it, and what it carries.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::feedback::mail {

// A message larger than this is not fetched whole: its header alone becomes the item.
inline constexpr size_t kMaxMessage = 10 * 1024 * 1024;
inline constexpr size_t kMaxAttachments = 10;  // kept a message; the rest are counted

struct Attachment {
  std::string filename;  // as sent (decoded, NFC), "" when none
  std::string mime;      // as declared: shown, never trusted
  std::string bytes;     // decoded
};

struct Mail {
  std::string message_id;  // without <>; "" when the header is missing
  std::string from_name, from_email;
  std::string subject;
  // The text/plain body, else the text of the HTML body: UTF-8, NFC, "\n" line
  // breaks, no other control characters but tabs, no trailing blanks.
  std::string text;
  std::vector<Attachment> attachments;  // at most kMaxAttachments
  size_t attachments_left_out = 0;      // files past the limit, forwarded messages
  // An auto-reply or bounce (Auto-Submitted other than "no", a multipart/report,
  // from MAILER-DAEMON or postmaster): not a citizen's feedback.
  bool automatic = false;
};

// nullopt: not a message GMime can read (no header at all).
std::optional<Mail> Parse(std::string_view raw);

// The readable text of an HTML body: tags removed (script and style with their
// content), line breaks at <br> and block ends, entities decoded, blank runs folded.
std::string HtmlText(std::string_view html);

}  // namespace fg::feedback::mail
