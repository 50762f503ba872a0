// SQL of the announcements, their broadcast log and the loudspeaker
// controllers (parameterised, portable SQLite + PostgreSQL).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "features/public/announcements.h"
#include "platform/db/db.h"

namespace fg::pub::announcements_repo {

int64_t Insert(db::Conn& c, const Announcement& a, std::optional<int64_t> by);
// The unit's announcements not ended before `today` (withdrawn ones too), soonest first.
std::vector<Announcement> Current(db::Conn& c, const std::string& unit_code, const std::string& today);
std::optional<Announcement> ById(db::Conn& c, int64_t id);
// The code of the unit under `path_prefix` with the latest announcement, if any.
std::optional<std::string> LatestUnitUnder(db::Conn& c, const std::string& path_prefix);
// Text, schedule and hamlets; bumps the version. False unless the stored
// version is a.version, it is not withdrawn and was never broadcast.
bool Update(db::Conn& c, const Announcement& a);
// False unless the stored version is `version` and it is not withdrawn yet.
bool Withdraw(db::Conn& c, int64_t id, int64_t version, std::optional<int64_t> by, const std::string& at,
              const std::string& reason);

int64_t InsertBroadcast(db::Conn& c, int64_t announcement_id, const std::string& hamlet, const std::string& played_at,
                        int64_t controller_id, const std::string& reported_at);
std::vector<Broadcast> Log(db::Conn& c, const std::string& unit_code, int64_t limit);

int64_t InsertController(db::Conn& c, const Controller& k, const std::string& token_hash, std::optional<int64_t> by);
struct ControllerRow {
  Controller controller;
  std::string token_hash;
};
std::optional<ControllerRow> ControllerById(db::Conn& c, int64_t id);
std::vector<Controller> Controllers(db::Conn& c, int64_t unit_id);
// False when it was revoked already.
bool RevokeController(db::Conn& c, int64_t id, std::optional<int64_t> by, const std::string& at);

}  // namespace fg::pub::announcements_repo
