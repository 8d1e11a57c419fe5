// Files attached to sources: the upload that adds one to a source's draft (the file is
// stored by its hash, outside anything served, and the draft's `file_hash` set), and the
// download of a stored file for the team.
#include "core/record_json.hpp"
#include "web/handlers.hpp"
#include "web/team_desk.hpp"
#include "web/workspace.hpp"

namespace jz::web {

http::Response attach_file(Call& call) {
  auto number = draft_number(call);
  if (!number) return call.error(404);
  std::int64_t n = *number;
  // dispatch() read the upload's parts (and refused a form it could not read).
  const http::FormPart* file = nullptr;
  for (const auto& part : call.form_parts)
    if (part.name == "file" && part.is_file) file = &part;
  if (!file || file->body.empty()) return call.error(422, call.t("ui.file_none_chosen"));

  Status saved = call.desk->write([&](store::Store& store) -> Status {
    store::Workflow workflow(store, actor_of(call));
    auto draft = workflow.open(n);
    if (!draft) return draft.status();
    if (draft->kind != "source") return Status::invalid(call.t("ui.file_only_sources"));
    if (!workflow.may_edit(*draft))
      return Status::forbidden("draft #" + std::to_string(n) + " cannot change now");
    auto record = parse_record(draft->body);
    if (!record) return record.status();
    // Stored before the draft changes: a failed save leaves at most an unused file.
    auto hash = call.desk->files().put(file->body);
    if (!hash) return hash.status();
    std::get<Source>(record->body).file_hash = *hash;
    return workflow.save(n, std::move(*record), draft->reason);
  });
  if (!saved) return call.error(saved);
  return see_other(call, "/workspace/drafts/" + std::to_string(n));
}

http::Response file_download(Call& call) {
  auto bytes = call.desk->files().get(call.id);
  if (!bytes) return call.error(bytes.status());
  http::Response r;
  r.status = 200;
  // Never shown in the browser: a file from outside could be HTML with a script.
  r.content_type = "application/octet-stream";
  r.body = std::move(*bytes);
  r.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"" + call.id.substr(call.id.rfind(':') + 1) + "\"");
  return r;
}

}  // namespace jz::web
