#pragma once
// Mustache templates (kainjow), parsed once at start-up and HTML-escaped by default. The
// template text is compiled into the binary (templates/*.mustache), so a deployment is one
// file and nothing is read from disk per request.
#include <memory>
#include <string>

#include "core/status.hpp"

namespace jz::web {

class Templates {
 public:
  Templates();
  ~Templates();
  // Renders template `name` with `data_json`, a JSON object of the values it shows.
  Result<std::string> render(const std::string& name, const std::string& data_json) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jz::web
