#include "store/workflow.hpp"

#include "core/merge_persons.hpp"
#include "core/record_id.hpp"
#include "core/record_json.hpp"

namespace jz::store {

bool may_read(Role role, std::string_view visibility) {
  if (visibility == "public") return true;
  if (visibility == "restricted") return at_least(role, Role::kResearcher);
  return at_least(role, Role::kEditor);
}

namespace {

std::string number(std::int64_t draft) {
  return "draft #" + std::to_string(draft);
}

Status need_reason(const std::string& reason) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return Status::invalid("say why: the reason for the change goes into the record's history");
  return Status::ok();
}

}  // namespace

Result<bool> Workflow::can_read(const Record& record) {
  if (may_read(actor_.role, record.visibility)) return true;
  return store_.accounts().has_grant(actor_.name, record.id);
}

Result<Record> Workflow::read(std::string_view record_id) {
  auto record = store_.get(record_id);
  if (!record) return record.status();
  auto allowed = can_read(*record);
  if (!allowed) return allowed.status();
  if (!*allowed)
    return Status::forbidden("record " + std::string(record_id) + " is " + record->visibility +
                             "; your role may not read it");
  return record;
}

Result<Draft> Workflow::open(std::int64_t id) {
  auto draft = store_.drafts().find(id);
  if (!draft) return draft.status();
  if (!*draft) return Status::not_found(number(id) + " does not exist (published or discarded?)");
  auto allowed = may_see(**draft);
  if (!allowed) return allowed.status();
  if (!*allowed) return Status::forbidden(number(id) + " is not yours to read");
  return std::move(**draft);
}

Result<bool> Workflow::may_see(const Draft& draft) {
  if (actor_.name == draft.author || is_editor()) return true;
  auto record = parse_record(draft.body);
  if (!record) return record.status().prefixed(number(draft.id) + ": ");
  return can_read(*record);
}

Status Workflow::log(const Draft& draft, std::string action) {
  return store_.drafts().log({.at = "",
                              .actor = actor_.name,
                              .draft = draft.id,
                              .record_id = draft.record_id,
                              .action = std::move(action)});
}

Result<Draft> Workflow::start_draft(Record proposed, std::string reason, int base_revision,
                                    std::string action) {
  Draft draft{.record_id = proposed.id,
              .kind = std::string(proposed.kind()),
              .base_revision = base_revision,
              .author = actor_.name,
              .reason = std::move(reason),
              .body = to_canonical_json(proposed)};
  JZ_RETURN_IF_ERROR(store_.transaction([&]() -> Status {
    JZ_RETURN_IF_ERROR(store_.drafts().add(draft));
    return log(draft, std::move(action));
  }));
  return draft;
}

Result<Draft> Workflow::start(Record proposed, std::string reason) {
  if (proposed.id.empty()) {
    do {
      proposed.id = random_id(proposed.kind());
    } while (store_.get(proposed.id).is_ok());
    return start_draft(std::move(proposed), std::move(reason), 0, "started a new record");
  }
  auto current = read(proposed.id);
  if (!current) return current.status();
  if (current->kind() != proposed.kind())
    return Status::invalid("record " + proposed.id + " is a " + std::string(current->kind()));
  return start_draft(std::move(proposed), std::move(reason), current->revision, "started a change");
}

Result<Draft> Workflow::restore(std::string_view record_id, int revision) {
  auto current = read(record_id);
  if (!current) return current.status();
  auto history = store_.history(record_id);
  if (!history) return history.status();
  for (const Revision& r : *history) {
    if (r.revision != revision) continue;
    auto old = parse_record(r.snapshot);
    if (!old) return old.status().prefixed("revision " + std::to_string(revision) + ": ");
    // An old revision may have been more hidden than the record is now.
    auto allowed = can_read(*old);
    if (!allowed) return allowed.status();
    if (!*allowed)
      return Status::forbidden("revision " + std::to_string(revision) + " was " + old->visibility +
                               "; your role may not read it");
    return start_draft(std::move(*old), "restore revision " + std::to_string(revision),
                       current->revision, "started restoring revision " + std::to_string(revision));
  }
  return Status::not_found("record " + std::string(record_id) + " has no revision " +
                           std::to_string(revision));
}

bool Workflow::may_discard(const Draft& draft) const {
  return draft.author == actor_.name || is_editor();
}

bool Workflow::may_edit(const Draft& draft) const {
  return may_discard(draft) && draft.state == DraftState::kDraft;
}

bool Workflow::may_review(const Draft& draft) const {
  return is_editor() && draft.author != actor_.name && draft.state == DraftState::kInReview;
}

// A draft this account may change: its own, or any for an editor, while still a draft.
Result<Draft> Workflow::editable(std::int64_t id) {
  auto draft = open(id);
  if (!draft) return draft.status();
  if (!may_discard(*draft))
    return Status::forbidden(number(id) + " is " + draft->author + "'s; ask them or an editor");
  if (draft->state != DraftState::kDraft)
    return Status::conflict(number(id) +
                            " is in review; an editor must send it back before it can change");
  return draft;
}

Status Workflow::save(std::int64_t id, Record proposed, std::string reason) {
  auto draft = editable(id);
  if (!draft) return draft.status();
  if (proposed.id != draft->record_id || proposed.kind() != draft->kind)
    return Status::invalid(number(id) + " is for " + draft->kind + " " + draft->record_id);
  draft->body = to_canonical_json(proposed);
  draft->reason = std::move(reason);
  return store_.transaction([&]() -> Status {
    JZ_RETURN_IF_ERROR(store_.drafts().update(*draft));
    return log(*draft, "saved");
  });
}

Status Workflow::submit(std::int64_t id) {
  auto draft = editable(id);
  if (!draft) return draft.status();
  JZ_RETURN_IF_ERROR(need_reason(draft->reason));
  draft->state = DraftState::kInReview;
  draft->review_note.clear();
  return store_.transaction([&]() -> Status {
    JZ_RETURN_IF_ERROR(store_.drafts().update(*draft));
    return log(*draft, "submitted for review");
  });
}

Status Workflow::send_back(std::int64_t id, std::string note) {
  if (!is_editor()) return Status::forbidden("only an editor reviews drafts");
  auto draft = open(id);
  if (!draft) return draft.status();
  if (draft->state != DraftState::kInReview)
    return Status::conflict(number(id) + " is not in review");
  if (note.find_first_not_of(" \t\r\n") == std::string::npos)
    return Status::invalid("say what should change: the author sees this note");
  draft->state = DraftState::kDraft;
  draft->review_note = std::move(note);
  return store_.transaction([&]() -> Status {
    JZ_RETURN_IF_ERROR(store_.drafts().update(*draft));
    return log(*draft, "sent back: " + draft->review_note);
  });
}

Result<PutOutcome> Workflow::publish(std::int64_t id) {
  if (!is_editor()) return Status::forbidden("only an editor publishes");
  auto draft = open(id);
  if (!draft) return draft.status();
  if (draft->author == actor_.name)
    return Status::forbidden(number(id) + " is yours: a second editor must review and publish it");
  if (draft->state != DraftState::kInReview)
    return Status::conflict(number(id) + " has not been submitted for review");
  auto record = parse_record(draft->body);
  if (!record) return record.status().prefixed(number(id) + ": ");
  PutOutcome outcome = PutOutcome::kUnchanged;
  JZ_RETURN_IF_ERROR(store_.transaction([&]() -> Status {
    auto current = store_.get(draft->record_id);
    int revision = current ? current->revision : 0;
    if (!current && current.status().code() != Code::kNotFound) return current.status();
    if (revision != draft->base_revision)
      return Status::conflict("record " + draft->record_id + " changed since " + number(id) +
                              " began (revision " + std::to_string(draft->base_revision) +
                              ", now " + std::to_string(revision) +
                              "); send it back so the author can redo it on the new revision");
    auto put = store_.put(
        *record, {.author = draft->author, .reason = draft->reason, .reviewer = actor_.name});
    if (!put) return put.status();
    outcome = *put;
    JZ_RETURN_IF_ERROR(store_.drafts().remove(id));
    return log(*draft, "published as revision " + std::to_string(record->revision));
  }));
  return outcome;
}

Status Workflow::discard(std::int64_t id) {
  auto draft = open(id);
  if (!draft) return draft.status();
  if (!may_discard(*draft))
    return Status::forbidden(number(id) + " is " + draft->author + "'s; ask them or an editor");
  return store_.transaction([&]() -> Status {
    JZ_RETURN_IF_ERROR(store_.drafts().remove(id));
    return log(*draft, "discarded");
  });
}

Status Workflow::unpublish(std::string_view record_id, std::string reason) {
  if (!is_editor()) return Status::forbidden("only an editor unpublishes");
  JZ_RETURN_IF_ERROR(need_reason(reason));
  auto record = store_.get(record_id);
  if (!record) return record.status();
  if (record->visibility != "public")
    return Status::conflict("record " + std::string(record_id) + " is not public");
  record->visibility = "restricted";
  return store_
      .put(*record, {.author = actor_.name, .reason = "unpublished: " + reason, .reviewer = ""})
      .status();
}

Status Workflow::merge(std::string_view duplicate_id, std::string_view kept_id,
                       std::string reason) {
  if (!is_editor()) return Status::forbidden("only an editor merges records");
  JZ_RETURN_IF_ERROR(need_reason(reason));
  return store_.transaction([&]() -> Status {
    auto kept = store_.get(kept_id);
    if (!kept) return kept.status();
    auto duplicate = store_.get(duplicate_id);
    if (!duplicate) return duplicate.status();
    for (std::string_view id : {duplicate_id, kept_id}) {
      auto draft = store_.drafts().find_for_record(id);
      if (!draft) return draft.status();
      if (*draft)
        return Status::conflict("record " + std::string(id) + " has an open draft (#" +
                                std::to_string((*draft)->id) + "); publish or discard it first");
    }
    auto merged = merge_persons(*kept, *duplicate);
    if (!merged) return merged.status();
    ChangeInfo change{.author = actor_.name,
                      .reason = "merged " + duplicate->id + " into " + kept->id + ": " + reason,
                      .reviewer = ""};
    auto referrers = store_.referrers(duplicate->id);
    if (!referrers) return referrers.status();
    for (const auto& id : *referrers) {
      if (id == kept->id) continue;  // its links to the duplicate go with the merge below
      auto record = store_.get(id);
      if (!record) return record.status();
      move_references(*record, duplicate->id, kept->id);
      JZ_RETURN_IF_ERROR(store_.put(*record, change).status());
    }
    move_references(*merged, duplicate->id, kept->id);
    JZ_RETURN_IF_ERROR(store_.put(*merged, change).status());
    duplicate->merged_into = kept->id;
    duplicate->visibility =
        duplicate->visibility == "public" ? "restricted" : duplicate->visibility;
    return store_.put(*duplicate, change).status();
  });
}

}  // namespace jz::store
