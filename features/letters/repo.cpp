#include "features/letters/repo.h"

#include <map>

#include "features/letters/rules.h"
#include "platform/db/ancestors.h"
#include "platform/db/batch_counts.h"

namespace fg::letters::repo {
namespace {

const char* kTemplateCols = "t.version, u.code, t.type, t.title, t.front, t.back, t.paper, t.border, t.created_at";

Template TemplateOf(const db::Row& r) {
  Template t;
  t.version = r.i64(0);
  t.unit_code = r.text(1);
  t.type = r.text(2);
  t.title = r.text(3);
  t.front = r.text(4);
  t.back = r.text(5);
  t.paper = r.text(6);
  t.border = r.i64(7) != 0;
  t.created_at = r.text(8);
  return t;
}

#define LETTER_COLS                                                                                                 \
  "l.id, l.unit_id, u.code, u.name, u.path, l.type, l.state, l.year, l.number, l.template_version, l.title, "       \
  "l.front, l.back, l.paper, l.border, l.recipient_name, l.recipient_address, l.recipient_phone, l.occasion, "      \
  "l.event_date, l.dossier_code, l.signer_title, l.signer_name, l.channel, l.issued_at, l.printed_at, "             \
  "l.delivered_at, l.source, l.trigger_seq, l.created_at, l.updated_at, l.revision FROM letters l JOIN units u ON " \
  "u.id = l.unit_id "

Letter LetterOf(const db::Row& r) {
  Letter l;
  l.id = r.i64(0);
  l.unit_id = r.i64(1);
  l.unit_code = r.text(2);
  l.unit_name = r.text(3);
  l.unit_path = r.text(4);
  l.type = r.text(5);
  l.state = ParseState(r.text(6)).value_or(State::kDraft);
  l.year = r.opt_i64(7);
  l.number = r.opt_i64(8);
  l.template_version = r.i64(9);
  l.title = r.text(10);
  l.front = r.text(11);
  l.back = r.text(12);
  l.paper = r.text(13);
  l.border = r.i64(14) != 0;
  l.recipient_name = r.text(15);
  l.recipient_address = r.text(16);
  l.recipient_phone = r.text(17);
  l.occasion = r.text(18);
  l.event_date = r.text(19);
  l.dossier_code = r.text(20);
  l.signer_title = r.text(21);
  l.signer_name = r.text(22);
  l.channel = r.text(23);
  l.issued_at = r.text(24);
  l.printed_at = r.text(25);
  l.delivered_at = r.text(26);
  l.source = r.text(27);
  l.trigger_seq = r.opt_i64(28);
  l.created_at = r.text(29);
  l.updated_at = r.text(30);
  l.revision = r.i64(31);
  return l;
}

db::Value OrNull(const std::string& s) { return s.empty() ? db::Value(nullptr) : db::Value(s); }
db::Value OrNull(const std::optional<int64_t>& v) { return v ? db::Value(*v) : db::Value(nullptr); }

}  // namespace

std::optional<Template> NearestTemplate(db::Conn& c, const std::string& unit_path, const std::string& type) {
  static const std::string sql = std::string("SELECT ") + kTemplateCols +
                                 " FROM " FG_ANCESTOR_UNITS
                                 " JOIN letter_templates t ON t.unit_id = u.id"
                                 " WHERE " FG_ANCESTOR_MATCH
                                 " AND t.type = ?"
                                 " ORDER BY length(u.path) DESC, t.version DESC LIMIT 1";
  auto r = c.query_one({"letters.nearest_template", sql.c_str()}, db::AncestorParams(unit_path, {type}));
  if (!r) return std::nullopt;
  return TemplateOf(*r);
}

std::vector<Template> TemplateVersions(db::Conn& c, int64_t unit_id, const std::string& type) {
  static const std::string sql = std::string("SELECT ") + kTemplateCols +
                                 " FROM letter_templates t JOIN units u ON u.id = t.unit_id"
                                 " WHERE t.unit_id = ? AND t.type = ? ORDER BY t.version DESC LIMIT 100";
  std::vector<Template> out;
  for (auto& r : c.query({"letters.template_versions", sql.c_str()}, {unit_id, type})) out.push_back(TemplateOf(r));
  return out;
}

std::optional<Template> TemplateVersion(db::Conn& c, int64_t unit_id, const std::string& type, int64_t version) {
  static const std::string sql = std::string("SELECT ") + kTemplateCols +
                                 " FROM letter_templates t JOIN units u ON u.id = t.unit_id"
                                 " WHERE t.unit_id = ? AND t.type = ? AND t.version = ?";
  auto r = c.query_one({"letters.template_version", sql.c_str()}, {unit_id, type, version});
  if (!r) return std::nullopt;
  return TemplateOf(*r);
}

int64_t InsertTemplate(db::Conn& c, int64_t unit_id, const Template& t, int64_t by, const std::string& at) {
  auto r = c.query_one({"letters.next_template_version",
                        "SELECT COALESCE(MAX(version), 0) + 1 FROM letter_templates WHERE unit_id = ? AND type = ?"},
                       {unit_id, t.type});
  const int64_t version = r->i64(0);
  c.exec({"letters.insert_template",
          "INSERT INTO letter_templates (unit_id, type, version, title, front, back, paper, border, created_by, "
          "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
         {unit_id, t.type, version, t.title, t.front, t.back, t.paper, int64_t{t.border ? 1 : 0}, by, at});
  return version;
}

std::optional<Settings> SettingsOf(db::Conn& c, int64_t unit_id) {
  auto r = c.query_one({"letters.settings",
                        "SELECT u.code, s.place, s.signer_title, s.signer_name FROM letter_settings s "
                        "JOIN units u ON u.id = s.unit_id WHERE s.unit_id = ?"},
                       {unit_id});
  if (!r) return std::nullopt;
  return Settings{r->text(0), r->text(1), r->text(2), r->text(3)};
}

std::optional<Settings> NearestSettings(db::Conn& c, const std::string& unit_path) {
  auto r = db::Nearest(c.query({"letters.nearest_settings",
                                "SELECT u.code, s.place, s.signer_title, s.signer_name, u.path FROM " FG_ANCESTOR_UNITS
                                " JOIN letter_settings s ON s.unit_id = u.id WHERE " FG_ANCESTOR_MATCH},
                               db::AncestorParams(unit_path)));
  if (!r) return std::nullopt;
  return Settings{r->text(0), r->text(1), r->text(2), r->text(3)};
}

void PutSettings(db::Conn& c, int64_t unit_id, const Settings& s, const std::string& at) {
  c.exec({"letters.put_settings",
          "INSERT INTO letter_settings (unit_id, place, signer_title, signer_name, updated_at) VALUES (?, ?, ?, ?, ?) "
          "ON CONFLICT (unit_id) DO UPDATE SET place = excluded.place, signer_title = excluded.signer_title, "
          "signer_name = excluded.signer_name, updated_at = excluded.updated_at"},
         {unit_id, s.place, s.signer_title, s.signer_name, at});
}

std::optional<int64_t> InsertLetter(db::Conn& c, const Letter& l, int64_t by, const std::string& at) {
  auto r = c.query_one(
      {"letters.insert",
       "INSERT INTO letters (unit_id, type, state, year, number, template_version, title, front, back, paper, border, "
       "recipient_name, recipient_address, recipient_phone, occasion, event_date, dossier_code, signer_title, "
       "signer_name, channel, issued_at, printed_at, delivered_at, source, trigger_seq, created_by, created_at, "
       "updated_at) VALUES (?, ?, 'draft', NULL, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, "
       "?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id"},
      {l.unit_id,
       l.type,
       l.template_version,
       l.title,
       l.front,
       l.back,
       l.paper,
       int64_t{l.border ? 1 : 0},
       l.recipient_name,
       l.recipient_address,
       l.recipient_phone,
       l.occasion,
       l.event_date,
       OrNull(l.dossier_code),
       l.signer_title,
       l.signer_name,
       l.channel,
       l.source,
       OrNull(l.trigger_seq),
       by,
       at,
       at});
  if (!r) return std::nullopt;
  return r->i64(0);
}

std::optional<Letter> LetterById(db::Conn& c, int64_t id) {
  auto r = c.query_one({"letters.by_id", "SELECT " LETTER_COLS "WHERE l.id = ?"}, {id});
  if (!r) return std::nullopt;
  return LetterOf(*r);
}

std::vector<Letter> LettersByIds(db::Conn& c, const std::vector<int64_t>& ids) {
  std::vector<Letter> out;
  out.reserve(ids.size());
  for (int64_t id : ids)
    if (auto l = LetterById(c, id)) out.push_back(std::move(*l));
  return out;
}

// One statement for every filter combination (an empty filter matches all):
// statements are cached by the address of their text, so SQL is never built
// per call.
const db::Query kListLetters{"letters.list",
                             "SELECT " LETTER_COLS
                             "WHERE u.path LIKE ? AND (? = '' OR l.type = ?) AND (? = '' OR l.state = ?) "
                             "AND (? = '' OR l.created_at >= ?) AND (? = '' OR l.created_at < ?) "
                             "AND (? = 0 OR l.id < ?) ORDER BY l.id DESC LIMIT ?"};

std::vector<Letter> ListLetters(db::Conn& c, const std::string& path_prefix, const LetterQuery& q) {
  const std::vector<db::Value> params{
      path_prefix + "%", q.type, q.type, q.state, q.state, q.from, q.from, q.to, q.to, q.after_id, q.after_id, q.limit};
  std::vector<Letter> out;
  for (auto& r : c.query(kListLetters, params)) out.push_back(LetterOf(r));
  return out;
}

bool MarkPrinted(db::Conn& c, int64_t id, const std::string& now) {
  return c.exec({"letters.mark_printed",
                 "UPDATE letters SET printed_at = ?, updated_at = ?, revision = revision + 1 "
                 "WHERE id = ? AND state = 'issued' AND printed_at IS NULL"},
                {now, now, id}) == 1;
}

bool UpdateState(db::Conn& c, const Letter& l) {
  return c.exec({"letters.update_state",
                 "UPDATE letters SET state = ?, year = ?, number = ?, issued_at = ?, printed_at = ?, delivered_at = ?, "
                 "channel = ?, signer_title = ?, signer_name = ?, title = ?, front = ?, back = ?, updated_at = ?, "
                 "revision = revision + 1 WHERE id = ?"},
                {std::string(StateName(l.state)), OrNull(l.year), OrNull(l.number), OrNull(l.issued_at),
                 OrNull(l.printed_at), OrNull(l.delivered_at), l.channel, l.signer_title, l.signer_name, l.title,
                 l.front, l.back, l.updated_at, l.id}) == 1;
}

bool UpdateDraftText(db::Conn& c, int64_t id, int64_t revision, const std::string& title, const std::string& front,
                     const std::string& back, const std::string& now) {
  return c.exec({"letters.update_draft_text",
                 "UPDATE letters SET title = ?, front = ?, back = ?, updated_at = ?, revision = revision + 1 "
                 "WHERE id = ? AND state = 'draft' AND revision = ?"},
                {title, front, back, now, id, revision}) == 1;
}

int64_t NextNumber(db::Conn& c, int64_t unit_id, int64_t year) {
  // Bumped, then read: RETURNING would make SQLite gather its one row in a temporary table.
  c.exec({"letters.bump_number",
          "INSERT INTO letter_serials (unit_id, year, last) VALUES (?, ?, 1) "
          "ON CONFLICT (unit_id, year) DO UPDATE SET last = letter_serials.last + 1"},
         {unit_id, year});
  return c
      .query_one({"letters.number", "SELECT last FROM letter_serials WHERE unit_id = ? AND year = ?"}, {unit_id, year})
      ->i64(0);
}

void AddCount(db::Conn& c, int64_t unit_id, const std::string& month, const std::string& type, int64_t delta) {
  db::counts::Add(c,
                  {"letters.add_count",
                   "INSERT INTO letter_counts (unit_id, month, type, n) VALUES (?, ?, ?, ?) "
                   "ON CONFLICT (unit_id, month, type) DO UPDATE SET n = letter_counts.n + excluded.n"},
                  {unit_id, month, type}, {delta});
}

std::vector<CountRow> CountsUnder(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                  const std::string& to) {
  std::vector<CountRow> out;
  for (auto& r : c.query({"letters.counts",
                          "SELECT k.month, k.type, SUM(k.n) FROM letter_counts k JOIN units u ON u.id = k.unit_id "
                          "WHERE u.path LIKE ? AND k.month >= ? AND k.month <= ? "
                          "GROUP BY k.month, k.type ORDER BY k.month, k.type"},
                         {path_prefix + "%", from, to}))
    out.push_back({r.text(0), r.text(1), r.i64(2)});
  return out;
}

int64_t Cursor(db::Conn& c) {
  return c.query_one({"letters.cursor", "SELECT seq FROM letter_cursor WHERE id = 1"})->i64(0);
}

void SetCursor(db::Conn& c, int64_t seq) {
  c.exec({"letters.set_cursor", "UPDATE letter_cursor SET seq = ? WHERE id = 1"}, {seq});
}

// Its WHERE names the partial index events_desk's (migration 0051), which is
// what lets SQLite read the window from it.
#define FG_DESK_EVENTS                                                                            \
  "SELECT seq, entity_id, action FROM events WHERE entity = 'dossier' AND action IN ('receive', " \
  "'return', 'apology') AND seq > ? AND seq <= ? ORDER BY seq"

std::vector<DeskEvent> DeskEventsAfter(db::Conn& c, int64_t seq, int64_t limit) {
  std::vector<DeskEvent> out;
  for (auto& r : c.query({"letters.desk_events", FG_DESK_EVENTS}, {seq, seq + limit}))
    out.push_back({r.i64(0), r.text(1), r.text(2)});
  return out;
}

std::vector<std::string> DeskEventsPlan(db::Conn& c) {
  if (c.backend() != db::Backend::kSqlite) return {};
  std::vector<std::string> out;
  for (auto& r : c.query({"letters.desk_events_plan", "EXPLAIN QUERY PLAN " FG_DESK_EVENTS}, {int64_t{0}, int64_t{1}}))
    out.push_back(r.text(3));
  return out;
}

int64_t LastSealed(db::Conn& c, int64_t after, int64_t limit) {
  auto r = c.query_one({"letters.last_sealed", "SELECT MAX(seq) FROM events WHERE seq > ? AND seq <= ?"},
                       {after, after + limit});
  return r && !r->is_null(0) ? r->i64(0) : after;
}

std::optional<std::string> ProcedureType(db::Conn& c, const std::string& unit_path, const std::string& procedure_code) {
  auto rule = db::Nearest(
      c.query({"letters.procedure_rule", "SELECT r.type, u.path FROM " FG_ANCESTOR_UNITS
                                         " JOIN letter_procedure_rules r ON r.unit_id = u.id WHERE " FG_ANCESTOR_MATCH
                                         " AND r.procedure_code = ?"},
              db::AncestorParams(unit_path, {procedure_code})));
  if (rule) {
    if (rule->text(0).empty()) return std::nullopt;
    return rule->text(0);
  }
  auto r = c.query_one({"letters.procedure_type", "SELECT type FROM letter_procedure_types WHERE procedure_code = ?"},
                       {procedure_code});
  if (!r) return std::nullopt;
  return r->text(0);
}

std::vector<ProcedureRule> ProcedureRules(db::Conn& c, const std::string& unit_path) {
  std::map<std::string, ProcedureRule> by_code;
  for (auto& r :
       c.query({"letters.procedure_defaults",
                "SELECT procedure_code, type FROM letter_procedure_types ORDER BY procedure_code LIMIT 1000"}))
    by_code[r.text(0)] = ProcedureRule{r.text(0), r.text(1), "", "", r.text(1)};
  // Farthest ancestor first, so that the nearest unit's rule is written last.
  for (auto& r :
       c.query({"letters.procedure_rules", "SELECT r.procedure_code, r.type, u.code, u.name FROM " FG_ANCESTOR_UNITS
                                           " JOIN letter_procedure_rules r ON r.unit_id = u.id WHERE " FG_ANCESTOR_MATCH
                                           " ORDER BY length(u.path), r.procedure_code LIMIT 1000"},
               db::AncestorParams(unit_path))) {
    auto& rule = by_code[r.text(0)];
    rule.procedure_code = r.text(0);
    rule.type = r.text(1);
    rule.unit_code = r.text(2);
    rule.unit_name = r.text(3);
  }
  std::vector<ProcedureRule> out;
  for (auto& [code, rule] : by_code) out.push_back(std::move(rule));
  return out;
}

void PutProcedureRule(db::Conn& c, int64_t unit_id, const std::string& code, const std::string& type,
                      const std::string& at) {
  c.exec({"letters.put_procedure_rule",
          "INSERT INTO letter_procedure_rules (unit_id, procedure_code, type, updated_at) VALUES (?, ?, ?, ?) "
          "ON CONFLICT (unit_id, procedure_code) DO UPDATE SET type = excluded.type, updated_at = excluded.updated_at"},
         {unit_id, code, type, at});
}

bool DeleteProcedureRule(db::Conn& c, int64_t unit_id, const std::string& code) {
  return c.exec({"letters.delete_procedure_rule",
                 "DELETE FROM letter_procedure_rules WHERE unit_id = ? AND procedure_code = ?"},
                {unit_id, code}) == 1;
}

namespace {
DoNotSend DoNotSendOf(const db::Row& r) {
  DoNotSend d;
  d.id = r.i64(0);
  d.unit_code = r.text(1);
  d.name = r.text(2);
  d.id_number = r.text(3);
  d.note = r.text(4);
  d.created_at = r.text(5);
  d.phone = r.text(6);
  return d;
}
}  // namespace

std::vector<DoNotSend> DoNotSendUnder(db::Conn& c, const std::string& path_prefix) {
  std::vector<DoNotSend> out;
  for (auto& r :
       c.query({"letters.do_not_send",
                "SELECT d.id, u.code, d.name, d.id_number, d.note, d.created_at, d.phone FROM letter_do_not_send d "
                "JOIN units u ON u.id = d.unit_id WHERE u.path LIKE ? "
                "ORDER BY d.id DESC LIMIT 1000"},
               {path_prefix + "%"}))
    out.push_back(DoNotSendOf(r));
  return out;
}

bool DoNotSendMatches(db::Conn& c, const std::string& unit_path, const std::string& name_fold,
                      const std::string& id_number, const std::string& phone) {
  return c
      .query_one({"letters.do_not_send_match",
                  "SELECT 1 FROM " FG_ANCESTOR_UNITS " JOIN letter_do_not_send d ON d.unit_id = u.id "
                  "WHERE " FG_ANCESTOR_MATCH " AND "
                  "((d.id_number <> '' AND d.id_number = ?) OR (d.phone <> '' AND d.phone = ?) OR "
                  "((d.id_number = '' OR ? = '') AND d.name_fold = ?)) LIMIT 1"},
                 db::AncestorParams(unit_path, {id_number, phone, id_number, name_fold}))
      .has_value();
}

int64_t InsertDoNotSend(db::Conn& c, int64_t unit_id, const DoNotSend& d, const std::string& name_fold, int64_t by,
                        const std::string& at) {
  return c.insert(
      {"letters.insert_do_not_send",
       "INSERT INTO letter_do_not_send (unit_id, name, name_fold, id_number, phone, note, created_by, created_at) "
       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"},
      {unit_id, d.name, name_fold, d.id_number, d.phone, d.note, by, at});
}

std::optional<DoNotSend> DoNotSendById(db::Conn& c, int64_t id, std::string* unit_path) {
  auto r = c.query_one({"letters.do_not_send_by_id",
                        "SELECT d.id, u.code, d.name, d.id_number, d.note, d.created_at, d.phone, u.path "
                        "FROM letter_do_not_send d JOIN units u ON u.id = d.unit_id WHERE d.id = ?"},
                       {id});
  if (!r) return std::nullopt;
  if (unit_path) *unit_path = r->text(7);
  return DoNotSendOf(*r);
}

void DeleteDoNotSend(db::Conn& c, int64_t id) {
  c.exec({"letters.delete_do_not_send", "DELETE FROM letter_do_not_send WHERE id = ?"}, {id});
}

}  // namespace fg::letters::repo
