#include "mirror/mirror_path.hpp"

#include "core/utf8.hpp"

namespace jz::mirror {

std::optional<std::string> bad_mirror_path(std::string_view path) {
  if (path.empty()) return "an empty path";
  if (path.front() == '/') return "an absolute path";
  if (first_invalid_utf8(path)) return "not UTF-8";
  for (unsigned char c : path)
    if (c < 0x20 || c == 0x7f || c == '\\') return "a control character or backslash in the path";
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return "an empty, \".\" or \"..\" part";
    start = end + 1;
  }
  return std::nullopt;
}

bool is_signature_file(std::string_view path) {
  return path == kManifestFile || path == kSignatureFile;
}

}  // namespace jz::mirror
