#include "features/surveys/questionnaire_form.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "features/surveys/rules.h"
#include "platform/text/text.h"

namespace fg::surveys {

namespace {

std::string Get(const std::map<std::string, std::string>& form, const std::string& key) {
  auto it = form.find(key);
  return it == form.end() ? std::string() : it->second;
}

std::optional<size_t> Number(std::string_view s) {
  if (s.empty() || s.size() > 4) return std::nullopt;
  size_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

// The n of "q<n>" (n from 1, at most 6 digits, no leading zero), else nullopt.
std::optional<size_t> KeyNumber(const std::string& key) {
  if (key.size() < 2 || key.size() > 7 || key[0] != 'q' || key[1] == '0') return std::nullopt;
  return Number(std::string_view(key).substr(1));
}

bool IsChoice(QuestionKind k) { return k == QuestionKind::kSingle || k == QuestionKind::kMultiple; }

const std::pair<std::string_view, EditOp> kOps[] = {
    {"add_question", EditOp::kAddQuestion},       {"remove_section", EditOp::kRemoveSection},
    {"section_up", EditOp::kSectionUp},           {"section_down", EditOp::kSectionDown},
    {"remove_question", EditOp::kRemoveQuestion}, {"question_up", EditOp::kQuestionUp},
    {"question_down", EditOp::kQuestionDown},
};

bool OnQuestion(EditOp op) {
  return op == EditOp::kRemoveQuestion || op == EditOp::kQuestionUp || op == EditOp::kQuestionDown;
}

}  // namespace

std::optional<EditAction> ParseEditAction(std::string_view op) {
  if (op.empty() || op == "save") return EditAction{};
  if (op == "add_section") return EditAction{EditOp::kAddSection, 0, 0};
  const size_t dot = op.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::string_view name = op.substr(0, dot), rest = op.substr(dot + 1);
  for (const auto& [n, kind] : kOps) {
    if (n != name) continue;
    EditAction a{kind, 0, 0};
    if (!OnQuestion(kind)) {
      auto i = Number(rest);
      if (!i) return std::nullopt;
      a.section = *i;
      return a;
    }
    const size_t dot2 = rest.find('.');
    if (dot2 == std::string_view::npos) return std::nullopt;
    auto i = Number(rest.substr(0, dot2)), j = Number(rest.substr(dot2 + 1));
    if (!i || !j) return std::nullopt;
    a.section = *i;
    a.question = *j;
    return a;
  }
  return std::nullopt;
}

std::string EditActionValue(const EditAction& a) {
  if (a.op == EditOp::kSave) return "save";
  if (a.op == EditOp::kAddSection) return "add_section";
  for (const auto& [n, kind] : kOps)
    if (kind == a.op) {
      std::string out = std::string(n) + "." + std::to_string(a.section);
      if (OnQuestion(kind)) out += "." + std::to_string(a.question);
      return out;
    }
  return "save";
}

QuestionnaireDraft DraftFromForm(const std::map<std::string, std::string>& form) {
  QuestionnaireDraft d;
  d.unit = Get(form, "unit");
  d.code = Get(form, "code");
  d.name = Get(form, "name");
  size_t total = 0;
  for (size_t i = 0; i <= kMaxSections; ++i) {
    const std::string at = "sections[" + std::to_string(i) + "]";
    if (!form.count(at + ".title")) break;
    SectionDraft s;
    s.title = Get(form, at + ".title");
    for (size_t j = 0; total <= kMaxQuestions; ++j) {
      const std::string qat = at + ".questions[" + std::to_string(j) + "].";
      if (!form.count(qat + "text")) break;
      QuestionDraft q;
      q.key = Get(form, qat + "key");
      q.text = Get(form, qat + "text");
      q.kind = ParseKind(Get(form, qat + "kind")).value_or(QuestionKind::kLikert);
      q.required = form.count(qat + "required") > 0;
      q.options = Get(form, qat + "options");
      q.element = Get(form, qat + "element");
      s.questions.push_back(std::move(q));
      ++total;
    }
    d.sections.push_back(std::move(s));
  }
  return d;
}

QuestionnaireDraft DraftOf(const Questionnaire& q) {
  QuestionnaireDraft d;
  d.unit = q.unit_code;
  d.code = q.code;
  d.name = q.name;
  for (const auto& s : q.sections) {
    SectionDraft sd;
    sd.title = s.title;
    for (const auto& qu : s.questions) {
      QuestionDraft qd;
      qd.key = qu.key;
      qd.text = qu.text;
      qd.kind = qu.kind;
      qd.required = qu.required;
      for (size_t i = 0; i < qu.options.size(); ++i) qd.options += (i ? "\n" : "") + qu.options[i];
      qd.element = qu.element;
      sd.questions.push_back(std::move(qd));
    }
    d.sections.push_back(std::move(sd));
  }
  return d;
}

QuestionDraft EmptyQuestion() { return QuestionDraft{}; }

SectionDraft EmptySection() {
  SectionDraft s;
  s.questions.push_back(EmptyQuestion());
  return s;
}

QuestionnaireDraft EmptyDraft() {
  QuestionnaireDraft d;
  d.sections.push_back(EmptySection());
  return d;
}

bool Apply(QuestionnaireDraft& d, const EditAction& a) {
  auto& ss = d.sections;
  switch (a.op) {
    case EditOp::kSave: return false;
    case EditOp::kAddSection:
      if (ss.size() >= kMaxSections || d.question_count() >= kMaxQuestions) return false;
      ss.push_back(EmptySection());
      return true;
    default: break;
  }
  if (a.section >= ss.size()) return false;
  const size_t i = a.section;
  auto& qs = ss[i].questions;
  switch (a.op) {
    case EditOp::kAddQuestion:
      if (d.question_count() >= kMaxQuestions) return false;
      qs.push_back(EmptyQuestion());
      return true;
    case EditOp::kRemoveSection: ss.erase(ss.begin() + static_cast<std::ptrdiff_t>(i)); return true;
    case EditOp::kSectionUp:
      if (i == 0) return false;
      std::swap(ss[i - 1], ss[i]);
      return true;
    case EditOp::kSectionDown:
      if (i + 1 >= ss.size()) return false;
      std::swap(ss[i], ss[i + 1]);
      return true;
    default: break;
  }
  const size_t j = a.question;
  if (j >= qs.size()) return false;
  switch (a.op) {
    case EditOp::kRemoveQuestion: qs.erase(qs.begin() + static_cast<std::ptrdiff_t>(j)); return true;
    case EditOp::kQuestionUp:
      if (j == 0) return false;
      std::swap(qs[j - 1], qs[j]);
      return true;
    case EditOp::kQuestionDown:
      if (j + 1 >= qs.size()) return false;
      std::swap(qs[j], qs[j + 1]);
      return true;
    default: return false;
  }
}

Questionnaire ToQuestionnaire(const QuestionnaireDraft& d) {
  Questionnaire q;
  q.code = text::Trim(d.code);
  q.name = d.name;
  // Keys kept: q<n>, each once (a second use of a key, or anything else, makes a new question).
  std::set<std::string> kept;
  size_t highest = 0;
  for (const auto& s : d.sections)
    for (const auto& qd : s.questions)
      if (auto n = KeyNumber(qd.key); n && kept.insert(qd.key).second) highest = std::max(highest, *n);
  std::set<std::string> used;
  for (const auto& s : d.sections) {
    Section out;
    out.title = s.title;
    for (const auto& qd : s.questions) {
      Question qu;
      if (KeyNumber(qd.key) && used.insert(qd.key).second) {
        qu.key = qd.key;
      } else {
        qu.key = "q" + std::to_string(++highest);
        used.insert(qu.key);
      }
      qu.text = qd.text;
      qu.kind = qd.kind;
      qu.required = qd.required;
      if (IsChoice(qd.kind)) {
        std::string_view rest = qd.options;
        while (!rest.empty() && qu.options.size() <= kMaxOptions) {
          const size_t nl = rest.find('\n');
          std::string line = text::Trim(rest.substr(0, nl));
          if (!line.empty()) qu.options.push_back(std::move(line));
          rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        }
      }
      if (qd.kind == QuestionKind::kLikert) qu.element = text::Trim(qd.element);
      out.questions.push_back(std::move(qu));
    }
    q.sections.push_back(std::move(out));
  }
  return q;
}

std::string EditorField(std::string_view field) {
  const size_t at = field.rfind(".options[");
  if (at != std::string_view::npos && field.back() == ']') return std::string(field.substr(0, at)) + ".options";
  return std::string(field);
}

std::optional<FieldPlace> PlaceOf(std::string_view field) {
  auto index = [](std::string_view& s, std::string_view name) -> std::optional<size_t> {
    if (s.substr(0, name.size() + 1) != std::string(name) + "[") return std::nullopt;
    const size_t close = s.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    auto n = Number(s.substr(name.size() + 1, close - name.size() - 1));
    s.remove_prefix(close + 1);
    return n;
  };
  std::string_view s = field;
  FieldPlace p;
  auto i = index(s, "sections");
  if (!i) return std::nullopt;
  p.section = *i;
  if (s.empty()) return p;
  if (s.front() != '.') return std::nullopt;
  s.remove_prefix(1);
  std::string_view probe = s;
  if (auto j = index(probe, "questions")) {
    p.question = *j;
    s = probe;
    if (!s.empty() && s.front() == '.') s.remove_prefix(1);
  }
  const size_t bracket = s.find('[');
  p.part = std::string(s.substr(0, bracket));
  return p;
}

}  // namespace fg::surveys
