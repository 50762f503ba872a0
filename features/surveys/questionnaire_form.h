// The questionnaire editor's form, without I/O: the fields a browser sends ->
// a draft (everything as typed, nothing lost), the structural buttons (add,
// remove, move a question or a section) applied to the draft, and the draft ->
// a Questionnaire to save, with its question keys assigned.
//
// Field names (FieldId turns "." into "-" for the inputs' ids):
//   unit, code, name
//   sections[i].title
//   sections[i].questions[j].key       hidden: the key the question had (kept when copying)
//   sections[i].questions[j].text
//   sections[i].questions[j].kind      likert | single | multiple | text
//   sections[i].questions[j].required  present when ticked
//   sections[i].questions[j].options   one option per line (choices)
//   sections[i].questions[j].element   SIPAS element (Likert), "" for none
//   op                                 the button pressed (see ParseEditAction)
// Sections and questions are read in order until the first index missing.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/surveys/model.h"

namespace fg::surveys {

struct QuestionDraft {
  std::string key;  // q<n> kept from the version it was copied from; "" for a new question
  std::string text;
  QuestionKind kind = QuestionKind::kLikert;
  bool required = true;
  std::string options;  // as typed, one per line (kept when the kind is changed back and forth)
  std::string element;
};

struct SectionDraft {
  std::string title;
  std::vector<QuestionDraft> questions;
};

struct QuestionnaireDraft {
  std::string unit;  // the owning unit's code
  std::string code, name;
  std::vector<SectionDraft> sections;
  size_t question_count() const {
    size_t n = 0;
    for (const auto& s : sections) n += s.questions.size();
    return n;
  }
};

// What the editor's buttons do. kSave validates and saves; the others change
// the draft and show the form again, saving nothing.
enum class EditOp {
  kSave,
  kAddQuestion,     // at the end of `section`
  kAddSection,      // at the end, with one empty question
  kRemoveQuestion,  // `question` of `section`
  kRemoveSection,
  kQuestionUp,  // swaps with the one above in its section
  kQuestionDown,
  kSectionUp,
  kSectionDown,
};
struct EditAction {
  EditOp op = EditOp::kSave;
  size_t section = 0, question = 0;
};

// "save" or "" (Enter in a field, a form sent without its button) -> kSave;
// "add_section"; "add_question.<i>"; "remove_section.<i>", "section_up.<i>",
// "section_down.<i>"; "remove_question.<i>.<j>", "question_up.<i>.<j>",
// "question_down.<i>.<j>". nullopt for anything else.
std::optional<EditAction> ParseEditAction(std::string_view op);
// The value of the button that does `a` (the inverse of ParseEditAction).
std::string EditActionValue(const EditAction& a);

// Reads at most kMaxSections + 1 sections and kMaxQuestions + 1 questions in
// all (enough for the limits to be reported), kMaxOptions + 1 option lines
// are kept by ToQuestionnaire. An unknown kind reads as Likert.
QuestionnaireDraft DraftFromForm(const std::map<std::string, std::string>& form);
// The draft of a saved version (its keys kept).
QuestionnaireDraft DraftOf(const Questionnaire& q);
// An empty questionnaire: one section with one empty question.
QuestionnaireDraft EmptyDraft();
// One empty question (Likert, required), and one empty section holding one.
QuestionDraft EmptyQuestion();
SectionDraft EmptySection();

// Applies a structural action; false (and the draft unchanged) when it does
// not apply: an index out of range, moving the first up or the last down,
// adding past kMaxSections sections or kMaxQuestions questions. kSave: false.
bool Apply(QuestionnaireDraft& d, const EditAction& a);

// What would be saved: texts as typed (the service cleans them), options split
// by line with blank lines left out (only for choices), the element only for a
// Likert question. Keys: a question keeps its key when it is q<digits> not yet
// used above it; the others get q<n> in order, n counting on from the highest
// key kept (a new questionnaire: q1, q2, ...).
Questionnaire ToQuestionnaire(const QuestionnaireDraft& d);

// The form field a problem of the service is shown beside: an option's
// problem ("...options[2]") beside the question's options; others as they are.
std::string EditorField(std::string_view field);

// Where a field is in the form: the section (from 0) and the question (from 0,
// nullopt for a field of the section itself); nullopt for a field outside the sections.
struct FieldPlace {
  size_t section = 0;
  std::optional<size_t> question;
  std::string part;  // "title", "questions", "text", "options" ... ("" for the section or question itself)
};
std::optional<FieldPlace> PlaceOf(std::string_view field);

}  // namespace fg::surveys
