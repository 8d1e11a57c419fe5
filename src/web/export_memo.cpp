#include "web/export_memo.hpp"

namespace jz::web {

ExportMemo::Entry& ExportMemo::entry_of(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto& entry = entries_[key];
  if (!entry) entry = std::make_unique<Entry>();
  return *entry;
}

}  // namespace jz::web
