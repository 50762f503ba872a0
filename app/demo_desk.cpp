// Demo data of the one-stop desk: a catalogue of common commune procedures in
// the demo province's catalogue, and a few hundred dossiers received at the
// demo ward over the last months, played forward day by day through the
// service (so codes, deadlines, hand-overs, statistics and events are what
// real use would give): most returned on time, some late, apologised,
// awaiting a supplement or payment, refused, withdrawn, stopped, in progress.
// Procedure codes follow the national database's shape but are illustrative.
#include <algorithm>
#include <atomic>
#include <mutex>
#include <random>
#include <thread>

#include "app/demo.h"
#include "platform/errors.h"
#include "platform/time.h"

namespace fg::app {
namespace {

struct Catalogue {
  const char* code;
  const char* name;
  const char* field;
  const char* limit_unit;
  int amount;
  const char* fees;
  const char* result;
};

const Catalogue kProcedures[] = {
    {"1.001193", "Đăng ký khai sinh", "Hộ tịch", "same_day", 0, "Miễn lệ phí", "Giấy khai sinh"},
    {"1.000656", "Đăng ký khai tử", "Hộ tịch", "same_day", 0, "Miễn lệ phí", "Trích lục khai tử"},
    {"1.000894", "Đăng ký kết hôn", "Hộ tịch", "same_day", 0, "Miễn lệ phí", "Giấy chứng nhận kết hôn"},
    {"1.001022", "Đăng ký nhận cha, mẹ, con", "Hộ tịch", "days", 3, "Miễn lệ phí",
     "Trích lục đăng ký nhận cha, mẹ, con"},
    {"1.004884", "Đăng ký lại khai sinh", "Hộ tịch", "days", 5, "5.000 đồng", "Giấy khai sinh"},
    {"1.004746", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", "same_day", 0, "8.000 đồng/bản", "Bản sao trích lục"},
    {"1.004859", "Xác nhận thông tin hộ tịch", "Hộ tịch", "days", 3, "15.000 đồng", "Văn bản xác nhận"},
    {"1.000110", "Đăng ký giám hộ", "Hộ tịch", "days", 3, "Miễn lệ phí", "Trích lục đăng ký giám hộ"},
    {"1.001695", "Thay đổi, cải chính, bổ sung thông tin hộ tịch", "Hộ tịch", "days", 3, "15.000 đồng",
     "Trích lục thay đổi, cải chính hộ tịch"},
    {"2.000815", "Chứng thực bản sao từ bản chính", "Chứng thực", "same_day", 0, "2.000 đồng/trang",
     "Bản sao có chứng thực"},
    {"2.000884", "Chứng thực chữ ký trong giấy tờ, văn bản", "Chứng thực", "same_day", 0, "10.000 đồng/trường hợp",
     "Giấy tờ có chứng thực chữ ký"},
    {"2.001035", "Chứng thực hợp đồng, giao dịch liên quan đến động sản", "Chứng thực", "days", 2, "50.000 đồng",
     "Hợp đồng được chứng thực"},
    {"2.000927", "Chứng thực di chúc", "Chứng thực", "days", 2, "50.000 đồng", "Di chúc được chứng thực"},
    {"1.004222", "Xác nhận thông tin về cư trú", "Cư trú", "hours", 4, "Miễn lệ phí", "Văn bản xác nhận cư trú"},
    {"1.001776", "Đăng ký hoạt động tín ngưỡng", "Tôn giáo", "days", 15, "Không", "Văn bản chấp thuận"},
    {"1.003596", "Xác nhận hộ nghèo, hộ cận nghèo", "Bảo trợ xã hội", "days", 5, "Không", "Giấy xác nhận"},
    {"1.001758", "Trợ cấp xã hội hằng tháng đối với người cao tuổi", "Bảo trợ xã hội", "days", 10, "Không",
     "Quyết định trợ cấp"},
    {"1.001731", "Hỗ trợ chi phí mai táng", "Bảo trợ xã hội", "days", 5, "Không", "Quyết định hỗ trợ"},
    {"1.008004", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Xây dựng", "days", 15, "75.000 đồng", "Giấy phép xây dựng"},
    {"1.003005", "Hòa giải tranh chấp đất đai", "Đất đai", "days", 45, "Không", "Biên bản hòa giải"},
    {"1.000775", "Đăng ký thành lập hộ kinh doanh", "Hộ kinh doanh", "days", 3, "100.000 đồng",
     "Giấy chứng nhận đăng ký hộ kinh doanh"},
    {"1.002755", "Cấp giấy xác nhận tình trạng hôn nhân", "Hộ tịch", "days", 3, "15.000 đồng",
     "Giấy xác nhận tình trạng hôn nhân"},
};

const char* const kNames[] = {"Nguyễn Văn An",   "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em",
                              "Huỳnh Thị Giang", "Võ Văn Hải",    "Đặng Thị Hoa", "Bùi Văn Hùng",  "Đỗ Thị Lan",
                              "Ngô Văn Long",    "Dương Thị Mai", "Lý Văn Nam",   "Đinh Thị Oanh", "Trương Văn Phúc"};

// What happens to a dossier: actions at working-day offsets from its receipt.
enum class Fate {
  kOnTime,
  kLate,
  kApologised,
  kSupplement,
  kPayment,
  kRefused,
  kWithdrawn,
  kStopped,
  kReadyOnly,
  kWaiting,  // never handed on: stays received (and overdue)
};

struct Planned {
  std::string code;
  int limit_days = 0;
  Fate fate = Fate::kOnTime;
  int age = 0;   // working days since receipt
  int next = 0;  // index of the next planned action
};

struct Act {
  int at;  // working-day offset
  desk::Action action;
};

std::vector<Act> PlanOf(const Planned& p) {
  using A = desk::Action;
  const int done = std::max(0, p.limit_days - 1);
  switch (p.fate) {
    case Fate::kOnTime:
      return {{0, A::kTransfer}, {done, A::kTransfer}, {done, A::kResultReady}, {done + 1, A::kReturn}};
    case Fate::kLate:
      return {
          {0, A::kTransfer}, {1, A::kTransfer}, {p.limit_days + 2, A::kResultReady}, {p.limit_days + 3, A::kReturn}};
    case Fate::kApologised:
      return {{0, A::kTransfer}, {0, A::kApology}, {p.limit_days + 2, A::kResultReady}, {p.limit_days + 3, A::kReturn}};
    case Fate::kSupplement: return {{0, A::kTransfer}, {0, A::kRequestSupplement}};
    case Fate::kPayment: return {{0, A::kTransfer}, {0, A::kRequestPayment}};
    case Fate::kRefused: return {{0, A::kRefuse}};
    case Fate::kWithdrawn: return {{0, A::kTransfer}, {1, A::kWithdraw}};
    case Fate::kStopped: return {{0, A::kTransfer}, {1, A::kStop}};
    case Fate::kReadyOnly: return {{0, A::kTransfer}, {done, A::kResultReady}};
    case Fate::kWaiting: return {};
  }
  return {};
}

// Runs `n` jobs on a few threads (their writes share group commits).
void Parallel(size_t n, const std::function<void(size_t)>& job) {
  std::atomic<size_t> next{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (size_t i; (i = next++) < n;) job(i);
    });
  for (auto& th : threads) th.join();
}

}  // namespace

void SeedDesk(db::Db& db, org::Service& org, calendar::Service& calendar, desk::Service& desk) {
  auto sys = org::SystemPrincipal();
  auto principal = [&](const std::string& username) {
    for (auto& o : org.ListOfficials(sys))
      if (o.username == username) return *db.read([&](db::Conn& c) { return org::Service::LoadPrincipal(c, o.id); });
    throw std::runtime_error("demo official missing: " + username);
  };
  const auto desk_officer = principal("desk"), specialist = principal("specialist"), leader = principal("leader");

  std::vector<desk::Procedure> procedures;
  for (auto& c : kProcedures) {
    desk::ProcedureInput in;
    in.unit_code = "75";
    in.code = c.code;
    in.name = c.name;
    in.field = c.field;
    in.limit_unit = c.limit_unit;
    in.limit_amount = c.amount;
    in.fees = c.fees;
    in.result = c.result;
    in.valid_from = "2025-07-01";
    in.legal_basis = "Nghị định 118/2025/NĐ-CP; Thông tư 03/2025/TT-VPCP";
    in.online_level = 2;
    in.documents = {{"Tờ khai theo mẫu", "original", 1}, {"Giấy tờ tùy thân của người yêu cầu", "copy", 1}};
    in.steps = {{"Tiếp nhận hồ sơ", "Bộ phận một cửa", 2},
                {"Thẩm định, trình ký", "Công chức chuyên môn", std::max(4, c.amount * 8 - 8)},
                {"Ký duyệt", "Lãnh đạo UBND", 4},
                {"Trả kết quả", "Bộ phận một cửa", 2}};
    procedures.push_back(desk.CreateProcedure(sys, in));
  }
  // The ward's agency id and its same-day registrations (certification, extracts, residence).
  desk.SetAgencyCode(sys, "25270", "000.27.01.H75");
  for (auto& p : procedures)
    if (p.field == "Chứng thực" || p.code == "1.004746" || p.code == "1.004222")
      desk.SetSameDay(sys, p.id, "25270", true);

  std::mt19937 rng(20260317);
  const Fate kFates[] = {Fate::kOnTime,     Fate::kOnTime,     Fate::kOnTime,  Fate::kOnTime,  Fate::kOnTime,
                         Fate::kOnTime,     Fate::kOnTime,     Fate::kOnTime,  Fate::kLate,    Fate::kLate,
                         Fate::kApologised, Fate::kSupplement, Fate::kPayment, Fate::kRefused, Fate::kWithdrawn,
                         Fate::kStopped,    Fate::kReadyOnly,  Fate::kWaiting};
  const auto cal = calendar.View("25270").calendar;
  const auto today = ToLocal(Now()).date;
  std::vector<Planned> planned;
  std::mutex mu;
  // Up to yesterday: nothing is received later than the real clock.
  for (auto day = today - std::chrono::days(90); day < today; day += std::chrono::days(1)) {
    if (!cal->IsWorkingDay(day)) continue;
    for (auto& p : planned) ++p.age;
    // Morning: new dossiers.
    SetClockForTesting(FromLocal(day, 8 * 3600 + 15 * 60));
    const size_t first = planned.size();
    const int count = 3 + static_cast<int>(rng() % 4);
    std::vector<std::pair<size_t, std::string>> picks;
    for (int i = 0; i < count; ++i) {
      const auto& proc = procedures[rng() % procedures.size()];
      Planned p;
      p.fate = kFates[rng() % std::size(kFates)];
      const bool same_day =
          proc.limit != desk::Limit::kDays ||
          std::find(proc.same_day_units.begin(), proc.same_day_units.end(), "25270") != proc.same_day_units.end();
      p.limit_days = same_day ? 0 : static_cast<int>(proc.limit_amount);
      planned.push_back(p);
      picks.emplace_back(static_cast<size_t>(proc.id), kNames[rng() % std::size(kNames)]);
    }
    Parallel(picks.size(), [&](size_t i) {
      desk::IntakeInput in;
      in.procedure_id = static_cast<int64_t>(picks[i].first);
      in.unit_code = "25270";
      in.applicant = {picks[i].second, "0792" + std::to_string(10000000 + (first + i) * 7919 % 90000000),
                      "09" + std::to_string(10000000 + (first + i) * 104729 % 90000000), "",
                      "Khu phố " + std::to_string(1 + (first + i) % 9) + ", Phường Chơn Thành"};
      in.summary = "Hồ sơ nộp trực tiếp tại Bộ phận một cửa";
      in.documents = {{"Tờ khai theo mẫu", "original", 1}};
      auto code = desk.Receive(desk_officer, in).detail.dossier.code;
      std::lock_guard lock(mu);
      planned[first + i].code = code;
    });
    // Afternoon: each dossier's actions that are due by now.
    SetClockForTesting(FromLocal(day, 14 * 3600 + 30 * 60));
    const std::string new_due = FormatIsoDate(cal->NextWorkingDay(day + std::chrono::days(20)));
    Parallel(planned.size(), [&](size_t i) {
      Planned& p = planned[i];
      const auto plan = PlanOf(p);
      for (; p.next < static_cast<int>(plan.size()) && plan[p.next].at <= p.age; ++p.next) {
        desk::TransitionInput in;
        in.action = plan[p.next].action;
        const bool first_transfer = p.next == 0;
        in.to_official = first_transfer ? specialist.official_id : leader.official_id;
        in.reason = "Theo quy định";
        in.returned_to = "Người nộp hồ sơ";
        in.new_due_date = new_due;
        const auto& actor = in.action == desk::Action::kResultReady                ? leader
                            : first_transfer || in.action == desk::Action::kReturn ? desk_officer
                                                                                   : specialist;
        try {
          desk.Apply(actor, p.code, in);
        } catch (const AppError&) {
          p.next = static_cast<int>(plan.size());  // e.g. an apology past its time: leave the dossier as it is
        }
      }
    });
  }
  SetClockForTesting(std::nullopt);
}

}  // namespace fg::app
