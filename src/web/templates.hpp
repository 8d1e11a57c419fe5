#pragma once
// Mustache templates (kainjow), parsed once at start-up and HTML-escaped by default. The
// template text is compiled into the binary (templates/*.mustache).
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/status.hpp"

namespace jz::web {

class Templates {
 public:
  Templates();
  ~Templates();
  Templates(Templates&&) noexcept;
  // Renders template `name` ("person.mustache") with `data`, a JSON object of what it shows.
  // Safe to call from several threads.
  Result<std::string> render(std::string_view name, const nlohmann::json& data) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jz::web
