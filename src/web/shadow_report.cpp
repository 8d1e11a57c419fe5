#include "web/shadow_report.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

#include "core/redact.hpp"
#include "web/embedded_files.hpp"

namespace jz::web {
namespace {

using nlohmann::json;

// Enough for a draft; a longer list belongs in a search, not a submission.
constexpr std::int64_t kMostPerList = 200;

Status strings_at(const json& j, const std::string& path, const char* key,
                  std::vector<std::string>& out) {
  if (!j.contains(key)) return Status::ok();
  const json& v = j[key];
  if (!v.is_array()) return Status::invalid(path + "/" + key + ": expected a list of strings");
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string())
      return Status::invalid(path + "/" + key + "/" + std::to_string(i) + ": expected a string");
    out.push_back(v[i].get<std::string>());
  }
  return Status::ok();
}

// Public records of a kind with one facet value, as their public views.
Result<std::vector<Record>> public_with(Call& call, const char* kind, const char* facet,
                                        const std::string& value) {
  store::ListQuery query;
  query.kind = kind;
  query.filters.push_back({facet, value});
  query.limit = kMostPerList;
  auto page = call.store().list_public(query);
  if (!page) return page.status();
  std::vector<Record> out;
  for (const auto& r : page->records)
    if (auto shown = public_view(r, call.visible)) out.push_back(std::move(*shown));
  return out;
}

// Adds `more` to `into`, each record once, keeping the order first seen.
void add_unique(std::vector<Record>& into, std::vector<Record> more) {
  for (auto& r : more)
    if (std::none_of(into.begin(), into.end(), [&](const Record& x) { return x.id == r.id; }))
      into.push_back(std::move(r));
}

bool carried_out(const Recommendation& r) {
  return !r.assessments.empty() && r.assessments.back().value == "implemented";
}

}  // namespace

Result<TreatyArticles> parse_treaty_articles(std::string_view json_text) {
  json j = json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("treaties") || !j["treaties"].is_object())
    return Status::invalid("/treaties: expected an object of treaty codes");
  TreatyArticles out;
  for (const auto& [code, articles] : j["treaties"].items()) {
    const std::string path = "/treaties/" + code;
    if (!articles.is_array()) return Status::invalid(path + ": expected a list of articles");
    for (std::size_t i = 0; i < articles.size(); ++i) {
      const json& a = articles[i];
      const std::string at = path + "/" + std::to_string(i);
      ArticleScope s;
      if (!a.is_object() || !a.contains("article") || !a["article"].is_string())
        return Status::invalid(at + "/article: required, a string such as \"11\"");
      s.article = a["article"].get<std::string>();
      const json* title = a.contains("title") ? &a["title"] : nullptr;
      if (!title || !title->is_object() || !title->contains("en") || !title->contains("zh"))
        return Status::invalid(at + "/title: required, {\"en\": ..., \"zh\": ...}");
      s.title.en = (*title)["en"].get<std::string>();
      s.title.zh = (*title)["zh"].get<std::string>();
      JZ_RETURN_IF_ERROR(strings_at(a, at, "events", s.events));
      JZ_RETURN_IF_ERROR(strings_at(a, at, "clocks", s.clocks));
      JZ_RETURN_IF_ERROR(strings_at(a, at, "facilities", s.facilities));
      JZ_RETURN_IF_ERROR(strings_at(a, at, "themes", s.themes));
      out[code].push_back(std::move(s));
    }
  }
  return out;
}

const TreatyArticles& treaty_articles() {
  static const TreatyArticles kAll = [] {
    auto it = embedded_files().find("data/treaty-articles.json");
    if (it == embedded_files().end())
      throw std::logic_error("data/treaty-articles.json not built in");
    auto parsed = parse_treaty_articles(it->second);
    if (!parsed) throw std::logic_error("data/treaty-articles.json: " + parsed.status().message());
    return std::move(*parsed);
  }();
  return kAll;
}

Result<ShadowReport> shadow_report(Call& call, std::string_view review_id) {
  auto review = call.public_record(review_id);
  if (!review || review->kind() != "review")
    return Status::not_found("no public review \"" + std::string(review_id) + "\"");
  ShadowReport report{.review = *review};
  report.updated = review->updated;
  const auto& v = std::get<Review>(review->body);
  if (!v.treaty.empty()) {
    report.treaty = call.public_record(v.treaty);
    if (report.treaty && report.treaty->kind() == "treaty")
      report.code = std::get<Treaty>(report.treaty->body).code;
  }
  auto scopes = treaty_articles().find(report.code);
  if (scopes == treaty_articles().end()) {
    report.code.clear();
    return report;
  }

  auto violations = all_violations(call);
  if (!violations) return violations.status();
  // Recommendations count as earlier when their review was held before this one.
  std::map<std::string, bool> earlier;
  auto is_earlier = [&](const std::string& id) {
    auto it = earlier.find(id);
    if (it != earlier.end()) return it->second;
    auto r = call.public_record(id);
    bool before = r && r->kind() == "review" && std::get<Review>(r->body).date &&
                  std::get<Review>(r->body).date->latest() < v.date->earliest();
    return earlier[id] = before;
  };

  for (const auto& scope : scopes->second) {
    ShadowSection section{.scope = &scope};
    for (const auto& found : *violations) {
      const auto& c = found.clock;
      std::string clock = c.rule ? c.rule->clock : "no_legal_basis";
      if (std::find(scope.clocks.begin(), scope.clocks.end(), clock) != scope.clocks.end())
        section.violations.push_back(found);
    }
    for (const auto& type : scope.events) {
      auto more = public_with(call, "event", "type", type);
      if (!more) return more.status();
      add_unique(section.events, std::move(*more));
    }
    for (const auto& type : scope.facilities) {
      auto more = public_with(call, "facility", "type", type);
      if (!more) return more.status();
      add_unique(section.facilities, std::move(*more));
    }
    for (const auto& theme : scope.themes) {
      auto more = public_with(call, "recommendation", "theme", theme);
      if (!more) return more.status();
      std::erase_if(*more, [&](const Record& r) {
        const auto& rec = std::get<Recommendation>(r.body);
        return carried_out(rec) || !is_earlier(rec.review);
      });
      add_unique(section.recommendations, std::move(*more));
    }
    std::sort(section.events.begin(), section.events.end(), [](const Record& a, const Record& b) {
      return std::get<Event>(a.body).date < std::get<Event>(b.body).date;
    });
    for (const auto& r : section.events) report.updated = std::max(report.updated, r.updated);
    for (const auto& r : section.facilities) report.updated = std::max(report.updated, r.updated);
    for (const auto& r : section.recommendations)
      report.updated = std::max(report.updated, r.updated);
    for (const auto& x : section.violations) report.updated = std::max(report.updated, x.updated);
    report.sections.push_back(std::move(section));
  }
  return report;
}

}  // namespace jz::web
