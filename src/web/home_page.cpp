// The home page: what the site is, featured cases, the latest updates, and how many
// public records there are by kind and persons by status, each linking to its list.
#include "web/handlers.hpp"
#include "web/record_views.hpp"

namespace jz::web {

using nlohmann::json;

namespace {

constexpr std::int64_t kLatest = 10;

// Public records of `kind`, newest change first.
std::vector<Record> latest(Call& call, std::string_view kind, std::vector<Facet> filters = {}) {
  store::ListQuery q;
  q.kind = kind;
  q.filters = std::move(filters);
  q.order = store::ListQuery::Order::kRecentlyUpdated;
  q.limit = kLatest;
  auto page = call.store().list_public(q);
  std::vector<Record> out;
  if (!page) return out;
  for (const auto& r : page->records)
    if (auto shown = public_view(r, call.visible)) out.push_back(std::move(*shown));
  return out;
}

}  // namespace

http::Response home_page(Call& call) {
  auto counts = call.store().count_public_by_kind();
  auto statuses = call.store().facet_counts("person", "status", {});
  if (!counts || !statuses) return call.error(503);

  json kinds = json::array();
  for (const char* kind : {"person", "case", "facility", "organization", "topic", "source"}) {
    auto it = counts->find(kind);
    if (it == counts->end() || it->second == 0) continue;
    kinds.push_back({{"count", it->second},
                     {"label", call.t("kinds." + std::string(kind))},
                     {"href", call.url_of(kind)}});
  }
  json by_status = json::array();
  for (const auto& [status, n] : *statuses)
    by_status.push_back({{"count", n},
                         {"label", call.label("person_status", status)},
                         {"href", call.url("/persons/?status=" + status)}});

  json featured = json::array();
  for (const auto& r : latest(call, "case", {{"featured", "yes"}})) {
    json item = list_item(call, r);
    if (auto s = call.text(std::get<Case>(r.body).summary); !s.is_null()) item["summary"] = s;
    featured.push_back(std::move(item));
  }

  // Latest updates across persons, cases and facilities, newest first.
  std::vector<Record> updated;
  for (const char* kind : {"person", "case", "facility"})
    for (auto& r : latest(call, kind)) updated.push_back(std::move(r));
  std::stable_sort(updated.begin(), updated.end(),
                   [](const Record& a, const Record& b) { return a.updated > b.updated; });
  if (updated.size() > static_cast<std::size_t>(kLatest)) updated.resize(kLatest);
  json latest_items = json::array();
  for (const auto& r : updated) {
    json item = list_item(call, r);
    item["updated"] = r.updated.substr(0, 10);
    latest_items.push_back(std::move(item));
  }

  json data = {{"heading", call.t("ui.tagline")},
               {"intro", call.t("ui.home_intro")},
               {"kinds", kinds},
               {"by_status", by_status},
               {"featured", featured},
               {"latest", latest_items},
               {"t",
                {{"counts", call.t("ui.public_records")},
                 {"by_status", call.t("ui.persons_by_status")},
                 {"featured", call.t("ui.featured_cases")},
                 {"latest", call.t("ui.latest_updates")}}}};
  return call.page("home.mustache", std::move(data), call.t("ui.home_title"));
}

}  // namespace jz::web
