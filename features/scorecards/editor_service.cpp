// The set editor's use cases: a new version to edit, one line saved or
// removed, every line replaced from a spreadsheet. Each builds the whole tree
// again from rows (lines.h) after EditableSet (who first: the owner's
// administrators; then never a version in use) and stores it with Store, which
// refuses a version changed since it was read (409 scorecards.set_changed: no
// edit is lost) and records the event.
#include <algorithm>

#include "features/org/repo.h"
#include "features/scorecards/repo.h"
#include "features/scorecards/rules.h"
#include "features/scorecards/service.h"
#include "platform/errors.h"
#include "platform/text/text.h"

namespace fg::scorecards {

using auth::Principal;
using auth::Role;

bool Service::OwnedByAdmin(const Principal& p, const CriteriaSet& s) {
  if (!s.unit_id) return false;  // a shipped template belongs to nobody
  auto owner = db_.read([&](db::Conn& c) { return org::repo::UnitById(c, s.unit_id); });
  return owner && auth::Covers(p, owner->path, {Role::kAdmin});
}

bool Service::MayEditSet(const Principal& p, const CriteriaSet& s) { return !s.frozen && OwnedByAdmin(p, s); }

CriteriaSet Service::EditableSet(const Principal& p, int64_t id) {
  CriteriaSet s = GetSet(p, id);
  // Who first, then whether it is in use.
  if (!OwnedByAdmin(p, s)) throw Forbidden();
  if (s.frozen) throw AppError(ErrorKind::kConflict, "scorecards.set_frozen");
  return s;
}

CriteriaSet Service::NewVersion(const Principal& p, int64_t id, const std::string& unit_code, const std::string& code) {
  CriteriaSet copy = GetSet(p, id);
  if (!code.empty()) copy.code = code;
  copy.sample = false;
  return ImportSet(p, unit_code, copy);
}

namespace {
// Index of the row of `key`, or rows.size().
size_t RowIndex(const std::vector<LineRow>& rows, const std::string& key) {
  return static_cast<size_t>(std::find_if(rows.begin(), rows.end(), [&](const LineRow& r) { return r.key == key; }) -
                             rows.begin());
}

// Whether row i descends from the row of `key` (rows depth first, parents by key).
bool Descends(const std::vector<LineRow>& rows, size_t i, const std::string& key) {
  for (std::string parent = rows[i].parent; !parent.empty();) {
    if (parent == key) return true;
    const size_t at = RowIndex(rows, parent);
    if (at >= i) return false;
    parent = rows[at].parent;
  }
  return false;
}

// The line's own fields named plainly, the others' as rows[i].<field>.
AppError OwnFieldsPlain(const AppError& e, size_t own) {
  const std::string prefix = "rows[" + std::to_string(own) + "].";
  return WithFieldsRenamed(e,
                           [&](const std::string& f) { return f.starts_with(prefix) ? f.substr(prefix.size()) : f; });
}
}  // namespace

CriteriaSet Service::SaveLine(const Principal& p, int64_t id, const std::string& old_key, const LineRow& row) {
  const CriteriaSet s = EditableSet(p, id);
  auto rows = RowsOf(s.criteria);
  // A key another line has: said beside this line's key (WithRows would name the other row).
  const std::string key = text::Trim(row.key);
  if (key != old_key && RowIndex(rows, key) != rows.size())
    throw BadInput("scorecards.key_duplicate", "key", {{"key", key}});
  size_t at = 0;
  if (old_key.empty()) {
    // After the parent's last descendant (depth first keeps a subtree together).
    at = rows.size();
    if (!row.parent.empty()) {
      const size_t parent = RowIndex(rows, row.parent);
      if (parent == rows.size()) throw BadInput("scorecards.parent_unknown", "parent", {{"parent", row.parent}});
      at = parent + 1;
      while (at < rows.size() && Descends(rows, at, row.parent)) ++at;
    }
    rows.insert(rows.begin() + static_cast<std::ptrdiff_t>(at), row);
  } else {
    at = RowIndex(rows, old_key);
    if (at == rows.size()) throw NotFound("scorecards.line_not_found");
    LineRow changed = row;
    changed.parent = rows[at].parent;  // a line stays where it is
    if (changed.key != old_key)
      for (auto& r : rows)
        if (r.parent == old_key) r.parent = changed.key;
    rows[at] = changed;
  }
  CriteriaSet next;
  try {
    next = WithRows(s, rows);
  } catch (const AppError& e) {
    throw OwnFieldsPlain(e, at);
  }
  return Store(p, s, next, &s);
}

CriteriaSet Service::RemoveLine(const Principal& p, int64_t id, const std::string& key) {
  const CriteriaSet s = EditableSet(p, id);
  auto rows = RowsOf(s.criteria);
  const size_t at = RowIndex(rows, key);
  if (at == rows.size()) throw NotFound("scorecards.line_not_found");
  std::vector<LineRow> kept;
  for (size_t i = 0; i < rows.size(); ++i)
    if (i != at && !Descends(rows, i, key)) kept.push_back(rows[i]);
  // A criterion left without children becomes a line scored by hand.
  return Store(p, s, WithRows(s, kept), &s);
}

CriteriaSet Service::ReplaceLines(const Principal& p, int64_t id, const std::vector<LineRow>& rows) {
  const CriteriaSet s = EditableSet(p, id);
  return Store(p, s, WithRows(s, rows), &s);
}

}  // namespace fg::scorecards
