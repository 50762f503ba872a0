// A criteria set's tree as flat rows (pure, no I/O): the spreadsheet that is
// downloaded and imported back, and the line editor's form. A row names its
// parent by key; every value is kept as typed so that a bad one is reported
// beside its own cell or field.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "features/scorecards/model.h"

namespace fg::scorecards {

// One criterion. Codes, not words: method manual | indicator | survey (""
// = manual), rule target | bands | penalty ("" = target), evidence "yes" or "".
// Numbers as people write them ("1,25" or "1.25"); target and bands' lower
// bounds in percent ("95", "95%"); bands "80: 1; 90: 2" (from 80 % one point,
// from 90 % two); min_volume a whole number ("" = the set's).
struct LineRow {
  std::string key, parent, title, max, method, step, indicator, rule, target, bands, per, floor, min_volume, evidence,
      evidence_what, guidance;
};

// The fields' names, in the spreadsheet's column order.
const std::vector<std::string>& LineFields();
std::string& FieldOf(LineRow& r, std::string_view name);  // one of LineFields()

// A node as a row (its children not included).
LineRow RowOf(const Criterion& c, const std::string& parent);
// Every node of the tree, depth first (a parent before its children).
std::vector<LineRow> RowsOf(const std::vector<Criterion>& criteria);

// `base` with its criteria built from `rows` and checked by ValidateSet. Rows
// with every cell empty are skipped. A row's parent is "" (top level) or the
// key of an earlier row; children keep the rows' order; a criterion with
// children gets the sum of their maxima (its own max and method cells are
// ignored). One BadInput naming every bad field at once as "rows[i].<field>"
// (i counts from 0 over `rows` as given), plus scorecards.rows_empty on "rows",
// scorecards.parent_unknown, scorecards.number_format, scorecards.bands_format.
CriteriaSet WithRows(const CriteriaSet& base, const std::vector<LineRow>& rows);

}  // namespace fg::scorecards
