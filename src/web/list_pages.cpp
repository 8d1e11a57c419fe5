// Lists of persons, cases, facilities, organizations and sources, filtered by their public
// facets (?status=detained&province=tibet) and paged (?page=2), with a form that works
// without JavaScript and the number of records behind each choice.
#include <array>

#include "core/vocabulary.hpp"
#include "web/handlers.hpp"
#include "web/list_query.hpp"
#include "web/record_views.hpp"

namespace jz::web {
namespace {

using nlohmann::json;

constexpr std::int64_t kPageSize = 50;

struct Filter {
  std::string_view param;   // the query parameter and facet name
  std::string_view list;    // the vocabulary list its labels come from; "" for record ids
  vocab::List (*values)();  // allowed values; nullptr when they are record ids
};

// The label of a facet value: a vocabulary word, or the name of the record it names.
std::string value_label(Call& call, const Filter& f, const std::string& value) {
  if (f.values) return call.label(f.list, value);
  auto ref = call.ref(value);
  return ref.is_null() ? value : ref["text"].get<std::string>();
}

http::Response list_page(Call& call, std::string_view kind, std::span<const Filter> filters) {
  auto page = page_number(call.request);
  if (!page) return call.error(400, call.t("ui.bad_page"));
  store::ListQuery query;
  query.kind = kind;
  for (const auto& f : filters) {
    std::string value = call.request.param(f.param);
    if (value.empty()) continue;
    bool known = f.values ? vocab::contains(f.values(), value)
                          : call.is_public(value) && !call.ref(value).is_null();
    if (!known)
      return call.error(400, call.t("ui.bad_filter") + " " + std::string(f.param) + "=" + value);
    query.filters.push_back({std::string(f.param), value});
  }
  query.offset = (*page - 1) * kPageSize;
  query.limit = kPageSize;
  auto found = call.store().list_public(query);
  if (!found) return call.error(503);

  json items = json::array();
  for (const auto& r : found->records) {
    auto shown = public_view(r, call.visible);
    if (shown) items.push_back(list_item(call, *shown));
  }

  // One group of choices per filter, each with its count under the other filters.
  json groups = json::array();
  for (const auto& f : filters) {
    std::vector<Facet> others;
    for (const auto& q : query.filters)
      if (q.name != f.param) others.push_back(q);
    auto counts = call.store().facet_counts(kind, f.param, others);
    if (!counts) return call.error(503);
    std::string current = call.request.param(f.param);
    json options = json::array();
    for (const auto& [value, n] : *counts) {
      if (!f.values && !call.is_public(value)) continue;
      options.push_back({{"value", value},
                         {"label", value_label(call, f, value)},
                         {"count", n},
                         {"selected", value == current}});
    }
    if (options.empty()) continue;
    groups.push_back({{"param", f.param},
                      {"label", call.t("ui.filter_" + std::string(f.param))},
                      {"any", call.t("ui.filter_any")},
                      {"options", std::move(options)}});
  }

  std::string section(section_of(kind));
  json data = {{"heading", call.t("kinds." + std::string(kind))},
               {"items", std::move(items)},
               {"filters", std::move(groups)},
               {"action", call.url("/" + section + "/")},
               {"pages", pagination(call, found->total, *page, kPageSize)},
               {"t",
                {{"apply", call.t("ui.filter_apply")},
                 {"filter", call.t("ui.filter_heading")},
                 {"none", call.t("ui.list_empty")}}}};
  std::string title = data["heading"];
  if (!query.filters.empty()) {
    std::string chosen;
    for (const auto& q : query.filters)
      for (const auto& f : filters)
        if (f.param == q.name)
          chosen += (chosen.empty() ? "" : " · ") + value_label(call, f, q.value);
    title += " · " + chosen;
    data["chosen"] = chosen;
  }
  return call.page("list.mustache", std::move(data), title);
}

constexpr std::array kPersonFilters{Filter{"status", "person_status", vocab::person_statuses},
                                    Filter{"province", "province", vocab::provinces},
                                    Filter{"group", "person_group", vocab::person_groups}};
constexpr std::array kCaseFilters{Filter{"topic", "", nullptr},
                                  Filter{"status", "case_status", vocab::case_statuses}};
constexpr std::array kFacilityFilters{Filter{"type", "facility_type", vocab::facility_types},
                                      Filter{"province", "province", vocab::provinces}};
constexpr std::array kOrganizationFilters{
    Filter{"type", "organization_type", vocab::organization_types},
    Filter{"province", "province", vocab::provinces}};
constexpr std::array kSourceFilters{
    Filter{"type", "source_type", vocab::source_types},
    Filter{"reliability", "reliability", vocab::reliability_grades}};

}  // namespace

http::Response person_list(Call& call) {
  return list_page(call, "person", kPersonFilters);
}
http::Response case_list(Call& call) {
  return list_page(call, "case", kCaseFilters);
}
http::Response facility_list(Call& call) {
  return list_page(call, "facility", kFacilityFilters);
}
http::Response organization_list(Call& call) {
  return list_page(call, "organization", kOrganizationFilters);
}
http::Response source_list(Call& call) {
  return list_page(call, "source", kSourceFilters);
}

}  // namespace jz::web
