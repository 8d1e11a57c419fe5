#pragma once
// The one route table: every URL the site answers, its handler and who may call it. A test
// walks this table, so a route cannot exist without saying who it is for.
#include <span>
#include <string_view>

#include "http/request.hpp"
#include "http/response.hpp"
#include "web/context.hpp"

namespace jz::web {

enum class Access { kPublic };

using HandlerFn = http::Response (*)(const http::Request&, Context&);

struct Route {
  std::string_view method;
  std::string_view path;
  HandlerFn handler;
  Access access;
  std::string_view what;
};

std::span<const Route> routes();

// Finds the route for a request: 404 when no path matches, 405 when the method does not.
http::Response dispatch(const http::Request& request, Context& context);

}  // namespace jz::web
