#include "features/letters/letter_pdf.h"

#include "features/letters/rules.h"
#include "platform/render/pdf.h"

namespace fg::letters {
namespace pdf = render::pdf;

namespace {

void Lay(pdf::Document& doc, const Printed& p, bool a5) {
  using pdf::Align;
  using pdf::Escape;
  const Letter& l = *p.letter;
  const double size = a5 ? 11 : 13;
  const double frame = (a5 ? 6 : 9) * pdf::kMillimetre;
  if (l.border) doc.Frame(frame);
  doc.AdministrativeHeader({"", p.committee, p.number, p.date_line, 0});
  doc.Paragraph("<b>" + Escape(l.title) + "</b>", {size + 3, false, false, Align::kCenter, a5 ? 8.0 : 14.0, 8});
  for (const auto& para : Paragraphs(l.front))
    doc.Paragraph(Escape(para), {size, false, false, Align::kJustify, 0, 4, 0, 1.2});
  // The signature block on the right half: title (may take two lines), room to sign, name.
  pdf::Table t;
  t.borders = false;
  t.widths = {1, 1.2};
  t.size = size;
  t.padding = 0;
  t.before = 8;
  t.rows.push_back(
      {{""}, {"<b>" + Escape(l.signer_title) + "</b>\n\n\n\n<b>" + Escape(l.signer_name) + "</b>", Align::kCenter}});
  doc.Table(t);
  if (!l.back.empty()) {
    // The next page: the reverse of the front's sheet (a one-page front starts on an odd page).
    doc.NewPage();
    if (l.border) doc.Frame(frame);
    bool first = true;
    for (const auto& para : Paragraphs(l.back)) {
      doc.Paragraph(Escape(para), first ? pdf::Style{size, true, false, Align::kCenter, 0, 6, 0, 1.2}
                                        : pdf::Style{size - 0.5, false, false, Align::kJustify, 0, 3, 0, 1.2});
      first = false;
    }
  }
}

}  // namespace

std::string LettersPdf(const std::vector<Printed>& letters) {
  const bool a5 = letters.empty() || letters.front().letter->paper != "A4";
  const std::string title = letters.size() == 1 ? letters.front().letter->title : "FriendlyGov";
  return pdf::Render(
      a5 ? pdf::Paper::kA5 : pdf::Paper::kA4, title,
      [&](pdf::Document& doc) {
        for (size_t i = 0; i < letters.size(); ++i) {
          if (i > 0) {
            // Each letter starts on the front of a new sheet (an odd page).
            if (doc.pages() % 2 == 1) doc.NewPage();
            doc.NewPage();
          }
          Lay(doc, letters[i], a5);
        }
      },
      letters.size() > 20 ? pdf::Lane::kExport : pdf::Lane::kDocument);
}

}  // namespace fg::letters
