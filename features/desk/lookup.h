// What the public lookup page (/tra-cuu) tells a citizen, as pure functions:
// the applicant's name and phone masked, the status and the history in plain
// words (catalogue keys under desk.lookup.), without officials' names.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "features/desk/model.h"

namespace fg::desk {

// "N*** T*** H***": the first letter of each word (lengths hidden too).
std::string MaskName(std::string_view name);
// "*******678": every digit but the last 3 hidden, other characters dropped.
std::string MaskPhone(std::string_view phone);

// The catalogue key of the dossier's status in plain words
// (desk.lookup.status.<state>, .<return method> for a result ready).
std::string StatusKey(State s, std::string_view return_method);

// One line of the citizen's timeline: its catalogue key, the note to fill in
// ({note}: what to supplement, why refused or stopped; only when `personal`),
// and when (UTC text). Actions a citizen need not follow (hand-overs between
// officials) read "Đang giải quyết" once, however many there were.
struct CitizenStep {
  std::string key, note, at;
};
std::vector<CitizenStep> CitizenTimeline(const std::vector<Entry>& entries, std::string_view return_method,
                                         bool personal);

}  // namespace fg::desk
