#pragma once

// Decompresses what the server (or gzip()) produced with zlib itself, so the tests check the
// bytes on the wire against an independent decoder rather than against our own code.

#define ZLIB_CONST
#include <zlib.h>

#include <optional>
#include <string>
#include <string_view>

namespace jz::http::test {

// The decoded content of exactly one gzip member, or nullopt if data is not that.
inline std::optional<std::string> gunzip(std::string_view data) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return std::nullopt;  // 16: gzip wrapper only
  zs.next_in = reinterpret_cast<const Bytef*>(data.data());
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char chunk[16384];
  int rc;
  do {
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = sizeof chunk;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(chunk, sizeof chunk - zs.avail_out);
  } while (rc == Z_OK);
  bool whole = rc == Z_STREAM_END && zs.avail_in == 0;
  inflateEnd(&zs);
  if (!whole) return std::nullopt;
  return out;
}

}  // namespace jz::http::test
