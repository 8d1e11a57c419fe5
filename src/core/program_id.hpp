#pragma once
// Which build of the program is running: what a static mirror's pages depend on besides
// the data (its code, templates and messages are all inside it).
#include <string>

namespace jz {

// The linker's GNU build id of the running program as hex, or, when it has none, the
// BLAKE2b-256 of its file; "" when neither can be read.
std::string program_id();

}  // namespace jz
