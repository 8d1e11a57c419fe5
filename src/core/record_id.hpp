#pragma once
// Record ids: a kind letter and 10 characters of Crockford base32 (50 bits), short enough to
// read over the phone and safe in URLs. New records get random ids; importers derive ids
// from a stable key so that importing the same file twice finds the same records.
#include <string>
#include <string_view>

namespace jz {

std::string random_id(std::string_view kind);
std::string derived_id(std::string_view kind, std::string_view stable_key);
bool is_valid_id(std::string_view id);

}  // namespace jz
