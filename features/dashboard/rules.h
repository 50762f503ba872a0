// The event log's sentences and diffs (pure, apart from the message catalogue):
// every sentence is a template `event.sentence.<entity>.<action>` of
// features/dashboard/messages.vi.json, with `event.sentence.fallback` for the rest.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "features/dashboard/model.h"

namespace fg::dashboard {

// The sentence for `e` ("Nguyễn Văn Quản đã xóa ngày nghỉ lễ 31/12/2026") and, for a
// change with a before and an after, the fields that differ with Vietnamese labels
// and values as people read them. `unit_names` maps unit codes to names.
Described Describe(const LogEntry& e, const std::map<std::string, std::string>& unit_names = {});

// The unit codes `e`'s before and after mention (parent, successor, home unit,
// roles), to look their names up once for a page.
std::vector<std::string> UnitCodesIn(const LogEntry& e);

}  // namespace fg::dashboard
