// The public list of procedural violations: every clock of every public case that is
// violated or has no legal basis (src/monitor), ongoing ones first, each with its case.
#include "web/handlers.hpp"
#include "web/violations.hpp"

namespace jz::web {

using nlohmann::json;

http::Response violations_page(Call& call) {
  auto found = all_violations(call);
  if (!found) return call.error(503);
  json rows = json::array();
  for (auto& v : *found) rows.push_back(std::move(v.row));
  json data = {{"heading", call.t("ui.violations")},
               {"intro", call.t("ui.violations_intro")},
               {"none", call.t("ui.violations_none")},
               {"violations", std::move(rows)},
               {"t",
                {{"deadline", call.t("clock.deadline")},
                 {"unless", call.t("clock.unless")},
                 {"secondary", call.t("clock.secondary")}}}};
  return call.page("violations.mustache", std::move(data), call.t("ui.violations"));
}

}  // namespace jz::web
