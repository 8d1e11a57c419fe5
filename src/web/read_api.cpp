// The read API: /api/v1/{collection}[/{id}] returns the public view of records as JSON,
// the same JSON as `jianzheng export --public` writes, with paging. Described by
// static/openapi.json.
#include <array>

#include "core/record_json.hpp"
#include "web/handlers.hpp"
#include "web/list_query.hpp"

namespace jz::web {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kCollections = {{
    {"persons", "person"},
    {"cases", "case"},
    {"facilities", "facility"},
    {"organizations", "organization"},
    {"sources", "source"},
    {"topics", "topic"},
    {"treaties", "treaty"},
    {"reviews", "review"},
    {"recommendations", "recommendation"},
    {"engagements", "engagement"},
    {"indicators", "indicator"},
}};

std::string_view kind_of_collection(std::string_view collection) {
  for (const auto& [c, kind] : kCollections)
    if (c == collection) return kind;
  return "";
}

}  // namespace

http::Response api_openapi(Call& call) {
  const http::Response* doc = call.site.assets.find("openapi.json");
  return doc ? *doc : json_error(404, "no OpenAPI document");
}

http::Response api_list(Call& call) {
  std::string_view kind = kind_of_collection(call.collection);
  if (kind.empty())
    return json_error(404, "no collection \"" + call.collection +
                               "\"; use persons, cases, facilities, organizations, sources, "
                               "topics, treaties, reviews, recommendations, engagements or "
                               "indicators");
  auto page = page_number(call.request);
  if (!page) return json_error(400, "page must be a whole number from 1 to 100000");
  auto per_page = whole_number_param(call.request, "per_page", 50, 1, 200);
  if (!per_page) return json_error(400, "per_page must be a whole number from 1 to 200");
  store::ListQuery query;
  query.kind = kind;
  query.offset = (*page - 1) * *per_page;
  query.limit = *per_page;
  auto found = call.store().list_public(query);
  if (!found) return json_error(503, "the database is not available; try again later");

  std::string body = "{\"data\":[";
  bool first = true;
  for (const auto& r : found->records) {
    auto shown = public_view(r, call.visible);
    if (!shown) continue;
    if (!first) body += ',';
    first = false;
    body += to_canonical_json(*shown);
  }
  nlohmann::json meta = {{"page", *page}, {"per_page", *per_page}, {"total", found->total}};
  std::string base = "/api/v1/" + call.collection + "?per_page=" + std::to_string(*per_page);
  if (*page > 1) meta["prev"] = base + "&page=" + std::to_string(*page - 1);
  if (*page * *per_page < found->total) meta["next"] = base + "&page=" + std::to_string(*page + 1);
  body += "],\"meta\":" + meta.dump() + "}";
  return json_response(200, std::move(body));
}

http::Response api_record(Call& call) {
  std::string_view kind = kind_of_collection(call.collection);
  if (kind.empty()) return json_error(404, "no collection \"" + call.collection + "\"");
  auto record = call.public_record(call.id);
  if (!record || record->kind() != kind)
    return json_error(404, "no public " + std::string(kind) + " with id \"" + call.id + "\"");
  return json_response(200, "{\"data\":" + to_canonical_json(*record) + "}");
}

}  // namespace jz::web
