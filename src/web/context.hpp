#pragma once
// What every handler may use. Site is read-only after start-up and shared by all workers;
// each request borrows its own store reader from the pool; the cache holds rendered pages.
#include "i18n/messages.hpp"
#include "i18n/script_converter.hpp"
#include "monitor/priority.hpp"
#include "web/page_cache.hpp"
#include "web/reader_pool.hpp"
#include "web/static_assets.hpp"
#include "web/templates.hpp"

namespace jz::web {

struct Site {
  Templates templates;
  i18n::ScriptConverter script;
  i18n::Messages messages;
  StaticAssets assets;
  monitor::PriorityWeights priority_weights = {};  // `serve --priority-weights FILE`

  // Loads the catalogue and the conversion tables (OpenCC); fails if they are missing.
  static Result<std::unique_ptr<Site>> load();
};

class TeamDesk;

struct Context {
  const Site& site;
  ReaderPool& readers;
  PageCache& cache;
  // Logins and sessions (team_desk.hpp); without it, routes for the team answer 503.
  TeamDesk* desk = nullptr;
};

}  // namespace jz::web
