#include "platform/render/pdf.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <thread>
#include <utility>

#include "platform/render/messages.h"

#if defined(__SANITIZE_ADDRESS__)
#define FG_PDF_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FG_PDF_ASAN 1
#endif
#endif
#ifdef FG_PDF_ASAN
// LeakSanitizer: fontconfig keeps its caches (loaded once per process and per
// thread's font map) through encoded offsets LSan cannot follow, and reports
// them at exit: about 64 KB whether 1 or 50 documents were built, so no
// document leaks. Suppressed for every binary that links the PDF builder.
extern "C" const char* __lsan_default_suppressions() {  // NOLINT(bugprone-reserved-identifier): LSan's hook
  return "leak:libfontconfig.so\n";
}
#endif

namespace fg::render::pdf {
namespace {

constexpr const char* kFamily = "Noto Serif";
constexpr double kRuleWidth = 0.6;  // points

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

PangoAlignment PangoAlign(Align a) {
  switch (a) {
    case Align::kCenter: return PANGO_ALIGN_CENTER;
    case Align::kRight: return PANGO_ALIGN_RIGHT;
    default: return PANGO_ALIGN_LEFT;
  }
}

// Owns a GObject reference.
struct LayoutPtr {
  PangoLayout* p = nullptr;
  explicit LayoutPtr(PangoLayout* l) : p(l) {}
  LayoutPtr(LayoutPtr&& o) noexcept : p(std::exchange(o.p, nullptr)) {}
  LayoutPtr& operator=(LayoutPtr&& o) noexcept {
    std::swap(p, o.p);
    return *this;
  }
  ~LayoutPtr() {
    if (p) g_object_unref(p);
  }
  PangoLayout* get() const { return p; }
};

struct Extent {
  double width, height;  // logical, points
};

Extent ExtentOf(PangoLayout* l) {
  PangoRectangle logical;
  pango_layout_get_extents(l, nullptr, &logical);
  return {static_cast<double>(logical.width) / PANGO_SCALE, static_cast<double>(logical.height) / PANGO_SCALE};
}

}  // namespace

Size SizeOf(Paper p) {
  const Size a4{595.275590551, 841.88976378};  // 210 x 297 mm
  switch (p) {
    case Paper::kA5: return {419.527559055, 595.275590551};  // 148 x 210 mm
    case Paper::kA4: return a4;
    case Paper::kA4Landscape: return {a4.height, a4.width};
  }
  return a4;
}

Margins DefaultMargins(Paper p) {
  const double mm = kMillimetre;
  if (p == Paper::kA5) return {12 * mm, 12 * mm, 12 * mm, 18 * mm};
  return {20 * mm, 15 * mm, 20 * mm, 30 * mm};
}

std::string Escape(std::string_view text) {
  gchar* e = g_markup_escape_text(text.data(), static_cast<gssize>(text.size()));
  std::string out(e);
  g_free(e);
  return out;
}

std::string DateLine(std::string_view place, std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  const unsigned d = static_cast<unsigned>(ymd.day()), m = static_cast<unsigned>(ymd.month());
  return Text("pdf.date_line", {{"place", std::string(place)},
                                {"day", (d < 10 ? "0" : "") + std::to_string(d)},
                                {"month", (m <= 2 ? "0" : "") + std::to_string(m)},
                                {"year", std::to_string(static_cast<int>(ymd.year()))}});
}

struct Document::Impl {
  Paper paper;
  Size size;
  Margins m;
  std::string out;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;
  PangoContext* ctx = nullptr;
  double y = 0;  // the cursor, from the top of the page
  int pages = 1;
  bool finished = false;

  double width() const { return size.width - m.left - m.right; }
  double bottom() const { return size.height - m.bottom; }
  bool at_top() const { return y <= m.top + 0.01; }

  void new_page() {
    cairo_show_page(cr);
    ++pages;
    y = m.top;
  }

  LayoutPtr layout(std::string_view markup, double font_size, bool bold, bool italic, Align align, double width,
                   double line_spacing = 1.15, bool wrap = true) const {
    LayoutPtr l(pango_layout_new(ctx));
    PangoFontDescription* fd = pango_font_description_new();
    pango_font_description_set_family(fd, kFamily);
    pango_font_description_set_absolute_size(fd, font_size * PANGO_SCALE);
    pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(fd, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_layout_set_font_description(l.get(), fd);
    pango_font_description_free(fd);
    if (wrap) {
      pango_layout_set_width(l.get(), static_cast<int>(std::max(1.0, width) * PANGO_SCALE));
      pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(l.get(), PangoAlign(align));
    pango_layout_set_justify(l.get(), align == Align::kJustify);
    pango_layout_set_line_spacing(l.get(), static_cast<float>(line_spacing));
    if (pango_parse_markup(markup.data(), static_cast<int>(markup.size()), 0, nullptr, nullptr, nullptr, nullptr))
      pango_layout_set_markup(l.get(), markup.data(), static_cast<int>(markup.size()));
    else
      pango_layout_set_text(l.get(), markup.data(), static_cast<int>(markup.size()));
    return l;
  }

  void draw(PangoLayout* l, double x, double top) {
    cairo_move_to(cr, x, top);
    pango_cairo_show_layout(cr, l);
  }

  void hline(double x0, double x1, double at) {
    cairo_set_line_width(cr, kRuleWidth);
    cairo_move_to(cr, x0, at);
    cairo_line_to(cr, x1, at);
    cairo_stroke(cr);
  }

  // The largest size up to `size` (not below 75 % of it) at which `markup` fits
  // one line of `width`.
  double fit(std::string_view markup, double size, bool bold, double width) const {
    const double natural = ExtentOf(layout(markup, size, bold, false, Align::kLeft, 0, 1.15, false).get()).width;
    if (natural <= width) return size;
    return std::max(size * 0.75, std::floor(size * width / natural * 10) / 10);
  }

  void qr(const qr::Matrix& q, double x, double top, double side) {
    const double module = side / (q.size + 2 * qr::kQuietZone);
    // One path for all modules: no seams between neighbouring squares.
    for (int row = 0; row < q.size; ++row)
      for (int col = 0; col < q.size;) {
        if (!q.at(col, row)) {
          ++col;
          continue;
        }
        int run = 1;
        while (col + run < q.size && q.at(col + run, row)) ++run;
        cairo_rectangle(cr, x + (col + qr::kQuietZone) * module, top + (row + qr::kQuietZone) * module, run * module,
                        module);
        col += run;
      }
    cairo_fill(cr);
  }
};

Document::Document(Paper paper, const std::string& title, std::optional<Margins> margins)
    : impl_(std::make_unique<Impl>()) {
  auto& d = *impl_;
  d.paper = paper;
  d.size = SizeOf(paper);
  d.m = margins.value_or(DefaultMargins(paper));
  d.y = d.m.top;
  d.surface = cairo_pdf_surface_create_for_stream(Append, &d.out, d.size.width, d.size.height);
  cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_CREATOR, "FriendlyGov");
  d.cr = cairo_create(d.surface);
  if (cairo_status(d.cr) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(std::string("cairo: ") + cairo_status_to_string(cairo_status(d.cr)));
  cairo_set_source_rgb(d.cr, 0, 0, 0);
  // The calling thread's default font map (pango keeps one per thread).
  d.ctx = pango_cairo_create_context(d.cr);
  cairo_font_options_t* fo = cairo_font_options_create();
  cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options(d.ctx, fo);
  cairo_font_options_destroy(fo);
  pango_context_set_round_glyph_positions(d.ctx, FALSE);
}

Document::~Document() {
  auto& d = *impl_;
  if (d.ctx) g_object_unref(d.ctx);
  if (d.cr) cairo_destroy(d.cr);
  if (d.surface) cairo_surface_destroy(d.surface);
}

double Document::text_width() const { return impl_->width(); }
int Document::pages() const { return impl_->pages; }

void Document::Paragraph(std::string_view markup, const Style& s) {
  auto& d = *impl_;
  if (!d.at_top()) d.y += s.before;
  auto l = d.layout(markup, s.size, s.bold, s.italic, s.align, d.width() - s.indent, s.line_spacing);
  PangoLayoutIter* it = pango_layout_get_iter(l.get());
  double origin = d.y;  // where the layout's top falls on this page
  double end = d.y;
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    const double top = static_cast<double>(logical.y) / PANGO_SCALE;
    const double height = static_cast<double>(logical.height) / PANGO_SCALE;
    const double baseline = static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE;
    if (origin + top + height > d.bottom() && origin + top > d.m.top + 0.01) {
      d.new_page();
      origin = d.m.top - top;
    }
    cairo_move_to(d.cr, d.m.left + s.indent + static_cast<double>(logical.x) / PANGO_SCALE, origin + baseline);
    pango_cairo_show_layout_line(d.cr, pango_layout_iter_get_line_readonly(it));
    end = origin + top + height;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
  d.y = end + s.after;
}

void Document::Space(double points) {
  auto& d = *impl_;
  d.y += points;
  if (d.y > d.bottom()) d.new_page();
}

void Document::NewPage() { impl_->new_page(); }

void Document::Frame(double inset) {
  auto& d = *impl_;
  cairo_save(d.cr);
  cairo_set_line_width(d.cr, 1.6);
  cairo_rectangle(d.cr, inset, inset, d.size.width - 2 * inset, d.size.height - 2 * inset);
  cairo_stroke(d.cr);
  cairo_set_line_width(d.cr, kRuleWidth);
  const double in = inset + 3;
  cairo_rectangle(d.cr, in, in, d.size.width - 2 * in, d.size.height - 2 * in);
  cairo_stroke(d.cr);
  cairo_restore(d.cr);
}

void Document::Table(const pdf::Table& t) {
  auto& d = *impl_;
  const size_t n = t.widths.size();
  if (n == 0) return;
  double total = 0;
  for (double w : t.widths) total += w;
  std::vector<double> x(n + 1, d.m.left);
  for (size_t i = 0; i < n; ++i) x[i + 1] = x[i] + d.width() * t.widths[i] / total;

  struct Laid {
    std::vector<LayoutPtr> layouts;
    std::vector<double> text_heights;
    double height = 0;
  };
  auto lay = [&](const std::vector<Cell>& row, bool header) {
    Laid r;
    double tallest = 0;
    for (size_t i = 0; i < n; ++i) {
      const Cell empty;
      const Cell& c = i < row.size() ? row[i] : empty;
      const double w = x[i + 1] - x[i] - 2 * t.padding;
      r.layouts.push_back(d.layout(c.markup, t.size, header, false, c.align, w, 1.1));
      double h = c.markup.empty() ? 0 : ExtentOf(r.layouts.back().get()).height;
      r.text_heights.push_back(h);
      if (c.qr) h += (h > 0 ? t.padding : 0) + c.qr_size;
      tallest = std::max(tallest, h);
    }
    r.height = tallest + 2 * t.padding;
    return r;
  };
  auto draw = [&](const std::vector<Cell>& row, const Laid& r) {
    for (size_t i = 0; i < n; ++i) {
      if (t.borders) {
        cairo_set_line_width(d.cr, kRuleWidth);
        cairo_rectangle(d.cr, x[i], d.y, x[i + 1] - x[i], r.height);
        cairo_stroke(d.cr);
      }
      d.draw(r.layouts[i].get(), x[i] + t.padding, d.y + t.padding);
      if (i < row.size() && row[i].qr) {
        const Cell& c = row[i];
        const double inner = x[i + 1] - x[i] - 2 * t.padding;
        double left = x[i] + t.padding;
        if (c.align == Align::kCenter) left += (inner - c.qr_size) / 2;
        if (c.align == Align::kRight) left += inner - c.qr_size;
        const double top = d.y + t.padding + r.text_heights[i] + (r.text_heights[i] > 0 ? t.padding : 0);
        d.qr(*c.qr, left, top, c.qr_size);
      }
    }
    d.y += r.height;
  };

  if (!d.at_top()) d.y += t.before;
  std::optional<Laid> head;
  if (!t.header.empty()) head = lay(t.header, true);
  const double head_height = head ? head->height : 0;
  bool started = false;    // the header is on the page
  bool page_rows = false;  // a row is on this page
  for (const auto& row : t.rows) {
    Laid r = lay(row, false);
    if (!started) {
      // The header and the first row together, on this page or the next.
      if (d.y + head_height + r.height > d.bottom() && !d.at_top()) d.new_page();
      if (head) draw(t.header, *head);
      started = true;
    } else if (d.y + r.height > d.bottom() && page_rows) {
      // A row that does not fit goes to the next page, under the header again
      // (a row taller than a whole page is cut at its bottom).
      d.new_page();
      if (head) draw(t.header, *head);
      page_rows = false;
    }
    draw(row, r);
    page_rows = true;
  }
  if (!started && head) draw(t.header, *head);  // a table without rows still shows its header
  d.y += t.after;
}

void Document::Qr(const qr::Matrix& m, double size, Align align) {
  auto& d = *impl_;
  if (d.y + size > d.bottom() && !d.at_top()) d.new_page();
  double left = d.m.left;
  if (align == Align::kCenter) left += (d.width() - size) / 2;
  if (align == Align::kRight) left += d.width() - size;
  d.qr(m, left, d.y, size);
  d.y += size;
}

void Document::AdministrativeHeader(const Header& h) {
  auto& d = *impl_;
  const double size = h.size > 0 ? h.size : (d.paper == Paper::kA5 ? 10 : 13);
  const double left_w = d.width() * 0.42;
  const double gap = d.width() * 0.02;
  const double right_x = d.m.left + left_w + gap;
  const double right_w = d.width() - left_w - gap;
  const double top = d.y;

  // Left: the parent body (regular) and the issuing body (bold), a short rule below.
  double left_y = top;
  if (!h.parent_body.empty()) {
    auto l = d.layout(Escape(h.parent_body), size, false, false, Align::kCenter, left_w, 1.1);
    d.draw(l.get(), d.m.left, left_y);
    left_y += ExtentOf(l.get()).height;
  }
  if (!h.body.empty()) {
    auto l = d.layout(Escape(h.body), size, true, false, Align::kCenter, left_w, 1.1);
    d.draw(l.get(), d.m.left, left_y);
    const Extent e = ExtentOf(l.get());
    left_y += e.height + 2;
    const double rule = std::min(e.width, left_w) * 0.4;
    d.hline(d.m.left + (left_w - rule) / 2, d.m.left + (left_w + rule) / 2, left_y);
    left_y += 2;
  }

  // Right: the national name and the motto, each on one line, the motto underlined to its length.
  double right_y = top;
  const std::string nation = Escape(Text("pdf.nation")), motto = Escape(Text("pdf.motto"));
  {
    auto l = d.layout(nation, d.fit(nation, size, true, right_w), true, false, Align::kCenter, right_w, 1.1);
    d.draw(l.get(), right_x, right_y);
    right_y += ExtentOf(l.get()).height;
  }
  {
    auto l = d.layout(motto, d.fit(motto, size + 1, true, right_w), true, false, Align::kCenter, right_w, 1.1);
    d.draw(l.get(), right_x, right_y);
    const Extent e = ExtentOf(l.get());
    right_y += e.height + 1;
    const double len = std::min(e.width, right_w);
    d.hline(right_x + (right_w - len) / 2, right_x + (right_w + len) / 2, right_y);
    right_y += 2;
  }

  // Below: the number on the left, the place and date on the right.
  double y = std::max(left_y, right_y) + 4;
  double below = y;
  if (!h.number.empty()) {
    auto l = d.layout(Escape(h.number), size, false, false, Align::kCenter, left_w, 1.1);
    d.draw(l.get(), d.m.left, y);
    below = std::max(below, y + ExtentOf(l.get()).height);
  }
  if (!h.date_line.empty()) {
    const std::string line = Escape(h.date_line);
    auto l = d.layout(line, d.fit(line, size, false, right_w), false, true, Align::kCenter, right_w, 1.1);
    d.draw(l.get(), right_x, y);
    below = std::max(below, y + ExtentOf(l.get()).height);
  }
  d.y = below + 6;
}

std::string Document::Finish() {
  auto& d = *impl_;
  if (d.finished) throw std::logic_error("pdf::Document finished twice");
  d.finished = true;
  g_object_unref(d.ctx);
  d.ctx = nullptr;
  cairo_destroy(d.cr);
  d.cr = nullptr;
  cairo_surface_finish(d.surface);
  const cairo_status_t status = cairo_surface_status(d.surface);
  cairo_surface_destroy(d.surface);
  d.surface = nullptr;
  if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("cairo: ") + cairo_status_to_string(status));
  return std::move(d.out);
}

async::BlockingPool& Pool(Lane lane) {
  static async::BlockingPool documents(static_cast<int>(std::clamp(std::thread::hardware_concurrency() / 2, 1u, 4u)),
                                       64, 5);
  static async::BlockingPool exports(1, 8, 10);
  return lane == Lane::kExport ? exports : documents;
}

std::string Render(Paper paper, const std::string& title, const std::function<void(Document&)>& build, Lane lane) {
  return Pool(lane).run([&] {
    Document doc(paper, title);
    build(doc);
    return doc.Finish();
  });
}

}  // namespace fg::render::pdf
