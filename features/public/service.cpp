#include "features/public/service.h"

#include <limits>

#include "features/public/repo.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::pub {
namespace {
constexpr auto kSettleTime = std::chrono::seconds(5);
}  // namespace

bool Recent(const std::string& latest) {
  auto t = ParseUtc(latest);
  return t && *t > Now() - kSettleTime;
}

std::shared_ptr<const PlaceIndex> Service::Index() {
  const auto now = std::chrono::steady_clock::now();
  std::string known;
  {
    std::lock_guard lk(mu_);
    if (index_ && now - checked_ < check_every_) return index_;
    checked_ = now;  // the other requests of this second keep the current index
    if (index_ && !Recent(latest_change_)) known = signature_;
  }
  struct Read {
    repo::UnitsState state;
    std::optional<std::vector<Place>> places;
  };
  // The state and the places from one snapshot; the places only when they changed.
  Read read = db_.read([&](db::Conn& c) {
    Read r{repo::State(c), std::nullopt};
    if (known.empty() || r.state.signature != known) r.places = repo::AllPlaces(c);
    return r;
  });
  std::shared_ptr<const PlaceIndex> built;
  if (read.places)  // folding and sorting: off the io thread
    built = builder_.run([&] { return std::make_shared<const PlaceIndex>(std::move(*read.places)); });
  std::lock_guard lk(mu_);
  if (built) {
    index_ = std::move(built);
    signature_ = read.state.signature;
    latest_change_ = read.state.latest_change;
  }
  return index_;
}

SearchResult Service::Search(const std::string& query) {
  const std::string q = text::Clean("ten", query, kMaxQueryChars, true);
  if (Words(text::Fold(q)).empty()) return {};
  return Index()->Search(q, TodayLocalIso());
}

std::vector<Place> Service::ListIfFew() { return Index()->AllInForceIfFew(TodayLocalIso(), kMaxListed); }

std::vector<Place> Service::InForce() {
  return Index()->AllInForceIfFew(TodayLocalIso(), std::numeric_limits<size_t>::max());
}

std::optional<Place> Service::Find(const std::string& code) {
  if (code.empty() || code.size() > 20) return std::nullopt;
  auto index = Index();
  if (const Place* p = index->Find(code)) return *p;
  return std::nullopt;
}

}  // namespace fg::pub
