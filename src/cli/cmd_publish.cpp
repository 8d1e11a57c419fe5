#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

#include "cli/command.hpp"
#include "cli/progress_bar.hpp"
#include "cli/site_settings.hpp"
#include "core/partial_date.hpp"
#include "mirror/bundle.hpp"
#include "mirror/manifest.hpp"
#include "mirror/sign.hpp"
#include "mirror/signer.hpp"
#include "web/mirror_export.hpp"

namespace jz::cli {
namespace {

namespace fs = std::filesystem;

struct PublishArgs {
  std::string out;
  std::string bundle;
  SiteFiles files;
  std::string as_of;
  std::string live_url;
  std::string base_url;
  unsigned threads = 2;
  bool full = false;
};

// 04:00 UTC is noon in China: the day is the same wherever the moment is read.
constexpr std::chrono::hours kNoonInChina{4};

// The moment whose day in China the running clocks count to: noon of --as-of, or of today.
Result<std::chrono::system_clock::time_point> as_of_moment(const std::string& as_of) {
  using namespace std::chrono;
  if (as_of.empty())
    return system_clock::time_point(floor<days>(system_clock::now() + hours(8))) + kNoonInChina;
  auto day = PartialDate::parse(as_of);
  if (!day || !day->is_exact_day())
    return Status::invalid("--as-of \"" + as_of + "\": give a day as YYYY-MM-DD");
  return system_clock::time_point(day->earliest()) + kNoonInChina;
}

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

// Replaces `dir` (absent, or an earlier mirror) with the finished `staging` in two renames,
// so readers of `dir` see the old mirror or the new one, never half of one.
// Returns where the earlier mirror went ("" when there was none), for the caller to delete.
Result<fs::path> swap_into_place(const fs::path& staging, const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    fs::rename(staging, dir, ec);
    if (ec) return Status::io(dir.string() + ": " + ec.message());
    return fs::path();
  }
  fs::path old = dir.string() + ".old";
  fs::remove_all(old, ec);
  fs::rename(dir, old, ec);
  if (ec) return Status::io(dir.string() + ": cannot move it aside: " + ec.message());
  fs::rename(staging, dir, ec);
  if (ec) {
    std::error_code back;
    fs::rename(old, dir, back);
    return Status::io(dir.string() + ": " + ec.message());
  }
  return old;
}

// The manifest of every file written, signed; keys.json goes in with it.
Status sign(const fs::path& staging, const web::MirrorReport& report, const std::string& created,
            const mirror::Signer& signer) {
  std::vector<mirror::ManifestEntry> entries;
  entries.reserve(report.files.size());
  for (const auto& f : report.files) entries.push_back({f.path, f.size, f.blake2b});
  auto manifest = mirror::manifest_from_entries(std::move(entries), created);
  if (!manifest) return manifest.status();
  return mirror::sign_and_write(staging, std::move(*manifest), signer);
}

Status publish(const Globals& g, const PublishArgs& a) {
  if (a.out.empty()) return Status::invalid("--out: give the directory to write the mirror to");
  fs::path dir = fs::path(a.out).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();  // "out/" names "out"
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec) && !fs::exists(dir / "manifest.json", ec))
    return Status::invalid(dir.string() +
                           ": exists and is not a mirror (no manifest.json); give a new directory "
                           "or an earlier mirror to replace");
  auto now = as_of_moment(a.as_of);
  if (!now) return now.status();
  // The key first: without it there is nothing to publish.
  auto signer = mirror::load_signer(keys_dir(g, a.files.keys));
  if (!signer) return signer.status();
  auto settings = read_site_settings(g, a.files);
  if (!settings) return settings.status();

  web::ReaderPool readers([&g] {
    store::OpenOptions o;
    o.read_only = true;
    return store::open_sqlite(g.db, std::move(o));
  });
  auto site = web::Site::load();
  if (!site) return site.status();
  (*site)->settings = std::move(*settings);
  std::string created;
  std::int64_t generation = 0;
  {
    auto lease = readers.acquire();
    if (!lease) return lease.status();
    auto time = data_time(**lease, *now);
    if (!time) return time.status();
    created = *time;
    auto last = (*lease)->last_change();
    if (!last) return last.status();
    generation = *last;
  }

  // Written beside the mirror, then put in its place: a failure leaves the old one whole.
  const fs::path staging = dir.string() + ".partial";
  fs::remove_all(staging, ec);
  web::MirrorOptions options;
  options.out = staging;
  options.now = *now;
  options.live_origin = a.live_url;
  while (options.live_origin.ends_with('/')) options.live_origin.pop_back();
  options.base_url = a.base_url;
  if (!options.base_url.empty() && !options.base_url.ends_with('/')) options.base_url += '/';
  options.threads = a.threads;
  // The earlier mirror's state: its pages that nothing changed are taken, not rendered.
  const fs::path state_path = web::mirror_state_path(dir);
  std::optional<web::MirrorState> earlier;
  if (!a.full && fs::exists(dir / "manifest.json", ec)) {
    auto read = web::read_mirror_state(state_path);
    if (read)
      earlier = std::move(*read);
    else if (read.status().code() != Code::kNotFound)
      std::cerr << "warning: " << read.status().message() << "; rendering every page\n";
  }
  options.previous_dir = dir;
  options.previous_state = earlier ? &*earlier : nullptr;
  ProgressBar bar;
  options.progress = [&bar](std::size_t done, std::size_t known) { bar.update(done, known); };

  const auto start = std::chrono::steady_clock::now();
  auto report = web::export_mirror(**site, readers, options);
  if (report && a.full) report->rendered_all_because = "--full";
  Status signed_ = report ? sign(staging, *report, created, *signer) : report.status();
  if (signed_.is_ok() && report->generation != generation)
    signed_ = Status::conflict("the database changed during the export; run it again");
  if (!signed_.is_ok()) {
    fs::remove_all(staging, ec);
    return signed_;
  }
  // The state goes first and comes back after: a state never describes another mirror.
  fs::remove(state_path, ec);
  fs::remove(state_path.string() + ".jsonl", ec);  // the format before 0ca79a2: names hidden ids
  auto placed = swap_into_place(staging, dir);
  if (!placed) {
    fs::remove_all(staging, ec);
    return placed.status();
  }
  // The earlier mirror's files go while the state and the bundle are written (a mirror of
  // hard links is many files to unlink). If this stops halfway, the next publish finishes.
  std::jthread remove_earlier([old = std::move(*placed)] {
    std::error_code ignored;
    if (!old.empty()) fs::remove_all(old, ignored);
  });
  if (Status kept = web::write_mirror_state(state_path, report->state); !kept.is_ok())
    std::cerr << "warning: " << kept.message() << "; the next publish renders every page\n";
  if (!a.bundle.empty()) JZ_RETURN_IF_ERROR(mirror::write_bundle(dir, a.bundle, created));
  remove_earlier.join();  // the time printed is all of it
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  for (const auto& b : report->broken) std::cerr << "warning: broken link: " << b << "\n";
  std::cout << "wrote " << dir.string() << ": " << report->files.size() << " files, "
            << report->bytes << " bytes in " << seconds << " s; rendered " << report->pages
            << " pages (" << static_cast<long>(report->pages / std::max(seconds, 1e-9))
            << " pages/s), took " << report->reused << " unchanged from the earlier mirror"
            << (report->rendered_all_because.empty() ? ""
                                                     : " (" + report->rendered_all_because + ")")
            << "\n"
            << "signed with key " << signer->fingerprint() << ", data as of " << created << "\n";
  if (!a.bundle.empty()) std::cout << "bundle " << a.bundle << "\n";
  if (!report->outside.empty())
    std::cout << report->outside.size() << " distinct links lead to what only the live site "
              << "answers (filters, the API)"
              << (a.live_url.empty() ? "; give --live-url to send readers there" : "") << "\n";
  return Status::ok();
}

}  // namespace

void add_publish(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand(
      "publish", "Write a static mirror of the public site: every page in every language");
  auto a = std::make_shared<PublishArgs>();
  cmd->add_option("--out", a->out, "directory of the mirror (new, or an earlier mirror to replace)")
      ->required();
  cmd->add_option("--bundle", a->bundle,
                  "also write the signed mirror as one zip file, for a USB stick or a file share");
  add_site_options(*cmd, a->files);
  cmd->add_option("--as-of", a->as_of,
                  "day (YYYY-MM-DD) the running legal clocks count to; default today: the same "
                  "database and day give the same bytes");
  cmd->add_option("--live-url", a->live_url,
                  "origin of the live site (https://example.org): links to what a mirror cannot "
                  "answer (filters, the API) go there");
  cmd->add_option("--base-url", a->base_url,
                  "URL the mirror will be served at, for sitemap.xml (default: relative paths)");
  cmd->add_flag("--full", a->full,
                "render every page again, not only those whose data changed since the earlier "
                "mirror in --out");
  cmd->add_option("--threads", a->threads, "pages rendered at once")
      ->check(CLI::Range(1u, 64u))
      ->capture_default_str();
  cmd->callback([&g, a] {
    Status s = publish(g, *a);
    if (!s.is_ok()) g.exit_code = fail(s);
  });
}

}  // namespace jz::cli
