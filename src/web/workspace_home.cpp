// The workspace's front page: the account's own drafts, the drafts waiting for review,
// and where to start: a new record of each kind, the records, the audit view.
#include "core/record_json.hpp"
#include "core/vocabulary.hpp"
#include "web/handlers.hpp"
#include "web/workspace.hpp"

namespace jz::web {
namespace {

using nlohmann::json;

Result<json> draft_rows(const Call& call, const store::DraftFilter& filter, bool skip_mine) {
  auto drafts = call.store().drafts().list(filter);
  if (!drafts) return drafts.status();
  store::Workflow workflow(call.store(), actor_of(call));
  json rows = json::array();
  for (const auto& d : *drafts) {
    if (skip_mine && d.author == call.who->user) continue;
    auto seen = workflow.may_see(d);
    if (!seen) return seen.status();
    if (!*seen) continue;
    auto record = parse_record(d.body);
    if (!record) return record.status();
    rows.push_back({{"href", call.url("/workspace/drafts/" + std::to_string(d.id))},
                    {"number", d.id},
                    {"name", call.str(record->label())},
                    {"kind", call.label("kind", d.kind)},
                    {"state", call.t("ui.draft_state_" + std::string(state_name(d.state)))},
                    {"author", d.author},
                    {"updated", d.updated}});
  }
  return rows;
}

}  // namespace

http::Response workspace_home(Call& call) {
  const SignedIn& who = *call.who;
  std::string role = call.label("role", role_name(who.role));
  auto mine = draft_rows(call, {.author = who.user}, false);
  auto waiting = draft_rows(call, {.state = store::DraftState::kInReview}, true);
  if (!mine || !waiting) return call.error(mine ? waiting.status() : mine.status());
  json kinds = json::array();
  for (auto k : vocab::kinds())
    kinds.push_back(
        {{"href", call.url("/workspace/new/" + std::string(k))}, {"label", call.label("kind", k)}});
  json data = {
      {"title", call.t("ui.workspace_title")},
      {"signed_in_as", call.t("ui.signed_in_as", who.user + call.t("ui.role_in_parens", role))},
      {"logout_action", call.url("/logout")},
      {"csrf", who.csrf},
      {"new_kinds", std::move(kinds)},
      {"records", call.url("/workspace/records/")},
      {"duplicates", call.url("/workspace/duplicates")},
      {"mine", std::move(*mine)},
      {"waiting", std::move(*waiting)},
      {"t",
       {{"logout", call.t("ui.logout")},
        {"new", call.t("ui.workspace_new")},
        {"records", call.t("ui.workspace_records")},
        {"duplicates", call.t("ui.workspace_duplicates")},
        {"mine", call.t("ui.workspace_mine")},
        {"waiting", call.t("ui.workspace_waiting")},
        {"none", call.t("ui.workspace_none")},
        {"draft", call.t("ui.workspace_draft")},
        {"name", call.t("ui.workspace_name")},
        {"kind", call.t("ui.team_kind")},
        {"state", call.t("ui.draft_state")},
        {"author", call.t("ui.draft_author")},
        {"updated", call.t("ui.team_updated")}}}};
  if (at_least(who.role, Role::kEditor))
    data["audit"] = {{"href", call.url("/workspace/audit")}, {"label", call.t("ui.audit_link")}};
  return call.page("workspace.mustache", std::move(data), call.t("ui.workspace_title"));
}

}  // namespace jz::web
