#include "cli/progress_bar.hpp"

#include <unistd.h>

#include <cstdio>

namespace jz::cli {

ProgressBar::ProgressBar()
    : enabled_(isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
}

void ProgressBar::update(std::uint64_t done, std::uint64_t total) {
  if (!enabled_ || total == 0) return;
  auto now = std::chrono::steady_clock::now();
  if (now - start_ < std::chrono::seconds(1) || now - last_draw_ < std::chrono::milliseconds(100))
    return;
  last_draw_ = now;
  constexpr int kWidth = 40;
  double fraction = done >= total ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
  int filled = static_cast<int>(fraction * kWidth);
  double seconds = std::chrono::duration<double>(now - start_).count();
  std::fprintf(stderr, "\r[%-*.*s] %3d%%  %.0f s", kWidth, filled,
               "========================================", static_cast<int>(fraction * 100),
               seconds);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace jz::cli
