#pragma once
// One file's line of a manifest: the canonical form the manifest is written in, and the
// fast reading of it that reading a large mirror's manifest depends on (manifest.cpp checks
// every line read either way against entry_line()).
#include <optional>
#include <string>
#include <string_view>

#include "core/mirror_file.hpp"

namespace jz::mirror {

// {"path":"...","size":N,"blake2b":"64 hex digits"}, escaped as JSON, without a newline.
std::string entry_line(const MirrorFile& e);

// The fields of a line in the form entry_line() writes, when its path needs no escape (every
// path a mirror writes): read straight from the text, without building a JSON tree, which
// was most of the time taken to read a mirror's manifest. Nothing for anything else, which
// the caller leaves to a full JSON parse.
std::optional<MirrorFile> plain_entry(std::string_view line);

}  // namespace jz::mirror
