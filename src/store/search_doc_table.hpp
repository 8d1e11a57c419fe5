#pragma once
// SearchDocTable: every search document's kind and facets in memory, by FTS5 rowid, so a
// search filters and counts its matches without a query per match (at 1M records the facet
// query was two thirds of search time; counting in memory is 20-30 times faster).
//
// It follows search_docs: each put or remove stamps its row with a new generation, and
// refresh() reads the rows stamped since the last refresh, whoever wrote them (this
// connection or another process). Removed documents stay as rows with kind '' so that their
// removal has a generation too.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/facets.hpp"
#include "store/sqlite_db.hpp"

namespace jz::store {

// A document's facets as search_docs stores them: "name\tvalue\n" for each.
std::string encode_search_facets(const std::vector<Facet>& facets);

class SearchDocTable {
 public:
  using Id = std::uint32_t;  // a kind's or a facet's number in this table

  Status prepare(Database& db);
  // Brings the table up to date: one PRAGMA when nothing changed, else the changed rows.
  Status refresh();
  // This connection wrote to search_docs (its own commits do not change data_version).
  void mark_stale() { stale_ = true; }

  // One past the highest rowid known.
  std::int64_t end() const { return static_cast<std::int64_t>(slots_.size()); }
  bool live(std::int64_t rowid) const {
    return rowid > 0 && rowid < end() && slots_[static_cast<std::size_t>(rowid)].kind != kNone;
  }
  Id kind(std::int64_t rowid) const { return slots_[static_cast<std::size_t>(rowid)].kind; }
  std::span<const Id> facets(std::int64_t rowid) const {
    const Slot& s = slots_[static_cast<std::size_t>(rowid)];
    return {arena_.data() + s.begin, s.count};
  }

  std::size_t kind_count() const { return kinds_.size(); }
  std::size_t facet_count() const { return facets_.size(); }
  const std::string& kind_name(Id kind) const { return kinds_[kind]; }
  const Facet& facet(Id facet) const { return facets_[facet]; }
  std::optional<Id> find_kind(const std::string& name) const;

 private:
  static constexpr Id kNone = ~Id{0};
  struct Slot {
    std::uint32_t begin = 0;
    std::uint32_t count = 0;
    Id kind = kNone;
  };

  Status reload_changed();
  void apply(std::int64_t rowid, std::string_view kind, std::string_view facets);
  Id intern_kind(std::string_view name);
  Id intern_facet(std::string_view name, std::string_view value);
  void compact();

  Database* db_ = nullptr;
  Statement data_version_, changed_;
  std::int64_t data_version_seen_ = -1;
  std::int64_t generation_ = 0;  // the highest generation read
  bool stale_ = true;
  bool read_in_transaction_ = false;  // what was read may yet be rolled back

  std::vector<Slot> slots_;  // by rowid
  std::vector<Id> arena_;    // facet ids; a slot's are arena_[begin, begin + count)
  std::size_t live_facets_ = 0;
  std::vector<std::string> kinds_;
  std::unordered_map<std::string, Id> kind_ids_;
  std::vector<Facet> facets_;
  std::unordered_map<std::string, Id> facet_ids_;  // by "name\tvalue"
};

}  // namespace jz::store
