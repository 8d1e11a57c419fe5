// Pages whose text is written by the organisation, not kept as records: about (with how to
// reach us safely) and the links directory. Their Markdown is in content/NAME.LANG.md;
// zh-Hant is converted from zh-Hans unless content/NAME.zh-Hant.md exists.
#include "i18n/lang.hpp"
#include "web/embedded_files.hpp"
#include "web/handlers.hpp"
#include "web/markdown.hpp"
#include "web/record_views.hpp"

namespace jz::web {
namespace {

using nlohmann::json;

std::string content_html(Call& call, std::string_view name) {
  const auto& files = embedded_files();
  auto path = [&](std::string_view lang) {
    return "content/" + std::string(name) + "." + std::string(lang) + ".md";
  };
  if (auto it = files.find(path(i18n::html_lang(call.lang))); it != files.end())
    return markdown_to_html(it->second);
  auto simplified = files.find(path("zh-Hans"));
  if (simplified == files.end()) return "";
  return markdown_to_html(call.lang == i18n::Lang::kZhHant
                              ? call.site.script.to_traditional(simplified->second)
                              : std::string(simplified->second));
}

// The signing key's fingerprint, or null: the about page says it in words too.
json site_key(const Call& call) {
  return call.site.settings.signing_key.empty() ? json() : json(call.site.settings.signing_key);
}

}  // namespace

http::Response about_page(Call& call) {
  json data = {{"html", content_html(call, "about")},
               {"key", site_key(call)},
               {"t", {{"key", call.t("ui.signing_key")}, {"verify", call.t("ui.mirrors_how")}}},
               {"mirrors_href", call.url("/mirrors")}};
  return call.page("content.mustache", std::move(data), call.t("ui.nav_about"));
}

http::Response links_page(Call& call) {
  // The curated directory, then the organizations in the database that have a website.
  store::ListQuery query;
  query.kind = "organization";
  query.limit = 1000;
  auto found = call.store().list_public(query);
  if (!found) return call.error(503);
  json sites = json::array();
  for (const auto& r : found->records) {
    auto shown = public_view(r, call.visible);
    if (!shown) continue;
    const auto& o = std::get<Organization>(shown->body);
    if (o.url.empty()) continue;
    json item = list_item(call, *shown);
    item["url"] = o.url;
    sites.push_back(std::move(item));
  }
  json data = {{"html", content_html(call, "links")},
               {"key", nullptr},
               {"sites", std::move(sites)},
               {"t", {{"in_database", call.t("ui.links_in_database")}}}};
  return call.page("content.mustache", std::move(data), call.t("ui.nav_links"));
}

}  // namespace jz::web
