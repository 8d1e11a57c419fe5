#pragma once
// What an account may do. Each role can do what the ones below it can:
//   admin        manages accounts, and everything an editor does
//   editor       publishes (reviews and approves what others wrote)
//   researcher   creates and edits records, and reads restricted ones
//   contributor  writes drafts only
#include <string_view>

#include "core/status.hpp"

namespace jz {

enum class Role { kContributor, kResearcher, kEditor, kAdmin };

std::string_view role_name(Role role);
// "editor" -> Role::kEditor; anything else is an error that lists the four roles.
Result<Role> parse_role(std::string_view name);
// True when `role` may do what `needed` may.
inline bool at_least(Role role, Role needed) {
  return role >= needed;
}

}  // namespace jz
