#pragma once

// Public and Boost-free: the web layer precompresses cached pages and static assets once and
// hands the result to the server in Response::gzip_body.

#include <string>
#include <string_view>

namespace jz::http {

// The gzip (RFC 1952) encoding of data at the best compression level. Deterministic: the header
// has no file name and mtime 0, so the same input gives the same bytes (with the same zlib), and
// a page built twice does not look changed. Throws std::bad_alloc when zlib is out of memory.
std::string gzip(std::string_view data);

// text/*, application/json, application/xml, application/javascript and any +xml or +json
// type (image/svg+xml, application/atom+xml, ...). Parameters such as charset are ignored.
// The server compresses these on the fly; callers precompressing use the same rule.
bool is_compressible_type(std::string_view content_type);

}  // namespace jz::http
