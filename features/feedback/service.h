// Use cases of the feedback register. Officials' calls authorise on the item's
// unit subtree (auth::Covers); citizens' calls on what they know: the code, and
// the last 4 digits of the phone when they gave one.
//
// Who may do what:
//   register (hotline, in person, dialogue ...), list, view, assign, note,
//     request information, extend, draft a reply, publish, close, merge:
//     administrators, leaders, desk officers and specialists covering the unit;
//   approve or return a draft: administrators and leaders covering the unit;
//   assign to another unit: the caller must cover that unit too (down or across
//     the tree, within the caller's subtree);
//   reopen: the citizen (code + last 4 digits) within the reopen window, or an
//     official on their behalf.
//
// Each change is one write: the item (version-checked), its timeline step, the
// event, and the message to the citizen in the notify outbox (an approved reply,
// a request for information).
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "features/calendar/service.h"
#include "features/feedback/mail.h"
#include "features/feedback/model.h"
#include "features/feedback/repo.h"
#include "features/feedback/rules.h"
#include "features/org/model.h"
#include "platform/async/periodic.h"
#include "platform/auth/principal.h"
#include "platform/auth/rate_limit.h"
#include "platform/db/db.h"
#include "platform/db/kept_reads.h"

namespace fg::feedback {

struct Detail {
  Item item;
  std::vector<Photo> photos;            // descriptions (no bytes)
  std::vector<Attachment> attachments;  // of an e-mail: descriptions (no bytes)
  std::vector<Step> steps;
  std::vector<Action> actions;  // what the caller may do now
  Urgency urgency = Urgency::kNone;
};

struct Listed {
  Item item;
  Urgency urgency = Urgency::kNone;
};

class Service {
 public:
  Service(db::Db& db, calendar::Service& calendar);
  ~Service();

  // ---- citizens ----
  // The public form: channel "web", rate limited per address (kPerAddress an
  // hour, then 429 feedback.too_many).
  static constexpr int kPerAddress = 10;
  // Another limit an hour (configuration key feedback_per_address); 0: none.
  void LimitSubmissions(int per_hour);
  Item Submit(ItemInput in, const std::string& address);
  // Progress and the published answer, without personal data. An unknown code,
  // or a wrong or missing `last4` for an item with a phone: NotFound
  // feedback.lookup_not_found (the same answer, so codes cannot be probed).
  // Lookups are rate limited per address when one is given (kLookups in 10
  // minutes, then 429 feedback.too_many_lookups).
  static constexpr int kLookups = 30;
  PublicView Lookup(const std::string& code, const std::string& last4, const std::string& address = "");
  // The units a citizen may address (code, name), in tree order.
  std::vector<std::pair<std::string, std::string>> Units();
  // The citizen reopens a closed item (same checks and failure limit as Lookup; then
  // Conflict feedback.reopen_closed_window when outside the window).
  Item Reopen(const std::string& code, const std::string& last4, const std::string& reason,
              const std::string& address = "");
  // The citizen's satisfaction with the answer, "satisfied" or "unsatisfied"
  // (same checks and failure limit as Lookup): once per answer; a reopened item's next answer may
  // be rated again. BadInput feedback.bad_satisfaction (field "level");
  // Conflict feedback.rate_not_answered before an answer,
  // feedback.already_rated once rated.
  void RateAnswer(const std::string& code, const std::string& last4, const std::string& level,
                  const std::string& address = "");

  // ---- Open311 (public GETs: feedback and recommendations only, no personal data) ----
  struct RequestQuery {
    std::vector<std::string> codes;     // service_request_id (then the other filters are ignored)
    std::string service_code;           // a category
    std::vector<std::string> statuses;  // open | closed
    std::string start, end;             // RFC 3339; default: the last 90 days
    std::string unit_code;              // jurisdiction_id ("" = all units)
  };
  static constexpr int kMaxRequests = 1000;
  static constexpr int kMaxRequestIds = 100;                // service_request_id=a,b,... at most
  std::vector<Item> PublicRequests(const RequestQuery& q);  // BadInput start_date, end_date, status, jurisdiction_id
  std::optional<Item> PublicRequest(const std::string& code);

  // ---- Zalo OA and Facebook page webhooks ----
  // A unit's connected account: administrators covering the unit; channel zalo | facebook.
  void PutChannel(const auth::Principal& p, const std::string& unit_code, const std::string& channel,
                  const std::string& app_id, const std::string& secret);
  struct IntakeResult {
    int created = 0, duplicates = 0;
    std::vector<std::string> codes;
  };
  // The signature is checked before anything of the body is used: a wrong one is
  // Unauthorized feedback.webhook.bad_signature and nothing is stored. An
  // unknown unit or an unconnected channel: NotFound. Each message once (by its
  // platform id): an item of kind feedback, category other, on the channel.
  IntakeResult Webhook(const std::string& channel, const std::string& unit_code, const std::string& body,
                       const std::string& signature);
  // The unit's connected accounts, zalo then facebook (never the secrets), for
  // administrators covering the unit; Forbidden otherwise, NotFound
  // feedback.unknown_unit. The units an administrator may connect: AdminUnits.
  struct ChannelStatus {
    std::string channel;
    bool connected = false;
    std::string app_id, updated_at;
  };
  std::vector<ChannelStatus> Channels(const auth::Principal& p, const std::string& unit_code);
  std::vector<std::pair<std::string, std::string>> AdminUnits(const auth::Principal& p);

  // ---- e-mail (mail_service.cpp) ----
  // A unit's feedback mailbox, read over IMAP: administrators covering the unit.
  // BadInput on "mail_url" (feedback.mail.bad_url: imap[s]://host[:port][/folder]),
  // "mail_username", "mail_password" (required unless one is kept: "" keeps it).
  // `skip_backlog`: start from now: the next reading records where the folder
  // ends and makes no item of the messages already there.
  void PutMailbox(const auth::Principal& p, const std::string& unit_code, const std::string& url,
                  const std::string& username, const std::string& password, bool skip_backlog = false);
  struct MailboxStatus {
    bool connected = false;
    bool skip_backlog = false;  // the next reading passes over what the box holds
    std::string url, username, checked_at, updated_at;
    std::string error;                     // a message key, "" when the last reading went well
    int64_t taken = 0;                     // items made from its messages
    int64_t failed_uid = 0, failures = 0;  // the message the last readings could not fetch, and how often
  };
  MailboxStatus Mailbox(const auth::Principal& p, const std::string& unit_code);
  // One reading of a mailbox: each new message once (by its Message-ID) becomes an
  // item of kind feedback, category other, channel email, from its sender, with
  // its photos and other files; a message over mail::kMaxMessage becomes an item
  // from its header. At most kMailPerReading messages a reading (the rest next time).
  // A message that cannot be fetched (the server stalls or fails on it) ends the
  // reading; at the kMailAttempts-th reading in a row that fails on it, it becomes
  // an item from its header, or from nothing known, saying it stays in the mailbox,
  // and the readings go on past it.
  static constexpr size_t kMailPerReading = 50;
  static constexpr int kMailAttempts = 3;
  // How long one transfer from a mail server may take (120 s).
  void MailTimeout(std::chrono::seconds t) { mail_timeout_ = t; }
  struct Reading {
    int created = 0, duplicates = 0;
    int skipped = 0;    // messages passed over by a reading "from now"
    std::string error;  // a message key, "" when it went well
  };
  // An administrator's "read now" (Forbidden, NotFound feedback.mail.not_connected,
  // Conflict feedback.mail.busy while a reading is under way).
  Reading ReadMailbox(const auth::Principal& p, const std::string& unit_code);
  // Every unit's mailbox once (the poller): the items made.
  int ReadMailboxes();
  // Reads the mailboxes every `every` on a thread of its own until stopped.
  void StartMailPolling(std::chrono::seconds every);
  void StopMailPolling();

  // The item's e-mail attachments (descriptions) / one with its bytes, for those who may see the item.
  Attachment AttachmentOf(const auth::Principal& p, const std::string& code, int n);

  // ---- officials ----
  Item Register(const auth::Principal& p, ItemInput in);
  Detail Get(const auth::Principal& p, const std::string& code);
  // One photo of an item with its bytes, for those who may see the item; NotFound otherwise.
  Photo PhotoOf(const auth::Principal& p, const std::string& code, int n);
  Detail Apply(const auth::Principal& p, const std::string& code, const ActionInput& in);
  // Newest first, at most q.limit. `next_before_id` (when given): the before_id
  // of the next page, 0 when this one is the last (a page may be short when
  // items were left out by the urgency filter).
  std::vector<Listed> List(const auth::Principal& p, const ListQuery& q, int64_t* next_before_id = nullptr);
  // Statistics of the items received in [from, to] (local dates, YYYY-MM-DD,
  // both included; default: the current month; at most 5 years, as the desk's)
  // at the units under `unit_code` (default: the caller's first unit handled).
  // Merged duplicates are left out. BadInput on the fields "unit", "from",
  // "to" (every problem at once); Forbidden for a unit the caller does not handle.
  struct StatsQuery {
    std::string unit_code, from, to;
  };
  struct Stats {
    std::string unit_code, unit_name, from, to;  // as counted
    std::string as_of;                           // UTC
    Tallies tallies;
  };
  Stats Statistics(const auth::Principal& p, const StatsQuery& q);

  // ---- dialogue sessions (dialogue_service.cpp) ----
  // Administrators, leaders, desk officers and specialists covering the unit plan
  // a session, record it once held, and register the issues raised there (each a
  // feedback item on the channel "dialogue", received at the session's start when
  // that is past). Every bad field at once (BadInput); Forbidden outside the
  // caller's units; NotFound feedback.dialogue.not_found; Conflict
  // feedback.dialogue.not_yet when recording a session before its day,
  // feedback.changed when someone recorded it first.
  Session PlanSession(const auth::Principal& p, const SessionInput& in);
  Session RecordSession(const auth::Principal& p, int64_t id, const SessionRecord& r);
  Item RaiseInSession(const auth::Principal& p, int64_t id, ItemInput in);
  // The sessions of the caller's units, latest first.
  static constexpr int kMaxSessions = 200;
  std::vector<Session> Sessions(const auth::Principal& p);
  // The session, its issues and the previous session's; an issue now handled by a
  // unit the caller does not cover has its title, content and person cleared.
  SessionView SessionOf(const auth::Principal& p, int64_t id);

  // The units the caller handles items of (code, name): the filters and "assign to".
  std::vector<std::pair<std::string, std::string>> UnitsFor(const auth::Principal& p);
  // The active officials of the item's unit subtree (id, name): "assign to".
  std::vector<std::pair<int64_t, std::string>> Assignees(const Item& item);

 private:
  // The item of `code` when `check` proves the caller sent it; NotFound
  // feedback.lookup_not_found otherwise, counted against `address` (TooMany
  // feedback.too_many_lookups past kLookups failures in 10 minutes).
  Item Proven(const std::string& code, const std::string& check, const std::string& address);
  // Inside the registering write, `first` runs before anything is written
  // (a refusal it raises costs the batch nothing), `also` after the item is
  // (the webhook's duplicate check and intake row).
  Item Create(const ItemInput& checked, std::optional<int64_t> by, const std::string& actor,
              const std::function<void(db::Conn&)>& first = {},
              const std::function<void(db::Conn&, const Item&)>& also = {});
  Detail DetailOf(const auth::Principal& p, Item item, std::vector<Step> steps);
  // One reading of the unit's mailbox; `wait`: for the reading under way, else Conflict feedback.mail.busy.
  Reading Read(int64_t unit_id, bool wait);
  // The unit of `unit_code` when the caller administers it (NotFound feedback.unknown_unit, Forbidden).
  org::Unit AdministeredUnit(const auth::Principal& p, const std::string& unit_code);
  // One message of the mailbox read: an item (true), or nothing when it was taken before.
  // `instead`, when not empty, is the item's content in place of the message's text
  // (a message too large to fetch, or one that could not be fetched).
  bool TakeMail(const repo::MailboxRow& box, const std::string& unit_code, int64_t uidvalidity, int64_t uid,
                const mail::Mail& m, const std::string& instead = "");
  db::Db& db_;
  calendar::Service& calendar_;
  // Read for every item and every webhook call, and seldom changed.
  db::KeptReads<std::optional<org::Unit>> units_{db_, {"units"}};  // by code
  db::KeptReads<std::pair<std::optional<org::Unit>, std::optional<repo::ChannelRow>>> channels_{
      db_, {"units", "feedback_channels"}};  // by channel and unit code
  std::optional<auth::RateLimiter> per_address_{std::in_place, kPerAddress, std::chrono::hours(1)};
  auth::RateLimiter lookups_{kLookups, std::chrono::minutes(10)};
  std::mutex reading_;  // one mailbox reading at a time in this process
  std::chrono::seconds mail_timeout_{120};
  async::Periodic poller_;  // its stop flag also stops a transfer under way
};

}  // namespace fg::feedback
