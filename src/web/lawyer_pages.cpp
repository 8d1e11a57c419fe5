// Lawyers. For readers: every public lawyer in China with their licence history (not
// renewed, suspended, revoked), the harassment and reprisals they met, and the cases they
// took as counsel. For the team: the partner lawyers outside China ranked for one case
// (partner_match.hpp), with the case's assignments, which are its links "represented_by".
#include <algorithm>
#include <array>
#include <set>

#include "core/vocabulary.hpp"
#include "i18n/date_format.hpp"
#include "store/each_public.hpp"
#include "web/handlers.hpp"
#include "web/list_query.hpp"
#include "web/partner_match.hpp"
#include "web/record_views.hpp"
#include "web/workspace.hpp"

namespace jz::web {
namespace {

using nlohmann::json;
using namespace std::string_view_literals;

constexpr std::int64_t kPageSize = 50;
// Read in batches of this many persons: a whole list is gathered before it is ranked.
constexpr std::int64_t kBatch = 500;

// What happened to a lawyer's licence, and what was done to the lawyer, from events that
// name them in `persons`.
constexpr std::array kLicenceEvents{"licence_not_renewed"sv, "licence_suspended"sv,
                                    "licence_revoked"sv};
constexpr std::array kHarassmentEvents{"harassment"sv, "taken_away"sv, "disappearance"sv,
                                       "torture_reported"sv};

template <std::size_t N>
bool among(const std::array<std::string_view, N>& list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

// A localised text with its own `lang` (false when it is in the reader's language): nested
// in a row that has a `lang`, Mustache would otherwise mark it with the row's.
json own_text(const Call& call, const Text& t) {
  json out = call.text(t);
  if (out.is_object() && !out.contains("lang")) out["lang"] = false;
  return out;
}

// "2009-05 – 2010" for a link's dates; "" when undated.
std::string span(const Call& call, const Date& from, const Date& to) {
  if (!from && !to) return "";
  std::string dash = call.lang == i18n::Lang::kEn ? " – " : "—";
  return call.date(from) + dash + call.date(to);
}

// Events newest first, as rows: date, type, title, the case they belong to.
json event_rows(Call& call, std::vector<const Record*> events) {
  std::sort(events.begin(), events.end(), [](const Record* a, const Record* b) {
    const auto &x = std::get<Event>(a->body), &y = std::get<Event>(b->body);
    return x.date != y.date ? y.date < x.date : a->id < b->id;
  });
  json out = json::array();
  for (const Record* r : events) {
    const auto& e = std::get<Event>(r->body);
    json row = {{"date", i18n::format_date(e.date, call.lang)},
                {"type", call.label("event_type", e.type)},
                {"title", own_text(call, e.title)},
                {"case", nullptr}};
    const auto& from = e.date.from();
    if (!e.date.is_range() && !from.approximate && !from.uncertain) row["iso"] = e.date.to_string();
    if (auto c = call.ref(e.case_id); !c.is_null()) {
      if (!c.contains("lang")) c["lang"] = false;
      row["case"] = std::move(c);
    }
    out.push_back(std::move(row));
  }
  return out;
}

// Whether public case `c` names `lawyer` as its counsel: in `lawyers`, or by a link
// represented_by (public_view has already dropped the links the public may not see).
const Link* counsel_link(const Record& c, const std::string& lawyer) {
  for (const auto& l : c.links)
    if (l.type == "represented_by" && l.target == lawyer) return &l;
  return nullptr;
}

json lawyer_row(Call& call, const Record& r) {
  const auto& p = std::get<Person>(r.body);
  json row = list_item(call, r);
  for (const char* key : {"lang", "other", "note"})
    if (!row.contains(key)) row[key] = false;
  row["id"] = r.id;
  row["bar"] = own_text(call, p.lawyer.bar);

  std::vector<Record> events = referring(call, r.id, "event");
  std::vector<const Record*> licence, harassment;
  for (const auto& e : events) {
    const auto& body = std::get<Event>(e.body);
    // The public view of the event must still name the lawyer (referring() checked it).
    if (among(kLicenceEvents, body.type)) licence.push_back(&e);
    if (among(kHarassmentEvents, body.type)) harassment.push_back(&e);
  }
  row["licence"] = event_rows(call, std::move(licence));
  row["harassment"] = event_rows(call, std::move(harassment));

  json cases = json::array();
  for (const auto& c : referring(call, r.id, "case")) {
    const auto& body = std::get<Case>(c.body);
    const Link* link = counsel_link(c, r.id);
    bool listed = std::find(body.lawyers.begin(), body.lawyers.end(), r.id) != body.lawyers.end();
    if (!link && !listed) continue;  // a case about the lawyer, not one they defend in
    json ref = call.ref(c.id);
    if (ref.is_null()) continue;
    if (!ref.contains("lang")) ref["lang"] = false;
    ref["dates"] = link ? or_null(span(call, link->from, link->to)) : json();
    cases.push_back(std::move(ref));
  }
  row["cases"] = std::move(cases);
  return row;
}

// The persons a team member may read, in slug order, that `keep` accepts.
template <typename F>
Result<std::vector<Record>> team_persons(Call& call, store::Workflow& workflow, F keep) {
  std::vector<Record> out;
  for (std::int64_t offset = 0;; offset += kBatch) {
    auto batch = call.store().list("person", offset, kBatch);
    if (!batch) return batch.status();
    for (auto& r : *batch) {
      if (!r.merged_into.empty() || !keep(r)) continue;
      auto allowed = workflow.can_read(r);
      if (!allowed) return allowed.status();
      if (*allowed) out.push_back(std::move(r));
    }
    if (batch->size() < static_cast<std::size_t>(kBatch)) break;
  }
  return out;
}

std::string team_href(const Call& call, const std::string& id) {
  return call.url("/workspace/records/" + id);
}

}  // namespace

http::Response lawyers_page(Call& call) {
  auto page = page_number(call.request);
  if (!page) return call.error(400, call.t("ui.bad_page"));
  // Every public person of group lawyer, in the persons list's order, read whole: partners
  // abroad are left out by a field of their public view, which the facets do not hold.
  std::vector<Record> lawyers;
  auto listed =
      store::each_public(call.store(), call.visible,
                         {.kind = "person", .filters = {{"group", "lawyer"}}}, [&](Record r) {
                           if (!std::get<Person>(r.body).lawyer.foreign)
                             lawyers.push_back(std::move(r));
                           return Status::ok();
                         });
  if (!listed) return call.error(503);
  const auto total = static_cast<std::int64_t>(lawyers.size());
  const std::int64_t first = (*page - 1) * kPageSize;
  if (*page > 1 && first >= total) return call.error(404);
  json rows = json::array();
  for (std::int64_t i = first; i < std::min(total, first + kPageSize); ++i)
    rows.push_back(lawyer_row(call, lawyers[static_cast<std::size_t>(i)]));

  json data = {{"heading", call.t("ui.lawyers")},
               {"intro", call.t("ui.lawyers_intro")},
               {"none", call.t("ui.lawyers_none")},
               {"lawyers", std::move(rows)},
               {"pages", pagination(call, total, *page, kPageSize)},
               {"t",
                {{"bar", call.t("field.lawyer_bar")},
                 {"licence", call.t("ui.lawyers_licence")},
                 {"harassment", call.t("ui.lawyers_harassment")},
                 {"cases", call.t("ui.lawyers_cases")}}}};
  return call.page("lawyers.mustache", std::move(data), call.t("ui.lawyers"));
}

http::Response case_partners(Call& call) {
  store::Workflow workflow(call.store(), actor_of(call));
  auto record = workflow.read(call.id);
  if (!record) return call.error(record.status());
  if (record->kind() != "case") return call.error(404);
  const auto& c = std::get<Case>(record->body);

  // What the case needs, from the records around it that this account may read.
  std::vector<Person> persons;
  for (const auto& id : c.persons)
    if (auto p = workflow.read(id); p && p->kind() == "person")
      persons.push_back(std::get<Person>(p->body));
  std::vector<Event> events;
  auto referrers = call.store().referrers(record->id);
  if (!referrers) return call.error(referrers.status());
  for (const auto& id : *referrers)
    if (auto e = workflow.read(id); e && e->kind() == "event")
      if (const auto& body = std::get<Event>(e->body); body.case_id == record->id)
        events.push_back(body);
  const CaseNeeds needs = case_needs(c, events, persons);
  std::string need_words;
  for (auto key : needs_list(needs))
    need_words += (need_words.empty()             ? ""
                   : call.lang == i18n::Lang::kEn ? "; "
                                                  : "；") +
                  call.t("ui.partners_because_" + std::string(key));

  // Assignments: the case's links represented_by, current (no end yet) then past, each
  // newest first.
  json current = json::array(), past = json::array();
  std::vector<const Link*> assignments;
  for (const auto& l : record->links)
    if (l.type == "represented_by") assignments.push_back(&l);
  std::stable_sort(assignments.begin(), assignments.end(),
                   [](const Link* a, const Link* b) { return b->from < a->from; });
  std::set<std::string> assigned;
  for (const Link* l : assignments) {
    auto target = workflow.read(l->target);
    json row = {
        {"id", l->target},
        {"name", target ? json(call.title_of(*target)) : json()},
        {"href", target ? json(team_href(call, l->target)) : json()},
        {"from", or_null(call.date(l->from))},
        {"to", or_null(call.date(l->to))},
        {"note", or_null(call.str(l->note))},
        {"visibility",
         l->visibility == "public" ? json() : json(call.label("visibility", l->visibility))}};
    if (l->to) {
      past.push_back(std::move(row));
    } else {
      assigned.insert(l->target);
      current.push_back(std::move(row));
    }
  }

  // Partners: every lawyer abroad this account may read, ranked; ties by name.
  auto partners = team_persons(
      call, workflow, [](const Record& r) { return std::get<Person>(r.body).lawyer.foreign; });
  if (!partners) return call.error(partners.status());
  struct Ranked {
    const Record* record;
    PartnerMatch match;
    std::string name;
  };
  std::vector<Ranked> ranked;
  for (const auto& r : *partners)
    if (auto m = match_partner(std::get<Person>(r.body).lawyer, needs))
      ranked.push_back({&r, std::move(*m), call.title_of(r)});
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    return a.match.score != b.match.score ? a.match.score > b.match.score : a.name < b.name;
  });
  json rows = json::array();
  for (const auto& [r, match, name] : ranked) {
    const Lawyer& l = std::get<Person>(r->body).lawyer;
    std::string languages, expertise;
    for (const auto& code : l.languages) languages += (languages.empty() ? "" : ", ") + code;
    for (const auto& e : l.expertise)
      expertise += (expertise.empty() ? "" : ", ") + call.label("lawyer_expertise", e);
    json reasons = json::array();
    for (const auto& why : match.reasons) {
      std::string what = why.what == "expertise"  ? call.label("lawyer_expertise", why.value)
                         : why.what == "language" ? call.t("ui.partners_language", why.value)
                                                  : call.label("lawyer_availability", why.value);
      reasons.push_back(
          {{"points", why.points},
           {"what", what},
           {"because", why.because.empty()
                           ? json()
                           : json(call.t("ui.partners_because_" + std::string(why.because)))}});
    }
    rows.push_back({{"name", name},
                    {"href", team_href(call, r->id)},
                    {"id", r->id},
                    {"score", match.score},
                    {"reasons", std::move(reasons)},
                    {"languages", or_null(languages)},
                    {"expertise", or_null(expertise)},
                    {"availability", or_null(call.label("lawyer_availability", l.availability))},
                    {"visibility", call.label("visibility", r->visibility)},
                    {"assigned", assigned.contains(r->id)}});
  }

  std::string title = call.t("ui.partners_title", call.title_of(*record));
  json data = {
      {"title", title},
      {"case", {{"name", call.title_of(*record)}, {"href", team_href(call, record->id)}}},
      {"needs", or_null(need_words)},
      {"current", std::move(current)},
      {"past", std::move(past)},
      {"partners", std::move(rows)},
      {"t",
       words(call, "ui.partners_",
             {"intro",          "needs",         "no_needs",    "ranked",    "score",
              "reasons",        "assigned",      "assignments", "current",   "past",
              "no_assignments", "how_to_assign", "languages",   "expertise", "availability",
              "visibility",     "none",          "from",        "to",        "hidden_target"})}};
  return call.page("partners.mustache", std::move(data), title);
}

}  // namespace jz::web
