// Pure rules of the public pages: the index of places searched by the
// beginnings of the words of their folded names (text::Fold: no diacritics, no
// case; "Xã Tân Hưng" and "xa tan hung" are the same words; "đ" is "d").
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "features/public/model.h"

namespace fg::pub {

// Bounds of one search: the query in characters and words, the places listed.
inline constexpr size_t kMaxQueryChars = 60;
inline constexpr size_t kMaxQueryWords = 6;
inline constexpr size_t kMaxResults = 20;
// A site with at most this many places in force lists them on its home page.
inline constexpr size_t kMaxListed = 30;

// The words of a folded text.
std::vector<std::string> Words(std::string_view folded);

PlaceStatus StatusOn(const Place& p, std::string_view date);

// Every place, searchable by the beginnings of the words of its name (in any
// order) or of its code. Built once per state of the units table; immutable,
// so readers share it without locks.
class PlaceIndex {
 public:
  explicit PlaceIndex(std::vector<Place> places);
  // Places matching every word of `query` (at most kMaxQueryWords are used):
  // those in force on `today` first, then those whose name holds the query's
  // words in order, then by name; at most `limit`.
  SearchResult Search(std::string_view query, std::string_view today, size_t limit = kMaxResults) const;
  const Place* Find(std::string_view code) const;
  // Every place in force on `today`, by name, when there are at most `max`; else none.
  std::vector<Place> AllInForceIfFew(std::string_view today, size_t max) const;
  size_t size() const { return places_.size(); }

 private:
  std::vector<Place> places_;
  std::vector<std::string> haystacks_;                   // per place: " <folded name> <code>"
  std::vector<std::pair<std::string, uint32_t>> terms_;  // (word, place), sorted
  std::unordered_map<std::string, uint32_t> by_code_;
};

}  // namespace fg::pub
