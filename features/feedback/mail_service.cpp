// E-mail intake: the units' feedback mailboxes, read over IMAP (imap.h), each
// message once (its Message-ID in feedback_intake, written with the item).
#include <spdlog/spdlog.h>

#include <algorithm>

#include <boost/json.hpp>

#include "features/feedback/imap.h"
#include "features/feedback/mail.h"
#include "features/feedback/service.h"
#include "features/feedback/webhook.h"
#include "features/org/repo.h"
#include "platform/async/pool.h"
#include "platform/auth/crypto.h"
#include "platform/db/events.h"
#include "platform/errors.h"
#include "platform/render/messages.h"
#include "platform/text/text.h"
#include "platform/time.h"

namespace fg::feedback {
namespace {

using auth::Role;

std::string ErrorKey(imap::Error::Kind k) {
  switch (k) {
    case imap::Error::Kind::kLogin: return "feedback.mail.error.login";
    case imap::Error::Kind::kConnect: return "feedback.mail.error.connect";
    case imap::Error::Kind::kTls: return "feedback.mail.error.tls";
    case imap::Error::Kind::kOther: break;
  }
  return "feedback.mail.error.other";
}

// The readings of "read now" run here, off the io threads: one at a time, a few waiting.
async::BlockingPool& ReadingPool() {
  static async::BlockingPool pool(1, 4);
  return pool;
}

}  // namespace

void Service::PutMailbox(const auth::Principal& p, const std::string& unit_code, const std::string& url,
                         const std::string& username, const std::string& password, bool skip_backlog) {
  const org::Unit unit = AdministeredUnit(p, text::Trim(unit_code));
  const auto kept = db_.read([&](db::Conn& c) { return repo::Mailbox(c, unit.id); });
  Problems problems;
  const std::string address = problems.check([&] { return text::Clean("mail_url", url, 300, true); });
  const auto parsed = imap::ParseAddress(address);
  if (!problems.has("mail_url") && !parsed) problems.add(BadInput("feedback.mail.bad_url", "mail_url"));
  const std::string user = problems.check([&] { return text::Clean("mail_username", username, 200, true); });
  // The kept password goes only to the server and login it was given for: a new
  // server or login needs it typed again (it is never shown, nor sent elsewhere).
  const auto kept_at = kept ? imap::ParseAddress(kept->url) : std::nullopt;
  const bool same_login = kept_at && parsed && imap::SameServer(*kept_at, *parsed) && kept->username == user;
  if (password.empty() && !same_login) {
    problems.add(BadInput("error.required", "mail_password"));
  } else if (const auto chars = text::Length(password); !chars) {  // as typed: never trimmed
    problems.add(BadInput("error.bad_utf8", "mail_password"));
  } else if (*chars > 200) {
    problems.add(BadInput("error.too_long", "mail_password", {{"max", "200"}}));
  }
  problems.raise_if_any();
  const std::string secret = password.empty() ? kept->password : password;
  repo::MailboxRow row;
  row.unit_id = unit.id;
  row.url = address;
  row.username = user;
  row.password = secret;
  row.skip_backlog = skip_backlog;
  db_.write([&](db::Conn& c) {
    repo::PutMailbox(c, row, NowUtcText());
    events::Event e;  // never the password
    e.actor_id = p.official_id;
    e.actor = p.username;
    e.unit_id = unit.id;
    e.entity = "feedback_channel";
    e.entity_id = unit.code + "/email";
    e.action = "set";
    e.after_json = boost::json::serialize(boost::json::object{
        {"channel", "email"}, {"url", address}, {"username", user}, {"skip_backlog", skip_backlog}});
    events::Append(c, e);
  });
}

Service::MailboxStatus Service::Mailbox(const auth::Principal& p, const std::string& unit_code) {
  const org::Unit unit = AdministeredUnit(p, text::Trim(unit_code));
  MailboxStatus s;
  if (auto row = db_.read([&](db::Conn& c) { return repo::Mailbox(c, unit.id); })) {
    s.connected = true;
    s.url = row->url;
    s.username = row->username;
    s.checked_at = row->checked_at;
    s.skip_backlog = row->skip_backlog;
    s.updated_at = row->updated_at;
    s.error = row->error;
    s.taken = row->taken;
    s.failed_uid = row->failed_uid;
    s.failures = row->failures;
  }
  return s;
}

Service::Reading Service::ReadMailbox(const auth::Principal& p, const std::string& unit_code) {
  const org::Unit unit = AdministeredUnit(p, text::Trim(unit_code));
  if (!db_.read([&](db::Conn& c) { return repo::Mailbox(c, unit.id); })) throw NotFound("feedback.mail.not_connected");
  return ReadingPool().run([&] { return Read(unit.id, /*wait=*/false); });
}

int Service::ReadMailboxes() {
  int made = 0;
  for (const auto& box : db_.read([](db::Conn& c) { return repo::Mailboxes(c); })) {
    if (poller_.stopping()) break;
    made += Read(box.unit_id, /*wait=*/true).created;
  }
  return made;
}

void Service::StartMailPolling(std::chrono::seconds every) {
  poller_.Start("feedback mail", every, [this] { ReadMailboxes(); });
}

void Service::StopMailPolling() { poller_.Stop(); }

Service::Reading Service::Read(int64_t unit_id, bool wait) {
  std::unique_lock one(reading_, std::defer_lock);
  if (wait) {
    one.lock();
  } else if (!one.try_lock()) {  // an administrator does not wait for the poller's reading
    throw AppError(ErrorKind::kConflict, "feedback.mail.busy");
  }
  Reading out;
  // The row as it is now: another reading may have moved it on, an administrator changed it.
  const auto row = db_.read([&](db::Conn& c) { return repo::Mailbox(c, unit_id); });
  const auto unit = db_.read([&](db::Conn& c) { return org::repo::UnitById(c, unit_id); });
  if (!row || !unit) return out;
  const repo::MailboxRow& box = *row;
  int64_t validity = box.uidvalidity;
  try {
    const auto address = imap::ParseAddress(box.url);
    if (!address) throw imap::Error(imap::Error::Kind::kOther, "not an IMAP address: " + box.url);
    imap::Session session({*address, box.username, box.password, mail_timeout_, &poller_.stop_flag()});
    validity = session.UidValidity();
    // A new UIDVALIDITY numbers the folder anew: read it all (the Message-IDs keep each message once).
    auto uids = session.UidsAfter(validity == box.uidvalidity ? box.last_uid : 0);
    if (box.skip_backlog) {  // "from now": only where the folder ends
      const int64_t last =
          uids.empty() ? (validity == box.uidvalidity ? box.last_uid : 0) : *std::max_element(uids.begin(), uids.end());
      db_.write([&](db::Conn& c) { repo::MailboxSkipped(c, box, validity, last); });
      out.skipped = static_cast<int>(uids.size());
      uids.clear();
    }
    if (uids.size() > kMailPerReading) uids.resize(kMailPerReading);
    const auto parse = [](const std::string& raw) {
      auto m = mail::Parse(raw);
      return m ? *m : mail::Mail{};  // not MIME at all: an item saying so, from nobody known
    };
    for (int64_t uid : uids) {
      if (poller_.stopping()) break;
      // Only what the mail server does counts against a message: a failure of
      // the store, or a stop of the server, ends the reading and is not counted.
      mail::Mail m;
      std::string instead;
      try {
        if (auto raw = session.Fetch(uid, mail::kMaxMessage)) {
          m = parse(*raw);
        } else {
          m = parse(session.Header(uid));
          instead =
              render::Text("feedback.mail.too_large", {{"max", std::to_string(mail::kMaxMessage / (1024 * 1024))}});
        }
      } catch (const imap::Error& e) {
        const bool last_try = box.failed_uid == uid && box.uidvalidity == validity && box.failures + 1 >= kMailAttempts;
        if (poller_.stopping()) throw;
        if (!last_try) {
          db_.write([&](db::Conn& c) { repo::MailboxFailed(c, box, validity, uid); });
          throw;
        }
        spdlog::warn("feedback mail of unit {}: message {} taken unread after {} attempts: {}", unit->code, uid,
                     kMailAttempts, e.what());
        try {
          m = parse(session.Header(uid));
        } catch (const imap::Error&) {  // not even its header: an item from nobody known
          m = {};
        }
        instead = render::Text("feedback.mail.unfetchable",
                               {{"n", std::to_string(kMailAttempts)}, {"uid", std::to_string(uid)}});
      }
      ++(TakeMail(box, unit->code, validity, uid, m, instead) ? out.created : out.duplicates);
    }
  } catch (const imap::Error& e) {
    out.error = ErrorKey(e.kind());
    spdlog::warn("feedback mail of unit {}: {}", unit->code, e.what());
  } catch (const std::exception& e) {
    out.error = "feedback.mail.error.other";
    spdlog::warn("feedback mail of unit {}: {}", unit->code, e.what());
  }
  db_.write([&](db::Conn& c) { repo::MailboxChecked(c, box, validity, NowUtcText(), out.error); });
  return out;
}

bool Service::TakeMail(const repo::MailboxRow& box, const std::string& unit_code, int64_t uidvalidity, int64_t uid,
                       const mail::Mail& m, const std::string& instead) {
  // Each message once per unit (the same message sent to two communes is one item at each).
  const std::string key =
      unit_code + "/" +
      (m.message_id.empty() ? "uid:" + std::to_string(uidvalidity) + ":" + std::to_string(uid) : m.message_id);
  const auto skip = [&] {
    db_.write([&](db::Conn& c) { repo::MailboxTook(c, box, uidvalidity, uid, false); });
    return false;
  };
  if (m.automatic) return skip();  // an auto-reply or a bounce: not a citizen's feedback
  if (db_.read([&](db::Conn& c) { return repo::IntakeExists(c, "email", key); })) return skip();

  ItemInput in;
  in.kind = "feedback";
  in.channel = "email";
  in.category = "other";
  in.unit_code = unit_code;
  std::string body = m.text;
  if (!instead.empty())
    body = instead;
  else if (text::Trim(body).empty())
    body = render::Text(m.attachments.empty() ? "feedback.mail.empty" : "feedback.mail.only_files");
  if (m.attachments_left_out > 0)
    body += "\n\n" + render::Text("feedback.mail.left_out", {{"n", std::to_string(m.attachments_left_out)}});
  in.content = text::Cut(text::Trim(body), kMaxContent - 3);
  const std::string subject = text::Trim(m.subject);
  in.title = subject.empty() ? webhook::TitleOf(in.content, 100) : text::Cut(subject, kMaxTitle - 3);
  in.person.name = text::Cut(m.from_name, kMaxName - 3);
  in.person.email = m.from_email;
  // Photos by their content (as the web form's); every other file is kept as an attachment.
  std::vector<Attachment> files;
  for (const auto& a : m.attachments) {
    if (in.photos.size() < kMaxPhotos && !PhotoProblem(a.bytes)) {
      in.photos.push_back({0, "", 0, 0, 0, "", a.bytes});
      continue;
    }
    Attachment f;
    f.n = static_cast<int>(files.size() + 1);
    f.filename = text::Cut(a.filename.empty() ? render::Text("feedback.mail.unnamed_file") : a.filename, 200);
    f.mime = text::Cut(a.mime, 100);
    f.size = static_cast<int64_t>(a.bytes.size());
    f.sha256 = auth::Sha256Hex(a.bytes);
    f.bytes = a.bytes;
    files.push_back(std::move(f));
  }
  ItemInput checked;
  try {
    checked = Checked(in);
  } catch (const AppError&) {
    try {  // a sender's name or address the register would refuse: the message is kept without them
      in.person = {};
      checked = Checked(in);
    } catch (const AppError&) {  // nothing of it fits the register: an item that points to the mailbox
      in.title = render::Text("feedback.mail.unreadable_title");
      in.content = render::Text("feedback.mail.unreadable");
      checked = Checked(in);
    }
  }
  try {
    Create(checked, std::nullopt, "email", {}, [&](db::Conn& c, const Item& i) {
      repo::InsertIntake(c, "email", key, i.id, m.from_email, i.created_at);
      for (const auto& f : files) repo::InsertAttachment(c, i.id, f);
      repo::MailboxTook(c, box, uidvalidity, uid, true);
    });
    return true;
  } catch (const db::ConstraintError&) {
    return skip();  // taken at the same moment by another reader
  }
}

Attachment Service::AttachmentOf(const auth::Principal& p, const std::string& code, int n) {
  auto item = db_.read([&](db::Conn& c) { return repo::ItemByCode(c, NormalCode(code)); });
  if (!item || !MayHandle(p, item->unit_path)) throw NotFound("feedback.attachment.not_found");
  auto file = db_.read([&](db::Conn& c) { return repo::AttachmentOf(c, item->id, n); });
  if (!file) throw NotFound("feedback.attachment.not_found");
  return *file;
}

}  // namespace fg::feedback
