#include "web/serve.hpp"

#include <iostream>

#include "http/server.hpp"
#include "web/routes.hpp"

namespace jz::web {

int serve(store::Store& store, const ServeOptions& options) {
  Context context{store, {}, {}};
  http::ServerOptions server_options;
  server_options.bind = options.bind;
  server_options.port = options.port;
  if (options.access_log)
    server_options.access_log = [](std::string_view line) { std::cerr << line << "\n"; };
  http::Server server(server_options, [&context](const http::Request& request) {
    return dispatch(request, context);
  });
  std::string error;
  if (!server.start(&error)) {
    std::cerr << "jianzheng: cannot serve on " << options.bind << ":" << options.port << ": "
              << error << "\n";
    return 1;
  }
  std::cerr << "serving on http://" << options.bind << ":" << server.port()
            << "/ (Ctrl-C to stop)\n";
  return http::run_until_signal(server);
}

}  // namespace jz::web
