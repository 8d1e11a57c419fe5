// Handlers that do not read the store.
#include "web/handlers.hpp"

namespace jz::web {

http::Response language_redirect(Call& call) {
  // dispatch() already chose call.lang from Accept-Language.
  auto r = http::Response::redirect(302, call.url("/"));
  r.headers.emplace_back("Vary", "Accept-Language");
  r.headers.emplace_back("Cache-Control", "private, no-cache");
  return r;
}

http::Response health(Call&) {
  auto r = http::Response::text(200, "ok\n");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

http::Response static_file(Call& call) {
  const http::Response* asset = call.site.assets.find(call.collection);
  return asset ? *asset : call.error(404);
}

}  // namespace jz::web
