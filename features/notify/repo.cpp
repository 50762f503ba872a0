#include "features/notify/repo.h"

#include <algorithm>

#include <boost/json.hpp>

#include "platform/db/ancestors.h"
#include "platform/time.h"

namespace fg::notify::repo {
namespace {

namespace json = boost::json;

std::string MapJson(const std::map<std::string, std::string>& m) {
  json::object o;
  for (auto& [k, v] : m) o[k] = v;
  return json::serialize(o);
}
std::map<std::string, std::string> JsonMap(const std::string& s) {
  std::map<std::string, std::string> out;
  boost::system::error_code ec;
  auto v = json::parse(s, ec);
  if (ec || !v.is_object()) return out;
  for (auto& [k, x] : v.as_object())
    if (x.is_string()) out[std::string(k)] = std::string(x.as_string());
  return out;
}

#define FG_MESSAGE_COLUMNS                                                                                          \
  "o.id, o.idem_key, o.unit_id, o.dossier_id, o.event, o.channel_pref, o.phone, o.email, o.params_json, o.status, " \
  "o.attempts, o.next_at, o.channel, o.provider_id, o.last_error, o.created_at, o.sent_at, o.updated_at, "          \
  "o.zalo_user_id, o.facebook_user_id"

Message MessageOf(const db::Row& r) {
  Message m;
  m.id = r.i64(0);
  m.idem_key = r.text(1);
  m.unit_id = r.i64(2);
  m.dossier_id = r.opt_i64(3);
  m.event = r.text(4);
  m.channel_pref = r.text(5);
  m.phone = r.text(6);
  m.email = r.text(7);
  m.params = JsonMap(r.text(8));
  m.status = r.text(9);
  m.attempts = r.i64(10);
  m.next_at = r.text(11);
  m.channel = r.text(12);
  m.provider_id = r.text(13);
  m.last_error = r.text(14);
  m.created_at = r.text(15);
  m.sent_at = r.text(16);
  m.updated_at = r.text(17);
  m.zalo_user_id = r.text(18);
  m.facebook_user_id = r.text(19);
  auto it = m.params.find("code");
  if (it != m.params.end()) m.dossier_code = it->second;
  return m;
}

const db::Query kPutConsent{
    "notify_consent_put",
    "INSERT INTO notify_consents (dossier_id, channel, opt_out, recorded_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (dossier_id) DO UPDATE SET channel = excluded.channel, "
    "opt_out = excluded.opt_out, recorded_at = excluded.recorded_at"};
const db::Query kConsent{"notify_consent", "SELECT channel, opt_out FROM notify_consents WHERE dossier_id = ?"};
const db::Query kInsert{
    "outbox_insert",
    "INSERT INTO outbox (idem_key, unit_id, dossier_id, event, channel_pref, phone, email, params_json, status, "
    "attempts, next_at, lease_owner, lease_until, channel, provider_id, last_error, created_at, sent_at, updated_at, "
    "zalo_user_id, facebook_user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, NULL, NULL, '', '', '', ?, NULL, "
    "?, ?, ?) "
    "ON CONFLICT (idem_key) DO NOTHING"};
#define FG_CLAIM_WHERE \
  "WHERE status = 'queued' AND next_at <= ? AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_at, id LIMIT ?"
const db::Query kClaimSqlite{"outbox_claim",
                             "UPDATE outbox SET lease_owner = ?, lease_until = ?, updated_at = ? WHERE id IN "
                             "(SELECT id FROM outbox " FG_CLAIM_WHERE ") RETURNING id"};
const db::Query kClaimPg{"outbox_claim_pg",
                         "UPDATE outbox SET lease_owner = ?, lease_until = ?, updated_at = ? WHERE id IN "
                         "(SELECT id FROM outbox " FG_CLAIM_WHERE " FOR UPDATE SKIP LOCKED) RETURNING id"};
const db::Query kAnyDue{"outbox_any_due",
                        "SELECT id FROM outbox WHERE status = 'queued' AND next_at <= ? "
                        "AND (lease_until IS NULL OR lease_until < ?) LIMIT 1"};
const db::Query kById{"outbox_by_id", "SELECT " FG_MESSAGE_COLUMNS " FROM outbox o WHERE o.id = ?"};
const db::Query kRenew{"outbox_renew",
                       "UPDATE outbox SET lease_until = ?, updated_at = ? "
                       "WHERE id = ? AND lease_owner = ? AND status = 'queued'"};
const db::Query kMarkSent{"outbox_sent",
                          "UPDATE outbox SET status = 'sent', attempts = attempts + 1, channel = ?, provider_id = ?, "
                          "last_error = '', sent_at = ?, updated_at = ?, lease_owner = NULL, lease_until = NULL "
                          "WHERE id = ? AND lease_owner = ? AND status = 'queued'"};
const db::Query kMarkAttempt{"outbox_attempt",
                             "UPDATE outbox SET attempts = ?, status = ?, next_at = ?, channel = ?, last_error = ?, "
                             "updated_at = ?, lease_owner = NULL, lease_until = NULL "
                             "WHERE id = ? AND lease_owner = ? AND status = 'queued'"};
const db::Query kDefer{"outbox_defer",
                       "UPDATE outbox SET next_at = ?, updated_at = ?, lease_owner = NULL, lease_until = NULL "
                       "WHERE id = ? AND lease_owner = ? AND status = 'queued'"};
const db::Query kMarkDelivery{"outbox_delivery",
                              "UPDATE outbox SET status = ?, last_error = ?, updated_at = ? "
                              "WHERE id = ? AND channel = ? AND status IN ('sent', 'delivered', 'failed') "
                              "AND sent_at IS NOT NULL"};
const db::Query kRequeue{"outbox_requeue",
                         "UPDATE outbox SET status = 'queued', attempts = 0, next_at = ?, last_error = '', "
                         "updated_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = 'failed'"};
const db::Query kList{"outbox_list", "SELECT " FG_MESSAGE_COLUMNS
                                     " FROM outbox o JOIN units u ON u.id = o.unit_id "
                                     "WHERE (? = '' OR o.status = ?) AND u.path LIKE ? ORDER BY o.id DESC LIMIT ?"};
const db::Query kOfDossier{"outbox_of_dossier",
                           "SELECT " FG_MESSAGE_COLUMNS " FROM outbox o WHERE o.dossier_id = ? ORDER BY o.id"};
const db::Query kCounts{"outbox_counts",
                        "SELECT channel, status, COUNT(*), MIN(created_at) FROM outbox GROUP BY channel, status "
                        "ORDER BY channel, status"};
const db::Query kChannels{"notify_channels",
                          "SELECT channel, position, config_json FROM notify_channels WHERE unit_id = ? "
                          "ORDER BY position, channel"};
const db::Query kChannelsFor{"notify_channels_for",
                             "SELECT c.channel, c.position, c.config_json, u.path FROM " FG_ANCESTOR_UNITS
                             " JOIN notify_channels c ON c.unit_id = u.id WHERE " FG_ANCESTOR_MATCH
                             " ORDER BY LENGTH(u.path) DESC, c.position, c.channel"};
const db::Query kPutChannel{"notify_channel_put",
                            "INSERT INTO notify_channels (unit_id, channel, position, config_json, updated_at) "
                            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (unit_id, channel) DO UPDATE SET "
                            "position = excluded.position, config_json = excluded.config_json, "
                            "updated_at = excluded.updated_at"};
const db::Query kDeleteChannel{"notify_channel_delete",
                               "DELETE FROM notify_channels WHERE unit_id = ? AND channel = ?"};
const db::Query kLatestTemplate{"notify_template_latest",
                                "SELECT event, channel, version, subject, body FROM notify_templates "
                                "WHERE event = ? AND channel = ? ORDER BY version DESC LIMIT 1"};
const db::Query kTemplateVersions{"notify_template_versions",
                                  "SELECT event, channel, version, subject, body, created_at FROM notify_templates "
                                  "WHERE event = ? AND channel = ? ORDER BY version DESC LIMIT ?"};
const db::Query kInsertTemplate{
    "notify_template_insert",
    "INSERT INTO notify_templates (event, channel, version, subject, body, created_by, created_at) "
    "VALUES (?, ?, (SELECT COALESCE(MAX(version), 0) + 1 FROM notify_templates WHERE event = ? AND channel = ?), "
    "?, ?, ?, ?) RETURNING version"};

}  // namespace

void PutConsent(db::Conn& c, int64_t dossier_id, const std::string& channel, bool opt_out, const std::string& at) {
  c.exec(kPutConsent, {dossier_id, channel, int64_t{opt_out ? 1 : 0}, at});
}

std::optional<Consent> ConsentOf(db::Conn& c, int64_t dossier_id) {
  auto r = c.query_one(kConsent, {dossier_id});
  if (!r) return std::nullopt;
  return Consent{r->text(0), r->i64(1) != 0};
}

bool InsertMessage(db::Conn& c, const Message& m) {
  return c.exec(kInsert, {m.idem_key, m.unit_id, m.dossier_id ? db::Value(*m.dossier_id) : db::Value(nullptr), m.event,
                          m.channel_pref, m.phone, m.email, MapJson(m.params), m.next_at, m.created_at, m.created_at,
                          m.zalo_user_id, m.facebook_user_id}) > 0;
}

std::vector<Message> Claim(db::Conn& c, const std::string& owner, const std::string& now,
                           const std::string& lease_until, int64_t limit) {
  const auto& q = c.backend() == db::Backend::kPostgres ? kClaimPg : kClaimSqlite;
  auto ids = c.query(q, {owner, lease_until, now, now, now, limit});
  std::vector<Message> out;
  for (auto& r : ids)
    if (auto m = MessageById(c, r.i64(0))) out.push_back(std::move(*m));
  std::sort(out.begin(), out.end(), [](const Message& a, const Message& b) { return a.id < b.id; });
  return out;
}

bool AnyDue(db::Conn& c, const std::string& now) { return c.query_one(kAnyDue, {now, now}).has_value(); }

bool Renew(db::Conn& c, int64_t id, const std::string& owner, const std::string& lease_until, const std::string& now) {
  return c.exec(kRenew, {lease_until, now, id, owner}) > 0;
}

bool MarkSent(db::Conn& c, int64_t id, const std::string& owner, const std::string& channel,
              const std::string& provider_id, const std::string& now) {
  return c.exec(kMarkSent, {channel, provider_id, now, now, id, owner}) > 0;
}

bool MarkAttempt(db::Conn& c, int64_t id, const std::string& owner, int64_t attempts, const std::string& status,
                 const std::string& next_at, const std::string& channel, const std::string& error,
                 const std::string& now) {
  return c.exec(kMarkAttempt, {attempts, status, next_at, channel, error, now, id, owner}) > 0;
}

bool Defer(db::Conn& c, int64_t id, const std::string& owner, const std::string& next_at, const std::string& now) {
  return c.exec(kDefer, {next_at, now, id, owner}) > 0;
}

bool MarkDelivery(db::Conn& c, int64_t id, const std::string& channel, const std::string& status,
                  const std::string& error, const std::string& now) {
  return c.exec(kMarkDelivery, {status, error, now, id, channel}) > 0;
}

bool Requeue(db::Conn& c, int64_t id, const std::string& now) { return c.exec(kRequeue, {now, now, id}) > 0; }

std::optional<Message> MessageById(db::Conn& c, int64_t id) {
  auto r = c.query_one(kById, {id});
  if (!r) return std::nullopt;
  return MessageOf(*r);
}

std::vector<Message> Messages(db::Conn& c, const std::string& status, const std::string& unit_path, int64_t limit) {
  std::vector<Message> out;
  for (auto& r : c.query(kList, {status, status, unit_path + "%", limit})) out.push_back(MessageOf(r));
  return out;
}

std::vector<Message> MessagesOfDossier(db::Conn& c, int64_t dossier_id) {
  std::vector<Message> out;
  for (auto& r : c.query(kOfDossier, {dossier_id})) out.push_back(MessageOf(r));
  return out;
}

std::vector<ChannelCounts> Counts(db::Conn& c, const std::string& now) {
  std::map<std::string, ChannelCounts> by;
  const auto now_t = ParseUtc(now);
  for (auto& r : c.query(kCounts)) {
    auto& x = by[r.text(0)];
    x.channel = r.text(0);
    const std::string status = r.text(1);
    const int64_t n = r.i64(2);
    if (status == "queued") {
      x.queued += n;
      if (auto t = ParseUtc(r.text(3)); t && now_t)
        x.oldest_queued_seconds = std::max<int64_t>(0, (*now_t - *t).count());
    } else if (status == "sent" || status == "delivered") {
      x.sent += n;
    } else if (status == "failed") {
      x.failed += n;
    }
  }
  std::vector<ChannelCounts> out;
  for (auto& [k, v] : by) out.push_back(v);
  return out;
}

std::vector<Channel> Channels(db::Conn& c, int64_t unit_id) {
  std::vector<Channel> out;
  for (auto& r : c.query(kChannels, {unit_id})) out.push_back({r.text(0), r.i64(1), JsonMap(r.text(2))});
  return out;
}

std::vector<Channel> ChannelsFor(db::Conn& c, const std::string& unit_path) {
  std::vector<Channel> out;
  std::string path;
  for (auto& r : c.query(kChannelsFor, db::AncestorParams(unit_path))) {
    if (!out.empty() && r.text(3) != path) break;  // only the nearest unit with channels
    path = r.text(3);
    out.push_back({r.text(0), r.i64(1), JsonMap(r.text(2))});
  }
  return out;
}

void PutChannel(db::Conn& c, int64_t unit_id, const Channel& ch, const std::string& now) {
  c.exec(kPutChannel, {unit_id, ch.name, ch.position, MapJson(ch.config), now});
}

void DeleteChannel(db::Conn& c, int64_t unit_id, const std::string& name) { c.exec(kDeleteChannel, {unit_id, name}); }

std::optional<Template> LatestTemplate(db::Conn& c, const std::string& event, const std::string& channel) {
  auto r = c.query_one(kLatestTemplate, {event, channel});
  if (!r) return std::nullopt;
  return Template{r->text(0), r->text(1), r->i64(2), r->text(3), r->text(4), ""};
}

std::vector<Template> TemplateVersions(db::Conn& c, const std::string& event, const std::string& channel,
                                       int64_t limit) {
  std::vector<Template> out;
  for (auto& r : c.query(kTemplateVersions, {event, channel, limit}))
    out.push_back({r.text(0), r.text(1), r.i64(2), r.text(3), r.text(4), r.text(5)});
  return out;
}

int64_t InsertTemplate(db::Conn& c, const Template& t, int64_t by, const std::string& now) {
  auto r = c.query_one(kInsertTemplate, {t.event, t.channel, t.event, t.channel, t.subject, t.body, by, now});
  return r ? r->i64(0) : 0;
}

}  // namespace fg::notify::repo

namespace fg::notify::repo {
namespace {
const db::Query kUnitById{"notify_unit_by_id", "SELECT id, code, name, path FROM units WHERE id = ?"};
const db::Query kUnitByCode{"notify_unit_by_code", "SELECT id, code, name, path FROM units WHERE code = ?"};
}  // namespace
std::optional<UnitInfo> UnitById(db::Conn& c, int64_t id) {
  auto r = c.query_one(kUnitById, {id});
  if (!r) return std::nullopt;
  return UnitInfo{r->i64(0), r->text(1), r->text(2), r->text(3)};
}
std::optional<UnitInfo> UnitByCode(db::Conn& c, const std::string& code) {
  auto r = c.query_one(kUnitByCode, {code});
  if (!r) return std::nullopt;
  return UnitInfo{r->i64(0), r->text(1), r->text(2), r->text(3)};
}
}  // namespace fg::notify::repo
