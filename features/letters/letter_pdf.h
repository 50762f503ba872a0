// Letters laid out as PDF (platform/render/pdf, on its rendering pool): the
// administrative header of Nghị định 30/2020 (issuing unit on the left, national
// name and motto on the right, place and date below), the title, the text, the
// signer's title and name; the back side (reminders) on the reverse, so that a
// duplex printer puts it behind its front. In a batch each letter starts on an
// odd page. An optional decorative frame.
#pragma once
#include <string>
#include <vector>

#include "features/letters/model.h"

namespace fg::letters {

// What the header prints besides the letter: the unit's committee line and
// the date line ("Phường X, ngày 17 tháng 02 năm 2026").
struct Printed {
  const Letter* letter = nullptr;
  std::string committee;  // e.g. "ỦY BAN NHÂN DÂN\nPHƯỜNG CHƠN THÀNH" (bold, centred)
  std::string number;     // e.g. "Số: 12/TCM-UBND" ("" for a draft)
  std::string date_line;
};

// REQUIRES: every letter of a batch has the same paper.
std::string LettersPdf(const std::vector<Printed>& letters);

}  // namespace fg::letters
