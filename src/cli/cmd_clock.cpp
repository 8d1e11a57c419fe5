// jianzheng clock CASE: the legal clock of one case, from all its events as stored (the team's
// view: restricted events count too), as text or JSON.
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "monitor/clock.hpp"
#include "store/case_events.hpp"

namespace jz::cli {
namespace {

using nlohmann::json;

// A case as stored, with its events (hidden ones too) and their facilities' types.
struct CaseFile {
  Record the_case;
  store::CaseEvents stored = {};
};

Result<CaseFile> read_case(store::Store& store, const std::string& id) {
  auto the_case = store.get(id);
  if (!the_case) return the_case.status();
  if (the_case->kind() != "case")
    return Status::invalid(id + " is a " + std::string(the_case->kind()) +
                           ", not a case: give a case id (c...)");
  auto stored = store::case_events(store, id);
  if (!stored) return stored.status();
  return CaseFile{std::move(*the_case), std::move(*stored)};
}

std::string day(monitor::Minutes t) {
  return monitor::iso_day(monitor::day_of(t));
}

std::string step(const CaseFile& file, const std::string& id) {
  for (const auto& r : file.stored.events)
    if (r.id == id) {
      const auto& e = std::get<Event>(r.body);
      return e.date.to_string() + " " + e.type + " (" + id + ")";
    }
  return id;
}

json to_json(const monitor::Clock& c) {
  auto amount = monitor::amount_of(c);
  json j = {{"state", monitor::state_name(c.state)},
            {"reason", monitor::reason_name(c.reason)},
            {"start", c.start},
            {"end", c.end},
            {"amount",
             {{"from", amount.lo}, {"to", amount.hi}, {"unit", amount.days ? "days" : "hours"}}}};
  if (!c.person.empty()) j["person"] = c.person;
  if (c.no_basis) {
    j["no_legal_basis"] = c.no_basis->text.en;
    return j;
  }
  const auto& rule = *c.rule;
  j.update({{"rule", rule.id},
            {"clock", rule.clock},
            {"version", rule.version},
            {"article", rule.article},
            {"summary", rule.summary.en}});
  if (rule.kind == monitor::Rule::Kind::kDeadline && c.state != monitor::ClockState::kUnknown)
    j["last_day"] = {{"from", day(c.deadline_lo - 1)},
                     {"to", day(c.deadline_hi - 1)},
                     {"limit", monitor::to_string(c.applied)}};
  if (c.exception) j["exception"] = c.exception->text.en;
  return j;
}

void print(const CaseFile& file, const monitor::Clock& c) {
  auto amount = monitor::amount_of(c);
  std::string n = amount.lo == amount.hi
                      ? std::to_string(amount.lo)
                      : std::to_string(amount.lo) + "-" + std::to_string(amount.hi);
  std::string unit = amount.days ? " days" : " hours";
  std::cout << "[" << monitor::state_name(c.state) << "] "
            << (c.rule ? c.rule->summary.en : c.no_basis->text.en) << "\n";
  if (c.rule) {
    std::cout << "  Criminal Procedure Law (" << c.rule->version << " text), art. "
              << c.rule->article;
    if (c.rule->source.secondary)
      std::cout << " (text from a secondary source: " << c.rule->source.title << ")";
    std::cout << "\n";
  }
  std::cout << "  from " << step(file, c.start);
  if (!c.end.empty()) std::cout << " to " << step(file, c.end);
  std::cout << "\n";
  if (c.rule && c.rule->kind == monitor::Rule::Kind::kDeadline &&
      c.state != monitor::ClockState::kUnknown) {
    std::string first = day(c.deadline_lo - 1), last = day(c.deadline_hi - 1);
    std::cout << "  last day " << first << (first == last ? "" : " to " + last) << " ("
              << monitor::to_string(c.applied) << ")";
    if (c.state == monitor::ClockState::kViolated || c.state == monitor::ClockState::kLapsed)
      std::cout << "; " << n << unit << " over";
    if (c.state == monitor::ClockState::kRunning) std::cout << "; " << n << unit << " left";
    std::cout << "\n";
  }
  if (c.state == monitor::ClockState::kNoLegalBasis) std::cout << "  held " << n << " days\n";
  if (auto reason = monitor::reason_name(c.reason); !reason.empty())
    std::cout << "  why: " << reason << "\n";
  if (c.exception) std::cout << "  exception: " << c.exception->text.en << "\n";
  for (const auto* ex : c.caveats) std::cout << "  unless: " << ex->text.en << "\n";
}

}  // namespace

void add_clock(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand(
      "clock",
      "The legal clock of a case: each time limit of the Criminal Procedure Law its "
      "events start, and whether it was met, violated, is running or cannot be decided");
  auto id = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  auto today = std::make_shared<std::string>();
  cmd->add_option("CASE", *id, "case id, e.g. cnvch8d2sae")->required();
  cmd->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--today", *today,
                  "count running clocks to this day (YYYY-MM-DD, China time) instead of now");
  cmd->callback([&g, id, format, today] {
    auto store = open_store(g);
    if (!store) {
      g.exit_code = 1;
      return;
    }
    auto now = monitor::shanghai_minutes(std::chrono::system_clock::now());
    if (!today->empty()) {
      auto d = PartialDate::parse(*today);
      if (!d || !d->is_exact_day()) {
        g.exit_code = fail(Status::invalid("--today \"" + *today + "\": give a day as YYYY-MM-DD"));
        return;
      }
      now = monitor::start_of(d->earliest()) + 12 * 60;
    }
    auto file = read_case(*store, *id);
    if (!file) {
      g.exit_code = fail(file.status());
      return;
    }
    const auto& law = monitor::criminal_procedure_law();
    auto facts = monitor::case_facts(law, file->the_case, file->stored.events,
                                     file->stored.facility_types, now);
    if (!facts) {
      g.exit_code = fail(facts.status().prefixed("case " + *id + ": "));
      return;
    }
    auto clocks = monitor::compute_clocks(law, *facts, now);
    if (*format == "json") {
      json out = {{"case", *id}, {"today", day(now)}, {"clocks", json::array()}};
      for (const auto& c : clocks) out["clocks"].push_back(to_json(c));
      std::cout << out.dump(2) << "\n";
      return;
    }
    const auto& title = std::get<Case>(file->the_case.body).title;
    std::cout << *id << " " << (title.en.empty() ? title.zh : title.en) << ": " << clocks.size()
              << " clocks, as of " << day(now) << " (China time)\n";
    for (const auto& c : clocks) {
      std::cout << "\n";
      print(*file, c);
    }
  });
}

}  // namespace jz::cli
