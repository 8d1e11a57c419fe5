#include "web/serve.hpp"

#include <iostream>

#include "http/server.hpp"
#include "web/routes.hpp"
#include "web/team_desk.hpp"

namespace jz::web {

int serve(const std::string& db_path, std::unique_ptr<store::Store> writer,
          const ServeOptions& options) {
  auto site = Site::load();
  if (!site) {
    std::cerr << "jianzheng: " << site.status().message() << "\n";
    return 1;
  }
  (*site)->settings = options.site;
  ReaderPool readers([db_path]() -> Result<std::unique_ptr<store::Store>> {
    store::OpenOptions o;
    o.read_only = true;
    return store::open_sqlite(db_path, std::move(o));
  });
  // Open one reader now, so a database that cannot be read fails at start, not per request.
  if (auto first = readers.acquire(); !first) {
    std::cerr << "jianzheng: " << first.status().message() << "\n";
    return 1;
  }
  PageCache cache;
  TeamDesk desk(std::move(writer),
                store::FileStore(options.files_dir.empty() ? db_path + ".files" : options.files_dir,
                                 options.max_file_bytes));
  Context context{**site, readers, cache, &desk};

  http::ServerOptions server_options;
  server_options.bind = options.bind;
  server_options.port = options.port;
  server_options.worker_threads = options.workers;
  server_options.max_upload_bytes = options.max_file_bytes + 64 * 1024;  // and the form around it
  server_options.accepts_upload = accepts_upload;
  if (options.access_log)
    server_options.access_log = [](std::string_view line) { std::cerr << line << "\n"; };
  server_options.error_page = [&context](int status) {
    http::Request none;
    Call call(none, context.site);
    return call.error(status);
  };
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
