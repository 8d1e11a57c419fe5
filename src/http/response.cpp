#include "http/response.hpp"

namespace jz::http {

Response Response::text(int status, std::string body) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body);
  return r;
}

Response Response::redirect(int status, std::string location) {
  Response r;
  r.status = status;
  r.content_type.clear();  // no body, so no type
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

}  // namespace jz::http
