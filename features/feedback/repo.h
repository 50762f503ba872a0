// SQL of the feedback register (parameterised, portable SQLite + PostgreSQL).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "features/feedback/model.h"
#include "platform/db/db.h"

namespace fg::feedback::repo {

// The next serial of the unit in `year` (1, 2, ...): one atomic statement, in
// the write that registers the item, so codes have no gaps.
int64_t NextSerial(db::Conn& c, int64_t unit_id, int year);

int64_t InsertItem(db::Conn& c, const Item& i, std::optional<int64_t> created_by);
std::optional<Item> ItemByCode(db::Conn& c, const std::string& code);
std::optional<Item> ItemById(db::Conn& c, int64_t id);
// Writes every mutable column and bumps the version; false when the stored
// version is no longer `i.version` (someone else changed it).
bool UpdateItem(db::Conn& c, const Item& i);

void InsertStep(db::Conn& c, const Step& s);
std::vector<Step> Steps(db::Conn& c, int64_t item_id);

void OpenPause(db::Conn& c, int64_t item_id, const std::string& from);
void ClosePause(db::Conn& c, int64_t item_id, const std::string& to);
std::vector<PauseSpan> Pauses(db::Conn& c, int64_t item_id);

// Items of the units under `path_prefix`, newest first; kind/state "" for any;
// open_due_by: only open items with a due instant at or before it ("" for all).
std::vector<Item> ItemsUnder(db::Conn& c, const std::string& path_prefix, const std::string& kind,
                             const std::string& state, const std::string& open_due_by, int64_t before_id, int limit);

// Feedback and recommendations (never complaints or denunciations, never
// merged ones) of the units under `path_prefix` received in [from, to] (UTC
// text), newest first; category "" for any; status "" for any, "open" or
// "closed" (answered or closed).
std::vector<Item> PublicItems(db::Conn& c, const std::string& path_prefix, const std::string& from,
                              const std::string& to, const std::string& category, const std::string& status, int limit);

// ---- photos ----
void InsertPhoto(db::Conn& c, int64_t item_id, const Photo& p);
// The item's photos without their bytes, in order.
std::vector<Photo> PhotosOf(db::Conn& c, int64_t item_id);
// One photo with its bytes.
std::optional<Photo> PhotoOf(db::Conn& c, int64_t item_id, int n);

// ---- files attached to e-mails ----
void InsertAttachment(db::Conn& c, int64_t item_id, const Attachment& a);
std::vector<Attachment> AttachmentsOf(db::Conn& c, int64_t item_id);  // without bytes, in order
std::optional<Attachment> AttachmentOf(db::Conn& c, int64_t item_id, int n);

// ---- the units' feedback mailboxes (IMAP) ----
struct MailboxRow {
  int64_t unit_id = 0;
  std::string url, username, password;
  int64_t uidvalidity = 0, last_uid = 0, taken = 0;
  std::string checked_at, error, updated_at;
  bool skip_backlog = false;             // the next reading records where the folder ends and makes no item
  int64_t failed_uid = 0, failures = 0;  // the message readings failed on, and how many in a row
};
std::optional<MailboxRow> Mailbox(db::Conn& c, int64_t unit_id);
std::vector<MailboxRow> Mailboxes(db::Conn& c);
// Sets the address, the login and skip_backlog; a new address starts over (uidvalidity and last_uid 0).
void PutMailbox(db::Conn& c, const MailboxRow& row, const std::string& now);
// After one message of `box` as read: its UID (under `uidvalidity`) was taken; `taken`
// counts items made; failures on it are forgotten. Nothing when the box's address changed meanwhile.
void MailboxTook(db::Conn& c, const MailboxRow& box, int64_t uidvalidity, int64_t uid, bool made_item);
// A reading of `box` failed on message `uid`: one more failure in a row when
// it was the same message, the first otherwise. Nothing when its address changed.
void MailboxFailed(db::Conn& c, const MailboxRow& box, int64_t uidvalidity, int64_t uid);
// The backlog of `box` passed over: the folder ends at `uid` (under
// `uidvalidity`); the flag cleared. Nothing when its address changed meanwhile.
void MailboxSkipped(db::Conn& c, const MailboxRow& box, int64_t uidvalidity, int64_t uid);
// After a reading of `box`: when, and what went wrong ("" when nothing); nothing when its address changed.
void MailboxChecked(db::Conn& c, const MailboxRow& box, int64_t uidvalidity, const std::string& at,
                    const std::string& error);

// ---- citizens' satisfaction with answers ----
// The level given for the item's answer round ("" when not rated).
std::string SatisfactionOf(db::Conn& c, int64_t item_id, int64_t round);
// Throws db::ConstraintError when the round was rated already.
void InsertSatisfaction(db::Conn& c, int64_t item_id, int64_t round, const std::string& level, const std::string& at);

// ---- statistics ----
// One line per item (merged duplicates left out) of the units under
// `path_prefix` received in [from, to) (UTC text), with its ratings counted.
std::vector<StatsItem> StatsRows(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                 const std::string& to);

// ---- dialogue sessions ----
int64_t InsertSession(db::Conn& c, const Session& s, std::optional<int64_t> created_by);
std::optional<Session> SessionById(db::Conn& c, int64_t id);
// Writes the record (state, attendees, attendance, summary) and bumps the
// version; false when the stored version is no longer `s.version`.
bool UpdateSession(db::Conn& c, const Session& s);
// The sessions of the units under `path_prefix`, latest day first, with the count of items raised.
std::vector<Session> SessionsUnder(db::Conn& c, const std::string& path_prefix, int limit);
// The unit's last session held (recorded) before `s` (by day and time, then id), if any.
std::optional<Session> PreviousSession(db::Conn& c, const Session& s);
void LinkToSession(db::Conn& c, int64_t item_id, int64_t session_id);
std::vector<Item> ItemsOfSession(db::Conn& c, int64_t session_id);

// ---- channel intake ----
struct ChannelRow {
  std::string app_id, secret;
  std::string updated_at;  // read only
};
std::optional<ChannelRow> Channel(db::Conn& c, int64_t unit_id, const std::string& channel);
void PutChannel(db::Conn& c, int64_t unit_id, const std::string& channel, const ChannelRow& row,
                const std::string& now);
bool IntakeExists(db::Conn& c, const std::string& channel, const std::string& message_id);
// The platform's id of whoever sent the item on `channel` ("" when it did not come from there).
std::string IntakeSender(db::Conn& c, int64_t item_id, const std::string& channel);
// Throws db::ConstraintError when the message was taken in already.
void InsertIntake(db::Conn& c, const std::string& channel, const std::string& message_id, int64_t item_id,
                  const std::string& sender, const std::string& now);

}  // namespace fg::feedback::repo
