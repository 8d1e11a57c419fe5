#pragma once
// A password for `jianzheng user`, never from the command line (other users of the machine
// see arguments in `ps`): typed at the terminal without echo, twice, or read as the first
// line of standard input when that is not a terminal (scripts, tests).
#include <string>

#include "core/status.hpp"

namespace jz::cli {

Result<std::string> read_new_password();

}  // namespace jz::cli
