// SQL of the letters (parameterised, portable SQLite + PostgreSQL).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "features/letters/model.h"
#include "platform/db/db.h"

namespace fg::letters::repo {

// The newest version of the nearest template for a unit (its own, else its
// nearest ancestor's) and type.
std::optional<Template> NearestTemplate(db::Conn& c, const std::string& unit_path, const std::string& type);
std::vector<Template> TemplateVersions(db::Conn& c, int64_t unit_id, const std::string& type);
std::optional<Template> TemplateVersion(db::Conn& c, int64_t unit_id, const std::string& type, int64_t version);
// Inserts the next version of the unit's template; returns it.
int64_t InsertTemplate(db::Conn& c, int64_t unit_id, const Template& t, int64_t by, const std::string& at);

std::optional<Settings> SettingsOf(db::Conn& c, int64_t unit_id);
// The nearest settings on the unit's path (its own, else an ancestor's).
std::optional<Settings> NearestSettings(db::Conn& c, const std::string& unit_path);
void PutSettings(db::Conn& c, int64_t unit_id, const Settings& s, const std::string& at);

// Returns the id, or nothing when a unique key (trigger) already holds such a letter.
std::optional<int64_t> InsertLetter(db::Conn& c, const Letter& l, int64_t by, const std::string& at);
std::optional<Letter> LetterById(db::Conn& c, int64_t id);
std::vector<Letter> LettersByIds(db::Conn& c, const std::vector<int64_t>& ids);
std::vector<Letter> ListLetters(db::Conn& c, const std::string& path_prefix, const LetterQuery& q);
// Marks an issued letter printed unless it was already (or changed state since it was read).
bool MarkPrinted(db::Conn& c, int64_t id, const std::string& now);
bool UpdateState(db::Conn& c, const Letter& l);  // state, year, number, dates, channel, signer
// A draft's own text, when it is still a draft at `revision`; false otherwise (nothing written).
bool UpdateDraftText(db::Conn& c, int64_t id, int64_t revision, const std::string& title, const std::string& front,
                     const std::string& back, const std::string& now);
int64_t NextNumber(db::Conn& c, int64_t unit_id, int64_t year);
void AddCount(db::Conn& c, int64_t unit_id, const std::string& month, const std::string& type, int64_t delta);
// Issued letters under a path per type and month, months from..to (YYYY-MM).
struct CountRow {
  std::string month, type;
  int64_t n = 0;
};
std::vector<CountRow> CountsUnder(db::Conn& c, const std::string& path_prefix, const std::string& from,
                                  const std::string& to);

int64_t Cursor(db::Conn& c);
void SetCursor(db::Conn& c, int64_t seq);
struct DeskEvent {
  int64_t seq = 0;
  std::string code;  // the dossier's code
  std::string action;
};
// Sealed dossier events after `seq` whose action is receive, return or apology, in seq order.
std::vector<DeskEvent> DeskEventsAfter(db::Conn& c, int64_t seq, int64_t limit);
// SQLite's plan for DeskEventsAfter, one line per step (empty on PostgreSQL).
std::vector<std::string> DeskEventsPlan(db::Conn& c);
// The highest sealed seq (for a pass that found nothing of interest).
int64_t LastSealed(db::Conn& c, int64_t after, int64_t limit);
// The letter type a procedure triggers for a dossier of the unit on `unit_path`: the rule of the
// nearest unit on the path (letter_procedure_rules, "" : none), else the default
// (letter_procedure_types); nothing when no letter.
std::optional<std::string> ProcedureType(db::Conn& c, const std::string& unit_path, const std::string& procedure_code);
// The rules in force at the unit: every code of the defaults and of the rules of the unit and its
// ancestors, the nearest rule winning, by code.
std::vector<ProcedureRule> ProcedureRules(db::Conn& c, const std::string& unit_path);
void PutProcedureRule(db::Conn& c, int64_t unit_id, const std::string& code, const std::string& type,
                      const std::string& at);
bool DeleteProcedureRule(db::Conn& c, int64_t unit_id, const std::string& code);

std::vector<DoNotSend> DoNotSendUnder(db::Conn& c, const std::string& path_prefix);
// True when someone on the list of a unit on `unit_path` (or an ancestor) matches: the same
// ID number, or the same phone, or (when either side has no ID number) the same folded name.
bool DoNotSendMatches(db::Conn& c, const std::string& unit_path, const std::string& name_fold,
                      const std::string& id_number, const std::string& phone);
int64_t InsertDoNotSend(db::Conn& c, int64_t unit_id, const DoNotSend& d, const std::string& name_fold, int64_t by,
                        const std::string& at);
std::optional<DoNotSend> DoNotSendById(db::Conn& c, int64_t id, std::string* unit_path);
void DeleteDoNotSend(db::Conn& c, int64_t id);

}  // namespace fg::letters::repo
