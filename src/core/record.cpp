#include "core/record.hpp"

#include <algorithm>

namespace jz {

std::string_view kind_of(const Body& body) {
  static constexpr std::string_view kNames[] = {"person",       "case",   "event", "facility",
                                                "organization", "source", "topic"};
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
  return '?';
}

const Text& Record::label() const {
  return std::visit(
      [](const auto& b) -> const Text& {
        using T = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<T, Case> || std::is_same_v<T, Event> ||
                      std::is_same_v<T, Source> || std::is_same_v<T, Topic>)
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
  auto add_all = [&](const Ids& ids) {
    for (const auto& id : ids) add(id);
  };
  auto add_citations = [&](const std::vector<Citation>& cs) {
    for (const auto& c : cs) add(c.source);
  };
  add_citations(sources);
  for (const auto& l : links) {
    add(l.target);
    add_citations(l.sources);
  }
  if (const auto* c = std::get_if<Case>(&body)) {
    add_all(c->persons);
    add_all(c->topics);
    add_all(c->facilities);
    add_all(c->lawyers);
  } else if (const auto* e = std::get_if<Event>(&body)) {
    add(e->case_id);
    add_all(e->persons);
    add(e->facility);
  } else if (const auto* f = std::get_if<Facility>(&body)) {
    for (const auto& r : f->conditions) add_citations(r.sources);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace jz
