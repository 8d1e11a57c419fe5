#pragma once
// `jianzheng publish` as one call: the pages exported (web/mirror_export.hpp) into
// DIR.partial, made from the mirror before the current one (mirror/mirror_folders.hpp) so
// that only files that differ are written, then signed, swapped into DIR's place, the
// state for the next export kept beside it, and the bundle written.
#include <filesystem>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "mirror/signer.hpp"
#include "web/context.hpp"
#include "web/mirror_export.hpp"
#include "web/reader_pool.hpp"

namespace jz::mirror_publish {

struct PublishOptions {
  std::filesystem::path dir;     // new, empty, or an earlier mirror to replace
  std::filesystem::path bundle;  // also this ZIP file, unless empty
  bool full = false;             // render every page, not only those a change since DIR reached
  // How pages are rendered (now, live_origin, base_url, threads, progress); publish_mirror
  // sets where they go and what is taken from earlier mirrors.
  web::MirrorOptions render = {};
};

struct Published {
  web::MirrorReport report;
  std::string created;  // the manifest's time: of the data, never of the run
  std::vector<std::string> warnings = {};
};

// Refuses a DIR (or a DIR.previous) that holds something other than a mirror. An error leaves
// DIR as it was; one after the export began also discards DIR.previous (the next publish
// links every unchanged page from DIR), and a failure to put the new mirror in place the
// state too (the next renders every page). A bundle that cannot be written leaves the new
// mirror in place.
Result<Published> publish_mirror(const web::Site& site, web::ReaderPool& readers,
                                 const mirror::Signer& signer, const PublishOptions& options);

}  // namespace jz::mirror_publish
