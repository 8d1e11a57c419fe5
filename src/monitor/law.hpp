#pragma once
// The law as data: each rule of data/law/criminal-procedure-law.json (schema in
// data/law/README.md) as a typed value. The engine (clock.hpp) reads nothing else about
// the law, so a new version or rule is a change to the data file and its tests.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "core/text.hpp"
#include "monitor/time_limit.hpp"

namespace jz::monitor {

struct TextSource {
  std::string title;
  std::string url;
  bool secondary = false;  // the text was read from a secondary source, not the official one
  std::string note;
};

struct LawVersion {
  std::string version;  // "1996", "2012", "2018"
  std::chrono::sys_days from;
  std::optional<std::chrono::sys_days> to;  // last day in force; none while in force
  TextSource text_source;
};

struct Extension {
  std::optional<Duration> limit;  // the new total; none: no fixed ceiling (by approval)
  Text ground;
  Text approver;
};

struct Exception {
  std::string ground;  // see kCaseGrounds, kFlagGrounds and kClaimGrounds in law.cpp
  Text text;
};

struct Rule {
  std::string id;
  std::string clock;  // the same limit across versions: "residential_surveillance_limit"
  std::string version;
  std::string article;
  Text quote;  // the article's words (zh as enacted; en our translation)
  Text summary;
  TextSource source;
  enum class Kind { kDeadline, kPublicHearing } kind = Kind::kDeadline;
  std::vector<std::string> from;        // event types that start a clock
  std::vector<std::string> to;          // event types that meet it
  std::vector<std::string> implied_by;  // later events that prove `to` happened by then
  std::vector<std::string> stopped_by;  // events that end it lawfully without `to`
  std::string requires_flag;            // the start event must carry this flag
  std::string flag;                     // public hearings: the flag that marks a closed one
  Duration limit;
  std::vector<Extension> extensions;
  std::vector<std::string> extended_by;  // event types that record an extension
  std::vector<Exception> exceptions;
  bool binds_defence = false;  // an appeal window: lapsing is no violation
  bool holiday_extends = false;
};

struct NoLegalBasis {
  std::string facility_type;  // one of these two is set
  std::string event_type;
  Text text;
};

struct Law {
  std::string law;
  Text name;
  std::vector<LawVersion> versions;
  std::vector<Rule> rules;
  std::vector<NoLegalBasis> no_legal_basis;
  std::vector<std::pair<std::string, std::string>> order;  // first never after second
  // The procedure's stages in order (taken away, detained, arrest requested ...); steps of
  // one stage share a number. A clock with nothing recorded to end it, in a case recorded
  // at a later stage, was probably met undated: "not recorded", not "violated".
  std::map<std::string, int> stages;

  // The stage of an event type, or -1 for steps outside the sequence (notices, visits).
  int stage_of(std::string_view event_type) const;
  // The version in force on `day`, or null before the first one.
  const LawVersion* version_on(std::chrono::sys_days day) const;
  const Rule* rule(std::string_view id) const;
};

// Parses and checks a law file; errors name the JSON path ("rules/3/limit: ...").
Result<Law> parse_law(std::string_view json_text);
// data/law/criminal-procedure-law.json as compiled into the binary (checked by tests, so
// a broken file is a broken invariant).
const Law& criminal_procedure_law();

// Grounds of an exception the engine can decide from the case: from its charges, or from
// flags on the event. Any other ground ("impossible_to_notify") is only shown.
bool is_case_ground(std::string_view ground);
bool is_flag_ground(std::string_view ground);

}  // namespace jz::monitor
