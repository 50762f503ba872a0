// Text a person typed: trimmed, valid UTF-8, NFC (so "ệ" typed as e + two
// combining marks and "ệ" precomposed are the same string), no control
// characters, a bounded number of characters.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fg::text {

std::string Trim(std::string_view s);
// `s` cut to at most `max_chars` code points on a code point boundary ("..." added when cut).
std::string Cut(std::string_view s, size_t max_chars);
// A whole string of decimal digits (optionally signed) that fits int64_t; nullopt otherwise.
std::optional<int64_t> ParseInt64(std::string_view s);
// Code points of `s` if it is valid UTF-8 without control characters (tab
// allowed, and line breaks when `multiline`); nullopt otherwise.
std::optional<size_t> Length(std::string_view s, bool multiline = false);
// The NFC form of `s`; nullopt if `s` is not valid UTF-8.
std::optional<std::string> Nfc(std::string_view s);
// Whether every string of such code points is its own NFC form (no combining
// mark, nothing that composes, decomposes or reorders): ASCII, Latin-1 to
// the spacing modifiers, Latin Extended Additional (Vietnamese precomposed
// letters), the common punctuation and the dong and euro signs. Nfc()
// returns such text as it is, without utf8proc's decomposition.
bool NfcStable(char32_t cp);
// Trims, checks, normalises to NFC and limits to `max_chars` code points;
// throws BadInput naming `field` (error.bad_utf8, error.required, error.too_long).
std::string Clean(std::string_view field, std::string_view s, size_t max_chars, bool required, bool multiline = false);
// The search form of `s`: lower case, diacritics removed ("đ" -> "d"), every run
// of characters other than ASCII letters and digits one space, trimmed:
// "Đăng ký Hộ tịch!" -> "dang ky ho tich". Invalid UTF-8 folds to "".
std::string Fold(std::string_view s);

// A phone number as people write it: 8-15 digits, a leading "+", spaces, dots,
// dashes; cleaned (Clean). "" is allowed. BadInput("error.bad_phone", field).
std::string Phone(std::string_view field, std::string_view s);
// An e-mail address: one "@", a dotted domain, no spaces or specials; cleaned.
// "" is allowed. BadInput("error.bad_email", field).
std::string Email(std::string_view field, std::string_view s);

// `s` with its first letter in upper case ("đơn vị" -> "Đơn vị"), for a
// label that begins a sentence.
std::string UpperFirst(std::string_view s);
// One CSV field (RFC 4180): as is, or quoted with its quotes doubled when it holds a comma, a quote or
// a line break. Text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
// return, and not a plain number such as "-5") gets a leading apostrophe, so it shows as text.
std::string CsvField(std::string_view s);
// `s` with & < > " ' written as character references (&amp; &lt; &gt; &quot; &#39;): valid in XML
// (sitemaps, Open311) and in HTML alike, so also for SVG put inline in a page (QR codes, charts).
std::string XmlEscape(std::string_view s);
// A download's file name built from codes and dates: ASCII letters, digits, '-' and '.' only
// (anything else dropped), so it needs no quoting anywhere.
std::string FileName(std::string_view s);

}  // namespace fg::text
