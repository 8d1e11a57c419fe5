#pragma once
// `jianzheng publish` as one call: the pages exported (web/mirror_export.hpp) into
// DIR.partial, made from the mirror before the current one (mirror/mirror_folders.hpp) so
// that only files that differ are written, then signed, swapped into DIR's place, the
// state for the next export kept beside it, and the bundle written.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "mirror/signer.hpp"
#include "web/context.hpp"
#include "web/mirror_export.hpp"
#include "web/reader_pool.hpp"

namespace jz::mirror_publish {

struct PublishOptions {
  std::filesystem::path dir;                       // new, empty, or an earlier mirror to replace
  std::filesystem::path bundle;                    // also this ZIP file, unless empty
  std::chrono::system_clock::time_point now = {};  // the day the running clocks count to
  std::string live_origin = {};                    // MirrorOptions::live_origin
  std::string base_url = {};                       // MirrorOptions::base_url
  unsigned threads = 2;
  bool full = false;  // render every page, not only those a change since DIR reached
  std::function<void(std::size_t done, std::size_t known)> progress = {};
};

struct Published {
  web::MirrorReport report;
  std::string created;  // the manifest's time: of the data, never of the run
  std::vector<std::string> warnings = {};
};

// Refuses a DIR that holds something other than a mirror, and leaves DIR as it was on any
// error.
Result<Published> publish_mirror(const web::Site& site, web::ReaderPool& readers,
                                 const mirror::Signer& signer, const PublishOptions& options);

}  // namespace jz::mirror_publish
