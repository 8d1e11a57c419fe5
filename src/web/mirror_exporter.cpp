#include "web/mirror_exporter.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "http/path_decode.hpp"
#include "web/mirror_paths.hpp"
#include "web/page_reads.hpp"
#include "web/routes.hpp"

namespace jz::web {

namespace fs = std::filesystem;

namespace {

bool is_linking_text(const std::string& content_type) {
  return content_type.starts_with("text/html") || content_type.starts_with("application/atom+xml");
}

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

MirrorExporter::MirrorExporter(const Site& site, ReaderPool& readers, const MirrorOptions& options,
                               MirrorRender render, std::shared_ptr<StringPool> strings,
                               const MirrorReuse* reuse)
    : render_(std::move(render)),
      recording_([&readers, this]() -> Result<std::unique_ptr<store::Store>> {
        auto lease = readers.acquire();
        if (!lease) return lease.status();
        return ReadsRecordingStore::open(std::move(*lease), shared_records_, shared_lists_);
      }),
      context_{site, recording_, cache_, nullptr, &render_},
      options_(options),
      strings_(*strings),
      reuse_(reuse) {
  render_.memo = &memo_;
  report_.state.strings = std::move(strings);
  held_.reserve(options.out_holds.size());
  for (const auto& f : options.out_holds) held_.emplace(f.path, &f);
  // About as many pages and files as last time: grown one at a time, the vectors of millions
  // were copied again and again, the old copy held while the new one filled.
  if (reuse) {
    const std::size_t n = reuse->in_order->size();
    pages_.reserve(n + n / 64 + 64);  // room for a few pages more
    taken_.reserve(pages_.capacity());
  }
  report_.files.reserve(std::max(options.out_holds.size(), pages_.capacity()));
  files_kept_.reserve(report_.files.capacity());
}

void MirrorExporter::add(std::string url) {
  auto file = mirror_file(url);
  if (!file || !claim(*file)) return;
  queue_.push_back(std::move(url));
}

MirrorExporter::~MirrorExporter() {
  if (!workers_.empty() || taker_.joinable()) stop(Status::internal("the export stopped early"));
}

void MirrorExporter::start() {
  for (unsigned i = 0; i < std::max(1u, options_.threads); ++i)
    workers_.emplace_back([this] { work(); });
}

void MirrorExporter::add_record_pages(std::vector<std::string> record_paths) {
  std::lock_guard lock(mutex_);
  record_paths_ = std::move(record_paths);
  records_known_ = true;
  idle_.notify_all();
}

Status MirrorExporter::finish_pages() {
  for (auto& w : workers_) w.join();
  workers_.clear();
  if (taker_.joinable()) taker_.join();
  return failure_;
}

void MirrorExporter::stop(Status why) {
  {
    std::lock_guard lock(mutex_);
    if (failure_.is_ok()) failure_ = std::move(why);
    idle_.notify_all();
  }
  (void)finish_pages();
}

Result<MirrorFile> MirrorExporter::write(const std::string& path, std::string_view bytes) {
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
    if (!*placed) return Status::io((options_.out / path).string() + ": cannot write (disk full?)");
  }
  add_file(file, kept);
  return file;
}

Status MirrorExporter::remove_stale() {
  std::unordered_set<std::string_view> now;
  for (const auto& f : report_.files) now.insert(f.path);
  for (const auto& [path, file] : held_)
    if (!now.contains(path)) JZ_RETURN_IF_ERROR(remove_file(path));
  return Status::ok();
}

Status MirrorExporter::render(const std::string& url, const std::string& file, bool follow) {
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
  const auto file_id = strings_.intern(file);
  const MirrorPageState* before = nullptr;
  if (reuse_)
    if (auto it = reuse_->pages.find(file_id); it != reuse_->pages.end()) before = it->second;
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
  MirrorPageState page{.url = PooledString(strings_, url),
                       .file = PooledString(strings_, file_id),
                       .reads = PooledStrings(strings_, reads.keys),
                       .today = reads.today};
  const bool linking = is_linking_text(response.content_type);
  if (linking) {
    auto links = relative_links(response.body, file, options_.live_origin);
    response.body = std::move(links.body);
    sort_unique(links.targets);
    sort_unique(links.outside);
    page.links = PooledStrings(strings_, links.targets);
    page.outside = PooledStrings(strings_, links.outside);
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

MirrorReport MirrorExporter::finish() {
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

Status MirrorExporter::make_parent(const fs::path& target) {
  std::lock_guard lock(mutex_);
  if (!made_dirs_.insert(target.parent_path().string()).second) return Status::ok();
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  if (ec) return Status::io(target.parent_path().string() + ": " + ec.message());
  return Status::ok();
}

void MirrorExporter::add_file(MirrorFile file, bool kept) {
  std::lock_guard lock(mutex_);
  record_file(std::move(file), kept);
}

bool MirrorExporter::claim(const std::string& file) {
  const auto id = strings_.intern(file);  // one lookup of the string, then numbers only
  if (reuse_ && reuse_->pages.contains(id)) return false;
  return seen_.insert(id).second;
}

Status MirrorExporter::remove_file(std::string_view path, bool counted) {
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

void MirrorExporter::sort_pages() {
  const auto by_file = [this](std::size_t a, std::size_t b) {
    return pages_[a].file.view() < pages_[b].file.view();
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

void MirrorExporter::record_file(MirrorFile file, bool kept) {
  report_.bytes += file.size;
  ++(kept ? report_.kept : report_.written);
  report_.files.push_back(std::move(file));
  files_kept_.push_back(kept);
}

bool MirrorExporter::plain_file_of(const fs::path& path, std::uint64_t size) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
         static_cast<std::uint64_t>(st.st_size) == size;
}

bool MirrorExporter::holds(std::string_view path, std::uint64_t size, const Digest& blake2b) const {
  auto it = held_.find(path);
  return it != held_.end() && it->second->blake2b == blake2b && it->second->size == size;
}

Result<bool> MirrorExporter::place(const std::string& path,
                                   const std::function<bool(const fs::path&)>& make) {
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

void MirrorExporter::add_links(const MirrorPageState& page, bool follow) {
  for (auto u : page.outside)
    if (!outside_.contains(u)) outside_.emplace(u);  // most are known: no string made for them
  if (follow)
    for (auto id : page.links.ids())
      if (followed_.insert(id).second) add(std::string(strings_[id]));
}

bool MirrorExporter::next(std::string& url) {
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

void MirrorExporter::work() {
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
      options_.progress(done_, done_ + queue_.size() +
                                   record_paths_.size() * i18n::all_langs().size() - next_record_);
    idle_.notify_all();
  }
}

}  // namespace jz::web
