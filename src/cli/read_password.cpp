#include "cli/read_password.hpp"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace jz::cli {
namespace {

// One line from the terminal with echo off; echo comes back even if reading fails.
Result<std::string> read_hidden(const char* prompt) {
  std::cerr << prompt << std::flush;
  termios saved{};
  tcgetattr(STDIN_FILENO, &saved);
  termios quiet = saved;
  quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  std::string line;
  bool got = static_cast<bool>(std::getline(std::cin, line));
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  std::cerr << "\n";
  if (!got) return Status::invalid("no password was typed");
  return line;
}

}  // namespace

Result<std::string> read_new_password() {
  if (!isatty(STDIN_FILENO)) {
    std::string line;
    if (!std::getline(std::cin, line))
      return Status::invalid(
          "no password on standard input; type it at a terminal, or pipe it as one line");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  auto first = read_hidden("new password (at least 12 characters): ");
  if (!first) return first.status();
  auto again = read_hidden("the same password again: ");
  if (!again) return again.status();
  if (*first != *again) return Status::invalid("the two passwords differ; nothing was changed");
  return first;
}

}  // namespace jz::cli
