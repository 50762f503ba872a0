// The one-stop desk: the procedure catalogue (thủ tục hành chính). Plain
// structs; rules.h holds the logic.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fg::desk {

// How a procedure's legal time limit is counted (calendar::LimitUnit).
enum class Limit { kDays, kHours, kSameDay };

// A document the applicant hands in: its name, original / copy / certified copy, how many.
struct Document {
  std::string name;
  std::string kind;  // original | copy | certified_copy
  int64_t count = 1;
};

// One processing step: who handles it (a role or an agency) and its time budget.
struct Step {
  std::string name;
  std::string handler;
  int64_t hours = 0;  // working hours (8 = one working day)
};

// One version of a procedure. A change makes a new version; dossiers keep the
// version they were received under.
struct Procedure {
  int64_t id = 0;
  int64_t version = 1;
  std::string unit_code;  // the unit whose catalogue holds it (it applies to the unit's subtree)
  std::string unit_path;
  std::string code;  // national procedure code, e.g. 1.001193
  std::string name;
  std::string field;  // lĩnh vực
  std::string level;  // commune | province | ...
  Limit limit = Limit::kDays;
  int64_t limit_amount = 0;  // days or hours; 0 for same day
  std::string cutoff = "15:00";
  std::string fees;
  std::vector<Document> documents;
  std::string result;
  std::string legal_basis;
  std::vector<Step> steps;
  int64_t online_level = 0;  // 0 none, 1 partial online, 2 full online
  std::string valid_from;    // YYYY-MM-DD
  std::optional<std::string> valid_to;
  bool active = true;
  std::vector<std::string> same_day_units;  // units that registered same-day resolution
  std::string updated_at;
};

// Raw input from the API or a CSV row (unvalidated text and values).
struct ProcedureInput {
  std::string unit_code, code, name, field, level, limit_unit, cutoff, fees, result, legal_basis, valid_from, valid_to;
  std::optional<int64_t> limit_amount;
  std::optional<int64_t> online_level;
  std::vector<Document> documents;
  std::vector<Step> steps;
  std::optional<bool> active;
};

struct ProcedureQuery {
  std::string q;          // search text: diacritics and case are ignored
  std::string unit_code;  // procedures that apply at this unit (its own and its ancestors')
  bool include_inactive = false;
  int64_t limit = 50;
};

}  // namespace fg::desk
