// The citizen's answer form, shared by the answer page (campaign_pages.cpp)
// and the questionnaire preview (questionnaire_pages.cpp).
#pragma once
#include <ctemplate/template.h>

#include <map>
#include <string>

#include "features/surveys/model.h"

namespace fg::surveys {
// Fills {{>QUESTIONS}} of `d` (templates/survey_questions.tpl): each section
// and question as the citizen sees it, `typed` checked or filled in, `errors`
// (message by field "answers.<key>") beside their questions.
void FillQuestions(ctemplate::TemplateDictionary& d, const Questionnaire& questionnaire, const Answers& typed,
                   const std::map<std::string, std::string>& errors);
}  // namespace fg::surveys
