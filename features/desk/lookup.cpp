#include "features/desk/lookup.h"

#include "features/desk/rules.h"

namespace fg::desk {
namespace {

std::string_view ReturnMethod(std::string_view m) {
  return m == "post" || m == "online" ? m : std::string_view("at_desk");
}

}  // namespace

std::string MaskName(std::string_view name) {
  std::string out;
  bool word_start = true;
  for (size_t i = 0; i < name.size();) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;  // UTF-8 sequence length
    if (c == ' ') {
      word_start = true;
    } else if (word_start) {
      if (!out.empty()) out += ' ';
      out += name.substr(i, len);
      out += "***";
      word_start = false;
    }
    i += len;
  }
  return out;
}

std::string MaskPhone(std::string_view phone) {
  std::string digits;
  for (char c : phone)
    if (c >= '0' && c <= '9') digits += c;
  if (digits.size() <= 3) return std::string(digits.size(), '*');
  return std::string(digits.size() - 3, '*') + digits.substr(digits.size() - 3);
}

std::string StatusKey(State s, std::string_view return_method) {
  std::string key = "desk.lookup.status." + std::string(StateName(s));
  if (s == State::kResultReady) key += "." + std::string(ReturnMethod(return_method));
  return key;
}

std::vector<CitizenStep> CitizenTimeline(const std::vector<Entry>& entries, std::string_view return_method,
                                         bool personal) {
  std::vector<CitizenStep> out;
  for (const auto& e : entries) {
    std::string key = "desk.lookup.step." + std::string(ActionName(e.action));
    std::string note;
    switch (e.action) {
      case Action::kRequestSupplement:
      case Action::kRefuse:
      case Action::kStop:
        if (personal && !e.note.empty()) {
          key += "_note";
          note = e.note;
        }
        break;
      case Action::kResultReady: key += "." + std::string(ReturnMethod(return_method)); break;
      default: break;
    }
    if (!out.empty() && out.back().key == key && note.empty()) continue;  // hand-overs: one line
    out.push_back({std::move(key), std::move(note), e.at});
  }
  return out;
}

}  // namespace fg::desk
