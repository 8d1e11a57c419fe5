#include "web/handlers.hpp"
#include "web/template_sources.hpp"

namespace jz::web {

http::Response stylesheet(const http::Request&, Context&) {
  http::Response r;
  r.content_type = "text/css; charset=utf-8";
  r.body = std::string(template_sources().at("site.css"));
  r.headers.emplace_back("Cache-Control", "public, max-age=86400");
  return r;
}

}  // namespace jz::web
