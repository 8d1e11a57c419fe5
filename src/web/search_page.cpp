// The reader's search: /{lang}/search?q=... (a form and results that work without
// JavaScript) and /api/v1/search (the same results as JSON). The query language is
// search/query.hpp's and the engine Store::search, which holds public records only; every
// hit is then read through Call::public_record, so what a result shows is the record's
// public view, in the reader's language and script, with what the query matched marked.
#include <algorithm>
#include <array>

#include "core/vocabulary.hpp"
#include "i18n/localize.hpp"
#include "search/search_request.hpp"
#include "search/snippet.hpp"
#include "web/handlers.hpp"
#include "web/list_query.hpp"
#include "web/record_views.hpp"

namespace jz::web {
namespace {

using nlohmann::json;

constexpr std::int64_t kPageSize = 20;

// A facet a reader narrows the results by, as a URL parameter (?kind=case&status=detained)
// and as a list of choices with counts beside the results.
struct FacetParam {
  std::string_view param;    // the URL parameter and the engine's facet name
  std::string_view kind;     // counts only records of this kind ("": every kind)
  std::string_view heading;  // the catalogue key of its heading
};

constexpr std::array kFacets{
    FacetParam{"kind", "", "ui.filter_kind"},
    FacetParam{"status", "", "ui.filter_status"},
    FacetParam{"province", "", "ui.filter_province"},
    FacetParam{"topic", "case", "ui.filter_topic"},
    FacetParam{"type", "facility", "ui.search_facility_type"},
};

// Whether `value` is one a facet link could carry; a topic must be a public topic.
bool known_value(Call& call, std::string_view param, const std::string& value) {
  if (param == "kind") return vocab::contains(vocab::kinds(), value);
  if (param == "status")
    return vocab::contains(vocab::person_statuses(), value) ||
           vocab::contains(vocab::case_statuses(), value);
  if (param == "province") return vocab::contains(vocab::provinces(), value);
  if (param == "type") return vocab::contains(vocab::facility_types(), value);
  auto topic = call.public_record(value);
  return topic && topic->kind() == "topic";
}

// A facet value as the reader reads it: a vocabulary label, or a topic's title.
std::string value_label(Call& call, std::string_view param, std::string_view kind,
                        const std::string& value) {
  if (param == "kind") return call.label("kind", value);
  if (param == "status")
    return call.label(kind == "case" || !vocab::contains(vocab::person_statuses(), value)
                          ? "case_status"
                          : "person_status",
                      value);
  if (param == "province") return call.label("province", value);
  if (param == "type") return call.label("facility_type", value);
  auto ref = call.ref(value);
  return ref.is_null() ? value : ref.value("text", value);
}

// What the reader asked for, from the URL.
struct Asked {
  std::string q;
  bool empty = true;  // nothing to search for: the page shows how to search
  // q as the engine takes it, with the year range of the URL (from, to) already applied.
  search::SearchRequest base;
  std::vector<std::pair<std::string_view, Facet>> url_filters;  // URL parameter, filter
  int from = 0, to = 0;
  std::int64_t page = 1;
  std::int64_t per_page = kPageSize;
  // For the reader when the URL cannot be answered (HTTP 400). make_request() writes its
  // messages in English only.
  std::string problem;
  bool problem_in_english = false;
};

Asked read_asked(Call& call, std::int64_t per_page) {
  Asked a;
  a.per_page = per_page;
  a.q = call.request.param("q");
  auto request = search::make_request(a.q, call.site.messages);
  if (!request) {
    a.problem = request.status().message();
    a.problem_in_english = true;
    return a;
  }
  a.empty = request->query.empty();
  a.base = std::move(*request);
  auto page = page_number(call.request);
  if (!page) {
    a.problem = call.t("ui.bad_page");
    return a;
  }
  a.page = *page;
  auto from = whole_number_param(call.request, "from", 0, 1, 9999);
  auto to = whole_number_param(call.request, "to", 0, 1, 9999);
  if (!from || !to) {
    a.problem = call.t("ui.search_bad_years");
    return a;
  }
  a.from = static_cast<int>(*from), a.to = static_cast<int>(*to);
  if (a.from && a.to && a.from > a.to) std::swap(a.from, a.to);
  // Both the query's year: and the URL's years must hold.
  if (a.from) a.base.year_from = std::max(a.base.year_from, a.from);
  if (a.to) a.base.year_to = a.base.year_to ? std::min(a.base.year_to, a.to) : a.to;
  for (const auto& f : kFacets) {
    std::string value = call.request.param(f.param);
    if (value.empty()) continue;
    if (!known_value(call, f.param, value)) {
      a.problem = call.t("ui.bad_filter") + " " + std::string(f.param) + "=" + value;
      return a;
    }
    a.url_filters.push_back({f.param, {std::string(f.param), value}});
    // Events, organizations and sources have a "type" too: this one is a facility's.
    if (!f.kind.empty()) a.url_filters.push_back({f.param, {"kind", std::string(f.kind)}});
  }
  a.base.offset = (a.page - 1) * per_page;
  a.base.limit = per_page;
  return a;
}

// The engine's request: the query, and the URL's filters except those of `without`.
search::SearchRequest request_of(const Asked& a, std::string_view without = "") {
  search::SearchRequest r = a.base;
  for (const auto& [param, filter] : a.url_filters)
    if (param != without) r.filters.push_back(filter);
  return r;
}

json part(std::string text, bool hit) {
  return {{"text", std::move(text)}, {"hit", hit}};
}

// The whole of `text` as parts, what the query matches marked: for names and titles.
json marked(std::string_view text, const search::Query& query) {
  json parts = json::array();
  std::size_t at = 0;
  for (const auto& [start, end] : search::match_ranges(text, query)) {
    if (start > at) parts.push_back(part(std::string(text.substr(at, start - at)), false));
    parts.push_back(part(std::string(text.substr(start, end - start)), true));
    at = end;
  }
  if (at < text.size()) parts.push_back(part(std::string(text.substr(at)), false));
  return parts;
}

// The texts of a record's public view a snippet may come from, best first: its name or
// title (in the other language, since the result's link shows it in this one), other
// names, its summary, then the rest of what its page shows.
struct SnippetTexts {
  std::vector<Text>& out;

  void add(const Text& t) {
    if (!t.empty()) out.push_back(t);
  }
  void operator()(const Person& p) {
    for (const auto& a : p.aliases) {
      Text t;
      t.zh = a.name;
      if (a.system != "chinese") t.en = a.name;  // pinyin, Uyghur ...: the same for everyone
      add(t);
    }
    for (const Text* t : {&p.summary, &p.status_note, &p.home_place, &p.ethnicity, &p.health})
      add(*t);
  }
  void operator()(const Case& c) {
    add(c.summary);
    for (const auto& charge : c.charges) add(charge.name);
    add(c.sentence.text);
  }
  void operator()(const Event& e) {
    add(e.notes);
    add(e.place);
  }
  void operator()(const Facility& f) {
    for (const auto& a : f.aliases) add(a);
    for (const Text* t : {&f.summary, &f.county, &f.authority, &f.legal_basis}) add(*t);
    for (const auto& report : f.conditions) add(report.text);
  }
  void operator()(const Organization& o) { add(o.summary); }
  void operator()(const Source& s) { add(s.publisher); }
  void operator()(const Topic& t) {
    add(t.summary);
    add(t.text);
  }
  void operator()(const Treaty& t) {
    add(t.summary);
    for (const auto& r : t.reservations) add(r);
  }
  void operator()(const Review& v) { add(v.summary); }
  void operator()(const Recommendation& c) {
    add(c.response_text);
    for (const auto& a : c.assessments) add(a.text);
  }
  void operator()(const Engagement& g) {
    for (const Text* t : {&g.summary, &g.parties, &g.field}) add(*t);
    for (const auto& c : g.commitments) add(c.text);
  }
  void operator()(const Indicator& n) {
    add(n.summary);
    for (const auto& a : n.assessments) add(a.text);
  }
};

std::vector<Text> snippet_texts(const Record& record) {
  std::vector<Text> out;
  SnippetTexts collect{out};
  collect.add(record.label());
  std::visit(collect, record.body);
  for (const auto& link : record.links) collect.add(link.note);
  return out;
}

// {"parts": [...], "snippet_lang": "en"}: the first of the texts, in the reader's language
// and then in the other one (English for Chinese readers, Chinese for English readers),
// where the query matches something; else the start of the first text. Texts the result
// already shows (its title) are skipped; null when there is nothing to show.
json best_snippet(const Call& call, const std::vector<Text>& texts, const search::Query& query,
                  const std::vector<std::string>& shown) {
  auto fresh = [&](const std::string& s) {
    return !s.empty() && std::find(shown.begin(), shown.end(), s) == shown.end();
  };
  auto result = [&](const i18n::Localized& l) {
    json out = {{"parts", json::array()}};
    for (const auto& p : search::snippet(l.text, query))
      out["parts"].push_back(part(p.text, p.hit));
    if (l.lang != call.lang) out["snippet_lang"] = i18n::html_lang(l.lang);
    return out;
  };
  i18n::Lang other = call.lang == i18n::Lang::kEn ? i18n::Lang::kZhHans : i18n::Lang::kEn;
  for (auto lang : {call.lang, other}) {
    for (const auto& t : texts) {
      auto l = i18n::localize(t, lang, call.site.script);
      if (l.lang == lang && fresh(l.text) && !search::match_ranges(l.text, query).empty())
        return result(l);
    }
  }
  for (const auto& t : texts) {
    auto l = i18n::localize(t, call.lang, call.site.script);
    if (fresh(l.text)) return result(l);
  }
  return nullptr;
}

// One result: kind, name or title (linked; an event links to its case), the other
// language's name for persons, a note (status, province ...; an event's date), a snippet.
json hit_item(Call& call, const Record& record, const search::Query& query) {
  json item = list_item(call, record);
  std::string title = item.value("text", "");
  std::vector<std::string> shown = {title};
  item["title"] = marked(title, query);
  if (item.contains("other")) {
    std::string other = item["other"];
    shown.push_back(other);
    item["other_parts"] = marked(other, query);
  }
  if (const auto* e = std::get_if<Event>(&record.body); e && !item.contains("note")) {
    std::string when = call.date(e->date);
    if (!when.empty()) item["note"] = when;
  }
  auto snippet = best_snippet(call, snippet_texts(record), query, shown);
  if (!snippet.is_null()) item["snippet"] = std::move(snippet);
  return item;
}

// The results of the engine as items, each from its record's public view.
json hit_items(Call& call, const search::SearchResult& result, const search::Query& query) {
  json items = json::array();
  for (const auto& hit : result.hits) {
    // The index holds public records only and is written with them; a record made
    // non-public since is simply not shown.
    auto record = call.public_record(hit.id);
    if (record) items.push_back(hit_item(call, *record, query));
  }
  return items;
}

// The counts of a facet's values among the results, most first; the status of persons and
// of cases is one facet (both are "status=").
std::vector<std::pair<std::string, std::int64_t>> counts_of(
    const Call& call, const FacetParam& f, const std::vector<search::FacetCount>& facets) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& c : facets) {
    if (c.name != f.param || (!f.kind.empty() && c.kind != f.kind)) continue;
    if (f.param == "topic" && !call.is_public(c.value)) continue;
    auto it =
        std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == c.value; });
    if (it == out.end())
      out.emplace_back(c.value, c.count);
    else
      it->second += c.count;
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

// One group of links per facet: "any" and each value with its count. A chosen facet's
// counts come from the same search without it, so its other values stay choices.
Result<json> facet_groups(Call& call, const Asked& asked, const search::SearchResult& result) {
  json groups = json::array();
  const std::string& path = call.request.path;
  for (const auto& f : kFacets) {
    std::string current = call.request.param(f.param);
    search::SearchResult without;
    if (!current.empty()) {
      auto request = request_of(asked, f.param);
      request.offset = 0;
      request.limit = 0;
      auto found = call.store().search(request);
      if (!found) return found.status();
      without = std::move(*found);
    }
    auto counts = counts_of(call, f, current.empty() ? result.facets : without.facets);
    if (counts.empty()) continue;
    json options = json::array();
    options.push_back({{"label", call.t("ui.filter_any")},
                       {"href", path + query_with(call.request, f.param, "")},
                       {"selected", current.empty()}});
    for (const auto& [value, n] : counts)
      options.push_back({{"label", value_label(call, f.param, f.kind, value)},
                         {"count", n},
                         {"href", path + query_with(call.request, f.param, value)},
                         {"selected", value == current}});
    groups.push_back({{"label", call.t(std::string(f.heading))}, {"options", std::move(options)}});
  }
  return groups;
}

json syntax_help(const Call& call) {
  json rows = json::array();
  for (const char* name : {"words", "phrase", "exclude", "name", "fields", "year"}) {
    std::string key = std::string("ui.search_syntax_") + name;
    rows.push_back({{"example", call.t(key)}, {"text", call.t(key + "_help")}});
  }
  return {{"intro", call.t("ui.search_intro")},
          {"heading", call.t("ui.search_help_heading")},
          {"rows", std::move(rows)}};
}

}  // namespace

http::Response search_page(Call& call) {
  Asked asked = read_asked(call, kPageSize);
  json hidden = json::array();
  for (const auto& f : kFacets) {
    std::string value = call.request.param(f.param);
    if (!value.empty()) hidden.push_back({{"name", f.param}, {"value", value}});
  }
  json data = {{"heading", call.t("ui.search")},
               {"action", call.url("/search")},
               {"q", asked.q},
               {"from", asked.from ? std::to_string(asked.from) : ""},
               {"to", asked.to ? std::to_string(asked.to) : ""},
               {"hidden", std::move(hidden)},
               {"t",
                {{"label", call.t("ui.search_label")},
                 {"button", call.t("ui.search_button")},
                 {"years", call.t("ui.search_years")},
                 {"from", call.t("ui.search_year_from")},
                 {"to", call.t("ui.search_year_to")},
                 {"bad_query", call.t("ui.search_bad_query")},
                 {"results", call.t("ui.search_results")},
                 {"filter", call.t("ui.filter_heading")},
                 {"none", call.t("ui.search_none")}}}};
  std::string title = call.t("ui.search");
  if (!asked.q.empty()) title += " · " + asked.q;

  if (!asked.problem.empty()) {
    json problem = {{"message", asked.problem}};
    if (asked.problem_in_english && call.lang != i18n::Lang::kEn) problem["lang"] = "en";
    data["problem"] = std::move(problem);
    data["help"] = syntax_help(call);
    auto r = call.page("search.mustache", std::move(data), title);
    if (r.status == 200) r.status = 400;
    return r;
  }
  if (call.for_mirror) {
    // A mirror has no server: its search page is the form and, for readers with JavaScript,
    // the script that searches the prebuilt index shards in search/ (mirror-search.js).
    data["mirror"] = {{"note", call.t("ui.mirror_search_note")},
                      {"script", call.site.assets.find("mirror-search.js")
                                     ? json(call.site.assets.url("mirror-search.js"))
                                     : json()}};
    return call.page("search.mustache", std::move(data), title);
  }
  if (asked.empty) {
    data["help"] = syntax_help(call);
    return call.page("search.mustache", std::move(data), title);
  }

  auto found = call.store().search(request_of(asked));
  if (!found) return call.error(503);
  auto facets = facet_groups(call, asked, *found);
  if (!facets) return call.error(503);
  data["results"] = true;
  data["hits"] = hit_items(call, *found, asked.base.query);
  data["first"] = std::to_string(asked.base.offset + 1);
  data["facets"] = std::move(*facets);
  // Past the matches the engine counts there may be more: offer the next page.
  std::int64_t total =
      found->complete ? found->total : std::max(found->total, asked.page * kPageSize + 1);
  data["pages"] = pagination(call, total, asked.page, kPageSize);
  if (!found->complete)
    data["partial"] = call.t("ui.search_total_partial", std::to_string(found->total));
  return call.page("search.mustache", std::move(data), title);
}

http::Response api_search(Call& call) {
  std::string lang = call.request.param("lang");
  auto chosen = i18n::lang_from_prefix(lang.empty() ? "en" : lang);
  if (!chosen) return json_error(400, "lang must be zh-hans, zh-hant or en");
  call.lang = *chosen;
  auto per_page = whole_number_param(call.request, "per_page", kPageSize, 1, 100);
  if (!per_page) return json_error(400, "per_page must be a whole number from 1 to 100");
  Asked asked = read_asked(call, *per_page);
  if (!asked.problem.empty()) return json_error(400, asked.problem);
  if (asked.empty)
    return json_error(400, "q is empty: give words to search for, as in q=liu+xiaobo");
  auto found = call.store().search(request_of(asked));
  if (!found) return json_error(503, "the database is not available; try again later");

  json data = json::array();
  for (const auto& hit : found->hits) {
    auto record = call.public_record(hit.id);
    if (!record) continue;
    json item = hit_item(call, *record, asked.base.query);
    json titles = json::object();
    for (auto l : i18n::all_langs()) {
      auto t = i18n::localize(record->label(), l, call.site.script);
      if (t.lang == l && !t.text.empty()) titles[std::string(i18n::html_lang(l))] = t.text;
    }
    json out = {{"id", record->id},
                {"kind", record->kind()},
                {"title", item.value("text", record->id)},
                {"titles", std::move(titles)},
                {"snippet", item.contains("snippet") ? item["snippet"]["parts"] : json::array()}};
    if (item.contains("href")) out["href"] = item["href"];
    data.push_back(std::move(out));
  }
  json facets = json::array();
  for (const auto& f : found->facets) {
    if (f.name == "topic" && !call.is_public(f.value)) continue;
    facets.push_back({{"name", f.name}, {"kind", f.kind}, {"value", f.value}, {"count", f.count}});
  }
  json meta = {{"page", asked.page},
               {"per_page", *per_page},
               {"total", found->total},
               {"total_is_exact", found->complete},
               {"facets", std::move(facets)}};
  const std::string& path = call.request.path;
  if (asked.page > 1) meta["prev"] = path + query_with_page(call.request, asked.page - 1);
  if (!found->complete || asked.page * *per_page < found->total)
    meta["next"] = path + query_with_page(call.request, asked.page + 1);
  json body = {{"data", std::move(data)}, {"meta", std::move(meta)}};
  // The links repeat what the client sent, which need not be UTF-8.
  return json_response(200, body.dump(-1, ' ', false, json::error_handler_t::replace));
}

}  // namespace jz::web
