// Printed forms per second on one core: form 01 (the receipt, with its QR
// code) built and rendered to PDF, and the register (form 07) of 1,000
// dossiers as PDF (pages per second).
//   make bench   (or build-bench/forms_bench)
// The dossier is made in memory (no store): what the page handler renders.
#include <benchmark/benchmark.h>

#include "features/desk/forms.h"
#include "features/desk/forms_pdf.h"
#include "platform/render/messages.h"
#include "platform/source_dir.h"
#include "platform/time.h"

namespace {

using namespace fg;
using namespace fg::desk;

FormsSource Source() {
  FormsSource s;
  Dossier& d = s.detail.dossier;
  d.code = "000.27.01.H75-260217-0042";
  d.unit_code = "25270";
  d.procedure_code = "1.001193";
  d.procedure_name = "Đăng ký khai sinh";
  d.state = State::kInProgress;
  d.applicant = {"Nguyễn Thị Hồng Ánh", "079123456789", "0912 345 678", "anh@example.vn",
                 "Tổ 5, khu phố Hòa Bình, phường Chơn Thành"};
  d.summary = "Đăng ký khai sinh cho con thứ hai";
  d.documents = {{"Tờ khai đăng ký khai sinh", "original", 1},
                 {"Giấy chứng sinh", "original", 1},
                 {"Giấy tờ tùy thân của người đi khai sinh", "copy", 1}};
  d.return_method = "at_desk";
  d.received_by = 3;
  d.received_at = "2026-02-11T03:25:00Z";
  d.starts_at = d.received_at;
  d.due_at = "2026-02-23T03:25:00Z";
  s.unit_name = "Phường Chơn Thành";
  s.officials[3] = {"Lê Văn Một", "0912345603"};
  s.detail.entries.push_back({1, Action::kReceive, State::kNew, State::kReceived, 3, "desk", d.received_at, ""});
  Procedure p;
  p.limit = Limit::kDays;
  p.limit_amount = 3;
  s.procedure = p;
  return s;
}

void Init() {
  static bool done = [] {
    render::LoadMessages(FG_SOURCE_DIR);
    return true;
  }();
  (void)done;
}

void BM_ReceiptContent(benchmark::State& state) {
  Init();
  const FormsSource s = Source();
  for (auto _ : state) benchmark::DoNotOptimize(forms::Build(forms::Kind::kReceipt, s, "https://motcua.example.vn"));
  state.SetItemsProcessed(state.iterations());
}

void BM_ReceiptPdf(benchmark::State& state) {
  Init();
  const FormsSource s = Source();
  size_t bytes = 0;
  for (auto _ : state) {
    const std::string pdf = forms::FormPdf(forms::Build(forms::Kind::kReceipt, s, "https://motcua.example.vn"));
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf.data());
  }
  state.SetItemsProcessed(state.iterations());  // one A5 page each
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
}

void BM_Register1000Pdf(benchmark::State& state) {
  Init();
  TrackingRegister r{"25270", "Phường Chơn Thành", "2026-02-01", "2026-02-28", {}};
  const FormsSource s = Source();
  for (int i = 0; i < 1000; ++i) {
    RegisterEntry e{s.detail.dossier, "Phường Chơn Thành", "2026-02-11T04:00:00Z"};
    e.dossier.code = "000.27.01.H75-260211-" + std::to_string(1000 + i);
    r.entries.push_back(e);
  }
  const forms::Register reg = forms::BuildRegister(r, std::chrono::year{2026} / 3 / 1);
  std::string pdf;
  for (auto _ : state) {
    pdf = forms::RegisterPdf(reg);
    benchmark::DoNotOptimize(pdf.data());
  }
  state.SetItemsProcessed(state.iterations() * 1000);  // rows
  int pages = 0;                                       // cairo writes "<< /Type /Page % n" for each page
  for (size_t at = pdf.find("/Type /Page %"); at != std::string::npos; at = pdf.find("/Type /Page %", at + 1)) ++pages;
  state.counters["pages"] = pages;
}

}  // namespace

BENCHMARK(BM_ReceiptContent);
BENCHMARK(BM_ReceiptPdf)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Register1000Pdf)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
