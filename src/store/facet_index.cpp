#include "store/facet_index.hpp"

#include "core/facets.hpp"
#include "core/record_json.hpp"

namespace jz::store {

Status FacetIndex::prepare(Database& db) {
  return db.prepare_all(
      {{&delete_, "DELETE FROM facets WHERE record_id = ?1"},
       {&insert_,
        "INSERT OR IGNORE INTO facets (kind, name, value, record_id) VALUES (?1, ?2, ?3, ?4)"}});
}

Status FacetIndex::write(const Record& record, bool existed) {
  if (existed) {
    delete_.bind(1, record.id);
    JZ_RETURN_IF_ERROR(delete_.run());
  }
  auto facets = public_facets(record);
  if (!facets) return facets.status();
  for (const auto& f : *facets) {
    insert_.bind(1, record.kind()).bind(2, f.name).bind(3, f.value).bind(4, record.id);
    JZ_RETURN_IF_ERROR(insert_.run());
  }
  return Status::ok();
}

Status index_all_facets(Database& db) {
  FacetIndex index;
  JZ_RETURN_IF_ERROR(index.prepare(db));
  auto q = db.prepare("SELECT body FROM records WHERE visibility = 'public'");
  if (!q) return q.status();
  Status s;
  while (q->step(&s)) {
    auto record = parse_record(q->text_view(0));
    if (!record) return record.status().prefixed("indexing facets: ");
    JZ_RETURN_IF_ERROR(index.write(*record, false));
  }
  return s;
}

}  // namespace jz::store
