// Records as the team sees them: every field as stored (confidential ones marked), the
// list of records a role may read, each record's history with a diff between any two
// revisions, and the actions that start from a record: change it, restore an older
// revision (both make a draft for review), unpublish it (at once, editors only).
#include <charconv>

#include "core/record_json.hpp"
#include "core/vocabulary.hpp"
#include "web/handlers.hpp"
#include "web/team_desk.hpp"
#include "web/workspace.hpp"

namespace jz::web {
namespace {

using nlohmann::json;

constexpr std::int64_t kPerPage = 50;

int number_param(const Call& call, std::string_view name, int fallback) {
  std::string v = call.request.param(name);
  int n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  return ec == std::errc() && end == v.data() + v.size() ? n : fallback;
}

json team_words(const Call& call) {
  return words(call, "ui.team_",
               {"merge",
                "merge_hint",
                "merged_into",
                "edit",
                "history",
                "unpublish",
                "unpublish_reason",
                "public_page",
                "visibility",
                "revision",
                "fields",
                "field",
                "value",
                "confidential",
                "open_draft",
                "when",
                "author",
                "reviewer",
                "reason",
                "compare",
                "from",
                "to",
                "restore",
                "kind",
                "all_kinds",
                "show",
                "older",
                "newer",
                "updated",
                "changes",
                "before",
                "after",
                "no_changes",
                "partners"});
}

std::string record_base(const Call& call) {
  return "/workspace/records/" + call.id;
}

}  // namespace

http::Response team_record_list(Call& call) {
  std::string kind = call.request.param("kind");
  if (!kind.empty() && !vocab::contains(vocab::kinds(), kind)) return call.error(400);
  int page = std::max(1, number_param(call, "page", 1));
  auto records = call.store().list(kind, (page - 1) * kPerPage, kPerPage + 1);
  if (!records) return call.error(records.status());
  store::Workflow workflow(call.store(), actor_of(call));
  json rows = json::array();
  for (std::size_t i = 0; i < records->size() && i < static_cast<std::size_t>(kPerPage); ++i) {
    const Record& r = (*records)[i];
    // A role that may not read a record does not learn that it exists.
    auto allowed = workflow.can_read(r);
    if (!allowed) return call.error(allowed.status());
    if (!*allowed) continue;
    rows.push_back({{"href", call.url("/workspace/records/" + r.id)},
                    {"id", r.id},
                    {"name", call.str(r.label())},
                    {"kind", call.label("kind", r.kind())},
                    {"visibility", call.label("visibility", r.visibility)},
                    {"revision", r.revision},
                    {"updated", r.updated}});
  }
  json kinds = json::array();
  for (auto k : vocab::kinds())
    kinds.push_back({{"value", k}, {"label", call.label("kind", k)}, {"selected", k == kind}});
  std::string here = "/workspace/records/?kind=" + kind + "&page=";
  json data = {{"title", call.t("ui.team_records_title")},
               {"rows", std::move(rows)},
               {"kinds", std::move(kinds)},
               {"action", call.url("/workspace/records/")},
               {"t", team_words(call)}};
  if (page > 1) data["newer"] = call.url(here + std::to_string(page - 1));
  if (records->size() > static_cast<std::size_t>(kPerPage))
    data["older"] = call.url(here + std::to_string(page + 1));
  return call.page("team_records.mustache", std::move(data), call.t("ui.team_records_title"));
}

http::Response team_record_page(Call& call) {
  store::Workflow workflow(call.store(), actor_of(call));
  auto record = workflow.read(call.id);
  if (!record) return call.error(record.status());
  auto rows = diff_rows(call, record->kind(), "", to_canonical_json(*record));
  if (!rows) return call.error(rows.status());
  auto draft = call.store().drafts().find_for_record(call.id);
  if (!draft) return call.error(draft.status());
  std::string base = record_base(call);
  std::string title = call.title_of(*record);
  json data = {{"title", title},
               {"id", record->id},
               {"kind", call.label("kind", record->kind())},
               {"visibility", call.label("visibility", record->visibility)},
               {"revision", record->revision},
               {"updated", record->updated},
               {"fields", std::move(*rows)},
               {"history", call.url(base + "/history")},
               {"csrf", call.who->csrf},
               {"t", team_words(call)}};
  if (*draft)
    data["draft"] = {{"href", call.url("/workspace/drafts/" + std::to_string((*draft)->id))},
                     {"author", (*draft)->author}};
  else
    data["edit"] = call.url(base + "/edit");
  if (!record->merged_into.empty())
    data["merged_into"] = {{"href", call.url("/workspace/records/" + record->merged_into)},
                           {"id", record->merged_into}};
  else if (record->kind() == "person" && at_least(call.who->role, Role::kEditor))
    data["merge"] = call.url(base + "/merge");
  if (record->kind() == "case" && at_least(call.who->role, Role::kResearcher))
    data["partners"] = call.url("/workspace/cases/" + record->id + "/partners");
  if (record->visibility == "public") {
    data["public_page"] =
        record->kind() == "event" ? json() : json(call.url_of(record->kind(), record->id));
    if (at_least(call.who->role, Role::kEditor)) data["unpublish"] = call.url(base + "/unpublish");
  }
  return call.page("team_record.mustache", std::move(data), title);
}

http::Response team_record_edit(Call& call) {
  auto draft = call.desk->write([&](store::Store& store) -> Result<store::Draft> {
    store::Workflow workflow(store, actor_of(call));
    auto record = workflow.read(call.id);
    if (!record) return record.status();
    return workflow.start(std::move(*record), "");
  });
  if (!draft) return call.error(draft.status());
  return see_other(call, "/workspace/drafts/" + std::to_string(draft->id));
}

http::Response record_history(Call& call) {
  store::Workflow workflow(call.store(), actor_of(call));
  auto record = workflow.read(call.id);
  if (!record) return call.error(record.status());
  auto history = call.store().history(call.id);
  if (!history) return call.error(history.status());
  int last = record->revision;
  int to = std::clamp(number_param(call, "to", last), 1, last);
  int from = std::clamp(number_param(call, "from", to - 1), 0, last);
  std::string before, after;
  json revisions = json::array();
  for (const auto& r : *history) {
    if (r.revision == from) before = r.snapshot;
    if (r.revision == to) after = r.snapshot;
    revisions.push_back({{"revision", r.revision},
                         {"at", r.at},
                         {"author", r.author},
                         {"reviewer", or_null(r.reviewer)},
                         {"reason", r.reason},
                         {"from_checked", r.revision == from},
                         {"to_checked", r.revision == to},
                         {"restore", r.revision != last}});
  }
  std::reverse(revisions.begin(), revisions.end());  // newest first
  auto rows = diff_rows(call, record->kind(), before, after);
  if (!rows) return call.error(rows.status());
  std::string base = record_base(call);
  std::string title = call.t("ui.team_history_title", call.title_of(*record));
  json data = {{"title", title},
               {"record", call.url(base)},
               {"revisions", std::move(revisions)},
               {"from", from},
               {"to", to},
               {"changes", std::move(*rows)},
               {"action", call.url(base + "/history")},
               {"restore_action", call.url(base + "/restore")},
               {"csrf", call.who->csrf},
               {"t", team_words(call)}};
  return call.page("history.mustache", std::move(data), title);
}

http::Response record_restore(Call& call) {
  std::string asked = call.request.form_field("revision");
  int revision = 0;
  std::from_chars(asked.data(), asked.data() + asked.size(), revision);
  auto draft = call.desk->write([&](store::Store& store) {
    return store::Workflow(store, actor_of(call)).restore(call.id, revision);
  });
  if (!draft) return call.error(draft.status());
  return see_other(call, "/workspace/drafts/" + std::to_string(draft->id));
}

http::Response record_merge(Call& call) {
  // The duplicate may be named by id or by words, like any link in a form.
  auto duplicate = resolver(call.store())(call.request.form_field("duplicate"), "person");
  if (!duplicate) return call.error(duplicate.status());
  std::string reason = call.request.form_field("reason");
  Status s = call.desk->write([&](store::Store& store) {
    return store::Workflow(store, actor_of(call)).merge(*duplicate, call.id, reason);
  });
  if (!s) return call.error(s);
  return see_other(call, record_base(call));
}

http::Response record_unpublish(Call& call) {
  std::string reason = call.request.form_field("reason");
  Status s = call.desk->write([&](store::Store& store) {
    return store::Workflow(store, actor_of(call)).unpublish(call.id, reason);
  });
  if (!s) return call.error(s);
  return see_other(call, record_base(call));
}

}  // namespace jz::web
