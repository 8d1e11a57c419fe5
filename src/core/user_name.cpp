#include "core/user_name.hpp"

#include <string>

namespace jz {

Status check_user_name(std::string_view name) {
  auto bad = [&](const std::string& why) {
    return Status::invalid("the account name \"" + std::string(name) + "\" " + why +
                           "; use 2 to 32 lower-case letters, digits, '.', '-' or '_', "
                           "starting with a letter, e.g. wang.li");
  };
  if (name.size() < 2 || name.size() > 32)
    return bad("has " + std::to_string(name.size()) + " characters");
  if (name[0] < 'a' || name[0] > 'z') return bad("does not start with a lower-case letter");
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    if (!ok) return bad("contains '" + std::string(1, c) + "'");
  }
  return Status::ok();
}

}  // namespace jz
