// The questionnaire editor's form (features/surveys/questionnaire_form.*):
// fields as a browser would send them -> a draft, the structural buttons
// applied to it, the draft -> a questionnaire, checked by the rules, and each
// problem placed in the form, without a store. The input is one field a line,
// "<name>\t<value>" ("\n" in a value written as "\\n"); "op" lines are pressed
// in order.
#include <set>

#include "features/surveys/questionnaire_form.h"
#include "features/surveys/rules.h"
#include "fuzz/fuzz.h"
#include "platform/errors.h"

using namespace fg;
using namespace fg::surveys;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::Quiet();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  std::map<std::string, std::string> form;
  std::vector<std::string> ops;
  for (size_t at = 0; at < raw.size();) {
    size_t nl = raw.find('\n', at);
    if (nl == std::string_view::npos) nl = raw.size();
    const std::string_view line = raw.substr(at, nl - at);
    at = nl + 1;
    const size_t tab = line.find('\t');
    std::string key(line.substr(0, tab)), value;
    if (tab != std::string_view::npos)
      for (size_t i = tab + 1; i < line.size(); ++i) {
        if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == 'n') {
          value += '\n';
          ++i;
        } else {
          value += line[i];
        }
      }
    if (key == "op")
      ops.push_back(value);
    else
      form[key] = value;
  }
  auto d = DraftFromForm(form);
  FG_FUZZ_CHECK(d.sections.size() <= kMaxSections + 1);
  FG_FUZZ_CHECK(d.question_count() <= kMaxQuestions + 1);
  for (const auto& op : ops) {
    const auto a = ParseEditAction(op);
    if (!a) continue;
    if (a->op != EditOp::kSave) FG_FUZZ_CHECK(ParseEditAction(EditActionValue(*a))->op == a->op);
    const size_t before = d.question_count(), sections = d.sections.size();
    const bool applied = Apply(d, *a);
    if (!applied) FG_FUZZ_CHECK(d.question_count() == before && d.sections.size() == sections);
    if (applied && (a->op == EditOp::kAddQuestion || a->op == EditOp::kAddSection))
      FG_FUZZ_CHECK(d.question_count() == before + 1 && d.question_count() <= kMaxQuestions);
  }
  const auto q = ToQuestionnaire(d);
  std::set<std::string> keys;
  for (const auto& s : q.sections)
    for (const auto& qu : s.questions) {
      FG_FUZZ_CHECK(keys.insert(qu.key).second);  // every key once
      FG_FUZZ_CHECK(qu.options.size() <= kMaxOptions + 1);
    }
  try {
    ValidateQuestionnaire(q);
  } catch (const AppError& e) {
    FG_FUZZ_CHECK(e.kind() == ErrorKind::kBadRequest);
    for (const auto& p : e.problems()) {
      const std::string field = EditorField(p.field);
      FG_FUZZ_CHECK(field == "name" || field == "sections" || PlaceOf(field).has_value());
    }
  }
  return 0;
}
