#include "features/desk/forms_pdf.h"

#include <optional>

#include "platform/render/messages.h"
#include "platform/render/pdf.h"
#include "platform/render/qr.h"
#include "platform/render/xlsx.h"
#include "platform/time.h"

namespace fg::desk::forms {
namespace {

namespace pdf = render::pdf;
namespace xlsx = render::xlsx;
using render::Text;

// What a field left empty prints: a line to fill in by hand.
const char* kDots = "……………………………………";

}  // namespace

std::string FormPdf(const Form& f) {
  const std::optional<render::qr::Matrix> qr =
      f.qr_url.empty() ? std::nullopt : std::optional(render::qr::Encode(f.qr_url));
  return pdf::Render(pdf::Paper::kA5, f.page_title, [&](pdf::Document& doc) {
    const double size = 10;
    using pdf::Align;
    using pdf::Escape;
    auto field = [](const Block& b) {
      return Escape(b.text) + " " + (b.value.empty() ? std::string(kDots) : "<b>" + Escape(b.value) + "</b>");
    };
    if (!f.model.empty()) doc.Paragraph("<i>" + Escape(f.model) + "</i>", {8, false, false, Align::kRight, 0, 2});
    doc.AdministrativeHeader({f.parent_body, f.body, "", f.date_line, 0});
    doc.Paragraph("<b>" + Escape(f.title) + "</b>", {12, false, false, Align::kCenter, 4, 1});
    doc.Paragraph("<b>" + Escape(f.code_line) + "</b>", {size, false, false, Align::kCenter, 0, 4});
    // The QR code stands beside the first lines (the applicant), as on the page.
    size_t first = 0;
    if (qr) {
      std::string lines;
      for (; first < f.blocks.size() && f.blocks[first].type == Block::Type::kField; ++first)
        lines += (lines.empty() ? "" : "\n") + field(f.blocks[first]);
      pdf::Table t;
      t.borders = false;
      t.widths = {3.3, 1};
      t.size = size;
      t.padding = 0;
      t.before = t.after = 2;
      t.rows.push_back(
          {{lines}, {"<span size=\"7pt\"><i>" + Escape(f.qr_short) + "</i></span>", Align::kCenter, &*qr, 66}});
      doc.Table(t);
    }
    for (size_t i = first; i < f.blocks.size(); ++i) {
      const Block& b = f.blocks[i];
      switch (b.type) {
        case Block::Type::kText:
          doc.Paragraph(Escape(b.text), {size, false, false, Align::kJustify, 0, 2, 0, 1.1});
          break;
        case Block::Type::kNote:
          doc.Paragraph(Escape(b.text), {size - 1, false, true, Align::kJustify, 0, 2, 0, 1.1});
          break;
        case Block::Type::kField: doc.Paragraph(field(b), {size, false, false, Align::kLeft, 0, 2, 0, 1.1}); break;
        case Block::Type::kTable: {
          pdf::Table t;
          t.widths = b.table.widths;
          t.size = size - 1.5;
          t.padding = 2.5;
          for (const auto& h : b.table.header) t.header.push_back({Escape(h), Align::kCenter});
          for (const auto& row : b.table.rows) {
            std::vector<pdf::Cell> cells;
            for (const auto& c : row) cells.push_back({Escape(c)});
            t.rows.push_back(std::move(cells));
          }
          doc.Table(t);
          break;
        }
      }
    }
    if (qr)
      doc.Paragraph("<i>" + Escape(f.qr_caption) + "</i> " + Escape(f.qr_url), {7.5, false, false, Align::kLeft, 4, 0});
    if (!f.signatures.empty() || !f.recipients.empty()) {
      pdf::Table t;
      t.borders = false;
      t.size = size;
      t.before = 6;
      t.padding = 2;
      std::vector<pdf::Cell> row;
      if (!f.recipients.empty()) {
        std::string lines = "<span size=\"8pt\"><b><i>" + Escape(f.recipients.front()) + "</i></b>";
        for (size_t i = 1; i < f.recipients.size(); ++i) lines += "\n" + Escape(f.recipients[i]);
        row.push_back({lines + "</span>"});
        t.widths.push_back(1);
      }
      for (const auto& s : f.signatures) {
        row.push_back(
            {"<b>" + Escape(s.title) + "</b>\n<i>" + Escape(s.hint) + "</i>\n\n\n<b>" + Escape(s.name) + "</b>",
             Align::kCenter});
        t.widths.push_back(f.recipients.empty() ? 1 : 1.3);
      }
      t.rows.push_back(std::move(row));
      doc.Table(t);
    }
  });
}

std::string RegisterPdf(const Register& r) {
  return pdf::Render(
      pdf::Paper::kA4Landscape, r.title + " – " + r.unit_line,
      [&](pdf::Document& doc) {
        using pdf::Align;
        using pdf::Escape;
        doc.AdministrativeHeader({r.parent_body, r.body, "", r.date_line, 11});
        doc.Paragraph("<b>" + Escape(r.title) + "</b>", {14, false, false, Align::kCenter, 6, 2});
        doc.Paragraph(Escape(r.unit_line), {10, false, false, Align::kCenter, 0, 0});
        doc.Paragraph(Escape(r.period_line), {10, false, true, Align::kCenter, 0, 6});
        pdf::Table t;
        t.widths = r.widths;
        t.size = 7;
        t.padding = 2;
        for (const auto& c : r.columns) t.header.push_back({Escape(c), Align::kCenter});
        for (const auto& row : r.rows) {
          std::vector<pdf::Cell> cells;
          for (const auto& c : Cells(row)) cells.push_back({Escape(c)});
          cells[0].align = Align::kRight;
          cells[3].align = Align::kRight;
          t.rows.push_back(std::move(cells));
        }
        doc.Table(t);
        if (r.rows.empty())
          doc.Paragraph("<i>" + Escape(r.empty_text) + "</i>", {10, false, false, Align::kCenter, 4, 0});
      },
      pdf::Lane::kExport);
}

std::string RegisterXlsx(const Register& r) {
  xlsx::Sheet s;
  s.name = Text("desk.register.sheet");
  s.title = r.title;
  s.subtitles = {r.unit_line, r.period_line};
  const double widths[] = {6, 26, 32, 10, 22, 30, 22, 17, 17, 17, 17, 17, 36};
  for (size_t i = 0; i < r.columns.size(); ++i) s.columns.push_back({r.columns[i], widths[i]});
  auto when = [](const std::string& utc) {
    auto t = ParseUtc(utc);
    if (!t) return xlsx::Cell::Empty();
    const LocalTime l = ToLocal(*t);
    return xlsx::Cell::DateTime(l.date, l.seconds);
  };
  for (const auto& row : r.rows) {
    std::string note = row.note;
    if (!row.returned_to.empty()) note += "; " + Text("desk.register.returned_to", {{"name", row.returned_to}});
    s.rows.push_back({xlsx::Cell::Number(static_cast<double>(row.number)), xlsx::Cell::Text(row.code),
                      xlsx::Cell::Text(row.procedure), xlsx::Cell::Number(static_cast<double>(row.sets)),
                      xlsx::Cell::Text(row.applicant), xlsx::Cell::Text(row.contact), xlsx::Cell::Text(row.unit),
                      when(row.received_at), when(row.due_at), when(row.transferred_at), when(row.resolved_at),
                      when(row.returned_at), xlsx::Cell::Text(note)});
  }
  return pdf::Pool(pdf::Lane::kExport).run([&] { return xlsx::Write(s); });
}

}  // namespace fg::desk::forms
