#include "features/desk/forms.h"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>

#include "features/desk/rules.h"
#include "platform/http/message.h"
#include "platform/render/messages.h"
#include "platform/render/pdf.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::desk::forms {
namespace {

using render::Text;
using Args = std::map<std::string, std::string>;

// The forms of Thông tư 03/2025/TT-VPCP apply from 1/7/2025 (with Nghị định
// 118/2025); a form dated earlier prints the title and number of the 2018 set.
constexpr std::chrono::sys_days kSet2025 = std::chrono::year{2025} / 7 / 1;

std::string Two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::chrono::sys_days LocalDay(std::string_view utc_text) {
  return ToLocal(ParseUtc(utc_text).value_or(SysSeconds{})).date;
}

// The last entry of the history with action `a`, if any.
const Entry* Last(const DossierDetail& d, Action a) {
  const Entry* found = nullptr;
  for (const auto& e : d.entries)
    if (e.action == a) found = &e;
  return found;
}

bool Has(const DossierDetail& d, Action a) { return Last(d, a) != nullptr; }

std::string OfficialOf(const FormsSource& s, int64_t id) {
  if (auto it = s.officials.find(id); it != s.officials.end()) return it->second.full_name;
  return id > 0 ? Text("desk.forms.official", {{"id", std::to_string(id)}}) : std::string();
}

Block Field(const std::string& label_key, std::string value) {
  return {Block::Type::kField, Text(label_key), std::move(value), {}};
}
Block Sentence(std::string text) { return {Block::Type::kText, std::move(text), "", {}}; }
Block Note(std::string text) { return {Block::Type::kNote, std::move(text), "", {}}; }

// Free text typed by an official (a reason, what is missing): one sentence per line.
void Lines(std::vector<Block>& out, const std::string& text) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty()) out.push_back(Sentence(line));
    start = end + 1;
  }
}

std::string RequestValue(const Dossier& d) {
  Args a{{"procedure", d.procedure_name}, {"code", d.procedure_code}, {"summary", d.summary}};
  return Text(d.summary.empty() ? "desk.forms.request_value" : "desk.forms.request_value_summary", a);
}

void Applicant(std::vector<Block>& out, const Dossier& d, const std::string& first_label) {
  out.push_back(Field(first_label, d.applicant.name));
  if (first_label == "desk.forms.received_from" && !d.applicant.id_number.empty())
    out.push_back(Field("desk.forms.id_number", d.applicant.id_number));
  out.push_back(Field("desk.forms.address", d.applicant.address));
  out.push_back(Field("desk.forms.phone", d.applicant.phone));
  out.push_back(Field("desk.forms.email", d.applicant.email));
}

std::string LimitText(const FormsSource& s) {
  const Dossier& d = s.detail.dossier;
  if (d.same_day || !s.procedure || s.procedure->limit == Limit::kSameDay) return Text("desk.forms.limit.same_day");
  const std::string n = Two(static_cast<int>(s.procedure->limit_amount));
  return Text(s.procedure->limit == Limit::kHours ? "desk.forms.limit.hours" : "desk.forms.limit.days", {{"n", n}});
}

// The appointment given at receipt: before an apology moved it.
std::string Appointment(const Dossier& d) {
  return d.apologised && !d.original_due_at.empty() ? d.original_due_at : d.due_at;
}

std::string TimelinessText(std::optional<desk::Timeliness> t) {
  return t ? Text("desk.timeliness." + std::string(TimelinessName(*t))) : std::string();
}

std::string Ascii(std::string_view s) {
  std::string out;
  for (char c : s) out += std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ? c : '_';
  return out;
}

}  // namespace

std::optional<Kind> ParseKind(std::string_view number) {
  for (Kind k : kAllKinds)
    if (Number(k) == number) return k;
  return std::nullopt;
}

std::string Number(Kind k) { return Two(static_cast<int>(k)); }

std::string Name(Kind k) { return Text("desk.forms.name." + Number(k)); }

bool Exists(const DossierDetail& d, Kind k) {
  switch (k) {
    case Kind::kReceipt:
    case Kind::kControl: return d.dossier.state != State::kNew && !d.dossier.received_at.empty();
    case Kind::kSupplement: return Has(d, Action::kRequestSupplement);
    case Kind::kRefusal: return Has(d, Action::kRefuse);
    case Kind::kApology: return d.apology.has_value();
    case Kind::kStop: return Has(d, Action::kStop);
  }
  return false;
}

std::string MissingKey(Kind k) { return "desk.forms.missing." + Number(k); }

std::string Instant(std::string_view utc_text) {
  auto t = ParseUtc(utc_text);
  if (!t) return "";
  const LocalTime l = ToLocal(*t);
  return Text(
      "desk.forms.instant",
      {{"hour", Two(l.seconds / 3600)}, {"minute", Two(l.seconds / 60 % 60)}, {"date", FormatDayMonthYear(l.date)}});
}

std::string Upper(std::string_view s) {
  std::string out;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) break;  // not UTF-8: stop (texts are cleaned before they are stored)
    utf8proc_uint8_t buf[4];
    const utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_toupper(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(m));
    p += n;
    left -= n;
  }
  return out;
}

std::string PlaceName(std::string_view unit_name) {
  const std::string prefixes = Text("desk.forms.place_prefixes");
  size_t start = 0;
  while (start < prefixes.size()) {
    size_t end = prefixes.find('|', start);
    if (end == std::string::npos) end = prefixes.size();
    const std::string_view prefix = std::string_view(prefixes).substr(start, end - start);
    if (!prefix.empty() && unit_name.starts_with(prefix)) {
      const std::string_view rest = unit_name.substr(prefix.size());
      const bool number = !rest.empty() && std::all_of(rest.begin(), rest.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      });
      return std::string(number || rest.empty() ? unit_name : rest);
    }
    start = end + 1;
  }
  return std::string(unit_name);
}

std::string LookupUrl(std::string_view public_url, std::string_view code) {
  std::string base(public_url);
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + "/tra-cuu?ma=" + http::UrlEncode(code);
}

Form Build(Kind k, const FormsSource& s, std::string_view public_url) {
  const Dossier& d = s.detail.dossier;
  const std::string nn = Number(k);
  const std::string unit = s.unit_name.empty() ? d.unit_code : s.unit_name;
  const std::string committee = Text("desk.forms.people_committee", {{"unit", Upper(unit)}});
  const std::string committee_text = Text("desk.forms.people_committee_text", {{"unit", unit}});
  const std::string desk_text = Text("desk.forms.desk_text", {{"unit", unit}});

  // The instant the form speaks of (its date line and the set of forms in force).
  std::string dated = d.received_at;
  const Entry* supplement = Last(s.detail, Action::kRequestSupplement);
  const Entry* refusal = Last(s.detail, Action::kRefuse);
  const Entry* stop = Last(s.detail, Action::kStop);
  if (k == Kind::kSupplement && supplement) dated = supplement->at;
  if (k == Kind::kRefusal && refusal) dated = refusal->at;
  if (k == Kind::kApology && s.detail.apology) dated = s.detail.apology->at;
  if (k == Kind::kStop && stop) dated = stop->at;
  const std::chrono::sys_days day = LocalDay(dated);
  const bool set2018 = day < kSet2025;

  Form f;
  f.kind = k;
  f.model = Text((set2018 ? "desk.forms.model_2018." : "desk.forms.model.") + nn);
  const std::string old_name = "desk.forms.name_2018." + nn;
  const std::string name = set2018 && render::HasText(old_name) ? Text(old_name) : Name(k);
  f.title = Upper(name);
  f.page_title = Text("desk.forms.page_title", {{"name", name}, {"code", d.code}});
  f.code_line = Text("desk.forms.code_line", {{"code", d.code}});
  f.date_line = render::pdf::DateLine(PlaceName(unit), day);
  f.file_name = "mau-" + nn + "-" + Ascii(d.code);
  // Forms of the desk carry the desk under its committee; the apology and the
  // notice of stopping are the deciding committee's own letters.
  const bool by_committee = k == Kind::kApology || k == Kind::kStop;
  if (by_committee) {
    f.body = committee;
  } else {
    f.parent_body = committee;
    f.body = Text("desk.forms.desk_body");
  }
  auto signature = [](const char* title, const char* hint, std::string name) {
    return Signature{Text(title), Text(hint), std::move(name)};
  };
  auto& b = f.blocks;

  switch (k) {
    case Kind::kReceipt: {
      Applicant(b, d, "desk.forms.received_from");
      b.push_back(Field("desk.forms.request", RequestValue(d)));
      b.push_back(Sentence(Text("desk.forms.receipt.documents")));
      if (d.documents.empty()) {
        b.push_back(Note(Text("desk.forms.receipt.no_documents")));
      } else {
        Table t;
        t.header = {Text("desk.forms.doc.number"), Text("desk.forms.doc.name"), Text("desk.forms.doc.kind"),
                    Text("desk.forms.doc.count")};
        t.widths = {1.1, 6, 3, 1.8};
        int n = 0;
        for (const auto& doc : d.documents)
          t.rows.push_back(
              {std::to_string(++n), doc.name,
               render::HasText("desk.forms.kind." + doc.kind) ? Text("desk.forms.kind." + doc.kind) : doc.kind,
               Two(static_cast<int>(doc.count))});
        t.caption = Text("desk.forms.receipt.documents_caption");
        b.push_back({Block::Type::kTable, "", "", std::move(t)});
      }
      b.push_back(Field("desk.forms.receipt.sets", Text("desk.forms.receipt.sets_value")));
      b.push_back(Field("desk.forms.receipt.limit", LimitText(s)));
      b.push_back(Field("desk.forms.receipt.received", Instant(d.received_at)));
      b.push_back(Field("desk.forms.receipt.due", Instant(Appointment(d))));
      if (!d.starts_at.empty() && LocalDay(d.starts_at) != LocalDay(d.received_at))
        b.push_back(Note(Text("desk.forms.receipt.starts", {{"start", Instant(d.starts_at)}})));
      const std::string how = "desk.forms.return." + d.return_method;
      b.push_back(Field("desk.forms.receipt.return", d.return_method.empty() || !render::HasText(how)
                                                         ? std::string()
                                                         : Text(how, {{"unit", unit}})));
      f.qr_url = LookupUrl(public_url, d.code);
      f.qr_caption = Text("desk.forms.receipt.qr_caption");
      f.qr_short = Text("desk.forms.receipt.qr_short");
      f.signatures = {signature("desk.forms.sign.applicant", "desk.forms.sign.hint", d.applicant.name),
                      signature("desk.forms.sign.receiver", "desk.forms.sign.hint", OfficialOf(s, d.received_by))};
      break;
    }
    case Kind::kSupplement: {
      Applicant(b, d, "desk.forms.received_from");
      b.push_back(Field("desk.forms.request", RequestValue(d)));
      b.push_back(Field("desk.forms.received_at", Instant(d.received_at)));
      b.push_back(Sentence(Text("desk.forms.supplement.intro")));
      Lines(b, supplement ? supplement->note : std::string());
      if (supplement) b.push_back(Note(Text("desk.forms.supplement.pause", {{"at", Instant(supplement->at)}})));
      const int64_t by = supplement ? supplement->actor_id : 0;
      const auto who = s.officials.find(by);
      const std::string phone = who == s.officials.end() ? std::string() : who->second.phone;
      const std::string contact = OfficialOf(s, by);
      if (!contact.empty())
        b.push_back(
            Sentence(Text(phone.empty() ? "desk.forms.supplement.contact" : "desk.forms.supplement.contact_phone",
                          {{"name", contact}, {"phone", phone}})));
      f.signatures = {signature("desk.forms.sign.guide", "desk.forms.sign.hint", contact)};
      break;
    }
    case Kind::kRefusal: {
      Applicant(b, d, "desk.forms.received_from");
      b.push_back(Field("desk.forms.request", RequestValue(d)));
      b.push_back(Field("desk.forms.received_at", Instant(d.received_at)));
      b.push_back(Sentence(Text("desk.forms.refusal.intro", {{"desk", desk_text}})));
      Lines(b, refusal && !refusal->note.empty() ? refusal->note : d.reason);
      b.push_back(Sentence(Text("desk.forms.refusal.closing")));
      f.signatures = {signature("desk.forms.sign.receiver", "desk.forms.sign.hint",
                                OfficialOf(s, refusal ? refusal->actor_id : 0))};
      break;
    }
    case Kind::kApology: {
      const Apology& a = *s.detail.apology;
      b.push_back(Field("desk.forms.to", Text("desk.forms.sir_madam", {{"name", d.applicant.name}})));
      b.push_back(Field("desk.forms.address", d.applicant.address));
      b.push_back(Field("desk.forms.phone", d.applicant.phone));
      b.push_back(Field("desk.forms.email", d.applicant.email));
      b.push_back(Sentence(Text("desk.forms.apology.received", {{"date", FormatDayMonthYear(LocalDay(d.received_at))},
                                                                {"body", committee_text},
                                                                {"procedure", d.procedure_name},
                                                                {"code", d.code},
                                                                {"due", Instant(a.previous_due_at)}})));
      b.push_back(Sentence(Text("desk.forms.apology.late")));
      b.push_back(Field("desk.forms.reason", a.reason));
      b.push_back(
          Sentence(Text("desk.forms.apology.sorry", {{"body", committee_text}, {"due", Instant(a.new_due_at)}})));
      b.push_back(Sentence(Text("desk.forms.apology.closing")));
      break;
    }
    case Kind::kStop: {
      b.push_back(Field("desk.forms.to", Text("desk.forms.sir_madam", {{"name", d.applicant.name}})));
      b.push_back(Field("desk.forms.address", d.applicant.address));
      b.push_back(Field("desk.forms.phone", d.applicant.phone));
      b.push_back(Field("desk.forms.email", d.applicant.email));
      b.push_back(Sentence(Text("desk.forms.stop.received", {{"date", FormatDayMonthYear(LocalDay(d.received_at))},
                                                             {"body", committee_text},
                                                             {"procedure", d.procedure_name},
                                                             {"code", d.code}})));
      b.push_back(Sentence(Text("desk.forms.stop.notice", {{"body", committee_text}, {"at", Instant(stop->at)}})));
      b.push_back(Field("desk.forms.reason", !stop->note.empty() ? stop->note : d.reason));
      b.push_back(Sentence(Text("desk.forms.stop.contact", {{"desk", desk_text}})));
      break;
    }
    case Kind::kControl: {
      b.push_back(Field("desk.forms.attached_to", d.applicant.name));
      b.push_back(Field("desk.forms.request", RequestValue(d)));
      b.push_back(Field("desk.forms.control.deciding", unit));
      b.push_back(Field("desk.forms.control.coordinating", ""));
      b.push_back(Field("desk.forms.control.due", Instant(d.due_at)));
      Table t;
      t.header = {Text("desk.forms.control.col_handover"), Text("desk.forms.control.col_time"),
                  Text("desk.forms.control.col_result"), Text("desk.forms.control.col_note")};
      t.widths = {4.2, 3, 2.3, 3};
      int n = 0;
      for (const auto& h : s.detail.handovers) {
        ++n;
        const std::string from = h.from_official > 0
                                     ? OfficialOf(s, h.from_official)
                                     : Text("desk.forms.control.applicant", {{"name", d.applicant.name}});
        Args a{{"n", std::to_string(n)}, {"from", from}, {"to", OfficialOf(s, h.to_official)}, {"step", h.step_name}};
        std::string note;
        if (!h.due_at.empty() && h.budget_seconds > 0)
          note = Text("desk.forms.control.step_due", {{"due", Instant(h.due_at)}});
        if (!h.finished_at.empty())
          note += (note.empty() ? "" : "\n") + Text("desk.forms.control.finished", {{"at", Instant(h.finished_at)}});
        const std::string result =
            h.finished_at.empty() ? Text("desk.forms.control.open") : TimelinessText(h.timeliness);
        t.rows.push_back(
            {Text(h.step_name.empty() ? "desk.forms.control.handover" : "desk.forms.control.handover_step", a),
             Instant(h.given_at), result, note});
      }
      // How the dossier ended: the result handed over, or refused, withdrawn, stopped.
      for (const auto& e : s.detail.entries) {
        if (e.action == Action::kReturn) {
          t.rows.push_back(
              {Text("desk.forms.control.return",
                    {{"n", std::to_string(++n)}, {"from", OfficialOf(s, e.actor_id)}, {"to", d.returned_to}}),
               Instant(e.at), TimelinessText(d.timeliness), ""});
        } else if (e.action == Action::kRefuse || e.action == Action::kWithdraw || e.action == Action::kStop) {
          t.rows.push_back(
              {Text("desk.forms.control.closing",
                    {{"n", std::to_string(++n)},
                     {"action", text::UpperFirst(Text("desk.action." + std::string(ActionName(e.action))))}}),
               Instant(e.at), "", e.note});
        }
      }
      t.caption = Text("desk.forms.control.caption");
      b.push_back({Block::Type::kTable, "", "", std::move(t)});
      b.push_back(Field("desk.forms.control.result", d.timeliness
                                                         ? TimelinessText(d.timeliness)
                                                         : Text("desk.state." + std::string(StateName(d.state)))));
      break;
    }
  }
  if (by_committee) {
    f.recipients = {Text("desk.forms.recipients"), Text("desk.forms.recipient.addressee"),
                    Text("desk.forms.recipient.desk"), Text("desk.forms.recipient.archive")};
    f.signatures = {signature("desk.forms.sign.body", "desk.forms.sign.hint_seal", "")};
  }
  return f;
}

std::vector<std::string> Cells(const RegisterRow& r) {
  auto at = [](const std::string& utc) { return utc.empty() ? std::string() : FormatLocal(utc); };
  std::string returned = at(r.returned_at);
  if (!r.returned_to.empty()) returned += "\n" + Text("desk.register.returned_to", {{"name", r.returned_to}});
  return {std::to_string(r.number),
          r.code,
          r.procedure,
          std::to_string(r.sets),
          r.applicant,
          r.contact,
          r.unit,
          at(r.received_at),
          at(r.due_at),
          at(r.transferred_at),
          at(r.resolved_at),
          returned,
          r.note};
}

Register BuildRegister(const TrackingRegister& r, std::chrono::sys_days today) {
  Register out;
  out.parent_body = Text("desk.forms.people_committee", {{"unit", Upper(r.unit_name)}});
  out.body = Text("desk.forms.desk_body");
  out.date_line = render::pdf::DateLine(PlaceName(r.unit_name), today);
  out.title = Text("desk.register.heading");
  out.unit_line = Text("desk.register.unit_line", {{"unit", r.unit_name}, {"code", r.unit_code}});
  out.period_line = Text("desk.register.period_line", {{"from", DisplayDate(r.from)}, {"to", DisplayDate(r.to)}});
  for (const char* c : {"number", "code", "procedure", "sets", "applicant", "contact", "unit", "received", "due",
                        "transferred", "resolved", "returned", "note"})
    out.columns.push_back(Text(std::string("desk.register.col.") + c));
  out.widths = {0.8, 3.4, 2.8, 1, 2, 2.4, 1.9, 1.6, 1.6, 1.6, 1.6, 1.9, 2.1};
  out.file_name = "so-theo-doi-ho-so-" + Ascii(r.unit_code) + "-" + r.from + "-" + r.to;
  out.empty_text = Text("desk.register.empty");
  int64_t n = 0;
  for (const auto& e : r.entries) {
    const Dossier& d = e.dossier;
    RegisterRow row;
    row.number = ++n;
    row.code = d.code;
    row.procedure = d.procedure_name;
    row.applicant = d.applicant.name;
    for (const std::string* part : {&d.applicant.address, &d.applicant.phone})
      if (!part->empty()) row.contact += (row.contact.empty() ? "" : "; ") + *part;
    row.unit = e.unit_name;
    row.received_at = d.received_at;
    row.due_at = d.due_at;
    row.transferred_at = e.transferred_at;
    row.resolved_at = d.completed_at;
    if (d.state == State::kReturned) {
      row.returned_at = d.closed_at;
      row.returned_to = d.returned_to;
    }
    std::vector<std::string> notes{Text("desk.state." + std::string(StateName(d.state)))};
    if (d.timeliness) notes.push_back(TimelinessText(d.timeliness));
    if (d.apologised) notes.push_back(Text("desk.register.note_apologised"));
    if (!d.reason.empty()) notes.push_back(d.reason);
    for (const auto& note : notes) row.note += (row.note.empty() ? "" : "; ") + note;
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace fg::desk::forms
