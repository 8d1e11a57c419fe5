#pragma once

#include <string>
#include <utility>
#include <vector>

namespace jz::http {

// What a Handler returns. The server adds Content-Length, Server and the security headers
// (unless set here), so handlers only say what is specific to them.
//
// The server also negotiates for the handler: a 200 with an "ETag" header is sent as 304 Not
// Modified when the request's If-None-Match matches it, and a compressible body (text/*, JSON,
// XML, SVG, JavaScript; at least 1 KiB) is gzipped on the fly for clients that accept gzip,
// with "Vary: Accept-Encoding" added. A handler that sets Content-Encoding opts out.
struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // Optional: http::gzip(body), computed once by the caller (cached pages, static assets). When
  // set, it is sent instead of compressing body again, whatever the body's size or type. Must
  // decode to exactly body: clients that do not accept gzip get body.
  std::string gzip_body{};  // the {} keeps Response{status, type, body, headers} warning-free

  static Response text(int status, std::string body);
  static Response redirect(int status, std::string location);
};

}  // namespace jz::http
