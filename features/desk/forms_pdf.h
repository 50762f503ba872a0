// The printed forms laid out as files: forms 01-06 as PDF on A5, the register
// (form 07) as PDF on A4 landscape and as a spreadsheet. Each runs on the
// rendering pool (render::pdf::Pool; the register in its export lane) when
// called from a request.
#pragma once
#include <string>

#include "features/desk/forms.h"

namespace fg::desk::forms {

std::string FormPdf(const Form& f);
std::string RegisterPdf(const Register& r);
std::string RegisterXlsx(const Register& r);

}  // namespace fg::desk::forms
