#include "features/feedback/repo.h"

#include "features/feedback/rules.h"
#include "platform/auth/crypto.h"

namespace fg::feedback::repo {
namespace {

#define FB_ITEM_COLS                                                                                              \
  "i.id, i.code, i.unit_id, u.code, u.name, u.path, i.kind, i.channel, i.category, i.state, i.version, i.title, " \
  "i.content, i.person_name, i.person_phone, i.person_email, i.person_address, i.anonymous, i.dossier_code, "     \
  "i.procedure_code, i.about_official_id, i.assignee_id, a.full_name, i.received_at, i.starts_at, i.due_at, "     \
  "i.extended, i.extension_reason, i.paused_since, i.reply_draft, i.reply, i.published, i.published_answer, "     \
  "i.answered_at, i.closed_at, i.timeliness, i.reopen_count, i.merged_into, m.code, i.created_at, i.updated_at, " \
  "i.lookup_key "                                                                                                 \
  "FROM feedback_items i JOIN units u ON u.id = i.unit_id LEFT JOIN officials a ON a.id = i.assignee_id "         \
  "LEFT JOIN feedback_items m ON m.id = i.merged_into "

db::Value Opt(const std::string& s) { return s.empty() ? db::Value(nullptr) : db::Value(s); }
db::Value Opt(const std::optional<int64_t>& v) { return v ? db::Value(*v) : db::Value(nullptr); }

Item ItemOf(const db::Row& r) {
  Item i;
  i.id = r.i64(0);
  i.code = r.text(1);
  i.unit_id = r.i64(2);
  i.unit_code = r.text(3);
  i.unit_name = r.text(4);
  i.unit_path = r.text(5);
  i.kind = ParseKind(r.text(6)).value_or(Kind::kFeedback);
  i.channel = r.text(7);
  i.category = r.text(8);
  i.state = ParseState(r.text(9)).value_or(State::kReceived);
  i.version = r.i64(10);
  i.title = r.text(11);
  i.content = r.text(12);
  i.person = {r.text(13), r.text(14), r.text(15), r.text(16)};
  i.anonymous = r.i64(17) != 0;
  i.dossier_code = r.text(18);
  i.procedure_code = r.text(19);
  i.about_official_id = r.opt_i64(20);
  i.assignee_id = r.opt_i64(21);
  i.assignee_name = r.text(22);
  i.received_at = r.text(23);
  i.starts_at = r.text(24);
  i.due_at = r.text(25);
  i.extended = r.i64(26) != 0;
  i.extension_reason = r.text(27);
  i.paused_since = r.text(28);
  i.reply_draft = r.text(29);
  i.reply = r.text(30);
  i.published = r.i64(31) != 0;
  i.published_answer = r.text(32);
  i.answered_at = r.text(33);
  i.closed_at = r.text(34);
  i.timeliness = r.text(35);
  i.reopen_count = r.i64(36);
  i.merged_into = r.opt_i64(37);
  i.merged_into_code = r.text(38);
  i.created_at = r.text(39);
  i.updated_at = r.text(40);
  i.lookup_key = r.text(41);
  return i;
}

// Bumped, then read: RETURNING would make SQLite gather its one row in a temporary table.
const db::Query kBumpSerial{"feedback_bump_serial",
                            "INSERT INTO feedback_serials (unit_id, year, last) VALUES (?, ?, 1) "
                            "ON CONFLICT (unit_id, year) DO UPDATE SET last = feedback_serials.last + 1"};
const db::Query kSerial{"feedback_serial", "SELECT last FROM feedback_serials WHERE unit_id = ? AND year = ?"};
const db::Query kInsertItem{
    "feedback_insert",
    "INSERT INTO feedback_items (code, unit_id, received_unit_id, kind, channel, category, state, version, title, "
    "content, person_name, person_phone, person_email, person_address, anonymous, dossier_code, procedure_code, "
    "about_official_id, assignee_id, received_at, starts_at, due_at, extended, extension_reason, paused_since, "
    "reply_draft, reply, published, published_answer, answered_at, closed_at, timeliness, reopen_count, "
    "merged_into, created_by, created_at, updated_at, lookup_key) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, NULL, ?, ?, ?, 0, '', NULL, '', '', 0, '', NULL, NULL, '', 0, NULL, ?, ?, ?, ?)"};
const db::Query kItemByCode{"feedback_by_code", "SELECT " FB_ITEM_COLS "WHERE i.code = ?"};
const db::Query kItemById{"feedback_by_id", "SELECT " FB_ITEM_COLS "WHERE i.id = ?"};
const db::Query kUpdateItem{
    "feedback_update",
    "UPDATE feedback_items SET unit_id = ?, category = ?, state = ?, version = version + 1, assignee_id = ?, "
    "starts_at = ?, due_at = ?, extended = ?, extension_reason = ?, paused_since = ?, reply_draft = ?, reply = ?, "
    "published = ?, published_answer = ?, answered_at = ?, closed_at = ?, timeliness = ?, reopen_count = ?, "
    "merged_into = ?, updated_at = ? WHERE id = ? AND version = ?"};
const db::Query kInsertStep{"feedback_step_insert",
                            "INSERT INTO feedback_steps (item_id, at, actor_id, action, body, internal) "
                            "VALUES (?, ?, ?, ?, ?, ?)"};
const db::Query kSteps{"feedback_steps",
                       "SELECT s.id, s.item_id, s.at, s.actor_id, o.full_name, s.action, s.body, s.internal "
                       "FROM feedback_steps s LEFT JOIN officials o ON o.id = s.actor_id "
                       "WHERE s.item_id = ? ORDER BY s.id"};
const db::Query kOpenPause{"feedback_pause_open",
                           "INSERT INTO feedback_pauses (item_id, from_at, to_at) VALUES (?, ?, NULL)"};
const db::Query kClosePause{"feedback_pause_close",
                            "UPDATE feedback_pauses SET to_at = ? WHERE item_id = ? AND to_at IS NULL"};
const db::Query kPauses{"feedback_pauses", "SELECT from_at, to_at FROM feedback_pauses WHERE item_id = ? ORDER BY id"};
const db::Query kItemsUnder{
    "feedback_items_under",
    "SELECT " FB_ITEM_COLS
    "WHERE u.path LIKE ? AND (? = '' OR i.kind = ?) AND (? = '' OR i.state = ?) "
    "AND (? = '' OR (i.state IN ('received', 'in_progress', 'info_requested', 'awaiting_approval') "
    "AND i.due_at IS NOT NULL AND i.due_at <= ?)) AND (? = 0 OR i.id < ?) ORDER BY i.id DESC LIMIT ?"};

const db::Query kPublicItems{"feedback_public_items",
                             "SELECT " FB_ITEM_COLS
                             "WHERE u.path LIKE ? AND i.kind IN ('feedback', 'recommendation') AND i.received_at >= ? "
                             "AND i.received_at <= ? AND i.state <> 'merged' AND (? = '' OR i.category = ?) "
                             "AND (? = '' OR (? = 'open') = (i.state IN ('received', 'in_progress', 'info_requested', "
                             "'awaiting_approval'))) ORDER BY i.id DESC LIMIT ?"};

const db::Query kChannel{"feedback_channel",
                         "SELECT app_id, secret, updated_at FROM feedback_channels WHERE unit_id = ? AND channel = ?"};
const db::Query kPutChannel{"feedback_channel_put",
                            "INSERT INTO feedback_channels (unit_id, channel, app_id, secret, updated_at) "
                            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (unit_id, channel) DO UPDATE SET "
                            "app_id = excluded.app_id, secret = excluded.secret, updated_at = excluded.updated_at"};
const db::Query kIntakeExists{"feedback_intake_exists",
                              "SELECT 1 FROM feedback_intake WHERE channel = ? AND message_id = ?"};
const db::Query kInsertIntake{"feedback_intake_insert",
                              "INSERT INTO feedback_intake (channel, message_id, item_id, sender, created_at) "
                              "VALUES (?, ?, ?, ?, ?)"};

}  // namespace

std::optional<ChannelRow> Channel(db::Conn& c, int64_t unit_id, const std::string& channel) {
  auto r = c.query_one(kChannel, {unit_id, channel});
  if (!r) return std::nullopt;
  return ChannelRow{r->text(0), r->text(1), r->text(2)};
}

void PutChannel(db::Conn& c, int64_t unit_id, const std::string& channel, const ChannelRow& row,
                const std::string& now) {
  c.exec(kPutChannel, {unit_id, channel, row.app_id, row.secret, now});
}

bool IntakeExists(db::Conn& c, const std::string& channel, const std::string& message_id) {
  return c.query_one(kIntakeExists, {channel, message_id}).has_value();
}

std::string IntakeSender(db::Conn& c, int64_t item_id, const std::string& channel) {
  auto r = c.query_one({"feedback_intake_sender",
                        "SELECT sender FROM feedback_intake WHERE item_id = ? AND channel = ? ORDER BY id LIMIT 1"},
                       {item_id, channel});
  return r ? r->text(0) : "";
}

void InsertIntake(db::Conn& c, const std::string& channel, const std::string& message_id, int64_t item_id,
                  const std::string& sender, const std::string& now) {
  c.exec(kInsertIntake, {channel, message_id, item_id, sender, now});
}

std::vector<Item> PublicItems(db::Conn& c, const std::string& path_prefix, const std::string& from,
                              const std::string& to, const std::string& category, const std::string& status,
                              int limit) {
  std::vector<Item> out;
  for (auto& r :
       c.query(kPublicItems, {path_prefix + "%", from, to, category, category, status, status, int64_t{limit}}))
    out.push_back(ItemOf(r));
  return out;
}

int64_t NextSerial(db::Conn& c, int64_t unit_id, int year) {
  c.exec(kBumpSerial, {unit_id, int64_t{year}});
  return c.query_one(kSerial, {unit_id, int64_t{year}})->i64(0);
}

int64_t InsertItem(db::Conn& c, const Item& i, std::optional<int64_t> created_by) {
  return c.insert(kInsertItem, {i.code,
                                i.unit_id,
                                i.unit_id,
                                std::string(KindName(i.kind)),
                                i.channel,
                                i.category,
                                std::string(StateName(i.state)),
                                i.title,
                                i.content,
                                i.person.name,
                                i.person.phone,
                                i.person.email,
                                i.person.address,
                                int64_t{i.anonymous},
                                i.dossier_code,
                                i.procedure_code,
                                Opt(i.about_official_id),
                                i.received_at,
                                i.starts_at,
                                Opt(i.due_at),
                                Opt(created_by),
                                i.created_at,
                                i.updated_at,
                                i.lookup_key});
}

std::optional<Item> ItemByCode(db::Conn& c, const std::string& code) {
  auto r = c.query_one(kItemByCode, {code});
  if (!r) return std::nullopt;
  return ItemOf(*r);
}

std::optional<Item> ItemById(db::Conn& c, int64_t id) {
  auto r = c.query_one(kItemById, {id});
  if (!r) return std::nullopt;
  return ItemOf(*r);
}

bool UpdateItem(db::Conn& c, const Item& i) {
  return c.exec(kUpdateItem, {i.unit_id,
                              i.category,
                              std::string(StateName(i.state)),
                              Opt(i.assignee_id),
                              i.starts_at,
                              Opt(i.due_at),
                              int64_t{i.extended},
                              i.extension_reason,
                              Opt(i.paused_since),
                              i.reply_draft,
                              i.reply,
                              int64_t{i.published},
                              i.published_answer,
                              Opt(i.answered_at),
                              Opt(i.closed_at),
                              i.timeliness,
                              i.reopen_count,
                              Opt(i.merged_into),
                              i.updated_at,
                              i.id,
                              i.version}) == 1;
}

void InsertStep(db::Conn& c, const Step& s) {
  c.exec(kInsertStep, {s.item_id, s.at, Opt(s.actor_id), s.action, s.text, int64_t{s.internal}});
}

std::vector<Step> Steps(db::Conn& c, int64_t item_id) {
  std::vector<Step> out;
  for (auto& r : c.query(kSteps, {item_id})) {
    Step s;
    s.id = r.i64(0);
    s.item_id = r.i64(1);
    s.at = r.text(2);
    s.actor_id = r.opt_i64(3);
    s.actor_name = r.text(4);
    s.action = r.text(5);
    s.text = r.text(6);
    s.internal = r.i64(7) != 0;
    out.push_back(std::move(s));
  }
  return out;
}

void OpenPause(db::Conn& c, int64_t item_id, const std::string& from) { c.exec(kOpenPause, {item_id, from}); }
void ClosePause(db::Conn& c, int64_t item_id, const std::string& to) { c.exec(kClosePause, {to, item_id}); }

std::vector<PauseSpan> Pauses(db::Conn& c, int64_t item_id) {
  std::vector<PauseSpan> out;
  for (auto& r : c.query(kPauses, {item_id})) out.push_back({r.text(0), r.text(1)});
  return out;
}

std::vector<Item> ItemsUnder(db::Conn& c, const std::string& path_prefix, const std::string& kind,
                             const std::string& state, const std::string& open_due_by, int64_t before_id, int limit) {
  std::vector<Item> out;
  for (auto& r : c.query(kItemsUnder, {path_prefix + "%", kind, kind, state, state, open_due_by, open_due_by, before_id,
                                       before_id, int64_t{limit}}))
    out.push_back(ItemOf(r));
  return out;
}

// ---- photos ----

void InsertPhoto(db::Conn& c, int64_t item_id, const Photo& p) {
  c.exec({"feedback_photo_insert",
          "INSERT INTO feedback_photos (item_id, n, mime, width, height, size, sha256, content) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"},
         {item_id, int64_t{p.n}, p.mime, p.width, p.height, p.size, p.sha256, auth::Base64(p.bytes)});
}

namespace {
Photo PhotoRow(const db::Row& r) {
  return {static_cast<int>(r.i64(0)), r.text(1), r.i64(2), r.i64(3), r.i64(4), r.text(5), ""};
}
}  // namespace

std::vector<Photo> PhotosOf(db::Conn& c, int64_t item_id) {
  std::vector<Photo> out;
  for (const auto& r : c.query({"feedback_photos_of",
                                "SELECT n, mime, width, height, size, sha256 FROM feedback_photos "
                                "WHERE item_id = ? ORDER BY n"},
                               {item_id}))
    out.push_back(PhotoRow(r));
  return out;
}

std::optional<Photo> PhotoOf(db::Conn& c, int64_t item_id, int n) {
  auto r = c.query_one({"feedback_photo_of",
                        "SELECT n, mime, width, height, size, sha256, content FROM feedback_photos "
                        "WHERE item_id = ? AND n = ?"},
                       {item_id, int64_t{n}});
  if (!r) return std::nullopt;
  Photo p = PhotoRow(*r);
  p.bytes = auth::FromBase64(r->text(6)).value_or("");
  return p;
}

// ---- files attached to e-mails ----

void InsertAttachment(db::Conn& c, int64_t item_id, const Attachment& a) {
  c.exec({"feedback_attachment_insert",
          "INSERT INTO feedback_attachments (item_id, n, filename, mime, size, sha256, content) "
          "VALUES (?, ?, ?, ?, ?, ?, ?)"},
         {item_id, int64_t{a.n}, a.filename, a.mime, a.size, a.sha256, auth::Base64(a.bytes)});
}

namespace {
Attachment AttachmentRow(const db::Row& r) {
  return {static_cast<int>(r.i64(0)), r.text(1), r.text(2), r.i64(3), r.text(4), ""};
}
}  // namespace

std::vector<Attachment> AttachmentsOf(db::Conn& c, int64_t item_id) {
  std::vector<Attachment> out;
  for (const auto& r : c.query({"feedback_attachments_of",
                                "SELECT n, filename, mime, size, sha256 FROM feedback_attachments "
                                "WHERE item_id = ? ORDER BY n"},
                               {item_id}))
    out.push_back(AttachmentRow(r));
  return out;
}

std::optional<Attachment> AttachmentOf(db::Conn& c, int64_t item_id, int n) {
  auto r = c.query_one({"feedback_attachment_of",
                        "SELECT n, filename, mime, size, sha256, content FROM feedback_attachments "
                        "WHERE item_id = ? AND n = ?"},
                       {item_id, int64_t{n}});
  if (!r) return std::nullopt;
  Attachment a = AttachmentRow(*r);
  a.bytes = auth::FromBase64(r->text(5)).value_or("");
  return a;
}

// ---- the units' feedback mailboxes (IMAP) ----

namespace {
#define FG_MAILBOX_COLUMNS                                                                                 \
  "SELECT unit_id, url, username, password, uidvalidity, last_uid, taken, checked_at, error, updated_at, " \
  "skip_backlog, failed_uid, failures FROM feedback_mailboxes"
const db::Query kMailbox{"feedback_mailbox", FG_MAILBOX_COLUMNS " WHERE unit_id = ?"};
const db::Query kMailboxes{"feedback_mailboxes", FG_MAILBOX_COLUMNS " ORDER BY unit_id"};
#undef FG_MAILBOX_COLUMNS
MailboxRow MailboxOf(const db::Row& r) {
  return {r.i64(0),  r.text(1), r.text(2), r.text(3),      r.i64(4),  r.i64(5), r.i64(6),
          r.text(7), r.text(8), r.text(9), r.i64(10) != 0, r.i64(11), r.i64(12)};
}
}  // namespace

std::optional<MailboxRow> Mailbox(db::Conn& c, int64_t unit_id) {
  auto r = c.query_one(kMailbox, {unit_id});
  if (!r) return std::nullopt;
  return MailboxOf(*r);
}

std::vector<MailboxRow> Mailboxes(db::Conn& c) {
  std::vector<MailboxRow> out;
  for (const auto& r : c.query(kMailboxes, {})) out.push_back(MailboxOf(r));
  return out;
}

void PutMailbox(db::Conn& c, const MailboxRow& m, const std::string& now) {
  c.exec(
      {"feedback_mailbox_put",
       "INSERT INTO feedback_mailboxes (unit_id, url, username, password, updated_at, skip_backlog) "
       "VALUES (?, ?, ?, ?, ?, ?) "
       "ON CONFLICT (unit_id) DO UPDATE SET "
       "uidvalidity = CASE WHEN feedback_mailboxes.url = excluded.url THEN feedback_mailboxes.uidvalidity ELSE 0 END, "
       "last_uid = CASE WHEN feedback_mailboxes.url = excluded.url THEN feedback_mailboxes.last_uid ELSE 0 END, "
       "failed_uid = CASE WHEN feedback_mailboxes.url = excluded.url THEN feedback_mailboxes.failed_uid ELSE 0 END, "
       "failures = CASE WHEN feedback_mailboxes.url = excluded.url THEN feedback_mailboxes.failures ELSE 0 END, "
       "url = excluded.url, username = excluded.username, password = excluded.password, "
       "error = '', updated_at = excluded.updated_at, skip_backlog = excluded.skip_backlog"},
      {m.unit_id, m.url, m.username, m.password, now, int64_t{m.skip_backlog ? 1 : 0}});
}

void MailboxTook(db::Conn& c, const MailboxRow& box, int64_t uidvalidity, int64_t uid, bool made_item) {
  c.exec(
      {"feedback_mailbox_took",
       "UPDATE feedback_mailboxes SET uidvalidity = ?, last_uid = ?, taken = taken + ?, failed_uid = 0, failures = 0 "
       "WHERE unit_id = ? AND url = ?"},
      {uidvalidity, uid, int64_t{made_item ? 1 : 0}, box.unit_id, box.url});
}

void MailboxFailed(db::Conn& c, const MailboxRow& box, int64_t uidvalidity, int64_t uid) {
  c.exec(
      {"feedback_mailbox_failed",
       "UPDATE feedback_mailboxes SET failures = CASE WHEN failed_uid = ? AND uidvalidity = ? THEN failures + 1 ELSE 1 "
       "END, failed_uid = ? WHERE unit_id = ? AND url = ?"},
      {uid, uidvalidity, uid, box.unit_id, box.url});
}

void MailboxSkipped(db::Conn& c, const MailboxRow& box, int64_t uidvalidity, int64_t uid) {
  c.exec({"feedback_mailbox_skipped",
          "UPDATE feedback_mailboxes SET uidvalidity = ?, last_uid = ?, skip_backlog = 0, failed_uid = 0, failures = 0 "
          "WHERE unit_id = ? AND url = ?"},
         {uidvalidity, uid, box.unit_id, box.url});
}

void MailboxChecked(db::Conn& c, const MailboxRow& box, int64_t uidvalidity, const std::string& at,
                    const std::string& error) {
  c.exec(
      {"feedback_mailbox_checked",
       "UPDATE feedback_mailboxes SET checked_at = ?, error = ?, "
       "last_uid = CASE WHEN uidvalidity = ? THEN last_uid ELSE 0 END, uidvalidity = ? WHERE unit_id = ? AND url = ?"},
      {at, error, uidvalidity, uidvalidity, box.unit_id, box.url});
}

// ---- citizens' satisfaction with answers ----

std::string SatisfactionOf(db::Conn& c, int64_t item_id, int64_t round) {
  auto r = c.query_one(
      {"feedback_satisfaction_of", "SELECT level FROM feedback_satisfaction WHERE item_id = ? AND answer_round = ?"},
      {item_id, round});
  return r ? r->text(0) : "";
}

void InsertSatisfaction(db::Conn& c, int64_t item_id, int64_t round, const std::string& level, const std::string& at) {
  c.exec({"feedback_satisfaction_insert",
          "INSERT INTO feedback_satisfaction (item_id, answer_round, level, at) VALUES (?, ?, ?, ?)"},
         {item_id, round, level, at});
}

// ---- statistics ----

std::vector<StatsItem> StatsRows(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                 const std::string& to) {
  std::vector<StatsItem> out;
  for (const auto& r :
       c.query({"feedback_stats_rows",
                "SELECT i.unit_id, u.code, u.name, i.kind, i.channel, i.category, i.state, i.received_at, "
                "i.answered_at, i.timeliness, i.reopen_count, "
                "(SELECT COUNT(*) FROM feedback_satisfaction s WHERE s.item_id = i.id), "
                "(SELECT COUNT(*) FROM feedback_satisfaction s WHERE s.item_id = i.id AND s.level = 'satisfied') "
                "FROM units u CROSS JOIN feedback_items i WHERE i.unit_id = u.id AND u.path LIKE ? "
                "AND i.received_at >= ? AND i.received_at < ? AND i.state <> 'merged' ORDER BY u.path, i.id"},
               {path_prefix + "%", from, to})) {
    StatsItem s;
    s.unit_id = r.i64(0);
    s.unit_code = r.text(1);
    s.unit_name = r.text(2);
    s.kind = r.text(3);
    s.channel = r.text(4);
    s.category = r.text(5);
    s.state = r.text(6);
    s.received_at = r.text(7);
    s.answered_at = r.text(8);
    s.timeliness = r.text(9);
    s.reopen_count = r.i64(10);
    s.rated = r.i64(11);
    s.satisfied = r.i64(12);
    out.push_back(std::move(s));
  }
  return out;
}

// ---- dialogue sessions ----

namespace {
#define FB_SESSION_COLS                                                                                     \
  "s.id, s.unit_id, u.code, u.name, u.path, s.title, s.held_on, s.starts_at, s.place, s.hosts, s.invited, " \
  "s.state, s.attendees, s.attendance, s.summary, s.version, s.created_at, s.updated_at "
#define FB_SESSION_FROM "FROM dialogue_sessions s JOIN units u ON u.id = s.unit_id "

Session SessionOf(const db::Row& r) {
  Session s;
  s.id = r.i64(0);
  s.unit_id = r.i64(1);
  s.unit_code = r.text(2);
  s.unit_name = r.text(3);
  s.unit_path = r.text(4);
  s.title = r.text(5);
  s.held_on = r.text(6);
  s.starts_at = r.text(7);
  s.place = r.text(8);
  s.hosts = r.text(9);
  s.invited = r.text(10);
  s.state = r.text(11) == "held" ? SessionState::kHeld : SessionState::kPlanned;
  s.attendees = r.i64(12);
  s.attendance = r.text(13);
  s.summary = r.text(14);
  s.version = r.i64(15);
  s.created_at = r.text(16);
  s.updated_at = r.text(17);
  return s;
}
std::string StateText(SessionState st) { return st == SessionState::kHeld ? "held" : "planned"; }
}  // namespace

int64_t InsertSession(db::Conn& c, const Session& s, std::optional<int64_t> created_by) {
  return c.insert({"dialogue_insert",
                   "INSERT INTO dialogue_sessions (unit_id, title, held_on, starts_at, place, hosts, invited, state, "
                   "attendees, attendance, summary, version, created_by, created_at, updated_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, '', '', 1, ?, ?, ?)"},
                  {s.unit_id, s.title, s.held_on, s.starts_at, s.place, s.hosts, s.invited, StateText(s.state),
                   Opt(created_by), s.created_at, s.updated_at});
}

std::optional<Session> SessionById(db::Conn& c, int64_t id) {
  auto r = c.query_one({"dialogue_by_id", "SELECT " FB_SESSION_COLS FB_SESSION_FROM "WHERE s.id = ?"}, {id});
  if (!r) return std::nullopt;
  return SessionOf(*r);
}

bool UpdateSession(db::Conn& c, const Session& s) {
  return c.exec({"dialogue_update",
                 "UPDATE dialogue_sessions SET state = ?, attendees = ?, attendance = ?, summary = ?, "
                 "version = version + 1, updated_at = ? WHERE id = ? AND version = ?"},
                {StateText(s.state), s.attendees, s.attendance, s.summary, s.updated_at, s.id, s.version}) == 1;
}

std::vector<Session> SessionsUnder(db::Conn& c, const std::string& path_prefix, int limit) {
  std::vector<Session> out;
  for (const auto& r :
       c.query({"dialogue_under", "SELECT " FB_SESSION_COLS ", (SELECT COUNT(*) FROM feedback_items i "
                                  "WHERE i.dialogue_id = s.id) " FB_SESSION_FROM
                                  "WHERE u.path LIKE ? ORDER BY s.held_on DESC, s.starts_at DESC, s.id DESC LIMIT ?"},
               {path_prefix + "%", int64_t{limit}})) {
    Session s = SessionOf(r);
    s.items = r.i64(18);
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<Session> PreviousSession(db::Conn& c, const Session& s) {
  auto r =
      c.query_one({"dialogue_previous",
                   "SELECT " FB_SESSION_COLS FB_SESSION_FROM
                   "WHERE s.unit_id = ? AND s.id <> ? AND s.state = 'held' AND (s.held_on < ? OR (s.held_on = ? AND "
                   "(s.starts_at < ? OR (s.starts_at = ? AND s.id < ?)))) "
                   "ORDER BY s.held_on DESC, s.starts_at DESC, s.id DESC LIMIT 1"},
                  {s.unit_id, s.id, s.held_on, s.held_on, s.starts_at, s.starts_at, s.id});
  if (!r) return std::nullopt;
  return SessionOf(*r);
}

void LinkToSession(db::Conn& c, int64_t item_id, int64_t session_id) {
  c.exec({"feedback_link_dialogue", "UPDATE feedback_items SET dialogue_id = ? WHERE id = ?"}, {session_id, item_id});
}

std::vector<Item> ItemsOfSession(db::Conn& c, int64_t session_id) {
  std::vector<Item> out;
  for (const auto& r :
       c.query({"feedback_items_of_dialogue", "SELECT " FB_ITEM_COLS "WHERE i.dialogue_id = ? ORDER BY i.id"},
               {session_id}))
    out.push_back(ItemOf(r));
  return out;
}

}  // namespace fg::feedback::repo
