#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/command.hpp"
#include "cli/progress_bar.hpp"
#include "cli/site_settings.hpp"
#include "core/partial_date.hpp"
#include "mirror/signer.hpp"
#include "mirror_publish/publish_mirror.hpp"

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

Status publish(const Globals& g, const PublishArgs& a) {
  if (a.out.empty()) return Status::invalid("--out: give the directory to write the mirror to");
  mirror_publish::PublishOptions options;
  options.dir = fs::path(a.out).lexically_normal();
  if (options.dir.filename().empty()) options.dir = options.dir.parent_path();  // "out/": "out"
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

  options.bundle = a.bundle;
  options.full = a.full;
  auto& render = options.render;
  render.now = *now;
  render.live_origin = a.live_url;
  while (render.live_origin.ends_with('/')) render.live_origin.pop_back();
  render.base_url = a.base_url;
  if (!render.base_url.empty() && !render.base_url.ends_with('/')) render.base_url += '/';
  render.threads = a.threads;
  ProgressBar bar;
  render.progress = [&bar](std::size_t done, std::size_t known) { bar.update(done, known); };

  const auto start = std::chrono::steady_clock::now();
  auto published = mirror_publish::publish_mirror(**site, readers, *signer, options);
  if (!published) return published.status();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  const auto& report = published->report;
  for (const auto& w : published->warnings) std::cerr << "warning: " << w << "\n";
  for (const auto& b : report.broken) std::cerr << "warning: broken link: " << b << "\n";
  std::cout << "wrote " << options.dir.string() << ": " << report.files.size() << " files, "
            << report.bytes << " bytes in " << seconds << " s; rendered " << report.pages
            << " pages (" << static_cast<long>(report.pages / std::max(seconds, 1e-9))
            << " pages/s), took " << report.reused << " unchanged from the earlier mirror"
            << (report.rendered_all_because.empty() ? "" : " (" + report.rendered_all_because + ")")
            << (report.swept ? "; followed every link again, as a page was gone or dropped a link"
                             : "")
            << "\n"
            << "files: " << report.written << " written or linked, " << report.kept
            << " already there from the mirror before, " << report.removed << " removed\n"
            << "signed with key " << signer->fingerprint() << ", data as of " << published->created
            << "\n";
  if (!a.bundle.empty()) std::cout << "bundle " << a.bundle << "\n";
  if (!report.outside.empty())
    std::cout << report.outside.size() << " distinct links lead to what only the live site "
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
