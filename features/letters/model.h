// Friendly letters: congratulation, condolence, thanks and apology letters
// made from versioned templates, registered, counted and printed.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fg::letters {

// A template's text, for one unit and letter type. version 0: the default of
// the catalogue (never stored).
struct Template {
  int64_t version = 0;
  std::string unit_code;  // the unit whose version it is ("" for the default)
  std::string type;
  std::string title;         // e.g. THƯ CHÚC MỪNG
  std::string front;         // paragraphs separated by blank lines, with ((placeholders))
  std::string back;          // the reverse side ("" when none), e.g. the reminders of a condolence letter
  std::string paper = "A5";  // A5 | A4
  bool border = false;
  std::string created_at;
};

struct TemplateInput {
  std::string title, front, back, paper;
  std::optional<bool> border;
};

// Who signs a unit's letters; the place printed before the date.
struct Settings {
  std::string unit_code;
  std::string place;
  std::string signer_title;
  std::string signer_name;
};

enum class State { kDraft, kIssued, kCancelled };

struct Letter {
  int64_t id = 0;
  int64_t unit_id = 0;
  std::string unit_code, unit_name, unit_path;
  std::string type;
  State state = State::kDraft;
  std::optional<int64_t> year, number;  // given at issue
  int64_t template_version = 0;
  std::string title, front, back, paper = "A5";
  bool border = false;
  std::string recipient_name, recipient_address, recipient_phone;
  std::string occasion;
  std::string event_date;  // YYYY-MM-DD
  std::string dossier_code;
  std::string signer_title, signer_name;
  std::string channel;  // hand | post | email | other
  std::string issued_at, printed_at, delivered_at;
  std::string source;  // manual | csv | trigger
  std::optional<int64_t> trigger_seq;
  std::string created_at, updated_at;
  int64_t revision = 1;  // +1 on every change; an edit of the text names the one it read
};

// A draft's own text, edited before signing (raw, unvalidated).
struct LetterEdit {
  int64_t revision = 0;  // the revision the editor read (optimistic concurrency)
  std::string title, front, back;
};

// A manual letter (a form, the API, a CSV row): raw, unvalidated.
struct LetterInput {
  std::string unit_code, type, recipient_name, recipient_address, recipient_phone, occasion, event_date, dossier_code,
      channel, signer_title, signer_name;
};

struct LetterQuery {
  std::string unit_code;  // the unit and its subtree ("" : the caller's first unit)
  std::string type;       // "" : all
  std::string state;      // "" : all
  std::string from, to;   // made between these local days, YYYY-MM-DD (inclusive)
  int64_t after_id = 0;   // paging, newest first: letters with id < after_id
  int64_t limit = 50;
};

struct LetterPage {
  std::vector<Letter> items;
  int64_t next_cursor = 0;
};

struct CountLine {
  std::string type;
  int64_t n = 0;
};

struct Counts {
  std::string unit_code, unit_name;
  std::string from, to;                                   // months YYYY-MM
  std::vector<CountLine> by_type;                         // every type, in the catalogue's order
  std::vector<std::pair<std::string, int64_t>> by_month;  // YYYY-MM, total
  int64_t total = 0;
};

struct DoNotSend {
  int64_t id = 0;
  std::string unit_code;
  std::string name, id_number, note;
  std::string created_at;
  std::string phone;
  bool masked = false;  // id_number and phone masked: the caller is not an official of the entry's unit
};

// Which letter a procedure (by national code) triggers at a unit.
struct ProcedureRule {
  std::string procedure_code;
  std::string type;       // "" : no letter
  std::string unit_code;  // the unit whose rule it is; "" : the default (letter_procedure_types)
  std::string unit_name;
  std::string default_type;  // the default's type ("" when the default has none)
};

// What one trigger pass did.
struct TriggerRun {
  int64_t events = 0;   // events read
  int64_t drafts = 0;   // drafts made
  int64_t skipped = 0;  // "do not send", or already drafted
};

}  // namespace fg::letters
