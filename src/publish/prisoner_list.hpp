#pragma once
// Who to raise, and when: the detained persons of the public record with their priority
// (monitor/priority.hpp), the opportunities to raise them (dialogue rounds, state visits, UN
// reviews: events of vocab::opportunity_types()), and the list for one opportunity. Built
// from public views only; the pages, the exports and `jianzheng list-prisoners` read this.
#include <optional>
#include <string>
#include <vector>

#include "core/redact.hpp"
#include "monitor/priority.hpp"
#include "monitor/time_limit.hpp"
#include "store/store.hpp"

namespace jz::publish {

struct Prisoner {
  Record person;                   // public view
  std::vector<Record> cases = {};  // public views of the cases naming them
  std::string pinyin = {};         // of the Chinese name, toneless ("liu xiao bo")
  std::string facility = {};       // where held: the latest detained_at link, or a case's facility
  Text facility_name = {};
  monitor::PriorityFacts facts = {};
  monitor::PriorityScore score = {};
  bool chosen = false;  // linked to the opportunity (raised_in), not only suggested
};

struct PrisonerOptions {
  monitor::PriorityWeights weights = {};
  monitor::Minutes now = 0;
};

// Every public person who is detained, serving a sentence, disappeared or under
// surveillance, highest priority first.
Result<std::vector<Prisoner>> detained_persons(store::Store& store, const IsPublic& visible,
                                               const PrisonerOptions& options);

// The public opportunities, those to come first (soonest first), then past ones (latest first).
Result<std::vector<Record>> opportunities(store::Store& store, const IsPublic& visible,
                                          monitor::Minutes now);

struct PrisonerList {
  Record opportunity;  // public view
  std::vector<Prisoner> prisoners = {};
  // No one is linked to the opportunity yet: the list holds the highest priorities instead.
  bool suggested = false;
};

// The persons to raise at one opportunity: every detained person linked to it (raised_in, on
// the person or on one of their cases), highest priority first; if there are none, the
// `suggest` highest priorities. Not found unless the id is a public opportunity.
Result<PrisonerList> prisoner_list(store::Store& store, const IsPublic& visible,
                                   std::string_view opportunity_id, const PrisonerOptions& options,
                                   std::size_t suggest = 20);
// The same, from detained_persons() already computed (a page listing many opportunities
// computes them once).
Result<PrisonerList> prisoner_list(store::Store& store, const IsPublic& visible,
                                   std::string_view opportunity_id,
                                   const std::vector<Prisoner>& detained, std::size_t suggest = 20);

}  // namespace jz::publish
