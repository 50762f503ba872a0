// What the feedback pages share: a <select>'s options with the chosen one marked.
#pragma once
#include <ctemplate/template.h>

#include <string>
#include <utility>
#include <vector>

namespace fg::feedback {

// One `section` dictionary per option (VALUE, LABEL, SELECTED on the chosen one).
inline void Options(ctemplate::TemplateDictionary& b, const std::string& section,
                    const std::vector<std::pair<std::string, std::string>>& options, const std::string& selected) {
  for (const auto& [value, label] : options) {
    auto* o = b.AddSectionDictionary(section);
    o->SetValue("VALUE", value);
    o->SetValue("LABEL", label);
    if (value == selected) o->SetValue("SELECTED", "selected");
  }
}

}  // namespace fg::feedback
