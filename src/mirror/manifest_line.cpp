#include "mirror/manifest_line.hpp"

#include <charconv>

#include "core/json_writer.hpp"
#include "mirror/fingerprint.hpp"

namespace jz::mirror {

std::string entry_line(const MirrorFile& e) {
  JsonWriter w;
  w.begin_object().key("path").value(e.path);
  w.key("size").value(static_cast<long long>(e.size)).key("blake2b").value(to_hex(e.blake2b));
  return w.end_object().take();
}

std::optional<MirrorFile> plain_entry(std::string_view line) {
  constexpr std::string_view kPath = "{\"path\":\"",
                             kSize = "\",\"size\":", kHash = ",\"blake2b\":\"", kEnd = "\"}";
  if (!line.starts_with(kPath) || !line.ends_with(kEnd)) return std::nullopt;
  line.remove_prefix(kPath.size());
  line.remove_suffix(kEnd.size());
  const std::size_t path_end = line.find('"');
  if (path_end == line.npos || line.substr(0, path_end).find('\\') != line.npos ||
      !line.substr(path_end).starts_with(kSize))
    return std::nullopt;
  MirrorFile e;
  e.path = line.substr(0, path_end);
  line.remove_prefix(path_end + kSize.size());
  const std::size_t size_end = line.find(',');
  if (size_end == line.npos || size_end == 0) return std::nullopt;
  auto [end, ec] = std::from_chars(line.data(), line.data() + size_end, e.size);
  if (ec != std::errc() || end != line.data() + size_end) return std::nullopt;
  line.remove_prefix(size_end);
  if (!line.starts_with(kHash) || !from_hex(line.substr(kHash.size()), e.blake2b))
    return std::nullopt;
  return e;
}

}  // namespace jz::mirror
