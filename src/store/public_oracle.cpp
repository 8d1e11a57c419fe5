#include <algorithm>
#include <memory>

#include "store/store.hpp"

namespace jz::store {

Result<IsPublic> public_oracle(Store& store) {
  auto hidden = store.non_public_ids();
  if (!hidden) return hidden.status();
  auto ids = std::make_shared<std::vector<std::string>>(std::move(*hidden));
  // References are checked on write, so every id a record names exists; only visibility
  // needs answering here.
  return IsPublic(
      [ids](std::string_view id) { return !std::binary_search(ids->begin(), ids->end(), id); });
}

}  // namespace jz::store
