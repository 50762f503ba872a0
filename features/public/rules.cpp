#include "features/public/rules.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <tuple>

#include "platform/errors.h"
#include "platform/http/message.h"
#include "platform/text/text.h"

namespace fg::pub {

std::vector<std::string> Words(std::string_view folded) {
  std::vector<std::string> out;
  for (size_t start = 0; start < folded.size();) {
    size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    if (end > start) out.emplace_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

PlaceStatus StatusOn(const Place& p, std::string_view date) {
  if (p.valid_from > date) return PlaceStatus::kNotYet;
  if (p.valid_to && *p.valid_to <= date) return PlaceStatus::kEnded;
  return PlaceStatus::kInForce;
}

PlaceIndex::PlaceIndex(std::vector<Place> places) : places_(std::move(places)) {
  haystacks_.reserve(places_.size());
  for (uint32_t i = 0; i < places_.size(); ++i) {
    const std::string folded = text::Fold(places_[i].name);
    const std::string code = text::Fold(places_[i].code);
    haystacks_.push_back(" " + folded + " " + code);
    std::vector<std::string> words = Words(folded);
    for (auto& w : Words(code)) words.push_back(std::move(w));
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    for (auto& w : words) terms_.emplace_back(std::move(w), i);
    by_code_.emplace(places_[i].code, i);
  }
  std::sort(terms_.begin(), terms_.end());
}

const Place* PlaceIndex::Find(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &places_[it->second];
}

std::vector<Place> PlaceIndex::AllInForceIfFew(std::string_view today, size_t max) const {
  std::vector<uint32_t> in_force;
  for (uint32_t i = 0; i < places_.size(); ++i) {
    if (StatusOn(places_[i], today) != PlaceStatus::kInForce) continue;
    if (in_force.size() == max) return {};
    in_force.push_back(i);
  }
  std::sort(in_force.begin(), in_force.end(), [&](uint32_t a, uint32_t b) { return haystacks_[a] < haystacks_[b]; });
  std::vector<Place> out;
  for (uint32_t i : in_force) out.push_back(places_[i]);
  return out;
}

SearchResult PlaceIndex::Search(std::string_view query, std::string_view today, size_t limit) const {
  std::vector<std::string> words = Words(text::Fold(query));
  if (words.size() > kMaxQueryWords) words.resize(kMaxQueryWords);
  if (words.empty()) return {};
  // Candidates from the index: places with a word starting with the longest query word.
  const std::string& key =
      *std::max_element(words.begin(), words.end(), [](auto& a, auto& b) { return a.size() < b.size(); });
  std::vector<uint32_t> candidates;
  for (auto it = std::lower_bound(terms_.begin(), terms_.end(), std::make_pair(key, uint32_t{0}));
       it != terms_.end() && it->first.compare(0, key.size(), key) == 0; ++it)
    candidates.push_back(it->second);
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  std::string phrase;  // the query's words in order, as they would appear in a name
  for (auto& w : words) phrase += " " + w;
  using Key = std::tuple<bool, bool, std::string_view, uint32_t>;  // not in force, not in order, name
  std::vector<Key> found;
  for (uint32_t i : candidates) {
    const std::string& h = haystacks_[i];
    if (!std::all_of(words.begin(), words.end(), [&](auto& w) { return h.find(" " + w) != std::string::npos; }))
      continue;
    found.emplace_back(StatusOn(places_[i], today) != PlaceStatus::kInForce, h.find(phrase) == std::string::npos,
                       std::string_view(h), i);
  }
  SearchResult r;
  r.more = found.size() > limit;
  const size_t n = std::min(found.size(), limit);
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(n), found.end());
  for (size_t k = 0; k < n; ++k) r.places.push_back(places_[std::get<3>(found[k])]);
  return r;
}

bool InForce(const desk::Procedure& p, std::string_view date) {
  return p.active && p.valid_from <= date && (!p.valid_to || *p.valid_to > date);
}

Catalogue::Catalogue(std::vector<desk::Procedure> procedures, std::string_view today) {
  // The nearest catalogue's version of each code.
  std::map<std::string, desk::Procedure> by_code;
  for (auto& p : procedures) {
    if (!InForce(p, today)) continue;
    auto it = by_code.find(p.code);
    if (it == by_code.end())
      by_code.emplace(p.code, std::move(p));
    else if (p.unit_path.size() > it->second.unit_path.size())
      it->second = std::move(p);
  }
  struct Keyed {
    std::string field, name;
    desk::Procedure p;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(by_code.size());
  for (auto& [code, p] : by_code) keyed.push_back({text::Fold(p.field), text::Fold(p.name), std::move(p)});
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.field, a.name, a.p.code) < std::tie(b.field, b.name, b.p.code);
  });
  items_.reserve(keyed.size());
  words_.reserve(keyed.size());
  for (auto& k : keyed) {
    std::vector<std::string> w = Words(k.name);
    for (auto& x : Words(k.field)) w.push_back(std::move(x));
    for (auto& x : Words(text::Fold(k.p.code))) w.push_back(std::move(x));
    std::sort(w.begin(), w.end());
    w.erase(std::unique(w.begin(), w.end()), w.end());
    words_.push_back(std::move(w));
    items_.push_back(std::move(k.p));
  }
}

std::vector<const desk::Procedure*> Catalogue::Search(std::string_view query) const {
  std::vector<std::string> q = Words(text::Fold(query));
  if (q.size() > kMaxQueryWords) q.resize(kMaxQueryWords);
  std::vector<const desk::Procedure*> out;
  for (size_t i = 0; i < items_.size(); ++i) {
    const auto& w = words_[i];
    const bool all = std::all_of(q.begin(), q.end(), [&](const std::string& word) {
      // The first word not below `word` starts with it, if any does (sorted).
      auto it = std::lower_bound(w.begin(), w.end(), word);
      return it != w.end() && it->starts_with(word);
    });
    if (all) out.push_back(&items_[i]);
  }
  return out;
}

const desk::Procedure* Catalogue::Find(std::string_view code) const {
  for (const auto& p : items_)
    if (p.code == code) return &p;
  return nullptr;
}

std::vector<FieldGroup> GroupByField(const std::vector<const desk::Procedure*>& items) {
  std::vector<FieldGroup> out;
  for (const auto* p : items) {
    if (out.empty() || out.back().field != p->field) out.push_back({p->field, {}});
    out.back().items.push_back(p);
  }
  return out;
}

std::optional<DirectoryEntry> Published(const DirectoryPerson& person) {
  const Publication& pub = person.publication;
  if (!pub.listed) return std::nullopt;
  DirectoryEntry e;
  e.name = person.full_name;
  if (pub.position) e.position = person.position;
  if (pub.phone) e.phone = person.phone;
  if (pub.email) e.email = person.email;
  if (pub.hours) e.hours = pub.hours_text;
  e.official_id = person.official_id;
  if (pub.photo) e.photo_version = person.photo_version;
  return e;
}

Publication ValidatePublication(const PublicationInput& in) {
  Problems pr;
  Publication p;
  p.listed = in.listed;
  p.position = in.position;
  p.phone = in.phone;
  p.email = in.email;
  p.hours = in.hours;
  p.photo = in.photo;
  p.hours_text = pr.check([&] { return text::Clean("hours_text", in.hours_text, kMaxHoursChars, false); });
  if (p.hours && p.hours_text.empty() && !pr.has("hours_text"))
    pr.add(BadInput("public.directory.hours_missing", "hours_text"));
  const std::string order = text::Trim(in.sort_order);
  if (!order.empty()) {
    auto n = http::ParseInt64(order);
    if (!n || *n < 1 || *n > kMaxSortOrder)
      pr.add(BadInput("public.directory.bad_sort_order", "sort_order", {{"max", std::to_string(kMaxSortOrder)}}));
    else
      p.sort_order = *n;
  }
  pr.raise_if_any();
  return p;
}

Conduct ValidateConduct(const std::string& mottos, const std::string& code) {
  Problems pr;
  Conduct c;
  c.mottos = pr.check([&] { return text::Clean("mottos", mottos, kMaxMottosChars, false, true); });
  c.code = pr.check([&] { return text::Clean("conduct", code, kMaxConductChars, false, true); });
  pr.raise_if_any();
  // A textarea sends "\r\n": kept as "\n".
  for (std::string* s : {&c.mottos, &c.code}) std::erase(*s, '\r');
  return c;
}

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line = text::Trim(text.substr(start, end - start));
    if (!line.empty()) out.push_back(std::move(line));
    start = end + 1;
  }
  return out;
}

FigureLine SumFigures(const std::vector<FigureLine>& months, std::string_view prefix, std::string key) {
  FigureLine out;
  out.key = std::move(key);
  for (const auto& m : months) {
    if (!std::string_view(m.key).starts_with(prefix)) continue;
    out.received += m.received;
    out.resolved += m.resolved;
    out.resolved_on_time += m.resolved_on_time;
    out.ratings += m.ratings;
    out.satisfied += m.satisfied;
    out.answered += m.answered;
    out.answered_on_time += m.answered_on_time;
  }
  return out;
}

std::vector<FigureLine> FillMonths(const std::vector<FigureLine>& known, std::string_view from, std::string_view to) {
  std::vector<FigureLine> out;
  if (from.size() != 7 || to.size() != 7) return out;
  int year = std::atoi(std::string(from.substr(0, 4)).c_str());
  int month = std::atoi(std::string(from.substr(5, 2)).c_str());
  for (int guard = 0; guard < 1200; ++guard) {
    char key[16];
    std::snprintf(key, sizeof key, "%04d-%02d", year, month);
    if (std::string_view(key) > to) break;
    FigureLine line = SumFigures(known, key, key);
    out.push_back(std::move(line));
    if (++month > 12) {
      month = 1;
      ++year;
    }
  }
  return out;
}

}  // namespace fg::pub
