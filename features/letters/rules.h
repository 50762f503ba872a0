// Pure rules of the letters: types, placeholders, Vietnamese dates, periods.
#pragma once
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/letters/model.h"

namespace fg::letters {

// The letter types, in display order: six congratulations, then condolence,
// thanks and apology.
const std::vector<std::string>& Types();
bool IsType(std::string_view type);
bool IsCongratulation(std::string_view type);

// The placeholders a template may use, ((name)) each.
const std::vector<std::string>& Placeholders();

// The ((names)) in `text` that are not placeholders, each once, in order.
std::vector<std::string> UnknownPlaceholders(std::string_view text);

// `text` with each ((name)) replaced by values[name] ("" when absent); values
// are not scanned again. REQUIRES: UnknownPlaceholders(text) is empty.
std::string Substitute(std::string_view text, const std::map<std::string, std::string>& values);

// Refuses a template with an unknown placeholder in `field` (BadInput
// letters.unknown_placeholder with {names} and {valid}), or bad lengths.
Template CheckTemplate(const TemplateInput& in, const Template& current);

// "ngày 17 tháng 02 năm 2026" (a day below 10 and the months 1 and 2 with a
// leading zero, Nghị định 30/2020).
std::string VietnameseDate(std::chrono::sys_days day);

// "YYYY-MM" of an ISO date or instant's local date.
std::string MonthOf(std::string_view iso_date);

std::string_view StateName(State s);
std::optional<State> ParseState(std::string_view s);

// Delivery channels.
bool IsChannel(std::string_view c);

// The values of a letter's placeholders.
std::map<std::string, std::string> ValuesOf(const Letter& l, const std::string& unit_name, const std::string& place,
                                            const std::string& letter_date_iso);

// Splits a text into paragraphs at blank lines (lines within a paragraph joined by "\n").
std::vector<std::string> Paragraphs(std::string_view text);

}  // namespace fg::letters
