// The portal of a place (issue 16): what a commune publishes for citizens
// without a login: the procedure catalogue and the directory of officials.
//
// Directory: an official appears in their home unit's directory only when
// they (or an administrator covering them, org::CoversOfficial) ticked
// "listed", and each field (position, phone, e-mail, receiving hours) only
// with its own tick (Published, rules.h). Read per request (one indexed
// statement over the unit's listed officials).
//
// Figures: see FiguresOf.
//
// Catalogue:
// A place's catalogue is read through the desk's service (every active
// procedure of the place's catalogue and its ancestors') and kept in memory
// as an immutable Catalogue per place and day, so that a catalogue page or a
// procedure page costs one small read (the procedures table's state: count
// and latest updated_at, looked at at most once a second per place) and no
// scan. Any change of any catalogue (page, API, CSV import, another server
// process) changes that state, and the next look re-reads. As for the places'
// index, for 5 seconds after the latest change the catalogue is re-read at
// each look (on PostgreSQL a write stamped earlier may commit later). At most
// kMaxCachedPlaces catalogues are kept (a province's site sees a few hundred
// places; each catalogue is some hundred procedures).
#pragma once
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "features/desk/service.h"
#include "features/org/service.h"
#include "features/public/rules.h"
#include "features/public/service.h"
#include "features/ratings/service.h"
#include "platform/db/db.h"

namespace fg::pub {

class Portal {
 public:
  static constexpr size_t kMaxCachedPlaces = 512;

  Portal(db::Db& db, Service& places, desk::Service& desk, org::Service& org, ratings::Service& ratings,
         std::chrono::milliseconds check_every = std::chrono::seconds(1))
      : db_(db), places_(places), desk_(desk), org_(org), ratings_(ratings), check_every_(check_every) {}

  struct PlaceCatalogue {
    Place place;
    PlaceStatus status = PlaceStatus::kInForce;
    // The procedures that apply there today; empty for a place no longer in force.
    std::shared_ptr<const Catalogue> catalogue;
  };
  // The place with this code and its catalogue; NotFound("public.place_not_found").
  PlaceCatalogue CatalogueOf(const std::string& code);
  // The procedures of `c` matching `query` (checked as typed text: field
  // "tim", at most kMaxCatalogueQueryChars characters; empty: all).
  static std::vector<const desk::Procedure*> Search(const Catalogue& c, const std::string& query);

  // ---- live figures ----
  // The figures are public (QĐ 766/QĐ-TTg publishes them per unit): read here
  // for anyone, as the system, from the desk's monthly counters, the
  // ratings' daily counters and the feedback answered per month
  // (feedback/answer_months.h) of the place's subtree. Shares are left to the
  // reader with the minimum-volume rule (stats::WilsonShare).
  struct Figures {
    Place place;
    PlaceStatus status = PlaceStatus::kInForce;
    std::string today;                 // YYYY-MM-DD: the figures run to this day
    FigureLine this_month, this_year;  // from the 1st of the month / of January to today
    std::vector<FigureLine> months;    // January of last year to this month, every month
  };
  Figures FiguresOf(const std::string& code);

  // ---- the directory ----
  struct Directory {
    Place place;
    PlaceStatus status = PlaceStatus::kInForce;
    std::vector<DirectoryEntry> entries;  // only what each person agreed to publish
    Conduct conduct;                      // the unit's own mottos and code of conduct
  };
  // NotFound("public.place_not_found") for an unknown place.
  Directory DirectoryOf(const std::string& code);
  // A unit's mottos and code of conduct, for an administrator or leader
  // covering the unit (others: 403; unknown unit: 404).
  struct ConductView {
    org::Unit unit;
    Conduct conduct;  // empty when never set
  };
  ConductView GetConduct(const auth::Principal& p, const std::string& unit_code);
  // Sets them (every bad field at once, 400), with an event.
  Conduct SetConduct(const auth::Principal& p, const std::string& unit_code, const std::string& mottos,
                     const std::string& code);
  // The photo of a listed, active official who agreed to publish it; else
  // NotFound("org.photo.not_found") (never says whether there is a photo).
  org::PhotoFile PublicPhoto(int64_t official_id);
  // What an official publishes, for the official or an administrator covering
  // them (others: 403; unknown official: 404).
  struct PublicationView {
    org::Official official;
    Publication publication;  // defaults (nothing published) when never set
  };
  PublicationView GetPublication(const auth::Principal& p, int64_t official_id);
  // Sets it (every bad field at once, 400), with an event.
  Publication SetPublication(const auth::Principal& p, int64_t official_id, const PublicationInput& in);

 private:
  struct Cached {
    std::string signature, latest_change, day;
    std::chrono::steady_clock::time_point checked{};
    std::shared_ptr<const Catalogue> catalogue;
  };
  db::Db& db_;
  Service& places_;
  desk::Service& desk_;
  org::Service& org_;
  ratings::Service& ratings_;
  const std::chrono::milliseconds check_every_;
  std::mutex mu_;
  std::map<std::string, Cached> cache_;  // by place code
};

}  // namespace fg::pub
