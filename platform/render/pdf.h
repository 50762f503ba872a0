// Printable documents as PDF: a small flowing-layout builder on cairo + pango
// (Noto Serif) for A5 and A4 pages. Paragraphs take Pango markup (<b>, <i>,
// <u>, <span size=...>): text a person typed must go through Escape() first.
// Lines wrap, paragraphs and tables break across pages (a table repeats its
// header row on each page), and the administrative header of Nghị định
// 30/2020 (issuing body on the left, national name and motto on the right,
// place and date below) is one call.
//
// Threads: a Document uses pango's default font map of the calling thread
// (per thread since pango 1.32.6) and its own cairo surface, so documents may
// be built on several threads at once. Build them with Render(), which runs
// on the rendering pool: off the io threads (a form takes milliseconds, a
// register of thousands of rows seconds) and on full-size thread stacks.
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/async/pool.h"
#include "platform/render/qr.h"

namespace fg::render::pdf {

enum class Paper { kA5, kA4, kA4Landscape };
enum class Align { kLeft, kCenter, kRight, kJustify };

// Page sizes in points (1/72 inch), portrait unless named otherwise.
struct Size {
  double width, height;
};
Size SizeOf(Paper p);

struct Margins {
  double top, right, bottom, left;  // points
};
// Nghị định 30/2020 margins scaled to the paper: A4 20 mm top and bottom,
// 30 mm left (binding), 15 mm right; A5 12 mm, 18 mm on the left.
Margins DefaultMargins(Paper p);

inline constexpr double kMillimetre = 72.0 / 25.4;

struct Style {
  double size = 12;  // font size in points
  bool bold = false;
  bool italic = false;
  Align align = Align::kLeft;
  double before = 0;           // space above, points
  double after = 0;            // space below, points
  double indent = 0;           // left indent, points
  double line_spacing = 1.15;  // of the font's line height
};

// Text made safe for Pango markup (&, <, >, quotes).
std::string Escape(std::string_view text);

// "<place>, ngày 17 tháng 02 năm 2026" from the catalogue (pdf.date_line):
// a day below 10 and the months 1 and 2 take a leading zero (Nghị định 30/2020).
std::string DateLine(std::string_view place, std::chrono::sys_days day);

struct Cell {
  std::string markup;
  Align align = Align::kLeft;
  const qr::Matrix* qr = nullptr;  // drawn (qr_size points wide) below the text
  double qr_size = 0;
};

struct Table {
  std::vector<double> widths;  // relative weights of the columns, scaled to the text width
  std::vector<Cell> header;    // repeated at the top of each page; empty: no header
  std::vector<std::vector<Cell>> rows;
  double size = 10;     // font size, points
  double padding = 3;   // inside each cell, points
  bool borders = true;  // false: a layout grid (signature blocks)
  double before = 4, after = 6;
};

// The administrative header (Nghị định 30/2020, Phụ lục I): on the left the
// issuing body under its parent body, a short rule below, then `number`; on the
// right the national name and motto (motto underlined), then `date_line` in
// italics. Upper-case texts are given as they are printed.
struct Header {
  std::string parent_body;  // e.g. ỦY BAN NHÂN DÂN PHƯỜNG CHƠN THÀNH ("" when none)
  std::string body;         // e.g. BỘ PHẬN MỘT CỬA, in bold
  std::string number;       // e.g. "Số: 12/TB-UBND" ("" when none)
  std::string date_line;    // DateLine(...) ("" when none)
  double size = 0;          // 0: 13 pt on A4, 10 pt on A5
};

class Document {
 public:
  // `title` goes into the PDF metadata.
  Document(Paper paper, const std::string& title, std::optional<Margins> margins = std::nullopt);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  double text_width() const;
  int pages() const;

  // A paragraph of Pango markup, wrapped to the text width and broken across
  // pages. Markup that does not parse is printed as plain text.
  void Paragraph(std::string_view markup, const Style& style = {});
  void Space(double points);
  void Table(const pdf::Table& t);
  // A QR symbol with its quiet zone, `size` points wide.
  void Qr(const qr::Matrix& m, double size, Align align = Align::kCenter);
  void AdministrativeHeader(const Header& h);
  // A decorative double frame around the current page, `inset` points inside
  // its edges (a letter's border). Draws only; the cursor does not move.
  void Frame(double inset);
  void NewPage();

  // The PDF bytes. The document cannot be added to afterwards.
  std::string Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The rendering threads, in two lanes so that a long export never holds up a
// short document: kDocument (a form, a letter: milliseconds) has half the
// cores, 1 to 4 threads, at nice 5, 64 jobs waiting; kExport (a register of
// thousands of rows: seconds) one thread at nice 10, 8 jobs waiting. Past
// the waiting bound the caller gets 503.
enum class Lane { kDocument, kExport };
async::BlockingPool& Pool(Lane lane = Lane::kDocument);

// Builds a document on the rendering pool and returns its bytes. Inside a
// request coroutine the request is suspended meanwhile; elsewhere (tests,
// benchmarks, the CLI) it runs on the calling thread.
std::string Render(Paper paper, const std::string& title, const std::function<void(Document&)>& build,
                   Lane lane = Lane::kDocument);

}  // namespace fg::render::pdf
