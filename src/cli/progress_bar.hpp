#pragma once
// A progress bar on stderr for long imports: drawn only when stderr is a terminal and only
// after the first second, so short imports and logs stay clean.
#include <chrono>
#include <cstdint>

namespace jz::cli {

class ProgressBar {
 public:
  ProgressBar();
  ~ProgressBar();  // clears the line if a bar was drawn
  void update(std::uint64_t done, std::uint64_t total);

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace jz::cli
