#include "features/public/rules.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <tuple>

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

}  // namespace fg::pub
