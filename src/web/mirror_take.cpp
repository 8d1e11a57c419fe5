// The taker thread: the earlier export's pages no change reaches are linked into the new
// mirror without following their links; the others are queued to be rendered.
#include "web/mirror_exporter.hpp"

#include "web/mirror_paths.hpp"

namespace jz::web {

namespace fs = std::filesystem;

void MirrorExporter::start_taking() {
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

Status MirrorExporter::take_unchanged() {
  std::size_t n = 0;
  for (MirrorPageState& earlier : *reuse_->in_order) {
    if (++n % 4096 == 0) {
      std::lock_guard lock(mutex_);
      if (!failure_.is_ok()) return Status::ok();  // stopped: the failure is known
    }
    const bool root_copy = earlier.file == kMirrorRootCopy;  // produced last, from its own URL
    if (!reuse_->reaches(earlier)) {
      auto linked = link_earlier(earlier);
      if (!linked) return linked.status();
      if (*linked != Linked::kGone) {
        root_copy_taken_ = root_copy_taken_ || root_copy;
        // Moved out: no thread asks for this page again, as its file is claimed.
        MirrorPageState page = std::move(earlier);
        std::lock_guard lock(mutex_);
        record_file({page.file.str(), page.size, page.blake2b}, *linked == Linked::kKept);
        ++report_.reused;
        add_links(page, false);
        pages_.push_back(std::move(page));
        taken_.push_back(true);
        continue;
      }
    }
    if (root_copy) continue;
    std::lock_guard lock(mutex_);
    queue_.push_back(earlier.url.str());
    idle_.notify_one();
  }
  std::lock_guard lock(mutex_);
  for (const auto& url : reuse_->broken_links) add(url);
  idle_.notify_all();
  return Status::ok();
}

Result<MirrorExporter::Linked> MirrorExporter::link_earlier(const MirrorPageState& earlier) {
  if (holds(earlier.file, earlier.size, earlier.blake2b)) return Linked::kKept;
  const fs::path from = reuse_->dir / earlier.file.view();
  if (!plain_file_of(from, earlier.size)) return Linked::kGone;
  auto placed = place(earlier.file.str(), [&from](const fs::path& to) {
    std::error_code ec;
    fs::create_hard_link(from, to, ec);
    if (!ec) return true;
    ec.clear();
    return fs::copy_file(from, to, ec) && !ec;
  });
  if (!placed) return placed.status();
  return *placed ? Linked::kLinked : Linked::kGone;
}

}  // namespace jz::web
