// Files attached to sources: the upload that adds one to a source's draft (the file is
// stored by its hash, outside anything served, and the draft's `file_hash` set), and the
// download of a stored file for the team.
#include <charconv>

#include "core/record_json.hpp"
#include "http/multipart.hpp"
#include "web/handlers.hpp"
#include "web/team_desk.hpp"
#include "web/workspace.hpp"

namespace jz::web {

http::Response attach_file(Call& call) {
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(call.id.data(), call.id.data() + call.id.size(), n);
  if (ec != std::errc() || end != call.id.data() + call.id.size()) return call.error(404);
  auto boundary = http::multipart_boundary(call.request.header("content-type"));
  if (!boundary) return call.error(400, call.t("ui.file_not_multipart"));
  auto parts = http::parse_multipart(call.request.body, *boundary);
  if (auto* problem = std::get_if<std::string>(&parts)) return call.error(400, *problem);
  const http::FormPart* file = nullptr;
  for (const auto& part : std::get<std::vector<http::FormPart>>(parts))
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
