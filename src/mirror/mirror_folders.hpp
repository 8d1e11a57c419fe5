#pragma once
// The folders of a mirror published at DIR: DIR itself (what readers are served), DIR.partial
// (the next mirror while it is written) and DIR.previous (the mirror before DIR, kept so that
// the next publish turns it into the new one, writing only the files that differ). The two
// beside DIR belong to `jianzheng publish`, which removes what it cannot use in them.
#include <filesystem>
#include <vector>

#include "core/status.hpp"
#include "mirror/manifest.hpp"

namespace jz::mirror {

struct MirrorFolders {
  std::filesystem::path dir, staging, previous;
};
MirrorFolders mirror_folders(const std::filesystem::path& dir);

// Makes DIR.partial from DIR.previous when that is a mirror whose manifest reads, and returns
// the files the manifest lists that are there as plain files (keys.json left out: signing
// replaces it); any other file or folder is removed, but for the signature's. Otherwise (or
// when none of its files is left) DIR.partial is a new, empty folder and nothing is returned.
// Refuses a DIR.previous that is not a mirror at all. Only the folders are read, not the
// files (no stat of each where the file system gives each entry's type, nor its bytes): publish
// trusts that nobody edited what it wrote in place (`verify-mirror` tells).
Result<std::vector<MirrorFile>> start_staging(const MirrorFolders& folders);

// Puts DIR.partial in DIR's place and DIR in DIR.previous's, in two renames: DIR is the old
// mirror or the new one, never part of one, and is missing only between the two renames.
Status swap_in(const MirrorFolders& folders);

}  // namespace jz::mirror
