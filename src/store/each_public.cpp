#include "store/each_public.hpp"

#include <limits>

namespace jz::store {

Status each_public(Store& store, const IsPublic& visible, ListQuery query,
                   const std::function<Status(Record)>& visit) {
  query.offset = 0;
  query.limit = std::numeric_limits<std::int64_t>::max();
  auto ids = store.list_public_ids(query);
  if (!ids) return ids.status();
  for (const auto& id : *ids) {
    auto stored = store.get(id);
    if (!stored) {
      if (stored.status().code() == Code::kNotFound) continue;
      return stored.status();
    }
    if (auto shown = public_view(*stored, visible)) JZ_RETURN_IF_ERROR(visit(std::move(*shown)));
  }
  return Status::ok();
}

}  // namespace jz::store
