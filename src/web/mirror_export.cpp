#include "web/mirror_export.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/program_id.hpp"
#include "core/string_map.hpp"
#include "http/path_decode.hpp"
#include "monitor/time_limit.hpp"
#include "search/static_index.hpp"
#include "web/export_memo.hpp"
#include "web/mirror_changes.hpp"
#include "web/mirror_paths.hpp"
#include "web/mirror_records.hpp"
#include "web/page_reads.hpp"
#include "web/reads_recording_store.hpp"
#include "web/routes.hpp"

namespace jz::web {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kSitemapUrls = 50000;  // the sitemaps protocol's limit per file
// The root's copy of the home page in Simplified Chinese, which no URL names.
constexpr std::string_view kRootCopy = "index.html";
// Records decoded once and shared by the render threads (SharedRecords), at most this many.
constexpr std::size_t kSharedRecords = 200000;

// The pages that no other page need link to: each language's pages without an {id}, in the
// route table's order. Records' pages are added from the store; everything else (a case's
// feed, a review's shadow report, a list's later pages) is found by following links.
std::vector<std::string> fixed_pages() {
  std::vector<std::string> out;
  for (auto lang : i18n::all_langs())
    for (const auto& route : routes()) {
      std::string_view p = route.pattern;
      if (route.method != "GET" || route.access != Access::kPublic || !p.starts_with("/{lang}/") ||
          p.find("{id}") != p.npos || p.find("{collection}") != p.npos)
        continue;
      std::string url = "/" + std::string(i18n::url_prefix(lang)) + std::string(p.substr(7));
      if (mirror_file(url)) out.push_back(std::move(url));
    }
  return out;
}

bool is_linking_text(const std::string& content_type) {
  return content_type.starts_with("text/html") || content_type.starts_with("application/atom+xml");
}

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else
      out += c;
  }
  return out;
}

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// What the pages' bytes depend on besides the store and the day: this build of the program
// (its code, templates and messages), the site's settings and the options that shape links.
std::string renderer_of(const Site& site, const MirrorOptions& options) {
  auto program = program_id();
  if (program.empty()) return "";  // unknown: nothing rendered before can be trusted
  Blake2b h;
  auto field = [&](std::string_view s) { h.update(s).update(std::string_view("\0", 1)); };
  field(program);
  field(options.live_origin);
  field(options.base_url);
  const auto& settings = site.settings;
  const auto& w = settings.priority_weights;
  for (double d :
       {w.serious_illness, w.long_sentence, w.without_trial, w.age, w.denied_access, w.opportunity})
    field(std::to_string(d));
  for (int i : {w.long_sentence_years, w.without_trial_days, w.age_from, w.opportunity_days})
    field(std::to_string(i));
  field(settings.signing_key);
  for (const auto& k : settings.earlier_keys) field(k);
  field("mirrors");
  for (const auto& m : settings.mirrors)
    for (const auto* s : {&m.url, &m.note.zh, &m.note.zh_hant, &m.note.en}) field(*s);
  return to_hex(h.finish());
}

// What an export may take from the earlier one: its pages whose reads no change reaches.
struct Reuse {
  std::filesystem::path dir;
  // The earlier state's pages, normally by file (as finish() writes them); moved out when taken.
  std::vector<MirrorPageState>* in_order;
  std::unordered_map<std::string, MirrorPageState*> pages;  // the same, by file (moved out too)
  StringSet changed;  // read keys a change reaches (mirror_changes.hpp)
  bool day_changed = false;
  std::vector<std::string> broken_links = {};  // MirrorState::broken_links

  // Whether a change reaches what `page` read. A change reaches a handful of keys and a page
  // read dozens, so the keys are compared one by one rather than each read hashed.
  bool reaches(const MirrorPageState& page) const {
    if (page.today && day_changed) return true;
    if (changed.size() > 16) {
      for (auto key : page.reads)
        if (changed.contains(key)) return true;
      return false;
    }
    for (auto key : page.reads)
      for (const auto& c : changed)
        if (key == c) return true;
    return false;
  }
};

// A URL a page links to that the site does not answer.
struct NotServed {
  std::string url;
  int status = 0;
};

// Runs the export: a shared queue of URLs that worker threads render, write and follow; when
// building on an earlier export, a taker thread (start_taking) first links in the pages no
// change reaches and queues the others.
class Exporter {
 public:
  Exporter(const Site& site, ReaderPool& readers, const MirrorOptions& options, MirrorRender render,
           const Reuse* reuse)
      : render_(std::move(render)),
        recording_([&readers, this]() -> Result<std::unique_ptr<store::Store>> {
          auto lease = readers.acquire();
          if (!lease) return lease.status();
          return ReadsRecordingStore::open(std::move(*lease), shared_records_, shared_lists_);
        }),
        context_{site, recording_, cache_, nullptr, &render_},
        options_(options),
        reuse_(reuse) {
    render_.memo = &memo_;
    for (const auto& f : options.out_holds) held_.emplace(f.path, &f);
  }

  // Queues `url` unless its file is queued already; before start(), or with mutex_ held.
  void add(std::string url) {
    auto file = mirror_file(url);
    if (!file || !claim(*file)) return;
    queue_.push_back(std::move(url));
  }

  // Building on an earlier export: starts a thread that takes each of its pages no change
  // reaches, without following its links, and queues the others to be rendered, with the
  // links the earlier export found broken; finish_pages() waits for it. Pages rendered queue
  // their links as usual. Following every link of every page was most of an export after
  // one change; the pages are taken while the records are read and the first pages render.
  void start_taking() {
    std::lock_guard lock(mutex_);
    ++busy_;  // the render threads do not finish before it does
    taker_ = std::thread([this] {
      Status s = take_unchanged();
      std::lock_guard done(mutex_);
      --busy_;
      if (!s.is_ok() && failure_.is_ok()) failure_ = std::move(s);
      idle_.notify_all();
    });
  }

  // Whether the root's copy of a home page was taken from the earlier export.
  bool root_copy_taken() const { return root_copy_taken_; }

  // Threads still running when the export returns early are stopped, not left to run on.
  ~Exporter() {
    if (!workers_.empty() || taker_.joinable()) stop(Status::internal("the export stopped early"));
  }

  // Starts the threads on the pages queued so far: the lists and the rest of the route
  // table keep them busy while the records are read for add_record_pages().
  void start() {
    for (unsigned i = 0; i < std::max(1u, options_.threads); ++i)
      workers_.emplace_back([this] { work(); });
  }

  // The records' pages come from `record_paths` ("/persons/p1"), in each language, after the
  // pages queued before; until they are given, an idle thread waits for them.
  void add_record_pages(std::vector<std::string> record_paths) {
    std::lock_guard lock(mutex_);
    record_paths_ = std::move(record_paths);
    records_known_ = true;
    idle_.notify_all();
  }

  // Waits for the threads start() and start_taking() began; call add_record_pages() first,
  // or stop() them.
  Status finish_pages() {
    for (auto& w : workers_) w.join();
    workers_.clear();
    if (taker_.joinable()) taker_.join();
    return failure_;
  }

  // Lets go of the readers' snapshots once no page is left to render.
  void close_readers() { recording_.close_idle(); }

  // Stops the threads after the pages they are on, when the records could not be read.
  void stop(Status why) {
    {
      std::lock_guard lock(mutex_);
      if (failure_.is_ok()) failure_ = std::move(why);
      idle_.notify_all();
    }
    (void)finish_pages();
  }

  // Makes the mirror file `path` hold `bytes`, and records it.
  Result<MirrorFile> write(const std::string& path, std::string_view bytes) {
    MirrorFile file{path, bytes.size(), blake2b(bytes)};
    const bool kept = holds(file.path, file.size, file.blake2b);
    if (!kept) {
      auto placed = place(path, [&bytes](const fs::path& to) {
        std::ofstream out(to, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        return !!out;
      });
      if (!placed) return placed.status();
      if (!*placed)
        return Status::io((options_.out / path).string() + ": cannot write (disk full?)");
    }
    add_file(file, kept);
    return file;
  }

  // Removes what `out` held that the new mirror has not, and the folders that leaves empty;
  // call it after the last write.
  Status remove_stale() {
    std::unordered_set<std::string_view> now;
    for (const auto& f : report_.files) now.insert(f.path);
    for (const auto& [path, file] : held_)
      if (!now.contains(path)) JZ_RETURN_IF_ERROR(remove_file(path));
    return Status::ok();
  }

  const std::vector<MirrorFile>& files() const { return report_.files; }

  // Renders `url` into the mirror file `file` (not always its own: the root's copy of a home
  // page), and queues the links it holds when `follow`.
  Status render(const std::string& url, const std::string& file, bool follow) {
    http::Request request;
    request.method = "GET";
    request.target = url;
    auto decoded = http::detail::decode_target(url);
    if (!decoded) return Status::internal(url + ": not a URL the site writes");
    request.path = decoded->path;
    request.query = decoded->query;
    PageReads reads;
    http::Response response;
    {
      RecordPageReads recording(reads);
      response = dispatch(request, context_);
    }
    // The same page in the earlier export, when this one renders it again.
    const MirrorPageState* before = nullptr;
    if (reuse_)
      if (auto it = reuse_->pages.find(file); it != reuse_->pages.end()) before = it->second;
    if (response.status != 200) {
      std::lock_guard lock(mutex_);
      // A page of the earlier export now gone (its record hidden, say) is no broken link when
      // what linked to it read what hid it and is rendered again; a link in Markdown reads
      // nothing, so any page gone calls for sweep(), which follows the links of the pages
      // taken to find out.
      (before ? gone_ : not_served_)[file] = {url, response.status};
      if (before)
        dropped_links_.insert(dropped_links_.end(), before->links.begin(), before->links.end());
      return Status::ok();
    }
    reads.finish();
    MirrorPageState page{
        .url = url, .file = file, .reads = StringList(reads.keys), .today = reads.today};
    const bool linking = is_linking_text(response.content_type);
    if (linking) {
      auto links = relative_links(response.body, file, options_.live_origin);
      response.body = std::move(links.body);
      sort_unique(links.targets);
      sort_unique(links.outside);
      page.links = StringList(links.targets);
      page.outside = StringList(links.outside);
    }
    auto written = write(file, response.body);
    if (!written) return written.status();
    page.size = written->size;
    page.blake2b = written->blake2b;
    std::vector<std::string_view> dropped;
    if (before)
      std::set_difference(before->links.begin(), before->links.end(), page.links.begin(),
                          page.links.end(), std::back_inserter(dropped));
    std::lock_guard lock(mutex_);
    dropped_links_.insert(dropped_links_.end(), dropped.begin(), dropped.end());
    ++report_.pages;
    add_links(page, follow);
    pages_.push_back(std::move(page));
    taken_.push_back(false);
    return Status::ok();
  }

  // Whether an export that took pages without following their links has to follow them
  // after all: a page of the earlier export is gone (a page taken may link to it), or a page
  // rendered again no longer links to all it did and one of those links led to a page other
  // than the roots (`roots`, and the records' pages), which are always there: the page it
  // led to may be linked from nowhere now. Most changes drop only links to records (the home
  // page's latest changes), so most exports do not sweep; hiding a record whose page the
  // mirror held always does.
  bool needs_sweep(const std::vector<std::string>& roots) const {
    if (!gone_.empty()) return true;
    if (dropped_links_.empty()) return false;
    StringSet root_files;
    for (const auto& url : roots)
      if (auto file = mirror_file(url)) root_files.insert(std::move(*file));
    // The dropped links that may be records' pages, as record paths: usually a handful,
    // looked up in one pass over the records rather than each record put in a set.
    std::unordered_set<std::string> maybe_records;
    for (auto url : dropped_links_) {
      auto file = mirror_file(url);
      if (!file || root_files.contains(*file)) continue;
      // "en/persons/p1.html" is the page of the record at "/persons/p1".
      std::string_view f = *file;
      const auto slash = f.find('/');
      if (slash == f.npos || !f.ends_with(".html")) return true;
      maybe_records.insert("/" + std::string(f.substr(slash + 1, f.size() - slash - 6)));
    }
    for (const auto& path : record_paths_) {
      if (maybe_records.empty()) break;
      maybe_records.erase(path);
    }
    return !maybe_records.empty();
  }

  // Keeps the pages reachable from `roots` (URLs, and the root's copy of a home page) through
  // links, and removes the others from the mirror. A link to a page not produced (one the
  // earlier export found broken) is rendered; the broken links become those reached. Call it
  // after finish_pages(), on one thread.
  Status sweep(std::vector<std::string> roots) {
    report_.swept = true;
    for (const auto& path : record_paths_)
      for (auto lang : i18n::all_langs())
        roots.push_back("/" + std::string(i18n::url_prefix(lang)) + path);
    std::unordered_map<std::string, std::size_t> index;  // file -> its page in pages_
    index.reserve(pages_.size());
    for (std::size_t i = 0; i < pages_.size(); ++i) index.emplace(pages_[i].file, i);
    std::vector<bool> reached(pages_.size());
    std::vector<std::size_t> todo;
    std::set<std::string> broken;  // files of the links reached that the site does not answer
    auto reach = [&](std::string_view url, const std::string& file) -> Status {
      if (auto it = index.find(file); it != index.end()) {
        if (!reached[it->second]) todo.push_back(it->second);
        reached[it->second] = true;
        return Status::ok();
      }
      if (auto gone = gone_.find(file); gone != gone_.end()) {
        not_served_[file] = gone->second;  // linked from a page taken unchanged
      } else if (!not_served_.contains(file)) {
        JZ_RETURN_IF_ERROR(render(std::string(url), file, false));
        if (!not_served_.contains(file)) {  // it is a page now
          index.emplace(file, pages_.size() - 1);
          reached.push_back(true);
          todo.push_back(pages_.size() - 1);
          return Status::ok();
        }
      }
      broken.insert(file);
      return Status::ok();
    };
    for (const auto& url : roots)
      if (auto file = mirror_file(url)) JZ_RETURN_IF_ERROR(reach(url, *file));
    if (const std::string root_copy(kRootCopy); index.contains(root_copy))
      JZ_RETURN_IF_ERROR(reach("", root_copy));
    while (!todo.empty()) {
      const std::size_t i = todo.back();
      todo.pop_back();
      // Rendering adds to pages_: a link to no page yet is followed after the others.
      std::vector<std::pair<std::string, std::string>> later;  // URL, file
      for (auto url : pages_[i].links) {
        auto file = mirror_file(url);
        if (!file) continue;
        if (index.contains(*file))
          JZ_RETURN_IF_ERROR(reach(url, *file));
        else
          later.emplace_back(url, std::move(*file));
      }
      for (const auto& [url, file] : later) JZ_RETURN_IF_ERROR(reach(url, file));
    }
    std::erase_if(not_served_, [&](const auto& entry) { return !broken.contains(entry.first); });

    StringSet gone;  // files of the pages no longer reached
    std::size_t kept = 0;
    std::lock_guard lock(mutex_);  // the search index may still be writing files
    outside_.clear();
    for (std::size_t i = 0; i < pages_.size(); ++i) {
      if (!reached[i]) {
        (taken_[i] ? report_.reused : report_.pages) -= 1;
        gone.insert(std::move(pages_[i].file));
        continue;
      }
      add_links(pages_[i], false);
      if (kept != i) {
        pages_[kept] = std::move(pages_[i]);
        taken_[kept] = taken_[i];
      }
      ++kept;
    }
    pages_.resize(kept);
    taken_.resize(kept);
    kept = 0;
    for (std::size_t i = 0; i < report_.files.size(); ++i) {
      if (gone.contains(report_.files[i].path)) {
        report_.bytes -= report_.files[i].size;
        --(files_kept_[i] ? report_.kept : report_.written);
        continue;
      }
      if (kept != i) {
        report_.files[kept] = std::move(report_.files[i]);
        files_kept_[kept] = files_kept_[i];
      }
      ++kept;
    }
    report_.files.resize(kept);
    files_kept_.resize(kept);
    // What `out` held is removed by remove_stale(); what this export put there, here, and
    // not counted as removed: the mirror before it did not have it.
    for (const auto& path : gone)
      if (!held_.contains(path)) JZ_RETURN_IF_ERROR(remove_file(path, false));
    return Status::ok();
  }

  MirrorReport finish() {
    std::sort(report_.files.begin(), report_.files.end(),
              [](const MirrorFile& a, const MirrorFile& b) { return a.path < b.path; });
    for (const auto& [file, link] : not_served_) {
      report_.broken.push_back(file + ": " + link.url + " answers " + std::to_string(link.status));
      report_.state.broken_links.push_back(link.url);
    }
    std::sort(report_.broken.begin(), report_.broken.end());
    std::sort(report_.state.broken_links.begin(), report_.state.broken_links.end());
    report_.outside.assign(outside_.begin(), outside_.end());
    sort_pages();
    report_.state.pages = std::move(pages_);
    files_kept_.clear();  // no longer in step with report_.files, sorted above
    return std::move(report_);
  }

 private:
  Status make_parent(const fs::path& target) {
    std::lock_guard lock(mutex_);
    if (!made_dirs_.insert(target.parent_path().string()).second) return Status::ok();
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) return Status::io(target.parent_path().string() + ": " + ec.message());
    return Status::ok();
  }

  void add_file(MirrorFile file, bool kept) {
    std::lock_guard lock(mutex_);
    record_file(std::move(file), kept);
  }

  // Whether `file` is still to be produced by this export, claiming it if so; with mutex_
  // held, or before start(). The earlier export's pages are not: the taker thread takes or
  // queues each of them.
  bool claim(const std::string& file) {
    if (reuse_ && reuse_->pages.contains(file)) return false;
    return seen_.insert(file).second;
  }

  Status take_unchanged() {
    std::size_t n = 0;
    for (auto& earlier_page : *reuse_->in_order) {
      MirrorPageState* earlier = &earlier_page;
      if (++n % 4096 == 0) {
        std::lock_guard lock(mutex_);
        if (!failure_.is_ok()) return Status::ok();  // stopped: the failure is known
      }
      const bool root_copy = earlier->file == kRootCopy;  // produced last, from its own URL
      if (!reuse_->reaches(*earlier)) {
        auto linked = link_earlier(*earlier);
        if (!linked) return linked.status();
        if (*linked != Linked::kGone) {
          root_copy_taken_ = root_copy_taken_ || root_copy;
          // Moved out: no thread asks for this page again, as its file is claimed.
          MirrorPageState page = std::move(*earlier);
          std::lock_guard lock(mutex_);
          record_file({page.file, page.size, page.blake2b}, *linked == Linked::kKept);
          ++report_.reused;
          add_links(page, false);
          pages_.push_back(std::move(page));
          taken_.push_back(true);
          continue;
        }
      }
      if (root_copy) continue;
      std::lock_guard lock(mutex_);
      queue_.push_back(earlier->url);
      idle_.notify_one();
    }
    std::lock_guard lock(mutex_);
    for (const auto& url : reuse_->broken_links) add(url);
    idle_.notify_all();
    return Status::ok();
  }

  // Removes the mirror file `path` and the folders that leaves empty; `counted` in
  // MirrorReport::removed.
  Status remove_file(std::string_view path, bool counted = true) {
    fs::path gone = options_.out / path;
    std::error_code ec;
    const bool removed = fs::remove(gone, ec);
    if (ec) return Status::io(gone.string() + ": cannot remove it: " + ec.message());
    if (counted) report_.removed += removed;
    // A folder that still holds something is not removed: that ends the climb.
    for (fs::path dir = gone.parent_path(); dir != options_.out && fs::remove(dir, ec);)
      dir = dir.parent_path();
    return Status::ok();
  }

  // Sorts pages_ by file. The pages taken came in the earlier state's order, which is by file:
  // only the pages rendered (a few, after a change) are sorted, then merged in place. Sorting
  // every page was a quarter of a second on one core at the end of a publish after a change.
  void sort_pages() {
    const auto by_file = [this](std::size_t a, std::size_t b) {
      return pages_[a].file < pages_[b].file;
    };
    std::vector<std::size_t> order(pages_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    const auto rendered = std::stable_partition(order.begin(), order.end(),
                                                [this](std::size_t i) { return taken_[i]; });
    if (!std::is_sorted(order.begin(), rendered, by_file))
      std::sort(order.begin(), rendered, by_file);  // an earlier state not written by finish()
    std::sort(rendered, order.end(), by_file);
    std::inplace_merge(order.begin(), rendered, order.end(), by_file);
    // pages_[order[k]] belongs at k: each cycle of the permutation is walked once, a page
    // moved at a time, rather than every page moved into a second vector as large.
    for (std::size_t start = 0; start < order.size(); ++start) {
      if (order[start] == start) continue;
      MirrorPageState held = std::move(pages_[start]);
      std::size_t at = start;
      while (order[at] != start) {
        const std::size_t from = order[at];
        pages_[at] = std::move(pages_[from]);
        order[at] = at;
        at = from;
      }
      pages_[at] = std::move(held);
      order[at] = at;
    }
    taken_.clear();  // no longer in step with pages_
  }

  // add_file() for a caller that holds mutex_.
  void record_file(MirrorFile file, bool kept) {
    report_.bytes += file.size;
    ++(kept ? report_.kept : report_.written);
    report_.files.push_back(std::move(file));
    files_kept_.push_back(kept);
  }

  // Whether `path` is a plain file of `size` bytes (one lstat(): the bytes are not read).
  static bool plain_file_of(const fs::path& path, std::uint64_t size) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
           static_cast<std::uint64_t>(st.st_size) == size;
  }

  // Whether `out` holds a file at `path` already: listed with this hash, and still there at
  // its size.
  bool holds(std::string_view path, std::uint64_t size, const Digest& blake2b) const {
    auto it = held_.find(path);
    return it != held_.end() && it->second->blake2b == blake2b &&
           plain_file_of(options_.out / path, size);
  }

  // Puts a file at the mirror's `path`, made by `make` at the path it is given (false: it
  // could not). Where `out` held a file, the new one is made beside it and renamed over it,
  // never written into: the old one may share its bytes with the earlier mirror, which
  // readers are being served.
  Result<bool> place(const std::string& path, const std::function<bool(const fs::path&)>& make) {
    const fs::path target = options_.out / path;
    JZ_RETURN_IF_ERROR(make_parent(target));
    const bool replacing = held_.contains(path);
    const fs::path to = replacing ? fs::path(target.string() + ".jz-new") : target;
    std::error_code ec;
    if (replacing) fs::remove(to, ec);
    if (!make(to)) {
      fs::remove(to, ec);
      return false;
    }
    if (!replacing) return true;
    fs::rename(to, target, ec);
    if (ec) return Status::io(target.string() + ": cannot replace it: " + ec.message());
    fs::remove(to, ec);  // rename() leaves both names when they were links to one file
    return true;
  }

  // Queues the page's links when `follow`, and notes those outside; the caller holds mutex_.
  void add_links(const MirrorPageState& page, bool follow) {
    for (auto u : page.outside)
      if (!outside_.contains(u)) outside_.emplace(u);  // most are known: no string made for them
    if (follow)
      for (auto u : page.links)
        if (!followed_.contains(u)) {  // most were on pages before it: no string made for them
          followed_.emplace(u);
          add(std::string(u));
        }
  }

  enum class Linked { kGone, kLinked, kKept };

  // Links (or, across file systems, copies) the earlier export's file into the new mirror,
  // unless `out` holds those bytes already; kGone when it is gone or not of its size, so the
  // page is rendered.
  Result<Linked> link_earlier(const MirrorPageState& earlier) {
    if (holds(earlier.file, earlier.size, earlier.blake2b)) return Linked::kKept;
    const fs::path from = reuse_->dir / earlier.file;
    if (!plain_file_of(from, earlier.size)) return Linked::kGone;
    auto placed = place(earlier.file, [&from](const fs::path& to) {
      std::error_code ec;
      fs::create_hard_link(from, to, ec);
      if (!ec) return true;
      ec.clear();
      return fs::copy_file(from, to, ec) && !ec;
    });
    if (!placed) return placed.status();
    return *placed ? Linked::kLinked : Linked::kGone;
  }

  // The next URL to render: links found first (they are few), then records' pages.
  bool next(std::string& url) {
    std::unique_lock lock(mutex_);
    while (true) {
      if (!failure_.is_ok()) return false;
      if (!queue_.empty()) {
        url = std::move(queue_.front());
        queue_.pop_front();
        return true;
      }
      const auto langs = i18n::all_langs();
      while (next_record_ < record_paths_.size() * langs.size()) {
        auto lang = langs[next_record_ % langs.size()];
        const auto& path = record_paths_[next_record_ / langs.size()];
        ++next_record_;
        std::string candidate = "/" + std::string(i18n::url_prefix(lang)) + path;
        if (auto file = mirror_file(candidate); file && claim(*file)) {
          url = std::move(candidate);
          return true;
        }
      }
      if (busy_ == 0 && records_known_) return false;
      idle_.wait(lock);
    }
  }

  void work() {
    std::string url;
    while (next(url)) {
      {
        std::lock_guard lock(mutex_);
        ++busy_;
      }
      Status s = render(url, *mirror_file(url), true);
      std::lock_guard lock(mutex_);
      --busy_;
      ++done_;
      if (!s.is_ok() && failure_.is_ok()) failure_ = s;
      if (options_.progress && done_ % 1000 == 0)
        options_.progress(
            done_,
            done_ + queue_.size() + record_paths_.size() * i18n::all_langs().size() - next_record_);
      idle_.notify_all();
    }
  }

  ExportMemo memo_;
  MirrorRender render_;
  SharedRecords shared_records_{kSharedRecords};
  SharedLists shared_lists_;
  ReaderPool recording_;  // readers that note what each page reads
  PageCache cache_{0};    // unused: a mirror's pages are rendered once
  Context context_;
  const MirrorOptions& options_;
  const Reuse* reuse_;

  std::mutex mutex_;
  std::condition_variable idle_;
  std::deque<std::string> queue_;
  std::unordered_set<std::string> seen_;  // mirror files queued or written
  StringSet followed_;                    // links of pages add_links() has queued
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
  // Links that pages rendered again no longer hold (or held, when gone): views into the
  // earlier state's pages, which are never taken (moved) once rendered.
  std::vector<std::string_view> dropped_links_;
  bool root_copy_taken_ = false;
  MirrorReport report_;
  std::vector<bool> files_kept_;  // for each of report_.files: `out` held it already
  std::vector<std::thread> workers_;
  std::thread taker_;  // start_taking()
};

// sitemap.xml: every HTML page but the root's copy of a home page; past 50,000 pages a
// sitemap index of sitemap-1.xml, sitemap-2.xml ...
std::vector<std::pair<std::string, std::string>> sitemaps(const std::vector<MirrorFile>& files,
                                                          const std::string& base) {
  std::vector<std::string> pages;
  for (const auto& f : files)
    if (f.path.ends_with(".html") && f.path != kRootCopy) pages.push_back(f.path);
  std::sort(pages.begin(), pages.end());
  auto urlset = [&](std::size_t from, std::size_t to) {
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (std::size_t i = from; i < to; ++i)
      xml += "<url><loc>" + xml_escape(base + pages[i]) + "</loc></url>\n";
    return xml + "</urlset>\n";
  };
  if (pages.size() <= kSitemapUrls) return {{"sitemap.xml", urlset(0, pages.size())}};
  std::vector<std::pair<std::string, std::string>> out;
  std::string index =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (std::size_t from = 0; from < pages.size(); from += kSitemapUrls) {
    std::string name = "sitemap-" + std::to_string(from / kSitemapUrls + 1) + ".xml";
    index += "<sitemap><loc>" + xml_escape(base + name) + "</loc></sitemap>\n";
    out.emplace_back(name, urlset(from, std::min(pages.size(), from + kSitemapUrls)));
  }
  out.emplace_back("sitemap.xml", index + "</sitemapindex>\n");
  return out;
}

}  // namespace

Result<MirrorReport> export_mirror(const Site& site, ReaderPool& readers,
                                   const MirrorOptions& options) {
  std::error_code ec;
  if (options.out_holds.empty() && fs::exists(options.out, ec) && !fs::is_empty(options.out, ec))
    return Status::invalid(options.out.string() + ": not empty; give a new directory");
  fs::create_directories(options.out, ec);
  if (ec) return Status::io(options.out.string() + ": " + ec.message());

  // One reader for the snapshot: the generation, who is public, and every public record
  // (its page to render and its line of records.jsonl).
  auto lease = readers.acquire();
  if (!lease) return lease.status();
  store::Store& store = **lease;
  auto generation = store.last_change();
  if (!generation) return generation.status();
  auto oracle = store::public_oracle(store);
  if (!oracle) return oracle.status();
  auto head_hash = revision_hash(store, *generation);
  if (!head_hash) return head_hash.status();
  const std::int64_t day =
      monitor::day_of(monitor::shanghai_minutes(options.now)).time_since_epoch().count();
  MirrorState state{renderer_of(site, options), *generation, *head_hash, day, {}};

  // What the earlier export can give: every page whose reads no change since reaches.
  std::optional<Reuse> reuse;
  std::string rendered_all_because;
  if (MirrorState* earlier = options.previous_state; !earlier) {
    rendered_all_because = "there is no earlier export to build on";
  } else if (state.renderer.empty() || earlier->renderer != state.renderer) {
    rendered_all_because = "the program or the site's settings changed since the earlier export";
  } else {
    auto changed = changed_reads(store, earlier->generation, earlier->head_hash);
    if (!changed) return changed.status();
    if (!*changed) {
      rendered_all_because = "the database is not the one the earlier export showed";
    } else {
      reuse.emplace(Reuse{options.previous_dir,
                          &earlier->pages,
                          {},
                          std::move(**changed),
                          earlier->day != day,
                          std::move(earlier->broken_links)});
      for (auto& page : earlier->pages)
        if (!reuse->pages.emplace(page.file, &page).second) {
          rendered_all_because = "the earlier export's state names " + page.file + " twice";
          reuse.reset();
          break;
        }
      // The pages taken keep their lines, which number these strings.
      if (reuse) state.strings = earlier->strings;
    }
  }

  // The oracle notes each id a page asks about: the page changes when that record does.
  const MirrorRender render{[oracle = *oracle](std::string_view id) {
                              note_record(id);
                              return oracle(id);
                            },
                            options.now};
  Exporter exporter(site, readers, options, render, reuse ? &*reuse : nullptr);
  search::StaticIndexWriter index;
  std::vector<std::string> roots = fixed_pages();  // with the records' pages, if swept
  for (const auto& name : site.assets.names()) roots.push_back("/static/" + name);
  for (const auto& url : roots) exporter.add(url);

  // The pages without a record render (and the earlier export's are taken) while the records
  // are read, for their pages, their lines of records.jsonl and the search index.
  if (reuse) exporter.start_taking();
  exporter.start();
  auto records = read_mirror_records(store, *oracle, site, render, index);
  Status scanned = records.status();
  if (scanned.is_ok()) scanned = exporter.write("data/records.jsonl", records->jsonl).status();
  if (!scanned.is_ok()) {
    exporter.stop(scanned);
    return scanned;
  }
  exporter.add_record_pages(std::move(records->paths));
  records->jsonl = {};

  // The search index is built while the pages are: when most pages are taken from the earlier
  // export, the render threads wait on each other and leave a core free.
  Result<search::StaticIndexStats> indexed = Status::internal("the search index was not built");
  std::jthread indexing([&index, &exporter, &indexed] {
    indexed = index.write([&exporter](const std::string& name, std::string_view bytes) {
      return exporter.write("search/" + name, bytes).status();
    });
  });
  Status rendered = exporter.finish_pages();
  // The root opens in Simplified Chinese, as the live site's "/" does without a preference;
  // its language links lead to the others.
  const std::string home = "/" + std::string(i18n::url_prefix(i18n::Lang::kZhHans)) + "/";
  if (rendered.is_ok() && !exporter.root_copy_taken())
    rendered = exporter.render(home, std::string(kRootCopy), false);
  if (rendered.is_ok() && exporter.needs_sweep(roots)) rendered = exporter.sweep(std::move(roots));
  exporter.close_readers();
  indexing.join();
  JZ_RETURN_IF_ERROR(rendered);
  if (!indexed) return indexed.status();

  // Everything above read one state of the database, or the mirror would mix two.
  auto after = store.last_change();
  if (!after) return after.status();
  if (*after != *generation)
    return Status::conflict("the database changed during the export; run it again");

  for (const auto& [name, xml] : sitemaps(exporter.files(), options.base_url))
    JZ_RETURN_IF_ERROR(exporter.write(name, xml).status());
  JZ_RETURN_IF_ERROR(exporter.remove_stale());
  MirrorReport report = exporter.finish();
  report.generation = *generation;
  report.rendered_all_because = std::move(rendered_all_because);
  state.pages = std::move(report.state.pages);
  state.broken_links = std::move(report.state.broken_links);
  report.state = std::move(state);
  return report;
}

}  // namespace jz::web
