#include "mirror/server_configs.hpp"

#include <algorithm>

namespace jz::mirror {

namespace {

// A path nginx or Tor can take quoted: absolute, without quotes, backslashes, '$' (nginx
// variables), ';', braces or control characters.
Status check_path(const std::filesystem::path& p, const char* option) {
  const std::string& s = p.native();
  const bool ok =
      p.is_absolute() && std::none_of(s.begin(), s.end(), [](unsigned char c) {
        return c < 0x20 || c == 0x7f ||
               std::string_view("\"\\$;{}'#").find(static_cast<char>(c)) != std::string_view::npos;
      });
  if (ok) return Status::ok();
  return Status::invalid(std::string(option) + " \"" + s +
                         "\": give an absolute path without quotes, '$', ';', '#' or braces");
}

Status check_port(int port, const char* option) {
  if (port >= 1 && port <= 65535) return Status::ok();
  return Status::invalid(std::string(option) + " " + std::to_string(port) +
                         ": give a port from 1 to 65535");
}

bool only(std::string_view s, std::string_view allowed_punct) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           allowed_punct.find(c) != std::string_view::npos;
  });
}

std::string quoted(const std::filesystem::path& p) {
  return "\"" + p.string() + "\"";
}

// Files of a mirror; nginx's own list would tie the config to /etc/nginx.
constexpr std::string_view kTypes =
    "    text/html html;\n"
    "    text/css css;\n"
    "    text/javascript js mjs;\n"
    "    application/json json;\n"
    "    application/jsonl jsonl;\n"
    "    text/plain txt sig;\n"
    "    text/csv csv;\n"
    "    text/calendar ics;\n"
    "    application/atom+xml atom;\n"
    "    application/xml xml;\n"
    "    application/pdf pdf;\n"
    "    application/zip zip;\n"
    "    image/svg+xml svg;\n"
    "    image/png png;\n"
    "    image/jpeg jpg jpeg;\n"
    "    image/webp webp;\n"
    "    image/x-icon ico;\n"
    "    font/woff2 woff2;\n";

}  // namespace

Result<std::string> nginx_config(const NginxOptions& o) {
  JZ_RETURN_IF_ERROR(check_path(o.root, "--root"));
  JZ_RETURN_IF_ERROR(check_path(o.state_dir, "--state-dir"));
  JZ_RETURN_IF_ERROR(check_port(o.port, "--port"));
  if (!(o.listen == "*" || only(o.listen, ".:[]")))
    return Status::invalid("--listen \"" + o.listen + "\": give an IP address, or * for all");
  if (!only(o.server_name, ".-_*"))
    return Status::invalid("--server-name \"" + o.server_name +
                           "\": give a host name (letters, digits, '.', '-'), or _ for any");
  std::string address = o.listen;
  if (address.find(':') != std::string::npos && address.front() != '[')
    address = "[" + address + "]";
  const auto& s = o.state_dir;
  std::string c;
  c += "# nginx serving a Jianzheng mirror, written by `jianzheng mirror-config nginx`.\n"
       "# Runs as any user: everything it writes is under the state directory.\n"
       "#   nginx -t -c THIS_FILE -p " +
       s.string() +
       "/\n"
       "#   nginx -c THIS_FILE -p " +
       s.string() +
       "/ -g 'daemon off;'\n"
       "worker_processes auto;\n"
       "pid " +
       quoted(s / "nginx.pid") +
       ";\n"
       "# Only failures to start: request errors would name the reader's address.\n"
       "error_log " +
       quoted(s / "error.log") +
       " emerg;\n\n"
       "events {\n  worker_connections 1024;\n}\n\n"
       "http {\n"
       "  # Readers' addresses are never written anywhere.\n"
       "  access_log off;\n"
       "  log_not_found off;\n"
       "  server_tokens off;\n"
       "  client_body_temp_path " +
       quoted(s / "client_body") +
       ";\n"
       "  proxy_temp_path " +
       quoted(s / "proxy") +
       ";\n"
       "  fastcgi_temp_path " +
       quoted(s / "fastcgi") +
       ";\n"
       "  uwsgi_temp_path " +
       quoted(s / "uwsgi") +
       ";\n"
       "  scgi_temp_path " +
       quoted(s / "scgi") +
       ";\n"
       "  types {\n" +
       std::string(kTypes) +
       "  }\n"
       "  default_type application/octet-stream;\n"
       "  charset utf-8;\n"
       "  charset_types text/css text/plain text/javascript application/json application/jsonl "
       "text/csv text/calendar application/atom+xml application/xml image/svg+xml;\n"
       "  sendfile on;\n"
       "  tcp_nopush on;\n"
       "  keepalive_timeout 30s;\n"
       "  client_max_body_size 1k;\n";
  if (o.gzip_static) c += "  gzip_static on;\n  gzip_vary on;\n";
  c += "\n  server {\n"
       "    listen " +
       address + ":" + std::to_string(o.port) +
       ";\n"
       "    server_name " +
       o.server_name +
       ";\n"
       "    root " +
       quoted(o.root) +
       ";\n"
       "    index index.html;\n"
       "    # A mirror holds only files; nothing is served through a symlink.\n"
       "    disable_symlinks on;\n"
       "    # As the live site: no script but the mirror's own files, no referrer, no sniffing.\n"
       "    add_header Content-Security-Policy \"default-src 'none'; script-src 'self'; "
       "style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; "
       "frame-ancestors 'none'; base-uri 'none'\" always;\n"
       "    add_header Referrer-Policy no-referrer always;\n"
       "    add_header X-Content-Type-Options nosniff always;\n"
       "    add_header X-Frame-Options DENY always;\n"
       "    location / {\n"
       "      limit_except GET { deny all; }\n"
       "      try_files $uri $uri/index.html $uri.html =404;\n"
       "    }\n"
       "  }\n"
       "}\n";
  return c;
}

Result<std::string> torrc(const TorOptions& o) {
  JZ_RETURN_IF_ERROR(check_path(o.data_dir, "--data-dir"));
  JZ_RETURN_IF_ERROR(check_path(o.hidden_service_dir, "--hidden-service-dir"));
  JZ_RETURN_IF_ERROR(check_port(o.target_port, "--port"));
  if (!only(o.target, ".:[]"))
    return Status::invalid("--target \"" + o.target + "\": give the IP address nginx listens on");
  std::string target = o.target;
  if (target.find(':') != std::string::npos && target.front() != '[') target = "[" + target + "]";
  return "# Tor onion service for a Jianzheng mirror, written by `jianzheng mirror-config tor`.\n"
         "#   tor --verify-config -f THIS_FILE\n"
         "#   tor -f THIS_FILE   (the onion address is then in " +
         (o.hidden_service_dir / "hostname").string() +
         ")\n"
         "# Tor creates both directories (mode 0700) on its first start.\n"
         "DataDirectory " +
         quoted(o.data_dir) +
         "\n"
         "HiddenServiceDir " +
         quoted(o.hidden_service_dir) +
         "\n"
         "HiddenServicePort 80 " +
         target + ":" + std::to_string(o.target_port) +
         "\n"
         "# Only the onion service: no proxy for local programs, no relay, no control port.\n"
         "SocksPort 0\n"
         "ControlPort 0\n"
         "ORPort 0\n"
         "Log notice stdout\n";
}

}  // namespace jz::mirror
