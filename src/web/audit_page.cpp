// The audit view for editors and admins: every revision of every record, newest first
// (from the hash-chained history: who, when, why, who approved it), every step of every
// draft's review, and every change to an account. Ids only, no record content: what a
// revision changed is on the record's history page.
#include <charconv>

#include "web/call.hpp"
#include "web/handlers.hpp"
#include "web/team_desk.hpp"

namespace jz::web {
namespace {

using nlohmann::json;

constexpr std::int64_t kPerPage = 100;

}  // namespace

http::Response audit_page(Call& call) {
  std::int64_t offset = 0;
  std::string asked = call.request.param("offset");
  std::from_chars(asked.data(), asked.data() + asked.size(), offset);
  offset = std::max<std::int64_t>(offset, 0);
  auto revisions = call.store().recent_revisions(offset, kPerPage + 1);
  if (!revisions) return call.error(503);
  auto events = call.desk->account_events(50);  // a team route: dispatch() checked the desk
  if (!events) return call.error(503);
  auto draft_events = call.store().drafts().events(100);
  if (!draft_events) return call.error(503);

  json rows = json::array();
  for (std::size_t i = 0; i < revisions->size() && i < static_cast<std::size_t>(kPerPage); ++i) {
    const auto& r = (*revisions)[i];
    rows.push_back(json{{"seq", r.seq},
                        {"at", r.at},
                        {"author", r.author},
                        {"reviewer", r.reviewer},
                        {"record", r.record_id},
                        {"revision", r.revision},
                        {"reason", r.reason}});
  }
  json accounts = json::array();
  for (const auto& e : *events)
    accounts.push_back(
        json{{"at", e.at}, {"actor", e.actor}, {"user", e.user}, {"action", e.action}});
  json drafts = json::array();
  for (const auto& e : *draft_events)
    drafts.push_back(json{{"at", e.at},
                          {"actor", e.actor},
                          {"draft", e.draft},
                          {"record", e.record_id},
                          {"action", e.action}});
  json data = {{"title", call.t("ui.audit_title")},
               {"revisions", rows},
               {"drafts", drafts},
               {"accounts", accounts},
               {"t",
                {{"revisions", call.t("ui.audit_revisions")},
                 {"accounts", call.t("ui.audit_accounts")},
                 {"drafts", call.t("ui.audit_drafts")},
                 {"draft", call.t("ui.audit_draft")},
                 {"reviewer", call.t("ui.team_reviewer")},
                 {"when", call.t("ui.audit_when")},
                 {"who", call.t("ui.audit_who")},
                 {"record", call.t("ui.audit_record")},
                 {"reason", call.t("ui.audit_reason")},
                 {"account", call.t("ui.audit_account")},
                 {"what", call.t("ui.audit_what")},
                 {"older", call.t("ui.audit_older")}}}};
  if (revisions->size() > static_cast<std::size_t>(kPerPage))
    data["older"] = call.url("/workspace/audit?offset=" + std::to_string(offset + kPerPage));
  return call.page("audit.mustache", std::move(data), call.t("ui.audit_title"));
}

}  // namespace jz::web
