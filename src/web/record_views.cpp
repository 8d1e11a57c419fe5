#include "web/record_views.hpp"

#include <algorithm>
#include <limits>
#include <set>

#include "i18n/date_format.hpp"

namespace jz::web {
namespace {

using nlohmann::json;

// "2008-12 – 2009-06" style span of a link, in words; "" when undated.
std::string span(Call& call, const Date& from, const Date& to) {
  if (!from && !to) return "";
  std::string f = call.date(from), t = call.date(to);
  if (f.empty()) return t;
  if (t.empty()) return f;
  return f + (call.lang == i18n::Lang::kEn ? " – " : "—") + t;
}

void add_citations(std::vector<const Citation*>& out, const std::vector<Citation>& cs) {
  for (const auto& c : cs) out.push_back(&c);
}

}  // namespace

json sources_of(Call& call, const Record& record) {
  std::vector<const Citation*> cites;
  add_citations(cites, record.sources);
  for (const auto& l : record.links) add_citations(cites, l.sources);
  if (const auto* f = std::get_if<Facility>(&record.body))
    for (const auto& c : f->conditions) add_citations(cites, c.sources);

  json out = json::array();
  std::vector<std::string> seen;
  for (const Citation* c : cites) {
    auto found = std::find(seen.begin(), seen.end(), c->source);
    if (found != seen.end()) {
      // The same source cited again: add the locator to its entry.
      auto& entry = out[static_cast<std::size_t>(found - seen.begin())];
      if (!c->locator.empty()) entry["locators"].push_back(c->locator);
      continue;
    }
    auto src = call.public_record(c->source);
    if (!src) continue;
    const auto& s = std::get<Source>(src->body);
    json entry = {{"title", call.text(s.title)},
                  {"href", call.url_of("source", src->id)},
                  {"locators", json::array()}};
    if (!c->locator.empty()) entry["locators"].push_back(c->locator);
    if (auto p = call.text(s.publisher); !p.is_null()) entry["publisher"] = p;
    if (s.published) entry["published"] = call.date(s.published);
    if (!s.reliability.empty()) {
      entry["reliability"] = call.label("reliability", s.reliability);
      entry["grade"] = s.reliability;
    }
    if (!s.url.empty()) entry["url"] = s.url;
    seen.push_back(c->source);
    out.push_back(std::move(entry));
  }
  for (auto& e : out)
    if (e["locators"].empty()) e.erase("locators");
  return out;
}

json links_of(Call& call, const Record& record) {
  json out = json::array();
  for (const auto& l : record.links) {
    auto target = call.ref(l.target);
    if (target.is_null()) continue;
    json row = {{"type", call.label("link_type", l.type)}, {"target", std::move(target)}};
    if (auto s = span(call, l.from, l.to); !s.empty()) row["dates"] = s;
    if (auto n = call.text(l.note); !n.is_null()) row["note"] = n;
    out.push_back(std::move(row));
  }
  return out;
}

namespace {

// Of `referrers` (the ids that point at `id`), the public records of `kind`, stopping after
// `most`; `more` when others were left out.
struct SomeReferring {
  std::vector<Record> records;
  bool more = false;
};
SomeReferring some_of(Call& call, std::string_view id, const std::vector<std::string>& referrers,
                      std::string_view kind, std::size_t most) {
  SomeReferring out;
  char letter = id_letter(kind);
  for (const auto& ref : referrers) {
    if (ref.empty() || ref[0] != letter) continue;
    auto r = call.public_record(ref);
    if (!r) continue;
    // The refs index is built from the whole record: a confidential link, citation or member
    // of a public record must not make it show up here. Keep it only if its public view
    // still points at `id`.
    auto shown = r->references();
    if (std::find(shown.begin(), shown.end(), id) == shown.end()) continue;
    // Only one that would be shown says there are more: a hidden one must not.
    if (out.records.size() == most) {
      out.more = true;
      break;
    }
    out.records.push_back(std::move(*r));
  }
  return out;
}

}  // namespace

std::vector<Record> referring(Call& call, std::string_view id, std::string_view kind) {
  auto ids = call.store().referrers(id);
  if (!ids) return {};
  return some_of(call, id, *ids, kind, std::numeric_limits<std::size_t>::max()).records;
}

json list_referring(Call& call, std::string_view id, std::initializer_list<const char*> kinds,
                    json& items) {
  auto ids = call.store().referrers(id);  // once for every kind
  if (!ids) return nullptr;
  bool more = false;
  for (const char* kind : kinds) {
    auto some = some_of(call, id, *ids, kind, kMostReferring);
    for (const auto& r : some.records) items.push_back(list_item(call, r));
    more |= some.more;
  }
  if (!more) return nullptr;
  return call.t("ui.first_shown", std::to_string(kMostReferring));
}

namespace {

void by_date(std::vector<Record>& events) {
  std::sort(events.begin(), events.end(), [](const Record& a, const Record& b) {
    return std::get<Event>(a.body).date < std::get<Event>(b.body).date;
  });
}

}  // namespace

json keep_latest(Call& call, std::vector<Record>& events) {
  if (events.size() <= kMostReferring) return nullptr;
  by_date(events);
  events.erase(events.begin(), events.end() - kMostReferring);
  return call.t("ui.latest_shown", std::to_string(kMostReferring));
}

json timeline(Call& call, std::vector<Record> events) {
  by_date(events);
  auto last = std::unique(events.begin(), events.end(),
                          [](const Record& a, const Record& b) { return a.id == b.id; });
  events.erase(last, events.end());
  json out = json::array();
  for (const auto& r : events) {
    const auto& e = std::get<Event>(r.body);
    json row = {{"id", r.id},
                {"date", i18n::format_date(e.date, call.lang)},
                {"type", call.label("event_type", e.type)}};
    // HTML's datetime takes 2008, 2008-12 or 2008-12-08, not EDTF's ranges and marks.
    const auto& from = e.date.from();
    if (!e.date.is_range() && !from.approximate && !from.uncertain) row["iso"] = e.date.to_string();
    if (auto t = call.text(e.title); !t.is_null()) row["title"] = t;
    if (auto p = call.text(e.place); !p.is_null()) row["place"] = p;
    if (auto n = call.text(e.notes); !n.is_null()) row["notes"] = n;
    if (auto f = call.ref(e.facility); !f.is_null()) row["facility"] = f;
    if (auto c = call.ref(e.case_id); !c.is_null()) row["case"] = c;
    json persons = json::array();
    for (const auto& p : e.persons)
      if (auto ref = call.ref(p); !ref.is_null()) persons.push_back(std::move(ref));
    if (!persons.empty()) row["persons"] = std::move(persons);
    out.push_back(std::move(row));
  }
  return out;
}

json charges_of(Call& call, const Case& c) {
  json out = json::array();
  for (const auto& ch : c.charges) {
    json row = {{"name", call.text(ch.name)}};
    if (!ch.law.empty() || !ch.article.empty()) {
      std::string law = call.label("charge_law", ch.law);
      if (!ch.article.empty()) {
        law += (law.empty() ? "" : " ") + call.t("ui.article", ch.article);
      }
      row["law"] = law;
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::string sentence_of(Call& call, const Sentence& s) {
  if (s.empty()) return "";
  std::string out = call.label("sentence_type", s.type);
  if (s.years || s.months) {
    if (!out.empty()) out += call.lang == i18n::Lang::kEn ? ", " : "，";
    out += i18n::format_duration_years_months(s.years, s.months, call.lang);
  }
  if (s.ends) {
    if (!out.empty()) out += call.lang == i18n::Lang::kEn ? "; " : "；";
    out += call.t("ui.sentence_ends") + " " + call.date(s.ends);
  }
  if (auto t = call.str(s.text); !t.empty()) out += out.empty() ? t : " (" + t + ")";
  return out;
}

void add_fact(json& facts, const Call& call, std::string_view label_key, std::string value) {
  if (!value.empty()) facts.push_back({{"label", call.t(label_key)}, {"value", std::move(value)}});
}

json list_item(Call& call, const Record& r) {
  json item = call.ref(r.id);
  if (item.is_null()) item = {{"text", r.id}, {"href", call.url_of(r.kind(), r.id)}};
  std::string note;
  auto add = [&](const std::string& s) {
    if (s.empty()) return;
    if (!note.empty()) note += " · ";
    note += s;
  };
  std::visit(
      [&](const auto& b) {
        using T = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<T, Person>) {
          add(call.label("person_status", b.status));
          add(call.label("province", b.province));
        } else if constexpr (std::is_same_v<T, Case>) {
          add(call.label("case_status", b.status));
        } else if constexpr (std::is_same_v<T, Facility> || std::is_same_v<T, Organization>) {
          add(call.label(std::is_same_v<T, Facility> ? "facility_type" : "organization_type",
                         b.type));
          add(call.label("province", b.province));
        } else if constexpr (std::is_same_v<T, Source>) {
          add(call.str(b.publisher));
          add(call.date(b.published));
          if (!b.reliability.empty()) add(call.label("reliability", b.reliability));
        }
      },
      r.body);
  if (!note.empty()) item["note"] = note;
  // The English name beside the Chinese one (and the other way round) helps readers of both.
  if (r.kind() == "person") {
    const auto& p = std::get<Person>(r.body);
    const std::string& other = call.lang == i18n::Lang::kEn ? p.name.zh : p.name.en;
    if (!other.empty() && other != item.value("text", ""))
      item["other"] = call.lang == i18n::Lang::kEn ? call.site.script.to_simplified(other) : other;
  }
  return item;
}

}  // namespace jz::web
