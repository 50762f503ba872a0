// Batch printing of letters: one PDF of N two-sided letters (the default
// condolence letter, whose reminders fill the back side), built the way
// POST /api/v1/letters/print builds it (features/letters/letter_pdf), on the
// calling thread (one core). Target: at least 200 letters per second.
//   build-bench/letters_bench [letters] [runs] [out.pdf]     (defaults: 1000, 3; out.pdf: keep the last PDF)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "features/letters/letter_pdf.h"
#include "features/letters/rules.h"
#include "platform/render/messages.h"
#include "platform/render/pdf.h"
#include "platform/source_dir.h"

int main(int argc, char** argv) {
  using namespace fg;
  using namespace fg::letters;
  const int n = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1000;
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  render::LoadMessages(FG_SOURCE_DIR);
  const char* names[] = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"};
  std::vector<Letter> letters(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    Letter& l = letters[static_cast<size_t>(i)];
    l.id = i + 1;
    l.type = "condolence";
    l.unit_name = "Phường Chơn Thành";
    l.recipient_name = names[i % 5];
    l.event_date = "2026-02-17";
    l.signer_title = render::Text("letters.default_signer_title");
    l.signer_name = "Lê Văn Cường";
    l.year = 2026;
    l.number = i + 1;
    const auto values = ValuesOf(l, l.unit_name, l.unit_name, "2026-02-17");
    l.title = Substitute(render::Text("letters.default.condolence.title"), values);
    l.front = Substitute(render::Text("letters.default.condolence.front"), values);
    l.back = Substitute(render::Text("letters.default.condolence.back"), values);
  }
  std::vector<Printed> printed;
  for (const auto& l : letters)
    printed.push_back(
        {&l, "ỦY BAN NHÂN DÂN\nPHƯỜNG CHƠN THÀNH", "Số: " + std::to_string(*l.number) + "/2026",
         render::pdf::DateLine("Phường Chơn Thành", std::chrono::sys_days{std::chrono::year{2026} / 2 / 17})});
  LettersPdf({printed.front()});  // warm-up: fonts loaded
  double best = 1e9;
  size_t bytes = 0;
  for (int r = 0; r < runs; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::string pdf = LettersPdf(printed);
    bytes = pdf.size();
    if (argc > 3) std::ofstream(argv[3], std::ios::binary) << pdf;
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    best = std::min(best, s);
    std::printf("run %d: %d letters (%d pages) in %.3f s: %.0f letters/s\n", r + 1, n, 2 * n, s, n / s);
  }
  std::printf("best: %.0f letters/s (target >= 200), PDF %.1f MB\n", n / best, static_cast<double>(bytes) / 1e6);
  return n / best >= 200 ? 0 : 1;
}
