// What the feedback pages share: a <select>'s options with the chosen one marked,
// and the options of the model's keys labelled from the catalogue.
#pragma once
#include <ctemplate/template.h>

#include "features/feedback/rules.h"
#include "platform/render/messages.h"

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

// (key, the catalogue's text of prefix + key) for each key.
inline std::vector<std::pair<std::string, std::string>> Labelled(const std::string& prefix, auto const& keys) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& k : keys) {
    out.emplace_back(k, render::Text(prefix + std::string(k)));
  }
  return out;
}

inline std::vector<std::string> KindKeys() {
  std::vector<std::string> out;
  for (Kind k : kKinds) out.emplace_back(KindName(k));
  return out;
}

}  // namespace fg::feedback
