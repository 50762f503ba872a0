#include "features/feedback/mail.h"

#include <gmime/gmime.h>
#include <utf8proc.h>

#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>

#include "platform/text/text.h"

namespace fg::feedback::mail {
namespace {

void InitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

struct Unref {
  void operator()(void* p) const { g_object_unref(p); }
};
template <class T>
using Ref = std::unique_ptr<T, Unref>;

// Valid UTF-8 in NFC; bytes that are not UTF-8 are dropped (a mislabelled charset).
std::string Utf8(std::string_view s) {
  if (auto n = text::Nfc(s)) return *n;
  std::string kept;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n < 0) {
      ++p;
      --left;
      continue;
    }
    kept.append(reinterpret_cast<const char*>(p), static_cast<size_t>(n));
    p += n;
    left -= n;
  }
  return text::Nfc(kept).value_or("");
}

// Without control characters (C0, DEL, and C1: U+0080-U+009F, "\xC2\x80"-"\xC2\x9F" in
// UTF-8, which the register refuses): line breaks as "\n" (or spaces when not
// `multiline`), tabs kept. `s` is valid UTF-8.
std::string Printable(std::string_view s, bool multiline) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) {
      ++i;
      continue;
    }
    if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') continue;
    if (c == '\r' || c == '\n')
      out += multiline ? '\n' : ' ';
    else if (c == '\t')
      out += '\t';
    else if (c >= 0x20 && c != 0x7f)
      out += static_cast<char>(c);
  }
  return out;
}

std::string Line(std::string_view s) { return Printable(Utf8(s), false); }

std::string Owned(char* s) {  // a g_malloc'ed string
  std::string out = s ? s : "";
  g_free(s);
  return out;
}

std::string Decoded(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (!content) return {};
  Ref<GMimeStream> mem(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, mem.get());
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

struct Walk {
  Mail* mail;
  std::string plain, html;
};

void Visit(GMimeObject* /*parent*/, GMimeObject* part, gpointer data) {
  auto& w = *static_cast<Walk*>(data);
  if (GMIME_IS_MESSAGE_PART(part)) {  // a forwarded message: not walked into, counted
    ++w.mail->attachments_left_out;
    return;
  }
  if (!GMIME_IS_PART(part)) return;  // multiparts are walked into
  auto* p = GMIME_PART(part);
  GMimeContentType* type = g_mime_object_get_content_type(part);
  const bool attached = g_mime_part_is_attachment(p);
  if (GMIME_IS_TEXT_PART(part) && !attached) {
    const bool plain = g_mime_content_type_is_type(type, "text", "plain");
    const bool html = g_mime_content_type_is_type(type, "text", "html");
    std::string& slot = plain ? w.plain : w.html;
    if ((plain || html) && slot.empty()) {
      slot = Owned(g_mime_text_part_get_text(GMIME_TEXT_PART(part)));
      return;
    }
  }
  if (w.mail->attachments.size() >= kMaxAttachments) {
    ++w.mail->attachments_left_out;
    return;
  }
  Attachment a;
  const char* name = g_mime_part_get_filename(p);
  a.filename = Line(name ? name : "");
  a.mime = Owned(g_mime_content_type_get_mime_type(type));
  a.bytes = Decoded(p);
  w.mail->attachments.push_back(std::move(a));
}

void Append(std::string& out, utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  const auto n = utf8proc_encode_char(cp, buf);
  if (n > 0) out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// The entity at `s` (after '&'), appended to `out`; the characters it took, 0 when none.
size_t Entity(std::string_view s, std::string& out) {
  const size_t semi = s.substr(0, 12).find(';');  // names are short: no scan of the rest
  if (semi == std::string_view::npos) return 0;
  const std::string_view name = s.substr(0, semi);
  // The markup's own, and the Latin-1 letters Vietnamese mail editors write as entities.
  static constexpr std::pair<std::string_view, utf8proc_int32_t> kNamed[] = {
      {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},    {"nbsp", ' '},
      {"agrave", 0xE0},  {"aacute", 0xE1},  {"acirc", 0xE2},   {"atilde", 0xE3},  {"egrave", 0xE8},  {"eacute", 0xE9},
      {"ecirc", 0xEA},   {"igrave", 0xEC},  {"iacute", 0xED},  {"ograve", 0xF2},  {"oacute", 0xF3},  {"ocirc", 0xF4},
      {"otilde", 0xF5},  {"ugrave", 0xF9},  {"uacute", 0xFA},  {"yacute", 0xFD},  {"Agrave", 0xC0},  {"Aacute", 0xC1},
      {"Acirc", 0xC2},   {"Atilde", 0xC3},  {"Egrave", 0xC8},  {"Eacute", 0xC9},  {"Ecirc", 0xCA},   {"Igrave", 0xCC},
      {"Iacute", 0xCD},  {"Ograve", 0xD2},  {"Oacute", 0xD3},  {"Ocirc", 0xD4},   {"Otilde", 0xD5},  {"Ugrave", 0xD9},
      {"Uacute", 0xDA},  {"Yacute", 0xDD},  {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
      {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"hellip", 0x2026}};
  for (const auto& [n, cp] : kNamed)
    if (name == n) {
      Append(out, cp);
      return semi + 1;
    }
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string digits(name.substr(hex ? 2 : 1));
    if (digits.empty() || digits.size() > 7) return 0;
    char* end = nullptr;
    const long cp = std::strtol(digits.c_str(), &end, hex ? 16 : 10);
    if (*end != '\0' || !utf8proc_codepoint_valid(static_cast<utf8proc_int32_t>(cp)) || cp < 32 ||
        (cp >= 0x7F && cp < 0xA0))
      return 0;
    Append(out, static_cast<utf8proc_int32_t>(cp));
    return semi + 1;
  }
  return 0;
}

bool StartsWithTag(std::string_view s, std::string_view tag) {  // s after '<', case-insensitive
  if (s.size() < tag.size()) return false;
  for (size_t i = 0; i < tag.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != tag[i]) return false;
  return s.size() == tag.size() || !std::isalnum(static_cast<unsigned char>(s[tag.size()]));
}

}  // namespace

std::string HtmlText(std::string_view html) {
  std::string out;
  size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      const std::string_view rest = html.substr(i + 1);
      for (std::string_view skipped : {"script", "style", "head"})
        if (StartsWithTag(rest, skipped)) {  // up to the closing tag
          size_t at = i;
          do at = html.find("</", at + 1);
          while (at != std::string_view::npos && !StartsWithTag(html.substr(at + 2), skipped));
          i = at == std::string_view::npos ? html.size() : at;  // the closing tag goes as any tag
          break;
        }
      if (i >= html.size()) break;
      const size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      const std::string_view tag = html.substr(i + 1, end - i - 1);
      const std::string_view bare = tag.substr(tag.starts_with('/') ? 1 : 0);
      for (std::string_view block : {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "blockquote"})
        if (StartsWithTag(bare, block)) {
          out += '\n';
          break;
        }
      i = end + 1;
    } else if (c == '&') {
      const size_t took = Entity(html.substr(i + 1), out);
      if (took == 0) out += '&';
      i += 1 + took;
    } else {
      out += (c == '\r' || c == '\n' || c == '\t') ? ' ' : c;
      ++i;
    }
  }
  // Fold blank runs: spaces within a line to one, line breaks to one.
  std::string folded;
  int newlines = 0;
  bool space = false;
  for (char c : out) {
    if (c == '\n') {
      ++newlines;
      space = false;
    } else if (c == ' ') {
      space = true;
    } else {
      if (!folded.empty()) {
        if (newlines)
          folded += '\n';
        else if (space)
          folded += ' ';
      }
      newlines = 0;
      space = false;
      folded += c;
    }
  }
  return folded;
}

std::optional<Mail> Parse(std::string_view raw) {
  InitOnce();
  Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  Ref<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  Ref<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
  if (!message) return std::nullopt;
  Mail m;
  if (const char* id = g_mime_message_get_message_id(message.get())) m.message_id = Line(id);
  if (const char* s = g_mime_message_get_subject(message.get())) m.subject = Line(s);
  // RFC 3834 (auto-replies, bounces), a delivery report, or a mailer daemon.
  const char* auto_submitted = g_mime_object_get_header(GMIME_OBJECT(message.get()), "Auto-Submitted");
  GMimeObject* body = g_mime_message_get_mime_part(message.get());
  GMimeContentType* type = body ? g_mime_object_get_content_type(body) : nullptr;
  m.automatic = (auto_submitted && text::Trim(auto_submitted) != "no") ||
                (type && g_mime_content_type_is_type(type, "multipart", "report"));
  InternetAddressList* from = g_mime_message_get_from(message.get());
  if (from && internet_address_list_length(from) > 0) {
    InternetAddress* a = internet_address_list_get_address(from, 0);
    if (const char* name = internet_address_get_name(a)) m.from_name = Line(name);
    if (INTERNET_ADDRESS_IS_MAILBOX(a))
      if (const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a))) m.from_email = Line(addr);
  }
  const std::string local = m.from_email.substr(0, m.from_email.find('@'));
  if (text::Fold(local) == "mailer daemon" || text::Fold(local) == "postmaster") m.automatic = true;
  Walk w{&m, "", ""};
  g_mime_message_foreach(message.get(), Visit, &w);
  // The register keeps 5,000 characters: 1 MB of HTML is more than enough to find them.
  constexpr size_t kMaxHtml = 1024 * 1024;
  if (w.html.size() > kMaxHtml) w.html.resize(kMaxHtml);
  m.text = Printable(!w.plain.empty() ? Utf8(w.plain) : HtmlText(Utf8(w.html)), true);
  while (!m.text.empty() && std::isspace(static_cast<unsigned char>(m.text.back()))) m.text.pop_back();
  return m;
}

}  // namespace fg::feedback::mail
