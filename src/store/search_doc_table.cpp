#include "store/search_doc_table.hpp"

namespace jz::store {

std::string encode_search_facets(const std::vector<Facet>& facets) {
  std::string out;
  for (const auto& f : facets) out += f.name + '\t' + f.value + '\n';
  return out;
}

Status SearchDocTable::prepare(Database& db) {
  db_ = &db;
  return db.prepare_all({{&data_version_, "PRAGMA data_version"},
                         {&changed_,
                          "SELECT rowid, kind, facets, generation FROM search_docs "
                          "WHERE generation > ?1 ORDER BY generation"}});
}

Status SearchDocTable::refresh() {
  Status s;
  std::int64_t version = data_version_.step(&s) ? data_version_.integer(0) : -1;
  data_version_.reset();
  JZ_RETURN_IF_ERROR(s);
  bool in_transaction = !sqlite3_get_autocommit(db_->handle());
  if (read_in_transaction_ && !in_transaction) {
    // Rows read inside a transaction that has ended since: it may have rolled back. Read
    // every row again (the interned kinds and facets stay: they are only names).
    slots_.clear();
    arena_.clear();
    live_facets_ = 0;
    generation_ = 0;
    stale_ = true;
    read_in_transaction_ = false;
  }
  if (!stale_ && version == data_version_seen_) return Status::ok();
  JZ_RETURN_IF_ERROR(reload_changed());
  data_version_seen_ = version;
  stale_ = false;
  read_in_transaction_ = read_in_transaction_ || in_transaction;
  return Status::ok();
}

Status SearchDocTable::reload_changed() {
  changed_.bind(1, generation_);
  Status s;
  while (changed_.step(&s)) {
    apply(changed_.integer(0), changed_.text_view(1), changed_.text_view(2));
    generation_ = changed_.integer(3);
  }
  changed_.reset();
  JZ_RETURN_IF_ERROR(s);
  if (arena_.size() > 2 * live_facets_ + 4096) compact();
  return Status::ok();
}

void SearchDocTable::apply(std::int64_t rowid, std::string_view kind, std::string_view facets) {
  if (rowid <= 0) return;  // search_docs' rowids start at 1
  auto at = static_cast<std::size_t>(rowid);
  if (at >= slots_.size()) slots_.resize(at + 1);
  Slot& slot = slots_[at];
  live_facets_ -= slot.count;
  slot = Slot{};
  if (kind.empty()) return;  // removed
  slot.kind = intern_kind(kind);
  slot.begin = static_cast<std::uint32_t>(arena_.size());
  for (std::size_t line = 0; line < facets.size();) {
    std::size_t end = facets.find('\n', line);
    if (end == std::string_view::npos) end = facets.size();
    std::string_view f = facets.substr(line, end - line);
    std::size_t tab = f.find('\t');
    if (tab != std::string_view::npos)
      arena_.push_back(intern_facet(f.substr(0, tab), f.substr(tab + 1)));
    line = end + 1;
  }
  slot.count = static_cast<std::uint32_t>(arena_.size() - slot.begin);
  live_facets_ += slot.count;
}

// Replaced documents leave their old facet ids behind in the arena; copy out the live ones.
void SearchDocTable::compact() {
  std::vector<Id> arena;
  arena.reserve(live_facets_);
  for (Slot& slot : slots_) {
    std::uint32_t begin = static_cast<std::uint32_t>(arena.size());
    arena.insert(arena.end(), arena_.begin() + slot.begin,
                 arena_.begin() + slot.begin + slot.count);
    slot.begin = begin;
  }
  arena_ = std::move(arena);
}

std::optional<SearchDocTable::Id> SearchDocTable::find_kind(const std::string& name) const {
  auto it = kind_ids_.find(name);
  if (it == kind_ids_.end()) return std::nullopt;
  return it->second;
}

SearchDocTable::Id SearchDocTable::intern_kind(std::string_view name) {
  auto [it, added] = kind_ids_.try_emplace(std::string(name), static_cast<Id>(kinds_.size()));
  if (added) kinds_.emplace_back(name);
  return it->second;
}

SearchDocTable::Id SearchDocTable::intern_facet(std::string_view name, std::string_view value) {
  std::string key;
  key.reserve(name.size() + 1 + value.size());
  key.append(name).append(1, '\t').append(value);
  auto [it, added] = facet_ids_.try_emplace(std::move(key), static_cast<Id>(facets_.size()));
  if (added) facets_.push_back({std::string(name), std::string(value)});
  return it->second;
}

}  // namespace jz::store
