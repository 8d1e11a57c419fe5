#include "core/record.hpp"

#include <algorithm>

namespace jz {

std::string_view kind_of(const Body& body) {
  static constexpr std::string_view kNames[] = {
      "person", "case",   "event",  "facility",       "organization", "source",
      "topic",  "treaty", "review", "recommendation", "engagement",   "indicator"};
  return kNames[body.index()];
}

char id_letter(std::string_view kind) {
  if (kind == "person") return 'p';
  if (kind == "case") return 'c';
  if (kind == "event") return 'e';
  if (kind == "facility") return 'f';
  if (kind == "organization") return 'o';
  if (kind == "source") return 's';
  if (kind == "topic") return 't';
  if (kind == "treaty") return 'y';
  if (kind == "review") return 'v';
  if (kind == "recommendation") return 'r';
  if (kind == "engagement") return 'g';
  if (kind == "indicator") return 'n';
  return '?';
}

const Text& Record::label() const {
  return std::visit(
      [](const auto& b) -> const Text& {
        using T = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<T, Recommendation>)
          return b.text;
        else if constexpr (std::is_same_v<T, Case> || std::is_same_v<T, Event> ||
                           std::is_same_v<T, Source> || std::is_same_v<T, Topic> ||
                           std::is_same_v<T, Review> || std::is_same_v<T, Indicator>)
          return b.title;
        else
          return b.name;
      },
      body);
}

Ids Record::references() const {
  Ids out;
  auto add = [&](const std::string& id) {
    if (!id.empty()) out.push_back(id);
  };
  for (const auto& l : links) add(l.target);
  for_each_reference_field(*this, [&](const auto& field) {
    using T = std::decay_t<decltype(field)>;
    if constexpr (std::is_same_v<T, std::string>) {
      add(field);
    } else if constexpr (std::is_same_v<T, Ids>) {
      for (const auto& id : field) add(id);
    } else {
      for (const auto& c : field) add(c.source);
    }
  });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace jz
