#include "mirror_publish/publish_mirror.hpp"

#include <cstdio>
#include <optional>
#include <thread>

#include "mirror/bundle.hpp"
#include "mirror/file_io.hpp"
#include "mirror/manifest.hpp"
#include "mirror/mirror_folders.hpp"
#include "mirror/sign.hpp"

namespace jz::mirror_publish {
namespace {

namespace fs = std::filesystem;

// The time a mirror shows the data at, for its manifest: the later of the latest revision
// and the day its clocks count to. The same database and day give the same manifest.
Result<std::string> data_time(store::Store& store, std::chrono::system_clock::time_point now) {
  auto latest = store.recent_revisions(0, 1);
  if (!latest) return latest.status();
  using namespace std::chrono;
  const year_month_day ymd(floor<days>(now));
  const hh_mm_ss hms(floor<seconds>(now - floor<days>(now)));
  char day[32];
  std::snprintf(day, sizeof day, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long>(hms.seconds().count()));
  if (latest->empty() || latest->front().at < day) return std::string(day);
  return latest->front().at;
}

// The manifest of every file written, signed; keys.json goes in with it. The files reach the
// disk first: after a power cut, a manifest must not list bytes that were never written (the
// next publish but one updates this folder, trusting that it holds what the manifest says).
Status sign(const fs::path& staging, const web::MirrorReport& report, const std::string& created,
            const mirror::Signer& signer) {
  JZ_RETURN_IF_ERROR(mirror::sync_file_system(staging));
  auto manifest = mirror::manifest_from_entries(report.files, created);
  if (!manifest) return manifest.status();
  return mirror::sign_and_write(staging, std::move(*manifest), signer);
}

// The export into the staging folder, which holds `held` already.
Result<web::MirrorReport> export_into_staging(const web::Site& site, web::ReaderPool& readers,
                                              const PublishOptions& options,
                                              const mirror::MirrorFolders& folders,
                                              std::vector<MirrorFile> held,
                                              web::MirrorState* earlier) {
  web::MirrorOptions o = options.render;
  o.out = folders.staging;
  o.out_holds = std::move(held);
  o.previous_dir = folders.dir;
  o.previous_state = earlier;
  return web::export_mirror(site, readers, o);
}

}  // namespace

Result<Published> publish_mirror(const web::Site& site, web::ReaderPool& readers,
                                 const mirror::Signer& signer, const PublishOptions& options) {
  const auto folders = mirror::mirror_folders(options.dir);
  std::error_code ec;
  if (fs::exists(folders.dir, ec) && !fs::is_empty(folders.dir, ec) &&
      !fs::exists(folders.dir / "manifest.json", ec))
    return Status::invalid(folders.dir.string() +
                           ": exists and is not a mirror (no manifest.json); give a new directory "
                           "or an earlier mirror to replace");
  Published out;
  std::int64_t generation = 0;
  {
    auto lease = readers.acquire();
    if (!lease) return lease.status();
    auto time = data_time(**lease, options.render.now);
    if (!time) return time.status();
    out.created = std::move(*time);
    auto last = (*lease)->last_change();
    if (!last) return last.status();
    generation = *last;
  }

  // The mirror before DIR is read on another thread while the state is read here.
  Result<std::vector<MirrorFile>> held = Status::internal("no staging folder");
  std::jthread staging([&folders, &held] { held = mirror::start_staging(folders); });
  // The earlier mirror's state: its pages that nothing changed are taken, not rendered.
  const fs::path state_path = web::mirror_state_path(folders.dir);
  std::optional<web::MirrorState> earlier;
  if (!options.full && fs::exists(folders.dir / "manifest.json", ec)) {
    auto read = web::read_mirror_state(state_path);
    if (read)
      earlier = std::move(*read);
    else if (read.status().code() != Code::kNotFound)
      out.warnings.push_back(read.status().message() + "; rendering every page");
  }

  staging.join();
  if (!held) return held.status();
  auto report = export_into_staging(site, readers, options, folders, std::move(*held),
                                    earlier ? &*earlier : nullptr);
  // The mirror is signed while the state is written beside it as NEXT; it is put in place only
  // once the mirror is.
  const fs::path next_state = state_path.string() + ".next";
  Status signed_it = report.status(), state_written = report.status();
  if (report) {
    std::jthread state_writer(
        [&] { state_written = web::write_mirror_state(next_state, report->state); });
    signed_it = sign(folders.staging, *report, out.created, signer);
  }
  if (signed_it.is_ok() && report->generation != generation)
    signed_it = Status::conflict("the database changed during the export; run it again");
  if (report && options.full) report->rendered_all_because = "--full";
  // The state goes first and comes back after: a state never describes another mirror.
  if (signed_it.is_ok()) fs::remove(state_path, ec);
  Status placed = signed_it.is_ok() ? mirror::swap_in(folders) : signed_it;
  if (!placed.is_ok()) {
    fs::remove_all(folders.staging, ec);
    fs::remove(next_state, ec);
    return placed;
  }
  fs::remove(state_path.string() + ".jsonl", ec);  // the format before 0ca79a2: names hidden ids
  if (state_written.is_ok()) {
    fs::rename(next_state, state_path, ec);
    if (ec)
      state_written = Status::io("cannot rename " + next_state.string() + " to " +
                                 state_path.string() + ": " + ec.message());
  }
  if (!state_written.is_ok()) {
    fs::remove(next_state, ec);
    out.warnings.push_back(state_written.message() + "; the next publish renders every page");
  }
  if (!options.bundle.empty())
    JZ_RETURN_IF_ERROR(mirror::write_bundle(folders.dir, options.bundle, out.created));
  out.report = std::move(*report);
  return out;
}

}  // namespace jz::mirror_publish
