// Dialogues and programmes: the list of every public engagement with its commitments counted,
// and one engagement's public scorecard — ground rules, commitments with their evidence, the
// score, and the rounds in order with the persons and cases raised at each and where they are
// now (engagement_scorecard.hpp computes it; this file turns it into template values).
#include <set>

#include "core/vocabulary.hpp"
#include "store/each_public.hpp"
#include "web/assessment_views.hpp"
#include "web/engagement_scorecard.hpp"
#include "web/handlers.hpp"
#include "web/record_views.hpp"
#include "web/trend_chart.hpp"

namespace jz::web {
namespace {

using nlohmann::json;

constexpr std::string_view kStatuses[] = {"kept", "partly_kept", "broken", "pending", "unclear"};

// A localised text with its own `lang` (false when in the reader's language), so that a
// section around it never takes a `lang` from further out.
json own_text(const Call& call, const Text& t) {
  json out = call.text(t);
  if (out.is_object() && !out.contains("lang")) out["lang"] = false;
  return out;
}

std::string separator(const Call& call) {
  return call.lang == i18n::Lang::kEn ? ", " : "\uFF0C";
}

// "{kept} of {total} commitments kept, {n} partly, {n} broken ...": the parts that are not 0.
std::string score_line(const Call& call, const CommitmentCounts& c) {
  if (c.total() == 0) return call.t("ui.score_none");
  std::string out = call.t(c.total() == 1 ? "ui.score_head_one" : "ui.score_head");
  auto fill = [&](std::string_view name, int n) {
    for (auto at = out.find(name); at != std::string::npos; at = out.find(name))
      out.replace(at, name.size(), std::to_string(n));
  };
  fill("{kept}", c.kept);
  fill("{total}", c.total());
  for (auto [key, n] : {std::pair{"ui.score_partly", c.partly_kept},
                        {"ui.score_broken", c.broken},
                        {"ui.score_pending", c.pending},
                        {"ui.score_unclear", c.unclear}})
    if (n > 0) out += separator(call) + call.t(key, std::to_string(n));
  return out;
}

// The score as a bar; "" when no commitment is recorded (the line says so).
std::string score_bar(const Call& call, const CommitmentCounts& c) {
  if (c.total() == 0) return "";
  std::vector<BarPart> parts;
  for (auto [key, n] : {std::pair{"kept", c.kept},
                        {"partly_kept", c.partly_kept},
                        {"broken", c.broken},
                        {"pending", c.pending},
                        {"unclear", c.unclear}})
    parts.push_back({.count = n, .key = key, .label = call.label("commitment_status", key)});
  return bar_svg(parts, score_line(call, c));
}

// "2010–2016", "2010–" (ongoing), "" when undated: years only, as the list compares them.
std::string years_of(const Call& call, const Engagement& g) {
  auto year = [](const Date& d) { return d ? std::to_string(d->from().year) : std::string(); };
  std::string from = year(g.from), to = year(g.to);
  if (from.empty()) return to;
  if (to.empty()) return call.t("ui.engagement_since", from);
  return from == to ? from : from + "\u2013" + to;
}

json engagement_row(Call& call, const Record& r) {
  const auto& g = std::get<Engagement>(r.body);
  auto counts = count_commitments(g);
  const Text& who = g.type == "programme" && !g.funder.empty() ? g.funder
                    : g.parties.empty()                        ? g.funder
                                                               : g.parties;
  return {{"href", call.url_of("engagement", r.id)},
          {"name", own_text(call, g.name)},
          {"type", call.label("engagement_type", g.type)},
          {"who", own_text(call, who)},
          {"years", years_of(call, g)},
          {"rounds", g.rounds.size()},
          {"score", score_line(call, counts)},
          {"bar", or_null(score_bar(call, counts))}};
}

// The public views of the persons and cases a round names or that link raised_in to its event.
std::vector<Record> named_by_rounds(Call& call, const Engagement& g) {
  std::vector<Record> out;
  std::set<std::string> seen;
  auto keep = [&](Record r) {
    if (seen.insert(r.id).second) out.push_back(std::move(r));
  };
  for (const auto& round : g.rounds) {
    for (const auto& id : round.raised)
      if (!seen.count(id))
        if (auto r = call.public_record(id)) keep(std::move(*r));
    if (round.event.empty()) continue;
    for (const char* kind : {"person", "case"})
      for (auto& r : referring(call, round.event, kind)) keep(std::move(r));
  }
  return out;
}

std::string status_of(const Call& call, const Record& r) {
  if (const auto* p = std::get_if<Person>(&r.body)) return call.label("person_status", p->status);
  if (const auto* c = std::get_if<Case>(&r.body)) return call.label("case_status", c->status);
  return "";
}

// "raised in May 2010, still detained"; "raised in May 2010" when no longer held.
std::string raised_history(const Call& call, const Record& r, const Date& first) {
  std::string out = call.t("ui.raised_in", call.date(first));
  if (const auto* p = std::get_if<Person>(&r.body); p && held_status(p->status))
    out += separator(call) + call.t("ui.still_" + p->status);
  return out;
}

json raised_ref(Call& call, const Record& r) {
  json ref = call.ref(r.id);
  if (!ref.contains("lang")) ref["lang"] = false;
  return ref;
}

json commitment_rows(Call& call, const Engagement& g) {
  json out = json::array();
  for (const auto& c : g.commitments) {
    out.push_back({{"text", own_text(call, c.text)},
                   {"made", or_null(call.date(c.made))},
                   {"benchmark", own_text(call, c.benchmark)},
                   {"key", c.status},
                   {"status", call.label("commitment_status", c.status)},
                   {"assessed", or_null(call.date(c.assessed))},
                   {"cites", citations_of(call, c.sources)},
                   {"evidence", evidence_of(call, c.evidence)}});
  }
  return out;
}

json round_rows(Call& call, const Engagement& g, const Scorecard& card,
                const std::vector<Record>& named) {
  auto record = [&](const std::string& id) -> const Record& {
    return *std::find_if(named.begin(), named.end(), [&](const Record& r) { return r.id == id; });
  };
  auto date_at = [&](std::size_t pos) -> const Date& {
    return g.rounds[card.rounds[pos].index].date;
  };
  json out = json::array();
  for (std::size_t pos = 0; pos < card.rounds.size(); ++pos) {
    const auto& sr = card.rounds[pos];
    const auto& round = g.rounds[sr.index];
    json raised = json::array();
    for (const auto& r : sr.raised) {
      const Record& rec = record(r.id);
      raised.push_back(
          {{"ref", raised_ref(call, rec)},
           {"status", or_null(status_of(call, rec))},
           {"history",
            r.first_round ? json(raised_history(call, rec, date_at(*r.first_round))) : json()}});
    }
    json still = json::array();
    for (const auto& s : sr.still_held) {
      const Record& rec = record(s.id);
      still.push_back({{"ref", raised_ref(call, rec)},
                       {"history", raised_history(call, rec, date_at(s.first_round))}});
    }
    json opportunity;
    if (auto e = call.public_record(round.event);
        e && e->kind() == "event" &&
        vocab::contains(vocab::opportunity_types(), std::get<Event>(e->body).type))
      opportunity = {{"href", call.url("/opportunities/" + e->id)},
                     {"label", call.t("ui.round_opportunity")}};
    out.push_back({{"n", pos + 1},
                   {"date", call.date(round.date)},
                   {"place", own_text(call, round.place)},
                   {"agenda", own_text(call, round.agenda)},
                   {"civil_society", own_text(call, round.civil_society)},
                   {"outcomes", own_text(call, round.outcomes)},
                   {"progress", own_text(call, round.progress)},
                   {"opportunity", std::move(opportunity)},
                   {"raised", std::move(raised)},
                   {"still_held", std::move(still)}});
  }
  return out;
}

}  // namespace

http::Response engagement_list(Call& call) {
  json rows = json::array();
  auto listed =
      store::each_public(call.store(), call.visible, {.kind = "engagement"}, [&](Record r) {
        rows.push_back(engagement_row(call, r));
        return Status::ok();
      });
  if (!listed) return call.error(listed);
  json data = {{"heading", call.t("kinds.engagement")},
               {"intro", call.t("ui.engagements_intro")},
               {"rows", std::move(rows)},
               {"t",
                {{"none", call.t("ui.engagements_none")},
                 {"name", call.t("ui.engagement_name")},
                 {"type", call.t("ui.engagement_type")},
                 {"who", call.t("ui.engagement_parties_or_funder")},
                 {"years", call.t("ui.engagement_years")},
                 {"rounds", call.t("ui.engagement_rounds_count")},
                 {"commitments", call.t("ui.engagement_commitments")}}}};
  return call.page("engagements.mustache", std::move(data), call.t("kinds.engagement"));
}

http::Response engagement_page(Call& call) {
  auto record = call.public_record(call.id);
  if (!record || record->kind() != "engagement") return call.error(404);
  const auto& g = std::get<Engagement>(record->body);
  std::vector<Record> named = named_by_rounds(call, g);
  Scorecard card = make_scorecard(g, named);

  json facts = json::array();
  auto fact = [&](const char* key, json value) {
    if (value.is_null()) return;
    if (value.is_string()) value = json{{"text", value.get<std::string>()}, {"lang", false}};
    facts.push_back({{"label", call.t(key)}, {"value", std::move(value)}});
  };
  fact("ui.engagement_type", or_null(call.label("engagement_type", g.type)));
  fact("ui.engagement_parties", own_text(call, g.parties));
  fact("ui.engagement_funder", own_text(call, g.funder));
  fact("ui.engagement_field", own_text(call, g.field));
  fact("ui.engagement_years", or_null(date_span(call, g.from, g.to)));
  json partners = json::array();
  for (const auto& id : g.partners)
    if (auto ref = call.ref(id); !ref.is_null()) {
      if (!ref.contains("lang")) ref["lang"] = false;
      partners.push_back(std::move(ref));
    }

  json rules = json::array();
  for (auto [key, text] : {std::pair{"ui.ground_rules_publicity", &g.ground_rules.publicity},
                           {"ui.ground_rules_inclusiveness", &g.ground_rules.inclusiveness},
                           {"ui.ground_rules_evaluation", &g.ground_rules.evaluation}})
    rules.push_back({{"label", call.t(key)}, {"text", own_text(call, *text)}});

  json data = {{"name", own_text(call, g.name)},
               {"summary", own_text(call, g.summary)},
               {"facts", std::move(facts)},
               {"partners", std::move(partners)},
               {"rules", std::move(rules)},
               {"score", score_line(call, card.counts)},
               {"bar", or_null(score_bar(call, card.counts))},
               {"commitments", commitment_rows(call, g)},
               {"rounds", round_rows(call, g, card, named)},
               {"links", links_of(call, *record)},
               {"sources", sources_of(call, *record)},
               {"t",
                {{"partners", call.t("ui.engagement_partners")},
                 {"ground_rules", call.t("ui.engagement_ground_rules")},
                 {"not_recorded", call.t("ui.ground_rules_missing")},
                 {"score", call.t("ui.engagement_score")},
                 {"commitments", call.t("ui.engagement_commitments")},
                 {"no_commitments", call.t("ui.commitments_none")},
                 {"commitment", call.t("ui.commitment_text")},
                 {"made", call.t("ui.commitment_made")},
                 {"benchmark", call.t("ui.commitment_benchmark")},
                 {"status", call.t("ui.status")},
                 {"assessed", call.t("ui.commitment_assessed")},
                 {"sources", call.t("ui.sources")},
                 {"evidence", call.t("ui.evidence")},
                 {"rounds", call.t("ui.engagement_rounds")},
                 {"no_rounds", call.t("ui.rounds_none")},
                 {"agenda", call.t("ui.round_agenda")},
                 {"civil_society", call.t("ui.round_civil_society")},
                 {"outcomes", call.t("ui.round_outcomes")},
                 {"progress", call.t("ui.round_progress")},
                 {"raised", call.t("ui.round_raised")},
                 {"still_held", call.t("ui.round_still_held")},
                 {"links", call.t("ui.links_heading")}}}};
  return call.page("engagement.mustache", std::move(data), call.title_of(*record));
}

}  // namespace jz::web
