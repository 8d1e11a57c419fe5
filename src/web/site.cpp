#include "web/context.hpp"

namespace jz::web {

Result<std::unique_ptr<Site>> Site::load() {
  auto script = i18n::ScriptConverter::open();
  if (!script) return script.status();
  auto messages = i18n::Messages::load(*script);
  if (!messages) return messages.status();
  return std::unique_ptr<Site>(
      new Site{Templates(), std::move(*script), std::move(*messages), StaticAssets()});
}

}  // namespace jz::web
