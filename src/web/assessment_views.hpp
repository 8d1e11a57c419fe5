#pragma once
// What an assessment or a commitment rests on, as template values: its citations (a public
// source with its locator) and its evidence (public records, linked). The record they belong
// to is already a public view, so a hidden source or evidence record is gone from it; call.ref
// checks again.
#include <nlohmann/json.hpp>
#include <vector>

#include "core/record.hpp"
#include "web/call.hpp"

namespace jz::web {

// [{"title": {text, lang}, "href": ..., "locator": ... or null}] of the public sources.
nlohmann::json citations_of(Call& call, const std::vector<Citation>& sources);

// [{"text": ..., "lang": ... or false, "href": ... or null, "kind": ...}] of the public records.
nlohmann::json evidence_of(Call& call, const Ids& ids);

// "May 2010 – 2012" (en) or "2010年5月—2012年" (zh); one date alone when the other is absent.
std::string date_span(const Call& call, const Date& from, const Date& to);

}  // namespace jz::web
