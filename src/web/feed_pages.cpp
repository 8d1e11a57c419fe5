// Atom feeds (RFC 4287) for feed readers: /{lang}/cases/{id}/feed.atom (the case, its
// events and its violated clocks) and /{lang}/violations.atom (every violation /violations
// lists). Everything comes through the one redaction path, as on every page; the feeds
// carry titles, dates and links, no page content, and load nothing.
#include <algorithm>
#include <array>

#include "core/utf8.hpp"
#include "i18n/date_format.hpp"
#include "web/feeds.hpp"
#include "web/handlers.hpp"
#include "web/legal_clock.hpp"
#include "web/record_views.hpp"
#include "web/violations.hpp"

namespace jz::web {

using nlohmann::json;

namespace {

// Atom ids: tag URIs (RFC 4151) from the record ids, so they stay the same when a record is
// renamed or the site moves. The reader's language is part of them: each language's feed
// has entries of its own.
std::string tag(const Call& call, std::string_view rest) {
  std::string out = "tag:jianzheng,2026:";
  out += i18n::html_lang(call.lang);
  out += ':';
  out += rest;
  return out;
}

struct Entry {
  std::string updated;
  std::string id;
  json data;
};

Entry entry(const Call& call, std::string_view key, std::string updated, const json& title,
            std::string href, std::string summary) {
  std::string id = tag(call, key);
  json data = {{"id", id},
               {"title", title.is_null() ? json(std::string(key)) : title.at("text")},
               {"title_lang", title.is_object() && title.contains("lang") ? title["lang"] : json()},
               {"updated", updated},
               {"href", std::move(href)},
               {"summary", or_null(std::move(summary))}};
  return {std::move(updated), std::move(id), std::move(data)};
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += " · ";
    out += p;
  }
  return out;
}

// j[key], or null when j is not an object with that key.
const json& member(const json& j, const char* key) {
  static const json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

// "8 December 2008, residential surveillance" from clock_row()'s start or end.
std::string step(const json& ref) {
  if (!ref.is_object()) return "";
  std::string date = str(ref, "date"), type = str(ref, "type");
  return date.empty() || type.empty() ? date + type : date + ", " + type;
}

// A violated clock: its summary (or "No legal basis" and the step) as title, after the
// case's title in the list of every case; state, amount, person, steps and article as
// summary; linked to the case's legal clock.
Entry violation_entry(const Call& call, const Violation& v, bool with_case) {
  const json& row = v.row;
  // A holding without legal basis: its summary is the paragraph that says why; the title
  // says what it is.
  json title =
      v.clock.no_basis
          ? json{{"text", join({str(row, "state_label"), str(member(row, "start"), "type")})}}
          : member(row, "summary");
  if (with_case && member(row, "case").is_object()) {
    std::string text = str(member(row, "case"), "text");
    if (!title.is_null()) text += " · " + str(title, "text");
    title = {{"text", text}};
  }
  std::string steps = step(member(row, "start"));
  if (auto end = step(member(row, "end")); !end.empty()) steps += " → " + end;
  std::string summary =
      join({str(row, "state_label"), str(row, "amount"),
            member(row, "person").is_object() ? str(member(row, "person"), "text") : "", steps,
            str(row, "law")});
  return entry(call, violation_key(v), v.updated, title,
               call.url_of("case", v.case_id) + "#legal-clock", summary);
}

void make_xml_safe(json& j) {
  if (j.is_string()) {
    j = xml_safe(j.get_ref<const std::string&>());
  } else if (j.is_structured()) {
    for (auto& v : j) make_xml_safe(v);
  }
}

constexpr std::size_t kFeedEntries = 50;
constexpr std::array<std::string_view, 11> kFeedKinds = {
    "person", "case",   "facility",       "organization", "source",   "topic",
    "treaty", "review", "recommendation", "engagement",   "indicator"};

// A record as an entry: its name or title, its kind (and an event's date) as summary, linked
// to its page, or an event to its place on its case's page.
Entry record_entry(const Call& call, const Record& r) {
  std::string kind = call.t("kinds." + std::string(r.kind()));
  std::string href;
  std::string summary = kind;
  if (const auto* e = std::get_if<Event>(&r.body)) {
    if (e->case_id.empty() || !call.is_public(e->case_id)) return {};
    href = call.url_of("case", e->case_id) + "#" + r.id;
    if (auto date = i18n::format_date(e->date, call.lang); !date.empty()) summary += ", " + date;
  } else {
    href = call.url_of(r.kind(), r.id);
  }
  return entry(call, r.id, r.updated, {{"text", call.title_of(r)}}, href, summary);
}

// The feed: entries newest first, the feed updated when its newest entry was.
http::Response atom(Call& call, json feed, std::vector<Entry> entries) {
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.updated != b.updated ? a.updated > b.updated : a.id < b.id;
  });
  json list = json::array();
  for (auto& e : entries)
    if (!e.id.empty()) list.push_back(std::move(e.data));
  feed["lang"] = i18n::html_lang(call.lang);
  feed["author"] = call.t("ui.site_name");
  feed["updated"] = entries.empty() ? std::string("1970-01-01T00:00:00Z") : entries.front().updated;
  feed["entries"] = std::move(list);
  make_xml_safe(feed);
  auto xml = call.site.templates.render("feed.mustache", feed);
  if (!xml) return call.error(500);
  http::Response r;
  r.content_type = "application/atom+xml; charset=utf-8";
  r.body = std::move(*xml);
  r.headers.emplace_back("Content-Language", std::string(i18n::html_lang(call.lang)));
  return r;
}

}  // namespace

std::string xml_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    auto bad = first_invalid_utf8(text);
    std::string_view good = text.substr(0, bad.value_or(text.size()));
    for (std::size_t i = 0; i < good.size(); ++i) {
      auto c = static_cast<unsigned char>(good[i]);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
      // U+FFFE and U+FFFF: EF BF BE, EF BF BF.
      if (c == 0xEF && i + 2 < good.size() && static_cast<unsigned char>(good[i + 1]) == 0xBF &&
          (static_cast<unsigned char>(good[i + 2]) & 0xFE) == 0xBE) {
        i += 2;
        continue;
      }
      out += good[i];
    }
    if (!bad) break;
    out += "\xEF\xBF\xBD";
    text.remove_prefix(*bad + 1);
  }
  return out;
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : xml_safe(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

json feed_link(const Call& call, std::string_view tmpl) {
  if (tmpl == "case.mustache")
    return {{"href", call.url_of("case", call.id) + "/feed.atom"},
            {"title", call.t("ui.feed_case")}};
  if (tmpl == "violations.mustache")
    return {{"href", call.url("/violations.atom")}, {"title", call.t("ui.feed_violations")}};
  if (tmpl == "home.mustache")
    return {{"href", call.url("/feed.atom")}, {"title", call.t("ui.feed_site")}};
  if (tmpl == "topic.mustache")
    return {{"href", call.url_of("topic", call.id) + "/feed.atom"},
            {"title", call.t("ui.feed_topic")}};
  return nullptr;
}

http::Response case_feed(Call& call) {
  auto record = call.public_record(call.id);
  if (!record || record->kind() != "case") return call.error(404);
  const auto& c = std::get<Case>(record->body);
  std::string page = call.url_of("case", record->id);
  std::vector<Entry> entries;
  entries.push_back(entry(call, record->id, record->updated, call.text(c.title), page,
                          call.label("case_status", c.status)));
  auto events = events_of_case(call, *record);
  for (const auto& r : events) {
    const auto& e = std::get<Event>(r.body);
    std::string type = call.label("event_type", e.type);
    json title = call.text(e.title);
    if (title.is_null()) title = {{"text", type}};
    std::string date = i18n::format_date(e.date, call.lang);
    entries.push_back(entry(call, r.id, r.updated, title, page + "#" + r.id,
                            date.empty() ? type : date + ", " + type));
  }
  for (const auto& v : violations_of_case(call, *record, events))
    entries.push_back(violation_entry(call, v, false));
  json feed = {{"id", tag(call, record->id + "/feed")},
               {"title", call.title_of(*record) + " · " + call.t("ui.site_name")},
               {"self", page + "/feed.atom"},
               {"page", page}};
  return atom(call, std::move(feed), std::move(entries));
}

http::Response site_feed(Call& call) {
  std::vector<Entry> entries;
  for (std::string_view kind : kFeedKinds) {
    store::ListQuery q;
    q.kind = kind;
    q.order = store::ListQuery::Order::kRecentlyUpdated;
    q.limit = kFeedEntries;
    auto page = call.store().list_public(q);
    if (!page) return call.error(503);
    for (const auto& r : page->records)
      if (auto shown = public_view(r, call.visible)) entries.push_back(record_entry(call, *shown));
  }
  // Only the newest of all kinds together.
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.updated != b.updated ? a.updated > b.updated : a.id < b.id;
  });
  if (entries.size() > kFeedEntries) entries.resize(kFeedEntries);
  json feed = {{"id", tag(call, "updates")},
               {"title", call.t("ui.latest_updates") + " · " + call.t("ui.site_name")},
               {"self", call.url("/feed.atom")},
               {"page", call.url("/")}};
  return atom(call, std::move(feed), std::move(entries));
}

http::Response topic_feed(Call& call) {
  auto record = call.public_record(call.id);
  if (!record || record->kind() != "topic") return call.error(404);
  std::vector<Entry> entries;
  entries.push_back(record_entry(call, *record));
  store::ListQuery q;
  q.kind = "case";
  q.filters.push_back({"topic", record->id});
  q.order = store::ListQuery::Order::kRecentlyUpdated;
  q.limit = kFeedEntries;
  auto cases = call.store().list_public(q);
  if (!cases) return call.error(503);
  for (const auto& r : cases->records)
    if (auto shown = public_view(r, call.visible)) entries.push_back(record_entry(call, *shown));
  for (const char* kind : {"person", "organization", "facility", "source", "event"})
    for (const auto& r : referring(call, record->id, kind))
      entries.push_back(record_entry(call, r));
  std::string page = call.url_of("topic", record->id);
  json feed = {{"id", tag(call, record->id + "/feed")},
               {"title", call.title_of(*record) + " · " + call.t("ui.site_name")},
               {"self", page + "/feed.atom"},
               {"page", page}};
  return atom(call, std::move(feed), std::move(entries));
}

http::Response violations_feed(Call& call) {
  auto found = all_violations(call);
  if (!found) return call.error(503);
  std::vector<Entry> entries;
  for (const auto& v : *found) entries.push_back(violation_entry(call, v, true));
  json feed = {{"id", tag(call, "violations")},
               {"title", call.t("ui.violations") + " · " + call.t("ui.site_name")},
               {"self", call.url("/violations.atom")},
               {"page", call.url("/violations")}};
  return atom(call, std::move(feed), std::move(entries));
}

}  // namespace jz::web
