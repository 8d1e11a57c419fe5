#pragma once
// The review workflow: draft → in review → published, with a reviewer other than the
// author. Every change made in the browser goes through here; imports and the command line
// write records directly (Store::put) as before. The rules hold for any Store; drafts are
// kept by Store::drafts() and each step is one transaction with its entry in the log.
//
//   start     anyone on the team, for a record they may read (may_read) or a new one
//   save      the author, or an editor, while it is a draft
//   submit    the author, or an editor: draft → in review
//   send back an editor: in review → draft, with a note saying what to change
//   publish   an editor who is not the author, while it is in review and the record has
//             not changed since the draft began: the draft becomes the record's next
//             revision, with the editor as its reviewer
//   discard   the author, or an editor
//   restore   like start, from an older revision's snapshot
//   unpublish an editor, at once (taking a record down should not wait): a new revision
//             with visibility "restricted"
//   merge     an editor, at once, for two persons that are one (merge_persons.hpp says how
//             they are combined); every record pointing at the duplicate is changed to
//             point at the one kept, in one transaction, each a revision with the reason
#include <string>
#include <string_view>

#include "core/record.hpp"
#include "core/role.hpp"
#include "core/status.hpp"
#include "store/store.hpp"

namespace jz::store {

struct Actor {
  std::string name;
  Role role = Role::kContributor;
};

// Which records a role may read in the workspace: contributors public ones, researchers
// also restricted ones, editors and admins all. A per-record grant (Accounts::grant) lets an
// account read one more (Workflow::can_read).
bool may_read(Role role, std::string_view visibility);

class Workflow {
 public:
  Workflow(Store& store, Actor actor) : store_(store), actor_(std::move(actor)) {}

  // A draft of a new record (its id empty: one is made) or of a change to an existing one.
  Result<Draft> start(Record proposed, std::string reason);
  // A draft whose content is revision `revision` of the record.
  Result<Draft> restore(std::string_view record_id, int revision);
  Status save(std::int64_t draft, Record proposed, std::string reason);
  Status submit(std::int64_t draft);
  Status send_back(std::int64_t draft, std::string note);
  Result<PutOutcome> publish(std::int64_t draft);
  Status discard(std::int64_t draft);
  Status unpublish(std::string_view record_id, std::string reason);
  // Merges person `duplicate` into person `kept`. Neither may have an open draft.
  Status merge(std::string_view duplicate, std::string_view kept, std::string reason);

  // The draft, if this account may see it (drafts of records it may not read are hidden).
  Result<Draft> open(std::int64_t draft);
  // Whether this account may see a draft: its own, any for an editor, else only a draft of
  // a record it may read.
  Result<bool> may_see(const Draft& draft);
  // What this account may do with a draft it may see, as the steps above check it.
  bool may_edit(const Draft& draft) const;
  bool may_review(const Draft& draft) const;
  bool may_discard(const Draft& draft) const;
  // The record as stored, if this account may read it.
  Result<Record> read(std::string_view record_id);
  // Whether this account may read the record: by its role (may_read), or by a grant.
  Result<bool> can_read(const Record& record);

 private:
  Result<Draft> start_draft(Record proposed, std::string reason, int base_revision,
                            std::string action);
  Result<Draft> editable(std::int64_t id);
  bool is_editor() const { return at_least(actor_.role, Role::kEditor); }
  Status log(const Draft& draft, std::string action);

  Store& store_;
  Actor actor_;
};

}  // namespace jz::store
