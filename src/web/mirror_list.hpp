#pragma once
// The mirrors a site knows of, for its mirrors page: a JSON file the organisation keeps
// (`serve --mirrors FILE`, `publish --mirrors FILE`; data/demo/mirrors.json shows the shape).
#include <filesystem>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "core/text.hpp"

namespace jz::web {

struct KnownMirror {
  std::string url;  // http(s)://..., an onion service's too
  Text note;        // who runs it, how often it is updated ...
  bool onion() const;
};

// The list in `path`: {"mirrors": [{"url": "...", "note": {"en": "...", "zh": "..."}}]}. An
// error names the file and the entry.
Result<std::vector<KnownMirror>> read_mirror_list(const std::filesystem::path& path);

}  // namespace jz::web
