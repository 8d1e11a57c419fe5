#pragma once
// What the workspace's pages share: who is acting, how a form's words find the record
// they name, and a diff as rows for a template.
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "store/store.hpp"
#include "store/workflow.hpp"
#include "web/call.hpp"
#include "web/record_form.hpp"

namespace jz::web {

// The logged-in account as the workflow's actor (a route of the team: dispatch() set who).
store::Actor actor_of(const Call& call);

// Finds records for the form's links: an id of the right kind that exists, or words that
// the public search index matches in exactly one record of the right kind. A hidden
// record is not in that index: the form names it by its id.
ResolveRef resolver(store::Store& store);

// The changes from one revision's JSON to another's as table rows: the field (its label in
// the form and its pointer), before, after.
// Confidential fields of either side are marked.
Result<nlohmann::json> diff_rows(const Call& call, std::string_view kind, std::string_view before,
                                 std::string_view after);

// The messages `prefix` + key ("ui.draft_" + "save") as {key: text} for a template's `t`.
nlohmann::json words(const Call& call, std::string_view prefix,
                     std::initializer_list<std::string_view> keys);

// The draft number of a route's {id}; nothing when it is not a positive whole number.
std::optional<std::int64_t> draft_number(const Call& call);

// "after a POST, see this page" (303).
http::Response see_other(const Call& call, const std::string& rest);

}  // namespace jz::web
