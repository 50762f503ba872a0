#include "features/registry.h"

#include <fstream>
#include <sstream>

#include "features/accounts/routes.h"
#include "features/calendar/routes.h"
#include "features/dashboard/routes.h"
#include "features/desk/routes.h"
#include "features/feedback/routes.h"
#include "features/letters/routes.h"
#include "features/notify/pages.h"
#include "features/org/routes.h"
#include "features/public/routes.h"
#include "features/ratings/routes.h"
#include "features/scorecards/routes.h"
#include "features/surveys/routes.h"

namespace fg {

void RegisterAll(http::App& app, Services& s) {
  accounts::RegisterPages(app, s.accounts, s.org);
  accounts::RegisterApi(app, s.accounts, s.org);
  org::RegisterPages(app, s.org);
  org::RegisterApi(app, s.org);
  dashboard::Register(app, s.db, s.org);
  calendar::RegisterApi(app, s.calendar);
  calendar::RegisterPages(app, s.calendar, s.org);
  desk::RegisterApi(app, s.desk);
  desk::RegisterDossiersPages(app, s.desk, s.org);
  desk::RegisterFormsPages(app, s.desk, s.org);
  desk::RegisterProceduresPages(app, s.desk, s.org);
  desk::RegisterProceduresCsvApi(app, s.desk);
  desk::RegisterStatsPages(app, s.desk);
  desk::RegisterLookupPages(app, s.desk);
  letters::RegisterApi(app, s.letters);
  letters::RegisterPages(app, s.letters);
  // Constructed here like notify's: it loads the signing key of the desk's result_ready rating link.
  // (The portal's figures read its counters.)
  auto ratings_svc = std::make_shared<ratings::Service>(s.db);
  pub::RegisterPages(app, s.db, s.calendar, s.desk, s.org, ratings_svc);
  auto notify_svc = std::make_shared<notify::Service>(s.db);
  notify::RegisterPages(app, notify_svc);
  notify::RegisterChannelsPages(app, notify_svc);
  notify::RegisterAdminPages(app, notify_svc);
  notify::RegisterApi(app, notify_svc);
  ratings::RegisterApi(app, ratings_svc);
  ratings::RegisterPages(app, ratings_svc);
  auto feedback_svc = std::make_shared<feedback::Service>(s.db, s.calendar);
  feedback_svc->LimitSubmissions(s.feedback_per_address);
  if (s.feedback_mail_poll_seconds > 0) {
    feedback_svc->StartMailPolling(std::chrono::seconds(s.feedback_mail_poll_seconds));
    s.stop_background.emplace_back([feedback_svc] { feedback_svc->StopMailPolling(); });
  }
  feedback::RegisterStatsPages(app, feedback_svc);  // before /feedback/{code}
  feedback::RegisterDialoguePages(app, feedback_svc);
  feedback::RegisterChannelPages(app, feedback_svc);
  feedback::RegisterPages(app, feedback_svc);
  feedback::RegisterOpen311(app, feedback_svc);
  feedback::RegisterApi(app, feedback_svc);
  auto surveys_svc = std::make_shared<surveys::Service>(s.db, s.desk);
  surveys::RegisterApi(app, surveys_svc);
  surveys::RegisterPages(app, surveys_svc);
  auto scorecards_svc = std::make_shared<scorecards::Service>(
      s.db, std::make_shared<scorecards::LiveIndicators>(s.desk, ratings_svc, &s.letters, feedback_svc, surveys_svc));
  scorecards_svc->InstallTemplates(app.assets_dir());
  if (s.scorecard_reminder_minutes > 0) {
    scorecards_svc->StartReminders(std::chrono::minutes(s.scorecard_reminder_minutes));
    s.stop_background.emplace_back([scorecards_svc] { scorecards_svc->StopReminders(); });
  }
  scorecards::RegisterApi(app, scorecards_svc);
  scorecards::RegisterPages(app, scorecards_svc);
  scorecards::RegisterSetPages(app, scorecards_svc);
  scorecards::RegisterRecognitionPages(app, scorecards_svc);
  scorecards::RegisterHistoryPages(app, scorecards_svc);
  scorecards::RegisterCommitmentPages(app, scorecards_svc);

  std::ifstream spec(app.assets_dir() + "/docs/openapi.json");
  std::stringstream ss;
  ss << spec.rdbuf();
  std::string openapi = ss.str();
  app.api("GET", "/api/v1/openapi.json", http::Access::kPublic,
          [openapi](http::Context&) { return http::Response::Text(200, openapi, "application/json"); });
}

}  // namespace fg
