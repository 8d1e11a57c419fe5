#include <nlohmann/json.hpp>

#include "web/handlers.hpp"

namespace jz::web {
namespace {

// Until the message catalogue of issue 3: the home page's few words in both languages.
const char* kKindLabels[][2] = {{"person", "人物 persons"},
                                {"case", "案件 cases"},
                                {"event", "事件 events"},
                                {"facility", "关押场所 facilities"},
                                {"organization", "机构 organizations"},
                                {"source", "来源 sources"},
                                {"topic", "专题 topics"}};

http::Response server_error() {
  return http::Response::text(500, "Internal error\n");
}

}  // namespace

http::Response home_page(const http::Request&, Context& ctx) {
  nlohmann::json page = {
      {"lang", "zh-Hans"},
      {"title", "见证 Jianzheng"},
      {"tagline", "记录中国的人权侵犯 · Documenting human-rights abuses in China"},
      {"counts_heading", "公开记录 Public records"},
      {"persons_heading", "人物 Persons"},
      {"footer", "见证 Jianzheng — open-source documentation of human-rights abuses in China"}};
  {
    std::lock_guard lock(ctx.store_mutex);
    auto oracle = store::public_oracle(ctx.store);
    auto counts = ctx.store.count_by_kind();
    auto hidden = ctx.store.non_public_ids();
    auto persons = ctx.store.list("person", 0, 50);
    if (!oracle || !counts || !hidden || !persons) return server_error();
    // Public counts: all records of a kind less the non-public ones (an id's first letter
    // is its kind).
    for (const auto& id : *hidden)
      for (auto& [kind, n] : *counts)
        if (id_letter(kind) == id[0]) --n;
    page["counts"] = nlohmann::json::array();
    for (const auto& [kind, label] : kKindLabels) {
      auto it = counts->find(kind);
      if (it != counts->end() && it->second > 0)
        page["counts"].push_back({{"count", std::to_string(it->second)}, {"label", label}});
    }
    page["persons"] = nlohmann::json::array();
    for (const auto& r : *persons) {
      auto view = public_view(r, *oracle);
      if (!view) continue;
      const auto& p = std::get<Person>(view->body);
      nlohmann::json item = {{"zh", p.name.zh.empty() ? p.name.en : p.name.zh},
                             {"status", p.status}};
      // An absent key, not "", closes the {{#en}} section: Mustache treats "" as true.
      if (!p.name.zh.empty() && !p.name.en.empty()) item["en"] = p.name.en;
      page["persons"].push_back(std::move(item));
    }
  }
  auto html = ctx.templates.render("home.mustache", page.dump());
  if (!html) return server_error();
  http::Response r;
  r.body = std::move(*html);
  r.headers.emplace_back("Content-Language", "zh-Hans, en");
  return r;
}

http::Response health(const http::Request&, Context&) {
  return http::Response::text(200, "ok\n");
}

}  // namespace jz::web
