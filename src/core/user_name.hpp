#pragma once
// Account names: what people type to log in and what revisions and the audit log show.
#include <string_view>

#include "core/status.hpp"

namespace jz {

// 2 to 32 characters: lower-case ASCII letters, digits, '.', '-' and '_', starting with a
// letter. ASCII so that a name reads the same on every keyboard and in every log.
Status check_user_name(std::string_view name);

}  // namespace jz
