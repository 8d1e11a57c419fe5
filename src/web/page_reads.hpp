#pragma once
// What a page read while it was rendered, so that an incremental mirror (mirror_export.cpp)
// renders again only the pages a change can reach: the records it got, listed or asked
// about, the kinds it listed, whose referrers it asked for, and whether it shows today's date.
// The store decorator (reads_recording_store.hpp), the mirror's oracle and Call::now() note
// them into the recorder set on the rendering thread; on any other thread noting does
// nothing. A thread-local recorder, because the reads happen several layers below the
// handlers, and threading a recorder through every one of them would touch them all.
#include <string>
#include <string_view>
#include <vector>

namespace jz::web {

struct PageReads {
  // "r:ID" a record (got, shown in a list, or asked whether public); "k:KIND" which records
  // of a kind are public, in slug order, with which facets (lists, counts; "k:*" of every
  // kind); "u:KIND" anything about any record of a kind (lists by latest change, searches,
  // scans; "u:*" of every kind); "to:ID" the records that point at ID. Sorted and unique
  // after finish().
  std::vector<std::string> keys;
  bool today = false;  // the page counts to today (a running legal clock, a calendar)

  void finish();
};

// Makes `reads` the current thread's recorder while it lives.
class RecordPageReads {
 public:
  explicit RecordPageReads(PageReads& reads);
  ~RecordPageReads();
  RecordPageReads(const RecordPageReads&) = delete;
  RecordPageReads& operator=(const RecordPageReads&) = delete;

 private:
  PageReads* outer_;
};

void note_record(std::string_view id);
void note_list(std::string_view kind);    // "k:", "" for every kind
void note_change(std::string_view kind);  // "u:", "" for every kind
void note_referrers(std::string_view id);
void note_today();
// Notes every read of `reads` (what a shared computation read: export_memo.hpp).
void note_reads(const PageReads& reads);

}  // namespace jz::web
