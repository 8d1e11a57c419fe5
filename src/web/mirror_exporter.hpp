#pragma once
// The engine of a mirror export (export_mirror in mirror_export.cpp drives it): the queue of
// URLs that worker threads render, write and follow, the taker thread that links in the
// earlier export's pages no change reaches (mirror_take.cpp), and the sweep that follows
// every link when a change may have left a page linked from nowhere (mirror_sweep.cpp).
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/string_map.hpp"
#include "web/export_memo.hpp"
#include "web/mirror_export.hpp"
#include "web/page_cache.hpp"
#include "web/reader_pool.hpp"
#include "web/reads_recording_store.hpp"

namespace jz::web {

// What an export may take from the earlier one: its pages whose reads no change reaches.
struct MirrorReuse {
  std::filesystem::path dir;
  // The earlier state's pages, normally by file (as finish() writes them); moved out when taken.
  std::vector<MirrorPageState>* in_order;
  // The same, by the number of its file in the earlier state's pool, which this export's pages
  // share (moved out too).
  std::unordered_map<StringPool::Id, MirrorPageState*> pages;
  // The pool's numbers of the read keys a change reaches (mirror_changes.hpp), sorted; a key
  // not in the pool was read by no page.
  std::vector<StringPool::Id> changed;
  bool day_changed = false;
  std::vector<std::string> broken_links = {};  // MirrorState::broken_links

  // Whether a change reaches what `page` read: a few numbers compared, no string.
  bool reaches(const MirrorPageState& page) const {
    if (page.today && day_changed) return true;
    for (auto key : page.reads.ids())
      if (std::binary_search(changed.begin(), changed.end(), key)) return true;
    return false;
  }
};

// Runs the export: a shared queue of URLs that worker threads render, write and follow; when
// building on an earlier export, a taker thread (start_taking) first links in the pages no
// change reaches and queues the others.
class MirrorExporter {
 public:
  // The pages rendered name their strings in `strings` (the earlier state's pool, when
  // building on it), the pool of the state finish() reports.
  MirrorExporter(const Site& site, ReaderPool& readers, const MirrorOptions& options,
                 MirrorRender render, std::shared_ptr<StringPool> strings,
                 const MirrorReuse* reuse);

  // Queues `url` unless its file is queued already; before start(), or with mutex_ held.
  void add(std::string url);

  // Building on an earlier export: starts a thread that takes each of its pages no change
  // reaches, without following its links, and queues the others to be rendered, with the
  // links the earlier export found broken; finish_pages() waits for it. Pages rendered queue
  // their links as usual. Following every link of every page was most of an export after
  // one change; the pages are taken while the records are read and the first pages render.
  void start_taking();

  // Whether the root's copy of a home page was taken from the earlier export.
  bool root_copy_taken() const { return root_copy_taken_; }

  // Threads still running when the export returns early are stopped, not left to run on.
  ~MirrorExporter();

  // Starts the threads on the pages queued so far: the lists and the rest of the route
  // table keep them busy while the records are read for add_record_pages().
  void start();

  // The records' pages come from `record_paths` ("/persons/p1"), in each language, after the
  // pages queued before; until they are given, an idle thread waits for them.
  void add_record_pages(std::vector<std::string> record_paths);

  // Waits for the threads start() and start_taking() began; call add_record_pages() first,
  // or stop() them.
  Status finish_pages();

  // Lets go of the readers' snapshots once no page is left to render.
  void close_readers() { recording_.close_idle(); }

  // Stops the threads after the pages they are on, when the records could not be read.
  void stop(Status why);

  // Makes the mirror file `path` hold `bytes`, and records it.
  Result<MirrorFile> write(const std::string& path, std::string_view bytes);

  // Removes what `out` held that the new mirror has not, and the folders that leaves empty;
  // call it after the last write.
  Status remove_stale();

  const std::vector<MirrorFile>& files() const { return report_.files; }

  // Renders `url` into the mirror file `file` (not always its own: the root's copy of a home
  // page), and queues the links it holds when `follow`.
  Status render(const std::string& url, const std::string& file, bool follow);

  // Whether an export that took pages without following their links has to follow them
  // after all: a page of the earlier export is gone (a page taken may link to it), or a page
  // rendered again no longer links to all it did and one of those links led to a page other
  // than the roots (`roots`, and the records' pages), which are always there: the page it
  // led to may be linked from nowhere now. Most changes drop only links to records (the home
  // page's latest changes), so most exports do not sweep; hiding a record whose page the
  // mirror held always does.
  bool needs_sweep(const std::vector<std::string>& roots) const;

  // Keeps the pages reachable from `roots` (URLs, and the root's copy of a home page) through
  // links, and removes the others from the mirror. A link to a page not produced (one the
  // earlier export found broken) is rendered; the broken links become those reached. Call it
  // after finish_pages(), on one thread.
  Status sweep(std::vector<std::string> roots);

  // The report, its files sorted by path, with the state's pages sorted by file and the links
  // found broken; call it last.
  MirrorReport finish();

 private:
  // Records decoded once and shared by the render threads (SharedRecords), at most this many.
  static constexpr std::size_t kSharedRecords = 200000;

  // A URL a page links to that the site does not answer.
  struct NotServed {
    std::string url;
    int status = 0;
  };

  Status make_parent(const std::filesystem::path& target);

  void add_file(MirrorFile file, bool kept);

  // Whether `file` is still to be produced by this export, claiming it if so; with mutex_
  // held, or before start(). The earlier export's pages are not: the taker thread takes or
  // queues each of them.
  bool claim(const std::string& file);

  Status take_unchanged();

  // Removes the mirror file `path` and the folders that leaves empty; `counted` in
  // MirrorReport::removed.
  Status remove_file(std::string_view path, bool counted = true);

  // Sorts pages_ by file. The pages taken came in the earlier state's order, which is by file:
  // only the pages rendered (a few, after a change) are sorted, then merged in place. Sorting
  // every page was a quarter of a second on one core at the end of a publish after a change.
  void sort_pages();

  // add_file() for a caller that holds mutex_.
  void record_file(MirrorFile file, bool kept);

  // Whether `path` is a plain file of `size` bytes (one lstat(): the bytes are not read).
  static bool plain_file_of(const std::filesystem::path& path, std::uint64_t size);

  // Whether `out` holds a file at `path` already: listed in out_holds with this hash and size.
  // No lstat(): the caller listed only what is there, and at 1M records one per unchanged file
  // was millions of calls into the file system on every publish.
  bool holds(std::string_view path, std::uint64_t size, const Digest& blake2b) const;

  // Puts a file at the mirror's `path`, made by `make` at the path it is given (false: it
  // could not). Where `out` held a file, the new one is made beside it and renamed over it,
  // never written into: the old one may share its bytes with the earlier mirror, which
  // readers are being served.
  Result<bool> place(const std::string& path,
                     const std::function<bool(const std::filesystem::path&)>& make);

  // Queues the page's links when `follow`, and notes those outside; the caller holds mutex_.
  void add_links(const MirrorPageState& page, bool follow);

  enum class Linked { kGone, kLinked, kKept };

  // Links (or, across file systems, copies) the earlier export's file into the new mirror,
  // unless `out` holds those bytes already; kGone when it is gone or not of its size, so the
  // page is rendered.
  Result<Linked> link_earlier(const MirrorPageState& earlier);

  // The next URL to render: links found first (they are few), then records' pages.
  bool next(std::string& url);

  void work();

  ExportMemo memo_;
  MirrorRender render_;
  SharedRecords shared_records_{kSharedRecords};
  SharedLists shared_lists_;
  ReaderPool recording_;  // readers that note what each page reads
  PageCache cache_{0};    // unused: a mirror's pages are rendered once
  Context context_;
  const MirrorOptions& options_;
  StringPool& strings_;
  const MirrorReuse* reuse_;

  std::mutex mutex_;
  std::condition_variable idle_;
  std::deque<std::string> queue_;
  // Mirror files queued or written, and links of pages add_links() has queued, by their
  // numbers in strings_: at 1M records, millions of each.
  std::unordered_set<StringPool::Id> seen_, followed_;
  std::vector<std::string> record_paths_;
  bool records_known_ = false;  // add_record_pages() was called
  std::size_t next_record_ = 0;
  std::size_t busy_ = 0, done_ = 0;
  Status failure_;
  std::unordered_set<std::string> made_dirs_;
  std::set<std::string, std::less<>> outside_;
  StringMap<const MirrorFile*> held_;  // options_.out_holds by path
  std::vector<MirrorPageState> pages_;
  std::vector<bool> taken_;  // for each of pages_: taken from the earlier export, or rendered
  std::map<std::string, NotServed> not_served_;  // by file: URLs linked that answer no page
  std::map<std::string, NotServed> gone_;        // by file: pages of the earlier export now gone
  // Links that pages rendered again no longer hold (or held, when gone): views into the pool.
  std::vector<std::string_view> dropped_links_;
  bool root_copy_taken_ = false;
  MirrorReport report_;
  std::vector<bool> files_kept_;  // for each of report_.files: `out` held it already
  std::vector<std::thread> workers_;
  std::thread taker_;  // start_taking()
};

}  // namespace jz::web
