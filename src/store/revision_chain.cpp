#include "store/revision_chain.hpp"

#include "core/blake2b.hpp"

namespace jz::store {

std::string revision_hash(const Revision& r) {
  Blake2b h;
  auto field = [&](std::string_view v) {
    h.update(std::to_string(v.size())).update(":").update(v);
  };
  field("jianzheng-revision-v1");
  field(r.prev_hash);
  field(std::to_string(r.seq));
  field(r.record_id);
  field(std::to_string(r.revision));
  field(r.author);
  field(r.at);
  field(r.reason);
  field(r.snapshot);
  if (!r.reviewer.empty()) {
    field("reviewer");
    field(r.reviewer);
  }
  return to_hex(h.finish());
}

Revision read_revision(const Statement& q) {
  return Revision{q.integer(0), q.text(1), static_cast<int>(q.integer(2)),
                  q.text(3),    q.text(4), q.text(5),
                  q.text(6),    q.text(7), q.text(8),
                  q.text(9)};
}

}  // namespace jz::store
