#include "web/routes.hpp"

#include <array>

#include "web/handlers.hpp"

namespace jz::web {
namespace {

constexpr std::array kRoutes{
    Route{"GET", "/", home_page, Access::kPublic, "home: counts and latest records"},
    Route{"GET", "/healthz", health, Access::kPublic, "liveness probe for monitoring"},
    Route{"GET", "/static/site.css", stylesheet, Access::kPublic, "the site's only stylesheet"},
};

}  // namespace

std::span<const Route> routes() {
  return kRoutes;
}

http::Response dispatch(const http::Request& request, Context& context) {
  // HEAD is answered as GET; the server drops the body.
  std::string_view method = request.method == "HEAD" ? "GET" : request.method;
  bool path_known = false;
  for (const auto& route : kRoutes) {
    if (route.path != request.path) continue;
    path_known = true;
    if (route.method == method) return route.handler(request, context);
  }
  if (path_known) {
    auto r = http::Response::text(405, "Method not allowed\n");
    r.headers.emplace_back("Allow", "GET, HEAD");
    return r;
  }
  return http::Response::text(404, "Not found / 未找到\n");
}

}  // namespace jz::web
