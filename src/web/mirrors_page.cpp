// /mirrors: where else the site can be read (mirrors, its onion service), the fingerprint of
// the key that signs every copy, and how a reader checks a copy against it.
#include "web/handlers.hpp"

namespace jz::web {

using nlohmann::json;

http::Response mirrors_page(Call& call) {
  json mirrors = json::array();
  for (const auto& m : call.site.settings.mirrors)
    mirrors.push_back({{"url", m.url}, {"onion", m.onion()}, {"note", call.text(m.note)}});
  const std::string& key = call.site.settings.signing_key;
  json data = {{"key", key.empty() ? json() : json(key)},
               {"earlier", call.site.settings.earlier_keys},
               {"mirrors", std::move(mirrors)},
               {"t",
                {{"heading", call.t("ui.mirrors_heading")},
                 {"intro", call.t("ui.mirrors_intro")},
                 {"key", call.t("ui.signing_key")},
                 {"no_key", call.t("ui.mirrors_no_key")},
                 {"earlier", call.t("ui.mirrors_earlier_keys")},
                 {"known", call.t("ui.mirrors_known")},
                 {"onion", call.t("ui.mirrors_onion")},
                 {"none", call.t("ui.mirrors_none")},
                 {"how", call.t("ui.mirrors_how")},
                 {"step_compare", call.t("ui.mirrors_step_compare")},
                 {"step_tool", call.t("ui.mirrors_step_tool")},
                 {"step_bundle", call.t("ui.mirrors_step_bundle")}}}};
  return call.page("mirrors.mustache", std::move(data), call.t("ui.mirrors_heading"));
}

}  // namespace jz::web
