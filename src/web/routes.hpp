#pragma once
// The one route table: every URL the site answers, its handler, who may call it, and
// whether its responses are cached until the next write. A test walks this table, so a
// route cannot exist without saying who it is for.
#include <span>
#include <string_view>

#include "http/request.hpp"
#include "http/response.hpp"
#include "web/call.hpp"
#include "web/context.hpp"

namespace jz::web {

// Who may call a route: anyone, or a logged-in account with at least this role. A POST
// of the team must also carry its session's CSRF token (form field "csrf").
enum class Access { kPublic, kContributor, kResearcher, kEditor, kAdmin };

using HandlerFn = http::Response (*)(Call&);

struct Route {
  std::string_view method;
  // Segments in braces are parameters: {lang} (zh-hans, zh-hant, en), {id}, {collection},
  // {file}. A pattern ending in "/" is a list or index page.
  std::string_view pattern;
  HandlerFn handler;
  Access access;
  bool reads_store;  // gets a reader and the redaction oracle; cached until the next write
  std::string_view what;
};

std::span<const Route> routes();

// Whether a request may send a file (a larger body than other forms): http::ServerOptions
// asks before it reads the body.
bool accepts_upload(std::string_view method, std::string_view target);

// Finds the route for a request and answers it: from the page cache when nothing was
// written since it was rendered, else by calling the handler. 404 when no route matches,
// 405 when only the method does not, 301 to the canonical URL for a missing final "/".
http::Response dispatch(const http::Request& request, Context& context);

}  // namespace jz::web
