#include "http/gzip.hpp"

#define ZLIB_CONST  // next_in is const: the input is never written through
#include <zlib.h>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <new>
#include <stdexcept>
#include <string>

#include "http/ascii_case.hpp"
#include "http/negotiate.hpp"

namespace jz::http {

namespace detail {

std::string gzip_at_level(std::string_view data, int level) {
  z_stream zs{};
  // windowBits 15 + 16: a gzip wrapper instead of a zlib one. Without deflateSetHeader zlib
  // writes a minimal header (no name, no comment, mtime 0), which is what keeps it deterministic.
  int rc = deflateInit2(&zs, std::clamp(level, 1, 9), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  if (rc == Z_MEM_ERROR) throw std::bad_alloc();
  if (rc != Z_OK) throw std::runtime_error("jz_http: deflateInit2 failed");
  struct End {
    z_stream* zs;
    ~End() { deflateEnd(zs); }
  } end{&zs};

  // avail_in / avail_out are 32-bit, so very large inputs go in slices.
  constexpr std::size_t kSlice = std::numeric_limits<uInt>::max();
  std::string out(static_cast<std::size_t>(deflateBound(&zs, data.size())), '\0');
  zs.next_in = reinterpret_cast<const Bytef*>(data.data());
  std::size_t in_left = data.size();
  for (;;) {
    if (zs.avail_in == 0 && in_left > 0) {
      zs.avail_in = static_cast<uInt>(std::min(in_left, kSlice));
      in_left -= zs.avail_in;
    }
    std::size_t produced = static_cast<std::size_t>(zs.total_out);
    if (produced == out.size()) out.resize(out.size() * 2);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    zs.avail_out = static_cast<uInt>(std::min(out.size() - produced, kSlice));
    rc = deflate(&zs, in_left == 0 ? Z_FINISH : Z_NO_FLUSH);
    if (rc == Z_STREAM_END) break;
    if (rc != Z_OK && rc != Z_BUF_ERROR) throw std::runtime_error("jz_http: deflate failed");
  }
  out.resize(static_cast<std::size_t>(zs.total_out));
  return out;
}

}  // namespace detail

std::string gzip(std::string_view data) {
  return detail::gzip_at_level(data, 9);
}

bool is_compressible_type(std::string_view content_type) {
  std::string_view media = content_type.substr(0, content_type.find(';'));
  while (!media.empty() && (media.front() == ' ' || media.front() == '\t')) media.remove_prefix(1);
  while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) media.remove_suffix(1);
  std::string type(media);
  for (char& c : type) c = detail::ascii_lower(c);
  std::string_view t = type;
  if (t.substr(0, 5) == "text/" && t.size() > 5) return true;
  for (std::string_view exact : {"application/json", "application/xml", "application/javascript",
                                 "image/svg+xml", "application/atom+xml"}) {
    if (t == exact) return true;
  }
  std::size_t slash = t.find('/');
  if (slash == std::string_view::npos || slash == 0) return false;
  std::string_view subtype = t.substr(slash + 1);
  auto ends_with = [&](std::string_view suffix) {
    return subtype.size() > suffix.size() &&
           subtype.substr(subtype.size() - suffix.size()) == suffix;
  };
  return ends_with("+xml") || ends_with("+json");
}

}  // namespace jz::http
