#pragma once
// A static mirror of the public site: every public page in every language, rendered by the
// same handlers and templates as the live site (dispatch() with Context::mirror set), with
// relative links (mirror_paths.hpp), plus the assets, sitemap.xml and the public records as
// JSON Lines. Signing and bundling are src/mirror's; `jianzheng publish` puts them together.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/blake2b.hpp"
#include "core/mirror_file.hpp"
#include "core/status.hpp"
#include "web/context.hpp"
#include "web/mirror_state.hpp"

namespace jz::web {

struct MirrorOptions {
  std::filesystem::path out;  // absent or empty, unless it holds `out_holds`
  // What `out` holds already: an older mirror's files, from its manifest, each there as a
  // plain file with the size and bytes listed (mirror::start_staging leaves out what is not
  // there; publish flushed the files before it signed). Trusted, not looked at: a file
  // listed with the same bytes is left as it is; the others are replaced (a new file renamed
  // over the old, never written into: it may be a hard link shared with the earlier mirror),
  // and those the new mirror has no more are removed.
  std::vector<MirrorFile> out_holds = {};
  // Running clocks count to the day of this moment in China.
  std::chrono::system_clock::time_point now = {};
  // Where links to what a mirror cannot hold (the API, the login, filtered lists) go:
  // "https://example.org". Empty: filtered lists link to the whole list.
  std::string live_origin = {};
  // Before each <loc> in sitemap.xml ("https://mirror.example.org/jz/"); empty: paths
  // relative to the sitemap, which a reader's copy can use but search engines do not take.
  std::string base_url = {};
  unsigned threads = 2;
  // An earlier export and the state it left: its pages are linked into the new mirror where
  // nothing they read has changed since (page_reads.hpp), and rendered again otherwise; only
  // the links of the pages rendered are followed, unless one of them is gone or lost a link.
  // The pages taken and the broken links are moved out of the state (copying each page was a
  // tenth of a publish with nothing changed): give a copy to keep it whole. A copy shares the
  // state's pool of strings, which the export adds the strings of the pages it renders to.
  std::filesystem::path previous_dir = {};
  MirrorState* previous_state = nullptr;
  std::function<void(std::size_t done, std::size_t known)> progress = {};
};

struct MirrorReport {
  std::size_t pages = 0;   // responses rendered (HTML, Atom, iCalendar, CSV, PDF ...)
  std::size_t reused = 0;  // responses taken unchanged from the earlier export instead
  // Files put in `out` (written, or linked from the earlier export), left there as they were
  // (out_holds had the same bytes), and removed from it.
  std::size_t written = 0, kept = 0, removed = 0;
  std::string rendered_all_because = {};  // why no earlier page could be reused, if none was
  // The links of the pages taken were followed after all, because a page of the earlier
  // export is gone or one rendered again no longer links to all it did; pages that nothing
  // links to any more were removed.
  bool swept = false;
  std::vector<MirrorFile> files;  // every file of the mirror, sorted by path
  std::uint64_t bytes = 0;
  std::int64_t generation = 0;  // the store's last_change() the mirror shows
  // "en/x.html: /en/y answers 404", once for each file linked that the site does not answer,
  // naming one URL that led there, whether on a page taken or one rendered.
  std::vector<std::string> broken;
  std::vector<std::string> outside;  // distinct URLs linked that a mirror cannot hold
  MirrorState state;                 // for the next export: keep it at mirror_state_path()
};

// Writes the mirror into options.out. Fails when a page cannot be rendered or written, or the
// database changed while it was read (the mirror would mix two states: run it again); `out` may
// then hold part of the new mirror.
Result<MirrorReport> export_mirror(const Site& site, ReaderPool& readers,
                                   const MirrorOptions& options);

}  // namespace jz::web
