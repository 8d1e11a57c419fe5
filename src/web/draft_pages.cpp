// Writing in the workspace: the form for a new record, a draft with what it changes, and
// the steps of its review (store/workflow.hpp holds the rules; this file shows them and
// passes the clicks on). Every write goes through the desk; every page reads through the
// request's reader. A form with mistakes is shown again with each at its field (422), and
// nothing is saved.
#include "core/record_json.hpp"
#include "core/vocabulary.hpp"
#include "web/handlers.hpp"
#include "web/team_desk.hpp"
#include "web/workspace.hpp"

namespace jz::web {
namespace {

using nlohmann::json;

// The words of the draft page.
json draft_words(const Call& call) {
  return words(
      call, "ui.draft_",
      {"reason",      "reason_hint",  "save",         "submit",     "publish",  "send_back",
       "note",        "discard",      "changes",      "field",      "before",   "after",
       "no_changes",  "confidential", "other_hidden", "fix_errors", "author",   "state",
       "review_note", "record",       "envelope",     "body",       "required", "attach",
       "attached",    "file",         "file_hint"});
}

// The form page for a new record (no draft yet) or for a draft.
struct FormPage {
  std::string kind = {};
  json record = {};  // the record's JSON as it stands or as typed
  std::map<std::string, std::string> errors = {};
  std::string reason = {};
  std::optional<store::Draft> draft = {};
  int status = 200;
};

http::Response render(Call& call, const FormPage& page) {
  store::Workflow workflow(call.store(), actor_of(call));
  std::string kind_label = call.label("kind", page.kind);
  json data = {{"csrf", call.who->csrf}, {"t", draft_words(call)}, {"kind", kind_label}};
  std::string title;
  bool editable = true;
  if (page.draft) {
    const store::Draft& d = *page.draft;
    std::string base = "/workspace/drafts/" + std::to_string(d.id);
    auto current = call.store().get(d.record_id);
    std::string before = current ? to_canonical_json(*current) : "";
    auto rows = diff_rows(call, d.kind, before, d.body);
    if (!rows) return call.error(rows.status());
    title = call.t("ui.draft_title", std::to_string(d.id)) + " · " + kind_label;
    editable = workflow.may_edit(d);
    data["draft"] = {
        {"author", d.author},
        {"state", call.t("ui.draft_state_" + std::string(state_name(d.state)))},
        {"reason", or_null(d.reason)},
        {"review_note", or_null(d.review_note)},
        {"updated", d.updated},
        {"record", d.record_id},
        {"record_href", current ? json(call.url("/workspace/records/" + d.record_id)) : json()},
        {"changes", std::move(*rows)}};
    data["action"] = call.url(base);
    if (workflow.may_review(d)) data["review"] = {{"action", call.url(base + "/review")}};
    if (workflow.may_discard(d)) data["discard"] = {{"action", call.url(base + "/discard")}};
    if (d.kind == "source" && editable) {
      auto record = parse_record(d.body);
      std::string hash = record ? std::get<Source>(record->body).file_hash : "";
      data["attach"] = {
          {"action", call.url(base + "/file")},
          {"hash", or_null(hash)},
          {"download", hash.empty() ? json() : json(call.url("/workspace/files/" + hash))}};
    }
  } else {
    title = call.t("ui.draft_new", kind_label);
    data["action"] = call.url("/workspace/new/" + page.kind);
  }
  data["title"] = title;
  if (editable) {
    data["form"] = record_form_view(call, page.kind, page.record, page.errors);
    data["reason"] = page.reason;
  }
  http::Response r = call.page("draft.mustache", std::move(data), title);
  r.status = page.status;
  return r;
}

// The parts of a submitted form that are not the record: the reason and which button.
struct Submitted {
  std::string reason;
  bool submit = false;
};
Submitted submitted(const Call& call) {
  return {call.request.form_field("reason"), call.request.form_field("action") == "submit"};
}

}  // namespace

http::Response new_record_form(Call& call) {
  if (!vocab::contains(vocab::kinds(), call.collection)) return call.error(404);
  return render(call, {.kind = call.collection,
                       .record = {{"kind", call.collection}, {"visibility", "public"}}});
}

http::Response new_record_submit(Call& call) {
  const std::string& kind = call.collection;
  if (!vocab::contains(vocab::kinds(), kind)) return call.error(404);
  Submitted how = submitted(call);
  FormInput in = read_record_form(kind, "", call.request.form(), resolver(call.store()));
  if (!in.record)
    return render(call, {.kind = kind,
                         .record = std::move(in.json),
                         .errors = std::move(in.errors),
                         .reason = how.reason,
                         .status = 422});
  auto draft = call.desk->write([&](store::Store& store) -> Result<store::Draft> {
    store::Workflow workflow(store, actor_of(call));
    auto d = workflow.start(std::move(*in.record), how.reason);
    if (d && how.submit) JZ_RETURN_IF_ERROR(workflow.submit(d->id));
    return d;
  });
  if (!draft) return call.error(draft.status());
  return see_other(call, "/workspace/drafts/" + std::to_string(draft->id));
}

http::Response draft_page(Call& call) {
  auto n = draft_number(call);
  if (!n) return call.error(404);
  auto draft = store::Workflow(call.store(), actor_of(call)).open(*n);
  if (!draft) return call.error(draft.status());
  auto record = json::parse(draft->body, nullptr, false);
  return render(call, {.kind = draft->kind,
                       .record = std::move(record),
                       .reason = draft->reason,
                       .draft = std::move(*draft)});
}

http::Response draft_save(Call& call) {
  auto n = draft_number(call);
  if (!n) return call.error(404);
  auto draft = store::Workflow(call.store(), actor_of(call)).open(*n);
  if (!draft) return call.error(draft.status());
  Submitted how = submitted(call);
  FormInput in =
      read_record_form(draft->kind, draft->record_id, call.request.form(), resolver(call.store()));
  if (!in.record) {
    std::string kind = draft->kind;
    return render(call, {.kind = std::move(kind),
                         .record = std::move(in.json),
                         .errors = std::move(in.errors),
                         .reason = how.reason,
                         .draft = std::move(*draft),
                         .status = 422});
  }
  Status saved = call.desk->write([&](store::Store& store) -> Status {
    store::Workflow workflow(store, actor_of(call));
    JZ_RETURN_IF_ERROR(workflow.save(*n, std::move(*in.record), how.reason));
    return how.submit ? workflow.submit(*n) : Status::ok();
  });
  if (!saved) return call.error(saved);
  return see_other(call, "/workspace/drafts/" + std::to_string(*n));
}

http::Response draft_review(Call& call) {
  auto n = draft_number(call);
  if (!n) return call.error(404);
  bool publish = call.request.form_field("decision") == "publish";
  std::string note = call.request.form_field("note");
  Result<std::string> next = call.desk->write([&](store::Store& store) -> Result<std::string> {
    store::Workflow workflow(store, actor_of(call));
    if (!publish) {
      JZ_RETURN_IF_ERROR(workflow.send_back(*n, note));
      return "/workspace/drafts/" + std::to_string(*n);
    }
    auto draft = workflow.open(*n);
    if (!draft) return draft.status();
    auto published = workflow.publish(*n);
    if (!published) return published.status();
    return "/workspace/records/" + draft->record_id;
  });
  if (!next) return call.error(next.status());
  return see_other(call, *next);
}

http::Response draft_discard(Call& call) {
  auto n = draft_number(call);
  if (!n) return call.error(404);
  Status s = call.desk->write(
      [&](store::Store& store) { return store::Workflow(store, actor_of(call)).discard(*n); });
  if (!s) return call.error(s);
  return see_other(call, "/workspace/");
}

}  // namespace jz::web
