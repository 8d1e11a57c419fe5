#pragma once
// What a mirror takes from every public record: its line of data/records.jsonl, its page,
// and its document in the mirror's search index. One thread reads and decodes the records
// while another derives these from them, batch by batch in the order read: at 60,000
// records each half took about a second, one after the other.
#include <string>
#include <vector>

#include "core/redact.hpp"
#include "core/status.hpp"
#include "search/static_index.hpp"
#include "store/store.hpp"
#include "web/context.hpp"

namespace jz::web {

struct MirrorRecords {
  std::string jsonl;               // every public record's public view, a line each
  std::vector<std::string> paths;  // the pages of those that have one: "/persons/p1"
};

// Reads every record of `store`; `is_public` decides what is public and what a public record
// shows (public_view). Each public record that has a search document is added to `index`,
// with its title, kind and status in each language as `render`'s pages show them.
Result<MirrorRecords> read_mirror_records(store::Store& store, const IsPublic& is_public,
                                          const Site& site, const MirrorRender& render,
                                          search::StaticIndexWriter& index);

}  // namespace jz::web
