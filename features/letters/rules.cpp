#include "features/letters/rules.h"

#include <algorithm>

#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::letters {

const std::vector<std::string>& Types() {
  static const std::vector<std::string> kTypes = {"marriage", "birth",      "longevity", "new_house", "achievement",
                                                  "other",    "condolence", "thanks",    "apology"};
  return kTypes;
}

bool IsType(std::string_view type) {
  const auto& t = Types();
  return std::find(t.begin(), t.end(), type) != t.end();
}

bool IsCongratulation(std::string_view type) {
  return IsType(type) && type != "condolence" && type != "thanks" && type != "apology";
}

const std::vector<std::string>& Placeholders() {
  static const std::vector<std::string> kNames = {
      "recipient_name", "recipient_address", "occasion",    "event_date",   "unit_name",
      "place",          "signer_title",      "signer_name", "dossier_code", "letter_date"};
  return kNames;
}

namespace {

// Calls f(name, begin, end) for each ((name)) in `text`, where [begin, end) spans the marker.
template <class F>
void EachMarker(std::string_view text, F&& f) {
  size_t at = 0;
  while ((at = text.find("((", at)) != std::string_view::npos) {
    const size_t close = text.find("))", at + 2);
    if (close == std::string_view::npos) return;
    f(text.substr(at + 2, close - at - 2), at, close + 2);
    at = close + 2;
  }
}

bool Known(std::string_view name) {
  const auto& p = Placeholders();
  return std::find(p.begin(), p.end(), name) != p.end();
}

}  // namespace

std::vector<std::string> UnknownPlaceholders(std::string_view text) {
  std::vector<std::string> out;
  EachMarker(text, [&](std::string_view name, size_t, size_t) {
    if (!Known(name) && std::find(out.begin(), out.end(), name) == out.end()) out.emplace_back(name);
  });
  return out;
}

std::string Substitute(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  size_t copied = 0;
  EachMarker(text, [&](std::string_view name, size_t begin, size_t end) {
    out.append(text.substr(copied, begin - copied));
    if (auto it = values.find(std::string(name)); it != values.end()) out += it->second;
    copied = end;
  });
  out.append(text.substr(copied));
  return out;
}

Template CheckTemplate(const TemplateInput& in, const Template& current) {
  Template t = current;
  Problems p;
  auto text = [&](const char* field, const std::string& value, size_t max, bool required, bool multiline) {
    return p.check([&] {
      std::string s = text::Clean(field, value, max, required, multiline);
      auto unknown = UnknownPlaceholders(s);
      if (!unknown.empty()) {
        std::string names, valid;
        for (const auto& n : unknown) names += (names.empty() ? "((" : ", ((") + n + "))";
        for (const auto& n : Placeholders()) valid += (valid.empty() ? "((" : ", ((") + n + "))";
        throw BadInput("letters.unknown_placeholder", field, {{"names", names}, {"valid", valid}});
      }
      return s;
    });
  };
  t.title = text("title", in.title, 120, true, false);
  t.front = text("front", in.front, 6000, true, true);
  t.back = text("back", in.back, 6000, false, true);
  if (!in.paper.empty()) {
    if (in.paper != "A5" && in.paper != "A4")
      p.check([] { throw BadInput("letters.bad_paper", "paper"); });
    else
      t.paper = in.paper;
  }
  if (in.border) t.border = *in.border;
  p.raise_if_any();
  return t;
}

std::string VietnameseDate(std::chrono::sys_days day) {
  const std::chrono::year_month_day ymd{day};
  const unsigned d = static_cast<unsigned>(ymd.day()), m = static_cast<unsigned>(ymd.month());
  return render::Text("letters.date", {{"day", (d < 10 ? "0" : "") + std::to_string(d)},
                                       {"month", (m <= 2 ? "0" : "") + std::to_string(m)},
                                       {"year", std::to_string(static_cast<int>(ymd.year()))}});
}

std::string MonthOf(std::string_view iso_date) { return std::string(iso_date.substr(0, 7)); }

std::string_view StateName(State s) {
  switch (s) {
    case State::kDraft: return "draft";
    case State::kIssued: return "issued";
    case State::kCancelled: return "cancelled";
  }
  return "draft";
}

std::optional<State> ParseState(std::string_view s) {
  for (State x : {State::kDraft, State::kIssued, State::kCancelled})
    if (StateName(x) == s) return x;
  return std::nullopt;
}

bool IsChannel(std::string_view c) { return c == "hand" || c == "post" || c == "email" || c == "other"; }

std::map<std::string, std::string> ValuesOf(const Letter& l, const std::string& unit_name, const std::string& place,
                                            const std::string& letter_date_iso) {
  std::map<std::string, std::string> v{{"recipient_name", l.recipient_name},
                                       {"recipient_address", l.recipient_address},
                                       {"occasion", l.occasion},
                                       {"unit_name", unit_name},
                                       {"place", place},
                                       {"signer_title", l.signer_title},
                                       {"signer_name", l.signer_name},
                                       {"dossier_code", l.dossier_code}};
  if (auto d = ParseIsoDate(l.event_date)) v["event_date"] = VietnameseDate(*d);
  if (auto d = ParseIsoDate(letter_date_iso)) v["letter_date"] = VietnameseDate(*d);
  return v;
}

std::vector<std::string> Paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  size_t at = 0;
  while (at <= text.size()) {
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(at, nl - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (text::Trim(line).empty()) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += (cur.empty() ? "" : "\n") + std::string(line);
    }
    at = nl + 1;
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

}  // namespace fg::letters
