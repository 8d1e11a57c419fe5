#include "core/role.hpp"

#include <array>
#include <string>

namespace jz {
namespace {

constexpr std::array<std::string_view, 4> kNames{"contributor", "researcher", "editor", "admin"};

}  // namespace

std::string_view role_name(Role role) {
  return kNames[static_cast<std::size_t>(role)];
}

Result<Role> parse_role(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<Role>(i);
  return Status::invalid("unknown role \"" + std::string(name) +
                         "\": use admin, editor, researcher or contributor");
}

}  // namespace jz
