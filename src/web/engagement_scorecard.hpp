#pragma once
// An engagement's public scorecard as plain values, without HTTP or a store: its commitments
// counted by status, its rounds in date order, and at each round the persons and cases raised
// there — named in the round's `raised`, or linking `raised_in` to the round's event (the
// opportunities of issue 6) — and the persons raised at an earlier round who are still held.
// Built from public views only: the engagement's (public_view has already dropped the ids of
// hidden records from `raised` and `evidence`) and those of the records it names; an id with
// no record among them is not public and never appears. engagement_pages.cpp renders it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/record.hpp"

namespace jz::web {

struct CommitmentCounts {
  int kept = 0, partly_kept = 0, broken = 0, pending = 0, unclear = 0;
  int total() const { return kept + partly_kept + broken + pending + unclear; }
  bool operator==(const CommitmentCounts&) const = default;
};

CommitmentCounts count_commitments(const Engagement& engagement);

// A person or case raised at a round.
struct Raised {
  std::string id = {};
  bool listed = false;  // in the round's `raised`
  bool linked = false;  // links raised_in to the round's event
  // The first round (a position in Scorecard::rounds) it was raised at, when that was an
  // earlier one.
  std::optional<std::size_t> first_round = {};
  bool held = false;  // a person whose status now is detained, serving a sentence ...
};

// A person raised at an earlier round, not raised at this one, and held still.
struct StillHeld {
  std::string id = {};
  std::size_t first_round = 0;  // a position in Scorecard::rounds
};

struct ScorecardRound {
  std::size_t index = 0;  // in Engagement::rounds
  // Those in `raised` first, in its order; then those linked to the event only, by id.
  std::vector<Raised> raised = {};
  std::vector<StillHeld> still_held = {};  // in the order they were first raised
};

struct Scorecard {
  CommitmentCounts counts = {};
  std::vector<ScorecardRound> rounds = {};  // by date; rounds with the same date as recorded
};

// `records`: public views of persons and cases — those the rounds name and those linking
// raised_in to a round's event (any other record is ignored).
Scorecard make_scorecard(const Engagement& engagement, const std::vector<Record>& records);

// Whether a person with this status is held: detained, serving a sentence, disappeared or
// under surveillance.
bool held_status(std::string_view person_status);

}  // namespace jz::web
