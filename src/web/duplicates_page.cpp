// Possible duplicates: persons whose names are one across scripts (劉曉波, 刘晓波, Liu
// Xiaobo), found by search/possible_duplicates.hpp among the persons this role may read,
// each pair with why, and for editors the forms that merge one into the other.
#include "core/vocabulary.hpp"
#include "search/possible_duplicates.hpp"
#include "web/handlers.hpp"
#include "web/workspace.hpp"

namespace jz::web {
namespace {

using nlohmann::json;

// Persons read at most per page view: enough for today's databases; a larger one needs
// the pairs kept up to date by the store instead (noted on issue 5).
constexpr std::int64_t kMaxPersons = 100'000;

}  // namespace

http::Response duplicates_page(Call& call) {
  auto persons = call.store().list("person", 0, kMaxPersons);
  if (!persons) return call.error(persons.status());
  std::map<std::string, const Record*> by_id;
  std::vector<search::NamedRecord> named;
  store::Workflow workflow(call.store(), actor_of(call));
  for (const Record& r : *persons) {
    auto allowed = workflow.can_read(r);
    if (!allowed) return call.error(allowed.status());
    if (!r.merged_into.empty() || !*allowed) continue;
    const auto& p = std::get<Person>(r.body);
    search::NamedRecord n{.id = r.id, .names = {p.name.zh, p.name.zh_hant, p.name.en}};
    for (const auto& a : p.aliases) n.names.push_back(a.name);
    named.push_back(std::move(n));
    by_id[r.id] = &r;
  }
  bool editor = at_least(call.who->role, Role::kEditor);
  json pairs = json::array();
  for (const auto& d : search::possible_duplicates(named)) {
    auto side = [&](const std::string& id, const std::string& other) {
      const Record& r = *by_id.at(id);
      json s = {{"id", id},
                {"name", call.str(r.label())},
                {"visibility", call.label("visibility", r.visibility)},
                {"href", call.url("/workspace/records/" + id)},
                {"merge", nullptr}};
      // Merging `other` into this one.
      if (editor)
        s["merge"] = {{"action", call.url("/workspace/records/" + id + "/merge")},
                      {"duplicate", other}};
      return s;
    };
    pairs.push_back({{"why", d.why}, {"a", side(d.a, d.b)}, {"b", side(d.b, d.a)}});
  }
  json t = words(call, "ui.duplicates_", {"intro", "none", "why", "keep", "reason", "checked"});
  json data = {{"title", call.t("ui.duplicates_title")},
               {"pairs", std::move(pairs)},
               {"checked", std::to_string(named.size())},
               {"csrf", call.who->csrf},
               {"t", std::move(t)}};
  return call.page("duplicates.mustache", std::move(data), call.t("ui.duplicates_title"));
}

}  // namespace jz::web
