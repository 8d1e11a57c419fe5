#pragma once
// Plain handler functions, one file each, named for the page they serve.
#include "http/request.hpp"
#include "http/response.hpp"
#include "web/context.hpp"

namespace jz::web {

http::Response home_page(const http::Request& request, Context& context);
http::Response health(const http::Request& request, Context& context);
http::Response stylesheet(const http::Request& request, Context& context);

}  // namespace jz::web
