#include "core/redact.hpp"

#include <algorithm>

#include "core/record_json.hpp"

namespace jz {

Result<Record> remove_confidential_fields(const Record& record) {
  if (record.confidential.empty()) return record;
  auto j = nlohmann::json::parse(to_canonical_json(record));
  // Remove later array elements first so earlier indices stay valid.
  std::vector<std::string> paths = record.confidential;
  std::sort(paths.begin(), paths.end(), [](const std::string& a, const std::string& b) {
    auto split = [](const std::string& p) {
      auto slash = p.rfind('/');
      std::string tail = p.substr(slash + 1);
      bool numeric = !tail.empty() && tail.find_first_not_of("0123456789") == std::string::npos;
      return std::pair{p.substr(0, slash), numeric ? std::stol(tail) : -1L};
    };
    return split(a) > split(b);
  });
  for (const auto& p : paths) {
    nlohmann::json::json_pointer ptr(p);
    if (!j.contains(ptr)) continue;  // inside something already removed
    j[ptr.parent_pointer()].is_array() ? j[ptr.parent_pointer()].erase(std::stoul(ptr.back()))
                                       : (void)j[ptr.parent_pointer()].erase(ptr.back());
  }
  j.erase("confidential");
  return record_from_json(j);
}

std::optional<Record> public_view(const Record& record, const IsPublic& is_public) {
  if (record.visibility != "public") return std::nullopt;
  auto stripped = remove_confidential_fields(record);
  // The decoder refuses records whose hidden fields are required, so this cannot fail for a
  // stored record; if it does, show nothing rather than too much.
  if (!stripped) return std::nullopt;
  Record r = std::move(*stripped);
  r.confidential.clear();
  std::erase_if(r.links,
                [&](const Link& l) { return l.visibility != "public" || !is_public(l.target); });
  for_each_reference_field(r, [&](auto& field) {
    using T = std::decay_t<decltype(field)>;
    if constexpr (std::is_same_v<T, std::string>) {
      if (!field.empty() && !is_public(field)) field.clear();
    } else if constexpr (std::is_same_v<T, Ids>) {
      std::erase_if(field, [&](const std::string& id) { return !is_public(id); });
    } else {
      std::erase_if(field, [&](const Citation& c) { return !is_public(c.source); });
    }
  });
  return r;
}

}  // namespace jz
