#include "features/org/csv.h"

#include <csv.h>

#include <algorithm>
#include <stdexcept>

#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/time.h"

namespace fg::org {
namespace {

struct CsvReader {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> current;
  static void Field(void* s, size_t len, void* self) {
    static_cast<CsvReader*>(self)->current.emplace_back(static_cast<const char*>(s), len);
  }
  static void EndRow(int, void* self) {
    auto* r = static_cast<CsvReader*>(self);
    r->rows.push_back(std::move(r->current));
    r->current.clear();
  }
};

}  // namespace

std::vector<std::vector<std::string>> ParseCsv(std::string_view text, char delimiter) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // Excel's BOM
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::runtime_error("csv_init failed");
  csv_set_delim(&parser, static_cast<unsigned char>(delimiter));
  CsvReader r;
  size_t n = csv_parse(&parser, text.data(), text.size(), CsvReader::Field, CsvReader::EndRow, &r);
  bool ok = n == text.size() && csv_fini(&parser, CsvReader::Field, CsvReader::EndRow, &r) == 0;
  csv_free(&parser);
  if (!ok) throw BadInput("org.csv_malformed", "file", {{"line", std::to_string(r.rows.size() + 1)}});
  return r.rows;
}

void AppendCsvField(std::string& out, std::string_view s) {
  std::string buf(s.size() * 2 + 2, '\0');
  buf.resize(csv_write(buf.data(), buf.size(), s.data(), s.size()));
  out += buf;
}

std::vector<UnitDraft> ReadUnitsCsv(std::string_view csv, std::string_view today) {
  auto rows = ParseCsv(csv);
  if (rows.empty()) throw BadInput("org.csv_empty", "file");
  const std::vector<std::string> expected = {"code", "name", "level", "parent_code", "valid_from", "valid_to"};
  const auto& header = rows.front();
  if (header.size() < expected.size() || !std::equal(expected.begin(), expected.end(), header.begin()))
    throw BadInput("org.csv_header", "file");
  const bool has_successor = header.size() > 6 && header[6] == "successor_code";
  std::vector<UnitDraft> drafts;
  for (size_t i = 1; i < rows.size(); ++i) {
    auto& r = rows[i];
    if (r.size() == 1 && r[0].empty()) continue;
    auto col = [&](size_t k) { return k < r.size() ? r[k] : std::string(); };
    try {
      drafts.push_back(ValidateUnit({col(0), col(1), col(2), col(3), IsoFromDayMonthYear(col(4)),
                                     IsoFromDayMonthYear(col(5)), has_successor ? col(6) : ""},
                                    today));
    } catch (const AppError& e) {
      throw BadInput("org.csv_row", e.field(),
                     {{"line", std::to_string(i + 1)}, {"reason", render::Text(e.key(), e.args())}});
    }
  }
  return drafts;
}

}  // namespace fg::org
