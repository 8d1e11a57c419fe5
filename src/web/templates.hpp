#pragma once
// Mustache templates (kainjow), parsed once at start-up and HTML-escaped by default. The
// template text is compiled into the binary (templates/*.mustache).
#include <map>
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

// `text` with every {{>name}} replaced by partials[name], itself with its partials inlined.
// kainjow parses a partial's text again each time it meets one while rendering (8 % of a
// mirror export's time); it renders a partial inline, in the same context and on the same
// line, without indenting it, so rendering the inlined text gives the same output
// (tests/web/templates_test.cpp). An unknown partial or nesting deeper than 8 throws
// std::logic_error naming `where`: templates are compiled in, so that is a programming error.
std::string inline_partials(std::string_view text,
                            const std::map<std::string, std::string>& partials,
                            std::string_view where, int depth = 0);

}  // namespace jz::web
