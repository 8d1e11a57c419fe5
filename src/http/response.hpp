#pragma once

#include <string>
#include <utility>
#include <vector>

namespace jz::http {

// What a Handler returns. The server adds Content-Length, Server and the security headers
// (unless set here), so handlers only say what is specific to them.
struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static Response text(int status, std::string body);
  static Response redirect(int status, std::string location);
};

}  // namespace jz::http
