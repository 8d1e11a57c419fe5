#include "web/static_assets.hpp"

#include <stdexcept>

#include "core/blake2b.hpp"
#include "web/embedded_files.hpp"
#include "web/page_cache.hpp"

namespace jz::web {
namespace {

std::string_view content_type(std::string_view name) {
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".json")) return "application/json";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (name.ends_with(".svg")) return "image/svg+xml";
  if (name.ends_with(".txt")) return "text/plain; charset=utf-8";
  throw std::logic_error("static/" + std::string(name) + ": add its content type");
}

}  // namespace

StaticAssets::StaticAssets() {
  for (const auto& [path, text] : embedded_files()) {
    if (!path.starts_with("static/")) continue;
    std::string name(path.substr(7));
    Asset a;
    a.response.content_type = content_type(name);
    a.response.body = std::string(text);
    finish_for_cache(a.response);
    // Immutable: the URL carries the content hash.
    a.response.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
    a.url = "/static/" + name + "?v=" + to_hex(blake2b(text)).substr(0, 12);
    assets_.emplace(std::move(name), std::move(a));
  }
}

std::vector<std::string> StaticAssets::names() const {
  std::vector<std::string> out;
  for (const auto& [name, asset] : assets_) out.push_back(name);
  return out;
}

const http::Response* StaticAssets::find(std::string_view name) const {
  auto it = assets_.find(name);
  return it == assets_.end() ? nullptr : &it->second.response;
}

std::string StaticAssets::url(std::string_view name) const {
  auto it = assets_.find(name);
  if (it == assets_.end()) throw std::logic_error("no static file " + std::string(name));
  return it->second.url;
}

}  // namespace jz::web
