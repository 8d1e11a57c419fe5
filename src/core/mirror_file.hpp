#pragma once
// One file of a static mirror, as the export writes it and the signed manifest lists it: the
// web export (src/web) and the manifest (src/mirror) share it, so a publish hands the list
// from one to the other without converting every entry.
#include <cstdint>
#include <string>

#include "core/blake2b.hpp"

namespace jz {

struct MirrorFile {
  std::string path;  // relative to the mirror's root, "/"-separated
  std::uint64_t size = 0;
  Digest blake2b = {};
};

}  // namespace jz
