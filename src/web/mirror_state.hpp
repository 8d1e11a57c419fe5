#pragma once
// What one mirror export leaves for the next, so that the next renders only what changed:
// the database's head it showed, the day its clocks counted to, what rendered it, and for
// each page its URL, file, what it read (page_reads.hpp), where it links and its hash. It is
// kept beside the mirror (mirror_state_path), never in it: what a page read includes the ids
// of records that are not public.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/blake2b.hpp"
#include "core/status.hpp"
#include "core/string_pool.hpp"

namespace jz::web {

// A page's strings are numbers into its state's pool (MirrorState::strings): the URLs and
// keys pages share are kept once.
struct MirrorPageState {
  PooledString url;            // "/en/persons/p1"
  PooledString file;           // "en/persons/p1.html"
  PooledStrings reads = {};    // PageReads::keys
  bool today = false;          // PageReads::today
  PooledStrings links = {};    // the mirror's URLs it links to (followed when it is rendered)
  PooledStrings outside = {};  // URLs it links to that a mirror cannot hold
  std::uint64_t size = 0;
  Digest blake2b = {};
};

struct MirrorState {
  std::string renderer;         // hex digest of the program, the site's settings and the options
  std::int64_t generation = 0;  // the store's last_change() the mirror shows
  std::string head_hash;        // the hash of that revision ("" when there was none)
  std::int64_t day = 0;         // the day in China its clocks counted to (days since 1970)
  std::vector<MirrorPageState> pages;
  // URLs pages link to that the site does not answer (a 404): an export that takes the pages
  // unchanged does not follow their links, so it renders these again to report them.
  std::vector<std::string> broken_links = {};
  // The strings its pages name. An export that builds on this state numbers the pages it
  // renders in the same pool, beside the pages it takes.
  std::shared_ptr<StringPool> strings = std::make_shared<StringPool>();
};

// Whether every string of `page` is numbered in `pool`: a page made for another state names
// other strings by the same numbers.
bool pooled_in(const MirrorPageState& page, const StringPool& pool);

// "m" -> "m.publish-state": beside the mirror, so a copy of the mirror leaves it out.
std::filesystem::path mirror_state_path(const std::filesystem::path& mirror);

// Lines: the header (JSON), then for each page the strings it names first that no page
// before it did ("s", numbered from 0 in the order written) and the page ("p", its strings by
// number), then the broken links ("b"). Only the strings pages name are written, each once,
// however many the pool holds. An error names the file and line.
Result<MirrorState> read_mirror_state(const std::filesystem::path& path);
// Written beside `path` and renamed over it, so a crash leaves the old state or the new.
Status write_mirror_state(const std::filesystem::path& path, const MirrorState& state);

}  // namespace jz::web
