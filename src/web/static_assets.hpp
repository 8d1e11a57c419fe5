#pragma once
// The files under static/ as ready responses: ETag and gzip computed once at start-up, and
// a versioned URL (…?v=<hash>) so browsers on slow links keep them for a year.
#include <map>
#include <string>
#include <string_view>

#include "http/response.hpp"

namespace jz::web {

class StaticAssets {
 public:
  StaticAssets();
  // The response for static/<name>, or nullptr.
  const http::Response* find(std::string_view name) const;
  // "/static/site.css?v=1a2b3c4d5e6f": changes whenever the file does.
  std::string url(std::string_view name) const;

 private:
  struct Asset {
    http::Response response;
    std::string url;
  };
  std::map<std::string, Asset, std::less<>> assets_;
};

}  // namespace jz::web
