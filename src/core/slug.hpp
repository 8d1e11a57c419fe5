#pragma once
// URL slugs from names: "Liu Xiaobo" -> "liu-xiaobo", 刘晓波 -> "liu-xiao-bo" (ICU Han-Latin),
// so addresses stay readable and typeable on any keyboard.
#include <string>
#include <string_view>

namespace jz {

// Lowercase ASCII words joined by '-', at most 80 characters; "" if nothing is left.
std::string make_slug(std::string_view text);

}  // namespace jz
