#pragma once
// Drafts: changes to records that wait for review (store/workflow.hpp holds the rules).
// A draft lives apart from the records, so the public site, the read API and the search
// index keep showing the last published revision until an editor publishes the draft. A
// record has at most one open draft. The Store hands out its Drafts (Store::drafts()).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace jz::store {

enum class DraftState { kDraft, kInReview };
std::string_view state_name(DraftState state);  // "draft", "in_review"

struct Draft {
  std::int64_t id = 0;
  std::string record_id = {};  // the record it creates or changes
  std::string kind = {};
  int base_revision = 0;  // the revision it was started from; 0 for a new record
  DraftState state = DraftState::kDraft;
  std::string author = {};
  std::string reason = {};       // why the change: becomes the revision's reason
  std::string body = {};         // the proposed record, canonical JSON
  std::string review_note = {};  // why a reviewer sent it back
  std::string created = {};
  std::string updated = {};
};

// One step of a draft's life, for the audit view: who did what to which draft, when.
struct DraftEvent {
  std::int64_t seq = 0;
  std::string at, actor;
  std::int64_t draft = 0;
  std::string record_id, action;
};

struct DraftFilter {
  std::optional<DraftState> state = {};
  std::string author = {};  // "" for every author
};

class Drafts {
 public:
  virtual ~Drafts() = default;
  virtual Result<std::optional<Draft>> find(std::int64_t id) = 0;
  virtual Result<std::optional<Draft>> find_for_record(std::string_view record_id) = 0;
  // Newest change first.
  virtual Result<std::vector<Draft>> list(const DraftFilter& filter) = 0;
  // Fills in id, created and updated. Conflict when the record has an open draft already.
  virtual Status add(Draft& draft) = 0;
  // Writes body, reason, state and review note; not_found when the draft is gone.
  virtual Status update(Draft& draft) = 0;
  virtual Status remove(std::int64_t id) = 0;
  virtual Status log(const DraftEvent& event) = 0;
  // The newest `limit` events first.
  virtual Result<std::vector<DraftEvent>> events(std::int64_t limit) = 0;
};

}  // namespace jz::store
