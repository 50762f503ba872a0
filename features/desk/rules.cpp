#include "features/desk/rules.h"

#include <algorithm>
#include <set>

#include "features/calendar/service.h"
#include "platform/errors.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::desk {
namespace {

using calendar::Instant;

const char* const kLevels[] = {"central", "province", "district", "commune"};
const char* const kDocumentKinds[] = {"original", "copy", "certified_copy"};

template <size_t N>
bool OneOf(std::string_view s, const char* const (&set)[N]) {
  return std::any_of(std::begin(set), std::end(set), [&](const char* x) { return s == x; });
}

std::vector<Document> ValidateDocuments(const std::vector<Document>& in, const std::string& field) {
  if (in.size() > 50) throw BadInput("desk.too_many", field, {{"max", "50"}});
  std::vector<Document> out;
  for (size_t i = 0; i < in.size(); ++i) {
    const std::string at = field + "[" + std::to_string(i) + "]";
    Document d;
    d.name = text::Clean(at + ".name", in[i].name, 300, true);
    d.kind = in[i].kind.empty() ? "original" : in[i].kind;
    if (!OneOf(d.kind, kDocumentKinds)) throw BadInput("desk.bad_document_kind", at + ".kind");
    if (in[i].count < 1 || in[i].count > 100) throw BadInput("desk.bad_count", at + ".count", {{"max", "100"}});
    d.count = in[i].count;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

// ---- procedures ----

std::string_view LimitName(Limit l) {
  switch (l) {
    case Limit::kDays: return "days";
    case Limit::kHours: return "hours";
    case Limit::kSameDay: return "same_day";
  }
  return "days";
}

std::optional<Limit> ParseLimit(std::string_view s) {
  for (Limit l : {Limit::kDays, Limit::kHours, Limit::kSameDay})
    if (LimitName(l) == s) return l;
  return std::nullopt;
}

calendar::LimitUnit ToCalendar(Limit l) {
  switch (l) {
    case Limit::kDays: return calendar::LimitUnit::kDays;
    case Limit::kHours: return calendar::LimitUnit::kHours;
    case Limit::kSameDay: return calendar::LimitUnit::kSameDay;
  }
  return calendar::LimitUnit::kDays;
}

Procedure ValidateProcedure(const ProcedureInput& in, std::string_view today) {
  Procedure p;
  p.unit_code = text::Clean("unit_code", in.unit_code, 20, true);
  p.code = text::Clean("code", in.code, 30, true);
  for (char c : p.code)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_')
      throw BadInput("desk.bad_procedure_code", "code");
  p.name = text::Clean("name", in.name, 500, true);
  p.field = text::Clean("field", in.field, 200, true);
  p.level = in.level.empty() ? "commune" : in.level;
  if (!OneOf(p.level, kLevels)) throw BadInput("desk.bad_level", "level");
  auto limit = ParseLimit(in.limit_unit);
  if (!limit) throw BadInput("desk.bad_limit_unit", "limit_unit");
  p.limit = *limit;
  if (p.limit == Limit::kSameDay) {
    if (in.limit_amount && *in.limit_amount != 0 && *in.limit_amount != 1)
      throw BadInput("desk.bad_same_day_amount", "limit_amount");
    p.limit_amount = 0;
  } else {
    if (!in.limit_amount) throw BadInput("error.required", "limit_amount");
    const int64_t max = p.limit == Limit::kDays ? calendar::kMaxDays : calendar::kMaxHours;
    if (*in.limit_amount < 0 || *in.limit_amount > max)
      throw BadInput("desk.bad_limit_amount", "limit_amount", {{"max", std::to_string(max)}});
    p.limit_amount = *in.limit_amount;
  }
  p.cutoff = in.cutoff.empty() ? "15:00" : in.cutoff;
  if (!ParseClock(p.cutoff)) throw BadInput("desk.bad_cutoff", "cutoff");
  p.fees = text::Clean("fees", in.fees, 500, false);
  p.result = text::Clean("result", in.result, 500, false);
  p.legal_basis = text::Clean("legal_basis", in.legal_basis, 2000, false, true);
  p.documents = ValidateDocuments(in.documents, "documents");
  if (in.steps.size() > 20) throw BadInput("desk.too_many", "steps", {{"max", "20"}});
  for (size_t i = 0; i < in.steps.size(); ++i) {
    const std::string at = "steps[" + std::to_string(i) + "]";
    Step s;
    s.name = text::Clean(at + ".name", in.steps[i].name, 200, true);
    s.handler = text::Clean(at + ".handler", in.steps[i].handler, 200, false);
    if (in.steps[i].hours < 0 || in.steps[i].hours > calendar::kMaxHours)
      throw BadInput("desk.bad_step_hours", at + ".hours");
    s.hours = in.steps[i].hours;
    p.steps.push_back(std::move(s));
  }
  p.online_level = in.online_level.value_or(0);
  if (p.online_level < 0 || p.online_level > 2) throw BadInput("desk.bad_online_level", "online_level");
  p.valid_from = in.valid_from.empty() ? std::string(today) : text::Clean("valid_from", in.valid_from, 10, true);
  if (!IsIsoDate(p.valid_from)) throw BadInput("error.bad_date", "valid_from");
  if (!in.valid_to.empty()) {
    std::string to = text::Clean("valid_to", in.valid_to, 10, true);
    if (!IsIsoDate(to)) throw BadInput("error.bad_date", "valid_to");
    if (to <= p.valid_from) throw BadInput("desk.bad_validity", "valid_to");
    p.valid_to = to;
  }
  p.active = in.active.value_or(true);
  return p;
}

std::string SearchKey(const Procedure& p) { return text::Fold(p.code + " " + p.name + " " + p.field); }

std::vector<std::string> Terms(std::string_view key) {
  std::set<std::string> terms;
  size_t i = 0;
  while (i < key.size()) {
    size_t j = key.find(' ', i);
    if (j == std::string_view::npos) j = key.size();
    if (j > i) terms.emplace(key.substr(i, j - i));
    i = j + 1;
  }
  return {terms.begin(), terms.end()};
}

std::string PrefixEnd(std::string_view prefix) {
  std::string s(prefix);
  while (!s.empty()) {
    char& c = s.back();
    if (c == '9') {
      c = 'a';  // digits sort before letters
      return s;
    }
    if (c != 'z') {
      ++c;
      return s;
    }
    s.pop_back();
  }
  return s;
}

}  // namespace fg::desk
