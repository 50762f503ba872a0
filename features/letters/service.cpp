#include "features/letters/service.h"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include "features/desk/forms.h"
#include "features/desk/lookup.h"
#include "features/desk/repo.h"
#include "features/desk/rules.h"
#include "features/letters/json.h"
#include "features/letters/letter_pdf.h"
#include "features/letters/repo.h"
#include "features/letters/rules.h"
#include "features/org/csv.h"
#include "features/org/repo.h"
#include "platform/async/pool.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/render/pdf.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::letters {
namespace {

using auth::Principal;
using auth::Role;
using render::Text;

constexpr size_t kMaxCsvRows = 1000;
constexpr size_t kMaxBatch = 2000;

struct UnitRef {
  int64_t id = 0;
  std::string code, name, path;
};

UnitRef UnitOf(db::Conn& c, const std::string& code) {
  auto u = org::repo::UnitByCode(c, code);
  if (!u) throw BadInput("letters.unit_not_found", "unit_code");
  return {u->id, u->code, u->name, u->path};
}

// The unit asked for, else the caller's first grant's unit.
std::string UnitCodeOr(const Principal& p, const std::string& code) {
  if (!code.empty()) return code;
  if (p.grants.empty()) throw Forbidden();
  return p.grants.front().unit_code;
}

bool Officials(const Principal& p, const std::string& path) {
  return auth::Covers(p, path, {Role::kAdmin, Role::kLeader, Role::kDesk, Role::kSpecialist});
}
bool Signers(const Principal& p, const std::string& path) {
  return auth::Covers(p, path, {Role::kAdmin, Role::kLeader});
}

Template DefaultTemplate(const std::string& type) {
  Template t;
  t.type = type;
  const std::string k = "letters.default." + type;
  t.title = Text(k + ".title");
  t.front = Text(k + ".front");
  t.back = render::HasText(k + ".back") ? Text(k + ".back") : "";
  t.paper = "A5";
  t.border = IsCongratulation(type);
  return t;
}

Template TemplateFor(db::Conn& c, const std::string& path, const std::string& type) {
  if (auto t = repo::NearestTemplate(c, path, type)) return *t;
  return DefaultTemplate(type);
}

Settings SettingsFor(db::Conn& c, const UnitRef& u) {
  Settings s;
  if (auto found = repo::NearestSettings(c, u.path)) s = *found;
  s.unit_code = u.code;
  if (s.place.empty()) s.place = u.name;
  if (s.signer_title.empty()) s.signer_title = Text("letters.default_signer_title");
  return s;
}

std::string Today() { return TodayLocalIso(); }

// The local year and month of a UTC instant text.
int64_t YearOf(const std::string& utc) {
  return static_cast<int>(std::chrono::year_month_day{ToLocal(*ParseUtc(utc)).date}.year());
}
std::string MonthAt(const std::string& utc) { return MonthOf(FormatIsoDate(ToLocal(*ParseUtc(utc)).date)); }

// Fills the letter's texts from its template (l.type, l.unit_*, recipient and signer set).
void Fill(Letter& l, const Template& t, const std::string& unit_name, const std::string& place) {
  const auto values = ValuesOf(l, unit_name, place, Today());
  l.template_version = t.version;
  l.title = Substitute(t.title, values);
  l.front = Substitute(t.front, values);
  l.back = Substitute(t.back, values);
  l.paper = t.paper;
  l.border = t.border;
}

std::string Serialize(const Letter& l) { return boost::json::serialize(ToJson(l, true)); }

// The checked letter of an input (all problems at once).
Letter Checked(const LetterInput& in, const Settings& s) {
  Letter l;
  Problems p;
  l.type = p.check([&] {
    if (!IsType(in.type)) throw BadInput("letters.bad_type", "type");
    return in.type;
  });
  l.recipient_name = p.check([&] { return text::Clean("recipient_name", in.recipient_name, 200, true); });
  l.recipient_address = p.check([&] { return text::Clean("recipient_address", in.recipient_address, 300, false); });
  l.recipient_phone = p.check([&] { return text::Phone("recipient_phone", in.recipient_phone); });
  l.occasion = p.check([&] { return text::Clean("occasion", in.occasion, 300, false); });
  l.event_date = p.check([&] {
    if (in.event_date.empty()) return std::string();
    if (!ParseIsoDate(in.event_date)) throw BadInput("letters.bad_date", "event_date");
    return in.event_date;
  });
  l.dossier_code = p.check([&] { return text::Clean("dossier_code", in.dossier_code, 80, false); });
  l.channel = p.check([&] {
    std::string ch = in.channel.empty() ? "hand" : in.channel;
    if (!IsChannel(ch)) throw BadInput("letters.bad_channel", "channel");
    return ch;
  });
  l.signer_title = p.check([&] { return text::Clean("signer_title", in.signer_title, 120, false, true); });
  l.signer_name = p.check([&] { return text::Clean("signer_name", in.signer_name, 120, false); });
  p.raise_if_any();
  if (l.signer_title.empty()) l.signer_title = s.signer_title;
  if (l.signer_name.empty()) l.signer_name = s.signer_name;
  return l;
}

// ID number and phone stay readable for officials of the entry's own unit only.
void MaskOutside(const Principal& p, DoNotSend& d) {
  for (const auto& g : p.grants)
    if (g.unit_code == d.unit_code) return;
  d.masked = true;
  if (!d.id_number.empty()) d.id_number = desk::MaskPhone(d.id_number);
  if (!d.phone.empty()) d.phone = desk::MaskPhone(d.phone);
}

Printed PrintedOf(const Letter& l, const std::string& place) {
  Printed p;
  p.letter = &l;
  p.committee = Text("letters.committee", {{"unit", desk::forms::Upper(l.unit_name)}});
  if (l.number)
    p.number = Text("letters.number_line", {{"number", std::to_string(*l.number)}, {"year", std::to_string(*l.year)}});
  std::string day = l.issued_at.empty() ? Today() : FormatIsoDate(ToLocal(*ParseUtc(l.issued_at)).date);
  p.date_line = render::pdf::DateLine(place, *ParseIsoDate(day));
  return p;
}

}  // namespace

Service::Service(db::Db& db) : db_(db), pool_(std::make_unique<async::BlockingPool>(1, 256)) {}

Service::~Service() { Stop(); }

void Service::Stop() { loop_.Stop(); }

// ---- templates and settings ----

Template Service::GetTemplate(const Principal& p, const std::string& unit_code, const std::string& type) {
  if (!IsType(type)) throw NotFound("letters.type_not_found");
  return db_.read([&](db::Conn& c) {
    const UnitRef u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!auth::Covers(p, u.path)) throw Forbidden();
    return TemplateFor(c, u.path, type);
  });
}

std::vector<Template> Service::TemplateVersions(const Principal& p, const std::string& unit_code,
                                                const std::string& type) {
  if (!IsType(type)) throw NotFound("letters.type_not_found");
  return db_.read([&](db::Conn& c) {
    const UnitRef u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!auth::Covers(p, u.path)) throw Forbidden();
    return repo::TemplateVersions(c, u.id, type);
  });
}

Template Service::SaveTemplate(const Principal& p, const std::string& unit_code, const std::string& type,
                               const TemplateInput& in) {
  if (!IsType(type)) throw NotFound("letters.type_not_found");
  const std::string now = NowUtcText();
  return db_.write([&](db::Conn& c) {
    const UnitRef u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!Signers(p, u.path)) throw Forbidden();
    Template t = CheckTemplate(in, TemplateFor(c, u.path, type));
    t.type = type;
    t.unit_code = u.code;
    t.created_at = now;
    t.version = repo::InsertTemplate(c, u.id, t, p.official_id, now);
    events::Append(c, events::By(p, u.id, "letter_template", u.code + "/" + type, "update", "",
                                 boost::json::serialize(ToJson(t))));
    return t;
  });
}

Template Service::RestoreTemplate(const Principal& p, const std::string& unit_code, const std::string& type,
                                  int64_t version) {
  if (!IsType(type)) throw NotFound("letters.type_not_found");
  const std::string now = NowUtcText();
  return db_.write([&](db::Conn& c) {
    const UnitRef u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!Signers(p, u.path)) throw Forbidden();
    auto old = repo::TemplateVersion(c, u.id, type, version);
    if (!old) throw NotFound("letters.version_not_found");
    Template t = *old;
    t.created_at = now;
    t.version = repo::InsertTemplate(c, u.id, t, p.official_id, now);
    boost::json::object after = ToJson(t).as_object();
    after["restored_from"] = version;
    events::Append(
        c, events::By(p, u.id, "letter_template", u.code + "/" + type, "restore", "", boost::json::serialize(after)));
    return t;
  });
}

Letter Service::Preview(const Principal& p, const std::string& unit_code, const std::string& type,
                        const TemplateInput& in) {
  if (!IsType(type)) throw NotFound("letters.type_not_found");
  return db_.read([&](db::Conn& c) {
    const UnitRef u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!auth::Covers(p, u.path)) throw Forbidden();
    Template t = CheckTemplate(in, TemplateFor(c, u.path, type));
    const Settings s = SettingsFor(c, u);
    Letter l;
    l.type = type;
    l.unit_code = u.code;
    l.unit_name = u.name;
    l.recipient_name = Text("letters.sample.recipient_name");
    l.recipient_address = Text("letters.sample.recipient_address");
    l.occasion = Text("letters.sample.occasion");
    l.event_date = Today();
    l.signer_title = s.signer_title;
    l.signer_name = s.signer_name.empty() ? Text("letters.sample.signer_name") : s.signer_name;
    Fill(l, t, u.name, s.place);
    return l;
  });
}

Settings Service::GetSettings(const Principal& p, const std::string& unit_code) {
  return db_.read([&](db::Conn& c) {
    const UnitRef u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!auth::Covers(p, u.path)) throw Forbidden();
    return SettingsFor(c, u);
  });
}

bool Service::MaySaveSettings(const Principal& p, const std::string& unit_code) {
  return db_.read([&](db::Conn& c) { return Signers(p, UnitOf(c, UnitCodeOr(p, unit_code)).path); });
}

Settings Service::PutSettings(const Principal& p, const std::string& unit_code, const Settings& in) {
  Settings s;
  Problems pr;
  s.place = pr.check([&] { return text::Clean("place", in.place, 120, true); });
  s.signer_title = pr.check([&] { return text::Clean("signer_title", in.signer_title, 120, true, true); });
  s.signer_name = pr.check([&] { return text::Clean("signer_name", in.signer_name, 120, false); });
  pr.raise_if_any();
  const std::string now = NowUtcText();
  return db_.write([&](db::Conn& c) {
    const UnitRef u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!Signers(p, u.path)) throw Forbidden();
    Settings out = s;
    out.unit_code = u.code;
    repo::PutSettings(c, u.id, out, now);
    events::Append(c,
                   events::By(p, u.id, "letter_settings", u.code, "update", "", boost::json::serialize(ToJson(out))));
    return out;
  });
}

// ---- letters ----

Letter Service::Create(const Principal& p, const LetterInput& in) {
  const std::string now = NowUtcText();
  return db_.write([&](db::Conn& c) {
    const UnitRef u = UnitOf(c, UnitCodeOr(p, in.unit_code));
    if (!Officials(p, u.path)) throw Forbidden();
    const Settings s = SettingsFor(c, u);
    Letter l = Checked(in, s);
    l.unit_id = u.id;
    l.unit_code = u.code;
    l.unit_name = u.name;
    l.source = "manual";
    Fill(l, TemplateFor(c, u.path, l.type), u.name, s.place);
    l.id = *repo::InsertLetter(c, l, p.official_id, now);
    Letter saved = *repo::LetterById(c, l.id);
    events::Append(c, events::By(p, u.id, "letter", std::to_string(l.id), "create", "", Serialize(saved)));
    return saved;
  });
}

std::vector<Letter> Service::CreateFromCsv(const Principal& p, const std::string& unit_code, std::string_view csv) {
  if (csv.size() > 1024 * 1024) throw BadInput("letters.csv_too_large", "file");
  std::vector<std::vector<std::string>> rows;
  try {
    rows = org::ParseCsv(csv);
  } catch (const AppError& e) {
    throw BadInput("letters.csv_malformed", "file");
  }
  std::erase_if(rows, [](const auto& r) { return r.size() == 1 && text::Trim(r[0]).empty(); });
  if (rows.size() < 2) throw BadInput("letters.csv_empty", "file");
  if (rows.size() - 1 > kMaxCsvRows)
    throw BadInput("letters.csv_too_many", "file", {{"max", std::to_string(kMaxCsvRows)}});
  const std::vector<std::string> header{"type",     "recipient_name", "recipient_address", "recipient_phone",
                                        "occasion", "event_date"};
  auto& h = rows.front();
  for (auto& cell : h) cell = text::Trim(cell);
  if (h.size() < header.size() || !std::equal(header.begin(), header.end(), h.begin()))
    throw BadInput("letters.csv_header", "file");
  const bool has_channel = h.size() > header.size() && h[header.size()] == "channel";
  const std::string now = NowUtcText();
  return db_.write([&](db::Conn& c) {
    const UnitRef u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!Officials(p, u.path)) throw Forbidden();
    const Settings s = SettingsFor(c, u);
    std::vector<Letter> out;
    for (size_t i = 1; i < rows.size(); ++i) {
      const auto& r = rows[i];
      auto at = [&](size_t k) { return k < r.size() ? text::Trim(r[k]) : std::string(); };
      LetterInput in{
          u.code, at(0), at(1), at(2), at(3), at(4), IsoFromDayMonthYear(at(5)), "", has_channel ? at(6) : "", "", ""};
      Letter l;
      try {
        l = Checked(in, s);
      } catch (const AppError& e) {
        if (e.kind() != ErrorKind::kBadRequest) throw;
        const auto probs = e.problems();
        const std::string reason =
            probs.empty() ? Text(e.key(), e.args()) : Text(probs.front().key, probs.front().args);
        throw BadInput("letters.csv_row", "file", {{"line", std::to_string(i + 1)}, {"reason", reason}});
      }
      l.unit_id = u.id;
      l.unit_code = u.code;
      l.unit_name = u.name;
      l.source = "csv";
      Fill(l, TemplateFor(c, u.path, l.type), u.name, s.place);
      l.id = *repo::InsertLetter(c, l, p.official_id, now);
      out.push_back(*repo::LetterById(c, l.id));
    }
    events::Append(c, events::By(p, u.id, "letter", u.code, "import", "",
                                 boost::json::serialize(boost::json::object{{"count", out.size()}})));
    return out;
  });
}

Letter Service::Get(const Principal& p, int64_t id) {
  auto l = db_.read([&](db::Conn& c) { return repo::LetterById(c, id); });
  if (!l) throw NotFound("letters.not_found");
  if (!Officials(p, l->unit_path)) throw Forbidden();
  return std::move(*l);
}

LetterPage Service::List(const Principal& p, const LetterQuery& in) {
  LetterQuery q = in;
  if (q.limit <= 0 || q.limit > 500) throw BadInput("letters.bad_limit", "limit");
  if (!q.type.empty() && !IsType(q.type)) throw BadInput("letters.bad_type", "type");
  if (!q.state.empty() && !ParseState(q.state)) throw BadInput("letters.bad_state", "state");
  if (!q.from.empty() && !ParseIsoDate(q.from)) throw BadInput("letters.bad_date", "from");
  if (!q.to.empty() && !ParseIsoDate(q.to)) throw BadInput("letters.bad_date", "to");
  TriggersBeforeReading();
  // Local days to UTC instants: made from the start of `from` to before the day after `to`.
  if (!q.from.empty()) q.from = FormatUtc(FromLocal(*ParseIsoDate(q.from), 0));
  if (!q.to.empty()) q.to = FormatUtc(FromLocal(*ParseIsoDate(q.to) + std::chrono::days{1}, 0));
  const int64_t want = q.limit;
  q.limit = want + 1;
  LetterPage page;
  page.items = db_.read([&](db::Conn& c) {
    const UnitRef u = UnitOf(c, UnitCodeOr(p, q.unit_code));
    if (!Officials(p, u.path)) throw Forbidden();
    return repo::ListLetters(c, u.path, q);
  });
  if (static_cast<int64_t>(page.items.size()) > want) {
    page.items.resize(static_cast<size_t>(want));
    page.next_cursor = page.items.back().id;
  }
  return page;
}

Letter Service::Act(const Principal& p, int64_t id, const std::string& action, const std::string& channel) {
  if (action != "issue" && action != "printed" && action != "delivered" && action != "cancel")
    throw NotFound("letters.bad_action");
  if (!channel.empty() && !IsChannel(channel)) throw BadInput("letters.bad_channel", "channel");
  const std::string now = NowUtcText();
  return db_.write([&](db::Conn& c) {
    auto found = repo::LetterById(c, id);
    if (!found) throw NotFound("letters.not_found");
    Letter l = *found;
    const bool sign = action == "issue" || action == "cancel";
    if (!(sign ? Signers(p, l.unit_path) : Officials(p, l.unit_path))) throw Forbidden();
    if (action == "issue") {
      if (l.state != State::kDraft) throw AppError(ErrorKind::kConflict, "letters.not_draft");
      l.state = State::kIssued;
      l.issued_at = now;
      l.year = YearOf(now);
      l.number = repo::NextNumber(c, l.unit_id, *l.year);
      repo::AddCount(c, l.unit_id, MonthAt(now), l.type, 1);
    } else if (action == "cancel") {
      if (l.state == State::kCancelled) throw AppError(ErrorKind::kConflict, "letters.cancelled");
      if (l.state == State::kIssued) repo::AddCount(c, l.unit_id, MonthAt(l.issued_at), l.type, -1);
      l.state = State::kCancelled;
    } else {
      if (l.state != State::kIssued) throw AppError(ErrorKind::kConflict, "letters.not_issued");
      if (action == "printed") l.printed_at = now;
      if (action == "delivered") {
        l.delivered_at = now;
        if (!channel.empty()) l.channel = channel;
      }
    }
    l.updated_at = now;
    repo::UpdateState(c, l);
    Letter saved = *repo::LetterById(c, id);
    events::Append(c,
                   events::By(p, l.unit_id, "letter", std::to_string(id), action, Serialize(*found), Serialize(saved)));
    return saved;
  });
}

Letter Service::EditDraft(const Principal& p, int64_t id, const LetterEdit& in) {
  Problems pr;
  // Line ends as "\n" (a browser's textarea sends "\r\n").
  auto lines = [](std::string s) {
    std::erase(s, '\r');
    return s;
  };
  const std::string title = pr.check([&] { return text::Clean("title", in.title, 120, true); });
  const std::string front = pr.check([&] { return lines(text::Clean("front", in.front, 6000, true, true)); });
  const std::string back = pr.check([&] { return lines(text::Clean("back", in.back, 6000, false, true)); });
  pr.raise_if_any();
  const std::string now = NowUtcText();
  return db_.write([&](db::Conn& c) {
    auto found = repo::LetterById(c, id);
    if (!found) throw NotFound("letters.not_found");
    if (!Officials(p, found->unit_path)) throw Forbidden();
    if (found->state != State::kDraft) throw AppError(ErrorKind::kConflict, "letters.not_draft_edit");
    if (in.revision != found->revision || !repo::UpdateDraftText(c, id, in.revision, title, front, back, now))
      throw AppError(ErrorKind::kConflict, "letters.stale");
    Letter saved = *repo::LetterById(c, id);
    events::Append(
        c, events::By(p, saved.unit_id, "letter", std::to_string(id), "edit", Serialize(*found), Serialize(saved)));
    return saved;
  });
}

std::string Service::Pdf(const Principal& p, int64_t id) {
  const Letter l = Get(p, id);
  const Settings s = db_.read([&](db::Conn& c) { return SettingsFor(c, UnitOf(c, l.unit_code)); });
  return LettersPdf({PrintedOf(l, s.place)});
}

std::string Service::BatchPdf(const Principal& p, const std::vector<int64_t>& ids) {
  if (ids.empty()) throw BadInput("letters.batch_empty", "ids");
  if (ids.size() > kMaxBatch) throw BadInput("letters.batch_too_large", "ids", {{"max", std::to_string(kMaxBatch)}});
  std::vector<Letter> letters;
  std::map<std::string, std::string> places;
  db_.read([&](db::Conn& c) {
    letters = repo::LettersByIds(c, ids);
    for (const auto& l : letters)
      if (!places.count(l.unit_code)) places[l.unit_code] = SettingsFor(c, UnitOf(c, l.unit_code)).place;
  });
  if (letters.size() != ids.size()) throw NotFound("letters.not_found");
  for (const auto& l : letters) {
    if (!Officials(p, l.unit_path)) throw Forbidden();
    if (l.paper != letters.front().paper) throw BadInput("letters.mixed_paper", "ids");
  }
  std::vector<Printed> printed;
  printed.reserve(letters.size());
  for (const auto& l : letters) printed.push_back(PrintedOf(l, places[l.unit_code]));
  std::string out = LettersPdf(printed);
  // Issued letters are marked printed (drafts print as proofs).
  const std::string now = NowUtcText();
  db_.write([&](db::Conn& c) {
    // Only the printed date, and only where the letter is still issued and
    // unprinted: a cancel or delivery since the read above stays as it is.
    for (const auto& l : letters)
      if (l.state == State::kIssued && l.printed_at.empty()) repo::MarkPrinted(c, l.id, now);
    events::Append(c, events::By(p, letters.front().unit_id, "letter", "batch", "printed", "",
                                 boost::json::serialize(boost::json::object{{"count", letters.size()}})));
  });
  return out;
}

// ---- counts ----

Counts Service::CountsOf(const Principal& p, const std::string& unit_code, const std::string& from_month,
                         const std::string& to_month) {
  Counts out;
  const std::string today = Today();
  out.to = to_month.empty() ? MonthOf(today) : to_month;
  out.from = from_month.empty() ? today.substr(0, 4) + "-01" : from_month;
  auto month_ok = [](const std::string& m) { return m.size() == 7 && ParseIsoDate(m + "-01").has_value(); };
  Problems pr;
  pr.check([&] {
    if (!month_ok(out.from)) throw BadInput("letters.bad_month", "from");
  });
  pr.check([&] {
    if (!month_ok(out.to)) throw BadInput("letters.bad_month", "to");
  });
  pr.raise_if_any();
  if (out.from > out.to) throw BadInput("letters.bad_period", "to");
  TriggersBeforeReading();
  auto rows = db_.read([&](db::Conn& c) {
    const UnitRef u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!auth::Covers(p, u.path)) throw Forbidden();
    out.unit_code = u.code;
    out.unit_name = u.name;
    return repo::CountsUnder(c, u.path, out.from, out.to);
  });
  std::map<std::string, int64_t> by_type, by_month;
  for (const auto& r : rows) {
    by_type[r.type] += r.n;
    by_month[r.month] += r.n;
    out.total += r.n;
  }
  for (const auto& t : Types()) out.by_type.push_back({t, by_type[t]});
  for (auto& [m, n] : by_month) out.by_month.emplace_back(m, n);
  return out;
}

// ---- do not send ----

std::vector<DoNotSend> Service::DoNotSendList(const Principal& p, const std::string& unit_code) {
  return db_.read([&](db::Conn& c) {
    const UnitRef u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!auth::Covers(p, u.path, {Role::kAdmin, Role::kLeader, Role::kDesk})) throw Forbidden();
    auto out = repo::DoNotSendUnder(c, u.path);
    for (auto& d : out) MaskOutside(p, d);
    return out;
  });
}

DoNotSend Service::GetDoNotSend(const Principal& p, int64_t id) {
  return db_.read([&](db::Conn& c) {
    std::string path;
    auto d = repo::DoNotSendById(c, id, &path);
    if (!d) throw NotFound("letters.do_not_send_not_found");
    if (!auth::Covers(p, path, {Role::kAdmin, Role::kLeader, Role::kDesk})) throw Forbidden();
    MaskOutside(p, *d);
    return std::move(*d);
  });
}

DoNotSend Service::AddDoNotSend(const Principal& p, const DoNotSend& in) {
  DoNotSend d;
  Problems pr;
  d.name = pr.check([&] { return text::Clean("name", in.name, 200, true); });
  d.id_number = pr.check([&] {
    std::string v = text::Clean("id_number", in.id_number, 20, false);
    if (!std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
      throw BadInput("letters.bad_id_number", "id_number");
    return v;
  });
  // Kept as its digits (0912345678), as the trigger compares them with the applicant's.
  d.phone = pr.check([&] { return desk::PhoneDigits(text::Phone("phone", in.phone)); });
  d.note = pr.check([&] { return text::Clean("note", in.note, 300, false); });
  pr.raise_if_any();
  const std::string now = NowUtcText();
  return db_.write([&](db::Conn& c) {
    const UnitRef u = UnitOf(c, UnitCodeOr(p, in.unit_code));
    if (!auth::Covers(p, u.path, {Role::kAdmin, Role::kLeader, Role::kDesk})) throw Forbidden();
    DoNotSend out = d;
    out.unit_code = u.code;
    out.created_at = now;
    out.id = repo::InsertDoNotSend(c, u.id, out, text::Fold(out.name), p.official_id, now);
    events::Append(c, events::By(p, u.id, "letter_do_not_send", std::to_string(out.id), "create", "", "{}"));
    return out;
  });
}

void Service::RemoveDoNotSend(const Principal& p, int64_t id) {
  db_.write([&](db::Conn& c) {
    std::string path;
    auto d = repo::DoNotSendById(c, id, &path);
    if (!d) throw NotFound("letters.do_not_send_not_found");
    if (!auth::Covers(p, path, {Role::kAdmin, Role::kLeader, Role::kDesk})) throw Forbidden();
    repo::DeleteDoNotSend(c, id);
    auto u = UnitOf(c, d->unit_code);
    events::Append(c, events::By(p, u.id, "letter_do_not_send", std::to_string(id), "delete", "{}", ""));
  });
}

// ---- which procedure triggers which letter ----

std::vector<ProcedureRule> Service::ProcedureRules(const Principal& p, const std::string& unit_code) {
  return db_.read([&](db::Conn& c) {
    const UnitRef u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!auth::Covers(p, u.path)) throw Forbidden();
    return repo::ProcedureRules(c, u.path);
  });
}

ProcedureRule Service::PutProcedureRule(const Principal& p, const std::string& unit_code, const std::string& code,
                                        const std::string& type) {
  Problems pr;
  const std::string clean = pr.check([&] {
    std::string v = text::Clean("procedure_code", code, 40, true);
    if (!std::all_of(v.begin(), v.end(),
                     [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) || ch == '.'; }))
      throw BadInput("letters.bad_procedure_code", "procedure_code");
    return v;
  });
  const std::string t = pr.check([&] {
    // Apologies come from the desk's form 04, not from a procedure.
    if (type != "none" && (!IsType(type) || type == "apology")) throw BadInput("letters.bad_rule_type", "type");
    return type == "none" ? std::string() : type;
  });
  pr.raise_if_any();
  const std::string now = NowUtcText();
  return db_.write([&](db::Conn& c) {
    const UnitRef u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!Signers(p, u.path)) throw Forbidden();
    repo::PutProcedureRule(c, u.id, clean, t, now);
    events::Append(c, events::By(p, u.id, "letter_procedure_rule", u.code + "/" + clean, "update", "",
                                 boost::json::serialize(boost::json::object{{"procedure_code", clean}, {"type", t}})));
    for (auto& r : repo::ProcedureRules(c, u.path))
      if (r.procedure_code == clean) return r;
    throw std::logic_error("letters: a saved rule is not in force");
  });
}

void Service::RemoveProcedureRule(const Principal& p, const std::string& unit_code, const std::string& code) {
  db_.write([&](db::Conn& c) {
    const UnitRef u = UnitOf(c, UnitCodeOr(p, unit_code));
    if (!Signers(p, u.path)) throw Forbidden();
    if (!repo::DeleteProcedureRule(c, u.id, code)) throw NotFound("letters.rule_not_found");
    events::Append(c, events::By(p, u.id, "letter_procedure_rule", u.code + "/" + code, "delete", "{}", ""));
  });
}

// ---- triggers ----

TriggerRun Service::RunTriggers() {
  // One pass at a time in this process, on the pass's own thread when called
  // from a request (a request's coroutine is suspended meanwhile, and the
  // mutex is taken and released on one thread).
  return pool_->run([this] {
    std::lock_guard lock(trigger_mutex_);
    return Pass();
  });
}

void Service::TriggersBeforeReading() {
  // The register is still worth reading when the pass fails (the background pass retries).
  try {
    RunTriggers();
  } catch (const std::exception& e) {
    spdlog::warn("letters: trigger pass failed: {}", e.what());
  }
}

TriggerRun Service::Pass() {
  TriggerRun run;
  constexpr int64_t kWindow = 2000;  // events per write
  // Most passes find nothing new: a read says so without a write.
  const bool news = db_.read([&](db::Conn& c) {
    const int64_t from = repo::Cursor(c);
    return repo::LastSealed(c, from, kWindow) > from;
  });
  if (!news) return run;
  for (;;) {
    TriggerRun step;  // this write's counts: it may run again when its batch is rolled back
    const bool more = db_.write([&](db::Conn& c) {
      step = {};
      const int64_t from = repo::Cursor(c);
      const int64_t to = repo::LastSealed(c, from, kWindow);
      if (to == from) return false;
      for (const auto& e : repo::DeskEventsAfter(c, from, to - from)) {
        ++step.events;
        auto d = desk::repo::DossierByCode(c, e.code);
        if (!d) continue;
        std::string type;
        if (e.action == "apology") {
          type = "apology";
        } else {
          auto t = repo::ProcedureType(c, d->unit_path, d->procedure_code);
          if (!t) continue;
          type = *t;
        }
        if (repo::DoNotSendMatches(c, d->unit_path, text::Fold(d->applicant.name), d->applicant.id_number,
                                   desk::PhoneDigits(d->applicant.phone))) {
          ++step.skipped;
          continue;
        }
        auto u = org::repo::UnitById(c, d->unit_id);
        if (!u) continue;
        const UnitRef unit{u->id, u->code, u->name, u->path};
        const Settings s = SettingsFor(c, unit);
        Letter l;
        l.unit_id = unit.id;
        l.unit_code = unit.code;
        l.unit_name = unit.name;
        l.type = type;
        l.recipient_name = d->applicant.name;
        l.recipient_address = d->applicant.address;
        l.recipient_phone = d->applicant.phone;
        l.occasion = d->procedure_name;
        if (type == "apology")
          if (auto a = desk::repo::ApologyOf(c, d->id)) l.occasion = a->reason;
        l.event_date = FormatIsoDate(ToLocal(*ParseUtc(d->received_at)).date);
        l.dossier_code = d->code;
        l.signer_title = s.signer_title;
        l.signer_name = s.signer_name;
        l.channel = "hand";
        l.source = "trigger";
        l.trigger_seq = e.seq;
        Fill(l, TemplateFor(c, unit.path, type), unit.name, s.place);
        const std::string now = NowUtcText();
        auto id = repo::InsertLetter(c, l, 0, now);
        if (!id) {
          ++step.skipped;
          continue;
        }
        ++step.drafts;
        auto saved = *repo::LetterById(c, *id);
        if (type == "apology") {
          // Form 04 was given at the desk: the apology is registered as issued, numbered and counted.
          saved.state = State::kIssued;
          saved.issued_at = now;
          saved.year = YearOf(now);
          saved.number = repo::NextNumber(c, saved.unit_id, *saved.year);
          saved.updated_at = now;
          repo::UpdateState(c, saved);
          repo::AddCount(c, saved.unit_id, MonthAt(now), type, 1);
        }
        events::Event ev;
        ev.actor = "system";
        ev.unit_id = unit.id;
        ev.entity = "letter";
        ev.entity_id = std::to_string(*id);
        ev.action = "trigger";
        ev.after_json = Serialize(*repo::LetterById(c, *id));
        events::Append(c, ev);
      }
      repo::SetCursor(c, to);
      return true;
    });
    run.events += step.events;
    run.drafts += step.drafts;
    run.skipped += step.skipped;
    if (!more) break;
  }
  return run;
}

void Service::Start(std::chrono::milliseconds every) {
  loop_.Start("letters: trigger pass failed", every, [this] { RunTriggers(); });
}

}  // namespace fg::letters
