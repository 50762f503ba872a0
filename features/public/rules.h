// Pure rules of the public pages: the index of places searched by the
// beginnings of the words of their folded names (text::Fold: no diacritics, no
// case; "Xã Tân Hưng" and "xa tan hung" are the same words; "đ" is "d").
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "features/desk/model.h"
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

// ---- the procedure catalogue of a place (the portal) ----

// Bounds of a catalogue search (the box on /xa/{code}/thu-tuc).
inline constexpr size_t kMaxCatalogueQueryChars = 80;

// Whether a procedure version is in force on `date` (YYYY-MM-DD) and active.
bool InForce(const desk::Procedure& p, std::string_view date);

// The procedures that apply at one place on one day: those of its own
// catalogue and of its ancestors' (the desk's SearchProcedures by unit), in
// force and active. A code in several catalogues (the province's and the
// commune's own version) is listed once: the nearest catalogue's (longest unit
// path) wins. Sorted by field, then name (folded), then code. Immutable.
class Catalogue {
 public:
  Catalogue(std::vector<desk::Procedure> procedures, std::string_view today);
  const std::vector<desk::Procedure>& all() const { return items_; }
  // Those whose code, name or field holds every word of `query` as the start
  // of a word, diacritics and case ignored ("khai sinh", "ho tich", "1.0011");
  // every procedure for a query without words. At most kMaxQueryWords words are used.
  std::vector<const desk::Procedure*> Search(std::string_view query) const;
  const desk::Procedure* Find(std::string_view code) const;

 private:
  std::vector<desk::Procedure> items_;
  std::vector<std::vector<std::string>> words_;  // per item: the folded words of code, name and field
};

// The fields (lĩnh vực) of `items` in their order, each with its procedures.
struct FieldGroup {
  std::string field;
  std::vector<const desk::Procedure*> items;
};
std::vector<FieldGroup> GroupByField(const std::vector<const desk::Procedure*>& items);

// ---- the directory ----

inline constexpr size_t kMaxHoursChars = 200;
inline constexpr int64_t kMaxSortOrder = 999;

// What the directory shows of `person`: nullopt unless listed; else the name
// and each field that was agreed to and is not empty.
std::optional<DirectoryEntry> Published(const DirectoryPerson& person);
// The checked publication (every problem at once: hours_text too long or not
// text, sort_order not a number in 1..kMaxSortOrder; "" is 100).
Publication ValidatePublication(const PublicationInput& in);

inline constexpr size_t kMaxMottosChars = 1000;
inline constexpr size_t kMaxConductChars = 6000;
// The checked conduct (fields "mottos", "conduct": multi-line text within their
// limits; both may be empty; every problem at once).
Conduct ValidateConduct(const std::string& mottos, const std::string& code);
// The non-empty lines of `text`, trimmed (a motto or a rule each).
std::vector<std::string> Lines(std::string_view text);

// ---- live figures ----

// The lines of `months` whose key (YYYY-MM) starts with `prefix` ("2026" for
// a year, "2026-03" for a month), summed into one line keyed `key`.
FigureLine SumFigures(const std::vector<FigureLine>& months, std::string_view prefix, std::string key);
// Every month from `from` to `to` (YYYY-MM, both included), each with the
// figures of `known` for it (zeros for a month without any), in order.
std::vector<FigureLine> FillMonths(const std::vector<FigureLine>& known, std::string_view from, std::string_view to);

}  // namespace fg::pub
