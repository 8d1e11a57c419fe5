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
#include "core/string_list.hpp"

namespace jz::web {

struct MirrorPageState {
  std::string url;          // "/en/persons/p1"
  std::string file;         // "en/persons/p1.html"
  StringList reads;         // PageReads::keys
  bool today = false;       // PageReads::today
  StringList links = {};    // the mirror's URLs it links to (followed when it is rendered)
  StringList outside = {};  // URLs it links to that a mirror cannot hold
  std::uint64_t size = 0;
  Digest blake2b = {};
  // Its "p" line in the state it was read from, naming strings by their numbers there
  // (MirrorState::strings): a page taken unchanged is written with it as it is, without
  // numbering its strings again. Empty for a page rendered now.
  std::string line = {};
};

// The "s" lines of a state file as read, in their order, and how many strings they are.
struct MirrorStateStrings {
  std::string lines;
  std::size_t count = 0;
  std::size_t numbered = 0;  // how many there were when the pages were last numbered afresh
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
  // The strings of the state the pages' lines come from: written first again, so that those
  // lines stay true. Null when the pages were not read from a state.
  std::shared_ptr<const MirrorStateStrings> strings = {};
};

// "m" -> "m.publish-state": beside the mirror, so a copy of the mirror leaves it out.
std::filesystem::path mirror_state_path(const std::filesystem::path& mirror);

// Lines: the header (JSON), then for each page the strings it uses first ("s", each string
// once in a numbering) and the page ("p", its strings by number), then the broken links
// ("b"). Written again with the strings it was read with (MirrorState::strings), it keeps them
// all, in their order, and numbers the strings of the pages rendered since after them, without
// looking for them among the earlier ones; strings no page names any more, and those written
// again, stay until there are twice as many as at the last numbering afresh, which then
// happens again. An error names the file and line.
Result<MirrorState> read_mirror_state(const std::filesystem::path& path);
// Written beside `path` and renamed over it, so a crash leaves the old state or the new.
Status write_mirror_state(const std::filesystem::path& path, const MirrorState& state);

}  // namespace jz::web
