#pragma once

// Internal to jz_http; Boost-free so the tests can call it directly.
//
// What the server does to a response between the handler and the socket: conditional requests
// (If-None-Match → 304) and content coding (Accept-Encoding → gzip).

#include <cstddef>
#include <string>
#include <string_view>

#include "http/request.hpp"
#include "http/response.hpp"
#include "http/security_headers.hpp"

namespace jz::http::detail {

// Bodies shorter than this are sent as they are unless the handler precompressed them: gzip's
// own 18 bytes of framing and the CPU cost buy nothing there.
constexpr std::size_t kMinGzipBytes = 1024;
// On the fly we take zlib's default trade-off; gzip() (precompressing once) uses 9.
constexpr int kOnTheFlyLevel = 6;

// gzip at a given level (1–9, clamped); defined in gzip.cpp.
std::string gzip_at_level(std::string_view data, int level);

// What the request says about the response it wants.
struct RequestFacts {
  bool get = false;             // GET or HEAD: only these can be answered with 304
  std::string if_none_match;    // every If-None-Match field line, joined with ", "
  std::string accept_encoding;  // every Accept-Encoding field line, joined with ", "
};
RequestFacts request_facts(const Request& request);  // request.method is "GET" for HEAD too

// Every field line with this name (case-insensitive), joined with ", " as RFC 9110 §5.3 allows.
std::string joined_header(const HeaderList& headers, std::string_view name);

// True when the client takes gzip: the q-value of "gzip" (or "x-gzip"), or failing that of "*",
// is above 0, and the client did not rate "identity" higher. No header: false. A malformed
// q-value counts as 0.
bool accepts_gzip(std::string_view accept_encoding);

// RFC 9110 §13.1.2: does If-None-Match match this ETag? Weak comparison ("W/" is ignored on
// both sides), "*" matches any ETag, lists are searched; parsing stops at the first malformed
// member.
bool if_none_match_matches(std::string_view if_none_match, std::string_view etag);

// Adds token to the response's Vary unless it (or "*") is already there, merging it into the
// first Vary line rather than adding a second one.
void add_vary(HeaderList& headers, std::string_view token);

// Applies If-None-Match and Accept-Encoding to a response about to be sent:
//  - status 200 with an ETag matched by If-None-Match (GET/HEAD only) → 304 keeping only the
//    validator and cache headers (ETag, Cache-Control, Vary, Content-Location, Expires, Date)
//    and the security headers, with no body or content type;
//  - a compressible response (see is_compressible_type, or one with gzip_body) that has no
//    Content-Encoding and is not 1xx/204/304 gets "Vary: Accept-Encoding"; if the client
//    accepts gzip, the body becomes gzip_body (or, for bodies of at least kMinGzipBytes, the
//    body compressed now) with "Content-Encoding: gzip", and a strong ETag becomes weak, since
//    the bytes differ from the identity body's.
// gzip_body is always empty in the result. Never throws for a failed compression: the body is
// then sent as it is.
Response negotiate(Response response, const RequestFacts& request);

}  // namespace jz::http::detail
