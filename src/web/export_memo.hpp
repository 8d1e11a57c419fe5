#pragma once
// What many pages of one mirror export compute alike from the whole database, computed once
// per export: the detained persons by priority (the priorities page and its CSV, the calendar
// and each opportunity, in every language) and the violations of every case (their page, their
// feed, each shadow report). A page that takes a value notes the reads its computation made
// (page_reads.hpp) as if it had made them itself, so the incremental mirror still renders it
// again when any of them changes.
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <typeindex>

#include "web/page_reads.hpp"

namespace jz::web {

class ExportMemo {
 public:
  // What `compute` gives, computed by the first page that asks for `key` (a key always names
  // values of one type T); every page that asks notes the computation's reads.
  template <typename T, typename Compute>
  std::shared_ptr<const T> once(const std::string& key, Compute&& compute) {
    Entry& entry = entry_of(key);
    std::call_once(entry.done, [&] {
      entry.type = typeid(T);
      PageReads reads;
      {
        RecordPageReads recording(reads);
        entry.value = std::make_shared<const T>(compute());
      }
      reads.finish();
      entry.reads = std::move(reads);
    });
    if (entry.type != typeid(T))
      throw std::logic_error("ExportMemo: \"" + key + "\" asked for as another type");
    note_reads(entry.reads);
    return std::static_pointer_cast<const T>(entry.value);
  }

 private:
  struct Entry {
    std::once_flag done;
    std::type_index type = typeid(void);
    std::shared_ptr<const void> value;
    PageReads reads;
  };
  Entry& entry_of(const std::string& key);

  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Entry>> entries_;  // held by pointer: entries never move
};

}  // namespace jz::web
