// Citizens' feedback, complaints and denunciations (issue 15): what an item of
// the register is, its kinds, channels, states and actions.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fg::feedback {

// Kinds: phản ánh, kiến nghị (feedback, recommendation), khiếu nại (complaint),
// tố cáo (denunciation). Each has its own legal time limit (rules.h LimitOf).
enum class Kind { kFeedback, kRecommendation, kComplaint, kDenunciation };
inline constexpr Kind kKinds[] = {Kind::kFeedback, Kind::kRecommendation, Kind::kComplaint, Kind::kDenunciation};

// Where an item came in (stored by name).
inline constexpr const char* kChannels[] = {"web",     "email",     "zalo",     "facebook",
                                            "hotline", "in_person", "dialogue", "open311"};
// Feedback categories (the Open311 services), stored by key; labels in the catalogue.
inline constexpr const char* kCategories[] = {"administrative", "attitude", "infrastructure", "environment",
                                              "order",          "land",     "social",         "other"};

// The states of an item:
//   received        registered, waiting to be handled (the clock runs)
//   in_progress     assigned to a unit or an official
//   info_requested  more information asked from the citizen (the clock is paused)
//   awaiting_approval  a reply drafted, waiting for a leader
//   answered        the approved reply was sent to the citizen
//   closed          finished; the citizen may reopen within the reopen window
//   merged          a duplicate merged into another item (final)
enum class State { kReceived, kInProgress, kInfoRequested, kAwaitingApproval, kAnswered, kClosed, kMerged };
inline constexpr State kStates[] = {
    State::kReceived, State::kInProgress, State::kInfoRequested, State::kAwaitingApproval,
    State::kAnswered, State::kClosed,     State::kMerged};

enum class Action {
  kAssign,        // to a unit (down or across the tree within the caller's subtree) and/or an official
  kNote,          // an internal note (never shown to the citizen)
  kRequestInfo,   // ask the citizen for more information: pauses the clock
  kInfoReceived,  // the information arrived: the clock runs again
  kExtend,        // extend the time limit, once, with a reason
  kDraftReply,    // write (or rewrite) the reply
  kApproveReply,  // a leader approves the draft: it is sent to the citizen
  kReturnDraft,   // a leader sends the draft back with a reason
  kPublish,       // publish the answer (personal data removed)
  kUnpublish,     // keep the answer private
  kClose,
  kReopen,  // by the citizen (or an official on their behalf) within the window
  kMerge,   // a duplicate into an older open item of the same kind and unit
};
inline constexpr Action kActions[] = {
    Action::kAssign,     Action::kNote,         Action::kRequestInfo, Action::kInfoReceived, Action::kExtend,
    Action::kDraftReply, Action::kApproveReply, Action::kReturnDraft, Action::kPublish,      Action::kUnpublish,
    Action::kClose,      Action::kReopen,       Action::kMerge};

// Limits on what people type.
inline constexpr size_t kMaxTitle = 200;
inline constexpr size_t kMaxContent = 5000;
inline constexpr size_t kMaxName = 100;
inline constexpr size_t kMaxAddress = 300;
inline constexpr size_t kMaxText = 5000;  // notes, replies, reasons
inline constexpr size_t kMaxRef = 100;    // dossier code, procedure code

// A photo sent with an item from the public form: PNG or JPEG by its content.
inline constexpr size_t kMaxPhotos = 3;
inline constexpr size_t kMaxPhotoBytes = 4 * 1024 * 1024;
inline constexpr int64_t kMaxPhotoSide = 12000;
struct Photo {
  int n = 0;  // 1, 2, 3 within the item
  std::string mime;
  int64_t width = 0, height = 0, size = 0;
  std::string sha256;  // of the bytes: the ETag
  std::string bytes;   // "" when only the description was read
};

// A file attached to an e-mail (not a photo): kept as sent, for the officials handling the item.
struct Attachment {
  int n = 0;                   // 1, 2, ... within the item
  std::string filename, mime;  // as sent; the type is shown, never served
  int64_t size = 0;
  std::string sha256;
  std::string bytes;  // "" when only the description was read
};

// The submitter. All of it is personal data: never on a public page, never in
// an unauthenticated Open311 answer, stripped from published answers.
struct Person {
  std::string name, phone, email, address;
  bool empty() const { return name.empty() && phone.empty() && email.empty() && address.empty(); }
  bool operator==(const Person&) const = default;
};

// What is registered (by the public form, an official, a channel's intake).
struct ItemInput {
  std::string kind;      // feedback | recommendation | complaint | denunciation
  std::string channel;   // kChannels
  std::string category;  // kCategories
  std::string unit_code;
  std::string title;
  std::string content;
  Person person;
  std::string dossier_code;            // optional: the dossier it is about
  std::string procedure_code;          // optional
  std::optional<int64_t> official_id;  // optional: the official it is about
  std::string received_at;             // RFC 3339 (officials typing a hotline call); "" = now
  std::vector<Photo> photos;           // as uploaded: bytes only; Checked() describes them
};

struct Item {
  int64_t id = 0;
  std::string code;
  int64_t unit_id = 0;  // the handling unit
  std::string unit_code, unit_name, unit_path;
  Kind kind = Kind::kFeedback;
  std::string channel, category;
  State state = State::kReceived;
  int64_t version = 1;
  std::string title, content;
  Person person;
  bool anonymous = false;  // a denunciation without a name (rules.h: no legal time limit)
  std::string dossier_code, procedure_code;
  std::optional<int64_t> about_official_id;
  std::optional<int64_t> assignee_id;
  std::string assignee_name;
  std::string received_at, starts_at, due_at;  // UTC; due_at "" when there is no legal limit
  bool extended = false;
  std::string extension_reason;
  std::string paused_since;        // UTC while info_requested
  std::string reply_draft, reply;  // the draft; the approved reply sent to the citizen
  bool published = false;
  std::string published_answer;  // the reply with personal data removed
  std::string answered_at, closed_at;
  std::string timeliness;  // "" | on_time | late (when answered)
  int64_t reopen_count = 0;
  std::optional<int64_t> merged_into;
  std::string merged_into_code;
  std::string created_at, updated_at;
  // A random key given to the submitter at registration ("abcd-efgh"): with
  // the code it opens the public lookup when there is no phone to check.
  // "" for items registered before keys existed.
  std::string lookup_key;
  bool operator==(const Item&) const = default;
};

// One step of an item's timeline.
struct Step {
  int64_t id = 0;
  int64_t item_id = 0;
  std::string at;
  std::optional<int64_t> actor_id;
  std::string actor_name;  // "" for the citizen
  std::string action;      // "register" or an action name
  std::string text;        // note, reason, reply
  bool internal = false;   // notes and drafts: never shown to the citizen
};

// A paused stretch of the clock: [from, to), to "" while it lasts.
struct PauseSpan {
  std::string from, to;
};

struct ActionInput {
  Action action = Action::kNote;
  std::string unit_code;               // assign
  std::optional<int64_t> assignee_id;  // assign
  std::string text;                    // note, request, reply, reason
  std::string target_code;             // merge
};

struct ListQuery {
  std::string unit_code;  // subtree root ("" = the caller's roots)
  std::string kind, state;
  std::string urgency;  // "" | overdue | due_soon
  int limit = 100;
  int64_t before_id = 0;  // paging: items with id < before_id (0: from the newest)
};

// What anyone may see of an item by its code (the lookup page, Open311 GETs).
struct PublicView {
  std::string code, kind, category, channel, state, unit_name, title;
  std::string received_at, due_at, answered_at, closed_at;
  std::vector<Step> steps;       // not internal, without actor names or text
  std::string published_answer;  // "" unless published
  // The citizen's own choices, for whoever passed the check.
  bool can_rate = false;     // the answer may be rated now
  std::string rated;         // the level given for the current answer ("" none)
  std::string reopen_until;  // YYYY-MM-DD: the last local day to reopen ("" when it cannot be)
};

// What the statistics count of one item (issue 15, item 7).
struct StatsItem {
  int64_t unit_id = 0;
  std::string unit_code, unit_name;
  std::string kind, channel, category, state;
  std::string received_at, answered_at, timeliness;  // UTC; answered_at "" until a reply is approved
  int64_t reopen_count = 0;
  int64_t rated = 0, satisfied = 0;  // the citizen's ratings of its answers
};

// ---- dialogue sessions (issue 15, item 5) ----
// A session a unit holds with its citizens: planned, then held (recorded).
enum class SessionState { kPlanned, kHeld };
inline constexpr size_t kMaxSessionText = 2000;  // hosts, invited groups, attendance, conclusions

struct SessionInput {
  std::string unit_code, title;
  std::string held_on;    // YYYY-MM-DD (local)
  std::string starts_at;  // HH:MM (local)
  std::string place, hosts, invited;
};
struct SessionRecord {
  std::string attendees;  // a count, as typed
  std::string attendance, summary;
  int64_t version = 0;
};
struct Session {
  int64_t id = 0;
  int64_t unit_id = 0;
  std::string unit_code, unit_name, unit_path;
  std::string title, held_on, starts_at, place, hosts, invited;
  SessionState state = SessionState::kPlanned;
  int64_t attendees = 0;
  std::string attendance, summary;
  int64_t version = 1;
  std::string created_at, updated_at;
  int64_t items = 0;  // items raised (lists)
};
// A session with what was raised there, and the follow-up of the unit's previous session.
struct SessionView {
  Session session;
  std::vector<Item> raised;
  std::optional<Session> previous;
  std::vector<Item> previous_raised;
};

}  // namespace fg::feedback
