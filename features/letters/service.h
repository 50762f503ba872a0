// Use cases of the friendly letters. Every call authorises on the unit's
// subtree (auth::Covers) before reading or writing; every change records an
// event in the same write.
//
// Who may do what:
//   templates and settings: administrators and leaders covering the unit
//     save them; any official covering it reads them.
//   letters: administrators, leaders, desk officers and specialists covering
//     the unit make drafts (one, or a batch from CSV), read them (with the
//     recipient's address and phone: officials of the unit only) and mark
//     them printed or delivered; administrators and leaders issue (sign) and
//     cancel them.
//   counts: any role covering the unit (evaluators too), without personal data.
//   "do not send": administrators, leaders and desk officers covering the unit.
//
// Triggers: RunTriggers() reads the desk's dossier events from the event log
// (sealed events, in chain order, from a stored cursor) and makes a draft of
// the matching type (letter_procedure_types, by national procedure code) when a
// marriage, birth or death registration is received or returned; an apology
// (form 04) is registered as an issued apology letter. Unique keys make each
// event give at most one letter per type, and each dossier one triggered letter
// per type, however often the pass runs. It runs in the background (Start)
// and before the register and the counts are read (waiting for a pass already
// running, so that a page shows the drafts of what was committed before it).
#pragma once
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "features/letters/model.h"
#include "platform/async/periodic.h"
#include "platform/async/pool.h"
#include "platform/auth/principal.h"
#include "platform/db/db.h"

namespace fg::letters {

class Service {
 public:
  explicit Service(db::Db& db);
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  // ---- templates and settings ----
  // The template in force for the unit and type (the nearest saved one, else the default).
  Template GetTemplate(const auth::Principal& p, const std::string& unit_code, const std::string& type);
  std::vector<Template> TemplateVersions(const auth::Principal& p, const std::string& unit_code,
                                         const std::string& type);
  Template SaveTemplate(const auth::Principal& p, const std::string& unit_code, const std::string& type,
                        const TemplateInput& in);
  // A new version of the unit's template with the text of its saved `version`
  // (leaders and administrators; NotFound letters.version_not_found).
  Template RestoreTemplate(const auth::Principal& p, const std::string& unit_code, const std::string& type,
                           int64_t version);
  // A letter made from `in` with sample values, not saved (the live preview).
  Letter Preview(const auth::Principal& p, const std::string& unit_code, const std::string& type,
                 const TemplateInput& in);
  Settings GetSettings(const auth::Principal& p, const std::string& unit_code);
  // True when the caller may save the unit's settings and templates (leaders and
  // administrators covering it: PutSettings and SaveTemplate would not refuse them).
  bool MaySaveSettings(const auth::Principal& p, const std::string& unit_code);
  Settings PutSettings(const auth::Principal& p, const std::string& unit_code, const Settings& in);

  // ---- letters ----
  Letter Create(const auth::Principal& p, const LetterInput& in);
  // CSV with a header row: type,recipient_name,recipient_address,recipient_phone,occasion,event_date[,channel];
  // all rows or none (BadInput letters.csv_row naming the line). At most 1,000 rows.
  std::vector<Letter> CreateFromCsv(const auth::Principal& p, const std::string& unit_code, std::string_view csv);
  Letter Get(const auth::Principal& p, int64_t id);
  LetterPage List(const auth::Principal& p, const LetterQuery& q);
  // A draft's own text (title, front, back), edited before signing by an
  // official who makes drafts. Conflict letters.not_draft once signed or
  // cancelled; Conflict letters.stale when `in.revision` is not the current one.
  Letter EditDraft(const auth::Principal& p, int64_t id, const LetterEdit& in);
  // action: issue | printed | delivered | cancel. `channel` for delivered.
  Letter Act(const auth::Principal& p, int64_t id, const std::string& action, const std::string& channel = "");
  std::string Pdf(const auth::Principal& p, int64_t id);
  // One PDF of the selected letters (each starting on a new sheet), marked printed. At most 2,000.
  std::string BatchPdf(const auth::Principal& p, const std::vector<int64_t>& ids);
  // The print-ready HTML fragments need the same data as the PDF: Get().

  // ---- counts ----
  Counts CountsOf(const auth::Principal& p, const std::string& unit_code, const std::string& from_month,
                  const std::string& to_month);

  // ---- do not send ----
  // The entries of the unit's subtree; ID number and phone masked (masked = true)
  // unless the caller has a grant on the entry's own unit.
  std::vector<DoNotSend> DoNotSendList(const auth::Principal& p, const std::string& unit_code);
  DoNotSend GetDoNotSend(const auth::Principal& p, int64_t id);
  DoNotSend AddDoNotSend(const auth::Principal& p, const DoNotSend& in);
  void RemoveDoNotSend(const auth::Principal& p, int64_t id);

  // ---- which procedure triggers which letter ----
  // The rules in force at the unit (defaults, overridden by the unit's and its
  // ancestors' own rules); any role covering the unit reads them.
  std::vector<ProcedureRule> ProcedureRules(const auth::Principal& p, const std::string& unit_code);
  // The unit's own rule for a national procedure code (type: a letter type, or
  // "none" for no letter), for its subtree; leaders and administrators.
  ProcedureRule PutProcedureRule(const auth::Principal& p, const std::string& unit_code, const std::string& code,
                                 const std::string& type);
  // Back to the inherited rule (NotFound letters.rule_not_found when the unit has none).
  void RemoveProcedureRule(const auth::Principal& p, const std::string& unit_code, const std::string& code);

  // ---- triggers ----
  TriggerRun RunTriggers();
  // A background pass every `every` (0: none). Stopped by the destructor.
  void Start(std::chrono::milliseconds every);
  // Ends the background pass (waits for a running one).
  void Stop();

 private:
  db::Db& db_;
  TriggerRun Pass();
  void TriggersBeforeReading();
  std::unique_ptr<async::BlockingPool> pool_;  // the passes run by requests
  std::mutex trigger_mutex_;                   // one pass at a time in this process
  async::Periodic loop_;
};

}  // namespace fg::letters
