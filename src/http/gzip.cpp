#include "http/gzip.hpp"

#define ZLIB_CONST  // next_in is const: the input is never written through
#include <zlib.h>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <new>
#include <stdexcept>
#include <string>

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

}  // namespace jz::http
