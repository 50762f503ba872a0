// The printed forms of the one-stop desk (Thông tư 03/2025/TT-VPCP, Phụ lục I;
// before 1/7/2025 Thông tư 01/2018/TT-VPCP): 01 receipt and appointment, 02
// supplement request, 03 refusal, 04 apology and new date, 05 notice of
// stopping, 06 processing control slip, and 07 the tracking register.
//
// Pure: each form's content is built once here, from the dossier and the
// names it prints, into a neutral structure that pages_forms.cpp renders both
// as print-ready HTML and as PDF (and the register also as a spreadsheet).
// Every word comes from forms.messages.vi.json.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/desk/service.h"

namespace fg::desk::forms {

enum class Kind { kReceipt = 1, kSupplement = 2, kRefusal = 3, kApology = 4, kStop = 5, kControl = 6 };
inline constexpr Kind kAllKinds[] = {Kind::kReceipt, Kind::kSupplement, Kind::kRefusal,
                                     Kind::kApology, Kind::kStop,       Kind::kControl};

// "01" ... "06" (as in the URLs); nullopt for anything else.
std::optional<Kind> ParseKind(std::string_view number);
std::string Number(Kind k);
// The form's name as people say it ("Giấy tiếp nhận hồ sơ và hẹn trả kết quả").
std::string Name(Kind k);

// Whether the dossier's history gives the form a content: 01 and 06 once it
// is received, 02 after a supplement request, 03 after a refusal, 04 after an
// apology, 05 after a stop.
bool Exists(const DossierDetail& d, Kind k);
// The catalogue key of the reason a form does not exist (for the 404).
std::string MissingKey(Kind k);

// One line of a form: a sentence, or a label and its value (an empty value
// prints as a dotted line to fill in by hand).
struct Table {
  std::string caption;  // what the table lists (for screen readers)
  std::vector<std::string> header;
  std::vector<double> widths;  // relative
  std::vector<std::vector<std::string>> rows;
};
struct Block {
  enum class Type { kText, kField, kTable, kNote };
  Type type = Type::kText;
  std::string text;   // kText, kNote: the sentence; kField: the label
  std::string value;  // kField
  Table table;        // kTable
};
struct Signature {
  std::string title;  // upper case ("NGƯỜI TIẾP NHẬN HỒ SƠ")
  std::string hint;   // "(Ký và ghi rõ họ tên)"
  std::string name;   // printed under the space for the signature ("" when unknown)
};

struct Form {
  Kind kind = Kind::kReceipt;
  std::string model;              // "Mẫu số 01" of the set in force on the form's date
  std::string parent_body, body;  // issuing body, upper case (Nghị định 30/2020)
  std::string date_line;          // "Chơn Thành, ngày 17 tháng 02 năm 2026"
  std::string title;              // upper case
  std::string code_line;          // "Mã hồ sơ: ..."
  std::vector<Block> blocks;
  std::string qr_url;                   // form 01: the public lookup of the dossier
  std::string qr_caption;               // what the code is for, with the address below it
  std::string qr_short;                 // beside the code
  std::vector<std::string> recipients;  // "Nơi nhận" (forms 04, 05)
  std::vector<Signature> signatures;    // side by side, left to right
  std::string file_name;                // without extension, ASCII
  std::string page_title;               // the HTML page's title
};

// The form's content. Precondition: Exists(source.detail, k). `public_url`:
// where the public lookup lives (the configuration key public_url).
Form Build(Kind k, const FormsSource& source, std::string_view public_url);

// The public lookup address a receipt's QR code opens.
std::string LookupUrl(std::string_view public_url, std::string_view code);

// ---- form 07 ----
struct RegisterRow {
  int64_t number = 0;  // STT
  std::string code, procedure, applicant, contact, unit;
  int64_t sets = 1;  // số lượng hồ sơ (bộ)
  // Instants (UTC text, "" when none): received, due, handed on to the
  // deciding officials, result ready, returned.
  std::string received_at, due_at, transferred_at, resolved_at, returned_at;
  std::string returned_to, note;
};
struct Register {
  std::string parent_body, body, date_line, title;
  std::string unit_line, period_line;  // "Đơn vị: ...", "Từ ngày 01/02/2026 đến ngày 28/02/2026"
  std::vector<std::string> columns;    // 13 headings
  std::vector<double> widths;          // relative, for print
  std::vector<RegisterRow> rows;
  std::string file_name;   // without extension, ASCII
  std::string empty_text;  // when there are no rows
};
// `today`: the local date printed in the header.
Register BuildRegister(const TrackingRegister& r, std::chrono::sys_days today);
// A row as printed (HTML, PDF): instants as "17/02/2026 10:25", the receiver after the return.
std::vector<std::string> Cells(const RegisterRow& r);

// Instants as the forms print them: "10 giờ 25 phút, ngày 17/02/2026" (UTC+7).
std::string Instant(std::string_view utc_text);
// "Chơn Thành" from "Phường Chơn Thành" (the place in a date line; a unit named
// by a number keeps its level: "Phường 3").
std::string PlaceName(std::string_view unit_name);
// Upper case, Unicode-aware ("Phường Chơn Thành" -> "PHƯỜNG CHƠN THÀNH").
std::string Upper(std::string_view s);

}  // namespace fg::desk::forms
