#pragma once
// The files under static/ as ready responses: ETag and gzip computed once at start-up, and
// a versioned URL (…?v=<hash>) so browsers on slow links keep them for a year.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/response.hpp"

namespace jz::web {

class StaticAssets {
 public:
  StaticAssets();
  // The response for static/<name>, or nullptr.
  const http::Response* find(std::string_view name) const;
  // "/static/site.css?v=1a2b3c4d5e6f": changes whenever the file does.
  std::string url(std::string_view name) const;
  // Every file under static/, by name: what a static mirror copies.
  std::vector<std::string> names() const;

 private:
  struct Asset {
    http::Response response;
    std::string url;
  };
  std::map<std::string, Asset, std::less<>> assets_;
};

}  // namespace jz::web
